//! The overview: every area's score (0–4 and percent of target), assessed weight
//! of total, a provisional mark and a bar; the same per pillar.

use cruscotto_engine::cycle::validated_score;
use cruscotto_engine::{AreaScore, PillarScore};
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::components::frame::export_reminder::ExportReminder;
use crate::components::links::{area_href, report_href};
use crate::components::revisions::original_score::OriginalScore;
use crate::components::role::my_area::MyArea;
use crate::components::role::role_form::RoleForm;
use crate::components::scores::score_bar::ScoreBar;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::area::weight_share;
use crate::view::format;

#[component]
pub fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let labels = move || Labels {
        score: t_string!(i18n, common.score).to_string(),
        percent: t_string!(i18n, common.percent_of_target).to_string(),
        weight: t_string!(i18n, common.assessed_weight).to_string(),
        points: t_string!(i18n, overview.weight_points).to_string(),
    };
    let rows = move || {
        let lang = app.lang.get();
        let labels = labels();
        let card = app.scorecard.get();
        let mine = app.area.get();
        let statuses = app.area_status.get();
        app.plan.with(|plan| {
            plan.areas
                .iter()
                .map(|area| {
                    let s = card.area(&area.code).cloned();
                    let is_mine = mine.as_deref() == Some(area.code.as_str());
                    // The office's score beside the self-assessed one, once
                    // the area is validated.
                    let validated =
                        validated_score(plan, &card, &area.code, statuses.get(&area.code))
                            .and_then(|v| v.score);
                    area_row(
                        area.code.clone(),
                        area.name.clone(),
                        s,
                        validated,
                        is_mine,
                        lang,
                        labels.clone(),
                    )
                })
                .collect_view()
        })
    };
    let pillar_rows = move || {
        let lang = app.lang.get();
        let labels = labels();
        let card = app.scorecard.get();
        app.plan.with(|plan| {
            plan.pillars
                .iter()
                .map(|p| {
                    let s = card.pillars.iter().find(|s| s.pillar == p.id).cloned();
                    pillar_row(p.name.clone(), s, lang, labels.clone())
                })
                .collect_view()
        })
    };
    // Asked once, never blocking: the scores are all there beside the panel.
    let ask = move || !app.role_asked.get() && app.role().is_none();
    let mine = move || {
        app.manager_area()
            .filter(|code| app.plan.with(|p| p.area(code).is_some()))
    };
    view! {
        <h1>{move || app.plan.with(|p| p.title.clone())}</h1>
        <p class="lead">{t!(i18n, overview.title)}" · "{move || app.plan.with(|p| p.year)}</p>
        <ExportReminder id="export-reminder" />
        <Show when=ask>
            <section class="role-panel" id="role-panel" aria-labelledby="role-panel-heading">
                <h2 id="role-panel-heading">{t!(i18n, overview.role_panel_heading)}</h2>
                <p>{t!(i18n, overview.role_panel_intro)}</p>
                <RoleForm id="role-panel" later=true />
            </section>
        </Show>
        {move || mine().map(|code| view! { <MyArea code=code /> })}
        <p class="hint">{t!(i18n, overview.scale_note)}</p>
        <p class="report-link"><A href=report_href(None)>{t!(i18n, report.link)}</A></p>
        <section aria-labelledby="areas-heading">
            <h2 id="areas-heading">{t!(i18n, overview.areas_heading)}</h2>
            <table class="scores stack" id="area-scores">
                <ScoreTableHead first=move || t_string!(i18n, common.area) />
                <tbody>{rows}</tbody>
            </table>
        </section>
        <section aria-labelledby="pillars-heading">
            <h2 id="pillars-heading">{t!(i18n, overview.pillars_heading)}</h2>
            <table class="scores stack" id="pillar-scores">
                <ScoreTableHead first=move || t_string!(i18n, common.pillar) />
                <tbody>{pillar_rows}</tbody>
            </table>
        </section>
    }
}

/// The figures shown for an area or a pillar, whichever the engine scored.
struct Figures {
    score: Option<Decimal>,
    percent: Option<Decimal>,
    provisional: bool,
    assessed: Decimal,
    total: Decimal,
}

impl From<&AreaScore> for Figures {
    fn from(s: &AreaScore) -> Self {
        Figures {
            score: s.score,
            percent: s.percent_of_target,
            provisional: s.provisional,
            assessed: s.assessed_weight,
            total: s.total_weight,
        }
    }
}

