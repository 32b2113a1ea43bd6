//! The plan's revisions: one card per revision of the registry, and an
//! area's score against the original plan where it differs.

pub mod objective_revisions;
pub mod original_score;
pub mod revision_card;
