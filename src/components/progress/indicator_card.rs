//! One indicator of an objective: its three levels as the plan prints them, the
//! input that fits its kind, the level reached (announced as it changes), the
//! manager's note and how the level moved over the year.

use cruscotto_engine::{Indicator, IndicatorKind, Lang, Level, LevelValue};
use leptos::prelude::*;

use crate::components::progress::date_input::DateInput;
use crate::components::progress::indicator_history::IndicatorHistory;
use crate::components::progress::indicator_note::IndicatorNote;
use crate::components::progress::milestone_input::MilestoneInput;
use crate::components::progress::number_input::NumberInput;
use crate::components::scores::level_badge::LevelBadge;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::ids::dom_id;

/// A level's value as the reader expects it: a number with its unit, a date, or
/// a dash when the plan gives none.
pub fn level_value_text(indicator: &Indicator, level: &Level, lang: Lang) -> String {
    match &level.value {
        LevelValue::Number(n) => {
            let n = format::decimal(*n, lang, 10);
            match indicator.unit.as_deref().filter(|u| !u.trim().is_empty()) {
                Some(u) => format!("{n} {u}"),
                None => n,
            }
        }
        LevelValue::Date(d) => format::date(*d, lang),
        LevelValue::Empty => "—".to_string(),
    }
}

/// An indicator with its levels, its assessment input and its note.
#[component]
pub fn IndicatorCard(
    /// The indicator, as in the plan.
    indicator: Indicator,
    /// Whether the objective has several indicators (then the label is shown).
    several: bool,
    /// Whether milestones may be assessed at the intermediate level 2.
    intermediate: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let id = indicator.id.clone();
    let heading_id = dom_id("indicator-heading-", &id);
    let level = {
        let id = id.clone();
        Signal::derive(move || app.scorecard.with(|c| c.indicator(&id)))
    };
    let label = indicator.label.clone().filter(|_| several);
    let heading = match label {
        Some(l) => view! { {t!(i18n, objective.indicator_label, label = l)} }.into_any(),
        None => view! { {t!(i18n, objective.indicator)} }.into_any(),
    };
    let shows_values = indicator.kind != IndicatorKind::Milestone;
    let level_rows = {
        let indicator = indicator.clone();
        move || {
            let lang = app.lang.get();
            let names = [
                (t_string!(i18n, common.threshold), 1, &indicator.threshold),
                (t_string!(i18n, common.target), 3, &indicator.target),
                (t_string!(i18n, common.excellence), 4, &indicator.excellence),
            ];
            names
                .into_iter()
                .map(|(name, n, level)| {
                    let value = level_value_text(&indicator, level, lang);
                    let description = level.description.clone();
                    view! {
                        <tr>
                            <th scope="row">{name}" · "{n}</th>
                            {shows_values.then(|| view! { <td class="level-value">{value}</td> })}
                            <td>{description}</td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    let input = match indicator.kind {
        IndicatorKind::Milestone => {
            view! { <MilestoneInput indicator_id=id.clone() intermediate=intermediate /> }
                .into_any()
        }
        IndicatorKind::Number => view! { <NumberInput indicator=indicator.clone() /> }.into_any(),
        IndicatorKind::Date => view! { <DateInput indicator_id=id.clone() /> }.into_any(),
    };
    let labelledby = heading_id.clone();
    let level_id = dom_id("indicator-level-", &id);
    view! {
        <section class="indicator-card" data-indicator=id.clone() aria-labelledby=labelledby>
            <h3 id=heading_id>{heading}</h3>
            {indicator.description.clone().map(|d| view! { <p class="indicator-description">{d}</p> })}
            <table class="levels-table">
                <caption>{t!(i18n, objective.levels_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, objective.col_level)}</th>
                        {shows_values.then(|| view! { <th scope="col">{t!(i18n, objective.col_value)}</th> })}
                        <th scope="col">{t!(i18n, objective.col_description)}</th>
                    </tr>
                </thead>
                <tbody>{level_rows}</tbody>
            </table>
            <div class="assessment">
                {input}
                <p class="indicator-level" aria-live="polite">
                    <span class="summary-label">{t!(i18n, objective.level_reached)}": "</span>
                    <span id=level_id><LevelBadge level=level /></span>
                </p>
            </div>
            <IndicatorNote indicator_id=id.clone() />
            <IndicatorHistory indicator=indicator.clone() />
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
    fn level_values_show_units_and_dates() {
        let plan = default_snapshot().plan;
        let (_, a) = plan.indicator("risparmio-energetico-a").expect("indicator");
        assert_eq!(
            level_value_text(a, &a.threshold, Lang::It),
            "41.079.930 kWh"
        );
        let (_, d) = plan.indicator("campus-bovisa-nord-i1").expect("indicator");
        assert_eq!(level_value_text(d, &d.excellence, Lang::It), "30/09/2023");
        let mut n = a.clone();
        n.unit = None;
        n.threshold.value = LevelValue::Number(Decimal::from_str("3.5").expect("dec"));
        assert_eq!(level_value_text(&n, &n.threshold, Lang::It), "3,5");
        n.threshold.value = LevelValue::Empty;
        assert_eq!(level_value_text(&n, &n.threshold, Lang::En), "—");
    }
}
