//! English chart data (`lang="en"`): every string English, every figure as printed, and a clear
//! error instead of a Chinese word when the data lacks an English name.

mod common;

use serde_json::Value;
use xixia_stats::chart::{self, ChartData, ChartError, Lang};
use xixia_stats::{bundled, Release};

fn releases() -> Vec<Release> {
    bundled::all().unwrap_or_else(|err| panic!("{err}"))
}

fn build(releases: &[Release], chart: &str, lang: Lang) -> Result<ChartData, ChartError> {
    let info = common::info(chart).unwrap();
    let home = releases.iter().find(|r| r.id == info.release).unwrap();
    chart::build_in(chart, home, releases, lang)
}

/// CJK ideographs and punctuation (U+3000–U+9FFF) and full-width forms (U+FF00–U+FFEF).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Every string in a JSON value, with where it is.
fn strings(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) => out.push((path, s.clone())),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| strings(v, format!("{path}[{i}]"), out)),
        Value::Object(fields) => fields.iter().for_each(|(k, v)| strings(v, format!("{path}.{k}"), out)),
        _ => {}
    }
}

#[test]
fn every_chart_in_english_has_no_chinese_character() {
    let releases = releases();
    for info in common::catalogue() {
        let data = build(&releases, info.id, Lang::En).unwrap_or_else(|err| panic!("{}: {err}", info.id));
        assert_eq!(data.lang, Lang::En);
        let mut all = Vec::new();
        strings(&serde_json::to_value(&data).unwrap(), info.id.to_owned(), &mut all);
        strings(&serde_json::to_value(data.table()).unwrap(), format!("{}.table", info.id), &mut all);
        assert!(all.len() > 20, "{}: the walk found the strings", info.id);
        for (path, text) in all {
            assert!(!text.chars().any(is_cjk), "{path}: {text:?}");
        }
        assert!(!data.description.is_empty() && !data.title.is_empty(), "{}", info.id);
    }
}

/// Same values and the same printed figures in both languages: only words change.
#[test]
fn english_charts_carry_the_same_figures() {
    let releases = releases();
    for info in common::catalogue() {
        let zh = build(&releases, info.id, Lang::Zh).unwrap();
        let en = build(&releases, info.id, Lang::En).unwrap();
        assert_eq!(zh.lang, Lang::Zh);
        assert_eq!((zh.kind, zh.categories.len(), zh.series.len()), (en.kind, en.categories.len(), en.series.len()), "{}", info.id);
        for (a, b) in zh.series.iter().zip(&en.series) {
            assert_eq!(a.values, b.values, "{}: {}", info.id, a.name);
            assert_eq!(a.labels, b.labels, "{}: {}", info.id, a.name);
        }
        for (a, b) in zh.extra_columns.iter().zip(&en.extra_columns) {
            assert_eq!(a.values, b.values, "{}: {}", info.id, a.name);
        }
        assert_eq!(zh.reference.as_ref().map(|r| (&r.values, &r.labels)), en.reference.as_ref().map(|r| (&r.values, &r.labels)), "{}", info.id);
        assert_eq!(zh.highlight, en.highlight, "{}", info.id);
        assert_eq!(zh.total_labels.len(), en.total_labels.len(), "{}", info.id);
    }
}

