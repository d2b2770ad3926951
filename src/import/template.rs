//! The CSV template for drafts (`docs/import.md`, "CSV template"; an example in
//! `www/data/template.csv`): a few key/value rows for the release (标题, 时期, 发布单位, 状态), then
//! a header row and one row per indicator.
//!
//! Every row read becomes a [`Sentence`] whose text is the row as written and whose span is where
//! the row is in the input, so a finding about a fact can point at its row. [`to_csv`] writes a
//! release back into the template.
//!
//! What stops the import and what does not:
//! - An [`ErrorKind::Import`] naming the row and column: a figure that is not a number, a 时期,
//!   比较基础, 价格 or 分组类型 not understood, a 上级指标 or 占比总体 naming no indicator of the
//!   draft, an indicator stated twice, no header row, no 时期 for the release. A figure read
//!   wrongly would be charted and checked as if it were right, so these are never skipped.
//! - [`Report::unparsed`]: a row with figures but no indicator name, a row of an indicator with no
//!   figure at all, a key/value row above the header with a key not understood. The rest is read.
//! - [`Report::notes`]: defaults taken (比较基础 from the period, 分组类型 其中, a missing 状态),
//!   columns ignored.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::{Report, Unparsed};
use crate::error::{Error, ErrorKind};
use crate::fact::{Contribution, Fact, Gap, Growth, GrowthBasis, GrowthForm, Prices, Quantity, StatedRank, StatedShare};
use crate::release::{Period, Release, Section, Sentence, Source, Span, Status};
use crate::structure::{Breakdown, BreakdownKind, StructureRatio};
use crate::unit::Unit;

/// The template's columns, in the order [`to_csv`] writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Col {
    Section,
    Name,
    Period,
    Value,
    Unit,
    Growth,
    Basis,
    Prices,
    Increase,
    IncreaseUnit,
    Share,
    ShareOf,
    Gaps,
    Ranks,
    Contribution,
    Parent,
    Group,
    GroupKind,
    Note,
}

/// Each column's header as written, and the other names it is known by (compared after
/// [`header_key`]: no spaces, half-width brackets, no "(%)").
const COLUMNS: &[(Col, &str, &[&str])] = &[
    (Col::Section, "章节", &["章节", "章", "部分", "栏目"]),
    (Col::Name, "指标", &["指标", "指标名称", "名称", "项目"]),
    (Col::Period, "时期", &["时期", "报告期", "期间"]),
    (Col::Value, "数值", &["数值", "绝对值", "数量", "总量", "本期数", "值"]),
    (Col::Unit, "单位", &["单位", "计量单位"]),
    (Col::Growth, "增速(%)", &["增速", "增长", "增长率", "增幅", "比上年增长", "同比增长", "增减"]),
    (Col::Basis, "比较基础", &["比较基础", "比较", "基期", "对比"]),
    (Col::Prices, "价格", &["价格", "价格口径", "计价"]),
    (Col::Increase, "增加额", &["增加额", "增减额", "增量"]),
    (Col::IncreaseUnit, "增加额单位", &["增加额单位", "增减额单位", "增量单位"]),
    (Col::Share, "占比(%)", &["占比", "比重", "所占比重"]),
    (Col::ShareOf, "占比总体", &["占比总体", "占比对象", "总体"]),
    (Col::Gaps, "地区比较", &["地区比较", "与其他地区比较", "差距", "高于低于"]),
    (Col::Ranks, "排名", &["排名", "位次", "排位"]),
    (Col::Contribution, "拉动", &["拉动", "拉动增长", "贡献"]),
    (Col::Parent, "上级指标", &["上级指标", "上级", "所属指标"]),
    (Col::Group, "分组", &["分组", "分组名称"]),
    (Col::GroupKind, "分组类型", &["分组类型", "类型"]),
    (Col::Note, "备注", &["备注", "说明", "注"]),
];

/// The key/value rows above the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meta {
    Title,
    Period,
    Publishers,
    Status,
    Published,
    Document,
    SourceNote,
}

const META: &[(Meta, &str, &[&str])] = &[
    (Meta::Title, "标题", &["标题", "名称", "题目"]),
    (Meta::Period, "时期", &["时期", "报告期"]),
    (Meta::Publishers, "发布单位", &["发布单位", "发布机关", "发布", "编制单位"]),
    (Meta::Status, "状态", &["状态", "数据状态"]),
    (Meta::Published, "发布日期", &["发布日期", "日期"]),
    (Meta::Document, "刊载", &["刊载", "出处", "来源文件"]),
    (Meta::SourceNote, "资料来源", &["资料来源", "数据来源"]),
];

/// How many rows [`looks_like`] reads looking for the header.
const HEADER_SEARCH_ROWS: usize = 40;

/// A header cell or key as compared: no whitespace (full-width included), half-width brackets and
/// percent sign, the "(%)" or "%" of a percent column dropped.
fn header_key(cell: &str) -> String {
    let mut key: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && *c != crate::load::BOM)
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '％' => '%',
            '：' => ':',
            c => c,
        })
        .collect();
    for suffix in ["(%)", "%", "()", ":"] {
        if let Some(stripped) = key.strip_suffix(suffix) {
            key = stripped.to_owned();
        }
    }
    key
}

fn column_of(cell: &str) -> Option<Col> {
    let key = header_key(cell);
    COLUMNS.iter().find(|(_, _, names)| names.contains(&key.as_str())).map(|(col, ..)| *col)
}

fn meta_of(cell: &str) -> Option<Meta> {
    let key = header_key(cell);
    META.iter().find(|(_, _, names)| names.contains(&key.as_str())).map(|(meta, ..)| *meta)
}

/// Whether a row is the template's header: it names the 指标 column and the 数值 or 增速 column.
fn is_header(record: &csv::StringRecord) -> bool {
    let cols: Vec<Option<Col>> = record.iter().map(column_of).collect();
    cols.contains(&Some(Col::Name)) && (cols.contains(&Some(Col::Value)) || cols.contains(&Some(Col::Growth)))
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

fn reader(body: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(body.as_bytes())
}

/// Whether `input` is the template: within its first rows, after key/value rows (标题, 时期, …),
/// blank rows and rows of one cell only (a title typed above the table), a header row naming the
/// 指标 and 数值 (or 增速) columns.
///
/// ```
/// use xixia_stats::import::template::looks_like;
/// assert!(looks_like("标题,西夏区统计公报\n时期,2022年\n\n章节,指标,数值,单位\n"));
/// assert!(!looks_like("2022年，西夏区实现地区生产总值489.91亿元。"));
/// ```
pub fn looks_like(input: &str) -> bool {
    let body = input.strip_prefix(crate::load::BOM).unwrap_or(input);
    let mut rdr = reader(body);
    for record in rdr.records().take(HEADER_SEARCH_ROWS) {
        let Ok(record) = record else { return false };
        if is_header(&record) {
            return true;
        }
        let single = record.iter().filter(|cell| !cell.trim().is_empty()).count() <= 1;
        if !single && record.get(0).and_then(meta_of).is_none() {
            return false;
        }
    }
    false
}

/// One row of the CSV as read: its cells, its line, its text and where it is.
struct Row {
    record: csv::StringRecord,
    line: u64,
    text: String,
    span: Span,
}

/// Reads the rows with their spans in characters of `input` (a byte-order mark counts as one).
fn rows(input: &str, origin: &str) -> Result<Vec<Row>, Error> {
    let (body, base) = match input.strip_prefix(crate::load::BOM) {
        Some(body) => (body, 1),
        None => (input, 0),
    };
    let mut rdr = reader(body);
    let mut rows = Vec::new();
    let (mut counted_byte, mut counted_chars) = (0usize, base);
    let mut chars_at = |byte: usize| -> usize {
        if byte >= counted_byte {
            counted_chars += body.get(counted_byte..byte).map_or(0, |s| s.chars().count());
            counted_byte = byte;
        }
        counted_chars
    };
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => {
                let line = err.position().map_or(rows.len() as u64 + 1, |p| p.line());
                return Err(import_error(origin, format!("第{line}行"), format!("不是可读的CSV：{err}")));
            }
        }
        let (start, line) = record.position().map_or((0, 0), |p| (usize::try_from(p.byte()).unwrap_or(0), p.line()));
        let end = usize::try_from(rdr.position().byte()).unwrap_or(body.len()).min(body.len());
        let text = body.get(start..end).unwrap_or("").trim_end_matches(['\r', '\n']);
        let (start_char, text) = (chars_at(start), text.to_owned());
        let end_char = start_char + text.chars().count();
        rows.push(Row { record: record.clone(), line, text, span: Span { start: start_char, end: end_char } });
    }
    Ok(rows)
}

fn import_error(origin: &str, place: String, message: String) -> Error {
    ErrorKind::Import { origin: origin.to_owned(), place, message }.into()
}

