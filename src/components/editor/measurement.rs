//! Whether the selected objective's areas share one result or each has its
//! own, and the switch between the two. Switching to per-area copies the
//! shared result to each area; switching back asks which area's result to
//! keep, because the other areas' results would be removed.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::editor::{areas_with_results, switch_to_per_area, switch_to_shared};

/// The measurement of objective `oi` and the button that switches it.
#[component]
pub fn EditorMeasurement(
    /// Position in `plan.objectives`.
    oi: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let per_area = Memo::new(move |_| {
        app.plan
            .with(|p| p.objectives.get(oi).is_some_and(|o| o.is_per_area()))
    });
    // Set while the user chooses which area's result to keep.
    let choosing = RwSignal::new(None::<Vec<String>>);
    let keep = RwSignal::new(String::new());

    let switch = move |_| {
        if per_area.get_untracked() {
            let areas = app.plan.with_untracked(|p| {
                app.progress_by_area
                    .with_untracked(|b| areas_with_results(p, b, oi))
            });
            if areas.is_empty() {
                app.edit_plan_and_progress(|p, pr, b| switch_to_shared(p, pr, b, oi, None));
            } else {
                keep.set(areas[0].clone());
                choosing.set(Some(areas));
            }
        } else {
            app.edit_plan_and_progress(|p, pr, b| switch_to_per_area(p, pr, b, oi));
        }
    };
    let confirm = move |_| {
        let area = keep.get_untracked();
        app.edit_plan_and_progress(|p, pr, b| switch_to_shared(p, pr, b, oi, Some(&area)));
        choosing.set(None);
    };
    let options =
        move || {
            choosing.get().unwrap_or_default().into_iter().map(|a| {
            let id = format!("editor-keep-area-{a}");
            let value = a.clone();
            let checked = a.clone();
            view! {
                <div class="radio-option">
                    <input type="radio" name="editor-keep-area" id=id.clone() value=a.clone()
                        prop:checked=move || keep.get() == checked
                        on:change=move |_| keep.set(value.clone()) />
                    <label for=id>{a}</label>
                </div>
            }
        }).collect_view()
        };

    view! {
        <div class="field" id="editor-measurement">
            <span class="field-label">{t!(i18n, editor.measurement)}</span>
            <p id="editor-measurement-now">
                {move || if per_area.get() {
                    t!(i18n, editor.measurement_per_area).into_any()
                } else {
                    t!(i18n, editor.measurement_shared).into_any()
                }}
            </p>
            <button type="button" class="btn" id="editor-switch-measurement" on:click=switch>
                {move || if per_area.get() {
                    t!(i18n, editor.switch_to_shared).into_any()
                } else {
                    t!(i18n, editor.switch_to_per_area).into_any()
                }}
            </button>
            <Show when=move || choosing.with(Option::is_some)>
                <fieldset class="confirm-box" id="editor-keep-area">
                    <legend>{t!(i18n, editor.keep_area_legend)}</legend>
                    {options}
                    <button type="button" class="btn btn-danger" id="editor-confirm-shared" on:click=confirm>{t!(i18n, editor.keep_area_confirm)}</button>
                    " "
                    <button type="button" class="btn" on:click=move |_| choosing.set(None)>{t!(i18n, editor.cancel)}</button>
                </fieldset>
            </Show>
        </div>
    }
}
