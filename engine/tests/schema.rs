//! The published contract against the engine: `docs/snapshot.schema.json`
//! accepts what Cruscotto writes (the embedded plan, every field of the model)
//! and refuses what it refuses; `docs/snapshot-format.md` lists the engine's
//! rules and its example imports and scores as printed.
//!
//! The schema is checked by a small draft 2020-12 validator below, limited to
//! the keywords the schema uses (an unknown keyword fails the test, so the
//! schema cannot drift beyond what is checked). The `jsonschema` crate would
//! do it fully, but it costs well over a minute of compilation on two cores and
//! turns on serde_json's `float_roundtrip` feature for the test build only, so
//! the engine under test would parse numbers differently from the one shipped.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use common::*;
use cruscotto_engine::snapshot::import;
use cruscotto_engine::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn docs(file: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema() -> Value {
    serde_json::from_str(&docs("snapshot.schema.json")).expect("the schema is JSON")
}

// ---- A minimal JSON Schema validator ------------------------------------------------

const DECIMAL_PATTERN: &str = "^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$";
const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const SHA256_PATTERN: &str = "^[0-9a-f]{64}$";

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The schema's two patterns, matched by hand (no regex engine in the tests).
fn matches_pattern(pattern: &str, s: &str) -> bool {
    match pattern {
        DECIMAL_PATTERN => {
            let s = s.strip_prefix(['+', '-']).unwrap_or(s);
            let (mantissa, exponent) = match s.find(['e', 'E']) {
                Some(i) => (&s[..i], Some(&s[i + 1..])),
                None => (s, None),
            };
            let mantissa_ok = match mantissa.split_once('.') {
                Some((int, frac)) => {
                    (int.is_empty() || digits(int))
                        && (frac.is_empty() || digits(frac))
                        && !(int.is_empty() && frac.is_empty())
                }
                None => digits(mantissa),
            };
            let exponent_ok =
                exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
            mantissa_ok && exponent_ok
        }
        DATE_PATTERN => {
            let b = s.as_bytes();
            b.len() == 10
                && b.iter().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        *c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
        }
        SHA256_PATTERN => {
            s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        }
        other => panic!("the test validator does not know the pattern {other:?}"),
    }
}

struct Validator<'a> {
    root: &'a Value,
}

