//! Deterministic synthetic plans and progress for benchmarks (feature `synthetic`).
//!
//! The 2023 plan has 9 areas and 58 objectives; the performance budgets also
//! ask what happens with a plan of a whole university over years (thousands of
//! objectives, hundreds of areas) and with large snapshot files. These generators
//! build such plans from a seed, so the native, the wasm and the browser
//! benchmarks all work on the same data without shipping megabytes of fixtures.
//! Every generated snapshot passes validation: ids are unique, levels are in
//! order and every area's weights sum to exactly 100. About one objective in
//! six is measured per area (one in four of those weighted in several areas,
//! as in the 2023 plan), so that scoring, the keystroke and the import are
//! measured with per-area results too.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{
    Aggregation, Area, Assignment, Direction, Indicator, IndicatorKind, Level, LevelValue,
    Measurement, Objective, Pillar, Plan, Progress, ProgressByArea, ProgressEntry, ResultKey,
    Scale, ScoringOptions, Snapshot,
};

/// A small, fast, seedable generator (SplitMix64): benchmarks need the same
/// numbers on every platform, not statistical quality, and no dependency.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

const PILLARS: [(&str, &str); 6] = [
    ("persone", "Le persone"),
    ("formazione", "La formazione"),
    ("ricerca", "La ricerca"),
    ("terza-missione", "La terza missione"),
    ("sostenibilita", "La sostenibilità"),
    ("organizzazione", "L'organizzazione"),
];

/// The id of the `i`-th area (`A001`, `A002`, ...).
pub fn area_code(i: usize) -> String {
    format!("A{:03}", i + 1)
}

/// The id of the `i`-th objective (`obj-00001`, ...).
pub fn objective_id(i: usize) -> String {
    format!("obj-{:05}", i + 1)
}

fn date(y: i32, m: u32, d: u32) -> LevelValue {
    NaiveDate::from_ymd_opt(y, m, d).map_or(LevelValue::Empty, LevelValue::Date)
}

fn level(value: LevelValue, description: String) -> Level {
    Level { value, description }
}

/// One indicator of kind milestone, number or date, with levels in order.
fn indicator(id: String, kind: IndicatorKind, rng: &mut Rng) -> Indicator {
    let (direction, unit, [t, g, e]) = match kind {
        IndicatorKind::Milestone => (
            None,
            None,
            [
                LevelValue::Number(Decimal::ONE),
                LevelValue::Number(Decimal::from(3)),
                LevelValue::Number(Decimal::from(4)),
            ],
        ),
        IndicatorKind::Number => {
            let base = 50 + rng.below(500) as i64;
            (
                Some(Direction::Higher),
                Some("unità".to_string()),
                [
                    LevelValue::Number(Decimal::from(base)),
                    LevelValue::Number(Decimal::from(base + 20)),
                    LevelValue::Number(Decimal::from(base + 50)),
                ],
            )
        }
        IndicatorKind::Date => (
            None,
            None,
            [date(2023, 12, 31), date(2023, 10, 31), date(2023, 9, 30)],
        ),
    };
    Indicator {
        description: Some(format!("Indicatore sintetico {id}")),
        threshold: level(t, "Soglia: risultato minimo atteso".into()),
        target: level(g, "Target: risultato atteso".into()),
        excellence: level(e, "Eccellenza: risultato oltre le attese".into()),
        id,
        label: None,
        kind,
        unit,
        direction,
        // Counts and amounts: nothing below zero.
        scale: (kind == IndicatorKind::Number).then(Scale::non_negative),
        evidence_required: false,
    }
}

