//! The yearly cycle on this device: a manager submits their area (sealed),
//! the planning office returns or validates it, or reopens it. The rules are
//! the engine's (`cruscotto_engine::cycle`); this module applies them to the
//! app's state and signs each step with the device's role.

use std::collections::BTreeMap;

use cruscotto_engine::cycle::{self, CycleError};
use cruscotto_engine::{ObjectiveReview, Snapshot};
use leptos::prelude::*;

use crate::io::clock::now;

use super::AppState;

impl AppState {
    /// Applies one step of the cycle to a copy of the state, then keeps its
    /// statuses (the step changes nothing else), which are saved like any
    /// edit.
    fn cycle_step<T>(
        &self,
        step: impl FnOnce(&mut Snapshot, &str, Option<String>) -> Result<T, CycleError>,
    ) -> Result<T, CycleError> {
        let mut snapshot = self.snapshot();
        let author = self.role_untracked().map(|r| r.author());
        let out = step(&mut snapshot, &now(), author)?;
        self.write_area_status.set(snapshot.area_status);
        self.mark_unexported();
        Ok(out)
    }

    /// The whole state as a snapshot, read with tracking: a memo over it is
    /// recomputed when the plan, a result or a status changes (seals and the
    /// campaign are computed from it).
    pub fn tracked_snapshot(&self) -> Snapshot {
        self.plan.track();
        self.progress.track();
        self.progress_by_area.track();
        self.area_status.track();
        self.snapshot()
    }

    /// The manager submits `area`: its status becomes submitted, with the
    /// seal of its results, which is returned.
    pub fn submit_area(&self, area: &str) -> Result<String, CycleError> {
        self.cycle_step(|s, at, by| cycle::submit(s, area, at, by))
    }

    /// The office returns `area` with its comments (overall, and per
    /// objective id).
    pub fn return_area(
        &self,
        area: &str,
        comment: Option<String>,
        objectives: BTreeMap<String, String>,
    ) -> Result<(), CycleError> {
        self.cycle_step(|s, at, by| cycle::return_area(s, area, at, by, comment, objectives))
    }

    /// The office validates `area` with its level per assessed objective.
    pub fn validate_area(
        &self,
        area: &str,
        comment: Option<String>,
        reviews: BTreeMap<String, ObjectiveReview>,
    ) -> Result<(), CycleError> {
        self.cycle_step(|s, at, by| cycle::validate_area(s, area, at, by, comment, reviews))
    }

    /// The office reopens `area` (back to draft).
    pub fn reopen_area(&self, area: &str) -> Result<(), CycleError> {
        self.cycle_step(|s, at, by| cycle::reopen(s, area, at, by))
    }
}
