//! Publishing a release into a served site folder, with no rebuild: the files the site needs for
//! it, made by the same core as the build, and what will change on the site, in words.
//!
//! A served site folder (what `make build` writes into `www/`) holds its content beside the
//! pages: `data/content/` (the content folder: `releases/*.json`, `charts.json`,
//! `indicators.json`), `data/charts/` (each release's chart data and the list of releases),
//! `data/export/` (the downloads). Publishing a draft writes, and writes only:
//!
//! - `data/content/releases/<id>.json`: the release, with its version and dates;
//! - `data/content/releases/versions/<id>.v<N>.json`: the version it replaces, kept as it was;
//! - `data/charts/<id>.bin`, `<id>.en.bin`: its charts (`chart::wire`), including its charts
//!   over time, which reach back to the releases before it;
//! - `data/charts/index.json`: the list of releases, now with it (and `latest-<kind>` moved);
//! - `data/export/<lang>/<id>/…`: its downloads (SVG, CSV, the release as JSON-stat);
//! - `data/embed/<lang>/<id>/<chart>.html`: for each chart, the element to paste into a CMS page,
//!   with the chart, its summary and its table inside, so the page reads right without JavaScript;
//! - the site's pages, made again from their templates (`data/content/pages/`), and the images of
//!   this release's charts they show without JavaScript (`data/static/…/<id>/`).
//!
//! No other release's files change: a chart over time of an earlier release is the chart as it
//! was published then.

use std::fmt::Write as _;

use crate::chart::{self, wire, ChartData, Lang};
use crate::check::{self, Severity};
use crate::diff;
use crate::error::{Error, ErrorKind};
use crate::release::{validate_date, Release};
use crate::site::Site;

/// Where a served site keeps its content folder, relative to the site.
pub const CONTENT: &str = "data/content";

/// What publishing a draft makes: the release as published, the files (path relative to the
/// served folder, bytes), and what changes, in words.
#[derive(Debug, Clone)]
pub struct Publication {
    pub release: Release,
    pub files: Vec<(String, Vec<u8>)>,
    /// "新发布：样例县2025年1-7月主要经济指标", "修订：…（第2版）", "1-7月 规上工业增加值 同比增长 6.4 → 6.5", …
    pub changes: Vec<String>,
    /// The draft's error findings, which staff confirm before it is published.
    pub errors: Vec<String>,
    /// Its charts, in Chinese and in English (for downloads drawn apart: PNG).
    pub charts: Vec<ChartData>,
    /// The site's release files that could not be read and were left alone, each with where and
    /// why, in Chinese: "data/content/releases/x.json：第3行第1列不是有效的 JSON（…）（未改动：…）".
    pub skipped: Vec<String>,
}

/// What publishing reads of the served site beside its releases: the page templates, the files
/// as the site holds them, and the release files that did not read.
pub struct Served<'a> {
    /// The page templates (name, HTML) of `data/content/pages/`.
    pub pages: &'a [(String, String)],
    /// A file of the served folder by its path in it (`data/charts/index.json`), if it has it.
    pub file: &'a dyn Fn(&str) -> Option<Vec<u8>>,
    /// Whether the served folder has this file (as [`Served::file`], without its bytes).
    pub has: &'a dyn Fn(&str) -> bool,
    /// Release files of the site that did not read ([`Site::load_skipping`]).
    pub skipped: &'a [crate::site::Skipped],
}

