//! How the area screen's objectives table is built, filtered and sorted: one
//! row per objective with its level and its contribution to the area's score,
//! the filters (pillar, assessment, below target), the sortable columns with
//! their `aria-sort` values, and whether the area's weights add up to 100.
//!
//! Plain data in and out, so these rules are unit-tested natively; the page
//! (`crate::pages::area`) only keeps them in signals and renders the result.

use std::cmp::Ordering;

use cruscotto_engine::scoring::{round2, TARGET_LEVEL};
use cruscotto_engine::{Plan, Scorecard};
use rust_decimal::Decimal;

/// One objective as the area table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaRow {
    pub id: String,
    pub title: String,
    pub pillar: String,
    pub pillar_name: String,
    pub strategic: Option<String>,
    pub strategic_title: Option<String>,
    pub weight: Decimal,
    pub level: Option<Decimal>,
    /// weight × level ÷ assessed weight: the rows' contributions add up to the score.
    pub contribution: Option<Decimal>,
    /// The contribution as shown, to two decimals, rounded so that the shown
    /// contributions add up to the score as shown (largest remainder).
    pub shown_contribution: Option<Decimal>,
    /// Position in the plan, the order when no column is chosen.
    pub order: usize,
}

/// The area's objectives with their levels and contributions, in plan order.
pub fn area_rows(plan: &Plan, card: &Scorecard, code: &str) -> Vec<AreaRow> {
    let assessed = card
        .area(code)
        .map(|s| s.assessed_weight)
        .unwrap_or_default();
    let mut rows: Vec<AreaRow> = plan
        .objectives_of_area(code)
        .enumerate()
        .map(|(order, (o, weight))| {
            // A per-area objective weighs with the area's own level.
            let level = card.objective_in(&o.id, code);
            let contribution = level.and_then(|l| {
                if assessed.is_zero() {
                    None
                } else {
                    weight.checked_mul(l)?.checked_div(assessed)
                }
            });
            let strategic = o.strategic_objective.clone();
            let strategic_title = strategic.as_deref().and_then(|c| {
                plan.strategic_objectives
                    .iter()
                    .find(|s| s.code == c)
                    .map(|s| s.title.clone())
            });
            AreaRow {
                id: o.id.clone(),
                title: o.title.clone(),
                pillar: o.pillar.clone(),
                pillar_name: plan
                    .pillars
                    .iter()
                    .find(|p| p.id == o.pillar)
                    .map_or_else(|| o.pillar.clone(), |p| p.name.clone()),
                strategic,
                strategic_title,
                weight,
                level,
                contribution,
                shown_contribution: None,
                order,
            }
        })
        .collect();
    let shown = largest_remainder_cents(&rows.iter().map(|r| r.contribution).collect::<Vec<_>>());
    for (row, shown) in rows.iter_mut().zip(shown) {
        row.shown_contribution = shown;
    }
    rows
}

/// The share of an area's (or pillar's) weight that its score rests on, in
/// percent: what "provvisorio: su 25 % del peso" says. `None` without weight.
pub fn weight_share(assessed: Decimal, total: Decimal) -> Option<Decimal> {
    assessed
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(total)
}

/// Rounds each value to two decimals so that the rounded values add up to
/// their exact sum rounded to two decimals (as the score is shown): each is
/// first rounded down, then the cents still missing go to the largest
/// remainders, the earlier row first on a tie. 1,125 + 0,75 + 0,75 + 0,375
/// (3,00) shows 1,13 + 0,75 + 0,75 + 0,37, not ... + 0,38 = 3,01.
pub fn largest_remainder_cents(values: &[Option<Decimal>]) -> Vec<Option<Decimal>> {
    let cent = Decimal::new(1, 2);
    let exact: Decimal = values.iter().flatten().copied().sum();
    let target = round2(exact);
    let mut floored: Vec<Option<Decimal>> = values
        .iter()
        .map(|v| {
            v.map(|v| {
                v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToNegativeInfinity)
            })
        })
        .collect();
    let sum: Decimal = floored.iter().flatten().copied().sum();
    let missing = ((target - sum) / cent).round();
    let mut by_remainder: Vec<(usize, Decimal)> = values
        .iter()
        .zip(&floored)
        .enumerate()
        .filter_map(|(i, (v, f))| Some((i, (*v)? - (*f)?)))
        .collect();
    by_remainder.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut left = missing;
    for (i, _) in by_remainder {
        if left <= Decimal::ZERO {
            break;
        }
        if let Some(f) = floored[i].as_mut() {
            *f += cent;
            left -= Decimal::ONE;
        }
    }
    floored
}

