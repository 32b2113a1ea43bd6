//! Recording progress: an indicator's card with its input (milestone, number,
//! date), note and history, and the area's what-if panel.

pub mod date_input;
pub mod indicator_card;
pub mod indicator_history;
pub mod indicator_note;
pub mod milestone_input;
pub mod number_input;
pub mod what_if;
