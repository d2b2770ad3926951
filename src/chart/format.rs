//! Numbers and the words around them, in Chinese and in English: printed precision kept, a real
//! minus sign, 万/亿 where a Chinese number is large, "up 8.3%" in English, and axis ticks that
//! read cleanly.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::compute::round::round_half_away;
use crate::fact::{Growth, GrowthForm};
use crate::unit::Unit;

/// The language of a chart's words. In JSON and on the command line: `"zh-CN"` or `"en"`.
///
/// ```
/// use xixia_stats::chart::Lang;
/// assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
/// assert_eq!(Lang::Zh.to_string(), "zh-CN");
/// assert!("fr".parse::<Lang>().is_err());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese, the language the releases are printed in.
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The language tag: `zh-CN`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(tag: &str) -> Result<Lang, String> {
        match tag {
            "zh-CN" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language {other:?}: the charts are in zh-CN or en")),
        }
    }
}

/// A printed figure for a label: "489.91", "−14.6". The minus sign is U+2212, which reads as
/// minus, not as a hyphen.
pub fn figure(value: Decimal) -> String {
    let text = value.to_string();
    match text.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => text,
    }
}

/// A date `YYYY-MM-DD` in words: "2023年12月29日", "29 December 2023"; as it is when it is no date.
pub fn date(date: &str, lang: Lang) -> String {
    let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    match (parts.as_slice(), lang) {
        ([y, m, d], Lang::Zh) => format!("{y}年{m}月{d}日"),
        ([y, m, d], Lang::En) => match u8::try_from(*m).ok().and_then(crate::release::month_name_en) {
            Some(month) => format!("{d} {month} {y}"),
            None => date.to_owned(),
        },
        _ => date.to_owned(),
    }
}

/// A percentage as printed: "69.6%", "−14.6%".
pub fn percent(value: Decimal) -> String {
    format!("{}%", figure(value))
}

/// A growth rate in words, as the bulletin writes it: "增长8.3%", "下降54.8%".
pub fn growth_words(percent_value: Decimal) -> String {
    if percent_value.is_sign_negative() && !percent_value.is_zero() {
        format!("下降{}%", percent_value.abs())
    } else {
        format!("增长{percent_value}%")
    }
}

/// A growth rate in English words: "up 8.3%", "down 54.8%".
pub fn growth_words_en(percent_value: Decimal) -> String {
    if percent_value.is_sign_negative() && !percent_value.is_zero() {
        format!("down {}%", percent_value.abs())
    } else {
        format!("up {percent_value}%")
    }
}

/// A stated growth in English as printed, whatever its form: "up 8.3%", "down 54.8%",
/// "up 3.2 times" (增长3.2倍, +320 %), "up 0.7" (printed with no unit).
pub fn printed_growth_en(growth: &Growth) -> String {
    let verb = if growth.rate.is_sign_negative() && !growth.rate.is_zero() { "down" } else { "up" };
    let suffix = match growth.form {
        GrowthForm::Percent => "%",
        GrowthForm::Times => " times",
        GrowthForm::Bare => "",
    };
    format!("{verb} {}{suffix}", growth.rate.abs())
}

/// A figure with its unit: "489.91亿元" in Chinese; in English "489.91 (100 million yuan)" for
/// a unit of many, "107934 yuan", "20.3%". The figure stays as printed.
///
/// ```
/// use rust_decimal::Decimal;
/// use xixia_stats::chart::{format::amount, Lang};
/// use xixia_stats::Unit;
/// let cement: Decimal = "235.5".parse().unwrap();
/// assert_eq!(amount(cement, &Unit::WanDun, Lang::Zh), "235.5万吨");
/// assert_eq!(amount(cement, &Unit::WanDun, Lang::En), "235.5 (10,000 tonnes)");
/// ```
pub fn amount(value: Decimal, unit: &Unit, lang: Lang) -> String {
    let figure = figure(value);
    match lang {
        Lang::Zh => format!("{figure}{unit}"),
        Lang::En => {
            let name = unit.name_en();
            if name.is_empty() || name == "%" {
                format!("{figure}{name}")
            } else if name.starts_with(|c: char| c.is_ascii_digit()) {
                format!("{figure} ({name})")
            } else {
                format!("{figure} {name}")
            }
        }
    }
}

