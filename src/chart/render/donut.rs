//! A donut: shares of a whole as a ring, largest label inside, legend with every value.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{drawing, fill, hatch, inside_label, label, to_f64, Arc, Area, Canvas, Mark, Metrics};
use crate::chart::data::{ChartData, ChartError};
use crate::chart::text;

const LEGEND_GAP: i32 = 24;

struct Layout {
    diameter: i32,
    legend_beside: bool,
    legend_width: i32,
    /// Each entry's lines: "第一产业 1.5%" on one, or wrapped (words whole) under the ring
    /// where it is wider than the chart.
    legend: Vec<Vec<String>>,
}

fn entry(category: &str, value: &str) -> String {
    format!("{category} {value}%")
}

fn layout(data: &ChartData, m: &Metrics) -> Layout {
    let legend_width = data
        .categories
        .iter()
        .zip(data.series.first().map(|s| s.labels.as_slice()).unwrap_or(&[]))
        .map(|(c, l)| text::width(&format!("{c} {l}%"), m.label))
        .fold(0.0, f64::max)
        .ceil() as i32
        + m.px(12)
        + 8;
    let inner = m.inner_width();
    let diameter = inner.min(300);
    let legend_beside = inner >= diameter + LEGEND_GAP + legend_width;
    let room = f64::from(inner - m.px(12) - 6);
    let labels = data.series.first().map(|s| s.labels.as_slice()).unwrap_or(&[]);
    let legend = data
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let text = entry(c, labels.get(i).map_or("", String::as_str));
            if legend_beside { vec![text] } else { text::wrap(&text, m.label, room, 6) }
        })
        .collect();
    let legend_width = if legend_beside { legend_width } else { legend_width.min(inner) };
    Layout { diameter, legend_beside, legend_width, legend }
}

fn legend_height(layout: &Layout, m: &Metrics) -> i32 {
    layout.legend.iter().map(|lines| lines.len().max(1) as i32 * m.line_height(m.label) + 6).sum()
}

pub(super) fn height(data: &ChartData, m: &Metrics) -> i32 {
    let layout = layout(data, m);
    let legend = legend_height(&layout, m);
    if layout.legend_beside {
        layout.diameter.max(legend)
    } else {
        layout.diameter + 12 + legend
    }
}

/// Points on the unit circle every degree from 12 o'clock, clockwise, made by repeated rotation:
/// no trigonometric functions, which would pull a maths library into the wasm module. Over 360
/// steps the error stays far below a pixel.
fn unit_circle() -> Vec<(f64, f64)> {
    // cos 1° and sin 1°.
    const COS: f64 = 0.999_847_695_156_391_3;
    const SIN: f64 = 0.017_452_406_437_283_51;
    let mut points = Vec::with_capacity(361);
    let (mut x, mut y) = (0.0, -1.0);
    for _ in 0..=360 {
        points.push((x, y));
        (x, y) = (x * COS - y * SIN, x * SIN + y * COS);
    }
    points
}

/// The point at `turn` (0 = 12 o'clock, 1 = a full turn clockwise) at radius `r`.
fn point(circle: &[(f64, f64)], cx: i32, cy: i32, r: f64, turn: f64) -> (i32, i32) {
    let degrees = (turn * 360.0).clamp(0.0, 360.0);
    let i = (degrees.floor() as usize).min(359);
    let t = degrees - i as f64;
    let (x0, y0) = circle[i];
    let (x1, y1) = circle[i + 1];
    let (x, y) = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
    (cx + (r * x).round() as i32, cy + (r * y).round() as i32)
}

