//! The plan editor's pure rules: readable unique ids, new and copied objects,
//! area renames and deletions, weight sums, the objective filter and the mapping
//! from a validation path to the field that shows it.
//!
//! Kept free of signals and the DOM so that every rule has a native unit test;
//! the editor's components only call these and write the result into the plan.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use cruscotto_engine::{
    Aggregation, Direction, Indicator, IndicatorKind, Level, LevelValue, Measurement, Objective,
    Plan, Progress, ProgressByArea, Scale,
};
use rust_decimal::Decimal;

/// Every id that objectives and indicators share (validation checks them as one
/// namespace, so a new indicator may not reuse an objective's id either).
pub fn taken_ids(plan: &Plan) -> BTreeSet<String> {
    plan.objectives
        .iter()
        .flat_map(|o| {
            std::iter::once(o.id.clone()).chain(o.indicators.iter().map(|i| i.id.clone()))
        })
        .collect()
}

/// `base` itself when free, else `base-2`, `base-3`, ... : readable, and stable
/// enough that a person can tell a copy from its original.
pub fn unique_id(base: &str, taken: &BTreeSet<String>) -> String {
    let base = base.trim();
    let base = if base.is_empty() { "id" } else { base };
    if !taken.contains(base) {
        return base.to_string();
    }
    (2u32..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| base.to_string())
}

/// The grades a milestone prints for threshold, target and excellence.
const MILESTONE_GRADES: [i64; 3] = [1, 3, 4];

fn level(value: LevelValue, description: &str) -> Level {
    Level {
        value,
        description: description.to_string(),
    }
}

/// Sets an indicator's kind and the level values that fit it: fixed grades for
/// milestones, the numbers or dates already there when they still fit, else
/// empty (validation then asks for them next to the field).
pub fn set_kind(ind: &mut Indicator, kind: IndicatorKind) {
    ind.kind = kind;
    let levels = [&mut ind.threshold, &mut ind.target, &mut ind.excellence];
    for (l, grade) in levels.into_iter().zip(MILESTONE_GRADES) {
        l.value = match (kind, &l.value) {
            (IndicatorKind::Milestone, _) => LevelValue::Number(Decimal::from(grade)),
            (IndicatorKind::Number, LevelValue::Number(n)) => LevelValue::Number(*n),
            (IndicatorKind::Date, LevelValue::Date(d)) => LevelValue::Date(*d),
            _ => LevelValue::Empty,
        };
    }
    ind.direction = match kind {
        IndicatorKind::Number => Some(ind.direction.unwrap_or(Direction::Higher)),
        _ => None,
    };
    if kind != IndicatorKind::Number {
        ind.unit = None;
        ind.scale = None;
    }
}

/// Changes one end of an indicator's scale; a scale with neither end is none.
pub fn set_scale(ind: &mut Indicator, f: impl FnOnce(&mut Scale)) {
    let mut scale = ind.scale.take().unwrap_or_default();
    f(&mut scale);
    ind.scale = (scale.min.is_some() || scale.max.is_some()).then_some(scale);
}

/// A new indicator of the given kind with empty descriptions.
pub fn new_indicator(id: String, kind: IndicatorKind) -> Indicator {
    let mut ind = Indicator {
        id,
        label: None,
        kind,
        description: None,
        unit: None,
        direction: None,
        scale: None,
        threshold: level(LevelValue::Empty, ""),
        target: level(LevelValue::Empty, ""),
        excellence: level(LevelValue::Empty, ""),
        evidence_required: false,
    };
    set_kind(&mut ind, kind);
    ind
}

/// A new objective under `pillar` with one milestone indicator, ready to be
/// weighted. Its id is `nuovo-obiettivo`, `nuovo-obiettivo-2`, ...
pub fn new_objective(plan: &Plan, pillar: &str, title: &str) -> Objective {
    let mut taken = taken_ids(plan);
    let id = unique_id("nuovo-obiettivo", &taken);
    taken.insert(id.clone());
    let ind_id = unique_id(&format!("{id}-i1"), &taken);
    Objective {
        id,
        pillar: pillar.to_string(),
        strategic_objective: None,
        title: title.to_string(),
        purpose: String::new(),
        responsible: Vec::new(),
        assignments: Vec::new(),
        other_structures: Vec::new(),
        aggregation: Aggregation::Mean,
        measurement: Default::default(),
        indicators: vec![new_indicator(ind_id, IndicatorKind::Milestone)],
        note: None,
    }
}

