//! A date typed and shown in the interface's language (`30/11/2023` in
//! Italian, `30 Nov 2023` in English). A browser's `<input type="date">`
//! shows the browser's locale instead (mm/dd/yyyy under an Italian interface
//! in an American browser), so this is a text field read by
//! `view::format::parse_date`.

use chrono::NaiveDate;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format::{self, date_typed_in_full, parse_date};

/// A text field for one date. The caller gives the label (`for=id`).
#[component]
pub fn DateField(
    /// The input's element id, which the caller's label points to.
    id: String,
    /// The date recorded now; the field shows it in the interface's language.
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    /// Called with each date read (`None` when the field is emptied); never
    /// with text that is not a date, which shows its own message instead.
    on_change: Callback<Option<NaiveDate>>,
    /// More element ids that describe the field (a hint, a warning).
    #[prop(optional, into)]
    described_by: Signal<String>,
    /// Whether something outside the field marks it invalid (an editor issue).
    #[prop(optional, into)]
    invalid: Signal<bool>,
    /// `data-indicator` of the input, which tests and the history find it by.
    #[prop(optional_no_strip)]
    data_indicator: Option<String>,
    /// `data-area` of the input, for one area's result.
    #[prop(optional_no_strip)]
    data_area: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let field = NodeRef::<html::Input>::new();
    let focused = RwSignal::new(false);
    let unreadable = RwSignal::new(false);
    let error_id = format!("{id}-error");
    let format_id = format!("{id}-format");

    // The field follows the recorded date (another tab, an import, a change
    // of language) but never rewrites what the person is typing: while it has
    // focus only a different date replaces the text.
    Effect::new(move |_| {
        let (value, lang) = (value.get(), app.lang.get());
        let Some(el) = field.get() else { return };
        let text = el.value();
        let shown = value.map(|d| format::date(d, lang)).unwrap_or_default();
        let same_date = parse_date(&text).ok() == Some(value);
        if !focused.get_untracked() && text != shown || focused.get_untracked() && !same_date {
            el.set_value(&shown);
            unreadable.set(false);
        }
    });

    let commit = move |text: &str, leaving: bool| match parse_date(text) {
        Ok(date) => {
            unreadable.set(false);
            if (leaving || date.is_none() || date_typed_in_full(text))
                && date != value.get_untracked()
            {
                on_change.run(date);
            }
            if leaving {
                if let Some(el) = field.get_untracked() {
                    let lang = app.lang.get_untracked();
                    el.set_value(&date.map(|d| format::date(d, lang)).unwrap_or_default());
                }
            }
        }
        // Half-typed text is not an error until the person leaves the field.
        Err(_) => unreadable.set(leaving),
    };

    let described = {
        let (error_id, format_id) = (error_id.clone(), format_id.clone());
        move || {
            let extra = described_by.get();
            let mut ids = vec![format_id.clone()];
            if unreadable.get() {
                ids.insert(0, error_id.clone());
            }
            if !extra.is_empty() {
                ids.push(extra);
            }
            ids.join(" ")
        }
    };

    view! {
        <span class="date-field">
            <input
                type="text"
                class="date-text"
                autocomplete="off"
                spellcheck="false"
                id=id
                data-indicator=data_indicator
                data-area=data_area
                node_ref=field
                placeholder=move || t_string!(i18n, common.date_placeholder)
                aria-invalid=move || (unreadable.get() || invalid.get()).then_some("true")
                aria-describedby=described
                on:focus=move |_| focused.set(true)
                on:input=move |ev| commit(&event_target_value(&ev), false)
                on:change=move |ev| commit(&event_target_value(&ev), true)
                on:blur=move |_| focused.set(false)
            />
            <span class="hint date-format" id=format_id>{t!(i18n, common.date_format)}</span>
            <span class="field-error" id=error_id role="alert" hidden=move || !unreadable.get()>
                {t!(i18n, common.date_invalid)}
            </span>
        </span>
    }
}
