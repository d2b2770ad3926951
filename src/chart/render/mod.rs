//! Placing a chart's data and drawing it with plotters into an SVG string.
//!
//! Text is never measured by the backend: [`super::text`] estimates widths the same way natively
//! and in wasm, and every label is drawn with an explicit anchor, so the SVG is identical in both.

mod canvas;
mod donut;
mod horizontal;
mod time;
mod vertical;

pub use canvas::{Canvas, Dashed, Hatch, Watermark};

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::{Deserialize, Serialize};

use super::data::{ChartData, ChartError, ChartKind};
use super::format::Lang;
use super::palette::{self, Palette};
use super::svg::Svg;
use super::text;

/// The font stack: a CJK face on every common system, then the generic fallback.
pub const FONT: &str = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";

/// A drawn chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rendered {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    /// Where each data mark was drawn, for tooltips, hit-testing and keyboard navigation.
    pub marks: Vec<Mark>,
}

/// A drawn data mark: its box in SVG pixels and what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    /// The category's full name (the chart may show it wrapped or shortened).
    pub category: String,
    pub series: String,
    /// The value as printed.
    pub label: String,
    /// The category's row in the data table.
    pub index: usize,
    /// The series drawn; `None` for a reference (a target or the planned pace).
    pub series_index: Option<usize>,
    /// What a tooltip or a screen reader says of the mark: (name, value with its unit) pairs,
    /// the drawn value first, then the same row's other figures (growth, totals, shares).
    pub details: Vec<(String, String)>,
    /// The mark's own period, where the chart's categories differ in period (a tooltip names it
    /// instead of the chart's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// A ring segment's geometry, for hit-testing by angle: centre, radii, and start and end
    /// as turns clockwise from 12 o'clock (in thousandths).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arc: Option<Arc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Arc {
    pub cx: i32,
    pub cy: i32,
    pub inner: i32,
    pub outer: i32,
    pub start: i32,
    pub end: i32,
}

impl Mark {
    /// A mark for series `series_index` (`None`: the reference) at category `index`.
    pub(super) fn new(data: &ChartData, (x, y): (i32, i32), (width, height): (i32, i32), index: usize, series_index: Option<usize>) -> Mark {
        let (series, label) = match series_index {
            Some(s) => data.series.get(s).map(|s| (s.name.clone(), s.labels.get(index).cloned().unwrap_or_default())),
            None => data.reference.as_ref().map(|r| (r.label.clone(), r.labels.get(index).or(r.labels.first()).cloned().unwrap_or_default())),
        }
        .unwrap_or_default();
        Mark { x, y, width, height, category: data.categories.get(index).cloned().unwrap_or_default(), series, label, index, series_index, details: details(data, index, series_index), period: data.category_periods.get(index).filter(|p| !p.is_empty()).cloned(), arc: None }
    }
}

/// The figures of one category, the drawn one first, each with its unit.
fn details(data: &ChartData, index: usize, series_index: Option<usize>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |name: &str, label: Option<&String>, unit: &str| {
        if let Some(label) = label.filter(|l| !l.is_empty()) {
            if !out.iter().any(|(n, _): &(String, String)| n == name) {
                out.push((name.to_owned(), with_unit(label, unit)));
            }
        }
    };
    let reference = data.reference.as_ref().map(|r| (r.label.as_str(), r.labels.get(index).or(r.labels.first())));
    match series_index {
        Some(s) => {
            if let Some(series) = data.series.get(s) {
                push(&series.name, series.labels.get(index), &data.unit);
            }
        }
        None => {
            if let Some((name, label)) = reference {
                push(name, label, &data.unit);
            }
        }
    }
    for series in &data.series {
        push(&series.name, series.labels.get(index), &data.unit);
    }
    // Extra columns name their own units ("比上年增长（%）"); one with figures that names none is
    // in the chart's unit ("合计", as the CSV export heads it "合计（万元）").
    for column in &data.extra_columns {
        let own_unit = column.name.contains(['（', '(']) || column.values.iter().all(Option::is_none);
        push(&column.name, column.labels.get(index), if own_unit { "" } else { &data.unit });
    }
    if let Some((name, label)) = reference {
        push(name, label, &data.unit);
    }
    out
}

