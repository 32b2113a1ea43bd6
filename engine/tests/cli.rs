//! The `cruscotto` binary as scripts use it: exit codes (0 success, 1 invalid
//! input, 2 usage error), errors on stderr, results on stdout, `-` for stdin.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::*;
use cruscotto_engine::*;
use serde_json::{json, Value};

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_cli(args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Writes a file under Cargo's per-target scratch directory.
fn file(name: &str, content: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    std::fs::write(&path, content).expect("the scratch file is written");
    path
}

// ---- default-plan and validate ---------------------------------------------------

#[test]
fn default_plan_piped_into_validate_exits_0_with_empty_stderr() {
    let plan = run(&["default-plan"], None);
    assert_eq!(plan.status.code(), Some(0));
    let checked = run(&["validate", "-"], Some(&plan.stdout));
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
    assert_eq!(stderr(&checked), "");
    assert_eq!(stdout(&checked), "");
}

#[test]
fn default_plan_prints_the_embedded_plan_with_empty_progress() {
    let out = run(&["default-plan"], None);
    let printed: Snapshot = serde_json::from_slice(&out.stdout).expect("a snapshot");
    assert_eq!(printed, default_snapshot());
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["format"], "cruscotto-snapshot");
    assert_eq!(v["version"], 6);
    assert_eq!(v["progress"], json!({}));
    assert_eq!(stderr(&out), "");
}

#[test]
fn validate_of_a_valid_file_exits_0() {
    let path = file("valid.json", &json_of(two_areas(), Progress::new()));
    let out = run(&["validate", arg(&path)], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn validate_prints_warnings_on_stderr_and_still_exits_0() {
    let p = plan(
        &["A"],
        vec![objective("o", &[("A", "90")], vec![milestone("m")])],
    );
    let path = file("warning.json", &json_of(p, Progress::new()));
    let out = run(&["validate", arg(&path)], None);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("warning: plan.areas[0]:"), "{err}");
    assert!(err.contains("add up to 90%"), "{err}");
}

#[test]
fn validate_of_a_broken_file_exits_1_listing_every_error_one_per_line() {
    let p = plan(
        &["A"],
        vec![objective(
            "o",
            &[("A", "100"), ("NOPE", "5")],
            vec![milestone("m")],
        )],
    );
    let path = file(
        "two-errors.json",
        &json_of(p, progress(&[("ghost", at_level(3))])),
    );
    let out = run(&["validate", arg(&path)], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].contains("error: plan.objectives[0].assignments[1].area:"));
    assert!(lines[0].contains("\"NOPE\""), "{}", lines[0]);
    assert!(
        lines[1].contains("error: progress[\"ghost\"]:"),
        "{}",
        lines[1]
    );
    assert!(lines.iter().all(|l| l.starts_with(arg(&path))));
}

#[test]
fn validate_of_malformed_json_exits_1_with_line_and_column() {
    let out = run(&["validate", "-"], Some(b"{\n  \"format\": ,\n}"));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("-: error:"), "{err}");
    assert!(err.contains("line 2, column 13"), "{err}");
}

