//! A draft against the published release: changed figures, added and removed indicators, changed
//! structure-ratio terms and table cells, each as printed, for staff to read before publication.
//!
//! Facts are matched by name, period (the fact's own, or else its release's) and qualifier
//! (备注, `note`), then by name and period alone, then by id: a draft with ids of its own (an import)
//! still meets its published facts, and a renamed indicator with its id kept is still matched.
//! Figures are compared as printed: 489.91 and 489.910 are the same number but not the same print,
//! and are reported as changed, with a note.

use std::collections::HashSet;

use serde::Serialize;

use crate::fact::{Fact, Quantity};
use crate::release::Release;
use crate::table::Table;

/// What changed between the published release and the draft. Order is the draft's for `changed`
/// and `added`, the published release's for `removed`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diff {
    /// The published release compared with: its id and title.
    pub published: String,
    pub title: String,
    pub changed: Vec<Change>,
    /// Indicators in the draft, not in the published release.
    pub added: Vec<Entry>,
    /// Indicators in the published release, not in the draft.
    pub removed: Vec<Entry>,
    /// Indicators stated the same in both.
    pub unchanged: usize,
    /// Structure ratios whose terms differ, or that one side only has.
    pub ratios: Vec<RatioChange>,
    /// Cells that differ in tables both sides have, or that one side only has.
    pub cells: Vec<CellChange>,
    /// Titles of tables only the draft has, and only the published release has.
    pub tables_added: Vec<String>,
    pub tables_removed: Vec<String>,
}

impl Diff {
    /// Whether the draft states everything as published.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty() && self.ratios.is_empty() && self.cells.is_empty() && self.tables_added.is_empty() && self.tables_removed.is_empty()
    }
}

/// One figure of one indicator that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The draft's fact id, and the published one's.
    pub draft_id: String,
    pub published_id: String,
    /// The draft's name of the indicator.
    pub name: String,
    /// Its period as printed: 2022年, 2023年1-11月.
    pub period: String,
    /// Which figure: "value", "growth", "increase", "share", "gaps", "ranks", "contribution";
    /// "name", "period" or "note" for a fact matched by id whose words changed.
    pub field: String,
    /// The field in the bulletin's words, one list for the command line and the preview alike
    /// ([`field_label`]): 数值, 增速, 增加额.
    pub label: &'static str,
    /// As printed: "489.91亿元", "比上年增长8.3%"; "" where absent.
    pub published: String,
    pub draft: String,
    /// Why two prints that look alike are reported: "数值相同，印出的小数位数不同".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The draft's sentence id, for a jump.
    pub sentence: Option<String>,
}

/// An indicator on one side only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub period: String,
    /// Its figures as printed: "489.91亿元，比上年增长8.3%".
    pub figures: String,
    pub sentence: Option<String>,
}

/// A structure ratio that differs: its terms as printed on each side ("" on the side that has
/// none), and the terms that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatioChange {
    pub id: String,
    pub name: String,
    /// "1.5 : 69.6 : 28.9".
    pub published: String,
    pub draft: String,
    pub terms: Vec<TermChange>,
    pub sentence: Option<String>,
}

/// One term of a structure ratio that differs, by its label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermChange {
    pub label: String,
    pub published: String,
    pub draft: String,
}

/// A table cell that differs, found by the table's title, the row's label and the column's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellChange {
    pub table: String,
    /// The row's label; a row under another is "上级 · 下级".
    pub row: String,
    pub column: String,
    /// As printed; "" where the side has no such cell (a row or column added or removed).
    pub published: String,
    pub draft: String,
}

/// The published release a draft is most like: the most indicators in common by name and period.
/// A tie goes to the release with the draft's id, else to the first. `None` if none shares one.
pub fn closest<'a>(draft: &Release, published: &'a [Release]) -> Option<&'a Release> {
    // A draft of another place is no revision of ours: it is compared with nothing.
    let place = place(draft);
    let published = published.iter().filter(|p| place.is_none() || place == self::place(p));
    let keys: HashSet<(&str, String)> = draft.facts.iter().map(|f| (f.name.as_str(), period_key(draft, f))).collect();
    let mut best: Option<(&Release, usize)> = None;
    for release in published {
        let common = release.facts.iter().filter(|f| keys.contains(&(f.name.as_str(), period_key(release, f)))).count();
        let better = match best {
            None => common > 0,
            Some((current, most)) => common > most || (common == most && release.id == draft.id && current.id != draft.id),
        };
        if better {
            best = Some((release, common));
        }
    }
    best.map(|(release, _)| release)
}

