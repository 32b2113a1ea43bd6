//! The root component: i18n, app state, router and the page frame, and the
//! routes of each wasm module (`crate::modules`).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::export_now::ExportNow;
use crate::components::header::Header;
use crate::components::status_banner::StatusBanner;
use crate::components::update_notice::UpdateNotice;
use crate::i18n::*;
use crate::modules::{self, Module};
use crate::pages::{
    area::AreaPage, compare::ComparePage, editor::EditorPage, not_found::NotFound,
    objective::ObjectivePage, overview::Overview, recovery::RecoveryPage, report::ReportPage,
    settings::SettingsPage, transfer::TransferPage,
};
use crate::state::{use_app, AppState};

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
/// other address is handed to the full app (`Elsewhere`).
pub fn core_routes() -> AnyView {
    view! {
        <Routes fallback=Elsewhere>
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

/// The first module's fallback: an address of the full app is opened there, any
/// other address is not found. Opening the full app is a page load, so the
/// state is saved first; when it cannot be (the storage is full, or saving is
/// paused for another tab), the page stays, says so, and offers the export.
#[component]
fn Elsewhere() -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    if modules::module_of(&path) != Module::Full {
        return view! { <NotFound /> }.into_any();
    }
    let search = location.search.get_untracked();
    let search = if search.is_empty() {
        String::new()
    } else {
        format!("?{search}")
    };
    let hash = location.hash.get_untracked();
    let url = format!("{path}{search}{hash}");
    let i18n = use_i18n();
    if use_app().save_now() {
        Effect::new(move |_| modules::open_in_full_app(&url));
        return view! { <p class="muted" role="status">{t!(i18n, common.opening)}</p> }.into_any();
    }
    view! {
        <div class="alert alert-warning" role="alert" id="handover-unsaved">
            <p>{t!(i18n, common.handover_unsaved)}</p>
            <div class="button-row">
                <ExportNow id="handover-export" />
                <button type="button" class="btn btn-secondary" on:click=move |_| modules::open_in_full_app(&url)>
                    {t!(i18n, common.handover_anyway)}
                </button>
            </div>
        </div>
    }
    .into_any()
}