/// The id a new indicator of objective `oi` gets: `<objective id>-i<n>`.
pub fn next_indicator_id(plan: &Plan, oi: usize) -> String {
    let taken = taken_ids(plan);
    let Some(o) = plan.objectives.get(oi) else {
        return unique_id("indicatore", &taken);
    };
    unique_id(&format!("{}-i{}", o.id, o.indicators.len() + 1), &taken)
}

/// A copy of objective `oi` with a new id (`<id>-2`, ...) and new indicator ids
/// (`<new id>-i1`, ...), so no progress is shared with the original.
pub fn duplicate_objective(plan: &Plan, oi: usize) -> Option<Objective> {
    let original = plan.objectives.get(oi)?;
    let mut taken = taken_ids(plan);
    let mut copy = original.clone();
    copy.id = unique_id(&original.id, &taken);
    taken.insert(copy.id.clone());
    for (n, ind) in copy.indicators.iter_mut().enumerate() {
        ind.id = unique_id(&format!("{}-i{}", copy.id, n + 1), &taken);
        taken.insert(ind.id.clone());
    }
    Some(copy)
}

/// A copy of indicator `ii` of objective `oi` with a new id and, when the
/// original has a label ("A"), the next free label ("B").
pub fn duplicate_indicator(plan: &Plan, oi: usize, ii: usize) -> Option<Indicator> {
    let o = plan.objectives.get(oi)?;
    let original = o.indicators.get(ii)?;
    let mut copy = original.clone();
    copy.id = unique_id(&original.id, &taken_ids(plan));
    if original.label.is_some() {
        let labels: BTreeSet<&str> = o
            .indicators
            .iter()
            .filter_map(|i| i.label.as_deref())
            .collect();
        copy.label = ('A'..='Z')
            .map(String::from)
            .find(|l| !labels.contains(l.as_str()))
            .or(copy.label);
    }
    Some(copy)
}

/// How many objectives give the area a weight.
pub fn area_usage(plan: &Plan, code: &str) -> usize {
    plan.objectives
        .iter()
        .filter(|o| o.assignments.iter().any(|a| a.area == code))
        .count()
}

fn rename_in(list: &mut [String], old: &str, new: &str) {
    for item in list.iter_mut().filter(|s| *s == old) {
        *item = new.to_string();
    }
}

/// Changes an area's code everywhere the plan names it: the area, the weights,
/// the responsible and other structures of every objective.
pub fn rename_area(plan: &mut Plan, old: &str, new: &str) {
    for a in plan.areas.iter_mut().filter(|a| a.code == old) {
        a.code = new.to_string();
    }
    for o in plan.objectives.iter_mut() {
        for a in o.assignments.iter_mut().filter(|a| a.area == old) {
            a.area = new.to_string();
        }
        rename_in(&mut o.responsible, old, new);
        rename_in(&mut o.other_structures, old, new);
    }
}

/// Removes area `index` and the weights objectives gave it.
pub fn delete_area(plan: &mut Plan, index: usize) {
    if index >= plan.areas.len() {
        return;
    }
    let area = plan.areas.remove(index);
    // Another area with the same (duplicated) code keeps its weights.
    if plan.areas.iter().any(|a| a.code == area.code) {
        return;
    }
    for o in plan.objectives.iter_mut() {
        o.assignments.retain(|a| a.area != area.code);
    }
}

/// A code for a new area: `NUOVA`, `NUOVA-2`, ...
pub fn new_area_code(plan: &Plan) -> String {
    let taken: BTreeSet<String> = plan.areas.iter().map(|a| a.code.clone()).collect();
    unique_id("NUOVA", &taken)
}

/// One row of the live weight check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaSum {
    /// The area's position in `plan.areas`, as validation paths name it.
    pub index: usize,
    pub code: String,
    pub name: String,
    pub sum: Decimal,
    /// How many objectives weigh on the area.
    pub objectives: usize,
}

impl AreaSum {
    pub fn is_ok(&self) -> bool {
        self.sum == Decimal::ONE_HUNDRED
    }
}

