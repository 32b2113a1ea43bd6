//! The yearly cycle of an area's self-assessment (snapshot version 5): the
//! seal of an area's results, the review status and its allowed
//! transitions, what to check before submitting, the score the office
//! validated, and the office's campaign table.
//!
//! Draft → submitted (by the area's manager, sealed) → returned (by the
//! office, with comments; the manager submits again) or validated (by the
//! office, with its level per assessed objective). Only the office reopens
//! an area (back to draft) or returns a validated one.
//!
//! The **seal** is the SHA-256 of a canonical serialization of the area's
//! results: every result that weighs in the area (the shared results of the
//! objectives weighted there, the area's own results of per-area
//! objectives), in plan order, with its measurement, note and evidence; no
//! timestamp, author or history, so restamping changes nothing and any
//! change of what was recorded breaks it. The form is documented in
//! `docs/snapshot-format.md` ("Seal") and pinned by a golden seal of the
//! 2023 plan (`engine/tests/cycle.rs`).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::model::{
    AreaStatus, Evidence, ObjectiveReview, Plan, ProgressEntry, ResultKey, ReviewState, Snapshot,
};
use crate::scoring::{AreaScore, Scorecard, WeightedMean, MAX_LEVEL};

/// The name of the canonical form, written first in it: a later form gets
/// a new name, so old seals stay checkable.
pub const SEAL_FORM: &str = "cruscotto-seal-1";

/// Who acts on an area's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    /// The area's manager (dirigente).
    Manager,
    /// The planning office (Servizio Pianificazione e Controllo).
    Office,
}

/// A step of the cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Submit,
    Return,
    Validate,
    /// Back to draft: the office reopens an area.
    Reopen,
}

/// Why a step of the cycle was refused. Data only: the shells word it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum CycleError {
    UnknownArea {
        area: String,
    },
    NotAllowed {
        from: ReviewState,
        action: Action,
        actor: Actor,
    },
    /// Validating needs the office's level for every assessed objective.
    MissingValidatedLevel {
        objective: String,
    },
    /// A validated level is a level: 0 to 4.
    LevelOutOfRange {
        objective: String,
        level: Decimal,
    },
}

/// The state an area reaches by `action` of `actor` from `from`, or why not.
pub fn next_state(
    from: ReviewState,
    action: Action,
    actor: Actor,
) -> Result<ReviewState, CycleError> {
    use ReviewState::*;
    let to = match (action, actor, from) {
        // A manager may send again before the office has decided.
        (Action::Submit, Actor::Manager, Draft | Returned | Submitted) => Some(Submitted),
        (Action::Return, Actor::Office, Submitted | Validated) => Some(Returned),
        (Action::Validate, Actor::Office, Submitted) => Some(Validated),
        (Action::Reopen, Actor::Office, Submitted | Returned | Validated) => Some(Draft),
        _ => None,
    };
    to.ok_or(CycleError::NotAllowed {
        from,
        action,
        actor,
    })
}

/// The status of `area` in `snapshot` (a draft when none is recorded).
pub fn status_of<'a>(snapshot: &'a Snapshot, area: &str) -> Option<&'a AreaStatus> {
    snapshot.area_status.get(area)
}

/// The state of `area` (a draft when none is recorded).
pub fn state_of(snapshot: &Snapshot, area: &str) -> ReviewState {
    status_of(snapshot, area).map_or(ReviewState::Draft, |s| s.state)
}

