//! Indicators over time: one indicator's figures across the releases that state it, period by
//! period, exactly as printed, with what Chinese practice derives from them and marks as derived.
//!
//! - **Cumulative months** (1-N月): one slot per report, 1-2月 first (it is released as one
//!   period; a 1月 report, where there is one, is a slot of its own). A single month is the
//!   difference of two neighbouring cumulative levels of one year, where both are printed.
//! - **Years**: levels at current prices beside growth at comparable prices, each as printed:
//!   growth is never recomputed from levels. A year before the first whose level is implied by
//!   the next year's stated increase (比上年增加) is a derived slot.
//! - **Comparators**: a region's growth is the place's growth minus the stated gap
//!   (高于自治区9.9个百分点), per period; ranks are as stated.
//! - **The change since the previous period**, in percentage points: 1-11月 against 1-10月,
//!   1-2月 against the previous year's 1-12月 (上年全年), a year against the year before.
//! - **Revisions**: when a later release states a period again (初步核算 → 最终核实), the slot takes
//!   the later figure and keeps the earlier one to say so.
//!
//! A slot whose period no release states stays empty: a chart leaves a gap there, never a line
//! through it.

use rust_decimal::Decimal;

use crate::fact::{Fact, Gap, Growth, Quantity};
use crate::release::{period_end, Period, Release, Status};

/// How a series steps from period to period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    /// Calendar years: 2022年.
    Year,
    /// Spans from January within a year: 1-2月, 1-3月, …, 1-12月.
    Cumulative,
    /// Single months: 2023年2月.
    Month,
}

impl Frequency {
    /// The frequency a period belongs to; `None` for stocks at a date and spans not from January.
    pub fn of(period: &Period) -> Option<Frequency> {
        match period {
            Period::Year { .. } => Some(Frequency::Year),
            Period::Cumulative { from_month: 1, .. } => Some(Frequency::Cumulative),
            Period::Month { .. } => Some(Frequency::Month),
            Period::Cumulative { .. } | Period::AsOf { .. } => None,
        }
    }
}

/// One indicator's series.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSeries {
    pub indicator: String,
    pub frequency: Frequency,
    /// Every period from the first stated to the last, in order, stated or not.
    pub slots: Vec<Slot>,
}

/// One period of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub period: Period,
    /// The figure stated for the period, if any release states it.
    pub point: Option<Point>,
    /// A level no release states but the next period's stated increase implies (value −
    /// increase): a derived figure, shown as such.
    pub implied: Option<Quantity>,
    /// The level of the single month, derived from two cumulative levels (cumulative series).
    pub month: Option<Quantity>,
    /// The change of the growth rate since the previous slot, in percentage points, where both
    /// are stated.
    pub change: Option<Change>,
}

/// A stated figure and where it was stated.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The release that states it (the latest that does).
    pub release: String,
    pub status: Status,
    pub published: Option<String>,
    pub fact: Fact,
    /// The earlier statement of the same period that this one replaces, where the figures differ.
    pub revises: Option<Revision>,
}

/// An earlier statement of a period, replaced by a later release's.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub release: String,
    pub status: Status,
    pub value: Option<Quantity>,
    pub growth: Option<Growth>,
}

/// A change of the growth rate since an earlier period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub since: Period,
    /// Percentage points, signed: 0.5 is 提高0.5个百分点, −0.3 is 回落0.3个百分点.
    pub points: Decimal,
}

impl Slot {
    /// The level shown for the slot: the stated one, or else the implied one (and whether it is
    /// implied).
    pub fn level(&self) -> Option<(&Quantity, bool)> {
        match (&self.point, &self.implied) {
            (Some(point), _) if point.fact.value.is_some() => point.fact.value.as_ref().map(|v| (v, false)),
            (_, Some(implied)) => Some((implied, true)),
            _ => None,
        }
    }

    /// The stated growth, in percent.
    pub fn growth(&self) -> Option<Decimal> {
        self.point.as_ref()?.fact.growth.as_ref().map(Growth::percent)
    }

    /// A comparator's growth derived from the stated gap: the place's growth minus the gap.
    pub fn comparator(&self, name: &str) -> Option<Decimal> {
        let point = self.point.as_ref()?;
        let gap = point.fact.gaps.iter().find(|g| g.comparator == name)?;
        crate::compute::growth::comparator_value(self.growth()?, gap.points).ok()
    }
}

impl IndicatorSeries {
    /// The regions the series' stated gaps name, in order of first appearance.
    pub fn comparators(&self) -> Vec<&Gap> {
        let mut out: Vec<&Gap> = Vec::new();
        for gap in self.slots.iter().filter_map(|s| s.point.as_ref()).flat_map(|p| &p.fact.gaps) {
            if !out.iter().any(|g| g.comparator == gap.comparator) {
                out.push(gap);
            }
        }
        out
    }

