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

/// Every text kept for the import: the samples and the tests' own texts.
fn import_texts() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["data/samples", "tests/import-texts"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        paths.sort();
        for path in paths {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    assert!(out.len() >= 3, "the sample texts are missing");
    out
}

/// No figure without its printed number: every figure the import states of a text is a number
/// printed in that text as a whole token, in the sentence (or table row) it points at.
#[test]
fn every_imported_figure_is_printed_in_every_sample_text() {
    for (path, text) in import_texts() {
        let (release, _) = xixia_stats::import::text::import(&text, "sample").unwrap_or_else(|e| panic!("{path}: {e}"));
        let unprinted = xixia_stats::import::text::unprinted(&release, &text);
        assert!(unprinted.is_empty(), "{path}: figures not printed in the text:\n{}", unprinted.join("\n"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The same for any choice of a sample's lines, in any order, with the lines' cells split
    /// apart or run together (tabs, blanks, line breaks, bars): ambiguous layouts may be left
    /// unread, never read into a number the text does not print.
    #[test]
    fn figures_of_any_mix_of_sample_lines_are_printed(pick in prop::collection::vec((0usize..10_000, 0usize..6), 1..30)) {
        let texts = import_texts();
        let lines: Vec<&str> = texts.iter().flat_map(|(_, t)| t.lines()).filter(|l| !l.trim().is_empty()).collect();
        let mut text = String::new();
        for (at, how) in pick {
            let line = lines[at % lines.len()];
            let line = match how {
                0 => line.replace('\t', "\n"),
                1 => line.replace('\t', " "),
                2 => line.replace('\t', " | "),
                3 => line.replace('\t', "    "),
                _ => line.to_owned(),
            };
            text.push_str(&line);
            text.push('\n');
        }
        if let Ok((release, _)) = xixia_stats::import::text::import(&text, "mix") {
            let unprinted = xixia_stats::import::text::unprinted(&release, &text);
            prop_assert!(unprinted.is_empty(), "figures not printed:\n{}\n--- text ---\n{text}", unprinted.join("\n"));
        }
    }
}
