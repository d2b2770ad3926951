//! Any JSON-stat 2.0 dataset read into its dimensions and non-missing cells. Every error names
//! the JSON path; `value` is read from its text, so every number keeps its digits.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind};

/// A JSON object's members, each kept as its text: numbers in `value` are read from these, never
/// through a JSON value (whose numbers are binary floating point).
pub(super) type Members<'a> = HashMap<String, &'a RawValue>;

/// The members as JSON values, except `value` and `link`, which stay text (`null` here).
pub(super) fn tree(members: &Members, ctx: &Ctx) -> Result<Map<String, Value>, Error> {
    let mut map = Map::new();
    for (key, raw) in members {
        let value = match key.as_str() {
            "value" | "link" => Value::Null,
            _ => serde_json::from_str(raw.get()).map_err(|err| ctx.err(key, err.to_string()))?,
        };
        map.insert(key.clone(), value);
    }
    Ok(map)
}

/// Where in the document we are, for errors.
pub(super) struct Ctx<'a> {
    pub(super) origin: &'a str,
    pub(super) prefix: String,
}

impl Ctx<'_> {
    pub(super) fn path(&self, rest: &str) -> String {
        match (self.prefix.is_empty(), rest.is_empty()) {
            (true, _) => rest.to_owned(),
            (false, true) => self.prefix.clone(),
            (false, false) => format!("{}.{rest}", self.prefix),
        }
    }

    pub(super) fn err(&self, rest: &str, message: impl Into<String>) -> Error {
        ErrorKind::JsonStat { origin: self.origin.to_owned(), path: self.path(rest), message: message.into() }.into()
    }
}

/// A dataset's dimensions and non-missing cells.
pub(super) struct Cube {
    pub(super) label: Option<String>,
    pub(super) source: Option<String>,
    pub(super) updated: Option<String>,
    pub(super) href: Option<String>,
    pub(super) notes: Vec<String>,
    pub(super) dims: Vec<Dim>,
    pub(super) time: Option<usize>,
    pub(super) metric: Vec<usize>,
    pub(super) cells: Vec<Cell>,
}

pub(super) struct Dim {
    pub(super) id: String,
    pub(super) cats: Vec<Cat>,
}

pub(super) struct Cat {
    pub(super) id: String,
    pub(super) label: Option<String>,
    /// Unit candidates in order of preference: `symbol`, `label`, `base`.
    pub(super) unit: Vec<String>,
    pub(super) decimals: Option<u32>,
    pub(super) notes: Vec<String>,
}

pub(super) struct Cell {
    pub(super) coords: Vec<usize>,
    pub(super) amount: Decimal,
    pub(super) status: Option<String>,
}

impl Cube {
    pub(super) fn read(members: &Members, map: &Map<String, Value>, ctx: &Ctx) -> Result<Cube, Error> {
        let label = opt_string(map, "label", ctx)?;
        let source = opt_string(map, "source", ctx)?;
        let updated = opt_string(map, "updated", ctx)?;
        let href = opt_string(map, "href", ctx)?;
        let notes = strings(map.get("note"), "note", ctx)?;

        let ids = match map.get("id") {
            Some(Value::Array(ids)) => ids
                .iter()
                .enumerate()
                .map(|(i, id)| id.as_str().map(str::to_owned).ok_or_else(|| ctx.err(&format!("id[{i}]"), format!("{id} is not a dimension id (a string)"))))
                .collect::<Result<Vec<String>, Error>>()?,
            Some(other) => return Err(ctx.err("id", format!("{} is not an array of dimension ids", kind(other)))),
            None => return Err(ctx.err("id", "is missing: a dataset lists its dimension ids there")),
        };
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            if !seen.insert(id) {
                return Err(ctx.err(&format!("id[{i}]"), format!("{id:?} is listed twice")));
            }
        }
        let sizes = match map.get("size") {
            Some(Value::Array(sizes)) => sizes
                .iter()
                .enumerate()
                .map(|(i, s)| s.as_u64().and_then(|s| usize::try_from(s).ok()).ok_or_else(|| ctx.err(&format!("size[{i}]"), format!("{s} is not a count of categories"))))
                .collect::<Result<Vec<usize>, Error>>()?,
            Some(other) => return Err(ctx.err("size", format!("{} is not an array of counts", kind(other)))),
            None => return Err(ctx.err("size", "is missing: a dataset gives the number of categories of each dimension there")),
        };
        if sizes.len() != ids.len() {
            return Err(ctx.err("size", format!("has {} entries but `id` has {}", sizes.len(), ids.len())));
        }
        let dimensions = match map.get("dimension") {
            Some(Value::Object(d)) => d,
            Some(other) => return Err(ctx.err("dimension", format!("{} is not an object of dimensions", kind(other)))),
            None => return Err(ctx.err("dimension", "is missing")),
        };
        let dims = ids
            .iter()
            .zip(&sizes)
            .enumerate()
            .map(|(i, (id, &size))| Dim::read(id, dimensions.get(id), size, i, ctx))
            .collect::<Result<Vec<Dim>, Error>>()?;

