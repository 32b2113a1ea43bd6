//! The recovery screen, shown instead of the app when the stored state cannot
//! be read: why (the engine's message, with where), the raw data to download,
//! and two ways on: the shipped 2023 plan or a snapshot file.
//!
//! Nothing here overwrites the unreadable data: it stays set aside (see
//! `crate::io::storage`) until the user downloads or explicitly discards it, and
//! nothing is saved until the user chooses how to go on.

use cruscotto_engine::default_snapshot;
use cruscotto_engine::snapshot::{import, ImportError};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::*;
use crate::io::files::{self, download_raw};
use crate::state::use_app;
use crate::view::messages;

/// The reasons to show, one per problem, each with its location (a JSON path,
/// a line and column, a byte offset) as the engine words it.
pub fn reasons(error: &ImportError, lang: Lang) -> Vec<String> {
    match error {
        ImportError::Invalid(issues) => issues
            .iter()
            .map(|i| messages::located_issue(i, lang))
            .collect(),
        other => vec![messages::import_error(other, lang)],
    }
}

#[component]
pub fn RecoveryPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (downloaded, set_downloaded) = signal(None::<Result<String, String>>);
    let (failure, set_failure) = signal(None::<String>);
    let (confirm_discard, set_confirm_discard) = signal(false);

    let reason_items = move || {
        let lang = app.lang.get();
        app.unreadable.with(|u| {
            u.as_ref()
                .map(|(e, _)| reasons(e, lang))
                .unwrap_or_default()
                .into_iter()
                .map(|r| view! { <li>{r}</li> })
                .collect_view()
        })
    };
    let download = move |_| {
        if let Some(raw) = app
            .unreadable
            .with_untracked(|u| u.as_ref().map(|(_, r)| r.clone()))
        {
            set_downloaded.set(Some(download_raw(&raw)));
        }
    };
    let recover = move |snapshot| {
        if let Err(e) = app.recover_with(snapshot) {
            set_failure.set(Some(e.message(app.lang.get_untracked())));
        }
    };
    let start_fresh = move |_| recover(default_snapshot());
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let lang = app.lang.get_untracked();
            let result = files::read_file(&file)
                .await
                .and_then(|bytes| import(&bytes));
            match result {
                Ok(imported) => recover(imported.snapshot),
                Err(e) => set_failure.set(Some(reasons(&e, lang).join("; "))),
            }
        });
    };

    view! {
        <div class="recovery-page">
            <h1 id="recovery-title">{t!(i18n, common.recovery_title)}</h1>
            <p>{t!(i18n, common.recovery_text)}</p>
            <h2>{t!(i18n, common.recovery_reason)}</h2>
            <ul class="error-list" id="recovery-reasons">{reason_items}</ul>

            <section class="recovery-step" aria-labelledby="recovery-keep-heading">
                <h2 id="recovery-keep-heading">{t!(i18n, common.recovery_keep_heading)}</h2>
                <Show
                    when=move || app.unreadable.with(Option::is_some)
                    fallback=move || view! { <p id="recovery-discarded">{t!(i18n, common.recovery_discarded)}</p> }
                >
                    <p>{t!(i18n, common.recovery_keep_text)}</p>
                    <div class="button-row">
                        <button type="button" id="recovery-download" class="btn btn-primary" on:click=download>
                            {t!(i18n, common.download_raw)}
                        </button>
                        <button type="button" id="recovery-discard" class="btn btn-outline-danger" on:click=move |_| set_confirm_discard.set(true)>
                            {t!(i18n, common.discard_raw)}
                        </button>
                    </div>
                    <Show when=move || confirm_discard.get()>
                        <div class="confirm-box" role="group" aria-labelledby="recovery-discard-text">
                            <p id="recovery-discard-text">{t!(i18n, common.discard_confirm_text)}</p>
                            <div class="button-row">
                                <button type="button" id="recovery-discard-confirm" class="btn btn-danger" on:click=move |_| {
                                    app.discard_unreadable();
                                    set_confirm_discard.set(false);
                                }>
                                    {t!(i18n, common.discard_confirm)}
                                </button>
                                <button type="button" class="btn btn-secondary" on:click=move |_| set_confirm_discard.set(false)>
                                    {t!(i18n, common.cancel)}
                                </button>
                            </div>
                        </div>
                    </Show>
                    <p role="status" class="status-line" id="recovery-download-status">
                        {move || downloaded.get().map(|r| match r {
                            Ok(name) => view! { <span class="text-success">{t!(i18n, common.raw_downloaded)}" "{name}</span> }.into_any(),
                            Err(e) => view! { <span class="text-danger">{t!(i18n, common.download_failed)}" "{e}</span> }.into_any(),
                        })}
                    </p>
                </Show>
            </section>

            <section class="recovery-step" aria-labelledby="recovery-next-heading">
                <h2 id="recovery-next-heading">{t!(i18n, common.recovery_next_heading)}</h2>
                <p>{t!(i18n, common.recovery_fresh_text)}</p>
                <button type="button" id="recovery-fresh" class="btn btn-primary" on:click=start_fresh>
                    {t!(i18n, common.recovery_fresh)}
                </button>
                <p>
                    <label for="recovery-file" class="field-label">{t!(i18n, common.recovery_import_label)}</label>
                </p>
                <input type="file" id="recovery-file" accept=".json,application/json" on:change=on_file />
                <Show when=move || failure.with(Option::is_some)>
                    <p class="alert alert-danger" role="alert" id="recovery-failure">
                        {t!(i18n, common.recovery_failed)}" "{move || failure.get()}
                    </p>
                </Show>
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reason_of_broken_json_says_line_and_column_in_both_languages() {
        let error = import(b"{\"format\": ").expect_err("broken");
        let it = reasons(&error, Lang::It);
        let en = reasons(&error, Lang::En);
        assert_eq!(it.len(), 1);
        assert!(it[0].contains("riga 1"), "{it:?}");
        assert!(en[0].contains("line 1"), "{en:?}");
    }

    #[test]
    fn every_rule_broken_is_a_reason_with_its_path() {
        let mut s = default_snapshot();
        s.plan.id = String::new();
        s.plan.title = String::new();
        let error = import(s.to_json().as_bytes()).expect_err("invalid");
        let items = reasons(&error, Lang::En);
        assert!(items.len() >= 2, "{items:?}");
        assert!(items.iter().all(|i| i.starts_with("plan.")), "{items:?}");
    }
}
