//! What a chart shows, before anything is placed: categories, series of exact values with their
//! printed labels, a reference line, and the metadata every chart carries (title, period, unit,
//! source, status). Built from releases by chart id; the table view is derived from the same data.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::format;
use crate::compute::growth::comparator_value;
use crate::fact::Fact;
use crate::release::Release;
use crate::table::ColumnKind;

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartData {
    pub id: String,
    pub release: String,
    pub kind: ChartKind,
    pub title: String,
    /// Period and unit: "2022年 · 单位：亿元".
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
    /// "资料来源：西夏区统计局".
    pub source: String,
    /// "初步统计数".
    pub status: String,
    /// Notes under the chart: how derived figures were derived.
    pub notes: Vec<String>,
    /// One or two Chinese sentences saying what the chart shows, for screen readers.
    pub description: String,
    /// Text for the middle of a donut: ("地区生产总值", "489.91亿元").
    pub center: Option<(String, String)>,
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
        TableView { caption: format!("{}（{}）", self.title, self.subtitle), columns, rows }
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
    pub kind: ChartKind,
}

/// Every chart, in the order a bulletin page shows them.
pub const CATALOGUE: &[ChartInfo] = &[
    ChartInfo { id: "gdp-by-industry", release: "2022-bulletin", title: "2022年西夏区三次产业增加值", kind: ChartKind::Column },
    ChartInfo { id: "gdp-structure", release: "2022-bulletin", title: "2022年西夏区三次产业结构", kind: ChartKind::Donut },
    ChartInfo { id: "industry-growth", release: "2022-bulletin", title: "2022年规模以上工业主要行业增加值增速", kind: ChartKind::Bar },
    ChartInfo { id: "product-growth", release: "2022-bulletin", title: "2022年主要工业产品产量增速", kind: ChartKind::Bar },
    ChartInfo { id: "services-by-sector", release: "2022-bulletin", title: "2022年服务业主要行业增加值", kind: ChartKind::Bar },
    ChartInfo { id: "indicators-vs-region", release: "2023-1-11-indicators", title: "2023年1-11月主要指标增速：西夏区与自治区、银川市", kind: ChartKind::Grouped },
    ChartInfo { id: "structure-comparison", release: "2023-1-11-indicators", title: "三次产业结构：地区生产总值与固定资产投资", kind: ChartKind::StackedPercent },
    ChartInfo { id: "sanbao-cumulative", release: "2023-fiscal-reports-5-8", title: "2023年“三保”及其他刚性支出累计完成情况", kind: ChartKind::Cumulative },
    ChartInfo { id: "direct-funds-progress", release: "2023-fiscal-reports-5-8", title: "截至2023年3月31日直达资金支出进度", kind: ChartKind::Progress },
];

pub fn info(chart: &str) -> Result<&'static ChartInfo, ChartError> {
    CATALOGUE.iter().find(|c| c.id == chart).ok_or_else(|| ChartError::UnknownChart {
        chart: chart.to_owned(),
        known: CATALOGUE.iter().map(|c| c.id).collect::<Vec<_>>().join("、"),
    })
}

