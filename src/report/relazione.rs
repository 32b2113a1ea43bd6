//! The core tables of the Relazione sulla Performance, as data: objective by
//! objective, the target, the result reached, the level reached and the gap
//! to target ("risultati raggiunti e scostamenti"), and the distribution of
//! objectives by level reached, counted and weighted; per area and over every
//! area reported.
//!
//! Built from the [`Report`], so it agrees with the scorecard, the page and
//! the other exports; pure and tested natively, with the 2023 plan and a
//! fixed progress pinned by a golden file (`src/report/golden/`).

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use super::{
    indicator_names, Bound, Cell, IndicatorLine, ObjectiveLine, Reached, Report, Shape, Table,
};
use crate::i18n::*;
use crate::view::format::Unit;
use crate::view::levels::{band, band_name};

/// The level of the target, from which a level's gap is counted.
const TARGET_LEVEL: u8 = 3;

/// The longest note sentence shown, in characters; longer ones are cut at a
/// word and end with "…".
pub const NOTE_MAX: usize = 200;

/// A band of levels, in the Relazione's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    Below,
    Threshold,
    Target,
    Excellence,
    NotAssessed,
}

impl Band {
    /// Every band, in the order the tables list them.
    pub const ALL: [Band; 5] = [
        Band::Below,
        Band::Threshold,
        Band::Target,
        Band::Excellence,
        Band::NotAssessed,
    ];

    pub fn of(level: Option<Decimal>) -> Band {
        match band(level) {
            "excellence" => Band::Excellence,
            "target" => Band::Target,
            "threshold" => Band::Threshold,
            "below" => Band::Below,
            _ => Band::NotAssessed,
        }
    }

    /// The band's key, as `view::levels::band` names it (CSS classes too).
    pub fn key(self) -> &'static str {
        match self {
            Band::Below => "below",
            Band::Threshold => "threshold",
            Band::Target => "target",
            Band::Excellence => "excellence",
            Band::NotAssessed => "none",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        band_name(self.key(), lang)
    }
}

/// How far a result is from its target, in the indicator's own terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Nothing to compare: not measured, a milestone, or no target.
    None,
    /// Result minus target, in the indicator's unit (for a lower-is-better
    /// indicator a negative gap is better than the target).
    Number(Decimal),
    /// Days from the target date to the day it was done: positive is late.
    Days(i64),
}

/// One row of the Relazione's table. An objective with one indicator is one
/// row; one with several is a row of its own ("A/B/C", its weight, level and
/// gap in levels) followed by a row per indicator (`part`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub area: String,
    pub objective: String,
    pub title: String,
    /// The objective's weight in the area, on the objective's row only.
    pub weight: Option<Decimal>,
    /// The indicator's name, or the names joined ("A/B/C").
    pub indicator: String,
    /// One indicator of an objective with several.
    pub part: bool,
    /// The own row of an objective with several indicators.
    pub several: bool,
    pub unit: Option<Unit>,
    pub target: Bound,
    pub reached: Reached,
    /// The objective's level on its row, the indicator's on a part.
    pub level: Option<Decimal>,
    pub gap: Gap,
    /// The level minus the target's (3): +1 is excellence, −3 nothing reached.
    pub level_gap: Option<Decimal>,
    /// The first sentence of the manager's note.
    pub note: Option<String>,
}

impl Row {
    pub fn band(&self) -> Band {
        Band::of(self.level)
    }
}

/// How many objectives, and how much weight, fall in one band.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub band: Band,
    pub count: usize,
    pub weight: Decimal,
    /// Of the objectives counted, 0–100, one decimal.
    pub percent_of_count: Decimal,
    /// Of the total weight, 0–100, one decimal.
    pub percent_of_weight: Decimal,
}

/// The objectives by band: one [`Share`] per band, in [`Band::ALL`]'s order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distribution {
    pub shares: Vec<Share>,
    pub count: usize,
    pub weight: Decimal,
}

/// One area's table and distribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaRelazione {
    pub code: String,
    pub name: String,
    pub rows: Vec<Row>,
    pub distribution: Distribution,
}

