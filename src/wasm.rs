//! The browser boundary: each export converts its inputs, calls the core, and converts the result
//! to a JSON string, which the element parses (one `JSON.parse` is lighter in the module than
//! building JavaScript objects field by field). Errors reach JavaScript as `Error` objects carrying
//! the message.

use std::sync::OnceLock;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::chart::{self, Mark, TableView};
use crate::{bundled, Release};

/// The bundled releases, parsed once per page and shared by every chart element.
fn releases() -> Result<&'static [Release], JsError> {
    static RELEASES: OnceLock<Result<Vec<Release>, String>> = OnceLock::new();
    RELEASES
        .get_or_init(|| bundled::all().map_err(|err| err.to_string()))
        .as_deref()
        .map_err(|err| JsError::new(err))
}

fn to_json(value: &impl Serialize) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|err| JsError::new(&err.to_string()))
}

#[derive(Serialize)]
struct ReleaseSummary<'a> {
    id: &'a str,
    title: &'a str,
    period: String,
    status: &'static str,
}

/// The bundled releases, as JSON: `[{id, title, period, status}]`.
#[wasm_bindgen(js_name = releases)]
pub fn list_releases() -> Result<String, JsError> {
    let summaries: Vec<ReleaseSummary> = releases()?
        .iter()
        .map(|r| ReleaseSummary { id: &r.id, title: &r.title, period: r.period.to_string(), status: r.status.label() })
        .collect();
    to_json(&summaries)
}

/// The chart catalogue, as JSON: `[{id, release, title, kind}]`.
#[wasm_bindgen]
pub fn charts() -> Result<String, JsError> {
    to_json(&chart::CATALOGUE)
}

#[derive(Serialize)]
struct DrawnChart<'a> {
    svg: String,
    width: u32,
    height: u32,
    title: &'a str,
    subtitle: &'a str,
    period: &'a str,
    unit: &'a str,
    source: &'a str,
    status: &'a str,
    description: &'a str,
    notes: &'a [String],
    table: TableView,
    marks: Vec<Mark>,
}

/// Draws a chart of a bundled release at `width` CSS pixels. JSON: `{svg, width, height, title,
/// subtitle, period, unit, source, status, description, notes, table, marks}`.
#[wasm_bindgen]
pub fn render_chart(release: &str, chart_id: &str, width: u32) -> Result<String, JsError> {
    let all = releases()?;
    let home = all.iter().find(|r| r.id == release).ok_or_else(|| JsError::new(&chart::ChartError::UnknownRelease(release.to_owned()).to_string()))?;
    let data = chart::build(chart_id, home, all)?;
    let drawn = chart::render(&data, width)?;
    to_json(&DrawnChart {
        svg: drawn.svg,
        width: drawn.width,
        height: drawn.height,
        title: &data.title,
        subtitle: &data.subtitle,
        period: &data.period,
        unit: &data.unit,
        source: &data.source,
        status: &data.status,
        description: &data.description,
        notes: &data.notes,
        table: data.table(),
        marks: drawn.marks,
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