/// A valid plan of `objectives` objectives over `areas` areas. Each objective
/// has one or two indicators (milestone, number or date in turn) and is weighted
/// in one to three areas; every area has at least one objective (when there
/// are at least as many objectives as areas) and weights that sum to 100.
pub fn plan(objectives: usize, areas: usize, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
    let areas = areas.max(1);
    let area_list: Vec<Area> = (0..areas)
        .map(|i| Area {
            code: area_code(i),
            name: format!("Area sintetica {:03}", i + 1),
        })
        .collect();
    let kinds = [
        IndicatorKind::Milestone,
        IndicatorKind::Number,
        IndicatorKind::Date,
    ];
    let mut list = Vec::with_capacity(objectives);
    // For each area, the (objective, assignment) positions that weigh in it.
    let mut slots: Vec<Vec<(usize, usize)>> = vec![Vec::new(); areas];
    let mut indicator_no = 0usize;
    for i in 0..objectives {
        let id = objective_id(i);
        // Round robin first, so that every area gets an objective; then up to
        // two more distinct areas at random.
        let mut assigned = vec![i % areas];
        for _ in 0..rng.below(3) {
            let a = rng.below(areas as u64) as usize;
            if !assigned.contains(&a) {
                assigned.push(a);
            }
        }
        for (k, &a) in assigned.iter().enumerate() {
            slots[a].push((i, k));
        }
        let n_indicators = 1 + rng.below(2) as usize;
        let indicators = (0..n_indicators)
            .map(|k| {
                let kind = kinds[indicator_no % kinds.len()];
                indicator_no += 1;
                indicator(format!("{id}-i{}", k + 1), kind, &mut rng)
            })
            .collect();
        list.push(Objective {
            pillar: PILLARS[i % PILLARS.len()].0.to_string(),
            strategic_objective: None,
            title: format!("Obiettivo sintetico {}", i + 1),
            purpose: "Obiettivo generato per misurare le prestazioni".into(),
            responsible: vec!["DG".into()],
            assignments: assigned
                .iter()
                .map(|&a| Assignment {
                    area: area_code(a),
                    weight: Decimal::ZERO,
                })
                .collect(),
            other_structures: Vec::new(),
            aggregation: if n_indicators > 1 && rng.below(2) == 0 {
                Aggregation::All
            } else {
                Aggregation::Mean
            },
            // Decided without the generator, so the rest of the plan is as it
            // was before per-area objectives existed.
            measurement: if assigned.len() > 1 && i % 4 == 0 {
                Measurement::PerArea
            } else {
                Measurement::Shared
            },
            indicators,
            note: None,
            id,
        });
    }
    assign_weights(&mut list, &slots, &mut rng);
    Plan {
        id: format!("synthetic-{objectives}x{areas}-{seed}"),
        title: format!("Piano sintetico: {objectives} obiettivi, {areas} aree"),
        year: 2023,
        scoring: ScoringOptions::default(),
        areas: area_list,
        pillars: PILLARS
            .iter()
            .map(|(id, name)| Pillar {
                id: (*id).into(),
                name: (*name).into(),
            })
            .collect(),
        strategic_objectives: Vec::new(),
        structures: Vec::new(),
        objectives: list,
        source: Some("cruscotto_engine::synthetic".into()),
        self_assessment_deadline: None,
        monitoring_date: None,
        adoption: None,
        revisions: Vec::new(),
        unrecorded: Vec::new(),
    }
}

/// Gives every area random weights in hundredths that sum to exactly 100;
/// `slots[area]` lists the (objective, assignment) positions in that area.
fn assign_weights(objectives: &mut [Objective], slots: &[Vec<(usize, usize)>], rng: &mut Rng) {
    const TOTAL: u64 = 10_000; // 100.00 in hundredths
    for slot in slots.iter().filter(|s| !s.is_empty()) {
        // Every share at least one hundredth, the rest spread at random.
        let raw: Vec<u64> = slot.iter().map(|_| 1 + rng.below(100)).collect();
        let sum: u64 = raw.iter().sum();
        let spare = TOTAL.saturating_sub(slot.len() as u64);
        let mut shares: Vec<u64> = raw.iter().map(|r| 1 + r * spare / sum).collect();
        let given: u64 = shares.iter().sum();
        if let Some(last) = shares.last_mut() {
            *last += TOTAL.saturating_sub(given);
        }
        for (&(oi, ai), share) in slot.iter().zip(shares) {
            objectives[oi].assignments[ai].weight = Decimal::new(share as i64, 2);
        }
    }
}

/// The shared part of [`full_results`]: a measurement for every indicator
/// of `plan`'s shared objectives.
pub fn full_progress(plan: &Plan, seed: u64, note_len: usize) -> Progress {
    full_results(plan, seed, note_len).0
}

