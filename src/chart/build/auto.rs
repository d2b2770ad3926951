//! Charts made up for a draft's own structures, where no catalogue chart shows them: a breakdown's
//! values or growth, a structure ratio, a table, indicators compared with other regions, a series.
//! Titles come from the data's names; descriptions and notes follow the catalogue charts' style.

use rust_decimal::Decimal;

use super::{basis_zh, falls_en, falls_zh, growth_name, optional_series, series, terms, Builder};
use crate::chart::data::{ChartData, ChartError, ChartKind, Reference, SeriesData};
use crate::chart::format::{self, Lang};
use crate::chart::text;
use crate::fact::{Fact, Growth, Prices};
use crate::release::{months_en, Period};
use crate::structure::{Breakdown, BreakdownKind, Series, SeriesKind, StructureRatio};
use crate::table::{Column, ColumnKind, Row, Table};
use crate::unit::Unit;

/// Up to this many parts, each no wider than [`COLUMN_NAME_EM`] ems, are drawn as columns in
/// printed order; more, or longer names, as bars, largest first.
const COLUMN_PARTS: usize = 4;
const COLUMN_NAME_EM: (f64, f64) = (8.0, 14.0);

/// Care mode's label size, and the room for the value labels above the columns at the
/// narrowest width.
const CARE_LABEL: f64 = 19.5;
const COLUMN_LABELS: f64 = 215.0;

/// The widest caption, in pixels at care mode's small text, that fits inside a donut's hole at
/// the narrowest width.
const CENTRE_CAPTION: f64 = 130.0;