/// An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st.
pub fn ordinal_en(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// English items joined: "a", "a and b", "a, b and c".
pub fn join_en(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Chinese items joined with 、 and 和 before the last: "3.1%和0.3%", "a、b和c".
pub fn join_zh(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}和{last}", init.join("、")),
    }
}

/// A name as it reads inside an English sentence: the first letter lower-cased, unless the name
/// starts with an acronym ("Fixed-asset investment" → "fixed-asset investment"; "VAT" stays).
pub fn mid_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(name[first.len_utf8()..].chars()).collect()
        }
        _ => name.to_owned(),
    }
}

/// The first letter upper-cased, to start a sentence or a label.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An amount with 万/亿 grouping where that reads better: 137833.65 万元 → "13.78亿元";
/// 107934 元 → "10.79万元"; small amounts stay as printed.
pub fn grouped(value: Decimal, unit: &str) -> String {
    let ten_thousand = Decimal::from(10_000);
    match unit {
        "元" if value.abs() >= Decimal::from(100_000) => format!("{}万元", round_half_away(value / ten_thousand, 2)),
        "万元" if value.abs() >= ten_thousand => format!("{}亿元", round_half_away(value / ten_thousand, 2)),
        _ => format!("{}{unit}", figure(value)),
    }
}

/// Round tick values covering `[lo, hi]`, about `count` of them, always including zero when the
/// range crosses or touches it.
pub fn ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let span = (hi - lo).max(f64::EPSILON);
    let raw = span / count.max(1) as f64;
    // The power of ten at or below `raw`, found by stepping (no logarithms: they would pull a maths
    // library into the wasm module).
    let mut magnitude = 1.0;
    while magnitude > raw {
        magnitude /= 10.0;
    }
    while magnitude * 10.0 <= raw {
        magnitude *= 10.0;
    }
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(magnitude * 10.0);
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// A tick label in `lang`: in Chinese large round values are grouped by 万 ("10万"), in English
/// by thousands ("100,000").
pub fn tick_in(value: f64, suffix: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => tick(value, suffix),
        Lang::En => {
            let text = tick_plain(value, "");
            let (sign, digits) = text.strip_prefix('−').map_or(("", text.as_str()), |rest| ("−", rest));
            if digits.len() <= 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return format!("{text}{suffix}");
            }
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            format!("{sign}{grouped}{suffix}")
        }
    }
}

/// A tick label: whole numbers without decimals, others with as few as needed; 万 grouping for
/// large ones. Never "-0".
pub fn tick(value: f64, suffix: &str) -> String {
    // (A whole quotient rather than `value % 10_000.0`: the remainder would bring in a 128-bit
    // division.)
    if value.abs() >= 100_000.0 && (value / 10_000.0).fract() == 0.0 {
        return tick(value / 10_000.0, &format!("万{suffix}"));
    }
    tick_plain(value, suffix)
}

