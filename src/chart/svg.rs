//! The SVG adapter our charts draw through: a plotters `DrawingBackend` that writes compact SVG.
//!
//! plotters' own SVG backend formats every font size and opacity as a float (pulling float
//! formatting into the wasm module) and repeats the font stack on every label. This one writes
//! integers, sets the font once on the root, escapes all text, and leaves room for the
//! accessibility attributes a government page needs.

use std::fmt::Write as _;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};

use super::render::Canvas;
pub use super::render::{Dashed, Hatch, Watermark};

/// Writing to a `String` cannot fail; the type exists because the trait asks for one.
#[derive(Debug, Clone, Copy)]
pub struct SvgError;

impl std::fmt::Display for SvgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SVG output failed")
    }
}

impl std::error::Error for SvgError {}

/// Draws into `out`. The text sizes given to it are CSS pixels.
pub struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
    /// The prefix of this picture's pattern ids; empty when it has none.
    patterns: String,
}

impl<'a> Svg<'a> {
    pub fn new(out: &'a mut String, (width, height): (u32, u32), font: &str) -> Svg<'a> {
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{}">"#,
            escape(font)
        );
        Svg { out, size: (width, height), closed: false, patterns: String::new() }
    }

    /// Defines the fill patterns ([`super::palette::PATTERNS`]) under ids starting with `prefix`,
    /// which must be unique on the page: SVGs inlined in one HTML document share one id space.
    pub fn with_patterns(mut self, prefix: &str) -> Self {
        let prefix: String = prefix.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect();
        let prefix = if prefix.is_empty() { "xs".to_owned() } else { prefix };
        self.out.push_str("<defs>");
        for (i, body) in super::palette::PATTERNS.iter().enumerate().skip(1) {
            let _ = write!(self.out, r#"<pattern id="{prefix}-p{i}" width="8" height="8" patternUnits="userSpaceOnUse">{body}</pattern>"#);
        }
        self.out.push_str("</defs>");
        self.patterns = prefix;
        self
    }

    /// Writes "x,y x,y …".
    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        for (i, (x, y)) in points.into_iter().enumerate() {
            let _ = write!(self.out, "{}{x},{y}", if i == 0 { "" } else { " " });
        }
    }

