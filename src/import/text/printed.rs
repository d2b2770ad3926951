//! The import's first rule: **no figure without its printed number.** Every figure an imported
//! draft states — a fact's value, growth, increase, gaps, ranks, share and contribution, a
//! structure ratio's terms, a table's cells — is a number printed in the text as a whole token
//! (not a piece of a longer number, not two numbers joined), found in the original characters of
//! the sentence (or table row) the figure points at — or, for a figure that a later sentence adds
//! to a fact (a rank or gap of its growth: 收入增幅居全市第3位), of a sentence of the same section.
//!
//! [`unprinted`] lists the figures that break the rule; the property tests (`tests/properties.rs`)
//! and the fuzz target `text_import` require the list to be empty for every text.

use rust_decimal::Decimal;

use crate::release::Release;

/// The numbers printed in original characters, each as its exact decimal written out without
/// separators ("9,076" → "9076", "１２.５" → "12.5", "1·8" → "1.8"). A number is a maximal run of
/// digits (ASCII or full-width) with a decimal point (`.` `．` `·` between digits) and thousands
/// separators (`,` `，` before exactly three digits); a blank or a line break ends it, so two cells
/// "12345" and "4.0" are two numbers, never "123454.0". Chinese numerals of ranks (第三位) count
/// as the whole numbers they write.
pub fn numbers_in(chars: &[char]) -> Vec<String> {
    let digit = |c: char| -> Option<char> {
        match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        }
    };
    let is_digit = |i: usize| chars.get(i).copied().and_then(digit).is_some();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(i) {
            if let Some((value, len)) = chinese_numeral(&chars[i..]) {
                out.push(value.to_string());
                i += len;
            } else {
                i += 1;
            }
            continue;
        }
        let mut text = String::new();
        let mut seen_point = false;
        while i < chars.len() {
            let c = chars[i];
            if let Some(d) = digit(c) {
                text.push(d);
                i += 1;
            } else if matches!(c, '.' | '．' | '·') && !seen_point && is_digit(i + 1) {
                seen_point = true;
                text.push('.');
                i += 1;
            } else if matches!(c, ',' | '，') && !seen_point && (1..=3).all(|k| is_digit(i + k)) && !is_digit(i + 4) {
                i += 1;
            } else {
                break;
            }
        }
        // As the exact decimal it writes: "092" is 92, "5.0" stays 5.0.
        out.push(text.parse::<Decimal>().map_or(text, |d| d.to_string()));
    }
    out
}

/// A whole number written in Chinese numerals (一 … 九十九), and how many characters it takes.
fn chinese_numeral(chars: &[char]) -> Option<(u32, usize)> {
    let unit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    let mut value = 0u32;
    let mut len = 0usize;
    let mut pending: Option<u32> = None;
    for &c in chars.iter().take(4) {
        if let Some(d) = unit(c) {
            if pending.is_some() {
                break;
            }
            pending = Some(d);
        } else if c == '十' && value == 0 {
            value = pending.take().unwrap_or(1) * 10;
        } else {
            break;
        }
        len += 1;
    }
    value += pending.unwrap_or(0);
    (len > 0 && value > 0).then_some((value, len))
}

/// A figure as it must be printed: its magnitude written out as stored ("-14.6" → "14.6"; the
/// sign is the words' 下降 or a printed minus).
fn magnitude(figure: Decimal) -> String {
    figure.abs().to_string()
}

