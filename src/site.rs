//! A site's content folder: the releases (`releases/*.json`, one file each), the chart
//! specification (`charts.json`) and the indicator registry (`indicators.json`, optional). The
//! build reads it to make the public pages' chart data, the command line reads it with `--data DIR`, and the demo's own folder is `data/` (bundled into the
//! library as the default, [`crate::bundled`]). Adding a release is adding a file.
//!
//! Reading a folder never panics: a file that cannot be read, a release that does not validate,
//! two files with one id, a specification entry that names data a release does not have — each is
//! an error naming the file and the place.

use std::path::{Path, PathBuf};

use crate::chart::spec::Spec;
use crate::chart::{self, ChartData, Lang};
use crate::error::{Error, ErrorKind};
use crate::load;
use crate::release::Release;

/// The most release files a site folder may hold.
pub const MAX_RELEASES: usize = 2_000;

/// A site's releases, in publication order, and its chart specification.
#[derive(Debug, Clone)]
pub struct Site {
    pub releases: Vec<Release>,
    pub spec: Spec,
}

impl Site {
    /// The demo site's content, as bundled into the library from `data/`.
    pub fn bundled() -> Result<Site, Error> {
        let spec = crate::bundled::spec().map_err(spec_error)?;
        Site::new(crate::bundled::all()?, spec)
    }

    /// A site of these releases and this specification: releases put in publication order, and
    /// an error when two have one id.
    pub fn new(mut releases: Vec<Release>, spec: Spec) -> Result<Site, Error> {
        crate::bundled::sort(&mut releases);
        for (i, release) in releases.iter().enumerate() {
            if releases[..i].iter().any(|r| r.id == release.id) {
                return Err(ErrorKind::Io { origin: format!("release {}", release.id), message: "two release files have this id".into() }.into());
            }
        }
        Ok(Site { releases, spec })
    }

    /// Reads the folder `dir`: every `releases/*.json` and `charts.json`. Any release file that
    /// does not read is an error ([`Site::load_skipping`] reads the rest).
    pub fn load(dir: &Path) -> Result<Site, Error> {
        let (site, mut skipped) = Site::load_skipping(dir, dir)?;
        match skipped.is_empty() {
            true => Ok(site),
            false => Err(skipped.swap_remove(0).error),
        }
    }

    /// Reads the folder `dir` as [`Site::load`] does, except that a release file that does not
    /// read (unreadable, too large, not UTF-8, not a valid release, named otherwise than its id)
    /// is left out and returned with its error: a served site keeps working, and publishing into
    /// it goes on, while one of its files is broken. The folder itself, its `charts.json` and
    /// `indicators.json` must read. Messages name the files under `shown` in place of `dir` (a
    /// served site's content folder as `data/content`).
    pub fn load_skipping(dir: &Path, shown: &Path) -> Result<(Site, Vec<Skipped>), Error> {
        let releases_dir = dir.join("releases");
        let io = |path: &Path| {
            let origin = path.display().to_string();
            move |err: std::io::Error| Error::from(ErrorKind::Io { origin: origin.clone(), message: err.to_string() })
        };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&releases_dir)
            .map_err(io(&releases_dir))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json") && p.is_file())
            .collect();
        paths.sort();
        if paths.len() > MAX_RELEASES {
            return Err(ErrorKind::Io { origin: releases_dir.display().to_string(), message: format!("{} release files; a site holds at most {MAX_RELEASES}", paths.len()) }.into());
        }
        let mut files = Vec::new();
        for path in &paths {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let named = shown.join(path.strip_prefix(dir).unwrap_or(path));
            files.push((stem, named.display().to_string(), std::fs::read(path).map_err(io(&named))));
        }
        let spec_path = dir.join("charts.json");
        let spec_text = std::fs::read_to_string(&spec_path).map_err(io(&spec_path))?;
        // The indicator registry is optional.
        let registry_path = dir.join("indicators.json");
        let registry = if registry_path.is_file() { Some(std::fs::read_to_string(&registry_path).map_err(io(&registry_path))?) } else { None };
        let registry_origin = registry_path.display().to_string();
        let spec = Spec::with_registry(&spec_text, &spec_path.display().to_string(), registry.as_deref().map(|text| (text, registry_origin.as_str()))).map_err(spec_error)?;
        Site::from_files(files, spec)
    }

    /// A site of release files (the id their name gives, where they are for messages, their bytes
    /// or why they could not be had) and a specification: each file read by [`read_release`], the
    /// ones that do not read left out with their error. What [`Site::load_skipping`] makes of a
    /// folder, and the staff preview of the files it fetched from the served site.
    pub fn from_files(files: Vec<(String, String, Result<Vec<u8>, Error>)>, spec: Spec) -> Result<(Site, Vec<Skipped>), Error> {
        let mut releases = Vec::new();
        let mut skipped = Vec::new();
        for (id, origin, bytes) in files {
            match bytes.and_then(|bytes| read_release(bytes, &id, &origin)) {
                Ok(release) => releases.push(release),
                Err(error) => skipped.push(Skipped { id, error }),
            }
        }
        Ok((Site::new(releases, spec)?, skipped))
    }

    /// A release by id, or `latest-<kind>` for the newest of a kind.
    pub fn release(&self, name: &str) -> Option<&Release> {
        chart::spec::resolve(&self.releases, name)
    }

    /// The data of every chart of every release, in `lang`: the specification's charts and an
    /// automatic chart for every structure they do not show ([`chart::published_charts`]). The
    /// charts of the newest release of each kind carry the alias `latest-<kind>`.
    pub fn charts(&self, lang: Lang) -> Result<Vec<ChartData>, Error> {
        Ok(self.charts_and_notes(lang)?.0)
    }

    /// [`Site::charts`], and the entries of the specification that did not apply to a release of
    /// their kind because it has none of their data (for the build to print).
    pub fn charts_and_notes(&self, lang: Lang) -> Result<(Vec<ChartData>, Vec<String>), Error> {
        let published = chart::published_charts(&self.spec, &self.releases, lang)
            .map_err(|problems| Error::from(ErrorKind::Io { origin: "charts.json".into(), message: problems.join("；") }))?;
        let mut charts = published.charts;
        for kind in crate::release::ReleaseKind::ALL {
            if let Some(latest) = chart::spec::latest(&self.releases, kind) {
                for data in charts.iter_mut().filter(|c| c.release == latest.id) {
                    data.aliases.push(format!("latest-{}", kind.name()));
                }
            }
        }
        Ok((charts, published.not_applied))
    }
}

