//! Builders of progress entries for the app's unit tests, shared so that each
//! test module does not grow its own copy (the engine's tests have theirs in
//! `engine/tests/common`, which this crate cannot reach).

use std::str::FromStr;

use cruscotto_engine::ProgressEntry;
use rust_decimal::Decimal;

/// An entry recording a level (0–4), nothing else.
pub fn at_level(level: u8) -> ProgressEntry {
    ProgressEntry {
        level: Some(level),
        ..ProgressEntry::default()
    }
}

/// An entry recording a measured value, written as a decimal string.
pub fn valued(value: &str) -> ProgressEntry {
    ProgressEntry {
        value: Some(Decimal::from_str(value).expect("test decimal")),
        ..ProgressEntry::default()
    }
}
