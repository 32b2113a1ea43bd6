//! The bad-file corpus (`tests/corpus/bad/`, outcomes in `expected.json`, described
//! in its README): every file goes through `snapshot::import` and through
//! `cruscotto validate`. A file is either refused with the expected error, whose
//! message says where the problem is, or accepted with its text kept byte for
//! byte and surviving export then import. A panic anywhere fails the test.

mod common;
/// The CLI's wording of the engine's results (English); the app's Italian
/// one is checked against the same corpus in `src/i18n.rs`.
#[path = "../src/bin/cruscotto/wording.rs"]
#[allow(dead_code)]
mod wording;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::run_cli;

use cruscotto_engine::score_summary;
use cruscotto_engine::snapshot::{import, ImportError, MAX_SNAPSHOT_BYTES};
use serde_json::{Map, Value};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/bad")
}

fn manifest() -> Map<String, Value> {
    let text = std::fs::read_to_string(corpus_dir().join("expected.json")).expect("manifest");
    match serde_json::from_str(&text).expect("the manifest is JSON") {
        Value::Object(m) => m,
        _ => panic!("the manifest is an object"),
    }
}

/// Every case file, sorted; the manifest must list exactly these.
fn cases() -> Vec<(String, Vec<u8>, Map<String, Value>)> {
    let manifest = manifest();
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("the corpus directory")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .into_string()
                .expect("ASCII name")
        })
        .filter(|n| n != "expected.json" && n != "README.md")
        .collect();
    names.sort();
    let on_disk: BTreeSet<&String> = names.iter().collect();
    let listed: BTreeSet<&String> = manifest.keys().collect();
    assert_eq!(on_disk, listed, "the files and expected.json must match");
    names
        .into_iter()
        .map(|n| {
            let bytes = std::fs::read(corpus_dir().join(&n)).expect("a case file");
            let exp = manifest[&n].as_object().expect("an expectation").clone();
            (n, bytes, exp)
        })
        .collect()
}

