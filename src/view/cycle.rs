//! The yearly cycle laid out for the screens: an area's state as a word
//! key, the office's review form (one row per objective of the area, the
//! self-assessed level proposed as the validated one) and what it gives the
//! engine, and the campaign's counts.

use std::collections::BTreeMap;

use cruscotto_engine::cycle::CampaignRow;
use cruscotto_engine::diff::same_record;
use cruscotto_engine::{AreaStatus, ObjectiveReview, Plan, ReviewState, Scorecard, Snapshot};
use rust_decimal::Decimal;

/// A state's key: the CSS class, the `data-state` of the screens and the
/// locale key's suffix.
pub fn state_key(s: ReviewState) -> &'static str {
    match s {
        ReviewState::Draft => "draft",
        ReviewState::Submitted => "submitted",
        ReviewState::Returned => "returned",
        ReviewState::Validated => "validated",
    }
}

/// One objective of the office's review form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewRow {
    pub objective: String,
    pub title: String,
    pub weight: Decimal,
    /// The level the manager's results give (`None`: not assessed).
    pub own: Option<Decimal>,
    /// The level the office validates: the one it gave before, else the
    /// self-assessed one.
    pub validated: Option<Decimal>,
    pub reason: String,
    pub comment: String,
}

impl ReviewRow {
    /// The office changed the level.
    pub fn adjusted(&self) -> bool {
        self.own.is_some() && self.validated != self.own
    }
}

