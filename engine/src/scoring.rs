//! Scoring: progress → indicator levels → objective levels → weighted area scores.
//!
//! The scale is anchored by the Allegato: threshold (Soglia) = 1, target = 3,
//! excellence (Eccellenza) = 4, below threshold = 0. All arithmetic is exact
//! (`rust_decimal`); rounding happens only in [`round2`], at output.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::model::{
    Aggregation, Direction, Indicator, IndicatorKind, Measurement, NumericMode, Objective, Plan,
    Progress, ProgressEntry, ResultKey, Results, ScoringOptions,
};

/// The level for "at target": percent of target is measured against it.
pub const TARGET_LEVEL: Decimal = Decimal::from_parts(3, 0, 0, false, 0);
pub const MAX_LEVEL: Decimal = Decimal::from_parts(4, 0, 0, false, 0);

/// Rounds for display and export: 2 decimals, half away from zero.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The level of a number indicator for a measured value.
///
/// Lower-is-better indicators are scored by negating every value, which mirrors
/// every comparison at once instead of keeping a second copy of the rules.
pub fn number_level(
    x: Decimal,
    levels: [Decimal; 3],
    direction: Direction,
    mode: NumericMode,
) -> Decimal {
    let [s, t, e] = levels;
    let (x, s, t, e) = match direction {
        Direction::Higher => (x, s, t, e),
        Direction::Lower => (-x, -s, -t, -e),
    };
    // Checking from the top down means a degenerate band (S = T or T = E) is
    // never entered, so its zero width is never divided by.
    if x >= e {
        MAX_LEVEL
    } else if x >= t {
        match mode {
            NumericMode::Step => TARGET_LEVEL,
            NumericMode::Linear => TARGET_LEVEL + band_fraction(Decimal::ONE, x, t, e),
        }
    } else if x >= s {
        match mode {
            NumericMode::Step => Decimal::ONE,
            NumericMode::Linear => Decimal::ONE + band_fraction(Decimal::TWO, x, s, t),
        }
    } else {
        Decimal::ZERO
    }
}

/// `k·(x − a)/(b − a)` for `a ≤ x < b`, so at most `k`. When the band is wider
/// than a Decimal holds (levels near ±7.9e28), it is computed on quarters,
/// which cannot overflow, instead of panicking on a hostile plan. The choice is
/// made per band, not per value, so the level never steps back where one
/// computation would take over from the other.
fn band_fraction(k: Decimal, x: Decimal, a: Decimal, b: Decimal) -> Decimal {
    match b.checked_sub(a).and_then(|width| width.checked_mul(k)) {
        // 0 ≤ x − a < b − a, so k·(x − a) fits as well.
        Some(_) => (x - a) * k / (b - a),
        None => {
            let q = Decimal::from(4);
            k * ((x / q - a / q) / (b / q - a / q))
        }
    }
}

/// The level of a deadline: on or before the excellence date 4, the target date 3,
/// the threshold date 1, later 0.
pub fn date_level(done_on: NaiveDate, levels: [NaiveDate; 3]) -> Decimal {
    let [s, t, e] = levels;
    if done_on <= e {
        MAX_LEVEL
    } else if done_on <= t {
        TARGET_LEVEL
    } else if done_on <= s {
        Decimal::ONE
    } else {
        Decimal::ZERO
    }
}

/// The level reached by one indicator, or `None` when it is not assessed (or
/// its recorded value does not fit its kind, which validation reports).
pub fn indicator_level(
    indicator: &Indicator,
    entry: Option<&ProgressEntry>,
    options: ScoringOptions,
) -> Option<Decimal> {
    let entry = entry?;
    // A missed deadline or a failed number may be recorded directly as a level.
    if let Some(level) = entry.level {
        let allowed = match indicator.kind {
            IndicatorKind::Milestone => {
                matches!(level, 0 | 1 | 3 | 4) || (level == 2 && options.intermediate_level)
            }
            _ => level == 0,
        };
        return allowed.then(|| Decimal::from(level));
    }
    match indicator.kind {
        IndicatorKind::Milestone => None,
        IndicatorKind::Number => {
            let x = entry.value?;
            let levels = number_levels(indicator)?;
            Some(number_level(
                x,
                levels,
                indicator.effective_direction(),
                options.numeric,
            ))
        }
        IndicatorKind::Date => {
            let d = entry.done_on?;
            Some(date_level(d, date_levels(indicator)?))
        }
    }
}