impl Validator<'_> {
    fn errors(&self, instance: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(self.root, instance, "", &mut out);
        out
    }

    fn is_valid(&self, schema: &Value, instance: &Value) -> bool {
        let mut out = Vec::new();
        self.check(schema, instance, "", &mut out);
        out.is_empty()
    }

    fn resolve(&self, reference: &str) -> &Value {
        let name = reference
            .strip_prefix("#/$defs/")
            .unwrap_or_else(|| panic!("only local $defs references: {reference}"));
        self.root["$defs"]
            .get(name)
            .unwrap_or_else(|| panic!("{reference} is not defined"))
    }

    fn check(&self, schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
        let Some(keywords) = schema.as_object() else {
            match schema {
                Value::Bool(true) => {}
                Value::Bool(false) => out.push(format!("{at}: not allowed")),
                other => panic!("a schema is an object or a boolean: {other}"),
            }
            return;
        };
        let mut failures = Vec::new();
        let mut fail = |msg: String| failures.push(format!("{at}: {msg}"));
        for (keyword, arg) in keywords {
            match keyword.as_str() {
                "$schema" | "$id" | "title" | "description" | "$defs" | "format" | "then"
                | "else" => {}
                "$ref" => self.check(self.resolve(arg.as_str().expect("a string")), v, at, out),
                "type" => {
                    let ok = match arg.as_str().expect("one type") {
                        "object" => v.is_object(),
                        "array" => v.is_array(),
                        "string" => v.is_string(),
                        "number" => v.is_number(),
                        "integer" => v.is_i64() || v.is_u64(),
                        "boolean" => v.is_boolean(),
                        "null" => v.is_null(),
                        other => panic!("unknown type {other}"),
                    };
                    if !ok {
                        fail(format!("is not of type {arg}"));
                    }
                }
                "const" if v != arg => fail(format!("is not {arg}")),
                "enum" if !arg.as_array().expect("an array").contains(v) => {
                    fail(format!("is not one of {arg}"))
                }
                "const" | "enum" => {}
                "minLength" => {
                    if let Some(s) = v.as_str() {
                        if (s.chars().count() as u64) < arg.as_u64().expect("a count") {
                            fail(format!("is shorter than {arg}"));
                        }
                    }
                }
                "pattern" => {
                    if let Some(s) = v.as_str() {
                        if !matches_pattern(arg.as_str().expect("a pattern"), s) {
                            fail(format!("{s:?} does not match {arg}"));
                        }
                    }
                }
                "minimum" | "maximum" => {
                    if let (Some(x), Some(bound)) = (v.as_f64(), arg.as_f64()) {
                        let ok = if keyword == "minimum" {
                            x >= bound
                        } else {
                            x <= bound
                        };
                        if !ok {
                            fail(format!("is beyond the {keyword} {bound}"));
                        }
                    }
                }
                "minItems" => {
                    if let Some(a) = v.as_array() {
                        if (a.len() as u64) < arg.as_u64().expect("a count") {
                            fail(format!("has fewer than {arg} items"));
                        }
                    }
                }
                "maxItems" => {
                    if let Some(a) = v.as_array() {
                        if (a.len() as u64) > arg.as_u64().expect("a count") {
                            fail(format!("has more than {arg} items"));
                        }
                    }
                }
                "required" => {
                    if let Some(o) = v.as_object() {
                        for name in arg.as_array().expect("an array") {
                            let name = name.as_str().expect("a name");
                            if !o.contains_key(name) {
                                fail(format!("lacks {name:?}"));
                            }
                        }
                    }
                }
                "properties"
                | "additionalProperties"
                | "items"
                | "anyOf"
                | "allOf"
                | "not"
                | "if" => {}
                other => panic!("the test validator does not know the keyword {other:?}"),
            }
        }
        out.append(&mut failures);
        // The applicators, after the assertions so that messages read in order.
        if let Some(o) = v.as_object() {
            let declared = keywords.get("properties").and_then(Value::as_object);
            for (name, value) in o {
                let path = format!("{at}/{name}");
                match declared.and_then(|d| d.get(name)) {
                    Some(s) => self.check(s, value, &path, out),
                    None => {
                        if let Some(extra) = keywords.get("additionalProperties") {
                            self.check(extra, value, &path, out);
                        }
                    }
                }
            }
        }
        if let (Some(a), Some(items)) = (v.as_array(), keywords.get("items")) {
            for (i, x) in a.iter().enumerate() {
                self.check(items, x, &format!("{at}/{i}"), out);
            }
        }
        if let Some(all) = keywords.get("allOf") {
            for s in all.as_array().expect("an array") {
                self.check(s, v, at, out);
            }
        }
        if let Some(any) = keywords.get("anyOf") {
            if !any
                .as_array()
                .expect("an array")
                .iter()
                .any(|s| self.is_valid(s, v))
            {
                out.push(format!("{at}: matches none of anyOf"));
            }
        }
        if let Some(not) = keywords.get("not") {
            if self.is_valid(not, v) {
                out.push(format!("{at}: matches a schema it must not"));
            }
        }
        if let Some(cond) = keywords.get("if") {
            let branch = if self.is_valid(cond, v) {
                "then"
            } else {
                "else"
            };
            if let Some(s) = keywords.get(branch) {
                self.check(s, v, at, out);
            }
        }
    }
}

fn schema_errors(instance: &Value) -> Vec<String> {
    let schema = schema();
    Validator { root: &schema }.errors(instance)
}

// ---- The validator itself -------------------------------------------------------------