impl From<&PillarScore> for Figures {
    fn from(s: &PillarScore) -> Self {
        Figures {
            score: s.score,
            percent: s.percent_of_target,
            provisional: s.provisional,
            assessed: s.assessed_weight,
            total: s.total_weight,
        }
    }
}

/// The head shared by the area and the pillar tables.
#[component]
fn ScoreTableHead(
    /// The first column's title (area or pillar), in the current language.
    #[prop(into)]
    first: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <thead>
            <tr>
                <th scope="col">{first}</th>
                <th scope="col" class="num">{t!(i18n, common.score)}</th>
                <th scope="col" class="num">{t!(i18n, common.percent_of_target)}</th>
                <th scope="col" class="num">{t!(i18n, common.assessed_weight)}</th>
                <th scope="col"><span class="visually-hidden">{t!(i18n, overview.chart_label)}</span></th>
            </tr>
        </thead>
    }
}

/// The column names, as the phone layout labels each cell of a stacked row.
#[derive(Clone)]
struct Labels {
    score: String,
    percent: String,
    weight: String,
    /// The unit of a pillar's weights, which add up several areas' percentages.
    points: String,
}

/// Score, percent of target, assessed of total weight, and the bar. An area's
/// weights are percentages; a pillar's add up several areas' percentages, so
/// they are shown as plain points. A provisional score says so, and on how
/// much of the weight it rests; its bar is drawn hatched.
fn figure_cells(
    f: Option<Figures>,
    weight_unit: String,
    lang: Lang,
    labels: Labels,
) -> impl IntoView {
    let i18n = use_i18n();
    let score = f.as_ref().and_then(|f| f.score);
    let provisional = f.as_ref().is_some_and(|f| f.provisional);
    let percent = f.as_ref().and_then(|f| f.percent);
    let weights = f
        .as_ref()
        .map(|f| {
            format!(
                "{} / {}{weight_unit}",
                format::decimal(f.assessed, lang, 2),
                format::decimal(f.total, lang, 2)
            )
        })
        .unwrap_or_default();
    let share = f
        .as_ref()
        .filter(|f| f.provisional && f.score.is_some())
        .and_then(|f| weight_share(f.assessed, f.total))
        .map(|pct| format::decimal(pct, lang, 0));
    let mark = share.map(|weight| {
        view! { <span class="badge-provisional">{t!(i18n, overview.provisional_share, weight = weight)}</span> }
    });
    // An area whose weights do not add up to 100 is flagged where its weight
    // is read (the editor says which objective to fix).
    let weights_off = (weight_unit == " %")
        .then(|| f.as_ref().map(|f| f.total))
        .flatten()
        .filter(|t| *t != Decimal::ONE_HUNDRED)
        .map(|total| {
            let sum = format::decimal(total, lang, 2);
            view! { " "<span class="badge-weights-off">{t!(i18n, overview.weights_off, sum = sum)}</span> }
        });
    view! {
        <td class="num score" data-label=labels.score>{format::level(score, lang)}" "{mark}</td>
        <td class="num percent" data-label=labels.percent>{format::percent(percent, lang)}</td>
        <td class="num weight" data-label=labels.weight>{weights}{weights_off}</td>
        <td class="bar"><ScoreBar score=Signal::derive(move || score) provisional=Signal::derive(move || provisional) /></td>
    }
}

fn area_row(
    code: String,
    name: String,
    s: Option<AreaScore>,
    validated: Option<Decimal>,
    is_mine: bool,
    lang: Lang,
    labels: Labels,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = area_href(&code);
    let data_area = code.clone();
    let original_of = code.clone();
    let validated = validated.map(|v| {
        let score = format::level(Some(v), lang);
        view! { <span class="validated-score">{t!(i18n, overview.validated_score, score = score.clone())}</span> }
    });
    view! {
        <tr data-area=data_area class:my-area=is_mine>
            <th scope="row">
                <A href=href><abbr title=name.clone()>{code.clone()}</abbr>" "<span class="area-name">{name}</span></A>
                {validated}
                <OriginalScore area=original_of />
            </th>
            {figure_cells(s.as_ref().map(Figures::from), " %".to_string(), lang, labels)}
        </tr>
    }
}

fn pillar_row(name: String, s: Option<PillarScore>, lang: Lang, labels: Labels) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{name}</th>
            {figure_cells(s.as_ref().map(Figures::from), format!(" {}", labels.points.clone()), lang, labels)}
        </tr>
    }
}
