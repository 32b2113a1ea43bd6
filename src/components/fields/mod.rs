//! Form fields that read what people type in the interface's language,
//! whatever the browser's own locale.

pub mod date_field;
