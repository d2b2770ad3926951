//! Charts drawn as PNG for download: every chart in both languages decodes at twice the SVG's
//! size, is drawn (not blank), has its Chinese drawn as glyphs (not empty boxes) where the SVG
//! puts its text; care mode lays its patterns; fonts that cannot be used are clear errors.
//!
//! Needs Debian's fonts-noto-cjk (`make test` installs it); without its files the tests that
//! draw say so on stderr and stop.
#![cfg(feature = "png")]

mod common;

use std::io::Write as _;
use std::sync::OnceLock;

use plotters::style::RGBColor;
use xixia_stats::chart::{self, text, ChartData, FontError, Fonts, Lang, Mode, Options, Png};
use xixia_stats::{bundled, Release};

fn releases() -> &'static [Release] {
    static RELEASES: OnceLock<Vec<Release>> = OnceLock::new();
    RELEASES.get_or_init(|| bundled::all().unwrap_or_else(|err| panic!("{err}")))
}

/// Noto Sans CJK from fonts-noto-cjk, loaded once; `None`, said on stderr, when it is not
/// installed.
fn fonts(test: &str) -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        let installed = [Fonts::NOTO_REGULAR, Fonts::NOTO_BOLD].iter().all(|p| std::path::Path::new(p).exists());
        installed.then(|| Fonts::noto().unwrap_or_else(|err| panic!("{err}")))
    });
    if fonts.is_none() {
        // Straight to stderr: the test harness does not capture it, so the skip is seen.
        let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {} is not installed (apt install fonts-noto-cjk)", Fonts::NOTO_REGULAR);
    }
    fonts.as_ref()
}

fn data(id: &str, lang: Lang) -> ChartData {
    let info = common::info(id).unwrap();
    let home = releases().iter().find(|r| r.id == info.release).unwrap();
    chart::build_in(id, home, releases(), lang).unwrap_or_else(|err| panic!("{id}: {err}"))
}

/// A decoded PNG's RGB pixels.
struct Picture {
    width: usize,
    height: usize,
    rgb: Vec<u8>,
}

impl Picture {
    fn decode(png: &Png) -> Picture {
        let decoder = png::Decoder::new(std::io::Cursor::new(&png.bytes));
        let mut reader = decoder.read_info().unwrap_or_else(|err| panic!("not a PNG: {err}"));
        let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut rgb).unwrap_or_else(|err| panic!("not a PNG: {err}"));
        assert_eq!((frame.color_type, frame.bit_depth), (png::ColorType::Rgb, png::BitDepth::Eight));
        rgb.truncate(frame.buffer_size());
        Picture { width: frame.width as usize, height: frame.height as usize, rgb }
    }

    fn pixel(&self, x: usize, y: usize) -> [u8; 3] {
        let i = (y * self.width + x) * 3;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }

    /// The pixels of a box, clipped to the picture.
    fn pixels(&self, (x0, y0): (usize, usize), (x1, y1): (usize, usize)) -> impl Iterator<Item = (usize, usize, [u8; 3])> + '_ {
        let (x1, y1) = (x1.min(self.width), y1.min(self.height));
        (y0..y1).flat_map(move |y| (x0..x1).map(move |x| (x, y, self.pixel(x, y))))
    }
}

fn dark([r, g, b]: [u8; 3]) -> bool {
    u32::from(r) + u32::from(g) + u32::from(b) < 3 * 128
}

fn near([r, g, b]: [u8; 3], c: RGBColor) -> bool {
    r.abs_diff(c.0) <= 12 && g.abs_diff(c.1) <= 12 && b.abs_diff(c.2) <= 12
}

/// The SVG's first `<text>`, the title's first line: its string, x, y (its top: drawn with a
/// top anchor) and size.
fn title(svg: &str) -> (String, f64, f64, f64) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let node = doc.descendants().find(|n| n.has_tag_name("text")).unwrap();
    assert_eq!(node.attribute("dy"), Some("0.76em"), "the title hangs from its y");
    let number = |name: &str| node.attribute(name).and_then(|v| v.parse::<f64>().ok()).unwrap();
    (node.text().unwrap().to_owned(), number("x"), number("y"), number("font-size"))
}