pub(super) fn draw<B: Canvas>(root: &Area<B>, data: &ChartData, m: &Metrics, top: i32, _height: i32) -> Result<Vec<Mark>, ChartError> {
    let layout = layout(data, m);
    let Some(series) = data.series.first() else { return Ok(Vec::new()) };
    let values: Vec<f64> = series.values.iter().map(|v| v.map(to_f64).unwrap_or(0.0).max(0.0)).collect();
    let total: f64 = values.iter().sum();
    let group_width = if layout.legend_beside { layout.diameter + LEGEND_GAP + layout.legend_width } else { layout.diameter };
    let left = m.pad + (m.inner_width() - group_width).max(0) / 2;
    let (cx, cy) = (left + layout.diameter / 2, top + layout.diameter / 2);
    let outer = f64::from(layout.diameter) / 2.0 - 4.0;
    let inner = outer * 0.58;
    let mut marks = Vec::new();
    let circle = unit_circle();
    let mut start = 0.0;
    for (i, value) in values.iter().enumerate() {
        if total <= 0.0 {
            break;
        }
        let sweep = value / total;
        // A point every 10 px or so of the outer edge: the chords stray from the circle by
        // 10² / 8r px, under a fifth of a pixel on the smallest ring, and the SVG is about half
        // of what a point every 2° made it.
        let steps = ((sweep * std::f64::consts::TAU * outer / 10.0).ceil() as usize).max(2);
        let at = |k: usize| start + sweep * k as f64 / steps as f64;
        let mut points: Vec<(i32, i32)> = (0..=steps).map(|k| point(&circle, cx, cy, outer, at(k))).collect();
        points.extend((0..=steps).rev().map(|k| point(&circle, cx, cy, inner, at(k))));
        root.draw(&Polygon::new(points.clone(), m.colors.series(i).filled())).map_err(drawing)?;
        hatch(root, points.clone(), i, m)?;
        // A white edge between segments, so thin ones stay visible and distinct.
        let edge = [point(&circle, cx, cy, inner - 1.0, start), point(&circle, cx, cy, outer + 1.0, start)];
        root.draw(&PathElement::new(edge.to_vec(), m.colors.background.stroke_width(2))).map_err(drawing)?;
        let text_label = series.labels.get(i).cloned().unwrap_or_default();
        let (lx, ly) = point(&circle, cx, cy, (outer + inner) / 2.0, start + sweep / 2.0);
        if sweep > 0.08 {
            inside_label(root, &format!("{text_label}%"), (lx, ly), m.label, m.colors.series(i), m)?;
        }
        let xs: Vec<i32> = points.iter().map(|p| p.0).collect();
        let ys: Vec<i32> = points.iter().map(|p| p.1).collect();
        let (min_x, max_x) = (xs.iter().min().copied().unwrap_or(cx), xs.iter().max().copied().unwrap_or(cx));
        let (min_y, max_y) = (ys.iter().min().copied().unwrap_or(cy), ys.iter().max().copied().unwrap_or(cy));
        let mut mark = Mark::new(data, (min_x, min_y), (max_x - min_x, max_y - min_y), i, Some(0));
        let thousandths = |turn: f64| (turn * 1000.0).round() as i32;
        mark.arc = Some(Arc { cx, cy, inner: inner.round() as i32, outer: outer.round() as i32, start: thousandths(start), end: thousandths(start + sweep) });
        mark.label = format!("{text_label}%");
        marks.push(mark);
        start += sweep;
    }
    if let Some((caption, value)) = &data.center {
        // The caption wrapped to the hole, so it never runs onto the ring.
        let lines = text::wrap(caption, m.small, (inner * 2.0 * 0.8).max(1.0), 3);
        let mut y = cy - 2 - (lines.len() as i32 - 1) * m.line_height(m.small);
        for line in &lines {
            label(root, line, (cx, y), m.small, m.colors.muted_text, HPos::Center, VPos::Bottom, false)?;
            y += m.line_height(m.small);
        }
        label(root, value, (cx, cy + 2), m.label + 2.0, m.colors.text, HPos::Center, VPos::Top, true)?;
    }
    let (mut x, mut y) = if layout.legend_beside {
        (left + layout.diameter + LEGEND_GAP, cy - legend_height(&layout, m) / 2)
    } else {
        (left.max(m.pad), top + layout.diameter + 12)
    };
    if !layout.legend_beside {
        x = m.pad + (m.inner_width() - layout.legend_width).max(0) / 2;
    }
    let line_height = m.line_height(m.label);
    for (i, lines) in layout.legend.iter().enumerate() {
        let middle = y + (line_height + 6) / 2;
        let swatch = m.px(12);
        fill(root, (x, middle - swatch / 2), (x + swatch, middle + swatch / 2), m.colors.series(i), i, m)?;
        let mut line_middle = middle;
        for line in lines {
            label(root, line, (x + swatch + 6, line_middle), m.label, m.colors.text, HPos::Left, VPos::Center, false)?;
            line_middle += line_height;
        }
        y += lines.len().max(1) as i32 * line_height + 6;
    }
    Ok(marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rotated_circle_matches_sine_and_cosine() {
        let circle = unit_circle();
        for (degrees, (x, y)) in circle.iter().enumerate() {
            let angle = (degrees as f64 - 90.0).to_radians();
            assert!((x - angle.cos()).abs() < 1e-9 && (y - angle.sin()).abs() < 1e-9, "{degrees}°");
        }
        assert_eq!(point(&circle, 100, 100, 50.0, 0.25), (150, 100));
        assert_eq!(point(&circle, 100, 100, 50.0, 0.5), (100, 150));
    }
}
