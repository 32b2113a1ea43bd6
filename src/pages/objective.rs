//! The objective screen (/objective/:id): what the plan says about one objective,
//! and where the manager records its indicators. The objective's level and the
//! score of every area it weighs on are recomputed by the engine as the manager
//! types, and announced politely.

use cruscotto_engine::{Aggregation, Objective, Plan};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::progress::indicator_card::IndicatorCard;
use crate::components::scores::level_badge::LevelBadge;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::ids::dom_id;

/// A structure code with its name when the plan knows it: `ATE – Area Tecnico
/// Edilizia`, else the code alone.
pub fn structure_label(plan: &Plan, code: &str) -> String {
    plan.areas
        .iter()
        .chain(plan.structures.iter())
        .find(|a| a.code == code)
        .map_or_else(|| code.to_string(), |a| format!("{code} – {}", a.name))
}

fn area_href(code: &str) -> String {
    format!("/area/{}", js_sys::encode_uri_component(code))
}

#[component]
pub fn ObjectivePage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // Rebuilt only when the objective's definition changes, never on a recorded
    // value: the fields keep their focus while the manager types.
    let objective = Memo::new(move |_| {
        let id = id.get();
        app.plan.with(|p| p.objective(&id).cloned())
    });
    let body = move || match objective.get() {
        Some(o) => view! { <ObjectiveView objective=o /> }.into_any(),
        None => view! { <ObjectiveNotFound id=id.get() /> }.into_any(),
    };
    view! { <div class="objective-page">{body}</div> }
}

/// The friendly page for an objective id the plan does not have.
#[component]
fn ObjectiveNotFound(
    /// The id asked for.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, objective.not_found_title)}</h1>
        <p>{t!(i18n, objective.not_found_text, id = id)}</p>
        <p><A href="/">{t!(i18n, common.back_to_overview)}</A></p>
    }
}

