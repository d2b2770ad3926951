//! The layout of a bulletin: its lines sorted into the title, the publisher, headings, prose
//! paragraphs (a paragraph runs on over line breaks and blank lines until a line ends a sentence),
//! footnotes, tables; and the paragraphs cut into sentences at 。, each with its span in the
//! original text.

use super::clean::{clean, is_blank, Cleaned};

/// A run of the original text, `[start, end)` in characters.
pub type Range = (usize, usize);

/// One block of the layout, in the order of the text.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A line standing alone that is not prose: the title, the publisher, a table's caption, a
    /// heading without a number ("注：").
    Line { range: Range, text: String },
    /// A numbered heading: 一、综合; （一）…; `### 一、…`. `level` 1 for 一、, 2 for （一）.
    Heading { range: Range, title: String, level: u8 },
    /// A footnote line: `[1] 本公报中数据均为初步统计数。`
    Footnote { range: Range, id: String, text: String },
    /// A line of table cells, separated by tabs or runs of two or more blanks.
    TableRow { range: Range, cells: Vec<(String, Range)> },
    /// Prose: one or more lines read as one paragraph.
    Paragraph { ranges: Vec<Range> },
}

/// Splits the original characters into lines, `[start, end)` without the line break.
pub fn lines(original: &[char]) -> Vec<Range> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in original.iter().enumerate() {
        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, original.len()));
    out
}

/// Sorts the lines into blocks.
pub fn blocks(original: &[char]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // Whether the last paragraph is still open: its last line did not end a sentence.
    let mut open = false;
    // Whether the open paragraph's last line ended in a figure ("…结构为9.2:51:39.8").
    let mut ended_in_figure = false;
    let all_lines = lines(original);
    let web = one_cell_tables(original, &all_lines);
    for (index, &(start, end)) in all_lines.iter().enumerate() {
        let line: String = original[start..end].iter().collect();
        let trimmed = line.trim_matches(|c: char| is_blank(c) || c.is_whitespace());
        if trimmed.is_empty() || is_rule(trimmed) {
            continue;
        }
        let range = (start, end);
        match web.get(&index) {
            Some(OneCell::Rows(rows)) => {
                for cells in rows {
                    let range = (cells.first().map_or(start, |c| c.1 .0), cells.last().map_or(end, |c| c.1 .1));
                    out.push(Block::TableRow { range, cells: cells.clone() });
                }
                open = false;
                continue;
            }
            Some(OneCell::Taken) => continue,
            Some(OneCell::Unread) => {
                out.push(Block::Line { range, text: super::clean::clean_str(trimmed) });
                open = false;
                continue;
            }
            None => {}
        }
        // A line saying only 其中 between a table's rows marks the parts that follow.
        if matches!(out.last(), Some(Block::TableRow { .. })) && matches!(trimmed, "其中" | "其中：" | "其中:") {
            out.push(Block::TableRow { range, cells: vec![(super::clean::clean_str(trimmed), range)] });
            continue;
        }
        // A row of one label between a table's rows (a figure-less grouping row: "　按产业分\t\t\t").
        let grouping = matches!(out.last(), Some(Block::TableRow { .. })) && (line.contains('\t') || trimmed.matches(['|', '｜']).count() >= 2);
        if let Some(cells) = table_cells(original, range).or_else(|| grouping.then(|| table_cells_of(original, range, 1)).flatten()) {
            out.push(Block::TableRow { range, cells });
            open = false;
            continue;
        }
        let (markdown, body) = strip_markdown(trimmed);
        if let Some((id, text)) = footnote_line(body) {
            out.push(Block::Footnote { range, id, text });
            open = false;
            continue;
        }
        let cleaned: String = super::clean::clean_str(body);
        if let Some(level) = heading_level(&cleaned) {
            // A heading followed by prose on the same line ("（一）工业生产总体平稳。一是…"):
            // the heading is the words up to the first 。, the rest is a paragraph.
            match inline_heading(&cleaned) {
                Some(title) if !ends_sentence(&cleaned) || cleaned.chars().count() > title.chars().count() + 1 => {
                    out.push(Block::Heading { range, title: title.clone(), level });
                    if let Some(rest) = rest_after_heading(original, range, title.chars().count()) {
                        out.push(Block::Paragraph { ranges: vec![rest] });
                        open = !ends_open(original, rest);
                    } else {
                        open = false;
                    }
                    continue;
                }
                _ => {
                    out.push(Block::Heading { range, title: cleaned.trim_end_matches('。').to_owned(), level });
                    open = false;
                    continue;
                }
            }
        }
        let punctuated = cleaned.contains(['，', '。', '；', '：']) || cleaned.contains('、') && cleaned.chars().count() > 12;
        // A line ending in a figure goes on only into the figure's unit or punctuation: a line
        // starting with words starts a new paragraph (one paragraph per line, a last sentence
        // without its 。).
        if open && ended_in_figure && cleaned.chars().next().is_some_and(|c| !super::grammar::may_follow_figure(c)) {
            open = false;
        }
        ended_in_figure = cleaned.ends_with(|c: char| c.is_ascii_digit() || c == '%');
        if open {
            if let Some(Block::Paragraph { ranges }) = out.last_mut() {
                ranges.push(range);
                open = !ends_sentence(&cleaned);
                continue;
            }
        }
        // A title with its issue in brackets (某县财政收支情况简报（2024年第3期）) stands alone
        // although it ends in a bracket.
        let bracketed_title = cleaned.ends_with('）')
            && cleaned.rfind('（').is_some_and(|at| {
                let head: Vec<char> = cleaned[..at].chars().collect();
                at > 0 && !super::grammar::tokens(&head).iter().any(|t| matches!(t.kind, super::grammar::Kind::Figure { .. } | super::grammar::Kind::Ratio { .. }))
            });
        if markdown || (!punctuated && (!ends_sentence(&cleaned) || bracketed_title) && cleaned.chars().count() <= 40) {
            out.push(Block::Line { range, text: cleaned });
            open = false;
        } else {
            out.push(Block::Paragraph { ranges: vec![range] });
            open = !ends_sentence(&cleaned);
        }
    }
    out
}

