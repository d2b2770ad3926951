//! A fact: one indicator as a release states it — its level, growth, increase, comparisons with
//! other regions, ranks, contribution and share — each exactly as printed.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::compute::interval::Interval;
use crate::release::Period;
use crate::unit::Unit;

/// One indicator as the release states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Stable id, unique in its release: `gdp`, `gdp-primary`.
    pub id: String,
    /// The indicator it states, an id of the site's indicator registry (`indicators.json`), when
    /// that is not [`Fact::id`]: a fiscal report's `sanbao-feb` states `sanbao-actual` for 1-2月;
    /// a bulletin's `gdp-2022-final` restates `gdp` for the year before. Links the facts of
    /// different releases into one series over time ([`Fact::indicator_id`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// The Chinese name as printed: 第一产业增加值.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The id of the sentence it was stated in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    /// The period, when it differs from the release's (a month within a run of fiscal reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The level: 489.91 亿元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Quantity>,
    /// The stated growth: 增长8.3%, 下降54.8%, 增长3.2倍.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<Growth>,
    /// The stated increase: 比上年增加1417元; 比上年末下降3.6个百分点 (a negative amount).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increase: Option<Quantity>,
    /// 高于自治区9.9个百分点.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<Gap>,
    /// 位居全区第4位.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranks: Vec<StatedRank>,
    /// 拉动投资增长16.5个百分点.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution: Option<Contribution>,
    /// 占地方一般公共预算收入的71.4%.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<StatedShare>,
    /// Ids of the release's footnotes that apply: `["2"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
    /// A qualifier printed with the figure: 扣除留抵退税因素后, 同口径.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Fact {
    /// The registry id of the indicator it states: [`Fact::indicator`], else its own id.
    pub fn indicator_id(&self) -> &str {
        self.indicator.as_deref().unwrap_or(&self.id)
    }
}

/// An exact amount with its unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    #[serde(with = "crate::decimal")]
    pub amount: Decimal,
    pub unit: Unit,
    /// The decimals the figure is kept to when the print drops trailing zeros: the fiscal reports
    /// print 58697万元 beside 23489.26万元, meaning 58697.00. Without it, the printed digits are
    /// the precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
}

impl Quantity {
    pub fn new(amount: Decimal, unit: Unit) -> Quantity {
        Quantity { amount, unit, decimals: None }
    }

    /// The values this figure stands for, given its precision.
    pub fn interval(&self) -> Interval {
        Interval::printed_to(self.amount, self.decimals)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.amount, self.unit)
    }
}

/// A stated growth rate, exactly as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Growth {
    /// The printed number, signed: 下降54.8% is `-54.8`; 增长3.2倍 is `3.2` with form `times`.
    #[serde(with = "crate::decimal")]
    pub rate: Decimal,
    #[serde(default)]
    pub form: GrowthForm,
    /// Compared with what.
    pub basis: GrowthBasis,
    /// At comparable (constant) or current prices, where prices apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<Prices>,
}

/// How the growth number was printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrowthForm {
    /// 增长8.3%.
    #[default]
    Percent,
    /// 增长3.2倍: an increase of 3.2 times the base, +320 %.
    Times,
    /// A number printed with no unit at all (农业产值"增长0.7"): read as percent, flagged by the checker.
    Bare,
}

/// What the growth is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrowthBasis {
    /// 比上年: against the previous year.
    PreviousYear,
    /// 比上年末: a stock against the end of the previous year.
    PreviousYearEnd,
    /// 同比: against the same period of the previous year.
    YearOnYear,
    /// 累计同比: a cumulative span against the same span of the previous year.
    CumulativeYearOnYear,
}

impl GrowthBasis {
    pub fn label(self) -> &'static str {
        match self {
            GrowthBasis::PreviousYear => "比上年",
            GrowthBasis::PreviousYearEnd => "比上年末",
            GrowthBasis::YearOnYear => "同比",
            GrowthBasis::CumulativeYearOnYear => "累计同比",
        }
    }
}

