//! The report handed on to the Direzione Generale: the scorecard and, per area,
//! every objective with its indicators and what was reached, as plain data
//! ([`build`]), as a table of typed cells ([`objective_table`],
//! [`scorecard_table`]) and as CSV ([`csv`]). The printable page, the XLSX
//! workbook (`xlsx`) and the CSV all read the same [`Report`], so the
//! three never disagree.
//!
//! Everything here is pure and tested natively; numbers stay exact `Decimal`s
//! until a file format needs something else.

pub mod relazione;
pub mod xlsx;

use crate::i18n::*;
use chrono::NaiveDate;
use cruscotto_engine::cycle::{levels_as_validated, validated_score};
use cruscotto_engine::{
    Adoption, AreaScore, AreaStatuses, Direction, Evidence, Indicator, IndicatorKind, Level,
    LevelValue, Objective, PillarScore, Plan, ProgressEntry, Results, ReviewState, Scorecard,
};
use rust_decimal::Decimal;

use crate::view::format::Unit;
use crate::view::levels::{band, band_name};
use crate::view::revisions::{effect_text, registry, RevisionRow};
use cruscotto_engine::scoring::round2;

/// An area's or a pillar's line of the scorecard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreLine {
    pub code: String,
    pub name: String,
    pub score: Option<Decimal>,
    pub percent_of_target: Option<Decimal>,
    pub assessed_weight: Decimal,
    pub total_weight: Decimal,
    pub provisional: bool,
    /// Objectives assessed and objectives weighted, for an area (a pillar's
    /// lines do not count them).
    pub objectives: Option<(usize, usize)>,
    /// The area's place in the yearly cycle (a pillar has none): its state,
    /// seal, and the score with the office's validated levels.
    pub review: Option<ReviewLine>,
    /// The score on the same results against the plan as adopted, when the
    /// plan was revised since ([`with_revisions`]); `None` otherwise.
    pub original: Option<Option<Decimal>>,
}

/// An area's review, as the report carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewLine {
    pub state: ReviewState,
    pub submitted_at: Option<String>,
    pub submitted_by: Option<String>,
    pub seal: Option<String>,
    /// The score with the validated levels, for a validated area.
    pub validated_score: Option<Decimal>,
}

/// Where a score stands: what the report's "Stato" column says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// No objective assessed: no score.
    NotAssessed,
    /// Some objectives assessed: the score is over those only.
    Provisional,
    /// Every objective assessed. Not a validation: the planning office's
    /// review is a step of its own.
    Complete,
}

impl ScoreLine {
    pub fn status(&self) -> Status {
        match (self.score.is_some(), self.provisional) {
            (false, _) => Status::NotAssessed,
            (true, true) => Status::Provisional,
            (true, false) => Status::Complete,
        }
    }
}

/// A status in the report's language; "definitivo" says what it means
/// (every objective assessed), so that nobody reads it as validated.
pub fn status_name(status: Status, lang: Lang) -> &'static str {
    let l = lang.locale();
    match status {
        Status::NotAssessed => td_string!(l, common.not_assessed),
        Status::Provisional => td_string!(l, common.provisional),
        Status::Complete => td_string!(l, report.status_final),
    }
}

/// A threshold, target or excellence as the plan prints it: a number, a date,
/// or (for milestones) the description of what has to be done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bound {
    Empty,
    Number(Decimal),
    Date(NaiveDate),
    Text(String),
}

/// What has been recorded for an indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reached {
    Nothing,
    /// A level recorded directly: a milestone's grade, or 0 for a missed number or date.
    Level(u8),
    Number(Decimal),
    Date(NaiveDate),
}

/// One indicator of an objective, with its levels and progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorLine {
    pub id: String,
    /// The label ("A", "B") or, for single indicators, the id: the
    /// spreadsheets' key column. Screens show `label` and the description.
    pub name: String,
    /// The label ("A", "B") when the plan gives one.
    pub label: Option<String>,
    pub description: Option<String>,
    pub kind: IndicatorKind,
    /// Which way is better, for a number indicator.
    pub direction: Option<Direction>,
    pub unit: Option<Unit>,
    pub threshold: Bound,
    pub target: Bound,
    pub excellence: Bound,
    pub reached: Reached,
    pub level: Option<Decimal>,
    pub note: Option<String>,
    pub updated_at: Option<String>,
    pub updated_by: Option<String>,
    /// What the result rests on.
    pub evidence: Vec<Evidence>,
}

/// An objective as weighted in one area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectiveLine {
    pub id: String,
    pub title: String,
    pub pillar: String,
    pub weight: Decimal,
    pub level: Option<Decimal>,
    /// The level the office validated, when it differs from `level`, and why.
    pub validated: Option<(Option<Decimal>, Option<String>)>,
    pub indicators: Vec<IndicatorLine>,
}

/// One area's part of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaSection {
    pub score: ScoreLine,
    pub objectives: Vec<ObjectiveLine>,
}

/// The whole report for one area or for all of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub plan_id: String,
    pub plan_title: String,
    pub year: i32,
    /// The institution whose plan it is ([`institution`]), for the header.
    pub institution: Option<String>,
    /// The day the report was made.
    pub date: NaiveDate,
    /// The data's cut-off: the newest `updated_at` (RFC 3339) of the results
    /// reported on, `None` when none is stamped. Not the report's date: a
    /// report printed today of results last changed in March is as of March.
    pub data_as_of: Option<String>,
    /// The area reported on, `None` for every area.
    pub area: Option<String>,
    pub areas: Vec<AreaSection>,
    /// Pillars cut across areas, so they are reported only for all areas.
    pub pillars: Vec<ScoreLine>,
    /// The plan's adoption (since snapshot version 6), if adopted.
    pub adoption: Option<Adoption>,
    /// The registry of revisions, worded ([`with_revisions`]): those that
    /// touch the areas reported on.
    pub revisions: Vec<RevisionRow>,
}

fn area_line(code: &str, name: &str, s: Option<&AreaScore>, review: ReviewLine) -> ScoreLine {
    ScoreLine {
        review: Some(review),
        code: code.to_string(),
        name: name.to_string(),
        score: s.and_then(|s| s.score),
        percent_of_target: s.and_then(|s| s.percent_of_target),
        assessed_weight: s.map(|s| s.assessed_weight).unwrap_or_default(),
        total_weight: s.map(|s| s.total_weight).unwrap_or_default(),
        provisional: s.is_some_and(|s| s.provisional),
        objectives: s.map(|s| (s.assessed_objectives, s.objectives)),
        original: None,
    }
}

fn pillar_line(id: &str, name: &str, s: Option<&PillarScore>) -> ScoreLine {
    ScoreLine {
        code: id.to_string(),
        name: name.to_string(),
        score: s.and_then(|s| s.score),
        percent_of_target: s.and_then(|s| s.percent_of_target),
        assessed_weight: s.map(|s| s.assessed_weight).unwrap_or_default(),
        total_weight: s.map(|s| s.total_weight).unwrap_or_default(),
        provisional: s.is_some_and(|s| s.provisional),
        objectives: None,
        review: None,
        original: None,
    }
}

fn bound(kind: IndicatorKind, level: &Level) -> Bound {
    match (kind, &level.value) {
        (IndicatorKind::Number, LevelValue::Number(d)) => Bound::Number(*d),
        (IndicatorKind::Date, LevelValue::Date(d)) => Bound::Date(*d),
        _ if !level.description.trim().is_empty() => Bound::Text(level.description.clone()),
        _ => Bound::Empty,
    }
}