/// A rule under a header ("|---|---|", "------"): no cells, no words.
fn is_rule(trimmed: &str) -> bool {
    trimmed.chars().any(|c| matches!(c, '-' | '—' | '─' | '=')) && trimmed.chars().all(|c| matches!(c, '-' | '—' | '─' | '=' | '|' | '｜' | ':' | '+' | ' ' | '\t' | '\u{3000}'))
}

/// What the reading of tables copied from a web page, one cell per line, makes of a line.
#[derive(Debug, Clone, PartialEq)]
enum OneCell {
    /// The table's first line: its header and rows, each as cells.
    Rows(Vec<Vec<(String, Range)>>),
    /// A later line of the same table.
    Taken,
    /// A line of what looked like such a table but whose cells do not fall into rows of one
    /// width: read as a line of its own (and reported), never guessed into rows.
    Unread,
}

/// Whether a cleaned cell is a figure of a table ("123456", "5.0", "-2.1", "20.3%", "-").
fn is_number_cell(cleaned: &str) -> bool {
    let body = cleaned.strip_suffix('%').unwrap_or(cleaned);
    let body = body.strip_prefix('-').unwrap_or(body);
    matches!(cleaned, "-" | "—" | "…") || (!body.is_empty() && body.starts_with(|c: char| c.is_ascii_digit()) && body.chars().all(|c| c.is_ascii_digit() || c == '.') && body.matches('.').count() <= 1)
}