/// The ids, English names and breakdown ids of the bundled releases, so a draft's indicators keep
/// the ids the catalogue's charts and the diff know them by.
#[derive(Default)]
struct Known {
    /// (name, period as printed) → (id, English name); then name alone.
    by_name_period: HashMap<(String, String, String), (String, Option<String>)>,
    by_name: HashMap<String, (String, Option<String>)>,
    /// (total id, breakdown name) → breakdown id.
    breakdowns: HashMap<(String, String), String>,
    /// comparator (自治区) → English; rank scope (全区) → English.
    comparators: HashMap<String, String>,
    scopes: HashMap<String, String>,
    /// ratio name → (id, English name, English labels).
    ratios: HashMap<String, (String, Option<String>, Vec<String>)>,
}

impl Known {
    /// Read once: the bundled releases do not change.
    fn bundled() -> &'static Known {
        static KNOWN: std::sync::OnceLock<Known> = std::sync::OnceLock::new();
        KNOWN.get_or_init(Known::read)
    }

    fn read() -> Known {
        let mut known = Known::default();
        // The indicator registry's names and other names are its indicators' ids.
        for (name, indicator) in crate::bundled::registry().names() {
            known.by_name.entry(name.to_owned()).or_insert_with(|| (indicator.id.clone(), indicator.name_en.clone()));
        }
        for release in crate::bundled::all().unwrap_or_default() {
            for fact in &release.facts {
                let entry = (fact.id.clone(), fact.name_en.clone());
                known.by_name_period.entry((fact.name.clone(), period_key(release.period_of(fact)), fact.note.clone().unwrap_or_default())).or_insert_with(|| entry.clone());
                known.by_name.entry(fact.name.clone()).or_insert(entry);
                for gap in &fact.gaps {
                    if let Some(en) = &gap.comparator_en {
                        known.comparators.entry(gap.comparator.clone()).or_insert_with(|| en.clone());
                    }
                }
                for rank in &fact.ranks {
                    if let Some(en) = &rank.scope_en {
                        known.scopes.entry(rank.scope.clone()).or_insert_with(|| en.clone());
                    }
                }
            }
            for b in &release.breakdowns {
                known.breakdowns.entry((b.total.clone(), b.name.clone())).or_insert_with(|| b.id.clone());
            }
            for r in &release.ratios {
                known.ratios.entry(r.name.clone()).or_insert_with(|| (r.id.clone(), r.name_en.clone(), r.labels_en.clone()));
            }
        }
        known
    }
}

/// A breakdown membership as a row states it, resolved once every row is read.
struct Membership {
    line: u64,
    part: usize,
    parent: String,
    group: String,
    kind: Option<BreakdownKind>,
    header: String,
}

/// A stated share, resolved once every row is read.
struct PendingShare {
    line: u64,
    fact: usize,
    percent: Decimal,
    of: String,
    header: String,
}

/// A stated contribution to another fact's growth, resolved once every row is read.
struct PendingContribution {
    line: u64,
    fact: usize,
    to: String,
    points: Decimal,
    header: String,
}

/// A structure ratio row.
struct PendingRatio {
    line: u64,
    name: String,
    terms: Vec<Decimal>,
    labels: Vec<String>,
    breakdown: Option<(String, String)>,
    sentence: String,
}

/// Reads a CSV draft into a release.
///
/// ```
/// use xixia_stats::import::template;
/// let csv = "标题,西夏区2022年统计公报\n时期,2022年\n章节,指标,数值,单位,增速(%),比较基础,价格\n一、综合,地区生产总值,489.91,亿元,8.3,比上年,可比价\n";
/// let (release, report) = template::import(csv, "draft.csv").unwrap();
/// assert_eq!(release.facts[0].id, "gdp"); // the bundled bulletin's id for 地区生产总值
/// assert_eq!(release.facts[0].growth.as_ref().unwrap().to_string(), "增长8.3%");
/// assert!(report.unparsed.is_empty());
///
/// let bad = "时期,2022年\n指标,数值,单位,增速(%)\n地区生产总值,489.91,亿元,增长八\n";
/// let err = template::import(bad, "draft.csv").unwrap_err();
/// assert_eq!(err.to_string(), "draft.csv: 第3行「增速(%)」列: 「增长八」不是数字");
/// ```
pub fn import(input: &str, origin: &str) -> Result<(Release, Report), Error> {
    if input.len() > crate::load::MAX_BYTES {
        return Err(ErrorKind::TooLarge { origin: origin.to_owned(), bytes: input.len(), limit: crate::load::MAX_BYTES }.into());
    }
    let rows = rows(input, origin)?;
    if rows.iter().all(|row| is_blank(&row.record)) {
        return Err(import_error(origin, "第1行".into(), "CSV 是空的".into()));
    }
    let Some(header_at) = rows.iter().position(|row| is_header(&row.record)) else {
        return Err(import_error(origin, "第1行".into(), "找不到表头行：表头需有「指标」列和「数值」或「增速(%)」列".into()));
    };
    let mut report = Report::default();
    let mut reader = Reader { origin, known: Known::bundled(), report: &mut report };
    let meta = reader.meta(&rows[..header_at])?;
    let header = &rows[header_at];
    let columns = reader.columns(header);
    let mut draft = Draft::new(meta);
    for row in &rows[header_at + 1..] {
        reader.row(row, &columns, &mut draft)?;
    }
    let release = reader.finish(draft)?;
    let problems = crate::load::validate(&release);
    if !problems.is_empty() {
        return Err(ErrorKind::Invalid { origin: origin.to_owned(), problems }.into());
    }
    Ok((release, report))
}

/// The release being built.
struct Draft {
    release: Release,
    ids: HashSet<String>,
    /// (name, period key, note) → fact index: a qualifier (扣除留抵退税因素后) makes another fact.
    facts: HashMap<(String, String, String), usize>,
    section: Option<String>,
    memberships: Vec<Membership>,
    shares: Vec<PendingShare>,
    contributions: Vec<PendingContribution>,
    ratios: Vec<PendingRatio>,
}

impl Draft {
    fn new(release: Release) -> Draft {
        Draft { release, ids: HashSet::new(), facts: HashMap::new(), section: None, memberships: Vec::new(), shares: Vec::new(), contributions: Vec::new(), ratios: Vec::new() }
    }

    /// The id of the section titled `title`, made if new; a row with no 章节 stays in the last one.
    fn section(&mut self, title: &str) -> String {
        let title = title.trim();
        if title.is_empty() {
            if let Some(id) = &self.section {
                return id.clone();
            }
        }
        let title = if title.is_empty() { "全文" } else { title };
        let id = match self.release.sections.iter().find(|s| s.title == title) {
            Some(section) => section.id.clone(),
            None => {
                let id = format!("s{}", self.release.sections.len() + 1);
                self.release.sections.push(Section { id: id.clone(), title: title.to_owned(), title_en: None });
                id
            }
        };
        self.section = Some(id.clone());
        id
    }

    fn unique_id(&mut self, wanted: Option<String>, fallback: String) -> String {
        let id = match wanted {
            Some(id) if !self.ids.contains(&id) => id,
            _ => {
                let mut id = fallback;
                while self.ids.contains(&id) {
                    id.push('x');
                }
                id
            }
        };
        self.ids.insert(id.clone());
        id
    }

    /// The fact named `name` in `period` (as printed), else the only fact so named.
    fn find(&self, name: &str, period: &str) -> Result<usize, String> {
        let in_period: Vec<usize> = self.facts.iter().filter(|((n, p, _), _)| n == name && p == period).map(|(_, at)| *at).collect();
        let plain = in_period.iter().copied().filter(|at| self.release.facts.get(*at).is_some_and(|f| f.note.is_none())).collect::<Vec<_>>();
        match (in_period.as_slice(), plain.as_slice()) {
            ([at], _) | (_, [at]) => return Ok(*at),
            _ => {}
        }
        let named: Vec<usize> = self.release.facts.iter().enumerate().filter(|(_, f)| f.name == name).map(|(i, _)| i).collect();
        match named.as_slice() {
            [at] => Ok(*at),
            [] => Err(format!("没有名为「{name}」的指标")),
            _ => Err(format!("名为「{name}」的指标有{}个，时期各不相同，须与本行时期相同", named.len())),
        }
    }
}

struct Reader<'a> {
    origin: &'a str,
    known: &'static Known,
    report: &'a mut Report,
}

/// A row's cells by column.
struct Cells<'r> {
    row: &'r Row,
    columns: &'r [(Col, usize, String)],
}

impl<'r> Cells<'r> {
    fn get(&self, col: Col) -> &'r str {
        self.columns.iter().find(|(c, ..)| *c == col).and_then(|(_, at, _)| self.row.record.get(*at)).map_or("", str::trim)
    }

    fn header(&self, col: Col) -> String {
        self.columns
            .iter()
            .find(|(c, ..)| *c == col)
            .map(|(_, _, h)| h.clone())
            .unwrap_or_else(|| COLUMNS.iter().find(|(c, ..)| *c == col).map_or("", |(_, h, _)| h).to_owned())
    }
}

