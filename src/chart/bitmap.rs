//! The bitmap adapter our charts draw through for PNG: plotters' `BitMapBackend` behind a layer
//! that takes the renderer's CSS pixels and draws at `scale` device pixels each.
//!
//! Everything is drawn at the device resolution, never upscaled: shapes by scaled coordinates,
//! text by ab_glyph from the outlines at the scaled size. Text is placed the way the SVG adapter
//! asks the browser to place it (`dy` 0.76 em below a top anchor, 0.35 em for a centred one,
//! −0.24 em above a bottom one), with the widths of the real font, so a PNG matches the SVG the
//! page shows. Dashed lines and pattern fills, which SVG draws itself, are rasterized here.

use ab_glyph::{point, Font, PxScale, ScaleFont};
use plotters::backend::BitMapBackend;
use plotters::style::RGBColor;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};

use super::png::Fonts;
use super::render::{Canvas, Watermark};

type Error = <BitMapBackend<'static> as DrawingBackend>::ErrorType;
type Result<T = ()> = std::result::Result<T, DrawingErrorKind<Error>>;

/// The side of a pattern tile in CSS pixels ([`super::palette::PATTERNS`]).
const TILE: i32 = 8;

/// Draws into an RGB buffer of `size × scale` pixels; coordinates and text sizes given to it are
/// CSS pixels.
pub(crate) struct Bitmap<'a> {
    inner: BitMapBackend<'a>,
    /// CSS pixels.
    size: (u32, u32),
    scale: i32,
    fonts: &'a Fonts,
}

impl<'a> Bitmap<'a> {
    /// `pixels` holds `size.0 × scale × size.1 × scale` RGB pixels (3 bytes each); `None` when it
    /// is too short or the picture too large.
    pub(crate) fn new(pixels: &'a mut [u8], size: (u32, u32), scale: u32, fonts: &'a Fonts) -> Option<Bitmap<'a>> {
        let device = (size.0.checked_mul(scale)?, size.1.checked_mul(scale)?);
        let inner = BitMapBackend::with_buffer_and_format(pixels, device).ok()?;
        Some(Bitmap { inner, size, scale: i32::try_from(scale).ok()?, fonts })
    }

    fn device(&self, (x, y): BackendCoord) -> BackendCoord {
        (x * self.scale, y * self.scale)
    }

    /// A straight stroke between two device points, `width` device pixels wide, with SVG's butt
    /// caps. Horizontal and vertical strokes are rectangles centred on the line, so a 1-px
    /// gridline at 2× is two crisp rows; others are their outline, filled smooth.
    fn stroke(&mut self, (x0, y0): BackendCoord, (x1, y1): BackendCoord, color: BackendColor, width: i32) -> Result {
        let half = width / 2;
        if y0 == y1 {
            self.inner.draw_rect((x0.min(x1), y0 - half), (x0.max(x1), y0 - half + width), &color, true)
        } else if x0 == x1 {
            self.inner.draw_rect((x0 - half, y0.min(y1)), (x0 - half + width, y0.max(y1)), &color, true)
        } else {
            // The stroke's outline, a rectangle along the line.
            let (dx, dy) = (f64::from(x1 - x0), f64::from(y1 - y0));
            let length = dx.hypot(dy);
            let (nx, ny) = (-dy / length * f64::from(width) / 2.0, dx / length * f64::from(width) / 2.0);
            let (ax, ay, bx, by) = (f64::from(x0), f64::from(y0), f64::from(x1), f64::from(y1));
            self.fill_smooth(&[(ax + nx, ay + ny), (bx + nx, by + ny), (bx - nx, by - ny), (ax - nx, ay - ny)], color)
        }
    }

    /// Fills a polygon given in device pixels (even-odd), its edges antialiased much as a browser
    /// draws them: each pixel takes the share of it the polygon covers, measured along four lines
    /// across the pixel. Fully covered runs are filled as rectangles. (plotters' own polygon fill
    /// leaves the donut's arcs jagged.)
    fn fill_smooth(&mut self, vertices: &[(f64, f64)], color: BackendColor) -> Result {
        const LINES: i32 = 4;
        if vertices.len() < 3 {
            return Ok(());
        }
        let (width, height) = self.inner.get_size();
        let (width, height) = (i32::try_from(width).unwrap_or(i32::MAX), i32::try_from(height).unwrap_or(i32::MAX));
        let left = (vertices.iter().map(|v| v.0).fold(f64::INFINITY, f64::min).floor() as i32).max(0);
        let right = (vertices.iter().map(|v| v.0).fold(f64::NEG_INFINITY, f64::max).ceil() as i32).min(width);
        let top = (vertices.iter().map(|v| v.1).fold(f64::INFINITY, f64::min).floor() as i32).max(0);
        let bottom = (vertices.iter().map(|v| v.1).fold(f64::NEG_INFINITY, f64::max).ceil() as i32).min(height);
        if left >= right {
            return Ok(());
        }
        let mut cover = vec![0.0f64; (right - left) as usize];
        for row in top..bottom {
            cover.iter_mut().for_each(|c| *c = 0.0);
            for line in 0..LINES {
                let y = f64::from(row) + (f64::from(line) + 0.5) / f64::from(LINES);
                for pair in crossings(vertices, y).chunks_exact(2) {
                    let (from, to) = (pair[0].max(f64::from(left)), pair[1].min(f64::from(right)));
                    let mut x = from;
                    while x < to {
                        let pixel = x.floor();
                        let end = (pixel + 1.0).min(to);
                        cover[(pixel as i32 - left) as usize] += (end - x) / f64::from(LINES);
                        x = end;
                    }
                }
            }
            let mut column = 0;
            while column < cover.len() {
                let c = cover[column].min(1.0);
                if c >= 1.0 - 1e-9 {
                    let start = column;
                    while column < cover.len() && cover[column] >= 1.0 - 1e-9 {
                        column += 1;
                    }
                    let (x0, x1) = (left + start as i32, left + column as i32);
                    self.inner.draw_rect((x0, row), (x1, row + 1), &color, true)?;
                    continue;
                }
                if c > 0.0 {
                    self.inner.draw_pixel((left + column as i32, row), BackendColor { alpha: color.alpha * c, rgb: color.rgb })?;
                }
                column += 1;
            }
        }
        Ok(())
    }
}

