//! The engine's typed results in the interface's language: validation issues,
//! import, merge and choice errors, plan differences and entry summaries. The
//! engine says no sentence; every word here comes from
//! `locales/<lang>/messages.json` (the CLI has its own English wording of the
//! same types, `engine/src/bin/cruscotto/wording.rs`).

use cruscotto_engine::diff::PlanDiff;
use cruscotto_engine::merge::{ChoiceError, MergeError};
use cruscotto_engine::snapshot::{
    ImportError, JsonKind, ShapeProblem, SyntaxProblem, CURRENT_VERSION, FORMAT,
};
use cruscotto_engine::{Direction, IndicatorKind, Issue, IssueKind, ProgressEntry};

use crate::i18n::*;

/// The CLI's English wording of the same types: the app's English must read
/// the same, byte for byte.
#[cfg(test)]
#[path = "../../engine/src/bin/cruscotto/wording.rs"]
#[allow(dead_code)]
mod cli_wording;

fn level_name(level: &str, lang: Lang) -> String {
    let l = lang.locale();
    match level {
        "threshold" => td_string!(l, messages.level_threshold).to_string(),
        "target" => td_string!(l, messages.level_target).to_string(),
        _ => td_string!(l, messages.level_excellence).to_string(),
    }
}

fn kind_name(kind: IndicatorKind, lang: Lang) -> String {
    let l = lang.locale();
    match kind {
        IndicatorKind::Milestone => td_string!(l, messages.kind_milestone).to_string(),
        IndicatorKind::Number => td_string!(l, messages.kind_number).to_string(),
        IndicatorKind::Date => td_string!(l, messages.kind_date).to_string(),
    }
}

/// What an issue says, without its path.
pub fn issue(issue: &Issue, lang: Lang) -> String {
    use IssueKind::*;
    let l = lang.locale();
    match &issue.kind {
        EmptyField { field } => td_string!(l, messages.issue_empty_field, field).to_string(),
        DuplicateId { id } => td_string!(l, messages.issue_duplicate_id, id).to_string(),
        DuplicateArea { code } => td_string!(l, messages.issue_duplicate_area, code).to_string(),
        UnknownArea { code } => td_string!(l, messages.issue_unknown_area, code).to_string(),
        UnknownPillar { id } => td_string!(l, messages.issue_unknown_pillar, id).to_string(),
        UnknownStrategicObjective { code } => {
            td_string!(l, messages.issue_unknown_strategic_objective, code).to_string()
        }
        NegativeWeight { weight } => {
            td_string!(l, messages.issue_negative_weight, weight).to_string()
        }
        NoIndicators => td_string!(l, messages.issue_no_indicators).to_string(),
        MissingLevelValue { level, kind } => td_string!(
            l,
            messages.issue_missing_level_value,
            level = level_name(level, lang),
            kind = kind_name(*kind, lang)
        )
        .to_string(),
        WrongLevelValue { level, kind } => td_string!(
            l,
            messages.issue_wrong_level_value,
            level = level_name(level, lang),
            kind = kind_name(*kind, lang)
        )
        .to_string(),
        MilestoneGrade { level, expected } => td_string!(
            l,
            messages.issue_milestone_grade,
            level = level_name(level, lang),
            expected
        )
        .to_string(),
        LevelsOutOfOrder {
            direction: Direction::Higher,
        } => td_string!(l, messages.issue_levels_out_of_order_higher).to_string(),
        LevelsOutOfOrder {
            direction: Direction::Lower,
        } => td_string!(l, messages.issue_levels_out_of_order_lower).to_string(),
        DirectionOnNonNumber => td_string!(l, messages.issue_direction_on_non_number).to_string(),
        ScaleOnNonNumber => td_string!(l, messages.issue_scale_on_non_number).to_string(),
        ScaleMinAboveMax { min, max } => td_string!(
            l,
            messages.issue_scale_min_above_max,
            min = crate::view::format::decimal(*min, lang, 10),
            max = crate::view::format::decimal(*max, lang, 10)
        )
        .to_string(),
        LevelOutsideScale { level } => td_string!(
            l,
            messages.issue_level_outside_scale,
            level = level_name(level, lang)
        )
        .to_string(),
        ValueOutsideScale { value, min, max } => {
            let n = |d: rust_decimal::Decimal| crate::view::format::decimal(d, lang, 10);
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("{}–{}", n(*a), n(*b)),
                (Some(a), None) => format!("≥ {}", n(*a)),
                (None, Some(b)) => format!("≤ {}", n(*b)),
                (None, None) => String::new(),
            };
            td_string!(
                l,
                messages.issue_value_outside_scale,
                value = n(*value),
                range
            )
            .to_string()
        }
        UnknownIndicator { id } => td_string!(l, messages.issue_unknown_indicator, id).to_string(),
        SharedEntryOfPerAreaObjective { id, objective } => td_string!(
            l,
            messages.issue_shared_entry_of_per_area_objective,
            id,
            objective
        )
        .to_string(),
        AreaEntryOfSharedObjective { id, objective } => td_string!(
            l,
            messages.issue_area_entry_of_shared_objective,
            id,
            objective
        )
        .to_string(),
        AreaNotWeighted {
            id,
            objective,
            area,
        } => td_string!(l, messages.issue_area_not_weighted, id, objective, area).to_string(),
        ProgressKindMismatch {
            kind: IndicatorKind::Milestone,
        } => td_string!(l, messages.issue_kind_mismatch_milestone).to_string(),
        ProgressKindMismatch {
            kind: IndicatorKind::Number,
        } => td_string!(l, messages.issue_kind_mismatch_number).to_string(),
        ProgressKindMismatch {
            kind: IndicatorKind::Date,
        } => td_string!(l, messages.issue_kind_mismatch_date).to_string(),
        MilestoneLevelNotAllowed { level } => {
            td_string!(l, messages.issue_milestone_level_not_allowed, level).to_string()
        }
        LevelNotAllowedForKind { level, kind } => td_string!(
            l,
            messages.issue_level_not_allowed_for_kind,
            level,
            kind = kind_name(*kind, lang)
        )
        .to_string(),
        SeveralMeasurements => td_string!(l, messages.issue_several_measurements).to_string(),
        BadTimestamp { value } => td_string!(l, messages.issue_bad_timestamp, value).to_string(),
        HistoryTooLong { len, max } => {
            td_string!(l, messages.issue_history_too_long, len, max).to_string()
        }
        WeightsNot100 { area, sum } => td_string!(
            l,
            messages.issue_weights_not_100,
            area,
            sum = decimal(&sum.to_string(), lang)
        )
        .to_string(),
        NoWeightedArea => td_string!(l, messages.issue_no_weighted_area).to_string(),
        AreaWithoutObjectives { area } => {
            td_string!(l, messages.issue_area_without_objectives, area).to_string()
        }
        BadUrl { reference } => td_string!(l, messages.issue_bad_url, reference).to_string(),
        BadDigest { value } => td_string!(l, messages.issue_bad_digest, value).to_string(),
        MissingValidatedLevel { objective } => {
            td_string!(l, messages.issue_missing_validated_level, objective).to_string()
        }
        ValidatedLevelOutOfRange { level } => td_string!(
            l,
            messages.issue_validated_level_out_of_range,
            level = decimal(&level.to_string(), lang)
        )
        .to_string(),
        ObjectiveNotInArea { objective, area } => {
            td_string!(l, messages.issue_objective_not_in_area, objective, area).to_string()
        }
        RevisionWithoutAdoption => {
            td_string!(l, messages.issue_revision_without_adoption).to_string()
        }
        RevisionLogMismatch { objective } => {
            td_string!(l, messages.issue_revision_log_mismatch, objective).to_string()
        }
        EffectiveBeforeAdoption => {
            td_string!(l, messages.issue_effective_before_adoption).to_string()
        }
        UnrecordedChanges { count } => {
            td_string!(l, messages.issue_unrecorded_changes, count = *count).to_string()
        }
    }
}

