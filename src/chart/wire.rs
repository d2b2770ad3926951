//! The chart data files the public page loads: one per release and language,
//! `data/charts/<release>.bin` and `<release>.en.bin`, written by `xixia-stats chart-data --split`
//! and by publishing, read by the page's wasm module.
//!
//! A file is [`MAGIC`] and then the release's charts in postcard, serde's compact binary form:
//! no field names and no number text to parse, so the module carries no JSON parser (about a
//! quarter of its size, docs/performance.md). The JSON of the same charts is what
//! `xixia-stats chart-data` prints and `xixia-stats unpack-charts` makes of a file.

use super::data::ChartData;
use super::format::Lang;

/// What every file begins with: the format and its version. A file of another version (a site
/// whose module and data were built apart) is refused with a message, never misread.
pub const MAGIC: &[u8; 4] = b"XSC1";

/// The largest file a page or the command line reads: as for every other file (4 MiB).
pub const MAX_BYTES: usize = crate::load::MAX_BYTES;

/// The file of `release`'s charts in `lang`, as named under `data/charts/`.
///
/// ```
/// use xixia_stats::chart::{wire, Lang};
/// assert_eq!(wire::file_name("2022-bulletin", Lang::Zh), "2022-bulletin.bin");
/// assert_eq!(wire::file_name("2022-bulletin", Lang::En), "2022-bulletin.en.bin");
/// ```
pub fn file_name(release: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{release}.bin"),
        Lang::En => format!("{release}.en.bin"),
    }
}

/// Why a chart data file does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    #[error("图表数据过大：{0} 字节，上限 {MAX_BYTES} 字节")]
    TooLarge(usize),
    #[error("不是图表数据文件（应以 XSC1 开头；请用 xixia-stats chart-data --split 重新生成）")]
    NotChartData,
    #[error("图表数据无法读取：{0}")]
    Broken(&'static str),
    #[error("图表数据无法读取：文件末尾多出 {0} 字节")]
    TrailingBytes(usize),
    #[error("图表数据无法写出：{0}")]
    Write(String),
}

/// A release's charts as the file the page loads.
pub fn encode(charts: &[ChartData]) -> Result<Vec<u8>, WireError> {
    postcard::to_extend(charts, MAGIC.to_vec()).map_err(|err| WireError::Write(err.to_string()))
}

/// The charts of a file the page loads. Every byte must belong to them.
pub fn decode(bytes: &[u8]) -> Result<Vec<ChartData>, WireError> {
    if bytes.len() > MAX_BYTES {
        return Err(WireError::TooLarge(bytes.len()));
    }
    let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or(WireError::NotChartData)?;
    match postcard::take_from_bytes::<Vec<ChartData>>(body) {
        Ok((charts, [])) => Ok(charts),
        Ok((_, rest)) => Err(WireError::TrailingBytes(rest.len())),
        Err(err) => Err(WireError::Broken(what(&err))),
    }
}

/// A postcard error in a reader's words. (Postcard does not say where.)
fn what(err: &postcard::Error) -> &'static str {
    match err {
        postcard::Error::DeserializeUnexpectedEnd => "文件在中途结束",
        postcard::Error::DeserializeBadUtf8 | postcard::Error::DeserializeBadChar => "文字不是有效的 UTF-8",
        _ => "内容与图表数据的格式不符",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn charts() -> Vec<ChartData> {
        let site = crate::site::Site::bundled().unwrap();
        site.charts(Lang::Zh).unwrap().into_iter().filter(|c| c.release == "2022-bulletin").collect()
    }

    #[test]
    fn a_release_reads_back_as_it_was_written() {
        let charts = charts();
        assert!(charts.len() > 5);
        let bytes = encode(&charts).unwrap();
        assert!(bytes.starts_with(MAGIC));
        assert_eq!(decode(&bytes).unwrap(), charts);
    }

    #[test]
    fn a_broken_or_foreign_file_is_refused_and_said() {
        let bytes = encode(&charts()).unwrap();
        assert_eq!(decode(b"[{\"id\": "), Err(WireError::NotChartData));
        let cut = &bytes[..bytes.len() / 2];
        assert_eq!(decode(cut), Err(WireError::Broken("文件在中途结束")));
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), Err(WireError::TrailingBytes(1)));
        // Every cut and every flipped byte reads or is refused; none panics.
        for end in 0..bytes.len().min(4000) {
            let _ = decode(&bytes[..end]);
        }
        for at in (4..bytes.len()).step_by(7) {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0xA5;
            let _ = decode(&flipped);
        }
    }
}
