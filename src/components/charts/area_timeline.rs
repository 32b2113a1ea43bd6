//! The area's score over time: the engine replays the history of the area's
//! indicators day by day ([`Plan::area_timeline`]) and the chart draws it.
//!
//! [`Plan::area_timeline`]: cruscotto_engine::Plan::area_timeline

use leptos::prelude::*;

use crate::components::charts::timeline_chart::{ChartPoint, TimelineChart};
use crate::i18n::*;
use crate::state::use_app;
use crate::view::ids::dom_id;

/// A section with the chart of the area's score over time.
#[component]
pub fn AreaTimeline(
    /// The area's code.
    code: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let points = {
        let code = code.clone();
        Memo::new(move |_| {
            app.plan.with(|plan| {
                app.with_results(|results| {
                    plan.area_timeline_results(results, &code)
                        .into_iter()
                        .map(|t| ChartPoint {
                            date: t.date,
                            score: t.score,
                            value: None,
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let label = {
        let code = code.clone();
        Signal::derive(move || format!("{} {code}", t_string!(i18n, history.area_chart_label)))
    };
    let chart_id = dom_id("area-timeline-", &code);
    view! {
        <section class="area-timeline" aria-labelledby="area-timeline-heading">
            <h2 id="area-timeline-heading">{t!(i18n, history.area_heading)}</h2>
            <Show
                when=move || points.with(|p| !p.is_empty())
                fallback=move || view! { <p class="hint">{t!(i18n, history.area_empty)}</p> }
            >
                <p class="hint">{t!(i18n, history.area_intro)}</p>
                <TimelineChart points=points label=label id=chart_id.clone() />
            </Show>
        </section>
    }
}
