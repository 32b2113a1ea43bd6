//! The overview: every area's score (0–4 and percent of target), assessed weight
//! of total, a provisional mark and a bar; the same per pillar.

use cruscotto_engine::{AreaScore, PillarScore};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::score_bar::ScoreBar;
use crate::format;
use crate::i18n::*;
use crate::state::use_app;

#[component]
pub fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = move || {
        let lang = app.lang.get();
        let card = app.scorecard.get();
        let mine = app.area.get();
        app.plan.with(|plan| {
            plan.areas
                .iter()
                .map(|area| {
                    let s = card.area(&area.code).cloned();
                    let is_mine = mine.as_deref() == Some(area.code.as_str());
                    area_row(area.code.clone(), area.name.clone(), s, is_mine, lang)
                })
                .collect_view()
        })
    };
    let pillar_rows = move || {
        let lang = app.lang.get();
        let card = app.scorecard.get();
        app.plan.with(|plan| {
            plan.pillars
                .iter()
                .map(|p| {
                    let s = card.pillars.iter().find(|s| s.pillar == p.id).cloned();
                    pillar_row(p.name.clone(), s, lang)
                })
                .collect_view()
        })
    };
    view! {
        <h1>{move || app.plan.with(|p| p.title.clone())}</h1>
        <p class="lead">{t!(i18n, overview.title)}" · "{move || app.plan.with(|p| p.year)}</p>
        <p class="hint">{t!(i18n, overview.scale_note)}</p>
        <section aria-labelledby="areas-heading">
            <h2 id="areas-heading">{t!(i18n, overview.areas_heading)}</h2>
            <table class="scores" id="area-scores">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, common.area)}</th>
                        <th scope="col" class="num">{t!(i18n, common.score)}</th>
                        <th scope="col" class="num">{t!(i18n, common.percent_of_target)}</th>
                        <th scope="col" class="num">{t!(i18n, common.assessed_weight)}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, overview.chart_label)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
        <section aria-labelledby="pillars-heading">
            <h2 id="pillars-heading">{t!(i18n, overview.pillars_heading)}</h2>
            <table class="scores" id="pillar-scores">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, common.pillar)}</th>
                        <th scope="col" class="num">{t!(i18n, common.score)}</th>
                        <th scope="col" class="num">{t!(i18n, common.percent_of_target)}</th>
                        <th scope="col" class="num">{t!(i18n, common.assessed_weight)}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, overview.chart_label)}</span></th>
                    </tr>
                </thead>
                <tbody>{pillar_rows}</tbody>
            </table>
        </section>
    }
}

fn provisional_mark(provisional: bool, lang: cruscotto_engine::Lang) -> impl IntoView {
    provisional.then(|| {
        let text = match lang {
            cruscotto_engine::Lang::It => "provvisorio",
            cruscotto_engine::Lang::En => "provisional",
        };
        view! { <span class="badge-provisional">{text}</span> }
    })
}

fn weight_text(
    assessed: rust_decimal::Decimal,
    total: rust_decimal::Decimal,
    lang: cruscotto_engine::Lang,
) -> String {
    format!(
        "{} / {} %",
        format::decimal(assessed, lang, 2),
        format::decimal(total, lang, 2)
    )
}

fn area_row(
    code: String,
    name: String,
    s: Option<AreaScore>,
    is_mine: bool,
    lang: cruscotto_engine::Lang,
) -> impl IntoView {
    let score = s.as_ref().and_then(|s| s.score);
    let provisional = s.as_ref().is_some_and(|s| s.provisional);
    let percent = s.as_ref().and_then(|s| s.percent_of_target);
    let weights = s
        .as_ref()
        .map(|s| weight_text(s.assessed_weight, s.total_weight, lang))
        .unwrap_or_default();
    let href = format!("/area/{code}");
    let data_area = code.clone();
    view! {
        <tr data-area=data_area class:my-area=is_mine>
            <th scope="row">
                <A href=href><abbr title=name.clone()>{code.clone()}</abbr>" "<span class="area-name">{name}</span></A>
            </th>
            <td class="num score">{format::level(score, lang)}" "{provisional_mark(provisional, lang)}</td>
            <td class="num percent">{format::percent(percent, lang)}</td>
            <td class="num weight">{weights}</td>
            <td><ScoreBar score=Signal::derive(move || score) provisional=Signal::derive(move || provisional) /></td>
        </tr>
    }
}

fn pillar_row(name: String, s: Option<PillarScore>, lang: cruscotto_engine::Lang) -> impl IntoView {
    let score = s.as_ref().and_then(|s| s.score);
    let provisional = s.as_ref().is_some_and(|s| s.provisional);
    let percent = s.as_ref().and_then(|s| s.percent_of_target);
    let weights = s
        .as_ref()
        .map(|s| weight_text(s.assessed_weight, s.total_weight, lang))
        .unwrap_or_default();
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td class="num score">{format::level(score, lang)}" "{provisional_mark(provisional, lang)}</td>
            <td class="num percent">{format::percent(percent, lang)}</td>
            <td class="num weight">{weights}</td>
            <td><ScoreBar score=Signal::derive(move || score) provisional=Signal::derive(move || provisional) /></td>
        </tr>
    }
}
