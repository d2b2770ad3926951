//! Exports as a journalist or another statistics system reads them: every chart's CSV in both
//! languages, formula injection, JSON-stat of every bundled release (structure and an exact
//! round trip), a foreign JSON-stat dataset, malformed ones, and the standalone SVG.

mod common;

use rust_decimal::Decimal;
use serde_json::Value;
use xixia_stats::chart::{self, ChartData, Lang};
use xixia_stats::export::{self, csv::BOM, jsonstat};
use xixia_stats::{bundled, load, ErrorKind, Period, Release, Status, Unit};

fn releases() -> Vec<Release> {
    bundled::all().expect("bundled releases load")
}

fn every_chart(lang: Lang) -> Vec<ChartData> {
    let releases = releases();
    common::catalogue()
        .iter()
        .map(|info| {
            let home = releases.iter().find(|r| r.id == info.release).unwrap();
            chart::build_in(info.id, home, &releases, lang).unwrap_or_else(|err| panic!("{}: {err}", info.id))
        })
        .collect()
}

/// The CSV's records: the metadata block and the table, split at the separator row.
fn parse_csv(bytes: &[u8]) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let body = bytes.strip_prefix(BOM).expect("the CSV starts with a UTF-8 byte-order mark");
    assert!(!body.starts_with(BOM), "one BOM only");
    let text = std::str::from_utf8(body).expect("UTF-8");
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(body);
    let records: Vec<Vec<String>> = reader.records().map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect()).collect();
    let separator = records.iter().position(|r| r.len() == 1 && r[0].is_empty()).expect("a separator row with one empty cell");
    let (metadata, table) = records.split_at(separator);
    (metadata.to_vec(), table[1..].to_vec())
}

fn value_of<'a>(metadata: &'a [Vec<String>], key: &str) -> Vec<&'a str> {
    metadata.iter().filter(|r| r[0] == key).map(|r| r[1].as_str()).collect()
}

/// The figures a column should hold: every drawn series, extra column and reference, each
/// figure as exact as the chart shows it. A series the chart shows rounded (the 三保 pace,
/// 11486.1375 shown as 11486.14) holds the figures as shown, followed by a column of the exact
/// ones; each series is followed by its "derived" column when a label is marked with `*`.
fn expected_columns(data: &ChartData) -> Vec<Vec<Option<String>>> {
    let mut columns = Vec::new();
    let n = data.categories.len();
    let shown_rounded = |value: Decimal, label: &str| {
        let printed: Decimal = label.trim_end_matches('*').replace(',', "").parse().ok()?;
        (printed.scale() < value.normalize().scale()).then(|| label.to_owned())
    };
    let mut add = |values: Vec<Option<Decimal>>, labels: Vec<String>| {
        let shown: Vec<Option<String>> = (0..n).map(|i| values[i].and_then(|v| shown_rounded(v, &labels[i]))).collect();
        columns.push((0..n).map(|i| Some(shown[i].clone().unwrap_or_else(|| values[i].map_or_else(|| labels[i].clone(), |v| v.to_string())))).collect());
        if shown.iter().any(Option::is_some) {
            columns.push((0..n).map(|i| Some(values[i].map(|v| v.to_string()).unwrap_or_default())).collect());
        }
        if labels.iter().any(|l| l.ends_with('*')) {
            columns.push(vec![None; n]);
        }
    };
    for s in data.series.iter().chain(&data.extra_columns) {
        add(s.values.clone(), s.labels.clone());
    }
    if let Some(r) = &data.reference {
        add(
            (0..n).map(|i| r.values.get(i).or(r.values.first()).copied().flatten()).collect(),
            (0..n).map(|i| r.labels.get(i).or(r.labels.first()).cloned().unwrap_or_default()).collect(),
        );
    }
    columns
}

