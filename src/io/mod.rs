//! The outside world: the browser's local storage (`storage`, the only module
//! that touches it), files the user downloads or picks (`files`), and the
//! folder the app is served from (`base`), and share links (`share`).

pub mod base;
pub mod clock;
pub mod files;
pub mod share;
pub mod storage;
pub mod xlsx_module;
