//! Reading a release from JSON, and checking that everything it refers to is there.

use std::collections::{HashMap, HashSet};

use crate::error::{Error, ErrorKind, Problem};
use crate::release::{validate_date, Period, Release, Span};
use crate::table::{read_cell, ColumnKind, Table};

/// The largest release text accepted: the bundled ones are under 100 KB.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// The most facts a release may have (the bundled ones have under 200). Checking and computing
/// look facts up by id and compare rows with rows, so the work grows with the square of these
/// counts: the limits below keep a hostile release of [`MAX_BYTES`] within seconds and
/// megabytes (`docs/security.md`, "Fuzzing and hostile input").
pub const MAX_FACTS: usize = 10_000;

/// The most members one list may have: the parts of a breakdown, the points of a series, the
/// terms of a ratio (the bundled ones have under 20). Every figure of a breakdown lists all its
/// parts as inputs, so a breakdown of 20 000 parts took minutes and gigabytes.
pub const MAX_MEMBERS: usize = 1_000;

/// The most rows one table may have; the release's tables have at most [`MAX_FACTS`] rows in
/// all, and its breakdowns and series at most [`MAX_FACTS`] parts and points in all.
pub const MAX_ROWS: usize = 5_000;

/// Parses and validates a release. `origin` names the input in error messages (a file path, or
/// "pasted draft"). A JSON-stat document (one with `version` or `class`, keys a release never
/// has) is read as JSON-stat 2.0 instead ([`crate::export::jsonstat`]).
///
/// ```
/// let err = xixia_stats::load::from_json(r#"{"id": 5}"#, "draft.json").unwrap_err();
/// assert!(err.to_string().starts_with("draft.json: line 1, column 8: field `id`"));
///
/// let err = xixia_stats::load::from_json(r#"{"version": "1.0", "class": "dataset"}"#, "nso.json").unwrap_err();
/// assert_eq!(err.to_string(), "nso.json: JSON-stat `version`: is \"1.0\"; only JSON-stat 2.0 is read");
/// ```
pub fn from_json(text: &str, origin: &str) -> Result<Release, Error> {
    if text.len() > MAX_BYTES {
        return Err(ErrorKind::TooLarge { origin: origin.to_owned(), bytes: text.len(), limit: MAX_BYTES }.into());
    }
    // A byte-order mark (Windows Notepad saves UTF-8 with one) is not part of the JSON: RFC 8259
    // lets a parser ignore it, and we do.
    let text = text.strip_prefix(BOM).unwrap_or(text);
    match release_json(text, origin) {
        Err(err) if crate::export::jsonstat::looks_like(text) => {
            drop(err);
            crate::export::jsonstat::read(text, origin)
        }
        result => result,
    }
}

/// UTF-8's byte-order mark, as a character.
pub(crate) const BOM: char = '\u{feff}';

/// A release in our own format.
fn release_json(text: &str, origin: &str) -> Result<Release, Error> {
    // serde would read an array as the release's fields in order, and complain about its first
    // element ("field `[0]`: invalid type: map, expected a string"): say what is wrong instead.
    if let Some(at) = text.find(|c: char| !c.is_ascii_whitespace()).filter(|&at| text[at..].starts_with('[')) {
        let line = text[..at].matches('\n').count() + 1;
        let column = at - text[..at].rfind('\n').map_or(0, |nl| nl + 1) + 1;
        let message = "is an array; a release is one JSON object, `{\"id\": …, \"facts\": […]}`".to_owned();
        return Err(ErrorKind::Field { origin: origin.to_owned(), path: "(top level)".to_owned(), line, column, message }.into());
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let release: Release = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let (line, column) = (inner.line(), inner.column());
        let message = strip_position(&inner.to_string());
        let path = if path == "." { "(top level)".to_owned() } else { path };
        if inner.is_syntax() || inner.is_eof() {
            Error::from(ErrorKind::Syntax { origin: origin.to_owned(), line, column, message })
        } else {
            Error::from(ErrorKind::Field { origin: origin.to_owned(), path, line, column, message })
        }
    })?;
    deserializer.end().map_err(|err| syntax_error(origin, &err))?;
    let problems = validate(&release);
    if problems.is_empty() {
        Ok(release)
    } else {
        Err(ErrorKind::Invalid { origin: origin.to_owned(), problems }.into())
    }
}