/// "340.85" in 亿元 → "340.85亿元"; in an English unit "340.85 100 million yuan"; percentages and
/// figures that carry their unit stay as they are.
pub fn with_unit(label: &str, unit: &str) -> String {
    // (A scan of the chars: `contains('‰')` would bring in a substring search.)
    if unit.is_empty() || label.chars().any(|c| matches!(c, '%' | '‰')) {
        label.to_owned()
    } else if unit == "%" {
        format!("{label}%")
    } else if unit.starts_with(|c: char| c.is_ascii()) {
        format!("{label} {unit}")
    } else {
        format!("{label}{unit}")
    }
}

/// The narrowest and widest a chart is drawn.
pub const MIN_WIDTH: u32 = 280;
pub const MAX_WIDTH: u32 = 1600;

/// How a chart is drawn for its reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The site's normal look.
    #[default]
    Standard,
    /// 适老化 (care) mode: text 1.5× larger, high-contrast colours, pattern fills.
    Care,
    /// For `prefers-contrast: more`: high-contrast colours and pattern fills at the normal size.
    Contrast,
    /// For paper: greys and pattern fills that a black-and-white printer keeps apart.
    Print,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Standard, Mode::Care, Mode::Contrast, Mode::Print];

    /// "standard", "care", "contrast" or "print".
    pub fn parse(text: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == text)
    }

    pub fn name(self) -> &'static str {
        match self {
            Mode::Standard => "standard",
            Mode::Care => "care",
            Mode::Contrast => "contrast",
            Mode::Print => "print",
        }
    }

    pub fn text_scale(self) -> f64 {
        if self == Mode::Care { 1.5 } else { 1.0 }
    }

    pub fn palette(self) -> &'static Palette {
        match self {
            Mode::Standard => &palette::STANDARD,
            Mode::Care | Mode::Contrast => &palette::HIGH_CONTRAST,
            Mode::Print => &palette::PRINT,
        }
    }
}

/// How to draw: the mode, and a prefix for the ids inside the SVG (pattern fills), unique on the
/// page where several charts are inlined.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub mode: Mode,
    pub ids: String,
}

/// Sizes that depend on the width and the mode: a phone gets a little less padding, never
/// smaller text; care mode gets everything 1.5× larger.
#[derive(Debug, Clone, Copy)]
pub(super) struct Metrics {
    pub width: i32,
    pub pad: i32,
    pub title: f64,
    pub label: f64,
    pub small: f64,
    pub line: f64,
    pub scale: f64,
    pub colors: &'static Palette,
    pub lang: Lang,
}

impl Metrics {
    fn new(width: u32, mode: Mode, lang: Lang) -> Metrics {
        let narrow = width < 520;
        let scale = mode.text_scale();
        Metrics {
            width: i32::try_from(width).unwrap_or(800),
            pad: if narrow { 10 } else { 16 },
            title: scale * if narrow { 16.0 } else { 18.0 },
            label: scale * 13.0,
            small: scale * 12.0,
            line: 1.35,
            scale,
            colors: mode.palette(),
            lang,
        }
    }

    pub fn inner_width(&self) -> i32 {
        self.width - 2 * self.pad
    }

    pub fn line_height(&self, size: f64) -> i32 {
        (size * self.line).ceil() as i32
    }

    /// A length in pixels at the normal text size, scaled with the text.
    pub fn px(&self, length: i32) -> i32 {
        (f64::from(length) * self.scale).round() as i32
    }
}

/// The whole picture, on any canvas; coordinates are CSS pixels.
pub(super) type Area<B> = DrawingArea<B, Shift>;

/// Maps data to pixels inside a plot rectangle — plotters' `Cartesian2d`, whose
/// `ReverseCoordTranslate` maps a pointer back to data for hit-testing. `y` runs up the page.
pub(super) type Coords = Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>;

