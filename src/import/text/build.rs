//! Assembling the draft release: metadata from the title lines, sections from the headings,
//! sentences with their spans, facts and structures from [`super::clauses`], tables, and the
//! report of what was not read.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::clauses::{prices, DraftFact, Input, Reader};
use super::grammar::{self, Kind};
use super::names::{Ids, Known};
use super::sentences::{self, Block};
use super::tables;
use crate::error::{Error, ErrorKind};
use crate::fact::{Contribution, Fact, StatedShare};
use crate::import::{Report, Unparsed};
use crate::release::{Footnote, Period, Release, Section, Sentence, Source, Span, Status};
use crate::structure::{Breakdown, StructureRatio};
use crate::unit::Dimension;

/// Words that make a line a release's title.
const TITLE_WORDS: &[&str] = &["公报", "主要经济指标", "专报", "快报", "简报", "经济运行", "统计月报", "统计资料", "指标"];

/// A table's lines as read: header cells, caption, rows of cells (each with its range in the
/// original text), section id.
type PendingTable = (Vec<String>, Option<String>, Vec<(Vec<String>, (usize, usize))>, Option<String>);

/// Reads the whole text.
pub fn build(input: &str, origin: &str) -> Result<(Release, Report), Error> {
    let original: Vec<char> = input.chars().collect();
    let blocks = sentences::blocks(&original);
    let known = Known::bundled();
    let mut report = Report::default();

    // Title, publisher, period.
    let lines: Vec<(&(usize, usize), &String)> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line { range, text } => Some((range, text)),
            _ => None,
        })
        .collect();
    let title_line = lines.iter().find(|(_, t)| TITLE_WORDS.iter().any(|w| t.contains(w)));
    let title = match title_line.or(lines.first()) {
        Some((_, t)) => (*t).clone(),
        None => {
            report.notes.push("没有找到标题行，标题按“导入的统计公报”".into());
            "导入的统计公报".into()
        }
    };
    let publishers: Vec<String> = lines
        .iter()
        .map(|(_, t)| (*t).clone())
        .filter(|t| t.chars().count() <= 20 && (t.ends_with('局') || t.ends_with("调查队") || t.ends_with("办公室")) && !grammar::tokens(&t.chars().collect::<Vec<_>>()).iter().any(|k| matches!(k.kind, Kind::Figure { .. })))
        .take(3)
        .collect();
    // No year anywhere: the period is not for the reader to make up (it once read 2000年). The
    // text is read (so that a text without figures is told so first), then refused, saying so.
    let dated = release_period(&title, &blocks, &original);
    let no_year = dated.is_none();
    let (period, period_note) = dated.unwrap_or((Period::Year { year: 2000 }, None));
    if let Some(note) = period_note {
        report.notes.push(note);
    }
    let whole: String = input.chars().take(200_000).collect();
    let status = if whole.contains("初步统计") || whole.contains("初步核算") {
        Status::Preliminary
    } else if whole.contains("最终核实") || whole.contains("最终数") {
        Status::Final
    } else if whole.contains("修订数") {
        Status::Revised
    } else {
        report.notes.push("文中未写明数据性质（初步统计数、修订数或最终数），按初步统计数".into());
        Status::Preliminary
    };

    // Sections, sentences, facts.
    let mut reader = Reader::new(period.clone());
    let mut sections: Vec<Section> = Vec::new();
    let mut release_sentences: Vec<Sentence> = Vec::new();
    let mut footnotes: Vec<Footnote> = Vec::new();
    let mut source_note: Option<String> = None;
    let mut table_rows: Vec<(Vec<String>, (usize, usize))> = Vec::new();
    let mut table_header: Option<(Vec<String>, Option<String>)> = None;
    let mut header_indented = false;
    let mut pending_tables: Vec<PendingTable> = Vec::new();
    let mut last_line: Option<&String> = None;
    let mut sentence_count: HashMap<String, usize> = HashMap::new();
    let mut used_lines: HashSet<(usize, usize)> = HashSet::new();
    if let Some((range, _)) = title_line.or(lines.first()) {
        used_lines.insert(**range);
    }
    let mut sentence_index = 0usize;
    for block in &blocks {
        if !matches!(block, Block::TableRow { .. }) {
            if let Some((header, caption)) = table_header.take() {
                let rows = std::mem::take(&mut table_rows);
                pending_tables.push((aligned(header, &rows, header_indented), caption, rows, sections.last().map(|s| s.id.clone())));
            }
        }
        match block {
            Block::Heading { title, .. } => {
                reader.close();
                let number = sections.iter().filter(|s| s.id != "s0").count() + 1;
                sections.push(Section { id: format!("s{number}"), title: title.clone(), title_en: None });
                last_line = None;
            }
            Block::Footnote { id, text, .. } => {
                if !footnotes.iter().any(|f| f.id == *id) && !id.is_empty() {
                    footnotes.push(Footnote { id: id.clone(), text: text.clone() });
                }
            }
            Block::Line { text, .. } => last_line = Some(text),
            Block::TableRow { cells, range } => {
                let cells: Vec<String> = cells.iter().map(|(c, _)| c.clone()).collect();
                match &mut table_header {
                    None => {
                        let caption = last_line.filter(|l| !l.is_empty()).cloned();
                        if let Some(caption) = &caption {
                            used_lines.extend(lines.iter().filter(|(_, t)| *t == caption).map(|(r, _)| **r));
                        }
                        // A header printed from its second column on (PDF: the label column's
                        // header left blank) is aligned right over the rows.
                        let line = &original[range.0..range.1];
                        header_indented = line.iter().take_while(|c| super::clean::is_blank(**c)).count() >= 4 && !line.contains(&'\t') && !line.iter().any(|c| matches!(c, '|' | '｜'));
                        table_header = Some((cells, caption));
                    }
                    // A second header line under the first (merged cells above).
                    Some((header, _)) if table_rows.is_empty() && !tables::has_figures(&cells) => {
                        *header = tables::merge_headers(header, &cells);
                    }
                    Some(_) => table_rows.push((cells, *range)),
                }
            }
            Block::Paragraph { ranges } => {
                let (cleaned, cut) = sentences::sentences(&original, ranges);
                let paragraph_text: String = cleaned.chars.iter().collect();
                if last_line.is_some_and(|l| l.starts_with("资料来源")) || paragraph_text.starts_with("资料来源") {
                    source_note = Some(paragraph_text.trim_start_matches("资料来源").trim_start_matches('：').to_owned());
                    last_line = None;
                    continue;
                }
                last_line = None;
                if sections.is_empty() {
                    sections.push(Section { id: "s0".into(), title: "正文".into(), title_en: None });
                    report.notes.push("正文开头没有标题（如“一、综合”），其前的句子归入“正文”一节".into());
                }
                let section = sections.last().map(|s| s.id.clone()).unwrap_or_default();
                for (k, &(start, end)) in cut.iter().enumerate() {
                    let chars = &cleaned.chars[start..end];
                    let text: String = chars.iter().collect();
                    if text.trim_matches(|c: char| "。，；：！？ ".contains(c)).is_empty() {
                        continue;
                    }
                    let marks: Vec<(usize, String)> = cleaned.marks.iter().filter(|(at, _)| *at >= start && *at <= end).map(|(at, id)| (at - start, id.clone())).collect();
                    let has_digit = chars.iter().any(char::is_ascii_digit);
                    let Some((span_start, span_end)) = cleaned.span(start, end) else { continue };
                    let misses = reader.sentence(&Input { chars, marks: &marks, index: sentence_index, paragraph_start: k == 0 });
                    if reader.facts.len() > crate::load::MAX_FACTS {
                        let place = format!("第{}个字符起", span_start + 1);
                        let message = format!("文本中的指标超过{}个，一份公报不会有这么多：请分开导入", crate::load::MAX_FACTS);
                        return Err(ErrorKind::Import { origin: origin.to_owned(), place, message }.into());
                    }
                    for miss in misses {
                        let (s, e) = cleaned.span(start + miss.start, start + miss.end).unwrap_or((span_start, span_end));
                        report.unparsed.push(Unparsed { span: Span { start: s, end: e }, text: original[s..e].iter().collect(), reason: miss.reason });
                    }
                    // Only sentences with figures are kept: those are what facts point at.
                    if has_digit {
                        let n = sentence_count.entry(section.clone()).or_insert(0);
                        *n += 1;
                        let id = format!("{section}-{n}");
                        release_sentences.push(Sentence { id, section: section.clone(), text, span: Some(Span { start: span_start, end: span_end }) });
                        sentence_index += 1;
                    }
                }
            }
        }
    }
    if let Some((header, caption)) = table_header.take() {
        let rows = std::mem::take(&mut table_rows);
        pending_tables.push((aligned(header, &rows, header_indented), caption, rows, sections.last().map(|s| s.id.clone())));
    }
    reader.finish();
    let release_year = match &period {
        Period::Year { year } | Period::Cumulative { year, .. } | Period::Month { year, .. } => Some(*year),
        Period::AsOf { date } => date.get(..4).and_then(|y| y.parse().ok()),
    };
    let mut row_facts: Vec<Vec<Option<usize>>> = Vec::new();
    for (t, (header, _, rows, section)) in pending_tables.iter().enumerate() {
        let section = match section {
            Some(section) => section.clone(),
            None => {
                if !sections.iter().any(|s| s.id == "s0") {
                    sections.insert(0, Section { id: "s0".into(), title: "正文".into(), title_en: None });
                }
                "s0".to_owned()
            }
        };
        row_facts.push(table_facts(&mut reader, &mut release_sentences, &mut report, &original, header, rows, &section, t + 1, release_year));
        if reader.facts.len() > crate::load::MAX_FACTS {
            let message = format!("文本中的指标超过{}个，一份公报不会有这么多：请分开导入", crate::load::MAX_FACTS);
            let place = format!("第{}个字符起", rows.first().map_or(0, |(_, r)| r.0) + 1);
            return Err(ErrorKind::Import { origin: origin.to_owned(), place, message }.into());
        }
    }
    if reader.unstated_basis > 0 {
        let default = match &period {
            Period::Year { .. } => "比上年",
            Period::Cumulative { .. } => "累计同比",
            Period::Month { .. } | Period::AsOf { .. } => "同比",
        };
        report.notes.push(format!("{}处增速未写明比较基期（比上年、同比等），按本期的通常口径“{default}”（句中前文写明的，从前文）", reader.unstated_basis));
    }
    let by_rule = reader.facts.iter().filter(|f| f.growth.is_some() && !f.comparable && super::clauses::prices(f) == Some(crate::fact::Prices::Comparable)).count();
    if by_rule > 0 {
        report.notes.push(format!("{by_rule}项生产总值、增加值或总产值的增速未写明价格口径，按可比价格（统计制度规定）"));
    }

    // Lines with figures that are nothing we know.
    for (range, text) in &lines {
        if used_lines.contains(*range) || publishers.contains(text) {
            continue;
        }
        let chars: Vec<char> = text.chars().collect();
        if grammar::tokens(&chars).iter().any(|t| matches!(t.kind, Kind::Figure { .. } | Kind::Ratio { .. })) {
            report.unparsed.push(Unparsed {
                span: Span { start: range.0, end: range.1 },
                text: original[range.0..range.1].iter().collect(),
                reason: format!("未识别的表述：“{text}”（单独一行的数字，不是句子也不是表格）"),
            });
        }
    }

    let mut ids = Ids::default();
    let (facts, breakdowns, ratios, fact_ids) = assemble(reader, &release_sentences, &footnotes, &known, &mut ids, &mut report);
    let mut tables_out = Vec::new();
    for ((header, caption, rows, section), linked) in pending_tables.into_iter().zip(row_facts) {
        let title = caption.clone().unwrap_or_else(|| format!("表{}", tables_out.len() + 1));
        // Rows as the table keeps them: a 其中 line alone is no row, a part's label is its name;
        // a row read as a fact (or naming one of the prose) carries the fact's id as its key.
        let label = usize::from(header.first().is_some_and(|h| matches!(h.as_str(), "序号" | "编号" | "序" | "排序")) && header.len() > 2);
        let (rows, keys): (Vec<Vec<String>>, Vec<Option<String>>) = rows
            .into_iter()
            .zip(linked)
            .filter(|((cells, _), _)| cells.len() > 1)
            .map(|((mut cells, _), fact)| {
                if let Some(cell) = cells.get_mut(label) {
                    *cell = tables::row_label(cell).0;
                }
                (cells, fact.and_then(|f| fact_ids.get(f).cloned().flatten()))
            })
            .unzip();
        match tables::table(format!("t-{}", tables_out.len() + 1), title, &header, &rows, section, &known, &mut ids) {
            Some(mut table) => {
                for (row, key) in table.rows.iter_mut().zip(keys) {
                    row.key = key;
                }
                tables_out.push(table);
            }
            None => {
                let cells = header.join(" ");
                if cells.chars().any(|c| c.is_ascii_digit()) {
                    report.notes.push(format!("表格“{cells}”只有一行，未读作表格"));
                }
            }
        }
    }

    if facts.is_empty() && tables_out.is_empty() && ratios.is_empty() {
        let digits = original.iter().position(char::is_ascii_digit);
        let message = match digits {
            None => "没有找到任何统计数字：应为统计公报、主要经济指标或财政专报的正文，如“地区生产总值489.91亿元，比上年增长8.3%。”".to_owned(),
            Some(_) => "没有找到任何统计数字可读成指标：应为“指标名 + 数值 + 单位”的句子，如“地区生产总值489.91亿元，比上年增长8.3%。”".to_owned(),
        };
        let place = digits.map_or("第1个字符起".to_owned(), |at| format!("第{}个字符起", at + 1));
        let place = if digits.is_some() { place } else { "第1个字符起".into() };
        return Err(ErrorKind::Import { origin: origin.to_owned(), place, message }.into());
    }
    if no_year {
        let words = ["上半年", "下半年", "前三季度", "一季度", "二季度", "三季度", "四季度", "月份", "月"];
        let at = words.iter().filter_map(|w| input.find(w)).min().map_or(0, |byte| input[..byte].chars().count());
        let message = "文中没有写明年份（标题和开头几句都没有“2023年”这样的年份），时期无从确定：请在标题中写明年份，如“某县2023年上半年经济运行情况”，再导入".to_owned();
        return Err(ErrorKind::Import { origin: origin.to_owned(), place: format!("第{}个字符起", at + 1), message }.into());
    }
    let release_id = crate::bundled::all()
        .ok()
        .and_then(|all| all.into_iter().find(|r| r.title == title).map(|r| r.id))
        .unwrap_or_else(|| "draft".into());
    let release = Release {
        id: release_id,
        kind: None,
        place: None,
        place_en: None,
        title,
        title_en: None,
        publishers,
        publishers_en: Vec::new(),
        period,
        published: None,
        version: None,
        revised: None,
        next_release: None,
        status,
        source: Source { document: origin.to_owned(), document_en: None, file: None, note: source_note },
        footnotes,
        sections,
        sentences: release_sentences,
        facts,
        breakdowns,
        ratios,
        series: Vec::new(),
        tables: tables_out,
    };
    let problems = crate::load::validate(&release);
    if let Some(problem) = problems.first() {
        return Err(ErrorKind::Import { origin: origin.to_owned(), place: "第1个字符起".into(), message: format!("读出的草稿不合格式（{}：{}），请报告此问题", problem.path, problem.message) }.into());
    }
    Ok((release, report))
}

