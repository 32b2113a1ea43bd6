//! Numbers and dates as people read and type them, in Italian or English.
//!
//! Decimals are formatted from their exact digits, never through floats, so the
//! screen shows exactly what the engine computed. Parsing accepts what a person
//! types: `1.234.567,89` and `3,5` in Italian, `1,234,567.89` and `3.5` in English.

use std::str::FromStr;

use crate::i18n::*;
use chrono::{Datelike, NaiveDate, Timelike};
use cruscotto_engine::scoring::round2;
use rust_decimal::Decimal;
use thiserror::Error;

/// Why a typed number was not understood.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum NumberInputError {
    #[error("empty")]
    Empty,
    #[error("not a number")]
    NotANumber,
}

impl NumberInputError {
    pub fn message(&self, lang: Lang) -> &'static str {
        let l = lang.locale();
        match self {
            NumberInputError::Empty => td_string!(l, messages.number_empty),
            NumberInputError::NotANumber => td_string!(l, messages.number_invalid),
        }
    }
}

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::It => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// Formats a decimal with grouping, keeping at most `max_dp` decimals (rounded
/// half away from zero) and dropping trailing zeros.
pub fn decimal(d: Decimal, lang: Lang, max_dp: u32) -> String {
    let r = d
        .round_dp_with_strategy(max_dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    group(&r.to_string(), lang)
}

/// Formats a decimal with exactly two decimals, as scores are shown.
pub fn fixed2(d: Decimal, lang: Lang) -> String {
    group(&format!("{:.2}", round2(d)), lang)
}

fn group(plain: &str, lang: Lang) -> String {
    let (thousands, dec) = separators(lang);
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(plain.len() + int.len() / 3 + 1);
    out.push_str(sign);
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        // Four-digit numbers are grouped too ("2.038"), as the Allegato prints them.
        if i > 0 && (n - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(dec);
        out.push_str(f);
    }
    out
}

/// Parses a number typed by a person in the given language.
///
/// Spaces, a trailing `%` or `€` are ignored. In Italian a `.` followed by
/// groups of exactly three digits is a thousands separator (`1.234`), a single
/// `.` otherwise is read as a decimal point (`3.5`), since people paste both.
pub fn parse_number(input: &str, lang: Lang) -> Result<Decimal, NumberInputError> {
    let s: String = input
        .trim()
        .trim_end_matches(['%', '€'])
        .trim_start_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\'')
        .collect();
    if s.is_empty() {
        return Err(NumberInputError::Empty);
    }
    let (thousands, dec) = separators(lang);
    let normalized = if s.contains(dec) {
        let (int, frac) = s.rsplit_once(dec).ok_or(NumberInputError::NotANumber)?;
        if frac.contains(thousands) || frac.contains(dec) {
            return Err(NumberInputError::NotANumber);
        }
        format!("{}.{}", strip_grouping(int, thousands)?, frac)
    } else if s.contains(thousands) {
        if is_grouped(&s, thousands) {
            s.replace(thousands, "")
        } else if lang == Lang::It && s.matches('.').count() == 1 {
            s.clone()
        } else {
            return Err(NumberInputError::NotANumber);
        }
    } else {
        s.clone()
    };
    let body = normalized.trim_start_matches(['+', '-']);
    if body.is_empty()
        || !body.chars().all(|c| c.is_ascii_digit() || c == '.')
        || body.starts_with('.')
    {
        return Err(NumberInputError::NotANumber);
    }
    Decimal::from_str(&normalized).map_err(|_| NumberInputError::NotANumber)
}

fn strip_grouping(int: &str, thousands: char) -> Result<String, NumberInputError> {
    if !int.contains(thousands) {
        return Ok(int.to_string());
    }
    if is_grouped(int, thousands) {
        Ok(int.replace(thousands, ""))
    } else {
        Err(NumberInputError::NotANumber)
    }
}

/// `1.234.567`: a first group of 1–3 digits, then groups of exactly three.
fn is_grouped(s: &str, sep: char) -> bool {
    let s = s.trim_start_matches(['+', '-']);
    let mut parts = s.split(sep);
    let first_ok = parts
        .next()
        .is_some_and(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    let mut rest = parts.peekable();
    first_ok
        && rest.peek().is_some()
        && rest.all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
}

/// An indicator's unit as the reader's language writes it. The plan's units
/// are the office's words ("studenti", "€") and are shown as written, except
/// a rating scale the plan also states as numbers ("scala 1–6" with a scale
/// of 1 to 6), which reads "scale 1–6" in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    Scale { min: Decimal, max: Decimal },
    Text(String),
}