#[test]
fn english_words_for_the_charts() {
    let releases = releases();
    let gdp = build(&releases, "gdp-by-industry", Lang::En).unwrap();
    assert_eq!(gdp.categories, ["Primary industry", "Secondary industry", "Tertiary industry"]);
    assert_eq!(gdp.category_notes, ["up 0.7%", "up 13.0%", "up 0.8%"]);
    assert_eq!((gdp.unit.as_str(), gdp.period.as_str(), gdp.subtitle.as_str()), ("100 million yuan", "2022", "2022 · Unit: 100 million yuan"));
    assert_eq!((gdp.source.as_str(), gdp.status.as_str()), ("Source: Xixia District Bureau of Statistics", "Preliminary figures"));
    assert_eq!(gdp.table().caption, "Value added of the three industries, Xixia District, 2022 (2022 · Unit: 100 million yuan)");

    let products = build(&releases, "product-growth", Lang::En).unwrap();
    let cement = products.categories.iter().position(|c| c == "Cement").unwrap();
    assert_eq!(products.series[0].labels[cement], "−14.6%");
    assert_eq!(products.extra_columns[0].labels[cement], "235.5 (10,000 tonnes)");

    let regions = build(&releases, "indicators-vs-region", Lang::En).unwrap();
    let names: Vec<&str> = regions.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Xixia District", "Ningxia (derived)", "Yinchuan (derived)"]);
    assert_eq!(regions.subtitle, "Jan–Nov 2023 · Year-on-year growth · Unit: %");

    let sanbao = build(&releases, "sanbao-cumulative", Lang::En).unwrap();
    assert_eq!(sanbao.categories, ["Jan", "Jan–Feb"]);
    assert_eq!(sanbao.total_labels, [["5327.34", "4% of the year"], ["14976.67", "10.87% of the year"]]);
    assert_eq!(sanbao.source, "Source: Xixia District Finance Bureau");

    let funds = build(&releases, "direct-funds-progress", Lang::En).unwrap();
    assert_eq!((funds.categories[0].as_str(), funds.highlight), ("Direct-allocation funds (total)", Some(0)));
    assert_eq!(funds.reference.as_ref().unwrap().label, "End-March target 25%");
    assert_eq!(funds.period, "as of 31 March 2023");
}

/// The renderer's remaining Chinese moves into the data: the emphasised total and the lines over
/// the stacks. The old fields stay as they were for the renderer that still reads them.
#[test]
fn highlight_and_total_labels_in_chinese() {
    let releases = releases();
    let funds = build(&releases, "direct-funds-progress", Lang::Zh).unwrap();
    assert_eq!((funds.categories[0].as_str(), funds.highlight), ("直达资金（合计）", Some(0)));
    let sanbao = build(&releases, "sanbao-cumulative", Lang::Zh).unwrap();
    assert_eq!(sanbao.total_labels, [["5327.34", "占全年4%"], ["14976.67", "占全年10.87%"]]);
    assert_eq!(sanbao.extra_columns[1].labels, ["4%", "10.87%"], "the table keeps the bare share");
    for info in common::catalogue().iter().filter(|c| !matches!(c.id, "direct-funds-progress" | "sanbao-cumulative")) {
        let data = build(&releases, info.id, Lang::Zh).unwrap();
        assert_eq!((data.highlight, data.total_labels.len()), (None, 0), "{}", info.id);
    }
}

/// A `ChartData` written before languages existed (no `lang`, `highlight`, `total_labels`) is
/// Chinese and loads.
#[test]
fn old_chart_data_loads_as_chinese() {
    let releases = releases();
    let data = build(&releases, "sanbao-cumulative", Lang::Zh).unwrap();
    let mut json = serde_json::to_value(&data).unwrap();
    let fields = json.as_object_mut().unwrap();
    for key in ["lang", "highlight", "total_labels"] {
        fields.remove(key);
    }
    let back: ChartData = serde_json::from_value(json).unwrap();
    assert_eq!(back.lang, Lang::Zh);
    assert!(back.total_labels.is_empty() && back.highlight.is_none());
    assert_eq!(serde_json::to_value(Lang::En).unwrap(), "en");
    assert_eq!(serde_json::to_value(Lang::Zh).unwrap(), "zh-CN");
}

fn expect_missing(result: Result<ChartData, ChartError>, needle: &str) {
    match result {
        Err(ChartError::MissingData { what, .. }) => assert!(what.contains(needle) && what.contains("英文"), "{what}"),
        other => panic!("expected MissingData naming {needle}, got {other:?}"),
    }
}

