//! Validation rules, one behaviour per test: each asserts the rule (`IssueKind`),
//! its severity and the exact JSON path of the value at fault.
//!
//! The rules that stop an import before there is a plan to validate (wrong
//! format, newer version, malformed JSON, wrong types) live in `snapshot_io.rs`.

mod common;
/// The CLI's wording of the engine's results (English); the app's, in both
/// languages, is tested in `src/i18n.rs`.
#[path = "../src/bin/cruscotto/wording.rs"]
#[allow(dead_code)]
mod wording;

use common::*;
use cruscotto_engine::*;

/// The plan is valid except for the one thing each test breaks.
fn base() -> Plan {
    single(vec![milestone("m")])
}

/// Asserts that a snapshot has exactly this one error and no warning.
fn assert_one_error(s: &Snapshot, path: &str, kind: IssueKind) {
    let report = validate(s);
    assert_eq!(
        issues_of(&report),
        vec![(path.to_string(), kind)],
        "report: {report:#?}"
    );
    assert!(!report.is_valid());
    assert_eq!(report.errors[0].severity, Severity::Error);
}

fn assert_one_plan_error(p: Plan, path: &str, kind: IssueKind) {
    assert_one_error(&snapshot(p, Progress::new()), path, kind);
}

/// Asserts that a plan is valid, with exactly this one warning.
fn assert_one_warning(p: Plan, path: &str, kind: IssueKind) {
    let report = validate(&snapshot(p, Progress::new()));
    assert_eq!(
        issues_of(&report),
        vec![(path.to_string(), kind)],
        "report: {report:#?}"
    );
    assert!(report.is_valid(), "a warning does not block an import");
    assert_eq!(report.warnings[0].severity, Severity::Warning);
}

#[test]
fn the_base_fixture_is_valid_without_warnings() {
    let report = validate(&snapshot(base(), progress(&[("m", at_level(3))])));
    assert_eq!(issues_of(&report), vec![]);
    assert!(report.is_valid());
}

// ---- Duplicates -------------------------------------------------------------

#[test]
fn duplicate_objective_id_is_an_error_at_the_second_id() {
    let p = plan(
        &["A"],
        vec![
            objective("o", &[("A", "50")], vec![milestone("m1")]),
            objective("o", &[("A", "50")], vec![milestone("m2")]),
        ],
    );
    assert_one_plan_error(
        p,
        "plan.objectives[1].id",
        IssueKind::DuplicateId { id: "o".into() },
    );
}

#[test]
fn duplicate_indicator_id_across_objectives_is_an_error_at_the_second_id() {
    let p = plan(
        &["A"],
        vec![
            objective("o1", &[("A", "50")], vec![milestone("m")]),
            objective("o2", &[("A", "50")], vec![milestone("x"), milestone("m")]),
        ],
    );
    assert_one_plan_error(
        p,
        "plan.objectives[1].indicators[1].id",
        IssueKind::DuplicateId { id: "m".into() },
    );
}

#[test]
fn indicator_id_equal_to_an_objective_id_is_a_duplicate() {
    // Objectives and indicators share one namespace, so that an id in a report
    // or in the progress names one thing only.
    assert_one_plan_error(
        single(vec![milestone("o")]),
        "plan.objectives[0].indicators[0].id",
        IssueKind::DuplicateId { id: "o".into() },
    );
}

#[test]
fn duplicate_area_code_is_an_error_at_the_second_code() {
    let mut p = base();
    p.areas.push(Area {
        code: "A".into(),
        name: "Again".into(),
    });
    assert_one_plan_error(
        p,
        "plan.areas[1].code",
        IssueKind::DuplicateArea { code: "A".into() },
    );
}

#[test]
fn the_same_area_assigned_twice_to_an_objective_is_an_error_at_the_second_assignment() {
    let p = plan(
        &["A"],
        vec![objective(
            "o",
            &[("A", "60"), ("A", "40")],
            vec![milestone("m")],
        )],
    );
    assert_one_plan_error(
        p,
        "plan.objectives[0].assignments[1].area",
        IssueKind::DuplicateArea { code: "A".into() },
    );
}

