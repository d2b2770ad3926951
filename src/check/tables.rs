//! Checks of tables: subtotals against their rows, sum columns, rate columns, and the same item
//! printed in two tables.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{show, Check, Ctx, Severity};
use crate::compute::interval::Interval;
use crate::table::{read_cell, CellValue, ColumnKind, Row, Table};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

pub(super) fn check(ctx: &mut Ctx) {
    for table in &ctx.release.tables {
        subtotals(ctx, table);
        column_sums(ctx, table);
        rates(ctx, table);
        missing_percent_signs(ctx, table);
    }
    cross_tables(ctx);
    rows_and_facts(ctx);
}

/// A table row that is a fact of the release stated elsewhere (its key is the fact's id: an
/// imported draft's table row naming a fact of its prose) must print the fact's figures: its growth column the
/// fact's growth, a quantity column in the fact's unit the fact's value.
fn rows_and_facts(ctx: &mut Ctx) {
    let mut passed = 0;
    let mut conflicts = Vec::new();
    // Facts by id, once: a lookup per row would be quadratic at the count limits.
    let facts: std::collections::HashMap<&str, &crate::fact::Fact> = ctx.release.facts.iter().map(|f| (f.id.as_str(), f)).collect();
    for table in &ctx.release.tables {
        for row in &table.rows {
            let Some(fact) = row.key.as_deref().and_then(|id| facts.get(id).copied()) else { continue };
            // A fact read from this very row (its sentence is the row: `<section>-t<k>-<n>`) has
            // nothing else to agree with.
            if fact.sentence.as_deref().is_some_and(|s| s.contains("-t")) {
                continue;
            }
            for column in &table.columns {
                let Some((value, interval)) = cell(table, row, &column.id) else { continue };
                let stated = match &column.kind {
                    ColumnKind::Growth => fact.growth.as_ref().map(|g| (g.rate, "增速", format!("{}%", g.rate))),
                    ColumnKind::Quantity { .. } => fact
                        .value
                        .as_ref()
                        .filter(|v| table.unit_of(row, column).as_ref() == Some(&v.unit))
                        .map(|v| (v.amount, "数值", format!("{}{}", v.amount, v.unit.symbol()))),
                    _ => None,
                };
                let Some((figure, what, shown)) = stated else { continue };
                if Interval::printed_to(figure, None).overlaps(&interval) {
                    passed += 1;
                } else {
                    conflicts.push((table.id.clone(), field(table, row, &column.id), fact.sentence.clone(),
                        format!("「{}」在表「{}」的{}为{}，正文的{}为{}", row.label, table.title, column.label, printed(row, &column.id, value), what, shown)));
                }
            }
        }
    }
    for (table, field, sentence, message) in conflicts {
        ctx.report(Severity::Error, Check::TableCrossCheck, &table, Some(field), sentence.as_deref(), message);
    }
    if passed > 0 {
        ctx.report(Severity::Ok, Check::TableCrossCheck, "tables", None, None, format!("{passed}个数值在表中和正文中一致 ✓"));
    }
}

/// A printed number cell, with the interval it stands for. Blank cells are `None`.
fn cell(table: &Table, row: &Row, column: &str) -> Option<(Decimal, Interval)> {
    let decimals = table.column(column).and_then(|c| c.decimals);
    match read_cell(row.cells.get(column)?) {
        Ok(CellValue::Number { value, .. }) => Some((value, Interval::printed_to(value, decimals))),
        _ => None,
    }
}

/// Sum of cells over `columns` (or over `rows` for one column); blanks count as nothing. `None`
/// when every cell is blank.
fn sum_cells(cells: impl Iterator<Item = Option<(Decimal, Interval)>>) -> Option<(Decimal, Interval)> {
    let present: Vec<(Decimal, Interval)> = cells.flatten().collect();
    if present.is_empty() {
        return None;
    }
    let exact = present.iter().try_fold(Decimal::ZERO, |acc, (v, _)| acc.checked_add(*v))?;
    let interval = Interval::sum(&present.iter().map(|(_, i)| *i).collect::<Vec<_>>())?;
    Some((exact, interval))
}

