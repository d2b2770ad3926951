//! What a chart shows, before anything is placed: categories, series of exact values with their
//! printed labels, a reference line, and the metadata every chart carries (title, period, unit,
//! source, status, a description in the bulletin's own words). Built from releases by chart id,
//! in Chinese or in English; the table view is derived from the same data.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::format::{self, Lang};
use crate::compute::growth::comparator_value;
use crate::compute::round::round_half_away;
use crate::fact::{Fact, Gap, Growth, GrowthBasis, Prices, StatedRank};
use crate::release::{month_name_en, months_en, Period, Release};
use crate::structure::{Breakdown, Series, SeriesKind, StructureRatio};
use crate::table::{Column, ColumnKind, Row, Table};
use crate::unit::Unit;

/// The district every release is about, in Chinese and in English.
const DISTRICT: (&str, &str) = ("西夏区", "Xixia District");

/// How a chart draws its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Vertical bars, one per category.
    Column,
    /// A ring of shares of a whole.
    Donut,
    /// Horizontal 100 % bars, one per category, split into the series.
    StackedPercent,
    /// Horizontal bars, one per category, ranked; negative values extend left.
    Bar,
    /// Vertical bars grouped by category, one per series.
    Grouped,
    /// Vertical stacked bars per period, with a reference value per period.
    Cumulative,
    /// Horizontal bars of a rate against a target line.
    Progress,
}

/// One chart's data. It serializes to the JSON the public page loads (`xixia-stats chart-data`),
/// so visitors' browsers draw the figures the Rust core computed, without the core itself.
/// Every string is in [`ChartData::lang`]; the figures are the same in every language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartData {
    pub id: String,
    pub release: String,
    pub kind: ChartKind,
    /// The language of every string below. Chart data written before there was a choice is
    /// Chinese.
    #[serde(default)]
    pub lang: Lang,
    pub title: String,
    /// Period and unit: "2022年 · 单位：亿元", "2022 · Unit: 100 million yuan".
    pub subtitle: String,
    pub unit: String,
    pub period: String,
    pub categories: Vec<String>,
    pub series: Vec<SeriesData>,
    /// A line or marks to compare against: the 25 % target, the time-proportional plan.
    pub reference: Option<Reference>,
    /// Extra table columns that are not drawn: the growth beside a value.
    pub extra_columns: Vec<SeriesData>,
    /// The category column's header in the table view.
    pub category_label: String,
    /// A second, quieter line under each category's name on the chart ("增长0.7%"); empty for none.
    pub category_notes: Vec<String>,
    /// "资料来源：西夏区统计局", "Source: Xixia District Bureau of Statistics".
    pub source: String,
    /// "初步统计数", "Preliminary figures".
    pub status: String,
    /// Notes under the chart: how derived figures were derived.
    pub notes: Vec<String>,
    /// One or two sentences saying what the chart shows, the way the bulletin writes it, with the
    /// key figures: read by screen readers and shown under the chart.
    pub description: String,
    /// Text for the middle of a donut, a caption and a figure: ("地区生产总值", "489.91亿元"),
    /// ("GRP, 100 million yuan", "489.91").
    pub center: Option<(String, String)>,
    /// The category drawn emphasised: the total that heads a progress chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight: Option<usize>,
    /// The lines printed above each category's stack, top line first: ["14976.67",
    /// "占全年10.87%"]. Empty when the chart prints none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub total_labels: Vec<Vec<String>>,
}

/// A series: one value per category (absent where there is none), with the label to print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesData {
    pub name: String,
    #[serde(with = "option_decimals")]
    pub values: Vec<Option<Decimal>>,
    /// The value as printed (or derived and so marked): "489.91", "−14.6%", "11.5%*".
    pub labels: Vec<String>,
}

/// A reference drawn over the bars: one value for all categories (a target), or one each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub label: String,
    #[serde(with = "option_decimals")]
    pub values: Vec<Option<Decimal>>,
    pub labels: Vec<String>,
}

mod option_decimals {
    use rust_decimal::Decimal;
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Option<Decimal>>, D::Error> {
        Vec::<Option<String>>::deserialize(deserializer)?
            .into_iter()
            .map(|text| text.map(|t| crate::decimal::parse(&t).map_err(serde::de::Error::custom)).transpose())
            .collect()
    }

    pub fn serialize<S: Serializer>(values: &[Option<Decimal>], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(values.len()))?;
        for value in values {
            seq.serialize_element(&value.map(|v| v.to_string()))?;
        }
        seq.end()
    }
}

/// A chart's data as a table: a header row and one row per category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableView {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl ChartData {
    /// The data table behind the chart: every drawn series and every extra column, as printed.
    pub fn table(&self) -> TableView {
        let mut columns = vec![self.category_label.clone()];
        let all: Vec<&SeriesData> = self.series.iter().chain(&self.extra_columns).collect();
        columns.extend(all.iter().map(|s| s.name.clone()));
        if let Some(reference) = &self.reference {
            columns.push(reference.label.clone());
        }
        let rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, category)| {
                let mut row = vec![category.clone()];
                row.extend(all.iter().map(|s| s.labels.get(i).cloned().unwrap_or_default()));
                if let Some(reference) = &self.reference {
                    row.push(reference.labels.get(i).or(reference.labels.first()).cloned().unwrap_or_default());
                }
                row
            })
            .collect();
        let caption = match self.lang {
            Lang::Zh => format!("{}（{}）", self.title, self.subtitle),
            Lang::En => format!("{} ({})", self.title, self.subtitle),
        };
        TableView { caption, columns, rows }
    }
}

/// Why a chart cannot be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    #[error("没有图表“{chart}”。可用的图表：{known}")]
    UnknownChart { chart: String, known: String },
    #[error("图表“{chart}”不属于发布“{release}”，它属于“{home}”")]
    WrongRelease { chart: String, release: String, home: String },
    #[error("没有发布“{0}”")]
    UnknownRelease(String),
    /// Data the chart needs is absent, or, for an English chart, has no English name.
    #[error("图表“{chart}”需要的数据缺失：{what}")]
    MissingData { chart: String, what: String },
    #[error("绘图失败：{0}")]
    Drawing(String),
}

/// A chart the component can draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChartInfo {
    pub id: &'static str,
    /// The release the chart belongs to.
    pub release: &'static str,
    pub title: &'static str,
    pub title_en: &'static str,
    pub kind: ChartKind,
}

/// Every chart, in the order a bulletin page shows them.
pub const CATALOGUE: &[ChartInfo] = &[
    ChartInfo {
        id: "gdp-by-industry",
        release: "2022-bulletin",
        title: "2022年西夏区三次产业增加值",
        title_en: "Value added of the three industries, Xixia District, 2022",
        kind: ChartKind::Column,
    },
    ChartInfo {
        id: "gdp-structure",
        release: "2022-bulletin",
        title: "2022年西夏区三次产业结构",
        title_en: "Structure of the three industries, Xixia District, 2022",
        kind: ChartKind::Donut,
    },
    ChartInfo {
        id: "industry-growth",
        release: "2022-bulletin",
        title: "2022年规模以上工业主要行业增加值增速",
        title_en: "Growth of value added of major industries, industrial enterprises above designated size, 2022",
        kind: ChartKind::Bar,
    },
    ChartInfo {
        id: "product-growth",
        release: "2022-bulletin",
        title: "2022年主要工业产品产量增速",
        title_en: "Growth in output of major industrial products, 2022",
        kind: ChartKind::Bar,
    },
    ChartInfo {
        id: "services-by-sector",
        release: "2022-bulletin",
        title: "2022年服务业主要行业增加值",
        title_en: "Value added of major service sectors, 2022",
        kind: ChartKind::Bar,
    },
    ChartInfo {
        id: "indicators-vs-region",
        release: "2023-1-11-indicators",
        title: "2023年1-11月主要指标增速：西夏区与自治区、银川市",
        title_en: "Growth of main indicators, Jan–Nov 2023: Xixia District, Ningxia and Yinchuan",
        kind: ChartKind::Grouped,
    },
    ChartInfo {
        id: "structure-comparison",
        release: "2023-1-11-indicators",
        title: "三次产业结构：地区生产总值与固定资产投资",
        title_en: "Structure of the three industries: gross regional product and fixed-asset investment",
        kind: ChartKind::StackedPercent,
    },
    ChartInfo {
        id: "sanbao-cumulative",
        release: "2023-fiscal-reports-5-8",
        title: "2023年“三保”及其他刚性支出累计完成情况",
        title_en: "Cumulative spending on the 'three guarantees' and other rigid expenditure, 2023",
        kind: ChartKind::Cumulative,
    },
    ChartInfo {
        id: "direct-funds-progress",
        release: "2023-fiscal-reports-5-8",
        title: "截至2023年3月31日直达资金支出进度",
        title_en: "Spending progress of direct-allocation funds as of 31 March 2023",
        kind: ChartKind::Progress,
    },
];

