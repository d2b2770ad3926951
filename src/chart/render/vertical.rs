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
}

fn layout(data: &ChartData, m: &Metrics) -> Layout {
    let (lo, hi) = range(data);
    let ticks = format::ticks(lo, hi, TICKS);
    let axis_width = ticks.iter().map(|t| text::width(&format::tick_in(*t, "", m.lang), m.small)).fold(0.0, f64::max).ceil() as i32 + 8;
    let n = data.categories.len().max(1) as f64;
    let band = (f64::from(m.inner_width() - axis_width) / n - 6.0).max(24.0);
    let labels: Vec<(Vec<String>, Vec<String>)> = data
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let note = data.category_notes.get(i).filter(|n| !n.is_empty());
            (text::wrap(c, m.label, band, 3), note.map(|n| text::wrap(n, m.small, band, 2)).unwrap_or_default())
        })
        .collect();
    let lines = labels.iter().map(|(name, note)| name.len() + note.len()).max().unwrap_or(1) as i32;
    Layout { ticks, axis_width, labels, label_height: 8 + lines * m.line_height(m.label) }
}

pub(super) fn height(data: &ChartData, m: &Metrics) -> i32 {
    plot_height(m) + layout(data, m).label_height
}

pub(super) fn draw<B: Canvas>(root: &Area<B>, data: &ChartData, m: &Metrics, top: i32, height: i32) -> Result<Vec<Mark>, ChartError> {
    let layout = layout(data, m);
    let x0 = m.pad + layout.axis_width;
    let x1 = m.width - m.pad;
    let plot_h = height - layout.label_height;
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
            // The reference first, so the totals' labels sit on a white ground over it.
            if let Some(reference) = &data.reference {
                if let Some(value) = reference.values.get(i).copied().flatten() {
                    let (_, ry) = px(0.0, to_f64(value));
                    let reach = ((bx - ax) / 2 + 10).min((band_px / 2.0) as i32 - 2);
                    dashed(root, (centre - reach, ry), (centre + reach, ry), m.colors.target, 2)?;
                    marks.push(Mark::new(data, (centre - reach, ry - 3), (2 * reach, 6), i, None));
                }
            }
            // The total, then its share of the annual plan.
            let mut lines: Vec<String> = data.total_labels.get(i).cloned().unwrap_or_default();
            // The label size that fits the band; lines that fit at neither are left to the
            // tooltip and the table.
            let room = band_px - 4.0;
            let widest = lines.iter().map(|l| text::width(l, m.label)).fold(0.0, f64::max);
            let size = if widest <= room { m.label } else { m.small };
            lines.retain(|l| text::width(l, size) <= room);
            let mut y = total_label_y - 4;
            for text_line in lines.iter().rev() {
                let w = text::width(text_line, size).ceil() as i32 + 4;
                rect(root, (centre - w / 2, y - m.line_height(size)), (centre + w / 2, y), m.colors.background)?;
                label(root, text_line, (centre, y), size, m.colors.text, HPos::Center, VPos::Bottom, true)?;
                y -= m.line_height(size);
            }
        }
        let (cx, _) = px(i as f64 + 0.5, lo);
        let mut y = top + plot_h + 6;
        let (name, note) = &layout.labels[i];
        for text_line in name {
            label(root, text_line, (cx, y), m.label, m.colors.text, HPos::Center, VPos::Top, false)?;
            y += m.line_height(m.label);
        }
        for text_line in note {
            label(root, text_line, (cx, y), m.small, m.colors.muted_text, HPos::Center, VPos::Top, false)?;
            y += m.line_height(m.label);
        }
    }
    Ok(marks)
}
