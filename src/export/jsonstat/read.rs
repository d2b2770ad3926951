//! A JSON-stat document read as a release: our own export exactly, anybody's dataset as one fact
//! per non-missing cell, a collection as the one dataset embedded in it.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::cube::{tree, Cat, Ctx, Cube, Members};
use super::{read_period, Extension, CONTRIBUTION, EXTENSION, GROWTH, INCREASE, SHARE};
use crate::error::{Error, ErrorKind};
use crate::fact::{Contribution, Fact, Growth, Quantity, StatedShare};
use crate::load;
use crate::release::{validate_date, Footnote, Period, Release, Source, Status};
use crate::unit::Unit;

/// Reads a JSON-stat 2.0 dataset as a release. Our own export reads back as the release it was
/// written from; any other dataset reads as a release whose facts are its non-missing cells
/// (see `docs/export.md`). A collection holding exactly one embedded dataset reads as that
/// dataset. Errors name the JSON path of the problem.
///
/// ```
/// let json = r#"{"version": "2.0", "class": "dataset", "label": "Population", "source": "SSB",
///   "id": ["time", "region"], "size": [1, 2], "role": {"time": ["time"]},
///   "dimension": {
///     "time": {"category": {"index": ["2023"]}},
///     "region": {"category": {"index": ["0301", "1103"], "label": {"0301": "Oslo", "1103": "Stavanger"}}}
///   },
///   "value": [709037, 148986]}"#;
/// let release = xixia_stats::export::jsonstat::to_release(json).unwrap();
/// assert_eq!(release.facts[1].id, "1103");
/// assert_eq!(release.facts[1].name, "Stavanger");
/// assert_eq!(release.facts[1].value.as_ref().unwrap().amount.to_string(), "148986");
///
/// let err = xixia_stats::export::jsonstat::to_release(&json.replace("[1, 2]", "[1, 3]")).unwrap_err();
/// assert!(err.to_string().contains("`dimension.region.category.index`"), "{err}");
/// ```
pub fn to_release(json: &str) -> Result<Release, Error> {
    read(json, "dataset")
}

/// Whether a text that is not a release is JSON-stat: a JSON object with `version` or `class`
/// (keys a release never has), or a JSON-stat 1.x bundle (datasets by id, each with `dimension`
/// and `value`). The loader calls [`read`] for these, so that errors speak JSON-stat.
pub(crate) fn looks_like(text: &str) -> bool {
    match serde_json::from_str::<Members>(text) {
        Ok(members) => members.contains_key("version") || members.contains_key("class") || is_bundle(&members),
        Err(_) => false,
    }
}

fn is_bundle(members: &Members) -> bool {
    !members.is_empty()
        && members.values().all(|raw| serde_json::from_str::<Members>(raw.get()).is_ok_and(|inner| inner.contains_key("dimension") && inner.contains_key("value")))
}

/// [`to_release`] with `origin` naming the input in errors.
pub(crate) fn read(text: &str, origin: &str) -> Result<Release, Error> {
    if text.len() > load::MAX_BYTES {
        return Err(ErrorKind::TooLarge { origin: origin.to_owned(), bytes: text.len(), limit: load::MAX_BYTES }.into());
    }
    let text = text.strip_prefix(load::BOM).unwrap_or(text);
    let top = Ctx { origin, prefix: String::new() };
    let members: Members = serde_json::from_str(text).map_err(|err| if err.is_data() { top.err("(top level)", "is not a JSON object") } else { load::syntax_error(origin, &err) })?;
    let map = &tree(&members, &top)?;
    match map.get("version") {
        Some(Value::String(version)) if version == "2.0" => {}
        Some(other) => return Err(top.err("version", format!("is {other}; only JSON-stat 2.0 is read"))),
        None if is_bundle(&members) => {
            return Err(top.err("(top level)", "is a JSON-stat 1.x bundle of datasets; only JSON-stat 2.0 (`\"version\": \"2.0\"`, `\"class\": \"dataset\"`) is read"));
        }
        None => return Err(top.err("version", "is missing; only JSON-stat 2.0 (`\"version\": \"2.0\"`) is read")),
    }
    match map.get("class") {
        Some(Value::String(class)) if class == "dataset" => dataset(&members, map, &top),
        None if map.contains_key("value") && map.contains_key("dimension") => dataset(&members, map, &top),
        Some(Value::String(class)) if class == "collection" => collection(&members, &top),
        Some(Value::String(class)) if class == "dimension" => Err(top.err("class", "is \"dimension\": a dimension alone holds no figures; give a dataset")),
        Some(other) => Err(top.err("class", format!("{other} is not a JSON-stat class (dataset, collection, dimension)"))),
        None => Err(top.err("class", "is missing; a JSON-stat 2.0 dataset says `\"class\": \"dataset\"`")),
    }
}

