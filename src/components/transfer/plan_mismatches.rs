//! The files of a batch that hold another plan than the one open in the app,
//! each with how its plan differs (the engine's `PlanDiff`, described in the
//! user's language). Shown when a consolidation is refused.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::consolidation::PlanMismatch;
use crate::view::messages;

#[component]
pub fn PlanMismatches(
    /// The refused files, in the order they were given.
    mismatches: Vec<PlanMismatch>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    move || {
        let lang = app.lang.get();
        let current = app.plan.with_untracked(|p| p.id.clone());
        mismatches
            .iter()
            .map(|m| {
                let lines = messages::plan_diff(&m.differences, lang);
                view! {
                    <div class="alert alert-danger plan-mismatch" role="alert" data-source=m.file.clone()>
                        <h4>{t!(i18n, transfer.consolidate_other_plan, file = m.file.clone(), plan = m.plan_id.clone(), current = current.clone())}</h4>
                        <ul class="plan-differences">
                            {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                    </div>
                }
            })
            .collect_view()
    }
}
