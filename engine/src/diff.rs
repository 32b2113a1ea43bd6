//! Comparison of two snapshots: what changed in the plan (metadata, areas,
//! objectives, weights, indicators), in the progress, and in the area scores.
//!
//! Pure and serializable, so the CLI prints it as JSON and the UI shows it. When
//! two plans are not equal, [`PlanDiff::fields`] is never empty: every plan field
//! that differs is named there, even those (pillars, order of objectives, ...)
//! that have no detailed entry.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::decimal_serde;
use crate::model::{
    Adoption, Area, AreaStatus, AreaStatuses, Indicator, Level, Objective, Plan, Progress,
    ProgressEntry, ResultKey, Results, Revision, ScoringOptions, Snapshot,
};
use crate::Scorecard;

/// A value before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change<T> {
    pub before: T,
    pub after: T,
}

impl<T: PartialEq + Clone> Change<T> {
    /// `Some` only when the two differ.
    fn of(before: &T, after: &T) -> Option<Self> {
        (before != after).then(|| Change {
            before: before.clone(),
            after: after.clone(),
        })
    }
}

/// An area whose code stayed and whose name changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AreaRename {
    pub code: String,
    pub before: String,
    pub after: String,
}

/// The weight of an objective in one area; `None` when not assigned there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WeightChange {
    pub area: String,
    #[serde(with = "decimal_serde::option")]
    pub before: Option<Decimal>,
    #[serde(with = "decimal_serde::option")]
    pub after: Option<Decimal>,
}

/// One of the three levels of an indicator that changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LevelChange {
    /// "threshold", "target" or "excellence".
    pub level: String,
    pub before: Level,
    pub after: Level,
}

/// An indicator present in both plans (same id, same objective) that changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndicatorChange {
    pub id: String,
    /// Every field that differs, by its name in the snapshot format.
    pub fields: Vec<String>,
    /// The levels among them, with both values.
    pub levels: Vec<LevelChange>,
}

/// An objective present in both plans (same id) that changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ObjectiveChange {
    pub id: String,
    /// Every field that differs, by its name in the snapshot format
    /// (`title`, `purpose`, `assignments`, `indicators`, `aggregation`,
    /// `measurement`, ...).
    pub fields: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Change<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Change<String>>,
    /// Weights per area that differ, in area code order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<WeightChange>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators_added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators_removed: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators_changed: Vec<IndicatorChange>,
}

/// How two plans differ. Empty when the plans are equal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PlanDiff {
    /// Every top-level plan field that differs (`id`, `title`, `year`, `scoring`,
    /// `areas`, `pillars`, `strategic_objectives`, `structures`, `objectives`,
    /// `source`), including changes of order only.
    pub fields: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Change<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Change<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<Change<i32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Change<ScoringOptions>>,
    pub areas_added: Vec<Area>,
    pub areas_removed: Vec<Area>,
    pub areas_renamed: Vec<AreaRename>,
    pub objectives_added: Vec<String>,
    pub objectives_removed: Vec<String>,
    pub objectives_changed: Vec<ObjectiveChange>,
    /// The adoption, when it differs (since version 6).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adoption: Option<Change<Option<Adoption>>>,
    /// Revisions only the second plan records (by id), in its order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revisions_added: Vec<Revision>,
    /// Ids of revisions only the first plan records.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revisions_removed: Vec<String>,
}

/// A progress entry added, removed or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryChange {
    pub indicator_id: String,
    /// The area of the result, for an indicator of a per-area objective.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// `None` when the entry was added.
    pub before: Option<ProgressEntry>,
    /// `None` when the entry was removed.
    pub after: Option<ProgressEntry>,
}

/// How two snapshots' results differ, in [`ResultKey`] order (indicator id,
/// then the shared result before the areas').
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ProgressDiff {
    pub added: Vec<EntryChange>,
    pub removed: Vec<EntryChange>,
    pub changed: Vec<EntryChange>,
}

/// The score of an area under each snapshot: `None` where the area is not in
/// that plan or nothing weighted in it is assessed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AreaScoreChange {
    pub area: String,
    #[serde(with = "decimal_serde::option")]
    pub before: Option<Decimal>,
    #[serde(with = "decimal_serde::option")]
    pub after: Option<Decimal>,
}

