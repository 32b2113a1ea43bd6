//! The plan from the office's spreadsheet: the template (this plan in the
//! Allegato's layout) to download, and a spreadsheet to read into a new
//! plan. The file is read by the XLSX module, loaded on first use; the plan
//! is shown first (objectives, areas and their weight sums, the plan's
//! checks), or every problem located by sheet, cell and column; nothing
//! changes before the user confirms, and the replaced plan stays a backup.

use cruscotto_engine::allegato::Located;
use cruscotto_engine::{validate_plan, Plan, Progress, Snapshot};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::Decimal;

use crate::i18n::*;
use crate::io::clock::today;
use crate::io::{files, xlsx_module};
use crate::state::use_app;
use crate::view::format;
use crate::view::messages::{located_issue, sheet_problem};

/// What reading a spreadsheet gave.
#[derive(Clone)]
enum Read {
    Plan {
        name: String,
        plan: Box<Plan>,
    },
    Problems {
        name: String,
        problems: Vec<Located>,
    },
    Unreadable(String),
}

/// The section of the editor.
#[component]
pub fn EditorPlanSheet() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let read = RwSignal::new(None::<Read>);
    let reading = RwSignal::new(false);
    let done = RwSignal::new(None::<usize>);
    let template_error = RwSignal::new(None::<String>);

    let on_template = move |_| {
        let lang = app.lang.get_untracked();
        let plan = app.plan.get_untracked();
        let name = format!("modello-{}.xlsx", plan.id);
        spawn_local(async move {
            let result = xlsx_module::template(&plan, today())
                .await
                .map_err(|e| e.message(lang))
                .and_then(|bytes| {
                    files::download_bytes(&name, &bytes, files::XLSX_MIME).map_err(|e| e.0)
                });
            template_error.set(result.err());
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        done.set(None);
        reading.set(true);
        spawn_local(async move {
            let lang = app.lang.get_untracked();
            let base = app.plan.get_untracked();
            let result = match files::read_file(&file).await {
                Ok(bytes) => xlsx_module::plan_from_file(&bytes, &name, &base)
                    .await
                    .map_err(|e| e.message(lang)),
                Err(e) => Err(crate::view::messages::import_error(&e, lang)),
            };
            reading.set(false);
            read.set(Some(match result {
                Ok(Ok(plan)) => Read::Plan {
                    name,
                    plan: Box::new(plan),
                },
                Ok(Err(problems)) => Read::Problems { name, problems },
                Err(reason) => Read::Unreadable(reason),
            }));
        });
    };
    let confirm = move |_| {
        let Some(Read::Plan { plan, .. }) = read.get_untracked() else {
            return;
        };
        let n = plan.objectives.len();
        match app.replace(
            Snapshot::new(*plan, Progress::new(), None),
            "plan from spreadsheet",
        ) {
            Ok(()) => {
                read.set(None);
                done.set(Some(n));
            }
            Err(e) => read.set(Some(Read::Unreadable(e.message(app.lang.get_untracked())))),
        }
    };

    view! {
        <section class="editor-section" id="plan-sheet" aria-labelledby="plan-sheet-heading">
            <h2 id="plan-sheet-heading">{t!(i18n, editor.sheet_heading)}</h2>
            <p class="hint">{t!(i18n, editor.sheet_hint)}</p>
            <div class="plan-actions">
                <button type="button" class="btn" id="plan-sheet-template" on:click=on_template>
                    {t!(i18n, editor.sheet_template)}
                </button>
            </div>
            <div class="field">
                <label for="plan-sheet-file" class="field-label">{t!(i18n, editor.sheet_file)}</label>
                <input type="file" id="plan-sheet-file"
                    accept=".xlsx,.xls,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                    on:change=on_file />
            </div>
            {move || template_error.get().map(|reason| view! {
                <p class="alert alert-danger" role="alert">{t!(i18n, editor.sheet_template_failed, reason = reason.clone())}</p>
            })}
            <Show when=move || reading.get()>
                <p role="status">{t!(i18n, editor.sheet_reading)}</p>
            </Show>
            {move || read.get().map(|r| match r {
                Read::Unreadable(reason) => view! {
                    <p class="alert alert-danger" role="alert" id="plan-sheet-error">{t!(i18n, editor.sheet_unreadable, reason = reason.clone())}</p>
                }.into_any(),
                Read::Problems { name, problems } => {
                    let lang = app.lang.get_untracked();
                    view! {
                        <div class="alert alert-danger" role="alert" id="plan-sheet-problems">
                            <p>{t!(i18n, editor.sheet_problems, name = name.clone())}</p>
                            <ul>{problems.iter().map(|p| view! { <li>{sheet_problem(p, lang)}</li> }).collect_view()}</ul>
                        </div>
                    }.into_any()
                }
                Read::Plan { name, plan } => view! { <SheetPreview name=name plan=*plan on_confirm=Callback::new(confirm) on_cancel=Callback::new(move |_| read.set(None)) /> }.into_any(),
            })}
            <p role="status" class="status-line">
                {move || done.get().map(|n| view! {
                    <span class="notice ok" id="plan-sheet-done">{t!(i18n, editor.sheet_done, objectives = move || n)}</span>
                })}
            </p>
        </section>
    }
}

/// The plan a spreadsheet gives, before it replaces the current one.
#[component]
fn SheetPreview(
    /// The file's name.
    name: String,
    /// The plan read.
    plan: Plan,
    /// Replaces the current plan.
    on_confirm: Callback<()>,
    /// Leaves everything as it is.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lang = app.lang.get_untracked();
    let report = validate_plan(&plan);
    let issues: Vec<String> = report
        .errors
        .iter()
        .chain(&report.warnings)
        .map(|i| located_issue(i, lang))
        .collect();
    let rows: Vec<(String, usize, Decimal)> = plan
        .areas
        .iter()
        .map(|a| {
            let weights: Vec<Decimal> = plan.objectives_of_area(&a.code).map(|(_, w)| w).collect();
            (a.code.clone(), weights.len(), weights.iter().copied().sum())
        })
        .filter(|(_, n, _)| *n > 0)
        .collect();
    let (objectives, areas) = (plan.objectives.len(), rows.len());
    view! {
        <div class="preview" id="plan-sheet-preview">
            <p>{t!(i18n, editor.sheet_preview, name = name.clone(), objectives = move || objectives, areas = move || areas)}</p>
            <table class="scores">
                <thead><tr>
                    <th scope="col">{t!(i18n, editor.sheet_col_area)}</th>
                    <th scope="col" class="num">{t!(i18n, editor.sheet_col_objectives)}</th>
                    <th scope="col" class="num">{t!(i18n, editor.sheet_col_weight)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(code, n, sum)| view! {
                        <tr data-area=code.clone()>
                            <th scope="row">{code.clone()}</th>
                            <td class="num">{n}</td>
                            <td class="num">{format!("{} %", format::decimal(sum, lang, 2))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>{t!(i18n, editor.sheet_checks)}</h3>
            {if issues.is_empty() {
                view! { <p>{t!(i18n, editor.sheet_no_issues)}</p> }.into_any()
            } else {
                view! { <ul id="plan-sheet-issues">{issues.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
            }}
            <p>{t!(i18n, editor.sheet_replace_explained)}</p>
            <button type="button" class="btn btn-primary" id="plan-sheet-confirm" on:click=move |_| on_confirm.run(())>
                {t!(i18n, editor.sheet_confirm)}
            </button>
            " "
            <button type="button" class="btn" id="plan-sheet-cancel" on:click=move |_| on_cancel.run(())>
                {t!(i18n, editor.sheet_cancel)}
            </button>
        </div>
    }
}
