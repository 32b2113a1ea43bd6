//! The comparison screen: choose or drop a snapshot and see how it differs from
//! the local data (plan, objectives, progress, every area's score) without
//! importing it. Nothing here writes: the page reads the state and a file only.
//! It wears the transfer screen's styles (`.transfer-page`), since it shows the
//! same drop zone, errors and differences.

use cruscotto_engine::snapshot::{ImportError, Imported};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::components::focus::focus_soon;
use crate::components::links::route;
use crate::components::transfer::changes_table::ChangesTable;
use crate::components::transfer::diff_view::{DiffMode, DiffView};
use crate::components::transfer::file_drop_zone::FileDropZone;
use crate::components::transfer::import_errors::ImportErrors;
use crate::components::transfer::snapshot_facts::SnapshotFacts;
use crate::i18n::*;
use crate::io::files;
use crate::state::use_app;
use crate::view::snapshot_diff::{change_rows, diff};

/// The last file compared, or why it could not be read.
#[derive(Clone)]
enum Compared {
    Ok {
        name: String,
        imported: Box<Imported>,
    },
    Failed {
        name: String,
        error: ImportError,
    },
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let compared = RwSignal::new(None::<Compared>);
    let reading = RwSignal::new(false);
    // "Before": the local data, or a second file (two managers' files).
    let base = RwSignal::new(None::<(String, cruscotto_engine::Snapshot)>);
    let base_error = RwSignal::new(None::<(String, ImportError)>);
    let reading_base = RwSignal::new(false);
    let on_base = Callback::new(move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else {
            return;
        };
        reading_base.set(true);
        spawn_local(async move {
            let result = files::import_files(vec![file]).await;
            reading_base.set(false);
            if let Some((name, r)) = result.into_iter().next() {
                match r {
                    Ok(imported) => {
                        base_error.set(None);
                        base.set(Some((name, imported.snapshot)));
                    }
                    Err(e) => base_error.set(Some((name, e))),
                }
            }
        });
    });

    let check = move |files: Vec<web_sys::File>| {
        // One snapshot at a time: the first of a multiple drop.
        let Some(file) = files.into_iter().next() else {
            return;
        };
        reading.set(true);
        compared.set(None);
        spawn_local(async move {
            let result = files::import_files(vec![file]).await;
            reading.set(false);
            if let Some((name, r)) = result.into_iter().next() {
                let (value, focus) = match r {
                    Ok(imported) => (
                        Compared::Ok {
                            name,
                            imported: Box::new(imported),
                        },
                        "compare-result-heading",
                    ),
                    Err(error) => (Compared::Failed { name, error }, "compare-errors-heading"),
                };
                compared.set(Some(value));
                focus_soon(focus);
            }
        });
    };
    let on_files = Callback::new(check);

    let result = move || {
        compared.get().map(|c| match c {
            Compared::Failed { name, error } => {
                view! { <ImportErrors source=name error=error id="compare-errors" /> }.into_any()
            }
            Compared::Ok { name, imported } => {
                let facts = (*imported).clone();
                let imported = StoredValue::new(imported.snapshot);
                // Against the second file when one is chosen, else against
                // the local data as it is now (it may change in another tab).
                let d = move || match base.get() {
                    Some((_, b)) => imported.with_value(|i| {
                        diff(&b.plan, b.results(), &b.score(), i)
                            .with_statuses(&b.area_status, &i.area_status)
                    }),
                    None => app.plan.with(|plan| {
                        app.with_results(|progress| {
                            app.scorecard.with(|card| {
                                imported.with_value(|i| {
                                    diff(plan, progress, card, i).with_statuses(
                                        &app.area_status.get(),
                                        &i.area_status,
                                    )
                                })
                            })
                        })
                    }),
                };
                // Once per change, read by the changes table and the lists.
                let preview = Memo::new(move |_| d());
                let rows = move || {
                    let before = base.get().map(|(_, b)| b.plan).unwrap_or_else(|| app.plan.get());
                    preview.with(|p| imported.with_value(|i| change_rows(&p.diff, &before, &i.plan)))
                };
                view! {
                    <section id="compare-result" class="preview" aria-labelledby="compare-result-heading">
                        <h3 id="compare-result-heading" tabindex="-1">{t!(i18n, compare.result_heading)}": "<span class="import-source">{name}</span></h3>
                        <p>{t!(i18n, compare.result_intro)}</p>
                        <SnapshotFacts imported=facts />
                        {move || view! { <ChangesTable rows=rows() /> }}
                        {move || view! { <DiffView diff=preview.get() mode=DiffMode::Compare /> }}
                    </section>
                }
                .into_any()
            }
        })
    };

    view! {
        <div class="transfer-page compare-page">
            <h1>{t!(i18n, compare.title)}</h1>
            <p class="lead">{t!(i18n, compare.intro)}</p>
            <section class="transfer-section" aria-labelledby="compare-choose-heading">
                <h2 id="compare-choose-heading">{t!(i18n, compare.choose_heading)}</h2>
                <FileDropZone
                    zone_id="compare-drop-zone"
                    input_id="compare-file"
                    hint=move || t!(i18n, compare.drop_hint)
                    label=move || t!(i18n, compare.file_label)
                    reading=reading
                    on_files=on_files
                />
                <div class="compare-base" id="compare-base">
                    <h3>{t!(i18n, compare.base_heading)}</h3>
                    {move || match base.get() {
                        None => view! { <p id="compare-base-name">{t!(i18n, compare.base_local)}</p> }.into_any(),
                        Some((name, _)) => view! {
                            <p id="compare-base-name">{t!(i18n, compare.base_is_file, name = name.clone())}" "
                                <button type="button" class="btn btn-small" id="compare-base-clear" on:click=move |_| base.set(None)>
                                    {t!(i18n, compare.base_clear)}
                                </button>
                            </p>
                        }.into_any(),
                    }}
                    <FileDropZone
                        zone_id="compare-base-drop-zone"
                        input_id="compare-base-file"
                        hint=move || t!(i18n, compare.base_file_hint)
                        label=move || t!(i18n, compare.base_file_label)
                        reading=reading_base
                        on_files=on_base
                    />
                    {move || base_error.get().map(|(name, error)| view! { <ImportErrors source=name error=error id="compare-base-errors" /> })}
                </div>
                {result}
            </section>
            <p class="muted"><A href=route("/transfer")>{t!(i18n, compare.to_import)}</A></p>
        </div>
    }
}
