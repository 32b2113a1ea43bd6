//! The objective screen (/objective/:id): what the plan says about one objective,
//! and where the manager records its indicators. The objective's level and the
//! score of every area it weighs on are recomputed by the engine as the manager
//! types, and announced politely.

use cruscotto_engine::{Aggregation, Objective, Plan};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::links::{area_href, overview_href};
use crate::components::progress::indicator_card::IndicatorCard;
use crate::components::progress::indicator_levels::IndicatorLevels;
use crate::components::revisions::objective_revisions::ObjectiveRevisions;
use crate::components::scores::level_badge::LevelBadge;
use crate::i18n::*;
use crate::state::role::others_moved;
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

#[component]
pub fn ObjectivePage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // `?area=ARUO`: the page was opened from that area's page, whose own
    // result of a per-area objective is the one to show first.
    let from = Memo::new(move |_| query.read().get("area"));
    // Rebuilt only when the objective's definition changes, never on a recorded
    // value: the fields keep their focus while the manager types.
    let objective = Memo::new(move |_| {
        let id = id.get();
        app.plan.with(|p| p.objective(&id).cloned())
    });
    let body = move || match objective.get() {
        Some(o) => {
            let from = from
                .get()
                .filter(|code| o.area_weights().any(|(a, _)| a == code));
            view! { <ObjectiveView objective=o from=from /> }.into_any()
        }
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
        <p><A href=overview_href()>{t!(i18n, common.back_to_overview)}</A></p>
    }
}

/// The objective's details, result and indicators.
#[component]
fn ObjectiveView(
    /// The objective, as in the plan.
    objective: Objective,
    /// The weighted area whose page the manager came from (`?area=`), if any.
    from: Option<String>,
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

    let per_area = objective.is_per_area();
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
            // A per-area objective has no one level: each row says the area's.
            let level_cell = per_area.then(|| {
                let oid = objective.id.clone();
                let code = code.clone();
                let level_id = dom_id("objective-level-", &code);
                // A plain number: the narrow aside has no room for nine badges.
                let level = move || format::level(app.scorecard.with(|c| c.objective_in(&oid, &code)), app.lang.get());
                view! { <td class="num"><span id=level_id>{level}</span></td> }
            });
            view! {
                <tr data-area=data_area>
                    <th scope="row"><A href=href><abbr title=name>{code}</abbr></A></th>
                    <td class="num">{move || format::decimal(weight, app.lang.get(), 2)}</td>
                    {level_cell}
                    <td class="num score">
                        <span id=score_id>
                            {move || format::level(score.with(|s| s.as_ref().and_then(|s| s.score)), app.lang.get())}
                        </span>
                        <Show when=move || score.with(|s| s.as_ref().is_some_and(|s| s.provisional && s.score.is_some()))>
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
    let cards = if per_area {
        view! { <PerAreaResults objective=objective.clone() intermediate=intermediate from=from.clone() /> }
            .into_any()
    } else {
        // A manager changing an objective that does not weigh in their area
        // moves other areas' scores: asked first, saying whose.
        let moved = {
            let objective = objective.clone();
            Memo::new(move |_| {
                let own = app.manager_area()?;
                let key =
                    cruscotto_engine::ResultKey::shared(objective.indicators.first()?.id.clone());
                let moved = others_moved(&objective, &key, &own);
                (!moved.is_empty()).then_some((own, moved))
            })
        };
        let cards = objective
            .indicators
            .iter()
            .cloned()
            .map(|indicator| view! { <IndicatorCard indicator=indicator several=several intermediate=intermediate /> })
            .collect_view();
        view! { <GuardedResults moved=moved>{cards}</GuardedResults> }.into_any()
    };
    // The breadcrumb follows the route: the area the page was opened from,
    // else the manager's own area when the objective weighs on it.
    let my_area = move || {
        from.clone().or_else(|| {
            app.area
                .get()
                .filter(|code| objective.assignments.iter().any(|a| &a.area == code))
        })
    };
    let objective_level_view = if per_area {
        view! { <span id="objective-level">{t!(i18n, objective.objective_level_per_area)}</span> }
            .into_any()
    } else {
        view! { <span id="objective-level"><LevelBadge level=objective_level /></span> }.into_any()
    };

    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, objective.title)>
            <A href=overview_href()>{t!(i18n, common.nav_overview)}</A>
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

        <div class="objective-layout" class:per-area=per_area>
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
                        <ObjectiveRevisions objective=objective.id.clone() />
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
                        {objective_level_view}
                    </p>
                    <table class="scores area-impact">
                        <caption>{t!(i18n, objective.area_scores)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, common.area)}</th>
                                <th scope="col" class="num">{t!(i18n, common.weight)}</th>
                                {per_area.then(|| view! { <th scope="col" class="num">{t!(i18n, objective.col_objective_level)}</th> })}
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

/// The areas in the order their blocks are shown: `first` (the area the page
/// was opened from, else the manager's own) first, then the plan's order.
pub fn areas_first(objective: &Objective, first: Option<&str>) -> Vec<String> {
    let mut areas: Vec<String> = objective.areas().map(str::to_string).collect();
    if let Some(i) = first.and_then(|first| areas.iter().position(|a| a == first)) {
        let first = areas.remove(i);
        areas.insert(0, first);
    }
    areas
}

