//! Every computed figure of a release: sums and shares of breakdowns, structures, previous-period
//! levels, comparator values, contributions, single months from cumulative series, table rates,
//! progress against targets, and rankings. Stated figures are the facts themselves.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::compute::growth::{base_from_growth, comparator_value, contribution_share, implied_base_weight, periods_from_cumulative};
use crate::compute::rank::{ranks, Order};
use crate::compute::round::round_half_away;
use crate::compute::share::{share_percent, structure};
use crate::compute::{Computed, Undefined};
use crate::fact::Fact;
use crate::release::{Period, Release, Status};
use crate::structure::{BreakdownKind, SeriesKind};
use crate::table::{ColumnKind, Table};
use crate::unit::Unit;

/// One computed figure: its exact value (or why it has none), and how it was derived.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// `share:revenue-tax`, `base:gdp`, `month:sanbao-total:2`.
    pub id: String,
    /// What it is, in Chinese: 税收收入占一般公共预算收入比重.
    pub name: String,
    /// The exact value, as a decimal string; absent when undefined.
    #[serde(skip_serializing_if = "Option::is_none", with = "crate::decimal::option")]
    pub value: Option<Decimal>,
    /// The value rounded half away from zero for presentation, with its unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    pub unit: Unit,
    /// Why there is no value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undefined: Option<Undefined>,
    /// The ids of the stated facts it was computed from.
    pub inputs: Vec<String>,
    /// The formula, in words.
    pub method: String,
}

/// A peer group ranked by one figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    pub id: String,
    pub name: String,
    pub order: Order,
    pub items: Vec<RankedItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedItem {
    /// The fact id, or `table-id/row-id`.
    pub id: String,
    pub name: String,
    #[serde(with = "crate::decimal")]
    pub value: Decimal,
    /// The value as shown: printed values as printed, computed ones rounded to one decimal.
    pub display: String,
    pub rank: u32,
}

/// Everything stated in and computed from a release.
#[derive(Debug, Clone, Serialize)]
pub struct Figures<'a> {
    pub release: &'a str,
    pub title: &'a str,
    pub period: &'a Period,
    pub status: Status,
    pub status_label: &'static str,
    pub publishers: &'a [String],
    pub stated: &'a [Fact],
    pub computed: Vec<Figure>,
    pub rankings: Vec<Ranking>,
}

/// Computes every figure of a release.
///
/// ```
/// let release = xixia_stats::bundled::release("2022-bulletin").unwrap();
/// let figures = xixia_stats::figures::figures(&release);
/// let structure = figures.computed.iter().find(|f| f.id == "structure:gdp-by-industry:gdp-secondary").unwrap();
/// assert_eq!(structure.display.as_deref(), Some("69.6%"));
/// ```
pub fn figures(release: &Release) -> Figures<'_> {
    let mut out = Vec::new();
    let mut rankings = Vec::new();
    breakdowns(release, &mut out, &mut rankings);
    facts(release, &mut out);
    series(release, &mut out);
    for table in &release.tables {
        table_figures(release, table, &mut out, &mut rankings);
    }
    Figures {
        release: &release.id,
        title: &release.title,
        period: &release.period,
        status: release.status,
        status_label: release.status.label(),
        publishers: &release.publishers,
        stated: &release.facts,
        computed: out,
        rankings,
    }
}

fn figure(id: String, name: String, value: Computed<Decimal>, dp: u32, unit: Unit, inputs: Vec<String>, method: &str) -> Figure {
    let (value, undefined) = match value {
        Ok(v) => (Some(v), None),
        Err(e) => (None, Some(e)),
    };
    Figure {
        id,
        name,
        display: value.map(|v| format!("{}{}", round_half_away(v, dp), unit)),
        value,
        unit,
        undefined,
        inputs,
        method: method.to_owned(),
    }
}

