//! The yearly cycle (snapshot version 5): the seal of an area's results and
//! its canonical form, pinned by a golden seal of the 2023 plan; the review
//! transitions and the ones refused; the validated score; the campaign
//! table; validation of evidence and statuses; consolidation of statuses and
//! evidence; comparisons without timestamp-only rows.

mod common;

use std::collections::BTreeMap;

use common::*;
use cruscotto_engine::cycle::{
    campaign, canonical_area, check_seal, next_state, reopen, return_area, seal_area,
    submission_check, submit, validate_area, validated_area_score, Action, Actor, CycleError,
    SealCheck,
};
use cruscotto_engine::diff::diff;
use cruscotto_engine::merge::merge;
use cruscotto_engine::snapshot::import;
use cruscotto_engine::*;

/// ARUO's results in the 2023 plan, fixed: three milestones, its own
/// satisfaction survey, its RUP rotation, with notes and evidence.
fn aruo_filled() -> Snapshot {
    let mut s = default_snapshot();
    let mut noted = at_level(3);
    noted.note = Some("Programmazione approvata dal CdA".into());
    noted.updated_at = Some("2024-01-10T10:00:00+01:00".into());
    noted.updated_by = Some("Dirigente ARUO".into());
    noted.evidence = vec![
        evidence(
            "ev-2",
            EvidenceKind::Link,
            "Pagina",
            "https://www.polimi.it/pta",
        ),
        evidence(
            "ev-1",
            EvidenceKind::Protocol,
            "Delibera CdA",
            "Prot. 123456/2023",
        ),
    ];
    s.set_entry(&ResultKey::shared("programmazione-pta-i1"), Some(noted));
    s.set_entry(
        &ResultKey::shared("promozione-opportunita-professionali-i1"),
        Some(at_level(4)),
    );
    s.set_entry(
        &ResultKey::shared("empowerment-femminile-i1"),
        Some(at_level(1)),
    );
    s.set_entry(
        &ResultKey::per_area("soddisfazione-docenti-i1", "ARUO"),
        Some(valued("4.5")),
    );
    s.set_entry(
        &ResultKey::per_area("rotazione-rup-i1", "ARUO"),
        Some(valued("30")),
    );
    s
}

fn evidence(id: &str, kind: EvidenceKind, title: &str, reference: &str) -> Evidence {
    Evidence {
        id: id.into(),
        kind,
        title: title.into(),
        reference: reference.into(),
        date: Some(date("2023-07-25")),
        ..Evidence::default()
    }
}

const AT: &str = "2024-01-20T09:00:00+01:00";

