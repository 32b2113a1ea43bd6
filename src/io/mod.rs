//! The outside world: the browser's local storage (`storage`, the only module
//! that touches it) and files the user downloads or picks (`files`).

pub mod clock;
pub mod files;
pub mod storage;
pub mod xlsx_module;