pub fn info(chart: &str) -> Result<&'static ChartInfo, ChartError> {
    CATALOGUE.iter().find(|c| c.id == chart).ok_or_else(|| ChartError::UnknownChart {
        chart: chart.to_owned(),
        known: CATALOGUE.iter().map(|c| c.id).collect::<Vec<_>>().join("、"),
    })
}

/// Builds a chart's data in Chinese from its release, with `others` for charts that compare
/// releases. The same as [`build_in`] with [`Lang::Zh`].
pub fn build(chart: &str, release: &Release, others: &[Release]) -> Result<ChartData, ChartError> {
    build_in(chart, release, others, Lang::Zh)
}

/// Builds a chart's data with every string in `lang`. An English chart takes its names from the
/// releases' English fields (`name_en`, `labels_en`, `label_en`, …) and fails with
/// [`ChartError::MissingData`] when one it needs is absent, rather than show Chinese.
///
/// ```
/// use xixia_stats::bundled;
/// use xixia_stats::chart::{build_in, Lang};
/// let releases = bundled::all().unwrap();
/// let bulletin = releases.iter().find(|r| r.id == "2022-bulletin").unwrap();
/// let data = build_in("gdp-structure", bulletin, &releases, Lang::En).unwrap();
/// assert_eq!(data.categories, ["Primary industry", "Secondary industry", "Tertiary industry"]);
/// assert_eq!(data.series[0].labels, ["1.5", "69.6", "28.9"]);
/// ```
pub fn build_in(chart: &str, release: &Release, others: &[Release], lang: Lang) -> Result<ChartData, ChartError> {
    let info = info(chart)?;
    if info.release != release.id {
        return Err(ChartError::WrongRelease { chart: chart.to_owned(), release: release.id.clone(), home: info.release.to_owned() });
    }
    let b = Builder { info, release, lang };
    match chart {
        "gdp-by-industry" => b.gdp_by_industry(),
        "gdp-structure" => b.gdp_structure(),
        "industry-growth" => b.breakdown_growth("industry-sub-industries"),
        "product-growth" => b.product_growth(),
        "services-by-sector" => b.services_by_sector(),
        "indicators-vs-region" => b.indicators_vs_region(),
        "structure-comparison" => b.structure_comparison(others),
        "sanbao-cumulative" => b.sanbao_cumulative(),
        "direct-funds-progress" => b.direct_funds_progress(),
        _ => Err(ChartError::UnknownChart { chart: chart.to_owned(), known: String::new() }),
    }
}

struct Builder<'a> {
    info: &'static ChartInfo,
    release: &'a Release,
    lang: Lang,
}

/// Lookups, and the words every chart shares, in the chart's language.
impl<'a> Builder<'a> {
    fn missing(&self, what: impl Into<String>) -> ChartError {
        ChartError::MissingData { chart: self.info.id.to_owned(), what: what.into() }
    }

    /// Words the builder writes itself.
    fn words(&self, zh: &str, en: &str) -> String {
        match self.lang {
            Lang::Zh => zh.to_owned(),
            Lang::En => en.to_owned(),
        }
    }

    /// A name keyed in the data, in the chart's language: an English chart fails, naming `what`,
    /// when there is no English.
    fn named<'s>(&self, zh: &'s str, en: Option<&'s str>, what: impl FnOnce() -> String) -> Result<&'s str, ChartError> {
        match self.lang {
            Lang::Zh => Ok(zh),
            Lang::En => en.filter(|en| !en.trim().is_empty()).ok_or_else(|| self.missing(format!("{}没有英文名称", what()))),
        }
    }

