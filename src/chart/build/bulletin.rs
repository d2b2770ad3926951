//! Charts of a breakdown's values (listed as columns, or ranked as bars), of its growth, of a
//! structure ratio as a ring, and of a table's growth column.

use rust_decimal::Decimal;

use super::{basis_en, basis_zh, falls_en, falls_zh, growth_name, optional_series, series, terms, Builder};
use crate::chart::data::{ChartData, ChartError, SeriesData};
use crate::chart::format::{self, Lang};
use crate::fact::{Fact, Growth, Prices};
use crate::structure::BreakdownKind;
use crate::table::ColumnKind;
use crate::unit::Unit;

impl Builder<'_> {
    /// The name of a values series: 增加值 when every part is a value added, else 数值.
    fn value_name(&self, parts: &[&Fact]) -> String {
        if parts.iter().all(|p| p.name.ends_with("增加值")) {
            self.words("增加值", "Value added")
        } else {
            self.words("数值", "Value")
        }
    }

    /// A breakdown's values as columns in printed order, each part's growth beside it, and every
    /// part stated in the description: 三次产业增加值.
    pub(super) fn breakdown_values_listed(&self, breakdown: &str) -> Result<ChartData, ChartError> {
        let breakdown = self.breakdown(breakdown)?;
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
        let value_added = series(&self.value_name(&parts), &values, format::figure);
        let mut data = self.data(&self.unit(&unit), categories, vec![value_added], &self.given(|s| s.category.as_ref(), "产业", "Industry"))?;
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

    /// A structure ratio as a ring, with the total it splits in the middle: 三次产业结构.
    pub(super) fn ratio_ring(&self, ratio: &str, total: Option<&str>) -> Result<ChartData, ChartError> {
        let ratio = self.release.ratios.iter().find(|r| r.id == ratio).ok_or_else(|| self.missing(format!("结构比 {ratio}")))?;
        let total = match (total, &ratio.breakdown) {
            (Some(total), _) => total.to_owned(),
            (None, Some(breakdown)) => self.breakdown(breakdown)?.total.clone(),
            (None, None) => return Err(self.missing(format!("结构比 {} 所分的总量（规格的 data.total）", ratio.id))),
        };
        let (gdp, gdp_value, unit) = self.value(&total)?;
        let labels = self.ratio_labels(self.release, ratio)?;
        let mut data = self.data("%", labels.to_vec(), vec![series(&self.words("比重（%）", "Share (%)"), &ratio.terms, format::figure)], &self.given(|s| s.category.as_ref(), "产业", "Industry"))?;
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
            Lang::En => {
                let short = if gdp_name.eq_ignore_ascii_case("gross regional product") { "GRP" } else { gdp_name };
                (format!("{short}, {}", self.unit(&unit)), format::figure(gdp_value))
            }
        });
        data.description = match self.lang {
            Lang::Zh => format!("{opening}；{}为{}，{largest}比重最高。", ratio.name.trim_end_matches('比'), terms(&ratio.terms, ":")),
            Lang::En if ratio.name.starts_with("三次产业") => format!("{opening}; the three industries stood at {}, with {} the largest.", terms(&ratio.terms, " : "), format::mid_sentence(&largest)),
            Lang::En => format!("{opening}; the structure stood at {}, with {} the largest.", terms(&ratio.terms, " : "), format::mid_sentence(&largest)),
        };
        Ok(data)
    }

    /// The growth of a breakdown's parts, fastest first: the industries of 规模以上工业.
    pub(super) fn breakdown_growth(&self, breakdown: &str) -> Result<ChartData, ChartError> {
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
        let mut data = self.data("%", categories, vec![series(&growth_name(basis, self.lang), &values, format::percent)], &self.given(|s| s.category.as_ref(), "项目", "Item"))?;
        let noun = self.given(|s| s.noun.as_ref(), "", "");
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
        let falls = |g: &Growth| g.percent().is_sign_negative() && !g.percent().is_zero();
        // Falls in the middle are named, unless every part fell (the first and last say so).
        let middle: Vec<(String, Decimal)> = if falls(first.2) {
            Vec::new()
        } else {
            rows[1..rows.len().saturating_sub(1).max(1)].iter().filter(|r| r.2.percent().is_sign_negative()).map(|r| (r.1.clone(), r.2.percent())).collect()
        };
        data.description = match self.lang {
            Lang::Zh => {
                // When every part fell, the fastest "fell least" and the slowest "fell most".
                let (fastest, slowest) = match (falls(first.2), falls(last.2)) {
                    (true, _) => ("降幅最小", "降幅最大"),
                    (false, true) => ("增速最高", "降幅最大"),
                    (false, false) => ("增速最高", "增速最低"),
                };
                let mut text = format!("{opening}{}{}，{fastest}", self.fact_name(first.0)?, self.printed_growth(first.2));
                if rows.len() > 1 {
                    text += &format!("；{}{}，{slowest}", self.fact_name(last.0)?, self.printed_growth(last.2));
                }
                text + &falls_zh(&middle, &noun) + "。"
            }
            Lang::En => {
                let (fastest, slowest) = match (falls(first.2), falls(last.2)) {
                    (true, _) => ("fell least", "most"),
                    (false, true) => ("grew fastest", "fell most"),
                    (false, false) => ("grew fastest", "slowest"),
                };
                let mut text = format!("{opening}{} {fastest}, {}", format::mid_sentence(&first.1), self.printed_growth(first.2));
                if rows.len() > 1 {
                    text += &format!(", and {} {slowest}, {}", format::mid_sentence(&last.1), self.printed_growth(last.2));
                }
                text + &falls_en(&middle, &noun) + "."
            }
        };
        Ok(data)
    }

    /// A table's growth column, fastest first, with its quantity column beside it: 主要工业产品产量.
    pub(super) fn table_growth(&self, table: &str) -> Result<ChartData, ChartError> {
        let table = self.table(table, &format!("表 {table}"))?;
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
        let mut data = self.data("%", categories, vec![series(&growth_name(growth_column.basis, self.lang), &values, format::percent)], &self.given(|s| s.category.as_ref(), "产品", "Product"))?;
        let output_name = self.column_label(table, output_column)?;
        data.extra_columns.push(SeriesData { name: output_name.to_owned(), values: vec![None; rows.len()], labels: rows.iter().map(|r| r.2.clone()).collect() });

        let Some(((top, top_growth, top_output), rest)) = rows.split_first() else {
            return Err(self.missing(format!("表 {} 的行", table.id)));
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
                    self.place().1,
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

    /// A breakdown's values as bars, largest first, each part's growth beside it; the description
    /// names the largest and the smallest: 服务业主要行业增加值.
    pub(super) fn breakdown_values_ranked(&self, breakdown: &str) -> Result<ChartData, ChartError> {
        let breakdown = self.breakdown(breakdown)?;
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
        let parts: Vec<&Fact> = rows.iter().map(|r| r.0).collect();
        let value_added = parts.iter().all(|p| p.name.ends_with("增加值"));
        let value_series = series(&self.value_name(&parts), &values, format::figure);
        let mut data = self.data(&self.unit(&unit), categories, vec![value_series], &self.given(|s| s.category.as_ref(), "行业", "Industry"))?;
        data.extra_columns.push(optional_series(&self.growth_header(basis), &growth, format::figure));

        let (total, total_value, total_unit) = self.value(&breakdown.total)?;
        let total_name = self.fact_name(total)?;
        let total_amount = self.amount(total_value, &total_unit);
        let listed = self.given(|s| s.parts.as_ref(), "主要部分", "main parts");
        data.notes.push(match (self.lang, breakdown.kind) {
            (Lang::Zh, BreakdownKind::Partial) => format!("{total_name}{total_amount}；图中为公报列出的{listed}。"),
            (Lang::En, BreakdownKind::Partial) => format!("{total_name}: {total_amount}; the chart shows the {listed} the bulletin lists."),
            (Lang::Zh, _) => format!("{total_name}{total_amount}。"),
            (Lang::En, _) => format!("{total_name}: {total_amount}."),
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
                text + &falls_zh(&middle, if value_added { "增加值" } else { "" }) + "。"
            }
            Lang::En => {
                let mut text = format!("{opening}. Of this, {} contributed the most, {}", format::mid_sentence(&most.1), figure(most));
                if rows.len() > 1 {
                    text += &format!(", and {} the least, {}", format::mid_sentence(&least.1), figure(least));
                }
                text + &falls_en(&middle, if value_added { "value added" } else { "" }) + "."
            }
        };
        Ok(data)
    }
}
