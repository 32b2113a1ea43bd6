//! Validation of a plan and its progress: every rule that blocks an import
//! (errors) or deserves the user's attention (warnings), each with the JSON path
//! of what caused it and the data a message needs: the CLI and the app word
//! them (the engine says no sentence).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::history::MAX_HISTORY;
use crate::model::{
    Direction, IndicatorKind, LevelValue, Measurement, Objective, Plan, Progress, ProgressByArea,
    Snapshot,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// What is wrong, with what the message needs to say it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum IssueKind {
    EmptyField {
        field: String,
    },
    DuplicateId {
        id: String,
    },
    DuplicateArea {
        code: String,
    },
    UnknownArea {
        code: String,
    },
    UnknownPillar {
        id: String,
    },
    UnknownStrategicObjective {
        code: String,
    },
    NegativeWeight {
        weight: Decimal,
    },
    NoIndicators,
    MissingLevelValue {
        level: String,
        kind: IndicatorKind,
    },
    WrongLevelValue {
        level: String,
        kind: IndicatorKind,
    },
    MilestoneGrade {
        level: String,
        expected: u8,
    },
    LevelsOutOfOrder {
        direction: Direction,
    },
    DirectionOnNonNumber,
    /// A scale on an indicator that is not a number.
    ScaleOnNonNumber,
    /// A scale whose minimum is above its maximum.
    ScaleMinAboveMax {
        min: Decimal,
        max: Decimal,
    },
    /// A level's value outside the indicator's own scale.
    LevelOutsideScale {
        level: String,
    },
    /// A recorded value outside the indicator's scale (a warning: the file
    /// is imported, the value is flagged).
    ValueOutsideScale {
        value: Decimal,
        min: Option<Decimal>,
        max: Option<Decimal>,
    },
    UnknownIndicator {
        id: String,
    },
    /// An entry in `progress` for an indicator of a per-area objective, whose
    /// results are recorded by area in `progress_by_area`.
    SharedEntryOfPerAreaObjective {
        id: String,
        objective: String,
    },
    /// An entry in `progress_by_area` for an indicator of a shared objective,
    /// whose one result is recorded in `progress`.
    AreaEntryOfSharedObjective {
        id: String,
        objective: String,
    },
    /// An entry in `progress_by_area` for an area the objective is not
    /// assigned to.
    AreaNotWeighted {
        id: String,
        objective: String,
        area: String,
    },
    ProgressKindMismatch {
        kind: IndicatorKind,
    },
    MilestoneLevelNotAllowed {
        level: u8,
    },
    LevelNotAllowedForKind {
        level: u8,
        kind: IndicatorKind,
    },
    SeveralMeasurements,
    BadTimestamp {
        value: String,
    },
    HistoryTooLong {
        len: usize,
        max: usize,
    },
    WeightsNot100 {
        area: String,
        sum: Decimal,
    },
    NoWeightedArea,
    AreaWithoutObjectives {
        area: String,
    },
    /// An evidence item of kind `link` whose reference is not an http or
    /// https address (since version 5).
    BadUrl {
        reference: String,
    },
    /// A SHA-256 (an evidence item's digest, a seal) that is not 64
    /// lowercase hex digits.
    BadDigest {
        value: String,
    },
    /// A validated area without the office's level for an objective its
    /// manager assessed.
    MissingValidatedLevel {
        objective: String,
    },
    /// A validated level outside 0–4.
    ValidatedLevelOutOfRange {
        level: Decimal,
    },
    /// A review of an objective that is not weighted in the area.
    ObjectiveNotInArea {
        objective: String,
        area: String,
    },
    /// Revisions or unrecorded changes in a plan that was never adopted
    /// (since version 6).
    RevisionWithoutAdoption,
    /// A revision (or an unrecorded change) that does not match the
    /// objectives it claims to have changed: the log cannot be undone from
    /// there, so the original plan cannot be rebuilt.
    RevisionLogMismatch {
        objective: String,
    },
    /// A revision taking effect before the plan's adoption.
    EffectiveBeforeAdoption,
    /// Objectives of an adopted plan changed and not yet recorded as a
    /// revision (a warning: the plan in force already holds them).
    UnrecordedChanges {
        count: usize,
    },
}

