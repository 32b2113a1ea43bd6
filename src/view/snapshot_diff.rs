//! What an import would change: the differences between the stored plan and
//! progress and an imported snapshot, computed before anything is replaced, and
//! the short summary of a backup shown in the backup list.
//!
//! Pure functions on engine types, so the preview is tested natively. Scores
//! come from the engine (`Plan::score`), never recomputed here.

use std::collections::{BTreeMap, BTreeSet};

use cruscotto_engine::{Plan, ResultKey, Results, Scorecard, Snapshot};
use rust_decimal::Decimal;
use serde::de::IgnoredAny;
use serde::Deserialize;

/// One area's score before and after the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaChange {
    pub code: String,
    pub name: String,
    /// `None`: not assessed, or the area does not exist on that side.
    pub before: Option<Decimal>,
    pub after: Option<Decimal>,
    /// Whether the area exists in the stored and in the imported plan.
    pub in_current: bool,
    pub in_imported: bool,
}

impl AreaChange {
    pub fn changed(&self) -> bool {
        self.before != self.after || self.in_current != self.in_imported
    }
}

/// How an imported snapshot differs from what is stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnapshotDiff {
    /// The imported plan has the same id as the stored one (an update of the
    /// same plan rather than a different plan).
    pub same_plan_id: bool,
    pub current_plan_id: String,
    /// Objective ids only in the imported plan.
    pub objectives_added: Vec<String>,
    /// Objective ids only in the stored plan.
    pub objectives_removed: Vec<String>,
    /// Objective ids in both, with any difference (title, weights, levels...).
    pub objectives_changed: Vec<String>,
    /// Results (indicator ids, `id · AREA` for an area's result of a
    /// per-area objective) with progress only in the import.
    pub progress_added: Vec<String>,
    /// Indicator ids with progress only in the stored data (lost by the import).
    pub progress_removed: Vec<String>,
    /// Indicator ids whose recorded progress differs.
    pub progress_changed: Vec<String>,
    /// The scoring options differ.
    pub scoring_changed: bool,
    /// Every area of either plan: the imported plan's order first.
    pub areas: Vec<AreaChange>,
}

impl SnapshotDiff {
    /// Nothing at all would change.
    pub fn is_identical(&self) -> bool {
        self.same_plan_id
            && self.objectives_added.is_empty()
            && self.objectives_removed.is_empty()
            && self.objectives_changed.is_empty()
            && self.progress_added.is_empty()
            && self.progress_removed.is_empty()
            && self.progress_changed.is_empty()
            && !self.scoring_changed
            && self.areas.iter().all(|a| !a.changed())
    }
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
) -> SnapshotDiff {
    let new_plan = &imported.plan;
    let new_results = imported.results();
    let new_card = new_plan.score_results(new_results);

    let old_objectives: BTreeMap<&str, _> = current_plan
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let new_objectives: BTreeMap<&str, _> = new_plan
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();

    // Plan order, so the lists read like the plan.
    let objectives_added = new_plan
        .objectives
        .iter()
        .filter(|o| !old_objectives.contains_key(o.id.as_str()))
        .map(|o| o.id.clone())
        .collect();
    let objectives_removed = current_plan
        .objectives
        .iter()
        .filter(|o| !new_objectives.contains_key(o.id.as_str()))
        .map(|o| o.id.clone())
        .collect();
    let objectives_changed = new_plan
        .objectives
        .iter()
        .filter(|o| {
            old_objectives
                .get(o.id.as_str())
                .is_some_and(|old| *old != *o)
        })
        .map(|o| o.id.clone())
        .collect();

    let keys: BTreeSet<ResultKey> = current
        .iter()
        .chain(new_results.iter())
        .map(|(k, _)| k)
        .collect();
    let mut progress_added = Vec::new();
    let mut progress_removed = Vec::new();
    let mut progress_changed = Vec::new();
    for key in keys {
        let name = result_name(&key);
        match (current.get(&key), new_results.get(&key)) {
            (None, Some(_)) => progress_added.push(name),
            (Some(_), None) => progress_removed.push(name),
            (Some(a), Some(b)) if a != b => progress_changed.push(name),
            _ => {}
        }
    }

    let mut areas: Vec<AreaChange> = new_plan
        .areas
        .iter()
        .map(|a| AreaChange {
            code: a.code.clone(),
            name: a.name.clone(),
            before: current_card.area(&a.code).and_then(|s| s.score),
            after: new_card.area(&a.code).and_then(|s| s.score),
            in_current: current_plan.area(&a.code).is_some(),
            in_imported: true,
        })
        .collect();
    areas.extend(
        current_plan
            .areas
            .iter()
            .filter(|a| new_plan.area(&a.code).is_none())
            .map(|a| AreaChange {
                code: a.code.clone(),
                name: a.name.clone(),
                before: current_card.area(&a.code).and_then(|s| s.score),
                after: None,
                in_current: true,
                in_imported: false,
            }),
    );

    SnapshotDiff {
        same_plan_id: current_plan.id == new_plan.id,
        current_plan_id: current_plan.id.clone(),
        objectives_added,
        objectives_removed,
        objectives_changed,
        progress_added,
        progress_removed,
        progress_changed,
        scoring_changed: current_plan.scoring != new_plan.scoring,
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
        assert!(diff.same_plan_id);
        assert_eq!(diff.progress_added, vec!["soddisfazione-residenze-i1"]);
        assert_eq!(diff.progress_removed, vec!["piano-manutenzioni-i1"]);
        assert_eq!(diff.progress_changed, vec!["supporto-vqr-i1"]);
        assert!(diff.objectives_added.is_empty() && diff.objectives_changed.is_empty());

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
        assert_eq!(diff.progress_added, vec!["soddisfazione-docenti-i1 · ARUO"]);
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
        assert_eq!(diff.objectives_removed, vec![removed.id]);
        assert_eq!(diff.objectives_changed, vec![changed]);
        assert_eq!(diff.objectives_added, vec!["nuovo-obiettivo"]);
        assert!(diff.scoring_changed);
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
        assert!(!diff.same_plan_id);
        assert_eq!(diff.current_plan_id, "polimi-2023");
        let last = diff.areas.last().expect("areas");
        assert_eq!(last.code, gone.code);
        assert!(last.in_current && !last.in_imported && last.changed());
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
