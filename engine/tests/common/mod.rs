//! Fixture builders shared by the engine tests: small plans written in a line.
#![allow(dead_code)]

pub mod strategies;

use std::str::FromStr;

use chrono::NaiveDate;
use cruscotto_engine::*;
use rust_decimal::Decimal;

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test decimal")
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn level(value: LevelValue) -> Level {
    Level {
        value,
        description: String::new(),
    }
}

pub fn milestone(id: &str) -> Indicator {
    Indicator {
        id: id.into(),
        label: None,
        kind: IndicatorKind::Milestone,
        description: None,
        unit: None,
        direction: None,
        scale: None,
        threshold: level(LevelValue::Number(Decimal::ONE)),
        target: level(LevelValue::Number(Decimal::from(3))),
        excellence: level(LevelValue::Number(Decimal::from(4))),
        evidence_required: false,
    }
}

pub fn number(id: &str, s: &str, t: &str, e: &str, direction: Direction) -> Indicator {
    Indicator {
        id: id.into(),
        label: None,
        kind: IndicatorKind::Number,
        description: None,
        unit: None,
        direction: Some(direction),
        scale: None,
        threshold: level(LevelValue::Number(d(s))),
        target: level(LevelValue::Number(d(t))),
        excellence: level(LevelValue::Number(d(e))),
        evidence_required: false,
    }
}

pub fn deadline(id: &str, s: &str, t: &str, e: &str) -> Indicator {
    Indicator {
        id: id.into(),
        label: None,
        kind: IndicatorKind::Date,
        description: None,
        unit: None,
        direction: None,
        scale: None,
        threshold: level(LevelValue::Date(date(s))),
        target: level(LevelValue::Date(date(t))),
        excellence: level(LevelValue::Date(date(e))),
        evidence_required: false,
    }
}

pub fn objective(id: &str, weights: &[(&str, &str)], indicators: Vec<Indicator>) -> Objective {
    Objective {
        id: id.into(),
        pillar: "p".into(),
        strategic_objective: None,
        title: format!("Objective {id}"),
        purpose: String::new(),
        responsible: vec![],
        assignments: weights
            .iter()
            .map(|(a, w)| Assignment {
                area: (*a).into(),
                weight: d(w),
            })
            .collect(),
        other_structures: vec![],
        aggregation: Aggregation::Mean,
        measurement: Measurement::Shared,
        indicators,
        note: None,
    }
}

pub fn plan(areas: &[&str], objectives: Vec<Objective>) -> Plan {
    Plan {
        id: "test".into(),
        title: "Test plan".into(),
        year: 2023,
        scoring: ScoringOptions::default(),
        areas: areas
            .iter()
            .map(|c| Area {
                code: (*c).into(),
                name: format!("Area {c}"),
            })
            .collect(),
        pillars: vec![Pillar {
            id: "p".into(),
            name: "Pillar".into(),
        }],
        strategic_objectives: vec![],
        structures: vec![],
        objectives,
        source: None,
        self_assessment_deadline: None,
        monitoring_date: None,
        adoption: None,
        revisions: Vec::new(),
        unrecorded: Vec::new(),
    }
}

pub fn at_level(level: u8) -> ProgressEntry {
    ProgressEntry {
        level: Some(level),
        ..Default::default()
    }
}

pub fn valued(v: &str) -> ProgressEntry {
    ProgressEntry {
        value: Some(d(v)),
        ..Default::default()
    }
}

pub fn done_on(s: &str) -> ProgressEntry {
    ProgressEntry {
        done_on: Some(date(s)),
        ..Default::default()
    }
}

pub fn progress(entries: &[(&str, ProgressEntry)]) -> Progress {
    entries
        .iter()
        .map(|(k, v)| ((*k).to_string(), v.clone()))
        .collect()
}

/// Moves every entry of a per-area objective's indicator out of `progress`
/// and gives a copy of it to each area the objective is assigned to, as the
/// migration to version 3 does: the shared and the per-area maps.
pub fn per_area_copies(plan: &Plan, mut progress: Progress) -> (Progress, ProgressByArea) {
    let mut by_area = ProgressByArea::new();
    for o in plan.objectives.iter().filter(|o| o.is_per_area()) {
        for i in &o.indicators {
            if let Some(e) = progress.remove(&i.id) {
                for area in o.areas() {
                    by_area
                        .entry(area.to_string())
                        .or_default()
                        .insert(i.id.clone(), e.clone());
                }
            }
        }
    }
    (progress, by_area)
}

/// An objective measured per area.
pub fn per_area(mut o: Objective) -> Objective {
    o.measurement = Measurement::PerArea;
    o
}

/// A snapshot with shared and per-area progress.
pub fn snapshot_by_area(plan: Plan, progress: Progress, by_area: ProgressByArea) -> Snapshot {
    Snapshot::with_results(plan, progress, by_area, None)
}

/// Per-area progress written in a line: (area, indicator, entry).
pub fn by_area(entries: &[(&str, &str, ProgressEntry)]) -> ProgressByArea {
    let mut m = ProgressByArea::new();
    for (a, id, e) in entries {
        m.entry((*a).to_string())
            .or_default()
            .insert((*id).to_string(), e.clone());
    }
    m
}

pub fn snapshot(plan: Plan, progress: Progress) -> Snapshot {
    Snapshot::new(plan, progress, None)
}

