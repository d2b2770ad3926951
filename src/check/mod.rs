//! The consistency checker: every relation a release states between its figures — parts and
//! totals, shares, ratios, growth and increases, cumulative series, table subtotals and rates — is
//! verified within the tolerance the printed precision implies. A difference that rounding can
//! explain passes; one it cannot is an error, with the figures and the sentence.

mod breakdowns;
mod finding;
mod growth;
mod series;
mod tables;
mod units;

use rust_decimal::Decimal;

pub use finding::{Check, Counts, Finding, Location, Report, Severity};

use crate::compute::interval::Interval;
use crate::fact::{Fact, Quantity};
use crate::release::Release;
use crate::unit::Unit;

/// Checks a release.
///
/// ```
/// use xixia_stats::{bundled, check::{check, Severity}};
/// let report = check(&bundled::release("2023-fiscal-reports-5-8").unwrap());
/// assert!(report.count(Severity::Error) > 0);
/// ```
pub fn check(release: &Release) -> Report {
    let mut ctx = Ctx { release, findings: Vec::new() };
    breakdowns::check(&mut ctx);
    growth::check(&mut ctx);
    series::check(&mut ctx);
    tables::check(&mut ctx);
    units::check(&mut ctx);
    let mut findings = ctx.findings;
    findings.sort_by_key(|f| f.severity);
    Report { release: release.id.clone(), title: release.title.clone(), findings }
}

/// The release being checked and what was found so far.
pub(crate) struct Ctx<'a> {
    pub release: &'a Release,
    pub findings: Vec<Finding>,
}

impl<'a> Ctx<'a> {
    /// Records a finding about `subject`, stated in `sentence`.
    pub fn report(&mut self, severity: Severity, check: Check, subject: &str, field: Option<String>, sentence: Option<&str>, message: String) {
        let text = sentence.and_then(|id| self.release.sentence(id)).map(|s| s.text.clone());
        self.findings.push(Finding {
            severity,
            check,
            location: Location {
                release: self.release.id.clone(),
                subject: subject.to_owned(),
                field,
                sentence: sentence.map(str::to_owned),
                text,
            },
            message,
        });
    }

    /// Records a finding about a fact, at its sentence.
    pub fn report_fact(&mut self, severity: Severity, check: Check, fact: &Fact, field: &str, message: String) {
        self.report(severity, check, &fact.id, Some(field.to_owned()), fact.sentence.as_deref(), message);
    }

    pub fn fact(&self, id: &str) -> Option<&'a Fact> {
        self.release.fact(id)
    }
}

/// The interval a printed quantity stands for, in `unit`. `None` when the units do not convert.
pub(crate) fn interval_in(quantity: &Quantity, unit: &Unit) -> Option<Interval> {
    let printed = quantity.interval();
    Some(Interval { lo: quantity.unit.convert(printed.lo, unit).ok()?, hi: quantity.unit.convert(printed.hi, unit).ok()? })
}

/// A quantity's amount in `unit`, exact.
pub(crate) fn amount_in(quantity: &Quantity, unit: &Unit) -> Option<Decimal> {
    quantity.unit.convert(quantity.amount, unit).ok()
}

/// How a list of names reads in a message: all of them when few, else the count.
pub(crate) fn names(list: &[&str]) -> String {
    if list.len() <= 4 {
        list.join("、")
    } else {
        format!("{}等{}项", list[0], list.len())
    }
}

/// A number for a message: the exact value with no trailing zeros beyond `min_dp`.
pub(crate) fn show(value: Decimal, dp: u32) -> String {
    crate::compute::round::round_half_away(value, dp).to_string()
}