pub(super) fn coords(x: std::ops::Range<f64>, y: std::ops::Range<f64>, (left, top): (i32, i32), (right, bottom): (i32, i32)) -> Coords {
    Cartesian2d::new(x, y, (left..right, bottom..top))
}

fn drawing<E: std::error::Error + Send + Sync>(err: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Drawing(err.to_string())
}

/// Draws text with an explicit anchor. Sizes are CSS pixels. (Every argument is one a label
/// needs; bundling them into a struct would only move the list to each call.)
#[allow(clippy::too_many_arguments)]
pub(super) fn label<B: Canvas>(area: &Area<B>, text: &str, (x, y): (i32, i32), size: f64, color: RGBColor, h: HPos, v: VPos, bold: bool) -> Result<(), ChartError> {
    let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
    // The family is set once on the root <svg>; sizes are CSS pixels.
    let font = FontDesc::new(FontFamily::SansSerif, size, style).color(&color).pos(Pos::new(h, v));
    area.draw(&Text::new(text.to_owned(), (x, y), font)).map_err(drawing)
}

/// A label centred on a data shape of `color`, in the background colour. Over a pattern fill it
/// sits on a patch of the plain colour, so the pattern never runs through the text.
pub(super) fn inside_label<B: Canvas>(area: &Area<B>, text: &str, (x, y): (i32, i32), size: f64, color: RGBColor, m: &Metrics) -> Result<(), ChartError> {
    if m.colors.patterns {
        let half_w = (text::width(text, size) / 2.0).ceil() as i32 + 3;
        let half_h = (size * 0.6).ceil() as i32 + 1;
        rect(area, (x - half_w, y - half_h), (x + half_w, y + half_h), color)?;
    }
    label(area, text, (x, y), size, m.colors.background, HPos::Center, VPos::Center, true)
}

pub(super) fn rect<B: Canvas>(area: &Area<B>, (x0, y0): (i32, i32), (x1, y1): (i32, i32), color: RGBColor) -> Result<(), ChartError> {
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled())).map_err(drawing)
}

/// A data shape of series `series` (its colour given): with patterns on, the series' pattern
/// is laid over it, so series differ without colour.
pub(super) fn fill<B: Canvas>(area: &Area<B>, from: (i32, i32), to: (i32, i32), color: RGBColor, series: usize, m: &Metrics) -> Result<(), ChartError> {
    rect(area, from, to, color)?;
    hatch(area, vec![from, (to.0, from.1), to, (from.0, to.1)], series, m)
}

/// Lays series `series`' pattern over the polygon `points`, when the palette has patterns.
pub(super) fn hatch<B: Canvas>(area: &Area<B>, points: Vec<(i32, i32)>, series: usize, m: &Metrics) -> Result<(), ChartError> {
    match palette::pattern(series) {
        Some(pattern) if m.colors.patterns => area.draw(&Hatch { points, pattern }).map_err(drawing),
        _ => Ok(()),
    }
}

pub(super) fn line<B: Canvas>(area: &Area<B>, from: (i32, i32), to: (i32, i32), color: RGBColor, width: u32) -> Result<(), ChartError> {
    area.draw(&PathElement::new(vec![from, to], color.stroke_width(width))).map_err(drawing)
}

/// A dashed line of 6-pixel dashes with 4-pixel gaps.
pub(super) fn dashed<B: Canvas>(area: &Area<B>, from: (i32, i32), to: (i32, i32), color: RGBColor, width: u32) -> Result<(), ChartError> {
    area.draw(&Dashed { from, to, color, width, dash: (6, 4) }).map_err(drawing)
}

/// Draws a chart at `width` CSS pixels.
///
/// ```
/// use xixia_stats::{bundled, chart};
/// let release = bundled::release("2022-bulletin").unwrap();
/// let data = chart::build("gdp-by-industry", &release, &[]).unwrap();
/// let drawn = chart::render(&data, 640).unwrap();
/// assert!(drawn.svg.contains("340.85"));
/// ```
pub fn render(data: &ChartData, width: u32) -> Result<Rendered, ChartError> {
    render_with(data, width, &Options::default())
}