/// One release in the site's list of releases (`data/charts/index.json`), which the component reads
/// to resolve `latest-<kind>`, the periods of a chart and the file of each release's charts.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IndexEntry {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    pub period: String,
    pub period_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revised: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_release: Option<String>,
    pub aliases: Vec<String>,
    pub charts: Vec<String>,
}

impl Site {
    /// The list of releases, in publication order, with the ids of the charts of each (`charts`:
    /// the site's Chinese charts, [`Site::charts`]) and their aliases.
    pub fn index(&self, charts: &[ChartData]) -> Vec<IndexEntry> {
        self.releases
            .iter()
            .map(|release| {
                let own: Vec<&ChartData> = charts.iter().filter(|c| c.release == release.id && c.lang == Lang::Zh).collect();
                IndexEntry {
                    id: release.id.clone(),
                    kind: release.kind().name(),
                    title: release.title.clone(),
                    period: release.period.to_string(),
                    period_en: release.period.english(),
                    published: release.published.clone(),
                    version: release.version,
                    revised: release.revised.clone(),
                    next_release: release.next_release.clone(),
                    aliases: own.first().map(|c| c.aliases.clone()).unwrap_or_default(),
                    charts: own.iter().map(|c| c.id.clone()).collect(),
                }
            })
            .collect()
    }
}

/// A release file of a site folder that was left out, and why.
#[derive(Debug)]
pub struct Skipped {
    /// The id its file name gives (`releases/<id>.json`).
    pub id: String,
    /// Why it was left out, naming the file and the place in it.
    pub error: Error,
}

/// The release in the file `origin`, whose name gives the id `id`: at most [`load::MAX_BYTES`],
/// UTF-8, a valid release ([`load::from_json`]) whose id is the file's name.
pub fn read_release(bytes: Vec<u8>, id: &str, origin: &str) -> Result<Release, Error> {
    if bytes.len() > load::MAX_BYTES {
        return Err(ErrorKind::TooLarge { origin: origin.to_owned(), bytes: bytes.len(), limit: load::MAX_BYTES }.into());
    }
    let text = String::from_utf8(bytes).map_err(|err| Error::from(ErrorKind::Io { origin: origin.to_owned(), message: format!("not UTF-8 (byte {})", err.utf8_error().valid_up_to()) }))?;
    let release = load::from_json(&text, origin)?;
    if release.id != id {
        return Err(ErrorKind::Io { origin: origin.to_owned(), message: format!("the file of release “{}” is named {id}.json: name it {}.json", release.id, release.id) }.into());
    }
    Ok(release)
}

fn spec_error(err: chart::SpecError) -> Error {
    ErrorKind::Io { origin: err.origin, message: format!("{}: {}", err.place, err.message) }.into()
}
