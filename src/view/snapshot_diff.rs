//! What an import would change, laid out for the preview: the engine's one
//! [`SnapshotDiff`] between the stored plan and progress and an imported
//! snapshot (computed before anything is replaced), with what the screen
//! needs beside it (area names, which side has each area, results named with
//! their area); and the short summary of a backup shown in the backup list.
//!
//! Pure functions on engine types, so the preview is tested natively. Scores
//! come from the engine, never recomputed here.

use std::collections::BTreeMap;

use cruscotto_engine::diff::{diff_scored, diff_statuses, EntryChange, SnapshotDiff};
use cruscotto_engine::{AreaStatuses, Plan, ResultKey, Results, Scorecard, Snapshot};
use rust_decimal::Decimal;
use serde::de::IgnoredAny;
use serde::Deserialize;

/// One area's row of the preview: its score before and after the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaRow {
    pub code: String,
    pub name: String,
    /// `None`: not assessed, or the area does not exist on that side.
    pub before: Option<Decimal>,
    pub after: Option<Decimal>,
    /// Whether the area exists in the stored and in the imported plan.
    pub in_current: bool,
    pub in_imported: bool,
}

impl AreaRow {
    pub fn changed(&self) -> bool {
        self.before != self.after || self.in_current != self.in_imported
    }
}

/// The engine's difference, with what the preview shows beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffPreview {
    pub diff: SnapshotDiff,
    /// The stored plan's id (the difference names it only when it changes).
    pub current_plan_id: String,
    /// Every area of either plan: the imported plan's order first.
    pub areas: Vec<AreaRow>,
}

impl DiffPreview {
    /// Nothing at all would change.
    pub fn is_identical(&self) -> bool {
        self.diff.is_empty()
    }

    /// The imported plan has the same id as the stored one (an update of the
    /// same plan rather than a different plan).
    pub fn same_plan_id(&self) -> bool {
        self.diff.plan.id.is_none()
    }

    /// The same difference, with the areas whose review status differs
    /// between `before` (the side compared against) and `after`.
    pub fn with_statuses(mut self, before: &AreaStatuses, after: &AreaStatuses) -> Self {
        self.diff.statuses = diff_statuses(before, after);
        self
    }

    pub fn scoring_changed(&self) -> bool {
        self.diff.plan.scoring.is_some()
    }

    /// Objective ids in both plans, with any difference (title, weights, levels...).
    pub fn objectives_changed(&self) -> Vec<String> {
        self.diff
            .plan
            .objectives_changed
            .iter()
            .map(|o| o.id.clone())
            .collect()
    }

    /// Plan fields that differ without an objective, area or scoring line
    /// of their own (title, year, pillars, source...), so that a preview that
    /// is not identical never shows empty lists only.
    pub fn other_plan_fields(&self) -> Vec<String> {
        let plan = &self.diff.plan;
        plan.fields
            .iter()
            .filter(|f| match f.as_str() {
                "id" | "scoring" => false,
                "objectives" => {
                    plan.objectives_added.is_empty()
                        && plan.objectives_removed.is_empty()
                        && plan.objectives_changed.is_empty()
                }
                _ => true,
            })
            .cloned()
            .collect()
    }

    /// Results with progress only in the import.
    pub fn progress_added(&self) -> Vec<String> {
        names(&self.diff.progress.added)
    }

    /// Results with progress only in the stored data (lost by the import).
    pub fn progress_removed(&self) -> Vec<String> {
        names(&self.diff.progress.removed)
    }

    /// Results whose recorded progress differs.
    pub fn progress_changed(&self) -> Vec<String> {
        names(&self.diff.progress.changed)
    }
}

fn names(changes: &[EntryChange]) -> Vec<String> {
    changes.iter().map(|c| result_name(&c.key())).collect()
}

/// One changed result, as the comparison's table shows it: which result,
/// and the entry before and after (`None`: no entry on that side).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRow {
    pub key: ResultKey,
    /// The objective's title, with the indicator's label when it has several.
    pub title: String,
    pub before: Option<cruscotto_engine::ProgressEntry>,
    pub after: Option<cruscotto_engine::ProgressEntry>,
}

