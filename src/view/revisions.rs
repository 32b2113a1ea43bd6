//! The plan's revisions ("rimodulazioni") as the registry, the editor and the
//! report show them: each objective's change in words, field by field
//! ("Target di nuove-aule-i1: 30/06/2023 → 15/07/2023", "Peso ARUO: 15 → 25"),
//! and each revision with its act, reason, day and the scores it moved.

use chrono::NaiveDate;
use cruscotto_engine::diff::diff_objective;
use cruscotto_engine::revision::{
    pending, pending_effect, revision_effects, AreaEffect, RevisionError,
};
use cruscotto_engine::{LevelValue, Objective, ObjectiveRevision, Plan, Results};
use rust_decimal::Decimal;

use crate::i18n::*;
use crate::view::format;

/// What happened to one objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One objective's change, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRow {
    pub objective: String,
    pub title: String,
    pub kind: ChangeKind,
    /// One sentence per field that changed.
    pub lines: Vec<String>,
}

/// One revision of the registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevisionRow {
    pub id: String,
    /// 1, 2, ...: its place in the log.
    pub number: usize,
    pub effective: NaiveDate,
    pub act: String,
    pub reason: String,
    pub recorded_at: Option<String>,
    pub recorded_by: Option<String>,
    pub changes: Vec<ChangeRow>,
    /// The areas it touches, each with its score before and after it, on
    /// today's results.
    pub effects: Vec<AreaEffect>,
}

fn level_value(v: &LevelValue, lang: Lang) -> String {
    match v {
        LevelValue::Empty => "—".into(),
        LevelValue::Number(d) => format::decimal(*d, lang, 4),
        LevelValue::Date(d) => format::date(*d, lang),
    }
}

fn weight(w: Option<Decimal>, lang: Lang) -> String {
    w.map_or_else(
        || "—".into(),
        |w| format!("{} %", format::decimal(w, lang, 2)),
    )
}