#[test]
fn validate_of_a_newer_snapshot_says_to_update() {
    let out = run(
        &["validate", "-"],
        Some(br#"{"format": "cruscotto-snapshot", "version": 9, "plan": {}}"#),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("newer version of Cruscotto"));
}

#[test]
fn a_missing_file_exits_1_with_a_message_naming_it() {
    let out = run(&["validate", "/nonexistent/plan-2023.json"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("cannot read /nonexistent/plan-2023.json"),
        "{err}"
    );
    let out = run(&["score", "/nonexistent/plan-2023.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
}

#[test]
fn empty_stdin_is_invalid_input() {
    let out = run(&["validate", "-"], Some(b""));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the file is empty"));
}

// ---- Usage --------------------------------------------------------------------------

#[test]
fn usage_errors_exit_2_with_the_usage_on_stderr() {
    for args in [
        &[][..],
        &["validate"][..],
        &["score"][..],
        &["validate", "a.json", "b.json"][..],
        &["frobnicate"][..],
        &["default-plan", "extra"][..],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with("usage:"), "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
    }
}

#[test]
fn help_prints_the_usage_on_stdout_and_exits_0() {
    for flag in ["--help", "-h", "help"] {
        let out = run(&[flag], None);
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).contains("cruscotto score FILE"));
    }
}

// ---- score ----------------------------------------------------------------------------

#[test]
fn score_prints_the_documented_json_with_two_decimal_strings_and_nulls() {
    let pr = progress(&[("m1", at_level(4)), ("m2", at_level(1))]);
    let path = file("score.json", &json_of(two_areas(), pr));
    let out = run(&["score", arg(&path)], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(
        v,
        json!({
            "areas": [
                {"area": "A", "score": "2.80", "percent_of_target": "93.33",
                 "assessed_weight": "100.00", "total_weight": "100.00", "provisional": false},
                {"area": "B", "score": "4.00", "percent_of_target": "133.33",
                 "assessed_weight": "100.00", "total_weight": "100.00", "provisional": false},
            ],
            "objectives": [{"id": "o1", "level": "4.00"}, {"id": "o2", "level": "1.00"}],
            "indicators": [{"id": "m1", "level": "4.00"}, {"id": "m2", "level": "1.00"}],
        })
    );
}

#[test]
fn score_prints_null_where_nothing_is_assessed() {
    let pr = progress(&[("m2", at_level(3))]);
    let out = run(&["score", "-"], Some(json_of(two_areas(), pr).as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(
        v["areas"][0],
        json!({"area": "A", "score": "3.00", "percent_of_target": "100.00",
               "assessed_weight": "40.00", "total_weight": "100.00", "provisional": true})
    );
    assert_eq!(
        v["areas"][1],
        json!({"area": "B", "score": null, "percent_of_target": null,
               "assessed_weight": "0.00", "total_weight": "100.00", "provisional": true})
    );
    assert_eq!(v["objectives"][0], json!({"id": "o1", "level": null}));
    assert_eq!(v["indicators"][0], json!({"id": "m1", "level": null}));
}

#[test]
fn score_of_the_default_plan_on_stdin_lists_every_area_objective_and_indicator() {
    let plan = run(&["default-plan"], None);
    let out = run(&["score", "-"], Some(&plan.stdout));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let len = |k: &str| v[k].as_array().map(Vec::len);
    assert_eq!(
        (len("areas"), len("objectives"), len("indicators")),
        (Some(9), Some(58), Some(64))
    );
    assert_eq!(v["areas"][0]["area"], "AAF");
    assert!(v["areas"][0]["score"].is_null());
}

#[test]
fn score_of_invalid_input_exits_1_and_prints_nothing_on_stdout() {
    let pr = progress(&[("ghost", at_level(3))]);
    let out = run(&["score", "-"], Some(json_of(two_areas(), pr).as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("progress[\"ghost\"]"));
    let out = run(&["score", "-"], Some(b"not json"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
}

#[test]
fn score_of_a_version_2_file_of_the_2023_plan_scores_each_area_on_its_own_results() {
    let v2 =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/v2-polimi-2023.json");
    let out = run(&["score", arg(&v2)], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden/v3-polimi-2023.score.json"),
    )
    .expect("the golden scores");
    assert_eq!(stdout(&out), expected);
    // Each area's own result: ARUO rated 5 moves ARUO alone.
    let mut s = cruscotto_engine::snapshot::import(&std::fs::read(&v2).expect("read"))
        .expect("imports")
        .snapshot;
    s.set_entry(
        &ResultKey::per_area("soddisfazione-docenti-i1", "ARUO"),
        Some(valued("5")),
    );
    let path = file("aruo-5.json", &s.to_json());
    let out = run(&["score", arg(&path)], None);
    let printed: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let golden: Value = serde_json::from_str(&expected).expect("JSON");
    for (i, area) in printed["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .enumerate()
    {
        let same = area == &golden["areas"][i];
        assert_eq!(same, area["area"] != "ARUO", "{area}");
    }
}
