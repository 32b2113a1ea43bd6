//! Evidence of a result on the objective page: the items recorded, each
//! removable after asking, and the form that adds one (with the optional
//! fingerprint of a file, computed in the browser).

pub mod evidence_form;
pub mod evidence_item;
pub mod evidence_panel;
