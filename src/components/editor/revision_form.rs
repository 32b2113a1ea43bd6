//! The changes made to an adopted plan and not yet recorded: what changed,
//! objective by objective, what recording it would do to the areas' scores
//! (the what-if of a revision), and the form that records it as a revision
//! (the day it takes effect, the reason, the approving act) or discards it.

use chrono::NaiveDate;
use cruscotto_engine::revision::RevisionInput;
use leptos::prelude::*;

use crate::components::fields::date_field::DateField;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::revisions::{effect_text, error_field, revision_error, unrecorded};

/// The panel, shown while an adopted plan has unrecorded changes; the
/// outcome of the last recording stays after it closes.
#[component]
pub fn EditorRevisionForm() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| {
        app.plan
            .with(|p| p.adoption.is_some() && !p.unrecorded.is_empty())
    });
    let changes = Memo::new(move |_| {
        if !open.get() {
            return (Vec::new(), Vec::new());
        }
        let lang = app.lang.get();
        app.plan
            .with(|p| app.with_results(|r| unrecorded(p, r, lang)))
    });
    let effective = RwSignal::new(None::<NaiveDate>);
    let reason = RwSignal::new(String::new());
    let act = RwSignal::new(String::new());
    // The refusal, and the field it belongs to (`None`: the whole form).
    let error = RwSignal::new(None::<(Option<&'static str>, String)>);
    let done = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);

    let record = move |_| {
        let input = RevisionInput {
            effective: effective.get_untracked(),
            reason: reason.get_untracked(),
            act: act.get_untracked(),
        };
        match app.record_revision(&input) {
            Ok(id) => {
                error.set(None);
                reason.set(String::new());
                done.set(Some(id));
            }
            Err(e) => {
                done.set(None);
                error.set(Some((
                    error_field(&e),
                    revision_error(&e, app.lang.get_untracked()),
                )));
            }
        }
    };
    let field_error = move |field: &'static str| {
        error
            .get()
            .filter(|(f, _)| *f == Some(field))
            .map(|(_, text)| text)
    };

    view! {
        <Show when=move || open.get()>
            <section class="editor-section revision-form" id="revision-form" aria-labelledby="f-plan-unrecorded">
                // The id the plan checks' warning (`plan.unrecorded`) links to.
                <h2 id="f-plan-unrecorded" tabindex="-1">{t!(i18n, revisions.unrecorded_heading)}</h2>
                <p>{t!(i18n, revisions.unrecorded_explained)}</p>
                <ul class="revision-changes" id="revision-changes">
                    <For each=move || changes.get().0 key=|c| (c.objective.clone(), c.lines.clone()) let:c>
                        <li>
                            <strong>{c.objective.clone()}</strong>" "{c.title.clone()}
                            <ul>{c.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                        </li>
                    </For>
                </ul>
                <h3>{t!(i18n, revisions.effect_heading)}</h3>
                <ul class="revision-effects" id="revision-effects">
                    {move || {
                        let lang = app.lang.get();
                        let moved: Vec<String> = changes
                            .get()
                            .1
                            .iter()
                            .filter(|e| e.before != e.after)
                            .map(|e| effect_text(e, lang))
                            .collect();
                        if moved.is_empty() {
                            view! { <li>{t!(i18n, revisions.effect_none)}</li> }.into_any()
                        } else {
                            moved.into_iter().map(|t| view! { <li>{t}</li> }).collect_view().into_any()
                        }
                    }}
                </ul>
                <div class="form-grid">
                    <div class="field">
                        <label for="revision-effective" class="field-label">{t!(i18n, revisions.effective)}</label>
                        <DateField id="revision-effective".to_string()
                            value=Signal::derive(move || effective.get())
                            described_by="revision-effective-error"
                            invalid=Signal::derive(move || field_error("effective").is_some())
                            on_change=Callback::new(move |d| effective.set(d)) />
                        <p class="field-error" id="revision-effective-error">{move || field_error("effective")}</p>
                    </div>
                    <div class="field">
                        <label for="revision-act" class="field-label">{t!(i18n, revisions.act)}</label>
                        <input type="text" id="revision-act" autocomplete="off"
                            aria-describedby="revision-act-hint revision-act-error"
                            aria-invalid=move || field_error("act").is_some().then_some("true")
                            prop:value=move || act.get()
                            on:input=move |ev| act.set(event_target_value(&ev)) />
                        <p class="hint" id="revision-act-hint">{t!(i18n, revisions.act_hint)}</p>
                        <p class="field-error" id="revision-act-error">{move || field_error("act")}</p>
                    </div>
                    <div class="field field-wide">
                        <label for="revision-reason" class="field-label">{t!(i18n, revisions.reason)}</label>
                        <textarea id="revision-reason" rows="3"
                            aria-describedby="revision-reason-error"
                            aria-invalid=move || field_error("reason").is_some().then_some("true")
                            prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                        <p class="field-error" id="revision-reason-error">{move || field_error("reason")}</p>
                    </div>
                </div>
                <p class="field-error" role="alert">
                    {move || error.get().filter(|(f, _)| f.is_none()).map(|(_, t)| t)}
                </p>
                <div class="plan-actions">
                    <button type="button" class="btn btn-primary" id="revision-record" on:click=record>
                        {t!(i18n, revisions.record)}
                    </button>
                    <button type="button" class="btn" id="revision-discard" on:click=move |_| confirming.set(true)>
                        {t!(i18n, revisions.discard)}
                    </button>
                </div>
                <Show when=move || confirming.get()>
                    <div class="confirm-box" role="group" aria-labelledby="revision-discard-text">
                        <p id="revision-discard-text">
                            {t!(i18n, revisions.discard_confirm, count = move || changes.get().0.len())}
                        </p>
                        <button type="button" class="btn btn-primary" id="revision-discard-confirm"
                            on:click=move |_| {
                                confirming.set(false);
                                app.discard_unrecorded();
                            }>
                            {t!(i18n, revisions.confirm_discard)}
                        </button>
                        " "
                        <button type="button" class="btn" on:click=move |_| confirming.set(false)>
                            {t!(i18n, revisions.cancel)}
                        </button>
                    </div>
                </Show>
            </section>
        </Show>
        <p aria-live="polite" class="revision-outcome">
            {move || done.get().map(|id| view! {
                <span class="notice ok" id="revision-recorded">{t!(i18n, revisions.recorded, id = move || id.clone())}</span>
            })}
        </p>
    }
}