#[test]
fn every_chart_csv_parses_with_its_metadata_and_exact_figures_in_both_languages() {
    for (lang, keys) in [(Lang::Zh, ["标题", "时期", "单位", "资料来源", "数据状态", "发布", "图表"]), (Lang::En, ["Title", "Period", "Unit", "Source", "Status", "Release", "Chart"])] {
        for data in every_chart(lang) {
            let bytes = export::csv::to_csv(&data).unwrap();
            let (metadata, table) = parse_csv(&bytes);
            let at = format!("{} ({lang})", data.id);
            assert!(metadata.iter().all(|r| r.len() == 2), "{at}: metadata rows are key,value");
            for key in keys {
                assert_eq!(value_of(&metadata, key).len(), 1, "{at}: one {key} row");
            }
            assert_eq!(value_of(&metadata, keys[0]), [data.title.as_str()], "{at}");
            assert_eq!(value_of(&metadata, keys[1]), [data.period.as_str()], "{at}");
            assert_eq!(value_of(&metadata, keys[2]), [data.unit.as_str()], "{at}");
            assert!(data.source.ends_with(value_of(&metadata, keys[3])[0]) && !value_of(&metadata, keys[3])[0].is_empty(), "{at}: source");
            assert_eq!(value_of(&metadata, keys[4]), [data.status.as_str()], "{at}");
            assert_eq!(value_of(&metadata, keys[5]), [data.release.as_str()], "{at}");
            let note = if lang == Lang::Zh { "注" } else { "Note" };
            assert_eq!(value_of(&metadata, note), data.notes.iter().map(String::as_str).collect::<Vec<_>>(), "{at}: one row per note");

            let columns = expected_columns(&data);
            assert_eq!(table.len(), data.categories.len() + 1, "{at}: a header and one row per category");
            assert_eq!(table[0][0], data.category_label, "{at}");
            assert_eq!(table[0].len(), columns.len() + 1, "{at}: header {:?}", table[0]);
            for (i, category) in data.categories.iter().enumerate() {
                let row = &table[i + 1];
                assert_eq!(&row[0], category, "{at}");
                for (j, expected) in columns.iter().enumerate() {
                    let cell = &row[j + 1];
                    match &expected[i] {
                        Some(figure) => assert_eq!(cell, figure, "{at} row {i} column {}", table[0][j + 1]),
                        None => assert!(cell.is_empty() || cell == "推算" || cell == "derived", "{at}: derived marker {cell:?}"),
                    }
                }
            }
        }
    }
}

#[test]
fn figures_are_plain_decimals_with_their_printed_precision() {
    let bulletin = bundled::release("2022-bulletin").unwrap();
    let text = |chart: &str, lang| String::from_utf8(export::csv::to_csv(&chart::build_in(chart, &bulletin, &[], lang).unwrap()).unwrap()).unwrap();
    let gdp = text("gdp-by-industry", Lang::Zh);
    assert!(gdp.contains("\r\n产业,增加值（亿元）,比上年增长（%）\r\n第一产业,7.25,0.7\r\n第二产业,340.85,13.0\r\n"), "{gdp}");
    let products = text("product-growth", Lang::En);
    assert!(products.contains("\r\nCement,-14.6,\"235.5 (10,000 tonnes)\"\r\n"), "{products}");
    assert!(!products.contains('−'), "figures use ASCII minus");
}

#[test]
fn a_figure_shown_rounded_is_written_as_shown_and_exact_beside_it() {
    let data = every_chart(Lang::Zh).into_iter().find(|d| d.id == "sanbao-cumulative").unwrap();
    let (_, table) = parse_csv(&export::csv::to_csv(&data).unwrap());
    let column = |header: &str| table[0].iter().position(|h| h == header).unwrap_or_else(|| panic!("{header} in {:?}", table[0]));
    let (shown, exact) = (column("序时进度（万元）"), column("序时进度（万元）：精确值"));
    assert_eq!(exact, shown + 1);
    assert_eq!([&table[1][shown], &table[2][shown]], ["11486.14", "22972.28"]);
    assert_eq!([&table[1][exact], &table[2][exact]], ["11486.1375", "22972.2750"]);
    // Printed figures keep their own precision and get no second column.
    assert_eq!(table[0].iter().filter(|h| h.ends_with("精确值")).count(), 1);
}

#[test]
fn derived_figures_stay_identifiable() {
    let data = every_chart(Lang::Zh).into_iter().find(|d| d.id == "indicators-vs-region").unwrap();
    let (_, table) = parse_csv(&export::csv::to_csv(&data).unwrap());
    assert_eq!(table[0], ["指标", "西夏区（%）", "自治区（推算）（%）", "自治区（推算）（%）：推算", "银川市（推算）（%）", "银川市（推算）（%）：推算"]);
    assert_eq!(table[1][1..], ["21.4", "11.5", "推算", "15.1", "推算"]);
}

