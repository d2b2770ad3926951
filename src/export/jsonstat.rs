//! JSON-stat 2.0 (<https://json-stat.org/full/>): a release written as one dataset, and any
//! JSON-stat 2.0 dataset read back as a release.
//!
//! A release becomes a cube of three dimensions, `time` × `geo` × `indicator`. Every figure a
//! fact states is one category of `indicator`: its value (`gdp`), growth (`gdp.growth`),
//! increase (`gdp.increase`), stated share (`gdp.share`) and contribution (`gdp.contribution`),
//! each with its unit and printed decimals. Numbers are written from the exact decimal text and
//! read back from it, never through binary floating point. What JSON-stat has no place for
//! (English names, growth form, basis and prices, ids of sentences and footnotes, the release's
//! structure and tables) goes in the dataset's `extension`, so our export reads back as the same
//! release. Any other JSON-stat 2.0 dataset reads as a release whose facts are its non-missing
//! cells.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind};
use crate::fact::{Contribution, Fact, Gap, Growth, GrowthBasis, GrowthForm, Prices, Quantity, StatedRank, StatedShare};
use crate::load;
use crate::release::{validate_date, Footnote, Period, Release, Section, Sentence, Source, Status};
use crate::structure::{Breakdown, Series, StructureRatio};
use crate::table::Table;
use crate::unit::Unit;

/// The key of our part of a dataset's `extension`.
pub const EXTENSION: &str = "xixia-stats";

/// The suffixes of a fact's categories after its id, in the order they are written.
const GROWTH: &str = ".growth";
const INCREASE: &str = ".increase";
const SHARE: &str = ".share";
const CONTRIBUTION: &str = ".contribution";

/// The district every bundled release is about: the one category of `geo`.
const GEO: (&str, &str) = ("xixia", "西夏区");

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes a release as a JSON-stat 2.0 dataset, indented, numbers exactly as printed.
///
/// ```
/// use xixia_stats::{bundled, export::jsonstat};
/// let bulletin = bundled::release("2022-bulletin").unwrap();
/// let json = jsonstat::from_release(&bulletin).unwrap();
/// assert!(json.contains(r#""version": "2.0""#));
/// assert!(json.contains("489.91"));
/// assert_eq!(jsonstat::to_release(&json).unwrap(), bulletin);
/// ```
pub fn from_release(release: &Release) -> Result<String, Error> {
    let failed = |message: String| Error::from(ErrorKind::Export { what: format!("{} (JSON-stat)", release.id), message });
    let dataset = dataset_out(release).map_err(failed)?;
    serde_json::to_string_pretty(&dataset).map_err(|err| failed(err.to_string()))
}