/// The place a release is about: the name its title starts with (样例县2024年…, 西夏区2022年…)
/// or its first publisher's (西夏区财政局); `None` when neither names one.
pub fn place(release: &Release) -> Option<String> {
    const PLACES: [char; 6] = ['县', '区', '市', '旗', '州', '盟'];
    let before_year: String = release.title.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let publisher = release.publishers.first().map(|p| {
        ["统计局", "财政局", "调查队", "人民政府办公室", "办公室"].iter().fold(p.clone(), |p, w| p.trim_end_matches(w).to_owned())
    });
    [Some(before_year), publisher].into_iter().flatten().find(|p| p.ends_with(PLACES) && (2..=12).contains(&p.chars().count()))
}

fn period_key(release: &Release, fact: &Fact) -> String {
    format!("{:?}", release.period_of(fact))
}

/// Compares a draft with a published release.
///
/// ```
/// let published = xixia_stats::bundled::release("2022-bulletin").unwrap();
/// let mut draft = published.clone();
/// draft.facts[0].value.as_mut().unwrap().amount = "490.12".parse().unwrap();
/// let diff = xixia_stats::diff::compare(&draft, &published);
/// assert_eq!(diff.changed.len(), 1);
/// assert_eq!((diff.changed[0].published.as_str(), diff.changed[0].draft.as_str()), ("489.91亿元", "490.12亿元"));
/// assert_eq!(diff.unchanged, published.facts.len() - 1);
/// ```
pub fn compare(draft: &Release, published: &Release) -> Diff {
    let pairs = match_facts(draft, published);
    let mut diff = Diff { published: published.id.clone(), title: published.title.clone(), ..Diff::default() };
    let mut matched = vec![false; published.facts.len()];
    for (fact, pair) in draft.facts.iter().zip(&pairs) {
        match pair {
            Some(at) => {
                matched[*at] = true;
                let old = &published.facts[*at];
                let changes = changes(draft, fact, published, old);
                if changes.is_empty() {
                    diff.unchanged += 1;
                }
                diff.changed.extend(changes);
            }
            None => diff.added.push(entry(draft, fact)),
        }
    }
    for (fact, _) in published.facts.iter().zip(&matched).filter(|(_, matched)| !**matched) {
        diff.removed.push(entry(published, fact));
    }
    diff.ratios = ratios(draft, published);
    (diff.cells, diff.tables_added, diff.tables_removed) = tables(draft, published);
    diff
}

/// For each draft fact, the index of its published fact.
fn match_facts(draft: &Release, published: &Release) -> Vec<Option<usize>> {
    let mut taken = vec![false; published.facts.len()];
    let mut pairs = vec![None; draft.facts.len()];
    type Same = fn(&Release, &Fact, &Release, &Fact) -> bool;
    let passes: [Same; 3] = [
        |d, f, p, g| f.name == g.name && period_key(d, f) == period_key(p, g) && f.note == g.note,
        |d, f, p, g| f.name == g.name && period_key(d, f) == period_key(p, g),
        |_, f, _, g| f.id == g.id,
    ];
    for same in passes {
        for (i, fact) in draft.facts.iter().enumerate() {
            if pairs[i].is_some() {
                continue;
            }
            let found = published.facts.iter().enumerate().find(|(j, old)| !taken[*j] && same(draft, fact, published, old));
            if let Some((j, _)) = found {
                taken[j] = true;
                pairs[i] = Some(j);
            }
        }
    }
    pairs
}

/// A quantity as printed: 489.91亿元.
fn quantity(q: &Quantity) -> String {
    format!("{}{}", q.amount, q.unit)
}

