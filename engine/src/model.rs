//! The plan and progress model: what a snapshot file holds, as Rust types.
//!
//! These types mirror the public snapshot format (see `docs/snapshot-format.md`)
//! field for field. They accept more than is valid (ids may repeat, levels may be
//! out of order): `validate` is where the rules live, so that an import can list
//! every problem at once instead of stopping at the first.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::decimal_serde;

/// How numeric indicators between two levels are scored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumericMode {
    /// Only the three printed levels count: 0, 1, 3 or 4.
    #[default]
    Step,
    /// Interpolated between the levels, so partial progress is visible.
    Linear,
}

/// Plan-wide scoring options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringOptions {
    #[serde(default)]
    pub numeric: NumericMode,
    /// Whether a milestone may be assessed at level 2 (between threshold and target).
    #[serde(default)]
    pub intermediate_level: bool,
}

/// An administrative area (Area dirigenziale) that receives weighted objectives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub code: String,
    pub name: String,
}

/// A pillar of the strategic plan (LE PERSONE, LA FORMAZIONE, ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pillar {
    pub id: String,
    pub name: String,
}

/// An objective of the strategic plan (P.1, F.2, RS.5, ...) under a pillar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategicObjective {
    pub code: String,
    pub title: String,
    pub pillar: String,
}

/// One area's share of an objective, in percent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub area: String,
    #[serde(with = "decimal_serde")]
    pub weight: Decimal,
}

/// How an objective with several indicators combines their levels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aggregation {
    /// The mean of the indicators' levels.
    #[default]
    Mean,
    /// The lowest level: every condition must hold.
    All,
}

/// How an objective weighted in several areas is measured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measurement {
    /// One result for all its areas: the areas work on one common result.
    #[default]
    Shared,
    /// Each weighted area has its own result for every indicator (snapshot
    /// version 3): a survey of each area's own services, say. The levels stay
    /// the objective's; only the result differs per area.
    PerArea,
}

/// `skip_serializing_if` for [`Objective::measurement`]: shared plans are
/// written exactly as before version 3.
fn is_shared(m: &Measurement) -> bool {
    *m == Measurement::Shared
}

/// What an indicator measures and so which input it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorKind {
    /// Qualitative: the level reached is assessed.
    Milestone,
    /// A measured quantity, better when higher or lower.
    Number,
    /// A deadline: earlier is better.
    Date,
}

/// Whether more or less of a number is better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Higher,
    Lower,
}

/// The value printed for a level: a grade for milestones, a decimal for numbers,
/// a date for deadlines. Which one is allowed depends on the indicator's kind,
/// and is checked by validation, not by parsing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LevelValue {
    #[default]
    Empty,
    Number(Decimal),
    Date(NaiveDate),
}

/// The range a number indicator's value can take, either end open. A value
/// outside it is a slip, never a result (`crate::values::check_number`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "decimal_serde::option"
    )]
    pub min: Option<Decimal>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "decimal_serde::option"
    )]
    pub max: Option<Decimal>,
}

impl Scale {
    /// From `min` to `max`, both included.
    pub fn between(min: Decimal, max: Decimal) -> Self {
        Scale {
            min: Some(min),
            max: Some(max),
        }
    }

    /// Zero or more: counts, amounts, consumptions.
    pub fn non_negative() -> Self {
        Scale {
            min: Some(Decimal::ZERO),
            max: None,
        }
    }

    pub fn contains(&self, v: Decimal) -> bool {
        self.min.is_none_or(|m| v >= m) && self.max.is_none_or(|m| v <= m)
    }
}

/// One of the three levels of an indicator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    #[serde(default)]
    pub value: LevelValue,
    #[serde(default)]
    pub description: String,
}

