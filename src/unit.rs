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
    /// Per mille (‰): birth, death and natural growth rates.
    PerMille,
    /// Another physical measure, named by its base unit: 亩 (万亩), 千瓦时 (亿千瓦时), 吨公里,
    /// 人公里, 立方米, 标准箱.
    Measure(&'static str),
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

/// Units county bulletins print beyond the district's own, known by their symbol (they have no
/// variant: a release keeps them as [`Unit::Other`], and they convert and check like the others).
const GENERAL: &[(&str, Dimension, u32, &str)] = &[
    ("‰", Dimension::PerMille, 0, "‰"),
    ("万户", Dimension::Count('户'), 4, "10,000 households"),
    ("万家", Dimension::Count('家'), 4, "10,000 establishments"),
    ("万个", Dimension::Count('个'), 4, "10,000 units"),
    ("件", Dimension::Count('件'), 0, "items"),
    ("万件", Dimension::Count('件'), 4, "10,000 items"),
    ("亿件", Dimension::Count('件'), 8, "100 million items"),
    ("项", Dimension::Count('项'), 0, "items"),
    ("所", Dimension::Count('所'), 0, "institutions"),
    ("辆", Dimension::Count('辆'), 0, "vehicles"),
    ("万辆", Dimension::Count('辆'), 4, "10,000 vehicles"),
    ("张", Dimension::Count('张'), 0, "units"),
    ("人次", Dimension::Count('次'), 0, "person-times"),
    ("万人次", Dimension::Count('次'), 4, "10,000 person-times"),
    ("亿人次", Dimension::Count('次'), 8, "100 million person-times"),
    ("亩", Dimension::Measure("亩"), 0, "mu"),
    ("万亩", Dimension::Measure("亩"), 4, "10,000 mu"),
    ("千瓦时", Dimension::Measure("千瓦时"), 0, "kWh"),
    ("万千瓦时", Dimension::Measure("千瓦时"), 4, "10,000 kWh"),
    ("亿千瓦时", Dimension::Measure("千瓦时"), 8, "100 million kWh"),
    ("吨公里", Dimension::Measure("吨公里"), 0, "tonne-km"),
    ("万吨公里", Dimension::Measure("吨公里"), 4, "10,000 tonne-km"),
    ("亿吨公里", Dimension::Measure("吨公里"), 8, "100 million tonne-km"),
    ("人公里", Dimension::Measure("人公里"), 0, "passenger-km"),
    ("万人公里", Dimension::Measure("人公里"), 4, "10,000 passenger-km"),
    ("亿人公里", Dimension::Measure("人公里"), 8, "100 million passenger-km"),
    ("立方米", Dimension::Measure("立方米"), 0, "cubic metres"),
    ("万立方米", Dimension::Measure("立方米"), 4, "10,000 cubic metres"),
    ("亿立方米", Dimension::Measure("立方米"), 8, "100 million cubic metres"),
    ("标准箱", Dimension::Measure("标准箱"), 0, "TEU"),
    ("万标准箱", Dimension::Measure("标准箱"), 4, "10,000 TEU"),
    ("平方米", Dimension::Measure("平方米"), 0, "square metres"),
    ("万平方米", Dimension::Measure("平方米"), 4, "10,000 square metres"),
    ("公里", Dimension::Measure("公里"), 0, "km"),
    ("千米", Dimension::Measure("公里"), 0, "km"),
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
    /// The unit's symbol, dimension, exponent of ten and English name, from [`KNOWN`] or, for a
    /// unit kept as printed, [`GENERAL`].
    fn entry(&self) -> Option<(&'static str, Dimension, u32, &'static str)> {
        match self {
            Unit::Other(symbol) => {
                let symbol = symbol.trim();
                GENERAL.iter().find(|(known, ..)| *known == symbol).copied()
            }
            unit => KNOWN.iter().find(|(known, ..)| known == unit).map(|(_, symbol, dimension, exponent, name)| (*symbol, *dimension, *exponent, *name)),
        }
    }

    /// The unit as printed: `亿元`, `%`, `人/亿元`.
    pub fn symbol(&self) -> &str {
        match self {
            Unit::Other(symbol) => symbol,
            known => known.entry().map_or("", |(symbol, ..)| symbol),
        }
    }

    /// The unit's English name: "100 million yuan" for 亿元, "10,000 kg" for 万千克, "%" for %.
    /// A unit the crate does not know keeps its printed text.
    ///
    /// ```
    /// use xixia_stats::Unit;
    /// assert_eq!(Unit::YiYuan.name_en(), "100 million yuan");
    /// assert_eq!(Unit::from("万立方米").name_en(), "10,000 cubic metres");
    /// assert_eq!(Unit::from("万口").name_en(), "万口");
    /// ```
    pub fn name_en(&self) -> &str {
        match (self, self.entry()) {
            (_, Some((.., name))) => name,
            (Unit::Other(symbol), None) => symbol,
            (_, None) => "",
        }
    }

    /// The dimension, or `None` for a unit this crate does not know.
    pub fn dimension(&self) -> Option<Dimension> {
        self.entry().map(|(_, dimension, ..)| dimension)
    }

    /// Whether this is one of the units the crate knows (its own, or one of the general units
    /// county bulletins print: ‰, 万件, 亿千瓦时, 万亩 …).
    pub fn is_known(&self) -> bool {
        self.entry().is_some()
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
        if from_entry.1 != to_entry.1 {
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
        let (from_exp, to_exp) = (from_entry.2, to_entry.2);
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
        // The general units stay as printed, and are known all the same.
        assert_eq!(Unit::from("立方米"), Unit::Other("立方米".into()));
        for (symbol, ..) in GENERAL {
            let unit = Unit::from(*symbol);
            assert!(unit.is_known() && unit.symbol() == *symbol && unit.name_en().is_ascii() || *symbol == "‰", "{symbol}");
        }
        assert!(!Unit::from("万口").is_known());
    }

    #[test]
    fn general_units_convert_within_their_measure() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(Unit::from("亿千瓦时").convert(d("18.93"), &Unit::from("万千瓦时")).unwrap(), d("189300"));
        assert_eq!(Unit::from("万件").convert(d("2658"), &Unit::from("件")).unwrap(), d("26580000"));
        assert_eq!(Unit::from("万人次").convert(d("1.5"), &Unit::from("人次")).unwrap(), d("15000"));
        assert!(Unit::from("万亩").convert(d("1"), &Unit::GongQing).is_err(), "亩 is not a power of ten of 公顷");
        assert!(Unit::from("亿吨公里").convert(d("1"), &Unit::from("亿人公里")).is_err());
        assert!(Unit::from("人次").convert(d("1"), &Unit::Ren).is_err(), "person-times are not persons");
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
            (Unit::Other("万立方米".into()), "10,000 cubic metres"),
            (Unit::Other("万口".into()), "万口"),
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
