//! A statistical release: its metadata, its text (sections and sentences), and the facts,
//! structures and tables stated in it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::fact::Fact;
use crate::structure::{Breakdown, Series, StructureRatio};
use crate::table::Table;

/// One published release: an annual bulletin, a monthly indicators report, a run of fiscal reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// Stable id, used in URLs and on the command line: `2022-bulletin`.
    pub id: String,
    /// What kind of release it is: a bulletin, monthly indicators, fiscal reports. Told from the
    /// title and period when absent ([`Release::kind`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ReleaseKind>,
    /// The place the release is about, as its charts name it: 西夏区. Told from the title or the
    /// publisher when absent ([`Release::place`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The place's English name: Xixia District.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_en: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Who publishes it: 西夏区统计局, 西夏区财政局.
    pub publishers: Vec<String>,
    /// The publishers' English names, in the same order: Xixia District Bureau of Statistics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publishers_en: Vec<String>,
    /// The period the release covers. A fact may cover a narrower one of its own.
    pub period: Period,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Which version of the release this is: 1 (or absent) as first published, 2 for its first
    /// correction or 最终核实, and so on (`xixia-stats publish` counts them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// When this version was published, for a version after the first: `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised: Option<String>,
    /// When the next release of its kind is due, `YYYY-MM-DD`, as the office's release calendar
    /// says: the page shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_release: Option<String>,
    pub status: Status,
    pub source: Source,
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The release's sentences that state figures, so every fact can point at its words.
    #[serde(default)]
    pub sentences: Vec<Sentence>,
    #[serde(default)]
    pub facts: Vec<Fact>,
    #[serde(default)]
    pub breakdowns: Vec<Breakdown>,
    #[serde(default)]
    pub ratios: Vec<StructureRatio>,
    #[serde(default)]
    pub series: Vec<Series>,
    #[serde(default)]
    pub tables: Vec<Table>,
}

/// The period a release or fact covers. In JSON: `{"kind": "year", "year": 2022}`,
/// `{"kind": "cumulative", "year": 2023, "from_month": 1, "to_month": 11}`,
/// `{"kind": "month", "year": 2023, "month": 2}`, `{"kind": "as_of", "date": "2023-03-31"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "PeriodJson")]
pub enum Period {
    /// A calendar year: 2022年.
    Year { year: i32 },
    /// A cumulative span within a year: 2023年1-11月.
    Cumulative { year: i32, from_month: u8, to_month: u8 },
    /// A single month: 2023年2月.
    Month { year: i32, month: u8 },
    /// A stock at a date: 截至2023年3月31日, or 年末.
    AsOf { date: String },
}

/// The JSON form of a period, read flat: internally tagged enums would make serde buffer every
/// period through its generic `Content` type, which costs the wasm module dearly.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodJson {
    kind: PeriodKind,
    year: Option<i32>,
    from_month: Option<u8>,
    to_month: Option<u8>,
    month: Option<u8>,
    date: Option<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum PeriodKind {
    Year,
    Cumulative,
    Month,
    AsOf,
}

impl TryFrom<PeriodJson> for Period {
    type Error = String;

    fn try_from(json: PeriodJson) -> Result<Period, String> {
        let PeriodJson { kind, year, from_month, to_month, month, date } = json;
        let (name, fields): (&str, &[&str]) = match kind {
            PeriodKind::Year => ("year", &["year"]),
            PeriodKind::Cumulative => ("cumulative", &["year", "from_month", "to_month"]),
            PeriodKind::Month => ("month", &["year", "month"]),
            PeriodKind::AsOf => ("as_of", &["date"]),
        };
        let given = [("year", year.is_some()), ("from_month", from_month.is_some()), ("to_month", to_month.is_some()), ("month", month.is_some()), ("date", date.is_some())];
        for (field, present) in given {
            if present && !fields.contains(&field) {
                return Err(format!("a period of kind \"{name}\" has no field `{field}`"));
            }
            if !present && fields.contains(&field) {
                return Err(format!("a period of kind \"{name}\" needs `{field}`"));
            }
        }
        let missing = || format!("a period of kind \"{name}\" is incomplete");
        Ok(match kind {
            PeriodKind::Year => Period::Year { year: year.ok_or_else(missing)? },
            PeriodKind::Cumulative => Period::Cumulative { year: year.ok_or_else(missing)?, from_month: from_month.ok_or_else(missing)?, to_month: to_month.ok_or_else(missing)? },
            PeriodKind::Month => Period::Month { year: year.ok_or_else(missing)?, month: month.ok_or_else(missing)? },
            PeriodKind::AsOf => Period::AsOf { date: date.ok_or_else(missing)? },
        })
    }
}