    fn fact(&self, id: &str) -> Result<&'a Fact, ChartError> {
        self.release.fact(id).ok_or_else(|| self.missing(format!("指标 {id}")))
    }

    fn value(&self, id: &str) -> Result<(&'a Fact, Decimal, Unit), ChartError> {
        let fact = self.fact(id)?;
        let value = fact.value.as_ref().ok_or_else(|| self.missing(format!("{}（{id}）的数值", fact.name)))?;
        Ok((fact, value.amount, value.unit.clone()))
    }

    fn growth(&self, id: &str) -> Result<(&'a Fact, &'a Growth), ChartError> {
        let fact = self.fact(id)?;
        let growth = fact.growth.as_ref().ok_or_else(|| self.missing(format!("{}（{id}）的增速", fact.name)))?;
        Ok((fact, growth))
    }

    fn breakdown(&self, id: &str) -> Result<&'a Breakdown, ChartError> {
        self.release.breakdowns.iter().find(|b| b.id == id).ok_or_else(|| self.missing(format!("分组 {id}")))
    }

    fn parts(&self, breakdown: &Breakdown) -> Result<Vec<&'a Fact>, ChartError> {
        breakdown.parts.iter().map(|id| self.fact(id)).collect()
    }

    fn table(&self, id: &str, what: &str) -> Result<&'a Table, ChartError> {
        self.release.tables.iter().find(|t| t.id == id).ok_or_else(|| self.missing(what))
    }

    fn fact_name<'f>(&self, fact: &'f Fact) -> Result<&'f str, ChartError> {
        self.named(&fact.name, fact.name_en.as_deref(), || format!("指标 {}（{}）", fact.id, fact.name))
    }

    /// A part's name as a category: 第一产业增加值 → 第一产业; "Value added of the primary
    /// industry" → "Primary industry".
    fn short_name(&self, fact: &Fact) -> Result<String, ChartError> {
        let name = self.fact_name(fact)?;
        Ok(match self.lang {
            Lang::Zh => name.trim_end_matches("增加值").to_owned(),
            Lang::En => {
                let rest = name.strip_prefix("Value added of ").unwrap_or(name);
                format::capitalised(rest.strip_prefix("the ").unwrap_or(rest))
            }
        })
    }

    fn row_label<'r>(&self, table: &Table, row: &'r Row) -> Result<&'r str, ChartError> {
        self.named(&row.label, row.label_en.as_deref(), || format!("表 {} 的行 {}（{}）", table.id, row.id, row.label))
    }

    fn column_label<'c>(&self, table: &Table, column: &'c Column) -> Result<&'c str, ChartError> {
        self.named(&column.label, column.label_en.as_deref(), || format!("表 {} 的列 {}（{}）", table.id, column.id, column.label))
    }

    fn ratio_labels<'r>(&self, release: &Release, ratio: &'r StructureRatio) -> Result<&'r [String], ChartError> {
        match self.lang {
            Lang::Zh => Ok(&ratio.labels),
            Lang::En if ratio.labels_en.len() == ratio.terms.len() => Ok(&ratio.labels_en),
            Lang::En => Err(self.missing(format!("{} 的结构比 {}（{}）没有英文标签 labels_en（每项一个）", release.id, ratio.id, ratio.name))),
        }
    }

    /// A series' name as drawn: the words before 实际完成, or before the English name's last
    /// parenthesis ("Wages (actual spending, cumulative)" → "Wages").
    fn series_name(&self, series: &Series) -> Result<String, ChartError> {
        let name = self.named(&series.name, series.name_en.as_deref(), || format!("序列 {}（{}）", series.id, series.name))?;
        Ok(match self.lang {
            Lang::Zh => name.split("实际完成").next().unwrap_or(name).to_owned(),
            Lang::En => name.rsplit_once(" (").map_or(name, |(before, _)| before).to_owned(),
        })
    }

    fn publishers(&self, release: &Release) -> Result<String, ChartError> {
        match self.lang {
            Lang::Zh => Ok(release.publishers.join("、")),
            Lang::En if release.publishers_en.len() == release.publishers.len() => Ok(format::join_en(&release.publishers_en)),
            Lang::En => Err(self.missing(format!("发布 {} 的发布单位（{}）没有英文名称 publishers_en", release.id, release.publishers.join("、")))),
        }
    }

    fn source(&self, release: &Release) -> Result<String, ChartError> {
        let publishers = self.publishers(release)?;
        Ok(match self.lang {
            Lang::Zh => format!("资料来源：{publishers}"),
            Lang::En => format!("Source: {publishers}"),
        })
    }

    fn period(&self, period: &Period) -> String {
        match self.lang {
            Lang::Zh => period.to_string(),
            Lang::En => period.english(),
        }
    }

    fn unit(&self, unit: &Unit) -> String {
        match self.lang {
            Lang::Zh => unit.symbol().to_owned(),
            Lang::En => unit.name_en().to_owned(),
        }
    }

    fn amount(&self, value: Decimal, unit: &Unit) -> String {
        format::amount(value, unit, self.lang)
    }

    /// A growth rate given in percent: "增长0.7%", "up 0.7%".
    fn growth_words(&self, percent: Decimal) -> String {
        match self.lang {
            Lang::Zh => format::growth_words(percent),
            Lang::En => format::growth_words_en(percent),
        }
    }

    /// A stated growth as printed, without its basis, as a bulletin writes the parts after the
    /// total: "增长0.7%", "up 0.7%".
    fn printed_growth(&self, growth: &Growth) -> String {
        match self.lang {
            Lang::Zh => growth.to_string(),
            Lang::En => format::printed_growth_en(growth),
        }
    }

    /// A total's growth with its basis: "比上年增长8.3%", "同比增长21.4%"; in English also the
    /// price basis: "up 8.3% on the previous year at comparable prices".
    fn lead_growth(&self, growth: &Growth) -> String {
        match self.lang {
            Lang::Zh => format!("{}{growth}", basis_zh(growth.basis)),
            Lang::En => {
                let prices = if growth.prices == Some(Prices::Comparable) { " at comparable prices" } else { "" };
                format!("{} {}{prices}", format::printed_growth_en(growth), basis_en(growth.basis))
            }
        }
    }

    /// A growth column's header: "比上年增长（%）", "Growth over previous year (%)".
    fn growth_header(&self, basis: Option<GrowthBasis>) -> String {
        match self.lang {
            Lang::Zh => format!("{}（%）", growth_name(basis, self.lang)),
            Lang::En => format!("{} (%)", growth_name(basis, self.lang)),
        }
    }

    /// How a sentence about a period starts: "2022年", "2023年1-11月，", "In 2022, ",
    /// "As of 31 March 2023, ".
    fn in_period(&self, period: &Period) -> String {
        match (self.lang, period) {
            (Lang::Zh, Period::Year { .. }) => period.to_string(),
            (Lang::Zh, _) => format!("{period}，"),
            (Lang::En, Period::AsOf { .. }) => format!("{}, ", format::capitalised(&period.english())),
            (Lang::En, _) => format!("In {}, ", period.english()),
        }
    }

    /// How a description starts: "2022年西夏区", "2023年1-11月，西夏区", "In 2022, Xixia District's ".
    fn lead(&self, period: &Period) -> String {
        match self.lang {
            Lang::Zh => format!("{}{}", self.in_period(period), DISTRICT.0),
            Lang::En => format!("{}{}'s ", self.in_period(period), DISTRICT.1),
        }
    }

    /// A stated figure in a sentence: "地区生产总值489.91亿元，比上年增长8.3%",
    /// "gross regional product was 489.91 (100 million yuan), up 8.3% …".
    fn stated(&self, name: &str, amount: Option<String>, growth: Option<String>) -> String {
        match (self.lang, amount, growth) {
            (Lang::Zh, Some(amount), Some(growth)) => format!("{name}{amount}，{growth}"),
            (Lang::Zh, Some(text), None) | (Lang::Zh, None, Some(text)) => format!("{name}{text}"),
            (Lang::En, Some(amount), Some(growth)) => format!("{} was {amount}, {growth}", format::mid_sentence(name)),
            (Lang::En, Some(text), None) | (Lang::En, None, Some(text)) => format!("{} was {text}", format::mid_sentence(name)),
            (_, None, None) => name.to_owned(),
        }
    }

    /// "2022年 · 单位：亿元", "2022 · Unit: 100 million yuan", "As of 31 March 2023 · Unit: %".
    fn subtitle(&self, lead: &str, unit: &str) -> String {
        match (self.lang, unit.is_empty()) {
            (Lang::Zh, true) => lead.to_owned(),
            (Lang::Zh, false) => format!("{lead} · 单位：{unit}"),
            (Lang::En, true) => format::capitalised(lead),
            (Lang::En, false) => format!("{} · Unit: {unit}", format::capitalised(lead)),
        }
    }

    fn data(&self, unit: &str, categories: Vec<String>, series: Vec<SeriesData>, category_label: &str) -> Result<ChartData, ChartError> {
        let period = self.period(&self.release.period);
        Ok(ChartData {
            id: self.info.id.to_owned(),
            release: self.release.id.clone(),
            kind: self.info.kind,
            lang: self.lang,
            title: self.words(self.info.title, self.info.title_en),
            subtitle: self.subtitle(&period, unit),
            unit: unit.to_owned(),
            period,
            categories,
            series,
            reference: None,
            extra_columns: Vec::new(),
            category_label: category_label.to_owned(),
            category_notes: Vec::new(),
            source: self.source(self.release)?,
            status: match self.lang {
                Lang::Zh => self.release.status.label().to_owned(),
                Lang::En => self.release.status.label_en().to_owned(),
            },
            notes: Vec::new(),
            description: String::new(),
            center: None,
            highlight: None,
            total_labels: Vec::new(),
        })
    }
}

/// The charts.
impl<'a> Builder<'a> {
    fn gdp_by_industry(&self) -> Result<ChartData, ChartError> {
        let breakdown = self.breakdown("gdp-by-industry")?;
        let parts = self.parts(breakdown)?;
        let (gdp, gdp_value, unit) = self.value(&breakdown.total)?;
        let mut values = Vec::new();
        let mut categories = Vec::new();
        for part in &parts {
            values.push(self.value(&part.id)?.1);
            categories.push(self.short_name(part)?);
        }
        let growth: Vec<Option<&Growth>> = parts.iter().map(|p| p.growth.as_ref()).collect();
        let percents: Vec<Option<Decimal>> = growth.iter().map(|g| g.map(Growth::percent)).collect();
        let value_added = series(&self.words("增加值", "Value added"), &values, format::figure);
        let mut data = self.data(&self.unit(&unit), categories, vec![value_added], &self.words("产业", "Industry"))?;
        data.extra_columns.push(optional_series(&self.growth_header(growth.iter().flatten().next().map(|g| g.basis)), &percents, format::figure));
        data.category_notes = percents.iter().map(|g| g.map(|g| self.growth_words(g)).unwrap_or_default()).collect();

        let gdp_name = self.fact_name(gdp)?;
        let gdp_amount = self.amount(gdp_value, &unit);
        let comparable = |g: &Growth| g.prices == Some(Prices::Comparable);
        data.notes.push(match (self.lang, &gdp.growth) {
            (Lang::Zh, Some(g)) => format!("{gdp_name}{gdp_amount}，{}{}{g}。", if comparable(g) { "按可比价格计算" } else { "" }, basis_zh(g.basis)),
            (Lang::Zh, None) => format!("{gdp_name}{gdp_amount}。"),
            (Lang::En, Some(g)) => format!("{gdp_name}: {gdp_amount}, {}.", self.lead_growth(g)),
            (Lang::En, None) => format!("{gdp_name}: {gdp_amount}."),
        });
        if gdp.growth.iter().chain(growth.iter().flatten().copied()).any(comparable) {
            data.notes.push(self.words("增加值按现行价格计算，增长速度按可比价格计算。", "Value added is at current prices; growth rates are at comparable prices."));
        }

        let opening = self.stated(gdp_name, Some(gdp_amount), gdp.growth.as_ref().map(|g| self.lead_growth(g)));
        let mut items = Vec::new();
        for (part, value) in parts.iter().zip(&values) {
            items.push(self.stated(self.fact_name(part)?, Some(self.amount(*value, &unit)), part.growth.as_ref().map(|g| self.printed_growth(g))));
        }
        data.description = match self.lang {
            Lang::Zh => format!("{}{opening}。其中，{}。", self.lead(&self.release.period), items.join("；")),
            Lang::En => format!("{}{opening}. Of this, {}.", self.lead(&self.release.period), items.join("; ")),
        };
        Ok(data)
    }

