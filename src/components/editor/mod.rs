//! The plan editor's pieces: plan facts, areas, the objective list and form,
//! indicators, levels and weights, where each problem is shown, and the
//! plan's adoption and the revisions recorded after it.

pub mod adoption;
pub mod areas;
pub mod context;
pub mod field_issues;
pub mod indicator;
pub mod issue_summary;
pub mod level;
pub mod measurement;
pub mod number_input;
pub mod objective_form;
pub mod objective_list;
pub mod old_year;
pub mod plan_actions;
pub mod plan_sheet;
pub mod revision_form;
pub mod text_field;
pub mod weight_sums;
pub mod weights;
