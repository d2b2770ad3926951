//! One chart's data as CSV for a spreadsheet: UTF-8 with a byte-order mark, a block of
//! `key,value` rows saying what the figures are (title, period, unit, source, status, notes), a
//! blank row, then the table with one row per category. Figures are the exact values as plain
//! decimals; text that a spreadsheet would run as a formula is neutralised. The layout is
//! described, with an example, in `docs/export.md`.

use std::borrow::Cow;

use ::csv::{Terminator, WriterBuilder};
use rust_decimal::Decimal;

use crate::chart::{ChartData, Lang, SeriesData};
use crate::error::{Error, ErrorKind};

/// UTF-8's byte-order mark: without it Excel reads a CSV in the system's code page.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The chart's data as CSV bytes, starting with the byte-order mark, lines ending in CRLF.
///
/// ```
/// use xixia_stats::{bundled, chart, export};
/// let bulletin = bundled::release("2022-bulletin").unwrap();
/// let data = chart::build("gdp-by-industry", &bulletin, &[]).unwrap();
/// let bytes = export::csv::to_csv(&data).unwrap();
/// let text = std::str::from_utf8(&bytes[export::csv::BOM.len()..]).unwrap();
/// assert!(text.starts_with("标题,2022年西夏区三次产业增加值\r\n"));
/// assert!(text.contains("\r\n第二产业,340.85,13.0\r\n"));
/// ```
pub fn to_csv(data: &ChartData) -> Result<Vec<u8>, Error> {
    write(data).map_err(|err| ErrorKind::Export { what: format!("{} (CSV)", data.id), message: err.to_string() }.into())
}

fn write(data: &ChartData) -> Result<Vec<u8>, ::csv::Error> {
    let mut writer = WriterBuilder::new().flexible(true).terminator(Terminator::CRLF).from_writer(BOM.to_vec());
    for (key, value) in metadata(data) {
        writer.write_record([neutralise(key).as_bytes(), neutralise(&value).as_bytes()])?;
    }
    writer.write_record(None::<&[u8]>)?;
    for row in table(data) {
        let texts: Vec<Cow<str>> = row.iter().map(Cell::text).collect();
        writer.write_record(texts.iter().map(|text| text.as_bytes()))?;
    }
    writer.into_inner().map_err(|err| ::csv::Error::from(err.into_error()))
}

/// The words of the CSV in the chart's language.
struct Words {
    title: &'static str,
    subtitle: &'static str,
    period: &'static str,
    unit: &'static str,
    source: &'static str,
    status: &'static str,
    published: &'static str,
    note: &'static str,
    description: &'static str,
    release: &'static str,
    chart: &'static str,
    derived: &'static str,
    exact: &'static str,
}

const ZH: Words = Words {
    title: "标题",
    subtitle: "副标题",
    period: "时期",
    unit: "单位",
    source: "资料来源",
    status: "数据状态",
    published: "发布日期",
    note: "注",
    description: "说明",
    release: "发布",
    chart: "图表",
    derived: "推算",
    exact: "精确值",
};

const EN: Words = Words {
    title: "Title",
    subtitle: "Subtitle",
    period: "Period",
    unit: "Unit",
    source: "Source",
    status: "Status",
    published: "Published",
    note: "Note",
    description: "Description",
    release: "Release",
    chart: "Chart",
    derived: "derived",
    exact: "exact",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The `key,value` rows above the table. Nothing in them depends on when the file was made.
fn metadata(data: &ChartData) -> Vec<(&'static str, String)> {
    let w = words(data.lang);
    let mut rows = vec![
        (w.title, data.marked_title()),
        (w.subtitle, data.subtitle.clone()),
        (w.period, data.period.clone()),
        (w.unit, data.unit.clone()),
        (w.source, super::publishers(data).to_owned()),
        (w.status, status(data)),
    ];
    if let Some(date) = &data.published {
        rows.push((w.published, crate::chart::format::date(date, data.lang)));
    }
    rows.extend(data.notes.iter().map(|note| (w.note, note.clone())));
    if !data.description.is_empty() {
        rows.push((w.description, data.description.clone()));
    }
    rows.push((w.release, data.release.clone()));
    rows.push((w.chart, data.id.clone()));
    rows
}

/// The status row's value: "初步统计数"; for a draft "征求意见稿（初步统计数）",
/// "DRAFT — for comment (Preliminary figures)".
fn status(data: &ChartData) -> String {
    match (data.draft_mark(), data.lang, data.status.is_empty()) {
        (None, ..) => data.status.clone(),
        (Some(mark), _, true) => mark.to_owned(),
        (Some(mark), Lang::Zh, false) => format!("{mark}（{}）", data.status),
        (Some(mark), Lang::En, false) => format!("{mark} ({})", data.status),
    }
}

/// A table cell: an exact figure, or text to neutralise.
enum Cell {
    Number(Decimal),
    Text(String),
}

impl Cell {
    fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Number(value) => Cow::Owned(value.to_string()),
            Cell::Text(text) => neutralise(text),
        }
    }
}