/// One problem found in a snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub severity: Severity,
    /// JSON path of the value at fault, e.g. `plan.objectives[3].assignments[0].weight`.
    pub path: String,
    #[serde(flatten)]
    pub kind: IssueKind,
}

/// The outcome of validation: errors block an import, warnings are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
}

impl Report {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    fn error(&mut self, path: impl Into<String>, kind: IssueKind) {
        self.errors.push(Issue {
            severity: Severity::Error,
            path: path.into(),
            kind,
        });
    }

    fn warn(&mut self, path: impl Into<String>, kind: IssueKind) {
        self.warnings.push(Issue {
            severity: Severity::Warning,
            path: path.into(),
            kind,
        });
    }
}

const LEVELS: [&str; 3] = ["threshold", "target", "excellence"];

/// Validates a plan alone (as the plan editor does while the user types).
pub fn validate_plan(plan: &Plan) -> Report {
    let mut r = Report::default();
    check_plan(plan, &mut r);
    r
}

/// Validates a snapshot: its plan and its progress against that plan.
pub fn validate(snapshot: &Snapshot) -> Report {
    let mut r = Report::default();
    check_plan(&snapshot.plan, &mut r);
    check_progress(
        &snapshot.plan,
        &snapshot.progress,
        &snapshot.progress_by_area,
        &mut r,
    );
    if let Some(area) = &snapshot.area {
        if snapshot.plan.area(area).is_none() {
            r.error("area", IssueKind::UnknownArea { code: area.clone() });
        }
    }
    check_statuses(snapshot, &mut r);
    r
}

/// The evidence of one entry: a title, unique ids, http(s) links, digests.
fn check_evidence(entry: &crate::model::ProgressEntry, p: &str, r: &mut Report) {
    let mut ids = BTreeSet::new();
    for (i, e) in entry.evidence.iter().enumerate() {
        let ep = format!("{p}.evidence[{i}]");
        non_empty(r, &ep, "id", &e.id);
        non_empty(r, &ep, "title", &e.title);
        if !ids.insert(e.id.as_str()) {
            r.error(
                format!("{ep}.id"),
                IssueKind::DuplicateId { id: e.id.clone() },
            );
        }
        if e.kind == crate::model::EvidenceKind::Link && !is_web_address(&e.reference) {
            r.error(
                format!("{ep}.reference"),
                IssueKind::BadUrl {
                    reference: e.reference.clone(),
                },
            );
        }
        if let Some(d) = e
            .sha256
            .as_ref()
            .filter(|d| !crate::cycle::is_hex_digest(d))
        {
            r.error(
                format!("{ep}.sha256"),
                IssueKind::BadDigest { value: d.clone() },
            );
        }
        if let Some(ts) = &e.added_at {
            check_timestamp(ts, format!("{ep}.added_at"), r);
        }
    }
}

/// An http or https address with something after the scheme and no
/// whitespace: the only references shown as links.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !text.chars().any(char::is_whitespace)
    })
}

/// The areas' review statuses: known areas, digests, timestamps, reviews of
/// objectives weighted in the area, a level per assessed objective of a
/// validated area.
fn check_statuses(snapshot: &Snapshot, r: &mut Report) {
    if snapshot.area_status.is_empty() {
        return;
    }
    let card = snapshot.score();
    for (area, status) in &snapshot.area_status {
        let p = format!("area_status[{area:?}]");
        if snapshot.plan.area(area).is_none() {
            r.error(p, IssueKind::UnknownArea { code: area.clone() });
            continue;
        }
        if let Some(seal) = status
            .seal
            .as_ref()
            .filter(|d| !crate::cycle::is_hex_digest(d))
        {
            r.error(
                format!("{p}.seal"),
                IssueKind::BadDigest {
                    value: seal.clone(),
                },
            );
        }
        for (field, ts) in [
            ("changed_at", &status.changed_at),
            ("submitted_at", &status.submitted_at),
        ] {
            if let Some(ts) = ts {
                check_timestamp(ts, format!("{p}.{field}"), r);
            }
        }
        for (id, review) in &status.objectives {
            let op = format!("{p}.objectives[{id:?}]");
            let weighted = snapshot
                .plan
                .objective(id)
                .is_some_and(|o| o.areas().any(|a| a == area));
            if !weighted {
                r.error(
                    op.clone(),
                    IssueKind::ObjectiveNotInArea {
                        objective: id.clone(),
                        area: area.clone(),
                    },
                );
            }
            if let Some(level) = review
                .level
                .filter(|l| !(Decimal::ZERO..=crate::scoring::MAX_LEVEL).contains(l))
            {
                r.error(
                    format!("{op}.level"),
                    IssueKind::ValidatedLevelOutOfRange { level },
                );
            }
        }
        if status.state == crate::model::ReviewState::Validated {
            for (o, _) in snapshot.plan.objectives_of_area(area) {
                let assessed = card.objective_in(&o.id, area).is_some();
                let has_level = status
                    .objectives
                    .get(&o.id)
                    .is_some_and(|v| v.level.is_some());
                if assessed && !has_level {
                    r.error(
                        format!("{p}.objectives"),
                        IssueKind::MissingValidatedLevel {
                            objective: o.id.clone(),
                        },
                    );
                }
            }
        }
    }
}

