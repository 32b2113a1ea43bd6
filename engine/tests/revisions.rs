//! Changes to an adopted plan (snapshot version 6): the revision log keeps
//! the original, scores read against either plan on the same results, the
//! log survives a file, a merge and a diff, and a broken log is refused.

mod common;

use common::*;
use cruscotto_engine::diff::diff;
use cruscotto_engine::merge::merge;
use cruscotto_engine::revision::{
    adopt, discard, pending, record, revision_effects, track, withdraw_adoption, AreaEffect,
    RevisionError, RevisionInput,
};
use cruscotto_engine::snapshot::import;
use cruscotto_engine::*;

fn area_score(s: &Scorecard, area: &str) -> Option<rust_decimal::Decimal> {
    s.area(area).and_then(|a| a.score)
}

#[test]
fn the_original_plan_is_the_plan_as_adopted_and_the_revisions_are_undone_exactly() {
    let s = revised_2023();
    let mut adopted = default_snapshot().plan;
    adopted.adoption = s.plan.adoption.clone();
    assert_eq!(s.plan.original().objectives, adopted.objectives);
    assert_eq!(s.plan.original().revisions, vec![]);
    assert_eq!(s.plan.revisions.len(), 3);
    assert!(s
        .plan
        .objective("promozione-opportunita-professionali")
        .is_none());
    assert!(s.plan.check_log().is_ok());
    assert!(validate(&s).is_valid(), "{:?}", validate(&s).errors);
}

#[test]
fn the_same_results_score_against_the_revised_and_the_original_plan() {
    let s = revised_2023();
    let revised = s.plan.score_results(s.results());
    let original = s.plan.original().score_results(s.results());
    // nuove-aule done 10/07: after the original target (30/06), before the
    // revised one (15/07): threshold (1) against target (3). AAF weighs it 10 %.
    assert_eq!(original.objective("nuove-aule"), Some(d("1")));
    assert_eq!(revised.objective("nuove-aule"), Some(d("3")));
    // piano-manutenzioni 87 %: under the original target 90, over the revised 85.
    assert_eq!(original.objective("piano-manutenzioni"), Some(d("1")));
    assert_eq!(revised.objective("piano-manutenzioni"), Some(d("3")));
    // ARUO: 15 % at 4 and 10 % at 1 originally, (60 + 10) / 25; 25 % at 4 once dropped.
    assert_eq!(area_score(&original, "ARUO"), Some(d("2.8")));
    assert_eq!(area_score(&revised, "ARUO"), Some(d("4")));
    assert_eq!(area_score(&original, "AAF"), Some(d("1")));
    assert_eq!(area_score(&revised, "AAF"), Some(d("3")));
    assert_eq!(area_score(&original, "AGIS"), Some(d("1")));
    assert_eq!(area_score(&revised, "AGIS"), Some(d("3")));
    // An area no revision touched scores the same.
    assert_eq!(area_score(&original, "ATE"), area_score(&revised, "ATE"));
}

#[test]
fn each_revision_lists_the_areas_it_touches_and_how_their_score_moved() {
    let s = revised_2023();
    let effects = revision_effects(&s.plan, s.results());
    let ids: Vec<&str> = effects.iter().map(|e| e.revision.as_str()).collect();
    assert_eq!(ids, ["r1", "r2", "r3"]);
    assert_eq!(
        effects[0].areas,
        vec![AreaEffect {
            area: "AAF".into(),
            before: Some(d("1")),
            after: Some(d("3"))
        }]
    );
    assert_eq!(
        effects[2].areas,
        vec![AreaEffect {
            area: "ARUO".into(),
            before: Some(d("2.8")),
            after: Some(d("4"))
        }]
    );
}

#[test]
fn the_results_of_a_dropped_objective_are_kept_and_stay_valid() {
    let s = revised_2023();
    assert!(s
        .progress
        .contains_key("promozione-opportunita-professionali-i1"));
    let report = validate(&s);
    assert!(
        report.errors.is_empty() && report.warnings.is_empty(),
        "{:?}",
        report.errors
    );
}

#[test]
fn the_revised_plan_travels_through_a_file_unchanged() {
    let s = revised_2023();
    let back = import(s.to_json().as_bytes()).expect("imports");
    assert_eq!(back.snapshot, s);
}