/// Tables copied from a web page come one cell per line: the header's cells ("指标",
/// "绝对数（万元）", "比上年增长（%）"), then each row's label and its figures. A run of such short
/// lines is a table when its figures fall into rows of one width, each row a label and as many
/// figures as the header has columns after its first; the header is the label lines just before
/// the first row. A run whose figures do not (a row short of a cell, a header short of a column)
/// is left unread, line by line.
fn one_cell_tables(original: &[char], lines: &[Range]) -> std::collections::HashMap<usize, OneCell> {
    let mut out = std::collections::HashMap::new();
    // Each line: None (not a one-cell line, or blank), Some(true) a figure, Some(false) a label.
    let kinds: Vec<Option<(bool, String)>> = lines
        .iter()
        .map(|&(s, e)| {
            let text: String = original[s..e].iter().collect();
            let trimmed = text.trim_matches(|c: char| is_blank(c) || c.is_whitespace());
            if trimmed.is_empty() || trimmed.contains('\t') || trimmed.chars().count() > 30 || table_cells(original, (s, e)).is_some() {
                return None;
            }
            let cleaned = super::clean::clean_str(trimmed);
            if cleaned.contains(['。', '，', '；']) || heading_level(&cleaned).is_some() {
                return None;
            }
            Some((is_number_cell(&cleaned), cleaned))
        })
        .collect();
    let mut i = 0;
    while i < lines.len() {
        // A run of one-cell lines (blank lines inside it are skipped).
        if kinds[i].is_none() {
            i += 1;
            continue;
        }
        let mut run: Vec<usize> = Vec::new();
        let mut j = i;
        while j < lines.len() {
            let (s, e) = lines[j];
            let blank = original[s..e].iter().all(|c| is_blank(*c) || c.is_whitespace());
            match &kinds[j] {
                Some(_) => run.push(j),
                None if blank => {}
                None => break,
            }
            j += 1;
        }
        i = j.max(i + 1);
        let figure = |k: usize| kinds[run[k]].as_ref().is_some_and(|(n, _)| *n);
        let Some(first) = (0..run.len()).find(|&k| figure(k)) else { continue };
        if run.iter().filter(|&&k| kinds[k].as_ref().is_some_and(|(n, _)| *n)).count() < 2 || first == 0 {
            continue;
        }
        let width = (first..run.len()).take_while(|&k| figure(k)).count();
        // Rows from the first row's label on: a label and `width` figures each; a label alone
        // that says 其中 marks the parts that follow.
        let mut rows: Vec<Vec<usize>> = Vec::new();
        let mut k = first - 1;
        let mut ragged = false;
        while k < run.len() && !figure(k) {
            let figures = (k + 1..run.len()).take_while(|&m| figure(m)).count();
            let label = kinds[run[k]].as_ref().map_or("", |(_, t)| t.as_str());
            if figures == width {
                rows.push((k..=k + width).collect());
                k += width + 1;
            } else if figures == 0 && matches!(label, "其中" | "其中：" | "其中:") {
                rows.push(vec![k]);
                k += 1;
            } else if figures == 0 {
                break;
            } else {
                ragged = true;
                break;
            }
        }
        let end = k;
        let header_start = (first - 1).checked_sub(width + 1);
        if ragged || rows.iter().filter(|r| r.len() > 1).count() < 2 || header_start.is_none() {
            // Figures in one-cell lines that are no table of one width: reported, not guessed.
            if rows.len() >= 2 || ragged || header_start.is_none() {
                for &line in &run {
                    out.insert(line, OneCell::Unread);
                }
            }
            continue;
        }
        let header_start = header_start.unwrap_or(0);
        let cell = |k: usize| (kinds[run[k]].as_ref().map_or(String::new(), |(_, t)| t.clone()), lines[run[k]]);
        let mut table: Vec<Vec<(String, Range)>> = vec![(header_start..first - 1).map(cell).collect()];
        table.extend(rows.iter().map(|row| row.iter().map(|&k| cell(k)).collect()));
        for &line in &run[header_start..end] {
            out.insert(line, OneCell::Taken);
        }
        out.insert(run[header_start], OneCell::Rows(table));
    }
    out
}

/// Whether a paragraph's last range ends a sentence.
fn ends_open(original: &[char], (start, end): Range) -> bool {
    let text: String = original[start..end.min(original.len())].iter().collect();
    ends_sentence(&super::clean::clean_str(&text))
}

/// Whether cleaned text ends a sentence (and so a paragraph).
pub fn ends_sentence(cleaned: &str) -> bool {
    cleaned.ends_with(['。', '！', '？', '）']) && !cleaned.ends_with("其中）")
}

/// `# …` markdown heading marks and list bullets taken off: whether there were any, and the rest.
fn strip_markdown(line: &str) -> (bool, &str) {
    let body = line.trim_start_matches('#');
    if body.len() != line.len() && (body.starts_with(' ') || body.starts_with('\t')) {
        (true, body.trim_start())
    } else if let Some(rest) = line.strip_prefix("> ") {
        (false, rest.trim_start())
    } else {
        (false, line)
    }
}

/// A footnote line: `[1] text`, `^[1] text`, `注[1]：text`, `①text` is not read.
fn footnote_line(body: &str) -> Option<(String, String)> {
    let rest = body.strip_prefix('^').unwrap_or(body);
    let rest = rest.strip_prefix(['[', '［'])?;
    let close = rest.find([']', '］'])?;
    let id = &rest[..close];
    if id.is_empty() || id.len() > 3 || !id.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let text = rest[close..].trim_start_matches([']', '］']).trim();
    Some((id.trim_start_matches('0').to_owned(), super::clean::clean_str(text)))
}