/// A figure's column, then its "derived" column when any figure in it is derived.
fn series_columns(data: &ChartData, series: &SeriesData, header: String, columns: &mut Vec<Column>) {
    let derived: Vec<bool> = series.labels.iter().map(|label| is_derived(label)).collect();
    let any_derived = derived.iter().any(|d| *d);
    let w = words(data.lang);
    let marker = match data.lang {
        Lang::Zh => format!("{header}：{}", w.derived),
        Lang::En => format!("{header}: {}", w.derived),
    };
    let values: Vec<Option<Decimal>> = (0..data.categories.len()).map(|i| series.values.get(i).copied().flatten()).collect();
    // A figure the chart shows rounded (a derived pace, 11486.1375 shown as 11486.14) is written
    // as shown, and its exact value in a column of its own, named so.
    let shown: Vec<Option<Decimal>> = values.iter().enumerate().map(|(i, value)| value.and_then(|v| shown_rounded(v, series.labels.get(i)))).collect();
    let exact_header = match data.lang {
        Lang::Zh => format!("{header}：{}", w.exact),
        Lang::En => format!("{header}: {}", w.exact),
    };
    columns.push(Column {
        header,
        cells: (0..data.categories.len()).map(|i| figure(shown[i].or(values[i]), series.labels.get(i))).collect(),
    });
    if shown.iter().any(Option::is_some) {
        columns.push(Column { header: exact_header, cells: values.iter().map(|v| v.map_or_else(|| Cell::Text(String::new()), Cell::Number)).collect() });
    }
    if any_derived {
        columns.push(Column {
            header: marker,
            cells: (0..data.categories.len()).map(|i| Cell::Text(if derived.get(i) == Some(&true) { w.derived.to_owned() } else { String::new() })).collect(),
        });
    }
}

struct Column {
    header: String,
    cells: Vec<Cell>,
}

/// The exact value; where the chart has none, the label as printed (the product table's output
/// with its own unit in every row, "7026.8万千克").
fn figure(value: Option<Decimal>, label: Option<&String>) -> Cell {
    match value {
        Some(value) => Cell::Number(value),
        None => Cell::Text(label.cloned().unwrap_or_default()),
    }
}

/// The figure as the chart prints it, when the label shows `value` rounded to fewer decimals
/// (四舍五入): "11486.14" for 11486.1375. `None` when the label shows it exactly, or is no plain
/// number.
fn shown_rounded(value: Decimal, label: Option<&String>) -> Option<Decimal> {
    let text = label?.trim().trim_end_matches('*').replace(',', "");
    if !is_plain_decimal(&text) {
        return None;
    }
    let printed = crate::decimal::parse(&text).ok()?;
    (printed.scale() < value.normalize().scale() && crate::compute::round::round_half_away(value, printed.scale()) == printed).then_some(printed)
}

/// A derived figure is printed with a trailing `*` ("11.5%*").
fn is_derived(label: &str) -> bool {
    label.trim_end().ends_with('*')
}

