//! Several tabs on one browser's storage: what this tab adopts when another tab
//! saved a new state.
//!
//! A three-way reconciliation between `base` (the stored state this tab last
//! wrote or adopted), `local` (what this tab holds now) and `incoming` (what is
//! stored now). Plain functions, so the rules are tested natively:
//!
//! - the plan: whichever side changed it since `base` wins; when both changed it
//!   differently nothing is adopted and the user chooses ([`Outcome::PlanConflict`]);
//! - the progress, per result (an indicator's, and an area's of a per-area
//!   objective: a [`ResultKey`]): a side that did not touch it since `base`
//!   takes the other side's entry (also an older one, after an import or a
//!   restore, and also none, when it was cleared); where both changed it, per
//!   [`Field`] (the measurement, the note): a field changed on one side only
//!   takes that side's, so a value typed in one tab and a note in the other are
//!   both kept; a field both changed takes the newer entry's (the engine's merge
//!   decides: the newer `updated_at` wins);
//! - local work the merge drops (a field changed here since `base` for which
//!   the other tab's newer entry won) is reported as [`LostEdit`], so the banner
//!   can say so and offer to put back this tab's fields.

use std::collections::BTreeSet;

use cruscotto_engine::cycle::newer_status;
use cruscotto_engine::merge::merge;
use cruscotto_engine::{
    set_entry, AreaStatuses, Plan, Progress, ProgressByArea, ProgressEntry, ResultKey, Results,
    Snapshot,
};

/// The parts of a progress entry two tabs may change independently, and so
/// are reconciled one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The level, the value and the date together: recording one clears the
    /// others (a value clears the level, "missed" clears the date), so they
    /// are never taken from different tabs.
    Measurement,
    Note,
}

impl Field {
    pub const ALL: [Field; 2] = [Field::Measurement, Field::Note];

    /// Whether `a` and `b` hold the same for this field.
    pub fn same(self, a: &ProgressEntry, b: &ProgressEntry) -> bool {
        match self {
            Field::Measurement => a.same_measurement(b),
            Field::Note => a.note == b.note,
        }
    }

    /// Copies this field of `from` into `to`.
    pub fn copy(self, from: &ProgressEntry, to: &mut ProgressEntry) {
        match self {
            Field::Measurement => {
                to.level = from.level;
                to.value = from.value;
                to.done_on = from.done_on;
            }
            Field::Note => to.note = from.note.clone(),
        }
    }
}

/// An indicator's result this tab changed since its last save whose change
/// lost to a newer one from another tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LostEdit {
    pub indicator_id: String,
    /// The area, for a per-area objective's result.
    pub area: Option<String>,
    /// This tab's entry (`None`: this tab had cleared it).
    pub local: Option<ProgressEntry>,
    /// The entry adopted from the other tab (`None`: the other tab cleared it).
    pub adopted: Option<ProgressEntry>,
    /// The fields of `local` that lost (every field when one side cleared
    /// the entry): what "keep mine" puts back, leaving the other tab's
    /// changes of the other fields in place.
    pub fields: Vec<Field>,
}

/// The state to adopt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reconciled {
    /// The plan another tab changed, to adopt; `None` keeps this tab's plan.
    pub plan: Option<Plan>,
    pub progress: Progress,
    pub progress_by_area: ProgressByArea,
    pub lost: Vec<LostEdit>,
}

/// What to do with a state another tab stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Boxed: it holds a whole plan, and the enum is returned by value.
    Adopt(Box<Reconciled>),
    /// Both tabs changed the plan, differently: nothing is merged.
    PlanConflict,
}

/// Every area's status in either tab, the one with the latest transition
/// where both have one.
pub fn newer_statuses(local: &AreaStatuses, incoming: &AreaStatuses) -> AreaStatuses {
    let mut out = local.clone();
    for (area, theirs) in incoming {
        let kept = match out.get(area) {
            Some(mine) => newer_status(mine, theirs).clone(),
            None => theirs.clone(),
        };
        out.insert(area.clone(), kept);
    }
    out
}

