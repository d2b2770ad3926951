//! The browser boundary of the public page: it draws charts from chart data that the Rust core
//! computed ahead of time (`xixia-stats chart-data` → `www/data/charts.json`). The model, the
//! loading and the checker stay out of this module, so visitors download only the renderer.
//!
//! Each export converts its inputs, calls the core, and returns JSON text, which the element
//! parses (one `JSON.parse` is lighter in the module than building objects field by field).
//! Errors reach JavaScript as `Error` objects carrying the message.
//!
//! Nothing here should panic on any input. Should it all the same, release builds abort (a trap,
//! which JavaScript sees as a `WebAssembly.RuntimeError`); the panic hook first keeps the message,
//! which `last_panic` hands to the element so it can say what happened instead of going dead.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::chart::{self, ChartData, ChartError, ChartKind, Mark, Mode, Options, TableView};

thread_local! {
    /// The page's chart data, by language, loaded once each and shared by every chart element.
    static CHARTS: RefCell<Vec<(String, ChartData)>> = const { RefCell::new(Vec::new()) };
    /// The last panic's message, kept by the panic hook for `last_panic`.
    static PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The module's allocator: talc, smaller than the standard library's dlmalloc (a single thread).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs the panic hook when the module starts.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        PANIC.with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                *p = message;
            }
        });
    }));
}

/// The message of the panic that stopped the module, or "" if none did. After one, the module
/// must be loaded again: the element does so on the next draw.
#[wasm_bindgen]
pub fn last_panic() -> String {
    PANIC.with(|p| p.try_borrow().map(|p| p.clone()).unwrap_or_default())
}

/// JSON text of `value`, written by serde-json-core into a buffer grown until the text fits:
/// the module carries no serde_json (with its error texts, 3.6 KB gzip more).
fn to_json(value: &impl Serialize) -> Result<String, JsError> {
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        match serde_json_core::to_slice(value, &mut buffer) {
            Ok(length) => {
                buffer.truncate(length);
                return String::from_utf8(buffer).map_err(|_| JsError::new("图表无法输出：不是有效的 UTF-8"));
            }
            Err(serde_json_core::ser::Error::BufferFull) if buffer.len() < crate::load::MAX_BYTES * 16 => buffer.resize(buffer.len() * 2, 0),
            Err(err) => return Err(JsError::new(&format!("图表无法输出：{err}"))),
        }
    }
}

#[derive(Serialize)]
struct CatalogueEntry<'a> {
    id: &'a str,
    release: &'a str,
    /// `latest-bulletin` and the like, on the charts of the newest release of a kind.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases: &'a [String],
    title: &'a str,
    kind: ChartKind,
}

fn catalogue(lang: &str) -> Result<String, JsError> {
    CHARTS.with_borrow(|charts| {
        let entries: Vec<CatalogueEntry> = charts
            .iter()
            .filter(|(l, _)| l == lang)
            .map(|(_, c)| CatalogueEntry { id: &c.id, release: &c.release, aliases: &c.aliases, title: &c.title, kind: c.kind })
            .collect();
        to_json(&entries)
    })
}

/// Loads chart data in one language (one release's file that `xixia-stats chart-data --split`
/// writes, `data/charts/<release>.bin`: see [`chart::wire`]), beside what is loaded already (a
/// chart loaded again replaces its earlier copy), and returns that language's catalogue as JSON:
/// `[{id, release, aliases, title, kind}]`.
#[wasm_bindgen]
pub fn load_charts(file: &[u8], lang: &str) -> Result<String, JsError> {
    let charts = chart::wire::decode(file).map_err(|err| JsError::new(&err.to_string()))?;
    // One release's charts at a time: those loaded before stay, a
    // chart loaded again takes the place of its earlier copy.
    CHARTS.with_borrow_mut(|all| {
        all.retain(|(l, old)| l != lang || !charts.iter().any(|new| new.release == old.release && new.id == old.id));
        all.extend(charts.into_iter().map(|c| (lang.to_owned(), c)));
    });
    catalogue(lang)
}

/// The catalogue of the charts loaded in `lang`, as JSON: `[{id, release, title, kind}]`.
#[wasm_bindgen]
pub fn charts(lang: &str) -> Result<String, JsError> {
    catalogue(lang)
}

#[derive(Serialize)]
struct DrawnChart<'a> {
    svg: String,
    /// The release's own id, also when the chart was asked for by an alias.
    release: &'a str,
    width: u32,
    height: u32,
    mode: &'static str,
    id: &'a str,
    title: &'a str,
    subtitle: &'a str,
    period: &'a str,
    unit: &'a str,
    source: &'a str,
    status: &'a str,
    description: &'a str,
    /// When the release was published, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    notes: &'a [String],
    table: TableView,
    marks: Vec<Mark>,
}

/// Draws `data` at `width` CSS pixels in `mode`, SVG ids starting with `ids`, as the JSON both
/// modules hand the page: `{svg, width, height, mode, id, title, subtitle, period, unit, source,
/// status, description, notes, table, marks}`.
pub(crate) fn drawn_json(data: &ChartData, width: u32, mode: Mode, ids: &str) -> Result<String, JsError> {
    let drawn = chart::render_with(data, width, &Options { mode, ids: ids.to_owned() })?;
    to_json(&DrawnChart {
        svg: drawn.svg,
        release: &data.release,
        width: drawn.width,
        height: drawn.height,
        mode: mode.name(),
        id: &data.id,
        title: &data.title,
        subtitle: &data.subtitle,
        period: &data.period,
        unit: &data.unit,
        source: &data.source,
        status: &data.status,
        description: &data.description,
        published: data.published.as_deref(),
        notes: &data.notes,
        table: data.table(),
        marks: drawn.marks,
    })
}

/// Draws a loaded chart at `width` CSS pixels, in `lang`, in `mode` ("standard", "care",
/// "contrast" or "print"), with SVG ids starting with `ids`. JSON: see [`drawn_json`].
#[wasm_bindgen]
pub fn render_chart(release: &str, chart_id: &str, width: u32, lang: &str, mode: &str, ids: &str) -> Result<String, JsError> {
    let mode = Mode::parse(mode).ok_or_else(|| JsError::new(&format!("未知的显示模式“{mode}”：standard、care、contrast 或 print")))?;
    CHARTS.with_borrow(|charts| {
        let in_lang = || charts.iter().filter(|(l, _)| l == lang).map(|(_, c)| c);
        let data = in_lang().find(|c| c.id == chart_id && (c.release == release || c.aliases.iter().any(|a| a == release))).ok_or_else(|| {
            let known = in_lang().map(|c| c.id.as_str()).collect::<Vec<_>>().join("、");
            if in_lang().any(|c| c.id == chart_id) {
                JsError::new(&format!("图表“{chart_id}”不属于发布“{release}”"))
            } else {
                JsError::new(&ChartError::UnknownChart { chart: chart_id.to_owned(), known }.to_string())
            }
        })?;
        drawn_json(data, width, mode, ids)
    })
}

#[cfg(feature = "bench")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Benchmark only: builds `n` synthetic observations and crunches them (growth, structure, ranks).
/// Returns `[building ms, crunching ms, growth rates defined]`, timed with `performance.now()`.
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub fn bench_crunch(n: usize) -> Vec<f64> {
    use crate::compute::synthetic::{crunch, observations};
    let start = performance_now();
    let data = observations(n);
    let built = performance_now();
    let summary = crunch(&data);
    let done = performance_now();
    vec![built - start, done - built, summary.growth_defined as f64]
}
