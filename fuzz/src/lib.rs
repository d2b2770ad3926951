//! What each fuzz target does with its input, and what must hold of the result. The cargo-fuzz
//! targets (`fuzz/fuzz_targets/*.rs`) call these functions, and so does the replay test
//! `tests/fuzz_corpus.rs`, which includes this file with `#[path]` and feeds it every file of
//! `fuzz/corpus/<target>/` on stable Rust, without cargo-fuzz. So this file uses only what the
//! crate and its tests already depend on: `xixia_stats`, `serde_json`, `csv`, `roxmltree` and
//! `rust_decimal`.
//!
//! Each function takes the raw input bytes and panics when a property fails; an input that is
//! refused with an error is fine (errors are what hostile input should get).

use std::sync::OnceLock;

use rust_decimal::Decimal;
use xixia_stats::chart::{self, ChartData, ChartKind, Lang, Mode, Options, Reference, SeriesData};
use xixia_stats::export::{self, jsonstat};
use xixia_stats::{bundled, check::check, figures::figures, import, load, Release};

/// The widths `release_json` draws at: a phone and a wide page.
const RELEASE_WIDTHS: [u32; 2] = [280, 1024];
/// The widths `chart_data` draws at: the narrowest, the usual and the widest the page asks for.
const CHART_WIDTHS: [u32; 3] = [280, 800, 1600];

/// The bundled releases, loaded once: the other releases a chart may compare with.
fn bundled_releases() -> &'static [Release] {
    static ALL: OnceLock<Vec<Release>> = OnceLock::new();
    ALL.get_or_init(|| bundled::all().expect("the bundled releases load"))
}

/// `release_json`: a release file as `check`, `figures` and `render --release <path>` read it.
/// Whatever loads is checked, its figures computed and serialized, its JSON-stat export read
/// back, and every chart of its release id built in both languages and drawn in every mode at two
/// widths, with the CSV of each.
pub fn release_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let release = match load::from_json(text, "fuzz.json") {
        Ok(release) => release,
        Err(err) => {
            let message = err.to_string();
            assert!(message.starts_with("fuzz.json"), "an error that does not name the input: {message}");
            return;
        }
    };
    let report = check(&release);
    serde_json::to_string(&report).expect("the findings serialize");
    for finding in &report.findings {
        let _ = finding.to_string();
    }
    serde_json::to_string(&figures(&release)).expect("the figures serialize");
    // `render --format jsonstat`: the export (which may refuse, naming why) reads back as the
    // same release.
    if let Ok(written) = jsonstat::from_release(&release) {
        let back = jsonstat::to_release(&written).unwrap_or_else(|err| panic!("the JSON-stat export of a loaded release does not read back: {err}\n{written}"));
        assert_eq!(back, release, "the JSON-stat export of a loaded release reads back as another release");
    }

    // The loaded release takes the place of the bundled one with its id, as `render` does.
    let mut others: Vec<Release> = bundled_releases().iter().filter(|r| r.id != release.id).cloned().collect();
    others.push(release.clone());
    let spec = xixia_stats::bundled::spec().unwrap_or_else(|err| panic!("the bundled chart specification reads: {err}"));
    for entry in spec.charts.iter().filter(|c| c.selector().selects(&release, &others)) {
        for lang in [Lang::Zh, Lang::En] {
            let Ok(data) = chart::build_entry(entry, &spec.indicators, &release, &others, lang) else { continue };
            for (i, mode) in Mode::ALL.into_iter().enumerate() {
                for width in RELEASE_WIDTHS {
                    draw(&data, width, mode, &format!("c{i}"));
                }
            }
            csv_holds(&data);
        }
    }
}

