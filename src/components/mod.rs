//! Reusable pieces of the pages, one component per file.

pub mod date_input;
pub mod editor_areas;
pub mod editor_context;
pub mod editor_field_issues;
pub mod editor_indicator;
pub mod editor_issue_summary;
pub mod editor_level;
pub mod editor_logic;
pub mod editor_number_input;
pub mod editor_objective_form;
pub mod editor_objective_list;
pub mod editor_plan_actions;
pub mod editor_text_field;
pub mod editor_weight_sums;
pub mod editor_weights;
pub mod header;
pub mod indicator_card;
pub mod indicator_note;
pub mod level_badge;
pub mod milestone_input;
pub mod number_input;
pub mod score_bar;
pub mod status_banner;
pub mod update_notice;
