//! The import pipeline, stage by stage: bytes (size, encoding), JSON syntax,
//! format and version, typed decoding with the JSON path of what is wrong, then
//! validation. And the way back: `to_json` writes what `import` reads.

mod common;
/// The CLI's wording of the engine's results (English); the app's, in both
/// languages, is tested in `src/i18n.rs`.
#[path = "../src/bin/cruscotto/wording.rs"]
#[allow(dead_code)]
mod wording;

use common::*;
use cruscotto_engine::snapshot::{
    import, import_current, parse, ImportError, CURRENT_VERSION, FORMAT, MAX_SNAPSHOT_BYTES,
};
use cruscotto_engine::*;
use serde_json::{json, Value};

/// A valid plan with one indicator of each kind, and some progress.
fn sample() -> Snapshot {
    let p = single(vec![
        milestone("m"),
        number("n", "10", "20", "30", Direction::Higher),
        deadline("x", "2023-06-30", "2023-05-31", "2023-04-30"),
    ]);
    let pr = progress(&[
        ("m", at_level(3)),
        ("n", valued("12.5")),
        ("x", done_on("2023-05-15")),
    ]);
    Snapshot::new(p, pr, Some("2023-07-01T09:00:00Z".into()))
}

fn sample_value() -> Value {
    serde_json::from_str(&sample().to_json()).expect("the sample serializes")
}

fn import_value(v: &Value) -> Result<snapshot::Imported, ImportError> {
    import(v.to_string().as_bytes())
}

fn import_err(v: &Value) -> ImportError {
    import_value(v).expect_err("the import should fail")
}

/// Asserts a decoding error at `path` whose message mentions `needle`.
fn assert_shape(v: &Value, path: &str, needle: &str) {
    match import_err(v) {
        ImportError::Shape { path: p, message } => {
            assert_eq!(p, path, "message: {message}");
            assert!(message.contains(needle), "{message:?} lacks {needle:?}");
        }
        other => panic!("expected a shape error at {path}, got {other:?}"),
    }
}

// ---- Bytes ------------------------------------------------------------------

