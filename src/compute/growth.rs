//! Growth rates, bases, increases, compound growth and target paths. All in percent, all exact
//! except [`cagr`], which needs a root and is exact to 20 significant digits.
//!
//! Real (comparable-price) growth is never recomputed from current-price levels: callers check
//! [`crate::Growth::comparable_with_levels`] before comparing a stated growth with these.

use rust_decimal::{Decimal, MathematicalOps};

use super::undefined::{Computed, Undefined};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Growth of `current` over `previous`, in percent.
///
/// ```
/// use rust_decimal_macros::dec;
/// use xixia_stats::compute::growth::growth_percent;
/// // 农村居民人均可支配收入 15908元, 比上年增加900元: 900 / 15008 = 5.9968…%, printed 6.0%.
/// let g = growth_percent(dec!(15908), dec!(15008)).unwrap();
/// assert_eq!(xixia_stats::compute::round::round_half_away(g, 1), dec!(6.0));
/// ```
pub fn growth_percent(current: Decimal, previous: Decimal) -> Computed<Decimal> {
    if previous.is_zero() {
        return Err(Undefined::BaseIsZero);
    }
    // (current − previous) × 100 ÷ previous: one division, the costly step.
    let change = current.checked_sub(previous).and_then(|c| c.checked_mul(HUNDRED)).ok_or(Undefined::Overflow)?;
    change.checked_div(previous).ok_or(Undefined::Overflow)
}

/// The base (previous-period value) from a value and its growth in percent.
pub fn base_from_growth(value: Decimal, percent: Decimal) -> Computed<Decimal> {
    let factor = growth_factor(percent)?;
    value.checked_div(factor).ok_or(Undefined::Overflow)
}

/// The increase from a value and its growth: value − base.
pub fn increase_from_growth(value: Decimal, percent: Decimal) -> Computed<Decimal> {
    let base = base_from_growth(value, percent)?;
    value.checked_sub(base).ok_or(Undefined::Overflow)
}

/// The increase of `current` over `previous`.
pub fn increase(current: Decimal, previous: Decimal) -> Computed<Decimal> {
    current.checked_sub(previous).ok_or(Undefined::Overflow)
}

/// 1 + percent / 100, refusing growth of −100 % or less.
fn growth_factor(percent: Decimal) -> Computed<Decimal> {
    let factor = percent
        .checked_div(HUNDRED)
        .and_then(|p| p.checked_add(Decimal::ONE))
        .ok_or(Undefined::Overflow)?;
    if factor <= Decimal::ZERO {
        return Err(Undefined::NoBase { percent: percent.to_string() });
    }
    Ok(factor)
}

/// Compound annual growth rate from `start` to `end` over `years` years, in percent.
pub fn cagr(start: Decimal, end: Decimal, years: u32) -> Computed<Decimal> {
    if years == 0 {
        return Err(Undefined::OutOfDomain { reason: "zero years".into() });
    }
    if start.is_zero() {
        return Err(Undefined::BaseIsZero);
    }
    if start.is_sign_negative() || end.is_sign_negative() {
        return Err(Undefined::OutOfDomain { reason: "compound growth needs positive levels".into() });
    }
    let ratio = end.checked_div(start).ok_or(Undefined::Overflow)?;
    if ratio.is_zero() {
        return Ok(-HUNDRED);
    }
    let exponent = Decimal::ONE.checked_div(Decimal::from(years)).ok_or(Undefined::Overflow)?;
    let root = ratio.checked_powd(exponent).ok_or(Undefined::Overflow)?;
    root.checked_sub(Decimal::ONE).and_then(|r| r.checked_mul(HUNDRED)).ok_or(Undefined::Overflow)
}