/// The three decimal level values of a number indicator, when all are present.
pub fn number_levels(indicator: &Indicator) -> Option<[Decimal; 3]> {
    Some([
        indicator.threshold.value.as_decimal()?,
        indicator.target.value.as_decimal()?,
        indicator.excellence.value.as_decimal()?,
    ])
}

/// The three deadlines of a date indicator, when all are present.
pub fn date_levels(indicator: &Indicator) -> Option<[NaiveDate; 3]> {
    Some([
        indicator.threshold.value.as_date()?,
        indicator.target.value.as_date()?,
        indicator.excellence.value.as_date()?,
    ])
}

/// Combines indicator levels; `None` unless every indicator is assessed, because
/// an objective half-assessed is not "0", it is not assessed yet.
pub fn objective_level(
    levels: impl IntoIterator<Item = Option<Decimal>>,
    aggregation: Aggregation,
) -> Option<Decimal> {
    let mut n = 0u32;
    let mut sum = Decimal::ZERO;
    let mut min: Option<Decimal> = None;
    for level in levels {
        let l = level?;
        n += 1;
        sum += l;
        min = Some(min.map_or(l, |m| m.min(l)));
    }
    if n == 0 {
        return None;
    }
    match aggregation {
        Aggregation::Mean => Some(sum / Decimal::from(n)),
        Aggregation::All => min,
    }
}

/// The score of one area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AreaScore {
    pub area: String,
    /// Σ(weight · level) / Σ(weight) over assessed objectives; `None` if none is.
    pub score: Option<Decimal>,
    pub percent_of_target: Option<Decimal>,
    pub assessed_weight: Decimal,
    pub total_weight: Decimal,
    /// Some weighted objective is not assessed yet, so the score may still move.
    pub provisional: bool,
    pub objectives: usize,
    pub assessed_objectives: usize,
}

/// The score of one pillar: objectives weighted by their total weight across areas.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PillarScore {
    pub pillar: String,
    pub score: Option<Decimal>,
    pub percent_of_target: Option<Decimal>,
    pub assessed_weight: Decimal,
    pub total_weight: Decimal,
    pub provisional: bool,
}

/// Everything computed from a plan and its progress, unrounded.
///
/// Shared objectives and their indicators have one level each, in
/// `objectives` and `indicators`. Per-area objectives have no single level:
/// theirs, and their indicators', are by area in `objectives_by_area` and
/// `indicators_by_area` (id → area code → level), and are not in the first
/// two maps. [`Scorecard::objective_in`] and [`Scorecard::indicator_in`] read
/// an area's level whatever the measurement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scorecard {
    pub indicators: BTreeMap<String, Option<Decimal>>,
    pub objectives: BTreeMap<String, Option<Decimal>>,
    /// Indicators of per-area objectives: id → area code → level.
    pub indicators_by_area: BTreeMap<String, BTreeMap<String, Option<Decimal>>>,
    /// Per-area objectives: id → area code → level.
    pub objectives_by_area: BTreeMap<String, BTreeMap<String, Option<Decimal>>>,
    pub areas: Vec<AreaScore>,
    pub pillars: Vec<PillarScore>,
}

/// Accumulates a weighted mean of levels over assessed items. Full scoring
/// ([`Plan::score`]) and incremental scoring ([`crate::live::LiveScore`]) both
/// feed one per area and per pillar, objective by objective in plan order, so
/// their decimals are identical.
#[derive(Default)]
pub(crate) struct WeightedMean {
    weighted: Decimal,
    assessed: Decimal,
    total: Decimal,
    items: usize,
    assessed_items: usize,
}