fn reached(kind: IndicatorKind, entry: Option<&ProgressEntry>) -> Reached {
    let Some(e) = entry else {
        return Reached::Nothing;
    };
    match (e.level, kind, e.value, e.done_on) {
        (Some(l), _, _, _) => Reached::Level(l),
        (None, IndicatorKind::Number, Some(v), _) => Reached::Number(v),
        (None, IndicatorKind::Date, _, Some(d)) => Reached::Date(d),
        _ => Reached::Nothing,
    }
}

/// An indicator as weighted in `area`: for a per-area objective, the area's
/// own result and level, so each area's row says what that area reached.
fn indicator_line(
    o: &Objective,
    i: &Indicator,
    results: Results,
    card: &Scorecard,
    area: &str,
) -> IndicatorLine {
    let entry = results.entry(o, &i.id, Some(area));
    let text = |s: Option<&String>| s.filter(|s| !s.trim().is_empty()).cloned();
    IndicatorLine {
        id: i.id.clone(),
        name: i.label.clone().unwrap_or_else(|| i.id.clone()),
        label: i.label.clone().filter(|l| !l.trim().is_empty()),
        description: text(i.description.as_ref()),
        kind: i.kind,
        unit: Unit::of(i),
        direction: (i.kind == IndicatorKind::Number).then(|| i.effective_direction()),
        threshold: bound(i.kind, &i.threshold),
        target: bound(i.kind, &i.target),
        excellence: bound(i.kind, &i.excellence),
        reached: reached(i.kind, entry),
        level: card.indicator_in(&i.id, area),
        note: text(entry.and_then(|e| e.note.as_ref())),
        updated_at: text(entry.and_then(|e| e.updated_at.as_ref())),
        updated_by: text(entry.and_then(|e| e.updated_by.as_ref())),
        evidence: entry.map(|e| e.evidence.clone()).unwrap_or_default(),
    }
}

