//! The printable report (/report for every area, /report/:area for one): the
//! scorecard and each area's objectives with their indicators, levels, values
//! and notes, for the Direzione Generale. It prints as a clean A4 document
//! (style/main.css, "Report" section) and downloads as XLSX or CSV.
//!
//! Each area opens with the Relazione's tables (results and gaps, the
//! distribution by level; `report::relazione`), and the report of every area
//! has the distribution over all of them after the scorecard.
//!
//! The content is [`crate::report::build`]'s [`Report`]; this page only lays it
//! out and wires the buttons.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::report::level_distribution::LevelDistribution;
use crate::components::report::relazione_table::RelazioneTable;
use crate::components::revisions::revision_card::RevisionCard;
use crate::components::scores::level_badge::LevelBadge;
use crate::i18n::*;
use crate::io::clock::today;
use crate::io::files;
use crate::io::xlsx_module;
use crate::report::xlsx as report_xlsx;
use crate::report::{
    self, bound_text, reached_text, relazione::AreaRelazione, AreaSection, CsvTable, IndicatorLine,
    ObjectiveLine, Report, ScoreLine,
};
use crate::state::use_app;
use crate::view::format;
use crate::view::ids::dom_id;

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let area = Memo::new(move |_| params.read().get("area"));
    let known = move || {
        area.get()
            .is_none_or(|code| app.plan.with(|p| p.area(&code).is_some()))
    };
    let report = Memo::new(move |_| {
        let card = app.scorecard.get();
        let area = area.get();
        let lang = app.lang.get();
        app.plan.with(|plan| {
            app.with_results(|results| {
                let built = app
                    .area_status
                    .with(|st| report::build(plan, results, &card, st, area.as_deref(), today()));
                report::with_revisions(built, plan, results, lang)
            })
        })
    });
    view! {
        <article class="report" data-scope=move || if area.get().is_some() { "area" } else { "all" }>
            <Show
                when=known
                fallback=move || view! {
                    <h1>{t!(i18n, report.title)}</h1>
                    <p>{t!(i18n, report.unknown_area, code = area.get().unwrap_or_default())}</p>
                }
            >
                <ReportHead report=report />
                <ReportActions report=report />
                <ReportBody report=report />
            </Show>
        </article>
    }
}

/// Institution, title, plan, scope, the data's cut-off and the report's
/// date: what a reader of the printed page needs first. It also hands the
/// print style the lines of every page's header and footer.
#[component]
fn ReportHead(
    /// The report shown.
    report: Memo<Report>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let scope = move || {
        report.with(|r| match (&r.area, r.areas.first()) {
            (Some(_), Some(a)) => format!("{} — {}", a.score.code, a.score.name),
            _ => t_string!(i18n, common.all_areas).to_string(),
        })
    };
    let as_of = move || {
        let lang = app.lang.get();
        report.with(|r| match &r.data_as_of {
            Some(ts) => format::timestamp(ts, lang),
            None => t_string!(i18n, report.no_results).to_string(),
        })
    };
    Effect::new(move || {
        let lang = app.lang.get();
        let (head, foot) =
            report.with(|r| (report::running_head(r), report::running_foot(r, lang)));
        set_root_property("--report-head", &report::css_string(&head));
        set_root_property("--report-foot", &report::css_string(&foot));
        set_root_property("--report-page-number", &report::page_number_css(lang));
    });
    on_cleanup(|| {
        set_root_property("--report-head", "");
        set_root_property("--report-foot", "");
        set_root_property("--report-page-number", "");
    });
    view! {
        <header class="report-head">
            {move || report.with(|r| r.institution.clone()).map(|name| view! {
                <p class="report-institution" id="report-institution">{name}</p>
            })}
            <h1>{t!(i18n, report.title)}</h1>
            <dl class="report-facts">
                <div>
                    <dt>{t!(i18n, report.plan)}</dt>
                    <dd id="report-plan">{move || report.with(report::plan_name)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, report.scope)}</dt>
                    <dd id="report-scope">{scope}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, report.data_as_of)}</dt>
                    <dd id="report-as-of">{as_of}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, report.date)}</dt>
                    <dd id="report-date">{move || format::date(report.with(|r| r.date), app.lang.get())}</dd>
                </div>
            </dl>
        </header>
    }
}

