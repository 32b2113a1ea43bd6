//! When to remind the user to export: local storage is the only copy of what
//! was typed on this device until it is exported, and a browser may clear it
//! (private windows, "clear site data", storage pressure). The app marks the
//! first edit not yet exported (`AppState::unexported_since`); a week after it
//! the overview and the settings say so, until the next export. Pure.

use chrono::{DateTime, Duration};

/// How long edits may wait for an export before the app says so.
pub const EXPORT_AFTER_DAYS: i64 = 7;

/// Whether edits first made at `unexported_since` (RFC 3339) and not
/// exported since are a week old or more at `now`. An unreadable stamp is
/// treated as due: better one reminder too many than a week lost.
pub fn export_due(unexported_since: Option<&str>, now: &str) -> bool {
    let Some(since) = unexported_since else {
        return false;
    };
    match (
        DateTime::parse_from_rfc3339(since),
        DateTime::parse_from_rfc3339(now),
    ) {
        (Ok(since), Ok(now)) => now - since >= Duration::days(EXPORT_AFTER_DAYS),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_a_week_old_not_exported_are_due_and_younger_or_exported_ones_are_not() {
        let now = "2026-12-04T10:00:00Z";
        assert!(
            !export_due(None, now),
            "nothing edited since the last export"
        );
        assert!(
            !export_due(Some("2026-11-28T10:00:01Z"), now),
            "six days and a bit"
        );
        assert!(export_due(Some("2026-11-27T10:00:00Z"), now), "a week");
        assert!(export_due(Some("2026-11-01T10:00:00+01:00"), now));
        assert!(
            export_due(Some("yesterday"), now),
            "an unreadable stamp reminds"
        );
    }
}