/// The report of `area` (or of every area) as of `date`. An unknown area gives
/// a report with no area in it.
pub fn build(
    plan: &Plan,
    results: Results,
    card: &Scorecard,
    statuses: &AreaStatuses,
    area: Option<&str>,
    date: NaiveDate,
) -> Report {
    let pillar_name = |id: &str| {
        plan.pillars
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    };
    let areas: Vec<AreaSection> = plan
        .areas
        .iter()
        .filter(|a| area.is_none_or(|code| code == a.code))
        .map(|a| {
            let status = statuses.get(&a.code);
            let validated_levels = status
                .filter(|s| s.state == ReviewState::Validated)
                .map(|s| (levels_as_validated(plan, card, &a.code, Some(s)), s));
            let review = ReviewLine {
                state: status.map_or(ReviewState::Draft, |s| s.state),
                submitted_at: status.and_then(|s| s.submitted_at.clone()),
                submitted_by: status.and_then(|s| s.submitted_by.clone()),
                seal: status.and_then(|s| s.seal.clone()),
                validated_score: validated_score(plan, card, &a.code, status).and_then(|v| v.score),
            };
            AreaSection {
                score: area_line(&a.code, &a.name, card.area(&a.code), review),
                objectives: plan
                    .objectives_of_area(&a.code)
                    .map(|(o, weight)| ObjectiveLine {
                        id: o.id.clone(),
                        title: o.title.clone(),
                        pillar: pillar_name(&o.pillar),
                        weight,
                        level: card.objective_in(&o.id, &a.code),
                        validated: validated_levels.as_ref().and_then(|(levels, s)| {
                            let v = levels.get(&o.id).copied().flatten();
                            (v != card.objective_in(&o.id, &a.code)).then(|| {
                                (v, s.objectives.get(&o.id).and_then(|r| r.reason.clone()))
                            })
                        }),
                        indicators: o
                            .indicators
                            .iter()
                            .map(|i| indicator_line(o, i, results, card, &a.code))
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    let pillars = if area.is_some() {
        Vec::new()
    } else {
        plan.pillars
            .iter()
            .map(|p| {
                pillar_line(
                    &p.id,
                    &p.name,
                    card.pillars.iter().find(|s| s.pillar == p.id),
                )
            })
            .collect()
    };
    let data_as_of = newest_stamp(&areas);
    Report {
        plan_id: plan.id.clone(),
        plan_title: plan.title.clone(),
        year: plan.year,
        institution: institution(plan),
        date,
        data_as_of,
        area: area.map(str::to_string),
        areas,
        pillars,
        adoption: plan.adoption.clone(),
        revisions: Vec::new(),
    }
}

/// The report with what the plan's revisions did: each line's score against
/// the plan as adopted, and the registry of the revisions that touch the
/// areas reported on, worded in `lang`. A plan never revised is left as it
/// is.
pub fn with_revisions(mut report: Report, plan: &Plan, results: Results, lang: Lang) -> Report {
    if !plan.is_revised() {
        return report;
    }
    let original = plan.original().score_results(results);
    for a in &mut report.areas {
        a.score.original = Some(original.area(&a.score.code).and_then(|s| s.score));
    }
    for p in &mut report.pillars {
        p.original = Some(
            original
                .pillars
                .iter()
                .find(|s| s.pillar == p.code)
                .and_then(|s| s.score),
        );
    }
    let touches = |row: &RevisionRow| {
        report
            .area
            .as_ref()
            .is_none_or(|code| row.effects.iter().any(|e| &e.area == code))
    };
    report.revisions = registry(plan, results, lang)
        .into_iter()
        .filter(touches)
        .collect();
    report
}

/// The registry of revisions as a table: one row per objective a revision
/// changed, the revision's day, act and reason repeated so each row reads
/// (and filters) alone.
pub fn registry_table(report: &Report, lang: Lang) -> Table {
    let l = lang.locale();
    let rows = report
        .revisions
        .iter()
        .flat_map(|r| {
            let effects = r
                .effects
                .iter()
                .map(|e| effect_text(e, lang))
                .collect::<Vec<_>>()
                .join("; ");
            r.changes.iter().map(move |c| {
                vec![
                    Cell::Number(Decimal::from(r.number)),
                    Cell::Date(r.effective),
                    Cell::Text(r.act.clone()),
                    Cell::Text(r.reason.clone()),
                    Cell::Text(c.objective.clone()),
                    Cell::Text(c.title.clone()),
                    Cell::Text(c.lines.join("; ")),
                    Cell::Text(effects.clone()),
                    instant_cell(r.recorded_at.as_ref()),
                    opt_text(r.recorded_by.as_ref()),
                ]
            })
        })
        .collect();
    Table {
        title: "Rimodulazioni",
        columns: vec![
            (td_string!(l, revisions.col_number), Shape::Weight),
            (td_string!(l, revisions.col_effective), Shape::Date),
            (td_string!(l, revisions.col_act), Shape::Name),
            (td_string!(l, revisions.col_reason), Shape::Long),
            (td_string!(l, revisions.col_objective), Shape::Code),
            (td_string!(l, report.col_title), Shape::Long),
            (td_string!(l, revisions.col_change), Shape::Long),
            (td_string!(l, revisions.col_areas), Shape::Long),
            (td_string!(l, revisions.col_recorded), Shape::Instant),
            (td_string!(l, revisions.col_recorded_by), Shape::Name),
        ],
        rows,
    }
}

/// The institution a plan belongs to. The plan has no field for it; its
/// `source` names the document, starting with the institution ("Politecnico
/// di Milano, Allegato N.4 …"), so the part before the first comma is taken
/// when it is short enough to be a name (at most 80 characters).
pub fn institution(plan: &Plan) -> Option<String> {
    let source = plan.source.as_deref()?;
    let (name, _) = source.split_once(',')?;
    let name = name.trim();
    (!name.is_empty() && name.chars().count() <= 80).then(|| name.to_string())
}

/// The newest stamp among the results of `areas`, compared as instants (a
/// stamp written in Rome and one in UTC compare by the time they mean).
fn newest_stamp(areas: &[AreaSection]) -> Option<String> {
    areas
        .iter()
        .flat_map(|a| &a.objectives)
        .flat_map(|o| &o.indicators)
        .filter_map(|i| i.updated_at.as_ref())
        .filter_map(|s| chrono::DateTime::parse_from_rfc3339(s).ok().map(|t| (t, s)))
        .max_by_key(|(t, _)| *t)
        .map(|(_, s)| s.clone())
}

/// The plan as the header names it: its title, followed by the year when the
/// title does not already say it.
pub fn plan_name(report: &Report) -> String {
    let year = report.year.to_string();
    if report.plan_title.contains(&year) {
        report.plan_title.clone()
    } else {
        format!("{} {year}", report.plan_title)
    }
}

/// The line printed at the top of every page: the institution and the plan,
/// and the area for one area's report.
pub fn running_head(report: &Report) -> String {
    let mut parts: Vec<String> = report.institution.iter().cloned().collect();
    parts.push(plan_name(report));
    if let (Some(_), Some(a)) = (&report.area, report.areas.first()) {
        parts.push(format!("{} — {}", a.score.code, a.score.name));
    }
    parts.join(" · ")
}

/// The line printed at the foot of every page: the data's cut-off and the
/// report's date.
pub fn running_foot(report: &Report, lang: Lang) -> String {
    let l = lang.locale();
    let made = crate::view::format::date(report.date, lang);
    match &report.data_as_of {
        Some(ts) => td_string!(
            l,
            report.foot_as_of,
            as_of = crate::view::format::timestamp(ts, lang),
            date = made
        )
        .to_string(),
        None => td_string!(l, report.foot_no_data, date = made).to_string(),
    }
}

/// The printed page number as a CSS `content` value in `lang`: `"pagina "
/// counter(page) " di " counter(pages)`, for the print style's margin box.
pub fn page_number_css(lang: Lang) -> String {
    let l = lang.locale();
    format!(
        "{} counter(page) {} counter(pages)",
        css_string(&format!("{} ", td_string!(l, report.page_word))),
        css_string(&format!(" {} ", td_string!(l, report.page_of)))
    )
}

/// `s` as a CSS string (`"…"`), for a `content:` the print style reads from
/// a custom property: quotes and backslashes escaped, line breaks as spaces.
pub fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A cell of an exported table, typed so that each format writes numbers as
/// numbers and dates as dates.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(Decimal),
    Date(NaiveDate),
    /// An RFC 3339 instant, kept in UTC so that files made in different time
    /// zones agree; the raw text when it does not parse.
    Instant(chrono::NaiveDateTime),
    Bool(bool),
}

/// How wide a column should be in a spreadsheet (characters) and how a number
/// in it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Code,
    Name,
    Long,
    Weight,
    Level,
    Date,
    Instant,
}

/// A titled, typed table: the scorecard or the objectives.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub title: &'static str,
    pub columns: Vec<(&'static str, Shape)>,
    pub rows: Vec<Vec<Cell>>,
}

fn opt_number(d: Option<Decimal>) -> Cell {
    d.map_or(Cell::Empty, Cell::Number)
}

fn opt_text(s: Option<&String>) -> Cell {
    s.map_or(Cell::Empty, |s| Cell::Text(s.clone()))
}

fn bound_cell(b: &Bound) -> Cell {
    match b {
        Bound::Empty => Cell::Empty,
        Bound::Number(d) => Cell::Number(*d),
        Bound::Date(d) => Cell::Date(*d),
        Bound::Text(s) => Cell::Text(s.clone()),
    }
}

fn reached_cell(r: &Reached, lang: Lang) -> Cell {
    match r {
        Reached::Nothing => Cell::Empty,
        Reached::Level(l) => Cell::Text(band_name(band(Some(Decimal::from(*l))), lang).into()),
        Reached::Number(d) => Cell::Number(*d),
        Reached::Date(d) => Cell::Date(*d),
    }
}

fn instant_cell(s: Option<&String>) -> Cell {
    match s {
        None => Cell::Empty,
        Some(s) => chrono::DateTime::parse_from_rfc3339(s)
            .map(|t| Cell::Instant(crate::view::format::local_time(&t)))
            .unwrap_or_else(|_| Cell::Text(s.clone())),
    }
}

/// Which way is better, in the report's language: a lower-is-better row
/// (energy used, days taken) must not read as a shortfall.
pub fn direction_name(d: Direction, lang: Lang) -> &'static str {
    match d {
        Direction::Higher => td_string!(lang.locale(), report.direction_higher),
        Direction::Lower => td_string!(lang.locale(), report.direction_lower),
    }
}

/// The name of an indicator's kind in the report's language.
pub fn kind_name(kind: IndicatorKind, lang: Lang) -> &'static str {
    let l = lang.locale();
    match kind {
        IndicatorKind::Milestone => td_string!(l, report.kind_milestone),
        IndicatorKind::Number => td_string!(l, report.kind_number),
        IndicatorKind::Date => td_string!(l, report.kind_date),
    }
}

/// A yes-or-no cell in words: TRUE/FALSE would read in English whatever the
/// report's language.
pub fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b {
        td_string!(lang.locale(), messages.yes)
    } else {
        td_string!(lang.locale(), messages.no)
    }
}

/// A level's bound as the report page and the Relazione table print it:
/// numbers with up to four decimals and their unit, dates in the
/// interface's language, a milestone's description as written.
pub fn bound_text(b: &Bound, unit: Option<&Unit>, lang: Lang) -> String {
    match b {
        Bound::Empty => "—".into(),
        Bound::Number(d) => {
            crate::view::format::with_unit(crate::view::format::decimal(*d, lang, 4), unit, lang)
        }
        Bound::Date(d) => crate::view::format::date(*d, lang),
        Bound::Text(s) => s.clone(),
    }
}

/// What was recorded, as the report page and the Relazione table print it:
/// a level recorded directly reads as its band.
pub fn reached_text(r: &Reached, unit: Option<&Unit>, lang: Lang) -> String {
    match r {
        Reached::Nothing => "—".into(),
        Reached::Level(l) => band_name(band(Some(Decimal::from(*l))), lang).to_string(),
        Reached::Number(d) => {
            crate::view::format::with_unit(crate::view::format::decimal(*d, lang, 4), unit, lang)
        }
        Reached::Date(d) => crate::view::format::date(*d, lang),
    }
}