#[test]
fn injection_payloads_are_neutralised_and_negative_numbers_are_not() {
    let payloads = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"];
    let mut data = every_chart(Lang::Zh).into_iter().find(|d| d.id == "product-growth").unwrap();
    data.title = payloads[0].to_owned();
    data.notes = payloads.iter().map(|p| p.to_string()).collect();
    data.category_label = payloads[3].to_owned();
    for (category, payload) in data.categories.iter_mut().zip(payloads) {
        *category = payload.to_owned();
    }
    data.series[0].name = payloads[1].to_owned();
    data.extra_columns[0].labels[0] = payloads[2].to_owned();
    let (metadata, table) = parse_csv(&export::csv::to_csv(&data).unwrap());
    let cells: Vec<&String> = metadata.iter().flatten().chain(table.iter().flatten()).collect();
    for payload in payloads {
        let quoted = format!("'{payload}");
        assert!(cells.iter().any(|c| **c == quoted), "{payload:?} comes out as {quoted:?}");
        assert!(!cells.iter().any(|c| *c == payload), "{payload:?} never comes out as is");
    }
    for cell in cells {
        let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let number = cell.parse::<Decimal>().is_ok() && !cell.contains(['+', 'e', 'E']);
        assert!(!risky || number, "{cell:?} could run as a formula");
    }
    let cement = table.iter().find(|row| row[1] == "-14.6").expect("-14.6 is written as a number");
    assert_eq!(cement[0], "水泥");
}

