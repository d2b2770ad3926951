//! How accurately the bulletin-text import reads the sample texts, measured against answer keys
//! made by hand (`tests/import-keys/*.json`, one per text in `data/samples/`).
//!
//! Every printed figure is an *atom*: an indicator, a kind (value, growth, increase, gap, rank,
//! share, contribution, ratio, table cell), the number as printed and the kind's qualifier (unit,
//! form, comparator, scope or column). The import's release is turned into atoms the same way;
//! atoms are matched one to one (a maximum matching, so a figure printed twice must be found
//! twice), and
//!
//! - recall = matched / atoms in the key,
//! - precision = matched / atoms the import produced.
//!
//! Breakdowns (其中 lists, 三次产业, 按性别分 …) are scored apart: a key breakdown is found when
//! the import has one with the same total, the same parts and the same kind.
//!
//! The report goes to stdout and to `test-output/import-accuracy.md`. The targets are the issue's:
//! recall ≥ 95 % and precision ≥ 98 % over the three 西夏区 texts, and no text below 90 % / 95 %;
//! the held-out texts (invented bulletins of other places, keys marked `held_out`) must reach
//! 85 % / 95 %.

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};
use std::fs;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::Deserialize;
use xixia_stats::import::{self, Format};
use xixia_stats::{BreakdownKind, ColumnKind, GrowthForm, Release};

// ---------------------------------------------------------------------------------------------
// Answer keys
// ---------------------------------------------------------------------------------------------

/// An answer key, as written in `tests/import-keys/<sample>.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Key {
    /// The sample text, relative to the crate root.
    sample: String,
    /// A held-out text (an invented bulletin of another place), keyed before any import output was
    /// seen.
    #[serde(default)]
    held_out: bool,
    /// The keyer's judgment calls, for readers of the key.
    #[serde(default)]
    #[allow(dead_code)]
    notes: Vec<String>,
    atoms: Vec<KeyAtom>,
    #[serde(default)]
    breakdowns: Vec<KeyBreakdown>,
}

/// One printed figure of a key.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyAtom {
    indicator: String,
    /// Other names a careful reader could give the indicator from the same words (used sparingly,
    /// each explained in the key's notes).
    #[serde(default)]
    aliases: Vec<String>,
    kind: Kind,
    number: String,
    unit: Option<String>,
    form: Option<String>,
    comparator: Option<String>,
    scope: Option<String>,
    column: Option<String>,
    /// The figure as printed when it is not the number's own digits (1·8 for 1.8).
    printed: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyBreakdown {
    total: String,
    parts: Vec<String>,
    kind: Split,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Split {
    Exhaustive,
    Partial,
}

impl From<BreakdownKind> for Split {
    fn from(kind: BreakdownKind) -> Split {
        match kind {
            BreakdownKind::Exhaustive => Split::Exhaustive,
            BreakdownKind::Partial => Split::Partial,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Value,
    Growth,
    Increase,
    Gap,
    Rank,
    Share,
    Contribution,
    Ratio,
    Cell,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Value => "value",
            Kind::Growth => "growth",
            Kind::Increase => "increase",
            Kind::Gap => "gap",
            Kind::Rank => "rank",
            Kind::Share => "share",
            Kind::Contribution => "contribution",
            Kind::Ratio => "ratio",
            Kind::Cell => "cell",
        }
    }

    /// The key field that qualifies an atom of this kind, if any.
    fn qualifier_field(self) -> Option<&'static str> {
        match self {
            Kind::Value | Kind::Increase => Some("unit"),
            Kind::Growth => Some("form"),
            Kind::Gap => Some("comparator"),
            Kind::Rank => Some("scope"),
            Kind::Cell => Some("column"),
            Kind::Share | Kind::Contribution | Kind::Ratio => None,
        }
    }
}

impl KeyAtom {
    /// The qualifier fields the atom has, by name.
    fn qualifiers(&self) -> Vec<(&'static str, &str)> {
        [("unit", &self.unit), ("form", &self.form), ("comparator", &self.comparator), ("scope", &self.scope), ("column", &self.column)]
            .into_iter()
            .filter_map(|(field, value)| value.as_deref().map(|v| (field, v)))
            .collect()
    }

    /// The atom in comparable form, or what is wrong with it.
    fn atom(&self) -> Result<Atom, String> {
        let number = canonical_number(self.kind, &self.number)?;
        let qualifiers = self.qualifiers();
        let qualifier = match (self.kind.qualifier_field(), qualifiers.as_slice()) {
            (None, []) => String::new(),
            (Some(field), [(given, value)]) if *given == field => normalise_qualifier(value),
            (Some(field), _) => return Err(format!("a {} atom needs `{field}` and no other qualifier", self.kind.name())),
            (None, _) => return Err(format!("a {} atom takes no qualifier", self.kind.name())),
        };
        if self.kind == Kind::Growth && !["percent", "times", "bare"].contains(&qualifier.as_str()) {
            return Err(format!("growth form {qualifier:?} is not percent, times or bare"));
        }
        let mut names = vec![normalise_name(&self.indicator)];
        names.extend(self.aliases.iter().map(|alias| normalise_name(alias)));
        Ok(Atom { label: self.indicator.clone(), names, kind: self.kind, number, qualifier })
    }
}

fn read_key(path: &Path) -> Key {
    let text = fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every key in `tests/import-keys`, by sample name, sorted.
fn keys() -> Vec<(String, Key)> {
    let dir = crate_root().join("tests/import-keys");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| (path.file_stem().expect("a file name").to_string_lossy().into_owned(), read_key(path)))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Atoms and their normalisation
// ---------------------------------------------------------------------------------------------

/// A figure in comparable form: normalised names (the first is the indicator, the others its
/// aliases), kind, canonical number and normalised qualifier.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Atom {
    /// The indicator as written, for the report.
    label: String,
    names: Vec<String>,
    kind: Kind,
    number: String,
    qualifier: String,
}