/// The price basis of a growth rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prices {
    /// 按可比价格 / 不变价格: real growth. Never recomputed from current-price levels.
    Comparable,
    /// 按现行价格: nominal growth, consistent with the levels.
    Current,
}

impl Growth {
    /// The growth in percent: 增长3.2倍 is 320.
    pub fn percent(&self) -> Decimal {
        match self.form {
            GrowthForm::Times => self.rate.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(self.rate),
            GrowthForm::Percent | GrowthForm::Bare => self.rate,
        }
    }

    /// Half a unit of the last printed digit, in percent: 8.3% → 0.05; 3.2倍 → 5.
    pub fn half_unit_percent(&self) -> Decimal {
        let half = crate::compute::interval::half_unit(self.rate);
        match self.form {
            GrowthForm::Times => half * Decimal::ONE_HUNDRED,
            GrowthForm::Percent | GrowthForm::Bare => half,
        }
    }

    /// Whether growth may be compared with levels: current prices, or no prices at all (tonnes,
    /// people, fiscal money, which are nominal).
    pub fn comparable_with_levels(&self) -> bool {
        self.prices != Some(Prices::Comparable)
    }
}

impl fmt::Display for Growth {
    /// The bulletin's own words: 增长8.3%, 下降54.8%, 增长3.2倍, 增长0.7.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.rate.is_sign_negative() && !self.rate.is_zero() { "下降" } else { "增长" };
        let suffix = match self.form {
            GrowthForm::Percent => "%",
            GrowthForm::Times => "倍",
            GrowthForm::Bare => "",
        };
        write!(f, "{verb}{}{suffix}", self.rate.abs())
    }
}

/// A comparison with another region in percentage points: 高于自治区9.9个百分点 is +9.9.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// 自治区, 银川市.
    pub comparator: String,
    /// The comparator in English, as short as the Chinese: "Ningxia" for 自治区, "Yinchuan".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator_en: Option<String>,
    /// Positive when 高于, negative when 低于.
    #[serde(with = "crate::decimal")]
    pub points: Decimal,
}

/// A rank as stated: 位居全区第4位.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedRank {
    /// 全区, 全市, 沿黄市辖区.
    pub scope: String,
    /// The scope in English with the preposition that follows a rank: "in Ningxia",
    /// "among the urban districts along the Yellow River".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_en: Option<String>,
    pub rank: u32,
    /// How many were ranked, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<u32>,
}

/// A contribution to another indicator's growth: 拉动投资增长16.5个百分点.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// The id of the fact whose growth this contributes to.
    pub to: String,
    #[serde(with = "crate::decimal")]
    pub points: Decimal,
}

/// A stated share of another fact: 占地方一般公共预算收入的71.4%.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedShare {
    /// The id of the whole.
    pub of: String,
    #[serde(with = "crate::decimal")]
    pub percent: Decimal,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn growth(rate: &str, form: GrowthForm) -> Growth {
        Growth { rate: rate.parse().unwrap(), form, basis: GrowthBasis::YearOnYear, prices: None }
    }

    #[test]
    fn growth_reads_as_printed() {
        let rows = [
            ("8.3", GrowthForm::Percent, "增长8.3%", "8.3", "0.05"),
            ("-54.8", GrowthForm::Percent, "下降54.8%", "-54.8", "0.05"),
            ("3.2", GrowthForm::Times, "增长3.2倍", "320.0", "5.00"),
            ("0.7", GrowthForm::Bare, "增长0.7", "0.7", "0.05"),
            ("-95", GrowthForm::Percent, "下降95%", "-95", "0.5"),
        ];
        for (rate, form, printed, percent, half) in rows {
            let g = growth(rate, form);
            assert_eq!(g.to_string(), printed);
            assert_eq!(g.percent().to_string(), percent, "{printed}");
            assert_eq!(g.half_unit_percent().normalize(), half.parse::<Decimal>().unwrap().normalize(), "{printed}");
        }
    }
}
