//! A labelled text field or text area bound to one string of the plan, with the
//! validation messages for its path shown under it.

use leptos::prelude::*;

use crate::components::editor::context::use_editor;
use crate::components::editor::field_issues::{issues_id, EditorFieldIssues};

/// A text input (or textarea) whose every keystroke is written to the plan,
/// or, with `on_commit`, only when the user leaves it (for values the editor
/// normalises, such as comma-separated lists).
#[component]
pub fn EditorTextField(
    /// The input's DOM id (the anchor validation links point to).
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The JSON path of the value, for validation messages.
    #[prop(into)]
    path: String,
    /// The value in the plan.
    #[prop(into)]
    value: Signal<String>,
    /// Receives the text.
    on_change: Callback<String>,
    /// A multi-line text area instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
    /// Write to the plan when the field is left rather than on each keystroke.
    #[prop(optional)]
    on_commit: bool,
    /// A hint shown under the label (format, examples).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    let ed = use_editor();
    let hint_id = format!("{id}-hint");
    let describedby = match hint {
        Some(_) => format!("{hint_id} {}", issues_id(&path)),
        None => issues_id(&path),
    };
    let issues_path = path.clone();
    let invalid = move || ed.has_issues_under(&issues_path).then_some("true");
    let handler = move |ev: leptos::ev::Event| on_change.run(event_target_value(&ev));
    let control = if multiline {
        if on_commit {
            view! { <textarea id=id.clone() rows="3" prop:value=move || value.get() on:change=handler aria-invalid=invalid aria-describedby=describedby.clone()></textarea> }.into_any()
        } else {
            view! { <textarea id=id.clone() rows="3" prop:value=move || value.get() on:input=handler aria-invalid=invalid aria-describedby=describedby.clone()></textarea> }.into_any()
        }
    } else if on_commit {
        view! { <input type="text" id=id.clone() prop:value=move || value.get() on:change=handler aria-invalid=invalid aria-describedby=describedby.clone() /> }.into_any()
    } else {
        view! { <input type="text" id=id.clone() prop:value=move || value.get() on:input=handler aria-invalid=invalid aria-describedby=describedby.clone() /> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id class="field-label">{move || label.get()}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id>{move || h.get()}</p> })}
            {control}
            <EditorFieldIssues path=path />
        </div>
    }
}