impl Unit {
    /// The unit of `indicator`, `None` when the plan gives none.
    pub fn of(indicator: &cruscotto_engine::Indicator) -> Option<Unit> {
        let text = indicator
            .unit
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())?;
        let scale = indicator
            .scale
            .as_ref()
            .and_then(|s| Some((s.min?, s.max?)));
        match scale {
            Some((min, max)) if is_scale_word(text) => Some(Unit::Scale { min, max }),
            _ => Some(Unit::Text(text.to_string())),
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match self {
            Unit::Scale { min, max } => td_string!(
                lang.locale(),
                messages.unit_scale,
                min = decimal(*min, lang, 10),
                max = decimal(*max, lang, 10)
            )
            .to_string(),
            Unit::Text(t) => t.clone(),
        }
    }
}

/// "scala 1–6", "Scala 1-5", "scala da 1 a 6": a rating scale named in Italian.
fn is_scale_word(unit: &str) -> bool {
    unit.to_lowercase().starts_with("scala")
}

/// `value` followed by its unit, if any: "4,2 scala 1–6", "80 %".
pub fn with_unit(value: String, unit: Option<&Unit>, lang: Lang) -> String {
    match unit {
        Some(u) => format!("{value} {}", u.text(lang)),
        None => value,
    }
}

/// Why a typed date was not understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotADate;

/// Reads a date as a person types it, whatever the interface's language:
/// day first (`30/11/2023`, `30.11.2023`, `30-11-23`, `30112023`), with the
/// month's name in Italian or English (`30 nov 2023`, `30 novembre 2023`,
/// `31 Dec 2023`, as the English screens show it), or ISO (`2023-11-30`).
/// Day first in both languages, as the field's hint says: a month-first
/// reading (`11/30/2023`) would make `05/03` mean two different days.
/// Two-digit years are of this century. Empty reads as no date.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, NotADate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | '-' | ','))
        .filter(|p| !p.is_empty())
        .collect();
    let number = |p: &str| -> Result<u32, NotADate> {
        if p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()) {
            p.parse().map_err(|_| NotADate)
        } else {
            Err(NotADate)
        }
    };
    let year = |p: &str| -> Result<i32, NotADate> {
        let y = number(p)? as i32;
        match p.len() {
            4 => Ok(y),
            2 => Ok(2000 + y),
            _ => Err(NotADate),
        }
    };
    let (y, m, d) = match parts.as_slice() {
        [compact] if compact.len() == 8 => {
            let (d, rest) = compact.split_at(2);
            let (m, y) = rest.split_at(2);
            (year(y)?, number(m)?, number(d)?)
        }
        [y, m, d] if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => {
            (year(y)?, number(m)?, number(d)?)
        }
        [d, m, y] => {
            let m = number(m).or_else(|_| month_named(m).ok_or(NotADate))?;
            (year(y)?, m, number(d)?)
        }
        _ => return Err(NotADate),
    };
    NaiveDate::from_ymd_opt(y, m, d).map(Some).ok_or(NotADate)
}

/// Whether a typed date is complete enough to record while the person is
/// still typing: its year has four digits. `30/11/20` is not recorded as
/// 2020 on the way to `30/11/2023`; leaving the field records it as typed.
pub fn date_typed_in_full(text: &str) -> bool {
    let text = text.trim();
    let digits_at_end = text.chars().rev().take_while(char::is_ascii_digit).count();
    let starts_with_year =
        text.chars().take_while(char::is_ascii_digit).count() == 4 && text.len() >= 8;
    digits_at_end == 4 && text.len() > 4
        || text.len() == 8 && digits_at_end == 8
        || starts_with_year
}

/// The month a name means, in Italian or English, by its first three letters
/// (`nov`, `novembre`, `Dec`, `dicembre`).
fn month_named(name: &str) -> Option<u32> {
    const IT: [&str; 12] = [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ];
    const EN: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_lowercase();
    if lower.chars().count() < 3 || !lower.chars().all(char::is_alphabetic) {
        return None;
    }
    let head: String = lower.chars().take(3).collect();
    IT.iter()
        .position(|m| *m == head)
        .or_else(|| EN.iter().position(|m| *m == head))
        .map(|i| i as u32 + 1)
}

/// A date as people read it: `31/12/2023` in Italian, `31 Dec 2023` in English.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    // Written by hand rather than with chrono's `format`: its strftime parser
    // and formatter weigh more in the wasm than these two patterns.
    match lang {
        Lang::It => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En => format!("{} {} {}", d.day(), month(d.month(), lang), d.year()),
    }
}

