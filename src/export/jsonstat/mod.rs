//! JSON-stat 2.0 (<https://json-stat.org/full/>): a release written as one dataset, and any
//! JSON-stat 2.0 dataset read back as a release.
//!
//! A release becomes a cube of three dimensions, `time` × `geo` × `indicator`. Every figure a
//! fact states is one category of `indicator`: its value (`gdp`), growth (`gdp.growth`),
//! increase (`gdp.increase`), stated share (`gdp.share`) and contribution (`gdp.contribution`),
//! each with its unit and printed decimals. Numbers are written from the exact decimal text and
//! read back from it, never through binary floating point. What JSON-stat has no place for
//! (English names, growth form, basis and prices, ids of sentences and footnotes, the release's
//! structure and tables) goes in the dataset's `extension`, so our export reads back as the same
//! release. Any other JSON-stat 2.0 dataset reads as a release whose facts are its non-missing
//! cells.
//!
//! `write` turns a release into the dataset, `cube` reads any dataset's dimensions and cells with
//! errors naming the JSON path, and `read` turns a cube into a release.

mod cube;
mod read;
mod write;

use serde::{Deserialize, Serialize};

use crate::fact::{Gap, GrowthBasis, GrowthForm, Prices, StatedRank};
use crate::release::{validate_date, Period, Section, Sentence, Source, Status};
use crate::structure::{Breakdown, Series, StructureRatio};
use crate::table::Table;

pub use read::to_release;
pub(crate) use read::{looks_like, read};
pub use write::{from_release, from_release_in};

/// The key of our part of a dataset's `extension`.
pub const EXTENSION: &str = "xixia-stats";

/// The suffixes of a fact's categories after its id, in the order they are written.
const GROWTH: &str = ".growth";
const INCREASE: &str = ".increase";
const SHARE: &str = ".share";
const CONTRIBUTION: &str = ".contribution";

/// The code of the geo dimension's one place when the release names none in English.
const GEO: &str = "place";

/// Our part of the extension: everything of the release that JSON-stat has no place for.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Extension {
    release: ReleaseExt,
    facts: Vec<FactExt>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReleaseExt {
    id: String,
    /// The Chinese title, in a file labelled in English (whose `label` is the English title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<crate::release::ReleaseKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    place_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title_en: Option<String>,
    /// Only when `source` split at 、 would not give them back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    publishers: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    publishers_en: Vec<String>,
    status: Status,
    source: Source,
    /// The footnotes' ids, one per entry of the dataset's `note`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    footnotes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sentences: Vec<Sentence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    breakdowns: Vec<Breakdown>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ratios: Vec<StructureRatio>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    series: Vec<Series>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tables: Vec<Table>,
}

/// A fact's words and references; its figures are cells of the cube.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FactExt {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sentence: Option<String>,
    /// The fact names the release's own period as its period (rather than inheriting it).
    #[serde(default, skip_serializing_if = "is_false")]
    period_keyed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value_decimals: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    growth: Option<GrowthExt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    increase_decimals: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    share_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contribution_to: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    gaps: Vec<Gap>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ranks: Vec<StatedRank>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    footnotes: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GrowthExt {
    form: GrowthForm,
    basis: GrowthBasis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prices: Option<Prices>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A period as a time category id: `2022`, `2023-02`, `2023-01/2023-11`, `2023-03-31`.
///
/// ```
/// use xixia_stats::{export::jsonstat::period_code, Period};
/// assert_eq!(period_code(&Period::Cumulative { year: 2023, from_month: 1, to_month: 11 }), "2023-01/2023-11");
/// assert_eq!(period_code(&Period::Month { year: 2023, month: 2 }), "2023-02");
/// ```
pub fn period_code(period: &Period) -> String {
    match period {
        Period::Year { year } => format!("{year}"),
        Period::Month { year, month } => format!("{year}-{month:02}"),
        Period::Cumulative { year, from_month, to_month } => format!("{year}-{from_month:02}/{year}-{to_month:02}"),
        Period::AsOf { date } => date.clone(),
    }
}

/// Reads a time category id as a period: the codes [`period_code`] writes, and the common
/// forms of statistics offices: `2023M02` (month), `2023Q2` or `2023-Q2` (a quarter, as the span
/// of its months). `None` for anything else (weeks, spans of years, words).
///
/// ```
/// use xixia_stats::{export::jsonstat::read_period, Period};
/// assert_eq!(read_period("2023M11"), Some(Period::Month { year: 2023, month: 11 }));
/// assert_eq!(read_period("2023Q2"), Some(Period::Cumulative { year: 2023, from_month: 4, to_month: 6 }));
/// assert_eq!(read_period("2023W05"), None);
/// ```
pub fn read_period(code: &str) -> Option<Period> {
    let code = code.trim();
    let year = |text: &str| (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse::<i32>().ok()).flatten();
    let month = |text: &str| (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse::<u8>().ok()).flatten().filter(|m| (1..=12).contains(m));
    let period = if let Some((from, to)) = code.split_once('/') {
        let (from_year, from_month) = from.split_once('-')?;
        let (to_year, to_month) = to.split_once('-')?;
        let y = year(from_year)?;
        (year(to_year)? == y).then_some(())?;
        Period::Cumulative { year: y, from_month: month(from_month)?, to_month: month(to_month)? }
    } else if code.len() == 4 {
        Period::Year { year: year(code)? }
    } else if code.len() == 10 {
        validate_date(code).ok()?;
        Period::AsOf { date: code.to_owned() }
    } else if let Some((y, rest)) = code.split_once('-').or_else(|| code.split_at_checked(4).filter(|(_, r)| r.starts_with(['M', 'Q']))) {
        let y = year(y)?;
        if let Some(q) = rest.strip_prefix('Q') {
            let q: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            Period::Cumulative { year: y, from_month: q * 3 - 2, to_month: q * 3 }
        } else {
            Period::Month { year: y, month: month(rest.strip_prefix('M').unwrap_or(rest))? }
        }
    } else {
        return None;
    };
    period.validate().ok().map(|()| period)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_have_codes_that_read_back() {
        let rows = [
            (Period::Year { year: 2022 }, "2022"),
            (Period::Month { year: 2023, month: 2 }, "2023-02"),
            (Period::Cumulative { year: 2023, from_month: 1, to_month: 11 }, "2023-01/2023-11"),
            (Period::Cumulative { year: 2023, from_month: 1, to_month: 1 }, "2023-01/2023-01"),
            (Period::AsOf { date: "2023-03-31".into() }, "2023-03-31"),
        ];
        for (period, code) in rows {
            assert_eq!(period_code(&period), code);
            assert_eq!(read_period(code), Some(period), "{code}");
        }
        for (code, period) in [("2023M02", Period::Month { year: 2023, month: 2 }), ("2023-Q4", Period::Cumulative { year: 2023, from_month: 10, to_month: 12 })] {
            assert_eq!(read_period(code), Some(period), "{code}");
        }
        for code in ["2023M13", "2023-02-30", "2023W05", "2020-2022", "2023-05/2024-01", "2023-05/2023-02", "二〇二二", "", "20233"] {
            assert_eq!(read_period(code), None, "{code}");
        }
    }
}
