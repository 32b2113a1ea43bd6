//! Which wasm module serves which address, and the hand-over between them.
//!
//! A first visit must stay small on a slow connection, so the screens a manager
//! looks at every day (overview, area, objective, settings) make the first
//! module, and the full app (every screen, with the plan editor, import and
//! export, comparison and the report's XLSX writer) is a second module, fetched
//! only when one of its addresses is opened. Both are the same app with
//! different routes. Going from the first to the full app is a page load, the
//! state travelling through local storage, which the app saves when a page is
//! left (`crate::state`); the full app serves every address, so after that
//! nothing reloads. The service worker precaches both, so both open offline.

use wasm_bindgen::prelude::*;

/// One of the two wasm modules of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    /// `cruscotto-app`: loaded by every page.
    Core,
    /// `cruscotto-full`: every screen.
    Full,
}

/// The first path segments that only the full app serves.
const FULL_SEGMENTS: [&str; 4] = ["editor", "transfer", "compare", "report"];

/// The module a page opened on `path` (without query or hash) starts. Unknown
/// addresses belong to the first module, which shows "not found".
pub fn module_of(path: &str) -> Module {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    if FULL_SEGMENTS.contains(&first) {
        Module::Full
    } else {
        Module::Core
    }
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
    fn editor_transfer_compare_and_report_start_the_full_app() {
        for path in [
            "/editor",
            "/transfer",
            "/compare",
            "/report",
            "/report/ARUO",
            "/editor/",
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
    fn daily_screens_and_unknown_addresses_start_the_first_module() {
        for path in [
            "/",
            "",
            "/area/ARUO",
            "/objective/sito-ateneo",
            "/settings",
            "/reports",
            "/editors/x",
            "/nowhere",
        ] {
            assert_eq!(module_of(path), Module::Core, "{path}");
        }
    }
}
