//! The root component: i18n, app state, router and the page frame, and the
//! routes of each wasm module (`crate::modules`).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::header::Header;
use crate::components::status_banner::StatusBanner;
use crate::components::update_notice::UpdateNotice;
use crate::i18n::*;
use crate::pages::{
    area::AreaPage, compare::ComparePage, editor::EditorPage, hand_over::HandOver,
    not_found::NotFound, objective::ObjectivePage, overview::Overview, recovery::RecoveryPage,
    report::ReportPage, settings::SettingsPage, transfer::TransferPage,
};
use crate::state::AppState;

#[component]
pub fn App(
    /// The `<Routes>` of the module this page runs ([`core_routes`] or
    /// [`full_routes`]); a function pointer, so each binary links only its own.
    routes: fn() -> AnyView,
) -> impl IntoView {
    view! {
        <I18nContextProvider>
            <Shell routes=routes />
        </I18nContextProvider>
    }
}

/// The frame shared by every page; provides the app state once. When the
/// stored data cannot be read, the recovery screen replaces the whole app
/// until the user chooses how to go on.
#[component]
fn Shell(
    /// The routed pages, as given to [`App`].
    routes: fn() -> AnyView,
) -> impl IntoView {
    let app = AppState::provide();
    let i18n = use_i18n();
    view! {
        <Show when=move || !app.recovering.get() fallback=move || view! {
            <a class="skip-link" href="#main">{t!(i18n, common.skip_to_content)}</a>
            <main id="main" tabindex="-1">
                <RecoveryPage />
            </main>
        }>
            <Routed routes=routes />
        </Show>
    }
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

/// The routes of the first module (`cruscotto-app`): the daily screens. Any
/// other address is handed to the full app ([`HandOver`]).
pub fn core_routes() -> AnyView {
    view! {
        <Routes fallback=HandOver>
            <Route path=path!("/") view=Overview />
            <Route path=path!("/area/:code") view=AreaPage />
            <Route path=path!("/objective/:id") view=ObjectivePage />
            <Route path=path!("/settings") view=SettingsPage />
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
