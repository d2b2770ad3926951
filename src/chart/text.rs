//! Text measured the same way natively and in the browser, so a chart lays out identically in
//! both and golden SVG files hold for the page: CJK characters are one em wide, narrow Latin
//! characters and digits about 0.55 em.

/// The width in pixels of `text` at `size` px, slightly generous so labels never collide.
pub fn width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| char_em(c) * size).sum()
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '!' | '|' | 'i' | 'l' | 'j' | '\'' => 0.3,
        '(' | ')' | '[' | ']' | '-' | 't' | 'f' | 'r' => 0.38,
        '%' | 'm' | 'w' | 'M' | 'W' | '@' => 0.85,
        '−' | '·' => 0.55,
        c if c.is_ascii() => 0.58,
        _ => 1.0,
    }
}

/// Punctuation that must not begin a line (禁则): it hangs at the end of the line before.
fn no_line_start(c: char) -> bool {
    matches!(c, '、' | '，' | '。' | '：' | '；' | '）' | '”' | '’' | '！' | '？' | '%' | ')' | ',' | '.' | ':' | ';' | '·')
}

/// Breaks `text` into lines no wider than `max_width`, balanced so the last line is not a lone
/// character, and never starting a line with closing punctuation. At most `max_lines` lines; the
/// last is shortened with "…" if the text does not fit.
pub fn wrap(text: &str, size: f64, max_width: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let total = width(text, size);
    if total <= max_width {
        return vec![text.to_owned()];
    }
    // Balance: aim each line at an even share of the text, within the width allowed.
    // The narrowest width that still takes no more lines than the full width does wins: the
    // first try is an even share, then a little wider each time up to the full width.
    let needed = greedy(text, size, max_width, max_width).len();
    if needed <= max_lines {
        let even = total / needed as f64;
        let mut target = even;
        while target < max_width {
            let lines = greedy(text, size, target, max_width);
            if lines.len() <= needed {
                return lines;
            }
            target += size / 4.0;
        }
    }
    let mut lines = greedy(text, size, max_width, max_width);
    if lines.len() > max_lines {
        let rest = rejoin(&lines[max_lines - 1..]);
        lines.truncate(max_lines - 1);
        lines.push(shorten(&rest, size, max_width));
    }
    lines
}