/// The dataset as written. Fields are in the order JSON-stat's own samples use.
#[derive(Serialize)]
struct DatasetOut {
    version: &'static str,
    class: &'static str,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    note: Vec<String>,
    id: [&'static str; 3],
    size: [usize; 3],
    role: RoleOut,
    dimension: DimensionsOut,
    value: Vec<Option<Box<RawValue>>>,
    extension: ExtensionOut,
}

#[derive(Serialize)]
struct RoleOut {
    time: [&'static str; 1],
    geo: [&'static str; 1],
    metric: [&'static str; 1],
}

#[derive(Serialize)]
struct DimensionsOut {
    time: DimensionOut,
    geo: DimensionOut,
    indicator: DimensionOut,
}

#[derive(Serialize)]
struct DimensionOut {
    label: &'static str,
    category: CategoryOut,
}

#[derive(Serialize)]
struct CategoryOut {
    index: Vec<String>,
    label: Ordered<String>,
    #[serde(skip_serializing_if = "Ordered::is_empty")]
    unit: Ordered<UnitOut>,
    #[serde(skip_serializing_if = "Ordered::is_empty")]
    note: Ordered<Vec<String>>,
}

#[derive(Serialize)]
struct UnitOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    decimals: u32,
    position: &'static str,
}

/// A JSON object whose keys keep the order given (category labels in index order).
struct Ordered<T>(Vec<(String, T)>);

impl<T> Ordered<T> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

#[derive(Serialize)]
struct ExtensionOut {
    #[serde(rename = "xixia-stats")]
    ours: Extension,
}

/// Our part of the extension: everything of the release that JSON-stat has no place for.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Extension {
    release: ReleaseExt,
    facts: Vec<FactExt>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReleaseExt {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title_en: Option<String>,
    /// Only when `source` split at 、 would not give them back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    publishers: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    publishers_en: Vec<String>,
    status: Status,
    source: Source,
    /// The footnotes' ids, one per entry of the dataset's `note`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    footnotes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sentences: Vec<Sentence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    breakdowns: Vec<Breakdown>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ratios: Vec<StructureRatio>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    series: Vec<Series>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tables: Vec<Table>,
}

/// A fact's words and references; its figures are cells of the cube.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FactExt {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sentence: Option<String>,
    /// The fact names the release's own period as its period (rather than inheriting it).
    #[serde(default, skip_serializing_if = "is_false")]
    period_keyed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value_decimals: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    growth: Option<GrowthExt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    increase_decimals: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    share_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contribution_to: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    gaps: Vec<Gap>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ranks: Vec<StatedRank>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    footnotes: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GrowthExt {
    form: GrowthForm,
    basis: GrowthBasis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prices: Option<Prices>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// One category of `indicator`: a figure of a fact.
struct Figure {
    id: String,
    label: String,
    unit: Option<String>,
    decimals: u32,
    amount: Decimal,
    time: usize,
    note: Option<String>,
}

fn dataset_out(release: &Release) -> Result<DatasetOut, String> {
    let mut periods: Vec<&Period> = vec![&release.period];
    for fact in &release.facts {
        let period = release.period_of(fact);
        if !periods.contains(&period) {
            periods.push(period);
        }
    }
    let mut figures = Vec::new();
    for fact in &release.facts {
        let time = periods.iter().position(|p| *p == release.period_of(fact)).unwrap_or(0);
        let first = figures.len();
        figures.extend(fact_figures(release, fact, time));
        if let (Some(note), Some(figure)) = (&fact.note, figures.get_mut(first)) {
            figure.note = Some(note.clone());
        }
    }
    let mut seen = HashSet::new();
    for figure in &figures {
        if !seen.insert(figure.id.as_str()) {
            return Err(format!("two figures would both be the indicator {:?}: rename the fact whose id ends like a figure's suffix", figure.id));
        }
    }

    let n = figures.len();
    let mut value: Vec<Option<Box<RawValue>>> = (0..periods.len() * n).map(|_| None).collect();
    for (i, figure) in figures.iter().enumerate() {
        let raw = RawValue::from_string(figure.amount.to_string()).map_err(|err| format!("{}: {err}", figure.id))?;
        if let Some(cell) = value.get_mut(figure.time * n + i) {
            *cell = Some(raw);
        }
    }

    let (source, publishers) = match release.publishers.as_slice() {
        [] => (None, None),
        all => {
            let joined = all.join("、");
            let splits_back = joined.split('、').eq(all.iter().map(String::as_str));
            (Some(joined), (!splits_back).then(|| all.to_vec()))
        }
    };
    let time = DimensionOut {
        label: "时期",
        category: CategoryOut {
            index: periods.iter().map(|p| period_code(p)).collect(),
            label: Ordered(periods.iter().map(|p| (period_code(p), p.to_string())).collect()),
            unit: Ordered(Vec::new()),
            note: Ordered(Vec::new()),
        },
    };
    let geo = DimensionOut {
        label: "地区",
        category: CategoryOut {
            index: vec![GEO.0.to_owned()],
            label: Ordered(vec![(GEO.0.to_owned(), GEO.1.to_owned())]),
            unit: Ordered(Vec::new()),
            note: Ordered(Vec::new()),
        },
    };
    let indicator = DimensionOut {
        label: "指标",
        category: CategoryOut {
            index: figures.iter().map(|f| f.id.clone()).collect(),
            label: Ordered(figures.iter().map(|f| (f.id.clone(), f.label.clone())).collect()),
            unit: Ordered(figures.iter().map(|f| (f.id.clone(), UnitOut { label: f.unit.clone(), decimals: f.decimals, position: "end" })).collect()),
            note: Ordered(figures.iter().filter_map(|f| f.note.clone().map(|note| (f.id.clone(), vec![note]))).collect()),
        },
    };
    let facts = release.facts.iter().map(|fact| fact_ext(release, fact)).collect();
    Ok(DatasetOut {
        version: "2.0",
        class: "dataset",
        label: release.title.clone(),
        source,
        updated: release.published.clone(),
        note: release.footnotes.iter().map(|f| f.text.clone()).collect(),
        id: ["time", "geo", "indicator"],
        size: [periods.len(), 1, n],
        role: RoleOut { time: ["time"], geo: ["geo"], metric: ["indicator"] },
        dimension: DimensionsOut { time, geo, indicator },
        value,
        extension: ExtensionOut {
            ours: Extension {
                release: ReleaseExt {
                    id: release.id.clone(),
                    title_en: release.title_en.clone(),
                    publishers,
                    publishers_en: release.publishers_en.clone(),
                    status: release.status,
                    source: release.source.clone(),
                    footnotes: release.footnotes.iter().map(|f| f.id.clone()).collect(),
                    sections: release.sections.clone(),
                    sentences: release.sentences.clone(),
                    breakdowns: release.breakdowns.clone(),
                    ratios: release.ratios.clone(),
                    series: release.series.clone(),
                    tables: release.tables.clone(),
                },
                facts,
            },
        },
    })
}

/// The figures a fact states, as categories of `indicator`, labelled in the release's words.
fn fact_figures(release: &Release, fact: &Fact, time: usize) -> Vec<Figure> {
    let name = &fact.name;
    let figure = |suffix: &str, label: String, unit: Option<String>, decimals: u32, amount: Decimal| Figure {
        id: format!("{}{suffix}", fact.id),
        label,
        unit,
        decimals,
        amount,
        time,
        note: None,
    };
    let unit_label = |unit: &Unit| Some(unit.symbol().to_owned()).filter(|s| !s.is_empty());
    let name_of = |id: &str| release.fact(id).map_or_else(|| id.to_owned(), |f| f.name.clone());
    let mut figures = Vec::new();
    if let Some(value) = &fact.value {
        figures.push(figure("", name.clone(), unit_label(&value.unit), value.decimals.unwrap_or(value.amount.scale()), value.amount));
    }
    if let Some(growth) = &fact.growth {
        let unit = match growth.form {
            GrowthForm::Percent => Some("%".to_owned()),
            GrowthForm::Times => Some("倍".to_owned()),
            GrowthForm::Bare => None,
        };
        figures.push(figure(GROWTH, format!("{name}（{}增长）", growth.basis.label()), unit, growth.rate.scale(), growth.rate));
    }
    if let Some(increase) = &fact.increase {
        figures.push(figure(INCREASE, format!("{name}（增减额）"), unit_label(&increase.unit), increase.decimals.unwrap_or(increase.amount.scale()), increase.amount));
    }
    if let Some(share) = &fact.share {
        figures.push(figure(SHARE, format!("{name}（占{}的比重）", name_of(&share.of)), Some("%".to_owned()), share.percent.scale(), share.percent));
    }
    if let Some(contribution) = &fact.contribution {
        let label = format!("{name}（拉动{}增长）", name_of(&contribution.to));
        figures.push(figure(CONTRIBUTION, label, Some("个百分点".to_owned()), contribution.points.scale(), contribution.points));
    }
    figures
}

fn fact_ext(release: &Release, fact: &Fact) -> FactExt {
    FactExt {
        id: fact.id.clone(),
        name: fact.name.clone(),
        name_en: fact.name_en.clone(),
        sentence: fact.sentence.clone(),
        period_keyed: fact.period.as_ref() == Some(&release.period),
        value_decimals: fact.value.as_ref().and_then(|v| v.decimals),
        growth: fact.growth.as_ref().map(|g| GrowthExt { form: g.form, basis: g.basis, prices: g.prices }),
        increase_decimals: fact.increase.as_ref().and_then(|v| v.decimals),
        share_of: fact.share.as_ref().map(|s| s.of.clone()),
        contribution_to: fact.contribution.as_ref().map(|c| c.to.clone()),
        gaps: fact.gaps.clone(),
        ranks: fact.ranks.clone(),
        footnotes: fact.footnotes.clone(),
    }
}

/// A period as a time category id: `2022`, `2023-02`, `2023-01/2023-11`, `2023-03-31`.
///
/// ```
/// use xixia_stats::{export::jsonstat::period_code, Period};
/// assert_eq!(period_code(&Period::Cumulative { year: 2023, from_month: 1, to_month: 11 }), "2023-01/2023-11");
/// assert_eq!(period_code(&Period::Month { year: 2023, month: 2 }), "2023-02");
/// ```
pub fn period_code(period: &Period) -> String {
    match period {
        Period::Year { year } => format!("{year}"),
        Period::Month { year, month } => format!("{year}-{month:02}"),
        Period::Cumulative { year, from_month, to_month } => format!("{year}-{from_month:02}/{year}-{to_month:02}"),
        Period::AsOf { date } => date.clone(),
    }
}

/// Reads a time category id as a period: the codes [`period_code`] writes, and the common
/// forms of statistics offices: `2023M02` (month), `2023Q2` or `2023-Q2` (a quarter, as the span
/// of its months). `None` for anything else (weeks, spans of years, words).
///
/// ```
/// use xixia_stats::{export::jsonstat::read_period, Period};
/// assert_eq!(read_period("2023M11"), Some(Period::Month { year: 2023, month: 11 }));
/// assert_eq!(read_period("2023Q2"), Some(Period::Cumulative { year: 2023, from_month: 4, to_month: 6 }));
/// assert_eq!(read_period("2023W05"), None);
/// ```
pub fn read_period(code: &str) -> Option<Period> {
    let code = code.trim();
    let year = |text: &str| (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse::<i32>().ok()).flatten();
    let month = |text: &str| (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse::<u8>().ok()).flatten().filter(|m| (1..=12).contains(m));
    let period = if let Some((from, to)) = code.split_once('/') {
        let (from_year, from_month) = from.split_once('-')?;
        let (to_year, to_month) = to.split_once('-')?;
        let y = year(from_year)?;
        (year(to_year)? == y).then_some(())?;
        Period::Cumulative { year: y, from_month: month(from_month)?, to_month: month(to_month)? }
    } else if code.len() == 4 {
        Period::Year { year: year(code)? }
    } else if code.len() == 10 {
        validate_date(code).ok()?;
        Period::AsOf { date: code.to_owned() }
    } else if let Some((y, rest)) = code.split_once('-').or_else(|| code.split_at_checked(4).filter(|(_, r)| r.starts_with(['M', 'Q']))) {
        let y = year(y)?;
        if let Some(q) = rest.strip_prefix('Q') {
            let q: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            Period::Cumulative { year: y, from_month: q * 3 - 2, to_month: q * 3 }
        } else {
            Period::Month { year: y, month: month(rest.strip_prefix('M').unwrap_or(rest))? }
        }
    } else {
        return None;
    };
    period.validate().ok().map(|()| period)
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Reads a JSON-stat 2.0 dataset as a release. Our own export reads back as the release it was
/// written from; any other dataset reads as a release whose facts are its non-missing cells
/// (see `docs/export.md`). A collection holding exactly one embedded dataset reads as that
/// dataset. Errors name the JSON path of the problem.
///
/// ```
/// let json = r#"{"version": "2.0", "class": "dataset", "label": "Population", "source": "SSB",
///   "id": ["time", "region"], "size": [1, 2], "role": {"time": ["time"]},
///   "dimension": {
///     "time": {"category": {"index": ["2023"]}},
///     "region": {"category": {"index": ["0301", "1103"], "label": {"0301": "Oslo", "1103": "Stavanger"}}}
///   },
///   "value": [709037, 148986]}"#;
/// let release = xixia_stats::export::jsonstat::to_release(json).unwrap();
/// assert_eq!(release.facts[1].id, "1103");
/// assert_eq!(release.facts[1].name, "Stavanger");
/// assert_eq!(release.facts[1].value.as_ref().unwrap().amount.to_string(), "148986");
///
/// let err = xixia_stats::export::jsonstat::to_release(&json.replace("[1, 2]", "[1, 3]")).unwrap_err();
/// assert!(err.to_string().contains("`dimension.region.category.index`"), "{err}");
/// ```
pub fn to_release(json: &str) -> Result<Release, Error> {
    read(json, "dataset")
}

/// Whether a text that is not a release is JSON-stat: a JSON object with `version` or `class`
/// (keys a release never has), or a JSON-stat 1.x bundle (datasets by id, each with `dimension`
/// and `value`). The loader calls [`read`] for these, so that errors speak JSON-stat.
pub(crate) fn looks_like(text: &str) -> bool {
    match serde_json::from_str::<Members>(text) {
        Ok(members) => members.contains_key("version") || members.contains_key("class") || is_bundle(&members),
        Err(_) => false,
    }
}

/// A JSON object's members, each kept as its text: numbers in `value` are read from these, never
/// through a JSON value (whose numbers are binary floating point).
type Members<'a> = HashMap<String, &'a RawValue>;

fn is_bundle(members: &Members) -> bool {
    !members.is_empty()
        && members.values().all(|raw| serde_json::from_str::<Members>(raw.get()).is_ok_and(|inner| inner.contains_key("dimension") && inner.contains_key("value")))
}

/// The members as JSON values, except `value` and `link`, which stay text (`null` here).
fn tree(members: &Members, ctx: &Ctx) -> Result<Map<String, Value>, Error> {
    let mut map = Map::new();
    for (key, raw) in members {
        let value = match key.as_str() {
            "value" | "link" => Value::Null,
            _ => serde_json::from_str(raw.get()).map_err(|err| ctx.err(key, err.to_string()))?,
        };
        map.insert(key.clone(), value);
    }
    Ok(map)
}

/// [`to_release`] with `origin` naming the input in errors.
pub(crate) fn read(text: &str, origin: &str) -> Result<Release, Error> {
    if text.len() > load::MAX_BYTES {
        return Err(ErrorKind::TooLarge { origin: origin.to_owned(), bytes: text.len(), limit: load::MAX_BYTES }.into());
    }
    let top = Ctx { origin, prefix: String::new() };
    let members: Members = serde_json::from_str(text).map_err(|err| if err.is_data() { top.err("(top level)", "is not a JSON object") } else { syntax(origin, &err) })?;
    let map = &tree(&members, &top)?;
    match map.get("version") {
        Some(Value::String(version)) if version == "2.0" => {}
        Some(other) => return Err(top.err("version", format!("is {other}; only JSON-stat 2.0 is read"))),
        None if is_bundle(&members) => {
            return Err(top.err("(top level)", "is a JSON-stat 1.x bundle of datasets; only JSON-stat 2.0 (`\"version\": \"2.0\"`, `\"class\": \"dataset\"`) is read"));
        }
        None => return Err(top.err("version", "is missing; only JSON-stat 2.0 (`\"version\": \"2.0\"`) is read")),
    }
    match map.get("class") {
        Some(Value::String(class)) if class == "dataset" => dataset(&members, map, &top),
        None if map.contains_key("value") && map.contains_key("dimension") => dataset(&members, map, &top),
        Some(Value::String(class)) if class == "collection" => collection(&members, &top),
        Some(Value::String(class)) if class == "dimension" => Err(top.err("class", "is \"dimension\": a dimension alone holds no figures; give a dataset")),
        Some(other) => Err(top.err("class", format!("{other} is not a JSON-stat class (dataset, collection, dimension)"))),
        None => Err(top.err("class", "is missing; a JSON-stat 2.0 dataset says `\"class\": \"dataset\"`")),
    }
}

fn syntax(origin: &str, err: &serde_json::Error) -> Error {
    let message = err.to_string();
    let message = message.rfind(" at line ").map_or(message.as_str(), |at| &message[..at]).to_owned();
    ErrorKind::Syntax { origin: origin.to_owned(), line: err.line(), column: err.column(), message }.into()
}

/// Where in the document we are, for errors.
struct Ctx<'a> {
    origin: &'a str,
    prefix: String,
}

impl Ctx<'_> {
    fn path(&self, rest: &str) -> String {
        match (self.prefix.is_empty(), rest.is_empty()) {
            (true, _) => rest.to_owned(),
            (false, true) => self.prefix.clone(),
            (false, false) => format!("{}.{rest}", self.prefix),
        }
    }

    fn err(&self, rest: &str, message: impl Into<String>) -> Error {
        ErrorKind::JsonStat { origin: self.origin.to_owned(), path: self.path(rest), message: message.into() }.into()
    }
}

/// A collection reads as the one dataset embedded in it.
fn collection(members: &Members, ctx: &Ctx) -> Result<Release, Error> {
    #[derive(Deserialize)]
    struct Link<'a> {
        #[serde(borrow)]
        item: Option<Vec<&'a RawValue>>,
    }
    let link: Option<Link> = members.get("link").map(|raw| serde_json::from_str(raw.get())).transpose().map_err(|err| ctx.err("link", err.to_string()))?;
    let items = link.and_then(|l| l.item).ok_or_else(|| ctx.err("link.item", "is missing: a collection lists its items there"))?;
    let embedded: Vec<(usize, Members)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, raw)| serde_json::from_str::<Members>(raw.get()).ok().map(|m| (i, m)))
        .filter(|(_, m)| m.get("class").is_some_and(|c| c.get() == "\"dataset\"") && m.contains_key("value") && m.contains_key("dimension"))
        .collect();
    let [(i, item)] = embedded.as_slice() else {
        let message = if embedded.is_empty() {
            format!("a collection of {} item(s), none of them an embedded dataset (linked items are not fetched); give the dataset itself", items.len())
        } else {
            format!("a collection of {} embedded datasets; give one dataset (or a collection of one)", embedded.len())
        };
        return Err(ctx.err("link.item", message));
    };
    let ctx = Ctx { origin: ctx.origin, prefix: ctx.path(&format!("link.item[{i}]")) };
    dataset(item, &tree(item, &ctx)?, &ctx)
}

