//! Tables printed in a bulletin as lines of cells (tabs, or wide gaps from a PDF): a caption
//! line, a header line, then rows. Each becomes a [`Table`] whose columns are text, unit,
//! quantity or growth by their headers (docs/data-format.md §7).

use std::collections::BTreeMap;

use super::names::{Ids, Known};
use crate::fact::GrowthBasis;
use crate::table::{read_cell, Column, ColumnKind, Row, Table};
use crate::unit::Unit;

/// Whether a line of cells has a figure in it (a row), or only words (a header).
pub fn has_figures(cells: &[String]) -> bool {
    cells.iter().any(|cell| !cell.is_empty() && read_cell(cell).is_ok())
}

/// A header of two lines, the upper one's cells spanning the columns left empty after them:
/// "西夏区 · 资金总量".
pub fn merge_headers(top: &[String], sub: &[String]) -> Vec<String> {
    let width = top.len().max(sub.len());
    let mut out = Vec::with_capacity(width);
    let mut spanning = String::new();
    for j in 0..width {
        let upper = top.get(j).map(String::as_str).unwrap_or("");
        let lower = sub.get(j).map(String::as_str).unwrap_or("");
        if !upper.is_empty() {
            spanning = upper.to_owned();
        }
        let upper = if upper.is_empty() && !lower.is_empty() { spanning.as_str() } else { upper };
        out.push(match (upper.is_empty(), lower.is_empty()) {
            (false, false) => format!("{upper} · {lower}"),
            (false, true) => upper.to_owned(),
            (true, _) => lower.to_owned(),
        });
    }
    out
}

/// Builds a table from its header cells and row cells. `None` when there are no rows.
pub fn table(id: String, title: String, header: &[String], rows: &[Vec<String>], section: Option<String>, known: &Known, ids: &mut Ids) -> Option<Table> {
    if rows.is_empty() || header.len() < 2 {
        return None;
    }
    // A first column of serial numbers (序号) labels no row: the next column does.
    let serial = header.first().is_some_and(|h| matches!(h.as_str(), "序号" | "编号" | "序" | "排序"));
    let label_column = usize::from(serial && header.len() > 2);
    let width = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let mut columns: Vec<Column> = Vec::new();
    for j in 0..width {
        let label = header.get(j).cloned().unwrap_or_else(|| format!("第{}列", j + 1));
        let kind = if j <= label_column {
            ColumnKind::Text
        } else if matches!(label.as_str(), "单位" | "计量单位" | "计算单位" | "单位名称（计量）") {
            ColumnKind::Unit
        } else if ["增长", "增速", "增幅", "比上年", "同比", "%"].iter().any(|w| label.contains(w)) {
            ColumnKind::Growth
        } else {
            ColumnKind::Quantity { unit: unit_in(&label) }
        };
        let numeric = matches!(kind, ColumnKind::Growth | ColumnKind::Quantity { .. });
        let all_numbers = rows.iter().all(|row| row.get(j).map_or(true, |cell| read_cell(cell).is_ok()));
        let kind = if numeric && !all_numbers { ColumnKind::Text } else { kind };
        // Cells printed with % make a column of percentages.
        let percents = rows.iter().filter_map(|row| row.get(j)).filter(|cell| !cell.is_empty() && *cell != "-");
        let all_percent = rows.iter().any(|row| row.get(j).is_some_and(|c| c.ends_with('%'))) && percents.clone().all(|c| c.ends_with('%') || c == "0");
        let kind = match kind {
            ColumnKind::Quantity { unit: None } if all_percent => ColumnKind::Quantity { unit: Some(Unit::Percent) },
            other => other,
        };
        let basis = (kind == ColumnKind::Growth).then(|| {
            if label.contains("同比") {
                GrowthBasis::YearOnYear
            } else {
                GrowthBasis::PreviousYear
            }
        });
        let id = match kind {
            ColumnKind::Unit => "unit".to_owned(),
            _ if j == label_column => "name".to_owned(),
            _ => format!("c{}", j + 1),
        };
        let label_en = known.columns.get(&label).cloned().flatten();
        columns.push(Column { id, label, label_en, kind, measure: None, decimals: None, basis });
    }
    // Only one unit column.
    let mut seen_unit = false;
    for column in &mut columns {
        if column.kind == ColumnKind::Unit {
            if seen_unit {
                column.kind = ColumnKind::Text;
                column.id = format!("{}-text", column.id);
            }
            seen_unit = true;
        }
    }
    let mut out_rows = Vec::new();
    let mut row_ids = Ids::default();
    for cells in rows {
        let label = cells.get(label_column).cloned().unwrap_or_default();
        let (wanted, label_en) = known.rows.get(&label).map(|(id, en)| (Some(id.as_str()), en.clone())).unwrap_or((None, None));
        let row_id = row_ids.take(wanted, "r");
        let map: BTreeMap<String, String> = columns.iter().zip(cells).filter(|(_, cell)| !cell.is_empty()).map(|(c, cell)| (c.id.clone(), cell.clone())).collect();
        out_rows.push(Row { id: row_id, label, label_en, parent: None, key: None, cells: map });
    }
    let id = ids.take(Some(&id), "t");
    Some(Table { id, title, title_en: None, section, sentence: None, columns, rows: out_rows, target: None })
}

