//! Ids of page elements built from plan ids, so that every screen, the report
//! and the tests name an element the same way.

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
}