/// A dataset, read into a cube and then into a release.
fn dataset(members: &Members, map: &Map<String, Value>, ctx: &Ctx) -> Result<Release, Error> {
    let cube = Cube::read(members, map, ctx)?;
    let ours = map.get("extension").and_then(|e| e.get(EXTENSION));
    let release = match ours {
        Some(ext) => {
            let extension: Extension = serde_path_to_error::deserialize(ext).map_err(|err| {
                let at = err.path().to_string();
                ctx.err(&format!("extension.{EXTENSION}{}", if at == "." { String::new() } else { format!(".{at}") }), err.into_inner().to_string())
            })?;
            own(cube, extension, ctx)?
        }
        None => foreign(cube, ctx)?,
    };
    let problems = load::validate(&release);
    if problems.is_empty() {
        Ok(release)
    } else {
        Err(ErrorKind::Invalid { origin: ctx.origin.to_owned(), problems }.into())
    }
}

/// A dataset's dimensions and non-missing cells.
struct Cube {
    label: Option<String>,
    source: Option<String>,
    updated: Option<String>,
    href: Option<String>,
    notes: Vec<String>,
    dims: Vec<Dim>,
    time: Option<usize>,
    metric: Vec<usize>,
    cells: Vec<Cell>,
}

struct Dim {
    id: String,
    cats: Vec<Cat>,
}

