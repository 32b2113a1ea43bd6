//! Changes to an adopted plan ("rimodulazioni", snapshot version 6).
//!
//! A plan is a draft until it is adopted by an act ([`adopt`]). From then on
//! every change to an objective (its levels, weights, indicators,
//! measurement, or its removal) is kept: while the office edits, each
//! objective touched keeps the value it had ([`track`], the plan's
//! `unrecorded` list); [`record`] turns those into one [`Revision`] with a
//! reason, an act and the day it takes effect, and [`discard`] puts the old
//! values back. The plan in force is the plan itself; the original, as
//! adopted, is [`Plan::original`], rebuilt by undoing every revision, so a
//! score can be read against either on the same results
//! ([`revision_effects`]).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{
    Adoption, Objective, ObjectiveRevision, Plan, Results, Revision, UnrecordedChange,
};
use crate::scoring::Scorecard;

/// Why a step of the revision log could not be taken. Each shell words it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum RevisionError {
    NotAdopted,
    AlreadyAdopted,
    HasRevisions,
    NothingToRecord,
    EmptyField { field: String },
    EffectiveBeforeAdoption,
}

fn required(field: &str, text: &str) -> Result<String, RevisionError> {
    let t = text.trim();
    if t.is_empty() {
        Err(RevisionError::EmptyField {
            field: field.to_string(),
        })
    } else {
        Ok(t.to_string())
    }
}

/// Marks `plan` adopted by `act` on `date`. Only a plan not yet adopted.
pub fn adopt(
    plan: &mut Plan,
    date: NaiveDate,
    act: &str,
    at: Option<String>,
    by: Option<String>,
) -> Result<(), RevisionError> {
    if plan.adoption.is_some() {
        return Err(RevisionError::AlreadyAdopted);
    }
    plan.adoption = Some(Adoption {
        date,
        act: required("act", act)?,
        recorded_at: at,
        recorded_by: by,
    });
    Ok(())
}

/// Withdraws an adoption recorded by mistake: only while no change has been
/// made since (a revision cannot be unmade without losing its record).
pub fn withdraw_adoption(plan: &mut Plan) -> Result<(), RevisionError> {
    if plan.adoption.is_none() {
        return Err(RevisionError::NotAdopted);
    }
    if !plan.revisions.is_empty() || !plan.unrecorded.is_empty() {
        return Err(RevisionError::HasRevisions);
    }
    plan.adoption = None;
    Ok(())
}

/// After an edit of an adopted plan: every objective that differs from
/// `before` (the objectives as they were just before the edit) keeps its
/// previous value in `plan.unrecorded`, once; an objective edited back to
/// its recorded value leaves the list. A plan not adopted is left alone.
///
/// The list is a log undone from its end: an objective removed is (moved)
/// last, with its index just before the removal, so that putting the
/// objectives back in reverse order restores the plan's order exactly.
pub fn track(before: &[Objective], plan: &mut Plan) {
    if plan.adoption.is_none() {
        return;
    }
    let ids: BTreeSet<&str> = before
        .iter()
        .chain(&plan.objectives)
        .map(|o| o.id.as_str())
        .collect();
    let mut fresh = Vec::new();
    for id in ids {
        let old = before.iter().position(|o| o.id == id);
        let new = plan.objectives.iter().find(|o| o.id == id);
        if old.and_then(|i| before.get(i)) == new {
            continue;
        }
        if let Some(i) = plan.unrecorded.iter().position(|u| u.objective == id) {
            // Removed now, after an earlier change: undoing runs in reverse,
            // so its reinsertion must come first, at the place it had just
            // before this removal. Its value before stays the recorded one.
            if let (Some(at), None) = (old, new) {
                let mut u = plan.unrecorded.remove(i);
                u.position = Some(at);
                fresh.push(u);
            }
            continue;
        }
        fresh.push(UnrecordedChange {
            objective: id.to_string(),
            position: old,
            before: old.and_then(|i| before.get(i)).cloned(),
        });
    }
    plan.unrecorded.extend(fresh);
    let objectives = &plan.objectives;
    plan.unrecorded
        .retain(|u| u.before.as_ref() != objectives.iter().find(|o| o.id == u.objective));
}