/// The adoption and the revision log (since version 6): filled in, in a
/// plan that was adopted, and undoable back to the plan as adopted.
fn check_revisions(plan: &Plan, r: &mut Report) {
    if let Some(a) = &plan.adoption {
        non_empty(r, "plan.adoption", "act", &a.act);
        if let Some(ts) = &a.recorded_at {
            check_timestamp(ts, "plan.adoption.recorded_at".into(), r);
        }
    } else if !plan.revisions.is_empty() || !plan.unrecorded.is_empty() {
        let field = if plan.revisions.is_empty() {
            "unrecorded"
        } else {
            "revisions"
        };
        r.error(format!("plan.{field}"), IssueKind::RevisionWithoutAdoption);
    }
    let mut ids = BTreeSet::new();
    for (i, rev) in plan.revisions.iter().enumerate() {
        let p = format!("plan.revisions[{i}]");
        non_empty(r, &p, "id", &rev.id);
        non_empty(r, &p, "reason", &rev.reason);
        non_empty(r, &p, "act", &rev.act);
        if !ids.insert(rev.id.as_str()) {
            r.error(
                format!("{p}.id"),
                IssueKind::DuplicateId { id: rev.id.clone() },
            );
        }
        if plan
            .adoption
            .as_ref()
            .is_some_and(|a| rev.effective < a.date)
        {
            r.error(format!("{p}.effective"), IssueKind::EffectiveBeforeAdoption);
        }
        if let Some(ts) = &rev.recorded_at {
            check_timestamp(ts, format!("{p}.recorded_at"), r);
        }
    }
    if let Err(m) = plan.check_log() {
        let (path, objective) = match m.revision {
            Some(i) => (
                format!("plan.revisions[{i}].changes[{}]", m.change),
                plan.revisions
                    .get(i)
                    .and_then(|rev| rev.changes.get(m.change))
                    .map(|c| c.objective.clone()),
            ),
            None => (
                format!("plan.unrecorded[{}]", m.change),
                crate::revision::pending(plan)
                    .get(m.change)
                    .map(|c| c.objective.clone()),
            ),
        };
        r.error(
            path,
            IssueKind::RevisionLogMismatch {
                objective: objective.unwrap_or_default(),
            },
        );
    }
    if plan.adoption.is_some() && !plan.unrecorded.is_empty() {
        r.warn(
            "plan.unrecorded",
            IssueKind::UnrecordedChanges {
                count: plan.unrecorded.len(),
            },
        );
    }
}

fn non_empty(r: &mut Report, path: &str, field: &str, value: &str) {
    if value.trim().is_empty() {
        r.error(
            format!("{path}.{field}"),
            IssueKind::EmptyField {
                field: field.into(),
            },
        );
    }
}