impl Reader<'_> {
    fn error(&self, line: u64, header: &str, message: String) -> Error {
        import_error(self.origin, format!("第{line}行「{header}」列"), message)
    }

    fn unparsed(&mut self, row: &Row, reason: &str) {
        self.report.unparsed.push(Unparsed { span: row.span, text: row.text.clone(), reason: reason.to_owned() });
    }

    /// The key/value rows above the header into the release's metadata.
    fn meta(&mut self, rows: &[Row]) -> Result<Release, Error> {
        let (mut title, mut period, mut publishers, mut status, mut published, mut document, mut note) =
            (None, None, Vec::new(), None, None, None, None);
        for row in rows.iter().filter(|row| !is_blank(&row.record)) {
            let key = row.record.get(0).unwrap_or("");
            let value = row.record.iter().skip(1).map(str::trim).find(|v| !v.is_empty()).unwrap_or("").to_owned();
            let place = |what: &str| format!("第{}行「{what}」", row.line);
            match meta_of(key) {
                None if title.is_none() && row.record.iter().filter(|c| !c.trim().is_empty()).count() == 1 => {
                    let text = row.record.iter().map(str::trim).find(|c| !c.is_empty()).unwrap_or_default().to_owned();
                    self.report.notes.push(format!("第{}行「{text}」作为标题", row.line));
                    title = Some(text);
                }
                None => self.unparsed(row, "表头之前的行不是认得的说明项（标题、时期、发布单位、状态、发布日期、刊载、资料来源）"),
                Some(_) if value.is_empty() => self.report.notes.push(format!("{}没有填写，已忽略", place(key.trim()))),
                Some(Meta::Title) => title = Some(value),
                Some(Meta::Period) => {
                    let parsed = parse_period(&value).ok_or_else(|| {
                        import_error(self.origin, place(key.trim()), format!("「{value}」不是认得的时期（如 2022年、2023年1-11月、2023年2月、截至2023年2月28日）"))
                    })?;
                    period = Some(parsed);
                }
                Some(Meta::Publishers) => {
                    publishers = value.split(['、', '，', ',', ';', '；']).map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect();
                }
                Some(Meta::Status) => {
                    status = Some(parse_status(&value).ok_or_else(|| {
                        import_error(self.origin, place(key.trim()), format!("「{value}」不是认得的状态（初步统计数、修订数、最终数）"))
                    })?);
                }
                Some(Meta::Published) => {
                    let date = parse_date(&value).ok_or_else(|| import_error(self.origin, place(key.trim()), format!("「{value}」不是日期（如 2023-12-29）")))?;
                    published = Some(date);
                }
                Some(Meta::Document) => document = Some(value),
                Some(Meta::SourceNote) => note = Some(value),
            }
        }
        let period = period.ok_or_else(|| {
            import_error(self.origin, "表头之前".into(), "缺少「时期」行（如：时期,2022年），发布的时期决定每个指标的时期".into())
        })?;
        let title = title.unwrap_or_else(|| {
            self.report.notes.push("未写明标题，按「草稿」".into());
            "草稿".into()
        });
        let status = status.unwrap_or_else(|| {
            self.report.notes.push("未写明状态，按「初步统计数」".into());
            Status::Preliminary
        });
        Ok(Release {
            id: "draft".into(),
            kind: None,
            place: None,
            place_en: None,
            title,
            title_en: None,
            publishers,
            publishers_en: Vec::new(),
            period,
            published,
            version: None,
            revised: None,
            next_release: None,
            status,
            source: Source { document: document.unwrap_or_else(|| "CSV草稿".into()), document_en: None, file: None, note },
            footnotes: Vec::new(),
            sections: Vec::new(),
            sentences: Vec::new(),
            facts: Vec::new(),
            breakdowns: Vec::new(),
            ratios: Vec::new(),
            series: Vec::new(),
            tables: Vec::new(),
        })
    }

    /// The header's columns: (column, index, header as written). Unknown and repeated headers are
    /// noted and ignored.
    fn columns(&mut self, header: &Row) -> Vec<(Col, usize, String)> {
        let mut columns: Vec<(Col, usize, String)> = Vec::new();
        for (at, cell) in header.record.iter().enumerate() {
            if cell.trim().is_empty() {
                continue;
            }
            match column_of(cell) {
                Some(col) if columns.iter().any(|(c, ..)| *c == col) => {
                    self.report.notes.push(format!("第{}行：「{}」列重复，只读第一个", header.line, cell.trim()));
                }
                Some(col) => columns.push((col, at, cell.trim().to_owned())),
                None => self.report.notes.push(format!("第{}行：不认识「{}」列，已忽略", header.line, cell.trim())),
            }
        }
        columns
    }

    fn number(&self, cells: &Cells, col: Col) -> Result<Option<Decimal>, Error> {
        let text = cells.get(col);
        if text.is_empty() {
            return Ok(None);
        }
        let parsed = if col == Col::Share { parse_percent(text) } else { parse_number(text) };
        parsed.map(Some).ok_or_else(|| self.error(cells.row.line, &cells.header(col), format!("「{text}」不是数字")))
    }

    /// One fact row (or a structure-ratio row, or a further membership of a fact already read).
    fn row(&mut self, row: &Row, columns: &[(Col, usize, String)], draft: &mut Draft) -> Result<(), Error> {
        if is_blank(&row.record) {
            return Ok(());
        }
        let cells = Cells { row, columns };
        let line = row.line;
        let stray: Vec<String> = row
            .record
            .iter()
            .enumerate()
            .filter(|(at, cell)| !cell.trim().is_empty() && !columns.iter().any(|(_, c, _)| c == at))
            .map(|(at, cell)| format!("第{}列「{}」", at + 1, cell.trim()))
            .collect();
        if !stray.is_empty() {
            self.report.notes.push(format!("第{line}行：{}不在认得的列下，已忽略", stray.join("、")));
        }
        let name = cells.get(Col::Name);
        let figures = [Col::Value, Col::Growth, Col::Increase, Col::Share, Col::Gaps, Col::Ranks, Col::Contribution].into_iter().any(|c| !cells.get(c).is_empty());
        if name.is_empty() {
            if figures {
                self.unparsed(row, "有数字，没有指标名");
            } else {
                self.unparsed(row, "没有指标名，也没有数字");
            }
            return Ok(());
        }
        let period_text = cells.get(Col::Period);
        let period = if period_text.is_empty() {
            None
        } else {
            Some(parse_period(period_text).ok_or_else(|| {
                self.error(line, &cells.header(Col::Period), format!("「{period_text}」不是认得的时期（如 2022年、2023年1-11月、2023年2月、2023年1-1月、截至2023年2月28日）"))
            })?)
        }
        .filter(|p| *p != draft.release.period);
        let effective_period = period.clone().unwrap_or_else(|| draft.release.period.clone());
        let effective = effective_period.to_string();
        let value_text = cells.get(Col::Value);
        if value_text.contains([':', '：']) {
            return self.ratio(&cells, name, draft);
        }
        let section = draft.section(cells.get(Col::Section));
        let sentence = format!("row-{line}");
        draft.release.sentences.push(Sentence { id: sentence.clone(), section, text: row.text.clone(), span: Some(row.span) });

        let note = Some(cells.get(Col::Note)).filter(|n| !n.is_empty()).map(str::to_owned);
        let key = (name.to_owned(), period_key(&effective_period), note.clone().unwrap_or_default());
        if let Some(&existing) = draft.facts.get(&key) {
            if figures {
                return Err(self.error(line, &cells.header(Col::Name), format!("「{name}」（{effective}）已在前面的行写过数字；同一指标同一时期只写一行（另一行只填上级指标和分组，表示它还属于另一个分组）")));
            }
            return self.membership(&cells, existing, draft);
        }
        if !figures {
            self.unparsed(row, "这一行没有数值、增速、增加额或占比");
            return Ok(());
        }

        let unit = Unit::from(cells.get(Col::Unit));
        let value = self.number(&cells, Col::Value)?.map(|amount| Quantity::new(amount, unit.clone()));
        let growth = self.growth(&cells, period.as_ref().unwrap_or(&draft.release.period))?;
        let increase = match self.number_signed(&cells, Col::Increase)? {
            None => None,
            Some(amount) => {
                let written = cells.get(Col::IncreaseUnit);
                Some(Quantity::new(amount, if written.is_empty() { unit.clone() } else { Unit::from(written) }))
            }
        };
        if [Col::Value, Col::Growth, Col::Increase, Col::Share].into_iter().all(|c| cells.get(c).is_empty()) {
            return Err(self.error(line, &cells.header(Col::Name), format!("「{name}」只有地区比较、排名或拉动，没有数值、增速、增加额或占比")));
        }
        let gaps = self.gaps(&cells)?;
        let ranks = self.ranks(&cells)?;
        let index = draft.release.facts.len();
        let contribution_text = cells.get(Col::Contribution);
        if !contribution_text.is_empty() {
            let (to, points) = parse_contribution(contribution_text).ok_or_else(|| {
                self.error(line, &cells.header(Col::Contribution), format!("「{contribution_text}」不是认得的拉动（如 拉动固定资产投资增长16.5个百分点）"))
            })?;
            draft.contributions.push(PendingContribution { line, fact: index, to, points, header: cells.header(Col::Contribution) });
        }
        if let Some(percent) = self.number(&cells, Col::Share)? {
            let of = cells.get(Col::ShareOf);
            if of.is_empty() {
                return Err(self.error(line, &cells.header(Col::ShareOf), format!("填了占比{percent}%，但没写占哪个指标的比重")));
            }
            draft.shares.push(PendingShare { line, fact: index, percent, of: of.to_owned(), header: cells.header(Col::ShareOf) });
        }
        let known = self
            .known
            .by_name_period
            .get(&key)
            .or_else(|| self.known.by_name_period.get(&(key.0.clone(), key.1.clone(), String::new())))
            .or_else(|| self.known.by_name.get(name))
            .cloned();
        let (known_id, name_en) = known.map_or((None, None), |(id, en)| (Some(id), en));
        let id = draft.unique_id(known_id, format!("f{line}"));
        draft.release.facts.push(Fact {
            id,
            indicator: None,
            name: name.to_owned(),
            name_en,
            sentence: Some(sentence),
            period,
            value,
            growth,
            increase,
            gaps,
            ranks,
            contribution: None,
            share: None,
            footnotes: Vec::new(),
            note,
        });
        draft.facts.insert(key, index);
        self.membership(&cells, index, draft)
    }

    /// 地区比较: "高于自治区9.9个百分点；低于银川市1.2个百分点".
    fn gaps(&self, cells: &Cells) -> Result<Vec<Gap>, Error> {
        let text = cells.get(Col::Gaps);
        let mut gaps = Vec::new();
        for part in list(text) {
            let (comparator, points) = parse_gap(part).ok_or_else(|| {
                self.error(cells.row.line, &cells.header(Col::Gaps), format!("「{part}」不是认得的地区比较（如 高于自治区9.9个百分点）"))
            })?;
            let comparator_en = self.known.comparators.get(&comparator).cloned();
            gaps.push(Gap { comparator, comparator_en, points });
        }
        Ok(gaps)
    }

    /// 排名: "全区第4位；沿黄市辖区第2位（共6个）".
    fn ranks(&self, cells: &Cells) -> Result<Vec<StatedRank>, Error> {
        let text = cells.get(Col::Ranks);
        let mut ranks = Vec::new();
        for part in list(text) {
            let (scope, rank, of) = parse_rank(part).ok_or_else(|| {
                self.error(cells.row.line, &cells.header(Col::Ranks), format!("「{part}」不是认得的排名（如 全区第4位、全市第2位（共6个））"))
            })?;
            let scope_en = self.known.scopes.get(&scope).cloned();
            ranks.push(StatedRank { scope, scope_en, rank, of });
        }
        Ok(ranks)
    }

    /// A signed figure: 增加额 may be written "-3.6", "减少3.6" or "下降3.6".
    fn number_signed(&self, cells: &Cells, col: Col) -> Result<Option<Decimal>, Error> {
        let text = cells.get(col);
        if text.is_empty() {
            return Ok(None);
        }
        let bad = || self.error(cells.row.line, &cells.header(col), format!("「{text}」不是数字"));
        let (negative, rest) = verb(text);
        let amount = parse_number(rest).ok_or_else(bad)?;
        match negative {
            Some(true) if amount.is_sign_negative() => Err(bad()),
            Some(true) => Ok(Some(-amount)),
            _ => Ok(Some(amount)),
        }
    }

    fn growth(&mut self, cells: &Cells, period: &Period) -> Result<Option<Growth>, Error> {
        let text = cells.get(Col::Growth);
        if text.is_empty() {
            return Ok(None);
        }
        let line = cells.row.line;
        let (rate, form) = parse_growth(text).ok_or_else(|| self.error(line, &cells.header(Col::Growth), format!("「{text}」不是数字")))?;
        let basis_text = cells.get(Col::Basis);
        let basis = if basis_text.is_empty() {
            let basis = default_basis(period);
            self.report.notes.push(format!("第{line}行：未写比较基础，按时期{period}取「{}」", basis.label()));
            basis
        } else {
            parse_basis(basis_text).ok_or_else(|| {
                self.error(line, &cells.header(Col::Basis), format!("「{basis_text}」不是认得的比较基础（比上年、同比、比上年末、累计同比）"))
            })?
        };
        let prices_text = cells.get(Col::Prices);
        let prices = if prices_text.is_empty() {
            None
        } else {
            Some(parse_prices(prices_text).ok_or_else(|| self.error(line, &cells.header(Col::Prices), format!("「{prices_text}」不是认得的价格（可比价、现价）")))?)
        };
        Ok(Some(Growth { rate, form, basis, prices }))
    }

    /// The row's 上级指标 / 分组 / 分组类型, kept to resolve once every row is read.
    fn membership(&mut self, cells: &Cells, part: usize, draft: &mut Draft) -> Result<(), Error> {
        let parent = cells.get(Col::Parent);
        let (group, kind_text) = (cells.get(Col::Group), cells.get(Col::GroupKind));
        if parent.is_empty() {
            if !group.is_empty() || !kind_text.is_empty() {
                return Err(self.error(cells.row.line, &cells.header(Col::Parent), "填了分组，但没写上级指标（这一组的总数）".into()));
            }
            return Ok(());
        }
        let kind = if kind_text.is_empty() {
            None
        } else {
            Some(parse_kind(kind_text).ok_or_else(|| {
                self.error(cells.row.line, &cells.header(Col::GroupKind), format!("「{kind_text}」不是认得的分组类型（全部：各项合计等于上级；其中：只列出一部分）"))
            })?)
        };
        draft.memberships.push(Membership { line: cells.row.line, part, parent: parent.to_owned(), group: group.to_owned(), kind, header: cells.header(Col::Parent) });
        Ok(())
    }

    /// A structure-ratio row: 数值 "1.5 : 69.6 : 28.9"; labels in 备注 ("第一产业、第二产业、第三产业"),
    /// or the parts of the breakdown named by 上级指标 and 分组.
    fn ratio(&mut self, cells: &Cells, name: &str, draft: &mut Draft) -> Result<(), Error> {
        let line = cells.row.line;
        let text = cells.get(Col::Value);
        let terms: Option<Vec<Decimal>> = text.split([':', '：']).map(parse_number).collect();
        let terms = terms.ok_or_else(|| self.error(line, &cells.header(Col::Value), format!("「{text}」不是以冒号分隔的结构比（如 1.5 : 69.6 : 28.9）")))?;
        let note = cells.get(Col::Note);
        let labels: Vec<String> = note.split(['、', '，', ',', ':', '：']).map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
        let parent = cells.get(Col::Parent);
        let breakdown = (!parent.is_empty()).then(|| (parent.to_owned(), cells.get(Col::Group).to_owned()));
        if labels.is_empty() && breakdown.is_none() {
            return Err(self.error(line, &cells.header(Col::Note), "结构比需要各项的名称：写在备注里（用顿号分隔），或用上级指标和分组指明".into()));
        }
        let section = draft.section(cells.get(Col::Section));
        let sentence = format!("row-{line}");
        draft.release.sentences.push(Sentence { id: sentence.clone(), section, text: cells.row.text.clone(), span: Some(cells.row.span) });
        draft.ratios.push(PendingRatio { line, name: name.to_owned(), terms, labels, breakdown, sentence });
        Ok(())
    }

    /// Resolves shares, breakdowns and ratios by name.
    fn finish(&mut self, mut draft: Draft) -> Result<Release, Error> {
        let period_of = |release: &Release, at: usize| release.facts.get(at).map(|f| period_key(release.period_of(f))).unwrap_or_default();
        for share in std::mem::take(&mut draft.shares) {
            let period = period_of(&draft.release, share.fact);
            let whole = draft.find(&share.of, &period).map_err(|m| self.error(share.line, &share.header, m))?;
            let of = draft.release.facts[whole].id.clone();
            if let Some(fact) = draft.release.facts.get_mut(share.fact) {
                fact.share = Some(StatedShare { of, percent: share.percent });
            }
        }
        for contribution in std::mem::take(&mut draft.contributions) {
            let period = period_of(&draft.release, contribution.fact);
            let to = draft.find(&contribution.to, &period).map_err(|m| self.error(contribution.line, &contribution.header, m))?;
            let to = draft.release.facts[to].id.clone();
            if let Some(fact) = draft.release.facts.get_mut(contribution.fact) {
                fact.contribution = Some(Contribution { to, points: contribution.points });
            }
        }
        for membership in std::mem::take(&mut draft.memberships) {
            let period = period_of(&draft.release, membership.part);
            let total = draft.find(&membership.parent, &period).map_err(|m| self.error(membership.line, &membership.header, m))?;
            if total == membership.part {
                return Err(self.error(membership.line, &membership.header, "上级指标是本行指标自己".into()));
            }
            let total_id = draft.release.facts[total].id.clone();
            let part_id = draft.release.facts[membership.part].id.clone();
            let group = if membership.group.is_empty() { draft.release.facts[total].name.clone() } else { membership.group.clone() };
            let at = draft.release.breakdowns.iter().position(|b| b.total == total_id && b.name == group);
            let at = match at {
                Some(at) => at,
                None => {
                    let kind = membership.kind.unwrap_or_else(|| {
                        self.report.notes.push(format!("第{}行：分组「{group}」未写分组类型，按「其中」（只列出一部分）", membership.line));
                        BreakdownKind::Partial
                    });
                    let known = self.known.breakdowns.get(&(total_id.clone(), group.clone())).cloned();
                    let id = draft.unique_id(known, format!("b-{total_id}-{}", draft.release.breakdowns.len() + 1));
                    draft.release.breakdowns.push(Breakdown { id, name: group.clone(), name_en: None, kind, total: total_id, parts: Vec::new() });
                    draft.release.breakdowns.len() - 1
                }
            };
            let breakdown = &mut draft.release.breakdowns[at];
            if let Some(kind) = membership.kind.filter(|k| *k != breakdown.kind) {
                let said = if kind == BreakdownKind::Exhaustive { "全部" } else { "其中" };
                return Err(self.error(membership.line, "分组类型", format!("分组「{group}」在前面的行是另一种类型，这里写「{said}」")));
            }
            if breakdown.parts.contains(&part_id) {
                return Err(self.error(membership.line, &membership.header, format!("「{}」已在分组「{group}」里", draft.release.facts[membership.part].name)));
            }
            breakdown.parts.push(part_id);
        }
        for ratio in std::mem::take(&mut draft.ratios) {
            let breakdown = match &ratio.breakdown {
                None => None,
                Some((parent, group)) => {
                    let total = draft.find(parent, &period_key(&draft.release.period)).map_err(|m| self.error(ratio.line, "上级指标", m))?;
                    let total_id = &draft.release.facts[total].id;
                    let group = if group.is_empty() { &draft.release.facts[total].name } else { group };
                    let b = draft.release.breakdowns.iter().find(|b| &b.total == total_id && &b.name == group).ok_or_else(|| {
                        self.error(ratio.line, "分组", format!("「{parent}」没有名为「{group}」的分组"))
                    })?;
                    Some(b)
                }
            };
            let labels = if ratio.labels.is_empty() {
                breakdown.map(|b| b.parts.iter().filter_map(|p| draft.release.fact(p)).map(|f| f.name.clone()).collect()).unwrap_or_default()
            } else {
                ratio.labels
            };
            if labels.len() != ratio.terms.len() {
                return Err(self.error(ratio.line, "备注", format!("结构比有{}项，名称却有{}个", ratio.terms.len(), labels.len())));
            }
            let known = self.known.ratios.get(&ratio.name).cloned();
            let (known_id, name_en, labels_en) = known.map_or((None, None, Vec::new()), |(id, en, labels)| (Some(id), en, labels));
            let breakdown = breakdown.map(|b| b.id.clone());
            let id = draft.unique_id(known_id, format!("r{}", ratio.line));
            let labels_en = if labels_en.len() == labels.len() && name_en.is_some() { labels_en } else { Vec::new() };
            draft.release.ratios.push(StructureRatio { id, name: ratio.name, name_en, terms: ratio.terms, labels, labels_en, breakdown, sentence: Some(ratio.sentence) });
        }
        Ok(draft.release)
    }
}

