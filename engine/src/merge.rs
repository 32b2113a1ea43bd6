//! Consolidation: the planning office merges the snapshots of several areas into
//! one.
//!
//! Only snapshots of the same plan (same id and equal content) are merged;
//! otherwise [`MergeError::DifferentPlans`] says how the plans differ. Progress
//! is the union of the entries; where snapshots disagree on an indicator the
//! entry updated last wins, and the disagreement is reported as a [`Conflict`].
//! Histories are combined: the winner keeps the union of every input's history
//! and the dated states it replaced (see [`crate::history`]).
//! The result does not depend on the order of the snapshots, and merging a
//! snapshot with itself changes nothing. The user may then keep another
//! snapshot's entry for a conflict ([`Merged::with_choices`]).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::cycle::{newer_status, unite_evidence};
use crate::diff::{diff_plans, PlanDiff};
use crate::history::normalize_history;
use crate::model::Plan;
use crate::model::{
    set_entry, AreaStatus, HistoryPoint, Progress, ProgressByArea, ProgressEntry, ResultKey,
    Snapshot,
};

/// Two or more snapshots recorded different things for one result: an
/// indicator's, or, for a per-area objective, one area's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub indicator_id: String,
    /// The area of the result, for an indicator of a per-area objective.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The entry kept in the merged snapshot.
    pub chosen: ProgressEntry,
    /// The snapshots (0-based, in the order given) that hold the chosen entry.
    pub chosen_from: Vec<usize>,
    /// Every other snapshot's entry that differs from the chosen one in level,
    /// value, date or note, with its snapshot index, in index order.
    pub others: Vec<(usize, ProgressEntry)>,
}

/// The consolidated snapshot and the disagreements found on the way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Merged {
    /// The shared plan with the merged progress; `exported_at` is `None`.
    pub snapshot: Snapshot,
    /// In [`ResultKey`] order: indicator id, then the shared result before
    /// the areas' in area code order.
    pub conflicts: Vec<Conflict>,
}

/// Why snapshots could not be merged. Data only: the CLI and the app word it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// There is nothing to merge: no snapshot was given.
    NoSnapshots,
    DifferentPlans {
        /// The 0-based index of the first snapshot whose plan differs from the
        /// plan of snapshot 0.
        index: usize,
        /// The plan ids of snapshot 0 and of that snapshot (they may be equal
        /// when only the content differs).
        first_plan: String,
        other_plan: String,
        /// How the plan of snapshot `index` differs from that of snapshot 0
        /// (boxed: it is large, and the error path is the rare one).
        differences: Box<PlanDiff>,
    },
}

/// Why a choice between conflicting entries could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChoiceError {
    /// The indicator has no conflict to resolve.
    NoConflict(String),
    /// Snapshot `index` (0-based) holds no entry to choose for the indicator.
    NotAnAlternative { indicator_id: String, index: usize },
}

impl Conflict {
    /// The result this conflict is about.
    pub fn key(&self) -> ResultKey {
        ResultKey {
            indicator: self.indicator_id.clone(),
            area: self.area.clone(),
        }
    }
}

impl Merged {
    /// [`Merged::with_result_choices`] for shared results only, by indicator id.
    pub fn with_choices(&self, choices: &BTreeMap<String, usize>) -> Result<Snapshot, ChoiceError> {
        let keyed: BTreeMap<ResultKey, usize> = choices
            .iter()
            .map(|(id, &i)| (ResultKey::shared(id.clone()), i))
            .collect();
        self.with_result_choices(&keyed)
    }

    /// The merged snapshot where, for every conflict named in `choices`
    /// (result → 0-based index of a snapshot given to [`merge`]), the
    /// entry of that snapshot is kept instead of the newer one. Choosing a
    /// snapshot that holds the kept entry changes nothing; naming a result
    /// without a conflict, or a snapshot that had no differing entry for it, is
    /// an error, so a stale choice is never applied silently.
    pub fn with_result_choices(
        &self,
        choices: &BTreeMap<ResultKey, usize>,
    ) -> Result<Snapshot, ChoiceError> {
        let mut snapshot = self.snapshot.clone();
        for (key, &index) in choices {
            let indicator_id = &key.indicator;
            let conflict = self
                .conflicts
                .iter()
                .find(|c| &c.indicator_id == indicator_id && c.area == key.area)
                .ok_or_else(|| ChoiceError::NoConflict(indicator_id.clone()))?;
            if conflict.chosen_from.contains(&index) {
                continue;
            }
            let (_, entry) = conflict
                .others
                .iter()
                .find(|(i, _)| *i == index)
                .ok_or_else(|| ChoiceError::NotAnAlternative {
                    indicator_id: indicator_id.clone(),
                    index,
                })?;
            snapshot.set_entry(key, Some(entry.clone()));
        }
        Ok(snapshot)
    }
}