    /// The last slot with a stated or implied figure.
    pub fn latest(&self) -> Option<&Slot> {
        self.slots.iter().rev().find(|s| s.point.is_some())
    }

    /// Keeps only the last `count` slots (the first kept is never an empty one).
    pub fn last(mut self, count: usize) -> IndicatorSeries {
        let start = self.slots.len().saturating_sub(count.max(1));
        self.slots.drain(..start);
        while self.slots.first().is_some_and(|s| s.point.is_none() && s.implied.is_none()) {
            self.slots.remove(0);
        }
        self
    }
}

/// The series of `indicator` at `frequency` in `releases`, as known when `as_of` was published:
/// only releases published no later (by date where both have one, else by their order in
/// `releases`, which is publication order, [`crate::bundled::sort`]) and only periods that end no
/// later than its period.
pub fn build(releases: &[&Release], indicator: &str, frequency: Frequency, as_of: Option<&Release>) -> IndicatorSeries {
    let at_order = as_of.and_then(|at| releases.iter().position(|r| r.id == at.id));
    let known = |order: usize, r: &Release| match as_of {
        None => true,
        Some(at) => match (&r.published, &at.published) {
            (Some(a), Some(b)) if a != b => a < b,
            _ => at_order.map_or(true, |at| order <= at),
        },
    };
    let limit = as_of.map(|r| r.period_end());
    // Every statement of the indicator: (period, order of statement, release, fact).
    let mut stated: Vec<(Period, usize, &Release, &Fact)> = Vec::new();
    for (order, release) in releases.iter().copied().enumerate().filter(|(order, r)| known(*order, r)) {
        for fact in release.facts.iter().filter(|f| f.indicator_id() == indicator) {
            let period = release.period_of(fact);
            if Frequency::of(period) == Some(frequency) && limit.map_or(true, |l| period_end(period) <= l) {
                stated.push((period.clone(), order, release, fact));
            }
        }
    }
    let periods = span(stated.iter().map(|(p, ..)| p), frequency);
    let mut slots: Vec<Slot> = periods
        .into_iter()
        .map(|period| {
            let mut here: Vec<&(Period, usize, &Release, &Fact)> = stated.iter().filter(|(p, ..)| *p == period).collect();
            // The latest statement wins: by publication date, then by order of release.
            here.sort_by(|a, b| (&a.2.published, a.1).cmp(&(&b.2.published, b.1)));
            let point = here.last().map(|(_, _, release, fact)| {
                let revises = here.iter().rev().skip(1).find(|(.., f)| f.value != fact.value || f.growth != fact.growth).map(|(_, _, r, f)| Revision {
                    release: r.id.clone(),
                    status: r.status,
                    value: f.value.clone(),
                    growth: f.growth.clone(),
                });
                Point { release: release.id.clone(), status: release.status, published: release.published.clone(), fact: (*fact).clone(), revises }
            });
            Slot { period, point, implied: None, month: None, change: None }
        })
        .collect();
    if frequency == Frequency::Year {
        imply_year_before(&mut slots);
    }
    for i in 1..slots.len() {
        let (before, after) = slots.split_at_mut(i);
        let (previous, slot) = (&before[i - 1], &mut after[0]);
        if let (Some(now), Some(then)) = (slot.growth(), previous.growth()) {
            slot.change = now.checked_sub(then).map(|points| Change { since: previous.period.clone(), points });
        }
        if frequency == Frequency::Cumulative && same_year(&previous.period, &slot.period) {
            slot.month = single_month(previous, slot);
        }
    }
    IndicatorSeries { indicator: indicator.to_owned(), frequency, slots }
}

/// The ids of the indicators `releases` state at `frequency`, in order of first statement.
pub fn indicators(releases: &[&Release], frequency: Frequency) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for release in releases {
        for fact in &release.facts {
            if Frequency::of(release.period_of(fact)) == Some(frequency) && !out.iter().any(|id| id == fact.indicator_id()) {
                out.push(fact.indicator_id().to_owned());
            }
        }
    }
    out
}