/// The key a period is compared by: `2023年1月` alone and `2023年1-1月` cumulative print alike in
/// prose but are kept apart.
fn period_key(period: &Period) -> String {
    format!("{period:?}")
}

/// A period as the template writes it: like the prose, except that a cumulative span of one month
/// keeps its dash (`2023年1-1月`), apart from the month alone (`2023年1月`).
pub fn period_text(period: &Period) -> String {
    match period {
        Period::Cumulative { year, from_month, to_month } => format!("{year}年{from_month}-{to_month}月"),
        other => other.to_string(),
    }
}

/// Full-width digits and signs as ASCII; whitespace dropped.
fn half_width(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c),
            '．' => '.',
            '－' | '−' | '—' | '–' | '～' | '~' => '-',
            '＋' => '+',
            '，' => ',',
            '％' => '%',
            c => c,
        })
        .collect()
}

/// A printed number, exact: "489.91", "1,234.5", "－3.6", "１２".
fn parse_number(text: &str) -> Option<Decimal> {
    let text = half_width(text);
    if text.is_empty() {
        return None;
    }
    crate::decimal::parse(&text).ok()
}

/// A percent figure: "71.4" or "71.4%".
fn parse_percent(text: &str) -> Option<Decimal> {
    let text = half_width(text);
    parse_number(text.strip_suffix('%').unwrap_or(&text))
}

