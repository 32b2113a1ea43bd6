//! The manager submits the area: first what is not assessed or lacks the
//! evidence the plan asks for (warnings, not a block), then the state
//! "submitted" with its seal, and the area's file downloaded for the office.

use cruscotto_engine::cycle::submission_check;
use cruscotto_engine::ReviewState;
use leptos::prelude::*;

use crate::components::transfer::export_now::download_snapshot;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::evidence::short_digest;
use crate::view::messages::cycle_error;

/// What happened when the manager submitted.
#[derive(Clone)]
enum Outcome {
    Done { seal: String, file: String },
    NotDownloaded(String),
    Refused(String),
}

/// The "submit to the office" button and its check.
#[component]
pub fn SubmitPanel(
    /// The area's code (the device's own area).
    code: String,
    /// The area's state now.
    #[prop(into)]
    state: Signal<ReviewState>,
    /// The results changed after the last submission.
    #[prop(into)]
    seal_broken: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let code = StoredValue::new(code);
    let open = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let check = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        Some(submission_check(&app.tracked_snapshot(), &code.get_value()))
    });
    let objective_title = move |id: &str| {
        app.plan
            .with(|p| p.objective(id).map_or(id.to_string(), |o| o.title.clone()))
    };
    let result_name = move |key: &cruscotto_engine::ResultKey| {
        app.plan.with(|p| {
            p.indicator(&key.indicator)
                .map_or(key.indicator.clone(), |(o, i)| match &i.label {
                    Some(l) if o.indicators.len() > 1 => format!("{} ({l})", o.title),
                    _ => o.title.clone(),
                })
        })
    };
    let submit = move |_| {
        let lang = app.lang.get_untracked();
        let area = code.get_value();
        outcome.set(Some(match app.submit_area(&area) {
            Err(e) => Outcome::Refused(cycle_error(&e, lang)),
            Ok(seal) => match download_snapshot(&app, Some(&area)) {
                Ok(file) => Outcome::Done { seal, file },
                Err(e) => Outcome::NotDownloaded(e),
            },
        }));
        open.set(false);
    };
    let can_submit = move || {
        !matches!(state.get(), ReviewState::Validated)
            && (state.get() != ReviewState::Submitted || seal_broken.get())
    };
    let label = move || {
        if state.get() == ReviewState::Draft {
            t!(i18n, cycle.submit_button).into_any()
        } else {
            t!(i18n, cycle.submit_again_button).into_any()
        }
    };
    let check_view = move || {
        check.get().map(|c| {
            let not_assessed = (!c.not_assessed.is_empty()).then(|| {
                let count = c.not_assessed.len();
                let items = c.not_assessed.iter().map(|id| view! { <li>{objective_title(id)}</li> }).collect_view();
                view! { <p>{t!(i18n, cycle.submit_not_assessed, count = count)}</p><ul id="submit-not-assessed">{items}</ul> }
            });
            let missing = (!c.missing_evidence.is_empty()).then(|| {
                let count = c.missing_evidence.len();
                let items = c.missing_evidence.iter().map(|k| view! { <li>{result_name(k)}</li> }).collect_view();
                view! { <p>{t!(i18n, cycle.submit_missing_evidence, count = count)}</p><ul id="submit-missing-evidence">{items}</ul> }
            });
            let clean = c.is_clean();
            view! {
                <div class=if clean { "alert alert-success" } else { "alert alert-warning" } role="status">
                    {clean.then(|| view! { <p>{t!(i18n, cycle.submit_all_good)}</p> })}
                    {not_assessed}
                    {missing}
                    {(!clean).then(|| view! { <p>{t!(i18n, cycle.submit_warn_only)}</p> })}
                </div>
            }
        })
    };
    view! {
        <div class="submit-area">
            <Show when=move || can_submit() && !open.get()>
                <button type="button" class="btn btn-primary" id="submit-area" on:click=move |_| { outcome.set(None); open.set(true); }>
                    {label}
                </button>
            </Show>
            <Show when=move || open.get()>
                <div class="submit-panel" id="submit-panel" role="group" aria-labelledby="submit-heading">
                    <h3 id="submit-heading">{t!(i18n, cycle.submit_heading)}</h3>
                    <p>{t!(i18n, cycle.submit_intro)}</p>
                    {check_view}
                    <p class="actions">
                        <button type="button" class="btn btn-primary" id="submit-confirm" on:click=submit>
                            {t!(i18n, cycle.submit_confirm)}
                        </button>" "
                        <button type="button" class="btn" id="submit-cancel" on:click=move |_| open.set(false)>
                            {t!(i18n, cycle.submit_cancel)}
                        </button>
                    </p>
                </div>
            </Show>
            <p aria-live="polite" id="submit-status">
                {move || outcome.get().map(|o| match o {
                    Outcome::Done { seal, file } => {
                        let seal = short_digest(&seal).to_string();
                        view! { <span class="text-success">{t!(i18n, cycle.submit_done, seal = seal.clone(), name = file.clone())}</span> }.into_any()
                    }
                    Outcome::NotDownloaded(reason) => view! { <span class="text-danger">{t!(i18n, cycle.submit_download_failed, reason = reason.clone())}</span> }.into_any(),
                    Outcome::Refused(reason) => view! { <span class="text-danger">{t!(i18n, cycle.submit_refused, reason = reason.clone())}</span> }.into_any(),
                })}
            </p>
        </div>
    }
}
