//! The names of the files Cruscotto writes: say what they hold and when, and
//! are safe on every file system.

use chrono::NaiveDate;

/// `cruscotto-<plan id>-<area or tutte-le-aree>-<YYYY-MM-DD>.json`, with every
/// character a file system might refuse replaced by `-`.
pub fn export_file_name(plan_id: &str, area: Option<&str>, date: NaiveDate) -> String {
    let area = area
        .filter(|a| !a.trim().is_empty())
        .unwrap_or("tutte-le-aree");
    format!(
        "cruscotto-{}-{}-{}.json",
        safe_part(plan_id),
        safe_part(area),
        date
    )
}

fn safe_part(s: &str) -> String {
    let cleaned: String = s
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(['-', '.']).to_string();
    if cleaned.is_empty() {
        "piano".into()
    } else {
        cleaned
    }
}

/// The name of the downloaded raw data.
pub fn raw_file_name(date: chrono::NaiveDate) -> String {
    // NaiveDate displays as YYYY-MM-DD without chrono's strftime machinery,
    // which the first wasm module would otherwise link for this alone.
    format!("cruscotto-dati-non-leggibili-{date}.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_raw_file_name_has_the_date() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        assert_eq!(
            raw_file_name(date),
            "cruscotto-dati-non-leggibili-2026-11-25.json"
        );
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
    }

    #[test]
    fn file_name_has_plan_area_and_date() {
        assert_eq!(
            export_file_name("polimi-2023", Some("ARUO"), day()),
            "cruscotto-polimi-2023-ARUO-2026-11-25.json"
        );
        assert_eq!(
            export_file_name("polimi-2023", None, day()),
            "cruscotto-polimi-2023-tutte-le-aree-2026-11-25.json"
        );
    }

    #[test]
    fn file_name_replaces_characters_file_systems_refuse() {
        assert_eq!(
            export_file_name("../piano 2024/bis", Some(" "), day()),
            "cruscotto-piano-2024-bis-tutte-le-aree-2026-11-25.json"
        );
        assert_eq!(
            export_file_name("", Some("A:B"), day()),
            "cruscotto-piano-A-B-2026-11-25.json"
        );
    }
}