/// Text that is not JSON, at `origin`: serde_json's line, column and message (without the
/// position it appends, which the error prints itself).
pub fn syntax_error(origin: &str, err: &serde_json::Error) -> Error {
    ErrorKind::Syntax { origin: origin.to_owned(), line: err.line(), column: err.column(), message: strip_position(&err.to_string()) }.into()
}

/// serde_json appends " at line L column C"; we print the position ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Every problem with a parsed release: duplicate ids, dangling references, impossible dates,
/// cells that are not numbers. Empty when the release is sound.
pub fn validate(release: &Release) -> Vec<Problem> {
    let mut v = Validator::default();
    sizes(&mut v, release);
    if release.id.is_empty() || !release.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        v.problem("id", format!("{:?} must be lowercase letters, digits and '-'", release.id));
    }
    if let Some(date) = &release.published {
        v.check("published", validate_date(date));
    }
    if let Some(date) = &release.revised {
        v.check("revised", validate_date(date));
    }
    if let Some(date) = &release.next_release {
        v.check("next_release", validate_date(date));
    }
    match (release.version, &release.revised) {
        (Some(0), _) => v.problem("version", "versions count from 1".into()),
        (Some(2..), None) => v.problem("revised", "a version after the first says when it was published (revised)".into()),
        _ => {}
    }
    v.check("period", release.period.validate().and_then(|()| four_digit_year(&release.period)));

    let sections = v.unique_ids("sections", release.sections.iter().map(|s| s.id.as_str()));
    let sentences = v.unique_ids("sentences", release.sentences.iter().map(|s| s.id.as_str()));
    let facts = v.unique_ids("facts", release.facts.iter().map(|f| f.id.as_str()));
    let footnotes = v.unique_ids("footnotes", release.footnotes.iter().map(|f| f.id.as_str()));
    let breakdowns = v.unique_ids("breakdowns", release.breakdowns.iter().map(|b| b.id.as_str()));
    v.unique_ids("ratios", release.ratios.iter().map(|r| r.id.as_str()));
    v.unique_ids("series", release.series.iter().map(|s| s.id.as_str()));
    v.unique_ids("tables", release.tables.iter().map(|t| t.id.as_str()));

    for (i, sentence) in release.sentences.iter().enumerate() {
        v.refers(&format!("sentences[{i}].section"), &sentence.section, &sections, "section");
        if let Some(span) = sentence.span.filter(|s| s.start > s.end) {
            v.problem(&format!("sentences[{i}].span"), format!("starts at {} after it ends at {}", span.start, span.end));
        }
    }
    for (i, fact) in release.facts.iter().enumerate() {
        let at = format!("facts[{i}]");
        if fact.name.trim().is_empty() {
            v.problem(&format!("{at}.name"), "is empty".into());
        }
        if let Some(sentence) = &fact.sentence {
            v.refers(&format!("{at}.sentence"), sentence, &sentences, "sentence");
        }
        if let Some(period) = &fact.period {
            v.check(&format!("{at}.period"), period.validate().and_then(|()| four_digit_year(period)));
        }
        for (j, footnote) in fact.footnotes.iter().enumerate() {
            v.refers(&format!("{at}.footnotes[{j}]"), footnote, &footnotes, "footnote");
        }
        if let Some(share) = &fact.share {
            v.refers(&format!("{at}.share.of"), &share.of, &facts, "fact");
        }
        if let Some(contribution) = &fact.contribution {
            v.refers(&format!("{at}.contribution.to"), &contribution.to, &facts, "fact");
        }
        for (field, quantity) in [("value", &fact.value), ("increase", &fact.increase)] {
            if let Some(decimals) = quantity.as_ref().and_then(|q| q.decimals) {
                v.check(&format!("{at}.{field}.decimals"), kept_decimals(decimals));
            }
        }
        if fact.value.is_none() && fact.growth.is_none() && fact.increase.is_none() && fact.share.is_none() {
            v.problem(&at, format!("fact {:?} states no value, growth, increase or share", fact.id));
        }
    }
    for (i, breakdown) in release.breakdowns.iter().enumerate() {
        let at = format!("breakdowns[{i}]");
        v.refers(&format!("{at}.total"), &breakdown.total, &facts, "fact");
        if breakdown.parts.is_empty() {
            v.problem(&format!("{at}.parts"), "has no parts".into());
        }
        for (j, part) in breakdown.parts.iter().enumerate() {
            v.refers(&format!("{at}.parts[{j}]"), part, &facts, "fact");
            if *part == breakdown.total {
                v.problem(&format!("{at}.parts[{j}]"), format!("{part:?} is also the total"));
            }
        }
    }
    for (i, ratio) in release.ratios.iter().enumerate() {
        let at = format!("ratios[{i}]");
        if ratio.terms.len() < 2 || ratio.terms.len() != ratio.labels.len() {
            v.problem(&at, format!("needs two or more terms, one label each; has {} terms and {} labels", ratio.terms.len(), ratio.labels.len()));
        }
        if let Some(sentence) = &ratio.sentence {
            v.refers(&format!("{at}.sentence"), sentence, &sentences, "sentence");
        }
        if let Some(id) = &ratio.breakdown {
            if v.refers(&format!("{at}.breakdown"), id, &breakdowns, "breakdown") {
                let parts = release.breakdowns.iter().find(|b| &b.id == id).map_or(0, |b| b.parts.len());
                if parts != ratio.terms.len() {
                    v.problem(&format!("{at}.breakdown"), format!("breakdown {id:?} has {parts} parts but the ratio has {} terms", ratio.terms.len()));
                }
            }
        }
    }
    for (i, series) in release.series.iter().enumerate() {
        let at = format!("series[{i}]");
        if series.points.is_empty() {
            v.problem(&format!("{at}.points"), "has no points".into());
        }
        for (j, point) in series.points.iter().enumerate() {
            v.refers(&format!("{at}.points[{j}]"), point, &facts, "fact");
        }
        if let Some(target) = &series.target {
            v.refers(&format!("{at}.target"), target, &facts, "fact");
        }
    }
    for (i, table) in release.tables.iter().enumerate() {
        validate_table(&mut v, &format!("tables[{i}]"), table, &Known { sections: &sections, sentences: &sentences, facts: &facts });
    }
    v.problems
}