/// A collection reads as the one dataset embedded in it.
fn collection(members: &Members, ctx: &Ctx) -> Result<Release, Error> {
    #[derive(Deserialize)]
    struct Link<'a> {
        #[serde(borrow)]
        item: Option<Vec<&'a RawValue>>,
    }
    let link: Option<Link> = members.get("link").map(|raw| serde_json::from_str(raw.get())).transpose().map_err(|err| ctx.err("link", err.to_string()))?;
    let items = link.and_then(|l| l.item).ok_or_else(|| ctx.err("link.item", "is missing: a collection lists its items there"))?;
    let embedded: Vec<(usize, Members)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, raw)| serde_json::from_str::<Members>(raw.get()).ok().map(|m| (i, m)))
        .filter(|(_, m)| m.get("class").is_some_and(|c| c.get() == "\"dataset\"") && m.contains_key("value") && m.contains_key("dimension"))
        .collect();
    let [(i, item)] = embedded.as_slice() else {
        let message = if embedded.is_empty() {
            format!("a collection of {} item(s), none of them an embedded dataset (linked items are not fetched); give the dataset itself", items.len())
        } else {
            format!("a collection of {} embedded datasets; give one dataset (or a collection of one)", embedded.len())
        };
        return Err(ctx.err("link.item", message));
    };
    let ctx = Ctx { origin: ctx.origin, prefix: ctx.path(&format!("link.item[{i}]")) };
    dataset(item, &tree(item, &ctx)?, &ctx)
}

/// A dataset, read into a cube and then into a release.
fn dataset(members: &Members, map: &Map<String, Value>, ctx: &Ctx) -> Result<Release, Error> {
    let cube = Cube::read(members, map, ctx)?;
    let ours = map.get("extension").and_then(|e| e.get(EXTENSION));
    let release = match ours {
        Some(ext) => {
            let extension: Extension = serde_path_to_error::deserialize(ext).map_err(|err| {
                let at = err.path().to_string();
                ctx.err(&format!("extension.{EXTENSION}{}", if at == "." { String::new() } else { format!(".{at}") }), err.into_inner().to_string())
            })?;
            own(cube, extension, ctx)?
        }
        None => foreign(cube, ctx)?,
    };
    let problems = load::validate(&release);
    if problems.is_empty() {
        Ok(release)
    } else {
        Err(ErrorKind::Invalid { origin: ctx.origin.to_owned(), problems }.into())
    }
}

/// A unit from a category's unit object: a known unit among its symbol, label and base, else the
/// first of them as printed, else a pure number.
fn unit_of(cat: &Cat) -> Unit {
    cat.unit.iter().map(|name| Unit::from(name.as_str())).find(Unit::is_known).or_else(|| cat.unit.first().map(|name| Unit::from(name.as_str()))).unwrap_or(Unit::Pure)
}

