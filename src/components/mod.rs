//! Reusable pieces of the pages, one component per file.

pub mod header;
pub mod level_badge;
pub mod score_bar;
pub mod status_banner;
