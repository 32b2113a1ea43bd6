//! A horizontal bar for a score on the 0–4 scale, with target marked. The value
//! is always written next to it, so the bar is decoration for screen readers.

use leptos::prelude::*;
use rust_decimal::Decimal;

/// The bar's width in percent of the 0–4 scale, from the exact decimal.
fn width_percent(score: Option<Decimal>) -> String {
    let w = score
        .map(|s| (s.clamp(Decimal::ZERO, Decimal::from(4)) * Decimal::from(25)).round_dp(1))
        .unwrap_or_default();
    format!("{}%", w.normalize())
}

#[component]
pub fn ScoreBar(
    /// The score 0–4, `None` when not assessed.
    #[prop(into)]
    score: Signal<Option<Decimal>>,
    /// Whether the score may still change (some weight not assessed).
    #[prop(into)]
    provisional: Signal<bool>,
) -> impl IntoView {
    view! {
        <span class="score-bar" aria-hidden="true">
            <span
                class=move || if provisional.get() { "score-bar-fill provisional" } else { "score-bar-fill" }
                style:width=move || width_percent(score.get())
            ></span>
            <span class="score-bar-target"></span>
        </span>
    }
}