/// A measurable condition of an objective, with its threshold, target and excellence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    /// "A", "B", ... when an objective has several indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub kind: IndicatorKind,
    /// What is measured, when the level descriptions do not say it alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For numbers; dates are always earlier-is-better and milestones have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// For numbers: the values the measure can take at all (a 1–6 survey
    /// scale, 0–100 %, a count that cannot be negative). Since version 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    pub threshold: Level,
    pub target: Level,
    pub excellence: Level,
    /// The plan asks for evidence of this result (a document, a protocol
    /// number, a link): submitting an area without it warns. Since version 5.
    #[serde(default, skip_serializing_if = "is_false")]
    pub evidence_required: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A yearly organizational-performance objective.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    pub id: String,
    pub pillar: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategic_objective: Option<String>,
    pub title: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub responsible: Vec<String>,
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    #[serde(default)]
    pub other_structures: Vec<String>,
    #[serde(default)]
    pub aggregation: Aggregation,
    /// One shared result, or one per weighted area (since version 3).
    #[serde(default, skip_serializing_if = "is_shared")]
    pub measurement: Measurement,
    pub indicators: Vec<Indicator>,
    /// Remarks on the objective, such as an oddity of the source document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A performance plan for one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub year: i32,
    #[serde(default)]
    pub scoring: ScoringOptions,
    pub areas: Vec<Area>,
    pub pillars: Vec<Pillar>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategic_objectives: Vec<StrategicObjective>,
    /// Structures named in the plan that are not scored areas (DIRGEN, SPC, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub structures: Vec<Area>,
    pub objectives: Vec<Objective>,
    /// Where the plan comes from (document, approval).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The day by which the area managers submit their self-assessment
    /// (since version 5). An area not submitted after it is late.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_assessment_deadline: Option<NaiveDate>,
    /// The day of the mid-year monitoring, if the plan has one (since
    /// version 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring_date: Option<NaiveDate>,
    /// The act that adopted the plan (since version 6). Once adopted, every
    /// change to an objective is a [`Revision`], kept with the value it
    /// replaced ([`crate::revision`]); before, the plan is a draft edited
    /// freely.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adoption: Option<Adoption>,
    /// The approved changes since adoption ("rimodulazioni"), oldest first
    /// (since version 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
    /// Objectives of an adopted plan changed since the last revision and not
    /// yet recorded as one, each with the value it had (since version 6).
    /// The plan in force already holds their new value; recording them
    /// makes a revision, discarding them restores the old value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unrecorded: Vec<UnrecordedChange>,
}

/// The act that adopted a plan: from then on its objectives change only by
/// revisions (since version 6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adoption {
    /// The day of the act.
    pub date: NaiveDate,
    /// The act, as its reader would cite it ("Delibera CdA 26/01/2023").
    pub act: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<String>,
}

/// One approved change of an adopted plan ("rimodulazione"): one act, one
/// reason, one day it takes effect, and every objective it changed with its
/// value before and after (since version 6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub id: String,
    /// The day the change takes effect.
    pub effective: NaiveDate,
    pub reason: String,
    /// The approving act ("Delibera CdA 25/07/2023").
    pub act: String,
    /// RFC 3339 timestamp of when it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<String>,
    pub changes: Vec<ObjectiveRevision>,
}

/// One objective as a revision changed it: `before` is `None` for an
/// objective added, `after` is `None` for one removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveRevision {
    /// The objective's id.
    pub objective: String,
    /// Its index among the plan's objectives before the change, so that the
    /// original order is restored exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Objective>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Objective>,
}

/// An objective of an adopted plan changed and not yet recorded as a
/// revision: the value it had at the last revision (`None`: it is new).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnrecordedChange {
    pub objective: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Objective>,
}

/// What has been recorded for one indicator. Exactly one of `level`, `value`
/// and `done_on` fits the indicator's kind; none means "not assessed yet" (a note
/// alone may be kept).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressEntry {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_level"
    )]
    pub level: Option<u8>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "decimal_serde::option"
    )]
    pub value: Option<Decimal>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_done_on"
    )]
    pub done_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// RFC 3339 timestamp of the last change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    /// Earlier measurements, oldest first (snapshot version 2). See
    /// [`crate::history`] for when a point is recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryPoint>,
    /// What the result rests on: documents, protocol numbers, links (since
    /// version 5). Kept when the measurement is cleared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// What kind of evidence an item is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    /// A document (a report, minutes, a PDF on the office's share).
    #[default]
    Document,
    /// A protocol number of the university's registry.
    Protocol,
    /// A web address (only http and https are valid).
    Link,
    Other,
}

