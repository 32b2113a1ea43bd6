//! Shown for an address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::links::overview_href;
use crate::i18n::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, common.not_found_title)}</h1>
        <p>{t!(i18n, common.not_found_text)}</p>
        <p><A href=overview_href()>{t!(i18n, common.back_to_overview)}</A></p>
    }
}