/// A per-area objective's indicators: their levels once, then one block per
/// weighted area (its name, weight and level, and a card per indicator
/// recording the area's own result). The manager's own area comes first; the
/// planning office sees every area's result on one page. Opened from an
/// area's page, that area's result is the one shown and the others wait,
/// folded, below it.
#[component]
fn PerAreaResults(
    /// The per-area objective, as in the plan.
    objective: Objective,
    /// Whether milestones may be assessed at the intermediate level 2.
    intermediate: bool,
    /// The weighted area whose page the manager came from, if any.
    from: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let several = objective.indicators.len() > 1;
    let levels = objective
        .indicators
        .iter()
        .cloned()
        .map(|indicator| {
            let heading = match indicator.label.clone().filter(|_| several) {
                Some(l) => view! { {t!(i18n, objective.indicator_label, label = l)} }.into_any(),
                None => view! { {t!(i18n, objective.indicator)} }.into_any(),
            };
            let heading_id = dom_id("indicator-heading-", &indicator.id);
            let labelledby = heading_id.clone();
            let data_indicator = indicator.id.clone();
            view! {
                <section class="indicator-card indicator-levels" data-indicator=data_indicator aria-labelledby=labelledby>
                    <h3 id=heading_id>{heading}</h3>
                    {indicator.description.clone().map(|d| view! { <p class="indicator-description">{d}</p> })}
                    <IndicatorLevels indicator=indicator />
                </section>
            }
        })
        .collect_view();
    // Built once: the manager's area chosen later reorders nothing under their
    // cursor while they type.
    let own = app.area.get_untracked();
    let mut blocks: Vec<AnyView> = areas_first(&objective, from.as_deref().or(own.as_deref()))
        .into_iter()
        .map(|code| {
            // The weight scoring uses: the area's first assignment.
            let weight = objective
                .area_weights()
                .find(|(a, _)| *a == code)
                .map(|(_, w)| w)
                .unwrap_or_default();
            let name = app.plan.with_untracked(|p| {
                p.area(&code).map(|a| a.name.clone()).unwrap_or_default()
            });
            let heading_id = dom_id("area-result-heading-", &code);
            let level = {
                let oid = objective.id.clone();
                let code = code.clone();
                Signal::derive(move || app.scorecard.with(|c| c.objective_in(&oid, &code)))
            };
            let is_own = own.as_deref() == Some(code.as_str());
            let is_from = from.as_deref() == Some(code.as_str());
            // Another area's own result, seen by a manager: asked first.
            let moved = {
                let (objective, code) = (objective.clone(), code.clone());
                Memo::new(move |_| {
                    let mine = app.manager_area()?;
                    let first = objective.indicators.first()?;
                    let key = objective.result_key(&first.id, Some(&code));
                    let moved = others_moved(&objective, &key, &mine);
                    (!moved.is_empty()).then_some((mine, moved))
                })
            };
            let cards = objective
                .indicators
                .iter()
                .cloned()
                .map(|indicator| {
                    view! { <IndicatorCard indicator=indicator several=several intermediate=intermediate area=code.clone() /> }
                })
                .collect_view();
            let area = code.clone();
            let labelledby = heading_id.clone();
            let level_id = dom_id("area-objective-level-", &code);
            view! {
                <section class="area-result" class:own-area=is_own class:from-area=is_from data-area=code aria-labelledby=labelledby>
                    <h3 id=heading_id>
                        {t!(i18n, objective.area_result_heading, area = area, name = name)}
                        {is_own.then(|| view! { " "<span class="badge-own">{t!(i18n, objective.your_area)}</span> })}
                    </h3>
                    <p class="area-result-level" aria-live="polite">
                        {t!(i18n, objective.area_result_weight, weight = move || format::decimal(weight, app.lang.get(), 2))}
                        " "
                        <span id=level_id><LevelBadge level=level /></span>
                    </p>
                    <GuardedResults moved=moved>{cards}</GuardedResults>
                </section>
            }
            .into_any()
        })
        .collect();
    let folded = from.is_some().then(|| {
        let rest: Vec<AnyView> = blocks.drain(1..).collect();
        let count = rest.len();
        view! {
            <details class="other-areas" id="other-areas">
                <summary>{t!(i18n, objective.other_areas, count = count)}</summary>
                {rest}
            </details>
        }
    });
    view! {
        <p class="hint per-area-hint" id="per-area-hint">{t!(i18n, objective.per_area_hint)}</p>
        {levels}
        {blocks}
        {folded}
    }
}

/// Results that a manager may change only after saying so, because they
/// move other areas' scores: the inputs are disabled under a notice naming
/// those areas, with a button that unlocks them for this page.
#[component]
fn GuardedResults(
    /// `Some((own area, areas whose score moves))` when the reader is a
    /// manager and these results are not their area's.
    moved: Memo<Option<(String, Vec<String>)>>,
    /// The result cards.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let unlocked = RwSignal::new(false);
    let locked = move || !unlocked.get() && moved.with(Option::is_some);
    let notice = move || {
        moved.get().filter(|_| !unlocked.get()).map(|(own, areas)| {
            let areas = areas.join(", ");
            view! {
                <div class="alert alert-warning guard-notice" role="note">
                    <p>{t!(i18n, objective.guard_notice, own = own, areas = areas)}</p>
                    <button type="button" class="btn btn-secondary guard-unlock" on:click=move |_| unlocked.set(true)>
                        {t!(i18n, objective.guard_unlock)}
                    </button>
                </div>
            }
        })
    };
    view! {
        {notice}
        <fieldset class="guarded-results" disabled=locked>{children()}</fieldset>
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

    #[test]
    fn the_managers_own_area_comes_first_in_a_per_area_objective() {
        let plan = default_snapshot().plan;
        let rup = plan.objective("rotazione-rup").expect("objective");
        let all = areas_first(rup, None);
        assert_eq!(all.len(), 9);
        assert_eq!(all[0], "AAF");
        let aruo = areas_first(rup, Some("ARUO"));
        assert_eq!(aruo[0], "ARUO");
        assert_eq!(aruo.len(), 9);
        assert_eq!(areas_first(rup, Some("XYZ")), all);
    }
}
