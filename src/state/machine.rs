//! When the working state is written to storage, retried, backed up, and when
//! writing stops: a pure state machine, events in and effects out (as in Crux's
//! `update`). [`super::AppState`], the thin Leptos layer, performs each
//! [`Effect`] with `crate::io::storage` and feeds what happened back as an
//! [`Event`]; so every rule here is tested natively, without a browser.
//!
//! The rules:
//! - **Save soon, once.** An edit starts one timer of [`SAVE_DELAY_MS`]; the
//!   edits made meanwhile ride on the same write, so typing stays cheap.
//! - **Save now when the page goes away.** Hiding or leaving the page writes
//!   what is pending at once.
//! - **Never over another tab's newer state.** A write that finds a state
//!   stored by another tab since this tab last looked writes nothing: this tab
//!   reconciles (`super::tab_sync`) and writes again, at most
//!   [`MAX_WRITE_ROUNDS`] times in a row, then tries again later.
//! - **Stop while the user has a choice to make** (recovery screen, two tabs
//!   changed the plan, another tab stored data this one cannot read): nothing
//!   is written, and the edits count as unsaved.
//! - **Back up** on opening (when due: at most once a day) and after
//!   [`PERIODIC_BACKUP_MS`] of editing, on a successful write.
//! - **Say when a write failed, and when it works again.**

use crate::io::storage::{StorageError, REASON_OPENED, REASON_PERIODIC};

/// How long edits are gathered before one write.
pub const SAVE_DELAY_MS: u64 = 300;
/// An automatic backup is taken after this much time spent editing.
pub const PERIODIC_BACKUP_MS: f64 = 10.0 * 60.0 * 1000.0;
/// Writes in a row that may each find another tab's newer state: a
/// reconciliation adopts the state stored now, so two suffice unless another
/// tab keeps writing; then the next edit or timer tries again.
pub const MAX_WRITE_ROUNDS: u8 = 3;

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The plan or the progress changed.
    Edited,
    /// The save timer fired.
    TimerFired,
    /// Write what is pending now: the page is hidden or left, or the state was
    /// replaced as a whole (an import) and must be stored before anything else.
    FlushNow,
    /// A write of the working state was attempted.
    Wrote(WriteOutcome),
    /// Another tab's state was reconciled with this tab's: `adopted` when this
    /// tab now holds the merge (its own work must be stored again), not when
    /// the user must choose first (saving is then paused by the caller).
    Reconciled { adopted: bool },
    /// Another tab stored a state this tab has not seen (the `storage` event).
    StoredElsewhere,
    /// Start-up with stored data; `due` when no backup was taken in the last day.
    Opened { due: bool },
    /// A backup was written (before an import or a restore, or one of ours).
    BackedUp,
}

/// What a write of the working state did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteOutcome {
    Written,
    /// Storage already held exactly this state.
    Unchanged,
    /// Another tab stored a state this tab has not seen: nothing was written.
    Diverged,
    Failed(StorageError),
}

/// What to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Deliver [`Event::TimerFired`] after this many milliseconds.
    StartTimer(u64),
    /// Write the working state (unless another tab stored one meanwhile) and
    /// deliver [`Event::Wrote`].
    Write,
    /// Read the state another tab stored, reconcile, and deliver
    /// [`Event::Reconciled`].
    Reconcile,
    /// Keep the stored state as a backup, for this reason.
    BackUp(&'static str),
    /// Tell the user that what they did is not stored, and how to keep it.
    ShowError(StorageError),
    /// The error shown is over: the state is stored again.
    ClearError,
}

/// The machine's memory between events.
#[derive(Clone, Debug, PartialEq)]
pub struct Machine {
    /// A timer is running for edits not yet written.
    pending: bool,
    /// Edits not in storage yet (pending, failed, paused or refused).
    dirty: bool,
    /// A write error is on screen.
    error_shown: bool,
    /// Writes in the current flush; 0 when no flush is under way.
    round: u8,
    /// When the last backup was written (ms since the epoch).
    last_backup_ms: f64,
}

impl Machine {
    /// A machine started at `now_ms`, with nothing to write.
    pub fn new(now_ms: f64) -> Machine {
        Machine {
            pending: false,
            dirty: false,
            error_shown: false,
            round: 0,
            last_backup_ms: now_ms,
        }
    }

    /// Whether something this page holds is not in storage: the page must not
    /// be closed without asking.
    pub fn has_unsaved(&self) -> bool {
        self.dirty
    }

