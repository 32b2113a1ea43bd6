//! A level 0–4 shown with its number and its name, never by colour alone.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::state::use_app;
use crate::view::format;
use crate::view::levels::{band, band_name};

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
