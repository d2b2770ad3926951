//! Rankings with ties, the way a bulletin ranks: 1, 2, 2, 4.

use rust_decimal::Decimal;
use serde::Serialize;

/// Which end ranks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// The largest value is first (growth, output).
    Descending,
    /// The smallest value is first.
    Ascending,
}

/// Competition ranks of `values`: equal values share a rank, and the next rank skips.
///
/// ```
/// use rust_decimal_macros::dec;
/// use xixia_stats::compute::rank::{ranks, Order};
/// assert_eq!(ranks(&[dec!(5), dec!(9), dec!(9), dec!(1)], Order::Descending), vec![3, 1, 1, 4]);
/// ```
pub fn ranks(values: &[Decimal], order: Order) -> Vec<u32> {
    // Integers at one scale compare exactly as the decimals do, and far faster; decimals that do
    // not fit are compared as decimals.
    match super::exact::common_scale(values) {
        // 64-bit keys where they fit: half the memory to sort.
        Some((keys, _)) => match keys.iter().map(|k| i64::try_from(*k)).collect::<Result<Vec<i64>, _>>() {
            Ok(narrow) => competition_ranks(&narrow, order),
            Err(_) => competition_ranks(&keys, order),
        },
        None => competition_ranks(values, order),
    }
}

/// Sort once (O(n log n)); a value's rank is one more than the count of values strictly ahead.
/// Ties may come in any order here: they get the same rank.
fn competition_ranks<T: Ord + Copy>(keys: &[T], order: Order) -> Vec<u32> {
    // (key, index) pairs sort without chasing indices back into `keys`.
    let mut sorted: Vec<(T, usize)> = keys.iter().copied().zip(0..).collect();
    match order {
        Order::Descending => sorted.sort_unstable_by_key(|pair| std::cmp::Reverse(pair.0)),
        Order::Ascending => sorted.sort_unstable_by_key(|pair| pair.0),
    }
    let mut result = vec![0u32; keys.len()];
    let mut rank = 1u32;
    for (position, &(key, index)) in sorted.iter().enumerate() {
        if position > 0 && sorted[position - 1].0 != key {
            rank = u32::try_from(position).map_or(u32::MAX, |p| p.saturating_add(1));
        }
        result[index] = rank;
    }
    result
}

/// Indices of `values` in rank order, ties in their given order.
pub fn ranked_order(values: &[Decimal], order: Order) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..values.len()).collect();
    indices.sort_by(|a, b| {
        let by_value = values[*a].cmp(&values[*b]);
        let by_value = if order == Order::Descending { by_value.reverse() } else { by_value };
        by_value.then(a.cmp(b))
    });
    indices
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn ties_share_a_rank_and_the_next_skips() {
        let values = [dec!(1), dec!(2), dec!(2), dec!(4)];
        assert_eq!(ranks(&values, Order::Ascending), vec![1, 2, 2, 4]);
        assert_eq!(ranks(&values, Order::Descending), vec![4, 2, 2, 1]);
    }

    #[test]
    fn sub_industries_by_growth() {
        // 规模以上工业 sub-industries, 2022: 仪器仪表 44.4 first; 电气机械 16.8 sixth.
        let growth = [dec!(44.4), dec!(40.9), dec!(29.5), dec!(24.1), dec!(23.9), dec!(16.8), dec!(11.5)];
        assert_eq!(ranks(&growth, Order::Descending), vec![1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(ranked_order(&growth, Order::Ascending)[0], 6);
    }

    #[test]
    fn a_million_values_rank_in_n_log_n() {
        let values: Vec<Decimal> = (0..1_000_000i64).map(|i| Decimal::new((i * 7919) % 100_003, 1)).collect();
        let r = ranks(&values, Order::Descending);
        assert_eq!(r.len(), values.len());
        assert!(r.iter().all(|rank| *rank >= 1));
    }

    #[test]
    fn empty_is_empty() {
        assert!(ranks(&[], Order::Descending).is_empty());
    }
}