#[test]
fn duplicate_pillar_id_is_an_error_at_the_second_id() {
    let mut p = base();
    p.pillars.push(Pillar {
        id: "p".into(),
        name: "Again".into(),
    });
    assert_one_plan_error(
        p,
        "plan.pillars[1].id",
        IssueKind::DuplicateId { id: "p".into() },
    );
}

#[test]
fn duplicate_strategic_objective_code_is_an_error_at_the_second_code() {
    let mut p = base();
    let so = StrategicObjective {
        code: "P.1".into(),
        title: "Crescita".into(),
        pillar: "p".into(),
    };
    p.strategic_objectives = vec![so.clone(), so];
    assert_one_plan_error(
        p,
        "plan.strategic_objectives[1].code",
        IssueKind::DuplicateId { id: "P.1".into() },
    );
}

// ---- References -------------------------------------------------------------

#[test]
fn assignment_to_unknown_area_is_an_error_at_its_path() {
    let p = plan(
        &["A", "B"],
        vec![objective(
            "o",
            &[("A", "100"), ("B", "100"), ("ZZZ", "5")],
            vec![milestone("m")],
        )],
    );
    assert_one_plan_error(
        p,
        "plan.objectives[0].assignments[2].area",
        IssueKind::UnknownArea { code: "ZZZ".into() },
    );
}

#[test]
fn objective_in_an_unknown_pillar_is_an_error_at_its_pillar() {
    let mut p = base();
    p.objectives[0].pillar = "nowhere".into();
    assert_one_plan_error(
        p,
        "plan.objectives[0].pillar",
        IssueKind::UnknownPillar {
            id: "nowhere".into(),
        },
    );
}

#[test]
fn strategic_objective_in_an_unknown_pillar_is_an_error_at_its_pillar() {
    let mut p = base();
    p.strategic_objectives = vec![StrategicObjective {
        code: "P.1".into(),
        title: "Crescita".into(),
        pillar: "nowhere".into(),
    }];
    assert_one_plan_error(
        p,
        "plan.strategic_objectives[0].pillar",
        IssueKind::UnknownPillar {
            id: "nowhere".into(),
        },
    );
}

#[test]
fn objective_citing_an_unlisted_strategic_objective_is_an_error() {
    let mut p = base();
    p.strategic_objectives = vec![StrategicObjective {
        code: "P.1".into(),
        title: "Crescita".into(),
        pillar: "p".into(),
    }];
    p.objectives[0].strategic_objective = Some("P.9".into());
    assert_one_plan_error(
        p,
        "plan.objectives[0].strategic_objective",
        IssueKind::UnknownStrategicObjective { code: "P.9".into() },
    );
}

#[test]
fn strategic_objective_codes_are_free_text_when_the_plan_lists_none() {
    let mut p = base();
    p.objectives[0].strategic_objective = Some("Anticorruzione".into());
    assert_eq!(issues_of(&validate_plan(&p)), vec![]);
}

#[test]
fn progress_for_an_unknown_indicator_is_an_error_at_its_key() {
    let s = snapshot(base(), progress(&[("ghost", at_level(3))]));
    assert_one_error(
        &s,
        "progress[\"ghost\"]",
        IssueKind::UnknownIndicator { id: "ghost".into() },
    );
}

// ---- Plan fields ------------------------------------------------------------

#[test]
fn empty_plan_id_is_an_error_at_plan_id() {
    let mut p = base();
    p.id = "  ".into();
    assert_one_plan_error(p, "plan.id", IssueKind::EmptyField { field: "id".into() });
}

#[test]
fn empty_objective_title_is_an_error_at_its_title() {
    let mut p = base();
    p.objectives[0].title = String::new();
    assert_one_plan_error(
        p,
        "plan.objectives[0].title",
        IssueKind::EmptyField {
            field: "title".into(),
        },
    );
}