/// One piece of evidence of a result (since version 5). `id` is its
/// identity: consolidation unites evidence lists by it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub id: String,
    #[serde(default)]
    pub kind: EvidenceKind,
    pub title: String,
    /// The protocol number, the URL, or the path on the office's share.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The SHA-256 (64 lowercase hex digits) of a file the user picked; the
    /// file itself is neither stored nor sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// The file's name, when a digest was computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// RFC 3339 timestamp of when the item was added, and by whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_by: Option<String>,
}

/// Where an area's self-assessment stands (since version 5).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ReviewState {
    /// Being filled in by the area's manager.
    #[default]
    Draft,
    /// Sent to the planning office, sealed.
    Submitted,
    /// Sent back by the office with its comments.
    Returned,
    /// Accepted by the office, with its level where it differs.
    Validated,
}

/// The office's word on one objective of an area.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveReview {
    /// The level the office validates (0 to 4); required for every assessed
    /// objective of a validated area.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "decimal_serde::option"
    )]
    pub level: Option<Decimal>,
    /// Why the validated level differs from the self-assessed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The office's comment (what to fix, when the area is returned).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// The review status of one area (since version 5): see [`crate::cycle`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaStatus {
    pub state: ReviewState,
    /// RFC 3339 timestamp of the latest transition; consolidation keeps the
    /// status with the latest one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_by: Option<String>,
    /// When and by whom the area was last submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_by: Option<String>,
    /// The seal written at submission: SHA-256 of the area's results in
    /// canonical form ([`crate::cycle::seal_area`]), 64 lowercase hex digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<String>,
    /// The office's overall comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The office's word per objective id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub objectives: BTreeMap<String, ObjectiveReview>,
}

/// An earlier state of a progress entry: the measurement (and note) that held
/// from `at` until the next point or the entry's current state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPoint {
    /// RFC 3339 timestamp from which this measurement held (the entry's
    /// `updated_at` when it was recorded).
    pub at: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_level"
    )]
    pub level: Option<u8>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "decimal_serde::option"
    )]
    pub value: Option<Decimal>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_done_on"
    )]
    pub done_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
}

/// Progress by indicator id.
pub type Progress = BTreeMap<String, ProgressEntry>;

/// The review status of each area, by area code (snapshot version 5).
pub type AreaStatuses = BTreeMap<String, AreaStatus>;

/// The progress of per-area objectives: area code → indicator id → entry
/// (snapshot version 3).
pub type ProgressByArea = BTreeMap<String, Progress>;

/// Which result an entry is: an indicator's, and for an indicator of a
/// per-area objective, the area's. `area` is `Some` only for per-area
/// objectives.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ResultKey {
    pub indicator: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}

impl ResultKey {
    /// The one result of an indicator of a shared objective.
    pub fn shared(indicator: impl Into<String>) -> Self {
        ResultKey {
            indicator: indicator.into(),
            area: None,
        }
    }

    /// An area's result for an indicator of a per-area objective.
    pub fn per_area(indicator: impl Into<String>, area: impl Into<String>) -> Self {
        ResultKey {
            indicator: indicator.into(),
            area: Some(area.into()),
        }
    }
}

static NO_AREA_PROGRESS: ProgressByArea = BTreeMap::new();

/// A borrowed read view of every recorded result: shared objectives' entries
/// by indicator, per-area objectives' entries by area and indicator. Scoring,
/// [`crate::LiveScore`], history timelines, diff and merge read through it.
#[derive(Clone, Copy, Debug)]
pub struct Results<'a> {
    pub shared: &'a Progress,
    pub by_area: &'a ProgressByArea,
}

impl<'a> Results<'a> {
    pub fn new(shared: &'a Progress, by_area: &'a ProgressByArea) -> Self {
        Results { shared, by_area }
    }

    /// Shared entries only (a plan without per-area objectives, or a caller
    /// that has not been taught about them yet).
    pub fn shared_only(shared: &'a Progress) -> Self {
        Results {
            shared,
            by_area: &NO_AREA_PROGRESS,
        }
    }

