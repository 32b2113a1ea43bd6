//! The yearly cycle's pieces: an area's state and seal, the manager's
//! submission, the office's review of an area.

pub mod area_review;
pub mod review_panel;
pub mod state_badge;
pub mod submit_panel;
