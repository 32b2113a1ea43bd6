//! The validation messages for one field, shown right next to it.

use cruscotto_engine::Severity;
use leptos::prelude::*;

use crate::components::editor::context::use_editor;
use crate::state::use_app;
use crate::view::editor::field_anchor;
use crate::view::messages;

/// Lists the issues whose path is exactly `path`. The list has the id
/// `<anchor>-issues`, which the field names in `aria-describedby`; it is a
/// polite live region, so a problem introduced while typing is announced.
#[component]
pub fn EditorFieldIssues(
    /// The JSON path validation uses for the field, e.g. `plan.objectives[3].title`.
    #[prop(into)]
    path: String,
) -> impl IntoView {
    let app = use_app();
    let ed = use_editor();
    let id = format!("{}-issues", field_anchor(&path));
    let items = move || {
        let lang = app.lang.get();
        ed.issues_at(&path)
            .into_iter()
            .map(|issue| {
                let class = match issue.severity {
                    Severity::Error => "field-issue error",
                    Severity::Warning => "field-issue warning",
                };
                view! { <li class=class>{messages::issue(&issue, lang)}</li> }
            })
            .collect_view()
    };
    view! { <ul class="field-issues" id=id aria-live="polite">{items}</ul> }
}

/// The `aria-describedby` value of a field whose issues are shown by
/// [`EditorFieldIssues`] with the same path.
pub fn issues_id(path: &str) -> String {
    format!("{}-issues", field_anchor(path))
}