#[test]
fn every_chart_in_both_languages_draws_at_twice_the_svg_size_with_its_text() {
    let Some(fonts) = fonts("every_chart_in_both_languages_draws_at_twice_the_svg_size_with_its_text") else { return };
    for info in common::catalogue() {
        for lang in [Lang::Zh, Lang::En] {
            let at = format!("{} ({lang:?})", info.id);
            let data = data(info.id, lang);
            let svg = chart::render_with(&data, 640, &Options::default()).unwrap();
            let png = chart::render_png(&data, 640, &Options::default(), fonts, 2).unwrap_or_else(|err| panic!("{at}: {err}"));
            let picture = Picture::decode(&png);
            assert_eq!((picture.width, picture.height), (1280, 2 * svg.height as usize), "{at}");
            assert_eq!((png.width, png.height), (1280, 2 * svg.height), "{at}");

            // Drawn: text, bars and their antialiased edges give many colours and much ink.
            let mut seen = vec![0u64; 1 << 18];
            let (mut colours, mut painted) = (0, 0);
            for pixel in picture.rgb.chunks_exact(3) {
                let key = usize::from(pixel[0]) << 16 | usize::from(pixel[1]) << 8 | usize::from(pixel[2]);
                if seen[key >> 6] & (1 << (key & 63)) == 0 {
                    seen[key >> 6] |= 1 << (key & 63);
                    colours += 1;
                }
                painted += usize::from(pixel != [0xFF; 3]);
            }
            let painted = painted as f64 / (picture.width * picture.height) as f64;
            assert!(colours >= 64, "{at}: {colours} colours");
            assert!(painted >= 0.06, "{at}: {:.1} % painted", painted * 100.0);

            // The title is drawn where the SVG draws it: its ink starts at its x, lies in the
            // box the layout gave it, and fills that box as glyphs do. A font without Chinese
            // draws hollow boxes, about half as much ink (0.19 against 0.36 measured).
            let (line, x, y, size) = title(&svg.svg);
            let estimate = text::width(&line, size);
            let band = ((2.0 * x) as usize, (2.0 * (y - 0.3 * size)) as usize);
            let band_end = ((2.0 * (x + estimate + size)) as usize, (2.0 * (y + 1.25 * size)) as usize);
            let ink: Vec<(usize, usize)> = picture.pixels((0, band.1), (picture.width, band_end.1)).filter(|p| dark(p.2)).map(|p| (p.0, p.1)).collect();
            let (left, right) = (ink.iter().map(|p| p.0).min().unwrap(), ink.iter().map(|p| p.0).max().unwrap());
            let (top, bottom) = (ink.iter().map(|p| p.1).min().unwrap(), ink.iter().map(|p| p.1).max().unwrap());
            assert!(left.abs_diff((2.0 * x) as usize) <= 6, "{at}: the title's ink starts at {left}, drawn at {}", 2.0 * x);
            // Chinese titles are one em a character, as the layout estimates; bold English runs a
            // little wider than its estimate (up to 3.6 % measured).
            let ratio = (right as f64 / 2.0 - x) / estimate;
            let fits = if lang == Lang::Zh { 0.98..=1.02 } else { 0.85..=1.06 };
            assert!(fits.contains(&ratio), "{at}: the title's ink ends at {right}, {ratio:.3} × its estimated width");
            // The SVG puts the baseline 0.76 em below y, and CJK glyphs rise 0.88 em above it.
            assert!(top as f64 >= 2.0 * (y - 0.15 * size) && bottom as f64 <= 2.0 * (y + size), "{at}: the title's ink runs from {top} to {bottom}, its line from {} to {}", 2.0 * y, 2.0 * (y + size));
            let in_box = ((2.0 * x) as usize, (2.0 * y) as usize);
            let box_end = ((2.0 * (x + estimate)) as usize, (2.0 * (y + size)) as usize);
            let area = (box_end.0 - in_box.0) * (box_end.1 - in_box.1);
            let share = picture.pixels(in_box, box_end).filter(|p| dark(p.2)).count() as f64 / area as f64;
            let least = if lang == Lang::Zh { 0.27 } else { 0.15 };
            assert!(share >= least, "{at}: ink covers {:.0} % of the title \"{line}\", at least {:.0} % expected", share * 100.0, least * 100.0);
        }
    }
}

