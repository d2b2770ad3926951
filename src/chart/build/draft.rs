//! Every chart a draft can show, so that staff previewing a draft bulletin see every chart:
//!
//! 1. the catalogue's charts, for a draft that is a new version of their release (same period)
//!    and has their data under the same ids — the text and CSV importers reuse the bundled ids
//!    when the names match — built whatever the draft's id; a chart whose data is missing is
//!    left out, which is no error for a draft;
//! 2. a chart for each breakdown, structure ratio, table and series no catalogue chart shows,
//!    and one for the indicators with gaps to other regions ([`super::auto`]).
//!
//! Every chart is marked as a draft ([`ChartData::draft`]) and belongs to the draft's id. A draft
//! can hold hundreds of breakdowns: at most [`MAX_DRAFT_CHARTS`] charts are given at once, the
//! last saying how many there are; [`draft_charts_page`] gives the others.

use std::collections::HashSet;

use super::{catalogue, Builder, Head};
use crate::chart::data::{ChartData, ChartKind, CATALOGUE};
use crate::chart::format::Lang;
use crate::release::Release;
use crate::structure::{Breakdown, Series};

/// The most charts [`draft_charts`] gives at once.
pub const MAX_DRAFT_CHARTS: usize = 60;

/// A page of a draft's charts.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftCharts {
    /// The charts from the page's start, at most as many as asked for.
    pub charts: Vec<ChartData>,
    /// How many charts the draft has in all.
    pub total: usize,
}

/// The charts of a draft release, in `lang`: the first [`MAX_DRAFT_CHARTS`] of
/// [`draft_charts_page`]; when there are more, the last chart's notes say how many.
/// `others` are the published releases, for charts that compare and to tell which catalogue
/// charts a draft revises. Each chart is marked as a draft (征求意见稿).
///
/// ```
/// use xixia_stats::{bundled, chart};
/// let releases = bundled::all().unwrap();
/// let mut draft = releases.iter().find(|r| r.id == "2022-bulletin").unwrap().clone();
/// draft.id = "draft-2022".into();
/// let charts = chart::draft_charts(&draft, &releases, chart::Lang::Zh);
/// assert!(charts.iter().all(|c| c.draft && c.release == "draft-2022"));
/// assert!(charts.iter().any(|c| c.id == "gdp-by-industry"));
/// assert!(charts.iter().any(|c| c.id == "draft-agriculture-by-sector" && c.title == "2022年农林牧渔业总产值主要构成"));
/// ```
pub fn draft_charts(release: &Release, others: &[Release], lang: Lang) -> Vec<ChartData> {
    draft_charts_page(release, others, lang, 0, MAX_DRAFT_CHARTS).charts
}

/// Charts `start..start + count` of a draft (catalogue charts first, then the made-up ones in the
/// draft's order: breakdowns, ratios, tables, the indicators with gaps, series), and how many it
/// has in all. When charts are left out, the page's last chart says so in a note.
pub fn draft_charts_page(release: &Release, others: &[Release], lang: Lang, start: usize, count: usize) -> DraftCharts {
    let all = every_chart(release, others, lang);
    let total = all.len();
    let mut charts: Vec<ChartData> = all.into_iter().skip(start).take(count).collect();
    let end = start.saturating_add(charts.len());
    if charts.len() < total {
        if let Some(last) = charts.last_mut() {
            last.notes.push(match lang {
                Lang::Zh => format!("本稿共可生成{total}张图表，这里显示第{}至{end}张。", start + 1),
                Lang::En => format!("The draft makes {total} charts; these are charts {} to {end}.", start + 1),
            });
        }
    }
    DraftCharts { charts, total }
}

/// What a catalogue chart shows, so no made-up chart shows it again.
#[derive(Default)]
struct Shown {
    breakdowns: HashSet<String>,
    ratios: HashSet<String>,
    tables: HashSet<String>,
    series: HashSet<String>,
    facts: HashSet<String>,
}

impl Shown {
    fn add(&mut self, chart: &str, release: &Release) {
        let own = |ids: &[&str]| ids.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        match chart {
            "gdp-by-industry" => self.breakdowns.extend(own(&["gdp-by-industry"])),
            "gdp-structure" => self.ratios.extend(own(&["gdp-structure"])),
            "industry-growth" => self.breakdowns.extend(own(&["industry-sub-industries"])),
            "product-growth" => self.tables.extend(own(&["industrial-products"])),
            "services-by-sector" => self.breakdowns.extend(own(&["services-by-sector"])),
            "indicators-vs-region" => self.facts.extend(own(&super::INDICATORS_VS_REGION)),
            "structure-comparison" => self.ratios.extend(own(&["investment-structure"])),
            "sanbao-cumulative" => self.series.extend(release.series.iter().filter(|s| s.id == "sanbao-actual" || s.id.starts_with("sanbao-actual-")).map(|s| s.id.clone())),
            "direct-funds-progress" => self.tables.extend(own(&["direct-funds-by-fund"])),
            _ => {}
        }
    }
}

