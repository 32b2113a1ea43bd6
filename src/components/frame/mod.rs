//! The frame around every screen: header, status banner, update notice, and
//! focus moved to each new page's heading.

pub mod export_reminder;
pub mod header;
pub mod route_focus;
pub mod set_aside;
pub mod status_banner;
pub mod update_notice;
