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

use super::{build_entry, section_of, Builder, Head};
use crate::chart::data::{ChartData, ChartKind};
use crate::chart::spec::{ChartSpec, DataSpec, Selector, Spec};
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
    let spec = crate::bundled::spec().unwrap_or_default();
    draft_charts_in(&spec, release, others, lang, start, count)
}

/// [`draft_charts_page`] by the chart specification `spec` (a site's own, `--data DIR`).
pub fn draft_charts_in(spec: &Spec, release: &Release, others: &[Release], lang: Lang, start: usize, count: usize) -> DraftCharts {
    let all = every_chart(spec, release, others, lang);
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

/// What a specification's charts show, so no made-up chart shows it again.
#[derive(Default)]
struct Shown {
    breakdowns: HashSet<String>,
    ratios: HashSet<String>,
    tables: HashSet<String>,
    series: HashSet<String>,
    facts: HashSet<String>,
}

impl Shown {
    /// Marks what `entry` draws of `release` as shown.
    fn add(&mut self, entry: &ChartSpec, release: &Release) {
        let data = &entry.data;
        self.breakdowns.extend(data.breakdown.clone());
        self.ratios.extend(data.ratio.clone());
        self.ratios.extend(data.ratios.iter().filter(|r| r.from.is_none()).map(|r| r.ratio.clone()));
        self.tables.extend(data.table.clone());
        self.facts.extend(data.facts.iter().cloned());
        if let Some(id) = &data.series {
            self.series.extend(release.series.iter().filter(|s| s.id == *id || is_part_of(s, id)).map(|s| s.id.clone()));
        }
    }
}

/// Whether a series is a part of the series `id`: its id is `id` followed by "-…".
fn is_part_of(series: &Series, id: &str) -> bool {
    series.id.len() > id.len() + 1 && series.id.starts_with(id) && series.id[id.len()..].starts_with('-')
}

/// The charts of a site's published releases ([`published_charts`]), and the entries that did not
/// apply to a release of their kind because it has none of their data, said in words.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedCharts {
    pub charts: Vec<ChartData>,
    /// "charts[3] (product-growth): release “2023-bulletin” has no table “industrial-products”".
    pub not_applied: Vec<String>,
}

/// The charts of every published release in `releases`, in `lang`: for each release, the
/// specification's charts that chart it, then a chart for each of its structures that no entry
/// shows (as a draft gets, unmarked), so nothing published is left without charts.
///
/// An entry for every release of a kind (`"release": "bulletin"`) skips a release that has none
/// of the data it names, and says so in [`PublishedCharts::not_applied`] (an entry that charts no
/// release of its kind at all is an error: its ids are wrong); an entry that names its
/// release (an id, `latest-…`) and cannot be built, or one whose data is there but cannot be drawn,
/// is a located error: `charts[3]（product-growth）用于发布“2023-bulletin”：…`. Every such error is
/// returned; no chart is left out silently.
pub fn published_charts(spec: &Spec, releases: &[Release], lang: Lang) -> Result<PublishedCharts, Vec<String>> {
    let mut charts = Vec::new();
    let mut problems = Vec::new();
    let mut not_applied = Vec::new();
    // Per entry: whether it charted a release, and what the releases it skipped lack.
    let mut applied = vec![false; spec.charts.len()];
    let mut skipped: Vec<Vec<String>> = vec![Vec::new(); spec.charts.len()];
    for release in releases {
        let mut shown = Shown::default();
        let mut own = Vec::new();
        for (i, entry) in spec.charts.iter().enumerate() {
            if !entry.selector().selects(release, releases) {
                continue;
            }
            if let (Selector::Every(_), Some(lacks)) = (entry.selector(), entry.lacks(release)) {
                skipped[i].push(format!("charts[{i}] ({}): release “{}” has no {lacks}", entry.id, release.id));
                continue;
            }
            applied[i] = true;
            match build_entry(entry, &spec.indicators, release, releases, lang) {
                Ok(data) => {
                    shown.add(entry, release);
                    own.push((data, entry.data.clone()));
                }
                Err(err) => problems.push(format!("charts[{i}]（{}）用于发布“{}”：{err}", entry.id, release.id)),
            }
        }
        let made_up = made_up_charts(release, own.iter().map(|(c, _)| c.id.as_str()), &shown, lang, "auto");
        let report = crate::check::check(release);
        for (mut data, drawn) in own.into_iter().chain(made_up) {
            disagreements(&mut data, &drawn, release, &report);
            charts.push(data);
        }
    }
    // An entry that charts no release of its kind at all names data none of them has: a mistake
    // in the specification, not a release without that table.
    for (i, entry) in spec.charts.iter().enumerate() {
        if applied[i] || skipped[i].is_empty() {
            not_applied.append(&mut skipped[i]);
            continue;
        }
        let lacks = releases.iter().find_map(|r| entry.lacks(r)).unwrap_or_default();
        problems.push(format!("charts[{i}]（{}）：没有一期“{}”类发布有 {lacks}，请检查 data 中的编号", entry.id, entry.release));
    }
    if problems.is_empty() {
        Ok(PublishedCharts { charts, not_applied })
    } else {
        Err(problems)
    }
}

