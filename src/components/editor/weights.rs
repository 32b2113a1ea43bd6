//! The weights of one objective: the areas it is assigned to, each with its
//! share in percent, and the buttons to add or remove an area.

use cruscotto_engine::Assignment;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::editor::context::edit_objective;
use crate::components::editor::field_issues::EditorFieldIssues;
use crate::components::editor::number_input::EditorNumberInput;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::editor::{area_sum_off, field_anchor};
use crate::view::format;

/// The weights table of objective `oi`.
#[component]
pub fn EditorWeights(
    /// Position in `plan.objectives`.
    oi: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let op = format!("plan.objectives[{oi}]");
    let count = Memo::new(move |_| {
        app.plan
            .with(|p| p.objectives.get(oi).map_or(0, |o| o.assignments.len()))
    });
    let free_areas = Memo::new(move |_| {
        app.plan.with(|p| {
            let Some(o) = p.objectives.get(oi) else {
                return Vec::new();
            };
            p.areas
                .iter()
                .filter(|a| !o.assignments.iter().any(|x| x.area == a.code))
                .map(|a| (a.code.clone(), a.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let choice = RwSignal::new(String::new());
    let add = move |_| {
        let free = free_areas.get_untracked();
        let wanted = choice.get_untracked();
        let code = free
            .iter()
            .map(|(c, _)| c.clone())
            .find(|c| *c == wanted)
            .or_else(|| free.first().map(|(c, _)| c.clone()));
        if let Some(area) = code {
            edit_objective(app, oi, |o| {
                o.assignments.push(Assignment {
                    area,
                    weight: Decimal::ZERO,
                })
            });
            choice.set(String::new());
        }
    };
    view! {
        <section class="weights" aria-labelledby="editor-weights-heading" id=field_anchor(&format!("{op}.assignments")) tabindex="-1">
            <h4 id="editor-weights-heading">{t!(i18n, editor.weights_heading)}</h4>
            <p class="hint">{t!(i18n, editor.weights_hint)}</p>
            <Show when=move || { count.get() > 0 } fallback=move || view! { <p>{t!(i18n, editor.no_weights)}</p> }>
                <table class="editor-table" id="editor-weights">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, common.area)}</th>
                            <th scope="col">{t!(i18n, editor.weight_percent)}</th>
                            <th scope="col"><span class="visually-hidden">{t!(i18n, editor.actions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || (0..count.get()).map(|ai| view! { <WeightRow oi=oi ai=ai /> }).collect_view()}
                    </tbody>
                </table>
            </Show>
            <div class="add-row">
                <label for="editor-add-weight-area" class="field-label">{t!(i18n, editor.add_weight_area)}</label>
                <select id="editor-add-weight-area" on:change=move |ev| choice.set(event_target_value(&ev))
                    disabled=move || free_areas.with(Vec::is_empty)>
                    {move || free_areas.get().into_iter().map(|(code, name)| {
                        let v = code.clone();
                        view! { <option value=code.clone() prop:selected=move || choice.get() == v>{format!("{code} – {name}")}</option> }
                    }).collect_view()}
                </select>
                " "
                <button type="button" class="btn" id="editor-add-weight" on:click=add
                    disabled=move || free_areas.with(Vec::is_empty)>{t!(i18n, editor.add_weight)}</button>
            </div>
        </section>
    }
}

/// One weighted area: its code, its weight, a remove button.
#[component]
fn WeightRow(
    /// Position in `plan.objectives`.
    oi: usize,
    /// Position in the objective's `assignments`.
    ai: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ap = format!("plan.objectives[{oi}].assignments[{ai}]");
    let area = Memo::new(move |_| {
        app.plan.with(|p| {
            p.objectives
                .get(oi)
                .and_then(|o| o.assignments.get(ai))
                .map(|a| a.area.clone())
                .unwrap_or_default()
        })
    });
    let area_name = move || {
        app.plan.with(|p| {
            p.area(&area.get())
                .map(|a| a.name.clone())
                .unwrap_or_default()
        })
    };
    let weight = Signal::derive(move || {
        app.plan.with(|p| {
            p.objectives
                .get(oi)
                .and_then(|o| o.assignments.get(ai))
                .map(|a| a.weight)
        })
    });
    let remove = move |_| {
        edit_objective(app, oi, |o| {
            if ai < o.assignments.len() {
                o.assignments.remove(ai);
            }
        });
    };
    view! {
        <tr data-area=move || area.get()>
            <th scope="row" id=field_anchor(&format!("{ap}.area")) tabindex="-1">
                <abbr title=area_name>{move || area.get()}</abbr>
                <EditorFieldIssues path=format!("{ap}.area") />
            </th>
            <td>
                <EditorNumberInput id=field_anchor(&format!("{ap}.weight")) path=format!("{ap}.weight")
                    label=Signal::derive(move || format!("{} {}", t_string!(i18n, editor.weight_of), area.get()))value=weight compact=true
                    warning=Signal::derive(move || {
                        let code = area.get();
                        let lang = app.lang.get();
                        app.plan.with(|p| area_sum_off(p, &code)).map(|sum| {
                            td_string!(lang.locale(), editor.weight_sum_off_here, area = &code, sum = format::decimal(sum, lang, 4)).to_string()
                        })
                    })
                    on_change=Callback::new(move |v: Option<rust_decimal::Decimal>| {
                        if let Some(w) = v {
                            edit_objective(app, oi, |o| if let Some(a) = o.assignments.get_mut(ai) { a.weight = w; });
                        }
                    }) />
            </td>
            <td>
                <button type="button" class="btn btn-small" on:click=remove>
                    {t!(i18n, editor.remove)}<span class="visually-hidden">" "{move || area.get()}</span>
                </button>
            </td>
        </tr>
    }
}