#[test]
fn a_payload_keyed_in_a_release_is_neutralised_in_its_chart() {
    let mut bulletin = bundled::release("2022-bulletin").unwrap();
    let primary = bulletin.facts.iter_mut().find(|f| f.id == "gdp-primary").unwrap();
    primary.name = "=HYPERLINK(\"http://x\",\"y\")增加值".to_owned();
    let data = chart::build("gdp-by-industry", &bulletin, &[]).unwrap();
    let (_, table) = parse_csv(&export::csv::to_csv(&data).unwrap());
    assert_eq!(table[1][0], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(table[1][1], "7.25");
}

/// Structural checks of JSON-stat 2.0: what a validator checks first.
fn check_structure(json: &Value) -> usize {
    assert_eq!(json["version"], "2.0");
    assert_eq!(json["class"], "dataset");
    let ids: Vec<&str> = json["id"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let sizes: Vec<u64> = json["size"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    assert_eq!(ids.len(), sizes.len());
    for (id, size) in ids.iter().zip(&sizes) {
        let category = &json["dimension"][id]["category"];
        assert!(category.is_object(), "dimension {id}");
        assert_eq!(category["index"].as_array().unwrap().len() as u64, *size, "{id}");
        assert_eq!(category["label"].as_object().unwrap().len() as u64, *size, "{id}");
    }
    for (role, dims) in json["role"].as_object().unwrap() {
        for dim in dims.as_array().unwrap() {
            assert!(ids.contains(&dim.as_str().unwrap()), "role {role} names {dim}");
        }
    }
    for role in ["time", "geo", "metric"] {
        assert_eq!(json["role"][role].as_array().map(Vec::len), Some(1), "role {role}");
    }
    let metric = json["role"]["metric"][0].as_str().unwrap();
    for id in &ids {
        assert_eq!(json["dimension"][id]["category"].get("unit").is_some(), *id == metric, "units only on the metric dimension");
    }
    let values = json["value"].as_array().unwrap();
    assert_eq!(values.len() as u64, sizes.iter().product::<u64>(), "size product = value count");
    let units = json["dimension"][metric]["category"]["unit"].as_object().unwrap();
    assert!(units.values().all(|u| u["decimals"].is_u64() && u["position"] == "end"));
    values.iter().filter(|v| !v.is_null()).count()
}

#[test]
fn every_bundled_release_is_valid_json_stat_and_round_trips_exactly() {
    for release in releases() {
        let json = jsonstat::from_release(&release).unwrap();
        let tree: Value = serde_json::from_str(&json).unwrap();
        let figures = check_structure(&tree);
        let stated: usize = release
            .facts
            .iter()
            .map(|f| [f.value.is_some(), f.growth.is_some(), f.increase.is_some(), f.share.is_some(), f.contribution.is_some()].iter().filter(|b| **b).count())
            .sum();
        assert_eq!(figures, stated, "{}: one cell per stated figure", release.id);
        assert_eq!(tree["label"], release.title.as_str());
        assert_eq!(tree["source"], release.publishers.join("、").as_str());
        assert_eq!(tree["updated"].as_str(), release.published.as_deref());
        assert_eq!(tree["note"].as_array().map_or(0, Vec::len), release.footnotes.len());
        assert_eq!(tree["extension"]["xixia-stats"]["release"]["status"], "preliminary");

        let back = jsonstat::to_release(&json).unwrap_or_else(|err| panic!("{}: {err}", release.id));
        assert_eq!(back.facts, release.facts, "{}: every fact, every field", release.id);
        assert_eq!(back, release, "{}: the whole release", release.id);
        assert_eq!(jsonstat::from_release(&back).unwrap(), json, "{}: export → import → export is byte-identical", release.id);
        let loaded = load::from_json(&json, "export.json").unwrap();
        assert_eq!(loaded, release, "the loader reads JSON-stat by content");
    }
}

#[test]
fn numbers_are_written_as_printed_and_read_back_with_their_precision() {
    let bulletin = bundled::release("2022-bulletin").unwrap();
    let json = jsonstat::from_release(&bulletin).unwrap();
    for printed in ["489.91,", "13.0,", "-54.8,", "107934,"] {
        assert!(json.contains(&format!("\n    {printed}")), "{printed} is written as printed");
    }
    let back = jsonstat::to_release(&json).unwrap();
    let secondary = back.fact("gdp-secondary").unwrap();
    assert_eq!(secondary.growth.as_ref().unwrap().rate.to_string(), "13.0");
    let tree: Value = serde_json::from_str(&json).unwrap();
    let unit = &tree["dimension"]["indicator"]["category"]["unit"]["gdp-secondary.growth"];
    assert_eq!((unit["label"].as_str(), unit["decimals"].as_u64()), (Some("%"), Some(1)));
    assert_eq!(tree["dimension"]["indicator"]["category"]["unit"]["gdp"]["label"], "亿元");

    let fiscal = bundled::release("2023-fiscal-reports-5-8").unwrap();
    let tree: Value = serde_json::from_str(&jsonstat::from_release(&fiscal).unwrap()).unwrap();
    let wages = &tree["dimension"]["indicator"]["category"]["unit"]["sanbao-need-wages"];
    assert_eq!(wages["decimals"], 2, "58697万元 is kept to two decimals");
}

#[test]
fn figures_that_would_share_an_indicator_id_are_refused() {
    let mut bulletin = bundled::release("2022-bulletin").unwrap();
    let mut clash = bulletin.fact("gdp-primary").unwrap().clone();
    clash.id = "gdp.growth".to_owned();
    clash.growth = None;
    bulletin.facts.push(clash);
    let err = jsonstat::from_release(&bulletin).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Export { .. }));
    assert!(err.to_string().contains("\"gdp.growth\""), "{err}");
}

/// Statistics Norway style: 3 years × 2 regions × 2 measures, one cell missing, values sparse,
/// the last year provisional.
const FOREIGN: &str = r#"{
  "version": "2.0",
  "class": "dataset",
  "label": "Population and live births, by region",
  "source": "Statistics Norway",
  "updated": "2024-02-21T08:00:00Z",
  "note": ["Figures for 2023 are provisional."],
  "id": ["time", "geo", "contents"],
  "size": [3, 2, 2],
  "role": {"time": ["time"], "geo": ["geo"], "metric": ["contents"]},
  "dimension": {
    "time": {"label": "year", "category": {"index": {"2021": 0, "2022": 1, "2023": 2}}},
    "geo": {"label": "region", "category": {"index": ["0301", "1103"], "label": {"0301": "Oslo", "1103": "Stavanger"}}},
    "contents": {"label": "contents", "category": {
      "index": ["pop", "births"],
      "label": {"pop": "Population", "births": "Live births per 1000"},
      "unit": {"pop": {"label": "persons", "decimals": 0}, "births": {"label": "per mille", "symbol": "‰", "decimals": 1}}
    }}
  },
  "value": {"0": 697010, "1": 10.5, "2": 144147, "3": 11.2, "4": 699827, "5": 10.1, "6": 144699,
            "8": 709037, "9": 9, "10": 148986, "11": 9.45},
  "status": {"8": "p", "9": "p", "10": "p", "11": "p"}
}"#;

