//! Synthetic releases for benchmarks: `n` observations with a level and a previous level, and the
//! work a bulletin does on them — growth of each, shares of the total rounded to sum to 100, and
//! ranks by growth. Deterministic, so native and wasm runs do the same work.

use rust_decimal::Decimal;

use super::exact::growth_rounded;
use super::growth::growth_percent;
use super::rank::{ranks, Order};
use super::round::round_half_away;
use super::share::structure;

/// One observation: this period's level and the previous period's, in printed form (2 decimals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Observation {
    pub value: Decimal,
    pub previous: Decimal,
}

/// `n` observations from a fixed linear congruential sequence: levels 1.00–100000.00, changes
/// from −30 % to +60 %.
pub fn observations(n: usize) -> Vec<Observation> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    (0..n)
        .map(|_| {
            // In cents, with integer arithmetic: the benchmark times the crunch, not the set-up.
            let previous = i64::try_from(next() % 10_000_000).unwrap_or(0) + 100;
            let per_mille = 700 + i64::try_from(next() % 900).unwrap_or(0); // −30.0 % … +59.9 %
            let value = (previous * per_mille + 500) / 1000;
            Observation { value: Decimal::new(value, 2), previous: Decimal::new(previous, 2) }
        })
        .collect()
}

/// What the work produced, so that nothing is optimised away and runs can be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub observations: usize,
    /// How many growth rates were defined (a zero base gives none).
    pub growth_defined: usize,
    /// The sum of the rounded shares: exactly 100 when the structure is sound.
    pub share_total: Decimal,
    /// The index of the observation ranked first by growth.
    pub fastest: Option<usize>,
}

/// Growth as printed (one decimal): exactly, by integers where they suffice.
fn printed_growth(value: Decimal, previous: Decimal) -> Option<Decimal> {
    growth_rounded(value, previous, 1).or_else(|| growth_percent(value, previous).ok().map(|g| round_half_away(g, 1)))
}

/// Growth of every observation as the bulletin prints it (one decimal, 四舍五入), the structure
/// of the levels at one decimal, and ranks by printed growth.
pub fn crunch(observations: &[Observation]) -> Summary {
    let growth: Vec<Decimal> = observations.iter().filter_map(|o| printed_growth(o.value, o.previous)).collect();
    let values: Vec<Decimal> = observations.iter().map(|o| o.value).collect();
    let share_total = structure(&values, 1).map(|shares| shares.iter().sum()).unwrap_or_default();
    let ranked = ranks(&growth, Order::Descending);
    Summary {
        observations: observations.len(),
        growth_defined: growth.len(),
        share_total,
        fastest: ranked.iter().position(|r| *r == 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_releases_are_sound_and_repeatable() {
        let a = observations(10_000);
        assert_eq!(a, observations(10_000));
        let summary = crunch(&a);
        assert_eq!(summary.observations, 10_000);
        assert_eq!(summary.growth_defined, 10_000);
        assert_eq!(summary.share_total, Decimal::ONE_HUNDRED);
        assert!(summary.fastest.is_some());
    }
}