fn weights(o: &Objective, lang: Lang) -> String {
    o.assignments
        .iter()
        .map(|a| format!("{} {}", a.area, weight(Some(a.weight), lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn level_name(level: &str, lang: Lang) -> &'static str {
    let l = lang.locale();
    match level {
        "threshold" => td_string!(l, revisions.threshold),
        "target" => td_string!(l, revisions.target),
        _ => td_string!(l, revisions.excellence),
    }
}

/// The change of one objective, field by field.
pub fn change_row(change: &ObjectiveRevision, lang: Lang) -> ChangeRow {
    let l = lang.locale();
    let title = change
        .after
        .as_ref()
        .or(change.before.as_ref())
        .map(|o| o.title.clone())
        .unwrap_or_default();
    let (kind, lines) = match (&change.before, &change.after) {
        (None, Some(a)) => (
            ChangeKind::Added,
            vec![td_string!(l, revisions.added, weights = weights(a, lang)).to_string()],
        ),
        (Some(b), None) => (
            ChangeKind::Removed,
            vec![td_string!(l, revisions.removed, weights = weights(b, lang)).to_string()],
        ),
        (Some(b), Some(a)) => (ChangeKind::Changed, changed_lines(b, a, lang)),
        (None, None) => (ChangeKind::Changed, Vec::new()),
    };
    ChangeRow {
        objective: change.objective.clone(),
        title,
        kind,
        lines,
    }
}

fn changed_lines(b: &Objective, a: &Objective, lang: Lang) -> Vec<String> {
    let l = lang.locale();
    let Some(d) = diff_objective(b, a) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(c) = &d.title {
        out.push(
            td_string!(
                l,
                revisions.title_changed,
                before = &c.before,
                after = &c.after
            )
            .to_string(),
        );
    }
    for w in &d.weights {
        out.push(
            td_string!(
                l,
                revisions.weight_changed,
                area = &w.area,
                before = weight(w.before, lang),
                after = weight(w.after, lang)
            )
            .to_string(),
        );
    }
    for id in &d.indicators_added {
        out.push(td_string!(l, revisions.indicator_added, id).to_string());
    }
    for id in &d.indicators_removed {
        out.push(td_string!(l, revisions.indicator_removed, id).to_string());
    }
    for i in &d.indicators_changed {
        for lc in &i.levels {
            if lc.before.value != lc.after.value {
                out.push(
                    td_string!(
                        l,
                        revisions.level_changed,
                        level = level_name(&lc.level, lang),
                        id = &i.id,
                        before = level_value(&lc.before.value, lang),
                        after = level_value(&lc.after.value, lang)
                    )
                    .to_string(),
                );
            } else {
                out.push(
                    td_string!(
                        l,
                        revisions.level_text_changed,
                        level = level_name(&lc.level, lang),
                        id = &i.id
                    )
                    .to_string(),
                );
            }
        }
        let other: Vec<&str> = i
            .fields
            .iter()
            .map(String::as_str)
            .filter(|f| !matches!(*f, "threshold" | "target" | "excellence"))
            .collect();
        if !other.is_empty() {
            out.push(
                td_string!(
                    l,
                    revisions.indicator_fields_changed,
                    id = &i.id,
                    fields = other.join(", ")
                )
                .to_string(),
            );
        }
    }
    for f in d
        .fields
        .iter()
        .filter(|f| !matches!(f.as_str(), "title" | "assignments" | "indicators"))
    {
        out.push(td_string!(l, revisions.field_changed, field = f).to_string());
    }
    out
}

/// Every recorded revision, oldest first, with the scores it moved on
/// `results`.
pub fn registry(plan: &Plan, results: Results, lang: Lang) -> Vec<RevisionRow> {
    let effects = revision_effects(plan, results);
    plan.revisions
        .iter()
        .enumerate()
        .map(|(n, r)| RevisionRow {
            id: r.id.clone(),
            number: n + 1,
            effective: r.effective,
            act: r.act.clone(),
            reason: r.reason.clone(),
            recorded_at: r.recorded_at.clone(),
            recorded_by: r.recorded_by.clone(),
            changes: r.changes.iter().map(|c| change_row(c, lang)).collect(),
            effects: effects
                .iter()
                .find(|e| e.revision == r.id)
                .map(|e| e.areas.clone())
                .unwrap_or_default(),
        })
        .collect()
}

/// The changes not yet recorded, in words, and what recording them would
/// do to the scores of the areas they touch (the plan as last recorded
/// against the plan with them, on `results`): the what-if of a revision.
pub fn unrecorded(plan: &Plan, results: Results, lang: Lang) -> (Vec<ChangeRow>, Vec<AreaEffect>) {
    let rows = pending(plan).iter().map(|c| change_row(c, lang)).collect();
    let effects = pending_effect(plan, results)
        .map(|e| e.areas)
        .unwrap_or_default();
    (rows, effects)
}

/// The revisions that changed one objective, oldest first, one sentence
/// each: "Rimodulazione 2 · 25/07/2023 («Delibera CdA 25/07/2023»): Target
/// di piano-manutenzioni-i1: 90 → 85". What the objective's screen says, so
/// that a score earned against a changed bar says so where it is read.
pub fn objective_history(plan: &Plan, objective: &str, lang: Lang) -> Vec<String> {
    let l = lang.locale();
    plan.revisions
        .iter()
        .enumerate()
        .flat_map(|(n, r)| {
            r.changes
                .iter()
                .filter(move |c| c.objective == objective)
                .map(move |c| {
                    td_string!(
                        l,
                        revisions.objective_history,
                        number = n + 1,
                        date = format::date(r.effective, lang),
                        act = &r.act,
                        changes = change_row(c, lang).lines.join("; ")
                    )
                    .to_string()
                })
        })
        .collect()
}

/// Why a step of the log was refused, in the interface's language.
pub fn revision_error(e: &RevisionError, lang: Lang) -> String {
    let l = lang.locale();
    match e {
        RevisionError::NotAdopted => td_string!(l, revisions.error_not_adopted),
        RevisionError::AlreadyAdopted => td_string!(l, revisions.error_already_adopted),
        RevisionError::HasRevisions => td_string!(l, revisions.error_has_revisions),
        RevisionError::NothingToRecord => td_string!(l, revisions.error_nothing),
        RevisionError::EmptyField { field } => match field.as_str() {
            "reason" => td_string!(l, revisions.error_empty_reason),
            "effective" => td_string!(l, revisions.error_empty_effective),
            _ => td_string!(l, revisions.error_empty_act),
        },
        RevisionError::EffectiveBeforeAdoption => td_string!(l, revisions.error_effective_before),
    }
    .to_string()
}

/// Which field of the revision form a refusal belongs to (`None`: the form
/// as a whole), so the message is shown at that field.
pub fn error_field(e: &RevisionError) -> Option<&'static str> {
    match e {
        RevisionError::EmptyField { field } => Some(match field.as_str() {
            "reason" => "reason",
            "effective" => "effective",
            _ => "act",
        }),
        RevisionError::EffectiveBeforeAdoption => Some("effective"),
        _ => None,
    }
}

/// "2,80 → 4,00", or "—" for a side with no score.
pub fn effect_text(e: &AreaEffect, lang: Lang) -> String {
    format!(
        "{} {} → {}",
        e.area,
        format::level(e.before, lang),
        format::level(e.after, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::revised_2023;

    #[test]
    fn the_registry_of_the_revised_2023_plan_words_each_change_with_both_values() {
        let s = revised_2023();
        let rows = registry(&s.plan, s.results(), Lang::It);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].act, "Decreto DG n. 4512 del 20/06/2023");
        assert_eq!(
            rows[0].changes[0].lines,
            vec!["Target di nuove-aule-i1: 30/06/2023 → 15/07/2023".to_string()]
        );
        assert_eq!(
            rows[1].changes[0].lines,
            vec!["Target di piano-manutenzioni-i1: 90 → 85".to_string()]
        );
        let dropped = rows[2]
            .changes
            .iter()
            .find(|c| c.kind == ChangeKind::Removed)
            .expect("the dropped objective");
        assert_eq!(dropped.objective, "promozione-opportunita-professionali");
        assert_eq!(
            dropped.lines,
            vec!["Obiettivo rimosso (pesi: ARUO 10 %)".to_string()]
        );
        let raised = rows[2]
            .changes
            .iter()
            .find(|c| c.kind == ChangeKind::Changed)
            .expect("the weight given to another objective");
        assert_eq!(raised.lines, vec!["Peso ARUO: 15 % → 25 %".to_string()]);
        assert_eq!(
            effect_text(&rows[2].effects[0], Lang::It),
            "ARUO 2,80 → 4,00"
        );
    }

    #[test]
    fn an_objectives_history_lists_the_revisions_that_changed_it() {
        let s = revised_2023();
        assert_eq!(
            objective_history(&s.plan, "piano-manutenzioni", Lang::It),
            vec!["Rimodulazione 2 · 25/07/2023 («Delibera CdA 25/07/2023»): Target di piano-manutenzioni-i1: 90 → 85".to_string()]
        );
        assert!(objective_history(&s.plan, "sito-ateneo", Lang::It).is_empty());
    }

    #[test]
    fn the_unrecorded_changes_show_what_recording_them_would_do_to_the_scores() {
        let mut s = revised_2023();
        let before = s.plan.objectives.clone();
        if let Some(o) = s.plan.objectives.iter_mut().find(|o| o.id == "nuove-aule") {
            o.indicators[0].threshold.value =
                LevelValue::Date(NaiveDate::from_ymd_opt(2023, 8, 31).expect("a date"));
            o.indicators[0].target.value =
                LevelValue::Date(NaiveDate::from_ymd_opt(2023, 6, 30).expect("a date"));
        }
        cruscotto_engine::revision::track(&before, &mut s.plan);
        let (rows, effects) = unrecorded(&s.plan, s.results(), Lang::En);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0].lines,
            vec![
                "Threshold of nuove-aule-i1: 31 Jul 2023 → 31 Aug 2023".to_string(),
                "Target of nuove-aule-i1: 15 Jul 2023 → 30 Jun 2023".to_string()
            ]
        );
        assert_eq!(effect_text(&effects[0], Lang::En), "AAF 3.00 → 1.00");
    }
}
