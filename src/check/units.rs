//! Checks of units: unknown units, growth printed without %, units missing from a table.

use super::{Check, Ctx, Severity};
use crate::fact::GrowthForm;
use crate::table::ColumnKind;
use crate::unit::Unit;

pub(super) fn check(ctx: &mut Ctx) {
    for fact in &ctx.release.facts {
        for (field, quantity) in [("value", &fact.value), ("increase", &fact.increase)] {
            if let Some(Unit::Other(symbol)) = quantity.as_ref().map(|q| &q.unit).filter(|u| !u.is_known()) {
                ctx.report_fact(Severity::Warning, Check::Units, fact, field,
                    format!("{}的单位「{symbol}」不是常用统计单位，请核对", fact.name));
            }
        }
        if let Some(growth) = fact.growth.as_ref().filter(|g| g.form == GrowthForm::Bare) {
            ctx.report_fact(Severity::Warning, Check::Units, fact, "growth",
                format!("{}「{}」缺少单位：应为「{}%」还是其他？", fact.name, growth, growth));
        }
    }
    for table in &ctx.release.tables {
        let Some(unit_column) = table.columns.iter().find(|c| c.kind == ColumnKind::Unit) else { continue };
        for (i, row) in table.rows.iter().enumerate() {
            match row.cells.get(&unit_column.id).map(|text| Unit::from(text.as_str())) {
                Some(Unit::Other(symbol)) if !Unit::from(symbol.as_str()).is_known() => ctx.report(Severity::Warning, Check::Units, &table.id, Some(format!("rows[{i}].cells.{}", unit_column.id)), table.sentence.as_deref(),
                    format!("表「{}」中「{}」的计量单位「{symbol}」不是常用统计单位", table.title, row.label)),
                None | Some(Unit::Pure) => ctx.report(Severity::Warning, Check::Units, &table.id, Some(format!("rows[{i}].cells.{}", unit_column.id)), table.sentence.as_deref(),
                    format!("表「{}」中「{}」缺少计量单位", table.title, row.label)),
                _ => {}
            }
        }
    }
}