    /// The effects of `event` at `now_ms`. `paused`: the user has a choice to
    /// make first, so nothing may be written (read from the shell's signals at
    /// every event, because the user resolves it on screen).
    pub fn update(&mut self, event: Event, now_ms: f64, paused: bool) -> Vec<Effect> {
        match event {
            Event::Edited => {
                self.dirty = true;
                self.schedule()
            }
            Event::StoredElsewhere => vec![Effect::Reconcile],
            Event::TimerFired => {
                if !self.pending {
                    return vec![];
                }
                self.pending = false;
                self.flush(paused)
            }
            Event::FlushNow => {
                self.pending = false;
                self.flush(paused)
            }
            Event::Wrote(outcome) => self.wrote(outcome, now_ms),
            Event::Reconciled { adopted } => {
                if !adopted {
                    // The user must choose; the flush under way ends here.
                    self.round = 0;
                    return vec![];
                }
                // This tab's own work goes back to storage for the other tab.
                self.dirty = true;
                if self.round > 0 && !paused {
                    self.write()
                } else {
                    self.schedule()
                }
            }
            Event::Opened { due } => {
                if due {
                    self.last_backup_ms = now_ms;
                    vec![Effect::BackUp(REASON_OPENED)]
                } else {
                    vec![]
                }
            }
            Event::BackedUp => {
                self.last_backup_ms = now_ms;
                vec![]
            }
        }
    }

    fn schedule(&mut self) -> Vec<Effect> {
        if self.pending {
            return vec![];
        }
        self.pending = true;
        vec![Effect::StartTimer(SAVE_DELAY_MS)]
    }

    fn flush(&mut self, paused: bool) -> Vec<Effect> {
        if paused || !self.dirty {
            return vec![];
        }
        self.round = 0;
        self.write()
    }

    fn write(&mut self) -> Vec<Effect> {
        self.round += 1;
        vec![Effect::Write]
    }

