//! The engine benchmarks of scripts/bench.sh, written once and run twice: by the
//! native binary (`src/main.rs`, with `std::time::Instant`) and in the browser
//! (this crate compiled to wasm, with `performance.now()`), so that the two
//! columns of the table measure the same code on the same data.
//!
//! Plain timing loops rather than criterion: the figures go into a table next
//! to budgets that are tens of milliseconds wide, a median of a few runs is
//! enough, and criterion would cost minutes of compiling on the build machines.

use cruscotto_engine::merge::merge;
use cruscotto_engine::snapshot::import;
use cruscotto_engine::{
    default_snapshot, set_entry, synthetic, IndicatorKind, LiveScore, Measurement, Progress,
    ProgressByArea, ProgressEntry, ResultKey, Results, Snapshot,
};
use serde_json::{json, Value};

/// The large plan of the budgets (issue #6): 10,000 objectives over 200 areas.
pub const SYNTHETIC_OBJECTIVES: usize = 10_000;
pub const SYNTHETIC_AREAS: usize = 200;
/// The plan of the "5 MB snapshot": sized (objectives, note length) so that its
/// file, with a measurement and a note for every indicator, is about 5 MB.
pub const BIG_OBJECTIVES: usize = 2_900;
pub const BIG_AREAS: usize = 58;
pub const BIG_NOTE_LEN: usize = 60;
/// How many snapshots of the big plan the merge benchmark consolidates.
pub const MERGED_SNAPSHOTS: usize = 10;
pub const SEED: u64 = 2023;

/// The 10,000-objective plan with every indicator measured.
pub fn synthetic_snapshot() -> Snapshot {
    synthetic::snapshot(SYNTHETIC_OBJECTIVES, SYNTHETIC_AREAS, SEED, 0)
}

/// The ~5 MB snapshot, as the file people would exchange.
pub fn big_snapshot_json() -> String {
    synthetic::snapshot(BIG_OBJECTIVES, BIG_AREAS, SEED, BIG_NOTE_LEN).to_json()
}

/// A keystroke on the synthetic plan, as the browser benchmark types it: the
/// number indicator of a one-indicator objective (the one weighed in the most
/// areas) measured as asked (for a per-area objective, its result in its
/// first area), alternately below threshold and above excellence so that
/// every run changes its objective's level and so rescores its areas (a
/// per-area objective: that area) and pillar.
struct Keystroke {
    live: LiveScore,
    progress: Progress,
    by_area: ProgressByArea,
    key: ResultKey,
    entries: [ProgressEntry; 2],
    runs: usize,
}

impl Keystroke {
    fn new(s: &Snapshot, measurement: Measurement) -> Option<Self> {
        let o = s
            .plan
            .objectives
            .iter()
            .filter(|o| o.indicators.len() == 1 && o.indicators[0].kind == IndicatorKind::Number)
            .filter(|o| o.measurement == measurement)
            .max_by_key(|o| o.assignments.len())?;
        let ind = &o.indicators[0];
        let (s_, e) = (
            ind.threshold.value.as_decimal()?,
            ind.excellence.value.as_decimal()?,
        );
        // Past each end by the width of the bands: levels 0 and 4 whatever
        // the direction.
        let entries = [s_ - (e - s_), e + (e - s_)].map(|v| ProgressEntry {
            value: Some(v),
            ..ProgressEntry::default()
        });
        // Starts below threshold, so that the first keystroke (above
        // excellence) changes the level whatever the generated value was.
        let key = o.result_key(&ind.id, o.areas().next());
        let (mut progress, mut by_area) = (s.progress.clone(), s.progress_by_area.clone());
        set_entry(&mut progress, &mut by_area, &key, Some(entries[0].clone()));
        Some(Keystroke {
            live: LiveScore::with_results(&s.plan, Results::new(&progress, &by_area)),
            progress,
            by_area,
            key,
            entries,
            runs: 0,
        })
    }

    /// Records the next value and updates the scores; true when they changed.
    fn type_next(&mut self, s: &Snapshot) -> bool {
        self.runs += 1;
        let entry = self.entries[self.runs % 2].clone();
        set_entry(
            &mut self.progress,
            &mut self.by_area,
            &self.key,
            Some(entry),
        );
        self.live.update_result(
            &s.plan,
            Results::new(&self.progress, &self.by_area),
            &self.key,
        )
    }
}

