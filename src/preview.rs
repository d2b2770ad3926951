//! The staff preview's wasm exports (feature `preview`, built into `www/pkg-preview/` and loaded
//! only by `www/preview.html`, never by the public pages).
//!
//! A draft (our JSON, the CSV template, or bulletin prose) goes in as text; out comes one JSON
//! document with what the preview page shows: the release read, what the import could not read,
//! the checker's findings (each with where to jump in the draft), the computed figures, the draft's
//! charts and the comparison with the closest published release. The last draft stays in the
//! module, so the page can draw its charts ([`render`]), download them ([`export_chart`]) and
//! download the release ([`release_json`]) without sending the text again.
//!
//! The reading, checking, charting and comparing are the library's (`import`, `check`, `figures`,
//! `chart::draft_charts`, `diff`); this module only converts. Nothing here panics on any input;
//! the panic hook and `last_panic` of `src/wasm.rs` (compiled into this module too) report one
//! should it happen all the same.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::chart::{self, ChartData, Lang, Mode, Options};
use crate::check::{self, Finding};
use crate::error::ErrorKind;
use crate::import::{self, Format, Report};
use crate::release::{Release, Span};
use crate::site::Site;
use crate::{diff, export, figures};

/// The width (CSS px) a chart is drawn at for the SVG download.
const EXPORT_WIDTH: u32 = 800;

/// The last draft read, kept for drawing and downloads.
struct Draft {
    release: Release,
    charts: Vec<ChartData>,
}

thread_local! {
    static DRAFT: RefCell<Option<Draft>> = const { RefCell::new(None) };
    /// The files of the last publication made, for `publication_zip`.
    static PUBLICATION: RefCell<Vec<(String, Vec<u8>)>> = const { RefCell::new(Vec::new()) };
    /// The served site the draft is compared with and published into ([`use_site`]); until the
    /// page gives it, the demo's bundled content (empty if that could not be read).
    static SITE: RefCell<Option<ServedSite>> = const { RefCell::new(None) };
}

/// The served site, the release files of it that did not read, and the files it was read from
/// (none for the bundled content), which publishing into it needs.
struct ServedSite {
    site: Site,
    skipped: Vec<crate::site::Skipped>,
    files: Option<SiteFiles>,
}

/// A structured result as a JavaScript object (serde-wasm-bindgen): maps as plain objects, `None`
/// as `null`, as `JSON.parse` of our JSON would give, without the text in between.
fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|err| JsError::new(&err.to_string()))
}

/// Runs `f` with the served site: its releases, its chart specification and indicator registry.
fn with_site<T>(f: impl FnOnce(&Site) -> T) -> T {
    SITE.with_borrow_mut(|served| {
        let bundled = || ServedSite { site: Site::bundled().unwrap_or_else(|_| Site { releases: Vec::new(), spec: chart::Spec::default() }), skipped: Vec::new(), files: None };
        f(&served.get_or_insert_with(bundled).site)
    })
}

#[derive(Serialize)]
struct Preview<'a> {
    format: Format,
    release: Summary<'a>,
    report: &'a Report,
    findings: Vec<Located<'a>>,
    counts: check::Counts,
    figures: figures::Figures<'a>,
    charts: &'a [ChartData],
    diff: Option<&'a diff::Diff>,
    /// Where ids are in the draft, for the comparison's jumps: sentence ids (their spans, for
    /// text and CSV drafts) and, in a JSON draft, the ids of changed and added items.
    anchors: &'a HashMap<&'a str, Span>,
    /// How each fact of a period a series steps by is linked to the indicator registry.
    links: &'a [crate::indicator::Link],
    /// The registry's indicators, (id, name), for staff to link a fact to.
    registry: Vec<(&'a str, &'a str)>,
}

/// What the summary panel shows about the release.
#[derive(Serialize)]
struct Summary<'a> {
    id: &'a str,
    title: &'a str,
    /// "2022年", "2023年1-11月".
    period: String,
    status: &'static str,
    publishers: &'a [String],
    facts: usize,
    sentences: usize,
    sections: usize,
    breakdowns: usize,
    ratios: usize,
    series: usize,
    tables: usize,
}