/// The path of a level growing at `percent` a year from `start` in `start_year` for `years`
/// years: `[(start_year, start), (start_year + 1, …), …]`. Exact: repeated multiplication.
///
/// ```
/// use rust_decimal_macros::dec;
/// use xixia_stats::compute::growth::target_path;
/// // 城镇居民人均可支配收入 36346元 in 2022, growing 6% a year to 2027.
/// let path = target_path(2022, dec!(36346), dec!(6), 5).unwrap();
/// assert_eq!(path.last().unwrap().0, 2027);
/// assert_eq!(xixia_stats::compute::round::round_half_away(path.last().unwrap().1, 0), dec!(48639));
/// ```
pub fn target_path(start_year: i32, start: Decimal, percent: Decimal, years: u32) -> Computed<Vec<(i32, Decimal)>> {
    let factor = growth_factor(percent)?;
    let mut path = vec![(start_year, start)];
    let mut level = start;
    for step in 1..=years {
        level = level.checked_mul(factor).ok_or(Undefined::Overflow)?;
        let year = i32::try_from(step).ok().and_then(|s| start_year.checked_add(s)).ok_or(Undefined::Overflow)?;
        path.push((year, level));
    }
    Ok(path)
}

/// The comparator's value from ours and the stated gap: 21.4 % 高于自治区9.9个百分点 → 11.5 %.
pub fn comparator_value(own: Decimal, gap_points: Decimal) -> Computed<Decimal> {
    own.checked_sub(gap_points).ok_or(Undefined::Overflow)
}

/// A part's contribution to the total's growth, in percentage points (拉动): the part's increase
/// over the total's base.
pub fn contribution_points(part_increase: Decimal, total_base: Decimal) -> Computed<Decimal> {
    if total_base.is_zero() {
        return Err(Undefined::BaseIsZero);
    }
    part_increase.checked_div(total_base).and_then(|r| r.checked_mul(HUNDRED)).ok_or(Undefined::Overflow)
}

/// The share of the total's growth that a part contributed (贡献率), in percent.
pub fn contribution_share(points: Decimal, total_growth_percent: Decimal) -> Computed<Decimal> {
    if total_growth_percent.is_zero() {
        return Err(Undefined::BaseIsZero);
    }
    points.checked_div(total_growth_percent).and_then(|r| r.checked_mul(HUNDRED)).ok_or(Undefined::Overflow)
}

/// The part's weight in the total's base implied by its contribution and its own growth:
/// 16.5 points from 19.7 % growth → 83.76 % of the base.
pub fn implied_base_weight(points: Decimal, part_growth_percent: Decimal) -> Computed<Decimal> {
    if part_growth_percent.is_zero() {
        return Err(Undefined::BaseIsZero);
    }
    points.checked_div(part_growth_percent).and_then(|r| r.checked_mul(HUNDRED)).ok_or(Undefined::Overflow)
}

