//! The chart specification: which charts a site shows, as data (`data/charts.json` in the site
//! folder). Each entry names its id, how it draws, its title as a template of the release's place
//! and period, which releases it charts (one by id, every release of a kind, or the newest of a
//! kind), and which of a release's data it draws. Adding a chart is adding an entry; next year's
//! bulletin gets last year's charts with next year's titles.
//!
//! Reading a specification never panics: every problem is an error that names the file, the entry
//! and the field (`charts.json: charts[3].data.breakdown: no breakdown "x" in release "…"`).

use serde::Deserialize;

use super::data::ChartKind;
use crate::indicator::Registry;
use crate::release::{Release, ReleaseKind};
use crate::series::Frequency;

/// The largest specification read, in bytes.
pub const MAX_SPEC_BYTES: usize = 1 << 20;

/// A site's chart specification.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    pub charts: Vec<ChartSpec>,
    /// The site's indicator registry (`indicators.json` beside `charts.json`), for the names
    /// and notes of the charts over time. Read apart ([`crate::site::Site::load`]).
    #[serde(skip)]
    pub indicators: Registry,
}

/// One chart of the specification.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    /// The chart's id, the same for every release it charts: `gdp-by-industry`.
    pub id: String,
    pub kind: ChartKind,
    /// The title, with `{place}`, `{period}`, `{year}`, `{data_period}` (the period of the data
    /// drawn, where it is not the release's) and `{span}` (a chart over time's first to last
    /// period: 2020—2024年; else the period) filled from the release: "{period}{place}三次产业增加值".
    pub title: String,
    pub title_en: String,
    /// Which releases: a release id, a kind (`bulletin`, `indicators`, `fiscal`: every release of
    /// that kind), or `latest-<kind>` (the newest of that kind only).
    pub release: String,
    pub data: DataSpec,
    /// The header of the table's first column: {"zh": "产业", "en": "Industry"}.
    #[serde(default)]
    pub category: Option<Words>,
    /// The noun after the parts' names in a growth chart's sentence: 增加值 ("…增加值下降3.1%").
    #[serde(default)]
    pub noun: Option<Words>,
    /// What the parts of a partial breakdown are, in its note: "图中为公报列出的主要行业".
    #[serde(default)]
    pub parts: Option<Words>,
    /// Notes printed under the chart, after the ones the data calls for.
    #[serde(default)]
    pub notes: Vec<Words>,
}

/// A pair of words, Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub zh: String,
    pub en: String,
}

/// Which of a release's data a chart draws: exactly one of these.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataSpec {
    /// A breakdown's parts (its values, or with `"measure": "growth"` their growth).
    #[serde(default)]
    pub breakdown: Option<String>,
    /// A structure ratio, with the total it splits named in the ring's middle.
    #[serde(default)]
    pub ratio: Option<String>,
    /// The fact named in the middle of a ratio's ring: `gdp`.
    #[serde(default)]
    pub total: Option<String>,
    /// A table: its growth column (`"measure": "growth"`) or its rate against the table's target
    /// (`"measure": "progress"`).
    #[serde(default)]
    pub table: Option<String>,
    /// Facts with stated gaps to other regions, drawn beside the regions' derived growth.
    #[serde(default)]
    pub facts: Vec<String>,
    /// Structure ratios side by side: this release's, or the newest release of a kind up to this
    /// release's period.
    #[serde(default)]
    pub ratios: Vec<RatioRef>,
    /// A cumulative series, its parts (the series whose ids start with this id and `-`) stacked,
    /// against the pace of its annual target.
    #[serde(default)]
    pub series: Option<String>,
    /// An indicator of the registry, over time: its growth (a line, the default), its levels
    /// (`"measure": "value"`, a line), or both (a `combo` chart: levels as columns, growth as a
    /// line), period after period across the releases that state it, up to the charted release.
    #[serde(default)]
    pub indicator: Option<String>,
    /// How many periods back a chart over time reaches, the charted one included [default: 5
    /// years, 12 months].
    #[serde(default)]
    pub periods: Option<usize>,
    /// `value` (the default) or `growth` for a breakdown; `growth` or `progress` for a table;
    /// `growth` (the default) or `value` for an indicator's line.
    #[serde(default)]
    pub measure: Option<String>,
}

