//! An area's place in the yearly cycle, on its screen: the state, who
//! submitted and when, whether the results still match the seal, the
//! validated score beside the self-assessed one, the office's remarks, and
//! for the area's manager the way to submit.

use cruscotto_engine::cycle::{check_seal, validated_area_score, SealCheck};
use cruscotto_engine::ReviewState;
use leptos::prelude::*;

use crate::components::cycle::state_badge::StateBadge;
use crate::components::cycle::submit_panel::SubmitPanel;
use crate::components::links::campaign_href;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::cycle::review_rows;
use crate::view::evidence::short_digest;
use crate::view::format;
use leptos_router::components::A;

/// The cycle section of the area screen.
#[component]
pub fn AreaReview(
    /// The area's code.
    code: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let code = StoredValue::new(code);
    let status = Memo::new(move |_| app.area_status.with(|s| s.get(&code.get_value()).cloned()));
    let state =
        Signal::derive(move || status.with(|s| s.as_ref().map_or(ReviewState::Draft, |s| s.state)));
    // Recomputed when a result changes: the manager sees at once that the
    // sent file no longer matches.
    let seal = Memo::new(move |_| {
        if status.with(|s| s.as_ref().is_none_or(|s| s.seal.is_none())) {
            return SealCheck::None;
        }
        check_seal(&app.tracked_snapshot(), &code.get_value())
    });
    let validated = Memo::new(move |_| {
        if state.get() != ReviewState::Validated {
            return None;
        }
        validated_area_score(&app.tracked_snapshot(), &code.get_value())
    });
    let own_score = Memo::new(move |_| {
        app.scorecard
            .with(|c| c.area(&code.get_value()).and_then(|a| a.score))
    });
    let lang = move || app.lang.get();
    let is_manager = move || {
        !app.office.get()
            && app
                .area
                .with(|a| a.as_deref() == Some(code.get_value().as_str()))
    };

    let submitted = move || {
        status.get().and_then(|s| {
            let at = format::timestamp(s.submitted_at.as_deref()?, lang());
            Some(match s.submitted_by {
                Some(by) => {
                    t!(i18n, cycle.submitted_on, at = at.clone(), by = by.clone()).into_any()
                }
                None => t!(i18n, cycle.submitted_on_anonymous, at = at.clone()).into_any(),
            })
        })
    };
    let seal_line = move || {
        match seal.get() {
        SealCheck::None => None,
        SealCheck::Valid { seal } => Some(
            view! {
                <p class="seal-line" id="area-seal">
                    {t!(i18n, cycle.seal_label)}" "<code title=seal.clone()>{short_digest(&seal).to_string()}"…"</code>": "
                    {t!(i18n, cycle.seal_valid)}
                </p>
            }
            .into_any(),
        ),
        SealCheck::Broken { .. } => {
            let at = status
                .with(|s| s.as_ref().and_then(|s| s.submitted_at.clone()))
                .map(|t| format::timestamp(&t, lang()))
                .unwrap_or_default();
            Some(
                view! {
                    <p class="alert alert-warning" id="area-seal-broken" role="status">
                        {t!(i18n, cycle.seal_broken, at = at.clone())}
                    </p>
                }
                .into_any(),
            )
        }
    }
    };
    let scores = move || {
        validated.get().map(|v| {
            view! {
                <div class="summary-grid validated-scores">
                    <div class="summary-item">
                        <span class="summary-label">{t!(i18n, cycle.self_score)}</span>
                        <span class="summary-value" id="area-self-score">{format::level(own_score.get(), lang())}</span>
                    </div>
                    <div class="summary-item">
                        <span class="summary-label">{t!(i18n, cycle.validated_score)}</span>
                        <span class="summary-value" id="area-validated-score">{format::level(v.score, lang())}</span>
                    </div>
                </div>
            }
        })
    };
    // The office's word: its comment and, per objective, a changed level or
    // a remark.
    let remarks = move || {
        let s = status.get()?;
        if !matches!(s.state, ReviewState::Returned | ReviewState::Validated) {
            return None;
        }
        let rows = app.scorecard.with(|card| {
            app.plan
                .with(|p| review_rows(p, card, &code.get_value(), Some(&s)))
        });
        let items = rows
            .into_iter()
            .filter(|r| r.adjusted() || !r.comment.is_empty())
            .map(|r| {
                let adjusted = r.adjusted().then(|| {
                    let (own, validated) = (format::level(r.own, lang()), format::level(r.validated, lang()));
                    view! {
                        <span>{t!(i18n, cycle.adjusted_level, title = r.title.clone(), own = own.clone(), validated = validated.clone())}</span>
                        {(!r.reason.is_empty()).then(|| view! { " — "<em>{r.reason.clone()}</em> })}
                    }
                });
                let title = (!r.adjusted()).then(|| view! { <strong>{r.title.clone()}</strong>": " });
                let comment = (!r.comment.is_empty()).then(|| view! { <span class="remark">{r.comment.clone()}</span> });
                view! { <li data-objective=r.objective.clone()>{adjusted}{title}{comment}</li> }
            })
            .collect::<Vec<_>>();
        Some(view! {
            <div class="office-remarks" id="office-remarks">
                {s.comment.clone().map(|c| view! { <p><strong>{t!(i18n, cycle.office_comment)}": "</strong>{c}</p> })}
                {(!items.is_empty()).then(|| view! { <p class="remarks-heading">{t!(i18n, cycle.objective_comments)}</p><ul>{items}</ul> })}
            </div>
        })
    };
    view! {
        <section class="area-review" id="area-review" aria-labelledby="area-review-heading">
            <h2 id="area-review-heading">{t!(i18n, cycle.review_heading)}</h2>
            <p class="review-state">
                <StateBadge state=state />" "{submitted}
            </p>
            {seal_line}
            {scores}
            {remarks}
            <Show
                when=is_manager
                fallback=move || view! {
                    <Show when=move || app.office.get() || app.area.with(Option::is_none)>
                        <p><A href=campaign_href()>{t!(i18n, cycle.campaign_link)}</A></p>
                    </Show>
                }
            >
                <SubmitPanel code=code.get_value() state=state seal_broken=Signal::derive(move || seal.with(SealCheck::is_broken)) />
            </Show>
        </section>
    }
}
