//! Consolidation in the app: the planning office imports several snapshots at
//! once (typically the area files, possibly in batches) into its own copy.
//!
//! Decisions, pinned by the tests below:
//! - The current state always takes part in the merge, as source 0: importing
//!   nine area files in three batches gives the same result as importing them
//!   at once, and nothing recorded locally is dropped silently (a newer local
//!   entry wins, an older one shows up as a conflict).
//! - Every file must hold the plan open in the app (same id, same content).
//!   Files of another plan are refused, each with how its plan differs from the
//!   current one; switching plan is the single-file import's job.
//! - One unreadable or invalid file blocks the whole batch: a consolidation
//!   that silently lacks an area would look complete. Every bad file is listed
//!   with its own errors, together with the plan mismatches of the others.
//!
//! The merge itself is the engine's (`cruscotto_engine::merge`); this module
//! only names the sources and describes the conflicts for the screen.

use std::collections::BTreeMap;

use crate::i18n::*;
use cruscotto_engine::diff::{diff_plans, PlanDiff};
use cruscotto_engine::merge::{is_earlier_state, merge, ChoiceError, Merged};
use cruscotto_engine::snapshot::{ImportError, Imported};
use cruscotto_engine::{Issue, Plan, ProgressEntry, ResultKey, Snapshot};

use crate::view::format;

/// Where a merged entry came from: index 0 of the merge is always the state
/// open in the app, then the files in the order they were given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Current,
    File(String),
}

/// What the consolidation screen shows of a file that was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFacts {
    pub name: String,
    pub progress_count: usize,
    pub exported_at: Option<String>,
    pub source_version: u32,
    pub warnings: Vec<Issue>,
    /// Each area the file records a status for: its state and what
    /// checking its seal found (a file changed after it was sealed says so).
    pub statuses: Vec<(
        String,
        cruscotto_engine::ReviewState,
        cruscotto_engine::cycle::SealCheck,
    )>,
}

/// A file that could not be read or is not a valid snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub file: String,
    pub error: ImportError,
}

/// A valid file whose plan is not the one open in the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanMismatch {
    pub file: String,
    pub plan_id: String,
    /// From the current plan to the file's plan; never empty.
    pub differences: PlanDiff,
}

/// One value the user can keep for a conflicting indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictOption {
    /// The merge indices of the sources holding this entry (never empty).
    pub sources: Vec<usize>,
    pub entry: ProgressEntry,
}

/// A conflict as the screen lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictView {
    pub indicator_id: String,
    /// The area whose own result conflicts, for a per-area objective.
    pub area: Option<String>,
    /// What the user's choices are keyed by: the indicator id, with the area
    /// for an area's result (two areas' conflicts on one indicator are two
    /// choices).
    pub choice_id: String,
    /// Empty when the indicator is not in the plan (cannot happen for valid
    /// snapshots, but the screen must not fail on it).
    pub objective_id: String,
    pub objective_title: String,
    /// The indicator's label ("A", "B") when its objective has several.
    pub indicator_label: Option<String>,
    /// The codes of the areas the objective is assigned to.
    pub areas: Vec<String>,
    /// The kept (newest) entry first, then the others in source order.
    pub options: Vec<ConflictOption>,
}

/// A batch that can be merged, waiting for the user's choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ready {
    /// Indexed like the merge: `sources[0]` is [`Source::Current`].
    pub sources: Vec<Source>,
    pub files: Vec<FileFacts>,
    pub merged: Merged,
    pub conflicts: Vec<ConflictView>,
    /// Files of the batch that are not merged, each with its reason: a bad
    /// file does not hold back the good ones, which stay ready.
    pub set_aside: SetAside,
}

/// The files of a batch that cannot be merged, each with why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetAside {
    pub failures: Vec<Failure>,
    pub mismatches: Vec<PlanMismatch>,
}

impl SetAside {
    pub fn is_empty(&self) -> bool {
        self.failures.is_empty() && self.mismatches.is_empty()
    }

    pub fn len(&self) -> usize {
        self.failures.len() + self.mismatches.len()
    }
}

/// The result of checking a batch of files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Consolidation {
    Ready(Box<Ready>),
    /// No file of the batch can be merged; every reason is listed.
    Blocked {
        failures: Vec<Failure>,
        mismatches: Vec<PlanMismatch>,
    },
}

