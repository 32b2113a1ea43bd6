//! The differences between the local data and another snapshot: same or other
//! plan, objectives added/removed/changed, progress added/changed/removed, and
//! every area's score before and after. Shown before an import, before a
//! consolidation and on the comparison page; the wording follows the mode,
//! because a comparison never replaces anything.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::snapshot_diff::{AreaRow, DiffPreview};

/// Whether the other snapshot would replace the local data or is only looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffMode {
    Import,
    Compare,
}

/// A list of ids under a label, or "none".
fn id_list(label: String, ids: Vec<String>, none: String, class: &'static str) -> impl IntoView {
    let count = ids.len();
    view! {
        <div class=format!("diff-list {class}")>
            <dt>{label}" ("{count}")"</dt>
            <dd>
                {if ids.is_empty() {
                    view! { <span class="muted">{none}</span> }.into_any()
                } else {
                    view! {
                        <ul class="id-list">
                            {ids.into_iter().map(|id| view! { <li><code>{id}</code></li> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </dd>
        </div>
    }
}

fn area_row(a: AreaRow, lang: Lang, not_in_plan: String) -> impl IntoView {
    let cell = move |present: bool, score| {
        if present {
            format::level(score, lang)
        } else {
            not_in_plan.clone()
        }
    };
    let before = cell(a.in_current, a.before);
    let after = cell(a.in_imported, a.after);
    let changed = a.changed();
    view! {
        <tr data-area=a.code.clone() class:changed=changed>
            <th scope="row"><abbr title=a.name.clone()>{a.code.clone()}</abbr>" "<span class="area-name">{a.name}</span></th>
            <td class="num before">{before}</td>
            <td class="num after">{after}</td>
        </tr>
    }
}

#[component]
pub fn DiffView(
    /// The differences, computed by `snapshot_diff::diff`.
    diff: DiffPreview,
    /// Import (the snapshot would replace the local data) or comparison.
    mode: DiffMode,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let compare = mode == DiffMode::Compare;
    move || {
        let lang = app.lang.get();
        let none = t_string!(i18n, transfer.none).to_string();
        let id = diff.current_plan_id.clone();
        let plan_line = match (diff.same_plan_id(), compare) {
            (true, _) => view! { <p>{t!(i18n, transfer.same_plan, id = id)}</p> }.into_any(),
            (false, false) => view! { <p class="alert alert-warning">{t!(i18n, transfer.different_plan, id = id)}</p> }.into_any(),
            (false, true) => view! { <p class="alert alert-warning">{t!(i18n, compare.different_plan, id = id)}</p> }.into_any(),
        };
        let identical = diff.is_identical().then(|| {
            if compare {
                view! { <p><strong>{t!(i18n, compare.identical)}</strong></p> }.into_any()
            } else {
                view! { <p><strong>{t!(i18n, transfer.identical)}</strong></p> }.into_any()
            }
        });
        let removed_label = if compare {
            t_string!(i18n, compare.progress_removed).to_string()
        } else {
            t_string!(i18n, transfer.progress_removed).to_string()
        };
        let after_label = if compare {
            t_string!(i18n, compare.after).to_string()
        } else {
            t_string!(i18n, transfer.after).to_string()
        };
        let not_in_plan = t_string!(i18n, transfer.not_in_plan).to_string();
        let other_fields = diff.other_plan_fields();
        // Areas whose review status differs (submitted, returned, validated).
        let statuses = (!diff.diff.statuses.is_empty()).then(|| {
            let state = |s: &Option<cruscotto_engine::AreaStatus>| {
                crate::view::messages::review_state(
                    s.as_ref().map_or(cruscotto_engine::ReviewState::Draft, |s| s.state),
                    lang,
                )
            };
            let items = diff
                .diff
                .statuses
                .iter()
                .map(|c| {
                    let (before, after) = (state(&c.before), state(&c.after));
                    let area = c.area.clone();
                    if before == after {
                        view! { <li data-area=area.clone()>{t!(i18n, transfer.status_change_same, area = area.clone(), state = after.clone())}</li> }.into_any()
                    } else {
                        view! { <li data-area=area.clone()>{t!(i18n, transfer.status_change, area = area.clone(), before = before.clone(), after = after.clone())}</li> }.into_any()
                    }
                })
                .collect_view();
            view! {
                <p class="statuses-heading">{t!(i18n, transfer.statuses_changed)}</p>
                <ul id="statuses-changed">{items}</ul>
            }
        });
        view! {
            <h4>{t!(i18n, transfer.diff_heading)}</h4>
            {plan_line}
            {identical}
            {diff.scoring_changed().then(|| view! { <p>{t!(i18n, transfer.scoring_changed)}</p> })}
            {(!other_fields.is_empty()).then(|| view! { <p id="plan-fields-changed">{t!(i18n, transfer.plan_fields_changed, fields = other_fields.join(", "))}</p> })}
            <dl class="diff-lists">
                {id_list(t_string!(i18n, transfer.objectives_added).to_string(), diff.diff.plan.objectives_added.clone(), none.clone(), "objectives-added")}
                {id_list(t_string!(i18n, transfer.objectives_removed).to_string(), diff.diff.plan.objectives_removed.clone(), none.clone(), "objectives-removed")}
                {id_list(t_string!(i18n, transfer.objectives_changed).to_string(), diff.objectives_changed(), none.clone(), "objectives-changed")}
                {id_list(t_string!(i18n, transfer.progress_added).to_string(), diff.progress_added(), none.clone(), "progress-added")}
                {id_list(t_string!(i18n, transfer.progress_changed).to_string(), diff.progress_changed(), none.clone(), "progress-changed")}
                {id_list(removed_label, diff.progress_removed(), none.clone(), "progress-removed")}
            </dl>
            {statuses}
            <table class="scores" id="preview-areas">
                <caption>{t!(i18n, transfer.scores_heading)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, common.area)}</th>
                        <th scope="col" class="num">{t!(i18n, transfer.before)}</th>
                        <th scope="col" class="num">{after_label}</th>
                    </tr>
                </thead>
                <tbody>
                    {diff.areas.iter().cloned().map(|a| area_row(a, lang, not_in_plan.clone())).collect_view()}
                </tbody>
            </table>
        }
    }
}
