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

use crate::model::{Measurement, Plan, Progress, ResultKey, Results};
use crate::scoring::{
    for_each_weighing, indicator_level, owners, slot_area, Scorecard, Target, WeightedMean,
};

/// Where the objectives of one area or pillar are, and where its score goes.
#[derive(Clone, Debug, Default)]
struct Group {
    /// The group's code (area) or id (pillar).
    key: String,
    /// (level slot, its weight here), in plan order.
    members: Vec<(usize, Decimal)>,
    /// Positions in `Scorecard::areas` (or `pillars`) with this code: a plan
    /// being edited may list a code twice, and each line gets the score.
    slots: Vec<usize>,
}

impl Group {
    fn mean(&self, levels: &[Option<Decimal>]) -> WeightedMean {
        let mut acc = WeightedMean::default();
        for &(slot, weight) in &self.members {
            acc.add(weight, levels.get(slot).copied().flatten());
        }
        acc
    }
}

/// For each slot, the groups it weighs in (repeats allowed): those of slot
/// `s` are `groups[start[s]..start[s + 1]]`. One list for all slots rather
/// than a Vec each: building the index of a 10,000-objective plan allocated
/// two per objective.
#[derive(Clone, Debug, Default)]
struct SlotGroups {
    start: Vec<usize>,
    groups: Vec<usize>,
}