/// The verb before a figure: 下降 / 减少 make it negative, 增长 / 增加 positive; `None` when there
/// is none.
fn verb(text: &str) -> (Option<bool>, &str) {
    for (word, negative) in [("下降", true), ("减少", true), ("回落", true), ("降低", true), ("增长", false), ("增加", false), ("上升", false), ("提高", false)] {
        if let Some(rest) = text.trim().strip_prefix(word) {
            return (Some(negative), rest);
        }
    }
    (None, text)
}

/// The items of a cell listing several: separated by ；, ; or 、.
fn list(text: &str) -> impl Iterator<Item = &str> {
    text.split(['；', ';', '、']).map(str::trim).filter(|part| !part.is_empty())
}

/// The number that ends a phrase, and the words before it: ("自治区", "9.9") from "自治区9.9".
fn split_number(text: &str) -> (&str, &str) {
    let at = text.find(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '-' || c == '.' || c == '－').unwrap_or(text.len());
    (text[..at].trim(), text[at..].trim())
}

/// "高于自治区9.9个百分点" → ("自治区", 9.9); 低于 is negative.
fn parse_gap(text: &str) -> Option<(String, Decimal)> {
    let (negative, rest) = [("高于", false), ("快于", false), ("低于", true), ("慢于", true)].iter().find_map(|(w, n)| text.strip_prefix(w).map(|r| (*n, r)))?;
    let rest = rest.trim().trim_end_matches("个百分点").trim_end_matches("百分点");
    let (comparator, number) = split_number(rest);
    let points = parse_number(number)?;
    if comparator.is_empty() || points.is_sign_negative() {
        return None;
    }
    Some((comparator.to_owned(), if negative { -points } else { points }))
}

/// "沿黄市辖区第2位（共6个）" → ("沿黄市辖区", 2, Some(6)).
fn parse_rank(text: &str) -> Option<(String, u32, Option<u32>)> {
    let text = half_width(text).replace(['（', '）', '(', ')'], "");
    let (head, of) = match text.split_once('共') {
        Some((head, of)) => (head.to_owned(), Some(of.trim_end_matches(['个', '位', '名', '家']).parse::<u32>().ok()?)),
        None => (text.clone(), None),
    };
    let (scope, rank) = head.rsplit_once('第')?;
    let scope = scope.trim_start_matches("位居").trim_start_matches('居').trim_end_matches("排名").trim_end_matches('排');
    let rank: u32 = rank.trim_end_matches(['位', '名']).parse().ok()?;
    (!scope.is_empty() && rank > 0 && !matches!(of, Some(of) if rank > of)).then(|| (scope.to_owned(), rank, of))
}

/// "拉动固定资产投资增长16.5个百分点" → ("固定资产投资", 16.5); 下降 is negative.
fn parse_contribution(text: &str) -> Option<(String, Decimal)> {
    let text = text.trim();
    let text = text.strip_prefix("拉动").unwrap_or(text).trim_end_matches("个百分点").trim_end_matches("百分点");
    let (at, negative, word) = [("增长", false), ("下降", true)].iter().filter_map(|(w, n)| text.rfind(w).map(|at| (at, *n, *w))).max_by_key(|(at, ..)| *at)?;
    let (to, number) = (text[..at].trim(), &text[at + word.len()..]);
    let points = parse_number(number)?;
    if to.is_empty() || points.is_sign_negative() {
        return None;
    }
    Some((to.to_owned(), if negative { -points } else { points }))
}

/// A growth cell: "8.3", "-54.8", "下降54.8", "增长8.3%", "3.2倍", "增长3.2倍".
fn parse_growth(text: &str) -> Option<(Decimal, GrowthForm)> {
    let (negative, rest) = verb(text);
    let rest = half_width(rest);
    let (number, form) = match rest.strip_suffix('倍') {
        Some(number) => (number.to_owned(), GrowthForm::Times),
        None => (rest.strip_suffix('%').unwrap_or(&rest).to_owned(), GrowthForm::Percent),
    };
    let rate = parse_number(&number)?;
    match negative {
        Some(_) if rate.is_sign_negative() => None,
        Some(true) => Some((-rate, form)),
        _ => Some((rate, form)),
    }
}

fn parse_basis(text: &str) -> Option<GrowthBasis> {
    match header_key(text).as_str() {
        "比上年" | "上年" | "比去年" | "较上年" => Some(GrowthBasis::PreviousYear),
        "同比" | "比上年同期" | "上年同期" | "较上年同期" => Some(GrowthBasis::YearOnYear),
        "比上年末" | "上年末" | "比年初" | "较上年末" => Some(GrowthBasis::PreviousYearEnd),
        "累计同比" | "累计" => Some(GrowthBasis::CumulativeYearOnYear),
        _ => None,
    }
}

