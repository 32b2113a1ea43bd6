//! The settings screen (being built).

use leptos::prelude::*;

use crate::i18n::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! { <h1>{t!(i18n, settings.title)}</h1> }
}