/// Times `f` `runs` times and returns the median and the fastest run, in ms.
fn time<T>(now: &dyn Fn() -> f64, runs: usize, mut f: impl FnMut() -> T) -> Value {
    let mut samples: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t0 = now();
            std::hint::black_box(f());
            now() - t0
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    json!({
        "median_ms": samples[samples.len() / 2],
        "min_ms": samples[0],
        "runs": samples.len(),
    })
}

/// Runs every engine benchmark; `now` returns milliseconds from any origin.
/// Fixtures are built before the clock starts.
pub fn run(now: &dyn Fn() -> f64) -> Value {
    // The 2023 plan with every indicator measured (the worst case of scoring).
    let polimi = {
        let mut s = default_snapshot();
        (s.progress, s.progress_by_area) = synthetic::full_results(&s.plan, SEED, 0);
        s
    };
    let synth = synthetic_snapshot();
    let big = big_snapshot_json();
    let big_plan = synthetic::plan(BIG_OBJECTIVES, BIG_AREAS, SEED);
    let to_merge: Vec<Snapshot> = (0..MERGED_SNAPSHOTS as u64)
        .map(|i| {
            let (progress, by_area) =
                synthetic::full_results(&big_plan, SEED + 100 + i, BIG_NOTE_LEN);
            Snapshot::with_results(big_plan.clone(), progress, by_area, None)
        })
        .collect();
    let imported_ok = import(big.as_bytes()).is_ok();
    let mut keystroke = Keystroke::new(&synth, Measurement::Shared);
    let mut keystroke_area = Keystroke::new(&synth, Measurement::PerArea);
    // Every timed keystroke must change the scores, or it would time nothing.
    let keystroke_ok = keystroke
        .as_mut()
        .is_some_and(|k| k.type_next(&synth) && k.type_next(&synth));
    let keystroke_area_ok = keystroke_area
        .as_mut()
        .is_some_and(|k| k.type_next(&synth) && k.type_next(&synth));
    let merged_ok = merge(&to_merge).is_ok();

    json!({
        "score_2023": time(now, 51, || polimi.score()),
        "score_synthetic": time(now, 7, || synth.score()),
        "live_new_synthetic": time(now, 7, || LiveScore::with_results(&synth.plan, synth.results())),
        "update_indicator_synthetic": time(now, 101, || {
            keystroke.as_mut().map(|k| k.type_next(&synth))
        }),
        "update_result_per_area_synthetic": time(now, 101, || {
            keystroke_area.as_mut().map(|k| k.type_next(&synth))
        }),
        "import_5mb": time(now, 7, || import(big.as_bytes())),
        "merge_10": time(now, 5, || merge(&to_merge)),
        "data": {
            "polimi_objectives": polimi.plan.objectives.len(),
            "synthetic_objectives": synth.plan.objectives.len(),
            "synthetic_areas": synth.plan.areas.len(),
            "synthetic_indicators": synth.progress.len(),
            "synthetic_results": synth.results().len(),
            "synthetic_per_area_objectives": synth.plan.objectives.iter().filter(|o| o.is_per_area()).count(),
            "keystroke_indicator": keystroke.as_ref().map(|k| k.key.indicator.clone()),
            "keystroke_ok": keystroke_ok,
            "keystroke_per_area": keystroke_area.as_ref().map(|k| k.key.clone()),
            "keystroke_per_area_ok": keystroke_area_ok,
            "big_snapshot_bytes": big.len(),
            "big_objectives": BIG_OBJECTIVES,
            "big_areas": BIG_AREAS,
            "big_import_ok": imported_ok,
            "merged_snapshots": MERGED_SNAPSHOTS,
            "merge_ok": merged_ok,
        },
    })
}

/// The browser entry point: runs [`run`] with `performance.now()` and returns
/// the results as JSON text.
#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance)]
        fn now() -> f64;
    }

    #[wasm_bindgen]
    pub fn run_benches() -> String {
        super::run(&now).to_string()
    }
}