struct Cat {
    id: String,
    label: Option<String>,
    /// Unit candidates in order of preference: `symbol`, `label`, `base`.
    unit: Vec<String>,
    decimals: Option<u32>,
    notes: Vec<String>,
}

struct Cell {
    coords: Vec<usize>,
    amount: Decimal,
    status: Option<String>,
}

impl Cube {
    fn read(members: &Members, map: &Map<String, Value>, ctx: &Ctx) -> Result<Cube, Error> {
        let label = opt_string(map, "label", ctx)?;
        let source = opt_string(map, "source", ctx)?;
        let updated = opt_string(map, "updated", ctx)?;
        let href = opt_string(map, "href", ctx)?;
        let notes = strings(map.get("note"), "note", ctx)?;

        let ids = match map.get("id") {
            Some(Value::Array(ids)) => ids
                .iter()
                .enumerate()
                .map(|(i, id)| id.as_str().map(str::to_owned).ok_or_else(|| ctx.err(&format!("id[{i}]"), format!("{id} is not a dimension id (a string)"))))
                .collect::<Result<Vec<String>, Error>>()?,
            Some(other) => return Err(ctx.err("id", format!("{} is not an array of dimension ids", kind(other)))),
            None => return Err(ctx.err("id", "is missing: a dataset lists its dimension ids there")),
        };
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            if !seen.insert(id) {
                return Err(ctx.err(&format!("id[{i}]"), format!("{id:?} is listed twice")));
            }
        }
        let sizes = match map.get("size") {
            Some(Value::Array(sizes)) => sizes
                .iter()
                .enumerate()
                .map(|(i, s)| s.as_u64().and_then(|s| usize::try_from(s).ok()).ok_or_else(|| ctx.err(&format!("size[{i}]"), format!("{s} is not a count of categories"))))
                .collect::<Result<Vec<usize>, Error>>()?,
            Some(other) => return Err(ctx.err("size", format!("{} is not an array of counts", kind(other)))),
            None => return Err(ctx.err("size", "is missing: a dataset gives the number of categories of each dimension there")),
        };
        if sizes.len() != ids.len() {
            return Err(ctx.err("size", format!("has {} entries but `id` has {}", sizes.len(), ids.len())));
        }
        let dimensions = match map.get("dimension") {
            Some(Value::Object(d)) => d,
            Some(other) => return Err(ctx.err("dimension", format!("{} is not an object of dimensions", kind(other)))),
            None => return Err(ctx.err("dimension", "is missing")),
        };
        let dims = ids
            .iter()
            .zip(&sizes)
            .enumerate()
            .map(|(i, (id, &size))| Dim::read(id, dimensions.get(id), size, i, ctx))
            .collect::<Result<Vec<Dim>, Error>>()?;

