//! The CLI's own wording of the engine's typed results, in English: issues,
//! import and merge errors, plan differences and entry summaries. The engine
//! returns data only; the app words the same types through its locale files
//! (`locales/<lang>/messages.json`).
//!
//! The engine's tests include this file too (`#[path]`), to check what the
//! CLI prints.

use cruscotto_engine::diff::PlanDiff;
use cruscotto_engine::merge::MergeError;
use cruscotto_engine::model::{Direction, IndicatorKind, ProgressEntry};
use cruscotto_engine::snapshot::{ImportError, CURRENT_VERSION, FORMAT};
use cruscotto_engine::{Issue, IssueKind};

fn level_name(level: &str) -> &'static str {
    match level {
        "threshold" => "threshold",
        "target" => "target",
        _ => "excellence",
    }
}

fn kind_name(kind: IndicatorKind) -> &'static str {
    match kind {
        IndicatorKind::Milestone => "qualitative milestone",
        IndicatorKind::Number => "number",
        IndicatorKind::Date => "deadline",
    }
}

/// What is wrong, without the path.
pub fn issue(issue: &Issue) -> String {
    use IssueKind::*;
    match &issue.kind {
        EmptyField { field } => format!("the field \"{field}\" is empty"),
        DuplicateId { id } => format!("the id \"{id}\" is used more than once"),
        DuplicateArea { code } => format!("the area \"{code}\" is defined more than once"),
        UnknownArea { code } => format!("the area \"{code}\" does not exist in the plan"),
        UnknownPillar { id } => format!("the pillar \"{id}\" does not exist in the plan"),
        UnknownStrategicObjective { code } => {
            format!("the strategic objective \"{code}\" does not exist in the plan")
        }
        NegativeWeight { weight } => format!("the weight {weight} is negative"),
        NoIndicators => "the objective has no indicator".into(),
        MissingLevelValue { level, kind } => format!(
            "the {} value is missing for a {} indicator",
            level_name(level),
            kind_name(*kind)
        ),
        WrongLevelValue { level, kind } => format!(
            "the {} value does not fit a {} indicator",
            level_name(level),
            kind_name(*kind)
        ),
        MilestoneGrade { level, expected } => format!(
            "the {} value of a qualitative milestone must be {expected}",
            level_name(level)
        ),
        LevelsOutOfOrder {
            direction: Direction::Higher,
        } => "the levels are out of order: threshold ≤ target ≤ excellence must hold".into(),
        LevelsOutOfOrder {
            direction: Direction::Lower,
        } => "the levels are out of order: for lower-is-better (and deadlines) threshold ≥ target ≥ excellence must hold".into(),
        DirectionOnNonNumber => "a direction applies only to number indicators".into(),
        ScaleOnNonNumber => "a scale applies only to number indicators".into(),
        ScaleMinAboveMax { min, max } => {
            format!("the scale's minimum ({min}) is above its maximum ({max})")
        }
        LevelOutsideScale { level } => format!(
            "the {} value is outside the indicator's scale",
            level_name(level)
        ),
        ValueOutsideScale { value, min, max } => {
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                (Some(a), None) => format!("≥ {a}"),
                (None, Some(b)) => format!("≤ {b}"),
                (None, None) => String::new(),
            };
            format!("the value {value} is outside the indicator's scale ({range})")
        }
        UnknownIndicator { id } => {
            format!("progress for the indicator \"{id}\", which does not exist in the plan")
        }
        SharedEntryOfPerAreaObjective { id, objective } => format!("the objective \"{objective}\" is measured per area: the progress of the indicator \"{id}\" is recorded for each area (\"progress_by_area\")"),
        AreaEntryOfSharedObjective { id, objective } => format!("the objective \"{objective}\" has one shared result: the progress of the indicator \"{id}\" is recorded once (\"progress\")"),
        AreaNotWeighted { id, objective, area } => format!("progress of the indicator \"{id}\" for the area {area}, which the objective \"{objective}\" is not assigned to"),
        ProgressKindMismatch {
            kind: IndicatorKind::Milestone,
        } => "a qualitative milestone records the level reached (\"level\")".into(),
        ProgressKindMismatch {
            kind: IndicatorKind::Number,
        } => "a number indicator records its value (\"value\")".into(),
        ProgressKindMismatch {
            kind: IndicatorKind::Date,
        } => "a deadline records the date it was done (\"done_on\")".into(),
        MilestoneLevelNotAllowed { level } => format!("level {level} is not allowed: levels are 0, 1, 3, 4 (2 only when the plan allows the intermediate level)"),
        LevelNotAllowedForKind { level, kind } => format!(
            "level {level} cannot be recorded for a {} indicator: only 0 (missed)",
            kind_name(*kind)
        ),
        SeveralMeasurements => "record only one of \"level\", \"value\" and \"done_on\"".into(),
        BadTimestamp { value } => format!("\"{value}\" is not an RFC 3339 timestamp"),
        HistoryTooLong { len, max } => format!("the history has {len} points, at most {max}"),
        WeightsNot100 { area, sum } => {
            format!("the weights of area {area} add up to {sum}%, not 100%")
        }
        NoWeightedArea => "the objective has no weighted area".into(),
        AreaWithoutObjectives { area } => format!("the area {area} has no objectives"),
        BadUrl { reference } => format!("\"{reference}\" is not a web address (http or https)"),
        BadDigest { value } => format!("\"{value}\" is not a SHA-256 (64 lowercase hex digits)"),
        MissingValidatedLevel { objective } => format!("the area is validated but the objective {objective}, which was self-assessed, has no validated level"),
        ValidatedLevelOutOfRange { level } => format!("the validated level {level} is not between 0 and 4"),
        ObjectiveNotInArea { objective, area } => format!("the objective {objective} is not weighted in the area {area}"),
        RevisionWithoutAdoption => "the plan records changes but was never adopted: record its adoption (date and act) first".into(),
        RevisionLogMismatch { objective } => format!("the revision log does not match the objective {objective} as it is now: the original plan cannot be rebuilt"),
        EffectiveBeforeAdoption => "the change takes effect before the plan's adoption".into(),
        UnrecordedChanges { count } => format!("{count} objective(s) changed since the last revision and not yet recorded: record them with a reason and an act, or discard them"),
    }
}

