//! The area screen (/area/:code): the area's score from the engine, the sum of
//! its weights, its objectives in a table that can be filtered and sorted, the
//! score over time and a what-if panel (both in `components/`).
//!
//! The rows are built and ordered by plain functions ([`area_rows`],
//! [`filter_and_sort`]) so the table's rules are unit-tested natively; the view
//! only wires them to signals.

use std::cmp::Ordering;

use cruscotto_engine::scoring::TARGET_LEVEL;
use cruscotto_engine::{Plan, Scorecard};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use rust_decimal::Decimal;

use crate::components::charts::area_timeline::AreaTimeline;
use crate::components::progress::what_if::WhatIfPanel;
use crate::components::scores::level_badge::LevelBadge;
use crate::components::scores::score_bar::ScoreBar;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::ids::dom_id;

/// One objective as the area table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaRow {
    pub id: String,
    pub title: String,
    pub pillar: String,
    pub pillar_name: String,
    pub strategic: Option<String>,
    pub strategic_title: Option<String>,
    pub weight: Decimal,
    pub level: Option<Decimal>,
    /// weight × level ÷ assessed weight: the rows' contributions add up to the score.
    pub contribution: Option<Decimal>,
    /// Position in the plan, the order when no column is chosen.
    pub order: usize,
}

/// The area's objectives with their levels and contributions, in plan order.
pub fn area_rows(plan: &Plan, card: &Scorecard, code: &str) -> Vec<AreaRow> {
    let assessed = card
        .area(code)
        .map(|s| s.assessed_weight)
        .unwrap_or_default();
    plan.objectives_of_area(code)
        .enumerate()
        .map(|(order, (o, weight))| {
            let level = card.objective(&o.id);
            let contribution = level.and_then(|l| {
                if assessed.is_zero() {
                    None
                } else {
                    weight.checked_mul(l)?.checked_div(assessed)
                }
            });
            let strategic = o.strategic_objective.clone();
            let strategic_title = strategic.as_deref().and_then(|c| {
                plan.strategic_objectives
                    .iter()
                    .find(|s| s.code == c)
                    .map(|s| s.title.clone())
            });
            AreaRow {
                id: o.id.clone(),
                title: o.title.clone(),
                pillar: o.pillar.clone(),
                pillar_name: plan
                    .pillars
                    .iter()
                    .find(|p| p.id == o.pillar)
                    .map_or_else(|| o.pillar.clone(), |p| p.name.clone()),
                strategic,
                strategic_title,
                weight,
                level,
                contribution,
                order,
            }
        })
        .collect()
}

/// Which objectives to show by assessment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    #[default]
    All,
    Assessed,
    NotAssessed,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::All => "all",
            Status::Assessed => "assessed",
            Status::NotAssessed => "not-assessed",
        }
    }

    fn parse(s: &str) -> Status {
        match s {
            "assessed" => Status::Assessed,
            "not-assessed" => Status::NotAssessed,
            _ => Status::All,
        }
    }
}

/// The table's filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A pillar id, or `None` for every pillar.
    pub pillar: Option<String>,
    pub status: Status,
    /// Only objectives assessed below target (level under 3).
    pub below_target: bool,
}

impl Filter {
    fn keeps(&self, row: &AreaRow) -> bool {
        self.pillar.as_ref().is_none_or(|p| *p == row.pillar)
            && match self.status {
                Status::All => true,
                Status::Assessed => row.level.is_some(),
                Status::NotAssessed => row.level.is_none(),
            }
            && (!self.below_target || row.level.is_some_and(|l| l < TARGET_LEVEL))
    }
}

/// The column the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// The plan's order, before any header is clicked.
    #[default]
    Plan,
    Title,
    Pillar,
    Weight,
    Level,
}

