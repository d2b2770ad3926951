//! Indicators over time, from the invented 样例县's content folder (`sample-site/`: sixteen
//! monthly reports and five bulletins, every figure invented): the series' points, the 1-2月
//! rule, the comparators derived from the printed gaps, the change since the last period and the
//! sentence that says it, a revision, the chart as it was for an earlier period, and the line and
//! column-and-line charts drawn legibly at every width, mode and language.
//!
//! The expected figures are the sample's own, read from its release files by hand (the table in
//! `sample-site/README.md`), not from the code under test.

mod common;

use std::path::Path;

use common::{labels, layout_faults};
use xixia_stats::chart::{self, ChartData, ChartKind, Lang, Mode, Options};
use xixia_stats::series::{self, Frequency};
use xixia_stats::site::Site;
use xixia_stats::{Period, Release};

fn site() -> Site {
    Site::load(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-site").as_path()).unwrap_or_else(|err| panic!("sample-site: {err}"))
}

fn release<'s>(site: &'s Site, id: &str) -> &'s Release {
    site.releases.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no release {id}"))
}

fn chart(site: &Site, id: &str, release: &str, lang: Lang) -> ChartData {
    chart::build_with(&site.spec, id, self::release(site, release), &site.releases, lang).unwrap_or_else(|err| panic!("{id} of {release}: {err}"))
}

fn cumulative(year: i32, to_month: u8) -> Period {
    Period::Cumulative { year, from_month: 1, to_month }
}

#[test]
fn monthly_growth_runs_from_one_to_two_across_years_with_derived_comparators_and_changes() {
    let site = site();
    let all: Vec<&Release> = site.releases.iter().collect();
    let industry = series::build(&all, "industry-above-scale-va", Frequency::Cumulative, None);
    let periods: Vec<Period> = industry.slots.iter().map(|s| s.period.clone()).collect();
    // 1-2月 is the first report of each year; there is no January slot.
    let expected: Vec<Period> = (2..=12).map(|m| cumulative(2024, m)).chain((2..=6).map(|m| cumulative(2025, m))).collect();
    assert_eq!(periods, expected);
    let growth: Vec<String> = industry.slots.iter().map(|s| s.growth().map(|g| g.to_string()).unwrap_or_default()).collect();
    assert_eq!(growth, ["8.2", "7.6", "7.1", "7.3", "7.0", "6.8", "6.8", "7.1", "7.2", "7.6", "7.8", "6.5", "6.9", "6.6", "6.4", "6.7"]);
    let change = |i: usize| industry.slots[i].change.as_ref().map(|c| (c.points.to_string(), c.since.clone()));
    // 1-8月 is level with 1-7月; 2025年1-2月 is compared with 2024年1-12月 (上年全年).
    assert_eq!(change(6), Some(("0.0".into(), cumulative(2024, 7))));
    assert_eq!(change(11), Some(("-1.3".into(), cumulative(2024, 12))));
    assert_eq!(change(0), None, "nothing before the first report");
    // The province and city from the gaps: 6.7 − 0.9 and 6.7 − 0.5.
    let latest = industry.slots.last().unwrap();
    assert_eq!((latest.comparator("全省").map(|v| v.to_string()), latest.comparator("全市").map(|v| v.to_string())), (Some("5.8".into()), Some("6.2".into())));
}