/// What the basis of growth is, when a row does not say: by the fact's period.
fn default_basis(period: &Period) -> GrowthBasis {
    match period {
        Period::Year { .. } => GrowthBasis::PreviousYear,
        Period::Cumulative { .. } => GrowthBasis::CumulativeYearOnYear,
        Period::Month { .. } => GrowthBasis::YearOnYear,
        Period::AsOf { .. } => GrowthBasis::PreviousYearEnd,
    }
}

fn parse_prices(text: &str) -> Option<Prices> {
    match header_key(text).trim_start_matches('按').trim_end_matches("计算") {
        "可比价" | "可比价格" | "不变价" | "不变价格" => Some(Prices::Comparable),
        "现价" | "现行价格" | "现行价" | "当年价" | "当年价格" => Some(Prices::Current),
        _ => None,
    }
}

fn prices_label(prices: Prices) -> &'static str {
    match prices {
        Prices::Comparable => "可比价",
        Prices::Current => "现价",
    }
}

fn parse_kind(text: &str) -> Option<BreakdownKind> {
    match header_key(text).as_str() {
        "全部" | "全部构成" | "构成" | "合计" | "全" => Some(BreakdownKind::Exhaustive),
        "其中" | "部分" => Some(BreakdownKind::Partial),
        _ => None,
    }
}

fn kind_label(kind: BreakdownKind) -> &'static str {
    match kind {
        BreakdownKind::Exhaustive => "全部",
        BreakdownKind::Partial => "其中",
    }
}

fn parse_status(text: &str) -> Option<Status> {
    match header_key(text).as_str() {
        "初步统计数" | "初步" | "初步核算" | "初步统计" => Some(Status::Preliminary),
        "修订数" | "修订" => Some(Status::Revised),
        "最终数" | "最终" | "正式" | "最终核实数" => Some(Status::Final),
        _ => None,
    }
}

/// A date: `2023-12-29` or `2023年12月29日`, as `YYYY-MM-DD`.
fn parse_date(text: &str) -> Option<String> {
    let text = half_width(text);
    let parts: Vec<&str> = text.trim_end_matches('日').split(['-', '年', '月', '/', '.']).collect();
    let [y, m, d] = parts.as_slice() else { return None };
    let (year, month, day): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let date = format!("{year:04}-{month:02}-{day:02}");
    (y.len() == 4 && crate::release::validate_date(&date).is_ok()).then_some(date)
}