#[test]
fn the_hand_written_patterns_behave_like_the_regular_expressions() {
    for ok in [
        "12.5", "41079930", "-3.5", "+1", "1e3", "2.5E-2", ".5", "5.", "0",
    ] {
        assert!(matches_pattern(DECIMAL_PATTERN, ok), "{ok}");
    }
    for bad in [
        "", ".", "-", "1e", "e3", "1.2.3", "1,5", " 1", "NaN", "0x10", "1_000",
    ] {
        assert!(!matches_pattern(DECIMAL_PATTERN, bad), "{bad}");
    }
    assert!(matches_pattern(DATE_PATTERN, "2023-06-15"));
    for bad in [
        "2023-6-15",
        "2023/06/15",
        "20230615",
        "2023-06-15T00:00:00Z",
    ] {
        assert!(!matches_pattern(DATE_PATTERN, bad), "{bad}");
    }
    assert!(matches_pattern(SHA256_PATTERN, &"0a".repeat(32)));
    for bad in [
        "0A".repeat(32),
        "0a".repeat(31),
        format!("{}g", "0".repeat(63)),
    ] {
        assert!(!matches_pattern(SHA256_PATTERN, &bad), "{bad}");
    }
}

// ---- Schema against the engine ---------------------------------------------------------

#[test]
fn the_schema_is_draft_2020_12_json() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(
        s["properties"]["version"]["const"],
        cruscotto_engine::snapshot::CURRENT_VERSION
    );
    assert_eq!(s["properties"]["format"]["const"], "cruscotto-snapshot");
}

#[test]
fn the_embedded_plan_validates_against_the_schema() {
    let plan: Value = serde_json::from_str(DEFAULT_PLAN_JSON).expect("JSON");
    assert_eq!(schema_errors(&plan), Vec::<String>::new());
    // And as the CLI prints it.
    let written: Value = serde_json::from_str(&default_snapshot().to_json()).expect("JSON");
    assert_eq!(schema_errors(&written), Vec::<String>::new());
}