fn breakdowns(release: &Release, out: &mut Vec<Figure>, rankings: &mut Vec<Ranking>) {
    for breakdown in &release.breakdowns {
        let Some(total) = release.fact(&breakdown.total) else { continue };
        let parts: Vec<&Fact> = breakdown.parts.iter().filter_map(|id| release.fact(id)).collect();
        let Some(total_value) = &total.value else {
            rank_by_growth(&breakdown.id, &breakdown.name, &parts, rankings);
            continue;
        };
        let unit = &total_value.unit;
        let amounts: Option<Vec<Decimal>> =
            parts.iter().map(|p| p.value.as_ref().and_then(|v| v.unit.convert(v.amount, unit).ok())).collect();
        let mut inputs: Vec<String> = breakdown.parts.clone();
        inputs.push(total.id.clone());
        if let Some(amounts) = &amounts {
            let sum = amounts.iter().try_fold(Decimal::ZERO, |acc, a| acc.checked_add(*a)).ok_or(Undefined::Overflow);
            let dp = parts.iter().filter_map(|p| p.value.as_ref()).map(|v| v.amount.scale()).max().unwrap_or(0);
            // A sum of one part is the part itself.
            if parts.len() > 1 {
                out.push(figure(format!("sum:{}", breakdown.id), format!("{}各部分之和", breakdown.name), sum, dp, unit.clone(), inputs.clone(), "各部分数值相加"));
            }
            for (part, amount) in parts.iter().zip(amounts) {
                let dp = part.share.as_ref().map_or(1, |s| s.percent.scale());
                out.push(figure(
                    format!("share:{}:{}", breakdown.id, part.id),
                    format!("{}占{}比重", part.name, total.name),
                    share_percent(*amount, total_value.amount),
                    dp,
                    Unit::Percent,
                    vec![part.id.clone(), total.id.clone()],
                    "部分 ÷ 总数 × 100",
                ));
            }
            if breakdown.kind == BreakdownKind::Exhaustive {
                // As many decimals as the release prints the structure with: its ratio's terms, or
                // else its parts' stated shares (占79.44%), or else one.
                let stated_shares = parts.iter().filter_map(|p| p.share.as_ref()).map(|s| s.percent.scale()).max();
                let dp = release.ratios.iter().find(|r| r.breakdown.as_deref() == Some(&breakdown.id)).map(|r| r.terms.iter().map(|t| t.scale()).max().unwrap_or(1)).or(stated_shares).unwrap_or(1);
                match structure(amounts, dp) {
                    Ok(shares) => {
                        for (part, share) in parts.iter().zip(shares) {
                            out.push(figure(format!("structure:{}:{}", breakdown.id, part.id), format!("{}结构：{}", breakdown.name, part.name),
                                Ok(share), dp, Unit::Percent, inputs.clone(), "各部分比重按最大余数法舍入，合计恰为100"));
                        }
                    }
                    Err(e) => out.push(figure(format!("structure:{}", breakdown.id), format!("{}结构", breakdown.name), Err(e), dp, Unit::Percent, inputs.clone(), "最大余数法")),
                }
            }
            if parts.len() > 1 {
                let values: Vec<Decimal> = amounts.clone();
                rankings.push(ranking(format!("{}:value", breakdown.id), format!("{}按{}排序", breakdown.name, unit), &parts, &values));
            }
        }
        rank_by_growth(&breakdown.id, &breakdown.name, &parts, rankings);
    }
}

/// Ranks `(id, name, value, display)` items, largest first, ties sharing a rank.
fn ranked(id: String, name: String, items: Vec<(String, String, Decimal, String)>) -> Ranking {
    let values: Vec<Decimal> = items.iter().map(|item| item.2).collect();
    let mut items: Vec<RankedItem> = items
        .into_iter()
        .zip(ranks(&values, Order::Descending))
        .map(|((id, name, value, display), rank)| RankedItem { id, name, value, display, rank })
        .collect();
    items.sort_by_key(|item| item.rank);
    Ranking { id, name, order: Order::Descending, items }
}

