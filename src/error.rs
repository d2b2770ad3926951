//! The one error type of loading a release, and of writing one out. Each kind says where the
//! problem is: the file, the field path (`facts[3].growth.rate`), the line and column.

use std::fmt;

/// An error loading a release, or exporting one.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong, and where.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not JSON.
    Syntax { origin: String, line: usize, column: usize, message: String },
    /// The JSON does not fit the format at a field.
    Field { origin: String, path: String, line: usize, column: usize, message: String },
    /// The release parsed, but refers to things that are not there, repeats an id, or has a cell
    /// that is not a number. Every problem is listed, not only the first.
    Invalid { origin: String, problems: Vec<Problem> },
    /// No bundled release has this id, and no file has this path.
    UnknownRelease { id: String, bundled: Vec<String> },
    /// The input is larger than a release can sensibly be.
    TooLarge { origin: String, bytes: usize, limit: usize },
    /// The file could not be read.
    Io { origin: String, message: String },
    /// A JSON-stat document does not fit JSON-stat 2.0, or not a release: `path` is where in the
    /// JSON (`dimension.geo.category.index`, `value[3]`, `link.item[0]`).
    JsonStat { origin: String, path: String, message: String },
    /// A draft in CSV or in bulletin prose could not be read: `place` says where in it ("第3行",
    /// "第12个字符起").
    Import { origin: String, place: String, message: String },
    /// A chart or release could not be written out (CSV, JSON-stat, a file format not yet
    /// supported).
    Export { what: String, message: String },
    /// A chart data file of the public page (`data/charts/<release>.bin`, `chart::wire`) could
    /// not be written or read; its message is the one the page shows.
    ChartFile { origin: String, message: String },
}

/// One validation problem: the field path and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Error {
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// The error in Chinese, for the staff who publish: the same place (file, line and column,
    /// field), in their words. [`fmt::Display`] is the English of the command line's logs.
    ///
    /// ```
    /// let err = xixia_stats::load::from_json("{\"id\": ", "data/content/releases/x.json").unwrap_err();
    /// assert!(err.chinese().starts_with("data/content/releases/x.json：第1行第7列不是有效的 JSON"), "{}", err.chinese());
    /// ```
    pub fn chinese(&self) -> String {
        match &*self.0 {
            ErrorKind::Syntax { origin, line, column, message } => format!("{origin}：第{line}行第{column}列不是有效的 JSON（{message}）"),
            ErrorKind::Field { origin, path, line, column, message } => format!("{origin}：第{line}行第{column}列，字段 {path} 不符合发布数据格式（{message}）"),
            ErrorKind::Invalid { origin, problems } => {
                let mut text = format!("{origin}：发布数据有{}处问题：", problems.len());
                for problem in problems.iter().take(20) {
                    text.push_str(&format!("\n· 字段 {}：{}", problem.path, problem.message));
                }
                if problems.len() > 20 {
                    text.push_str(&format!("\n……另有{}处", problems.len() - 20));
                }
                text
            }
            ErrorKind::UnknownRelease { id, bundled } => format!("没有发布编号为“{id}”的发布，也没有这个文件；已有：{}", bundled.join("、")),
            ErrorKind::TooLarge { origin, bytes, limit } => format!("{origin}：内容有{bytes}字节，超过{limit}字节（{} MiB）的上限", limit / (1024 * 1024)),
            ErrorKind::Io { origin, message } => format!("{origin}：无法读取（{message}）"),
            ErrorKind::JsonStat { origin, path, message } => format!("{origin}：JSON-stat 的 {path} 有误：{message}"),
            ErrorKind::Import { origin, place, message } => format!("{origin}：{place}：{message}"),
            ErrorKind::Export { what, message } => format!("{what}：无法导出（{message}）"),
            ErrorKind::ChartFile { origin, message } => format!("{origin}：{message}"),
        }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ErrorKind::Syntax { origin, line, column, message } => {
                write!(f, "{origin}: line {line}, column {column}: not valid JSON: {message}")
            }
            ErrorKind::Field { origin, path, line, column, message } => {
                write!(f, "{origin}: line {line}, column {column}: field `{path}`: {message}")
            }
            ErrorKind::Invalid { origin, problems } => {
                write!(f, "{origin}: {} problem(s):", problems.len())?;
                for problem in problems {
                    write!(f, "\n  field `{}`: {}", problem.path, problem.message)?;
                }
                Ok(())
            }
            ErrorKind::UnknownRelease { id, bundled } => {
                write!(f, "{id:?} is neither a bundled release nor a readable file; bundled releases: {}", bundled.join(", "))
            }
            ErrorKind::TooLarge { origin, bytes, limit } => {
                write!(f, "{origin}: {bytes} bytes is larger than the {limit}-byte limit for one release")
            }
            ErrorKind::Io { origin, message } => write!(f, "{origin}: cannot read: {message}"),
            ErrorKind::JsonStat { origin, path, message } => write!(f, "{origin}: JSON-stat `{path}`: {message}"),
            ErrorKind::Import { origin, place, message } => write!(f, "{origin}: {place}: {message}"),
            ErrorKind::Export { what, message } => write!(f, "{what}: cannot export: {message}"),
            ErrorKind::ChartFile { origin, message } => write!(f, "{origin}: chart data file: {message}"),
        }
    }
}

impl std::error::Error for Error {}
