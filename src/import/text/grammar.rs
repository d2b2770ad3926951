//! The words of a clause: where its figures are, what follows each (its unit: %, 个百分点, 倍,
//! 亿元 …), and which numbers are not figures at all (2022年, 1-11月, 28日, 第4位).

/// One number in a clause and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The number's characters `[start, end)` in the clause.
    pub start: usize,
    pub end: usize,
    /// Where the words after it (its unit) end.
    pub after: usize,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A figure, as printed ("489.91"), with what follows it.
    Figure { number: String, unit: Suffix },
    /// A structure ratio: 1.5:69.6:28.9.
    Ratio { terms: Vec<String> },
    /// A year (2022年) or a span of years (2002-2018年).
    Year { year: i32 },
    /// A month or a span of months: 2月, 1-11月, 2月份.
    Months { from: u8, to: u8 },
    /// A day of the month: 28日.
    Day { day: u8 },
    /// 第4位, 第七期: `rank` when followed by 位 or 名.
    Ordinal { n: u32, rank: bool },
}

/// What a figure is followed by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suffix {
    Percent,
    Points,
    Times,
    /// A unit as printed: 亿元, 公顷, 人/亿元, 个.
    Unit(String),
    /// Nothing: a bare number.
    Bare,
}

/// Units read after a figure, longest first where one begins another.
const UNITS: &[&str] = &[
    "人/亿元", "万千伏安", "千伏安", "万千瓦时", "亿千瓦时", "千瓦时", "万千瓦", "千瓦", "万千克", "千克", "万平方米", "平方米", "平方公里", "万立方米", "立方米",
    "万人次", "人次", "万公顷", "公顷", "万亩", "亩", "亿元", "万元", "千元", "元", "万吨", "吨", "万台", "台", "万头", "头", "万只", "只", "万人", "人", "万户",
    "户", "万辆", "辆", "万套", "套", "万件", "件", "公里", "千米", "万张", "张", "个", "家", "项", "所", "座", "名", "次", "批", "宗", "起", "例", "条", "床",
    "株", "棵", "艘", "架", "部", "间", "处", "篇", "场", "册", "种", "类", "年", "天", "小时",
];

fn at(chars: &[char], i: usize, word: &str) -> bool {
    (i..).zip(word.chars()).all(|(j, w)| chars.get(j) == Some(&w))
}

/// Whether `word` is at `i`.
pub fn starts(chars: &[char], i: usize, word: &str) -> bool {
    at(chars, i, word)
}

/// Digits (and a decimal part) from `i`: their end.
fn number_end(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while chars.get(j).is_some_and(char::is_ascii_digit) {
        j += 1;
    }
    if chars.get(j) == Some(&'.') && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
        j += 1;
        while chars.get(j).is_some_and(char::is_ascii_digit) {
            j += 1;
        }
    }
    j
}

fn text(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end.min(chars.len())].iter().collect()
}

/// The numbers of a clause, in order.
pub fn tokens(chars: &[char]) -> Vec<Token> {
    let mut out = raw_tokens(chars);
    // 见表2, 如图3: a table's or a figure's number, no figure.
    for token in &mut out {
        if let Kind::Figure { number, unit: Suffix::Bare } = &token.kind {
            if token.start > 0 && matches!(chars.get(token.start - 1), Some('表' | '图')) {
                if let Ok(n) = number.parse::<u32>() {
                    token.kind = Kind::Ordinal { n, rank: false };
                }
            }
        }
    }
    // A list shares the unit printed after its last figure: 分别提高1.2、3.4个百分点.
    for k in (0..out.len().saturating_sub(1)).rev() {
        let between: String = chars.get(out[k].after..out[k + 1].start).map(|c| c.iter().collect()).unwrap_or_default();
        if !matches!(between.as_str(), "、" | "和" | "与" | "及") {
            continue;
        }
        if let (Kind::Figure { unit: Suffix::Bare, .. }, Kind::Figure { unit: shared, .. }) = (&out[k].kind, &out[k + 1].kind) {
            if *shared != Suffix::Bare {
                let shared = shared.clone();
                if let Kind::Figure { unit, .. } = &mut out[k].kind {
                    *unit = shared;
                }
            }
        }
    }
    out
}

