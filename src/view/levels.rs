//! The band a level falls in (below threshold, threshold, target, excellence)
//! and its name: one wording for badges, the report and the exports.

use crate::i18n::*;
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

/// The name of a band (`"none"` or anything unknown: not assessed).
pub fn band_name(band: &str, lang: Lang) -> &'static str {
    let l = lang.locale();
    match band {
        "excellence" => td_string!(l, messages.band_excellence),
        "target" => td_string!(l, messages.band_target),
        "threshold" => td_string!(l, messages.band_threshold),
        "below" => td_string!(l, messages.band_below),
        _ => td_string!(l, messages.band_none),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_named_in_both_languages() {
        let names = |lang| {
            ["excellence", "target", "threshold", "below", "none"].map(|b| band_name(b, lang))
        };
        assert_eq!(
            names(Lang::It),
            [
                "eccellenza",
                "target",
                "soglia",
                "sotto soglia",
                "non valutato"
            ]
        );
        assert_eq!(
            names(Lang::En),
            [
                "excellence",
                "target",
                "threshold",
                "below threshold",
                "not assessed"
            ]
        );
    }
}
