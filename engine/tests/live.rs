//! Incremental scoring (`LiveScore`): one indicator's change rescores only its
//! objective and the areas and pillar that objective weighs in, and the
//! scorecard always equals a full `Plan::score`, to the last digit, after every
//! edit of a random sequence.

mod common;

use std::sync::LazyLock;

use common::strategies::*;
use common::*;
use cruscotto_engine::*;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

/// Areas A, B and C; o1 (m1) weighs 60 in A and 100 in B, o2 (m2) 40 in A,
/// both in pillar p; o3 (m3) weighs 100 in C, in pillar q.
fn three_areas() -> Plan {
    let mut o3 = objective("o3", &[("C", "100")], vec![milestone("m3")]);
    o3.pillar = "q".into();
    let mut p = plan(
        &["A", "B", "C"],
        vec![
            objective("o1", &[("A", "60"), ("B", "100")], vec![milestone("m1")]),
            objective("o2", &[("A", "40")], vec![milestone("m2")]),
            o3,
        ],
    );
    p.pillars.push(Pillar {
        id: "q".into(),
        name: "Pillar q".into(),
    });
    p
}

/// Sets (or removes) one entry and updates `live` for it, as the app does.
fn edit(
    live: &mut LiveScore,
    plan: &Plan,
    pr: &mut Progress,
    id: &str,
    entry: Option<ProgressEntry>,
) -> bool {
    match entry {
        Some(e) => pr.insert(id.to_string(), e),
        None => pr.remove(id),
    };
    live.update_indicator(plan, pr, id)
}

#[test]
fn a_new_live_score_equals_full_scoring() {
    let p = three_areas();
    let pr = progress(&[("m1", at_level(3)), ("m3", at_level(0))]);
    assert_eq!(LiveScore::new(&p, &pr).scorecard(), &p.score(&pr));
}

#[test]
fn editing_one_indicator_rescores_only_its_areas() {
    let p = three_areas();
    let mut pr = progress(&[
        ("m1", at_level(3)),
        ("m2", at_level(3)),
        ("m3", at_level(3)),
    ]);
    let mut live = LiveScore::new(&p, &pr);
    let before = live.scorecard().clone();
    // m3 changes too, but only m2 is reported: area C and pillar q, which only
    // m3 weighs in, must keep their old scores, proof that they were not redone.
    pr.insert("m3".into(), at_level(0));
    assert!(edit(&mut live, &p, &mut pr, "m2", Some(at_level(4))));
    let full = p.score(&pr);
    let card = live.scorecard();
    assert_eq!(card.area("A"), full.area("A"));
    assert_ne!(card.area("A"), before.area("A"));
    assert_eq!(card.area("B"), before.area("B"));
    assert_eq!(card.area("C"), before.area("C"));
    assert_ne!(card.area("C"), full.area("C"));
    assert_eq!(card.pillars[0], full.pillars[0]);
    assert_eq!(card.pillars[1], before.pillars[1]);
    assert_eq!(card.objective("o2"), Some(Decimal::from(4)));
}

#[test]
fn an_unknown_indicator_id_changes_nothing_and_returns_false() {
    let p = three_areas();
    let mut pr = progress(&[("m1", at_level(3))]);
    let mut live = LiveScore::new(&p, &pr);
    let before = live.scorecard().clone();
    assert!(!edit(&mut live, &p, &mut pr, "nope", Some(at_level(4))));
    assert_eq!(live.scorecard(), &before);
    assert!(!live.scorecard().indicators.contains_key("nope"));
}

#[test]
fn a_change_that_keeps_the_level_returns_false() {
    let p = single(vec![number("n", "10", "20", "30", Direction::Higher)]);
    let mut pr = progress(&[("n", valued("12"))]);
    let mut live = LiveScore::new(&p, &pr);
    let before = live.scorecard().clone();
    // Step mode: 12 and 19 are both between threshold and target, level 1.
    assert!(!edit(&mut live, &p, &mut pr, "n", Some(valued("19"))));
    assert_eq!(live.scorecard(), &before);
    assert_eq!(live.scorecard(), &p.score(&pr));
}