impl WeightedMean {
    // Saturating: absurd weights (near 7.9e28) give an imprecise score, still
    // within 0..=4, rather than a panic.
    pub(crate) fn add(&mut self, weight: Decimal, level: Option<Decimal>) {
        self.total = self.total.saturating_add(weight);
        self.items += 1;
        if let Some(l) = level {
            self.weighted = self.weighted.saturating_add(weight.saturating_mul(l));
            self.assessed = self.assessed.saturating_add(weight);
            self.assessed_items += 1;
        }
    }

    fn score(&self) -> Option<Decimal> {
        // Checked: negative weights (an error, but scored while a plan is being
        // edited) can leave a tiny divisor.
        (self.assessed_items > 0 && !self.assessed.is_zero())
            .then(|| self.weighted.checked_div(self.assessed))
            .flatten()
    }

    fn provisional(&self) -> bool {
        self.assessed < self.total || self.assessed_items < self.items
    }

    /// The score of area `code` from its objectives' weights and levels.
    pub(crate) fn area_score(&self, code: &str) -> AreaScore {
        let score = self.score();
        AreaScore {
            area: code.to_string(),
            score,
            percent_of_target: score.map(percent_of_target),
            assessed_weight: self.assessed,
            total_weight: self.total,
            provisional: self.provisional(),
            objectives: self.items,
            assessed_objectives: self.assessed_items,
        }
    }

    /// The score of pillar `id` from its objectives' weights and levels.
    pub(crate) fn pillar_score(&self, id: &str) -> PillarScore {
        let score = self.score();
        PillarScore {
            pillar: id.to_string(),
            score,
            percent_of_target: score.map(percent_of_target),
            assessed_weight: self.assessed,
            total_weight: self.total,
            provisional: self.provisional(),
        }
    }
}

/// An objective's weight in its pillar: its weights across all areas.
pub(crate) fn pillar_weight(o: &Objective) -> Decimal {
    o.assignments
        .iter()
        .fold(Decimal::ZERO, |sum, a| sum.saturating_add(a.weight))
}

/// The level of each of an objective's indicators, in order, from the shared
/// results or, for a per-area objective, from `area`'s.
pub(crate) fn indicator_levels(
    objective: &Objective,
    results: Results,
    area: Option<&str>,
    options: ScoringOptions,
) -> Vec<Option<Decimal>> {
    objective
        .indicators
        .iter()
        .map(|i| indicator_level(i, results.entry(objective, &i.id, area), options))
        .collect()
}

/// Percent of target (level 3) for a score.
pub fn percent_of_target(score: Decimal) -> Decimal {
    (score / TARGET_LEVEL).saturating_mul(Decimal::ONE_HUNDRED)
}

/// Objective position → the position of the last objective with its id: a
/// scorecard has one level per id (per area for per-area objectives), that
/// objective's, and every objective listed under the id weighs with it.
pub(crate) fn owners(plan: &Plan) -> Vec<usize> {
    let mut owner = vec![0; plan.objectives.len()];
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(plan.objectives.len());
    for (pos, o) in plan.objectives.iter().enumerate().rev() {
        owner[pos] = *seen.entry(o.id.as_str()).or_insert(pos);
    }
    owner
}

/// The area part of the level an objective weighs with: the area for a
/// per-area objective, none for a shared one (its level is the same in every
/// area).
pub(crate) fn slot_area<'a>(owner: &Objective, area: Option<&'a str>) -> Option<&'a str> {
    match owner.measurement {
        Measurement::Shared => None,
        Measurement::PerArea => area,
    }
}

/// Where an objective weighs: in an area, or in its pillar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target<'a> {
    Area(&'a str),
    Pillar,
}

/// Every weight objective `o` carries, in the order scoring adds them: in each
/// of its areas (its first assignment there), then in its pillar, with the
/// area whose result it carries there (`None`: its shared result). A shared
/// objective weighs in its pillar once, with its weights across all areas; a
/// per-area objective once per area, with that area's weight and result.
/// Calls `f` for each, without collecting them (this runs for every
/// objective of every full score).
pub(crate) fn for_each_weighing<'o>(
    o: &'o Objective,
    mut f: impl FnMut(Target<'o>, Decimal, Option<&'o str>),
) {
    for (a, w) in o.area_weights() {
        f(Target::Area(a), w, Some(a));
    }
    match o.measurement {
        Measurement::Shared => f(Target::Pillar, pillar_weight(o), None),
        Measurement::PerArea => {
            for (a, w) in o.area_weights() {
                f(Target::Pillar, w, Some(a));
            }
        }
    }
}

