//! Reading and writing snapshot files: size and encoding checks, JSON syntax,
//! format and version (with migration of older versions), typed decoding with the
//! JSON path of every error, then validation.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{Measurement, Progress, ProgressByArea, Snapshot};
use crate::validate::{validate, Issue, Report};

/// The `format` field of every snapshot.
pub const FORMAT: &str = "cruscotto-snapshot";
/// The snapshot version this build writes and the newest it reads.
pub const CURRENT_VERSION: u32 = 6;
/// Larger files are refused before parsing: a plan of a whole university with
/// years of history stays well below it, and a browser tab stays responsive.
pub const MAX_SNAPSHOT_BYTES: usize = 20 * 1024 * 1024;

/// Why a file could not be imported. Every variant says where the problem is.
/// Data only: the CLI and the app word it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge {
        size: usize,
        limit: usize,
    },
    NotUtf8 {
        offset: usize,
    },
    Syntax {
        line: usize,
        column: usize,
        /// serde_json's own description, without its location.
        message: String,
    },
    /// `found` is the JSON of the `format` field, or `missing`.
    WrongFormat {
        found: String,
    },
    NewerVersion {
        found: u64,
    },
    BadVersion {
        found: String,
    },
    /// `message` is the decoder's own description (serde's, in English).
    Shape {
        path: String,
        message: String,
    },
    NotCurrent,
    Invalid(Vec<Issue>),
}

impl ImportError {
    /// The JSON paths of the problems: several for `Invalid`, one for `Shape`,
    /// an empty one otherwise (the whole file is the problem).
    pub fn paths(&self) -> Vec<String> {
        match self {
            ImportError::Invalid(issues) => issues.iter().map(|i| i.path.clone()).collect(),
            ImportError::Shape { path, .. } => vec![path.clone()],
            _ => vec![String::new()],
        }
    }
}

/// The message of the shape error of a file whose root is not a JSON object.
pub const ROOT_NOT_OBJECT: &str = "a snapshot is a JSON object";

/// What serde_json found wrong in a file's syntax, read from its message
/// (serde_json's English, kept in [`ImportError::Syntax`]) so that a shell can
/// say it in another language. `Other` for a message this does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// The text ends inside a string, a list or an object: a cut file.
    UnexpectedEnd,
    ExpectedValue,
    ExpectedCommaOrClose,
    ExpectedColon,
    KeyNotString,
    TrailingCharacters,
    TrailingComma,
    InvalidEscape,
    ControlCharacter,
    /// Nesting deeper than serde_json's 128 levels.
    TooDeep,
    InvalidNumber,
    NumberOutOfRange,
    InvalidUnicode,
    Other,
}

impl SyntaxProblem {
    pub fn of(message: &str) -> SyntaxProblem {
        use SyntaxProblem::*;
        const KNOWN: [(&str, SyntaxProblem); 15] = [
            ("EOF while parsing", UnexpectedEnd),
            ("expected value", ExpectedValue),
            ("expected ident", ExpectedValue),
            ("expected `,` or", ExpectedCommaOrClose),
            ("expected `:`", ExpectedColon),
            ("key must be a string", KeyNotString),
            ("trailing characters", TrailingCharacters),
            ("trailing comma", TrailingComma),
            ("invalid escape", InvalidEscape),
            ("control character", ControlCharacter),
            ("recursion limit exceeded", TooDeep),
            ("invalid number", InvalidNumber),
            ("number out of range", NumberOutOfRange),
            ("invalid unicode code point", InvalidUnicode),
            ("lone leading surrogate", InvalidUnicode),
        ];
        KNOWN
            .iter()
            .find(|(prefix, _)| message.starts_with(prefix))
            .map_or(Other, |(_, p)| *p)
    }
}

/// The kind of a JSON value, as serde names it in "invalid type" messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    Text,
    Number,
    WholeNumber,
    Boolean,
    Null,
    Object,
    List,
    Date,
    Other,
}

