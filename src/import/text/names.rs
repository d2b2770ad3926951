//! Indicator names as bulletins print them, cut free of the words around them, and the ids the
//! draft gives its facts: a bundled release's id when the name is one of its facts', else a
//! stable slug.

use std::collections::{HashMap, HashSet};

/// Words that frame a figure at the start of a name and are not part of it.
const LEADING: &[&str] = &[
    "其中", "另外", "此外", "同时", "而", "全年", "年末", "年底", "年初", "当年", "本年", "全区", "全市", "全县", "全旗", "本区", "本市",
    "本县", "累计", "当月", "上半年", "下半年", "前三季度", "一季度", "二季度", "三季度", "四季度", "今年以来", "今年", "共有", "共计", "共实现", "共完成", "共接待", "共收到", "已", "初步核算", "据初步统计", "据统计", "合计", "共计", "总计", "以及",
];

/// Predicate words that end the words before a figure and are not part of the name, longest
/// first within each group.
const TRAILING: &[&str] = &[
    "比上年末", "比上年同期", "比上年", "比上月", "比去年", "比年初", "较年初", "较上月", "较上年末", "较上年", "较去年", "净增", "净减", "与上年", "同比", "环比", "同口径", "增长了", "增长", "下降了", "下降",
    "回落", "提高", "上升", "上涨", "下跌", "减低", "放缓", "调整", "增产", "减产", "增加", "减少", "降低", "下滑", "增速为", "增速", "增幅为", "增幅", "增收", "增支", "减收", "减支", "达到", "达", "为",
    "是", "共有", "有", "约", "合计", "共计", "总计", "累计", "完成", "实现", "入库", "征收", "分别", "已", "了", "总量为", "规模为", "共", "的", "均", "多", "少",
];

/// A name cut free: framing words, a leading place ("西夏区"), a period ("2月累计") and the
/// predicate words before the figure taken off; "X实现Y" and "X完成Y" read as "XY", except that
/// 完成投资 is a name of its own.
///
/// ```
/// use xixia_stats::import::text::names::name;
/// assert_eq!(name("西夏区实现地区生产总值"), "地区生产总值");
/// assert_eq!(name("建设项目完成投资同比增长"), "建设项目完成投资");
/// ```
pub fn name(words: &str) -> String {
    let mut s: String = words.trim_matches(|c: char| "，；：、。“”《》 ".contains(c)).to_owned();
    // A bracket left open by the clause's cut, not one the name holds ("地区生产总值（GDP）").
    if !s.contains('）') {
        s = s.replace('（', "");
    }
    if !s.contains('（') {
        s = s.replace('）', "");
    }
    for _ in 0..8 {
        let before = s.clone();
        for word in LEADING {
            if let Some(rest) = s.strip_prefix(word) {
                if !rest.is_empty() {
                    s = rest.to_owned();
                }
            }
        }
        s = strip_place(&s);
        s = s.trim_start_matches(|c: char| "，、：".contains(c)).to_owned();
        if s == before {
            break;
        }
    }
    // A framing word inside the name starts the indicator's words: "粮食全年农作物播种面积"
    // (a run-in lead word, then 全年) → 农作物播种面积.
    for word in ["全年", "年末", "年底"] {
        if let Some(at) = s.find(word).filter(|&at| at > 0) {
            let rest = &s[at + word.len()..];
            if rest.chars().count() >= 2 {
                s = rest.to_owned();
            }
        }
    }
    s = strip_place(&s);
    for word in LEADING {
        if let Some(rest) = s.strip_prefix(word) {
            if !rest.is_empty() {
                s = rest.to_owned();
            }
        }
    }
    // An enumeration's lead: 一是, 二是 …
    let mut chars = s.chars();
    if let (Some(n), Some('是')) = (chars.next(), chars.next()) {
        if "一二三四五六七八九十".contains(n) && s.chars().count() > 3 {
            s = s.chars().skip(2).collect();
        }
    }
    for verb in ["实现", "完成", "接待", "形成"] {
        while let Some(at) = s.find(verb) {
            let after = &s[at + verb.len()..];
            if verb == "完成" && after.starts_with("投资") {
                break;
            }
            if after.is_empty() {
                break;
            }
            s = format!("{}{}", &s[..at], after);
        }
    }
    for _ in 0..8 {
        let before = s.clone();
        for word in TRAILING {
            if let Some(rest) = s.strip_suffix(word) {
                if !rest.is_empty() || *word != "的" {
                    s = rest.to_owned();
                }
            }
        }
        s = s.trim_end_matches(|c: char| "，、：".contains(c)).to_owned();
        if s == before {
            break;
        }
    }
    s
}

/// A leading place name of the district's own kind (西夏区, 兴庆区, 永宁县): two to four 汉字 ending
/// in 区, 县, 市 or 旗, when more follows and it is not a level (自治区级, 银川市级).
fn strip_place(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    for len in 2..=4usize {
        let Some(&last) = chars.get(len.saturating_sub(1)) else { break };
        if !"区县市旗".contains(last) {
            continue;
        }
        let head: String = chars[..len].iter().collect();
        let generic = ["地区", "社区", "园区", "城区", "辖区", "小区", "景区", "片区", "库区", "牧区", "山区", "矿区", "城市", "都市", "超市", "门市", "上市", "股市", "楼市", "车市", "郊县"];
        if head.contains(['在', '的', '中', '和', '及', '级', '位']) || head.starts_with("自治") || generic.iter().any(|g| head.ends_with(g)) {
            return s.to_owned();
        }
        let rest: String = chars[len..].iter().collect();
        // 新登记市场主体: 市 begins a word (市场, 区域, 县域, 市民, 区间), no place ends there.
        if rest.starts_with(['场', '域', '民', '间', '容', '值', '属']) {
            return s.to_owned();
        }
        if rest.chars().count() >= 2 && !rest.starts_with(['级', '区', '县', '市']) {
            return rest;
        }
        return s.to_owned();
    }
    s.to_owned()
}

