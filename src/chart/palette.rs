//! Colours. Series colours follow Okabe and Ito's colour-blind-safe set, darkened so each has at
//! least 4.5:1 contrast with white (white labels on bars pass WCAG AA) and 3:1 against the page
//! for the marks themselves. Text is near-black on white.

use plotters::style::RGBColor;

/// Series colours, in order: blue, vermillion, bluish green, reddish purple, sky, yellow-brown.
pub const SERIES: [RGBColor; 6] = [
    RGBColor(0x1F, 0x5F, 0xA8),
    RGBColor(0xB3, 0x53, 0x00),
    RGBColor(0x00, 0x78, 0x5A),
    RGBColor(0x9E, 0x4A, 0x7C),
    RGBColor(0x00, 0x6B, 0x9E),
    RGBColor(0x7A, 0x62, 0x00),
];

/// Bars for a fall: a red that stays distinct from the blue for every common colour vision.
pub const NEGATIVE: RGBColor = RGBColor(0xB3, 0x26, 0x1E);
/// A highlighted bar (the district itself, the total).
pub const HIGHLIGHT: RGBColor = RGBColor(0x0B, 0x3D, 0x75);
pub const TEXT: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
pub const MUTED_TEXT: RGBColor = RGBColor(0x4D, 0x4D, 0x4D);
pub const AXIS: RGBColor = RGBColor(0x59, 0x59, 0x59);
pub const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
pub const TARGET: RGBColor = RGBColor(0x11, 0x11, 0x11);
pub const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

pub fn series(i: usize) -> RGBColor {
    SERIES[i % SERIES.len()]
}

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

    #[test]
    fn every_colour_meets_wcag_aa() {
        for colour in SERIES.iter().chain([NEGATIVE, HIGHLIGHT, TARGET].iter()) {
            assert!(contrast(*colour, BACKGROUND) >= 4.5, "{} on white: {:.2}", hex(*colour), contrast(*colour, BACKGROUND));
        }
        assert!(contrast(TEXT, BACKGROUND) >= 7.0);
        assert!(contrast(MUTED_TEXT, BACKGROUND) >= 4.5);
        assert!(contrast(AXIS, BACKGROUND) >= 4.5);
    }
}
