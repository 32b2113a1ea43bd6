//! History of progress entries (snapshot version 2): when a change keeps the
//! previous value, how same-day changes coalesce, the cap, the migration of
//! version 1 files, merging histories, and the scores replayed over time on the
//! real 2023 plan.

mod common;

use std::sync::LazyLock;

use common::*;
use cruscotto_engine::history::{normalize_history, progress_as_of};
use cruscotto_engine::merge::merge;
use cruscotto_engine::snapshot::{import, CURRENT_VERSION};
use cruscotto_engine::*;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use serde_json::json;

static PLAN_2023: LazyLock<Plan> = LazyLock::new(|| default_snapshot().plan);

/// The entry after recording `new` (a measurement) at `at` by `by`.
fn change(before: &ProgressEntry, new: ProgressEntry, at: &str, by: Option<&str>) -> ProgressEntry {
    before.apply_change(new, at, by.map(String::from))
}

/// The measurements of the history, oldest first, with their time.
fn points(e: &ProgressEntry) -> Vec<(String, Option<u8>, Option<String>)> {
    e.history
        .iter()
        .map(|p| (p.at.clone(), p.level, p.value.map(|v| v.to_string())))
        .collect()
}

// ---- Recording rules ---------------------------------------------------------------

#[test]
fn a_changed_value_moves_the_previous_one_into_history() {
    let first = change(
        &ProgressEntry::default(),
        valued("10"),
        "2023-03-01T09:00:00Z",
        Some("ATE"),
    );
    assert!(first.history.is_empty(), "nothing was measured before");
    let second = change(&first, valued("12"), "2023-04-01T09:00:00Z", Some("ATE"));
    assert_eq!(second.value, Some(d("12")));
    assert_eq!(second.updated_at.as_deref(), Some("2023-04-01T09:00:00Z"));
    assert_eq!(second.updated_by.as_deref(), Some("ATE"));
    assert_eq!(
        points(&second),
        vec![("2023-03-01T09:00:00Z".into(), None, Some("10".into()))]
    );
    assert_eq!(second.history[0].updated_by.as_deref(), Some("ATE"));
}

#[test]
fn keystrokes_on_the_same_day_by_the_same_person_leave_one_point_for_that_day() {
    let mut e = change(
        &ProgressEntry::default(),
        valued("9"),
        "2023-03-01T09:00:00Z",
        None,
    );
    e = change(&e, valued("1"), "2023-03-02T09:00:00Z", None);
    e = change(&e, valued("12"), "2023-03-02T09:00:01Z", None);
    e = change(&e, valued("125"), "2023-03-02T17:30:00Z", None);
    // 1 and 12 were replaced on the day they were typed; 9 is from the day before.
    assert_eq!(
        points(&e),
        vec![("2023-03-01T09:00:00Z".into(), None, Some("9".into()))]
    );
    // The next day, the last value of 2 March becomes a point.
    e = change(&e, valued("130"), "2023-03-03T08:00:00Z", None);
    assert_eq!(
        points(&e),
        vec![
            ("2023-03-01T09:00:00Z".into(), None, Some("9".into())),
            ("2023-03-02T17:30:00Z".into(), None, Some("125".into())),
        ]
    );
}

#[test]
fn a_change_by_another_person_on_the_same_day_keeps_the_previous_value() {
    let e = change(
        &ProgressEntry::default(),
        at_level(1),
        "2023-05-10T09:00:00Z",
        Some("ATE"),
    );
    let e = change(&e, at_level(3), "2023-05-10T11:00:00Z", Some("SPC"));
    assert_eq!(
        points(&e),
        vec![("2023-05-10T09:00:00Z".into(), Some(1), None)]
    );
}

#[test]
fn the_day_is_the_utc_day_whatever_the_offset_written() {
    // 23:30+00:00 on 1 March and 00:30+02:00 on 2 March are both 1 March UTC.
    let e = change(
        &ProgressEntry::default(),
        at_level(1),
        "2023-03-01T21:00:00Z",
        None,
    );
    let e = change(&e, at_level(3), "2023-03-02T00:30:00+02:00", None);
    assert!(e.history.is_empty(), "{:?}", e.history);
}

#[test]
fn an_unchanged_measurement_and_note_change_nothing_not_even_the_stamp() {
    let e = change(
        &ProgressEntry::default(),
        at_level(3),
        "2023-03-01T09:00:00Z",
        None,
    );
    let again = change(&e, at_level(3), "2023-06-01T09:00:00Z", Some("ATE"));
    assert_eq!(again, e);
}

