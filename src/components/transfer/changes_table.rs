//! The results two snapshots record differently: each with the entry before
//! and after, and when and by whom each was recorded. Update times alone are
//! never a row (the engine's diff compares what was recorded).

use cruscotto_engine::ProgressEntry;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::messages::entry_summary;
use crate::view::snapshot_diff::ChangeRow;

/// The table of changed results.
#[component]
pub fn ChangesTable(
    /// The rows, from `view::snapshot_diff::change_rows`.
    rows: Vec<ChangeRow>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let count = rows.len();
    let side = move |e: Option<ProgressEntry>| {
        let lang = app.lang.get();
        match e {
            None => view! { <span class="muted">{t!(i18n, compare.no_entry)}</span> }.into_any(),
            Some(e) => {
                let stamp = e.updated_at.as_deref().map(|at| {
                    let at = format::timestamp(at, lang);
                    let by = e.updated_by.clone().unwrap_or_else(|| "—".into());
                    view! { <span class="stamp">{t!(i18n, compare.stamp, at = at.clone(), by = by.clone())}</span> }
                });
                let evidence = (!e.evidence.is_empty()).then(|| {
                    let n = e.evidence.len();
                    view! { <span class="evidence-count">{t!(i18n, compare.evidence_count, count = n)}</span> }
                });
                view! {
                    <span class="entry">{entry_summary(&e, lang)}</span>
                    {evidence}
                    {stamp}
                }
                .into_any()
            }
        }
    };
    let body = rows
        .into_iter()
        .map(|r| {
            let area = r.key.area.clone().map(|a| view! { " · "<span class="area-code">{a}</span> });
            let (before, after) = (r.before.clone(), r.after.clone());
            view! {
                <tr data-indicator=r.key.indicator.clone() data-area=r.key.area.clone()>
                    <th scope="row">{r.title.clone()}{area}</th>
                    <td class="before" data-label=t_string!(i18n, compare.col_before)>{move || side(before.clone())}</td>
                    <td class="after" data-label=t_string!(i18n, compare.col_after)>{move || side(after.clone())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h4 id="changes-heading">{t!(i18n, compare.changes_heading, count = count)}</h4>
        {if count == 0 {
            view! { <p id="changes-none">{t!(i18n, compare.changes_none)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="scores changes-table stack" id="changes-table" aria-labelledby="changes-heading">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, compare.col_result)}</th>
                                <th scope="col">{t!(i18n, compare.col_before)}</th>
                                <th scope="col">{t!(i18n, compare.col_after)}</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
}
