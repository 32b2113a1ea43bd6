//! The consolidation section: several snapshots at once (one per area, say),
//! merged into the local data by `crate::view::consolidation`; conflicts are
//! listed with a choice each, and the preview shows every area's score before
//! and after. Nothing is replaced before the user confirms.

use std::collections::BTreeMap;

use cruscotto_engine::cycle::SealCheck;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Outcome;
use crate::components::focus::focus_soon;
use crate::components::transfer::conflict_choices::ConflictChoices;
use crate::components::transfer::diff_view::{DiffMode, DiffView};
use crate::components::transfer::file_drop_zone::FileDropZone;
use crate::components::transfer::import_errors::ImportErrors;
use crate::components::transfer::plan_mismatches::PlanMismatches;
use crate::i18n::*;
use crate::io::files;
use crate::state::use_app;
use crate::view::consolidation::{consolidate, Consolidation, FileFacts, Ready};
use crate::view::format;
use crate::view::messages;
use crate::view::snapshot_diff::diff;

/// Several snapshots at once, merged into the local data (see
/// `crate::view::consolidation` for the rules): conflicts are listed with a choice each,
/// and the preview shows every area's score before and after.
#[component]
pub fn ConsolidateSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let result = RwSignal::new(None::<Consolidation>);
    let choices = RwSignal::new(BTreeMap::<String, usize>::new());
    let reading = RwSignal::new(false);
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
    let on_files = Callback::new(check);

    // The snapshot that confirming would store, with the user's picks applied.
    let resolved = Memo::new(move |_| {
        result.with(|r| match r {
            Some(Consolidation::Ready(ready)) => Some(
                choices
                    .with(|c| ready.resolve(c))
                    .map_err(|e| messages::choice_error(&e, app.lang.get())),
            ),
            _ => None,
        })
    });
    let preview_diff = move || {
        let snapshot = resolved.get()?.ok()?;
        Some(
            app.plan
                .with_untracked(|plan| {
                    app.with_results_untracked(|progress| {
                        app.scorecard
                            .with_untracked(|card| diff(plan, progress, card, &snapshot))
                    })
                })
                .with_statuses(&app.area_status.get_untracked(), &snapshot.area_status),
        )
    };

    let confirm = move |_| {
        let Some(Ok(snapshot)) = resolved.get_untracked() else {
            return;
        };
        match app.replace(snapshot, "consolidate") {
            Ok(()) => {
                result.set(None);
                choices.set(BTreeMap::new());
                outcome.set(Some(if app.is_stored() {
                    Outcome::Imported
                } else {
                    Outcome::ImportedNotStored
                }));
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
                    set_aside,
                    ..
                } = *ready;
                // A bad file does not hold back the good ones: it is listed
                // here with its reasons, the others are merged below.
                let ready_count = files.len();
                let set_aside_view = (!set_aside.is_empty()).then(|| {
                    let n = set_aside.len();
                    view! {
                        <section id="consolidate-set-aside" class="set-aside" aria-labelledby="consolidate-set-aside-heading">
                            <h4 id="consolidate-set-aside-heading">{t!(i18n, transfer.consolidate_set_aside_heading, count = n)}</h4>
                            <p>{t!(i18n, transfer.consolidate_set_aside_text, count = ready_count)}</p>
                            {set_aside.failures.into_iter().map(|f| view! { <ImportErrors source=f.file error=f.error /> }).collect_view()}
                            <PlanMismatches mismatches=set_aside.mismatches />
                        </section>
                    }
                });
                view! {
                    <section id="consolidate-preview" class="preview" aria-labelledby="consolidate-preview-heading">
                        <h3 id="consolidate-preview-heading" tabindex="-1">{t!(i18n, transfer.consolidate_preview_heading)}</h3>
                        <p>{t!(i18n, transfer.consolidate_preview_intro)}</p>
                        {set_aside_view}
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
            <FileDropZone
                zone_id="consolidate-drop-zone"
                input_id="consolidate-files"
                hint=move || t!(i18n, transfer.consolidate_drop_hint)
                label=move || t!(i18n, transfer.consolidate_file_label)
                multiple=true
                described_by="consolidate-heading"
                reading=reading
                on_files=on_files
            />
            {body}
            <div id="consolidate-outcome" tabindex="-1" role="status" class="status-line">
                {move || outcome.get().map(|o| match o {
                    Outcome::Imported => view! { <p class="alert alert-success">{t!(i18n, transfer.consolidate_done)}</p> }.into_any(),
                    Outcome::Cancelled => view! { <p class="alert alert-info">{t!(i18n, transfer.consolidate_cancelled)}</p> }.into_any(),
                    Outcome::ImportedNotStored => view! { <p class="alert alert-warning">{t!(i18n, transfer.imported_not_stored)}</p> }.into_any(),
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
                    .map(|w| messages::located_issue(w, lang))
                    .collect::<Vec<_>>();
                let statuses = f
                    .statuses
                    .iter()
                    .map(|(area, state, seal)| {
                        let state = messages::review_state(*state, lang);
                        let area = area.clone();
                        match seal {
                            SealCheck::Valid { .. } => view! { <li class="seal-ok">{t!(i18n, transfer.file_seal_ok, area = area.clone(), state = state.clone())}</li> }.into_any(),
                            SealCheck::Broken { .. } => view! { <li class="seal-broken"><strong>{t!(i18n, transfer.file_seal_broken, area = area.clone(), state = state.clone())}</strong></li> }.into_any(),
                            SealCheck::None => view! { <li>{t!(i18n, transfer.file_no_seal, area = area.clone(), state = state.clone())}</li> }.into_any(),
                        }
                    })
                    .collect_view();
                view! {
                    <tr data-file=f.name.clone()>
                        <th scope="row">{f.name.clone()}</th>
                        <td class="num">{f.progress_count}</td>
                        <td>{f.exported_at.as_deref().map(|ts| format::timestamp(ts, lang)).unwrap_or_else(|| "—".into())}</td>
                        <td class="file-statuses"><ul class="plain-list">{statuses}</ul></td>
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
                        <th scope="col">{t!(i18n, transfer.consolidate_status)}</th>
                        <th scope="col">{t!(i18n, transfer.warnings_heading)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    }
}
