//! The completion date of a deadline indicator, or "deadline missed" (level 0).

use cruscotto_engine::values::{check_date, ValueDoubt};
use cruscotto_engine::ResultKey;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format::parse_date_field;
use crate::view::ids::result_dom_id;

/// A date field and a "deadline missed" checkbox for a date indicator.
#[component]
pub fn DateInput(
    /// The result recorded: a date indicator's, or one area's of a per-area
    /// objective.
    key: ResultKey,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let input_id = result_dom_id("done-on-", &key);
    let missed_id = result_dom_id("missed-", &key);
    let hint_id = result_dom_id("done-on-hint-", &key);
    let entry = {
        let key = key.clone();
        Memo::new(move |_| {
            app.with_entry(&key, |e| e.map(|e| (e.done_on, e.level)))
                .unwrap_or_default()
        })
    };
    let field = NodeRef::<html::Input>::new();
    // A date of another year than the plan's is recorded (work may end early
    // the next year) but questioned, since 2032 for 2023 is most likely a slip.
    let year_doubt_id = result_dom_id("done-on-year-", &key);
    let year_doubt = Memo::new(move |_| {
        let year = app.plan.with(|p| p.year);
        entry.get().0.and_then(|d| match check_date(year, d) {
            Some(ValueDoubt::OutsideYear { year }) => Some(year),
            _ => None,
        })
    });

    // The field is written only when it disagrees with the stored date, so that
    // a half-typed date (which reads as empty) is not wiped while typing.
    Effect::new(move |_| {
        let done_on = entry.get().0;
        let Some(el) = field.get() else { return };
        if parse_date_field(&el.value()) != done_on {
            el.set_value(&done_on.map(|d| d.to_string()).unwrap_or_default());
        }
    });

    let on_date = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            let done_on = parse_date_field(&event_target_value(&ev));
            if entry.get_untracked().0 != done_on {
                app.record(&key.indicator, key.area.as_deref(), |e| {
                    e.done_on = done_on;
                    if done_on.is_some() {
                        e.level = None;
                    }
                });
            }
        }
    };
    let on_missed = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            let missed = event_target_checked(&ev);
            app.record(&key.indicator, key.area.as_deref(), |e| {
                if missed {
                    e.level = Some(0);
                    e.done_on = None;
                } else {
                    e.level = None;
                }
            });
        }
    };

    view! {
        <div class="date-input">
            <label for=input_id.clone()>{t!(i18n, objective.done_on_label)}</label>
            <input
                type="date"
                id=input_id
                data-indicator=key.indicator.clone()
                data-area=key.area.clone()
                node_ref=field
                aria-describedby={
                    let (hint_id, year_doubt_id) = (hint_id.clone(), year_doubt_id.clone());
                    move || if year_doubt.with(Option::is_some) { format!("{year_doubt_id} {hint_id}") } else { hint_id.clone() }
                }
                on:input=on_date.clone()
                on:change=on_date
            />
            <p class="field-warning" id=year_doubt_id hidden=move || year_doubt.with(Option::is_none)>
                {move || year_doubt.get().map(|year| view! { {t!(i18n, objective.date_outside_year, year = year)} })}
            </p>
            <p class="hint" id=hint_id>{t!(i18n, objective.date_hint)}</p>
            <div class="check-option">
                <input
                    type="checkbox"
                    id=missed_id.clone()
                    prop:checked=move || entry.get().1 == Some(0)
                    on:change=on_missed
                />
                <label for=missed_id>{t!(i18n, objective.deadline_missed)}</label>
            </div>
        </div>
    }
}