/// An area whose review status differs (snapshot version 5): `None` on a
/// side that records none (a draft).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub area: String,
    pub before: Option<AreaStatus>,
    pub after: Option<AreaStatus>,
}

/// Everything that differs between two snapshots.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SnapshotDiff {
    pub plan: PlanDiff,
    pub progress: ProgressDiff,
    /// Areas whose review status differs, by area code.
    pub statuses: Vec<StatusChange>,
    /// Every area of either plan (the later plan's order, then removed areas),
    /// changed or not, so a reader sees the whole picture.
    pub scores: Vec<AreaScoreChange>,
}

impl PlanDiff {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The plan fields that differ without a detailed difference above
    /// (pillars, source, order only, ...): a reader says only that they differ.
    pub fn undetailed_fields(&self) -> Vec<&str> {
        let areas_detailed = !(self.areas_added.is_empty()
            && self.areas_removed.is_empty()
            && self.areas_renamed.is_empty());
        let objectives_detailed = !(self.objectives_added.is_empty()
            && self.objectives_removed.is_empty()
            && self.objectives_changed.is_empty());
        self.fields
            .iter()
            .map(String::as_str)
            .filter(|f| !match *f {
                "id" | "title" | "year" | "scoring" | "adoption" => true,
                "revisions" => {
                    !(self.revisions_added.is_empty() && self.revisions_removed.is_empty())
                }
                "areas" => areas_detailed,
                "objectives" => objectives_detailed,
                _ => false,
            })
            .collect()
    }
}

impl SnapshotDiff {
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty()
            && self.progress.added.is_empty()
            && self.progress.removed.is_empty()
            && self.progress.changed.is_empty()
            && self.statuses.is_empty()
    }
}

/// Compares two snapshots.
pub fn diff(before: &Snapshot, after: &Snapshot) -> SnapshotDiff {
    SnapshotDiff {
        statuses: diff_statuses(&before.area_status, &after.area_status),
        ..diff_scored(&before.plan, before.results(), &before.score(), after)
    }
}

/// The areas whose review status differs between two snapshots, by area
/// code. [`diff_scored`] leaves them out (its first side has results only);
/// a caller holding statuses adds them with this.
pub fn diff_statuses(before: &AreaStatuses, after: &AreaStatuses) -> Vec<StatusChange> {
    let areas: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    areas
        .into_iter()
        .filter(|a| before.get(*a) != after.get(*a))
        .map(|a| StatusChange {
            area: a.clone(),
            before: before.get(a).cloned(),
            after: after.get(a).cloned(),
        })
        .collect()
}

/// Compares a plan and its results, already scored (as a holder of live
/// data, such as the app, keeps them), with another snapshot: the same
/// difference as [`diff`], without copying or rescoring the first side.
pub fn diff_scored(
    before_plan: &Plan,
    before: Results,
    before_card: &Scorecard,
    after: &Snapshot,
) -> SnapshotDiff {
    SnapshotDiff {
        statuses: Vec::new(),
        plan: diff_plans(before_plan, &after.plan),
        progress: diff_results(before, after.results()),
        scores: diff_scores(before_plan, before_card, &after.plan, &after.score()),
    }
}

impl EntryChange {
    /// The result this row is about.
    pub fn key(&self) -> ResultKey {
        ResultKey {
            indicator: self.indicator_id.clone(),
            area: self.area.clone(),
        }
    }
}

/// Compares two shared progress maps by indicator id.
pub fn diff_progress(before: &Progress, after: &Progress) -> ProgressDiff {
    diff_results(Results::shared_only(before), Results::shared_only(after))
}

/// Compares every result of two snapshots, shared and per area.
pub fn diff_results(before: Results, after: Results) -> ProgressDiff {
    let b: BTreeMap<ResultKey, &ProgressEntry> = before.iter().collect();
    let a: BTreeMap<ResultKey, &ProgressEntry> = after.iter().collect();
    let row = |key: &ResultKey, before: Option<&ProgressEntry>, after: Option<&ProgressEntry>| {
        EntryChange {
            indicator_id: key.indicator.clone(),
            area: key.area.clone(),
            before: before.cloned(),
            after: after.cloned(),
        }
    };
    let mut d = ProgressDiff::default();
    for (key, eb) in &b {
        match a.get(key) {
            None => d.removed.push(row(key, Some(eb), None)),
            // Stamps, authors and history alone are not a change.
            Some(ea) if !same_record(ea, eb) => d.changed.push(row(key, Some(eb), Some(ea))),
            Some(_) => {}
        }
    }
    for (key, ea) in &a {
        if !b.contains_key(key) {
            d.added.push(row(key, None, Some(ea)));
        }
    }
    d
}

