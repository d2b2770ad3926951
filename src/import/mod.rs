//! Drafts in the forms the statistics office writes them: a release in our JSON format (or
//! JSON-stat), a CSV following the documented template (`docs/import.md`), or the bulletin's own
//! prose. Each becomes a [`Release`] to check, chart and compare, with a [`Report`] of what was
//! read and what was not.
//!
//! [`import`] picks the reader by content unless told; [`detect`] says which it would pick.

pub mod template;
pub mod text;

use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::release::{Release, Span};

/// The forms a draft comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// A release in our JSON format, or a JSON-stat 2.0 dataset.
    Json,
    /// A CSV following the template in `docs/import.md`.
    Csv,
    /// Bulletin prose: 统计公报, 主要经济指标, 财政专报.
    Text,
}

impl Format {
    /// `json`, `csv` or `text` (also `txt`, `md`), as the command line and the preview page say it.
    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" | "jsonstat" | "json-stat" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "text" | "txt" | "md" | "markdown" => Some(Format::Text),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Text => "text",
        }
    }
}

/// A draft read into a release, and what the reader has to say about it.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub format: Format,
    pub release: Release,
    pub report: Report,
}

/// What an import could not use, so that nothing is dropped silently.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Sentences (or CSV rows) with figures that were not understood, in the order of the text.
    pub unparsed: Vec<Unparsed>,
    /// Remarks on what was read: assumptions made, defaults taken ("未写明时期，按2022年").
    pub notes: Vec<String>,
}

/// A part of the draft with figures that no fact was made from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unparsed {
    /// Where it is in the draft, in characters.
    pub span: Span,
    /// The text, as written.
    pub text: String,
    /// Why it was not read, for staff: "未识别的表述", "数字没有指标名".
    pub reason: String,
}

/// Which reader a draft is for: JSON if it starts with `{` (after a byte-order mark and
/// whitespace), CSV if its first line is the template's header, otherwise prose.
pub fn detect(input: &str) -> Format {
    let body = input.trim_start_matches(crate::load::BOM).trim_start();
    if body.starts_with('{') || body.starts_with('[') {
        Format::Json
    } else if template::looks_like(body) {
        Format::Csv
    } else {
        Format::Text
    }
}

/// Reads a draft. `origin` names it in errors (a file name, "粘贴的文本"). `format` forces a
/// reader; `None` picks one by [`detect`].
///
/// Every error names where the problem is; an input over [`crate::load::MAX_BYTES`] is refused
/// before it is read.
pub fn import(input: &str, format: Option<Format>, origin: &str) -> Result<Imported, Error> {
    if input.len() > crate::load::MAX_BYTES {
        return Err(ErrorKind::TooLarge { origin: origin.to_owned(), bytes: input.len(), limit: crate::load::MAX_BYTES }.into());
    }
    let format = format.unwrap_or_else(|| detect(input));
    match format {
        Format::Json => Ok(Imported { format, release: crate::load::from_json(input, origin)?, report: Report::default() }),
        Format::Csv => template::import(input, origin).map(|(release, report)| Imported { format, release, report }),
        Format::Text if looks_like_markup(input) => Err(ErrorKind::Import {
            origin: origin.to_owned(),
            place: "第1个字符起".into(),
            message: "这是网页或文档的代码（HTML/XML），不是公报文本：请在浏览器或 Word 中选中正文文字，复制后再粘贴".into(),
        }
        .into()),
        Format::Text => text::import(input, origin).map(|(release, report)| Imported { format, release, report }),
    }
}

/// Whether a text is markup (a web page's source, XML) rather than prose: it starts with a tag and
/// closes one.
fn looks_like_markup(input: &str) -> bool {
    let body = input.trim_start_matches(crate::load::BOM).trim_start();
    body.starts_with('<') && (body.contains("</") || body.contains("/>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_not_read_as_prose() {
        let page = "<h1>某县2022年统计公报</h1><p>地区生产总值100亿元，增长5.0%。</p><script>alert(1)</script>";
        let err = import(page, None, "粘贴的文本").unwrap_err().to_string();
        assert_eq!(err, "粘贴的文本: 第1个字符起: 这是网页或文档的代码（HTML/XML），不是公报文本：请在浏览器或 Word 中选中正文文字，复制后再粘贴");
        // Prose that mentions a bracket is still prose.
        assert!(!looks_like_markup("地区生产总值<100亿元（初步数）"));
    }

    #[test]
    fn drafts_are_told_apart_by_content() {
        assert_eq!(detect("\u{feff}  {\"id\": \"x\"}"), Format::Json);
        assert_eq!(detect("一、综合\n地区生产总值100亿元。"), Format::Text);
    }
}
