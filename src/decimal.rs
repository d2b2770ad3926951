//! Exact decimals in JSON: always strings ("489.91"), so no float ever touches a figure and the
//! printed precision ("12.10", "71") survives the round trip. A JSON number is refused with a
//! message that says how to write it.

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::Serializer;
use std::fmt;

struct DecimalString;

impl Visitor<'_> for DecimalString {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal written as a JSON string, e.g. \"489.91\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        parse(text).map_err(E::custom)
    }
}

/// Parses a printed decimal exactly, keeping its scale: "12.10" stays 12.10. Thousands separators
/// ("9,076") are accepted, as the fiscal reports print them.
pub fn parse(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    if trimmed.contains(',') && !grouped_correctly(trimmed) {
        return Err(format!("\"{text}\" has a thousands separator out of place"));
    }
    let cleaned: String = trimmed.chars().filter(|c| *c != ',').collect();
    let plain = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    if plain.is_empty() || plain.contains(['e', 'E']) {
        return Err(format!("\"{text}\" is not a decimal number"));
    }
    Decimal::from_str_exact(plain).map_err(|e| format!("\"{text}\" is not a decimal number ({e})"))
}

/// "9,076" and "1,234,567.5" are grouped by thousands; "22,37.1" is not.
fn grouped_correctly(text: &str) -> bool {
    let unsigned = text.trim_start_matches(['+', '-']);
    let integer = unsigned.split('.').next().unwrap_or("");
    let mut groups = integer.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok && groups.all(|g| g.len() == 3) && !unsigned.split('.').nth(1).is_some_and(|f| f.contains(','))
}

pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_str(DecimalString)
}

/// For optional figures that are only ever written out (computed values).
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.collect_str(value),
            None => serializer.serialize_none(),
        }
    }
}

pub mod vec {
    use super::*;
    use serde::ser::SerializeSeq;
    use serde::Deserialize;

    pub fn serialize<S: Serializer>(values: &[Decimal], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(values.len()))?;
        for value in values {
            seq.serialize_element(&value.to_string())?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Decimal>, D::Error> {
        Vec::<String>::deserialize(deserializer)?
            .iter()
            .map(|text| parse(text).map_err(de::Error::custom))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn keeps_printed_precision() {
        for (text, shown, scale) in [("12.10", "12.10", 2), ("71", "71", 0), ("-54.8", "-54.8", 1), ("9,076", "9076", 0), ("1,234,567.5", "1234567.5", 1), ("+3.2", "3.2", 1)] {
            let value = parse(text).unwrap();
            assert_eq!((value.to_string().as_str(), value.scale()), (shown, scale), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_printed_decimal() {
        for text in ["", "abc", "1e5", "1.2.3", "--1", "99999999999999999999999999999999", "22,37.1", ",123", "1,2345", "1.234,5"] {
            assert!(parse(text).is_err(), "{text:?} should be rejected");
        }
    }
}