/// Sets (or, with an empty value, removes) a custom property of the root
/// element, where the print style's page margin boxes read it. Through the
/// CSSOM, which the page's Content-Security-Policy allows (a style attribute
/// or element would need 'unsafe-inline').
fn set_root_property(name: &str, value: &str) {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(root) = document().document_element() else {
        return;
    };
    let Ok(style) = js_sys::Reflect::get(&root, &JsValue::from_str("style")) else {
        return;
    };
    let method = if value.is_empty() {
        "removeProperty"
    } else {
        "setProperty"
    };
    let Ok(f) = js_sys::Reflect::get(&style, &JsValue::from_str(method)) else {
        return;
    };
    if let Some(f) = f.dyn_ref::<js_sys::Function>() {
        let _ = f.call2(&style, &JsValue::from_str(name), &JsValue::from_str(value));
    }
}

/// Print, XLSX and CSV: never printed themselves.
#[component]
fn ReportActions(
    /// The report to export.
    report: Memo<Report>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let on_print = move |_| {
        if let Err(e) = window().print() {
            error.set(Some(format!("{e:?}")));
        }
    };
    // The writer is a wasm module of its own (crate::io::xlsx_module), loaded the
    // first time; the button waits meanwhile, so one click makes one file.
    let writing = RwSignal::new(false);
    let on_xlsx = move |_| {
        let lang = app.lang.get_untracked();
        let (book, name) = report.with_untracked(|r| {
            (
                report_xlsx::book(r, lang),
                format!("{}.xlsx", report::file_stem(r)),
            )
        });
        writing.set(true);
        leptos::task::spawn_local(async move {
            let result = xlsx_module::workbook(&book)
                .await
                .map_err(|e| e.message(lang))
                .and_then(|bytes| {
                    files::download_bytes(&name, &bytes, files::XLSX_MIME).map_err(|e| e.0)
                });
            writing.set(false);
            error.set(result.err());
        });
    };
    // A CSV is one table: the choice says which.
    let csv_table = RwSignal::new(CsvTable::Objectives);
    let on_csv = move |_| {
        let lang = app.lang.get_untracked();
        let which = csv_table.get_untracked();
        let result = report.with_untracked(|r| {
            let text = report::csv(&which.table(r, lang), lang);
            files::download_text(&which.file_name(r), &text, "text/csv;charset=utf-8")
        });
        error.set(result.err().map(|e| e.0));
    };
    view! {
        <div class="report-actions" role="group" aria-label=move || t_string!(i18n, report.actions_label)>
            <button type="button" id="report-print" on:click=on_print>{t!(i18n, report.print)}</button>
            <button type="button" id="report-xlsx" on:click=on_xlsx disabled=move || writing.get() aria-busy=move || writing.get().to_string()>{t!(i18n, report.download_xlsx)}</button>
            <span class="report-csv">
                <label for="report-csv-table">{t!(i18n, report.csv_choice)}</label>
                <select
                    id="report-csv-table"
                    on:change=move |ev| {
                        if let Some(t) = CsvTable::from_key(&event_target_value(&ev)) {
                            csv_table.set(t);
                        }
                    }
                >
                    {move || {
                        let lang = app.lang.get();
                        CsvTable::ALL
                            .into_iter()
                            .map(|t| view! {
                                <option value=t.key() selected=move || csv_table.get() == t>{t.name(lang)}</option>
                            })
                            .collect_view()
                    }}
                </select>
                <button type="button" id="report-csv" on:click=on_csv>{t!(i18n, report.download_csv)}</button>
            </span>
            <p class="hint">{t!(i18n, report.csv_hint)}</p>
            {move || error.get().map(|reason| view! {
                <p class="alert alert-danger" role="alert">{t!(i18n, report.export_failed, reason = reason)}</p>
            })}
        </div>
    }
}

