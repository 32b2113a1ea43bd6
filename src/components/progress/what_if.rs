//! The what-if panel of the area screen: the manager tries values for the
//! area's indicators and sees the score they would give, next to the current
//! one, without saving anything.
//!
//! The tried values live in a local overlay (a signal of this component, never
//! the app state): the engine scores saved progress with the overlay laid over
//! it, in a Memo. Only "Apply" records them, through [`AppState::record`], so
//! they are stamped, kept in the history and saved like any other change;
//! "Reset" drops the overlay. What a tried value means, the overlay's score and
//! what "Apply" writes are decided in `crate::view::what_if`; this component
//! renders the fields and wires them.

use chrono::NaiveDate;
use cruscotto_engine::{Indicator, IndicatorKind, ProgressEntry};
use leptos::prelude::*;

use crate::components::fields::date_field::DateField;

use crate::components::progress::milestone_input::milestone_levels;
use crate::components::progress::what_if_confirm::{saved_text, WhatIfConfirm};
use crate::i18n::*;
use crate::state::{use_app, AppState};
use crate::view::format;
use crate::view::ids::dom_id;
use crate::view::what_if::{
    apply_preview, area_progress, changed, status, tried_entry, tried_score, what_if_rows,
    write_measurement, Overlay, WhatIfRow, WhatIfStatus,
};

/// Records every changed tried value through the app state, so each is stamped
/// and saved as if typed on the objective page.
/// A per-area objective's tried value is recorded as the area's own result.
fn apply(app: &AppState, area: &str, changes: Vec<(String, ProgressEntry)>) {
    for (id, tried) in changes {
        app.record(&id, Some(area), |e| write_measurement(e, &tried));
    }
}

/// The field for one indicator's tried value, starting at the saved value.
#[component]
fn TryField(
    /// The indicator whose value is tried.
    indicator: Indicator,
    /// The readable name, for the field's label.
    name: String,
    /// Whether milestones may take level 2.
    intermediate: bool,
    /// The overlay the field writes to.
    overlay: RwSignal<Overlay>,
    /// What the area's result records now: the field starts from it.
    saved: Option<ProgressEntry>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let id = indicator.id.clone();
    let field_id = dom_id("whatif-", &id);
    let error_id = dom_id("whatif-error-", &id);
    // The starting value is read once: the field is rebuilt on Reset and Apply.
    let lang = app.lang.get_untracked();
    let label = {
        let name = name.clone();
        move || format!("{} {name}", t_string!(i18n, history.whatif_try_label))
    };
    let set = {
        let id = id.clone();
        move |tried: ProgressEntry| {
            overlay.update(|o| {
                o.insert(id.clone(), tried);
            })
        }
    };
    let field = match indicator.kind {
        IndicatorKind::Milestone => {
            let current = saved.as_ref().and_then(|e| e.level);
            let on_change = move |ev: leptos::ev::Event| {
                if let Ok(tried) = tried_entry(
                    IndicatorKind::Milestone,
                    &event_target_value(&ev),
                    app.lang.get_untracked(),
                ) {
                    set(tried);
                }
            };
            let options = milestone_levels(intermediate)
                .into_iter()
                .map(|l| {
                    view! { <option value=l.to_string() selected=current == Some(l)>{l.to_string()}</option> }
                })
                .collect_view();
            view! {
                <select id=field_id.clone() data-indicator=id.clone() on:change=on_change>
                    <option value="" selected=current.is_none()>{t!(i18n, history.whatif_not_assessed)}</option>
                    {options}
                </select>
            }
            .into_any()
        }
        IndicatorKind::Number => {
            let error = RwSignal::new(false);
            let start = saved
                .as_ref()
                .and_then(|e| e.value)
                .map(|v| format::decimal(v, lang, 28))
                .unwrap_or_default();
            let on_input = move |ev: leptos::ev::Event| {
                let text = event_target_value(&ev);
                match tried_entry(IndicatorKind::Number, &text, app.lang.get_untracked()) {
                    Ok(tried) => {
                        error.set(false);
                        set(tried);
                    }
                    Err(_) => error.set(true),
                }
            };
            let unit = format::Unit::of(&indicator);
            view! {
                <input
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    id=field_id.clone()
                    data-indicator=id.clone()
                    value=start
                    aria-invalid=move || if error.get() { "true" } else { "false" }
                    aria-describedby=error_id.clone()
                    on:input=on_input
                />
                {unit.map(|u| view! { " "<span class="unit">{move || u.text(app.lang.get())}</span> })}
                <span class="field-error" id=error_id.clone() hidden=move || !error.get()>
                    {t!(i18n, history.whatif_invalid)}
                </span>
            }
            .into_any()
        }
        IndicatorKind::Date => {
            let tried = RwSignal::new(saved.as_ref().and_then(|e| e.done_on));
            view! {
                <DateField
                    id=field_id.clone()
                    value=tried
                    data_indicator=Some(id.clone())
                    on_change=Callback::new(move |done_on: Option<NaiveDate>| {
                        tried.set(done_on);
                        set(ProgressEntry { done_on, ..ProgressEntry::default() });
                    })
                />
            }
            .into_any()
        }
    };
    view! {
        <label class="visually-hidden" for=field_id.clone()>{label}</label>
        {field}
    }
}