/// A period: 2022年, 2022年末, 2023年1-11月, 2023年2月, 2023年1-1月 (a cumulative month),
/// 截至2023年2月28日 (or 2023年2月28日, 2023-02-28).
fn parse_period(text: &str) -> Option<Period> {
    let text = half_width(text);
    let text = ["截至", "截止到", "截止", "至"].iter().find_map(|p| text.strip_prefix(p)).unwrap_or(&text);
    if text.ends_with('日') || text.matches('-').count() == 2 {
        return parse_date(text).map(|date| Period::AsOf { date });
    }
    let (year, rest) = text.split_once('年').unwrap_or((text, ""));
    if year.len() != 4 {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let period = match rest {
        "" | "度" | "全年" => Period::Year { year },
        "末" | "底" | "年末" => Period::AsOf { date: format!("{year:04}-12-31") },
        months => {
            let months = months.strip_suffix('月')?;
            match months.split_once(['-', '至']) {
                Some((from, to)) => Period::Cumulative { year, from_month: from.parse().ok()?, to_month: to.parse().ok()? },
                None => Period::Month { year, month: months.parse().ok()? },
            }
        }
    };
    period.validate().ok().map(|()| period)
}

/// A release as the template: its key/value rows, the header, a row per fact (and a further row
/// per further breakdown a fact belongs to), a row per structure ratio. What the template has no
/// column for is left out: footnotes, series, tables, English names, the decimals a figure is kept
/// to.
///
/// ```
/// use xixia_stats::import::template;
/// let bulletin = xixia_stats::bundled::release("2022-bulletin").unwrap();
/// let csv = template::to_csv(&bulletin);
/// assert!(csv.contains("一、综合,地区生产总值,,489.91,亿元,8.3,比上年,可比价,"));
/// let (draft, _) = template::import(&csv, "round-trip.csv").unwrap();
/// assert_eq!(draft.facts.len(), bulletin.facts.len());
/// ```
pub fn to_csv(release: &Release) -> String {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut meta = |key: &str, value: String| rows.push(vec![key.to_owned(), value]);
    meta("标题", release.title.clone());
    meta("时期", period_text(&release.period));
    meta("发布单位", release.publishers.join("、"));
    meta("状态", release.status.label().to_owned());
    if let Some(date) = &release.published {
        meta("发布日期", date.clone());
    }
    meta("刊载", release.source.document.clone());
    if let Some(note) = &release.source.note {
        meta("资料来源", note.clone());
    }
    rows.push(COLUMNS.iter().map(|(_, header, _)| (*header).to_owned()).collect());
    let section_of = |sentence: Option<&String>| {
        sentence
            .and_then(|id| release.sentence(id))
            .and_then(|s| release.section(&s.section))
            .map_or(String::new(), |s| s.title.clone())
    };
    let name_of = |id: &str| release.fact(id).map_or(String::new(), |f| f.name.clone());
    let blank = || vec![String::new(); COLUMNS.len()];
    let set = |row: &mut Vec<String>, col: Col, value: String| {
        if let Some(at) = COLUMNS.iter().position(|(c, ..)| *c == col) {
            row[at] = value;
        }
    };
    for fact in &release.facts {
        let mut row = blank();
        set(&mut row, Col::Section, section_of(fact.sentence.as_ref()));
        set(&mut row, Col::Name, fact.name.clone());
        let period = fact.period.as_ref().map(period_text).unwrap_or_default();
        set(&mut row, Col::Period, period.clone());
        if let Some(value) = &fact.value {
            set(&mut row, Col::Value, value.amount.to_string());
            set(&mut row, Col::Unit, value.unit.symbol().to_owned());
        }
        if let Some(growth) = &fact.growth {
            let rate = match growth.form {
                GrowthForm::Times => format!("{}倍", growth.rate),
                GrowthForm::Percent | GrowthForm::Bare => growth.rate.to_string(),
            };
            set(&mut row, Col::Growth, rate);
            set(&mut row, Col::Basis, growth.basis.label().to_owned());
            set(&mut row, Col::Prices, growth.prices.map_or("", prices_label).to_owned());
        }
        if let Some(increase) = &fact.increase {
            set(&mut row, Col::Increase, increase.amount.to_string());
            set(&mut row, Col::IncreaseUnit, increase.unit.symbol().to_owned());
        }
        if let Some(share) = &fact.share {
            set(&mut row, Col::Share, share.percent.to_string());
            set(&mut row, Col::ShareOf, name_of(&share.of));
        }
        let gaps: Vec<String> = fact.gaps.iter().map(|g| format!("{}{}{}个百分点", if g.points.is_sign_negative() { "低于" } else { "高于" }, g.comparator, g.points.abs())).collect();
        set(&mut row, Col::Gaps, gaps.join("；"));
        let ranks: Vec<String> = fact
            .ranks
            .iter()
            .map(|r| match r.of {
                Some(of) => format!("{}第{}位（共{of}个）", r.scope, r.rank),
                None => format!("{}第{}位", r.scope, r.rank),
            })
            .collect();
        set(&mut row, Col::Ranks, ranks.join("；"));
        if let Some(c) = &fact.contribution {
            let verb = if c.points.is_sign_negative() { "下降" } else { "增长" };
            set(&mut row, Col::Contribution, format!("拉动{}{verb}{}个百分点", name_of(&c.to), c.points.abs()));
        }
        set(&mut row, Col::Note, fact.note.clone().unwrap_or_default());
        let mut memberships = release.breakdowns.iter().filter(|b| b.parts.contains(&fact.id));
        let membership = |row: &mut Vec<String>, b: &Breakdown| {
            set(row, Col::Parent, name_of(&b.total));
            set(row, Col::Group, b.name.clone());
            set(row, Col::GroupKind, kind_label(b.kind).to_owned());
        };
        if let Some(first) = memberships.next() {
            membership(&mut row, first);
        }
        rows.push(row);
        for further in memberships {
            let mut row = blank();
            set(&mut row, Col::Section, section_of(fact.sentence.as_ref()));
            set(&mut row, Col::Name, fact.name.clone());
            set(&mut row, Col::Period, period.clone());
            set(&mut row, Col::Note, fact.note.clone().unwrap_or_default());
            membership(&mut row, further);
            rows.push(row);
        }
    }
    for ratio in &release.ratios {
        let mut row = blank();
        set(&mut row, Col::Section, section_of(ratio.sentence.as_ref()));
        set(&mut row, Col::Name, ratio.name.clone());
        set(&mut row, Col::Value, ratio.terms.iter().map(Decimal::to_string).collect::<Vec<_>>().join(" : "));
        if let Some(b) = ratio.breakdown.as_ref().and_then(|id| release.breakdowns.iter().find(|b| &b.id == id)) {
            set(&mut row, Col::Parent, name_of(&b.total));
            set(&mut row, Col::Group, b.name.clone());
        }
        set(&mut row, Col::Note, ratio.labels.join("、"));
        rows.push(row);
    }
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    writer.into_inner().map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "标题,测试公报\n时期,2022年\n发布单位,西夏区统计局\n状态,初步统计数\n";

    fn read(body: &str) -> Result<(Release, Report), Error> {
        import(&format!("{HEAD}{body}"), "draft.csv")
    }

    /// What a round trip must keep of a fact: its figures, its period and its breakdowns.
    fn figures(release: &Release) -> Vec<String> {
        let name = |id: &str| release.fact(id).map(|f| format!("{}@{}", f.name, period_key(release.period_of(f)))).unwrap_or_default();
        let mut out: Vec<String> = release
            .facts
            .iter()
            .map(|f| {
                let growth = f.growth.as_ref().map(|g| {
                    let form = if g.form == GrowthForm::Bare { GrowthForm::Percent } else { g.form };
                    format!("{} {form:?} {:?} {:?}", g.rate, g.basis, g.prices)
                });
                let value = f.value.as_ref().map(|q| format!("{}{}", q.amount, q.unit));
                let increase = f.increase.as_ref().map(|q| format!("{}{}", q.amount, q.unit));
                let share = f.share.as_ref().map(|s| format!("{}% of {}", s.percent, name(&s.of)));
                let contribution = f.contribution.as_ref().map(|c| format!("{} to {}", c.points, name(&c.to)));
                format!("{} value={value:?} growth={growth:?} increase={increase:?} share={share:?} note={:?} gaps={:?} ranks={:?} contribution={contribution:?}", name(&f.id), f.note, f.gaps, f.ranks)
            })
            .collect();
        for b in &release.breakdowns {
            let mut parts: Vec<String> = b.parts.iter().map(|p| name(p)).collect();
            parts.sort();
            out.push(format!("breakdown {} {:?} of {}: {}", b.name, b.kind, name(&b.total), parts.join(", ")));
        }
        for r in &release.ratios {
            out.push(format!("ratio {} {:?} {:?} {:?}", r.name, r.terms, r.labels, r.breakdown));
        }
        out.sort();
        out
    }

    #[test]
    fn every_bundled_release_survives_the_template() {
        for release in crate::bundled::all().unwrap() {
            let csv = to_csv(&release);
            let (draft, report) = import(&csv, &release.id).unwrap_or_else(|e| panic!("{}: {e}\n{csv}", release.id));
            assert!(report.unparsed.is_empty(), "{}: {:?}", release.id, report.unparsed);
            assert_eq!(figures(&draft), figures(&release), "{}", release.id);
            assert_eq!(draft.period, release.period);
            assert_eq!(draft.title, release.title);
            assert_eq!(draft.publishers, release.publishers);
            // Ids are the bundled ones, found by name.
            let same_ids = draft.facts.iter().filter(|f| release.fact(&f.id).is_some_and(|p| p.name == f.name)).count();
            assert_eq!(same_ids, release.facts.len(), "{}", release.id);
        }
    }

    #[test]
    fn the_example_template_is_the_bulletins_first_section() {
        let csv = include_str!("../../www/data/template.csv");
        assert!(looks_like(csv));
        let (draft, report) = import(csv, "template.csv").unwrap();
        assert!(report.unparsed.is_empty(), "{:?}", report.unparsed);
        let bulletin = crate::bundled::release("2022-bulletin").unwrap();
        for fact in &draft.facts {
            let published = bulletin.fact(&fact.id).unwrap_or_else(|| panic!("{} has the bundled id", fact.name));
            assert_eq!((&fact.value, &fact.growth), (&published.value, &published.growth), "{}", fact.name);
        }
        assert_eq!(draft.facts.len(), 5);
        assert_eq!(draft.breakdowns[0].id, "gdp-by-industry");
        assert_eq!(draft.ratios[0].id, "gdp-structure");
        let as_bulletin = Release { id: bulletin.id.clone(), ..draft };
        for chart in ["gdp-structure", "gdp-by-industry"] {
            let built = crate::chart::build_in(chart, &as_bulletin, &[], crate::chart::Lang::Zh);
            assert!(built.is_ok(), "{chart}: {:?}", built.err());
        }
    }

    #[test]
    fn rows_become_sentences_with_their_spans() {
        let body = "章节,指标,数值,单位,增速(%)\n一、综合,地区生产总值,489.91,亿元,8.3\n,\"人均地区生产总值\",107934,元,7.7\n";
        let input = format!("\u{feff}{HEAD}{body}");
        let (release, _) = import(&input, "draft.csv").unwrap();
        let chars: Vec<char> = input.chars().collect();
        assert_eq!(release.sentences.len(), 2);
        for sentence in &release.sentences {
            let span = sentence.span.unwrap();
            let text: String = chars[span.start..span.end].iter().collect();
            assert_eq!(text, sentence.text);
        }
        assert_eq!(release.sentences[1].text, ",\"人均地区生产总值\",107934,元,7.7");
        assert_eq!(release.sentences[1].section, "s1", "a row with no 章节 stays in the last one");
        assert_eq!(release.facts[1].sentence.as_deref(), Some("row-7"));
    }

    #[test]
    fn headers_are_matched_leniently() {
        let body = " 指 标 ,数值,计量单位,增速（％）,比较基础,价格,占比（%）,占比总体\n地区生产总值,489.91,亿元,8.3,比上年,可比价,,\n第一产业增加值,7.25,亿元,0.7,比上年,可比价,1.5,地区生产总值\n";
        let (release, report) = read(body).unwrap();
        assert_eq!(release.facts[1].share, Some(StatedShare { of: "gdp".into(), percent: "1.5".parse().unwrap() }));
        assert!(report.notes.is_empty(), "{:?}", report.notes);
    }

    #[test]
    fn growth_is_read_in_the_bulletins_forms() {
        let rows = [
            ("8.3", "8.3", GrowthForm::Percent),
            ("-54.8", "-54.8", GrowthForm::Percent),
            ("下降54.8", "-54.8", GrowthForm::Percent),
            ("增长8.3%", "8.3", GrowthForm::Percent),
            ("3.2倍", "3.2", GrowthForm::Times),
            ("增长3.2倍", "3.2", GrowthForm::Times),
            ("１２．５", "12.5", GrowthForm::Percent),
        ];
        for (cell, rate, form) in rows {
            assert_eq!(parse_growth(cell), Some((rate.parse().unwrap(), form)), "{cell}");
        }
        for cell in ["增长八", "下降-3", "8.3.1", "倍", ""] {
            assert_eq!(parse_growth(cell), None, "{cell}");
        }
    }

    #[test]
    fn gaps_ranks_and_contributions_are_read_in_the_bulletins_words() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(parse_gap("高于自治区9.9个百分点"), Some(("自治区".into(), d("9.9"))));
        assert_eq!(parse_gap("低于银川市1.2"), Some(("银川市".into(), d("-1.2"))));
        assert_eq!(parse_gap("自治区9.9"), None);
        assert_eq!(parse_gap("高于9.9"), None);
        assert_eq!(parse_rank("全区第4位"), Some(("全区".into(), 4, None)));
        assert_eq!(parse_rank("沿黄市辖区第2位（共6个）"), Some(("沿黄市辖区".into(), 2, Some(6))));
        assert_eq!(parse_rank("位居全市第1"), Some(("全市".into(), 1, None)));
        assert_eq!(parse_rank("全区第7位（共6个）"), None);
        assert_eq!(parse_rank("第四"), None);
        assert_eq!(parse_contribution("拉动固定资产投资增长16.5个百分点"), Some(("固定资产投资".into(), d("16.5"))));
        assert_eq!(parse_contribution("固定资产投资下降0.3"), Some(("固定资产投资".into(), d("-0.3"))));
        assert_eq!(parse_contribution("拉动16.5个百分点"), None);

        let body = "指标,数值,单位,增速(%),地区比较,排名,拉动\n固定资产投资,,,20.1,高于自治区12.3个百分点；高于银川市10.2个百分点,全区第2位；全市第1位,\n建设项目完成投资,,,25,,,拉动固定资产投资增长16.5个百分点\n";
        let (release, _) = read(body).unwrap();
        let investment = release.fact("investment").unwrap();
        assert_eq!(investment.gaps.len(), 2);
        assert_eq!(investment.gaps[0].comparator_en.as_deref(), Some("Ningxia"), "English from the bundled releases");
        assert_eq!(investment.ranks[1], StatedRank { scope: "全市".into(), scope_en: Some("in Yinchuan".into()), rank: 1, of: None });
        assert_eq!(release.facts[1].contribution, Some(Contribution { to: "investment".into(), points: d("16.5") }));
        let err = read("指标,数值,排名\n固定资产投资,,全区第2位\n").unwrap_err().to_string();
        assert!(err.contains("只有地区比较、排名或拉动"), "{err}");
        let err = read("指标,数值,单位,排名\n固定资产投资,1,亿元,第二名\n").unwrap_err().to_string();
        assert!(err.contains("第6行「排名」列: 「第二名」不是认得的排名"), "{err}");
    }

    #[test]
    fn periods_are_read_as_written() {
        let rows = [
            ("2022年", Period::Year { year: 2022 }),
            ("2023年1-11月", Period::Cumulative { year: 2023, from_month: 1, to_month: 11 }),
            ("2023年1—11月", Period::Cumulative { year: 2023, from_month: 1, to_month: 11 }),
            ("2023年1-1月", Period::Cumulative { year: 2023, from_month: 1, to_month: 1 }),
            ("2023年2月", Period::Month { year: 2023, month: 2 }),
            ("截至2023年2月28日", Period::AsOf { date: "2023-02-28".into() }),
            ("2022年末", Period::AsOf { date: "2022-12-31".into() }),
        ];
        assert_eq!(parse_period("2022年度"), Some(Period::Year { year: 2022 }));
        for (text, period) in rows {
            assert_eq!(parse_period(text), Some(period.clone()), "{text}");
            assert_eq!(parse_period(&period_text(&period)), Some(period), "{text}");
        }
        for text in ["22年", "2023年13月", "2023年11-1月", "截至2023年2月30日", "去年"] {
            assert_eq!(parse_period(text), None, "{text}");
        }
    }

    #[test]
    fn bad_figures_stop_the_import_naming_row_and_column() {
        let rows = [
            ("指标,数值,单位,增速(%)\n地区生产总值,489.91,亿元,增长八\n", "draft.csv: 第6行「增速(%)」列: 「增长八」不是数字"),
            ("指标,数值,单位\n地区生产总值,四百,亿元\n", "draft.csv: 第6行「数值」列: 「四百」不是数字"),
            ("指标,时期,数值,单位\n地区生产总值,明年,1,亿元\n", "「时期」列: 「明年」不是认得的时期"),
            ("指标,数值,单位,增速(%),比较基础\n地区生产总值,1,亿元,2,环比\n", "「比较基础」列: 「环比」不是认得的比较基础"),
            ("指标,数值,单位,占比(%)\n地区生产总值,1,亿元,2\n", "第6行「占比总体」列: 填了占比2%，但没写占哪个指标的比重"),
            ("指标,数值,单位,上级指标\n第一产业增加值,1,亿元,地区生产总值\n", "第6行「上级指标」列: 没有名为「地区生产总值」的指标"),
            ("指标,数值,单位\n地区生产总值,1,亿元\n地区生产总值,2,亿元\n", "第7行「指标」列: 「地区生产总值」（2022年）已在前面的行写过数字"),
            ("指标,数值,单位,上级指标,分组,分组类型\n甲,1,亿元,,,\n乙,1,亿元,甲,类别,全部\n丙,1,亿元,甲,类别,其中\n", "第8行「分组类型」列: 分组「类别」在前面的行是另一种类型"),
            ("名称,说明\n", "找不到表头行"),
        ];
        for (body, message) in rows {
            let err = read(body).unwrap_err().to_string();
            assert!(err.contains(message), "{err}\nwanted: {message}");
            assert!(matches!(read(body).unwrap_err().kind(), ErrorKind::Import { .. }));
        }
        let err = import("指标,数值\n地区生产总值,1\n", "x.csv").unwrap_err().to_string();
        assert!(err.contains("缺少「时期」行"), "{err}");
        assert!(import("", "x.csv").unwrap_err().to_string().contains("CSV 是空的"));
        assert!(import(" , ,\n\n", "x.csv").unwrap_err().to_string().contains("CSV 是空的"));
    }

    #[test]
    fn rows_it_cannot_use_are_listed_and_the_rest_read() {
        let input = format!("{HEAD}编者,张三\n指标,数值,单位\n,12,亿元\n地区生产总值,489.91,亿元\n人口,,\n");
        let (release, report) = import(&input, "draft.csv").unwrap();
        assert_eq!(release.facts.len(), 1);
        let reasons: Vec<(&str, &str)> = report.unparsed.iter().map(|u| (u.text.as_str(), u.reason.as_str())).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert_eq!(reasons[0].0, "编者,张三");
        assert_eq!(reasons[1], (",12,亿元", "有数字，没有指标名"));
        assert_eq!(reasons[2].0, "人口,,");
        let chars: Vec<char> = input.chars().collect();
        for unparsed in &report.unparsed {
            assert_eq!(chars[unparsed.span.start..unparsed.span.end].iter().collect::<String>(), unparsed.text);
        }
    }

    #[test]
    fn a_title_typed_above_the_table_and_cells_outside_it_are_noted() {
        let input = "西夏区2022年统计公报（征求意见稿）,,\n时期,2022年\n指标,数值,单位,备注,,不认识\n地区生产总值,489.91,亿元,,多出来的,也多\n";
        assert!(looks_like(input));
        let (release, report) = import(input, "x.csv").unwrap();
        assert_eq!(release.title, "西夏区2022年统计公报（征求意见稿）");
        let notes = report.notes.join("\n");
        assert!(notes.contains("第1行「西夏区2022年统计公报（征求意见稿）」作为标题"), "{notes}");
        assert!(notes.contains("第3行：不认识「不认识」列，已忽略"), "{notes}");
        assert!(notes.contains("第4行：第5列「多出来的」、第6列「也多」不在认得的列下，已忽略"), "{notes}");
    }

    #[test]
    fn defaults_are_noted() {
        let (release, report) = import("时期,2023年1-11月\n指标,数值,单位,增速(%),上级指标\n甲,2,亿元,3,\n乙,1,亿元,5,甲\n", "x.csv").unwrap();
        assert_eq!(release.facts[0].growth.as_ref().unwrap().basis, GrowthBasis::CumulativeYearOnYear);
        assert_eq!(release.breakdowns[0].kind, BreakdownKind::Partial);
        assert_eq!(release.status, Status::Preliminary);
        let notes = report.notes.join("\n");
        for said in ["未写明标题", "未写明状态", "第3行：未写比较基础", "按「其中」"] {
            assert!(notes.contains(said), "{said} in {notes}");
        }
        assert_eq!(release.facts[0].id, "f3", "an indicator no bundled release has gets an ASCII id");
    }

    #[test]
    fn a_fact_may_belong_to_two_breakdowns_and_ids_stay_unique() {
        let body = "指标,时期,数值,单位,上级指标,分组,分组类型\n收入,,10,亿元,,,\n中央,,4,亿元,收入,级次,全部\n税收,,6,亿元,收入,级次,全部\n税收,,,,收入,税种,其中\n";
        let (release, _) = read(body).unwrap();
        assert_eq!(release.breakdowns.len(), 2);
        assert_eq!(release.breakdowns[1].parts.len(), 1);
        let ids: HashSet<&str> = release.facts.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids.len(), release.facts.len());
    }

    #[test]
    fn a_draft_cut_anywhere_is_read_or_refused_without_panic() {
        for release in crate::bundled::all().unwrap() {
            let csv = to_csv(&release);
            for (at, _) in csv.char_indices().step_by(17) {
                let cut = &csv[..at];
                let _ = looks_like(cut);
                if let Ok((draft, report)) = import(cut, "cut.csv") {
                    assert!(crate::load::validate(&draft).is_empty());
                    let chars = cut.chars().count();
                    assert!(draft.sentences.iter().filter_map(|s| s.span).chain(report.unparsed.iter().map(|u| u.span)).all(|s| s.start <= s.end && s.end <= chars));
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_mix_of_the_templates_words_is_read_or_refused_without_panic(
            tokens in proptest::collection::vec(proptest::sample::select(vec![
                "时期", "2022年", "2023年1-1月", "指标", "数值", "增速(%)", "占比(%)", "占比总体", "上级指标", "分组", "分组类型",
                "排名", "拉动", "地区比较", "备注", ",", ",", ",", "\n", "\n", "\"", "甲", "乙", "丙", "1.5", "-3", "3.2倍", "下降",
                "1 : 2", "全部", "其中", "全区第1位", "高于甲1", "拉动甲增长1", "亿元", " ", "\u{feff}", "\r",
            ]), 0..80)
        ) {
            let input: String = tokens.concat();
            let _ = looks_like(&input);
            if let Ok((draft, _)) = import(&input, "mix.csv") {
                proptest::prop_assert!(crate::load::validate(&draft).is_empty());
            }
        }
    }

    #[test]
    fn garbage_does_not_look_like_the_template() {
        for text in ["", "hello", "\u{0}\u{1}", "\"unterminated", "指标\n", "2022年，西夏区实现地区生产总值489.91亿元。"] {
            assert!(!looks_like(text), "{text:?}");
        }
        assert!(looks_like("\u{feff}章节,指标,数值,单位\n"));
        assert!(looks_like("时期,2022年\n\n指标,增速(%)\n"));
    }
}
