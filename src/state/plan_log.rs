//! The plan's adoption and revisions on this device: the office adopts the
//! plan, records the changes made since as a revision (reason, act, the day
//! it takes effect), or discards them. The rules are the engine's
//! (`cruscotto_engine::revision`); this module applies them to the plan and
//! signs each step with the device's role.

use chrono::NaiveDate;
use cruscotto_engine::revision::{self, RevisionError, RevisionInput};
use cruscotto_engine::Plan;
use leptos::prelude::*;

use crate::io::clock::now;

use super::AppState;

impl AppState {
    /// Applies one step of the log to a copy of the plan and keeps it only
    /// if the step succeeded, so a refused step changes nothing.
    fn log_step<T>(
        &self,
        step: impl FnOnce(&mut Plan, String, Option<String>) -> Result<T, RevisionError>,
    ) -> Result<T, RevisionError> {
        let mut plan = self.plan.get_untracked();
        let author = self.role_untracked().map(|r| r.author());
        let out = step(&mut plan, now(), author)?;
        self.write_plan.set(plan);
        self.scorecard.invalidate();
        self.mark_unexported();
        Ok(out)
    }

    /// Marks the plan adopted by `act` on `date`.
    pub fn adopt_plan(&self, date: NaiveDate, act: &str) -> Result<(), RevisionError> {
        self.log_step(|p, at, by| revision::adopt(p, date, act, Some(at), by))
    }

    /// Withdraws an adoption recorded by mistake (only before any change).
    pub fn withdraw_adoption(&self) -> Result<(), RevisionError> {
        self.log_step(|p, _, _| revision::withdraw_adoption(p))
    }

    /// Records the changes made since the last revision as a new one;
    /// returns its id.
    pub fn record_revision(&self, input: &RevisionInput) -> Result<String, RevisionError> {
        self.log_step(|p, at, by| revision::record(p, input, Some(at), by))
    }

    /// Puts back every objective changed since the last revision.
    pub fn discard_unrecorded(&self) {
        let _ = self.log_step(|p, _, _| {
            revision::discard(p);
            Ok(())
        });
    }
}
