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

/// Lines a category's name may take beside its bars; a name that needs more (or has a word
/// wider than the column) moves every name onto its own line above its bars.
const SIDE_LINES: usize = 3;
/// The gap between a name above its bars and the bars.
const ABOVE_GAP: i32 = 2;

struct Layout {
    /// The names' column left of the bars; 0 when the names sit above the bars.
    label_width: i32,
    labels: Vec<Vec<String>>,
    /// Each category's note lines under its name ("up 0.7%": a column chart drawn as bars).
    notes: Vec<Vec<String>>,
    /// Whether each name is on its own line(s) above its bars, the full width of the chart.
    above: bool,
    row_heights: Vec<i32>,
    value_width: i32,
    ticks: Vec<(f64, bool)>,
    top_room: i32,
}

fn layout(data: &ChartData, m: &Metrics) -> Layout {
    let inner = f64::from(m.inner_width());
    let widest = data.categories.iter().map(|c| text::width(c, m.label)).fold(0.0, f64::max);
    let side_width = widest.min(inner * 0.38).ceil();
    // Names beside the bars while every one fits there whole; otherwise above them, where they
    // have the chart's width, so no name is hyphenated mid-word or cut short.
    let above = !data.categories.iter().all(|c| text::fits(c, m.label, side_width, SIDE_LINES));
    let (label_width, labels): (f64, Vec<Vec<String>>) = if above {
        (0.0, data.categories.iter().map(|c| text::wrap(c, m.label, inner, 2 * SIDE_LINES)).collect())
    } else {
        (side_width, data.categories.iter().map(|c| text::wrap(c, m.label, side_width, SIDE_LINES)).collect())
    };
    let note_width = if above { inner } else { label_width.max(1.0) };
    let notes: Vec<Vec<String>> = (0..labels.len()).map(|i| data.category_notes.get(i).filter(|n| !n.is_empty()).map(|n| text::wrap(n, m.small, note_width, SIDE_LINES)).unwrap_or_default()).collect();
    let bars = data.series.len().max(1) as i32;
    let bars_height = bars * m.px(BAR) + (bars - 1) * BAR_GAP;
    let row_heights = labels
        .iter()
        .zip(&notes)
        .map(|(l, n)| {
            let names = l.len() as i32 * m.line_height(m.label) + n.len() as i32 * m.line_height(m.small);
            if above { names + ABOVE_GAP + bars_height + 10 } else { names.max(bars_height) + 10 }
        })
        .collect();
    let value_width = data.series.iter().flat_map(|s| s.labels.iter()).map(|l| text::width(l, m.label)).fold(0.0, f64::max).ceil() as i32 + 8;
    let mut values: Vec<f64> = vec![0.0];
    values.extend(data.series.iter().flat_map(|s| s.values.iter().flatten()).map(|v| to_f64(*v)));
    if let Some(reference) = &data.reference {
        values.extend(reference.values.iter().flatten().map(|v| to_f64(*v)));
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let suffix = if data.unit == "%" { "%" } else { "" };
    let gutter = if above { 0.0 } else { 10.0 };
    let plot_width = f64::from(m.inner_width()) - label_width - gutter - f64::from(value_width);
    let ticks = fitting_ticks(lo, hi, plot_width, suffix, m, (label_width + gutter, f64::from(value_width)));
    let top_room = if data.kind == ChartKind::Progress && data.reference.is_some() { m.px(TARGET_ROOM) } else { 0 };
    Layout { label_width: label_width as i32, labels, notes, above, row_heights, value_width, ticks, top_room }
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
    let x0 = m.pad + layout.label_width + if layout.above { 0 } else { 10 };
    let x1 = m.width - m.pad - layout.value_width;
    let chart = coords(lo..hi, 0f64..1f64, (x0, plot_top), (x1, plot_bottom));
    let px = |x: f64| chart.translate(&(x, 0.0)).0;

    for (tick, labelled) in &layout.ticks {
        let gx = px(*tick);
        let color = if tick.abs() < 1e-9 { m.colors.axis } else { m.colors.grid };
        line(root, (gx, plot_top), (gx, plot_bottom), color, 1)?;
        if *labelled {
            let text_label = format::tick_in(*tick, if data.unit == "%" { "%" } else { "" }, m.lang);
            // Centred on its gridline, unless that would run it off the picture's edge.
            let half = (text::width(&text_label, m.small) / 2.0).ceil() as i32;
            let (x, h) = if gx - half < 1 {
                (1, HPos::Left)
            } else if gx + half > m.width - 1 {
                (m.width - 1, HPos::Right)
            } else {
                (gx, HPos::Center)
            };
            label(root, &text_label, (x, plot_bottom + 4), m.small, m.colors.muted_text, h, VPos::Top, false)?;
        }
    }

    // The target goes under the bars; a value label that would sit on it goes past it, so its
    // white ground never hides the line.
    let mut target_x = None;
    if let Some(reference) = &data.reference {
        if let Some(target) = reference.values.first().copied().flatten() {
            let tx = px(to_f64(target));
            target_x = Some(tx);
            dashed(root, (tx, plot_top - 4), (tx, plot_bottom), m.colors.target, 2)?;
            // Centred on the line, but inside the picture.
            let half = (text::width(&reference.label, m.small) * 1.08 / 2.0).ceil() as i32;
            let x = tx.clamp(m.pad + half, (m.width - m.pad - half).max(m.pad + half));
            label(root, &reference.label, (x, plot_top - 6), m.small, m.colors.text, HPos::Center, VPos::Bottom, true)?;
        }
    }
    let clear_of_target = |x: i32, text_label: &str| match target_x {
        Some(tx) if (x - 3..=x + label_box(text_label, m) + 3).contains(&tx) => tx + 4,
        _ => x,
    };

    let mut marks = Vec::new();
    let zero = px(0.0);
    let mut y = plot_top;
    for i in 0..data.categories.len() {
        let row_height = layout.row_heights[i];
        let bars = data.series.len() as i32;
        let bar = m.px(BAR);
        let bars_height = bars * bar + (bars - 1) * BAR_GAP;
        let lines = &layout.labels[i];
        let notes = &layout.notes[i];
        let line_height = m.line_height(m.label);
        let note_height = m.line_height(m.small);
        let names = lines.len() as i32 * line_height + notes.len() as i32 * note_height;
        let emphasised = data.highlight == Some(i);
        let mut bar_top = if layout.above {
            // The name (and its note) on its own line(s), then the bars below it.
            let block = names + ABOVE_GAP + bars_height;
            let mut ly = y + (row_height - block) / 2;
            for text_line in lines {
                label(root, text_line, (m.pad, ly), m.label, m.colors.text, HPos::Left, VPos::Top, emphasised)?;
                ly += line_height;
            }
            for text_line in notes {
                label(root, text_line, (m.pad, ly), m.small, m.colors.muted_text, HPos::Left, VPos::Top, false)?;
                ly += note_height;
            }
            ly + ABOVE_GAP
        } else {
            // Each line centred on its own band, so the block sits on the bars' centre.
            let mut ly = y + (row_height - names) / 2;
            for text_line in lines {
                label(root, text_line, (m.pad + layout.label_width, ly + line_height / 2), m.label, m.colors.text, HPos::Right, VPos::Center, emphasised)?;
                ly += line_height;
            }
            for text_line in notes {
                label(root, text_line, (m.pad + layout.label_width, ly + note_height / 2), m.small, m.colors.muted_text, HPos::Right, VPos::Center, false)?;
                ly += note_height;
            }
            y + (row_height - bars_height) / 2
        };
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
                value_label(root, &text_label, (clear_of_target(zero + 4, &text_label), bar_top + bar / 2), HPos::Left, m)?;
            } else {
                value_label(root, &text_label, (clear_of_target(right + 4, &text_label), bar_top + bar / 2), HPos::Left, m)?;
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
fn fitting_ticks(lo: f64, hi: f64, plot_width: f64, suffix: &str, m: &Metrics, room: (f64, f64)) -> Vec<(f64, bool)> {
    let size = m.small;
    let ticks = format::ticks(lo, hi, 5);
    let widest = ticks.iter().map(|t| text::width(&format::tick_in(*t, suffix, m.lang), size)).fold(0.0, f64::max);
    let spacing = plot_width / (ticks.len().max(2) - 1) as f64;
    let stride = ((widest + 8.0) / spacing.max(1.0)).ceil().max(1.0) as i64;
    let mut labelled: Vec<(f64, bool)> = ticks
        .iter()
        .map(|t| {
            let step = (ticks[1.min(ticks.len() - 1)] - ticks[0]).abs().max(f64::EPSILON);
            let index = (t / step).round() as i64;
            (*t, index % stride == 0)
        })
        .collect();
    // A label at an end of the axis that has no room beyond the plot (`room`: left, right) is moved
    // inward to stay on the picture, half its width towards its neighbour: it keeps its label only
    // when the two still stand apart (with a margin for the browser's font being a little wider
    // than the estimate). Zero keeps its label.
    let apart = |gap_ticks: usize| gap_ticks as f64 * spacing >= widest * 1.6 + 10.0;
    let n = labelled.len();
    for end in [0, n.saturating_sub(1)] {
        let Some(&(tick, true)) = labelled.get(end) else { continue };
        let half = text::width(&format::tick_in(tick, suffix, m.lang), size) / 2.0;
        let beyond = if end == 0 { room.0 } else { room.1 };
        if tick.abs() < 1e-9 || half <= beyond {
            continue;
        }
        let neighbour = if end == 0 { labelled.iter().skip(1).position(|t| t.1).map(|p| p + 1) } else { labelled[..end].iter().rposition(|t| t.1).map(|p| end - p) };
        if neighbour.is_some_and(|gap| !apart(gap)) {
            labelled[end].1 = false;
        }
    }
    labelled
}

/// The width of a value label's white ground.
fn label_box(text_label: &str, m: &Metrics) -> i32 {
    text::width(text_label, m.label).ceil() as i32 + 2
}

/// A value label on a white ground, so a gridline behind it never crosses the text.
fn value_label<B: Canvas>(root: &Area<B>, text_label: &str, (x, y): (i32, i32), h: HPos, m: &Metrics) -> Result<(), ChartError> {
    let w = label_box(text_label, m);
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
    /// Whether each row's ratio ("1.5 : 69.6 : 28.9") has a line of its own under the name: when
    /// a name beside it would not fit whole on one line.
    ratio_below: bool,
}

/// The ratio printed for row `i`: its series' labels joined by " : ".
fn ratio_text(data: &ChartData, i: usize) -> String {
    data.series.iter().map(|s| s.labels.get(i).cloned().unwrap_or_default()).collect::<Vec<_>>().join(" : ")
}

/// The least room between a row's name and its ratio.
const RATIO_GAP: f64 = 16.0;

fn stacked_layout(data: &ChartData, m: &Metrics) -> StackedLayout {
    let inner = f64::from(m.inner_width());
    // Room on the right of each label for the ratio printed beside it.
    let ratio_width = (0..data.categories.len()).map(|i| text::width(&ratio_text(data, i), m.label)).fold(0.0, f64::max);
    // Bold text runs wider than the estimate: leave a margin.
    let room = inner - ratio_width * 1.15 - RATIO_GAP;
    let beside = room >= 80.0 && data.categories.iter().all(|c| text::fits(c, m.label, room, 1));
    if beside {
        StackedLayout { labels: data.categories.iter().map(|c| text::wrap(c, m.label, room, 2)).collect(), ratio_below: false }
    } else {
        StackedLayout { labels: data.categories.iter().map(|c| text::wrap(c, m.label, inner, 4)).collect(), ratio_below: true }
    }
}

fn stacked_row_height(lines: usize, m: &Metrics) -> i32 {
    lines as i32 * m.line_height(m.label) + 4 + m.px(STACK_BAR) + 14
}

fn stacked_lines(layout: &StackedLayout, i: usize) -> usize {
    layout.labels.get(i).map_or(1, Vec::len) + usize::from(layout.ratio_below)
}

pub(super) fn stacked_height(data: &ChartData, m: &Metrics) -> i32 {
    let layout = stacked_layout(data, m);
    (0..layout.labels.len()).map(|i| stacked_row_height(stacked_lines(&layout, i), m)).sum::<i32>() + m.px(AXIS)
}

/// The percentage ticks of a 100 % bar that are labelled: all five when their labels stand
/// apart, else every other one, else the two ends ("75%100%" never runs together).
fn stacked_ticks(m: &Metrics, px: impl Fn(f64) -> i32) -> Vec<(f64, bool)> {
    let all = [0.0, 25.0, 50.0, 75.0, 100.0];
    let extent = |tick: f64| {
        let w = text::width(&format::tick_in(tick, "%", m.lang), m.small);
        let x = f64::from(px(tick));
        if tick == 0.0 {
            (x, x + w)
        } else if tick == 100.0 {
            (x - w, x)
        } else {
            (x - w / 2.0, x + w / 2.0)
        }
    };
    let apart = |ticks: &[f64]| ticks.windows(2).all(|pair| extent(pair[0]).1 + 8.0 <= extent(pair[1]).0);
    let shown: &[f64] = [&all[..], &[0.0, 50.0, 100.0], &[0.0, 100.0]].into_iter().find(|set| apart(set)).unwrap_or(&[0.0, 100.0]);
    all.iter().map(|t| (*t, shown.contains(t))).collect()
}

pub(super) fn draw_stacked<B: Canvas>(root: &Area<B>, data: &ChartData, m: &Metrics, top: i32, height: i32) -> Result<Vec<Mark>, ChartError> {
    let layout = stacked_layout(data, m);
    let (x0, x1) = (m.pad, m.width - m.pad);
    let plot_bottom = top + height - m.px(AXIS);
    let stack_bar = m.px(STACK_BAR);
    let chart = coords(0f64..100f64, 0f64..1f64, (x0, top), (x1, plot_bottom));
    let px = |x: f64| chart.translate(&(x, 0.0)).0;
    for (tick, labelled) in stacked_ticks(m, px) {
        let gx = px(tick);
        line(root, (gx, top), (gx, plot_bottom), m.colors.grid, 1)?;
        if labelled {
            let anchor = if tick == 0.0 { HPos::Left } else if tick == 100.0 { HPos::Right } else { HPos::Center };
            label(root, &format::tick_in(tick, "%", m.lang), (gx, plot_bottom + 4), m.small, m.colors.muted_text, anchor, VPos::Top, false)?;
        }
    }
    let mut marks = Vec::new();
    let mut y = top;
    for i in 0..data.categories.len() {
        let ratio = ratio_text(data, i);
        let lines = &layout.labels[i];
        for (j, text_line) in lines.iter().enumerate() {
            label(root, text_line, (x0, y), m.label, m.colors.text, HPos::Left, VPos::Top, false)?;
            if j + 1 == lines.len() && !layout.ratio_below {
                label(root, &ratio, (x1, y), m.label, m.colors.muted_text, HPos::Right, VPos::Top, true)?;
            }
            y += m.line_height(m.label);
        }
        if layout.ratio_below {
            label(root, &ratio, (x1, y), m.label, m.colors.muted_text, HPos::Right, VPos::Top, true)?;
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
