//! Reusable pieces of the pages, one component per file.

pub mod date_input;
pub mod header;
pub mod indicator_card;
pub mod indicator_note;
pub mod level_badge;
pub mod milestone_input;
pub mod number_input;
pub mod score_bar;
pub mod status_banner;