/// `text_import`: bulletin prose read into a draft release (`import --format text`, the preview
/// page's paste). Reading must never panic; an error names the input; a draft that is read passes
/// validation, reads back from its JSON as the same release, and every span (of a sentence or of
/// something not read) lies within the input, a sentence's span slicing the input to the
/// sentence's text as cleaning makes it, and every figure the draft states is a number printed in
/// the sentence it points at ([`import::text::unprinted`]).
pub fn text_import(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let imported = match import::import(text, Some(import::Format::Text), "fuzz.txt") {
        Ok(imported) => imported,
        Err(err) => {
            let message = err.to_string();
            assert!(message.starts_with("fuzz.txt"), "an error that does not name the input: {message}");
            return;
        }
    };
    let release = imported.release;
    let problems = load::validate(&release);
    assert!(problems.is_empty(), "an imported draft does not validate: {problems:?}");
    let json = serde_json::to_string(&release).expect("the draft serializes");
    let back = load::from_json(&json, "draft.json").unwrap_or_else(|err| panic!("the draft's JSON does not load: {err}\n{json}"));
    assert_eq!(back, release, "the draft read back from its JSON differs");
    let chars: Vec<char> = text.chars().collect();
    for sentence in &release.sentences {
        let span = sentence.span.unwrap_or_else(|| panic!("sentence {} has no span", sentence.id));
        assert!(span.start < span.end && span.end <= chars.len(), "sentence {} spans {span:?} of {} characters", sentence.id, chars.len());
        let original: String = chars[span.start..span.end].iter().collect();
        assert_eq!(import::text::clean_str(&original), sentence.text, "sentence {}: its span does not slice the input to its text", sentence.id);
    }
    for unparsed in &imported.report.unparsed {
        let span = unparsed.span;
        assert!(span.start <= span.end && span.end <= chars.len(), "unparsed {span:?} outside {} characters", chars.len());
        let original: String = chars[span.start..span.end].iter().collect();
        assert_eq!(original, unparsed.text, "an unparsed span does not slice the input to its text");
    }
    // No figure without its printed number.
    let unprinted = import::text::unprinted(&release, text);
    assert!(unprinted.is_empty(), "figures the text does not print: {unprinted:?}");
}

/// `jsonstat`: any JSON-stat document read as a release, written back and read again. Reading
/// must never panic; once a release has been written by our export, reading it back gives the
/// same release, and writing that again gives the same text.
pub fn jsonstat(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(first) = jsonstat::to_release(text) else { return };
    // The export may refuse a release (two figures that would share an indicator id).
    let Ok(written) = jsonstat::from_release(&first) else { return };
    let second = jsonstat::to_release(&written).unwrap_or_else(|err| panic!("our own export does not read back: {err}\n{written}"));
    assert_eq!(second, first, "the release read back from our export differs from the one written");
    let again = jsonstat::from_release(&second).unwrap_or_else(|err| panic!("a release read from our export does not export: {err}"));
    assert_eq!(again, written, "the second export differs from the first");
}

/// `csv_export`: a chart's data built from the input bytes — hostile strings, odd decimals,
/// categories, values and labels of different lengths — written as CSV. The CSV must parse, hold
/// one record per metadata row, separator, header and category, and no cell may start with a
/// formula trigger unless it is a plain decimal.
pub fn csv_export(data: &[u8]) {
    let chart = Input { data }.chart();
    csv_holds(&chart);
}

/// `chart_data`: what the wasm module does with the page's chart data (`load_charts`, then
/// `render_chart`): the file (or JSON) read as charts, each drawn at three widths in every mode. The SVG
/// must be well-formed XML with no script in it; the table, the standalone SVG and the CSV of
/// each chart are made too.
pub fn chart_data(data: &[u8]) {
    // The page's file (`chart::wire`, what the public module's `load_charts` reads; what reads
    // must write back the same), or chart data JSON (what the preview module's `render` reads).
    let charts = if data.starts_with(chart::wire::MAGIC) {
        let Ok(charts) = chart::wire::decode(data) else { return };
        let again = chart::wire::encode(&charts).map(|bytes| chart::wire::decode(&bytes));
        assert_eq!(again, Ok(Ok(charts.clone())), "read back differently");
        charts
    } else {
        let Ok(text) = std::str::from_utf8(data) else { return };
        let Ok(charts) = serde_json::from_str::<Vec<ChartData>>(text) else { return };
        charts
    };
    for data in &charts {
        let _ = data.table();
        for (i, mode) in Mode::ALL.into_iter().enumerate() {
            for width in CHART_WIDTHS {
                draw(data, width, mode, &format!("c{i}"));
            }
        }
        csv_holds(data);
    }
}

/// Draws a chart and checks the SVG, and the standalone SVG made from it.
fn draw(data: &ChartData, width: u32, mode: Mode, ids: &str) {
    let Ok(drawn) = chart::render_with(data, width, &Options { mode, ids: ids.to_owned() }) else { return };
    svg_holds(&drawn.svg, "SVG");
    assert!(drawn.width >= chart::MIN_WIDTH && drawn.width <= chart::MAX_WIDTH, "drawn {} px wide", drawn.width);
    svg_holds(&export::standalone_svg(&drawn.svg, data), "standalone SVG");
}

