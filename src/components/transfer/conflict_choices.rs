//! The conflicts of a consolidation: for each indicator on which the sources
//! disagree, its objective and areas, and every value with the file it comes
//! from, when and by whom it was recorded. The newest value is selected; the
//! user may pick another one before confirming.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::consolidation::{entry_value, ConflictView, Ready, Source};
use crate::view::format;

#[component]
pub fn ConflictChoices(
    /// The conflicts, in indicator id order.
    conflicts: Vec<ConflictView>,
    /// The names of the merge's sources (index 0 is the local data).
    sources: Vec<Source>,
    /// The user's picks: indicator id → source index; absent means the newest.
    choices: RwSignal<BTreeMap<String, usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let count = conflicts.len();
    let list = move || {
        let lang = app.lang.get();
        let source_name = |i: &usize| match sources.get(*i) {
            Some(Source::File(name)) => name.clone(),
            _ => t_string!(i18n, transfer.consolidate_current_data).to_string(),
        };
        conflicts
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let group = format!("conflict-{n}");
                let options = c
                    .options
                    .iter()
                    .enumerate()
                    .map(|(k, o)| {
                        let id = format!("{group}-{k}");
                        let files = o.sources.iter().map(&source_name).collect::<Vec<_>>().join(", ");
                        let when = o
                            .entry
                            .updated_at
                            .as_deref()
                            .map(|ts| format::timestamp(ts, lang))
                            .unwrap_or_else(|| t_string!(i18n, transfer.consolidate_no_date).to_string());
                        let who = o
                            .entry
                            .updated_by
                            .clone()
                            .unwrap_or_else(|| t_string!(i18n, transfer.consolidate_no_author).to_string());
                        let conflict = c.clone();
                        let indicator = c.choice_id.clone();
                        let source = o.sources.first().copied().unwrap_or(0);
                        let pick = move |_| {
                            choices.update(|ch| {
                                if k == 0 {
                                    ch.remove(&indicator);
                                } else {
                                    ch.insert(indicator.clone(), source);
                                }
                            })
                        };
                        view! {
                            <li class="conflict-option" data-option=k>
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name=group.clone()
                                    prop:checked=move || choices.with(|ch| Ready::selected(&conflict, ch) == k)
                                    on:change=pick
                                />
                                <label for=id>
                                    <strong class="conflict-value">{entry_value(&o.entry, lang)}</strong>
                                    " · "<span class="conflict-source">{files}</span>
                                    " · "<span class="conflict-when">{when}</span>
                                    " · "<span class="conflict-who">{who}</span>
                                    {(k == 0).then(|| view! { " " <em>{t!(i18n, transfer.consolidate_newest)}</em> })}
                                </label>
                            </li>
                        }
                    })
                    .collect_view();
                let areas = c.areas.join(", ");
                view! {
                    <fieldset class="conflict" data-indicator=c.indicator_id.clone() data-area=c.area.clone()>
                        // People read the objective's title; the technical id
                        // comes last, for whoever compares with the file.
                        <legend>
                            <span class="conflict-objective">{c.objective_title.clone()}</span>
                            {c.indicator_label.clone().map(|label| view! { " · "{t!(i18n, objective.indicator_label, label = label)} })}
                            " ("{t!(i18n, common.area)}": "{areas}")"
                            " "<code class="tech-id">{c.choice_id.clone()}</code>
                        </legend>
                        <ul class="conflict-options">{options}</ul>
                    </fieldset>
                }
            })
            .collect_view()
    };
    view! {
        <section id="consolidate-conflicts" aria-labelledby="consolidate-conflicts-heading">
            <h4 id="consolidate-conflicts-heading">{t!(i18n, transfer.consolidate_conflicts_heading)}" ("{count}")"</h4>
            {if count == 0 {
                view! { <p class="muted">{t!(i18n, transfer.consolidate_no_conflicts)}</p> }.into_any()
            } else {
                view! { <p>{t!(i18n, transfer.consolidate_conflicts_intro)}</p> {list} }.into_any()
            }}
        </section>
    }
}
