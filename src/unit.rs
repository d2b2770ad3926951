//! Units of measurement as printed in Chinese statistical releases, and conversion between units of
//! the same dimension (万元 ↔ 亿元, 吨 ↔ 万吨 ↔ 万千克).

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What a unit measures. Two units convert into each other only when their dimensions are equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Money; base unit 元.
    Money,
    /// Mass; base unit 千克.
    Mass,
    /// Land area; base unit 公顷.
    Area,
    /// Apparent power of transformers; base unit 千伏安.
    ApparentPower,
    /// Counted things, by their classifier (台, 头, 只, 人, 个, 户, 家): 万头 and 头 convert, 头 and 只
    /// do not.
    Count(char),
    /// A percentage.
    Percent,
    /// A difference of two percentages (个百分点).
    PercentagePoints,
    /// Deaths per 亿元 of output.
    PersonsPerYiYuan,
    /// A pure number printed with no unit (库款保障水平 0.38).
    Pure,
}

/// A unit as printed. Units met in the district's releases are named variants; anything else is
/// kept as [`Unit::Other`] so that a draft with a new unit still loads, and the checker flags it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Unit {
    YiYuan,
    WanYuan,
    Yuan,
    WanDun,
    Dun,
    WanQianKe,
    QianKe,
    GongQing,
    WanTai,
    Tai,
    WanQianFuAn,
    QianFuAn,
    WanTou,
    Tou,
    WanZhi,
    Zhi,
    WanRen,
    Ren,
    Ge,
    Hu,
    Jia,
    Percent,
    PercentagePoints,
    PersonsPerYiYuan,
    /// A pure number: written as the empty string.
    Pure,
    /// A unit this crate does not know. It is carried as printed and flagged by the checker.
    Other(String),
}

/// Every known unit: symbol, dimension, how many base units one of it is (10^exponent), and its
/// English name.
const KNOWN: &[(Unit, &str, Dimension, u32, &str)] = &[
    (Unit::YiYuan, "亿元", Dimension::Money, 8, "100 million yuan"),
    (Unit::WanYuan, "万元", Dimension::Money, 4, "10,000 yuan"),
    (Unit::Yuan, "元", Dimension::Money, 0, "yuan"),
    (Unit::WanDun, "万吨", Dimension::Mass, 7, "10,000 tonnes"),
    (Unit::Dun, "吨", Dimension::Mass, 3, "tonnes"),
    (Unit::WanQianKe, "万千克", Dimension::Mass, 4, "10,000 kg"),
    (Unit::QianKe, "千克", Dimension::Mass, 0, "kg"),
    (Unit::GongQing, "公顷", Dimension::Area, 0, "hectares"),
    (Unit::WanTai, "万台", Dimension::Count('台'), 4, "10,000 units"),
    (Unit::Tai, "台", Dimension::Count('台'), 0, "units"),
    (Unit::WanQianFuAn, "万千伏安", Dimension::ApparentPower, 4, "10,000 kVA"),
    (Unit::QianFuAn, "千伏安", Dimension::ApparentPower, 0, "kVA"),
    (Unit::WanTou, "万头", Dimension::Count('头'), 4, "10,000 head"),
    (Unit::Tou, "头", Dimension::Count('头'), 0, "head"),
    (Unit::WanZhi, "万只", Dimension::Count('只'), 4, "10,000 head"),
    (Unit::Zhi, "只", Dimension::Count('只'), 0, "head"),
    (Unit::WanRen, "万人", Dimension::Count('人'), 4, "10,000 persons"),
    (Unit::Ren, "人", Dimension::Count('人'), 0, "persons"),
    (Unit::Ge, "个", Dimension::Count('个'), 0, "units"),
    (Unit::Hu, "户", Dimension::Count('户'), 0, "households"),
    (Unit::Jia, "家", Dimension::Count('家'), 0, "establishments"),
    (Unit::Percent, "%", Dimension::Percent, 0, "%"),
    (Unit::PercentagePoints, "个百分点", Dimension::PercentagePoints, 0, "percentage points"),
    (Unit::PersonsPerYiYuan, "人/亿元", Dimension::PersonsPerYiYuan, 0, "persons per 100 million yuan"),
    (Unit::Pure, "", Dimension::Pure, 0, ""),
];

/// Why two units cannot be converted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConversionError {
    #[error("cannot convert {from:?} to {to:?}: they measure different things")]
    Incompatible { from: String, to: String },
    #[error("unit {0:?} is not known, so it cannot be converted")]
    Unknown(String),
    #[error("converting {value} {from} to {to} overflows")]
    Overflow { value: Decimal, from: String, to: String },
}