fn field(table: &Table, row: &Row, column: &str) -> String {
    let index = table.rows.iter().position(|r| r.id == row.id).unwrap_or(0);
    format!("rows[{index}].cells.{column}")
}

fn additive_columns(table: &Table) -> impl Iterator<Item = &crate::table::Column> {
    table.columns.iter().filter(|c| matches!(c.kind, ColumnKind::Quantity { .. } | ColumnKind::Sum { .. }))
}

fn subtotals(ctx: &mut Ctx, table: &Table) {
    let mut passed = 0;
    for row in &table.rows {
        let children: Vec<&Row> = table.children(&row.id).collect();
        if children.is_empty() {
            continue;
        }
        for column in additive_columns(table) {
            let Some((stated, stated_interval)) = cell(table, row, &column.id) else { continue };
            let Some((sum, sum_interval)) = sum_cells(children.iter().map(|c| cell(table, c, &column.id))) else { continue };
            let labels: Vec<&str> = children.iter().map(|c| c.label.as_str()).collect();
            let parts = format!("其下{}", super::names(&labels));
            if compare_total(ctx, Check::TableSubtotal, (table, row, column), (stated, stated_interval), (sum, sum_interval), &parts) {
                passed += 1;
            }
        }
    }
    if passed > 0 {
        ctx.report(Severity::Ok, Check::TableSubtotal, &table.id, None, table.sentence.as_deref(),
            format!("表「{}」有{passed}处小计与其下各行之和相符 ✓", table.title));
    }
}

/// A printed total against the sum of what it totals. Exactly equal passes (returns true); a
/// difference rounding explains is noted; one it cannot is an error.
fn compare_total(
    ctx: &mut Ctx,
    check: Check,
    (table, row, column): (&Table, &Row, &crate::table::Column),
    (stated, stated_interval): (Decimal, Interval),
    (sum, sum_interval): (Decimal, Interval),
    parts: &str,
) -> bool {
    if sum == stated {
        return true;
    }
    let (severity, message) = if sum_interval.overlaps(&stated_interval) {
        (Severity::Info, format!("表「{}」中「{}」的{}为{stated}，{parts}之和为{sum}，相差{}，在舍入误差之内", table.title, row.label, column.label, (stated - sum).abs()))
    } else {
        (Severity::Error, format!("表「{}」中「{}」的{}为{stated}，而{parts}之和为{sum}，相差{}", table.title, row.label, column.label, stated - sum))
    };
    ctx.report(severity, check, &table.id, Some(field(table, row, &column.id)), table.sentence.as_deref(), message);
    false
}

fn column_sums(ctx: &mut Ctx, table: &Table) {
    let mut passed = 0;
    for column in &table.columns {
        let ColumnKind::Sum { of, .. } = &column.kind else { continue };
        for row in &table.rows {
            let Some((stated, stated_interval)) = cell(table, row, &column.id) else { continue };
            let Some((sum, sum_interval)) = sum_cells(of.iter().map(|c| cell(table, row, c))) else { continue };
            let labels: Vec<&str> = of.iter().filter_map(|c| table.column(c)).map(|c| c.label.as_str()).collect();
            if compare_total(ctx, Check::TableColumnSum, (table, row, column), (stated, stated_interval), (sum, sum_interval), &labels.join(" + ")) {
                passed += 1;
            }
        }
    }
    if passed > 0 {
        ctx.report(Severity::Ok, Check::TableColumnSum, &table.id, None, table.sentence.as_deref(),
            format!("表「{}」有{passed}处合计列与各列之和相符 ✓", table.title));
    }
}

