//! Vertical bars: a column per category, or stacked columns per period with a reference mark.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{coords, dashed, fill, inside_label, label, line, rect, to_f64, Area, Canvas, Mark, Metrics};
use crate::chart::data::{ChartData, ChartError, ChartKind};
use crate::chart::{format, text};

const TICKS: usize = 5;

fn plot_height(m: &Metrics) -> i32 {
    (f64::from(m.width) * 0.45).clamp(200.0, 320.0) as i32
}

/// The value range: bars (stacked where the chart stacks), references, and zero.
fn range(data: &ChartData) -> (f64, f64) {
    let mut values: Vec<f64> = vec![0.0];
    for i in 0..data.categories.len() {
        if data.kind == ChartKind::Cumulative {
            values.push(data.series.iter().filter_map(|s| s.values.get(i).copied().flatten()).map(to_f64).sum());
        } else {
            values.extend(data.series.iter().filter_map(|s| s.values.get(i).copied().flatten()).map(to_f64));
        }
    }
    if let Some(reference) = &data.reference {
        values.extend(reference.values.iter().flatten().map(|v| to_f64(*v)));
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // Room above the tallest bar for its label.
    (if lo < 0.0 { lo * 1.15 } else { 0.0 }, if hi > 0.0 { hi * 1.12 } else { 0.0 })
}

struct Layout {
    ticks: Vec<f64>,
    axis_width: i32,
    /// Each category's name lines, then its note lines.
    labels: Vec<(Vec<String>, Vec<String>)>,
    label_height: i32,
    /// The size the names are printed at.
    name_size: f64,
    /// The lines printed above each stack (its total, its share of the year), wrapped to the
    /// band, and their size: every line is printed, none dropped for want of room.
    totals: Vec<Vec<String>>,
    total_size: f64,
    /// Room above the plot for the lines above the tallest stack.
    top_room: i32,
}

/// The space a total's lines keep from the stack, or from the reference mark, under them.
const TOTAL_GAP: i32 = 4;
/// Half the height of a reference mark's box (`Mark` of the dashed line).
const REFERENCE_HALF: i32 = 3;

/// The size the category names are printed at under their columns: the label size when every
/// one fits its band with its words whole, else the small size when that lets them; `None` when
/// neither does (the chart is then drawn as horizontal bars, [`names_fit`]).
fn name_size(data: &ChartData, m: &Metrics, band: f64) -> Option<f64> {
    let whole = |size: f64| data.categories.iter().all(|c| text::fits(c, size, band, 3));
    [m.label, m.small].into_iter().find(|size| whole(*size))
}

/// The width a category's name has under its column.
fn band(data: &ChartData, m: &Metrics, axis_width: i32) -> f64 {
    let n = data.categories.len().max(1) as f64;
    (f64::from(m.inner_width() - axis_width) / n - 6.0).max(24.0)
}

/// Whether the names fit under the columns with their words whole. When they do not (English
/// on a phone), the column chart is drawn as horizontal bars, whose names have the chart's width.
pub(super) fn names_fit(data: &ChartData, m: &Metrics) -> bool {
    let (lo, hi) = range(data);
    let ticks = format::ticks(lo, hi, TICKS);
    let axis_width = ticks.iter().map(|t| text::width(&format::tick_in(*t, "", m.lang), m.small)).fold(0.0, f64::max).ceil() as i32 + 8;
    name_size(data, m, band(data, m, axis_width)).is_some()
}

fn layout(data: &ChartData, m: &Metrics) -> Layout {
    let (lo, hi) = range(data);
    let ticks = format::ticks(lo, hi, TICKS);
    let axis_width = ticks.iter().map(|t| text::width(&format::tick_in(*t, "", m.lang), m.small)).fold(0.0, f64::max).ceil() as i32 + 8;
    let n = data.categories.len().max(1) as f64;
    let band = band(data, m, axis_width);
    let name_size = name_size(data, m, band).unwrap_or(m.label);
    let labels: Vec<(Vec<String>, Vec<String>)> = data
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let note = data.category_notes.get(i).filter(|n| !n.is_empty());
            (text::wrap(c, name_size, band, 3), note.map(|n| text::wrap(n, m.small, band, 2)).unwrap_or_default())
        })
        .collect();
    let lines = labels.iter().map(|(name, note)| name.len() + note.len()).max().unwrap_or(1) as i32;
    // The totals' lines: at the label size when the widest fits the band, else the small size,
    // wrapped where even that is too wide ("占全年" / "10.87%").
    let room = f64::from(m.inner_width() - axis_width) / n - 4.0;
    let widest = data.total_labels.iter().flatten().map(|l| text::width(l, m.label)).fold(0.0, f64::max);
    let total_size = if widest <= room { m.label } else { m.small };
    let totals: Vec<Vec<String>> = data.total_labels.iter().map(|lines| lines.iter().flat_map(|l| text::wrap(l, total_size, room.max(1.0), 3)).collect()).collect();
    let most = totals.iter().map(Vec::len).max().unwrap_or(0) as i32;
    let top_room = if most > 0 { most * m.line_height(total_size) + TOTAL_GAP + 2 * REFERENCE_HALF } else { 0 };
    Layout { ticks, axis_width, labels, label_height: 8 + lines * m.line_height(m.label), name_size, totals, total_size, top_room }
}

pub(super) fn height(data: &ChartData, m: &Metrics) -> i32 {
    let layout = layout(data, m);
    layout.top_room + plot_height(m) + layout.label_height
}