/// A finding with where it is in the draft: the sentence's span (text and CSV drafts), or the
/// characters of its subject's `"id"` value (JSON drafts).
#[derive(Serialize)]
struct Located<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    /// "错误", "警告", "提示", "通过".
    label: &'static str,
    /// Characters `[start, end)` to select in the draft, when the finding can be placed there.
    span: Option<Span>,
    /// The finding's sentence is the draft's n-th (from 1): "第3句".
    sentence_index: Option<usize>,
}

/// Reads a draft and returns everything the preview page shows, as an object: `{format, release,
/// report: {unparsed, notes}, findings: [{severity, label, check, location, message, span}],
/// counts: {error, warning, info, ok}, figures, charts, diff, links, registry}`.
///
/// `links` is staff's links of facts to the indicator registry, `{"f-1": "investment"}` ("" or
/// `{}` for none; an empty id unlinks), applied before the draft is checked and charted.
///
/// `format` is "auto" (or "") to pick the reader by content, else "json", "csv" or "text";
/// `lang` is the charts' language ("zh-CN" or "en"); `origin` names the draft in errors (a file
/// name, "粘贴的文本"). An error is a Chinese message saying where the draft went wrong.
#[wasm_bindgen]
pub fn preview(input: &str, format: &str, lang: &str, origin: &str, links: &str) -> Result<JsValue, JsError> {
    let format = match format.trim() {
        "" | "auto" => None,
        name => Some(Format::parse(name).ok_or_else(|| JsError::new(&format!("未知的格式“{name}”：应为 json、csv 或 text")))?),
    };
    let lang: Lang = lang.parse().unwrap_or_default();
    let origin = if origin.trim().is_empty() { "草稿" } else { origin };
    let imported = import::import(input, format, origin).map_err(|err| JsError::new(&err.chinese()))?;
    let mut release = imported.release;
    // Staff's links of the draft's facts to the indicator registry: `{"fact id": "indicator id"}`.
    let choices: Vec<(String, String)> = if links.trim().is_empty() {
        Vec::new()
    } else {
        let map: std::collections::BTreeMap<String, String> = serde_json::from_str(links).map_err(|err| JsError::new(&format!("指标关联无法读取：{err}")))?;
        map.into_iter().collect()
    };
    // The served site's registry, specification and releases: the links, which of its charts the
    // draft makes (the published releases feed the charts that compare), and the comparison.
    let (registry, links, charts, diff) = with_site(|site| {
        let links = crate::indicator::relink(&mut release, &site.spec.indicators, &choices)?;
        let charts = chart::draft_charts_in(&site.spec, &release, &site.releases, lang, 0, chart::MAX_DRAFT_CHARTS).charts;
        let diff = diff::closest(&release, &site.releases).map(|p| diff::compare(&release, p));
        Ok((site.spec.indicators.clone(), links, charts, diff))
    })
    .map_err(|err: String| JsError::new(&err))?;
    let report = check::check(&release);
    // Where to jump for a finding or a change: the sentence's span (text, CSV), or the id in JSON.
    let mut anchors = HashMap::new();
    if imported.format == Format::Json {
        let findings = report.findings.iter().flat_map(|f| [Some(f.location.subject.as_str()), f.location.sentence.as_deref()]).flatten();
        let changes = diff.iter().flat_map(|d| d.changed.iter().map(|c| c.draft_id.as_str()).chain(d.added.iter().map(|e| e.id.as_str())));
        anchors = crate::load::id_spans(input, findings.chain(changes));
    }
    let sentence_spans: HashMap<&str, Span> = release.sentences.iter().filter_map(|s| Some((s.id.as_str(), s.span?))).collect();
    anchors.extend(sentence_spans);
    // Sentence id → (its number from 1, its span), looked up once per finding.
    let sentences: HashMap<&str, (usize, Option<Span>)> = release.sentences.iter().enumerate().map(|(i, s)| (s.id.as_str(), (i + 1, s.span))).collect();
    let findings = report
        .findings
        .iter()
        .map(|finding| {
            let location = &finding.location;
            let sentence = location.sentence.as_deref().and_then(|id| sentences.get(id).copied());
            let span = sentence
                .and_then(|(_, span)| span)
                .or_else(|| anchors.get(location.subject.as_str()).copied())
                .or_else(|| location.sentence.as_deref().and_then(|id| anchors.get(id).copied()));
            Located { finding, label: finding.severity.label(), span, sentence_index: sentence.map(|(n, _)| n) }
        })
        .collect();
    let counts = report.counts();
    let json = to_js(&Preview {
        format: imported.format,
        release: Summary {
            id: &release.id,
            title: &release.title,
            period: release.period.to_string(),
            status: release.status.label(),
            publishers: &release.publishers,
            facts: release.facts.len(),
            sentences: release.sentences.len(),
            sections: release.sections.len(),
            breakdowns: release.breakdowns.len(),
            ratios: release.ratios.len(),
            series: release.series.len(),
            tables: release.tables.len(),
        },
        report: &imported.report,
        findings,
        counts,
        figures: figures::figures(&release),
        charts: &charts,
        diff: diff.as_ref(),
        anchors: &anchors,
        links: &links,
        registry: registry.indicators.iter().map(|i| (i.id.as_str(), i.name.as_str())).collect(),
    })?;
    DRAFT.with_borrow_mut(|draft| *draft = Some(Draft { release, charts }));
    Ok(json)
}

