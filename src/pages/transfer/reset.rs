//! The reset section: start over with the shipped 2023 plan and no progress,
//! after a second, explicit confirmation; the replaced data is kept as a backup.

use cruscotto_engine::default_snapshot;
use leptos::prelude::*;

use crate::components::focus::focus_soon;
use crate::i18n::*;
use crate::state::use_app;

#[component]
pub fn ResetSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (confirming, set_confirming) = signal(false);
    let (status, set_status) = signal(None::<Result<(), String>>);
    let reset = move |_| {
        let result = app
            .replace(default_snapshot(), "reset")
            .map_err(|e| e.message(app.lang.get_untracked()));
        set_confirming.set(false);
        set_status.set(Some(result));
        focus_soon("reset-status");
    };
    view! {
        <section class="transfer-section" aria-labelledby="reset-heading">
            <h2 id="reset-heading">{t!(i18n, transfer.reset_heading)}</h2>
            <p>{t!(i18n, transfer.reset_text)}</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" id="reset-start" class="btn btn-outline-danger" on:click=move |_| {
                        set_status.set(None);
                        set_confirming.set(true);
                        focus_soon("reset-confirm");
                    }>
                        {t!(i18n, transfer.reset_button)}
                    </button>
                }
            >
                <div class="confirm-box" role="group" aria-labelledby="reset-confirm-text">
                    <p id="reset-confirm-text">{t!(i18n, transfer.reset_confirm_text)}</p>
                    <div class="button-row">
                        <button type="button" id="reset-confirm" class="btn btn-danger" on:click=reset>
                            {t!(i18n, transfer.reset_confirm)}
                        </button>
                        <button type="button" id="reset-cancel" class="btn btn-secondary" on:click=move |_| {
                            set_confirming.set(false);
                            focus_soon("reset-start");
                        }>
                            {t!(i18n, transfer.cancel_button)}
                        </button>
                    </div>
                </div>
            </Show>
            <div id="reset-status" tabindex="-1" role="status" class="status-line">
                {move || status.get().map(|r| match r {
                    Ok(()) => view! { <p class="alert alert-success">{t!(i18n, transfer.reset_done)}</p> }.into_any(),
                    Err(e) => view! { <p class="alert alert-danger">{t!(i18n, transfer.replace_failed)}" "{e}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}