/// The scorecard, then one section per area.
#[component]
fn ReportBody(
    /// The report shown.
    report: Memo<Report>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let area_rows = move || {
        let lang = app.lang.get();
        report.with(|r| {
            r.areas
                .iter()
                .map(|a| score_row(&a.score, lang))
                .collect_view()
        })
    };
    let pillar_rows = move || {
        let lang = app.lang.get();
        report.with(|r| r.pillars.iter().map(|p| score_row(p, lang)).collect_view())
    };
    let has_pillars = move || report.with(|r| !r.pillars.is_empty());
    // The Relazione's tables, computed once per report.
    let relazione = Memo::new(move |_| report.with(report::relazione::relazione));
    let sections = move || {
        let lang = app.lang.get();
        let rel = relazione.get();
        report.with(|r| {
            r.areas
                .iter()
                .zip(rel.areas)
                .map(|(a, rel)| area_section(a.clone(), rel, lang))
                .collect_view()
        })
    };
    // The plan's revisions that touch the areas reported on, as the
    // registry screen shows them.
    let registry = move || {
        report.with(|r| {
            (!r.revisions.is_empty()).then(|| {
                let adopted = r.adoption.as_ref().map(|a| {
                    let day = format::date(a.date, app.lang.get_untracked());
                    let act = a.act.clone();
                    view! { <p id="report-adoption">{t!(i18n, revisions.registry_adopted, date = move || day.clone(), act = move || act.clone())}</p> }
                });
                let cards = r
                    .revisions
                    .iter()
                    .map(|row| view! { <RevisionCard row=row.clone() nested=true /> })
                    .collect_view();
                view! {
                    <section class="report-registry" id="report-registry" aria-labelledby="report-registry-heading">
                        <h2 id="report-registry-heading">{t!(i18n, revisions.report_heading)}</h2>
                        {adopted}
                        {cards}
                    </section>
                }
            })
        })
    };
    // Over every area: only in the report of all of them.
    let overall = move || {
        let lang = app.lang.get();
        report.with(|r| r.area.is_none()).then(|| {
            let distribution = relazione.with(|rel| rel.overall.clone());
            view! {
                <section class="report-overall" aria-labelledby="report-overall-heading">
                    <h2 id="report-overall-heading">{t!(i18n, report.overall_heading)}</h2>
                    <h3>{t!(i18n, report.distribution_heading)}</h3>
                    <LevelDistribution
                        id="distribution-all".to_string()
                        scope=t_string!(i18n, common.all_areas).to_lowercase()
                        distribution=distribution
                        lang=lang
                    />
                    <p class="report-legend">{t!(i18n, report.distribution_overall_note)}</p>
                </section>
            }
        })
    };
    view! {
        <section class="report-scorecard" aria-labelledby="report-scorecard-heading">
            <h2 id="report-scorecard-heading">{t!(i18n, report.scorecard_heading)}</h2>
            <div class="table-scroll">
                <table class="report-table stack" id="report-areas">
                    <caption>{t!(i18n, report.areas_caption)}</caption>
                    <ScoreHead first=move || t_string!(i18n, common.area).to_string() review=true />
                    <tbody>{area_rows}</tbody>
                </table>
            </div>
            <Show when=has_pillars>
                <h3>{t!(i18n, report.pillars_heading)}</h3>
                <div class="table-scroll">
                <table class="report-table stack" id="report-pillars">
                    <caption>{t!(i18n, report.pillars_caption)}</caption>
                    <ScoreHead first=move || t_string!(i18n, common.pillar).to_string() />
                    <tbody>{pillar_rows}</tbody>
                </table>
                </div>
            </Show>
            <p class="report-legend" id="report-status-legend">{t!(i18n, report.status_legend)}</p>
            <Show when=move || report.with(|r| r.areas.iter().any(|a| a.score.original.is_some()))>
                <p class="report-legend" id="report-original-legend">{t!(i18n, revisions.original_explained)}</p>
            </Show>
        </section>
        {registry}
        {overall}
        {sections}
    }
}

/// The head of the area and pillar score tables.
#[component]
fn ScoreHead(
    /// The first column's title (area or pillar), in the current language.
    #[prop(into)]
    first: Signal<String>,
    /// Whether the rows have a review column (areas; pillars are not reviewed).
    #[prop(optional)]
    review: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <thead>
            <tr>
                <th scope="col">{first}</th>
                <th scope="col" class="num">{t!(i18n, common.score)}</th>
                <th scope="col" class="num">{t!(i18n, common.percent_of_target)}</th>
                <th scope="col" class="num">{t!(i18n, common.assessed_weight)}</th>
                <th scope="col">{t!(i18n, report.status)}</th>
                {review.then(|| view! { <th scope="col">{t!(i18n, report.review)}</th> })}
            </tr>
        </thead>
    }
}

