//! The plan editor (/editor): the planning office writes the plan here.
//!
//! Every change goes straight into the plan through `AppState::edit_plan`, so
//! it is saved at once and the scores follow. Once the plan is adopted, each
//! objective changed keeps its old value until the change is recorded as a
//! revision (reason, act, effective day) or discarded (`EditorRevisionForm`). The engine's `validate_plan` runs
//! on every change; its messages are shown next to the fields their paths name
//! and, all together, in a linked list at the top. One objective is edited at a
//! time, picked from a filterable list.

use cruscotto_engine::validate_plan;
use leptos::prelude::*;

use crate::components::editor::adoption::EditorAdoption;
use crate::components::editor::areas::EditorAreas;
use crate::components::editor::context::EditorCtx;
use crate::components::editor::field_issues::issues_id;
use crate::components::editor::issue_summary::EditorIssueSummary;
use crate::components::editor::objective_form::EditorObjectiveForm;
use crate::components::editor::objective_list::EditorObjectiveList;
use crate::components::editor::old_year::EditorOldYear;
use crate::components::editor::plan_actions::EditorPlanActions;
use crate::components::editor::plan_sheet::EditorPlanSheet;
use crate::components::editor::revision_form::EditorRevisionForm;
use crate::components::editor::text_field::EditorTextField;
use crate::components::editor::weight_sums::EditorWeightSums;
use crate::components::fields::date_field::DateField;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::editor::field_anchor;

/// Years outside this range are almost certainly typing mistakes.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

#[component]
pub fn EditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let report = Memo::new(move |_| app.plan.with(validate_plan));
    let ed = EditorCtx {
        report,
        selected: RwSignal::new(None),
    };
    provide_context(ed);

    view! {
        <div class="editor">
            <h1>{t!(i18n, editor.title)}</h1>
            <p class="lead">{t!(i18n, editor.intro)}</p>
            <EditorIssueSummary />
            <EditorRevisionForm />
            <EditorOldYear />
            <section class="editor-section" aria-labelledby="editor-plan-heading">
                <h2 id="editor-plan-heading">{t!(i18n, editor.plan_heading)}</h2>
                <div class="form-grid" id="editor-plan-fields">
                    <EditorTextField id=field_anchor("plan.title") path="plan.title"
                        label=Signal::derive(move || t_string!(i18n, editor.plan_title).to_string())
                        value=Signal::derive(move || app.plan.with(|p| p.title.clone()))
                        on_change=Callback::new(move |v: String| app.edit_plan(|p| p.title = v)) />
                    <EditorTextField id=field_anchor("plan.id") path="plan.id"
                        label=Signal::derive(move || t_string!(i18n, editor.plan_id).to_string())
                        hint=Signal::derive(move || t_string!(i18n, editor.plan_id_hint).to_string())
                        value=Signal::derive(move || app.plan.with(|p| p.id.clone()))
                        on_change=Callback::new(move |v: String| app.edit_plan(|p| p.id = v)) />
                    <YearField />
                </div>
                <h3>{t!(i18n, editor.cycle_heading)}</h3>
                <div class="form-grid" id="editor-cycle-fields">
                    <div class="field">
                        <label for="plan-self-assessment-deadline" class="field-label">{t!(i18n, editor.self_assessment_deadline)}</label>
                        <DateField id="plan-self-assessment-deadline".to_string()
                            value=Signal::derive(move || app.plan.with(|p| p.self_assessment_deadline))
                            described_by="plan-self-assessment-deadline-hint"
                            on_change=Callback::new(move |d| app.edit_plan(|p| p.self_assessment_deadline = d)) />
                        <p class="hint" id="plan-self-assessment-deadline-hint">{t!(i18n, editor.self_assessment_deadline_hint)}</p>
                    </div>
                    <div class="field">
                        <label for="plan-monitoring-date" class="field-label">{t!(i18n, editor.monitoring_date)}</label>
                        <DateField id="plan-monitoring-date".to_string()
                            value=Signal::derive(move || app.plan.with(|p| p.monitoring_date))
                            on_change=Callback::new(move |d| app.edit_plan(|p| p.monitoring_date = d)) />
                    </div>
                </div>
                <h3>{t!(i18n, editor.another_plan)}</h3>
                <p class="hint">{t!(i18n, editor.another_plan_hint)}</p>
                <EditorPlanActions />
            </section>
            <EditorPlanSheet />
            <EditorAdoption />
            <EditorAreas />
            <EditorWeightSums />
            <section class="editor-section" aria-labelledby="editor-objectives-heading">
                <h2 id="editor-objectives-heading">{t!(i18n, editor.objectives_heading)}</h2>
                <div class="editor-split">
                    <EditorObjectiveList />
                    <EditorObjectiveForm />
                </div>
            </section>
        </div>
    }
}

/// The plan's year: a whole number, refused (with a message) outside 2000–2100.
#[component]
fn YearField() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let draft = RwSignal::new(None::<String>);
    let invalid = RwSignal::new(false);
    let id = field_anchor("plan.year");
    let error_id = format!("{id}-parse");
    let describedby = format!("{error_id} {}", issues_id("plan.year"));
    view! {
        <div class="field field-number">
            <label for=id.clone() class="field-label">{t!(i18n, editor.plan_year)}</label>
            <input type="text" inputmode="numeric" id=id autocomplete="off"
                prop:value=move || draft.get().unwrap_or_else(|| app.plan.with(|p| p.year.to_string()))
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=describedby
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    match text.trim().parse::<i32>() {
                        Ok(y) if YEARS.contains(&y) => {
                            invalid.set(false);
                            app.edit_plan(|p| p.year = y);
                        }
                        _ => invalid.set(true),
                    }
                    draft.set(Some(text));
                }
                on:blur=move |_| if !invalid.get_untracked() { draft.set(None) } />
            <p class="field-error" id=error_id aria-live="polite">
                {move || invalid.get().then(|| t_string!(i18n, editor.year_invalid).to_string())}
            </p>
        </div>
    }
}
