//! The bulletin-text import on the three sample texts (data/samples/): each imports, validates,
//! keeps its sentences' spans, and the checker finds on the imported 2022 bulletin what it finds
//! on the hand-keyed release. Garbage gets a clear error.

use std::collections::BTreeMap;
use std::time::Instant;

use xixia_stats::check::Severity;
use xixia_stats::ErrorKind;
use xixia_stats::import::{self, text, Format};
use xixia_stats::{bundled, check, load, Release};

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod targets;

const SAMPLES: [&str; 3] = ["2022-bulletin", "2023-1-11-indicators", "fiscal-report-7"];

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!("{}/data/samples/{name}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn import_sample(name: &str) -> (Release, import::Report) {
    let imported = import::import(&sample(name), Some(Format::Text), name).unwrap_or_else(|e| panic!("{name}: {e}"));
    (imported.release, imported.report)
}

#[test]
fn the_samples_import_and_validate_with_nothing_left_unread() {
    for name in SAMPLES {
        let (release, report) = import_sample(name);
        assert!(load::validate(&release).is_empty(), "{name}: {:?}", load::validate(&release));
        assert!(report.unparsed.is_empty(), "{name}: {:?}", report.unparsed);
        let json = serde_json::to_string(&release).unwrap();
        assert_eq!(load::from_json(&json, name).unwrap(), release, "{name}: the draft reads back from its JSON");
        assert!(release.facts.iter().all(|f| f.sentence.is_some()), "{name}: every fact points at its sentence");
    }
    let (bulletin, _) = import_sample("2022-bulletin");
    assert_eq!(bulletin.id, "2022-bulletin");
    assert_eq!(bulletin.title, "西夏区2022年国民经济和社会发展统计公报");
    assert_eq!(bulletin.publishers, ["西夏区统计局"]);
    assert_eq!(bulletin.footnotes.len(), 4);
    assert_eq!(bulletin.sections.iter().filter(|s| s.id != "s0").map(|s| s.title.as_str()).collect::<Vec<_>>()[..2], ["一、综合", "二、农业"]);
    assert_eq!(bulletin.tables.len(), 1);
    assert_eq!(bulletin.tables[0].rows.len(), 7);
    assert!(bulletin.source.note.as_deref().is_some_and(|n| n.contains("西夏区财政局")));
    let gdp = bulletin.fact("gdp").expect("地区生产总值 keeps the published id");
    assert_eq!(gdp.footnotes, ["2"]);
    let (indicators, _) = import_sample("2023-1-11-indicators");
    assert_eq!(indicators.period, xixia_stats::Period::Cumulative { year: 2023, from_month: 1, to_month: 11 });
    let (fiscal, _) = import_sample("fiscal-report-7");
    assert_eq!(fiscal.period, xixia_stats::Period::Month { year: 2023, month: 2 });
}

#[test]
fn spans_slice_the_original_text_to_the_sentence() {
    for name in SAMPLES {
        let input = sample(name);
        let chars: Vec<char> = input.chars().collect();
        let (release, _) = import_sample(name);
        assert!(!release.sentences.is_empty());
        for sentence in &release.sentences {
            let span = sentence.span.unwrap_or_else(|| panic!("{name}: {} has no span", sentence.id));
            assert!(span.start < span.end && span.end <= chars.len(), "{name}: {span:?}");
            let original: String = chars[span.start..span.end].iter().collect();
            assert_eq!(text::clean_str(&original), sentence.text, "{name}: {}", sentence.id);
        }
    }
    // Spans are in characters of the original, PDF artefacts and all.
    let (release, _) = import_sample("2022-bulletin");
    let chars: Vec<char> = sample("2022-bulletin").chars().collect();
    let gdp = release.fact("gdp").unwrap();
    let sentence = release.sentence(gdp.sentence.as_deref().unwrap()).unwrap();
    let span = sentence.span.unwrap();
    let original: String = chars[span.start..span.end].iter().collect();
    assert_eq!(original, "初步核算，2022 年，西夏区实现地区生产总值 489.91 亿元，按可比价格计算，比上年增长 8.3%^[2]。");
}

