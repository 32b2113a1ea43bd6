//! The reminder to export: shown once edits made on this device have waited
//! a week for an export (`state::reminder`), with the export at hand.

use leptos::prelude::*;

use crate::components::transfer::export_now::ExportNow;
use crate::i18n::*;
use crate::io::clock::now;
use crate::state::reminder::export_due;
use crate::state::use_app;
use crate::view::format;

/// "You have not exported for a week of edits", with "Export now".
#[component]
pub fn ExportReminder(
    /// Prefix of the element ids (two screens show it).
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // Read at render time: a reminder that appears while the page is open
    // can wait for the next screen.
    let due = move || {
        app.unexported_since
            .with(|s| export_due(s.as_deref(), &now()))
    };
    let since = move || {
        app.unexported_since
            .get()
            .map(|s| format::timestamp(&s, app.lang.get()))
            .unwrap_or_default()
    };
    view! {
        <Show when=due>
            <div class="alert alert-info export-reminder" id=id role="status">
                <p>{move || t_string!(i18n, common.export_reminder, since = since())}</p>
                <ExportNow id=format!("{id}-export") />
            </div>
        </Show>
    }
}
