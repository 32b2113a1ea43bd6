//! The import/export screen: download the plan and progress as a snapshot (or
//! copy it as text), import one from a file, a drop or pasted text through a
//! preview that shows what would change, consolidate several snapshots at once
//! (merged into the local data, conflicts listed with a choice each), restore a
//! backup in one click, and start over with the shipped 2023 plan.
//!
//! Nothing is replaced before the user confirms, and every replacement goes
//! through `AppState::replace`, which keeps the current state as a backup.
//! Files are read and written only by `crate::io::files`.

use std::collections::BTreeMap;

use cruscotto_engine::snapshot::{import, ImportError, Imported};
use cruscotto_engine::{default_snapshot, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::components::transfer::conflict_choices::ConflictChoices;
use crate::components::transfer::diff_view::{DiffMode, DiffView};
use crate::components::transfer::export_now::download_snapshot;
use crate::components::transfer::import_errors::ImportErrors;
use crate::components::transfer::plan_mismatches::PlanMismatches;
use crate::components::transfer::snapshot_facts::SnapshotFacts;
use crate::i18n::*;
use crate::io::clock::today;
use crate::io::files;
use crate::state::use_app;
use crate::view::consolidation::{consolidate, Consolidation, FileFacts, Ready};
use crate::view::format;
use crate::view::snapshot_diff::{backup_summary, diff, SnapshotDiff};

/// A checked snapshot waiting for the user's decision.
#[derive(Clone)]
struct Preview {
    imported: Imported,
    diff: SnapshotDiff,
}

/// A refused import: where it came from and why.
#[derive(Clone)]
struct Failure {
    source: String,
    error: ImportError,
}

/// What the import section says after the user's last action.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Imported,
    Cancelled,
}

/// Moves keyboard and screen-reader focus to the element with `id` once it is
/// rendered, so the preview or the errors are announced and reachable.
fn focus_soon(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// An RFC 3339 instant in the browser's time zone, or the raw text.
fn local_time(ts: &str, lang: Lang) -> String {
    format::timestamp(ts, lang)
}

#[component]
pub fn TransferPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="transfer-page">
            <h1>{t!(i18n, transfer.title)}</h1>
            <p class="lead">{t!(i18n, transfer.intro)}</p>
            <ExportSection />
            <ImportSection />
            <ConsolidateSection />
            <BackupSection />
            <ResetSection />
        </div>
    }
}

