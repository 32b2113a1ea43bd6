//! The app state: the open plan, its progress and the scores derived from them,
//! provided once as context and read through [`use_app`].
//!
//! Pages change the state only through the methods here, so every change is
//! stamped, saved and (when it replaces everything) backed up the same way.

use cruscotto_engine::snapshot::ImportError;
use cruscotto_engine::{
    default_snapshot, Lang, Plan, Progress, ProgressEntry, Scorecard, Snapshot,
};
use leptos::prelude::*;

use crate::i18n::{use_i18n, Locale};
use crate::storage::{self, Backup, Loaded, Settings, StorageError};

/// Everything the pages share. All fields are signals, so the struct is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    pub plan: RwSignal<Plan>,
    pub progress: RwSignal<Progress>,
    /// The engine's scores for the current plan and progress, recomputed only
    /// when either changes.
    pub scorecard: Memo<Scorecard>,
    pub lang: RwSignal<Lang>,
    /// The area the manager works on; `None` shows all areas.
    pub area: RwSignal<Option<String>>,
    /// The last save failed: shown with the way out (export now).
    pub storage_error: RwSignal<Option<StorageError>>,
    /// Stored data that could not be read at start-up, kept for download.
    pub unreadable: RwSignal<Option<(ImportError, String)>>,
    pub backups: RwSignal<Vec<Backup>>,
}

/// The current time as RFC 3339, from the browser's clock.
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Today's date in the browser's time zone.
pub fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::It => "it",
        Lang::En => "en",
    }
}

impl AppState {
    /// Reads storage and provides the state as context. Call once, inside the
    /// i18n provider.
    pub fn provide() -> AppState {
        let i18n = use_i18n();
        let settings = storage::load_settings();
        let lang = match settings.lang.as_deref() {
            Some("en") => Lang::En,
            _ => Lang::It,
        };
        i18n.set_locale(match lang {
            Lang::It => Locale::it,
            Lang::En => Locale::en,
        });

        let (snapshot, unreadable) = match storage::load_state() {
            Loaded::Empty => (default_snapshot(), None),
            Loaded::Found(s) => (*s, None),
            Loaded::Unreadable { error, raw } => (default_snapshot(), Some((error, raw))),
        };
        let plan = RwSignal::new(snapshot.plan);
        let progress = RwSignal::new(snapshot.progress);
        let scorecard = Memo::new(move |_| plan.with(|p| progress.with(|pr| p.score(pr))));
        let state = AppState {
            plan,
            progress,
            scorecard,
            lang: RwSignal::new(lang),
            area: RwSignal::new(settings.area),
            storage_error: RwSignal::new(None),
            unreadable: RwSignal::new(unreadable),
            backups: RwSignal::new(storage::load_backups()),
        };

        // Every change is saved at once: there is no save button to forget.
        Effect::new(move |_| {
            let snapshot = state.snapshot_untimed();
            let result = storage::save_state(&snapshot);
            state.storage_error.set(result.err());
        });
        Effect::new(move |_| {
            let settings = Settings {
                lang: Some(lang_code(state.lang.get()).into()),
                area: state.area.get(),
            };
            let _ = storage::save_settings(&settings);
        });
        Effect::new(move |_| {
            let lang = state.lang.get();
            i18n.set_locale(match lang {
                Lang::It => Locale::it,
                Lang::En => Locale::en,
            });
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang_code(lang));
            }
        });
        provide_context(state);
        state
    }

    fn snapshot_untimed(&self) -> Snapshot {
        Snapshot::new(self.plan.get(), self.progress.get(), None)
    }

    /// The current plan and progress as a snapshot stamped with the export time.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot::new(
            self.plan.get_untracked(),
            self.progress.get_untracked(),
            Some(now()),
        )
    }

    /// Changes the progress of one indicator and stamps it, keeping the
    /// previous measurement in its history by the engine's rule (one point per
    /// day: see [`ProgressEntry::apply_change`]). An entry left with neither a
    /// measurement, a note nor a history is removed; a change that changes
    /// nothing leaves the progress (and so storage) untouched.
    pub fn record(&self, indicator_id: &str, change: impl FnOnce(&mut ProgressEntry)) {
        let before = self
            .progress
            .with_untracked(|p| p.get(indicator_id).cloned())
            .unwrap_or_default();
        let mut new = before.clone();
        change(&mut new);
        let after = entry_after_change(&before, new, &now());
        if after.as_ref() == Some(&before) {
            return;
        }
        self.progress.update(|progress| match after {
            Some(entry) => {
                progress.insert(indicator_id.to_string(), entry);
            }
            None => {
                progress.remove(indicator_id);
            }
        });
    }

    /// Replaces the plan and progress, keeping the current state as a backup first.
    pub fn replace(&self, snapshot: Snapshot, reason: &str) -> Result<(), StorageError> {
        let backups = storage::push_backup(&self.snapshot_untimed_untracked(), reason, &now());
        match backups {
            Ok(b) => self.backups.set(b),
            Err(e) => return Err(e),
        }
        self.plan.set(snapshot.plan);
        self.progress.set(snapshot.progress);
        Ok(())
    }

    /// Changes the plan (the editor's path). Progress of indicators that no
    /// longer exist is kept aside by the caller if it wants to.
    pub fn edit_plan(&self, change: impl FnOnce(&mut Plan)) {
        self.plan.update(change);
    }

    fn snapshot_untimed_untracked(&self) -> Snapshot {
        Snapshot::new(
            self.plan.get_untracked(),
            self.progress.get_untracked(),
            None,
        )
    }

    /// Restores backup `index`, keeping the current state as the newest backup.
    pub fn restore_backup(&self, index: usize) -> Result<(), String> {
        let backups = self.backups.get_untracked();
        let Some(backup) = backups.get(index) else {
            return Err("no such backup".into());
        };
        let imported = cruscotto_engine::snapshot::import(backup.snapshot.as_bytes())
            .map_err(|e| e.message(self.lang.get_untracked()))?;
        self.replace(imported.snapshot, "restore")
            .map_err(|e| e.message(self.lang.get_untracked()))
    }
}