/// The level each (owner position, area) weighs with, as full scoring
/// computed it; the area is `None` for shared owners. Shared owners' levels
/// by position, per-area owners' in a map.
#[derive(Default)]
pub(crate) struct Levels<'p> {
    shared: Vec<Option<Option<Decimal>>>,
    by_area: HashMap<(usize, &'p str), Option<Decimal>>,
}

impl<'p> Levels<'p> {
    pub(crate) fn get(&self, owner: usize, area: Option<&str>) -> Option<Option<Decimal>> {
        match area {
            None => self.shared.get(owner).copied().flatten(),
            Some(a) => self.by_area.get(&(owner, a)).copied(),
        }
    }

    fn insert(&mut self, owner: usize, area: Option<&'p str>, level: Option<Decimal>) {
        match area {
            None => {
                if let Some(slot) = self.shared.get_mut(owner) {
                    *slot = Some(level);
                }
            }
            Some(a) => {
                self.by_area.insert((owner, a), level);
            }
        }
    }
}

impl Plan {
    /// The level of one objective under this plan's scoring options, from
    /// shared results (a per-area objective has none there: use
    /// [`Plan::objective_level_in`]).
    pub fn objective_level(&self, objective: &Objective, progress: &Progress) -> Option<Decimal> {
        self.objective_level_in(objective, Results::shared_only(progress), None)
    }

    /// The level of one objective in `area`: its shared level for a shared
    /// objective (`area` is ignored), that area's level for a per-area one
    /// (`None` without an area).
    pub fn objective_level_in(
        &self,
        objective: &Objective,
        results: Results,
        area: Option<&str>,
    ) -> Option<Decimal> {
        objective_level(
            indicator_levels(objective, results, area, self.scoring),
            objective.aggregation,
        )
    }

    /// Scores every indicator, objective, area and pillar from shared
    /// results only. Kept for callers that have no per-area results; a
    /// snapshot's scores are [`Plan::score_results`] of
    /// [`crate::Snapshot::results`].
    pub fn score(&self, progress: &Progress) -> Scorecard {
        self.score_results(Results::shared_only(progress))
    }

    /// Scores every indicator, objective, area and pillar: an area's score
    /// uses its own results for per-area objectives.
    pub fn score_results(&self, results: Results) -> Scorecard {
        self.score_with_levels(results).0
    }