/// The Relazione's tables of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relazione {
    pub areas: Vec<AreaRelazione>,
    /// Over every area reported: an objective weighted in several areas
    /// counts once per area (its level may differ by area, and its weight is
    /// each area's), and each area's weight counts as it is, so areas whose
    /// weights sum to 100 weigh the same.
    pub overall: Distribution,
}

fn percent(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        return Decimal::ZERO;
    }
    (part * Decimal::from(100) / whole)
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// The distribution of objectives given as (level, weight).
pub fn distribution(
    objectives: impl IntoIterator<Item = (Option<Decimal>, Decimal)>,
) -> Distribution {
    let objectives: Vec<(Band, Decimal)> = objectives
        .into_iter()
        .map(|(level, weight)| (Band::of(level), weight))
        .collect();
    let count = objectives.len();
    let weight: Decimal = objectives.iter().map(|(_, w)| *w).sum();
    let shares = Band::ALL
        .iter()
        .map(|&b| {
            let n = objectives.iter().filter(|(ob, _)| *ob == b).count();
            let w: Decimal = objectives
                .iter()
                .filter(|(ob, _)| *ob == b)
                .map(|(_, w)| *w)
                .sum();
            Share {
                band: b,
                count: n,
                weight: w,
                percent_of_count: percent(Decimal::from(n), Decimal::from(count)),
                percent_of_weight: percent(w, weight),
            }
        })
        .collect();
    Distribution {
        shares,
        count,
        weight,
    }
}

/// The first sentence of a note, trimmed: up to a line break, or to a `.`,
/// `!`, `?` or `…` followed by a space and a capital letter (so "n. 5" and
/// "ecc. e" do not end it), at most [`NOTE_MAX`] characters.
pub fn first_sentence(note: &str) -> Option<String> {
    let text = note.trim();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut end = text.len();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c == '\n' || c == '\r' {
            end = i;
            break;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let next = chars.get(k + 1).map(|&(_, c)| c);
            let after = chars.get(k + 2).map(|&(_, c)| c);
            if next.is_some_and(char::is_whitespace) && after.is_some_and(char::is_uppercase) {
                end = i + c.len_utf8();
                break;
            }
        }
    }
    let sentence = text[..end].trim();
    if sentence.is_empty() {
        return None;
    }
    if sentence.chars().count() <= NOTE_MAX {
        return Some(sentence.to_string());
    }
    let cut: String = sentence.chars().take(NOTE_MAX).collect();
    let at_word = cut
        .rfind(char::is_whitespace)
        .map_or(cut.as_str(), |i| &cut[..i]);
    Some(format!(
        "{}…",
        at_word.trim_end_matches([',', ';', ':', ' '])
    ))
}

fn gap(target: &Bound, reached: &Reached) -> Gap {
    match (target, reached) {
        (Bound::Number(t), Reached::Number(v)) => Gap::Number((*v - *t).normalize()),
        (Bound::Date(t), Reached::Date(d)) => Gap::Days(days(*t, *d)),
        _ => Gap::None,
    }
}

fn days(target: NaiveDate, done: NaiveDate) -> i64 {
    (done - target).num_days()
}

fn level_gap(level: Option<Decimal>) -> Option<Decimal> {
    level.map(|l| l - Decimal::from(TARGET_LEVEL))
}

fn indicator_row(area: &str, o: &ObjectiveLine, i: &IndicatorLine, part: bool) -> Row {
    let level = if part { i.level } else { o.level };
    Row {
        area: area.to_string(),
        objective: o.id.clone(),
        title: o.title.clone(),
        weight: (!part).then_some(o.weight),
        indicator: i.name.clone(),
        part,
        several: false,
        unit: i.unit.clone(),
        target: i.target.clone(),
        reached: i.reached.clone(),
        level,
        gap: gap(&i.target, &i.reached),
        level_gap: level_gap(level),
        note: i.note.as_deref().and_then(first_sentence),
    }
}

