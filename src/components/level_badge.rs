//! A level 0–4 shown with its number and its name, never by colour alone.

use cruscotto_engine::Lang;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::format;
use crate::state::use_app;

/// The band a level falls in, for the badge's colour and name.
pub fn band(level: Option<Decimal>) -> &'static str {
    match level {
        None => "none",
        Some(l) if l >= Decimal::from(4) => "excellence",
        Some(l) if l >= Decimal::from(3) => "target",
        Some(l) if l >= Decimal::ONE => "threshold",
        Some(_) => "below",
    }
}

pub fn band_name(band: &str, lang: Lang) -> &'static str {
    match (band, lang) {
        ("excellence", Lang::It) => "eccellenza",
        ("excellence", Lang::En) => "excellence",
        ("target", _) => "target",
        ("threshold", Lang::It) => "soglia",
        ("threshold", Lang::En) => "threshold",
        ("below", Lang::It) => "sotto soglia",
        ("below", Lang::En) => "below threshold",
        (_, Lang::It) => "non valutato",
        (_, Lang::En) => "not assessed",
    }
}

/// Shows a level with two decimals and its band.
#[component]
pub fn LevelBadge(
    /// The level, `None` when not assessed.
    #[prop(into)]
    level: Signal<Option<Decimal>>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <span class=move || format!("level-badge level-{}", band(level.get()))>
            {move || {
                let lang = app.lang.get();
                let l = level.get();
                match l {
                    Some(_) => format!("{} · {}", format::level(l, lang), band_name(band(l), lang)),
                    None => band_name("none", lang).to_string(),
                }
            }}
        </span>
    }
}