#[test]
fn an_empty_file_is_refused_as_empty() {
    assert_eq!(import(b""), Err(ImportError::Empty));
    assert_eq!(import(b" \n\t\r\n"), Err(ImportError::Empty));
    assert_eq!(import("\u{feff}".as_bytes()), Err(ImportError::Empty));
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_the_offset_of_the_bad_byte() {
    // Latin-1 "è" (0xE8) where UTF-8 was expected, as Windows editors write.
    let bytes = b"{\"format\": \"caf\xe8\"}";
    assert_eq!(import(bytes), Err(ImportError::NotUtf8 { offset: 15 }));
}

#[test]
fn a_file_over_20_mb_is_refused_before_parsing() {
    let too_big = vec![b' '; MAX_SNAPSHOT_BYTES + 1];
    assert_eq!(
        import(&too_big),
        Err(ImportError::TooLarge {
            size: MAX_SNAPSHOT_BYTES + 1,
            limit: 20 * 1024 * 1024,
        })
    );
    // The limit itself passes the size check, on to the next stage (here the
    // encoding check, which stops at the first byte and keeps the test fast).
    let at_limit = vec![0xFF; MAX_SNAPSHOT_BYTES];
    assert_eq!(import(&at_limit), Err(ImportError::NotUtf8 { offset: 0 }));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(sample().to_json().as_bytes());
    let imported = import(&bytes).expect("a BOM is ignored");
    assert_eq!(imported.snapshot, sample());
}

// ---- JSON syntax --------------------------------------------------------------

#[test]
fn malformed_json_reports_line_and_column() {
    let text = "{\n  \"format\": \"cruscotto-snapshot\",\n  \"version\": 1\n  \"plan\": {}\n}";
    match import(text.as_bytes()) {
        Err(ImportError::Syntax {
            line,
            column,
            message,
        }) => {
            assert_eq!((line, column), (4, 3), "{message}");
            assert!(message.contains("expected"), "{message}");
            assert!(!message.contains("line"), "line and column are apart");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn the_syntax_error_message_names_the_line_in_both_languages() {
    let e = import(b"{\"format\": }").expect_err("malformed");
    let en = wording::import_error(&e);
    assert!(en.contains("at line 1, column 12"), "{en}");
}

#[test]
fn text_after_the_json_value_is_a_syntax_error() {
    let text = format!("{}\n}}", sample().to_json());
    assert!(matches!(
        import(text.as_bytes()),
        Err(ImportError::Syntax { .. })
    ));
}

#[test]
fn deeply_nested_json_is_refused_without_exhausting_the_stack() {
    let deep = "[".repeat(10_000);
    match import(deep.as_bytes()) {
        Err(ImportError::Syntax { line, message, .. }) => {
            assert_eq!(line, 1);
            assert!(message.contains("recursion limit"), "{message}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    // Also when it is closed, and inside an otherwise plausible snapshot.
    let closed = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(
        import(closed.as_bytes()),
        Err(ImportError::Syntax { .. })
    ));
    let nested_note = format!(
        "{{\"format\":\"{FORMAT}\",\"version\":1,\"plan\":{{\"id\":{}1{}}}}}",
        "{\"a\":".repeat(5_000),
        "}".repeat(5_000)
    );
    assert!(matches!(
        import(nested_note.as_bytes()),
        Err(ImportError::Syntax { .. })
    ));
}

#[test]
fn nesting_within_the_limit_reaches_the_type_check() {
    // 100 levels is legal JSON but not a plan: a shape error, not a crash.
    let mut v = sample_value();
    v["plan"]["title"] = serde_json::from_str(&format!("{}{}", "[".repeat(100), "]".repeat(100)))
        .expect("100 levels parse");
    assert_shape(&v, "plan.title", "invalid type");
}

// ---- Format and version -------------------------------------------------------

#[test]
fn a_root_that_is_not_an_object_is_refused_at_the_root() {
    for text in ["[]", "42", "null", "\"cruscotto-snapshot\""] {
        match import(text.as_bytes()) {
            Err(ImportError::Shape { path, .. }) => assert_eq!(path, "(root)", "{text}"),
            other => panic!("{text}: expected a shape error, got {other:?}"),
        }
    }
}

#[test]
fn a_wrong_format_is_refused_and_named() {
    let mut v = sample_value();
    v["format"] = json!("excel-export");
    assert_eq!(
        import_err(&v),
        ImportError::WrongFormat {
            found: "\"excel-export\"".into()
        }
    );
    v["format"] = json!(1);
    assert_eq!(
        import_err(&v),
        ImportError::WrongFormat { found: "1".into() }
    );
}

#[test]
fn a_missing_format_is_refused() {
    let mut v = sample_value();
    v.as_object_mut().expect("object").remove("format");
    assert_eq!(
        import_err(&v),
        ImportError::WrongFormat {
            found: "missing".into()
        }
    );
    // Any JSON object that is not a snapshot is caught here first.
    assert_eq!(
        import(b"{}"),
        Err(ImportError::WrongFormat {
            found: "missing".into()
        })
    );
}

#[test]
fn a_newer_version_is_refused_as_made_by_a_newer_cruscotto() {
    let mut v = sample_value();
    v["version"] = json!(CURRENT_VERSION + 1);
    let e = import_err(&v);
    assert_eq!(e, ImportError::NewerVersion { found: 7 });
    let en = wording::import_error(&e);
    assert!(en.contains("newer version of Cruscotto"), "{en}");
}

#[test]
fn a_newer_version_is_refused_before_its_content_is_read() {
    // A future version may change the plan entirely: no shape error about it.
    let v = json!({"format": FORMAT, "version": CURRENT_VERSION + 1, "plan": "something new"});
    assert_eq!(
        import_err(&v),
        ImportError::NewerVersion {
            found: u64::from(CURRENT_VERSION + 1)
        }
    );
}

#[test]
fn version_zero_a_string_a_fraction_or_nothing_is_a_bad_version() {
    for (version, found) in [
        (json!(0), "0"),
        (json!("1"), "\"1\""),
        (json!(1.5), "1.5"),
        (json!(-1), "-1"),
        (json!(null), "null"),
    ] {
        let mut v = sample_value();
        v["version"] = version;
        assert_eq!(
            import_err(&v),
            ImportError::BadVersion {
                found: found.into()
            }
        );
    }
    let mut v = sample_value();
    v.as_object_mut().expect("object").remove("version");
    assert_eq!(
        import_err(&v),
        ImportError::BadVersion {
            found: "nothing".into()
        }
    );
}

#[test]
fn the_current_version_is_read_and_reported_as_the_source_version() {
    let imported = import(sample().to_json().as_bytes()).expect("valid");
    assert_eq!(imported.source_version, 6);
    assert_eq!(imported.snapshot.version, CURRENT_VERSION);
}

// ---- The fast path alone (the app's first wasm module) ----------------------------

#[test]
fn the_fast_path_reads_a_current_snapshot_exactly_as_import_does() {
    let bytes = sample().to_json();
    assert_eq!(
        import_current(bytes.as_bytes()).expect("current"),
        import(bytes.as_bytes()).expect("current")
    );
    let golden = default_snapshot().to_json();
    assert_eq!(
        import_current(golden.as_bytes())
            .expect("2023 plan")
            .snapshot,
        default_snapshot()
    );
}

#[test]
fn the_fast_path_refuses_an_older_version_that_import_migrates() {
    let mut v = sample_value();
    v["version"] = json!(1);
    let bytes = v.to_string();
    assert_eq!(
        import(bytes.as_bytes()).expect("migrated").source_version,
        1
    );
    assert_eq!(
        import_current(bytes.as_bytes()).expect_err("not current"),
        ImportError::NotCurrent
    );
}

#[test]
fn the_fast_path_refuses_broken_or_foreign_files_without_locating_the_error() {
    let mut wrong_type = sample_value();
    wrong_type["plan"]["objectives"][0]["assignments"][0]["weight"] = json!("cento");
    let mut foreign = sample_value();
    foreign["format"] = json!("something-else");
    for text in [
        wrong_type.to_string(),
        foreign.to_string(),
        "{\"format\": ".into(),
    ] {
        assert_eq!(
            import_current(text.as_bytes()).expect_err("refused"),
            ImportError::NotCurrent,
            "{text}"
        );
        assert!(import(text.as_bytes()).is_err());
    }
    assert_eq!(
        import_current(b"  ").expect_err("empty"),
        ImportError::Empty
    );
}

#[test]
fn the_fast_path_still_validates() {
    let mut s = sample();
    s.plan.objectives[0].assignments[0].area = "ZZ".into();
    let bytes = s.to_json();
    let error = import_current(bytes.as_bytes()).expect_err("unknown area");
    assert!(matches!(error, ImportError::Invalid(_)), "{error:?}");
    assert_eq!(error, import(bytes.as_bytes()).expect_err("unknown area"));
}

#[test]
fn not_current_has_a_message() {
    assert!(wording::import_error(&ImportError::NotCurrent).contains("current version"));
}

// ---- Types and paths ------------------------------------------------------------

#[test]
fn a_weight_given_as_an_object_is_reported_at_its_path() {
    let mut v = sample_value();
    v["plan"]["objectives"][0]["assignments"][0]["weight"] = json!({"value": 100});
    assert_shape(
        &v,
        "plan.objectives[0].assignments[0].weight",
        "a decimal number",
    );
}

#[test]
fn a_weight_that_is_not_a_number_is_reported_at_its_path() {
    let mut v = sample_value();
    v["plan"]["objectives"][0]["assignments"][0]["weight"] = json!("cento");
    assert_shape(
        &v,
        "plan.objectives[0].assignments[0].weight",
        "not a decimal number",
    );
}

#[test]
fn a_missing_required_field_is_reported_at_the_object_that_lacks_it() {
    let mut v = sample_value();
    v["plan"]["objectives"][0]["indicators"][1]
        .as_object_mut()
        .expect("object")
        .remove("kind");
    assert_shape(
        &v,
        "plan.objectives[0].indicators[1]",
        "missing field `kind`",
    );
    let mut v = sample_value();
    v.as_object_mut().expect("object").remove("plan");
    assert_shape(&v, "(root)", "missing field `plan`");
}

#[test]
fn an_unknown_indicator_kind_is_reported_at_its_path() {
    let mut v = sample_value();
    v["plan"]["objectives"][0]["indicators"][0]["kind"] = json!("percentage");
    assert_shape(
        &v,
        "plan.objectives[0].indicators[0].kind",
        "unknown variant `percentage`",
    );
}

#[test]
fn an_unknown_scoring_option_is_refused() {
    let mut v = sample_value();
    v["plan"]["scoring"] = json!({"numeric": "linear", "rounding": 3});
    assert_shape(&v, "plan.scoring.rounding", "unknown field `rounding`");
}

#[test]
fn a_progress_level_of_the_wrong_type_is_reported_under_its_indicator() {
    let mut v = sample_value();
    v["progress"]["m"] = json!({"level": "three"});
    assert_shape(&v, "progress.m.level", "invalid type");
    v["progress"]["m"] = json!({"level": 300});
    assert_shape(&v, "progress.m.level", "300 is not a level");
    v["progress"]["m"] = json!({"level": -1});
    assert_shape(&v, "progress.m.level", "-1 is not a level");
}

#[test]
fn a_date_that_does_not_exist_is_refused() {
    let mut v = sample_value();
    v["progress"]["x"] = json!({"done_on": "2023-02-30"});
    assert_shape(&v, "progress.x.done_on", "");
    let mut v = sample_value();
    v["plan"]["objectives"][0]["indicators"][2]["target"]["value"] = json!("2023-02-30");
    assert_shape(
        &v,
        "plan.objectives[0].indicators[2].target.value",
        "not a date that exists",
    );
}

#[test]
fn a_date_in_another_format_is_refused() {
    let mut v = sample_value();
    v["progress"]["x"] = json!({"done_on": "15/05/2023"});
    assert_shape(&v, "progress.x.done_on", "");
}

// ---- Decimals -------------------------------------------------------------------

#[test]
fn decimals_are_accepted_as_strings_and_as_json_numbers_exactly() {
    let mut as_numbers = sample_value();
    let a = &mut as_numbers["plan"]["objectives"][0]["assignments"][0];
    a["weight"] = json!(100);
    let n = &mut as_numbers["plan"]["objectives"][0]["indicators"][1];
    n["threshold"]["value"] = json!(10);
    n["target"]["value"] = json!(20.0);
    n["excellence"]["value"] = json!(30);
    as_numbers["progress"]["n"]["value"] = json!(12.5);
    let imported = import_value(&as_numbers).expect("numbers are accepted");
    assert_eq!(imported.snapshot, sample());
}

#[test]
fn a_json_number_keeps_its_decimal_digits() {
    // 0.1 has no exact binary form: read through f64 it must still be 0.1.
    for (number, exact) in [
        ("0.1", "0.1"),
        ("0.3", "0.3"),
        ("2.675", "2.675"),
        ("41079930", "41079930"),
        ("1e3", "1000"),
        ("-3.5", "-3.5"),
        ("3.0", "3"),
        ("12.50", "12.5"),
        ("1e21", "1000000000000000000000"),
        ("1e-7", "0.0000001"),
        ("1.5e-5", "0.000015"),
        ("123456.789e3", "123456789"),
        ("0.30000000000000004", "0.30000000000000004"),
    ] {
        let text = sample()
            .to_json()
            .replace("\"value\": \"12.5\"", &format!("\"value\": {number}"));
        let imported = import(text.as_bytes()).expect("valid");
        let value = imported.snapshot.progress["n"].value;
        assert_eq!(value.map(|v| v.to_string()), Some(exact.to_string()));
    }
}

#[test]
fn decimal_strings_keep_every_digit() {
    let mut v = sample_value();
    v["progress"]["n"]["value"] = json!("12.3456789012345678901234567");
    let imported = import_value(&v).expect("valid");
    assert_eq!(
        imported.snapshot.progress["n"].value,
        Some(d("12.3456789012345678901234567"))
    );
}

#[test]
fn decimals_are_written_as_strings() {
    let v = sample_value();
    assert_eq!(
        v["plan"]["objectives"][0]["assignments"][0]["weight"],
        "100"
    );
    assert_eq!(
        v["plan"]["objectives"][0]["indicators"][1]["target"]["value"],
        "20"
    );
    assert_eq!(v["progress"]["n"]["value"], "12.5");
    assert_eq!(
        v["plan"]["objectives"][0]["indicators"][2]["target"]["value"],
        "2023-05-31"
    );
    assert_eq!(v["progress"]["x"]["done_on"], "2023-05-15");
}

#[test]
fn a_number_out_of_decimal_range_is_a_shape_error_not_a_crash() {
    for value in [json!("1e40"), json!(1e300), json!("NaN"), json!("")] {
        let mut v = sample_value();
        v["progress"]["n"]["value"] = value.clone();
        assert_shape(&v, "progress.n.value", "");
    }
}

// ---- Validation and round trip ------------------------------------------------------

#[test]
fn a_snapshot_that_fails_validation_lists_every_error() {
    let mut v = sample_value();
    v["plan"]["objectives"][0]["assignments"][0]["area"] = json!("XYZ");
    v["progress"]["ghost"] = json!({"level": 1});
    match import_err(&v) {
        ImportError::Invalid(issues) => {
            let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
            assert_eq!(
                paths,
                [
                    "plan.objectives[0].assignments[0].area",
                    "progress[\"ghost\"]"
                ]
            );
        }
        other => panic!("expected validation errors, got {other:?}"),
    }
}

#[test]
fn warnings_do_not_block_an_import_and_come_with_it() {
    let mut v = sample_value();
    v["plan"]["objectives"][0]["assignments"][0]["weight"] = json!("90");
    let imported = import_value(&v).expect("a warning is not an error");
    assert_eq!(imported.report.warnings.len(), 1);
    assert_eq!(imported.report.warnings[0].path, "plan.areas[0]");
}

#[test]
fn parse_decodes_without_validating() {
    let mut v = sample_value();
    v["progress"]["ghost"] = json!({"level": 1});
    let (snapshot, version) = parse(v.to_string().as_bytes()).expect("decodes");
    assert_eq!(version, CURRENT_VERSION);
    assert!(snapshot.progress.contains_key("ghost"));
}

#[test]
fn export_then_import_gives_an_equal_snapshot() {
    let mut s = sample();
    s.progress.get_mut("m").expect("m").note = Some("Fatto, «con» note\nsu due righe".into());
    s.progress.get_mut("m").expect("m").updated_at = Some("2023-06-15T10:30:00+02:00".into());
    s.progress.get_mut("m").expect("m").updated_by = Some("Área ÀÈÌ 😀".into());
    let text = s.to_json();
    assert!(text.ends_with("}\n"));
    let imported = import(text.as_bytes()).expect("valid");
    assert_eq!(imported.snapshot, s);
    // And writing it again gives the same bytes.
    assert_eq!(imported.snapshot.to_json(), text);
}

#[test]
fn an_unassessed_entry_with_a_note_survives_the_round_trip() {
    let mut s = sample();
    s.progress.insert(
        "n".into(),
        ProgressEntry {
            note: Some("misura attesa a dicembre".into()),
            ..Default::default()
        },
    );
    let imported = import(s.to_json().as_bytes()).expect("valid");
    assert_eq!(imported.snapshot, s);
}

// ---- Hostile numbers: nothing overflows into a panic ---------------------------

/// The largest Decimal, 2^96 − 1.
const DECIMAL_MAX: &str = "79228162514264337593543950335";

#[test]
fn huge_weights_are_a_warning_not_a_panic() {
    let p = plan(
        &["A"],
        vec![
            objective("o1", &[("A", DECIMAL_MAX)], vec![milestone("m1")]),
            objective("o2", &[("A", DECIMAL_MAX)], vec![milestone("m2")]),
        ],
    );
    let text = json_of(p, progress(&[("m1", at_level(4)), ("m2", at_level(1))]));
    let imported = import(text.as_bytes()).expect("valid, with a warning");
    assert_eq!(imported.report.warnings.len(), 1);
    let s = &imported.snapshot;
    let card = s.plan.score(&s.progress);
    let score = card.area("A").and_then(|a| a.score).expect("assessed");
    assert!(score >= d("0") && score <= d("4"), "{score}");
    let summary = score_summary(&s.plan, &card);
    assert!(summary.areas[0].score.is_some());
}

#[test]
fn levels_at_the_ends_of_the_decimal_range_score_without_overflow() {
    let min = format!("-{DECIMAL_MAX}");
    let mut p = single(vec![number("n", &min, "0", DECIMAL_MAX, Direction::Higher)]);
    p.scoring.numeric = NumericMode::Linear;
    for (x, lowest, highest) in [
        (min.as_str(), "1", "1"),
        ("-1", "2.9", "3"),
        ("0", "3", "3"),
        ("1", "3", "3.1"),
        (DECIMAL_MAX, "4", "4"),
    ] {
        let text = json_of(p.clone(), progress(&[("n", valued(x))]));
        let imported = import(text.as_bytes()).expect("valid");
        let s = &imported.snapshot;
        let level = s.plan.score(&s.progress).indicator("n").expect("assessed");
        assert!(level >= d(lowest) && level <= d(highest), "{x}: {level}");
    }
}

#[test]
fn negative_weights_being_edited_do_not_crash_the_score() {
    // Invalid (an error), but the plan editor scores while the user types.
    let p = plan(
        &["A"],
        vec![
            objective("o1", &[("A", "5")], vec![milestone("m1")]),
            objective(
                "o2",
                &[("A", "-4.9999999999999999999999999999")],
                vec![milestone("m2")],
            ),
        ],
    );
    assert!(!validate_plan(&p).is_valid());
    let card = p.score(&progress(&[("m1", at_level(4)), ("m2", at_level(0))]));
    assert_eq!(card.area("A").and_then(|a| a.score), None);
}

/// A current-version file is decoded straight from its text (the fast path);
/// it must give exactly what the general path (JSON value, migration, decoding
/// with paths) gives: the sample, the sample with history, and the 2023 plan.
#[test]
fn current_version_fast_path_decodes_like_the_general_path() {
    let mut with_history = sample();
    for entry in with_history.progress.values_mut() {
        entry.history.push(HistoryPoint {
            at: "2023-03-01T08:00:00Z".into(),
            ..HistoryPoint::default()
        });
    }
    for snapshot in [sample(), default_snapshot(), with_history] {
        let text = snapshot.to_json();
        let (fast, version) = parse(text.as_bytes()).expect("the snapshot parses");
        assert_eq!(version, CURRENT_VERSION);
        let value: Value = serde_json::from_str(&text).expect("valid JSON");
        let (value, _) = cruscotto_engine::snapshot::migrate(value).expect("current version");
        let general: Snapshot = serde_path_to_error::deserialize(value).expect("decodes");
        assert_eq!(fast, general);
        assert_eq!(fast, snapshot);
    }
}

/// The fast path must not swallow errors: a current-version file with a bad
/// field still reports the field's JSON path, as the general path does.
#[test]
fn current_version_file_with_bad_field_still_reports_its_path() {
    let mut v = sample_value();
    v["progress"]["n"]["value"] = json!("dodici");
    let err = parse(v.to_string().as_bytes()).expect_err("a bad decimal is refused");
    match err {
        ImportError::Shape { path, .. } => assert_eq!(path, "progress.n.value"),
        other => panic!("expected a shape error, got {other:?}"),
    }
}

#[test]
fn a_per_area_entry_of_the_wrong_type_is_reported_at_its_path() {
    let p = plan(
        &["A"],
        vec![per_area(objective(
            "o",
            &[("A", "100")],
            vec![milestone("m")],
        ))],
    );
    let mut v = value_of(p, Progress::new());
    v["progress_by_area"] = json!({"A": {"m": {"level": "tre"}}});
    assert_shape(&v, "progress_by_area.A.m.level", "");
}

#[test]
fn an_unknown_measurement_is_reported_at_its_path() {
    let mut v = sample_value();
    v["plan"]["objectives"][0]["measurement"] = json!("per_person");
    assert_shape(&v, "plan.objectives[0].measurement", "per_person");
}
