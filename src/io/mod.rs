//! The outside world: the browser's local storage (`storage`, the only module
//! that touches it), files the user downloads or picks (`files`), and the
//! folder the app is served from (`base`).

pub mod base;
pub mod clock;
pub mod files;
pub mod storage;
pub mod xlsx_module;