/// A header whose line began with blanks and has fewer cells than the rows: its cells stand over
/// the rows' last columns (the label column's header left blank).
fn aligned(header: Vec<String>, rows: &[(Vec<String>, (usize, usize))], indented: bool) -> Vec<String> {
    let width = rows.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    if !indented || header.len() >= width {
        return header;
    }
    let mut out = vec![String::new(); width - header.len()];
    out.extend(header);
    out
}

/// Labels that name no indicator of their own: a table's total row is named by its caption.
const GENERIC_LABELS: [&str; 6] = ["合计", "总计", "小计", "全部", "总额", "其他"];

/// A table's rows read into facts like the prose's. Each row with figures is a sentence of its
/// own (`<section>-t<k>-<n>`, its span the row's characters). A row naming a fact the prose
/// states (the same name, or a name holding the label with a figure in common: 第一产业 →
/// 第一产业增加值) is that fact: no second fact, its cells stay in the table, where the checker
/// compares them with the prose. Any other row is a new fact named by its label, with the
/// figures its columns give ([`tables::roles`]): the level with its column's unit, the growth,
/// the share of its total. 其中 rows — marked 其中/#, indented, or after a 其中 line — are parts
/// of the row above them (a partial breakdown); without indentation a 其中 list ends at a row whose
/// level is not in the total's unit or exceeds it.
#[allow(clippy::too_many_arguments)]
fn table_facts(reader: &mut Reader, sentences_out: &mut Vec<Sentence>, report: &mut Report, original: &[char], header: &[String], rows: &[(Vec<String>, (usize, usize))], section: &str, number: usize, release_year: Option<i32>) -> Vec<Option<usize>> {
    use crate::fact::{Growth, GrowthForm, Quantity};
    use crate::unit::Unit;
    let mut linked: Vec<Option<usize>> = vec![None; rows.len()];
    let cells: Vec<Vec<String>> = rows.iter().map(|(c, _)| c.clone()).collect();
    if cells.iter().filter(|c| c.len() > 1).count() == 0 {
        return linked;
    }
    let roles = tables::roles(header, &cells, release_year);
    for why in &roles.unread {
        report.notes.push(format!("表格第{number}个：{why}，只留在表中，不读作指标"));
    }
    let indent = |(start, _): (usize, usize)| -> usize {
        let line_start = original[..start.min(original.len())].iter().rposition(|c| *c == '\n' || *c == '\r').map_or(0, |i| i + 1);
        let from = if start > line_start && original[line_start..start].iter().all(|c| super::clean::is_blank(*c)) { line_start } else { start };
        original[from..].iter().skip_while(|c| matches!(c, '|' | '｜')).take_while(|c| super::clean::is_blank(**c)).map(|c| if *c == '\u{3000}' || *c == '\t' { 2 } else { 1 }).sum()
    };
    let number_of = |row: &[String], j: usize| tables::cell_number(row.get(j)?);
    let prose = reader.facts.len();
    let base = rows.iter().filter(|(c, _)| c.len() > 1).map(|(_, r)| indent(*r)).min().unwrap_or(0);
    // The current total (row's fact, its level) and the indent of its parts, inside a 其中 list.
    let mut top: Option<(Option<usize>, Option<Quantity>)> = None;
    let mut group: Option<usize> = None;
    let mut parts: Vec<(usize, Vec<usize>)> = Vec::new();
    // Whether the next part starts a list of its own (after a grouping row or a 其中).
    let mut new_list = false;
    let mut group_sum = rust_decimal::Decimal::ZERO;
    let mut k = 0usize;
    for (r, (row, range)) in rows.iter().enumerate() {
        let at = indent(*range);
        let (label, marked) = tables::row_label(row.get(roles.label).map_or("", String::as_str));
        // 地区生产总值（亿元）: the name, and the unit of the row's level.
        let (label, label_unit) = match tables::label_unit(&label).filter(|_| roles.label_units) {
            Some((name, unit)) => (name, Some(unit)),
            None => (label, None),
        };
        let figures = row.iter().enumerate().filter(|(j, c)| *j != roles.label && Some(*j) != roles.unit && tables::cell_number(c).is_some()).count();
        if row.len() <= 1 || figures == 0 {
            // A 其中 line, or a figure-less grouping row (按产业分): the rows after it are a new
            // list of parts of the same total.
            if (marked && label.is_empty()) || (figures == 0 && !label.is_empty() && top.is_some()) {
                group = Some(at);
                new_list = true;
            }
            continue;
        }
        let value = roles.level.as_ref().and_then(|(j, unit)| {
            let (amount, percent) = number_of(row, *j)?;
            let unit = match unit {
                Some(unit) => unit.clone(),
                None if percent => Unit::Percent,
                None if roles.label_units => match &label_unit {
                    Some(unit) => unit.clone(),
                    // A part (其中：第一产业) in its total's unit.
                    None if marked || group.is_some() => top.as_ref().and_then(|(_, v)| v.as_ref()).map(|v| v.unit.clone())?,
                    None => return None,
                },
                None => Unit::from(roles.unit.and_then(|u| row.get(u)).filter(|u| !u.is_empty() && *u != "-")?.as_str()),
            };
            Some(Quantity { amount, unit, decimals: None })
        });
        // Whether the row is a part of the total above it.
        let part = top.is_some()
            && (marked
                || at > base
                || group.is_some_and(|g| at >= g && {
                    // Without indentation, a 其中 list runs on while its parts fit in the total.
                    let total = top.as_ref().and_then(|(_, v)| v.as_ref());
                    match (total, &value) {
                        (Some(t), Some(v)) => t.unit == v.unit && group_sum + v.amount <= t.amount,
                        _ => at > base,
                    }
                }));
        if marked {
            group = Some(at);
            new_list = true;
            group_sum = rust_decimal::Decimal::ZERO;
        } else if !part {
            group = None;
        }
        if part {
            group_sum += value.as_ref().map_or(rust_decimal::Decimal::ZERO, |v| v.amount);
            // Parts that make up the whole total close the list.
            if top.as_ref().and_then(|(_, v)| v.as_ref()).is_some_and(|t| value.as_ref().is_some_and(|v| v.unit == t.unit) && group_sum == t.amount) && at == base {
                group = None;
            }
        }
        // A sentence for the row.
        let text = super::clean::clean_str(&original[range.0..range.1.min(original.len())].iter().collect::<String>());
        if !text.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        k += 1;
        let sentence = sentences_out.len();
        sentences_out.push(Sentence { id: format!("{section}-t{number}-{k}"), section: section.to_owned(), text, span: Some(Span { start: range.0, end: range.1 }) });
        let growth = roles.growth.and_then(|(j, stated)| number_of(row, j).map(|(rate, _)| (rate, stated)));
        let share = roles.share.and_then(|j| number_of(row, j).map(|(p, _)| p));
        let agrees = |f: &DraftFact| {
            value.as_ref().is_some_and(|v| f.value.as_ref().is_some_and(|w| w.amount == v.amount && w.unit == v.unit)) || growth.is_some_and(|(rate, _)| f.growth.as_ref().is_some_and(|g| g.rate == rate))
        };
        let named = reader.facts[..prose].iter().position(|f| f.period.is_none() && f.name == label)
            .or_else(|| reader.facts[..prose].iter().position(|f| f.period.is_none() && label.chars().count() >= 2 && f.name.contains(label.as_str()) && agrees(f)));
        let fact = if label.is_empty() || GENERIC_LABELS.contains(&label.as_str()) {
            None
        } else if let Some(f) = named {
            // What the prose leaves out, the row states (its cells are the figures' print).
            if reader.facts[f].value.is_none() {
                reader.facts[f].value = value.clone();
            }
            if let (None, Some((rate, stated))) = (&reader.facts[f].growth, growth) {
                let basis = reader.basis(stated);
                reader.facts[f].growth = Some(Growth { rate, form: GrowthForm::Percent, basis, prices: None });
            }
            Some(f)
        } else if reader.facts.iter().any(|f| f.name == label && f.period.is_none()) || (value.is_none() && growth.is_none()) {
            None
        } else {
            let f = reader.table_fact(label.clone(), sentence);
            reader.facts[f].value = value.clone();
            if let Some((rate, stated)) = growth {
                let basis = reader.basis(stated);
                reader.facts[f].growth = Some(Growth { rate, form: GrowthForm::Percent, basis, prices: None });
            }
            Some(f)
        };
        linked[r] = fact;
        if part {
            if let (Some((Some(total), _)), Some(f)) = (&top, fact) {
                match parts.iter_mut().rev().find(|(t, _)| t == total).filter(|_| !new_list) {
                    Some((_, list)) => list.push(f),
                    None => parts.push((*total, vec![f])),
                }
                new_list = false;
                if let (Some(p), true) = (share, reader.facts[f].share.is_none()) {
                    reader.facts[f].share = Some((*total, p));
                }
            }
        } else {
            top = Some((fact, value));
            new_list = false;
        }
    }
    for (total, list) in parts {
        if list.is_empty() {
            continue;
        }
        // Parts whose levels add up exactly to the total's are the whole of it.
        let level = |f: usize| reader.facts[f].value.clone();
        let exhaustive = level(total).is_some_and(|t| {
            let levels: Option<Vec<Quantity>> = list.iter().map(|&p| level(p)).collect();
            levels.is_some_and(|l| list.len() > 1 && l.iter().all(|q| q.unit == t.unit) && l.iter().map(|q| q.amount).sum::<rust_decimal::Decimal>() == t.amount)
        });
        reader.table_breakdown(total, list, exhaustive);
    }
    linked
}