impl JsonKind {
    /// What serde found (`string "x"`, `integer \`5\``, `map`, `null`…).
    fn found(text: &str) -> JsonKind {
        let t = text.trim();
        if t.starts_with("string") || t.starts_with("borrowed string") {
            JsonKind::Text
        } else if t.starts_with("integer") || t.starts_with("floating point") {
            JsonKind::Number
        } else if t.starts_with("boolean") {
            JsonKind::Boolean
        } else if t == "null" || t == "unit value" {
            JsonKind::Null
        } else if t == "map" {
            JsonKind::Object
        } else if t == "sequence" {
            JsonKind::List
        } else {
            JsonKind::Other
        }
    }

    /// What the decoder expected (`a string`, `u32`, `struct Plan`, `a
    /// decimal number`…).
    fn expected(text: &str) -> JsonKind {
        let t = text.trim();
        let whole = ["u8", "u16", "u32", "u64", "i32", "i64", "usize"];
        if whole.contains(&t) {
            JsonKind::WholeNumber
        } else if t.contains("date") {
            JsonKind::Date
        } else if t.contains("decimal") || t.contains("number") || t == "f64" {
            JsonKind::Number
        } else if t.contains("string") || t.contains("timestamp") {
            JsonKind::Text
        } else if t.contains("bool") {
            JsonKind::Boolean
        } else if t.contains("sequence") || t.contains("list") {
            JsonKind::List
        } else if t.starts_with("struct") || t.contains("map") || t.contains("object") {
            JsonKind::Object
        } else {
            JsonKind::Other
        }
    }
}

/// What a decoding ("shape") error says, read from its message (serde's
/// English, or the engine's own for numbers and dates) so that a shell can
/// say it in another language. `Other` for a message this does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShapeProblem {
    NotAnObject,
    MissingField {
        field: String,
    },
    WrongType {
        found: JsonKind,
        expected: JsonKind,
    },
    UnknownValue {
        found: String,
    },
    /// A field this version does not know (in a part that allows none).
    UnknownField {
        field: String,
    },
    /// The right kind of value, but not one allowed (a year of 11 digits).
    WrongValue {
        expected: JsonKind,
    },
    NotANumber,
    NumberOutOfRange,
    NotADate,
    /// A milestone level that is not a whole number from 0 to 4.
    NotALevel,
    Other,
}

impl ShapeProblem {
    pub fn of(message: &str) -> ShapeProblem {
        let between_ticks = |s: &str| s.split('`').nth(1).map(str::to_string);
        if message == ROOT_NOT_OBJECT {
            ShapeProblem::NotAnObject
        } else if let Some(rest) = message.strip_prefix("missing field ") {
            between_ticks(rest).map_or(ShapeProblem::Other, |field| ShapeProblem::MissingField {
                field,
            })
        } else if let Some(rest) = message.strip_prefix("invalid type: ") {
            match rest.rsplit_once(", expected ") {
                Some((found, expected)) => ShapeProblem::WrongType {
                    found: JsonKind::found(found),
                    expected: JsonKind::expected(expected),
                },
                None => ShapeProblem::Other,
            }
        } else if let Some(rest) = message.strip_prefix("unknown variant ") {
            between_ticks(rest).map_or(ShapeProblem::Other, |found| ShapeProblem::UnknownValue {
                found,
            })
        } else if let Some(rest) = message.strip_prefix("unknown field ") {
            between_ticks(rest).map_or(ShapeProblem::Other, |field| ShapeProblem::UnknownField {
                field,
            })
        } else if let Some(rest) = message.strip_prefix("invalid value: ") {
            ShapeProblem::WrongValue {
                expected: rest
                    .rsplit_once(", expected ")
                    .map_or(JsonKind::Other, |(_, e)| JsonKind::expected(e)),
            }
        } else if message.contains("not a number")
            || message.contains("not a decimal number")
            || message.contains("not finite")
        {
            ShapeProblem::NotANumber
        } else if message.contains("out of range") {
            ShapeProblem::NumberOutOfRange
        } else if message.contains("not a date") {
            ShapeProblem::NotADate
        } else if message.contains("is not a level") {
            ShapeProblem::NotALevel
        } else {
            ShapeProblem::Other
        }
    }
}

