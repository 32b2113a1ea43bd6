//! Alerts about the saved data: a failed save (with the way out, export now) and
//! stored data that could not be read (with its download).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::*;
use crate::state::use_app;

#[component]
pub fn StatusBanner() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let raw_href = move || {
        app.unreadable.with(|u| {
            u.as_ref().map(|(_, raw)| {
                format!(
                    "data:application/json;charset=utf-8,{}",
                    js_sys::encode_uri_component(raw)
                )
            })
        })
    };
    view! {
        <Show when=move || app.storage_error.with(Option::is_some)>
            <div class="alert alert-danger" role="alert">
                <p>{move || app.storage_error.get().map(|e| e.message(app.lang.get()))}</p>
                <A href="/transfer">{t!(i18n, common.storage_error_export)}</A>
            </div>
        </Show>
        <Show when=move || app.unreadable.with(Option::is_some)>
            <div class="alert alert-warning" role="alert">
                <h2>{t!(i18n, common.unreadable_title)}</h2>
                <p>{t!(i18n, common.unreadable_text)}</p>
                <p class="error-detail">
                    {move || app.unreadable.with(|u| u.as_ref().map(|(e, _)| e.message(app.lang.get())))}
                </p>
                <a class="btn" download="cruscotto-dati-non-leggibili.json" href=raw_href>
                    {t!(i18n, common.download_raw)}
                </a>
                " "
                <button class="btn btn-secondary" on:click=move |_| app.unreadable.set(None)>
                    {t!(i18n, common.dismiss)}
                </button>
            </div>
        </Show>
    }
}