/// The counts that bound the work of checking and computing ([`MAX_FACTS`], [`MAX_MEMBERS`],
/// [`MAX_ROWS`]).
fn sizes(v: &mut Validator, release: &Release) {
    let mut most = |path: String, what: &str, count: usize, limit: usize| {
        if count > limit {
            v.problem(&path, format!("has {count} {what}, more than the {limit} a release may have"));
        }
    };
    most("facts".into(), "facts", release.facts.len(), MAX_FACTS);
    for (i, b) in release.breakdowns.iter().enumerate() {
        most(format!("breakdowns[{i}].parts"), "parts", b.parts.len(), MAX_MEMBERS);
    }
    for (i, s) in release.series.iter().enumerate() {
        most(format!("series[{i}].points"), "points", s.points.len(), MAX_MEMBERS);
    }
    for (i, r) in release.ratios.iter().enumerate() {
        most(format!("ratios[{i}].terms"), "terms", r.terms.len(), MAX_MEMBERS);
        most(format!("ratios[{i}].labels"), "labels", r.labels.len(), MAX_MEMBERS);
    }
    for (i, t) in release.tables.iter().enumerate() {
        most(format!("tables[{i}].rows"), "rows", t.rows.len(), MAX_ROWS);
        most(format!("tables[{i}].columns"), "columns", t.columns.len(), MAX_MEMBERS);
    }
    let members = release.breakdowns.iter().map(|b| b.parts.len()).chain(release.series.iter().map(|s| s.points.len())).sum();
    most("breakdowns".into(), "breakdown parts and series points in all", members, MAX_FACTS);
    most("tables".into(), "table rows in all", release.tables.iter().map(|t| t.rows.len()).sum(), MAX_FACTS);
}

