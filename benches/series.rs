//! What building indicators over time costs: synthetic monthly reports (years × 11 reports, 1-2月
//! to 1-12月) stating `k` indicators each, with growth, a cumulative level, gaps to two regions and
//! a rank; a chart specification with one line chart per indicator for every report (each the
//! chart as it was then, as the site builds them). Prints, per size, the time to build every
//! chart's data (median of the runs), the chart data's bytes (JSON, as `chart-data --split` writes
//! it, in all and per release file), and how both grow; beside it, in the same run, the peer: the
//! same reports with one chart per report of all its indicators against the regions (no time
//! dimension), to show what the series add.
//!
//!   cargo bench --bench series             # up to 10 years × 12 months × 50 indicators
//!   cargo bench --bench series -- --smoke  # the small sizes only
//!
//! Figures only: nothing here asserts a time.

use std::fmt::Write as _;
use std::time::Instant;

use xixia_stats::chart::{self, Lang, Spec};
use xixia_stats::{load, Release};

/// `years` × 11 monthly reports of `k` indicators, every figure from a fixed sequence.
fn releases(years: i32, k: usize) -> Vec<Release> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: u64| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let mut out = Vec::new();
    for year in 2015..2015 + years {
        for month in 2..=12u8 {
            let mut facts = String::new();
            for i in 0..k {
                let growth = format!("{}.{}", next(15), next(10));
                let level = u64::from(month) * (100 + i as u64) + next(50);
                let _ = write!(
                    facts,
                    r#"{}{{"id": "ind-{i}", "name": "指标{i}", "name_en": "Indicator {i}", "value": {{"amount": "{level}.{:02}", "unit": "亿元"}},
                       "growth": {{"rate": "{growth}", "basis": "cumulative_year_on_year", "prices": "current"}},
                       "gaps": [{{"comparator": "全省", "comparator_en": "the province", "points": "{}.{}"}}, {{"comparator": "全市", "comparator_en": "the city", "points": "-{}.{}"}}],
                       "ranks": [{{"scope": "全市", "scope_en": "in the city", "rank": {}}}]}}"#,
                    if i == 0 { "" } else { "," },
                    next(100),
                    next(3),
                    next(10),
                    next(3),
                    next(10),
                    1 + next(9),
                );
            }
            let json = format!(
                r#"{{"id": "{year}-1-{month}-indicators", "kind": "indicators", "place": "样例县", "place_en": "Yangli County",
                    "title": "样例县{year}年1-{month}月主要经济指标（基准测试用虚构数据）", "title_en": "Yangli County, Jan–{month} {year} (invented benchmark data)",
                    "publishers": ["样例县统计局"], "publishers_en": ["Yangli County Bureau of Statistics"],
                    "period": {{"kind": "cumulative", "year": {year}, "from_month": 1, "to_month": {month}}},
                    "published": "{}-{:02}-15", "status": "preliminary", "source": {{"document": "基准测试用虚构数据"}}, "facts": [{facts}]}}"#,
                if month == 12 { year + 1 } else { year },
                if month == 12 { 1 } else { month + 1 },
            );
            out.push(load::from_json(&json, "synthetic").unwrap_or_else(|err| panic!("synthetic release: {err}")));
        }
    }
    xixia_stats::bundled::sort(&mut out);
    out
}

/// One line chart per indicator, for every report; or (the peer) one chart per report of every
/// indicator against the regions.
fn spec(k: usize, series: bool) -> Spec {
    let entries: Vec<String> = if series {
        (0..k)
            .map(|i| format!(r#"{{"id": "trend-{i}", "kind": "line", "release": "indicators", "title": "{{place}}指标{i}累计增速", "title_en": "Indicator {i}, {{place}}", "data": {{"indicator": "ind-{i}"}}}}"#))
            .collect()
    } else {
        let ids: Vec<String> = (0..k).map(|i| format!("\"ind-{i}\"")).collect();
        vec![format!(r#"{{"id": "versus", "kind": "grouped", "release": "indicators", "title": "{{period}}主要指标", "title_en": "Main indicators, {{period}}", "data": {{"facts": [{}]}}}}"#, ids.join(", "))]
    };
    Spec::from_json(&format!(r#"{{"charts": [{}]}}"#, entries.join(", ")), "synthetic charts.json").unwrap_or_else(|err| panic!("{err}"))
}

struct Row {
    releases: usize,
    charts: usize,
    median_ms: f64,
    bytes: usize,
    largest_file: usize,
}

fn measure(releases: &[Release], spec: &Spec, runs: usize) -> Row {
    let mut times = Vec::new();
    let mut built = None;
    for _ in 0..runs {
        let start = Instant::now();
        let charts = chart::published_charts(spec, releases, Lang::Zh).unwrap_or_else(|problems| panic!("{problems:?}"));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        built = Some(charts.charts);
    }
    times.sort_by(f64::total_cmp);
    let charts = built.unwrap_or_default();
    let per_release: Vec<usize> = releases
        .iter()
        .map(|r| serde_json::to_string(&charts.iter().filter(|c| c.release == r.id).collect::<Vec<_>>()).map(|s| s.len()).unwrap_or(0))
        .collect();
    Row { releases: releases.len(), charts: charts.len(), median_ms: times[times.len() / 2], bytes: per_release.iter().sum(), largest_file: per_release.into_iter().max().unwrap_or(0) }
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this too, without it: then the
    // smallest size once, to show it runs.
    let args: Vec<String> = std::env::args().collect();
    let benching = args.iter().any(|a| a == "--bench");
    let smoke = args.iter().any(|a| a == "--smoke");
    let sizes: &[(i32, usize)] = match (benching, smoke) {
        (false, _) => &[(1, 3)],
        (true, true) => &[(1, 5), (2, 10), (2, 20)],
        (true, false) => &[(1, 10), (2, 25), (5, 50), (10, 50)],
    };
    let runs = if smoke || !benching { 1 } else { 3 };
    println!("\nIndicators over time: building every chart's data (median of {runs} runs), native, one core");
    println!("| years × months × indicators | releases | charts | time (ms) | chart data (B) | largest release file (B) | peer: charts | peer time (ms) | peer data (B) |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut first: Option<(f64, usize, usize)> = None;
    for &(years, k) in sizes {
        let releases = releases(years, k);
        let ours = measure(&releases, &spec(k, true), runs);
        let peer = measure(&releases, &spec(k, false), runs);
        println!(
            "| {years} × 12 × {k} | {} | {} | {:.1} | {} | {} | {} | {:.1} | {} |",
            ours.releases, ours.charts, ours.median_ms, ours.bytes, ours.largest_file, peer.charts, peer.median_ms, peer.bytes
        );
        let points = releases.len() * k;
        match first {
            None => first = Some((ours.median_ms, ours.bytes, points)),
            Some((ms, bytes, base)) => println!(
                "|  ↳ growth against the first size | {:.1}× the figures | | {:.1}× | {:.1}× | | | | |",
                points as f64 / base as f64,
                ours.median_ms / ms.max(1e-9),
                ours.bytes as f64 / bytes.max(1) as f64
            ),
        }
    }
    println!("\nA page loads the files of the releases it shows: the largest release file is what one period costs a reader.");
}