/// The scorecard's columns before those of revisions.
fn scorecard_columns(report: &Report, lang: Lang) -> Table {
    let area_kind = td_string!(lang.locale(), report.col_area);
    let pillar_kind = td_string!(lang.locale(), report.col_pillar);
    let line = |kind: &'static str, l: &ScoreLine| {
        vec![
            Cell::Text(kind.into()),
            Cell::Text(l.code.clone()),
            Cell::Text(l.name.clone()),
            opt_number(l.score),
            opt_number(l.percent_of_target),
            Cell::Number(l.assessed_weight),
            Cell::Number(l.total_weight),
            l.objectives
                .map_or(Cell::Empty, |(n, _)| Cell::Number(Decimal::from(n))),
            l.objectives
                .map_or(Cell::Empty, |(_, n)| Cell::Number(Decimal::from(n))),
            Cell::Text(status_name(l.status(), lang).into()),
            l.review.as_ref().map_or(Cell::Empty, |r| {
                Cell::Text(crate::view::messages::review_state(r.state, lang))
            }),
            l.review
                .as_ref()
                .map_or(Cell::Empty, |r| opt_number(r.validated_score)),
            l.review
                .as_ref()
                .map_or(Cell::Empty, |r| instant_cell(r.submitted_at.as_ref())),
            l.review
                .as_ref()
                .map_or(Cell::Empty, |r| opt_text(r.submitted_by.as_ref())),
            l.review
                .as_ref()
                .map_or(Cell::Empty, |r| opt_text(r.seal.as_ref())),
        ]
    };
    Table {
        title: "Scorecard",
        columns: vec![
            (td_string!(lang.locale(), report.col_type), Shape::Code),
            (td_string!(lang.locale(), report.col_code), Shape::Code),
            (td_string!(lang.locale(), report.col_name), Shape::Long),
            (td_string!(lang.locale(), report.col_score), Shape::Level),
            (
                td_string!(lang.locale(), report.col_percent_of_target),
                Shape::Level,
            ),
            (
                td_string!(lang.locale(), report.col_assessed_weight),
                Shape::Weight,
            ),
            (
                td_string!(lang.locale(), report.col_total_weight),
                Shape::Weight,
            ),
            (
                td_string!(lang.locale(), report.col_assessed_objectives),
                Shape::Weight,
            ),
            (
                td_string!(lang.locale(), report.col_objectives),
                Shape::Weight,
            ),
            (td_string!(lang.locale(), report.col_status), Shape::Name),
            (td_string!(lang.locale(), report.col_review), Shape::Name),
            (
                td_string!(lang.locale(), report.col_validated_score),
                Shape::Level,
            ),
            (
                td_string!(lang.locale(), report.col_submitted_at),
                Shape::Instant,
            ),
            (
                td_string!(lang.locale(), report.col_submitted_by),
                Shape::Name,
            ),
            (td_string!(lang.locale(), report.col_seal), Shape::Code),
        ],
        rows: report
            .areas
            .iter()
            .map(|a| line(area_kind, &a.score))
            .chain(report.pillars.iter().map(|p| line(pillar_kind, p)))
            .collect(),
    }
}

/// The scorecard: the areas, then (for all areas) the pillars, with a column
/// saying which is which; for a revised plan, last, the score against the
/// original plan.
pub fn scorecard_table(report: &Report, lang: Lang) -> Table {
    let mut table = scorecard_columns(report, lang);
    let lines = report.areas.iter().map(|a| &a.score).chain(&report.pillars);
    if lines.clone().any(|l| l.original.is_some()) {
        table.columns.push((
            td_string!(lang.locale(), revisions.col_original_score),
            Shape::Level,
        ));
        for (row, l) in table.rows.iter_mut().zip(lines) {
            row.push(opt_number(l.original.flatten()));
        }
    }
    table
}

/// The indicators of an objective named together, "A/B/C": what the
/// objective's own row of a multi-indicator objective shows.
pub fn indicator_names(o: &ObjectiveLine) -> String {
    o.indicators
        .iter()
        .map(|i| i.name.as_str())
        .collect::<Vec<_>>()
        .join("/")
}

/// One row per indicator of every objective of every area reported: what the
/// Direzione Generale checks, filterable in a spreadsheet.
///
/// An objective's weight and level are on one row only, so that a sum of the
/// weight column gives each area's 100 and a count of objective levels counts
/// each objective once. An objective with one indicator has one row, holding
/// both. An objective with several has its own row first (the indicators'
/// names joined, "A/B/C", its weight, level and band, no indicator columns),
/// then a row per indicator with the indicator's columns and the weight and
/// objective level left empty.
pub fn objective_table(report: &Report, lang: Lang) -> Table {
    let mut rows = Vec::new();
    for area in &report.areas {
        for o in &area.objectives {
            let head = |weight: Cell, level: Cell| {
                vec![
                    Cell::Text(area.score.code.clone()),
                    Cell::Text(o.pillar.clone()),
                    Cell::Text(o.id.clone()),
                    Cell::Text(o.title.clone()),
                    weight,
                    level,
                ]
            };
            let several = o.indicators.len() > 1;
            // The office's level, on the row that holds the objective's own.
            let validated = |row: &mut Vec<Cell>, own: bool| match (&o.validated, own) {
                (Some((level, reason)), true) => {
                    row.push(opt_number(*level));
                    row.push(opt_text(reason.as_ref()));
                }
                _ => row.extend([Cell::Empty, Cell::Empty]),
            };
            if several {
                let mut row = head(Cell::Number(o.weight), opt_number(o.level));
                row.push(Cell::Text(indicator_names(o)));
                row.extend(std::iter::repeat_n(Cell::Empty, 8));
                row.push(Cell::Text(band_name(band(o.level), lang).into()));
                row.extend(std::iter::repeat_n(Cell::Empty, 3));
                row.push(Cell::Empty);
                validated(&mut row, true);
                rows.push(row);
            }
            for i in &o.indicators {
                let mut row = if several {
                    head(Cell::Empty, Cell::Empty)
                } else {
                    head(Cell::Number(o.weight), opt_number(o.level))
                };
                row.extend([
                    Cell::Text(i.name.clone()),
                    Cell::Text(kind_name(i.kind, lang).into()),
                    i.unit
                        .as_ref()
                        .map_or(Cell::Empty, |u| Cell::Text(u.text(lang))),
                    i.direction
                        .map_or(Cell::Empty, |d| Cell::Text(direction_name(d, lang).into())),
                    bound_cell(&i.threshold),
                    bound_cell(&i.target),
                    bound_cell(&i.excellence),
                    reached_cell(&i.reached, lang),
                    opt_number(i.level),
                    Cell::Text(band_name(band(i.level), lang).into()),
                    opt_text(i.note.as_ref()),
                    instant_cell(i.updated_at.as_ref()),
                    opt_text(i.updated_by.as_ref()),
                    evidence_cell(&i.evidence, lang),
                ]);
                validated(&mut row, !several);
                rows.push(row);
            }
        }
    }
    Table {
        title: td_string!(lang.locale(), report.sheet_objectives),
        columns: vec![
            (td_string!(lang.locale(), report.col_area), Shape::Code),
            (td_string!(lang.locale(), report.col_pillar), Shape::Name),
            (td_string!(lang.locale(), report.col_objective), Shape::Name),
            (td_string!(lang.locale(), report.col_title), Shape::Long),
            (td_string!(lang.locale(), report.col_weight), Shape::Weight),
            (
                td_string!(lang.locale(), report.col_objective_level),
                Shape::Level,
            ),
            (td_string!(lang.locale(), report.col_indicator), Shape::Name),
            (td_string!(lang.locale(), report.col_kind), Shape::Code),
            (td_string!(lang.locale(), report.col_unit), Shape::Code),
            (td_string!(lang.locale(), report.col_direction), Shape::Name),
            (td_string!(lang.locale(), report.col_threshold), Shape::Long),
            (td_string!(lang.locale(), report.col_target), Shape::Long),
            (
                td_string!(lang.locale(), report.col_excellence),
                Shape::Long,
            ),
            (td_string!(lang.locale(), report.col_reached), Shape::Date),
            (td_string!(lang.locale(), report.col_level), Shape::Level),
            (td_string!(lang.locale(), report.col_band), Shape::Name),
            (td_string!(lang.locale(), report.col_note), Shape::Long),
            (
                td_string!(lang.locale(), report.col_updated_at),
                Shape::Instant,
            ),
            (
                td_string!(lang.locale(), report.col_updated_by),
                Shape::Name,
            ),
            (td_string!(lang.locale(), report.col_evidence), Shape::Long),
            (
                td_string!(lang.locale(), report.col_validated_level),
                Shape::Level,
            ),
            (
                td_string!(lang.locale(), report.col_validation_reason),
                Shape::Long,
            ),
        ],
        rows,
    }
}