impl Atom {
    fn new(name: &str, kind: Kind, number: &str, qualifier: &str) -> Atom {
        let number = canonical_number(kind, number).unwrap_or_else(|_| format!("{number}?"));
        Atom { label: name.to_owned(), names: vec![normalise_name(name)], kind, number, qualifier: normalise_qualifier(qualifier) }
    }

    /// Whether an extracted atom (`self`, one name) is the key atom `key`.
    ///
    /// A table cell and a fact's figure are the same figure when they name the same indicator with
    /// the same number: a table's row becomes a fact (the level, growth, share of its columns), and
    /// a key may list the row's figures either way.
    fn matches(&self, key: &Atom) -> bool {
        let figure = |kind: Kind| matches!(kind, Kind::Value | Kind::Growth | Kind::Increase | Kind::Share | Kind::Contribution);
        let same_kind = self.kind == key.kind && self.qualifier == key.qualifier;
        let cell_and_figure = (self.kind == Kind::Cell && figure(key.kind)) || (key.kind == Kind::Cell && figure(self.kind));
        // The change of a growth in 个百分点 (增速比上年提高0.3个百分点) is that of "X增速" or of X:
        // keyers name it either way (the older keys the first, the issue-16 held-out keys the
        // second), and the figure is the same.
        let speed = |name: &str| if self.kind == Kind::Increase && self.qualifier == "个百分点" { name.strip_suffix("增速").unwrap_or(name).to_owned() } else { name.to_owned() };
        let same_name = self.names.iter().any(|name| key.names.iter().any(|k| *k == *name || speed(k) == speed(name)));
        (same_kind || cell_and_figure) && self.number == key.number && same_name
    }
}

impl fmt::Display for Atom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} · {} {}", self.label, self.kind.name(), self.number)?;
        if !self.qualifier.is_empty() {
            write!(f, " [{}]", self.qualifier)?;
        }
        Ok(())
    }
}