/// A number as the engine writes it, with the language's decimal separator
/// (formatting, not wording).
fn decimal(s: &str, lang: Lang) -> String {
    match lang {
        Lang::It => s.replace('.', ","),
        Lang::En => s.to_string(),
    }
}

/// `path: message`.
pub fn located(path: &str, message: &str, lang: Lang) -> String {
    td_string!(lang.locale(), messages.located, path, message).to_string()
}

/// An issue with the JSON path of what caused it.
pub fn located_issue(i: &Issue, lang: Lang) -> String {
    located(&i.path, &issue(i, lang), lang)
}

/// A spreadsheet problem with its place, in the interface's language:
/// "Foglio1!F4 (Aree e pesi): peso «quindici» non è un numero".
pub fn sheet_problem(l: &cruscotto_engine::allegato::Located, lang: Lang) -> String {
    use cruscotto_engine::allegato::Problem::*;
    let loc = lang.locale();
    let what = match &l.problem {
        NoObjectives => td_string!(loc, messages.sheet_no_objectives).to_string(),
        MissingColumn { column } => {
            td_string!(loc, messages.sheet_missing_column, column).to_string()
        }
        BadWeight { text } => td_string!(loc, messages.sheet_bad_weight, text).to_string(),
        UnknownArea { code } => td_string!(loc, messages.sheet_unknown_area, code).to_string(),
        UnknownPillar { text } => td_string!(loc, messages.sheet_unknown_pillar, text).to_string(),
        UnknownStrategicObjective { text } => {
            td_string!(loc, messages.sheet_unknown_strategic, text).to_string()
        }
        MissingTitle => td_string!(loc, messages.sheet_missing_title).to_string(),
        NoWeights => td_string!(loc, messages.sheet_no_weights).to_string(),
        BadNumber { text } => td_string!(loc, messages.sheet_bad_number, text).to_string(),
        BadDate { text } => td_string!(loc, messages.sheet_bad_date, text).to_string(),
        MixedLevels => td_string!(loc, messages.sheet_mixed_levels).to_string(),
        BadValue { text } => td_string!(loc, messages.sheet_bad_value, text).to_string(),
        DuplicateId { id } => td_string!(loc, messages.sheet_duplicate_id, id).to_string(),
        NoObjectiveAbove => td_string!(loc, messages.sheet_no_objective_above).to_string(),
    };
    let place = if l.cell.is_empty() {
        l.sheet.clone()
    } else {
        format!("{}!{}", l.sheet, l.cell)
    };
    td_string!(loc, messages.sheet_at, place, column = &l.column, what).to_string()
}