    /// [`Plan::score_results`], with the level each (owner, area) weighs
    /// with (see [`owners`] and [`slot_area`]).
    pub(crate) fn score_with_levels<'p>(&'p self, results: Results) -> (Scorecard, Levels<'p>) {
        let owner = owners(self);
        let mut card = Scorecard::default();
        let mut memo = Levels {
            shared: vec![None; self.objectives.len()],
            by_area: HashMap::new(),
        };
        for (pos, o) in self.objectives.iter().enumerate() {
            match o.measurement {
                Measurement::Shared => {
                    let levels = indicator_levels(o, results, None, self.scoring);
                    for (i, l) in o.indicators.iter().zip(&levels) {
                        card.indicators.insert(i.id.clone(), *l);
                    }
                    if owner[pos] == pos {
                        let level = objective_level(levels, o.aggregation);
                        memo.insert(pos, None, level);
                        card.objectives.insert(o.id.clone(), level);
                    }
                }
                Measurement::PerArea => {
                    for i in &o.indicators {
                        card.indicators_by_area.entry(i.id.clone()).or_default();
                    }
                    if owner[pos] == pos {
                        card.objectives_by_area.entry(o.id.clone()).or_default();
                    }
                    for area in o.areas() {
                        let levels = indicator_levels(o, results, Some(area), self.scoring);
                        for (i, l) in o.indicators.iter().zip(&levels) {
                            if let Some(m) = card.indicators_by_area.get_mut(&i.id) {
                                m.insert(area.to_string(), *l);
                            }
                        }
                        if owner[pos] == pos {
                            let level = objective_level(levels, o.aggregation);
                            memo.insert(pos, Some(area), level);
                            if let Some(m) = card.objectives_by_area.get_mut(&o.id) {
                                m.insert(area.to_string(), level);
                            }
                        }
                    }
                }
            }
        }
        // One pass over the objectives feeds every area and pillar: looking each
        // area's objectives up separately is areas × objectives, which a plan of
        // 200 areas and 10,000 objectives feels on every keystroke. Each area
        // still sums its objectives in plan order, so the decimals are identical.
        let mut by_area: HashMap<&str, WeightedMean> = HashMap::new();
        let mut by_pillar: HashMap<&str, WeightedMean> = HashMap::new();
        for (pos, o) in self.objectives.iter().enumerate() {
            let q = owner[pos];
            let Some(qo) = self.objectives.get(q) else {
                continue;
            };
            for_each_weighing(o, |target, weight, area| {
                let area = slot_area(qo, area);
                let level = match memo.get(q, area) {
                    Some(level) => level,
                    None => {
                        let level = self.objective_level_in(qo, results, area);
                        memo.insert(q, area, level);
                        level
                    }
                };
                match target {
                    Target::Area(code) => by_area.entry(code).or_default().add(weight, level),
                    Target::Pillar => by_pillar.entry(&o.pillar).or_default().add(weight, level),
                }
            });
        }
        let empty = WeightedMean::default();
        card.areas = self
            .areas
            .iter()
            .map(|area| {
                let code = area.code.as_str();
                by_area.get(code).unwrap_or(&empty).area_score(code)
            })
            .collect();
        card.pillars = self
            .pillars
            .iter()
            .map(|p| {
                let id = p.id.as_str();
                by_pillar.get(id).unwrap_or(&empty).pillar_score(id)
            })
            .collect();
        (card, memo)
    }
}

impl Scorecard {
    pub fn area(&self, code: &str) -> Option<&AreaScore> {
        self.areas.iter().find(|a| a.area == code)
    }

    pub fn objective(&self, id: &str) -> Option<Decimal> {
        self.objectives.get(id).copied().flatten()
    }

    pub fn indicator(&self, id: &str) -> Option<Decimal> {
        self.indicators.get(id).copied().flatten()
    }

    /// The level objective `id` weighs with in `area`: its area's level when
    /// it is per-area, its one level otherwise.
    pub fn objective_in(&self, id: &str, area: &str) -> Option<Decimal> {
        match self.objectives_by_area.get(id) {
            Some(by_area) => by_area.get(area).copied().flatten(),
            None => self.objective(id),
        }
    }

    /// The level of indicator `id` in `area`: its area's level when its
    /// objective is per-area, its one level otherwise.
    pub fn indicator_in(&self, id: &str, area: &str) -> Option<Decimal> {
        match self.indicators_by_area.get(id) {
            Some(by_area) => by_area.get(area).copied().flatten(),
            None => self.indicator(id),
        }
    }

    /// The level of the result under `key`.
    pub fn result(&self, key: &ResultKey) -> Option<Decimal> {
        match &key.area {
            None => self.indicator(&key.indicator),
            Some(a) => self
                .indicators_by_area
                .get(&key.indicator)
                .and_then(|m| m.get(a))
                .copied()
                .flatten(),
        }
    }

    /// Whether objective `id` has one level per area.
    pub fn is_per_area(&self, id: &str) -> bool {
        self.objectives_by_area.contains_key(id)
    }
}

/// What a number indicator still needs: the value that reaches the next level,
/// or `None` at excellence (or when the levels are missing).
pub fn next_level_value(indicator: &Indicator, current: Option<Decimal>) -> Option<(u8, Decimal)> {
    let [s, t, e] = number_levels(indicator)?;
    let better = |a: Decimal, b: Decimal| match indicator.effective_direction() {
        Direction::Higher => a >= b,
        Direction::Lower => a <= b,
    };
    let steps = [(1u8, s), (3u8, t), (4u8, e)];
    match current {
        None => Some(steps[0]),
        Some(x) => steps.into_iter().find(|(_, v)| !better(x, *v)),
    }
}
