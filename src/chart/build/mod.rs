//! Building a chart's data from its release, in Chinese or English: the lookups and shared words
//! here, the charts by release in the submodules.

mod auto;
mod bulletin;
mod draft;
mod fiscal;
mod indicators;
mod over_time;

pub use draft::{draft_charts, draft_charts_in, draft_charts_page, published_charts, DraftCharts, PublishedCharts, MAX_DRAFT_CHARTS};

use rust_decimal::Decimal;

use super::data::{ChartData, ChartError, ChartKind, SeriesData};
use super::format::{self, Lang};
use super::spec::{self, ChartSpec, DataKind, Spec, Words};
use crate::indicator::Registry;
use crate::fact::{Fact, Growth, GrowthBasis, Prices};
use crate::release::{Period, Release};
use crate::structure::{Breakdown, Series, StructureRatio};
use crate::table::{Column, Row, Table};
use crate::unit::Unit;

/// Builds a chart's data in Chinese from its release, with `others` for charts that compare
/// releases, by the bundled chart specification. The same as [`build_in`] with [`Lang::Zh`].
pub fn build(chart: &str, release: &Release, others: &[Release]) -> Result<ChartData, ChartError> {
    build_in(chart, release, others, Lang::Zh)
}

/// Builds a chart of the bundled specification (the demo site's `data/charts.json`) with every
/// string in `lang`. An English chart takes its names from the releases' English fields
/// (`name_en`, `labels_en`, `label_en`, …) and fails with [`ChartError::MissingData`] when one it
/// needs is absent, rather than show Chinese.
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
    let spec = crate::bundled::spec().map_err(|err| ChartError::MissingData { chart: chart.to_owned(), what: err.to_string() })?;
    build_with(&spec, chart, release, others, lang)
}

/// Builds the chart `chart` of `spec` from `release`: an error when the specification has no such
/// chart, or when the chart is not one of this release's.
pub fn build_with(spec: &Spec, chart: &str, release: &Release, others: &[Release], lang: Lang) -> Result<ChartData, ChartError> {
    let entry = spec.charts.iter().find(|c| c.id == chart).ok_or_else(|| ChartError::UnknownChart {
        chart: chart.to_owned(),
        known: spec.charts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join("、"),
    })?;
    let mut all: Vec<Release> = others.to_vec();
    if !all.iter().any(|r| r.id == release.id) {
        all.push(release.clone());
    }
    if !entry.selector().selects(release, &all) {
        let homes: Vec<&str> = all.iter().filter(|r| entry.selector().selects(r, &all)).map(|r| r.id.as_str()).collect();
        let home = if homes.is_empty() { entry.release.clone() } else { homes.join("、") };
        return Err(ChartError::WrongRelease { chart: chart.to_owned(), release: release.id.clone(), home });
    }
    build_entry(entry, &spec.indicators, release, others, lang)
}

