//! The app state: the open plan, its progress and the scores derived from them,
//! provided once as context and read through [`use_app`].
//!
//! Pages change the state only through the methods here (the plan and the
//! progress are read-only signals outside this module), so every change is
//! stamped, saved, (when it replaces everything) backed up and rescored the
//! same way.
//!
//! Scoring: the scores are a [`LiveScore`], kept up to date in place. A change
//! of one indicator's progress ([`AppState::record`]) rescores only its
//! objective and the areas and pillar that objective weighs in (issue #6: a
//! keystroke on a plan of 10,000 objectives); any other change of the plan or
//! the progress marks the scores stale, and they are rebuilt when next read.
//!
//! Saving: when to write, retry, back up or stop is decided by a pure state
//! machine ([`machine`]: events in, effects out, tested natively); this layer
//! performs its effects with `crate::io::storage` (one `setItem` of the whole
//! snapshot, serialized from references) and feeds their outcome back. Before
//! writing, a state another tab stored meanwhile is reconciled
//! ([`tab_sync`]); this layer holds the stored value this tab last wrote or
//! adopted (the base of that reconciliation).

use std::time::Duration;

use leptos::reactive::owner::LocalStorage;

use cruscotto_engine::snapshot::{import, ImportError};
use cruscotto_engine::{
    default_snapshot, set_entry, AreaStatuses, LiveScore, Plan, Progress, ProgressByArea,
    ProgressEntry, ResultKey, Results, Scorecard, Snapshot,
};
use leptos::prelude::*;

use crate::i18n::{use_i18n, Lang};
use crate::io::clock::now;
use crate::io::storage::{self, Backup, Loaded, Saved, SetAside, Settings, StorageError};
use crate::view::messages;
pub mod machine;
mod plan_log;
pub mod reminder;
mod review;
pub mod role;
pub mod tab_sync;

use machine::{Event, Machine, WriteOutcome};
use role::Role;
use tab_sync::{LostEdit, Outcome};
use wasm_bindgen::JsValue;

pub use machine::SAVE_DELAY_MS;

/// What happened with another tab, for the banner.
#[derive(Clone, Debug, PartialEq)]
pub enum TabNotice {
    /// Another tab's newer entries replaced changes made in this tab.
    Lost(Vec<LostEdit>),
    /// Another tab changed the plan; this tab now shows it.
    PlanAdopted,
    /// Both tabs changed the plan differently: this tab saves nothing until
    /// the user chooses one version (the other is kept as a backup).
    PlanConflict,
    /// Another tab stored data this tab cannot read (a newer version of the
    /// app): this tab saves nothing until reloaded.
    Unreadable(ImportError),
}

/// The engine's scores for the current plan and progress, read like a signal
/// (`with`, `get` and their untracked forms). Kept up to date by [`AppState`]:
/// one indicator's change updates them in place, anything else marks them
/// stale and the next read rebuilds them (so the plan editor, which shows no
/// score, does not rescore at every keystroke).
#[derive(Clone, Copy)]
pub struct Scores {
    /// `None` while stale.
    live: RwSignal<Option<LiveScore>>,
    plan: ReadSignal<Plan>,
    progress: ReadSignal<Progress>,
    progress_by_area: ReadSignal<ProgressByArea>,
}

impl Scores {
    fn new(
        plan: ReadSignal<Plan>,
        progress: ReadSignal<Progress>,
        progress_by_area: ReadSignal<ProgressByArea>,
    ) -> Self {
        Scores {
            live: RwSignal::new(None),
            plan,
            progress,
            progress_by_area,
        }
    }

    /// Reads the plan and every recorded result, untracked.
    fn with_inputs<T>(&self, f: impl FnOnce(&Plan, Results) -> T) -> T {
        self.plan.with_untracked(|p| {
            self.progress.with_untracked(|pr| {
                self.progress_by_area
                    .with_untracked(|ba| f(p, Results::new(pr, ba)))
            })
        })
    }

    /// Rebuilds stale scores, without notifying: whoever was reading them was
    /// notified when they went stale.
    fn fresh(&self) {
        if self.live.with_untracked(Option::is_none) {
            let live = self.with_inputs(LiveScore::with_results);
            self.live.update_untracked(|l| *l = Some(live));
        }
    }

    fn read<T>(live: &Option<LiveScore>, f: impl FnOnce(&Scorecard) -> T) -> T {
        match live {
            Some(live) => f(live.scorecard()),
            // `fresh` has just filled it.
            None => f(&Scorecard::default()),
        }
    }

    pub fn with<T>(&self, f: impl FnOnce(&Scorecard) -> T) -> T {
        self.fresh();
        self.live.with(|l| Self::read(l, f))
    }

    pub fn with_untracked<T>(&self, f: impl FnOnce(&Scorecard) -> T) -> T {
        self.fresh();
        self.live.with_untracked(|l| Self::read(l, f))
    }

    pub fn get(&self) -> Scorecard {
        self.with(Scorecard::clone)
    }

    /// After the result under `key` alone changed: updates the scores in
    /// place, and notifies readers only when a score changed.
    fn result_changed(&self, key: &ResultKey) {
        let scores = *self;
        self.live.maybe_update(|live| match live {
            Some(live) => scores.with_inputs(|p, results| live.update_result(p, results, key)),
            // Stale: the next read rebuilds with this change; readers were
            // notified when the scores went stale.
            None => false,
        });
    }

