//! Consolidation of snapshots: the conflict rules (newer update wins, a missing
//! timestamp loses, identical entries agree), plans that differ, idempotence,
//! independence from the order of the snapshots, and the union of the areas'
//! progress on the 2023 plan.

mod common;
/// The CLI's wording of the engine's results (English); the app's, in both
/// languages, is tested in `src/i18n.rs`.
#[path = "../src/bin/cruscotto/wording.rs"]
#[allow(dead_code)]
mod wording;

use std::sync::LazyLock;

use common::*;
use std::collections::BTreeMap;

use cruscotto_engine::merge::{merge, ChoiceError, Conflict, MergeError, Merged};
use cruscotto_engine::*;
use proptest::prelude::*;
use proptest::sample::select;

fn stamped(mut e: ProgressEntry, ts: &str) -> ProgressEntry {
    e.updated_at = Some(ts.into());
    e
}

fn noted(mut e: ProgressEntry, note: &str) -> ProgressEntry {
    e.note = Some(note.into());
    e
}

/// `entry` with the given earlier entries as its history.
fn with_history(entry: &ProgressEntry, earlier: &[&ProgressEntry]) -> ProgressEntry {
    ProgressEntry {
        history: earlier.iter().filter_map(|e| e.as_point()).collect(),
        ..entry.clone()
    }
}

fn two_milestones() -> Plan {
    plan(
        &["A"],
        vec![
            objective("o1", &[("A", "60")], vec![milestone("m1")]),
            objective("o2", &[("A", "40")], vec![milestone("m2")]),
        ],
    )
}

fn snap(entries: &[(&str, ProgressEntry)]) -> Snapshot {
    snapshot(two_milestones(), progress(entries))
}

fn merged(snapshots: &[Snapshot]) -> (Progress, Vec<Conflict>) {
    let m = merge(snapshots).expect("same plan merges");
    assert_eq!(m.snapshot.exported_at, None);
    (m.snapshot.progress, m.conflicts)
}

// ---- conflict rules ------------------------------------------------------------

#[test]
fn the_newer_update_wins_and_the_other_is_reported() {
    let old = stamped(at_level(1), "2023-05-01T10:00:00Z");
    let new = stamped(at_level(3), "2023-06-01T10:00:00Z");
    let (p, conflicts) = merged(&[snap(&[("m1", old.clone())]), snap(&[("m1", new.clone())])]);
    // The replaced level stays in the winner's history.
    let kept = with_history(&new, &[&old]);
    assert_eq!(p, progress(&[("m1", kept)]));
    assert_eq!(
        conflicts,
        vec![Conflict {
            indicator_id: "m1".into(),
            area: None,
            chosen: new,
            chosen_from: vec![1],
            others: vec![(0, old)],
        }]
    );
}

#[test]
fn timestamps_are_compared_as_instants_not_as_text() {
    // 09:00+02:00 is 07:00Z: earlier than 08:00Z, though it sorts later as text.
    let east = stamped(at_level(1), "2023-06-01T09:00:00+02:00");
    let utc = stamped(at_level(4), "2023-06-01T08:00:00Z");
    let (p, conflicts) = merged(&[snap(&[("m1", utc.clone())]), snap(&[("m1", east.clone())])]);
    assert_eq!(p["m1"], with_history(&utc, &[&east]));
    assert_eq!(conflicts[0].others, vec![(1, east)]);
}

#[test]
fn a_missing_timestamp_loses_against_any() {
    let undated = at_level(4);
    let dated = stamped(at_level(1), "2000-01-01T00:00:00Z");
    for order in [[0, 1], [1, 0]] {
        let both = [
            snap(&[("m1", undated.clone())]),
            snap(&[("m1", dated.clone())]),
        ];
        let (p, conflicts) = merged(&[both[order[0]].clone(), both[order[1]].clone()]);
        assert_eq!(p["m1"], dated);
        assert_eq!(conflicts.len(), 1);
        let undated_at = order.iter().position(|&i| i == 0).expect("present");
        assert_eq!(conflicts[0].others, vec![(undated_at, undated.clone())]);
    }
}

#[test]
fn identical_entries_are_not_conflicts() {
    let e = stamped(noted(at_level(3), "ok"), "2023-06-01T10:00:00Z");
    let (p, conflicts) = merged(&[snap(&[("m1", e.clone())]), snap(&[("m1", e.clone())])]);
    assert_eq!(p, progress(&[("m1", e)]));
    assert!(conflicts.is_empty(), "{conflicts:?}");
}