    /// The entry that holds `objective`'s result for `indicator_id` in `area`:
    /// the shared entry for a shared objective (`area` is ignored), the area's
    /// entry for a per-area objective (`None` without an area).
    pub fn entry(
        &self,
        objective: &Objective,
        indicator_id: &str,
        area: Option<&str>,
    ) -> Option<&'a ProgressEntry> {
        match objective.measurement {
            Measurement::Shared => self.shared.get(indicator_id),
            Measurement::PerArea => self.by_area.get(area?)?.get(indicator_id),
        }
    }

    /// The entry stored under `key`, whatever the objective's measurement.
    pub fn get(&self, key: &ResultKey) -> Option<&'a ProgressEntry> {
        match &key.area {
            None => self.shared.get(&key.indicator),
            Some(a) => self.by_area.get(a)?.get(&key.indicator),
        }
    }

    /// Every entry with its key: shared ones by indicator id, then per-area
    /// ones by area code and indicator id.
    pub fn iter(&self) -> impl Iterator<Item = (ResultKey, &'a ProgressEntry)> + 'a {
        let shared = self.shared.iter().map(|(id, e)| (ResultKey::shared(id), e));
        let by_area = self.by_area.iter().flat_map(|(area, p)| {
            p.iter()
                .map(move |(id, e)| (ResultKey::per_area(id, area), e))
        });
        shared.chain(by_area)
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.shared.len() + self.by_area.values().map(BTreeMap::len).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The file people exchange: a plan and its progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    pub plan: Plan,
    #[serde(default)]
    pub progress: Progress,
    /// The progress of per-area objectives, by area code then indicator id
    /// (since version 3; left out when empty). Shared objectives' entries are
    /// only in `progress`, per-area objectives' only here.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub progress_by_area: ProgressByArea,
    /// The one area whose results the file holds (a manager's export; since
    /// version 4). Left out: the file holds every area's results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The review status of each area, by area code (since version 5; left
    /// out when empty: every area is a draft).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub area_status: AreaStatuses,
}

impl LevelValue {
    pub fn as_decimal(&self) -> Option<Decimal> {
        match self {
            LevelValue::Number(d) => Some(*d),
            _ => None,
        }
    }

    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            LevelValue::Date(d) => Some(*d),
            _ => None,
        }
    }
}

impl ProgressEntry {
    /// True when the entry records a measurement (a note alone does not count).
    pub fn is_measured(&self) -> bool {
        self.level.is_some() || self.value.is_some() || self.done_on.is_some()
    }
}

impl Snapshot {
    /// A read view of every recorded result.
    pub fn results(&self) -> Results<'_> {
        Results::new(&self.progress, &self.progress_by_area)
    }

    /// The entry under `key` (see [`ResultKey`]).
    pub fn entry(&self, key: &ResultKey) -> Option<&ProgressEntry> {
        self.results().get(key)
    }

    /// Sets (`Some`) or removes (`None`) the entry under `key`: the shared
    /// map for `area: None`, the area's map otherwise (an area left empty is
    /// dropped). Returns the previous entry.
    pub fn set_entry(
        &mut self,
        key: &ResultKey,
        entry: Option<ProgressEntry>,
    ) -> Option<ProgressEntry> {
        set_entry(&mut self.progress, &mut self.progress_by_area, key, entry)
    }
}

/// [`Snapshot::set_entry`] on the two maps, for callers that keep them apart
/// from a snapshot.
pub fn set_entry(
    shared: &mut Progress,
    by_area: &mut ProgressByArea,
    key: &ResultKey,
    entry: Option<ProgressEntry>,
) -> Option<ProgressEntry> {
    match (&key.area, entry) {
        (None, Some(e)) => shared.insert(key.indicator.clone(), e),
        (None, None) => shared.remove(&key.indicator),
        (Some(a), Some(e)) => by_area
            .entry(a.clone())
            .or_default()
            .insert(key.indicator.clone(), e),
        (Some(a), None) => {
            let area = by_area.get_mut(a)?;
            let before = area.remove(&key.indicator);
            if area.is_empty() {
                by_area.remove(a);
            }
            before
        }
    }
}

impl Objective {
    pub fn is_per_area(&self) -> bool {
        self.measurement == Measurement::PerArea
    }

    /// The areas this objective weighs in, with its weight in each: only an
    /// area's first assignment counts, as in `objectives_of_area` and scoring.
    pub fn area_weights(&self) -> impl Iterator<Item = (&str, Decimal)> {
        self.assignments
            .iter()
            .enumerate()
            .filter(|(i, a)| self.assignments[..*i].iter().all(|b| b.area != a.area))
            .map(|(_, a)| (a.area.as_str(), a.weight))
    }