/// Reconciles `local` with `incoming`, given the `base` both started from.
/// `base` is `None` when nothing was stored when this tab last looked: then this
/// tab's plan counts as unchanged and its progress as all new.
pub fn reconcile(
    base: Option<&Snapshot>,
    local_plan: &Plan,
    local: Results,
    incoming: &Snapshot,
) -> Outcome {
    let (empty, empty_by_area) = (Progress::new(), ProgressByArea::new());
    let (base_plan, base_results) = match base {
        Some(b) => (&b.plan, b.results()),
        None => (local_plan, Results::new(&empty, &empty_by_area)),
    };
    let there_results = incoming.results();

    let (plan, adopt_plan) = if incoming.plan == *local_plan {
        (local_plan, false)
    } else if local_plan == base_plan {
        (&incoming.plan, true)
    } else if incoming.plan == *base_plan {
        (local_plan, false)
    } else {
        return Outcome::PlanConflict;
    };

    // The engine merges snapshots of one plan; both sides get the chosen plan,
    // which the merge only compares. Its newer-wins choice decides the
    // results both tabs changed.
    let merged = match merge(&[
        Snapshot::with_results(
            plan.clone(),
            local.shared.clone(),
            local.by_area.clone(),
            None,
        ),
        Snapshot::with_results(
            plan.clone(),
            incoming.progress.clone(),
            incoming.progress_by_area.clone(),
            None,
        ),
    ]) {
        Ok(m) => m.snapshot,
        // Unreachable with one plan on both sides; the other tab's progress
        // is then the choice that loses the least.
        Err(_) => incoming.clone(),
    };

    // Three-way, per result: a side that did not change it since `base`
    // takes the other side's entry, even an older one (an import, a restore),
    // except that an entry the other side lacks is kept (see below); only where
    // both changed it does the newer one win.
    let keys: BTreeSet<ResultKey> = base_results
        .iter()
        .chain(local.iter())
        .chain(there_results.iter())
        .map(|(k, _)| k)
        .collect();
    let (mut progress, mut progress_by_area) = (Progress::new(), ProgressByArea::new());
    let blank = ProgressEntry::default();
    for key in &keys {
        let was = base_results.get(key);
        let here = local.get(key);
        let there = there_results.get(key);
        let chosen = if here == was {
            // The other tab's state lacks an entry this tab has: it may have
            // cleared it, or never seen it, when two saves cross (local storage
            // has no lock across tabs, so each can pass its check and the later
            // write hides the earlier). Keeping it never loses work; the price
            // is that an entry cleared in another tab can come back.
            if there.is_none() {
                here.cloned()
            } else {
                there.cloned()
            }
        } else if there == was {
            here.cloned()
        } else {
            match (here, there) {
                (None, changed) | (changed, None) => changed.cloned(),
                (Some(here), Some(there)) => merged
                    .entry(key)
                    .map(|newer| by_field(was.unwrap_or(&blank), here, there, newer)),
            }
        };
        if let Some(entry) = chosen {
            set_entry(&mut progress, &mut progress_by_area, key, Some(entry));
        }
    }
    let result = Results::new(&progress, &progress_by_area);

    let mut lost = Vec::new();
    let keys: BTreeSet<ResultKey> = local
        .iter()
        .chain(base_results.iter())
        .map(|(k, _)| k)
        .collect();
    for key in keys {
        let was = base_results.get(&key);
        let here = local.get(&key);
        if here == was {
            continue;
        }
        let adopted = result.get(&key);
        let fields = match (here, adopted) {
            (None, None) => Vec::new(),
            (None, Some(_)) | (Some(_), None) => Field::ALL.to_vec(),
            // The fields this tab changed that the adopted entry does not hold.
            (Some(h), Some(a)) => Field::ALL
                .into_iter()
                .filter(|f| !f.same(h, was.unwrap_or(&blank)) && !f.same(h, a))
                .collect(),
        };
        if !fields.is_empty() {
            lost.push(LostEdit {
                indicator_id: key.indicator,
                area: key.area,
                local: here.cloned(),
                adopted: adopted.cloned(),
                fields,
            });
        }
    }

    Outcome::Adopt(Box::new(Reconciled {
        plan: adopt_plan.then(|| plan.clone()),
        progress,
        progress_by_area,
        lost,
    }))
}

