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
use crate::components::transfer::diff_view::{DiffMode, DiffView};
use crate::components::transfer::file_drop_zone::FileDropZone;
use crate::components::transfer::import_errors::ImportErrors;
use crate::components::transfer::snapshot_facts::SnapshotFacts;
use crate::i18n::*;
use crate::io::files;
use crate::state::use_app;
use crate::view::snapshot_diff::diff;

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
                // Against the local data as it is now (it may change in another tab).
                let d = move || {
                    app.plan.with(|plan| {
                        app.with_results(|progress| {
                            app.scorecard
                                .with(|card| diff(plan, progress, card, &imported.snapshot))
                        })
                    })
                };
                view! {
                    <section id="compare-result" class="preview" aria-labelledby="compare-result-heading">
                        <h3 id="compare-result-heading" tabindex="-1">{t!(i18n, compare.result_heading)}": "<span class="import-source">{name}</span></h3>
                        <p>{t!(i18n, compare.result_intro)}</p>
                        <SnapshotFacts imported=facts />
                        {move || view! { <DiffView diff=d() mode=DiffMode::Compare /> }}
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
                {result}
            </section>
            <p class="muted"><A href=route("/transfer")>{t!(i18n, compare.to_import)}</A></p>
        </div>
    }
}