/// One ratio of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatioRef {
    /// A kind of release (`bulletin`): the newest of that kind whose period does not end after
    /// the charted release's. This release when absent.
    #[serde(default)]
    pub from: Option<String>,
    pub ratio: String,
}

/// What a chart draws, once its entry is read: the builder it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataKind {
    BreakdownValues,
    BreakdownGrowth,
    Ratio,
    TableGrowth,
    TableProgress,
    Gaps,
    RatioComparison,
    CumulativeSeries,
    /// An indicator's growth over time, against the regions its gaps name.
    IndicatorGrowth,
    /// An indicator's levels over time.
    IndicatorValue,
    /// An indicator's levels and growth over time.
    IndicatorValueGrowth,
}

/// Which releases an entry charts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Id(String),
    Every(ReleaseKind),
    Latest(ReleaseKind),
}

/// A problem with a specification, located: the file, then the entry and the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {place}: {message}")]
pub struct SpecError {
    pub origin: String,
    /// `charts[3].data.breakdown`, or the line and column for JSON that does not read.
    pub place: String,
    pub message: String,
}

impl Selector {
    pub fn parse(text: &str) -> Option<Selector> {
        let text = text.trim();
        if let Some(kind) = text.strip_prefix("latest-").and_then(ReleaseKind::from_name) {
            return Some(Selector::Latest(kind));
        }
        if let Some(kind) = ReleaseKind::from_name(text) {
            return Some(Selector::Every(kind));
        }
        (!text.is_empty()).then(|| Selector::Id(text.to_owned()))
    }

    /// Whether `release` is one this selector charts, among `all`.
    pub fn selects(&self, release: &Release, all: &[Release]) -> bool {
        match self {
            Selector::Id(id) => release.id == *id,
            Selector::Every(kind) => release.kind() == *kind,
            Selector::Latest(kind) => latest(all, *kind).is_some_and(|latest| latest.id == release.id),
        }
    }
}

/// The newest release of a kind: the one whose period ends last, then the one published last.
pub fn latest<'r>(releases: impl IntoIterator<Item = &'r Release>, kind: ReleaseKind) -> Option<&'r Release> {
    releases.into_iter().filter(|r| r.kind() == kind).max_by(|a, b| (a.period_end(), &a.published, &a.id).cmp(&(b.period_end(), &b.published, &b.id)))
}

/// Resolves an embed's `release` attribute: a release id as it is, `latest-<kind>` to the id of
/// the newest release of that kind.
pub fn resolve<'r>(releases: &'r [Release], name: &str) -> Option<&'r Release> {
    match Selector::parse(name)? {
        Selector::Latest(kind) => latest(releases, kind),
        Selector::Id(id) => releases.iter().find(|r| r.id == id),
        Selector::Every(_) => None,
    }
}

impl ChartSpec {
    /// The builder this entry takes, or what is wrong with its `data`.
    pub fn data_kind(&self) -> Result<DataKind, (String, String)> {
        let d = &self.data;
        let given: Vec<&str> = [
            ("breakdown", d.breakdown.is_some()),
            ("ratio", d.ratio.is_some()),
            ("table", d.table.is_some()),
            ("facts", !d.facts.is_empty()),
            ("ratios", !d.ratios.is_empty()),
            ("series", d.series.is_some()),
            ("indicator", d.indicator.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, there)| there.then_some(name))
        .collect();
        let one = match given.as_slice() {
            [one] => *one,
            [] => return Err(("data".into(), "names no data: give one of breakdown, ratio, table, facts, ratios, series, indicator".into())),
            many => return Err(("data".into(), format!("names {} at once: a chart draws one of them", many.join(", ")))),
        };
        let measure = d.measure.as_deref();
        let wrong_measure = |allowed: &str| Err(("data.measure".to_owned(), format!("“{}” is not a measure of a {one}: {allowed}", measure.unwrap_or_default())));
        Ok(match (one, measure) {
            ("breakdown", None | Some("value")) => DataKind::BreakdownValues,
            ("breakdown", Some("growth")) => DataKind::BreakdownGrowth,
            ("breakdown", _) => return wrong_measure("value or growth"),
            ("table", None | Some("growth")) => DataKind::TableGrowth,
            ("table", Some("progress")) => DataKind::TableProgress,
            ("table", _) => return wrong_measure("growth or progress"),
            ("indicator", None) if self.kind == ChartKind::Combo => DataKind::IndicatorValueGrowth,
            ("indicator", None | Some("growth")) => DataKind::IndicatorGrowth,
            ("indicator", Some("value")) => DataKind::IndicatorValue,
            ("indicator", _) => return wrong_measure("growth or value"),
            (_, Some(_)) => return wrong_measure("none"),
            ("ratio", None) => DataKind::Ratio,
            ("facts", None) => DataKind::Gaps,
            ("ratios", None) => DataKind::RatioComparison,
            _ => DataKind::CumulativeSeries,
        })
    }

