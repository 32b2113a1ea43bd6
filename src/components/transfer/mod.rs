//! Pieces of the import, consolidation and comparison screens: the file drop
//! zone, errors, facts of a snapshot, plan mismatches, conflicts, differences,
//! and Export now.

pub mod changes_table;
pub mod conflict_choices;
pub mod diff_view;
pub mod export_now;
pub mod file_drop_zone;
pub mod import_errors;
pub mod plan_mismatches;
pub mod share_link;
pub mod snapshot_facts;
