//! Checks of the relations between a total and its parts: sums, increases, implied bases, stated
//! shares, structure ratios and contributions.

use rust_decimal::Decimal;

use super::{amount_in, interval_in, names, show, Check, Ctx, Severity};
use crate::compute::interval::Interval;
use crate::compute::share::structure;
use crate::fact::{Fact, Growth, Quantity};
use crate::structure::{Breakdown, BreakdownKind};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

pub(super) fn check(ctx: &mut Ctx) {
    for breakdown in &ctx.release.breakdowns {
        let Some(total) = ctx.fact(&breakdown.total) else { continue };
        let parts: Vec<&Fact> = breakdown.parts.iter().filter_map(|id| ctx.fact(id)).collect();
        // A breakdown is stated where its parts are: quote that sentence, not the total's.
        let mut total = total.clone();
        if let Some(sentence) = parts.first().and_then(|p| p.sentence.clone()) {
            total.sentence = Some(sentence);
        }
        let total = &total;
        parts_sum(ctx, breakdown, total, &parts);
        if breakdown.kind == BreakdownKind::Exhaustive {
            increases_sum(ctx, breakdown, total, &parts);
            shares_sum(ctx, breakdown, total, &parts);
            contributions_sum(ctx, breakdown, total, &parts);
        }
        implied_bases(ctx, breakdown, total, &parts);
    }
    for fact in &ctx.release.facts {
        stated_share(ctx, fact);
        contribution(ctx, fact);
    }
    for ratio in &ctx.release.ratios {
        structure_ratio(ctx, ratio);
    }
}

/// The quantities of all parts converted to `unit`: exact sum and interval, or `None` when a part
/// has no such quantity or its unit does not convert.
fn sum_in(parts: &[&Fact], unit: &crate::unit::Unit, pick: impl Fn(&Fact) -> Option<&Quantity>) -> Option<(Decimal, Interval)> {
    let mut exact = Decimal::ZERO;
    let mut intervals = Vec::with_capacity(parts.len());
    for part in parts {
        let quantity = pick(part)?;
        exact = exact.checked_add(amount_in(quantity, unit)?)?;
        intervals.push(interval_in(quantity, unit)?);
    }
    Some((exact, Interval::sum(&intervals)?))
}

/// "A、B之和" for several parts; just "A" for one. Parts named after their total to keep names
/// unique ("中央级（全口径税收收入）") are named without it, since the message names the total:
/// "中央级、自治区级、银川市级、西夏区级之和4.16亿元 ≠ 全口径一般公共预算收入5.16亿元".
fn part_names(parts: &[&Fact], total: &Fact) -> String {
    let qualifier = format!("（{}）", total.name);
    let short = |p: &&Fact| p.name.strip_suffix(qualifier.as_str()).filter(|n| !n.is_empty()).unwrap_or(&p.name).to_owned();
    match parts {
        [one] => one.name.clone(),
        _ => format!("{}之和", names(&parts.iter().map(short).collect::<Vec<_>>().iter().map(String::as_str).collect::<Vec<_>>())),
    }
}

/// The largest difference rounding can explain between two printed figures: half the widths of
/// their intervals added.
fn tolerance(a: &Interval, b: &Interval) -> Decimal {
    ((a.hi - a.lo + b.hi - b.lo) / Decimal::TWO).normalize()
}