    /// What of the entry's data `release` lacks: the first breakdown, ratio, table, series or
    /// fact it names that the release does not have. None when the release has it all.
    pub fn lacks(&self, release: &Release) -> Option<String> {
        let d = &self.data;
        if let Some(id) = d.breakdown.as_ref().filter(|id| !release.breakdowns.iter().any(|b| &b.id == *id)) {
            return Some(format!("breakdown \"{id}\""));
        }
        if let Some(id) = d.ratio.as_ref().filter(|id| !release.ratios.iter().any(|r| &r.id == *id)) {
            return Some(format!("ratio \"{id}\""));
        }
        if let Some(id) = d.table.as_ref().filter(|id| !release.tables.iter().any(|t| &t.id == *id)) {
            return Some(format!("table \"{id}\""));
        }
        if let Some(id) = d.series.as_ref().filter(|id| !release.series.iter().any(|s| &s.id == *id)) {
            return Some(format!("series \"{id}\""));
        }
        if let Some(id) = d.facts.iter().find(|id| release.fact(id).is_none()) {
            return Some(format!("fact \"{id}\""));
        }
        if let Some(r) = d.ratios.iter().find(|r| r.from.is_none() && !release.ratios.iter().any(|x| x.id == r.ratio)) {
            return Some(format!("ratio \"{}\"", r.ratio));
        }
        if let Some(id) = d.indicator.as_ref().filter(|id| indicator_fact(release, id).is_none()) {
            return Some(format!("indicator \"{id}\""));
        }
        None
    }

    /// The entry's selector (checked when the specification is read).
    pub fn selector(&self) -> Selector {
        Selector::parse(&self.release).unwrap_or(Selector::Id(String::new()))
    }
}