/// Whether two entries record the same measurement, note and evidence.
pub fn same_record(a: &ProgressEntry, b: &ProgressEntry) -> bool {
    a.level == b.level
        && a.value == b.value
        && a.done_on == b.done_on
        && a.note == b.note
        && a.evidence == b.evidence
}

fn diff_scores(
    before_plan: &Plan,
    b: &Scorecard,
    after_plan: &Plan,
    a: &Scorecard,
) -> Vec<AreaScoreChange> {
    let mut seen = BTreeSet::new();
    let codes = after_plan
        .areas
        .iter()
        .chain(&before_plan.areas)
        .map(|x| x.code.as_str())
        .filter(|c| seen.insert(*c))
        .collect::<Vec<_>>();
    codes
        .into_iter()
        .map(|code| AreaScoreChange {
            area: code.to_string(),
            before: b.area(code).and_then(|s| s.score),
            after: a.area(code).and_then(|s| s.score),
        })
        .collect()
}

/// Compares two plans. Ids that repeat (an invalid plan) count once, at their
/// first occurrence.
pub fn diff_plans(before: &Plan, after: &Plan) -> PlanDiff {
    let mut d = PlanDiff::default();
    let mut field = |name: &str, differs: bool| {
        if differs {
            d.fields.push(name.to_string());
        }
    };
    field("id", before.id != after.id);
    field("title", before.title != after.title);
    field("year", before.year != after.year);
    field("scoring", before.scoring != after.scoring);
    field("areas", before.areas != after.areas);
    field("pillars", before.pillars != after.pillars);
    field(
        "strategic_objectives",
        before.strategic_objectives != after.strategic_objectives,
    );
    field("structures", before.structures != after.structures);
    field("objectives", before.objectives != after.objectives);
    field("source", before.source != after.source);
    field("adoption", before.adoption != after.adoption);
    field("revisions", before.revisions != after.revisions);
    field("unrecorded", before.unrecorded != after.unrecorded);

    d.id = Change::of(&before.id, &after.id);
    d.title = Change::of(&before.title, &after.title);
    d.year = Change::of(&before.year, &after.year);
    d.scoring = Change::of(&before.scoring, &after.scoring);
    d.adoption = Change::of(&before.adoption, &after.adoption);
    d.revisions_added = unique(&after.revisions, |r| &r.id)
        .filter(|r| !before.revisions.iter().any(|b| b.id == r.id))
        .cloned()
        .collect();
    d.revisions_removed = unique(&before.revisions, |r| &r.id)
        .filter(|r| !after.revisions.iter().any(|a| a.id == r.id))
        .map(|r| r.id.clone())
        .collect();

    let b_areas = first_by(&before.areas, |a| &a.code);
    let a_areas = first_by(&after.areas, |a| &a.code);
    d.areas_added = unique(&after.areas, |a| &a.code)
        .filter(|a| !b_areas.contains_key(a.code.as_str()))
        .cloned()
        .collect();
    d.areas_removed = unique(&before.areas, |a| &a.code)
        .filter(|a| !a_areas.contains_key(a.code.as_str()))
        .cloned()
        .collect();
    d.areas_renamed = unique(&after.areas, |a| &a.code)
        .filter_map(|a| {
            let b = b_areas.get(a.code.as_str())?;
            (b.name != a.name).then(|| AreaRename {
                code: a.code.clone(),
                before: b.name.clone(),
                after: a.name.clone(),
            })
        })
        .collect();

    let b_objs = first_by(&before.objectives, |o| &o.id);
    let a_objs = first_by(&after.objectives, |o| &o.id);
    d.objectives_added = unique(&after.objectives, |o| &o.id)
        .filter(|o| !b_objs.contains_key(o.id.as_str()))
        .map(|o| o.id.clone())
        .collect();
    d.objectives_removed = unique(&before.objectives, |o| &o.id)
        .filter(|o| !a_objs.contains_key(o.id.as_str()))
        .map(|o| o.id.clone())
        .collect();
    d.objectives_changed = unique(&after.objectives, |o| &o.id)
        .filter_map(|a| diff_objective(b_objs.get(a.id.as_str())?, a))
        .collect();
    d
}