/// A line of text laid out at a device size: each glyph's outline at its place on a baseline at
/// 0, and the advance of the whole line.
struct Run {
    glyphs: Vec<ab_glyph::OutlinedGlyph>,
    advance: f64,
    /// Bold without a bold face: each glyph drawn again a device pixel to the right.
    synthetic_bold: bool,
}

impl Run {
    /// The device pixels the run covers with its left end at `left` on the baseline `baseline`,
    /// each with its coverage (0 to 1]. Pixels covered by two glyphs appear twice.
    fn coverage(&self, left: f64, baseline: f64) -> Vec<(i32, i32, f32)> {
        let offsets: &[i32] = if self.synthetic_bold { &[0, 1] } else { &[0] };
        let (dx, dy) = (left.round() as i32, baseline as i32);
        let mut out = Vec::new();
        for glyph in &self.glyphs {
            let bounds = glyph.px_bounds();
            let (bx, by) = (bounds.min.x as i32 + dx, bounds.min.y as i32 + dy);
            glyph.draw(|gx, gy, c| {
                if c > 0.0 {
                    for &offset in offsets {
                        out.push((bx + gx as i32 + offset, by + gy as i32, c.min(1.0)));
                    }
                }
            });
        }
        out
    }
}

impl Bitmap<'_> {
    /// Lays out `text` at `size` device pixels, from the bold face or the regular one.
    fn run(&self, text: &str, size: f64, bold: bool) -> Run {
        let (face, synthetic_bold) = self.fonts.face(bold);
        let scale = PxScale::from((size * f64::from(face.height_unscaled() / face.units_per_em().unwrap_or(1000.0))) as f32);
        let font = face.as_scaled(scale);
        let mut glyphs = Vec::with_capacity(text.len());
        let mut caret = 0.0f32;
        let mut previous = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(previous) = previous {
                caret += font.kern(previous, id);
            }
            // Placed at a fraction of a pixel, as the caret falls; the run is moved by whole
            // pixels, which keeps each glyph's rasterization the same wherever the run goes.
            if let Some(outline) = font.outline_glyph(id.with_scale_and_position(scale, point(caret, 0.0))) {
                glyphs.push(outline);
            }
            caret += font.h_advance(id);
            previous = Some(id);
        }
        Run { glyphs, advance: f64::from(caret), synthetic_bold }
    }
}

