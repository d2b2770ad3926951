//! Charts that compare: indicators' growth against other regions (derived from the stated gaps),
//! and structure ratios side by side, of this release and earlier ones.

use rust_decimal::Decimal;

use super::{series, terms, Builder};
use crate::chart::spec::{self, RatioRef};
use crate::release::ReleaseKind;
use crate::chart::data::{ChartData, ChartError, SeriesData};
use crate::chart::format::{self, Lang};
use crate::compute::growth::comparator_value;
use crate::fact::{Gap, GrowthBasis, StatedRank};
use crate::release::{Period, Release};

impl Builder<'_> {
    /// The growth of indicators with stated gaps to other regions, each region's derived from
    /// the gap: the 1–11月 indicators against 自治区 and 银川市.
    pub(super) fn indicators_vs_region(&self, ids: &[String]) -> Result<ChartData, ChartError> {
        let mut categories = Vec::new();
        let mut own = Vec::new();
        // Comparators by their Chinese name, with the name shown and one derived value per indicator.
        let mut comparators: Vec<(String, String, Vec<Option<Decimal>>)> = Vec::new();
        let mut clauses = Vec::new();
        let mut basis = None;
        for id in ids {
            let (fact, growth) = self.growth(id)?;
            let percent = growth.percent();
            let name = self.fact_name(fact)?;
            categories.push(name.to_owned());
            own.push(percent);
            basis = basis.or(Some(growth.basis));
            for gap in &fact.gaps {
                let derived = comparator_value(percent, gap.points).ok();
                match comparators.iter_mut().find(|(zh, ..)| *zh == gap.comparator) {
                    Some((.., values)) => values.push(derived),
                    None => comparators.push((gap.comparator.clone(), self.comparator(gap)?.to_owned(), vec![derived])),
                }
            }
            let amount = fact.value.as_ref().map(|v| self.amount(v.amount, &v.unit));
            let mut clause = self.stated(name, amount, Some(self.lead_growth(growth)));
            for part in [self.gaps(&fact.gaps)?, self.ranks(&fact.ranks)?] {
                if !part.is_empty() {
                    clause += &self.words("，", ", ");
                    clause += &part;
                }
            }
            clauses.push(clause);
        }
        let (place_zh, place_en) = self.place();
        let mut all_series = vec![series(&self.words(&place_zh, &place_en), &own, format::percent)];
        for (_, name, values) in &comparators {
            let labels = values.iter().map(|v| v.map(|v| format!("{}*", format::percent(v))).unwrap_or_default()).collect();
            let name = match self.lang {
                Lang::Zh => format!("{name}（推算）"),
                Lang::En => format!("{name} (derived)"),
            };
            all_series.push(SeriesData { name, values: values.clone(), labels });
        }
        let mut data = self.data("%", categories, all_series, &self.words("指标", "Indicator"))?;
        let names: Vec<String> = comparators.iter().map(|c| c.1.clone()).collect();
        let growth = match basis {
            Some(GrowthBasis::YearOnYear | GrowthBasis::CumulativeYearOnYear) => self.words("同比增速", "Year-on-year growth"),
            _ => self.words("增速", "Growth"),
        };
        data.subtitle = self.subtitle(&format!("{} · {growth}", data.period), "%");
        data.notes.push(match self.lang {
            Lang::Zh => format!("* {}增速由公报“高于…个百分点”推算：{place_zh}增速 − 百分点差。", names.join("、")),
            Lang::En => format!(
                "* Growth of {} is derived from the bulletin's gaps in percentage points: {place_en}'s growth minus the gap.",
                format::join_en(&names)
            ),
        });
        let separator = self.words("；", "; ");
        data.description = match self.lang {
            Lang::Zh => format!("{}{}。", self.lead(&self.release.period), clauses.join(&separator)),
            Lang::En => format!("{}{}.", self.lead(&self.release.period), clauses.join(&separator)),
        };
        Ok(data)
    }

    fn comparator<'g>(&self, gap: &'g Gap) -> Result<&'g str, ChartError> {
        self.named(&gap.comparator, gap.comparator_en.as_deref(), || format!("比较对象“{}”", gap.comparator))
    }

    /// Gaps as the bulletin states them: "高于自治区9.9个百分点、银川市6.3个百分点", the word
    /// said again only when the sign changes: "高于自治区1.2个百分点、低于银川市0.5个百分点".
    pub(super) fn gaps(&self, gaps: &[Gap]) -> Result<String, ChartError> {
        let mut parts = Vec::new();
        let mut previous: Option<std::cmp::Ordering> = None;
        for gap in gaps {
            let name = self.comparator(gap)?;
            let sign = gap.points.cmp(&Decimal::ZERO);
            let points = gap.points.abs();
            parts.push(match (self.lang, sign) {
                (Lang::Zh, std::cmp::Ordering::Equal) => format!("与{name}持平"),
                (Lang::Zh, _) if previous == Some(sign) => format!("{name}{points}个百分点"),
                (Lang::Zh, std::cmp::Ordering::Greater) => format!("高于{name}{points}个百分点"),
                (Lang::Zh, std::cmp::Ordering::Less) => format!("低于{name}{points}个百分点"),
                (Lang::En, std::cmp::Ordering::Equal) => format!("level with {name}"),
                (Lang::En, std::cmp::Ordering::Greater) => format!("{points} percentage points above {name}"),
                (Lang::En, std::cmp::Ordering::Less) => format!("{points} percentage points below {name}"),
            });
            previous = Some(sign);
        }
        Ok(match self.lang {
            Lang::Zh => parts.join("、"),
            Lang::En => format::join_en(&parts),
        })
    }

    /// Ranks as the bulletin states them: "位居全区第4位、全市第2位", "ranking 4th in Ningxia and
    /// 2nd in Yinchuan".
    pub(super) fn ranks(&self, ranks: &[StatedRank]) -> Result<String, ChartError> {
        if ranks.is_empty() {
            return Ok(String::new());
        }
        let mut parts = Vec::new();
        for rank in ranks {
            let scope = self.named(&rank.scope, rank.scope_en.as_deref(), || format!("排名范围“{}”", rank.scope))?;
            parts.push(match self.lang {
                Lang::Zh => format!("{scope}第{}位", rank.rank),
                Lang::En => format!("{} {scope}", format::ordinal_en(rank.rank)),
            });
        }
        Ok(match self.lang {
            Lang::Zh => format!("位居{}", parts.join("、")),
            Lang::En => format!("ranking {}", format::join_en(&parts)),
        })
    }

    /// Structure ratios side by side as 100 % bars: this release's, and the newest release of a
    /// kind up to this one's period (the bulletin before the monthly report).
    pub(super) fn structure_comparison(&self, refs: &[RatioRef], others: &[Release]) -> Result<ChartData, ChartError> {
        let mut rows: Vec<RatioRow> = Vec::new();
        let mut earlier: Option<&Release> = None;
        for r in refs {
            let release = match r.from.as_deref().and_then(ReleaseKind::from_name) {
                None => self.release,
                Some(kind) => {
                    let candidates = others.iter().filter(|o| o.period_end() <= self.release.period_end());
                    let found = spec::latest(candidates, kind).ok_or_else(|| self.missing(format!("{}之前的{}", self.release.period, kind.name())))?;
                    earlier = earlier.or(Some(found));
                    found
                }
            };
            let ratio_id = r.ratio.as_str();
            let ratio = release.ratios.iter().find(|r| r.id == ratio_id).ok_or_else(|| self.missing(format!("{} {ratio_id}", release.id)))?;
            let total = ratio
                .breakdown
                .as_ref()
                .and_then(|b| release.breakdowns.iter().find(|x| &x.id == b))
                .and_then(|b| release.fact(&b.total))
                .ok_or_else(|| self.missing(format!("{} {ratio_id} 所分的总量", release.id)))?;
            let whole = self.fact_name(total)?;
            let ratio_name = self.named(&ratio.name, ratio.name_en.as_deref(), || format!("{} 的结构比 {}（{}）", release.id, ratio.id, ratio.name))?;
            rows.push(RatioRow { period: &release.period, whole, terms: &ratio.terms, labels: self.ratio_labels(release, ratio)?, name: ratio_name });
        }
        let earlier = earlier.unwrap_or(self.release);
        if rows.is_empty() {
            return Err(self.missing("规格的 data.ratios"));
        }
        let categories: Vec<String> = rows
            .iter()
            .map(|row| match self.lang {
                Lang::Zh => format!("{}{}", row.period, row.whole),
                Lang::En => format!("{}, {}", row.whole, row.period.english()),
            })
            .collect();
        let all_series = rows[0]
            .labels
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let values: Vec<Decimal> = rows.iter().map(|r| r.terms.get(i).copied().unwrap_or_default()).collect();
                series(name, &values, format::figure)
            })
            .collect();
        let mut data = self.data("%", categories, all_series, &self.words("结构", "Structure"))?;
        data.subtitle = self.subtitle(rows[0].name, "%");
        data.category_periods = rows.iter().map(|row| self.period(row.period)).collect();
        data.period = match self.lang {
            Lang::Zh => format!("{}、{}", earlier.period, self.release.period),
            Lang::En => format!("{} and {}", earlier.period.english(), self.release.period.english()),
        };
        data.source = self.source(earlier)?;

        // Grouped by period: "2022年西夏区A三次产业结构为…，B三次产业结构为…；2023年1-11月，B…".
        let largest: Vec<Option<&String>> = rows.iter().map(|r| r.terms.iter().zip(r.labels).max_by_key(|(t, _)| **t).map(|(_, l)| l)).collect();
        let same_largest = largest.windows(2).all(|w| w[0] == w[1]);
        let mut groups: Vec<String> = Vec::new();
        let mut previous: Option<&Period> = None;
        for (i, RatioRow { period, whole, terms: terms_of, .. }) in rows.iter().enumerate() {
            let mut clause = match (self.lang, previous == Some(*period), i == 0) {
                (Lang::Zh, true, _) => format!("，{whole}三次产业结构为{}", terms(terms_of, ":")),
                (Lang::Zh, false, first) => {
                    let start = if first { self.lead(period) } else { self.in_period(period) };
                    format!("{start}{whole}三次产业结构为{}", terms(terms_of, ":"))
                }
                (Lang::En, true, _) => format!(" and that of {} {}", format::mid_sentence(whole), terms(terms_of, " : ")),
                (Lang::En, false, true) => format!(
                    "{}the three-industry structure of {}'s {} was {}",
                    self.in_period(period),
                    self.place().1,
                    format::mid_sentence(whole),
                    terms(terms_of, " : ")
                ),
                (Lang::En, false, false) => format!("{}that of {} was {}", format::mid_sentence(&self.in_period(period)), format::mid_sentence(whole), terms(terms_of, " : ")),
            };
            if !same_largest {
                if let Some(label) = largest[i] {
                    clause += &match self.lang {
                        Lang::Zh => format!("，{label}比重最高"),
                        Lang::En => format!(", {} the largest", format::mid_sentence(label)),
                    };
                }
            }
            match groups.last_mut() {
                Some(last) if previous == Some(*period) => last.push_str(&clause),
                _ => groups.push(clause),
            }
            previous = Some(period);
        }
        let separator = self.words("；", "; ");
        let mut text = groups.join(&separator);
        if let (true, Some(Some(label))) = (same_largest, largest.first()) {
            text += &match self.lang {
                Lang::Zh => format!("，均以{label}比重最高"),
                Lang::En => format!("; {} had the largest share in each", format::mid_sentence(label)),
            };
        }
        data.description = text + &self.words("。", ".");
        Ok(data)
    }
}

/// One bar of the structure comparison: a stated ratio and what it splits.
struct RatioRow<'r> {
    period: &'r Period,
    /// The total the ratio splits: 地区生产总值.
    whole: &'r str,
    terms: &'r [Decimal],
    labels: &'r [String],
    /// The ratio's name: 三次产业结构比.
    name: &'r str,
}