/// Without an English name the English chart fails and says which name is missing; the Chinese
/// chart is unaffected.
#[test]
fn a_missing_english_name_is_an_error_that_names_it() {
    let releases = releases();
    let with = |id: &str, edit: &dyn Fn(&mut Release)| {
        let mut all = releases.clone();
        edit(all.iter_mut().find(|r| r.id == id).unwrap());
        all
    };
    let cases: Vec<(&str, Vec<Release>, &str)> = vec![
        ("gdp-by-industry", with("2022-bulletin", &|r| r.facts.iter_mut().find(|f| f.id == "gdp-secondary").unwrap().name_en = None), "gdp-secondary"),
        ("gdp-structure", with("2022-bulletin", &|r| {
            r.ratios.iter_mut().find(|x| x.id == "gdp-structure").unwrap().labels_en.pop();
        }), "labels_en"),
        ("product-growth", with("2022-bulletin", &|r| r.tables[0].rows.iter_mut().find(|x| x.id == "cement").unwrap().label_en = None), "cement"),
        ("industry-growth", with("2022-bulletin", &|r| r.publishers_en.clear()), "publishers_en"),
        ("indicators-vs-region", with("2023-1-11-indicators", &|r| r.facts.iter_mut().find(|f| f.id == "revenue").unwrap().gaps[1].comparator_en = None), "银川市"),
        ("indicators-vs-region", with("2023-1-11-indicators", &|r| r.facts.iter_mut().find(|f| f.id == "investment").unwrap().ranks[0].scope_en = Some(" ".into())), "全区"),
        ("structure-comparison", with("2022-bulletin", &|r| r.facts.iter_mut().find(|f| f.id == "investment").unwrap().name_en = None), "investment"),
        ("sanbao-cumulative", with("2023-fiscal-reports-5-8", &|r| r.series.iter_mut().find(|s| s.id == "sanbao-actual-wages").unwrap().name_en = None), "sanbao-actual-wages"),
        ("direct-funds-progress", with("2023-fiscal-reports-5-8", &|r| r.tables[0].columns.iter_mut().find(|c| c.id == "rate").unwrap().label_en = None), "rate"),
    ];
    for (chart, all, needle) in cases {
        expect_missing(build(&all, chart, Lang::En), needle);
        assert!(build(&all, chart, Lang::Zh).is_ok(), "{chart} still builds in Chinese");
    }
}

/// Every structure ratio in the bundled releases has English labels, one per term (loading does
/// not check this; English charts would fail).
#[test]
fn ratio_labels_en_match_the_terms() {
    for release in releases() {
        for ratio in &release.ratios {
            assert_eq!(ratio.labels_en.len(), ratio.terms.len(), "{} {}", release.id, ratio.id);
            assert!(ratio.labels_en.iter().all(|l| !l.chars().any(is_cjk)), "{} {}", release.id, ratio.id);
        }
        assert_eq!(release.publishers_en.len(), release.publishers.len(), "{}", release.id);
    }
}

/// `xixia-stats chart-data --lang en`: what scripts/build.sh writes to www/data/charts.en.json.
#[test]
fn the_command_prints_english_chart_data() {
    let run = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_xixia-stats")).args(args).output().expect("xixia-stats runs");
    let output = run(&["chart-data", "--compact", "--lang", "en"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.chars().any(is_cjk));
    let charts: Vec<ChartData> = serde_json::from_str(&text).unwrap();
    let published = xixia_stats::site::Site::bundled().unwrap().charts(Lang::En).unwrap();
    assert_eq!(charts, published);
    assert!(common::catalogue().iter().all(|info| charts.iter().any(|c| c.id == info.id && c.release == info.release)));
    assert!(charts.iter().all(|c| c.lang == Lang::En));

    let chinese: Vec<ChartData> = serde_json::from_slice(&run(&["chart-data", "--compact"]).stdout).unwrap();
    assert!(chinese.iter().all(|c| c.lang == Lang::Zh));
    let refused = run(&["chart-data", "--lang", "fr"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("zh-CN or en"));
}