/// One line per evidence item: "title — reference (date) SHA-256 …".
pub fn evidence_text(e: &Evidence, lang: Lang) -> String {
    let mut line = e.title.clone();
    if !e.reference.is_empty() {
        line.push_str(" — ");
        line.push_str(&e.reference);
    }
    if let Some(d) = e.date {
        line.push_str(&format!(" ({})", crate::view::format::date(d, lang)));
    }
    if let Some(digest) = &e.sha256 {
        line.push(' ');
        line.push_str(&td_string!(
            lang.locale(),
            report.evidence_fingerprint,
            digest
        ));
    }
    line
}

fn evidence_cell(items: &[Evidence], lang: Lang) -> Cell {
    if items.is_empty() {
        return Cell::Empty;
    }
    Cell::Text(
        items
            .iter()
            .map(|e| evidence_text(e, lang))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// `cruscotto-<plan>-<area or tutte-le-aree>-<date>`, without extension: the
/// caller adds `.xlsx` or `.csv`.
pub fn file_stem(report: &Report) -> String {
    let json = crate::view::file_names::export_file_name(
        &report.plan_id,
        report.area.as_deref(),
        report.date,
    );
    json.trim_end_matches(".json").to_string()
}

/// The tables the report downloads as CSV. A CSV holds one table (a
/// spreadsheet opens it as one sheet, and its filter and sort work on one
/// header row), so each table is a file of its own, chosen on the page; the
/// workbook has them all, one sheet each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvTable {
    /// One row per indicator ([`objective_table`]).
    Objectives,
    /// Each area's (and pillar's) score, weights and status ([`scorecard_table`]).
    Scorecard,
    /// The Relazione's results and gaps ([`relazione::relazione_table`]).
    Relazione,
    /// The objectives by level reached ([`relazione::distribution_table`]).
    Distribution,
    /// The registry of revisions ([`registry_table`]).
    Registry,
}

impl CsvTable {
    /// Every table, in the order the page offers them.
    pub const ALL: [CsvTable; 5] = [
        CsvTable::Objectives,
        CsvTable::Scorecard,
        CsvTable::Relazione,
        CsvTable::Distribution,
        CsvTable::Registry,
    ];

    /// The value of the page's choice (stable, not translated).
    pub fn key(self) -> &'static str {
        match self {
            CsvTable::Objectives => "objectives",
            CsvTable::Scorecard => "scorecard",
            CsvTable::Relazione => "relazione",
            CsvTable::Distribution => "distribution",
            CsvTable::Registry => "registry",
        }
    }

    pub fn from_key(key: &str) -> Option<CsvTable> {
        CsvTable::ALL.into_iter().find(|t| t.key() == key)
    }

    /// What the page's choice says, in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        let l = lang.locale();
        match self {
            CsvTable::Objectives => td_string!(l, report.csv_objectives),
            CsvTable::Scorecard => td_string!(l, report.csv_scorecard),
            CsvTable::Relazione => td_string!(l, report.csv_relazione),
            CsvTable::Distribution => td_string!(l, report.csv_distribution),
            CsvTable::Registry => td_string!(l, revisions.csv_registry),
        }
    }

    pub fn table(self, report: &Report, lang: Lang) -> Table {
        match self {
            CsvTable::Objectives => objective_table(report, lang),
            CsvTable::Scorecard => scorecard_table(report, lang),
            CsvTable::Relazione => relazione::relazione_table(report, lang),
            CsvTable::Distribution => relazione::distribution_table(report, lang),
            CsvTable::Registry => registry_table(report, lang),
        }
    }

    /// The file's name: the objectives keep the report's own name, the
    /// other tables add what they hold (`…-punteggi.csv`).
    pub fn file_name(self, report: &Report) -> String {
        let stem = file_stem(report);
        match self {
            CsvTable::Objectives => format!("{stem}.csv"),
            CsvTable::Scorecard => format!("{stem}-punteggi.csv"),
            CsvTable::Relazione => format!("{stem}-relazione.csv"),
            CsvTable::Distribution => format!("{stem}-distribuzione.csv"),
            CsvTable::Registry => format!("{stem}-rimodulazioni.csv"),
        }
    }
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/// The CSV dialect for the UI language.
///
/// Italian Excel reads a CSV with its regional settings: `;` between fields
/// and `,` before decimals; English Excel expects `,` and `.`. Either way the
/// file starts with a UTF-8 byte order mark, without which Excel reads it as
/// Windows-1252 and mangles every accented letter. Numbers are written
/// ungrouped (`1234,5`) so Excel takes them as numbers, dates as ISO
/// `YYYY-MM-DD`, which Excel recognises in every locale, and lines end with
/// CRLF as RFC 4180 says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dialect {
    pub separator: char,
    pub decimal: char,
}

impl Dialect {
    pub fn for_lang(lang: Lang) -> Dialect {
        match lang {
            Lang::It => Dialect {
                separator: ';',
                decimal: ',',
            },
            Lang::En => Dialect {
                separator: ',',
                decimal: '.',
            },
        }
    }
}

/// Whether a spreadsheet opening the CSV would read `s` as a formula: it
/// starts with `=`, `+` or `@`, with a tab or a carriage return (which some
/// spreadsheets strip before looking), or with `-` followed by anything but
/// white space (`-1+1`, `-A1`, `-SUM(A1)`). A dash, a space and words
/// ("- Progettazione grafica…", how the plan lists steps) is read as text by
/// LibreOffice Calc and by Excel, so it is left alone (docs/reports.md,
/// "Formulas").
pub fn reads_as_formula(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => chars.next().is_some_and(|c| !c.is_whitespace()),
        _ => false,
    }
}