/// What a migration changed beyond the format itself, for the import
/// preview to word. Data only: the app says it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum MigrationNote {
    /// The objective is measured per area in the plan Cruscotto ships, so the
    /// migrated plan marks it `per_area` (version 2 → 3).
    MarkedPerArea { objective: String },
    /// The file's one (shared) entry of `indicator`, an indicator of the
    /// per-area `objective`, was copied to each of `areas` (version 2 → 3).
    CopiedPerArea {
        objective: String,
        indicator: String,
        areas: Vec<String>,
    },
    /// The number `indicators` took the scale they have in the plan Cruscotto
    /// ships, so values outside it are refused (version 3 → 4).
    ScalesAdded { indicators: Vec<String> },
    /// The plan took the self-assessment deadline it has in the plan
    /// Cruscotto ships (version 4 → 5).
    DeadlineAdded { date: String },
}

/// A snapshot that passed validation, with the warnings to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub snapshot: Snapshot,
    pub report: Report,
    /// The version the file was written in (older ones were migrated).
    pub source_version: u32,
    /// What the migration from `source_version` changed beyond the format
    /// (empty for a file of the current version).
    pub migration_notes: Vec<MigrationNote>,
}

/// Decodes bytes into a snapshot without validating it (for tools that want to
/// show a broken plan); most callers want [`import`].
pub fn parse(bytes: &[u8]) -> Result<(Snapshot, u32), ImportError> {
    parse_with_notes(bytes).map(|(s, v, _)| (s, v))
}

/// [`parse`], with what the migration changed beyond the format.
pub fn parse_with_notes(bytes: &[u8]) -> Result<(Snapshot, u32, Vec<MigrationNote>), ImportError> {
    let text = checked_text(bytes)?;
    // The common case, a file of the current version, is decoded straight from
    // the text: no intermediate `Value` tree, which for a 5 MB file is most of
    // the import time. Anything else (an older version, another format, any
    // error) takes the general path below, so that migration and every error
    // message, with its path, come from one place.
    if let Some(snapshot) = current(text) {
        return Ok((snapshot, CURRENT_VERSION, Vec::new()));
    }
    // serde_json refuses nesting deeper than 128 levels, so a hostile file
    // cannot exhaust the stack.
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        message: syntax_message(&e),
    })?;
    let (value, version, notes) = migrate_with_notes(value)?;
    let snapshot = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        ImportError::Shape {
            path: if path == "." { "(root)".into() } else { path },
            message: e.into_inner().to_string(),
        }
    })?;
    Ok((snapshot, version, notes))
}

/// The fast path of [`import`] alone: reads a valid snapshot of the current
/// version and refuses anything else with [`ImportError::NotCurrent`], without
/// migrating or locating the error. It links none of the general path (the
/// `Value` tree, the migrations, the tracking of JSON paths), so the app's
/// first wasm module stays small; that module hands anything this refuses to
/// the full app, which reads it with [`import`].
pub fn import_current(bytes: &[u8]) -> Result<Imported, ImportError> {
    validated(parse_current(bytes)?, CURRENT_VERSION, Vec::new())
}

/// [`import_current`] without the validation, as [`parse`] is [`import`]
/// without it.
pub fn parse_current(bytes: &[u8]) -> Result<Snapshot, ImportError> {
    current(checked_text(bytes)?).ok_or(ImportError::NotCurrent)
}

/// A snapshot of the current version decoded straight from `text`, if it is one.
fn current(text: &str) -> Option<Snapshot> {
    serde_json::from_str::<Snapshot>(text)
        .ok()
        .filter(|s| s.format == FORMAT && s.version == CURRENT_VERSION)
}

/// The text of a snapshot file: size, encoding, byte-order mark, emptiness.
fn checked_text(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_SNAPSHOT_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_SNAPSHOT_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

fn syntax_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the error carries them apart.
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Checks format and version and brings an older snapshot up to the current
/// version. Each step of the chain upgrades by one version.
pub fn migrate(value: Value) -> Result<(Value, u32), ImportError> {
    migrate_with_notes(value).map(|(v, version, _)| (v, version))
}

/// [`migrate`], with what the migration changed beyond the format.
pub fn migrate_with_notes(
    mut value: Value,
) -> Result<(Value, u32, Vec<MigrationNote>), ImportError> {
    let Some(obj) = value.as_object() else {
        return Err(ImportError::Shape {
            path: "(root)".into(),
            message: ROOT_NOT_OBJECT.into(),
        });
    };
    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(ImportError::WrongFormat {
                found: other.to_string(),
            })
        }
        None => {
            return Err(ImportError::WrongFormat {
                found: "missing".into(),
            })
        }
    }
    let version = match obj.get("version") {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v > u64::from(CURRENT_VERSION) => {
                return Err(ImportError::NewerVersion { found: v })
            }
            Some(v) if v >= 1 => v as u32,
            _ => {
                return Err(ImportError::BadVersion {
                    found: n.to_string(),
                })
            }
        },
        Some(other) => {
            return Err(ImportError::BadVersion {
                found: other.to_string(),
            })
        }
        None => {
            return Err(ImportError::BadVersion {
                found: "nothing".into(),
            })
        }
    };
    // One step per version, applied in order, so a file of any older version
    // reaches the current one through the same code as its successors.
    let mut notes = Vec::new();
    for step in MIGRATIONS.iter().skip(version as usize - 1) {
        step(&mut value, &mut notes);
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("version".into(), Value::from(CURRENT_VERSION));
    }
    Ok((value, version, notes))
}