    /// Closes a shape filled with `color`, or outlined in it.
    fn finish_shape(&mut self, color: BackendColor, fill: bool) {
        if fill {
            self.paint("fill", color);
        } else {
            self.out.push_str(r#" fill="none""#);
            self.paint("stroke", color);
        }
        self.out.push_str("/>");
    }

    fn paint(&mut self, attribute: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        let _ = write!(self.out, r##" {attribute}="#{r:02X}{g:02X}{b:02X}""##);
        if color.alpha < 1.0 {
            let _ = write!(self.out, r#" {attribute}-opacity="{}""#, hundredths(color.alpha));
        }
    }
}

/// The two marks plotters has no element for, drawn by SVG itself: a dash array (one element,
/// where plotters' dashed path would write one per dash) and a `<pattern>` fill.
impl Canvas for Svg<'_> {
    fn draw_dashed(&mut self, (x0, y0): BackendCoord, (x1, y1): BackendCoord, color: plotters::style::RGBColor, width: u32, (dash, gap): (u32, u32)) -> Result {
        let plotters::style::RGBColor(r, g, b) = color;
        let _ = write!(
            self.out,
            r##"<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" stroke="#{r:02X}{g:02X}{b:02X}" stroke-width="{width}" stroke-dasharray="{dash} {gap}"/>"##
        );
        Ok(())
    }

    /// Nothing is drawn when the picture has no patterns ([`Svg::with_patterns`]).
    fn draw_hatch(&mut self, points: &[BackendCoord], pattern: usize) -> Result {
        if self.patterns.is_empty() || pattern == 0 || pattern >= super::palette::PATTERNS.len() {
            return Ok(());
        }
        self.out.push_str(r#"<polygon points=""#);
        self.points(points.iter().copied());
        let _ = write!(self.out, r#"" fill="url(#{}-p{pattern})"/>"#, self.patterns);
        Ok(())
    }

    /// One `<text>` turned about its centre, hidden from screen readers (the status line says
    /// the same in words) and from the pointer, so tooltips work through it.
    fn draw_watermark(&mut self, w: &Watermark) -> Result {
        let ((x, y), plotters::style::RGBColor(r, g, b)) = (w.centre, w.color);
        let _ = write!(
            self.out,
            r##"<text class="xs-watermark" x="{x}" y="{y}" dy="0.35em" text-anchor="middle" font-size="{}" font-weight="bold" fill="#{r:02X}{g:02X}{b:02X}" fill-opacity="{}" transform="rotate({} {x} {y})" aria-hidden="true" pointer-events="none">{}</text>"##,
            hundredths(w.size),
            hundredths(w.opacity),
            -w.degrees,
            escape(&w.text)
        );
        Ok(())
    }
}

impl Drop for Svg<'_> {
    fn drop(&mut self) {
        if !self.closed {
            self.out.push_str("</svg>");
        }
    }
}

/// `0.5` → "0.5": two decimals at most, printed from integers.
fn hundredths(value: f64) -> String {
    let h = (value * 100.0).round() as i64;
    let text = format!("{}.{:02}", h / 100, (h % 100).abs());
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Text escaped for SVG (and HTML) content and attribute values: markup characters escaped, and
/// the control characters XML 1.0 forbids dropped, so hostile text never breaks the document.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            // Not characters XML 1.0 allows: the C0 and C1 controls, U+FFFE and U+FFFF.
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

type Result<T = ()> = std::result::Result<T, DrawingErrorKind<SvgError>>;

impl DrawingBackend for Svg<'_> {
    type ErrorType = SvgError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        if !self.closed {
            self.out.push_str("</svg>");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result {
        if color.alpha > 0.0 {
            let _ = write!(self.out, r#"<rect x="{x}" y="{y}" width="1" height="1""#);
            self.paint("fill", color);
            self.out.push_str("/>");
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, (x0, y0): BackendCoord, (x1, y1): BackendCoord, style: &S, fill: bool) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (x, y, w, h) = (x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs());
        let _ = write!(self.out, r#"<rect x="{x}" y="{y}" width="{w}" height="{h}""#);
        self.finish_shape(color, fill);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str(r#"<polyline fill="none""#);
        self.paint("stroke", color);
        let _ = write!(self.out, r#" stroke-width="{}" points=""#, style.stroke_width());
        self.points(path);
        self.out.push_str(r#""/>"#);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, (x, y): BackendCoord, radius: u32, style: &S, fill: bool) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(self.out, r#"<circle cx="{x}" cy="{y}" r="{radius}""#);
        self.finish_shape(color, fill);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vertices: I, style: &S) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str(r#"<polygon points=""#);
        self.points(vertices);
        self.out.push('"');
        self.paint("fill", color);
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, (x, y): BackendCoord) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let _ = write!(self.out, r#"<text x="{x}" y="{y}""#);
        match anchor.v_pos {
            VPos::Top => self.out.push_str(r#" dy="0.76em""#),
            VPos::Center => self.out.push_str(r#" dy="0.35em""#),
            VPos::Bottom => self.out.push_str(r#" dy="-0.24em""#),
        }
        match anchor.h_pos {
            HPos::Left => {}
            HPos::Center => self.out.push_str(r#" text-anchor="middle""#),
            HPos::Right => self.out.push_str(r#" text-anchor="end""#),
        }
        let _ = write!(self.out, r#" font-size="{}""#, hundredths(style.size()));
        if matches!(style.style(), FontStyle::Bold) {
            self.out.push_str(r#" font-weight="bold""#);
        }
        self.paint("fill", color);
        let _ = write!(self.out, ">{}</text>", escape(text));
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32)> {
        // Never measure through the browser (plotters' web font code would touch the DOM): use the
        // crate's own estimate, identical natively and in wasm.
        let size = style.size();
        Ok((super::text::width(text, size).ceil() as u32, (size * 1.2).ceil() as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    #[test]
    fn text_is_escaped_and_sizes_are_clean() {
        let mut out = String::new();
        {
            let root = Svg::new(&mut out, (100, 50), "Noto Sans CJK SC, sans-serif").into_drawing_area();
            let font = FontDesc::new(FontFamily::SansSerif, 13.0, FontStyle::Bold).color(&BLACK);
            root.draw(&Text::new("<script>alert('x')</script> & </svg>", (5, 5), font)).unwrap();
            root.draw(&Rectangle::new([(1, 2), (11, 22)], RGBColor(0x1F, 0x5F, 0xA8).filled())).unwrap();
            root.present().unwrap();
        }
        assert!(out.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50""#));
        assert!(out.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;/svg&gt;"), "{out}");
        assert_eq!(escape("a\u{1}b\u{7f}c\td\u{c}e\u{fffe}\u{ffff}"), "abc\tde", "characters XML forbids are dropped");
        assert!(out.contains(r#"font-size="13" font-weight="bold""#), "{out}");
        assert!(out.contains(r##"<rect x="1" y="2" width="10" height="20" fill="#1F5FA8"/>"##), "{out}");
        assert!(out.ends_with("</svg>"));
        assert_eq!(out.matches("</svg>").count(), 1);
    }

    #[test]
    fn hundredths_print_from_integers() {
        assert_eq!(hundredths(13.000000000000002), "13");
        assert_eq!(hundredths(0.5), "0.5");
        assert_eq!(hundredths(16.125), "16.13");
    }
}
