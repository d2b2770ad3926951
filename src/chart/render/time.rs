//! Charts over time: lines (one per series, a marker at every period, a gap where a period has no
//! figure, the latest values labelled at the end) and columns with a line (levels on the left
//! axis, growth on the right).
//!
//! A line is never drawn through a missing period: a segment joins two neighbouring periods only
//! when both have a figure. Series after the first are dashed and every series has its own marker
//! shape, so they differ without colour (care mode, print).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{coords, drawing, fill, label, line, to_f64, Area, Canvas, Dashed, Mark, Metrics};
use crate::chart::data::{ChartData, ChartError, ChartKind};
use crate::chart::{format, text};

const TICKS: usize = 5;
/// Room kept above the plot for the labels of the highest points.
const TOP_ROOM: i32 = 22;

fn plot_height(m: &Metrics) -> i32 {
    (f64::from(m.width) * 0.42).clamp(200.0, 300.0) as i32
}

/// Whether series `s` is drawn as a line (every series of a line chart; the second and later of
/// a column-and-line chart).
fn is_line(data: &ChartData, s: usize) -> bool {
    data.kind == ChartKind::Line || s > 0
}

/// How series `s` of `data` is told apart without colour: its line's dash and its marker, by the
/// count of lines before it (a column-and-line chart's one line is solid).
fn style(kind: ChartKind, s: usize) -> usize {
    if kind == ChartKind::Combo { s.saturating_sub(1) } else { s }
}

/// The dash of the line of style `s`: solid for the first, then dashes, dots, long dashes.
fn dash(s: usize) -> Option<(u32, u32)> {
    match s % 4 {
        0 => None,
        1 => Some((7, 4)),
        2 => Some((2, 3)),
        _ => Some((12, 4)),
    }
}

/// The value range of the series drawn on one axis, with zero.
fn range(data: &ChartData, lines: bool) -> (f64, f64) {
    let values: Vec<f64> = data
        .series
        .iter()
        .enumerate()
        .filter(|(s, _)| is_line(data, *s) == lines)
        .flat_map(|(_, series)| series.values.iter().flatten().map(|v| to_f64(*v)))
        .collect();
    let lo = values.iter().copied().fold(0.0, f64::min);
    let hi = values.iter().copied().fold(0.0, f64::max);
    // Room beyond the extreme points for their labels.
    let pad = (hi - lo).max(1e-9) * 0.08;
    (if lo < 0.0 { lo - pad } else { 0.0 }, if hi > 0.0 { hi + pad } else { 0.0 })
}

struct Layout {
    /// The left axis' ticks: the columns' of a column-and-line chart, else the lines'.
    ticks: Vec<f64>,
    /// The right axis' ticks (a column-and-line chart's line).
    right_ticks: Vec<f64>,
    axis_width: i32,
    right_width: i32,
    /// Room right of the plot for the lines' last labels.
    end_room: i32,
    /// Each period's label: where its middle is, and its lines (none where it is skipped for
    /// room).
    labels: Vec<(f64, Vec<String>)>,
    label_height: i32,
    /// Whether every point's value is printed (few periods, one line), not just the latest.
    every_label: bool,
    /// The markers' radius.
    radius: i32,
    /// The first period drawn: the earlier ones have no room (they are in the table).
    start: usize,
}

fn tick_width(ticks: &[f64], suffix: &str, m: &Metrics) -> i32 {
    ticks.iter().map(|t| text::width(&format::tick_in(*t, suffix, m.lang), m.small)).fold(0.0, f64::max).ceil() as i32 + 8
}