fn ranking(id: String, name: String, parts: &[&Fact], values: &[Decimal]) -> Ranking {
    let items = parts.iter().zip(values).map(|(part, value)| (part.id.clone(), part.name.clone(), *value, value.to_string())).collect();
    ranked(id, name, items)
}

/// A table's rows ranked by one column's values.
fn table_ranking(table: &Table, column: &crate::table::Column, rows: &[(&crate::table::Row, Decimal)]) -> Ranking {
    let items = rows
        .iter()
        .map(|(row, value)| (format!("{}/{}", table.id, row.id), row.label.clone(), *value, round_half_away(*value, value.scale().min(1)).to_string()))
        .collect();
    ranked(format!("{}:{}", table.id, column.id), format!("{}按{}排序", table.title, column.label), items)
}

fn rank_by_growth(id: &str, name: &str, parts: &[&Fact], rankings: &mut Vec<Ranking>) {
    let growth: Option<Vec<Decimal>> = parts.iter().map(|p| p.growth.as_ref().map(|g| g.percent())).collect();
    if let Some(growth) = growth.filter(|g| g.len() > 1) {
        rankings.push(ranking(format!("{id}:growth"), format!("{name}按增速排序"), parts, &growth));
    }
}

fn facts(release: &Release, out: &mut Vec<Figure>) {
    for fact in &release.facts {
        if let (Some(value), Some(growth)) = (&fact.value, &fact.growth) {
            let base = if growth.comparable_with_levels() {
                base_from_growth(value.amount, growth.percent())
            } else {
                Err(Undefined::NotComparable { reason: "增速按可比价格计算，不能由现价总量推算上期数".into() })
            };
            out.push(figure(format!("base:{}", fact.id), format!("{}上期数（按增速推算）", fact.name), base, value.amount.scale(),
                value.unit.clone(), vec![fact.id.clone()], "现值 ÷ (1 + 增速)"));
        }
        if let Some(growth) = &fact.growth {
            for gap in &fact.gaps {
                out.push(figure(format!("comparator:{}:{}", fact.id, gap.comparator), format!("{}{}增速", gap.comparator, fact.name),
                    comparator_value(growth.percent(), gap.points), gap.points.scale().max(growth.rate.scale()), Unit::Percent,
                    vec![fact.id.clone()], "本区增速 − 高于的百分点"));
            }
        }
        if let (Some(contribution), Some(growth)) = (&fact.contribution, &fact.growth) {
            if let Some(total_growth) = release.fact(&contribution.to).and_then(|t| t.growth.as_ref()) {
                out.push(figure(format!("contribution-share:{}", fact.id), format!("{}对{}增长的贡献率", fact.name, contribution.to),
                    contribution_share(contribution.points, total_growth.percent()), 1, Unit::Percent,
                    vec![fact.id.clone(), contribution.to.clone()], "拉动百分点 ÷ 总增速 × 100"));
            }
            out.push(figure(format!("base-weight:{}", fact.id), format!("{}占上期基数的比重（由拉动推算）", fact.name),
                implied_base_weight(contribution.points, growth.percent()), 1, Unit::Percent, vec![fact.id.clone()], "拉动百分点 ÷ 自身增速 × 100"));
        }
    }
}