fn rates(ctx: &mut Ctx, table: &Table) {
    let mut passed = 0;
    for column in &table.columns {
        let ColumnKind::Rate { numerator, denominator } = &column.kind else { continue };
        for row in &table.rows {
            let Some((stated, stated_interval)) = cell(table, row, &column.id) else { continue };
            let Some((num, num_interval)) = sum_cells(numerator.iter().map(|c| cell(table, row, c))) else { continue };
            let Some((den, den_interval)) = sum_cells(denominator.iter().map(|c| cell(table, row, c))) else { continue };
            let (computed, exact) = if den.is_zero() {
                (None, None)
            } else {
                (num_interval.div(&den_interval).and_then(|r| r.scale(HUNDRED)), num.checked_div(den).and_then(|r| r.checked_mul(HUNDRED)))
            };
            let consistent = match computed {
                Some(computed) => computed.overlaps(&stated_interval),
                None => num.is_zero() && stated.is_zero(),
            };
            if consistent {
                passed += 1;
                continue;
            }
            let shown = exact.map(|e| format!("{}%", show(e, stated.scale()))).unwrap_or_else(|| "无法计算（分母为零）".into());
            ctx.report(Severity::Error, Check::TableRate, &table.id, Some(field(table, row, &column.id)), table.sentence.as_deref(),
                format!("表「{}」中「{}」的{}：{num} ÷ {den} = {shown}，表中为{}",
                    table.title, row.label, column.label, row.cells.get(&column.id).map_or("", String::as_str)));
        }
    }
    if passed > 0 {
        ctx.report(Severity::Ok, Check::TableRate, &table.id, None, table.sentence.as_deref(),
            format!("表「{}」有{passed}个比率与其分子分母相符 ✓", table.title));
    }
}

/// Rate cells printed without % in a column whose other cells have it.
fn missing_percent_signs(ctx: &mut Ctx, table: &Table) {
    for column in &table.columns {
        if !matches!(column.kind, ColumnKind::Rate { .. }) {
            continue;
        }
        let mut with_sign = 0;
        let mut without: Vec<&str> = Vec::new();
        for row in &table.rows {
            match row.cells.get(&column.id).map(|text| read_cell(text)) {
                Some(Ok(CellValue::Number { percent_sign: true, .. })) => with_sign += 1,
                Some(Ok(CellValue::Number { percent_sign: false, .. })) => without.push(row.label.as_str()),
                _ => {}
            }
        }
        if with_sign > 0 && !without.is_empty() {
            ctx.report(Severity::Info, Check::Units, &table.id, Some(format!("columns.{}", column.id)), table.sentence.as_deref(),
                format!("表「{}」的{}列有{}个数值未带%（{}），其余带%", table.title, column.label, without.len(), super::names(&without)));
        }
    }
}

/// The same item (row key) and measure (column measure) printed in two tables must agree.
fn cross_tables(ctx: &mut Ctx) {
    type Printed<'a> = (&'a Table, &'a Row, &'a crate::table::Column, Decimal, Interval);
    let mut seen: BTreeMap<(&str, &str), Vec<Printed>> = BTreeMap::new();
    for table in &ctx.release.tables {
        for column in &table.columns {
            let Some(measure) = column.measure.as_deref() else { continue };
            for row in &table.rows {
                let Some(key) = row.key.as_deref() else { continue };
                let Some((value, interval)) = cell(table, row, &column.id) else { continue };
                seen.entry((key, measure)).or_default().push((table, row, column, value, interval));
            }
        }
    }
    let mut passed = 0;
    for entries in seen.values() {
        let Some((first_table, first_row, first_column, first_value, first_interval)) = entries.first() else { continue };
        for (table, row, column, value, interval) in &entries[1..] {
            if table.id == first_table.id {
                continue;
            }
            if interval.overlaps(first_interval) {
                passed += 1;
                continue;
            }
            ctx.report(Severity::Error, Check::TableCrossCheck, &table.id, Some(field(table, row, &column.id)), table.sentence.as_deref(),
                format!("「{}」在表「{}」的{}为{}，在表「{}」的{}为{}",
                    row.label, first_table.title, first_column.label, printed(first_row, &first_column.id, *first_value),
                    table.title, column.label, printed(row, &column.id, *value)));
        }
    }
    if passed > 0 {
        ctx.report(Severity::Ok, Check::TableCrossCheck, "tables", None, None, format!("{passed}个数值在两张表中一致 ✓"));
    }
}

fn printed(row: &Row, column: &str, value: Decimal) -> String {
    row.cells.get(column).cloned().unwrap_or_else(|| value.to_string())
}
