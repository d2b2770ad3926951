//! Normalising what PDF extraction and Word leave in bulletin text, keeping for every character
//! kept the place it came from, so that spans always index the original input.
//!
//! What is normalised: spaces and line breaks inside a paragraph (PDF puts a space between every
//! figure and its 汉字: "489.91 亿元"), full-width digits, ％ and ．, thousands separators
//! ("9,076"), ASCII punctuation between 汉字 (`,` `;` `(`), dashes in month spans; footnote
//! markers (`^[2]`, `[2]`) are taken out and remembered by position.

/// Text after cleaning: its characters, and for each the index of the original character it
/// stands for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub chars: Vec<char>,
    pub origin: Vec<usize>,
    /// Footnote markers taken out: the index in `chars` they stood before, and their number.
    pub marks: Vec<(usize, String)>,
}

impl Cleaned {
    /// The cleaned characters `[start, end)` as a string.
    pub fn text(&self, start: usize, end: usize) -> String {
        self.chars.get(start..end.min(self.chars.len())).map(|c| c.iter().collect()).unwrap_or_default()
    }

    /// The original span of cleaned characters `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end {
            return None;
        }
        let first = *self.origin.get(start)?;
        let last = *self.origin.get(end - 1)?;
        Some((first, last + 1))
    }
}

/// Whether a character is a blank inside a line: space, tab, no-break and ideographic spaces.
pub fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{3000}' | '\u{2002}'..='\u{200b}' | '\u{feff}')
}

/// Whether a character goes in cleaning, as blanks and line breaks do: every Unicode white space
/// (form feeds and line separators that PDF extraction leaves) and every control character.
fn is_space(c: char) -> bool {
    is_blank(c) || c.is_whitespace() || c.is_control()
}

/// Cleans original characters `[start, end)` of each range in turn, as one paragraph: line
/// breaks and blanks go (an ASCII word keeps one space before the next, and so does a number).
pub fn clean(original: &[char], ranges: &[(usize, usize)]) -> Cleaned {
    let mut raw: Vec<(char, usize)> = Vec::new();
    for &(start, end) in ranges {
        let end = end.min(original.len());
        for (i, &c) in original.iter().enumerate().take(end).skip(start) {
            raw.push((c, i));
        }
        raw.push(('\n', end.saturating_sub(1)));
    }
    // For each position, the next character that is not a blank or a line break: found once,
    // backwards, so that long runs of blanks cost their length, not its square.
    let mut next_solid: Vec<Option<char>> = vec![None; raw.len() + 1];
    for j in (0..raw.len()).rev() {
        let c = raw[j].0;
        next_solid[j] = if is_space(c) { next_solid[j + 1] } else { Some(c) };
    }
    let mut out = Cleaned::default();
    let mut i = 0;
    while i < raw.len() {
        let (c, at) = raw[i];
        // Footnote markers: ^[2], [2], ［2］, ^2 is left alone.
        if let Some((len, id)) = footnote_marker(&raw, i) {
            out.marks.push((out.chars.len(), id));
            i += len;
            continue;
        }
        if is_space(c) {
            let prev = out.chars.last().copied();
            let next = next_solid[i + 1];
            if let (Some(p), Some(n)) = (prev, next) {
                // Two words keep a space; so do two numbers ("12345 4.0", cells run together):
                // joined they would be a number the text does not print.
                let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
                let point = |c: char| matches!(c, '.' | '．');
                if (p.is_ascii_alphabetic() && n.is_ascii_alphabetic() || digit(p) && (digit(n) || point(n)) || point(p) && digit(n)) && p != ' ' {
                    out.chars.push(' ');
                    out.origin.push(at);
                }
            }
            i += 1;
            continue;
        }
        let mapped = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '％' => '%',
            '．' if out.chars.last().is_some_and(char::is_ascii_digit) => '.',
            // A middle dot for the decimal point (OCR, some PDFs): 1·8%.
            '·' | '•' | '・'
                if out.chars.last().is_some_and(char::is_ascii_digit)
                    && raw.get(i + 1).is_some_and(|(c, _)| c.is_ascii_digit() || ('０'..='９').contains(c)) =>
            {
                '.'
            }
            '－' | '—' | '–' | '~' | '～' if out.chars.last().is_some_and(char::is_ascii_digit) => '-',
            '：' | '∶' if out.chars.last().is_some_and(char::is_ascii_digit) => ':',
            ',' | '，' if is_thousands(&out.chars, &raw, i) => {
                i += 1;
                continue;
            }
            ',' => '，',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            '?' => '？',
            '!' => '！',
            ':' if !out.chars.last().is_some_and(char::is_ascii_digit) => '：',
            other => other,
        };
        out.chars.push(mapped);
        out.origin.push(at);
        i += 1;
    }
    out
}

