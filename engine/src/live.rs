//! Incremental scoring: a [`Scorecard`] kept up to date one indicator at a time.
//!
//! [`Plan::score`] rescores everything, which on a plan of 10,000 objectives is
//! tens of milliseconds: too slow for every keystroke (issue #6). A
//! [`LiveScore`] owns the scorecard of one plan and progress together with an
//! index of that plan, built once: which objectives hold each indicator, which
//! areas and pillar each objective weighs in, and each area's and pillar's
//! objectives in plan order. [`LiveScore::update_indicator`] then re-levels one
//! indicator and its objective and, only when the objective's level changed,
//! rescores the areas and the pillar it weighs in.
//!
//! Those areas and pillars are re-summed from all their objectives, in plan
//! order, with the same accumulator as [`Plan::score`] — never by subtracting
//! the old level and adding the new one: decimals round at 28 digits and the
//! sums saturate, so that would drift from a fresh score. The result is always
//! equal to `plan.score(progress)`, even on a plan being edited (duplicate ids,
//! unknown areas), which the property tests check after every edit.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::model::{Plan, Progress};
use crate::scoring::{area_weights, indicator_level, pillar_weight, Scorecard, WeightedMean};

/// Where the objectives of one area or pillar are, and where its score goes.
#[derive(Clone, Debug, Default)]
struct Group {
    /// The group's code (area) or id (pillar).
    key: String,
    /// (objective position, its weight here), in plan order.
    members: Vec<(usize, Decimal)>,
    /// Positions in `Scorecard::areas` (or `pillars`) with this code: a plan
    /// being edited may list a code twice, and each line gets the score.
    slots: Vec<usize>,
}

impl Group {
    fn mean(&self, levels: &[Option<Decimal>]) -> WeightedMean {
        let mut acc = WeightedMean::default();
        for &(pos, weight) in &self.members {
            acc.add(weight, levels.get(pos).copied().flatten());
        }
        acc
    }
}

/// The scorecard of a plan and its progress, with what it takes to update it
/// when one indicator's progress changes. Built for one plan: after any change
/// of the plan (or of its scoring options), build a new one.
#[derive(Clone, Debug)]
pub struct LiveScore {
    card: Scorecard,
    /// Indicator id → the position of the last objective that holds it.
    holder: HashMap<String, usize>,
    /// Indicator id → the positions of every objective that holds it, in plan
    /// order, for the rare id held by more than one (a plan being edited).
    holders: HashMap<String, Vec<usize>>,
    /// Objective position → the position of the last objective with its id:
    /// a scorecard has one level per id, that objective's.
    owner: Vec<usize>,
    /// Owner position → every position with its id, for ids listed twice.
    twins: HashMap<usize, Vec<usize>>,
    /// Objective position → the level under its id, as areas and pillars read it.
    levels: Vec<Option<Decimal>>,
    /// The areas (indexes into `areas`) objective `p` weighs in are
    /// `area_refs[area_start[p]..area_start[p + 1]]`.
    area_refs: Vec<usize>,
    area_start: Vec<usize>,
    /// Objective position → its pillar (index into `pillars`), when listed.
    pillar_of: Vec<Option<usize>>,
    areas: Vec<Group>,
    pillars: Vec<Group>,
}

/// Re-sums groups `which` (indexes into `groups`, repeats allowed) from all
/// their objectives' `levels`, and writes each score into its slots of `out`.
fn rescore<T>(
    groups: &[Group],
    mut which: Vec<usize>,
    levels: &[Option<Decimal>],
    out: &mut [T],
    score: impl Fn(&WeightedMean, &str) -> T,
) {
    which.sort_unstable();
    which.dedup();
    for group in which.into_iter().filter_map(|g| groups.get(g)) {
        let acc = group.mean(levels);
        for &slot in &group.slots {
            if let Some(line) = out.get_mut(slot) {
                *line = score(&acc, &group.key);
            }
        }
    }
}

/// Groups by key in order of first listing, with the slots of each key.
fn groups<'a>(keys: impl Iterator<Item = &'a str>) -> (Vec<Group>, HashMap<&'a str, usize>) {
    let mut list: Vec<Group> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (slot, key) in keys.enumerate() {
        let g = *index.entry(key).or_insert_with(|| {
            list.push(Group {
                key: key.to_string(),
                ..Group::default()
            });
            list.len() - 1
        });
        list[g].slots.push(slot);
    }
    (list, index)
}

