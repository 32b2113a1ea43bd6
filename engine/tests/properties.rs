//! Properties of scoring and of the snapshot format over generated input:
//! levels stay on the scale and move the right way, area scores are weighted
//! means, export/import is lossless, and no input makes anything panic.

mod common;

use std::sync::LazyLock;

use chrono::NaiveDate;
use common::strategies::*;
use common::*;
use cruscotto_engine::scoring::{date_level, number_level};
use cruscotto_engine::snapshot::import;
use cruscotto_engine::*;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        // A failure prints its minimal input; nothing to persist in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Three levels in ascending order, often with ties (S = T, T = E, all equal).
fn ascending_levels() -> impl Strategy<Value = [Decimal; 3]> {
    (any_decimal(), any_decimal(), any_decimal(), 0u8..5).prop_map(|(a, b, c, ties)| {
        let mut v = [a, b, c];
        v.sort();
        match ties {
            1 => v[1] = v[0],
            2 => v[2] = v[1],
            3 => v = [v[0]; 3],
            _ => {}
        }
        v
    })
}

/// Levels in the order their direction requires: ascending for higher is
/// better, descending for lower is better.
fn ordered_levels() -> impl Strategy<Value = ([Decimal; 3], Direction)> {
    (
        ascending_levels(),
        select(vec![Direction::Higher, Direction::Lower]),
    )
        .prop_map(|([s, t, e], dir)| match dir {
            Direction::Higher => ([s, t, e], dir),
            Direction::Lower => ([e, t, s], dir),
        })
}

fn any_mode() -> impl Strategy<Value = NumericMode> {
    select(vec![NumericMode::Step, NumericMode::Linear])
}

/// Deadlines in the required order: threshold latest, excellence earliest.
fn ordered_deadlines() -> impl Strategy<Value = [NaiveDate; 3]> {
    (any_date(), any_date(), any_date()).prop_map(|(a, b, c)| {
        let mut v = [a, b, c];
        v.sort();
        [v[2], v[1], v[0]]
    })
}

