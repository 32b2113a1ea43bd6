//! The completion date of a deadline indicator, or "deadline missed" (level 0).

use chrono::NaiveDate;
use cruscotto_engine::scoring::date_levels;
use cruscotto_engine::values::{check_date, ValueDoubt};
use cruscotto_engine::{Indicator, ResultKey};
use leptos::prelude::*;

use crate::components::fields::date_field::DateField;
use crate::i18n::*;
use crate::io::clock::today;
use crate::state::use_app;
use crate::view::format;
use crate::view::ids::result_dom_id;

/// What a deadline not yet met can still reach: the best level whose date
/// has not passed on `today`, with that date. `None` once done (the date
/// cannot be moved earlier) or when every date has passed.
pub fn still_reachable(
    indicator: &Indicator,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<(u8, NaiveDate)> {
    if done_on.is_some() {
        return None;
    }
    let [threshold, target, excellence] = date_levels(indicator)?;
    [(4, excellence), (3, target), (1, threshold)]
        .into_iter()
        .find(|(_, date)| today <= *date)
}

/// A date field and a "deadline missed" checkbox for a date indicator.
#[component]
pub fn DateInput(
    /// The result recorded: a date indicator's, or one area's of a per-area
    /// objective.
    key: ResultKey,
    /// The date indicator, for the dates of its levels.
    indicator: Indicator,
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

    let reachable = Memo::new(move |_| {
        let (done_on, level) = entry.get();
        // A deadline recorded as missed has nothing left to reach.
        (level != Some(0))
            .then(|| still_reachable(&indicator, done_on, today()))
            .flatten()
    });
    let still_needed_id = result_dom_id("still-needed-", &key);
    let reachable_view = move || {
        reachable.get().map(|(level, date)| {
            let lang = app.lang.get();
            let name = crate::view::levels::band_name(
                crate::view::levels::band(Some(rust_decimal::Decimal::from(level))),
                lang,
            );
            let when = format::date(date, lang);
            view! { {t!(i18n, objective.still_needed_date, date = when, level = format!("{level} · {name}"))} }
        })
    };

    let on_date = {
        let key = key.clone();
        Callback::new(move |done_on: Option<NaiveDate>| {
            app.record(&key.indicator, key.area.as_deref(), |e| {
                e.done_on = done_on;
                if done_on.is_some() {
                    e.level = None;
                }
            });
        })
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
            <DateField
                id=input_id
                value=Signal::derive(move || entry.get().0)
                on_change=on_date
                data_indicator=Some(key.indicator.clone())
                data_area=key.area.clone()
                described_by={
                    let (hint_id, year_doubt_id) = (hint_id.clone(), year_doubt_id.clone());
                    Signal::derive(move || if year_doubt.with(Option::is_some) { format!("{year_doubt_id} {hint_id}") } else { hint_id.clone() })
                }
            />
            <p class="field-warning" id=year_doubt_id hidden=move || year_doubt.with(Option::is_none)>
                {move || year_doubt.get().map(|year| view! { {t!(i18n, objective.date_outside_year, year = year)} })}
            </p>
            <p class="hint" id=hint_id>{t!(i18n, objective.date_hint)}</p>
            <p class="still-needed" id=still_needed_id aria-live="polite">{reachable_view}</p>
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

#[cfg(test)]
mod tests {
    use cruscotto_engine::default_snapshot;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn a_deadline_not_yet_met_names_the_best_level_still_reachable_and_its_date() {
        let plan = default_snapshot().plan;
        let (_, campus) = plan.indicator("campus-bovisa-nord-i1").expect("indicator");
        // Excellence by 30/09/2023, target by 31/10, threshold by 30/11.
        assert_eq!(
            still_reachable(campus, None, date(2023, 9, 1)),
            Some((4, date(2023, 9, 30)))
        );
        assert_eq!(
            still_reachable(campus, None, date(2023, 10, 15)),
            Some((3, date(2023, 10, 31)))
        );
        assert_eq!(
            still_reachable(campus, None, date(2023, 11, 30)),
            Some((1, date(2023, 11, 30)))
        );
        assert_eq!(still_reachable(campus, None, date(2023, 12, 1)), None);
        assert_eq!(
            still_reachable(campus, Some(date(2023, 9, 15)), date(2023, 9, 1)),
            None
        );
    }
}
