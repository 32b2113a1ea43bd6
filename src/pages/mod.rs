//! One module per screen of the app.

pub mod area;
pub mod campaign;
pub mod compare;
pub mod editor;
pub mod not_found;
pub mod objective;
pub mod overview;
pub mod recovery;
pub mod registry;
pub mod report;
pub mod settings;
pub mod transfer;
