//! Tables as printed: the 主要工业产品产量 table and the 直达资金 tables. Cells keep their printed
//! text ("20.3%", "0", "-"); columns say what they hold and how they relate, so the checker can
//! verify rates and subtotals.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::unit::Unit;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub id: String,
    pub title: String,
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

/// A column. (Its kind is flattened in, which serde cannot combine with `deny_unknown_fields`; the
/// kind's own variants still refuse unknown fields.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub id: String,
    /// The header as printed; nested headers joined with " · ".
    pub label: String,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: String,
    /// The row's label as printed (资金名称, 产品名称).
    pub label: String,
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
