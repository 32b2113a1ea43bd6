//! The band a level falls in (below threshold, threshold, target, excellence)
//! and its name: one wording for badges, the report and the exports.

use crate::i18n::Lang;
use rust_decimal::Decimal;

/// The band a level falls in, for the badge's colour and name.
pub fn band(level: Option<Decimal>) -> &'static str {
    match level {
        None => "none",
        Some(l) if l >= Decimal::from(4) => "excellence",
        Some(l) if l >= Decimal::from(3) => "target",
        Some(l) if l >= Decimal::ONE => "threshold",
        Some(_) => "below",
    }
}

pub fn band_name(band: &str, lang: Lang) -> &'static str {
    match (band, lang) {
        ("excellence", Lang::It) => "eccellenza",
        ("excellence", Lang::En) => "excellence",
        ("target", _) => "target",
        ("threshold", Lang::It) => "soglia",
        ("threshold", Lang::En) => "threshold",
        ("below", Lang::It) => "sotto soglia",
        ("below", Lang::En) => "below threshold",
        (_, Lang::It) => "non valutato",
        (_, Lang::En) => "not assessed",
    }
}