        let role = |name: &str| -> Result<Vec<usize>, Error> {
            let Some(list) = map.get("role").and_then(|r| r.get(name)) else { return Ok(Vec::new()) };
            let Value::Array(list) = list else { return Err(ctx.err(&format!("role.{name}"), "is not an array of dimension ids")) };
            list.iter()
                .enumerate()
                .map(|(i, id)| {
                    id.as_str()
                        .and_then(|id| ids.iter().position(|known| known == id))
                        .ok_or_else(|| ctx.err(&format!("role.{name}[{i}]"), format!("{id} is not one of the dataset's dimensions ({})", ids.join(", "))))
                })
                .collect()
        };
        let time = role("time")?.first().copied().or_else(|| ids.iter().position(|id| id.eq_ignore_ascii_case("time")));
        role("geo")?;
        let metric = role("metric")?;

        let count = sizes.iter().try_fold(1u64, |n, &s| n.checked_mul(s as u64)).ok_or_else(|| ctx.err("size", "makes more cells than can be counted"))?;
        let raw = raw_values(members.get("value").copied(), ctx)?;
        let statuses = Statuses::read(map.get("status"), count, ctx)?;
        let mut cells = Vec::new();
        let mut add = |index: u64, raw: &RawValue, at: String| -> Result<(), Error> {
            let Some(amount) = number(raw.get()).map_err(|message| ctx.err(&at, message))? else { return Ok(()) };
            let mut coords = vec![0; sizes.len()];
            let mut rest = index;
            for (coord, &size) in coords.iter_mut().zip(&sizes).rev() {
                let size = size as u64;
                *coord = usize::try_from(rest % size).unwrap_or(0);
                rest /= size;
            }
            cells.push(Cell { coords, amount, status: statuses.get(index) });
            Ok(())
        };
        match raw {
            RawValues::Array(values) => {
                if values.len() as u64 != count {
                    return Err(ctx.err("value", format!("has {} values but `size` {sizes:?} makes {count} cells", values.len())));
                }
                for (i, raw) in values.iter().enumerate() {
                    add(i as u64, raw, format!("value[{i}]"))?;
                }
            }
            RawValues::Object(mut values) => {
                let mut indexed = Vec::with_capacity(values.len());
                for (key, raw) in values.drain(..) {
                    let index = key.parse::<u64>().ok().filter(|&i| i < count).ok_or_else(|| ctx.err(&format!("value.{key:?}"), format!("is not a cell index below {count}")))?;
                    indexed.push((index, key, raw));
                }
                indexed.sort_by_key(|(index, ..)| *index);
                for (index, key, raw) in indexed {
                    add(index, raw, format!("value.{key:?}"))?;
                }
            }
        }
        Ok(Cube { label, source, updated, href, notes, dims, time, metric, cells })
    }

    fn cat(&self, dim: usize, cell: &Cell) -> Option<&Cat> {
        self.dims.get(dim).and_then(|d| cell.coords.get(dim).and_then(|&c| d.cats.get(c)))
    }
}

impl Dim {
    fn read(id: &str, value: Option<&Value>, size: usize, i: usize, ctx: &Ctx) -> Result<Dim, Error> {
        let at = format!("dimension.{id}");
        let Some(Value::Object(dim)) = value else {
            return Err(ctx.err(&at, format!("is missing or not an object; `id[{i}]` names this dimension")));
        };
        let Some(Value::Object(category)) = dim.get("category") else {
            return Err(ctx.err(&format!("{at}.category"), "is missing or not an object"));
        };
        let labels = match category.get("label") {
            None => Map::new(),
            Some(Value::Object(labels)) => labels.clone(),
            Some(other) => return Err(ctx.err(&format!("{at}.category.label"), format!("{} is not an object of labels", kind(other)))),
        };
        let index_at = format!("{at}.category.index");
        let ids: Vec<String> = match category.get("index") {
            Some(Value::Array(ids)) => ids
                .iter()
                .enumerate()
                .map(|(j, c)| c.as_str().map(str::to_owned).ok_or_else(|| ctx.err(&format!("{index_at}[{j}]"), format!("{c} is not a category id"))))
                .collect::<Result<_, _>>()?,
            Some(Value::Object(positions)) => {
                let mut ids = vec![None; positions.len()];
                for (cat, position) in positions {
                    let slot = position.as_u64().and_then(|p| usize::try_from(p).ok()).and_then(|p| ids.get_mut(p));
                    match slot {
                        Some(slot @ None) => *slot = Some(cat.clone()),
                        _ => return Err(ctx.err(&format!("{index_at}.{cat}"), format!("{position} is not a free position below {}", positions.len()))),
                    }
                }
                ids.into_iter().flatten().collect()
            }
            Some(other) => return Err(ctx.err(&index_at, format!("{} is neither an array nor an object of category ids", kind(other)))),
            None if labels.len() == 1 => labels.keys().cloned().collect(),
            None => return Err(ctx.err(&index_at, "is missing (only a dimension of one labelled category may leave it out)")),
        };
        if ids.len() != size {
            return Err(ctx.err(&index_at, format!("has {} categories but `size[{i}]` is {size}", ids.len())));
        }
        let mut seen = HashSet::new();
        if let Some((j, twice)) = ids.iter().enumerate().find(|(_, cat)| !seen.insert(cat.as_str())) {
            return Err(ctx.err(&format!("{index_at}[{j}]"), format!("{twice:?} is listed twice")));
        }
        let units = match category.get("unit") {
            None => Map::new(),
            Some(Value::Object(units)) => units.clone(),
            Some(other) => return Err(ctx.err(&format!("{at}.category.unit"), format!("{} is not an object of units", kind(other)))),
        };
        let notes = match category.get("note") {
            None => Map::new(),
            Some(Value::Object(notes)) => notes.clone(),
            Some(other) => return Err(ctx.err(&format!("{at}.category.note"), format!("{} is not an object of notes", kind(other)))),
        };
        for (key, what) in units.keys().map(|k| (k, "unit")).chain(notes.keys().map(|k| (k, "note"))) {
            if !ids.contains(key) {
                return Err(ctx.err(&format!("{at}.category.{what}.{key}"), format!("no category {key:?} in this dimension")));
            }
        }
        let cats = ids
            .into_iter()
            .map(|cat| {
                let label = match labels.get(&cat) {
                    None => None,
                    Some(Value::String(label)) => Some(label.clone()),
                    Some(other) => return Err(ctx.err(&format!("{at}.category.label.{cat}"), format!("{other} is not a label"))),
                };
                let (unit, decimals) = match units.get(&cat) {
                    None => (Vec::new(), None),
                    Some(Value::Object(unit)) => {
                        let unit_at = format!("{at}.category.unit.{cat}");
                        let decimals = match unit.get("decimals") {
                            None => None,
                            Some(d) => Some(d.as_u64().and_then(|d| u32::try_from(d).ok()).filter(|&d| d <= 28).ok_or_else(|| ctx.err(&format!("{unit_at}.decimals"), format!("{d} is not a number of decimals (0 to 28)")))?),
                        };
                        let names = ["symbol", "label", "base"].iter().filter_map(|k| unit.get(*k).and_then(Value::as_str)).map(str::to_owned).filter(|s| !s.trim().is_empty()).collect();
                        (names, decimals)
                    }
                    Some(other) => return Err(ctx.err(&format!("{at}.category.unit.{cat}"), format!("{} is not a unit object", kind(other)))),
                };
                let notes = strings(notes.get(&cat), &format!("{at}.category.note.{cat}"), ctx)?;
                Ok(Cat { id: cat, label, unit, decimals, notes })
            })
            .collect::<Result<Vec<Cat>, Error>>()?;
        Ok(Dim { id: id.to_owned(), cats })
    }
}

