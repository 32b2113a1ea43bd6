//! The form of the objective selected in the list: its fields, its weights and
//! its indicators. Only one objective is on screen at a time.

use cruscotto_engine::{Aggregation, Objective};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::editor::context::{edit_objective, use_editor};
use crate::components::editor::field_issues::{issues_id, EditorFieldIssues};
use crate::components::editor::indicator::EditorIndicator;
use crate::components::editor::measurement::EditorMeasurement;
use crate::components::editor::text_field::EditorTextField;
use crate::components::editor::weights::EditorWeights;
use crate::components::links::objective_href;
use crate::i18n::*;
use crate::state::{use_app, AppState};
use crate::view::editor::{
    duplicate_objective, field_anchor, new_indicator, next_indicator_id, parse_list, taken_ids,
};

/// Reads a value of objective `oi` as a signal.
fn read<T: Default + Send + Sync + 'static>(
    app: AppState,
    oi: usize,
    f: impl Fn(&Objective) -> T + Send + Sync + 'static,
) -> Signal<T> {
    Signal::derive(move || {
        app.plan
            .with(|p| p.objectives.get(oi).map(&f).unwrap_or_default())
    })
}

/// The selected objective's form, or a prompt to pick one.
#[component]
pub fn EditorObjectiveForm() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ed = use_editor();
    // Keyed on the position alone, so typing in a field never rebuilds the form.
    let current = Memo::new(move |_| {
        ed.selected
            .get()
            .filter(|i| app.plan.with(|p| *i < p.objectives.len()))
    });
    move || {
        match current.get() {
        None => view! { <div class="objective-form empty"><p>{t!(i18n, editor.pick_objective)}</p></div> }.into_any(),
        Some(oi) => view! { <ObjectiveFields oi=oi /> }.into_any(),
    }
    }
}