/// Each figure of a fact as printed, by field name ("" when the fact has none).
fn printed(release: &Release, fact: &Fact) -> Vec<(&'static str, String)> {
    let name_of = |id: &str| release.fact(id).map_or_else(|| id.to_owned(), |f| f.name.clone());
    let growth = fact.growth.as_ref().map_or(String::new(), |g| {
        let prices = match g.prices {
            Some(crate::fact::Prices::Comparable) => "（可比价）",
            Some(crate::fact::Prices::Current) => "（现价）",
            None => "",
        };
        format!("{}{g}{prices}", g.basis.label())
    });
    let increase = fact.increase.as_ref().map_or(String::new(), |q| {
        let verb = if q.amount.is_sign_negative() && !q.amount.is_zero() { "减少" } else { "增加" };
        format!("{verb}{}{}", q.amount.abs(), q.unit)
    });
    let share = fact.share.as_ref().map_or(String::new(), |s| format!("占{}的{}%", name_of(&s.of), s.percent));
    let gaps = fact
        .gaps
        .iter()
        .map(|g| format!("{}{}{}个百分点", if g.points.is_sign_negative() { "低于" } else { "高于" }, g.comparator, g.points.abs()))
        .collect::<Vec<_>>()
        .join("，");
    let ranks = fact
        .ranks
        .iter()
        .map(|r| match r.of {
            Some(of) => format!("{}第{}位（共{of}个）", r.scope, r.rank),
            None => format!("{}第{}位", r.scope, r.rank),
        })
        .collect::<Vec<_>>()
        .join("，");
    let contribution = fact.contribution.as_ref().map_or(String::new(), |c| format!("拉动{}增长{}个百分点", name_of(&c.to), c.points));
    vec![
        ("value", fact.value.as_ref().map_or(String::new(), quantity)),
        ("growth", growth),
        ("increase", increase),
        ("share", share),
        ("gaps", gaps),
        ("ranks", ranks),
        ("contribution", contribution),
    ]
}

fn entry(release: &Release, fact: &Fact) -> Entry {
    let figures = printed(release, fact).into_iter().map(|(_, text)| text).filter(|t| !t.is_empty()).collect::<Vec<_>>().join("，");
    Entry { id: fact.id.clone(), name: fact.name.clone(), period: release.period_of(fact).to_string(), figures, sentence: fact.sentence.clone() }
}

/// A compared field in the bulletin's words: "value" → 数值, "growth" → 增速, "increase" → 增加额.
pub fn field_label(field: &str) -> &'static str {
    match field {
        "value" => "数值",
        "growth" => "增速",
        "increase" => "增加额",
        "share" => "比重",
        "gaps" => "与其他地区比较",
        "ranks" => "位次",
        "contribution" => "拉动",
        "name" => "名称",
        "period" => "时期",
        "note" => "备注",
        _ => "其他",
    }
}

/// The figures of a matched pair that differ.
fn changes(draft: &Release, fact: &Fact, published: &Release, old: &Fact) -> Vec<Change> {
    let change = |field: &str, before: String, after: String, note: Option<String>| Change {
        draft_id: fact.id.clone(),
        published_id: old.id.clone(),
        name: fact.name.clone(),
        period: draft.period_of(fact).to_string(),
        field: field.to_owned(),
        label: field_label(field),
        published: before,
        draft: after,
        note,
        sentence: fact.sentence.clone(),
    };
    let mut out = Vec::new();
    let (new_period, old_period) = (draft.period_of(fact).to_string(), published.period_of(old).to_string());
    let words = [("name", &old.name, &fact.name), ("period", &old_period, &new_period)];
    for (field, before, after) in words {
        if before != after {
            out.push(change(field, before.clone(), after.clone(), None));
        }
    }
    if old.note != fact.note {
        out.push(change("note", old.note.clone().unwrap_or_default(), fact.note.clone().unwrap_or_default(), None));
    }
    for ((field, before), (_, after)) in printed(published, old).into_iter().zip(printed(draft, fact)) {
        if before != after {
            let note = if field == "value" { same_number(old.value.as_ref(), fact.value.as_ref()) } else { None };
            out.push(change(field, before, after, note));
        }
    }
    out
}

