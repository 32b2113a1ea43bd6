//! The editor screen (being built).

use leptos::prelude::*;

use crate::i18n::*;

#[component]
pub fn EditorPage() -> impl IntoView {
    let i18n = use_i18n();
    view! { <h1>{t!(i18n, editor.title)}</h1> }
}
