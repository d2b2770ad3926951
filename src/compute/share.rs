//! Shares of a total, structure ratios that add up to exactly 100, and progress against a target.

use rust_decimal::Decimal;
use serde::Serialize;

use super::round::round_half_away;
use super::undefined::{Computed, Undefined};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// `part` as a percentage of `total`, exact.
///
/// ```
/// use rust_decimal_macros::dec;
/// use xixia_stats::compute::{share::share_percent, round::round_half_away};
/// // 1-11月 税收收入3.83亿元 of 一般公共预算收入4.75亿元: 80.6%.
/// assert_eq!(round_half_away(share_percent(dec!(3.83), dec!(4.75)).unwrap(), 1), dec!(80.6));
/// ```
pub fn share_percent(part: Decimal, total: Decimal) -> Computed<Decimal> {
    if total.is_zero() {
        return Err(Undefined::BaseIsZero);
    }
    part.checked_div(total).and_then(|r| r.checked_mul(HUNDRED)).ok_or(Undefined::Overflow)
}

/// Each value's share of their sum, rounded to `dp` decimals so that the shares add up to exactly
/// 100 (largest-remainder method). Ties in remainder go to the earlier part. This is how a
/// bulletin prints a structure ratio: 7.25 : 340.85 : 141.81 → 1.5 : 69.6 : 28.9.
///
/// ```
/// use rust_decimal_macros::dec;
/// use xixia_stats::compute::share::structure;
/// let shares = structure(&[dec!(7.25), dec!(340.85), dec!(141.81)], 1).unwrap();
/// assert_eq!(shares, vec![dec!(1.5), dec!(69.6), dec!(28.9)]);
/// ```
pub fn structure(values: &[Decimal], dp: u32) -> Computed<Vec<Decimal>> {
    if values.iter().any(|v| v.is_sign_negative() && !v.is_zero()) {
        return Err(Undefined::OutOfDomain { reason: "a structure needs parts that are not negative".into() });
    }
    if dp > 10 {
        return Err(Undefined::OutOfDomain { reason: format!("{dp} decimals is more than a structure is printed with") });
    }
    let total = values.iter().try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v)).ok_or(Undefined::Overflow)?;
    if total.is_zero() {
        return Err(Undefined::BaseIsZero);
    }
    if let Some(shares) = structure_by_integers(values, dp) {
        return Ok(shares);
    }
    let unit = Decimal::new(1, dp);
    let mut floors = Vec::with_capacity(values.len());
    let mut remainders = Vec::with_capacity(values.len());
    for value in values {
        let exact = share_percent(*value, total)?;
        let mut floor = exact.trunc_with_scale(dp);
        floor.rescale(dp);
        remainders.push(exact - floor);
        floors.push(floor);
    }
    let assigned: Decimal = floors.iter().sum();
    let missing_units = ((HUNDRED - assigned) / unit).round();
    let count = usize::try_from(missing_units.mantissa()).unwrap_or(0).min(values.len());
    // The `count` largest remainders, ties to the earlier part: selected in linear time, since
    // only they matter, not the order of the rest.
    let by_remainder = |a: &usize, b: &usize| remainders[*b].cmp(&remainders[*a]).then(a.cmp(b));
    let mut order: Vec<usize> = (0..values.len()).collect();
    if count > 0 && count < order.len() {
        order.select_nth_unstable_by(count - 1, by_remainder);
    }
    for &i in order.iter().take(count) {
        floors[i] += unit;
    }
    Ok(floors)
}

/// The largest-remainder structure in exact integer arithmetic: each share is `value × 100 ×
/// 10^dp ÷ total`, an integer floor and a remainder over the same denominator, so remainders
/// compare as integers. `None` when the integers would overflow.
fn structure_by_integers(values: &[Decimal], dp: u32) -> Option<Vec<Decimal>> {
    let (mantissas, _) = super::exact::common_scale(values)?;
    let total = mantissas.iter().try_fold(0i128, |acc, m| acc.checked_add(*m))?;
    let whole = 10i128.checked_pow(dp)?.checked_mul(100)?;
    let mut floors = Vec::with_capacity(values.len());
    let mut remainders = Vec::with_capacity(values.len());
    let largest = mantissas.iter().map(|m| m.checked_abs()).max().flatten().unwrap_or(0);
    if largest.checked_mul(whole).is_some_and(|l| i64::try_from(l).is_ok()) && i64::try_from(total).is_ok() {
        // 64-bit division where the figures allow: in wasm, 128-bit division is a slow library call.
        let (whole, total) = (whole as i64, total as i64);
        for m in &mantissas {
            let scaled = (*m as i64) * whole;
            floors.push(i128::from(scaled / total));
            remainders.push(i128::from(scaled % total));
        }
    } else {
        for m in &mantissas {
            let scaled = m.checked_mul(whole)?;
            floors.push(scaled / total);
            remainders.push(scaled % total);
        }
    }
    let assigned = floors.iter().try_fold(0i128, |acc, f| acc.checked_add(*f))?;
    let count = usize::try_from(whole.checked_sub(assigned)?).ok()?.min(values.len());
    let mut order: Vec<usize> = (0..values.len()).collect();
    let by_remainder = |a: &usize, b: &usize| remainders[*b].cmp(&remainders[*a]).then(a.cmp(b));
    if count > 0 && count < order.len() {
        order.select_nth_unstable_by(count - 1, by_remainder);
    }
    for &i in order.iter().take(count) {
        floors[i] += 1;
    }
    floors.into_iter().map(|f| Decimal::try_from_i128_with_scale(f, dp).ok()).collect()
}