/// `MIGRATIONS[n - 1]` upgrades version `n` to `n + 1`.
type Migration = fn(&mut Value, &mut Vec<MigrationNote>);
const MIGRATIONS: [Migration; CURRENT_VERSION as usize - 1] = [
    |v, _| migrate_v1_to_v2(v),
    |v, notes| notes.extend(migrate_v2_to_v3(v, &shipped_per_area())),
    |v, notes| notes.extend(migrate_v3_to_v4(v, &shipped_scales())),
    |v, notes| notes.extend(migrate_v4_to_v5(v, &shipped_deadline())),
    // Version 6 adds the plan's adoption, revisions and unrecorded changes,
    // all optional: an older plan reads as a draft never adopted.
    |_, _| {},
];

/// The self-assessment deadline of the plan Cruscotto ships: plan id, then
/// the date as JSON (`None` when the shipped plan has none).
pub type ShippedDeadline = (String, Option<Value>);

/// The deadline of [`crate::DEFAULT_PLAN_JSON`] (plans before version 5
/// cannot state one; a file of the shipped plan takes it from it).
pub fn shipped_deadline() -> ShippedDeadline {
    let plan = crate::default_snapshot().plan;
    let date = plan
        .self_assessment_deadline
        .map(|d| Value::String(d.to_string()));
    (plan.id, date)
}

/// Version 5 adds evidence, the areas' review status and the plan's
/// self-assessment deadline and monitoring date, all optional, so an older
/// file reads as it is: no evidence, every area a draft. A file of the plan
/// Cruscotto ships (same plan id) takes the shipped deadline, so that it
/// merges with files written since.
pub fn migrate_v4_to_v5(value: &mut Value, shipped: &ShippedDeadline) -> Vec<MigrationNote> {
    let (plan_id, date) = shipped;
    let Some(date) = date else {
        return Vec::new();
    };
    let Some(plan) = value.get_mut("plan").and_then(Value::as_object_mut) else {
        return Vec::new();
    };
    if plan.get("id").and_then(Value::as_str) != Some(plan_id.as_str())
        || plan.contains_key("self_assessment_deadline")
    {
        return Vec::new();
    }
    plan.insert("self_assessment_deadline".into(), date.clone());
    vec![MigrationNote::DeadlineAdded {
        date: date.as_str().unwrap_or_default().to_string(),
    }]
}

/// The scales of the plan Cruscotto ships: plan id, then indicator id → its
/// scale as JSON.
pub type ShippedScales = (String, BTreeMap<String, Value>);

/// The number scales of [`crate::DEFAULT_PLAN_JSON`] (plans before version 4
/// cannot state them; a file of the shipped plan takes them from it).
pub fn shipped_scales() -> ShippedScales {
    let plan = crate::default_snapshot().plan;
    let scales = plan
        .objectives
        .iter()
        .flat_map(|o| o.indicators.iter())
        .filter_map(|i| {
            let scale = serde_json::to_value(i.scale.as_ref()?).ok()?;
            Some((i.id.clone(), scale))
        })
        .collect();
    (plan.id, scales)
}