/// Runs `f` with a chart: `chart` is the index of one of the last draft's charts ("0", "1", …) or
/// a chart's data as JSON.
fn with_chart<T>(chart: &str, f: impl FnOnce(&ChartData) -> Result<T, JsError>) -> Result<T, JsError> {
    if let Ok(index) = chart.trim().parse::<usize>() {
        return DRAFT.with_borrow(|draft| {
            let draft = draft.as_ref().ok_or_else(|| JsError::new("还没有读入草稿"))?;
            let data = draft.charts.get(index).ok_or_else(|| JsError::new(&format!("草稿没有第{}幅图表（共{}幅）", index + 1, draft.charts.len())))?;
            f(data)
        });
    }
    if chart.len() > crate::load::MAX_BYTES {
        return Err(JsError::new("图表数据过大"));
    }
    let data: ChartData = serde_json::from_str(chart).map_err(|err| JsError::new(&format!("图表数据无法读取（第{}行第{}列）", err.line(), err.column())))?;
    f(&data)
}

/// Draws a chart of the last draft (by index) or given as chart data JSON, at `width` CSS pixels,
/// in `mode` ("standard", "care", "contrast", "print"), with SVG ids starting with `ids`. JSON:
/// `{svg, width, height, mode, id, title, subtitle, period, unit, source, status, description,
/// notes, table, marks}`, as `render_chart` of the public module.
#[wasm_bindgen]
pub fn render(chart: &str, width: u32, mode: &str, ids: &str) -> Result<String, JsError> {
    let mode = Mode::parse(mode).ok_or_else(|| JsError::new(&format!("未知的显示模式“{mode}”：standard、care、contrast 或 print")))?;
    with_chart(chart, |data| {
        crate::wasm::drawn_json(data, width, mode, ids)
    })
}

/// A download of one of the last draft's charts: "svg" (a standalone SVG file, drawn 800 px
/// wide) or "csv" (UTF-8 with BOM, for Excel), as bytes.
#[wasm_bindgen]
pub fn export_chart(index: u32, format: &str) -> Result<Vec<u8>, JsError> {
    with_chart(&index.to_string(), |data| match format {
        "svg" => {
            let drawn = chart::render_with(data, EXPORT_WIDTH, &Options { mode: Mode::default(), ids: format!("x{index}-") })?;
            Ok(export::standalone_svg(&drawn.svg, data).into_bytes())
        }
        "csv" => export::csv::to_csv(data).map_err(|err| JsError::new(&err.to_string())),
        other => Err(JsError::new(&format!("未知的下载格式“{other}”：svg 或 csv"))),
    })
}

