//! How one indicator moved over the year: its level after each day on which
//! its entry changed, replayed by the engine from the entry's history.

use cruscotto_engine::{Indicator, IndicatorKind, ProgressEntry, ResultKey};
use leptos::prelude::*;

use crate::components::charts::timeline_chart::{ChartPoint, TimelineChart};
use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::ids::result_dom_id;

/// What a state recorded, as the table shows it: the number with its unit or
/// the completion date; `None` when the level says it all (milestones, level 0).
pub fn recorded_text(indicator: &Indicator, state: &ProgressEntry, lang: Lang) -> Option<String> {
    match indicator.kind {
        IndicatorKind::Number => state.value.map(|v| {
            let n = format::decimal(v, lang, 10);
            format::with_unit(n, format::Unit::of(indicator).as_ref(), lang)
        }),
        IndicatorKind::Date => state.done_on.map(|d| format::date(d, lang)),
        IndicatorKind::Milestone => None,
    }
}

/// The chart of one indicator's level over time, or a line saying there is
/// nothing yet.
#[component]
pub fn IndicatorHistory(
    /// The indicator, as in the plan.
    indicator: Indicator,
    /// Whose result: the indicator's, or one area's of a per-area objective.
    key: ResultKey,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let heading_id = result_dom_id("history-heading-", &key);
    let chart_id = result_dom_id("history-", &key);
    let points = {
        Memo::new(move |_| {
            let lang = app.lang.get();
            app.plan.with(|plan| {
                app.with_results(|results| {
                    plan.result_timeline(results, &key)
                        .into_iter()
                        .map(|(t, state)| ChartPoint {
                            date: t.date,
                            score: t.score,
                            value: recorded_text(&indicator, &state, lang),
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let label = Signal::derive(move || t_string!(i18n, history.indicator_chart_label).to_string());
    let labelledby = heading_id.clone();
    view! {
        <section class="indicator-history" aria-labelledby=labelledby>
            <h4 id=heading_id>{t!(i18n, history.indicator_heading)}</h4>
            <Show
                when=move || points.with(|p| !p.is_empty())
                fallback=move || view! { <p class="hint">{t!(i18n, history.indicator_empty)}</p> }
            >
                <TimelineChart points=points label=label id=chart_id.clone() />
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use cruscotto_engine::default_snapshot;
    use rust_decimal::Decimal;

    use super::*;

    #[test]
    fn recorded_values_are_written_as_the_reader_expects() {
        let plan = default_snapshot().plan;
        let (_, n) = plan.indicator("risparmio-energetico-a").expect("indicator");
        let state = ProgressEntry {
            value: Some(Decimal::from_str("41079930").expect("dec")),
            ..ProgressEntry::default()
        };
        assert_eq!(
            recorded_text(n, &state, Lang::It).as_deref(),
            Some("41.079.930 kWh")
        );
        let (_, d) = plan.indicator("campus-bovisa-nord-i1").expect("indicator");
        let state = ProgressEntry {
            done_on: chrono::NaiveDate::from_ymd_opt(2023, 9, 15),
            ..ProgressEntry::default()
        };
        assert_eq!(
            recorded_text(d, &state, Lang::It).as_deref(),
            Some("15/09/2023")
        );
        let missed = ProgressEntry {
            level: Some(0),
            ..ProgressEntry::default()
        };
        assert_eq!(recorded_text(d, &missed, Lang::It), None);
    }
}
