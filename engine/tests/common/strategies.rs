//! Proptest strategies shared by the property tests: decimals, dates and
//! progress entries of every shape, fitting their indicator or not.

use chrono::{Duration, NaiveDate};
use cruscotto_engine::*;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

use super::date;

/// Every Decimal can appear: small everyday values, the full 96-bit range at
/// every scale, and the edges.
pub fn any_decimal() -> impl Strategy<Value = Decimal> {
    let max = (1i128 << 96) - 1;
    prop_oneof![
        4 => (-1_000_000i64..1_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
        3 => (-max..=max, 0u32..=28).prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s)),
        1 => select(vec![
            Decimal::MIN,
            Decimal::MAX,
            Decimal::ZERO,
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::new(1, 28),
        ]),
    ]
}

pub fn any_date() -> impl Strategy<Value = NaiveDate> {
    // 1990-01-01 plus up to ~110 years.
    (0i64..40_000).prop_map(|days| date("1990-01-01") + Duration::days(days))
}

/// Anything at all in an entry, for any id, fitting or not.
pub fn any_entry() -> impl Strategy<Value = ProgressEntry> {
    (
        prop::option::of(any::<u8>()),
        prop::option::of(any_decimal()),
        prop::option::of(any_date()),
        prop::option::of(select(vec![
            "2023-06-15T10:30:00+02:00",
            "2023-06-15",
            "",
            "2023-13-45T99:00:00Z",
        ])),
    )
        .prop_map(|(level, value, done_on, updated_at)| ProgressEntry {
            level,
            value,
            done_on,
            updated_at: updated_at.map(String::from),
            ..Default::default()
        })
}