impl Period {
    /// Whether the months and dates are ones a calendar has.
    pub fn validate(&self) -> Result<(), String> {
        let month_ok = |m: u8| (1..=12).contains(&m);
        match self {
            Period::Year { .. } => Ok(()),
            Period::Cumulative { from_month, to_month, .. }
                if month_ok(*from_month) && month_ok(*to_month) && from_month <= to_month =>
            {
                Ok(())
            }
            Period::Cumulative { from_month, to_month, .. } => {
                Err(format!("months {from_month}-{to_month} are not a span within one year"))
            }
            Period::Month { month, .. } if month_ok(*month) => Ok(()),
            Period::Month { month, .. } => Err(format!("month {month} is not 1 to 12")),
            Period::AsOf { date } => validate_date(date),
        }
    }

    /// The period in English: "2022", "Jan–Nov 2023", "Nov 2023", "as of 31 March 2023".
    ///
    /// ```
    /// use xixia_stats::Period;
    /// let span = Period::Cumulative { year: 2023, from_month: 1, to_month: 11 };
    /// assert_eq!(span.english(), "Jan–Nov 2023");
    /// assert_eq!(Period::AsOf { date: "2023-03-31".into() }.english(), "as of 31 March 2023");
    /// ```
    pub fn english(&self) -> String {
        match self {
            Period::Year { year } => year.to_string(),
            Period::Cumulative { year, from_month, to_month } => format!("{} {year}", months_en(*from_month, *to_month)),
            Period::Month { year, month } => format!("{} {year}", month_abbr(*month)),
            Period::AsOf { date } => {
                let parts: Vec<&str> = date.split('-').collect();
                match (parts.as_slice(), parts.get(1).and_then(|m| m.parse::<u8>().ok()).and_then(month_name_en)) {
                    ([y, "12", "31"], _) => format!("end of {y}"),
                    ([y, _, d], Some(month)) => format!("as of {} {month} {y}", d.trim_start_matches('0')),
                    _ => format!("as of {date}"),
                }
            }
        }
    }
}

/// A month's English name: 3 → "March".
pub(crate) fn month_name_en(month: u8) -> Option<&'static str> {
    const NAMES: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    NAMES.get(usize::from(month).wrapping_sub(1)).copied()
}

/// A month's English abbreviation: 1 → "Jan"; "?" outside 1–12 (loading refuses those).
pub(crate) fn month_abbr(month: u8) -> &'static str {
    const ABBR: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    ABBR.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("?")
}

/// A span of months within a year in English: "Jan–Nov"; a span of one month is that month.
pub(crate) fn months_en(from_month: u8, to_month: u8) -> String {
    if from_month == to_month {
        month_abbr(to_month).to_owned()
    } else {
        format!("{}–{}", month_abbr(from_month), month_abbr(to_month))
    }
}

/// Checks a `YYYY-MM-DD` date.
pub fn validate_date(date: &str) -> Result<(), String> {
    let parts: Vec<&str> = date.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match (parts.as_slice(), numbers.as_deref()) {
        ([y, m, d], Some(&[year, month, day])) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                1..=12 => 31,
                _ => 0,
            };
            if (1..=days).contains(&day) {
                Ok(())
            } else {
                Err(format!("{date:?} is not a calendar date"))
            }
        }
        _ => Err(format!("{date:?} is not a date written YYYY-MM-DD")),
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year { year } => write!(f, "{year}年"),
            Period::Cumulative { year, from_month, to_month } if from_month == to_month => {
                write!(f, "{year}年{to_month}月")
            }
            Period::Cumulative { year, from_month, to_month } => write!(f, "{year}年{from_month}-{to_month}月"),
            Period::Month { year, month } => write!(f, "{year}年{month}月"),
            Period::AsOf { date } => match date.split('-').collect::<Vec<_>>().as_slice() {
                // A year-end stock, as bulletins say it: 2022年末.
                [y, "12", "31"] => write!(f, "{y}年末"),
                [y, m, d] => write!(
                    f,
                    "截至{y}年{}月{}日",
                    m.trim_start_matches('0'),
                    d.trim_start_matches('0')
                ),
                _ => write!(f, "截至{date}"),
            },
        }
    }
}