fn layout(data: &ChartData, m: &Metrics) -> Layout {
    let combo = data.kind == ChartKind::Combo;
    let (lo, hi) = range(data, !combo);
    let ticks = format::ticks(lo, hi, TICKS);
    let right_ticks = if combo {
        let (lo, hi) = range(data, true);
        format::ticks(lo, hi, TICKS)
    } else {
        Vec::new()
    };
    let line_suffix = if data.line_unit.as_deref() == Some("%") { "%" } else { "" };
    let axis_width = tick_width(&ticks, "", m);
    let right_width = if combo { tick_width(&right_ticks, line_suffix, m) } else { 0 };
    let last_labels = data.series.iter().enumerate().filter(|(s, _)| is_line(data, *s)).filter_map(|(_, series)| {
        let last = series.values.iter().rposition(Option::is_some)?;
        series.labels.get(last)
    });
    let end_room = if combo { 0 } else { last_labels.map(|l| text::width(l, m.label)).fold(0.0, f64::max).ceil() as i32 + 12 };
    // As many of the latest periods as have room, each at least 18 px (27 in care mode): a phone
    // shows the last months, the table every one.
    let total = data.categories.len().max(1);
    let room = f64::from(m.inner_width() - axis_width - right_width - end_room);
    let fit = (room / f64::from(m.px(18))).floor().max(2.0) as usize;
    let start = total.saturating_sub(fit);
    let n = total - start;
    let band = room / n as f64;
    let names: Vec<Vec<String>> = (0..data.categories.len())
        .map(|i| {
            let text = data.axis_labels.get(i).filter(|l| !l.is_empty()).or(data.categories.get(i)).cloned().unwrap_or_default();
            text.split('\n').map(str::to_owned).collect()
        })
        .collect();
    // From the latest back, each label that keeps 8 px from the one after it (held inside the
    // plot at the left, the picture at the right), so the newest period is always named; then a
    // label's second line (its year) only where it differs from the last one printed.
    let x0 = f64::from(m.pad + axis_width);
    let right_edge = f64::from(m.width - m.pad);
    let mut placed: Vec<Option<f64>> = vec![None; names.len()];
    let mut limit = f64::INFINITY;
    for (i, lines) in names.iter().enumerate().skip(start).rev() {
        let half = lines.iter().map(|l| text::width(l, m.small)).fold(0.0, f64::max) / 2.0;
        let cx = (x0 + ((i - start) as f64 + 0.5) * band).max(x0 + half).min(right_edge - half);
        if cx + half + 8.0 <= limit {
            placed[i] = Some(cx);
            limit = cx - half;
        }
    }
    let mut year: Option<String> = None;
    let labels: Vec<(f64, Vec<String>)> = names
        .into_iter()
        .zip(&placed)
        .map(|(mut lines, at)| {
            let Some(cx) = *at else { return (0.0, Vec::new()) };
            if lines.len() > 1 {
                if year.as_ref() == lines.get(1) {
                    lines.truncate(1);
                } else {
                    year = lines.get(1).cloned();
                }
            }
            (cx, lines)
        })
        .collect();
    let lines = labels.iter().map(|(_, l)| l.len()).max().unwrap_or(1).max(1) as i32;
    let one_line = data.series.iter().enumerate().filter(|(s, _)| is_line(data, *s)).count() == 1;
    let widest_value = data.series.iter().flat_map(|s| &s.labels).map(|l| text::width(l, m.small)).fold(0.0, f64::max);
    let every_label = one_line && widest_value + 6.0 <= band;
    let lines_count = data.series.iter().enumerate().filter(|(s, _)| is_line(data, *s)).count().max(1) as f64;
    // Markers no wider than a band can hold for every line's side by side.
    let radius = (f64::from(m.px(4))).min(band / (2.0 + lines_count)).max(2.0) as i32;
    Layout { ticks, right_ticks, axis_width, right_width, end_room, labels, label_height: 8 + lines * m.line_height(m.small), every_label, radius, start }
}

pub(super) fn height(data: &ChartData, m: &Metrics) -> i32 {
    TOP_ROOM + plot_height(m) + layout(data, m).label_height
}

/// A label's box, in pixels.
#[derive(Clone, Copy)]
struct Box {
    left: i32,
    top: i32,
    right: i32,
    bottom: i32,
}

impl Box {
    fn around((x, y): (i32, i32), width: i32, height: i32) -> Box {
        Box { left: x - width / 2, top: y - height / 2, right: x + width - width / 2, bottom: y + height - height / 2 }
    }

    fn overlaps(&self, other: &Box) -> bool {
        self.left < other.right && other.left < self.right && self.top < other.bottom && other.top < self.bottom
    }
}

/// The marker of series `s` at `(x, y)`: a circle, square, triangle or diamond, on a ring of the
/// background colour so it stands off the line.
fn marker<B: Canvas>(root: &Area<B>, s: usize, (x, y): (i32, i32), r: i32, color: RGBColor, m: &Metrics) -> Result<(), ChartError> {
    root.draw(&Circle::new((x, y), u32::try_from(r + 2).unwrap_or(6), m.colors.background.filled())).map_err(drawing)?;
    let shape: Vec<(i32, i32)> = match s % 4 {
        0 => return root.draw(&Circle::new((x, y), u32::try_from(r).unwrap_or(4), color.filled())).map_err(drawing),
        1 => vec![(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)],
        2 => vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)],
        _ => vec![(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)],
    };
    root.draw(&Polygon::new(shape, color.filled())).map_err(drawing)
}

