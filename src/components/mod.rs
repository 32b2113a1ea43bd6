//! Reusable pieces of the pages, one component per file, grouped by what they
//! show. Components read the app state through `crate::state::use_app` and never
//! import a page.

pub mod charts;
pub mod cycle;
pub mod editor;
pub mod evidence;
pub mod fields;
pub mod focus;
pub mod frame;
pub mod links;
pub mod progress;
pub mod report;
pub mod revisions;
pub mod role;
pub mod scores;
pub mod transfer;