        let role = |name: &str| -> Result<Vec<usize>, Error> {
            let Some(list) = map.get("role").and_then(|r| r.get(name)) else { return Ok(Vec::new()) };
            let Value::Array(list) = list else { return Err(ctx.err(&format!("role.{name}"), "is not an array of dimension ids")) };
            list.iter()
                .enumerate()
                .map(|(i, id)| {
                    id.as_str()
                        .and_then(|id| ids.iter().position(|known| known == id))
                        .ok_or_else(|| ctx.err(&format!("role.{name}[{i}]"), format!("{id} is not one of the dataset's dimensions ({})", ids.join(", "))))
                })
                .collect()
        };
        let time = role("time")?.first().copied().or_else(|| ids.iter().position(|id| id.eq_ignore_ascii_case("time")));
        role("geo")?;
        let metric = role("metric")?;

        let count = sizes.iter().try_fold(1u64, |n, &s| n.checked_mul(s as u64)).ok_or_else(|| ctx.err("size", "makes more cells than can be counted"))?;
        let raw = raw_values(members.get("value").copied(), ctx)?;
        let statuses = Statuses::read(map.get("status"), count, ctx)?;
        let mut cells = Vec::new();
        let mut add = |index: u64, raw: &RawValue, at: String| -> Result<(), Error> {
            let Some(amount) = number(raw.get()).map_err(|message| ctx.err(&at, message))? else { return Ok(()) };
            let mut coords = vec![0; sizes.len()];
            let mut rest = index;
            for (coord, &size) in coords.iter_mut().zip(&sizes).rev() {
                let size = size as u64;
                *coord = usize::try_from(rest % size).unwrap_or(0);
                rest /= size;
            }
            cells.push(Cell { coords, amount, status: statuses.get(index) });
            Ok(())
        };
        match raw {
            RawValues::Array(values) => {
                if values.len() as u64 != count {
                    return Err(ctx.err("value", format!("has {} values but `size` {sizes:?} makes {count} cells", values.len())));
                }
                for (i, raw) in values.iter().enumerate() {
                    add(i as u64, raw, format!("value[{i}]"))?;
                }
            }
            RawValues::Object(mut values) => {
                let mut indexed = Vec::with_capacity(values.len());
                for (key, raw) in values.drain(..) {
                    let index = key.parse::<u64>().ok().filter(|&i| i < count).ok_or_else(|| ctx.err(&format!("value.{key:?}"), format!("is not a cell index below {count}")))?;
                    indexed.push((index, key, raw));
                }
                indexed.sort_by_key(|(index, ..)| *index);
                for (index, key, raw) in indexed {
                    add(index, raw, format!("value.{key:?}"))?;
                }
            }
        }
        Ok(Cube { label, source, updated, href, notes, dims, time, metric, cells })
    }

    pub(super) fn cat(&self, dim: usize, cell: &Cell) -> Option<&Cat> {
        self.dims.get(dim).and_then(|d| cell.coords.get(dim).and_then(|&c| d.cats.get(c)))
    }
}

