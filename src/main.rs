//! Cruscotto's browser app: a Leptos client-side app that Trunk compiles to wasm.
//!
//! `app` wires the router and the state; pages live in `src/pages`, reusable
//! pieces in `src/components`. All numbers come from `cruscotto_engine`.

use leptos::prelude::*;

mod app;
mod components;
mod consolidate;
mod format;
mod pages;
mod report;
mod report_xlsx;
mod state;
mod storage;
mod tab_sync;
mod transfer_diff;
mod transfer_io;

// Reads locales/<lang>/<namespace>.json at compile time. The macro is deprecated
// in favour of a build-script generator that reads the same files; it is kept
// while it works, because it needs no build script on a 2-core machine.
#[allow(deprecated)]
mod i18n_gen {
    leptos_i18n::load_locales!();
}
use i18n_gen::i18n;

fn main() {
    install_panic_hook();
    mount_to_body(app::App);
}

/// Shown instead of the app when it panics, so a defect never leaves a blank page.
const PANIC_MESSAGE: &str = "<main class=\"panic\" role=\"alert\">\
<h1>Si è verificato un errore imprevisto</h1>\
<p>Cruscotto si è interrotto. Ricarica la pagina per riprendere; \
se l'errore si ripete, segnala il messaggio mostrato nella console del browser.</p>\
</main>";

/// Logs panics to the browser console and replaces the page with a readable message.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(body) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.body())
        {
            body.set_inner_html(PANIC_MESSAGE);
        }
    }));
}
