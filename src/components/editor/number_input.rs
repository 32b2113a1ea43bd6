//! A decimal field typed the Italian (or English) way, for weights and levels.
//!
//! What the user types is kept as typed while it is being edited; only a
//! number that parses reaches the plan, and a text that does not parse is
//! explained next to the field and leaves the plan as it was.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::editor::context::use_editor;
use crate::components::editor::field_issues::{issues_id, EditorFieldIssues};
use crate::state::use_app;
use crate::view::format::{self, NumberInputError};

/// A labelled text input for a decimal, with its parse error and the plan's
/// validation messages for `path` shown under it.
#[component]
pub fn EditorNumberInput(
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
    value: Signal<Option<Decimal>>,
    /// Receives each new valid value; `None` when emptied and `allow_empty`.
    on_change: Callback<Option<Decimal>>,
    /// Whether an empty field is a valid "no value".
    #[prop(optional)]
    allow_empty: bool,
    /// Hides the label visually (it stays for screen readers), for table cells.
    #[prop(optional)]
    compact: bool,
    /// A warning about this field that the plan's validation places elsewhere
    /// (an area's weight sum off 100, shown at each of its weights).
    #[prop(optional, into)]
    warning: Signal<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let ed = use_editor();
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<NumberInputError>);
    let error_id = format!("{id}-parse");
    let warning_id = format!("{id}-warning");
    let describedby = format!("{} {} {}", error_id, warning_id, issues_id(&path));
    let shown = move || {
        draft.get().unwrap_or_else(|| {
            value
                .get()
                .map(|d| format::decimal(d, app.lang.get(), 10))
                .unwrap_or_default()
        })
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let parsed = format::parse_number(&text, app.lang.get_untracked());
        draft.set(Some(text));
        match parsed {
            Ok(d) => {
                error.set(None);
                on_change.run(Some(d));
            }
            Err(NumberInputError::Empty) if allow_empty => {
                error.set(None);
                on_change.run(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    // Once the user leaves a valid field it shows the number as the app writes it.
    let on_blur = move |_| {
        if error.get_untracked().is_none() {
            draft.set(None);
        }
    };
    let issues_path = path.clone();
    let invalid =
        move || (error.get().is_some() || ed.has_issues_under(&issues_path)).then_some("true");
    let label_class = if compact {
        "visually-hidden"
    } else {
        "field-label"
    };
    view! {
        <div class="field field-number">
            <label for=id.clone() class=label_class>{move || label.get()}</label>
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                id=id
                prop:value=shown
                on:input=on_input
                on:blur=on_blur
                aria-invalid=invalid
                aria-describedby=describedby
            />
            <p class="field-error" id=error_id aria-live="polite">
                {move || error.get().map(|e| e.message(app.lang.get()))}
            </p>
            <p class="field-warning" id=warning_id hidden=move || warning.with(Option::is_none)>
                {move || warning.get()}
            </p>
            <EditorFieldIssues path=path />
        </div>
    }
}
