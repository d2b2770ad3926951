//! A draft against the published release: changed values, added and removed indicators. To be
//! written (issue 6).

use serde::Serialize;

use crate::release::Release;

/// What changed between the published release and the draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diff {
    /// The published release compared with.
    pub published: String,
    pub changed: Vec<Change>,
    /// Indicators in the draft, not in the published release.
    pub added: Vec<Entry>,
    /// Indicators in the published release, not in the draft.
    pub removed: Vec<Entry>,
    /// Indicators stated the same in both.
    pub unchanged: usize,
}

/// One figure of one indicator that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The draft's fact id, and the published one's.
    pub draft_id: String,
    pub published_id: String,
    pub name: String,
    /// Which figure: "value", "growth", "increase", "share", "gaps", "ranks".
    pub field: String,
    /// As printed: "489.91亿元", "增长8.3%"; "" where absent.
    pub published: String,
    pub draft: String,
    /// The draft's sentence id, for a jump.
    pub sentence: Option<String>,
}

/// An indicator on one side only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// Its figures as printed: "489.91亿元，增长8.3%".
    pub figures: String,
    pub sentence: Option<String>,
}

/// The published release a draft is most like (the most indicators in common), if any shares one.
pub fn closest<'a>(_draft: &Release, _published: &'a [Release]) -> Option<&'a Release> {
    None
}

/// Compares a draft with a published release.
pub fn compare(_draft: &Release, published: &Release) -> Diff {
    Diff { published: published.id.clone(), ..Diff::default() }
}
