//! `cruscotto merge` and `cruscotto diff` as the planning office scripts them:
//! the merged file validates, conflicts go to stderr with exit 0, different
//! plans and invalid files exit 1, usage errors exit 2.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::*;
use cruscotto_engine::snapshot::import;
use cruscotto_engine::*;
use serde_json::Value;

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_cli(args, stdin)
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A path under Cargo's per-target scratch directory, written when given content.
fn file(name: &str, content: Option<&str>) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-merge-{name}"));
    let _ = std::fs::remove_file(&path);
    if let Some(c) = content {
        std::fs::write(&path, c).expect("the scratch file is written");
    }
    path
}

fn stamped(mut e: ProgressEntry, ts: &str) -> ProgressEntry {
    e.updated_at = Some(ts.into());
    e
}

#[test]
fn merge_writes_a_valid_snapshot_with_the_union_and_an_export_time() {
    let a = file(
        "a.json",
        Some(&json_of(two_areas(), progress(&[("m1", at_level(3))]))),
    );
    let b = file(
        "b.json",
        Some(&json_of(two_areas(), progress(&[("m2", at_level(1))]))),
    );
    let out = file("out.json", None);
    let o = run(&["merge", arg(&a), arg(&b), "-o", arg(&out)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    assert!(o.stdout.is_empty());
    let checked = run(&["validate", arg(&out)], None);
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
    let bytes = std::fs::read(&out).expect("OUT is written");
    let merged = import(&bytes).expect("OUT imports").snapshot;
    assert_eq!(merged.plan, two_areas());
    assert_eq!(
        merged.progress,
        progress(&[("m1", at_level(3)), ("m2", at_level(1))])
    );
    let stamp = merged.exported_at.expect("exported_at is stamped");
    assert!(
        chrono::DateTime::parse_from_rfc3339(&stamp).is_ok(),
        "{stamp}"
    );
}

#[test]
fn merge_reads_stdin_once_and_takes_the_long_output_option() {
    let a = file(
        "stdin-a.json",
        Some(&json_of(two_areas(), progress(&[("m1", at_level(4))]))),
    );
    let out = file("stdin-out.json", None);
    let piped = json_of(two_areas(), progress(&[("m2", at_level(3))]));
    let o = run(
        &["merge", "-", arg(&a), &format!("--output={}", arg(&out))],
        Some(piped.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let merged: Snapshot =
        serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("a snapshot");
    assert_eq!(
        merged.progress,
        progress(&[("m1", at_level(4)), ("m2", at_level(3))])
    );
    // --output FILE works as well, and without -o the result goes to stdout.
    let o = run(&["merge", arg(&a), "--output", arg(&out)], None);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["merge", arg(&a)], None);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(v["progress"]["m1"]["level"], 4);
}

#[test]
fn a_conflict_is_printed_on_stderr_and_the_merge_still_succeeds() {
    let old = stamped(at_level(1), "2023-05-01T10:00:00Z");
    let new = stamped(at_level(3), "2023-06-01T10:00:00Z");
    let a = file(
        "conflict-a.json",
        Some(&json_of(two_areas(), progress(&[("m1", old.clone())]))),
    );
    let b = file(
        "conflict-b.json",
        Some(&json_of(two_areas(), progress(&[("m1", new.clone())]))),
    );
    let out = file("conflict-out.json", None);
    let o = run(&["merge", arg(&a), arg(&b), "-o", arg(&out)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(
        err,
        format!(
            "conflict: m1: kept level 3 (updated 2023-06-01T10:00:00Z) over level 1 (updated 2023-05-01T10:00:00Z) from {}\n",
            arg(&a)
        )
    );
    let merged: Snapshot =
        serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("a snapshot");
    assert_eq!(merged.progress["m1"].level, new.level);
    assert_eq!(merged.progress["m1"].updated_at, new.updated_at);
    // The replaced level is kept as the earlier point of the history.
    assert_eq!(
        merged.progress["m1"].history,
        old.as_point().into_iter().collect::<Vec<_>>()
    );
}

#[test]
fn different_plans_exit_1_listing_the_differences_and_write_nothing() {
    let mut other = two_areas();
    other.year = 2024;
    other.objectives[1].assignments[0].weight = d("45");
    let a = file("plans-a.json", Some(&json_of(two_areas(), Progress::new())));
    let b = file("plans-b.json", Some(&json_of(other, Progress::new())));
    let out = file("plans-out.json", None);
    let o = run(&["merge", arg(&a), arg(&b), "-o", arg(&out)], None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("hold different plans"), "{err}");
    assert!(err.contains("year: 2023 → 2024"), "{err}");
    assert!(err.contains("objective o2 changed: assignments"), "{err}");
    assert!(!out.exists());
}

#[test]
fn an_invalid_input_exits_1_with_its_errors() {
    let a = file("valid.json", Some(&json_of(two_areas(), Progress::new())));
    let bad = file(
        "bad.json",
        Some(&json_of(two_areas(), progress(&[("ghost", at_level(3))]))),
    );
    let out = file("bad-out.json", None);
    let o = run(&["merge", arg(&a), arg(&bad), "-o", arg(&out)], None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!("{}: error: progress[\"ghost\"]", arg(&bad))),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn usage_errors_exit_2() {
    let a = file("usage.json", Some(&json_of(two_areas(), Progress::new())));
    for args in [
        vec!["merge"],
        vec!["merge", "-o", "out.json"],
        vec!["merge", arg(&a), "-o"],
        vec!["merge", "-", "-"],
        vec!["merge", arg(&a), "--frobnicate"],
        vec!["merge", arg(&a), "-o", "x.json", "--output", "y.json"],
        vec!["diff", arg(&a)],
    ] {
        let o = run(&args, Some(b""));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("usage:"), "{args:?}");
    }
}

#[test]
fn diff_prints_the_changes_as_json() {
    let mut after = two_areas();
    after.objectives[0].title = "Nuovo".into();
    let a = file("diff-a.json", Some(&json_of(two_areas(), Progress::new())));
    let b = file(
        "diff-b.json",
        Some(&json_of(after, progress(&[("m1", at_level(4))]))),
    );
    let o = run(&["diff", arg(&a), arg(&b)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["plan"]["objectives_changed"][0]["fields"][0], "title");
    assert_eq!(v["progress"]["added"][0]["indicator_id"], "m1");
    assert_eq!(v["scores"][1]["after"], "4");
}

// ---- Per-area objectives (version 3) -------------------------------------------------

#[test]
fn merge_names_the_area_of_a_per_area_conflict_and_keeps_each_areas_result() {
    let snap = |entries: &[(&str, &str, ProgressEntry)]| {
        snapshot_by_area(survey(), Progress::new(), by_area(entries)).to_json()
    };
    let a = file(
        "area-a.json",
        Some(&snap(&[
            ("A", "s", stamped(at_level(4), "2023-06-01T10:00:00Z")),
            ("B", "s", stamped(at_level(1), "2023-05-01T10:00:00Z")),
        ])),
    );
    let b = file(
        "area-b.json",
        Some(&snap(&[(
            "B",
            "s",
            stamped(at_level(3), "2023-06-01T10:00:00Z"),
        )])),
    );
    let out_path = file("area-merged.json", None);
    let out = run(&["merge", arg(&a), arg(&b), "-o", arg(&out_path)], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(
            "conflict: s (area B): kept level 3 (updated 2023-06-01T10:00:00Z) over level 1"
        ),
        "{err}"
    );
    let merged = import(&std::fs::read(&out_path).expect("written")).expect("valid");
    let kept = &merged.snapshot.progress_by_area;
    assert_eq!(kept["A"]["s"].level, Some(4));
    assert_eq!(kept["B"]["s"].level, Some(3));
}

#[test]
fn diff_prints_the_area_of_a_per_area_row() {
    let before = snapshot_by_area(
        survey(),
        Progress::new(),
        by_area(&[("A", "s", at_level(3))]),
    );
    let after = snapshot_by_area(
        survey(),
        Progress::new(),
        by_area(&[("A", "s", at_level(4))]),
    );
    let b = file("diff-area-before.json", Some(&before.to_json()));
    let a = file("diff-area-after.json", Some(&after.to_json()));
    let out = run(&["diff", arg(&b), arg(&a)], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["progress"]["changed"][0]["indicator_id"], "s");
    assert_eq!(v["progress"]["changed"][0]["area"], "A");
    assert_eq!(v["progress"]["changed"][0]["after"]["level"], 4);
}