/// `value`, read from the text so that every number keeps its digits.
enum RawValues<'a> {
    Array(Vec<&'a RawValue>),
    Object(Vec<(String, &'a RawValue)>),
}

fn raw_values<'a>(value: Option<&'a RawValue>, ctx: &Ctx) -> Result<RawValues<'a>, Error> {
    let value = value.ok_or_else(|| ctx.err("value", "is missing: a dataset holds its figures there"))?;
    let text = value.get();
    if text.starts_with('[') {
        serde_json::from_str::<Vec<&RawValue>>(text).map(RawValues::Array).map_err(|err| ctx.err("value", err.to_string()))
    } else if text.starts_with('{') {
        let map: HashMap<String, &RawValue> = serde_json::from_str(text).map_err(|err| ctx.err("value", err.to_string()))?;
        Ok(RawValues::Object(map.into_iter().collect()))
    } else {
        Err(ctx.err("value", format!("{text} is neither an array nor an object of figures")))
    }
}

/// A cell as an exact decimal; `None` for a missing one (`null`).
fn number(raw: &str) -> Result<Option<Decimal>, String> {
    let raw = raw.trim();
    if raw == "null" {
        return Ok(None);
    }
    let exact = |text: &str| -> Result<Decimal, String> {
        let parsed = if text.contains(['e', 'E']) { Decimal::from_scientific(text) } else { Decimal::from_str_exact(text) };
        parsed.map_err(|err| format!("{text} does not fit an exact decimal (at most 28 decimals and 28 digits): {err}"))
    };
    if let Ok(text) = serde_json::from_str::<String>(raw) {
        return crate::decimal::parse(&text).map(Some).map_err(|err| format!("{err}; a figure is a number or null"));
    }
    if raw.starts_with(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
        exact(raw).map(Some)
    } else {
        Err(format!("{raw} is not a figure: a cell holds a number or null"))
    }
}

/// `status`: one for every cell, one per cell, or some cells by index.
enum Statuses {
    None,
    All(String),
    Each(Vec<Option<String>>),
    Some(HashMap<u64, String>),
}

impl Statuses {
    fn read(value: Option<&Value>, count: u64, ctx: &Ctx) -> Result<Statuses, Error> {
        let text = |v: &Value, at: &str| -> Result<Option<String>, Error> {
            match v {
                Value::Null => Ok(None),
                Value::String(s) => Ok(Some(s.clone())),
                other => Err(ctx.err(at, format!("{other} is not a status (a string)"))),
            }
        };
        Ok(match value {
            None | Some(Value::Null) => Statuses::None,
            Some(Value::String(s)) => Statuses::All(s.clone()),
            Some(Value::Array(list)) if list.len() == 1 => text(&list[0], "status[0]")?.map_or(Statuses::None, Statuses::All),
            Some(Value::Array(list)) if list.len() as u64 == count => {
                Statuses::Each(list.iter().enumerate().map(|(i, v)| text(v, &format!("status[{i}]"))).collect::<Result<_, _>>()?)
            }
            Some(Value::Array(list)) => return Err(ctx.err("status", format!("has {} entries but the cube has {count} cells", list.len()))),
            Some(Value::Object(map)) => {
                let mut some = HashMap::new();
                for (key, v) in map {
                    let at = format!("status.{key:?}");
                    let index = key.parse::<u64>().ok().filter(|&i| i < count).ok_or_else(|| ctx.err(&at, format!("is not a cell index below {count}")))?;
                    if let Some(s) = text(v, &at)? {
                        some.insert(index, s);
                    }
                }
                Statuses::Some(some)
            }
            Some(other) => return Err(ctx.err("status", format!("{} is not a status, a list or an object of statuses", kind(other)))),
        })
    }

    fn get(&self, index: u64) -> Option<String> {
        match self {
            Statuses::None => None,
            Statuses::All(s) => Some(s.clone()),
            Statuses::Each(list) => usize::try_from(index).ok().and_then(|i| list.get(i).cloned().flatten()),
            Statuses::Some(map) => map.get(&index).cloned(),
        }
    }
}

fn opt_string(map: &Map<String, Value>, key: &str, ctx: &Ctx) -> Result<Option<String>, Error> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(ctx.err(key, format!("{} is not a string", kind(other)))),
    }
}

