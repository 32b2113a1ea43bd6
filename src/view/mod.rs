//! Pure view logic, natively tested: how numbers, dates and levels read, what
//! the editor shows for a plan, how an area's objectives table is filtered and
//! sorted, what the what-if panel scores and applies, how a consolidation and a
//! comparison are laid out. No Leptos, no browser: only data in and data out.

pub mod area;
pub mod consolidation;
pub mod cycle;
pub mod editor;
pub mod evidence;
pub mod file_names;
pub mod format;
pub mod ids;
pub mod levels;
pub mod messages;
pub mod revisions;
pub mod snapshot_diff;
pub mod what_if;