fn every_chart(release: &Release, others: &[Release], lang: Lang) -> Vec<ChartData> {
    let mut charts = Vec::new();
    let mut shown = Shown::default();
    for info in CATALOGUE {
        // Only a new version of the chart's own release: the catalogue's titles name its period.
        let revises = others.iter().any(|o| o.id == info.release && o.period == release.period);
        if !revises {
            continue;
        }
        // What is shown does not depend on the language: an English chart that lacks English
        // names is left out, and no Chinese-named chart takes its place.
        let built = catalogue(info, release, others, lang);
        let data_there = match lang {
            Lang::Zh => built.is_ok(),
            Lang::En => catalogue(info, release, others, Lang::Zh).is_ok(),
        };
        if data_there {
            shown.add(info.id, release);
        }
        if let Ok(data) = built {
            charts.push(data);
        }
    }

    let mut ids: HashSet<String> = charts.iter().map(|c| c.id.clone()).collect();
    let mut unique = |wanted: String| {
        let mut id = wanted.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{wanted}-{n}");
            n += 1;
        }
        id
    };
    let builder = |id: String, kind: ChartKind| Builder { head: Head { id, title: String::new(), kind }, release, lang };

    for breakdown in release.breakdowns.iter().filter(|b| !shown.breakdowns.contains(&b.id)) {
        let ambiguous = release.breakdowns.iter().filter(|b| b.total == breakdown.total).count() > 1;
        let b = builder(unique(format!("draft-{}", breakdown.id)), ChartKind::Bar);
        if let Some(data) = b.auto_values(breakdown, ambiguous).ok().or_else(|| growth_only(&b, breakdown, ambiguous)) {
            charts.push(data);
        }
    }
    for ratio in release.ratios.iter().filter(|r| !shown.ratios.contains(&r.id)) {
        if let Ok(data) = builder(unique(format!("draft-ratio-{}", ratio.id)), ChartKind::Donut).auto_ratio(ratio) {
            charts.push(data);
        }
    }
    for table in release.tables.iter().filter(|t| !shown.tables.contains(&t.id)) {
        if let Ok(data) = builder(unique(format!("draft-table-{}", table.id)), ChartKind::Bar).auto_table(table) {
            charts.push(data);
        }
    }
    let compared: Vec<&str> = release.facts.iter().filter(|f| !f.gaps.is_empty() && f.growth.is_some() && !shown.facts.contains(&f.id)).map(|f| f.id.as_str()).collect();
    if !compared.is_empty() {
        if let Ok(data) = builder(unique("draft-gaps".to_owned()), ChartKind::Grouped).auto_gaps(&compared) {
            charts.push(data);
        }
    }
    for total in release.series.iter().filter(|s| !shown.series.contains(&s.id) && !is_part(s, &release.series)) {
        let parts: Vec<&Series> = release.series.iter().filter(|p| p.id.len() > total.id.len() + 1 && p.id.starts_with(&total.id) && p.id[total.id.len()..].starts_with('-')).collect();
        if let Ok(data) = builder(unique(format!("draft-series-{}", total.id)), ChartKind::Cumulative).auto_series(total, &parts) {
            charts.push(data);
        }
    }

    for chart in &mut charts {
        chart.draft = true;
        chart.release = release.id.clone();
    }
    charts
}

/// The growth chart of a breakdown whose values cannot be drawn, when every part states growth.
fn growth_only(b: &Builder, breakdown: &Breakdown, ambiguous: bool) -> Option<ChartData> {
    b.auto_growth(breakdown, ambiguous).ok()
}

/// Whether a series is a part of another: its id is the other's followed by "-…"
/// (`sanbao-actual-wages` of `sanbao-actual`).
fn is_part(series: &Series, all: &[Series]) -> bool {
    all.iter().any(|other| other.id != series.id && series.id.len() > other.id.len() + 1 && series.id.starts_with(&other.id) && series.id[other.id.len()..].starts_with('-'))
}
