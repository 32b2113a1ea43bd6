//! How a score or a level is drawn: badges and bars.

pub mod level_badge;
pub mod score_bar;