/// The items whose key is seen for the first time, in order.
fn unique<'a, T, F: Fn(&T) -> &String + 'a>(
    items: &'a [T],
    key: F,
) -> impl Iterator<Item = &'a T> + 'a {
    let mut seen = BTreeSet::new();
    items.iter().filter(move |x| seen.insert(key(x).clone()))
}

fn first_by<T>(items: &[T], key: impl Fn(&T) -> &String) -> BTreeMap<&str, &T> {
    let mut map = BTreeMap::new();
    for x in items {
        map.entry(key(x).as_str()).or_insert(x);
    }
    map
}

/// How one objective changed (same id): `None` when equal.
pub fn diff_objective(b: &Objective, a: &Objective) -> Option<ObjectiveChange> {
    if a == b {
        return None;
    }
    let mut fields = Vec::new();
    let mut field = |name: &str, differs: bool| {
        if differs {
            fields.push(name.to_string());
        }
    };
    field("pillar", b.pillar != a.pillar);
    field(
        "strategic_objective",
        b.strategic_objective != a.strategic_objective,
    );
    field("title", b.title != a.title);
    field("purpose", b.purpose != a.purpose);
    field("responsible", b.responsible != a.responsible);
    field("assignments", b.assignments != a.assignments);
    field("other_structures", b.other_structures != a.other_structures);
    field("aggregation", b.aggregation != a.aggregation);
    field("measurement", b.measurement != a.measurement);
    field("indicators", b.indicators != a.indicators);
    field("note", b.note != a.note);

    let weights_of = |o: &Objective| {
        let mut m: BTreeMap<String, Decimal> = BTreeMap::new();
        for asg in &o.assignments {
            m.entry(asg.area.clone()).or_insert(asg.weight);
        }
        m
    };
    let (bw, aw) = (weights_of(b), weights_of(a));
    let areas: BTreeSet<&String> = bw.keys().chain(aw.keys()).collect();
    let weights = areas
        .into_iter()
        .filter_map(|area| {
            let (before, after) = (bw.get(area).copied(), aw.get(area).copied());
            (before != after).then(|| WeightChange {
                area: area.clone(),
                before,
                after,
            })
        })
        .collect();

    let b_inds = first_by(&b.indicators, |i| &i.id);
    let a_inds = first_by(&a.indicators, |i| &i.id);
    Some(ObjectiveChange {
        id: a.id.clone(),
        fields,
        title: Change::of(&b.title, &a.title),
        purpose: Change::of(&b.purpose, &a.purpose),
        weights,
        indicators_added: unique(&a.indicators, |i| &i.id)
            .filter(|i| !b_inds.contains_key(i.id.as_str()))
            .map(|i| i.id.clone())
            .collect(),
        indicators_removed: unique(&b.indicators, |i| &i.id)
            .filter(|i| !a_inds.contains_key(i.id.as_str()))
            .map(|i| i.id.clone())
            .collect(),
        indicators_changed: unique(&a.indicators, |i| &i.id)
            .filter_map(|i| diff_indicator(b_inds.get(i.id.as_str())?, i))
            .collect(),
    })
}

fn diff_indicator(b: &Indicator, a: &Indicator) -> Option<IndicatorChange> {
    if a == b {
        return None;
    }
    let mut fields = Vec::new();
    let mut field = |name: &str, differs: bool| {
        if differs {
            fields.push(name.to_string());
        }
    };
    field("label", b.label != a.label);
    field("kind", b.kind != a.kind);
    field("description", b.description != a.description);
    field("unit", b.unit != a.unit);
    field("direction", b.direction != a.direction);
    field("threshold", b.threshold != a.threshold);
    field("target", b.target != a.target);
    field("excellence", b.excellence != a.excellence);
    let levels = ["threshold", "target", "excellence"]
        .into_iter()
        .zip(b.levels().into_iter().zip(a.levels()))
        .filter(|(_, (lb, la))| lb != la)
        .map(|(name, (lb, la))| LevelChange {
            level: name.to_string(),
            before: lb.clone(),
            after: la.clone(),
        })
        .collect();
    Some(IndicatorChange {
        id: a.id.clone(),
        fields,
        levels,
    })
}