#[test]
fn empty_indicator_id_is_an_error_at_its_id() {
    assert_one_plan_error(
        single(vec![milestone("")]),
        "plan.objectives[0].indicators[0].id",
        IssueKind::EmptyField { field: "id".into() },
    );
}

#[test]
fn negative_weight_is_an_error_at_the_weight() {
    let p = plan(
        &["A"],
        vec![
            objective("o1", &[("A", "105")], vec![milestone("m1")]),
            objective("o2", &[("A", "-5")], vec![milestone("m2")]),
        ],
    );
    assert_one_plan_error(
        p,
        "plan.objectives[1].assignments[0].weight",
        IssueKind::NegativeWeight { weight: d("-5") },
    );
}

#[test]
fn objective_without_indicators_is_an_error_at_its_indicators() {
    assert_one_plan_error(
        single(vec![]),
        "plan.objectives[0].indicators",
        IssueKind::NoIndicators,
    );
}

// ---- Levels -----------------------------------------------------------------

#[test]
fn higher_is_better_levels_out_of_order_are_an_error_at_the_indicator() {
    assert_one_plan_error(
        single(vec![number("n", "20", "10", "30", Direction::Higher)]),
        "plan.objectives[0].indicators[0]",
        IssueKind::LevelsOutOfOrder {
            direction: Direction::Higher,
        },
    );
}

#[test]
fn lower_is_better_levels_must_decrease() {
    // The ascending order of a higher-is-better indicator is out of order here.
    assert_one_plan_error(
        single(vec![number("n", "10", "20", "30", Direction::Lower)]),
        "plan.objectives[0].indicators[0]",
        IssueKind::LevelsOutOfOrder {
            direction: Direction::Lower,
        },
    );
}

#[test]
fn number_without_direction_is_higher_is_better() {
    let mut n = number("n", "30", "20", "10", Direction::Higher);
    n.direction = None;
    assert_one_plan_error(
        single(vec![n]),
        "plan.objectives[0].indicators[0]",
        IssueKind::LevelsOutOfOrder {
            direction: Direction::Higher,
        },
    );
}

#[test]
fn deadlines_must_be_threshold_latest_and_excellence_earliest() {
    assert_one_plan_error(
        single(vec![deadline(
            "x",
            "2023-06-30",
            "2023-07-31",
            "2023-05-31",
        )]),
        "plan.objectives[0].indicators[0]",
        IssueKind::LevelsOutOfOrder {
            direction: Direction::Lower,
        },
    );
}

#[test]
fn equal_levels_are_in_order() {
    let p = single(vec![
        number("n", "5", "5", "5", Direction::Higher),
        number("l", "5", "5", "5", Direction::Lower),
        deadline("x", "2023-06-30", "2023-06-30", "2023-06-30"),
    ]);
    assert_eq!(issues_of(&validate_plan(&p)), vec![]);
}

#[test]
fn milestone_level_value_other_than_its_grade_is_an_error_at_that_value() {
    let mut m = milestone("m");
    m.threshold.value = LevelValue::Number(d("2"));
    assert_one_plan_error(
        single(vec![m]),
        "plan.objectives[0].indicators[0].threshold.value",
        IssueKind::MilestoneGrade {
            level: "threshold".into(),
            expected: 1,
        },
    );
}

#[test]
fn milestone_level_values_may_be_null() {
    let mut m = milestone("m");
    for level in [&mut m.threshold, &mut m.target, &mut m.excellence] {
        level.value = LevelValue::Empty;
    }
    assert_eq!(issues_of(&validate_plan(&single(vec![m]))), vec![]);
}

#[test]
fn number_without_a_target_value_is_an_error_at_that_value() {
    let mut n = number("n", "1", "2", "3", Direction::Higher);
    n.target.value = LevelValue::Empty;
    assert_one_plan_error(
        single(vec![n]),
        "plan.objectives[0].indicators[0].target.value",
        IssueKind::MissingLevelValue {
            level: "target".into(),
            kind: IndicatorKind::Number,
        },
    );
}