/// A snapshot that uses every field of the model at least once.
fn full_snapshot() -> Snapshot {
    let mut s = default_snapshot();
    s.exported_at = Some("2023-12-01T09:00:00+01:00".into());
    s.plan.scoring = ScoringOptions {
        numeric: NumericMode::Linear,
        intermediate_level: true,
    };
    let mut entries = Vec::new();
    for (_, i) in s.plan.indicators() {
        let mut e = match i.kind {
            IndicatorKind::Milestone => at_level(2),
            IndicatorKind::Number => valued("12.5"),
            IndicatorKind::Date => done_on("2023-06-15"),
        };
        e.note = Some("nota".into());
        e.updated_at = Some("2023-06-15T10:30:00+02:00".into());
        e.updated_by = Some("AAF".into());
        let mut earlier = e.clone();
        earlier.note = Some("prima".into());
        earlier.updated_at = Some("2023-03-01T09:00:00+01:00".into());
        if let Some(point) = earlier.as_point() {
            e.history = vec![point];
        }
        entries.push((i.id.clone(), e));
    }
    // Per-area objectives' entries in each of their areas (progress_by_area).
    (s.progress, s.progress_by_area) = per_area_copies(&s.plan, entries.into_iter().collect());
    // Version 5: evidence, the cycle's dates and statuses.
    s.plan.monitoring_date = NaiveDate::from_ymd_opt(2023, 7, 15);
    if let Some(i) = s.plan.objectives[0].indicators.first_mut() {
        i.evidence_required = true;
    }
    for e in s.progress.values_mut() {
        e.evidence = vec![Evidence {
            id: "ev-1".into(),
            kind: EvidenceKind::Link,
            title: "Verbale".into(),
            reference: "https://example.org/verbale.pdf".into(),
            date: NaiveDate::from_ymd_opt(2023, 6, 1),
            sha256: Some("a".repeat(64)),
            file_name: Some("verbale.pdf".into()),
            added_at: Some("2023-06-15T10:30:00+02:00".into()),
            added_by: Some("AAF".into()),
        }];
    }
    let area = s.plan.areas[0].code.clone();
    let objective = s
        .plan
        .objectives_of_area(&area)
        .next()
        .map(|(o, _)| o.id.clone())
        .expect("an objective");
    s.area_status.insert(
        area,
        AreaStatus {
            state: ReviewState::Returned,
            changed_at: Some("2024-02-01T09:00:00+01:00".into()),
            changed_by: Some("SPC".into()),
            submitted_at: Some("2024-01-20T09:00:00+01:00".into()),
            submitted_by: Some("Dirigente".into()),
            seal: Some("b".repeat(64)),
            comment: Some("Rivedere".into()),
            objectives: [(
                objective,
                ObjectiveReview {
                    level: Some(Decimal::ONE),
                    reason: Some("Evidenza parziale".into()),
                    comment: Some("Allegare il verbale".into()),
                },
            )]
            .into_iter()
            .collect(),
        },
    );
    // Version 6: the plan adopted, one revision recorded (a target changed,
    // an objective removed, one added), and one change not yet recorded.
    {
        use cruscotto_engine::revision::{adopt, record, track, RevisionInput};
        let plan = &mut s.plan;
        adopt(
            plan,
            date("2023-01-31"),
            "Delibera CdA 31/01/2023",
            Some("2023-02-01T09:00:00+01:00".into()),
            Some("SPC".into()),
        )
        .expect("adopts");
        let before = plan.objectives.clone();
        if let Some(l) = plan.objectives[1].indicators.first_mut() {
            l.target.description = "Target rivisto".into();
        }
        let removed = plan.objectives.remove(2);
        let mut added = removed.clone();
        added.id = "obiettivo-nuovo".into();
        for (k, i) in added.indicators.iter_mut().enumerate() {
            i.id = format!("obiettivo-nuovo-i{k}");
        }
        plan.objectives.push(added);
        track(&before, plan);
        let input = RevisionInput {
            effective: Some(date("2023-07-25")),
            reason: "Riorganizzazione".into(),
            act: "Delibera CdA 25/07/2023".into(),
        };
        record(
            plan,
            &input,
            Some("2023-07-26T09:00:00+02:00".into()),
            Some("SPC".into()),
        )
        .expect("records");
        let before = plan.objectives.clone();
        plan.objectives[0].title = "Titolo cambiato".into();
        track(&before, plan);
    }
    s
}

fn to_value(s: &Snapshot) -> Value {
    serde_json::from_str(&s.to_json()).expect("JSON")
}

#[test]
fn a_snapshot_using_every_field_validates_against_the_schema() {
    let s = full_snapshot();
    assert!(import(s.to_json().as_bytes()).is_ok());
    assert_eq!(schema_errors(&to_value(&s)), Vec::<String>::new());
}

/// Field names of a snapshot as written, progress keys (indicator ids, and
/// the area codes of per-area progress) aside.
fn model_field_names(v: &Value, parent: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                let key_is_an_id = parent == "progress" || parent == "reviews";
                let key_is_an_area = parent == "progress_by_area" || parent == "area_status";
                if !key_is_an_id && !key_is_an_area {
                    out.insert(k.clone());
                }
                let next = if parent == "area_status" {
                    "status"
                } else if key_is_an_area {
                    "progress"
                } else if key_is_an_id {
                    ""
                } else if parent == "status" && k == "objectives" {
                    "reviews"
                } else {
                    k
                };
                model_field_names(x, next, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| model_field_names(x, parent, out)),
        _ => {}
    }
}

/// Every name declared under a `properties` keyword of the schema.
fn schema_property_names(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                if k == "properties" {
                    out.extend(x.as_object().expect("an object").keys().cloned());
                }
                schema_property_names(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| schema_property_names(x, out)),
        _ => {}
    }
}

#[test]
fn the_schema_names_exactly_the_fields_of_the_model() {
    let mut model = BTreeSet::new();
    model_field_names(&to_value(&full_snapshot()), "", &mut model);
    let mut declared = BTreeSet::new();
    schema_property_names(&schema(), &mut declared);
    assert_eq!(
        model.difference(&declared).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "fields the schema lacks"
    );
    assert_eq!(
        declared.difference(&model).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "fields the model does not write"
    );
    assert!(model.len() >= 38, "{model:?}");
}

