//! Charts of progress: a cumulative series stacked by its parts against the pace of its annual
//! plan (三保 spending), and a table's rates against its target (direct-allocation funds).

use rust_decimal::Decimal;

use super::{series, Builder};
use crate::chart::data::{ChartData, ChartError, Reference, SeriesData};
use crate::chart::format::{self, Lang};
use crate::compute::round::round_half_away;
use crate::fact::Fact;
use crate::release::{month_name_en, months_en, Period};
use crate::structure::{Series, SeriesKind};
use crate::table::{Column, ColumnKind, Row, Table};
use crate::unit::Unit;

impl Builder<'_> {
    /// A cumulative series by period, stacked by its parts (the series `<id>-…`), with the
    /// time-proportional pace of its annual plan.
    pub(super) fn cumulative_series(&self, id: &str) -> Result<ChartData, ChartError> {
        let total = self.release.series.iter().find(|s| s.id == id).ok_or_else(|| self.missing(format!("序列 {id}")))?;
        let plan_id = total.target.as_deref().ok_or_else(|| self.missing("全年计划"))?;
        let (_, plan_value, unit) = self.value(plan_id)?;
        let parts: Vec<&Series> = self.release.series.iter().filter(|s| s.id.len() > id.len() + 1 && s.id.starts_with(id) && s.id[id.len()..].starts_with('-')).collect();
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
        data.description = self.cumulative_description(total, &months, &parts, &part_names, plan_value, &unit)?;
        Ok(data)
    }

    /// "2023年1-2月，西夏区“三保”及其他刚性支出累计实际完成14976.67万元，占全年支出需求…的10.87%，
    /// 其中保工资支出…最多、保运转支出…最少；1月实际完成5327.34万元，占全年的4%。"
    fn cumulative_description(&self, total: &Series, months: &[(String, &Fact, Decimal)], parts: &[&Series], part_names: &[String], plan: Decimal, unit: &Unit) -> Result<String, ChartError> {
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

    /// A table's rates against its target, the total first and then the rows fastest first.
    pub(super) fn table_progress(&self, table: &str) -> Result<ChartData, ChartError> {
        let table = self.table(table, &format!("表 {table}"))?;
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
        let mut data = self.data("%", categories, vec![series(rate_name, &values, format::percent)], &self.given(|s| s.category.as_ref(), "项目", "Item"))?;
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
                let district = format::capitalised(&self.in_period(as_of)) + &self.place().1;
                match (quantity("amount", row), quantity("paid", row)) {
                    (Some(amount), Some(paid)) => format!("{district} had spent {paid} of its {amount} in {label}, a spending progress of {}", percent(rate)),
                    _ => format!("{district}'s {label} had a spending progress of {}", percent(rate)),
                }
            }
            (_, None) => lead.trim_end_matches("'s ").to_owned(),
        };
        if let (Some(target), Some((_, rate))) = (target, total) {
            text += &self.against_target(rate, target);
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
