//! One golden file per snapshot version of the 2023 plan (`tests/golden/`):
//! version 1 and 2 files, written before objectives could be measured per
//! area, migrate with the shipped plan's per-area marks, say what they copied
//! to which areas, and score as before; version 1, 2 and 3 files take the
//! shipped plan's number scales (version 4); version 1 to 4 files take the
//! shipped plan's self-assessment deadline (version 5); the version 5 file is
//! exactly what Cruscotto writes after importing the version 2, 3 or 4 one.
//!
//! Version 6 adds the plan's adoption and revisions: the version 5 file reads
//! as a plan never adopted, and `v6-polimi-2023-revised.json` pins a plan
//! with three revisions.
//!
//! To rewrite the version 6 golden files after an intended change of the
//! format: `CRUSCOTTO_UPDATE_GOLDEN=1 cargo test -p cruscotto-engine --test versions`.

mod common;

use std::path::PathBuf;

use common::*;
use cruscotto_engine::snapshot::{import, import_current, MigrationNote, CURRENT_VERSION};
use cruscotto_engine::*;
use serde_json::{json, Value};

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(golden_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Compares `text` with a golden file, or rewrites it when asked to.
fn assert_golden(name: &str, text: &str) {
    if std::env::var_os("CRUSCOTTO_UPDATE_GOLDEN").is_some() {
        std::fs::write(golden_path(name), text).expect("the golden file is writable");
    }
    assert!(
        golden(name) == text,
        "{name} differs from what the engine writes"
    );
}

/// The per-area objectives of the 2023 plan, in plan order, with the areas
/// they are assigned to.
const PER_AREA: [(&str, &[&str]); 4] = [
    (
        "soddisfazione-docenti",
        &["AAF", "ACL", "AGIS", "APEC", "ARES", "ARUO", "ASICT", "ATE"],
    ),
    (
        "soddisfazione-studenti",
        &["ACL", "ADID", "AGIS", "APEC", "ARES", "ASICT", "ATE"],
    ),
    (
        "soddisfazione-pta",
        &["AAF", "AGIS", "APEC", "ARUO", "ASICT"],
    ),
    (
        "rotazione-rup",
        &[
            "AAF", "ACL", "ADID", "AGIS", "APEC", "ARES", "ARUO", "ASICT", "ATE",
        ],
    ),
];

fn copied(objective: &str, areas: &[&str]) -> MigrationNote {
    MigrationNote::CopiedPerArea {
        objective: objective.into(),
        indicator: format!("{objective}-i1"),
        areas: areas.iter().map(|a| a.to_string()).collect(),
    }
}

/// What migrating the version 1 or 2 golden file must say: the four
/// objectives marked per area, and the three of them with progress copied to
/// each of their areas (soddisfazione-pta has no entry in the file).
fn expected_notes() -> Vec<MigrationNote> {
    let mut notes: Vec<MigrationNote> = PER_AREA
        .iter()
        .map(|(o, _)| MigrationNote::MarkedPerArea {
            objective: o.to_string(),
        })
        .collect();
    notes.extend(
        PER_AREA
            .iter()
            .filter(|(o, _)| *o != "soddisfazione-pta")
            .map(|(o, areas)| copied(o, areas)),
    );
    notes.push(scales_added());
    notes.push(deadline_added());
    notes
}

/// Every file of the 2023 plan before version 5 takes the shipped deadline.
fn deadline_added() -> MigrationNote {
    MigrationNote::DeadlineAdded {
        date: "2024-01-31".into(),
    }
}

/// The number indicators of the 2023 plan, in plan order: every one takes
/// the shipped scale when a file of an older version is migrated.
fn scales_added() -> MigrationNote {
    let plan = default_snapshot().plan;
    let indicators = plan
        .objectives
        .iter()
        .flat_map(|o| o.indicators.iter())
        .filter(|i| i.kind == IndicatorKind::Number)
        .map(|i| i.id.clone())
        .collect::<Vec<_>>();
    assert_eq!(indicators.len(), 21);
    MigrationNote::ScalesAdded { indicators }
}

/// The plan of a version 1 or 2 file read as if it were shared throughout:
/// how those files were scored before version 3.
fn score_as_shared(text: &str) -> Scorecard {
    let v: Value = serde_json::from_str(text).expect("JSON");
    let mut s: Snapshot = serde_json::from_value(v).expect("a snapshot");
    for o in &mut s.plan.objectives {
        o.measurement = Measurement::Shared;
    }
    s.plan.score(&s.progress)
}

#[test]
fn a_version_2_file_of_the_2023_plan_migrates_with_notes_of_what_was_copied_per_area() {
    let text = golden("v2-polimi-2023.json");
    let imported = import(text.as_bytes()).expect("the version 2 golden file imports");
    assert_eq!(imported.source_version, 2);
    assert_eq!(imported.migration_notes, expected_notes());
    let s = &imported.snapshot;
    assert_eq!(s.version, CURRENT_VERSION);
    for (id, areas) in PER_AREA {
        let o = s.plan.objective(id).expect("in the plan");
        assert_eq!(o.measurement, Measurement::PerArea, "{id}");
        assert_eq!(o.areas().collect::<Vec<_>>(), areas, "{id}");
        let indicator = format!("{id}-i1");
        assert!(
            !s.progress.contains_key(&indicator),
            "{id} left in progress"
        );
    }
    // Every copy is the version 2 entry, history included.
    let original: Value = serde_json::from_str(&text).expect("JSON");
    let written: Value = serde_json::from_str(&s.to_json()).expect("JSON");
    for area in PER_AREA[0].1 {
        assert_eq!(
            written["progress_by_area"][area]["soddisfazione-docenti-i1"],
            original["progress"]["soddisfazione-docenti-i1"],
            "{area}"
        );
    }
    assert_eq!(
        written["progress_by_area"]["ADID"],
        json!({
            "rotazione-rup-i1": original["progress"]["rotazione-rup-i1"],
            "soddisfazione-studenti-i1": original["progress"]["soddisfazione-studenti-i1"],
        })
    );
    // Shared objectives' entries are as they were.
    for id in [
        "programmazione-pta-i1",
        "soddisfazione-residenze-i1",
        "campus-bovisa-nord-i1",
    ] {
        assert_eq!(written["progress"][id], original["progress"][id], "{id}");
    }
    assert_eq!(
        imported.report.warnings,
        vec![],
        "the migrated file is clean"
    );
}

#[test]
fn the_migrated_2023_snapshot_is_the_version_6_golden_file_and_scores_as_before() {
    let v2 = golden("v2-polimi-2023.json");
    let imported = import(v2.as_bytes()).expect("imports");
    let s = &imported.snapshot;
    assert_golden("v6-polimi-2023.json", &s.to_json());
    // The copies are equal in every area, so every area, objective and
    // pillar scores as the version 2 file did with one shared result.
    let before = score_as_shared(&v2);
    let after = s.score();
    assert_eq!(after.areas, before.areas);
    assert_eq!(after.pillars, before.pillars);
    for (id, areas) in PER_AREA {
        for area in areas {
            assert_eq!(
                after.objective_in(id, area),
                before.objective(id),
                "{id} in {area}"
            );
        }
        assert_eq!(after.objective(id), None, "{id} has no single level");
    }
    let mut summary = serde_json::to_string_pretty(&score_summary(&s.plan, &after)).expect("JSON");
    summary.push('\n');
    assert_golden("v4-polimi-2023.score.json", &summary);
}

#[test]
fn the_version_3_golden_file_takes_the_shipped_scales_and_scores_as_before() {
    let v3 = import(golden("v3-polimi-2023.json").as_bytes()).expect("imports");
    assert_eq!(v3.source_version, 3);
    assert_eq!(v3.migration_notes, vec![scales_added(), deadline_added()]);
    assert_eq!(v3.snapshot.to_json(), golden("v6-polimi-2023.json"));
    let survey = v3
        .snapshot
        .plan
        .indicator("soddisfazione-docenti-i1")
        .and_then(|(_, i)| i.scale.clone());
    assert_eq!(survey, Some(Scale::between(d("1"), d("6"))));
    assert_eq!(
        golden("v3-polimi-2023.score.json"),
        golden("v4-polimi-2023.score.json"),
        "a scale changes no score"
    );
}

#[test]
fn the_version_4_golden_file_takes_the_shipped_deadline_and_nothing_else() {
    let v4 = import(golden("v4-polimi-2023.json").as_bytes()).expect("imports");
    assert_eq!(v4.source_version, 4);
    assert_eq!(v4.migration_notes, vec![deadline_added()]);
    assert_eq!(v4.snapshot.to_json(), golden("v6-polimi-2023.json"));
    assert!(v4.snapshot.area_status.is_empty(), "every area a draft");
    // Another plan's version 4 file is migrated unchanged.
    let mut other: Value = serde_json::from_str(&golden("v4-polimi-2023.json")).expect("JSON");
    other["plan"]["id"] = json!("altro-piano");
    let other = import(other.to_string().as_bytes()).expect("imports");
    assert!(other.migration_notes.is_empty());
    assert_eq!(other.snapshot.plan.self_assessment_deadline, None);
}

#[test]
fn the_version_5_golden_file_migrates_to_version_6_as_a_plan_never_adopted() {
    let v5 = import(golden("v5-polimi-2023.json").as_bytes()).expect("imports");
    assert_eq!(v5.source_version, 5);
    assert!(v5.migration_notes.is_empty());
    assert_eq!(v5.snapshot.plan.adoption, None);
    assert!(v5.snapshot.plan.revisions.is_empty());
    assert_eq!(v5.snapshot.to_json(), golden("v6-polimi-2023.json"));
}

#[test]
fn the_version_6_golden_file_reads_on_the_fast_path_without_migration_notes() {
    let text = golden("v6-polimi-2023.json");
    let fast = import_current(text.as_bytes()).expect("a current-version file");
    let general = import(text.as_bytes()).expect("imports");
    assert_eq!(fast, general);
    assert_eq!(general.source_version, 6);
    assert!(general.migration_notes.is_empty());
    assert_eq!(
        general.snapshot.to_json(),
        text,
        "written back byte for byte"
    );
}

/// The version 6 golden file of a revised plan: the 2023 plan adopted and
/// changed three times (`common::revised_2023`), written and read back byte
/// for byte, its original plan the shipped one.
#[test]
fn the_revised_2023_plan_is_the_version_6_revisions_golden_file() {
    let s = revised_2023();
    assert_golden("v6-polimi-2023-revised.json", &s.to_json());
    let back = import_current(golden("v6-polimi-2023-revised.json").as_bytes()).expect("reads");
    assert_eq!(back.snapshot, s);
    assert_eq!(
        back.snapshot.to_json(),
        golden("v6-polimi-2023-revised.json")
    );
    assert_eq!(
        back.snapshot.plan.original().objectives,
        default_snapshot().plan.objectives
    );
}

#[test]
fn a_version_1_file_of_the_2023_plan_migrates_like_version_2_without_histories() {
    let v1 = import(golden("v1-polimi-2023.json").as_bytes()).expect("imports");
    let v2 = import(golden("v2-polimi-2023.json").as_bytes()).expect("imports");
    assert_eq!(v1.source_version, 1);
    assert_eq!(v1.migration_notes, expected_notes());
    let strip = |s: &Snapshot| {
        let mut s = s.clone();
        s.progress.values_mut().for_each(|e| e.history.clear());
        s.progress_by_area
            .values_mut()
            .flat_map(|p| p.values_mut())
            .for_each(|e| e.history.clear());
        s
    };
    assert_eq!(v1.snapshot, strip(&v2.snapshot));
    assert_eq!(v1.snapshot.score().areas, v2.snapshot.score().areas);
}

#[test]
fn after_migration_one_areas_satisfaction_no_longer_moves_another_areas_score() {
    // The defect of issue #13: ARUO's satisfaction score changed AAF's score.
    let mut s = import(golden("v2-polimi-2023.json").as_bytes())
        .expect("imports")
        .snapshot;
    let before = s.score();
    let key = ResultKey::per_area("soddisfazione-docenti-i1", "ARUO");
    s.set_entry(&key, Some(valued("5")));
    let after = s.score();
    assert_ne!(after.area("ARUO"), before.area("ARUO"));
    for area in s.plan.areas.iter().filter(|a| a.code != "ARUO") {
        assert_eq!(
            after.area(&area.code),
            before.area(&area.code),
            "{}",
            area.code
        );
    }
    assert_eq!(
        after.objective_in("soddisfazione-docenti", "ARUO"),
        Some(d("4"))
    );
    assert_eq!(
        after.objective_in("soddisfazione-docenti", "AAF"),
        Some(d("3"))
    );
}

#[test]
fn a_version_2_file_of_another_plan_migrates_unchanged() {
    let mut v = value_of(two_areas(), progress(&[("m1", at_level(3))]));
    v["version"] = json!(2);
    let imported = import(v.to_string().as_bytes()).expect("imports");
    assert!(imported.migration_notes.is_empty());
    assert!(imported.snapshot.progress_by_area.is_empty());
    assert_eq!(imported.snapshot.progress, progress(&[("m1", at_level(3))]));
}

#[test]
fn an_objective_of_the_2023_plan_with_other_indicators_is_not_marked_per_area() {
    // A planning office that edited the objective in an older version: its
    // indicators are not the shipped ones, so its entries are left shared.
    let mut v: Value = serde_json::from_str(&golden("v2-polimi-2023.json")).expect("JSON");
    let objectives = v["plan"]["objectives"].as_array_mut().expect("objectives");
    let o = objectives
        .iter_mut()
        .find(|o| o["id"] == "rotazione-rup")
        .expect("rotazione-rup");
    o["indicators"][0]["id"] = json!("rotazione-rup-bis");
    let entry = v["progress"]["rotazione-rup-i1"].take();
    v["progress"]["rotazione-rup-bis"] = entry;
    v["progress"]
        .as_object_mut()
        .expect("progress")
        .remove("rotazione-rup-i1");
    let imported = import(v.to_string().as_bytes()).expect("imports");
    let s = &imported.snapshot;
    assert_eq!(
        s.plan.objective("rotazione-rup").map(|o| o.measurement),
        Some(Measurement::Shared)
    );
    assert!(s.progress.contains_key("rotazione-rup-bis"));
    assert!(!imported
        .migration_notes
        .iter()
        .any(|n| format!("{n:?}").contains("rotazione-rup")));
}

#[test]
fn migration_notes_serialize_as_tagged_data_for_the_app_to_word() {
    let note = copied("rotazione-rup", &["AAF", "ACL"]);
    assert_eq!(
        serde_json::to_value(&note).expect("JSON"),
        json!({
            "note": "copied_per_area",
            "objective": "rotazione-rup",
            "indicator": "rotazione-rup-i1",
            "areas": ["AAF", "ACL"],
        })
    );
}

#[test]
fn an_areas_file_holds_only_what_weighs_in_that_area_and_says_so() {
    let mut s = import(golden("v5-polimi-2023.json").as_bytes())
        .expect("imports")
        .snapshot;
    s.set_entry(
        &ResultKey::per_area("soddisfazione-docenti-i1", "ARUO"),
        Some(valued("4.5")),
    );
    let aruo = s.for_area("ARUO");
    assert_eq!(aruo.area.as_deref(), Some("ARUO"));
    assert_eq!(aruo.plan, s.plan, "the whole plan travels");
    for id in aruo.progress.keys() {
        let (o, _) = s.plan.indicator(id).expect("in the plan");
        assert!(
            o.assignments.iter().any(|a| a.area == "ARUO"),
            "{id} weighs in ARUO"
        );
    }
    assert!(
        aruo.progress.len() < s.progress.len(),
        "other areas' results left out"
    );
    assert_eq!(
        aruo.progress_by_area.keys().collect::<Vec<_>>(),
        vec!["ARUO"]
    );
    // ARUO scores the same from its own file.
    assert_eq!(aruo.score().area("ARUO"), s.score().area("ARUO"));
    // The file says whose it is, and reads back as such.
    let back = import(aruo.to_json().as_bytes()).expect("imports");
    assert_eq!(back.snapshot.area.as_deref(), Some("ARUO"));
    assert!(back.report.errors.is_empty());
    let mut wrong = aruo.clone();
    wrong.area = Some("XYZ".into());
    let refused = import(wrong.to_json().as_bytes());
    assert!(refused.is_err(), "an unknown area is an error");
}