/// A fact's id, name, own period, amount, decimals, unit and note.
type FactRow<'a> = (&'a str, &'a str, Option<Period>, String, Option<u32>, &'a str, Option<&'a str>);

#[test]
fn a_foreign_dataset_loads_as_a_release_of_its_non_missing_cells() {
    let release = jsonstat::to_release(FOREIGN).unwrap();
    assert_eq!(release.id, "population-and-live-births-by-region");
    assert_eq!(release.title, "Population and live births, by region");
    assert_eq!(release.publishers, ["Statistics Norway"]);
    assert_eq!(release.published.as_deref(), Some("2024-02-21"));
    assert_eq!(release.period, Period::Year { year: 2023 });
    assert_eq!(release.status, Status::Preliminary);
    assert_eq!(release.footnotes[0].text, "Figures for 2023 are provisional.");
    assert_eq!(release.facts.len(), 11, "12 cells, one missing");
    let rows: Vec<FactRow> = release
        .facts
        .iter()
        .map(|f| {
            let v = f.value.as_ref().unwrap();
            (f.id.as_str(), f.name.as_str(), f.period.clone(), v.amount.to_string(), v.decimals, v.unit.symbol(), f.note.as_deref())
        })
        .collect();
    let year = |year| Some(Period::Year { year });
    assert_eq!(rows[0], ("2021.0301.pop", "Oslo · Population", year(2021), "697010".into(), None, "persons", None));
    assert_eq!(rows[1], ("2021.0301.births", "Oslo · Live births per 1000", year(2021), "10.5".into(), None, "‰", None));
    assert_eq!(rows[6], ("2022.1103.pop", "Stavanger · Population", year(2022), "144699".into(), None, "persons", None));
    assert_eq!(rows[7], ("2023.0301.pop", "Oslo · Population", None, "709037".into(), None, "persons", Some("状态：p")));
    assert_eq!(rows[8], ("2023.0301.births", "Oslo · Live births per 1000", None, "9".into(), Some(1), "‰", Some("状态：p")), "9 printed to one decimal is 9.0");
    assert_eq!(rows[10].3, "9.45", "more digits than the unit's decimals are kept, never rounded");
    assert!(!release.facts.iter().any(|f| f.id == "2022.1103.births"), "the missing cell is no fact");
    assert_eq!(release.facts[0].value.as_ref().unwrap().unit, Unit::Other("persons".into()));

    // The same cube with `value` as an array reads the same.
    let dense: Vec<String> = (0..12)
        .map(|i| serde_json::from_str::<Value>(FOREIGN).unwrap()["value"].get(i.to_string()).map_or("null".to_owned(), |v| v.to_string()))
        .collect();
    let start = FOREIGN.find("\"value\": {").unwrap();
    let end = start + FOREIGN[start..].find('}').unwrap() + 1;
    let array = format!("{}\"value\": [{}]{}", &FOREIGN[..start], dense.join(", "), &FOREIGN[end..]);
    assert_eq!(jsonstat::to_release(&array).unwrap(), release);

    // A file of it loads through the loader, as `check` and `figures` read it.
    assert_eq!(load::from_json(FOREIGN, "ssb.json").unwrap(), release);
}

