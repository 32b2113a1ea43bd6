//! A plan as a spreadsheet in the Allegato's layout: the 2023 plan through
//! the template comes back equal; a workbook written by hand (not by
//! Cruscotto, `tests/fixtures/piano-ufficio*.xlsx`, made by
//! `tests/fixtures/make_plan_workbooks.py`) imports with every bad row
//! located, and once fixed imports and scores as expected.

mod common;

use std::path::PathBuf;

use common::*;
use cruscotto_engine::allegato::*;
use cruscotto_engine::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_2023_plan_through_the_template_cells_comes_back_equal() {
    let plan = default_snapshot().plan;
    let sheets = template_sheets(&plan);
    let mut base = two_areas();
    base.pillars.clear();
    let back = plan_from_sheets(&sheets, &base).expect("reads back");
    assert_eq!(back, plan);
}

#[test]
fn weights_and_other_structures_are_read_from_the_areas_cell() {
    let plan = default_snapshot().plan;
    let mut sheets = template_sheets(&plan);
    // The first objective's areas, as the Allegato writes them.
    sheets[0].rows[1][5] = Cell::Text("ARUO (12,5%)\nADID (2,5 %)\nRG POLI".into());
    let back = plan_from_sheets(&sheets, &plan).expect("reads");
    let o = &back.objectives[0];
    assert_eq!(o.assignments[0].area, "ARUO");
    assert_eq!(o.assignments[0].weight, d("12.5"));
    assert_eq!(o.assignments[1].weight, d("2.5"));
    assert_eq!(o.other_structures, vec!["RG POLI".to_string()]);
}

#[test]
fn a_hand_written_workbook_with_errors_lists_each_bad_cell_and_gives_no_plan() {
    let sheets = read_xlsx(&fixture("piano-ufficio-errori.xlsx")).expect("an xlsx file");
    let base = default_snapshot().plan;
    let problems = plan_from_sheets(&sheets, &base).expect_err("errors");
    let found: Vec<(String, String, Problem)> = problems
        .into_iter()
        .map(|l| (format!("{}!{}", l.sheet, l.cell), l.column, l.problem))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "Foglio1!F4".into(),
                "Aree e pesi".into(),
                Problem::BadWeight {
                    text: "quindici".into()
                }
            ),
            (
                "Foglio1!F6".into(),
                "Aree e pesi".into(),
                Problem::UnknownArea {
                    code: "AXYZ".into()
                }
            ),
            (
                "Foglio1!A8".into(),
                "Pilastro".into(),
                Problem::UnknownPillar {
                    text: "LA CUCINA".into()
                }
            ),
            ("Foglio1!I10".into(), "Target".into(), Problem::MixedLevels),
        ]
    );
}

#[test]
fn the_fixed_workbook_imports_and_scores_as_expected() {
    let sheets = read_xlsx(&fixture("piano-ufficio.xlsx")).expect("an xlsx file");
    let base = default_snapshot().plan;
    let plan = plan_from_sheets(&sheets, &base).expect("a plan");
    assert_eq!(plan.objectives.len(), 12);
    assert!(
        validate_plan(&plan).is_valid(),
        "{:?}",
        validate_plan(&plan).errors
    );
    // "Entro novembre 2023" is a deadline; "80%" a number with its unit.
    let deadline = plan
        .indicator("portale-servizi-digitali-studenti-i1")
        .expect("read")
        .1;
    assert_eq!(deadline.kind, IndicatorKind::Date);
    assert_eq!(deadline.target.value, LevelValue::Date(date("2023-11-30")));
    let pct = plan
        .indicator("dematerializzazione-pratiche-personale-i1")
        .expect("read")
        .1;
    assert_eq!(pct.kind, IndicatorKind::Number);
    assert_eq!(pct.unit.as_deref(), Some("%"));
    assert_eq!(pct.target.value, LevelValue::Number(d("80")));
    let energy = plan
        .indicator("riduzione-consumi-energetici-sedi-i1")
        .expect("read")
        .1;
    assert_eq!(energy.effective_direction(), Direction::Lower);
    // Scored: ARUO's two objectives, one at target (3), one at excellence (4),
    // weighing 60 and 40.
    let progress = progress(&[
        ("dematerializzazione-pratiche-personale-i1", valued("80")),
        ("piano-formazione-personale-i1", at_level(4)),
    ]);
    let card = plan.score(&progress);
    assert_eq!(card.area("ARUO").and_then(|a| a.score), Some(d("3.4")));
}

#[test]
fn a_csv_in_the_same_layout_imports_like_the_workbook() {
    let csv = fixture("piano-ufficio.csv");
    let from_csv = plan_from_sheets(
        &read_csv(&csv, "piano-ufficio.csv").expect("read"),
        &default_snapshot().plan,
    )
    .expect("a plan");
    let from_xlsx = plan_from_sheets(
        &read_xlsx(&fixture("piano-ufficio.xlsx")).expect("read"),
        &default_snapshot().plan,
    )
    .expect("a plan");
    assert_eq!(from_csv, from_xlsx);
}

#[test]
fn the_cli_writes_the_template_and_reads_it_back_into_the_same_plan() {
    let dir = std::env::temp_dir().join(format!("cruscotto-modello-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let xlsx = dir.join("modello.xlsx");
    let out = run_cli(&["template", "-o", arg(&xlsx)], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let back = run_cli(&["import-plan", arg(&xlsx)], None);
    assert!(
        back.status.success(),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    let s: Snapshot = serde_json::from_slice(&back.stdout).expect("a snapshot");
    assert_eq!(s.plan, default_snapshot().plan);
}

#[test]
fn the_cli_lists_the_located_problems_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("cruscotto-errori-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("errori.xlsx");
    std::fs::write(&file, fixture("piano-ufficio-errori.xlsx")).expect("writes");
    let out = run_cli(&["import-plan", arg(&file)], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Foglio1!F4 (Aree e pesi): the weight \"quindici\" is not a number"),
        "{err}"
    );
    assert!(
        err.contains("Foglio1!F6 (Aree e pesi): unknown area AXYZ"),
        "{err}"
    );
}
