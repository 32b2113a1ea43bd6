//! The Relazione's table of one area: objective by objective, target,
//! result, level reached, the gap to target in the indicator's unit and in
//! levels, and the first sentence of the manager's note. The rows come from
//! [`crate::report::relazione`]; this only lays them out.

use leptos::prelude::*;

use crate::components::scores::level_badge::LevelBadge;
use crate::i18n::*;
use crate::report::relazione::{gap_text, level_gap_text, Row};
use crate::report::{bound_text, reached_text};
use crate::view::format;
use crate::view::ids::dom_id;

/// One area's results and gaps, one row per objective (and per indicator of
/// an objective with several, under its own row).
#[component]
pub fn RelazioneTable(
    /// The area's code, for the table's id (`relazione-<code>`).
    code: String,
    /// The area's rows, from `report::relazione`.
    rows: Vec<Row>,
    /// The interface's language.
    lang: Lang,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = lang.locale();
    let body = rows
        .into_iter()
        .map(|r| {
            let unit = r.unit.as_ref();
            let target = bound_text(&r.target, unit, lang);
            let reached = reached_text(&r.reached, unit, lang);
            let gap = gap_text(&r.gap, unit, lang);
            let level_gap = level_gap_text(r.level_gap, lang);
            let level = r.level;
            let heading = if r.part {
                r.indicator.clone()
            } else {
                let weight = r
                    .weight
                    .map(|w| format!(" ({} %)", format::decimal(w, lang, 2)))
                    .unwrap_or_default();
                format!("{}{weight}", r.title)
            };
            // An objective with one indicator is the indicator: its name
            // (often the id) would add nothing. One with several names them.
            let indicator = r.several.then(|| r.indicator.clone());
            view! {
                <tr class:relazione-part=r.part data-objective=r.objective.clone()>
                    <th scope="row">
                        {heading}
                        {indicator.map(|i| view! { <span class="relazione-indicator">{i}</span> })}
                    </th>
                    <td class="relazione-target" data-label=td_string!(l, common.target)>{target}</td>
                    <td class="relazione-reached" data-label=td_string!(l, report.reached)>{reached}</td>
                    <td data-label=td_string!(l, common.level)><LevelBadge level=Signal::derive(move || level) /></td>
                    <td class="num relazione-gap" data-label=td_string!(l, report.col_gap)>{gap}</td>
                    <td class="num relazione-level-gap" data-label=td_string!(l, report.col_level_gap)>{level_gap}</td>
                    <td class="relazione-note" data-label=td_string!(l, report.col_note_sentence)>{r.note.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="report-table relazione-table stack" id=dom_id("relazione-", &code)>
                <caption>{t!(i18n, report.relazione_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, report.col_objective)}</th>
                        <th scope="col">{t!(i18n, common.target)}</th>
                        <th scope="col">{t!(i18n, report.reached)}</th>
                        <th scope="col">{t!(i18n, common.level)}</th>
                        <th scope="col" class="num">{t!(i18n, report.col_gap)}</th>
                        <th scope="col" class="num">{t!(i18n, report.col_level_gap)}</th>
                        <th scope="col">{t!(i18n, report.col_note_sentence)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
