//! Exact decimals in JSON: written as strings, read from strings or numbers.
//!
//! Strings keep every digit in every tool that touches the file; JSON numbers are
//! accepted because people edit snapshots by hand. A JSON number arrives as an
//! f64, so it is read back through its shortest decimal form ("0.1" stays 0.1,
//! not 0.1000000000000000055...).

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{de, Deserializer, Serializer};

/// Parses a decimal string such as "41079930", "-3.5" or "1e3".
pub fn parse_str<E: de::Error>(s: &str) -> Result<Decimal, E> {
    let t = s.trim();
    if t.is_empty() {
        return Err(E::custom("an empty string is not a number"));
    }
    Decimal::from_str_exact(t)
        .or_else(|_| Decimal::from_scientific(t))
        .map_err(|_| {
            E::custom(format!(
                "{s:?} is not a decimal number (or is out of range)"
            ))
        })
}

/// Converts a JSON number read as f64, refusing what has no exact decimal.
pub fn from_f64<E: de::Error>(v: f64) -> Result<Decimal, E> {
    if !v.is_finite() {
        return Err(E::custom("the number is not finite"));
    }
    // The shortest digits that read back as `v`, from zmij, the formatter
    // serde_json itself uses: the standard library's float formatting would
    // add about 10 kB to the app's first wasm module for this alone. zmij
    // writes "1e21" where `Display` writes twenty-one digits, and "3.0" where
    // it writes "3": the scientific fallback and `normalize` give the same
    // decimal as before.
    let mut buffer = zmij::Buffer::new();
    let shortest = buffer.format_finite(v);
    Decimal::from_str(shortest)
        .or_else(|_| Decimal::from_scientific(shortest))
        .map(|d| d.normalize())
        .map_err(|_| E::custom(format!("the number {shortest} is out of range")))
}

pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.normalize().to_string())
}

struct DecimalVisitor;

impl de::Visitor<'_> for DecimalVisitor {
    type Value = Decimal;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a decimal number, as a string such as \"12.5\" or a JSON number")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        from_f64(v)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_str(v)
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(DecimalVisitor)
}

/// The same for optional fields, where null means absent.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    struct OptVisitor;

    impl<'de> de::Visitor<'de> for OptVisitor {
        type Value = Option<Decimal>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a decimal number or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            super::deserialize(d).map(Some)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        d.deserialize_option(OptVisitor)
    }
}
