//! Cruscotto's engine: the plan model, scoring, validation and the snapshot format.
//!
//! Everything the app shows is computed here, in plain Rust with exact decimals,
//! so that the browser, the CLI and the tests agree to the last digit.

pub mod allegato;
pub mod cycle;
pub mod decimal_serde;
pub mod diff;
pub mod history;
pub mod live;
pub mod merge;
pub mod model;
pub mod revision;
pub mod scoring;
pub mod share;
pub mod snapshot;
pub mod summary;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod validate;
pub mod values;

pub use history::{TimelinePoint, MAX_HISTORY};
pub use live::LiveScore;
pub use model::*;
pub use scoring::{AreaScore, PillarScore, Scorecard};
pub use summary::{score_summary, ScoreSummary};
pub use validate::{validate, validate_plan, Issue, IssueKind, Report, Severity};

/// The 2023 Politecnico di Milano plan, transcribed from the Allegato 4, as shipped
/// with every build so that the app and the CLI open on it without a network:
/// `data/polimi-2023.json` without the whitespace between tokens (`build.rs`).
pub const DEFAULT_PLAN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/polimi-2023.min.json"));

/// The embedded 2023 plan with empty progress.
pub fn default_snapshot() -> Snapshot {
    // The embedded file is pinned by tests (`default_plan_is_valid`), so a failure
    // here is a build defect, not a user error.
    // It goes through the decoder of stored and imported files, and only its
    // fast path (the file is of the current version): a decoder of its own
    // would compile every Deserialize impl of the model a second time into the
    // wasm, and the general path would put the migrations into the first module.
    #[allow(clippy::expect_used)]
    snapshot::parse_current(DEFAULT_PLAN_JSON.as_bytes()).expect("the embedded 2023 plan parses")
}