#[test]
fn a_difference_in_the_note_alone_is_a_conflict() {
    let a = stamped(
        noted(at_level(3), "verbale del 12 maggio"),
        "2023-06-01T10:00:00Z",
    );
    let b = stamped(
        noted(at_level(3), "verbale del 14 maggio"),
        "2023-06-02T10:00:00Z",
    );
    let (p, conflicts) = merged(&[snap(&[("m1", a.clone())]), snap(&[("m1", b.clone())])]);
    assert_eq!(p["m1"], b);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].others, vec![(0, a)]);
}

#[test]
fn a_difference_in_timestamp_or_author_alone_keeps_the_newer_without_conflict() {
    let a = stamped(at_level(3), "2023-06-01T10:00:00Z");
    let mut b = stamped(at_level(3), "2023-06-02T10:00:00Z");
    b.updated_by = Some("ARUO".into());
    let (p, conflicts) = merged(&[snap(&[("m1", b.clone())]), snap(&[("m1", a)])]);
    assert_eq!(p["m1"], b);
    assert!(conflicts.is_empty());
}

#[test]
fn equal_timestamps_are_decided_the_same_whatever_the_order() {
    let a = stamped(at_level(1), "2023-06-01T10:00:00Z");
    let b = stamped(at_level(4), "2023-06-01T12:00:00+02:00");
    let (p1, c1) = merged(&[snap(&[("m1", a.clone())]), snap(&[("m1", b.clone())])]);
    let (p2, c2) = merged(&[snap(&[("m1", b)]), snap(&[("m1", a)])]);
    assert_eq!(p1, p2);
    assert_eq!(c1[0].chosen, c2[0].chosen);
}

#[test]
fn every_disagreeing_snapshot_is_listed_once_the_agreeing_ones_not() {
    let win = stamped(at_level(4), "2023-07-01T00:00:00Z");
    let lose = stamped(at_level(1), "2023-05-01T00:00:00Z");
    let (_, conflicts) = merged(&[
        snap(&[("m1", lose.clone())]),
        snap(&[("m1", win.clone())]),
        snap(&[("m2", at_level(3))]),
        snap(&[("m1", win.clone())]),
        snap(&[("m1", at_level(0))]),
    ]);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].chosen_from, vec![1, 3]);
    assert_eq!(conflicts[0].others, vec![(0, lose), (4, at_level(0))]);
}

#[test]
fn entries_of_different_indicators_are_combined() {
    let (p, conflicts) = merged(&[snap(&[("m1", at_level(3))]), snap(&[("m2", at_level(1))])]);
    assert_eq!(p, progress(&[("m1", at_level(3)), ("m2", at_level(1))]));
    assert!(conflicts.is_empty());
}

// ---- choices between conflicting entries ----------------------------------------------

fn three_way() -> Merged {
    merge(&[
        snap(&[("m1", stamped(at_level(1), "2023-05-01T10:00:00Z"))]),
        snap(&[
            ("m1", stamped(at_level(3), "2023-06-01T10:00:00Z")),
            ("m2", at_level(2)),
        ]),
        snap(&[("m1", stamped(at_level(2), "2023-04-01T10:00:00Z"))]),
    ])
    .expect("same plan merges")
}

#[test]
fn choosing_another_snapshot_keeps_its_entry_and_nothing_else_changes() {
    let m = three_way();
    let chosen = m
        .with_choices(&BTreeMap::from([("m1".to_string(), 2)]))
        .expect("snapshot 2 differs on m1");
    assert_eq!(chosen.progress["m1"].level, Some(2));
    assert_eq!(chosen.progress["m2"], m.snapshot.progress["m2"]);
    assert_eq!(chosen.plan, m.snapshot.plan);
}

#[test]
fn no_choice_or_the_kept_snapshot_gives_the_merge_itself() {
    let m = three_way();
    assert_eq!(m.with_choices(&BTreeMap::new()), Ok(m.snapshot.clone()));
    assert_eq!(
        m.with_choices(&BTreeMap::from([("m1".to_string(), 1)])),
        Ok(m.snapshot.clone())
    );
}