/// Cleans a string on its own (a sentence's original text, say): what [`clean`] makes of it.
pub fn clean_str(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    clean(&chars, &[(0, chars.len())]).chars.into_iter().collect()
}

/// A footnote marker at `i`: `^[12]`, `[3]`, `［3］`, `^12` after a 汉字 or a figure: its length and
/// number. A `[n]` at the start of a line is a footnote itself, not a marker; the caller keeps
/// those lines apart.
fn footnote_marker(raw: &[(char, usize)], i: usize) -> Option<(usize, String)> {
    let mut j = i;
    let caret = raw.get(j).is_some_and(|(c, _)| *c == '^');
    if caret {
        j += 1;
    }
    let open = raw.get(j).map(|(c, _)| *c)?;
    if open != '[' && open != '［' {
        return None;
    }
    j += 1;
    let digits_start = j;
    while raw.get(j).is_some_and(|(c, _)| c.is_ascii_digit() || ('０'..='９').contains(c)) && j - digits_start < 3 {
        j += 1;
    }
    if j == digits_start {
        return None;
    }
    let close = raw.get(j).map(|(c, _)| *c)?;
    if close != ']' && close != '］' {
        return None;
    }
    let id: String = raw[digits_start..j]
        .iter()
        .map(|(c, _)| if c.is_ascii_digit() { *c } else { char::from_u32(*c as u32 - '０' as u32 + '0' as u32).unwrap_or('0') })
        .collect();
    let id = id.trim_start_matches('0');
    let id = if id.is_empty() { "0" } else { id };
    Some((j + 1 - i, id.to_owned()))
}

/// Whether a comma at `i` separates thousands: digits before (at most three since the last
/// separator or the number's start), exactly three digits after and then no digit.
fn is_thousands(cleaned: &[char], raw: &[(char, usize)], i: usize) -> bool {
    let before = cleaned.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if before == 0 || cleaned.iter().rev().nth(before).is_some_and(|c| *c == '.') {
        return false;
    }
    // The three digits follow the separator at once; a blank after them ends the number
    // ("2,456 3.1": two cells, 2456 and 3.1).
    let after: Vec<char> = raw[i + 1..].iter().map(|(c, _)| *c).take(4).collect();
    let digit = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(c));
    digit(after.first()) && digit(after.get(1)) && digit(after.get(2)) && !digit(after.get(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artefacts_are_normalised_and_every_character_keeps_its_origin() {
        let rows = [
            ("实现地区生产总值 489.91 亿元，比上年增长 8.3%^[2]。", "实现地区生产总值489.91亿元，比上年增长8.3%。"),
            ("完成９,０７６万元，增长１９．２２％", "完成9076万元，增长19.22%"),
            ("结构比为 1.5 : 69.6 : 28.9", "结构比为1.5:69.6:28.9"),
            ("1－11 月", "1-11月"),
            ("增长 2.5%[3]，(含 GDP 数据)", "增长2.5%，（含GDP数据）"),
            ("1,2,3个", "1，2，3个"),
            // A form feed (a PDF page break), a line separator and stray controls go like blanks
            // (found by the text_import fuzz target: fuzz/seeds/text_import/regression-form-feed.txt).
            ("可支配收入\n\u{c}\n\n36346 元", "可支配收入36346元"),
            ("收\u{1}入\u{2028}15908\u{85}元", "收入15908元"),
            ("Word pasted\r\ntext", "Word pasted text"),
        ];
        for (input, expected) in rows {
            assert_eq!(clean_str(input), expected, "{input}");
        }
        let chars: Vec<char> = "增长 8.3%^[2]。".chars().collect();
        let cleaned = clean(&chars, &[(0, chars.len())]);
        assert_eq!(cleaned.marks, vec![(6, "2".to_owned())]);
        assert_eq!(cleaned.span(2, 6), Some((3, 7)));
        assert_eq!(cleaned.chars.len(), cleaned.origin.len());
    }
}