fn raw_tokens(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A number glued to a Latin word (B2, paid0.5) or starting at a bare decimal point (.8)
        // is no figure: the whole of it is passed over, never a piece of it read ("4" of "M7.4").
        if i > 0 && (chars[i - 1].is_ascii_alphabetic() || chars[i - 1] == '.' || chars[i - 1].is_ascii_digit()) {
            i = number_end(chars, i).max(i + 1);
            continue;
        }
        let end = number_end(chars, i);
        let number = text(chars, i, end);
        let integer = !number.contains('.');
        let value: Option<u32> = if integer && number.len() <= 9 { number.parse().ok() } else { None };
        // A span: 1-11月, 2002-2018年.
        if chars.get(end) == Some(&'-') && chars.get(end + 1).is_some_and(char::is_ascii_digit) {
            let end2 = number_end(chars, end + 1);
            let second: Option<u32> = text(chars, end + 1, end2).parse().ok();
            if let (Some(a), Some(b)) = (value, second) {
                if at(chars, end2, "月") && (1..=12).contains(&a) && (1..=12).contains(&b) {
                    let after = end2 + if at(chars, end2, "月份") { 2 } else { 1 };
                    out.push(Token { start: i, end: end2, after, kind: Kind::Months { from: a as u8, to: b as u8 } });
                    i = after;
                    continue;
                }
                if at(chars, end2, "年") {
                    out.push(Token { start: i, end: end2, after: end2 + 1, kind: Kind::Year { year: b as i32 } });
                    i = end2 + 1;
                    continue;
                }
            }
        }
        if i > 0 && chars[i - 1] == '第' {
            if let Some(n) = value {
                let rank = at(chars, end, "位") || at(chars, end, "名");
                let after = if rank || chars.get(end).is_some_and(|c| "期季次批章部节个条项".contains(*c)) { end + 1 } else { end };
                out.push(Token { start: i, end, after, kind: Kind::Ordinal { n, rank } });
                i = after;
                continue;
            }
        }
        if let Some(v) = value {
            if at(chars, end, "年") && number.len() == 4 && !at(chars, end, "年度") || at(chars, end, "年度") && number.len() == 4 {
                let after = end + if at(chars, end, "年度") { 2 } else { 1 };
                out.push(Token { start: i, end, after, kind: Kind::Year { year: v as i32 } });
                i = after;
                continue;
            }
            if at(chars, end, "月") && (1..=12).contains(&v) && !at(chars, end, "月末") {
                let after = end + if at(chars, end, "月份") || at(chars, end, "月底") || at(chars, end, "月初") { 2 } else { 1 };
                out.push(Token { start: i, end, after, kind: Kind::Months { from: v as u8, to: v as u8 } });
                i = after;
                continue;
            }
            if at(chars, end, "月末") && (1..=12).contains(&v) {
                out.push(Token { start: i, end, after: end + 2, kind: Kind::Months { from: v as u8, to: v as u8 } });
                i = end + 2;
                continue;
            }
            if (at(chars, end, "日") || at(chars, end, "号")) && (1..=31).contains(&v) {
                out.push(Token { start: i, end, after: end + 1, kind: Kind::Day { day: v as u8 } });
                i = end + 1;
                continue;
            }
        }
        // A ratio: 1.5:69.6:28.9 (at least two terms).
        if chars.get(end) == Some(&':') && chars.get(end + 1).is_some_and(char::is_ascii_digit) {
            let mut terms = vec![number.clone()];
            let mut j = end;
            while chars.get(j) == Some(&':') && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
                let e = number_end(chars, j + 1);
                terms.push(text(chars, j + 1, e));
                j = e;
            }
            out.push(Token { start: i, end: j, after: j, kind: Kind::Ratio { terms } });
            i = j;
            continue;
        }
        let (unit, after) = suffix(chars, end);
        // A printed sign: "为-1.04‰", "余额为−3.2亿元", "负0.5%". A dash between two numbers is
        // a span (1-11月) or a date and never a sign.
        let (start, number) = match sign_before(chars, i) {
            Some(at) => (at, format!("-{number}")),
            None => (i, number),
        };
        out.push(Token { start, end, after, kind: Kind::Figure { number, unit } });
        i = after.max(end).max(i + 1);
    }
    out
}