impl Spec {
    /// Reads a specification from its JSON text; `origin` names it in errors (`charts.json`).
    /// Checks every entry's form: ids unique and usable in a file name, a known release selector,
    /// exactly one kind of data, a kind of chart that can draw it.
    ///
    /// ```
    /// use xixia_stats::chart::Spec;
    /// let err = Spec::from_json(r#"{"charts": [{"id": "a", "kind": "bar", "title": "t", "title_en": "t",
    ///     "release": "bulletin", "data": {}}]}"#, "charts.json").unwrap_err();
    /// assert_eq!(err.to_string(), "charts.json: charts[0].data: names no data: give one of breakdown, ratio, table, facts, ratios, series, indicator");
    /// ```
    pub fn from_json(json: &str, origin: &str) -> Result<Spec, SpecError> {
        let err = |place: String, message: String| SpecError { origin: origin.to_owned(), place, message };
        if json.len() > MAX_SPEC_BYTES {
            return Err(err("全文".into(), format!("{} bytes is larger than the {MAX_SPEC_BYTES}-byte limit", json.len())));
        }
        let spec: Spec = serde_json::from_str(json.trim_start_matches('\u{feff}')).map_err(|e| err(format!("line {} column {}", e.line(), e.column()), e.to_string()))?;
        let mut seen = std::collections::HashSet::new();
        for (i, chart) in spec.charts.iter().enumerate() {
            let at = |field: &str| format!("charts[{i}].{field}");
            if chart.id.is_empty() || chart.id.len() > 64 || !chart.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') || chart.id.starts_with('-') {
                return Err(err(at("id"), format!("“{}” is not a chart id: use 1 to 64 of a-z, 0-9 and -", chart.id)));
            }
            if chart.id.starts_with("draft-") {
                return Err(err(at("id"), format!("“{}”: ids starting with draft- are kept for the automatic charts", chart.id)));
            }
            if !seen.insert(chart.id.as_str()) {
                return Err(err(at("id"), format!("“{}” is the id of an earlier chart", chart.id)));
            }
            if chart.title.trim().is_empty() {
                return Err(err(at("title"), "is empty".into()));
            }
            if chart.title_en.trim().is_empty() {
                return Err(err(at("title_en"), "is empty".into()));
            }
            for (field, template) in [("title", &chart.title), ("title_en", &chart.title_en)] {
                if let Some(unknown) = unknown_placeholder(template) {
                    return Err(err(at(field), format!("{{{unknown}}} is not a placeholder: use {{place}}, {{period}}, {{year}}, {{data_period}} or {{span}}")));
                }
            }
            match Selector::parse(&chart.release) {
                None => return Err(err(at("release"), "is empty: give a release id, a kind (bulletin, indicators, fiscal) or latest-<kind>".into())),
                Some(Selector::Id(id)) if id.starts_with("latest-") => {
                    return Err(err(at("release"), format!("“{id}”: latest- is followed by a kind: bulletin, indicators or fiscal")));
                }
                Some(_) => {}
            }
            for (j, r) in chart.data.ratios.iter().enumerate() {
                if let Some(from) = &r.from {
                    if ReleaseKind::from_name(from).is_none() {
                        return Err(err(at(&format!("data.ratios[{j}].from")), format!("“{from}” is not a kind of release: bulletin, indicators or fiscal")));
                    }
                }
            }
            let kind = chart.data_kind().map_err(|(field, message)| err(at(&field), message))?;
            let allowed: &[ChartKind] = match kind {
                DataKind::BreakdownValues => &[ChartKind::Column, ChartKind::Bar],
                DataKind::BreakdownGrowth | DataKind::TableGrowth => &[ChartKind::Bar],
                DataKind::Ratio => &[ChartKind::Donut],
                DataKind::TableProgress => &[ChartKind::Progress],
                DataKind::Gaps => &[ChartKind::Grouped],
                DataKind::RatioComparison => &[ChartKind::StackedPercent],
                DataKind::CumulativeSeries => &[ChartKind::Cumulative],
                DataKind::IndicatorGrowth | DataKind::IndicatorValue => &[ChartKind::Line],
                DataKind::IndicatorValueGrowth => &[ChartKind::Combo],
            };
            if !allowed.contains(&chart.kind) {
                let names: Vec<String> = allowed.iter().map(|k| format!("{k:?}").to_lowercase()).collect();
                return Err(err(at("kind"), format!("{:?} cannot draw this data; it is drawn as {}", chart.kind, names.join(" or ")).to_lowercase()));
            }
        }
        Ok(spec)
    }
}

/// The fact by which `release` states `indicator` for a period a series steps by: the one of the
/// release's own period when there is one (a bulletin's 2024 GDP, not its restated 2023 figure).
pub fn indicator_fact<'r>(release: &'r Release, indicator: &str) -> Option<&'r crate::fact::Fact> {
    let stating = || release.facts.iter().filter(|f| f.indicator_id() == indicator && Frequency::of(release.period_of(f)).is_some());
    stating().find(|f| *release.period_of(f) == release.period).or_else(|| stating().next_back())
}

impl Spec {
    /// A site's specification and, where the site has one, its indicator registry: each text with
    /// the name errors give it (`charts.json`, `indicators.json`).
    pub fn with_registry(charts: &str, charts_origin: &str, indicators: Option<(&str, &str)>) -> Result<Spec, SpecError> {
        let mut spec = Spec::from_json(charts, charts_origin)?;
        if let Some((text, origin)) = indicators {
            spec.indicators = Registry::from_json(text, origin)?;
        }
        Ok(spec)
    }
}

