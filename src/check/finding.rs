//! What the checker reports: one finding per check, with its severity, where it is, and an
//! explanation a statistician accepts.

use std::fmt;

use serde::Serialize;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The figures contradict each other beyond what rounding explains.
    Error,
    /// Something is odd or cannot be verified: a missing unit, an implausible figure.
    Warning,
    /// Worth knowing, not wrong.
    Info,
    /// The check passed; kept so a preview can show what was verified.
    Ok,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
            Severity::Ok => "通过",
        }
    }
}

/// Which check produced a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Check {
    /// Parts of an exhaustive breakdown against their total.
    PartsSum,
    /// Parts of a "其中" list against their total.
    PartsWithinTotal,
    /// Stated increases of the parts against the total's increase.
    IncreasesSum,
    /// Previous-period levels implied by each part's growth against the total's.
    ImpliedBaseSum,
    /// A stated share against the values it is a share of.
    StatedShare,
    /// Stated shares of an exhaustive breakdown add up to 100.
    SharesSum,
    /// A stated structure ratio against the values.
    StructureRatio,
    /// A stated structure ratio adds up to 100.
    StructureRatioSum,
    /// A structure ratio and the parts' growth against the total's growth.
    StructureGrowth,
    /// A stated growth against the stated increase and level.
    GrowthIncrease,
    /// A growth that is not possible (a fall of 100 % or more).
    GrowthRange,
    /// A contribution (拉动) against the part's growth and the total's growth.
    Contribution,
    /// A cumulative series must not fall.
    CumulativeSeries,
    /// The same indicator for the same period stated twice with different values.
    ConflictingStatements,
    /// A table row's children against the row.
    TableSubtotal,
    /// A table's sum column against its parts.
    TableColumnSum,
    /// A table's rate column against its numerator and denominator.
    TableRate,
    /// The same item and measure printed in two tables.
    TableCrossCheck,
    /// A unit missing, unknown or inconsistent.
    Units,
}

/// Where a finding is: the release, the fact, breakdown or table, the field, and the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub release: String,
    /// The id of the fact, breakdown, ratio, series or table checked.
    pub subject: String,
    /// A path inside the subject: `rows[4].cells.rate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The id of the sentence the figure was stated in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    /// The sentence as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One result of one check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub check: Check,
    pub location: Location,
    /// The explanation, in Chinese: "四级收入之和4.16亿元 ≠ 全口径一般公共预算收入5.16亿元".
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let location = &self.location;
        write!(f, "[{}] {}", self.severity.label(), location.subject)?;
        if let Some(field) = &location.field {
            write!(f, " ({field})")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(text) = &location.text {
            write!(f, "\n    原文: 「{text}」")?;
        }
        Ok(())
    }
}

/// Every finding for one release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub release: String,
    pub title: String,
    /// Most severe first; within a severity, in the order the checks ran.
    pub findings: Vec<Finding>,
}

/// How many findings a report has of each severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub ok: usize,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// The number of findings of each severity, counted in one pass.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for finding in &self.findings {
            *match finding.severity {
                Severity::Error => &mut counts.error,
                Severity::Warning => &mut counts.warning,
                Severity::Info => &mut counts.info,
                Severity::Ok => &mut counts.ok,
            } += 1;
        }
        counts
    }

    /// The findings that are not passes.
    pub fn problems(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.severity != Severity::Ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_the_findings_of_each_severity() {
        for release in crate::bundled::all().unwrap() {
            let report = crate::check::check(&release);
            let counts = report.counts();
            assert_eq!(counts.error, report.count(Severity::Error), "{}", release.id);
            assert_eq!(counts.warning, report.count(Severity::Warning), "{}", release.id);
            assert_eq!(counts.info, report.count(Severity::Info), "{}", release.id);
            assert_eq!(counts.ok, report.count(Severity::Ok), "{}", release.id);
            assert_eq!(counts.error + counts.warning + counts.info + counts.ok, report.findings.len());
            assert!(counts.ok > 0, "{}: the bundled releases pass checks", release.id);
        }
    }
}