/// Version 4 lets a number indicator state its scale (`scale`: min, max).
/// When the file holds the plan of `scales` (same plan id), each number
/// indicator with the id of a scaled indicator there and no scale of its own
/// takes the shipped scale, so that a year's progress kept since version 3
/// is checked like a new one. Files of other plans are left as they are.
pub fn migrate_v3_to_v4(value: &mut Value, scales: &ShippedScales) -> Vec<MigrationNote> {
    let (plan_id, by_id) = scales;
    if value.get("plan").and_then(|p| str_field(p, "id")) != Some(plan_id.as_str()) {
        return Vec::new();
    }
    let mut indicators = Vec::new();
    let objectives = value
        .get_mut("plan")
        .and_then(|p| p.get_mut("objectives"))
        .and_then(Value::as_array_mut);
    for o in objectives.into_iter().flatten() {
        let inds = o.get_mut("indicators").and_then(Value::as_array_mut);
        for i in inds.into_iter().flatten() {
            let Some(scale) = str_field(i, "id").and_then(|id| by_id.get(id)) else {
                continue;
            };
            if str_field(i, "kind") != Some("number") || i.get("scale").is_some() {
                continue;
            }
            let scale = scale.clone();
            if let Some(obj) = i.as_object_mut() {
                if let Some(id) = obj.get("id").and_then(Value::as_str) {
                    indicators.push(id.to_string());
                }
                obj.insert("scale".into(), scale);
            }
        }
    }
    if indicators.is_empty() {
        Vec::new()
    } else {
        vec![MigrationNote::ScalesAdded { indicators }]
    }
}

/// The per-area objectives of the plan Cruscotto ships: plan id, then
/// objective id → its indicator ids.
pub type PerAreaMarks = (String, BTreeMap<String, Vec<String>>);

/// The per-area marks of [`crate::DEFAULT_PLAN_JSON`] (version 1 and 2 plans
/// cannot say `per_area`; a file of the shipped plan takes them from it).
pub fn shipped_per_area() -> PerAreaMarks {
    let plan = crate::default_snapshot().plan;
    let marks = plan
        .objectives
        .iter()
        .filter(|o| o.measurement == Measurement::PerArea)
        .map(|o| {
            let ids = o.indicators.iter().map(|i| i.id.clone()).collect();
            (o.id.clone(), ids)
        })
        .collect();
    (plan.id, marks)
}

fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// Version 3 lets an objective be measured per area, with its entries in
/// `progress_by_area`. Version 1 and 2 plans cannot say so, so when the file
/// holds the plan of `marks` (same plan id), each of its objectives with the
/// id of a per-area objective there, and only indicators that objective has,
/// is marked `per_area` (files made before the shipped plan gained an
/// indicator keep theirs; an objective the office edited is left alone),
/// and each shared entry of its indicators is moved to every area
/// the objective is assigned to (a copy per area). Anything else, and files of
/// other plans, are left as they are. Returns what was done, objective by
/// objective in plan order.
pub fn migrate_v2_to_v3(value: &mut Value, marks: &PerAreaMarks) -> Vec<MigrationNote> {
    let (plan_id, per_area) = marks;
    let mut notes = Vec::new();
    if value.get("plan").and_then(|p| str_field(p, "id")) != Some(plan_id.as_str()) {
        return notes;
    }
    // (objective, indicator ids, areas) to move, found first, moved after.
    let mut moves: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    let objectives = value
        .get_mut("plan")
        .and_then(|p| p.get_mut("objectives"))
        .and_then(Value::as_array_mut);
    for o in objectives.into_iter().flatten() {
        let Some(id) = str_field(o, "id").map(str::to_string) else {
            continue;
        };
        let Some(shipped) = per_area.get(&id) else {
            continue;
        };
        let indicators: Vec<String> = o
            .get("indicators")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|i| str_field(i, "id").map(str::to_string))
            .collect();
        if !indicators.iter().all(|i| shipped.contains(i)) {
            continue;
        }
        let mut areas: Vec<String> = Vec::new();
        for a in o
            .get("assignments")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(code) = str_field(a, "area") {
                if !areas.iter().any(|x| x == code) {
                    areas.push(code.to_string());
                }
            }
        }
        if let Some(o) = o.as_object_mut() {
            o.insert("measurement".into(), Value::from("per_area"));
        }
        notes.push(MigrationNote::MarkedPerArea {
            objective: id.clone(),
        });
        moves.push((id, indicators, areas));
    }
    let Some(root) = value.as_object_mut() else {
        return notes;
    };
    let mut by_area: Map<String, Value> = Map::new();
    for (objective, indicators, areas) in moves {
        for indicator in indicators {
            let entry = root
                .get_mut("progress")
                .and_then(Value::as_object_mut)
                .and_then(|p| p.remove(&indicator));
            let Some(entry) = entry else {
                continue;
            };
            for area in &areas {
                let area_map = by_area
                    .entry(area.clone())
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Some(m) = area_map.as_object_mut() {
                    m.insert(indicator.clone(), entry.clone());
                }
            }
            notes.push(MigrationNote::CopiedPerArea {
                objective: objective.clone(),
                indicator,
                areas: areas.clone(),
            });
        }
    }
    if !by_area.is_empty() {
        root.insert("progress_by_area".into(), Value::Object(by_area));
    }
    notes
}