fn series(release: &Release, out: &mut Vec<Figure>) {
    for series in &release.series {
        let points: Vec<&Fact> = series.points.iter().filter_map(|id| release.fact(id)).collect();
        let Some(unit) = points.first().and_then(|p| p.value.as_ref()).map(|v| v.unit.clone()) else { continue };
        let values: Option<Vec<Decimal>> = points.iter().map(|p| p.value.as_ref().and_then(|v| v.unit.convert(v.amount, &unit).ok())).collect();
        let Some(values) = values else { continue };
        if series.kind == SeriesKind::Cumulative {
            let starts_at_first = points.first().is_some_and(|p| matches!(release.period_of(p), Period::Cumulative { from_month: 1, to_month: 1, .. }));
            for (point, single) in points.iter().zip(periods_from_cumulative(&values, starts_at_first)) {
                let month = match release.period_of(point) {
                    Period::Cumulative { to_month, .. } => to_month.to_string(),
                    other => other.to_string(),
                };
                let dp = points.iter().filter_map(|p| p.value.as_ref()).map(|v| v.amount.scale()).max().unwrap_or(2);
                out.push(figure(format!("month:{}:{}", series.id, month), format!("{}{}月当月", series.name, month), single, dp, unit.clone(),
                    vec![point.id.clone()], "本期累计 − 上期累计"));
            }
        }
        if let Some(target) = series.target.as_ref().and_then(|id| release.fact(id)) {
            let Some(target_amount) = target.value.as_ref().and_then(|v| v.unit.convert(v.amount, &unit).ok()) else { continue };
            for (point, value) in points.iter().zip(&values) {
                let dp = point.share.as_ref().map_or(2, |s| s.percent.scale());
                out.push(figure(format!("progress:{}:{}", series.id, point.id), format!("{}完成{}的比重（{}）", series.name, target.name, release.period_of(point)),
                    share_percent(*value, target_amount), dp, Unit::Percent, vec![point.id.clone(), target.id.clone()], "累计完成 ÷ 全年计划 × 100"));
            }
        }
    }
}

fn table_figures(release: &Release, table: &Table, out: &mut Vec<Figure>, rankings: &mut Vec<Ranking>) {
    let cell = |row: &crate::table::Row, columns: &[String]| -> Option<Decimal> {
        let present: Vec<Decimal> = columns.iter().filter_map(|c| table.number(row, c)).collect();
        if present.is_empty() { None } else { present.iter().try_fold(Decimal::ZERO, |a, v| a.checked_add(*v)) }
    };
    let target = table.target.as_ref().and_then(|t| release.fact(&t.fact).and_then(|f| f.value.as_ref()).map(|v| (t, v.amount)));
    for column in &table.columns {
        let ColumnKind::Rate { numerator, denominator } = &column.kind else { continue };
        let mut leaves: Vec<(&crate::table::Row, Decimal)> = Vec::new();
        for row in &table.rows {
            let (Some(num), Some(den)) = (cell(row, numerator), cell(row, denominator)) else { continue };
            let computed = share_percent(num, den);
            out.push(figure(format!("rate:{}:{}:{}", table.id, row.id, column.id), format!("{}「{}」{}（按金额计算）", table.title, row.label, column.label),
                computed.clone(), 1, Unit::Percent, vec![format!("{}/{}", table.id, row.id)], "分子列之和 ÷ 分母列之和 × 100"));
            // Progress and rankings use the rate as printed, as readers of the table see it; the
            // checker reports where the printed rate disagrees with the amounts.
            let rate = table.number(row, &column.id).ok_or(Undefined::Missing { what: column.label.clone() }).or(computed);
            if let (Some((target, goal)), Ok(rate)) = (&target, &rate) {
                if target.column == column.id {
                    out.push(figure(format!("progress-gap:{}:{}", table.id, row.id), format!("「{}」{}距目标{}%", row.label, column.label, goal),
                                rate.checked_sub(*goal).ok_or(Undefined::Overflow), 1, Unit::PercentagePoints,
                        vec![format!("{}/{}", table.id, row.id), target.fact.clone()], "表列比率 − 目标（负数为未达标）"));
                }
            }
            if let Ok(rate) = rate {
                if table.children(&row.id).next().is_none() {
                    leaves.push((row, rate));
                }
            }
        }
        if leaves.len() > 1 {
            rankings.push(table_ranking(table, column, &leaves));
        }
    }
    for column in table.columns.iter().filter(|c| c.kind == ColumnKind::Growth) {
        let rows: Vec<(&crate::table::Row, Decimal)> = table.rows.iter().filter_map(|r| Some((r, table.number(r, &column.id)?))).collect();
        if rows.len() > 1 {
            rankings.push(table_ranking(table, column, &rows));
        }
    }
}