/// The sum of the weights of every area, in the plan's order.
pub fn weight_sums(plan: &Plan) -> Vec<AreaSum> {
    plan.areas
        .iter()
        .enumerate()
        .map(|(index, a)| {
            let weights: Vec<Decimal> = plan.objectives_of_area(&a.code).map(|(_, w)| w).collect();
            AreaSum {
                index,
                code: a.code.clone(),
                name: a.name.clone(),
                sum: weights
                    .iter()
                    .fold(Decimal::ZERO, |s, w| s.saturating_add(*w))
                    .normalize(),
                objectives: weights.len(),
            }
        })
        .collect()
}

/// The field an area's weight sum is fixed at: that area's weight in the
/// objective open in the editor when it weighs there (most likely the one
/// just typed), else in the first objective that weighs there. `None` for an
/// area no objective weighs on (its row in the sums table is the place then).
pub fn weight_field_of_area(plan: &Plan, area: &str, open: Option<usize>) -> Option<String> {
    let weight_in = |oi: usize| {
        plan.objectives
            .get(oi)?
            .assignments
            .iter()
            .position(|a| a.area == area)
            .map(|ai| format!("plan.objectives[{oi}].assignments[{ai}].weight"))
    };
    open.and_then(weight_in)
        .or_else(|| (0..plan.objectives.len()).find_map(weight_in))
}

/// An area's weight sum when it is not 100: what a weight field of that area
/// shows next to it, so the problem is where it is fixed.
pub fn area_sum_off(plan: &Plan, area: &str) -> Option<Decimal> {
    weight_sums(plan)
        .into_iter()
        .find(|s| s.code == area && s.objectives > 0 && !s.is_ok())
        .map(|s| s.sum)
}

fn shift_year(d: NaiveDate) -> NaiveDate {
    let year = d.year() + 1;
    d.with_year(year)
        // 29 February becomes 28 February.
        .or_else(|| NaiveDate::from_ymd_opt(year, d.month(), 28))
        .unwrap_or(d)
}

fn next_year_text(text: &str, year: i32, separator: &str) -> String {
    let (old, new) = (year.to_string(), (year + 1).to_string());
    if text.contains(&old) {
        text.replace(&old, &new)
    } else if text.trim().is_empty() {
        new
    } else {
        format!("{text}{separator}{new}")
    }
}

/// The plan for the following year: the plan in force (every revision
/// applied, none of them kept), year + 1, the year in id and title moved on
/// (or appended), deadlines moved one year later, not adopted. Progress is
/// not part of a plan: the caller starts the new year with none.
pub fn next_year_copy(plan: &Plan) -> Plan {
    let mut next = plan.clone();
    next.adoption = None;
    next.revisions.clear();
    next.unrecorded.clear();
    next.year = plan.year + 1;
    next.id = next_year_text(&plan.id, plan.year, "-");
    next.title = next_year_text(&plan.title, plan.year, " ");
    next.source = None;
    next.self_assessment_deadline = plan.self_assessment_deadline.map(shift_year);
    next.monitoring_date = plan.monitoring_date.map(shift_year);
    for ind in next
        .objectives
        .iter_mut()
        .flat_map(|o| o.indicators.iter_mut())
    {
        for l in [&mut ind.threshold, &mut ind.target, &mut ind.excellence] {
            if let LevelValue::Date(d) = l.value {
                l.value = LevelValue::Date(shift_year(d));
            }
        }
    }
    next
}

/// Where the plan's texts still name `year` (as a whole number: "2023", not
/// "20231"): the JSON path of each text and the sentence around it. After a
/// copy for next year the dates move, but "entro novembre 2023" and "servizi
/// ricevuti nel 2023" do not; the editor lists them, each a link to its field.
pub fn texts_naming_year(plan: &Plan, year: i32) -> Vec<(String, String)> {
    let needle = year.to_string();
    let names = |text: &str| {
        text.match_indices(&needle).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + needle.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit())
                && !after.is_some_and(|c| c.is_ascii_digit())
        })
    };
    let mut out = Vec::new();
    let mut check = |path: String, text: &str| {
        if names(text) {
            out.push((path, excerpt(text, &needle)));
        }
    };
    check("plan.title".into(), &plan.title);
    for (oi, o) in plan.objectives.iter().enumerate() {
        let op = format!("plan.objectives[{oi}]");
        check(format!("{op}.title"), &o.title);
        check(format!("{op}.purpose"), &o.purpose);
        if let Some(note) = &o.note {
            check(format!("{op}.note"), note);
        }
        for (ii, ind) in o.indicators.iter().enumerate() {
            let ip = format!("{op}.indicators[{ii}]");
            if let Some(d) = &ind.description {
                check(format!("{ip}.description"), d);
            }
            for (name, level) in ["threshold", "target", "excellence"]
                .iter()
                .zip(ind.levels())
            {
                check(format!("{ip}.{name}.description"), &level.description);
            }
        }
    }
    out
}

