//! What a manager sees first: their own area's score (with the share of
//! weight it rests on while it is provisional), how many of their objectives
//! are still to assess or below target, and links to those objectives.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::links::{area_href, objective_href};
use crate::i18n::*;
use crate::state::role::area_todo;
use crate::state::use_app;
use crate::view::area::weight_share;
use crate::view::format;

/// The manager's area at a glance, for the area `code`.
#[component]
pub fn MyArea(
    /// The manager's area code.
    code: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = app
        .plan
        .with_untracked(|p| p.area(&code).map(|a| a.name.clone()).unwrap_or_default());
    let todo = {
        let code = code.clone();
        Memo::new(move |_| {
            app.plan
                .with(|p| app.scorecard.with(|c| area_todo(p, c, &code)))
        })
    };
    let score = {
        let code = code.clone();
        Memo::new(move |_| app.scorecard.with(|c| c.area(&code).cloned()))
    };
    let titles = move |ids: Vec<String>| {
        app.plan.with(|p| {
            ids.into_iter()
                .filter_map(|id| p.objective(&id).map(|o| (id, o.title.clone())))
                .collect::<Vec<_>>()
        })
    };
    // Stored, so that the list closures stay `Copy` for the views that rebuild them.
    let area_code = StoredValue::new(code.clone());
    let link = move |id: &str| objective_href(id, Some(&area_code.get_value()));
    let list = move |ids: Vec<String>, list_id: &'static str| {
        let items = titles(ids)
            .into_iter()
            .map(|(id, title)| view! { <li><A href=link(&id)>{title}</A></li> })
            .collect_view();
        view! { <ul class="plain-list" id=list_id>{items}</ul> }
    };
    let score_text = move || {
        let lang = app.lang.get();
        score.with(|s| format::level(s.as_ref().and_then(|s| s.score), lang))
    };
    let share = move || {
        let lang = app.lang.get();
        score.with(|s| {
            s.as_ref().filter(|s| s.provisional && s.score.is_some()).and_then(|s| {
                let pct = format::decimal(weight_share(s.assessed_weight, s.total_weight)?, lang, 0);
                Some(
                view! { " "<span class="badge-provisional">{t!(i18n, overview.provisional_share, weight = pct)}</span> })
            })
        })
    };
    let area_href = area_href(&code);
    let heading_code = code.clone();
    view! {
        <section class="my-area" id="my-area" aria-labelledby="my-area-heading">
            <h2 id="my-area-heading">{t!(i18n, overview.my_area_heading, area = heading_code, name = name)}</h2>
            <p class="my-area-score">
                <span class="summary-label">{t!(i18n, common.score)}": "</span>
                <strong id="my-area-score">{score_text}</strong>
                {share}
            </p>
            <p id="my-area-counts">
                {move || {
                    let t = todo.get();
                    t!(i18n, overview.my_area_counts, objectives = t.objectives, to_assess = t.to_assess.len(), below = t.below_target.len())
                }}
            </p>
            <Show when=move || todo.with(|t| !t.to_assess.is_empty())>
                <h3>{t!(i18n, overview.my_area_to_assess)}</h3>
                {move || list(todo.get().to_assess, "my-area-to-assess")}
            </Show>
            <Show when=move || todo.with(|t| !t.below_target.is_empty())>
                <h3>{t!(i18n, overview.my_area_below_target)}</h3>
                {move || list(todo.get().below_target, "my-area-below-target")}
            </Show>
            <p><A href=area_href>{t!(i18n, overview.my_area_open)}</A></p>
        </section>
    }
}