#[test]
fn a_choice_without_a_conflict_or_an_alternative_is_refused() {
    let m = three_way();
    assert_eq!(
        m.with_choices(&BTreeMap::from([("m2".to_string(), 0)])),
        Err(ChoiceError::NoConflict("m2".into()))
    );
    let err = m
        .with_choices(&BTreeMap::from([("m1".to_string(), 7)]))
        .expect_err("snapshot 7 does not exist");
    assert_eq!(
        err,
        ChoiceError::NotAnAlternative {
            indicator_id: "m1".into(),
            index: 7
        }
    );
}

// ---- plans ---------------------------------------------------------------------

#[test]
fn no_snapshot_is_an_error() {
    assert_eq!(merge(&[]), Err(MergeError::NoSnapshots));
    assert!(!wording::merge_error(&MergeError::NoSnapshots).is_empty());
}

#[test]
fn a_single_snapshot_comes_back_unchanged_without_its_export_time() {
    let mut s = snap(&[("m1", at_level(3))]);
    s.exported_at = Some("2023-06-01T10:00:00Z".into());
    let m = merge(std::slice::from_ref(&s)).expect("merges");
    s.exported_at = None;
    assert_eq!(m.snapshot, s);
}

#[test]
fn different_plans_are_refused_with_their_differences() {
    let mut other = two_milestones();
    other.id = "test-2024".into();
    other.year = 2024;
    other.objectives[0].assignments[0].weight = d("70");
    other
        .objectives
        .push(objective("o3", &[("A", "0")], vec![milestone("m3")]));
    let err = merge(&[
        snap(&[("m1", at_level(3))]),
        snap(&[]),
        snapshot(other, Progress::new()),
    ])
    .expect_err("different plans do not merge");
    let MergeError::DifferentPlans {
        index,
        first_plan,
        other_plan,
        differences,
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*index, 2);
    assert_eq!(
        (first_plan.as_str(), other_plan.as_str()),
        ("test", "test-2024")
    );
    assert_eq!(differences.fields, ["id", "year", "objectives"]);
    assert_eq!(differences.objectives_added, ["o3"]);
    assert_eq!(differences.objectives_changed[0].id, "o1");
    assert_eq!(
        differences.objectives_changed[0].weights[0].after,
        Some(d("70"))
    );
    let en = wording::merge_error(&err);
    assert!(
        en.starts_with("snapshot 3 holds a different plan from snapshot 1"),
        "{en}"
    );
    assert!(en.contains("objective added: o3"), "{en}");
    assert!(en.contains("year: 2023 → 2024"), "{en}");
}

