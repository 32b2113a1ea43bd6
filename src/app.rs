//! The root component: i18n, app state, router and the page frame.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::frame::header::Header;
use crate::components::frame::route_focus::RouteFocus;
use crate::components::frame::status_banner::StatusBanner;
use crate::components::frame::update_notice::UpdateNotice;
use crate::i18n::*;
use crate::io::base::router_base;
use crate::io::storage::Loaded;
use crate::pages::{
    area::AreaPage, campaign::CampaignPage, compare::ComparePage, editor::EditorPage,
    not_found::NotFound, objective::ObjectivePage, overview::Overview, recovery::RecoveryPage,
    registry::RegistryPage, report::ReportPage, settings::SettingsPage, transfer::TransferPage,
};
use crate::state::AppState;

#[component]
pub fn App(
    /// What was found in storage when the page opened.
    loaded: Loaded,
) -> impl IntoView {
    view! {
        <I18nContextProvider>
            <Shell loaded=loaded />
        </I18nContextProvider>
    }
}

/// The frame shared by every page; provides the app state once. When the
/// stored data cannot be read, the recovery screen replaces the whole app
/// until the user chooses how to go on.
#[component]
fn Shell(
    /// What was found in storage, as given to [`App`].
    loaded: Loaded,
) -> impl IntoView {
    let app = AppState::provide(loaded);
    let i18n = use_i18n();
    view! {
        <Show when=move || !app.recovering.get() fallback=move || view! {
            <a class="skip-link" href="#main">{t!(i18n, common.skip_to_content)}</a>
            <main id="main" tabindex="-1">
                <RecoveryPage />
            </main>
        }>
            <Routed />
        </Show>
    }
}

/// The app proper: header, alerts and the routed pages. Every screen is in
/// this one module, so moving between screens never loads a page (an import
/// kept only in memory, too large for local storage, stays on screen).
/// The routes are under the folder the app is served from (`io::base`):
/// `/cruscotto/area/ARUO` is the area's page when index.html is in
/// `/cruscotto/`; every link is built under it by `components::links`.
#[component]
fn Routed() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Router base=router_base()>
            <RouteFocus />
            <a class="skip-link" href="#main">{t!(i18n, common.skip_to_content)}</a>
            <Header />
            <StatusBanner />
            <UpdateNotice />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Overview />
                    <Route path=path!("/area/:code") view=AreaPage />
                    <Route path=path!("/objective/:id") view=ObjectivePage />
                    <Route path=path!("/settings") view=SettingsPage />
                    <Route path=path!("/editor") view=EditorPage />
                    <Route path=path!("/transfer") view=TransferPage />
                    <Route path=path!("/compare") view=ComparePage />
                    <Route path=path!("/campaign") view=CampaignPage />
                    <Route path=path!("/registry") view=RegistryPage />
                    <Route path=path!("/report") view=ReportPage />
                    <Route path=path!("/report/:area") view=ReportPage />
                </Routes>
            </main>
        </Router>
    }
}
