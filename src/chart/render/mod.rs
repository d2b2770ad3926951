//! Placing a chart's data and drawing it with plotters into an SVG string.
//!
//! Text is never measured by the backend: [`super::text`] estimates widths the same way natively
//! and in wasm, and every label is drawn with an explicit anchor, so the SVG is identical in both.

mod donut;
mod horizontal;
mod vertical;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

use super::data::{ChartData, ChartError, ChartKind};
use super::palette;
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
    /// Where each data mark was drawn, for tooltips and hit-testing.
    pub marks: Vec<Mark>,
}

/// A drawn data mark: its box in SVG pixels and what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    pub category: String,
    pub series: String,
    /// The value as printed.
    pub label: String,
}

/// The narrowest and widest a chart is drawn.
pub const MIN_WIDTH: u32 = 280;
pub const MAX_WIDTH: u32 = 1600;

/// Sizes that depend on the width: a phone gets a little less padding, never smaller text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Metrics {
    pub width: i32,
    pub pad: i32,
    pub title: f64,
    pub label: f64,
    pub small: f64,
    pub line: f64,
}

impl Metrics {
    fn new(width: u32) -> Metrics {
        let narrow = width < 520;
        Metrics {
            width: i32::try_from(width).unwrap_or(800),
            pad: if narrow { 10 } else { 16 },
            title: if narrow { 16.0 } else { 18.0 },
            label: 13.0,
            small: 12.0,
            line: 1.35,
        }
    }

    pub fn inner_width(&self) -> i32 {
        self.width - 2 * self.pad
    }

    pub fn line_height(&self, size: f64) -> i32 {
        (size * self.line).ceil() as i32
    }
}

pub(super) type Area<'a> = DrawingArea<Svg<'a>, Shift>;

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
pub(super) fn label(area: &Area, text: &str, (x, y): (i32, i32), size: f64, color: RGBColor, h: HPos, v: VPos, bold: bool) -> Result<(), ChartError> {
    let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
    // The family is set once on the root <svg>; sizes are CSS pixels.
    let font = FontDesc::new(FontFamily::SansSerif, size, style).color(&color).pos(Pos::new(h, v));
    area.draw(&Text::new(text.to_owned(), (x, y), font)).map_err(drawing)
}

pub(super) fn rect(area: &Area, (x0, y0): (i32, i32), (x1, y1): (i32, i32), color: RGBColor) -> Result<(), ChartError> {
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled())).map_err(drawing)
}

pub(super) fn line(area: &Area, from: (i32, i32), to: (i32, i32), color: RGBColor, width: u32) -> Result<(), ChartError> {
    area.draw(&PathElement::new(vec![from, to], color.stroke_width(width))).map_err(drawing)
}

/// A dashed line of 6-pixel dashes with 4-pixel gaps.
pub(super) fn dashed(area: &Area, from: (i32, i32), to: (i32, i32), color: RGBColor, width: u32) -> Result<(), ChartError> {
    area.draw(&super::svg::Dashed { from, to, color, width }).map_err(drawing)
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
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let m = Metrics::new(width);
    let header = Header::new(data, &m);
    let footer = Footer::new(data, &m);
    let body = match data.kind {
        ChartKind::Column | ChartKind::Cumulative => vertical::height(data, &m),
        ChartKind::Bar | ChartKind::Progress | ChartKind::Grouped => horizontal::height(data, &m),
        ChartKind::StackedPercent => horizontal::stacked_height(data, &m),
        ChartKind::Donut => donut::height(data, &m),
    };
    let height = header.height + body + footer.height;
    let height_u32 = u32::try_from(height.max(1)).unwrap_or(1);
    let mut svg = String::new();
    let marks = {
        let root = Svg::new(&mut svg, (width, height_u32), FONT).into_drawing_area();
        root.fill(&palette::BACKGROUND).map_err(drawing)?;
        header.draw(&root, &m)?;
        let top = header.height;
        let marks = match data.kind {
            ChartKind::Column | ChartKind::Cumulative => vertical::draw(&root, data, &m, top, body)?,
            ChartKind::Bar | ChartKind::Progress | ChartKind::Grouped => horizontal::draw(&root, data, &m, top, body)?,
            ChartKind::StackedPercent => horizontal::draw_stacked(&root, data, &m, top, body)?,
            ChartKind::Donut => donut::draw(&root, data, &m, top, body)?,
        };
        footer.draw(&root, &m, top + body)?;
        root.present().map_err(drawing)?;
        marks
    };
    Ok(Rendered { svg, width, height: height_u32, marks })
}

