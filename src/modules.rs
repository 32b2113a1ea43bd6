//! Which wasm module serves which address, and the hand-over between them.
//!
//! A first visit must stay small on a slow connection (issue #6: at most
//! 350 kB of gzipped wasm and JS), so what it shows first, the overview, is a
//! module of its own, and the full app (every screen, with the plan editor,
//! import and export, comparison and the report's XLSX writer) is a second
//! module. Both are the same app with different parts (`crate::app::Parts`).
//! The first module serves only the overview, only on stored data of the
//! current version, and only until the app is installed ([`installed`]);
//! every other address, any older or unreadable data, and every visit once
//! the service worker has cached the app start the full app. Going from the
//! first module to the full app is a page load, the state travelling through
//! local storage, which the app saves first (`crate::pages::hand_over`); the
//! full app serves every address, so after that nothing reloads. The service
//! worker precaches both, so both open offline.

use wasm_bindgen::prelude::*;

/// One of the two wasm modules of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    /// `cruscotto-app`: loaded by every page.
    Core,
    /// `cruscotto-full`: every screen.
    Full,
}

/// The module a page opened on `path` (without query or hash) starts: the
/// first module for the overview, the full app for every other address
/// (unknown ones included: it says "not found").
pub fn module_of(path: &str) -> Module {
    if path.trim_matches('/').is_empty() {
        Module::Core
    } else {
        Module::Full
    }
}

/// Whether the app is installed: a service worker controls the page, so both
/// modules come from this browser's cache (it precaches everything before it
/// takes control). Then the full app starts at once, on the overview too, and
/// moving to another screen never loads the page again; the first module is
/// for a first visit, when every byte crosses the network.
pub fn installed() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().service_worker().controller())
        .is_some()
}

/// The module of the address the page was opened on.
pub fn current_path_module() -> Module {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    module_of(&path)
}

#[wasm_bindgen(inline_js = "export function import_module(js, wasm) {
  return import(js).then((m) => m.default({ module_or_path: wasm }));
}")]
extern "C" {
    /// Imports a wasm-bindgen ES module and instantiates its wasm, which runs
    /// its `main`. A dynamic import of this origin's file, allowed by the CSP.
    #[wasm_bindgen(catch)]
    fn import_module(js: &str, wasm: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Shown when the full app cannot be fetched (offline before the service
/// worker has cached it, or a broken deployment).
const LOAD_FAILED: &str = "<main class=\"panic\" role=\"alert\">\
<h1>Impossibile aprire questa pagina</h1>\
<p>Il modulo con l'editor, l'importazione, il confronto e i report non è stato scaricato. \
Controlla la connessione e ricarica la pagina; i dati salvati nel browser non sono stati toccati.</p>\
<p lang=\"en\">This part of Cruscotto could not be downloaded. Check the connection and reload \
the page; the data saved in the browser is untouched.</p>\
<p><a href=\"/\">Cruscotto</a></p></main>";

/// The URLs of the full app's loader and wasm. Trunk gives them fixed names
/// (`cruscotto-full.js`, `cruscotto-full_bg.wasm`; see `index.html`), so they
/// carry the build's revision, which `scripts/build-sw.mjs` writes into the
/// page: an HTTP cache can never pair one build's loader with another's wasm.
pub fn full_app_urls(revision: Option<&str>) -> (String, String) {
    let query = revision
        .filter(|r| !r.is_empty())
        .map(|r| format!("?v={r}"))
        .unwrap_or_default();
    (
        format!("/cruscotto-full.js{query}"),
        format!("/cruscotto-full_bg.wasm{query}"),
    )
}

/// The full app's revision named by the page, if any.
fn page_revision() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(r#"meta[name="cruscotto-full-revision"]"#)
        .ok()??
        .get_attribute("content")
}

/// Starts the full app in this page.
pub fn start_full() {
    crate::install_panic_hook();
    let (js, wasm) = full_app_urls(page_revision().as_deref());
    let loading = import_module(&js, &wasm);
    wasm_bindgen_futures::spawn_local(async move {
        let started = match loading {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        };
        if !started {
            web_sys::console::error_1(&"cruscotto: the full app could not be loaded".into());
            crate::show_fatal(LOAD_FAILED);
        }
    });
}

/// Opens an address of the full app (`url`: path, query and hash) from the
/// first module: a page load that replaces the history entry the router has
/// just pushed, so Back still works.
pub fn open_in_full_app(url: &str) {
    if let Some(window) = web_sys::window() {
        if window.location().replace(url).is_err() {
            web_sys::console::error_1(&"cruscotto: could not open the full app".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_but_the_overview_starts_the_full_app() {
        for path in [
            "/area/ARUO",
            "/objective/sito-ateneo",
            "/settings",
            "/editor",
            "/transfer",
            "/compare",
            "/report",
            "/report/ARUO",
            "/editor/",
            "/nowhere",
        ] {
            assert_eq!(module_of(path), Module::Full, "{path}");
        }
    }

    #[test]
    fn the_full_app_is_asked_for_with_the_build_revision() {
        assert_eq!(
            full_app_urls(Some("0123abcd")),
            (
                "/cruscotto-full.js?v=0123abcd".to_string(),
                "/cruscotto-full_bg.wasm?v=0123abcd".to_string()
            )
        );
    }

    #[test]
    fn without_a_revision_the_full_app_is_asked_for_by_name() {
        for revision in [None, Some("")] {
            assert_eq!(
                full_app_urls(revision),
                (
                    "/cruscotto-full.js".to_string(),
                    "/cruscotto-full_bg.wasm".to_string()
                )
            );
        }
    }

    #[test]
    fn the_overview_starts_the_first_module() {
        for path in ["/", "", "//"] {
            assert_eq!(module_of(path), Module::Core, "{path:?}");
        }
    }
}
