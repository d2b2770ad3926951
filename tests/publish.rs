//! `xixia-stats publish`: the next period of the invented 样例县 (its 2025年1-7月 report, as prose
//! the office writes, `sample-site/texts/`) into a served site folder, with no rebuild; a revision
//! that keeps the earlier version; a draft with errors refused until confirmed; the zip; and
//! nothing written anywhere else, or at all when publishing fails.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xixia-stats")).args(args).output().expect("xixia-stats runs")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A served site folder as `make build` writes it, for the sample site: the content folder under
/// `data/content/` (releases, charts.json, indicators.json, the page template) and the chart data.
fn site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xixia-publish-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let content = dir.join("data/content");
    std::fs::create_dir_all(content.join("releases")).unwrap();
    std::fs::create_dir_all(content.join("pages")).unwrap();
    let sample = Path::new(ROOT).join("sample-site");
    for entry in std::fs::read_dir(sample.join("releases")).unwrap().flatten() {
        std::fs::copy(entry.path(), content.join("releases").join(entry.file_name())).unwrap();
    }
    for file in ["charts.json", "indicators.json"] {
        std::fs::copy(sample.join(file), content.join(file)).unwrap();
    }
    std::fs::copy(Path::new(ROOT).join("www/sample-pages/index.html"), content.join("pages/index.html")).unwrap();
    let made = run(&["chart-data", "--data", content.to_str().unwrap(), "--compact", "--split", dir.join("data/charts").to_str().unwrap()]);
    assert!(made.status.success(), "{}", text(&made));
    dir
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// A chart data file of the site (`data/charts/<id>.bin`), as JSON.
fn chart_file(path: &Path) -> serde_json::Value {
    let charts = xixia_stats::chart::wire::decode(&std::fs::read(path).unwrap()).unwrap();
    serde_json::to_value(charts).unwrap()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))).unwrap()
}

