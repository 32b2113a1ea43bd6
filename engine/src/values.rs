//! Whether a value typed for an indicator can be a result at all, before it
//! is recorded: a number outside the indicator's scale is refused (a "7" on a
//! 1–6 survey scale would otherwise score excellence), a number that looks
//! like a slip is questioned (0,6 typed for 60 % where the levels are
//! 80–100 %), a date outside the plan's year is questioned. Typed outcomes
//! only: the app and the CLI word them.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Indicator, IndicatorKind, LevelValue};

/// A value that cannot be the indicator's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ValueProblem {
    /// Below the scale's minimum.
    BelowMin { min: Decimal },
    /// Above the scale's maximum.
    AboveMax { max: Decimal },
}

/// A value that may be a slip: recorded only once the user confirms it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "doubt", rename_all = "snake_case")]
pub enum ValueDoubt {
    /// A fraction typed for a percentage: `suggested` (the value × 100) is
    /// within the scale and the levels are all above 1.
    FractionForPercent { suggested: Decimal },
    /// A date outside the plan's year.
    OutsideYear { year: i32 },
}

/// Checks a number typed for `indicator`: an error if it is outside the
/// indicator's scale, a doubt if it looks like a fraction typed for a
/// percentage, nothing otherwise.
pub fn check_number(
    indicator: &Indicator,
    value: Decimal,
) -> Result<Option<ValueDoubt>, ValueProblem> {
    if let Some(scale) = &indicator.scale {
        if let Some(min) = scale.min.filter(|m| value < *m) {
            return Err(ValueProblem::BelowMin { min });
        }
        if let Some(max) = scale.max.filter(|m| value > *m) {
            return Err(ValueProblem::AboveMax { max });
        }
    }
    Ok(fraction_for_percent(indicator, value))
}

/// 0,6 where the levels are 80, 90, 100 %: the user most likely meant 60 %.
fn fraction_for_percent(indicator: &Indicator, value: Decimal) -> Option<ValueDoubt> {
    let percent = indicator.unit.as_deref().is_some_and(|u| u.trim() == "%");
    if indicator.kind != IndicatorKind::Number || !percent {
        return None;
    }
    if value <= Decimal::ZERO || value >= Decimal::ONE {
        return None;
    }
    let levels_above_one = indicator.levels().iter().all(|l| match l.value {
        LevelValue::Number(n) => n > Decimal::ONE,
        _ => false,
    });
    let suggested = (value * Decimal::ONE_HUNDRED).normalize();
    let in_scale = indicator
        .scale
        .as_ref()
        .is_none_or(|s| s.contains(suggested));
    (levels_above_one && in_scale).then_some(ValueDoubt::FractionForPercent { suggested })
}

/// Checks a completion date against the plan's year: a date of another year
/// is questioned (a deadline of the 2023 plan met in 2032 is most likely a
/// typing slip), never refused (work may end early the next year).
pub fn check_date(plan_year: i32, date: NaiveDate) -> Option<ValueDoubt> {
    (date.year() != plan_year).then_some(ValueDoubt::OutsideYear { year: plan_year })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::default_snapshot;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn indicator(id: &str) -> Indicator {
        let plan = default_snapshot().plan;
        plan.objectives
            .iter()
            .flat_map(|o| o.indicators.iter())
            .find(|i| i.id == id)
            .cloned()
            .expect("indicator of the 2023 plan")
    }

    #[test]
    fn a_seven_on_the_one_to_six_satisfaction_scale_is_refused() {
        let survey = indicator("soddisfazione-docenti-i1");
        assert_eq!(
            check_number(&survey, d("7")),
            Err(ValueProblem::AboveMax { max: d("6") })
        );
        assert_eq!(
            check_number(&survey, d("1234.5")),
            Err(ValueProblem::AboveMax { max: d("6") })
        );
        assert_eq!(
            check_number(&survey, d("0.5")),
            Err(ValueProblem::BelowMin { min: d("1") })
        );
        assert_eq!(check_number(&survey, d("6")), Ok(None));
        assert_eq!(check_number(&survey, d("4.2")), Ok(None));
    }

    #[test]
    fn a_percentage_cannot_exceed_one_hundred_nor_a_count_be_negative() {
        let maintenance = indicator("piano-manutenzioni-i1");
        assert_eq!(
            check_number(&maintenance, d("101")),
            Err(ValueProblem::AboveMax { max: d("100") })
        );
        let students = indicator("studenti-stranieri-lm-i1");
        assert_eq!(
            check_number(&students, d("-3")),
            Err(ValueProblem::BelowMin { min: d("0") })
        );
        assert_eq!(check_number(&students, d("2100")), Ok(None));
    }

    #[test]
    fn a_fraction_typed_for_a_percentage_asks_whether_the_percentage_was_meant() {
        let maintenance = indicator("piano-manutenzioni-i1");
        assert_eq!(
            check_number(&maintenance, d("0.6")),
            Ok(Some(ValueDoubt::FractionForPercent { suggested: d("60") }))
        );
        assert_eq!(check_number(&maintenance, d("60")), Ok(None));
        // Not a percentage: a satisfaction of 0,6 is simply below the scale.
        assert!(check_number(&indicator("soddisfazione-pta-i1"), d("0.6")).is_err());
    }

    #[test]
    fn a_date_outside_the_plans_year_is_questioned() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(check_date(2023, date(2023, 9, 15)), None);
        assert_eq!(
            check_date(2023, date(2032, 9, 15)),
            Some(ValueDoubt::OutsideYear { year: 2023 })
        );
    }
}