/// Finding counts by check, leaving out passes.
fn problems_by_check(release: &Release) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for finding in check::check(release).problems() {
        *out.entry(format!("{:?} {:?}", finding.check, finding.severity)).or_insert(0) += 1;
    }
    out
}

#[test]
fn the_checker_finds_on_the_imported_bulletin_what_it_finds_on_the_hand_keyed_one() {
    let (imported, _) = import_sample("2022-bulletin");
    let keyed = bundled::release("2022-bulletin").unwrap();
    assert_eq!(problems_by_check(&imported), problems_by_check(&keyed));
    let messages: Vec<String> = check::check(&imported).problems().map(|f| f.message.clone()).collect();
    assert!(messages.iter().any(|m| m.contains("0.7")), "the bare 增长0.7 of 农业产值: {messages:?}");
    assert!(messages.iter().any(|m| m.contains("45.48")), "42.06 + 3.4 against 45.48: {messages:?}");
    assert!(check::check(&imported).problems().all(|f| f.severity != Severity::Error || f.location.sentence.is_some()));
}

#[test]
fn word_pasted_text_reads_as_the_pdf_text_does() {
    // No spaces between figures and 汉字, CRLF line ends, one paragraph per line, [n] markers.
    let pdf = sample("2022-bulletin");
    let word: String = pdf
        .replace("^[", "[")
        .split('\n')
        .map(|line| line.replace(" 年", "年").replace(" 亿元", "亿元"))
        .collect::<Vec<_>>()
        .join("\r\n");
    let (from_pdf, _) = import_sample("2022-bulletin");
    let (from_word, report) = text::import(&word, "word.txt").unwrap();
    assert!(report.unparsed.is_empty(), "{:?}", report.unparsed);
    let facts = |r: &Release| r.facts.iter().map(|f| (f.name.clone(), f.value.clone(), f.growth.clone(), f.footnotes.clone())).collect::<Vec<_>>();
    assert_eq!(facts(&from_word), facts(&from_pdf));
    assert_eq!(from_word.breakdowns, from_pdf.breakdowns);
}

#[test]
fn garbage_gets_a_clear_error() {
    let rows: [(&str, &str); 4] = [
        ("", "空"),
        ("这是一段没有任何数字的文字。它不是统计公报。", "没有找到任何统计数字"),
        ("\u{0}\u{1}PK\u{3}\u{4}\u{14}\u{0}\u{6}\u{0}", "不是文本"),
        ("abc def 123 456", "没有找到任何统计数字"),
    ];
    for (input, says) in rows {
        let err = import::import(input, Some(Format::Text), "粘贴的文本").unwrap_err();
        let ErrorKind::Import { origin, place, message } = err.kind() else { panic!("{input:?}: {err}") };
        assert_eq!(origin, "粘贴的文本");
        assert!(place.starts_with('第') && place.ends_with("个字符起"), "{place}");
        assert!(message.contains(says), "{input:?}: {message}");
    }
}

#[test]
fn a_large_text_reads_in_linear_time() {
    // The 2022 bulletin repeated to about 4 MiB: must finish in seconds, not minutes.
    let one = sample("2022-bulletin");
    let copies = (4 * 1024 * 1024 - 1024) / one.len();
    let big = one.repeat(copies);
    assert!(big.len() <= xixia_stats::load::MAX_BYTES);
    let start = Instant::now();
    let result = import::import(&big, Some(Format::Text), "big.txt");
    let elapsed = start.elapsed();
    assert!(elapsed.as_secs() < 60, "{copies} copies took {elapsed:?}");
    // Too many facts for one release is refused with a message, not a panic.
    if let Err(err) = result {
        assert!(err.to_string().contains("big.txt"), "{err}");
    }
    // 4 MiB of sentences, few of them with figures, and 4 MiB of table rows.
    let prose = format!("某县2023年统计公报\n\n全年地区生产总值100亿元。\n\n{}", "全县经济运行总体平稳，稳中有进。\n\n".repeat(4 * 1024 * 1024 / 60));
    let start = Instant::now();
    let (release, _) = text::import(&prose, "prose.txt").unwrap();
    assert_eq!(release.facts.len(), 1);
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    let table = format!("主要产品产量\n产品\t产量\n{}", "水泥\t235.5\n".repeat(4 * 1024 * 1024 / 16));
    let start = Instant::now();
    let _ = text::import(&table, "table.txt");
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    // A single paragraph of 1 MiB without any 。 is read in linear time as well.
    let long = "增长8.3%，".repeat(1024 * 1024 / 12);
    let start = Instant::now();
    let _ = import::import(&long, Some(Format::Text), "long.txt");
    assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
}

