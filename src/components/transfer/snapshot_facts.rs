//! What a checked snapshot holds (plan title, id, year, number of objectives
//! and progress entries, format version, export time) and its warnings, shown
//! before an import and in a comparison.

use cruscotto_engine::snapshot::{Imported, MigrationNote, CURRENT_VERSION};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::messages;

#[component]
pub fn SnapshotFacts(
    /// The snapshot that passed the engine's checks, with its warnings.
    imported: Imported,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let plan = imported.snapshot.plan.clone();
    let progress_count = imported.snapshot.results().len();
    let exported_at = imported.snapshot.exported_at.clone();
    // A manager's file: it holds one area's results only.
    let file_area = imported.snapshot.area.clone();
    let source_version = imported.source_version;
    let warnings = imported.report.warnings.clone();
    let objectives_count = plan.objectives.len();
    // What a migration changed beyond the format: said before the import, so a
    // copied shared value is not mistaken for each area's own measurement.
    let notes = imported.migration_notes.clone();
    let notes_view = move || {
        (!notes.is_empty()).then(|| {
        let items = notes
            .clone()
            .into_iter()
            .map(|n| match n {
                MigrationNote::MarkedPerArea { objective } => {
                    view! { <li>{t!(i18n, transfer.migration_marked_per_area, objective = objective)}</li> }.into_any()
                }
                MigrationNote::CopiedPerArea { indicator, areas, .. } => {
                    let areas = areas.join(", ");
                    view! { <li>{t!(i18n, transfer.migration_copied_per_area, indicator = indicator, areas = areas)}</li> }.into_any()
                }
                MigrationNote::ScalesAdded { indicators } => {
                    let count = indicators.len();
                    let indicators = indicators.join(", ");
                    view! { <li>{t!(i18n, transfer.migration_scales_added, count = count, indicators = indicators)}</li> }.into_any()
                }
                MigrationNote::DeadlineAdded { date } => {
                    let date = date
                        .parse::<chrono::NaiveDate>()
                        .map(|d| crate::view::format::date(d, app.lang.get_untracked()))
                        .unwrap_or(date);
                    view! { <li>{t!(i18n, transfer.migration_deadline_added, date = date)}</li> }.into_any()
                }
            })
            .collect_view();
        view! {
            <h4>{t!(i18n, transfer.migration_heading)}</h4>
            <ul class="warning-list" id="import-migration-notes">{items}</ul>
        }
        })
    };
    move || {
        let lang = app.lang.get();
        let warnings_view = if warnings.is_empty() {
            view! { <p class="muted">{t!(i18n, transfer.no_warnings)}</p> }.into_any()
        } else {
            view! {
                <ul class="warning-list" id="import-warnings">
                    {warnings.iter().map(|w| view! {
                        <li><code>{w.path.clone()}</code>" — "{messages::issue(w, lang)}</li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <dl class="preview-facts">
                <div><dt>{t!(i18n, transfer.plan_title)}</dt><dd id="preview-title">{plan.title.clone()}</dd></div>
                <div><dt>{t!(i18n, transfer.plan_id)}</dt><dd><code>{plan.id.clone()}</code></dd></div>
                <div><dt>{t!(i18n, transfer.plan_year)}</dt><dd>{plan.year}</dd></div>
                <div><dt>{t!(i18n, transfer.objectives_count)}</dt><dd id="preview-objectives">{objectives_count}</dd></div>
                <div><dt>{t!(i18n, transfer.progress_count)}</dt><dd id="preview-progress">{progress_count}</dd></div>
                <div>
                    <dt>{t!(i18n, transfer.source_version)}</dt>
                    <dd>{source_version}" "{(source_version < CURRENT_VERSION).then_some(t!(i18n, transfer.migrated))}</dd>
                </div>
                {exported_at.clone().map(|ts| view! {
                    <div><dt>{t!(i18n, transfer.exported_at)}</dt><dd>{format::timestamp(&ts, lang)}</dd></div>
                })}
            </dl>
            {file_area.clone().map(|area| view! {
                <p class="alert alert-warning" id="preview-area-file">{t!(i18n, transfer.area_file, area = area)}</p>
            })}
            {notes_view()}
            <h4>{t!(i18n, transfer.warnings_heading)}" ("{warnings.len()}")"</h4>
            {warnings_view}
        }
    }
}