/// The first `{…}` in a title template that is not a placeholder.
fn unknown_placeholder(template: &str) -> Option<String> {
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let end = after.find('}')?;
        let name = &after[..end];
        if !["place", "period", "year", "data_period", "span"].contains(&name) {
            return Some(name.to_owned());
        }
        rest = &after[end + 1..];
    }
    None
}

/// Fills a title template.
pub fn fill(template: &str, place: &str, period: &str, year: &str, data_period: &str) -> String {
    template.replace("{place}", place).replace("{period}", period).replace("{year}", year).replace("{data_period}", data_period)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(extra: &str) -> String {
        format!(r#"{{"charts": [{{"id": "a", "kind": "bar", "title": "{{period}}t", "title_en": "t", "release": "bulletin", "data": {{"breakdown": "b"}}{extra}}}]}}"#)
    }

    #[test]
    fn a_good_entry_reads() {
        let spec = Spec::from_json(&entry(""), "charts.json").unwrap();
        assert_eq!(spec.charts[0].data_kind(), Ok(DataKind::BreakdownValues));
        assert_eq!(spec.charts[0].selector(), Selector::Every(ReleaseKind::Bulletin));
    }

    #[test]
    fn every_problem_is_located() {
        let rows = [
            (r#"{"charts": [}"#.to_owned(), "charts.json: line 1 column 13"),
            (entry(r#", "colour": 1"#), "charts.json: line 1 column"),
            (r#"{"charts": [{"id": "A b", "kind": "bar", "title": "t", "title_en": "t", "release": "bulletin", "data": {"breakdown": "b"}}]}"#.to_owned(), "charts.json: charts[0].id: “A b” is not a chart id"),
            (r#"{"charts": [{"id": "a", "kind": "donut", "title": "t", "title_en": "t", "release": "bulletin", "data": {"breakdown": "b"}}]}"#.to_owned(), "charts.json: charts[0].kind: donut cannot draw this data"),
            (r#"{"charts": [{"id": "a", "kind": "bar", "title": "{when}", "title_en": "t", "release": "bulletin", "data": {"breakdown": "b"}}]}"#.to_owned(), "charts.json: charts[0].title: {when} is not a placeholder"),
            (r#"{"charts": [{"id": "a", "kind": "bar", "title": "t", "title_en": "t", "release": "latest-bulletins", "data": {"breakdown": "b"}}]}"#.to_owned(), "charts.json: charts[0].release: “latest-bulletins”"),
            (r#"{"charts": [{"id": "a", "kind": "bar", "title": "t", "title_en": "t", "release": "bulletin", "data": {"breakdown": "b", "table": "t"}}]}"#.to_owned(), "charts.json: charts[0].data: names breakdown, table at once"),
            (r#"{"charts": [{"id": "a", "kind": "bar", "title": "t", "title_en": "t", "release": "bulletin", "data": {"breakdown": "b", "measure": "size"}}]}"#.to_owned(), "charts.json: charts[0].data.measure: “size” is not a measure of a breakdown"),
        ];
        for (json, expected) in rows {
            let message = Spec::from_json(&json, "charts.json").unwrap_err().to_string();
            assert!(message.starts_with(expected), "{message}\n  expected to start with {expected}");
        }
        let twice = r#"{"charts": [{"id": "a", "kind": "bar", "title": "t", "title_en": "t", "release": "x", "data": {"breakdown": "b"}},
                                   {"id": "a", "kind": "bar", "title": "t", "title_en": "t", "release": "x", "data": {"breakdown": "b"}}]}"#;
        assert!(Spec::from_json(twice, "c").unwrap_err().to_string().starts_with("c: charts[1].id: “a” is the id of an earlier chart"));
    }

    #[test]
    fn templates_fill() {
        assert_eq!(fill("{period}{place}三次产业增加值", "样例县", "2024年", "2024", "2024年"), "2024年样例县三次产业增加值");
        assert_eq!(unknown_placeholder("{period}{place}"), None);
        assert_eq!(unknown_placeholder("{period}{x}"), Some("x".into()));
    }
}