/// How final the figures are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 初步统计数.
    Preliminary,
    /// 修订数.
    Revised,
    /// 最终数.
    Final,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Preliminary => "初步统计数",
            Status::Revised => "修订数",
            Status::Final => "最终数",
        }
    }

    /// The English label: "Preliminary figures".
    pub fn label_en(self) -> &'static str {
        match self {
            Status::Preliminary => "Preliminary figures",
            Status::Revised => "Revised figures",
            Status::Final => "Final figures",
        }
    }
}

/// Where the release was published, and whom the data comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document it appeared in: 《银川市西夏区人民政府公报》2023年第4期.
    pub document: String,
    /// The document's name in English: "Xixia District Government Gazette, 2023 No. 4".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_en: Option<String>,
    /// The file this release was keyed from, relative to the sources folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The release's own statement of its sources (资料来源).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A numbered footnote: the bulletin's [1]–[4].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub id: String,
    pub text: String,
}

/// A heading of the release: 一、综合.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// The heading in English, for the English page: "I. Overview".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
}

/// The kinds of release an office publishes. A chart specification names one to chart every
/// release of that kind, and `latest-<kind>` for the newest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseKind {
    /// 国民经济和社会发展统计公报: one a year.
    Bulletin,
    /// 主要经济指标: cumulative, every month.
    Indicators,
    /// 财政专报 and other fiscal reports.
    Fiscal,
}

impl ReleaseKind {
    pub const ALL: [ReleaseKind; 3] = [ReleaseKind::Bulletin, ReleaseKind::Indicators, ReleaseKind::Fiscal];

    /// The word a specification and an embed use: `bulletin`, `indicators`, `fiscal`.
    pub fn name(self) -> &'static str {
        match self {
            ReleaseKind::Bulletin => "bulletin",
            ReleaseKind::Indicators => "indicators",
            ReleaseKind::Fiscal => "fiscal",
        }
    }

    pub fn from_name(name: &str) -> Option<ReleaseKind> {
        ReleaseKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A sentence of the release, as printed, that facts point at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sentence {
    pub id: String,
    /// The id of its section.
    pub section: String,
    pub text: String,
    /// Where the sentence was read from, when it was imported from a text (bulletin prose, CSV):
    /// its characters `[start, end)` in that text, counted in Unicode scalar values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Characters `[start, end)` of an imported text, counted in Unicode scalar values (Rust `char`s,
/// JavaScript code points). Serialized as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Span {
        Span { start, end }
    }
}

impl From<Span> for (usize, usize) {
    fn from(span: Span) -> (usize, usize) {
        (span.start, span.end)
    }
}

impl Release {
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|fact| fact.id == id)
    }

    pub fn sentence(&self, id: &str) -> Option<&Sentence> {
        self.sentences.iter().find(|sentence| sentence.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.id == id)
    }

    /// The kind of release: as keyed, or else told from the words of its title and publishers
    /// (财政 → fiscal; 公报 or a calendar year → bulletin; otherwise monthly indicators).
    pub fn kind(&self) -> ReleaseKind {
        if let Some(kind) = self.kind {
            return kind;
        }
        let fiscal = self.title.contains("财政") || self.publishers.iter().all(|p| p.contains("财政")) && !self.publishers.is_empty();
        match (&self.period, fiscal) {
            (_, true) => ReleaseKind::Fiscal,
            (_, false) if self.title.contains("公报") => ReleaseKind::Bulletin,
            (Period::Year { .. }, false) => ReleaseKind::Bulletin,
            _ => ReleaseKind::Indicators,
        }
    }

    /// Where the release's period ends, as (year, month, day), to tell which release is newest.
    pub fn period_end(&self) -> (i32, u8, u8) {
        period_end(&self.period)
    }

    /// The place the release is about, in Chinese and in English: as keyed, or else the name its
    /// title starts with (样例县2024年…) or its publisher's (样例县统计局); English falls back to
    /// "the district" when none is keyed.
    pub fn place(&self) -> (String, String) {
        const PLACES: [char; 6] = ['县', '区', '市', '旗', '州', '盟'];
        let keyed = self.place.as_deref().map(str::trim).filter(|p| !p.is_empty());
        let before_year: String = self.title.chars().take_while(|c| !c.is_ascii_digit()).collect();
        let from_publisher = self.publishers.first().map(|p| p.trim_end_matches("统计局").trim_end_matches("财政局").to_owned());
        let place = keyed.map(str::to_owned).or_else(|| {
            [Some(before_year), from_publisher].into_iter().flatten().find(|p| p.ends_with(PLACES) && (2..=12).contains(&p.chars().count()))
        });
        let english = self.place_en.as_deref().map(str::trim).filter(|p| !p.is_empty() && keyed.is_some()).map(str::to_owned);
        (place.unwrap_or_else(|| "本地".to_owned()), english.unwrap_or_else(|| "the district".to_owned()))
    }

    /// The id of the section a fact is stated in: that of its sentence.
    pub fn section_of(&self, fact: &Fact) -> Option<&str> {
        Some(self.sentence(fact.sentence.as_deref()?)?.section.as_str())
    }

    /// The period a fact covers: its own, or else the release's.
    pub fn period_of<'a>(&'a self, fact: &'a Fact) -> &'a Period {
        fact.period.as_ref().unwrap_or(&self.period)
    }
}