#[test]
fn an_edited_back_objective_leaves_the_unrecorded_list_and_discard_restores_the_rest() {
    let mut plan = default_snapshot().plan;
    adopt(&mut plan, date("2023-01-31"), "Delibera", None, None).expect("adopts");
    let before = plan.objectives.clone();
    plan.objectives[0].title = "Altro".into();
    plan.objectives[1].title = "Altro ancora".into();
    track(&before, &mut plan);
    assert_eq!(pending(&plan).len(), 2);
    let again = plan.objectives.clone();
    plan.objectives[0].title = before[0].title.clone();
    track(&again, &mut plan);
    assert_eq!(plan.unrecorded.len(), 1, "only the second is still changed");
    discard(&mut plan);
    assert_eq!(plan.objectives, before);
    assert!(plan.unrecorded.is_empty());
}

#[test]
fn removing_objectives_in_any_order_after_other_edits_restores_the_original_order() {
    let mut plan = default_snapshot().plan;
    adopt(&mut plan, date("2023-01-31"), "Delibera", None, None).expect("adopts");
    let original = plan.objectives.clone();
    let edit = |plan: &mut Plan, f: &dyn Fn(&mut Plan)| {
        let before = plan.objectives.clone();
        f(plan);
        track(&before, plan);
    };
    // Change the third objective, remove the sixth, then remove the third.
    let third = original[2].id.clone();
    let sixth = original[5].id.clone();
    edit(&mut plan, &|p| p.objectives[2].title = "Cambiato".into());
    edit(&mut plan, &|p| p.objectives.retain(|o| o.id != sixth));
    edit(&mut plan, &|p| p.objectives.retain(|o| o.id != third));
    assert_eq!(plan.recorded().objectives, original);
    let input = RevisionInput {
        effective: Some(date("2023-03-01")),
        reason: "Motivo".into(),
        act: "Delibera".into(),
    };
    record(&mut plan, &input, None, None).expect("records");
    assert_eq!(plan.original().objectives, original);
    discard(&mut plan);
    assert_eq!(plan.original().objectives, original);
}

#[test]
fn a_plan_not_adopted_is_edited_freely() {
    let mut plan = default_snapshot().plan;
    let before = plan.objectives.clone();
    plan.objectives.remove(0);
    track(&before, &mut plan);
    assert!(plan.unrecorded.is_empty());
    assert!(!plan.is_revised());
}

#[test]
fn recording_asks_for_a_change_a_reason_an_act_and_a_date_not_before_adoption() {
    let mut plan = default_snapshot().plan;
    let input = RevisionInput {
        effective: Some(date("2023-07-01")),
        reason: "Motivo".into(),
        act: "Delibera".into(),
    };
    assert_eq!(
        record(&mut plan, &input, None, None),
        Err(RevisionError::NotAdopted)
    );
    adopt(&mut plan, date("2023-01-31"), "Delibera", None, None).expect("adopts");
    assert_eq!(
        record(&mut plan, &input, None, None),
        Err(RevisionError::NothingToRecord)
    );
    let before = plan.objectives.clone();
    plan.objectives.remove(3);
    track(&before, &mut plan);
    let blank = RevisionInput {
        reason: "  ".into(),
        ..input.clone()
    };
    assert_eq!(
        record(&mut plan, &blank, None, None),
        Err(RevisionError::EmptyField {
            field: "reason".into()
        })
    );
    let early = RevisionInput {
        effective: Some(date("2023-01-01")),
        ..input.clone()
    };
    assert_eq!(
        record(&mut plan, &early, None, None),
        Err(RevisionError::EffectiveBeforeAdoption)
    );
    assert_eq!(record(&mut plan, &input, None, None), Ok("r1".into()));
    assert_eq!(
        withdraw_adoption(&mut plan),
        Err(RevisionError::HasRevisions)
    );
}

#[test]
fn a_tampered_log_is_refused_at_the_change_that_no_longer_matches() {
    let mut s = revised_2023();
    // The lowered target edited again without a revision being recorded,
    // and the unrecorded list emptied: the log no longer leads back.
    let o = s
        .plan
        .objectives
        .iter_mut()
        .find(|o| o.id == "piano-manutenzioni")
        .expect("exists");
    o.indicators[0].target.value = LevelValue::Number(d("80"));
    let issues = issues_of(&validate(&s));
    assert!(
        issues.contains(&(
            "plan.revisions[1].changes[0]".into(),
            IssueKind::RevisionLogMismatch {
                objective: "piano-manutenzioni".into()
            }
        )),
        "{issues:?}"
    );
}