fn tick_plain(value: f64, suffix: &str) -> String {
    let value = if value.abs() < 1e-9 { 0.0 } else { value };
    let text = if value.fract().abs() < 1e-9 {
        format!("{}", value as i64)
    } else {
        // Hundredths as an integer: no float formatting, which would cost the wasm module.
        let hundredths = (value * 100.0).round() as i64;
        let (whole, fraction) = (hundredths / 100, (hundredths % 100).abs());
        let sign = if hundredths < 0 && whole == 0 { "-" } else { "" };
        let fraction = format!("{fraction:02}");
        format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
    };
    let text = match text.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => text,
    };
    format!("{text}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn figures_keep_printed_precision_and_a_real_minus() {
        assert_eq!(figure(d("12.10")), "12.10");
        assert_eq!(percent(d("-14.6")), "−14.6%");
        assert_eq!(growth_words(d("-54.8")), "下降54.8%");
        assert_eq!(growth_words(d("8.3")), "增长8.3%");
        assert_eq!(growth_words_en(d("-54.8")), "down 54.8%");
        assert_eq!(growth_words_en(d("13.0")), "up 13.0%");
    }

    #[test]
    fn english_words() {
        let rows = [
            (d("489.91"), Unit::YiYuan, "489.91 (100 million yuan)", "489.91亿元"),
            (d("7026.8"), Unit::WanQianKe, "7026.8 (10,000 kg)", "7026.8万千克"),
            (d("107934"), Unit::Yuan, "107934 yuan", "107934元"),
            (d("20.3"), Unit::Percent, "20.3%", "20.3%"),
            (d("-3.6"), Unit::PercentagePoints, "−3.6 percentage points", "−3.6个百分点"),
            (d("0.38"), Unit::Pure, "0.38", "0.38"),
        ];
        for (value, unit, en, zh) in rows {
            assert_eq!(amount(value, &unit, Lang::En), en);
            assert_eq!(amount(value, &unit, Lang::Zh), zh);
        }
        let ordinals: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 103].into_iter().map(ordinal_en).collect();
        assert_eq!(ordinals, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "103rd"]);
        let items = |n: usize| ["a", "b", "c"][..n].iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!((join_en(&items(1)), join_en(&items(2)), join_en(&items(3))), ("a".into(), "a and b".into(), "a, b and c".into()));
        assert_eq!(join_zh(&items(3)), "a、b和c");
        assert_eq!(mid_sentence("Fixed-asset investment"), "fixed-asset investment");
        assert_eq!(mid_sentence("VAT refunds"), "VAT refunds");
        assert_eq!(capitalised("as of 31 March 2023"), "As of 31 March 2023");
        let growth = |rate: &str, form| Growth { rate: d(rate), form, basis: crate::fact::GrowthBasis::PreviousYear, prices: None };
        assert_eq!(printed_growth_en(&growth("3.2", GrowthForm::Times)), "up 3.2 times");
        assert_eq!(printed_growth_en(&growth("-54.8", GrowthForm::Percent)), "down 54.8%");
        assert_eq!(printed_growth_en(&growth("0.7", GrowthForm::Bare)), "up 0.7");
    }

    #[test]
    fn grouping_where_apt() {
        assert_eq!(grouped(d("137833.65"), "万元"), "13.78亿元");
        assert_eq!(grouped(d("107934"), "元"), "10.79万元");
        assert_eq!(grouped(d("5327.34"), "万元"), "5327.34万元");
        assert_eq!(grouped(d("489.91"), "亿元"), "489.91亿元");
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 340.85, 5), vec![0.0, 100.0, 200.0, 300.0, 400.0]);
        let t = ticks(-14.6, 119.3, 5);
        assert!(t.contains(&0.0) && *t.first().unwrap() <= -14.6 && *t.last().unwrap() >= 119.3);
        assert_eq!(tick(-25.0, "%"), "−25%");
        assert_eq!(tick(2.5, ""), "2.5");
        assert_eq!(tick(-0.25, "%"), "−0.25%");
        assert_eq!(tick(12.05, ""), "12.05");
        assert_eq!(tick(-0.0, ""), "0");
        assert_eq!(tick(200_000.0, ""), "20万");
        assert_eq!(tick_in(200_000.0, "", Lang::En), "200,000");
        assert_eq!(tick_in(-25_000.0, "%", Lang::En), "−25,000%");
        assert_eq!(tick_in(2.5, "", Lang::En), "2.5");
    }
}