#[test]
fn a_better_indicator_that_is_not_the_weakest_changes_only_its_own_level() {
    let mut o = objective("o", &[("A", "100")], vec![milestone("m1"), milestone("m2")]);
    o.aggregation = Aggregation::All;
    let p = plan(&["A"], vec![o]);
    let mut pr = progress(&[("m1", at_level(1)), ("m2", at_level(3))]);
    let mut live = LiveScore::new(&p, &pr);
    let before = live.scorecard().clone();
    assert!(edit(&mut live, &p, &mut pr, "m2", Some(at_level(4))));
    assert_eq!(live.scorecard().indicator("m2"), Some(Decimal::from(4)));
    assert_eq!(live.scorecard().objectives, before.objectives);
    assert_eq!(live.scorecard().areas, before.areas);
    assert_eq!(live.scorecard(), &p.score(&pr));
}

#[test]
fn removing_an_entry_leaves_its_objective_unassessed_and_its_areas_provisional() {
    let p = three_areas();
    let mut pr = progress(&[
        ("m1", at_level(3)),
        ("m2", at_level(4)),
        ("m3", at_level(1)),
    ]);
    let mut live = LiveScore::new(&p, &pr);
    assert!(edit(&mut live, &p, &mut pr, "m2", None));
    let card = live.scorecard();
    assert_eq!(card.objective("o2"), None);
    let a = card.area("A").expect("area A");
    assert!(a.provisional);
    assert_eq!(a.score, Some(Decimal::from(3)));
    assert_eq!(card, &p.score(&pr));
}

#[test]
fn duplicate_ids_and_unlisted_areas_score_as_full_scoring_does() {
    // A plan half-way through an edit: two objectives "o", an indicator id in
    // two objectives, an area listed twice, weights in an unlisted area and a
    // pillar the plan does not list.
    let mut stray = objective(
        "x",
        &[("Z", "50"), ("B", "5"), ("B", "7")],
        vec![milestone("m")],
    );
    stray.pillar = "unlisted".into();
    let p = plan(
        &["A", "B", "A"],
        vec![
            objective("o", &[("A", "30")], vec![milestone("m"), milestone("k")]),
            objective("o", &[("B", "70")], vec![milestone("n")]),
            stray,
        ],
    );
    let mut pr = Progress::new();
    let mut live = LiveScore::new(&p, &pr);
    for (id, entry) in [
        ("m", Some(at_level(3))),
        ("n", Some(at_level(1))),
        ("k", Some(at_level(4))),
        ("n", Some(at_level(4))),
        ("m", None),
        ("n", None),
    ] {
        edit(&mut live, &p, &mut pr, id, entry);
        assert_eq!(live.scorecard(), &p.score(&pr), "after {id}");
    }
}

#[test]
fn linear_quotients_and_odd_weights_match_full_scoring_to_the_last_digit() {
    let mut p = plan(
        &["A"],
        vec![
            objective(
                "o1",
                &[("A", "33.333333333333333333333333333")],
                vec![number("n1", "0", "3", "7", Direction::Higher)],
            ),
            objective(
                "o2",
                &[("A", "66.666666666666666666666666667")],
                vec![number("n2", "0", "7", "11", Direction::Lower)],
            ),
        ],
    );
    p.scoring.numeric = NumericMode::Linear;
    let mut pr = progress(&[("n1", valued("1")), ("n2", valued("5"))]);
    let mut live = LiveScore::new(&p, &pr);
    for v in ["2", "1", "0.1", "6.9999", "1"] {
        assert!(edit(&mut live, &p, &mut pr, "n1", Some(valued(v))));
        assert_eq!(live.scorecard(), &p.score(&pr), "n1 = {v}");
    }
}

/// Areas A, B and C; "sat" (number n: levels at 1, 3, 4) weighs
/// 50 in A and 30 in B, measured per area; "com" (m) 50 in A, 70 in B, 100
/// in C, shared.
fn per_area_plan() -> Plan {
    plan(
        &["A", "B", "C"],
        vec![
            per_area(objective(
                "sat",
                &[("A", "50"), ("B", "30")],
                vec![number("n", "1", "3", "4", Direction::Higher)],
            )),
            objective(
                "com",
                &[("A", "50"), ("B", "70"), ("C", "100")],
                vec![milestone("m")],
            ),
        ],
    )
}