fn check_plan(plan: &Plan, r: &mut Report) {
    non_empty(r, "plan", "id", &plan.id);
    non_empty(r, "plan", "title", &plan.title);
    check_revisions(plan, r);

    let mut area_codes = BTreeSet::new();
    for (i, a) in plan.areas.iter().enumerate() {
        let p = format!("plan.areas[{i}]");
        non_empty(r, &p, "code", &a.code);
        if !area_codes.insert(a.code.as_str()) {
            r.error(
                format!("{p}.code"),
                IssueKind::DuplicateArea {
                    code: a.code.clone(),
                },
            );
        }
    }
    let mut pillar_ids = BTreeSet::new();
    for (i, p) in plan.pillars.iter().enumerate() {
        let path = format!("plan.pillars[{i}]");
        non_empty(r, &path, "id", &p.id);
        if !pillar_ids.insert(p.id.as_str()) {
            r.error(
                format!("{path}.id"),
                IssueKind::DuplicateId { id: p.id.clone() },
            );
        }
    }
    let mut so_codes = BTreeSet::new();
    for (i, s) in plan.strategic_objectives.iter().enumerate() {
        let path = format!("plan.strategic_objectives[{i}]");
        if !so_codes.insert(s.code.as_str()) {
            r.error(
                format!("{path}.code"),
                IssueKind::DuplicateId { id: s.code.clone() },
            );
        }
        if !pillar_ids.contains(s.pillar.as_str()) {
            r.error(
                format!("{path}.pillar"),
                IssueKind::UnknownPillar {
                    id: s.pillar.clone(),
                },
            );
        }
    }

    let mut ids = BTreeSet::new();
    let mut sums: BTreeMap<&str, Decimal> = BTreeMap::new();
    for (oi, o) in plan.objectives.iter().enumerate() {
        let op = format!("plan.objectives[{oi}]");
        non_empty(r, &op, "id", &o.id);
        non_empty(r, &op, "title", &o.title);
        if !ids.insert(o.id.as_str()) {
            r.error(
                format!("{op}.id"),
                IssueKind::DuplicateId { id: o.id.clone() },
            );
        }
        if !pillar_ids.contains(o.pillar.as_str()) {
            r.error(
                format!("{op}.pillar"),
                IssueKind::UnknownPillar {
                    id: o.pillar.clone(),
                },
            );
        }
        if let Some(code) = &o.strategic_objective {
            if !plan.strategic_objectives.is_empty() && !so_codes.contains(code.as_str()) {
                r.error(
                    format!("{op}.strategic_objective"),
                    IssueKind::UnknownStrategicObjective { code: code.clone() },
                );
            }
        }
        let mut assigned = BTreeSet::new();
        for (ai, a) in o.assignments.iter().enumerate() {
            let ap = format!("{op}.assignments[{ai}]");
            if !area_codes.contains(a.area.as_str()) {
                r.error(
                    format!("{ap}.area"),
                    IssueKind::UnknownArea {
                        code: a.area.clone(),
                    },
                );
            } else if !assigned.insert(a.area.as_str()) {
                r.error(
                    format!("{ap}.area"),
                    IssueKind::DuplicateArea {
                        code: a.area.clone(),
                    },
                );
            }
            if a.weight.is_sign_negative() && !a.weight.is_zero() {
                r.error(
                    format!("{ap}.weight"),
                    IssueKind::NegativeWeight { weight: a.weight },
                );
            }
            // Saturating: a hostile file with huge weights gets a warning, not a panic.
            let sum = sums.entry(a.area.as_str()).or_default();
            *sum = sum.saturating_add(a.weight);
        }
        if o.assignments.iter().all(|a| a.weight.is_zero()) {
            r.warn(op.clone(), IssueKind::NoWeightedArea);
        }
        if o.indicators.is_empty() {
            r.error(format!("{op}.indicators"), IssueKind::NoIndicators);
        }
        for (ii, ind) in o.indicators.iter().enumerate() {
            let ip = format!("{op}.indicators[{ii}]");
            non_empty(r, &ip, "id", &ind.id);
            if !ids.insert(ind.id.as_str()) {
                r.error(
                    format!("{ip}.id"),
                    IssueKind::DuplicateId { id: ind.id.clone() },
                );
            }
            check_levels(ind, &ip, r);
        }
    }
    for (i, a) in plan.areas.iter().enumerate() {
        match sums.get(a.code.as_str()) {
            None => r.warn(
                format!("plan.areas[{i}]"),
                IssueKind::AreaWithoutObjectives {
                    area: a.code.clone(),
                },
            ),
            Some(sum) if *sum != Decimal::ONE_HUNDRED => r.warn(
                format!("plan.areas[{i}]"),
                IssueKind::WeightsNot100 {
                    area: a.code.clone(),
                    sum: sum.normalize(),
                },
            ),
            Some(_) => {}
        }
    }
}

