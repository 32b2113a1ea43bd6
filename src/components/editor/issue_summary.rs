//! The list of every error and warning of the plan at the top of the editor,
//! each a link that opens the objective concerned and moves to the field.

use cruscotto_engine::{Issue, IssueKind, Plan, Severity};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::editor::context::{use_editor, EditorCtx};
use crate::i18n::*;
use crate::state::use_app;
use crate::view::editor::{field_anchor, objective_index, path_ancestors, weight_field_of_area};
use crate::view::messages;

/// More would bury the page; the first ones lead to the rest.
const MAX_LISTED: usize = 50;

/// Where an issue is, in words: the objective's id or the area's code.
fn location(plan: &Plan, path: &str, lang: Lang) -> String {
    let l = lang.locale();
    if let Some(o) = objective_index(path).and_then(|i| plan.objectives.get(i)) {
        let ind = path
            .split(".indicators[")
            .nth(1)
            .and_then(|r| r.split(']').next())
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| o.indicators.get(n));
        let mut s = td_string!(l, editor.issue_in_objective, id = &o.id).to_string();
        if let Some(ind) = ind {
            s.push_str(&td_string!(l, editor.issue_in_indicator, id = &ind.id).to_string());
        }
        return s;
    }
    if let Some(a) = path
        .strip_prefix("plan.areas[")
        .and_then(|r| r.split(']').next())
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|i| plan.areas.get(i))
    {
        return td_string!(l, editor.issue_in_area, code = &a.code).to_string();
    }
    td_string!(l, editor.issue_in_plan).to_string()
}

/// Opens the objective a path names, then scrolls to and focuses the nearest
/// element on screen for it (the field itself, or the part that contains it).
pub fn go_to_path(ed: EditorCtx, path: &str) {
    if let Some(i) = objective_index(path) {
        ed.selected.set(Some(i));
    }
    let path = path.to_string();
    // After the form for the objective has been rendered.
    set_timeout(
        move || {
            let doc = document();
            let target = path_ancestors(&path)
                .iter()
                .find_map(|p| doc.get_element_by_id(&field_anchor(p)));
            if let Some(el) = target {
                el.scroll_into_view();
                if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = html.focus();
                }
            }
        },
        std::time::Duration::from_millis(0),
    );
}

fn issue_item(ed: EditorCtx, issue: Issue, plan: &Plan, lang: Lang) -> impl IntoView {
    let class = match issue.severity {
        Severity::Error => "issue error",
        Severity::Warning => "issue warning",
    };
    let tag = match issue.severity {
        Severity::Error => td_string!(lang.locale(), editor.issue_error),
        Severity::Warning => td_string!(lang.locale(), editor.issue_warning),
    };
    let href = format!("#{}", field_anchor(&issue.path));
    let place = location(plan, &issue.path, lang);
    let message = messages::issue(&issue, lang);
    // A weight sum off 100 is an area's, but it is fixed at a weight: the link
    // goes to that area's weight in the objective open now, or the first one.
    let app = use_app();
    let path = move || match &issue.kind {
        IssueKind::WeightsNot100 { area, .. } => app
            .plan
            .with_untracked(|p| weight_field_of_area(p, area, ed.selected.get_untracked()))
            .unwrap_or_else(|| issue.path.clone()),
        _ => issue.path.clone(),
    };
    view! {
        <li class=class>
            <span class="issue-tag">{tag}</span>" "
            <a href=href on:click=move |ev| {
                ev.prevent_default();
                go_to_path(ed, &path());
            }>{place}": "{message}</a>
        </li>
    }
}

/// The editor's overall check: counts and a linked list of every issue.
#[component]
pub fn EditorIssueSummary() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ed = use_editor();
    let counts = move || ed.report.with(|r| (r.errors.len(), r.warnings.len()));
    let status = move || {
        let (e, w) = counts();
        if e == 0 && w == 0 {
            t!(i18n, editor.checks_ok).into_any()
        } else {
            t!(
                i18n,
                editor.checks_counts,
                errors = move || e,
                warnings = move || w
            )
            .into_any()
        }
    };
    let items = move || {
        let lang = app.lang.get();
        let report = ed.report.get();
        app.plan.with(|plan| {
            report
                .errors
                .into_iter()
                .chain(report.warnings)
                .take(MAX_LISTED)
                .map(|issue| issue_item(ed, issue, plan, lang))
                .collect_view()
        })
    };
    let more = move || {
        let (e, w) = counts();
        (e + w > MAX_LISTED).then(|| t!(i18n, editor.checks_more, n = move || e + w - MAX_LISTED))
    };
    // The colour follows the worst problem: red for an error, amber for a
    // warning, green only when there is nothing.
    let status_class = move || match counts() {
        (0, 0) => "checks-status",
        (0, _) => "checks-status has-warnings",
        _ => "checks-status has-errors",
    };
    view! {
        <section class="editor-checks" aria-labelledby="editor-checks-heading" id="editor-checks">
            <h2 id="editor-checks-heading">{t!(i18n, editor.checks_heading)}</h2>
            <p class=status_class aria-live="polite">{status}</p>
            <ul class="issue-list">{items}</ul>
            <p class="hint">{more}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use cruscotto_engine::default_snapshot;

    use super::*;

    #[test]
    fn an_issue_is_located_in_words_in_both_languages() {
        let plan = default_snapshot().plan;
        let (o, i) = (&plan.objectives[0], &plan.objectives[0].indicators[0]);
        let path = "plan.objectives[0].indicators[0].threshold";
        assert_eq!(
            location(&plan, path, Lang::It),
            format!("Obiettivo «{}», indicatore «{}»", o.id, i.id)
        );
        assert_eq!(
            location(&plan, path, Lang::En),
            format!("Objective \"{}\", indicator \"{}\"", o.id, i.id)
        );
        let area = format!("Area {}", plan.areas[0].code);
        assert_eq!(location(&plan, "plan.areas[0].code", Lang::It), area);
        assert_eq!(location(&plan, "plan.title", Lang::It), "Piano");
        assert_eq!(location(&plan, "plan.title", Lang::En), "Plan");
    }
}