impl Dim {
    pub(super) fn read(id: &str, value: Option<&Value>, size: usize, i: usize, ctx: &Ctx) -> Result<Dim, Error> {
        let at = format!("dimension.{id}");
        let Some(Value::Object(dim)) = value else {
            return Err(ctx.err(&at, format!("is missing or not an object; `id[{i}]` names this dimension")));
        };
        let Some(Value::Object(category)) = dim.get("category") else {
            return Err(ctx.err(&format!("{at}.category"), "is missing or not an object"));
        };
        let labels = match category.get("label") {
            None => Map::new(),
            Some(Value::Object(labels)) => labels.clone(),
            Some(other) => return Err(ctx.err(&format!("{at}.category.label"), format!("{} is not an object of labels", kind(other)))),
        };
        let index_at = format!("{at}.category.index");
        let ids: Vec<String> = match category.get("index") {
            Some(Value::Array(ids)) => ids
                .iter()
                .enumerate()
                .map(|(j, c)| c.as_str().map(str::to_owned).ok_or_else(|| ctx.err(&format!("{index_at}[{j}]"), format!("{c} is not a category id"))))
                .collect::<Result<_, _>>()?,
            Some(Value::Object(positions)) => {
                let mut ids = vec![None; positions.len()];
                for (cat, position) in positions {
                    let slot = position.as_u64().and_then(|p| usize::try_from(p).ok()).and_then(|p| ids.get_mut(p));
                    match slot {
                        Some(slot @ None) => *slot = Some(cat.clone()),
                        _ => return Err(ctx.err(&format!("{index_at}.{cat}"), format!("{position} is not a free position below {}", positions.len()))),
                    }
                }
                ids.into_iter().flatten().collect()
            }
            Some(other) => return Err(ctx.err(&index_at, format!("{} is neither an array nor an object of category ids", kind(other)))),
            None if labels.len() == 1 => labels.keys().cloned().collect(),
            None => return Err(ctx.err(&index_at, "is missing (only a dimension of one labelled category may leave it out)")),
        };
        if ids.len() != size {
            return Err(ctx.err(&index_at, format!("has {} categories but `size[{i}]` is {size}", ids.len())));
        }
        let mut seen = HashSet::new();
        if let Some((j, twice)) = ids.iter().enumerate().find(|(_, cat)| !seen.insert(cat.as_str())) {
            return Err(ctx.err(&format!("{index_at}[{j}]"), format!("{twice:?} is listed twice")));
        }
        let units = match category.get("unit") {
            None => Map::new(),
            Some(Value::Object(units)) => units.clone(),
            Some(other) => return Err(ctx.err(&format!("{at}.category.unit"), format!("{} is not an object of units", kind(other)))),
        };
        let notes = match category.get("note") {
            None => Map::new(),
            Some(Value::Object(notes)) => notes.clone(),
            Some(other) => return Err(ctx.err(&format!("{at}.category.note"), format!("{} is not an object of notes", kind(other)))),
        };
        for (key, what) in units.keys().map(|k| (k, "unit")).chain(notes.keys().map(|k| (k, "note"))) {
            if !ids.contains(key) {
                return Err(ctx.err(&format!("{at}.category.{what}.{key}"), format!("no category {key:?} in this dimension")));
            }
        }
        let cats = ids
            .into_iter()
            .map(|cat| {
                let label = match labels.get(&cat) {
                    None => None,
                    Some(Value::String(label)) => Some(label.clone()),
                    Some(other) => return Err(ctx.err(&format!("{at}.category.label.{cat}"), format!("{other} is not a label"))),
                };
                let (unit, decimals) = match units.get(&cat) {
                    None => (Vec::new(), None),
                    Some(Value::Object(unit)) => {
                        let unit_at = format!("{at}.category.unit.{cat}");
                        let decimals = match unit.get("decimals") {
                            None => None,
                            Some(d) => Some(d.as_u64().and_then(|d| u32::try_from(d).ok()).filter(|&d| d <= 28).ok_or_else(|| ctx.err(&format!("{unit_at}.decimals"), format!("{d} is not a number of decimals (0 to 28)")))?),
                        };
                        let names = ["symbol", "label", "base"].iter().filter_map(|k| unit.get(*k).and_then(Value::as_str)).map(str::to_owned).filter(|s| !s.trim().is_empty()).collect();
                        (names, decimals)
                    }
                    Some(other) => return Err(ctx.err(&format!("{at}.category.unit.{cat}"), format!("{} is not a unit object", kind(other)))),
                };
                let notes = strings(notes.get(&cat), &format!("{at}.category.note.{cat}"), ctx)?;
                Ok(Cat { id: cat, label, unit, decimals, notes })
            })
            .collect::<Result<Vec<Cat>, Error>>()?;
        Ok(Dim { id: id.to_owned(), cats })
    }
}

/// `value`, read from the text so that every number keeps its digits.
enum RawValues<'a> {
    Array(Vec<&'a RawValue>),
    Object(Vec<(String, &'a RawValue)>),
}

fn raw_values<'a>(value: Option<&'a RawValue>, ctx: &Ctx) -> Result<RawValues<'a>, Error> {
    let value = value.ok_or_else(|| ctx.err("value", "is missing: a dataset holds its figures there"))?;
    let text = value.get();
    if text.starts_with('[') {
        serde_json::from_str::<Vec<&RawValue>>(text).map(RawValues::Array).map_err(|err| ctx.err("value", err.to_string()))
    } else if text.starts_with('{') {
        let map: HashMap<String, &RawValue> = serde_json::from_str(text).map_err(|err| ctx.err("value", err.to_string()))?;
        Ok(RawValues::Object(map.into_iter().collect()))
    } else {
        Err(ctx.err("value", format!("{text} is neither an array nor an object of figures")))
    }
}

