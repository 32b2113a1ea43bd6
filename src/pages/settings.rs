//! The settings screen: the interface language (which also sets how numbers and
//! dates are written) and the plan's scoring options, with the area scores
//! they produce shown next to them so the effect of a change is visible at once.

use cruscotto_engine::{IndicatorKind, NumericMode};
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::frame::export_reminder::ExportReminder;
use crate::components::role::role_form::RoleForm;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;

/// Milestone indicators recorded at level 2, which only a plan allowing the
/// intermediate level accepts: turning it off would leave an invalid state.
/// An area's result of a per-area objective is named with its area.
fn level_two_milestones(
    plan: &cruscotto_engine::Plan,
    results: cruscotto_engine::Results,
) -> Vec<String> {
    results
        .iter()
        .filter(|(_, e)| e.level == Some(2))
        .filter(|(k, _)| {
            plan.indicator(&k.indicator)
                .is_some_and(|(_, i)| i.kind == IndicatorKind::Milestone)
        })
        .map(|(k, _)| match k.area {
            Some(area) => format!("{} ({area})", k.indicator),
            None => k.indicator,
        })
        .collect()
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let example = move || {
        let lang = app.lang.get();
        let day = chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap_or_default();
        format!(
            "{} · {}",
            format::fixed2(Decimal::new(123_456, 2), lang),
            format::date(day, lang)
        )
    };
    let numeric = move || app.plan.with(|p| p.scoring.numeric);
    let intermediate = move || app.plan.with(|p| p.scoring.intermediate_level);
    let blocked = RwSignal::new(Vec::<String>::new());
    let set_numeric = move |mode: NumericMode| app.edit_plan(|p| p.scoring.numeric = mode);
    let on_intermediate = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        if !on {
            let stuck = app
                .plan
                .with_untracked(|p| app.with_results_untracked(|r| level_two_milestones(p, r)));
            if !stuck.is_empty() {
                blocked.set(stuck);
                // Keep the box ticked: the option has not changed.
                event_target::<web_sys::HtmlInputElement>(&ev).set_checked(true);
                return;
            }
        }
        blocked.set(Vec::new());
        app.edit_plan(|p| p.scoring.intermediate_level = on);
    };

    let rows = move || {
        let lang = app.lang.get();
        let card = app.scorecard.get();
        app.plan.with(|plan| {
            plan.areas
                .iter()
                .map(|area| {
                    let s = card.area(&area.code);
                    let score = s.and_then(|s| s.score);
                    let percent = s.and_then(|s| s.percent_of_target);
                    view! {
                        <tr data-area=area.code.clone()>
                            <th scope="row"><abbr title=area.name.clone()>{area.code.clone()}</abbr></th>
                            <td class="num score">{format::level(score, lang)}</td>
                            <td class="num percent">{format::percent(percent, lang)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <div class="settings-page">
            <h1>{t!(i18n, settings.title)}</h1>
            <section class="settings-section" aria-labelledby="language-heading">
                <h2 id="language-heading">{t!(i18n, settings.language_heading)}</h2>
                <fieldset class="option-group">
                    <legend>{t!(i18n, settings.language_legend)}</legend>
                    <div class="option">
                        <input type="radio" id="lang-it" name="lang" value="it"
                            prop:checked=move || app.lang.get() == Lang::It
                            on:change=move |_| app.lang.set(Lang::It) />
                        <label for="lang-it" lang="it">{t!(i18n, common.lang_it)}</label>
                    </div>
                    <div class="option">
                        <input type="radio" id="lang-en" name="lang" value="en"
                            prop:checked=move || app.lang.get() == Lang::En
                            on:change=move |_| app.lang.set(Lang::En) />
                        <label for="lang-en" lang="en">{t!(i18n, common.lang_en)}</label>
                    </div>
                    <p class="hint" id="lang-example">{t!(i18n, settings.language_hint)}" "<span class="example">{example}</span></p>
                </fieldset>
            </section>

            <section class="settings-section" aria-labelledby="role-heading">
                <h2 id="role-heading">{t!(i18n, settings.role_heading)}</h2>
                <RoleForm id="settings-role" />
            </section>

            <section class="settings-section" aria-labelledby="keeping-heading">
                <h2 id="keeping-heading">{t!(i18n, settings.keeping_heading)}</h2>
                <p id="keeping-status">
                    {move || match app.persisted.get() {
                        Some(true) => t_string!(i18n, settings.keeping_granted).to_string(),
                        Some(false) => t_string!(i18n, settings.keeping_denied).to_string(),
                        None => t_string!(i18n, settings.keeping_unknown).to_string(),
                    }}
                </p>
                <ExportReminder id="settings-export-reminder" />
            </section>

            <section class="settings-section" aria-labelledby="scoring-heading">
                <h2 id="scoring-heading">{t!(i18n, settings.scoring_heading)}</h2>
                <p>{t!(i18n, settings.scoring_intro)}</p>
                <fieldset class="option-group">
                    <legend>{t!(i18n, settings.numeric_legend)}</legend>
                    <div class="option">
                        <input type="radio" id="numeric-step" name="numeric" value="step"
                            aria-describedby="numeric-step-hint"
                            prop:checked=move || numeric() == NumericMode::Step
                            on:change=move |_| set_numeric(NumericMode::Step) />
                        <label for="numeric-step">{t!(i18n, settings.numeric_step)}</label>
                        <p class="hint" id="numeric-step-hint">{t!(i18n, settings.numeric_step_hint)}</p>
                    </div>
                    <div class="option">
                        <input type="radio" id="numeric-linear" name="numeric" value="linear"
                            aria-describedby="numeric-linear-hint"
                            prop:checked=move || numeric() == NumericMode::Linear
                            on:change=move |_| set_numeric(NumericMode::Linear) />
                        <label for="numeric-linear">{t!(i18n, settings.numeric_linear)}</label>
                        <p class="hint" id="numeric-linear-hint">{t!(i18n, settings.numeric_linear_hint)}</p>
                    </div>
                </fieldset>
                <fieldset class="option-group">
                    <legend>{t!(i18n, settings.intermediate_legend)}</legend>
                    <div class="option">
                        <input type="checkbox" id="scoring-intermediate"
                            aria-describedby="intermediate-hint"
                            prop:checked=intermediate
                            on:change=on_intermediate />
                        <label for="scoring-intermediate">{t!(i18n, settings.intermediate_label)}</label>
                        <p class="hint" id="intermediate-hint">{t!(i18n, settings.intermediate_hint)}</p>
                    </div>
                    <Show when=move || blocked.with(|b| !b.is_empty())>
                        <div class="field-error" role="alert" id="intermediate-blocked">
                            <p>{t!(i18n, settings.intermediate_blocked)}</p>
                            <ul>{move || blocked.get().into_iter().map(|id| view! { <li><code>{id}</code></li> }).collect_view()}</ul>
                        </div>
                    </Show>
                </fieldset>
                <table class="scores compact" id="settings-area-scores" aria-live="polite">
                    <caption>{t!(i18n, settings.effect_heading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, common.area)}</th>
                            <th scope="col" class="num">{t!(i18n, common.score)}</th>
                            <th scope="col" class="num">{t!(i18n, common.percent_of_target)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use cruscotto_engine::{default_snapshot, ProgressByArea, ProgressEntry, Results};

    use super::*;

    #[test]
    fn milestones_at_level_two_block_turning_the_intermediate_level_off() {
        let s = default_snapshot();
        let (_, milestone) = s
            .plan
            .indicators()
            .find(|(_, i)| i.kind == IndicatorKind::Milestone)
            .expect("a milestone");
        let mut progress = s.progress.clone();
        let none = ProgressByArea::new();
        assert!(level_two_milestones(&s.plan, Results::shared_only(&progress)).is_empty());
        progress.insert(
            milestone.id.clone(),
            ProgressEntry {
                level: Some(2),
                ..ProgressEntry::default()
            },
        );
        let mut by_area = ProgressByArea::new();
        by_area.entry("ARUO".into()).or_default().insert(
            "rotazione-rup-i2".into(),
            ProgressEntry {
                level: Some(2),
                ..ProgressEntry::default()
            },
        );
        assert_eq!(
            level_two_milestones(&s.plan, Results::new(&progress, &none)),
            vec![milestone.id.clone()]
        );
        assert_eq!(
            level_two_milestones(&s.plan, Results::new(&progress, &by_area)),
            vec![milestone.id.clone(), "rotazione-rup-i2 (ARUO)".to_string()]
        );
    }
}
