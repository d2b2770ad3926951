//! 西夏区 statistical releases as exact data: the model, the bundled releases, computations of
//! growth, shares and rankings, a consistency checker, charts, and exports (CSV, JSON-stat).

mod decimal;
mod error;
mod fact;
mod release;
mod structure;
mod table;
mod unit;
#[cfg(target_arch = "wasm32")]
mod wasm;
/// The staff preview's own module (`www/pkg-preview/`): import, check, chart and compare drafts.
#[cfg(all(target_arch = "wasm32", feature = "preview"))]
mod preview;

pub mod bundled;
pub mod compute;
pub mod chart;
pub mod check;
pub mod diff;
#[cfg(feature = "cli")]
pub mod draft;
pub mod export;
pub mod figures;
pub mod import;
pub mod indicator;
pub mod load;
pub mod series;
pub mod site;
#[cfg(feature = "prerender")]
pub mod page;
#[cfg(feature = "prerender")]
pub mod prerender;
/// Publishing a release into a served site folder (`xixia-stats publish`). Native for now: it
/// draws each chart's no-JavaScript embed with the pre-renderer.
#[cfg(feature = "prerender")]
pub mod publish;

pub use error::{Error, ErrorKind, Problem};
pub use fact::{Contribution, Fact, Gap, Growth, GrowthBasis, GrowthForm, Prices, Quantity, StatedRank, StatedShare};
pub use release::{Footnote, Period, Release, ReleaseKind, Section, Sentence, Source, Span, Status};
pub use structure::{Breakdown, BreakdownKind, Series, SeriesKind, StructureRatio};
pub use table::{read_cell, CellValue, Column, ColumnKind, Row, Table, TableTarget};
pub use unit::{ConversionError, Dimension, Unit};
