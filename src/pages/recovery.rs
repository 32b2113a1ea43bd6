//! The recovery screen, shown instead of the app when the stored state cannot
//! be read: why (the engine's message, with where), the raw data to download,
//! and two ways on: the shipped 2023 plan or a snapshot file.
//!
//! Nothing here overwrites the unreadable data: it stays set aside (see
//! `crate::io::storage`), listed with everything set aside before, each to
//! download, until the user explicitly discards it; and nothing is saved until
//! the user chooses how to go on. Starting over asks first, saying what it
//! discards: nothing when the data is set aside, else the unreadable data
//! itself (it could not be set aside: storage full).

use cruscotto_engine::snapshot::{import, ImportError};
use cruscotto_engine::{default_snapshot, Snapshot};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::focus::focus_soon;
use crate::components::frame::set_aside::SetAsideList;
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
    // The state chosen to go on with, while the user confirms what it
    // replaces.
    let pending = RwSignal::new(None::<Snapshot>);
    let kept = move || app.unreadable_kept.get();

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
        pending.set(None);
        if let Err(e) = app.recover_with(snapshot) {
            set_failure.set(Some(e.message(app.lang.get_untracked())));
        }
    };
    // Starting over always asks first, saying what it discards.
    let start_fresh = move |_| {
        pending.set(Some(default_snapshot()));
        focus_soon("recovery-confirm-text");
    };
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
                // The file was chosen; only when the unreadable data is not
                // set aside does storing it discard something: then ask.
                Ok(imported) if app.unreadable_kept.get_untracked() => recover(imported.snapshot),
                Ok(imported) => {
                    pending.set(Some(imported.snapshot));
                    focus_soon("recovery-confirm-text");
                }
                Err(e) => set_failure.set(Some(reasons(&e, lang).join("; "))),
            }
        });
    };

    view! {
        <div class="recovery-page">
            <h1 id="recovery-title">{t!(i18n, common.recovery_title)}</h1>
            <p id="recovery-text">
                {move || if kept() {
                    t!(i18n, common.recovery_text).into_any()
                } else {
                    t!(i18n, common.recovery_text_not_kept).into_any()
                }}
            </p>
            <h2>{t!(i18n, common.recovery_reason)}</h2>
            <ul class="error-list" id="recovery-reasons">{reason_items}</ul>

            <section class="recovery-step" aria-labelledby="recovery-keep-heading">
                <h2 id="recovery-keep-heading">{t!(i18n, common.recovery_keep_heading)}</h2>
                <p>{t!(i18n, common.recovery_keep_text)}</p>
                <div class="button-row">
                    <button type="button" id="recovery-download" class="btn btn-primary" on:click=download>
                        {t!(i18n, common.download_raw)}
                    </button>
                </div>
                <p role="status" class="status-line" id="recovery-download-status">
                    {move || downloaded.get().map(|r| match r {
                        Ok(name) => view! { <span class="text-success">{t!(i18n, common.raw_downloaded)}" "{name}</span> }.into_any(),
                        Err(e) => view! { <span class="text-danger">{t!(i18n, common.download_failed)}" "{e}</span> }.into_any(),
                    })}
                </p>
                <Show
                    when=move || app.set_aside.with(|s| !s.is_empty())
                    fallback=move || view! { <p id="recovery-discarded">{t!(i18n, common.recovery_nothing_set_aside)}</p> }
                >
                    <h3 id="recovery-set-aside-heading">{t!(i18n, common.recovery_set_aside_heading)}</h3>
                    <SetAsideList />
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
                <Show when=move || pending.with(Option::is_some)>
                    <div class="confirm-box" role="group" aria-labelledby="recovery-confirm-text" id="recovery-confirm">
                        <p id="recovery-confirm-text" tabindex="-1">
                            {move || if kept() {
                                let count = app.set_aside.with(Vec::len);
                                t!(i18n, common.recovery_confirm_kept, n = count).into_any()
                            } else {
                                t!(i18n, common.recovery_confirm_not_kept).into_any()
                            }}
                        </p>
                        <div class="button-row">
                            <button type="button" id="recovery-confirm-go" class="btn btn-danger" on:click=move |_| {
                                if let Some(snapshot) = pending.get_untracked() {
                                    recover(snapshot);
                                }
                            }>
                                {t!(i18n, common.recovery_confirm_go)}
                            </button>
                            <button type="button" class="btn btn-secondary" on:click=move |_| pending.set(None)>
                                {t!(i18n, common.cancel)}
                            </button>
                        </div>
                    </div>
                </Show>
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