/// Words of a name that only qualify the figure and make no indicator by themselves: "同口径".
pub fn is_qualifier(name: &str) -> bool {
    name.is_empty() || matches!(name, "同口径" | "可比口径" | "同比" | "其中" | "分别" | "现价" | "按现价计算" | "按可比价格计算")
}

/// A bundled ratio: its id, its breakdown's id, its English name and labels.
pub type KnownRatio = (String, Option<String>, Option<String>, Vec<String>);

/// Ids of a bundled release's facts, breakdowns and ratios by name, so that a draft of a
/// published release gets the same ids (and the catalogue's charts and the diff find them).
#[derive(Debug, Default)]
pub struct Known {
    pub facts: HashMap<String, (String, Option<String>)>,
    /// (total id, sorted part ids) → (breakdown id, English name).
    pub breakdowns: HashMap<(String, Vec<String>), (String, Option<String>)>,
    /// (name, breakdown id) → (ratio id, English name, English labels).
    pub ratios: HashMap<String, KnownRatio>,
    /// (table title without year) → row labels → (row id, English label).
    pub rows: HashMap<String, (String, Option<String>)>,
    pub columns: HashMap<String, Option<String>>,
}

impl Known {
    /// From the bundled indicator registry and releases; empty when they do not load (they always
    /// do).
    pub fn bundled() -> Known {
        let mut known = Known::default();
        // The indicator registry first: its names and other names are the indicators' own ids,
        // whichever release used a name first.
        for (name, indicator) in crate::bundled::registry().names() {
            known.facts.entry(name.to_owned()).or_insert_with(|| (indicator.id.clone(), indicator.name_en.clone()));
        }
        let Ok(releases) = crate::bundled::all() else { return known };
        for release in &releases {
            for fact in &release.facts {
                known.facts.entry(fact.name.clone()).or_insert_with(|| (fact.id.clone(), fact.name_en.clone()));
            }
            for b in &release.breakdowns {
                let mut parts = b.parts.clone();
                parts.sort();
                known.breakdowns.entry((b.total.clone(), parts)).or_insert_with(|| (b.id.clone(), b.name_en.clone()));
            }
            for r in &release.ratios {
                known.ratios.entry(r.name.clone()).or_insert_with(|| (r.id.clone(), r.breakdown.clone(), r.name_en.clone(), r.labels_en.clone()));
            }
            for t in &release.tables {
                for row in &t.rows {
                    known.rows.entry(row.label.clone()).or_insert_with(|| (row.id.clone(), row.label_en.clone()));
                }
                for c in &t.columns {
                    known.columns.entry(c.label.clone()).or_insert_with(|| c.label_en.clone());
                }
            }
        }
        known
    }
}

/// Hands out ids: each at most once.
#[derive(Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
    next: usize,
}

impl Ids {
    /// `wanted` if free and a valid id (`[a-z0-9-]`), else `<prefix>-<n>`.
    pub fn take(&mut self, wanted: Option<&str>, prefix: &str) -> String {
        if let Some(id) = wanted.filter(|id| is_id(id) && !self.used.contains(*id)) {
            self.used.insert(id.to_owned());
            return id.to_owned();
        }
        loop {
            self.next += 1;
            let id = format!("{prefix}-{}", self.next);
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// Whether an id is ASCII lower-case letters, digits and hyphens.
pub fn is_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cut_free_of_framing_and_predicates() {
        let rows = [
            ("西夏区实现地区生产总值", "地区生产总值"),
            ("全年完成地方一般公共预算收入", "地方一般公共预算收入"),
            ("其中，第一产业增加值", "第一产业增加值"),
            ("规模以上工业增加值同比增长", "规模以上工业增加值"),
            ("服务业实现增加值", "服务业增加值"),
            ("建设项目完成投资同比增长", "建设项目完成投资"),
            ("年末生猪存栏", "生猪存栏"),
            ("西夏区常住人口为", "常住人口"),
            ("居住在城镇的人口为", "居住在城镇的人口"),
            ("自治区级", "自治区级"),
            ("银川市级", "银川市级"),
            ("兴庆区社会消费品零售总额比上年", "社会消费品零售总额"),
            ("税收收入完成", "税收收入"),
            ("国有控股企业增加值增长", "国有控股企业增加值"),
            ("永宁县全年接待游客", "游客"),
            // Verbs of collection: 入库, 征收, 累计完成, 实现收入 stay out of the name.
            ("印花税入库", "印花税"),
            ("耕地占用税征收", "耕地占用税"),
            ("资源税累计完成", "资源税"),
            ("土地增值税累计入库", "土地增值税"),
            ("旅游业实现收入", "旅游业收入"),
        ];
        for (words, expected) in rows {
            assert_eq!(name(words), expected, "{words}");
        }
    }

    #[test]
    fn ids_are_handed_out_once() {
        let mut ids = Ids::default();
        assert_eq!(ids.take(Some("gdp"), "f"), "gdp");
        assert_eq!(ids.take(Some("gdp"), "f"), "f-1");
        assert_eq!(ids.take(Some("中文"), "f"), "f-2");
        assert_eq!(ids.take(None, "b"), "b-3");
    }
}
