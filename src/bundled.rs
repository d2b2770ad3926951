//! The demo site's content, compiled into the library as the command line's default: every release
//! file of `data/releases/` (every figure of the two gazette issues in `shared/sources/`, keyed by
//! hand from the printed text), the chart specification `data/charts.json` and the indicator
//! registry `data/indicators.json`. The list comes from
//! the folder (`build.rs`); nothing here names a release.

use crate::chart::spec::{Spec, SpecError};
use crate::error::{Error, ErrorKind};
use crate::indicator::Registry;
use crate::load;
use crate::release::Release;

include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));

/// The ids of the bundled releases, in publication order (period, then publication date).
pub fn ids() -> Vec<String> {
    all().map(|releases| releases.into_iter().map(|r| r.id).collect()).unwrap_or_default()
}

/// The JSON text of a bundled release, as compiled in.
pub fn json(id: &str) -> Option<&'static str> {
    RELEASE_FILES.iter().find(|(name, _)| name.strip_suffix(".json") == Some(id)).map(|(_, json)| *json)
}

/// Loads a bundled release by id.
///
/// ```
/// let bulletin = xixia_stats::bundled::release("2022-bulletin").unwrap();
/// assert_eq!(bulletin.fact("gdp").unwrap().value.as_ref().unwrap().amount.to_string(), "489.91");
/// ```
pub fn release(id: &str) -> Result<Release, Error> {
    let json = json(id).ok_or_else(|| ErrorKind::UnknownRelease { id: id.to_owned(), bundled: ids() })?;
    load::from_json(json, &format!("bundled release {id}"))
}

/// Loads every bundled release, in publication order.
pub fn all() -> Result<Vec<Release>, Error> {
    let mut releases = RELEASE_FILES.iter().map(|(name, json)| load::from_json(json, &format!("data/releases/{name}"))).collect::<Result<Vec<_>, _>>()?;
    sort(&mut releases);
    Ok(releases)
}

/// Puts releases in publication order: by the end of their period, then by publication date.
pub fn sort<R: std::borrow::Borrow<Release>>(releases: &mut [R]) {
    releases.sort_by(|a, b| {
        let (a, b) = (a.borrow(), b.borrow());
        (a.period_end(), &a.published, &a.id).cmp(&(b.period_end(), &b.published, &b.id))
    });
}

/// The bundled chart specification, with the bundled indicator registry.
pub fn spec() -> Result<Spec, SpecError> {
    Spec::with_registry(SPEC, "data/charts.json", INDICATORS.map(|json| (json, "data/indicators.json")))
}

/// The bundled indicator registry (empty when `data/` has none).
pub fn registry() -> Registry {
    spec().map(|s| s.indicators).unwrap_or_default()
}