#[component]
fn ExportSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let file_name = Memo::new(move |_| {
        let area = app.area.get();
        app.plan
            .with(|p| files::export_file_name(&p.id, area.as_deref(), today()))
    });
    let (status, set_status) = signal(None::<Result<String, String>>);
    let download = move |_| set_status.set(Some(download_snapshot(&app)));

    let (show_text, set_show_text) = signal(false);
    // The text is built only while shown: the whole plan is a few hundred KB.
    let json_text = move || {
        if !show_text.get() {
            return String::new();
        }
        app.plan.track();
        app.progress.track();
        app.snapshot().to_json()
    };
    let (copy_status, set_copy_status) = signal(None::<bool>);
    let copy = move |_| {
        let text = app.snapshot().to_json();
        spawn_local(async move {
            let ok = files::copy_text(&text).await.is_ok();
            if !ok {
                if let Some(area) = document()
                    .get_element_by_id("export-json")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                {
                    let _ = area.focus();
                    area.select();
                }
            }
            set_copy_status.set(Some(ok));
        });
    };

    view! {
        <section class="transfer-section" aria-labelledby="export-heading">
            <h2 id="export-heading">{t!(i18n, transfer.export_heading)}</h2>
            <p>{t!(i18n, transfer.export_text)}</p>
            <p>{t!(i18n, transfer.export_file_label)}" "<code id="export-file-name">{move || file_name.get()}</code></p>
            <button type="button" id="export-download" class="btn btn-primary" on:click=download>
                {t!(i18n, transfer.export_button)}
            </button>
            <p role="status" class="status-line">
                {move || match status.get() {
                    Some(Ok(name)) => Some(view! { <span class="text-success">{t!(i18n, transfer.export_done)}" "{name}</span> }.into_any()),
                    Some(Err(e)) => Some(view! { <span class="text-danger">{t!(i18n, transfer.export_failed)}" "{e}</span> }.into_any()),
                    None => None,
                }}
            </p>
            <button
                type="button"
                id="export-show-text"
                class="btn btn-link"
                aria-expanded=move || if show_text.get() { "true" } else { "false" }
                aria-controls="export-text-panel"
                on:click=move |_| {
                    set_show_text.update(|s| *s = !*s);
                    set_copy_status.set(None);
                }
            >
                {move || if show_text.get() { t_string!(i18n, transfer.hide_text) } else { t_string!(i18n, transfer.show_text) }}
            </button>
            <div id="export-text-panel" hidden=move || !show_text.get()>
                <Show when=move || show_text.get()>
                    <label for="export-json" class="field-label">{t!(i18n, transfer.export_text_label)}</label>
                    <textarea id="export-json" class="json-text" readonly rows="12" spellcheck="false" prop:value=json_text></textarea>
                    <button type="button" id="export-copy" class="btn btn-secondary" on:click=copy>
                        {t!(i18n, transfer.copy_button)}
                    </button>
                    <p role="status" class="status-line">
                        {move || copy_status.get().map(|ok| if ok {
                            t_string!(i18n, transfer.copied)
                        } else {
                            t_string!(i18n, transfer.copy_failed)
                        })}
                    </p>
                </Show>
            </div>
        </section>
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let preview = RwSignal::new(None::<Preview>);
    let failure = RwSignal::new(None::<Failure>);
    let outcome = RwSignal::new(None::<Outcome>);
    let replace_error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let drag_over = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let paste_empty = RwSignal::new(false);

    // The one path of every import: check, then show the preview or the errors.
    let check = move |bytes: &[u8], source: String| {
        outcome.set(None);
        replace_error.set(None);
        match import(bytes) {
            Ok(imported) => {
                let d = app.plan.with_untracked(|plan| {
                    app.progress.with_untracked(|progress| {
                        app.scorecard
                            .with_untracked(|card| diff(plan, progress, card, &imported.snapshot))
                    })
                });
                failure.set(None);
                preview.set(Some(Preview { imported, diff: d }));
                focus_soon("import-preview-heading");
            }
            Err(error) => {
                preview.set(None);
                failure.set(Some(Failure { source, error }));
                focus_soon("import-errors-heading");
            }
        }
    };

    let read_file = move |file: web_sys::File| {
        let name = file.name();
        reading.set(true);
        spawn_local(async move {
            let result = files::read_file(&file).await;
            reading.set(false);
            match result {
                Ok(bytes) => check(&bytes, name),
                Err(error) => {
                    preview.set(None);
                    outcome.set(None);
                    failure.set(Some(Failure {
                        source: name,
                        error,
                    }));
                    focus_soon("import-errors-heading");
                }
            }
        });
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(file);
        }
        // Choosing the same file again (after fixing it) fires a new change.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        drag_over.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        {
            read_file(file);
        }
    };
    let on_paste_check = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            paste_empty.set(true);
            return;
        }
        paste_empty.set(false);
        check(
            text.as_bytes(),
            t_string!(i18n, transfer.pasted_source).to_string(),
        );
    };

    let confirm = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        match app.replace(p.imported.snapshot, "import") {
            Ok(()) => {
                preview.set(None);
                pasted.set(String::new());
                outcome.set(Some(Outcome::Imported));
                focus_soon("import-outcome");
            }
            Err(e) => replace_error.set(Some(e.message(app.lang.get_untracked()))),
        }
    };
    let cancel = move |_| {
        preview.set(None);
        outcome.set(Some(Outcome::Cancelled));
        focus_soon("import-outcome");
    };

    view! {
        <section class="transfer-section" aria-labelledby="import-heading">
            <h2 id="import-heading">{t!(i18n, transfer.import_heading)}</h2>
            <p>{t!(i18n, transfer.import_text)}" "<strong>{t!(i18n, transfer.size_limit)}</strong></p>
            <div
                id="import-drop-zone"
                class="drop-zone"
                class:drag-over=move || drag_over.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    drag_over.set(true);
                }
                on:dragleave=move |_| drag_over.set(false)
                on:drop=on_drop
            >
                <p>
                    {t!(i18n, transfer.drop_hint)}" "
                    <label for="import-file" class="file-label">{t!(i18n, transfer.file_label)}</label>
                </p>
                <input
                    type="file"
                    id="import-file"
                    accept=".json,application/json"
                    aria-describedby="import-heading"
                    on:change=on_file
                />
                <Show when=move || reading.get()>
                    <p role="status">{t!(i18n, transfer.reading)}</p>
                </Show>
            </div>
            <div class="paste-import">
                <label for="import-text" class="field-label">{t!(i18n, transfer.paste_label)}</label>
                <textarea
                    id="import-text"
                    class="json-text"
                    rows="6"
                    spellcheck="false"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
                <button type="button" id="import-text-check" class="btn btn-secondary" on:click=on_paste_check>
                    {t!(i18n, transfer.paste_button)}
                </button>
                <Show when=move || paste_empty.get()>
                    <p class="field-error" role="alert">{t!(i18n, transfer.paste_empty)}</p>
                </Show>
            </div>

            {move || failure.get().map(|f| view! { <ImportErrors source=f.source error=f.error id="import-errors" /> })}
            {move || preview.get().map(|p| view! {
                <ImportPreview preview=p />
                <Show when=move || replace_error.with(Option::is_some)>
                    <p class="alert alert-danger" role="alert">
                        {t!(i18n, transfer.replace_failed)}" "{move || replace_error.get()}
                    </p>
                </Show>
                <div class="button-row">
                    <button type="button" id="import-confirm" class="btn btn-primary" on:click=confirm>
                        {t!(i18n, transfer.confirm_button)}
                    </button>
                    <button type="button" id="import-cancel" class="btn btn-secondary" on:click=cancel>
                        {t!(i18n, transfer.cancel_button)}
                    </button>
                </div>
            })}
            <div id="import-outcome" tabindex="-1" role="status" class="status-line">
                {move || outcome.get().map(|o| match o {
                    Outcome::Imported => view! { <p class="alert alert-success">{t!(i18n, transfer.imported_done)}</p> }.into_any(),
                    Outcome::Cancelled => view! { <p class="alert alert-info">{t!(i18n, transfer.cancelled)}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// Several snapshots at once, merged into the local data (see
/// `crate::view::consolidation` for the rules): conflicts are listed with a choice each,
/// and the preview shows every area's score before and after.
#[component]
fn ConsolidateSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let result = RwSignal::new(None::<Consolidation>);
    let choices = RwSignal::new(BTreeMap::<String, usize>::new());
    let reading = RwSignal::new(false);
    let drag_over = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let replace_error = RwSignal::new(None::<String>);

    let check = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        outcome.set(None);
        replace_error.set(None);
        result.set(None);
        reading.set(true);
        spawn_local(async move {
            let batch = files::import_files(files).await;
            reading.set(false);
            let current = app.snapshot();
            let checked = consolidate(&current, batch);
            let focus = match checked {
                Consolidation::Ready(_) => "consolidate-preview-heading",
                Consolidation::Blocked { .. } => "consolidate-blocked-heading",
            };
            choices.set(BTreeMap::new());
            result.set(Some(checked));
            focus_soon(focus);
        });
    };
    let on_files = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        check(files::files_of(input.files()));
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        drag_over.set(false);
        check(files::files_of(
            ev.data_transfer().and_then(|dt| dt.files()),
        ));
    };

    // The snapshot that confirming would store, with the user's picks applied.
    let resolved = Memo::new(move |_| {
        result.with(|r| match r {
            Some(Consolidation::Ready(ready)) => Some(
                choices
                    .with(|c| ready.resolve(c))
                    .map_err(|e| e.message(app.lang.get())),
            ),
            _ => None,
        })
    });
    let preview_diff = move || {
        let snapshot = resolved.get()?.ok()?;
        Some(app.plan.with_untracked(|plan| {
            app.progress.with_untracked(|progress| {
                app.scorecard
                    .with_untracked(|card| diff(plan, progress, card, &snapshot))
            })
        }))
    };

    let confirm = move |_| {
        let Some(Ok(snapshot)) = resolved.get_untracked() else {
            return;
        };
        match app.replace(snapshot, "consolidate") {
            Ok(()) => {
                result.set(None);
                choices.set(BTreeMap::new());
                outcome.set(Some(Outcome::Imported));
                focus_soon("consolidate-outcome");
            }
            Err(e) => replace_error.set(Some(e.message(app.lang.get_untracked()))),
        }
    };
    let cancel = move |_| {
        result.set(None);
        outcome.set(Some(Outcome::Cancelled));
        focus_soon("consolidate-outcome");
    };

    let body = move || {
        result.get().map(|r| match r {
            Consolidation::Blocked {
                failures,
                mismatches,
            } => view! {
                <section id="consolidate-blocked" aria-labelledby="consolidate-blocked-heading">
                    <h3 id="consolidate-blocked-heading" tabindex="-1">{t!(i18n, transfer.consolidate_blocked_heading)}</h3>
                    <p>{t!(i18n, transfer.consolidate_blocked_text)}</p>
                    {failures.into_iter().map(|f| view! { <ImportErrors source=f.file error=f.error /> }).collect_view()}
                    <PlanMismatches mismatches=mismatches />
                </section>
            }
            .into_any(),
            Consolidation::Ready(ready) => {
                let Ready {
                    sources,
                    files,
                    conflicts,
                    ..
                } = *ready;
                view! {
                    <section id="consolidate-preview" class="preview" aria-labelledby="consolidate-preview-heading">
                        <h3 id="consolidate-preview-heading" tabindex="-1">{t!(i18n, transfer.consolidate_preview_heading)}</h3>
                        <p>{t!(i18n, transfer.consolidate_preview_intro)}</p>
                        <ConsolidatedFiles files=files />
                        <ConflictChoices conflicts=conflicts sources=sources choices=choices />
                        {move || match resolved.get() {
                            Some(Err(e)) => Some(view! { <p class="alert alert-danger" role="alert">{e}</p> }.into_any()),
                            _ => preview_diff().map(|d| view! { <DiffView diff=d mode=DiffMode::Import /> }.into_any()),
                        }}
                        <Show when=move || replace_error.with(Option::is_some)>
                            <p class="alert alert-danger" role="alert">
                                {t!(i18n, transfer.replace_failed)}" "{move || replace_error.get()}
                            </p>
                        </Show>
                        <div class="button-row">
                            <button type="button" id="consolidate-confirm" class="btn btn-primary" on:click=confirm>
                                {t!(i18n, transfer.consolidate_confirm)}
                            </button>
                            <button type="button" id="consolidate-cancel" class="btn btn-secondary" on:click=cancel>
                                {t!(i18n, transfer.cancel_button)}
                            </button>
                        </div>
                    </section>
                }
                .into_any()
            }
        })
    };

    view! {
        <section class="transfer-section" aria-labelledby="consolidate-heading">
            <h2 id="consolidate-heading">{t!(i18n, transfer.consolidate_heading)}</h2>
            <p>{t!(i18n, transfer.consolidate_text)}</p>
            <div
                id="consolidate-drop-zone"
                class="drop-zone"
                class:drag-over=move || drag_over.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    drag_over.set(true);
                }
                on:dragleave=move |_| drag_over.set(false)
                on:drop=on_drop
            >
                <p>
                    {t!(i18n, transfer.consolidate_drop_hint)}" "
                    <label for="consolidate-files" class="file-label">{t!(i18n, transfer.consolidate_file_label)}</label>
                </p>
                <input
                    type="file"
                    id="consolidate-files"
                    multiple
                    accept=".json,application/json"
                    aria-describedby="consolidate-heading"
                    on:change=on_files
                />
                <Show when=move || reading.get()>
                    <p role="status">{t!(i18n, transfer.reading)}</p>
                </Show>
            </div>
            {body}
            <div id="consolidate-outcome" tabindex="-1" role="status" class="status-line">
                {move || outcome.get().map(|o| match o {
                    Outcome::Imported => view! { <p class="alert alert-success">{t!(i18n, transfer.consolidate_done)}</p> }.into_any(),
                    Outcome::Cancelled => view! { <p class="alert alert-info">{t!(i18n, transfer.consolidate_cancelled)}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// The files of a consolidation that can be merged: name, entries, export time
/// and warnings.
#[component]
fn ConsolidatedFiles(
    /// The valid files, in the order given.
    files: Vec<FileFacts>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    move || {
        let lang = app.lang.get();
        let rows = files
            .iter()
            .map(|f| {
                let warnings = f
                    .warnings
                    .iter()
                    .map(|w| format!("{}: {}", w.path, w.message(lang)))
                    .collect::<Vec<_>>();
                view! {
                    <tr data-file=f.name.clone()>
                        <th scope="row">{f.name.clone()}</th>
                        <td class="num">{f.progress_count}</td>
                        <td>{f.exported_at.as_deref().map(|ts| format::timestamp(ts, lang)).unwrap_or_else(|| "—".into())}</td>
                        <td>
                            {if warnings.is_empty() {
                                view! { <span class="muted">{t!(i18n, transfer.none)}</span> }.into_any()
                            } else {
                                view! { <ul class="warning-list">{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul> }.into_any()
                            }}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="scores" id="consolidate-files-table">
                <caption>{t!(i18n, transfer.consolidate_files_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, transfer.consolidate_file)}</th>
                        <th scope="col" class="num">{t!(i18n, transfer.progress_count)}</th>
                        <th scope="col">{t!(i18n, transfer.exported_at)}</th>
                        <th scope="col">{t!(i18n, transfer.warnings_heading)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    }
}

/// What an import would bring and change, before it is confirmed.
#[component]
fn ImportPreview(
    /// The checked snapshot and its differences from the local data.
    preview: Preview,
) -> impl IntoView {
    let i18n = use_i18n();
    let Preview { imported, diff } = preview;
    view! {
        <section id="import-preview" class="preview" aria-labelledby="import-preview-heading">
            <h3 id="import-preview-heading" tabindex="-1">{t!(i18n, transfer.preview_heading)}</h3>
            <p>{t!(i18n, transfer.preview_intro)}</p>
            <SnapshotFacts imported=imported />
            <DiffView diff=diff mode=DiffMode::Import />
        </section>
    }
}

#[component]
fn BackupSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (status, set_status) = signal(None::<Result<(), String>>);
    let restore = move |index: usize| {
        set_status.set(Some(app.restore_backup(index)));
        focus_soon("backup-status");
    };
    let rows = move || {
        let lang = app.lang.get();
        app.backups.with(|backups| {
            backups
                .iter()
                .enumerate()
                .map(|(index, b)| {
                    let summary = backup_summary(&b.snapshot);
                    let reason = match b.reason.as_str() {
                        "import" => t_string!(i18n, transfer.reason_import).to_string(),
                        "reset" => t_string!(i18n, transfer.reason_reset).to_string(),
                        "restore" => t_string!(i18n, transfer.reason_restore).to_string(),
                        "consolidate" => t_string!(i18n, transfer.reason_consolidate).to_string(),
                        "opened" => t_string!(i18n, transfer.reason_opened).to_string(),
                        "periodic" => t_string!(i18n, transfer.reason_periodic).to_string(),
                        "other-tab" => t_string!(i18n, transfer.reason_other_tab).to_string(),
                        other => other.to_string(),
                    };
                    let when = local_time(&b.taken_at, lang);
                    let (plan, progress) = match summary {
                        Some(s) => (format!("{} · {}", s.title, s.year), s.progress_entries.to_string()),
                        None => (t_string!(i18n, transfer.backup_unreadable).to_string(), "—".into()),
                    };
                    let label = format!("{} {}", t_string!(i18n, transfer.restore_button), when);
                    view! {
                        <tr>
                            <th scope="row" class="backup-when">{when}</th>
                            <td class="backup-reason">{reason}</td>
                            <td class="backup-plan">{plan}</td>
                            <td class="num backup-progress">{progress}</td>
                            <td>
                                <button type="button" class="btn btn-secondary btn-small restore" aria-label=label on:click=move |_| restore(index)>
                                    {t!(i18n, transfer.restore_button)}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="transfer-section" aria-labelledby="backups-heading">
            <h2 id="backups-heading">{t!(i18n, transfer.backups_heading)}</h2>
            <p>{t!(i18n, transfer.backups_text)}</p>
            <div id="backup-status" tabindex="-1" role="status" class="status-line">
                {move || status.get().map(|r| match r {
                    Ok(()) => view! { <p class="alert alert-success">{t!(i18n, transfer.restored_done)}</p> }.into_any(),
                    Err(e) => view! { <p class="alert alert-danger">{t!(i18n, transfer.restore_failed)}" "{e}</p> }.into_any(),
                })}
            </div>
            <Show
                when=move || app.backups.with(|b| !b.is_empty())
                fallback=move || view! { <p class="muted" id="no-backups">{t!(i18n, transfer.no_backups)}</p> }
            >
                <table class="scores" id="backup-list">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, transfer.backup_when)}</th>
                            <th scope="col">{t!(i18n, transfer.backup_reason)}</th>
                            <th scope="col">{t!(i18n, transfer.backup_plan)}</th>
                            <th scope="col" class="num">{t!(i18n, transfer.backup_progress)}</th>
                            <th scope="col">{t!(i18n, transfer.backup_action)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn ResetSection() -> impl IntoView {
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