/// Progress of a payment rate against its target: 直达资金 20.3% against 25%.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// The rate achieved, in percent, exact.
    #[serde(with = "crate::decimal")]
    pub rate: Decimal,
    /// The target, in percent.
    #[serde(with = "crate::decimal")]
    pub target: Decimal,
    /// Rate − target, in percentage points: negative when behind.
    #[serde(with = "crate::decimal")]
    pub gap_points: Decimal,
    pub met: bool,
}

/// The rate `done / planned` against `target_percent`.
pub fn progress(done: Decimal, planned: Decimal, target_percent: Decimal) -> Computed<Progress> {
    let rate = share_percent(done, planned)?;
    let gap_points = rate.checked_sub(target_percent).ok_or(Undefined::Overflow)?;
    Ok(Progress { rate, target: target_percent, gap_points, met: gap_points >= Decimal::ZERO })
}

/// A share rounded for presentation at `dp` decimals.
pub fn share_rounded(part: Decimal, total: Decimal, dp: u32) -> Computed<Decimal> {
    share_percent(part, total).map(|share| round_half_away(share, dp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn shares_the_sources_print() {
        // (part, total, dp, printed) — each a share printed in the sources.
        let rows = [
            (dec!(3.17), dec!(4.44), 1, dec!(71.4)),        // 税收收入 / 地方一般公共预算收入, 2022
            (dec!(1.27), dec!(4.44), 1, dec!(28.6)),        // 非税收入, 2022
            (dec!(3.83), dec!(4.75), 1, dec!(80.6)),        // 税收收入 / 一般公共预算收入, 1-11月
            (dec!(17.25), dec!(22.13), 1, dec!(77.9)),      // 民生八项支出 / 一般公共预算支出
            (dec!(14976.67), dec!(137833.65), 2, dec!(10.87)), // 三保 2月累计 / 全年需求
            (dec!(5366.12), dec!(26432.31), 1, dec!(20.3)), // 直达资金支付率
            (dec!(36.13), dec!(45.48), 2, dec!(79.44)),     // 汉族人口
            (dec!(13), dec!(21), 1, dec!(61.9)),            // 正增长面
        ];
        for (part, total, dp, printed) in rows {
            assert_eq!(share_rounded(part, total, dp).unwrap(), printed, "{part} / {total}");
        }
    }

    #[test]
    fn structures_the_sources_print() {
        let rows: [(&[Decimal], u32, &[Decimal]); 3] = [
            (&[dec!(7.25), dec!(340.85), dec!(141.81)], 1, &[dec!(1.5), dec!(69.6), dec!(28.9)]),
            (&[dec!(22.31), dec!(23.17)], 1, &[dec!(49.1), dec!(50.9)]),
            (&[dec!(36.13), dec!(8.43), dec!(0.92)], 2, &[dec!(79.44), dec!(18.54), dec!(2.02)]),
        ];
        for (values, dp, printed) in rows {
            assert_eq!(structure(values, dp).unwrap(), printed);
        }
    }

    #[test]
    fn largest_remainder_fixes_what_plain_rounding_breaks() {
        // Three equal parts round to 33.3 each, 99.9 in all; the structure gives 100.0.
        let shares = structure(&[dec!(1), dec!(1), dec!(1)], 1).unwrap();
        assert_eq!(shares, vec![dec!(33.4), dec!(33.3), dec!(33.3)]);
    }

    #[test]
    fn integer_and_decimal_paths_agree() {
        let values = [dec!(7.25), dec!(340.85), dec!(141.81), dec!(0.3), dec!(71), dec!(12.10)];
        for dp in 0..4 {
            let integers = structure_by_integers(&values, dp).unwrap();
            let total: Decimal = values.iter().sum();
            // The decimal path, forced: floors of exact shares plus largest remainders.
            let exact: Vec<Decimal> = values.iter().map(|v| share_percent(*v, total).unwrap()).collect();
            for (share, exact) in integers.iter().zip(&exact) {
                assert!((*share - *exact).abs() < Decimal::new(1, dp), "{share} vs {exact} at {dp}");
            }
            assert_eq!(integers.iter().sum::<Decimal>(), Decimal::ONE_HUNDRED);
        }
    }

    #[test]
    fn undefined_structures() {
        assert_eq!(structure(&[dec!(0), dec!(0)], 1), Err(Undefined::BaseIsZero));
        assert!(matches!(structure(&[dec!(-1), dec!(2)], 1), Err(Undefined::OutOfDomain { .. })));
        assert_eq!(share_percent(dec!(1), dec!(0)), Err(Undefined::BaseIsZero));
    }

    #[test]
    fn direct_funds_progress() {
        let p = progress(dec!(5366.12), dec!(26432.31), dec!(25)).unwrap();
        assert_eq!(round_half_away(p.rate, 1), dec!(20.3));
        assert_eq!(round_half_away(p.gap_points, 1), dec!(-4.7));
        assert!(!p.met);
    }
}
