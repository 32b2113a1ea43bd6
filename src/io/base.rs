//! Where the app is served from: the folder of its `index.html`, on any path
//! of any static host (`https://host/` or `https://host/cruscotto/`).
//!
//! The build does not know that folder: every file of the build is named
//! relative to the page. The page's first script (index.html, which the build
//! also writes as `404.html`, the page static hosts answer deep links with)
//! finds the folder from the address, taking a screen's path such as
//! `/area/ARUO` off it, or, once the service worker controls the page, from
//! the worker's own address; it loads the page's files from there (a
//! `<base href>` while the head is read) and leaves the folder in
//! `<html data-base="/cruscotto/">`. This module reads it once and gives it to
//! the router (`app.rs`), to the links (`components::links`) and to the files
//! the app asks for itself (the service worker, the XLSX module).

use std::sync::OnceLock;

/// The folder's path, starting and ending with `/` (`/`, `/cruscotto/`), as
/// the page's first script found it; `/` when the page does not say.
pub fn base_path() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let named = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("data-base"));
        folder_of(named.as_deref().unwrap_or("/"))
    })
}

/// `path` as a folder: up to its last `/`, and starting with `/` (pure).
pub fn folder_of(path: &str) -> String {
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    if folder.starts_with('/') {
        folder.to_string()
    } else {
        format!("/{folder}")
    }
}

/// The router's base: the folder without its last `/` (`/cruscotto`), empty
/// at the root of the origin.
pub fn router_base() -> &'static str {
    router_base_of(base_path())
}

/// [`router_base`] of the folder `base` (pure).
pub fn router_base_of(base: &str) -> &str {
    base.trim_end_matches('/')
}

/// The address of `file`, a file of the build (`sw.js`,
/// `cruscotto-xlsx.js?v=…`), in the folder the app is served from.
pub fn file_url(file: &str) -> String {
    format!("{}{file}", base_path())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_the_root_of_the_origin_the_router_has_no_base() {
        for path in ["", "/", "/index.html"] {
            assert_eq!(folder_of(path), "/", "{path}");
            assert_eq!(router_base_of(&folder_of(path)), "", "{path}");
        }
    }

    /// index.html finds the folder of a deep link by taking a screen's path
    /// off the address, so it names every screen of the router (`app.rs`).
    #[test]
    fn the_page_knows_every_screen_of_the_router() {
        let routes = include_str!("../app.rs");
        let page = include_str!("../../index.html");
        let pattern = page
            .lines()
            .find(|line| line.contains("var screen = "))
            .expect("index.html's screen pattern");
        let screens = routes
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest[..rest.find('"')?].split('/').nth(1));
        let mut count = 0;
        for screen in screens.filter(|s| !s.is_empty()) {
            assert!(pattern.contains(screen), "{screen} missing in {pattern}");
            count += 1;
        }
        assert!(count >= 7, "{count} screens found in app.rs");
    }

    #[test]
    fn under_a_folder_the_router_base_is_the_folder_without_its_last_slash() {
        for (path, base) in [
            ("/cruscotto/", "/cruscotto"),
            ("/cruscotto/index.html", "/cruscotto"),
            ("/~rossi/apps/cruscotto/", "/~rossi/apps/cruscotto"),
        ] {
            assert_eq!(router_base_of(&folder_of(path)), base, "{path}");
        }
    }
}