#[test]
fn the_same_id_with_different_content_is_a_different_plan() {
    let mut other = two_milestones();
    other.objectives[1].title = "Renamed".into();
    let err =
        merge(&[snap(&[]), snapshot(other, Progress::new())]).expect_err("same id, other content");
    let MergeError::DifferentPlans { differences, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(differences.fields, ["objectives"]);
    assert_eq!(differences.objectives_changed[0].fields, ["title"]);
    let en = wording::merge_error(&err);
    assert!(en.contains("objective o2 changed: title"), "{en}");
}

#[test]
fn a_difference_without_a_detailed_line_is_still_named() {
    let mut other = two_milestones();
    other.objectives.reverse();
    other.pillars[0].name = "Le persone".into();
    let err = merge(&[snap(&[]), snapshot(other, Progress::new())]).expect_err("differs");
    let en = wording::merge_error(&err);
    assert!(
        en.contains("plan field differs (possibly in order only): pillars"),
        "{en}"
    );
    assert!(
        en.contains("plan field differs (possibly in order only): objectives"),
        "{en}"
    );
}

// ---- the 2023 plan ---------------------------------------------------------------

static PLAN_2023: LazyLock<Snapshot> = LazyLock::new(default_snapshot);

fn s2023(entries: &[(&str, ProgressEntry)]) -> Snapshot {
    let mut s = PLAN_2023.clone();
    s.progress = progress(entries);
    s
}

#[test]
fn merging_a_snapshot_with_itself_changes_nothing() {
    let s = s2023(&[
        (
            "sito-ateneo-i1",
            stamped(at_level(3), "2023-06-01T10:00:00Z"),
        ),
        (
            "soddisfazione-docenti-i1",
            noted(valued("3.9"), "indagine GP"),
        ),
        ("nuove-aule-i1", done_on("2023-09-30")),
    ]);
    let m = merge(&[s.clone(), s.clone()]).expect("merges");
    assert_eq!(m.snapshot.progress, s.progress);
    assert_eq!(m.snapshot.plan, s.plan);
    assert!(m.conflicts.is_empty());
}

#[test]
fn three_area_snapshots_combine_into_the_union_with_the_expected_scores() {
    let apec = s2023(&[("sito-ateneo-i1", at_level(3))]);
    let aruo = s2023(&[
        ("programmazione-pta-i1", at_level(4)),
        ("promozione-opportunita-professionali-i1", at_level(1)),
    ]);
    let asict = s2023(&[("polimiapp-i1", at_level(4))]);
    let m = merge(&[apec, aruo, asict]).expect("one plan");
    assert!(m.conflicts.is_empty());
    assert_eq!(
        m.snapshot.progress.keys().collect::<Vec<_>>(),
        [
            "polimiapp-i1",
            "programmazione-pta-i1",
            "promozione-opportunita-professionali-i1",
            "sito-ateneo-i1"
        ]
    );
    assert!(validate(&m.snapshot).is_valid());
    let card = m.snapshot.plan.score(&m.snapshot.progress);
    let score = |a: &str| card.area(a).expect("area exists").score;
    assert_eq!(score("APEC"), Some(d("3")));
    // ARUO: (15 × 4 + 10 × 1) / 25.
    assert_eq!(score("ARUO"), Some(d("2.8")));
    assert_eq!(score("ASICT"), Some(d("4")));
    // polimiapp is weighted in ADID too.
    assert_eq!(score("ADID"), Some(d("4")));
    assert_eq!(score("ATE"), None);
}

// ---- order independence ------------------------------------------------------------

const MILESTONES: [&str; 4] = [
    "sito-ateneo-i1",
    "polimiapp-i1",
    "programmazione-pta-i1",
    "riassetto-bassini-i1",
];

fn any_entry() -> impl Strategy<Value = ProgressEntry> {
    (
        select(vec![0u8, 1, 3, 4]),
        select(vec![None, Some("a"), Some("b")]),
        select(vec![
            None,
            Some("2023-06-01T10:00:00Z"),
            // The same instant written another way, and a different one.
            Some("2023-06-01T12:00:00+02:00"),
            Some("2023-07-01T00:00:00Z"),
            Some("2023-05-01T00:00:00-05:00"),
        ]),
    )
        .prop_map(|(level, note, ts)| ProgressEntry {
            level: Some(level),
            note: note.map(Into::into),
            updated_at: ts.map(Into::into),
            ..Default::default()
        })
}

/// Results of per-area objectives of the 2023 plan, in some of their areas
/// (level 0 fits their number indicators).
const AREA_RESULTS: [(&str, &str); 3] = [
    ("rotazione-rup-i1", "AAF"),
    ("rotazione-rup-i1", "ARUO"),
    ("soddisfazione-docenti-i1", "AAF"),
];

/// Shared entries of the milestones and per-area entries of `AREA_RESULTS`.
fn any_results() -> impl Strategy<Value = (Progress, ProgressByArea)> {
    let n = MILESTONES.len() + AREA_RESULTS.len();
    proptest::collection::vec(proptest::option::of(any_entry()), n).prop_map(|entries| {
        let keys = MILESTONES.iter().map(|id| ResultKey::shared(*id)).chain(
            AREA_RESULTS
                .iter()
                .map(|(id, a)| ResultKey::per_area(*id, *a)),
        );
        let (mut shared, mut by_area) = (Progress::new(), ProgressByArea::new());
        for (key, e) in keys.zip(entries) {
            set_entry(&mut shared, &mut by_area, &key, e);
        }
        (shared, by_area)
    })
}

const PERMUTATIONS: [[usize; 3]; 6] = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_order_of_the_snapshots_does_not_change_the_result(
        progresses in proptest::collection::vec(any_results(), 3)
    ) {
        let snapshots: Vec<Snapshot> = progresses
            .iter()
            .map(|(p, a)| Snapshot::with_results(PLAN_2023.plan.clone(), p.clone(), a.clone(), None))
            .collect();
        let reference = merge(&snapshots).expect("one plan");
        for perm in PERMUTATIONS {
            let ordered: Vec<Snapshot> = perm.iter().map(|&i| snapshots[i].clone()).collect();
            let m = merge(&ordered).expect("one plan");
            prop_assert_eq!(&m.snapshot, &reference.snapshot);
            // The same conflicts, with sources renumbered by the permutation.
            let renumber = |c: &Conflict, perm: [usize; 3]| {
                let mut others: Vec<(usize, ProgressEntry)> =
                    c.others.iter().map(|(i, e)| (perm[*i], e.clone())).collect();
                others.sort_by_key(|(i, _)| *i);
                let mut from: Vec<usize> = c.chosen_from.iter().map(|i| perm[*i]).collect();
                from.sort();
                (c.indicator_id.clone(), c.area.clone(), c.chosen.clone(), from, others)
            };
            let expected: Vec<_> = reference.conflicts.iter().map(|c| renumber(c, [0, 1, 2])).collect();
            let found: Vec<_> = m.conflicts.iter().map(|c| renumber(c, perm)).collect();
            prop_assert_eq!(found, expected);
        }
        // Merging the result with any input again changes nothing.
        for s in &snapshots {
            let again = merge(&[reference.snapshot.clone(), s.clone()]).expect("one plan");
            prop_assert_eq!(&again.snapshot, &reference.snapshot);
        }
    }
}

