//! Recording progress: an indicator's card (one per area for a per-area
//! objective) with its levels, input (milestone, number, date), note and
//! history, and the area's what-if panel.

pub mod date_input;
pub mod indicator_card;
pub mod indicator_history;
pub mod indicator_levels;
pub mod indicator_note;
pub mod milestone_input;
pub mod number_input;
pub mod what_if;
pub mod what_if_confirm;