/// Where a period ends, as (year, month, day); a year ends in December.
pub fn period_end(period: &Period) -> (i32, u8, u8) {
    match period {
        Period::Year { year } => (*year, 12, 31),
        Period::Cumulative { year, to_month, .. } => (*year, *to_month, 28),
        Period::Month { year, month } => (*year, *month, 28),
        Period::AsOf { date } => {
            let mut parts = date.split('-').map(|p| p.parse::<i32>().unwrap_or(0));
            let (y, m, d) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
            (y, u8::try_from(m).unwrap_or(0), u8::try_from(d).unwrap_or(0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_print_the_chinese_way() {
        let rows = [
            (Period::Year { year: 2022 }, "2022年"),
            (Period::Cumulative { year: 2023, from_month: 1, to_month: 11 }, "2023年1-11月"),
            (Period::Cumulative { year: 2023, from_month: 1, to_month: 1 }, "2023年1月"),
            (Period::Month { year: 2023, month: 2 }, "2023年2月"),
            (Period::AsOf { date: "2023-03-31".into() }, "截至2023年3月31日"),
            (Period::AsOf { date: "2022-12-31".into() }, "2022年末"),
        ];
        for (period, printed) in rows {
            assert_eq!(period.to_string(), printed);
            assert!(period.validate().is_ok());
        }
    }

    #[test]
    fn periods_print_the_english_way() {
        let rows = [
            (Period::Year { year: 2022 }, "2022"),
            (Period::Cumulative { year: 2023, from_month: 1, to_month: 11 }, "Jan–Nov 2023"),
            (Period::Cumulative { year: 2023, from_month: 1, to_month: 1 }, "Jan 2023"),
            (Period::Month { year: 2023, month: 11 }, "Nov 2023"),
            (Period::AsOf { date: "2023-03-31".into() }, "as of 31 March 2023"),
            (Period::AsOf { date: "2022-12-31".into() }, "end of 2022"),
            (Period::AsOf { date: "yesterday".into() }, "as of yesterday"),
        ];
        for (period, printed) in rows {
            assert_eq!(period.english(), printed);
        }
        assert_eq!(month_abbr(13), "?");
        assert_eq!(Status::Preliminary.label_en(), "Preliminary figures");
    }

    #[test]
    fn periods_read_from_json_and_name_what_is_wrong() {
        let read = |json: &str| serde_json::from_str::<Period>(json).map_err(|e| e.to_string());
        assert_eq!(read(r#"{"kind": "month", "year": 2023, "month": 2}"#), Ok(Period::Month { year: 2023, month: 2 }));
        assert!(read(r#"{"kind": "month", "year": 2023}"#).unwrap_err().contains("needs `month`"));
        assert!(read(r#"{"kind": "year", "year": 2022, "date": "2022-12-31"}"#).unwrap_err().contains("has no field `date`"));
        assert!(read(r#"{"kind": "decade", "year": 2020}"#).is_err());
        assert!(read(r#"{"kind": "year", "year": 2022, "yaer": 1}"#).unwrap_err().contains("unknown field `yaer`"));
        let period = Period::Cumulative { year: 2023, from_month: 1, to_month: 11 };
        assert_eq!(read(&serde_json::to_string(&period).unwrap()), Ok(period));
    }

    #[test]
    fn impossible_periods_are_refused() {
        assert!(Period::Month { year: 2023, month: 13 }.validate().is_err());
        assert!(Period::Cumulative { year: 2023, from_month: 5, to_month: 2 }.validate().is_err());
        for date in ["2023-02-30", "2023-02-29", "1900-02-29", "2023-3-31", "2023-13-01", "yesterday", "2023-04-31"] {
            assert!(validate_date(date).is_err(), "{date}");
        }
        assert!(validate_date("2023-12-15").is_ok());
        assert!(validate_date("2024-02-29").is_ok());
        assert!(validate_date("2000-02-29").is_ok());
    }
}