/// Every field of objective `oi`.
#[component]
fn ObjectiveFields(
    /// Position in `plan.objectives`.
    oi: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ed = use_editor();
    let op = format!("plan.objectives[{oi}]");
    let id = read(app, oi, |o| o.id.clone());
    let title = read(app, oi, |o| o.title.clone());
    let confirming = RwSignal::new(false);
    let adopted = Memo::new(move |_| app.plan.with(|p| p.adoption.is_some()));

    let duplicate = move |_| {
        let mut new_index = None;
        app.edit_plan(|p| {
            if let Some(copy) = duplicate_objective(p, oi) {
                p.objectives.insert(oi + 1, copy);
                new_index = Some(oi + 1);
            }
        });
        if new_index.is_some() {
            ed.selected.set(new_index);
        }
    };
    let progress_count = move || {
        app.plan.with(|p| {
            // Every result counts: an area's own one of a per-area objective too.
            app.with_results(|r| {
                p.objectives.get(oi).map_or(0, |o| {
                    r.iter()
                        .filter(|(k, _)| o.indicators.iter().any(|i| i.id == k.indicator))
                        .count()
                })
            })
        })
    };
    let delete = move |_| {
        confirming.set(false);
        ed.selected.set(None);
        let ids: Vec<String> = app.plan.with_untracked(|p| {
            p.objectives
                .get(oi)
                .map(|o| o.indicators.iter().map(|i| i.id.clone()).collect())
                .unwrap_or_default()
        });
        app.edit_plan(|p| {
            if oi < p.objectives.len() {
                p.objectives.remove(oi);
            }
        });
        // An adopted plan keeps the results of a removed objective: they
        // count in the score against the original plan, and the removal
        // is a revision still to be recorded.
        if adopted.get_untracked() {
            return;
        }
        let remaining = app.plan.with_untracked(taken_ids);
        app.edit_progress(|pr| {
            for id in ids.iter().filter(|id| !remaining.contains(*id)) {
                pr.remove(id);
            }
        });
    };
    let add_indicator = move |_| {
        app.edit_plan(|p| {
            let id = next_indicator_id(p, oi);
            if let Some(o) = p.objectives.get_mut(oi) {
                o.indicators.push(new_indicator(
                    id,
                    cruscotto_engine::IndicatorKind::Milestone,
                ));
            }
        });
    };
    let n_indicators = Memo::new(move |_| {
        app.plan
            .with(|p| p.objectives.get(oi).map_or(0, |o| o.indicators.len()))
    });

    // Selects: pillar, strategic objective (of that pillar), aggregation.
    let pillars = Memo::new(move |_| {
        app.plan.with(|p| {
            p.pillars
                .iter()
                .map(|x| (x.id.clone(), x.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let pillar = read(app, oi, |o| o.pillar.clone());
    let strategic = read(app, oi, |o| {
        o.strategic_objective.clone().unwrap_or_default()
    });
    let strategic_options = Memo::new(move |_| {
        let pillar = pillar.get();
        let current = strategic.get();
        app.plan.with(|p| {
            p.strategic_objectives
                .iter()
                .filter(|s| s.pillar == pillar || s.code == current)
                .map(|s| (s.code.clone(), s.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let aggregation = read(app, oi, |o| o.aggregation == Aggregation::All);

    let pillar_path = format!("{op}.pillar");
    let so_path = format!("{op}.strategic_objective");
    let pillar_id = field_anchor(&pillar_path);
    let so_id = field_anchor(&so_path);
    let agg_id = field_anchor(&format!("{op}.aggregation"));
    let href = move || objective_href(&id.get(), None);

    view! {
        <section class="objective-form" aria-labelledby=format!("{}-heading", field_anchor(&op))>
            <div class="objective-form-head">
                <h3 id=field_anchor(&op) tabindex="-1">
                    <span id=format!("{}-heading", field_anchor(&op))>
                        <span class="objective-id">{move || id.get()}</span>" "{move || title.get()}
                    </span>
                </h3>
                <EditorFieldIssues path=op.clone() />
                <div class="form-actions">
                    <button type="button" class="btn" id="editor-duplicate-objective" on:click=duplicate>{t!(i18n, editor.duplicate_objective)}</button>
                    <button type="button" class="btn btn-danger" id="editor-delete-objective" on:click=move |_| confirming.set(true)>{t!(i18n, editor.delete_objective)}</button>
                    <A href=href>{t!(i18n, editor.open_objective)}</A>
                </div>
                <Show when=move || confirming.get()>
                    <div class="confirm-box" role="group" aria-labelledby="objective-delete-text">
                        <p id="objective-delete-text">{t!(i18n, editor.delete_objective_confirm,
                            id = move || id.get(), n = move || n_indicators.get(), m = progress_count)}</p>
                        <Show when=move || adopted.get()>
                            <p id="objective-delete-kept">{t!(i18n, revisions.delete_keeps_results)}</p>
                        </Show>
                        <button type="button" class="btn btn-danger" id="editor-confirm-delete-objective" on:click=delete>{t!(i18n, editor.delete)}</button>
                        " "
                        <button type="button" class="btn" on:click=move |_| confirming.set(false)>{t!(i18n, editor.cancel)}</button>
                    </div>
                </Show>
            </div>

            <div class="form-grid">
                <EditorTextField id=field_anchor(&format!("{op}.id")) path=format!("{op}.id")
                    label=Signal::derive(move || t_string!(i18n, editor.objective_id).to_string())
                    hint=Signal::derive(move || t_string!(i18n, editor.objective_id_hint).to_string())
                    value=id
                    on_change=Callback::new(move |v: String| edit_objective(app, oi, |o| o.id = v)) />
                <EditorTextField id=field_anchor(&format!("{op}.title")) path=format!("{op}.title")
                    label=Signal::derive(move || t_string!(i18n, editor.objective_title).to_string())
                    value=title multiline=true
                    on_change=Callback::new(move |v: String| edit_objective(app, oi, |o| o.title = v)) />
                <EditorTextField id=field_anchor(&format!("{op}.purpose")) path=format!("{op}.purpose")
                    label=Signal::derive(move || t_string!(i18n, editor.purpose).to_string())
                    value=read(app, oi, |o| o.purpose.clone()) multiline=true
                    on_change=Callback::new(move |v: String| edit_objective(app, oi, |o| o.purpose = v)) />
                <div class="field">
                    <label for=pillar_id.clone() class="field-label">{t!(i18n, common.pillar)}</label>
                    <select id=pillar_id aria-describedby=issues_id(&pillar_path)
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            app.edit_plan(|p| {
                                let fits = |code: &str| p.strategic_objectives.iter().any(|s| s.code == code && s.pillar == v);
                                let keep = p.objectives.get(oi).and_then(|o| o.strategic_objective.clone()).is_none_or(|c| fits(&c));
                                if let Some(o) = p.objectives.get_mut(oi) {
                                    o.pillar = v.clone();
                                    if !keep {
                                        o.strategic_objective = None;
                                    }
                                }
                            });
                        }>
                        {move || pillars.get().into_iter().map(|(pid, name)| {
                            let v = pid.clone();
                            view! { <option value=pid prop:selected=move || pillar.get() == v>{name}</option> }
                        }).collect_view()}
                    </select>
                    <EditorFieldIssues path=pillar_path.clone() />
                </div>
                <div class="field">
                    <label for=so_id.clone() class="field-label">{t!(i18n, editor.strategic_objective)}</label>
                    <select id=so_id aria-describedby=issues_id(&so_path)
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            edit_objective(app, oi, |o| o.strategic_objective = Some(v).filter(|s| !s.is_empty()));
                        }>
                        <option value="" prop:selected=move || strategic.get().is_empty()>{t!(i18n, editor.none)}</option>
                        {move || strategic_options.get().into_iter().map(|(code, title)| {
                            let v = code.clone();
                            view! { <option value=code.clone() prop:selected=move || strategic.get() == v>{format!("{code} – {title}")}</option> }
                        }).collect_view()}
                    </select>
                    <EditorFieldIssues path=so_path.clone() />
                </div>
                <EditorTextField id=field_anchor(&format!("{op}.responsible")) path=format!("{op}.responsible")
                    label=Signal::derive(move || t_string!(i18n, editor.responsible).to_string())
                    hint=Signal::derive(move || t_string!(i18n, editor.list_hint).to_string())
                    value=read(app, oi, |o| o.responsible.join(", ")) on_commit=true
                    on_change=Callback::new(move |v: String| edit_objective(app, oi, |o| o.responsible = parse_list(&v))) />
                <EditorTextField id=field_anchor(&format!("{op}.other_structures")) path=format!("{op}.other_structures")
                    label=Signal::derive(move || t_string!(i18n, editor.other_structures).to_string())
                    hint=Signal::derive(move || t_string!(i18n, editor.list_hint).to_string())
                    value=read(app, oi, |o| o.other_structures.join(", ")) on_commit=true
                    on_change=Callback::new(move |v: String| edit_objective(app, oi, |o| o.other_structures = parse_list(&v))) />
                <div class="field">
                    <label for=agg_id.clone() class="field-label">{t!(i18n, editor.aggregation)}</label>
                    <select id=agg_id on:change=move |ev| {
                        let all = event_target_value(&ev) == "all";
                        edit_objective(app, oi, |o| o.aggregation = if all { Aggregation::All } else { Aggregation::Mean });
                    }>
                        <option value="mean" prop:selected=move || !aggregation.get()>{t!(i18n, editor.aggregation_mean)}</option>
                        <option value="all" prop:selected=move || aggregation.get()>{t!(i18n, editor.aggregation_all)}</option>
                    </select>
                </div>
                <EditorMeasurement oi=oi />
                <EditorTextField id=field_anchor(&format!("{op}.note")) path=format!("{op}.note")
                    label=Signal::derive(move || t_string!(i18n, editor.note).to_string())
                    value=read(app, oi, |o| o.note.clone().unwrap_or_default()) multiline=true
                    on_change=Callback::new(move |v: String| edit_objective(app, oi, |o| o.note = Some(v).filter(|s| !s.is_empty()))) />
            </div>

            <EditorWeights oi=oi />

            <section class="indicators" aria-labelledby="editor-indicators-heading" id=field_anchor(&format!("{op}.indicators")) tabindex="-1">
                <h4 id="editor-indicators-heading">{t!(i18n, editor.indicators_heading)}</h4>
                <EditorFieldIssues path=format!("{op}.indicators") />
                {move || (0..n_indicators.get()).map(|ii| view! { <EditorIndicator oi=oi ii=ii /> }).collect_view()}
                <button type="button" class="btn" id="editor-add-indicator" on:click=add_indicator>{t!(i18n, editor.add_indicator)}</button>
            </section>
        </section>
    }
}