/// Draws a chart at `width` CSS pixels in the given mode.
///
/// ```
/// use xixia_stats::{bundled, chart};
/// let release = bundled::release("2022-bulletin").unwrap();
/// let data = chart::build("gdp-structure", &release, &[]).unwrap();
/// let options = chart::Options { mode: chart::Mode::Care, ids: "c1".into() };
/// let drawn = chart::render_with(&data, 360, &options).unwrap();
/// assert!(drawn.svg.contains(r#"fill="url(#c1-p1)""#));
/// assert!(drawn.svg.contains(r#"font-size="19.5""#));
/// ```
pub fn render_with(data: &ChartData, width: u32, options: &Options) -> Result<Rendered, ChartError> {
    let placed = Placed::new(data, width, options.mode);
    let mut svg = String::new();
    let marks = {
        let mut backend = Svg::new(&mut svg, placed.size(), FONT);
        if placed.m.colors.patterns {
            backend = backend.with_patterns(&options.ids);
        }
        placed.draw(&backend.into_drawing_area(), data)?
    };
    let (width, height) = placed.size();
    Ok(Rendered { svg, width, height, marks })
}

/// A chart placed at a width: its sizes, header and footer worked out, ready to draw on any
/// canvas in CSS pixels.
pub(crate) struct Placed {
    m: Metrics,
    /// How the chart is drawn at this width: its kind, except a column chart whose names do not
    /// fit under the columns, drawn as horizontal bars.
    kind: ChartKind,
    header: Header,
    footer: Footer,
    body: i32,
    height: u32,
}

impl Placed {
    pub(crate) fn new(data: &ChartData, width: u32, mode: Mode) -> Placed {
        let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
        let m = Metrics::new(width, mode, data.lang);
        let header = Header::new(data, &m);
        let footer = Footer::new(data, &m);
        let kind = match data.kind {
            ChartKind::Column if !vertical::names_fit(data, &m) => ChartKind::Bar,
            kind => kind,
        };
        let body = match kind {
            ChartKind::Column | ChartKind::Cumulative => vertical::height(data, &m),
            ChartKind::Bar | ChartKind::Progress | ChartKind::Grouped => horizontal::height(data, &m),
            ChartKind::StackedPercent => horizontal::stacked_height(data, &m),
            ChartKind::Donut => donut::height(data, &m),
            ChartKind::Line | ChartKind::Combo => time::height(data, &m),
        };
        let height = u32::try_from((header.height + body + footer.height).max(1)).unwrap_or(1);
        Placed { m, kind, header, footer, body, height }
    }

    /// (width, height) in CSS pixels.
    pub(crate) fn size(&self) -> (u32, u32) {
        (u32::try_from(self.m.width).unwrap_or(MIN_WIDTH), self.height)
    }

    /// Draws the chart on `root` (its whole picture) and presents it; returns the data marks.
    pub(crate) fn draw<B: Canvas>(&self, root: &Area<B>, data: &ChartData) -> Result<Vec<Mark>, ChartError> {
        let m = &self.m;
        root.fill(&m.colors.background).map_err(drawing)?;
        self.header.draw(root, m)?;
        let (top, body) = (self.header.height, self.body);
        let marks = match self.kind {
            ChartKind::Column | ChartKind::Cumulative => vertical::draw(root, data, m, top, body)?,
            ChartKind::Bar | ChartKind::Progress | ChartKind::Grouped => horizontal::draw(root, data, m, top, body)?,
            ChartKind::StackedPercent => horizontal::draw_stacked(root, data, m, top, body)?,
            ChartKind::Donut => donut::draw(root, data, m, top, body)?,
            ChartKind::Line | ChartKind::Combo => time::draw(root, data, m, top, body)?,
        };
        self.footer.draw(root, m, top + body)?;
        if let Some(mark) = data.draft_mark() {
            for watermark in watermarks(mark, m, top, body) {
                root.draw(&watermark).map_err(drawing)?;
            }
        }
        root.present().map_err(drawing)?;
        Ok(marks)
    }
}