fn parts_sum(ctx: &mut Ctx, breakdown: &Breakdown, total: &Fact, parts: &[&Fact]) {
    let Some(total_value) = &total.value else { return };
    if parts.iter().all(|p| p.value.is_none()) {
        return;
    }
    let unit = &total_value.unit;
    let Some((sum, sum_interval)) = sum_in(parts, unit, |f| f.value.as_ref()) else {
        if parts.iter().all(|p| p.value.is_some()) {
            ctx.report(Severity::Warning, Check::Units, &breakdown.id, Some("parts".into()), total.sentence.as_deref(),
                format!("{}的各部分单位不能换算为{}，无法核对合计", breakdown.name, unit));
        }
        return;
    };
    let Some(total_interval) = interval_in(total_value, unit) else { return };
    let what = part_names(parts, total);
    let (t, u) = (total_value.amount, unit);
    match breakdown.kind {
        BreakdownKind::Exhaustive if sum == t => {
            ctx.report(Severity::Ok, Check::PartsSum, &breakdown.id, None, total.sentence.as_deref(),
                format!("{what}{sum}{u} = {}{t}{u} ✓", total.name));
        }
        BreakdownKind::Exhaustive if sum_interval.overlaps(&total_interval) => {
            ctx.report(Severity::Info, Check::PartsSum, &breakdown.id, None, total.sentence.as_deref(),
                format!("{what}{sum}{u}，{}{t}{u}，相差{}{u}，在各数舍入误差（±{}{u}）之内",
                    total.name, (sum - t).abs(), tolerance(&sum_interval, &total_interval)));
        }
        BreakdownKind::Exhaustive => {
            ctx.report(Severity::Error, Check::PartsSum, &breakdown.id, None, total.sentence.as_deref(),
                format!("{what}{sum}{u} ≠ {}{t}{u}，相差{}{u}，超出各数舍入误差（±{}{u}）",
                    total.name, (sum - t).abs(), tolerance(&sum_interval, &total_interval)));
        }
        // Parts of a 其中 list may overlap (民间投资 and 工业投资 are cut by different criteria):
        // their sum above the total is a question, only a part above it an error.
        BreakdownKind::Partial if sum_interval.lo > total_interval.hi => {
            let one_above = parts.iter().filter_map(|p| p.value.as_ref()).filter_map(|v| interval_in(v, unit)).any(|i| i.lo > total_interval.hi);
            let severity = if one_above || parts.len() <= 2 { Severity::Error } else { Severity::Warning };
            let hint = if severity == Severity::Warning { "（各项若互不重叠则有误；按不同口径分的项可能重叠）" } else { "" };
            ctx.report(severity, Check::PartsWithinTotal, &breakdown.id, None, total.sentence.as_deref(),
                format!("其中{what}{sum}{u}超过了{}{t}{u}{hint}", total.name));
        }
        BreakdownKind::Partial => {
            ctx.report(Severity::Ok, Check::PartsWithinTotal, &breakdown.id, None, total.sentence.as_deref(),
                format!("其中{what}{sum}{u} ≤ {}{t}{u} ✓", total.name));
        }
    }
}

fn increases_sum(ctx: &mut Ctx, breakdown: &Breakdown, total: &Fact, parts: &[&Fact]) {
    let Some(total_increase) = &total.increase else { return };
    let unit = &total_increase.unit;
    let Some((sum, sum_interval)) = sum_in(parts, unit, |f| f.increase.as_ref()) else { return };
    let Some(total_interval) = interval_in(total_increase, unit) else { return };
    let what = part_names(parts, total);
    let t = total_increase.amount;
    if sum_interval.overlaps(&total_interval) {
        ctx.report(Severity::Ok, Check::IncreasesSum, &breakdown.id, None, total.sentence.as_deref(),
            format!("{what}的增减额之和{sum}{unit} = {}的增减额{t}{unit} ✓", total.name));
    } else {
        ctx.report(Severity::Error, Check::IncreasesSum, &breakdown.id, None, total.sentence.as_deref(),
            format!("{what}的增减额之和{sum}{unit} ≠ {}的增减额{t}{unit}", total.name));
    }
}

/// The interval of a growth in percent, from its printed precision.
pub(super) fn growth_interval(growth: &Growth) -> Interval {
    Interval::around(growth.percent(), growth.half_unit_percent())
}

