//! What the renderer draws on: any plotters backend that can also draw the three marks plotters
//! has no element for — a dashed line, a pattern laid over a shape, and a draft's watermark. The
//! SVG adapter ([`crate::chart::svg::Svg`]) writes them as one element each; the bitmap adapter
//! (feature `png`) rasterizes them.

use plotters::element::{Drawable, PointCollection};
use plotters::style::RGBColor;
use plotters_backend::{BackendCoord, DrawingBackend, DrawingErrorKind};

/// A plotters backend with the renderer's three extra marks.
pub trait Canvas: DrawingBackend {
    /// A line of `dash.0`-pixel dashes with `dash.1`-pixel gaps, starting with a dash at `from`,
    /// `width` pixels wide.
    fn draw_dashed(&mut self, from: BackendCoord, to: BackendCoord, color: RGBColor, width: u32, dash: (u32, u32)) -> Result<(), DrawingErrorKind<Self::ErrorType>>;

    /// Lays pattern `pattern` of [`crate::chart::palette::PATTERNS`] (white marks on an 8-pixel
    /// tile, aligned to the picture's origin) over the polygon `points`. Pattern 0 and unknown
    /// patterns draw nothing.
    fn draw_hatch(&mut self, points: &[BackendCoord], pattern: usize) -> Result<(), DrawingErrorKind<Self::ErrorType>>;

    /// A draft's watermark: bold `text` of `size` CSS pixels centred on `centre`, turned
    /// `degrees` anticlockwise, in `color` at `opacity`, over whatever is drawn there.
    fn draw_watermark(&mut self, watermark: &Watermark) -> Result<(), DrawingErrorKind<Self::ErrorType>>;
}

/// A draft's watermark, as an element a drawing area places.
#[derive(Debug, Clone, PartialEq)]
pub struct Watermark {
    pub text: String,
    pub centre: BackendCoord,
    pub size: f64,
    pub degrees: i32,
    pub color: RGBColor,
    pub opacity: f64,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Watermark {
    type Point = &'a BackendCoord;
    type IntoIter = [&'a BackendCoord; 1];

    fn point_iter(self) -> Self::IntoIter {
        [&self.centre]
    }
}

impl<B: Canvas> Drawable<B> for Watermark {
    fn draw<I: Iterator<Item = BackendCoord>>(&self, mut points: I, backend: &mut B, _: (u32, u32)) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        match points.next() {
            Some(centre) => backend.draw_watermark(&Watermark { centre, ..self.clone() }),
            None => Ok(()),
        }
    }
}

/// A dashed line, as an element a drawing area places.
pub struct Dashed {
    pub from: BackendCoord,
    pub to: BackendCoord,
    pub color: RGBColor,
    pub width: u32,
    /// Dash and gap lengths in pixels: (6, 4) for a target line.
    pub dash: (u32, u32),
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Dashed {
    type Point = &'a BackendCoord;
    type IntoIter = [&'a BackendCoord; 2];

    fn point_iter(self) -> Self::IntoIter {
        [&self.from, &self.to]
    }
}

impl<B: Canvas> Drawable<B> for Dashed {
    fn draw<I: Iterator<Item = BackendCoord>>(&self, mut points: I, backend: &mut B, _: (u32, u32)) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        match (points.next(), points.next()) {
            (Some(from), Some(to)) => backend.draw_dashed(from, to, self.color, self.width, self.dash),
            _ => Ok(()),
        }
    }
}

/// A pattern laid over a filled shape: the shape's outline filled with pattern `pattern` of
/// [`crate::chart::palette::PATTERNS`].
pub struct Hatch {
    pub points: Vec<BackendCoord>,
    pub pattern: usize,
}

impl Hatch {
    /// A rectangle from one corner to the opposite one.
    pub fn rect((x0, y0): BackendCoord, (x1, y1): BackendCoord, pattern: usize) -> Hatch {
        Hatch { points: vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)], pattern }
    }
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Hatch {
    type Point = &'a BackendCoord;
    type IntoIter = std::slice::Iter<'a, BackendCoord>;

    fn point_iter(self) -> Self::IntoIter {
        self.points.iter()
    }
}

impl<B: Canvas> Drawable<B> for Hatch {
    fn draw<I: Iterator<Item = BackendCoord>>(&self, points: I, backend: &mut B, _: (u32, u32)) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let points: Vec<BackendCoord> = points.collect();
        backend.draw_hatch(&points, self.pattern)
    }
}