/// Our own export, read back exactly.
fn own(cube: Cube, ext: Extension, ctx: &Ctx) -> Result<Release, Error> {
    let dim = |id: &str| cube.dims.iter().position(|d| d.id == id).ok_or_else(|| ctx.err("id", format!("has no dimension {id:?}, which our export always writes")));
    let (time, indicator) = (dim("time")?, dim("indicator")?);
    if let Some((i, d)) = cube.dims.iter().enumerate().find(|(i, d)| *i != time && *i != indicator && d.cats.len() != 1) {
        return Err(ctx.err(&format!("dimension.{}", d.id), format!("has {} categories; besides time and indicator our export has only single-category dimensions (`size[{i}]`)", d.cats.len())));
    }
    let periods = cube.dims[time]
        .cats
        .iter()
        .enumerate()
        .map(|(i, c)| read_period(&c.id).ok_or_else(|| ctx.err(&format!("dimension.time.category.index[{i}]"), format!("{:?} is not a period", c.id))))
        .collect::<Result<Vec<Period>, Error>>()?;
    let release_period = periods.first().cloned().ok_or_else(|| ctx.err("dimension.time.category.index", "is empty: the first period is the release's"))?;

    // Each indicator category holds one figure, in one period.
    let mut figures: HashMap<&str, (Decimal, usize, &Cat)> = HashMap::new();
    for cell in &cube.cells {
        let (Some(cat), Some(&t)) = (cube.cat(indicator, cell), cell.coords.get(time)) else { continue };
        if figures.insert(cat.id.as_str(), (cell.amount, t, cat)).is_some() {
            return Err(ctx.err("value", format!("indicator {:?} has figures in two periods; each of our figures has one", cat.id)));
        }
    }
    let mut claimed = HashSet::new();
    let fact_ids: HashSet<String> = ext.facts.iter().map(|f| f.id.clone()).collect();
    let mut facts = Vec::with_capacity(ext.facts.len());
    for (i, f) in ext.facts.into_iter().enumerate() {
        let at = format!("extension.{EXTENSION}.facts[{i}]");
        let mut take = |suffix: &str| {
            let id = format!("{}{suffix}", f.id);
            // A figure named like another fact (`x.increase`) is that fact's value, not this one's.
            if !suffix.is_empty() && fact_ids.contains(&id) {
                return None;
            }
            let found = figures.get(id.as_str()).copied();
            if found.is_some() {
                claimed.insert(id);
            }
            found
        };
        let (value, growth, increase, share, contribution) = (take(""), take(GROWTH), take(INCREASE), take(SHARE), take(CONTRIBUTION));
        let needs = |what: &str, suffix: &str| ctx.err(&at, format!("fact {:?} states {what}, but the indicator {:?} has no figure", f.id, format!("{}{suffix}", f.id)));
        let present = [value, growth, increase, share, contribution];
        let mut times = present.iter().flatten().map(|(_, t, _)| *t);
        let t = times.next().unwrap_or(0);
        if times.any(|other| other != t) {
            return Err(ctx.err(&at, format!("the figures of fact {:?} are in different periods", f.id)));
        }
        let period = match (t, f.period_keyed) {
            (0, false) => None,
            _ => periods.get(t).cloned(),
        };
        let note = present.iter().flatten().find(|(.., cat)| !cat.notes.is_empty()).map(|(.., cat)| cat.notes.join("\n"));
        let growth = match f.growth {
            Some(g) => {
                let (rate, ..) = growth.ok_or_else(|| needs("a growth", GROWTH))?;
                Some(Growth { rate, form: g.form, basis: g.basis, prices: g.prices })
            }
            None => None,
        };
        let share = match f.share_of {
            Some(of) => Some(StatedShare { of, percent: share.ok_or_else(|| needs("a share", SHARE))?.0 }),
            None => None,
        };
        let contribution = match f.contribution_to {
            Some(to) => Some(Contribution { to, points: contribution.ok_or_else(|| needs("a contribution", CONTRIBUTION))?.0 }),
            None => None,
        };
        facts.push(Fact {
            value: value.map(|(amount, _, cat)| Quantity { amount, unit: unit_of(cat), decimals: f.value_decimals }),
            increase: increase.map(|(amount, _, cat)| Quantity { amount, unit: unit_of(cat), decimals: f.increase_decimals }),
            id: f.id,
            indicator: None,
            name: f.name,
            name_en: f.name_en,
            sentence: f.sentence,
            period,
            growth,
            gaps: f.gaps,
            ranks: f.ranks,
            contribution,
            share,
            footnotes: f.footnotes,
            note,
        });
    }
    if let Some(stray) = cube.dims[indicator].cats.iter().find(|c| figures.contains_key(c.id.as_str()) && !claimed.contains(&c.id)) {
        return Err(ctx.err("dimension.indicator.category.index", format!("indicator {:?} belongs to no fact of `extension.{EXTENSION}.facts`", stray.id)));
    }

    let r = ext.release;
    if r.footnotes.len() != cube.notes.len() {
        return Err(ctx.err("note", format!("has {} notes but `extension.{EXTENSION}.release.footnotes` has {} ids", cube.notes.len(), r.footnotes.len())));
    }
    let publishers = match (r.publishers, &cube.source) {
        (Some(publishers), _) => publishers,
        (None, Some(source)) => source.split('、').map(str::to_owned).collect(),
        (None, None) => Vec::new(),
    };
    Ok(Release {
        id: r.id,
        kind: r.kind,
        place: r.place,
        place_en: r.place_en,
        title: match r.title {
            Some(title) => title,
            None => cube.label.ok_or_else(|| ctx.err("label", "is missing: it is the release's title"))?,
        },
        title_en: r.title_en,
        publishers,
        publishers_en: r.publishers_en,
        period: release_period,
        published: cube.updated,
        version: None,
        revised: None,
        next_release: None,
        status: r.status,
        source: r.source,
        footnotes: r.footnotes.into_iter().zip(cube.notes).map(|(id, text)| Footnote { id, text }).collect(),
        sections: r.sections,
        sentences: r.sentences,
        facts,
        breakdowns: r.breakdowns,
        ratios: r.ratios,
        series: r.series,
        tables: r.tables,
    })
}

