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

/// The 2023 plan adopted and changed three times, with results between the
/// old and the new bars: the engine's golden file, which its tests pin to
/// their `revised_2023` builder.
pub fn revised_2023() -> cruscotto_engine::Snapshot {
    cruscotto_engine::snapshot::parse_current(include_bytes!(
        "../engine/tests/golden/v6-polimi-2023-revised.json"
    ))
    .expect("the golden file parses")
}
