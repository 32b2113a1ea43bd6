//! What "Apply" on the what-if panel would write, shown before anything is
//! written: each measurement (saved → tried), which other areas share it,
//! every area whose score moves, and for a field emptied over a recorded
//! measurement a box to tick before it is deleted (unticked, it is kept).
//! Also how a saved or tried value reads in the panel (`saved_text`).

use cruscotto_engine::{Indicator, ProgressEntry};
use leptos::prelude::*;

use crate::components::focus::focus_soon;
use crate::components::progress::indicator_history::recorded_text;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::ids::dom_id;
use crate::view::what_if::{ApplyPreview, PlannedWrite, WhatIfRow};

/// What is saved for an indicator, as the panel shows it; `None` when nothing.
pub fn saved_text(
    indicator: &Indicator,
    entry: Option<&ProgressEntry>,
    lang: Lang,
) -> Option<String> {
    let entry = entry?;
    recorded_text(indicator, entry, lang).or_else(|| entry.level.map(|l| l.to_string()))
}

/// The confirmation of the what-if panel's "Apply".
#[component]
pub fn WhatIfConfirm(
    /// What would be written and whose scores would move, live.
    preview: Memo<ApplyPreview>,
    /// The panel's rows, for each indicator's name and kind.
    rows: Memo<Vec<WhatIfRow>>,
    /// The emptied fields the user agreed to delete (indicator ids).
    clear: RwSignal<Vec<String>>,
    /// Writes what the user confirmed.
    on_confirm: Callback<()>,
    /// Goes back to the panel, writing nothing.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    focus_soon("whatif-confirm-heading");

    let write_view = move |w: PlannedWrite| {
        let lang = app.lang.get();
        let row = rows.with(|r| r.iter().find(|r| r.indicator.id == w.indicator).cloned());
        let Some(row) = row else { return ().into_any() };
        let empty = || t_string!(i18n, history.whatif_confirm_empty).to_string();
        let saved = saved_text(&row.indicator, Some(&w.saved), lang).unwrap_or_else(empty);
        let tried = saved_text(&row.indicator, Some(&w.tried), lang).unwrap_or_else(empty);
        let shared = (!w.shared_with.is_empty()).then(|| {
            let areas = w.shared_with.join(", ");
            view! { <span class="whatif-shared">" · "{t!(i18n, history.whatif_confirm_shared, areas = areas)}</span> }
        });
        let clear_box = w.clears.then(|| {
            let id = dom_id("whatif-clear-", &w.indicator);
            let indicator = w.indicator.clone();
            let checked = {
                let indicator = indicator.clone();
                move || clear.with(|c| c.contains(&indicator))
            };
            let saved = saved.clone();
            view! {
                <span class="check-option whatif-clear">
                    <input type="checkbox" id=id.clone() prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            clear.update(|c| {
                                c.retain(|i| *i != indicator);
                                if on {
                                    c.push(indicator.clone());
                                }
                            });
                        } />
                    <label for=id>{t!(i18n, history.whatif_confirm_clear, value = saved)}</label>
                </span>
            }
        });
        view! {
            <li data-indicator=w.indicator.clone() class:clears=w.clears>
                <strong>{row.name}</strong>": "{saved}" → "{tried}
                {shared}
                {clear_box}
            </li>
        }
        .into_any()
    };
    let moved_view = move || {
        let lang = app.lang.get();
        let moved = preview.with(|p| p.moved.clone());
        if moved.is_empty() {
            return view! { <p id="whatif-moved-none">{t!(i18n, history.whatif_confirm_none_moved)}</p> }
                .into_any();
        }
        let items = moved
            .into_iter()
            .map(|m| {
                view! {
                    <li data-area=m.area.clone()>
                        <strong>{m.area.clone()}</strong>": "
                        {format::level(m.before, lang)}" → "{format::level(m.after, lang)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <p>{t!(i18n, history.whatif_confirm_moved)}</p>
            <ul id="whatif-moved">{items}</ul>
        }
        .into_any()
    };

    view! {
        <section class="what-if-confirm" id="whatif-confirm" aria-labelledby="whatif-confirm-heading">
            <h4 id="whatif-confirm-heading" tabindex="-1">{t!(i18n, history.whatif_confirm_heading)}</h4>
            <ul class="whatif-writes" id="whatif-writes">
                {move || preview.get().writes.into_iter().map(write_view).collect_view()}
            </ul>
            {moved_view}
            <p class="what-if-actions">
                <button type="button" class="btn" id="whatif-confirm-apply" on:click=move |_| on_confirm.run(())>
                    {t!(i18n, history.whatif_confirm_apply)}
                </button>" "
                <button type="button" class="btn btn-secondary" id="whatif-confirm-cancel" on:click=move |_| on_cancel.run(())>
                    {t!(i18n, history.whatif_confirm_cancel)}
                </button>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use cruscotto_engine::default_snapshot;

    use super::*;

    #[test]
    fn saved_values_are_shown_with_units_levels_or_nothing() {
        let plan = default_snapshot().plan;
        let (_, n) = plan.indicator("rotazione-rup-i1").expect("indicator");
        let missed = ProgressEntry {
            level: Some(0),
            ..ProgressEntry::default()
        };
        assert_eq!(saved_text(n, Some(&missed), Lang::It).as_deref(), Some("0"));
        assert_eq!(saved_text(n, None, Lang::It), None);
    }
}
