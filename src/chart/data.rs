//! What a chart shows, before anything is placed: categories, series of exact values with their
//! printed labels, a reference line, and the metadata every chart carries (title, period, unit,
//! source, status, a description in the bulletin's own words). Built from releases by chart id,
//! in Chinese or in English; the table view is derived from the same data.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::format::Lang;

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
    /// Lines over time, one per series, with a marker at every period and a gap where a period
    /// has no figure: an indicator's growth month after month against other regions'.
    Line,
    /// Columns of the first series (levels, on the left axis) and a line of the second (growth,
    /// on the right axis, in [`ChartData::line_unit`]) over time: 近五年地区生产总值及其增长速度.
    Combo,
}

/// One chart's data. It serializes to the file the public page loads ([`super::wire`], from
/// `xixia-stats chart-data --split`) and to JSON (`xixia-stats chart-data`), so visitors'
/// browsers draw the figures the Rust core computed, without the core itself. Every field is
/// written, always: the page's file has no field names, only their order. (`default` lets JSON
/// written before a field existed still read.)
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
    /// Each category's own period, where categories are of different periods (the structure
    /// comparison's "2022年" and "2023年1-11月" rows): a tooltip names the row's period, not the
    /// chart's. Empty when every category is of [`ChartData::period`].
    #[serde(default)]
    pub category_periods: Vec<String>,
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
    #[serde(default)]
    pub highlight: Option<usize>,
    /// The lines printed above each category's stack, top line first: ["14976.67",
    /// "占全年10.87%"]. Empty when the chart prints none.
    #[serde(default)]
    pub total_labels: Vec<Vec<String>>,
    /// Whether the chart shows a draft, not a published release: every rendering then carries
    /// the watermark 征求意见稿 ("DRAFT — for comment") and says so in its status line, and every
    /// export says so too (`docs/export.md`). Set by [`crate::chart::draft_charts`].
    #[serde(default)]
    pub draft: bool,
    /// Other names of the chart's release that an embed may use: `latest-bulletin` on the charts
    /// of the newest bulletin.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The id of the release's section the chart's data comes from (`s2`), for pages that show a
    /// release section by section.
    #[serde(default)]
    pub section: Option<String>,
    /// The labels under a chart over time, one per category, shorter than the categories
    /// ("1-11月" for "2023年1-11月", its year on a second line after `\n`, printed under the
    /// first label of each year). Empty: the categories themselves.
    #[serde(default)]
    pub axis_labels: Vec<String>,
    /// The unit of the line of a column-and-line chart (its right axis): "%".
    #[serde(default)]
    pub line_unit: Option<String>,
    /// When the release was published, `YYYY-MM-DD`: every chart and export says so.
    #[serde(default)]
    pub published: Option<String>,
}

/// The mark a draft's charts carry, in Chinese and in English.
pub const DRAFT_MARK: (&str, &str) = ("征求意见稿", "DRAFT — for comment");

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

/// Exact values: in JSON as their printed text ("489.91", the scale kept), in the page's binary
/// file ([`super::wire`]) as mantissa and scale (48991, 2), which the module reads without
/// parsing text.
mod option_decimals {
    use rust_decimal::Decimal;
    use serde::ser::SerializeSeq;
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Option<Decimal>>, D::Error> {
        if !deserializer.is_human_readable() {
            return Vec::<Option<(i128, u32)>>::deserialize(deserializer)?
                .into_iter()
                .map(|v| v.map(|(mantissa, scale)| Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| D::Error::custom("a value out of range"))).transpose())
                .collect();
        }
        Vec::<Option<String>>::deserialize(deserializer)?
            .into_iter()
            .map(|text| text.map(|t| crate::decimal::parse(&t).map_err(D::Error::custom)).transpose())
            .collect()
    }

    pub fn serialize<S: Serializer>(values: &[Option<Decimal>], serializer: S) -> Result<S::Ok, S::Error> {
        let readable = serializer.is_human_readable();
        let mut seq = serializer.serialize_seq(Some(values.len()))?;
        for value in values {
            if readable {
                seq.serialize_element(&value.map(|v| v.to_string()))?;
            } else {
                seq.serialize_element(&value.map(|v| (v.mantissa(), v.scale())))?;
            }
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
    /// The draft mark in the chart's language, when the chart shows a draft.
    pub fn draft_mark(&self) -> Option<&'static str> {
        self.draft.then_some(match self.lang {
            Lang::Zh => DRAFT_MARK.0,
            Lang::En => DRAFT_MARK.1,
        })
    }

    /// The title as exports give it: a draft's begins with the mark, "【征求意见稿】2022年…",
    /// "[DRAFT — for comment] Value added …".
    pub fn marked_title(&self) -> String {
        match (self.draft_mark(), self.lang) {
            (Some(mark), Lang::Zh) => format!("【{mark}】{}", self.title),
            (Some(mark), Lang::En) => format!("[{mark}] {}", self.title),
            (None, _) => self.title.clone(),
        }
    }

    /// The status as a chart's footer and exports print it: "初步统计数", and for a draft
    /// "征求意见稿 · 初步统计数".
    pub fn status_line(&self) -> String {
        match self.draft_mark() {
            Some(mark) if self.status.is_empty() => mark.to_owned(),
            Some(mark) => format!("{mark} · {}", self.status),
            None => self.status.clone(),
        }
    }

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
