//! An area's state in the cycle, as a badge.

use cruscotto_engine::ReviewState;
use leptos::prelude::*;

use crate::state::use_app;
use crate::view::cycle::state_key;
use crate::view::messages::review_state;

/// The state's word in a coloured badge (`data-state` for tests and styles).
#[component]
pub fn StateBadge(
    /// The state shown.
    #[prop(into)]
    state: Signal<ReviewState>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <span class=move || format!("state-badge state-{}", state_key(state.get())) data-state=move || state_key(state.get())>
            {move || review_state(state.get(), app.lang.get())}
        </span>
    }
}