fn validate_table(v: &mut Validator, at: &str, table: &Table, known: &Known) {
    let Known { sections, sentences, facts } = known;
    if let Some(section) = &table.section {
        v.refers(&format!("{at}.section"), section, sections, "section");
    }
    if let Some(sentence) = &table.sentence {
        v.refers(&format!("{at}.sentence"), sentence, sentences, "sentence");
    }
    let columns = v.unique_ids(&format!("{at}.columns"), table.columns.iter().map(|c| c.id.as_str()));
    let rows = v.unique_ids(&format!("{at}.rows"), table.rows.iter().map(|r| r.id.as_str()));
    let numeric: HashSet<String> = table
        .columns
        .iter()
        .filter(|c| matches!(c.kind, ColumnKind::Quantity { .. } | ColumnKind::Sum { .. }))
        .map(|c| c.id.clone())
        .collect();
    if table.columns.iter().filter(|c| c.kind == ColumnKind::Unit).count() > 1 {
        v.problem(&format!("{at}.columns"), "has more than one unit column".into());
    }
    if let Some(target) = &table.target {
        let is_rate = table.column(&target.column).is_some_and(|c| matches!(c.kind, ColumnKind::Rate { .. } | ColumnKind::Growth));
        if !is_rate {
            v.problem(&format!("{at}.target.column"), format!("{:?} is not a rate column of this table", target.column));
        }
        v.refers(&format!("{at}.target.fact"), &target.fact, facts, "fact");
    }
    for (j, column) in table.columns.iter().enumerate() {
        if let Some(decimals) = column.decimals {
            v.check(&format!("{at}.columns[{j}].decimals"), kept_decimals(decimals));
        }
        let operands: Vec<&String> = match &column.kind {
            ColumnKind::Rate { numerator, denominator } => numerator.iter().chain(denominator).collect(),
            ColumnKind::Sum { of, .. } => of.iter().collect(),
            _ => continue,
        };
        for operand in operands {
            if !numeric.contains(operand) {
                v.problem(&format!("{at}.columns[{j}]"), format!("refers to {operand:?}, which is not a quantity column of this table"));
            }
        }
    }
    let parents: HashMap<&str, Option<&str>> = table.rows.iter().map(|r| (r.id.as_str(), r.parent.as_deref())).collect();
    let endless = endless(&parents);
    for (j, row) in table.rows.iter().enumerate() {
        let row_at = format!("{at}.rows[{j}]");
        if let Some(parent) = &row.parent {
            if v.refers(&format!("{row_at}.parent"), parent, &rows, "row") && endless.contains(row.id.as_str()) {
                v.problem(&format!("{row_at}.parent"), format!("row {:?} is its own ancestor", row.id));
            }
        }
        for (column_id, text) in &row.cells {
            let cell_at = format!("{row_at}.cells.{column_id}");
            if !columns.contains(column_id) {
                v.problem(&cell_at, format!("no column {column_id:?} in this table"));
                continue;
            }
            let numbers = table.column(column_id).is_some_and(|c| !matches!(c.kind, ColumnKind::Text | ColumnKind::Unit));
            if numbers {
                if let Err(message) = read_cell(text) {
                    v.problem(&cell_at, message);
                }
            }
        }
    }
}

/// A period's year has four digits, as in its dates and its JSON-stat time code (`2023`,
/// `2023-02`): a year such as 212 would be exported as a code nothing reads back.
fn four_digit_year(period: &Period) -> Result<(), String> {
    match period {
        Period::Year { year } | Period::Month { year, .. } | Period::Cumulative { year, .. } if !(1000..=9999).contains(year) => {
            Err(format!("year {year} is not a year of four digits"))
        }
        _ => Ok(()),
    }
}

/// `decimals` (the decimals a figure is kept to) within what an exact decimal keeps: more would
/// be a keying slip, and JSON-stat (`unit.decimals`) could not carry it.
fn kept_decimals(decimals: u32) -> Result<(), String> {
    if decimals <= rust_decimal::Decimal::MAX_SCALE {
        Ok(())
    } else {
        Err(format!("{decimals} is more decimals than the {} a figure can keep", rust_decimal::Decimal::MAX_SCALE))
    }
}