/// A way to break a valid snapshot.
type Breakage = Box<dyn Fn(&mut Value)>;

#[test]
fn the_schema_refuses_what_the_engine_refuses() {
    let base = || {
        value_of(
            single(vec![
                milestone("m"),
                number("n", "1", "2", "3", Direction::Higher),
                deadline("x", "2023-06-30", "2023-05-31", "2023-04-30"),
            ]),
            progress(&[("m", at_level(3))]),
        )
    };
    assert_eq!(schema_errors(&base()), Vec::<String>::new());
    let breakages: Vec<(&str, Breakage)> = vec![
        ("wrong format", Box::new(|v| v["format"] = json!("excel"))),
        ("newer version", Box::new(|v| v["version"] = json!(7))),
        (
            "version as a string",
            Box::new(|v| v["version"] = json!("1")),
        ),
        (
            "no plan",
            Box::new(|v| {
                v.as_object_mut().expect("object").remove("plan");
            }),
        ),
        (
            "weight as an object",
            Box::new(|v| v["plan"]["objectives"][0]["assignments"][0]["weight"] = json!({"v": 1})),
        ),
        (
            "weight in words",
            Box::new(|v| v["plan"]["objectives"][0]["assignments"][0]["weight"] = json!("cento")),
        ),
        (
            "typo in a field name",
            Box::new(|v| {
                let a = v["plan"]["objectives"][0]["assignments"][0]
                    .as_object_mut()
                    .expect("object");
                let w = a.remove("weight").expect("weight");
                a.insert("weigth".into(), w);
            }),
        ),
        (
            "unknown kind",
            Box::new(|v| v["plan"]["objectives"][0]["indicators"][0]["kind"] = json!("percent")),
        ),
        (
            "unknown measurement",
            Box::new(|v| v["plan"]["objectives"][0]["measurement"] = json!("per_person")),
        ),
        (
            "per-area progress that is not an object of entries",
            Box::new(|v| v["progress_by_area"] = json!({"A": [{"level": 3}]})),
        ),
        (
            "number level without value",
            Box::new(|v| {
                v["plan"]["objectives"][0]["indicators"][1]["target"]["value"] = json!(null)
            }),
        ),
        (
            "date level as a number",
            Box::new(|v| {
                v["plan"]["objectives"][0]["indicators"][2]["target"]["value"] = json!("31")
            }),
        ),
        (
            "direction on a deadline",
            Box::new(|v| v["plan"]["objectives"][0]["indicators"][2]["direction"] = json!("lower")),
        ),
        (
            "objective without indicators",
            Box::new(|v| v["plan"]["objectives"][0]["indicators"] = json!([])),
        ),
        (
            "unknown scoring option",
            Box::new(|v| v["plan"]["scoring"]["rounding"] = json!(2)),
        ),
        (
            "level above 4",
            Box::new(|v| v["progress"]["m"]["level"] = json!(5)),
        ),
        (
            "date not ISO",
            Box::new(|v| v["progress"]["x"] = json!({"done_on": "15/06/2023"})),
        ),
        (
            "history point without a time",
            Box::new(|v| v["progress"]["m"]["history"] = json!([{"level": 1}])),
        ),
        (
            "history point above level 4",
            Box::new(|v| {
                v["progress"]["m"]["history"] = json!([{"at": "2023-03-01T09:00:00Z", "level": 7}])
            }),
        ),
        (
            "history longer than 500 points",
            Box::new(|v| {
                let point = json!({"at": "2023-03-01T09:00:00Z", "level": 1});
                v["progress"]["m"]["history"] = Value::Array(vec![point; 501]);
            }),
        ),
        (
            "blank id",
            Box::new(|v| v["plan"]["objectives"][0]["id"] = json!("")),
        ),
    ];
    for (what, breakage) in breakages {
        let mut v = base();
        breakage(&mut v);
        assert!(!schema_errors(&v).is_empty(), "the schema accepts: {what}");
        assert!(
            import(v.to_string().as_bytes()).is_err(),
            "the engine accepts: {what}"
        );
    }
}