/// The unrecorded changes as they would be recorded: each objective's value
/// at the last revision and now.
pub fn pending(plan: &Plan) -> Vec<ObjectiveRevision> {
    plan.unrecorded
        .iter()
        .map(|u| ObjectiveRevision {
            objective: u.objective.clone(),
            position: u.position,
            before: u.before.clone(),
            after: plan.objective(&u.objective).cloned(),
        })
        .filter(|c| c.before != c.after)
        .collect()
}

/// What a revision needs besides its changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RevisionInput {
    pub effective: Option<NaiveDate>,
    pub reason: String,
    pub act: String,
}

/// Records the unrecorded changes as one revision. Returns its id.
pub fn record(
    plan: &mut Plan,
    input: &RevisionInput,
    at: Option<String>,
    by: Option<String>,
) -> Result<String, RevisionError> {
    let adoption = plan.adoption.as_ref().ok_or(RevisionError::NotAdopted)?;
    let changes = pending(plan);
    if changes.is_empty() {
        return Err(RevisionError::NothingToRecord);
    }
    let effective = input.effective.ok_or(RevisionError::EmptyField {
        field: "effective".into(),
    })?;
    if effective < adoption.date {
        return Err(RevisionError::EffectiveBeforeAdoption);
    }
    let reason = required("reason", &input.reason)?;
    let act = required("act", &input.act)?;
    let id = next_id(plan);
    plan.revisions.push(Revision {
        id: id.clone(),
        effective,
        reason,
        act,
        recorded_at: at,
        recorded_by: by,
        changes,
    });
    plan.unrecorded.clear();
    Ok(id)
}

/// "r1", "r2", ...: the first free one.
fn next_id(plan: &Plan) -> String {
    (1..)
        .map(|n| format!("r{n}"))
        .find(|id| plan.revisions.iter().all(|r| &r.id != id))
        .unwrap_or_default()
}

/// Puts back the value every unrecorded change replaced.
pub fn discard(plan: &mut Plan) {
    let changes = pending(plan);
    for c in changes.iter().rev() {
        undo(&mut plan.objectives, c);
    }
    plan.unrecorded.clear();
}

/// Undoes one objective's change in `objectives`: the objective goes back to
/// `before` (at its old position when it had been removed). Returns false
/// when the objectives are not as the change left them.
pub fn undo(objectives: &mut Vec<Objective>, change: &ObjectiveRevision) -> bool {
    let now = objectives.iter().position(|o| o.id == change.objective);
    match (&change.after, now) {
        (Some(after), Some(i)) if objectives.get(i) == Some(after) => {
            match &change.before {
                Some(before) => {
                    if let Some(slot) = objectives.get_mut(i) {
                        *slot = before.clone();
                    }
                }
                None => {
                    objectives.remove(i);
                }
            }
            true
        }
        (None, None) => {
            if let Some(before) = &change.before {
                let at = change
                    .position
                    .unwrap_or(objectives.len())
                    .min(objectives.len());
                objectives.insert(at, before.clone());
            }
            true
        }
        _ => false,
    }
}

/// Where undoing the log stopped: the revision and the change within it
/// (`revision` is `None` for the unrecorded changes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub revision: Option<usize>,
    pub change: usize,
}

impl Plan {
    /// Whether anything changed since adoption (recorded or not).
    pub fn is_revised(&self) -> bool {
        self.adoption.is_some() && !(self.revisions.is_empty() && self.unrecorded.is_empty())
    }

    /// The plan as it stood after its first `k` revisions, without the
    /// unrecorded changes: `as_of_revision(0)` is the plan as adopted,
    /// `as_of_revision(revisions.len())` the plan as last recorded. Stops at
    /// the first change the objectives do not match (see [`Plan::check_log`]).
    pub fn as_of_revision(&self, k: usize) -> Plan {
        let mut plan = self.clone();
        let _ = undo_to(&mut plan, k);
        plan
    }

