//! The transfer screen (being built).

use leptos::prelude::*;

use crate::i18n::*;

#[component]
pub fn TransferPage() -> impl IntoView {
    let i18n = use_i18n();
    view! { <h1>{t!(i18n, transfer.title)}</h1> }
}