/// The review form of `area`: every objective weighted there, in plan
/// order, with what the office said before (`status`).
pub fn review_rows(
    plan: &Plan,
    card: &Scorecard,
    area: &str,
    status: Option<&AreaStatus>,
) -> Vec<ReviewRow> {
    plan.objectives_of_area(area)
        .map(|(o, weight)| {
            let own = card.objective_in(&o.id, area);
            let before = status.and_then(|s| s.objectives.get(&o.id));
            ReviewRow {
                objective: o.id.clone(),
                title: o.title.clone(),
                weight,
                own,
                validated: before.and_then(|r| r.level).or(own),
                reason: before.and_then(|r| r.reason.clone()).unwrap_or_default(),
                comment: before.and_then(|r| r.comment.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

fn text(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// What validating with `rows` records: a level for every assessed
/// objective, a reason where it differs, and any comment.
pub fn validation_reviews(rows: &[ReviewRow]) -> BTreeMap<String, ObjectiveReview> {
    rows.iter()
        .filter_map(|r| {
            let review = ObjectiveReview {
                level: r.validated.filter(|_| r.own.is_some()),
                reason: text(&r.reason).filter(|_| r.adjusted()),
                comment: text(&r.comment),
            };
            (review != ObjectiveReview::default()).then(|| (r.objective.clone(), review))
        })
        .collect()
}

/// What returning with `rows` records: the comments per objective.
pub fn return_comments(rows: &[ReviewRow]) -> BTreeMap<String, String> {
    rows.iter()
        .filter_map(|r| text(&r.comment).map(|c| (r.objective.clone(), c)))
        .collect()
}

/// The rows adjusted without a reason: validating asks for one.
pub fn adjusted_without_reason(rows: &[ReviewRow]) -> Vec<String> {
    rows.iter()
        .filter(|r| r.adjusted() && text(&r.reason).is_none())
        .map(|r| r.objective.clone())
        .collect()
}

/// How many of each area's results differ between `previous` (the state
/// before the last file was imported or consolidated) and `current`:
/// what the last files changed, area by area. Update times alone are not a
/// change. Areas of `current`'s plan only.
pub fn changed_since(previous: &Snapshot, current: &Snapshot) -> BTreeMap<String, usize> {
    current
        .plan
        .areas
        .iter()
        .map(|a| {
            let changed = cruscotto_engine::cycle::area_results(current, &a.code)
                .filter(|(key, now)| {
                    let before = previous.entry(key);
                    match (before, now) {
                        (None, None) => false,
                        (Some(b), Some(n)) => !same_record(b, n),
                        _ => true,
                    }
                })
                .count();
            (a.code.clone(), changed)
        })
        .collect()
}

/// The campaign's counts: submitted (or further), late, with a broken seal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CampaignCounts {
    pub areas: usize,
    pub submitted: usize,
    pub validated: usize,
    pub late: usize,
    pub broken: usize,
}

pub fn campaign_counts(rows: &[CampaignRow]) -> CampaignCounts {
    CampaignCounts {
        areas: rows.len(),
        submitted: rows
            .iter()
            .filter(|r| matches!(r.state, ReviewState::Submitted | ReviewState::Validated))
            .count(),
        validated: rows
            .iter()
            .filter(|r| r.state == ReviewState::Validated)
            .count(),
        late: rows.iter().filter(|r| r.late).count(),
        broken: rows.iter().filter(|r| r.seal.is_broken()).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cruscotto_engine::{default_snapshot, ResultKey};

    fn aruo() -> cruscotto_engine::Snapshot {
        let mut s = default_snapshot();
        for id in ["programmazione-pta-i1", "supporto-vqr-i1"] {
            s.set_entry(
                &ResultKey::shared(id),
                Some(cruscotto_engine::ProgressEntry {
                    level: Some(3),
                    ..Default::default()
                }),
            );
        }
        s
    }

    #[test]
    fn the_review_form_proposes_the_self_assessed_levels() {
        let s = aruo();
        let rows = review_rows(&s.plan, &s.score(), "ARUO", None);
        assert_eq!(rows.len(), s.plan.objectives_of_area("ARUO").count());
        let pta = rows
            .iter()
            .find(|r| r.objective == "programmazione-pta")
            .expect("row");
        assert_eq!(pta.own, Some(Decimal::from(3)));
        assert_eq!(pta.validated, pta.own);
        assert!(!pta.adjusted());
        let reviews = validation_reviews(&rows);
        assert_eq!(reviews.len(), 2, "a level for each assessed objective only");
        assert!(reviews.values().all(|r| r.reason.is_none()));
    }

    #[test]
    fn an_adjusted_level_needs_a_reason_and_validates_with_it() {
        let mut s = aruo();
        let mut rows = review_rows(&s.plan, &s.score(), "ARUO", None);
        let i = rows
            .iter()
            .position(|r| r.objective == "supporto-vqr")
            .expect("row");
        rows[i].validated = Some(Decimal::ONE);
        assert_eq!(adjusted_without_reason(&rows), vec!["supporto-vqr"]);
        rows[i].reason = " Verbale mancante ".into();
        assert!(adjusted_without_reason(&rows).is_empty());
        let reviews = validation_reviews(&rows);
        assert_eq!(
            reviews["supporto-vqr"].reason.as_deref(),
            Some("Verbale mancante")
        );
        cruscotto_engine::cycle::submit(&mut s, "ARUO", "2024-01-20T09:00:00Z", None)
            .expect("submits");
        cruscotto_engine::cycle::validate_area(
            &mut s,
            "ARUO",
            "2024-02-01T09:00:00Z",
            None,
            None,
            reviews,
        )
        .expect("the engine accepts what the form gives");
        // Opened again, the form shows what the office said.
        let again = review_rows(&s.plan, &s.score(), "ARUO", s.area_status.get("ARUO"));
        assert_eq!(again[i].validated, Some(Decimal::ONE));
        assert_eq!(again[i].reason, "Verbale mancante");
    }

    #[test]
    fn what_the_last_files_changed_is_counted_per_area_without_stamps() {
        let before = aruo();
        let mut after = before.clone();
        if let Some(e) = after.progress.get_mut("supporto-vqr-i1") {
            e.updated_at = Some("2024-02-01T00:00:00Z".into());
        }
        assert!(
            changed_since(&before, &after).values().all(|n| *n == 0),
            "a stamp alone"
        );
        after.set_entry(
            &ResultKey::shared("programmazione-pta-i1"),
            Some(cruscotto_engine::ProgressEntry {
                level: Some(1),
                ..Default::default()
            }),
        );
        after.set_entry(
            &ResultKey::per_area("soddisfazione-docenti-i1", "AAF"),
            Some(cruscotto_engine::ProgressEntry {
                value: Some(Decimal::from(4)),
                ..Default::default()
            }),
        );
        let changed = changed_since(&before, &after);
        assert_eq!(changed["ARUO"], 1);
        assert_eq!(changed["AAF"], 1);
        assert_eq!(changed["ASICT"], 0);
    }

    #[test]
    fn returning_keeps_only_the_comments_written() {
        let s = aruo();
        let mut rows = review_rows(&s.plan, &s.score(), "ARUO", None);
        rows[0].comment = "Allegare la delibera".into();
        rows[1].comment = "   ".into();
        let comments = return_comments(&rows);
        assert_eq!(comments.len(), 1);
        assert_eq!(comments[&rows[0].objective], "Allegare la delibera");
    }
}
