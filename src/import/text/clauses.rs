//! Reading a bulletin's sentences clause by clause into draft facts: the phrase patterns of
//! statistical bulletins (实现/完成/达到/为 a value; 增长/下降/回落 a growth; 比上年/同比/比上年末 its
//! basis; 增加/增收/减少 N元 or N个百分点 an increase; 高于/低于 X N个百分点 a gap; 位居X第N位 a
//! rank; 占X的N% a share; 拉动X增长N个百分点 a contribution; 结构比为a:b:c a ratio), and the
//! structures around them (其中…, 分…看, 按…分, 在…中).

use rust_decimal::Decimal;

use super::grammar::{self, Kind, Suffix, Token};
use super::names;
use crate::fact::{Gap, Growth, GrowthBasis, GrowthForm, Prices, Quantity, StatedRank};
use crate::release::Period;
use crate::structure::BreakdownKind;
use crate::unit::Unit;

/// A fact being read, its references still by index.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftFact {
    pub name: String,
    pub period: Option<Period>,
    pub value: Option<Quantity>,
    pub growth: Option<Growth>,
    pub increase: Option<Quantity>,
    pub gaps: Vec<Gap>,
    pub ranks: Vec<StatedRank>,
    pub share: Option<(usize, Decimal)>,
    pub contribution: Option<(usize, Decimal)>,
    pub footnotes: Vec<String>,
    /// The index of its (first) sentence.
    pub sentence: usize,
    pub note: Option<String>,
    /// Read in a sentence after 按可比价格计算.
    pub comparable: bool,
}

impl DraftFact {
    fn new(name: String, period: Option<Period>, sentence: usize) -> DraftFact {
        DraftFact {
            name,
            period,
            value: None,
            growth: None,
            increase: None,
            gaps: Vec::new(),
            ranks: Vec::new(),
            share: None,
            contribution: None,
            footnotes: Vec::new(),
            sentence,
            note: None,
            comparable: false,
        }
    }

    /// Whether it states anything a release requires of a fact.
    pub fn states_something(&self) -> bool {
        self.value.is_some() || self.growth.is_some() || self.increase.is_some() || self.share.is_some()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftBreakdown {
    pub name: String,
    pub kind: BreakdownKind,
    pub total: usize,
    pub parts: Vec<usize>,
    /// Opened by 分…看 / 按…分.
    split: bool,
    /// Opened by 其中： (a list that runs on to the paragraph's end).
    colon: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftRatio {
    pub name: String,
    pub terms: Vec<Decimal>,
    pub labels: Vec<String>,
    pub breakdown: Option<usize>,
    pub sentence: usize,
}

/// Something with figures that was not read: cleaned characters `[start, end)` of the
/// sentence, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub start: usize,
    pub end: usize,
    pub reason: String,
}

/// A sentence to read: its cleaned characters, the footnote markers in it (by character), its
/// index among the release's sentences, and whether it starts a paragraph.
pub struct Input<'a> {
    pub chars: &'a [char],
    pub marks: &'a [(usize, String)],
    pub index: usize,
    pub paragraph_start: bool,
}

/// What a figure says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Value,
    Growth,
    Increase,
    Gap,
    Rank,
    Share,
    Contribution,
    /// 完成年度预算的53.6%: progress against a plan, a rate in % of its own fact.
    Progress,
}

/// The reader's memory across sentences.
#[derive(Debug)]
pub struct Reader {
    pub facts: Vec<DraftFact>,
    pub breakdowns: Vec<DraftBreakdown>,
    pub ratios: Vec<DraftRatio>,
    release: Period,
    /// The fact the last sentence was about: the total of a following 其中.
    subject: Option<usize>,
    /// The breakdown whose parts are being read.
    open: Option<usize>,
    /// The breakdown of a 分…看 that ended with the last sentence: a following 分…看 splits
    /// the same total.
    last_split: Option<usize>,
    /// The index of the sentence being read.
    index: usize,
    /// The time and prices the paragraph has set so far (截至…, 按可比价格计算).
    paragraph_period: Option<Period>,
    paragraph_comparable: bool,
    /// The first fact read in the paragraph.
    paragraph_facts: usize,
    /// The facts that are parts of a breakdown.
    parts: std::collections::HashSet<usize>,
    /// The first fact of the last sentence.
    last_first: Option<usize>,
    /// How many growth rates were read without a stated basis (比上年, 同比…).
    pub unstated_basis: usize,
}

/// How far back a name is looked for (a share's whole, a contribution's total, the total of a
/// 在…中): bulletins refer to what they stated recently, and a bounded look keeps reading a
/// long text linear.
const LOOK_BACK: usize = 400;

/// Verbs of growth and their sign.
const GROWTH_VERBS: &[(&str, bool)] = &[
    ("增长了", false), ("增长", false), ("下降了", true), ("下降", true), ("回落", true), ("提高", false), ("上升", false), ("上涨", false),
    ("增加", false), ("减少", true), ("降低", true), ("下滑", true), ("下跌", true), ("增速为", false), ("增速达", false), ("增速", false),
    ("增幅为", false), ("增幅", false), ("降幅为", true), ("降幅", true), ("收窄", true), ("扩大", false), ("提升", false), ("增收", false),
    ("增支", false), ("减收", true), ("减支", true), ("减低", true), ("放缓", true), ("增产", false), ("减产", true), ("多", false), ("少", true),
];

/// Verbs that make a figure with a unit (not %) an increase.
const INCREASE_VERBS: &[(&str, bool)] = &[
    ("净增", false), ("净减", true), ("增加了", false), ("增加", false), ("增收", false), ("增支", false), ("多", false), ("增长", false), ("减少了", true), ("减少", true), ("减收", true),
    ("减支", true), ("少", true), ("下降", true), ("降低", true),
];

/// Splits that are always exhaustive: every member of the total falls in exactly one part.
const EXHAUSTIVE_SPLITS: &[&str] = &["性别", "居住地", "城乡", "民族", "三次产业", "产业", "收入级次", "级次"];

impl Reader {
    pub fn new(release: Period) -> Reader {
        Reader { facts: Vec::new(), breakdowns: Vec::new(), ratios: Vec::new(), release, subject: None, open: None, last_split: None, index: 0, paragraph_period: None, paragraph_comparable: false, paragraph_facts: 0, parts: Default::default(), last_first: None, unstated_basis: 0 }
    }