// ---- Per-area objectives (version 3) -------------------------------------------------

fn area_snap(entries: &[(&str, &str, ProgressEntry)]) -> Snapshot {
    snapshot_by_area(survey(), Progress::new(), by_area(entries))
}

#[test]
fn each_areas_result_of_a_per_area_objective_is_kept_without_conflict() {
    // Each area's manager sends its own file: different results, no conflict.
    let a = stamped(at_level(4), "2023-06-01T10:00:00Z");
    let b = stamped(at_level(1), "2023-06-02T10:00:00Z");
    let m = merge(&[
        area_snap(&[("A", "s", a.clone())]),
        area_snap(&[("B", "s", b.clone())]),
    ])
    .expect("same plan merges");
    assert_eq!(m.conflicts, vec![]);
    assert_eq!(m.snapshot.progress, Progress::new());
    assert_eq!(
        m.snapshot.progress_by_area,
        by_area(&[("A", "s", a), ("B", "s", b)])
    );
    let card = m.snapshot.score();
    assert_eq!(card.objective_in("sat", "A"), Some(d("4")));
    assert_eq!(card.objective_in("sat", "B"), Some(d("1")));
}

#[test]
fn a_conflict_on_one_areas_result_names_the_area_and_can_be_resolved() {
    let old = stamped(at_level(1), "2023-05-01T10:00:00Z");
    let new = stamped(at_level(3), "2023-06-01T10:00:00Z");
    let other = stamped(at_level(4), "2023-06-01T10:00:00Z");
    let m = merge(&[
        area_snap(&[("B", "s", old.clone()), ("A", "s", other.clone())]),
        area_snap(&[("B", "s", new.clone()), ("A", "s", other.clone())]),
    ])
    .expect("same plan merges");
    assert_eq!(
        m.conflicts,
        vec![Conflict {
            indicator_id: "s".into(),
            area: Some("B".into()),
            chosen: new.clone(),
            chosen_from: vec![1],
            others: vec![(0, old.clone())],
        }]
    );
    assert_eq!(m.conflicts[0].key(), ResultKey::per_area("s", "B"));
    // The area's own entry keeps the replaced one in its history; A is untouched.
    assert_eq!(
        m.snapshot.progress_by_area,
        by_area(&[
            ("A", "s", other.clone()),
            ("B", "s", with_history(&new, &[&old]))
        ])
    );
    let choices = BTreeMap::from([(ResultKey::per_area("s", "B"), 0)]);
    let chosen = m
        .with_result_choices(&choices)
        .expect("a conflict to resolve");
    assert_eq!(chosen.progress_by_area["B"]["s"], old);
    assert_eq!(chosen.progress_by_area["A"]["s"], other);
    // The same indicator's shared result has no conflict to resolve.
    let shared = BTreeMap::from([("s".to_string(), 0)]);
    assert_eq!(
        m.with_choices(&shared),
        Err(ChoiceError::NoConflict("s".into()))
    );
}

#[test]
fn shared_and_per_area_results_merge_side_by_side() {
    let c = stamped(at_level(3), "2023-06-01T10:00:00Z");
    let s = stamped(at_level(4), "2023-06-01T10:00:00Z");
    let m = merge(&[
        snapshot(survey(), progress(&[("c", c.clone())])),
        area_snap(&[("A", "s", s.clone())]),
    ])
    .expect("same plan merges");
    assert_eq!(m.snapshot.progress, progress(&[("c", c)]));
    assert_eq!(m.snapshot.progress_by_area, by_area(&[("A", "s", s)]));
    assert!(validate(&m.snapshot).is_valid());
}