/// The header row and one row per category.
fn table(data: &ChartData) -> Vec<Vec<Cell>> {
    let mut columns = Vec::new();
    for series in &data.series {
        series_columns(data, series, with_unit(&series.name, &data.unit, data.lang), &mut columns);
    }
    for extra in &data.extra_columns {
        // An extra column with figures and no unit of its own is in the chart's unit ("合计").
        let header = if extra.values.iter().any(Option::is_some) && !has_bracket(&extra.name) {
            with_unit(&extra.name, &data.unit, data.lang)
        } else {
            extra.name.clone()
        };
        series_columns(data, extra, header, &mut columns);
    }
    if let Some(reference) = &data.reference {
        let as_series = SeriesData {
            name: reference.label.clone(),
            values: (0..data.categories.len()).map(|i| reference.values.get(i).or(reference.values.first()).copied().flatten()).collect(),
            labels: (0..data.categories.len()).map(|i| reference.labels.get(i).or(reference.labels.first()).cloned().unwrap_or_default()).collect(),
        };
        series_columns(data, &as_series, with_unit(&reference.label, &data.unit, data.lang), &mut columns);
    }
    let mut rows = Vec::with_capacity(data.categories.len() + 1);
    let mut header = vec![Cell::Text(data.category_label.clone())];
    header.extend(columns.iter().map(|c| Cell::Text(c.header.clone())));
    rows.push(header);
    for (i, category) in data.categories.iter().enumerate() {
        let mut row = vec![Cell::Text(category.clone())];
        for column in &mut columns {
            row.push(std::mem::replace(&mut column.cells[i], Cell::Text(String::new())));
        }
        rows.push(row);
    }
    rows
}

/// A column header with the chart's unit, unless the header already says it:
/// "增加值" → "增加值（亿元）", "Value added" → "Value added (100 million yuan)".
fn with_unit(name: &str, unit: &str, lang: Lang) -> String {
    let (open, close) = match lang {
        Lang::Zh => ("（", "）"),
        Lang::En => (" (", ")"),
    };
    let says_it = [format!("（{unit}）"), format!("({unit})")].iter().any(|u| name.contains(u.as_str()));
    if unit.is_empty() || says_it {
        name.to_owned()
    } else {
        format!("{name}{open}{unit}{close}")
    }
}

fn has_bracket(name: &str) -> bool {
    name.contains('（') || name.contains('(')
}

/// Makes a cell safe to open in a spreadsheet (OWASP, "CSV Injection"): text starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return — or with their full-width forms, or with one of
/// them after leading spaces — gets a leading apostrophe, so it is shown as text and never run
/// as a formula. A plain decimal number ("-14.6", "13.0") is a figure and is left as it is.
///
/// ```
/// use xixia_stats::export::csv::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
/// assert_eq!(neutralise("-1+1"), "'-1+1");
/// assert_eq!(neutralise("-14.6"), "-14.6");
/// assert_eq!(neutralise("第二产业"), "第二产业");
/// ```
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    const TRIGGERS: &[char] = &['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    let after_spaces = cell.trim_start_matches([' ', '\u{3000}', '\u{a0}']);
    let risky = cell.starts_with(TRIGGERS) || after_spaces.starts_with(TRIGGERS);
    if risky && !is_plain_decimal(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `-?digits(.digits)?`: what a spreadsheet reads as a number and nothing else.
fn is_plain_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_triggers_are_neutralised_and_numbers_are_not() {
        let rows = [
            ("=1+1", "'=1+1"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("  =1", "'  =1"),
            ("＝1+1", "'＝1+1"),
            ("-", "'-"),
            ("-14.6", "-14.6"),
            ("13.0", "13.0"),
            ("0", "0"),
            ("−14.6%", "−14.6%"),
            ("第一产业", "第一产业"),
            ("a=b", "a=b"),
            ("", ""),
        ];
        for (cell, expected) in rows {
            assert_eq!(neutralise(cell), expected, "{cell:?}");
        }
    }

    #[test]
    fn plain_decimals_are_only_digits_a_point_and_a_minus() {
        for text in ["0", "-0.5", "489.91", "13.0", "-14.6"] {
            assert!(is_plain_decimal(text), "{text}");
        }
        for text in ["", "-", ".5", "1.", "1e5", "+1", "1,000", "--1", "1.2.3", "−1"] {
            assert!(!is_plain_decimal(text), "{text}");
        }
    }

    #[test]
    fn headers_get_the_unit_unless_they_say_it() {
        let rows = [
            ("增加值", "亿元", Lang::Zh, "增加值（亿元）"),
            ("比上年增长（%）", "%", Lang::Zh, "比上年增长（%）"),
            ("自治区（推算）", "%", Lang::Zh, "自治区（推算）（%）"),
            ("Value added", "100 million yuan", Lang::En, "Value added (100 million yuan)"),
            ("Share (%)", "%", Lang::En, "Share (%)"),
            ("Ratio", "", Lang::En, "Ratio"),
        ];
        for (name, unit, lang, expected) in rows {
            assert_eq!(with_unit(name, unit, lang), expected);
        }
    }
}