const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// The level of a numbered heading: 1 for 一、, 2 for （一）, 3 for 1．; none for prose.
pub fn heading_level(cleaned: &str) -> Option<u8> {
    let numeral_run = |s: &str| s.chars().take_while(|c| CHINESE_NUMERALS.contains(*c)).count();
    let n = numeral_run(cleaned);
    if n > 0 && n <= 3 && cleaned.chars().nth(n) == Some('、') {
        return Some(1);
    }
    if let Some(rest) = cleaned.strip_prefix('（') {
        let n = numeral_run(rest);
        if n > 0 && n <= 3 && rest.chars().nth(n) == Some('）') {
            return Some(2);
        }
    }
    if let Some(rest) = cleaned.strip_prefix('第') {
        let n = numeral_run(rest);
        if n > 0 && rest.chars().nth(n).is_some_and(|c| "章部节".contains(c)) {
            return Some(1);
        }
    }
    None
}

/// The heading part of a numbered line: the words up to the first 。 (or the whole line when it
/// is short), if short enough to be a heading.
fn inline_heading(cleaned: &str) -> Option<String> {
    let head = cleaned.split('。').next().unwrap_or(cleaned);
    (head.chars().count() <= 30 && !head.contains('，')).then(|| head.to_owned())
}

/// The original range after a heading of `heading_chars` cleaned characters and its 。.
fn rest_after_heading(original: &[char], (start, end): Range, heading_chars: usize) -> Option<Range> {
    let line: Vec<char> = original[start..end].to_vec();
    let cleaned = clean(&line, &[(0, line.len())]);
    // The 。 after the heading, in original characters.
    cleaned.chars.get(heading_chars).filter(|c| **c == '。')?;
    let after = cleaned.origin.get(heading_chars)? + 1;
    let rest = (start + after, end);
    let text: String = original[rest.0..rest.1].iter().collect();
    (!text.trim().is_empty()).then_some(rest)
}

/// The cells of a table line: separated by tabs (an empty cell between two tabs is kept, as a
/// merged header leaves them), or by two or more blanks; at least two cells with words.
fn table_cells(original: &[char], range: Range) -> Option<Vec<(String, Range)>> {
    table_cells_of(original, range, 2)
}

/// The cells of a line, when at least `filled` of them have words.
fn table_cells_of(original: &[char], (start, end): Range, filled_at_least: usize) -> Option<Vec<(String, Range)>> {
    let line = &original[start..end];
    let has_tab = line.contains(&'\t');
    let bar = |c: &char| matches!(c, '|' | '｜');
    let bars = line.iter().filter(|c| bar(c)).count();
    let mut cells: Vec<(String, Range)> = Vec::new();
    let mut push = |s: usize, e: usize| {
        let text: String = line[s..e].iter().collect();
        cells.push((super::clean::clean_str(text.trim()), (start + s, start + e)));
    };
    if bars >= 2 || (bars == 1 && !has_tab) {
        // Cells joined by bars ("地区生产总值 | 123456 | 5.0 |"); a bar at either end closes no cell.
        let first = line.iter().position(|c| !is_blank(*c)).unwrap_or(0);
        let last = line.iter().rposition(|c| !is_blank(*c)).map_or(0, |i| i + 1);
        let mut s = if line.get(first).is_some_and(bar) { first + 1 } else { first };
        let stop = if last > s && line.get(last - 1).is_some_and(bar) { last - 1 } else { last };
        // `s` is the open cell's start: each bar closes it and opens the next.
        for (i, c) in line.iter().enumerate().take(stop).skip(s) {
            if bar(c) {
                push(s, i);
                s = i + 1;
            }
        }
        push(s, stop.max(s));
    } else if has_tab {
        let mut s = 0;
        for (i, &c) in line.iter().enumerate() {
            if c == '\t' {
                push(s, i);
                s = i + 1;
            }
        }
        push(s, line.len());
    } else {
        let mut i = 0;
        let mut cell_start: Option<usize> = None;
        while i <= line.len() {
            let run = if i == line.len() { 2 } else { line[i..].iter().take_while(|c| is_blank(**c)).count() };
            if run >= 2 {
                if let Some(s) = cell_start.take() {
                    push(s, i);
                }
                i += run.max(1);
            } else {
                if cell_start.is_none() && !is_blank(line[i]) {
                    cell_start = Some(i);
                }
                i += 1;
            }
        }
    }
    let cleaned_line = super::clean::clean_str(&line.iter().collect::<String>());
    let filled = cells.iter().filter(|(text, _)| !text.is_empty()).count();
    // "表1  2023年全旗主要经济指标": a caption with its number set apart, no row.
    let first = cells.iter().find(|(t, _)| !t.is_empty()).map_or("", |(t, _)| t.as_str());
    if let Some(number) = first.strip_prefix('表') {
        if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c)) {
            return None;
        }
    }
    (filled >= filled_at_least && !cleaned_line.contains('。') && cells.iter().all(|(t, _)| t.chars().count() <= 60)).then_some(cells)
}