/// Every figure of `release` whose number is not printed, as a whole token, in the original text
/// of the sentence it points at (`input` is the text the release was imported from). Each entry
/// names the figure: "地区生产总值 · 数值 123454.0（句 s1-1）".
pub fn unprinted(release: &Release, input: &str) -> Vec<String> {
    let original: Vec<char> = input.chars().collect();
    let numbers = |sentence: &crate::release::Sentence| -> Vec<String> {
        sentence.span.and_then(|span| original.get(span.start..span.end.min(original.len()))).map(numbers_in).unwrap_or_default()
    };
    // The numbers of the sentence, and those of the other sentences of its section.
    let numbers_of = |sentence: Option<&str>| -> Option<(Vec<String>, Vec<String>)> {
        let sentence = release.sentences.iter().find(|s| Some(s.id.as_str()) == sentence)?;
        let section: Vec<String> = release.sentences.iter().filter(|s| s.section == sentence.section && s.id != sentence.id).flat_map(numbers).collect();
        Some((numbers(sentence), section))
    };
    let mut out = Vec::new();
    // 持平 says 0 in words: a zero change or gap of a sentence that says it is printed.
    let says_level = |sentence: Option<&str>| {
        release.sentences.iter().find(|s| Some(s.id.as_str()) == sentence).and_then(|s| s.span).and_then(|span| original.get(span.start..span.end.min(original.len()))).is_some_and(|chars| chars.iter().collect::<String>().contains("持平"))
    };
    let mut check = |what: String, figure: Decimal, printed: &Option<(Vec<String>, Vec<String>)>, sentence: Option<&str>| {
        if figure.is_zero() && says_level(sentence) {
            return;
        }
        let wanted = magnitude(figure);
        // A figure a later sentence adds to the fact (收入增幅居全市第3位 after the revenue's
        // sentence) is printed in that sentence, of the same section.
        if !printed.as_ref().is_some_and(|(own, section)| own.contains(&wanted) || section.contains(&wanted)) {
            let printed: String = release
                .sentences
                .iter()
                .find(|s| Some(s.id.as_str()) == sentence)
                .and_then(|s| s.span)
                .and_then(|span| original.get(span.start..span.end.min(original.len())))
                .map(|chars| chars.iter().collect())
                .unwrap_or_default();
            out.push(format!("{what} {wanted}（句 {}：“{printed}”）", sentence.unwrap_or("—")));
        }
    };
    for fact in &release.facts {
        let sentence = fact.sentence.as_deref();
        // A fact a table row names also has that row's cells (each checked below to be one
        // number printed whole).
        let row_cells: Vec<String> = release
            .tables
            .iter()
            .flat_map(|t| t.rows.iter())
            .filter(|row| row.key.as_deref() == Some(fact.id.as_str()))
            .flat_map(|row| row.cells.values())
            .filter_map(|cell| super::tables::cell_number(cell).map(|(v, _)| magnitude(v)))
            .collect();
        let printed = numbers_of(sentence).map(|(own, mut section)| {
            section.extend(row_cells);
            (own, section)
        });
        let name = &fact.name;
        if let Some(value) = &fact.value {
            check(format!("{name} · 数值"), value.amount, &printed, sentence);
        }
        if let Some(growth) = &fact.growth {
            check(format!("{name} · 增速"), growth.rate, &printed, sentence);
        }
        if let Some(increase) = &fact.increase {
            check(format!("{name} · 增加"), increase.amount, &printed, sentence);
        }
        for gap in &fact.gaps {
            check(format!("{name} · 差距"), gap.points, &printed, sentence);
        }
        for rank in &fact.ranks {
            check(format!("{name} · 位次"), Decimal::from(rank.rank), &printed, sentence);
        }
        if let Some(share) = &fact.share {
            check(format!("{name} · 占比"), share.percent, &printed, sentence);
        }
        if let Some(contribution) = &fact.contribution {
            check(format!("{name} · 拉动"), contribution.points, &printed, sentence);
        }
    }
    for ratio in &release.ratios {
        let sentence = ratio.sentence.as_deref();
        let printed = numbers_of(sentence);
        for term in &ratio.terms {
            check(format!("{} · 比例", ratio.name), *term, &printed, sentence);
        }
    }
    // Table cells are kept as printed; each must be one number of the input.
    let all = numbers_in(&original);
    for table in &release.tables {
        let numeric: Vec<&str> = table.columns.iter().filter(|c| !matches!(c.kind, crate::table::ColumnKind::Text | crate::table::ColumnKind::Unit)).map(|c| c.id.as_str()).collect();
        for row in &table.rows {
            for (_, cell) in row.cells.iter().filter(|(column, _)| numeric.contains(&column.as_str())) {
                if let Ok(crate::table::CellValue::Number { value, .. }) = crate::table::read_cell(cell) {
                    let printed: Vec<char> = cell.chars().collect();
                    let as_printed = numbers_in(&printed);
                    if as_printed != [magnitude(value)] || !all.contains(&magnitude(value)) {
                        out.push(format!("{} · {} · {cell}（表 {}）", table.title, row.label, table.id));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_whole_tokens() {
        let n = |s: &str| numbers_in(&s.chars().collect::<Vec<_>>());
        assert_eq!(n("12345\t4.0"), ["12345", "4.0"]);
        assert_eq!(n("12345 4.0"), ["12345", "4.0"]);
        assert_eq!(n("9,076万元，增长１２.５%"), ["9076", "12.5"]);
        assert_eq!(n("1,2和3"), ["1", "2", "3"]);
        assert_eq!(n("增长1·8%"), ["1.8"]);
        assert_eq!(n("居全市第三位、第十二位"), ["3", "12"]);
        assert_eq!(n("2.0"), ["2.0"]);
    }
}