/// The previous-period level implied by a value and its growth, as an interval in `unit`.
fn base_interval(fact: &Fact, unit: &crate::unit::Unit) -> Option<Interval> {
    let value = interval_in(fact.value.as_ref()?, unit)?;
    let growth = fact.growth.as_ref()?;
    if !growth.comparable_with_levels() {
        return None;
    }
    let factor = growth_interval(growth).scale(Decimal::new(1, 2))?.add(&Interval::exact(Decimal::ONE))?;
    if factor.lo <= Decimal::ZERO {
        return None;
    }
    value.div(&factor)
}

/// Each part's level and growth imply its previous-period level; those must add up to the
/// total's. Only for growth on the levels' own price basis.
fn implied_bases(ctx: &mut Ctx, breakdown: &Breakdown, total: &Fact, parts: &[&Fact]) {
    let Some(unit) = total.value.as_ref().map(|v| v.unit.clone()) else { return };
    let Some(total_base) = base_interval(total, &unit) else { return };
    let bases: Option<Vec<Interval>> = parts.iter().map(|p| base_interval(p, &unit)).collect();
    let Some(sum) = bases.as_deref().and_then(Interval::sum) else { return };
    let middle = |i: &Interval| (i.lo + i.hi) / Decimal::TWO;
    let dp = total.value.as_ref().map_or(2, |v| v.amount.scale());
    let (s, t) = (show(middle(&sum), dp), show(middle(&total_base), dp));
    let what = part_names(parts, total);
    let consistent = match breakdown.kind {
        BreakdownKind::Exhaustive => sum.overlaps(&total_base),
        BreakdownKind::Partial => sum.lo <= total_base.hi,
    };
    if consistent {
        ctx.report(Severity::Ok, Check::ImpliedBaseSum, &breakdown.id, None, total.sentence.as_deref(),
            format!("按增速推算的上期数：{what}约{s}{unit}，{}约{t}{unit}，相符 ✓", total.name));
    } else {
        ctx.report(Severity::Warning, Check::ImpliedBaseSum, &breakdown.id, None, total.sentence.as_deref(),
            format!("增速与总量不符：按各自增速推算的上期数，{what}约{s}{unit}，而{}约{t}{unit}", total.name));
    }
}

fn stated_share(ctx: &mut Ctx, fact: &Fact) {
    let Some(share) = &fact.share else { return };
    let Some(whole) = ctx.fact(&share.of) else { return };
    let (Some(part_value), Some(whole_value)) = (&fact.value, &whole.value) else { return };
    let unit = &whole_value.unit;
    let (Some(part_interval), Some(whole_interval), Some(part_amount)) =
        (interval_in(part_value, unit), interval_in(whole_value, unit), amount_in(part_value, unit))
    else {
        ctx.report_fact(Severity::Warning, Check::Units, fact, "share",
            format!("{}的单位{}不能换算为{}的单位{}，无法核对比重", fact.name, part_value.unit, whole.name, unit));
        return;
    };
    if whole_interval.contains(Decimal::ZERO) {
        let (severity, verdict) = if whole_value.amount.is_zero() {
            (Severity::Error, "总体为0，比重无从计算")
        } else {
            (Severity::Warning, "总体在舍入误差内可能为0，无法核对比重")
        };
        ctx.report_fact(severity, Check::StatedShare, fact, "share",
            format!("{}占{}的比重：{}为{}{unit}，{verdict}，表述为{}%", fact.name, whole.name, whole.name, whole_value.amount, share.percent));
        return;
    }
    let Some(computed) = part_interval.div(&whole_interval).and_then(|i| i.scale(HUNDRED)) else { return };
    let Some(exact) = part_amount.checked_div(whole_value.amount).and_then(|r| r.checked_mul(HUNDRED)) else { return };
    let stated = share.percent;
    let dp = stated.scale();
    let shown = show(exact, dp);
    let division = format!("{part_amount}{unit} ÷ {}{unit}", whole_value.amount);
    if computed.overlaps(&Interval::printed(stated)) {
        ctx.report_fact(Severity::Ok, Check::StatedShare, fact, "share",
            format!("{}占{}的比重：{division} = {shown}%，与表述{stated}%相符 ✓", fact.name, whole.name));
    } else {
        let implied = stated.checked_mul(whole_value.amount).and_then(|v| v.checked_div(HUNDRED)).map(|v| show(v, part_value.amount.scale()));
        let hint = implied.map(|v| format!("；若比重无误，{}应约为{v}{unit}", fact.name)).unwrap_or_default();
        ctx.report_fact(Severity::Error, Check::StatedShare, fact, "share",
            format!("{}占{}的比重：{division} = {shown}%，表述为{stated}%{hint}", fact.name, whole.name));
    }
}