/// About 60 characters of `text` around the first `needle`, on char boundaries.
fn excerpt(text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap_or(0);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let pos = chars.iter().position(|(i, _)| *i >= at).unwrap_or(0);
    let start = pos.saturating_sub(30);
    let end = (pos + needle.chars().count() + 30).min(chars.len());
    let mut s: String = chars[start..end].iter().map(|(_, c)| c).collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A plan with no objectives that keeps the organisation (areas, structures)
/// and the strategic frame (pillars, strategic objectives), which the editor
/// does not create.
pub fn empty_plan(plan: &Plan, title: &str) -> Plan {
    Plan {
        id: format!("nuovo-piano-{}", plan.year),
        title: title.to_string(),
        year: plan.year,
        scoring: plan.scoring,
        areas: plan.areas.clone(),
        pillars: plan.pillars.clone(),
        strategic_objectives: plan.strategic_objectives.clone(),
        structures: plan.structures.clone(),
        objectives: Vec::new(),
        source: None,
        self_assessment_deadline: plan.self_assessment_deadline,
        monitoring_date: plan.monitoring_date,
        adoption: None,
        revisions: Vec::new(),
        unrecorded: Vec::new(),
    }
}

/// The positions of the objectives that match the filters: a pillar id, an area
/// code weighting them, and words found in the id, title or purpose (any case).
pub fn filter_objectives(plan: &Plan, pillar: &str, area: &str, text: &str) -> Vec<usize> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    plan.objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| pillar.is_empty() || o.pillar == pillar)
        .filter(|(_, o)| area.is_empty() || o.assignments.iter().any(|a| a.area == area))
        .filter(|(_, o)| {
            let haystack = format!("{} {} {}", o.id, o.title, o.purpose).to_lowercase();
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Splits a comma-separated list as typed ("ARUO, ASICT") into its items.
pub fn parse_list(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// The DOM id of the field a validation path names:
/// `plan.objectives[3].title` → `f-plan-objectives-3-title`.
pub fn field_anchor(path: &str) -> String {
    let mut out = String::from("f");
    for part in path.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
        if !part.is_empty() {
            out.push('-');
            out.push_str(part);
        }
    }
    out
}

/// The objective a path is about: `plan.objectives[3]...` → 3.
pub fn objective_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("plan.objectives[")?;
    rest.split(']').next()?.parse().ok()
}

/// The path and its enclosing paths, most specific first, so a message whose
/// exact field is not on screen still leads to the nearest part that is.
pub fn path_ancestors(path: &str) -> Vec<String> {
    let mut out = vec![path.to_string()];
    let mut current = path;
    while let Some(cut) = current.rfind(['.', '[']) {
        current = &current[..cut];
        if current.is_empty() {
            break;
        }
        out.push(current.to_string());
    }
    out
}

/// The areas holding a result of per-area objective `oi`, in the objective's
/// area order: what switching it back to one shared result must choose from.
pub fn areas_with_results(plan: &Plan, by_area: &ProgressByArea, oi: usize) -> Vec<String> {
    let Some(o) = plan.objectives.get(oi) else {
        return Vec::new();
    };
    o.areas()
        .filter(|a| {
            by_area
                .get(*a)
                .is_some_and(|p| o.indicators.iter().any(|i| p.contains_key(&i.id)))
        })
        .map(str::to_string)
        .collect()
}

/// Makes objective `oi` per-area: each shared entry of its indicators becomes
/// the entry of every weighted area that has none yet, so nothing recorded is
/// lost and each area starts from the common result.
pub fn switch_to_per_area(
    plan: &mut Plan,
    progress: &mut Progress,
    by_area: &mut ProgressByArea,
    oi: usize,
) {
    let Some(o) = plan.objectives.get_mut(oi) else {
        return;
    };
    o.measurement = Measurement::PerArea;
    let areas: Vec<String> = o.areas().map(str::to_string).collect();
    for i in &o.indicators {
        if let Some(e) = progress.remove(&i.id) {
            for a in &areas {
                by_area
                    .entry(a.clone())
                    .or_default()
                    .entry(i.id.clone())
                    .or_insert_with(|| e.clone());
            }
        }
    }
}

/// Makes objective `oi` shared again, its one result being area `keep`'s
/// (`None`: no area has one). Every other area's result of it is removed: the
/// screen asks before calling this when there is any.
pub fn switch_to_shared(
    plan: &mut Plan,
    progress: &mut Progress,
    by_area: &mut ProgressByArea,
    oi: usize,
    keep: Option<&str>,
) {
    let Some(o) = plan.objectives.get_mut(oi) else {
        return;
    };
    o.measurement = Measurement::Shared;
    for i in &o.indicators {
        let kept = keep.and_then(|a| by_area.get(a)?.get(&i.id).cloned());
        for p in by_area.values_mut() {
            p.remove(&i.id);
        }
        if let Some(e) = kept {
            progress.insert(i.id.clone(), e);
        }
    }
    by_area.retain(|_, p| !p.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use cruscotto_engine::{default_snapshot, validate_plan};
    use std::str::FromStr;

    fn plan() -> Plan {
        default_snapshot().plan
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn a_copy_for_next_year_lists_the_texts_that_still_name_the_old_year() {
        let plan = default_snapshot().plan;
        let next = next_year_copy(&plan);
        assert_eq!(next.year, 2024);
        let found = texts_naming_year(&next, 2023);
        assert!(!found.is_empty());
        // "servizi ricevuti nel 2023" of the satisfaction surveys.
        let survey = next
            .objectives
            .iter()
            .position(|o| o.id == "soddisfazione-docenti")
            .expect("objective");
        let path = format!("plan.objectives[{survey}].indicators[0].description");
        let (_, text) = found
            .iter()
            .find(|(p, _)| *p == path)
            .expect("the survey's description");
        assert!(text.contains("2023"), "{text}");
        // The title moved to 2024 with the copy; no text names 1999.
        assert!(!found.iter().any(|(p, _)| p == "plan.title"));
        assert!(texts_naming_year(&next, 1999).is_empty());
        // A whole number only: 20231 is not 2023.
        let mut odd = next.clone();
        odd.title = "Piano 20231".into();
        assert!(!texts_naming_year(&odd, 2023)
            .iter()
            .any(|(p, _)| p == "plan.title"));
    }

    #[test]
    fn a_scale_with_neither_end_is_removed_and_a_milestone_has_none() {
        let mut ind = new_indicator("n".into(), IndicatorKind::Number);
        set_scale(&mut ind, |s| s.max = Some(Decimal::from(6)));
        assert_eq!(
            ind.scale.as_ref().and_then(|s| s.max),
            Some(Decimal::from(6))
        );
        set_scale(&mut ind, |s| s.max = None);
        assert_eq!(ind.scale, None);
        set_scale(&mut ind, |s| s.min = Some(Decimal::ONE));
        set_kind(&mut ind, IndicatorKind::Milestone);
        assert_eq!(ind.scale, None);
    }

    #[test]
    fn unique_ids_are_the_base_or_the_first_free_suffix() {
        let taken: BTreeSet<String> = ["a", "a-2", "b"].into_iter().map(String::from).collect();
        assert_eq!(unique_id("c", &taken), "c");
        assert_eq!(unique_id("a", &taken), "a-3");
        assert_eq!(unique_id("b", &taken), "b-2");
        assert_eq!(unique_id("  ", &taken), "id");
    }

    #[test]
    fn a_new_objective_has_a_fresh_readable_id_and_a_milestone() {
        let mut p = plan();
        let o = new_objective(&p, "persone", "Nuovo obiettivo");
        assert_eq!(o.id, "nuovo-obiettivo");
        assert_eq!(o.indicators[0].id, "nuovo-obiettivo-i1");
        assert_eq!(o.indicators[0].kind, IndicatorKind::Milestone);
        p.objectives.push(o);
        let second = new_objective(&p, "persone", "Altro");
        assert_eq!(second.id, "nuovo-obiettivo-2");
        assert_eq!(second.indicators[0].id, "nuovo-obiettivo-2-i1");
    }

    #[test]
    fn duplicates_get_new_ids_and_keep_the_plan_valid_apart_from_weights() {
        let mut p = plan();
        let copy = duplicate_objective(&p, 0).expect("objective 0");
        assert_eq!(copy.id, format!("{}-2", p.objectives[0].id));
        assert_eq!(
            copy.indicators[0].id,
            format!("{}-2-i1", p.objectives[0].id)
        );
        copy.assignments
            .iter()
            .for_each(|a| assert!(!a.weight.is_zero()));
        p.objectives.push(copy);
        let report = validate_plan(&p);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        // The copy doubles the weights of its areas, which the user must fix.
        assert!(!report.warnings.is_empty());
        let ind = duplicate_indicator(&p, 0, 0).expect("indicator");
        assert_eq!(ind.id, format!("{}-i1-2", p.objectives[0].id));
    }

    #[test]
    fn duplicated_labelled_indicators_get_the_next_letter() {
        let mut p = plan();
        p.objectives[0].indicators[0].label = Some("A".into());
        let ind = duplicate_indicator(&p, 0, 0).expect("indicator");
        assert_eq!(ind.label.as_deref(), Some("B"));
    }

    #[test]
    fn changing_kind_resets_the_levels_that_no_longer_fit() {
        let mut ind = new_indicator("x".into(), IndicatorKind::Milestone);
        assert_eq!(ind.target.value, LevelValue::Number(Decimal::from(3)));
        set_kind(&mut ind, IndicatorKind::Number);
        // Grades are numbers, and are kept as a starting point.
        assert_eq!(ind.target.value, LevelValue::Number(Decimal::from(3)));
        assert_eq!(ind.direction, Some(Direction::Higher));
        set_kind(&mut ind, IndicatorKind::Date);
        assert_eq!(ind.target.value, LevelValue::Empty);
        assert_eq!(ind.direction, None);
    }

    #[test]
    fn renaming_an_area_follows_it_into_weights_and_responsibles() {
        let mut p = plan();
        let before = area_usage(&p, "ARUO");
        assert!(before > 0);
        rename_area(&mut p, "ARUO", "AROU");
        assert_eq!(area_usage(&p, "ARUO"), 0);
        assert_eq!(area_usage(&p, "AROU"), before);
        assert!(p
            .objectives
            .iter()
            .all(|o| !o.responsible.iter().any(|r| r == "ARUO")));
        assert!(validate_plan(&p).is_valid());
    }

    #[test]
    fn deleting_an_area_removes_its_weights() {
        let mut p = plan();
        let index = p.areas.iter().position(|a| a.code == "ATE").expect("ATE");
        delete_area(&mut p, index);
        assert!(p.area("ATE").is_none());
        assert_eq!(area_usage(&p, "ATE"), 0);
        assert!(validate_plan(&p).is_valid());
        assert_eq!(new_area_code(&p), "NUOVA");
    }

    #[test]
    fn a_weight_sum_off_100_is_fixed_at_a_weight_of_the_open_objective_or_the_first() {
        let mut p = default_snapshot().plan;
        let (aruo_first, _) = p
            .objectives
            .iter()
            .enumerate()
            .find(|(_, o)| o.assignments.iter().any(|a| a.area == "ARUO"))
            .expect("ARUO objective");
        let (oi, ai) = p
            .objectives
            .iter()
            .enumerate()
            .rev()
            .find_map(|(oi, o)| {
                o.assignments
                    .iter()
                    .position(|a| a.area == "ARUO")
                    .map(|ai| (oi, ai))
            })
            .expect("ARUO weight");
        assert_eq!(area_sum_off(&p, "ARUO"), None);
        p.objectives[oi].assignments[ai].weight += Decimal::TEN;
        assert_eq!(area_sum_off(&p, "ARUO"), Some(Decimal::from(110)));
        assert_eq!(
            weight_field_of_area(&p, "ARUO", Some(oi)),
            Some(format!("plan.objectives[{oi}].assignments[{ai}].weight"))
        );
        // An open objective that does not weigh on ARUO: the first that does.
        let elsewhere = p
            .objectives
            .iter()
            .position(|o| o.assignments.iter().all(|a| a.area != "ARUO"))
            .expect("an objective without ARUO");
        let first = weight_field_of_area(&p, "ARUO", Some(elsewhere)).expect("field");
        assert!(
            first.starts_with(&format!("plan.objectives[{aruo_first}].assignments[")),
            "{first}"
        );
        assert_eq!(weight_field_of_area(&p, "NONE", None), None);
    }

    #[test]
    fn weight_sums_are_exact_and_flag_anything_but_100() {
        let mut p = plan();
        assert!(weight_sums(&p).iter().all(AreaSum::is_ok));
        let (oi, ai) = p
            .objectives
            .iter()
            .enumerate()
            .find_map(|(oi, o)| {
                o.assignments
                    .iter()
                    .position(|a| a.area == "AAF")
                    .map(|ai| (oi, ai))
            })
            .expect("an AAF weight");
        let w = p.objectives[oi].assignments[ai].weight;
        p.objectives[oi].assignments[ai].weight = w + d("0.5");
        let aaf = weight_sums(&p)
            .into_iter()
            .find(|s| s.code == "AAF")
            .expect("AAF");
        assert_eq!(aaf.sum, d("100.5"));
        assert!(!aaf.is_ok());
    }

    #[test]
    fn a_copy_for_next_year_keeps_every_definition_and_no_result_evidence_or_status() {
        let mut p = plan();
        p.monitoring_date = chrono::NaiveDate::from_ymd_opt(2023, 7, 15);
        p.objectives[0].indicators[0].evidence_required = true;
        let next = next_year_copy(&p);
        assert_eq!(
            next.self_assessment_deadline,
            chrono::NaiveDate::from_ymd_opt(2025, 1, 31),
            "the deadline moves with the year"
        );
        assert_eq!(
            next.monitoring_date,
            chrono::NaiveDate::from_ymd_opt(2024, 7, 15)
        );
        // Undo what the copy is meant to change: everything else (areas,
        // pillars, objectives with their levels, descriptions, units,
        // directions, scales, measurement, notes, evidence asked) is equal,
        // field by field, through the derived equality.
        let mut back = next.clone();
        back.year = p.year;
        back.id = p.id.clone();
        back.title = p.title.clone();
        back.source = p.source.clone();
        back.self_assessment_deadline = p.self_assessment_deadline;
        back.monitoring_date = p.monitoring_date;
        for (bo, po) in back.objectives.iter_mut().zip(&p.objectives) {
            for (bi, pi) in bo.indicators.iter_mut().zip(&po.indicators) {
                for (bl, pl) in [
                    (&mut bi.threshold, &pi.threshold),
                    (&mut bi.target, &pi.target),
                    (&mut bi.excellence, &pi.excellence),
                ] {
                    if let LevelValue::Date(_) = pl.value {
                        assert_ne!(bl.value, pl.value, "a date level moves");
                        bl.value = pl.value.clone();
                    }
                }
            }
        }
        assert_eq!(back, p);
        // The editor starts the new year with the copy alone: no result, no
        // evidence (it lives in the results), no status.
        let s = cruscotto_engine::Snapshot::new(next, cruscotto_engine::Progress::new(), None);
        assert!(s.results().is_empty());
        assert!(s.area_status.is_empty());
    }

    #[test]
    fn a_copy_of_a_revised_plan_is_the_plan_in_force_not_adopted_and_without_its_log() {
        let revised = crate::test_fixtures::revised_2023();
        let next = next_year_copy(&revised.plan);
        assert_eq!(next.adoption, None, "the new plan starts not adopted");
        assert!(next.revisions.is_empty() && next.unrecorded.is_empty());
        // Every objective as in force: the dropped one stays dropped, the
        // lowered target stays lowered.
        let ids = |p: &Plan| {
            p.objectives
                .iter()
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&next), ids(&revised.plan));
        let target = |p: &Plan| {
            p.objective("piano-manutenzioni")
                .map(|o| o.indicators[0].target.value.clone())
        };
        assert_eq!(target(&next), target(&revised.plan));
    }

    #[test]
    fn next_year_copy_moves_year_id_title_and_deadlines() {
        let p = plan();
        let next = next_year_copy(&p);
        assert_eq!(next.year, 2024);
        assert_eq!(next.id, "polimi-2024");
        assert!(next.title.contains("2024") && !next.title.contains("2023"));
        let (old, new) = p
            .indicators()
            .zip(next.indicators())
            .find(|((_, i), _)| i.kind == IndicatorKind::Date)
            .map(|((_, a), (_, b))| (a.target.value.as_date(), b.target.value.as_date()))
            .expect("a deadline");
        assert_eq!(old.map(|d| d.year() + 1), new.map(|d| d.year()));
        assert!(validate_plan(&next).is_valid());
        assert_eq!(
            shift_year(NaiveDate::from_ymd_opt(2024, 2, 29).expect("date")),
            NaiveDate::from_ymd_opt(2025, 2, 28).expect("date")
        );
        let mut odd = p.clone();
        odd.id = "piano".into();
        assert_eq!(next_year_copy(&odd).id, "piano-2024");
    }

    #[test]
    fn an_empty_plan_keeps_the_frame_only() {
        let p = plan();
        let e = empty_plan(&p, "Nuovo piano");
        assert!(e.objectives.is_empty());
        assert_eq!(e.areas, p.areas);
        assert!(validate_plan(&e).is_valid());
    }

    #[test]
    fn objectives_filter_by_pillar_area_and_words() {
        let p = plan();
        assert_eq!(filter_objectives(&p, "", "", "").len(), p.objectives.len());
        let aruo = filter_objectives(&p, "", "ARUO", "");
        assert_eq!(aruo.len(), area_usage(&p, "ARUO"));
        let persone = filter_objectives(&p, "persone", "", "");
        assert!(persone.iter().all(|i| p.objectives[*i].pillar == "persone"));
        let found = filter_objectives(&p, "", "", "PROGRAMMAZIONE personale");
        assert!(found.contains(&0));
        assert!(filter_objectives(&p, "", "", "nessuna-corrispondenza-xyz").is_empty());
    }

    #[test]
    fn paths_map_to_anchors_objectives_and_ancestors() {
        let path = "plan.objectives[3].assignments[0].weight";
        assert_eq!(
            field_anchor(path),
            "f-plan-objectives-3-assignments-0-weight"
        );
        assert_eq!(objective_index(path), Some(3));
        assert_eq!(objective_index("plan.areas[2]"), None);
        assert_eq!(
            path_ancestors(path),
            vec![
                path.to_string(),
                "plan.objectives[3].assignments[0]".into(),
                "plan.objectives[3].assignments".into(),
                "plan.objectives[3]".into(),
                "plan.objectives".into(),
                "plan".into(),
            ]
        );
        assert_eq!(
            parse_list(" ARUO, ASICT ;; RG POLI,"),
            vec!["ARUO", "ASICT", "RG POLI"]
        );
    }

    #[test]
    fn switching_to_per_area_copies_the_shared_result_to_each_area_and_back_keeps_the_chosen_one() {
        use cruscotto_engine::ProgressEntry;
        let mut plan = cruscotto_engine::default_snapshot().plan;
        let oi = plan
            .objectives
            .iter()
            .position(|o| o.id == "supporto-vqr")
            .expect("objective");
        let mut progress = Progress::new();
        let mut by_area = ProgressByArea::new();
        let three = ProgressEntry {
            level: Some(3),
            ..ProgressEntry::default()
        };
        progress.insert("supporto-vqr-i1".into(), three.clone());

        switch_to_per_area(&mut plan, &mut progress, &mut by_area, oi);
        assert!(plan.objectives[oi].is_per_area());
        assert!(progress.is_empty());
        assert_eq!(areas_with_results(&plan, &by_area, oi), ["ARES", "ARUO"]);
        assert_eq!(by_area["ARES"]["supporto-vqr-i1"], three);

        // ARUO's own result changes; going back keeps the chosen area's.
        let four = ProgressEntry {
            level: Some(4),
            ..ProgressEntry::default()
        };
        by_area
            .get_mut("ARUO")
            .expect("ARUO")
            .insert("supporto-vqr-i1".into(), four.clone());
        switch_to_shared(&mut plan, &mut progress, &mut by_area, oi, Some("ARUO"));
        assert!(!plan.objectives[oi].is_per_area());
        assert_eq!(progress["supporto-vqr-i1"], four);
        assert!(by_area.is_empty());
    }
}