/// Title, subtitle and legend.
struct Header {
    kind: ChartKind,
    title: Vec<String>,
    subtitle: Vec<String>,
    legend: Vec<Vec<(usize, String, LegendKind)>>,
    height: i32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LegendKind {
    Swatch,
    Dashed,
    /// A short stretch of a series' line with its marker (charts over time).
    Line,
    /// A further line of an entry too wide for a row, under its name, without a swatch.
    More,
}

/// Lines a title may take (an automatic chart's English title on a phone in care mode takes 7);
/// notes and the source line under the chart.
const TITLE_LINES: usize = 10;
const NOTE_LINES: usize = 24;
const SOURCE_LINES: usize = 6;

const SWATCH: i32 = 12;

impl Header {
    fn new(data: &ChartData, m: &Metrics) -> Header {
        let inner = f64::from(m.inner_width());
        let title = text::wrap(&data.title, m.title, inner, TITLE_LINES);
        let subtitle = text::wrap_parts(&data.subtitle, m.small, inner, SOURCE_LINES);
        let mut entries: Vec<(usize, String, LegendKind)> = Vec::new();
        let legend_wanted = matches!(data.kind, ChartKind::Grouped | ChartKind::Cumulative | ChartKind::StackedPercent | ChartKind::Combo)
            || data.kind == ChartKind::Line && data.series.len() > 1;
        if legend_wanted {
            let kind = |i: usize| if data.kind == ChartKind::Line || data.kind == ChartKind::Combo && i > 0 { LegendKind::Line } else { LegendKind::Swatch };
            entries.extend(data.series.iter().enumerate().map(|(i, s)| (i, s.name.clone(), kind(i))));
            if let Some(reference) = &data.reference {
                entries.push((0, reference.label.clone(), LegendKind::Dashed));
            }
        }
        let mut legend: Vec<Vec<(usize, String, LegendKind)>> = Vec::new();
        let mut used = 0.0;
        // An entry wider than a row is wrapped onto rows of its own, every word whole.
        let room = inner - f64::from(m.px(SWATCH) + 6);
        for (i, name, kind) in entries {
            if text::width(&name, m.label) > room {
                let lines = text::wrap(&name, m.label, room, NOTE_LINES);
                for (k, line) in lines.into_iter().enumerate() {
                    legend.push(vec![(i, line, if k == 0 { kind } else { LegendKind::More })]);
                }
                used = inner; // the next entry starts a row
                continue;
            }
            let w = f64::from(m.px(SWATCH) + 6) + text::width(&name, m.label) + 16.0;
            if legend.is_empty() || used + w > inner {
                legend.push(Vec::new());
                used = 0.0;
            }
            used += w;
            if let Some(row) = legend.last_mut() {
                row.push((i, name, kind));
            }
        }
        let height = m.pad
            + title.len() as i32 * m.line_height(m.title)
            + 2
            + subtitle.len() as i32 * m.line_height(m.small)
            + if legend.is_empty() { 0 } else { 6 + legend.len() as i32 * m.line_height(m.label) }
            + 10;
        Header { kind: data.kind, title, subtitle, legend, height }
    }