/// Where a minus sign printed before the number at `i` stands: `-`, `−`, `－` or 负 right before
/// it, not after a digit, a Latin letter or a closing bracket (then the dash joins two numbers
/// or words: 1-11月, 2023-12-31, G-7).
fn sign_before(chars: &[char], i: usize) -> Option<usize> {
    let at = i.checked_sub(1)?;
    if !matches!(chars.get(at), Some('-' | '−' | '－' | '负')) {
        return None;
    }
    let joins = at.checked_sub(1).and_then(|b| chars.get(b)).is_some_and(|c| c.is_ascii_alphanumeric() || ")）".contains(*c));
    (!joins).then_some(at)
}

/// What follows a figure at `i`, and where it ends.
fn suffix(chars: &[char], i: usize) -> (Suffix, usize) {
    if matches!(chars.get(i), Some('%')) {
        return (Suffix::Percent, i + 1);
    }
    if chars.get(i) == Some(&'‰') {
        return (Suffix::Unit("‰".into()), i + 1);
    }
    for points in ["个百分点", "百分点"] {
        if at(chars, i, points) {
            return (Suffix::Points, i + points.chars().count());
        }
    }
    if at(chars, i, "倍") {
        return (Suffix::Times, i + 1);
    }
    if let Some(end) = compound_unit(chars, i) {
        return (Suffix::Unit(words(chars, i, end)), end);
    }
    for unit in UNITS {
        if at(chars, i, unit) {
            let end = i + unit.chars().count();
            // A compound unit: 元/人, 万元/公顷.
            if chars.get(end) == Some(&'/') {
                let per = chars[end + 1..].iter().take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(*c)).take(3).count();
                if per > 0 && !unit.contains('/') {
                    return (Suffix::Unit(words(chars, i, end + 1 + per)), end + 1 + per);
                }
            }
            return (Suffix::Unit((*unit).to_owned()), end);
        }
    }
    // A unit not in the list is kept as printed: one or two 汉字 (万/亿 and a measure) standing
    // at the end of the clause ("光缆120芯", "造林2.3万亩次").
    let cjk = |c: &char| ('\u{4e00}'..='\u{9fff}').contains(c);
    for len in [1usize, 2, 3] {
        let word: Vec<char> = chars.iter().skip(i).take(len).copied().collect();
        let measure = len == 1 || word.first().is_some_and(|c| "万亿千".contains(*c));
        if measure && word.len() == len && word.iter().all(cjk) && ends_clause(chars.get(i + len)) && !word.iter().any(|c| "的了和及与等中".contains(*c)) {
            return (Suffix::Unit(word.into_iter().collect()), i + len);
        }
    }
    (Suffix::Bare, i)
}

/// Words that end a unit printed after a figure: the predicates, comparisons and particles
/// of bulletins (比上年增长…, 占…, 的, 以上, 和…).
const AFTER_UNIT: &[&str] = &[
    "比", "较", "同比", "环比", "增长", "下降", "增加", "减少", "提高", "降低", "上升", "回落", "占", "达", "为", "是", "的", "和", "及", "与", "或",
    "等", "中", "以上", "以下", "以内", "左右", "居", "位居", "高于", "低于", "拉动", "完成", "实现", "分别", "其中", "共",
];

