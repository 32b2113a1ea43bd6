//! Cruscotto's engine: the plan model, scoring, validation and the snapshot format.
//!
//! Everything the app shows is computed here, in plain Rust with exact decimals,
//! so that the browser, the CLI and the tests agree to the last digit.

pub mod decimal_serde;
pub mod model;

pub use model::*;