#[test]
fn date_as_a_number_level_is_an_error_at_that_value() {
    let mut n = number("n", "1", "2", "3", Direction::Higher);
    n.excellence.value = LevelValue::Date(date("2023-12-31"));
    assert_one_plan_error(
        single(vec![n]),
        "plan.objectives[0].indicators[0].excellence.value",
        IssueKind::WrongLevelValue {
            level: "excellence".into(),
            kind: IndicatorKind::Number,
        },
    );
}

#[test]
fn number_as_a_deadline_level_is_an_error_at_that_value() {
    let mut x = deadline("x", "2023-06-30", "2023-05-31", "2023-04-30");
    x.threshold.value = LevelValue::Number(d("30"));
    assert_one_plan_error(
        single(vec![x]),
        "plan.objectives[0].indicators[0].threshold.value",
        IssueKind::WrongLevelValue {
            level: "threshold".into(),
            kind: IndicatorKind::Date,
        },
    );
}

#[test]
fn direction_on_a_deadline_is_an_error_at_its_direction() {
    let mut x = deadline("x", "2023-06-30", "2023-05-31", "2023-04-30");
    x.direction = Some(Direction::Lower);
    assert_one_plan_error(
        single(vec![x]),
        "plan.objectives[0].indicators[0].direction",
        IssueKind::DirectionOnNonNumber,
    );
}

// ---- Progress ---------------------------------------------------------------

#[test]
fn milestone_level_2_is_an_error_unless_the_plan_allows_the_intermediate_level() {
    let s = snapshot(base(), progress(&[("m", at_level(2))]));
    assert_one_error(
        &s,
        "progress[\"m\"].level",
        IssueKind::MilestoneLevelNotAllowed { level: 2 },
    );
    let mut allowed = s;
    allowed.plan.scoring.intermediate_level = true;
    assert_eq!(issues_of(&validate(&allowed)), vec![]);
}

#[test]
fn milestone_level_above_4_is_an_error_even_with_the_intermediate_level() {
    let mut p = base();
    p.scoring.intermediate_level = true;
    assert_one_error(
        &snapshot(p, progress(&[("m", at_level(5))])),
        "progress[\"m\"].level",
        IssueKind::MilestoneLevelNotAllowed { level: 5 },
    );
}

#[test]
fn milestone_levels_0_1_3_4_are_allowed() {
    for l in [0, 1, 3, 4] {
        let report = validate(&snapshot(base(), progress(&[("m", at_level(l))])));
        assert_eq!(issues_of(&report), vec![], "level {l}");
    }
}

#[test]
fn a_missed_deadline_is_recorded_as_level_0_and_no_other_level() {
    let p = single(vec![deadline(
        "x",
        "2023-06-30",
        "2023-05-31",
        "2023-04-30",
    )]);
    let ok = snapshot(p.clone(), progress(&[("x", at_level(0))]));
    assert_eq!(issues_of(&validate(&ok)), vec![]);
    assert_one_error(
        &snapshot(p, progress(&[("x", at_level(3))])),
        "progress[\"x\"].level",
        IssueKind::LevelNotAllowedForKind {
            level: 3,
            kind: IndicatorKind::Date,
        },
    );
}

#[test]
fn a_number_records_a_level_only_as_0() {
    let p = single(vec![number("n", "1", "2", "3", Direction::Higher)]);
    assert_one_error(
        &snapshot(p, progress(&[("n", at_level(4))])),
        "progress[\"n\"].level",
        IssueKind::LevelNotAllowedForKind {
            level: 4,
            kind: IndicatorKind::Number,
        },
    );
}

#[test]
fn a_date_recorded_for_a_number_is_a_kind_mismatch_at_the_entry() {
    let p = single(vec![number("n", "1", "2", "3", Direction::Higher)]);
    assert_one_error(
        &snapshot(p, progress(&[("n", done_on("2023-06-15"))])),
        "progress[\"n\"]",
        IssueKind::ProgressKindMismatch {
            kind: IndicatorKind::Number,
        },
    );
}