/// Anyone's dataset: one fact per non-missing cell.
fn foreign(cube: Cube, ctx: &Ctx) -> Result<Release, Error> {
    let periods: Option<Vec<Period>> = cube.time.and_then(|t| {
        cube.dims[t].cats.iter().map(|c| read_period(&c.id).or_else(|| c.label.as_deref().and_then(read_period))).collect::<Option<Vec<Period>>>().filter(|p| !p.is_empty())
    });
    let release_period = match &periods {
        Some(periods) => periods.last().cloned(),
        None => cube.updated.as_deref().and_then(|u| u.get(..4)).and_then(|y| y.parse().ok()).map(|year| Period::Year { year }),
    }
    .ok_or_else(|| ctx.err("role.time", "no time dimension reads as periods (2022, 2023-02, 2023M02, 2023Q2, 2023-03-31), and there is no `updated` date to take the year from"))?;
    let time_read = if periods.is_some() { cube.time } else { None };

    let varying: Vec<usize> = match (0..cube.dims.len()).filter(|&d| cube.dims[d].cats.len() > 1).collect::<Vec<_>>() {
        none if none.is_empty() => (0..cube.dims.len()).collect(),
        some => some,
    };
    let named: Vec<usize> = (0..cube.dims.len()).filter(|d| cube.metric.contains(d) || (varying.contains(d) && Some(*d) != time_read)).collect();
    let mut facts = Vec::with_capacity(cube.cells.len());
    for cell in &cube.cells {
        let cats = |dims: &[usize]| dims.iter().filter_map(|&d| cube.cat(d, cell)).collect::<Vec<&Cat>>();
        let id = cats(&varying).iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(".");
        let name = cats(&named).iter().map(|c| c.label.as_deref().unwrap_or(&c.id)).collect::<Vec<_>>().join(" · ");
        let name = if name.is_empty() { cube.label.clone().unwrap_or_else(|| id.clone()) } else { name };
        let all: Vec<&Cat> = cats(&(0..cube.dims.len()).collect::<Vec<_>>());
        let with_unit = cube.metric.iter().filter_map(|&d| cube.cat(d, cell)).chain(all.iter().copied()).find(|c| !c.unit.is_empty() || c.decimals.is_some());
        let decimals = with_unit.and_then(|c| c.decimals).filter(|&d| d > cell.amount.scale());
        let period = time_read.and_then(|t| periods.as_ref().and_then(|p| cell.coords.get(t).and_then(|&c| p.get(c)))).filter(|p| **p != release_period).cloned();
        let mut notes: Vec<String> = all.iter().flat_map(|c| c.notes.iter().cloned()).collect();
        if let Some(status) = &cell.status {
            notes.push(format!("状态：{status}"));
        }
        facts.push(Fact {
            id,
            indicator: None,
            name,
            name_en: None,
            sentence: None,
            period,
            value: Some(Quantity { amount: cell.amount, unit: with_unit.map_or(Unit::Pure, unit_of), decimals }),
            growth: None,
            increase: None,
            gaps: Vec::new(),
            ranks: Vec::new(),
            contribution: None,
            share: None,
            footnotes: Vec::new(),
            note: (!notes.is_empty()).then(|| notes.join("；")),
        });
    }
    let provisional = |s: &str| matches!(s.trim().to_lowercase().as_str(), "p" | "prov" | "provisional" | "preliminary");
    let status = if cube.cells.iter().any(|c| c.status.as_deref().is_some_and(provisional)) { Status::Preliminary } else { Status::Final };
    let title = cube.label.clone().unwrap_or_else(|| "JSON-stat dataset".to_owned());
    Ok(Release {
        id: slug(&title),
        kind: None,
        place: None,
        place_en: None,
        title_en: None,
        publishers: cube.source.iter().cloned().collect(),
        publishers_en: Vec::new(),
        period: release_period,
        published: cube.updated.as_deref().and_then(|u| u.get(..10)).filter(|d| validate_date(d).is_ok()).map(str::to_owned),
        version: None,
        revised: None,
        next_release: None,
        status,
        source: Source { document: cube.href.clone().unwrap_or_else(|| title.clone()), document_en: None, file: None, note: None },
        footnotes: cube.notes.iter().enumerate().map(|(i, text)| Footnote { id: (i + 1).to_string(), text: text.clone() }).collect(),
        title,
        sections: Vec::new(),
        sentences: Vec::new(),
        facts,
        breakdowns: Vec::new(),
        ratios: Vec::new(),
        series: Vec::new(),
        tables: Vec::new(),
    })
}