#[test]
fn a_note_changed_on_a_later_day_keeps_when_the_measurement_was_made() {
    let e = change(
        &ProgressEntry::default(),
        at_level(3),
        "2023-03-01T09:00:00Z",
        None,
    );
    let mut noted = at_level(3);
    noted.note = Some("confermato".into());
    let e = change(&e, noted, "2023-06-01T09:00:00Z", None);
    assert_eq!(
        points(&e),
        vec![("2023-03-01T09:00:00Z".into(), Some(3), None)]
    );
    // So the level counts from March, not from the day of the note.
    assert_eq!(e.as_of(date("2023-04-01")).and_then(|s| s.level), Some(3));
}

#[test]
fn clearing_a_value_keeps_it_in_the_history() {
    let e = change(
        &ProgressEntry::default(),
        done_on("2023-06-30"),
        "2023-07-01T09:00:00Z",
        None,
    );
    let e = change(&e, ProgressEntry::default(), "2023-07-05T09:00:00Z", None);
    assert!(!e.is_measured());
    assert_eq!(e.history.len(), 1);
    assert_eq!(e.history[0].done_on, Some(date("2023-06-30")));
}

#[test]
fn a_state_without_a_readable_time_is_not_put_in_the_history() {
    let undated = at_level(1);
    let e = change(&undated, at_level(3), "2023-07-05T09:00:00Z", None);
    assert!(e.history.is_empty());
    let mut garbled = at_level(1);
    garbled.updated_at = Some("ieri".into());
    let e = change(&garbled, at_level(3), "2023-07-05T09:00:00Z", None);
    assert!(e.history.is_empty());
}

#[test]
fn the_history_keeps_at_most_500_points_dropping_the_oldest() {
    let start = chrono::DateTime::parse_from_rfc3339("2020-01-01T09:00:00Z").expect("time");
    let mut e = ProgressEntry::default();
    for day in 0..(MAX_HISTORY as i64 + 10) {
        let at = (start + chrono::Duration::days(day)).to_rfc3339();
        e = change(&e, valued(&day.to_string()), &at, None);
    }
    assert_eq!(MAX_HISTORY, 500);
    assert_eq!(e.history.len(), MAX_HISTORY);
    // 510 values: the current one, the 500 before it, and 9 dropped.
    assert_eq!(e.history[0].value, Some(d("9")));
    assert_eq!(e.history[499].value, Some(d("508")));
    assert_eq!(e.value, Some(d("509")));
}

#[test]
fn normalizing_orders_by_instant_and_drops_exact_duplicates() {
    let p = |at: &str, level: u8| HistoryPoint {
        at: at.into(),
        level: Some(level),
        ..Default::default()
    };
    let got = normalize_history(vec![
        p("2023-06-01T10:00:00Z", 3),
        p("2023-06-01T09:00:00+02:00", 1), // 07:00Z, earlier
        p("2023-06-01T10:00:00Z", 3),
        p("not a time", 4),
    ]);
    assert_eq!(
        got,
        vec![
            p("2023-06-01T09:00:00+02:00", 1),
            p("2023-06-01T10:00:00Z", 3)
        ]
    );
}

// ---- Snapshot versions -------------------------------------------------------------

#[test]
fn a_version_1_file_imports_with_empty_histories_and_exports_as_the_current_version() {
    let mut v = value_of(
        single(vec![milestone("m")]),
        progress(&[("m", at_level(3))]),
    );
    v["version"] = json!(1);
    // Version 1 had no history: a key of that name meant nothing and is dropped.
    v["progress"]["m"]["history"] = json!([{"at": "whenever", "level": 9}]);
    let imported = import(v.to_string().as_bytes()).expect("version 1 still imports");
    assert_eq!(imported.source_version, 1);
    assert_eq!(imported.snapshot.version, CURRENT_VERSION);
    assert_eq!(CURRENT_VERSION, 6);
    assert!(imported.snapshot.progress["m"].history.is_empty());
    let written: serde_json::Value =
        serde_json::from_str(&imported.snapshot.to_json()).expect("JSON");
    assert_eq!(written["version"], json!(6));
    assert_eq!(written["progress"]["m"], json!({"level": 3}));
}

