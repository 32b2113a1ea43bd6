//! Ids of page elements built from plan ids, so that every screen, the report
//! and the tests name an element the same way.

use cruscotto_engine::ResultKey;

/// The id of an element showing one result: the indicator's id for a shared
/// result (so shared objectives keep the ids they always had), the indicator's
/// and the area's for one area's result of a per-area objective
/// (`value-rotazione-rup-i1--ARUO`).
pub fn result_dom_id(prefix: &str, key: &ResultKey) -> String {
    match &key.area {
        None => dom_id(prefix, &key.indicator),
        Some(area) => dom_id(prefix, &format!("{}--{area}", key.indicator)),
    }
}

/// A string safe in an HTML id, from a plan id that may hold any character.
pub fn dom_id(prefix: &str, id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{prefix}{safe}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dom_ids_are_safe() {
        assert_eq!(dom_id("area-score-", "ATE"), "area-score-ATE");
        assert_eq!(dom_id("x-", "a b/é"), "x-a_b__");
    }

    #[test]
    fn an_areas_result_has_its_own_id_and_a_shared_one_keeps_the_old_id() {
        assert_eq!(
            result_dom_id("value-", &ResultKey::shared("rotazione-rup-i1")),
            "value-rotazione-rup-i1"
        );
        assert_eq!(
            result_dom_id("value-", &ResultKey::per_area("rotazione-rup-i1", "ARUO")),
            "value-rotazione-rup-i1--ARUO"
        );
    }
}