fn check_levels(ind: &crate::model::Indicator, ip: &str, r: &mut Report) {
    if ind.direction.is_some() && ind.kind != IndicatorKind::Number {
        r.error(format!("{ip}.direction"), IssueKind::DirectionOnNonNumber);
    }
    let levels = ind.levels();
    let mut fit = true;
    for (name, level) in LEVELS.iter().zip(levels) {
        let path = format!("{ip}.{name}.value");
        let ok = match (ind.kind, &level.value) {
            (IndicatorKind::Milestone, LevelValue::Empty) => true,
            (IndicatorKind::Milestone, LevelValue::Number(n)) => {
                let expected = match *name {
                    "threshold" => 1u8,
                    "target" => 3,
                    _ => 4,
                };
                if *n != Decimal::from(expected) {
                    r.error(
                        path.clone(),
                        IssueKind::MilestoneGrade {
                            level: (*name).into(),
                            expected,
                        },
                    );
                }
                true
            }
            (IndicatorKind::Number, LevelValue::Number(_)) => true,
            (IndicatorKind::Date, LevelValue::Date(_)) => true,
            (IndicatorKind::Number | IndicatorKind::Date, LevelValue::Empty) => {
                r.error(
                    path.clone(),
                    IssueKind::MissingLevelValue {
                        level: (*name).into(),
                        kind: ind.kind,
                    },
                );
                fit = false;
                continue;
            }
            _ => false,
        };
        if !ok {
            fit = false;
            r.error(
                path,
                IssueKind::WrongLevelValue {
                    level: (*name).into(),
                    kind: ind.kind,
                },
            );
        }
    }
    if !fit {
        return;
    }
    if let Some(scale) = &ind.scale {
        if ind.kind != IndicatorKind::Number {
            r.error(format!("{ip}.scale"), IssueKind::ScaleOnNonNumber);
        } else if let Some((min, max)) = scale.min.zip(scale.max).filter(|(a, b)| a > b) {
            r.error(
                format!("{ip}.scale"),
                IssueKind::ScaleMinAboveMax { min, max },
            );
        } else {
            for (name, level) in LEVELS.iter().zip(levels) {
                if let LevelValue::Number(n) = level.value {
                    if !scale.contains(n) {
                        r.error(
                            format!("{ip}.{name}.value"),
                            IssueKind::LevelOutsideScale {
                                level: (*name).into(),
                            },
                        );
                    }
                }
            }
        }
    }
    let in_order =
        match ind.kind {
            IndicatorKind::Milestone => true,
            IndicatorKind::Number => crate::scoring::number_levels(ind).is_none_or(|[s, t, e]| {
                match ind.effective_direction() {
                    Direction::Higher => s <= t && t <= e,
                    Direction::Lower => s >= t && t >= e,
                }
            }),
            IndicatorKind::Date => {
                crate::scoring::date_levels(ind).is_none_or(|[s, t, e]| s >= t && t >= e)
            }
        };
    if !in_order {
        r.error(
            ip.to_string(),
            IssueKind::LevelsOutOfOrder {
                direction: ind.effective_direction(),
            },
        );
    }
}

fn check_progress(plan: &Plan, progress: &Progress, by_area: &ProgressByArea, r: &mut Report) {
    // An index rather than `plan.indicator(id)` per entry: that search is
    // entries × indicators, seconds for a 5 MB snapshot. The first indicator
    // with an id wins, as in `plan.indicator` (duplicates are reported above).
    let mut indicators: HashMap<&str, (&Objective, &crate::model::Indicator)> = HashMap::new();
    for (o, ind) in plan.indicators() {
        indicators.entry(ind.id.as_str()).or_insert((o, ind));
    }
    // Results of objectives a revision removed or replaced stay valid
    // against their old definition: they count in the original plan's score.
    for o in plan.retired_objectives() {
        for ind in &o.indicators {
            indicators.entry(ind.id.as_str()).or_insert((o, ind));
        }
    }
    for (id, entry) in progress {
        let p = format!("progress[{id:?}]");
        let Some(&(o, ind)) = indicators.get(id.as_str()) else {
            r.error(p, IssueKind::UnknownIndicator { id: id.clone() });
            continue;
        };
        if o.measurement == Measurement::PerArea {
            r.error(
                p.clone(),
                IssueKind::SharedEntryOfPerAreaObjective {
                    id: id.clone(),
                    objective: o.id.clone(),
                },
            );
        }
        check_entry(plan, ind, entry, &p, r);
    }
    for (area, progress) in by_area {
        let ap = format!("progress_by_area[{area:?}]");
        if plan.area(area).is_none() {
            r.error(ap, IssueKind::UnknownArea { code: area.clone() });
            continue;
        }
        for (id, entry) in progress {
            let p = format!("{ap}[{id:?}]");
            let Some(&(o, ind)) = indicators.get(id.as_str()) else {
                r.error(p, IssueKind::UnknownIndicator { id: id.clone() });
                continue;
            };
            if o.measurement == Measurement::Shared {
                r.error(
                    p.clone(),
                    IssueKind::AreaEntryOfSharedObjective {
                        id: id.clone(),
                        objective: o.id.clone(),
                    },
                );
            } else if !o.assignments.iter().any(|a| &a.area == area) {
                r.error(
                    p.clone(),
                    IssueKind::AreaNotWeighted {
                        id: id.clone(),
                        objective: o.id.clone(),
                        area: area.clone(),
                    },
                );
            }
            check_entry(plan, ind, entry, &p, r);
        }
    }
}

