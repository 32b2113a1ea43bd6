//! An indicator's three levels as the plan prints them (threshold, target,
//! excellence, with their values and descriptions): shown in each indicator
//! card, and once above the areas' cards of a per-area objective, whose levels
//! are the same for every area.

use cruscotto_engine::{Indicator, IndicatorKind, Level, LevelValue};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;

/// A level's value as the reader expects it: a number with its unit, a date, or
/// a dash when the plan gives none.
pub fn level_value_text(indicator: &Indicator, level: &Level, lang: Lang) -> String {
    match &level.value {
        LevelValue::Number(n) => {
            let n = format::decimal(*n, lang, 10);
            format::with_unit(n, format::Unit::of(indicator).as_ref(), lang)
        }
        LevelValue::Date(d) => format::date(*d, lang),
        LevelValue::Empty => "—".to_string(),
    }
}

/// The table of an indicator's three levels.
#[component]
pub fn IndicatorLevels(
    /// The indicator, as in the plan.
    indicator: Indicator,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let shows_values = indicator.kind != IndicatorKind::Milestone;
    let level_rows = move || {
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
    };
    view! {
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