#[test]
fn care_mode_lays_white_patterns_over_the_second_series() {
    let Some(fonts) = fonts("care_mode_lays_white_patterns_over_the_second_series") else { return };
    let data = data("indicators-vs-region", Lang::Zh);
    let mut drawn = Vec::new();
    for mode in [Mode::Standard, Mode::Care] {
        let options = Options { mode, ids: "t".into() };
        let marks = chart::render_with(&data, 640, &options).unwrap().marks;
        let png = chart::render_png(&data, 640, &options, fonts, 2).unwrap();
        let picture = Picture::decode(&png);
        let colour = mode.palette().series(1);
        let mut bars = 0;
        for mark in marks.iter().filter(|m| m.series_index == Some(1) && m.width >= 20) {
            // The bar's inside, a CSS pixel in from its edges, in device pixels.
            let from = (2 * (mark.x + 1) as usize, 2 * (mark.y + 1) as usize);
            let to = (2 * (mark.x + mark.width - 1) as usize, 2 * (mark.y + mark.height - 1) as usize);
            let pixels: Vec<[u8; 3]> = picture.pixels(from, to).map(|p| p.2).collect();
            let white = pixels.iter().filter(|p| p.iter().all(|c| *c >= 0xE6)).count() as f64 / pixels.len() as f64;
            let plain = pixels.iter().filter(|p| near(**p, colour)).count() as f64 / pixels.len() as f64;
            let at = format!("{mode:?}, {} of {}", mark.series, mark.category);
            if mode == Mode::Care {
                // Diagonal lines 2 px wide every 5.7 px: about a third of the bar.
                assert!((0.2..0.5).contains(&white), "{at}: {:.0} % white", white * 100.0);
                assert!(plain >= 0.3, "{at}: {:.0} % in the series colour", plain * 100.0);
            } else {
                assert!(white < 0.01 && plain > 0.95, "{at}: {:.0} % white, {:.0} % plain", white * 100.0, plain * 100.0);
            }
            bars += 1;
        }
        assert!(bars >= 3, "{mode:?}: {bars} bars of the second series measured");
        drawn.push(png);
    }
    assert_ne!(drawn[0].bytes, drawn[1].bytes);
    assert!(drawn[1].height > drawn[0].height, "care mode's larger text makes a taller chart");
}

#[test]
fn the_scale_multiplies_every_pixel_and_stays_within_bounds() {
    let Some(fonts) = fonts("the_scale_multiplies_every_pixel_and_stays_within_bounds") else { return };
    let data = data("gdp-structure", Lang::Zh);
    let svg = chart::render_with(&data, 480, &Options::default()).unwrap();
    for scale in 1..=3 {
        let png = chart::render_png(&data, 480, &Options::default(), fonts, scale).unwrap();
        let picture = Picture::decode(&png);
        assert_eq!((picture.width, picture.height), (480 * scale as usize, (svg.height * scale) as usize));
    }
    for scale in [0, chart::MAX_SCALE + 1] {
        let err = chart::render_png(&data, 480, &Options::default(), fonts, scale).unwrap_err();
        assert!(err.to_string().contains(&scale.to_string()), "{err}");
    }
}