/// The smallest valid plan around some indicators: one area "A", one objective
/// "o" weighted 100 there.
pub fn single(indicators: Vec<Indicator>) -> Plan {
    plan(&["A"], vec![objective("o", &[("A", "100")], indicators)])
}

/// The JSON text of a snapshot, as a file would hold it.
pub fn json_of(plan: Plan, progress: Progress) -> String {
    snapshot(plan, progress).to_json()
}

/// A snapshot as a JSON value, to break it in ways the Rust types cannot.
pub fn value_of(plan: Plan, progress: Progress) -> serde_json::Value {
    serde_json::from_str(&json_of(plan, progress)).expect("a snapshot serializes to JSON")
}

/// Every issue of a report as (path, kind), errors first, for exact assertions.
pub fn issues_of(report: &Report) -> Vec<(String, IssueKind)> {
    report
        .errors
        .iter()
        .chain(&report.warnings)
        .map(|i| (i.path.clone(), i.kind.clone()))
        .collect()
}

/// Runs the `cruscotto` binary with `args`, feeding `stdin` (closed at once when
/// `None`), and returns what it printed and its exit status.
pub fn run_cli(args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        if let Some(bytes) = stdin {
            pipe.write_all(bytes).expect("stdin accepts the input");
        }
    }
    child.wait_with_output().expect("the binary finishes")
}

/// Two objectives in areas A and B: o1 (milestone m1) weighs 60 in A and 100 in
/// B, o2 (milestone m2) weighs 40 in A.
pub fn two_areas() -> Plan {
    plan(
        &["A", "B"],
        vec![
            objective("o1", &[("A", "60"), ("B", "100")], vec![milestone("m1")]),
            objective("o2", &[("A", "40")], vec![milestone("m2")]),
        ],
    )
}

/// Areas A, B and C: "sat" (milestone s, measured per area) weighs 40 in A
/// and 50 in B; "com" (milestone c, shared) 60 in A, 50 in B and 100 in C.
pub fn survey() -> Plan {
    plan(
        &["A", "B", "C"],
        vec![
            per_area(objective(
                "sat",
                &[("A", "40"), ("B", "50")],
                vec![milestone("s")],
            )),
            objective(
                "com",
                &[("A", "60"), ("B", "50"), ("C", "100")],
                vec![milestone("c")],
            ),
        ],
    )
}

/// A path as a command-line argument.
pub fn arg(p: &std::path::Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// The 2023 plan adopted on 31/01/2023, then changed three times, each
/// recorded as a revision: `nuove-aule`'s target deadline moved from 30/06 to
/// 15/07 (r1), `piano-manutenzioni`'s target lowered from 90 % to 85 % (r2),
/// and `promozione-opportunita-professionali` dropped, its 10 % in ARUO
/// given to `programmazione-pta` (r3). The results sit between the old and
/// the new bars, so the two plans score them differently.
pub fn revised_2023() -> Snapshot {
    use cruscotto_engine::revision::{adopt, record, track, RevisionInput};
    let mut s = default_snapshot();
    s.progress = progress(&[
        ("nuove-aule-i1", done_on("2023-07-10")),
        ("piano-manutenzioni-i1", valued("87")),
        ("programmazione-pta-i1", at_level(4)),
        ("promozione-opportunita-professionali-i1", at_level(1)),
    ]);
    let plan = &mut s.plan;
    adopt(
        plan,
        date("2023-01-31"),
        "Delibera CdA 31/01/2023",
        Some("2023-02-01T09:00:00Z".into()),
        Some("Ufficio Pianificazione".into()),
    )
    .expect("adopts");
    let change = |plan: &mut Plan,
                  edit: &dyn Fn(&mut Plan),
                  effective: &str,
                  reason: &str,
                  act: &str,
                  at: &str| {
        let before = plan.objectives.clone();
        edit(plan);
        track(&before, plan);
        let input = RevisionInput {
            effective: Some(date(effective)),
            reason: reason.into(),
            act: act.into(),
        };
        record(
            plan,
            &input,
            Some(at.into()),
            Some("Ufficio Pianificazione".into()),
        )
        .expect("records");
    };
    change(
        plan,
        &|p| {
            let o = p
                .objectives
                .iter_mut()
                .find(|o| o.id == "nuove-aule")
                .expect("nuove-aule");
            o.indicators[0].target.value = LevelValue::Date(date("2023-07-15"));
        },
        "2023-06-20",
        "Ritardo della consegna dei lavori da parte dell'impresa",
        "Decreto DG n. 4512 del 20/06/2023",
        "2023-06-21T10:00:00Z",
    );
    change(
        plan,
        &|p| {
            let o = p
                .objectives
                .iter_mut()
                .find(|o| o.id == "piano-manutenzioni")
                .expect("piano-manutenzioni");
            o.indicators[0].target.value = LevelValue::Number(d("85"));
        },
        "2023-07-25",
        "Riduzione del budget di manutenzione deliberata in assestamento",
        "Delibera CdA 25/07/2023",
        "2023-07-26T10:00:00Z",
    );
    change(
        plan,
        &|p| {
            p.objectives
                .retain(|o| o.id != "promozione-opportunita-professionali");
            let o = p
                .objectives
                .iter_mut()
                .find(|o| o.id == "programmazione-pta")
                .expect("programmazione-pta");
            o.assignments[0].weight = d("25");
        },
        "2023-07-25",
        "Obiettivo superato dalla riorganizzazione dell'area",
        "Delibera CdA 25/07/2023",
        "2023-07-26T10:05:00Z",
    );
    s
}
