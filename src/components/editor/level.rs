//! One level (threshold, target or excellence) of an indicator: its value in
//! the form the kind needs, and its description.

use chrono::NaiveDate;
use cruscotto_engine::{IndicatorKind, Level, LevelValue};
use leptos::prelude::*;

use crate::components::editor::context::use_editor;
use crate::components::editor::context::{edit_indicator, read_indicator};
use crate::components::editor::field_issues::{issues_id, EditorFieldIssues};
use crate::components::editor::number_input::EditorNumberInput;
use crate::components::editor::text_field::EditorTextField;
use crate::components::fields::date_field::DateField;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::editor::field_anchor;

const NAMES: [&str; 3] = ["threshold", "target", "excellence"];
const GRADES: [u8; 3] = [1, 3, 4];

/// The value and description of level `which` (0 threshold, 1 target,
/// 2 excellence): a fixed grade for milestones, a decimal for numbers, a date
/// for deadlines.
#[component]
pub fn EditorLevel(
    /// Position in `plan.objectives`.
    oi: usize,
    /// Position in the objective's `indicators`.
    ii: usize,
    /// 0 threshold, 1 target, 2 excellence.
    which: usize,
    /// The indicator's kind, which decides the value input.
    kind: IndicatorKind,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ed = use_editor();
    let which = which.min(2);
    let name = NAMES[which];
    let lp = format!("plan.objectives[{oi}].indicators[{ii}].{name}");
    let value_path = format!("{lp}.value");
    let value_id = field_anchor(&value_path);
    let level_name = move || match which {
        0 => t_string!(i18n, common.threshold).to_string(),
        1 => t_string!(i18n, common.target).to_string(),
        _ => t_string!(i18n, common.excellence).to_string(),
    };
    let set_value = move |v: LevelValue| {
        edit_indicator(app, oi, ii, |ind| {
            let level: &mut Level = match which {
                0 => &mut ind.threshold,
                1 => &mut ind.target,
                _ => &mut ind.excellence,
            };
            level.value = v;
        })
    };
    let value_view = match kind {
        IndicatorKind::Milestone => view! {
            <div class="field">
                <span class="field-label">{move || format!("{}: {}", level_name(), t_string!(i18n, editor.level_value))}</span>
                <p class="level-fixed" id=value_id tabindex="-1">{GRADES[which]}" "<span class="hint">{t!(i18n, editor.milestone_fixed)}</span></p>
                <EditorFieldIssues path=value_path.clone() />
            </div>
        }
        .into_any(),
        IndicatorKind::Number => view! {
            <EditorNumberInput id=value_id path=value_path.clone() allow_empty=true
                label=Signal::derive(move || format!("{}: {}", level_name(), t_string!(i18n, editor.level_value)))value=read_indicator(app, oi, ii, move |i| i.levels()[which].value.as_decimal())
                on_change=Callback::new(move |v: Option<rust_decimal::Decimal>| {
                    set_value(v.map_or(LevelValue::Empty, LevelValue::Number))
                }) />
        }
        .into_any(),
        IndicatorKind::Date => {
            let date = read_indicator(app, oi, ii, move |i| i.levels()[which].value.as_date());
            let issues_path = value_path.clone();
            view! {
                <div class="field">
                    <label for=value_id.clone() class="field-label">{move || format!("{}: {}", level_name(), t_string!(i18n, editor.level_value))}</label>
                    <DateField id=value_id value=date
                        described_by=issues_id(&value_path)
                        invalid=Signal::derive(move || ed.has_issues_under(&issues_path))
                        on_change=Callback::new(move |d: Option<NaiveDate>| {
                            set_value(d.map_or(LevelValue::Empty, LevelValue::Date));
                        }) />
                    <EditorFieldIssues path=value_path.clone() />
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="level" data-level=name>
            <h5 class="level-name">{level_name}</h5>
            {value_view}
            <EditorTextField id=field_anchor(&format!("{lp}.description")) path=format!("{lp}.description")
                label=Signal::derive(move || format!("{}: {}", level_name(), t_string!(i18n, editor.level_description)))value=read_indicator(app, oi, ii, move |i| i.levels()[which].description.clone())
                multiline=true
                on_change=Callback::new(move |v: String| edit_indicator(app, oi, ii, |ind| {
                    match which {
                        0 => ind.threshold.description = v,
                        1 => ind.target.description = v,
                        _ => ind.excellence.description = v,
                    }
                })) />
        </div>
    }
}
