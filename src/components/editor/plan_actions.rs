//! Starting another plan: a copy of this one for next year or an empty plan.
//! Both replace the whole working state, so each is confirmed after saying
//! that the current plan and progress are kept as a restorable backup.

use cruscotto_engine::{Progress, Snapshot};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::editor::context::use_editor;
use crate::components::links::route;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::editor::{empty_plan, next_year_copy};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pending {
    NextYear,
    Empty,
}

/// The two buttons, the confirmation step and the outcome.
#[component]
pub fn EditorPlanActions() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ed = use_editor();
    let pending = RwSignal::new(None::<Pending>); // What was done (and the new year), or why the backup could not be saved.
    let outcome = RwSignal::new(None::<Result<(Pending, i32), String>>);
    let confirm_ref = NodeRef::<leptos::html::Button>::new();

    let ask = move |p: Pending| {
        outcome.set(None);
        pending.set(Some(p));
        // Keyboard users land on the choice they have to make.
        request_animation_frame(move || {
            if let Some(b) = confirm_ref.get_untracked() {
                let _ = b.focus();
            }
        });
    };
    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let plan = app.plan.get_untracked();
        let (next, reason) = match p {
            Pending::NextYear => (next_year_copy(&plan), "next-year copy"),
            Pending::Empty => (
                empty_plan(&plan, t_string!(i18n, editor.new_plan_title)),
                "new empty plan",
            ),
        };
        let year = next.year;
        ed.selected.set(None);
        let result = app.replace(Snapshot::new(next, Progress::new(), None), reason);
        pending.set(None);
        outcome.set(Some(match result {
            Ok(()) => Ok((p, year)),
            Err(e) => Err(e.message(app.lang.get_untracked())),
        }));
    };
    let explanation = move || match pending.get() {
        Some(Pending::NextYear) => t!(
            i18n,
            editor.next_year_confirm,
            year = move || app.plan.with(|p| p.year + 1)
        )
        .into_any(),
        Some(Pending::Empty) => t!(i18n, editor.empty_confirm).into_any(),
        None => ().into_any(),
    };
    view! {
        <div class="plan-actions">
            <button type="button" class="btn" id="editor-next-year" on:click=move |_| ask(Pending::NextYear)>
                {t!(i18n, editor.next_year)}
            </button>
            <button type="button" class="btn" id="editor-new-empty" on:click=move |_| ask(Pending::Empty)>
                {t!(i18n, editor.new_empty)}
            </button>
            <Show when=move || pending.get().is_some()>
                <div class="confirm-box" role="group" aria-labelledby="plan-confirm-text">
                    <p id="plan-confirm-text">{explanation}</p>
                    <p>{t!(i18n, editor.backup_explained)}</p>
                    <button type="button" class="btn btn-primary" id="editor-confirm-replace" node_ref=confirm_ref on:click=confirm>
                        {t!(i18n, editor.confirm_replace)}
                    </button>
                    " "
                    <button type="button" class="btn" on:click=move |_| pending.set(None)>
                        {t!(i18n, editor.cancel)}
                    </button>
                </div>
            </Show>
            <div aria-live="polite" class="plan-outcome">
                {move || outcome.get().map(|o| match o {                    Ok((done, year)) => view! {
                        <p class="notice ok">
                            {match done {
                                Pending::NextYear => t!(i18n, editor.next_year_done, year = move || year).into_any(),
                                Pending::Empty => t!(i18n, editor.empty_done).into_any(),
                            }}
                            " "<A href=route("/transfer")>{t!(i18n, editor.backups_link)}</A>
                        </p>
                    }.into_any(),Err(text) => view! { <p class="notice error" role="alert">{text}</p> }.into_any(),
                })}
            </div>
        </div>
    }
}
