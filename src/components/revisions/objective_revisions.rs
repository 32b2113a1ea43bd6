//! On an objective's screen, the revisions that changed it (its target
//! lowered, a deadline moved, a weight given to it): whoever reads its level
//! sees which bar it was measured against.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::revisions::objective_history;

/// The objective's revisions as a definition, under its details; nothing
/// when no revision changed it.
#[component]
pub fn ObjectiveRevisions(
    /// The objective's id.
    objective: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let objective = StoredValue::new(objective);
    let lines = Memo::new(move |_| {
        let lang = app.lang.get();
        app.plan
            .with(|p| objective.with_value(|o| objective_history(p, o, lang)))
    });
    view! {
        <Show when=move || lines.with(|l| !l.is_empty())>
            <dt>{t!(i18n, revisions.objective_history_heading)}</dt>
            <dd id="objective-revisions">
                <ul class="plain-list">
                    {move || lines.get().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
            </dd>
        </Show>
    }
}