#[test]
fn a_value_recorded_for_a_deadline_is_a_kind_mismatch_at_the_entry() {
    let p = single(vec![deadline(
        "x",
        "2023-06-30",
        "2023-05-31",
        "2023-04-30",
    )]);
    assert_one_error(
        &snapshot(p, progress(&[("x", valued("12"))])),
        "progress[\"x\"]",
        IssueKind::ProgressKindMismatch {
            kind: IndicatorKind::Date,
        },
    );
}

#[test]
fn a_value_recorded_for_a_milestone_is_a_kind_mismatch_at_the_entry() {
    assert_one_error(
        &snapshot(base(), progress(&[("m", valued("3"))])),
        "progress[\"m\"]",
        IssueKind::ProgressKindMismatch {
            kind: IndicatorKind::Milestone,
        },
    );
}

#[test]
fn recording_both_a_level_and_a_value_is_an_error_at_the_entry() {
    let p = single(vec![number("n", "1", "2", "3", Direction::Higher)]);
    let entry = ProgressEntry {
        level: Some(0),
        value: Some(d("2")),
        ..Default::default()
    };
    assert_one_error(
        &snapshot(p, progress(&[("n", entry)])),
        "progress[\"n\"]",
        IssueKind::SeveralMeasurements,
    );
}

#[test]
fn updated_at_that_is_not_rfc3339_is_an_error_at_updated_at() {
    let entry = ProgressEntry {
        level: Some(3),
        updated_at: Some("15/06/2023".into()),
        ..Default::default()
    };
    assert_one_error(
        &snapshot(base(), progress(&[("m", entry)])),
        "progress[\"m\"].updated_at",
        IssueKind::BadTimestamp {
            value: "15/06/2023".into(),
        },
    );
}

#[test]
fn a_complete_progress_entry_is_valid() {
    let entry = ProgressEntry {
        level: Some(3),
        note: Some("Consegnato".into()),
        updated_at: Some("2023-06-15T10:30:00+02:00".into()),
        updated_by: Some("AAF".into()),
        ..Default::default()
    };
    let report = validate(&snapshot(base(), progress(&[("m", entry)])));
    assert_eq!(issues_of(&report), vec![]);
}

#[test]
fn a_note_alone_is_valid_progress() {
    let entry = ProgressEntry {
        note: Some("in corso".into()),
        ..Default::default()
    };
    let report = validate(&snapshot(base(), progress(&[("m", entry)])));
    assert_eq!(issues_of(&report), vec![]);
}

// ---- Warnings ---------------------------------------------------------------

#[test]
fn area_weights_not_summing_to_100_are_a_warning_at_that_area() {
    let p = plan(
        &["A", "B"],
        vec![
            objective("o1", &[("A", "100"), ("B", "40")], vec![milestone("m1")]),
            objective("o2", &[("B", "20.5")], vec![milestone("m2")]),
        ],
    );
    assert_one_warning(
        p,
        "plan.areas[1]",
        IssueKind::WeightsNot100 {
            area: "B".into(),
            sum: d("60.5"),
        },
    );
}

#[test]
fn weights_summing_to_exactly_100_in_decimals_give_no_warning() {
    let p = plan(
        &["A"],
        vec![
            objective("o1", &[("A", "33.3")], vec![milestone("m1")]),
            objective("o2", &[("A", "33.3")], vec![milestone("m2")]),
            objective("o3", &[("A", "33.4")], vec![milestone("m3")]),
        ],
    );
    assert_eq!(issues_of(&validate_plan(&p)), vec![]);
}

#[test]
fn objective_with_only_zero_weights_is_a_warning_at_the_objective() {
    let p = plan(
        &["A"],
        vec![
            objective("o1", &[("A", "100")], vec![milestone("m1")]),
            objective("o2", &[("A", "0")], vec![milestone("m2")]),
        ],
    );
    assert_one_warning(p, "plan.objectives[1]", IssueKind::NoWeightedArea);
}