/// Title, subtitle and legend.
struct Header {
    title: Vec<String>,
    subtitle: Vec<String>,
    legend: Vec<Vec<(usize, String, LegendKind)>>,
    height: i32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LegendKind {
    Swatch,
    Dashed,
}

const SWATCH: i32 = 12;

impl Header {
    fn new(data: &ChartData, m: &Metrics) -> Header {
        let inner = f64::from(m.inner_width());
        let title = text::wrap(&data.title, m.title, inner, 3);
        let subtitle = text::wrap(&data.subtitle, m.small, inner, 2);
        let mut entries: Vec<(usize, String, LegendKind)> = Vec::new();
        let legend_wanted = matches!(data.kind, ChartKind::Grouped | ChartKind::Cumulative | ChartKind::StackedPercent);
        if legend_wanted {
            entries.extend(data.series.iter().enumerate().map(|(i, s)| (i, s.name.clone(), LegendKind::Swatch)));
            if let Some(reference) = &data.reference {
                entries.push((0, reference.label.clone(), LegendKind::Dashed));
            }
        }
        let mut legend: Vec<Vec<(usize, String, LegendKind)>> = Vec::new();
        let mut used = 0.0;
        for entry in entries {
            let w = f64::from(SWATCH + 6) + text::width(&entry.1, m.label) + 16.0;
            if legend.is_empty() || used + w > inner {
                legend.push(Vec::new());
                used = 0.0;
            }
            used += w;
            if let Some(row) = legend.last_mut() {
                row.push(entry);
            }
        }
        let height = m.pad
            + title.len() as i32 * m.line_height(m.title)
            + 2
            + subtitle.len() as i32 * m.line_height(m.small)
            + if legend.is_empty() { 0 } else { 6 + legend.len() as i32 * m.line_height(m.label) }
            + 10;
        Header { title, subtitle, legend, height }
    }

    fn draw(&self, area: &Area, m: &Metrics) -> Result<(), ChartError> {
        let mut y = m.pad;
        for line in &self.title {
            label(area, line, (m.pad, y), m.title, palette::TEXT, HPos::Left, VPos::Top, true)?;
            y += m.line_height(m.title);
        }
        y += 2;
        for line in &self.subtitle {
            label(area, line, (m.pad, y), m.small, palette::MUTED_TEXT, HPos::Left, VPos::Top, false)?;
            y += m.line_height(m.small);
        }
        if !self.legend.is_empty() {
            y += 6;
        }
        for row in &self.legend {
            let mut x = m.pad;
            let middle = y + m.line_height(m.label) / 2;
            for (i, name, kind) in row {
                match kind {
                    LegendKind::Swatch => rect(area, (x, middle - SWATCH / 2), (x + SWATCH, middle + SWATCH / 2), palette::series(*i))?,
                    LegendKind::Dashed => dashed(area, (x - 2, middle), (x + SWATCH + 4, middle), palette::TARGET, 2)?,
                }
                x += SWATCH + 6;
                label(area, name, (x, middle), m.label, palette::TEXT, HPos::Left, VPos::Center, false)?;
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
            lines.extend(text::wrap(note, m.small, inner, 3).into_iter().map(|l| (l, false)));
        }
        let source = format!("{} · {}", data.source, data.status);
        lines.extend(text::wrap(&source, m.small, inner, 2).into_iter().map(|l| (l, true)));
        let height = 10 + lines.len() as i32 * m.line_height(m.small) + m.pad;
        Footer { lines, height }
    }

    fn draw(&self, area: &Area, m: &Metrics, top: i32) -> Result<(), ChartError> {
        let mut y = top + 10;
        for (line, _source) in &self.lines {
            label(area, line, (m.pad, y), m.small, palette::MUTED_TEXT, HPos::Left, VPos::Top, false)?;
            y += m.line_height(m.small);
        }
        Ok(())
    }
}

/// The value as f64 for placing marks; exact values are only ever printed from their labels.
pub(super) fn to_f64(value: rust_decimal::Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    value.to_f64().unwrap_or(0.0)
}