fn at_least(a: Decimal, b: Decimal, dir: Direction) -> bool {
    match dir {
        Direction::Higher => a >= b,
        Direction::Lower => a <= b,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn number_level_stays_between_0_and_4(
        x in any_decimal(),
        (levels, dir) in ordered_levels(),
        mode in any_mode(),
    ) {
        let l = number_level(x, levels, dir, mode);
        prop_assert!(l >= Decimal::ZERO && l <= Decimal::from(4), "{l}");
        if mode == NumericMode::Step {
            prop_assert!([0, 1, 3, 4].map(Decimal::from).contains(&l), "{l}");
        }
    }

    #[test]
    fn number_level_reaches_each_printed_level_at_its_value(
        (levels, dir) in ordered_levels(),
        mode in any_mode(),
    ) {
        let [s, t, e] = levels;
        let level = |x| number_level(x, levels, dir, mode);
        prop_assert_eq!(level(e), Decimal::from(4));
        // With ties the higher level wins: reaching T = E is excellence.
        prop_assert!(level(t) >= Decimal::from(3));
        prop_assert!(level(s) >= Decimal::ONE);
    }

    #[test]
    fn number_level_never_gets_worse_as_the_value_gets_better(
        a in any_decimal(),
        b in any_decimal(),
        (levels, dir) in ordered_levels(),
        mode in any_mode(),
    ) {
        let (worse, better) = if at_least(b, a, dir) { (a, b) } else { (b, a) };
        let lw = number_level(worse, levels, dir, mode);
        let lb = number_level(better, levels, dir, mode);
        prop_assert!(lb >= lw, "{worse} → {lw}, {better} → {lb}");
    }

    #[test]
    fn date_level_is_0_1_3_or_4(done in any_date(), levels in ordered_deadlines()) {
        let l = date_level(done, levels);
        prop_assert!([0, 1, 3, 4].map(Decimal::from).contains(&l), "{l}");
    }

    #[test]
    fn finishing_earlier_is_never_worse(
        a in any_date(),
        b in any_date(),
        levels in ordered_deadlines(),
    ) {
        let (earlier, later) = (a.min(b), a.max(b));
        prop_assert!(date_level(earlier, levels) >= date_level(later, levels));
    }

    #[test]
    fn area_score_lies_between_the_lowest_and_highest_assessed_objective(
        objectives in prop::collection::vec(
            (
                1u32..=100,
                prop::collection::vec(select(vec![None, Some(0u8), Some(1), Some(3), Some(4)]), 1..4),
                select(vec![Aggregation::Mean, Aggregation::All]),
            ),
            1..10,
        ),
    ) {
        let mut objs = Vec::new();
        let mut entries = Vec::new();
        for (oi, (weight, grades, aggregation)) in objectives.iter().enumerate() {
            let mut indicators = Vec::new();
            for (ii, grade) in grades.iter().enumerate() {
                let id = format!("m{oi}-{ii}");
                if let Some(g) = grade {
                    entries.push((id.clone(), at_level(*g)));
                }
                indicators.push(milestone(&id));
            }
            let w = weight.to_string();
            let mut o = objective(&format!("o{oi}"), &[("A", w.as_str())], indicators);
            o.aggregation = *aggregation;
            objs.push(o);
        }
        let p = plan(&["A"], objs);
        let pr: Progress = entries.into_iter().collect();
        let card = p.score(&pr);
        let area = card.area("A").expect("area A");
        let assessed: Vec<Decimal> = card.objectives.values().flatten().copied().collect();
        prop_assert_eq!(area.objectives, objectives.len());
        prop_assert_eq!(area.assessed_objectives, assessed.len());
        prop_assert_eq!(area.provisional, assessed.len() < objectives.len());
        match (area.score, assessed.iter().min(), assessed.iter().max()) {
            (None, None, None) => {}
            (Some(score), Some(lo), Some(hi)) => {
                // Exact up to the 28th digit: each w·level is rounded to what a
                // Decimal holds, so a mean of 10/3s may end in …332. Far below
                // the 2 decimals shown; anything larger is a real error.
                let eps = Decimal::new(1, 24);
                prop_assert!(*lo - eps <= score && score <= *hi + eps, "{lo} ≤ {score} ≤ {hi}");
                let pct = area.percent_of_target.expect("a percent with a score");
                prop_assert_eq!(pct, score / Decimal::from(3) * Decimal::ONE_HUNDRED);
            }
            other => prop_assert!(false, "score and assessed objectives disagree: {:?}", other),
        }
    }
}

// ---- The 2023 plan with random progress ----------------------------------------------

/// The embedded plan, parsed once: parsing it in every case would dominate the
/// run time of a debug build.
static PLAN_2023: LazyLock<Plan> = LazyLock::new(|| default_snapshot().plan);

/// The 2023 plan's indicator ids and kinds.
fn indicators_2023() -> Vec<(String, IndicatorKind)> {
    PLAN_2023
        .indicators()
        .map(|(_, i)| (i.id.clone(), i.kind))
        .collect()
}

/// A measurement that fits the kind, as the app would record it.
fn fitting_measure(kind: IndicatorKind) -> BoxedStrategy<ProgressEntry> {
    match kind {
        IndicatorKind::Milestone => select(vec![0u8, 1, 3, 4]).prop_map(at_level).boxed(),
        IndicatorKind::Number => prop_oneof![
            any_decimal().prop_map(|v| ProgressEntry {
                value: Some(v),
                ..Default::default()
            }),
            Just(at_level(0)),
        ]
        .boxed(),
        IndicatorKind::Date => prop_oneof![
            any_date().prop_map(|d| ProgressEntry {
                done_on: Some(d),
                ..Default::default()
            }),
            Just(at_level(0)),
        ]
        .boxed(),
    }
}

/// An RFC 3339 timestamp anywhere from 1970 to 2096, in any offset.
fn any_stamp() -> impl Strategy<Value = String> {
    (0i64..4_000_000_000, -720i32..=720).prop_map(|(secs, offset_min)| {
        let offset = chrono::FixedOffset::east_opt(offset_min * 60).expect("offset");
        chrono::DateTime::from_timestamp(secs, 0)
            .expect("timestamp")
            .with_timezone(&offset)
            .to_rfc3339()
    })
}

/// An entry that fits the kind, with up to three earlier points of history.
fn fitting_entry(kind: IndicatorKind) -> BoxedStrategy<ProgressEntry> {
    let point = (
        fitting_measure(kind),
        any_stamp(),
        prop::option::of(any::<String>()),
        prop::option::of("[A-Za-zÀ-ÿ .'-]{0,30}"),
    )
        .prop_map(|(m, at, note, updated_by)| HistoryPoint {
            at,
            level: m.level,
            value: m.value,
            done_on: m.done_on,
            note,
            updated_by,
        });
    (
        prop_oneof![fitting_measure(kind), Just(ProgressEntry::default())],
        prop::option::of(any::<String>()),
        prop::option::of(any_stamp()),
        prop::option::of("[A-Za-zÀ-ÿ .'-]{0,30}"),
        prop::collection::vec(point, 0..3),
    )
        .prop_map(|(mut entry, note, stamp, by, history)| {
            entry.note = note;
            entry.updated_at = stamp;
            entry.updated_by = by;
            entry.history = history;
            entry
        })
        .boxed()
}

/// Every result of the 2023 plan: the shared indicators', and the per-area
/// objectives' indicators' in each of their areas.
fn result_keys_2023() -> Vec<(ResultKey, IndicatorKind)> {
    PLAN_2023
        .objectives
        .iter()
        .flat_map(|o| {
            o.indicators.iter().flat_map(move |i| {
                let areas: Vec<Option<&str>> = if o.is_per_area() {
                    o.areas().map(Some).collect()
                } else {
                    vec![None]
                };
                areas
                    .into_iter()
                    .map(move |a| (o.result_key(&i.id, a), i.kind))
            })
        })
        .collect()
}

/// Random fitting entries for any of the 2023 plan's results, per-area ones
/// included: (shared progress, per-area progress).
fn results_2023() -> impl Strategy<Value = (Progress, ProgressByArea)> {
    let entries: Vec<_> = result_keys_2023()
        .into_iter()
        .map(|(key, kind)| {
            prop::option::of(fitting_entry(kind)).prop_map(move |e| (key.clone(), e))
        })
        .collect();
    entries.prop_map(|v| {
        let (mut shared, mut by_area) = (Progress::new(), ProgressByArea::new());
        for (key, e) in v {
            set_entry(&mut shared, &mut by_area, &key, e);
        }
        (shared, by_area)
    })
}

fn any_progress_2023() -> impl Strategy<Value = Progress> {
    let mut ids: Vec<String> = indicators_2023().into_iter().map(|(id, _)| id).collect();
    ids.push("not-an-indicator".into());
    prop::collection::btree_map(select(ids), any_entry(), 0..80)
}

proptest! {
    // Each case writes and imports the whole plan (~40 ms in a debug build)
    // with up to 64 random entries, so fewer cases cover plenty of entries.
    #![proptest_config(ProptestConfig { cases: 32, ..config() })]

    #[test]
    fn export_then_import_returns_an_equal_snapshot((pr, by) in results_2023()) {
        let s = Snapshot::with_results(
            PLAN_2023.clone(),
            pr,
            by,
            Some("2023-12-31T23:59:59+01:00".into()),
        );
        let imported = import(s.to_json().as_bytes());
        prop_assert!(imported.is_ok(), "{:?}", imported.err());
        let imported = imported.expect("checked above");
        // Random values may lie outside an indicator's scale: flagged, kept.
        let only_scale = imported
            .report
            .warnings
            .iter()
            .all(|w| matches!(w.kind, IssueKind::ValueOutsideScale { .. }));
        prop_assert!(only_scale, "{:?}", imported.report.warnings);
        prop_assert_eq!(imported.snapshot, s);
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn scoring_never_panics_on_any_progress(
        pr in any_progress_2023(),
        mode in any_mode(),
        intermediate in any::<bool>(),
    ) {
        let mut p = PLAN_2023.clone();
        p.scoring = ScoringOptions { numeric: mode, intermediate_level: intermediate };
        let card = p.score(&pr);
        for level in card.indicators.values().chain(card.objectives.values()).flatten() {
            prop_assert!(*level >= Decimal::ZERO && *level <= Decimal::from(4));
        }
        for a in &card.areas {
            if let Some(s) = a.score {
                prop_assert!(s >= Decimal::ZERO && s <= Decimal::from(4));
            }
        }
        let _ = score_summary(&p, &card);
        let _ = validate(&Snapshot::new(p, pr, None)).is_valid();
    }

    #[test]
    fn area_scores_equal_the_weighted_mean_of_each_areas_objectives((pr, by) in results_2023()) {
        // The scorer feeds all areas in one pass; this recomputes every area the
        // plain way, objective by objective (a per-area objective with the
        // area's own results), and wants the same exact decimals.
        let results = Results::new(&pr, &by);
        let card = PLAN_2023.score_results(results);
        for area in &PLAN_2023.areas {
            let (mut weighted, mut assessed, mut total) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
            for (o, w) in PLAN_2023.objectives_of_area(&area.code) {
                total += w;
                if let Some(l) = PLAN_2023.objective_level_in(o, results, Some(&area.code)) {
                    weighted += w * l;
                    assessed += w;
                }
            }
            let expected = (!assessed.is_zero()).then(|| weighted / assessed);
            let got = card.area(&area.code).expect("every area is scored");
            prop_assert_eq!(got.score, expected, "area {}", &area.code);
            prop_assert_eq!(got.assessed_weight, assessed);
            prop_assert_eq!(got.total_weight, total);
        }
    }

    #[test]
    fn import_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = import(&bytes);
    }

    #[test]
    fn import_never_panics_when_any_value_of_a_snapshot_is_replaced(
        pick in any::<prop::sample::Index>(),
        replacement in any_json(),
    ) {
        let mut v = value_of(
            single(vec![
                milestone("m"),
                number("n", "10", "20", "30", Direction::Lower),
                deadline("x", "2023-06-30", "2023-05-31", "2023-04-30"),
            ]),
            progress(&[("m", at_level(3)), ("n", valued("12.5")), ("x", done_on("2023-05-15"))]),
        );
        let mut paths = Vec::new();
        json_paths(&v, String::new(), &mut paths);
        let target = paths[pick.index(paths.len())].clone();
        if let Some(slot) = v.pointer_mut(&target) {
            *slot = replacement;
        }
        let _ = import(v.to_string().as_bytes()).map(|i| {
            let s = i.snapshot;
            score_summary(&s.plan, &s.plan.score(&s.progress))
        });
    }
}

/// Small arbitrary JSON values, scalars weighted towards the tricky ones.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        select(vec![
            "",
            "1",
            "-0",
            "1e30",
            "2023-02-30",
            "2023-02-28",
            "0.1",
            "cruscotto-snapshot"
        ])
        .prop_map(Value::from),
        ".{0,6}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every JSON pointer of a value, containers included.
fn json_paths(v: &serde_json::Value, here: String, out: &mut Vec<String>) {
    out.push(here.clone());
    match v {
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                json_paths(x, format!("{here}/{i}"), out);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                json_paths(
                    x,
                    format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
}
