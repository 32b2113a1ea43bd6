//! What the editor's parts share: the live validation report of the plan and
//! the objective being edited. Provided by the editor page, read with
//! [`use_editor`].

use cruscotto_engine::{Issue, Report};
use leptos::prelude::*;

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
