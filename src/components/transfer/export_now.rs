//! "Export now": downloads the plan and progress held by this page as a
//! snapshot file, right where a problem with saving is reported, so the way
//! out never needs another screen (which may be in the other wasm module, a
//! page load away, where unsaved changes would not follow).

use leptos::prelude::*;

use crate::i18n::*;
use crate::io::clock::today;
use crate::io::files;
use crate::state::{use_app, AppState};

#[component]
pub fn ExportNow(
    /// The id of the button, for the tests and for labels that point at it.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (status, set_status) = signal(None::<Result<String, String>>);
    // Everything this page holds: the way out of a saving problem never
    // leaves another area's results behind.
    let download = move |_| set_status.set(Some(download_snapshot(&app, None)));
    view! {
        <button type="button" class="btn btn-primary" id=id on:click=download>
            {t!(i18n, common.storage_error_export)}
        </button>
        <span aria-live="polite">
            {move || match status.get() {
                Some(Ok(name)) => Some(view! { <span class="text-success">{t!(i18n, common.export_done)}" "{name}</span> }.into_any()),
                Some(Err(e)) => Some(view! { <span class="text-danger">{t!(i18n, common.export_failed)}" "{e}</span> }.into_any()),
                None => None,
            }}
        </span>
    }
}

/// Downloads the plan and progress this page holds as a snapshot file named
/// after the plan, the chosen area and today; returns the file name, or why the
/// browser refused. With `only_area`, the file holds that area's results
/// only and says so (a manager's file for the office).
pub fn download_snapshot(app: &AppState, only_area: Option<&str>) -> Result<String, String> {
    let area = app.area.get_untracked();
    let name = app.plan.with_untracked(|p| {
        crate::view::file_names::export_file_name(&p.id, area.as_deref(), today())
    });
    let snapshot = app.snapshot();
    let json = match only_area {
        Some(code) => snapshot.for_area(code).to_json(),
        None => snapshot.to_json(),
    };
    files::download_text(&name, &json, "application/json")
        .map(|()| {
            app.exported();
            name
        })
        .map_err(|e| e.0)
}