/// Single-period values from cumulative ones: 2月 = 1–2月累计 − 1月. The first point is its own
/// single-period value only when the series starts with the first period (`starts_at_first`).
pub fn periods_from_cumulative(cumulative: &[Decimal], starts_at_first: bool) -> Vec<Computed<Decimal>> {
    cumulative
        .iter()
        .enumerate()
        .map(|(i, value)| match i.checked_sub(1) {
            Some(previous) => value.checked_sub(cumulative[previous]).ok_or(Undefined::Overflow),
            None if starts_at_first => Ok(*value),
            None => Err(Undefined::NoPreviousPeriod),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::round::round_half_away;
    use rust_decimal_macros::dec;

    #[test]
    fn growth_from_printed_figures() {
        // (current, previous, dp, printed growth) — every row is a figure the sources print.
        let rows = [
            (dec!(36346), dec!(34929), 1, dec!(4.1)), // 城镇居民人均可支配收入, +1417元
            (dec!(15908), dec!(15008), 1, dec!(6.0)), // 农村居民人均可支配收入, +900元
            (dec!(9076), dec!(7613), 2, dec!(19.22)), // 2月累计一般公共预算收入, 增收1463万元
            (dec!(7892), dec!(6910), 2, dec!(14.21)), // 税收收入, 增收982万元
            (dec!(1184), dec!(703), 2, dec!(68.42)),  // 非税收入, 增收481万元
            (dec!(24035), dec!(15514), 2, dec!(54.92)), // 一般公共预算支出, 增支8521万元
        ];
        for (current, previous, dp, printed) in rows {
            assert_eq!(round_half_away(growth_percent(current, previous).unwrap(), dp), printed, "{current} over {previous}");
        }
    }

    #[test]
    fn times_growth_and_decline() {
        assert_eq!(growth_percent(dec!(4.2), dec!(1)).unwrap(), dec!(320)); // 增长3.2倍
        assert_eq!(growth_percent(dec!(45.2), dec!(100)).unwrap(), dec!(-54.8)); // 下降54.8%
    }

    #[test]
    fn undefined_results_are_values() {
        assert_eq!(growth_percent(dec!(5), dec!(0)), Err(Undefined::BaseIsZero));
        assert!(matches!(base_from_growth(dec!(5), dec!(-100)), Err(Undefined::NoBase { .. })));
        assert!(matches!(base_from_growth(dec!(5), dec!(-150)), Err(Undefined::NoBase { .. })));
        assert_eq!(growth_percent(Decimal::MAX, dec!(0.0001)), Err(Undefined::Overflow));
        assert!(matches!(cagr(dec!(1), dec!(2), 0), Err(Undefined::OutOfDomain { .. })));
        assert!(matches!(cagr(dec!(-1), dec!(2), 3), Err(Undefined::OutOfDomain { .. })));
        assert_eq!(periods_from_cumulative(&[dec!(3)], false), vec![Err(Undefined::NoPreviousPeriod)]);
    }

    #[test]
    fn base_and_increase_from_growth() {
        // 城镇居民人均可支配收入: 36346元 增长4.1% → base ≈ 34915, increase ≈ 1431 (stated 1417:
        // the printed rate is rounded).
        assert_eq!(round_half_away(base_from_growth(dec!(36346), dec!(4.1)).unwrap(), 0), dec!(34915));
        assert_eq!(round_half_away(increase_from_growth(dec!(36346), dec!(4.1)).unwrap(), 0), dec!(1431));
        assert_eq!(increase(dec!(36346), dec!(34929)).unwrap(), dec!(1417));
    }

    #[test]
    fn compound_growth() {
        assert_eq!(round_half_away(cagr(dec!(100), dec!(121), 2).unwrap(), 6), dec!(10.000000));
        let path = target_path(2022, dec!(36346), dec!(6), 5).unwrap();
        let back = cagr(path[0].1, path[5].1, 5).unwrap();
        assert_eq!(round_half_away(back, 10), dec!(6.0000000000));
        assert_eq!(cagr(dec!(5), dec!(0), 3).unwrap(), dec!(-100));
    }

    #[test]
    fn comparators_and_contributions() {
        // 规模以上工业增加值 21.4%, 高于自治区9.9、银川市6.3个百分点.
        assert_eq!(comparator_value(dec!(21.4), dec!(9.9)).unwrap(), dec!(11.5));
        assert_eq!(comparator_value(dec!(21.4), dec!(6.3)).unwrap(), dec!(15.1));
        // 建设项目 19.7% 拉动16.5个百分点 of 16.6%.
        assert_eq!(round_half_away(contribution_share(dec!(16.5), dec!(16.6)).unwrap(), 1), dec!(99.4));
        assert_eq!(round_half_away(implied_base_weight(dec!(16.5), dec!(19.7)).unwrap(), 2), dec!(83.76));
        assert_eq!(contribution_points(dec!(2), dec!(10)).unwrap(), dec!(20));
    }

    #[test]
    fn single_months_from_cumulative() {
        // 三保: 1月 5327.34万元, 1-2月 14976.67万元 → 2月 9649.33万元.
        let months = periods_from_cumulative(&[dec!(5327.34), dec!(14976.67)], true);
        assert_eq!(months, vec![Ok(dec!(5327.34)), Ok(dec!(9649.33))]);
    }
}
