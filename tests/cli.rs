//! The `xixia-stats` command as a user runs it.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xixia-stats")).args(args).output().expect("xixia-stats runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

#[test]
fn list_names_every_bundled_release() {
    let output = run(&["list"]);
    assert!(output.status.success());
    let text = stdout(&output);
    for (id, title) in [
        ("2022-bulletin", "西夏区2022年国民经济和社会发展统计公报"),
        ("2023-1-11-indicators", "2023年1-11月"),
        ("2023-fiscal-reports-5-8", "西夏财政专报第五至八期"),
    ] {
        assert!(text.lines().any(|line| line.starts_with(id) && line.contains(title)), "{id} in {text}");
    }
}

#[test]
fn figures_prints_stated_and_computed_figures_as_json() {
    let output = run(&["figures", "2022-bulletin"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let stated = json["stated"].as_array().unwrap();
    assert!(stated.iter().any(|f| f["id"] == "gdp" && f["value"]["amount"] == "489.91"));
    let computed = json["computed"].as_array().unwrap();
    assert!(computed.iter().any(|f| f["id"] == "structure:gdp-by-industry:gdp-secondary" && f["display"] == "69.6%"));
}

#[test]
fn check_prints_findings_and_exits_1_on_errors() {
    let output = run(&["check", "2023-fiscal-reports-5-8"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("[错误] full-revenue-by-level"), "{text}");
    assert!(text.contains("4.16亿元 ≠ 全口径一般公共预算收入5.16亿元"), "{text}");
    assert!(text.contains("原文: 「"), "the sentence is quoted: {text}");
    assert!(!text.contains("[通过]"), "passes only with --all");

    let clean = run(&["check", "2023-1-11-indicators", "--all"]);
    assert_eq!(clean.status.code(), Some(0));
    assert!(stdout(&clean).contains("[通过]"));
}

#[test]
fn check_json_lists_every_finding_with_its_location() {
    let output = run(&["check", "2023-fiscal-reports-5-8", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let findings = json["findings"].as_array().unwrap();
    let share = findings.iter().find(|f| f["check"] == "stated_share" && f["severity"] == "error").expect("share error");
    assert_eq!(share["location"]["subject"], "full-revenue-district");
    assert_eq!(share["location"]["field"], "share");
    assert!(share["location"]["text"].as_str().unwrap().contains("30.23%"));
}

#[test]
fn a_release_file_path_works_like_an_id() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/releases/2022-bulletin.json");
    let output = run(&["check", path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("agri-farming"));
}

#[test]
fn bad_input_gives_a_clear_error_and_exit_2() {
    let dir = std::env::temp_dir().join(format!("xixia-stats-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        ("number.json", "{\n  \"id\": \"x\",\n  \"title\": 5\n}", "line 3, column 12: field `title`"),
        ("broken.json", "{\"id\": \"x\",", "not valid JSON"),
        ("binary.json", "\u{0}\u{1}", "not valid JSON"),
    ];
    for (name, text, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let output = run(&["check", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let message = stderr(&output);
        assert!(message.contains(expected) && message.contains(name), "{name}: {message}");
        assert!(!message.contains("panicked"), "{message}");
    }
    std::fs::write(dir.join("latin1.json"), [0xffu8, 0xfe]).unwrap();
    let output = run(&["check", dir.join("latin1.json").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not UTF-8"));

    let missing = run(&["figures", "2021-bulletin"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("bundled releases: 2022-bulletin"), "{}", stderr(&missing));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn chart_data_lists_every_chart_with_exact_values() {
    let output = run(&["chart-data"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let charts = json.as_array().unwrap();
    assert_eq!(charts.len(), xixia_stats::chart::CATALOGUE.len());
    let gdp = charts.iter().find(|c| c["id"] == "gdp-by-industry").unwrap();
    assert_eq!(gdp["series"][0]["values"][1], "340.85");
    assert_eq!(gdp["status"], "初步统计数");
}