/// An issue with the JSON path of what caused it: `path: message`.
pub fn located_issue(i: &Issue) -> String {
    format!("{}: {}", i.path, issue(i))
}

/// Why a file could not be imported, with where the problem is.
pub fn import_error(e: &ImportError) -> String {
    match e {
        ImportError::Empty => "the file is empty".into(),
        ImportError::TooLarge { size, limit } => {
            format!("the file is too large: {size} bytes, the limit is {limit} bytes (20 MB)")
        }
        ImportError::NotUtf8 { offset } => {
            format!("the file is not UTF-8 text (invalid byte at offset {offset})")
        }
        ImportError::Syntax {
            line,
            column,
            message,
        } => format!("the file is not valid JSON: {message} at line {line}, column {column}"),
        ImportError::WrongFormat { found } => format!(
            "the file is not a Cruscotto snapshot: \"format\" is {found}, expected \"{FORMAT}\""
        ),
        ImportError::NewerVersion { found } => format!("the file was made by a newer version of Cruscotto (snapshot version {found}, this version reads up to {CURRENT_VERSION}): update Cruscotto to open it"),
        ImportError::BadVersion { found } => format!(
            "\"version\" must be a whole number from 1 to {CURRENT_VERSION}, found {found}"
        ),
        ImportError::Shape { path, message } => format!("{path}: {message}"),
        ImportError::NotCurrent => {
            "the data is not a snapshot of the current version, or it is damaged".into()
        }
        ImportError::Invalid(issues) => format!(
            "the snapshot is not valid: {}",
            issues
                .iter()
                .map(located_issue)
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}

/// Why snapshots could not be merged.
pub fn merge_error(e: &MergeError) -> String {
    match e {
        MergeError::NoSnapshots => "there is nothing to merge: no snapshot was given".into(),
        MergeError::DifferentPlans {
            index,
            first_plan,
            other_plan,
            differences,
        } => format!(
            "snapshot {} holds a different plan from snapshot 1 (plan \"{first_plan}\" and plan \"{other_plan}\"): {}",
            index + 1,
            plan_diff(differences).join("; ")
        ),
    }
}

/// One line per difference between two plans.
pub fn plan_diff(d: &PlanDiff) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(c) = &d.id {
        out.push(format!("plan id: \"{}\" → \"{}\"", c.before, c.after));
    }
    if let Some(c) = &d.title {
        out.push(format!("plan title: \"{}\" → \"{}\"", c.before, c.after));
    }
    if let Some(c) = &d.year {
        out.push(format!("year: {} → {}", c.before, c.after));
    }
    if d.scoring.is_some() {
        out.push("different scoring options".into());
    }
    for a in &d.areas_added {
        out.push(format!("area added: {}", a.code));
    }
    for a in &d.areas_removed {
        out.push(format!("area removed: {}", a.code));
    }
    for a in &d.areas_renamed {
        out.push(format!(
            "area {} renamed: \"{}\" → \"{}\"",
            a.code, a.before, a.after
        ));
    }
    for id in &d.objectives_added {
        out.push(format!("objective added: {id}"));
    }
    for id in &d.objectives_removed {
        out.push(format!("objective removed: {id}"));
    }
    for o in &d.objectives_changed {
        out.push(format!(
            "objective {} changed: {}",
            o.id,
            o.fields.join(", ")
        ));
    }
    if let Some(c) = &d.adoption {
        out.push(match (&c.before, &c.after) {
            (_, Some(a)) => format!("plan adopted on {} by \"{}\"", a.date, a.act),
            (Some(_), None) => "plan no longer adopted".into(),
            (None, None) => String::new(),
        });
    }
    for r in &d.revisions_added {
        out.push(format!(
            "revision {} (effective {}, act \"{}\", reason \"{}\"): {}",
            r.id,
            r.effective,
            r.act,
            r.reason,
            revision_changes(&r.changes)
        ));
    }
    for id in &d.revisions_removed {
        out.push(format!("revision missing: {id}"));
    }
    for f in d.undetailed_fields() {
        out.push(format!("plan field differs (possibly in order only): {f}"));
    }
    out
}

/// What a revision did, objective by objective: "F.1 changed (indicators),
/// P.3 removed".
pub fn revision_changes(changes: &[cruscotto_engine::ObjectiveRevision]) -> String {
    changes
        .iter()
        .map(|c| match (&c.before, &c.after) {
            (None, _) => format!("{} added", c.objective),
            (Some(_), None) => format!("{} removed", c.objective),
            (Some(b), Some(a)) => {
                let fields = cruscotto_engine::diff::diff_objective(b, a)
                    .map(|d| d.fields.join(", "))
                    .unwrap_or_default();
                format!("{} changed ({fields})", c.objective)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A short description of an entry: "level 3", "value 12.5", "done on
/// 2023-06-30" or "not assessed", with its note if any.
pub fn entry_summary(entry: &ProgressEntry) -> String {
    let mut parts = Vec::new();
    if let Some(l) = entry.level {
        parts.push(format!("level {l}"));
    }
    if let Some(v) = entry.value {
        parts.push(format!("value {}", v.normalize()));
    }
    if let Some(d) = entry.done_on {
        parts.push(format!("done on {d}"));
    }
    if parts.is_empty() {
        parts.push("not assessed".into());
    }
    if let Some(n) = &entry.note {
        parts.push(format!("note {n:?}"));
    }
    parts.join(", ")
}

/// An area's review state, as the campaign table prints it.
pub fn review_state(s: cruscotto_engine::ReviewState) -> &'static str {
    use cruscotto_engine::ReviewState::*;
    match s {
        Draft => "draft",
        Submitted => "submitted",
        Returned => "returned",
        Validated => "validated",
    }
}

/// Why a share link cannot be made or opened.
pub fn share_error(e: &cruscotto_engine::share::ShareError) -> String {
    use cruscotto_engine::share::ShareError;
    match e {
        ShareError::TooLong { length, limit } => format!("the link would be {length} characters long, over the {limit} that mail, chat and browsers carry reliably: send the file instead"),
        ShareError::NotALink => "not a Cruscotto share link".into(),
        ShareError::UnknownVersion { version } => format!("the link was made by a newer version of Cruscotto (format {version}): update Cruscotto to open it"),
        ShareError::Damaged => "the link is incomplete or altered, perhaps cut when copied".into(),
        ShareError::BadCharacter { at } => format!("the link was altered when copied: character {at} after the # cannot be in a Cruscotto link"),
        ShareError::BadPayload { detail } => format!("the link's content cannot be read ({detail})"),
        ShareError::OtherPlan { plan_id } => format!("the link's results are for another version of the plan \"{plan_id}\""),
        ShareError::UnknownArea { area } => format!("the link's area {area} is not in the plan"),
    }
}

/// A spreadsheet problem with its place: "Foglio1!F4 (Aree e pesi): ...".
pub fn sheet_problem(l: &cruscotto_engine::allegato::Located) -> String {
    use cruscotto_engine::allegato::Problem::*;
    let what = match &l.problem {
        NoObjectives => {
            "no sheet has the objectives' columns (Obiettivo, Aree e pesi, ...)".to_string()
        }
        MissingColumn { column } => format!("the column \"{column}\" is missing"),
        BadWeight { text } => format!("the weight \"{text}\" is not a number"),
        UnknownArea { code } => format!("unknown area {code}"),
        UnknownPillar { text } => format!("unknown pillar \"{text}\""),
        UnknownStrategicObjective { text } => format!("unknown strategic objective \"{text}\""),
        MissingTitle => "the objective has no title".to_string(),
        NoWeights => "the objective is weighted in no area".to_string(),
        BadNumber { text } => format!("\"{text}\" is not a number"),
        BadDate { text } => format!("\"{text}\" is not a date"),
        MixedLevels => {
            "threshold, target and excellence must be all numbers, all dates or all descriptions"
                .to_string()
        }
        BadValue { text } => format!("\"{text}\" is not a value this column takes"),
        DuplicateId { id } => format!("the id {id} is used twice"),
        NoObjectiveAbove => "a further indicator with no objective above it".to_string(),
    };
    if l.cell.is_empty() {
        format!("{} ({}): {what}", l.sheet, l.column)
    } else {
        format!("{}!{} ({}): {what}", l.sheet, l.cell, l.column)
    }
}