/// When an entry was last updated; unreadable or missing timestamps are older
/// than any readable one.
fn instant(entry: &ProgressEntry) -> Option<DateTime<Utc>> {
    let ts = entry.updated_at.as_deref()?;
    DateTime::parse_from_rfc3339(ts.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The entry's JSON without its history: the history does not take part in
/// choosing the winner, because the merged entry carries the union of all
/// histories and must still win against its own inputs.
fn canonical(entry: &ProgressEntry) -> String {
    let current = ProgressEntry {
        history: Vec::new(),
        ..entry.clone()
    };
    serde_json::to_string(&current).unwrap_or_default()
}

/// The merged entry's history: every input's history, plus the state of every
/// other entry whose measurement differs from the winner's (it held before the
/// winner's, so it is part of the story), normalized.
fn merged_history(
    chosen: &ProgressEntry,
    entries: &[(usize, &ProgressEntry)],
) -> Vec<HistoryPoint> {
    let mut points: Vec<HistoryPoint> = entries
        .iter()
        .flat_map(|(_, e)| e.history.iter().cloned())
        .collect();
    points.extend(
        entries
            .iter()
            .filter(|(_, e)| e.is_measured() && !e.same_measurement(chosen))
            .filter_map(|(_, e)| e.as_point()),
    );
    normalize_history(points)
}

/// The total order that picks the winner: later update first, then the
/// canonical JSON, so that equal timestamps are decided the same way whatever
/// the order of the snapshots.
fn newer(a: &ProgressEntry, b: &ProgressEntry) -> Ordering {
    instant(a)
        .cmp(&instant(b))
        .then_with(|| canonical(a).cmp(&canonical(b)))
}

/// Whether two entries record the same thing (timestamps and author aside).
pub fn same_content(a: &ProgressEntry, b: &ProgressEntry) -> bool {
    a.level == b.level && a.value == b.value && a.done_on == b.done_on && a.note == b.note
}

/// The entries of one result, with the index of the snapshot of each.
type Sources<'a> = Vec<(usize, &'a ProgressEntry)>;

/// Merges snapshots of one plan. See the module documentation for the rules.
/// The plan with the longest revision log (the first such): the one a
/// merge keeps when every other plan is an earlier state of it.
fn latest_plan<'a>(first: &'a Plan, snapshots: &'a [Snapshot]) -> &'a Plan {
    let mut latest = first;
    for s in snapshots {
        if s.plan.revisions.len() > latest.revisions.len()
            || (latest.adoption.is_none() && s.plan.adoption.is_some())
        {
            latest = &s.plan;
        }
    }
    latest
}

/// Whether `plan` is `latest` or `latest` as it stood earlier: before some of
/// its revisions (a manager's file made before the office recorded the
/// latest change), or before its adoption. Results of either merge against
/// the later plan; results of objectives a revision removed are kept.
pub fn is_earlier_state(plan: &Plan, latest: &Plan) -> bool {
    if plan == latest {
        return true;
    }
    if !plan.unrecorded.is_empty() || plan.revisions.len() > latest.revisions.len() {
        return false;
    }
    let mut then = latest.as_of_revision(plan.revisions.len());
    if plan.adoption.is_none() {
        then.adoption = None;
    }
    *plan == then
}

pub fn merge(snapshots: &[Snapshot]) -> Result<Merged, MergeError> {
    let first = snapshots.first().ok_or(MergeError::NoSnapshots)?;
    let plan = latest_plan(&first.plan, snapshots);
    if let Some((index, other)) = snapshots
        .iter()
        .enumerate()
        .find(|(_, s)| !is_earlier_state(&s.plan, plan))
    {
        return Err(MergeError::DifferentPlans {
            index,
            first_plan: first.plan.id.clone(),
            other_plan: other.plan.id.clone(),
            differences: Box::new(diff_plans(&first.plan, &other.plan)),
        });
    }

    // Keyed by (indicator, area) borrowed from the inputs: the order of
    // `ResultKey` without a String allocated per entry of every snapshot.
    let mut by_result: BTreeMap<(&str, Option<&str>), Sources> = BTreeMap::new();
    for (i, s) in snapshots.iter().enumerate() {
        for (id, entry) in &s.progress {
            by_result.entry((id, None)).or_default().push((i, entry));
        }
        for (area, progress) in &s.progress_by_area {
            for (id, entry) in progress {
                by_result
                    .entry((id, Some(area)))
                    .or_default()
                    .push((i, entry));
            }
        }
    }

    let mut progress = Progress::new();
    let mut progress_by_area = ProgressByArea::new();
    let mut conflicts = Vec::new();
    for ((indicator, area), entries) in by_result {
        let key = ResultKey {
            indicator: indicator.to_string(),
            area: area.map(str::to_string),
        };
        let Some(&(_, chosen)) = entries.iter().max_by(|(_, a), (_, b)| newer(a, b)) else {
            continue;
        };
        let others: Vec<(usize, ProgressEntry)> = entries
            .iter()
            .filter(|(_, e)| !same_content(e, chosen))
            .map(|(i, e)| (*i, (*e).clone()))
            .collect();
        if !others.is_empty() {
            conflicts.push(Conflict {
                indicator_id: key.indicator.clone(),
                area: key.area.clone(),
                chosen: chosen.clone(),
                chosen_from: entries
                    .iter()
                    .filter(|(_, e)| *e == chosen)
                    .map(|(i, _)| *i)
                    .collect(),
                others,
            });
        }
        let history = merged_history(chosen, &entries);
        let evidence = unite_evidence(
            &chosen.evidence,
            entries.iter().flat_map(|(_, e)| e.evidence.iter()),
        );
        set_entry(
            &mut progress,
            &mut progress_by_area,
            &key,
            Some(ProgressEntry {
                history,
                evidence,
                ..chosen.clone()
            }),
        );
    }

    // Each area's status: the one with the latest transition.
    let mut area_status: BTreeMap<String, AreaStatus> = BTreeMap::new();
    for s in snapshots {
        for (area, status) in &s.area_status {
            let kept = match area_status.get(area) {
                Some(old) => newer_status(old, status).clone(),
                None => status.clone(),
            };
            area_status.insert(area.clone(), kept);
        }
    }

    let mut snapshot = Snapshot::with_results(plan.clone(), progress, progress_by_area, None);
    snapshot.area_status = area_status;
    Ok(Merged {
        snapshot,
        conflicts,
    })
}