    /// After the plan or the whole progress changed.
    fn invalidate(&self) {
        self.live.set(None);
    }
}

/// Everything the pages share. All fields are signals, so the struct is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Changed only through the methods below, which keep the scores in step.
    pub plan: ReadSignal<Plan>,
    /// The entries of shared objectives, by indicator id.
    pub progress: ReadSignal<Progress>,
    /// The entries of per-area objectives, by area code then indicator id.
    pub progress_by_area: ReadSignal<ProgressByArea>,
    /// Each area's review status (draft when absent): changed only through
    /// the cycle's methods (`submit_area`, `review_area`, …).
    pub area_status: ReadSignal<AreaStatuses>,
    /// The engine's scores for the current plan and progress.
    pub scorecard: Scores,
    /// The same results scored against the plan as adopted, when the plan
    /// has changed since (`None` otherwise): read only where both are shown.
    pub original_scores: Memo<Option<Scorecard>>,
    write_area_status: WriteSignal<AreaStatuses>,
    write_plan: WriteSignal<Plan>,
    write_progress: WriteSignal<Progress>,
    write_progress_by_area: WriteSignal<ProgressByArea>,
    pub lang: RwSignal<Lang>,
    /// The area the manager works on; `None` shows all areas.
    pub area: RwSignal<Option<String>>,
    /// The name that signs what this device records (settings).
    pub name: RwSignal<Option<String>>,
    /// This device is the planning office's.
    pub office: RwSignal<bool>,
    /// The "who is using Cruscotto" question was answered or put off.
    pub role_asked: RwSignal<bool>,
    /// When the first edit not yet exported was made (settings); the
    /// reminder to export reads it (`reminder::export_due`).
    pub unexported_since: RwSignal<Option<String>>,
    /// The last save failed: shown with the way out (export now).
    pub storage_error: RwSignal<Option<StorageError>>,
    /// The stored state found unreadable at start-up, with why (the
    /// recovery screen's reasons).
    pub unreadable: RwSignal<Option<(ImportError, String)>>,
    /// Whether that state is set aside, so that storing a new one loses
    /// nothing (`false`: setting it aside failed, e.g. storage full).
    pub unreadable_kept: RwSignal<bool>,
    /// Every piece of unreadable data set aside (states, lists of backups),
    /// oldest first, each kept until the user discards it.
    pub set_aside: RwSignal<Vec<SetAside>>,
    /// The stored state could not be read at start-up: the recovery screen is
    /// shown instead of the app, and nothing is saved until the user chooses.
    pub recovering: RwSignal<bool>,
    /// What happened with another tab, when there is something to say.
    pub tab_notice: RwSignal<Option<TabNotice>>,
    pub backups: RwSignal<Vec<Backup>>,
    /// Whether the browser keeps the data until the user clears it (`None`:
    /// not known). Asked for once, at the first write of the user's own work.
    pub persisted: RwSignal<Option<bool>>,
    /// When to write, retry and back up ([`machine`]).
    machine: StoredValue<Machine>,
    /// The stored state as this tab last wrote or adopted it (`null`: nothing
    /// stored), a JS string so comparing it costs no copy into wasm: a write
    /// finding anything else stored knows another tab saved meanwhile.
    synced: StoredValue<JsValue, LocalStorage>,
}

