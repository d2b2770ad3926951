//! Writing releases and charts out for others: a chart's data as CSV for spreadsheets, a
//! release as JSON-stat 2.0 (and any JSON-stat 2.0 dataset read back as a release), and a chart's
//! SVG made to stand alone. `docs/export.md` describes every format.

pub mod csv;
pub mod jsonstat;
mod svg;

pub use svg::standalone_svg;

use crate::chart::ChartData;

/// The publishers a chart names, without the "资料来源：" or "Source: " before them.
fn publishers(data: &ChartData) -> &str {
    ["资料来源：", "资料来源:", "Source: ", "Source:"].iter().find_map(|prefix| data.source.strip_prefix(prefix)).unwrap_or(&data.source).trim()
}