/// Well-formed XML, and nothing in it that runs: no `<script>`, no `<foreignObject>`, no `on…`
/// handler, no `javascript:` link.
pub fn svg_holds(svg: &str, what: &str) {
    assert!(svg.chars().all(is_xml_char), "the {what} holds a character XML forbids");
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|err| panic!("the {what} is not well-formed XML: {err}\n{svg}"));
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        assert!(!name.eq_ignore_ascii_case("script") && !name.eq_ignore_ascii_case("foreignObject"), "the {what} has a <{name}> element");
        for attribute in node.attributes() {
            assert!(!attribute.name().to_ascii_lowercase().starts_with("on"), "the {what} has an event handler {}", attribute.name());
            assert!(!attribute.value().trim_start().to_ascii_lowercase().starts_with("javascript:"), "the {what} links to javascript:");
        }
    }
    assert!(!svg.to_ascii_lowercase().contains("<script"), "the {what} contains <script");
}

/// XML 1.0's `Char`: what may appear in a document at all, escaped or not.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// The CSV of a chart parses, has the layout of `docs/export.md` §2.1, and cannot run formulas.
pub fn csv_holds(data: &ChartData) {
    let bytes = export::csv::to_csv(data).unwrap_or_else(|err| panic!("CSV export failed: {err}"));
    let body = bytes.strip_prefix(export::csv::BOM).expect("the CSV starts with the byte-order mark");
    let text = std::str::from_utf8(body).expect("the CSV is UTF-8");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap_or_else(|err| panic!("the CSV does not parse: {err}\n{text}"))).collect();
    for record in &records {
        for cell in record {
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                assert!(is_plain_decimal(cell), "a cell a spreadsheet would run as a formula: {cell:?}");
            }
        }
    }
    let metadata = 6 + usize::from(data.published.is_some()) + data.notes.len() + usize::from(!data.description.is_empty()) + 2;
    assert_eq!(records.len(), metadata + 1 + 1 + data.categories.len(), "records in\n{text}");
    // The metadata values are the chart's own text, neutralised and nothing else.
    let shown = |i: usize| records[i].get(1).unwrap_or_default().to_owned();
    for (i, original) in [(0, &data.title), (1, &data.subtitle), (2, &data.period), (3, &data.unit)] {
        let cell = shown(i);
        assert!(cell == *original || cell.strip_prefix('\'') == Some(original.as_str()), "metadata row {i}: {cell:?} for {original:?}");
    }
    assert_eq!(records[metadata].len(), 1, "the separator row");
    // The category column, in order.
    for (i, category) in data.categories.iter().enumerate() {
        let cell = records[metadata + 2 + i].get(0).unwrap_or_default();
        assert!(cell == category || cell.strip_prefix('\'') == Some(category.as_str()), "category {i}: {cell:?} for {category:?}");
    }
}

/// `-?digits(.digits)?`: the only cells that may start with `-`.
fn is_plain_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// Strings that have broken CSV writers, spreadsheets and SVG before, picked by the input.
const HOSTILE: &[&str] = &[
    "",
    "=1+1",
    "=HYPERLINK(\"http://x\",\"y\")",
    "+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "  =1",
    "\u{3000}=1",
    "\u{a0}+1",
    "＝1+1",
    "－1",
    "-",
    "-14.6",
    "-0",
    "13.0",
    "1e5",
    "'=1",
    "a,b",
    "\"quoted\"",
    "line\nbreak",
    "\r\n",
    "第二产业",
    "−14.6%",
    "11.5%*",
    "资料来源：西夏区统计局",
    "Source: Xixia District Bureau of Statistics",
    "<script>alert(1)</script>",
    "]]><x>&amp;",
    "\u{0}",
    "\u{feff}",
    "\u{202e}",
    "👩‍👩‍👧",
];

