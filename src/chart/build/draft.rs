//! Every chart a draft can show: the catalogue's charts its figures allow, and one for each of its
//! breakdowns, ratios and tables besides. To be written (issue 6).

use crate::chart::data::ChartData;
use crate::chart::format::Lang;
use crate::release::Release;

/// The charts of a draft release, in `lang`. `others` are the published releases, for charts that
/// compare. Each chart is marked as a draft (征求意见稿).
pub fn draft_charts(_release: &Release, _others: &[Release], _lang: Lang) -> Vec<ChartData> {
    Vec::new()
}