    /// The areas this objective is assigned to, each once, in order.
    pub fn areas(&self) -> impl Iterator<Item = &str> {
        self.area_weights().map(|(a, _)| a)
    }

    /// The key of this objective's result for `indicator` in `area`: with the
    /// area for a per-area objective, without it for a shared one.
    pub fn result_key(&self, indicator: &str, area: Option<&str>) -> ResultKey {
        ResultKey {
            indicator: indicator.to_string(),
            area: if self.is_per_area() {
                area.map(str::to_string)
            } else {
                None
            },
        }
    }
}

impl Plan {
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.code == code)
    }

    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }

    /// Every indicator with the objective it belongs to.
    pub fn indicators(&self) -> impl Iterator<Item = (&Objective, &Indicator)> {
        self.objectives
            .iter()
            .flat_map(|o| o.indicators.iter().map(move |i| (o, i)))
    }

    pub fn indicator(&self, id: &str) -> Option<(&Objective, &Indicator)> {
        self.indicators().find(|(_, i)| i.id == id)
    }

    /// The objectives weighted in an area, with their weight there.
    pub fn objectives_of_area<'a>(
        &'a self,
        code: &'a str,
    ) -> impl Iterator<Item = (&'a Objective, Decimal)> + 'a {
        self.objectives.iter().filter_map(move |o| {
            o.assignments
                .iter()
                .find(|a| a.area == code)
                .map(|a| (o, a.weight))
        })
    }
}

impl Indicator {
    /// The direction that applies: numbers default to higher-is-better, dates are
    /// always earlier-is-better.
    pub fn effective_direction(&self) -> Direction {
        match self.kind {
            IndicatorKind::Date => Direction::Lower,
            _ => self.direction.unwrap_or_default(),
        }
    }

    pub fn levels(&self) -> [&Level; 3] {
        [&self.threshold, &self.target, &self.excellence]
    }
}

impl Serialize for LevelValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            LevelValue::Empty => s.serialize_none(),
            LevelValue::Number(d) => s.serialize_str(&d.normalize().to_string()),
            // NaiveDate displays as YYYY-MM-DD without chrono's strftime machinery,
            // which would otherwise be linked into the wasm just for this.
            LevelValue::Date(d) => s.serialize_str(&d.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for LevelValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = LevelValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number, a decimal string, an ISO date (YYYY-MM-DD) or null")
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<LevelValue, E> {
                Ok(LevelValue::Empty)
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<LevelValue, E> {
                Ok(LevelValue::Empty)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<LevelValue, E> {
                Ok(LevelValue::Number(Decimal::from(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<LevelValue, E> {
                Ok(LevelValue::Number(Decimal::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<LevelValue, E> {
                decimal_serde::from_f64(v).map(LevelValue::Number)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<LevelValue, E> {
                let t = v.trim();
                if looks_like_date(t) {
                    t.parse::<NaiveDate>()
                        .map(LevelValue::Date)
                        .map_err(|_| E::custom(format!("{v:?} is not a date that exists")))
                } else {
                    decimal_serde::parse_str(t).map(LevelValue::Number)
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A recorded level: a whole number that fits a `u8`, with a message a manager
/// understands otherwise (serde's own says "expected u8"). Which levels are
/// allowed is validation's job.
fn de_level<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    use serde::de::Error;
    match Option::<serde_json::Number>::deserialize(d)? {
        None => Ok(None),
        Some(n) => n
            .as_u64()
            .and_then(|v| u8::try_from(v).ok())
            .map(Some)
            .ok_or_else(|| {
                D::Error::custom(format!(
                    "{n} is not a level: a level is a whole number from 0 to 4"
                ))
            }),
    }
}

/// A completion date: an ISO date (YYYY-MM-DD) that exists, with a message that
/// says which rule failed (chrono's own says "input is out of range").
fn de_done_on<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    use serde::de::Error;
    let Some(s) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    // `FromStr` reads what `Serialize` writes (also years past 9999), so the
    // round trip holds.
    s.parse::<NaiveDate>().map(Some).map_err(|_| {
        if looks_like_date(s.trim()) {
            D::Error::custom(format!("{s:?} is not a date that exists"))
        } else {
            D::Error::custom(format!("{s:?} is not a date in the form YYYY-MM-DD"))
        }
    })
}

fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
