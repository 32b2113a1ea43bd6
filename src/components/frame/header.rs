//! The top bar: the app's name, the plan open, the main navigation and the
//! language switch.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::links::{overview_href, route};
use crate::i18n::*;
use crate::state::use_app;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // The year once: "… Aree Dirigenziali 2023", not "… 2023 · 2023".
    let plan_label = move || {
        app.plan.with(|p| {
            if p.title.contains(&p.year.to_string()) {
                p.title.clone()
            } else {
                format!("{} · {}", p.title, p.year)
            }
        })
    };
    let on_lang = move |ev: leptos::ev::Event| {
        app.lang
            .set(Lang::from_code(Some(&event_target_value(&ev))));
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <A href=overview_href() attr:class="brand-name">{t!(i18n, common.app_name)}</A>
                <span class="brand-plan">{plan_label}</span>
            </div>
            <nav aria-label=move || t_string!(i18n, common.nav_label)>
                <ul>
                    <li><A href=overview_href()>{t!(i18n, common.nav_overview)}</A></li>
                    <li><A href=route("/editor")>{t!(i18n, common.nav_editor)}</A></li>
                    <li><A href=route("/transfer")>{t!(i18n, common.nav_transfer)}</A></li>
                    <li><A href=route("/campaign")>{t!(i18n, common.nav_campaign)}</A></li>
                    // Only an adopted plan has a registry of revisions.
                    <Show when=move || app.plan.with(|p| p.adoption.is_some())>
                        <li><A href=route("/registry")>{t!(i18n, revisions.nav)}</A></li>
                    </Show>
                    <li><A href=route("/compare")>{t!(i18n, common.nav_compare)}</A></li>
                    <li><A href=route("/settings")>{t!(i18n, common.nav_settings)}</A></li>
                </ul>
            </nav>
            <label class="lang-switch">
                <span>{t!(i18n, common.language)}</span>
                <select id="lang-select" on:change=on_lang prop:value=move || app.lang.get().code()>
                    <option value="it">"Italiano"</option>
                    <option value="en">"English"</option>
                </select>
            </label>
        </header>
    }
}