/// A series' line from point to point, each segment only between two neighbouring periods.
fn polyline<B: Canvas>(root: &Area<B>, points: &[Option<(i32, i32)>], s: usize, color: RGBColor, m: &Metrics) -> Result<(), ChartError> {
    let width = u32::try_from(m.px(2)).unwrap_or(2);
    for pair in points.windows(2) {
        if let [Some(a), Some(b)] = pair {
            match dash(s) {
                None => line(root, *a, *b, color, width)?,
                Some(dash) => root.draw(&Dashed { from: *a, to: *b, color, width, dash }).map_err(drawing)?,
            }
        }
    }
    Ok(())
}

/// A legend entry's picture of series `s`: a stretch of its line, `length` long from `from`,
/// with its marker in the middle.
pub(super) fn legend<B: Canvas>(root: &Area<B>, kind: ChartKind, s: usize, (x, y): (i32, i32), length: i32, m: &Metrics) -> Result<(), ChartError> {
    let color = m.colors.series(s);
    polyline(root, &[Some((x, y)), Some((x + length, y))], style(kind, s), color, m)?;
    marker(root, style(kind, s), (x + length / 2, y), m.px(4), color, m)
}

pub(super) fn draw<B: Canvas>(root: &Area<B>, data: &ChartData, m: &Metrics, top: i32, height: i32) -> Result<Vec<Mark>, ChartError> {
    let layout = layout(data, m);
    let combo = data.kind == ChartKind::Combo;
    let x0 = m.pad + layout.axis_width;
    let x1 = m.width - m.pad - layout.right_width - layout.end_room;
    let top = top + TOP_ROOM;
    let plot_h = height - TOP_ROOM - layout.label_height;
    let bounds = |ticks: &[f64]| (ticks.first().copied().unwrap_or(0.0), ticks.last().copied().unwrap_or(1.0));
    let (lo, hi) = bounds(&layout.ticks);
    let start = layout.start;
    let n = data.categories.len().saturating_sub(start);
    // The x of period `i`'s band start, in bands from the first drawn.
    let at = |i: usize| i.saturating_sub(start) as f64;
    let left = coords(0f64..n.max(1) as f64, lo..hi, (x0, top), (x1, top + plot_h));
    let (rlo, rhi) = bounds(&layout.right_ticks);
    let right = coords(0f64..n.max(1) as f64, rlo..rhi, (x0, top), (x1, top + plot_h));

    for tick in &layout.ticks {
        let (gx, gy) = left.translate(&(0.0, *tick));
        let color = if tick.abs() < 1e-9 { m.colors.axis } else { m.colors.grid };
        line(root, (gx, gy), (x1, gy), color, 1)?;
        label(root, &format::tick_in(*tick, "", m.lang), (gx - 6, gy), m.small, m.colors.muted_text, HPos::Right, VPos::Center, false)?;
    }
    let line_suffix = if data.line_unit.as_deref() == Some("%") { "%" } else { "" };
    for tick in &layout.right_ticks {
        let (_, gy) = right.translate(&(0.0, *tick));
        if tick.abs() < 1e-9 && lo.abs() > 1e-9 {
            line(root, (x0, gy), (x1, gy), m.colors.grid, 1)?;
        }
        label(root, &format::tick_in(*tick, line_suffix, m.lang), (x1 + 6, gy), m.small, m.colors.muted_text, HPos::Left, VPos::Center, false)?;
    }

    let band_px = f64::from(x1 - x0) / n.max(1) as f64;
    let mut marks = Vec::new();
    // The boxes of the values printed so far: a value that would overlap one is printed elsewhere,
    // or not at all (every value is in the tooltip and the table).
    let mut taken: Vec<Box> = Vec::new();
    let size = m.small;
    let text_h = m.line_height(size);
    // Columns first (a column-and-line chart's levels), so the line runs over them; a column's
    // value goes where no marker of the line covers it.
    if combo {
        let ring = 2 * (layout.radius + 2);
        let markers: Vec<Box> = data
            .series
            .iter()
            .enumerate()
            .filter(|(s, _)| is_line(data, *s))
            .flat_map(|(_, series)| series.values.iter().enumerate().skip(start).filter_map(|(i, v)| v.map(|v| right.translate(&(at(i) + 0.5, to_f64(v))))))
            .map(|point| Box::around(point, ring, ring))
            .collect();
        if let Some(series) = data.series.first() {
            let fraction = (56.0 / band_px).min(0.6);
            for (i, value) in series.values.iter().enumerate().skip(start) {
                let Some(value) = value else { continue };
                let v = to_f64(*value);
                let l = at(i) + (1.0 - fraction) / 2.0;
                let (ax, ay) = left.translate(&(l, v.max(0.0)));
                let (bx, by) = left.translate(&(l + fraction, v.min(0.0)));
                let derived = series.labels.get(i).is_some_and(|l| l.ends_with('*'));
                // A derived level carries the series' pattern where patterns are drawn.
                fill(root, (ax, ay), (bx, by), m.colors.series(0), if derived { 1 } else { 0 }, m)?;
                marks.push(Mark::new(data, (ax, ay), (bx - ax, by - ay), i, Some(0)));
                let text_label = series.labels.get(i).cloned().unwrap_or_default();
                let w = text::width(&text_label, size).ceil() as i32 + 4;
                if w > band_px as i32 - 2 {
                    continue;
                }
                let cx = (ax + bx) / 2;
                // Inside at the top, inside at the foot, else above the column.
                let tall = by - ay >= text_h + 6;
                let spots = [
                    tall.then(|| (Box::around((cx, ay + text_h / 2 + 3), w, text_h), true)),
                    (by - ay >= 2 * text_h + 12).then(|| (Box::around((cx, by - text_h / 2 - 3), w, text_h), true)),
                    Some((Box::around((cx, ay - 3 - text_h / 2), w, text_h), false)),
                ];
                let free = |b: &Box| !markers.iter().chain(&taken).any(|t| t.overlaps(b)) && b.top >= top - TOP_ROOM;
                if let Some((spot, inside)) = spots.into_iter().flatten().find(|(b, _)| free(b)) {
                    let middle = (spot.top + spot.bottom) / 2;
                    if inside {
                        super::inside_label(root, &text_label, (cx, middle), size, m.colors.series(0), m)?;
                    } else {
                        label(root, &text_label, (cx, spot.bottom), size, m.colors.text, HPos::Center, VPos::Bottom, false)?;
                    }
                    taken.push(spot);
                }
            }
        }
    }
    // Each line's end: its height and series order (its place in order), its label and colour.
    let mut ends: Vec<((i32, usize), String, RGBColor)> = Vec::new();
    for (s, series) in data.series.iter().enumerate().filter(|(s, _)| is_line(data, *s)) {
        let axis = if combo { &right } else { &left };
        let color = m.colors.series(s);
        let points: Vec<Option<(i32, i32)>> = series.values.iter().enumerate().map(|(i, v)| v.filter(|_| i >= start).map(|v| axis.translate(&(at(i) + 0.5, to_f64(v))))).collect();
        polyline(root, &points, style(data.kind, s), color, m)?;
        let last = points.iter().rposition(Option::is_some);
        for (i, point) in points.iter().enumerate() {
            let Some((x, y)) = *point else { continue };
            marker(root, style(data.kind, s), (x, y), layout.radius, color, m)?;
            let half = m.px(7).max(layout.radius + 2);
            marks.push(Mark::new(data, (x - half, y - half), (2 * half, 2 * half), i, Some(s)));
            let text_label = series.labels.get(i).cloned().unwrap_or_default();
            if Some(i) == last && !combo {
                // Kept in order of height, then of series, as they come.
                let key = (y, ends.len());
                let at = ends.partition_point(|(k, ..)| *k < key);
                ends.insert(at, (key, text_label, color));
                continue;
            }
            let w = text::width(&text_label, size).ceil() as i32 + 4;
            if !(layout.every_label || combo) || w > band_px as i32 - 2 {
                continue;
            }
            // Above the point, else below it.
            let gap = layout.radius + 4;
            let spots = [Box::around((x, y - gap - text_h / 2), w, text_h), Box::around((x, y + gap + text_h / 2), w, text_h)];
            if let Some(spot) = spots.into_iter().find(|b| b.top >= top - TOP_ROOM && !taken.iter().any(|t| t.overlaps(b))) {
                super::rect(root, (spot.left, spot.top), (spot.right, spot.bottom), m.colors.background)?;
                label(root, &text_label, (x, (spot.top + spot.bottom) / 2), size, m.colors.text, HPos::Center, VPos::Center, Some(i) == last)?;
                taken.push(spot);
            }
        }
    }
    // The latest values right of the lines' ends, moved apart where they would overlap.
    let step = m.line_height(m.label);
    let mut floor = i32::MIN;
    for ((y, _), text_label, color) in ends {
        let y = y.max(floor);
        floor = y + step;
        label(root, &text_label, (x1 + 8, y), m.label, color, HPos::Left, VPos::Center, true)?;
    }

    // The periods under the plot, the latest always named.
    for (cx, lines) in &layout.labels {
        let mut y = top + plot_h + 6;
        for (k, text_line) in lines.iter().enumerate() {
            let color = if k == 0 { m.colors.text } else { m.colors.muted_text };
            label(root, text_line, (cx.round() as i32, y), m.small, color, HPos::Center, VPos::Top, false)?;
            y += m.line_height(m.small);
        }
    }
    Ok(marks)
}