/// A month's short name (1 = January).
fn month(m: u32, lang: Lang) -> &'static str {
    let l = lang.locale();
    match m {
        1 => td_string!(l, messages.month_1),
        2 => td_string!(l, messages.month_2),
        3 => td_string!(l, messages.month_3),
        4 => td_string!(l, messages.month_4),
        5 => td_string!(l, messages.month_5),
        6 => td_string!(l, messages.month_6),
        7 => td_string!(l, messages.month_7),
        8 => td_string!(l, messages.month_8),
        9 => td_string!(l, messages.month_9),
        10 => td_string!(l, messages.month_10),
        11 => td_string!(l, messages.month_11),
        _ => td_string!(l, messages.month_12),
    }
}

/// An RFC 3339 timestamp in the browser's time zone (stamps are stored in UTC,
/// but a manager in Milan reads Italian time), or the raw text if malformed.
pub fn timestamp(ts: &str, lang: Lang) -> String {
    match chrono::DateTime::parse_from_rfc3339(ts) {
        Ok(t) => {
            let t = t.with_timezone(&local_offset(&t));
            format!(
                "{} {:02}:{:02}",
                date(t.date_naive(), lang),
                t.hour(),
                t.minute()
            )
        }
        Err(_) => ts.to_string(),
    }
}

/// The browser's UTC offset at that instant (daylight saving included).
#[cfg(target_arch = "wasm32")]
fn local_offset(t: &chrono::DateTime<chrono::FixedOffset>) -> chrono::FixedOffset {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.timestamp_millis() as f64));
    // getTimezoneOffset is minutes *behind* UTC: -60 in Rome in winter.
    let west_seconds = (date.get_timezone_offset() * 60.0) as i32;
    chrono::FixedOffset::west_opt(west_seconds).unwrap_or(*t.offset())
}

/// A stamp as a clock on the wall of the reader shows it (the browser's time
/// zone), for the workbook's date cells: the screens show local time too.
pub fn local_time(t: &chrono::DateTime<chrono::FixedOffset>) -> chrono::NaiveDateTime {
    t.with_timezone(&local_offset(t)).naive_local()
}

/// Natively (tests) the stamp's own offset is kept.
#[cfg(not(target_arch = "wasm32"))]
fn local_offset(t: &chrono::DateTime<chrono::FixedOffset>) -> chrono::FixedOffset {
    *t.offset()
}

/// A level (0–4) with two decimals, or a dash when not assessed.
pub fn level(l: Option<Decimal>, lang: Lang) -> String {
    l.map_or_else(|| "—".to_string(), |l| fixed2(l, lang))
}

