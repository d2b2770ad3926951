//! Charts as PNG for download: the same layout as the SVG, drawn natively through plotters'
//! bitmap backend ([`super::bitmap`]) at a whole number of device pixels per CSS pixel, with a
//! CJK font read from disk at run time. Native only (feature `png`).

use std::fmt;
use std::path::{Path, PathBuf};

use ab_glyph::{Font, FontVec};

use super::bitmap::Bitmap;
use super::data::{ChartData, ChartError};
use super::render::{Options, Placed};
use plotters::prelude::IntoDrawingArea;

/// The most device pixels per CSS pixel [`render_png`] draws at.
pub const MAX_SCALE: u32 = 4;

/// Characters a face must have to draw our charts' Chinese (a face without them draws empty
/// boxes): the district's name and the commonest words and punctuation of the titles.
const CHINESE_SAMPLE: &str = "地区生产总值增长（%）：";

/// A chart drawn as PNG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Png {
    /// The PNG file.
    pub bytes: Vec<u8>,
    /// In device pixels: the CSS width × the scale.
    pub width: u32,
    pub height: u32,
}

/// The faces text is drawn with: a regular one, and a bold one where there is one.
pub struct Fonts {
    regular: Face,
    bold: Option<Face>,
}

/// One face of a font file.
struct Face {
    font: FontVec,
    /// Its family name, for messages.
    name: String,
}

impl Fonts {
    /// Debian's fonts-noto-cjk, regular.
    pub const NOTO_REGULAR: &'static str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    /// Debian's fonts-noto-cjk, bold.
    pub const NOTO_BOLD: &'static str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";

    /// Noto Sans CJK SC, regular and bold, from Debian's fonts-noto-cjk.
    ///
    /// ```
    /// use xixia_stats::chart::{FontError, Fonts};
    /// match Fonts::noto() {
    ///     Ok(fonts) => assert_eq!(format!("{fonts:?}"), r#"Fonts { regular: "Noto Sans CJK SC", bold: Some("Noto Sans CJK SC") }"#),
    ///     Err(err) => assert!(matches!(err, FontError::Missing { .. }), "{err}"),
    /// }
    /// ```
    pub fn noto() -> Result<Fonts, FontError> {
        Fonts::load(Fonts::NOTO_REGULAR)?.with_bold(Fonts::NOTO_BOLD)
    }

    /// The font at `path` (OpenType, TrueType, or a `.ttc` collection, whose Simplified Chinese
    /// face is picked). Bold text is drawn with it too, emboldened, unless [`Fonts::with_bold`]
    /// adds a bold face. Fails with a message naming the path when the file is missing,
    /// unreadable, not a font, or has no Chinese glyphs.
    ///
    /// ```
    /// let err = xixia_stats::chart::Fonts::load("/no/such/font.ttc").err().unwrap();
    /// assert!(err.to_string().contains("/no/such/font.ttc"));
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Fonts, FontError> {
        Ok(Fonts { regular: Face::load(path.as_ref())?, bold: None })
    }

    /// Adds the bold face at `path`.
    ///
    /// ```
    /// use xixia_stats::chart::Fonts;
    /// if let Ok(fonts) = Fonts::load(Fonts::NOTO_REGULAR) {
    ///     let err = fonts.with_bold("/no/such/Bold.ttc").unwrap_err();
    ///     assert!(err.to_string().starts_with("字体文件不存在：/no/such/Bold.ttc"));
    /// }
    /// ```
    pub fn with_bold(self, path: impl AsRef<Path>) -> Result<Fonts, FontError> {
        Ok(Fonts { bold: Some(Face::load(path.as_ref())?), ..self })
    }

    /// The face for regular or bold text, and whether bold must be made by emboldening it.
    pub(crate) fn face(&self, bold: bool) -> (&FontVec, bool) {
        match (&self.bold, bold) {
            (Some(face), true) => (&face.font, false),
            (None, true) => (&self.regular.font, true),
            (_, false) => (&self.regular.font, false),
        }
    }
}

impl fmt::Debug for Fonts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fonts").field("regular", &self.regular.name).field("bold", &self.bold.as_ref().map(|b| &b.name)).finish()
    }
}

impl Face {
    fn load(path: &Path) -> Result<Face, FontError> {
        let data = std::fs::read(path).map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => FontError::Missing { path: path.to_owned() },
            _ => FontError::Unreadable { path: path.to_owned(), reason: err.to_string() },
        })?;
        let (index, name) = pick_face(&data).ok_or_else(|| FontError::NotAFont { path: path.to_owned() })?;
        let font = FontVec::try_from_vec_and_index(data, index).map_err(|_| FontError::NotAFont { path: path.to_owned() })?;
        if let Some(missing) = CHINESE_SAMPLE.chars().find(|c| font.glyph_id(*c).0 == 0) {
            return Err(FontError::NoChinese { path: path.to_owned(), family: name, missing });
        }
        Ok(Face { font, name })
    }
}