#[test]
fn a_month_not_published_is_a_gap_and_single_months_come_from_neighbouring_levels() {
    let site = site();
    let all: Vec<&Release> = site.releases.iter().collect();
    let retail = series::build(&all, "retail-sales", Frequency::Cumulative, None);
    let at = |p: Period| retail.slots.iter().find(|s| s.period == p).unwrap_or_else(|| panic!("no slot {p}"));
    assert!(at(cumulative(2024, 8)).point.is_none(), "1-8月 states no retail sales");
    assert_eq!(at(cumulative(2024, 9)).month, None, "no 8月 level to subtract from");
    assert_eq!(at(cumulative(2024, 9)).change, None, "no change across the gap");
    // 3月 2025 = 30.18 − 20.37.
    assert_eq!(at(cumulative(2025, 3)).month.as_ref().map(|q| q.amount.to_string()), Some("9.81".into()));
    assert_eq!(at(cumulative(2025, 2)).month, None, "1-2月 is one period");

    // On the chart: no point for 1-8月, and the line is drawn only between neighbouring months.
    let data = chart(&site, "retail-trend", "2025-1-6-indicators", Lang::Zh);
    let gap = data.categories.iter().position(|c| c == "2024年1-8月").unwrap();
    assert_eq!(data.series[0].values[gap], None);
    assert!(data.notes.iter().any(|n| n == "2024年1-8月未发布该指标，图中留空。"), "{:?}", data.notes);
    let drawn = chart::render(&data, 800).unwrap();
    assert!(!drawn.marks.iter().any(|m| m.index == gap), "no mark where there is no figure");
    let colour = xixia_stats::chart::palette::hex(xixia_stats::chart::Mode::Standard.palette().series(0));
    let segments = drawn.svg.matches(&format!(r#"<polyline fill="none" stroke="{colour}" stroke-width="2""#)).count();
    let pairs = data.series[0].values.windows(2).filter(|w| w[0].is_some() && w[1].is_some()).count();
    assert_eq!(segments, pairs, "one segment per pair of neighbouring months, none through the gap");
}

#[test]
fn a_later_bulletin_revises_a_year_and_the_chart_says_so() {
    let site = site();
    let all: Vec<&Release> = site.releases.iter().collect();
    let gdp = series::build(&all, "gdp", Frequency::Year, None);
    let y2023 = gdp.slots.iter().find(|s| s.period == Period::Year { year: 2023 }).unwrap().point.as_ref().unwrap();
    assert_eq!(y2023.release, "2024-bulletin");
    assert_eq!(y2023.fact.value.as_ref().unwrap().amount.to_string(), "304.62");
    let earlier = y2023.revises.as_ref().unwrap();
    assert_eq!((earlier.release.as_str(), earlier.value.as_ref().unwrap().amount.to_string()), ("2023-bulletin", "302.20".into()));

    let data = chart(&site, "gdp-five-years", "2024-bulletin", Lang::Zh);
    assert_eq!(data.kind, ChartKind::Combo);
    assert_eq!(data.categories, ["2020年", "2021年", "2022年", "2023年", "2024年"]);
    assert_eq!(data.series[0].labels, ["238.46", "264.45", "281.64", "304.62", "325.94"]);
    // Growth at comparable prices as printed, never from the levels: 2021's levels imply 10.9 %.
    assert_eq!(data.series[1].labels, ["3.6%", "7.9%", "4.6%", "6.0%", "5.6%"]);
    assert_eq!(data.line_unit.as_deref(), Some("%"));
    assert!(data.notes.iter().any(|n| n.starts_with("2023年数据已按《") && n.contains("302.20亿元、增长5.8%")), "{:?}", data.notes);
    // As the 2023 bulletin had it: 2019 is before the first bulletin, 2023 is 302.20, unrevised.
    let then = chart(&site, "gdp-five-years", "2023-bulletin", Lang::Zh);
    assert_eq!(then.categories, ["2020年", "2021年", "2022年", "2023年"]);
    assert_eq!(then.series[0].labels.last().map(String::as_str), Some("302.20"));
    assert!(!then.notes.iter().any(|n| n.contains("修订")), "{:?}", then.notes);
}

#[test]
fn the_latest_period_is_said_as_a_statistician_writes_it() {
    let site = site();
    let zh = chart(&site, "industry-trend", "2025-1-6-indicators", Lang::Zh);
    assert_eq!(zh.description, "1-6月，规模以上工业增加值同比增长6.7%，增速比1-5月提高0.3个百分点，高于全省0.9个百分点、全市0.5个百分点，位居全市第2位、全省第15位。");
    let en = chart(&site, "industry-trend", "2025-1-6-indicators", Lang::En);
    assert!(en.description.starts_with("In Jan–Jun 2025, "), "{}", en.description);
    assert!(en.description.contains("0.3 percentage points higher than in Jan–May 2025"), "{}", en.description);
    // 1-2月 against the year before's whole year, 回落; a month level with the one before, 持平.
    let jan_feb = chart(&site, "industry-trend", "2025-1-2-indicators", Lang::Zh);
    assert!(jan_feb.description.contains("增速比上年全年回落1.3个百分点"), "{}", jan_feb.description);
    let august = chart(&site, "industry-trend", "2024-1-8-indicators", Lang::Zh);
    assert!(august.description.contains("增速与1-7月持平"), "{}", august.description);
    // The table gives every period's change and ranks.
    let table = zh.table();
    assert!(table.columns.iter().any(|c| c == "增速比上期（百分点）"), "{:?}", table.columns);
    assert_eq!(table.rows.last().unwrap()[0], "2025年1-6月");
    assert!(table.rows.last().unwrap().contains(&"+0.3".to_owned()), "{:?}", table.rows.last());
}

#[test]
fn each_period_has_the_chart_as_it_was_then() {
    let site = site();
    let october = chart(&site, "industry-trend", "2024-1-10-indicators", Lang::Zh);
    assert_eq!(october.categories.first().map(String::as_str), Some("2024年1-2月"));
    assert_eq!(october.categories.last().map(String::as_str), Some("2024年1-10月"));
    assert_eq!(october.period, "2024年1-10月");
    let charts = site.charts(Lang::Zh).unwrap();
    let with_chart = charts.iter().filter(|c| c.id == "industry-trend").count();
    assert_eq!(with_chart, 16, "one per monthly report");
}

/// Every chart over time of the sample, at phone to desktop widths, in every mode and both
/// languages: text inside and apart, a mark for every figure, no Chinese in English.
#[test]
fn charts_over_time_are_legible_everywhere() {
    let site = site();
    for lang in [Lang::Zh, Lang::En] {
        let charts = site.charts(lang).unwrap();
        let over_time: Vec<&ChartData> = charts.iter().filter(|c| matches!(c.kind, ChartKind::Line | ChartKind::Combo)).collect();
        assert!(over_time.len() >= 40, "{} charts over time", over_time.len());
        for data in over_time {
            for mode in Mode::ALL {
                for width in [280, 360, 414, 768, 1440] {
                    let drawn = chart::render_with(data, width, &Options { mode, ids: "t".into() }).unwrap();
                    let at = format!("{} of {} at {width}px, {mode:?}, {lang:?}", data.id, data.release);
                    let faults = layout_faults(&drawn.svg, drawn.width, drawn.height);
                    assert!(faults.is_empty(), "{at}: {faults:?}");
                    // A mark for every figure drawn: all of them on a wide screen; on a phone the
                    // latest periods, the newest always.
                    let figures = data.series.iter().flat_map(|s| &s.values).filter(|v| v.is_some()).count();
                    assert!(drawn.marks.iter().all(|m| m.series_index.is_some_and(|s| data.series[s].values[m.index].is_some())), "{at}: marks only on figures");
                    let newest = data.series[0].values.iter().rposition(Option::is_some).unwrap();
                    assert!(drawn.marks.iter().any(|m| m.index == newest), "{at}: the newest figure is drawn");
                    if width >= 768 {
                        assert_eq!(drawn.marks.len(), figures, "{at}: a mark per figure");
                    }
                    if lang == Lang::En {
                        let chinese = labels(&drawn.svg).into_iter().find(|l| l.text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)));
                        assert!(chinese.is_none(), "{at}: {chinese:?}");
                    }
                }
            }
        }
    }
}