    fn wrote(&mut self, outcome: WriteOutcome, now_ms: f64) -> Vec<Effect> {
        let mut effects = Vec::new();
        match outcome {
            WriteOutcome::Written | WriteOutcome::Unchanged => {
                self.round = 0;
                self.dirty = false;
                if self.error_shown {
                    self.error_shown = false;
                    effects.push(Effect::ClearError);
                }
                if outcome == WriteOutcome::Written
                    && now_ms - self.last_backup_ms >= PERIODIC_BACKUP_MS
                {
                    // Not again at every write if this backup fails.
                    self.last_backup_ms = now_ms;
                    effects.push(Effect::BackUp(REASON_PERIODIC));
                }
            }
            WriteOutcome::Diverged => {
                if self.round < MAX_WRITE_ROUNDS {
                    effects.push(Effect::Reconcile);
                } else {
                    // Another tab keeps writing: try again in a moment.
                    self.round = 0;
                    effects.extend(self.schedule());
                }
            }
            WriteOutcome::Failed(error) => {
                self.round = 0;
                self.error_shown = true;
                effects.push(Effect::ShowError(error));
            }
        }
        effects
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: f64 = 1_000_000.0;

    /// A machine with one edit whose timer has fired: the write is under way.
    fn writing() -> Machine {
        let mut m = Machine::new(T0);
        m.update(Event::Edited, T0, false);
        assert_eq!(m.update(Event::TimerFired, T0, false), [Effect::Write]);
        m
    }

    #[test]
    fn a_burst_of_edits_starts_one_timer_and_one_write() {
        let mut m = Machine::new(T0);
        assert_eq!(
            m.update(Event::Edited, T0, false),
            [Effect::StartTimer(SAVE_DELAY_MS)]
        );
        assert_eq!(m.update(Event::Edited, T0, false), []);
        assert_eq!(m.update(Event::Edited, T0, false), []);
        assert_eq!(m.update(Event::TimerFired, T0, false), [Effect::Write]);
        assert!(m.has_unsaved());
        assert_eq!(m.update(Event::Wrote(WriteOutcome::Written), T0, false), []);
        assert!(!m.has_unsaved());
        // A stale timer writes nothing.
        assert_eq!(m.update(Event::TimerFired, T0, false), []);
    }

    #[test]
    fn leaving_the_page_writes_what_is_pending_at_once() {
        let mut m = Machine::new(T0);
        m.update(Event::Edited, T0, false);
        assert_eq!(m.update(Event::FlushNow, T0, false), [Effect::Write]);
        m.update(Event::Wrote(WriteOutcome::Written), T0, false);
        // The timer that was running finds nothing to do.
        assert_eq!(m.update(Event::TimerFired, T0, false), []);
        // Nothing pending: leaving writes nothing.
        assert_eq!(m.update(Event::FlushNow, T0, false), []);
    }

    #[test]
    fn another_tabs_newer_state_is_reconciled_before_writing_again() {
        let mut m = writing();
        assert_eq!(
            m.update(Event::Wrote(WriteOutcome::Diverged), T0, false),
            [Effect::Reconcile]
        );
        assert_eq!(
            m.update(Event::Reconciled { adopted: true }, T0, false),
            [Effect::Write]
        );
        assert_eq!(m.update(Event::Wrote(WriteOutcome::Written), T0, false), []);
        assert!(!m.has_unsaved());
    }

    #[test]
    fn a_tab_that_keeps_writing_makes_this_one_retry_later_not_loop() {
        let mut m = writing();
        for _ in 1..MAX_WRITE_ROUNDS {
            assert_eq!(
                m.update(Event::Wrote(WriteOutcome::Diverged), T0, false),
                [Effect::Reconcile]
            );
            assert_eq!(
                m.update(Event::Reconciled { adopted: true }, T0, false),
                [Effect::Write]
            );
        }
        assert_eq!(
            m.update(Event::Wrote(WriteOutcome::Diverged), T0, false),
            [Effect::StartTimer(SAVE_DELAY_MS)]
        );
        assert!(m.has_unsaved());
        assert_eq!(m.update(Event::TimerFired, T0, false), [Effect::Write]);
    }

    #[test]
    fn a_plan_conflict_stops_writing_and_the_edits_stay_unsaved() {
        let mut m = writing();
        m.update(Event::Wrote(WriteOutcome::Diverged), T0, false);
        // The reconciliation found both tabs changed the plan: the user chooses.
        assert_eq!(m.update(Event::Reconciled { adopted: false }, T0, true), []);
        assert_eq!(
            m.update(Event::Edited, T0, true),
            [Effect::StartTimer(SAVE_DELAY_MS)]
        );
        assert_eq!(m.update(Event::TimerFired, T0, true), []);
        assert_eq!(m.update(Event::FlushNow, T0, true), []);
        assert!(m.has_unsaved());
        // Once resolved, the next edit is written.
        m.update(Event::Edited, T0, false);
        assert_eq!(m.update(Event::TimerFired, T0, false), [Effect::Write]);
    }

    #[test]
    fn another_tabs_save_is_reconciled_and_this_tabs_work_stored_again_soon() {
        let mut m = Machine::new(T0);
        assert_eq!(
            m.update(Event::StoredElsewhere, T0, false),
            [Effect::Reconcile]
        );
        assert_eq!(
            m.update(Event::Reconciled { adopted: true }, T0, false),
            [Effect::StartTimer(SAVE_DELAY_MS)]
        );
        assert_eq!(m.update(Event::TimerFired, T0, false), [Effect::Write]);
    }

    #[test]
    fn a_failed_write_is_shown_once_and_cleared_when_a_write_succeeds() {
        let mut m = writing();
        let full = StorageError::QuotaExceeded;
        assert_eq!(
            m.update(Event::Wrote(WriteOutcome::Failed(full.clone())), T0, false),
            [Effect::ShowError(full)]
        );
        assert!(m.has_unsaved());
        m.update(Event::Edited, T0, false);
        m.update(Event::TimerFired, T0, false);
        assert_eq!(
            m.update(Event::Wrote(WriteOutcome::Written), T0, false),
            [Effect::ClearError]
        );
        assert!(!m.has_unsaved());
        // Cleared once: the next write says nothing.
        m.update(Event::Edited, T0, false);
        m.update(Event::TimerFired, T0, false);
        assert_eq!(m.update(Event::Wrote(WriteOutcome::Written), T0, false), []);
    }

    #[test]
    fn ten_minutes_of_editing_back_up_once_after_a_write() {
        let mut m = Machine::new(T0);
        let later = T0 + PERIODIC_BACKUP_MS;
        m.update(Event::Edited, later, false);
        m.update(Event::TimerFired, later, false);
        assert_eq!(
            m.update(Event::Wrote(WriteOutcome::Written), later, false),
            [Effect::BackUp(REASON_PERIODIC)]
        );
        // Not again at the next write.
        m.update(Event::Edited, later + 1.0, false);
        m.update(Event::TimerFired, later + 1.0, false);
        assert_eq!(
            m.update(Event::Wrote(WriteOutcome::Written), later + 1.0, false),
            []
        );
    }

    #[test]
    fn an_unchanged_write_takes_no_periodic_backup() {
        let mut m = Machine::new(T0);
        let later = T0 + PERIODIC_BACKUP_MS;
        m.update(Event::Edited, later, false);
        m.update(Event::TimerFired, later, false);
        assert_eq!(
            m.update(Event::Wrote(WriteOutcome::Unchanged), later, false),
            []
        );
    }

    #[test]
    fn a_backup_before_an_import_restarts_the_periodic_clock() {
        let mut m = Machine::new(T0);
        let later = T0 + PERIODIC_BACKUP_MS;
        m.update(Event::BackedUp, later - 1.0, false);
        m.update(Event::Edited, later, false);
        m.update(Event::TimerFired, later, false);
        assert_eq!(
            m.update(Event::Wrote(WriteOutcome::Written), later, false),
            []
        );
    }

    #[test]
    fn opening_backs_up_only_when_due() {
        let mut m = Machine::new(T0);
        assert_eq!(m.update(Event::Opened { due: false }, T0, false), []);
        assert_eq!(
            m.update(Event::Opened { due: true }, T0, false),
            [Effect::BackUp(REASON_OPENED)]
        );
    }
}