impl AppState {
    /// Provides the state as context, starting from what was `loaded` from
    /// storage. Call once, inside the i18n provider.
    pub fn provide(loaded: Loaded) -> AppState {
        let i18n = use_i18n();
        let settings = storage::load_settings();
        let lang = Lang::from_code(settings.lang.as_deref());
        i18n.set_locale(lang.locale());

        let (snapshot, recovering, stored, kept) = match loaded {
            Loaded::Empty => (default_snapshot(), None, false, true),
            Loaded::Found(s) => (*s, None, true, true),
            Loaded::Unreadable { error, raw, kept } => {
                (default_snapshot(), Some((error, raw)), false, kept)
            }
        };
        let is_recovering = recovering.is_some();
        // Read before anything writes a backup: an unreadable list of backups
        // is set aside here.
        let backups = storage::load_backups(&now());
        let (plan, write_plan) = signal(snapshot.plan);
        let (progress, write_progress) = signal(snapshot.progress);
        let (progress_by_area, write_progress_by_area) = signal(snapshot.progress_by_area);
        let (area_status, write_area_status) = signal(snapshot.area_status);
        let state = AppState {
            plan,
            progress,
            progress_by_area,
            area_status,
            write_area_status,
            scorecard: Scores::new(plan, progress, progress_by_area),
            original_scores: Memo::new(move |_| {
                plan.with(|p| {
                    p.is_revised().then(|| {
                        let original = p.original();
                        progress.with(|pr| {
                            progress_by_area.with(|ba| original.score_results(Results::new(pr, ba)))
                        })
                    })
                })
            }),
            write_plan,
            write_progress,
            write_progress_by_area,
            lang: RwSignal::new(lang),
            area: RwSignal::new(settings.area),
            name: RwSignal::new(settings.name),
            office: RwSignal::new(settings.office),
            role_asked: RwSignal::new(settings.asked),
            unexported_since: RwSignal::new(settings.unexported_since),
            storage_error: RwSignal::new(None),
            unreadable: RwSignal::new(recovering),
            unreadable_kept: RwSignal::new(kept),
            set_aside: RwSignal::new(storage::load_set_aside()),
            recovering: RwSignal::new(is_recovering),
            tab_notice: RwSignal::new(None),
            backups: RwSignal::new(backups),
            persisted: RwSignal::new(None),
            machine: StoredValue::new(Machine::new(js_sys::Date::now())),
            // Read in the same task as `loaded`, so no other tab's save can
            // come in between.
            synced: StoredValue::new_local(storage::stored_value()),
        };
        if stored {
            state.backup_on_open();
        }
        state.check_persistence(stored);

        // Every change is saved, soon: there is no save button to forget. The
        // first run saves only a first visit's default plan; stored data is
        // already stored.
        Effect::new(move |previous: Option<()>| {
            state.plan.track();
            state.progress.track();
            state.progress_by_area.track();
            state.area_status.track();
            if previous.is_some() || !stored {
                state.send(Event::Edited);
            }
        });
        // Leaving or hiding the page saves what is pending at once; and when
        // something this page holds still is not stored (storage full, or a
        // choice to make first), the browser asks before the tab closes.
        let on_hide =
            window_event_listener(leptos::ev::pagehide, move |_| state.send(Event::FlushNow));
        let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
            if document().hidden() {
                state.send(Event::FlushNow);
            }
        });
        let on_before_unload = window_event_listener(
            leptos::ev::beforeunload,
            move |ev: web_sys::BeforeUnloadEvent| {
                state.send(Event::FlushNow);
                if state.machine.with_value(Machine::has_unsaved) {
                    ev.prevent_default();
                    // Older browsers ask only when a message is set.
                    ev.set_return_value("unsaved");
                }
            },
        );
        on_cleanup(move || {
            on_hide.remove();
            on_visibility.remove();
            on_before_unload.remove();
        });
        storage::on_external_change(move || {
            if state.unseen_state().is_some() {
                state.send(Event::StoredElsewhere);
            }
        });

        Effect::new(move |_| {
            let settings = Settings {
                lang: Some(state.lang.get().code().into()),
                area: state.area.get(),
                name: state.name.get(),
                office: state.office.get(),
                asked: state.role_asked.get(),
                unexported_since: state.unexported_since.get(),
            };
            let _ = storage::save_settings(&settings);
        });
        Effect::new(move |_| {
            let lang = state.lang.get();
            i18n.set_locale(lang.locale());
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        });
        provide_context(state);
        state
    }

    /// The current plan and progress as a snapshot stamped with the export time.
    pub fn snapshot(&self) -> Snapshot {
        let mut s = Snapshot::with_results(
            self.plan.get_untracked(),
            self.progress.get_untracked(),
            self.progress_by_area.get_untracked(),
            Some(now()),
        );
        s.area_status = self.area_status.get_untracked();
        s
    }

    /// Reads every recorded result, untracked.
    pub fn with_results_untracked<T>(&self, f: impl FnOnce(Results) -> T) -> T {
        self.progress.with_untracked(|pr| {
            self.progress_by_area
                .with_untracked(|ba| f(Results::new(pr, ba)))
        })
    }

    /// Reads every recorded result, tracking both maps.
    pub fn with_results<T>(&self, f: impl FnOnce(Results) -> T) -> T {
        self.progress
            .with(|pr| self.progress_by_area.with(|ba| f(Results::new(pr, ba))))
    }

    /// Reads the entry recorded under `key` (shared or one area's), tracked:
    /// the inputs of an indicator card read their result through it.
    pub fn with_entry<T>(&self, key: &ResultKey, f: impl FnOnce(Option<&ProgressEntry>) -> T) -> T {
        match &key.area {
            None => self.progress.with(|p| f(p.get(&key.indicator))),
            Some(area) => self
                .progress_by_area
                .with(|b| f(b.get(area).and_then(|p| p.get(&key.indicator)))),
        }
    }

    /// Who uses this device, if chosen: the office, else the manager of the
    /// chosen area. `None` until chosen (the app then behaves as for the
    /// office, without signing entries).
    pub fn role(&self) -> Option<Role> {
        let name = self.name.get();
        if self.office.get() {
            Some(Role::Office { name })
        } else {
            self.area.get().map(|area| Role::Manager { area, name })
        }
    }

    /// The area of the manager using this device, if the role is a manager's
    /// (tracked): what the overview opens on, what a guard protects, what
    /// an export holds by default.
    pub fn manager_area(&self) -> Option<String> {
        if self.office.get() {
            None
        } else {
            self.area.get()
        }
    }

    /// [`AppState::role`], untracked.
    pub fn role_untracked(&self) -> Option<Role> {
        untrack(|| self.role())
    }

    /// Sets who uses this device (and so stops asking).
    pub fn set_role(&self, role: Role) {
        match role {
            Role::Manager { area, name } => {
                self.office.set(false);
                self.area.set(Some(area));
                self.name.set(name);
            }
            Role::Office { name } => {
                self.office.set(true);
                self.area.set(None);
                self.name.set(name);
            }
        }
        self.role_asked.set(true);
    }

    /// The key of the result `indicator_id` records in `area`: the area's for
    /// an indicator of a per-area objective, the shared one otherwise (also
    /// for an id the plan does not have). `None` for a per-area objective's
    /// indicator without an area: it has no shared result to record.
    pub fn result_key(&self, indicator_id: &str, area: Option<&str>) -> Option<ResultKey> {
        self.plan
            .with_untracked(|p| match p.indicator(indicator_id) {
                Some((o, _)) => {
                    let key = o.result_key(indicator_id, area);
                    (!o.is_per_area() || key.area.is_some()).then_some(key)
                }
                None => Some(ResultKey::shared(indicator_id)),
            })
    }

    /// Changes the progress of one indicator and stamps it, keeping the
    /// previous measurement in its history by the engine's rule (one point per
    /// day: see [`ProgressEntry::apply_change`]). An entry left with neither a
    /// measurement, a note nor a history is removed; a change that changes
    /// nothing leaves the progress (and so storage) untouched.
    ///
    /// `area` picks the area's result of a per-area objective (see
    /// [`AppState::result_key`]; it is ignored for a shared one); a per-area
    /// objective's indicator without an area records nothing.
    pub fn record(
        &self,
        indicator_id: &str,
        area: Option<&str>,
        change: impl FnOnce(&mut ProgressEntry),
    ) {
        let Some(key) = self.result_key(indicator_id, area) else {
            return;
        };
        let before = self
            .with_results_untracked(|r| r.get(&key).cloned())
            .unwrap_or_default();
        let mut new = before.clone();
        change(&mut new);
        let author = self.role_untracked().map(|r| r.author());
        let after = entry_after_change(&before, new, &now(), author.as_deref());
        if after.as_ref() == Some(&before) {
            return;
        }
        match &key.area {
            None => self.write_progress.update(|progress| {
                set_entry(progress, &mut ProgressByArea::new(), &key, after);
            }),
            Some(_) => self.write_progress_by_area.update(|by_area| {
                set_entry(&mut Progress::new(), by_area, &key, after);
            }),
        }
        self.scorecard.result_changed(&key);
        self.mark_unexported();
    }

    /// Notes the first edit since the last export, for the reminder.
    fn mark_unexported(&self) {
        if self.unexported_since.get_untracked().is_none() {
            self.unexported_since.set(Some(now()));
        }
    }

    /// The user exported what this page holds: the reminder starts again
    /// from the next edit.
    pub fn exported(&self) {
        self.unexported_since.set(None);
    }

    /// Replaces the plan; the scores are rebuilt when next read.
    fn set_plan(&self, plan: Plan) {
        self.write_plan.set(plan);
        self.scorecard.invalidate();
    }

    /// Replaces the whole progress, shared and per area; the scores are
    /// rebuilt when next read.
    fn set_progress(&self, progress: Progress, progress_by_area: ProgressByArea) {
        self.write_progress.set(progress);
        self.write_progress_by_area.set(progress_by_area);
        self.scorecard.invalidate();
    }

    /// Changes the progress in any way (the plan editor's path, when it removes
    /// or clears what an indicator it changes had recorded): the scores are
    /// rebuilt when next read. One indicator's new measurement goes through
    /// [`AppState::record`] instead, which stamps it and rescores only it.
    ///
    /// `change` is applied to the shared entries and to each area's entries of
    /// per-area objectives alike (its changes are by indicator id), so
    /// removing an indicator removes every area's result of it too.
    pub fn edit_progress(&self, mut change: impl FnMut(&mut Progress)) {
        self.write_progress.update(&mut change);
        self.write_progress_by_area.update(|by_area| {
            for progress in by_area.values_mut() {
                change(progress);
            }
            by_area.retain(|_, p| !p.is_empty());
        });
        self.scorecard.invalidate();
    }

    /// Replaces the plan and progress, keeping the current state as a backup
    /// first, and saves at once.
    pub fn replace(&self, snapshot: Snapshot, reason: &str) -> Result<(), StorageError> {
        self.push_backup(self.current_json(), reason)?;
        self.write_area_status.set(snapshot.area_status);
        self.set_plan(snapshot.plan);
        self.set_progress(snapshot.progress, snapshot.progress_by_area);
        self.send(Event::Edited);
        self.send(Event::FlushNow);
        Ok(())
    }

    /// The current state as stored, serialized from references.
    fn current_json(&self) -> String {
        self.with_stored_inputs(storage::state_json)
    }

    /// Reads what is stored (plan, results, statuses), untracked.
    fn with_stored_inputs<T>(&self, f: impl FnOnce(&Plan, Results, &AreaStatuses) -> T) -> T {
        self.area_status
            .with_untracked(|st| self.scorecard.with_inputs(|p, r| f(p, r, st)))
    }

    fn push_backup(&self, json: String, reason: &str) -> Result<(), StorageError> {
        let result = storage::push_backup_json(json, reason, &now());
        // Reading the backups may have set an unreadable list aside.
        let set_aside = storage::load_set_aside();
        if self.set_aside.with_untracked(|s| *s != set_aside) {
            self.set_aside.set(set_aside);
        }
        self.backups.set(result?);
        self.send(Event::BackedUp);
        Ok(())
    }

    /// Whether everything this page holds is in storage (written and read
    /// back): after [`AppState::replace`], whether the new state was stored.
    pub fn is_stored(&self) -> bool {
        !self.machine.with_value(Machine::has_unsaved)
    }

    /// Opening the app with stored data backs it up, at most once a day, unless
    /// it is the untouched shipped plan. A failure (storage full) is not worth
    /// an alarm here: the state itself is still stored.
    fn backup_on_open(&self) {
        let due = storage::backup_due_on_open(&self.backups.get_untracked(), &now());
        let pristine = self.with_results_untracked(|r| r.is_empty())
            && self.plan.with_untracked(|p| *p == default_snapshot().plan);
        self.send(Event::Opened {
            due: due && !pristine,
        });
    }

    /// Saving is paused while the user has a choice to make.
    fn saves_paused(&self) -> bool {
        self.recovering.get_untracked()
            || self.tab_notice.with_untracked(|n| {
                matches!(n, Some(TabNotice::PlanConflict | TabNotice::Unreadable(_)))
            })
    }

    /// Runs `event` through the [`machine`] and performs every effect, feeding
    /// each outcome back, until nothing is left to do.
    fn send(&self, event: Event) {
        let mut queue = std::collections::VecDeque::from([event]);
        while let Some(event) = queue.pop_front() {
            let paused = self.saves_paused();
            let now = js_sys::Date::now();
            let effects = self
                .machine
                .try_update_value(|m| m.update(event, now, paused))
                .unwrap_or_default();
            for effect in effects {
                queue.extend(self.perform(effect));
            }
        }
    }

    /// Performs one effect of the machine; what happened, when it has
    /// something to say.
    fn perform(&self, effect: machine::Effect) -> Option<Event> {
        use machine::Effect;
        match effect {
            Effect::StartTimer(ms) => {
                let state = *self;
                set_timeout(
                    move || state.send(Event::TimerFired),
                    Duration::from_millis(ms),
                );
                None
            }
            Effect::Write => {
                let outcome = self.write();
                if outcome == WriteOutcome::Written && self.persisted.get_untracked() != Some(true)
                {
                    self.check_persistence(true);
                }
                Some(Event::Wrote(outcome))
            }
            Effect::Reconcile => Some(Event::Reconciled {
                // Nothing unseen any more: this tab's state can be written.
                adopted: self
                    .unseen_state()
                    .is_none_or(|raw| self.sync_external(raw)),
            }),
            Effect::BackUp(reason) => {
                if let Some(raw) = self.synced_state() {
                    // An automatic backup that fails (storage full) is not
                    // worth an alarm: the state itself is stored.
                    let _ = self.push_backup(raw, reason);
                }
                None
            }
            Effect::ShowError(error) => {
                self.storage_error.set(Some(error));
                None
            }
            Effect::ClearError => {
                self.storage_error.set(None);
                None
            }
        }
    }

    /// Reads whether the browser keeps the data, asking for it (`ask`) once
    /// there is work of the user's to keep.
    fn check_persistence(&self, ask: bool) {
        let persisted = self.persisted;
        leptos::task::spawn_local(async move {
            if let Some(granted) = storage::persistence(ask).await {
                persisted.set(Some(granted));
            }
        });
    }

    /// One write of the working state, unless another tab stored one since
    /// this tab last looked.
    fn write(&self) -> WriteOutcome {
        let base = self.synced.get_value();
        let result =
            self.with_stored_inputs(|p, results, st| storage::save_state(p, results, st, &base));
        match result {
            Ok(Saved::Written(value)) => {
                self.synced.set_value(value);
                WriteOutcome::Written
            }
            Ok(Saved::Unchanged) => WriteOutcome::Unchanged,
            Ok(Saved::Diverged) => WriteOutcome::Diverged,
            Err(e) => WriteOutcome::Failed(e),
        }
    }

    /// The stored state as this tab last wrote or adopted it.
    fn synced_state(&self) -> Option<String> {
        self.synced.with_value(JsValue::as_string)
    }

    /// The stored state, when another tab changed it since this tab last
    /// looked (`Some(None)`: it removed it).
    fn unseen_state(&self) -> Option<Option<String>> {
        let current = storage::stored_value();
        if self.synced.with_value(|s| *s == current) {
            None
        } else {
            Some(current.as_string())
        }
    }

    /// Records that this tab now holds the stored state `raw`.
    fn mark_synced(&self, raw: Option<&str>) {
        self.synced
            .set_value(raw.map_or(JsValue::NULL, JsValue::from_str));
    }

    /// Writes the working state whatever is stored (the user chose this tab's
    /// version, or recovered from unreadable data).
    fn force_write(&self) -> Result<(), StorageError> {
        let value = self.with_stored_inputs(storage::force_save_state)?;
        self.synced.set_value(value);
        Ok(())
    }

    /// Another tab stored `raw` (`None`: removed the state): adopts it merged
    /// with this tab's work (`true`: this tab's state is to be stored again),
    /// or tells the user when that would lose something (`false`).
    fn sync_external(&self, raw: Option<String>) -> bool {
        if self.recovering.get_untracked() {
            return false;
        }
        let Some(raw) = raw else {
            // Another tab cleared the storage: this tab's state is stored again.
            self.mark_synced(None);
            return true;
        };
        let incoming = match import(raw.as_bytes()) {
            Ok(imported) => imported.snapshot,
            Err(error) => {
                self.tab_notice.set(Some(TabNotice::Unreadable(error)));
                return false;
            }
        };
        let base = self
            .synced_state()
            .and_then(|b| import(b.as_bytes()).ok())
            .map(|i| i.snapshot);
        let outcome = self
            .scorecard
            .with_inputs(|p, results| tab_sync::reconcile(base.as_ref(), p, results, &incoming));
        match outcome {
            Outcome::PlanConflict => {
                self.tab_notice.set(Some(TabNotice::PlanConflict));
                false
            }
            Outcome::Adopt(r) => {
                let r = *r;
                self.mark_synced(Some(&raw));
                // Each area's status: the one with the latest transition, in
                // whichever tab it was made (as consolidation does).
                let statuses = tab_sync::newer_statuses(
                    &self.area_status.get_untracked(),
                    &incoming.area_status,
                );
                if self.area_status.with_untracked(|s| *s != statuses) {
                    self.write_area_status.set(statuses);
                }
                let plan_changed = r.plan.is_some();
                if let Some(plan) = r.plan {
                    self.set_plan(plan);
                }
                let changed = self.with_results_untracked(|now| {
                    *now.shared != r.progress || *now.by_area != r.progress_by_area
                });
                if changed {
                    self.set_progress(r.progress, r.progress_by_area);
                }
                let notice = if !r.lost.is_empty() {
                    Some(TabNotice::Lost(r.lost))
                } else if plan_changed {
                    Some(TabNotice::PlanAdopted)
                } else {
                    None
                };
                // A new notice replaces the old; a resolved choice goes away.
                if notice.is_some() || self.saves_paused() {
                    self.tab_notice.set(notice);
                }
                true
            }
        }
    }

    /// Puts back the entries this tab lost to another tab's newer ones, as new
    /// changes (so they are now the newer ones, in both tabs).
    /// Only the fields that lost are put back: what the other tab changed in
    /// the other fields stays.
    pub fn keep_local(&self, lost: &[LostEdit]) {
        for edit in lost {
            let local = edit.local.clone();
            let fields = edit.fields.clone();
            // `record` stamps it as changed now.
            self.record(&edit.indicator_id, edit.area.as_deref(), move |entry| {
                match local {
                    // This tab had cleared it.
                    None => *entry = ProgressEntry::default(),
                    Some(local) => fields.iter().for_each(|f| f.copy(&local, entry)),
                }
            });
        }
        self.tab_notice.set(None);
    }

    /// Resolves a plan conflict with this tab's version: the other tab's is kept
    /// as a backup, then this tab's is stored.
    pub fn keep_this_tab(&self) -> Result<(), StorageError> {
        if let Some(raw) = storage::stored_value().as_string() {
            self.push_backup(raw, storage::REASON_OTHER_TAB)?;
        }
        self.force_write()?;
        self.tab_notice.set(None);
        Ok(())
    }

    /// Resolves a plan conflict with the other tab's version: this tab's is kept
    /// as a backup, then the state stored now (the other tab may have saved
    /// again since the conflict was found) is shown.
    pub fn use_other_tab(&self) -> Result<(), StorageError> {
        let raw = storage::stored_value().as_string();
        let stored = raw
            .as_deref()
            .and_then(|r| import(r.as_bytes()).ok())
            .map(|i| i.snapshot);
        let Some(stored) = stored else {
            // Nothing readable to adopt: keeping this tab's version loses nothing.
            return self.keep_this_tab();
        };
        self.push_backup(self.current_json(), storage::REASON_OTHER_TAB)?;
        self.mark_synced(raw.as_deref());
        self.tab_notice.set(None);
        self.write_area_status.set(stored.area_status);
        self.set_plan(stored.plan);
        self.set_progress(stored.progress, stored.progress_by_area);
        Ok(())
    }

    /// Leaves the recovery screen with `snapshot` (the shipped plan or an
    /// imported file) and stores it. The unreadable data stays set aside.
    pub fn recover_with(&self, snapshot: Snapshot) -> Result<(), StorageError> {
        self.write_area_status.set(snapshot.area_status);
        self.set_plan(snapshot.plan);
        self.set_progress(snapshot.progress, snapshot.progress_by_area);
        self.force_write()?;
        self.recovering.set(false);
        Ok(())
    }

    /// Forgets one piece of unreadable data set aside, at the user's explicit
    /// request.
    pub fn discard_set_aside(&self, key: &str) {
        storage::discard_set_aside(key);
        self.set_aside.set(storage::load_set_aside());
    }

    /// Changes the plan (the editor's path). Progress of indicators that no
    /// longer exist is kept aside by the caller if it wants to.
    pub fn edit_plan(&self, change: impl FnOnce(&mut Plan)) {
        self.write_plan.update(|plan| tracked(plan, change));
        self.scorecard.invalidate();
        self.mark_unexported();
    }

    /// Changes the plan and the progress together (switching an objective's
    /// measurement moves its results between the shared and the per-area
    /// maps): the scores are rebuilt when next read.
    pub fn edit_plan_and_progress(
        &self,
        change: impl FnOnce(&mut Plan, &mut Progress, &mut ProgressByArea),
    ) {
        self.write_plan.update(|plan| {
            self.write_progress.update(|progress| {
                self.write_progress_by_area.update(|by_area| {
                    tracked(plan, |plan| change(plan, progress, by_area));
                });
            });
        });
        self.scorecard.invalidate();
        self.mark_unexported();
    }

    /// Restores backup `index`, keeping the current state as the newest backup.
    pub fn restore_backup(&self, index: usize) -> Result<(), String> {
        let backups = self.backups.get_untracked();
        let Some(backup) = backups.get(index) else {
            return Err("no such backup".into());
        };
        let imported = import(backup.snapshot.as_bytes())
            .map_err(|e| messages::import_error(&e, self.lang.get_untracked()))?;
        self.replace(imported.snapshot, "restore")
            .map_err(|e| e.message(self.lang.get_untracked()))
    }
}