/// Checks a batch of files (name and import result, in the order given) and
/// merges the progress of those that are valid snapshots of the current plan
/// into the current state; the others are set aside with their reasons.
pub fn consolidate(
    current: &Snapshot,
    files: Vec<(String, Result<Imported, ImportError>)>,
) -> Consolidation {
    let mut failures = Vec::new();
    let mut mismatches = Vec::new();
    let mut good = Vec::new();
    for (name, result) in files {
        match result {
            Err(error) => failures.push(Failure { file: name, error }),
            // A manager's file made before the office recorded its latest
            // revisions (or adopted the plan) merges into the plan in force.
            Ok(imported) if !is_earlier_state(&imported.snapshot.plan, &current.plan) => mismatches
                .push(PlanMismatch {
                    plan_id: imported.snapshot.plan.id.clone(),
                    differences: diff_plans(&current.plan, &imported.snapshot.plan),
                    file: name,
                }),
            Ok(imported) => good.push((name, imported)),
        }
    }
    if good.is_empty() {
        return Consolidation::Blocked {
            failures,
            mismatches,
        };
    }

    let mut snapshots = vec![current.clone()];
    snapshots.extend(good.iter().map(|(_, i)| i.snapshot.clone()));
    let merged = match merge(&snapshots) {
        Ok(m) => m,
        // Unreachable after the plan check above; refuse rather than guess.
        Err(_) => {
            return Consolidation::Blocked {
                failures,
                mismatches,
            }
        }
    };
    let conflicts = merged
        .conflicts
        .iter()
        .map(|c| {
            let (objective_id, objective_title, indicator_label, mut areas) =
                objective_of(&current.plan, &c.indicator_id);
            // An area's own result concerns that area only.
            if let Some(area) = &c.area {
                areas = vec![area.clone()];
            }
            let mut options = vec![ConflictOption {
                sources: c.chosen_from.clone(),
                entry: c.chosen.clone(),
            }];
            options.extend(c.others.iter().map(|(i, e)| ConflictOption {
                sources: vec![*i],
                entry: e.clone(),
            }));
            ConflictView {
                indicator_id: c.indicator_id.clone(),
                area: c.area.clone(),
                choice_id: crate::view::snapshot_diff::result_name(&c.key()),
                objective_id,
                objective_title,
                indicator_label,
                areas,
                options,
            }
        })
        .collect();
    let mut sources = vec![Source::Current];
    sources.extend(good.iter().map(|(name, _)| Source::File(name.clone())));
    let files = good
        .into_iter()
        .map(|(name, i)| FileFacts {
            statuses: i
                .snapshot
                .area_status
                .iter()
                .map(|(area, st)| {
                    (
                        area.clone(),
                        st.state,
                        cruscotto_engine::cycle::check_seal(&i.snapshot, area),
                    )
                })
                .collect(),
            name,
            progress_count: i.snapshot.results().len(),
            exported_at: i.snapshot.exported_at,
            source_version: i.source_version,
            warnings: i.report.warnings,
        })
        .collect();
    Consolidation::Ready(Box::new(Ready {
        sources,
        files,
        merged,
        conflicts,
        set_aside: SetAside {
            failures,
            mismatches,
        },
    }))
}

/// The objective an indicator belongs to: its id, its title, the indicator's
/// label when the objective has several indicators, and its areas.
fn objective_of(plan: &Plan, indicator_id: &str) -> (String, String, Option<String>, Vec<String>) {
    plan.objectives
        .iter()
        .find_map(|o| {
            let i = o.indicators.iter().find(|i| i.id == indicator_id)?;
            Some((
                o.id.clone(),
                o.title.clone(),
                i.label.clone().filter(|_| o.indicators.len() > 1),
                o.assignments.iter().map(|a| a.area.clone()).collect(),
            ))
        })
        .unwrap_or_default()
}

impl Ready {
    /// The snapshot to store, with the user's choices (indicator id → source
    /// index) applied over the newest-wins merge.
    ///
    /// Choices are keyed by [`ConflictView::choice_id`]; one naming no
    /// conflict is passed on as a shared result, which the engine refuses.
    pub fn resolve(&self, choices: &BTreeMap<String, usize>) -> Result<Snapshot, ChoiceError> {
        let keyed: BTreeMap<ResultKey, usize> = choices
            .iter()
            .map(|(choice, &i)| {
                let key = self
                    .conflicts
                    .iter()
                    .find(|c| &c.choice_id == choice)
                    .map_or_else(
                        || ResultKey::shared(choice.clone()),
                        |c| ResultKey {
                            indicator: c.indicator_id.clone(),
                            area: c.area.clone(),
                        },
                    );
                (key, i)
            })
            .collect();
        self.merged.with_result_choices(&keyed)
    }