#[test]
fn cut_and_mangled_samples_never_panic_and_what_is_read_holds() {
    // Every prefix and suffix at a stride, and the samples with characters dropped or doubled:
    // the fuzz target's properties must hold for each.
    let all = [sample("2022-bulletin"), sample("2023-1-11-indicators"), sample("fiscal-report-7"), sample("invented-county-2023"), sample("invented-district-2024-1-6")];
    for text in &all {
        let chars: Vec<char> = text.chars().collect();
        for cut in (0..chars.len()).step_by(37) {
            let head: String = chars[..cut].iter().collect();
            let tail: String = chars[cut..].iter().collect();
            targets::text_import(head.as_bytes());
            targets::text_import(tail.as_bytes());
        }
        for stride in [3, 5, 11] {
            let dropped: String = chars.iter().enumerate().filter(|(i, _)| i % stride != 0).map(|(_, c)| *c).collect();
            targets::text_import(dropped.as_bytes());
            let doubled: String = chars.iter().enumerate().flat_map(|(i, c)| if i % stride == 0 { vec![*c, *c] } else { vec![*c] }).collect();
            targets::text_import(doubled.as_bytes());
        }
    }
}

/// The other places' bulletins, read as drafts, are checked as a statistician would: the one slip
/// the invented county's text was written with (民生支出 30.14 of 38.26 is 78.8 %, printed 79.6 %)
/// is the only error, and nothing true is called wrong: per-head incomes by residence are not
/// summed, a ratio to one (城乡居民人均收入比2.01:1) is not a structure, and the units county
/// bulletins print (‰, 万件, 亿吨公里, 所 …) are known.
#[test]
fn the_checker_on_other_places_drafts_finds_the_planted_slip_and_nothing_else() {
    let errors = |name: &str| -> Vec<String> {
        let (release, _) = import_sample(name);
        check::check(&release).findings.iter().filter(|f| f.severity <= Severity::Warning).map(|f| format!("[{}] {}", f.severity.label(), f.message)).collect()
    };
    assert_eq!(errors("invented-county-2023"), ["[错误] 民生支出占一般公共预算支出的比重：30.14亿元 ÷ 38.26亿元 = 78.8%，表述为79.6%；若比重无误，民生支出应约为30.45亿元"]);
    assert_eq!(errors("fresh-county-2024"), Vec::<String>::new());
    assert_eq!(errors("fresh-fiscal-2024"), Vec::<String>::new());
    // And 财政专报第七期 as prose: the four levels, and the share printed as 100 minus the others.
    let fiscal = errors("fiscal-report-7");
    assert_eq!(fiscal.len(), 2, "{fiscal:?}");
    assert!(fiscal[0].contains("中央级、自治区级、银川市级、西夏区级之和4.16亿元 ≠ 全口径一般公共预算收入5.16亿元"), "{fiscal:?}");
}

/// Charts of another place's draft speak of that place: 样例县, never 西夏区.
#[test]
fn another_places_draft_charts_name_that_place() {
    let (release, _) = import_sample("fresh-county-2024");
    let published = bundled::all().unwrap();
    let charts = xixia_stats::chart::draft_charts(&release, &published, xixia_stats::chart::Lang::Zh);
    assert!(charts.len() >= 5, "{} charts", charts.len());
    for chart in &charts {
        let text = format!("{} {} {}", chart.title, chart.description, chart.source);
        assert!(!text.contains("西夏"), "{}: {text}", chart.id);
        assert!(chart.draft, "{} is marked as a draft", chart.id);
    }
    assert!(charts.iter().any(|c| c.description.contains("样例县")), "the place is named in the descriptions");
}