fn every_chart(spec: &Spec, release: &Release, others: &[Release], lang: Lang) -> Vec<ChartData> {
    let mut charts = Vec::new();
    let mut shown = Shown::default();
    let mut all: Vec<Release> = others.iter().filter(|o| o.id != release.id).cloned().collect();
    all.push(release.clone());
    for entry in &spec.charts {
        // A chart of a kind of release charts a draft of that kind; a chart of one release, a new
        // version of it (the same period).
        let applies = match entry.selector() {
            Selector::Id(id) => others.iter().any(|o| o.id == id && o.period == release.period),
            Selector::Every(kind) => release.kind() == kind,
            Selector::Latest(kind) => release.kind() == kind && entry.selector().selects(release, &all),
        };
        if !applies {
            continue;
        }
        // What is shown does not depend on the language: an English chart that lacks English
        // names is left out, and no Chinese-named chart takes its place.
        let built = build_entry(entry, &spec.indicators, release, others, lang);
        let data_there = match lang {
            Lang::Zh => built.is_ok(),
            Lang::En => build_entry(entry, &spec.indicators, release, others, Lang::Zh).is_ok(),
        };
        if data_there {
            shown.add(entry, release);
        }
        if let Ok(data) = built {
            charts.push(data);
        }
    }
    let made_up = made_up_charts(release, charts.iter().map(|c| c.id.as_str()), &shown, lang, "draft");
    charts.extend(made_up.into_iter().map(|(data, _)| data));
    for chart in &mut charts {
        chart.draft = true;
        chart.release = release.id.clone();
    }
    charts
}