/// Every result added, changed or removed, in result order, named from the
/// later plan (or the earlier one for a result it no longer has). Stamps
/// alone are never a change (the engine's diff compares what was recorded).
pub fn change_rows(d: &SnapshotDiff, before: &Plan, after: &Plan) -> Vec<ChangeRow> {
    let mut rows: Vec<ChangeRow> = d
        .progress
        .added
        .iter()
        .chain(&d.progress.changed)
        .chain(&d.progress.removed)
        .map(|c| {
            let key = c.key();
            let title = after
                .indicator(&key.indicator)
                .or_else(|| before.indicator(&key.indicator))
                .map_or_else(
                    || key.indicator.clone(),
                    |(o, i)| match &i.label {
                        Some(l) if o.indicators.len() > 1 => format!("{} ({l})", o.title),
                        _ => o.title.clone(),
                    },
                );
            ChangeRow {
                key,
                title,
                before: c.before.clone(),
                after: c.after.clone(),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    rows
}

/// How a result is named in the lists: its indicator id, with the area for
/// an area's result of a per-area objective.
pub fn result_name(key: &ResultKey) -> String {
    match &key.area {
        None => key.indicator.clone(),
        Some(area) => format!("{} · {area}", key.indicator),
    }
}

/// Compares the stored plan and progress (with their scorecard, as the app
/// already holds it) with an imported snapshot.
pub fn diff(
    current_plan: &Plan,
    current: Results,
    current_card: &Scorecard,
    imported: &Snapshot,
) -> DiffPreview {
    let diff = diff_scored(current_plan, current, current_card, imported);
    let new_plan = &imported.plan;
    let areas = diff
        .scores
        .iter()
        .map(|s| {
            let name = new_plan
                .area(&s.area)
                .or_else(|| current_plan.area(&s.area))
                .map(|a| a.name.clone())
                .unwrap_or_default();
            AreaRow {
                code: s.area.clone(),
                name,
                before: s.before,
                after: s.after,
                in_current: current_plan.area(&s.area).is_some(),
                in_imported: new_plan.area(&s.area).is_some(),
            }
        })
        .collect();
    DiffPreview {
        diff,
        current_plan_id: current_plan.id.clone(),
        areas,
    }
}

/// What the backup list shows of a stored backup, read without validating it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupSummary {
    pub title: String,
    pub year: i32,
    pub progress_entries: usize,
}

#[derive(Deserialize)]
struct SummaryPlan {
    title: String,
    year: i32,
}

#[derive(Deserialize)]
struct SummarySnapshot {
    plan: SummaryPlan,
    #[serde(default)]
    progress: BTreeMap<String, IgnoredAny>,
    /// Per-area results (version 3) count as entries too.
    #[serde(default)]
    progress_by_area: BTreeMap<String, BTreeMap<String, IgnoredAny>>,
}

/// Reads the title, year and number of progress entries of a backup's JSON,
/// skipping everything else; `None` if the text is not a snapshot.
pub fn backup_summary(json: &str) -> Option<BackupSummary> {
    let s: SummarySnapshot = serde_json::from_str(json).ok()?;
    Some(BackupSummary {
        title: s.plan.title,
        year: s.plan.year,
        progress_entries: s.progress.len()
            + s.progress_by_area
                .values()
                .map(BTreeMap::len)
                .sum::<usize>(),
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use cruscotto_engine::{default_snapshot, NumericMode, Progress, ProgressEntry};

    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn value(v: &str) -> ProgressEntry {
        ProgressEntry {
            value: Some(d(v)),
            ..ProgressEntry::default()
        }
    }

    fn level(level: u8) -> ProgressEntry {
        ProgressEntry {
            level: Some(level),
            ..ProgressEntry::default()
        }
    }

    #[test]
    fn the_same_snapshot_changes_nothing() {
        let s = default_snapshot();
        let card = s.plan.score(&s.progress);
        let diff = diff(&s.plan, s.results(), &card, &s);
        assert!(diff.is_identical(), "{diff:?}");
        assert_eq!(diff.areas.len(), s.plan.areas.len());
    }

    #[test]
    fn progress_added_changed_and_removed_are_listed_with_scores_before_and_after() {
        let current = default_snapshot();
        let mut current_progress = Progress::new();
        current_progress.insert("supporto-vqr-i1".into(), level(1));
        current_progress.insert("piano-manutenzioni-i1".into(), value("3"));
        let card = current.plan.score(&current_progress);

        let mut imported = default_snapshot();
        imported.progress.insert("supporto-vqr-i1".into(), level(3));
        imported
            .progress
            .insert("soddisfazione-residenze-i1".into(), value("3.5"));

        let diff = diff(
            &current.plan,
            Results::shared_only(&current_progress),
            &card,
            &imported,
        );
        assert!(diff.same_plan_id());
        assert_eq!(diff.progress_added(), vec!["soddisfazione-residenze-i1"]);
        assert_eq!(diff.progress_removed(), vec!["piano-manutenzioni-i1"]);
        assert_eq!(diff.progress_changed(), vec!["supporto-vqr-i1"]);
        assert!(diff.diff.plan.objectives_added.is_empty() && diff.objectives_changed().is_empty());

        // ARES weighs supporto-vqr (level 1 → 3), a shared milestone.
        let ares = diff.areas.iter().find(|a| a.code == "ARES").expect("ARES");
        assert_eq!(ares.before, Some(d("1")));
        let expected = imported.plan.score(&imported.progress);
        assert_eq!(ares.after, expected.area("ARES").and_then(|s| s.score));
        assert!(ares.changed());
        assert!(!diff.is_identical());
    }

    #[test]
    fn an_areas_own_result_is_listed_with_its_area_and_moves_only_that_area() {
        let current = default_snapshot();
        let card = current.plan.score_results(current.results());
        let mut imported = default_snapshot();
        imported
            .progress_by_area
            .entry("ARUO".into())
            .or_default()
            .insert("soddisfazione-docenti-i1".into(), value("5"));
        let diff = diff(&current.plan, current.results(), &card, &imported);
        assert_eq!(
            diff.progress_added(),
            vec!["soddisfazione-docenti-i1 · ARUO"]
        );
        let area = |code: &str| diff.areas.iter().find(|a| a.code == code).expect("area");
        assert_eq!(area("ARUO").after, Some(d("4")));
        assert_eq!(area("AAF").after, None);
    }

    #[test]
    fn objectives_added_removed_and_changed_are_found_by_id() {
        let current = default_snapshot();
        let card = current.plan.score(&current.progress);
        let mut imported = default_snapshot();
        let removed = imported.plan.objectives.remove(0);
        imported.plan.objectives[0].title.push_str(" (rev.)");
        let changed = imported.plan.objectives[0].id.clone();
        let mut added = imported.plan.objectives[1].clone();
        added.id = "nuovo-obiettivo".into();
        for (n, i) in added.indicators.iter_mut().enumerate() {
            i.id = format!("nuovo-obiettivo-i{n}");
        }
        imported.plan.objectives.push(added);
        imported.plan.scoring.numeric = NumericMode::Linear;

        let diff = diff(&current.plan, current.results(), &card, &imported);
        assert_eq!(diff.diff.plan.objectives_removed, vec![removed.id]);
        assert_eq!(diff.objectives_changed(), vec![changed]);
        assert_eq!(diff.diff.plan.objectives_added, vec!["nuovo-obiettivo"]);
        assert!(diff.scoring_changed());
        assert!(diff.other_plan_fields().is_empty(), "each has its own line");
    }

    #[test]
    fn a_different_plan_is_flagged_and_its_missing_areas_kept() {
        let current = default_snapshot();
        let card = current.plan.score(&current.progress);
        let mut imported = default_snapshot();
        imported.plan.id = "altro-piano".into();
        let gone = imported.plan.areas.pop().expect("an area");
        for o in &mut imported.plan.objectives {
            o.assignments.retain(|a| a.area != gone.code);
        }
        let diff = diff(&current.plan, current.results(), &card, &imported);
        assert!(!diff.same_plan_id());
        assert_eq!(diff.current_plan_id, "polimi-2023");
        let last = diff.areas.last().expect("areas");
        assert_eq!(last.code, gone.code);
        assert!(last.in_current && !last.in_imported && last.changed());
    }

    #[test]
    fn a_changed_plan_title_is_not_identical_and_is_named() {
        let current = default_snapshot();
        let card = current.plan.score(&current.progress);
        let mut imported = default_snapshot();
        imported.plan.title.push_str(" (rev.)");
        let diff = diff(&current.plan, current.results(), &card, &imported);
        assert!(!diff.is_identical());
        assert_eq!(diff.other_plan_fields(), vec!["title"]);
    }

    #[test]
    fn backup_summaries_read_title_year_and_progress_count_only() {
        let mut s = default_snapshot();
        s.progress
            .insert("piano-manutenzioni-i1".into(), value("4"));
        let summary = backup_summary(&s.to_json()).expect("summary");
        assert_eq!(summary.year, 2023);
        assert_eq!(summary.title, s.plan.title);
        assert_eq!(summary.progress_entries, 1);
        let mut s = default_snapshot();
        s.progress_by_area
            .entry("ARUO".into())
            .or_default()
            .insert("rotazione-rup-i1".into(), level(3));
        let summary = backup_summary(&s.to_json()).expect("summary");
        assert_eq!(
            summary.progress_entries, 1,
            "an area's own result is an entry"
        );
        assert_eq!(backup_summary("not json"), None);
    }
}