/// Makes everything the site needs to publish `draft` on `date` (YYYY-MM-DD). A draft with the id
/// of a published release, or of the same kind and period, is a new version of it.
///
/// `served` gives what the site holds beside `site`: the version a revision replaces is kept byte
/// for byte as the site has it (else written from the release as read). A release file of the
/// site that did not read is left as it is, and so are its published charts: its entry in the
/// list of releases stays as it was while its chart data are there.
pub fn publish(site: &Site, mut draft: Release, date: &str, served: &Served) -> Result<Publication, Error> {
    if draft.id.is_empty() || draft.id == "draft" || draft.id.starts_with("draft-") {
        draft.id = release_id(&draft);
    }
    fill_from_site(&mut draft, site);
    let origin = format!("release {}", draft.id);
    let refuse = |message: String| Error::from(ErrorKind::Io { origin: origin.clone(), message });
    validate_date(date).map_err(|m| refuse(format!("publication date: {m}")))?;
    let earlier = site.releases.iter().find(|r| r.id == draft.id || r.kind() == draft.kind() && r.period == draft.period && r.place() == draft.place()).cloned();
    let mut changes = Vec::new();
    match &earlier {
        Some(old) => {
            let version = old.version.unwrap_or(1) + 1;
            draft.id = old.id.clone();
            draft.version = Some(version);
            draft.revised = Some(date.to_owned());
            draft.published = old.published.clone().or_else(|| Some(date.to_owned()));
            changes.push(format!("修订：{}（第{version}版，原第{}版保留）", draft.title, version - 1));
            let compared = diff::compare(&draft, old);
            for changed in &compared.changed {
                changes.push(format!("改动：{}的{}：{} → {}", changed.name, changed.label, changed.published, changed.draft));
            }
            for added in &compared.added {
                changes.push(format!("新增指标：{}", added.name));
            }
            for removed in &compared.removed {
                changes.push(format!("删去指标：{}", removed.name));
            }
        }
        None => {
            draft.version = None;
            draft.revised = None;
            draft.published = draft.published.clone().or_else(|| Some(date.to_owned()));
            changes.push(format!("新发布：{}", draft.title));
        }
    }
    let problems = crate::load::validate(&draft);
    if !problems.is_empty() {
        return Err(ErrorKind::Invalid { origin: format!("release {}", draft.id), problems }.into());
    }
    let errors: Vec<String> = check::check(&draft).findings.iter().filter(|f| f.severity == Severity::Error).map(ToString::to_string).collect();

    let mut releases: Vec<Release> = site.releases.iter().filter(|r| r.id != draft.id).cloned().collect();
    releases.push(draft.clone());
    let after = Site::new(releases, site.spec.clone())?;
    let zh = after.charts(Lang::Zh)?;
    let en = after.charts(Lang::En)?;
    let own = |charts: &[ChartData]| charts.iter().filter(|c| c.release == draft.id).cloned().collect::<Vec<_>>();
    let (own_zh, own_en) = (own(&zh), own(&en));
    for data in own_zh.iter().filter(|c| matches!(c.kind, chart::ChartKind::Line | chart::ChartKind::Combo)) {
        changes.push(match &earlier {
            None => format!("时间序列图表新增{}一期：{}", data.period, data.title),
            Some(_) => format!("时间序列图表按修订重绘：{}", data.title),
        });
    }
    for kind in crate::release::ReleaseKind::ALL {
        if chart::spec::latest(&after.releases, kind).map(|r| &r.id) == Some(&draft.id) && chart::spec::latest(&site.releases, kind).map(|r| &r.id) != Some(&draft.id) {
            changes.push(format!("latest-{} 改为指向本期：嵌入该别名的页面显示本期", kind.name()));
        }
    }

    let json = |value: &dyn erased_json::Json| -> Vec<u8> { value.text().into_bytes() };
    let release_file = |id: &str| format!("{CONTENT}/releases/{id}.json");
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    if let Some(old) = &earlier {
        let bytes = match (served.file)(&release_file(&old.id)) {
            Some(bytes) => bytes,
            None => pretty(old)?,
        };
        files.push((format!("{CONTENT}/releases/versions/{}.v{}.json", old.id, old.version.unwrap_or(1)), bytes));
    }
    // A file of this id that did not read is replaced, and kept as it was.
    if let Some(bytes) = served.skipped.iter().any(|s| s.id == draft.id).then(|| (served.file)(&release_file(&draft.id))).flatten() {
        files.push((format!("{CONTENT}/releases/versions/{}.unreadable-{date}.json", draft.id), bytes));
    }
    // The releases the site lists and could not read: their files broken or gone.
    let listed = old_index(served);
    let mut unreadable: Vec<(String, String)> = served.skipped.iter().map(|s| (s.id.clone(), s.error.chinese())).collect();
    for entry in &listed {
        let id = entry_id(entry);
        if !site.releases.iter().any(|r| r.id == id) && !unreadable.iter().any(|(i, _)| *i == id) {
            unreadable.push((id.to_owned(), format!("{}：文件不存在", release_file(id))));
        }
    }
    unreadable.retain(|(id, _)| *id != draft.id);
    let mut skipped: Vec<String> = unreadable.iter().map(|(_, why)| format!("{why}（未改动：该期已发布的图表保持原样，修正此文件后可重新发布）")).collect();
    files.push((release_file(&draft.id), pretty(&draft)?));
    for (lang, charts) in [(Lang::Zh, &own_zh), (Lang::En, &own_en)] {
        files.push((chart_file(&draft.id, lang), wire::encode(charts).map_err(|e| refuse(e.to_string()))?));
    }
    let index = serde_json::to_value(after.index(&zh)).map_err(|e| refuse(e.to_string()))?;
    let (index, newest_unreadable) = keep_unreadable(index, &listed, &unreadable, &draft, earlier.is_none(), served);
    files.push(("data/charts/index.json".into(), json(&serde_json::json!({ "releases": index }))));
    for (lang, charts) in [(Lang::Zh, &own_zh), (Lang::En, &own_en)] {
        let dir = format!("data/export/{}/{}", lang.code(), draft.id);
        for data in charts.iter() {
            let drawn = chart::render(data, 800).map_err(|e| refuse(e.to_string()))?;
            files.push((format!("{dir}/{}.svg", data.id), crate::export::standalone_svg(&drawn.svg, data).into_bytes()));
            files.push((format!("{dir}/{}.csv", data.id), crate::export::csv::to_csv(data)?));
            files.push((format!("data/embed/{}/{}/{}.html", lang.code(), draft.id, data.id), embed(data).map_err(|e| refuse(e.to_string()))?.into_bytes()));
        }
        files.push((format!("{dir}/{}.jsonstat.json", draft.id), crate::export::jsonstat::from_release_in(&draft, lang)?.into_bytes()));
    }
    // The site's pages made again from their templates (`data/content/pages/`), so a page that
    // shows `latest-<kind>` shows this release, read right without JavaScript; with the images of
    // this release's later charts.
    let mut all = zh.clone();
    all.extend(en.iter().cloned());
    // The pages are made again unless a release that did not read is still the newest of its kind
    // (made without it, they would show an older one in its place); a page that shows a release
    // that did not read stays as it is. Either is said.
    if !newest_unreadable.is_empty() && !served.pages.is_empty() {
        let names: Vec<&str> = served.pages.iter().map(|(name, _)| name.as_str()).collect();
        skipped.push(format!("页面 {} 未重新生成（保持原样）：其中最新的 {} 无法读取，修正后再次发布即可更新页面", names.join("、"), newest_unreadable.join("、")));
    }
    for (name, template) in served.pages.iter().filter(|_| newest_unreadable.is_empty()) {
        let (html, images) = match crate::prerender::site_page_with_images(template, &after.releases, &all) {
            Ok(made) => made,
            Err(err) if !unreadable.is_empty() => {
                skipped.push(format!("页面 {name} 未重新生成（保持原样）：{err}"));
                continue;
            }
            Err(err) => return Err(refuse(format!("{name}: {err}"))),
        };
        files.push((name.clone(), html.into_bytes()));
        let own_dir = format!("/{}/", draft.id);
        for (path, svg) in images.into_iter().filter(|(path, _)| path.contains(&own_dir)) {
            if !files.iter().any(|(p, _)| *p == path) {
                files.push((path, svg.into_bytes()));
            }
        }
    }
    Ok(Publication { release: draft, files, changes, errors, charts: own_zh.into_iter().chain(own_en).collect(), skipped })
}

