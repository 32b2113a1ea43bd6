//! The assessment of a qualitative milestone: a radio group of the levels the
//! plan allows, and "not assessed" to clear it.

use cruscotto_engine::ResultKey;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::ids::result_dom_id;

/// The levels a milestone may be given: 0, 1, 3, 4, and 2 only when the plan
/// allows the intermediate level.
pub fn milestone_levels(intermediate: bool) -> Vec<u8> {
    if intermediate {
        vec![0, 1, 2, 3, 4]
    } else {
        vec![0, 1, 3, 4]
    }
}

/// Radio buttons for a milestone's level.
#[component]
pub fn MilestoneInput(
    /// The result recorded: an indicator's, or one area's of a per-area
    /// objective.
    key: ResultKey,
    /// Whether level 2 (intermediate) is offered.
    intermediate: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = result_dom_id("level-", &key);
    let stored = {
        let key = key.clone();
        Memo::new(move |_| app.with_entry(&key, |e| e.and_then(|e| e.level)))
    };
    let option = move |value: Option<u8>| {
        let key = key.clone();
        let input_id = match value {
            Some(v) => format!("{name}-{v}"),
            None => format!("{name}-none"),
        };
        let label = match value {
            Some(0) => t!(i18n, objective.level_0).into_any(),
            Some(1) => t!(i18n, objective.level_1).into_any(),
            Some(2) => t!(i18n, objective.level_2).into_any(),
            Some(3) => t!(i18n, objective.level_3).into_any(),
            Some(_) => t!(i18n, objective.level_4).into_any(),
            None => t!(i18n, objective.not_assessed).into_any(),
        };
        let on_change =
            move |_| app.record(&key.indicator, key.area.as_deref(), |e| e.level = value);
        view! {
            <div class="radio-option">
                <input
                    type="radio"
                    id=input_id.clone()
                    name=name.clone()
                    value=value.map_or_else(|| "none".to_string(), |v| v.to_string())
                    prop:checked=move || stored.get() == value
                    on:change=on_change
                />
                <label for=input_id>{label}</label>
            </div>
        }
    };
    let options: Vec<Option<u8>> = milestone_levels(intermediate)
        .into_iter()
        .map(Some)
        .chain(std::iter::once(None))
        .collect();
    view! {
        <fieldset class="milestone-input">
            <legend>{t!(i18n, objective.milestone_legend)}</legend>
            {options.into_iter().map(option).collect_view()}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intermediate_level_only_when_allowed() {
        assert_eq!(milestone_levels(false), [0, 1, 3, 4]);
        assert_eq!(milestone_levels(true), [0, 1, 2, 3, 4]);
    }
}