    fn gdp_structure(&self) -> Result<ChartData, ChartError> {
        let ratio = self.release.ratios.iter().find(|r| r.id == "gdp-structure").ok_or_else(|| self.missing("三次产业结构比"))?;
        let (gdp, gdp_value, unit) = self.value("gdp")?;
        let labels = self.ratio_labels(self.release, ratio)?;
        let mut data = self.data("%", labels.to_vec(), vec![series(&self.words("比重（%）", "Share (%)"), &ratio.terms, format::figure)], &self.words("产业", "Industry"))?;
        if let Some(breakdown) = &ratio.breakdown {
            let parts = self.parts(self.breakdown(breakdown)?)?;
            let values: Vec<Option<Decimal>> = parts.iter().map(|p| p.value.as_ref().map(|v| v.amount)).collect();
            let name = match self.lang {
                Lang::Zh => format!("增加值（{}）", self.unit(&unit)),
                Lang::En => format!("Value added ({})", self.unit(&unit)),
            };
            data.extra_columns.push(optional_series(&name, &values, format::figure));
        }
        let gdp_name = self.fact_name(gdp)?;
        let gdp_amount = self.amount(gdp_value, &unit);
        let largest = ratio.terms.iter().zip(labels).max_by_key(|(t, _)| **t).map(|(_, l)| l.clone()).unwrap_or_default();
        let opening = format!("{}{}", self.lead(&self.release.period), self.stated(gdp_name, Some(gdp_amount.clone()), gdp.growth.as_ref().map(|g| self.lead_growth(g))));
        // The middle of the ring is narrow: English puts the unit beside a short name.
        data.center = Some(match self.lang {
            Lang::Zh => (gdp_name.to_owned(), gdp_amount),
            Lang::En => (format!("GRP, {}", self.unit(&unit)), format::figure(gdp_value)),
        });
        data.description = match self.lang {
            Lang::Zh => format!("{opening}；三次产业结构为{}，{largest}比重最高。", terms(&ratio.terms, ":")),
            Lang::En => format!("{opening}; the three industries stood at {}, with {} the largest.", terms(&ratio.terms, " : "), format::mid_sentence(&largest)),
        };
        Ok(data)
    }

    /// The growth of a breakdown's parts, fastest first: the industries of 规模以上工业.
    fn breakdown_growth(&self, breakdown: &str) -> Result<ChartData, ChartError> {
        let breakdown = self.breakdown(breakdown)?;
        let mut rows: Vec<(&Fact, String, &Growth)> = Vec::new();
        for part in self.parts(breakdown)? {
            let (_, growth) = self.growth(&part.id)?;
            rows.push((part, self.short_name(part)?, growth));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.2.percent()));
        let categories: Vec<String> = rows.iter().map(|r| r.1.clone()).collect();
        let values: Vec<Decimal> = rows.iter().map(|r| r.2.percent()).collect();
        let basis = rows.first().map(|r| r.2.basis);
        let mut data = self.data("%", categories, vec![series(&growth_name(basis, self.lang), &values, format::percent)], &self.words("行业", "Industry"))?;
        if rows.iter().any(|r| r.2.prices == Some(Prices::Comparable)) {
            data.notes.push(self.words("增长速度按可比价格计算。", "Growth rates are at comparable prices."));
        }

