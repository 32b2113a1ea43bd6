//! The what-if panel of the area screen: the manager tries values for the
//! area's indicators and sees the score they would give, next to the current
//! one, without saving anything.
//!
//! The tried values live in a local overlay (a signal of this component, never
//! the app state): the engine scores saved progress with the overlay laid over
//! it, in a Memo. Only "Apply" records them, through [`AppState::record`], so
//! they are stamped, kept in the history and saved like any other change;
//! "Reset" drops the overlay.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use cruscotto_engine::{Indicator, IndicatorKind, Lang, Plan, Progress, ProgressEntry};
use leptos::prelude::*;

use crate::components::progress::date_input::parse_date_field;
use crate::components::progress::indicator_history::recorded_text;
use crate::components::progress::milestone_input::milestone_levels;
use crate::i18n::*;
use crate::state::{use_app, AppState};
use crate::view::format::{self, parse_number, NumberInputError};
use crate::view::ids::dom_id;

/// The tried measurements by indicator id: only `level`, `value` and `done_on`
/// count.
pub type Overlay = BTreeMap<String, ProgressEntry>;

/// One indicator of the area, as the panel lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIfRow {
    pub indicator: Indicator,
    /// The objective's title, with the indicator's label when it has several.
    pub name: String,
}

/// The indicators of the area's objectives, in plan order.
pub fn what_if_rows(plan: &Plan, area: &str) -> Vec<WhatIfRow> {
    plan.objectives_of_area(area)
        .flat_map(|(o, _)| {
            let several = o.indicators.len() > 1;
            o.indicators.iter().map(move |i| WhatIfRow {
                indicator: i.clone(),
                name: match i.label.as_deref().filter(|_| several) {
                    Some(l) => format!("{} – {l}", o.title),
                    None => o.title.clone(),
                },
            })
        })
        .collect()
}

/// The measurement fields of `entry` replaced by the tried ones.
fn with_measurement(entry: &ProgressEntry, tried: &ProgressEntry) -> ProgressEntry {
    ProgressEntry {
        level: tried.level,
        value: tried.value,
        done_on: tried.done_on,
        ..entry.clone()
    }
}

/// The progress as it would be with the tried values: saved progress with the
/// overlay's measurements laid over it (notes and history kept).
pub fn with_overlay(progress: &Progress, overlay: &Overlay) -> Progress {
    let mut out = progress.clone();
    for (id, tried) in overlay {
        let saved = out.get(id).cloned().unwrap_or_default();
        out.insert(id.clone(), with_measurement(&saved, tried));
    }
    out
}

/// The indicators whose tried measurement differs from the saved one: what
/// "Apply" would record.
pub fn changed(progress: &Progress, overlay: &Overlay) -> Vec<(String, ProgressEntry)> {
    overlay
        .iter()
        .filter(|(id, tried)| {
            let saved = progress.get(*id).cloned().unwrap_or_default();
            !saved.same_measurement(tried)
        })
        .map(|(id, tried)| (id.clone(), tried.clone()))
        .collect()
}

/// Records every changed tried value through the app state, so each is stamped
/// and saved as if typed on the objective page.
pub fn apply(app: &AppState, changes: Vec<(String, ProgressEntry)>) {
    for (id, tried) in changes {
        app.record(&id, None, |e| {
            e.level = tried.level;
            e.value = tried.value;
            e.done_on = tried.done_on;
        });
    }
}

/// What is saved for an indicator, as the panel shows it; `None` when nothing.
pub fn saved_text(
    indicator: &Indicator,
    entry: Option<&ProgressEntry>,
    lang: Lang,
) -> Option<String> {
    let entry = entry?;
    recorded_text(indicator, entry, lang).or_else(|| entry.level.map(|l| l.to_string()))
}