fn shares_sum(ctx: &mut Ctx, breakdown: &Breakdown, total: &Fact, parts: &[&Fact]) {
    let stated: Option<Vec<Decimal>> = parts
        .iter()
        .map(|p| p.share.as_ref().filter(|s| s.of == total.id).map(|s| s.percent))
        .collect();
    let Some(stated) = stated else { return };
    let Some(sum_interval) = Interval::sum(&stated.iter().map(|s| Interval::printed(*s)).collect::<Vec<_>>()) else { return };
    let sum: Decimal = stated.iter().sum();
    let terms = stated.iter().map(|s| format!("{s}%")).collect::<Vec<_>>().join(" + ");
    if sum_interval.contains(HUNDRED) {
        ctx.report(Severity::Ok, Check::SharesSum, &breakdown.id, None, total.sentence.as_deref(),
            format!("{}各部分的表述比重之和 {terms} = {sum}% ✓", breakdown.name));
    } else {
        ctx.report(Severity::Warning, Check::SharesSum, &breakdown.id, None, total.sentence.as_deref(),
            format!("{}各部分的表述比重之和 {terms} = {sum}%，不等于100%", breakdown.name));
    }
}

fn structure_ratio(ctx: &mut Ctx, ratio: &crate::structure::StructureRatio) {
    let printed = ratio.terms.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" : ");
    // A ratio to one (城乡居民人均收入比2.01:1) compares two levels; it is no structure of 100.
    if ratio.terms.len() == 2 && ratio.terms.last().is_some_and(|t| *t == Decimal::ONE) {
        ctx.report(Severity::Info, Check::StructureRatioSum, &ratio.id, None, ratio.sentence.as_deref(),
            format!("{} {printed} 是两个数的比值，不是构成比，不核对其和", ratio.name));
        return;
    }
    let sum: Decimal = ratio.terms.iter().sum();
    let intervals: Vec<Interval> = ratio.terms.iter().map(|t| Interval::printed(*t)).collect();
    let sentence = ratio.sentence.as_deref();
    match Interval::sum(&intervals) {
        Some(total) if total.contains(HUNDRED) => ctx.report(Severity::Ok, Check::StructureRatioSum, &ratio.id, None, sentence,
            format!("{} {printed} 之和为{sum} ✓", ratio.name)),
        _ => ctx.report(Severity::Error, Check::StructureRatioSum, &ratio.id, None, sentence,
            format!("{} {printed} 之和为{sum}，不等于100", ratio.name)),
    }
    let Some(breakdown) = ratio.breakdown.as_ref().and_then(|id| ctx.release.breakdowns.iter().find(|b| &b.id == id)) else { return };
    let parts: Vec<&Fact> = breakdown.parts.iter().filter_map(|id| ctx.fact(id)).collect();
    let Some(unit) = parts.first().and_then(|p| p.value.as_ref()).map(|v| v.unit.clone()) else { return };
    let values: Option<Vec<(Decimal, Interval)>> =
        parts.iter().map(|p| Some((amount_in(p.value.as_ref()?, &unit)?, interval_in(p.value.as_ref()?, &unit)?))).collect();
    let Some(values) = values else { return };
    let dp = ratio.terms.iter().map(|t| t.scale()).max().unwrap_or(0);
    let Ok(computed) = structure(&values.iter().map(|(v, _)| *v).collect::<Vec<_>>(), dp) else { return };
    let Some(total) = Interval::sum(&values.iter().map(|(_, i)| *i).collect::<Vec<_>>()) else { return };
    let shown = computed.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(" : ");
    let mismatched: Vec<String> = values
        .iter()
        .zip(&ratio.terms)
        .zip(&ratio.labels)
        .filter(|(((_, interval), term), _)| {
            interval.div(&total).and_then(|s| s.scale(HUNDRED)).is_some_and(|s| !s.overlaps(&Interval::printed(**term)))
        })
        .map(|((_, term), label)| format!("{label}{term}"))
        .collect();
    if mismatched.is_empty() {
        ctx.report(Severity::Ok, Check::StructureRatio, &ratio.id, None, sentence,
            format!("按{}计算的{}为 {shown}，与表述 {printed} 相符 ✓", breakdown.name, ratio.name));
    } else {
        ctx.report(Severity::Error, Check::StructureRatio, &ratio.id, None, sentence,
            format!("按{}计算的{}为 {shown}，表述为 {printed}（{}不符）", breakdown.name, ratio.name, mismatched.join("、")));
    }
}