        let total = self.fact(&breakdown.total)?;
        let opening = match &total.growth {
            Some(g) => {
                let stated = self.stated(self.fact_name(total)?, None, Some(self.lead_growth(g)));
                self.words(&format!("{}{stated}。其中，", self.lead(&self.release.period)), &format!("{}{stated}. Of this, ", self.lead(&self.release.period)))
            }
            None => self.in_period(&self.release.period),
        };
        let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
            return Err(self.missing(format!("分组 {} 的各部分", breakdown.id)));
        };
        let middle: Vec<(String, Decimal)> = rows[1..rows.len().saturating_sub(1).max(1)].iter().filter(|r| r.2.percent().is_sign_negative()).map(|r| (r.1.clone(), r.2.percent())).collect();
        data.description = match self.lang {
            Lang::Zh => {
                let mut text = format!("{opening}{}{}，增速最高", self.fact_name(first.0)?, self.printed_growth(first.2));
                if rows.len() > 1 {
                    text += &format!("；{}{}，增速最低", self.fact_name(last.0)?, self.printed_growth(last.2));
                }
                text + &falls_zh(&middle, "增加值") + "。"
            }
            Lang::En => {
                let mut text = format!("{opening}{} grew fastest, {}", format::mid_sentence(&first.1), self.printed_growth(first.2));
                if rows.len() > 1 {
                    text += &format!(", and {} slowest, {}", format::mid_sentence(&last.1), self.printed_growth(last.2));
                }
                text + &falls_en(&middle, "value added") + "."
            }
        };
        Ok(data)
    }

    fn product_growth(&self) -> Result<ChartData, ChartError> {
        let table = self.table("industrial-products", "主要工业产品产量表")?;
        let growth_column = table.columns.iter().find(|c| c.kind == ColumnKind::Growth).ok_or_else(|| self.missing("增长列"))?;
        let output_column = table.columns.iter().find(|c| matches!(c.kind, ColumnKind::Quantity { .. })).ok_or_else(|| self.missing("产量列"))?;
        let mut rows: Vec<(String, Decimal, String)> = Vec::new();
        for row in &table.rows {
            let growth = table.number(row, &growth_column.id).ok_or_else(|| self.missing(format!("{}的增速", row.label)))?;
            let unit = table.unit_of(row, output_column).unwrap_or(Unit::Pure);
            let output = table.number(row, &output_column.id).map(|v| self.amount(v, &unit)).unwrap_or_default();
            rows.push((self.row_label(table, row)?.to_owned(), growth, output));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let categories: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let values: Vec<Decimal> = rows.iter().map(|r| r.1).collect();
        let mut data = self.data("%", categories, vec![series(&growth_name(growth_column.basis, self.lang), &values, format::percent)], &self.words("产品", "Product"))?;
        let output_name = self.column_label(table, output_column)?;
        data.extra_columns.push(SeriesData { name: output_name.to_owned(), values: vec![None; rows.len()], labels: rows.iter().map(|r| r.2.clone()).collect() });

        let Some(((top, top_growth, top_output), rest)) = rows.split_first() else {
            return Err(self.missing("主要工业产品产量表的行"));
        };
        let falls: Vec<&(String, Decimal, String)> = rest.iter().filter(|r| r.1.is_sign_negative()).collect();
        let basis = growth_column.basis;
        data.description = match self.lang {
            Lang::Zh => {
                let mut text = format!("{}主要工业产品中，{top}{output_name}{top_output}，{}{}，增速最高", self.lead(&self.release.period), basis.map_or("", basis_zh), format::growth_words(*top_growth));
                for (name, growth, output) in falls {
                    text += &format!("；{name}{output_name}{output}，{}", format::growth_words(*growth));
                }
                text + "。"
            }
            Lang::En => {
                let output_name = format::mid_sentence(output_name);
                let basis = basis.map(|b| format!(" {}", basis_en(b))).unwrap_or_default();
                let mut text = format!(
                    "{}among {}'s major industrial products, {output_name} of {} was {top_output}, {}{basis}, the fastest growth",
                    self.in_period(&self.release.period),
                    DISTRICT.1,
                    format::mid_sentence(top),
                    format::growth_words_en(*top_growth)
                );
                for (name, growth, output) in falls {
                    text += &format!("; {output_name} of {} was {output}, {}", format::mid_sentence(name), format::growth_words_en(*growth));
                }
                text + "."
            }
        };
        Ok(data)
    }

    fn services_by_sector(&self) -> Result<ChartData, ChartError> {
        let breakdown = self.breakdown("services-by-sector")?;
        let mut rows: Vec<(&Fact, String, Decimal, Unit)> = Vec::new();
        for part in self.parts(breakdown)? {
            let (_, value, unit) = self.value(&part.id)?;
            rows.push((part, self.short_name(part)?, value, unit));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.2));
        let unit = rows.last().map(|r| r.3.clone()).unwrap_or(Unit::Pure);
        let categories: Vec<String> = rows.iter().map(|r| r.1.clone()).collect();
        let values: Vec<Decimal> = rows.iter().map(|r| r.2).collect();
        let growth: Vec<Option<Decimal>> = rows.iter().map(|r| r.0.growth.as_ref().map(Growth::percent)).collect();
        let basis = rows.iter().find_map(|r| r.0.growth.as_ref()).map(|g| g.basis);
        let value_added = series(&self.words("增加值", "Value added"), &values, format::figure);
        let mut data = self.data(&self.unit(&unit), categories, vec![value_added], &self.words("行业", "Industry"))?;
        data.extra_columns.push(optional_series(&self.growth_header(basis), &growth, format::figure));

        let (total, total_value, total_unit) = self.value(&breakdown.total)?;
        let total_name = self.fact_name(total)?;
        let total_amount = self.amount(total_value, &total_unit);
        data.notes.push(match self.lang {
            Lang::Zh => format!("{total_name}{total_amount}；图中为公报列出的主要行业。"),
            Lang::En => format!("{total_name}: {total_amount}; the chart shows the major sectors the bulletin lists."),
        });

        let opening = format!("{}{}", self.lead(&self.release.period), self.stated(total_name, Some(total_amount), total.growth.as_ref().map(|g| self.lead_growth(g))));
        let (Some(most), Some(least)) = (rows.first(), rows.last()) else {
            return Err(self.missing(format!("分组 {} 的各部分", breakdown.id)));
        };
        let figure = |row: &(&Fact, String, Decimal, Unit)| {
            let amount = self.amount(row.2, &row.3);
            match &row.0.growth {
                Some(g) => self.words(&format!("{amount}，{}", self.printed_growth(g)), &format!("{amount}, {}", self.printed_growth(g))),
                None => amount,
            }
        };
        let middle: Vec<(String, Decimal)> = rows[1..rows.len().saturating_sub(1).max(1)]
            .iter()
            .filter_map(|r| r.0.growth.as_ref().map(|g| (r.1.clone(), g.percent())))
            .filter(|(_, g)| g.is_sign_negative())
            .collect();
        data.description = match self.lang {
            Lang::Zh => {
                let mut text = format!("{opening}。其中，{}增加值最多，为{}", most.1, figure(most));
                if rows.len() > 1 {
                    text += &format!("；{}增加值最少，为{}", least.1, figure(least));
                }
                text + &falls_zh(&middle, "增加值") + "。"
            }
            Lang::En => {
                let mut text = format!("{opening}. Of this, {} contributed the most, {}", format::mid_sentence(&most.1), figure(most));
                if rows.len() > 1 {
                    text += &format!(", and {} the least, {}", format::mid_sentence(&least.1), figure(least));
                }
                text + &falls_en(&middle, "value added") + "."
            }
        };
        Ok(data)
    }

    fn indicators_vs_region(&self) -> Result<ChartData, ChartError> {
        let ids = ["industry-above-scale-va", "investment", "revenue"];
        let mut categories = Vec::new();
        let mut own = Vec::new();
        // Comparators by their Chinese name, with the name shown and one derived value per indicator.
        let mut comparators: Vec<(String, String, Vec<Option<Decimal>>)> = Vec::new();
        let mut clauses = Vec::new();
        let mut basis = None;
        for id in ids {
            let (fact, growth) = self.growth(id)?;
            let percent = growth.percent();
            let name = self.fact_name(fact)?;
            categories.push(name.to_owned());
            own.push(percent);
            basis = basis.or(Some(growth.basis));
            for gap in &fact.gaps {
                let derived = comparator_value(percent, gap.points).ok();
                match comparators.iter_mut().find(|(zh, ..)| *zh == gap.comparator) {
                    Some((.., values)) => values.push(derived),
                    None => comparators.push((gap.comparator.clone(), self.comparator(gap)?.to_owned(), vec![derived])),
                }
            }
            let amount = fact.value.as_ref().map(|v| self.amount(v.amount, &v.unit));
            let mut clause = self.stated(name, amount, Some(self.lead_growth(growth)));
            for part in [self.gaps(&fact.gaps)?, self.ranks(&fact.ranks)?] {
                if !part.is_empty() {
                    clause += &self.words("，", ", ");
                    clause += &part;
                }
            }
            clauses.push(clause);
        }
        let mut all_series = vec![series(&self.words(DISTRICT.0, DISTRICT.1), &own, format::percent)];
        for (_, name, values) in &comparators {
            let labels = values.iter().map(|v| v.map(|v| format!("{}*", format::percent(v))).unwrap_or_default()).collect();
            let name = match self.lang {
                Lang::Zh => format!("{name}（推算）"),
                Lang::En => format!("{name} (derived)"),
            };
            all_series.push(SeriesData { name, values: values.clone(), labels });
        }
        let mut data = self.data("%", categories, all_series, &self.words("指标", "Indicator"))?;
        let names: Vec<String> = comparators.iter().map(|c| c.1.clone()).collect();
        let growth = match basis {
            Some(GrowthBasis::YearOnYear | GrowthBasis::CumulativeYearOnYear) => self.words("同比增速", "Year-on-year growth"),
            _ => self.words("增速", "Growth"),
        };
        data.subtitle = self.subtitle(&format!("{} · {growth}", data.period), "%");
        data.notes.push(match self.lang {
            Lang::Zh => format!("* {}增速由公报“高于…个百分点”推算：西夏区增速 − 百分点差。", names.join("、")),
            Lang::En => format!(
                "* Growth of {} is derived from the bulletin's gaps in percentage points: Xixia District's growth minus the gap.",
                format::join_en(&names)
            ),
        });
        let separator = self.words("；", "; ");
        data.description = match self.lang {
            Lang::Zh => format!("{}{}。", self.lead(&self.release.period), clauses.join(&separator)),
            Lang::En => format!("{}{}.", self.lead(&self.release.period), clauses.join(&separator)),
        };
        Ok(data)
    }

    fn comparator<'g>(&self, gap: &'g Gap) -> Result<&'g str, ChartError> {
        self.named(&gap.comparator, gap.comparator_en.as_deref(), || format!("比较对象“{}”", gap.comparator))
    }

    /// Gaps as the bulletin states them: "高于自治区9.9个百分点、银川市6.3个百分点", the word
    /// said again only when the sign changes: "高于自治区1.2个百分点、低于银川市0.5个百分点".
    fn gaps(&self, gaps: &[Gap]) -> Result<String, ChartError> {
        let mut parts = Vec::new();
        let mut previous: Option<std::cmp::Ordering> = None;
        for gap in gaps {
            let name = self.comparator(gap)?;
            let sign = gap.points.cmp(&Decimal::ZERO);
            let points = gap.points.abs();
            parts.push(match (self.lang, sign) {
                (Lang::Zh, std::cmp::Ordering::Equal) => format!("与{name}持平"),
                (Lang::Zh, _) if previous == Some(sign) => format!("{name}{points}个百分点"),
                (Lang::Zh, std::cmp::Ordering::Greater) => format!("高于{name}{points}个百分点"),
                (Lang::Zh, std::cmp::Ordering::Less) => format!("低于{name}{points}个百分点"),
                (Lang::En, std::cmp::Ordering::Equal) => format!("level with {name}"),
                (Lang::En, std::cmp::Ordering::Greater) => format!("{points} percentage points above {name}"),
                (Lang::En, std::cmp::Ordering::Less) => format!("{points} percentage points below {name}"),
            });
            previous = Some(sign);
        }
        Ok(match self.lang {
            Lang::Zh => parts.join("、"),
            Lang::En => format::join_en(&parts),
        })
    }

    /// Ranks as the bulletin states them: "位居全区第4位、全市第2位", "ranking 4th in Ningxia and
    /// 2nd in Yinchuan".
    fn ranks(&self, ranks: &[StatedRank]) -> Result<String, ChartError> {
        if ranks.is_empty() {
            return Ok(String::new());
        }
        let mut parts = Vec::new();
        for rank in ranks {
            let scope = self.named(&rank.scope, rank.scope_en.as_deref(), || format!("排名范围“{}”", rank.scope))?;
            parts.push(match self.lang {
                Lang::Zh => format!("{scope}第{}位", rank.rank),
                Lang::En => format!("{} {scope}", format::ordinal_en(rank.rank)),
            });
        }
        Ok(match self.lang {
            Lang::Zh => format!("位居{}", parts.join("、")),
            Lang::En => format!("ranking {}", format::join_en(&parts)),
        })
    }

    fn structure_comparison(&self, others: &[Release]) -> Result<ChartData, ChartError> {
        let bulletin = others.iter().find(|r| r.id == "2022-bulletin").ok_or_else(|| self.missing("2022年统计公报"))?;
        let mut rows: Vec<RatioRow> = Vec::new();
        for (release, ratio_id) in [(bulletin, "gdp-structure"), (bulletin, "investment-structure"), (self.release, "investment-structure")] {
            let ratio = release.ratios.iter().find(|r| r.id == ratio_id).ok_or_else(|| self.missing(format!("{} {ratio_id}", release.id)))?;
            let total = ratio
                .breakdown
                .as_ref()
                .and_then(|b| release.breakdowns.iter().find(|x| &x.id == b))
                .and_then(|b| release.fact(&b.total))
                .ok_or_else(|| self.missing(format!("{} {ratio_id} 所分的总量", release.id)))?;
            let whole = self.fact_name(total)?;
            let ratio_name = self.named(&ratio.name, ratio.name_en.as_deref(), || format!("{} 的结构比 {}（{}）", release.id, ratio.id, ratio.name))?;
            rows.push(RatioRow { period: &release.period, whole, terms: &ratio.terms, labels: self.ratio_labels(release, ratio)?, name: ratio_name });
        }
        let categories: Vec<String> = rows
            .iter()
            .map(|row| match self.lang {
                Lang::Zh => format!("{}{}", row.period, row.whole),
                Lang::En => format!("{}, {}", row.whole, row.period.english()),
            })
            .collect();
        let all_series = rows[0]
            .labels
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let values: Vec<Decimal> = rows.iter().map(|r| r.terms.get(i).copied().unwrap_or_default()).collect();
                series(name, &values, format::figure)
            })
            .collect();
        let mut data = self.data("%", categories, all_series, &self.words("结构", "Structure"))?;
        data.subtitle = self.subtitle(rows[0].name, "%");
        data.period = match self.lang {
            Lang::Zh => format!("{}、{}", bulletin.period, self.release.period),
            Lang::En => format!("{} and {}", bulletin.period.english(), self.release.period.english()),
        };
        data.source = self.source(bulletin)?;

        // Grouped by period: "2022年西夏区A三次产业结构为…，B三次产业结构为…；2023年1-11月，B…".
        let largest: Vec<Option<&String>> = rows.iter().map(|r| r.terms.iter().zip(r.labels).max_by_key(|(t, _)| **t).map(|(_, l)| l)).collect();
        let same_largest = largest.windows(2).all(|w| w[0] == w[1]);
        let mut groups: Vec<String> = Vec::new();
        let mut previous: Option<&Period> = None;
        for (i, RatioRow { period, whole, terms: terms_of, .. }) in rows.iter().enumerate() {
            let mut clause = match (self.lang, previous == Some(*period), i == 0) {
                (Lang::Zh, true, _) => format!("，{whole}三次产业结构为{}", terms(terms_of, ":")),
                (Lang::Zh, false, first) => {
                    let start = if first { self.lead(period) } else { self.in_period(period) };
                    format!("{start}{whole}三次产业结构为{}", terms(terms_of, ":"))
                }
                (Lang::En, true, _) => format!(" and that of {} {}", format::mid_sentence(whole), terms(terms_of, " : ")),
                (Lang::En, false, true) => format!(
                    "{}the three-industry structure of {}'s {} was {}",
                    self.in_period(period),
                    DISTRICT.1,
                    format::mid_sentence(whole),
                    terms(terms_of, " : ")
                ),
                (Lang::En, false, false) => format!("{}that of {} was {}", format::mid_sentence(&self.in_period(period)), format::mid_sentence(whole), terms(terms_of, " : ")),
            };
            if !same_largest {
                if let Some(label) = largest[i] {
                    clause += &match self.lang {
                        Lang::Zh => format!("，{label}比重最高"),
                        Lang::En => format!(", {} the largest", format::mid_sentence(label)),
                    };
                }
            }
            match groups.last_mut() {
                Some(last) if previous == Some(*period) => last.push_str(&clause),
                _ => groups.push(clause),
            }
            previous = Some(period);
        }
        let separator = self.words("；", "; ");
        let mut text = groups.join(&separator);
        if let (true, Some(Some(label))) = (same_largest, largest.first()) {
            text += &match self.lang {
                Lang::Zh => format!("，均以{label}比重最高"),
                Lang::En => format!("; {} had the largest share in each", format::mid_sentence(label)),
            };
        }
        data.description = text + &self.words("。", ".");
        Ok(data)
    }

    fn sanbao_cumulative(&self) -> Result<ChartData, ChartError> {
        let total = self.release.series.iter().find(|s| s.id == "sanbao-actual").ok_or_else(|| self.missing("“三保”累计序列"))?;
        let plan_id = total.target.as_deref().ok_or_else(|| self.missing("全年计划"))?;
        let (_, plan_value, unit) = self.value(plan_id)?;
        let parts: Vec<&Series> = self.release.series.iter().filter(|s| s.id.starts_with("sanbao-actual-")).collect();
        // (the span's label, the point's fact, its value)
        let mut months: Vec<(String, &Fact, Decimal)> = Vec::new();
        for point in &total.points {
            let (fact, value, _) = self.value(point)?;
            let month = match (self.lang, self.release.period_of(fact)) {
                (Lang::Zh, Period::Cumulative { from_month, to_month, .. }) if from_month == to_month => format!("{to_month}月"),
                (Lang::Zh, Period::Cumulative { from_month, to_month, .. }) => format!("{from_month}-{to_month}月"),
                (Lang::En, Period::Cumulative { from_month, to_month, .. }) => months_en(*from_month, *to_month),
                (_, other) => self.period(other),
            };
            months.push((month, fact, value));
        }
        let totals: Vec<Decimal> = months.iter().map(|m| m.2).collect();
        let mut all_series = Vec::new();
        let mut part_names = Vec::new();
        for part in &parts {
            let values: Result<Vec<Decimal>, ChartError> = part.points.iter().map(|p| self.value(p).map(|(_, v, _)| v)).collect();
            let name = self.series_name(part)?;
            all_series.push(series(&name, &values?, format::figure));
            part_names.push(name);
        }
        let twelve = Decimal::from(12);
        let pace: Vec<Option<Decimal>> = months
            .iter()
            .map(|(_, fact, _)| match self.release.period_of(fact) {
                Period::Cumulative { to_month, .. } => plan_value.checked_mul(Decimal::from(*to_month)).and_then(|v| v.checked_div(twelve)),
                _ => None,
            })
            .collect();
        let categories: Vec<String> = months.iter().map(|m| m.0.clone()).collect();
        let unit_name = self.unit(&unit);
        let mut data = self.data(&unit_name, categories, all_series, &self.words("时期", "Period"))?;
        let last_period = months.last().map(|(_, last, _)| self.release.period_of(last)).unwrap_or(&self.release.period);
        data.period = self.period(last_period);
        data.subtitle = self.subtitle(&format!("{} · {}", data.period, self.words("累计", "Cumulative")), &unit_name);
        data.extra_columns.push(series(&self.words("合计", "Total"), &totals, format::figure));
        let shares: Vec<String> = months.iter().map(|(_, fact, _)| fact.share.as_ref().map(|s| format!("{}%", s.percent)).unwrap_or_default()).collect();
        data.extra_columns.push(SeriesData { name: self.words("占全年需求比重", "Share of annual need"), values: vec![None; shares.len()], labels: shares.clone() });
        data.total_labels = totals
            .iter()
            .zip(&shares)
            .map(|(total, share)| {
                let mut lines = vec![format::figure(*total)];
                if !share.is_empty() {
                    lines.push(self.words(&format!("占全年{share}"), &format!("{share} of the year")));
                }
                lines
            })
            .collect();
        let pace_label = |p: Decimal| round_half_away(p, 2).to_string();
        data.reference = Some(Reference {
            label: self.words("序时进度", "Pro-rata pace"),
            labels: pace.iter().map(|p| p.map(pace_label).unwrap_or_default()).collect(),
            values: pace.clone(),
        });
        let paces: Vec<String> = months
            .iter()
            .zip(&pace)
            .filter_map(|((m, _, _), p)| p.map(|p| (m, round_half_away(p, 2))))
            .map(|(m, p)| self.words(&format!("{m}{p}{unit}"), &format!("{m} {}", self.amount(p, &unit))))
            .collect();
        data.notes.push(match self.lang {
            Lang::Zh => format!("虚线为序时进度（全年需求×月数/12）：{}。全年需求{plan_value}{unit}（{}）。", paces.join("，"), format::grouped(plan_value, unit.symbol())),
            Lang::En => format!("The dashed line is the pro-rata pace (annual need × months / 12): {}. Annual need: {}.", paces.join(", "), self.amount(plan_value, &unit)),
        });
        data.description = self.sanbao_description(total, &months, &parts, &part_names, plan_value, &unit)?;
        Ok(data)
    }

    /// "2023年1-2月，西夏区“三保”及其他刚性支出累计实际完成14976.67万元，占全年支出需求…的10.87%，
    /// 其中保工资支出…最多、保运转支出…最少；1月实际完成5327.34万元，占全年的4%。"
    fn sanbao_description(&self, total: &Series, months: &[(String, &Fact, Decimal)], parts: &[&Series], part_names: &[String], plan: Decimal, unit: &Unit) -> Result<String, ChartError> {
        let Some(((_, last, last_value), earlier)) = months.split_last() else {
            return Err(self.missing("“三保”累计序列的数据点"));
        };
        let name = self.series_name(total)?;
        let cumulative = total.kind == SeriesKind::Cumulative;
        let at_last: Vec<(&String, Decimal)> = parts
            .iter()
            .zip(part_names)
            .filter_map(|(part, name)| part.points.get(months.len() - 1).and_then(|p| self.release.fact(p)).and_then(|f| f.value.as_ref()).map(|v| (name, v.amount)))
            .collect();
        let most = at_last.iter().max_by_key(|p| p.1);
        let least = at_last.iter().min_by_key(|p| p.1);
        let amount = |v: Decimal| self.amount(v, unit);
        let lead = self.lead(self.release.period_of(last));
        Ok(match self.lang {
            Lang::Zh => {
                let mut text = format!("{lead}{name}{}实际完成{}", if cumulative { "累计" } else { "" }, amount(*last_value));
                text += &match &last.share {
                    Some(share) => format!("，占全年支出需求{}的{}%", amount(plan), share.percent),
                    None => format!("，全年支出需求{}", amount(plan)),
                };
                if let (Some(most), Some(least)) = (most, least) {
                    text += &format!("，其中{}{}最多、{}{}最少", most.0, amount(most.1), least.0, amount(least.1));
                }
                for (month, fact, value) in earlier {
                    text += &format!("；{month}实际完成{}", amount(*value));
                    if let Some(share) = &fact.share {
                        text += &format!("，占全年的{}%", share.percent);
                    }
                }
                text + "。"
            }
            Lang::En => {
                let mut text = format!("{lead}spending on {} reached {}{}", format::mid_sentence(&name), amount(*last_value), if cumulative { " cumulatively" } else { "" });
                text += &match &last.share {
                    Some(share) => format!(", {}% of the annual need of {}", share.percent, amount(plan)),
                    None => format!(", against an annual need of {}", amount(plan)),
                };
                if let (Some(most), Some(least)) = (most, least) {
                    text += &format!("; {} took the most, {}, and {} the least, {}", format::mid_sentence(most.0), amount(most.1), format::mid_sentence(least.0), amount(least.1));
                }
                text += ".";
                for (month, fact, value) in earlier {
                    text += &format!(" In {month}, spending was {}", amount(*value));
                    if let Some(share) = &fact.share {
                        text += &format!(", {}% of the annual need", share.percent);
                    }
                    text += ".";
                }
                text
            }
        })
    }

    fn direct_funds_progress(&self) -> Result<ChartData, ChartError> {
        let table = self.table("direct-funds-by-fund", "直达资金支付情况表")?;
        let rate_column = table.columns.iter().find(|c| matches!(c.kind, ColumnKind::Rate { .. })).ok_or_else(|| self.missing("支出进度列"))?;
        let amount_column = table.columns.iter().find(|c| c.measure.as_deref() == Some("amount"));
        let target_fact = table.target.as_ref().and_then(|t| self.release.fact(&t.fact));
        let target = target_fact.and_then(|f| f.value.as_ref()).map(|v| v.amount);
        let total = table.rows.iter().find(|r| r.parent.is_none());
        let cell = |row: &Row, column: Option<&Column>| column.and_then(|c| table.number(row, &c.id));
        // (label, rate, amount as printed)
        let mut rows: Vec<(String, Decimal, String)> = Vec::new();
        for row in table.rows.iter().filter(|r| table.children(&r.id).next().is_none()) {
            let rate = table.number(row, &rate_column.id).ok_or_else(|| self.missing(format!("{}的支出进度", row.label)))?;
            let amount = cell(row, amount_column).map(|v| v.to_string()).unwrap_or_default();
            rows.push((self.row_label(table, row)?.to_owned(), rate, amount));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let funds = rows.len();
        let mut total_row = None;
        if let Some(total) = total {
            if let Some(rate) = table.number(total, &rate_column.id) {
                let amount = cell(total, amount_column).map(|v| v.to_string()).unwrap_or_default();
                let label = self.row_label(table, total)?;
                let label = self.words(&format!("{label}（合计）"), &format!("{label} (total)"));
                rows.insert(0, (label, rate, amount));
                total_row = Some((total, rate));
            }
        }
        let categories: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let values: Vec<Decimal> = rows.iter().map(|r| r.1).collect();
        let rate_name = self.column_label(table, rate_column)?;
        let mut data = self.data("%", categories, vec![series(rate_name, &values, format::percent)], &self.words("资金名称", "Fund"))?;
        data.highlight = total_row.map(|_| 0);
        let as_of = target_fact.and_then(|f| f.period.as_ref()).filter(|p| matches!(p, Period::AsOf { .. })).unwrap_or(&self.release.period);
        data.period = self.period(as_of);
        data.subtitle = self.subtitle(&data.period, "%");
        if let Some(column) = amount_column {
            let unit = total.or(table.rows.first()).and_then(|row| table.unit_of(row, column)).map(|u| self.unit(&u)).unwrap_or_default();
            let label = self.column_label(table, column)?;
            let name = match (self.lang, unit.is_empty()) {
                (_, true) => label.to_owned(),
                (Lang::Zh, false) => format!("{label}（{unit}）"),
                (Lang::En, false) => format!("{label} ({unit})"),
            };
            data.extra_columns.push(SeriesData { name, values: vec![None; rows.len()], labels: rows.iter().map(|r| r.2.clone()).collect() });
        }
        if let Some(target) = target {
            let month = match as_of {
                Period::AsOf { date } => date.split('-').nth(1).and_then(|m| m.parse::<u8>().ok()),
                _ => None,
            };
            let label = match (self.lang, month) {
                (Lang::Zh, Some(m)) => format!("{m}月底目标{target}%"),
                (Lang::Zh, None) => format!("目标{target}%"),
                (Lang::En, m) => match m.and_then(month_name_en) {
                    Some(name) => format!("End-{name} target {target}%"),
                    None => format!("Target {target}%"),
                },
            };
            data.reference = Some(Reference { label, values: vec![Some(target)], labels: vec![format!("{target}%")] });
        }
        data.notes.push(self.words("支出进度为表中所列数值。", "Spending progress as printed in the table."));
        data.description = self.direct_funds_description(table, total_row, &rows[usize::from(total_row.is_some())..], funds, target, as_of)?;
        Ok(data)
    }

    /// "截至2023年3月31日，西夏区直达资金26432.31万元，已支出5366.12万元，支出进度20.3%，低于25%的
    /// 目标；18项资金中16项未达目标，…支出进度最高，为64.7%，8项资金尚未支出。"
    fn direct_funds_description(&self, table: &Table, total: Option<(&Row, Decimal)>, funds: &[(String, Decimal, String)], count: usize, target: Option<Decimal>, as_of: &Period) -> Result<String, ChartError> {
        let quantity = |measure: &str, row: &Row| -> Option<String> {
            let column = table.columns.iter().find(|c| c.measure.as_deref() == Some(measure))?;
            let value = table.number(row, &column.id)?;
            Some(self.amount(value, &table.unit_of(row, column).unwrap_or(Unit::Pure)))
        };
        let percent = |v: Decimal| format::percent(v);
        let lead = self.lead(as_of);
        let mut text = match (self.lang, total) {
            (Lang::Zh, Some((row, rate))) => {
                let label = self.row_label(table, row)?;
                let mut text = format!("{lead}{label}");
                if let Some(amount) = quantity("amount", row) {
                    text += &amount;
                }
                if let Some(paid) = quantity("paid", row) {
                    text += &format!("，已支出{paid}");
                }
                text + &format!("，支出进度{}", percent(rate))
            }
            (Lang::En, Some((row, rate))) => {
                let label = format::mid_sentence(self.row_label(table, row)?);
                let district = format::capitalised(&self.in_period(as_of)) + DISTRICT.1;
                match (quantity("amount", row), quantity("paid", row)) {
                    (Some(amount), Some(paid)) => format!("{district} had spent {paid} of its {amount} in {label}, a spending progress of {}", percent(rate)),
                    _ => format!("{district}'s {label} had a spending progress of {}", percent(rate)),
                }
            }
            (_, None) => lead.trim_end_matches("'s ").to_owned(),
        };
        if let (Some(target), Some((_, rate))) = (target, total) {
            text += &match (self.lang, rate.cmp(&target)) {
                (Lang::Zh, std::cmp::Ordering::Less) => format!("，低于{target}%的目标"),
                (Lang::Zh, std::cmp::Ordering::Equal) => format!("，达到{target}%的目标"),
                (Lang::Zh, std::cmp::Ordering::Greater) => format!("，高于{target}%的目标"),
                (Lang::En, std::cmp::Ordering::Less) => format!(", below the {target}% target"),
                (Lang::En, std::cmp::Ordering::Equal) => format!(", on the {target}% target"),
                (Lang::En, std::cmp::Ordering::Greater) => format!(", above the {target}% target"),
            };
        }
        let mut notable = Vec::new();
        if let Some(target) = target {
            let behind = funds.iter().filter(|r| r.1 < target).count();
            notable.push(self.words(&format!("{count}项资金中{behind}项未达目标"), &format!("{behind} were below the target")));
        }
        if let Some((name, rate, _)) = funds.first() {
            notable.push(self.words(&format!("{name}支出进度最高，为{}", percent(*rate)), &format!("{} had the highest progress ({})", format::mid_sentence(name), percent(*rate))));
        }
        let untouched = funds.iter().filter(|r| r.1.is_zero()).count();
        if untouched > 0 {
            notable.push(self.words(&format!("{untouched}项资金尚未支出"), &format!("{untouched} had spent nothing")));
        }
        Ok(match self.lang {
            Lang::Zh => format!("{text}；{}。", notable.join("，")),
            Lang::En => format!("{text}. Of the {count} funds, {}.", format::join_en(&notable)),
        })
    }
}