impl Builder<'_> {
    /// "（按性别分）", " (by sex)": what tells apart two breakdowns of one total. Empty when
    /// `ambiguous` is false or there is nothing to say.
    fn qualifier(&self, breakdown: &Breakdown, ambiguous: bool) -> String {
        if !ambiguous {
            return String::new();
        }
        match self.lang {
            Lang::Zh => {
                let name = breakdown.name.rsplit('·').next().unwrap_or(&breakdown.name).trim_start_matches("其中：").trim();
                if name.is_empty() {
                    String::new()
                } else {
                    format!("（按{name}分）")
                }
            }
            Lang::En => match breakdown.name_en.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                Some(name) => format!(" (by {name})"),
                // No English name for the split: the parts say what it is ("male and female").
                None => {
                    let names: Vec<String> = breakdown.parts.iter().filter_map(|p| self.release.fact(p)).filter_map(|f| self.short_name(f).ok()).map(|n| format::mid_sentence(&n)).collect();
                    let all = format::join_en(&names);
                    match names.first() {
                        _ if !all.is_empty() && all.chars().count() <= 48 => format!(" ({all})"),
                        Some(first) if first.chars().count() <= 36 => format!(" ({first} and others)"),
                        _ => String::new(),
                    }
                }
            },
        }
    }

    /// The period a title names, unless the name already says it ("…, February 2023").
    fn title_period(&self, period: &Period, name: &str) -> Option<String> {
        let year = match period {
            Period::Year { year } | Period::Cumulative { year, .. } | Period::Month { year, .. } => year.to_string(),
            Period::AsOf { date } => date.split('-').next().unwrap_or_default().to_owned(),
        };
        (!name.contains(&year)).then(|| self.period(period))
    }

    /// Sets the period and subtitle to those of the total's own period.
    fn period_of_total(&self, data: &mut ChartData, total: &Fact) {
        if total.period.is_some() {
            data.period = self.period(self.release.period_of(total));
            data.subtitle = self.subtitle(&data.period, &data.unit);
        }
    }

    /// "2022年农林牧渔业总产值构成", "Gross output of agriculture …: breakdown, 2022".
    fn breakdown_title(&self, total: &Fact, breakdown: &Breakdown, ambiguous: bool, growth: bool) -> Result<String, ChartError> {
        let name = self.fact_name(total)?;
        let period = self.title_period(self.release.period_of(total), name);
        let qualifier = self.qualifier(breakdown, ambiguous);
        let exhaustive = breakdown.kind == BreakdownKind::Exhaustive;
        let title = match (self.lang, growth, exhaustive) {
            (Lang::Zh, false, true) => format!("{name}构成{qualifier}"),
            (Lang::Zh, false, false) => format!("{name}主要构成{qualifier}"),
            (Lang::Zh, true, true) => format!("{name}各部分增速{qualifier}"),
            (Lang::Zh, true, false) => format!("{name}主要部分增速{qualifier}"),
            (Lang::En, false, true) => format!("{}: breakdown{qualifier}", format::capitalised(name)),
            (Lang::En, false, false) => format!("{}: main parts{qualifier}", format::capitalised(name)),
            (Lang::En, true, true) => format!("Growth of the parts of {}{qualifier}", format::mid_sentence(name)),
            (Lang::En, true, false) => format!("Growth of the main parts of {}{qualifier}", format::mid_sentence(name)),
        };
        Ok(match (self.lang, period) {
            (_, None) => title,
            (Lang::Zh, Some(period)) => format!("{period}{title}"),
            (Lang::En, Some(period)) => format!("{title}, {period}"),
        })
    }

    /// A breakdown whose parts all have values in one unit: the values, as columns in printed
    /// order (few parts with short names) or as bars largest first, each part's growth beside it.
    pub(super) fn auto_values(&self, breakdown: &Breakdown, ambiguous: bool) -> Result<ChartData, ChartError> {
        let parts = self.parts(breakdown)?;
        if parts.len() < 2 {
            return Err(self.missing(format!("分组 {} 至少要有两个部分", breakdown.id)));
        }
        let mut rows: Vec<(&Fact, String, Decimal)> = Vec::new();
        let mut unit: Option<Unit> = None;
        for part in &parts {
            let (_, value, part_unit) = self.value(&part.id)?;
            match &unit {
                Some(u) if *u != part_unit => return Err(self.missing(format!("分组 {} 各部分的单位不同", breakdown.id))),
                _ => unit = Some(part_unit),
            }
            rows.push((part, self.short_name(part)?, value));
        }
        let unit = unit.unwrap_or(Unit::Pure);
        let limit = match self.lang {
            Lang::Zh => COLUMN_NAME_EM.0,
            Lang::En => COLUMN_NAME_EM.1,
        };
        // And the value labels above the columns fit side by side on a phone in care mode.
        let labels_width: f64 = rows.iter().map(|r| text::width(&format::figure(r.2), CARE_LABEL) + 6.0).fold(0.0, f64::max) * rows.len() as f64;
        let columns = rows.len() <= COLUMN_PARTS && rows.iter().all(|r| text::width(&r.1, 1.0) <= limit) && labels_width <= COLUMN_LABELS;
        if !columns {
            rows.sort_by_key(|r| std::cmp::Reverse(r.2));
        }
        let total = self.fact(&breakdown.total)?;
        let growth: Vec<Option<&Growth>> = rows.iter().map(|r| r.0.growth.as_ref()).collect();
        let percents: Vec<Option<Decimal>> = growth.iter().map(|g| g.map(Growth::percent)).collect();
        let value_added = rows.iter().all(|r| r.0.name.ends_with("增加值"));
        let name = if value_added { self.words("增加值", "Value added") } else { self.words("数值", "Value") };
        let values: Vec<Decimal> = rows.iter().map(|r| r.2).collect();
        let mut data = self.data(&self.unit(&unit), rows.iter().map(|r| r.1.clone()).collect(), vec![series(&name, &values, format::figure)], &self.words("项目", "Item"))?;
        data.kind = if columns { ChartKind::Column } else { ChartKind::Bar };
        data.title = self.breakdown_title(total, breakdown, ambiguous, false)?;
        self.period_of_total(&mut data, total);
        if growth.iter().any(Option::is_some) {
            data.extra_columns.push(optional_series(&self.growth_header(growth.iter().flatten().next().map(|g| g.basis)), &percents, format::figure));
            if columns {
                data.category_notes = percents.iter().map(|g| g.map(|g| self.growth_words(g)).unwrap_or_default()).collect();
            }
        }

        let total_name = self.fact_name(total)?;
        let total_amount = total.value.as_ref().map(|v| self.amount(v.amount, &v.unit));
        let comparable = |g: &Growth| g.prices == Some(Prices::Comparable);
        if let Some(amount) = &total_amount {
            data.notes.push(match (self.lang, &total.growth) {
                (Lang::Zh, Some(g)) => format!("{total_name}{amount}，{}{}{g}。", if comparable(g) { "按可比价格计算" } else { "" }, basis_zh(g.basis)),
                (Lang::Zh, None) => format!("{total_name}{amount}。"),
                (Lang::En, Some(g)) => format!("{total_name}: {amount}, {}.", self.lead_growth(g)),
                (Lang::En, None) => format!("{total_name}: {amount}."),
            });
        }
        if total.growth.iter().chain(growth.iter().flatten().copied()).any(comparable) {
            data.notes.push(self.words("数值按现行价格计算，增长速度按可比价格计算。", "Values are at current prices; growth rates are at comparable prices."));
        }
        if breakdown.kind == BreakdownKind::Partial {
            data.notes.push(self.words("图中为列出的其中项，各项之和不等于总数。", "The chart shows the items listed (some of the parts); they need not add up to the total."));
        }

        let lead = self.lead(self.release.period_of(total));
        let opening = self.stated(total_name, total_amount, total.growth.as_ref().map(|g| self.lead_growth(g)));
        let figure = |row: &(&Fact, String, Decimal)| {
            let amount = self.amount(row.2, &unit);
            match &row.0.growth {
                Some(g) => self.words(&format!("{amount}，{}", self.printed_growth(g)), &format!("{amount}, {}", self.printed_growth(g))),
                None => amount,
            }
        };
        data.description = if columns {
            let mut items = Vec::new();
            for row in &rows {
                items.push(self.stated(self.fact_name(row.0)?, Some(self.amount(row.2, &unit)), row.0.growth.as_ref().map(|g| self.printed_growth(g))));
            }
            match self.lang {
                Lang::Zh => format!("{lead}{opening}。其中，{}。", items.join("；")),
                Lang::En => format!("{lead}{opening}. Of this, {}.", items.join("; ")),
            }
        } else {
            let (Some(most), Some(least)) = (rows.first(), rows.last()) else {
                return Err(self.missing(format!("分组 {} 的各部分", breakdown.id)));
            };
            let middle: Vec<(String, Decimal)> = rows[1..rows.len().saturating_sub(1).max(1)]
                .iter()
                .filter_map(|r| r.0.growth.as_ref().map(|g| (r.1.clone(), g.percent())))
                .filter(|(_, g)| g.is_sign_negative())
                .collect();
            match self.lang {
                Lang::Zh => format!("{lead}{opening}。其中，{}最多，为{}；{}最少，为{}{}。", most.1, figure(most), least.1, figure(least), falls_zh(&middle, "")),
                Lang::En => format!(
                    "{lead}{opening}. Of this, {} was the largest, {}, and {} the smallest, {}{}.",
                    format::mid_sentence(&most.1),
                    figure(most),
                    format::mid_sentence(&least.1),
                    figure(least),
                    falls_en(&middle, "")
                ),
            }
        };
        Ok(data)
    }

    /// A breakdown whose parts state growth (and not values in one unit): the growth, fastest
    /// first, as the catalogue's industry-growth chart draws it.
    pub(super) fn auto_growth(&self, breakdown: &Breakdown, ambiguous: bool) -> Result<ChartData, ChartError> {
        if breakdown.parts.len() < 2 {
            return Err(self.missing(format!("分组 {} 至少要有两个部分", breakdown.id)));
        }
        let mut data = self.breakdown_growth(&breakdown.id)?;
        let total = self.fact(&breakdown.total)?;
        data.title = self.breakdown_title(total, breakdown, ambiguous, true)?;
        self.period_of_total(&mut data, total);
        data.kind = ChartKind::Bar;
        if breakdown.kind == BreakdownKind::Partial {
            data.notes.push(self.words("图中为列出的其中项。", "The chart shows the items listed (some of the parts)."));
        }
        Ok(data)
    }

    /// A stated structure ratio as a ring, with the total it splits in the middle.
    pub(super) fn auto_ratio(&self, ratio: &StructureRatio) -> Result<ChartData, ChartError> {
        let labels = self.ratio_labels(self.release, ratio)?;
        if ratio.terms.len() < 2 || labels.len() != ratio.terms.len() {
            return Err(self.missing(format!("结构比 {} 的各项与标签", ratio.id)));
        }
        let name = self.named(&ratio.name, ratio.name_en.as_deref(), || format!("结构比 {}（{}）", ratio.id, ratio.name))?;
        let mut data = self.data("%", labels.to_vec(), vec![series(&self.words("比重（%）", "Share (%)"), &ratio.terms, format::figure)], &self.words("构成", "Part"))?;
        data.kind = ChartKind::Donut;
        let period = self.period(&self.release.period);
        data.title = match self.lang {
            Lang::Zh => format!("{period}{}", name.trim_end_matches('比')),
            Lang::En => format!("{}, {period}", format::capitalised(name)),
        };
        let breakdown = ratio.breakdown.as_ref().and_then(|id| self.release.breakdowns.iter().find(|b| &b.id == id));
        let total = breakdown.and_then(|b| self.release.fact(&b.total));
        let mut opening = String::new();
        if let Some(total) = total {
            let total_name = self.fact_name(total)?;
            let amount = total.value.as_ref().map(|v| self.amount(v.amount, &v.unit));
            opening = self.stated(total_name, amount.clone(), total.growth.as_ref().map(|g| self.lead_growth(g)));
            if let Some(value) = &total.value {
                let centre = match self.lang {
                    Lang::Zh => (total_name.to_owned(), amount.unwrap_or_default()),
                    Lang::En => (format::capitalised(&self.unit(&value.unit)), format::figure(value.amount)),
                };
                if text::width(&centre.0, 18.0) <= CENTRE_CAPTION && text::width(&centre.1, 21.5) <= CENTRE_CAPTION {
                    data.center = Some(centre);
                }
            }
            if let Some(breakdown) = breakdown.filter(|b| b.parts.len() == ratio.terms.len()) {
                let values: Vec<Option<Decimal>> = breakdown.parts.iter().map(|p| self.release.fact(p).and_then(|f| f.value.as_ref()).map(|v| v.amount)).collect();
                let unit = breakdown.parts.iter().find_map(|p| self.release.fact(p).and_then(|f| f.value.as_ref()).map(|v| v.unit.clone()));
                if let Some(unit) = unit {
                    let header = match self.lang {
                        Lang::Zh => format!("数值（{}）", self.unit(&unit)),
                        Lang::En => format!("Value ({})", self.unit(&unit)),
                    };
                    data.extra_columns.push(optional_series(&header, &values, format::figure));
                }
            }
        }
        let largest = ratio.terms.iter().zip(labels).max_by_key(|(t, _)| **t).map(|(_, l)| l.clone()).unwrap_or_default();
        let lead = self.lead(&self.release.period);
        data.description = match (self.lang, opening.is_empty()) {
            (Lang::Zh, false) => format!("{lead}{opening}；{name}为{}，{largest}比重最高。", terms(&ratio.terms, ":")),
            (Lang::Zh, true) => format!("{lead}{name}为{}，{largest}比重最高。", terms(&ratio.terms, ":")),
            (Lang::En, false) => format!("{lead}{opening}; the {} stood at {}, with {} the largest.", format::mid_sentence(name), terms(&ratio.terms, " : "), format::mid_sentence(&largest)),
            (Lang::En, true) => format!("{lead}{} stood at {}, with {} the largest.", format::mid_sentence(name), terms(&ratio.terms, " : "), format::mid_sentence(&largest)),
        };
        Ok(data)
    }

    /// A table as bars: its growth column, fastest first; else its rate column against the
    /// target (the total first, emphasised); else its first quantity column, largest first.
    /// Rows with parts are left out (their parts are drawn), except a rate table's total.
    pub(super) fn auto_table(&self, table: &Table) -> Result<ChartData, ChartError> {
        let title = self.named(&table.title, table.title_en.as_deref(), || format!("表 {}（{}）", table.id, table.title))?.to_owned();
        let leaves: Vec<&Row> = table.rows.iter().filter(|r| table.children(&r.id).next().is_none()).collect();
        let growth = table.columns.iter().find(|c| c.kind == ColumnKind::Growth);
        // The rate the table's target is for, else the last (the overall rate follows the parts').
        let is_rate = |c: &&Column| matches!(c.kind, ColumnKind::Rate { .. });
        let target_column = table.target.as_ref().and_then(|t| table.column(&t.column)).filter(is_rate);
        let rate = target_column.or_else(|| table.columns.iter().rfind(is_rate));
        let quantity = table.columns.iter().find(|c| matches!(c.kind, ColumnKind::Quantity { .. } | ColumnKind::Sum { .. }));
        let (column, kind) = match (growth, rate, quantity) {
            (Some(c), _, _) => (c, TableChart::Growth),
            (None, Some(c), _) => (c, TableChart::Rate),
            (None, None, Some(c)) => (c, TableChart::Quantity),
            _ => return Err(self.missing(format!("表 {} 的数值列", table.id))),
        };
        // (label, value, unit, the row)
        let mut rows: Vec<(String, Decimal, Unit, &Row)> = Vec::new();
        for row in leaves {
            if let Some(value) = table.number(row, &column.id) {
                rows.push((self.row_label(table, row)?.to_owned(), value, table.unit_of(row, column).unwrap_or(Unit::Pure), row));
            }
        }
        if rows.len() < 2 {
            return Err(self.missing(format!("表 {} 中有数值的行", table.id)));
        }
        let unit = rows[0].2.clone();
        if rows.iter().any(|r| r.2 != unit) {
            return Err(self.missing(format!("表 {} 各行的单位不同", table.id)));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let mut highlight = None;
        if kind == TableChart::Rate {
            let total = table.rows.iter().find(|r| r.parent.is_none() && table.children(&r.id).next().is_some());
            if let Some((row, value)) = total.and_then(|row| table.number(row, &column.id).map(|v| (row, v))) {
                let label = self.row_label(table, row)?;
                rows.insert(0, (self.words(&format!("{label}（合计）"), &format!("{label} (total)")), value, unit.clone(), row));
                highlight = Some(0);
            }
        }
        let label_of = |v: Decimal| match kind {
            TableChart::Quantity => format::figure(v),
            TableChart::Growth | TableChart::Rate => format::percent(v),
        };
        let values: Vec<Decimal> = rows.iter().map(|r| r.1).collect();
        let series_name = match kind {
            TableChart::Growth => growth_name(column.basis, self.lang),
            _ => self.column_label(table, column)?.to_owned(),
        };
        let unit_name = self.unit(&unit);
        let mut data = self.data(&unit_name, rows.iter().map(|r| r.0.clone()).collect(), vec![SeriesData { name: series_name, values: values.iter().map(|v| Some(*v)).collect(), labels: values.iter().map(|v| label_of(*v)).collect() }], &self.words("项目", "Item"))?;
        data.kind = if kind == TableChart::Rate { ChartKind::Progress } else { ChartKind::Bar };
        data.highlight = highlight;
        data.title = title.clone();
        if kind == TableChart::Growth && !title.contains('增') && !title.to_lowercase().contains("growth") {
            data.title = self.words(&format!("{title}：增速"), &format!("{title}: growth"));
        }
        data.notes.push(self.words("数值为表中所列。", "Figures as printed in the table."));
        let mut as_of = &self.release.period;
        if kind == TableChart::Rate {
            let target_fact = table.target.as_ref().filter(|t| t.column == column.id).and_then(|t| self.release.fact(&t.fact));
            // A stock's progress is as of the target's date.
            if let Some(period) = target_fact.and_then(|f| f.period.as_ref()).filter(|p| matches!(p, Period::AsOf { .. })) {
                as_of = period;
                data.period = self.period(period);
                data.subtitle = self.subtitle(&data.period, &unit_name);
            }
            if let Some(target) = target_fact.and_then(|f| f.value.as_ref()).map(|v| v.amount) {
                data.reference = Some(Reference { label: self.words(&format!("目标{target}%"), &format!("Target {target}%")), values: vec![Some(target)], labels: vec![format!("{target}%")] });
            }
        }
        // The other figures of each row, as printed, for the table view.
        let shown: Vec<&Column> = table.columns.iter().filter(|c| c.id != column.id && matches!(c.kind, ColumnKind::Quantity { .. } | ColumnKind::Sum { .. })).take(2).collect();
        for extra in shown {
            let label = self.column_label(table, extra)?;
            let by_label: Vec<String> = rows.iter().map(|r| table.number(r.3, &extra.id).map(|v| self.amount(v, &table.unit_of(r.3, extra).unwrap_or(Unit::Pure))).unwrap_or_default()).collect();
            data.extra_columns.push(SeriesData { name: label.to_owned(), values: vec![None; rows.len()], labels: by_label });
        }
        let ranked = &rows[usize::from(highlight.is_some())..];
        let (Some(top), Some(bottom)) = (ranked.first(), ranked.last()) else {
            return Err(self.missing(format!("表 {} 中有数值的行", table.id)));
        };
        let measure = match kind {
            TableChart::Growth => self.words("增速", "growth"),
            _ => self.column_label(table, column)?.to_owned(),
        };
        let shown = |v: Decimal| match kind {
            TableChart::Quantity => self.amount(v, &unit),
            _ => format::percent(v),
        };
        let in_period = self.in_period(as_of);
        let subject = title.trim_start_matches(&self.period(as_of)).to_owned();
        // The total and the target first, where the chart has them.
        let target = data.reference.as_ref().and_then(|r| r.values.first().copied().flatten());
        let mut lead = String::new();
        if let (Some(total), true) = (rows.first(), highlight.is_some()) {
            let name = total.0.trim_end_matches("（合计）").trim_end_matches(" (total)");
            lead = match self.lang {
                Lang::Zh => format!("{name}{measure}{}", shown(total.1)),
                Lang::En => format!("{} had a {} of {}", format::mid_sentence(name), format::mid_sentence(&measure), shown(total.1)),
            };
            if let Some(target) = target {
                lead += &self.against_target(total.1, target);
            }
            lead += self.words("；", "; ").as_str();
        }
        data.description = match self.lang {
            Lang::Zh => format!("{in_period}{subject}中，{lead}{}{measure}最高，为{}；{}{measure}最低，为{}。", top.0, shown(top.1), bottom.0, shown(bottom.1)),
            Lang::En => format!(
                "{in_period}in {}, {lead}{} had the highest {}, {}, and {} the lowest, {}.",
                format::mid_sentence(&subject),
                format::mid_sentence(&top.0),
                format::mid_sentence(&measure),
                shown(top.1),
                format::mid_sentence(&bottom.0),
                shown(bottom.1)
            ),
        };
        Ok(data)
    }

    /// Indicators with gaps to other regions, as grouped bars of growth.
    pub(super) fn auto_gaps(&self, ids: &[&str]) -> Result<ChartData, ChartError> {
        let ids: Vec<String> = ids.iter().map(|id| (*id).to_owned()).collect();
        let mut data = self.indicators_vs_region(&ids)?;
        let period = self.period(&self.release.period);
        data.title = self.words(&format!("{period}主要指标增速比较"), &format!("Growth of main indicators compared with other regions, {period}"));
        Ok(data)
    }

    /// A series by period: its parts stacked when it has parts, with the total above each stack.
    pub(super) fn auto_series(&self, total: &Series, parts: &[&Series]) -> Result<ChartData, ChartError> {
        if total.points.is_empty() {
            return Err(self.missing(format!("序列 {} 的数据点", total.id)));
        }
        let mut periods: Vec<(String, Decimal)> = Vec::new();
        let mut unit = None;
        let mut last = &self.release.period;
        for point in &total.points {
            let (fact, value, point_unit) = self.value(point)?;
            unit.get_or_insert(point_unit);
            last = self.release.period_of(fact);
            periods.push((self.point_label(last), value));
        }
        let unit = unit.unwrap_or(Unit::Pure);
        let totals: Vec<Decimal> = periods.iter().map(|p| p.1).collect();
        let mut stacked = Vec::new();
        for part in parts.iter().filter(|p| p.points.len() == total.points.len()) {
            let values: Result<Vec<Decimal>, ChartError> = part.points.iter().map(|p| self.value(p).map(|(_, v, _)| v)).collect();
            stacked.push(series(&self.series_name(part)?, &values?, format::figure));
        }
        let name = self.series_name(total)?;
        let full_name = self.named(&total.name, total.name_en.as_deref(), || format!("序列 {}（{}）", total.id, total.name))?.to_owned();
        let has_parts = !stacked.is_empty();
        let all = if has_parts { stacked } else { vec![series(&name, &totals, format::figure)] };
        let unit_name = self.unit(&unit);
        let mut data = self.data(&unit_name, periods.iter().map(|p| p.0.clone()).collect(), all, &self.words("时期", "Period"))?;
        data.kind = if has_parts { ChartKind::Cumulative } else { ChartKind::Column };
        let cumulative = total.kind == SeriesKind::Cumulative;
        data.period = self.period(last);
        data.subtitle = self.subtitle(&data.period, &unit_name);
        if has_parts {
            data.extra_columns.push(series(&self.words("合计", "Total"), &totals, format::figure));
            data.total_labels = totals.iter().map(|t| vec![format::figure(*t)]).collect();
        }
        if cumulative {
            data.subtitle = self.subtitle(&format!("{} · {}", data.period, self.words("累计", "Cumulative")), &unit_name);
        }
        // The series runs over months: its title names the year.
        let year = match &self.release.period {
            Period::Cumulative { year, .. } | Period::Month { year, .. } => Period::Year { year: *year },
            other => other.clone(),
        };
        data.title = match self.title_period(&year, &full_name) {
            None => format::capitalised(&full_name),
            Some(period) if self.lang == Lang::Zh => format!("{period}{full_name}"),
            Some(period) => format!("{}, {period}", format::capitalised(&full_name)),
        };
        if let Some((target, value, target_unit)) = total.target.as_deref().and_then(|id| self.value(id).ok()) {
            let name = self.fact_name(target)?;
            data.notes.push(match self.lang {
                Lang::Zh => format!("{name}{}。", self.amount(value, &target_unit)),
                Lang::En => format!("{name}: {}.", self.amount(value, &target_unit)),
            });
        }
        let figures: Vec<String> = periods.iter().map(|(p, v)| self.words(&format!("{p}{}", self.amount(*v, &unit)), &format!("{p}: {}", self.amount(*v, &unit)))).collect();
        data.description = match self.lang {
            Lang::Zh => format!("{}{name}{}：{}。", self.lead(last), if cumulative { "累计" } else { "" }, figures.join("，")),
            Lang::En => format!("{}{}{}: {}.", self.lead(last), format::mid_sentence(&name), if cumulative { " (cumulative)" } else { "" }, figures.join("; ")),
        };
        Ok(data)
    }

    /// A point of a series as a category: 1月, 1-2月, "Jan–Feb"; another period as printed.
    fn point_label(&self, period: &Period) -> String {
        match (self.lang, period) {
            (Lang::Zh, Period::Cumulative { from_month, to_month, .. }) if from_month == to_month => format!("{to_month}月"),
            (Lang::Zh, Period::Cumulative { from_month, to_month, .. }) => format!("{from_month}-{to_month}月"),
            (Lang::En, Period::Cumulative { from_month, to_month, .. }) => months_en(*from_month, *to_month),
            (_, other) => self.period(other),
        }
    }
}

/// What a table's chart draws.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TableChart {
    Growth,
    Rate,
    Quantity,
}
