//! The measured value of a number indicator, typed as people write numbers
//! (`1.234.567,89` in Italian), with what is still needed for the next level.
//!
//! The field is not bound to the stored value on every keystroke: an invalid
//! text stays in the field with its error, and nothing is stored, so a typo
//! never silently changes a score.

use cruscotto_engine::scoring::next_level_value;
use cruscotto_engine::{Direction, Indicator, ResultKey};
use leptos::html;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format::{self, parse_number, NumberInputError};
use crate::view::ids::result_dom_id;
use crate::view::levels::{band, band_name};

/// The stored value as it is written back into the field.
fn field_text(value: Option<Decimal>, lang: Lang) -> String {
    value.map_or_else(String::new, |v| format::decimal(v, lang, 28))
}

/// Whether the field's text already says the stored value (so it must not be
/// overwritten while the person types).
pub fn in_step(text: &str, stored: Option<Decimal>, lang: Lang) -> bool {
    match parse_number(text, lang) {
        Ok(x) => Some(x) == stored,
        Err(NumberInputError::Empty) => stored.is_none(),
        Err(NumberInputError::NotANumber) => false,
    }
}

/// The next level and the value that reaches it, written for the reader:
/// `("3 · target", "39.403.198 kWh")`, or `None` at excellence.
pub fn still_needed(
    indicator: &Indicator,
    current: Option<Decimal>,
    lang: Lang,
) -> Option<(String, String)> {
    let (level, value) = next_level_value(indicator, current)?;
    let name = band_name(band(Some(Decimal::from(level))), lang);
    let value = format::decimal(value, lang, 10);
    let value = match indicator.unit.as_deref().filter(|u| !u.trim().is_empty()) {
        Some(u) => format!("{value} {u}"),
        None => value,
    };
    Some((format!("{level} · {name}"), value))
}

/// A text field for a number indicator's measured value.
#[component]
pub fn NumberInput(
    /// The number indicator whose value is recorded.
    indicator: Indicator,
    /// The result recorded: the indicator's, or one area's of a per-area
    /// objective.
    key: ResultKey,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let input_id = result_dom_id("value-", &key);
    let hint_id = result_dom_id("value-hint-", &key);
    let error_id = result_dom_id("value-error-", &key);
    let still_needed_id = result_dom_id("still-needed-", &key);
    let stored = {
        let key = key.clone();
        Memo::new(move |_| app.with_entry(&key, |e| e.and_then(|e| e.value)))
    };
    let error = RwSignal::new(None::<NumberInputError>);
    let field = NodeRef::<html::Input>::new();

    // Puts the stored value in the field at first, and again when it changes
    // from elsewhere (an import, a restored backup) or the language changes the
    // way numbers are written. A field showing an error is left as typed.
    Effect::new(move |_| {
        let lang = app.lang.get();
        let value = stored.get();
        let Some(el) = field.get() else { return };
        if error.get_untracked().is_none() && !in_step(&el.value(), value, lang) {
            el.set_value(&field_text(value, lang));
        }
    });

    let on_input = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let lang = app.lang.get_untracked();
            match parse_number(&text, lang) {
                Ok(v) => {
                    error.set(None);
                    if stored.get_untracked() != Some(v) {
                        app.record(&key.indicator, key.area.as_deref(), |e| {
                            e.value = Some(v);
                            e.level = None;
                        });
                    }
                }
                Err(NumberInputError::Empty) => {
                    error.set(None);
                    if stored.get_untracked().is_some() {
                        app.record(&key.indicator, key.area.as_deref(), |e| e.value = None);
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };

    let describedby = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            if error.with(Option::is_some) {
                format!("{error_id} {hint_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let direction = match indicator.effective_direction() {
        Direction::Higher => t!(i18n, objective.direction_higher).into_any(),
        Direction::Lower => t!(i18n, objective.direction_lower).into_any(),
    };
    let lower = indicator.effective_direction() == Direction::Lower;
    let unit = indicator.unit.clone().filter(|u| !u.trim().is_empty());
    let needed = Memo::new(move |_| still_needed(&indicator, stored.get(), app.lang.get()));
    let needed_view = move || match needed.get() {
        Some((level, value)) if lower => {
            view! { {t!(i18n, objective.still_needed_lower, level = level, value = value)} }
                .into_any()
        }
        Some((level, value)) => {
            view! { {t!(i18n, objective.still_needed_higher, level = level, value = value)} }
                .into_any()
        }
        None => view! { {t!(i18n, objective.top_reached)} }.into_any(),
    };

    view! {
        <div class="number-input">
            <label for=input_id.clone()>
                {t!(i18n, objective.value_label)}
                {unit.clone().map(|u| format!(" ({u})"))}
            </label>
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                id=input_id
                data-indicator=key.indicator.clone()
                data-area=key.area.clone()
                node_ref=field
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=describedby
                on:input=on_input
            />
            <p class="field-error" id=error_id role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.message(app.lang.get()))}
            </p>
            <p class="hint" id=hint_id>{t!(i18n, objective.value_hint)}" "{direction}</p>
            <p class="still-needed" id=still_needed_id aria-live="polite">{needed_view}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use cruscotto_engine::default_snapshot;

    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn a_field_in_step_is_not_rewritten() {
        assert!(in_step("4,2", Some(d("4.2")), Lang::It));
        assert!(in_step("41.079.930", Some(d("41079930")), Lang::It));
        assert!(in_step("", None, Lang::It));
        assert!(!in_step("4,2", Some(d("4.2")), Lang::En));
        assert!(!in_step("abc", None, Lang::It));
        assert_eq!(field_text(Some(d("41079930")), Lang::It), "41.079.930");
        assert_eq!(field_text(Some(d("4.20")), Lang::It), "4,2");
    }

    #[test]
    fn still_needed_names_the_next_level_and_its_value() {
        let plan = default_snapshot().plan;
        let (_, a) = plan.indicator("risparmio-energetico-a").expect("indicator");
        assert_eq!(
            still_needed(a, Some(d("41079930")), Lang::It),
            Some(("3 · target".to_string(), "39.403.198 kWh".to_string()))
        );
        assert_eq!(still_needed(a, Some(d("1")), Lang::It), None);
        let (_, s) = plan
            .indicator("soddisfazione-docenti-i1")
            .expect("indicator");
        assert_eq!(
            still_needed(s, None, Lang::En),
            Some(("1 · threshold".to_string(), "3.5 scala 1–6".to_string()))
        );
    }
}
