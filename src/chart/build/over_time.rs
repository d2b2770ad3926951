//! Charts of an indicator over time ([`crate::series`]): its growth month after month against
//! the regions its gaps name (a line chart), its levels (a line), or its levels and growth year
//! after year (columns and a line), each with the sentence a statistician writes for the latest
//! period: "1-11月，规模以上工业增加值同比增长21.4%，增速比1-10月提高0.5个百分点，高于自治区9.9个
//! 百分点，位居全区第4位。"

use rust_decimal::Decimal;

use super::{optional_series, Builder};
use crate::chart::data::{ChartData, ChartError, SeriesData};
use crate::chart::format::{self, Lang};
use crate::chart::spec::{self, DataKind};
use crate::fact::{Fact, Gap, Prices, Quantity};
use crate::indicator::Registry;
use crate::release::{month_abbr, months_en, Period, Release};
use crate::series::{self, Frequency, IndicatorSeries, Slot};

/// How many periods a chart over time shows when its entry does not say.
fn default_periods(frequency: Frequency) -> usize {
    match frequency {
        Frequency::Year => 5,
        Frequency::Cumulative | Frequency::Month => 12,
    }
}

impl Builder<'_> {
    /// The chart of `indicator` over time, up to this release's period, as the releases published
    /// by then state it.
    pub(super) fn over_time(&self, indicator: &str, kind: DataKind, periods: Option<usize>, others: &[Release], registry: &Registry) -> Result<ChartData, ChartError> {
        let own = spec::indicator_fact(self.release, indicator).ok_or_else(|| self.missing(format!("指标 {indicator}")))?;
        let frequency = Frequency::of(self.release.period_of(own)).ok_or_else(|| self.missing(format!("指标 {indicator} 的时期")))?;
        let mut all: Vec<&Release> = others.iter().filter(|r| r.id != self.release.id).collect();
        all.push(self.release);
        crate::bundled::sort(&mut all);
        let series = series::build(&all, indicator, frequency, Some(self.release)).last(periods.unwrap_or_else(|| default_periods(frequency)));
        let name = self.indicator_name(registry, indicator, own)?;
        let categories: Vec<String> = series.slots.iter().map(|s| self.period(&s.period)).collect();
        let levels: Vec<Option<(&Quantity, bool)>> = series.slots.iter().map(Slot::level).collect();
        let level_unit = levels.iter().flatten().map(|(q, _)| self.unit(&q.unit)).next().unwrap_or_default();
        let level_series = SeriesData {
            name: name.to_owned(),
            values: levels.iter().map(|l| l.map(|(q, _)| q.amount)).collect(),
            labels: levels.iter().map(|l| l.map(|(q, implied)| format!("{}{}", format::figure(q.amount), if implied { "*" } else { "" })).unwrap_or_default()).collect(),
        };
        let growth: Vec<Option<Decimal>> = series.slots.iter().map(Slot::growth).collect();
        let (place_zh, place_en) = self.place();
        let growth_series = |name: String| optional_series(&name, &growth, format::percent);
        let comparators = self.comparators(&series, registry.get(indicator).map(|i| i.comparators.as_slice()).unwrap_or_default());
        let (drawn, unit, line_unit) = match kind {
            DataKind::IndicatorValue => (vec![level_series.clone()], level_unit.clone(), None),
            DataKind::IndicatorValueGrowth => (vec![level_series.clone(), growth_series(self.growth_header(own.growth.as_ref().map(|g| g.basis)))], level_unit.clone(), Some("%".to_owned())),
            _ => {
                let mut drawn = vec![growth_series(self.words(&place_zh, &place_en))];
                for (zh, shown) in &comparators {
                    let values: Vec<Option<Decimal>> = series.slots.iter().map(|s| s.comparator(zh)).collect();
                    let labels = values.iter().map(|v| v.map(|v| format!("{}*", format::percent(v))).unwrap_or_default()).collect();
                    drawn.push(SeriesData { name: self.words(&format!("{shown}（推算）"), &format!("{shown} (derived)")), values, labels });
                }
                (drawn, "%".to_owned(), None)
            }
        };
        let mut data = self.data(&unit, categories, drawn, &self.words("时期", "Period"))?;
        data.line_unit = line_unit;
        data.axis_labels = series.slots.iter().map(|s| self.axis_label(&s.period)).collect();
        data.extra_columns = self.over_time_columns(&series, kind, &level_series, &level_unit)?;
        if let (Some(first), Some(last)) = (series.slots.first(), series.latest()) {
            let span = self.span(&first.period, &last.period);
            data.title = data.title.replace("{span}", &span);
            data.period = self.period(&last.period);
            let measure = match kind {
                DataKind::IndicatorValue => String::new(),
                DataKind::IndicatorValueGrowth => self.words("总量及增速", "levels and growth"),
                _ if frequency == Frequency::Cumulative => self.words("累计增速", "cumulative growth"),
                _ => self.words("增速", "growth"),
            };
            let lead = if measure.is_empty() { span } else { format!("{span} · {measure}") };
            data.subtitle = self.subtitle(&lead, &unit);
        }
        data.notes = self.over_time_notes(&series, kind, registry, indicator, &all, &comparators, own)?;
        data.description = match series.latest() {
            Some(slot) => self.latest_sentence(name, slot, kind != DataKind::IndicatorValue)?,
            None => String::new(),
        };
        Ok(data)
    }

    /// A span of periods as a title gives it: "2020—2024年", "2024年1-6月—2025年1-6月",
    /// "2020–2024", "Jan–Jun 2024 to Jan–Jun 2025"; one period alone.
    fn span(&self, first: &Period, last: &Period) -> String {
        match (self.lang, first, last) {
            _ if first == last => self.period(last),
            (Lang::Zh, Period::Year { year: a }, Period::Year { year: b }) => format!("{a}—{b}年"),
            (Lang::En, Period::Year { year: a }, Period::Year { year: b }) => format!("{a}–{b}"),
            (Lang::Zh, ..) => format!("{first}—{last}"),
            (Lang::En, ..) => format!("{} to {}", first.english(), last.english()),
        }
    }

    /// The indicator's name: the registry's, else as the release prints it.
    fn indicator_name<'r>(&self, registry: &'r Registry, id: &str, fact: &'r Fact) -> Result<&'r str, ChartError> {
        match registry.get(id) {
            Some(entry) => self.named(&entry.name, entry.name_en.as_deref().or(fact.name_en.as_deref()), || format!("指标 {id}（{}）", entry.name)),
            None => self.fact_name(fact),
        }
    }

    /// The regions the series compares with, (Chinese name, name shown): the registry's order,
    /// else the order the releases name them in.
    fn comparators(&self, series: &IndicatorSeries, order: &[String]) -> Vec<(String, String)> {
        let stated = series.comparators();
        let mut gaps: Vec<&Gap> = order.iter().filter_map(|name| stated.iter().find(|g| g.comparator == *name).copied()).collect();
        gaps.extend(stated.iter().filter(|g| !order.contains(&g.comparator)));
        gaps.into_iter()
            .map(|g| {
                let shown = match self.lang {
                    Lang::Zh => g.comparator.clone(),
                    Lang::En => g.comparator_en.clone().unwrap_or_else(|| g.comparator.clone()),
                };
                (g.comparator.clone(), shown)
            })
            .collect()
    }

    /// The label under a period: "1-11月", "Jan–Nov", with its year on a second line (the
    /// renderer prints a year once, under the first label of it); a year is its number.
    fn axis_label(&self, period: &Period) -> String {
        let (short, year) = match (period, self.lang) {
            (Period::Year { year }, _) => return year.to_string(),
            (Period::Cumulative { year, from_month, to_month }, Lang::Zh) if from_month == to_month => (format!("{to_month}月"), *year),
            (Period::Cumulative { year, from_month, to_month }, Lang::Zh) => (format!("{from_month}-{to_month}月"), *year),
            (Period::Cumulative { year, from_month, to_month }, Lang::En) => (months_en(*from_month, *to_month), *year),
            (Period::Month { year, month }, Lang::Zh) => (format!("{month}月"), *year),
            (Period::Month { year, month }, Lang::En) => (month_abbr(*month).to_owned(), *year),
            (Period::AsOf { .. }, _) => return self.period(period),
        };
        match self.lang {
            Lang::Zh => format!("{short}\n{year}年"),
            Lang::En => format!("{short}\n{year}"),
        }
    }

    /// The table's further columns: the level (where growth is drawn), the single month, the
    /// change since the previous period, and each stated rank.
    fn over_time_columns(&self, series: &IndicatorSeries, kind: DataKind, levels: &SeriesData, level_unit: &str) -> Result<Vec<SeriesData>, ChartError> {
        let mut columns = Vec::new();
        let in_unit = |zh: &str, en: &str| if level_unit.is_empty() { self.words(zh, en) } else { self.words(&format!("{zh}（{level_unit}）"), &format!("{en} ({level_unit})")) };
        if kind == DataKind::IndicatorGrowth && levels.values.iter().any(Option::is_some) {
            let (zh, en) = if series.frequency == Frequency::Cumulative { ("累计", "Year to date") } else { ("总量", "Level") };
            columns.push(SeriesData { name: in_unit(zh, en), ..levels.clone() });
        }
        let months: Vec<Option<Decimal>> = series.slots.iter().map(|s| s.month.as_ref().map(|q| q.amount)).collect();
        if months.iter().any(Option::is_some) {
            columns.push(SeriesData { name: in_unit("当月（推算）", "Single month (derived)"), labels: months.iter().map(|m| m.map(|m| format!("{}*", format::figure(m))).unwrap_or_default()).collect(), values: months });
        }
        if kind != DataKind::IndicatorValue {
            let changes: Vec<Option<Decimal>> = series.slots.iter().map(|s| s.change.as_ref().map(|c| c.points)).collect();
            if changes.iter().any(Option::is_some) {
                let labels = changes.iter().map(|c| c.map(signed).unwrap_or_default()).collect();
                columns.push(SeriesData { name: self.words("增速比上期（百分点）", "Change in growth since previous period (points)"), values: changes, labels });
            }
        }
        let mut scopes: Vec<(String, Option<String>)> = Vec::new();
        for rank in series.slots.iter().filter_map(|s| s.point.as_ref()).flat_map(|p| &p.fact.ranks) {
            if !scopes.iter().any(|(zh, _)| *zh == rank.scope) {
                scopes.push((rank.scope.clone(), rank.scope_en.clone()));
            }
        }
        for (zh, en) in scopes {
            let shown = self.named(&zh, en.as_deref(), || format!("排名范围“{zh}”"))?.to_owned();
            let ranks: Vec<Option<u32>> = series.slots.iter().map(|s| s.point.as_ref().and_then(|p| p.fact.ranks.iter().find(|r| r.scope == zh)).map(|r| r.rank)).collect();
            columns.push(SeriesData {
                name: self.words(&format!("{shown}排名"), &format!("Rank {shown}")),
                values: ranks.iter().map(|r| r.map(Decimal::from)).collect(),
                labels: ranks.iter().map(|r| r.map(|r| self.words(&format!("第{r}位"), &format::ordinal_en(r))).unwrap_or_default()).collect(),
            });
        }
        Ok(columns)
    }

    /// The notes: the 口径, how derived figures were derived, the periods with no figure, and
    /// every figure a later release revised.
    #[allow(clippy::too_many_arguments)]
    fn over_time_notes(&self, series: &IndicatorSeries, kind: DataKind, registry: &Registry, id: &str, all: &[&Release], comparators: &[(String, String)], own: &Fact) -> Result<Vec<String>, ChartError> {
        let mut notes = Vec::new();
        if let Some(entry) = registry.get(id) {
            if let Some(note) = match self.lang {
                Lang::Zh => entry.note.clone(),
                Lang::En => entry.note_en.clone(),
            } {
                notes.push(note);
            }
        }
        if kind == DataKind::IndicatorValueGrowth && own.growth.as_ref().is_some_and(|g| g.prices == Some(Prices::Comparable)) {
            notes.push(self.words("总量按现行价格计算，增速按可比价格计算，二者不能互相推算。", "Levels are at current prices and growth at comparable prices; neither is computed from the other."));
        }
        if kind == DataKind::IndicatorGrowth && !comparators.is_empty() {
            let names: Vec<String> = comparators.iter().map(|(_, shown)| shown.clone()).collect();
            let (zh, en) = self.place();
            notes.push(match self.lang {
                Lang::Zh => format!("* {}增速由各期“高于/低于…个百分点”推算：{zh}增速 − 百分点差。", names.join("、")),
                Lang::En => format!("* Growth of {} is derived from each period's stated gap: {en}'s growth minus the gap in percentage points.", format::join_en(&names)),
            });
        }
        if series.frequency == Frequency::Cumulative && series.slots.iter().any(|s| matches!(s.period, Period::Cumulative { to_month: 2, .. })) {
            notes.push(self.words("1-2月数据合并发布。", "January and February are released together."));
        }
        if series.slots.iter().any(|s| s.month.is_some()) {
            notes.push(self.words("当月数由相邻两期累计数相减推算（*）。", "Single months are derived as the difference of two cumulative figures (*)."));
        }
        for slot in series.slots.iter().filter(|s| s.implied.is_some()) {
            let next = series.slots.iter().find(|s| s.point.is_some()).map(|s| self.period(&s.period)).unwrap_or_default();
            notes.push(self.words(
                &format!("* {}数值由{next}“比上年增加”推算。", self.period(&slot.period)),
                &format!("* The level of {} is derived from the increase stated for {next}.", self.period(&slot.period)),
            ));
        }
        let missing: Vec<String> = series.slots.iter().filter(|s| s.point.is_none() && s.implied.is_none()).map(|s| self.period(&s.period)).collect();
        if !missing.is_empty() {
            notes.push(match self.lang {
                Lang::Zh => format!("{}未发布该指标，图中留空。", missing.join("、")),
                Lang::En => format!("Not published for {}: left blank.", format::join_en(&missing)),
            });
        }
        let title = |release_id: &str| {
            let release = all.iter().find(|r| r.id == release_id);
            match self.lang {
                Lang::Zh => release.map(|r| format!("《{}》", r.title)).unwrap_or_else(|| release_id.to_owned()),
                Lang::En => release.and_then(|r| r.title_en.clone()).unwrap_or_else(|| release_id.to_owned()),
            }
        };
        for slot in &series.slots {
            let Some(point) = &slot.point else { continue };
            let Some(earlier) = &point.revises else { continue };
            let mut was = Vec::new();
            if let Some(value) = &earlier.value {
                was.push(self.amount(value.amount, &value.unit));
            }
            if let Some(growth) = &earlier.growth {
                was.push(self.printed_growth(growth));
            }
            let period = self.period(&slot.period);
            notes.push(match self.lang {
                Lang::Zh => format!("{period}数据已按{}修订（原{}发布为{}）。", title(&point.release), title(&earlier.release), was.join("、")),
                Lang::En => format!("{period} is revised as in {} (first published in {} as {}).", title(&point.release), title(&earlier.release), was.join(", ")),
            });
        }
        Ok(notes)
    }

    /// What a statistician writes for a period: "1-11月，规模以上工业增加值同比增长21.4%，增速比
    /// 1-10月提高0.5个百分点，高于自治区9.9个百分点，位居全区第4位。"
    fn latest_sentence(&self, name: &str, slot: &Slot, with_growth: bool) -> Result<String, ChartError> {
        let Some(point) = &slot.point else { return Ok(String::new()) };
        let fact = &point.fact;
        let amount = fact.value.as_ref().map(|v| self.amount(v.amount, &v.unit));
        let growth = fact.growth.as_ref().filter(|_| with_growth).map(|g| self.lead_growth(g));
        let mut clauses = vec![self.stated(name, amount, growth)];
        if let (Some(change), true) = (&slot.change, with_growth) {
            clauses.push(self.change_words(&change.since, &slot.period, change.points));
        }
        if with_growth {
            for part in [self.gaps(&fact.gaps)?, self.ranks(&fact.ranks)?] {
                if !part.is_empty() {
                    clauses.push(part);
                }
            }
        }
        Ok(match self.lang {
            Lang::Zh => format!("{}，{}。", self.short_period(&slot.period), clauses.join("，")),
            Lang::En => format!("In {}, {}.", slot.period.english(), clauses.join(", ")),
        })
    }

    /// A period as a monthly report opens a sentence: "1-11月", "2022年", "2月".
    fn short_period(&self, period: &Period) -> String {
        match period {
            Period::Cumulative { from_month, to_month, .. } if from_month == to_month => format!("{to_month}月"),
            Period::Cumulative { from_month, to_month, .. } => format!("{from_month}-{to_month}月"),
            Period::Month { month, .. } => format!("{month}月"),
            _ => period.to_string(),
        }
    }

    /// "增速比1-10月提高0.5个百分点", "增速比上年全年回落0.3个百分点", "增速与1-10月持平";
    /// "growth 0.5 percentage points higher than in Jan–Oct".
    fn change_words(&self, since: &Period, now: &Period, points: Decimal) -> String {
        let same_year = period_year(since) == period_year(now);
        let since_zh = match since {
            Period::Year { .. } => "上年".to_owned(),
            Period::Cumulative { to_month: 12, .. } if !same_year => "上年全年".to_owned(),
            _ if same_year => self.short_period(since),
            _ => since.to_string(),
        };
        let size = points.abs();
        match (self.lang, points.cmp(&Decimal::ZERO)) {
            (Lang::Zh, std::cmp::Ordering::Greater) => format!("增速比{since_zh}提高{size}个百分点"),
            (Lang::Zh, std::cmp::Ordering::Less) => format!("增速比{since_zh}回落{size}个百分点"),
            (Lang::Zh, std::cmp::Ordering::Equal) => format!("增速与{since_zh}持平"),
            (Lang::En, std::cmp::Ordering::Greater) => format!("growth {size} percentage points higher than in {}", since.english()),
            (Lang::En, std::cmp::Ordering::Less) => format!("growth {size} percentage points lower than in {}", since.english()),
            (Lang::En, std::cmp::Ordering::Equal) => format!("growth unchanged from {}", since.english()),
        }
    }
}

fn period_year(period: &Period) -> Option<i32> {
    match period {
        Period::Year { year } | Period::Cumulative { year, .. } | Period::Month { year, .. } => Some(*year),
        Period::AsOf { .. } => None,
    }
}

/// A change in points with its sign: "+0.5", "−0.3", "0.0".
fn signed(points: Decimal) -> String {
    if points > Decimal::ZERO {
        format!("+{}", format::figure(points))
    } else {
        format::figure(points)
    }
}
