//! Printed figures are rounded, so each one stands for an interval: 7.25 means [7.245, 7.255].
//! Checks compare intervals, so a difference that rounding explains is never reported, and one it
//! cannot explain always is.

use rust_decimal::Decimal;
use serde::Serialize;

/// Half a unit of the last printed digit: 7.25 → 0.005, 71 → 0.5, 12.10 → 0.005.
pub fn half_unit(printed: Decimal) -> Decimal {
    Decimal::new(5, printed.scale() + 1)
}

/// A closed interval of decimals, `lo <= hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Interval {
    #[serde(with = "crate::decimal")]
    pub lo: Decimal,
    #[serde(with = "crate::decimal")]
    pub hi: Decimal,
}

impl Interval {
    pub fn exact(value: Decimal) -> Interval {
        Interval { lo: value, hi: value }
    }

    /// The values that print as `printed` when rounded half away from zero.
    pub fn printed(printed: Decimal) -> Interval {
        Interval::around(printed, half_unit(printed))
    }

    /// Like [`Interval::printed`], for a figure kept to at least `decimals` decimals whatever
    /// its print shows: 388 kept to 2 decimals is [387.995, 388.005].
    pub fn printed_to(printed: Decimal, decimals: Option<u32>) -> Interval {
        let scale = decimals.map_or(printed.scale(), |d| d.max(printed.scale()));
        Interval::around(printed, Decimal::new(5, scale.min(27) + 1))
    }

    /// `center ± radius`. Saturates rather than overflowing.
    pub fn around(center: Decimal, radius: Decimal) -> Interval {
        Interval {
            lo: center.checked_sub(radius).unwrap_or(Decimal::MIN),
            hi: center.checked_add(radius).unwrap_or(Decimal::MAX),
        }
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    pub fn contains(&self, value: Decimal) -> bool {
        self.lo <= value && value <= self.hi
    }

    pub fn add(&self, other: &Interval) -> Option<Interval> {
        Some(Interval { lo: self.lo.checked_add(other.lo)?, hi: self.hi.checked_add(other.hi)? })
    }

    pub fn sub(&self, other: &Interval) -> Option<Interval> {
        Some(Interval { lo: self.lo.checked_sub(other.hi)?, hi: self.hi.checked_sub(other.lo)? })
    }

    pub fn mul(&self, other: &Interval) -> Option<Interval> {
        let products = [
            self.lo.checked_mul(other.lo)?,
            self.lo.checked_mul(other.hi)?,
            self.hi.checked_mul(other.lo)?,
            self.hi.checked_mul(other.hi)?,
        ];
        Some(Interval { lo: products.iter().copied().min()?, hi: products.iter().copied().max()? })
    }

    /// `None` when the divisor interval touches zero: the quotient is unbounded.
    pub fn div(&self, other: &Interval) -> Option<Interval> {
        if other.contains(Decimal::ZERO) {
            return None;
        }
        let quotients = [
            self.lo.checked_div(other.lo)?,
            self.lo.checked_div(other.hi)?,
            self.hi.checked_div(other.lo)?,
            self.hi.checked_div(other.hi)?,
        ];
        Some(Interval { lo: quotients.iter().copied().min()?, hi: quotients.iter().copied().max()? })
    }

    pub fn scale(&self, factor: Decimal) -> Option<Interval> {
        self.mul(&Interval::exact(factor))
    }

    /// Sum of intervals; `None` on overflow.
    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Interval>) -> Option<Interval> {
        items.into_iter().try_fold(Interval::exact(Decimal::ZERO), |acc, item| acc.add(item))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn printed_figures_stand_for_their_rounding_interval() {
        let rows = [("7.25", "7.245", "7.255"), ("71", "70.5", "71.5"), ("12.10", "12.095", "12.105"), ("-54.8", "-54.85", "-54.75")];
        for (printed, lo, hi) in rows {
            assert_eq!(Interval::printed(d(printed)), Interval { lo: d(lo), hi: d(hi) }, "{printed}");
        }
    }

    #[test]
    fn share_of_printed_values() {
        // 0.49 / 4.23 prints 11.58 %, yet 11.59 % lies within what the rounded inputs allow.
        let share = Interval::printed(d("0.49")).div(&Interval::printed(d("4.23"))).unwrap().scale(d("100")).unwrap();
        assert!(share.overlaps(&Interval::printed(d("11.59"))));
        // 0.56 / 5.16 can never be 30.23 %.
        let share = Interval::printed(d("0.56")).div(&Interval::printed(d("5.16"))).unwrap().scale(d("100")).unwrap();
        assert!(!share.overlaps(&Interval::printed(d("30.23"))));
    }

    #[test]
    fn division_by_an_interval_holding_zero_is_undefined() {
        assert_eq!(Interval::exact(d("1")).div(&Interval::printed(d("0.0"))), None);
    }
}