impl LiveScore {
    /// Scores the whole plan and indexes it.
    pub fn new(plan: &Plan, progress: &Progress) -> Self {
        let (card, levels) = plan.score_with_levels(progress);
        let n = plan.objectives.len();
        let (mut areas, area_index) = groups(plan.areas.iter().map(|a| a.code.as_str()));
        let (mut pillars, pillar_index) = groups(plan.pillars.iter().map(|p| p.id.as_str()));
        let mut holder: HashMap<String, usize> = HashMap::with_capacity(card.indicators.len());
        let mut holders: HashMap<String, Vec<usize>> = HashMap::new();
        let mut area_refs = Vec::with_capacity(n);
        let mut area_start = Vec::with_capacity(n + 1);
        let mut pillar_of = Vec::with_capacity(n);
        for (pos, o) in plan.objectives.iter().enumerate() {
            for i in &o.indicators {
                match holder.insert(i.id.clone(), pos) {
                    Some(before) if before != pos => {
                        let list = holders.entry(i.id.clone()).or_insert_with(|| vec![before]);
                        list.push(pos);
                    }
                    _ => {}
                }
            }
            area_start.push(area_refs.len());
            // Weights in areas the plan does not list are summed by full
            // scoring but shown nowhere, so they are left out here.
            for (code, weight) in area_weights(o) {
                if let Some(&g) = area_index.get(code) {
                    areas[g].members.push((pos, weight));
                    area_refs.push(g);
                }
            }
            let pillar = pillar_index.get(o.pillar.as_str()).copied();
            if let Some(g) = pillar {
                pillars[g].members.push((pos, pillar_weight(o)));
            }
            pillar_of.push(pillar);
        }
        area_start.push(area_refs.len());
        // From the end, the first objective met with an id is its owner.
        let mut owner = vec![0; n];
        let mut owners: HashMap<&str, usize> = HashMap::with_capacity(n);
        let mut twins: HashMap<usize, Vec<usize>> = HashMap::new();
        for (pos, o) in plan.objectives.iter().enumerate().rev() {
            let first = *owners.entry(o.id.as_str()).or_insert(pos);
            owner[pos] = first;
            if first != pos {
                twins
                    .entry(first)
                    .or_insert_with(|| vec![first])
                    .insert(0, pos);
            }
        }
        LiveScore {
            card,
            holder,
            holders,
            owner,
            twins,
            levels,
            area_refs,
            area_start,
            pillar_of,
            areas,
            pillars,
        }
    }

    /// The scores, always equal to `plan.score(progress)`.
    pub fn scorecard(&self) -> &Scorecard {
        &self.card
    }

    /// The scores, without the index.
    pub fn into_scorecard(self) -> Scorecard {
        self.card
    }

    /// Brings the scores up to date after the progress of `indicator_id` (and
    /// nothing else) changed: re-levels the indicator and the objectives that
    /// hold it and, when an objective's level changed, rescores the areas and
    /// the pillar it weighs in. `plan` must be the plan this was built for.
    /// Returns whether any score changed; an id the plan does not have changes
    /// nothing.
    pub fn update_indicator(
        &mut self,
        plan: &Plan,
        progress: &Progress,
        indicator_id: &str,
    ) -> bool {
        let Some(last) = self.holder.get(indicator_id) else {
            return false;
        };
        let holders = self
            .holders
            .get(indicator_id)
            .map_or(std::slice::from_ref(last), Vec::as_slice);
        let entry = progress.get(indicator_id);
        let mut changed = false;

        // The indicator's level, from its last listing as full scoring keeps it.
        let indicator = plan
            .objectives
            .get(*last)
            .and_then(|o| o.indicators.iter().rev().find(|i| i.id == indicator_id));
        if let Some(indicator) = indicator {
            let level = indicator_level(indicator, entry, plan.scoring);
            if let Some(slot) = self.card.indicators.get_mut(indicator_id) {
                if *slot != level {
                    *slot = level;
                    changed = true;
                }
            }
        }

        // An objective id's level is its owner's: re-level the owners that
        // hold the indicator (any other holder's level is not shown).
        let mut areas: Vec<usize> = Vec::new();
        let mut pillars: Vec<usize> = Vec::new();
        for &pos in holders {
            if self.owner.get(pos) != Some(&pos) {
                continue;
            }
            let Some(o) = plan.objectives.get(pos) else {
                continue;
            };
            let level = plan.objective_level(o, progress);
            let Some(slot) = self.card.objectives.get_mut(&o.id) else {
                continue;
            };
            if *slot == level {
                continue;
            }
            *slot = level;
            changed = true;
            let same = self
                .twins
                .get(&pos)
                .map_or(std::slice::from_ref(&pos), Vec::as_slice);
            for &p in same {
                if let Some(l) = self.levels.get_mut(p) {
                    *l = level;
                }
                if let (Some(&a), Some(&b)) = (self.area_start.get(p), self.area_start.get(p + 1)) {
                    areas.extend(self.area_refs.get(a..b).into_iter().flatten());
                }
                pillars.extend(self.pillar_of.get(p).copied().flatten());
            }
        }

        rescore(
            &self.areas,
            areas,
            &self.levels,
            &mut self.card.areas,
            |acc, code| acc.area_score(code),
        );
        rescore(
            &self.pillars,
            pillars,
            &self.levels,
            &mut self.card.pillars,
            |acc, id| acc.pillar_score(id),
        );
        changed
    }
}