/// A release id from a title: its ASCII letters and digits, lower case, joined by `-`;
/// `jsonstat` when it has none (a Chinese title).
fn slug(title: &str) -> String {
    let mut id = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            if id.len() >= 60 {
                break;
            }
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "jsonstat".to_owned()
    } else {
        id.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_of_three_digits_is_refused() {
        // Found by the `jsonstat` fuzz target: with no time dimension the year came from
        // `updated` "0212-11-27", and the release's export wrote the time code "212", which does
        // not read back.
        let json = r#"{"version": "2.0", "class": "dataset", "updated": "0212-11-27", "id": ["area"], "size": [1],
            "dimension": {"area": {"category": {"index": ["AU"]}}}, "value": [5.9]}"#;
        let err = to_release(json).unwrap_err().to_string();
        assert!(err.contains("field `period`: year 212 is not a year of four digits"), "{err}");
        assert!(to_release(&json.replace("0212", "2012")).is_ok());
    }

    #[test]
    fn a_fact_named_like_another_facts_figure_reads_back_as_itself() {
        // Found by the `jsonstat` fuzz target: facts `x` and `x.increase`, each with a value, were
        // exported as the indicators `x` and `x.increase`, and read back with `x.increase` as the
        // increase of `x` as well as the value of `x.increase`.
        let json = r#"{"id": "t", "title": "测试", "publishers": ["西夏区统计局"], "period": {"kind": "year", "year": 2022},
            "status": "final", "source": {"document": "测试"},
            "facts": [{"id": "x", "name": "甲", "value": {"amount": "36346", "unit": "元"}},
                      {"id": "x.increase", "name": "乙", "value": {"amount": "1417", "unit": "元"}}]}"#;
        let release = load::from_json(json, "t.json").unwrap();
        let exported = super::super::from_release(&release).unwrap();
        assert_eq!(to_release(&exported).unwrap(), release);
    }

    #[test]
    fn titles_make_release_ids() {
        assert_eq!(slug("Unemployment rate in the OECD countries 2003-2014"), "unemployment-rate-in-the-oecd-countries-2003-2014");
        assert_eq!(slug("西夏区人口"), "jsonstat");
        assert_eq!(slug("  GDP (€ m)  "), "gdp-m");
    }
}