/// A chart for each structure of `release` that `shown` does not hold, with ids `<prefix>-…`
/// unique beside the ids `taken`.
fn made_up_charts<'t>(release: &Release, taken: impl Iterator<Item = &'t str>, shown: &Shown, lang: Lang, prefix: &str) -> Vec<(ChartData, DataSpec)> {
    let mut made = Vec::new();
    let mut ids: HashSet<String> = taken.map(str::to_owned).collect();
    let mut unique = |wanted: String| {
        let mut id = wanted.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{wanted}-{n}");
            n += 1;
        }
        id
    };
    let builder = |id: String, kind: ChartKind| Builder { head: Head { id, title: String::new(), kind }, release, lang, spec: None };

    for breakdown in release.breakdowns.iter().filter(|b| !shown.breakdowns.contains(&b.id)) {
        let ambiguous = release.breakdowns.iter().filter(|b| b.total == breakdown.total).count() > 1;
        let b = builder(unique(format!("{prefix}-{}", breakdown.id)), ChartKind::Bar);
        if let Some(data) = b.auto_values(breakdown, ambiguous).ok().or_else(|| growth_only(&b, breakdown, ambiguous)) {
            made.push(in_section(data, release, DataSpec { breakdown: Some(breakdown.id.clone()), ..DataSpec::default() }));
        }
    }
    for ratio in release.ratios.iter().filter(|r| !shown.ratios.contains(&r.id)) {
        if let Ok(data) = builder(unique(format!("{prefix}-ratio-{}", ratio.id)), ChartKind::Donut).auto_ratio(ratio) {
            made.push(in_section(data, release, DataSpec { ratio: Some(ratio.id.clone()), ..DataSpec::default() }));
        }
    }
    for table in release.tables.iter().filter(|t| !shown.tables.contains(&t.id)) {
        if let Ok(data) = builder(unique(format!("{prefix}-table-{}", table.id)), ChartKind::Bar).auto_table(table) {
            made.push(in_section(data, release, DataSpec { table: Some(table.id.clone()), ..DataSpec::default() }));
        }
    }
    let compared: Vec<&str> = release.facts.iter().filter(|f| !f.gaps.is_empty() && f.growth.is_some() && !shown.facts.contains(&f.id)).map(|f| f.id.as_str()).collect();
    if !compared.is_empty() {
        if let Ok(data) = builder(unique(format!("{prefix}-gaps")), ChartKind::Grouped).auto_gaps(&compared) {
            made.push(in_section(data, release, DataSpec { facts: compared.iter().map(|f| (*f).to_owned()).collect(), ..DataSpec::default() }));
        }
    }
    for total in release.series.iter().filter(|s| !shown.series.contains(&s.id) && !is_part(s, &release.series)) {
        let parts: Vec<&Series> = release.series.iter().filter(|p| is_part_of(p, &total.id)).collect();
        if let Ok(data) = builder(unique(format!("{prefix}-series-{}", total.id)), ChartKind::Cumulative).auto_series(total, &parts) {
            made.push(in_section(data, release, DataSpec { series: Some(total.id.clone()), ..DataSpec::default() }));
        }
    }

    made
}

/// The growth chart of a breakdown whose values cannot be drawn, when every part states growth.
fn growth_only(b: &Builder, breakdown: &Breakdown, ambiguous: bool) -> Option<ChartData> {
    b.auto_growth(breakdown, ambiguous).ok()
}

/// Whether a series is a part of another: its id is the other's followed by "-…"
/// (`sanbao-actual-wages` of `sanbao-actual`).
fn is_part(series: &Series, all: &[Series]) -> bool {
    all.iter().any(|other| is_part_of(series, &other.id))
}

/// A made-up chart with the section its data comes from, and what it draws.
fn in_section(mut data: ChartData, release: &Release, drawn: DataSpec) -> (ChartData, DataSpec) {
    data.section = section_of(release, &drawn);
    (data, drawn)
}

/// Notes for a published chart whose printed figures the consistency check finds at odds with
/// each other (parts that do not add up to their printed total, a share that is not the ratio of
/// its printed levels): the chart shows the figures as printed, and says so.
fn disagreements(data: &mut ChartData, drawn: &DataSpec, release: &Release, report: &crate::check::Report) {
    let mut subjects: Vec<&str> = Vec::new();
    if let Some(id) = &drawn.breakdown {
        subjects.push(id);
        if let Some(b) = release.breakdowns.iter().find(|b| &b.id == id) {
            subjects.push(&b.total);
            subjects.extend(b.parts.iter().map(String::as_str));
        }
    }
    subjects.extend(drawn.ratio.as_deref());
    subjects.extend(drawn.table.as_deref());
    subjects.extend(drawn.facts.iter().map(String::as_str));
    let found: Vec<&crate::check::Finding> = report.findings.iter().filter(|f| f.severity == crate::check::Severity::Error && subjects.contains(&f.location.subject.as_str())).collect();
    let Some(first) = found.first() else { return };
    data.notes.push(match (data.lang, found.len()) {
        (Lang::Zh, 1) => format!("注意：原文数字互有出入，图中按原文列示：{}。", first.message.trim_end_matches('。')),
        (Lang::Zh, n) => format!("注意：原文数字有{n}处互有出入，图中按原文列示。其一：{}。", first.message.trim_end_matches('。')),
        (Lang::En, 1) => "Note: the printed figures do not agree with each other; the chart shows them as printed.".to_owned(),
        (Lang::En, n) => format!("Note: the printed figures disagree in {n} places; the chart shows them as printed."),
    });
}