/// A list of strings (a note); a single string is read as a list of one.
fn strings(value: Option<&Value>, at: &str, ctx: &Ctx) -> Result<Vec<String>, Error> {
    match value {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, v)| v.as_str().map(str::to_owned).ok_or_else(|| ctx.err(&format!("{at}[{i}]"), format!("{v} is not text"))))
            .collect(),
        Some(other) => Err(ctx.err(at, format!("{} is not a list of notes", kind(other)))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A unit from a category's unit object: a known unit among its symbol, label and base, else the
/// first of them as printed, else a pure number.
fn unit_of(cat: &Cat) -> Unit {
    cat.unit.iter().map(|name| Unit::from(name.as_str())).find(Unit::is_known).or_else(|| cat.unit.first().map(|name| Unit::from(name.as_str()))).unwrap_or(Unit::Pure)
}

/// Our own export, read back exactly.
fn own(cube: Cube, ext: Extension, ctx: &Ctx) -> Result<Release, Error> {
    let dim = |id: &str| cube.dims.iter().position(|d| d.id == id).ok_or_else(|| ctx.err("id", format!("has no dimension {id:?}, which our export always writes")));
    let (time, indicator) = (dim("time")?, dim("indicator")?);
    if let Some((i, d)) = cube.dims.iter().enumerate().find(|(i, d)| *i != time && *i != indicator && d.cats.len() != 1) {
        return Err(ctx.err(&format!("dimension.{}", d.id), format!("has {} categories; besides time and indicator our export has only single-category dimensions (`size[{i}]`)", d.cats.len())));
    }
    let periods = cube.dims[time]
        .cats
        .iter()
        .enumerate()
        .map(|(i, c)| read_period(&c.id).ok_or_else(|| ctx.err(&format!("dimension.time.category.index[{i}]"), format!("{:?} is not a period", c.id))))
        .collect::<Result<Vec<Period>, Error>>()?;
    let release_period = periods.first().cloned().ok_or_else(|| ctx.err("dimension.time.category.index", "is empty: the first period is the release's"))?;

    // Each indicator category holds one figure, in one period.
    let mut figures: HashMap<&str, (Decimal, usize, &Cat)> = HashMap::new();
    for cell in &cube.cells {
        let (Some(cat), Some(&t)) = (cube.cat(indicator, cell), cell.coords.get(time)) else { continue };
        if figures.insert(cat.id.as_str(), (cell.amount, t, cat)).is_some() {
            return Err(ctx.err("value", format!("indicator {:?} has figures in two periods; each of our figures has one", cat.id)));
        }
    }
    let mut claimed = HashSet::new();
    let mut facts = Vec::with_capacity(ext.facts.len());
    for (i, f) in ext.facts.into_iter().enumerate() {
        let at = format!("extension.{EXTENSION}.facts[{i}]");
        let mut take = |suffix: &str| {
            let id = format!("{}{suffix}", f.id);
            let found = figures.get(id.as_str()).copied();
            if found.is_some() {
                claimed.insert(id);
            }
            found
        };
        let (value, growth, increase, share, contribution) = (take(""), take(GROWTH), take(INCREASE), take(SHARE), take(CONTRIBUTION));
        let needs = |what: &str, suffix: &str| ctx.err(&at, format!("fact {:?} states {what}, but the indicator {:?} has no figure", f.id, format!("{}{suffix}", f.id)));
        let present = [value, growth, increase, share, contribution];
        let mut times = present.iter().flatten().map(|(_, t, _)| *t);
        let t = times.next().unwrap_or(0);
        if times.any(|other| other != t) {
            return Err(ctx.err(&at, format!("the figures of fact {:?} are in different periods", f.id)));
        }
        let period = match (t, f.period_keyed) {
            (0, false) => None,
            _ => periods.get(t).cloned(),
        };
        let note = present.iter().flatten().find(|(.., cat)| !cat.notes.is_empty()).map(|(.., cat)| cat.notes.join("\n"));
        let growth = match f.growth {
            Some(g) => {
                let (rate, ..) = growth.ok_or_else(|| needs("a growth", GROWTH))?;
                Some(Growth { rate, form: g.form, basis: g.basis, prices: g.prices })
            }
            None => None,
        };
        let share = match f.share_of {
            Some(of) => Some(StatedShare { of, percent: share.ok_or_else(|| needs("a share", SHARE))?.0 }),
            None => None,
        };
        let contribution = match f.contribution_to {
            Some(to) => Some(Contribution { to, points: contribution.ok_or_else(|| needs("a contribution", CONTRIBUTION))?.0 }),
            None => None,
        };
        facts.push(Fact {
            value: value.map(|(amount, _, cat)| Quantity { amount, unit: unit_of(cat), decimals: f.value_decimals }),
            increase: increase.map(|(amount, _, cat)| Quantity { amount, unit: unit_of(cat), decimals: f.increase_decimals }),
            id: f.id,
            name: f.name,
            name_en: f.name_en,
            sentence: f.sentence,
            period,
            growth,
            gaps: f.gaps,
            ranks: f.ranks,
            contribution,
            share,
            footnotes: f.footnotes,
            note,
        });
    }
    if let Some(stray) = cube.dims[indicator].cats.iter().find(|c| figures.contains_key(c.id.as_str()) && !claimed.contains(&c.id)) {
        return Err(ctx.err("dimension.indicator.category.index", format!("indicator {:?} belongs to no fact of `extension.{EXTENSION}.facts`", stray.id)));
    }

    let r = ext.release;
    if r.footnotes.len() != cube.notes.len() {
        return Err(ctx.err("note", format!("has {} notes but `extension.{EXTENSION}.release.footnotes` has {} ids", cube.notes.len(), r.footnotes.len())));
    }
    let publishers = match (r.publishers, &cube.source) {
        (Some(publishers), _) => publishers,
        (None, Some(source)) => source.split('、').map(str::to_owned).collect(),
        (None, None) => Vec::new(),
    };
    Ok(Release {
        id: r.id,
        title: cube.label.ok_or_else(|| ctx.err("label", "is missing: it is the release's title"))?,
        title_en: r.title_en,
        publishers,
        publishers_en: r.publishers_en,
        period: release_period,
        published: cube.updated,
        status: r.status,
        source: r.source,
        footnotes: r.footnotes.into_iter().zip(cube.notes).map(|(id, text)| Footnote { id, text }).collect(),
        sections: r.sections,
        sentences: r.sentences,
        facts,
        breakdowns: r.breakdowns,
        ratios: r.ratios,
        series: r.series,
        tables: r.tables,
    })
}

/// Anyone's dataset: one fact per non-missing cell.
fn foreign(cube: Cube, ctx: &Ctx) -> Result<Release, Error> {
    let periods: Option<Vec<Period>> = cube.time.and_then(|t| {
        cube.dims[t].cats.iter().map(|c| read_period(&c.id).or_else(|| c.label.as_deref().and_then(read_period))).collect::<Option<Vec<Period>>>().filter(|p| !p.is_empty())
    });
    let release_period = match &periods {
        Some(periods) => periods.last().cloned(),
        None => cube.updated.as_deref().and_then(|u| u.get(..4)).and_then(|y| y.parse().ok()).map(|year| Period::Year { year }),
    }
    .ok_or_else(|| ctx.err("role.time", "no time dimension reads as periods (2022, 2023-02, 2023M02, 2023Q2, 2023-03-31), and there is no `updated` date to take the year from"))?;
    let time_read = if periods.is_some() { cube.time } else { None };

    let varying: Vec<usize> = match (0..cube.dims.len()).filter(|&d| cube.dims[d].cats.len() > 1).collect::<Vec<_>>() {
        none if none.is_empty() => (0..cube.dims.len()).collect(),
        some => some,
    };
    let named: Vec<usize> = (0..cube.dims.len()).filter(|d| cube.metric.contains(d) || (varying.contains(d) && Some(*d) != time_read)).collect();
    let mut facts = Vec::with_capacity(cube.cells.len());
    for cell in &cube.cells {
        let cats = |dims: &[usize]| dims.iter().filter_map(|&d| cube.cat(d, cell)).collect::<Vec<&Cat>>();
        let id = cats(&varying).iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(".");
        let name = cats(&named).iter().map(|c| c.label.as_deref().unwrap_or(&c.id)).collect::<Vec<_>>().join(" · ");
        let name = if name.is_empty() { cube.label.clone().unwrap_or_else(|| id.clone()) } else { name };
        let all: Vec<&Cat> = cats(&(0..cube.dims.len()).collect::<Vec<_>>());
        let with_unit = cube.metric.iter().filter_map(|&d| cube.cat(d, cell)).chain(all.iter().copied()).find(|c| !c.unit.is_empty() || c.decimals.is_some());
        let decimals = with_unit.and_then(|c| c.decimals).filter(|&d| d > cell.amount.scale());
        let period = time_read.and_then(|t| periods.as_ref().and_then(|p| cell.coords.get(t).and_then(|&c| p.get(c)))).filter(|p| **p != release_period).cloned();
        let mut notes: Vec<String> = all.iter().flat_map(|c| c.notes.iter().cloned()).collect();
        if let Some(status) = &cell.status {
            notes.push(format!("状态：{status}"));
        }
        facts.push(Fact {
            id,
            name,
            name_en: None,
            sentence: None,
            period,
            value: Some(Quantity { amount: cell.amount, unit: with_unit.map_or(Unit::Pure, unit_of), decimals }),
            growth: None,
            increase: None,
            gaps: Vec::new(),
            ranks: Vec::new(),
            contribution: None,
            share: None,
            footnotes: Vec::new(),
            note: (!notes.is_empty()).then(|| notes.join("；")),
        });
    }
    let provisional = |s: &str| matches!(s.trim().to_lowercase().as_str(), "p" | "prov" | "provisional" | "preliminary");
    let status = if cube.cells.iter().any(|c| c.status.as_deref().is_some_and(provisional)) { Status::Preliminary } else { Status::Final };
    let title = cube.label.clone().unwrap_or_else(|| "JSON-stat dataset".to_owned());
    Ok(Release {
        id: slug(&title),
        title_en: None,
        publishers: cube.source.iter().cloned().collect(),
        publishers_en: Vec::new(),
        period: release_period,
        published: cube.updated.as_deref().and_then(|u| u.get(..10)).filter(|d| validate_date(d).is_ok()).map(str::to_owned),
        status,
        source: Source { document: cube.href.clone().unwrap_or_else(|| title.clone()), file: None, note: None },
        footnotes: cube.notes.iter().enumerate().map(|(i, text)| Footnote { id: (i + 1).to_string(), text: text.clone() }).collect(),
        title,
        sections: Vec::new(),
        sentences: Vec::new(),
        facts,
        breakdowns: Vec::new(),
        ratios: Vec::new(),
        series: Vec::new(),
        tables: Vec::new(),
    })
}

/// A release id from a title: its ASCII letters and digits, lower case, joined by `-`;
/// `jsonstat` when it has none (a Chinese title).
fn slug(title: &str) -> String {
    let mut id = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            if id.len() >= 60 {
                break;
            }
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "jsonstat".to_owned()
    } else {
        id.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_have_codes_that_read_back() {
        let rows = [
            (Period::Year { year: 2022 }, "2022"),
            (Period::Month { year: 2023, month: 2 }, "2023-02"),
            (Period::Cumulative { year: 2023, from_month: 1, to_month: 11 }, "2023-01/2023-11"),
            (Period::Cumulative { year: 2023, from_month: 1, to_month: 1 }, "2023-01/2023-01"),
            (Period::AsOf { date: "2023-03-31".into() }, "2023-03-31"),
        ];
        for (period, code) in rows {
            assert_eq!(period_code(&period), code);
            assert_eq!(read_period(code), Some(period), "{code}");
        }
        for (code, period) in [("2023M02", Period::Month { year: 2023, month: 2 }), ("2023-Q4", Period::Cumulative { year: 2023, from_month: 10, to_month: 12 })] {
            assert_eq!(read_period(code), Some(period), "{code}");
        }
        for code in ["2023M13", "2023-02-30", "2023W05", "2020-2022", "2023-05/2024-01", "2023-05/2023-02", "二〇二二", "", "20233"] {
            assert_eq!(read_period(code), None, "{code}");
        }
    }

    #[test]
    fn numbers_are_read_exactly_or_refused() {
        let rows = [("489.91", Some("489.91")), ("13.0", Some("13.0")), ("-14.6", Some("-14.6")), ("null", None), ("1.5e3", Some("1500")), ("\"7.25\"", Some("7.25"))];
        for (raw, expected) in rows {
            assert_eq!(number(raw).unwrap().map(|d| d.to_string()).as_deref(), expected, "{raw}");
        }
        for raw in ["1e400", "123456789012345678901234567890", "0.12345678901234567890123456789", "true", "\"abc\"", "[1]"] {
            assert!(number(raw).is_err(), "{raw}");
        }
    }

    #[test]
    fn titles_make_release_ids() {
        assert_eq!(slug("Unemployment rate in the OECD countries 2003-2014"), "unemployment-rate-in-the-oecd-countries-2003-2014");
        assert_eq!(slug("西夏区人口"), "jsonstat");
        assert_eq!(slug("  GDP (€ m)  "), "gdp-m");
    }
}