fn weight_text(l: &ScoreLine, lang: Lang) -> String {
    format!(
        "{} / {}",
        format::decimal(l.assessed_weight, lang, 2),
        format::decimal(l.total_weight, lang, 2)
    )
}

fn status_text(l: &ScoreLine, lang: Lang) -> &'static str {
    report::status_name(l.status(), lang)
}

fn score_row(l: &ScoreLine, lang: Lang) -> impl IntoView {
    // `data-label`: the column's name on a phone, where rows become cards.
    let label = lang.locale();
    view! {
        <tr data-code=l.code.clone()>
            <th scope="row">{l.code.clone()}" — "{l.name.clone()}</th>
            <td class="num score" data-label=td_string!(label, common.score)>
                {format::level(l.score, lang)}
                // Against the plan as adopted, where a revision changed it.
                {l.original.filter(|o| *o != l.score).map(|o| {
                    let text = td_string!(label, revisions.original_score, score = format::level(o, lang)).to_string();
                    view! { <br /><span class="original-score">{text}</span> }
                })}
            </td>
            <td class="num" data-label=td_string!(label, common.percent_of_target)>{format::percent(l.percent_of_target, lang)}</td>
            <td class="num" data-label=td_string!(label, common.assessed_weight)>{weight_text(l, lang)}</td>
            <td data-label=td_string!(label, report.status)>{status_text(l, lang)}</td>
            {l.review.as_ref().map(|r| {
                let state = crate::view::messages::review_state(r.state, lang);
                let validated = r.validated_score.map(|v| format!(" · {}", format::level(Some(v), lang)));
                view! {
                    <td class="review" data-state=crate::view::cycle::state_key(r.state) data-label=td_string!(label, report.review)>
                        {state}{validated}
                    </td>
                }
            })}
        </tr>
    }
}

/// The area's review under its score: state, submission, seal, and the
/// validated score beside the self-assessed one.
fn review_line(l: &ScoreLine, lang: Lang) -> Option<impl IntoView> {
    let i18n = use_i18n();
    let r = l.review.clone()?;
    let state = crate::view::messages::review_state(r.state, lang);
    let submitted = r.submitted_at.as_deref().map(|at| {
        let at = format::timestamp(at, lang);
        let by = r.submitted_by.clone().unwrap_or_else(|| "—".into());
        view! { " · "{t!(i18n, report.area_submitted, at = at.clone(), by = by.clone())} }
    });
    let seal = r
        .seal
        .clone()
        .map(|seal| view! { " · "{t!(i18n, report.area_seal, seal = seal.clone())} });
    let validated = r.validated_score.map(|v| {
        let (validated, own) = (format::level(Some(v), lang), format::level(l.score, lang));
        view! { <p class="report-area-validated">{t!(i18n, report.area_validated, validated = validated.clone(), own = own.clone())}</p> }
    });
    Some(view! {
        <p class="report-area-review" data-state=crate::view::cycle::state_key(r.state)>
            {t!(i18n, report.area_review, state = state.clone())}{submitted}{seal}
        </p>
        {validated}
    })
}

fn area_section(a: AreaSection, rel: AreaRelazione, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = dom_id("report-area-", &a.score.code);
    let labelled_by = heading_id.clone();
    let score = format!(
        "{} · {}",
        format::level(a.score.score, lang),
        status_text(&a.score, lang)
    );
    let weight = format!("{} %", weight_text(&a.score, lang));
    let review = review_line(&a.score, lang);
    let empty = a.objectives.is_empty().then(|| {
        view! { <p>{t!(i18n, report.no_objectives)}</p> }
    });
    let objectives = a
        .objectives
        .into_iter()
        .map(|o| objective_block(o, lang))
        .collect_view();
    view! {
        <section class="report-area" data-area=a.score.code.clone() aria-labelledby=labelled_by>
            <h2 id=heading_id>{a.score.code.clone()}" — "{a.score.name.clone()}</h2>
            <p class="report-area-score">{t!(i18n, report.area_score, score = score, weight = weight)}</p>
            {review}
            {empty}
            {(!rel.rows.is_empty()).then(|| view! {
                <div class="report-relazione">
                    <h3>{t!(i18n, report.relazione_heading)}</h3>
                    <RelazioneTable code=rel.code.clone() rows=rel.rows lang=lang />
                    <h3>{t!(i18n, report.distribution_heading)}</h3>
                    <LevelDistribution
                        id=dom_id("distribution-", &rel.code)
                        scope=rel.code.clone()
                        distribution=rel.distribution
                        lang=lang
                    />
                </div>
            })}
            {objectives}
        </section>
    }
}