/// The objective's details, result and indicators.
#[component]
fn ObjectiveView(
    /// The objective, as in the plan.
    objective: Objective,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (pillar, strategic, responsible, others, intermediate) = app.plan.with_untracked(|p| {
        let pillar = p
            .pillars
            .iter()
            .find(|pl| pl.id == objective.pillar)
            .map_or_else(|| objective.pillar.clone(), |pl| pl.name.clone());
        let strategic = objective.strategic_objective.as_ref().map(|code| {
            p.strategic_objectives
                .iter()
                .find(|s| &s.code == code)
                .map_or_else(|| code.clone(), |s| format!("{code} – {}", s.title))
        });
        let label = |codes: &[String]| -> Vec<String> {
            codes.iter().map(|c| structure_label(p, c)).collect()
        };
        (
            pillar,
            strategic,
            label(&objective.responsible),
            label(&objective.other_structures),
            p.scoring.intermediate_level,
        )
    });
    let list = move |items: Vec<String>| {
        if items.is_empty() {
            view! { {t!(i18n, objective.none)} }.into_any()
        } else {
            view! {
                <ul class="inline-list">
                    {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };

    let oid = objective.id.clone();
    let objective_level = Signal::derive(move || app.scorecard.with(|c| c.objective(&oid)));

    let weighted_links = objective
        .assignments
        .iter()
        .map(|a| {
            let weight = a.weight;
            let name = app.plan.with_untracked(|p| structure_label(p, &a.area));
            view! {
                <li>
                    <A href=area_href(&a.area)>{name}</A>
                    " ("
                    {t!(i18n, objective.weight_in_area, weight = move || format::decimal(weight, app.lang.get(), 2))}
                    ")"
                </li>
            }
        })
        .collect_view();

    let area_rows = objective
        .assignments
        .iter()
        .map(|a| {
            let code = a.area.clone();
            let weight = a.weight;
            let score = {
                let code = code.clone();
                Memo::new(move |_| app.scorecard.with(|c| c.area(&code).cloned()))
            };
            let name = app.plan.with_untracked(|p| {
                p.area(&code)
                    .map(|a| a.name.clone())
                    .unwrap_or_default()
            });
            let href = area_href(&code);
            let score_id = dom_id("area-score-", &code);
            let data_area = code.clone();
            view! {
                <tr data-area=data_area>
                    <th scope="row"><A href=href><abbr title=name>{code}</abbr></A></th>
                    <td class="num">{move || format::decimal(weight, app.lang.get(), 2)}</td>
                    <td class="num score">
                        <span id=score_id>
                            {move || format::level(score.with(|s| s.as_ref().and_then(|s| s.score)), app.lang.get())}
                        </span>
                        <Show when=move || score.with(|s| s.as_ref().is_some_and(|s| s.provisional))>
                            <span class="badge-provisional">{t!(i18n, common.provisional)}</span>
                        </Show>
                    </td>
                    <td class="num percent">
                        {move || format::percent(score.with(|s| s.as_ref().and_then(|s| s.percent_of_target)), app.lang.get())}
                    </td>
                </tr>
            }
        })
        .collect_view();

    let several = objective.indicators.len() > 1;
    let aggregation = several.then(|| match objective.aggregation {
        Aggregation::Mean => {
            view! { <p class="hint">{t!(i18n, objective.aggregation_mean)}</p> }.into_any()
        }
        Aggregation::All => {
            view! { <p class="hint">{t!(i18n, objective.aggregation_all)}</p> }.into_any()
        }
    });
    let cards = objective
        .indicators
        .iter()
        .cloned()
        .map(|indicator| view! { <IndicatorCard indicator=indicator several=several intermediate=intermediate /> })
        .collect_view();
    let my_area = move || {
        app.area
            .get()
            .filter(|code| objective.assignments.iter().any(|a| &a.area == code))
    };

    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, objective.title)>
            <A href="/">{t!(i18n, common.nav_overview)}</A>
            {move || my_area().map(|code| view! {
                <span aria-hidden="true">" › "</span>
                <A href=area_href(&code)>{code.clone()}</A>
            })}
            <span aria-hidden="true">" › "</span>
            <span aria-current="page">{t!(i18n, objective.title)}</span>
        </nav>
        <h1 id="objective-title">{objective.title.clone()}</h1>
        <p class="lead">
            {pillar.clone()}
            {strategic.clone().map(|s| view! { " · "{s} })}
        </p>

        <div class="objective-layout">
            <div class="objective-main">
                <section class="objective-details" aria-labelledby="objective-details-heading">
                    <h2 id="objective-details-heading">{t!(i18n, objective.details_heading)}</h2>
                    <dl class="details">
                        <dt>{t!(i18n, objective.pillar)}</dt>
                        <dd>{pillar}</dd>
                        <dt>{t!(i18n, objective.strategic_objective)}</dt>
                        <dd>{strategic.unwrap_or_else(|| "—".into())}</dd>
                        <dt>{t!(i18n, objective.purpose)}</dt>
                        <dd class="purpose">{if objective.purpose.trim().is_empty() { "—".to_string() } else { objective.purpose.clone() }}</dd>
                        <dt>{t!(i18n, objective.responsible)}</dt>
                        <dd>{list(responsible)}</dd>
                        <dt>{t!(i18n, objective.weighted_areas)}</dt>
                        <dd><ul class="plain-list" id="weighted-areas">{weighted_links}</ul></dd>
                        <dt>{t!(i18n, objective.other_structures)}</dt>
                        <dd>{list(others)}</dd>
                        {objective.note.clone().filter(|n| !n.trim().is_empty()).map(|n| view! {
                            <dt>{t!(i18n, objective.note)}</dt>
                            <dd class="plan-note">{n}</dd>
                        })}
                    </dl>
                </section>

                <section class="objective-indicators" aria-labelledby="objective-indicators-heading">
                    <h2 id="objective-indicators-heading">{t!(i18n, objective.indicators_heading)}</h2>
                    {aggregation}
                    {cards}
                </section>
            </div>

            <aside class="objective-result" aria-labelledby="objective-result-heading">
                <h2 id="objective-result-heading">{t!(i18n, objective.results_heading)}</h2>
                <div aria-live="polite">
                    <p class="objective-level">
                        <span class="summary-label">{t!(i18n, objective.objective_level)}</span>
                        <span id="objective-level"><LevelBadge level=objective_level /></span>
                    </p>
                    <table class="scores area-impact">
                        <caption>{t!(i18n, objective.area_scores)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, common.area)}</th>
                                <th scope="col" class="num">{t!(i18n, common.weight)}</th>
                                <th scope="col" class="num">{t!(i18n, common.score)}</th>
                                <th scope="col" class="num">{t!(i18n, common.percent_of_target)}</th>
                            </tr>
                        </thead>
                        <tbody>{area_rows}</tbody>
                    </table>
                </div>
            </aside>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use cruscotto_engine::default_snapshot;

    use super::*;

    #[test]
    fn structures_are_named_when_the_plan_knows_them() {
        let plan = default_snapshot().plan;
        assert_eq!(structure_label(&plan, "ATE"), "ATE – Area Tecnico Edilizia");
        assert_eq!(structure_label(&plan, "XYZ"), "XYZ");
    }
}