/// One result both tabs changed since `was`: each [`Field`] changed on one
/// side only takes that side's; a field both changed takes the newer entry's.
/// `newer` is the engine merge's winner, whose stamps and combined history
/// (the losing measurement included) the result keeps.
fn by_field(
    was: &ProgressEntry,
    here: &ProgressEntry,
    there: &ProgressEntry,
    newer: &ProgressEntry,
) -> ProgressEntry {
    let mut out = newer.clone();
    for field in Field::ALL {
        let from = if field.same(here, was) {
            there
        } else if field.same(there, was) {
            here
        } else {
            newer
        };
        field.copy(from, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use cruscotto_engine::default_snapshot;

    /// [`super::reconcile`] of this tab's shared progress alone.
    fn reconcile(
        base: Option<&Snapshot>,
        local_plan: &Plan,
        local: &Progress,
        incoming: &Snapshot,
    ) -> Outcome {
        super::reconcile(base, local_plan, Results::shared_only(local), incoming)
    }

    fn by_area(entries: &[(&str, &str, ProgressEntry)]) -> ProgressByArea {
        let mut out = ProgressByArea::new();
        for (area, id, e) in entries {
            set_entry(
                &mut Progress::new(),
                &mut out,
                &ResultKey::per_area(*id, *area),
                Some(e.clone()),
            );
        }
        out
    }

    const DOCENTI: &str = "soddisfazione-docenti-i1";

    #[test]
    fn another_tabs_per_area_entry_is_kept_next_to_this_tabs_own() {
        let base = snap(Progress::new());
        let local_by_area = by_area(&[("ACL", DOCENTI, entry(1, T1))]);
        let mut incoming = snap(Progress::new());
        incoming.progress_by_area = by_area(&[("ARUO", DOCENTI, entry(2, T2))]);
        let local = Progress::new();
        let r = adopted(super::reconcile(
            Some(&base),
            &base.plan,
            Results::new(&local, &local_by_area),
            &incoming,
        ));
        assert!(r.progress.is_empty());
        assert_eq!(
            r.progress_by_area,
            by_area(&[
                ("ACL", DOCENTI, entry(1, T1)),
                ("ARUO", DOCENTI, entry(2, T2))
            ])
        );
        assert!(r.lost.is_empty());
    }

    #[test]
    fn per_area_entries_of_one_indicator_are_reconciled_area_by_area() {
        // Both tabs changed ARUO's result (the other tab's is newer) and only
        // this tab changed ACL's: ACL keeps this tab's, ARUO takes the newer,
        // and the lost edit names its area.
        let mut base = snap(Progress::new());
        base.progress_by_area = by_area(&[("ARUO", DOCENTI, entry(0, T1))]);
        let local_by_area = by_area(&[
            ("ACL", DOCENTI, entry(1, T1)),
            ("ARUO", DOCENTI, entry(1, T1)),
        ]);
        let mut incoming = snap(Progress::new());
        incoming.progress_by_area = by_area(&[("ARUO", DOCENTI, entry(3, T2))]);
        let local = Progress::new();
        let r = without_history(adopted(super::reconcile(
            Some(&base),
            &base.plan,
            Results::new(&local, &local_by_area),
            &incoming,
        )));
        assert_eq!(
            r.progress_by_area,
            by_area(&[
                ("ACL", DOCENTI, entry(1, T1)),
                ("ARUO", DOCENTI, entry(3, T2))
            ])
        );
        assert_eq!(
            r.lost,
            vec![LostEdit {
                indicator_id: DOCENTI.into(),
                area: Some("ARUO".into()),
                local: Some(entry(1, T1)),
                adopted: Some(entry(3, T2)),
                fields: vec![Field::Measurement],
            }]
        );
    }

    fn entry(level: u8, at: &str) -> ProgressEntry {
        ProgressEntry {
            level: Some(level),
            updated_at: Some(at.into()),
            ..ProgressEntry::default()
        }
    }

    fn progress(entries: &[(&str, ProgressEntry)]) -> Progress {
        entries
            .iter()
            .map(|(id, e)| (id.to_string(), e.clone()))
            .collect()
    }

    fn snap(progress: Progress) -> Snapshot {
        let mut s = default_snapshot();
        s.progress = progress;
        s
    }

    fn adopted(outcome: Outcome) -> Reconciled {
        match outcome {
            Outcome::Adopt(r) => *r,
            Outcome::PlanConflict => panic!("unexpected plan conflict"),
        }
    }

    const T1: &str = "2026-11-25T10:00:00Z";
    const T2: &str = "2026-11-25T10:00:01Z";
    const T3: &str = "2026-11-25T10:00:02Z";

    /// The outcome with the entries' histories left out: where both tabs changed
    /// an entry, the engine's merge also files the replaced value in the
    /// winner's history, which these tests do not look at.
    fn without_history(mut r: Reconciled) -> Reconciled {
        let strip = |e: &mut ProgressEntry| e.history.clear();
        r.progress.values_mut().for_each(strip);
        r.progress_by_area
            .values_mut()
            .flat_map(|p| p.values_mut())
            .for_each(strip);
        for l in &mut r.lost {
            l.local.iter_mut().for_each(strip);
            l.adopted.iter_mut().for_each(strip);
        }
        r
    }

    /// `e` with a note.
    fn noted(mut e: ProgressEntry, note: &str) -> ProgressEntry {
        e.note = Some(note.into());
        e
    }

    #[test]
    fn a_value_in_one_tab_and_a_note_in_the_other_are_both_kept() {
        // Issue #16: one indicator, the value typed here, a note there.
        let base = snap(progress(&[("a", entry(1, T1))]));
        let local = progress(&[("a", entry(3, T2))]);
        let incoming = snap(progress(&[("a", noted(entry(1, T3), "verificato"))]));
        let r = without_history(adopted(reconcile(
            Some(&base),
            &base.plan,
            &local,
            &incoming,
        )));
        // The other tab's edit is the newer: its stamps, this tab's value.
        assert_eq!(
            r.progress,
            progress(&[("a", noted(entry(3, T3), "verificato"))])
        );
        assert!(r.lost.is_empty(), "{:?}", r.lost);

        // And the other way round: the newer edit is this tab's value.
        let local = progress(&[("a", entry(3, T3))]);
        let incoming = snap(progress(&[("a", noted(entry(1, T2), "verificato"))]));
        let r = without_history(adopted(reconcile(
            Some(&base),
            &base.plan,
            &local,
            &incoming,
        )));
        assert_eq!(
            r.progress,
            progress(&[("a", noted(entry(3, T3), "verificato"))])
        );
        assert!(r.lost.is_empty(), "{:?}", r.lost);
    }

    #[test]
    fn a_value_and_a_note_both_new_in_two_tabs_are_both_kept() {
        // Nothing stored for "a" before: each tab created the entry.
        let base = snap(Progress::new());
        let local = progress(&[(
            "a",
            noted(
                ProgressEntry {
                    updated_at: Some(T1.into()),
                    ..ProgressEntry::default()
                },
                "da rivedere",
            ),
        )]);
        let incoming = snap(progress(&[("a", entry(2, T2))]));
        let r = without_history(adopted(reconcile(
            Some(&base),
            &base.plan,
            &local,
            &incoming,
        )));
        assert_eq!(
            r.progress,
            progress(&[("a", noted(entry(2, T2), "da rivedere"))])
        );
        assert!(r.lost.is_empty());
    }

    #[test]
    fn one_field_changed_in_both_tabs_goes_to_the_newer_and_only_it_is_reported() {
        // Both changed the value (the other tab later); only this tab changed
        // the note: the value is the other tab's, the note this tab's, and the
        // lost edit names the value alone.
        let base = snap(progress(&[("a", entry(1, T1))]));
        let local = progress(&[("a", noted(entry(2, T2), "mia"))]);
        let incoming = snap(progress(&[("a", entry(3, T3))]));
        let r = without_history(adopted(reconcile(
            Some(&base),
            &base.plan,
            &local,
            &incoming,
        )));
        assert_eq!(r.progress, progress(&[("a", noted(entry(3, T3), "mia"))]));
        assert_eq!(
            r.lost,
            vec![LostEdit {
                indicator_id: "a".into(),
                area: None,
                local: Some(noted(entry(2, T2), "mia")),
                adopted: Some(noted(entry(3, T3), "mia")),
                fields: vec![Field::Measurement],
            }]
        );
    }

    #[test]
    fn a_note_changed_in_both_tabs_goes_to_the_newer_and_the_older_is_reported() {
        let base = snap(progress(&[("a", entry(1, T1))]));
        let local = progress(&[("a", noted(entry(1, T2), "prima"))]);
        let incoming = snap(progress(&[("a", noted(entry(1, T3), "dopo"))]));
        let r = without_history(adopted(reconcile(
            Some(&base),
            &base.plan,
            &local,
            &incoming,
        )));
        assert_eq!(r.progress, progress(&[("a", noted(entry(1, T3), "dopo"))]));
        assert_eq!(r.lost.len(), 1);
        assert_eq!(r.lost[0].fields, vec![Field::Note]);
        assert_eq!(
            r.lost[0].local.as_ref().and_then(|e| e.note.as_deref()),
            Some("prima")
        );
    }

    #[test]
    fn the_losing_value_stays_in_the_history() {
        let base = snap(progress(&[("a", entry(1, T1))]));
        let local = progress(&[("a", entry(2, T2))]);
        let incoming = snap(progress(&[("a", entry(3, T3))]));
        let r = adopted(reconcile(Some(&base), &base.plan, &local, &incoming));
        let history = &r.progress["a"].history;
        assert!(history.iter().any(|p| p.level == Some(2)), "{history:?}");
    }

    #[test]
    fn edits_of_different_indicators_in_two_tabs_are_both_kept() {
        let base = snap(Progress::new());
        let local = progress(&[("a", entry(1, T1))]);
        let incoming = snap(progress(&[("b", entry(2, T2))]));
        let r = adopted(reconcile(Some(&base), &base.plan, &local, &incoming));
        assert_eq!(
            r.progress,
            progress(&[("a", entry(1, T1)), ("b", entry(2, T2))])
        );
        assert!(r.lost.is_empty());
        assert!(r.plan.is_none());
    }

    #[test]
    fn the_newer_edit_of_one_indicator_wins_and_the_older_local_one_is_reported() {
        let base = snap(Progress::new());
        let local = progress(&[("a", entry(1, T1))]);
        let incoming = snap(progress(&[("a", entry(3, T2))]));
        let r = without_history(adopted(reconcile(
            Some(&base),
            &base.plan,
            &local,
            &incoming,
        )));
        assert_eq!(r.progress, progress(&[("a", entry(3, T2))]));
        assert_eq!(
            r.lost,
            vec![LostEdit {
                indicator_id: "a".into(),
                area: None,
                local: Some(entry(1, T1)),
                adopted: Some(entry(3, T2)),
                fields: vec![Field::Measurement],
            }]
        );
    }

    #[test]
    fn a_newer_local_edit_is_kept_and_nothing_is_reported() {
        let base = snap(Progress::new());
        let local = progress(&[("a", entry(3, T2))]);
        let incoming = snap(progress(&[("a", entry(1, T1))]));
        let r = without_history(adopted(reconcile(
            Some(&base),
            &base.plan,
            &local,
            &incoming,
        )));
        assert_eq!(r.progress, local);
        assert!(r.lost.is_empty());
    }

    #[test]
    fn an_older_entry_this_tab_did_not_touch_is_not_reported_as_lost() {
        let base = snap(progress(&[("a", entry(1, T1))]));
        let incoming = snap(progress(&[("a", entry(2, T2))]));
        let r = adopted(reconcile(
            Some(&base),
            &base.plan,
            &base.progress,
            &incoming,
        ));
        assert_eq!(r.progress, incoming.progress);
        assert!(r.lost.is_empty());
    }

    #[test]
    fn a_value_cleared_here_stays_cleared_and_one_missing_there_is_kept() {
        let base = snap(progress(&[("a", entry(1, T1)), ("b", entry(2, T1))]));
        // Cleared here: "a". Missing there: "b" (cleared, or a crossing save
        // that never saw it: the two cannot be told apart, so it is kept).
        let local = progress(&[("b", entry(2, T1))]);
        let incoming = snap(progress(&[("a", entry(1, T1))]));
        let r = adopted(reconcile(Some(&base), &base.plan, &local, &incoming));
        assert_eq!(r.progress, progress(&[("b", entry(2, T1))]));
        assert!(r.lost.is_empty());
    }

    #[test]
    fn crossing_saves_lose_neither_tabs_new_entry() {
        // Both tabs started from nothing stored for "a" and "b"; this tab wrote
        // "a", the other wrote "b" a moment later without seeing "a".
        let before = snap(Progress::new());
        let mine = snap(progress(&[("a", entry(1, T1))]));
        let theirs = snap(progress(&[("b", entry(3, T2))]));
        let r = adopted(reconcile(
            Some(&mine),
            &before.plan,
            &mine.progress,
            &theirs,
        ));
        assert_eq!(
            r.progress,
            progress(&[("a", entry(1, T1)), ("b", entry(3, T2))])
        );
    }

    #[test]
    fn a_value_cleared_here_but_changed_there_is_kept_and_reported() {
        let base = snap(progress(&[("a", entry(1, T1))]));
        let incoming = snap(progress(&[("a", entry(2, T2))]));
        let r = adopted(reconcile(
            Some(&base),
            &base.plan,
            &Progress::new(),
            &incoming,
        ));
        assert_eq!(r.progress, incoming.progress);
        assert_eq!(r.lost.len(), 1);
        assert_eq!(r.lost[0].local, None);
    }

    #[test]
    fn an_import_in_the_other_tab_replaces_entries_this_tab_did_not_touch_even_with_older_times() {
        let base = snap(progress(&[("a", entry(3, T2)), ("b", entry(3, T2))]));
        let incoming = snap(progress(&[("a", entry(1, T1))]));
        let r = adopted(reconcile(
            Some(&base),
            &base.plan,
            &base.progress,
            &incoming,
        ));
        // "a" takes the import's older entry; "b", absent from the import, is
        // kept rather than risk dropping an entry the other tab never saw.
        assert_eq!(
            r.progress,
            progress(&[("a", entry(1, T1)), ("b", entry(3, T2))])
        );
        assert!(r.lost.is_empty());
    }

    #[test]
    fn adopting_the_same_state_changes_nothing() {
        let s = snap(progress(&[("a", entry(1, T1))]));
        let r = adopted(reconcile(Some(&s), &s.plan, &s.progress, &s));
        assert_eq!(r.progress, s.progress);
        assert!(r.lost.is_empty() && r.plan.is_none());
    }

    #[test]
    fn a_plan_changed_only_in_the_other_tab_is_adopted_with_merged_progress() {
        let base = snap(Progress::new());
        let mut incoming = snap(progress(&[("b", entry(2, T2))]));
        incoming.plan.title = "Piano rivisto".into();
        let local = progress(&[("a", entry(1, T1))]);
        let r = adopted(reconcile(Some(&base), &base.plan, &local, &incoming));
        assert_eq!(
            r.plan.as_ref().map(|p| p.title.as_str()),
            Some("Piano rivisto")
        );
        assert_eq!(r.progress.len(), 2);
    }

    #[test]
    fn a_plan_changed_only_here_is_kept() {
        let base = snap(Progress::new());
        let mut local_plan = base.plan.clone();
        local_plan.title = "Piano mio".into();
        let r = adopted(reconcile(Some(&base), &local_plan, &Progress::new(), &base));
        assert!(r.plan.is_none());
    }

    #[test]
    fn plans_changed_differently_in_both_tabs_are_a_conflict() {
        let base = snap(Progress::new());
        let mut local_plan = base.plan.clone();
        local_plan.title = "Piano mio".into();
        let mut incoming = base.clone();
        incoming.plan.title = "Piano dell'altra scheda".into();
        assert_eq!(
            reconcile(Some(&base), &local_plan, &Progress::new(), &incoming),
            Outcome::PlanConflict
        );
    }

    #[test]
    fn with_nothing_stored_before_the_other_tabs_plan_and_progress_are_adopted() {
        let local = snap(Progress::new());
        let mut incoming = snap(progress(&[("b", entry(2, T2))]));
        incoming.plan.title = "Altro".into();
        let r = adopted(reconcile(None, &local.plan, &local.progress, &incoming));
        assert!(r.plan.is_some());
        assert_eq!(r.progress, incoming.progress);
    }
}
