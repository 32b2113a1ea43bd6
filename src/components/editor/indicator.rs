//! One indicator of the objective being edited: label, kind, unit, direction,
//! description, its three levels, and duplicate / delete.

use cruscotto_engine::{Direction, IndicatorKind};
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::editor::context::{edit_indicator, read_indicator};
use crate::components::editor::field_issues::{issues_id, EditorFieldIssues};
use crate::components::editor::level::EditorLevel;
use crate::components::editor::number_input::EditorNumberInput;
use crate::components::editor::text_field::EditorTextField;
use crate::i18n::*;
use crate::state::{use_app, AppState};
use crate::view::editor::{duplicate_indicator, field_anchor, set_kind, set_scale, taken_ids};

/// Removes what was recorded for an indicator (keeping a note), for when its
/// kind changes and the old measurement no longer fits.
fn clear_measurement(app: AppState, id: &str) {
    app.edit_progress(|pr| {
        if let Some(e) = pr.get_mut(id) {
            e.level = None;
            e.value = None;
            e.done_on = None;
            if e.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                pr.remove(id);
            }
        }
    });
}

/// The form of indicator `ii` of objective `oi`.
#[component]
pub fn EditorIndicator(
    /// Position in `plan.objectives`.
    oi: usize,
    /// Position in the objective's `indicators`.
    ii: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ip = format!("plan.objectives[{oi}].indicators[{ii}]");
    let id = read_indicator(app, oi, ii, |i| i.id.clone());
    let label = read_indicator(app, oi, ii, |i| i.label.clone().unwrap_or_default());
    // Memo: the level fields are rebuilt only when the kind changes.
    let kind = Memo::new(move |_| {
        app.plan.with(|p| {
            p.objectives
                .get(oi)
                .and_then(|o| o.indicators.get(ii))
                .map_or(IndicatorKind::Milestone, |i| i.kind)
        })
    });
    let lower = read_indicator(app, oi, ii, |i| i.effective_direction() == Direction::Lower);
    let confirming = RwSignal::new(false);

    let on_kind = move |ev: leptos::ev::Event| {
        let new = match event_target_value(&ev).as_str() {
            "number" => IndicatorKind::Number,
            "date" => IndicatorKind::Date,
            _ => IndicatorKind::Milestone,
        };
        if new == kind.get_untracked() {
            return;
        }
        edit_indicator(app, oi, ii, |ind| set_kind(ind, new));
        clear_measurement(app, &id.get_untracked());
    };
    let duplicate = move |_| {
        app.edit_plan(|p| {
            if let Some(copy) = duplicate_indicator(p, oi, ii) {
                if let Some(o) = p.objectives.get_mut(oi) {
                    o.indicators.insert(ii + 1, copy);
                }
            }
        });
    };
    let delete = move |_| {
        confirming.set(false);
        let gone = id.get_untracked();
        app.edit_plan(|p| {
            if let Some(o) = p.objectives.get_mut(oi) {
                if ii < o.indicators.len() {
                    o.indicators.remove(ii);
                }
            }
        });
        if !app.plan.with_untracked(taken_ids).contains(&gone) {
            app.edit_progress(|pr| {
                pr.remove(&gone);
            });
        }
    };

    let kind_path = format!("{ip}.kind");
    let dir_path = format!("{ip}.direction");
    let kind_id = field_anchor(&kind_path);
    let dir_id = field_anchor(&dir_path);
    let levels_id = field_anchor(&ip);
    let unit_path = format!("{ip}.unit");
    let scale_path = format!("{ip}.scale");
    let evidence_id = field_anchor(&format!("{ip}.evidence_required"));
    let (scale_min_id, scale_max_id) = (
        field_anchor(&format!("{ip}.scale.min")),
        field_anchor(&format!("{ip}.scale.max")),
    );
    let heading = move || {
        let l = label.get();
        if l.is_empty() {
            t!(i18n, editor.indicator_n, n = move || ii + 1).into_any()
        } else {
            t!(i18n, editor.indicator_labelled, label = move || l.clone()).into_any()
        }
    };

    view! {
        <fieldset class="indicator" data-indicator=move || id.get()>
            <legend>{heading}" "<code class="indicator-id">{move || id.get()}</code></legend>
            <p id=field_anchor(&format!("{ip}.id")) tabindex="-1" class="visually-hidden">{move || id.get()}</p>
            <EditorFieldIssues path=format!("{ip}.id") />
            <div class="form-actions">
                <button type="button" class="btn btn-small" on:click=duplicate>{t!(i18n, editor.duplicate_indicator)}</button>
                <button type="button" class="btn btn-small btn-danger" on:click=move |_| confirming.set(true)>{t!(i18n, editor.delete_indicator)}</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm-box" role="group">
                    <p>{t!(i18n, editor.delete_indicator_confirm, id = move || id.get())}</p>
                    <button type="button" class="btn btn-danger" on:click=delete>{t!(i18n, editor.delete)}</button>
                    " "
                    <button type="button" class="btn" on:click=move |_| confirming.set(false)>{t!(i18n, editor.cancel)}</button>
                </div>
            </Show>
            <div class="form-grid">
                <EditorTextField id=field_anchor(&format!("{ip}.label")) path=format!("{ip}.label")
                    label=Signal::derive(move || t_string!(i18n, editor.indicator_label).to_string())
                    value=label
                    on_change=Callback::new(move |v: String| edit_indicator(app, oi, ii, |i| i.label = Some(v).filter(|s| !s.is_empty()))) />
                <div class="field">
                    <label for=kind_id.clone() class="field-label">{t!(i18n, editor.kind)}</label>
                    <select id=kind_id aria-describedby=format!("{} {}", issues_id(&kind_path), format!("{}-hint", field_anchor(&kind_path))) on:change=on_kind>
                        {[IndicatorKind::Milestone, IndicatorKind::Number, IndicatorKind::Date].into_iter().map(|k| {
                            let text = move || match k {
                                IndicatorKind::Milestone => t_string!(i18n, editor.kind_milestone).to_string(),
                                IndicatorKind::Number => t_string!(i18n, editor.kind_number).to_string(),
                                IndicatorKind::Date => t_string!(i18n, editor.kind_date).to_string(),
                            };
                            view! { <option value=kind_code(k) prop:selected=move || kind.get() == k>{text}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field-hint" id=format!("{}-hint", field_anchor(&kind_path))>{t!(i18n, editor.kind_hint)}</p>
                    <EditorFieldIssues path=kind_path.clone() />
                </div>
                <Show when=move || kind.get() == IndicatorKind::Number>
                    <EditorTextField id=field_anchor(&unit_path) path=unit_path.clone()
                        label=Signal::derive(move || t_string!(i18n, editor.unit).to_string())
                        value=read_indicator(app, oi, ii, |i| i.unit.clone().unwrap_or_default())
                        on_change=Callback::new(move |v: String| edit_indicator(app, oi, ii, |i| i.unit = Some(v).filter(|s| !s.is_empty()))) />
                    <div class="field">
                        <label for=dir_id.clone() class="field-label">{t!(i18n, editor.direction)}</label>
                        <select id=dir_id.clone() aria-describedby=issues_id(&dir_path) on:change=move |ev| {
                            let d = if event_target_value(&ev) == "lower" { Direction::Lower } else { Direction::Higher };
                            edit_indicator(app, oi, ii, |i| i.direction = Some(d));
                        }>
                            <option value="higher" prop:selected=move || !lower.get()>{t!(i18n, editor.direction_higher)}</option>
                            <option value="lower" prop:selected=move || lower.get()>{t!(i18n, editor.direction_lower)}</option>
                        </select>
                        <EditorFieldIssues path=dir_path.clone() />
                    </div>
                    // The values the measure can take at all: a value typed
                    // outside them is refused on the objective page.
                    <EditorNumberInput id=scale_min_id.clone() path=scale_path.clone()
                        label=Signal::derive(move || t_string!(i18n, editor.scale_min).to_string())
                        value=read_indicator(app, oi, ii, |i| i.scale.as_ref().and_then(|s| s.min))
                        allow_empty=true
                        on_change=Callback::new(move |v: Option<Decimal>| edit_indicator(app, oi, ii, |i| set_scale(i, |s| s.min = v))) />
                    <EditorNumberInput id=scale_max_id.clone() path=format!("{scale_path}.max")
                        label=Signal::derive(move || t_string!(i18n, editor.scale_max).to_string())
                        value=read_indicator(app, oi, ii, |i| i.scale.as_ref().and_then(|s| s.max))
                        allow_empty=true
                        on_change=Callback::new(move |v: Option<Decimal>| edit_indicator(app, oi, ii, |i| set_scale(i, |s| s.max = v))) />
                </Show>
                <EditorTextField id=field_anchor(&format!("{ip}.description")) path=format!("{ip}.description")
                    label=Signal::derive(move || t_string!(i18n, editor.indicator_description).to_string())
                    value=read_indicator(app, oi, ii, |i| i.description.clone().unwrap_or_default()) multiline=true
                    on_change=Callback::new(move |v: String| edit_indicator(app, oi, ii, |i| i.description = Some(v).filter(|s| !s.is_empty()))) />
                <div class="field field-check">
                    <input type="checkbox" id=evidence_id.clone()
                        prop:checked=read_indicator(app, oi, ii, |i| i.evidence_required)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit_indicator(app, oi, ii, |i| i.evidence_required = on);
                        } />
                    <label for=evidence_id>{t!(i18n, editor.evidence_required)}</label>
                </div>
            </div>
            <div class="levels" id=levels_id tabindex="-1" role="group"
                aria-label=move || t_string!(i18n, editor.levels).to_string()
                aria-describedby=issues_id(&ip)>
                {move || {
                    let k = kind.get();
                    (0..3).map(|which| view! { <EditorLevel oi=oi ii=ii which=which kind=k /> }).collect_view()
                }}
            </div>
            <EditorFieldIssues path=ip.clone() />
        </fieldset>
    }
}

fn kind_code(kind: IndicatorKind) -> &'static str {
    match kind {
        IndicatorKind::Milestone => "milestone",
        IndicatorKind::Number => "number",
        IndicatorKind::Date => "date",
    }
}