#[test]
fn a_collection_of_one_embedded_dataset_reads_as_that_dataset() {
    let collection = format!(r#"{{"version": "2.0", "class": "collection", "label": "SSB", "link": {{"item": [{FOREIGN}]}}}}"#);
    assert_eq!(jsonstat::to_release(&collection).unwrap(), jsonstat::to_release(FOREIGN).unwrap());
    let broken = collection.replace("\"size\": [3, 2, 2]", "\"size\": [3, 2, 3]");
    let err = jsonstat::to_release(&broken).unwrap_err().to_string();
    assert!(err.contains("`link.item[0].dimension.contents.category.index`"), "{err}");
}

#[test]
fn malformed_json_stat_is_refused_naming_the_path() {
    let two = format!(r#"{{"version": "2.0", "class": "collection", "link": {{"item": [{FOREIGN}, {FOREIGN}]}}}}"#);
    let linked = r#"{"version": "2.0", "class": "collection", "link": {"item": [{"class": "dataset", "href": "https://example.org/a.json"}]}}"#;
    let bundle = format!(r#"{{"population": {}}}"#, FOREIGN.replace("\"version\": \"2.0\",", "").replace("\"class\": \"dataset\",", ""));
    let cases: Vec<(String, &str, &str)> = vec![
        (FOREIGN.replace("\"size\": [3, 2, 2]", "\"size\": [3, 2]"), "`size`", "has 2 entries but `id` has 3"),
        (FOREIGN.replace("\"size\": [3, 2, 2]", "\"size\": [3, 2, 3]"), "`dimension.contents.category.index`", "has 2 categories but `size[2]` is 3"),
        (FOREIGN.replace("\"size\": [3, 2, 2]", "\"size\": [3, -2, 2]"), "`size[1]`", "not a count"),
        (FOREIGN.replace("\"class\": \"dataset\"", "\"class\": \"cube\""), "`class`", "not a JSON-stat class"),
        (FOREIGN.replace("\"class\": \"dataset\"", "\"class\": \"dimension\""), "`class`", "give a dataset"),
        (FOREIGN.replace("\"version\": \"2.0\"", "\"version\": \"1.02\""), "`version`", "only JSON-stat 2.0"),
        (FOREIGN.replace("\"version\": \"2.0\"", "\"version\": 2.0"), "`version`", "only JSON-stat 2.0"),
        (two, "`link.item`", "2 embedded datasets"),
        (linked.to_owned(), "`link.item`", "none of them an embedded dataset"),
        (bundle, "`(top level)`", "1.x bundle"),
        (FOREIGN.replace("\"0\": 697010", "\"0\": 1e400"), "`value.\"0\"`", "does not fit an exact decimal"),
        (FOREIGN.replace("\"0\": 697010", "\"0\": 123456789012345678901234567890"), "`value.\"0\"`", "does not fit an exact decimal"),
        (FOREIGN.replace("\"0\": 697010", "\"0\": \"many\""), "`value.\"0\"`", "not a decimal number"),
        (FOREIGN.replace("\"0\": 697010", "\"0\": true"), "`value.\"0\"`", "a cell holds a number or null"),
        (FOREIGN.replace("\"0\": 697010", "\"12\": 697010"), "`value.\"12\"`", "not a cell index below 12"),
        (FOREIGN.replace("\"geo\": {\"label\"", "\"area\": {\"label\""), "`dimension.geo`", "is missing"),
        (FOREIGN.replace("\"role\": {\"time\": [\"time\"]", "\"role\": {\"time\": [\"year\"]"), "`role.time[0]`", "not one of the dataset's dimensions"),
        (FOREIGN.replace("\"status\": {\"8\": \"p\"", "\"status\": [\"p\", \"p\"], \"x\": {\"8\": \"p\""), "`status`", "has 2 entries but the cube has 12 cells"),
        (FOREIGN.replace("\"index\": [\"pop\", \"births\"]", "\"index\": [\"pop\", \"births\"], \"note\": {\"deaths\": [\"x\"]}"), "`dimension.contents.category.note.deaths`", "no category"),
        (FOREIGN.replace("{\"2021\": 0, \"2022\": 1, \"2023\": 2}", "{\"2021\": 0, \"2022\": 0, \"2023\": 2}"), "`dimension.time.category.index.2022`", "not a free position"),
        (FOREIGN.replace("\"2021\": 0, \"2022\": 1, \"2023\": 2", "\"2021w\": 0, \"2022w\": 1, \"2023w\": 2").replace("\"updated\": \"2024-02-21T08:00:00Z\",", ""), "`role.time`", "no `updated` date"),
    ];
    for (json, path, message) in cases {
        let err = jsonstat::to_release(&json).expect_err(path);
        let text = err.to_string();
        assert!(matches!(err.kind(), ErrorKind::JsonStat { .. }), "{text}");
        assert!(text.contains(&format!("JSON-stat {path}: ")) && text.contains(message), "expected {path} … {message}: {text}");
    }

    let value_count = FOREIGN.replace("\"value\": {", "\"value\": [1, 2, 3], \"x\": {");
    let text = jsonstat::to_release(&value_count).unwrap_err().to_string();
    assert!(text.contains("JSON-stat `value`: has 3 values but `size` [3, 2, 2] makes 12 cells"), "{text}");

    let text = jsonstat::to_release("[1, 2]").unwrap_err().to_string();
    assert_eq!(text, "dataset: JSON-stat `(top level)`: is not a JSON object");
    let truncated = &FOREIGN[..FOREIGN.len() / 2];
    assert!(matches!(jsonstat::to_release(truncated).unwrap_err().kind(), ErrorKind::Syntax { .. }));
    let duplicate = FOREIGN.replace("\"index\": [\"0301\", \"1103\"]", "\"index\": [\"0301\", \"0301\"]");
    let text = jsonstat::to_release(&duplicate).unwrap_err().to_string();
    assert!(text.contains("JSON-stat `dimension.geo.category.index[1]`: \"0301\" is listed twice"), "{text}");
    let joined = FOREIGN.replace("\"index\": [\"0301\", \"1103\"]", "\"index\": [\"0301.pop\", \"0301\"]").replace("[\"pop\", \"births\"]", "[\"pop\", \"pop.pop\"]");
    let text = jsonstat::to_release(&joined.replace("\"births\": ", "\"pop.pop\": ")).unwrap_err().to_string();
    assert!(text.contains("problem(s)") && text.contains("is used twice"), "cells whose ids join the same are refused: {text}");
    let huge = format!("{}{}", FOREIGN, " ".repeat(load::MAX_BYTES));
    assert!(matches!(jsonstat::to_release(&huge).unwrap_err().kind(), ErrorKind::TooLarge { .. }));
}

#[test]
fn our_own_extension_is_checked_too() {
    let json = jsonstat::from_release(&bundled::release("2023-1-11-indicators").unwrap()).unwrap();
    let renamed = json.replace("\"status\": \"preliminary\"", "\"status\": \"draft\"");
    let text = jsonstat::to_release(&renamed).unwrap_err().to_string();
    assert!(text.contains("JSON-stat `extension.xixia-stats.release.status`: unknown variant `draft`"), "{text}");
    let dropped = json.replacen("\"investment.growth\",", "", 1).replacen("\"investment.growth\": ", "\"investment.growth.x\": ", 3);
    assert!(jsonstat::to_release(&dropped).is_err());
}

#[test]
fn standalone_svg_carries_title_description_metadata_and_the_cjk_fonts() {
    for data in every_chart(Lang::Zh).into_iter().chain(every_chart(Lang::En)) {
        let svg = chart::render(&data, 640).unwrap().svg;
        let file = export::standalone_svg(&svg, &data);
        assert!(file.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), "{}", data.id);
        let doc = roxmltree::Document::parse(&file).unwrap_or_else(|err| panic!("{}: {err}", data.id));
        let root = doc.root_element();
        let fonts = root.attribute("font-family").unwrap();
        assert!(fonts.starts_with("Noto Sans CJK SC, Source Han Sans SC") && fonts.ends_with("sans-serif"), "{fonts}");
        assert_eq!(root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")), Some(data.lang.code()));
        let children: Vec<_> = root.children().filter(|n| n.is_element()).take(3).collect();
        let names: Vec<&str> = children.iter().map(|n| n.tag_name().name()).collect();
        assert_eq!(names, ["title", "desc", "metadata"], "{}", data.id);
        assert_eq!(children[0].text(), Some(data.title.as_str()));
        let desc = children[1].text().unwrap();
        assert!(desc.contains(&data.description) && desc.contains(&data.source) && desc.ends_with(&data.status), "{desc}");
        let dc = |name: &str| children[2].descendants().find(|n| n.tag_name().name() == name).and_then(|n| n.text()).map(str::to_owned);
        assert_eq!(dc("coverage").as_deref(), Some(data.period.as_str()));
        assert_eq!(dc("source").as_deref(), Some(data.source.as_str()));
        assert_eq!(file.matches("<svg").count(), 1);
        assert!(file.ends_with("</svg>"));
    }
}

#[test]
fn standalone_svg_escapes_text() {
    let mut data = every_chart(Lang::Zh).remove(0);
    data.title = "<script>alert(1)</script> & \"x\"".to_owned();
    let file = export::standalone_svg(&chart::render(&data, 640).unwrap().svg, &data);
    let doc = roxmltree::Document::parse(&file).unwrap();
    assert_eq!(doc.root_element().first_element_child().unwrap().text(), Some("<script>alert(1)</script> & \"x\""));
    assert!(!file.contains("<script>"));
}