// ---- The format document against the engine --------------------------------------------

/// The JSON block that follows `<!-- example: NAME -->` in the format document.
fn doc_example(name: &str) -> String {
    let doc = docs("snapshot-format.md");
    let marker = format!("<!-- example: {name} -->");
    let after = &doc[doc.find(&marker).expect("the example marker") + marker.len()..];
    let start = after.find("```json\n").expect("a json block") + "```json\n".len();
    let end = after[start..].find("```").expect("the block ends");
    after[start..start + end].to_string()
}

#[test]
fn the_example_in_the_format_document_imports_validates_and_scores_as_printed() {
    let text = doc_example("snapshot");
    let imported = import(text.as_bytes()).expect("the example imports");
    assert!(imported.report.warnings.is_empty());
    let example: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(schema_errors(&example), Vec::<String>::new());

    let s = imported.snapshot;
    let printed: Value = serde_json::from_str(&doc_example("score")).expect("JSON");
    let computed = serde_json::to_value(score_summary(&s.plan, &s.plan.score(&s.progress)))
        .expect("the summary serializes");
    assert_eq!(computed, printed);
}

/// Every validation rule, written out so that a new one fails to compile here
/// until the document lists it.
fn every_rule() -> Vec<IssueKind> {
    use IssueKind::*;
    let kind = IndicatorKind::Number;
    let all = vec![
        EmptyField { field: "id".into() },
        DuplicateId { id: "x".into() },
        DuplicateArea { code: "x".into() },
        UnknownArea { code: "x".into() },
        UnknownPillar { id: "x".into() },
        UnknownStrategicObjective { code: "x".into() },
        NegativeWeight {
            weight: Decimal::NEGATIVE_ONE,
        },
        NoIndicators,
        MissingLevelValue {
            level: "target".into(),
            kind,
        },
        WrongLevelValue {
            level: "target".into(),
            kind,
        },
        MilestoneGrade {
            level: "target".into(),
            expected: 3,
        },
        LevelsOutOfOrder {
            direction: Direction::Higher,
        },
        DirectionOnNonNumber,
        ScaleOnNonNumber,
        ScaleMinAboveMax {
            min: Decimal::TEN,
            max: Decimal::ONE,
        },
        LevelOutsideScale {
            level: "target".into(),
        },
        ValueOutsideScale {
            value: Decimal::TEN,
            min: Some(Decimal::ONE),
            max: Some(Decimal::from(6)),
        },
        UnknownIndicator { id: "x".into() },
        SharedEntryOfPerAreaObjective {
            id: "x".into(),
            objective: "o".into(),
        },
        AreaEntryOfSharedObjective {
            id: "x".into(),
            objective: "o".into(),
        },
        AreaNotWeighted {
            id: "x".into(),
            objective: "o".into(),
            area: "A".into(),
        },
        ProgressKindMismatch { kind },
        MilestoneLevelNotAllowed { level: 2 },
        LevelNotAllowedForKind { level: 3, kind },
        SeveralMeasurements,
        BadTimestamp { value: "x".into() },
        HistoryTooLong { len: 501, max: 500 },
        WeightsNot100 {
            area: "A".into(),
            sum: Decimal::ONE,
        },
        NoWeightedArea,
        AreaWithoutObjectives { area: "A".into() },
        BadUrl {
            reference: "javascript:alert(1)".into(),
        },
        BadDigest { value: "x".into() },
        MissingValidatedLevel {
            objective: "o".into(),
        },
        ValidatedLevelOutOfRange {
            level: Decimal::TEN,
        },
        ObjectiveNotInArea {
            objective: "o".into(),
            area: "A".into(),
        },
        RevisionWithoutAdoption,
        RevisionLogMismatch {
            objective: "o".into(),
        },
        EffectiveBeforeAdoption,
        UnrecordedChanges { count: 1 },
    ];
    for k in &all {
        // Exhaustive: a new variant is a compile error until it is added above.
        match k {
            EmptyField { .. }
            | DuplicateId { .. }
            | DuplicateArea { .. }
            | UnknownArea { .. }
            | UnknownPillar { .. }
            | UnknownStrategicObjective { .. }
            | NegativeWeight { .. }
            | NoIndicators
            | MissingLevelValue { .. }
            | WrongLevelValue { .. }
            | MilestoneGrade { .. }
            | LevelsOutOfOrder { .. }
            | DirectionOnNonNumber
            | ScaleOnNonNumber
            | ScaleMinAboveMax { .. }
            | LevelOutsideScale { .. }
            | ValueOutsideScale { .. }
            | UnknownIndicator { .. }
            | SharedEntryOfPerAreaObjective { .. }
            | AreaEntryOfSharedObjective { .. }
            | AreaNotWeighted { .. }
            | ProgressKindMismatch { .. }
            | MilestoneLevelNotAllowed { .. }
            | LevelNotAllowedForKind { .. }
            | SeveralMeasurements
            | BadTimestamp { .. }
            | HistoryTooLong { .. }
            | WeightsNot100 { .. }
            | NoWeightedArea
            | AreaWithoutObjectives { .. }
            | BadUrl { .. }
            | BadDigest { .. }
            | MissingValidatedLevel { .. }
            | ValidatedLevelOutOfRange { .. }
            | ObjectiveNotInArea { .. }
            | RevisionWithoutAdoption
            | RevisionLogMismatch { .. }
            | EffectiveBeforeAdoption
            | UnrecordedChanges { .. } => {}
        }
    }
    all
}

