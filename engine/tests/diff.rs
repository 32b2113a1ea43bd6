//! Comparison of two snapshots: plan metadata, areas, objectives (fields,
//! weights, indicators, levels), progress, and area scores before and after.

mod common;
/// The CLI's wording of the engine's results (English); the app's, in both
/// languages, is tested in `src/i18n.rs`.
#[path = "../src/bin/cruscotto/wording.rs"]
#[allow(dead_code)]
mod wording;

use common::*;
use cruscotto_engine::diff::{
    diff, diff_plans, diff_scored, AreaScoreChange, Change, EntryChange, WeightChange,
};
use cruscotto_engine::*;
use serde_json::json;

/// Areas A and B; o1 weighs 60 in A and 100 in B, o2 40 in A.
fn base() -> Plan {
    plan(
        &["A", "B"],
        vec![
            objective("o1", &[("A", "60"), ("B", "100")], vec![milestone("m1")]),
            objective(
                "o2",
                &[("A", "40")],
                vec![
                    number("n1", "10", "20", "30", Direction::Higher),
                    milestone("m2"),
                ],
            ),
        ],
    )
}

#[test]
fn equal_snapshots_have_an_empty_diff_with_their_scores() {
    let s = snapshot(base(), progress(&[("m1", at_level(3))]));
    let x = diff(&s, &s.clone());
    assert!(x.is_empty());
    assert!(wording::plan_diff(&x.plan).is_empty());
    assert_eq!(
        x.scores,
        vec![
            AreaScoreChange {
                area: "A".into(),
                before: Some(d3()),
                after: Some(d3())
            },
            AreaScoreChange {
                area: "B".into(),
                before: Some(d3()),
                after: Some(d3())
            },
        ]
    );
}

fn d3() -> rust_decimal::Decimal {
    d("3")
}

#[test]
fn metadata_changes_are_listed_with_both_values() {
    let mut after = base();
    after.id = "test-2024".into();
    after.title = "Piano 2024".into();
    after.year = 2024;
    after.scoring.numeric = NumericMode::Linear;
    let x = diff_plans(&base(), &after);
    assert_eq!(x.fields, ["id", "title", "year", "scoring"]);
    assert_eq!(
        x.id,
        Some(Change {
            before: "test".to_string(),
            after: "test-2024".to_string()
        })
    );
    assert_eq!(
        x.year,
        Some(Change {
            before: 2023,
            after: 2024
        })
    );
    assert_eq!(
        x.scoring.as_ref().map(|c| c.after.numeric),
        Some(NumericMode::Linear)
    );
    assert!(x.objectives_changed.is_empty() && x.areas_added.is_empty());
    let en = wording::plan_diff(&x);
    assert_eq!(en.len(), 4, "{en:?}");
    assert!(en.contains(&"year: 2023 → 2024".to_string()), "{en:?}");
}

#[test]
fn areas_added_removed_and_renamed_are_found_by_code() {
    let mut after = base();
    after.areas[0].name = "Area Amministrazione".into();
    after.areas.remove(1);
    after.areas.push(Area {
        code: "C".into(),
        name: "Area C".into(),
    });
    let x = diff_plans(&base(), &after);
    assert_eq!(x.fields, ["areas"]);
    assert_eq!(
        x.areas_added
            .iter()
            .map(|a| a.code.as_str())
            .collect::<Vec<_>>(),
        ["C"]
    );
    assert_eq!(
        x.areas_removed
            .iter()
            .map(|a| a.code.as_str())
            .collect::<Vec<_>>(),
        ["B"]
    );
    assert_eq!(x.areas_renamed.len(), 1);
    assert_eq!(x.areas_renamed[0].code, "A");
    assert_eq!(x.areas_renamed[0].after, "Area Amministrazione");
}