/// Every result that weighs in `area`, in plan order: the key and the entry
/// (if any) of each indicator of each objective weighted there.
pub fn area_results<'a>(
    snapshot: &'a Snapshot,
    area: &'a str,
) -> impl Iterator<Item = (ResultKey, Option<&'a ProgressEntry>)> + 'a {
    let results = snapshot.results();
    snapshot
        .plan
        .objectives_of_area(area)
        .flat_map(move |(o, _)| {
            o.indicators.iter().map(move |i| {
                let key = o.result_key(&i.id, Some(area));
                (key.clone(), results.get(&key))
            })
        })
}

fn evidence_json(e: &Evidence) -> Value {
    json!({
        "id": e.id,
        "kind": e.kind,
        "title": e.title,
        "reference": e.reference,
        "date": e.date.map(|d| d.to_string()),
        "sha256": e.sha256,
        "file_name": e.file_name,
    })
}

/// The canonical form of `area`'s results that the seal hashes: compact
/// JSON with keys in code-point order, decimals normalized, absent values
/// `null`, evidence by id; results with nothing recorded are left out.
pub fn canonical_area(snapshot: &Snapshot, area: &str) -> String {
    let results: Vec<Value> = area_results(snapshot, area)
        .filter_map(|(key, entry)| {
            let e = entry?;
            if !e.is_measured() && e.note.is_none() && e.evidence.is_empty() {
                return None;
            }
            let mut evidence: Vec<&Evidence> = e.evidence.iter().collect();
            evidence.sort_by(|a, b| a.id.cmp(&b.id));
            Some(json!({
                "indicator": key.indicator,
                "area": key.area,
                "level": e.level,
                "value": e.value.map(|v| v.normalize().to_string()),
                "done_on": e.done_on.map(|d| d.to_string()),
                "note": e.note,
                "evidence": evidence.into_iter().map(evidence_json).collect::<Vec<_>>(),
            }))
        })
        .collect();
    // serde_json's map is ordered by key (no `preserve_order`), so the text
    // is the same whatever order the fields were written in.
    json!({
        "form": SEAL_FORM,
        "plan": snapshot.plan.id,
        "year": snapshot.plan.year,
        "area": area,
        "results": results,
    })
    .to_string()
}

/// The seal of `area`'s results: SHA-256 of [`canonical_area`], 64
/// lowercase hex digits.
pub fn seal_area(snapshot: &Snapshot, area: &str) -> String {
    hex_digest(canonical_area(snapshot, area).as_bytes())
}

/// SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn hex_digest(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `text` is a SHA-256 as Cruscotto writes it: 64 lowercase hex digits.
pub fn is_hex_digest(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// What checking an area's seal found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum SealCheck {
    /// The area was never submitted: there is no seal.
    None,
    /// The results are those that were sealed.
    Valid { seal: String },
    /// The results changed after sealing (or the seal was altered).
    Broken { sealed: String, now: String },
}

impl SealCheck {
    pub fn is_broken(&self) -> bool {
        matches!(self, SealCheck::Broken { .. })
    }
}

/// Recomputes `area`'s seal and compares it with the one recorded.
pub fn check_seal(snapshot: &Snapshot, area: &str) -> SealCheck {
    let Some(sealed) = status_of(snapshot, area).and_then(|s| s.seal.clone()) else {
        return SealCheck::None;
    };
    let now = seal_area(snapshot, area);
    if now == sealed {
        SealCheck::Valid { seal: now }
    } else {
        SealCheck::Broken { sealed, now }
    }
}

/// What to look at before submitting: the objectives of the area not
/// assessed yet, and the results whose indicator asks for evidence and has
/// none. Warnings: submitting is not blocked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SubmissionCheck {
    pub not_assessed: Vec<String>,
    pub missing_evidence: Vec<ResultKey>,
}

impl SubmissionCheck {
    pub fn is_clean(&self) -> bool {
        self.not_assessed.is_empty() && self.missing_evidence.is_empty()
    }
}

/// [`SubmissionCheck`] of `area`.
pub fn submission_check(snapshot: &Snapshot, area: &str) -> SubmissionCheck {
    let card = snapshot.score();
    let mut check = SubmissionCheck::default();
    for (o, _) in snapshot.plan.objectives_of_area(area) {
        if card.objective_in(&o.id, area).is_none() {
            check.not_assessed.push(o.id.clone());
        }
        for i in o.indicators.iter().filter(|i| i.evidence_required) {
            let key = o.result_key(&i.id, Some(area));
            let has = snapshot.entry(&key).is_some_and(|e| !e.evidence.is_empty());
            if !has {
                check.missing_evidence.push(key);
            }
        }
    }
    check
}