#[test]
fn the_format_document_lists_every_rule_with_its_severity() {
    let doc = docs("snapshot-format.md");
    let section = |title: &str| {
        let start = doc.find(title).expect("the section");
        let rest = &doc[start + title.len()..];
        rest[..rest.find("\n#").unwrap_or(rest.len())].to_string()
    };
    let (errors, warnings) = (section("### Errors"), section("### Warnings"));
    let report = |kind: IssueKind| {
        let mut r = Report::default();
        let severity = match kind {
            IssueKind::WeightsNot100 { .. }
            | IssueKind::NoWeightedArea
            | IssueKind::AreaWithoutObjectives { .. }
            | IssueKind::ValueOutsideScale { .. }
            | IssueKind::UnrecordedChanges { .. } => Severity::Warning,
            _ => Severity::Error,
        };
        let issue = Issue {
            severity,
            path: String::new(),
            kind,
        };
        match severity {
            Severity::Error => r.errors.push(issue),
            Severity::Warning => r.warnings.push(issue),
        }
        r
    };
    for kind in every_rule() {
        let r = report(kind);
        let (issue, table) = match r.errors.first() {
            Some(e) => (e, &errors),
            None => (&r.warnings[0], &warnings),
        };
        let rule = serde_json::to_value(issue).expect("an issue serializes")["rule"]
            .as_str()
            .expect("a rule name")
            .to_string();
        assert!(
            table.contains(&format!("| `{rule}` |")),
            "{rule} is not in its table"
        );
    }
}

#[test]
fn the_reader_ignores_unknown_fields_outside_scoring_and_drops_them_on_export() {
    let mut v = value_of(
        single(vec![milestone("m")]),
        progress(&[("m", at_level(3))]),
    );
    v["comment"] = json!("made by hand");
    v["plan"]["objectives"][0]["owner"] = json!({"name": "AAF"});
    v["progress"]["m"]["confidence"] = json!(0.9);
    let imported = import(v.to_string().as_bytes()).expect("unknown fields are ignored");
    let written = imported.snapshot.to_json();
    for field in ["comment", "owner", "confidence"] {
        assert!(!written.contains(field), "{field} was kept");
    }
    assert!(!schema_errors(&v).is_empty(), "the schema refuses them");
}
