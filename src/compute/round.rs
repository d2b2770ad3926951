//! Rounding for presentation: 四舍五入, half away from zero, as Chinese statistics print.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half away from zero to `dp` decimals, keeping trailing zeros: 12.1 at 2 → "12.10".
///
/// ```
/// use xixia_stats::compute::round::round_half_away;
/// let six_five: rust_decimal::Decimal = "6.5".parse().unwrap();
/// assert_eq!(round_half_away(six_five, 0).to_string(), "7");
/// assert_eq!(round_half_away(-six_five, 0).to_string(), "-7");
/// ```
pub fn round_half_away(value: Decimal, dp: u32) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(dp);
    rounded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_away_from_zero_table() {
        let rows = [
            ("6.5", 0, "7"),
            ("-6.5", 0, "-7"),
            ("5.5", 0, "6"),
            ("2.45", 1, "2.5"),
            ("2.449", 1, "2.4"),
            ("6.1", 0, "6"),
            ("10.866", 2, "10.87"),
            ("71.396", 1, "71.4"),
            ("12.1", 2, "12.10"),
            ("-0.04", 1, "0.0"),
        ];
        for (value, dp, expected) in rows {
            let rounded = round_half_away(value.parse().unwrap(), dp);
            assert_eq!(rounded.abs().to_string(), expected.trim_start_matches('-'), "{value} at {dp}");
            if expected.starts_with('-') {
                assert!(rounded.is_sign_negative(), "{value} at {dp}");
            }
        }
    }
}
