//! Cruscotto's browser app: a Leptos client-side app that Trunk compiles to wasm.
//!
//! The app ships as two wasm modules built from this one library, so that a
//! first visit downloads only what the daily work needs (see [`modules`]):
//!
//! - `cruscotto-app` (`src/main.rs`): the overview, reading only stored data
//!   of the current version; what a first visit loads.
//! - `cruscotto-full` (`src/bin/cruscotto-full.rs`): every screen, the plan
//!   editor, import and export, comparison and report (with its XLSX writer)
//!   included, and every version of the stored data; what every other page
//!   loads.
//!
//! Each binary names only its own parts ([`app::FIRST_MODULE`],
//! [`app::FULL_APP`]), so the linker leaves out of the first module what only
//! the full app uses.
//! `app` wires the router and the state; pages live in `src/pages`, reusable
//! pieces in `src/components`. All numbers come from `cruscotto_engine`.

pub mod app;
pub mod components;
pub mod i18n;
pub mod io;
pub mod modules;
pub mod pages;
pub mod report;
pub mod state;
#[cfg(test)]
mod test_fixtures;
pub mod view;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the panic hook and mounts one module's app on what was `loaded`
/// from storage.
pub fn start(parts: app::Parts, loaded: io::storage::Loaded) {
    install_panic_hook();
    remove_prerender();
    mount_to_body(move || view! { <app::App parts=parts loaded=loaded /> });
}

/// Removes the first visit's overview that index.html carries prerendered
/// (`scripts/prerender.mjs`): the app renders the same screen, live, in the same
/// task, so nothing flickers, and no id is ever on the page twice.
fn remove_prerender() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(nodes) = document.query_selector_all("[data-prerender]") else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(element) = nodes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            element.remove();
        }
    }
}

/// Shown instead of the app when it panics, so a defect never leaves a blank page.
const PANIC_MESSAGE: &str = "<main class=\"panic\" role=\"alert\">\
<h1>Si è verificato un errore imprevisto</h1>\
<p>Cruscotto si è interrotto. Ricarica la pagina per riprendere; \
se l'errore si ripete, segnala il messaggio mostrato nella console del browser.</p>\
</main>";

/// Logs panics to the browser console and replaces the page with a readable message.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal(PANIC_MESSAGE);
    }));
}

/// Replaces the whole page with `html` (a fixed message of ours, never user data).
pub fn show_fatal(html: &str) {
    if let Some(body) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    {
        body.set_inner_html(html);
    }
}