impl SlotGroups {
    /// From (slot, group) pairs in any order, for `n` slots.
    fn new(n: usize, pairs: &[(usize, usize)]) -> Self {
        let mut start = vec![0; n + 1];
        for &(slot, _) in pairs {
            start[slot + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut groups = vec![0; pairs.len()];
        // Pairs of a slot keep their order, as the per-slot lists did.
        for &(slot, g) in pairs {
            groups[next[slot]] = g;
            next[slot] += 1;
        }
        SlotGroups { start, groups }
    }

    fn of(&self, slot: usize) -> &[usize] {
        match (self.start.get(slot), self.start.get(slot + 1)) {
            (Some(&a), Some(&b)) => self.groups.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// The scorecard of a plan and its progress, with what it takes to update it
/// when one result changes. Built for one plan: after any change of the plan
/// (or of its scoring options), build a new one.
#[derive(Clone, Debug)]
pub struct LiveScore {
    card: Scorecard,
    /// Indicator id → the position of the last objective that holds it.
    holder: HashMap<String, usize>,
    /// Indicator id → the positions of every objective that holds it, in plan
    /// order, for the rare id held by more than one (a plan being edited).
    holders: HashMap<String, Vec<usize>>,
    /// Objective position → the position of the last objective with its id:
    /// a scorecard has one level per id (per area when per-area), that one's.
    owner: Vec<usize>,
    /// Owner position → its shared slot (shared owners) or its slot in each
    /// area (per-area owners), into `slots`.
    shared_slot: Vec<Option<usize>>,
    area_slots: HashMap<usize, Vec<(String, usize)>>,
    /// The levels objectives weigh with: an owner's (the last objective
    /// listed under an id), in one area for a per-area owner.
    slots: Vec<Option<Decimal>>,
    slot_areas: SlotGroups,
    slot_pillars: SlotGroups,
    areas: Vec<Group>,
    pillars: Vec<Group>,
}

/// Re-sums groups `which` (indexes into `groups`, repeats allowed) from all
/// their members' levels, and writes each score into its slots of `out`.
/// Returns whether any line changed.
fn rescore<T: PartialEq>(
    groups: &[Group],
    mut which: Vec<usize>,
    levels: &[Option<Decimal>],
    out: &mut [T],
    score: impl Fn(&WeightedMean, &str) -> T,
) -> bool {
    which.sort_unstable();
    which.dedup();
    let mut changed = false;
    for group in which.into_iter().filter_map(|g| groups.get(g)) {
        let acc = group.mean(levels);
        for &slot in &group.slots {
            if let Some(line) = out.get_mut(slot) {
                let new = score(&acc, &group.key);
                if *line != new {
                    *line = new;
                    changed = true;
                }
            }
        }
    }
    changed
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
    /// Scores the whole plan from shared results only and indexes it (see
    /// [`LiveScore::with_results`]).
    pub fn new(plan: &Plan, progress: &Progress) -> Self {
        Self::with_results(plan, Results::shared_only(progress))
    }

    /// Scores the whole plan and indexes it.
    pub fn with_results(plan: &Plan, results: Results) -> Self {
        let (card, memo) = plan.score_with_levels(results);
        let (mut areas, area_index) = groups(plan.areas.iter().map(|a| a.code.as_str()));
        let (mut pillars, pillar_index) = groups(plan.pillars.iter().map(|p| p.id.as_str()));
        let owner = owners(plan);
        let mut holder: HashMap<String, usize> = HashMap::with_capacity(card.indicators.len());
        let mut holders: HashMap<String, Vec<usize>> = HashMap::new();
        let mut slots: Vec<Option<Decimal>> = Vec::with_capacity(plan.objectives.len());
        let mut shared_slot: Vec<Option<usize>> = vec![None; plan.objectives.len()];
        let mut area_slots: HashMap<usize, Vec<(String, usize)>> = HashMap::new();
        let mut area_pairs: Vec<(usize, usize)> = Vec::with_capacity(plan.objectives.len() * 2);
        let mut pillar_pairs: Vec<(usize, usize)> = Vec::with_capacity(plan.objectives.len());
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
            let q = owner[pos];
            let Some(qo) = plan.objectives.get(q) else {
                continue;
            };
            for_each_weighing(o, |target, weight, area| {
                let area = slot_area(qo, area);
                let level = memo.get(q, area).flatten();
                let slot = match area {
                    None => match shared_slot.get(q).copied().flatten() {
                        Some(s) => s,
                        None => {
                            slots.push(level);
                            if let Some(entry) = shared_slot.get_mut(q) {
                                *entry = Some(slots.len() - 1);
                            }
                            slots.len() - 1
                        }
                    },
                    Some(a) => {
                        let list = area_slots.entry(q).or_default();
                        match list.iter().find(|(code, _)| code == a) {
                            Some(&(_, s)) => s,
                            None => {
                                slots.push(level);
                                list.push((a.to_string(), slots.len() - 1));
                                slots.len() - 1
                            }
                        }
                    }
                };
                match target {
                    // Weights in areas the plan does not list are summed by
                    // full scoring but shown nowhere, so they are left out here.
                    Target::Area(code) => {
                        if let Some(&g) = area_index.get(code) {
                            areas[g].members.push((slot, weight));
                            area_pairs.push((slot, g));
                        }
                    }
                    Target::Pillar => {
                        if let Some(&g) = pillar_index.get(o.pillar.as_str()) {
                            pillars[g].members.push((slot, weight));
                            pillar_pairs.push((slot, g));
                        }
                    }
                }
            });
        }
        LiveScore {
            card,
            holder,
            holders,
            owner,
            shared_slot,
            area_slots,
            slot_areas: SlotGroups::new(slots.len(), &area_pairs),
            slot_pillars: SlotGroups::new(slots.len(), &pillar_pairs),
            slots,
            areas,
            pillars,
        }
    }

    /// The scores, always equal to `plan.score_results(results)`.
    pub fn scorecard(&self) -> &Scorecard {
        &self.card
    }

    /// The scores, without the index.
    pub fn into_scorecard(self) -> Scorecard {
        self.card
    }

    /// [`LiveScore::update_result`] for the shared result of `indicator_id`,
    /// from shared results only: for a LiveScore built with
    /// [`LiveScore::new`], or for shared objectives' indicators.
    pub fn update_indicator(
        &mut self,
        plan: &Plan,
        progress: &Progress,
        indicator_id: &str,
    ) -> bool {
        self.update_result(
            plan,
            Results::shared_only(progress),
            &ResultKey::shared(indicator_id),
        )
    }

    /// Brings the scores up to date after the result under `key` (and
    /// nothing else) changed: re-levels the indicator and the objectives that
    /// hold it, in the key's area for a per-area objective, and, when an
    /// objective's level changed, rescores the areas and the pillar it weighs
    /// in with that level (a per-area objective: only the key's area). `plan`
    /// must be the plan this was built for. Returns whether any score
    /// changed; an id the plan does not have changes nothing, and so does a
    /// key whose area part does not fit the objective's measurement.
    pub fn update_result(&mut self, plan: &Plan, results: Results, key: &ResultKey) -> bool {
        let Some(last) = self.holder.get(&key.indicator) else {
            return false;
        };
        let holders = self
            .holders
            .get(&key.indicator)
            .map_or(std::slice::from_ref(last), Vec::as_slice);
        let area = key.area.as_deref();
        let mut changed = false;

        // The indicator's level, from its last listing as full scoring keeps it.
        let mut level: Option<Option<Decimal>> = None;
        for &pos in holders {
            let Some(o) = plan.objectives.get(pos) else {
                continue;
            };
            let fits = match (o.measurement, area) {
                (Measurement::Shared, None) => true,
                (Measurement::PerArea, Some(a)) => o.area_weights().any(|(c, _)| c == a),
                _ => false,
            };
            if !fits {
                continue;
            }
            for i in o.indicators.iter().filter(|i| i.id == key.indicator) {
                level = Some(indicator_level(
                    i,
                    results.entry(o, &i.id, area),
                    plan.scoring,
                ));
            }
        }
        if let Some(level) = level {
            let slot = match area {
                None => self.card.indicators.get_mut(&key.indicator),
                Some(a) => self
                    .card
                    .indicators_by_area
                    .get_mut(&key.indicator)
                    .and_then(|m| m.get_mut(a)),
            };
            if let Some(slot) = slot {
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
            let slot = match (o.measurement, area) {
                (Measurement::Shared, None) => self.shared_slot.get(pos).copied().flatten(),
                (Measurement::PerArea, Some(a)) => self
                    .area_slots
                    .get(&pos)
                    .and_then(|l| l.iter().find(|(c, _)| c == a))
                    .map(|(_, s)| *s),
                _ => None,
            };
            let level = plan.objective_level_in(o, results, area);
            // The scorecard's line, when the owner is shown there in this area.
            let line = match area {
                None => self.card.objectives.get_mut(&o.id),
                Some(a) => self
                    .card
                    .objectives_by_area
                    .get_mut(&o.id)
                    .and_then(|m| m.get_mut(a)),
            };
            if let Some(line) = line {
                if *line != level {
                    *line = level;
                    changed = true;
                }
            }
            let Some(slot) = slot else {
                continue;
            };
            let Some(line) = self.slots.get_mut(slot) else {
                continue;
            };
            if *line == level {
                continue;
            }
            // Not `changed` by itself: a level that only an unlisted area
            // weighs with changes nothing shown.
            *line = level;
            areas.extend(self.slot_areas.of(slot));
            pillars.extend(self.slot_pillars.of(slot));
        }

        changed |= rescore(
            &self.areas,
            areas,
            &self.slots,
            &mut self.card.areas,
            |acc, code| acc.area_score(code),
        );
        changed |= rescore(
            &self.pillars,
            pillars,
            &self.slots,
            &mut self.card.pillars,
            |acc, id| acc.pillar_score(id),
        );
        changed
    }
}