/// Where a site serves a release's chart data in `lang`.
pub fn chart_file(id: &str, lang: Lang) -> String {
    format!("data/charts/{}", wire::file_name(id, lang))
}

/// The entries of the list of releases the site serves now (`data/charts/index.json`), or none.
fn old_index(served: &Served) -> Vec<serde_json::Value> {
    (served.file)("data/charts/index.json")
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .and_then(|v| v.get("releases").and_then(serde_json::Value::as_array).cloned())
        .unwrap_or_default()
}

fn entry_id(entry: &serde_json::Value) -> &str {
    entry.get("id").and_then(serde_json::Value::as_str).unwrap_or_default()
}

/// The list of releases `index` (of the site's readable releases, with `draft`), with the entries
/// the site's list (`listed`) had of releases that did not read (`unreadable`) put back as they
/// were, where their chart data are there: each after the entry it followed. Such an entry keeps
/// its `latest-<kind>` alias, the others losing it, unless the draft is new and takes it as the
/// newest readable of that kind. Also the ids of the entries put back that are still the newest of
/// their kind.
fn keep_unreadable(index: serde_json::Value, listed: &[serde_json::Value], unreadable: &[(String, String)], draft: &Release, new: bool, served: &Served) -> (serde_json::Value, Vec<String>) {
    use serde_json::Value;
    let Value::Array(mut entries) = index else { return (index, Vec::new()) };
    let mut carried = Vec::new();
    let aliases = |entry: &Value| entry.get("aliases").and_then(Value::as_array).cloned().unwrap_or_default();
    let draft_aliases = entries.iter().find(|e| entry_id(e) == draft.id).map(aliases).unwrap_or_default();
    for (i, entry) in listed.iter().enumerate() {
        let id = entry_id(entry);
        if !unreadable.iter().any(|(u, _)| u == id) || !(served.has)(&chart_file(id, Lang::Zh)) {
            continue;
        }
        let mut kept = aliases(entry);
        kept.retain(|a| !(new && draft_aliases.contains(a)));
        for other in entries.iter_mut() {
            if let Some(list) = other.get_mut("aliases").and_then(Value::as_array_mut) {
                list.retain(|a| !kept.contains(a));
            }
        }
        carried.push(id);
        let mut entry = entry.clone();
        entry["aliases"] = Value::Array(kept);
        let at = listed[..i].iter().rev().find_map(|before| entries.iter().position(|e| entry_id(e) == entry_id(before))).map_or(0, |p| p + 1);
        entries.insert(at, entry);
    }
    let newest = entries
        .iter()
        .filter(|e| carried.contains(&entry_id(e)) && e.get("aliases").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).any(|a| a.starts_with("latest-")))
        .map(|e| entry_id(e).to_owned())
        .collect();
    (Value::Array(entries), newest)
}