fn width_of<S: BackendStyle>(style: &S, scale: i32) -> i32 {
    i32::try_from(style.stroke_width()).unwrap_or(1).max(1) * scale
}

impl DrawingBackend for Bitmap<'_> {
    type ErrorType = Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        let (x, y) = self.device(point);
        self.inner.draw_rect((x, y), (x + self.scale, y + self.scale), &color, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        let width = width_of(style, self.scale);
        self.stroke(self.device(from), self.device(to), style.color(), width)
    }

    fn draw_rect<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S, fill: bool) -> Result {
        if fill {
            // Half-open like SVG's x, y, width, height: [x0, x1) × [y0, y1).
            return self.inner.draw_rect(self.device(from), self.device(to), &style.color(), true);
        }
        let ((x0, y0), (x1, y1)) = (from, to);
        for (a, b) in [((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))] {
            self.draw_line(a, b, style)?;
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        let mut previous: Option<BackendCoord> = None;
        for point in path {
            if let Some(from) = previous {
                self.draw_line(from, point, style)?;
            }
            previous = Some(point);
        }
        Ok(())
    }

    /// A polygon of many sides: filled, or a ring as wide as the stroke.
    fn draw_circle<S: BackendStyle>(&mut self, centre: BackendCoord, radius: u32, style: &S, fill: bool) -> Result {
        let (cx, cy) = self.device(centre);
        let r = f64::from(radius) * f64::from(self.scale);
        let ring = |r: f64| -> Vec<(f64, f64)> {
            let sides = (r * 2.0).clamp(16.0, 720.0) as usize;
            (0..sides).map(|k| std::f64::consts::TAU * k as f64 / sides as f64).map(|a| (f64::from(cx) + r * a.cos(), f64::from(cy) + r * a.sin())).collect()
        };
        if fill {
            return self.fill_smooth(&ring(r), style.color());
        }
        let half = f64::from(width_of(style, self.scale)) / 2.0;
        let mut outline = ring(r + half);
        // Closed back to the outer ring's start, then the inner ring the other way: the even-odd
        // fill leaves the hole.
        outline.push(outline[0]);
        let inner = ring((r - half).max(0.0));
        outline.extend(inner.iter().rev().chain(inner.last()));
        self.fill_smooth(&outline, style.color())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vertices: I, style: &S) -> Result {
        let vertices: Vec<(f64, f64)> = vertices.into_iter().map(|p| self.device(p)).map(|(x, y)| (f64::from(x), f64::from(y))).collect();
        self.fill_smooth(&vertices, style.color())
    }

    /// Text from the font's outlines at the device size. Rotated text is not drawn rotated (the
    /// charts' labels have none; the watermark is drawn by [`Canvas::draw_watermark`]).
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, (x, y): BackendCoord) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let size = style.size() * f64::from(self.scale);
        let run = self.run(text, size, matches!(style.style(), FontStyle::Bold));
        let anchor = style.anchor();
        let left = f64::from(x * self.scale)
            - match anchor.h_pos {
                HPos::Left => 0.0,
                HPos::Center => run.advance / 2.0,
                HPos::Right => run.advance,
            };
        // The SVG adapter's dy, with the baseline on a whole device pixel as browsers put it.
        let baseline = (f64::from(y * self.scale)
            + size
                * match anchor.v_pos {
                    VPos::Top => 0.76,
                    VPos::Center => 0.35,
                    VPos::Bottom => -0.24,
                })
            .round();
        for (px, py, c) in run.coverage(left, baseline) {
            let ink = BackendColor { alpha: color.alpha * f64::from(c), rgb: color.rgb };
            self.inner.draw_pixel((px, py), ink)?;
        }
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32)> {
        // The layout's own estimate, as the SVG adapter gives it, so both lay out alike.
        let size = style.size();
        Ok((super::text::width(text, size).ceil() as u32, (size * 1.2).ceil() as u32))
    }
}

