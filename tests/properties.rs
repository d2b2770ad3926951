//! Properties that hold for every input, not only the printed ones.

use proptest::prelude::*;
use rust_decimal::Decimal;
use xixia_stats::compute::growth::{base_from_growth, growth_percent};
use xixia_stats::compute::rank::{ranks, Order};
use xixia_stats::compute::round::round_half_away;
use xixia_stats::compute::share::structure;
use xixia_stats::{bundled, check::check, figures::figures, load};

/// A printed-looking positive figure: up to 9 digits before the point, 0–2 after.
fn figure() -> impl Strategy<Value = Decimal> {
    (1i64..1_000_000_000, 0u32..3).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

/// A printed-looking growth rate above −100 %.
fn growth() -> impl Strategy<Value = Decimal> {
    (-999i64..100_000, 0u32..2).prop_map(|(mantissa, scale)| Decimal::new(mantissa, 1).round_dp(scale))
}

proptest! {
    #[test]
    fn structures_sum_to_exactly_100(values in prop::collection::vec(figure(), 1..12), dp in 0u32..4) {
        let shares = structure(&values, dp).unwrap();
        let total: Decimal = shares.iter().sum();
        prop_assert_eq!(total, Decimal::ONE_HUNDRED);
        for share in &shares {
            prop_assert!(share.scale() == dp);
            prop_assert!(*share >= Decimal::ZERO);
        }
    }

    #[test]
    fn structure_stays_within_one_unit_of_the_exact_share(values in prop::collection::vec(figure(), 1..12), dp in 0u32..3) {
        let total: Decimal = values.iter().sum();
        let unit = Decimal::new(1, dp);
        for (value, share) in values.iter().zip(structure(&values, dp).unwrap()) {
            let exact = value / total * Decimal::ONE_HUNDRED;
            prop_assert!((exact - share).abs() < unit, "{} vs {}", exact, share);
        }
    }

    #[test]
    fn base_from_growth_then_growth_gives_the_growth_back(value in figure(), rate in growth()) {
        let base = base_from_growth(value, rate).unwrap();
        let back = growth_percent(value, base).unwrap();
        prop_assert_eq!(round_half_away(back, 12), round_half_away(rate, 12));
    }

    #[test]
    fn ranks_agree_with_the_order(values in prop::collection::vec(-1000i64..1000, 0..30)) {
        let values: Vec<Decimal> = values.into_iter().map(|v| Decimal::new(v, 1)).collect();
        let descending = ranks(&values, Order::Descending);
        let ascending = ranks(&values, Order::Ascending);
        for i in 0..values.len() {
            for j in 0..values.len() {
                prop_assert_eq!(values[i] > values[j], descending[i] < descending[j]);
                prop_assert_eq!(values[i] < values[j], ascending[i] < ascending[j]);
            }
            let ahead = values.iter().filter(|v| **v > values[i]).count() as u32;
            prop_assert_eq!(descending[i], ahead + 1);
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero(mantissa in -1_000_000i64..1_000_000, scale in 1u32..6, dp in 0u32..4) {
        let value = Decimal::new(mantissa, scale);
        let rounded = round_half_away(value, dp);
        let unit = Decimal::new(1, dp);
        let half = unit / Decimal::TWO;
        let diff = (value - rounded).abs();
        prop_assert!(diff <= half);
        if diff == half {
            prop_assert!(rounded.abs() > value.abs(), "{} rounded to {}", value, rounded);
        }
    }

    /// Any text, and any damage to a real release, gives a result or an error: never a panic.
    #[test]
    fn no_input_panics(text in ".{0,200}") {
        let _ = load::from_json(&text, "fuzz");
    }

    #[test]
    fn damaged_releases_never_panic(id in 0usize..3, cut in 0usize..100_000, len in 0usize..40, insert in "[0-9\\-\\.\"{}\\[\\],:a-z%]{0,6}") {
        let ids = bundled::ids();
        let json = bundled::json(&ids[id % ids.len()]).unwrap();
        let mut chars: Vec<char> = json.chars().collect();
        let start = cut % chars.len();
        let end = (start + len).min(chars.len());
        chars.splice(start..end, insert.chars());
        let damaged: String = chars.into_iter().collect();
        if let Ok(release) = load::from_json(&damaged, "damaged") {
            let _ = check(&release);
            let _ = serde_json::to_string(&figures(&release)).unwrap();
        }
    }
}
