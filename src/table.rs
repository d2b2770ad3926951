//! Tables as printed: the 主要工业产品产量 table and the 直达资金 tables. Cells keep their printed
//! text ("20.3%", "0", "-"); columns say what they hold and how they relate, so the checker can
//! verify rates and subtotals.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::fact::GrowthBasis;
use crate::unit::Unit;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// A target the rates of one column are measured against: 支付目标 25%.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TableTarget>,
}

/// The fact holding the target (in percent) for a rate column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableTarget {
    /// The id of the rate column.
    pub column: String,
    /// The id of the fact stating the target.
    pub fact: String,
}

/// A column. In JSON its kind's fields sit beside its own:
/// `{"id": "rate", "label": "支出进度", "kind": "rate", "numerator": ["paid"], "denominator": ["amount"]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ColumnJson")]
pub struct Column {
    pub id: String,
    /// The header as printed; nested headers joined with " · ".
    pub label: String,
    /// The header in English: "Spending progress".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    #[serde(flatten)]
    pub kind: ColumnKind,
    /// What the column measures, shared across tables so that the same figure printed in two
    /// tables can be compared: `amount`, `paid`, `rate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The decimals the column's figures are kept to when the print drops trailing zeros
    /// ("388" beside "2483.92" in a 万元 column kept to 2 decimals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
    /// What a growth column's rates compare with, as its header says (比上年增长 → `previous_year`).
    /// Only growth columns have it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<GrowthBasis>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ColumnKind {
    /// Words: a name, a department.
    Text,
    /// The unit of each row's quantities (计量单位).
    Unit,
    /// Additive amounts. The unit is the column's, or else the row's from the table's unit column.
    Quantity {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<Unit>,
    },
    /// A growth rate in percent (比上年增长%).
    Growth,
    /// A rate in percent: the sum of the numerator columns over the sum of the denominator columns.
    Rate { numerator: Vec<String>, denominator: Vec<String> },
    /// The sum of other columns.
    Sum { of: Vec<String>, #[serde(default, skip_serializing_if = "Option::is_none")] unit: Option<Unit> },
}

/// The JSON form of a column, read flat (see [`crate::Period`] for why).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnJson {
    id: String,
    label: String,
    label_en: Option<String>,
    kind: ColumnTag,
    unit: Option<Unit>,
    numerator: Option<Vec<String>>,
    denominator: Option<Vec<String>>,
    of: Option<Vec<String>>,
    measure: Option<String>,
    decimals: Option<u32>,
    basis: Option<GrowthBasis>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum ColumnTag {
    Text,
    Unit,
    Quantity,
    Growth,
    Rate,
    Sum,
}

impl TryFrom<ColumnJson> for Column {
    type Error = String;

    fn try_from(json: ColumnJson) -> Result<Column, String> {
        let ColumnJson { id, label, label_en, kind, unit, numerator, denominator, of, measure, decimals, basis } = json;
        let allowed: &[&str] = match kind {
            ColumnTag::Text | ColumnTag::Unit => &[],
            ColumnTag::Growth => &["basis"],
            ColumnTag::Quantity => &["unit"],
            ColumnTag::Rate => &["numerator", "denominator"],
            ColumnTag::Sum => &["of", "unit"],
        };
        let given = [("unit", unit.is_some()), ("numerator", numerator.is_some()), ("denominator", denominator.is_some()), ("of", of.is_some()), ("basis", basis.is_some())];
        if let Some((field, _)) = given.iter().find(|(field, present)| *present && !allowed.contains(field)) {
            return Err(format!("column {id:?}: this kind of column has no field `{field}`"));
        }
        let needs = |field: &str| format!("column {id:?}: this kind of column needs `{field}`");
        let kind = match kind {
            ColumnTag::Text => ColumnKind::Text,
            ColumnTag::Unit => ColumnKind::Unit,
            ColumnTag::Quantity => ColumnKind::Quantity { unit },
            ColumnTag::Growth => ColumnKind::Growth,
            ColumnTag::Rate => ColumnKind::Rate { numerator: numerator.ok_or_else(|| needs("numerator"))?, denominator: denominator.ok_or_else(|| needs("denominator"))? },
            ColumnTag::Sum => ColumnKind::Sum { of: of.ok_or_else(|| needs("of"))?, unit },
        };
        Ok(Column { id, label, label_en, kind, measure, decimals, basis })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: String,
    /// The row's label as printed (资金名称, 产品名称).
    pub label: String,
    /// The label in English: "Employment subsidies".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// The row this one is a part of. The children of a row are exhaustive: for every quantity
    /// column they sum to the parent's cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Identifies the same item across tables: `jiuye-buzhu`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Printed cells by column id. A missing column or "-" means no figure.
    pub cells: BTreeMap<String, String>,
}

/// A cell read as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellValue {
    /// No figure: "-", empty, or not printed.
    Blank,
    /// A number, and whether it was printed with a % sign.
    Number { value: Decimal, percent_sign: bool },
}

/// Reads a printed cell: "26432.31", "20.3%", "0", "-".
pub fn read_cell(text: &str) -> Result<CellValue, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "-" || trimmed == "—" {
        return Ok(CellValue::Blank);
    }
    let (number, percent_sign) = match trimmed.strip_suffix('%').or_else(|| trimmed.strip_suffix('％')) {
        Some(number) => (number, true),
        None => (trimmed, false),
    };
    let value = crate::decimal::parse(number)?;
    Ok(CellValue::Number { value, percent_sign })
}