#[test]
fn the_canonical_form_of_aruo_is_pinned_and_so_is_its_seal() {
    let s = aruo_filled();
    let canonical = canonical_area(&s, "ARUO");
    assert!(
        canonical.starts_with(r#"{"area":"ARUO","form":"cruscotto-seal-1","plan":"polimi-2023","results":[{"area":null,"done_on":null,"evidence":[{"date":"2023-07-25","file_name":null,"id":"ev-1","kind":"protocol","reference":"Prot. 123456/2023","sha256":null,"title":"Delibera CdA"},"#),
        "{canonical}"
    );
    assert!(canonical.ends_with(r#"],"year":2023}"#), "{canonical}");
    assert!(!canonical.contains("updated"), "no stamps in the seal");
    // The golden seal (checked outside Rust: `sha256sum` of the canonical
    // text): any change of the canonical form changes it, and every seal
    // already written would then fail.
    assert_eq!(
        seal_area(&s, "ARUO"),
        "cc89a4f075edfc11c9610bf3ce72f3e634493906cf4cb6da9b5358f2b6e7f736"
    );
}

#[test]
fn restamping_keeps_the_seal_and_any_change_of_a_result_breaks_it() {
    let mut s = aruo_filled();
    let seal = submit(&mut s, "ARUO", AT, Some("Dirigente ARUO".into())).expect("a draft submits");
    assert_eq!(
        check_seal(&s, "ARUO"),
        SealCheck::Valid { seal: seal.clone() }
    );

    let key = ResultKey::shared("programmazione-pta-i1");
    let mut restamped = s.clone();
    if let Some(e) = restamped.progress.get_mut(&key.indicator) {
        e.updated_at = Some("2024-02-01T00:00:00Z".into());
        e.updated_by = Some("someone else".into());
    }
    assert!(
        !check_seal(&restamped, "ARUO").is_broken(),
        "stamps are not results"
    );

    // Another area's result is not ARUO's.
    let mut elsewhere = s.clone();
    elsewhere.set_entry(
        &ResultKey::per_area("soddisfazione-docenti-i1", "AAF"),
        Some(valued("2")),
    );
    assert!(!check_seal(&elsewhere, "ARUO").is_broken());

    for change in [
        |e: &mut ProgressEntry| e.level = Some(1),
        |e: &mut ProgressEntry| e.note = Some("altro".into()),
        |e: &mut ProgressEntry| e.evidence.pop().map(|_| ()).unwrap_or(()),
        |e: &mut ProgressEntry| e.evidence[0].reference = "Prot. 1/2023".into(),
    ] {
        let mut altered = s.clone();
        if let Some(e) = altered.progress.get_mut(&key.indicator) {
            change(e);
        }
        assert!(check_seal(&altered, "ARUO").is_broken());
    }
    let mut per_area = s.clone();
    per_area.set_entry(
        &ResultKey::per_area("soddisfazione-docenti-i1", "ARUO"),
        Some(valued("4.6")),
    );
    assert!(check_seal(&per_area, "ARUO").is_broken());
    assert_eq!(check_seal(&s, "ASICT"), SealCheck::None);
}

#[test]
fn the_seal_survives_the_file_round_trip_and_the_areas_own_file() {
    let mut s = aruo_filled();
    submit(&mut s, "ARUO", AT, None).expect("submits");
    let file = s.for_area("ARUO");
    assert_eq!(file.area_status.keys().collect::<Vec<_>>(), vec!["ARUO"]);
    let back = import(file.to_json().as_bytes()).expect("imports").snapshot;
    assert!(matches!(check_seal(&back, "ARUO"), SealCheck::Valid { .. }));
}

#[test]
fn only_the_allowed_transitions_happen() {
    use ReviewState::*;
    assert_eq!(
        next_state(Draft, Action::Submit, Actor::Manager),
        Ok(Submitted)
    );
    assert_eq!(
        next_state(Returned, Action::Submit, Actor::Manager),
        Ok(Submitted)
    );
    assert_eq!(
        next_state(Submitted, Action::Submit, Actor::Manager),
        Ok(Submitted)
    );
    assert_eq!(
        next_state(Submitted, Action::Validate, Actor::Office),
        Ok(Validated)
    );
    assert_eq!(
        next_state(Submitted, Action::Return, Actor::Office),
        Ok(Returned)
    );
    assert_eq!(
        next_state(Validated, Action::Return, Actor::Office),
        Ok(Returned)
    );
    assert_eq!(
        next_state(Validated, Action::Reopen, Actor::Office),
        Ok(Draft)
    );
    for (from, action, actor) in [
        // A manager never reopens, validates or returns.
        (Validated, Action::Reopen, Actor::Manager),
        (Submitted, Action::Validate, Actor::Manager),
        (Submitted, Action::Return, Actor::Manager),
        // A validated area is not submitted over.
        (Validated, Action::Submit, Actor::Manager),
        // The office does not submit for a manager, nor validates a draft.
        (Draft, Action::Submit, Actor::Office),
        (Draft, Action::Validate, Actor::Office),
        (Returned, Action::Validate, Actor::Office),
        (Draft, Action::Reopen, Actor::Office),
    ] {
        assert_eq!(
            next_state(from, action, actor),
            Err(CycleError::NotAllowed {
                from,
                action,
                actor
            }),
            "{from:?} {action:?} by {actor:?}"
        );
    }
}

fn review(level: &str, reason: Option<&str>) -> ObjectiveReview {
    ObjectiveReview {
        level: Some(d(level)),
        reason: reason.map(Into::into),
        comment: None,
    }
}

#[test]
fn validating_needs_a_level_per_assessed_objective_and_gives_the_validated_score() {
    let mut s = aruo_filled();
    assert!(
        validate_area(&mut s, "ARUO", AT, None, None, BTreeMap::new()).is_err(),
        "a draft"
    );
    submit(&mut s, "ARUO", AT, None).expect("submits");
    let own = s.score().area("ARUO").cloned().expect("ARUO");
    let assessed: Vec<String> = s
        .plan
        .objectives_of_area("ARUO")
        .filter(|(o, _)| s.score().objective_in(&o.id, "ARUO").is_some())
        .map(|(o, _)| o.id.clone())
        .collect();
    // rotazione-rup has a second indicator not recorded: not assessed.
    assert_eq!(assessed.len(), 4);
    let mut reviews: BTreeMap<String, ObjectiveReview> = assessed
        .iter()
        .map(|id| {
            (
                id.clone(),
                review(
                    &s.score()
                        .objective_in(id, "ARUO")
                        .expect("assessed")
                        .to_string(),
                    None,
                ),
            )
        })
        .collect();
    let missing = reviews.pop_first().expect("one");
    assert_eq!(
        validate_area(&mut s, "ARUO", AT, None, None, reviews.clone()),
        Err(CycleError::MissingValidatedLevel {
            objective: missing.0.clone()
        })
    );
    reviews.insert(missing.0, missing.1);
    // The office lowers one level, and says why.
    reviews.insert(
        "promozione-opportunita-professionali".into(),
        review("3", Some("Eccellenza non documentata")),
    );
    validate_area(&mut s, "ARUO", AT, Some("SPC".into()), None, reviews).expect("validates");
    assert_eq!(s.area_status["ARUO"].state, ReviewState::Validated);
    let validated = validated_area_score(&s, "ARUO").expect("validated");
    assert!(validated.score < own.score, "{validated:?} vs {own:?}");
    assert_eq!(validated.assessed_weight, own.assessed_weight);
    assert!(validate(&s).is_valid(), "{:?}", validate(&s).errors);
    // Without the office a validated area does not go back to draft.
    assert!(submit(&mut s, "ARUO", AT, None).is_err());
    reopen(&mut s, "ARUO", AT, Some("SPC".into())).expect("the office reopens");
    assert_eq!(s.area_status["ARUO"].state, ReviewState::Draft);
}

#[test]
fn the_campaign_lists_every_area_with_its_state_seal_and_lateness() {
    let mut s = aruo_filled();
    submit(&mut s, "ARUO", AT, Some("Dirigente ARUO".into())).expect("submits");
    submit(&mut s, "ASICT", AT, None).expect("submits");
    return_area(
        &mut s,
        "ASICT",
        AT,
        Some("SPC".into()),
        Some("Completare".into()),
        BTreeMap::from([("supporto-vqr".to_string(), "Manca il verbale".to_string())]),
    )
    .expect("returns");
    // A result changed after sealing.
    s.set_entry(
        &ResultKey::shared("empowerment-femminile-i1"),
        Some(at_level(3)),
    );
    let rows = campaign(&s, date("2024-02-15"));
    assert_eq!(rows.len(), s.plan.areas.len());
    let aruo = rows.iter().find(|r| r.area == "ARUO").expect("ARUO");
    assert_eq!(aruo.state, ReviewState::Submitted);
    assert!(aruo.seal.is_broken());
    assert!(!aruo.late);
    assert_eq!(aruo.submitted_by.as_deref(), Some("Dirigente ARUO"));
    let asict = rows.iter().find(|r| r.area == "ASICT").expect("ASICT");
    assert_eq!(asict.state, ReviewState::Returned);
    assert!(asict.late, "returned after the deadline");
    assert_eq!(
        rows.iter()
            .filter(|r| r.state == ReviewState::Draft && r.late)
            .count(),
        s.plan.areas.len() - 2
    );
    // Before the deadline nobody is late.
    assert!(campaign(&s, date("2024-01-31")).iter().all(|r| !r.late));
}

#[test]
fn submitting_lists_what_is_not_assessed_and_the_evidence_the_plan_asks_for() {
    let mut s = aruo_filled();
    for o in &mut s.plan.objectives {
        for i in &mut o.indicators {
            if i.id == "programmazione-pta-i1" || i.id == "supporto-vqr-i1" {
                i.evidence_required = true;
            }
        }
    }
    let check = submission_check(&s, "ARUO");
    assert!(check.not_assessed.contains(&"supporto-vqr".to_string()));
    assert!(!check
        .not_assessed
        .contains(&"programmazione-pta".to_string()));
    assert_eq!(
        check.missing_evidence,
        vec![ResultKey::shared("supporto-vqr-i1")]
    );
}

#[test]
fn bad_evidence_and_statuses_are_refused_with_their_paths() {
    let mut s = aruo_filled();
    if let Some(e) = s.progress.get_mut("programmazione-pta-i1") {
        e.evidence.push(evidence(
            "ev-3",
            EvidenceKind::Link,
            "Script",
            "javascript:alert(1)",
        ));
        e.evidence.push(Evidence {
            sha256: Some("XYZ".into()),
            ..evidence("ev-1", EvidenceKind::Other, "Copia", "")
        });
    }
    s.area_status.insert("NOPE".into(), AreaStatus::default());
    s.area_status.insert(
        "ASICT".into(),
        AreaStatus {
            state: ReviewState::Validated,
            objectives: BTreeMap::from([("programmazione-pta".to_string(), review("9", None))]),
            ..AreaStatus::default()
        },
    );
    s.set_entry(&ResultKey::shared("polimiapp-i1"), Some(at_level(3)));
    let issues = issues_of(&validate(&s));
    let p = "progress[\"programmazione-pta-i1\"]";
    for want in [
        (
            format!("{p}.evidence[2].reference"),
            IssueKind::BadUrl {
                reference: "javascript:alert(1)".into(),
            },
        ),
        (
            format!("{p}.evidence[3].id"),
            IssueKind::DuplicateId { id: "ev-1".into() },
        ),
        (
            format!("{p}.evidence[3].sha256"),
            IssueKind::BadDigest {
                value: "XYZ".into(),
            },
        ),
        (
            "area_status[\"NOPE\"]".to_string(),
            IssueKind::UnknownArea {
                code: "NOPE".into(),
            },
        ),
        (
            "area_status[\"ASICT\"].objectives[\"programmazione-pta\"]".to_string(),
            IssueKind::ObjectiveNotInArea {
                objective: "programmazione-pta".into(),
                area: "ASICT".into(),
            },
        ),
        (
            "area_status[\"ASICT\"].objectives[\"programmazione-pta\"].level".to_string(),
            IssueKind::ValidatedLevelOutOfRange { level: d("9") },
        ),
        (
            "area_status[\"ASICT\"].objectives".to_string(),
            IssueKind::MissingValidatedLevel {
                objective: "polimiapp".into(),
            },
        ),
    ] {
        assert!(issues.contains(&want), "{want:?} not in {issues:#?}");
    }
    assert!(validate::is_web_address("https://www.polimi.it/x?y#z"));
    assert!(validate::is_web_address("HTTP://example.org"));
    for bad in [
        "ftp://x",
        "https://",
        "https:// x",
        "www.polimi.it",
        "file:///etc/passwd",
    ] {
        assert!(!validate::is_web_address(bad), "{bad}");
    }
}

#[test]
fn consolidation_keeps_the_latest_status_and_unites_evidence_by_id() {
    let base = aruo_filled();
    let mut a = base.clone();
    submit(&mut a, "ARUO", "2024-01-20T09:00:00+01:00", None).expect("submits");
    let mut b = base.clone();
    submit(&mut b, "ARUO", "2024-01-25T09:00:00+01:00", None).expect("submits");
    if let Some(e) = b.progress.get_mut("programmazione-pta-i1") {
        e.evidence.push(evidence(
            "ev-9",
            EvidenceKind::Document,
            "Relazione",
            "\\\\share\\rel.pdf",
        ));
    }
    submit(&mut b, "ARUO", "2024-01-25T09:00:00+01:00", None).expect("submits again");
    let mut c = base.clone();
    submit(&mut c, "ASICT", "2024-01-21T09:00:00+01:00", None).expect("submits");
    for order in [[&a, &b, &c], [&c, &b, &a]] {
        let merged = merge(&order.map(Clone::clone)).expect("one plan").snapshot;
        assert_eq!(
            merged.area_status["ARUO"], b.area_status["ARUO"],
            "the latest"
        );
        assert_eq!(merged.area_status["ASICT"], c.area_status["ASICT"]);
        let ids: Vec<&str> = merged.progress["programmazione-pta-i1"]
            .evidence
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids.len(), 3, "{ids:?}");
        assert!(ids.contains(&"ev-9"));
        assert!(matches!(
            check_seal(&merged, "ARUO"),
            SealCheck::Valid { .. }
        ));
    }
}

#[test]
fn a_comparison_shows_changed_results_and_never_a_timestamp_alone() {
    let before = aruo_filled();
    let mut after = before.clone();
    if let Some(e) = after.progress.get_mut("programmazione-pta-i1") {
        e.updated_at = Some("2024-03-01T00:00:00Z".into());
    }
    assert!(diff(&before, &after).progress.changed.is_empty());
    after.set_entry(
        &ResultKey::shared("empowerment-femminile-i1"),
        Some(at_level(3)),
    );
    if let Some(e) = after
        .progress
        .get_mut("promozione-opportunita-professionali-i1")
    {
        e.evidence
            .push(evidence("ev-5", EvidenceKind::Other, "Foto", ""));
    }
    let changed: Vec<String> = diff(&before, &after)
        .progress
        .changed
        .iter()
        .map(|c| c.indicator_id.clone())
        .collect();
    assert_eq!(
        changed,
        vec![
            "empowerment-femminile-i1",
            "promozione-opportunita-professionali-i1"
        ]
    );
    // A submission is a change of status, listed by area.
    assert!(diff(&before, &after).statuses.is_empty());
    submit(&mut after, "ARUO", AT, None).expect("submits");
    let statuses = diff(&before, &after).statuses;
    assert_eq!(statuses.len(), 1);
    assert_eq!(statuses[0].area, "ARUO");
    assert_eq!(statuses[0].before, None);
    assert_eq!(
        statuses[0].after.as_ref().map(|s| s.state),
        Some(ReviewState::Submitted)
    );
}

fn written(dir: &tempdir::Dir, name: &str, s: &Snapshot) -> std::path::PathBuf {
    let p = dir.0.join(name);
    std::fs::write(&p, s.to_json()).expect("writable");
    p
}

mod tempdir {
    /// A directory of its own under the target's temporary folder.
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new(name: &str) -> Dir {
            let p = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
            let _ = std::fs::remove_dir_all(&p);
            std::fs::create_dir_all(&p).expect("a temporary folder");
            Dir(p)
        }
    }
}

#[test]
fn cli_seal_checks_every_recorded_seal_and_fails_on_an_altered_file() {
    let dir = tempdir::Dir::new("cli-seal");
    let mut s = aruo_filled();
    let seal = submit(&mut s, "ARUO", AT, None).expect("submits");
    let good = written(&dir, "aruo.json", &s.for_area("ARUO"));
    let out = run_cli(&["seal", arg(&good)], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(&format!("ARUO\tsubmitted\t{seal}\trecorded seal matches")),
        "{stdout}"
    );

    s.set_entry(
        &ResultKey::shared("empowerment-femminile-i1"),
        Some(at_level(4)),
    );
    let altered = written(&dir, "aruo-altered.json", &s.for_area("ARUO"));
    let out = run_cli(&["seal", arg(&altered)], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("RECORDED SEAL DOES NOT MATCH"), "{stdout}");
}

#[test]
fn cli_status_prints_the_campaign_with_late_areas() {
    let dir = tempdir::Dir::new("cli-status");
    let mut s = aruo_filled();
    submit(&mut s, "ARUO", AT, Some("Dirigente ARUO".into())).expect("submits");
    let file = written(&dir, "all.json", &s);
    let out = run_cli(&["status", arg(&file), "--on", "2024-02-10"], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("area\tstatus\t"), "{stdout}");
    let aruo = lines
        .iter()
        .find(|l| l.starts_with("ARUO\t"))
        .expect("ARUO");
    assert!(
        aruo.contains("\tsubmitted\t")
            && aruo.contains("Dirigente ARUO\tvalid\t")
            && aruo.ends_with("\t-"),
        "{aruo}"
    );
    let late = lines.iter().filter(|l| l.ends_with("\tLATE")).count();
    assert_eq!(late, s.plan.areas.len() - 1, "{stdout}");
    assert!(stdout.ends_with("deadline\t2024-01-31\n"));
    let bad = run_cli(&["status", arg(&file), "--on", "ieri"], None);
    assert_eq!(bad.status.code(), Some(2));
}