/// Why a share link cannot be made or opened, in the interface's language.
pub fn share_error(e: &cruscotto_engine::share::ShareError, lang: Lang) -> String {
    use cruscotto_engine::share::ShareError;
    let l = lang.locale();
    match e {
        ShareError::TooLong { length, limit } => {
            td_string!(l, transfer.share_too_long, length = *length, limit = *limit).to_string()
        }
        ShareError::NotALink => td_string!(l, transfer.share_not_a_link).to_string(),
        ShareError::UnknownVersion { version } => {
            td_string!(l, transfer.share_unknown_version, version).to_string()
        }
        ShareError::Damaged => td_string!(l, transfer.share_damaged).to_string(),
        ShareError::BadCharacter { at } => {
            td_string!(l, transfer.share_bad_character, at = *at).to_string()
        }
        ShareError::BadPayload { detail } => {
            td_string!(l, transfer.share_bad_payload, detail).to_string()
        }
        ShareError::OtherPlan { plan_id } => {
            td_string!(l, transfer.share_other_plan, plan_id).to_string()
        }
        ShareError::UnknownArea { area } => {
            td_string!(l, transfer.share_unknown_area, area).to_string()
        }
    }
}

/// Why the link this page was opened with cannot be opened: as
/// [`share_error`], but a too-long link is one received, not one to make.
pub fn share_open_error(e: &cruscotto_engine::share::ShareError, lang: Lang) -> String {
    use cruscotto_engine::share::ShareError;
    match e {
        ShareError::TooLong { length, limit } => td_string!(
            lang.locale(),
            transfer.share_open_too_long,
            length = *length,
            limit = *limit
        )
        .to_string(),
        other => share_error(other, lang),
    }
}

/// Why a file could not be imported, with where the problem is.
pub fn import_error(e: &ImportError, lang: Lang) -> String {
    let l = lang.locale();
    match e {
        ImportError::Empty => td_string!(l, messages.import_empty).to_string(),
        ImportError::TooLarge { size, limit } => {
            td_string!(l, messages.import_too_large, size, limit).to_string()
        }
        ImportError::NotUtf8 { offset } => {
            td_string!(l, messages.import_not_utf8, offset).to_string()
        }
        ImportError::Syntax {
            line,
            column,
            message,
        } => {
            let problem = syntax_problem(SyntaxProblem::of(message), lang);
            td_string!(l, messages.import_syntax, message, problem, line, column).to_string()
        }
        ImportError::WrongFormat { found } => {
            td_string!(l, messages.import_wrong_format, found, expected = FORMAT).to_string()
        }
        ImportError::NewerVersion { found } => td_string!(
            l,
            messages.import_newer_version,
            found,
            current = CURRENT_VERSION
        )
        .to_string(),
        ImportError::BadVersion { found } => td_string!(
            l,
            messages.import_bad_version,
            found,
            current = CURRENT_VERSION
        )
        .to_string(),
        ImportError::Shape { path, message } => located(path, &shape_message(message, lang), lang),
        ImportError::NotCurrent => td_string!(l, messages.import_not_current).to_string(),
        ImportError::Invalid(issues) => {
            let issues = issues
                .iter()
                .map(|i| located_issue(i, lang))
                .collect::<Vec<_>>()
                .join("; ");
            td_string!(l, messages.import_invalid, issues).to_string()
        }
    }
}

/// What serde_json found wrong, in the reader's language.
fn syntax_problem(p: SyntaxProblem, lang: Lang) -> &'static str {
    use SyntaxProblem::*;
    let l = lang.locale();
    match p {
        UnexpectedEnd => td_string!(l, messages.syntax_unexpected_end),
        ExpectedValue => td_string!(l, messages.syntax_expected_value),
        ExpectedCommaOrClose => td_string!(l, messages.syntax_expected_comma_or_close),
        ExpectedColon => td_string!(l, messages.syntax_expected_colon),
        KeyNotString => td_string!(l, messages.syntax_key_not_string),
        TrailingCharacters => td_string!(l, messages.syntax_trailing_characters),
        TrailingComma => td_string!(l, messages.syntax_trailing_comma),
        InvalidEscape => td_string!(l, messages.syntax_invalid_escape),
        ControlCharacter => td_string!(l, messages.syntax_control_character),
        TooDeep => td_string!(l, messages.syntax_too_deep),
        InvalidNumber => td_string!(l, messages.syntax_invalid_number),
        NumberOutOfRange => td_string!(l, messages.syntax_number_out_of_range),
        InvalidUnicode => td_string!(l, messages.syntax_invalid_unicode),
        Other => td_string!(l, messages.syntax_other),
    }
}