    fn draw<B: Canvas>(&self, area: &Area<B>, m: &Metrics) -> Result<(), ChartError> {
        let mut y = m.pad;
        for line in &self.title {
            label(area, line, (m.pad, y), m.title, m.colors.text, HPos::Left, VPos::Top, true)?;
            y += m.line_height(m.title);
        }
        y += 2;
        for line in &self.subtitle {
            label(area, line, (m.pad, y), m.small, m.colors.muted_text, HPos::Left, VPos::Top, false)?;
            y += m.line_height(m.small);
        }
        if !self.legend.is_empty() {
            y += 6;
        }
        let swatch = m.px(SWATCH);
        for row in &self.legend {
            let mut x = m.pad;
            let middle = y + m.line_height(m.label) / 2;
            for (i, name, kind) in row {
                match kind {
                    LegendKind::Swatch => fill(area, (x, middle - swatch / 2), (x + swatch, middle + swatch / 2), m.colors.series(*i), *i, m)?,
                    LegendKind::Dashed => dashed(area, (x - 2, middle), (x + swatch + 4, middle), m.colors.target, 2)?,
                    LegendKind::Line => time::legend(area, self.kind, *i, (x - 2, middle), swatch + 4, m)?,
                    LegendKind::More => {}
                }
                x += swatch + 6;
                label(area, name, (x, middle), m.label, m.colors.text, HPos::Left, VPos::Center, false)?;
                x += text::width(name, m.label).ceil() as i32 + 16;
            }
            y += m.line_height(m.label);
        }
        Ok(())
    }
}

/// Notes, then the source and status line.
struct Footer {
    lines: Vec<(String, bool)>,
    height: i32,
}

impl Footer {
    fn new(data: &ChartData, m: &Metrics) -> Footer {
        let inner = f64::from(m.inner_width());
        let mut lines: Vec<(String, bool)> = Vec::new();
        for note in &data.notes {
            lines.extend(text::wrap(note, m.small, inner, NOTE_LINES).into_iter().map(|l| (l, false)));
        }
        let source = format!("{} · {}", data.source, data.status_line());
        lines.extend(text::wrap_parts(&source, m.small, inner, SOURCE_LINES).into_iter().map(|l| (l, true)));
        let height = 10 + lines.len() as i32 * m.line_height(m.small) + m.pad;
        Footer { lines, height }
    }

    fn draw<B: Canvas>(&self, area: &Area<B>, m: &Metrics, top: i32) -> Result<(), ChartError> {
        let mut y = top + 10;
        for (line, _source) in &self.lines {
            label(area, line, (m.pad, y), m.small, m.colors.muted_text, HPos::Left, VPos::Top, false)?;
            y += m.line_height(m.small);
        }
        Ok(())
    }
}

/// How far a draft's watermark is turned, anticlockwise.
const WATERMARK_DEGREES: i32 = 24;

/// A draft's watermarks across the chart's body (from `top`, `height` high): one in the middle,
/// as large as fits turned (never larger than 72 px, nor smaller than the labels); a tall body
/// gets one for each stretch as high as the chart is wide, so one is always in view.
fn watermarks(text: &str, m: &Metrics, top: i32, height: i32) -> Vec<Watermark> {
    let (sin, cos) = (0.406_736_643_075_800_2, 0.913_545_457_642_600_9); // 24°, without a maths library in wasm
    let width = f64::from(m.inner_width());
    let copies = (f64::from(height) / width).round().max(1.0) as i32;
    let stretch = f64::from(height) / f64::from(copies);
    // Bold text is a little wider than the estimate.
    let ems = text::width(text, 1.0) * 1.08;
    let size = (width * 0.85 / (ems * cos + sin)).min(stretch * 0.9 / (ems * sin + cos)).min(72.0).max(m.label);
    let (colour, opacity) = m.colors.watermark;
    (0..copies)
        .map(|i| Watermark {
            text: text.to_owned(),
            centre: (m.pad + m.inner_width() / 2, top + (stretch * (f64::from(i) + 0.5)).round() as i32),
            size: size.floor(),
            degrees: WATERMARK_DEGREES,
            color: colour,
            opacity: f64::from(opacity) / 100.0,
        })
        .collect()
}

/// The value as f64 for placing marks; exact values are only ever printed from their labels.
/// (Mantissa over a power of ten: near enough for a pixel, and lighter in the wasm module than
/// rust_decimal's exact conversion.)
pub(super) fn to_f64(value: rust_decimal::Decimal) -> f64 {
    value.mantissa() as f64 / 10f64.powi(value.scale() as i32)
}