pub(super) fn draw<B: Canvas>(root: &Area<B>, data: &ChartData, m: &Metrics, top: i32, height: i32) -> Result<Vec<Mark>, ChartError> {
    let layout = layout(data, m);
    let x0 = m.pad + layout.axis_width;
    let x1 = m.width - m.pad;
    let top = top + layout.top_room;
    let plot_h = height - layout.top_room - layout.label_height;
    let (lo, hi) = (layout.ticks.first().copied().unwrap_or(0.0), layout.ticks.last().copied().unwrap_or(1.0));
    let n = data.categories.len();
    let chart = coords(0f64..n.max(1) as f64, lo..hi, (x0, top), (x1, top + plot_h));
    let px = |x: f64, y: f64| chart.translate(&(x, y));

    for tick in &layout.ticks {
        let (gx, gy) = px(0.0, *tick);
        let color = if tick.abs() < 1e-9 { m.colors.axis } else { m.colors.grid };
        line(root, (gx, gy), (x1, gy), color, 1)?;
        label(root, &format::tick_in(*tick, "", m.lang), (gx - 6, gy), m.small, m.colors.muted_text, HPos::Right, VPos::Center, false)?;
    }

    let mut marks = Vec::new();
    let band_px = f64::from(x1 - x0) / n.max(1) as f64;
    let bar_fraction = (64.0 / band_px).min(0.55);
    for i in 0..data.categories.len() {
        let left = i as f64 + (1.0 - bar_fraction) / 2.0;
        let right = left + bar_fraction;
        let mut base = 0.0;
        let mut total_label_y = px(0.0, 0.0).1;
        for (s, series) in data.series.iter().enumerate() {
            let Some(value) = series.values.get(i).copied().flatten() else { continue };
            let v = to_f64(value);
            let (bottom, top_value) = if data.kind == ChartKind::Cumulative { (base, base + v) } else { (0.0, v) };
            base = top_value;
            let colour = if data.kind == ChartKind::Column && v < 0.0 { m.colors.negative } else { m.colors.series(s) };
            let (ax, ay) = px(left, bottom.max(top_value));
            let (bx, by) = px(right, bottom.min(top_value));
            fill(root, (ax, ay), (bx, by), colour, s, m)?;
            let text_label = series.labels.get(i).cloned().unwrap_or_default();
            marks.push(Mark::new(data, (ax, ay), (bx - ax, by - ay), i, Some(s)));
            let centre = (ax + bx) / 2;
            if data.kind == ChartKind::Cumulative {
                let fits = by - ay >= 18 && text::width(&text_label, m.small) <= f64::from(bx - ax - 4);
                if fits {
                    inside_label(root, &text_label, (centre, (ay + by) / 2), m.small, colour, m)?;
                }
                total_label_y = ay;
            } else if v < 0.0 {
                label(root, &text_label, (centre, by + 4), m.label, m.colors.text, HPos::Center, VPos::Top, true)?;
            } else {
                label(root, &text_label, (centre, ay - 4), m.label, m.colors.text, HPos::Center, VPos::Bottom, true)?;
            }
        }
        if data.kind == ChartKind::Cumulative {
            let (ax, _) = px(left, 0.0);
            let (bx, _) = px(right, 0.0);
            let centre = (ax + bx) / 2;
            // The reference first; the totals' lines go above it where it would run under them,
            // so their white ground never hides it.
            let mut bottom = total_label_y - TOTAL_GAP;
            let size = layout.total_size;
            let lines = layout.totals.get(i).map(Vec::as_slice).unwrap_or(&[]);
            let block = lines.len() as i32 * m.line_height(size);
            if let Some(reference) = &data.reference {
                if let Some(value) = reference.values.get(i).copied().flatten() {
                    let (_, ry) = px(0.0, to_f64(value));
                    let reach = ((bx - ax) / 2 + 10).min((band_px / 2.0) as i32 - 2);
                    dashed(root, (centre - reach, ry), (centre + reach, ry), m.colors.target, 2)?;
                    marks.push(Mark::new(data, (centre - reach, ry - REFERENCE_HALF), (2 * reach, 2 * REFERENCE_HALF), i, None));
                    let (mark_top, mark_bottom) = (ry - REFERENCE_HALF, ry + REFERENCE_HALF);
                    if mark_top < bottom && mark_bottom > bottom - block {
                        bottom = mark_top - TOTAL_GAP;
                    }
                }
            }
            // The total, then its share of the annual plan, top line first.
            let mut y = bottom - block;
            for text_line in lines {
                let w = text::width(text_line, size).ceil() as i32 + 4;
                rect(root, (centre - w / 2, y), (centre + w / 2, y + m.line_height(size)), m.colors.background)?;
                label(root, text_line, (centre, y + m.line_height(size)), size, m.colors.text, HPos::Center, VPos::Bottom, true)?;
                y += m.line_height(size);
            }
        }
        let (cx, _) = px(i as f64 + 0.5, lo);
        let mut y = top + plot_h + 6;
        let (name, note) = &layout.labels[i];
        for text_line in name {
            label(root, text_line, (cx, y), layout.name_size, m.colors.text, HPos::Center, VPos::Top, false)?;
            y += m.line_height(layout.name_size);
        }
        for text_line in note {
            label(root, text_line, (cx, y), m.small, m.colors.muted_text, HPos::Center, VPos::Top, false)?;
            y += m.line_height(m.label);
        }
    }
    Ok(marks)
}