fn json_kind(k: JsonKind, lang: Lang) -> &'static str {
    let l = lang.locale();
    match k {
        JsonKind::Text => td_string!(l, messages.json_text),
        JsonKind::Number => td_string!(l, messages.json_number),
        JsonKind::WholeNumber => td_string!(l, messages.json_whole_number),
        JsonKind::Boolean => td_string!(l, messages.json_boolean),
        JsonKind::Null => td_string!(l, messages.json_null),
        JsonKind::Object => td_string!(l, messages.json_object),
        JsonKind::List => td_string!(l, messages.json_list),
        JsonKind::Date => td_string!(l, messages.json_date),
        JsonKind::Other => td_string!(l, messages.json_other),
    }
}

/// What a decoding error says, in the reader's language. In English it is
/// the decoder's own text, as the CLI prints it; in Italian it is worded from
/// its kind, and the English follows only as a detail ([`parser_detail`]).
pub fn shape_message(message: &str, lang: Lang) -> String {
    let l = lang.locale();
    let problem = match ShapeProblem::of(message) {
        ShapeProblem::NotAnObject => td_string!(l, messages.shape_not_an_object).to_string(),
        ShapeProblem::MissingField { field } => {
            td_string!(l, messages.shape_missing_field, field).to_string()
        }
        ShapeProblem::WrongType { found, expected } => td_string!(
            l,
            messages.shape_wrong_type,
            found = json_kind(found, lang),
            expected = json_kind(expected, lang)
        )
        .to_string(),
        ShapeProblem::UnknownValue { found } => {
            td_string!(l, messages.shape_unknown_value, value = found).to_string()
        }
        ShapeProblem::UnknownField { field } => {
            td_string!(l, messages.shape_unknown_field, field).to_string()
        }
        ShapeProblem::WrongValue { expected } => td_string!(
            l,
            messages.shape_wrong_value,
            expected = json_kind(expected, lang)
        )
        .to_string(),
        ShapeProblem::NotANumber => td_string!(l, messages.shape_not_a_number).to_string(),
        ShapeProblem::NumberOutOfRange => {
            td_string!(l, messages.shape_number_out_of_range).to_string()
        }
        ShapeProblem::NotADate => td_string!(l, messages.shape_not_a_date).to_string(),
        ShapeProblem::NotALevel => td_string!(l, messages.shape_not_a_level).to_string(),
        ShapeProblem::Other => td_string!(l, messages.shape_other).to_string(),
    };
    td_string!(l, messages.shape_message, problem, message).to_string()
}

/// The parser's own English text of a syntax or decoding error, for a details
/// line under the message, when the message does not already say it.
pub fn parser_detail(e: &ImportError, lang: Lang) -> Option<String> {
    let raw = match e {
        ImportError::Syntax { message, .. } | ImportError::Shape { message, .. } => message,
        _ => return None,
    };
    (!import_error(e, lang).contains(raw.as_str())).then(|| raw.clone())
}

/// Why snapshots could not be merged.
/// A state of the cycle in words.
pub fn review_state(s: cruscotto_engine::ReviewState, lang: Lang) -> String {
    use cruscotto_engine::ReviewState::*;
    let l = lang.locale();
    match s {
        Draft => td_string!(l, cycle.state_draft),
        Submitted => td_string!(l, cycle.state_submitted),
        Returned => td_string!(l, cycle.state_returned),
        Validated => td_string!(l, cycle.state_validated),
    }
    .to_string()
}

/// Why a step of the cycle was refused.
pub fn cycle_error(e: &cruscotto_engine::cycle::CycleError, lang: Lang) -> String {
    use cruscotto_engine::cycle::CycleError::*;
    let l = lang.locale();
    match e {
        UnknownArea { area } => td_string!(l, cycle.error_unknown_area, area).to_string(),
        NotAllowed { from, .. } => {
            td_string!(l, cycle.error_not_allowed, from = review_state(*from, lang)).to_string()
        }
        MissingValidatedLevel { objective } => {
            td_string!(l, cycle.error_missing_level, objective).to_string()
        }
        LevelOutOfRange { objective, .. } => {
            td_string!(l, cycle.error_level_range, objective).to_string()
        }
    }
}

pub fn merge_error(e: &MergeError, lang: Lang) -> String {
    let l = lang.locale();
    match e {
        MergeError::NoSnapshots => td_string!(l, messages.merge_no_snapshots).to_string(),
        MergeError::DifferentPlans {
            index,
            first_plan,
            other_plan,
            differences,
        } => td_string!(
            l,
            messages.merge_different_plans,
            n = index + 1,
            first_plan,
            other_plan,
            differences = plan_diff(differences, lang).join("; ")
        )
        .to_string(),
    }
}

