//! The CSV template for drafts (`docs/import.md`). To be written.

use super::Report;
use crate::error::{Error, ErrorKind};
use crate::release::Release;

/// Whether `input` starts with the template's header row.
pub fn looks_like(_input: &str) -> bool {
    false
}

/// Reads a CSV draft into a release.
pub fn import(_input: &str, origin: &str) -> Result<(Release, Report), Error> {
    Err(ErrorKind::Import { origin: origin.to_owned(), place: "第1行".into(), message: "CSV 导入尚未实现".into() }.into())
}