impl Table {
    pub fn column(&self, id: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.id == id)
    }

    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|row| row.id == id)
    }

    /// The number in a cell; `None` when blank, absent, or not a number (loading rejects those).
    pub fn number(&self, row: &Row, column: &str) -> Option<Decimal> {
        match row.cells.get(column).map(|text| read_cell(text)) {
            Some(Ok(CellValue::Number { value, .. })) => Some(value),
            _ => None,
        }
    }

    /// The unit of a quantity cell: the column's, else the row's entry in the table's unit column.
    pub fn unit_of(&self, row: &Row, column: &Column) -> Option<Unit> {
        let stated = match &column.kind {
            ColumnKind::Quantity { unit } | ColumnKind::Sum { unit, .. } => unit.clone(),
            ColumnKind::Rate { .. } | ColumnKind::Growth => return Some(Unit::Percent),
            ColumnKind::Text | ColumnKind::Unit => return None,
        };
        stated.or_else(|| {
            let unit_column = self.columns.iter().find(|c| c.kind == ColumnKind::Unit)?;
            row.cells.get(&unit_column.id).map(|text| Unit::from(text.as_str()))
        })
    }

    /// The rows whose parent is `parent`.
    pub fn children<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a Row> + 'a {
        self.rows.iter().filter(move |row| row.parent.as_deref() == Some(parent))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_read_flat_and_name_what_is_wrong() {
        let read = |json: &str| serde_json::from_str::<Column>(json).map_err(|e| e.to_string());
        let rate = read(r#"{"id": "r", "label": "进度", "kind": "rate", "numerator": ["p"], "denominator": ["a"], "measure": "rate"}"#).unwrap();
        assert_eq!(rate.kind, ColumnKind::Rate { numerator: vec!["p".into()], denominator: vec!["a".into()] });
        assert_eq!(read(&serde_json::to_string(&rate).unwrap()), Ok(rate));
        let named = read(r#"{"id": "g", "label": "比上年增长(%)", "label_en": "Growth over previous year (%)", "kind": "growth", "basis": "previous_year"}"#).unwrap();
        assert_eq!(named.label_en.as_deref(), Some("Growth over previous year (%)"));
        assert_eq!(named.basis, Some(GrowthBasis::PreviousYear));
        assert_eq!(read(&serde_json::to_string(&named).unwrap()), Ok(named));
        assert!(read(r#"{"id": "r", "label": "进度", "kind": "rate", "numerator": ["p"]}"#).unwrap_err().contains("needs `denominator`"));
        assert!(read(r#"{"id": "t", "label": "名称", "kind": "text", "of": ["x"]}"#).unwrap_err().contains("has no field `of`"));
        assert!(read(r#"{"id": "q", "label": "产量", "kind": "quantity", "basis": "year_on_year"}"#).unwrap_err().contains("has no field `basis`"));
        assert!(read(r#"{"id": "t", "label": "名称", "kind": "text", "colour": "red"}"#).unwrap_err().contains("unknown field `colour`"));
    }

    #[test]
    fn cells_read_as_printed() {
        let number = |v: &str, percent_sign| CellValue::Number { value: v.parse().unwrap(), percent_sign };
        let rows = [
            ("26432.31", number("26432.31", false)),
            ("20.3%", number("20.3", true)),
            ("0", number("0", false)),
            ("-", CellValue::Blank),
            ("", CellValue::Blank),
            ("-14.6", number("-14.6", false)),
        ];
        for (text, expected) in rows {
            assert_eq!(read_cell(text).unwrap(), expected, "{text:?}");
        }
        assert!(read_cell("二十").is_err());
    }
}