impl Unit {
    fn entry(&self) -> Option<&'static (Unit, &'static str, Dimension, u32, &'static str)> {
        KNOWN.iter().find(|(unit, ..)| unit == self)
    }

    /// The unit as printed: `亿元`, `%`, `人/亿元`.
    pub fn symbol(&self) -> &str {
        match self {
            Unit::Other(symbol) => symbol,
            known => known.entry().map_or("", |(_, symbol, ..)| symbol),
        }
    }

    /// The unit's English name: "100 million yuan" for 亿元, "10,000 kg" for 万千克, "%" for %.
    /// A unit the crate does not know keeps its printed text.
    ///
    /// ```
    /// use xixia_stats::Unit;
    /// assert_eq!(Unit::YiYuan.name_en(), "100 million yuan");
    /// assert_eq!(Unit::from("立方米").name_en(), "立方米");
    /// ```
    pub fn name_en(&self) -> &str {
        match self {
            Unit::Other(symbol) => symbol,
            known => known.entry().map_or("", |(.., name)| name),
        }
    }

    /// The dimension, or `None` for a unit this crate does not know.
    pub fn dimension(&self) -> Option<Dimension> {
        self.entry().map(|(_, _, dimension, ..)| *dimension)
    }

    /// Whether this is one of the units the crate knows.
    pub fn is_known(&self) -> bool {
        !matches!(self, Unit::Other(_))
    }

    /// Converts `value` from this unit into `to`. Exact: every factor is a power of ten.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use xixia_stats::Unit;
    /// let wan: Decimal = "26432.31".parse().unwrap();
    /// assert_eq!(Unit::WanYuan.convert(wan, &Unit::YiYuan).unwrap().to_string(), "2.643231");
    /// assert!(Unit::WanYuan.convert(wan, &Unit::WanDun).is_err());
    /// ```
    pub fn convert(&self, value: Decimal, to: &Unit) -> Result<Decimal, ConversionError> {
        let (Some(from_entry), Some(to_entry)) = (self.entry(), to.entry()) else {
            let unknown = if self.is_known() { to } else { self };
            return Err(ConversionError::Unknown(unknown.symbol().to_owned()));
        };
        if from_entry.2 != to_entry.2 {
            return Err(ConversionError::Incompatible {
                from: self.symbol().to_owned(),
                to: to.symbol().to_owned(),
            });
        }
        let overflow = || ConversionError::Overflow {
            value,
            from: self.symbol().to_owned(),
            to: to.symbol().to_owned(),
        };
        let (from_exp, to_exp) = (from_entry.3, to_entry.3);
        let converted = if from_exp >= to_exp {
            let factor = Decimal::from(10u64.pow(from_exp - to_exp));
            value.checked_mul(factor).ok_or_else(overflow)?
        } else {
            let factor = Decimal::from(10u64.pow(to_exp - from_exp));
            value.checked_div(factor).ok_or_else(overflow)?
        };
        Ok(converted.normalize().max_scale_of(value))
    }
}

/// Keeps at least the printed number of decimals after conversion, so 7.0万吨 stays 70000.0吨
/// rather than losing its trailing zero, while 2.643231 keeps the digits it needs.
trait MaxScale {
    fn max_scale_of(self, printed: Decimal) -> Decimal;
}

impl MaxScale for Decimal {
    fn max_scale_of(mut self, printed: Decimal) -> Decimal {
        if self.scale() < printed.scale() {
            self.rescale(printed.scale());
        }
        self
    }
}

impl From<String> for Unit {
    fn from(symbol: String) -> Unit {
        let trimmed = symbol.trim();
        KNOWN
            .iter()
            .find(|(_, known, ..)| *known == trimmed)
            .map(|(unit, ..)| unit.clone())
            .unwrap_or(Unit::Other(symbol))
    }
}

impl From<&str> for Unit {
    fn from(symbol: &str) -> Unit {
        Unit::from(symbol.to_owned())
    }
}

impl From<Unit> for String {
    fn from(unit: Unit) -> String {
        unit.symbol().to_owned()
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn conversions_table() {
        let rows = [
            ("26432.31", Unit::WanYuan, Unit::YiYuan, "2.643231"),
            ("4.75", Unit::YiYuan, Unit::WanYuan, "47500.00"),
            ("9076", Unit::WanYuan, Unit::Yuan, "90760000"),
            ("7026.8", Unit::WanQianKe, Unit::WanDun, "7.0268"),
            ("0.05", Unit::WanDun, Unit::Dun, "500.00"),
            ("0.44", Unit::WanTou, Unit::Tou, "4400.00"),
            ("45.48", Unit::WanRen, Unit::Ren, "454800.00"),
        ];
        for (value, from, to, expected) in rows {
            assert_eq!(from.convert(dec(value), &to).unwrap().to_string(), expected, "{value}{from}→{to}");
        }
    }

    #[test]
    fn different_dimensions_and_classifiers_do_not_convert() {
        assert!(matches!(
            Unit::WanTou.convert(dec("1"), &Unit::WanZhi),
            Err(ConversionError::Incompatible { .. })
        ));
        assert!(matches!(
            Unit::Other("斤".into()).convert(dec("1"), &Unit::QianKe),
            Err(ConversionError::Unknown(u)) if u == "斤"
        ));
    }

    #[test]
    fn symbols_round_trip() {
        for (unit, symbol, ..) in KNOWN {
            assert_eq!(&Unit::from(*symbol), unit);
            assert_eq!(unit.symbol(), *symbol);
        }
        assert_eq!(Unit::from("立方米"), Unit::Other("立方米".into()));
    }

    #[test]
    fn every_known_unit_has_an_english_name() {
        let rows = [
            (Unit::YiYuan, "100 million yuan"),
            (Unit::WanYuan, "10,000 yuan"),
            (Unit::Yuan, "yuan"),
            (Unit::WanQianKe, "10,000 kg"),
            (Unit::Dun, "tonnes"),
            (Unit::WanDun, "10,000 tonnes"),
            (Unit::WanQianFuAn, "10,000 kVA"),
            (Unit::Percent, "%"),
            (Unit::PercentagePoints, "percentage points"),
            (Unit::Pure, ""),
            (Unit::Other("万立方米".into()), "万立方米"),
        ];
        for (unit, name) in rows {
            assert_eq!(unit.name_en(), name, "{unit}");
        }
        for (unit, symbol, ..) in KNOWN {
            let name = unit.name_en();
            assert!(symbol.is_empty() || !name.is_empty(), "{symbol} has an English name");
            assert!(name.is_ascii(), "{symbol}: {name:?} is plain English");
        }
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert!(matches!(
            Unit::YiYuan.convert(Decimal::MAX, &Unit::Yuan),
            Err(ConversionError::Overflow { .. })
        ));
    }
}
