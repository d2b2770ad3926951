//! Checks of stated growth: against the stated increase and level, against what is possible, and
//! — through a structure ratio — against the parts' growth. Growth at comparable prices is never
//! compared with current-price levels.

use rust_decimal::Decimal;

use super::breakdowns::growth_interval;
use super::{interval_in, show, Check, Ctx, Severity};
use crate::compute::interval::Interval;
use crate::fact::Fact;
use crate::unit::Dimension;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

pub(super) fn check(ctx: &mut Ctx) {
    for fact in &ctx.release.facts {
        growth_range(ctx, fact);
        growth_increase(ctx, fact);
    }
    for ratio in &ctx.release.ratios {
        structure_growth(ctx, ratio);
    }
}

fn growth_range(ctx: &mut Ctx, fact: &Fact) {
    let Some(growth) = &fact.growth else { return };
    if growth.percent() <= -HUNDRED {
        ctx.report_fact(Severity::Error, Check::GrowthRange, fact, "growth",
            format!("{}{}：下降100%或以上意味着本期为零或为负，不可能", fact.name, growth));
    }
}

/// 比上年增加1417元，增长4.1%: the increase over (level − increase) must give the growth.
fn growth_increase(ctx: &mut Ctx, fact: &Fact) {
    let (Some(value), Some(increase), Some(growth)) = (&fact.value, &fact.increase, &fact.growth) else { return };
    if !growth.comparable_with_levels() {
        return;
    }
    if matches!(value.unit.dimension(), Some(Dimension::Percent)) || matches!(increase.unit.dimension(), Some(Dimension::PercentagePoints)) {
        return;
    }
    let unit = &value.unit;
    let (Some(level), Some(change)) = (interval_in(value, unit), interval_in(increase, unit)) else {
        ctx.report_fact(Severity::Warning, Check::Units, fact, "increase",
            format!("{}的增加额单位{}不能换算为{}，无法核对增速", fact.name, increase.unit, unit));
        return;
    };
    let Some(exact_change) = increase.unit.convert(increase.amount, unit).ok() else { return };
    let Some(base) = level.sub(&change) else { return };
    let Some(exact_base) = value.amount.checked_sub(exact_change) else { return };
    if base.contains(Decimal::ZERO) {
        // The previous period was nothing, or rounding cannot tell it from nothing: no rate of
        // growth follows from it, so a stated one cannot be right (or cannot be verified).
        let working = format!("上期数 = {}{unit} − {}{unit} = {exact_base}{unit}", value.amount, exact_change);
        let (severity, verdict) = if exact_base.is_zero() {
            (Severity::Error, "上期为0，增速无从计算")
        } else {
            (Severity::Warning, "上期数在舍入误差内可能为0，无法核对增速")
        };
        ctx.report_fact(severity, Check::GrowthIncrease, fact, "growth",
            format!("{}：{working}，{verdict}，表述为{}", fact.name, growth));
        return;
    }
    let Some(implied) = change.div(&base).and_then(|r| r.scale(HUNDRED)) else { return };
    let exact = exact_change.checked_div(exact_base).and_then(|r| r.checked_mul(HUNDRED));
    let shown = exact.map(|e| show(e, growth.rate.scale())).unwrap_or_default();
    let working = format!("{}{unit} ÷ ({}{unit} − {}{unit}) = {shown}%", exact_change, value.amount, exact_change);
    if implied.overlaps(&growth_interval(growth)) {
        ctx.report_fact(Severity::Ok, Check::GrowthIncrease, fact, "growth",
            format!("{}：增加额与现值推算的增速 {working}，与表述{}相符 ✓", fact.name, growth));
    } else {
        ctx.report_fact(Severity::Error, Check::GrowthIncrease, fact, "growth",
            format!("{}：增加额与现值推算的增速 {working}，表述为{}", fact.name, growth));
    }
}

/// A structure ratio (current shares s_i) and the parts' growth g_i imply the total's growth:
/// 1 + G = 100 ÷ Σ s_i ÷ (1 + g_i). Only for growth on the levels' own price basis.
fn structure_growth(ctx: &mut Ctx, ratio: &crate::structure::StructureRatio) {
    let Some(breakdown) = ratio.breakdown.as_ref().and_then(|id| ctx.release.breakdowns.iter().find(|b| &b.id == id)) else { return };
    let Some(total_growth) = ctx.fact(&breakdown.total).and_then(|t| t.growth.as_ref()) else { return };
    let parts: Option<Vec<&Fact>> = breakdown.parts.iter().map(|id| ctx.fact(id)).collect();
    let Some(parts) = parts else { return };
    let growths: Option<Vec<&crate::fact::Growth>> = parts.iter().map(|p| p.growth.as_ref()).collect();
    let Some(growths) = growths else { return };
    if !total_growth.comparable_with_levels() || growths.iter().any(|g| !g.comparable_with_levels()) {
        return;
    }
    let one = Interval::exact(Decimal::ONE);
    let factor = |g: &crate::fact::Growth| growth_interval(g).scale(Decimal::new(1, 2)).and_then(|i| i.add(&one));
    let mut weighted = Vec::with_capacity(growths.len());
    for (term, growth) in ratio.terms.iter().zip(&growths) {
        let Some(w) = factor(growth).and_then(|f| Interval::printed(*term).div(&f)) else { return };
        weighted.push(w);
    }
    let Some(sum) = Interval::sum(&weighted) else { return };
    let Some(implied) = Interval::exact(HUNDRED).div(&sum).and_then(|r| r.sub(&one)).and_then(|r| r.scale(HUNDRED)) else { return };
    let middle = (implied.lo + implied.hi) / Decimal::TWO;
    let total = ctx.fact(&breakdown.total).map(|t| t.name.clone()).unwrap_or_default();
    let rates = growths.iter().map(|g| format!("{}%", g.percent().normalize())).collect::<Vec<_>>().join("、");
    let printed = ratio.terms.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" : ");
    let message = format!(
        "由{} {printed} 与各部分增速（{rates}）推算{total}增长约{}%（{}%～{}%），表述为{}",
        ratio.name, show(middle, 1), show(implied.lo, 1), show(implied.hi, 1), total_growth
    );
    if implied.overlaps(&growth_interval(total_growth)) {
        ctx.report(Severity::Ok, Check::StructureGrowth, &ratio.id, None, ratio.sentence.as_deref(), format!("{message} ✓"));
    } else {
        ctx.report(Severity::Warning, Check::StructureGrowth, &ratio.id, None, ratio.sentence.as_deref(), message);
    }
}