fn objective_block(o: ObjectiveLine, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let weight = format::decimal(o.weight, lang, 2);
    let level = o.level;
    let title = o.title.clone();
    let validated = o.validated.clone().map(|(v, reason)| {
        let v = format::level(v, lang);
        view! {
            <p class="report-objective-validated">
                {t!(i18n, report.objective_validated, level = v.clone())}
                {reason.map(|r| view! { " — "<em>{r}</em> })}
            </p>
        }
    });
    let rows = o
        .indicators
        .into_iter()
        .map(|i| indicator_row(i, lang))
        .collect_view();
    view! {
        <div class="report-objective" data-objective=o.id>
            <h3>{o.title}</h3>
            <p class="report-objective-meta">
                {t!(i18n, report.objective_meta, pillar = o.pillar, weight = weight)}" "
                <LevelBadge level=Signal::derive(move || level) />
            </p>
            {validated}
            <div class="table-scroll">
            <table class="report-table report-indicators stack">
                <caption class="visually-hidden">{t!(i18n, report.indicators_caption, objective = title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, report.indicator)}</th>
                        <th scope="col">{t!(i18n, common.threshold)}</th>
                        <th scope="col">{t!(i18n, common.target)}</th>
                        <th scope="col">{t!(i18n, common.excellence)}</th>
                        <th scope="col">{t!(i18n, report.reached)}</th>
                        <th scope="col">{t!(i18n, common.level)}</th>
                        <th scope="col">{t!(i18n, report.note)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
        </div>
    }
}

fn indicator_row(i: IndicatorLine, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let unit = i.unit.as_ref();
    let threshold = bound_text(&i.threshold, unit, lang);
    let target = bound_text(&i.target, unit, lang);
    let excellence = bound_text(&i.excellence, unit, lang);
    let reached = reached_text(&i.reached, unit, lang);
    let level = i.level;
    let evidence = (!i.evidence.is_empty()).then(|| {
        let items = i
            .evidence
            .iter()
            .map(|e| view! { <li>{report::evidence_text(e, lang)}</li> })
            .collect_view();
        view! {
            <span class="report-evidence-label">{t!(i18n, report.evidence)}":"</span>
            <ul class="report-evidence">{items}</ul>
        }
    });
    let updated = i.updated_at.as_deref().map(|ts| {
        let by = i.updated_by.clone().map(|b| format!(" · {b}")).unwrap_or_default();
        view! {
            <span class="report-updated">{t!(i18n, report.updated)}" "{format::timestamp(ts, lang)}{by}</span>
        }
    });
    view! {
        // People read the indicator's label and description; its id is a
        // tooltip, for whoever compares the report with a file.
        <tr data-indicator=i.id.clone()>
            <th scope="row" title=i.id.clone()>
                {match (i.label.clone(), i.description.clone()) {
                    (Some(label), d) => view! {
                        {t!(i18n, objective.indicator_label, label = label)}
                        {d.map(|d| view! { <span class="report-indicator-description">{d}</span> })}
                    }.into_any(),
                    (None, Some(d)) => view! { <span class="report-indicator-text">{d}</span> }.into_any(),
                    (None, None) => view! { {t!(i18n, report.indicator)} }.into_any(),
                }}
            </th>
            <td class="report-bound" data-label=td_string!(lang.locale(), common.threshold)>{threshold}</td>
            <td class="report-bound" data-label=td_string!(lang.locale(), common.target)>{target}</td>
            <td class="report-bound" data-label=td_string!(lang.locale(), common.excellence)>{excellence}</td>
            <td class="report-reached" data-label=td_string!(lang.locale(), report.reached)>{reached}</td>
            <td data-label=td_string!(lang.locale(), common.level)><LevelBadge level=Signal::derive(move || level) /></td>
            <td class="report-note" data-label=td_string!(lang.locale(), report.note)>{i.note.clone().unwrap_or_default()}{updated}{evidence}</td>
        </tr>
    }
}