    /// The release's year.
    fn year(&self) -> i32 {
        match &self.release {
            Period::Year { year } | Period::Cumulative { year, .. } | Period::Month { year, .. } => *year,
            Period::AsOf { date } => date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2000),
        }
    }

    /// A period, or none when it is the release's own.
    fn own(&self, period: Period) -> Option<Period> {
        (period != self.release).then_some(period)
    }

    /// Reads one sentence. Returns what was not understood.
    pub fn sentence(&mut self, input: &Input) -> Vec<Miss> {
        let chars = input.chars;
        self.index = input.index;
        let mut misses = Vec::new();
        if input.paragraph_start || chars.first() == Some(&'（') {
            self.close();
        }
        let ends_split = self.open.is_some_and(|b| self.breakdowns[b].split);
        if !self.open.is_some_and(|b| self.breakdowns[b].colon) {
            self.close();
        }
        if !ends_split {
            self.last_split = None;
        }
        if input.paragraph_start {
            self.paragraph_period = None;
            self.paragraph_comparable = false;
            self.paragraph_facts = self.facts.len();
        }
        let mut state = Sentence { period: self.paragraph_period.clone(), basis: None, comparable: self.paragraph_comparable, qualifier: None, first: None, current: None, touched: Vec::new(), named: Vec::new(), whole: None };
        // The sentence's own time: 年末 at its start holds for all of it.
        let lead: String = chars.iter().take(6).collect();
        if lead.contains("年末") || lead.contains("年底") {
            state.period = self.own(Period::AsOf { date: format!("{}-12-31", self.year()) });
        }
        let clauses = split_clauses(chars);
        for &(start, end, separator) in &clauses {
            let clause = &chars[start..end];
            let mut touched: Vec<usize> = Vec::new();
            self.clause(clause, separator, &mut state, &mut touched, &mut |s, e, reason| {
                misses.push(Miss { start: start + s, end: start + e, reason })
            });
            for &(at, ref id) in input.marks {
                // A marker stands after the figure it notes: in this clause, or at its end.
                if at >= start && at <= end {
                    let targets: Vec<usize> = if touched.is_empty() { state.current.into_iter().collect() } else { touched.clone() };
                    for f in targets {
                        if !self.facts[f].footnotes.contains(id) {
                            self.facts[f].footnotes.push(id.clone());
                        }
                    }
                }
            }
            state.touched.extend(touched);
        }
        self.last_first = state.first;
        // A sentence not in a list of parts sets the subject of what follows.
        if let Some(first) = state.first {
            if !self.parts.contains(&first) {
                self.subject = Some(first);
            }
        }
        misses
    }

    /// Ends the breakdown being read.
    /// A fact read from a table row, named as the row is, stated in sentence `sentence`.
    pub fn table_fact(&mut self, name: String, sentence: usize) -> usize {
        self.facts.push(DraftFact::new(name, None, sentence));
        self.facts.len() - 1
    }

    /// A table's 其中 rows under their total's row: a breakdown, exhaustive when their levels
    /// add up to the total's.
    pub fn table_breakdown(&mut self, total: usize, parts: Vec<usize>, exhaustive: bool) {
        let kind = if exhaustive { BreakdownKind::Exhaustive } else { BreakdownKind::Partial };
        self.breakdowns.push(DraftBreakdown { name: String::new(), kind, total, parts, split: false, colon: false });
    }

    /// The basis of a growth of the release's period: the stated one, else the period's usual one.
    pub fn basis(&mut self, stated: Option<GrowthBasis>) -> GrowthBasis {
        if stated.is_none() {
            self.unstated_basis += 1;
        }
        self.basis_for(stated, None)
    }

    pub fn close(&mut self) {
        if let Some(b) = self.open.take() {
            if self.breakdowns[b].split {
                self.last_split = Some(b);
            }
            self.settle(b);
        }
    }

    /// Ends the reading: the last breakdown closes, and two identities of bulletins become
    /// breakdowns where no sentence made them: parts whose contributions (拉动) to a total's
    /// growth add up to it are its exhaustive split; X税收收入 + X非税收入 = X一般公共预算收入.
    pub fn finish(&mut self) {
        self.close();
        let mut by_target: Vec<(usize, Vec<usize>)> = Vec::new();
        for (i, f) in self.facts.iter().enumerate() {
            if let Some((to, _)) = f.contribution {
                match by_target.iter_mut().find(|(t, _)| *t == to) {
                    Some((_, parts)) => parts.push(i),
                    None => by_target.push((to, vec![i])),
                }
            }
        }
        let stated: std::collections::HashSet<(usize, Vec<usize>)> = self.breakdowns.iter().map(|b| (b.total, b.parts.clone())).collect();
        for (total, parts) in by_target {
            if parts.len() < 2 || stated.contains(&(total, parts.clone())) {
                continue;
            }
            let sum = parts.iter().filter_map(|&p| self.facts[p].contribution.map(|(_, points)| points)).try_fold(Decimal::ZERO, |a, b| a.checked_add(b));
            let growth = self.facts[total].growth.as_ref().filter(|g| g.form == GrowthForm::Percent).map(|g| g.rate);
            let half = Decimal::new(5, 2).checked_mul(Decimal::from(parts.len() as u64 + 1));
            let adds_up = match (sum, growth, half) {
                (Some(sum), Some(growth), Some(half)) => sum.checked_sub(growth).is_some_and(|d| d.abs() <= half),
                _ => false,
            };
            let kind = if adds_up { BreakdownKind::Exhaustive } else { BreakdownKind::Partial };
            self.breakdowns.push(DraftBreakdown { name: "拉动".into(), kind, total, parts, split: false, colon: false });
        }
        let mut by_name: std::collections::HashMap<(&str, Option<&Period>), usize> = std::collections::HashMap::new();
        for (i, f) in self.facts.iter().enumerate() {
            by_name.entry((f.name.as_str(), f.period.as_ref())).or_insert(i);
        }
        let mut parents: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
        for (k, b) in self.breakdowns.iter().enumerate() {
            for &p in &b.parts {
                parents.entry(p).or_default().push(k);
            }
        }
        let mut found = Vec::new();
        for (tax, fact) in self.facts.iter().enumerate() {
            let Some(prefix) = fact.name.strip_suffix("税收收入").filter(|p| !p.ends_with('非')) else { continue };
            let period = fact.period.as_ref();
            let nontax = by_name.get(&(format!("{prefix}非税收入").as_str(), period)).copied();
            let total = by_name.get(&(format!("{prefix}一般公共预算收入").as_str(), period)).copied();
            let (Some(nontax), Some(total)) = (nontax, total) else { continue };
            let in_any = parents.get(&tax).is_some_and(|ks| !ks.is_empty());
            if !in_any {
                found.push(DraftBreakdown { name: "税收与非税".into(), kind: BreakdownKind::Exhaustive, total, parts: vec![tax, nontax], split: false, colon: false });
            }
        }
        self.breakdowns.extend(found);
    }

    /// Decides a finished breakdown's kind and name from its parts.
    fn settle(&mut self, b: usize) {
        let parts: Vec<String> = self.breakdowns[b].parts.iter().map(|&p| self.facts[p].name.clone()).collect();
        let breakdown = &mut self.breakdowns[b];
        let industries = parts.len() == 3
            && ["第一产业", "第二产业", "第三产业"].iter().zip(&parts).all(|(prefix, part)| part.starts_with(prefix))
            && parts.iter().map(|p| p.chars().skip(4).collect::<String>()).collect::<std::collections::HashSet<_>>().len() == 1;
        let levels = parts.len() >= 2 && parts.iter().all(|p| p.ends_with('级')) && parts.iter().any(|p| p.starts_with("中央"));
        let tax = parts.len() == 2 && parts[0].ends_with("税收收入") && parts[1].ends_with("非税收入");
        let urban_rural = parts.len() == 2
            && (parts[0].starts_with("城镇") && parts[1].starts_with("乡村") || parts[0].starts_with("城市") && parts[1].starts_with("农村"))
            && breakdown.split;
        if industries {
            breakdown.kind = BreakdownKind::Exhaustive;
            breakdown.name = "三次产业".into();
        } else if levels {
            breakdown.kind = BreakdownKind::Exhaustive;
            breakdown.name = "收入级次".into();
        } else if tax {
            breakdown.kind = BreakdownKind::Exhaustive;
            breakdown.name = "税收与非税".into();
        } else if urban_rural {
            breakdown.kind = BreakdownKind::Exhaustive;
            breakdown.name = "城乡".into();
        } else if breakdown.split && (EXHAUSTIVE_SPLITS.contains(&breakdown.name.as_str()) || parts.len() >= 2 && parts.last().is_some_and(|p| p.starts_with("其他") || p.starts_with("其它"))) {
            breakdown.kind = BreakdownKind::Exhaustive;
        } else if breakdown.split && complementary(&parts) {
            // 按经济类型分，国有投资…；非国有投资…: X and 非X are the whole.
            breakdown.kind = BreakdownKind::Exhaustive;
        }
    }

    /// The total of a 其中 list: the sentence's first fact, else the last sentence's. A sentence
    /// that a list of parts (其中：…) seemed to run on into, but that opens a list of its own, is
    /// a new total, not one more part.
    fn of_which_total(&mut self, state: &Sentence) -> Option<usize> {
        if state.first.is_some() {
            return state.first;
        }
        if let (Some(b), Some(last)) = (self.open, self.last_first) {
            if self.breakdowns[b].parts.last() == Some(&last) {
                self.breakdowns[b].parts.pop();
                self.parts.remove(&last);
                return Some(last);
            }
        }
        self.subject
    }

    /// Opens a breakdown of `total`.
    fn open_breakdown(&mut self, name: String, total: usize, split: bool, colon: bool) {
        self.close();
        self.breakdowns.push(DraftBreakdown { name, kind: BreakdownKind::Partial, total, parts: Vec::new(), split, colon });
        self.open = Some(self.breakdowns.len() - 1);
    }

    /// The most recent fact of this name, or ending in it ("投资" → 固定资产投资).
    fn find(&self, name: &str) -> Option<usize> {
        if name.is_empty() {
            return None;
        }
        let from = self.facts.len().saturating_sub(LOOK_BACK);
        // A fact of the release's period before one of an earlier time with the same name
        // (地区生产总值 before its 同期 figure's 地区生产总值 of a year before).
        let a_year_before = a_year_before(&self.release);
        let exact = self.facts[from..]
            .iter()
            .rposition(|f| f.name == name && (f.period.is_none() || f.period != a_year_before))
            .or_else(|| self.facts[from..].iter().rposition(|f| f.name == name))
            .map(|i| i + from);
        let from = self.facts.len().saturating_sub(LOOK_BACK);
        let recent = &self.facts[from..];
        let exact = exact.filter(|&i| i >= from);
        exact
            .or_else(|| recent.iter().rposition(|f| f.name.ends_with(name) || (name.ends_with(&f.name) && f.name.chars().count() >= 2)).map(|i| i + from))
    }

    /// A recent fact of exactly this name and period.
    fn find_exact(&self, name: &str, period: &Option<Period>) -> Option<usize> {
        let from = self.facts.len().saturating_sub(LOOK_BACK);
        (from..self.facts.len()).rev().find(|&i| self.facts[i].name == name && self.facts[i].period == *period)
    }

    /// The fact a contribution is to: named `name`, else the most general one ending in it
    /// (投资 → 固定资产投资, the shortest such name), passing over `not`.
    fn find_other(&self, name: &str, not: usize) -> Option<usize> {
        if name.is_empty() {
            return None;
        }
        let from = self.facts.len().saturating_sub(LOOK_BACK);
        let a_year_before = a_year_before(&self.release);
        let earlier = |i: usize| self.facts[i].period.is_some() && self.facts[i].period == a_year_before;
        let exact = (from..self.facts.len()).rev().find(|&i| i != not && self.facts[i].name == name && !earlier(i)).or_else(|| (from..self.facts.len()).rev().find(|&i| i != not && self.facts[i].name == name));
        // Else the most general fact ending in the name: of the release's time, a total before a
        // part (投资 → 固定资产投资, not 工业投资), the shortest, the latest.
        exact.or_else(|| {
            (from..self.facts.len())
                .filter(|&i| i != not && self.facts[i].name.ends_with(name))
                .min_by_key(|&i| (earlier(i), self.parts.contains(&i), self.facts[i].name.chars().count(), std::cmp::Reverse(i)))
        })
    }

    /// Reads one clause.
    fn clause(&mut self, clause: &[char], separator: char, state: &mut Sentence, touched: &mut Vec<usize>, miss: &mut dyn FnMut(usize, usize, String)) {
        let mut tokens = grammar::tokens(clause);
        // A bare number run into words before another figure is part of a name:
        // "60周岁及以上人口29697万人", "5G基站3.2万个".
        let last_figure = tokens.iter().rposition(|t| matches!(t.kind, Kind::Figure { .. }));
        let in_name = |(k, t): (usize, &Token)| {
            matches!(&t.kind, Kind::Figure { unit: Suffix::Bare, .. })
                && last_figure.is_some_and(|last| k < last)
                && clause.get(t.after).is_some_and(|c| c.is_ascii_alphabetic() || ('\u{4e00}'..='\u{9fff}').contains(c) && !"的了和与及等增下占为是比较达年月日".contains(*c))
        };
        let keep: Vec<bool> = tokens.iter().enumerate().map(|kt| !in_name(kt)).collect();
        let mut k = 0;
        tokens.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        let text: String = clause.iter().collect();
        let figures = tokens.iter().any(|t| matches!(t.kind, Kind::Figure { .. } | Kind::Ratio { .. } | Kind::Ordinal { rank: true, .. }));
        // 增速与1-7月持平: a change since then, not the time of what follows.
        if !figures && self.level_with(&text, state) {
            return;
        }
        self.dates(&tokens, clause, state);
        if !figures {
            self.context(&text, separator, state);
            return;
        }
        let mut prev_end = 0;
        let mut last_role: Option<(Role, bool)> = None;
        let mut first_figure = true;
        let mut restore: Option<usize> = None;
        // The earlier period a change is since (比一季度, 较上月): the changed fact's note.
        let mut change_since: Option<String> = None;
        // 分别增长38.5%和42.1%: the figures go to the facts just named, in order.
        let figure_count = tokens.iter().filter(|t| matches!(t.kind, Kind::Figure { .. })).count();
        // 分别高于全省、全市1.8个和1.0个百分点: the regions listed before their gaps, in order, of
        // the fact just named.
        let listed = listed_gaps(clause, &tokens);
        let mut listed_at = 0usize;
        // 煤炭开采和洗选业、电力热力生产和供应业增加值分别增长6.8%、12.5%: the figures go to the
        // facts listed before 分别, in order; else 分别增长38.5%和42.1% after the facts were named.
        let listed_facts = if listed.is_none() && text.contains("分别") && figure_count >= 2 { self.listed_facts(clause, &tokens, figure_count, state) } else { None };
        let spread: Option<Vec<usize>> = listed_facts.or_else(|| {
            (listed.is_none() && text.contains("分别") && figure_count >= 2 && state.named.len() >= figure_count).then(|| state.named[state.named.len() - figure_count..].to_vec())
        });
        let mut spread_role: Option<(Role, bool)> = None;
        let mut ratio_name: Option<(String, bool)> = None;
        let mut figure_index = 0usize;
        // The whole the last figure pulled on (拉动…), for the next of a list.
        let mut last_pull: Option<usize> = None;
        for token in &tokens {
            let before = grammar::words(clause, prev_end, token.start);
            match &token.kind {
                Kind::Year { .. } | Kind::Months { .. } | Kind::Day { .. } => {
                    prev_end = token.after;
                    continue;
                }
                Kind::Ordinal { n, rank } => {
                    if *rank {
                        let scope = rank_scope(&before);
                        // 收入增幅居全市第3位: the rank of the growth just stated.
                        if let Some(owner) = self.growth_owner(rank_subject(&before), state) {
                            state.current = Some(owner);
                        }
                        match state.current {
                            Some(f) if !scope.is_empty() => {
                                self.facts[f].ranks.push(StatedRank { scope, scope_en: None, rank: *n, of: None });
                                touched.push(f);
                                last_role = Some((Role::Rank, false));
                            }
                            _ => miss(token.start, token.after, format!("未识别的表述：“{text}”（名次没有所属的指标或范围）")),
                        }
                    }
                    prev_end = token.after;
                    continue;
                }
                Kind::Ratio { terms } => {
                    // 结构由上年的a:b:c调整为d:e:f: the first ratio is of the earlier time, the
                    // second, of the same name, the current one.
                    // A second ratio in the clause is named by the words since the first
                    // ("、城乡消费比为"), or, when they name nothing ("调整为"), shares its name.
                    // After 由上年的…, the ratio it changed to (调整为, 缩小为…) has the same name.
                    let (name, earlier) = match ratio_name.take() {
                        Some((previous, true)) => (previous, None),
                        Some((previous, false)) => {
                            let own = names::name(&before);
                            (if own.is_empty() || names::is_qualifier(&own) { previous } else { own }, None)
                        }
                        None => earlier_time(&names::name(&head_words(clause, &tokens, token.start))),
                    };
                    ratio_name = Some((name.clone(), earlier.is_some()));
                    let terms: Option<Vec<Decimal>> = terms.iter().map(|t| crate::decimal::parse(t).ok()).collect();
                    match terms {
                        Some(terms) if !name.is_empty() => self.ratio(name, terms, earlier),
                        _ => miss(token.start, token.after, format!("未识别的表述：“{text}”（比例没有名称）")),
                    }
                    prev_end = token.after;
                    first_figure = false;
                    continue;
                }
                Kind::Figure { .. } => {}
            }
            let Kind::Figure { number, unit } = &token.kind else { continue };
            let Ok(amount) = crate::decimal::parse(number) else {
                miss(token.start, token.after, format!("未识别的表述：“{text}”（数字过长）"));
                prev_end = token.after;
                continue;
            };
            if let Some((regions, lower, _)) = listed.as_ref().filter(|(regions, _, from)| token.start > *from && listed_at < regions.len()) {
                match state.current {
                    Some(f) => {
                        self.facts[f].gaps.push(Gap { comparator: regions[listed_at].clone(), comparator_en: None, points: if *lower { -amount } else { amount } });
                        touched.push(f);
                        last_role = Some((Role::Gap, *lower));
                    }
                    None => miss(token.start, token.after, format!("未识别的表述：“{text}”（差距没有所属的指标）")),
                }
                listed_at += 1;
                first_figure = false;
                prev_end = token.after;
                continue;
            }
            let (mut role, mut negative) = classify(&before, unit, last_role);
            // A figure listed after another (增长6.8%、12.5%) is of the same kind.
            if let (true, Some((last, sign))) = (matches!(before.trim(), "、" | "和" | "与" | "及"), last_role) {
                if matches!(last, Role::Growth | Role::Share | Role::Increase) && matches!(unit, Suffix::Percent | Suffix::Points) {
                    (role, negative) = (last, sign);
                }
            }
            if let Some(targets) = &spread {
                if let Some((r, n)) = spread_role {
                    (role, negative) = (r, n);
                } else {
                    spread_role = Some((role, negative));
                }
                state.current = targets.get(figure_index).copied();
                first_figure = false;
            }
            figure_index += 1;
            // A count's noun follows its classifier: "21个行业大类中13个行业…".
            let counted = if role == Role::Value { counted_noun(clause, token.after, unit) } else { None };
            let mut figure_end = token.after;
            // The fact this figure is about.
            if first_figure {
                let head = head_words(clause, &tokens, token.start);
                // 全年… after 年末…: a flow of the whole period again.
                if head.starts_with("全年") && matches!(state.period, Some(Period::AsOf { .. })) {
                    state.period = None;
                    state.basis = None;
                }
                let mut name = names::name(&head);
                // 其中，6月当月增长5.8%: the single month of the fact just read, a fact of that month.
                if (name.is_empty() || names::is_qualifier(&name)) && matches!(state.period, Some(Period::Month { .. })) && clause.iter().collect::<String>().contains("当月") {
                    let from = self.facts.len().saturating_sub(LOOK_BACK);
                    let recent = self.facts[from..].iter().rposition(|f| f.growth.is_some() && f.period != state.period && f.sentence + 1 >= self.index).map(|i| i + from);
                    if let Some(b) = state.current.or(state.first).filter(|&b| self.facts[b].period != state.period).or(recent) {
                        name = self.facts[b].name.clone();
                    }
                }
                if let Some((noun, end)) = counted.clone() {
                    if names::is_qualifier(&name) || head.ends_with('的') {
                        name = noun;
                        figure_end = end;
                    }
                }
                // 增速比上年回落2.2个百分点: the speed of growth of what was just named, a fact of
                // its own; 增速高于全省… and 增速居全市… are that fact's gap and rank.
                // 比重比同期提高3.0个百分点: the change of the share just stated, since that period.
                // (The head drops a date after 比 as the basis — "增速比1-6月回落" reads 增速回落 —
                // so the time it is since is read from the clause's own words.)
                let speed = ["增长速度", "增长率", "增速", "增幅", "比重", "占比"].into_iter().find(|w| {
                    name.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with(['比', '较']))
                        || name.is_empty() && head.trim().strip_prefix(w).is_some_and(|rest| CHANGES.iter().any(|v| rest.starts_with(v)))
                });
                let since = earlier_period(&head).or_else(|| earlier_period(&clause[..token.start].iter().collect::<String>()));
                // 比一季度提高0.8个百分点, 较上月末增加12.36亿元 with no name of their own: the change
                // since that period of what was just named — its growth's in 个百分点, else its own.
                let speed = speed.or_else(|| {
                    let compared = name.starts_with(['比', '较']) && since.is_some() && matches!(role, Role::Increase | Role::Gap | Role::Growth);
                    let base = state.current.or(state.first);
                    match (compared, base) {
                        (true, Some(b)) if matches!(unit, Suffix::Points) && self.facts[b].growth.is_some() => Some("增速"),
                        // Since another time than the growth's basis: a fact of its own (its
                        // increase is no base of the growth), named with that time.
                        (true, Some(b)) => {
                            name = format!("{}（比{}）", self.facts[b].name, since.as_deref().unwrap_or(""));
                            restore = Some(b);
                            None
                        }
                        _ => None,
                    }
                });
                if let Some(word) = speed {
                    name = word.to_owned();
                    let base = state.current.or(state.first).or(self.facts.len().checked_sub(1));
                    if let (Some(base), false) = (base, matches!(role, Role::Gap | Role::Rank)) {
                        name = format!("{}{word}", self.facts[base].name);
                        restore = Some(base);
                        if let Some(since) = &since {
                            change_since = Some(format!("比{since}"));
                        }
                    }
                }
                // （同期为3.2%）: the same indicator a year before, no indicator named 同期.
                if matches!(name.as_str(), "同期" | "上年同期" | "去年同期" | "上期") {
                    let base = state.current.or(state.first).or(self.facts.len().checked_sub(1));
                    let earlier = base.and_then(|b| self.facts[b].period.clone()).or_else(|| Some(self.release.clone())).and_then(|p| a_year_before(&p));
                    if let (Some(base), Some(period)) = (base, earlier) {
                        let same = self.facts.iter().rposition(|f| f.name == self.facts[base].name && f.period.as_ref() == Some(&period));
                        let f = match same {
                            Some(f) => f,
                            None => {
                                let mut fact = DraftFact::new(self.facts[base].name.clone(), Some(period), self.index);
                                fact.comparable = state.comparable;
                                self.facts.push(fact);
                                self.facts.len() - 1
                            }
                        };
                        state.current = Some(f);
                        restore = Some(base);
                        first_figure = false;
                        // 同期为3.2%: the earlier growth, as the growth just read.
                        if role == Role::Value && matches!(unit, Suffix::Percent) && self.facts[base].growth.is_some() {
                            role = Role::Growth;
                        }
                    }
                }
                // 税收收入完成年度预算的48%: the progress of the fact named before the verb.
                if role == Role::Progress {
                    let object = progress_object(&head);
                    let subject = names::name(head.trim_end_matches('的').strip_suffix(object.as_str()).unwrap_or(""));
                    if let Some(found) = (!subject.is_empty()).then(|| self.find(&subject)).flatten() {
                        state.current = Some(found);
                    }
                }
                // 收入增幅高于全市平均…: the gap of the growth just stated.
                if role == Role::Gap {
                    if let Some(owner) = self.growth_owner(gap_subject(&head), state) {
                        state.current = Some(owner);
                    }
                }
                // 其中 run into the clause ("其中税收收入10.97亿元"): a list of parts begins.
                if head.trim_start_matches(|c: char| "，；：".contains(c)).starts_with("其中") && self.open.is_none() {
                    if let Some(total) = self.of_which_total(state) {
                        self.open_breakdown(String::new(), total, false, false);
                    }
                }
                // A share of a fact just named by its first words: 民营经济 for 民营经济增加值.
                if role == Role::Share {
                    name = strip_share_words(&name);
                    if let Some(last) = self.facts.len().checked_sub(1) {
                        let full = &self.facts[last].name;
                        if !name.is_empty() && full.starts_with(name.as_str()) && full.len() > name.len() && self.facts[last].share.is_none() {
                            name = full.clone();
                            state.current = Some(last);
                            first_figure = false;
                        }
                    }
                }
                if head.contains("扣除") || head.contains("口径") && names::is_qualifier(&name) {
                    let words = qualifier_words(&head);
                    state.qualifier = Some(match state.qualifier.take() {
                        Some(q) if !q.contains(&words) => format!("{q}{words}"),
                        Some(q) => q,
                        None => words,
                    });
                }
                let names_a_fact = !names::is_qualifier(&name) && !matches!(role, Role::Gap | Role::Rank | Role::Contribution | Role::Progress);
                if first_figure && names_a_fact && !(role == Role::Share && name.starts_with('占')) {
                    // The words of a share go from a share's name, not from the name of a
                    // share's change (第三产业增加值比重, increased by points).
                    let name = if role == Role::Share || speed.is_none() { strip_share_words(&name) } else { name };
                    // "第一产业增加值占国内生产总值比重为7.1%" after its value: the share is the
                    // stated fact's, not a second printing of it.
                    let stated = (role == Role::Share && self.open.is_none())
                        .then(|| self.find_exact(&name, &state.period))
                        .flatten()
                        .filter(|&f| self.facts[f].share.is_none());
                    state.current = Some(match stated {
                        Some(f) => f,
                        None => self.named(name, state),
                    });
                }
                first_figure = false;
            } else if role == Role::Value {
                let mut name = names::name(&before);
                if let Some((noun, end)) = counted.clone() {
                    if names::is_qualifier(&name) || before.ends_with('中') || before.ends_with('的') {
                        name = noun;
                        figure_end = end;
                    }
                }
                if !names::is_qualifier(&name) && name.chars().count() >= 2 {
                    state.current = Some(self.named(name, state));
                }
            }
            let Some(mut f) = state.current else {
                let why = match role {
                    Role::Contribution => "拉动之前没有读出增速的指标",
                    _ => "数字前没有指标名",
                };
                miss(token.start, token.after, format!("未识别的表述：“{text}”（{why}）"));
                prev_end = token.after;
                continue;
            };
            let signed = if negative { -amount } else { amount };
            // A second figure of a kind the fact already has: the same indicator on another
            // footing (扣除…后同口径), a fact of its own.
            if self.has(f, role) && !self.same(f, role, signed) {
                match &state.qualifier {
                    Some(qualifier) if !self.facts[f].name.ends_with(&format!("（{qualifier}）")) => {
                        f = self.fork(f, qualifier.clone());
                        state.current = Some(f);
                    }
                    _ => {
                        miss(token.start, token.after, format!("未识别的表述：“{text}”（“{}”已有此项数字，口径不明）", self.facts[f].name));
                        prev_end = token.after;
                        continue;
                    }
                }
            }
            let done = match role {
                Role::Value => {
                    let unit = match unit {
                        Suffix::Percent => Unit::Percent,
                        Suffix::Points => Unit::PercentagePoints,
                        Suffix::Unit(u) => Unit::from(u.as_str()),
                        Suffix::Bare | Suffix::Times => Unit::Pure,
                    };
                    self.facts[f].value = Some(Quantity::new(amount, unit));
                    true
                }
                Role::Growth => {
                    let form = match unit {
                        Suffix::Times => GrowthForm::Times,
                        Suffix::Bare => GrowthForm::Bare,
                        _ => GrowthForm::Percent,
                    };
                    let basis = basis_in(&before).or(state.basis);
                    if basis.is_none() {
                        self.unstated_basis += 1;
                    }
                    if let Some(b) = basis_in(&before) {
                        state.basis = Some(b);
                    }
                    let basis = self.basis_for(basis, self.facts[f].period.as_ref());
                    self.facts[f].growth = Some(Growth { rate: signed, form, basis, prices: None });
                    self.facts[f].comparable |= state.comparable;
                    true
                }
                Role::Increase => {
                    if let Some(b) = basis_in(&before) {
                        state.basis = Some(b);
                    }
                    let unit = match unit {
                        Suffix::Points | Suffix::Percent => Unit::PercentagePoints,
                        Suffix::Unit(u) => Unit::from(u.as_str()),
                        _ => Unit::Pure,
                    };
                    self.facts[f].increase = Some(Quantity::new(signed, unit));
                    true
                }
                Role::Gap => match gap_comparator(&before, last_role) {
                    Some((comparator, lower)) => {
                        let points = if lower { -amount } else { amount };
                        if before.contains(&format!("{comparator}平均")) {
                            let note = format!("与{comparator}平均水平比较");
                            let fact = &mut self.facts[f];
                            fact.note = Some(match fact.note.take() {
                                Some(old) if !old.contains(&note) => format!("{old}；{note}"),
                                Some(old) => old,
                                None => note,
                            });
                        }
                        self.facts[f].gaps.push(Gap { comparator, comparator_en: None, points });
                        true
                    }
                    None => false,
                },
                Role::Share => {
                    let named_whole = share_of(&before).and_then(|x| {
                        self.find_other(&x, f).or_else(|| {
                            let general = x.trim_start_matches("全部").trim_start_matches('全').trim_start_matches('总');
                            (general != x).then(|| self.find_other(general, f)).flatten()
                        })
                    });
                    let of = named_whole.or(state.whole).or_else(|| self.open.map(|b| self.breakdowns[b].total)).filter(|&o| o != f);
                    match of {
                        Some(of) => {
                            state.whole = Some(of);
                            self.facts[f].share = Some((of, amount));
                            true
                        }
                        None => false,
                    }
                }
                Role::Contribution => {
                    // 拉动经济增长: the economy's growth is that of 地区生产总值.
                    let target = contribution_target(&before).and_then(|x| {
                        let x = if x == "经济" || x == "经济增长" || x == "GDP" { "生产总值".to_owned() } else { x };
                        // 规模以上工业 is 规模以上工业增加值; 全部投资 the whole of 投资.
                        self.find_other(&x, f).or_else(|| {
                            ["增加值", "总产值", "产值", "总额"].iter().find_map(|w| self.find_other(&format!("{x}{w}"), f))
                        }).or_else(|| {
                            let general = x.trim_start_matches("全部").trim_start_matches('全').trim_start_matches('总');
                            (general != x).then(|| self.find_other(general, f)).flatten()
                        })
                    });
                    // 拉动下降1.4个百分点, 下拉0.5个百分点 with no whole named: a part's pull on its
                    // total (the 其中 list's).
                    let target = target.or_else(|| {
                        contribution_target(&before).is_none().then(|| self.open.map(|b| self.breakdowns[b].total).filter(|&t| t != f && self.facts[t].growth.is_some())).flatten()
                    });
                    // 分别拉动经济增长2.4、3.1个百分点: the figures after the first pull on the same whole.
                    let target = target.or(last_pull.filter(|&t| t != f && matches!(before.trim(), "、" | "和" | "与" | "及")));
                    match target {
                        Some(to) => {
                            self.facts[f].contribution = Some((to, signed));
                            last_pull = Some(to);
                            true
                        }
                        None => false,
                    }
                }
                Role::Progress => {
                    // 完成年初预算的24.6%: a rate of its own, named by its subject and what it
                    // completes (一般公共预算收入完成年初预算), of the subject's period.
                    let object = progress_object(&before);
                    let mut fact = DraftFact::new(format!("{}{object}", self.facts[f].name), self.facts[f].period.clone(), self.index);
                    fact.value = Some(Quantity::new(signed, Unit::Percent));
                    self.facts.push(fact);
                    touched.push(self.facts.len() - 1);
                    true
                }
                Role::Rank => false,
            };
            if done {
                touched.push(f);
                if state.first.is_none() {
                    state.first = Some(f);
                }
            } else {
                miss(token.start, token.after, format!("未识别的表述：“{text}”"));
            }
            last_role = Some((role, negative));
            prev_end = figure_end;
            if let Some(f) = state.current {
                if !state.named.contains(&f) {
                    state.named.push(f);
                }
            }
            if let (Some(since), Some(f)) = (change_since.take(), state.current) {
                if self.facts[f].note.is_none() {
                    self.facts[f].note = Some(since);
                }
            }
            if let Some(base) = restore.take() {
                state.current = Some(base);
            }
        }
    }

    /// The facts a clause lists before 分别, one per figure after it: "煤炭开采和洗选业、电力热力生产
    /// 和供应业增加值分别增长6.8%、12.5%" → 煤炭开采和洗选业增加值, 电力热力生产和供应业增加值 (the
    /// shared noun is printed once, after the last); "第二、三产业分别拉动…" → 第二产业, 第三产业 (or
    /// the paragraph's facts that begin so: 第二产业增加值). `None` unless the list has one name per
    /// figure.
    fn listed_facts(&mut self, clause: &[char], tokens: &[Token], figures: usize, state: &Sentence) -> Option<Vec<usize>> {
        let first = tokens.iter().find(|t| matches!(t.kind, Kind::Figure { .. }))?;
        let head = head_words(clause, tokens, first.start);
        let list = names::name(&head[..head.find("分别")?]);
        let items: Vec<&str> = list.split('、').map(str::trim).collect();
        if items.len() != figures || items.iter().any(|i| i.is_empty()) {
            return None;
        }
        const NOUNS: [&str; 12] = ["增加值", "产业", "投资", "收入", "支出", "零售额", "产量", "产值", "人口", "营业收入", "利润", "销售额"];
        let last = items[items.len() - 1];
        let noun = NOUNS.iter().filter(|n| last.ends_with(*n)).max_by_key(|n| n.len()).copied().unwrap_or("");
        let ordinal = items[0].starts_with('第');
        let names: Vec<String> = items
            .iter()
            .map(|item| {
                let mut name = (*item).to_owned();
                if ordinal && !name.starts_with('第') {
                    name.insert(0, '第');
                }
                if !noun.is_empty() && !name.ends_with(noun) {
                    name.push_str(noun);
                }
                name
            })
            .collect();
        if names.iter().any(|n| n.chars().count() < 2) {
            return None;
        }
        // A fact of this paragraph of that name, or whose name begins so; else a new one.
        let from = self.paragraph_facts.max(self.facts.len().saturating_sub(LOOK_BACK));
        Some(
            names
                .into_iter()
                .map(|name| {
                    let here = |i: &usize| self.facts[*i].period == state.period;
                    (from..self.facts.len()).rev().filter(here).find(|&i| self.facts[i].name == name)
                        .or_else(|| (from..self.facts.len()).rev().filter(here).find(|&i| self.facts[i].name.starts_with(&name)))
                        .unwrap_or_else(|| self.named(name, state))
                })
                .collect(),
        )
    }

    /// "增速与1-7月持平": the growth of the fact just read has not changed since then, a change of
    /// 0 个百分点 (a fact of its own, as 增速比1-7月提高… is); "与全省持平": no gap to the region.
    /// Whether the clause said so.
    fn level_with(&mut self, text: &str, state: &Sentence) -> bool {
        let Some(rest) = text.trim().strip_suffix("持平") else { return false };
        let Some((subject, other)) = rest.rsplit_once(['与', '和', '同']) else { return false };
        let Some(f) = state.current.filter(|&f| self.facts[f].growth.is_some()) else { return false };
        let other = other.trim();
        let subject = subject.trim_start_matches(['，', '、']).trim();
        if other.is_empty() || !subject.chars().all(|c| !c.is_ascii_digit()) {
            return false;
        }
        if is_period_word(other) {
            let mut fact = DraftFact::new(format!("{}增速", self.facts[f].name), self.facts[f].period.clone(), self.index);
            fact.increase = Some(Quantity::new(Decimal::ZERO, Unit::PercentagePoints));
            fact.note = Some(format!("比{other}"));
            self.facts.push(fact);
        } else {
            self.facts[f].gaps.push(Gap { comparator: other.to_owned(), comparator_en: None, points: Decimal::ZERO });
        }
        true
    }

    /// The fact whose growth a rank or gap is about, when its subject is a growth word
    /// (增幅, 增速, 增长速度, 收入增幅): the fact being read if it has a growth and the words
    /// before the growth word fit its name, else the last such fact of the paragraph.
    fn growth_owner(&self, subject: Option<String>, state: &Sentence) -> Option<usize> {
        let subject = subject?;
        let words = ["增长速度", "增长率", "增速", "增幅", "涨幅"];
        let rest = words.iter().find_map(|w| subject.strip_suffix(w))?;
        let of = names::name(rest);
        let fits = |f: usize| self.facts[f].growth.is_some() && (of.is_empty() || self.facts[f].name.contains(of.as_str()));
        if let Some(current) = state.current.filter(|&f| fits(f)) {
            return Some(current);
        }
        let from = self.paragraph_facts.max(self.facts.len().saturating_sub(LOOK_BACK));
        (from..self.facts.len()).rev().find(|&f| fits(f))
    }

    /// Whether a fact already has what a figure of this role states.
    fn has(&self, f: usize, role: Role) -> bool {
        let fact = &self.facts[f];
        match role {
            Role::Value => fact.value.is_some(),
            Role::Growth => fact.growth.is_some(),
            Role::Increase => fact.increase.is_some(),
            Role::Share => fact.share.is_some(),
            Role::Contribution => fact.contribution.is_some(),
            Role::Gap | Role::Rank | Role::Progress => false,
        }
    }

    /// Whether a fact already states this very figure (a repeat, as a summary repeats).
    fn same(&self, f: usize, role: Role, signed: Decimal) -> bool {
        let fact = &self.facts[f];
        match role {
            Role::Value => fact.value.as_ref().is_some_and(|v| v.amount == signed),
            Role::Growth => fact.growth.as_ref().is_some_and(|g| g.rate == signed),
            Role::Increase => fact.increase.as_ref().is_some_and(|v| v.amount == signed),
            _ => false,
        }
    }

    /// A new fact for the same indicator on another footing: "地方一般公共预算收入（扣除留抵退税因素后同口径）".
    fn fork(&mut self, f: usize, qualifier: String) -> usize {
        let base = self.facts[f].name.clone();
        let mut fact = DraftFact::new(format!("{base}（{qualifier}）"), self.facts[f].period.clone(), self.facts[f].sentence);
        fact.note = Some(qualifier);
        self.facts.push(fact);
        self.facts.len() - 1
    }

    /// A new fact for a name, made a part of the breakdown being read. A figure printed twice
    /// (a summary repeats one) is two facts: each printing is read.
    fn named(&mut self, name: String, state: &Sentence) -> usize {
        let mut fact = DraftFact::new(name, state.period.clone(), self.index);
        fact.comparable = state.comparable;
        self.facts.push(fact);
        let f = self.facts.len() - 1;
        if let Some(b) = self.open {
            let breakdown = &mut self.breakdowns[b];
            if breakdown.total != f && !breakdown.parts.contains(&f) {
                breakdown.parts.push(f);
                self.parts.insert(f);
            }
        } else {
            self.three_industries(f);
        }
        f
    }

    /// 第一产业X, 第二产业X, 第三产业X stated one after another outside a 其中 list: an
    /// exhaustive breakdown of the fact named X (or ending in X: 投资 → 固定资产投资).
    fn three_industries(&mut self, f: usize) {
        let n = self.facts.len();
        if n < 3 || f + 1 != n {
            return;
        }
        let names: Vec<&str> = self.facts[n - 3..].iter().map(|f| f.name.as_str()).collect();
        let suffix: Vec<&str> = ["第一产业", "第二产业", "第三产业"].iter().zip(&names).filter_map(|(p, name)| name.strip_prefix(p)).collect();
        if suffix.len() != 3 || suffix[0] != suffix[1] || suffix[1] != suffix[2] || suffix[0].is_empty() {
            return;
        }
        let parts: Vec<usize> = (n - 3..n).collect();
        if parts.iter().any(|p| self.parts.contains(p)) {
            return;
        }
        let x = suffix[0];
        let in_parts = |i: usize| self.parts.contains(&i);
        let total = (n.saturating_sub(LOOK_BACK)..n - 3)
            .filter(|&i| (self.facts[i].name == x || self.facts[i].name.ends_with(x)) && !in_parts(i))
            .min_by_key(|&i| (self.facts[i].name.chars().count(), std::cmp::Reverse(i)));
        if let Some(total) = total {
            self.parts.extend(parts.iter().copied());
            self.breakdowns.push(DraftBreakdown { name: "三次产业".into(), kind: BreakdownKind::Exhaustive, total, parts, split: false, colon: false });
        }
    }

    /// Dates in a clause set the time of what follows in the sentence.
    fn dates(&mut self, tokens: &[Token], clause: &[char], state: &mut Sentence) {
        // A time compared with (比1-5月, 较2022年, 高于一季度) is no time of the figures.
        let compared = |t: &Token| t.start > 0 && clause.get(t.start - 1).is_some_and(|c| matches!(c, '比' | '较' | '于'));
        let kept: Vec<Token> = tokens.iter().filter(|t| !(matches!(t.kind, Kind::Year { .. } | Kind::Months { .. } | Kind::Day { .. }) && compared(t))).cloned().collect();
        let tokens = kept.as_slice();
        let year_of = tokens.iter().find_map(|t| match t.kind {
            Kind::Year { year } => Some(year),
            _ => None,
        });
        let months = tokens.iter().find_map(|t| match t.kind {
            Kind::Months { from, to } => Some((from, to, t.after)),
            _ => None,
        });
        let day = tokens.iter().find_map(|t| match t.kind {
            Kind::Day { day } => Some(day),
            _ => None,
        });
        let text: String = clause.iter().collect();
        let first_figure = tokens.iter().position(|t| matches!(t.kind, Kind::Figure { .. } | Kind::Ratio { .. }));
        let date_before_figure = tokens.iter().position(|t| matches!(t.kind, Kind::Year { .. } | Kind::Months { .. } | Kind::Day { .. }));
        if let (Some(d), Some(fig)) = (date_before_figure, first_figure) {
            if d > fig {
                return;
            }
        }
        let year = year_of.unwrap_or_else(|| self.year());
        let period = match (months, day) {
            (Some((_, to, _)), Some(day)) if text.contains("截至") || text.contains("截止") || text.contains("末") => {
                Some(Period::AsOf { date: format!("{year:04}-{to:02}-{day:02}") })
            }
            (Some((from, to, after)), None) => {
                let rest: String = clause.get(after..).map(|r| r.iter().take(3).collect()).unwrap_or_default();
                if from != to || rest.starts_with("累计") || text.contains("累计") {
                    Some(Period::Cumulative { year, from_month: if from == to { 1 } else { from }, to_month: to })
                } else if from == to && (text.contains("末") || text.contains("月底")) {
                    Some(Period::AsOf { date: format!("{year:04}-{to:02}-{:02}", last_day(year, to)) })
                } else {
                    Some(Period::Month { year, month: to })
                }
            }
            (None, None) if year_of.is_some() => Some(if text.contains("年末") || text.contains("年底") {
                Period::AsOf { date: format!("{year:04}-12-31") }
            } else {
                Period::Year { year }
            }),
            _ => None,
        };
        if let Some(period) = period.filter(|p| p.validate().is_ok()) {
            state.period = self.own(period);
            self.paragraph_period = state.period.clone();
        }
    }

    /// A clause without figures: 其中, 分…看, 按…分, 在…中, 按可比价格计算, 扣除…后.
    fn context(&mut self, text: &str, separator: char, state: &mut Sentence) {
        let words = text.trim_matches(|c: char| "，；：、（）".contains(c));
        if words.contains("可比价") || words.contains("不变价") {
            state.comparable = true;
            self.paragraph_comparable = true;
            return;
        }
        if words.starts_with("扣除") || words.contains("口径") {
            state.qualifier = Some(words.to_owned());
            return;
        }
        if words == "其中" || words.ends_with("其中") {
            let total = self.of_which_total(state);
            if let Some(total) = total {
                self.open_breakdown(String::new(), total, false, separator == '：');
            }
            return;
        }
        if let Some(by) = split_name(words) {
            let total = match self.last_split.or(self.open.filter(|&b| !self.breakdowns[b].split)) {
                Some(b) if state.first.is_none() || self.open == Some(b) => Some(self.breakdowns[b].total),
                _ => state.first.or(self.subject),
            };
            if let Some(total) = total {
                self.open_breakdown(by, total, true, false);
            }
            return;
        }
        if let Some(within) = words.strip_suffix('中').map(|w| w.trim_start_matches('在')).filter(|w| w.chars().count() >= 2) {
            let from = self.facts.len().saturating_sub(LOOK_BACK);
            let total = self.facts[from..].iter().rposition(|f| f.name.starts_with(within) && f.name != within).map(|i| i + from);
            if let Some(total) = total.or_else(|| self.find(within)) {
                self.open_breakdown(within.to_owned(), total, false, false);
            }
        }
    }

    /// A stated structure ratio: labels from the three industries, or from the breakdown it
    /// describes — the last one of the paragraph with as many parts (工业结构 after 分门类看's
    /// three 门类), else the last exhaustive one.
    ///
    /// A ratio of an earlier time (`earlier`: 上年, 2023年) is named with it in brackets and
    /// linked to no breakdown: the parts read are the current ones.
    fn ratio(&mut self, name: String, terms: Vec<Decimal>, earlier: Option<String>) {
        let n = terms.len();
        let in_paragraph = self.breakdowns.iter().rposition(|b| b.parts.len() == n && b.parts.iter().all(|&p| p >= self.paragraph_facts));
        let breakdown = in_paragraph.or_else(|| self.breakdowns.iter().rposition(|b| b.kind == BreakdownKind::Exhaustive && b.parts.len() == n));
        let labels: Vec<String> = if name.contains("三次产业") && n == 3 {
            vec!["第一产业".into(), "第二产业".into(), "第三产业".into()]
        } else if let Some(b) = breakdown {
            self.breakdowns[b].parts.iter().map(|&p| self.facts[p].name.clone()).collect()
        } else {
            (1..=n).map(|i| format!("第{i}项")).collect()
        };
        let breakdown = breakdown.filter(|&b| {
            let parts = &self.breakdowns[b].parts;
            earlier.is_none() && labels.iter().zip(parts).all(|(label, &p)| self.facts[p].name.starts_with(label.as_str()))
        });
        let name = match earlier {
            Some(when) => format!("{name}（{when}）"),
            None => name,
        };
        self.ratios.push(DraftRatio { name, terms, labels, breakdown, sentence: self.index });
    }

    /// A growth basis, fitted to the period: 同比 over a cumulative period is cumulative.
    fn basis_for(&self, stated: Option<GrowthBasis>, period: Option<&Period>) -> GrowthBasis {
        let period = period.unwrap_or(&self.release);
        let default = match period {
            Period::Year { .. } => GrowthBasis::PreviousYear,
            Period::Cumulative { .. } => GrowthBasis::CumulativeYearOnYear,
            Period::Month { .. } => GrowthBasis::YearOnYear,
            Period::AsOf { date } if date.ends_with("-12-31") => GrowthBasis::PreviousYearEnd,
            Period::AsOf { .. } => GrowthBasis::YearOnYear,
        };
        match (stated, period) {
            (None, _) => default,
            (Some(GrowthBasis::YearOnYear), Period::Cumulative { .. }) => GrowthBasis::CumulativeYearOnYear,
            (Some(basis), _) => basis,
        }
    }

}

