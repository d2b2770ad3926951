//! Checks across periods and statements: cumulative series never fall, and one indicator for one
//! period is not stated twice with different values.

use std::collections::BTreeMap;

use super::{interval_in, Check, Ctx, Severity};
use crate::structure::SeriesKind;

pub(super) fn check(ctx: &mut Ctx) {
    cumulative(ctx);
    conflicting_statements(ctx);
}

fn cumulative(ctx: &mut Ctx) {
    for series in &ctx.release.series {
        if series.kind != SeriesKind::Cumulative {
            continue;
        }
        let points: Vec<_> = series.points.iter().filter_map(|id| ctx.fact(id)).collect();
        let mut fell = false;
        for pair in points.windows(2) {
            let (earlier, later) = (pair[0], pair[1]);
            let (Some(a), Some(b)) = (&earlier.value, &later.value) else { continue };
            let (Some(a_interval), Some(b_interval)) = (interval_in(a, &a.unit), interval_in(b, &a.unit)) else { continue };
            if b_interval.hi < a_interval.lo {
                fell = true;
                let (pa, pb) = (ctx.release.period_of(earlier).to_string(), ctx.release.period_of(later).to_string());
                ctx.report_fact(Severity::Error, Check::CumulativeSeries, later, "value",
                    format!("{}是累计数，{pb}为{b}，却低于{pa}的{a}", series.name));
            }
        }
        if !fell && points.len() > 1 {
            let values = points.iter().filter_map(|p| p.value.as_ref().map(|v| format!("{}{v}", ctx.release.period_of(p)))).collect::<Vec<_>>();
            ctx.report(Severity::Ok, Check::CumulativeSeries, &series.id, None, points.last().and_then(|p| p.sentence.as_deref()),
                format!("{}逐期累计未下降：{} ✓", series.name, values.join(" → ")));
        }
    }
}

/// Facts with the same name and period must agree.
fn conflicting_statements(ctx: &mut Ctx) {
    let mut groups: BTreeMap<(String, String), Vec<&crate::fact::Fact>> = BTreeMap::new();
    for fact in &ctx.release.facts {
        if fact.value.is_some() {
            let key = (fact.name.clone(), ctx.release.period_of(fact).to_string());
            groups.entry(key).or_default().push(fact);
        }
    }
    for ((name, period), facts) in groups {
        let Some(first) = facts.first() else { continue };
        let Some(first_value) = &first.value else { continue };
        let Some(first_interval) = interval_in(first_value, &first_value.unit) else { continue };
        for other in &facts[1..] {
            let Some(value) = &other.value else { continue };
            if interval_in(value, &first_value.unit).is_some_and(|i| !i.overlaps(&first_interval)) {
                ctx.report_fact(Severity::Error, Check::ConflictingStatements, other, "value",
                    format!("{period}{name}出现两个不同数值：{}（{}）与{}（{}）", first_value, first.id, value, other.id));
            }
        }
    }
}
