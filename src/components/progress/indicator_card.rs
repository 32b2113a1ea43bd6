//! One result of an indicator: its three levels as the plan prints them, the
//! input that fits its kind, the level reached (announced as it changes), the
//! manager's note and how the level moved over the year. A shared objective's
//! indicator has one card; a per-area objective's has one card per area, each
//! recording that area's own result.

use cruscotto_engine::{Indicator, IndicatorKind, ResultKey};
use leptos::prelude::*;

use crate::components::evidence::evidence_panel::EvidencePanel;
use crate::components::progress::date_input::DateInput;
use crate::components::progress::indicator_history::IndicatorHistory;
use crate::components::progress::indicator_levels::IndicatorLevels;
use crate::components::progress::indicator_note::IndicatorNote;
use crate::components::progress::milestone_input::MilestoneInput;
use crate::components::progress::number_input::NumberInput;
use crate::components::scores::level_badge::LevelBadge;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::ids::result_dom_id;

/// An indicator's result with its levels, its assessment input and its note.
#[component]
pub fn IndicatorCard(
    /// The indicator, as in the plan.
    indicator: Indicator,
    /// Whether the objective has several indicators (then the label is shown).
    several: bool,
    /// Whether milestones may be assessed at the intermediate level 2.
    intermediate: bool,
    /// The area whose result this card records, for a per-area objective; the
    /// levels are then shown once above the areas' cards, not in each.
    #[prop(optional)]
    area: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let key = match &area {
        Some(a) => ResultKey::per_area(indicator.id.clone(), a.clone()),
        None => ResultKey::shared(indicator.id.clone()),
    };
    let heading_id = result_dom_id("indicator-heading-", &key);
    let level = {
        let key = key.clone();
        Signal::derive(move || app.scorecard.with(|c| c.result(&key)))
    };
    let label = indicator.label.clone().filter(|_| several);
    let heading = match (label, &area) {
        (Some(l), None) => view! { {t!(i18n, objective.indicator_label, label = l)} }.into_any(),
        (None, None) => view! { {t!(i18n, objective.indicator)} }.into_any(),
        (Some(l), Some(a)) => {
            let a = a.clone();
            view! { {t!(i18n, objective.indicator_label, label = l)}" · "{a} }.into_any()
        }
        (None, Some(a)) => {
            let a = a.clone();
            view! { {t!(i18n, objective.indicator)}" · "{a} }.into_any()
        }
    };
    let input = match indicator.kind {
        IndicatorKind::Milestone => {
            view! { <MilestoneInput key=key.clone() intermediate=intermediate /> }.into_any()
        }
        IndicatorKind::Number => {
            view! { <NumberInput indicator=indicator.clone() key=key.clone() /> }.into_any()
        }
        IndicatorKind::Date => {
            view! { <DateInput key=key.clone() indicator=indicator.clone() /> }.into_any()
        }
    };
    let labelledby = heading_id.clone();
    let level_id = result_dom_id("indicator-level-", &key);
    let shared = area.is_none();
    let details = shared.then(|| {
        view! {
            {indicator.description.clone().map(|d| view! { <p class="indicator-description">{d}</p> })}
            <IndicatorLevels indicator=indicator.clone() />
        }
    });
    let heading = if shared {
        view! { <h3 id=heading_id>{heading}</h3> }.into_any()
    } else {
        view! { <h4 id=heading_id>{heading}</h4> }.into_any()
    };
    view! {
        <section class="indicator-card" data-indicator=indicator.id.clone() data-area=area.clone() aria-labelledby=labelledby>
            {heading}
            {details}
            <div class="assessment">
                {input}
                <p class="indicator-level" aria-live="polite">
                    <span class="summary-label">{t!(i18n, objective.level_reached)}": "</span>
                    <span id=level_id><LevelBadge level=level /></span>
                </p>
            </div>
            <IndicatorNote key=key.clone() />
            <EvidencePanel key=key.clone() required=indicator.evidence_required />
            <IndicatorHistory indicator=indicator.clone() key=key />
        </section>
    }
}