/// The face of a font file (or collection) to draw Simplified Chinese with, and its family
/// name: of the faces that have every character of [`CHINESE_SAMPLE`], one named for mainland
/// China (a "… SC" or "… CN" family, or a name in Chinese (PRC)) before the others, and a
/// proportional one before a monospaced one; else the first face. `None` when the data is no font.
fn pick_face(data: &[u8]) -> Option<(u32, String)> {
    use ttf_parser::{name_id, Face, Language};
    let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
    let faces: Vec<(u32, Face)> = (0..count).filter_map(|i| Face::parse(data, i).ok().map(|face| (i, face))).collect();
    let family = |face: &Face| {
        let names = face.names();
        let english = names.into_iter().find(|n| n.name_id == name_id::FAMILY && n.is_unicode() && n.language() == Language::English_UnitedStates);
        english.or_else(|| names.into_iter().find(|n| n.name_id == name_id::FAMILY)).and_then(|n| n.to_string()).unwrap_or_default()
    };
    let score = |face: &Face| {
        if !CHINESE_SAMPLE.chars().all(|c| face.glyph_index(c).is_some()) {
            return 0;
        }
        let name = family(face);
        let mainland = name.ends_with(" SC") || name.ends_with(" CN") || face.names().into_iter().any(|n| n.language() == Language::Chinese_PeoplesRepublicOfChina);
        1 + 2 * i32::from(mainland) + i32::from(!name.contains("Mono"))
    };
    // The first of the best: max_by_key keeps the last, so compare by (score, lower index).
    let (index, face) = faces.iter().max_by_key(|(i, face)| (score(face), std::cmp::Reverse(*i)))?;
    Some((*index, family(face)))
}

/// Why fonts cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FontError {
    #[error("字体文件不存在：{}。请安装 fonts-noto-cjk（apt install fonts-noto-cjk），或用 --font 指定 CJK 字体", path.display())]
    Missing { path: PathBuf },
    #[error("无法读取字体文件 {}：{reason}。请确认它是可读的字体文件，或用 --font 指定其他 CJK 字体", path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("{} 不是可用的字体文件（应为 .otf、.ttf 或 .ttc）。请用 --font 指定 CJK 字体，如 Noto Sans CJK SC", path.display())]
    NotAFont { path: PathBuf },
    #[error("字体 {}（{family}）没有汉字字形（缺“{missing}”），中文会画成空框。请安装 fonts-noto-cjk（apt install fonts-noto-cjk），或用 --font 指定 CJK 字体", path.display())]
    NoChinese { path: PathBuf, family: String, missing: char },
}

/// Draws a chart as PNG at `width` CSS pixels (the layout of [`super::render_with`] at that
/// width) and `scale` device pixels per CSS pixel: an 800-px chart at scale 2 is 1600 pixels
/// wide. Text is drawn from `fonts` at the device size, so it stays sharp. The PNG records its
/// density (96 dpi × scale), title, description and source.
///
/// ```
/// use xixia_stats::{bundled, chart};
/// let release = bundled::release("2022-bulletin")?;
/// let data = chart::build("gdp-by-industry", &release, &[])?;
/// let Ok(fonts) = chart::Fonts::noto() else { return Ok(()) }; // fonts-noto-cjk not installed
/// let png = chart::render_png(&data, 800, &chart::Options::default(), &fonts, 2)?;
/// assert_eq!(png.width, 1600);
/// assert!(png.bytes.starts_with(b"\x89PNG"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_png(data: &ChartData, width: u32, options: &Options, fonts: &Fonts, scale: u32) -> Result<Png, ChartError> {
    if !(1..=MAX_SCALE).contains(&scale) {
        return Err(ChartError::Drawing(format!("PNG 的像素倍数应为 1 到 {MAX_SCALE}，而不是 {scale}")));
    }
    let placed = Placed::new(data, width, options.mode);
    let (css_width, css_height) = placed.size();
    let (width, height) = (css_width * scale, css_height * scale);
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    {
        let backend = Bitmap::new(&mut pixels, (css_width, css_height), scale, fonts).ok_or_else(|| ChartError::Drawing(format!("{width}×{height} 像素的位图无法创建")))?;
        placed.draw(&backend.into_drawing_area(), data)?;
    }
    let bytes = encode(&pixels, (width, height), scale, data).map_err(|err| ChartError::Drawing(format!("PNG 编码失败：{err}")))?;
    Ok(Png { bytes, width, height })
}

/// RGB pixels → PNG, with the pixel density, and the chart's title, description (its text
/// alternative) and source as text chunks.
fn encode(pixels: &[u8], (width, height): (u32, u32), scale: u32, data: &ChartData) -> Result<Vec<u8>, ::png::EncodingError> {
    let mut bytes = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(::png::ColorType::Rgb);
    encoder.set_depth(::png::BitDepth::Eight);
    // 96 dpi is 3779.5 pixels a metre.
    let per_metre = (3_779.527_6 * f64::from(scale)).round() as u32;
    encoder.set_pixel_dims(Some(::png::PixelDimensions { xppu: per_metre, yppu: per_metre, unit: ::png::Unit::Meter }));
    encoder.add_itxt_chunk("Title".to_owned(), data.marked_title())?;
    if !data.description.is_empty() {
        encoder.add_itxt_chunk("Description".to_owned(), data.description.clone())?;
    }
    encoder.add_itxt_chunk("Comment".to_owned(), format!("{} · {}", data.source, data.status_line()))?;
    let mut writer = encoder.write_header()?;
    writer.write_image_data(pixels)?;
    writer.finish()?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fonts_name_the_path_and_the_fix() {
        let err = Fonts::load("/no/such/NotoSansCJK-Regular.ttc").err().unwrap();
        assert_eq!(err, FontError::Missing { path: "/no/such/NotoSansCJK-Regular.ttc".into() });
        let message = err.to_string();
        assert!(message.contains("/no/such/NotoSansCJK-Regular.ttc") && message.contains("apt install fonts-noto-cjk") && message.contains("--font"), "{message}");
    }

    #[test]
    fn a_file_that_is_no_font_says_so() {
        let path = std::env::temp_dir().join(format!("xixia-not-a-font-{}.ttf", std::process::id()));
        std::fs::write(&path, b"not a font").unwrap();
        let err = Fonts::load(&path).err();
        let _ = std::fs::remove_file(&path);
        assert_eq!(err, Some(FontError::NotAFont { path }));
    }
}
