//! The site's indicator registry (`indicators.json` in the content folder): one entry per
//! indicator the site follows over time, with its name as offices print it, the other names they
//! print for it, its 口径 note, and the regions it is compared with. A fact states an indicator by
//! its id ([`crate::Fact::indicator_id`]); the registry is where the id is defined once, so the
//! importers give a new release's facts the ids of last month's, and the series of one indicator
//! run across every release that states it ([`crate::series`]).
//!
//! Reading a registry never panics: every problem is an error naming the file, the entry and the
//! field (`indicators.json: indicators[2].id: “gdp” is the id of an earlier indicator`).

use serde::Deserialize;

use crate::chart::SpecError;

/// The largest registry read, in bytes.
pub const MAX_REGISTRY_BYTES: usize = 1 << 20;

/// A site's indicators.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub indicators: Vec<Indicator>,
}

/// One indicator of the registry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// The id facts state it by, the same in every release: `industry-above-scale-va`.
    pub id: String,
    /// Its name as the office prints it: 规模以上工业增加值.
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    /// Other names offices print for it (规上工业增加值), so an import finds the id.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The 口径 a reader needs, printed under its charts: 增速按可比价格计算。
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
    /// The regions its stated gaps compare it with, in the order its charts draw them (自治区,
    /// 银川市). Empty: every region the releases state a gap to.
    #[serde(default)]
    pub comparators: Vec<String>,
}

impl Registry {
    /// Reads a registry from its JSON text; `origin` names it in errors (`indicators.json`).
    ///
    /// ```
    /// use xixia_stats::indicator::Registry;
    /// let err = Registry::from_json(r#"{"indicators": [{"id": "gdp", "name": "地区生产总值"}, {"id": "gdp", "name": "GDP"}]}"#, "indicators.json").unwrap_err();
    /// assert_eq!(err.to_string(), "indicators.json: indicators[1].id: “gdp” is the id of an earlier indicator");
    /// ```
    pub fn from_json(json: &str, origin: &str) -> Result<Registry, SpecError> {
        let err = |place: String, message: String| SpecError { origin: origin.to_owned(), place, message };
        if json.len() > MAX_REGISTRY_BYTES {
            return Err(err("全文".into(), format!("{} bytes is larger than the {MAX_REGISTRY_BYTES}-byte limit", json.len())));
        }
        let registry: Registry =
            serde_json::from_str(json.trim_start_matches('\u{feff}')).map_err(|e| err(format!("line {} column {}", e.line(), e.column()), e.to_string()))?;
        for (i, indicator) in registry.indicators.iter().enumerate() {
            let at = |field: &str| format!("indicators[{i}].{field}");
            if !is_id(&indicator.id) {
                return Err(err(at("id"), format!("“{}” is not an indicator id: use 1 to 64 of a-z, 0-9 and -", indicator.id)));
            }
            if registry.indicators[..i].iter().any(|earlier| earlier.id == indicator.id) {
                return Err(err(at("id"), format!("“{}” is the id of an earlier indicator", indicator.id)));
            }
            if indicator.name.trim().is_empty() {
                return Err(err(at("name"), "is empty".into()));
            }
            for name in std::iter::once(&indicator.name).chain(&indicator.aliases) {
                if let Some(other) = registry.indicators[..i].iter().find(|earlier| earlier.names().any(|n| n == name)) {
                    return Err(err(at("name"), format!("“{name}” is already a name of “{}”: one name, one indicator", other.id)));
                }
            }
        }
        Ok(registry)
    }

    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Every name and other name of every indicator, with its indicator: what an import looks a
    /// printed name up in.
    pub fn names(&self) -> impl Iterator<Item = (&str, &Indicator)> {
        self.indicators.iter().flat_map(|i| i.names().map(move |name| (name, i)))
    }

    /// The indicator printed under this name (its name or one of its aliases).
    pub fn by_name(&self, name: &str) -> Option<&Indicator> {
        let name = name.trim();
        self.indicators.iter().find(|i| i.names().any(|n| n == name))
    }
}

impl Indicator {
    /// Its name and its aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// How a draft's fact is linked to the registry, for staff to see and fix in the preview.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Link {
    /// The fact's id in the draft.
    pub fact: String,
    /// Its name as printed.
    pub name: String,
    /// The period it states, as printed: 2025年1-7月.
    pub period: String,
    /// The registry's indicator it states, if any.
    pub indicator: Option<String>,
    /// That indicator's name.
    pub indicator_name: Option<String>,
    /// How: `id` (its id, or the import's, is the registry's: found by name), `set` (staff chose
    /// it), or `none` (a new indicator, followed by no chart over time).
    pub via: &'static str,
}