/// The release's period: from the title (2022年 → the year; 1-11月 → cumulative; 2月份 → the
/// month), else from the first date in the text. A year followed by an issue number (2024年第3期)
/// dates the issue, not the period: the period is then the first span of months the text reports
/// (现将1-3月财政收支情况简报如下), of the issue's year.
fn release_period(title: &str, blocks: &[Block], original: &[char]) -> Option<(Period, Option<String>)> {
    let issue_year = |chars: &[char], tokens: &[grammar::Token]| -> Option<i32> {
        tokens.windows(2).find_map(|pair| match (&pair[0].kind, &pair[1].kind) {
            (Kind::Year { year }, Kind::Ordinal { .. }) if pair[1].start == pair[0].after + 1 && chars.get(pair[1].after.saturating_sub(1)) == Some(&'期') => Some(*year),
            _ => None,
        })
    };
    let mut issue: Option<i32> = None;
    let from = |text: &str, issue: &mut Option<i32>| -> Option<Period> {
        let chars: Vec<char> = text.chars().collect();
        let tokens = grammar::tokens(&chars);
        if let Some(year) = issue_year(&chars, &tokens) {
            *issue = Some(year);
            return None;
        }
        let span = || {
            tokens.iter().find_map(|t| match t.kind {
                Kind::Months { from, to } if from < to => Some((from, to)),
                _ => None,
            })
        };
        let year = match tokens.iter().find_map(|t| match t.kind {
            Kind::Year { year } => Some((year, t.after)),
            _ => None,
        }) {
            Some(year) => year,
            None => {
                let (year, (from, to)) = ((*issue)?, span()?);
                let period = Period::Cumulative { year, from_month: from, to_month: to };
                return period.validate().is_ok().then_some(period);
            }
        };
        let months = tokens.iter().find_map(|t| match t.kind {
            Kind::Months { from, to } if t.start >= year.1 && t.start <= year.1 + 1 => Some((from, to)),
            _ => None,
        });
        // 2023年上半年, 一季度, 前三季度: spans of months in words.
        let after_year: String = chars.get(year.1..).map(|c| c.iter().take(6).collect()).unwrap_or_default();
        let quarters = [("上半年", 6), ("前三季度", 9), ("第一季度", 3), ("一季度", 3), ("1季度", 3), ("前两季度", 6)];
        let months = months.or_else(|| quarters.iter().find(|(w, _)| after_year.starts_with(w)).map(|(_, to)| (1, *to)));
        let period = match months {
            Some((from, to)) if from != to => Period::Cumulative { year: year.0, from_month: from, to_month: to },
            Some((_, to)) if text.contains("累计") => Period::Cumulative { year: year.0, from_month: 1, to_month: to },
            Some((_, to)) => Period::Month { year: year.0, month: to },
            None => Period::Year { year: year.0 },
        };
        period.validate().is_ok().then_some(period)
    };
    if let Some(period) = from(title, &mut issue) {
        return Some((period, None));
    }
    for block in blocks.iter().take(200) {
        // A line of its own may give the issue (2023年第2期), never the period (it may be the
        // date of publication).
        if let Block::Line { text, .. } = block {
            let chars: Vec<char> = text.chars().collect();
            if let Some(year) = issue_year(&chars, &grammar::tokens(&chars)) {
                issue = Some(year);
            }
        }
        if let Block::Paragraph { ranges } = block {
            let (cleaned, cut) = sentences::sentences(original, ranges);
            for (start, end) in cut.into_iter().take(5) {
                if let Some(period) = from(&cleaned.text(start, end), &mut issue) {
                    return Some((period.clone(), Some(format!("标题未写明时期，按正文中最先出现的时期“{period}”"))));
                }
            }
        }
    }
    None
}