/// The entry to store after `new` is recorded over `before` at `at`, or `None`
/// when nothing is left worth keeping (no measurement, no note, no history).
/// The app does not know who is typing, so changes are recorded without an
/// author: the same-day rule then treats every local change as one person's.
pub fn entry_after_change(
    before: &ProgressEntry,
    new: ProgressEntry,
    at: &str,
) -> Option<ProgressEntry> {
    let after = before.apply_change(new, at, None);
    let blank_note = after.note.as_deref().is_none_or(|n| n.trim().is_empty());
    (after.is_measured() || !blank_note || !after.history.is_empty()).then_some(after)
}

/// The app state provided by [`AppState::provide`].
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use rust_decimal::Decimal;

    use super::*;

    fn valued(v: &str) -> ProgressEntry {
        ProgressEntry {
            value: Some(Decimal::from_str(v).expect("test decimal")),
            ..ProgressEntry::default()
        }
    }

    #[test]
    fn typing_a_value_the_same_day_keeps_no_intermediate_points() {
        let mut e = ProgressEntry::default();
        for (i, text) in ["4", "41", "41.5"].iter().enumerate() {
            let at = format!("2023-05-02T10:00:0{i}Z");
            e = entry_after_change(&e, valued(text), &at).expect("kept");
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
        )
        .expect("kept");
        let e = entry_after_change(&e, valued("5"), "2023-06-02T10:00:00Z").expect("kept");
        assert_eq!(e.history.len(), 1);
        assert_eq!(e.history[0].value, valued("4").value);
    }

    #[test]
    fn a_cleared_entry_is_removed_only_when_it_has_no_history() {
        let e = entry_after_change(
            &ProgressEntry::default(),
            valued("4"),
            "2023-05-02T10:00:00Z",
        )
        .expect("kept");
        // Cleared the same day: nothing to remember, the entry goes.
        assert_eq!(
            entry_after_change(&e, ProgressEntry::default(), "2023-05-02T11:00:00Z"),
            None
        );
        // Cleared a month later: the value stays in the history.
        let cleared = entry_after_change(&e, ProgressEntry::default(), "2023-06-02T10:00:00Z")
            .expect("kept for its history");
        assert!(!cleared.is_measured());
        assert_eq!(cleared.history.len(), 1);
    }
}
