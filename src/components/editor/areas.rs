//! The areas of the plan: add, rename, change code (following it into every
//! weight), delete (saying first how many objectives weigh on the area).

use cruscotto_engine::Area;
use leptos::prelude::*;

use crate::components::editor::field_issues::{issues_id, EditorFieldIssues};
use crate::i18n::*;
use crate::state::use_app;
use crate::view::editor::{area_usage, delete_area, field_anchor, new_area_code, rename_area};

/// The areas table.
#[component]
pub fn EditorAreas() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let count = Memo::new(move |_| app.plan.with(|p| p.areas.len()));
    let add = move |_| {
        app.edit_plan(|p| {
            let code = new_area_code(p);
            p.areas.push(Area {
                code,
                name: String::new(),
            });
        });
        let last = count.get_untracked().saturating_sub(1);
        request_animation_frame(move || {
            let id = field_anchor(&format!("plan.areas[{last}].code"));
            if let Some(el) = document().get_element_by_id(&id) {
                use wasm_bindgen::JsCast;
                if let Ok(input) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                }
            }
        });
    };
    view! {
        <section class="editor-section" aria-labelledby="editor-areas-heading">
            <h2 id="editor-areas-heading">{t!(i18n, editor.areas_heading)}</h2>
            <p class="hint">{t!(i18n, editor.areas_hint)}</p>
            <table class="editor-table stack" id="editor-areas">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, editor.area_code)}</th>
                        <th scope="col">{t!(i18n, editor.area_name)}</th>
                        <th scope="col" class="num">{t!(i18n, editor.area_objectives)}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, editor.actions)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {move || (0..count.get()).map(|i| view! { <AreaRow index=i /> }).collect_view()}
                </tbody>
            </table>
            <button type="button" class="btn" id="editor-add-area" on:click=add>{t!(i18n, editor.add_area)}</button>
        </section>
    }
}

/// One area: its code (applied when the field is left, and refused when empty
/// or already used, since two areas with one code would merge their weights),
/// its name and its delete button.
#[component]
fn AreaRow(
    /// Position in `plan.areas`.
    index: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let code = Memo::new(move |_| {
        app.plan.with(|p| {
            p.areas
                .get(index)
                .map(|a| a.code.clone())
                .unwrap_or_default()
        })
    });
    let name = move || {
        app.plan.with(|p| {
            p.areas
                .get(index)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        })
    };
    let usage = Memo::new(move |_| app.plan.with(|p| area_usage(p, &code.get()))); // Why a typed code was refused: empty (None), or taken by another area.
    let code_error = RwSignal::new(None::<Option<String>>);

    let confirming = RwSignal::new(false);
    let code_path = format!("plan.areas[{index}].code");
    let code_id = field_anchor(&code_path);
    let name_id = field_anchor(&format!("plan.areas[{index}].name"));
    let error_id = format!("{code_id}-error");
    let describedby = format!("{error_id} {}", issues_id(&code_path));

    let on_code = move |ev: leptos::ev::Event| {
        let new = event_target_value(&ev).trim().to_string();
        let old = code.get_untracked();
        if new == old {
            code_error.set(None);
            return;
        }
        let clash = app
            .plan
            .with_untracked(|p| p.areas.iter().any(|a| a.code == new));
        if new.is_empty() {
            code_error.set(Some(None));
        } else if clash {
            code_error.set(Some(Some(new)));
        } else {
            code_error.set(None);
            app.edit_plan(|p| rename_area(p, &old, &new));
            if app.area.get_untracked().as_deref() == Some(old.as_str()) {
                app.area.set(Some(new));
            }
        }
    };
    let delete = move || {
        confirming.set(false);
        app.edit_plan(|p| delete_area(p, index));
    };
    let on_delete = move |_| {
        if usage.get_untracked() > 0 {
            confirming.set(true);
        } else {
            delete();
        }
    };
    view! {
        <tr data-area=move || code.get()>
            <td>
                <label for=code_id.clone() class="visually-hidden">{t!(i18n, editor.area_code)}</label>
                <input type="text" class="input-code" id=code_id
                    prop:value=move || code.get()
                    on:change=on_code
                    aria-invalid=move || code_error.with(Option::is_some).then_some("true")
                    aria-describedby=describedby />
                <p class="field-error" id=error_id aria-live="polite">{move || code_error.get().map(|e| match e {
                    None => t!(i18n, editor.area_code_empty).into_any(),
                    Some(c) => t!(i18n, editor.area_code_taken, code = move || c.clone()).into_any(),
                })}</p>
                <EditorFieldIssues path=code_path />
            </td>
            <td>
                <label for=name_id.clone() class="visually-hidden">{t!(i18n, editor.area_name_of, code = move || code.get())}</label>
                <input type="text" id=name_id prop:value=name
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        app.edit_plan(|p| if let Some(a) = p.areas.get_mut(index) { a.name = v; });
                    } />
            </td>
            <td class="num">{move || usage.get()}</td>
            <td>
                <button type="button" class="btn btn-small btn-danger" on:click=on_delete>
                    {t!(i18n, editor.delete)}<span class="visually-hidden">" "{move || code.get()}</span>
                </button>
                <Show when=move || confirming.get()>
                    <div class="confirm-box" role="group">
                        <p>{t!(i18n, editor.delete_area_confirm, code = move || code.get(), n = move || usage.get())}</p>
                        <button type="button" class="btn btn-danger" on:click=move |_| delete()>{t!(i18n, editor.delete_area_anyway)}</button>
                        " "
                        <button type="button" class="btn" on:click=move |_| confirming.set(false)>{t!(i18n, editor.cancel)}</button>
                    </div>
                </Show>
            </td>
        </tr>
    }
}
