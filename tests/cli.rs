//! The `xixia-stats` command as a user runs it.

mod common;

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
    assert!(stderr(&output).contains("既不是 UTF-8 也不是 GBK"));

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
    // Every chart of the specification, and a chart of each structure no entry draws.
    for info in common::catalogue() {
        assert!(charts.iter().any(|c| c["id"] == info.id && c["release"] == info.release), "{} of {}", info.id, info.release);
    }
    assert_eq!(charts.len(), published("zh-CN", None));
    assert!(charts.iter().any(|c| c["id"] == "auto-population-by-sex"));
    let gdp = charts.iter().find(|c| c["id"] == "gdp-by-industry").unwrap();
    assert_eq!(gdp["series"][0]["values"][1], "340.85");
    assert_eq!(gdp["status"], "初步统计数");
}

/// How many charts the bundled site publishes in `lang`, of one release or of all.
fn published(lang: &str, release: Option<&str>) -> usize {
    let lang = if lang == "en" { xixia_stats::chart::Lang::En } else { xixia_stats::chart::Lang::Zh };
    let charts = xixia_stats::site::Site::bundled().unwrap().charts(lang).unwrap();
    charts.iter().filter(|c| release.map_or(true, |r| c.release == r)).count()
}

/// A fresh folder for one test's output.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("xixia-stats-cli-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn written(output: &Output) -> Vec<std::path::PathBuf> {
    stdout(output).lines().map(std::path::PathBuf::from).collect()
}