/// Builds a chart's data from its release, with `others` for charts that compare releases.
pub fn build(chart: &str, release: &Release, others: &[Release]) -> Result<ChartData, ChartError> {
    let info = info(chart)?;
    if info.release != release.id {
        return Err(ChartError::WrongRelease { chart: chart.to_owned(), release: release.id.clone(), home: info.release.to_owned() });
    }
    let b = Builder { info, release };
    match chart {
        "gdp-by-industry" => b.gdp_by_industry(),
        "gdp-structure" => b.gdp_structure(),
        "industry-growth" => b.breakdown_growth("industry-sub-industries", "行业", "增加值"),
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
}

impl<'a> Builder<'a> {
    fn missing(&self, what: impl Into<String>) -> ChartError {
        ChartError::MissingData { chart: self.info.id.to_owned(), what: what.into() }
    }

    fn fact(&self, id: &str) -> Result<&'a Fact, ChartError> {
        self.release.fact(id).ok_or_else(|| self.missing(format!("指标 {id}")))
    }

    fn value(&self, id: &str) -> Result<(&'a Fact, Decimal, String), ChartError> {
        let fact = self.fact(id)?;
        let value = fact.value.as_ref().ok_or_else(|| self.missing(format!("{}（{id}）的数值", fact.name)))?;
        Ok((fact, value.amount, value.unit.to_string()))
    }

    fn growth(&self, id: &str) -> Result<(&'a Fact, Decimal), ChartError> {
        let fact = self.fact(id)?;
        let growth = fact.growth.as_ref().ok_or_else(|| self.missing(format!("{}（{id}）的增速", fact.name)))?;
        Ok((fact, growth.percent()))
    }

    fn parts(&self, breakdown: &str) -> Result<Vec<&'a Fact>, ChartError> {
        let breakdown = self.release.breakdowns.iter().find(|b| b.id == breakdown).ok_or_else(|| self.missing(format!("分组 {breakdown}")))?;
        breakdown.parts.iter().map(|id| self.fact(id)).collect()
    }

    fn source(&self) -> String {
        format!("资料来源：{}", self.release.publishers.join("、"))
    }

    fn data(&self, unit: &str, categories: Vec<String>, series: Vec<SeriesData>, category_label: &str) -> ChartData {
        let period = self.release.period.to_string();
        let subtitle = if unit.is_empty() { period.clone() } else { format!("{period} · 单位：{unit}") };
        ChartData {
            id: self.info.id.to_owned(),
            release: self.release.id.clone(),
            kind: self.info.kind,
            title: self.info.title.to_owned(),
            subtitle,
            unit: unit.to_owned(),
            period,
            categories,
            series,
            reference: None,
            extra_columns: Vec::new(),
            category_label: category_label.to_owned(),
            category_notes: Vec::new(),
            source: self.source(),
            status: self.release.status.label().to_owned(),
            notes: Vec::new(),
            description: String::new(),
            center: None,
        }
    }

    fn gdp_by_industry(&self) -> Result<ChartData, ChartError> {
        let parts = self.parts("gdp-by-industry")?;
        let (gdp, gdp_value, unit) = self.value("gdp")?;
        let mut values = Vec::new();
        let mut growth = Vec::new();
        for part in &parts {
            let (_, value, _) = self.value(&part.id)?;
            values.push(value);
            growth.push(part.growth.as_ref().map(|g| g.percent()));
        }
        let categories: Vec<String> = parts.iter().map(|p| p.name.trim_end_matches("增加值").to_owned()).collect();
        let mut data = self.data(&unit, categories.clone(), vec![series("增加值", &values, format::figure)], "产业");
        data.extra_columns.push(optional_series("比上年增长（%）", &growth, format::figure));
        data.category_notes = growth.iter().map(|g| g.map(format::growth_words).unwrap_or_default()).collect();
        let gdp_growth = gdp.growth.as_ref().map(|g| format!("，按可比价格计算比上年{}", format::growth_words(g.percent()))).unwrap_or_default();
        data.description = format!(
            "{}西夏区地区生产总值{}{unit}{gdp_growth}。其中{}。",
            data.period,
            gdp_value,
            describe_pairs(&categories, &values.iter().map(|v| format!("{v}{unit}")).collect::<Vec<_>>())
        );
        data.notes.push(format!("地区生产总值{gdp_value}{unit}{gdp_growth}。"));
        data.notes.push("增加值按现行价格计算，增长速度按可比价格计算。".into());
        Ok(data)
    }

    fn gdp_structure(&self) -> Result<ChartData, ChartError> {
        let ratio = self.release.ratios.iter().find(|r| r.id == "gdp-structure").ok_or_else(|| self.missing("三次产业结构比"))?;
        let (_, gdp_value, unit) = self.value("gdp")?;
        let mut data = self.data("%", ratio.labels.clone(), vec![series("比重（%）", &ratio.terms, format::figure)], "产业");
        if let Some(breakdown) = &ratio.breakdown {
            let parts = self.parts(breakdown)?;
            let values: Vec<Option<Decimal>> = parts.iter().map(|p| p.value.as_ref().map(|v| v.amount)).collect();
            data.extra_columns.push(optional_series(&format!("增加值（{unit}）"), &values, format::figure));
        }
        let largest = ratio.terms.iter().zip(&ratio.labels).max_by_key(|(t, _)| **t).map(|(_, l)| l.clone()).unwrap_or_default();
        let printed = ratio.terms.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(":");
        data.center = Some(("地区生产总值".into(), format!("{gdp_value}{unit}")));
        data.description = format!("{}西夏区三次产业结构为{printed}，{largest}比重最高。", data.period);
        Ok(data)
    }

    fn breakdown_growth(&self, breakdown: &str, category_label: &str, strip: &str) -> Result<ChartData, ChartError> {
        let mut rows: Vec<(String, Decimal)> = Vec::new();
        for part in self.parts(breakdown)? {
            let (_, percent) = self.growth(&part.id)?;
            rows.push((part.name.trim_end_matches(strip).to_owned(), percent));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let (categories, values): (Vec<String>, Vec<Decimal>) = rows.into_iter().unzip();
        let mut data = self.data("%", categories.clone(), vec![series("比上年增长", &values, format::percent)], category_label);
        data.description = format!("{}，增速最高的是{}（{}）。", data.title, categories.first().cloned().unwrap_or_default(), values.first().map(|v| format::growth_words(*v)).unwrap_or_default());
        data.notes.push("增长速度按可比价格计算。".into());
        Ok(data)
    }

    fn product_growth(&self) -> Result<ChartData, ChartError> {
        let table = self.release.tables.iter().find(|t| t.id == "industrial-products").ok_or_else(|| self.missing("主要工业产品产量表"))?;
        let growth_column = table.columns.iter().find(|c| c.kind == ColumnKind::Growth).ok_or_else(|| self.missing("增长列"))?;
        let output_column = table.columns.iter().find(|c| matches!(c.kind, ColumnKind::Quantity { .. })).ok_or_else(|| self.missing("产量列"))?;
        let mut rows: Vec<(String, Decimal, String)> = Vec::new();
        for row in &table.rows {
            let growth = table.number(row, &growth_column.id).ok_or_else(|| self.missing(format!("{}的增速", row.label)))?;
            let output = table.number(row, &output_column.id).map(|v| format!("{v}{}", table.unit_of(row, output_column).map(|u| u.to_string()).unwrap_or_default())).unwrap_or_default();
            rows.push((row.label.clone(), growth, output));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let categories: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let values: Vec<Decimal> = rows.iter().map(|r| r.1).collect();
        let mut data = self.data("%", categories, vec![series("比上年增长", &values, format::percent)], "产品");
        data.extra_columns.push(SeriesData { name: "产量".into(), values: vec![None; rows.len()], labels: rows.iter().map(|r| r.2.clone()).collect() });
        let falls: Vec<&str> = rows.iter().filter(|r| r.1.is_sign_negative()).map(|r| r.0.as_str()).collect();
        data.description = format!(
            "{}：{}增长最快（{}）{}。",
            data.title,
            rows.first().map(|r| r.0.as_str()).unwrap_or(""),
            rows.first().map(|r| format::growth_words(r.1)).unwrap_or_default(),
            if falls.is_empty() { String::new() } else { format!("；{}产量下降", falls.join("、")) }
        );
        Ok(data)
    }

    fn services_by_sector(&self) -> Result<ChartData, ChartError> {
        let mut rows: Vec<(String, Decimal, Option<Decimal>)> = Vec::new();
        let mut unit = String::new();
        for part in self.parts("services-by-sector")? {
            let (_, value, part_unit) = self.value(&part.id)?;
            unit = part_unit;
            rows.push((part.name.trim_end_matches("增加值").to_owned(), value, part.growth.as_ref().map(|g| g.percent())));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let categories: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let values: Vec<Decimal> = rows.iter().map(|r| r.1).collect();
        let growth: Vec<Option<Decimal>> = rows.iter().map(|r| r.2).collect();
        let mut data = self.data(&unit, categories.clone(), vec![series("增加值", &values, format::figure)], "行业");
        data.extra_columns.push(optional_series("比上年增长（%）", &growth, format::figure));
        if let Ok((services, total, _)) = self.value("services-va") {
            data.notes.push(format!("{}{total}{unit}；图中为公报列出的主要行业。", services.name));
        }
        data.description = format!("{}：{}最多，为{}{unit}。", data.title, categories.first().cloned().unwrap_or_default(), values.first().map(|v| v.to_string()).unwrap_or_default());
        Ok(data)
    }

    fn indicators_vs_region(&self) -> Result<ChartData, ChartError> {
        let ids = ["industry-above-scale-va", "investment", "revenue"];
        let mut categories = Vec::new();
        let mut own = Vec::new();
        let mut comparators: Vec<(String, Vec<Option<Decimal>>)> = Vec::new();
        let mut sentences = Vec::new();
        for id in ids {
            let (fact, percent) = self.growth(id)?;
            categories.push(fact.name.clone());
            own.push(percent);
            for gap in &fact.gaps {
                let derived = comparator_value(percent, gap.points).ok();
                match comparators.iter_mut().find(|(name, _)| *name == gap.comparator) {
                    Some((_, values)) => values.push(derived),
                    None => comparators.push((gap.comparator.clone(), vec![derived])),
                }
            }
            let ranks = fact.ranks.iter().map(|r| format!("位居{}第{}位", r.scope, r.rank)).collect::<Vec<_>>().join("、");
            let gaps = fact.gaps.iter().map(|g| format!("高于{}{}个百分点", g.comparator, g.points)).collect::<Vec<_>>().join("、");
            sentences.push(format!("{}{}，{gaps}，{ranks}", fact.name, format::growth_words(percent)));
        }
        let mut all_series = vec![series("西夏区", &own, format::percent)];
        for (name, values) in comparators {
            let labels = values.iter().map(|v| v.map(|v| format!("{}*", format::percent(v))).unwrap_or_default()).collect();
            all_series.push(SeriesData { name: format!("{name}（推算）"), values, labels });
        }
        let mut data = self.data("%", categories, all_series, "指标");
        data.subtitle = format!("{} · 同比增速 · 单位：%", data.period);
        data.notes.push("* 自治区、银川市增速由公报“高于…个百分点”推算：西夏区增速 − 百分点差。".into());
        data.description = format!("{}，{}。", data.period, sentences.join("；"));
        Ok(data)
    }

    fn structure_comparison(&self, others: &[Release]) -> Result<ChartData, ChartError> {
        let mut rows: Vec<(String, Vec<Decimal>, Vec<String>)> = Vec::new();
        let bulletin = others.iter().find(|r| r.id == "2022-bulletin").ok_or_else(|| self.missing("2022年统计公报"))?;
        for (release, ratio_id, label) in [
            (bulletin, "gdp-structure", "地区生产总值"),
            (bulletin, "investment-structure", "固定资产投资"),
            (self.release, "investment-structure", "固定资产投资"),
        ] {
            let ratio = release.ratios.iter().find(|r| r.id == ratio_id).ok_or_else(|| self.missing(format!("{} {ratio_id}", release.id)))?;
            rows.push((format!("{}{label}", release.period), ratio.terms.clone(), ratio.labels.clone()));
        }
        let labels = rows[0].2.clone();
        let categories: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let all_series = labels
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let values: Vec<Decimal> = rows.iter().map(|r| r.1.get(i).copied().unwrap_or_default()).collect();
                series(name, &values, format::figure)
            })
            .collect();
        let mut data = self.data("%", categories, all_series, "结构");
        data.subtitle = "三次产业结构比 · 单位：%".into();
        data.period = format!("{}、{}", bulletin.period, self.release.period);
        data.source = format!("资料来源：{}", bulletin.publishers.join("、"));
        data.description = rows
            .iter()
            .map(|(name, terms, _)| format!("{name}三次产业结构为{}", terms.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(":")))
            .collect::<Vec<_>>()
            .join("；")
            + "。";
        Ok(data)
    }

    fn sanbao_cumulative(&self) -> Result<ChartData, ChartError> {
        let total = self.release.series.iter().find(|s| s.id == "sanbao-actual").ok_or_else(|| self.missing("“三保”累计序列"))?;
        let plan_id = total.target.as_deref().ok_or_else(|| self.missing("全年计划"))?;
        let (_, plan_value, unit) = self.value(plan_id)?;
        let categories_series: Vec<&crate::structure::Series> =
            self.release.series.iter().filter(|s| s.id.starts_with("sanbao-actual-")).collect();
        let mut months = Vec::new();
        let mut totals = Vec::new();
        for point in &total.points {
            let (fact, value, _) = self.value(point)?;
            let month = match self.release.period_of(fact) {
                crate::release::Period::Cumulative { from_month, to_month, .. } if from_month == to_month => format!("{to_month}月"),
                crate::release::Period::Cumulative { from_month, to_month, .. } => format!("{from_month}-{to_month}月"),
                other => other.to_string(),
            };
            months.push((month, fact, value));
            totals.push(value);
        }
        let mut all_series = Vec::new();
        for category in categories_series {
            let values: Result<Vec<Decimal>, ChartError> = category.points.iter().map(|p| self.value(p).map(|(_, v, _)| v)).collect();
            let name = category.name.split("实际完成").next().unwrap_or(&category.name).to_owned();
            all_series.push(series(&name, &values?, format::figure));
        }
        let twelve = Decimal::from(12);
        let pace: Vec<Option<Decimal>> = months
            .iter()
            .map(|(_, fact, _)| match self.release.period_of(fact) {
                crate::release::Period::Cumulative { to_month, .. } => plan_value.checked_mul(Decimal::from(*to_month)).and_then(|v| v.checked_div(twelve)),
                _ => None,
            })
            .collect();
        let categories: Vec<String> = months.iter().map(|m| m.0.clone()).collect();
        let mut data = self.data(&unit, categories, all_series, "时期");
        if let Some((_, last, _)) = months.last() {
            data.period = self.release.period_of(last).to_string();
            data.subtitle = format!("{} · 累计 · 单位：{unit}", data.period);
        }
        data.extra_columns.push(series("合计", &totals, format::figure));
        let shares: Vec<String> = months.iter().map(|(_, fact, _)| fact.share.as_ref().map(|s| format!("{}%", s.percent)).unwrap_or_default()).collect();
        data.extra_columns.push(SeriesData { name: "占全年需求比重".into(), values: vec![None; shares.len()], labels: shares });
        data.reference = Some(Reference {
            label: "序时进度".into(),
            labels: pace.iter().map(|p| p.map(|p| crate::compute::round::round_half_away(p, 2).to_string()).unwrap_or_default()).collect(),
            values: pace.clone(),
        });
        data.notes.push(format!(
            "虚线为序时进度（全年需求×月数/12）：{}。全年需求{plan_value}{unit}（{}）。",
            months.iter().zip(&pace).filter_map(|((m, _, _), p)| p.map(|p| format!("{m}{}{unit}", crate::compute::round::round_half_away(p, 2)))).collect::<Vec<_>>().join("，"),
            format::grouped(plan_value, &unit)
        ));
        data.description = format!(
            "2023年“三保”及其他刚性支出：{}；全年需求{plan_value}{unit}。",
            months.iter().map(|(m, fact, v)| format!("{m}累计完成{v}{unit}{}", fact.share.as_ref().map(|s| format!("，占全年{}%", s.percent)).unwrap_or_default())).collect::<Vec<_>>().join("；")
        );
        Ok(data)
    }

    fn direct_funds_progress(&self) -> Result<ChartData, ChartError> {
        let table = self.release.tables.iter().find(|t| t.id == "direct-funds-by-fund").ok_or_else(|| self.missing("直达资金支付情况表"))?;
        let rate_column = table.columns.iter().find(|c| matches!(c.kind, ColumnKind::Rate { .. })).ok_or_else(|| self.missing("支出进度列"))?;
        let amount_column = table.columns.iter().find(|c| c.measure.as_deref() == Some("amount")).map(|c| c.id.clone());
        let target = table.target.as_ref().and_then(|t| self.release.fact(&t.fact)).and_then(|f| f.value.as_ref()).map(|v| v.amount);
        let total = table.rows.iter().find(|r| r.parent.is_none());
        let mut rows: Vec<(String, Decimal, String)> = Vec::new();
        for row in table.rows.iter().filter(|r| table.children(&r.id).next().is_none()) {
            let rate = table.number(row, &rate_column.id).ok_or_else(|| self.missing(format!("{}的支出进度", row.label)))?;
            let amount = amount_column.as_ref().and_then(|c| table.number(row, c)).map(|v| v.to_string()).unwrap_or_default();
            rows.push((row.label.clone(), rate, amount));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        if let Some(total) = total {
            if let Some(rate) = table.number(total, &rate_column.id) {
                let amount = amount_column.as_ref().and_then(|c| table.number(total, c)).map(|v| v.to_string()).unwrap_or_default();
                rows.insert(0, (format!("{}（合计）", total.label), rate, amount));
            }
        }
        let categories: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let values: Vec<Decimal> = rows.iter().map(|r| r.1).collect();
        let mut data = self.data("%", categories, vec![series("支出进度", &values, format::percent)], "资金名称");
        data.period = "截至2023年3月31日".into();
        data.subtitle = format!("{} · 单位：%", data.period);
        data.extra_columns.push(SeriesData { name: "资金总量（万元）".into(), values: vec![None; rows.len()], labels: rows.iter().map(|r| r.2.clone()).collect() });
        if let Some(target) = target {
            data.reference = Some(Reference { label: format!("3月底目标{target}%"), values: vec![Some(target)], labels: vec![format!("{target}%")] });
            let behind = rows.iter().skip(1).filter(|r| r.1 < target).count();
            data.description = format!(
                "截至2023年3月31日，直达资金支出进度{}，低于{target}%的目标；{}项资金中{behind}项未达目标。",
                rows.first().map(|r| format::percent(r.1)).unwrap_or_default(),
                rows.len().saturating_sub(1)
            );
        }
        data.notes.push("支出进度为表中所列数值。".into());
        Ok(data)
    }
}

fn series(name: &str, values: &[Decimal], label: fn(Decimal) -> String) -> SeriesData {
    SeriesData { name: name.to_owned(), values: values.iter().map(|v| Some(*v)).collect(), labels: values.iter().map(|v| label(*v)).collect() }
}

fn optional_series(name: &str, values: &[Option<Decimal>], label: fn(Decimal) -> String) -> SeriesData {
    SeriesData { name: name.to_owned(), values: values.to_vec(), labels: values.iter().map(|v| v.map(label).unwrap_or_default()).collect() }
}

fn describe_pairs(names: &[String], values: &[String]) -> String {
    names.iter().zip(values).map(|(n, v)| format!("{n}{v}")).collect::<Vec<_>>().join("，")
}