fn known_area(snapshot: &Snapshot, area: &str) -> Result<(), CycleError> {
    match snapshot.plan.area(area) {
        Some(_) => Ok(()),
        None => Err(CycleError::UnknownArea { area: area.into() }),
    }
}

fn step<'s>(
    snapshot: &'s mut Snapshot,
    area: &str,
    action: Action,
    actor: Actor,
    at: &str,
    by: Option<String>,
) -> Result<&'s mut AreaStatus, CycleError> {
    known_area(snapshot, area)?;
    let to = next_state(state_of(snapshot, area), action, actor)?;
    let status = snapshot.area_status.entry(area.to_string()).or_default();
    status.state = to;
    status.changed_at = Some(at.to_string());
    status.changed_by = by;
    Ok(status)
}

/// The manager submits `area`: its status becomes submitted, stamped and
/// sealed. Returns the seal. The office's earlier comments stay, for the
/// record, until it reviews again.
pub fn submit(
    snapshot: &mut Snapshot,
    area: &str,
    at: &str,
    by: Option<String>,
) -> Result<String, CycleError> {
    let seal = {
        known_area(snapshot, area)?;
        seal_area(snapshot, area)
    };
    let status = step(
        snapshot,
        area,
        Action::Submit,
        Actor::Manager,
        at,
        by.clone(),
    )?;
    status.submitted_at = Some(at.to_string());
    status.submitted_by = by;
    status.seal = Some(seal.clone());
    Ok(seal)
}

/// The office returns `area` with an overall comment and comments per
/// objective (objective id → comment).
pub fn return_area(
    snapshot: &mut Snapshot,
    area: &str,
    at: &str,
    by: Option<String>,
    comment: Option<String>,
    objective_comments: BTreeMap<String, String>,
) -> Result<(), CycleError> {
    let status = step(snapshot, area, Action::Return, Actor::Office, at, by)?;
    status.comment = comment;
    status.objectives = objective_comments
        .into_iter()
        .map(|(id, c)| {
            (
                id,
                ObjectiveReview {
                    comment: Some(c),
                    ..ObjectiveReview::default()
                },
            )
        })
        .collect();
    Ok(())
}

/// The office validates `area` with its word per objective: a level for
/// every assessed objective (the self-assessed one where it agrees), and
/// why where it differs.
pub fn validate_area(
    snapshot: &mut Snapshot,
    area: &str,
    at: &str,
    by: Option<String>,
    comment: Option<String>,
    reviews: BTreeMap<String, ObjectiveReview>,
) -> Result<(), CycleError> {
    known_area(snapshot, area)?;
    let card = snapshot.score();
    for (o, _) in snapshot.plan.objectives_of_area(area) {
        let assessed = card.objective_in(&o.id, area).is_some();
        match reviews.get(&o.id).and_then(|r| r.level) {
            None if assessed => {
                return Err(CycleError::MissingValidatedLevel {
                    objective: o.id.clone(),
                })
            }
            Some(level) if !(Decimal::ZERO..=MAX_LEVEL).contains(&level) => {
                return Err(CycleError::LevelOutOfRange {
                    objective: o.id.clone(),
                    level,
                })
            }
            _ => {}
        }
    }
    let status = step(snapshot, area, Action::Validate, Actor::Office, at, by)?;
    status.comment = comment;
    status.objectives = reviews;
    Ok(())
}

/// The office reopens `area`: back to draft, the seal and reviews kept for
/// the record until the next submission.
pub fn reopen(
    snapshot: &mut Snapshot,
    area: &str,
    at: &str,
    by: Option<String>,
) -> Result<(), CycleError> {
    step(snapshot, area, Action::Reopen, Actor::Office, at, by).map(|_| ())
}

/// The level of each objective of `area` as the office validated it: its
/// level where it gave one, the self-assessed level otherwise.
pub fn validated_levels(snapshot: &Snapshot, area: &str) -> BTreeMap<String, Option<Decimal>> {
    levels_as_validated(
        &snapshot.plan,
        &snapshot.score(),
        area,
        status_of(snapshot, area),
    )
}