/// The ids a table may refer to.
struct Known<'a> {
    sections: &'a HashSet<String>,
    sentences: &'a HashSet<String>,
    facts: &'a HashSet<String>,
}

/// The rows whose line of parents never ends: on a cycle of parent links, or leading into one.
/// Each row is walked over once in all, so a chain of rows costs its length, not its square
/// (walking up from every row took minutes for a chain of 60 000 rows).
fn endless<'a>(parents: &HashMap<&'a str, Option<&'a str>>) -> HashSet<&'a str> {
    let (mut endless, mut ends) = (HashSet::new(), HashSet::new());
    for &start in parents.keys() {
        let (mut path, mut on_path) = (Vec::new(), HashSet::new());
        let mut current = Some(start);
        let forever = loop {
            match current {
                None => break false,
                Some(id) if ends.contains(id) => break false,
                Some(id) if endless.contains(id) || !on_path.insert(id) => break true,
                Some(id) => {
                    path.push(id);
                    current = parents.get(id).copied().flatten();
                }
            }
        };
        if forever { endless.extend(path) } else { ends.extend(path) }
    }
    endless
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn problem(&mut self, path: &str, message: String) {
        self.problems.push(Problem { path: path.to_owned(), message });
    }

    fn check(&mut self, path: &str, result: Result<(), String>) {
        if let Err(message) = result {
            self.problem(path, message);
        }
    }

    /// Collects ids, reporting each repeat and each empty id.
    fn unique_ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<String> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.problem(&format!("{list}[{i}].id"), "is empty".into());
            } else if !seen.insert(id.to_owned()) {
                self.problem(&format!("{list}[{i}].id"), format!("{id:?} is used twice"));
            }
        }
        seen
    }

    fn refers(&mut self, path: &str, id: &str, known: &HashSet<String>, what: &str) -> bool {
        let found = known.contains(id);
        if !found {
            self.problem(path, format!("no {what} has id {id:?}"));
        }
        found
    }
}

/// Where each of `ids` is named in a JSON draft: the characters (not bytes) of the value of its
/// first `"id"` key, found in one pass over the text; ids not named are left out. The staff
/// preview selects them in the draft.
pub fn id_spans<'a>(text: &str, ids: impl IntoIterator<Item = &'a str>) -> HashMap<&'a str, Span> {
    let wanted: HashMap<&str, ()> = ids.into_iter().map(|id| (id, ())).collect();
    // Byte ranges of each wanted id's first `"id": "…"`.
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    let mut seen: HashMap<&str, ()> = HashMap::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|rest| rest.find("\"id\"")) {
        let key_end = from + at + 4;
        from = key_end;
        let mut i = key_end;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if bytes.get(i) != Some(&b':') {
            continue;
        }
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'"') {
            continue;
        }
        let start = i + 1;
        let Some(len) = text.get(start..).and_then(|rest| rest.find('"')) else { break };
        let Some(value) = text.get(start..start + len) else { continue };
        if let Some((&id, _)) = wanted.get_key_value(value) {
            if seen.insert(id, ()).is_none() {
                found.push((start, start + len, id));
            }
        }
        from = start + len;
    }
    // Bytes → characters, walking the text once.
    found.sort_unstable();
    let mut anchors = HashMap::new();
    let (mut byte, mut chars) = (0, 0);
    for (start, end, id) in found {
        chars += text.get(byte..start).map_or(0, |s| s.chars().count());
        let start_char = chars;
        chars += text.get(start..end).map_or(0, |s| s.chars().count());
        byte = end;
        anchors.insert(id, Span { start: start_char, end: chars });
    }
    anchors
}

#[cfg(test)]
mod id_span_tests {
    use super::id_spans;
    use crate::release::Span;