/// Why a choice between conflicting entries could not be applied.
pub fn choice_error(e: &ChoiceError, lang: Lang) -> String {
    let l = lang.locale();
    match e {
        ChoiceError::NoConflict(id) => td_string!(l, messages.choice_no_conflict, id).to_string(),
        ChoiceError::NotAnAlternative {
            indicator_id,
            index,
        } => td_string!(
            l,
            messages.choice_not_an_alternative,
            n = index + 1,
            id = indicator_id
        )
        .to_string(),
    }
}

/// One line per difference between two plans.
pub fn plan_diff(d: &PlanDiff, lang: Lang) -> Vec<String> {
    let l = lang.locale();
    let mut out = Vec::new();
    if let Some(c) = &d.id {
        out.push(
            td_string!(
                l,
                messages.diff_plan_id,
                before = &c.before,
                after = &c.after
            )
            .to_string(),
        );
    }
    if let Some(c) = &d.title {
        out.push(
            td_string!(
                l,
                messages.diff_plan_title,
                before = &c.before,
                after = &c.after
            )
            .to_string(),
        );
    }
    if let Some(c) = &d.year {
        out.push(td_string!(l, messages.diff_year, before = c.before, after = c.after).to_string());
    }
    if d.scoring.is_some() {
        out.push(td_string!(l, messages.diff_scoring).to_string());
    }
    for a in &d.areas_added {
        out.push(td_string!(l, messages.diff_area_added, code = &a.code).to_string());
    }
    for a in &d.areas_removed {
        out.push(td_string!(l, messages.diff_area_removed, code = &a.code).to_string());
    }
    for a in &d.areas_renamed {
        out.push(
            td_string!(
                l,
                messages.diff_area_renamed,
                code = &a.code,
                before = &a.before,
                after = &a.after
            )
            .to_string(),
        );
    }
    for id in &d.objectives_added {
        out.push(td_string!(l, messages.diff_objective_added, id).to_string());
    }
    for id in &d.objectives_removed {
        out.push(td_string!(l, messages.diff_objective_removed, id).to_string());
    }
    for o in &d.objectives_changed {
        out.push(
            td_string!(
                l,
                messages.diff_objective_changed,
                id = &o.id,
                fields = o.fields.join(", ")
            )
            .to_string(),
        );
    }
    if let Some(c) = &d.adoption {
        out.push(match &c.after {
            Some(a) => td_string!(
                l,
                messages.diff_adopted,
                date = crate::view::format::date(a.date, lang),
                act = &a.act
            )
            .to_string(),
            None => td_string!(l, messages.diff_not_adopted).to_string(),
        });
    }
    for r in &d.revisions_added {
        let objectives = r
            .changes
            .iter()
            .map(|c| c.objective.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            td_string!(
                l,
                messages.diff_revision_added,
                id = &r.id,
                date = crate::view::format::date(r.effective, lang),
                act = &r.act,
                objectives
            )
            .to_string(),
        );
    }
    for id in &d.revisions_removed {
        out.push(td_string!(l, messages.diff_revision_removed, id).to_string());
    }
    for field in d.undetailed_fields() {
        out.push(td_string!(l, messages.diff_field, field).to_string());
    }
    out
}