    /// The option of a conflict currently selected: the chosen source's option,
    /// or the kept (first) one.
    pub fn selected(conflict: &ConflictView, choices: &BTreeMap<String, usize>) -> usize {
        choices
            .get(&conflict.choice_id)
            .and_then(|s| conflict.options.iter().position(|o| o.sources.contains(s)))
            .unwrap_or(0)
    }
}

/// An entry's recorded value for people: "level 3", "4,2", a date, or "not
/// assessed", with the note after a dash.
pub fn entry_value(entry: &ProgressEntry, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(l) = entry.level {
        parts.push(td_string!(lang.locale(), messages.entry_level, level = l).to_string());
    }
    if let Some(v) = entry.value {
        parts.push(format::decimal(v, lang, 6));
    }
    if let Some(d) = entry.done_on {
        parts.push(format::date(d, lang));
    }
    if parts.is_empty() {
        parts.push(td_string!(lang.locale(), messages.entry_not_assessed).to_string());
    }
    let mut text = parts.join(", ");
    if let Some(n) = entry.note.as_deref().filter(|n| !n.trim().is_empty()) {
        text.push_str(" — ");
        text.push_str(n);
    }
    text
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use cruscotto_engine::snapshot::import;
    use cruscotto_engine::{default_snapshot, Progress};
    use rust_decimal::Decimal;

    use super::*;

    fn entry(value: &str, at: &str, by: &str) -> ProgressEntry {
        ProgressEntry {
            value: Some(Decimal::from_str(value).expect("test decimal")),
            updated_at: Some(at.into()),
            updated_by: Some(by.into()),
            ..ProgressEntry::default()
        }
    }

    fn file(
        name: &str,
        entries: &[(&str, ProgressEntry)],
    ) -> (String, Result<Imported, ImportError>) {
        let mut s = default_snapshot();
        s.progress = entries
            .iter()
            .map(|(id, e)| (id.to_string(), e.clone()))
            .collect::<Progress>();
        (name.to_string(), import(s.to_json().as_bytes()))
    }

    fn ready(c: Consolidation) -> Ready {
        match c {
            Consolidation::Ready(r) => *r,
            other => panic!("expected a merge, got {other:?}"),
        }
    }

    /// A shared milestone weighed by ARES and ARUO.
    const VQR: &str = "supporto-vqr-i1";
    const RESIDENZE: &str = "soddisfazione-residenze-i1";
    /// A shared number weighed by AGIS.
    const MANUTENZIONI: &str = "piano-manutenzioni-i1";

    /// A milestone's entry: the level reached.
    fn level(level: u8, at: &str, by: &str) -> ProgressEntry {
        ProgressEntry {
            level: Some(level),
            updated_at: Some(at.into()),
            updated_by: Some(by.into()),
            ..ProgressEntry::default()
        }
    }

    #[test]
    fn files_of_different_indicators_combine_with_the_current_progress() {
        let mut current = default_snapshot();
        current.progress.insert(
            MANUTENZIONI.into(),
            entry("3", "2023-03-01T10:00:00Z", "ufficio"),
        );
        let r = ready(consolidate(
            &current,
            vec![
                file(
                    "ACL.json",
                    &[(RESIDENZE, entry("3.5", "2023-05-01T10:00:00Z", "acl"))],
                ),
                file(
                    "AAF.json",
                    &[(VQR, level(3, "2023-05-02T10:00:00Z", "aaf"))],
                ),
            ],
        ));
        assert!(r.conflicts.is_empty());
        let merged = r.resolve(&BTreeMap::new()).expect("no choices");
        let keys: Vec<&String> = merged.progress.keys().collect();
        let mut expected = vec![VQR, MANUTENZIONI, RESIDENZE];
        expected.sort_unstable();
        assert_eq!(keys, expected);
        assert_eq!(
            r.sources,
            vec![
                Source::Current,
                Source::File("ACL.json".into()),
                Source::File("AAF.json".into())
            ]
        );
        assert_eq!(r.files[0].name, "ACL.json");
        assert_eq!(r.files[1].progress_count, 1);
    }

    #[test]
    fn a_file_on_the_plan_before_its_revisions_consolidates_into_the_revised_plan() {
        let current = crate::test_fixtures::revised_2023();
        let r = ready(consolidate(
            &current,
            vec![file(
                "ACL.json",
                &[(RESIDENZE, entry("3.5", "2023-05-01T10:00:00Z", "acl"))],
            )],
        ));
        let merged = r.resolve(&BTreeMap::new()).expect("no choices");
        assert_eq!(merged.plan, current.plan, "the revised plan stays");
        assert!(merged.progress.contains_key(RESIDENZE));
        assert!(merged
            .progress
            .contains_key("promozione-opportunita-professionali-i1"));
    }

    /// A file holding areas' own results of the per-area docenti survey.
    fn area_file(
        name: &str,
        entries: &[(&str, ProgressEntry)],
    ) -> (String, Result<Imported, ImportError>) {
        let mut s = default_snapshot();
        for (area, e) in entries {
            s.progress_by_area
                .entry(area.to_string())
                .or_default()
                .insert(DOCENTI.to_string(), e.clone());
        }
        (name.to_string(), import(s.to_json().as_bytes()))
    }

    const DOCENTI: &str = "soddisfazione-docenti-i1";

    #[test]
    fn two_areas_conflicting_on_one_indicator_are_two_choices_each_for_its_area() {
        let old = entry("3.9", "2023-05-01T10:00:00Z", "rossi");
        let new = entry("4.6", "2023-06-01T10:00:00Z", "bianchi");
        let r = ready(consolidate(
            &default_snapshot(),
            vec![
                area_file(
                    "vecchio.json",
                    &[("ARUO", old.clone()), ("AAF", old.clone())],
                ),
                area_file("nuovo.json", &[("ARUO", new.clone()), ("AAF", new.clone())]),
            ],
        ));
        let ids: Vec<&str> = r.conflicts.iter().map(|c| c.choice_id.as_str()).collect();
        assert_eq!(
            ids,
            [format!("{DOCENTI} · AAF"), format!("{DOCENTI} · ARUO")]
        );
        let aruo = r
            .conflicts
            .iter()
            .find(|c| c.area.as_deref() == Some("ARUO"))
            .expect("ARUO");
        assert_eq!(aruo.areas, ["ARUO"]);
        // Keeping ARUO's older value leaves AAF with the newer one.
        let choices = BTreeMap::from([(aruo.choice_id.clone(), 1)]);
        assert_eq!(Ready::selected(aruo, &choices), 1);
        let s = r.resolve(&choices).expect("resolved");
        assert_eq!(s.progress_by_area["ARUO"][DOCENTI].value, old.value);
        assert_eq!(s.progress_by_area["AAF"][DOCENTI].value, new.value);
    }

    #[test]
    fn a_disagreement_lists_objective_areas_and_both_values_newest_first() {
        let old = level(1, "2023-05-01T10:00:00Z", "rossi");
        let new = level(3, "2023-06-01T10:00:00Z", "bianchi");
        let r = ready(consolidate(
            &default_snapshot(),
            vec![
                file("vecchio.json", &[(VQR, old.clone())]),
                file("nuovo.json", &[(VQR, new.clone())]),
            ],
        ));
        assert_eq!(r.conflicts.len(), 1);
        let c = &r.conflicts[0];
        assert_eq!(c.indicator_id, VQR);
        assert_eq!(c.objective_id, "supporto-vqr");
        assert!(!c.objective_title.is_empty());
        assert!(c.areas.contains(&"ARUO".to_string()), "{:?}", c.areas);
        assert_eq!(
            c.options,
            vec![
                ConflictOption {
                    sources: vec![2],
                    entry: new.clone()
                },
                ConflictOption {
                    sources: vec![1],
                    entry: old.clone()
                },
            ]
        );
        // The newer wins unless the user picks the other file.
        let kept = r.resolve(&BTreeMap::new()).expect("default").progress[VQR].clone();
        assert_eq!(current_state(&kept), current_state(&new));
        // The engine's merge keeps the value it replaced in the winner's history.
        assert!(
            kept.history.iter().any(|p| p.value == old.value),
            "{kept:?}"
        );
        let picked = BTreeMap::from([(VQR.to_string(), 1)]);
        assert_eq!(Ready::selected(c, &picked), 1);
        assert_eq!(Ready::selected(c, &BTreeMap::new()), 0);
        let chosen = r.resolve(&picked).expect("picked").progress[VQR].clone();
        assert_eq!(current_state(&chosen), current_state(&old));
    }

    #[test]
    fn the_current_state_takes_part_and_a_newer_local_entry_wins() {
        let mut current = default_snapshot();
        let local = level(3, "2023-07-01T10:00:00Z", "ufficio");
        current.progress.insert(VQR.into(), local.clone());
        let r = ready(consolidate(
            &current,
            vec![file(
                "ACL.json",
                &[(VQR, level(1, "2023-05-01T10:00:00Z", "acl"))],
            )],
        ));
        let c = &r.conflicts[0];
        assert_eq!(c.options[0].sources, vec![0]);
        assert_eq!(r.sources[c.options[0].sources[0]], Source::Current);
        let kept = r.resolve(&BTreeMap::new()).expect("default").progress[VQR].clone();
        assert_eq!(current_state(&kept), current_state(&local));
    }

    /// An entry without its history: what the indicator holds now.
    fn current_state(e: &ProgressEntry) -> ProgressEntry {
        ProgressEntry {
            history: Vec::new(),
            ..e.clone()
        }
    }

    #[test]
    fn files_of_another_plan_are_refused_each_with_its_differences() {
        let mut other = default_snapshot();
        other.plan.year = 2024;
        other.plan.id = "polimi-2024".into();
        let same = file("ACL.json", &[]);
        let r = consolidate(
            &default_snapshot(),
            vec![
                same,
                ("2024.json".into(), import(other.to_json().as_bytes())),
            ],
        );
        let Consolidation::Ready(ready) = r else {
            panic!("the file of this plan stays ready");
        };
        let SetAside {
            failures,
            mismatches,
        } = ready.set_aside;
        assert_eq!(ready.files.len(), 1);
        assert!(failures.is_empty());
        assert_eq!(mismatches.len(), 1);
        assert_eq!(mismatches[0].file, "2024.json");
        assert_eq!(mismatches[0].plan_id, "polimi-2024");
        assert!(mismatches[0]
            .differences
            .fields
            .contains(&"year".to_string()));
        assert!(!crate::view::messages::plan_diff(&mismatches[0].differences, Lang::It).is_empty());
    }

    #[test]
    fn bad_files_are_set_aside_each_with_its_problem_and_the_good_ones_stay_ready() {
        let mut other = default_snapshot();
        other.plan.title.push_str(" (bis)");
        let r = consolidate(
            &default_snapshot(),
            vec![
                file(
                    "ACL.json",
                    &[(VQR, level(1, "2023-05-01T10:00:00Z", "acl"))],
                ),
                ("rotto.json".into(), import(b"{ not json")),
                ("vuoto.json".into(), import(b"")),
                ("bis.json".into(), import(other.to_json().as_bytes())),
            ],
        );
        let Consolidation::Ready(ready) = r else {
            panic!("the good file must stay ready");
        };
        let files: Vec<&str> = ready.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(files, vec!["ACL.json"]);
        assert_eq!(ready.set_aside.len(), 3);
        let SetAside {
            failures,
            mismatches,
        } = ready.set_aside;
        let names: Vec<&str> = failures.iter().map(|f| f.file.as_str()).collect();
        assert_eq!(names, vec!["rotto.json", "vuoto.json"]);
        assert!(matches!(failures[0].error, ImportError::Syntax { .. }));
        assert_eq!(mismatches.len(), 1);
        assert_eq!(mismatches[0].file, "bis.json");
        // Only bad files: nothing to merge, every reason listed.
        let only_bad = consolidate(
            &default_snapshot(),
            vec![("rotto.json".into(), import(b"{ not json"))],
        );
        assert!(
            matches!(only_bad, Consolidation::Blocked { ref failures, .. } if failures.len() == 1)
        );
    }

    #[test]
    fn entry_values_read_in_the_users_language() {
        let e = ProgressEntry {
            value: Some(Decimal::from_str("4.25").expect("decimal")),
            note: Some("stima".into()),
            ..ProgressEntry::default()
        };
        assert_eq!(entry_value(&e, Lang::It), "4,25 — stima");
        assert_eq!(entry_value(&e, Lang::En), "4.25 — stima");
        assert_eq!(
            entry_value(&ProgressEntry::default(), Lang::En),
            "not assessed"
        );
        let l = ProgressEntry {
            level: Some(3),
            ..ProgressEntry::default()
        };
        assert_eq!(entry_value(&l, Lang::It), "livello 3");
    }
}