/// [`validated_levels`] from a plan already scored and the area's status.
pub fn levels_as_validated(
    plan: &Plan,
    card: &Scorecard,
    area: &str,
    status: Option<&AreaStatus>,
) -> BTreeMap<String, Option<Decimal>> {
    let reviews = status.map(|s| &s.objectives);
    plan.objectives_of_area(area)
        .map(|(o, _)| {
            let own = card.objective_in(&o.id, area);
            let validated = reviews
                .and_then(|r| r.get(&o.id))
                .and_then(|r| r.level)
                .or(own);
            (o.id.clone(), validated)
        })
        .collect()
}

/// The score of a validated area with the office's levels; `None` for an
/// area that is not validated.
pub fn validated_area_score(snapshot: &Snapshot, area: &str) -> Option<AreaScore> {
    validated_score(
        &snapshot.plan,
        &snapshot.score(),
        area,
        status_of(snapshot, area),
    )
}

/// [`validated_area_score`] from a plan already scored and the area's status.
pub fn validated_score(
    plan: &Plan,
    card: &Scorecard,
    area: &str,
    status: Option<&AreaStatus>,
) -> Option<AreaScore> {
    if status.map(|s| s.state) != Some(ReviewState::Validated) {
        return None;
    }
    let levels = levels_as_validated(plan, card, area, status);
    let mut mean = WeightedMean::default();
    for (o, weight) in plan.objectives_of_area(area) {
        mean.add(weight, levels.get(&o.id).copied().flatten());
    }
    Some(mean.area_score(area))
}

/// One row of the office's campaign table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CampaignRow {
    pub area: String,
    pub state: ReviewState,
    pub submitted_at: Option<String>,
    pub submitted_by: Option<String>,
    pub seal: SealCheck,
    /// The area's self-assessed score.
    pub score: AreaScore,
    /// The validated score, for a validated area.
    pub validated: Option<AreaScore>,
    /// Not submitted (a draft or returned) and the deadline has passed.
    pub late: bool,
}

/// Every area of the plan with its status, on `today`.
pub fn campaign(snapshot: &Snapshot, today: NaiveDate) -> Vec<CampaignRow> {
    let card = snapshot.score();
    let past_deadline = snapshot
        .plan
        .self_assessment_deadline
        .is_some_and(|d| today > d);
    snapshot
        .plan
        .areas
        .iter()
        .filter_map(|a| {
            let status = status_of(snapshot, &a.code);
            let state = status.map_or(ReviewState::Draft, |s| s.state);
            Some(CampaignRow {
                area: a.code.clone(),
                state,
                submitted_at: status.and_then(|s| s.submitted_at.clone()),
                submitted_by: status.and_then(|s| s.submitted_by.clone()),
                seal: check_seal(snapshot, &a.code),
                score: card.area(&a.code)?.clone(),
                validated: validated_area_score(snapshot, &a.code),
                late: past_deadline && matches!(state, ReviewState::Draft | ReviewState::Returned),
            })
        })
        .collect()
}

/// The newer of two statuses of one area, by the instant of their latest
/// transition (an undated one is older than any dated one); on a tie, the
/// further state, then the larger serialization, so the choice never
/// depends on the order of the files.
pub fn newer_status<'a>(a: &'a AreaStatus, b: &'a AreaStatus) -> &'a AreaStatus {
    let instant = |s: &AreaStatus| {
        s.changed_at
            .as_deref()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
    };
    let key = |s: &AreaStatus| serde_json::to_string(s).unwrap_or_default();
    let order = instant(a)
        .cmp(&instant(b))
        .then_with(|| a.state.cmp(&b.state))
        .then_with(|| key(a).cmp(&key(b)));
    if order.is_lt() {
        b
    } else {
        a
    }
}

/// `into`'s evidence and every item of `others` whose id it does not hold,
/// in the order first seen: evidence lists are united by identity.
pub fn unite_evidence<'a>(
    into: &[Evidence],
    others: impl IntoIterator<Item = &'a Evidence>,
) -> Vec<Evidence> {
    let mut out = into.to_vec();
    for e in others {
        if !out.iter().any(|x| x.id == e.id) {
            out.push(e.clone());
        }
    }
    out
}