/// Applies an edit to the plan; once the plan is adopted, every objective
/// the edit changed keeps its previous value among the unrecorded changes
/// (`cruscotto_engine::revision::track`), so nothing of the adopted plan is
/// lost before it is recorded as a revision.
fn tracked(plan: &mut Plan, change: impl FnOnce(&mut Plan)) {
    if plan.adoption.is_none() {
        change(plan);
        return;
    }
    let before = plan.objectives.clone();
    change(plan);
    cruscotto_engine::revision::track(&before, plan);
}

/// The entry to store after `new` is recorded over `before` at `at` by
/// `author` (the role chosen on this device, if any), or `None` when nothing
/// is left worth keeping (no measurement, no note, no history, no evidence).
pub fn entry_after_change(
    before: &ProgressEntry,
    new: ProgressEntry,
    at: &str,
    author: Option<&str>,
) -> Option<ProgressEntry> {
    let after = before.apply_change(new, at, author.map(str::to_string));
    let blank_note = after.note.as_deref().is_none_or(|n| n.trim().is_empty());
    (after.is_measured() || !blank_note || !after.history.is_empty() || !after.evidence.is_empty())
        .then_some(after)
}

/// The app state provided by [`AppState::provide`].
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::{at_level, valued};

    /// A `Scores` over the 2023 plan, with the write side of its progress.
    fn scores_2023() -> (Scores, WriteSignal<Plan>, WriteSignal<Progress>) {
        let (scores, write_plan, write_progress, _) = scores_2023_by_area();
        (scores, write_plan, write_progress)
    }

    /// [`scores_2023`] with the write side of the per-area progress too.
    fn scores_2023_by_area() -> (
        Scores,
        WriteSignal<Plan>,
        WriteSignal<Progress>,
        WriteSignal<ProgressByArea>,
    ) {
        let (plan, write_plan) = signal(default_snapshot().plan);
        let (progress, write_progress) = signal(Progress::new());
        let (by_area, write_by_area) = signal(ProgressByArea::new());
        (
            Scores::new(plan, progress, by_area),
            write_plan,
            write_progress,
            write_by_area,
        )
    }

    /// What `AppState::record` does to the scores, without its clock.
    fn record(scores: Scores, write: WriteSignal<Progress>, id: &str, entry: ProgressEntry) {
        write.update(|p| {
            p.insert(id.into(), entry);
        });
        scores.result_changed(&ResultKey::shared(id));
    }

    /// The same for an area's result of a per-area objective.
    fn record_in(
        scores: Scores,
        write: WriteSignal<ProgressByArea>,
        id: &str,
        area: &str,
        entry: ProgressEntry,
    ) {
        let key = ResultKey::per_area(id, area);
        write.update(|by_area| {
            set_entry(&mut Progress::new(), by_area, &key, Some(entry));
        });
        scores.result_changed(&key);
    }

    fn full_score(scores: Scores) -> Scorecard {
        scores.with_inputs(|p, results| p.score_results(results))
    }

    #[test]
    fn an_areas_result_of_a_per_area_objective_moves_that_areas_score_only() {
        let owner = Owner::new();
        owner.set();
        let (scores, _, _, write_by_area) = scores_2023_by_area();
        let before = scores.get();
        record_in(
            scores,
            write_by_area,
            "soddisfazione-docenti-i1",
            "ARUO",
            valued("5"),
        );
        let after = scores.get();
        assert_eq!(after, full_score(scores));
        assert_ne!(
            after.area("ARUO").and_then(|a| a.score),
            before.area("ARUO").and_then(|a| a.score)
        );
        assert_eq!(
            after.area("ACL").and_then(|a| a.score),
            before.area("ACL").and_then(|a| a.score)
        );
        assert!(after
            .objective_in("soddisfazione-docenti", "ARUO")
            .is_some());
        assert_eq!(after.objective_in("soddisfazione-docenti", "ACL"), None);
    }

    #[test]
    fn a_recorded_change_is_scored_as_the_whole_plan_would_be() {
        let owner = Owner::new();
        owner.set();
        let (scores, _, write) = scores_2023();
        assert_eq!(scores.get(), full_score(scores));
        record(scores, write, "riassetto-bassini-i1", at_level(4));
        record(scores, write, "soddisfazione-residenze-i1", valued("4.2"));
        assert_eq!(scores.get(), full_score(scores));
        assert!(scores
            .with(|c| c.area("ATE").and_then(|a| a.score))
            .is_some());
    }

    #[test]
    fn a_change_that_moves_no_score_does_not_wake_the_readers() {
        let owner = Owner::new();
        owner.set();
        let (scores, _, write) = scores_2023();
        let runs = StoredValue::new(0);
        let ate = Memo::new(move |_| {
            runs.update_value(|n| *n += 1);
            scores.with(|c| c.area("ATE").cloned())
        });
        record(scores, write, "riassetto-bassini-i1", at_level(4));
        let _ = ate.get_untracked();
        assert_eq!(runs.get_value(), 1);
        // The same level again, and an id the plan does not have: nothing moves.
        record(scores, write, "riassetto-bassini-i1", at_level(4));
        record(scores, write, "not-an-indicator", at_level(4));
        let _ = ate.get_untracked();
        assert_eq!(runs.get_value(), 1);
        record(scores, write, "riassetto-bassini-i1", at_level(1));
        let _ = ate.get_untracked();
        assert_eq!(runs.get_value(), 2);
    }

    #[test]
    fn replacing_the_plan_or_the_progress_rescores_everything_when_next_read() {
        let owner = Owner::new();
        owner.set();
        let (scores, write_plan, write_progress) = scores_2023();
        record(scores, write_progress, "riassetto-bassini-i1", at_level(4));
        write_plan.update(|p| p.scoring.numeric = cruscotto_engine::NumericMode::Linear);
        scores.invalidate();
        assert_eq!(scores.get(), full_score(scores));
        let mut progress = Progress::new();
        progress.insert("soddisfazione-residenze-i1".into(), valued("3.7"));
        write_progress.set(progress);
        scores.invalidate();
        // Stale scores take a recorded change on their rebuild.
        record(scores, write_progress, "riassetto-bassini-i1", at_level(3));
        assert_eq!(scores.get(), full_score(scores));
    }

    #[test]
    fn typing_a_value_the_same_day_keeps_no_intermediate_points() {
        let mut e = ProgressEntry::default();
        for (i, text) in ["4", "41", "41.5"].iter().enumerate() {
            let at = format!("2023-05-02T10:00:0{i}Z");
            e = entry_after_change(&e, valued(text), &at, None).expect("kept");
        }
        assert!(e.history.is_empty());
        assert_eq!(e.value, valued("41.5").value);
    }

    #[test]
    fn a_value_changed_another_day_goes_into_the_history() {
        let e = entry_after_change(
            &ProgressEntry::default(),
            valued("4"),
            "2023-05-02T10:00:00Z",
            None,
        )
        .expect("kept");
        let e = entry_after_change(&e, valued("5"), "2023-06-02T10:00:00Z", None).expect("kept");
        assert_eq!(e.history.len(), 1);
        assert_eq!(e.history[0].value, valued("4").value);
    }

    #[test]
    fn evidence_alone_keeps_an_entry_and_survives_clearing_the_measurement() {
        let item = cruscotto_engine::Evidence {
            id: "ev-1".into(),
            title: "Delibera CdA".into(),
            ..Default::default()
        };
        let with_evidence = ProgressEntry {
            evidence: vec![item.clone()],
            ..ProgressEntry::default()
        };
        let e = entry_after_change(
            &ProgressEntry::default(),
            with_evidence,
            "2023-05-02T10:00:00Z",
            None,
        )
        .expect("evidence alone is worth keeping");
        assert_eq!(e.evidence, vec![item.clone()]);
        assert_eq!(
            e.updated_at.as_deref(),
            Some("2023-05-02T10:00:00Z"),
            "restamped"
        );
        // A measurement recorded, then cleared the same day: the evidence stays.
        let mut measured = e.clone();
        measured.level = Some(3);
        let e = entry_after_change(&e, measured, "2023-05-02T11:00:00Z", None).expect("kept");
        let mut cleared = e.clone();
        cleared.level = None;
        let e = entry_after_change(&e, cleared, "2023-05-02T12:00:00Z", None).expect("kept");
        assert_eq!(e.evidence, vec![item]);
        assert!(!e.is_measured());
    }

    #[test]
    fn a_cleared_entry_is_removed_only_when_it_has_no_history() {
        let e = entry_after_change(
            &ProgressEntry::default(),
            valued("4"),
            "2023-05-02T10:00:00Z",
            None,
        )
        .expect("kept");
        // Cleared the same day: nothing to remember, the entry goes.
        assert_eq!(
            entry_after_change(&e, ProgressEntry::default(), "2023-05-02T11:00:00Z", None),
            None
        );
        // Cleared a month later: the value stays in the history.
        let cleared =
            entry_after_change(&e, ProgressEntry::default(), "2023-06-02T10:00:00Z", None)
                .expect("kept for its history");
        assert!(!cleared.is_measured());
        assert_eq!(cleared.history.len(), 1);
    }

    #[test]
    fn an_entry_recorded_by_a_chosen_role_is_signed() {
        let e = entry_after_change(
            &ProgressEntry::default(),
            valued("4"),
            "2023-05-02T10:00:00Z",
            Some("Maria Rossi (ARUO)"),
        )
        .expect("kept");
        assert_eq!(e.updated_by.as_deref(), Some("Maria Rossi (ARUO)"));
    }
}