#[test]
fn a_version_2_history_is_written_and_read_back_as_is() {
    let mut e = at_level(3);
    e.updated_at = Some("2023-06-01T10:00:00Z".into());
    e.history = vec![HistoryPoint {
        at: "2023-03-01T09:00:00+01:00".into(),
        level: Some(1),
        note: Some("avviato".into()),
        updated_by: Some("ATE".into()),
        ..Default::default()
    }];
    let s = snapshot(single(vec![milestone("m")]), progress(&[("m", e)]));
    let text = s.to_json();
    assert!(text.contains("\"history\": ["), "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        v["progress"]["m"]["history"],
        json!([{"at": "2023-03-01T09:00:00+01:00", "level": 1, "note": "avviato", "updated_by": "ATE"}])
    );
    assert_eq!(import(text.as_bytes()).expect("valid").snapshot, s);
}

#[test]
fn history_points_follow_the_rules_of_their_entry() {
    let mut e = valued("5");
    e.history = vec![
        HistoryPoint {
            at: "2023-03-01T09:00:00Z".into(),
            level: Some(3),
            ..Default::default()
        },
        HistoryPoint {
            at: "marzo".into(),
            value: Some(d("4")),
            ..Default::default()
        },
    ];
    let plan = single(vec![number("n", "1", "2", "3", Direction::Higher)]);
    let report = validate(&snapshot(plan, progress(&[("n", e)])));
    assert_eq!(
        issues_of(&report),
        vec![
            (
                "progress[\"n\"].history[0].level".into(),
                IssueKind::LevelNotAllowedForKind {
                    level: 3,
                    kind: IndicatorKind::Number
                }
            ),
            (
                "progress[\"n\"].history[1].at".into(),
                IssueKind::BadTimestamp {
                    value: "marzo".into()
                }
            ),
        ]
    );
}

// ---- Merging -------------------------------------------------------------------------

fn stamped(mut e: ProgressEntry, ts: &str) -> ProgressEntry {
    e.updated_at = Some(ts.into());
    e
}

#[test]
fn merging_keeps_the_union_of_histories_in_time_order_without_duplicates() {
    let plan = single(vec![milestone("m")]);
    // Area A recorded 1 in March, then 3 in June; its colleague's older copy
    // has 1 in March and 0 in February, which A never saw.
    let a = change(
        &stamped(at_level(1), "2023-03-01T09:00:00Z"),
        at_level(3),
        "2023-06-01T09:00:00Z",
        None,
    );
    let b = change(
        &stamped(at_level(0), "2023-02-01T09:00:00Z"),
        at_level(1),
        "2023-03-01T09:00:00Z",
        None,
    );
    let m = merge(&[
        snapshot(plan.clone(), progress(&[("m", a.clone())])),
        snapshot(plan.clone(), progress(&[("m", b.clone())])),
    ])
    .expect("one plan");
    let e = &m.snapshot.progress["m"];
    assert_eq!(e.level, Some(3));
    assert_eq!(
        points(e),
        vec![
            ("2023-02-01T09:00:00Z".into(), Some(0), None),
            ("2023-03-01T09:00:00Z".into(), Some(1), None),
        ]
    );
    // The history never makes a conflict: the entries differ in level.
    assert_eq!(m.conflicts.len(), 1);
}

fn any_point() -> impl Strategy<Value = HistoryPoint> {
    (
        select(vec![0u8, 1, 3, 4]),
        select(vec![
            "2023-02-01T10:00:00Z",
            "2023-03-01T10:00:00Z",
            "2023-03-01T12:00:00+02:00",
            "2023-04-01T00:00:00Z",
        ]),
        select(vec![None, Some("a")]),
    )
        .prop_map(|(level, at, note)| HistoryPoint {
            at: at.into(),
            level: Some(level),
            note: note.map(Into::into),
            ..Default::default()
        })
}

