//! How facts relate: breakdowns of a total into parts, stated structure ratios, and series of
//! cumulative figures over months.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A total and its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Breakdown {
    pub id: String,
    /// What the split is by: 三次产业, 性别, 收入级次.
    pub name: String,
    /// The English name: "three industries".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub kind: BreakdownKind,
    /// The id of the total's fact.
    pub total: String,
    /// The ids of the parts' facts, in printed order.
    pub parts: Vec<String>,
}

/// Whether the parts make up the whole total or are a selection from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakdownKind {
    /// The parts sum to the total: 三次产业 → 地区生产总值; 男 + 女 = 常住人口.
    Exhaustive,
    /// A "其中" list: the parts are some of the total and cannot exceed it.
    Partial,
}

/// A stated structure ratio: 三次产业结构比为1.5 : 69.6 : 28.9.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StructureRatio {
    pub id: String,
    pub name: String,
    /// The English name: "Structure of the three industries".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The terms as printed, in percent of the whole.
    #[serde(with = "crate::decimal::vec")]
    pub terms: Vec<Decimal>,
    /// A label for each term: 第一产业, 第二产业, 第三产业.
    pub labels: Vec<String>,
    /// The labels in English, one for each term ("Primary industry"), or none at all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels_en: Vec<String>,
    /// The exhaustive breakdown whose parts the terms describe, when one is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

/// Facts that form a time series of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub name: String,
    /// The English name. Charts name a series by the words before its last parenthesis:
    /// "Wages (actual spending, cumulative)" is drawn as "Wages".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub kind: SeriesKind,
    /// The ids of the facts, earliest first.
    pub points: Vec<String>,
    /// The id of a fact that is the full-period target or plan the series runs towards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesKind {
    /// Each point is a running total from the start of the year (1月, 1-2月, …): it never falls,
    /// and a single month is the difference of two neighbours.
    Cumulative,
    /// Each point stands alone.
    Periodic,
}
