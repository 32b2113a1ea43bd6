//! The office's campaign screen (/campaign): every area with its state, who
//! submitted and when, whether its results match the seal, the assessed
//! weight, the self-assessed and validated scores, and lateness against the
//! plan's deadline, and how many of its results the last import or
//! consolidation changed (against the backup taken before it); the review
//! of one area opens below the table. The rows
//! are the engine's (`cycle::campaign`); the counts `view::cycle`'s.

use cruscotto_engine::cycle::{campaign, SealCheck};
use cruscotto_engine::snapshot::import;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::cycle::review_panel::ReviewPanel;
use crate::components::cycle::state_badge::StateBadge;
use crate::components::links::area_href;
use crate::i18n::*;
use crate::io::clock::today;
use crate::state::use_app;
use crate::view::cycle::{campaign_counts, changed_since, state_key};
use crate::view::format;

#[component]
pub fn CampaignPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = Memo::new(move |_| campaign(&app.tracked_snapshot(), today()));
    // The state before the last import or consolidation (kept as a backup):
    // what the last files changed, area by area.
    let previous = Memo::new(move |_| {
        app.backups.with(|b| {
            b.iter()
                .filter(|b| b.reason == "import" || b.reason == "consolidate")
                .max_by(|x, y| x.taken_at.cmp(&y.taken_at))
                .and_then(|b| {
                    import(b.snapshot.as_bytes())
                        .ok()
                        .map(|i| (b.taken_at.clone(), i.snapshot))
                })
        })
    });
    let changed = Memo::new(move |_| {
        previous.with(|p| {
            p.as_ref()
                .map(|(_, before)| changed_since(before, &app.tracked_snapshot()))
        })
    });
    let counts = Memo::new(move |_| rows.with(|r| campaign_counts(r)));
    let reviewing = RwSignal::new(None::<String>);
    let lang = move || app.lang.get();
    let year = move || app.plan.with(|p| p.year);
    let deadline = move || {
        let (deadline, monitoring) = app
            .plan
            .with(|p| (p.self_assessment_deadline, p.monitoring_date));
        let deadline = match deadline {
            Some(d) => {
                let date = format::date(d, lang());
                view! { <p id="campaign-deadline">{t!(i18n, cycle.deadline, date = date.clone())}</p> }.into_any()
            }
            None => {
                view! { <p id="campaign-deadline">{t!(i18n, cycle.no_deadline)}</p> }.into_any()
            }
        };
        let monitoring = monitoring.map(|d| {
            let date = format::date(d, lang());
            view! { <p>{t!(i18n, cycle.monitoring, date = date.clone())}</p> }
        });
        view! { {deadline}{monitoring} }
    };
    let names = Memo::new(move |_| {
        app.plan.with(|p| {
            p.areas
                .iter()
                .map(|a| (a.code.clone(), a.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let body = move || {
        rows.get()
            .into_iter()
            .map(|r| {
                let code = r.area.clone();
                let name = names.with(|n| n.iter().find(|(c, _)| *c == code).map(|(_, n)| n.clone())).unwrap_or_default();
                let state = r.state;
                let seal = match &r.seal {
                    SealCheck::None => view! { <span class="seal-none">{t!(i18n, cycle.seal_none_short)}</span> }.into_any(),
                    SealCheck::Valid { seal } => view! { <span class="seal-ok" title=seal.clone()>{t!(i18n, cycle.seal_ok_short)}</span> }.into_any(),
                    SealCheck::Broken { sealed, .. } => view! { <strong class="seal-broken" title=sealed.clone()>{t!(i18n, cycle.seal_broken_short)}</strong> }.into_any(),
                };
                let submitted_at = r.submitted_at.as_deref().map(|t| format::timestamp(t, lang())).unwrap_or_else(|| "—".into());
                let by = r.submitted_by.clone().unwrap_or_else(|| "—".into());
                let weight = format!(
                    "{} / {} %",
                    format::decimal(r.score.assessed_weight, lang(), 2),
                    format::decimal(r.score.total_weight, lang(), 2)
                );
                let score = format::level(r.score.score, lang());
                let validated = r.validated.as_ref().map(|v| format::level(v.score, lang())).unwrap_or_else(|| "—".into());
                let late = r.late;
                let changed_count = changed.with(|c| c.as_ref().map(|c| c.get(&code).copied().unwrap_or_default()));
                let changed_text = match changed_count {
                    Some(n) if n > 0 => view! { <strong class="changed">{n}</strong> }.into_any(),
                    _ => view! { <span>"—"</span> }.into_any(),
                };
                let review_code = code.clone();
                let (row_code, link) = (code.clone(), area_href(&code));
                let broken = r.seal.is_broken();
                view! {
                    <tr data-area=row_code data-state=state_key(state) class:late=late class:broken=broken>
                        <th scope="row"><A href=link>{code}</A><span class="area-name">{name}</span></th>
                        <td data-label=t_string!(i18n, cycle.col_state)><StateBadge state=Signal::derive(move || state) /></td>
                        <td data-label=t_string!(i18n, cycle.col_manager)>{by}</td>
                        <td data-label=t_string!(i18n, cycle.col_submitted_at)>{submitted_at}</td>
                        <td data-label=t_string!(i18n, cycle.col_seal) class="seal">{seal}</td>
                        <td class="num" data-label=t_string!(i18n, cycle.col_weight)>{weight}</td>
                        <td class="num" data-label=t_string!(i18n, cycle.col_score)>{score}</td>
                        <td class="num validated" data-label=t_string!(i18n, cycle.col_validated)>{validated}</td>
                        <td class="changed-since" data-label=t_string!(i18n, cycle.col_changed)>{changed_text}</td>
                        <td class="deadline" data-label=t_string!(i18n, cycle.col_deadline)>
                            {if late { view! { <strong class="late-mark">{t!(i18n, cycle.late)}</strong> }.into_any() } else { view! { <span>{t!(i18n, cycle.on_time)}</span> }.into_any() }}
                        </td>
                        <td data-label=t_string!(i18n, cycle.col_actions)>
                            <button type="button" class="btn btn-small review-open" on:click=move |_| reviewing.set(Some(review_code.clone()))>
                                {t!(i18n, cycle.review_button)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="campaign-page">
            <h1>{move || t!(i18n, cycle.campaign_title, year = year())}</h1>
            <p class="lead">{t!(i18n, cycle.campaign_intro)}</p>
            {deadline}
            <p id="campaign-counts" role="status">
                {move || {
                    let c = counts.get();
                    t!(i18n, cycle.counts, submitted = c.submitted, areas = c.areas, validated = c.validated, late = c.late)
                }}
            </p>
            <p class="hint" id="campaign-changed-intro">
                {move || match previous.with(|p| p.as_ref().map(|(at, _)| at.clone())) {
                    Some(at) => {
                        let at = format::timestamp(&at, lang());
                        t!(i18n, cycle.changed_since_intro, at = at.clone()).into_any()
                    }
                    None => t!(i18n, cycle.no_import_yet).into_any(),
                }}
            </p>
            <Show when=move || counts.with(|c| c.broken > 0)>
                <p class="alert alert-danger" id="campaign-broken" role="alert">
                    {move || t!(i18n, cycle.broken_count, count = counts.with(|c| c.broken))}
                </p>
            </Show>
            <div class="table-scroll">
                <table class="scores campaign-table stack" id="campaign-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, cycle.col_area)}</th>
                            <th scope="col">{t!(i18n, cycle.col_state)}</th>
                            <th scope="col">{t!(i18n, cycle.col_manager)}</th>
                            <th scope="col">{t!(i18n, cycle.col_submitted_at)}</th>
                            <th scope="col">{t!(i18n, cycle.col_seal)}</th>
                            <th scope="col" class="num">{t!(i18n, cycle.col_weight)}</th>
                            <th scope="col" class="num">{t!(i18n, cycle.col_score)}</th>
                            <th scope="col" class="num">{t!(i18n, cycle.col_validated)}</th>
                            <th scope="col">{t!(i18n, cycle.col_changed)}</th>
                            <th scope="col">{t!(i18n, cycle.col_deadline)}</th>
                            <th scope="col">{t!(i18n, cycle.col_actions)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {move || reviewing.get().map(|code| view! {
                <ReviewPanel code=code on_close=Callback::new(move |_| reviewing.set(None)) />
            })}
        </div>
    }
}
