//! Links to the screens, built in one place so that every page and component
//! names a route the same way: under the folder the app is served from
//! (`io::base`, e.g. `/cruscotto/area/ARUO`), with plan ids URI-encoded.

use crate::io::base::router_base;

/// The address of the app's path `path` (`/`, `/editor`, `/area/ARUO`).
pub fn route(path: &str) -> String {
    route_in(router_base(), path)
}

/// [`route`] under the router base `base` (pure).
pub fn route_in(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// The overview.
pub fn overview_href() -> String {
    route("/")
}

/// An area's page.
pub fn area_href(code: &str) -> String {
    route(&area_path(code))
}

/// An objective's page, opened for `area` when given: a per-area objective
/// then shows that area's own result first (`?area=`), and the breadcrumb
/// leads back to the area.
pub fn objective_href(id: &str, area: Option<&str>) -> String {
    route(&objective_path(id, area))
}

/// The office's campaign of self-assessment.
pub fn campaign_href() -> String {
    route("/campaign")
}

/// The report: of every area, or of `area` alone.
pub fn report_href(area: Option<&str>) -> String {
    route(&report_path(area))
}

fn area_path(code: &str) -> String {
    format!("/area/{}", encode(code))
}

fn objective_path(id: &str, area: Option<&str>) -> String {
    let path = format!("/objective/{}", encode(id));
    match area {
        Some(a) => format!("{path}?area={}", encode(a)),
        None => path,
    }
}

fn report_path(area: Option<&str>) -> String {
    match area {
        Some(a) => format!("/report/{}", encode(a)),
        None => "/report".to_string(),
    }
}

/// `text` as one path segment or query value, as JavaScript's
/// `encodeURIComponent` writes it: every byte of its UTF-8 but letters,
/// digits and `-_.!~*'()` as `%XX`.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_under_the_base() {
        assert_eq!(route_in("", "/"), "/");
        assert_eq!(route_in("/cruscotto", "/"), "/cruscotto/");
        assert_eq!(route_in("/cruscotto", "/editor"), "/cruscotto/editor");
    }

    #[test]
    fn plan_ids_are_one_encoded_segment() {
        assert_eq!(area_path("ARUO"), "/area/ARUO");
        assert_eq!(area_path("A/B"), "/area/A%2FB");
        assert_eq!(
            objective_path("sito ateneo/2", Some("ARUO")),
            "/objective/sito%20ateneo%2F2?area=ARUO"
        );
        assert_eq!(objective_path("qualità", None), "/objective/qualit%C3%A0");
        assert_eq!(
            objective_path("a?b#c&d", Some("x&y")),
            "/objective/a%3Fb%23c%26d?area=x%26y"
        );
        assert_eq!(report_path(None), "/report");
        assert_eq!(report_path(Some("AAF")), "/report/AAF");
    }
}