#[test]
fn objectives_added_removed_and_changed_are_found_by_id() {
    let mut after = base();
    after.objectives.remove(0);
    after
        .objectives
        .push(objective("o3", &[("B", "100")], vec![milestone("m3")]));
    let o2 = &mut after.objectives[0];
    o2.title = "Nuovo titolo".into();
    o2.purpose = "Perché".into();
    o2.assignments[0].weight = d("35");
    o2.assignments.push(Assignment {
        area: "B".into(),
        weight: d("5"),
    });
    let x = diff_plans(&base(), &after);
    assert_eq!(x.objectives_added, ["o3"]);
    assert_eq!(x.objectives_removed, ["o1"]);
    assert_eq!(x.objectives_changed.len(), 1);
    let c = &x.objectives_changed[0];
    assert_eq!(c.id, "o2");
    assert_eq!(c.fields, ["title", "purpose", "assignments"]);
    assert_eq!(
        c.title.as_ref().map(|t| t.before.as_str()),
        Some("Objective o2")
    );
    assert_eq!(c.purpose.as_ref().map(|t| t.after.as_str()), Some("Perché"));
    assert_eq!(
        c.weights,
        vec![
            WeightChange {
                area: "A".into(),
                before: Some(d("40")),
                after: Some(d("35"))
            },
            WeightChange {
                area: "B".into(),
                before: None,
                after: Some(d("5"))
            },
        ]
    );
    assert!(c.indicators_added.is_empty() && c.indicators_changed.is_empty());
}

#[test]
fn a_weight_written_differently_is_not_a_change() {
    let mut after = base();
    after.objectives[0].assignments[0].weight = d("60.0");
    assert!(diff_plans(&base(), &after).is_empty());
}

#[test]
fn indicators_added_removed_and_levels_changed_are_listed() {
    let mut after = base();
    let o2 = &mut after.objectives[1];
    o2.indicators[0].target.value = LevelValue::Number(d("25"));
    o2.indicators[0].unit = Some("%".into());
    o2.indicators.remove(1);
    o2.indicators
        .push(deadline("d1", "2023-12-31", "2023-09-30", "2023-06-30"));
    let x = diff_plans(&base(), &after);
    let c = &x.objectives_changed[0];
    assert_eq!(c.fields, ["indicators"]);
    assert_eq!(c.indicators_added, ["d1"]);
    assert_eq!(c.indicators_removed, ["m2"]);
    assert_eq!(c.indicators_changed.len(), 1);
    let i = &c.indicators_changed[0];
    assert_eq!(i.id, "n1");
    assert_eq!(i.fields, ["unit", "target"]);
    assert_eq!(i.levels.len(), 1);
    assert_eq!(i.levels[0].level, "target");
    assert_eq!(i.levels[0].before.value, LevelValue::Number(d("20")));
    assert_eq!(i.levels[0].after.value, LevelValue::Number(d("25")));
}

#[test]
fn progress_changes_and_scores_before_and_after() {
    let before = snapshot(
        base(),
        progress(&[("m2", at_level(4)), ("n1", valued("25"))]),
    );
    let after = snapshot(
        base(),
        progress(&[("m1", at_level(3)), ("n1", valued("35"))]),
    );
    let x = diff(&before, &after);
    assert!(x.plan.is_empty());
    assert!(!x.is_empty());
    assert_eq!(
        x.progress.added,
        vec![EntryChange {
            indicator_id: "m1".into(),
            area: None,
            before: None,
            after: Some(at_level(3)),
        }]
    );
    assert_eq!(
        x.progress.removed,
        vec![EntryChange {
            indicator_id: "m2".into(),
            area: None,
            before: Some(at_level(4)),
            after: None,
        }]
    );
    assert_eq!(
        x.progress.changed,
        vec![EntryChange {
            indicator_id: "n1".into(),
            area: None,
            before: Some(valued("25")),
            after: Some(valued("35")),
        }]
    );
    // Before: o1 not assessed, o2 = mean(3, 4) = 3.5, so A = 3.5 and B has none.
    // After: o1 at 3, o2 not assessed (m2 gone), so A = 3 and B = 3.
    assert_eq!(
        x.scores,
        vec![
            AreaScoreChange {
                area: "A".into(),
                before: Some(d("3.5")),
                after: Some(d("3"))
            },
            AreaScoreChange {
                area: "B".into(),
                before: None,
                after: Some(d("3"))
            },
        ]
    );
}

#[test]
fn a_scored_plan_and_results_compare_exactly_as_their_snapshot() {
    let before = snapshot(
        base(),
        progress(&[("m2", at_level(4)), ("n1", valued("25"))]),
    );
    let mut after_plan = base();
    after_plan.objectives[0].title.push_str(" (rev.)");
    let after = snapshot(after_plan, progress(&[("m1", at_level(3))]));
    let card = before.score();
    let scored = diff_scored(&before.plan, before.results(), &card, &after);
    assert_eq!(scored, diff(&before, &after));
    assert_eq!(scored.plan.objectives_changed.len(), 1);
}