/// The rules of one entry, at path `p`: its measurement, its timestamp, its
/// history.
fn check_entry(
    plan: &Plan,
    ind: &crate::model::Indicator,
    entry: &crate::model::ProgressEntry,
    p: &str,
    r: &mut Report,
) {
    check_evidence(entry, p, r);
    let current = Recorded {
        level: entry.level,
        value: entry.value.is_some(),
        done_on: entry.done_on.is_some(),
    };
    check_measurement(plan, ind.kind, current, p, r);
    if let (Some(value), Some(scale)) = (entry.value, &ind.scale) {
        if ind.kind == IndicatorKind::Number && !scale.contains(value) {
            r.warn(
                format!("{p}.value"),
                IssueKind::ValueOutsideScale {
                    value: value.normalize(),
                    min: scale.min,
                    max: scale.max,
                },
            );
        }
    }
    if let Some(ts) = &entry.updated_at {
        check_timestamp(ts, format!("{p}.updated_at"), r);
    }
    if entry.history.len() > MAX_HISTORY {
        r.error(
            format!("{p}.history"),
            IssueKind::HistoryTooLong {
                len: entry.history.len(),
                max: MAX_HISTORY,
            },
        );
    }
    for (i, point) in entry.history.iter().enumerate() {
        let pp = format!("{p}.history[{i}]");
        let m = Recorded {
            level: point.level,
            value: point.value.is_some(),
            done_on: point.done_on.is_some(),
        };
        check_measurement(plan, ind.kind, m, &pp, r);
        check_timestamp(&point.at, format!("{pp}.at"), r);
    }
}

/// What an entry or a history point measures.
#[derive(Clone, Copy)]
struct Recorded {
    level: Option<u8>,
    value: bool,
    done_on: bool,
}

/// The rules shared by an entry and each point of its history: one
/// measurement, of the indicator's kind, at an allowed level.
fn check_measurement(plan: &Plan, kind: IndicatorKind, m: Recorded, p: &str, r: &mut Report) {
    let measures = [m.level.is_some(), m.value, m.done_on]
        .iter()
        .filter(|x| **x)
        .count();
    if measures > 1 {
        r.error(p, IssueKind::SeveralMeasurements);
    }
    if let Some(level) = m.level {
        match kind {
            IndicatorKind::Milestone => {
                let ok = matches!(level, 0 | 1 | 3 | 4)
                    || (level == 2 && plan.scoring.intermediate_level);
                if !ok {
                    r.error(
                        format!("{p}.level"),
                        IssueKind::MilestoneLevelNotAllowed { level },
                    );
                }
            }
            kind if level != 0 => {
                r.error(
                    format!("{p}.level"),
                    IssueKind::LevelNotAllowedForKind { level, kind },
                );
            }
            _ => {}
        }
    }
    let mismatch = match kind {
        IndicatorKind::Milestone => m.value || m.done_on,
        IndicatorKind::Number => m.done_on,
        IndicatorKind::Date => m.value,
    };
    if mismatch {
        r.error(p, IssueKind::ProgressKindMismatch { kind });
    }
}

fn check_timestamp(ts: &str, path: String, r: &mut Report) {
    if chrono::DateTime::parse_from_rfc3339(ts).is_err() {
        r.error(
            path,
            IssueKind::BadTimestamp {
                value: ts.to_string(),
            },
        );
    }
}
