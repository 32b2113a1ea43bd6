//! The first module's fallback page: where every address but the overview is
//! handed over to the full app (`crate::modules`).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::transfer::export_now::ExportNow;
use crate::i18n::*;
use crate::modules;
use crate::state::use_app;

/// The first module's fallback: the address is opened in the full app (which
/// says "not found" if it is unknown). Opening the full app is a page load, so the
/// state is saved first; when it cannot be (the storage is full, or saving is
/// paused for another tab), the page stays, says so, and offers the export.
#[component]
pub fn HandOver() -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
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
