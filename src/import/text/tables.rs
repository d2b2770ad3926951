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
    cells.iter().any(|cell| cell_number(cell).is_some())
}

/// A cell's figure when the cell is one number printed whole ("-14.6", "2,456", "20.3%"), and
/// whether it had a % sign; `None` for words, blanks and numbers not printed whole (".7").
pub fn cell_number(cell: &str) -> Option<(rust_decimal::Decimal, bool)> {
    match read_cell(cell) {
        Ok(crate::table::CellValue::Number { value, percent_sign }) => {
            let chars: Vec<char> = cell.chars().collect();
            (super::printed::numbers_in(&chars) == [value.abs().to_string()]).then_some((value, percent_sign))
        }
        _ => None,
    }
}

/// Whether a cell is blank ("", "-", "—") or one number printed whole.
fn blank_or_number(cell: &str) -> bool {
    matches!(read_cell(cell), Ok(crate::table::CellValue::Blank)) || cell_number(cell).is_some()
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
        } else if SHARE_WORDS.iter().any(|w| label.contains(w)) {
            // A share column (构成（%）): percents of the total, no growth.
            ColumnKind::Quantity { unit: Some(Unit::Percent) }
        } else if ["增长", "增速", "增幅", "比上年", "同比", "%"].iter().any(|w| label.contains(w)) {
            ColumnKind::Growth
        } else {
            ColumnKind::Quantity { unit: unit_in(&label) }
        };
        let numeric = matches!(kind, ColumnKind::Growth | ColumnKind::Quantity { .. });
        let all_numbers = rows.iter().all(|row| row.get(j).map_or(true, |cell| blank_or_number(cell)));
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

/// What a table's column gives the facts of its rows: the label, the row's unit, the level (with
/// its unit), the growth, the share; or nothing (its cells stay the table's only).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roles {
    pub label: usize,
    pub unit: Option<usize>,
    /// The level column and its unit (`None`: the row's unit from the unit column).
    pub level: Option<(usize, Option<Unit>)>,
    pub growth: Option<(usize, Option<GrowthBasis>)>,
    pub share: Option<usize>,
    /// Why a column with figures gives no figure to the rows' facts.
    pub unread: Vec<String>,
    /// The level's unit is in the rows' labels: 地区生产总值（亿元）.
    pub label_units: bool,
}

/// A unit printed in brackets at the end of a row's label: "地区生产总值（亿元）" → (地区生产总值, 亿元).
pub fn label_unit(label: &str) -> Option<(String, Unit)> {
    let open = label.rfind(['（', '('])?;
    let inner = label[open..].trim_start_matches(['（', '(']);
    let unit = inner.strip_suffix(['）', ')'])?.trim();
    let name = label[..open].trim();
    let known = ["亿元", "万元", "元", "万吨", "吨", "万人", "人", "%", "万千瓦时", "亿千瓦时", "公顷", "万亩", "户", "家", "个", "万平方米", "平方米", "万人次", "亿元/万元"];
    (!name.is_empty() && (known.contains(&unit) || unit.chars().count() <= 4 && unit.ends_with(['元', '吨', '人', '户', '亩', '米', '时']))).then(|| (name.to_owned(), Unit::from(unit)))
}

/// Words of a growth column's header.
const GROWTH_WORDS: [&str; 11] = ["增长", "增速", "增幅", "比上年", "同比", "涨跌", "涨幅", "上涨", "增减", "±", "比上期"];
/// Words of a share column's header.
const SHARE_WORDS: [&str; 5] = ["构成", "比重", "占比", "结构", "所占"];