/// Draft facts into facts with ids; breakdowns and ratios with theirs.
fn assemble(reader: Reader, sentences: &[Sentence], footnotes: &[Footnote], known: &Known, ids: &mut Ids, report: &mut Report) -> (Vec<Fact>, Vec<Breakdown>, Vec<StructureRatio>, Vec<Option<String>>) {
    let Reader { mut facts, breakdowns, ratios, .. } = reader;
    // Names stay unique per period: a part repeated under other totals (中央级) is named with
    // its total, "中央级（全口径税收收入）".
    let mut by_name: HashMap<(String, Option<Period>), Vec<usize>> = HashMap::new();
    for (i, f) in facts.iter().enumerate() {
        by_name.entry((f.name.clone(), f.period.clone())).or_default().push(i);
    }
    let mut part_of: HashMap<usize, usize> = HashMap::new();
    for (k, b) in breakdowns.iter().enumerate() {
        for &p in &b.parts {
            part_of.entry(p).or_insert(k);
        }
    }
    let mut renames: Vec<(usize, String)> = Vec::new();
    for same in by_name.values().filter(|v| v.len() > 1) {
        for &i in same {
            if let Some(b) = part_of.get(&i).and_then(|&k| breakdowns.get(k)) {
                let total = &facts[b.total].name;
                renames.push((i, format!("{}（{}）", facts[i].name, total)));
            }
        }
    }
    for (i, name) in renames {
        facts[i].name = name;
    }
    let keep: Vec<bool> = facts.iter().map(DraftFact::states_something).collect();
    for (i, f) in facts.iter().enumerate() {
        if !keep[i] && (!f.gaps.is_empty() || !f.ranks.is_empty() || f.contribution.is_some()) {
            report.notes.push(format!("“{}”只有差距、名次或拉动，没有数值或增速，未列为指标", f.name));
        }
    }
    let mut fact_ids: Vec<Option<String>> = vec![None; facts.len()];
    for (i, f) in facts.iter().enumerate() {
        if keep[i] {
            let wanted = known.facts.get(&f.name).map(|(id, _)| id.as_str());
            fact_ids[i] = Some(ids.take(wanted, "f"));
        }
    }
    let footnote_ids: HashSet<&str> = footnotes.iter().map(|f| f.id.as_str()).collect();
    let sentence_id = |index: usize| sentences.get(index).map(|s| s.id.clone());
    let mut out = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        let Some(id) = fact_ids[i].clone() else { continue };
        let mut growth = f.growth.clone();
        if let Some(g) = &mut growth {
            g.prices = prices(f);
        }
        out.push(Fact {
            id,
            indicator: None,
            name: f.name.clone(),
            name_en: known.facts.get(&f.name).and_then(|(_, en)| en.clone()),
            sentence: sentence_id(f.sentence),
            period: f.period.clone(),
            value: f.value.clone(),
            growth,
            increase: f.increase.clone(),
            gaps: f.gaps.clone(),
            ranks: f.ranks.clone(),
            contribution: f.contribution.and_then(|(to, points)| Some(Contribution { to: fact_ids.get(to)?.clone()?, points })),
            share: f.share.and_then(|(of, percent)| Some(StatedShare { of: fact_ids.get(of)?.clone()?, percent })),
            footnotes: f.footnotes.iter().filter(|id| footnote_ids.contains(id.as_str())).cloned().collect(),
            note: f.note.clone(),
        });
    }
    let mut breakdown_ids: Vec<Option<String>> = vec![None; breakdowns.len()];
    let mut out_breakdowns = Vec::new();
    for (k, b) in breakdowns.iter().enumerate() {
        let Some(total) = fact_ids.get(b.total).cloned().flatten() else { continue };
        if let Some(draft_total) = facts.get(b.total).filter(|f| !additive(f)) {
            report.notes.push(format!("“{}”是平均数或比率，其下各项不能相加，未列为构成", draft_total.name));
            continue;
        }
        let parts: Vec<String> = b.parts.iter().filter_map(|&p| fact_ids.get(p).cloned().flatten()).filter(|p| *p != total).collect();
        if parts.is_empty() {
            continue;
        }
        let mut sorted = parts.clone();
        sorted.sort();
        let bundled = known.breakdowns.get(&(total.clone(), sorted));
        let id = ids.take(bundled.map(|(id, _)| id.as_str()), "b");
        let name = if b.name.is_empty() { format!("其中：{}", facts.get(b.total).map_or("", |f| f.name.as_str())) } else { b.name.clone() };
        breakdown_ids[k] = Some(id.clone());
        out_breakdowns.push(Breakdown { id, name, name_en: bundled.and_then(|(_, en)| en.clone()), kind: b.kind, total, parts });
    }
    let mut out_ratios = Vec::new();
    for r in &ratios {
        // A ratio to one (城乡居民人均收入比2.01:1) compares two levels; it is no structure of parts.
        let relative = r.terms.len() == 2 && r.terms.last().is_some_and(|t| *t == Decimal::ONE);
        let breakdown = r.breakdown.filter(|_| !relative).and_then(|b| breakdown_ids.get(b).cloned().flatten());
        let bundled = known.ratios.get(&r.name).filter(|(_, b, ..)| b.is_some() && *b == breakdown);
        let id = ids.take(bundled.map(|(id, ..)| id.as_str()), "r");
        let (name_en, labels_en) = match bundled {
            Some((_, _, en, labels)) if labels.len() == r.terms.len() => (en.clone(), labels.clone()),
            _ => (None, Vec::new()),
        };
        out_ratios.push(StructureRatio { id, name: r.name.clone(), name_en, terms: r.terms.clone(), labels: r.labels.clone(), labels_en, breakdown, sentence: sentence_id(r.sentence) });
    }
    (out, out_breakdowns, out_ratios, fact_ids)
}

/// Whether a total's parts can add up to it: not for averages, per-head figures, rates and indexes
/// (城镇居民人均可支配收入 and 农村居民人均可支配收入 do not sum to 全体居民人均可支配收入).
fn additive(fact: &DraftFact) -> bool {
    const NOT_SUMS: [&str; 4] = ["人均", "平均", "指数", "系数"];
    let name = fact.name.as_str();
    let per_cent = fact.value.as_ref().is_some_and(|v| matches!(v.unit.dimension(), Some(Dimension::Percent | Dimension::PerMille | Dimension::Pure)));
    !per_cent && !NOT_SUMS.iter().any(|w| name.contains(w)) && !name.ends_with('率')
}