/// A paragraph cut into sentences: the cleaned paragraph, and for each sentence its cleaned
/// characters `[start, end)`. A sentence ends after 。！？ (and a closing bracket or quote that
/// follows); a paragraph's last words are a sentence even without a 。.
pub fn sentences(original: &[char], ranges: &[Range]) -> (Cleaned, Vec<(usize, usize)>) {
    let cleaned = clean(original, ranges);
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let chars = &cleaned.chars;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '（' | '“' | '《' => depth += 1,
            '）' | '”' | '》' => depth = (depth - 1).max(0),
            _ => {}
        }
        if matches!(chars[i], '。' | '！' | '？') && depth == 0 {
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end], '”' | '’' | '）') {
                end += 1;
            }
            out.push((start, end));
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    (cleaned, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_paragraph_runs_on_until_a_line_ends_a_sentence() {
        let text = chars("西夏区 2022 年统计公报^[1]\n\n西夏区统计局\n\n一、综合\n\n林业产值 0.14 亿元，\n\n下降 54.8%；牧业产值 6.57 亿元。\n注：\n[1] 本公报中数据均为初步统计数。\n");
        let blocks = blocks(&text);
        let kinds: Vec<&str> = blocks
            .iter()
            .map(|b| match b {
                Block::Line { .. } => "line",
                Block::Heading { .. } => "heading",
                Block::Footnote { .. } => "footnote",
                Block::TableRow { .. } => "row",
                Block::Paragraph { .. } => "paragraph",
            })
            .collect();
        assert_eq!(kinds, ["line", "line", "heading", "paragraph", "paragraph", "footnote"]);
        let Block::Paragraph { ranges } = &blocks[3] else { panic!() };
        let (cleaned, cut) = sentences(&text, ranges);
        assert_eq!(cut.len(), 1);
        assert_eq!(cleaned.text(cut[0].0, cut[0].1), "林业产值0.14亿元，下降54.8%；牧业产值6.57亿元。");
    }

    #[test]
    fn headings_are_read_in_the_usual_numberings() {
        let rows = [("一、综合", Some(1)), ("（一）总体情况。", Some(2)), ("十二、人口", Some(1)), ("一是行业增长面过半。", None), ("第二部分 财政", Some(1))];
        for (line, level) in rows {
            assert_eq!(heading_level(line), level, "{line}");
        }
        let text = chars("（一）工业生产总体平稳。一是产销衔接良好，产销率99.2%。");
        let blocks = blocks(&text);
        assert!(matches!(&blocks[0], Block::Heading { title, level: 2, .. } if title == "（一）工业生产总体平稳"));
        let Block::Paragraph { ranges } = &blocks[1] else { panic!("{blocks:?}") };
        let (cleaned, cut) = sentences(&text, ranges);
        assert_eq!(cleaned.text(cut[0].0, cut[0].1), "一是产销衔接良好，产销率99.2%。");
    }

    #[test]
    fn table_lines_split_at_tabs_or_wide_gaps() {
        let text = chars("产品名称\t计量单位\t产量\n水泥    万吨    235.5\n增长 8.3%，比上年。");
        let blocks = blocks(&text);
        assert!(matches!(&blocks[0], Block::TableRow { cells, .. } if cells.len() == 3));
        assert!(matches!(&blocks[1], Block::TableRow { cells, .. } if cells[2].0 == "235.5"));
        assert!(matches!(&blocks[2], Block::Paragraph { .. }));
    }
}