fn any_entry() -> impl Strategy<Value = ProgressEntry> {
    (
        select(vec![0u8, 1, 3, 4]),
        select(vec![
            None,
            Some("2023-05-01T10:00:00Z"),
            Some("2023-06-01T10:00:00Z"),
            Some("2023-06-01T12:00:00+02:00"),
        ]),
        proptest::collection::vec(any_point(), 0..4),
    )
        .prop_map(|(level, ts, history)| ProgressEntry {
            level: Some(level),
            updated_at: ts.map(Into::into),
            history,
            ..Default::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn merging_histories_is_order_independent_and_idempotent(
        entries in proptest::collection::vec(proptest::option::of(any_entry()), 3)
    ) {
        let plan = single(vec![milestone("m")]);
        let snapshots: Vec<Snapshot> = entries
            .iter()
            .map(|e| {
                let p = e.clone().map(|e| progress(&[("m", e)])).unwrap_or_default();
                snapshot(plan.clone(), p)
            })
            .collect();
        let reference = merge(&snapshots).expect("one plan").snapshot;
        for perm in [[1, 0, 2], [2, 1, 0], [1, 2, 0]] {
            let ordered: Vec<Snapshot> = perm.iter().map(|&i| snapshots[i].clone()).collect();
            prop_assert_eq!(&merge(&ordered).expect("one plan").snapshot, &reference);
        }
        let again = merge(&[reference.clone(), reference.clone()]).expect("one plan").snapshot;
        prop_assert_eq!(&again, &reference);
        for s in &snapshots {
            let again = merge(&[reference.clone(), s.clone()]).expect("one plan").snapshot;
            prop_assert_eq!(&again, &reference);
        }
        if let Some(e) = reference.progress.get("m") {
            prop_assert!(e.history.len() <= MAX_HISTORY);
            prop_assert_eq!(&normalize_history(e.history.clone()), &e.history);
        }
    }
}

// ---- Scores over time, on the 2023 plan ------------------------------------------------

/// ATE's year, recorded through `apply_change` as the app does.
fn ate_year() -> Progress {
    let mut p = Progress::new();
    let mut record = |id: &str, new: ProgressEntry, at: &str| {
        let before = p.get(id).cloned().unwrap_or_default();
        p.insert(id.into(), before.apply_change(new, at, Some("ATE".into())));
    };
    record(
        "riassetto-bassini-i1",
        at_level(1),
        "2023-03-10T09:00:00+01:00",
    );
    record(
        "impianti-fotovoltaici-i1",
        at_level(4),
        "2023-06-20T15:00:00+02:00",
    );
    // Corrected the same day: one point for the day.
    record(
        "riassetto-bassini-i1",
        at_level(1),
        "2023-09-05T09:00:00+02:00",
    );
    record(
        "riassetto-bassini-i1",
        at_level(3),
        "2023-09-05T10:00:00+02:00",
    );
    // Done on 15 September: before the excellence deadline of 30 September.
    record(
        "campus-bovisa-nord-i1",
        done_on("2023-09-15"),
        "2023-10-02T12:00:00+02:00",
    );
    p
}

#[test]
fn the_area_timeline_replays_the_2023_plan_day_by_day() {
    let progress = ate_year();
    let timeline = PLAN_2023.area_timeline(&progress, "ATE");
    let got: Vec<(String, Option<String>)> = timeline
        .iter()
        .map(|t| {
            (
                t.date.to_string(),
                t.score.map(|s| scoring::round2(s).to_string()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("2023-03-10".into(), Some("1".into())),
            // (15·1 + 15·4) / 30
            ("2023-06-20".into(), Some("2.50".into())),
            // (15·3 + 15·4) / 30
            ("2023-09-05".into(), Some("3.50".into())),
            // (15·3 + 15·4 + 15·4) / 45
            ("2023-10-02".into(), Some("3.67".into())),
        ]
    );
    // The last point is today's score.
    let now = PLAN_2023.score(&progress);
    assert_eq!(
        timeline.last().and_then(|t| t.score),
        now.area("ATE").and_then(|a| a.score)
    );
}

#[test]
fn the_timeline_of_an_area_ignores_changes_elsewhere() {
    let mut progress = ate_year();
    let mut other = at_level(3);
    other.updated_at = Some("2023-01-05T09:00:00Z".into());
    // An objective of AAF only, not of ATE.
    let aaf_only = PLAN_2023
        .objectives
        .iter()
        .find(|o| {
            o.assignments.iter().all(|a| a.area != "ATE")
                && o.indicators[0].kind == IndicatorKind::Milestone
        })
        .expect("an objective outside ATE");
    progress.insert(aaf_only.indicators[0].id.clone(), other);
    let days: Vec<String> = PLAN_2023
        .area_timeline(&progress, "ATE")
        .iter()
        .map(|t| t.date.to_string())
        .collect();
    assert_eq!(
        days,
        ["2023-03-10", "2023-06-20", "2023-09-05", "2023-10-02"]
    );
}

#[test]
fn the_indicator_timeline_has_the_level_at_the_end_of_each_day() {
    let progress = ate_year();
    let got: Vec<(String, Option<String>, Option<u8>)> = PLAN_2023
        .indicator_timeline(&progress, "riassetto-bassini-i1")
        .into_iter()
        .map(|(t, state)| {
            (
                t.date.to_string(),
                t.score.map(|s| s.to_string()),
                state.level,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("2023-03-10".into(), Some("1".into()), Some(1)),
            ("2023-09-05".into(), Some("3".into()), Some(3)),
        ]
    );
    assert!(PLAN_2023
        .indicator_timeline(&progress, "metodologia-bim-i1")
        .is_empty());
}

#[test]
fn the_progress_as_of_a_day_leaves_out_what_came_later() {
    let progress = ate_year();
    let june = progress_as_of(&progress, date("2023-06-30"));
    assert_eq!(june["riassetto-bassini-i1"].level, Some(1));
    assert_eq!(june["impianti-fotovoltaici-i1"].level, Some(4));
    assert!(!june.contains_key("campus-bovisa-nord-i1"));
    assert!(progress_as_of(&progress, date("2023-01-01")).is_empty());
}

// ---- Per-area objectives (version 3) -------------------------------------------------

fn at(level: u8, ts: &str) -> ProgressEntry {
    ProgressEntry {
        level: Some(level),
        updated_at: Some(ts.into()),
        ..Default::default()
    }
}

#[test]
fn an_areas_timeline_follows_its_own_result_of_a_per_area_objective() {
    let shared = progress(&[("c", at(3, "2023-02-01T10:00:00Z"))]);
    // B's result changes on days that are not A's: A's timeline ignores them.
    let mut a = at(1, "2023-03-01T10:00:00Z");
    a = a.apply_change(at_level(4), "2023-05-01T10:00:00Z", None);
    let b = at(1, "2023-04-01T10:00:00Z").apply_change(at_level(3), "2023-06-01T10:00:00Z", None);
    let areas = by_area(&[("A", "s", a), ("B", "s", b)]);
    let results = Results::new(&shared, &areas);
    let timeline: Vec<(String, Option<Decimal>)> = survey()
        .area_timeline_results(results, "A")
        .into_iter()
        .map(|t| (t.date.to_string(), t.score))
        .collect();
    assert_eq!(
        timeline,
        [
            // Only the shared objective: 3.
            ("2023-02-01".to_string(), Some(d("3"))),
            // (40·1 + 60·3)/100, then (40·4 + 60·3)/100.
            ("2023-03-01".to_string(), Some(d("2.2"))),
            ("2023-05-01".to_string(), Some(d("3.4"))),
        ]
    );
    let b_days: Vec<String> = survey()
        .area_timeline_results(results, "B")
        .into_iter()
        .map(|t| t.date.to_string())
        .collect();
    assert_eq!(b_days, ["2023-02-01", "2023-04-01", "2023-06-01"]);
}

#[test]
fn a_result_timeline_of_a_per_area_indicator_is_that_areas() {
    let a = at(1, "2023-03-01T10:00:00Z").apply_change(at_level(4), "2023-05-01T10:00:00Z", None);
    let b = at(3, "2023-04-01T10:00:00Z");
    let shared = Progress::new();
    let areas = by_area(&[("A", "s", a), ("B", "s", b)]);
    let p = survey();
    let levels = |key: &ResultKey| -> Vec<(String, Option<Decimal>)> {
        p.result_timeline(Results::new(&shared, &areas), key)
            .into_iter()
            .map(|(t, _)| (t.date.to_string(), t.score))
            .collect()
    };
    assert_eq!(
        levels(&ResultKey::per_area("s", "A")),
        [
            ("2023-03-01".to_string(), Some(d("1"))),
            ("2023-05-01".to_string(), Some(d("4")))
        ]
    );
    assert_eq!(
        levels(&ResultKey::per_area("s", "B")),
        [("2023-04-01".to_string(), Some(d("3")))]
    );
    assert!(levels(&ResultKey::shared("s")).is_empty());
}

#[test]
fn recording_an_areas_result_keeps_the_history_of_that_area_only() {
    let mut s = snapshot_by_area(
        survey(),
        Progress::new(),
        by_area(&[
            ("A", "s", at(1, "2023-03-01T10:00:00Z")),
            ("B", "s", at(1, "2023-03-01T10:00:00Z")),
        ]),
    );
    let key = ResultKey::per_area("s", "A");
    let changed = s.entry(&key).expect("A's entry").apply_change(
        at_level(3),
        "2023-04-01T10:00:00Z",
        Some("A".into()),
    );
    s.set_entry(&key, Some(changed));
    assert_eq!(s.progress_by_area["A"]["s"].history.len(), 1);
    assert!(s.progress_by_area["B"]["s"].history.is_empty());
}