#[test]
fn objective_with_no_assignment_is_a_warning_at_the_objective() {
    let p = plan(
        &["A"],
        vec![
            objective("o1", &[("A", "100")], vec![milestone("m1")]),
            objective("o2", &[], vec![milestone("m2")]),
        ],
    );
    assert_one_warning(p, "plan.objectives[1]", IssueKind::NoWeightedArea);
}

#[test]
fn area_without_objectives_is_a_warning_at_that_area() {
    let p = plan(
        &["A", "B"],
        vec![objective("o", &[("A", "100")], vec![milestone("m")])],
    );
    assert_one_warning(
        p,
        "plan.areas[1]",
        IssueKind::AreaWithoutObjectives { area: "B".into() },
    );
}

// ---- The report as a whole --------------------------------------------------

#[test]
fn every_error_is_reported_at_once_in_document_order() {
    let p = plan(
        &["A"],
        vec![
            objective("o", &[("A", "100"), ("X", "5")], vec![milestone("m")]),
            objective("o", &[], vec![milestone("n")]),
        ],
    );
    let s = snapshot(p, progress(&[("ghost", at_level(1))]));
    let report = validate(&s);
    let paths: Vec<&str> = report.errors.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "plan.objectives[0].assignments[1].area",
            "plan.objectives[1].id",
            "progress[\"ghost\"]",
        ]
    );
    let warnings: Vec<&str> = report.warnings.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(warnings, ["plan.objectives[1]"]);
}

#[test]
fn every_issue_has_a_message_with_its_path() {
    let p = plan(
        &["A", "B"],
        vec![
            objective("o", &[("A", "90"), ("X", "5")], vec![milestone("m")]),
            objective("o", &[], vec![]),
        ],
    );
    let report = validate(&snapshot(p, progress(&[("ghost", at_level(1))])));
    for issue in report.errors.iter().chain(&report.warnings) {
        assert!(!wording::issue(issue).is_empty());
        let located = wording::located_issue(issue);
        assert!(located.starts_with(&issue.path), "{located}");
    }
    let unknown = &report.errors[0];
    assert_eq!(
        wording::issue(unknown),
        "the area \"X\" does not exist in the plan"
    );
}

// ---- Per-area objectives (version 3) -------------------------------------------------

#[test]
fn per_area_entries_in_the_areas_of_their_objective_are_valid() {
    let s = snapshot_by_area(
        survey(),
        progress(&[("c", at_level(3))]),
        by_area(&[("A", "s", at_level(4)), ("B", "s", at_level(1))]),
    );
    assert_eq!(issues_of(&validate(&s)), vec![]);
}

#[test]
fn a_shared_entry_of_a_per_area_objective_is_an_error_at_its_path() {
    let s = snapshot(survey(), progress(&[("s", at_level(3))]));
    assert_one_error(
        &s,
        "progress[\"s\"]",
        IssueKind::SharedEntryOfPerAreaObjective {
            id: "s".into(),
            objective: "sat".into(),
        },
    );
}

#[test]
fn an_area_entry_of_a_shared_objective_is_an_error_at_its_path() {
    let s = snapshot_by_area(
        survey(),
        Progress::new(),
        by_area(&[("C", "c", at_level(3))]),
    );
    assert_one_error(
        &s,
        "progress_by_area[\"C\"][\"c\"]",
        IssueKind::AreaEntryOfSharedObjective {
            id: "c".into(),
            objective: "com".into(),
        },
    );
}

#[test]
fn an_entry_for_an_area_the_objective_does_not_weight_is_an_error_at_its_path() {
    let s = snapshot_by_area(
        survey(),
        Progress::new(),
        by_area(&[("C", "s", at_level(3))]),
    );
    assert_one_error(
        &s,
        "progress_by_area[\"C\"][\"s\"]",
        IssueKind::AreaNotWeighted {
            id: "s".into(),
            objective: "sat".into(),
            area: "C".into(),
        },
    );
}

