//! The frame around every screen: header, status banner, update notice.

pub mod header;
pub mod status_banner;
pub mod update_notice;