/// One bar of the structure comparison: a stated ratio and what it splits.
struct RatioRow<'r> {
    period: &'r Period,
    /// The total the ratio splits: 地区生产总值.
    whole: &'r str,
    terms: &'r [Decimal],
    labels: &'r [String],
    /// The ratio's name: 三次产业结构比.
    name: &'r str,
}

/// A growth basis as a Chinese bulletin puts it before 增长: 比上年, 比上年末, 同比.
fn basis_zh(basis: GrowthBasis) -> &'static str {
    match basis {
        GrowthBasis::PreviousYear => "比上年",
        GrowthBasis::PreviousYearEnd => "比上年末",
        GrowthBasis::YearOnYear | GrowthBasis::CumulativeYearOnYear => "同比",
    }
}

/// A growth basis after an English growth: "up 8.3% on the previous year".
fn basis_en(basis: GrowthBasis) -> &'static str {
    match basis {
        GrowthBasis::PreviousYear => "on the previous year",
        GrowthBasis::PreviousYearEnd => "on the end of the previous year",
        GrowthBasis::YearOnYear | GrowthBasis::CumulativeYearOnYear => "year on year",
    }
}

/// A growth series' name: 比上年增长, "Growth over previous year"; 增长 when the basis is unknown.
fn growth_name(basis: Option<GrowthBasis>, lang: Lang) -> String {
    match (lang, basis) {
        (Lang::Zh, Some(basis)) => format!("{}增长", basis_zh(basis)),
        (Lang::Zh, None) => "增长".into(),
        (Lang::En, Some(GrowthBasis::PreviousYear)) => "Growth over previous year".into(),
        (Lang::En, Some(GrowthBasis::PreviousYearEnd)) => "Growth over previous year-end".into(),
        (Lang::En, Some(GrowthBasis::YearOnYear | GrowthBasis::CumulativeYearOnYear)) => "Year-on-year growth".into(),
        (Lang::En, None) => "Growth".into(),
    }
}

