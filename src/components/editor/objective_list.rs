//! The objectives of the plan as a filterable list (pillar, area, words), from
//! which one is opened in the form: a 58-objective plan stays one screen.

use cruscotto_engine::Assignment;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::editor::context::use_editor;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::editor::{filter_objectives, new_objective};

/// The filters, the list and the "new objective" button.
#[component]
pub fn EditorObjectiveList() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ed = use_editor();
    let pillar = RwSignal::new(String::new());
    let area = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let pillars = Memo::new(move |_| {
        app.plan.with(|p| {
            p.pillars
                .iter()
                .map(|x| (x.id.clone(), x.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let areas = Memo::new(move |_| {
        app.plan.with(|p| {
            p.areas
                .iter()
                .map(|x| (x.code.clone(), x.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| {
        app.plan
            .with(|p| filter_objectives(p, &pillar.get(), &area.get(), &text.get()))
    });
    let total = Memo::new(move |_| app.plan.with(|p| p.objectives.len()));

    let add = move |_| {
        let title = t_string!(i18n, editor.new_objective_title).to_string();
        let chosen_area = area.get_untracked();
        let mut index = 0;
        app.edit_plan(|p| {
            let pillar_id = Some(pillar.get_untracked())
                .filter(|s| !s.is_empty())
                .or_else(|| p.pillars.first().map(|x| x.id.clone()))
                .unwrap_or_default();
            let mut o = new_objective(p, &pillar_id, &title);
            if !chosen_area.is_empty() {
                o.assignments.push(Assignment {
                    area: chosen_area,
                    weight: Decimal::ZERO,
                });
            }
            p.objectives.push(o);
            index = p.objectives.len() - 1;
        });
        text.set(String::new());
        ed.selected.set(Some(index));
    };

    let items = move || {
        let selected = ed.selected.get();
        let indices = shown.get();
        app.plan.with(|p| {
            indices
                .into_iter()
                .filter_map(|i| p.objectives.get(i).map(|o| (i, o.id.clone(), o.title.clone())))
                .map(|(i, id, title)| {
                    let current = selected == Some(i);
                    let data_id = id.clone();
                    let flagged = ed.has_issues_under(&format!("plan.objectives[{i}]"));
                    view! {
                        <li>
                            <button type="button" class="objective-item" class:current=current
                                data-objective=data_id
                                aria-current=current.then_some("true")
                                on:click=move |_| ed.selected.set(Some(i))>
                                <span class="objective-id">{id}</span>
                                {flagged.then(|| view! {
                                    <span class="objective-flag">" ⚠ "<span class="visually-hidden">{t!(i18n, editor.has_issues)}</span></span>
                                })}
                                <span class="objective-title">{title}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="objective-list">
            <div class="filters">
                <div class="field">
                    <label for="editor-search" class="field-label">{t!(i18n, editor.search)}</label>
                    <input type="search" id="editor-search" prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="editor-filter-pillar" class="field-label">{t!(i18n, common.pillar)}</label>
                    <select id="editor-filter-pillar" on:change=move |ev| pillar.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || pillar.get().is_empty()>{t!(i18n, editor.all_pillars)}</option>
                        {move || pillars.get().into_iter().map(|(id, name)| {
                            let v = id.clone();
                            view! { <option value=id prop:selected=move || pillar.get() == v>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="editor-filter-area" class="field-label">{t!(i18n, common.area)}</label>
                    <select id="editor-filter-area" on:change=move |ev| area.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || area.get().is_empty()>{t!(i18n, common.all_areas)}</option>
                        {move || areas.get().into_iter().map(|(code, name)| {
                            let v = code.clone();
                            view! { <option value=code.clone() prop:selected=move || area.get() == v>{format!("{code} – {name}")}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <p class="hint" aria-live="polite" id="editor-list-count">{t!(i18n, editor.shown_of, shown = move || shown.with(Vec::len), total = move || total.get())}</p>
            <ul class="objective-items" aria-label=move || t_string!(i18n, editor.objectives_heading).to_string()>{items}</ul>
            <button type="button" class="btn btn-primary" id="editor-new-objective" on:click=add>{t!(i18n, editor.new_objective)}</button>
        </div>
    }
}