#[test]
fn a_regular_face_alone_draws_bold_text_emboldened() {
    if fonts("a_regular_face_alone_draws_bold_text_emboldened").is_none() {
        return;
    }
    let regular = Fonts::load(Fonts::NOTO_REGULAR).unwrap();
    let data = data("gdp-by-industry", Lang::Zh);
    let svg = chart::render_with(&data, 640, &Options::default()).unwrap().svg;
    let picture = Picture::decode(&chart::render_png(&data, 640, &Options::default(), &regular, 2).unwrap());
    // The bold title, drawn from the regular face twice a pixel apart, is still ink-dark.
    let (line, x, y, size) = title(&svg);
    let from = ((2.0 * x) as usize, (2.0 * y) as usize);
    let to = ((2.0 * (x + text::width(&line, size))) as usize, (2.0 * (y + size)) as usize);
    let share = picture.pixels(from, to).filter(|p| dark(p.2)).count() as f64 / ((to.0 - from.0) * (to.1 - from.1)) as f64;
    assert!(share >= 0.27, "{:.0} % ink", share * 100.0);
}

#[test]
fn the_png_records_its_density_title_and_description() {
    let Some(fonts) = fonts("the_png_records_its_density_title_and_description") else { return };
    let data = data("gdp-by-industry", Lang::Zh);
    let png = chart::render_png(&data, 800, &Options::default(), fonts, 2).unwrap();
    let reader = png::Decoder::new(std::io::Cursor::new(&png.bytes)).read_info().unwrap();
    let info = reader.info();
    assert_eq!(info.width, 1600);
    // 192 dpi: an 800-px chart is as wide on paper as on a 96-dpi screen.
    let dims = info.pixel_dims.unwrap();
    assert_eq!((dims.xppu, dims.yppu, dims.unit), (7559, 7559, png::Unit::Meter));
    let text = |key: &str| info.utf8_text.iter().find(|t| t.keyword == key).map(|t| t.get_text().unwrap());
    assert_eq!(text("Title").as_deref(), Some(data.title.as_str()));
    assert_eq!(text("Description").as_deref(), Some(data.description.as_str()));
    assert!(text("Comment").unwrap().contains("西夏区统计局"));
}

#[test]
fn fonts_that_cannot_draw_chinese_are_clear_errors() {
    let missing = "/nonexistent/fonts/NotoSansCJK-Regular.ttc";
    let err = Fonts::load(missing).unwrap_err();
    assert_eq!(err, FontError::Missing { path: missing.into() });
    let message = err.to_string();
    assert!(message.contains(missing) && message.contains("apt install fonts-noto-cjk") && message.contains("--font"), "{message}");

    // A folder is no font file.
    let err = Fonts::load(env!("CARGO_MANIFEST_DIR")).unwrap_err();
    assert!(matches!(err, FontError::Unreadable { .. } | FontError::NotAFont { .. }), "{err:?}");
    assert!(err.to_string().contains(env!("CARGO_MANIFEST_DIR")), "{err}");

    // This crate's manifest is no font either.
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    assert_eq!(Fonts::load(manifest).unwrap_err(), FontError::NotAFont { path: manifest.into() });

    // A Latin font would draw empty boxes for every Chinese character.
    let latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    if std::path::Path::new(latin).exists() {
        let err = Fonts::load(latin).unwrap_err();
        assert!(matches!(&err, FontError::NoChinese { missing: '地', .. }), "{err:?}");
        let message = err.to_string();
        assert!(message.contains(latin) && message.contains("DejaVu Sans") && message.contains("空框"), "{message}");
    } else {
        let _ = writeln!(std::io::stderr(), "SKIPPED the Latin-font case: {latin} is not installed");
    }
}

#[test]
fn collections_draw_with_their_simplified_chinese_face() {
    let Some(fonts) = fonts("collections_draw_with_their_simplified_chinese_face") else { return };
    // NotoSansCJK-*.ttc hold ten faces, the Japanese one first; the Simplified Chinese one
    // (the third) draws characters such as 骨 and 直 in their mainland forms.
    let described = format!("{fonts:?}");
    assert_eq!(described, r#"Fonts { regular: "Noto Sans CJK SC", bold: Some("Noto Sans CJK SC") }"#);
}
