//! What the editor's parts share: the live validation report of the plan and
//! the objective being edited, and how its parts change and read the plan. Provided by the editor page, read with
//! [`use_editor`].

use cruscotto_engine::{Indicator, Issue, Objective, Report};
use leptos::prelude::*;

use crate::state::AppState;

/// The editor's shared state. All fields are signals, so it is `Copy`.
#[derive(Clone, Copy)]
pub struct EditorCtx {
    /// `validate_plan` of the current plan, recomputed on every change.
    pub report: Memo<Report>,
    /// The position of the objective open in the form.
    pub selected: RwSignal<Option<usize>>,
}

impl EditorCtx {
    /// The errors and warnings whose path is exactly `path`, errors first.
    pub fn issues_at(&self, path: &str) -> Vec<Issue> {
        self.report.with(|r| {
            r.errors
                .iter()
                .chain(r.warnings.iter())
                .filter(|i| i.path == path)
                .cloned()
                .collect()
        })
    }

    /// Whether any error or warning lies at or under `prefix` (e.g. an objective).
    pub fn has_issues_under(&self, prefix: &str) -> bool {
        self.report.with(|r| {
            r.errors.iter().chain(r.warnings.iter()).any(|i| {
                i.path == prefix
                    || i.path.starts_with(&format!("{prefix}."))
                    || i.path.starts_with(&format!("{prefix}["))
            })
        })
    }
}

/// The editor context provided by the editor page.
pub fn use_editor() -> EditorCtx {
    expect_context::<EditorCtx>()
}

/// Applies a change to objective `oi`, if it still exists.
pub fn edit_objective(app: AppState, oi: usize, change: impl FnOnce(&mut Objective)) {
    app.edit_plan(|p| {
        if let Some(o) = p.objectives.get_mut(oi) {
            change(o);
        }
    });
}

/// Applies a change to indicator `ii` of objective `oi`, if it still exists.
pub fn edit_indicator(app: AppState, oi: usize, ii: usize, change: impl FnOnce(&mut Indicator)) {
    app.edit_plan(|p| {
        if let Some(ind) = p
            .objectives
            .get_mut(oi)
            .and_then(|o| o.indicators.get_mut(ii))
        {
            change(ind);
        }
    });
}

/// Reads a value of indicator `ii` of objective `oi` as a signal.
pub fn read_indicator<T: Default + Send + Sync + 'static>(
    app: AppState,
    oi: usize,
    ii: usize,
    f: impl Fn(&Indicator) -> T + Send + Sync + 'static,
) -> Signal<T> {
    Signal::derive(move || {
        app.plan.with(|p| {
            p.objectives
                .get(oi)
                .and_then(|o| o.indicators.get(ii))
                .map(&f)
                .unwrap_or_default()
        })
    })
}