/// A short description of an entry: "livello 3", "valore 12.5", "svolto il
/// 2023-06-30" or "non valutato", with its note if any.
pub fn entry_summary(entry: &ProgressEntry, lang: Lang) -> String {
    let l = lang.locale();
    let mut parts = Vec::new();
    if let Some(level) = entry.level {
        parts.push(td_string!(l, messages.entry_level, level).to_string());
    }
    if let Some(v) = entry.value {
        parts.push(td_string!(l, messages.entry_value, value = v.normalize()).to_string());
    }
    if let Some(date) = entry.done_on {
        parts.push(td_string!(l, messages.entry_done_on, date).to_string());
    }
    if parts.is_empty() {
        parts.push(td_string!(l, messages.entry_not_assessed).to_string());
    }
    if let Some(note) = &entry.note {
        parts.push(
            td_string!(l, messages.entry_note, note, quoted = format!("{note:?}")).to_string(),
        );
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use cruscotto_engine::diff::diff_plans;
    use cruscotto_engine::merge::merge;
    use cruscotto_engine::snapshot::{import, MAX_SNAPSHOT_BYTES};
    use cruscotto_engine::{default_snapshot, validate, Severity, Snapshot};
    use rust_decimal::Decimal;

    use super::*;
    use crate::test_fixtures::{at_level, valued};

    fn d(s: &str) -> Decimal {
        s.parse().expect("a decimal")
    }

    /// A snapshot breaking many rules at once: every issue kind it yields is
    /// worded in both languages, and in English as the CLI words it.
    fn broken() -> Snapshot {
        let mut s = default_snapshot();
        s.plan.id = String::new();
        s.plan.objectives[0].assignments[0].area = "X".into();
        s.plan.objectives[1].assignments[0].weight = d("-5");
        s.plan.objectives[2].indicators.clear();
        let dup = s.plan.objectives[3].clone();
        s.plan.objectives.push(dup);
        s.progress.insert("ghost".into(), at_level(1));
        s
    }

    fn every_kind() -> Vec<Issue> {
        use IssueKind::*;
        let kinds = vec![
            EmptyField { field: "id".into() },
            DuplicateId { id: "o".into() },
            DuplicateArea { code: "A".into() },
            UnknownArea { code: "X".into() },
            UnknownPillar { id: "p".into() },
            UnknownStrategicObjective { code: "s".into() },
            NegativeWeight { weight: d("-5") },
            NoIndicators,
            MissingLevelValue {
                level: "threshold".into(),
                kind: IndicatorKind::Number,
            },
            WrongLevelValue {
                level: "excellence".into(),
                kind: IndicatorKind::Date,
            },
            MilestoneGrade {
                level: "target".into(),
                expected: 3,
            },
            LevelsOutOfOrder {
                direction: Direction::Higher,
            },
            LevelsOutOfOrder {
                direction: Direction::Lower,
            },
            DirectionOnNonNumber,
            UnknownIndicator { id: "ghost".into() },
            SharedEntryOfPerAreaObjective {
                id: "s".into(),
                objective: "sat".into(),
            },
            AreaEntryOfSharedObjective {
                id: "s".into(),
                objective: "sat".into(),
            },
            AreaNotWeighted {
                id: "s".into(),
                objective: "sat".into(),
                area: "C".into(),
            },
            ProgressKindMismatch {
                kind: IndicatorKind::Milestone,
            },
            ProgressKindMismatch {
                kind: IndicatorKind::Number,
            },
            ProgressKindMismatch {
                kind: IndicatorKind::Date,
            },
            MilestoneLevelNotAllowed { level: 2 },
            LevelNotAllowedForKind {
                level: 3,
                kind: IndicatorKind::Number,
            },
            SeveralMeasurements,
            BadTimestamp {
                value: "ieri".into(),
            },
            HistoryTooLong { len: 400, max: 366 },
            WeightsNot100 {
                area: "A".into(),
                sum: d("99.5"),
            },
            NoWeightedArea,
            AreaWithoutObjectives { area: "B".into() },
        ];
        kinds
            .into_iter()
            .map(|kind| Issue {
                severity: Severity::Error,
                path: "plan.objectives[0]".into(),
                kind,
            })
            .collect()
    }

    #[test]
    fn every_issue_is_worded_in_both_languages_and_in_english_as_the_cli_says_it() {
        let report = validate(&broken());
        assert!(report.errors.len() >= 4, "{report:?}");
        for issue in every_kind()
            .iter()
            .chain(&report.errors)
            .chain(&report.warnings)
        {
            let (it, en) = (super::issue(issue, Lang::It), super::issue(issue, Lang::En));
            assert!(!it.is_empty() && !en.is_empty());
            assert_ne!(it, en, "{issue:?} is not translated");
            assert_eq!(en, cli_wording::issue(issue));
            assert_eq!(
                located_issue(issue, Lang::En),
                cli_wording::located_issue(issue)
            );
            assert!(located_issue(issue, Lang::It).starts_with(&issue.path));
        }
    }

    #[test]
    fn issues_read_as_before_in_italian() {
        let unknown = Issue {
            severity: Severity::Error,
            path: String::new(),
            kind: IssueKind::UnknownArea { code: "X".into() },
        };
        assert_eq!(issue(&unknown, Lang::It), "l'area «X» non esiste nel piano");
        let sat = Issue {
            severity: Severity::Error,
            path: String::new(),
            kind: IssueKind::AreaNotWeighted {
                id: "s".into(),
                objective: "sat".into(),
                area: "C".into(),
            },
        };
        assert!(issue(&sat, Lang::En).contains("\"sat\""));
        assert!(issue(&sat, Lang::It).contains("«sat»"));
        let sum = Issue {
            severity: Severity::Error,
            path: String::new(),
            kind: IssueKind::WeightsNot100 {
                area: "A".into(),
                sum: d("99.5"),
            },
        };
        assert_eq!(
            issue(&sum, Lang::It),
            "i pesi dell'area A sommano a 99,5%, non a 100%"
        );
        let grade = Issue {
            severity: Severity::Error,
            path: String::new(),
            kind: IssueKind::MissingLevelValue {
                level: "excellence".into(),
                kind: IndicatorKind::Milestone,
            },
        };
        assert_eq!(
            issue(&grade, Lang::It),
            "manca il valore di eccellenza per un indicatore di tipo traguardo qualitativo"
        );
    }

    fn import_errors() -> Vec<ImportError> {
        vec![
            ImportError::Empty,
            ImportError::NotUtf8 { offset: 3 },
            ImportError::TooLarge {
                size: 1,
                limit: MAX_SNAPSHOT_BYTES,
            },
            ImportError::WrongFormat {
                found: "missing".into(),
            },
            ImportError::BadVersion { found: "0".into() },
            ImportError::NewerVersion { found: 7 },
            ImportError::NotCurrent,
            import(b"{\"format\": }").expect_err("malformed"),
        ]
    }

    #[test]
    fn the_import_errors_are_translated_and_read_in_english_as_the_cli_says_them() {
        for e in import_errors() {
            assert_ne!(
                import_error(&e, Lang::It),
                import_error(&e, Lang::En),
                "{e:?}"
            );
            assert_eq!(import_error(&e, Lang::En), cli_wording::import_error(&e));
        }
        let invalid = import(broken().to_json().as_bytes()).expect_err("invalid");
        assert_eq!(
            import_error(&invalid, Lang::En),
            cli_wording::import_error(&invalid)
        );
        let shape = ImportError::Shape {
            path: "plan.year".into(),
            message: "invalid type: string \"2023\", expected u32".into(),
        };
        assert_eq!(
            import_error(&shape, Lang::It),
            "plan.year: atteso un numero intero, trovato un testo"
        );
        assert_eq!(
            import_error(&shape, Lang::En),
            cli_wording::import_error(&shape)
        );
    }

    #[test]
    fn the_import_errors_read_as_before_in_italian() {
        let syntax = import(b"{\"format\": }").expect_err("malformed");
        assert!(import_error(&syntax, Lang::It).contains("alla riga 1, colonna 12"));
        assert_eq!(
            import_error(&ImportError::NewerVersion { found: 7 }, Lang::It),
            "il file è stato creato da una versione più recente di Cruscotto \
             (versione 7, questa legge fino alla 6): aggiornare Cruscotto per aprirlo"
        );
        assert!(import_error(&ImportError::NotCurrent, Lang::En).contains("current version"));
        assert!(import_error(&ImportError::NotCurrent, Lang::It).contains("versione attuale"));
        assert_eq!(
            import_error(
                &ImportError::TooLarge {
                    size: 21_000_000,
                    limit: MAX_SNAPSHOT_BYTES
                },
                Lang::It
            ),
            "il file è troppo grande: 21000000 byte, il limite è 20 MB"
        );
    }

    /// Every refused file of the engine's bad-file corpus is worded in
    /// Italian with where the problem is (the English, the CLI's, is checked
    /// by the engine's corpus test).
    #[test]
    fn every_refused_corpus_file_names_its_location_in_italian() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("engine/tests/corpus/bad");
        let mut refused = 0;
        for entry in std::fs::read_dir(&dir).expect("the corpus") {
            let path = entry.expect("an entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if name == "expected.json" || name == "README.md" {
                continue;
            }
            let Err(e) = import(&std::fs::read(&path).expect("a case")) else {
                continue;
            };
            refused += 1;
            let (it, en) = (import_error(&e, Lang::It), import_error(&e, Lang::En));
            assert_eq!(en, cli_wording::import_error(&e), "{name}");
            // No English inside the Italian: the parser's text is a detail.
            if let ImportError::Syntax { message, .. } | ImportError::Shape { message, .. } = &e {
                assert!(
                    !it.contains(message.as_str()),
                    "{name}: {it:?} holds {message:?}"
                );
                assert_eq!(
                    parser_detail(&e, Lang::It).as_ref(),
                    Some(message),
                    "{name}"
                );
                assert_eq!(
                    parser_detail(&e, Lang::En),
                    None,
                    "{name}: English says it already"
                );
            }
            let expect = |needle: &str| {
                assert!(it.contains(needle), "{name}: {it:?} should name {needle:?}")
            };
            match &e {
                ImportError::Syntax { line, column, .. } => {
                    expect(&format!("riga {line}, colonna {column}"))
                }
                ImportError::Shape { path, .. } => expect(path),
                ImportError::Invalid(issues) => issues.iter().for_each(|i| expect(&i.path)),
                ImportError::NotUtf8 { offset } => expect(&offset.to_string()),
                ImportError::WrongFormat { .. } => expect("«format»"),
                ImportError::BadVersion { .. } => expect("«version»"),
                ImportError::NewerVersion { found } => expect(&found.to_string()),
                ImportError::Empty | ImportError::TooLarge { .. } | ImportError::NotCurrent => {}
            }
        }
        assert!(refused > 20, "{refused} refused files");
    }

    fn different_plans() -> MergeError {
        let a = default_snapshot();
        let mut b = default_snapshot();
        b.plan.year = 2024;
        let mut o3 = b.plan.objectives[0].clone();
        o3.id = "o3".into();
        b.plan.objectives.push(o3);
        b.plan.pillars.reverse();
        merge(&[a, b]).expect_err("different plans")
    }

    #[test]
    fn the_merge_errors_read_in_both_languages() {
        let err = different_plans();
        let en = merge_error(&err, Lang::En);
        assert_eq!(en, cli_wording::merge_error(&err));
        assert!(
            en.starts_with("snapshot 2 holds a different plan from snapshot 1"),
            "{en}"
        );
        assert!(en.contains("objective added: o3"), "{en}");
        assert!(en.contains("year: 2023 → 2024"), "{en}");
        let it = merge_error(&err, Lang::It);
        assert!(it.contains("obiettivo aggiunto: o3"), "{it}");
        assert!(it.contains("anno: 2023 → 2024"), "{it}");
        assert!(
            it.contains("campo del piano diverso (anche solo nell'ordine): pillars"),
            "{it}"
        );
        let none = MergeError::NoSnapshots;
        assert!(!merge_error(&none, Lang::It).is_empty());
        assert_eq!(
            merge_error(&none, Lang::En),
            cli_wording::merge_error(&none)
        );
    }

    #[test]
    fn the_choice_errors_name_the_snapshot_from_1() {
        let err = ChoiceError::NotAnAlternative {
            indicator_id: "m1".into(),
            index: 7,
        };
        assert!(choice_error(&err, Lang::It).contains("snapshot 8"));
        assert!(choice_error(&err, Lang::En).contains("snapshot 8"));
        assert_eq!(
            choice_error(&ChoiceError::NoConflict("m2".into()), Lang::En),
            "indicator \"m2\" has no conflict to resolve"
        );
        assert_eq!(
            choice_error(&ChoiceError::NoConflict("m2".into()), Lang::It),
            "l'indicatore «m2» non ha conflitti da risolvere"
        );
    }

    #[test]
    fn plan_differences_read_in_both_languages() {
        let before = default_snapshot().plan;
        let mut after = before.clone();
        after.id = "piano-2024".into();
        after.title = "Piano 2024".into();
        after.year = 2024;
        after.scoring.intermediate_level = !after.scoring.intermediate_level;
        let x = diff_plans(&before, &after);
        let it = plan_diff(&x, Lang::It);
        assert_eq!(it.len(), 4, "{it:?}");
        assert!(it.contains(&"anno: 2023 → 2024".to_string()), "{it:?}");
        assert_eq!(plan_diff(&x, Lang::En), cli_wording::plan_diff(&x));
        let mut renamed = before.clone();
        renamed.areas[0].name = "Altro nome".into();
        renamed.areas.pop();
        renamed.objectives.remove(1);
        renamed.objectives[0].title = "Nuovo titolo".into();
        let y = diff_plans(&before, &renamed);
        assert_eq!(plan_diff(&y, Lang::En), cli_wording::plan_diff(&y));
        assert_ne!(plan_diff(&y, Lang::It), plan_diff(&y, Lang::En));
    }

    #[test]
    fn a_plan_revised_since_reads_as_its_adoption_and_each_revision() {
        let revised = crate::test_fixtures::revised_2023().plan;
        let d = diff_plans(&default_snapshot().plan, &revised);
        let it = plan_diff(&d, Lang::It);
        assert!(
            it.contains(&"piano adottato il 31/01/2023 con «Delibera CdA 31/01/2023»".to_string()),
            "{it:?}"
        );
        assert!(
            it.contains(
                &"rimodulazione r3 dal 25/07/2023 («Delibera CdA 25/07/2023»): programmazione-pta, promozione-opportunita-professionali"
                    .to_string()
            ),
            "{it:?}"
        );
        assert!(!it.iter().any(|l| l.contains("revisions")), "{it:?}");
    }

    #[test]
    fn entries_are_summed_up_in_both_languages() {
        let mut e = valued("12.50");
        e.note = Some("stima \"provvisoria\"".into());
        assert_eq!(
            entry_summary(&e, Lang::It),
            "valore 12.5, nota «stima \"provvisoria\"»"
        );
        assert_eq!(entry_summary(&e, Lang::En), cli_wording::entry_summary(&e));
        assert_eq!(
            entry_summary(&e, Lang::En),
            "value 12.5, note \"stima \\\"provvisoria\\\"\""
        );
        let l = at_level(3);
        assert_eq!(entry_summary(&l, Lang::It), "livello 3");
        assert_eq!(entry_summary(&l, Lang::En), "level 3");
        let none = ProgressEntry::default();
        assert_eq!(entry_summary(&none, Lang::It), "non valutato");
        assert_eq!(
            entry_summary(&none, Lang::En),
            cli_wording::entry_summary(&none)
        );
        let done = ProgressEntry {
            done_on: "2023-06-30".parse().ok(),
            ..Default::default()
        };
        assert_eq!(entry_summary(&done, Lang::It), "svolto il 2023-06-30");
        assert_eq!(
            entry_summary(&done, Lang::En),
            cli_wording::entry_summary(&done)
        );
    }
}