/// A contribution of `points` from a part growing `g` means the part was points ÷ g of the
/// total's base: that weight must lie between 0 and 100 %.
fn contribution(ctx: &mut Ctx, fact: &Fact) {
    let Some(contribution) = &fact.contribution else { return };
    let Some(growth) = &fact.growth else { return };
    let Some(to) = ctx.fact(&contribution.to) else { return };
    let points = Interval::printed(contribution.points);
    let Some(weight) = points.div(&growth_interval(growth)).and_then(|w| w.scale(HUNDRED)) else { return };
    let middle = contribution.points.checked_div(growth.percent()).and_then(|w| w.checked_mul(HUNDRED));
    let shown = middle.map(|m| show(m, 1)).unwrap_or_default();
    if weight.overlaps(&Interval { lo: Decimal::ZERO, hi: HUNDRED }) {
        ctx.report_fact(Severity::Ok, Check::Contribution, fact, "contribution",
            format!("{}{}拉动{}增长{}个百分点，意味着其约占{}上期基数的{shown}% ✓", fact.name, growth, to.name, contribution.points, to.name));
    } else {
        ctx.report_fact(Severity::Error, Check::Contribution, fact, "contribution",
            format!("{}{}却拉动{}增长{}个百分点：需占上期基数的{shown}%，超出0–100%", fact.name, growth, to.name, contribution.points));
    }
}

/// The contributions of all parts of an exhaustive breakdown add up to the total's growth.
fn contributions_sum(ctx: &mut Ctx, breakdown: &Breakdown, total: &Fact, parts: &[&Fact]) {
    let Some(total_growth) = &total.growth else { return };
    let points: Option<Vec<Decimal>> =
        parts.iter().map(|p| p.contribution.as_ref().filter(|c| c.to == total.id).map(|c| c.points)).collect();
    let Some(points) = points else { return };
    let Some(sum_interval) = Interval::sum(&points.iter().map(|p| Interval::printed(*p)).collect::<Vec<_>>()) else { return };
    let sum: Decimal = points.iter().sum();
    if sum_interval.overlaps(&growth_interval(total_growth)) {
        ctx.report(Severity::Ok, Check::Contribution, &breakdown.id, None, total.sentence.as_deref(),
            format!("{}各部分拉动之和{sum}个百分点 = {}{} ✓", breakdown.name, total.name, total_growth));
    } else {
        ctx.report(Severity::Error, Check::Contribution, &breakdown.id, None, total.sentence.as_deref(),
            format!("{}各部分拉动之和{sum}个百分点，而{}{}", breakdown.name, total.name, total_growth));
    }
}