/// Builds the chart of a specification entry from `release`, whatever the release's id: the
/// published charts, and a draft's that has the chart's data under the same ids.
pub fn build_entry(entry: &ChartSpec, registry: &Registry, release: &Release, others: &[Release], lang: Lang) -> Result<ChartData, ChartError> {
    let data = &entry.data;
    let missing = |field: &str| ChartError::MissingData { chart: entry.id.clone(), what: format!("规格中的 data.{field}") };
    let kind = entry.data_kind().map_err(|(field, message)| ChartError::MissingData { chart: entry.id.clone(), what: format!("{field}: {message}") })?;
    let data_period = data_period(entry, release, kind);
    let fill = |template: &str| {
        let (place_zh, place_en) = release.place();
        let year = period_year(&release.period);
        match lang {
            Lang::Zh => spec::fill(template, &place_zh, &release.period.to_string(), &year, &data_period.to_string()),
            Lang::En => spec::fill(template, &place_en, &release.period.english(), &year, &data_period.english()),
        }
    };
    let title = fill(match lang {
        Lang::Zh => &entry.title,
        Lang::En => &entry.title_en,
    });
    let b = Builder { head: Head { id: entry.id.clone(), title, kind: entry.kind }, release, lang, spec: Some(entry) };
    let mut chart = match kind {
        DataKind::BreakdownValues if entry.kind == ChartKind::Column => b.breakdown_values_listed(data.breakdown.as_deref().ok_or_else(|| missing("breakdown"))?),
        DataKind::BreakdownValues => b.breakdown_values_ranked(data.breakdown.as_deref().ok_or_else(|| missing("breakdown"))?),
        DataKind::BreakdownGrowth => b.breakdown_growth(data.breakdown.as_deref().ok_or_else(|| missing("breakdown"))?),
        DataKind::Ratio => b.ratio_ring(data.ratio.as_deref().ok_or_else(|| missing("ratio"))?, data.total.as_deref()),
        DataKind::TableGrowth => b.table_growth(data.table.as_deref().ok_or_else(|| missing("table"))?),
        DataKind::TableProgress => b.table_progress(data.table.as_deref().ok_or_else(|| missing("table"))?),
        DataKind::Gaps => b.indicators_vs_region(&data.facts),
        DataKind::RatioComparison => b.structure_comparison(&data.ratios, others),
        DataKind::CumulativeSeries => b.cumulative_series(data.series.as_deref().ok_or_else(|| missing("series"))?),
        DataKind::IndicatorGrowth | DataKind::IndicatorValue | DataKind::IndicatorValueGrowth => {
            b.over_time(data.indicator.as_deref().ok_or_else(|| missing("indicator"))?, kind, data.periods, others, registry)
        }
    }?;
    // A chart that is not over time spans its own period.
    let period = b.period(data_period);
    chart.title = chart.title.replace("{span}", &period);
    chart.notes.extend(entry.notes.iter().map(|w| b.words(&w.zh, &w.en)));
    chart.section = section_of(release, data);
    Ok(chart)
}

/// The section of the release that the data of a chart comes from: that of the sentence its
/// first fact (a breakdown's total, a ratio's whole, a series' first point) is stated in, or the
/// table's own.
fn section_of(release: &Release, data: &spec::DataSpec) -> Option<String> {
    let of_fact = |id: &str| release.fact(id).and_then(|f| release.section_of(f)).map(str::to_owned);
    let of_breakdown = |id: &str| release.breakdowns.iter().find(|b| b.id == id).and_then(|b| of_fact(&b.total).or_else(|| b.parts.first().and_then(|p| of_fact(p))));
    let of_ratio = |id: &str| {
        let ratio = release.ratios.iter().find(|r| r.id == id)?;
        ratio.breakdown.as_deref().and_then(of_breakdown)
    };
    if let Some(id) = &data.breakdown {
        return of_breakdown(id);
    }
    if let Some(id) = &data.ratio {
        return of_ratio(id);
    }
    if let Some(id) = &data.table {
        let table = release.tables.iter().find(|t| t.id == *id)?;
        return table.section.clone().or_else(|| table.sentence.as_deref().and_then(|s| release.sentence(s)).map(|s| s.section.clone()));
    }
    if let Some(id) = data.facts.first() {
        return of_fact(id);
    }
    if let Some(r) = data.ratios.iter().find(|r| r.from.is_none()) {
        return of_ratio(&r.ratio);
    }
    if let Some(id) = &data.indicator {
        return spec::indicator_fact(release, id).and_then(|f| release.section_of(f)).map(str::to_owned);
    }
    let series = release.series.iter().find(|s| Some(&s.id) == data.series.as_ref())?;
    series.points.first().and_then(|p| of_fact(p))
}

/// The year of a period, as a title prints it: "2023".
fn period_year(period: &Period) -> String {
    match period {
        Period::Year { year } | Period::Cumulative { year, .. } | Period::Month { year, .. } => year.to_string(),
        Period::AsOf { date } => date.split('-').next().unwrap_or_default().to_owned(),
    }
}

/// The period of the data an entry draws, where it is not the release's: a table's target's date.
fn data_period<'r>(entry: &ChartSpec, release: &'r Release, kind: DataKind) -> &'r Period {
    let table_target = || {
        let table = release.tables.iter().find(|t| Some(&t.id) == entry.data.table.as_ref())?;
        let fact = release.fact(&table.target.as_ref()?.fact)?;
        fact.period.as_ref()
    };
    match kind {
        DataKind::TableProgress => table_target().unwrap_or(&release.period),
        _ => &release.period,
    }
}