impl Canvas for Bitmap<'_> {
    /// The text is rasterized upright into a coverage buffer, then laid over the picture turned:
    /// each device pixel around the centre samples the buffer (bilinearly) at the point that
    /// turns onto it, and takes the colour at that coverage times the opacity.
    fn draw_watermark(&mut self, w: &Watermark) -> Result {
        let size = w.size * f64::from(self.scale);
        let run = self.run(&w.text, size, true);
        // The buffer: the run's box with a margin, the baseline `size` below its top.
        let margin = 4.0;
        let (bw, bh) = ((run.advance + 2.0 * margin).ceil() as usize + 1, (size * 1.6).ceil() as usize);
        let baseline = size;
        let mut buffer = vec![0f32; bw * bh];
        for (x, y, c) in run.coverage(margin, baseline) {
            if let (Ok(x), Ok(y)) = (usize::try_from(x), usize::try_from(y)) {
                if x < bw && y < bh {
                    let cell = &mut buffer[y * bw + x];
                    *cell = (*cell + c).min(1.0);
                }
            }
        }
        // The buffer's point that goes on the centre: the middle of the run, 0.35 em above the
        // baseline (the SVG's text-anchor="middle" and dy="0.35em").
        let (ox, oy) = (margin + run.advance / 2.0, baseline - 0.35 * size);
        let (cx, cy) = (f64::from(w.centre.0 * self.scale), f64::from(w.centre.1 * self.scale));
        let angle = f64::from(w.degrees).to_radians();
        let (sin, cos) = (angle.sin(), angle.cos());
        // Where buffer point (u, v), relative to (ox, oy), lands: turned anticlockwise on a page
        // whose y runs down.
        let corners = [(-ox, -oy), (bw as f64 - ox, -oy), (-ox, bh as f64 - oy), (bw as f64 - ox, bh as f64 - oy)];
        let placed: Vec<(f64, f64)> = corners.iter().map(|&(u, v)| (cx + u * cos + v * sin, cy - u * sin + v * cos)).collect();
        let (width, height) = self.inner.get_size();
        let left = (placed.iter().map(|p| p.0).fold(f64::INFINITY, f64::min).floor() as i64).max(0);
        let right = (placed.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max).ceil() as i64).min(i64::from(width));
        let top = (placed.iter().map(|p| p.1).fold(f64::INFINITY, f64::min).floor() as i64).max(0);
        let bottom = (placed.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max).ceil() as i64).min(i64::from(height));
        let sample = |u: f64, v: f64| -> f32 {
            let (x0, y0) = (u.floor(), v.floor());
            let (fx, fy) = ((u - x0) as f32, (v - y0) as f32);
            let at = |x: f64, y: f64| -> f32 {
                if x < 0.0 || y < 0.0 || x >= bw as f64 || y >= bh as f64 {
                    0.0
                } else {
                    buffer[y as usize * bw + x as usize]
                }
            };
            let top = at(x0, y0) * (1.0 - fx) + at(x0 + 1.0, y0) * fx;
            let bottom = at(x0, y0 + 1.0) * (1.0 - fx) + at(x0 + 1.0, y0 + 1.0) * fx;
            top * (1.0 - fy) + bottom * fy
        };
        let plotters::style::RGBColor(r, g, b) = w.color;
        for py in top..bottom {
            for px in left..right {
                let (x, y) = (px as f64 + 0.5 - cx, py as f64 + 0.5 - cy);
                // The inverse turn, back into the buffer.
                let (u, v) = (x * cos - y * sin + ox - 0.5, x * sin + y * cos + oy - 0.5);
                let c = sample(u, v);
                if c > 0.0 {
                    let (Ok(px), Ok(py)) = (i32::try_from(px), i32::try_from(py)) else { continue };
                    self.inner.draw_pixel((px, py), BackendColor { alpha: w.opacity * f64::from(c), rgb: (r, g, b) })?;
                }
            }
        }
        Ok(())
    }

    /// SVG's `stroke-dasharray="6 4"`: dashes and gaps scaled to device pixels.
    fn draw_dashed(&mut self, from: BackendCoord, to: BackendCoord, color: RGBColor, width: u32, (dash, gap): (u32, u32)) -> Result {
        let ((x0, y0), (x1, y1)) = (self.device(from), self.device(to));
        let (dx, dy) = (f64::from(x1 - x0), f64::from(y1 - y0));
        let length = dx.hypot(dy);
        if length == 0.0 {
            return Ok(());
        }
        let scale = u32::try_from(self.scale).unwrap_or(1);
        let (dash, gap) = (f64::from(dash.max(1) * scale), f64::from(gap * scale));
        let at = |t: f64| (x0 + (dx * t / length).round() as i32, y0 + (dy * t / length).round() as i32);
        let color = BackendColor { alpha: 1.0, rgb: (color.0, color.1, color.2) };
        let width = i32::try_from(width).unwrap_or(1).max(1) * self.scale;
        let mut t = 0.0;
        while t < length {
            self.stroke(at(t), at((t + dash).min(length)), color, width)?;
            t += dash + gap;
        }
        Ok(())
    }

    /// Each device pixel whose centre lies inside the polygon takes the white of the pattern's
    /// tile at that place, antialiased (the tile is 8 CSS pixels, `8 × scale` device pixels,
    /// aligned to the picture's origin as SVG's `patternUnits="userSpaceOnUse"` is).
    fn draw_hatch(&mut self, points: &[BackendCoord], pattern: usize) -> Result {
        if pattern == 0 || pattern >= super::palette::PATTERNS.len() || points.len() < 3 {
            return Ok(());
        }
        let tile = tile(pattern, self.scale);
        let side = TILE * self.scale;
        let vertices: Vec<(f64, f64)> = points.iter().map(|&p| self.device(p)).map(|(x, y)| (f64::from(x), f64::from(y))).collect();
        let top = vertices.iter().map(|v| v.1).fold(f64::INFINITY, f64::min).floor() as i32;
        let bottom = vertices.iter().map(|v| v.1).fold(f64::NEG_INFINITY, f64::max).ceil() as i32;
        for row in top.max(0)..bottom {
            for (from, to) in spans(&vertices, f64::from(row) + 0.5) {
                for column in from.max(0)..to {
                    let cover = tile[(row.rem_euclid(side) * side + column.rem_euclid(side)) as usize];
                    if cover > 0.0 {
                        self.inner.draw_pixel((column, row), BackendColor { alpha: cover, rgb: (0xFF, 0xFF, 0xFF) })?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Where the line at height `y` crosses the polygon's edges, left to right: inside (even-odd)
/// between the first and second, the third and fourth, and so on.
fn crossings(vertices: &[(f64, f64)], y: f64) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for (i, &(ax, ay)) in vertices.iter().enumerate() {
        let (bx, by) = vertices[(i + 1) % vertices.len()];
        if (ay <= y) != (by <= y) {
            out.push(ax + (y - ay) * (bx - ax) / (by - ay));
        }
    }
    out.sort_by(f64::total_cmp);
    out
}

/// The columns of a row whose pixel centres lie inside the polygon, as half-open ranges; the
/// row's centre line is at `y`.
fn spans(vertices: &[(f64, f64)], y: f64) -> Vec<(i32, i32)> {
    // Pixel x is inside when its centre x + 0.5 lies in [left, right).
    crossings(vertices, y).chunks_exact(2).map(|pair| ((pair[0] - 0.5).ceil() as i32, (pair[1] - 0.5).ceil() as i32)).collect()
}

/// How much of each device pixel of a pattern tile is white, row by row: 4 × 4 samples a pixel.
fn tile(pattern: usize, scale: i32) -> Vec<f64> {
    const SAMPLES: i32 = 4;
    let side = TILE * scale;
    let mut out = Vec::with_capacity((side * side) as usize);
    for row in 0..side {
        for column in 0..side {
            let mut hits = 0;
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    let u = (f64::from(column) + (f64::from(sx) + 0.5) / f64::from(SAMPLES)) / f64::from(scale);
                    let v = (f64::from(row) + (f64::from(sy) + 0.5) / f64::from(SAMPLES)) / f64::from(scale);
                    hits += i32::from(covers(pattern, u, v));
                }
            }
            out.push(f64::from(hits) / f64::from(SAMPLES * SAMPLES));
        }
    }
    out
}

/// Whether pattern `pattern` is white at (u, v) of its tile, in CSS pixels (0 ≤ u, v < 8): the
/// shapes of [`super::palette::PATTERNS`], whose lines run on across tiles.
fn covers(pattern: usize, u: f64, v: f64) -> bool {
    // Within `half` of a multiple of 8.
    let near = |d: f64, half: f64| {
        let d = d.rem_euclid(8.0);
        d.min(8.0 - d) <= half
    };
    let root2 = std::f64::consts::SQRT_2;
    match pattern {
        // Lines x + y = 8k, 2 px wide: within 1 px of the line is within √2 of u + v = 8k.
        1 => near(u + v, root2),
        // A dot of radius 1.8 at the tile's centre.
        2 => (u - 4.0).powi(2) + (v - 4.0).powi(2) <= 1.8 * 1.8,
        // Both diagonals, 1.5 px wide.
        3 => near(u - v, 0.75 * root2) || near(u + v, 0.75 * root2),
        // A horizontal line at y = 4, 2 px wide.
        4 => (v - 4.0).abs() <= 1.0,
        // A vertical line at x = 4, 2 px wide.
        5 => (u - 4.0).abs() <= 1.0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::palette::PATTERNS;

    fn share(pattern: usize, scale: i32) -> f64 {
        let tile = tile(pattern, scale);
        tile.iter().sum::<f64>() / tile.len() as f64
    }

    /// The raster patterns are the SVG ones: each shape's numbers appear in its `<pattern>` body,
    /// and each covers the share of the tile its geometry gives, at 1× and 2×.
    #[test]
    fn raster_patterns_are_the_svg_patterns() {
        assert!(PATTERNS[1].contains("M0,8 l8,-8") && PATTERNS[1].contains(r#"stroke-width="2""#));
        assert!(PATTERNS[2].contains(r#"cx="4" cy="4" r="1.8""#));
        assert!(PATTERNS[3].contains("M0,0 L8,8 M8,0 L0,8") && PATTERNS[3].contains(r#"stroke-width="1.5""#));
        assert!(PATTERNS[4].contains("M0,4 H8") && PATTERNS[4].contains(r#"stroke-width="2""#));
        assert!(PATTERNS[5].contains("M4,0 V8") && PATTERNS[5].contains(r#"stroke-width="2""#));
        let spacing = 8.0 / std::f64::consts::SQRT_2;
        let expected = [
            (1, 2.0 / spacing),
            (2, std::f64::consts::PI * 1.8 * 1.8 / 64.0),
            (3, 2.0 * 1.5 / spacing - (1.5f64 * 1.5 * 2.0) / 64.0),
            (4, 0.25),
            (5, 0.25),
        ];
        for (pattern, share_expected) in expected {
            for scale in [1, 2, 3] {
                let got = share(pattern, scale);
                assert!((got - share_expected).abs() < 0.03, "pattern {pattern} at {scale}×: {got:.3}, expected {share_expected:.3}");
            }
        }
        assert!(tile(0, 2).iter().all(|c| *c == 0.0));
    }

    #[test]
    fn spans_take_the_pixels_whose_centres_are_inside() {
        // A rectangle from x = 2 to x = 6 covers pixels 2, 3, 4 and 5, as SVG does.
        let rect = [(2.0, 0.0), (6.0, 0.0), (6.0, 4.0), (2.0, 4.0)];
        assert_eq!(spans(&rect, 1.5), vec![(2, 6)]);
        assert_eq!(spans(&rect, 4.5), vec![]);
        // A ring-like shape: two spans on a row through its hole.
        let u = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (7.0, 10.0), (7.0, 3.0), (3.0, 3.0), (3.0, 10.0), (0.0, 10.0)];
        assert_eq!(spans(&u, 5.5), vec![(0, 3), (7, 10)]);
    }
}