fn variant(e: &ImportError) -> String {
    let debug = format!("{e:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The message of every error names where the problem is (the app's
/// Italian one is checked in `src/i18n.rs`).
fn assert_located(name: &str, e: &ImportError) {
    let en = wording::import_error(e);
    let expect_in_both = |needle: &str| {
        assert!(en.contains(needle), "{name}: {en:?} should name {needle:?}");
    };
    match e {
        ImportError::Syntax { line, column, .. } => {
            assert!(*line >= 1 && *column >= 1, "{name}: {e:?}");
            assert!(
                en.contains(&format!("line {line}, column {column}")),
                "{name}: {en}"
            );
        }
        ImportError::Shape { path, .. } => {
            assert!(!path.is_empty(), "{name}: a shape error without a path");
            expect_in_both(path);
        }
        ImportError::Invalid(issues) => {
            assert!(!issues.is_empty(), "{name}: no issue listed");
            for i in issues {
                assert!(!i.path.is_empty(), "{name}: an issue without a path");
                expect_in_both(&i.path);
            }
        }
        ImportError::NotUtf8 { offset } => expect_in_both(&offset.to_string()),
        ImportError::WrongFormat { .. } => {
            assert!(en.contains("\"format\""), "{name}: {en}");
        }
        ImportError::BadVersion { .. } => {
            assert!(en.contains("\"version\""), "{name}: {en}");
        }
        ImportError::NewerVersion { found } => expect_in_both(&found.to_string()),
        // The whole file is the problem.
        ImportError::Empty | ImportError::TooLarge { .. } => {}
        // Only the fast path (`import_current`) says this; `import` never does.
        ImportError::NotCurrent => panic!("{name}: import refused a file as not current"),
    }
}

fn check_refused(name: &str, e: &ImportError, exp: &Map<String, Value>) {
    assert_eq!(
        variant(e),
        exp["outcome"].as_str().expect("outcome"),
        "{name}: {e:?}"
    );
    let needle = exp["message"].as_str().expect("message");
    let en = wording::import_error(e);
    assert!(
        en.contains(needle),
        "{name}: {en} should contain {needle:?}"
    );
    if let Some(path) = exp.get("path").and_then(Value::as_str) {
        let paths = e.paths();
        assert!(
            paths.iter().any(|p| p == path),
            "{name}: {path:?} not in {paths:?}"
        );
    }
    if let ImportError::Syntax { line, column, .. } = e {
        if let Some(l) = exp.get("line") {
            assert_eq!(Some(*line as u64), l.as_u64(), "{name}: line");
        }
        if let Some(c) = exp.get("column") {
            assert_eq!(Some(*column as u64), c.as_u64(), "{name}: column");
        }
    }
    assert_located(name, e);
}

fn check_accepted(name: &str, bytes: &[u8], exp: &Map<String, Value>) {
    let imported = import(bytes).unwrap_or_else(|e| panic!("{name}: refused: {e:?}"));
    let warnings = exp.get("warnings").and_then(Value::as_u64).unwrap_or(0);
    assert_eq!(
        imported.report.warnings.len() as u64,
        warnings,
        "{name}: {:?}",
        imported.report.warnings
    );
    let s = &imported.snapshot;
    let _ = score_summary(&s.plan, &s.plan.score(&s.progress));
    let written = serde_json::to_value(s).expect("a snapshot serializes");
    if let Some(Value::Object(preserved)) = exp.get("preserved") {
        for (pointer, want) in preserved {
            assert_eq!(written.pointer(pointer), Some(want), "{name}: {pointer}");
        }
    }
    let json = s.to_json();
    let again = import(json.as_bytes()).unwrap_or_else(|e| panic!("{name}: re-import: {e:?}"));
    assert_eq!(
        &again.snapshot, s,
        "{name}: export then import changed the snapshot"
    );
    assert_eq!(
        again.snapshot.to_json(),
        json,
        "{name}: a second export differs"
    );
}

#[test]
fn every_corpus_file_has_its_expected_outcome_with_a_located_message() {
    let cases = cases();
    assert!(cases.len() >= 50, "the corpus lost files: {}", cases.len());
    for (name, bytes, exp) in &cases {
        match (import(bytes), exp["outcome"].as_str()) {
            (Err(e), Some(outcome)) if outcome != "ok" => check_refused(name, &e, exp),
            (Err(e), _) => panic!("{name}: refused, expected accepted: {e:?}"),
            (Ok(_), Some("ok")) => check_accepted(name, bytes, exp),
            (Ok(_), other) => panic!("{name}: accepted, expected {other:?}"),
        }
    }
}

#[test]
fn text_carrying_html_or_script_is_imported_as_it_is() {
    // Also against the file itself, not only the manifest.
    let bytes = std::fs::read(corpus_dir().join("html-in-text.json")).expect("the case file");
    let original: Value = serde_json::from_slice(&bytes).expect("JSON");
    let imported = import(&bytes).expect("HTML in text is data");
    let p = &imported.snapshot.plan;
    assert_eq!(p.title, "<script>alert(1)</script>");
    assert_eq!(original["plan"]["title"], p.title.as_str());
    assert_eq!(p.objectives[0].title, "<img src=x onerror=alert(1)>");
    assert_eq!(
        imported.snapshot.progress["m"].note.as_deref(),
        original["progress"]["m"]["note"].as_str()
    );
    // Written back unescaped too: escaping is the UI's job.
    assert!(imported
        .snapshot
        .to_json()
        .contains("<script>alert(1)</script>"));
}

/// A file just over the limit, built here rather than committed.
fn huge() -> Vec<u8> {
    let mut bytes =
        b"{\"format\":\"cruscotto-snapshot\",\"version\":1,\"plan\":{\"title\":\"".to_vec();
    bytes.resize(MAX_SNAPSHOT_BYTES + 1, b'x');
    bytes
}

#[test]
fn generated_cases_too_large_and_too_deep_are_refused_with_a_location() {
    match import(&huge()) {
        Err(e @ ImportError::TooLarge { size, limit }) => {
            assert_eq!((size, limit), (MAX_SNAPSHOT_BYTES + 1, MAX_SNAPSHOT_BYTES));
            let en = wording::import_error(&e);
            assert!(en.contains("20 MB"), "{en}");
        }
        other => panic!("expected too large, got {other:?}"),
    }
    for deep in [
        "[".repeat(100_000),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000)),
    ] {
        match import(deep.as_bytes()) {
            Err(e @ ImportError::Syntax { .. }) => {
                let en = wording::import_error(&e);
                assert!(
                    en.contains("recursion limit exceeded at line 1, column "),
                    "{en}"
                );
                assert_located("deep", &e);
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }
}

fn validate_cli(path: &str, stdin: Option<&[u8]>) -> std::process::Output {
    run_cli(&["validate", path], stdin)
}

#[test]
fn cli_validate_exits_1_with_the_error_on_stderr_for_every_refused_file() {
    for (name, _, exp) in cases() {
        let path = corpus_dir().join(&name);
        let out = validate_cli(path.to_str().expect("UTF-8 path"), None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if exp["outcome"] == "ok" {
            assert_eq!(out.status.code(), Some(0), "{name}: {stderr}");
            continue;
        }
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
        let needle = exp["message"].as_str().expect("message");
        assert!(
            stderr.contains(needle),
            "{name}: {stderr:?} should contain {needle:?}"
        );
        assert!(
            stderr.contains(&format!("{}: error: ", path.display())),
            "{name}: {stderr}"
        );
    }
    let out = validate_cli("-", Some(&huge()));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("too large"));
}

/// Every parser and decoding message the corpus provokes is one the engine
/// knows, so the app can say it in Italian (serde's English then follows only
/// as a detail).
#[test]
fn every_corpus_parser_message_is_of_a_known_kind() {
    use cruscotto_engine::snapshot::{JsonKind, ShapeProblem, SyntaxProblem};
    let mut seen = 0;
    for (name, bytes, _) in &cases() {
        match import(bytes) {
            Err(ImportError::Syntax { message, .. }) => {
                seen += 1;
                assert_ne!(
                    SyntaxProblem::of(&message),
                    SyntaxProblem::Other,
                    "{name}: {message}"
                );
            }
            Err(ImportError::Shape { message, .. }) => {
                seen += 1;
                let problem = ShapeProblem::of(&message);
                assert_ne!(problem, ShapeProblem::Other, "{name}: {message}");
                if let ShapeProblem::WrongType { found, expected } = problem {
                    assert_ne!(found, JsonKind::Other, "{name}: {message}");
                    assert_ne!(expected, JsonKind::Other, "{name}: {message}");
                }
            }
            _ => {}
        }
    }
    assert!(seen > 15, "{seen} parser messages");
    assert_eq!(
        SyntaxProblem::of("recursion limit exceeded"),
        SyntaxProblem::TooDeep
    );
    assert_eq!(
        SyntaxProblem::of("EOF while parsing a string"),
        SyntaxProblem::UnexpectedEnd
    );
}
