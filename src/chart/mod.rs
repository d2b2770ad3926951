//! Charts: a release's figures → chart data (series not yet placed) → layout → SVG drawn by
//! plotters. Nothing here touches the browser.

#[cfg(feature = "png")]
mod bitmap;
mod build;
mod data;
pub mod format;
pub mod palette;
#[cfg(feature = "png")]
mod png;
mod render;
pub mod spec;
pub mod svg;
pub mod text;
pub mod wire;

pub use format::Lang;

pub use build::{build, build_entry, build_in, build_with, draft_charts, draft_charts_in, draft_charts_page, published_charts, DraftCharts, PublishedCharts, MAX_DRAFT_CHARTS};
pub use spec::{ChartSpec, Spec, SpecError};
pub use data::{ChartData, DRAFT_MARK, ChartError, ChartKind, Reference, SeriesData, TableView};
pub use render::{render, render_with, with_unit, Arc, Mark, Mode, Options, Rendered, FONT, MAX_WIDTH, MIN_WIDTH};
#[cfg(feature = "png")]
pub use self::png::{render_png, FontError, Fonts, Png, MAX_SCALE};