/// What an imported draft leaves out and the site's releases say: the English names of its
/// regions, rank scopes and indicators, its place and publishers in English, its kind and place.
/// Only where the draft says nothing and a published release says it for the same words.
pub fn fill_from_site(draft: &mut Release, site: &Site) {
    let published = || site.releases.iter();
    let comparator_en = |name: &str| published().flat_map(|r| &r.facts).flat_map(|f| &f.gaps).find(|g| g.comparator == name && g.comparator_en.is_some()).and_then(|g| g.comparator_en.clone());
    let scope_en = |name: &str| published().flat_map(|r| &r.facts).flat_map(|f| &f.ranks).find(|r| r.scope == name && r.scope_en.is_some()).and_then(|r| r.scope_en.clone());
    let name_en = |fact: &crate::Fact| {
        let registry = site.spec.indicators.get(fact.indicator_id()).filter(|i| i.names().any(|n| n == fact.name)).and_then(|i| i.name_en.clone());
        registry.or_else(|| published().flat_map(|r| &r.facts).find(|f| f.name == fact.name && f.name_en.is_some()).and_then(|f| f.name_en.clone()))
    };
    for fact in &mut draft.facts {
        for gap in fact.gaps.iter_mut().filter(|g| g.comparator_en.is_none()) {
            gap.comparator_en = comparator_en(&gap.comparator);
        }
        for rank in fact.ranks.iter_mut().filter(|r| r.scope_en.is_none()) {
            rank.scope_en = scope_en(&rank.scope);
        }
        if fact.name_en.is_none() {
            fact.name_en = name_en(fact);
        }
    }
    // A draft read from a file or pasted names that as its source; the release is its own.
    let document = draft.source.document.trim();
    if document.is_empty() || ["粘贴的文本", "草稿", "CSV草稿", "标准输入"].contains(&document) || [".txt", ".md", ".csv", ".json"].iter().any(|e| document.to_lowercase().ends_with(e)) {
        draft.source.document = format!("《{}》", draft.title);
    }
    // The newest release of its kind by the same office: its place and publishers.
    let kind = draft.kind();
    if let Some(like) = chart::spec::latest(published(), kind) {
        if draft.publishers.is_empty() {
            draft.publishers = like.publishers.clone();
        }
        if draft.publishers == like.publishers && draft.publishers_en.is_empty() {
            draft.publishers_en = like.publishers_en.clone();
        }
        if draft.place.is_none() && draft.place().0 == like.place().0 {
            draft.place = like.place.clone();
        }
        if draft.place.as_deref() == like.place.as_deref() && draft.place_en.is_none() {
            draft.place_en = like.place_en.clone();
        }
        draft.kind.get_or_insert(kind);
    }
}

