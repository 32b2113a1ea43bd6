//! The measured value of a number indicator, typed as people write numbers
//! (`1.234.567,89` in Italian), with what is still needed for the next level.
//!
//! The field is not bound to the stored value on every keystroke: an invalid
//! text stays in the field with its error, and nothing is stored, so a typo
//! never silently changes a score. A number outside the indicator's scale (a
//! "7" on a 1–6 survey) is refused with the reason, and a likely slip (0,6
//! typed for 60 %) is recorded only once the manager says which was meant.

use cruscotto_engine::scoring::next_level_value;
use cruscotto_engine::values::{check_number, ValueDoubt, ValueProblem};
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

/// Why a typed text is not recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Not a number in the interface's language.
    Text(NumberInputError),
    /// A number the indicator's scale does not allow.
    Scale(ValueProblem),
}

/// What a typed text does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typed {
    /// Record this value (`None`: the field was emptied).
    Record(Option<Decimal>),
    /// Record nothing and say why.
    Refuse(FieldError),
    /// Record nothing yet: ask whether `suggested` was meant instead of `value`.
    Ask { value: Decimal, suggested: Decimal },
}

/// Decides what the text typed for `indicator` does, before anything is stored.
pub fn typed(indicator: &Indicator, text: &str, lang: Lang) -> Typed {
    match parse_number(text, lang) {
        Err(NumberInputError::Empty) => Typed::Record(None),
        Err(e) => Typed::Refuse(FieldError::Text(e)),
        Ok(v) => match check_number(indicator, v) {
            Err(problem) => Typed::Refuse(FieldError::Scale(problem)),
            Ok(Some(ValueDoubt::FractionForPercent { suggested })) => Typed::Ask {
                value: v,
                suggested,
            },
            Ok(_) => Typed::Record(Some(v)),
        },
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
    let value = format::with_unit(value, format::Unit::of(indicator).as_ref(), lang);
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
    let error = RwSignal::new(None::<FieldError>);
    // A likely slip waiting for the manager's answer: (typed, suggested).
    let asking = RwSignal::new(None::<(Decimal, Decimal)>);
    let field = NodeRef::<html::Input>::new();
    let question_id = result_dom_id("value-question-", &key);

    // Puts the stored value in the field at first, and again when it changes
    // from elsewhere (an import, a restored backup) or the language changes the
    // way numbers are written. A field showing an error is left as typed.
    Effect::new(move |_| {
        let lang = app.lang.get();
        let value = stored.get();
        let Some(el) = field.get() else { return };
        let pending = error.get_untracked().is_some() || asking.get_untracked().is_some();
        if !pending && !in_step(&el.value(), value, lang) {
            el.set_value(&field_text(value, lang));
        }
    });

    // Records `v` unless it is already what is stored.
    let store = {
        let key = key.clone();
        move |v: Option<Decimal>| {
            if stored.get_untracked() != v {
                app.record(&key.indicator, key.area.as_deref(), |e| {
                    e.value = v;
                    if v.is_some() {
                        e.level = None;
                    }
                });
            }
        }
    };
    let on_input = {
        let indicator = indicator.clone();
        let store = store.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let lang = app.lang.get_untracked();
            asking.set(None);
            match typed(&indicator, &text, lang) {
                Typed::Record(v) => {
                    error.set(None);
                    store(v);
                }
                Typed::Refuse(e) => error.set(Some(e)),
                Typed::Ask { value, suggested } => {
                    error.set(None);
                    asking.set(Some((value, suggested)));
                }
            }
        }
    };
    // The manager's answer to "did you mean 60 %?": the chosen value is
    // recorded and written back into the field.
    let answer = move |use_suggested: bool| {
        let Some((value, suggested)) = asking.get_untracked() else {
            return;
        };
        let chosen = if use_suggested { suggested } else { value };
        asking.set(None);
        store(Some(chosen));
        if let Some(el) = field.get_untracked() {
            el.set_value(&field_text(Some(chosen), app.lang.get_untracked()));
            let _ = el.focus();
        }
    };

    let describedby = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        let question_id = question_id.clone();
        move || {
            if error.with(Option::is_some) {
                format!("{error_id} {hint_id}")
            } else if asking.with(Option::is_some) {
                format!("{question_id} {hint_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let error_text = move || {
        let lang = app.lang.get();
        error.get().map(|e| match e {
            FieldError::Text(e) => e.message(lang).into_any(),
            FieldError::Scale(ValueProblem::AboveMax { max }) => {
                let max = format::decimal(max, lang, 10);
                view! { {t!(i18n, objective.value_above_max, max = max)} }.into_any()
            }
            FieldError::Scale(ValueProblem::BelowMin { min }) => {
                let min = format::decimal(min, lang, 10);
                view! { {t!(i18n, objective.value_below_min, min = min)} }.into_any()
            }
        })
    };
    let question_unit = format::Unit::of(&indicator);
    let question = move || {
        asking.get().map(|(value, suggested)| {
            let lang = app.lang.get();
            let typed_text = format::decimal(value, lang, 10);
            let suggested_text = format::decimal(suggested, lang, 10);
            let unit = question_unit.as_ref().map(|u| u.text(lang)).unwrap_or_default();
            let (s2, u2, t2) = (suggested_text.clone(), unit.clone(), typed_text.clone());
            let (yes, no) = (answer.clone(), answer.clone());
            view! {
                <p class="value-question-text">{t!(i18n, objective.value_did_you_mean, value = s2, unit = u2, typed = t2)}</p>
                <button type="button" class="btn value-use-suggested" on:click=move |_| yes(true)>
                    {t!(i18n, objective.value_use_suggested, value = suggested_text.clone(), unit = unit.clone())}
                </button>
                " "
                <button type="button" class="btn btn-secondary value-keep-typed" on:click=move |_| no(false)>
                    {t!(i18n, objective.value_keep_typed, value = typed_text.clone())}
                </button>
            }
        })
    };
    let direction = match indicator.effective_direction() {
        Direction::Higher => t!(i18n, objective.direction_higher).into_any(),
        Direction::Lower => t!(i18n, objective.direction_lower).into_any(),
    };
    let lower = indicator.effective_direction() == Direction::Lower;
    let unit = format::Unit::of(&indicator);
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
                {move || unit.as_ref().map(|u| format!(" ({})", u.text(app.lang.get())))}
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
                {error_text}
            </p>
            <div class="value-question" id=question_id role="alert" hidden=move || asking.with(Option::is_none)>
                {question}
            </div>
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

    fn indicator(id: &str) -> Indicator {
        let plan = default_snapshot().plan;
        plan.indicator(id).expect("indicator").1.clone()
    }

    #[test]
    fn a_seven_on_the_satisfaction_scale_is_refused_with_the_scales_maximum() {
        let survey = indicator("soddisfazione-docenti-i1");
        assert_eq!(
            typed(&survey, "7", Lang::It),
            Typed::Refuse(FieldError::Scale(ValueProblem::AboveMax { max: d("6") }))
        );
        assert_eq!(
            typed(&survey, "1.234,5", Lang::It),
            Typed::Refuse(FieldError::Scale(ValueProblem::AboveMax { max: d("6") }))
        );
        assert_eq!(
            typed(&survey, "4,5", Lang::It),
            Typed::Record(Some(d("4.5")))
        );
        assert_eq!(typed(&survey, "", Lang::It), Typed::Record(None));
        assert_eq!(
            typed(&survey, "abc", Lang::It),
            Typed::Refuse(FieldError::Text(NumberInputError::NotANumber))
        );
    }

    #[test]
    fn a_fraction_typed_for_a_percentage_is_asked_about_before_it_is_recorded() {
        let maintenance = indicator("piano-manutenzioni-i1");
        assert_eq!(
            typed(&maintenance, "0,6", Lang::It),
            Typed::Ask {
                value: d("0.6"),
                suggested: d("60")
            }
        );
        assert_eq!(
            typed(&maintenance, "60", Lang::It),
            Typed::Record(Some(d("60")))
        );
        assert_eq!(
            typed(&maintenance, "120", Lang::It),
            Typed::Refuse(FieldError::Scale(ValueProblem::AboveMax { max: d("100") }))
        );
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
            Some(("1 · threshold".to_string(), "3.5 scale 1–6".to_string()))
        );
    }
}
