//! What the area screen's what-if panel decides, apart from how it looks: which
//! indicators it lists, how a tried value typed or picked in a field reads as a
//! measurement, the progress and the area score with the tried values laid over
//! the saved ones, which tried values "Apply" would record and what it writes
//! into each entry, and what the panel's status line says.
//!
//! The tried values never enter the app state: they live in an [`Overlay`]
//! that the panel (`crate::components::progress::what_if`) keeps in a signal
//! and scores with these functions; only "Apply" records them, through the
//! app state, with [`write_measurement`].

use std::collections::BTreeMap;

use crate::i18n::Lang;
use cruscotto_engine::{
    Indicator, IndicatorKind, Plan, Progress, ProgressEntry, Results, Scorecard,
};
use rust_decimal::Decimal;

use crate::view::format::{parse_date, parse_number, NumberInputError};

/// The tried measurements by indicator id: only `level`, `value` and `done_on`
/// count.
pub type Overlay = BTreeMap<String, ProgressEntry>;

/// One indicator of the area, as the panel lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIfRow {
    pub indicator: Indicator,
    /// The objective's title, with the indicator's label when it has several.
    pub name: String,
}

/// The indicators of the area's objectives, in plan order.
pub fn what_if_rows(plan: &Plan, area: &str) -> Vec<WhatIfRow> {
    plan.objectives_of_area(area)
        .flat_map(|(o, _)| {
            let several = o.indicators.len() > 1;
            o.indicators.iter().map(move |i| WhatIfRow {
                indicator: i.clone(),
                name: match i.label.as_deref().filter(|_| several) {
                    Some(l) => format!("{} – {l}", o.title),
                    None => o.title.clone(),
                },
            })
        })
        .collect()
}

/// A tried number or date that does not read as one: the field says so and the
/// overlay keeps the last value that did, so the score never jumps to "not
/// assessed" while the user is still typing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable;

/// The measurement a tried field's text stands for, by the indicator's kind:
/// a milestone's `<select>` value is a level (empty: not assessed), a number
/// is read as the user's language writes it (empty: not assessed), a date
/// is read as people type dates (empty: not done).
pub fn tried_entry(
    kind: IndicatorKind,
    text: &str,
    lang: Lang,
) -> Result<ProgressEntry, Unreadable> {
    Ok(match kind {
        IndicatorKind::Milestone => ProgressEntry {
            level: text.parse::<u8>().ok(),
            ..ProgressEntry::default()
        },
        IndicatorKind::Number => ProgressEntry {
            value: match parse_number(text, lang) {
                Ok(v) => Some(v),
                Err(NumberInputError::Empty) => None,
                Err(NumberInputError::NotANumber) => return Err(Unreadable),
            },
            ..ProgressEntry::default()
        },
        IndicatorKind::Date => ProgressEntry {
            done_on: parse_date(text).map_err(|_| Unreadable)?,
            ..ProgressEntry::default()
        },
    })
}

/// Writes the tried measurement into `entry`, leaving its note, stamp and
/// history alone: what the overlay shows, and what "Apply" records.
pub fn write_measurement(entry: &mut ProgressEntry, tried: &ProgressEntry) {
    entry.level = tried.level;
    entry.value = tried.value;
    entry.done_on = tried.done_on;
}

/// The progress as it would be with the tried values: saved progress with the
/// overlay's measurements laid over it (notes and history kept).
pub fn with_overlay(progress: &Progress, overlay: &Overlay) -> Progress {
    let mut out = progress.clone();
    for (id, tried) in overlay {
        write_measurement(out.entry(id.clone()).or_default(), tried);
    }
    out
}

/// The results the area's score uses, by indicator id: the one shared result
/// of a shared objective's indicator, the area's own result of a per-area
/// objective's. Within one area each indicator has exactly one, so the panel
/// can key its rows and tried values by indicator id.
pub fn area_progress(plan: &Plan, results: Results, area: &str) -> Progress {
    plan.objectives_of_area(area)
        .flat_map(|(o, _)| {
            o.indicators.iter().filter_map(move |i| {
                results
                    .entry(o, &i.id, Some(area))
                    .map(|e| (i.id.clone(), e.clone()))
            })
        })
        .collect()
}