    /// The plan as adopted, before any revision.
    pub fn original(&self) -> Plan {
        self.as_of_revision(0)
    }

    /// The plan as last recorded: the unrecorded changes undone.
    pub fn recorded(&self) -> Plan {
        self.as_of_revision(self.revisions.len())
    }

    /// Whether every revision and unrecorded change can be undone in turn:
    /// the first one that cannot, if any.
    pub fn check_log(&self) -> Result<(), Mismatch> {
        undo_to(&mut self.clone(), 0)
    }

    /// Every objective a revision or an unrecorded change removed or
    /// replaced, as it was before: their indicators' results stay valid and
    /// count in the original plan's score.
    pub fn retired_objectives(&self) -> impl Iterator<Item = &Objective> {
        self.revisions
            .iter()
            .flat_map(|r| r.changes.iter().filter_map(|c| c.before.as_ref()))
            .chain(self.unrecorded.iter().filter_map(|u| u.before.as_ref()))
    }
}

fn undo_to(plan: &mut Plan, k: usize) -> Result<(), Mismatch> {
    let unrecorded = pending(plan);
    for (j, c) in unrecorded.iter().enumerate().rev() {
        if !undo(&mut plan.objectives, c) {
            return Err(Mismatch {
                revision: None,
                change: j,
            });
        }
    }
    plan.unrecorded.clear();
    while plan.revisions.len() > k {
        let Some(rev) = plan.revisions.pop() else {
            break;
        };
        for (j, c) in rev.changes.iter().enumerate().rev() {
            if !undo(&mut plan.objectives, c) {
                return Err(Mismatch {
                    revision: Some(plan.revisions.len()),
                    change: j,
                });
            }
        }
    }
    Ok(())
}

/// The areas a revision touches: every area weighted in an objective it
/// changed, before or after.
pub fn areas_touched(changes: &[ObjectiveRevision]) -> BTreeSet<String> {
    changes
        .iter()
        .flat_map(|c| c.before.iter().chain(c.after.iter()))
        .flat_map(|o| o.assignments.iter().map(|a| a.area.clone()))
        .collect()
}

/// One area's score before and after a revision, on the same results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AreaEffect {
    pub area: String,
    #[serde(with = "crate::decimal_serde::option")]
    pub before: Option<Decimal>,
    #[serde(with = "crate::decimal_serde::option")]
    pub after: Option<Decimal>,
}

/// What one revision did to the scores of the areas it touches: the plan
/// after the revisions before it against the plan after it, both scored on
/// `results`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RevisionEffect {
    pub revision: String,
    pub areas: Vec<AreaEffect>,
}

fn effect(id: &str, changes: &[ObjectiveRevision], b: &Scorecard, a: &Scorecard) -> RevisionEffect {
    RevisionEffect {
        revision: id.to_string(),
        areas: areas_touched(changes)
            .into_iter()
            .map(|area| AreaEffect {
                before: b.area(&area).and_then(|s| s.score),
                after: a.area(&area).and_then(|s| s.score),
                area,
            })
            .collect(),
    }
}

/// The effect of every recorded revision, in order.
pub fn revision_effects(plan: &Plan, results: Results) -> Vec<RevisionEffect> {
    let n = plan.revisions.len();
    let scores: Vec<Scorecard> = (0..=n)
        .map(|k| plan.as_of_revision(k).score_results(results))
        .collect();
    plan.revisions
        .iter()
        .zip(scores.windows(2))
        .map(|(rev, w)| effect(&rev.id, &rev.changes, &w[0], &w[1]))
        .collect()
}

/// What recording the unrecorded changes would do (the plan as last
/// recorded against the plan in force, on `results`), with `revision` "":
/// the what-if of a revision before it is adopted. `None` without changes.
pub fn pending_effect(plan: &Plan, results: Results) -> Option<RevisionEffect> {
    let changes = pending(plan);
    if changes.is_empty() {
        return None;
    }
    let before = plan.recorded().score_results(results);
    Some(effect("", &changes, &before, &plan.score_results(results)))
}
