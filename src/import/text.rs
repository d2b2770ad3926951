//! Bulletin prose into a draft release. To be written.

use super::Report;
use crate::error::{Error, ErrorKind};
use crate::release::Release;

/// Reads bulletin prose into a release.
pub fn import(_input: &str, origin: &str) -> Result<(Release, Report), Error> {
    Err(ErrorKind::Import { origin: origin.to_owned(), place: "第1个字符起".into(), message: "文本导入尚未实现".into() }.into())
}