/// Applies staff's choices to a draft, `(fact id, indicator id)` pairs (an empty indicator id
/// unlinks the fact), and says how each fact that states a level or a growth for a period a series
/// steps by is linked.
/// A choice naming an indicator the registry has not is an error naming it; one naming a fact the
/// draft no longer has (staff edited the text since) no longer applies.
///
/// ```
/// use xixia_stats::indicator::{relink, Registry};
/// let registry = Registry::from_json(r#"{"indicators": [{"id": "industry-above-scale-va", "name": "规模以上工业增加值"}]}"#, "r").unwrap();
/// let mut draft = xixia_stats::load::from_json(r#"{"id": "d", "title": "样例县2025年1-7月主要经济指标（虚构）", "publishers": ["样例县统计局"],
///     "period": {"kind": "cumulative", "year": 2025, "from_month": 1, "to_month": 7}, "status": "preliminary", "source": {"document": "草稿"},
///     "facts": [{"id": "f-1", "name": "工业增加值（规上）", "growth": {"rate": "6.5", "basis": "cumulative_year_on_year"}}]}"#, "d").unwrap();
/// let links = relink(&mut draft, &registry, &[("f-1".into(), "industry-above-scale-va".into())]).unwrap();
/// assert_eq!((links[0].via, links[0].indicator.as_deref()), ("set", Some("industry-above-scale-va")));
/// assert_eq!(draft.facts[0].indicator_id(), "industry-above-scale-va");
/// assert!(relink(&mut draft, &registry, &[("f-1".into(), "gdp".into())]).is_err());
/// assert!(relink(&mut draft, &registry, &[("f-9".into(), "industry-above-scale-va".into())]).is_ok());
/// ```
pub fn relink(release: &mut crate::Release, registry: &Registry, choices: &[(String, String)]) -> Result<Vec<Link>, String> {
    for (fact, indicator) in choices {
        if !indicator.is_empty() && registry.get(indicator).is_none() {
            return Err(format!("指标库中没有指标“{indicator}”"));
        }
        if let Some(found) = release.facts.iter_mut().find(|f| f.id == *fact) {
            found.indicator = (!indicator.is_empty()).then(|| indicator.clone());
        }
    }
    let chosen = |id: &str| choices.iter().any(|(f, _)| f == id);
    Ok(release
        .facts
        .iter()
        // An indicator states a level or a growth; a change alone (增速比1-6月回落0.2个百分点) is
        // another indicator's, no series of its own.
        .filter(|f| crate::series::Frequency::of(release.period_of(f)).is_some() && (f.value.is_some() || f.growth.is_some()))
        .map(|f| {
            let entry = registry.get(f.indicator_id());
            let via = match (entry, chosen(&f.id)) {
                (Some(_), true) => "set",
                (Some(_), false) => "id",
                (None, _) => "none",
            };
            Link {
                fact: f.id.clone(),
                name: f.name.clone(),
                period: release.period_of(f).to_string(),
                indicator: entry.map(|e| e.id.clone()),
                indicator_name: entry.map(|e| e.name.clone()),
                via,
            }
        })
        .collect())
}

/// Whether `id` can be an indicator's id: 1 to 64 of a-z, 0-9 and -, not starting with -.
fn is_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && !id.starts_with('-') && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_find_ids_and_problems_are_located() {
        let registry = Registry::from_json(
            r#"{"indicators": [{"id": "industry-above-scale-va", "name": "规模以上工业增加值", "aliases": ["规上工业增加值"], "comparators": ["自治区", "银川市"]}]}"#,
            "indicators.json",
        )
        .unwrap();
        assert_eq!(registry.by_name("规上工业增加值").map(|i| i.id.as_str()), Some("industry-above-scale-va"));
        assert_eq!(registry.by_name("工业增加值"), None);
        let rows = [
            (r#"{"indicators": [}"#, "indicators.json: line 1 column 17"),
            (r#"{"indicators": [{"id": "A", "name": "x"}]}"#, "indicators.json: indicators[0].id: “A” is not an indicator id"),
            (r#"{"indicators": [{"id": "a", "name": " "}]}"#, "indicators.json: indicators[0].name: is empty"),
            (r#"{"indicators": [{"id": "a", "name": "x"}, {"id": "b", "name": "y", "aliases": ["x"]}]}"#, "indicators.json: indicators[1].name: “x” is already a name of “a”"),
            (r#"{"indicators": [{"id": "a", "name": "x", "unit": "亿元"}]}"#, "indicators.json: line 1 column"),
        ];
        for (json, expected) in rows {
            let message = Registry::from_json(json, "indicators.json").unwrap_err().to_string();
            assert!(message.starts_with(expected), "{message}\n  expected to start with {expected}");
        }
    }
}