/// The id a draft is published under when it has none of its own: `2025-1-7-indicators`,
/// `2024-bulletin`, `2023-1-3-fiscal`.
pub fn release_id(release: &Release) -> String {
    use crate::release::Period;
    let kind = release.kind().name();
    match &release.period {
        Period::Year { year } => format!("{year}-{kind}"),
        Period::Cumulative { year, from_month, to_month } => format!("{year}-{from_month}-{to_month}-{kind}"),
        Period::Month { year, month } => format!("{year}-{month}-{kind}"),
        Period::AsOf { date } => format!("{date}-{kind}"),
    }
}

/// The release file's text, as the content folder keeps it.
fn pretty(release: &Release) -> Result<Vec<u8>, Error> {
    let mut text = serde_json::to_string_pretty(release).map_err(|e| Error::from(ErrorKind::Io { origin: release.id.clone(), message: e.to_string() }))?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// The element a CMS page pastes: the chart's `<xixia-stat>` with the pre-rendered chart,
/// summary, table and downloads inside.
fn embed(data: &ChartData) -> Result<String, crate::prerender::PrerenderError> {
    let mut html = String::new();
    let lang = if data.lang == Lang::En { r#" lang="en""# } else { "" };
    let _ = write!(html, r#"<xixia-stat chart="{}" release="{}"{lang}>"#, crate::chart::svg::escape(&data.id), crate::chart::svg::escape(&data.release));
    html.push_str(&crate::prerender::figure(data, &format!("embed-{}", data.id))?);
    html.push_str("</xixia-stat>\n");
    Ok(html)
}

/// Compact JSON text of any serializable value, with a final newline, as the build writes it.
mod erased_json {
    pub trait Json {
        fn text(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn text(&self) -> String {
            serde_json::to_string(self).unwrap_or_default() + "\n"
        }
    }
}

/// The files as one zip, deflated, every entry dated 1980-01-01 00:00 (the zip format's first day)
/// so the same files always make the same bytes.
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, Error> {
    use std::io::Write as _;
    let fail = |e: &dyn std::fmt::Display| Error::from(ErrorKind::Io { origin: "zip".into(), message: e.to_string() });
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (path, bytes) in files {
        if !safe_path(path) {
            return Err(fail(&format!("{path}: a path outside the site folder")));
        }
        writer.start_file(path.as_str(), options).map_err(|e| fail(&e))?;
        writer.write_all(bytes).map_err(|e| fail(&e))?;
    }
    Ok(writer.finish().map_err(|e| fail(&e))?.into_inner())
}

/// Whether `path` (of a [`Publication`]'s files) stays inside the site folder: relative, no `..`,
/// no empty part. Every path publishing makes does; this is the check before anything is written.
pub fn safe_path(path: &str) -> bool {
    !path.is_empty() && !path.starts_with('/') && !path.contains('\\') && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}
