//! The site's content folder: a new release is a new file, its charts come from the chart
//! specification with titles of its own period, the pages show it as the newest, and every mistake
//! in the folder is an error naming the file and the place.
//!
//! `tests/site/2023-bulletin.json` is a test-only copy of the 2022 bulletin turned into a 2023
//! bulletin with changed figures (its title says so); it is never part of the demo's content.

use std::path::{Path, PathBuf};
use std::process::Command;

use xixia_stats::chart::{wire, Lang};
use xixia_stats::site::Site;

/// A copy of the demo's content folder in a scratch folder, with `extra` release files added.
fn site_copy(name: &str, extra: &[&str]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("site-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("releases")).unwrap();
    for entry in std::fs::read_dir("data/releases").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("releases").join(path.file_name().unwrap())).unwrap();
    }
    std::fs::copy("data/charts.json", dir.join("charts.json")).unwrap();
    for file in extra {
        std::fs::copy(file, dir.join("releases").join(Path::new(file).file_name().unwrap())).unwrap();
    }
    dir
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xixia-stats")).args(args).output().unwrap()
}

#[test]
fn a_new_bulletin_is_a_new_file_and_gets_every_chart_of_the_last_one_titled_with_its_year() {
    let dir = site_copy("new-bulletin", &["tests/site/2023-bulletin.json"]);
    let site = Site::load(&dir).unwrap();
    assert_eq!(site.release("latest-bulletin").unwrap().id, "2023-bulletin");

    let output = cli(&["chart-data", "--data", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let charts: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let charts = charts.as_array().unwrap();
    let of = |release: &str, id: &str| charts.iter().find(|c| c["release"] == release && c["id"] == id).unwrap_or_else(|| panic!("no chart {id} of {release}"));

    let new = of("2023-bulletin", "gdp-by-industry");
    assert_eq!(new["title"], "2023年西夏区三次产业增加值");
    assert_eq!(new["series"][0]["values"], serde_json::json!(["7.60", "356.20", "148.54"]));
    assert_eq!(new["aliases"], serde_json::json!(["latest-bulletin"]));
    assert!(new["description"].as_str().unwrap().contains("地区生产总值512.34亿元，比上年增长6.1%"), "{}", new["description"]);
    assert_eq!(of("2023-bulletin", "gdp-structure")["series"][0]["labels"], serde_json::json!(["1.5", "69.5", "29.0"]));

    // Last year's bulletin keeps its charts under its own id, no longer the newest.
    let old = of("2022-bulletin", "gdp-by-industry");
    assert_eq!(old["title"], "2022年西夏区三次产业增加值");
    assert_eq!(old["aliases"], serde_json::json!([]));
    // Every chart of the 2022 bulletin exists for the 2023 one too.
    let ids = |release: &str| charts.iter().filter(|c| c["release"] == release).map(|c| c["id"].as_str().unwrap().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids("2022-bulletin"), ids("2023-bulletin"));

    // The monthly report's comparison takes the newest bulletin up to its own period: 2022's
    // for 2023年1-11月, not the 2023 bulletin, which ends later.
    let comparison = of("2023-1-11-indicators", "structure-comparison");
    assert_eq!(comparison["period"], "2022年、2023年1-11月");

    // The page's bulletin section is the new one.
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::write(pages.join("index.html"), r#"<main><nav><xixia-release-link release="latest-bulletin"></xixia-release-link></nav><xixia-release release="latest-bulletin"></xixia-release></main>"#).unwrap();
    let out = dir.join("out");
    let output = cli(&["prerender", "--data", dir.to_str().unwrap(), "--pages", pages.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains(r##"<a href="#r-2023-bulletin" data-en="2023 bulletin">2023年统计公报</a>"##), "{html:.400}");
    assert!(html.contains("2023年西夏区三次产业增加值"));
    assert!(!html.contains("2022年西夏区三次产业增加值"));
}

#[test]
fn the_demo_content_charts_every_section_of_every_release() {
    let site = Site::bundled().unwrap();
    let charts = site.charts(Lang::Zh).unwrap();
    for release in &site.releases {
        let sections: std::collections::HashSet<&str> = charts.iter().filter(|c| c.release == release.id).filter_map(|c| c.section.as_deref()).collect();
        assert!(!sections.is_empty(), "{} has no chart", release.id);
    }
    // The bulletin's structures nobody wrote an entry for have charts too: 农林牧渔, 人口 by sex.
    for (release, id, title) in [
        ("2022-bulletin", "auto-agriculture-by-sector", "2022年农林牧渔业总产值主要构成"),
        ("2022-bulletin", "auto-population-by-sex", "2022年常住人口构成（按性别分）"),
        ("2023-fiscal-reports-5-8", "auto-full-revenue-by-level", "2023年2月全口径一般公共预算收入构成（按收入级次分）"),
    ] {
        let chart = charts.iter().find(|c| c.release == release && c.id == id).unwrap_or_else(|| panic!("no {id}"));
        assert_eq!(chart.title, title);
        assert!(!chart.draft, "published charts are not marked as drafts");
    }
    // 第七期 prints levels that sum to 4.16 against a total of 5.16: the chart shows them as printed.
    let levels = charts.iter().find(|c| c.id == "auto-full-revenue-by-level").unwrap();
    let release = site.release("2023-fiscal-reports-5-8").unwrap();
    let breakdown = release.breakdowns.iter().find(|b| b.id == "full-revenue-by-level").unwrap();
    let mut printed: Vec<rust_decimal::Decimal> = breakdown.parts.iter().map(|p| release.fact(p).unwrap().value.as_ref().unwrap().amount).collect();
    let mut drawn: Vec<rust_decimal::Decimal> = levels.series[0].values.iter().map(|v| v.unwrap()).collect();
    printed.sort();
    drawn.sort();
    assert_eq!(drawn, printed, "the parts as printed");
    let total = release.fact(&breakdown.total).unwrap().value.as_ref().unwrap().amount;
    assert_ne!(drawn.iter().sum::<rust_decimal::Decimal>(), total, "the printed parts do not add up, and are not made to");
}

#[test]
fn mistakes_in_the_folder_are_errors_that_say_where() {
    // A specification entry naming data the release lacks.
    let dir = site_copy("bad-entry", &[]);
    let spec = std::fs::read_to_string(dir.join("charts.json")).unwrap().replace(r#""breakdown": "services-by-sector""#, r#""breakdown": "services-by-branch""#);
    std::fs::write(dir.join("charts.json"), spec).unwrap();
    let output = cli(&["chart-data", "--data", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("charts[4]（services-by-sector）：没有一期“bulletin”类发布有 breakdown \"services-by-branch\""), "{message}");

    // A specification that does not read.
    std::fs::write(dir.join("charts.json"), r#"{"charts": [{"id": "x", "kind": "pie"}]}"#).unwrap();
    let message = Site::load(&dir).unwrap_err().to_string();
    assert!(message.contains("charts.json") && message.contains("line 1 column"), "{message}");

    // A release file named otherwise than its id, and one that does not validate.
    let dir = site_copy("bad-release", &[]);
    std::fs::copy("tests/site/2023-bulletin.json", dir.join("releases/bulletin-2023.json")).unwrap();
    let message = Site::load(&dir).unwrap_err().to_string();
    assert!(message.contains("bulletin-2023.json") && message.contains("name it 2023-bulletin.json"), "{message}");
    std::fs::remove_file(dir.join("releases/bulletin-2023.json")).unwrap();
    std::fs::write(dir.join("releases/2024-bulletin.json"), r#"{"id": "2024-bulletin", "title": 5}"#).unwrap();
    let message = Site::load(&dir).unwrap_err().to_string();
    assert!(message.contains("2024-bulletin.json") && message.contains("line 1"), "{message}");
}

#[test]
fn the_public_data_is_one_file_per_release_and_an_index_that_resolves_latest() {
    let dir = site_copy("split", &["tests/site/2023-bulletin.json"]);
    let out = dir.join("charts");
    let output = cli(&["chart-data", "--data", dir.to_str().unwrap(), "--split", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let index: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    let releases = index["releases"].as_array().unwrap();
    let ids: Vec<&str> = releases.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["2022-bulletin", "2023-fiscal-reports-5-8", "2023-1-11-indicators", "2023-bulletin"], "publication order");
    let latest = |alias: &str| releases.iter().filter(|r| r["aliases"].as_array().unwrap().iter().any(|a| a == alias)).map(|r| r["id"].as_str().unwrap()).collect::<Vec<_>>();
    assert_eq!(latest("latest-bulletin"), ["2023-bulletin"]);
    assert_eq!(latest("latest-indicators"), ["2023-1-11-indicators"]);
    for release in &ids {
        let read = |lang| wire::decode(&std::fs::read(out.join(wire::file_name(release, lang))).unwrap()).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let charts = read(lang);
            assert!(!charts.is_empty() && charts.iter().all(|c| c.release == *release && c.lang == lang), "{release} {lang}");
        }
        let listed: Vec<&str> = releases.iter().find(|r| r["id"] == *release).unwrap()["charts"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        let charts = read(Lang::Zh);
        assert_eq!(listed, charts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>());
    }
}