/// The end of a unit printed as a magnitude and a compound measure — 亿吨公里, 亿人公里,
/// 万标准箱, 万千瓦时 — or a measure of the list followed by more measure words (吨公里, 人次):
/// read as printed up to the next punctuation or predicate word, at most six 汉字, when it
/// starts with 万/亿 or with a measure that is not a classifier (个 is followed by the counted
/// noun: 21个行业大类中…). `None` when the list's unit alone is the unit.
fn compound_unit(chars: &[char], i: usize) -> Option<usize> {
    let cjk = |c: &char| ('\u{4e00}'..='\u{9fff}').contains(c);
    let mut end = i;
    while end < chars.len() && end - i < 7 && cjk(&chars[end]) && !(end > i && AFTER_UNIT.iter().any(|w| at(chars, end, w))) {
        end += 1;
    }
    let len = end - i;
    let stops = end == chars.len() || !cjk(&chars[end]) || AFTER_UNIT.iter().any(|w| at(chars, end, w));
    if !(2..=6).contains(&len) || !stops || AFTER_UNIT.iter().any(|w| at(chars, i, w)) {
        return None;
    }
    let listed = UNITS.iter().filter(|u| at(chars, i, u)).map(|u| u.chars().count()).max();
    let magnitude = matches!(chars[i], '万' | '亿');
    let classifier = |n: usize| CLASSIFIER_UNITS.contains(&words(chars, i, i + n).as_str());
    match listed {
        Some(n) if n >= len => None,
        Some(n) if !classifier(n) && !classifier(1) => Some(end),
        None if magnitude && !classifier(2) => Some(end),
        _ => None,
    }
}

/// Units that count things and may be followed by the noun they count (3个项目, 5家企业).
const CLASSIFIER_UNITS: &[&str] = &["个", "家", "项", "所", "座", "名", "条", "种", "类", "批", "宗", "处", "户", "万个", "万家", "万户"];

/// Whether a character may follow a figure in the same sentence: a unit's first character,
/// %, 倍, a digit, punctuation.
pub fn may_follow_figure(c: char) -> bool {
    c.is_ascii_digit() || c.is_ascii_punctuation() || "%倍个百，。；：、）".contains(c) || UNITS.iter().any(|u| u.starts_with(c))
}

/// Whether a clause ends at this character (or there is none).
fn ends_clause(c: Option<&char>) -> bool {
    c.map_or(true, |c| "，。；：、！？）".contains(*c))
}