/// Why two prints of a value that differ are the same number, if they are: 489.91 and 489.910;
/// 4.44亿元 and 44400万元.
fn same_number(before: Option<&Quantity>, after: Option<&Quantity>) -> Option<String> {
    let (before, after) = (before?, after?);
    if before.unit == after.unit {
        return (before.amount == after.amount).then(|| "数值相同，印出的小数位数不同".to_owned());
    }
    let converted = after.unit.convert(after.amount, &before.unit).ok()?;
    (converted == before.amount).then(|| format!("换算后相同（{}{}），单位不同", converted.normalize(), before.unit))
}

fn terms(terms: &[rust_decimal::Decimal]) -> String {
    terms.iter().map(ToString::to_string).collect::<Vec<_>>().join(" : ")
}

/// Structure ratios matched by name, then id.
fn ratios(draft: &Release, published: &Release) -> Vec<RatioChange> {
    let mut out = Vec::new();
    let mut taken = vec![false; published.ratios.len()];
    for ratio in &draft.ratios {
        let found = published.ratios.iter().enumerate().find(|(j, r)| !taken[*j] && r.name == ratio.name).or_else(|| published.ratios.iter().enumerate().find(|(j, r)| !taken[*j] && r.id == ratio.id));
        let Some((j, old)) = found else {
            out.push(RatioChange { id: ratio.id.clone(), name: ratio.name.clone(), published: String::new(), draft: terms(&ratio.terms), terms: Vec::new(), sentence: ratio.sentence.clone() });
            continue;
        };
        taken[j] = true;
        let count = ratio.terms.len().max(old.terms.len());
        let term = |r: &crate::structure::StructureRatio, i: usize| r.terms.get(i).map_or(String::new(), ToString::to_string);
        let changed: Vec<TermChange> = (0..count)
            .filter(|&i| term(old, i) != term(ratio, i) || old.labels.get(i) != ratio.labels.get(i))
            .map(|i| TermChange {
                label: ratio.labels.get(i).or_else(|| old.labels.get(i)).cloned().unwrap_or_default(),
                published: format!("{}{}", old.labels.get(i).map_or("", String::as_str), term(old, i)),
                draft: format!("{}{}", ratio.labels.get(i).map_or("", String::as_str), term(ratio, i)),
            })
            .collect();
        if !changed.is_empty() {
            out.push(RatioChange { id: ratio.id.clone(), name: ratio.name.clone(), published: terms(&old.terms), draft: terms(&ratio.terms), terms: changed, sentence: ratio.sentence.clone() });
        }
    }
    for (old, _) in published.ratios.iter().zip(&taken).filter(|(_, t)| !**t) {
        out.push(RatioChange { id: old.id.clone(), name: old.name.clone(), published: terms(&old.terms), draft: String::new(), terms: Vec::new(), sentence: None });
    }
    out
}

/// A table's cells by (row label, column label), in the table's order.
fn cells(table: &Table) -> Vec<((String, String), String)> {
    let label = |row: &crate::table::Row| match row.parent.as_deref().and_then(|p| table.row(p)) {
        Some(parent) => format!("{} · {}", parent.label, row.label),
        None => row.label.clone(),
    };
    let mut out = Vec::new();
    for row in &table.rows {
        for column in &table.columns {
            if let Some(text) = row.cells.get(&column.id) {
                out.push(((same_label(&label(row)), same_label(&column.label)), text.trim().to_owned()));
            }
        }
    }
    out
}

/// A table label as it compares: without spaces, brackets and the per-cent sign in one width
/// ("比上年增长 (％)" is "比上年增长（%）").
fn same_label(label: &str) -> String {
    label
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '％' => '%',
            other => other,
        })
        .collect()
}