/// The last draft as a release in our JSON format (pretty-printed), for staff to download.
#[wasm_bindgen]
pub fn release_json() -> Result<String, JsError> {
    DRAFT.with_borrow(|draft| {
        let draft = draft.as_ref().ok_or_else(|| JsError::new("还没有读入草稿"))?;
        serde_json::to_string_pretty(&draft.release).map_err(|err| JsError::new(&err.to_string()))
    })
}

/// The served site a draft is published into, as the preview fetched it: each release file
/// (`data/content/releases/<id>.json`) as `[id, text, null]`, or `[id, null, why]` when it could
/// not be fetched; the list of releases (`data/charts/index.json`), the text of `charts.json` and
/// `indicators.json` (empty when there is none), and the page templates (name, HTML).
#[derive(serde::Deserialize)]
struct SiteFiles {
    releases: Vec<(String, Option<String>, Option<String>)>,
    #[serde(default)]
    index: String,
    charts: String,
    #[serde(default)]
    indicators: String,
    #[serde(default)]
    pages: Vec<(String, String)>,
}

/// The site of the files the preview fetched, a release file that does not read left out with
/// its error ([`Site::from_files`]).
fn served_site(files: &SiteFiles) -> Result<(Site, Vec<crate::site::Skipped>), JsError> {
    let fetched = files.releases.iter().map(|(id, text, why)| {
        let path = release_path(id);
        let bytes = text.clone().map(String::into_bytes).ok_or_else(|| ErrorKind::Io { origin: path.clone(), message: why.clone().unwrap_or_default() }.into());
        (id.clone(), path, bytes)
    });
    let indicators = Some(files.indicators.as_str()).filter(|text| !text.trim().is_empty()).map(|text| (text, "data/content/indicators.json"));
    let spec = chart::Spec::with_registry(&files.charts, "data/content/charts.json", indicators).map_err(|err| JsError::new(&err.to_string()))?;
    Site::from_files(fetched.collect(), spec).map_err(|err| JsError::new(&err.chinese()))
}

fn release_path(id: &str) -> String {
    format!("{}/releases/{id}.json", crate::publish::CONTENT)
}

#[derive(Serialize)]
struct SiteRead<'a> {
    releases: usize,
    /// The newest release's title.
    newest: Option<&'a str>,
    skipped: Vec<String>,
    /// The chart data files of the releases that did not read (`data/charts/<id>.bin`): the
    /// page asks the site which of them it has, for [`plan_publication`].
    skipped_chart_files: Vec<String>,
}

/// Takes the served site (JSON: [`SiteFiles`]) as the one drafts are linked,
/// charted, compared with and published into, and returns `{releases, newest, skipped,
/// skipped_chart_files}` as an object: how many releases it has, the newest one's title, and the
/// release files that did not read (each message naming the file and where, and their chart data
/// files).
#[wasm_bindgen]
pub fn use_site(site: &str) -> Result<JsValue, JsError> {
    let files: SiteFiles = serde_json::from_str(site).map_err(|err| JsError::new(&format!("网站数据无法读取：{err}")))?;
    let (site, skipped) = served_site(&files)?;
    let json = to_js(&SiteRead {
        releases: site.releases.len(),
        newest: site.releases.last().map(|r| r.title.as_str()),
        skipped: skipped.iter().map(|s| s.error.chinese()).collect(),
        skipped_chart_files: skipped.iter().map(|s| crate::publish::chart_file(&s.id, Lang::Zh)).collect(),
    })?;
    SITE.with_borrow_mut(|kept| *kept = Some(ServedSite { site, skipped, files: Some(files) }));
    Ok(json)
}

#[derive(Serialize)]
struct Plan<'a> {
    id: &'a str,
    title: &'a str,
    version: u32,
    changes: &'a [String],
    errors: &'a [String],
    skipped: &'a [String],
    files: Vec<(&'a str, usize)>,
}