/// Which objectives to show by assessment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    #[default]
    All,
    Assessed,
    NotAssessed,
}

impl Status {
    /// The value of the status filter's `<option>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::All => "all",
            Status::Assessed => "assessed",
            Status::NotAssessed => "not-assessed",
        }
    }

    /// The status an `<option>` value stands for; anything unknown shows all.
    pub fn parse(s: &str) -> Status {
        match s {
            "assessed" => Status::Assessed,
            "not-assessed" => Status::NotAssessed,
            _ => Status::All,
        }
    }
}

/// The table's filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A pillar id, or `None` for every pillar.
    pub pillar: Option<String>,
    pub status: Status,
    /// Only objectives assessed below target (level under 3).
    pub below_target: bool,
}

impl Filter {
    fn keeps(&self, row: &AreaRow) -> bool {
        self.pillar.as_ref().is_none_or(|p| *p == row.pillar)
            && match self.status {
                Status::All => true,
                Status::Assessed => row.level.is_some(),
                Status::NotAssessed => row.level.is_none(),
            }
            && (!self.below_target || row.level.is_some_and(|l| l < TARGET_LEVEL))
    }
}

/// The column the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// The plan's order, before any header is clicked.
    #[default]
    Plan,
    Title,
    Pillar,
    Weight,
    Level,
}