#[test]
fn scores_cover_the_areas_of_both_plans() {
    let mut after = base();
    after.areas.remove(1);
    after.objectives[0].assignments.remove(1);
    let x = diff(
        &snapshot(base(), progress(&[("m1", at_level(4))])),
        &snapshot(after, progress(&[("m1", at_level(4))])),
    );
    assert_eq!(
        x.scores,
        vec![
            AreaScoreChange {
                area: "A".into(),
                before: Some(d("4")),
                after: Some(d("4"))
            },
            AreaScoreChange {
                area: "B".into(),
                before: Some(d("4")),
                after: None
            },
        ]
    );
}

#[test]
fn the_diff_serializes_with_decimals_as_strings() {
    let mut after = base();
    after.objectives[1].assignments[0].weight = d("35.50");
    let v = serde_json::to_value(diff(
        &snapshot(base(), Progress::new()),
        &snapshot(after, progress(&[("m1", at_level(3))])),
    ))
    .expect("serializes");
    assert_eq!(
        v["plan"]["objectives_changed"][0]["weights"],
        json!([{"area": "A", "before": "40", "after": "35.5"}])
    );
    assert_eq!(
        v["progress"]["added"][0],
        json!({"indicator_id": "m1", "before": null, "after": {"level": 3}})
    );
    assert_eq!(
        v["scores"][1],
        json!({"area": "B", "before": null, "after": "3"})
    );
}

#[test]
fn the_2023_plan_against_itself_with_progress() {
    let before = default_snapshot();
    let mut after = default_snapshot();
    after.progress = progress(&[("sito-ateneo-i1", at_level(4))]);
    let x = diff(&before, &after);
    assert!(x.plan.is_empty());
    assert_eq!(x.progress.added.len(), 1);
    assert_eq!(x.scores.len(), 9);
    let apec = x.scores.iter().find(|s| s.area == "APEC").expect("APEC");
    assert_eq!((apec.before, apec.after), (None, Some(d("4"))));
}

// ---- Per-area objectives (version 3) -------------------------------------------------

#[test]
fn a_changed_area_result_is_a_row_that_names_its_area_and_moves_only_that_area() {
    let before = snapshot_by_area(
        survey(),
        progress(&[("c", at_level(3))]),
        by_area(&[("A", "s", at_level(3)), ("B", "s", at_level(3))]),
    );
    let after = snapshot_by_area(
        survey(),
        progress(&[("c", at_level(3))]),
        by_area(&[("A", "s", at_level(4)), ("B", "s", at_level(3))]),
    );
    let mut without_a = after.clone();
    without_a.set_entry(&ResultKey::per_area("s", "A"), None);
    let x = diff(&before, &after);
    assert_eq!(
        x.progress.changed,
        vec![EntryChange {
            indicator_id: "s".into(),
            area: Some("A".into()),
            before: Some(at_level(3)),
            after: Some(at_level(4)),
        }]
    );
    assert!(x.progress.added.is_empty() && x.progress.removed.is_empty());
    let score = |code: &str| {
        x.scores
            .iter()
            .find(|s| s.area == code)
            .map(|s| (s.before, s.after))
            .expect("every area")
    };
    // A: (40·3 + 60·3)/100 → (40·4 + 60·3)/100; B and C as they were.
    assert_eq!(score("A"), (Some(d("3")), Some(d("3.4"))));
    assert_eq!(score("B"), (Some(d("3")), Some(d("3"))));
    assert_eq!(score("C"), (Some(d("3")), Some(d("3"))));
    let removed = diff(&before, &without_a).progress.removed;
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].key(), ResultKey::per_area("s", "A"));
    let json = serde_json::to_value(&x.progress.changed[0]).expect("JSON");
    assert_eq!(json["area"], "A");
    // A shared row has no area key at all, as before version 3.
    let shared = diff(
        &before,
        &snapshot_by_area(survey(), Progress::new(), before.progress_by_area.clone()),
    );
    let json = serde_json::to_value(&shared.progress.removed[0]).expect("JSON");
    assert!(json.get("area").is_none(), "{json}");
}

#[test]
fn a_change_of_measurement_alone_is_named_on_its_objective() {
    let before = survey();
    let mut after = survey();
    after.objectives[0].measurement = Measurement::Shared;
    let d = diff_plans(&before, &after);
    assert_eq!(d.fields, ["objectives"]);
    assert_eq!(d.objectives_changed.len(), 1);
    assert_eq!(d.objectives_changed[0].id, "sat");
    assert_eq!(d.objectives_changed[0].fields, ["measurement"]);
}
