//! Horizontal bars: ranked bars (negative values extend left), grouped bars, progress against a
//! target line, and 100 % stacked structure bars.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{coords, dashed, fill, inside_label, label, line, rect, to_f64, Area, Canvas, Mark, Metrics};
use crate::chart::data::{ChartData, ChartError, ChartKind};
use crate::chart::{format, text};

const BAR: i32 = 16;
const BAR_GAP: i32 = 3;
const AXIS: i32 = 22;
const TARGET_ROOM: i32 = 20;

struct Layout {
    label_width: i32,
    labels: Vec<Vec<String>>,
    row_heights: Vec<i32>,
    value_width: i32,
    ticks: Vec<(f64, bool)>,
    top_room: i32,
}

fn layout(data: &ChartData, m: &Metrics) -> Layout {
    let inner = f64::from(m.inner_width());
    let widest = data.categories.iter().map(|c| text::width(c, m.label)).fold(0.0, f64::max);
    let label_width = widest.min(inner * 0.38).ceil();
    let labels: Vec<Vec<String>> = data.categories.iter().map(|c| text::wrap(c, m.label, label_width, 3)).collect();
    let bars = data.series.len().max(1) as i32;
    let bars_height = bars * m.px(BAR) + (bars - 1) * BAR_GAP;
    let row_heights = labels.iter().map(|l| (l.len() as i32 * m.line_height(m.label)).max(bars_height) + 10).collect();
    let value_width = data.series.iter().flat_map(|s| s.labels.iter()).map(|l| text::width(l, m.label)).fold(0.0, f64::max).ceil() as i32 + 8;
    let mut values: Vec<f64> = vec![0.0];
    values.extend(data.series.iter().flat_map(|s| s.values.iter().flatten()).map(|v| to_f64(*v)));
    if let Some(reference) = &data.reference {
        values.extend(reference.values.iter().flatten().map(|v| to_f64(*v)));
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let suffix = if data.unit == "%" { "%" } else { "" };
    let plot_width = f64::from(m.inner_width()) - label_width - 10.0 - f64::from(value_width);
    let ticks = fitting_ticks(lo, hi, plot_width, suffix, m);
    let top_room = if data.kind == ChartKind::Progress && data.reference.is_some() { m.px(TARGET_ROOM) } else { 0 };
    Layout { label_width: label_width as i32, labels, row_heights, value_width, ticks, top_room }
}

pub(super) fn height(data: &ChartData, m: &Metrics) -> i32 {
    let layout = layout(data, m);
    layout.top_room + layout.row_heights.iter().sum::<i32>() + m.px(AXIS)
}

pub(super) fn draw<B: Canvas>(root: &Area<B>, data: &ChartData, m: &Metrics, top: i32, height: i32) -> Result<Vec<Mark>, ChartError> {
    let layout = layout(data, m);
    let plot_top = top + layout.top_room;
    let plot_bottom = top + height - m.px(AXIS);
    let (lo, hi) = (layout.ticks.first().map_or(0.0, |t| t.0), layout.ticks.last().map_or(1.0, |t| t.0));
    let x0 = m.pad + layout.label_width + 10;
    let x1 = m.width - m.pad - layout.value_width;
    let chart = coords(lo..hi, 0f64..1f64, (x0, plot_top), (x1, plot_bottom));
    let px = |x: f64| chart.translate(&(x, 0.0)).0;

    for (tick, labelled) in &layout.ticks {
        let gx = px(*tick);
        let color = if tick.abs() < 1e-9 { m.colors.axis } else { m.colors.grid };
        line(root, (gx, plot_top), (gx, plot_bottom), color, 1)?;
        if *labelled {
            label(root, &format::tick_in(*tick, if data.unit == "%" { "%" } else { "" }, m.lang), (gx, plot_bottom + 4), m.small, m.colors.muted_text, HPos::Center, VPos::Top, false)?;
        }
    }

    // The target goes under the bars and labels, which sit on a white ground over it.
    if let Some(reference) = &data.reference {
        if let Some(target) = reference.values.first().copied().flatten() {
            let tx = px(to_f64(target));
            dashed(root, (tx, plot_top - 4), (tx, plot_bottom), m.colors.target, 2)?;
            label(root, &reference.label, (tx, plot_top - 6), m.small, m.colors.text, HPos::Center, VPos::Bottom, true)?;
        }
    }

    let mut marks = Vec::new();
    let zero = px(0.0);
    let mut y = plot_top;
    for i in 0..data.categories.len() {
        let row_height = layout.row_heights[i];
        let bars = data.series.len() as i32;
        let bar = m.px(BAR);
        let bars_height = bars * bar + (bars - 1) * BAR_GAP;
        let mut bar_top = y + (row_height - bars_height) / 2;
        let lines = &layout.labels[i];
        let line_height = m.line_height(m.label);
        // Each line centred on its own band, so the block sits on the bars' centre.
        let mut ly = y + (row_height - lines.len() as i32 * line_height) / 2 + line_height / 2;
        let emphasised = data.highlight == Some(i);
        for text_line in lines {
            label(root, text_line, (m.pad + layout.label_width, ly), m.label, m.colors.text, HPos::Right, VPos::Center, emphasised)?;
            ly += line_height;
        }
        for (s, series) in data.series.iter().enumerate() {
            let Some(value) = series.values.get(i).copied().flatten() else {
                bar_top += bar + BAR_GAP;
                continue;
            };
            let v = to_f64(value);
            let end = px(v);
            let colour = if v < 0.0 {
                m.colors.negative
            } else if emphasised {
                m.colors.highlight
            } else {
                m.colors.series(s)
            };
            let (left, right) = (zero.min(end), zero.max(end).max(zero.min(end) + 1));
            fill(root, (left, bar_top), (right, bar_top + bar), colour, s, m)?;
            let text_label = series.labels.get(i).cloned().unwrap_or_default();
            if v < 0.0 {
                // A fall's label goes right of the zero line, where its row is empty: the red bar
                // to the left and the "−" sign both say it fell.
                value_label(root, &text_label, (zero + 4, bar_top + bar / 2), HPos::Left, m)?;
            } else {
                value_label(root, &text_label, (right + 4, bar_top + bar / 2), HPos::Left, m)?;
            }
            marks.push(Mark::new(data, (left, bar_top), (right - left, bar), i, Some(s)));
            bar_top += bar + BAR_GAP;
        }
        y += row_height;
    }

    Ok(marks)
}

/// Round ticks for the scale, and which of them to label: every one whose label fits beside its
/// neighbours' (zero always).
fn fitting_ticks(lo: f64, hi: f64, plot_width: f64, suffix: &str, m: &Metrics) -> Vec<(f64, bool)> {
    let size = m.small;
    let ticks = format::ticks(lo, hi, 5);
    let widest = ticks.iter().map(|t| text::width(&format::tick_in(*t, suffix, m.lang), size)).fold(0.0, f64::max);
    let spacing = plot_width / (ticks.len().max(2) - 1) as f64;
    let stride = ((widest + 8.0) / spacing.max(1.0)).ceil().max(1.0) as i64;
    ticks
        .iter()
        .map(|t| {
            let step = (ticks[1.min(ticks.len() - 1)] - ticks[0]).abs().max(f64::EPSILON);
            let index = (t / step).round() as i64;
            (*t, index % stride == 0)
        })
        .collect()
}

/// A value label on a white ground, so a gridline or target line behind it never crosses the text.
fn value_label<B: Canvas>(root: &Area<B>, text_label: &str, (x, y): (i32, i32), h: HPos, m: &Metrics) -> Result<(), ChartError> {
    let w = text::width(text_label, m.label).ceil() as i32 + 2;
    let half = m.line_height(m.label) / 2;
    let (left, right) = match h {
        HPos::Left => (x - 1, x + w),
        HPos::Right => (x - w, x + 1),
        HPos::Center => (x - w / 2, x + w / 2),
    };
    rect(root, (left, y - half), (right, y + half), m.colors.background)?;
    label(root, text_label, (x, y), m.label, m.colors.text, h, VPos::Center, true)
}

const STACK_BAR: i32 = 26;

struct StackedLayout {
    labels: Vec<Vec<String>>,
}

fn stacked_layout(data: &ChartData, m: &Metrics) -> StackedLayout {
    // Room on the right of each label for the ratio printed beside it.
    let ratio_width = (0..data.categories.len())
        .map(|i| text::width(&data.series.iter().map(|s| s.labels.get(i).cloned().unwrap_or_default()).collect::<Vec<_>>().join(" : "), m.label))
        .fold(0.0, f64::max);
    // Bold text runs wider than the estimate: leave a margin.
    let room = (f64::from(m.inner_width()) - ratio_width * 1.15 - 16.0).max(80.0);
    StackedLayout { labels: data.categories.iter().map(|c| text::wrap(c, m.label, room, 2)).collect() }
}

fn stacked_row_height(lines: usize, m: &Metrics) -> i32 {
    lines as i32 * m.line_height(m.label) + 4 + m.px(STACK_BAR) + 14
}

pub(super) fn stacked_height(data: &ChartData, m: &Metrics) -> i32 {
    stacked_layout(data, m).labels.iter().map(|l| stacked_row_height(l.len(), m)).sum::<i32>() + m.px(AXIS)
}

pub(super) fn draw_stacked<B: Canvas>(root: &Area<B>, data: &ChartData, m: &Metrics, top: i32, height: i32) -> Result<Vec<Mark>, ChartError> {
    let layout = stacked_layout(data, m);
    let (x0, x1) = (m.pad, m.width - m.pad);
    let plot_bottom = top + height - m.px(AXIS);
    let stack_bar = m.px(STACK_BAR);
    let chart = coords(0f64..100f64, 0f64..1f64, (x0, top), (x1, plot_bottom));
    let px = |x: f64| chart.translate(&(x, 0.0)).0;
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let gx = px(tick);
        line(root, (gx, top), (gx, plot_bottom), m.colors.grid, 1)?;
        let anchor = if tick == 0.0 { HPos::Left } else if tick == 100.0 { HPos::Right } else { HPos::Center };
        label(root, &format::tick_in(tick, "%", m.lang), (gx, plot_bottom + 4), m.small, m.colors.muted_text, anchor, VPos::Top, false)?;
    }
    let mut marks = Vec::new();
    let mut y = top;
    for i in 0..data.categories.len() {
        let ratio = data.series.iter().map(|s| s.labels.get(i).cloned().unwrap_or_default()).collect::<Vec<_>>().join(" : ");
        let lines = &layout.labels[i];
        for (j, text_line) in lines.iter().enumerate() {
            label(root, text_line, (x0, y), m.label, m.colors.text, HPos::Left, VPos::Top, false)?;
            if j + 1 == lines.len() {
                label(root, &ratio, (x1, y), m.label, m.colors.muted_text, HPos::Right, VPos::Top, true)?;
            }
            y += m.line_height(m.label);
        }
        y += 4;
        let total: f64 = data.series.iter().filter_map(|s| s.values.get(i).copied().flatten()).map(to_f64).sum();
        let scale = if total > 0.0 { 100.0 / total } else { 0.0 };
        let mut acc = 0.0;
        for (s, series) in data.series.iter().enumerate() {
            let Some(value) = series.values.get(i).copied().flatten() else { continue };
            let (start, end) = (px(acc * scale), px((acc + to_f64(value)) * scale));
            acc += to_f64(value);
            // A white gap separates neighbours, so the segments read apart without colour.
            fill(root, (start, y), ((end - 1).max(start + 1), y + stack_bar), m.colors.series(s), s, m)?;
            let text_label = series.labels.get(i).cloned().unwrap_or_default();
            if text::width(&text_label, m.small) + 6.0 <= f64::from(end - start) {
                inside_label(root, &text_label, ((start + end) / 2, y + stack_bar / 2), m.small, m.colors.series(s), m)?;
            }
            marks.push(Mark::new(data, (start, y), (end - start, stack_bar), i, Some(s)));
        }
        y += stack_bar + 14;
    }
    Ok(marks)
}
