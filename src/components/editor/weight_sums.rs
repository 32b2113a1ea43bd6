//! The live check of the weights: each area's objectives must add up to 100%.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::editor::{field_anchor, weight_sums};
use crate::view::format;

/// A table of every area's weight sum, with OK or a warning, and one sentence
/// (a live region) that announces which areas are off as the user types.
#[component]
pub fn EditorWeightSums() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let sums = Memo::new(move |_| app.plan.with(weight_sums));
    let summary = move || {
        let off: Vec<String> = sums.with(|s| {
            s.iter()
                .filter(|a| !a.is_ok())
                .map(|a| a.code.clone())
                .collect()
        });
        if off.is_empty() {
            t!(i18n, editor.sums_all_ok).into_any()
        } else {
            let list = off.join(", ");
            t!(i18n, editor.sums_off, areas = move || list.clone()).into_any()
        }
    };
    let rows = move || {
        let lang = app.lang.get();
        sums.get()
            .into_iter()
            .map(|a| {
                let ok = a.is_ok();
                let status = if ok {
                    t_string!(i18n, editor.sum_ok).to_string()
                } else if a.objectives == 0 {
                    t_string!(i18n, editor.sum_no_objectives).to_string()
                } else {
                    t_string!(i18n, editor.sum_not_100).to_string()
                };
                view! {
                    <tr id=field_anchor(&format!("plan.areas[{}]", a.index)) tabindex="-1"
                        data-area=a.code.clone() class:sum-off=!ok>
                        <th scope="row"><abbr title=a.name.clone()>{a.code.clone()}</abbr>" "<span class="area-name">{a.name.clone()}</span></th>
                        <td class="num" data-label=t_string!(i18n, editor.area_objectives)>{a.objectives}</td>
                        <td class="num sum" data-label=t_string!(i18n, editor.sum)>{format!("{} %", format::decimal(a.sum, lang, 4))}</td>
                        <td class="status" data-label=t_string!(i18n, editor.sum_status)>
                            <span class=if ok { "sum-status ok" } else { "sum-status warn" }>
                                <span aria-hidden="true">{if ok { "✓ " } else { "⚠ " }}</span>{status}
                            </span>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="editor-section" aria-labelledby="editor-sums-heading">
            <h2 id="editor-sums-heading">{t!(i18n, editor.sums_heading)}</h2>
            <p class="sums-summary" id="editor-sums-summary" aria-live="polite">{summary}</p>
            <table class="editor-table stack" id="editor-weight-sums">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, common.area)}</th>
                        <th scope="col" class="num">{t!(i18n, editor.area_objectives)}</th>
                        <th scope="col" class="num">{t!(i18n, editor.sum)}</th>
                        <th scope="col">{t!(i18n, editor.sum_status)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