/// Makes the publication of the last draft read into the served site last taken ([`use_site`]) on
/// `date`, by the same core as `xixia-stats publish`, and returns what it changes as an object:
/// `{id, title, version, changes, errors, skipped, files: [[path, bytes]]}`. `present` (JSON: an
/// array of paths) names the chart data files the site has of its releases that did not read,
/// whose entries in the list of releases then stay. `publication_zip` then gives its zip.
#[wasm_bindgen]
pub fn plan_publication(present: &str, date: &str) -> Result<JsValue, JsError> {
    let present: Vec<String> = serde_json::from_str(present).map_err(|err| JsError::new(&format!("网站数据无法读取：{err}")))?;
    let draft = DRAFT.with_borrow(|draft| draft.as_ref().map(|d| d.release.clone())).ok_or_else(|| JsError::new("还没有读入草稿"))?;
    let publication = SITE.with_borrow(|served| {
        let (served, files) = served.as_ref().and_then(|s| Some((s, s.files.as_ref()?))).ok_or_else(|| JsError::new("还没有读取网站的已发布内容"))?;
        let file = |wanted: &str| match wanted {
            "data/charts/index.json" => Some(files.index.clone().into_bytes()).filter(|b| !b.is_empty()),
            _ => files.releases.iter().find(|(id, _, _)| release_path(id) == wanted).and_then(|(_, text, _)| text.clone()).map(String::into_bytes),
        };
        let has = |wanted: &str| present.iter().any(|p| p == wanted);
        let site_files = crate::publish::Served { pages: &files.pages, file: &file, has: &has, skipped: &served.skipped };
        crate::publish::publish(&served.site, draft, date, &site_files).map_err(|err| JsError::new(&err.chinese()))
    })?;
    let json = to_js(&Plan {
        id: &publication.release.id,
        title: &publication.release.title,
        version: publication.release.version.unwrap_or(1),
        changes: &publication.changes,
        errors: &publication.errors,
        skipped: &publication.skipped,
        files: publication.files.iter().map(|(path, bytes)| (path.as_str(), bytes.len())).collect(),
    })?;
    PUBLICATION.with_borrow_mut(|kept| *kept = publication.files);
    Ok(json)
}

/// A file of the last publication made (`plan_publication`), by its path in the site folder.
#[wasm_bindgen]
pub fn publication_file(path: &str) -> Option<Vec<u8>> {
    PUBLICATION.with_borrow(|files| files.iter().find(|(p, _)| p == path).map(|(_, bytes)| bytes.clone()))
}

/// Adds to the last publication the PNG download of the chart whose SVG download is `svg_path`
/// (`data/export/<lang>/<release>/<chart>.svg`), drawn by the browser from that SVG: the module
/// has no CJK font to draw one itself. Beside the SVG, `.png`, once; the bytes must be a PNG.
#[wasm_bindgen]
pub fn add_publication_png(svg_path: &str, png: Vec<u8>) -> Result<(), JsError> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    let png_path = svg_path.strip_suffix(".svg").filter(|_| svg_path.starts_with("data/export/")).map(|stem| format!("{stem}.png")).ok_or_else(|| JsError::new(&format!("{svg_path}：不是图表的 SVG 下载文件")))?;
    if !png.starts_with(SIGNATURE) {
        return Err(JsError::new(&format!("{png_path}：不是 PNG 图片")));
    }
    PUBLICATION.with_borrow_mut(|files| {
        if !files.iter().any(|(p, _)| p == svg_path) {
            return Err(JsError::new(&format!("{svg_path}：本次发布没有这个文件")));
        }
        match files.iter_mut().find(|(p, _)| *p == png_path) {
            Some((_, bytes)) => *bytes = png,
            None => files.push((png_path, png)),
        }
        Ok(())
    })
}

/// The zip of the last publication made (`plan_publication`): the files, paths relative to the
/// site folder, the same bytes as `xixia-stats publish --zip` makes of the same draft but for the
/// PNG images (`add_publication_png`), which each draws with its own fonts.
#[wasm_bindgen]
pub fn publication_zip() -> Result<Vec<u8>, JsError> {
    PUBLICATION.with_borrow(|files| {
        if files.is_empty() {
            return Err(JsError::new("还没有生成发布内容"));
        }
        crate::publish::zip(files).map_err(|err| JsError::new(&err.chinese()))
    })
}

