//! One revision of the registry: its number, the day it takes effect, the
//! act and the reason, who recorded it and when, each objective it changed
//! in words, and the scores of the areas it touches before and after it.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::revisions::{effect_text, RevisionRow};

/// A revision, as a titled article.
#[component]
pub fn RevisionCard(
    /// The revision, already worded (`view::revisions::registry`).
    row: RevisionRow,
    /// Under a section of its own (the report's): its title is an `h3`,
    /// not an `h2`, so the page's outline stays in order.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lang = app.lang.get_untracked();
    let heading_id = format!("revision-{}-heading", row.id);
    let labelled_by = heading_id.clone();
    let number = row.number;
    let recorded = [
        row.recorded_at
            .as_deref()
            .map(|t| format::timestamp(t, lang)),
        row.recorded_by.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let effects: Vec<String> = row.effects.iter().map(|e| effect_text(e, lang)).collect();
    view! {
        <article class="revision-card" id=format!("revision-{}", row.id) aria-labelledby=labelled_by>
            {
                let title = view! {
                    {t!(i18n, revisions.revision_caption, number = move || number)}
                    " · "{format::date(row.effective, lang)}
                };
                if nested {
                    view! { <h3 id=heading_id>{title}</h3> }.into_any()
                } else {
                    view! { <h2 id=heading_id>{title}</h2> }.into_any()
                }
            }
            <dl class="facts">
                <dt>{t!(i18n, revisions.col_act)}</dt><dd class="revision-act">{row.act.clone()}</dd>
                <dt>{t!(i18n, revisions.col_reason)}</dt><dd class="revision-reason">{row.reason.clone()}</dd>
                <dt>{t!(i18n, revisions.col_recorded)}</dt><dd>{recorded}</dd>
            </dl>
            <div class="table-scroll">
                <table class="revision-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, revisions.col_objective)}</th>
                            <th scope="col">{t!(i18n, revisions.col_change)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {row.changes.iter().map(|c| view! {
                            <tr data-objective=c.objective.clone()>
                                <th scope="row"><span class="code">{c.objective.clone()}</span><br />{c.title.clone()}</th>
                                <td><ul class="plain">{c.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="revision-effects">
                <strong>{t!(i18n, revisions.col_areas)}": "</strong>
                {effects.join("; ")}
            </p>
        </article>
    }
}