/// A sort column and its direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// The sort after clicking `key`'s header: the same column flips, another
    /// column starts ascending.
    pub fn toggled(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: false,
            }
        }
    }

    /// The `aria-sort` value for a column's header.
    pub fn aria(self, key: SortKey) -> &'static str {
        match (self.key == key, self.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

/// Compares titles the way a reader expects: case- and accent-light, then exactly.
fn text_cmp(a: &str, b: &str) -> Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

/// The rows the filter keeps, sorted. Ties keep the plan's order, so the table
/// never shuffles rows that compare equal.
pub fn filter_and_sort(rows: &[AreaRow], filter: &Filter, sort: Sort) -> Vec<AreaRow> {
    let mut out: Vec<AreaRow> = rows.iter().filter(|r| filter.keeps(r)).cloned().collect();
    out.sort_by(|a, b| {
        let primary = match sort.key {
            SortKey::Plan => Ordering::Equal,
            SortKey::Title => text_cmp(&a.title, &b.title),
            SortKey::Pillar => text_cmp(&a.pillar_name, &b.pillar_name),
            SortKey::Weight => a.weight.cmp(&b.weight),
            // Not assessed sorts below every level, 0 included.
            SortKey::Level => a.level.cmp(&b.level),
        };
        let primary = if sort.descending {
            primary.reverse()
        } else {
            primary
        };
        primary.then(a.order.cmp(&b.order))
    });
    out
}

/// Whether an area's weights add up to exactly 100.
pub fn weights_complete(total: Decimal) -> bool {
    total == Decimal::ONE_HUNDRED
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use cruscotto_engine::{default_snapshot, ProgressEntry};

    use super::*;
    use crate::test_fixtures::at_level;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn ate_rows(progress: &[(&str, ProgressEntry)]) -> Vec<AreaRow> {
        let snap = default_snapshot();
        let progress = progress
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        let card = snap.plan.score(&progress);
        area_rows(&snap.plan, &card, "ATE")
    }

    #[test]
    fn contributions_add_up_to_the_area_score() {
        let rows = ate_rows(&[
            ("riassetto-bassini-i1", at_level(3)),
            ("impianti-fotovoltaici-i1", at_level(4)),
            ("metodologia-bim-i1", at_level(1)),
        ]);
        let sum: Decimal = rows.iter().filter_map(|r| r.contribution).sum();
        // (15·3 + 15·4 + 5·1) / 35
        assert_eq!(sum.round_dp(10), (d("110") / d("35")).round_dp(10));
        assert!(rows
            .iter()
            .filter(|r| r.level.is_none())
            .all(|r| r.contribution.is_none()));
    }

    #[test]
    fn shown_contributions_add_up_to_the_score_shown() {
        // The case: 1,125 + 0,75 + 0,75 + 0,375 = 3, which rounding
        // each half up would show as 3,01.
        let shown = largest_remainder_cents(&[
            Some(d("1.125")),
            Some(d("0.75")),
            None,
            Some(d("0.75")),
            Some(d("0.375")),
        ]);
        assert_eq!(
            shown,
            vec![
                Some(d("1.13")),
                Some(d("0.75")),
                None,
                Some(d("0.75")),
                Some(d("0.37"))
            ]
        );
        // Thirds: 1/3 · 3 = 1,00 shown as 0,34 + 0,33 + 0,33.
        let third = d("1") / d("3");
        let shown = largest_remainder_cents(&[Some(third), Some(third), Some(third)]);
        assert_eq!(
            shown,
            vec![Some(d("0.34")), Some(d("0.33")), Some(d("0.33"))]
        );
        // The 2023 plan: ATE's rows add up to its score as shown.
        let rows = ate_rows(&[
            ("riassetto-bassini-i1", at_level(3)),
            ("impianti-fotovoltaici-i1", at_level(4)),
            ("metodologia-bim-i1", at_level(1)),
        ]);
        let sum: Decimal = rows.iter().filter_map(|r| r.shown_contribution).sum();
        assert_eq!(sum, round2(d("110") / d("35")));
    }

    #[test]
    fn the_weight_share_is_a_percentage_of_the_total() {
        assert_eq!(weight_share(d("25"), d("100")), Some(d("25")));
        assert_eq!(
            weight_share(d("30"), d("390")).map(|s| s.round_dp(2)),
            Some(d("7.69"))
        );
        assert_eq!(weight_share(d("0"), d("0")), None);
    }

    #[test]
    fn filters_combine() {
        let rows = ate_rows(&[
            ("riassetto-bassini-i1", at_level(3)),
            ("metodologia-bim-i1", at_level(1)),
        ]);
        let below = Filter {
            below_target: true,
            ..Default::default()
        };
        let ids: Vec<_> = filter_and_sort(&rows, &below, Sort::default())
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["metodologia-bim"]);
        let assessed = Filter {
            status: Status::Assessed,
            ..Default::default()
        };
        assert_eq!(filter_and_sort(&rows, &assessed, Sort::default()).len(), 2);
        let not_assessed = Filter {
            status: Status::NotAssessed,
            pillar: Some("persone".into()),
            ..Default::default()
        };
        let kept = filter_and_sort(&rows, &not_assessed, Sort::default());
        assert!(kept
            .iter()
            .all(|r| r.pillar == "persone" && r.level.is_none()));
        assert_eq!(kept.len(), 5);
    }

    #[test]
    fn sorting_is_stable_and_flips() {
        let rows = ate_rows(&[]);
        let by_weight = Sort::default().toggled(SortKey::Weight);
        let asc = filter_and_sort(&rows, &Filter::default(), by_weight);
        assert_eq!(asc[0].weight, d("5"));
        assert_eq!(asc[0].id, "soddisfazione-docenti");
        let desc = filter_and_sort(
            &rows,
            &Filter::default(),
            by_weight.toggled(SortKey::Weight),
        );
        assert_eq!(desc[0].weight, d("15"));
        assert_eq!(desc[0].id, "campus-bovisa-nord");
        assert_eq!(by_weight.aria(SortKey::Weight), "ascending");
        assert_eq!(by_weight.aria(SortKey::Title), "none");
    }

    #[test]
    fn not_assessed_sorts_below_level_zero() {
        let rows = ate_rows(&[("metodologia-bim-i1", at_level(0))]);
        let sort = Sort {
            key: SortKey::Level,
            descending: true,
        };
        let sorted = filter_and_sort(&rows, &Filter::default(), sort);
        assert_eq!(sorted[0].id, "metodologia-bim");
    }

    #[test]
    fn weights_must_add_up_to_100() {
        assert!(weights_complete(d("100.00")));
        assert!(!weights_complete(d("95")));
    }
}