fn rows(area: &str, o: &ObjectiveLine) -> Vec<Row> {
    match o.indicators.as_slice() {
        [one] => vec![indicator_row(area, o, one, false)],
        several => {
            let head = Row {
                area: area.to_string(),
                objective: o.id.clone(),
                title: o.title.clone(),
                weight: Some(o.weight),
                indicator: indicator_names(o),
                part: false,
                several: true,
                unit: None,
                target: Bound::Empty,
                reached: Reached::Nothing,
                level: o.level,
                gap: Gap::None,
                level_gap: level_gap(o.level),
                note: None,
            };
            std::iter::once(head)
                .chain(several.iter().map(|i| indicator_row(area, o, i, true)))
                .collect()
        }
    }
}

/// The Relazione's tables of `report`.
pub fn relazione(report: &Report) -> Relazione {
    let areas: Vec<AreaRelazione> = report
        .areas
        .iter()
        .map(|a| AreaRelazione {
            code: a.score.code.clone(),
            name: a.score.name.clone(),
            rows: a
                .objectives
                .iter()
                .flat_map(|o| rows(&a.score.code, o))
                .collect(),
            distribution: distribution(a.objectives.iter().map(|o| (o.level, o.weight))),
        })
        .collect();
    let overall = distribution(
        report
            .areas
            .iter()
            .flat_map(|a| &a.objectives)
            .map(|o| (o.level, o.weight)),
    );
    Relazione { areas, overall }
}

/// A gap in words: "+4,5 %", "−2 scala 1–6", "12 giorni di ritardo",
/// "3 giorni di anticipo"; a dash when there is none.
pub fn gap_text(gap: &Gap, unit: Option<&Unit>, lang: Lang) -> String {
    use crate::view::format::{decimal, with_unit};
    let l = lang.locale();
    match gap {
        Gap::None => "—".into(),
        Gap::Number(d) => with_unit(signed(decimal(*d, lang, 4), *d), unit, lang),
        Gap::Days(0) => td_string!(l, report.gap_on_time).to_string(),
        Gap::Days(n) if *n > 0 => td_string!(l, report.gap_days_late, days = n).to_string(),
        Gap::Days(n) => td_string!(l, report.gap_days_early, days = n.abs()).to_string(),
    }
}

/// A level's gap with its sign and two decimals: "+1,00", "−0,50", "0,00".
pub fn level_gap_text(gap: Option<Decimal>, lang: Lang) -> String {
    gap.map_or_else(
        || "—".into(),
        |d| signed(crate::view::format::fixed2(d, lang), d),
    )
}

/// A number's text with a plus before positives and a true minus sign.
fn signed(text: String, d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{text}")
    } else if d < Decimal::ZERO {
        format!("−{}", text.trim_start_matches('-'))
    } else {
        text
    }
}

fn bound_cell(b: &Bound) -> Cell {
    super::bound_cell(b)
}

/// The Relazione's objective table, for the CSV and a workbook sheet. The
/// gap is a number (days for a deadline), in the unit of the "Unità" column.
pub fn relazione_table(report: &Report, lang: Lang) -> Table {
    let l = lang.locale();
    let days = td_string!(l, report.unit_days);
    let rows = relazione(report)
        .areas
        .iter()
        .flat_map(|a| &a.rows)
        .map(|r| {
            let (gap, unit) = match &r.gap {
                Gap::None => (
                    Cell::Empty,
                    r.unit
                        .as_ref()
                        .map_or(Cell::Empty, |u| Cell::Text(u.text(lang))),
                ),
                Gap::Number(d) => (
                    Cell::Number(*d),
                    r.unit
                        .as_ref()
                        .map_or(Cell::Empty, |u| Cell::Text(u.text(lang))),
                ),
                Gap::Days(n) => (Cell::Number(Decimal::from(*n)), Cell::Text(days.into())),
            };
            vec![
                Cell::Text(r.area.clone()),
                Cell::Text(r.objective.clone()),
                Cell::Text(r.title.clone()),
                r.weight.map_or(Cell::Empty, Cell::Number),
                Cell::Text(r.indicator.clone()),
                bound_cell(&r.target),
                super::reached_cell(&r.reached, lang),
                r.level.map_or(Cell::Empty, Cell::Number),
                Cell::Text(r.band().name(lang).into()),
                gap,
                unit,
                r.level_gap.map_or(Cell::Empty, Cell::Number),
                r.note.clone().map_or(Cell::Empty, Cell::Text),
            ]
        })
        .collect();
    Table {
        title: td_string!(l, report.sheet_relazione),
        columns: vec![
            (td_string!(l, report.col_area), Shape::Code),
            (td_string!(l, report.col_objective), Shape::Name),
            (td_string!(l, report.col_title), Shape::Long),
            (td_string!(l, report.col_weight), Shape::Weight),
            (td_string!(l, report.col_indicator), Shape::Name),
            (td_string!(l, report.col_target), Shape::Long),
            (td_string!(l, report.col_reached), Shape::Date),
            (td_string!(l, report.col_level), Shape::Level),
            (td_string!(l, report.col_band), Shape::Name),
            (td_string!(l, report.col_gap), Shape::Weight),
            (td_string!(l, report.col_gap_unit), Shape::Code),
            (td_string!(l, report.col_level_gap), Shape::Level),
            (td_string!(l, report.col_note_sentence), Shape::Long),
        ],
        rows,
    }
}

