//! Colours and fills, one palette per way of reading.
//!
//! - [`STANDARD`]: Okabe and Ito's colour-blind-safe set, darkened so each colour has at least
//!   4.5:1 contrast with white (white labels on bars pass WCAG AA).
//! - [`HIGH_CONTRAST`] (适老化 / care mode, and `prefers-contrast: more`): black text and every
//!   series colour at 7:1 or more (WCAG AAA), with pattern fills so series differ without colour.
//! - [`PRINT`]: greys for a black-and-white printer, with the same patterns.

use plotters::style::RGBColor;

/// The colours a chart is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Series colours, in order.
    pub series: [RGBColor; 6],
    /// Bars for a fall: a red that stays distinct from the blue for every common colour vision.
    pub negative: RGBColor,
    /// A highlighted bar (the total).
    pub highlight: RGBColor,
    pub text: RGBColor,
    pub muted_text: RGBColor,
    pub axis: RGBColor,
    pub grid: RGBColor,
    pub target: RGBColor,
    pub background: RGBColor,
    /// A draft's watermark: a colour laid over the chart at an opacity (in percent) low enough that every
    /// label stays legible through it.
    pub watermark: (RGBColor, u8),
    /// Whether series after the first are overlaid with patterns (see [`pattern`]).
    pub patterns: bool,
}

/// Blue, vermillion, bluish green, reddish purple, sky, yellow-brown.
pub const STANDARD: Palette = Palette {
    series: [
        RGBColor(0x1F, 0x5F, 0xA8),
        RGBColor(0xB3, 0x53, 0x00),
        RGBColor(0x00, 0x78, 0x5A),
        RGBColor(0x9E, 0x4A, 0x7C),
        RGBColor(0x00, 0x6B, 0x9E),
        RGBColor(0x7A, 0x62, 0x00),
    ],
    negative: RGBColor(0xB3, 0x26, 0x1E),
    highlight: RGBColor(0x0B, 0x3D, 0x75),
    text: RGBColor(0x1A, 0x1A, 0x1A),
    muted_text: RGBColor(0x4D, 0x4D, 0x4D),
    axis: RGBColor(0x59, 0x59, 0x59),
    grid: RGBColor(0xDD, 0xDD, 0xDD),
    target: RGBColor(0x11, 0x11, 0x11),
    background: RGBColor(0xFF, 0xFF, 0xFF),
    watermark: (RGBColor(0x80, 0x80, 0x80), 16),
    patterns: false,
};

/// The same hues, darker: 7:1 or more against white, so white labels on them pass AAA.
pub const HIGH_CONTRAST: Palette = Palette {
    series: [
        RGBColor(0x0A, 0x3D, 0x7A),
        RGBColor(0x8A, 0x33, 0x00),
        RGBColor(0x00, 0x55, 0x40),
        RGBColor(0x6E, 0x27, 0x55),
        RGBColor(0x00, 0x4A, 0x70),
        RGBColor(0x55, 0x44, 0x00),
    ],
    negative: RGBColor(0x8C, 0x14, 0x0E),
    highlight: RGBColor(0x00, 0x00, 0x00),
    text: RGBColor(0x00, 0x00, 0x00),
    muted_text: RGBColor(0x26, 0x26, 0x26),
    axis: RGBColor(0x00, 0x00, 0x00),
    grid: RGBColor(0x8C, 0x8C, 0x8C),
    target: RGBColor(0x00, 0x00, 0x00),
    background: RGBColor(0xFF, 0xFF, 0xFF),
    watermark: (RGBColor(0x60, 0x60, 0x60), 18),
    patterns: true,
};

/// Greys that a black-and-white printer keeps apart, told apart further by the patterns.
pub const PRINT: Palette = Palette {
    series: [
        RGBColor(0x1A, 0x1A, 0x1A),
        RGBColor(0x59, 0x59, 0x59),
        RGBColor(0x40, 0x40, 0x40),
        RGBColor(0x6B, 0x6B, 0x6B),
        RGBColor(0x2E, 0x2E, 0x2E),
        RGBColor(0x4D, 0x4D, 0x4D),
    ],
    negative: RGBColor(0x59, 0x59, 0x59),
    highlight: RGBColor(0x00, 0x00, 0x00),
    text: RGBColor(0x00, 0x00, 0x00),
    muted_text: RGBColor(0x33, 0x33, 0x33),
    axis: RGBColor(0x00, 0x00, 0x00),
    grid: RGBColor(0xA6, 0xA6, 0xA6),
    target: RGBColor(0x00, 0x00, 0x00),
    background: RGBColor(0xFF, 0xFF, 0xFF),
    watermark: (RGBColor(0x80, 0x80, 0x80), 20),
    patterns: true,
};

impl Palette {
    pub fn series(&self, i: usize) -> RGBColor {
        self.series[i % self.series.len()]
    }
}

/// The pattern laid over series `i`'s colour where patterns are on: none for the first series,
/// then diagonal lines, dots, cross-hatching, horizontal and vertical lines.
pub fn pattern(i: usize) -> Option<usize> {
    match i % 6 {
        0 => None,
        n => Some(n),
    }
}

/// The `<pattern>` bodies, drawn in white over the series colour, each 8 px square.
pub const PATTERNS: [&str; 6] = [
    "",
    r##"<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#FFF" stroke-width="2"/>"##,
    r##"<circle cx="4" cy="4" r="1.8" fill="#FFF"/>"##,
    r##"<path d="M0,0 L8,8 M8,0 L0,8" stroke="#FFF" stroke-width="1.5"/>"##,
    r##"<path d="M0,4 H8" stroke="#FFF" stroke-width="2"/>"##,
    r##"<path d="M4,0 V8" stroke="#FFF" stroke-width="2"/>"##,
];

/// WCAG contrast ratio of two colours.
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(palette: &Palette, marks: f64, text: f64) {
        for colour in palette.series.iter().chain([palette.negative, palette.highlight, palette.target].iter()) {
            let ratio = contrast(*colour, palette.background);
            assert!(ratio >= marks, "{} on white: {ratio:.2} < {marks}", hex(*colour));
        }
        assert!(contrast(palette.text, palette.background) >= 7.0);
        assert!(contrast(palette.muted_text, palette.background) >= text);
        assert!(contrast(palette.axis, palette.background) >= text);
    }

    #[test]
    fn standard_colours_meet_wcag_aa() {
        check(&STANDARD, 4.5, 4.5);
    }

    #[test]
    fn high_contrast_colours_meet_wcag_aaa() {
        check(&HIGH_CONTRAST, 7.0, 7.0);
        // Gridlines are non-text graphics: 3:1.
        assert!(contrast(HIGH_CONTRAST.grid, HIGH_CONTRAST.background) >= 3.0);
    }

    #[test]
    fn print_greys_carry_white_labels() {
        check(&PRINT, 4.5, 7.0);
    }

    #[test]
    fn every_series_after_the_first_has_its_own_pattern() {
        let patterns: Vec<usize> = (1..6).filter_map(pattern).collect();
        assert_eq!(patterns, vec![1, 2, 3, 4, 5]);
        assert!(pattern(0).is_none());
        assert!(PATTERNS[1..].iter().all(|p| !p.is_empty()));
    }
}