/// What a sentence being read keeps between its clauses.
#[derive(Debug)]
struct Sentence {
    period: Option<Period>,
    basis: Option<GrowthBasis>,
    comparable: bool,
    qualifier: Option<String>,
    /// The first fact the sentence states.
    first: Option<usize>,
    /// The fact the last clause was about.
    current: Option<usize>,
    touched: Vec<usize>,
    /// The facts the sentence has named, in order (for 分别).
    named: Vec<usize>,
    /// The whole of the sentence's last share: "…比重为38.3%" without 占 is a share of it too.
    whole: Option<usize>,
}

/// A name ending in the earlier time a change starts from — "三次产业结构由上年的",
/// "城镇化率由2023年末的" (the year itself is a token, gone from the words) — cut there: the
/// name and the time (上年 when no words name it).
fn earlier_time(name: &str) -> (String, Option<String>) {
    let Some(at) = name.rfind('由').filter(|&at| at > 0) else { return (name.to_owned(), None) };
    let when = name[at + '由'.len_utf8()..].trim_end_matches('的');
    let times = ["上年", "去年", "年初", "上期", "上月", "年末", "年底", "末", "底", "年"];
    let is_time = when.is_empty() || when.chars().count() <= 5 && times.iter().any(|t| when.contains(t));
    if !is_time {
        return (name.to_owned(), None);
    }
    let when = if when.chars().count() < 2 { "上年" } else { when };
    (name[..at].to_owned(), Some(when.to_owned()))
}