/// Falls among the other parts: "；营利性服务业、批发和零售业增加值分别下降3.1%和0.3%".
fn falls_zh(falls: &[(String, Decimal)], noun: &str) -> String {
    let rates: Vec<String> = falls.iter().map(|(_, g)| format!("{}%", g.abs())).collect();
    let names: Vec<&str> = falls.iter().map(|(n, _)| n.as_str()).collect();
    match falls {
        [] => String::new(),
        [_] => format!("；{}{noun}下降{}", names[0], rates[0]),
        _ => format!("；{}{noun}分别下降{}", names.join("、"), format::join_zh(&rates)),
    }
}

/// Falls among the other parts: "; value added fell in for-profit services (down 3.1%) and …".
fn falls_en(falls: &[(String, Decimal)], noun: &str) -> String {
    if falls.is_empty() {
        return String::new();
    }
    let items: Vec<String> = falls.iter().map(|(n, g)| format!("{} ({})", format::mid_sentence(n), format::growth_words_en(*g))).collect();
    format!("; {noun} fell in {}", format::join_en(&items))
}

/// Structure terms as printed: "1.5:69.6:28.9".
fn terms(terms: &[Decimal], separator: &str) -> String {
    terms.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(separator)
}

fn series(name: &str, values: &[Decimal], label: fn(Decimal) -> String) -> SeriesData {
    SeriesData { name: name.to_owned(), values: values.iter().map(|v| Some(*v)).collect(), labels: values.iter().map(|v| label(*v)).collect() }
}

fn optional_series(name: &str, values: &[Option<Decimal>], label: fn(Decimal) -> String) -> SeriesData {
    SeriesData { name: name.to_owned(), values: values.to_vec(), labels: values.iter().map(|v| v.map(label).unwrap_or_default()).collect() }
}
