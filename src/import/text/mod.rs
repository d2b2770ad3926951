//! Bulletin prose into a draft release: 统计公报, 主要经济指标, 财政专报 as statistics offices write
//! them, pasted from Word or extracted from a PDF.
//!
//! The text is read in layers: [`clean`] normalises what PDF extraction and Word leave (spaces
//! between figures and 汉字, footnote markers, full-width digits, thousands separators) and keeps
//! for each character where it came from; [`sentences`] sorts the lines into the title, headings,
//! paragraphs, footnotes and table lines and cuts paragraphs into sentences; [`grammar`] finds
//! the figures of a clause and what follows them; [`clauses`] reads the phrase patterns of
//! bulletins into facts, breakdowns and ratios; [`tables`] reads tables; [`build`] assembles the
//! release. Every sentence keeps its span in the original text; every figure that could not be
//! read goes to [`Report::unparsed`](super::Report).
//!
//! The rules are described in `docs/import.md`, "Bulletin text".

mod build;
pub mod clauses;
pub mod clean;
pub mod grammar;
pub mod names;
pub mod printed;
pub mod sentences;
pub mod tables;

use super::Report;
use crate::error::{Error, ErrorKind};
use crate::release::Release;

pub use clean::clean_str;
pub use printed::unprinted;

/// Reads bulletin prose into a release, and reports what it could not read.
///
/// ```
/// use xixia_stats::import::text::import;
/// let text = "某县2022年国民经济和社会发展统计公报\n\n一、综合\n\n全年实现地区生产总值 120.5 亿元，比上年增长 6.1%。";
/// let (release, report) = import(text, "draft.txt").unwrap();
/// let gdp = &release.facts[0];
/// assert_eq!(gdp.name, "地区生产总值");
/// assert_eq!(gdp.value.as_ref().unwrap().amount.to_string(), "120.5");
/// assert_eq!(gdp.growth.as_ref().unwrap().rate.to_string(), "6.1");
/// assert!(report.unparsed.is_empty());
///
/// let err = import("你好，世界。", "draft.txt").unwrap_err();
/// assert!(err.to_string().contains("没有找到任何统计数字"));
/// ```
pub fn import(input: &str, origin: &str) -> Result<(Release, Report), Error> {
    let fail = |place: String, message: String| -> Error { ErrorKind::Import { origin: origin.to_owned(), place, message }.into() };
    let body = input.strip_prefix(crate::load::BOM).unwrap_or(input);
    if body.trim().is_empty() {
        return Err(fail("第1个字符起".into(), "文本是空的：应粘贴统计公报、主要经济指标或财政专报的正文，如“地区生产总值489.91亿元，比上年增长8.3%。”".into()));
    }
    if let Some(at) = input.chars().position(|c| c == '\0' || c == '\u{fffd}' || (c.is_control() && !c.is_whitespace())) {
        let binary = input.chars().filter(|c| *c == '\0' || *c == '\u{fffd}' || (c.is_control() && !c.is_whitespace())).count();
        if binary * 20 > input.chars().count().max(1) || input.contains('\0') {
            return Err(fail(format!("第{}个字符起", at + 1), "不是文本（含有控制字符或无法识别的字节）：应为统计公报的正文，可从Word或PDF复制粘贴".into()));
        }
    }
    build::build(input, origin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::BreakdownKind;
    use crate::release::Period;

    fn read(text: &str) -> (Release, Report) {
        let (release, report) = import(text, "test").unwrap_or_else(|e| panic!("{e}"));
        assert!(crate::load::validate(&release).is_empty(), "{:?}", crate::load::validate(&release));
        (release, report)
    }

    #[test]
    fn garbage_is_refused_saying_what_was_expected_and_where() {
        let rows = [("", "第1个字符起"), ("   \n\n ", "第1个字符起"), ("\u{0}\u{1}\u{2}abc", "第1个字符起"), ("今天天气很好。", "第1个字符起"), ("abc\u{0}", "第4个字符起")];
        for (input, place) in rows {
            let err = import(input, "粘贴的文本").unwrap_err();
            let ErrorKind::Import { place: at, message, .. } = err.kind() else { panic!("{err}") };
            assert_eq!(at, place, "{input:?}: {message}");
            assert!(message.contains("应"), "{message}");
        }
    }

    #[test]
    fn an_invented_county_bulletin_reads() {
        let text = "永宁县2021年国民经济和社会发展统计公报\r\n永宁县统计局\r\n一、综合\r\n初步核算，全县实现地区生产总值256.3亿元，按可比价格计算，比上年增长7.2%。其中，第一产业增加值30.1亿元，增长4.5%；第二产业增加值120.4亿元，增长9.1%；第三产业增加值105.8亿元，增长6.0%。三次产业结构比为11.7:47.0:41.3。\r\n二、人口\r\n年末常住人口为30.2万人，按性别分，男性人口为15.3万人，占50.7%；女性人口为14.9万人，占49.3%。\r\n三、财政\r\n全年一般公共预算收入12.5亿元，同比下降2.1%，低于全市1.5个百分点，位居全市第3位。城镇居民人均可支配收入38000元，比上年增加1500元，增长4.1%。\r\n";
        let (release, report) = read(text);
        assert_eq!(release.title, "永宁县2021年国民经济和社会发展统计公报");
        assert_eq!(release.publishers, ["永宁县统计局"]);
        assert_eq!(release.period, crate::Period::Year { year: 2021 });
        assert_eq!(release.sections.len(), 3);
        assert!(report.unparsed.is_empty(), "{:?}", report.unparsed);
        let names: Vec<&str> = release.facts.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["地区生产总值", "第一产业增加值", "第二产业增加值", "第三产业增加值", "常住人口", "男性人口", "女性人口", "一般公共预算收入", "城镇居民人均可支配收入"]);
        let by_industry = release.breakdowns.iter().find(|b| b.name == "三次产业").unwrap();
        assert_eq!(by_industry.kind, BreakdownKind::Exhaustive);
        assert_eq!(by_industry.id, "gdp-by-industry");
        assert_eq!(release.ratios[0].breakdown.as_deref(), Some("gdp-by-industry"));
        let sex = release.breakdowns.iter().find(|b| b.name == "性别").unwrap();
        assert_eq!(sex.kind, BreakdownKind::Exhaustive);
        let revenue = release.facts.iter().find(|f| f.name == "一般公共预算收入").unwrap();
        assert_eq!(revenue.growth.as_ref().unwrap().rate.to_string(), "-2.1");
        assert_eq!(revenue.gaps[0].points.to_string(), "-1.5");
        assert_eq!(revenue.ranks[0].rank, 3);
        let income = release.facts.iter().find(|f| f.name == "城镇居民人均可支配收入").unwrap();
        assert_eq!(income.increase.as_ref().unwrap().amount.to_string(), "1500");
        let population = release.facts.iter().find(|f| f.name == "常住人口").unwrap();
        assert_eq!(population.period, Some(crate::Period::AsOf { date: "2021-12-31".into() }));
        // Spans slice the original text to the sentence.
        let chars: Vec<char> = text.chars().collect();
        for sentence in &release.sentences {
            let span = sentence.span.unwrap();
            let original: String = chars[span.start..span.end].iter().collect();
            assert_eq!(clean_str(&original), sentence.text);
        }
    }

    #[test]
    fn figures_not_understood_are_reported_never_dropped() {
        let (_, report) = read("某区2022年统计公报\n\n全年地区生产总值100亿元，增长5%。据测算，约有3成。完成了12项。");
        assert!(report.unparsed.iter().any(|u| u.text == "3成" && u.reason.contains("约有3成")), "{:?}", report.unparsed);
        assert!(report.unparsed.iter().any(|u| u.text == "12项" && u.reason.contains("完成了12项")), "{:?}", report.unparsed);
    }

    #[test]
    fn an_issue_number_dates_the_issue_and_the_text_gives_the_period() {
        // (text, title, period)
        let rows = [
            (
                "某市财政收支简报（2023年第5期）\n\n现将1-5月财政收支情况通报如下：\n\n一、收入\n\n全市一般公共预算收入8.2亿元，同比增长3%。\n",
                "某市财政收支简报（2023年第5期）",
                Period::Cumulative { year: 2023, from_month: 1, to_month: 5 },
            ),
            (
                "某县经济运行简报\n\n2023年第2期\n\n1-6月，全县规模以上工业增加值增长4.1%。\n",
                "某县经济运行简报",
                Period::Cumulative { year: 2023, from_month: 1, to_month: 6 },
            ),
            // A year without an issue number is still the period.
            ("某县2023年统计公报（初稿）\n\n全年地区生产总值100亿元，增长5%。\n", "某县2023年统计公报（初稿）", Period::Year { year: 2023 }),
        ];
        for (text, title, period) in rows {
            let (release, _) = read(text);
            assert_eq!((release.title.as_str(), &release.period), (title, &period), "{text}");
        }
    }

    #[test]
    fn tax_and_non_tax_revenue_in_a_subsection_split_the_revenue_of_the_period() {
        let text = "某县财政简报（2024年第2期）\n\n一、收入\n\n1-2月，全县一般公共预算收入9000万元，同比增长5%。\n\n（一）收入结构。税收收入完成6000万元，同比增长6%；非税收入完成3000万元，同比增长3%。\n";
        let (release, _) = read(text);
        let name = |id: &str| release.fact(id).map(|f| f.name.clone()).unwrap_or_default();
        let splits: Vec<(String, Vec<String>, BreakdownKind)> = release.breakdowns.iter().map(|b| (name(&b.total), b.parts.iter().map(|p| name(p)).collect(), b.kind)).collect();
        assert_eq!(splits, [("一般公共预算收入".to_owned(), vec!["税收收入".to_owned(), "非税收入".to_owned()], BreakdownKind::Exhaustive)]);
    }

    fn fact<'a>(release: &'a Release, name: &str) -> &'a crate::fact::Fact {
        release.facts.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no fact {name}: {:?}", release.facts.iter().map(|f| &f.name).collect::<Vec<_>>()))
    }

    #[test]
    fn tables_in_each_layout_become_facts_with_their_columns_kinds_and_units() {
        let layouts = [
            ("web", "某区2023年统计公报\n\n一、综合\n\n表1 生产总值\n指标\n绝对数（亿元）\n比上年增长（%）\n地区生产总值\n50.2\n5.0\n其中：第一产业\n4.1\n3.0\n第二产业\n20.3\n6.1\n"),
            ("bars", "某区2023年统计公报\n\n一、综合\n\n表1 生产总值\n指标 | 绝对数（亿元） | 比上年增长（%） |\n地区生产总值 | 50.2 | 5.0 |\n  其中：第一产业 | 4.1 | 3.0 |\n  第二产业 | 20.3 | 6.1 |\n"),
            ("tabs", "某区2023年统计公报\n\n一、综合\n\n表1 生产总值\n指标\t2023年\t\n\t绝对数（亿元）\t比上年增长（%）\n地区生产总值\t50.2\t5.0\n\u{3000}第一产业\t4.1\t3.0\n\u{3000}第二产业\t20.3\t6.1\n"),
            ("pdf", "某区2023年统计公报\n\n一、综合\n\n表1 生产总值\n指标          绝对数（亿元）    比上年增长（%）\n地区生产总值      50.2        5.0\n  第一产业         4.1        3.0\n  第二产业        20.3        6.1\n"),
        ];
        for (layout, text) in layouts {
            let (release, report) = read(text);
            assert!(report.unparsed.is_empty(), "{layout}: {:?}", report.unparsed);
            assert!(unprinted(&release, text).is_empty(), "{layout}");
            let gdp = fact(&release, "地区生产总值");
            assert_eq!(gdp.value.as_ref().map(|v| (v.amount.to_string(), v.unit.symbol())), Some(("50.2".into(), "亿元")), "{layout}");
            assert_eq!(gdp.growth.as_ref().map(|g| g.rate.to_string()), Some("5.0".into()), "{layout}");
            let second = fact(&release, "第二产业");
            assert_eq!(second.value.as_ref().map(|v| v.amount.to_string()), Some("20.3".into()), "{layout}");
            assert_eq!(second.growth.as_ref().map(|g| g.rate.to_string()), Some("6.1".into()), "{layout}");
            let parts = &release.breakdowns.iter().find(|b| b.total == gdp.id).unwrap_or_else(|| panic!("{layout}: no breakdown")).parts;
            assert_eq!(parts.len(), 2, "{layout}");
            assert_eq!(release.breakdowns[0].kind, BreakdownKind::Partial, "{layout}");
            assert_eq!(release.tables[0].title, "表1生产总值", "{layout}");
        }
    }

    #[test]
    fn cells_run_together_are_never_joined_into_a_number_the_text_does_not_print() {
        for text in [
            "某区2023年统计公报\n\n地区生产总值 12345 4.0\n\n全年一般公共预算收入10亿元，增长5%。\n",
            "某区2023年统计公报\n\n地区生产总值\n12345\n4.0\n\n全年一般公共预算收入10亿元，增长5%。\n",
            "某区2023年统计公报\n\n地区生产总值 12,345 4.0\n\n全年一般公共预算收入10亿元，增长5%。\n",
            // Pieces of numbers glued to Latin words or split by a page break (the fuzz corpus's).
            "某区2023年统计公报\n\n全年一般公共预算收入10亿元，同比增长5k4.92%，拉动投资增长0.1 M7.4%，增长17\u{c}.8%。\n",
        ] {
            let (release, _) = read(text);
            assert!(unprinted(&release, text).is_empty(), "{text}: {:?}", unprinted(&release, text));
            assert!(!release.facts.iter().any(|f| f.value.as_ref().is_some_and(|v| v.amount.to_string().starts_with("12345") && v.amount.to_string() != "12345")), "{text}");
        }
    }

    #[test]
    fn a_one_cell_per_line_table_whose_cells_do_not_fall_into_rows_is_reported_not_guessed() {
        // The second row is short of a cell (a blank cell the web page dropped).
        let text = "某区2023年统计公报\n\n全年一般公共预算收入10亿元，增长5%。\n\n指标\n绝对数（万元）\n比上年增长（%）\n地区生产总值\n123456\n5.0\n其中：第一产业\n12345\n第二产业\n23456\n6.0\n";
        let (release, report) = read(text);
        assert!(unprinted(&release, text).is_empty());
        assert_eq!(release.facts.len(), 1, "{:?}", release.facts);
        for figure in ["123456", "12345", "23456"] {
            assert!(report.unparsed.iter().any(|u| u.text == figure), "{figure}: {:?}", report.unparsed);
        }
    }

    #[test]
    fn a_price_change_column_is_a_growth_and_a_level_needs_a_unit() {
        let text = "某县2023年统计公报\n\n表2 居民消费价格\n类别 | 比上年涨跌(%) |\n居民消费价格 | 0.8 |\n食品烟酒 | -1.6 |\n\n表3 其他\n项目 | 数量 |\n甲 | 12 |\n乙 | 13 |\n";
        let (release, report) = read(text);
        let food = fact(&release, "食品烟酒");
        assert!(food.value.is_none());
        assert_eq!(food.growth.as_ref().map(|g| g.rate.to_string()), Some("-1.6".into()));
        // A level column with no unit in its header or its rows stays in the table.
        assert!(!release.facts.iter().any(|f| f.name == "甲"));
        assert!(report.notes.iter().any(|n| n.contains("没有写明单位")), "{:?}", report.notes);
    }

    #[test]
    fn a_table_row_stating_a_prose_figure_is_the_same_fact_and_a_conflict_is_an_error() {
        let text = "某区2023年统计公报\n\n一、综合\n\n全年地区生产总值50.2亿元，比上年增长5.0%。\n\n表1 生产总值\n指标\t绝对数（亿元）\t比上年增长（%）\n地区生产总值\t50.2\t5.2\n第一产业\t4.1\t3.0\n";
        let (release, _) = read(text);
        assert_eq!(release.facts.iter().filter(|f| f.name == "地区生产总值").count(), 1);
        let findings = crate::check::check(&release).findings;
        let errors: Vec<&str> = findings.iter().filter(|f| f.severity == crate::check::Severity::Error).map(|f| f.message.as_str()).collect();
        assert_eq!(errors, ["「地区生产总值」在表「表1生产总值」的比上年增长（%）为5.2，正文的增速为5.0%"]);
    }

    #[test]
    fn a_half_year_is_a_span_of_months_and_a_text_without_a_year_is_refused_saying_so() {
        let (release, _) = read("某市2023年上半年经济运行情况\n\n上半年，全市地区生产总值800.5亿元，同比增长5.0%。\n");
        assert_eq!(release.period, Period::Cumulative { year: 2023, from_month: 1, to_month: 6 });
        let err = import("某市上半年经济运行情况\n\n上半年，全市地区生产总值800.5亿元，同比增长5.0%。\n", "draft.txt").unwrap_err();
        let ErrorKind::Import { place, message, .. } = err.kind() else { panic!("{err}") };
        assert!(message.contains("没有写明年份") && message.contains("请在标题中写明年份"), "{message}");
        assert_eq!(place, "第3个字符起");
    }

    #[test]
    fn regions_listed_before_their_gaps_and_level_with_are_read() {
        // Invented figures, in the phrasings county offices print.
        let text = "样例县2024年1-12月主要经济指标\n\n一、工业\n\n1-12月，全县规模以上工业增加值同比增长7.8%，增速比1-11月提高0.2个百分点，分别高于全省、全市1.8个和1.0个百分点，居全市第2位、全省第11位。\n\n二、投资\n\n1-12月，全县固定资产投资同比增长6.5%，增速与1-11月持平，与全市持平，低于全省0.3个百分点。全县社会消费品零售总额同比增长4.5%。\n";
        let (release, _) = read(text);
        assert!(unprinted(&release, text).is_empty(), "{:?}", unprinted(&release, text));
        let industry = fact(&release, "规模以上工业增加值");
        let gaps: Vec<(&str, String)> = industry.gaps.iter().map(|g| (g.comparator.as_str(), g.points.to_string())).collect();
        assert_eq!(gaps, [("全省", "1.8".to_owned()), ("全市", "1.0".to_owned())]);
        let ranks: Vec<(&str, u32)> = industry.ranks.iter().map(|r| (r.scope.as_str(), r.rank)).collect();
        assert_eq!(ranks, [("全市", 2), ("全省", 11)]);
        assert!(!release.facts.iter().any(|f| f.name.contains("分别")), "{:?}", release.facts.iter().map(|f| &f.name).collect::<Vec<_>>());
        // 持平: a change of 0 since 1-11月, a gap of 0 to the city; and 1-11月 is no time of what follows.
        let investment = fact(&release, "固定资产投资");
        let gaps: Vec<(&str, String)> = investment.gaps.iter().map(|g| (g.comparator.as_str(), g.points.to_string())).collect();
        assert_eq!(gaps, [("全市", "0".to_owned()), ("全省", "-0.3".to_owned())]);
        let speed = fact(&release, "固定资产投资增速");
        assert_eq!((speed.increase.as_ref().map(|i| i.amount.is_zero()), speed.note.as_deref()), (Some(true), Some("比1-11月")));
        assert!(fact(&release, "社会消费品零售总额").period.is_none());
    }

    #[test]
    fn facts_listed_before_their_figures_share_the_noun_printed_once() {
        // Invented figures.
        let text = "样例县2024年国民经济和社会发展统计公报\n\n一、综合\n\n全年全县地区生产总值325.94亿元，比上年增长5.6%。其中，第一产业增加值29.01亿元，增长3.8%；第二产业增加值145.70亿元，增长6.4%；第三产业增加值151.23亿元，增长5.2%。第二、三产业分别拉动经济增长2.9、2.4个百分点。\n\n二、工业\n\n规模以上工业增加值比上年增长7.8%。煤炭开采和洗选业、电力热力生产和供应业增加值分别增长6.8%、12.5%。\n";
        let (release, _) = read(text);
        assert!(unprinted(&release, text).is_empty(), "{:?}", unprinted(&release, text));
        let gdp = fact(&release, "地区生产总值");
        for (name, points) in [("第二产业增加值", "2.9"), ("第三产业增加值", "2.4")] {
            let pull = fact(&release, name).contribution.as_ref().unwrap_or_else(|| panic!("{name} pulls"));
            assert_eq!((pull.to.as_str(), pull.points.to_string()), (gdp.id.as_str(), points.to_owned()), "{name}");
        }
        for (name, growth) in [("煤炭开采和洗选业增加值", "6.8"), ("电力热力生产和供应业增加值", "12.5")] {
            assert_eq!(fact(&release, name).growth.as_ref().map(|g| g.rate.to_string()), Some(growth.to_owned()), "{name}");
        }
        assert!(!release.facts.iter().any(|f| f.name.contains('、')), "{:?}", release.facts.iter().map(|f| &f.name).collect::<Vec<_>>());
    }

    #[test]
    fn a_single_month_after_the_cumulative_figure_is_that_month_of_the_same_indicator() {
        // Invented figures.
        let text = "样例县2025年1-6月主要经济指标\n\n一、工业\n\n上半年，全县规模以上工业增加值同比增长7.1%，增速较1-5月回落0.3个百分点。其中，6月当月增长5.8%，较上月下降1.2个百分点。\n";
        let (release, _) = read(text);
        assert!(unprinted(&release, text).is_empty(), "{:?}", unprinted(&release, text));
        let june = release.facts.iter().find(|f| f.name == "规模以上工业增加值" && f.period.is_some()).expect("the June fact");
        assert_eq!(june.period, Some(Period::Month { year: 2025, month: 6 }));
        assert_eq!(june.growth.as_ref().map(|g| g.rate.to_string()), Some("5.8".into()));
        assert_eq!(june.increase.as_ref().map(|i| i.amount.to_string()), Some("-1.2".into()));
        let half = release.facts.iter().find(|f| f.name == "规模以上工业增加值" && f.period.is_none()).unwrap();
        assert_eq!(half.growth.as_ref().map(|g| g.rate.to_string()), Some("7.1".into()));
    }

    #[test]
    fn changes_since_an_earlier_period_are_no_regions_and_pulls_down_are_negative() {
        let text = "某市2023年上半年经济运行情况\n\n一、综合\n\n上半年，全市地区生产总值800.5亿元，同比增长5.0%（同期为3.2%），增速比一季度提高0.5个百分点，比全省高1.2个百分点。第三产业增加值占地区生产总值的比重为52.1%，比重比同期提高3.0个百分点。\n\n二、投资\n\n固定资产投资同比增长6.0%，增速比1-5月回落0.3个百分点。其中，中直投资120.5亿元，增长8.1%，拉动投资增长2.0个百分点；地方投资300.2亿元，下降2.0%，拉动下降1.4个百分点；工业投资增长3.0%，下拉0.5个百分点。城镇和农村居民收入增速分别提高1.2、3.4个百分点。\n";
        let (release, report) = read(text);
        assert!(unprinted(&release, text).is_empty());
        let gdp = release.facts.iter().find(|f| f.name == "地区生产总值" && f.period.is_none()).unwrap();
        // Regions only: 全省, never 一季度 or 同期.
        let comparators: Vec<&str> = release.facts.iter().flat_map(|f| f.gaps.iter().map(|g| g.comparator.as_str())).collect();
        assert_eq!(comparators, ["全省"]);
        assert!(!release.facts.iter().any(|f| f.name.contains("同期")), "{:?}", release.facts.iter().map(|f| &f.name).collect::<Vec<_>>());
        // The bracketed 同期 figure is the same indicator a year before.
        let earlier = release.facts.iter().find(|f| f.name == "地区生产总值" && f.period.is_some()).unwrap();
        assert_eq!(earlier.period, Some(Period::Cumulative { year: 2022, from_month: 1, to_month: 6 }));
        assert_eq!(earlier.growth.as_ref().map(|g| g.rate.to_string()), Some("3.2".into()));
        // Changes since a period are the changed figure's, with that period in their note.
        let speed = fact(&release, "地区生产总值增速");
        assert_eq!((speed.increase.as_ref().map(|i| i.amount.to_string()), speed.note.as_deref()), (Some("0.5".into()), Some("比一季度")));
        let share = fact(&release, "第三产业增加值比重");
        assert_eq!((share.increase.as_ref().map(|i| i.amount.to_string()), share.note.as_deref()), (Some("3.0".into()), Some("比同期")));
        assert_eq!(fact(&release, "第三产业增加值").share.as_ref().map(|s| s.of.as_str()), Some(gdp.id.as_str()));
        // 比1-5月 is what the change is against, not the time of what follows; the change is
        // the growth's since then, a fact of its own as 比一季度's is.
        assert!(fact(&release, "中直投资").period.is_none());
        let investment_speed = fact(&release, "固定资产投资增速");
        assert_eq!((investment_speed.increase.as_ref().map(|i| i.amount.to_string()), investment_speed.note.as_deref()), (Some("-0.3".into()), Some("比1-5月")));
        assert!(fact(&release, "固定资产投资").increase.is_none(), "no change on the level's fact");
        // Siblings after 其中, not parent and child; pulls down are negative.
        let investment = fact(&release, "固定资产投资");
        let parts: Vec<&str> = release.breakdowns.iter().filter(|b| b.total == investment.id).flat_map(|b| b.parts.iter().map(String::as_str)).collect();
        assert_eq!(parts, [fact(&release, "中直投资").id.as_str(), fact(&release, "地方投资").id.as_str(), fact(&release, "工业投资").id.as_str()]);
        assert_eq!(fact(&release, "地方投资").contribution.as_ref().map(|c| c.points.to_string()), Some("-1.4".into()));
        assert_eq!(fact(&release, "工业投资").contribution.as_ref().map(|c| c.points.to_string()), Some("-0.5".into()));
        // A list shares its unit: 1.2 is in 个百分点 too (never a growth without unit).
        assert!(!release.facts.iter().any(|f| f.growth.as_ref().is_some_and(|g| g.rate.to_string() == "1.2")));
        let _ = report;
    }

    #[test]
    fn a_stated_ratio_is_checked_against_the_levels_it_summarises_and_a_stated_split_against_its_total() {
        let text = "某县2023年国民经济和社会发展统计公报\n\n一、投资\n\n全年固定资产投资200.00亿元，比上年增长6.0%。分产业看，第一产业投资10.00亿元；第二产业投资90.00亿元；第三产业投资100.00亿元。三次产业投资结构为5.0:45.0:50.1。按经济类型分，国有投资80.0亿元；非国有投资121.0亿元。\n\n二、工业\n\n全年规模以上工业增加值50.0亿元。分门类看，采矿业增加值5.0亿元，制造业增加值40.0亿元，电力、热力、燃气及水生产和供应业增加值5.0亿元。工业结构为10.0:80.0:10.0。\n";
        let (release, _) = read(text);
        let industry = release.ratios.iter().find(|r| r.name == "工业结构").unwrap();
        assert_eq!(industry.labels, ["采矿业增加值", "制造业增加值", "电力、热力、燃气及水生产和供应业增加值"]);
        assert!(industry.breakdown.is_some());
        let by_type = release.breakdowns.iter().find(|b| b.name == "经济类型").unwrap();
        assert_eq!(by_type.kind, BreakdownKind::Exhaustive);
        let findings = crate::check::check(&release).findings;
        let errors: Vec<&str> = findings.iter().filter(|f| f.severity == crate::check::Severity::Error).map(|f| f.message.as_str()).collect();
        assert!(errors.iter().any(|e| e.contains("三次产业投资结构为 5.0 : 45.0 : 50.0") && e.contains("第三产业50.1不符")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("国有投资、非国有投资之和201.0亿元")), "{errors:?}");
        assert_eq!(errors.len(), 2, "{errors:?}");
    }
}