/// The last day of a month.
fn last_day(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Cuts a sentence into clauses at ，；：。！？ and at brackets that hold a clause of their own;
/// a short bracket inside a name stays in it ("地区生产总值（GDP）"): `(start, end, separator)`.
fn split_clauses(chars: &[char]) -> Vec<(usize, usize, char)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '（' {
            let close = chars[i..].iter().position(|&c| c == '）').map(|p| i + p);
            if let Some(close) = close {
                let inner = &chars[i + 1..close];
                if inner.len() <= 12 && !inner.iter().any(|c| "，。；：".contains(*c) || c.is_ascii_digit()) && i > start {
                    i = close + 1;
                    continue;
                }
            }
        }
        if "，；：。！？（）".contains(c) {
            if i > start {
                out.push((start, i, c));
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < chars.len() {
        out.push((start, chars.len(), '\0'));
    }
    out
}

/// The words before the first figure of a clause, without its dates.
fn head_words(clause: &[char], tokens: &[Token], upto: usize) -> String {
    let mut out = String::new();
    let mut at = 0;
    for t in tokens.iter().filter(|t| t.start < upto) {
        let mut piece = grammar::words(clause, at, t.start);
        // "增速比2021年减低": 比 and the year are the basis, not the name.
        if matches!(t.kind, Kind::Year { .. } | Kind::Months { .. }) && (piece.ends_with('比') || piece.ends_with('较')) {
            piece.pop();
        }
        out.push_str(&piece);
        at = t.after;
        // "2月累计", "11月当月": the period words go with the date.
        for word in ["累计", "当月", "份"] {
            if grammar::starts(clause, at, word) {
                at += word.chars().count();
            }
        }
    }
    out.push_str(&grammar::words(clause, at, upto));
    out.trim_start_matches("截至").trim_start_matches("截止").trim_start_matches("到").to_owned()
}

/// Classifiers: a count's unit, after which the counted noun may follow ("21个行业大类").
const CLASSIFIERS: &[&str] = &["个", "家", "户", "项", "所", "座", "名", "条", "种", "类", "批", "宗", "处"];

/// The noun a count counts, when it follows the classifier: "个行业大类中" → 行业大类. It ends
/// at 中, at punctuation or a number, at a verb, or where a measure begins (行业增加值 → 行业).
fn counted_noun(clause: &[char], after: usize, unit: &Suffix) -> Option<(String, usize)> {
    let Suffix::Unit(unit) = unit else { return None };
    if !CLASSIFIERS.contains(&unit.as_str()) {
        return None;
    }
    let stops = ["中", "的", "呈现", "实现", "完成", "增加值", "产值", "收入", "增长", "下降", "保持", "达到", "占", "为", "是", "有", "比", "同比"];
    let mut end = after;
    while end < clause.len() && !clause[end].is_ascii_digit() && !"，；：。、（）".contains(clause[end]) && !stops.iter().any(|w| grammar::starts(clause, end, w)) {
        end += 1;
    }
    let noun = grammar::words(clause, after, end);
    (noun.chars().count() >= 2 && noun.chars().count() <= 12).then_some((noun, end))
}

/// The words of a qualifier without the verb after them: "同口径下降" → 同口径.
fn qualifier_words(head: &str) -> String {
    let mut words = head.trim_matches(|c: char| "，；：".contains(c)).to_owned();
    for _ in 0..3 {
        for (verb, _) in GROWTH_VERBS {
            if let Some(rest) = words.strip_suffix(verb) {
                words = rest.to_owned();
            }
        }
    }
    words
}

/// Whether the words before a figure end in one of `verbs` (allowing 了/为/达 after it): its
/// sign.
fn ends_with_verb(before: &str, verbs: &[(&str, bool)]) -> Option<bool> {
    let trimmed = before.trim_end_matches(['了', '为', '达', '约', '近', '超']);
    verbs.iter().find(|(verb, _)| trimmed.ends_with(verb) || before.ends_with(verb)).map(|(_, negative)| *negative)
}

/// What a figure says, from the words before it and its unit.
fn classify(before: &str, unit: &Suffix, last: Option<(Role, bool)>) -> (Role, bool) {
    let b = before.trim_matches(|c: char| "，；：".contains(c));
    match unit {
        Suffix::Points => {
            if gap_comparator(b, last).is_some() {
                let lower = gap_comparator(b, last).is_some_and(|(_, lower)| lower);
                return (Role::Gap, lower);
            }
            // 拉动下降8.0个百分点, 下拉, 拉低, 拖累: a pull down, negative.
            let down = b.contains("拉低") || b.contains("下拉") || b.contains("拖累") || b.contains("下拖")
                || b.rfind("拉动").is_some_and(|at| ["下降", "回落", "减少", "负"].iter().any(|w| b[at..].contains(w)));
            if b.contains("拉动") || b.contains("带动") || b.contains("贡献") {
                return (Role::Contribution, down);
            }
            if down {
                return (Role::Contribution, true);
            }
            let negative = ends_with_verb(b, GROWTH_VERBS).unwrap_or(false);
            (Role::Increase, negative)
        }
        Suffix::Percent | Suffix::Times | Suffix::Bare => {
            if matches!(unit, Suffix::Percent) && b.contains("完成") && b.ends_with('的') && (b.contains("预算") || b.contains("计划") || b.contains("目标") || b.contains("任务")) {
                return (Role::Progress, false);
            }
            let share_words = b.contains('占') || b.ends_with("比重为") || b.ends_with("比重") || b.ends_with("占比") || b.ends_with("占比为");
            if share_words && matches!(unit, Suffix::Percent) {
                return (Role::Share, false);
            }
            if let Some(negative) = ends_with_verb(b, GROWTH_VERBS) {
                return (Role::Growth, negative);
            }
            if matches!(unit, Suffix::Times) {
                return (Role::Growth, false);
            }
            (Role::Value, false)
        }
        Suffix::Unit(_) => match ends_with_verb(b, INCREASE_VERBS) {
            Some(negative) => (Role::Increase, negative),
            None => (Role::Value, false),
        },
    }
}

/// The comparator of a gap: "高于自治区" → (自治区, higher); "、银川市" after a gap → the same sign.
fn gap_comparator(before: &str, last: Option<(Role, bool)>) -> Option<(String, bool)> {
    let b = before.trim_matches(|c: char| "，；：".contains(c));
    for (word, lower) in [("高于", false), ("快于", false), ("超过", false), ("超出", false), ("低于", true), ("慢于", true)] {
        if let Some(at) = b.rfind(word) {
            let comparator = b[at + word.len()..].trim_end_matches("平均水平").trim_end_matches("平均").trim();
            if !comparator.is_empty() && !is_period_word(comparator) {
                return Some((comparator.to_owned(), lower));
            }
        }
    }
    // 比X高/低 N个百分点; not 比一季度提高 (a change since a period, no region).
    if let Some(rest) = b.strip_prefix('比') {
        if ["提高", "升高", "降低", "减低", "拉低"].iter().any(|w| rest.ends_with(w)) {
            return None;
        }
        for (word, lower) in [("高", false), ("快", false), ("低", true), ("慢", true)] {
            if let Some(comparator) = rest.strip_suffix(word) {
                if !comparator.is_empty() && !is_period_word(comparator) {
                    return Some((comparator.to_owned(), lower));
                }
            }
        }
    }
    if let (Some(rest), Some((Role::Gap, lower))) = (b.strip_prefix('、'), last) {
        if !rest.is_empty() && rest.chars().count() <= 12 {
            return Some((rest.to_owned(), lower));
        }
    }
    None
}

/// Whether two parts are a thing and the rest of the whole: 国有投资 and 非国有投资, 公有经济 and
/// 非公有经济.
fn complementary(parts: &[String]) -> bool {
    let [a, b] = parts else { return false };
    b.strip_prefix('非').is_some_and(|rest| rest == a) || a.strip_prefix('非').is_some_and(|rest| rest == b)
}

/// Whether words name an earlier time rather than a region: 上年, 同期, 上年同期, 一季度, 上月,
/// 1-10月, 年初, 上半年, 2022年 — a change against them is a change since then, never a gap to a
/// comparator.
pub fn is_period_word(words: &str) -> bool {
    let w = words.trim_end_matches("平均水平").trim_end_matches("水平").trim_end_matches("同期");
    words.starts_with("上年") || words.starts_with("去年") || words.starts_with("上月") || words.starts_with("上期") || words.starts_with("年初")
        || words.starts_with(|c: char| c.is_ascii_digit())
        || w.is_empty()
        || ["季度", "半年", "月份", "月末", "年末", "上旬", "中旬", "下旬"].iter().any(|p| w.ends_with(p))
        || w.ends_with('月') && w.chars().count() <= 5
        || w.ends_with('年') && w.chars().count() <= 5
}

/// Regions listed before their gaps, "分别高于全省、全市1.8个和1.0个百分点": their names, whether
/// the place is lower (低于, 慢于), and where the list ends in the clause; `None` unless as many
/// figures in points follow as regions are listed.
fn listed_gaps(clause: &[char], tokens: &[Token]) -> Option<(Vec<String>, bool, usize)> {
    let text: String = clause.iter().collect();
    let start = text.find("分别")? + "分别".len();
    let rest = &text[start..];
    let (verb, lower) = [("高于", false), ("快于", false), ("超过", false), ("低于", true), ("慢于", true)].into_iter().find(|(v, _)| rest.starts_with(v))?;
    let list = &rest[verb.len()..];
    let end = list.find(|c: char| c.is_ascii_digit())?;
    let regions: Vec<String> = list[..end].split(['、', '和', '及', '与', ',']).map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned).collect();
    if regions.len() < 2 || regions.iter().any(|r| r.chars().count() > 8 || is_period_word(r)) {
        return None;
    }
    let list_end = text[..start + verb.len() + end].chars().count();
    let figures: Vec<&Token> = tokens.iter().filter(|t| t.start >= list_end && matches!(t.kind, Kind::Figure { .. })).take(regions.len()).collect();
    let in_points = figures.last().is_some_and(|t| matches!(&t.kind, Kind::Figure { unit: Suffix::Points, .. }));
    (figures.len() == regions.len() && in_points).then_some((regions, lower, list_end.saturating_sub(1)))
}

/// The verbs of a change since an earlier time: 增速比1-6月回落0.2个百分点.
const CHANGES: [&str; 8] = ["提高", "回落", "加快", "放缓", "上升", "下降", "收窄", "扩大"];

/// The earlier time a change is since, from the words before it: "增速比一季度提高" → 一季度;
/// "较1-5月回落" → 1-5月. `None` when the words compare with no period.
fn earlier_period(head: &str) -> Option<String> {
    let at = head.rfind(['比', '较'])?;
    let rest = &head[at + '比'.len_utf8()..];
    let end = ["提高", "回落", "下降", "上升", "增加", "减少", "加快", "放缓", "收窄", "扩大", "降低", "高", "低", "快", "慢"].iter().filter_map(|v| rest.find(v)).min()?;
    let period = rest[..end].trim();
    (!period.is_empty() && is_period_word(period) && period != "上年").then(|| period.to_owned())
}

/// The same span a year before: 2023年1-6月 → 2022年1-6月.
fn a_year_before(period: &Period) -> Option<Period> {
    let earlier = match period {
        Period::Year { year } => Period::Year { year: year - 1 },
        Period::Cumulative { year, from_month, to_month } => Period::Cumulative { year: year - 1, from_month: *from_month, to_month: *to_month },
        Period::Month { year, month } => Period::Month { year: year - 1, month: *month },
        Period::AsOf { date } => {
            let year: i32 = date.get(..4)?.parse().ok()?;
            Period::AsOf { date: format!("{}{}", year - 1, date.get(4..)?) }
        }
    };
    earlier.validate().is_ok().then_some(earlier)
}

/// What a progress figure completes, from its verb to 的: "，完成年初预算的" → 完成年初预算;
/// "占年度预算的" → 占年度预算.
fn progress_object(before: &str) -> String {
    let b = before.trim_matches(|c: char| "，；：、".contains(c)).trim_end_matches('的');
    let at = ["完成", "达到", "占"].iter().filter_map(|w| b.find(w)).min().unwrap_or(0);
    b[at..].to_owned()
}

/// The subject of a rank, the words before its verb: "收入增幅居全市第" → 收入增幅.
fn rank_subject(before: &str) -> Option<String> {
    let b = before.trim_matches(|c: char| "，；：、".contains(c));
    let at = ["位居", "位列", "排名", "排在", "居"].iter().filter_map(|w| b.find(w)).min()?;
    Some(b[..at].to_owned())
}

/// The subject of a gap, the words before its comparison: "增速高于全省" → 增速.
fn gap_subject(head: &str) -> Option<String> {
    let b = head.trim_matches(|c: char| "，；：、".contains(c));
    let at = ["高于", "快于", "超过", "超出", "低于", "慢于", "比"].iter().filter_map(|w| b.find(w)).min()?;
    Some(b[..at].to_owned())
}

/// The scope of a rank: "位居全区第" → 全区; "、全市第" → 全市.
fn rank_scope(before: &str) -> String {
    let mut b = before.trim_matches(|c: char| "，；：、".contains(c));
    b = b.strip_suffix('第').unwrap_or(b);
    for word in ["位居", "位列", "排名", "排在", "排位", "居", "列", "排"] {
        if let Some(at) = b.rfind(word) {
            b = &b[at + word.len()..];
            break;
        }
    }
    b.trim_start_matches('在').trim_end_matches('的').to_owned()
}

/// The whole a share is of: "占地方一般公共预算收入的" → 地方一般公共预算收入.
fn share_of(before: &str) -> Option<String> {
    let at = before.rfind('占')?;
    let rest = &before[at + '占'.len_utf8()..];
    let rest = match rest.find("比重").or_else(|| rest.find("份额")) {
        Some(at) => &rest[..at],
        None => rest.trim_end_matches(['为', '达']),
    };
    let rest = rest.trim_end_matches('的');
    (!rest.is_empty()).then(|| rest.to_owned())
}

/// A name's words that belong to a share, not to the indicator.
fn strip_share_words(name: &str) -> String {
    let name = match name.find('占') {
        Some(at) if at > 0 => &name[..at],
        _ => name,
    };
    let name = name.strip_suffix("比重").or_else(|| name.strip_suffix("占比")).map_or(name, |n| n.trim_end_matches('的'));
    name.to_owned()
}

/// What a contribution is to: "拉动投资增长" → 投资.
fn contribution_target(before: &str) -> Option<String> {
    let at = ["拉动", "带动", "拉低", "下拉", "拖累"].iter().filter_map(|w| before.rfind(w)).max()?;
    let rest = &before[at + "拉动".len()..];
    let rest = rest.trim_end_matches('了').trim_end_matches("增长").trim_end_matches("下降").trim_end_matches("增速").trim_end_matches("下降").trim_end_matches("增长");
    let rest = rest.trim_start_matches("全区").trim_start_matches("全市").trim_start_matches("全县").trim_start_matches("全旗");
    // 规上 is short for 规模以上.
    let rest = rest.replacen("规上", "规模以上", 1);
    (!rest.is_empty()).then_some(rest)
}

/// What a split is by: 分城乡看 → 城乡; 按性别分 → 性别.
fn split_name(words: &str) -> Option<String> {
    let words = words.trim_start_matches('在');
    let by = if let Some(rest) = words.strip_prefix('从') {
        rest.strip_suffix("来看").or_else(|| rest.strip_suffix('看'))
    } else if let Some(rest) = words.strip_prefix('分') {
        rest.strip_suffix('看').or_else(|| rest.strip_suffix("来看")).or(Some(rest).filter(|r| r.chars().count() <= 6))
    } else if let Some(rest) = words.strip_prefix('按') {
        if rest.ends_with("计算") || rest.ends_with("价格") {
            None
        } else {
            rest.strip_suffix("划分").or_else(|| rest.strip_suffix("分组")).or_else(|| rest.strip_suffix('分')).or_else(|| rest.strip_suffix("来看")).or_else(|| rest.strip_suffix('看'))
        }
    } else {
        None
    }?;
    let by = by.trim_end_matches("来").trim_start_matches('按');
    (!by.is_empty() && by.chars().count() <= 10).then(|| by.to_owned())
}

/// The growth basis named in the words before a figure.
fn basis_in(before: &str) -> Option<GrowthBasis> {
    if before.contains("比上年末") || before.contains("较上年末") || before.contains("比年初") || before.contains("较年初") {
        Some(GrowthBasis::PreviousYearEnd)
    } else if before.contains("比上年") || before.contains("较上年") || before.contains("比去年") || before.contains("与上年") {
        Some(GrowthBasis::PreviousYear)
    } else if before.contains("同比") || before.contains("比上年同期") {
        Some(GrowthBasis::YearOnYear)
    } else {
        None
    }
}

/// Prices of a growth: comparable for output and value added (by rule, 生产总值 / 增加值 /
/// 总产值), or when the sentence said so; current for money.
pub fn prices(fact: &DraftFact) -> Option<Prices> {
    let name = &fact.name;
    // Output and value added grow at comparable prices (农林牧渔业总产值, 工业总产值), except the
    // construction industry's output, which its statistics report at current prices (建筑业统计
    // 报表制度: 建筑业总产值按当年价格计算) unless the text says otherwise.
    let output = name.contains("总产值") && !name.contains("建筑业");
    if fact.comparable || name.contains("生产总值") || name.contains("增加值") || output {
        return Some(Prices::Comparable);
    }
    let money = fact.value.as_ref().or(fact.increase.as_ref()).is_some_and(|q| matches!(q.unit, Unit::YiYuan | Unit::WanYuan | Unit::Yuan));
    let money_words = ["收入", "支出", "投资", "零售额", "销售额", "利润", "成本", "产值", "税", "消费", "贷款", "存款"];
    (money || money_words.iter().any(|w| name.contains(w))).then_some(Prices::Current)
}


#[cfg(test)]
mod tests {
    use crate::fact::{Fact, GrowthBasis, GrowthForm, Prices};
    use crate::release::{Period, Release};
    use crate::structure::BreakdownKind;

    /// Reads a bulletin of one section around `body`.
    fn read(body: &str) -> Release {
        let text = format!("某县2022年国民经济和社会发展统计公报\n\n某县统计局\n\n一、综合\n\n{body}\n");
        let (release, report) = crate::import::text::import(&text, "test").unwrap_or_else(|e| panic!("{body}: {e}"));
        assert!(report.unparsed.is_empty(), "{body}: {:?}", report.unparsed);
        release
    }

    fn fact<'a>(release: &'a Release, name: &str) -> &'a Fact {
        release.facts.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no {name} in {:?}", release.facts.iter().map(|f| &f.name).collect::<Vec<_>>()))
    }

    /// One row: a sentence, the fact's name, its value and unit, its growth and form.
    type Row<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>, Option<(&'a str, GrowthForm)>);

    #[test]
    fn values_and_growth_read_from_the_usual_phrasings() {
        let rows: Vec<Row> = vec![
            ("全年实现社会消费品零售总额56.3亿元，比上年下降2.1%。", "社会消费品零售总额", Some(("56.3", "亿元")), Some(("-2.1", GrowthForm::Percent))),
            ("全县共有医疗卫生机构215个。", "医疗卫生机构", Some(("215", "个")), None),
            ("第一产业投资同比增长2.5倍。", "第一产业投资", None, Some(("2.5", GrowthForm::Times))),
            ("蔬菜产量12.4万吨，增长3.5。", "蔬菜产量", Some(("12.4", "万吨")), Some(("3.5", GrowthForm::Bare))),
            ("工业产品销售率为98.6%。", "工业产品销售率", Some(("98.6", "%")), None),
            ("全年接待国内游客320.5万人次，增长28.1%。", "国内游客", Some(("320.5", "万人次")), Some(("28.1", GrowthForm::Percent))),
            ("全年新建农村光缆120芯。", "新建农村光缆", Some(("120", "芯")), None),
            ("年末全县户籍人口达到52.3万人，比上年末减少0.4%。", "户籍人口", Some(("52.3", "万人")), Some(("-0.4", GrowthForm::Percent))),
            ("规模以上工业企业实现利润总额 12.6 亿元，增长 15.0%。", "规模以上工业企业利润总额", Some(("12.6", "亿元")), Some(("15.0", GrowthForm::Percent))),
            ("全年粮食产量９．６万吨，下降１．２％。", "粮食产量", Some(("9.6", "万吨")), Some(("-1.2", GrowthForm::Percent))),
            ("一般公共预算收入完成12,345万元，同比增长6.7%。", "一般公共预算收入", Some(("12345", "万元")), Some(("6.7", GrowthForm::Percent))),
        ];
        for (sentence, name, value, growth) in rows {
            let release = read(sentence);
            let f = fact(&release, name);
            assert_eq!(f.value.as_ref().map(|v| (v.amount.to_string(), v.unit.symbol().to_owned())), value.map(|(a, u)| (a.to_owned(), u.to_owned())), "{sentence}");
            assert_eq!(f.growth.as_ref().map(|g| (g.rate.to_string(), g.form)), growth.map(|(r, form)| (r.to_owned(), form)), "{sentence}");
        }
    }

    #[test]
    fn basis_prices_and_periods_follow_the_words_and_the_release() {
        let release = read("年末金融机构人民币各项存款余额320.5亿元，比上年末增长8.1%。全年地区生产总值200亿元，增长6.0%。全年旅游收入30亿元，同比增长12.0%。");
        let deposits = fact(&release, "金融机构人民币各项存款余额");
        assert_eq!(deposits.period, Some(Period::AsOf { date: "2022-12-31".into() }));
        assert_eq!(deposits.growth.as_ref().unwrap().basis, GrowthBasis::PreviousYearEnd);
        let gdp = fact(&release, "地区生产总值");
        assert_eq!(gdp.growth.as_ref().unwrap().basis, GrowthBasis::PreviousYear);
        assert_eq!(gdp.growth.as_ref().unwrap().prices, Some(Prices::Comparable));
        let tourism = fact(&release, "旅游收入");
        assert_eq!(tourism.growth.as_ref().unwrap().basis, GrowthBasis::YearOnYear);
        assert_eq!(tourism.growth.as_ref().unwrap().prices, Some(Prices::Current));
        let output = read("全年农林牧渔业总产值50.2亿元，增长4.1%。全年建筑业总产值39.5亿元，比上年增长20.7%。");
        assert_eq!(fact(&output, "农林牧渔业总产值").growth.as_ref().unwrap().prices, Some(Prices::Comparable));
        assert_eq!(fact(&output, "建筑业总产值").growth.as_ref().unwrap().prices, Some(Prices::Current));
        // In a report of months, 同比 over the months is cumulative.
        let (months, _) = crate::import::text::import("某区2023年1-9月主要经济指标\n\n1-9月，全区社会消费品零售总额45.6亿元，同比增长5.5%。9月当月产销率97.1%。", "t").unwrap();
        assert_eq!(months.period, Period::Cumulative { year: 2023, from_month: 1, to_month: 9 });
        assert_eq!(fact(&months, "社会消费品零售总额").growth.as_ref().unwrap().basis, GrowthBasis::CumulativeYearOnYear);
        assert_eq!(fact(&months, "产销率").period, Some(Period::Month { year: 2023, month: 9 }));
    }

    #[test]
    fn increases_gaps_ranks_shares_and_contributions() {
        let release = read("城镇居民人均可支配收入42000元，比上年增加1800元，增长4.5%。年末规模以上工业企业资产负债率55.1%，比上年末提高1.2个百分点。全年固定资产投资增长9.2%，高于全省3.1个百分点、全市1.5个百分点，位居全市第3位、全省第15位。其中，工业投资增长15.3%，拉动投资增长4.8个百分点，占全部投资的比重为31.2%。一般公共预算支出18.5亿元，同比增支2.1亿元。");
        let income = fact(&release, "城镇居民人均可支配收入");
        assert_eq!(income.increase.as_ref().unwrap().amount.to_string(), "1800");
        let debt = fact(&release, "规模以上工业企业资产负债率");
        assert_eq!(debt.increase.as_ref().map(|q| (q.amount.to_string(), q.unit.symbol().to_owned())), Some(("1.2".into(), "个百分点".into())));
        let investment = fact(&release, "固定资产投资");
        let gaps: Vec<(String, String)> = investment.gaps.iter().map(|g| (g.comparator.clone(), g.points.to_string())).collect();
        assert_eq!(gaps, [("全省".to_owned(), "3.1".to_owned()), ("全市".to_owned(), "1.5".to_owned())]);
        let ranks: Vec<(String, u32)> = investment.ranks.iter().map(|r| (r.scope.clone(), r.rank)).collect();
        assert_eq!(ranks, [("全市".to_owned(), 3), ("全省".to_owned(), 15)]);
        let industrial = fact(&release, "工业投资");
        assert_eq!(industrial.contribution.as_ref().map(|c| (c.to.as_str(), c.points.to_string())), Some((investment.id.as_str(), "4.8".into())));
        assert_eq!(industrial.share.as_ref().map(|s| (s.of.as_str(), s.percent.to_string())), Some((investment.id.as_str(), "31.2".into())));
        let spending = fact(&release, "一般公共预算支出");
        assert_eq!(spending.increase.as_ref().unwrap().amount.to_string(), "2.1");
        // Lower is negative.
        let lower = read("全年一般公共预算收入8.2亿元，下降3.0%，低于全市2.4个百分点，比上年减收0.3亿元。");
        let revenue = fact(&lower, "一般公共预算收入");
        assert_eq!(revenue.gaps[0].points.to_string(), "-2.4");
        assert_eq!(revenue.increase.as_ref().unwrap().amount.to_string(), "-0.3");
    }

    #[test]
    fn structures_are_read_from_lists_and_splits() {
        let release = read("全年地区生产总值150亿元，增长5.0%。其中，第一产业增加值20亿元，增长3.0%；第二产业增加值60亿元，增长6.0%；第三产业增加值70亿元，增长5.0%。三次产业结构比为13.3:40.0:46.7。年末常住人口20.5万人，按性别分，男性10.4万人，占50.7%；女性10.1万人，占49.3%。全年肉类总产量2.1万吨，其中，猪肉产量1.2万吨。全年社会消费品零售总额30亿元，增长4.0%。分城乡看，城镇消费品零售额25亿元，增长3.8%；乡村消费品零售额5亿元，增长5.1%。");
        let by = |total: &str| -> Vec<(String, BreakdownKind, Vec<String>)> {
            let id = &fact(&release, total).id;
            release
                .breakdowns
                .iter()
                .filter(|b| &b.total == id)
                .map(|b| (b.name.clone(), b.kind, b.parts.iter().map(|p| release.fact(p).unwrap().name.clone()).collect()))
                .collect()
        };
        assert_eq!(by("地区生产总值"), [("三次产业".to_owned(), BreakdownKind::Exhaustive, vec!["第一产业增加值".to_owned(), "第二产业增加值".into(), "第三产业增加值".into()])]);
        assert_eq!(by("常住人口"), [("性别".to_owned(), BreakdownKind::Exhaustive, vec!["男性".to_owned(), "女性".into()])]);
        assert_eq!(by("肉类总产量"), [("其中：肉类总产量".to_owned(), BreakdownKind::Partial, vec!["猪肉产量".to_owned()])]);
        assert_eq!(by("社会消费品零售总额")[0].1, BreakdownKind::Exhaustive);
        let ratio = &release.ratios[0];
        assert_eq!(ratio.labels, ["第一产业", "第二产业", "第三产业"]);
        assert_eq!(ratio.breakdown.as_deref(), Some(release.breakdowns[0].id.as_str()));
        assert!(fact(&release, "男性").share.as_ref().is_some_and(|s| s.of == fact(&release, "常住人口").id));
    }

    #[test]
    fn national_bulletin_phrasings() {
        let release = read("全年国内生产总值1260582亿元，比上年增长5.2%。其中，第一产业增加值89755亿元，增长4.1%；第二产业增加值482589亿元，增长4.7%；第三产业增加值688238亿元，增长5.8%。第一产业增加值占国内生产总值比重为7.1%，第二产业增加值比重为38.3%。全员劳动生产率为161615元/人，比上年提高5.7%。年末全国人口140967万人，比上年末减少208万人，其中60周岁及以上人口29697万人，占全国人口的21.1%。年末生猪存栏43422万头，比上年末下降4.1%；全年生猪出栏72662万头，增长3.8%。全年粮食产量69541万吨，比上年增加888万吨，增产1.3%。");
        let gdp = fact(&release, "国内生产总值");
        let primary = fact(&release, "第一产业增加值");
        assert_eq!(primary.share.as_ref().map(|s| (s.of.as_str(), s.percent.to_string())), Some((gdp.id.as_str(), "7.1".into())));
        assert_eq!(fact(&release, "第二产业增加值").share.as_ref().map(|s| s.percent.to_string()), Some("38.3".into()));
        assert_eq!(fact(&release, "全员劳动生产率").value.as_ref().map(|v| v.unit.symbol().to_owned()), Some("元/人".into()));
        assert!(fact(&release, "60周岁及以上人口").share.is_some());
        let slaughter = fact(&release, "生猪出栏");
        assert_eq!(slaughter.period, None);
        assert_eq!(slaughter.growth.as_ref().unwrap().basis, GrowthBasis::PreviousYear);
        assert_eq!(fact(&release, "生猪存栏").growth.as_ref().unwrap().basis, GrowthBasis::PreviousYearEnd);
        let grain = fact(&release, "粮食产量");
        assert_eq!(grain.increase.as_ref().unwrap().amount.to_string(), "888");
        assert_eq!(grain.growth.as_ref().unwrap().rate.to_string(), "1.3");
    }

    #[test]
    fn changes_since_the_start_of_the_year_and_net_changes() {
        let release = read("年末金融机构各项存款余额356.2亿元，较年初增加28.4亿元，增长8.7%。全县规模以上工业企业达到86家，比上年净增5家。");
        let deposits = fact(&release, "金融机构各项存款余额");
        assert_eq!(deposits.increase.as_ref().unwrap().amount.to_string(), "28.4");
        assert_eq!(deposits.growth.as_ref().unwrap().basis, GrowthBasis::PreviousYearEnd);
        assert_eq!(fact(&release, "规模以上工业企业").increase.as_ref().unwrap().amount.to_string(), "5");
        assert_eq!(release.facts.len(), 2);
    }

    #[test]
    fn a_ratio_changed_from_an_earlier_time_is_two_ratios_of_one_name() {
        let rows = [
            ("三次产业结构由上年的10.2:40.3:49.5调整为9.8:41.0:49.2。", "三次产业结构", "上年"),
            ("城乡居民收入比由去年的2.35:1缩小为2.31:1。", "城乡居民收入比", "去年"),
            ("三次产业结构比由2021年的8.0:42.0:50.0调整为7.5:43.0:49.5。", "三次产业结构比", "上年"),
        ];
        for (sentence, name, when) in rows {
            let release = read(sentence);
            let names: Vec<&str> = release.ratios.iter().map(|r| r.name.as_str()).collect();
            assert_eq!(names, [format!("{name}（{when}）").as_str(), name], "{sentence}");
            assert_eq!(release.ratios[0].breakdown, None, "{sentence}");
        }
        // Two ratios of different names in one clause keep their own names.
        let release = read("城乡居民收入比为2.1:1、城乡居民消费比为1.8:1。");
        let names: Vec<&str> = release.ratios.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["城乡居民收入比", "城乡居民消费比"]);
    }

    #[test]
    fn ranks_and_gaps_of_a_growth_word_belong_to_the_fact_that_grew() {
        /// A text, the fact, its ranks (scope, rank) and its gaps (comparator, points).
        type Row<'a> = (&'a str, &'a str, Vec<(&'a str, u32)>, Vec<(&'a str, &'a str)>);
        let rows: Vec<Row> = vec![
            ("全年税收收入5.2亿元，增长6.1%。收入增幅居全省第5位，高于全省平均1.3个百分点。", "税收收入", vec![("全省", 5)], vec![("全省", "1.3")]),
            ("全年工业增加值30亿元，增长7.0%，总量居全市第2位。增速低于全市0.4个百分点，居全市第6位。", "工业增加值", vec![("全市", 2), ("全市", 6)], vec![("全市", "-0.4")]),
            ("全年旅游收入8亿元，比上年增长12%；接待游客90万人次。旅游收入增长速度居全区第1位。", "旅游收入", vec![("全区", 1)], vec![]),
        ];
        for (text, name, ranks, gaps) in rows {
            let release = read(text);
            let f = fact(&release, name);
            let got: Vec<(&str, u32)> = f.ranks.iter().map(|r| (r.scope.as_str(), r.rank)).collect();
            assert_eq!(got, ranks, "{text}");
            let got: Vec<(String, String)> = f.gaps.iter().map(|g| (g.comparator.clone(), g.points.to_string())).collect();
            let want: Vec<(String, String)> = gaps.iter().map(|(c, p)| ((*c).to_owned(), (*p).to_owned())).collect();
            assert_eq!(got, want, "{text}");
        }
        // 平均 goes from the comparator into a note.
        let release = read("全年税收收入5.2亿元，增长6.1%。收入增幅高于全省平均1.3个百分点。");
        assert!(fact(&release, "税收收入").note.as_deref().is_some_and(|n| n.contains("全省平均")));
    }

    #[test]
    fn progress_against_a_plan_is_a_rate_named_by_its_subject() {
        let rows = [
            ("全年一般公共预算支出20.3亿元，增长3.1%，完成年度预算的96.2%。", "一般公共预算支出完成年度预算", "96.2"),
            ("税收收入4.1亿元，完成年初预算的48.0%。", "税收收入完成年初预算", "48.0"),
            ("全年固定资产投资增长9%，完成年度计划的102.5%。", "固定资产投资完成年度计划", "102.5"),
            ("非税收入1.2亿元，完成预算的31.5%。", "非税收入完成预算", "31.5"),
            ("政府性基金收入3.3亿元，增长2%。政府性基金收入完成年度预算的40.2%。", "政府性基金收入完成年度预算", "40.2"),
        ];
        for (text, name, percent) in rows {
            let release = read(text);
            let value = fact(&release, name).value.as_ref().map(|v| (v.amount.to_string(), v.unit.symbol().to_owned()));
            assert_eq!(value, Some((percent.to_owned(), "%".to_owned())), "{text}");
            // The subject stays the sentence's subject: no breakdown of the rate.
            assert!(release.breakdowns.is_empty(), "{text}");
        }
    }

    #[test]
    fn repeated_level_names_are_named_with_their_totals() {
        let release = read("全口径税收收入4.2亿元。其中：中央级2.0亿元，占47.6%；地方级2.2亿元，占52.4%。全口径非税收入1.0亿元。其中：中央级0.1亿元，占10%；地方级0.9亿元，占90%。");
        let names: Vec<&str> = release.facts.iter().map(|f| f.name.as_str()).collect();
        assert!(names.contains(&"中央级（全口径税收收入）") && names.contains(&"中央级（全口径非税收入）"), "{names:?}");
        assert!(release.breakdowns.iter().all(|b| b.kind == BreakdownKind::Exhaustive && b.name == "收入级次"));
    }
}