/// A percentage with one decimal and the sign, or a dash.
pub fn percent(p: Option<Decimal>, lang: Lang) -> String {
    p.map_or_else(|| "—".to_string(), |p| format!("{} %", decimal(p, lang, 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn a_number_not_understood_says_how_to_write_one() {
        assert_eq!(
            NumberInputError::Empty.message(Lang::It),
            "Inserire un numero."
        );
        assert_eq!(NumberInputError::Empty.message(Lang::En), "Enter a number.");
        assert_eq!(
            NumberInputError::NotANumber.message(Lang::It),
            "Numero non valido: usare la virgola per i decimali, ad esempio 1.234,5 o 3,5."
        );
        assert_eq!(
            NumberInputError::NotANumber.message(Lang::En),
            "Not a valid number: use a point for decimals, for example 1,234.5 or 3.5."
        );
    }

    #[test]
    fn a_rating_scale_unit_reads_in_the_interface_language_and_other_units_as_written() {
        let plan = cruscotto_engine::default_snapshot().plan;
        let (_, survey) = plan
            .indicator("soddisfazione-docenti-i1")
            .expect("indicator");
        let unit = Unit::of(survey).expect("unit");
        assert_eq!(unit.text(Lang::It), "scala 1–6");
        assert_eq!(unit.text(Lang::En), "scale 1–6");
        assert_eq!(
            with_unit("4,2".into(), Some(&unit), Lang::It),
            "4,2 scala 1–6"
        );
        let mut euro = survey.clone();
        euro.unit = Some("€".into());
        euro.scale = None;
        assert_eq!(Unit::of(&euro).map(|u| u.text(Lang::En)), Some("€".into()));
        euro.unit = Some("  ".into());
        assert_eq!(Unit::of(&euro), None);
    }

    #[test]
    fn typed_dates_read_day_first_in_either_language_and_as_shown() {
        let nov30 = NaiveDate::from_ymd_opt(2023, 11, 30);
        for typed in [
            "30/11/2023",
            " 30.11.2023 ",
            "30-11-2023",
            "30/11/23",
            "30112023",
            "30 nov 2023",
            "30 novembre 2023",
            "30 Nov 2023",
            "2023-11-30",
        ] {
            assert_eq!(parse_date(typed), Ok(nov30), "{typed}");
        }
        let day = NaiveDate::from_ymd_opt(2024, 3, 5).expect("date");
        for lang in [Lang::It, Lang::En] {
            assert_eq!(parse_date(&date(day, lang)), Ok(Some(day)), "{lang:?}");
        }
        assert_eq!(
            parse_date("5 dicembre 2023"),
            Ok(NaiveDate::from_ymd_opt(2023, 12, 5))
        );
        assert_eq!(
            parse_date("5 Dec 2023"),
            Ok(NaiveDate::from_ymd_opt(2023, 12, 5))
        );
        assert_eq!(parse_date("   "), Ok(None));
    }

    #[test]
    fn impossible_or_unreadable_dates_are_refused() {
        for bad in [
            "30/02/2023",
            "11/30/2023",
            "30/11",
            "30/11/203",
            "domani",
            "30 no 2023",
            "2023-11-30T10:00",
            "1/1/1/2023",
        ] {
            assert_eq!(parse_date(bad), Err(NotADate), "{bad}");
        }
    }

    #[test]
    fn a_date_is_recorded_while_typing_only_once_its_year_has_four_digits() {
        assert!(date_typed_in_full("30/11/2023"));
        assert!(date_typed_in_full("2023-11-30"));
        assert!(date_typed_in_full("30112023"));
        assert!(date_typed_in_full("30 nov 2023"));
        assert!(!date_typed_in_full("30/11/20"));
        assert!(!date_typed_in_full("30/11/202"));
        assert!(!date_typed_in_full("3011"));
    }

    #[test]
    fn italian_input_with_thousands_and_decimal_comma_parses_exactly() {
        assert_eq!(parse_number("1.234.567,89", Lang::It), Ok(d("1234567.89")));
        assert_eq!(parse_number("3,5", Lang::It), Ok(d("3.5")));
        assert_eq!(parse_number("41.079.930", Lang::It), Ok(d("41079930")));
        assert_eq!(parse_number(" 80 % ", Lang::It), Ok(d("80")));
        assert_eq!(parse_number("-2,25", Lang::It), Ok(d("-2.25")));
    }

    #[test]
    fn italian_single_point_not_in_groups_is_a_decimal_point() {
        assert_eq!(parse_number("3.5", Lang::It), Ok(d("3.5")));
        // Three digits after the point read as thousands, as an Italian writes it.
        assert_eq!(parse_number("1.185", Lang::It), Ok(d("1185")));
    }

    #[test]
    fn english_input_uses_point_for_decimals() {
        assert_eq!(parse_number("1,234,567.89", Lang::En), Ok(d("1234567.89")));
        assert_eq!(parse_number("3.5", Lang::En), Ok(d("3.5")));
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for bad in [
            "abc", "1,2,3", "1.23.4", "1,5,", ",", "--1", "1e5", "12,34.5",
        ] {
            assert_eq!(
                parse_number(bad, Lang::It),
                Err(NumberInputError::NotANumber),
                "{bad}"
            );
        }
        assert_eq!(parse_number("  ", Lang::It), Err(NumberInputError::Empty));
    }

    #[test]
    fn decimals_format_with_the_languages_separators() {
        assert_eq!(decimal(d("1234567.89"), Lang::It, 2), "1.234.567,89");
        assert_eq!(decimal(d("1234567.89"), Lang::En, 2), "1,234,567.89");
        assert_eq!(decimal(d("2038"), Lang::It, 2), "2.038");
        assert_eq!(decimal(d("3.50"), Lang::It, 2), "3,5");
        assert_eq!(fixed2(d("2.8"), Lang::It), "2,80");
        assert_eq!(fixed2(d("-1234.005"), Lang::En), "-1,234.01");
    }

    #[test]
    fn dates_format_per_language() {
        let day = NaiveDate::from_ymd_opt(2023, 12, 31).expect("date");
        assert_eq!(date(day, Lang::It), "31/12/2023");
        assert_eq!(date(day, Lang::En), "31 Dec 2023");
    }

    #[test]
    fn italian_dates_pad_the_day_and_english_dates_do_not() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 5).expect("date");
        assert_eq!(date(day, Lang::It), "05/03/2024");
        assert_eq!(date(day, Lang::En), "5 Mar 2024");
    }

    #[test]
    fn timestamps_show_date_hours_and_minutes_or_the_raw_text() {
        // Natively the stamp's own offset is kept (the browser's zone is wasm-only).
        assert_eq!(
            timestamp("2023-06-01T09:05:00+02:00", Lang::It),
            "01/06/2023 09:05"
        );
        assert_eq!(
            timestamp("2023-06-01T09:05:00+02:00", Lang::En),
            "1 Jun 2023 09:05"
        );
        assert_eq!(timestamp("ieri", Lang::It), "ieri");
    }
}
