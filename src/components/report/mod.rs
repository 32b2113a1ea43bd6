//! The report's pieces (pages/report.rs): the Relazione's table of results
//! and gaps, and the distribution of objectives by level with its chart.

pub mod level_distribution;
pub mod relazione_table;
