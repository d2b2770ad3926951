//! The releases compiled into the library: every figure of the two gazette issues in
//! `shared/sources/`, keyed by hand from the printed text.

use crate::error::{Error, ErrorKind};
use crate::load;
use crate::release::Release;

/// `(id, JSON)` of each bundled release, in publication order.
const RELEASES: &[(&str, &str)] = &[
    ("2022-bulletin", include_str!("../data/releases/2022-bulletin.json")),
    ("2023-1-11-indicators", include_str!("../data/releases/2023-1-11-indicators.json")),
    ("2023-fiscal-reports-5-8", include_str!("../data/releases/2023-fiscal-reports-5-8.json")),
];

/// The ids of the bundled releases.
pub fn ids() -> Vec<&'static str> {
    RELEASES.iter().map(|(id, _)| *id).collect()
}

/// The JSON text of a bundled release, as compiled in.
pub fn json(id: &str) -> Option<&'static str> {
    RELEASES.iter().find(|(known, _)| *known == id).map(|(_, json)| *json)
}

/// Loads a bundled release by id.
///
/// ```
/// let bulletin = xixia_stats::bundled::release("2022-bulletin").unwrap();
/// assert_eq!(bulletin.fact("gdp").unwrap().value.as_ref().unwrap().amount.to_string(), "489.91");
/// ```
pub fn release(id: &str) -> Result<Release, Error> {
    let json = json(id).ok_or_else(|| ErrorKind::UnknownRelease {
        id: id.to_owned(),
        bundled: ids().iter().map(|id| id.to_string()).collect(),
    })?;
    load::from_json(json, &format!("bundled release {id}"))
}

/// Loads every bundled release.
pub fn all() -> Result<Vec<Release>, Error> {
    ids().into_iter().map(release).collect()
}
