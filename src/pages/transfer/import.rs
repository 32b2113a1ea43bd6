//! The import section: one snapshot from a file, a drop or pasted text, checked
//! and shown as a preview of what would change; nothing is replaced before the
//! user confirms, and the replacement keeps the current data as a backup.

use cruscotto_engine::snapshot::{import, ImportError, Imported, MAX_SNAPSHOT_BYTES};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Outcome;
use crate::components::focus::focus_soon;
use crate::components::transfer::diff_view::{DiffMode, DiffView};
use crate::components::transfer::file_drop_zone::FileDropZone;
use crate::components::transfer::import_errors::ImportErrors;
use crate::components::transfer::snapshot_facts::SnapshotFacts;
use crate::i18n::*;
use crate::io::{files, share};
use crate::state::use_app;
use crate::view::messages::share_open_error;
use crate::view::snapshot_diff::{diff, DiffPreview};
use cruscotto_engine::share::{is_share_fragment, parse_link, snapshot_from_payload};

/// A checked snapshot waiting for the user's decision.
#[derive(Clone)]
struct Preview {
    imported: Imported,
    diff: DiffPreview,
}

/// A refused import: where it came from and why.
#[derive(Clone)]
struct Failure {
    source: String,
    error: ImportError,
}

#[component]
pub fn ImportSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let preview = RwSignal::new(None::<Preview>);
    let link_error = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<Failure>);
    let outcome = RwSignal::new(None::<Outcome>);
    let replace_error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    // The pasted text stays in the text area until it is checked: mirroring
    // it into wasm at every input would copy (and re-render) a huge paste at
    // each keystroke before anything could refuse it.
    let pasted = NodeRef::<leptos::html::Textarea>::new();
    let paste_empty = RwSignal::new(false);

    // The one path of every import: check, then show the preview or the errors.
    let check = move |bytes: &[u8], source: String| {
        outcome.set(None);
        replace_error.set(None);
        match import(bytes) {
            Ok(imported) => {
                let d = app
                    .plan
                    .with_untracked(|plan| {
                        app.with_results_untracked(|progress| {
                            app.scorecard.with_untracked(|card| {
                                diff(plan, progress, card, &imported.snapshot)
                            })
                        })
                    })
                    .with_statuses(
                        &app.area_status.get_untracked(),
                        &imported.snapshot.area_status,
                    );
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

    // Opened from a share link (`#s=…`): its snapshot goes through the same
    // check and preview as a file; nothing changes before the confirmation.
    let opening = RwSignal::new(false);
    let fragment = share::fragment();
    if is_share_fragment(&fragment) {
        opening.set(true);
        spawn_local(async move {
            let lang = app.lang.get_untracked();
            let source = t_string!(i18n, transfer.share_source).to_string();
            let opened = match parse_link(&share::href()) {
                Ok(bytes) => share::inflate(&bytes).await,
                Err(e) => Err(e),
            }
            .and_then(|json| snapshot_from_payload(&json, &app.snapshot()));
            opening.set(false);
            match opened {
                Ok(bytes) => check(&bytes, source),
                Err(e) => {
                    share::clear_fragment();
                    link_error.set(Some(share_open_error(&e, lang)));
                    focus_soon("share-open-error");
                }
            }
        });
    }

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

    // One snapshot at a time: the first of a drop of several.
    let on_files = Callback::new(move |list: Vec<web_sys::File>| {
        if let Some(file) = list.into_iter().next() {
            read_file(file);
        }
    });
    let on_paste_check = move |_| {
        let Some(area) = pasted.get_untracked() else {
            return;
        };
        let source = t_string!(i18n, transfer.pasted_source).to_string();
        // Measured in the page, before the text is copied into wasm: at most
        // three UTF-8 bytes per UTF-16 unit, at least one, so a text longer
        // than the limit in units is too large in bytes too.
        let units = area.text_length() as usize;
        if units > MAX_SNAPSHOT_BYTES {
            paste_empty.set(false);
            preview.set(None);
            outcome.set(None);
            failure.set(Some(Failure {
                source,
                error: ImportError::TooLarge {
                    size: units,
                    limit: MAX_SNAPSHOT_BYTES,
                },
            }));
            focus_soon("import-errors-heading");
            return;
        }
        let text = area.value();
        if text.trim().is_empty() {
            paste_empty.set(true);
            return;
        }
        paste_empty.set(false);
        check(text.as_bytes(), source);
    };

    let confirm = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        match app.replace(p.imported.snapshot, "import") {
            Ok(()) => {
                preview.set(None);
                // A reload must not open the link again.
                share::clear_fragment();
                if let Some(area) = pasted.get_untracked() {
                    area.set_value("");
                }
                // The backup was written and read back (else `replace`
                // fails); the new state may not be stored (storage full).
                outcome.set(Some(if app.is_stored() {
                    Outcome::Imported
                } else {
                    Outcome::ImportedNotStored
                }));
                focus_soon("import-outcome");
            }
            Err(e) => replace_error.set(Some(e.message(app.lang.get_untracked()))),
        }
    };
    let cancel = move |_| {
        preview.set(None);
        share::clear_fragment();
        outcome.set(Some(Outcome::Cancelled));
        focus_soon("import-outcome");
    };

    view! {
        <section class="transfer-section" aria-labelledby="import-heading">
            <h2 id="import-heading">{t!(i18n, transfer.import_heading)}</h2>
            <p>{t!(i18n, transfer.import_text)}" "<strong>{t!(i18n, transfer.size_limit)}</strong></p>
            <FileDropZone
                zone_id="import-drop-zone"
                input_id="import-file"
                hint=move || t!(i18n, transfer.drop_hint)
                label=move || t!(i18n, transfer.file_label)
                described_by="import-heading"
                reading=reading
                on_files=on_files
            />
            <div class="paste-import">
                <label for="import-text" class="field-label">{t!(i18n, transfer.paste_label)}</label>
                <textarea
                    id="import-text"
                    class="json-text"
                    rows="6"
                    spellcheck="false"
                    node_ref=pasted
                ></textarea>
                <button type="button" id="import-text-check" class="btn btn-secondary" on:click=on_paste_check>
                    {t!(i18n, transfer.paste_button)}
                </button>
                <Show when=move || paste_empty.get()>
                    <p class="field-error" role="alert">{t!(i18n, transfer.paste_empty)}</p>
                </Show>
            </div>

            <Show when=move || opening.get()>
                <p role="status" id="share-opening">{t!(i18n, transfer.share_opening)}</p>
            </Show>
            {move || link_error.get().map(|text| view! {
                <p class="alert alert-danger" role="alert" id="share-open-error" tabindex="-1">{text}</p>
            })}
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
                    Outcome::ImportedNotStored => view! { <p class="alert alert-warning">{t!(i18n, transfer.imported_not_stored)}</p> }.into_any(),
                    Outcome::Cancelled => view! { <p class="alert alert-info">{t!(i18n, transfer.cancelled)}</p> }.into_any(),
                })}
            </div>
        </section>
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
