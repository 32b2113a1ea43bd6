//! Accessible inline-SVG charts with their data tables.

pub mod area_timeline;
pub mod timeline_chart;