#[test]
fn per_area_progress_of_an_area_the_plan_does_not_have_is_an_error_at_its_path() {
    let s = snapshot_by_area(
        survey(),
        Progress::new(),
        by_area(&[("Q", "s", at_level(3))]),
    );
    assert_one_error(
        &s,
        "progress_by_area[\"Q\"]",
        IssueKind::UnknownArea { code: "Q".into() },
    );
}

#[test]
fn per_area_progress_of_an_unknown_indicator_is_an_error_at_its_path() {
    let s = snapshot_by_area(
        survey(),
        Progress::new(),
        by_area(&[("A", "x", at_level(3))]),
    );
    assert_one_error(
        &s,
        "progress_by_area[\"A\"][\"x\"]",
        IssueKind::UnknownIndicator { id: "x".into() },
    );
}

#[test]
fn an_area_entry_follows_the_rules_of_an_entry_at_its_own_path() {
    let mut e = at_level(2);
    e.updated_at = Some("ieri".into());
    let s = snapshot_by_area(survey(), Progress::new(), by_area(&[("B", "s", e)]));
    assert_eq!(
        issues_of(&validate(&s)),
        vec![
            (
                "progress_by_area[\"B\"][\"s\"].level".to_string(),
                IssueKind::MilestoneLevelNotAllowed { level: 2 }
            ),
            (
                "progress_by_area[\"B\"][\"s\"].updated_at".to_string(),
                IssueKind::BadTimestamp {
                    value: "ieri".into()
                }
            ),
        ]
    );
}

#[test]
fn the_new_rules_are_worded() {
    let issue = Issue {
        severity: Severity::Error,
        path: String::new(),
        kind: IssueKind::AreaNotWeighted {
            id: "s".into(),
            objective: "sat".into(),
            area: "C".into(),
        },
    };
    assert!(wording::issue(&issue).contains("\"sat\""));
}

// ---- Scales (version 4) ---------------------------------------------------------------

fn scaled(scale: Scale) -> Plan {
    let mut n = number("n", "3", "4", "5", Direction::Higher);
    n.scale = Some(scale);
    single(vec![n])
}

#[test]
fn a_scale_on_a_milestone_is_an_error_at_the_scale() {
    let mut m = milestone("m");
    m.scale = Some(Scale::non_negative());
    assert_one_plan_error(
        single(vec![m]),
        "plan.objectives[0].indicators[0].scale",
        IssueKind::ScaleOnNonNumber,
    );
}

#[test]
fn a_scale_whose_minimum_is_above_its_maximum_is_an_error() {
    assert_one_plan_error(
        scaled(Scale::between(d("6"), d("1"))),
        "plan.objectives[0].indicators[0].scale",
        IssueKind::ScaleMinAboveMax {
            min: d("6"),
            max: d("1"),
        },
    );
}

#[test]
fn a_level_outside_the_scale_is_an_error_at_that_level() {
    assert_one_plan_error(
        scaled(Scale::between(d("1"), d("4.5"))),
        "plan.objectives[0].indicators[0].excellence.value",
        IssueKind::LevelOutsideScale {
            level: "excellence".into(),
        },
    );
}

#[test]
fn a_recorded_value_outside_the_scale_is_a_warning_and_the_file_imports() {
    let s = snapshot(
        scaled(Scale::between(d("1"), d("6"))),
        progress(&[("n", valued("7"))]),
    );
    let report = validate(&s);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(
        report.warnings,
        vec![Issue {
            severity: Severity::Warning,
            path: "progress[\"n\"].value".into(),
            kind: IssueKind::ValueOutsideScale {
                value: d("7"),
                min: Some(d("1")),
                max: Some(d("6")),
            },
        }]
    );
    let inside = snapshot(
        scaled(Scale::between(d("1"), d("6"))),
        progress(&[("n", valued("6"))]),
    );
    assert!(validate(&inside).warnings.is_empty());
}