#[test]
fn a_keystroke_in_one_areas_result_rescores_that_area_only() {
    let p = per_area_plan();
    let mut pr = progress(&[("m", at_level(3))]);
    let mut by = by_area(&[("A", "n", valued("3")), ("B", "n", valued("3"))]);
    let mut live = LiveScore::with_results(&p, Results::new(&pr, &by));
    let before = live.scorecard().clone();
    assert_eq!(before.area("A").and_then(|a| a.score), Some(d("3")));
    let key = ResultKey::per_area("n", "A");
    // B's entry changes too without being reported: B must keep its old score,
    // proof that only A was redone.
    set_entry(
        &mut pr,
        &mut by,
        &ResultKey::per_area("n", "B"),
        Some(valued("1")),
    );
    set_entry(&mut pr, &mut by, &key, Some(valued("4")));
    assert!(live.update_result(&p, Results::new(&pr, &by), &key));
    let card = live.scorecard();
    // A: (50·4 + 50·3) / 100.
    assert_eq!(card.area("A").and_then(|a| a.score), Some(d("3.5")));
    assert_eq!(card.area("B"), before.area("B"));
    assert_eq!(card.area("C"), before.area("C"));
    assert_eq!(card.objective_in("sat", "A"), Some(d("4")));
    assert_eq!(card.objective_in("sat", "B"), Some(d("3")));
    assert_eq!(card.indicator_in("n", "A"), Some(d("4")));
    assert_eq!(
        card.objective("sat"),
        None,
        "no single level for a per-area objective"
    );
    // With B's edit reported too, it equals full scoring.
    live.update_result(&p, Results::new(&pr, &by), &ResultKey::per_area("n", "B"));
    assert_eq!(live.scorecard(), &p.score_results(Results::new(&pr, &by)));
}

#[test]
fn a_shared_entry_of_a_per_area_indicator_changes_no_score() {
    let p = per_area_plan();
    let mut pr = Progress::new();
    let mut by = ProgressByArea::new();
    let mut live = LiveScore::with_results(&p, Results::new(&pr, &by));
    let before = live.scorecard().clone();
    let key = ResultKey::shared("n");
    set_entry(&mut pr, &mut by, &key, Some(valued("4")));
    assert!(!live.update_result(&p, Results::new(&pr, &by), &key));
    assert_eq!(live.scorecard(), &before);
    assert_eq!(live.scorecard(), &p.score_results(Results::new(&pr, &by)));
}

// ---- Random plans, random edits -----------------------------------------------------

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // A failure prints its minimal input; nothing to persist in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Weights as plans have them and as they should not: round, in hundredths,
/// thirds to 27 digits, any Decimal at all (saturating sums), zero, negative.
fn any_weight() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => (1i64..=100).prop_map(Decimal::from),
        2 => (1i64..10_000).prop_map(|h| Decimal::new(h, 2)),
        2 => (1u32..=100).prop_map(|n| Decimal::from(100) / Decimal::from(n)),
        1 => any_decimal(),
        1 => Just(Decimal::ZERO),
    ]
}

/// Small decimals, so that linear levels are quotients like 2/3 or 1/7.
fn small_decimal() -> impl Strategy<Value = Decimal> {
    (-200i64..200, 0u32..3).prop_map(|(m, s)| Decimal::new(m, s))
}

fn any_indicator(id: String) -> impl Strategy<Value = Indicator> {
    let levels = prop_oneof![
        4 => [small_decimal(), small_decimal(), small_decimal()],
        1 => [any_decimal(), any_decimal(), any_decimal()],
    ];
    let (m, x) = (
        milestone(&id),
        deadline(&id, "2023-12-31", "2023-10-31", "2023-09-30"),
    );
    prop_oneof![
        Just(m),
        (levels, select(vec![Direction::Higher, Direction::Lower])).prop_map(
            move |(mut v, dir)| {
                v.sort();
                if dir == Direction::Lower {
                    v.reverse();
                }
                let s = v.map(|x| x.to_string());
                number(&id, &s[0], &s[1], &s[2], dir)
            }
        ),
        Just(x),
    ]
}