/// A unit in a header: "产量（万吨）" → 万吨.
fn unit_in(label: &str) -> Option<Unit> {
    let open = label.find(['（', '('])?;
    let rest = &label[open..];
    let inner = rest.trim_start_matches(['（', '(']);
    let close = inner.find(['）', ')'])?;
    let unit = inner[..close].trim();
    (!unit.is_empty() && unit != "%").then(|| Unit::from(unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_told_by_their_headers() {
        let header: Vec<String> = ["产品名称", "计量单位", "产量", "比上年增长(%)"].map(String::from).to_vec();
        let rows = vec![["水泥", "万吨", "235.5", "-14.6"].map(String::from).to_vec(), ["饮料", "万吨", "43.4", "41.0"].map(String::from).to_vec()];
        let table = table("t-1".into(), "主要工业产品产量".into(), &header, &rows, None, &Known::default(), &mut Ids::default()).unwrap();
        let kinds: Vec<&ColumnKind> = table.columns.iter().map(|c| &c.kind).collect();
        assert_eq!(kinds, [&ColumnKind::Text, &ColumnKind::Unit, &ColumnKind::Quantity { unit: None }, &ColumnKind::Growth]);
        assert_eq!(table.columns[3].basis, Some(GrowthBasis::PreviousYear));
        assert_eq!(table.rows[0].cells["c4"], "-14.6");
        let header: Vec<String> = ["项目", "金额（万元）", "备注"].map(String::from).to_vec();
        let rows = vec![["工资", "1,200", "已拨付"].map(String::from).to_vec()];
        let second = super::table("t-2".into(), "支出".into(), &header, &rows, None, &Known::default(), &mut Ids::default()).unwrap();
        assert_eq!(second.columns[1].kind, ColumnKind::Quantity { unit: Some(Unit::WanYuan) });
        assert_eq!(second.columns[2].kind, ColumnKind::Text);
        let header = merge_headers(&["序号", "资金名称", "西夏区", "", ""].map(String::from), &["", "", "资金总量", "支出金额", "支出进度"].map(String::from));
        assert_eq!(header, ["序号", "资金名称", "西夏区 · 资金总量", "西夏区 · 支出金额", "西夏区 · 支出进度"]);
        let rows = vec![["1", "直达资金", "26432.31", "5366.12", "20.3%"].map(String::from).to_vec()];
        let third = super::table("t-3".into(), "直达资金".into(), &header, &rows, None, &Known::default(), &mut Ids::default()).unwrap();
        assert_eq!(third.rows[0].label, "直达资金");
        assert_eq!(third.columns[1].id, "name");
        assert!(!has_figures(&["产品名称", "计量单位"].map(String::from)));
    }
}