/// A cell as an exact decimal; `None` for a missing one (`null`).
fn number(raw: &str) -> Result<Option<Decimal>, String> {
    let raw = raw.trim();
    if raw == "null" {
        return Ok(None);
    }
    let exact = |text: &str| -> Result<Decimal, String> {
        let parsed = if text.contains(['e', 'E']) { Decimal::from_scientific(text) } else { Decimal::from_str_exact(text) };
        parsed.map_err(|err| format!("{text} does not fit an exact decimal (at most 28 decimals and 28 digits): {err}"))
    };
    if let Ok(text) = serde_json::from_str::<String>(raw) {
        return crate::decimal::parse(&text).map(Some).map_err(|err| format!("{err}; a figure is a number or null"));
    }
    if raw.starts_with(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
        exact(raw).map(Some)
    } else {
        Err(format!("{raw} is not a figure: a cell holds a number or null"))
    }
}

/// `status`: one for every cell, one per cell, or some cells by index.
enum Statuses {
    None,
    All(String),
    Each(Vec<Option<String>>),
    Some(HashMap<u64, String>),
}

impl Statuses {
    pub(super) fn read(value: Option<&Value>, count: u64, ctx: &Ctx) -> Result<Statuses, Error> {
        let text = |v: &Value, at: &str| -> Result<Option<String>, Error> {
            match v {
                Value::Null => Ok(None),
                Value::String(s) => Ok(Some(s.clone())),
                other => Err(ctx.err(at, format!("{other} is not a status (a string)"))),
            }
        };
        Ok(match value {
            None | Some(Value::Null) => Statuses::None,
            Some(Value::String(s)) => Statuses::All(s.clone()),
            Some(Value::Array(list)) if list.len() == 1 => text(&list[0], "status[0]")?.map_or(Statuses::None, Statuses::All),
            Some(Value::Array(list)) if list.len() as u64 == count => {
                Statuses::Each(list.iter().enumerate().map(|(i, v)| text(v, &format!("status[{i}]"))).collect::<Result<_, _>>()?)
            }
            Some(Value::Array(list)) => return Err(ctx.err("status", format!("has {} entries but the cube has {count} cells", list.len()))),
            Some(Value::Object(map)) => {
                let mut some = HashMap::new();
                for (key, v) in map {
                    let at = format!("status.{key:?}");
                    let index = key.parse::<u64>().ok().filter(|&i| i < count).ok_or_else(|| ctx.err(&at, format!("is not a cell index below {count}")))?;
                    if let Some(s) = text(v, &at)? {
                        some.insert(index, s);
                    }
                }
                Statuses::Some(some)
            }
            Some(other) => return Err(ctx.err("status", format!("{} is not a status, a list or an object of statuses", kind(other)))),
        })
    }

    fn get(&self, index: u64) -> Option<String> {
        match self {
            Statuses::None => None,
            Statuses::All(s) => Some(s.clone()),
            Statuses::Each(list) => usize::try_from(index).ok().and_then(|i| list.get(i).cloned().flatten()),
            Statuses::Some(map) => map.get(&index).cloned(),
        }
    }
}

fn opt_string(map: &Map<String, Value>, key: &str, ctx: &Ctx) -> Result<Option<String>, Error> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(ctx.err(key, format!("{} is not a string", kind(other)))),
    }
}

/// A list of strings (a note); a single string is read as a list of one.
fn strings(value: Option<&Value>, at: &str, ctx: &Ctx) -> Result<Vec<String>, Error> {
    match value {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, v)| v.as_str().map(str::to_owned).ok_or_else(|| ctx.err(&format!("{at}[{i}]"), format!("{v} is not text"))))
            .collect(),
        Some(other) => Err(ctx.err(at, format!("{} is not a list of notes", kind(other)))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_exactly_or_refused() {
        let rows = [("489.91", Some("489.91")), ("13.0", Some("13.0")), ("-14.6", Some("-14.6")), ("null", None), ("1.5e3", Some("1500")), ("\"7.25\"", Some("7.25"))];
        for (raw, expected) in rows {
            assert_eq!(number(raw).unwrap().map(|d| d.to_string()).as_deref(), expected, "{raw}");
        }
        for raw in ["1e400", "123456789012345678901234567890", "0.12345678901234567890123456789", "true", "\"abc\"", "[1]"] {
            assert!(number(raw).is_err(), "{raw}");
        }
    }
}