/// An objective id and indicator ids drawn from small pools, so a plan now
/// and then repeats one, as while it is being edited; one in three is
/// measured per area.
fn any_objective() -> impl Strategy<Value = Objective> {
    (
        0usize..10,
        prop::collection::vec(0usize..30, 1..4),
        prop::collection::vec((select(vec!["A", "B", "C", "Z"]), any_weight()), 0..4),
        select(vec!["p", "q", "unlisted"]),
        select(vec![Aggregation::Mean, Aggregation::All]),
        prop::sample::select(vec![
            Measurement::Shared,
            Measurement::Shared,
            Measurement::PerArea,
        ]),
    )
        .prop_flat_map(
            |(id, ind_ids, assignments, pillar, aggregation, measurement)| {
                let indicators: Vec<_> = ind_ids
                    .into_iter()
                    .map(|k| any_indicator(format!("i{k}")))
                    .collect();
                indicators.prop_map(move |indicators| {
                    let mut o = objective(&format!("o{id}"), &[], indicators);
                    o.assignments = assignments
                        .iter()
                        .map(|(area, weight)| Assignment {
                            area: (*area).into(),
                            weight: *weight,
                        })
                        .collect();
                    o.pillar = pillar.into();
                    o.aggregation = aggregation;
                    o.measurement = measurement;
                    o
                })
            },
        )
}

fn any_plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec(any_objective(), 1..9),
        any::<bool>(),
        select(vec![NumericMode::Step, NumericMode::Linear]),
        any::<bool>(),
    )
        .prop_map(|(objectives, area_twice, numeric, intermediate_level)| {
            let areas: &[&str] = if area_twice {
                &["A", "B", "C", "A"]
            } else {
                &["A", "B", "C"]
            };
            let mut p = plan(areas, objectives);
            p.pillars.push(Pillar {
                id: "q".into(),
                name: "Pillar q".into(),
            });
            p.scoring = ScoringOptions {
                numeric,
                intermediate_level,
            };
            p
        })
}

/// A new entry for an indicator (fitting its kind or not), or its removal.
fn any_edit() -> impl Strategy<Value = Option<ProgressEntry>> {
    let entry = prop_oneof![
        2 => (0u8..5).prop_map(at_level),
        3 => small_decimal().prop_map(|v| ProgressEntry {
            value: Some(v),
            ..Default::default()
        }),
        1 => any_date().prop_map(|d| ProgressEntry {
            done_on: Some(d),
            ..Default::default()
        }),
        1 => any_entry(),
    ];
    prop::option::weighted(0.85, entry)
}

/// Applies every edit in turn, wanting the full score after each one. An
/// edit is of any result: an indicator's shared one or its result in any
/// area (listed or not), whatever its objective's measurement, so entries in
/// the wrong map are edited too.
fn check_edits(
    p: &Plan,
    mut pr: Progress,
    edits: &[(prop::sample::Index, Option<ProgressEntry>)],
) -> Result<(), TestCaseError> {
    let mut keys: Vec<ResultKey> = Vec::new();
    for (_, i) in p.indicators() {
        keys.push(ResultKey::shared(i.id.clone()));
        for area in ["A", "B", "C", "Z", "AAF", "ARUO"] {
            keys.push(ResultKey::per_area(i.id.clone(), area));
        }
    }
    keys.push(ResultKey::shared("not-an-indicator"));
    keys.push(ResultKey::per_area("not-an-indicator", "A"));
    let mut by = ProgressByArea::new();
    let mut live = LiveScore::with_results(p, Results::new(&pr, &by));
    prop_assert_eq!(live.scorecard(), &p.score_results(Results::new(&pr, &by)));
    for (step, (pick, entry)) in edits.iter().enumerate() {
        let key = pick.get(&keys).clone();
        let before = live.scorecard().clone();
        set_entry(&mut pr, &mut by, &key, entry.clone());
        let changed = live.update_result(p, Results::new(&pr, &by), &key);
        let full = p.score_results(Results::new(&pr, &by));
        prop_assert_eq!(live.scorecard(), &full, "step {} ({:?})", step, key);
        prop_assert_eq!(changed, before != full, "step {} ({:?})", step, key);
    }
    Ok(())
}

static PLAN_2023: LazyLock<Plan> = LazyLock::new(|| default_snapshot().plan);

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn random_edits_of_a_random_plan_score_as_full_scoring(
        p in any_plan(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any_edit()), 1..30),
    ) {
        check_edits(&p, Progress::new(), &edits)?;
    }
}

proptest! {
    // Each case scores the 58 objectives of the 2023 plan once an edit.
    #![proptest_config(config(48))]

    #[test]
    fn random_edits_of_the_2023_plan_score_as_full_scoring(
        numeric in select(vec![NumericMode::Step, NumericMode::Linear]),
        intermediate_level in any::<bool>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any_edit()), 1..40),
    ) {
        let mut p = PLAN_2023.clone();
        p.scoring = ScoringOptions { numeric, intermediate_level };
        check_edits(&p, Progress::new(), &edits)?;
    }
}