/// The text `[start, end)` of a clause.
pub fn words(chars: &[char], start: usize, end: usize) -> String {
    text(chars, start.min(end), end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(clause: &str) -> Vec<Kind> {
        tokens(&clause.chars().collect::<Vec<_>>()).into_iter().map(|t| t.kind).collect()
    }

    fn figure(number: &str, unit: Suffix) -> Kind {
        Kind::Figure { number: number.into(), unit }
    }

    #[test]
    fn figures_dates_and_ordinals_are_told_apart() {
        let rows: Vec<(&str, Vec<Kind>)> = vec![
            ("2022年实现地区生产总值489.91亿元", vec![Kind::Year { year: 2022 }, figure("489.91", Suffix::Unit("亿元".into()))]),
            ("增长8.3%", vec![figure("8.3", Suffix::Percent)]),
            ("增长3.2倍", vec![figure("3.2", Suffix::Times)]),
            ("增长0.7", vec![figure("0.7", Suffix::Bare)]),
            ("下降3.6个百分点", vec![figure("3.6", Suffix::Points)]),
            ("1-11月累计产销率99.2%", vec![Kind::Months { from: 1, to: 11 }, figure("99.2", Suffix::Percent)]),
            ("截至2023年2月28日", vec![Kind::Year { year: 2023 }, Kind::Months { from: 2, to: 2 }, Kind::Day { day: 28 }]),
            ("位居全区第4位", vec![Kind::Ordinal { n: 4, rank: true }]),
            ("三次产业结构比为1.5:69.6:28.9", vec![Kind::Ratio { terms: vec!["1.5".into(), "69.6".into(), "28.9".into()] }]),
            ("死亡率为0.0082人/亿元", vec![figure("0.0082", Suffix::Unit("人/亿元".into()))]),
            ("对2002-2018年地区生产总值进行了修订", vec![Kind::Year { year: 2018 }]),
            ("企业14个", vec![figure("14", Suffix::Unit("个".into()))]),
            ("接待游客12.5万人次", vec![figure("12.5", Suffix::Unit("万人次".into()))]),
            ("新建光缆120芯", vec![figure("120", Suffix::Unit("芯".into()))]),
            ("全员劳动生产率为161615元/人", vec![figure("161615", Suffix::Unit("元/人".into()))]),
            ("完成造林2.3万亩次，", vec![figure("2.3", Suffix::Unit("万亩次".into()))]),
            ("增长3成", vec![figure("3", Suffix::Unit("成".into()))]),
        ];
        for (clause, expected) in rows {
            assert_eq!(kinds(clause), expected, "{clause}");
        }
    }

    #[test]
    fn compound_units_are_read_as_printed_up_to_the_next_word_or_punctuation() {
        let rows: Vec<(&str, Vec<Kind>)> = vec![
            ("水路货物周转量8.75亿吨公里，", vec![figure("8.75", Suffix::Unit("亿吨公里".into()))]),
            ("铁路旅客周转量1.3亿人公里，下降2%", vec![figure("1.3", Suffix::Unit("亿人公里".into())), figure("2", Suffix::Percent)]),
            ("集装箱吞吐量36.2万标准箱，", vec![figure("36.2", Suffix::Unit("万标准箱".into()))]),
            ("航空货运量2300吨公里比上年增长4%", vec![figure("2300", Suffix::Unit("吨公里".into())), figure("4", Suffix::Percent)]),
            ("全社会用电量21.4亿千瓦时", vec![figure("21.4", Suffix::Unit("亿千瓦时".into()))]),
            ("天然气供应量1.6亿立方米，", vec![figure("1.6", Suffix::Unit("亿立方米".into()))]),
            ("接待游客86万人次，", vec![figure("86", Suffix::Unit("万人次".into()))]),
            ("营业收入2000万元以上的企业36家", vec![figure("2000", Suffix::Unit("万元".into())), figure("36", Suffix::Unit("家".into()))]),
            ("新开工12个重点项目，", vec![figure("12", Suffix::Unit("个".into()))]),
            ("快递业务量1.2万件，", vec![figure("1.2", Suffix::Unit("万件".into()))]),
        ];
        for (clause, expected) in rows {
            assert_eq!(kinds(clause), expected, "{clause}");
        }
    }

    #[test]
    fn a_printed_sign_makes_a_figure_negative_but_a_span_stays_a_span() {
        let rows: Vec<(&str, Vec<Kind>)> = vec![
            ("人口自然增长率为-0.52‰", vec![figure("-0.52", Suffix::Unit("‰".into()))]),
            ("贸易差额为−3.6亿元", vec![figure("-3.6", Suffix::Unit("亿元".into()))]),
            ("净利润为－12万元", vec![figure("-12", Suffix::Unit("万元".into()))]),
            ("居民消费价格指数涨幅为负0.3%", vec![figure("-0.3", Suffix::Percent)]),
            ("1-11月累计增长5.1%", vec![Kind::Months { from: 1, to: 11 }, figure("5.1", Suffix::Percent)]),
            ("2019-2023年平均增长4%", vec![Kind::Year { year: 2023 }, figure("4", Suffix::Percent)]),
            ("截至2023-12-31余额8亿元", vec![figure("2023", Suffix::Bare), figure("12", Suffix::Bare), figure("31", Suffix::Bare), figure("8", Suffix::Unit("亿元".into()))]),
        ];
        for (clause, expected) in rows {
            assert_eq!(kinds(clause), expected, "{clause}");
        }
    }
}