/// Lines joined back into text: a space where a line broke between two words ("from" +
/// "agriculture" is "from agriculture", never "fromagriculture"), nothing between CJK characters.
fn rejoin(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let between_words = out.ends_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, ',' | ';' | ':' | ')')) && line.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '(');
        if between_words {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Whether `text` wraps into at most `max_lines` lines of `max_width` with every word whole:
/// nothing hyphenated, nothing cut short.
pub fn fits(text: &str, size: f64, max_width: f64, max_lines: usize) -> bool {
    tokens(text).iter().all(|t| width(t, size) <= max_width) && greedy(text, size, max_width, max_width).len() <= max_lines.max(1)
}

/// Wraps text made of parts joined by " · " ("2023年1-11月 · 同比增速 · 单位：%"), breaking
/// between parts where it can, so no part is split; a part too wide for a line is wrapped as text.
pub fn wrap_parts(text: &str, size: f64, max_width: f64, max_lines: usize) -> Vec<String> {
    const SEPARATOR: &str = " · ";
    if width(text, size) <= max_width {
        return vec![text.to_owned()];
    }
    let mut lines: Vec<String> = Vec::new();
    // (Split on '·' and kept only between spaces: a char pattern, lighter in the wasm module than
    // a string one.)
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices('·') {
        if text[..at].ends_with(' ') && text[at + '·'.len_utf8()..].starts_with(' ') {
            parts.push(&text[start..at - 1]);
            start = at + '·'.len_utf8() + 1;
        }
    }
    parts.push(&text[start..]);
    for part in parts {
        match lines.last_mut() {
            Some(line) if width(line, size) + width(SEPARATOR, size) + width(part, size) <= max_width => {
                line.push_str(SEPARATOR);
                line.push_str(part);
            }
            _ if width(part, size) <= max_width => lines.push(part.to_owned()),
            _ => return wrap(text, size, max_width, max_lines),
        }
    }
    if lines.len() > max_lines {
        return wrap(text, size, max_width, max_lines);
    }
    lines
}

/// Splits text into the pieces a line may break between: each CJK character alone, and runs of
/// digits, Latin letters and number punctuation kept whole ("137833.65万元" never breaks inside
/// the number).
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        let ends_with_digit = run.chars().last().is_some_and(|l| l.is_ascii_digit());
        // A quote goes with the word it opens ('three) or closes (guarantees'), never alone at
        // a line's end or start.
        let opening_quote = run.is_empty() && matches!(c, '\'' | '"');
        if c.is_ascii_alphanumeric() || opening_quote || (!run.is_empty() && matches!(c, '.' | ',' | '%' | '-' | '–' | '/' | '\'' | '"')) {
            run.push(c);
        } else if ends_with_digit && matches!(c, '年' | '月' | '日' | '期' | '个' | '倍') {
            // "1月", "2023年" stay together.
            run.push(c);
            out.push(std::mem::take(&mut run));
        } else {
            if !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
            out.push(c.to_string());
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// Opening punctuation that must not end a line: it goes down with what it opens.
fn no_line_end(token: &str) -> bool {
    token.chars().last().is_some_and(|c| matches!(c, '（' | '“' | '‘' | '《' | '(' | '['))
}

/// Lines of at most `target` wide, where words allow; a word wider than `max_width` is hyphenated.
fn greedy(text: &str, size: f64, target: f64, max_width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut used = 0.0;
    for token in tokens(text).iter().flat_map(|t| hyphenate(t, size, max_width)) {
        let w = width(&token, size);
        if used + w > target && !current.is_empty() {
            // Closing punctuation may not begin a line: the token before it goes down with it.
            let carry = (token.chars().next().is_some_and(no_line_start) || current.last().is_some_and(|t| no_line_end(t))) && current.len() > 1;
            let carried = if carry { current.pop() } else { None };
            if carried.is_some() || !token.chars().next().is_some_and(no_line_start) {
                lines.push(current.concat());
                current = carried.into_iter().collect();
                used = current.iter().map(|t| width(t, size)).sum();
            }
        }
        if current.is_empty() && token == " " {
            continue; // a line never starts with the space it broke at
        }
        used += w;
        current.push(token);
    }
    if !current.is_empty() {
        lines.push(current.concat());
    }
    lines.into_iter().map(|l| l.trim_end().to_owned()).filter(|l| !l.is_empty()).collect()
}

/// A word wider than a line ("Monocrystalline" in a narrow column) broken into pieces that fit,
/// each but the last ending in a hyphen. Anything narrower comes back whole.
fn hyphenate(token: &str, size: f64, max_width: f64) -> Vec<String> {
    if width(token, size) <= max_width {
        return vec![token.to_owned()];
    }
    let room = max_width - width("-", size);
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in token.chars() {
        if !piece.is_empty() && width(&piece, size) + char_em(c) * size > room {
            let hyphen = if piece.ends_with(|p: char| p.is_ascii_alphabetic()) && c.is_ascii_alphabetic() { "-" } else { "" };
            pieces.push(format!("{}{hyphen}", std::mem::take(&mut piece)));
        }
        piece.push(c);
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// `text` cut to fit `max_width` with a trailing "…".
pub fn shorten(text: &str, size: f64, max_width: f64) -> String {
    if width(text, size) <= max_width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(&out, size) + char_em(c) * size + size > max_width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_wider_than_digits() {
        assert_eq!(width("第一产业", 10.0), 40.0);
        assert!(width("489.91", 10.0) < 40.0);
    }

    #[test]
    fn wrapping_keeps_every_character_or_marks_the_cut() {
        let lines = wrap("计算机、通信和其他电子设备制造业增加值", 14.0, 120.0, 3);
        assert!(lines.iter().all(|l| width(l, 14.0) <= 120.0), "{lines:?}");
        assert_eq!(lines.concat(), "计算机、通信和其他电子设备制造业增加值");
        let cut = wrap("计算机、通信和其他电子设备制造业增加值", 14.0, 120.0, 1);
        assert_eq!(cut.len(), 1);
        assert!(cut[0].ends_with('…'));
    }

    #[test]
    fn english_breaks_between_words_and_hyphenates_a_word_too_long_for_a_line() {
        assert_eq!(wrap("Direct-allocation funds (total)", 13.0, 130.0, 3), vec!["Direct-allocation", "funds (total)"]);
        let lines = wrap("Monocrystalline silicon", 19.5, 100.0, 3);
        assert!(lines.iter().all(|l| width(l, 19.5) <= 100.0), "{lines:?}");
        assert!(lines[0].ends_with('-'), "{lines:?}");
        assert_eq!(lines.concat().replace('-', ""), "Monocrystallinesilicon");
    }

    #[test]
    fn a_shortened_english_label_keeps_its_spaces_and_fits_says_when_words_stay_whole() {
        let name = "Manufacture of metal products from agricultural by-products";
        let cut = wrap(name, 19.5, 129.0, 3);
        assert!(cut.last().is_some_and(|l| l.ends_with('…')), "{cut:?}");
        assert_eq!(rejoin(&["metal".into(), "products from".into(), "agriculture".into()]), "metal products from agriculture");
        assert_eq!(rejoin(&["第一".into(), "产业".into()]), "第一产业");
        assert!(!fits("Manufacture", 19.5, 100.0, 3), "a word wider than the line");
        assert!(!fits(name, 19.5, 129.0, 3), "more than three lines");
        assert!(fits(name, 19.5, 340.0, 3));
        assert!(fits("第一产业", 19.5, 40.0, 2));
    }

    #[test]
    fn quotes_stay_with_their_words() {
        let lines = wrap("Cumulative spending on the 'three guarantees' and other rigid expenditure, 2023", 24.0, 250.0, 6);
        assert!(lines.iter().all(|l| !l.ends_with('\'') || l.ends_with("guarantees'")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("'three")), "{lines:?}");
    }

    #[test]
    fn parts_stay_whole() {
        assert_eq!(wrap_parts("2023年1-11月 · 同比增速 · 单位：%", 18.0, 200.0, 2), vec!["2023年1-11月", "同比增速 · 单位：%"]);
        assert_eq!(wrap_parts("资料来源：西夏区统计局 · 初步统计数", 18.0, 200.0, 2), vec!["资料来源：西夏区统计局", "初步统计数"]);
    }

    #[test]
    fn lines_are_balanced_and_brackets_stay_with_their_contents() {
        assert_eq!(wrap("第一产业", 19.5, 70.0, 3), vec!["第一", "产业"]);
        assert_eq!(wrap("直达资金（合计）", 19.5, 100.0, 3), vec!["直达资金", "（合计）"]);
    }

    #[test]
    fn no_lone_last_character_and_no_line_starting_with_punctuation() {
        let lines = wrap("残疾人事业发展补助经费", 13.0, 130.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.chars().count() >= 4), "{lines:?}");
        let title = wrap("2023年1-11月主要指标增速：西夏区与自治区、银川市", 16.0, 340.0, 3);
        assert!(title.iter().all(|l| !l.starts_with('、') && !l.starts_with('：')), "{title:?}");
        // Punctuation that would overflow takes the character before it to the next line.
        let tight = wrap("2023年1-11月主要指标增速：西夏区与自治区、银川市", 24.0, 300.0, 3);
        assert!(tight.iter().all(|l| width(l, 24.0) <= 300.0 && !l.starts_with('：')), "{tight:?}");
        assert_eq!(title.concat(), "2023年1-11月主要指标增速：西夏区与自治区、银川市");
        let note = wrap("全年“三保”及其他刚性支出需求137833.65万元（13.78亿元）。", 12.0, 200.0, 3);
        assert!(note.iter().any(|l| l.contains("137833.65")), "{note:?}");
        let months = wrap("虚线为序时进度（全年需求×月数/12）：1月11486.14万元，1-2月22972.28万元。", 12.0, 200.0, 3);
        let split_date = months.windows(2).any(|pair| pair[0].ends_with(|c: char| c.is_ascii_digit()) && pair[1].starts_with('月'));
        assert!(!split_date, "{months:?}");
    }
}