/// A sort column and its direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// The sort after clicking `key`'s header: the same column flips, another
    /// column starts ascending.
    pub fn toggled(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: false,
            }
        }
    }

    /// The `aria-sort` value for a column's header.
    pub fn aria(self, key: SortKey) -> &'static str {
        match (self.key == key, self.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

/// Compares titles the way a reader expects: case- and accent-light, then exactly.
fn text_cmp(a: &str, b: &str) -> Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

/// The rows the filter keeps, sorted. Ties keep the plan's order, so the table
/// never shuffles rows that compare equal.
pub fn filter_and_sort(rows: &[AreaRow], filter: &Filter, sort: Sort) -> Vec<AreaRow> {
    let mut out: Vec<AreaRow> = rows.iter().filter(|r| filter.keeps(r)).cloned().collect();
    out.sort_by(|a, b| {
        let primary = match sort.key {
            SortKey::Plan => Ordering::Equal,
            SortKey::Title => text_cmp(&a.title, &b.title),
            SortKey::Pillar => text_cmp(&a.pillar_name, &b.pillar_name),
            SortKey::Weight => a.weight.cmp(&b.weight),
            // Not assessed sorts below every level, 0 included.
            SortKey::Level => a.level.cmp(&b.level),
        };
        let primary = if sort.descending {
            primary.reverse()
        } else {
            primary
        };
        primary.then(a.order.cmp(&b.order))
    });
    out
}

/// Whether an area's weights add up to exactly 100.
pub fn weights_complete(total: Decimal) -> bool {
    total == Decimal::ONE_HUNDRED
}

fn objective_href(id: &str) -> String {
    format!("/objective/{}", js_sys::encode_uri_component(id))
}

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
        <p><A href="/">{t!(i18n, common.back_to_overview)}</A></p>
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
                app.area.set(Some(code.clone()));
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

    let table_rows = move || {
        let lang = lang();
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
                            <A href=objective_href(&r.id)>{r.title.clone()}</A>
                        </th>
                        <td class="pillar">{r.pillar_name.clone()}</td>
                        <td class="strategic">{strategic}</td>
                        <td class="num weight">{format::decimal(r.weight, lang, 2)}</td>
                        <td class="level"><LevelBadge level=Signal::derive(move || level) /></td>
                        <td class="num contribution">{format::level(r.contribution, lang)}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    let what_if_open = RwSignal::new(false);
    let timeline_code = code.clone();
    let what_if_code = code.clone();
    let heading_code = code.clone();
    let report_href = format!("/report/{}", js_sys::encode_uri_component(&code));
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, area.title)>
            <A href="/">{t!(i18n, common.nav_overview)}</A>
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
            <p class="area-status">
                <Show when=move || provisional.get()>
                    <span class="badge-provisional">{t!(i18n, common.provisional)}</span>" "
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
                    <table class="scores objectives-table" id="area-objectives">
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

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use cruscotto_engine::{default_snapshot, ProgressEntry};

    use super::*;
    use crate::test_fixtures::at_level;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn ate_rows(progress: &[(&str, ProgressEntry)]) -> Vec<AreaRow> {
        let snap = default_snapshot();
        let progress = progress
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        let card = snap.plan.score(&progress);
        area_rows(&snap.plan, &card, "ATE")
    }

    #[test]
    fn contributions_add_up_to_the_area_score() {
        let rows = ate_rows(&[
            ("riassetto-bassini-i1", at_level(3)),
            ("impianti-fotovoltaici-i1", at_level(4)),
            ("metodologia-bim-i1", at_level(1)),
        ]);
        let sum: Decimal = rows.iter().filter_map(|r| r.contribution).sum();
        // (15·3 + 15·4 + 5·1) / 35
        assert_eq!(sum.round_dp(10), (d("110") / d("35")).round_dp(10));
        assert!(rows
            .iter()
            .filter(|r| r.level.is_none())
            .all(|r| r.contribution.is_none()));
    }

    #[test]
    fn filters_combine() {
        let rows = ate_rows(&[
            ("riassetto-bassini-i1", at_level(3)),
            ("metodologia-bim-i1", at_level(1)),
        ]);
        let below = Filter {
            below_target: true,
            ..Default::default()
        };
        let ids: Vec<_> = filter_and_sort(&rows, &below, Sort::default())
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["metodologia-bim"]);
        let assessed = Filter {
            status: Status::Assessed,
            ..Default::default()
        };
        assert_eq!(filter_and_sort(&rows, &assessed, Sort::default()).len(), 2);
        let not_assessed = Filter {
            status: Status::NotAssessed,
            pillar: Some("persone".into()),
            ..Default::default()
        };
        let kept = filter_and_sort(&rows, &not_assessed, Sort::default());
        assert!(kept
            .iter()
            .all(|r| r.pillar == "persone" && r.level.is_none()));
        assert_eq!(kept.len(), 5);
    }

    #[test]
    fn sorting_is_stable_and_flips() {
        let rows = ate_rows(&[]);
        let by_weight = Sort::default().toggled(SortKey::Weight);
        let asc = filter_and_sort(&rows, &Filter::default(), by_weight);
        assert_eq!(asc[0].weight, d("5"));
        assert_eq!(asc[0].id, "soddisfazione-docenti");
        let desc = filter_and_sort(
            &rows,
            &Filter::default(),
            by_weight.toggled(SortKey::Weight),
        );
        assert_eq!(desc[0].weight, d("15"));
        assert_eq!(desc[0].id, "campus-bovisa-nord");
        assert_eq!(by_weight.aria(SortKey::Weight), "ascending");
        assert_eq!(by_weight.aria(SortKey::Title), "none");
    }

    #[test]
    fn not_assessed_sorts_below_level_zero() {
        let rows = ate_rows(&[("metodologia-bim-i1", at_level(0))]);
        let sort = Sort {
            key: SortKey::Level,
            descending: true,
        };
        let sorted = filter_and_sort(&rows, &Filter::default(), sort);
        assert_eq!(sorted[0].id, "metodologia-bim");
    }

    #[test]
    fn weights_must_add_up_to_100() {
        assert!(weights_complete(d("100.00")));
        assert!(!weights_complete(d("95")));
    }
}
