//! The question "who is using Cruscotto here?": the manager of one area (with
//! their name) or the planning office. Never required: the overview shows it
//! as a panel beside the scores, and "later" puts it off.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::role::Role;
use crate::state::use_app;

/// A form choosing the role of this device, filled with the current choice.
#[component]
pub fn RoleForm(
    /// Prefix of the form's element ids, so the form can appear on two screens.
    id: &'static str,
    /// Offers "later", which stops asking without choosing.
    #[prop(optional)]
    later: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let office = RwSignal::new(app.office.get_untracked());
    let area = RwSignal::new(app.area.get_untracked().unwrap_or_default());
    let name = RwSignal::new(app.name.get_untracked().unwrap_or_default());
    let missing_area = RwSignal::new(false);
    let areas = app.plan.with_untracked(|p| {
        p.areas
            .iter()
            .map(|a| (a.code.clone(), format!("{} – {}", a.code, a.name)))
            .collect::<Vec<_>>()
    });
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = Some(name.get_untracked().trim().to_string()).filter(|n| !n.is_empty());
        let role = if office.get_untracked() {
            Role::Office { name }
        } else {
            let area = area.get_untracked();
            if area.is_empty() {
                missing_area.set(true);
                return;
            }
            Role::Manager { area, name }
        };
        missing_area.set(false);
        app.set_role(role);
        saved.set(true);
    };
    let ids = move |suffix: &str| format!("{id}-{suffix}");
    view! {
        <form class="role-form" id=ids("form") on:submit=save>
            <fieldset class="option-group">
                <legend>{t!(i18n, settings.role_legend)}</legend>
                <div class="option">
                    <input type="radio" id=ids("manager") name=ids("role") value="manager"
                        prop:checked=move || !office.get()
                        on:change=move |_| office.set(false) />
                    <label for=ids("manager")>{t!(i18n, settings.role_manager)}</label>
                </div>
                <div class="option">
                    <input type="radio" id=ids("office") name=ids("role") value="office"
                        prop:checked=move || office.get()
                        on:change=move |_| office.set(true) />
                    <label for=ids("office")>{t!(i18n, settings.role_office)}</label>
                </div>
            </fieldset>
            <div class="field" hidden=move || office.get()>
                <label for=ids("area")>{t!(i18n, settings.role_area)}</label>
                <select id=ids("area") on:change=move |ev| area.set(event_target_value(&ev))
                    aria-invalid=move || if missing_area.get() { "true" } else { "false" }>
                    <option value="" prop:selected=move || area.get().is_empty()>{t!(i18n, settings.role_area_none)}</option>
                    {areas.into_iter().map(|(code, label)| {
                        let c = code.clone();
                        view! { <option value=code prop:selected=move || area.get() == c>{label}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error" role="alert" hidden=move || !missing_area.get()>{t!(i18n, settings.role_area_missing)}</p>
            </div>
            <div class="field">
                <label for=ids("name")>{t!(i18n, settings.role_name)}</label>
                <input type="text" id=ids("name") autocomplete="name"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
                <p class="hint">{t!(i18n, settings.role_name_hint)}</p>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn" id=ids("save")>{t!(i18n, settings.role_save)}</button>
                {later.then(|| view! {
                    " "
                    <button type="button" class="btn btn-secondary" id=ids("later")
                        on:click=move |_| app.role_asked.set(true)>
                        {t!(i18n, settings.role_later)}
                    </button>
                })}
                <span class="role-saved" role="status">{move || saved.get().then_some(t!(i18n, settings.role_saved))}</span>
            </div>
        </form>
    }
}