/// The area's score with the tried values laid over the recorded results (a
/// per-area objective's tried value over the area's own result), scored by the
/// engine exactly as saved results are; `None` when nothing of the area would
/// be assessed.
pub fn tried_score(
    plan: &Plan,
    results: Results,
    overlay: &Overlay,
    area: &str,
) -> Option<Decimal> {
    tried_scorecard(plan, results, overlay.iter(), area)
        .area(area)
        .and_then(|a| a.score)
}

/// Every score with `tried` laid over the recorded results, for `area`'s panel.
fn tried_scorecard<'a>(
    plan: &Plan,
    results: Results,
    tried: impl IntoIterator<Item = (&'a String, &'a ProgressEntry)>,
    area: &str,
) -> Scorecard {
    let mut shared = results.shared.clone();
    let mut by_area = results.by_area.clone();
    for (id, tried) in tried {
        let target = if is_per_area(plan, id) {
            by_area.entry(area.to_string()).or_default()
        } else {
            &mut shared
        };
        write_measurement(target.entry(id.clone()).or_default(), tried);
    }
    plan.score_results(Results::new(&shared, &by_area))
}

/// Whether an entry records a measurement (a level, a value or a date).
fn measures(e: &ProgressEntry) -> bool {
    e.level.is_some() || e.value.is_some() || e.done_on.is_some()
}

fn is_per_area(plan: &Plan, indicator: &str) -> bool {
    plan.indicator(indicator)
        .is_some_and(|(o, _)| o.is_per_area())
}

/// One measurement "Apply" would write, as the confirmation lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedWrite {
    pub indicator: String,
    pub saved: ProgressEntry,
    pub tried: ProgressEntry,
    /// The field was emptied over a recorded measurement: applying deletes
    /// it, so it is written only if the user says so.
    pub clears: bool,
    /// The other areas that share this indicator's one result (empty for a
    /// per-area objective, whose result is the area's own).
    pub shared_with: Vec<String>,
}

/// An area whose score "Apply" would change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreMove {
    pub area: String,
    pub before: Option<Decimal>,
    pub after: Option<Decimal>,
}

/// What "Apply" on `area`'s panel would write and whose scores it would move,
/// shown before anything is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplyPreview {
    pub writes: Vec<PlannedWrite>,
    /// In the plan's order of areas; only areas whose score changes.
    pub moved: Vec<ScoreMove>,
}

impl ApplyPreview {
    /// The writes the user confirmed: every one that does not clear a
    /// measurement, and those that do only when listed in `clear`.
    pub fn confirmed(&self, clear: &[String]) -> Vec<(String, ProgressEntry)> {
        self.writes
            .iter()
            .filter(|w| !w.clears || clear.contains(&w.indicator))
            .map(|w| (w.indicator.clone(), w.tried.clone()))
            .collect()
    }
}