/// Version 2 adds `history` to progress entries. Version 1 had no such field
/// (readers ignored unknown fields), so a `history` key in a version 1 file is
/// not the history of version 2 and is dropped: its entries start with an
/// empty history.
fn migrate_v1_to_v2(value: &mut Value) {
    if let Some(progress) = value.get_mut("progress").and_then(Value::as_object_mut) {
        for entry in progress.values_mut() {
            if let Some(entry) = entry.as_object_mut() {
                entry.remove("history");
            }
        }
    }
}

/// Parses and validates: the one entry point for every import path.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    let (snapshot, source_version, notes) = parse_with_notes(bytes)?;
    validated(snapshot, source_version, notes)
}

fn validated(
    snapshot: Snapshot,
    source_version: u32,
    migration_notes: Vec<MigrationNote>,
) -> Result<Imported, ImportError> {
    let report = validate(&snapshot);
    if !report.is_valid() {
        return Err(ImportError::Invalid(report.errors));
    }
    Ok(Imported {
        snapshot,
        report,
        source_version,
        migration_notes,
    })
}

impl Snapshot {
    /// A snapshot of the current version for a plan and its shared progress
    /// (no per-area entries: see [`Snapshot::with_results`]).
    pub fn new(plan: crate::model::Plan, progress: Progress, exported_at: Option<String>) -> Self {
        Self::with_results(plan, progress, ProgressByArea::new(), exported_at)
    }

    /// A snapshot of the current version for a plan, its shared progress and
    /// its per-area progress.
    pub fn with_results(
        plan: crate::model::Plan,
        progress: Progress,
        progress_by_area: ProgressByArea,
        exported_at: Option<String>,
    ) -> Self {
        Snapshot {
            format: FORMAT.into(),
            version: CURRENT_VERSION,
            exported_at,
            plan,
            progress,
            progress_by_area,
            area: None,
            area_status: BTreeMap::new(),
        }
    }

    /// The same plan with only the results that weigh in `area`: the shared
    /// results of the objectives weighted there and the area's own results of
    /// per-area objectives, marked as the file of that area. What a manager
    /// sends to the planning office, whose consolidation merges the areas.
    pub fn for_area(&self, area: &str) -> Snapshot {
        let weighs = |indicator: &str| {
            self.plan
                .indicator(indicator)
                .is_some_and(|(o, _)| o.assignments.iter().any(|a| a.area == area))
        };
        let progress = self
            .progress
            .iter()
            .filter(|(id, _)| weighs(id))
            .map(|(id, e)| (id.clone(), e.clone()))
            .collect();
        let progress_by_area = self
            .progress_by_area
            .iter()
            .filter(|(code, _)| code.as_str() == area)
            .map(|(code, p)| (code.clone(), p.clone()))
            .collect();
        let area_status = self
            .area_status
            .iter()
            .filter(|(code, _)| code.as_str() == area)
            .map(|(code, s)| (code.clone(), s.clone()))
            .collect();
        Snapshot {
            progress,
            progress_by_area,
            area: Some(area.to_string()),
            area_status,
            ..self.clone()
        }
    }

    /// The scores of the plan on every recorded result.
    pub fn score(&self) -> crate::Scorecard {
        self.plan.score_results(self.results())
    }

    /// The file content: pretty JSON, decimals as strings, newline-terminated.
    pub fn to_json(&self) -> String {
        // Serializing these types cannot fail: every map key is a string.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}