#[test]
fn render_svg_writes_standalone_files_for_every_chart() {
    let dir = scratch("svg");
    let output = run(&["render", "--release", "2022-bulletin", "--format", "svg", "--width", "640", "-o", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let files = written(&output);
    assert_eq!(files.len(), published("zh-CN", Some("2022-bulletin")));
    for file in &files {
        assert_eq!(file.extension().unwrap(), "svg");
        let text = std::fs::read_to_string(file).unwrap();
        assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), "{}", file.display());
        let doc = roxmltree::Document::parse(&text).unwrap();
        assert_eq!(doc.root_element().first_element_child().unwrap().tag_name().name(), "title");
        assert_eq!(doc.root_element().attribute("width"), Some("640"));
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn render_csv_writes_each_chart_in_the_language_asked() {
    let dir = scratch("csv");
    let zh = run(&["render", "--chart", "gdp-by-industry", "--format", "csv", "-o", dir.to_str().unwrap()]);
    assert!(zh.status.success(), "{}", stderr(&zh));
    assert_eq!(written(&zh), [dir.join("gdp-by-industry.csv")]);
    let bytes = std::fs::read(dir.join("gdp-by-industry.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}标题,2022年西夏区三次产业增加值\r\n".as_bytes()));

    let en_dir = dir.join("en");
    let en = run(&["render", "--release", "2023-fiscal-reports-5-8", "--format", "csv", "--lang", "en", "-o", en_dir.to_str().unwrap()]);
    assert!(en.status.success(), "{}", stderr(&en));
    assert_eq!(written(&en).len(), published("en", Some("2023-fiscal-reports-5-8")));
    let text = String::from_utf8(std::fs::read(en_dir.join("sanbao-cumulative.csv")).unwrap()).unwrap();
    assert!(text.starts_with("\u{feff}Title,"), "{text}");
    assert!(text.contains("\r\nSource,Xixia District Finance Bureau\r\n"), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn render_jsonstat_writes_each_release_once_and_check_reads_it() {
    let dir = scratch("jsonstat");
    let output = run(&["render", "--format", "jsonstat", "-o", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    // In publication order: the period that ends first comes first.
    let ids = ["2022-bulletin", "2023-fiscal-reports-5-8", "2023-1-11-indicators"];
    assert_eq!(written(&output), ids.map(|id| dir.join(format!("{id}.jsonstat.json"))));
    for id in ids {
        let path = dir.join(format!("{id}.jsonstat.json"));
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!((json["version"].as_str(), json["class"].as_str()), (Some("2.0"), Some("dataset")));
        for command in ["check", "figures"] {
            let bundled = run(&[command, id]);
            let exported = run(&[command, path.to_str().unwrap()]);
            assert_eq!(exported.status.code(), bundled.status.code(), "{command} {id}: {}", stderr(&exported));
            assert_eq!(stdout(&exported), stdout(&bundled), "{command} reads the export as the release itself");
        }
    }

    // A release file, here the export itself, renders like the bundled release.
    let again = dir.join("again");
    let path = dir.join("2022-bulletin.jsonstat.json");
    let output = run(&["render", "--release", path.to_str().unwrap(), "--format", "jsonstat", "-o", again.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read(again.join("2022-bulletin.jsonstat.json")).unwrap(), std::fs::read(&path).unwrap());
    let charts = run(&["render", "--release", path.to_str().unwrap(), "--format", "csv", "-o", again.to_str().unwrap()]);
    assert!(charts.status.success(), "{}", stderr(&charts));
    assert!(written(&charts).contains(&again.join("product-growth.csv")));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn render_png_draws_every_chart_at_2x_and_a_missing_font_is_a_clear_error() {
    let dir = scratch("png");
    let missing = run(&["render", "--format", "png", "--font", "/nonexistent/NotoSansCJK.ttc", "-o", dir.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("/nonexistent/NotoSansCJK.ttc") && stderr(&missing).contains("fonts-noto-cjk"), "{}", stderr(&missing));
    assert_eq!(std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0), 0, "nothing written");
    if !std::path::Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").exists() {
        eprintln!("skipped: fonts-noto-cjk is not installed (make setup installs it)");
        return;
    }
    let png = run(&["render", "--release", "2022-bulletin", "--format", "png", "--width", "800", "-o", dir.to_str().unwrap()]);
    assert!(png.status.success(), "{}", stderr(&png));
    assert_eq!(written(&png).len(), published("zh-CN", Some("2022-bulletin")));
    for path in written(&png) {
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{}", path.display());
        // IHDR: the width is the first field, big-endian, at byte 16.
        let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        assert_eq!(width, 1600, "{}: 2 × 800 px", path.display());
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_render_requests_exit_2() {
    let dir = scratch("bad");

    let unknown = run(&["render", "--chart", "gdp-by-county", "--format", "csv", "-o", dir.to_str().unwrap()]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("gdp-by-industry"), "the message lists the charts: {}", stderr(&unknown));
    let format = run(&["render", "--format", "xlsx", "-o", dir.to_str().unwrap()]);
    assert_eq!(format.status.code(), Some(2));
    assert!(stderr(&format).contains("svg, png, csv, jsonstat"), "{}", stderr(&format));
    let lang = run(&["render", "--lang", "fr", "-o", dir.to_str().unwrap()]);
    assert_eq!(lang.status.code(), Some(2));

    // A foreign dataset has no charts, but is written as JSON-stat.
    let foreign = dir.join("foreign.json");
    std::fs::write(
        &foreign,
        r#"{"version": "2.0", "class": "dataset", "label": "Population", "id": ["time", "geo"], "size": [1, 2],
            "role": {"time": ["time"]}, "dimension": {"time": {"category": {"index": ["2023"]}},
            "geo": {"category": {"index": ["a", "b"]}}}, "value": [1, 2]}"#,
    )
    .unwrap();
    let svg = run(&["render", "--release", foreign.to_str().unwrap(), "-o", dir.to_str().unwrap()]);
    assert_eq!(svg.status.code(), Some(2));
    assert!(stderr(&svg).contains("population: cannot export: this release has no chart"), "{}", stderr(&svg));
    let json = run(&["render", "--release", foreign.to_str().unwrap(), "--format", "jsonstat", "-o", dir.to_str().unwrap()]);
    assert!(json.status.success(), "{}", stderr(&json));
    assert_eq!(written(&json), [dir.join("population.jsonstat.json")]);
    let check = run(&["check", foreign.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs the command with `input` on standard input.
fn run_with_input(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_xixia-stats"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xixia-stats runs");
    child.stdin.take().expect("stdin").write_all(input).expect("input written");
    child.wait_with_output().expect("xixia-stats ends")
}

/// A file under the test's temporary folder.
fn temp_file(name: &str, bytes: &[u8]) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, bytes).expect("temporary file written");
    path.display().to_string()
}

#[test]
fn import_prints_a_json_release_as_it_is() {
    let output = run(&["import", "data/releases/2022-bulletin.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert_eq!(json["id"], "2022-bulletin");
    assert_eq!(json["facts"].as_array().map(Vec::len), Some(104));
    assert!(stdout(&output).lines().count() > 100, "pretty-printed");
    assert!(stderr(&output).contains("按JSON读取：104个指标"), "{}", stderr(&output));

    let compact = run(&["import", "--compact", "data/releases/2022-bulletin.json"]);
    assert_eq!(stdout(&compact).lines().count(), 1);
    let again: serde_json::Value = serde_json::from_str(&stdout(&compact)).expect("valid JSON");
    assert_eq!(again, json);
}

#[test]
fn import_reads_the_csv_template_with_row_spans() {
    let output = run(&["import", "www/data/template.csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let facts = json["facts"].as_array().unwrap();
    let gdp = facts.iter().find(|f| f["id"] == "gdp").expect("地区生产总值 keeps the bundled id");
    assert_eq!(gdp["value"]["amount"], "489.91");
    assert_eq!(gdp["growth"]["rate"], "8.3");
    assert_eq!(json["breakdowns"][0]["parts"], serde_json::json!(["gdp-primary", "gdp-secondary", "gdp-tertiary"]));
    let template = std::fs::read_to_string("www/data/template.csv").unwrap();
    let chars: Vec<char> = template.chars().collect();
    let sentence = json["sentences"].as_array().unwrap().iter().find(|s| Some(&s["id"]) == Some(&gdp["sentence"])).expect("the fact's row");
    let (start, end) = (sentence["span"][0].as_u64().unwrap() as usize, sentence["span"][1].as_u64().unwrap() as usize);
    assert_eq!(chars[start..end].iter().collect::<String>(), "一、综合,地区生产总值,,489.91,亿元,8.3,比上年,可比价,,,,,,,,,,,");
    assert!(stderr(&output).contains("按CSV模板读取：5个指标，1个分组，1个结构比"), "{}", stderr(&output));
}

#[test]
fn import_reports_what_it_did_not_read_on_stderr() {
    let csv = "时期,2022年\n指标,数值,单位\n,3,亿元\n地区生产总值,489.91,亿元\n".as_bytes();
    let output = run_with_input(&["import", "-"], csv);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stderr(&output);
    assert!(text.contains("未读（第18-23个字符，有数字，没有指标名）：「,3,亿元」"), "{text}");
    assert!(text.contains("说明：未写明标题"), "{text}");

    let output = run_with_input(&["import", "-", "--report", "json"], csv);
    let report: serde_json::Value = serde_json::from_str(&stderr(&output)).expect("the report as JSON");
    assert_eq!(report["format"], "csv");
    assert_eq!(report["facts"], 1);
    assert_eq!(report["unparsed"][0]["span"], serde_json::json!([18, 23]));
    assert_eq!(report["unparsed"][0]["text"], ",3,亿元");
}

/// The CSV template (时期,2022年 / 指标,数值,单位 / 地区生产总值,489.91,亿元) in GBK, as older Excel
/// saves it.
fn gbk_template() -> Vec<u8> {
    encoding_rs::GBK.encode("时期,2022年\n指标,数值,单位\n地区生产总值,489.91,亿元\n").0.into_owned()
}

#[test]
fn import_reads_a_gbk_csv() {
    // 时期,2022年 / 指标,数值,单位 / 地区生产总值,489.91,亿元 in GBK, as older Excel saves it.
    let path = temp_file("draft-gbk.csv", &gbk_template());
    let output = run(&["import", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("按 GBK 编码读取"), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert_eq!(json["facts"][0]["name"], "地区生产总值");
}

#[test]
fn import_exits_2_with_a_message_when_nothing_can_be_read() {
    let missing = run(&["import", "no/such/draft.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no/such/draft.csv: cannot read"), "{}", stderr(&missing));

    let bad_format = run(&["import", "www/data/template.csv", "--format", "xml"]);
    assert_eq!(bad_format.status.code(), Some(2));
    assert!(stderr(&bad_format).contains("不认识的格式「xml」：可用 json、csv、text"), "{}", stderr(&bad_format));

    let empty = run_with_input(&["import", "-"], b" \n\n");
    assert_eq!(empty.status.code(), Some(2));
    assert!(stderr(&empty).contains("标准输入: 第1行: 输入是空的"), "{}", stderr(&empty));

    let binary = run_with_input(&["import", "-"], b"\xff\xfe\x00\x01garbage");
    assert_eq!(binary.status.code(), Some(2));
    assert!(stderr(&binary).contains("第1行（第0字节）: 既不是 UTF-8 也不是 GBK"), "{}", stderr(&binary));

    let bad_csv = run_with_input(&["import", "-"], "时期,2022年\n指标,数值,单位,增速(%)\n地区生产总值,489.91,亿元,增长八\n".as_bytes());
    assert_eq!(bad_csv.status.code(), Some(2));
    assert!(stderr(&bad_csv).contains("标准输入: 第3行「增速(%)」列: 「增长八」不是数字"), "{}", stderr(&bad_csv));

    let not_csv = run_with_input(&["import", "-", "--format", "csv"], "西夏区实现地区生产总值489.91亿元。".as_bytes());
    assert_eq!(not_csv.status.code(), Some(2));
    assert!(stderr(&not_csv).contains("找不到表头行"), "{}", stderr(&not_csv));

    let bad_json = run_with_input(&["import", "-"], b"{\"id\": 5}");
    assert_eq!(bad_json.status.code(), Some(2));
    assert!(stderr(&bad_json).contains("field `id`"), "{}", stderr(&bad_json));

    let huge = vec![b' '; 4 * 1024 * 1024 + 1];
    let too_large = run_with_input(&["import", "-"], &huge);
    assert_eq!(too_large.status.code(), Some(2));
    assert!(stderr(&too_large).contains("标准输入: 4194305 bytes is larger than the 4194304-byte limit"), "{}", stderr(&too_large));

    // Garbage read as prose: no indicator in it, whether the text import errs or lists it unread.
    let garbage = run_with_input(&["import", "-"], "asdf qwer ;;; 1 2 3 ###".as_bytes());
    assert_eq!(garbage.status.code(), Some(2));
    assert!(stderr(&garbage).starts_with("xixia-stats: ") || stderr(&garbage).contains("\nxixia-stats: "), "{}", stderr(&garbage));
    assert!(stdout(&garbage).is_empty());
}

#[test]
fn import_reads_bulletin_prose() {
    let prose = "一、综合\n初步核算，2024年，某某县实现地区生产总值123.45亿元，按可比价格计算，比上年增长6.1%。其中，第一产业增加值10.20亿元，增长3.5%；第二产业增加值50.05亿元，增长7.2%；第三产业增加值63.20亿元，下降1.4%。\n";
    let output = run_with_input(&["import", "-"], prose.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let facts = json["facts"].as_array().unwrap();
    let named = |name: &str| facts.iter().find(|f| f["name"] == name).unwrap_or_else(|| panic!("{name} in {facts:?}"));
    assert_eq!(named("地区生产总值")["value"]["amount"], "123.45");
    assert_eq!(named("地区生产总值")["growth"]["rate"], "6.1");
    assert_eq!(named("第三产业增加值")["growth"]["rate"], "-1.4");
    assert!(stderr(&output).contains("按公报文本读取"), "{}", stderr(&output));
}

/// `diff` against the release a draft revises: one changed figure is named with both printings
/// and makes the exit code 1; the release against itself is 0.
#[test]
fn diff_names_each_changed_figure_and_exits_1() {
    let text = std::fs::read_to_string("data/releases/2022-bulletin.json").unwrap().replace("\"489.91\"", "\"490.12\"");
    let draft = temp_file("diff-draft.json", text.as_bytes());
    let output = run(&["diff", &draft]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.starts_with("与已发布的《西夏区2022年国民经济和社会发展统计公报》（2022-bulletin）比较\n"), "{out}");
    assert!(out.contains("[修改] 地区生产总值的数值：489.91亿元 → 490.12亿元\n"), "{out}");
    assert!(out.ends_with("修改 1，新增 0，删除 0，相同 103\n"), "{out}");

    let json: serde_json::Value = serde_json::from_str(&stdout(&run(&["diff", &draft, "--json"]))).expect("valid JSON");
    assert_eq!(json["changed"][0]["draft"], "490.12亿元");

    let same = run(&["diff", "2022-bulletin"]);
    assert_eq!(same.status.code(), Some(0), "{}", stdout(&same));
    assert!(stdout(&same).ends_with("修改 0，新增 0，删除 0，相同 104\n"));

    // A CSV draft of one section: the rest of the bulletin is removed, the table named once.
    let csv = stdout(&run(&["diff", "www/data/template.csv"]));
    assert!(csv.contains("[删除] 表「2022年西夏区主要工业产品产量及增长速度」\n"), "{csv}");
    assert!(!csv.contains("单晶硅"), "a removed table is not listed cell by cell: {csv}");

    let unknown = run(&["diff", &draft, "--against", "1999-bulletin"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("1999-bulletin"), "{}", stderr(&unknown));
}

/// `check` and `figures` read a CSV draft (and bulletin prose) by its extension.
#[test]
fn check_reads_a_csv_draft() {
    let output = run(&["check", "www/data/template.csv", "--all"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("[通过] gdp-by-industry: 第一产业增加值、第二产业增加值、第三产业增加值之和489.91亿元 = 地区生产总值489.91亿元 ✓"), "{}", stdout(&output));
}

/// A draft rendered from the command line is marked as one: bulletin prose and CSV are always
/// drafts, a JSON release is one with `--draft`; every chart the draft allows is written.
#[test]
fn render_marks_every_chart_of_a_draft() {
    let dir = scratch("render-draft");
    let output = run(&["render", "--release", "data/samples/2022-bulletin.txt", "--format", "csv", "-o", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let files = written(&output);
    assert!(files.len() >= 15, "every structure of the bulletin charted: {files:?}");
    for file in &files {
        let csv = std::fs::read_to_string(file).unwrap();
        assert!(csv.contains("数据状态,征求意见稿（初步统计数）"), "{}: {csv}", file.display());
    }
    let gdp = std::fs::read_to_string(dir.join("gdp-by-industry.csv")).unwrap();
    assert!(gdp.contains("标题,【征求意见稿】2022年西夏区三次产业增加值"), "{gdp}");

    let svg = run(&["render", "--release", "data/releases/2022-bulletin.json", "--draft", "--chart", "gdp-structure", "-o", dir.to_str().unwrap()]);
    assert_eq!(svg.status.code(), Some(0), "{}", stderr(&svg));
    assert!(std::fs::read_to_string(dir.join("gdp-structure.svg")).unwrap().contains("征求意见稿"));
    let published = run(&["render", "--release", "2022-bulletin", "--chart", "gdp-structure", "-o", dir.to_str().unwrap()]);
    assert_eq!(published.status.code(), Some(0));
    assert!(!std::fs::read_to_string(dir.join("gdp-structure.svg")).unwrap().contains("征求意见稿"), "a published chart is not marked");

    let unknown = run(&["render", "--release", "data/samples/2022-bulletin.txt", "--chart", "nope", "-o", dir.to_str().unwrap()]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("gdp-by-industry"), "the draft's charts are listed: {}", stderr(&unknown));
}

#[test]
fn check_reads_a_gbk_draft_as_import_does() {
    // The same GBK template `import` reads: `check` uses the library's one draft reader too.
    let path = temp_file("check-gbk.csv", &gbk_template());
    let output = run(&["check", &path]);
    assert_ne!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!stderr(&output).contains("not UTF-8"), "{}", stderr(&output));
    assert!(stderr(&output).contains("按 GBK 编码读取"), "{}", stderr(&output));
}