/// The distribution by band of each area and, for every area, of all of
/// them: for the CSV and a workbook sheet.
pub fn distribution_table(report: &Report, lang: Lang) -> Table {
    let l = lang.locale();
    let r = relazione(report);
    let mut scopes: Vec<(String, &Distribution)> = r
        .areas
        .iter()
        .map(|a| (a.code.clone(), &a.distribution))
        .collect();
    if report.area.is_none() {
        scopes.push((td_string!(l, common.all_areas).to_string(), &r.overall));
    }
    let rows = scopes
        .iter()
        .flat_map(|(scope, d)| {
            d.shares.iter().map(move |s| {
                vec![
                    Cell::Text(scope.clone()),
                    Cell::Text(s.band.name(lang).into()),
                    Cell::Number(Decimal::from(s.count)),
                    Cell::Number(s.percent_of_count),
                    Cell::Number(s.weight),
                    Cell::Number(s.percent_of_weight),
                ]
            })
        })
        .collect();
    Table {
        title: td_string!(l, report.sheet_distribution),
        columns: vec![
            (td_string!(l, report.col_scope), Shape::Name),
            (td_string!(l, report.col_band), Shape::Name),
            (td_string!(l, report.col_count), Shape::Weight),
            (td_string!(l, report.col_percent_of_count), Shape::Weight),
            (td_string!(l, report.col_weight_sum), Shape::Weight),
            (td_string!(l, report.col_percent_of_weight), Shape::Weight),
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::day;
    use crate::report::{build, csv};
    use cruscotto_engine::{
        default_snapshot, IndicatorKind, LevelValue, Plan, Progress, ProgressByArea, ProgressEntry,
        Results,
    };
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal")
    }

    /// A result for the `k`th result of the plan: nothing, threshold,
    /// target, excellence, below threshold or between threshold and target,
    /// in turn; a note on every third.
    fn entry(i: &cruscotto_engine::Indicator, k: usize) -> Option<ProgressEntry> {
        let case = k % 6;
        if case == 0 {
            return None;
        }
        let mut e = ProgressEntry {
            updated_at: Some(format!(
                "2026-11-{:02}T09:{:02}:00+01:00",
                1 + k % 28,
                k % 60
            )),
            updated_by: Some("Ufficio".into()),
            ..Default::default()
        };
        match i.kind {
            IndicatorKind::Milestone => e.level = Some([0, 1, 3, 4, 0, 3][case]),
            IndicatorKind::Number => {
                let n = |l: &cruscotto_engine::Level| match l.value {
                    LevelValue::Number(x) => Some(x),
                    _ => None,
                };
                let (t, g, x) = (n(&i.threshold)?, n(&i.target)?, n(&i.excellence)?);
                e.value = Some(match case {
                    1 => t,
                    2 => g,
                    3 => x,
                    4 => t - (g - t),
                    _ => (t + g) / Decimal::TWO,
                });
            }
            IndicatorKind::Date => {
                let n = |l: &cruscotto_engine::Level| match l.value {
                    LevelValue::Date(x) => Some(x),
                    _ => None,
                };
                let (t, g, x) = (n(&i.threshold)?, n(&i.target)?, n(&i.excellence)?);
                e.done_on = Some(match case {
                    1 => t,
                    2 => g,
                    3 => x,
                    4 => t + chrono::Duration::days(10),
                    _ => g + chrono::Duration::days(3),
                });
            }
        }
        e.note = match k % 3 {
            0 => Some(format!(
                "Risultato verificato sul verbale n. 5 del comitato. Il dettaglio è nell'allegato {k}."
            )),
            1 if k % 2 == 1 => Some("  Prima riga della nota\nseconda riga  ".into()),
            _ => None,
        };
        Some(e)
    }

    /// The 2023 plan's fixed progress for the golden files: every result,
    /// shared or per area, from [`entry`] in the plan's order.
    fn fixed(plan: &Plan) -> (Progress, ProgressByArea) {
        let mut shared = Progress::new();
        let mut by_area = ProgressByArea::new();
        let mut k = 0;
        for o in &plan.objectives {
            let areas: Vec<Option<&str>> = if o.is_per_area() {
                o.areas().map(Some).collect()
            } else {
                vec![None]
            };
            for area in areas {
                for i in &o.indicators {
                    k += 1;
                    let Some(e) = entry(i, k) else { continue };
                    match area {
                        Some(a) => {
                            by_area
                                .entry(a.to_string())
                                .or_default()
                                .insert(i.id.clone(), e);
                        }
                        None => {
                            shared.insert(i.id.clone(), e);
                        }
                    }
                }
            }
        }
        (shared, by_area)
    }

    fn report_2023(area: Option<&str>) -> Report {
        let plan = default_snapshot().plan;
        let (shared, by_area) = fixed(&plan);
        let results = Results::new(&shared, &by_area);
        let card = plan.score_results(results);
        build(&plan, results, &card, &Default::default(), area, day())
    }

    /// Compares `text` with the golden file `name`, or rewrites the file when
    /// `CRUSCOTTO_UPDATE_GOLDEN` is set (then review the diff and commit it).
    fn golden(name: &str, text: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/report/golden")
            .join(name);
        if std::env::var_os("CRUSCOTTO_UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(path.parent().expect("folder")).expect("golden folder");
            std::fs::write(&path, text).expect("golden file written");
            return;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!(
                "{} missing: run with CRUSCOTTO_UPDATE_GOLDEN=1",
                path.display()
            )
        });
        assert!(
            expected == text,
            "{} differs from what the report makes now; if the change is meant, \
             rerun with CRUSCOTTO_UPDATE_GOLDEN=1 and review the diff",
            path.display()
        );
    }

    #[test]
    fn the_relazione_of_the_2023_plan_matches_its_golden_file() {
        let r = report_2023(None);
        golden(
            "relazione-2023.csv",
            &csv(&relazione_table(&r, Lang::It), Lang::It),
        );
        golden(
            "distribuzione-2023.csv",
            &csv(&distribution_table(&r, Lang::It), Lang::It),
        );
    }

    #[test]
    fn every_area_distribution_counts_each_objective_once_and_its_weight() {
        let r = report_2023(None);
        let rel = relazione(&r);
        for (a, section) in rel.areas.iter().zip(&r.areas) {
            let d = &a.distribution;
            assert_eq!(d.count, section.objectives.len(), "{}", a.code);
            assert_eq!(d.shares.iter().map(|s| s.count).sum::<usize>(), d.count);
            assert_eq!(d.shares.iter().map(|s| s.weight).sum::<Decimal>(), d.weight);
            assert_eq!(d.weight, section.score.total_weight, "{}", a.code);
            assert_eq!(
                d.shares[4].weight,
                section.score.total_weight - section.score.assessed_weight,
                "{}: not assessed is the weight not assessed",
                a.code
            );
        }
        let all = &rel.overall;
        assert_eq!(
            all.count,
            rel.areas
                .iter()
                .map(|a| a.distribution.count)
                .sum::<usize>()
        );
        assert!(all.shares.iter().all(|s| s.count > 0), "{all:?}");
    }

    #[test]
    fn percentages_have_one_decimal_and_an_empty_scope_is_all_zero() {
        let dist = distribution([
            (Some(Decimal::from(3)), Decimal::from(10)),
            (None, Decimal::from(20)),
            (Some(Decimal::ZERO), Decimal::from(0)),
        ]);
        assert_eq!(dist.shares[2].percent_of_count, d("33.3"));
        assert_eq!(dist.shares[2].percent_of_weight, d("33.3"));
        assert_eq!(dist.shares[4].percent_of_weight, d("66.7"));
        assert_eq!(dist.shares[0].count, 1, "level 0 is below threshold");
        let empty = distribution([]);
        assert!(empty.shares.iter().all(|s| s.percent_of_weight.is_zero()));
    }

    #[test]
    fn a_gap_is_in_the_unit_or_in_days_and_in_levels() {
        let r = report_2023(Some("AGIS"));
        let rows = &relazione(&r).areas[0].rows;
        let energy: Vec<&Row> = rows
            .iter()
            .filter(|r| r.objective == "risparmio-energetico")
            .collect();
        assert_eq!(energy[0].indicator, "A/B/C");
        assert!(energy[0].several && energy[0].weight.is_some() && energy[0].gap == Gap::None);
        assert!(energy[1..].iter().all(|r| r.part && r.weight.is_none()));
        assert_eq!(
            gap(&Bound::Number(d("80")), &Reached::Number(d("84.5"))),
            Gap::Number(d("4.5"))
        );
        let on = |m, dd| NaiveDate::from_ymd_opt(2023, m, dd).expect("date");
        assert_eq!(
            gap(&Bound::Date(on(11, 30)), &Reached::Date(on(12, 12))),
            Gap::Days(12)
        );
        assert_eq!(gap(&Bound::Date(on(11, 30)), &Reached::Level(0)), Gap::None);
        assert_eq!(level_gap(Some(d("3.5"))), Some(d("0.5")));
        assert_eq!(level_gap_text(Some(d("-1")), Lang::It), "−1,00");
        assert_eq!(level_gap_text(Some(d("0.5")), Lang::En), "+0.50");
        assert_eq!(level_gap_text(None, Lang::En), "—");
        assert_eq!(gap_text(&Gap::Number(d("-2.5")), None, Lang::It), "−2,5");
        assert_eq!(
            gap_text(&Gap::Days(12), None, Lang::It),
            "12 giorni di ritardo"
        );
        assert_eq!(gap_text(&Gap::Days(-3), None, Lang::En), "3 days early");
        assert_eq!(gap_text(&Gap::Days(0), None, Lang::En), "on the day");
    }

    #[test]
    fn the_note_gives_its_first_sentence_trimmed() {
        assert_eq!(
            first_sentence("  Fatto. Il verbale n. 5 è allegato.  ").as_deref(),
            Some("Fatto.")
        );
        assert_eq!(
            first_sentence("Verbale n. 5 del comitato, ecc. e altro. Poi").as_deref(),
            Some("Verbale n. 5 del comitato, ecc. e altro.")
        );
        assert_eq!(
            first_sentence("Prima riga\nseconda").as_deref(),
            Some("Prima riga")
        );
        assert_eq!(first_sentence("   ").as_deref(), None);
        let long = "parola ".repeat(60);
        let cut = first_sentence(&long).expect("a sentence");
        assert!(cut.ends_with("parola…"), "{cut}");
        assert!(cut.chars().count() <= NOTE_MAX + 1);
    }

    #[test]
    fn the_tables_are_in_the_reports_language() {
        let r = report_2023(Some("ARUO"));
        let t = relazione_table(&r, Lang::En);
        assert_eq!(t.title, "Results and gaps");
        assert_eq!(t.columns.len(), t.rows[0].len());
        let d = distribution_table(&r, Lang::En);
        assert_eq!(d.rows.len(), 5, "one area: no overall rows");
        assert_eq!(d.rows[0][1], Cell::Text("below threshold".into()));
        let all = distribution_table(&report_2023(None), Lang::It);
        assert_eq!(
            all.rows.last().expect("row")[0],
            Cell::Text("Tutte le aree".into())
        );
    }
}