/// The bytes of a `csv_export` input, read front to back into a chart's data. (A reader of our
/// own rather than the `arbitrary` crate, so that the replay test decodes the corpus the same
/// way on stable with no dependency the crate does not already have.) Past the end every read
/// gives zero: empty strings, empty lists, `None`.
struct Input<'a> {
    data: &'a [u8],
}

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }

    /// A length up to `max`.
    fn len(&mut self, max: usize) -> usize {
        usize::from(self.byte()) % (max + 1)
    }

    fn string(&mut self) -> String {
        match self.byte() % 4 {
            0 => String::new(),
            1 => HOSTILE[usize::from(self.byte()) % HOSTILE.len()].to_owned(),
            2 => {
                let n = self.len(48).min(self.data.len());
                let (taken, rest) = self.data.split_at(n);
                self.data = rest;
                String::from_utf8_lossy(taken).into_owned()
            }
            _ => format!("{}{}", self.string(), self.string()),
        }
    }

    fn strings(&mut self, max: usize) -> Vec<String> {
        (0..self.len(max)).map(|_| self.string()).collect()
    }

    fn decimal(&mut self) -> Option<Decimal> {
        match self.byte() % 4 {
            0 => None,
            1 => Some(Decimal::new(i64::from(self.byte() as i8), u32::from(self.byte() % 4))),
            2 => Some(Decimal::new(i64::from(self.u32() as i32), u32::from(self.byte() % 8))),
            _ => {
                let (lo, mid, hi) = (self.u32(), self.u32(), self.u32());
                let flags = self.byte();
                Some(Decimal::from_parts(lo, mid, hi, flags & 0x80 != 0, u32::from(flags & 0x7f) % (Decimal::MAX_SCALE + 1)))
            }
        }
    }

    fn decimals(&mut self, max: usize) -> Vec<Option<Decimal>> {
        (0..self.len(max)).map(|_| self.decimal()).collect()
    }

    fn series(&mut self) -> SeriesData {
        SeriesData { name: self.string(), values: self.decimals(12), labels: self.strings(12) }
    }

    fn chart(&mut self) -> ChartData {
        const KINDS: [ChartKind; 9] = [ChartKind::Column, ChartKind::Donut, ChartKind::StackedPercent, ChartKind::Bar, ChartKind::Grouped, ChartKind::Cumulative, ChartKind::Progress, ChartKind::Line, ChartKind::Combo];
        ChartData {
            id: self.string(),
            release: self.string(),
            kind: KINDS[usize::from(self.byte()) % KINDS.len()],
            lang: if self.byte() % 2 == 0 { Lang::Zh } else { Lang::En },
            title: self.string(),
            subtitle: self.string(),
            unit: self.string(),
            period: self.string(),
            categories: self.strings(10),
            series: (0..self.len(3)).map(|_| self.series()).collect(),
            reference: (self.byte() % 2 == 1).then(|| Reference { label: self.string(), values: self.decimals(12), labels: self.strings(12) }),
            extra_columns: (0..self.len(2)).map(|_| self.series()).collect(),
            category_label: self.string(),
            category_notes: self.strings(4),
            source: self.string(),
            status: self.string(),
            notes: self.strings(3),
            description: self.string(),
            center: (self.byte() % 2 == 1).then(|| (self.string(), self.string())),
            highlight: (self.byte() % 2 == 1).then(|| usize::from(self.byte())),
            total_labels: (0..self.len(4)).map(|_| self.strings(3)).collect(),
            draft: self.byte() % 2 == 1,
            aliases: Vec::new(),
            section: None,
            // Last, so the kept corpus still makes the charts it was minimized to.
            category_periods: self.strings(4),
            axis_labels: self.strings(10),
            line_unit: (self.byte() % 2 == 1).then(|| self.string()),
            published: (self.byte() % 2 == 1).then(|| self.string()),
        }
    }
}

/// `chart_spec`: any bytes as a site's chart specification (`data/charts.json`). Reading never
/// panics; a specification that reads is applied to the bundled releases in both languages, which
/// either gives charts that draw or located errors — never a panic.
pub fn chart_spec(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(spec) = chart::Spec::from_json(text, "charts.json") else { return };
    for lang in [Lang::Zh, Lang::En] {
        match chart::published_charts(&spec, bundled_releases(), lang) {
            Ok(published) => {
                for data in published.charts.iter().take(8) {
                    draw(data, 360, Mode::Standard, "s");
                }
            }
            Err(problems) => assert!(problems.iter().all(|p| p.starts_with("charts[")), "an unlocated specification error: {problems:?}"),
        }
    }
}

/// `site_folder`: any bytes as a site folder, its files separated by lines `=====`: the first the
/// chart specification, the others release files. A folder whose files read becomes a site whose
/// charts are built: every outcome is charts or an error, never a panic, and the newest of each
/// kind is one of the folder's releases.
pub fn site_folder(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut files = text.split("\n=====\n");
    let Some(spec) = files.next() else { return };
    let Ok(spec) = chart::Spec::from_json(spec, "charts.json") else { return };
    let mut releases = Vec::new();
    for (i, file) in files.take(16).enumerate() {
        match xixia_stats::load::from_json(file, &format!("releases/{i}.json")) {
            Ok(release) => releases.push(release),
            Err(_) => return,
        }
    }
    let Ok(site) = xixia_stats::site::Site::new(releases, spec) else { return };
    for kind in xixia_stats::ReleaseKind::ALL {
        if let Some(latest) = site.release(&format!("latest-{}", kind.name())) {
            assert!(site.releases.iter().any(|r| r.id == latest.id));
        }
    }
    let _ = site.charts(Lang::Zh);
}