/// Every period from the earliest to the latest of `periods`, in order.
fn span<'p>(periods: impl Iterator<Item = &'p Period>, frequency: Frequency) -> Vec<Period> {
    let mut keys: Vec<(i32, u8)> = periods
        .filter_map(|p| match p {
            Period::Year { year } => Some((*year, 0)),
            Period::Cumulative { year, to_month, .. } => Some((*year, *to_month)),
            Period::Month { year, month } => Some((*year, *month)),
            Period::AsOf { .. } => None,
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let (Some(first), Some(last)) = (keys.first().copied(), keys.last().copied()) else { return Vec::new() };
    let make = |(year, month): (i32, u8)| match frequency {
        Frequency::Year => Period::Year { year },
        Frequency::Cumulative => Period::Cumulative { year, from_month: 1, to_month: month },
        Frequency::Month => Period::Month { year, month },
    };
    let mut out = Vec::new();
    // A hundred years of months at most: the span of a site's releases, never a runaway loop.
    let mut at = first;
    while at <= last && out.len() < 1200 {
        out.push(make(at));
        let Some(next_year) = at.0.checked_add(1) else { break };
        at = match frequency {
            Frequency::Year => (next_year, 0),
            Frequency::Month if at.1 >= 12 => (next_year, 1),
            Frequency::Month => (at.0, at.1 + 1),
            // 1-2月 is the first report of a year; 1月 is a slot only where a release states it.
            Frequency::Cumulative if at.1 >= 12 => (next_year, if keys.contains(&(next_year, 1)) { 1 } else { 2 }),
            Frequency::Cumulative => (at.0, at.1 + 1),
        };
    }
    out
}

fn same_year(a: &Period, b: &Period) -> bool {
    matches!((a, b), (Period::Cumulative { year: x, .. }, Period::Cumulative { year: y, .. }) if x == y)
}

/// The single month's level: this slot's cumulative level minus the previous slot's, in one
/// unit, printed to the finer of the two precisions.
fn single_month(previous: &Slot, slot: &Slot) -> Option<Quantity> {
    let now = slot.point.as_ref()?.fact.value.as_ref()?;
    let then = previous.point.as_ref()?.fact.value.as_ref()?;
    if now.unit != then.unit {
        return None;
    }
    let amount = now.amount.checked_sub(then.amount)?;
    let decimals = now.amount.scale().max(then.amount.scale());
    Some(Quantity { amount: amount.round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::MidpointAwayFromZero), unit: now.unit.clone(), decimals: Some(decimals) })
}

/// Adds the year before the first as an implied slot where the first year states its increase
/// in the level's unit (2022's 比上年增加 implies 2021's level).
fn imply_year_before(slots: &mut Vec<Slot>) {
    let Some(first) = slots.first() else { return };
    let Period::Year { year } = first.period else { return };
    let Some(fact) = first.point.as_ref().map(|p| &p.fact) else { return };
    let (Some(value), Some(increase)) = (&fact.value, &fact.increase) else { return };
    if value.unit != increase.unit {
        return;
    }
    let Some(amount) = value.amount.checked_sub(increase.amount) else { return };
    let Some(before) = year.checked_sub(1) else { return };
    let implied = Quantity { amount, unit: value.unit.clone(), decimals: value.decimals };
    slots.insert(0, Slot { period: Period::Year { year: before }, point: None, implied: Some(implied), month: None, change: None });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A release of the invented 样例县 stating `facts` (JSON) for `period` (JSON).
    fn release(id: &str, period: &str, published: &str, facts: &str) -> Release {
        let json = format!(
            r#"{{"id": "{id}", "title": "样例县测试数据（虚构）", "publishers": ["样例县统计局"], "period": {period}, "published": "{published}",
                "status": "preliminary", "source": {{"document": "虚构的测试数据"}}, "facts": [{facts}]}}"#
        );
        crate::load::from_json(&json, id).unwrap()
    }

    fn monthly(month: u8, growth: &str, level: Option<&str>, published: &str) -> Release {
        let value = level.map(|l| format!(r#""value": {{"amount": "{l}", "unit": "亿元"}},"#)).unwrap_or_default();
        release(
            &format!("2024-1-{month}"),
            &format!(r#"{{"kind": "cumulative", "year": 2024, "from_month": 1, "to_month": {month}}}"#),
            published,
            &format!(
                r#"{{"id": "retail", "name": "社会消费品零售总额", {value} "growth": {{"rate": "{growth}", "basis": "cumulative_year_on_year"}},
                    "gaps": [{{"comparator": "全省", "points": "1.2"}}]}}"#
            ),
        )
    }

    #[test]
    fn cumulative_months_start_at_one_to_two_leave_gaps_and_derive_single_months() {
        let releases = [monthly(2, "5.0", Some("20.10"), "2024-03-15"), monthly(3, "5.5", Some("31.25"), "2024-04-15"), monthly(5, "5.2", Some("52.00"), "2024-06-15")];
        let series = build(&releases.iter().collect::<Vec<_>>(), "retail", Frequency::Cumulative, None);
        let periods: Vec<String> = series.slots.iter().map(|s| s.period.to_string()).collect();
        assert_eq!(periods, ["2024年1-2月", "2024年1-3月", "2024年1-4月", "2024年1-5月"]);
        assert!(series.slots[2].point.is_none(), "1-4月 is stated nowhere: a gap");
        // 3月 = 31.25 − 20.10; 5月 has no 1-4月 to subtract from.
        assert_eq!(series.slots[1].month.as_ref().map(|q| q.amount.to_string()), Some("11.15".into()));
        assert_eq!(series.slots[3].month, None);
        assert_eq!(series.slots[0].month, None, "1-2月 is one period: no single month");
        // +0.5 points since 1-2月; none across the gap.
        assert_eq!(series.slots[1].change.as_ref().map(|c| (c.points.to_string(), c.since.to_string())), Some(("0.5".into(), "2024年1-2月".into())));
        assert_eq!(series.slots[3].change, None);
        // 全省 = 5.5 − 1.2.
        assert_eq!(series.slots[1].comparator("全省").map(|v| v.to_string()), Some("4.3".into()));
    }

    #[test]
    fn a_later_statement_revises_and_as_of_sees_only_what_was_published() {
        let year = |y: i32| format!(r#"{{"kind": "year", "year": {y}}}"#);
        let first = release("2023-bulletin", &year(2023), "2024-03-20", r#"{"id": "gdp", "name": "地区生产总值", "value": {"amount": "300.5", "unit": "亿元"}, "growth": {"rate": "6.1", "basis": "previous_year", "prices": "comparable"}}"#);
        let second = release(
            "2024-bulletin",
            &year(2024),
            "2025-03-20",
            r#"{"id": "gdp", "name": "地区生产总值", "value": {"amount": "320.4", "unit": "亿元"}, "growth": {"rate": "5.8", "basis": "previous_year", "prices": "comparable"}},
               {"id": "gdp-2023-final", "indicator": "gdp", "name": "地区生产总值", "period": {"kind": "year", "year": 2023}, "value": {"amount": "302.1", "unit": "亿元"}, "growth": {"rate": "6.3", "basis": "previous_year", "prices": "comparable"}}"#,
        );
        let releases = [first.clone(), second.clone()];
        let all: Vec<&Release> = releases.iter().collect();
        let series = build(&all, "gdp", Frequency::Year, None);
        let y2023 = series.slots[0].point.as_ref().unwrap();
        assert_eq!((y2023.release.as_str(), y2023.fact.value.as_ref().unwrap().amount.to_string()), ("2024-bulletin", "302.1".into()));
        let revision = y2023.revises.as_ref().unwrap();
        assert_eq!((revision.release.as_str(), revision.value.as_ref().unwrap().amount.to_string()), ("2023-bulletin", "300.5".into()));
        // The change uses the revised 6.3: 5.8 − 6.3.
        assert_eq!(series.slots[1].change.as_ref().map(|c| c.points.to_string()), Some("-0.5".into()));
        // As the 2023 bulletin was published: its own figure, no revision, no 2024.
        let then = build(&all, "gdp", Frequency::Year, Some(&first));
        assert_eq!(then.slots.len(), 1);
        assert_eq!(then.slots[0].point.as_ref().unwrap().fact.value.as_ref().unwrap().amount.to_string(), "300.5");
        assert!(then.slots[0].point.as_ref().unwrap().revises.is_none());
    }

    #[test]
    fn years_at_the_ends_of_the_calendar_never_overflow() {
        // Loading refuses years not of four digits; a release made in code may have any.
        let far = |id: &str, year: i32| {
            let mut r = release(id, r#"{"kind": "year", "year": 2024}"#, "2024-01-01", r#"{"id": "x", "name": "x", "value": {"amount": "5", "unit": "元"}, "increase": {"amount": "1", "unit": "元"}, "growth": {"rate": "1", "basis": "previous_year"}}"#);
            r.period = Period::Year { year };
            r
        };
        let (last, first) = (far("a", i32::MAX), far("b", i32::MIN));
        assert_eq!(build(&[&last], "x", Frequency::Year, None).slots.len(), 2);
        assert_eq!(build(&[&first], "x", Frequency::Year, None).slots.len(), 1);
        // Far apart: a bounded span, never a runaway loop.
        assert!(build(&[&first, &last], "x", Frequency::Year, None).slots.len() <= 1200);
    }

    #[test]
    fn a_stated_increase_implies_the_year_before_and_growth_is_never_recomputed() {
        let bulletin = release(
            "2022-bulletin",
            r#"{"kind": "year", "year": 2022}"#,
            "2023-04-01",
            r#"{"id": "urban-income", "name": "城镇居民人均可支配收入", "value": {"amount": "36346", "unit": "元"}, "increase": {"amount": "1417", "unit": "元"}, "growth": {"rate": "4.1", "basis": "previous_year", "prices": "current"}}"#,
        );
        let series = build(&[&bulletin], "urban-income", Frequency::Year, None);
        assert_eq!(series.slots.len(), 2);
        assert_eq!(series.slots[0].level().map(|(q, implied)| (q.amount.to_string(), implied)), Some(("34929".into(), true)));
        assert_eq!(series.slots[0].growth(), None);
        assert_eq!(series.slots[1].change, None);
    }
}
