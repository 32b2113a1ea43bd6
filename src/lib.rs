//! Cruscotto's browser app: a Leptos client-side app that Trunk compiles to wasm.
//!
//! One wasm module (`src/main.rs`) serves every screen. The XLSX writer,
//! large and needed only when a report is downloaded as a workbook, is built
//! by the same `trunk build` as a module of its own
//! (`src/bin/cruscotto-xlsx.rs`), which [`xlsx_module`] loads on first use.
//! `app` wires the router and the state; pages live in `src/pages`, reusable
//! pieces in `src/components`. All numbers come from `cruscotto_engine`.

pub mod app;
pub mod components;
pub mod i18n;
pub mod io;
pub mod pages;
pub mod report;
pub mod state;
#[cfg(test)]
mod test_fixtures;
pub mod view;

use leptos::prelude::*;

/// Installs the panic hook and mounts the app on what is stored.
pub fn start() {
    install_panic_hook();
    let loaded = io::storage::load_state(&io::clock::now());
    mount_to_body(move || view! { <app::App loaded=loaded /> });
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
