//! The area screen (/area/:code): the area's score from the engine, the sum of
//! its weights, its objectives in a table that can be filtered and sorted, the
//! score over time and a what-if panel (both in `components/`).
//!
//! The rows are built, filtered and ordered by `crate::view::area`, where the
//! table's rules are unit-tested natively; this page only keeps them in signals
//! and renders them.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::charts::area_timeline::AreaTimeline;
use crate::components::cycle::area_review::AreaReview;
use crate::components::links::{objective_href, overview_href, report_href};
use crate::components::progress::what_if::WhatIfPanel;
use crate::components::revisions::original_score::OriginalScore;
use crate::components::scores::level_badge::LevelBadge;
use crate::components::scores::score_bar::ScoreBar;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::area::{
    area_rows, filter_and_sort, weight_share, weights_complete, Filter, Sort, SortKey, Status,
};
use crate::view::format;
use crate::view::ids::dom_id;

#[component]
pub fn AreaPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    // Rebuilt only when the area itself changes, not on every recorded value.
    let area = Memo::new(move |_| {
        let code = code.get();
        app.plan.with(|p| p.area(&code).cloned())
    });
    let body = move || match area.get() {
        Some(a) => view! { <AreaView code=a.code name=a.name /> }.into_any(),
        None => view! { <AreaNotFound code=code.get() /> }.into_any(),
    };
    view! { <div class="area-page">{body}</div> }
}

/// The friendly page for an area code the plan does not have.
#[component]
fn AreaNotFound(
    /// The code asked for.
    code: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, area.not_found_title)}</h1>
        <p>{t!(i18n, area.not_found_text, code = code)}</p>
        <p><A href=overview_href()>{t!(i18n, common.back_to_overview)}</A></p>
    }
}

/// A sortable column header: a button inside the `th`, with `aria-sort` on the `th`.
fn sort_header(
    sort: RwSignal<Sort>,
    key: SortKey,
    class: &'static str,
    label: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <th scope="col" class=class aria-sort=move || sort.get().aria(key)>
            <button type="button" class="sort-button" on:click=move |_| sort.update(|s| *s = s.toggled(key))>
                {label}
                <span class="sort-icon" aria-hidden="true">
                    {move || match sort.get().aria(key) {
                        "ascending" => " ▲",
                        "descending" => " ▼",
                        _ => " ↕",
                    }}
                </span>
            </button>
        </th>
    }
}

