//! Reading a draft's text from a file or standard input, the one reader every command uses:
//! UTF-8 (with or without a byte-order mark) or, failing that, GBK. Native only (`cli`).

use std::io::{self, Read};

use crate::error::{Error, ErrorKind};
use crate::load;

/// A draft's text, the name errors give it, and whether it was read as GBK.
#[derive(Debug)]
pub struct Draft {
    pub text: String,
    pub origin: String,
    pub gbk: bool,
}

/// A draft from a file, or standard input for `-`. Refused when empty, too large, or neither
/// UTF-8 nor GBK, with the place named.
pub fn read(path: &str) -> Result<Draft, Error> {
    let origin = if path == "-" { "标准输入".to_owned() } else { path.to_owned() };
    let io_error = |err: io::Error| Error::from(ErrorKind::Io { origin: origin.clone(), message: err.to_string() });
    let mut bytes = Vec::new();
    let limit = load::MAX_BYTES as u64 + 1;
    if path == "-" {
        io::stdin().lock().take(limit).read_to_end(&mut bytes).map_err(io_error)?;
    } else {
        let file = std::fs::File::open(path).map_err(io_error)?;
        // A file's own size, so the message names it, not the limit read up to.
        let size = file.metadata().map_err(io_error)?.len();
        if size > load::MAX_BYTES as u64 {
            return Err(ErrorKind::TooLarge { origin, bytes: usize::try_from(size).unwrap_or(usize::MAX), limit: load::MAX_BYTES }.into());
        }
        file.take(limit).read_to_end(&mut bytes).map_err(io_error)?;
    }
    decode(bytes, origin)
}

/// A draft's bytes as text: UTF-8, else GBK with no control characters.
pub fn decode(bytes: Vec<u8>, origin: String) -> Result<Draft, Error> {
    if bytes.len() > load::MAX_BYTES {
        return Err(ErrorKind::TooLarge { origin, bytes: bytes.len(), limit: load::MAX_BYTES }.into());
    }
    let import_error = |origin: String, place: String, message: &str| Error::from(ErrorKind::Import { origin, place, message: message.to_owned() });
    let (text, gbk) = match String::from_utf8(bytes) {
        Ok(text) => (text, false),
        Err(err) => {
            let bytes = err.into_bytes();
            let gbk = encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&bytes).map(std::borrow::Cow::into_owned);
            match gbk.filter(|text| !text.chars().any(|c| c.is_control() && !c.is_whitespace())) {
                Some(text) => (text, true),
                None => {
                    let at = std::str::from_utf8(&bytes).err().map_or(0, |e| e.valid_up_to());
                    let line = bytes.get(..at).map_or(1, |b| b.iter().filter(|&&c| c == b'\n').count() + 1);
                    return Err(import_error(origin, format!("第{line}行（第{at}字节）"), "既不是 UTF-8 也不是 GBK 编码的文本；请另存为「CSV UTF-8」或 UTF-8 文本"));
                }
            }
        }
    };
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(import_error(origin, "第1行".into(), "输入是空的，没有可读的内容"));
    }
    Ok(Draft { text, origin, gbk })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_gbk_and_neither() {
        let utf8 = decode("西夏区".as_bytes().to_vec(), "a".into()).unwrap();
        assert_eq!((utf8.text.as_str(), utf8.gbk), ("西夏区", false));
        let (bytes, _, _) = encoding_rs::GBK.encode("西夏区地区生产总值");
        let gbk = decode(bytes.into_owned(), "b".into()).unwrap();
        assert_eq!((gbk.text.as_str(), gbk.gbk), ("西夏区地区生产总值", true));
        assert!(decode(vec![0xff, 0xff, 0x00], "c".into()).unwrap_err().to_string().contains("GBK"));
        assert!(decode(b"  \n".to_vec(), "d".into()).unwrap_err().to_string().contains("空"));
    }
}
