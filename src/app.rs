//! The root component: i18n, app state, router and the page frame, and the
//! routes of each wasm module (`crate::modules`).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::frame::header::Header;
use crate::components::frame::status_banner::StatusBanner;
use crate::components::frame::update_notice::UpdateNotice;
use crate::i18n::*;
use crate::io::storage::{Loaded, Reader};
use crate::pages::{
    area::AreaPage, compare::ComparePage, editor::EditorPage, hand_over::HandOver,
    not_found::NotFound, objective::ObjectivePage, overview::Overview, recovery::RecoveryPage,
    report::ReportPage, settings::SettingsPage, transfer::TransferPage,
};
use crate::state::AppState;
use cruscotto_engine::snapshot::{import, import_current};

/// What makes one wasm module differ from the other. Function pointers, so
/// that each binary links only what it names (`crate::modules`).
#[derive(Clone, Copy)]
pub struct Parts {
    /// The `<Routes>` of the module.
    pub routes: fn() -> AnyView,
    /// The screen shown instead of the app when the stored data cannot be read.
    pub recovery: fn() -> AnyView,
    /// How stored snapshots are read (another tab's state, backups).
    pub read: Reader,
}

/// The first module (`cruscotto-app`): the overview, reading only snapshots of
/// the current version. It never shows the recovery screen: whatever it cannot
/// read is handed to the full app before it starts (`src/main.rs`).
pub const FIRST_MODULE: Parts = Parts {
    routes: core_routes,
    recovery: no_recovery,
    read: import_current,
};

/// The full app (`cruscotto-full`): every screen, reading every version.
pub const FULL_APP: Parts = Parts {
    routes: full_routes,
    recovery,
    read: import,
};

#[component]
pub fn App(
    /// The module this page runs ([`FIRST_MODULE`] or [`FULL_APP`]).
    parts: Parts,
    /// What was found in storage when the page opened.
    loaded: Loaded,
) -> impl IntoView {
    view! {
        <I18nContextProvider>
            <Shell parts=parts loaded=loaded />
        </I18nContextProvider>
    }
}

/// The frame shared by every page; provides the app state once. When the
/// stored data cannot be read, the recovery screen replaces the whole app
/// until the user chooses how to go on.
#[component]
fn Shell(
    /// The module, as given to [`App`].
    parts: Parts,
    /// What was found in storage, as given to [`App`].
    loaded: Loaded,
) -> impl IntoView {
    let app = AppState::provide(loaded, parts.read);
    let i18n = use_i18n();
    let routes = parts.routes;
    let recovery = parts.recovery;
    view! {
        <Show when=move || !app.recovering.get() fallback=move || view! {
            <a class="skip-link" href="#main">{t!(i18n, common.skip_to_content)}</a>
            <main id="main" tabindex="-1">
                {recovery()}
            </main>
        }>
            <Routed routes=routes />
        </Show>
    }
}

fn recovery() -> AnyView {
    view! { <RecoveryPage /> }.into_any()
}

fn no_recovery() -> AnyView {
    ().into_any()
}

/// The app proper: header, alerts and the routed pages.
#[component]
fn Routed(
    /// The routed pages, as given to [`App`].
    routes: fn() -> AnyView,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Router>
            <a class="skip-link" href="#main">{t!(i18n, common.skip_to_content)}</a>
            <Header />
            <StatusBanner />
            <UpdateNotice />
            <main id="main" tabindex="-1">
                {routes()}
            </main>
        </Router>
    }
}

/// The routes of the first module (`cruscotto-app`): the overview, what a
/// first visit shows. Any other address is handed to the full app
/// ([`HandOver`]).
pub fn core_routes() -> AnyView {
    view! {
        <Routes fallback=HandOver>
            <Route path=path!("/") view=Overview />
        </Routes>
    }
    .into_any()
}

/// The routes of the full app (`cruscotto-full`): every screen, so that once it
/// runs, moving between screens never loads a page (an import kept only in
/// memory, too large for local storage, stays on screen).
pub fn full_routes() -> AnyView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view=Overview />
            <Route path=path!("/area/:code") view=AreaPage />
            <Route path=path!("/objective/:id") view=ObjectivePage />
            <Route path=path!("/settings") view=SettingsPage />
            <Route path=path!("/editor") view=EditorPage />
            <Route path=path!("/transfer") view=TransferPage />
            <Route path=path!("/compare") view=ComparePage />
            <Route path=path!("/report") view=ReportPage />
            <Route path=path!("/report/:area") view=ReportPage />
        </Routes>
    }
    .into_any()
}