/// The what-if panel for one area.
#[component]
pub fn WhatIfPanel(
    /// The area's code.
    code: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let overlay = RwSignal::new(Overlay::new());
    // Bumped on Reset and Apply so the fields start again from saved values.
    let generation = RwSignal::new(0u32);
    let applied = RwSignal::new(false);
    let rows = {
        let code = code.clone();
        Memo::new(move |_| app.plan.with(|p| what_if_rows(p, &code)))
    };
    let current = {
        let code = code.clone();
        Memo::new(move |_| app.scorecard.with(|c| c.area(&code).and_then(|a| a.score)))
    };
    let tried = {
        let code = code.clone();
        Memo::new(move |_| {
            app.plan
                .with(|plan| app.with_results(|r| overlay.with(|o| tried_score(plan, r, o, &code))))
        })
    };
    // The area's own results by indicator id (its result of a per-area
    // objective, the shared one otherwise): what the fields start from and
    // what "Apply" compares with.
    let saved = {
        let code = code.clone();
        Memo::new(move |_| {
            app.plan
                .with(|plan| app.with_results(|r| area_progress(plan, r, &code)))
        })
    };
    let changes = Memo::new(move |_| saved.with(|p| overlay.with(|o| changed(p, o))));
    let intermediate = Memo::new(move |_| app.plan.with(|p| p.scoring.intermediate_level));

    let reset = move |_| {
        overlay.set(Overlay::new());
        applied.set(false);
        generation.update(|g| *g += 1);
    };
    // "Apply" first shows what it would write and whose scores move
    // (a shared indicator moves every area it weighs in, not only this one),
    // and writes only what the user confirms: an emptied field is kept unless
    // its box is ticked.
    let confirming = RwSignal::new(false);
    let clear = RwSignal::new(Vec::<String>::new());
    let preview = {
        let code = code.clone();
        Memo::new(move |_| {
            let (changes, clear) = (changes.get(), clear.get());
            app.plan
                .with(|plan| app.with_results(|r| apply_preview(plan, r, &changes, &code, &clear)))
        })
    };
    let on_apply = move |_| {
        clear.set(Vec::new());
        confirming.set(true);
    };
    let apply_code = code.clone();
    let on_confirm = Callback::new(move |()| {
        let writes = preview.with_untracked(|p| clear.with_untracked(|c| p.confirmed(c)));
        apply(&app, &apply_code, writes);
        confirming.set(false);
        overlay.set(Overlay::new());
        applied.set(true);
        generation.update(|g| *g += 1);
    });
    let on_cancel = Callback::new(move |()| confirming.set(false));

    // Keyed by generation as well as id: Reset and Apply give every row new
    // DOM nodes, so the fields really start again from the saved values (a
    // rebuild in place would keep what the user had typed or selected).
    let keyed_rows = move || {
        let g = generation.get();
        rows.get().into_iter().map(|r| (g, r)).collect::<Vec<_>>()
    };
    let row_view = move |(_, r): (u32, WhatIfRow)| {
        let lang = app.lang.get_untracked();
        let intermediate = intermediate.get_untracked();
        let entry = saved.with_untracked(|p| p.get(&r.indicator.id).cloned());
        let saved = saved_text(&r.indicator, entry.as_ref(), lang);
        view! {
            <tr data-indicator=r.indicator.id.clone()>
                <th scope="row">{r.name.clone()}</th>
                <td class="saved">{saved.unwrap_or_else(|| "—".into())}</td>
                <td class="try">
                    <TryField indicator=r.indicator.clone() name=r.name.clone() intermediate=intermediate overlay=overlay saved=entry />
                </td>
            </tr>
        }
    };
    let lang = move || app.lang.get();
    let count = move || changes.with(Vec::len);

    view! {
        <div class="what-if-panel" id="what-if-panel">
            <p>{t!(i18n, history.whatif_intro)}</p>
            <div class="summary-grid" aria-live="polite">
                <div class="summary-item">
                    <span class="summary-label">{t!(i18n, history.whatif_current)}</span>
                    <span class="summary-value" id="whatif-current">{move || format::level(current.get(), lang())}</span>
                </div>
                <div class="summary-item whatif-result">
                    <span class="summary-label">{t!(i18n, history.whatif_result)}</span>
                    <span class="summary-value" id="whatif-score">{move || format::level(tried.get(), lang())}</span>
                </div>
            </div>
            <p class="hint" id="whatif-status" role="status">
                {move || match status(count(), applied.get()) {
                    WhatIfStatus::Changed(_) => t!(i18n, history.whatif_changed, count = count).into_any(),
                    WhatIfStatus::Applied => t!(i18n, history.whatif_applied).into_any(),
                    WhatIfStatus::Unchanged => t!(i18n, history.whatif_unchanged).into_any(),
                }}
            </p>
            <div class="table-scroll">
                <table class="scores what-if-table">
                    <caption>{t!(i18n, history.whatif_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, history.whatif_col_indicator)}</th>
                            <th scope="col">{t!(i18n, history.whatif_col_saved)}</th>
                            <th scope="col">{t!(i18n, history.whatif_col_try)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=keyed_rows
                            key=|(g, r): &(u32, WhatIfRow)| (*g, r.indicator.id.clone())
                            children=row_view
                        />
                    </tbody>
                </table>
            </div>
            <p class="what-if-actions">
                <button type="button" class="btn" id="whatif-apply" disabled=move || count() == 0 || confirming.get()
                    aria-expanded=move || confirming.get().to_string() aria-controls="whatif-confirm" on:click=on_apply>
                    {t!(i18n, history.whatif_apply)}
                </button>" "
                <button type="button" class="btn btn-secondary" id="whatif-reset" on:click=move |ev| {
                    confirming.set(false);
                    reset(ev);
                }>
                    {t!(i18n, history.whatif_reset)}
                </button>
            </p>
            <Show when=move || { confirming.get() && count() > 0 }>
                <WhatIfConfirm preview=preview rows=rows clear=clear on_confirm=on_confirm on_cancel=on_cancel />
            </Show>
        </div>
    }
}