/// Full-width ASCII forms (（）％：，０-９Ａ-ｚ) → their half-width letters; whitespace removed.
fn half_width_without_spaces(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match u32::from(c) {
            code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Units, forms, comparators, scopes and column labels: whitespace removed, full-width forms
/// made half-width ("比上年增长 (%)" = "比上年增长（%）").
fn normalise_qualifier(text: &str) -> String {
    half_width_without_spaces(text)
}

/// Words that frame a figure rather than name it, removed from the front of a name.
const FRAMING: [&str; 10] = ["全年", "年末", "全区", "全县", "全市", "西夏区", "实现", "完成", "累计", "当月"];

/// An indicator name in comparable form: whitespace removed, full-width forms made half-width, a
/// trailing bracketed qualifier dropped (中央级（全口径税收收入） → 中央级, 地区生产总值(GDP) →
/// 地区生产总值), and framing removed from the front: the words of [`FRAMING`], a year (2022年)
/// and a month or span of months (2月, 2月份, 1-11月). Nothing is removed that would leave less
/// than two characters (西夏区级 stays 西夏区级).
fn normalise_name(name: &str) -> String {
    let mut name = half_width_without_spaces(name);
    while let Some(cut) = trailing_bracket(&name) {
        name.truncate(cut);
    }
    loop {
        let rest = FRAMING.iter().find_map(|word| name.strip_prefix(word)).or_else(|| leading_period(&name));
        match rest {
            Some(rest) if rest.chars().count() >= 2 => name = rest.to_owned(),
            _ => break,
        }
    }
    name
}

/// Where a trailing "(…)" starts, when something is left before it.
fn trailing_bracket(name: &str) -> Option<usize> {
    if !name.ends_with(')') {
        return None;
    }
    let mut depth = 0usize;
    for (at, c) in name.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return (at > 0).then_some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// The rest of a name after a leading "2022年", "2月", "2月份" or "1-11月".
fn leading_period(name: &str) -> Option<&str> {
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let first = digits(name);
    if first == 0 {
        return None;
    }
    let rest = &name[first..];
    if let Some(after_year) = rest.strip_prefix('年') {
        return Some(after_year);
    }
    let rest = match rest.strip_prefix('-') {
        Some(span) if digits(span) > 0 => &span[digits(span)..],
        _ => rest,
    };
    let after_month = rest.strip_prefix('月')?;
    Some(after_month.strip_prefix('份').unwrap_or(after_month))
}

/// A number as a canonical exact decimal: commas and a leading + removed, the printed scale kept
/// ("13.0" stays "13.0" and differs from "13"). A ratio's terms are each made canonical and joined
/// by ":".
fn canonical_number(kind: Kind, text: &str) -> Result<String, String> {
    let decimal = |term: &str| -> Result<String, String> {
        let clean: String = half_width_without_spaces(term).chars().filter(|c| *c != ',').collect();
        let clean = clean.strip_prefix('+').unwrap_or(&clean);
        if clean.is_empty() || clean.contains(['e', 'E']) {
            return Err(format!("{term:?} is not a decimal"));
        }
        Decimal::from_str_exact(clean).map(|d| d.to_string()).map_err(|err| format!("{term:?} is not a decimal: {err}"))
    };
    if kind == Kind::Ratio {
        let terms: Result<Vec<String>, String> = half_width_without_spaces(text).split(':').map(decimal).collect();
        let terms = terms?;
        if terms.len() < 2 {
            return Err(format!("ratio {text:?} has fewer than two terms"));
        }
        Ok(terms.join(":"))
    } else if kind == Kind::Rank {
        let rank: u32 = text.trim().parse().map_err(|_| format!("rank {text:?} is not a whole number"))?;
        Ok(rank.to_string())
    } else {
        decimal(text)
    }
}

// ---------------------------------------------------------------------------------------------
// A release as atoms
// ---------------------------------------------------------------------------------------------

fn form_name(form: GrowthForm) -> &'static str {
    match form {
        GrowthForm::Percent => "percent",
        GrowthForm::Times => "times",
        GrowthForm::Bare => "bare",
    }
}

/// Every figure a release states: each fact's value, growth, increase, gaps, ranks, share and
/// contribution; each structure ratio; each numeric table cell (row label × column label).
fn atoms_of(release: &Release) -> Vec<Atom> {
    let mut atoms = Vec::new();
    for fact in &release.facts {
        let name = fact.name.as_str();
        if let Some(value) = &fact.value {
            atoms.push(Atom::new(name, Kind::Value, &value.amount.to_string(), value.unit.symbol()));
        }
        if let Some(growth) = &fact.growth {
            atoms.push(Atom::new(name, Kind::Growth, &growth.rate.to_string(), form_name(growth.form)));
        }
        if let Some(increase) = &fact.increase {
            atoms.push(Atom::new(name, Kind::Increase, &increase.amount.to_string(), increase.unit.symbol()));
        }
        for gap in &fact.gaps {
            atoms.push(Atom::new(name, Kind::Gap, &gap.points.to_string(), &gap.comparator));
        }
        for rank in &fact.ranks {
            atoms.push(Atom::new(name, Kind::Rank, &rank.rank.to_string(), &rank.scope));
        }
        if let Some(share) = &fact.share {
            atoms.push(Atom::new(name, Kind::Share, &share.percent.to_string(), ""));
        }
        if let Some(contribution) = &fact.contribution {
            atoms.push(Atom::new(name, Kind::Contribution, &contribution.points.to_string(), ""));
        }
    }
    for ratio in &release.ratios {
        let terms: Vec<String> = ratio.terms.iter().map(Decimal::to_string).collect();
        atoms.push(Atom::new(&ratio.name, Kind::Ratio, &terms.join(":"), ""));
    }
    // A table row read as a fact (its key is the fact's id) states its cells as the fact's
    // figures: a cell is counted once, as the fact's, unless the fact's own sentence prints it too
    // (a figure of the prose printed again in the table is printed twice, and counts twice).
    let figures_of = |id: &str| -> Vec<String> {
        release.fact(id).map_or_else(Vec::new, |fact| {
            let text = fact.sentence.as_deref().and_then(|s| release.sentence(s)).map_or(String::new(), |s| s.text.clone());
            let mut numbers = Vec::new();
            numbers.extend(fact.value.iter().map(|v| v.amount.to_string()));
            numbers.extend(fact.growth.iter().map(|g| g.rate.to_string()));
            numbers.extend(fact.increase.iter().map(|v| v.amount.to_string()));
            numbers.extend(fact.share.iter().map(|s| s.percent.to_string()));
            numbers.extend(fact.contribution.iter().map(|c| c.points.to_string()));
            let from_table = fact.sentence.as_deref().is_some_and(|s| s.contains("-t"));
            numbers
                .iter()
                .filter(|n| from_table || !printed_in(&text, n.trim_start_matches('-')))
                .map(|n| canonical_number(Kind::Value, n).unwrap_or_default())
                .collect()
        })
    };
    for table in &release.tables {
        for column in table.columns.iter().filter(|column| !matches!(column.kind, ColumnKind::Text | ColumnKind::Unit)) {
            for row in &table.rows {
                let Some(cell) = row.cells.get(&column.id) else { continue };
                let printed = cell.trim().trim_end_matches(['%', '％']);
                if printed.is_empty() || printed == "-" || printed == "—" {
                    continue;
                }
                let atom = Atom::new(&row.label, Kind::Cell, printed, &column.label);
                if row.key.as_deref().is_some_and(|id| figures_of(id).contains(&atom.number)) {
                    continue;
                }
                atoms.push(atom);
            }
        }
    }
    atoms
}

/// A release's breakdowns by names: (total, parts, kind). Breakdowns naming a missing fact are
/// kept with the id in place of the name, so that they count but match nothing.
fn breakdowns_of(release: &Release) -> Vec<(String, Vec<String>, Split)> {
    let name = |id: &str| release.fact(id).map_or_else(|| format!("#{id}"), |fact| normalise_name(&fact.name));
    release.breakdowns.iter().map(|b| (name(&b.total), b.parts.iter().map(|part| name(part)).collect(), b.kind.into())).collect()
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/// A maximum one-to-one matching of extracted atoms to key atoms (augmenting paths). Returns,
/// for each key atom, the index of the extracted atom matched to it.
fn match_atoms(key: &[Atom], extracted: &[Atom]) -> Vec<Option<usize>> {
    let edges: Vec<Vec<usize>> =
        extracted.iter().map(|e| key.iter().enumerate().filter(|(_, k)| e.matches(k)).map(|(i, _)| i).collect()).collect();
    let mut owner: Vec<Option<usize>> = vec![None; key.len()];
    fn augment(e: usize, edges: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
        for &k in &edges[e] {
            if seen[k] {
                continue;
            }
            seen[k] = true;
            if owner[k].map_or(true, |other| augment(other, edges, owner, seen)) {
                owner[k] = Some(e);
                return true;
            }
        }
        false
    }
    for e in 0..extracted.len() {
        let mut seen = vec![false; key.len()];
        augment(e, &edges, &mut owner, &mut seen);
    }
    owner
}

/// How one sample scored.
#[derive(Debug, Clone, Default)]
struct Score {
    sample: String,
    held_out: bool,
    key_atoms: usize,
    extracted: usize,
    matched: usize,
    missed: Vec<Atom>,
    spurious: Vec<Atom>,
    key_breakdowns: usize,
    found_breakdowns: usize,
    missed_breakdowns: Vec<String>,
    /// The import's error, when it failed.
    error: Option<String>,
    /// What the import said it could not read ("reason: text").
    unparsed: Vec<String>,
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "—".to_owned()
    } else {
        // Exact, rounded half away from zero to one decimal.
        let mut value = (Decimal::from(part * 100) / Decimal::from(whole)).round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        value.rescale(1);
        format!("{value}%")
    }
}

/// part / whole ≥ target %, exactly; false when there is nothing to divide by.
fn at_least(part: usize, whole: usize, target: usize) -> bool {
    whole > 0 && part * 100 >= target * whole
}

/// Scores an import's release (or its failure) against a key.
fn score(sample: &str, key: &Key, imported: Result<&Release, String>) -> Score {
    let key_atoms: Vec<Atom> = key.atoms.iter().map(|a| a.atom().unwrap_or_else(|err| panic!("{sample}: {}: {err}", a.indicator))).collect();
    let (extracted, breakdowns, error) = match imported {
        Ok(release) => (atoms_of(release), breakdowns_of(release), None),
        Err(error) => (Vec::new(), Vec::new(), Some(error)),
    };
    let owner = match_atoms(&key_atoms, &extracted);
    let used: BTreeSet<usize> = owner.iter().flatten().copied().collect();
    let missed = key_atoms.iter().zip(&owner).filter(|(_, o)| o.is_none()).map(|(a, _)| a.clone()).collect();
    let spurious = extracted.iter().enumerate().filter(|(i, _)| !used.contains(i)).map(|(_, a)| a.clone()).collect();

    // Names in key breakdowns also answer to the aliases their atoms carry.
    let names_of = |name: &str| -> Vec<String> {
        let mut names = vec![normalise_name(name)];
        for atom in key.atoms.iter().filter(|a| a.indicator == name) {
            names.extend(atom.aliases.iter().map(|alias| normalise_name(alias)));
        }
        names
    };
    let mut taken = vec![false; breakdowns.len()];
    let mut found = 0;
    let mut missed_breakdowns = Vec::new();
    for b in &key.breakdowns {
        let total = names_of(&b.total);
        let parts: Vec<Vec<String>> = b.parts.iter().map(|p| names_of(p)).collect();
        let hit = breakdowns.iter().enumerate().position(|(i, (t, ps, kind))| {
            !taken[i] && *kind == b.kind && total.contains(t) && same_parts(&parts, ps)
        });
        match hit {
            Some(i) => {
                taken[i] = true;
                found += 1;
            }
            None => missed_breakdowns.push(format!("{} → {} ({:?})", b.total, b.parts.join("、"), b.kind)),
        }
    }

    Score {
        sample: sample.to_owned(),
        held_out: key.held_out,
        key_atoms: key_atoms.len(),
        extracted: extracted.len(),
        matched: used.len(),
        missed,
        spurious,
        key_breakdowns: key.breakdowns.len(),
        found_breakdowns: found,
        missed_breakdowns,
        error,
        unparsed: Vec::new(),
    }
}

/// Whether the imported parts are the key's parts, in any order, one for one.
fn same_parts(key: &[Vec<String>], imported: &[String]) -> bool {
    if key.len() != imported.len() {
        return false;
    }
    let mut left: Vec<&String> = imported.iter().collect();
    key.iter().all(|names| match left.iter().position(|p| names.contains(p)) {
        Some(i) => {
            left.swap_remove(i);
            true
        }
        None => false,
    })
}

/// The accuracy report, in Markdown.
fn report(scores: &[Score]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Bulletin-text import: accuracy against the hand keys\n");
    let _ = writeln!(out, "Keys: `tests/import-keys/`; texts: `data/samples/`. An atom is one printed figure (indicator, kind, number, unit/form/comparator/scope/column); matching is one to one.\n");
    let _ = writeln!(out, "| sample | key atoms | extracted | matched | recall | precision | breakdowns found |");
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    let row = |out: &mut String, name: &str, key: usize, extracted: usize, matched: usize, bk: usize, bf: usize| {
        let _ = writeln!(
            out,
            "| {name} | {key} | {extracted} | {matched} | {} | {} | {bf}/{bk} ({}) |",
            percent(matched, key),
            percent(matched, extracted),
            percent(bf, bk)
        );
    };
    for held_out in [false, true] {
        let group: Vec<&Score> = scores.iter().filter(|s| s.held_out == held_out).collect();
        for s in &group {
            let name = if held_out { format!("{} (held out)", s.sample) } else { s.sample.clone() };
            row(&mut out, &name, s.key_atoms, s.extracted, s.matched, s.key_breakdowns, s.found_breakdowns);
        }
        if !group.is_empty() {
            let sum = |f: fn(&Score) -> usize| group.iter().map(|s| f(s)).sum::<usize>();
            let name = if held_out { "**all held-out texts**" } else { "**overall (西夏区 texts and own layout texts)**" };
            row(&mut out, name, sum(|s| s.key_atoms), sum(|s| s.extracted), sum(|s| s.matched), sum(|s| s.key_breakdowns), sum(|s| s.found_breakdowns));
        }
    }
    let _ = writeln!(out, "\nTargets: overall recall ≥ 95 %, precision ≥ 98 %; each 西夏区 text ≥ 90 % / 95 %; each held-out text ≥ 85 % / 95 %.");
    for s in scores {
        let _ = writeln!(out, "\n## {}{}\n", s.sample, if s.held_out { " (held out)" } else { "" });
        if let Some(error) = &s.error {
            let _ = writeln!(out, "Import failed: {error}\n");
        }
        let _ = writeln!(out, "### Missed ({})\n", s.missed.len());
        for atom in &s.missed {
            let _ = writeln!(out, "- {atom}");
        }
        let _ = writeln!(out, "\n### Spurious ({})\n", s.spurious.len());
        for atom in &s.spurious {
            let _ = writeln!(out, "- {atom}");
        }
        let _ = writeln!(out, "\n### Breakdowns missed ({})\n", s.missed_breakdowns.len());
        for b in &s.missed_breakdowns {
            let _ = writeln!(out, "- {b}");
        }
        let _ = writeln!(out, "\n### Listed by the import as not understood ({})\n", s.unparsed.len());
        for u in &s.unparsed {
            let _ = writeln!(out, "- {u}");
        }
    }
    out
}

/// Which targets a set of scores misses, in words.
fn shortfalls(scores: &[Score]) -> Vec<String> {
    let mut failures = Vec::new();
    let mut check = |what: &str, matched: usize, key: usize, extracted: usize, recall: usize, precision: usize| {
        if !at_least(matched, key, recall) {
            failures.push(format!("{what}: recall {} < {recall}%", percent(matched, key)));
        }
        if !at_least(matched, extracted, precision) {
            failures.push(format!("{what}: precision {} < {precision}%", percent(matched, extracted)));
        }
    };
    for s in scores {
        let (recall, precision) = if s.held_out { (85, 95) } else { (90, 95) };
        check(&s.sample, s.matched, s.key_atoms, s.extracted, recall, precision);
    }
    let own: Vec<&Score> = scores.iter().filter(|s| !s.held_out).collect();
    let sum = |f: fn(&Score) -> usize| own.iter().map(|s| f(s)).sum::<usize>();
    check("overall", sum(|s| s.matched), sum(|s| s.key_atoms), sum(|s| s.extracted), 95, 98);
    failures
}

// ---------------------------------------------------------------------------------------------
// The accuracy test
// ---------------------------------------------------------------------------------------------

/// The samples the issue names; each must have a key.
const XIXIA_SAMPLES: [&str; 3] = ["2022-bulletin", "2023-1-11-indicators", "fiscal-report-7"];

#[test]
fn text_import_meets_the_accuracy_targets() {
    let keys = keys();
    for sample in XIXIA_SAMPLES {
        assert!(keys.iter().any(|(name, key)| name == sample && !key.held_out), "no key for {sample}");
    }
    let scores: Vec<Score> = keys
        .iter()
        .map(|(name, key)| {
            let path = crate_root().join(&key.sample);
            let text = fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            let imported = import::import(&text, Some(Format::Text), &key.sample).map_err(|err| err.to_string());
            let mut s = score(name, key, imported.as_ref().map(|i| &i.release).map_err(Clone::clone));
            if let Ok(imported) = &imported {
                s.unparsed = imported.report.unparsed.iter().map(|u| format!("{}: {}", u.reason, u.text)).collect();
            }
            s
        })
        .collect();

    let report = report(&scores);
    println!("{report}");
    let out = crate_root().join("test-output");
    fs::create_dir_all(&out).expect("test-output/ can be made");
    fs::write(out.join("import-accuracy.md"), &report).expect("the report can be written");

    let failures = shortfalls(&scores);
    assert!(failures.is_empty(), "the text import misses its accuracy targets (see test-output/import-accuracy.md):\n{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// The keys themselves
// ---------------------------------------------------------------------------------------------

/// Every key reads, every atom is well formed, its figure is printed in its text, and every name
/// in a breakdown is an indicator of the key.
#[test]
fn keys_are_well_formed_and_their_figures_are_in_the_texts() {
    let keys = keys();
    assert!(keys.iter().filter(|(_, k)| k.held_out).count() >= 1, "at least one held-out text");
    for (name, key) in &keys {
        let path = crate_root().join(&key.sample);
        let text = fs::read_to_string(&path).unwrap_or_else(|err| panic!("{name}: {}: {err}", path.display()));
        let squeezed = half_width_without_spaces(&text);
        // Figures are looked for with the spaces kept: a table row's cells are apart only by tabs.
        let spaced: String = text.lines().map(|line| line.split_whitespace().map(half_width_without_spaces).collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n");
        assert!(!key.atoms.is_empty(), "{name}: no atoms");
        for atom in &key.atoms {
            let parsed = atom.atom().unwrap_or_else(|err| panic!("{name}: {}: {err}", atom.indicator));
            let terms: Vec<String> = match &atom.printed {
                Some(printed) => vec![printed.clone()],
                None if atom.kind == Kind::Ratio => parsed.number.split(':').map(str::to_owned).collect(),
                None => vec![parsed.number.trim_start_matches('-').to_owned()],
            };
            for term in terms {
                let grouped = with_thousands_separators(&term);
                assert!(
                    printed_in(&spaced, &term) || printed_in(&spaced, &grouped),
                    "{name}: {} {} {}: {term} is not printed in {}",
                    atom.indicator,
                    atom.kind.name(),
                    atom.number,
                    key.sample
                );
            }
        }
        // A name is printed as it stands, or else one of its aliases is (规模以上工业企业实现销售产值
        // is keyed 规模以上工业企业销售产值, alias 销售产值).
        for atom in &key.atoms {
            let printed = |name: &String| squeezed.contains(&half_width_without_spaces(name));
            assert!(
                printed(&atom.indicator) || atom.aliases.iter().any(printed),
                "{name}: neither {} nor an alias of it is printed in {}",
                atom.indicator,
                key.sample
            );
        }
        let indicators: BTreeSet<&str> = key.atoms.iter().map(|a| a.indicator.as_str()).collect();
        for b in &key.breakdowns {
            for part in std::iter::once(&b.total).chain(&b.parts) {
                assert!(indicators.contains(part.as_str()), "{name}: breakdown name {part} is no indicator of the key");
            }
        }
    }
}

/// Whether `figure` stands in `text` as a whole number, not as a piece of a longer one ("4" is
/// not printed in "44.07", "463" not in "1,463"; "9,076" is printed in "9,076万元，").
fn printed_in(text: &str, figure: &str) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let joiner = |c: Option<char>| c.is_some_and(|c| matches!(c, '.' | ',' | '·'));
    text.match_indices(figure).any(|(at, _)| {
        let mut before = text[..at].chars().rev();
        let (b1, b2) = (before.next(), before.next());
        let mut after = text[at + figure.len()..].chars();
        let (a1, a2) = (after.next(), after.next());
        let glued_before = digit(b1) || (joiner(b1) && digit(b2));
        let glued_after = digit(a1) || (joiner(a1) && digit(a2));
        !(glued_before || glued_after)
    })
}

/// "9076" → "9,076"; decimals untouched.
fn with_thousands_separators(number: &str) -> String {
    let (integer, fraction) = number.split_once('.').map_or((number, None), |(i, f)| (i, Some(f)));
    let digits: Vec<char> = integer.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(*c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// The hand-keyed 2022 release and the hand-made 2022 key were typed apart from the same text:
/// scored as if it were an import, the release must match the key figure for figure. This checks
/// the key for typos and the scorer for reading a release right.
#[test]
fn the_bundled_2022_release_scores_full_marks_against_its_key() {
    let (_, key) = keys().into_iter().find(|(name, _)| name == "2022-bulletin").expect("the 2022 key");
    let release = xixia_stats::bundled::release("2022-bulletin").expect("the bundled 2022 release");
    let s = score("2022-bulletin", &key, Ok(&release));
    let missed: Vec<String> = s.missed.iter().map(ToString::to_string).collect();
    let spurious: Vec<String> = s.spurious.iter().map(ToString::to_string).collect();
    assert_eq!((missed, spurious), (vec![], vec![]));
    assert_eq!((s.matched, s.key_atoms, s.extracted), (178, 178, 178));
    assert_eq!((s.found_breakdowns, s.key_breakdowns), (19, 19), "{:?}", s.missed_breakdowns);
}

/// The other two bundled releases differ from their keys only where the keys' notes say why: the
/// 1-11月 key counts the twice-printed 4.75亿元 / 20.5% twice and reads 正增长面61.9% as a value;
/// the fiscal key (第七期 only) counts the values the bracketed sentence prints again.
#[test]
fn the_other_bundled_releases_differ_from_their_keys_only_by_the_noted_judgment_calls() {
    let keys = keys();
    let key = |name: &str| keys.iter().find(|(n, _)| n == name).map(|(_, k)| k).expect("a key");
    let listed = |atoms: &[Atom]| atoms.iter().map(ToString::to_string).collect::<Vec<_>>();

    let release = xixia_stats::bundled::release("2023-1-11-indicators").expect("the bundled 1-11月 release");
    let s = score("2023-1-11-indicators", key("2023-1-11-indicators"), Ok(&release));
    assert_eq!(
        listed(&s.missed),
        ["正增长面 · value 61.9 [%]", "一般公共预算收入 · value 4.75 [亿元]", "一般公共预算收入 · growth 20.5 [percent]"]
    );
    assert_eq!(listed(&s.spurious), ["增加值呈现增长态势的行业 · share 61.9"]);
    assert_eq!((s.found_breakdowns, s.key_breakdowns), (4, 4), "{:?}", s.missed_breakdowns);

    let mut release = xixia_stats::bundled::release("2023-fiscal-reports-5-8").expect("the bundled fiscal release");
    release.facts.retain(|fact| fact.sentence.as_deref().is_some_and(|id| id.starts_with("r7-")));
    let kept: BTreeSet<String> = release.facts.iter().map(|fact| fact.id.clone()).collect();
    release.breakdowns.retain(|b| kept.contains(&b.total));
    release.ratios.clear();
    release.series.clear();
    release.tables.clear();
    let s = score("fiscal-report-7", key("fiscal-report-7"), Ok(&release));
    assert_eq!(listed(&s.missed), ["一般公共预算收入 · value 9076 [万元]", "税收收入 · value 7892 [万元]", "非税收入 · value 1184 [万元]"]);
    assert_eq!(listed(&s.spurious), Vec::<String>::new());
    assert_eq!((s.found_breakdowns, s.key_breakdowns), (5, 5), "{:?}", s.missed_breakdowns);
}

// ---------------------------------------------------------------------------------------------
// The scorer's own tests
// ---------------------------------------------------------------------------------------------

#[test]
fn names_are_normalised_as_the_spec_says() {
    let cases = [
        ("中央级（全口径税收收入）", "中央级"),
        ("地区生产总值(GDP)", "地区生产总值"),
        ("合成氨（无水氨）", "合成氨"),
        ("全年 地区 生产总值", "地区生产总值"),
        ("2022年西夏区实现地区生产总值", "地区生产总值"),
        ("年末规模以上工业企业资产负债率", "规模以上工业企业资产负债率"),
        ("2月累计一般公共预算收入", "一般公共预算收入"),
        ("2月份累计一般公共预算支出", "一般公共预算支出"),
        ("1-11月累计产销率", "产销率"),
        ("全县生产总值", "生产总值"),
        // Framing is not stripped when it would leave less than two characters, nor in the middle.
        ("西夏区级", "西夏区级"),
        ("其他完成投资", "其他完成投资"),
        ("完成", "完成"),
        // No bracket to drop when it is the whole name.
        ("（其他）", "(其他)"),
    ];
    for (raw, expected) in cases {
        assert_eq!(normalise_name(raw), expected, "{raw}");
    }
    assert_eq!(normalise_qualifier("比上年增长 （％）"), "比上年增长(%)");
    assert_eq!(normalise_qualifier(" 亿元 "), "亿元");
}

#[test]
fn numbers_keep_their_printed_precision() {
    let n = |kind, text| canonical_number(kind, text).expect(text);
    assert_eq!(n(Kind::Value, "9,076"), "9076");
    assert_eq!(n(Kind::Growth, "+5.2"), "5.2");
    assert_eq!(n(Kind::Growth, "-54.8"), "-54.8");
    assert_ne!(n(Kind::Growth, "13.0"), n(Kind::Growth, "13"));
    assert_ne!(n(Kind::Value, "4.30"), n(Kind::Value, "4.3"));
    assert_eq!(n(Kind::Ratio, "1.5 : 69.6 : 28.9"), "1.5:69.6:28.9");
    assert_eq!(n(Kind::Ratio, "0.3：71：28.7"), "0.3:71:28.7");
    assert_eq!(n(Kind::Rank, "4"), "4");
    assert!(canonical_number(Kind::Value, "1e5").is_err());
    assert!(canonical_number(Kind::Value, "").is_err());
    assert!(canonical_number(Kind::Ratio, "100").is_err());
    assert!(canonical_number(Kind::Rank, "4.0").is_err());
}

fn one_fact_release(facts: &str) -> Release {
    let json = format!(
        r#"{{"id": "t", "title": "t", "publishers": [], "period": {{"kind": "year", "year": 2022}}, "status": "preliminary",
            "source": {{"document": "t"}}, "facts": [{facts}]}}"#
    );
    xixia_stats::load::from_json(&json, "test").expect("a test release")
}

fn key_of(atoms: &str) -> Key {
    serde_json::from_str(&format!(r#"{{"sample": "x", "atoms": [{atoms}]}}"#)).expect("a test key")
}

#[test]
fn a_figure_matches_only_with_its_kind_number_and_qualifier() {
    let key = key_of(
        r#"{"indicator": "农业产值", "kind": "value", "number": "6.79", "unit": "亿元"},
           {"indicator": "农业产值", "kind": "growth", "number": "0.7", "form": "bare"}"#,
    );
    let right = one_fact_release(
        r#"{"id": "a", "name": "农业产值", "value": {"amount": "6.79", "unit": "亿元"}, "growth": {"rate": "0.7", "form": "bare", "basis": "previous_year"}}"#,
    );
    let s = score("t", &key, Ok(&right));
    assert_eq!((s.matched, s.key_atoms, s.extracted), (2, 2, 2));

    // Wrong form, wrong unit, wrong precision, wrong name: nothing matches.
    for fact in [
        r#"{"id": "a", "name": "农业产值", "growth": {"rate": "0.7", "form": "percent", "basis": "previous_year"}}"#,
        r#"{"id": "a", "name": "农业产值", "value": {"amount": "6.79", "unit": "万元"}}"#,
        r#"{"id": "a", "name": "农业产值", "value": {"amount": "6.790", "unit": "亿元"}}"#,
        r#"{"id": "a", "name": "林业产值", "value": {"amount": "6.79", "unit": "亿元"}}"#,
    ] {
        let s = score("t", &key, Ok(&one_fact_release(fact)));
        assert_eq!((s.matched, s.extracted, s.spurious.len()), (0, 1, 1), "{fact}");
    }
}

#[test]
fn matching_is_one_to_one() {
    let key = key_of(r#"{"indicator": "一般公共预算收入", "kind": "value", "number": "9076", "unit": "万元"}"#);
    let twice = one_fact_release(
        r#"{"id": "a", "name": "一般公共预算收入", "value": {"amount": "9,076", "unit": "万元"}},
           {"id": "b", "name": "2月累计一般公共预算收入", "value": {"amount": "9076", "unit": "万元"}}"#,
    );
    let s = score("t", &key, Ok(&twice));
    assert_eq!((s.matched, s.extracted, s.spurious.len()), (1, 2, 1));
    assert!(!at_least(s.matched, s.extracted, 98), "a figure read twice is not precise");

    // A figure printed twice must be read twice.
    let key_twice = key_of(
        r#"{"indicator": "一般公共预算收入", "kind": "value", "number": "9076", "unit": "万元"},
           {"indicator": "一般公共预算收入", "kind": "value", "number": "9076", "unit": "万元"}"#,
    );
    let once = one_fact_release(r#"{"id": "a", "name": "一般公共预算收入", "value": {"amount": "9076", "unit": "万元"}}"#);
    let s = score("t", &key_twice, Ok(&once));
    assert_eq!((s.matched, s.key_atoms, s.missed.len()), (1, 2, 1));
    assert_eq!(percent(s.matched, s.key_atoms), "50.0%");
}

#[test]
fn the_matching_is_maximal_not_greedy() {
    // A greedy matcher gives the first extracted atom (x) to the first key atom that takes it (y,
    // alias x) and then has nothing for the second (y).
    let key = vec![
        Atom { label: "y".into(), names: vec!["y".into(), "x".into()], kind: Kind::Share, number: "1".into(), qualifier: String::new() },
        Atom { label: "x".into(), names: vec!["x".into()], kind: Kind::Share, number: "1".into(), qualifier: String::new() },
    ];
    let extracted = vec![Atom::new("x", Kind::Share, "1", ""), Atom::new("y", Kind::Share, "1", "")];
    let owner = match_atoms(&key, &extracted);
    assert_eq!(owner, vec![Some(1), Some(0)]);
}

#[test]
fn a_wrong_figure_lowers_precision_and_recall() {
    let (_, key) = keys().into_iter().find(|(name, _)| name == "2022-bulletin").expect("the 2022 key");
    let mut release = xixia_stats::bundled::release("2022-bulletin").expect("the bundled 2022 release");
    let gdp = release.facts.iter_mut().find(|f| f.id == "gdp").expect("gdp");
    gdp.value.as_mut().expect("gdp value").amount = Decimal::new(48990, 2);
    let s = score("2022-bulletin", &key, Ok(&release));
    assert_eq!((s.matched, s.key_atoms, s.extracted), (177, 178, 178));
    assert_eq!(s.missed.iter().map(ToString::to_string).collect::<Vec<_>>(), ["地区生产总值 · value 489.91 [亿元]"]);
    assert_eq!(s.spurious.iter().map(ToString::to_string).collect::<Vec<_>>(), ["地区生产总值 · value 489.90 [亿元]"]);
    assert!(!at_least(s.matched, s.extracted, 100));

    // An invented figure costs precision only.
    let mut release = xixia_stats::bundled::release("2022-bulletin").expect("the bundled 2022 release");
    let mut invented = release.facts[0].clone();
    invented.id = "invented".into();
    invented.name = "第四产业增加值".into();
    invented.growth = None;
    release.facts.push(invented);
    let s = score("2022-bulletin", &key, Ok(&release));
    assert_eq!((s.matched, s.key_atoms, s.extracted), (178, 178, 179));
}

#[test]
fn breakdowns_match_by_total_parts_and_kind() {
    let key: Key = serde_json::from_str(
        r#"{"sample": "x", "atoms": [
              {"indicator": "常住人口", "kind": "value", "number": "45.48", "unit": "万人"},
              {"indicator": "男性人口", "kind": "value", "number": "22.31", "unit": "万人"},
              {"indicator": "女性人口", "kind": "value", "number": "23.17", "unit": "万人"}],
            "breakdowns": [{"total": "常住人口", "parts": ["男性人口", "女性人口"], "kind": "exhaustive"}]}"#,
    )
    .expect("a test key");
    let facts = r#"{"id": "p", "name": "常住人口", "value": {"amount": "45.48", "unit": "万人"}},
                   {"id": "m", "name": "男性人口", "value": {"amount": "22.31", "unit": "万人"}},
                   {"id": "f", "name": "女性人口", "value": {"amount": "23.17", "unit": "万人"}}"#;
    let with = |breakdown: &str| {
        let json = format!(
            r#"{{"id": "t", "title": "t", "publishers": [], "period": {{"kind": "year", "year": 2022}}, "status": "preliminary",
                "source": {{"document": "t"}}, "facts": [{facts}], "breakdowns": [{breakdown}]}}"#
        );
        let release = xixia_stats::load::from_json(&json, "test").expect("a test release");
        score("t", &key, Ok(&release)).found_breakdowns
    };
    assert_eq!(with(r#"{"id": "b", "name": "性别", "kind": "exhaustive", "total": "p", "parts": ["f", "m"]}"#), 1, "order of parts is free");
    assert_eq!(with(r#"{"id": "b", "name": "性别", "kind": "partial", "total": "p", "parts": ["m", "f"]}"#), 0, "kind matters");
    assert_eq!(with(r#"{"id": "b", "name": "性别", "kind": "exhaustive", "total": "p", "parts": ["m"]}"#), 0, "all parts");
}

#[test]
fn a_failed_import_scores_nothing_and_misses_the_targets() {
    let (_, key) = keys().into_iter().find(|(name, _)| name == "fiscal-report-7").expect("the fiscal key");
    let s = score("fiscal-report-7", &key, Err("文本导入尚未实现".into()));
    assert_eq!((s.matched, s.extracted, s.missed.len()), (0, 0, s.key_atoms));
    let failures = shortfalls(&[s]);
    assert!(failures.iter().any(|f| f.contains("recall")) && failures.iter().any(|f| f.contains("precision")), "{failures:?}");
}

#[test]
fn thousands_separators_are_put_where_the_fiscal_reports_print_them() {
    assert_eq!(with_thousands_separators("9076"), "9,076");
    assert_eq!(with_thousands_separators("24035"), "24,035");
    assert_eq!(with_thousands_separators("982"), "982");
    assert_eq!(with_thousands_separators("1234567.5"), "1,234,567.5");
}

#[test]
fn a_figure_is_printed_only_as_a_whole_number() {
    assert!(printed_in("同比增长44.07%，", "44.07"));
    assert!(!printed_in("同比增长44.07%，", "44.7"));
    assert!(!printed_in("同比增长44.07%，", "4"));
    assert!(!printed_in("同比增收1,463万元", "463"));
    assert!(printed_in("完成9,076万元，", "9,076"));
    assert!(printed_in("单晶硅 万千克 7026.8 119.3", "7026.8"));
    assert!(printed_in("水泥 万吨 235.5 -14.6", "14.6"));
    assert!(printed_in("上涨1·8%", "1·8"));
    assert!(!printed_in("上涨1·8%", "8"));
}