/// The columns' roles, by their headers: a percent in a growth column is a growth, a share in a
/// share column is a share, a level has the unit of its header (`绝对数（万元）`) or of the row's
/// unit cell. A column no role fits, a second column of the same role, a level column without a
/// unit, a column of a period other than the release's keep their cells in the table only.
pub fn roles(header: &[String], rows: &[Vec<String>], release_year: Option<i32>) -> Roles {
    let serial = header.first().is_some_and(|h| matches!(h.as_str(), "序号" | "编号" | "序" | "排序"));
    let label = usize::from(serial && header.len() > 2);
    let mut roles = Roles { label, ..Roles::default() };
    let width = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let numeric = |j: usize| rows.iter().all(|row| row.get(j).map_or(true, |c| blank_or_number(c))) && rows.iter().any(|row| row.get(j).is_some_and(|c| cell_number(c).is_some()));
    let unit_column = (0..width).find(|&j| j != label && header.get(j).is_some_and(|h| matches!(h.replace(' ', "").as_str(), "单位" | "计量单位" | "计算单位")));
    roles.unit = unit_column;
    let mut levels = Vec::new();
    for j in 0..width {
        if j == label || Some(j) == unit_column || !numeric(j) {
            continue;
        }
        let h: String = header.get(j).map(|h| h.chars().filter(|c| !c.is_whitespace()).collect()).unwrap_or_default();
        let other_year = release_year.is_some_and(|year| {
            let chars: Vec<char> = h.chars().collect();
            super::grammar::tokens(&chars).iter().any(|t| matches!(t.kind, super::grammar::Kind::Year { year: y } if y != year))
        });
        if other_year {
            roles.unread.push(format!("“{h}”列是另一时期的数"));
            continue;
        }
        if SHARE_WORDS.iter().any(|w| h.contains(w)) {
            if roles.share.is_none() {
                roles.share = Some(j);
            } else {
                roles.unread.push(format!("“{h}”列（第二个构成列）"));
            }
        } else if h.contains("拉动") || h.contains("贡献") {
            roles.unread.push(format!("“{h}”列（拉动或贡献，未写明对什么）"));
        } else if GROWTH_WORDS.iter().any(|w| h.contains(w)) {
            if (h.contains("增加") || h.contains("额") || h.contains("量")) && !h.contains('%') && !h.contains('％') {
                roles.unread.push(format!("“{h}”列（增加额）"));
            } else if roles.growth.is_none() {
                let basis = if h.contains("同比") || h.contains("同期") {
                    Some(GrowthBasis::YearOnYear)
                } else if h.contains("比上年末") || h.contains("比年初") {
                    Some(GrowthBasis::PreviousYearEnd)
                } else if h.contains("比上年") {
                    Some(GrowthBasis::PreviousYear)
                } else {
                    None
                };
                roles.growth = Some((j, basis));
            } else {
                roles.unread.push(format!("“{h}”列（第二个增速列）"));
            }
        } else if h.contains('%') || h.contains('％') {
            roles.unread.push(format!("“{h}”列（百分数，表头未写明是增速还是构成）"));
        } else {
            // The unit in the header's brackets, as printed (万元; an index's 上年=100); an index
            // without one is a pure number.
            let unit = unit_in(&h).or_else(|| h.contains("指数").then_some(Unit::Pure));
            let in_labels = rows.iter().any(|row| row.get(label).is_some_and(|l| label_unit(&row_label(l).0).is_some()));
            match (unit, unit_column) {
                (Some(unit), _) => levels.push((j, Some(unit))),
                (None, Some(_)) => levels.push((j, None)),
                (None, None) if in_labels => {
                    roles.label_units = true;
                    levels.push((j, None));
                }
                (None, None) => roles.unread.push(format!("“{h}”列（表头和各行都没有写明单位）")),
            }
        }
    }
    match levels.as_slice() {
        [] => {}
        [one] => roles.level = Some(one.clone()),
        // Two levels (招生数, 在校生数): which is the row's is not for the reader to guess.
        several => {
            for (j, _) in several {
                roles.unread.push(format!("“{}”列（表中有几个总量列，不知哪个是该行指标的数值）", header.get(*j).map_or("", String::as_str)));
            }
        }
    }
    roles
}

/// A row's label without the 其中 that marks it a part (`其中：第一产业` → 第一产业, `#工业`):
/// the name, and whether it was marked.
pub fn row_label(cell: &str) -> (String, bool) {
    let trimmed = cell.trim_matches(|c: char| c.is_whitespace());
    for prefix in ["其中：", "其中:", "其中", "#", "＃"] {
        if let Some(rest) = trimmed.strip_prefix(prefix) {
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '：' || c == ':');
            return (rest.to_owned(), true);
        }
    }
    (trimmed.to_owned(), false)
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
