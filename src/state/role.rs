//! Who is using Cruscotto on this device: the manager (dirigente) of one
//! area, or the planning office. Chosen once (never required: until then the
//! app behaves as for the office, every area and every input), remembered in
//! the settings, and used to sign every recorded entry (`updated_by`), to ask
//! before a manager changes a result that moves other areas' scores, and to
//! export a manager's own area only.
//!
//! Pure rules on engine types, tested natively.

use cruscotto_engine::{Objective, Plan, ResultKey};

/// The role chosen on this device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// The manager of `area`, with their name if given.
    Manager { area: String, name: Option<String> },
    /// The planning office (Servizio Pianificazione e Controllo).
    Office { name: Option<String> },
}

/// How the office signs an entry when no name is given; a proper name of the
/// office, the same in every interface language.
pub const OFFICE: &str = "Pianificazione";

impl Role {
    /// The author written in each entry this device records: the person and
    /// what they speak for ("Maria Rossi (ARUO)"), so the office's conflict
    /// list names someone instead of "unknown author".
    pub fn author(&self) -> String {
        let (name, role) = match self {
            Role::Manager { area, name } => (name, area.as_str()),
            Role::Office { name } => (name, OFFICE),
        };
        match name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            Some(n) => format!("{n} ({role})"),
            None => role.to_string(),
        }
    }

    /// The manager's area, if the role is a manager's.
    pub fn area(&self) -> Option<&str> {
        match self {
            Role::Manager { area, .. } => Some(area),
            Role::Office { .. } => None,
        }
    }
}

/// The areas whose scores a change of `key` moves, other than the manager's
/// own: empty when the result is the manager's to record. For a shared
/// result, every other area the objective weighs in (or all of them if the
/// objective does not weigh in the manager's area); for an area's own result,
/// that area unless it is the manager's.
pub fn others_moved(objective: &Objective, key: &ResultKey, own: &str) -> Vec<String> {
    match &key.area {
        Some(area) if area == own => Vec::new(),
        Some(area) => vec![area.clone()],
        None => {
            let areas: Vec<String> = objective.areas().map(str::to_string).collect();
            if areas.iter().any(|a| a == own) {
                Vec::new()
            } else {
                areas
            }
        }
    }
}

/// What a manager has to do in their area: the objectives weighted there,
/// how many are not assessed yet, and how many are below target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AreaTodo {
    pub objectives: usize,
    pub to_assess: Vec<String>,
    pub below_target: Vec<String>,
}

/// The manager's list for `area`, in plan order.
pub fn area_todo(plan: &Plan, card: &cruscotto_engine::Scorecard, area: &str) -> AreaTodo {
    let mut todo = AreaTodo::default();
    for (o, _) in plan.objectives_of_area(area) {
        todo.objectives += 1;
        match card.objective_in(&o.id, area) {
            None => todo.to_assess.push(o.id.clone()),
            Some(level) if level < cruscotto_engine::scoring::TARGET_LEVEL => {
                todo.below_target.push(o.id.clone())
            }
            Some(_) => {}
        }
    }
    todo
}

#[cfg(test)]
mod tests {
    use cruscotto_engine::{default_snapshot, ProgressEntry};

    use super::*;

    #[test]
    fn an_entry_is_signed_with_the_name_and_what_it_speaks_for() {
        let manager = Role::Manager {
            area: "ARUO".into(),
            name: Some(" Maria Rossi ".into()),
        };
        assert_eq!(manager.author(), "Maria Rossi (ARUO)");
        let nameless = Role::Manager {
            area: "ARUO".into(),
            name: Some("  ".into()),
        };
        assert_eq!(nameless.author(), "ARUO");
        assert_eq!(Role::Office { name: None }.author(), "Pianificazione");
        assert_eq!(
            Role::Office {
                name: Some("Luca Bianchi".into())
            }
            .author(),
            "Luca Bianchi (Pianificazione)"
        );
    }

    #[test]
    fn a_result_of_another_areas_objective_names_the_areas_whose_score_moves() {
        let plan = default_snapshot().plan;
        // AGIS's maintenance plan does not weigh in ARUO.
        let maintenance = plan.objective("piano-manutenzioni").expect("objective");
        let key = ResultKey::shared("piano-manutenzioni-i1");
        let moved = others_moved(maintenance, &key, "ARUO");
        assert!(!moved.is_empty());
        assert!(moved.iter().all(|a| a != "ARUO"));
        assert!(others_moved(maintenance, &key, &moved[0]).is_empty());
        // An area's own survey result: ARUO's is ARUO's, AAF's is AAF's.
        let survey = plan.objective("soddisfazione-docenti").expect("objective");
        let aruo = ResultKey::per_area("soddisfazione-docenti-i1", "ARUO");
        let aaf = ResultKey::per_area("soddisfazione-docenti-i1", "AAF");
        assert!(others_moved(survey, &aruo, "ARUO").is_empty());
        assert_eq!(others_moved(survey, &aaf, "ARUO"), vec!["AAF"]);
    }

    #[test]
    fn the_managers_list_counts_what_is_left_to_assess_and_below_target() {
        let mut s = default_snapshot();
        let all = area_todo(&s.plan, &s.score(), "ARUO");
        assert_eq!(all.objectives, 10);
        assert_eq!(all.to_assess.len(), 10);
        let first = s
            .plan
            .objectives_of_area("ARUO")
            .next()
            .map(|(o, _)| o.clone())
            .expect("an objective");
        let key = first.result_key(&first.indicators[0].id, Some("ARUO"));
        let entry = match first.indicators[0].kind {
            cruscotto_engine::IndicatorKind::Milestone => ProgressEntry {
                level: Some(1),
                ..ProgressEntry::default()
            },
            _ => ProgressEntry {
                level: Some(0),
                ..ProgressEntry::default()
            },
        };
        if first.indicators.len() == 1 {
            s.set_entry(&key, Some(entry));
            let todo = area_todo(&s.plan, &s.score(), "ARUO");
            assert_eq!(todo.to_assess.len(), 9);
            assert_eq!(todo.below_target, vec![first.id.clone()]);
        }
    }
}