/// A measurement for every result of `plan` (every indicator of a shared
/// objective, every indicator of a per-area objective in each of its areas),
/// each with a timestamp, so that nothing is provisional. `note_len` adds a
/// note of that many characters to every entry (to make files of a given
/// size). Returns the shared and the per-area progress.
pub fn full_results(plan: &Plan, seed: u64, note_len: usize) -> (Progress, ProgressByArea) {
    let mut rng = Rng::new(seed);
    let note = (note_len > 0).then(|| "nota di avanzamento ".repeat(note_len / 20 + 1));
    let keys: Vec<(ResultKey, &Indicator)> = plan
        .objectives
        .iter()
        .flat_map(|o| {
            o.indicators.iter().flat_map(move |ind| {
                let areas: Vec<Option<&str>> = if o.is_per_area() {
                    o.areas().map(Some).collect()
                } else {
                    vec![None]
                };
                areas
                    .into_iter()
                    .map(move |a| (o.result_key(&ind.id, a), ind))
            })
        })
        .collect();
    let (mut shared, mut by_area) = (Progress::new(), ProgressByArea::new());
    for (key, ind) in keys {
        let entry = {
            let mut entry = ProgressEntry {
                updated_at: Some(format!(
                    "2023-{:02}-{:02}T{:02}:{:02}:{:02}Z",
                    1 + rng.below(12),
                    1 + rng.below(28),
                    rng.below(24),
                    rng.below(60),
                    rng.below(60)
                )),
                updated_by: Some(format!("dirigente-{}", rng.below(50))),
                note: note.as_ref().map(|n| n[..note_len].to_string()),
                ..ProgressEntry::default()
            };
            match ind.kind {
                IndicatorKind::Milestone => entry.level = Some([0, 1, 3, 4][rng.below(4) as usize]),
                IndicatorKind::Number => {
                    let base = ind.threshold.value.as_decimal().unwrap_or_default();
                    entry.value = Some(base + Decimal::new(rng.below(8000) as i64 - 1000, 2));
                }
                IndicatorKind::Date => {
                    entry.done_on = NaiveDate::from_ymd_opt(2023, 8, 1)
                        .and_then(|d| d.checked_add_days(chrono::Days::new(rng.below(180))));
                }
            }
            entry
        };
        crate::model::set_entry(&mut shared, &mut by_area, &key, Some(entry));
    }
    (shared, by_area)
}

/// A snapshot of [`plan`] with [`full_progress`].
pub fn snapshot(objectives: usize, areas: usize, seed: u64, note_len: usize) -> Snapshot {
    let plan = plan(objectives, areas, seed);
    let (progress, by_area) = full_results(&plan, seed.wrapping_add(1), note_len);
    Snapshot::with_results(plan, progress, by_area, Some("2023-12-31T12:00:00Z".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    #[test]
    fn a_large_synthetic_snapshot_is_valid_with_weights_of_exactly_100() {
        let s = snapshot(2_000, 40, 7, 10);
        let report = validate(&s);
        assert!(report.is_valid(), "{:?}", report.errors);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        let per_area: Vec<_> = s
            .plan
            .objectives
            .iter()
            .filter(|o| o.is_per_area())
            .collect();
        let share = per_area.len() * 100 / s.plan.objectives.len();
        assert!((10..=25).contains(&share), "{share}% per area");
        let results = per_area
            .iter()
            .map(|o| o.indicators.len() * o.areas().count())
            .sum::<usize>()
            + s.plan
                .objectives
                .iter()
                .filter(|o| !o.is_per_area())
                .map(|o| o.indicators.len())
                .sum::<usize>();
        assert_eq!(s.results().len(), results);
    }

    #[test]
    fn the_same_seed_gives_the_same_plan_and_another_seed_another() {
        assert_eq!(plan(100, 10, 1), plan(100, 10, 1));
        assert_ne!(plan(100, 10, 1), plan(100, 10, 2));
    }

    #[test]
    fn every_area_is_fully_scored_with_full_progress() {
        let s = snapshot(300, 20, 3, 0);
        let card = s.score();
        assert!(card
            .areas
            .iter()
            .all(|a| a.score.is_some() && !a.provisional));
    }
}
