//! The office reviews one area: per objective the self-assessed level, the
//! validated level (the same unless changed, and then why), a remark for the
//! manager; then validate, return with the remarks, or back to draft.

use cruscotto_engine::ReviewState;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::cycle::{
    adjusted_without_reason, return_comments, review_rows, validation_reviews, ReviewRow,
};
use crate::view::format;
use crate::view::ids::dom_id;
use crate::view::messages::cycle_error;

/// What the last action gave.
#[derive(Clone)]
enum Done {
    Validated,
    Returned,
    Reopened,
    Failed(String),
}

/// The review form of one area, for the planning office.
#[component]
pub fn ReviewPanel(
    /// The area's code.
    code: String,
    /// Called to close the panel.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let code = StoredValue::new(code);
    // The form starts from the current results and what the office said
    // before; it is edited in place and given to the engine on a button.
    let rows = RwSignal::new(app.scorecard.with_untracked(|card| {
        app.plan.with_untracked(|p| {
            app.area_status.with_untracked(|st| {
                review_rows(p, card, &code.get_value(), st.get(&code.get_value()))
            })
        })
    }));
    let comment = RwSignal::new(
        app.area_status
            .with_untracked(|st| st.get(&code.get_value()).and_then(|s| s.comment.clone()))
            .unwrap_or_default(),
    );
    let missing_reason = RwSignal::new(Vec::<String>::new());
    let done = RwSignal::new(None::<Done>);
    let state = Memo::new(move |_| {
        app.area_status.with(|s| {
            s.get(&code.get_value())
                .map_or(ReviewState::Draft, |s| s.state)
        })
    });
    let lang = move || app.lang.get();
    let overall = move || {
        let c = comment.get_untracked();
        (!c.trim().is_empty()).then(|| c.trim().to_string())
    };

    let validate = move |_| {
        let current = rows.get_untracked();
        let missing = adjusted_without_reason(&current);
        if !missing.is_empty() {
            missing_reason.set(missing);
            return;
        }
        missing_reason.set(Vec::new());
        done.set(Some(
            match app.validate_area(&code.get_value(), overall(), validation_reviews(&current)) {
                Ok(()) => Done::Validated,
                Err(e) => Done::Failed(cycle_error(&e, lang())),
            },
        ));
    };
    let give_back = move |_| {
        let comments = return_comments(&rows.get_untracked());
        done.set(Some(
            match app.return_area(&code.get_value(), overall(), comments) {
                Ok(()) => Done::Returned,
                Err(e) => Done::Failed(cycle_error(&e, lang())),
            },
        ));
    };
    let reopen = move |_| {
        done.set(Some(match app.reopen_area(&code.get_value()) {
            Ok(()) => Done::Reopened,
            Err(e) => Done::Failed(cycle_error(&e, lang())),
        }));
    };

    let level_options = move |row: &ReviewRow| {
        let own = row.own;
        let mut values: Vec<Decimal> = (0..=4).map(Decimal::from).collect();
        if let Some(o) = own.filter(|o| !values.contains(o)) {
            values.insert(0, o);
        }
        values
            .into_iter()
            .map(|v| {
                let text = match v.to_string().as_str() {
                    "0" => t_string!(i18n, cycle.level_0).to_string(),
                    "1" => t_string!(i18n, cycle.level_1).to_string(),
                    "2" => t_string!(i18n, cycle.level_2).to_string(),
                    "3" => t_string!(i18n, cycle.level_3).to_string(),
                    "4" => t_string!(i18n, cycle.level_4).to_string(),
                    _ => format::level(Some(v), lang()),
                };
                let text = if Some(v) == own {
                    t_string!(i18n, cycle.level_own, level = text).to_string()
                } else {
                    text
                };
                (v.to_string(), text)
            })
            .collect::<Vec<_>>()
    };

    let body = move || {
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let select_id = dom_id("review-level-", &r.objective);
                let reason_id = dom_id("review-reason-", &r.objective);
                let comment_id = dom_id("review-comment-", &r.objective);
                let selected = r.validated.map(|v| v.to_string()).unwrap_or_default();
                let options = level_options(&r)
                    .into_iter()
                    .map(|(value, text)| {
                        let is = value == selected;
                        view! { <option value=value selected=is>{text}</option> }
                    })
                    .collect_view();
                let assessed = r.own.is_some();
                let adjusted = r.adjusted();
                let needs_reason = missing_reason.with(|m| m.contains(&r.objective));
                view! {
                    <tr data-objective=r.objective.clone() class:adjusted=adjusted>
                        <th scope="row">{r.title.clone()}</th>
                        <td class="num" data-label=t_string!(i18n, cycle.review_col_weight)>{format::decimal(r.weight, lang(), 2)}</td>
                        <td class="num" data-label=t_string!(i18n, cycle.review_col_own)>
                            {if assessed { format::level(r.own, lang()) } else { t_string!(i18n, cycle.not_assessed).to_string() }}
                        </td>
                        <td data-label=t_string!(i18n, cycle.review_col_validated)>
                            {assessed.then(|| view! {
                                <label class="visually-hidden" for=select_id.clone()>{t!(i18n, cycle.review_col_validated)}</label>
                                <select id=select_id on:change=move |ev| {
                                    let v = event_target_value(&ev).parse::<Decimal>().ok();
                                    rows.update(|rs| rs[i].validated = v);
                                }>{options}</select>
                            })}
                        </td>
                        <td data-label=t_string!(i18n, cycle.review_col_reason)>
                            {adjusted.then(|| view! {
                                <label class="visually-hidden" for=reason_id.clone()>{t!(i18n, cycle.review_col_reason)}</label>
                                <input id=reason_id type="text" prop:value=r.reason.clone()
                                    aria-invalid=needs_reason.then_some("true")
                                    on:change=move |ev| rows.update(|rs| rs[i].reason = event_target_value(&ev)) />
                            })}
                        </td>
                        <td data-label=t_string!(i18n, cycle.review_col_comment)>
                            <label class="visually-hidden" for=comment_id.clone()>{t!(i18n, cycle.review_col_comment)}</label>
                            <input id=comment_id type="text" prop:value=r.comment.clone()
                                on:change=move |ev| rows.update(|rs| rs[i].comment = event_target_value(&ev)) />
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let title = move || t!(i18n, cycle.review_panel_heading, area = code.get_value());
    view! {
        <section class="review-panel" id="review-panel" data-area=code.get_value() aria-labelledby="review-panel-heading">
            <h2 id="review-panel-heading">{title}</h2>
            <p>{t!(i18n, cycle.review_intro)}</p>
            <div class="table-scroll">
                <table class="scores review-table stack">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, cycle.review_col_objective)}</th>
                            <th scope="col" class="num">{t!(i18n, cycle.review_col_weight)}</th>
                            <th scope="col" class="num">{t!(i18n, cycle.review_col_own)}</th>
                            <th scope="col">{t!(i18n, cycle.review_col_validated)}</th>
                            <th scope="col">{t!(i18n, cycle.review_col_reason)}</th>
                            <th scope="col">{t!(i18n, cycle.review_col_comment)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <div class="field">
                <label for="review-comment">{t!(i18n, cycle.review_comment)}</label>
                <textarea id="review-comment" rows="2" prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            </div>
            <Show when=move || missing_reason.with(|m| !m.is_empty())>
                <p class="alert alert-warning" role="alert" id="review-reason-needed">
                    {move || {
                        let names = missing_reason.get().iter().map(|id| {
                            rows.with_untracked(|rs| rs.iter().find(|r| &r.objective == id).map_or(id.clone(), |r| r.title.clone()))
                        }).collect::<Vec<_>>().join(", ");
                        t!(i18n, cycle.reason_needed, objectives = names.clone())
                    }}
                </p>
            </Show>
            <p class="actions">
                <Show when=move || state.get() == ReviewState::Submitted>
                    <button type="button" class="btn btn-primary" id="review-validate" on:click=validate>{t!(i18n, cycle.validate_button)}</button>" "
                </Show>
                <Show when=move || matches!(state.get(), ReviewState::Submitted | ReviewState::Validated)>
                    <button type="button" class="btn" id="review-return" on:click=give_back>{t!(i18n, cycle.return_button)}</button>" "
                </Show>
                <Show when=move || state.get() != ReviewState::Draft>
                    <button type="button" class="btn" id="review-reopen" on:click=reopen>{t!(i18n, cycle.reopen_button)}</button>" "
                </Show>
                <button type="button" class="btn" id="review-close" on:click=move |_| on_close.run(())>{t!(i18n, cycle.close_button)}</button>
            </p>
            <p aria-live="polite" id="review-status">
                {move || done.get().map(|d| {
                    let area = code.get_value();
                    match d {
                        Done::Validated => view! { <span class="text-success">{t!(i18n, cycle.review_done_validated, area = area.clone())}" "{t!(i18n, cycle.export_after_review)}</span> }.into_any(),
                        Done::Returned => view! { <span class="text-success">{t!(i18n, cycle.review_done_returned, area = area.clone())}" "{t!(i18n, cycle.export_after_review)}</span> }.into_any(),
                        Done::Reopened => view! { <span class="text-success">{t!(i18n, cycle.review_done_reopened, area = area.clone())}</span> }.into_any(),
                        Done::Failed(reason) => view! { <span class="text-danger">{reason}</span> }.into_any(),
                    }
                })}
            </p>
        </section>
    }
}
