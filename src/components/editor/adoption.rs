//! The plan's adoption in the editor: before it, a form (date and act) that
//! marks the plan adopted; after it, what adopted it, the way to the
//! registry of revisions and, while nothing has changed since, the way back.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::fields::date_field::DateField;
use crate::components::links::route;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::revisions::revision_error;

/// The adoption section of the editor.
#[component]
pub fn EditorAdoption() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let adoption = Memo::new(move |_| app.plan.with(|p| p.adoption.clone()));
    let revisions = Memo::new(move |_| app.plan.with(|p| p.revisions.len()));
    let untouched = Memo::new(move |_| {
        app.plan
            .with(|p| p.revisions.is_empty() && p.unrecorded.is_empty())
    });
    let date = RwSignal::new(None::<NaiveDate>);
    let act = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let adopt = move |_| {
        let Some(day) = date.get_untracked() else {
            error.set(Some(
                t_string!(i18n, revisions.error_empty_effective).to_string(),
            ));
            return;
        };
        match app.adopt_plan(day, &act.get_untracked()) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(revision_error(&e, app.lang.get_untracked()))),
        }
    };
    let withdraw = move |_| {
        if let Err(e) = app.withdraw_adoption() {
            error.set(Some(revision_error(&e, app.lang.get_untracked())));
        }
    };

    view! {
        <section class="editor-section" id="editor-adoption" aria-labelledby="f-plan-adoption">
            // The id the plan checks link to for `plan.adoption…` problems.
            <h2 id="f-plan-adoption" tabindex="-1">{t!(i18n, revisions.adoption_heading)}</h2>
            {move || match adoption.get() {
                None => view! {
                    <p class="hint">{t!(i18n, revisions.draft_explained)}</p>
                    <div class="form-grid">
                        <div class="field">
                            <label for="adoption-date" class="field-label">{t!(i18n, revisions.adoption_date)}</label>
                            <DateField id="adoption-date".to_string()
                                value=Signal::derive(move || date.get())
                                on_change=Callback::new(move |d| date.set(d)) />
                        </div>
                        <div class="field">
                            <label for="adoption-act" class="field-label">{t!(i18n, revisions.adoption_act)}</label>
                            <input type="text" id="adoption-act" autocomplete="off"
                                aria-describedby="adoption-act-hint"
                                prop:value=move || act.get()
                                on:input=move |ev| act.set(event_target_value(&ev)) />
                            <p class="hint" id="adoption-act-hint">{t!(i18n, revisions.adoption_act_hint)}</p>
                        </div>
                    </div>
                    <button type="button" class="btn btn-primary" id="adoption-adopt" on:click=adopt>
                        {t!(i18n, revisions.adopt)}
                    </button>
                }.into_any(),
                Some(a) => {
                    let day = format::date(a.date, app.lang.get());
                    let act_text = a.act.clone();
                    view! {
                        <p class="notice ok" id="adoption-state">
                            {t!(i18n, revisions.adopted, date = move || day.clone(), act = move || act_text.clone())}
                        </p>
                        <p class="hint">{t!(i18n, revisions.adopted_explained)}</p>
                        <p>
                            <A href=route("/registry")>
                                {t!(i18n, revisions.registry_link, count = move || revisions.get())}
                            </A>
                        </p>
                        <Show when=move || untouched.get()>
                            <button type="button" class="btn" id="adoption-withdraw"
                                aria-describedby="adoption-withdraw-hint" on:click=withdraw>
                                {t!(i18n, revisions.withdraw)}
                            </button>
                            <p class="hint" id="adoption-withdraw-hint">{t!(i18n, revisions.withdraw_hint)}</p>
                        </Show>
                    }.into_any()
                }
            }}
            <p class="field-error" role="alert" id="adoption-error">{move || error.get()}</p>
        </section>
    }
}