/// The area's score, weights and objectives.
#[component]
fn AreaView(
    /// The area's code, as in the plan.
    code: String,
    /// The area's full name.
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let score_id = dom_id("area-score-", &code);
    let score = {
        let code = code.clone();
        Memo::new(move |_| app.scorecard.with(|c| c.area(&code).cloned()))
    };
    let rows = {
        let code = code.clone();
        Memo::new(move |_| {
            let card = app.scorecard.get();
            app.plan.with(|p| area_rows(p, &card, &code))
        })
    };
    let filter = RwSignal::new(Filter::default());
    let sort = RwSignal::new(Sort::default());
    let shown =
        Memo::new(move |_| rows.with(|r| filter.with(|f| filter_and_sort(r, f, sort.get()))));
    let pillars = Memo::new(move |_| {
        rows.with(|rows| {
            app.plan.with(|p| {
                p.pillars
                    .iter()
                    .filter(|pl| rows.iter().any(|r| r.pillar == pl.id))
                    .map(|pl| (pl.id.clone(), pl.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });

    let lang = move || app.lang.get();
    let score_text =
        move || format::level(score.with(|s| s.as_ref().and_then(|s| s.score)), lang());
    let percent_text = move || {
        format::percent(
            score.with(|s| s.as_ref().and_then(|s| s.percent_of_target)),
            lang(),
        )
    };
    let weight_text = move || {
        score.with(|s| {
            s.as_ref().map(|s| {
                format!(
                    "{} / {} %",
                    format::decimal(s.assessed_weight, lang(), 2),
                    format::decimal(s.total_weight, lang(), 2)
                )
            })
        })
    };
    let assessed_text = move || {
        score.with(|s| {
            s.as_ref()
                .map(|s| format!("{} / {}", s.assessed_objectives, s.objectives))
        })
    };
    let provisional =
        Signal::derive(move || score.with(|s| s.as_ref().is_some_and(|s| s.provisional)));
    let bar_score = Signal::derive(move || score.with(|s| s.as_ref().and_then(|s| s.score)));
    let status = Memo::new(move |_| {
        score.with(|s| match s {
            Some(s) if s.score.is_none() => 0,
            Some(s) if s.provisional => 1,
            Some(_) => 2,
            None => 0,
        })
    });
    let status_text = move || match status.get() {
        0 => t!(i18n, area.not_assessed_note).into_any(),
        1 => t!(i18n, area.provisional_note).into_any(),
        _ => t!(i18n, area.final_note).into_any(),
    };
    let total =
        Memo::new(move |_| score.with(|s| s.as_ref().map(|s| s.total_weight).unwrap_or_default()));
    let has_rows = move || rows.with(|r| !r.is_empty());

    let is_mine = {
        let code = code.clone();
        Memo::new(move |_| app.area.with(|a| a.as_deref() == Some(code.as_str())))
    };
    let toggle_mine = {
        let code = code.clone();
        move |_| {
            if is_mine.get_untracked() {
                app.area.set(None);
            } else {
                // Marking an area as mine makes this device its manager's.
                app.office.set(false);
                app.area.set(Some(code.clone()));
                app.role_asked.set(true);
            }
        }
    };

    let on_pillar = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        filter.update(|f| f.pillar = (!v.is_empty()).then_some(v));
    };
    let on_status = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        filter.update(|f| f.status = Status::parse(&v));
    };
    let on_below = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        filter.update(|f| f.below_target = checked);
    };
    let reset = move |_| {
        filter.set(Filter::default());
        sort.set(Sort::default());
    };

    // Stored, so that the rows' closure stays `Copy` for the views that rebuild it.
    let row_code = StoredValue::new(code.clone());
    let table_rows = move || {
        let lang = lang();
        let code = row_code.get_value();
        shown
            .get()
            .into_iter()
            .map(|r| {
                let level = r.level;
                let strategic = match (r.strategic.clone(), r.strategic_title.clone()) {
                    (Some(code), Some(title)) => {
                        view! { <abbr title=title>{code}</abbr> }.into_any()
                    }
                    (Some(code), None) => code.into_any(),
                    (None, _) => "—".into_any(),
                };
                view! {
                    <tr data-objective=r.id.clone()>
                        <th scope="row" class="objective-title">
                            <A href=objective_href(&r.id, Some(&code))>{r.title.clone()}</A>
                        </th>
                        <td class="pillar" data-label=t_string!(i18n, area.col_pillar)>{r.pillar_name.clone()}</td>
                        <td class="strategic" data-label=t_string!(i18n, area.col_strategic)>{strategic}</td>
                        <td class="num weight" data-label=t_string!(i18n, area.col_weight)>{format::decimal(r.weight, lang, 2)}</td>
                        <td class="level" data-label=t_string!(i18n, area.col_level)><LevelBadge level=Signal::derive(move || level) /></td>
                        <td class="num contribution" data-label=t_string!(i18n, area.col_contribution)>{format::level(r.shown_contribution, lang)}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    let what_if_open = RwSignal::new(false);
    let timeline_code = code.clone();
    let what_if_code = code.clone();
    let heading_code = code.clone();
    let review_code = code.clone();
    let report_href = report_href(Some(&code));
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, area.title)>
            <A href=overview_href()>{t!(i18n, common.nav_overview)}</A>
            <span aria-hidden="true">" › "</span>
            <span aria-current="page">{code.clone()}</span>
        </nav>
        <h1 class="area-heading">
            <span class="area-code">{heading_code}</span>" "
            <span class="area-fullname">{name}</span>
        </h1>

        <section class="area-summary" aria-labelledby="area-summary-heading">
            <h2 id="area-summary-heading">{t!(i18n, area.summary_heading)}</h2>
            <div class="summary-grid" aria-live="polite">
                <div class="summary-item">
                    <span class="summary-label">{t!(i18n, common.score)}</span>
                    <span class="summary-value" id=score_id>{score_text}</span>
                </div>
                <div class="summary-item">
                    <span class="summary-label">{t!(i18n, common.percent_of_target)}</span>
                    <span class="summary-value" id="area-percent">{percent_text}</span>
                </div>
                <div class="summary-item">
                    <span class="summary-label">{t!(i18n, common.assessed_weight)}</span>
                    <span class="summary-value" id="area-weight">{weight_text}</span>
                </div>
                <div class="summary-item">
                    <span class="summary-label">{t!(i18n, area.objectives_assessed)}</span>
                    <span class="summary-value" id="area-assessed">{assessed_text}</span>
                </div>
            </div>
            <ScoreBar score=bar_score provisional=provisional />
            <p class="area-original"><OriginalScore area=code.clone() id="area-original-score".to_string() /></p>
            <p class="area-status">
                <Show when=move || provisional.get() && score.with(|s| s.as_ref().is_some_and(|s| s.score.is_some()))>
                    <span class="badge-provisional" id="area-provisional">
                        {t!(i18n, overview.provisional_share, weight = move || {
                            let share = score.with(|s| s.as_ref().and_then(|s| weight_share(s.assessed_weight, s.total_weight)));
                            format::decimal(share.unwrap_or_default(), lang(), 0)
                        })}
                    </span>" "
                </Show>
                {status_text}
            </p>
            <p class="report-link"><A href=report_href.clone()>{t!(i18n, report.link)}</A></p>
            <Show when=move || !weights_complete(total.get()) && has_rows()>
                <p class="alert alert-warning" id="area-weights-warning" role="status">
                    {t!(i18n, area.weights_warning, sum = move || format::decimal(total.get(), lang(), 2))}
                </p>
            </Show>
            <p class="my-area">
                <button
                    type="button"
                    class=move || if is_mine.get() { "btn btn-secondary" } else { "btn" }
                    id="my-area-button"
                    aria-pressed=move || if is_mine.get() { "true" } else { "false" }
                    on:click=toggle_mine
                >
                    {t!(i18n, area.my_area_button)}
                </button>
                <Show when=move || is_mine.get()>
                    " "<span class="my-area-note">{t!(i18n, area.my_area_active)}</span>
                </Show>
            </p>
        </section>

        <AreaReview code=review_code />

        <section aria-labelledby="area-objectives-heading">
            <h2 id="area-objectives-heading">{t!(i18n, area.objectives_heading)}</h2>
            <Show
                when=has_rows
                fallback=move || view! { <p>{t!(i18n, area.no_objectives)}</p> }
            >
                <fieldset class="filters">
                    <legend>{t!(i18n, area.filters_legend)}</legend>
                    <div class="filter-field">
                        <label for="filter-pillar">{t!(i18n, area.filter_pillar)}</label>
                        <select
                            id="filter-pillar"
                            on:change=on_pillar
                            prop:value=move || filter.with(|f| f.pillar.clone().unwrap_or_default())
                        >
                            <option value="">{t!(i18n, area.all_pillars)}</option>
                            {move || pillars.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="filter-field">
                        <label for="filter-status">{t!(i18n, area.filter_status)}</label>
                        <select
                            id="filter-status"
                            on:change=on_status
                            prop:value=move || filter.with(|f| f.status.as_str())
                        >
                            <option value="all">{t!(i18n, area.status_all)}</option>
                            <option value="assessed">{t!(i18n, area.status_assessed)}</option>
                            <option value="not-assessed">{t!(i18n, area.status_not_assessed)}</option>
                        </select>
                    </div>
                    <div class="filter-field filter-check">
                        <input
                            type="checkbox"
                            id="filter-below-target"
                            on:change=on_below
                            prop:checked=move || filter.with(|f| f.below_target)
                        />
                        <label for="filter-below-target">{t!(i18n, area.filter_below_target)}</label>
                    </div>
                    <div class="filter-field">
                        <button type="button" class="btn btn-link" id="filter-reset" on:click=reset>
                            {t!(i18n, area.reset_filters)}
                        </button>
                    </div>
                </fieldset>
                <p class="hint" id="area-shown-count" aria-live="polite">
                    {t!(i18n, area.shown_count, shown = move || shown.with(Vec::len), total = move || rows.with(Vec::len))}
                    " "{t!(i18n, area.sort_hint)}
                </p>
                <div class="table-scroll">
                    <table class="scores objectives-table stack" id="area-objectives">
                        <caption>{t!(i18n, area.caption)}</caption>
                        <thead>
                            <tr>
                                {sort_header(sort, SortKey::Title, "", t!(i18n, area.col_objective))}
                                {sort_header(sort, SortKey::Pillar, "", t!(i18n, area.col_pillar))}
                                <th scope="col">{t!(i18n, area.col_strategic)}</th>
                                {sort_header(sort, SortKey::Weight, "num", t!(i18n, area.col_weight))}
                                {sort_header(sort, SortKey::Level, "", t!(i18n, area.col_level))}
                                <th scope="col" class="num">{t!(i18n, area.col_contribution)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {table_rows}
                            <Show when=move || shown.with(Vec::is_empty)>
                                <tr><td colspan="6" class="empty">{t!(i18n, area.no_rows)}</td></tr>
                            </Show>
                        </tbody>
                        <tfoot>
                            <tr class=move || if weights_complete(total.get()) { "total" } else { "total weights-off" }>
                                <th scope="row" colspan="3">{t!(i18n, area.total_row)}</th>
                                <td class="num" id="area-weight-sum">{move || format::decimal(total.get(), lang(), 2)}</td>
                                <td></td>
                                <td class="num">{score_text}</td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
            </Show>
        </section>

        <AreaTimeline code=timeline_code />

        <section class="what-if" aria-labelledby="what-if-heading">
            <h2 id="what-if-heading">{t!(i18n, history.whatif_heading)}</h2>
            <p>
                <button
                    type="button"
                    class="btn btn-secondary"
                    id="what-if-toggle"
                    aria-expanded=move || if what_if_open.get() { "true" } else { "false" }
                    aria-controls=move || what_if_open.get().then_some("what-if-panel")
                    on:click=move |_| what_if_open.update(|o| *o = !*o)
                >
                    {move || if what_if_open.get() {
                        t!(i18n, history.whatif_close).into_any()
                    } else {
                        t!(i18n, history.whatif_open).into_any()
                    }}
                </button>
            </p>
            <Show when=move || what_if_open.get()>
                <WhatIfPanel code=what_if_code.clone() />
            </Show>
        </section>
    }
}