#[test]
fn revisions_in_a_plan_never_adopted_are_an_error() {
    let mut s = revised_2023();
    s.plan.adoption = None;
    let issues = issues_of(&validate(&s));
    assert!(issues.contains(&("plan.revisions".into(), IssueKind::RevisionWithoutAdoption)));
}

#[test]
fn a_managers_file_on_the_plan_before_its_revisions_merges_into_the_revised_plan() {
    let office = revised_2023();
    // A manager who took the plan before it was adopted records a result.
    let mut manager = default_snapshot();
    manager
        .progress
        .insert("sito-ateneo-i1".into(), at_level(3));
    let merged = merge(&[manager.clone(), office.clone()]).expect("merges");
    assert_eq!(merged.snapshot.plan, office.plan);
    assert!(merged.snapshot.progress.contains_key("sito-ateneo-i1"));
    assert!(merged
        .snapshot
        .progress
        .contains_key("promozione-opportunita-professionali-i1"));
    // And a file after the first revision only, too.
    let mut partial = office.clone();
    partial.plan = office.plan.as_of_revision(1);
    assert!(merge(&[partial, office.clone()]).is_ok());
    // A plan changed otherwise still does not merge.
    let mut other = default_snapshot();
    other.plan.objectives[0].title = "Altro".into();
    assert!(merge(&[other, office]).is_err());
}

#[test]
fn a_diff_lists_the_revisions_only_the_later_file_records() {
    let office = revised_2023();
    let mut earlier = office.clone();
    earlier.plan = office.plan.as_of_revision(1);
    let d = diff(&earlier, &office);
    let ids: Vec<&str> = d
        .plan
        .revisions_added
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["r2", "r3"]);
    assert!(d.plan.revisions_removed.is_empty());
}

#[test]
fn the_cli_diff_lists_each_revision_with_its_act_and_reason() {
    let office = revised_2023();
    let dir = std::env::temp_dir().join(format!("cruscotto-rev-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let before = dir.join("before.json");
    let after = dir.join("after.json");
    std::fs::write(&before, default_snapshot().to_json()).expect("writes");
    std::fs::write(&after, office.to_json()).expect("writes");
    let out = run_cli(&["diff", arg(&before), arg(&after)], None);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let revisions = v["plan"]["revisions_added"].as_array().expect("a list");
    assert_eq!(revisions.len(), 3);
    assert_eq!(revisions[1]["id"], "r2");
    assert_eq!(revisions[1]["act"], "Delibera CdA 25/07/2023");
    assert_eq!(revisions[1]["effective"], "2023-07-25");
    assert_eq!(
        v["plan"]["adoption"]["after"]["act"],
        "Delibera CdA 31/01/2023"
    );
    let dropped = revisions[2]["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .find(|c| c["objective"] == "promozione-opportunita-professionali")
        .expect("the dropped objective");
    assert!(dropped["after"].is_null());
    assert_eq!(dropped["before"]["assignments"][0]["weight"], "10");
}

#[test]
fn the_cli_prints_the_registry_with_each_areas_score_before_and_after() {
    let dir = std::env::temp_dir().join(format!("cruscotto-reg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("revised.json");
    std::fs::write(&file, revised_2023().to_json()).expect("writes");
    let out = run_cli(&["revisions", arg(&file)], None);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("adopted on 2023-01-31 by \"Delibera CdA 31/01/2023\"\n"),
        "{text}"
    );
    assert!(
        text.contains("r1 effective 2023-06-20, act \"Decreto DG n. 4512 del 20/06/2023\""),
        "{text}"
    );
    assert!(
        text.contains("  nuove-aule changed (indicators)\n  AAF: 1.00 -> 3.00\n"),
        "{text}"
    );
    assert!(
        text.contains("promozione-opportunita-professionali removed"),
        "{text}"
    );
    assert!(text.contains("  ARUO: 2.80 -> 4.00\n"), "{text}");
}
