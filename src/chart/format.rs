//! Numbers the Chinese way: printed precision kept, a real minus sign, 万/亿 where a number is
//! large, and axis ticks that read cleanly.

use rust_decimal::Decimal;

use crate::compute::round::round_half_away;

/// A printed figure for a label: "489.91", "−14.6". The minus sign is U+2212, which reads as
/// minus, not as a hyphen.
pub fn figure(value: Decimal) -> String {
    let text = value.to_string();
    match text.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => text,
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

/// A tick label: whole numbers without decimals, others with as few as needed; 万 grouping for
/// large ones. Never "-0".
pub fn tick(value: f64, suffix: &str) -> String {
    let value = if value.abs() < 1e-9 { 0.0 } else { value };
    let text = if value.abs() >= 100_000.0 && value % 10_000.0 == 0.0 {
        return tick(value / 10_000.0, &format!("万{suffix}"));
    } else if value.fract().abs() < 1e-9 {
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
    }
}