/// Tables matched by title, then id; cells by row and column label. A table one side only has is
/// named once, not cell by cell. Returns the changed cells, and the titles added and removed.
fn tables(draft: &Release, published: &Release) -> (Vec<CellChange>, Vec<String>, Vec<String>) {
    let mut out = Vec::new();
    let mut added = Vec::new();
    let mut taken = vec![false; published.tables.len()];
    let change = |table: &str, (row, column): &(String, String), before: &str, after: &str| CellChange {
        table: table.to_owned(),
        row: row.clone(),
        column: column.clone(),
        published: before.to_owned(),
        draft: after.to_owned(),
    };
    for table in &draft.tables {
        let found = published.tables.iter().enumerate().find(|(j, t)| !taken[*j] && t.title == table.title).or_else(|| published.tables.iter().enumerate().find(|(j, t)| !taken[*j] && t.id == table.id));
        let Some((j, old)) = found else {
            added.push(table.title.clone());
            continue;
        };
        taken[j] = true;
        let new = cells(table);
        let old = cells(old);
        for (at, text) in &new {
            let before = old.iter().find(|(k, _)| k == at).map_or("", |(_, t)| t.as_str());
            if before != text {
                out.push(change(&table.title, at, before, text));
            }
        }
        for (at, text) in old.iter().filter(|(k, _)| !new.iter().any(|(n, _)| n == k)) {
            out.push(change(&table.title, at, text, ""));
        }
    }
    let removed = published.tables.iter().zip(&taken).filter(|(_, t)| !**t).map(|(table, _)| table.title.clone()).collect();
    (out, added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    fn bulletin() -> Release {
        bundled::release("2022-bulletin").unwrap()
    }

    fn fact_mut<'a>(release: &'a mut Release, id: &str) -> &'a mut Fact {
        release.facts.iter_mut().find(|f| f.id == id).unwrap()
    }

    #[test]
    fn a_draft_of_another_place_is_compared_with_nothing() {
        let published = bundled::all().unwrap();
        let ours = bulletin();
        assert_eq!(closest(&ours, &published).map(|r| r.id.as_str()), Some("2022-bulletin"));
        assert_eq!(place(&ours).as_deref(), Some("西夏区"));
        let mut other = ours.clone();
        other.title = "样例县2022年国民经济和社会发展统计公报".into();
        other.publishers = vec!["样例县统计局".into()];
        assert_eq!(place(&other).as_deref(), Some("样例县"));
        assert!(closest(&other, &published).is_none());
        // A draft naming no place is compared as before.
        other.title = "2022年国民经济和社会发展统计公报".into();
        other.publishers.clear();
        assert_eq!(closest(&other, &published).map(|r| r.id.as_str()), Some("2022-bulletin"));
        for release in &published {
            assert_eq!(place(release).as_deref(), Some("西夏区"), "{}", release.id);
        }
    }

    #[test]
    fn every_bundled_release_against_itself_has_no_change() {
        for release in bundled::all().unwrap() {
            let diff = compare(&release, &release);
            assert!(diff.is_empty(), "{}: {diff:?}", release.id);
            assert_eq!(diff.unchanged, release.facts.len());
            assert_eq!(diff.published, release.id);
        }
    }

    #[test]
    fn changed_figures_are_printed_as_the_bulletin_prints_them() {
        let published = bulletin();
        let mut draft = published.clone();
        fact_mut(&mut draft, "gdp").value.as_mut().unwrap().amount = "490.12".parse().unwrap();
        fact_mut(&mut draft, "gdp").growth.as_mut().unwrap().rate = "8.5".parse().unwrap();
        fact_mut(&mut draft, "agri-forestry").growth.as_mut().unwrap().rate = "-45.8".parse().unwrap();
        let diff = compare(&draft, &published);
        let rows: Vec<(&str, &str, &str, &str)> = diff.changed.iter().map(|c| (c.draft_id.as_str(), c.field.as_str(), c.published.as_str(), c.draft.as_str())).collect();
        assert_eq!(
            rows,
            [
                ("gdp", "value", "489.91亿元", "490.12亿元"),
                ("gdp", "growth", "比上年增长8.3%（可比价）", "比上年增长8.5%（可比价）"),
                ("agri-forestry", "growth", "比上年下降54.8%（可比价）", "比上年下降45.8%（可比价）"),
            ]
        );
        assert_eq!(diff.changed[0].sentence.as_deref(), Some("s1-1"));
        assert_eq!(diff.unchanged, published.facts.len() - 2);
        assert!(diff.added.is_empty() && diff.removed.is_empty());
    }

    #[test]
    fn the_same_number_printed_otherwise_is_a_change_with_a_note() {
        let published = bulletin();
        let mut draft = published.clone();
        fact_mut(&mut draft, "gdp").value.as_mut().unwrap().amount = "489.910".parse().unwrap();
        let value = fact_mut(&mut draft, "gdp-primary").value.as_mut().unwrap();
        (value.amount, value.unit) = ("72500".parse().unwrap(), crate::Unit::WanYuan);
        let diff = compare(&draft, &published);
        assert_eq!(diff.changed.len(), 2);
        assert_eq!((diff.changed[0].published.as_str(), diff.changed[0].draft.as_str()), ("489.91亿元", "489.910亿元"));
        assert_eq!(diff.changed[0].note.as_deref(), Some("数值相同，印出的小数位数不同"));
        assert_eq!(diff.changed[1].note.as_deref(), Some("换算后相同（7.25亿元），单位不同"));
    }

    #[test]
    fn added_and_removed_indicators_are_listed_with_their_figures() {
        let published = bulletin();
        let mut draft = published.clone();
        let removed = draft.facts.iter().position(|f| f.id == "gdp-per-capita").unwrap();
        draft.facts.remove(removed);
        let mut added = published.fact("gdp").unwrap().clone();
        (added.id, added.name) = ("gdp-nominal".into(), "名义地区生产总值".into());
        added.growth.as_mut().unwrap().prices = Some(crate::Prices::Current);
        draft.facts.insert(1, added);
        let diff = compare(&draft, &published);
        assert_eq!(diff.added.len(), 1);
        assert_eq!(diff.added[0].name, "名义地区生产总值");
        assert_eq!(diff.added[0].figures, "489.91亿元，比上年增长8.3%（现价）");
        assert_eq!(diff.removed.len(), 1);
        assert_eq!((diff.removed[0].id.as_str(), diff.removed[0].figures.as_str()), ("gdp-per-capita", "107934元，比上年增长7.7%（可比价）"));
        assert_eq!(diff.removed[0].period, "2022年");
        assert!(diff.changed.is_empty());
    }

    #[test]
    fn facts_meet_by_name_whatever_their_ids_and_by_id_when_renamed() {
        let published = bulletin();
        let mut draft = published.clone();
        let new_id = |id: &str| format!("f{}", published.facts.iter().position(|f| f.id == id).unwrap());
        for fact in &mut draft.facts {
            fact.id = new_id(&fact.id);
            if let Some(share) = &mut fact.share {
                share.of = new_id(&share.of);
            }
        }
        draft.breakdowns.clear();
        draft.ratios.clear();
        let diff = compare(&draft, &published);
        // Two facts named 地方一般公共预算收入 are told apart by their qualifier: each meets its own.
        assert!(diff.changed.is_empty() && diff.added.is_empty() && diff.removed.is_empty(), "{diff:?}");
        assert_eq!(diff.unchanged, published.facts.len());
        assert_eq!(diff.ratios.len(), 2, "the ratios were cleared: both removed");

        let mut renamed = published.clone();
        fact_mut(&mut renamed, "gdp").name = "地区生产总值（GDP）".into();
        let diff = compare(&renamed, &published);
        assert_eq!(diff.changed.len(), 1);
        assert_eq!((diff.changed[0].field.as_str(), diff.changed[0].published.as_str()), ("name", "地区生产总值"));
    }

    #[test]
    fn ratio_terms_and_table_cells_that_changed() {
        let published = bulletin();
        let mut draft = published.clone();
        draft.ratios[0].terms[1] = "69.5".parse().unwrap();
        let table = &mut draft.tables[0];
        let row = table.rows[1].id.clone();
        let column = table.columns.iter().find(|c| table.rows[1].cells.contains_key(&c.id) && c.kind != crate::ColumnKind::Text).unwrap().clone();
        let before = table.rows[1].cells[&column.id].clone();
        table.rows[1].cells.insert(column.id.clone(), "12345".into());
        let label = table.row(&row).unwrap().label.clone();
        let diff = compare(&draft, &published);
        assert_eq!(diff.ratios.len(), 1);
        let ratio = &diff.ratios[0];
        assert_eq!((ratio.published.as_str(), ratio.draft.as_str()), ("1.5 : 69.6 : 28.9", "1.5 : 69.5 : 28.9"));
        assert_eq!(ratio.terms, [TermChange { label: "第二产业".into(), published: "第二产业69.6".into(), draft: "第二产业69.5".into() }]);
        assert_eq!(diff.cells.len(), 1);
        let cell = &diff.cells[0];
        assert_eq!((cell.table.as_str(), cell.row.as_str(), cell.column.as_str()), (draft.tables[0].title.as_str(), label.as_str(), column.label.as_str()));
        assert_eq!((cell.published.as_str(), cell.draft.as_str()), (before.as_str(), "12345"));
        assert_eq!(diff.unchanged, published.facts.len());

        // The same header printed in other widths and spacing is the same column.
        let mut relabelled = published.clone();
        for column in &mut relabelled.tables[0].columns {
            column.label = column.label.replace('(', " （").replace(')', "）").replace('%', "％");
        }
        assert!(relabelled.tables[0].columns.iter().any(|c| c.label.contains("（％）")));
        assert!(compare(&relabelled, &published).cells.is_empty());
    }

    #[test]
    fn a_release_through_the_csv_template_meets_every_published_fact() {
        for release in bundled::all().unwrap() {
            let csv = crate::import::template::to_csv(&release);
            let (draft, _) = crate::import::template::import(&csv, "draft.csv").unwrap();
            let diff = compare(&draft, &release);
            assert!(diff.added.is_empty() && diff.removed.is_empty(), "{}: {diff:?}", release.id);
            // The template's 增速(%) column has no room for a growth printed without % (增长0.7):
            // it comes back as 增长0.7%, and the diff says so.
            let bare: Vec<&str> = release.facts.iter().filter(|f| f.growth.as_ref().is_some_and(|g| g.form == crate::GrowthForm::Bare)).map(|f| f.id.as_str()).collect();
            let changed: Vec<(&str, &str)> = diff.changed.iter().map(|c| (c.published_id.as_str(), c.field.as_str())).collect();
            assert_eq!(changed, bare.iter().map(|id| (*id, "growth")).collect::<Vec<_>>(), "{}", release.id);
            assert_eq!(diff.unchanged, release.facts.len() - bare.len());
            assert!(diff.ratios.is_empty(), "{:?}", diff.ratios);
            // The template holds no tables: each is named as not in the draft, once.
            assert!(diff.cells.is_empty(), "{:?}", diff.cells);
            assert_eq!(diff.tables_removed, release.tables.iter().map(|t| t.title.clone()).collect::<Vec<_>>());
            assert!(diff.tables_added.is_empty());
        }
    }

    #[test]
    fn the_closest_release_shares_the_most_indicators() {
        let all = bundled::all().unwrap();
        for release in &all {
            assert_eq!(closest(release, &all).map(|r| r.id.as_str()), Some(release.id.as_str()));
        }
        let csv = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/template.csv")).unwrap();
        let (draft, _) = crate::import::template::import(&csv, "template.csv").unwrap();
        assert_eq!(closest(&draft, &all).map(|r| r.id.as_str()), Some("2022-bulletin"));
        let diff = compare(&draft, closest(&draft, &all).unwrap());
        assert_eq!(diff.unchanged, 5);
        assert_eq!(diff.removed.len(), all[0].facts.len() - 5);
        assert!(diff.changed.is_empty() && diff.added.is_empty(), "{diff:?}");

        let mut stranger = draft.clone();
        for fact in &mut stranger.facts {
            fact.name.push('※');
        }
        assert!(closest(&stranger, &all).is_none());
        assert!(closest(&draft, &[]).is_none());
    }
}
