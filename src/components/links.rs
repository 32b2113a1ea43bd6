//! Links to the screens that take plan ids, built in one place so that every
//! page and component names a route the same way.

/// An objective's page, opened for `area` when given: a per-area objective
/// then shows that area's own result first (`?area=`), and the breadcrumb
/// leads back to the area.
pub fn objective_href(id: &str, area: Option<&str>) -> String {
    let path = format!("/objective/{}", js_sys::encode_uri_component(id));
    match area {
        Some(a) => format!("{path}?area={}", js_sys::encode_uri_component(a)),
        None => path,
    }
}