#[test]
fn the_next_month_is_published_into_the_site_and_nothing_else_changes() {
    let dir = site("month");
    let before = snapshot(&dir);
    let draft = Path::new(ROOT).join("sample-site/texts/2025-1-7-indicators.txt");
    let output = run(&["publish", draft.to_str().unwrap(), "--site", dir.to_str().unwrap(), "--date", "2025-08-15"]);
    assert!(output.status.success(), "{}", text(&output));
    let said = text(&output);
    assert!(said.contains("新发布：样例县2025年1-7月主要经济指标"), "{said}");
    assert!(said.contains("时间序列图表新增2025年1-7月一期：样例县规模以上工业增加值累计增速"), "{said}");
    assert!(said.contains("latest-indicators 改为指向本期"), "{said}");

    // The release, dated, with the English the site already had for its regions.
    let release = json(&dir.join("data/content/releases/2025-1-7-indicators.json"));
    assert_eq!(release["published"], "2025-08-15");
    assert_eq!(release["place_en"], "Yangli County");
    // The list of releases: the new month is the newest of its kind.
    let index = json(&dir.join("data/charts/index.json"));
    let entries = index["releases"].as_array().unwrap();
    let new = entries.iter().find(|r| r["id"] == "2025-1-7-indicators").expect("listed");
    assert!(new["aliases"].as_array().unwrap().iter().any(|a| a == "latest-indicators"));
    assert!(!entries.iter().any(|r| r["id"] == "2025-1-6-indicators" && r["aliases"].as_array().unwrap().iter().any(|a| a == "latest-indicators")));
    // Its chart over time reaches back and gains 1-7月, said as the office would.
    let charts = chart_file(&dir.join("data/charts/2025-1-7-indicators.bin"));
    let trend = charts.as_array().unwrap().iter().find(|c| c["id"] == "industry-trend").unwrap();
    assert_eq!(trend["categories"].as_array().unwrap().last().unwrap(), "2025年1-7月");
    assert_eq!(trend["series"][0]["labels"].as_array().unwrap().last().unwrap(), "6.5%");
    assert!(trend["description"].as_str().unwrap().starts_with("1-7月，规模以上工业增加值同比增长6.5%，增速比1-6月回落0.2个百分点"), "{}", trend["description"]);
    // The page shows it without JavaScript, and its downloads and embeds are there.
    let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(page.contains(r#"<xixia-stat chart="industry-trend" release="2025-1-7-indicators">"#));
    for file in ["data/export/zh-CN/2025-1-7-indicators/industry-trend.svg", "data/export/en/2025-1-7-indicators/industry-trend.csv", "data/export/zh-CN/2025-1-7-indicators/2025-1-7-indicators.jsonstat.json", "data/embed/zh-CN/2025-1-7-indicators/industry-trend.html"] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    // Every chart and export says when it was published and which period its data reach.
    let csv = std::fs::read_to_string(dir.join("data/export/zh-CN/2025-1-7-indicators/industry-trend.csv")).unwrap();
    assert!(csv.contains("\r\n发布日期,2025年8月15日\r\n"), "{csv}");
    let embed = std::fs::read_to_string(dir.join("data/embed/zh-CN/2025-1-7-indicators/industry-trend.html")).unwrap();
    assert!(embed.contains(r#"<p class="xixia-stat__dates">2025年8月15日发布 · 数据时期：2025年1-7月</p>"#), "{embed}");
    assert!(embed.starts_with(r#"<xixia-stat chart="industry-trend" release="2025-1-7-indicators">"#) && embed.contains("<table") && embed.contains("<svg"), "{embed}");

    // Every file that was there is as it was, but the list of releases (and the page made from it).
    let after = snapshot(&dir);
    for (path, bytes) in &before {
        if path.ends_with("index.json") {
            continue;
        }
        assert!(after.get(path) == Some(bytes), "{} changed", path.display());
    }
    assert!(!after.keys().any(|p| p.to_string_lossy().contains(".publishing")), "no temporary file left");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_revision_is_a_new_version_and_keeps_the_earlier_one() {
    let dir = site("revision");
    let original = std::fs::read(dir.join("data/content/releases/2025-1-6-indicators.json")).unwrap();
    let corrected = String::from_utf8(original.clone()).unwrap().replacen(r#""rate": "6.7""#, r#""rate": "6.8""#, 1).replacen(r#""status": "#, r#""next_release": "2025-08-15", "status": "#, 1);
    assert_ne!(corrected.as_bytes(), original.as_slice(), "the sample states 6.7");
    let draft = dir.join("corrected.json");
    std::fs::write(&draft, corrected).unwrap();
    let output = run(&["publish", draft.to_str().unwrap(), "--site", dir.to_str().unwrap(), "--date", "2025-07-30"]);
    assert!(output.status.success(), "{}", text(&output));
    let said = text(&output);
    assert!(said.contains("修订：") && said.contains("第2版"), "{said}");
    assert!(said.contains("改动：规模以上工业增加值的增速：累计同比增长6.7%（可比价） → 累计同比增长6.8%（可比价）"), "the changed figure: {said}");
    assert!(std::fs::read(dir.join("data/content/releases/versions/2025-1-6-indicators.v1.json")).unwrap() == original, "version 1 kept as it was");
    let release = json(&dir.join("data/content/releases/2025-1-6-indicators.json"));
    assert_eq!((release["version"].as_u64(), release["revised"].as_str()), (Some(2), Some("2025-07-30")));
    let charts = chart_file(&dir.join("data/charts/2025-1-6-indicators.bin"));
    let status = charts[0]["status"].as_str().unwrap();
    assert!(status.contains("2025年7月30日修订"), "{status}");
    // The list of releases carries the next release date, and the page says it, and the version.
    let index = json(&dir.join("data/charts/index.json"));
    let entry = index["releases"].as_array().unwrap().iter().find(|r| r["id"] == "2025-1-6-indicators").unwrap().clone();
    assert_eq!((entry["next_release"].as_str(), entry["version"].as_u64()), (Some("2025-08-15"), Some(2)));
    let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(page.contains("下期预计发布：2025年8月15日") && page.contains("第2版，2025年7月30日修订"), "the page says when the next is due and that this is revised");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_draft_with_errors_is_refused_until_confirmed_and_a_refusal_writes_nothing() {
    let dir = site("errors");
    // Next year's bulletin whose three industries do not add up to its GDP.
    let bulletin = std::fs::read_to_string(dir.join("data/content/releases/2024-bulletin.json")).unwrap();
    let mut draft: serde_json::Value = serde_json::from_str(&bulletin).unwrap();
    draft["id"] = "2025-bulletin".into();
    draft["period"]["year"] = 2025.into();
    draft["title"] = draft["title"].as_str().unwrap().replace("2024", "2025").into();
    for fact in draft["facts"].as_array_mut().unwrap() {
        if fact["id"] == "gdp-primary" {
            fact["value"]["amount"] = "99.99".into();
        }
        fact.as_object_mut().unwrap().remove("period");
        fact.as_object_mut().unwrap().remove("indicator");
    }
    draft["facts"].as_array_mut().unwrap().retain(|f| f["id"] != "gdp-2023-final");
    let path = dir.join("draft.json");
    std::fs::write(&path, serde_json::to_string_pretty(&draft).unwrap()).unwrap();
    let before = snapshot(&dir);
    let refused = run(&["publish", path.to_str().unwrap(), "--site", dir.to_str().unwrap(), "--date", "2026-03-20"]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(text(&refused).contains("草稿有") && text(&refused).contains("--confirm"), "{}", text(&refused));
    assert!(snapshot(&dir) == before, "a refused draft writes nothing");
    let confirmed = run(&["publish", path.to_str().unwrap(), "--site", dir.to_str().unwrap(), "--date", "2026-03-20", "--confirm"]);
    assert!(confirmed.status.success(), "{}", text(&confirmed));
    assert!(dir.join("data/content/releases/2025-bulletin.json").is_file());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_zip_holds_the_same_files_and_the_same_input_makes_the_same_bytes() {
    let dir = site("zip");
    let draft = Path::new(ROOT).join("sample-site/texts/2025-1-7-indicators.txt");
    let zip = |name: &str| {
        let path = dir.join(name);
        let output = run(&["publish", draft.to_str().unwrap(), "--site", dir.to_str().unwrap(), "--date", "2025-08-15", "--zip", path.to_str().unwrap()]);
        assert!(output.status.success(), "{}", text(&output));
        std::fs::read(path).unwrap()
    };
    let before = snapshot(&dir);
    let (a, b) = (zip("a.zip"), zip("b.zip"));
    assert!(a == b, "the same publication, the same bytes");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(a)).unwrap();
    let names: Vec<String> = (0..archive.len()).map(|i| archive.by_index(i).unwrap().name().to_owned()).collect();
    assert!(names.contains(&"data/content/releases/2025-1-7-indicators.json".to_owned()), "{names:?}");
    assert!(names.contains(&"data/charts/index.json".to_owned()));
    assert!(names.iter().all(|n| !n.starts_with('/') && !n.split('/').any(|p| p == "..")), "{names:?}");
    // The site folder itself is untouched by a zip.
    let after = snapshot(&dir);
    assert_eq!(after.len(), before.len() + 2, "only the two zips");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn hostile_input_gets_a_clear_error_and_writes_nothing() {
    let dir = site("hostile");
    let before = snapshot(&dir);
    // Not a site folder.
    let empty = std::env::temp_dir().join(format!("xixia-publish-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let draft = Path::new(ROOT).join("sample-site/texts/2025-1-7-indicators.txt");
    let output = run(&["publish", draft.to_str().unwrap(), "--site", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("not a served site folder"), "{}", text(&output));
    // An id that would climb out of the folder, and JSON that does not read.
    let climbing = dir.join("climb.json");
    let release = std::fs::read_to_string(dir.join("data/content/releases/2025-1-6-indicators.json")).unwrap().replacen(r#""id": "2025-1-6-indicators""#, r#""id": "../../evil""#, 1);
    std::fs::write(&climbing, release).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"id\": \"x\", ").unwrap();
    for (path, says) in [(&climbing, "must be lowercase letters"), (&broken, "broken.json")] {
        let output = run(&["publish", path.to_str().unwrap(), "--site", dir.to_str().unwrap(), "--date", "2025-08-15"]);
        assert_eq!(output.status.code(), Some(2), "{}", text(&output));
        assert!(text(&output).contains(says), "{}", text(&output));
    }
    let mut after = snapshot(&dir);
    after.retain(|p, _| !p.ends_with("climb.json") && !p.ends_with("broken.json"));
    assert!(after == before, "nothing written");
    assert!(!Path::new(&dir).join("../evil.json").exists());
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&empty).ok();
}

#[test]
fn a_release_file_of_the_site_that_does_not_read_is_skipped_said_and_left_as_it_was() {
    let dir = site("unreadable");
    // The web team's hand edit broke the 2024 bulletin's file (a comma too many, line 3), and the
    // 2025 1-5月 report's file is gone while its chart data stay.
    let bulletin = dir.join("data/content/releases/2024-bulletin.json");
    let original = std::fs::read_to_string(&bulletin).unwrap();
    let (first, rest) = original.split_once('\n').unwrap();
    std::fs::write(&bulletin, format!("{first}\n  ,\n{rest}")).unwrap();
    std::fs::remove_file(dir.join("data/content/releases/2025-1-5-indicators.json")).unwrap();
    // And the 2023 bulletin's chart data are gone, its release file broken too: nothing to keep.
    std::fs::write(dir.join("data/content/releases/2023-bulletin.json"), "{").unwrap();
    std::fs::remove_file(dir.join("data/charts/2023-bulletin.bin")).unwrap();
    let before = snapshot(&dir);
    let index_before = json(&dir.join("data/charts/index.json"));

    let draft = Path::new(ROOT).join("sample-site/texts/2025-1-7-indicators.txt");
    let output = run(&["publish", draft.to_str().unwrap(), "--site", dir.to_str().unwrap(), "--date", "2025-08-15"]);
    assert!(output.status.success(), "{}", text(&output));
    let said = text(&output);
    assert!(said.contains("新发布：样例县2025年1-7月主要经济指标"), "{said}");
    // Said, with the file and the place in it.
    let skipped: Vec<&str> = said.lines().filter(|l| l.starts_with("跳过：")).collect();
    assert_eq!(skipped.len(), 4, "{said}");
    assert!(skipped.iter().any(|l| l.contains("页面 index.html 未重新生成")), "{said}");
    assert!(skipped.iter().any(|l| l.contains("2024-bulletin.json：第2行")), "{said}");
    assert!(skipped.iter().any(|l| l.contains("2025-1-5-indicators.json") && l.contains("不存在")), "{said}");
    assert!(skipped.iter().any(|l| l.contains("2023-bulletin.json：第1行")), "{said}");

    // The new month is listed; the bulletin whose file broke keeps its entry, as it was, with its
    // chart data; the one whose chart data are gone is not listed; no entry names a missing file.
    let index = json(&dir.join("data/charts/index.json"));
    let entries = index["releases"].as_array().unwrap();
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"2025-1-7-indicators") && ids.contains(&"2025-1-5-indicators") && !ids.contains(&"2023-bulletin"), "{ids:?}");
    let kept = entries.iter().find(|e| e["id"] == "2024-bulletin").expect("the unreadable bulletin's entry is kept");
    assert_eq!(Some(kept), index_before["releases"].as_array().unwrap().iter().find(|e| e["id"] == "2024-bulletin"));
    let position = |id: &str| ids.iter().position(|i| *i == id).unwrap();
    assert!(position("2024-1-12-indicators") < position("2024-bulletin") && position("2024-bulletin") < position("2025-1-2-indicators"), "in its place: {ids:?}");
    for id in &ids {
        assert!(dir.join(format!("data/charts/{id}.bin")).is_file(), "{id} is listed without its chart data");
    }
    assert_eq!(entries.iter().filter(|e| e["aliases"].as_array().unwrap().iter().any(|a| a == "latest-bulletin")).count(), 1, "one latest-bulletin");
    assert!(kept["aliases"].as_array().unwrap().iter().any(|a| a == "latest-bulletin"), "the newest bulletin is still the unreadable one's entry");

    // The broken files are as they were.
    let after = snapshot(&dir);
    for path in ["data/content/releases/2024-bulletin.json", "data/content/releases/2023-bulletin.json", "data/charts/2024-bulletin.bin", "index.html"] {
        assert!(after.get(Path::new(path)) == before.get(Path::new(path)), "{path} changed");
    }
    assert!(!after.contains_key(Path::new("data/content/releases/2025-1-5-indicators.json")), "nothing made up for the missing file");
    std::fs::remove_dir_all(&dir).ok();
}