/// Text that a spreadsheet would run as a formula ([`reads_as_formula`]) gets
/// a leading apostrophe: notes come from other people's files, and a CSV cell
/// is never a formula on purpose.
fn defuse(s: &str) -> String {
    if reads_as_formula(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// RFC 4180: a field with the separator, a quote or a line break is quoted,
/// its quotes doubled.
fn quote(s: &str, separator: char) -> String {
    if s.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_field(cell: &Cell, shape: Shape, lang: Lang, d: Dialect) -> String {
    let raw = match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => defuse(s),
        // A level reads as the screens show it, with two decimals (2,33), not
        // the 28 digits of the exact quotient.
        Cell::Number(n) if shape == Shape::Level => {
            format!("{:.2}", round2(*n)).replace('.', &d.decimal.to_string())
        }
        Cell::Number(n) => n
            .normalize()
            .to_string()
            .replace('.', &d.decimal.to_string()),
        Cell::Date(date) => date.format("%Y-%m-%d").to_string(),
        Cell::Instant(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
        Cell::Bool(b) => yes_no(*b, lang).to_string(),
    };
    quote(&raw, d.separator)
}

/// A table as CSV text in the UI language's dialect (see [`Dialect`]), BOM first.
pub fn csv(table: &Table, lang: Lang) -> String {
    let d = Dialect::for_lang(lang);
    let sep = d.separator.to_string();
    let mut out = String::from('\u{feff}');
    let head: Vec<String> = table
        .columns
        .iter()
        .map(|(t, _)| quote(&defuse(t), d.separator))
        .collect();
    out.push_str(&head.join(&sep));
    out.push_str("\r\n");
    for row in &table.rows {
        let fields: Vec<String> = row
            .iter()
            .zip(table.columns.iter().map(|(_, shape)| *shape))
            .map(|(c, shape)| csv_field(c, shape, lang, d))
            .collect();
        out.push_str(&fields.join(&sep));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use cruscotto_engine::{default_snapshot, Progress, ProgressByArea};
    use std::str::FromStr;

    pub fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
    }

    fn revised_report(area: Option<&str>) -> Report {
        let s = crate::test_fixtures::revised_2023();
        let card = s.score();
        let built = build(&s.plan, s.results(), &card, &s.area_status, area, day());
        with_revisions(built, &s.plan, s.results(), Lang::It)
    }

    #[test]
    fn a_revised_plan_reports_each_score_against_the_original_plan_too() {
        let r = revised_report(None);
        let line = |code: &str| {
            r.areas
                .iter()
                .find(|a| a.score.code == code)
                .map(|a| a.score.clone())
                .expect("the area")
        };
        let aruo = line("ARUO");
        assert_eq!(aruo.score, Some(Decimal::from(4)));
        assert_eq!(
            aruo.original,
            Some(Some(Decimal::from_str("2.8").expect("decimal")))
        );
        let t = scorecard_table(&r, Lang::It);
        assert_eq!(
            t.columns.last().map(|c| c.0),
            Some("Punteggio sul piano originale")
        );
        let aruo_row = t
            .rows
            .iter()
            .find(|row| row.get(1) == Some(&Cell::Text("ARUO".into())))
            .expect("ARUO's row");
        assert_eq!(
            aruo_row.last(),
            Some(&Cell::Number(Decimal::from_str("2.8").expect("decimal")))
        );
    }

    #[test]
    fn the_registry_table_has_a_row_per_objective_changed_and_an_area_report_only_its_revisions() {
        let r = revised_report(None);
        let t = registry_table(&r, Lang::It);
        // r1 and r2 change one objective each; r3 drops one and raises another.
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.rows[1][2], Cell::Text("Delibera CdA 25/07/2023".into()));
        assert_eq!(
            t.rows[1][6],
            Cell::Text("Target di piano-manutenzioni-i1: 90 → 85".into())
        );
        assert_eq!(t.rows[1][7], Cell::Text("AGIS 1,00 → 3,00".into()));
        let aruo = revised_report(Some("ARUO"));
        let ids: Vec<&str> = aruo.revisions.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["r3"]);
    }

    #[test]
    fn a_plan_never_revised_has_no_original_column_and_no_registry() {
        let r = sample(None);
        assert!(r.revisions.is_empty());
        let t = scorecard_table(&r, Lang::It);
        assert!(!t
            .columns
            .iter()
            .any(|c| c.0 == "Punteggio sul piano originale"));
    }

    /// The 2023 plan with one milestone at target (with a hostile note), one
    /// number measured and one deadline met.
    pub fn sample(area: Option<&str>) -> Report {
        let snapshot = default_snapshot();
        let mut progress = Progress::new();
        progress.insert(
            "programmazione-pta-i1".into(),
            ProgressEntry {
                level: Some(3),
                note: Some("=HYPERLINK(\"x\"); sì, \"fatto\"".into()),
                updated_at: Some("2026-11-20T10:30:00+01:00".into()),
                updated_by: Some("Rossi".into()),
                ..Default::default()
            },
        );
        progress.insert(
            "soddisfazione-residenze-i1".into(),
            ProgressEntry {
                value: Some(Decimal::from_str("3.5").expect("decimal")),
                ..Default::default()
            },
        );
        let mut by_area = ProgressByArea::new();
        by_area.entry("ARUO".into()).or_default().insert(
            "rotazione-rup-i1".into(),
            ProgressEntry {
                value: Some(Decimal::from(60)),
                ..Default::default()
            },
        );
        let results = Results::new(&progress, &by_area);
        let card = snapshot.plan.score_results(results);
        build(
            &snapshot.plan,
            results,
            &card,
            &Default::default(),
            area,
            day(),
        )
    }

    #[test]
    fn a_per_area_objective_has_one_row_per_area_with_that_areas_result() {
        let t = objective_table(&sample(None), Lang::It);
        let rows: Vec<&Vec<Cell>> = t
            .rows
            .iter()
            .filter(|r| {
                r[2] == Cell::Text("rotazione-rup".into())
                    && r[6] == Cell::Text("rotazione-rup-i1".into())
            })
            .collect();
        assert_eq!(rows.len(), 9, "one row per weighted area");
        let aruo = rows
            .iter()
            .find(|r| r[0] == Cell::Text("ARUO".into()))
            .expect("ARUO row");
        assert_eq!(aruo[13], Cell::Number(Decimal::from(60)));
        assert_eq!(aruo[14], Cell::Number(Decimal::from(3)));
        let aaf = rows
            .iter()
            .find(|r| r[0] == Cell::Text("AAF".into()))
            .expect("AAF row");
        assert_eq!(aaf[13], Cell::Empty);
        assert_eq!(aaf[14], Cell::Empty);
    }

    fn indicator_row<'a>(t: &'a Table, objective: &str, indicator: &str) -> &'a [Cell] {
        t.rows
            .iter()
            .find(|r| r[2] == Cell::Text(objective.into()) && r[6] == Cell::Text(indicator.into()))
            .expect("row")
    }

    fn row_of<'a>(t: &'a Table, indicator_objective: &str) -> &'a [Cell] {
        t.rows
            .iter()
            .find(|r| r[2] == Cell::Text(indicator_objective.into()))
            .expect("row")
    }

    #[test]
    fn a_number_row_says_which_way_is_better_and_other_rows_do_not() {
        let t = objective_table(&sample(Some("AGIS")), Lang::It);
        let col = t
            .columns
            .iter()
            .position(|(title, _)| *title == "Verso")
            .expect("direction column");
        let energy = indicator_row(&t, "risparmio-energetico", "A");
        assert_eq!(energy[col], Cell::Text("più basso è meglio".into()));
        let milestone = t
            .rows
            .iter()
            .find(|r| r[7] == Cell::Text("traguardo".into()))
            .expect("a milestone row");
        assert_eq!(milestone[col], Cell::Empty);
    }

    #[test]
    fn the_header_names_the_institution_and_the_plan_once_with_its_year() {
        let r = sample(Some("ARUO"));
        assert_eq!(r.institution.as_deref(), Some("Politecnico di Milano"));
        assert_eq!(
            plan_name(&r),
            "Obiettivi di Performance Organizzativa delle Aree Dirigenziali 2023"
        );
        assert!(running_head(&r).starts_with(
            "Politecnico di Milano · Obiettivi di Performance Organizzativa delle Aree Dirigenziali 2023 · ARUO — "
        ));
        let mut other = r.clone();
        other.plan_title = "Obiettivi".into();
        other.institution = None;
        other.area = None;
        assert_eq!(running_head(&other), "Obiettivi 2023");
        let mut plan = default_snapshot().plan;
        plan.source = Some("Un documento senza virgole".into());
        assert_eq!(institution(&plan), None);
        plan.source = None;
        assert_eq!(institution(&plan), None);
    }

    #[test]
    fn the_data_are_as_of_the_newest_result_not_the_report_date() {
        let r = sample(None);
        assert_eq!(r.data_as_of.as_deref(), Some("2026-11-20T10:30:00+01:00"));
        assert_eq!(
            running_foot(&r, Lang::It),
            "Dati aggiornati al 20/11/2026 10:30 · Report del 25/11/2026"
        );
        assert_eq!(
            running_foot(&r, Lang::En),
            "Data as of 20 Nov 2026 10:30 · Report of 25 Nov 2026"
        );
        // ACL has no stamped result in the sample.
        let acl = sample(Some("ACL"));
        assert_eq!(acl.data_as_of, None);
        assert_eq!(
            running_foot(&acl, Lang::It),
            "Nessun risultato registrato · Report del 25/11/2026"
        );
    }

    #[test]
    fn stamps_compare_as_instants_whatever_their_offset() {
        let mut r = sample(Some("ARUO"));
        // 09:30, 09:45 and 09:00 UTC; the latest is not the greatest text.
        let stamps = [
            "2026-11-20T10:30:00+01:00",
            "2026-11-20T09:45:00Z",
            "2026-11-20T11:00:00+02:00",
            "not a date",
        ];
        for (o, s) in r.areas[0].objectives.iter_mut().zip(stamps) {
            o.indicators[0].updated_at = Some(s.to_string());
        }
        assert_eq!(
            newest_stamp(&r.areas).as_deref(),
            Some("2026-11-20T09:45:00Z")
        );
    }

    #[test]
    fn the_page_number_is_worded_in_the_reports_language() {
        assert_eq!(
            page_number_css(Lang::It),
            "\"pagina \" counter(page) \" di \" counter(pages)"
        );
        assert_eq!(
            page_number_css(Lang::En),
            "\"page \" counter(page) \" of \" counter(pages)"
        );
    }

    #[test]
    fn a_css_string_escapes_quotes_and_backslashes() {
        assert_eq!(
            css_string("Piano \"2023\" a\\b\nc"),
            "\"Piano \\\"2023\\\" a\\\\b c\""
        );
    }

    #[test]
    fn an_area_report_holds_only_that_area_and_no_pillars() {
        let r = sample(Some("ARUO"));
        assert_eq!(r.areas.len(), 1);
        assert_eq!(r.areas[0].score.code, "ARUO");
        assert!(r.pillars.is_empty());
        assert!(r.areas[0]
            .objectives
            .iter()
            .any(|o| o.id == "programmazione-pta"));
        assert_eq!(file_stem(&r), "cruscotto-polimi-2023-ARUO-2026-11-25");
    }

    #[test]
    fn the_full_report_holds_every_area_and_pillar_with_the_engines_scores() {
        let r = sample(None);
        let snapshot = default_snapshot();
        assert_eq!(r.areas.len(), snapshot.plan.areas.len());
        assert_eq!(r.pillars.len(), snapshot.plan.pillars.len());
        let aruo = &r
            .areas
            .iter()
            .find(|a| a.score.code == "ARUO")
            .expect("ARUO")
            .score;
        assert!(aruo.provisional);
        assert_eq!(aruo.score, Some(Decimal::from(3)));
        assert_eq!(aruo.assessed_weight, Decimal::from(15));
        assert_eq!(
            file_stem(&r),
            "cruscotto-polimi-2023-tutte-le-aree-2026-11-25"
        );
    }

    #[test]
    fn objective_rows_carry_typed_levels_progress_and_stamps() {
        let t = objective_table(&sample(Some("ARUO")), Lang::It);
        assert_eq!(t.title, "Obiettivi");
        assert_eq!(t.columns.len(), t.rows[0].len());
        let row = row_of(&t, "programmazione-pta");
        assert_eq!(row[0], Cell::Text("ARUO".into()));
        assert_eq!(row[4], Cell::Number(Decimal::from(15)));
        assert_eq!(row[5], Cell::Number(Decimal::from(3)));
        assert_eq!(row[7], Cell::Text("traguardo".into()));
        assert!(matches!(&row[10], Cell::Text(s) if s.starts_with("Co-progettazione")));
        assert_eq!(row[13], Cell::Text("target".into()));
        assert_eq!(row[14], Cell::Number(Decimal::from(3)));
        assert_eq!(row[15], Cell::Text("target".into()));
        // Stamped at 10:30 in Rome (09:30 UTC): the workbook shows the
        // reader's wall clock, as the screens do (natively, the stamp's own).
        let rome = NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(10, 30, 0))
            .expect("instant");
        assert_eq!(row[17], Cell::Instant(rome));
        assert_eq!(row[18], Cell::Text("Rossi".into()));
    }

    #[test]
    fn a_measured_number_is_a_number_cell_with_its_levels_as_numbers() {
        let report = sample(None);
        let t = objective_table(&report, Lang::En);
        assert_eq!(t.title, "Objectives");
        let row = row_of(&t, "soddisfazione-residenze");
        assert_eq!(row[7], Cell::Text("number".into()));
        assert!(matches!(row[10], Cell::Number(_)), "{:?}", row[10]);
        assert_eq!(row[13], Cell::Number(Decimal::from_str("3.5").expect("d")));
    }

    #[test]
    fn scorecard_lists_areas_then_pillars() {
        let r = sample(None);
        let t = scorecard_table(&r, Lang::It);
        assert_eq!(t.rows.len(), r.areas.len() + r.pillars.len());
        assert_eq!(t.rows[0][0], Cell::Text("Area".into()));
        assert_eq!(
            t.rows.last().expect("row")[0],
            Cell::Text("Pilastro".into())
        );
        let aruo = t
            .rows
            .iter()
            .find(|r| r[1] == Cell::Text("ARUO".into()))
            .expect("ARUO");
        assert_eq!(aruo[3], Cell::Number(Decimal::from(3)));
        assert_eq!(
            aruo[7],
            Cell::Number(Decimal::from(1)),
            "objectives assessed"
        );
        assert!(
            matches!(aruo[8], Cell::Number(n) if n > Decimal::ONE),
            "objectives"
        );
        assert_eq!(aruo[9], Cell::Text("provvisorio".into()));
        let pillar = t.rows.last().expect("a pillar");
        assert_eq!(pillar[7], Cell::Empty, "pillars do not count objectives");
    }

    #[test]
    fn italian_csv_has_bom_semicolons_decimal_commas_and_crlf() {
        let t = objective_table(&sample(None), Lang::It);
        let text = csv(&t, Lang::It);
        assert!(text.starts_with("\u{feff}Area;Pilastro;Obiettivo;"));
        assert!(text.ends_with("\r\n"));
        let line = text
            .lines()
            .find(|l| l.contains(";soddisfazione-residenze;"))
            .expect("line");
        assert!(line.contains(";3,5;"), "{line}");
    }

    #[test]
    fn english_csv_uses_commas_and_decimal_points() {
        let t = objective_table(&sample(None), Lang::En);
        let text = csv(&t, Lang::En);
        assert!(text.starts_with("\u{feff}Area,Pillar,Objective,"));
        let line = text
            .lines()
            .find(|l| l.contains(",soddisfazione-residenze,"))
            .expect("line");
        assert!(line.contains(",3.5,"), "{line}");
    }

    #[test]
    fn a_hostile_note_is_quoted_and_cannot_become_a_formula() {
        let t = objective_table(&sample(Some("ARUO")), Lang::It);
        let text = csv(&t, Lang::It);
        assert!(
            text.contains(";\"'=HYPERLINK(\"\"x\"\"); sì, \"\"fatto\"\"\";"),
            "{text}"
        );
    }

    /// One case of the formula guard: what a spreadsheet makes of `s`
    /// (docs/reports.md, "Formulas", checked with LibreOffice Calc).
    fn guarded(s: &str) -> bool {
        let d = Dialect::for_lang(Lang::En);
        let field = csv_field(&Cell::Text(s.into()), Shape::Long, Lang::En, d);
        field.trim_start_matches('"').starts_with('\'')
    }

    #[test]
    fn an_equals_sign_is_guarded() {
        assert!(guarded("=1+1"));
        assert!(guarded("=HYPERLINK(\"http://x\")"));
    }

    #[test]
    fn a_plus_sign_is_guarded() {
        assert!(guarded("+1+1"));
        assert!(guarded("+39 02 2399"));
    }

    #[test]
    fn an_at_sign_is_guarded() {
        assert!(guarded("@SUM(A1:A2)"));
    }

    #[test]
    fn a_leading_tab_or_carriage_return_is_guarded() {
        assert!(guarded("\t=1+1"));
        assert!(guarded("\r=1+1"));
    }

    #[test]
    fn a_dash_before_a_number_a_cell_or_a_function_is_guarded() {
        assert!(guarded("-1+1"));
        assert!(guarded("-A1"));
        assert!(guarded("-SUM(A1:A2)"));
        assert!(guarded("-3"));
    }

    #[test]
    fn a_dash_a_space_and_words_is_text_and_not_guarded() {
        assert!(!guarded("- Progettazione grafica e redazionale del sito"));
        assert!(!guarded("-\tpunto"));
        assert!(!guarded("-"));
        assert!(!guarded("nota"));
        assert!(!guarded("‐ trattino tipografico"));
    }

    #[test]
    fn a_negative_number_cell_is_a_number_not_guarded() {
        let d = Dialect::for_lang(Lang::It);
        assert_eq!(
            csv_field(
                &Cell::Number(Decimal::from_str("-2.50").expect("d")),
                Shape::Weight,
                Lang::It,
                d
            ),
            "-2,5"
        );
    }

    #[test]
    fn no_description_of_the_2023_plan_gets_an_apostrophe() {
        let text = csv(&objective_table(&sample(None), Lang::It), Lang::It);
        let dashed = text.matches(";- ").count() + text.matches(";\"- ").count();
        assert!(dashed >= 40, "the plan lists steps with dashes: {dashed}");
        // The only apostrophe-led field is the hostile note, in the ARUO row.
        assert_eq!(text.matches(";'").count() + text.matches(";\"'").count(), 1);
    }

    #[test]
    fn an_objective_with_several_indicators_names_them_on_its_own_row() {
        let t = objective_table(&sample(Some("AGIS")), Lang::It);
        let rows: Vec<&Vec<Cell>> = t
            .rows
            .iter()
            .filter(|r| r[2] == Cell::Text("risparmio-energetico".into()))
            .collect();
        let names: Vec<&Cell> = rows.iter().map(|r| &r[6]).collect();
        assert_eq!(
            names,
            ["A/B/C", "A", "B", "C"]
                .map(|n| Cell::Text(n.into()))
                .iter()
                .collect::<Vec<_>>()
        );
        assert!(
            matches!(rows[0][4], Cell::Number(_)),
            "the weight on the objective's row"
        );
        assert_eq!(rows[0][7], Cell::Empty, "no indicator kind on it");
        assert_eq!(
            rows[0][15],
            Cell::Text("non valutato".into()),
            "the objective's band"
        );
        for r in &rows[1..] {
            assert_eq!(r[4], Cell::Empty, "no weight repeated on an indicator");
            assert_eq!(r[5], Cell::Empty, "no objective level repeated");
            assert_eq!(r[7], Cell::Text("numero".into()));
        }
    }

    #[test]
    fn the_weight_column_sums_to_each_areas_total_weight() {
        let r = sample(None);
        let t = objective_table(&r, Lang::It);
        for a in &r.areas {
            let sum: Decimal = t
                .rows
                .iter()
                .filter(|row| row[0] == Cell::Text(a.score.code.clone()))
                .filter_map(|row| match row[4] {
                    Cell::Number(w) => Some(w),
                    _ => None,
                })
                .sum();
            assert_eq!(sum, a.score.total_weight, "{}", a.score.code);
        }
    }

    #[test]
    fn the_scorecard_is_a_csv_of_its_own_with_a_status_that_says_what_it_means() {
        let r = sample(None);
        assert_eq!(
            CsvTable::Scorecard.file_name(&r),
            "cruscotto-polimi-2023-tutte-le-aree-2026-11-25-punteggi.csv"
        );
        assert_eq!(
            CsvTable::Objectives.file_name(&r),
            "cruscotto-polimi-2023-tutte-le-aree-2026-11-25.csv"
        );
        let text = csv(&CsvTable::Scorecard.table(&r, Lang::It), Lang::It);
        assert!(text.starts_with(
            "\u{feff}Tipo;Codice;Nome;Punteggio;% del target;Peso valutato;Peso totale;Obiettivi valutati;Obiettivi;Stato;Revisione;Punteggio validato;Inviata il (ora locale);Inviata da;Sigillo (SHA-256)\r\n"
        ), "{text}");
        // Percentages round as the screens show them.
        assert!(
            text.contains(";1,00;33,33;10;100;1;10;provvisorio;Bozza;;;;\r\n"),
            "{text}"
        );
        assert!(text.contains(";ARUO;"), "{text}");
        let mut complete = r.areas[0].score.clone();
        complete.score = Some(Decimal::from(3));
        complete.provisional = false;
        assert_eq!(
            status_name(complete.status(), Lang::It),
            "definitivo (tutti gli obiettivi valutati)"
        );
        assert_eq!(
            status_name(complete.status(), Lang::En),
            "final (every objective assessed)"
        );
        for t in CsvTable::ALL {
            assert_eq!(CsvTable::from_key(t.key()), Some(t));
        }
    }

    #[test]
    fn a_level_in_the_csv_reads_as_the_screens_show_it() {
        let d = Dialect::for_lang(Lang::It);
        let third = Decimal::from(7) / Decimal::from(3);
        assert_eq!(
            csv_field(&Cell::Number(third), Shape::Level, Lang::It, d),
            "2,33"
        );
        assert_eq!(
            csv_field(
                &Cell::Number(Decimal::from(3)),
                Shape::Level,
                Lang::En,
                Dialect::for_lang(Lang::En)
            ),
            "3.00"
        );
        assert!(csv_field(&Cell::Number(third), Shape::Weight, Lang::It, d).len() > 10);
    }

    #[test]
    fn fields_with_line_breaks_or_quotes_are_quoted_per_rfc_4180() {
        assert_eq!(quote("a\nb", ';'), "\"a\nb\"");
        assert_eq!(quote("di \"X\"", ','), "\"di \"\"X\"\"\"");
        assert_eq!(quote("a,b", ';'), "a,b");
        assert_eq!(quote("a,b", ','), "\"a,b\"");
    }
}