    #[test]
    fn the_first_id_value_of_each_wanted_id_in_characters() {
        let text = "{\"id\": \"二〇二二\", \"facts\": [{\"id\" : \"gdp\"}, {\"id\":\"gdp\"}, {\"name\": \"id\"}, {\"id\": 3}]}";
        let spans = id_spans(text, ["gdp", "二〇二二", "missing"]);
        assert_eq!(spans.get("二〇二二"), Some(&Span { start: 8, end: 12 }));
        let gdp = spans["gdp"];
        assert_eq!(text.chars().skip(gdp.start).take(gdp.end - gdp.start).collect::<String>(), "gdp");
        assert_eq!(gdp.start, text.chars().position(|c| c == 'g').unwrap(), "the first one");
        assert!(!spans.contains_key("missing"));
    }

    #[test]
    fn broken_json_gives_what_it_can_and_never_panics() {
        assert!(id_spans("{\"id\": \"open", ["open"]).is_empty());
        assert!(id_spans("\"id\"", ["x"]).is_empty());
        assert_eq!(id_spans("\"id\":\"a\"\"id\":", ["a"]).len(), 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
        "id": "t", "title": "测试", "publishers": ["西夏区统计局"],
        "period": {"kind": "year", "year": 2022}, "status": "preliminary",
        "source": {"document": "测试"},
        "facts": [
            {"id": "a", "name": "甲", "value": {"amount": "1.5", "unit": "亿元"}},
            {"id": "b", "name": "乙", "value": {"amount": "2", "unit": "亿元"}}
        ]
    }"#;

    fn error_text(json: &str) -> String {
        from_json(json, "draft.json").unwrap_err().to_string()
    }

    #[test]
    fn a_minimal_release_loads() {
        let release = from_json(MINIMAL, "draft.json").unwrap();
        assert_eq!(release.facts[0].value.as_ref().unwrap().amount.to_string(), "1.5");
    }

    #[test]
    fn errors_name_the_field_and_line() {
        let float = MINIMAL.replace(r#""amount": "1.5""#, r#""amount": 1.5"#);
        let text = error_text(&float);
        assert!(text.contains("field `facts[0].value.amount`"), "{text}");
        assert!(text.contains("line 6"), "{text}");
        assert!(text.contains("a decimal written as a JSON string"), "{text}");

        let typo = MINIMAL.replace(r#""name": "乙""#, r#""nmae": "乙""#);
        assert!(error_text(&typo).contains("field `facts[1].nmae`"), "{}", error_text(&typo));

        let truncated = &MINIMAL[..MINIMAL.rfind(']').unwrap()];
        assert!(error_text(truncated).contains("not valid JSON"));
    }

    #[test]
    fn dangling_references_are_all_listed() {
        let json = MINIMAL.replace(
            r#""facts": ["#,
            r#""breakdowns": [{"id": "x", "name": "x", "kind": "exhaustive", "total": "zz", "parts": ["a", "yy"]}],
            "facts": ["#,
        );
        let text = error_text(&json);
        assert!(text.contains("2 problem(s)"), "{text}");
        assert!(text.contains("field `breakdowns[0].total`: no fact has id \"zz\""), "{text}");
        assert!(text.contains("field `breakdowns[0].parts[1]`: no fact has id \"yy\""), "{text}");
    }

    #[test]
    fn duplicate_ids_and_bad_dates_are_refused() {
        let json = MINIMAL.replace(r#""id": "b""#, r#""id": "a""#).replace(r#""status""#, r#""published": "2023-02-30", "status""#);
        let text = error_text(&json);
        assert!(text.contains("field `facts[1].id`: \"a\" is used twice"), "{text}");
        assert!(text.contains("field `published`"), "{text}");
    }

    #[test]
    fn a_missing_top_level_field_is_named() {
        let text = error_text(&MINIMAL.replace(r#""status": "preliminary","#, ""));
        assert!(text.contains("field `(top level)`: missing field `status`"), "{text}");
    }

    #[test]
    fn years_have_four_digits() {
        // Found by the `jsonstat` fuzz target: year 212 loaded, and its JSON-stat export did not
        // read back.
        for year in ["212", "-5", "10000"] {
            let text = error_text(&MINIMAL.replace(r#""year": 2022"#, &format!(r#""year": {year}"#)));
            assert!(text.contains(&format!("field `period`: year {year} is not a year of four digits")), "{text}");
        }
        let fact_period = MINIMAL.replace(r#""name": "甲","#, r#""name": "甲", "period": {"kind": "month", "year": 999, "month": 1},"#);
        assert!(error_text(&fact_period).contains("field `facts[0].period`: year 999"), "{}", error_text(&fact_period));
        assert!(from_json(&MINIMAL.replace(r#""year": 2022"#, r#""year": 1000"#), "draft.json").is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        // From tests/bad-input/encoding-utf8-bom.json: it was "line 1, column 1: not valid JSON:
        // expected value".
        let release = from_json(&format!("\u{feff}{MINIMAL}"), "draft.json").unwrap();
        assert_eq!(release, from_json(MINIMAL, "draft.json").unwrap());
    }

    #[test]
    fn a_top_level_array_is_named_as_such() {
        // From tests/bad-input/top-level-array.json: it was "field `[0]`: invalid type: map,
        // expected a string".
        let text = error_text(&format!("\n  [{MINIMAL}]"));
        assert_eq!(text, "draft.json: line 2, column 3: field `(top level)`: is an array; a release is one JSON object, `{\"id\": …, \"facts\": […]}`");
        assert!(error_text(r#"["t", "测试"]"#).contains("is an array"));
    }

    #[test]
    fn decimals_beyond_what_a_decimal_keeps_are_refused() {
        // From tests/bad-input/number-decimals-huge.json: `"decimals": 4000000000` loaded, and its
        // JSON-stat export did not read back.
        let json = MINIMAL.replace(r#""amount": "2", "unit": "亿元""#, r#""amount": "2", "unit": "亿元", "decimals": 29"#);
        assert!(error_text(&json).contains("field `facts[1].value.decimals`: 29 is more decimals than the 28 a figure can keep"), "{}", error_text(&json));
        assert!(from_json(&json.replace("29", "28"), "draft.json").is_ok());
    }

    #[test]
    fn a_long_chain_of_parent_rows_is_validated_in_linear_time() {
        // Walking up from every row of a chain of 10 000 rows took 21 s in a debug build (60 000
        // fit in MAX_BYTES: minutes).
        let rows: Vec<String> = (0..MAX_ROWS).map(|i| format!(r#"{{"id": "r{i}", "label": "行", "parent": "r{}", "cells": {{}}}}"#, i.max(1) - 1)).collect();
        let table = format!(r#""tables": [{{"id": "t", "title": "表", "columns": [], "rows": [{}]}}], "facts""#, rows.join(","));
        let json = MINIMAL.replace(r#""facts""#, &table);
        let start = std::time::Instant::now();
        let text = error_text(&json);
        assert!(start.elapsed() < std::time::Duration::from_secs(2), "{:?}", start.elapsed());
        // r0 is its own parent, so every row leads into that cycle.
        assert!(text.contains(&format!("{} problem(s)", MAX_ROWS)), "{}", &text[..200]);
        assert!(from_json(&json.replace(r#""parent": "r0", "cells": {}},{"id": "r1""#, r#""cells": {}},{"id": "r1""#), "t.json").is_ok());
    }

    #[test]
    fn counts_past_the_limits_are_refused() {
        let facts: Vec<String> = (0..=MAX_FACTS).map(|i| format!(r#"{{"id": "f{i}", "name": "指标", "value": {{"amount": "1", "unit": ""}}}}"#)).collect();
        let json = MINIMAL.replace(r#""facts": ["#, &format!(r#""facts": [{}, "#, facts.join(",")));
        assert!(error_text(&json).contains("field `facts`: has 10003 facts, more than the 10000 a release may have"), "{}", &error_text(&json)[..300]);
        let parts = vec![r#""a""#; MAX_MEMBERS + 1].join(",");
        let json = MINIMAL.replace(r#""facts""#, &format!(r#""breakdowns": [{{"id": "x", "name": "x", "kind": "partial", "total": "b", "parts": [{parts}]}}], "facts""#));
        assert!(error_text(&json).contains("field `breakdowns[0].parts`: has 1001 parts, more than the 1000 a release may have"), "{}", error_text(&json));
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let big = " ".repeat(MAX_BYTES + 1);
        assert!(matches!(from_json(&big, "big").unwrap_err().kind(), ErrorKind::TooLarge { .. }));
    }
}