/// What a chart is called and how it draws, in the builder's language: a specification entry's,
/// or one made up for a draft's structure.
struct Head {
    id: String,
    title: String,
    kind: ChartKind,
}

struct Builder<'a> {
    head: Head,
    release: &'a Release,
    lang: Lang,
    /// The specification entry of the chart, for the words it gives; none for automatic charts.
    spec: Option<&'a ChartSpec>,
}

/// Lookups, and the words every chart shares, in the chart's language.
impl<'a> Builder<'a> {
    fn missing(&self, what: impl Into<String>) -> ChartError {
        ChartError::MissingData { chart: self.head.id.clone(), what: what.into() }
    }

    /// A rate against its target, as a clause: "，低于25%的目标", ", above the 25% target".
    fn against_target(&self, rate: Decimal, target: Decimal) -> String {
        use std::cmp::Ordering;
        match (self.lang, rate.cmp(&target)) {
            (Lang::Zh, Ordering::Less) => format!("，低于{target}%的目标"),
            (Lang::Zh, Ordering::Equal) => format!("，达到{target}%的目标"),
            (Lang::Zh, Ordering::Greater) => format!("，高于{target}%的目标"),
            (Lang::En, Ordering::Less) => format!(", below the {target}% target"),
            (Lang::En, Ordering::Equal) => format!(", on the {target}% target"),
            (Lang::En, Ordering::Greater) => format!(", above the {target}% target"),
        }
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
        // A draft that names no publisher says so, rather than print an empty source.
        let publishers = if publishers.trim().is_empty() { self.words("稿件未写明", "not stated in the draft") } else { publishers };
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
        let (zh, en) = self.place();
        match self.lang {
            Lang::Zh => format!("{}{zh}", self.in_period(period)),
            Lang::En => format!("{}{en}'s ", self.in_period(period)),
        }
    }

    /// The place the release is about, in Chinese and English (see [`Release::place`]).
    fn place(&self) -> (String, String) {
        self.release.place()
    }

    /// Words the specification entry gives (`category`, `noun`), or these.
    fn given(&self, pick: fn(&ChartSpec) -> Option<&Words>, zh: &str, en: &str) -> String {
        match self.spec.and_then(pick) {
            Some(words) => self.words(&words.zh, &words.en),
            None => self.words(zh, en),
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

    /// "初步统计数"; a revised release's says when: "初步统计数（2024年3月18日修订）",
    /// "Preliminary figures (revised 18 March 2024)".
    fn status(&self) -> String {
        let release = self.release;
        let revised = release.revised.as_ref().filter(|_| release.version.is_some_and(|v| v > 1));
        let day = revised.map(|date| format::date(date, self.lang));
        match (self.lang, day) {
            (Lang::Zh, None) => release.status.label().to_owned(),
            (Lang::En, None) => release.status.label_en().to_owned(),
            (Lang::Zh, Some(day)) => format!("{}（{day}修订）", release.status.label()),
            (Lang::En, Some(day)) => format!("{} (revised {day})", release.status.label_en()),
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
            id: self.head.id.clone(),
            release: self.release.id.clone(),
            kind: self.head.kind,
            lang: self.lang,
            title: self.head.title.clone(),
            subtitle: self.subtitle(&period, unit),
            unit: unit.to_owned(),
            period,
            categories,
            series,
            reference: None,
            extra_columns: Vec::new(),
            category_label: category_label.to_owned(),
            category_notes: Vec::new(),
            category_periods: Vec::new(),
            source: self.source(self.release)?,
            status: self.status(),
            notes: Vec::new(),
            description: String::new(),
            center: None,
            highlight: None,
            total_labels: Vec::new(),
            draft: false,
            aliases: Vec::new(),
            section: None,
            axis_labels: Vec::new(),
            line_unit: None,
            published: self.release.published.clone(),
        })
    }
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
    if noun.is_empty() {
        return format!("; {} fell", format::join_en(&items));
    }
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