/// The confirmation of "Apply": the `changes` pending on `area`'s panel (from
/// [`changed`]), and every area whose score they move, with `clear` the
/// emptied fields the user agreed to delete (the others are not written, so
/// they move no score).
pub fn apply_preview(
    plan: &Plan,
    results: Results,
    changes: &[(String, ProgressEntry)],
    area: &str,
    clear: &[String],
) -> ApplyPreview {
    let saved = area_progress(plan, results, area);
    let writes: Vec<PlannedWrite> = changes
        .iter()
        .map(|(id, tried)| {
            let saved = saved.get(id).cloned().unwrap_or_default();
            let clears = measures(&saved) && !measures(tried);
            let shared_with = if is_per_area(plan, id) {
                Vec::new()
            } else {
                plan.indicator(id)
                    .map(|(o, _)| {
                        o.areas()
                            .filter(|a| *a != area)
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            PlannedWrite {
                indicator: id.clone(),
                saved,
                tried: tried.clone(),
                clears,
                shared_with,
            }
        })
        .collect();
    let preview = ApplyPreview {
        writes,
        moved: Vec::new(),
    };
    let confirmed = preview.confirmed(clear);
    let before = plan.score_results(results);
    let after = tried_scorecard(plan, results, confirmed.iter().map(|(i, e)| (i, e)), area);
    let moved = plan
        .areas
        .iter()
        .filter_map(|a| {
            let b = before.area(&a.code).and_then(|s| s.score);
            let n = after.area(&a.code).and_then(|s| s.score);
            (b != n).then(|| ScoreMove {
                area: a.code.clone(),
                before: b,
                after: n,
            })
        })
        .collect();
    ApplyPreview { moved, ..preview }
}

/// The indicators whose tried measurement differs from the saved one: what
/// "Apply" would record. A field left at its saved value records nothing, so
/// applying never stamps an unchanged indicator.
pub fn changed(progress: &Progress, overlay: &Overlay) -> Vec<(String, ProgressEntry)> {
    overlay
        .iter()
        .filter(|(id, tried)| {
            let saved = progress.get(*id).cloned().unwrap_or_default();
            !saved.same_measurement(tried)
        })
        .map(|(id, tried)| (id.clone(), tried.clone()))
        .collect()
}

/// What the panel's status line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhatIfStatus {
    /// This many tried values differ from the saved ones.
    Changed(usize),
    /// The last "Apply" recorded the tried values, and nothing was tried since.
    Applied,
    /// Nothing tried differs from what is saved.
    Unchanged,
}

/// The status line for `changes` pending tried values, `applied` telling
/// whether the last action was "Apply": pending changes always come first, so
/// trying again after applying says so.
pub fn status(changes: usize, applied: bool) -> WhatIfStatus {
    if changes > 0 {
        WhatIfStatus::Changed(changes)
    } else if applied {
        WhatIfStatus::Applied
    } else {
        WhatIfStatus::Unchanged
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use chrono::NaiveDate;
    use cruscotto_engine::default_snapshot;

    use super::*;

    fn level(l: u8) -> ProgressEntry {
        ProgressEntry {
            level: Some(l),
            ..ProgressEntry::default()
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn value(v: &str) -> ProgressEntry {
        ProgressEntry {
            value: Some(d(v)),
            ..ProgressEntry::default()
        }
    }

    #[test]
    fn applying_lists_every_area_whose_score_moves_and_keeps_an_emptied_measurement_unless_told() {
        let plan = default_snapshot().plan;
        // A shared milestone that weighs in several areas, recorded at 3.
        let (o, _) = plan
            .objectives
            .iter()
            .filter(|o| !o.is_per_area() && o.assignments.len() > 1)
            .find_map(|o| {
                let i = o
                    .indicators
                    .iter()
                    .find(|i| i.kind == IndicatorKind::Milestone)?;
                Some((o.clone(), i.id.clone()))
            })
            .expect("a shared milestone of several areas");
        let id = o.indicators[0].id.clone();
        let area = o.assignments[0].area.clone();
        let mut shared = Progress::new();
        shared.insert(id.clone(), level(3));
        let by_area = Default::default();
        let results = Results::new(&shared, &by_area);

        // Tried 4: one write, shared with the objective's other areas, and
        // every one of them moves.
        let raise = vec![(id.clone(), level(4))];
        let p = apply_preview(&plan, results, &raise, &area, &[]);
        assert_eq!(p.writes.len(), 1);
        assert!(!p.writes[0].clears);
        assert_eq!(p.writes[0].shared_with.len(), o.assignments.len() - 1);
        let moved: Vec<&str> = p.moved.iter().map(|m| m.area.as_str()).collect();
        let weighted: Vec<&str> = plan
            .areas
            .iter()
            .map(|a| a.code.as_str())
            .filter(|c| o.areas().any(|x| x == *c))
            .collect();
        assert_eq!(moved, weighted);
        assert_eq!(p.confirmed(&[]), raise);

        // Emptied: it would delete the measurement, so nothing is written and
        // no score moves until the user says so.
        let empty = vec![(id.clone(), ProgressEntry::default())];
        let p = apply_preview(&plan, results, &empty, &area, &[]);
        assert!(p.writes[0].clears);
        assert!(p.confirmed(&[]).is_empty());
        assert!(p.moved.is_empty());
        let told = apply_preview(&plan, results, &empty, &area, std::slice::from_ref(&id));
        assert_eq!(told.confirmed(std::slice::from_ref(&id)), empty);
        assert_eq!(told.moved.len(), weighted.len());
        assert!(told
            .moved
            .iter()
            .all(|m| m.after.is_none() || m.after != m.before));
    }

    #[test]
    fn the_rows_are_the_indicators_of_the_areas_objectives() {
        let plan = default_snapshot().plan;
        let rows = what_if_rows(&plan, "ATE");
        // Ten objectives; the RUP rotation has two indicators (percentage and
        // report) since the 2023 plan models both of its conditions.
        assert_eq!(rows.len(), 11);
        assert!(rows
            .iter()
            .any(|r| r.indicator.id == "riassetto-bassini-i1"));
        let rup: Vec<&str> = rows
            .iter()
            .filter(|r| r.indicator.id.starts_with("rotazione-rup-"))
            .map(|r| r.indicator.id.as_str())
            .collect();
        assert_eq!(rup, ["rotazione-rup-i1", "rotazione-rup-i2"]);
    }

    #[test]
    fn a_tried_milestone_is_the_selected_level_or_not_assessed() {
        let milestone = |t| tried_entry(IndicatorKind::Milestone, t, Lang::It);
        assert_eq!(milestone("3"), Ok(level(3)));
        assert_eq!(milestone(""), Ok(ProgressEntry::default()));
    }

    #[test]
    fn a_tried_number_is_read_in_the_users_language() {
        let number = |t, lang| tried_entry(IndicatorKind::Number, t, lang).map(|e| e.value);
        assert_eq!(number("1.234,5", Lang::It), Ok(Some(d("1234.5"))));
        assert_eq!(number("1,234.5", Lang::En), Ok(Some(d("1234.5"))));
    }

    #[test]
    fn an_empty_tried_number_is_not_assessed_and_text_is_refused() {
        assert_eq!(
            tried_entry(IndicatorKind::Number, "  ", Lang::It),
            Ok(ProgressEntry::default())
        );
        assert_eq!(
            tried_entry(IndicatorKind::Number, "molti", Lang::It),
            Err(Unreadable)
        );
    }

    #[test]
    fn a_tried_date_is_read_as_typed_or_not_done() {
        let date = |t| tried_entry(IndicatorKind::Date, t, Lang::It).map(|e| e.done_on);
        assert_eq!(date("15/09/2023"), Ok(NaiveDate::from_ymd_opt(2023, 9, 15)));
        assert_eq!(date(""), Ok(None));
        assert_eq!(date("30/02/2023"), Err(Unreadable));
    }

    #[test]
    fn the_overlay_changes_the_score_and_leaves_notes_and_saved_progress_alone() {
        let plan = default_snapshot().plan;
        let mut saved = Progress::new();
        saved.insert(
            "riassetto-bassini-i1".into(),
            ProgressEntry {
                level: Some(1),
                note: Some("avviato".into()),
                ..ProgressEntry::default()
            },
        );
        let before = saved.clone();
        let mut overlay = Overlay::new();
        overlay.insert("riassetto-bassini-i1".into(), level(4));
        overlay.insert("impianti-fotovoltaici-i1".into(), level(3));
        let tried = with_overlay(&saved, &overlay);
        assert_eq!(saved, before);
        assert_eq!(tried["riassetto-bassini-i1"].level, Some(4));
        assert_eq!(
            tried["riassetto-bassini-i1"].note.as_deref(),
            Some("avviato")
        );
        let score = |p: &Progress| plan.score(p).area("ATE").and_then(|a| a.score);
        assert_eq!(score(&saved), Some(Decimal::ONE));
        // (15·4 + 15·3) / 30
        assert_eq!(score(&tried), Some(d("3.5")));
    }

    #[test]
    fn the_tried_score_is_the_engines_score_of_the_overlaid_progress() {
        let plan = default_snapshot().plan;
        let saved = Progress::new();
        let mut overlay = Overlay::new();
        let results = Results::shared_only(&saved);
        assert_eq!(tried_score(&plan, results, &overlay, "ATE"), None);
        overlay.insert("riassetto-bassini-i1".into(), level(4));
        overlay.insert("impianti-fotovoltaici-i1".into(), level(3));
        assert_eq!(tried_score(&plan, results, &overlay, "ATE"), Some(d("3.5")));
    }

    #[test]
    fn a_tried_per_area_value_moves_only_that_areas_score() {
        let plan = default_snapshot().plan;
        let shared = Progress::new();
        let mut by_area = cruscotto_engine::ProgressByArea::new();
        by_area
            .entry("AAF".into())
            .or_default()
            .insert("soddisfazione-docenti-i1".into(), value("5"));
        let results = Results::new(&shared, &by_area);
        // ARUO sees its own (empty) result, not AAF's.
        assert!(area_progress(&plan, results, "ARUO").is_empty());
        assert_eq!(
            area_progress(&plan, results, "AAF")["soddisfazione-docenti-i1"].value,
            Some(d("5"))
        );
        let mut overlay = Overlay::new();
        overlay.insert("soddisfazione-docenti-i1".into(), value("3"));
        // ARUO tries 3 on the 3.5 / 4 / 5 scale: below threshold, level 0.
        assert_eq!(tried_score(&plan, results, &overlay, "ARUO"), Some(d("0")));
        // AAF's trial of the same value lays it over AAF's own 5 only.
        assert_eq!(
            tried_score(&plan, results, &Overlay::new(), "AAF"),
            Some(d("4"))
        );
    }

    #[test]
    fn a_tried_value_cleared_back_to_empty_unassesses_the_indicator() {
        let mut saved = Progress::new();
        saved.insert("a".into(), level(3));
        let mut overlay = Overlay::new();
        overlay.insert("a".into(), ProgressEntry::default());
        assert_eq!(with_overlay(&saved, &overlay)["a"].level, None);
        assert_eq!(changed(&saved, &overlay).len(), 1);
    }

    #[test]
    fn only_values_that_differ_from_the_saved_ones_are_applied() {
        let mut saved = Progress::new();
        saved.insert("a".into(), level(3));
        let mut overlay = Overlay::new();
        overlay.insert("a".into(), level(3));
        overlay.insert("b".into(), level(1));
        overlay.insert("c".into(), ProgressEntry::default());
        let ids: Vec<String> = changed(&saved, &overlay)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(ids, ["b"]);
    }

    #[test]
    fn applying_writes_only_the_measurement_and_keeps_the_note_and_stamp() {
        let mut entry = ProgressEntry {
            level: Some(1),
            note: Some("avviato".into()),
            updated_at: Some("2023-05-02T10:00:00Z".into()),
            ..ProgressEntry::default()
        };
        let tried = ProgressEntry {
            value: Some(d("12")),
            note: Some("ignored".into()),
            ..ProgressEntry::default()
        };
        write_measurement(&mut entry, &tried);
        assert_eq!(entry.level, None);
        assert_eq!(entry.value, Some(d("12")));
        assert_eq!(entry.note.as_deref(), Some("avviato"));
        assert_eq!(entry.updated_at.as_deref(), Some("2023-05-02T10:00:00Z"));
    }

    #[test]
    fn pending_changes_are_told_before_a_past_apply() {
        assert_eq!(status(2, true), WhatIfStatus::Changed(2));
        assert_eq!(status(0, true), WhatIfStatus::Applied);
        assert_eq!(status(0, false), WhatIfStatus::Unchanged);
    }
}