/// A measurement that only sets a level (`None`: not assessed).
fn level_entry(level: Option<u8>) -> ProgressEntry {
    ProgressEntry {
        level,
        ..ProgressEntry::default()
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
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let id = indicator.id.clone();
    let field_id = dom_id("whatif-", &id);
    let error_id = dom_id("whatif-error-", &id);
    // The starting value is read once: the field is rebuilt on Reset and Apply.
    let saved = app.progress.with_untracked(|p| p.get(&id).cloned());
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
                let v = event_target_value(&ev);
                set(level_entry(v.parse::<u8>().ok()));
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
                match parse_number(&text, app.lang.get_untracked()) {
                    Ok(v) => {
                        error.set(false);
                        set(ProgressEntry {
                            value: Some(v),
                            ..ProgressEntry::default()
                        });
                    }
                    Err(NumberInputError::Empty) => {
                        error.set(false);
                        set(ProgressEntry::default());
                    }
                    Err(NumberInputError::NotANumber) => error.set(true),
                }
            };
            let unit = indicator.unit.clone().filter(|u| !u.trim().is_empty());
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
                {unit.map(|u| view! { " "<span class="unit">{u}</span> })}
                <span class="field-error" id=error_id.clone() hidden=move || !error.get()>
                    {t!(i18n, history.whatif_invalid)}
                </span>
            }
            .into_any()
        }
        IndicatorKind::Date => {
            let start = saved
                .as_ref()
                .and_then(|e| e.done_on)
                .map(|d: NaiveDate| d.to_string())
                .unwrap_or_default();
            let on_change = move |ev: leptos::ev::Event| {
                let done_on = parse_date_field(&event_target_value(&ev));
                set(ProgressEntry {
                    done_on,
                    ..ProgressEntry::default()
                });
            };
            view! {
                <input
                    type="date"
                    id=field_id.clone()
                    data-indicator=id.clone()
                    value=start
                    on:input=on_change.clone()
                    on:change=on_change
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
            let progress = app.progress.with(|p| overlay.with(|o| with_overlay(p, o)));
            app.plan
                .with(|plan| plan.score(&progress).area(&code).and_then(|a| a.score))
        })
    };
    let changes = Memo::new(move |_| app.progress.with(|p| overlay.with(|o| changed(p, o))));
    let intermediate = Memo::new(move |_| app.plan.with(|p| p.scoring.intermediate_level));

    let reset = move |_| {
        overlay.set(Overlay::new());
        applied.set(false);
        generation.update(|g| *g += 1);
    };
    let on_apply = move |_| {
        apply(&app, changes.get_untracked());
        overlay.set(Overlay::new());
        applied.set(true);
        generation.update(|g| *g += 1);
    };

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
        let saved = app
            .progress
            .with_untracked(|p| saved_text(&r.indicator, p.get(&r.indicator.id), lang));
        view! {
            <tr data-indicator=r.indicator.id.clone()>
                <th scope="row">{r.name.clone()}</th>
                <td class="saved">{saved.unwrap_or_else(|| "—".into())}</td>
                <td class="try">
                    <TryField indicator=r.indicator.clone() name=r.name.clone() intermediate=intermediate overlay=overlay />
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
                {move || if count() > 0 {
                    t!(i18n, history.whatif_changed, count = count).into_any()
                } else if applied.get() {
                    t!(i18n, history.whatif_applied).into_any()
                } else {
                    t!(i18n, history.whatif_unchanged).into_any()
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
                <button type="button" class="btn" id="whatif-apply" disabled=move || count() == 0 on:click=on_apply>
                    {t!(i18n, history.whatif_apply)}
                </button>" "
                <button type="button" class="btn btn-secondary" id="whatif-reset" on:click=reset>
                    {t!(i18n, history.whatif_reset)}
                </button>
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use cruscotto_engine::default_snapshot;
    use rust_decimal::Decimal;

    use super::*;

    fn level(l: u8) -> ProgressEntry {
        level_entry(Some(l))
    }

    #[test]
    fn the_rows_are_the_indicators_of_the_areas_objectives() {
        let plan = default_snapshot().plan;
        let rows = what_if_rows(&plan, "ATE");
        // ATE's 10 objectives, the RUP rotation with two indicators (the
        // percentage and the report, both required).
        assert_eq!(rows.len(), 11);
        assert!(rows
            .iter()
            .any(|r| r.indicator.id == "riassetto-bassini-i1"));
    }

    #[test]
    fn the_overlay_changes_the_score_and_leaves_notes_and_saved_progress_alone() {
        let plan = default_snapshot().plan;
        let mut saved = Progress::new();
        saved.insert(
            "riassetto-bassini-i1".into(),
            ProgressEntry {
                level: Some(1),
                note: Some("avviato".into()),
                ..ProgressEntry::default()
            },
        );
        let before = saved.clone();
        let mut overlay = Overlay::new();
        overlay.insert("riassetto-bassini-i1".into(), level(4));
        overlay.insert("impianti-fotovoltaici-i1".into(), level(3));
        let tried = with_overlay(&saved, &overlay);
        assert_eq!(saved, before);
        assert_eq!(tried["riassetto-bassini-i1"].level, Some(4));
        assert_eq!(
            tried["riassetto-bassini-i1"].note.as_deref(),
            Some("avviato")
        );
        let score = |p: &Progress| plan.score(p).area("ATE").and_then(|a| a.score);
        assert_eq!(score(&saved), Some(Decimal::ONE));
        // (15·4 + 15·3) / 30
        assert_eq!(score(&tried), Decimal::from_str("3.5").ok());
    }

    #[test]
    fn only_values_that_differ_from_the_saved_ones_are_applied() {
        let mut saved = Progress::new();
        saved.insert("a".into(), level(3));
        let mut overlay = Overlay::new();
        overlay.insert("a".into(), level(3));
        overlay.insert("b".into(), level(1));
        overlay.insert("c".into(), ProgressEntry::default());
        let ids: Vec<String> = changed(&saved, &overlay)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(ids, ["b"]);
    }

    #[test]
    fn saved_values_are_shown_with_units_levels_or_nothing() {
        let plan = default_snapshot().plan;
        let (_, n) = plan.indicator("rotazione-rup-i1").expect("indicator");
        let missed = level(0);
        assert_eq!(saved_text(n, Some(&missed), Lang::It).as_deref(), Some("0"));
        assert_eq!(saved_text(n, None, Lang::It), None);
    }
}
