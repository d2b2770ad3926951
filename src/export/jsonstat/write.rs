//! A release as one JSON-stat 2.0 dataset: `time` × `geo` × `indicator`, each figure a category
//! with its unit and printed decimals, numbers written from their exact decimal text.

use std::collections::HashSet;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use super::{period_code, Extension, FactExt, GrowthExt, ReleaseExt, CONTRIBUTION, GEO, GROWTH, INCREASE, SHARE};
use crate::error::{Error, ErrorKind};
use crate::fact::{Fact, GrowthForm};
use crate::release::{Period, Release};
use crate::unit::Unit;

/// Writes a release as a JSON-stat 2.0 dataset, indented, numbers exactly as printed.
///
/// ```
/// use xixia_stats::{bundled, export::jsonstat};
/// let bulletin = bundled::release("2022-bulletin").unwrap();
/// let json = jsonstat::from_release(&bulletin).unwrap();
/// assert!(json.contains(r#""version": "2.0""#));
/// assert!(json.contains("489.91"));
/// assert_eq!(jsonstat::to_release(&json).unwrap(), bulletin);
/// ```
pub fn from_release(release: &Release) -> Result<String, Error> {
    let failed = |message: String| Error::from(ErrorKind::Export { what: format!("{} (JSON-stat)", release.id), message });
    let dataset = dataset_out(release).map_err(failed)?;
    serde_json::to_string_pretty(&dataset).map_err(|err| failed(err.to_string()))
}

/// The dataset as written. Fields are in the order JSON-stat's own samples use.
#[derive(Serialize)]
struct DatasetOut {
    version: &'static str,
    class: &'static str,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    note: Vec<String>,
    id: [&'static str; 3],
    size: [usize; 3],
    role: RoleOut,
    dimension: DimensionsOut,
    value: Vec<Option<Box<RawValue>>>,
    extension: ExtensionOut,
}

#[derive(Serialize)]
struct RoleOut {
    time: [&'static str; 1],
    geo: [&'static str; 1],
    metric: [&'static str; 1],
}

#[derive(Serialize)]
struct DimensionsOut {
    time: DimensionOut,
    geo: DimensionOut,
    indicator: DimensionOut,
}

#[derive(Serialize)]
struct DimensionOut {
    label: &'static str,
    category: CategoryOut,
}

#[derive(Serialize)]
struct CategoryOut {
    index: Vec<String>,
    label: Ordered<String>,
    #[serde(skip_serializing_if = "Ordered::is_empty")]
    unit: Ordered<UnitOut>,
    #[serde(skip_serializing_if = "Ordered::is_empty")]
    note: Ordered<Vec<String>>,
}

#[derive(Serialize)]
struct UnitOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    decimals: u32,
    position: &'static str,
}

/// A JSON object whose keys keep the order given (category labels in index order).
struct Ordered<T>(Vec<(String, T)>);

impl<T> Ordered<T> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

#[derive(Serialize)]
struct ExtensionOut {
    #[serde(rename = "xixia-stats")]
    ours: Extension,
}

/// One category of `indicator`: a figure of a fact.
struct Figure {
    id: String,
    label: String,
    unit: Option<String>,
    decimals: u32,
    amount: Decimal,
    time: usize,
    note: Option<String>,
}

fn dataset_out(release: &Release) -> Result<DatasetOut, String> {
    let mut periods: Vec<&Period> = vec![&release.period];
    for fact in &release.facts {
        let period = release.period_of(fact);
        if !periods.contains(&period) {
            periods.push(period);
        }
    }
    let mut figures = Vec::new();
    for fact in &release.facts {
        let time = periods.iter().position(|p| *p == release.period_of(fact)).unwrap_or(0);
        let first = figures.len();
        figures.extend(fact_figures(release, fact, time));
        if let (Some(note), Some(figure)) = (&fact.note, figures.get_mut(first)) {
            figure.note = Some(note.clone());
        }
    }
    let mut seen = HashSet::new();
    for figure in &figures {
        if !seen.insert(figure.id.as_str()) {
            return Err(format!("two figures would both be the indicator {:?}: rename the fact whose id ends like a figure's suffix", figure.id));
        }
    }

    let n = figures.len();
    let mut value: Vec<Option<Box<RawValue>>> = (0..periods.len() * n).map(|_| None).collect();
    for (i, figure) in figures.iter().enumerate() {
        let raw = RawValue::from_string(figure.amount.to_string()).map_err(|err| format!("{}: {err}", figure.id))?;
        if let Some(cell) = value.get_mut(figure.time * n + i) {
            *cell = Some(raw);
        }
    }

    let (source, publishers) = match release.publishers.as_slice() {
        [] => (None, None),
        all => {
            let joined = all.join("、");
            let splits_back = joined.split('、').eq(all.iter().map(String::as_str));
            (Some(joined), (!splits_back).then(|| all.to_vec()))
        }
    };
    let time = DimensionOut {
        label: "时期",
        category: CategoryOut {
            index: periods.iter().map(|p| period_code(p)).collect(),
            label: Ordered(periods.iter().map(|p| (period_code(p), p.to_string())).collect()),
            unit: Ordered(Vec::new()),
            note: Ordered(Vec::new()),
        },
    };
    // The place the release is about: its name as keyed, its code from the English name
    // ("Xixia District" → "xixia"), or "place" when it has none.
    let (place, place_en) = release.place();
    let geo_code = place_en.split_whitespace().next().filter(|_| release.place_en.is_some()).map(|w| w.to_ascii_lowercase()).filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric())).unwrap_or_else(|| GEO.to_owned());
    let geo = DimensionOut {
        label: "地区",
        category: CategoryOut {
            index: vec![geo_code.clone()],
            label: Ordered(vec![(geo_code.clone(), place)]),
            unit: Ordered(Vec::new()),
            note: Ordered(Vec::new()),
        },
    };
    let indicator = DimensionOut {
        label: "指标",
        category: CategoryOut {
            index: figures.iter().map(|f| f.id.clone()).collect(),
            label: Ordered(figures.iter().map(|f| (f.id.clone(), f.label.clone())).collect()),
            unit: Ordered(figures.iter().map(|f| (f.id.clone(), UnitOut { label: f.unit.clone(), decimals: f.decimals, position: "end" })).collect()),
            note: Ordered(figures.iter().filter_map(|f| f.note.clone().map(|note| (f.id.clone(), vec![note]))).collect()),
        },
    };
    let facts = release.facts.iter().map(|fact| fact_ext(release, fact)).collect();
    Ok(DatasetOut {
        version: "2.0",
        class: "dataset",
        label: release.title.clone(),
        source,
        updated: release.published.clone(),
        note: release.footnotes.iter().map(|f| f.text.clone()).collect(),
        id: ["time", "geo", "indicator"],
        size: [periods.len(), 1, n],
        role: RoleOut { time: ["time"], geo: ["geo"], metric: ["indicator"] },
        dimension: DimensionsOut { time, geo, indicator },
        value,
        extension: ExtensionOut {
            ours: Extension {
                release: ReleaseExt {
                    id: release.id.clone(),
                    kind: release.kind,
                    place: release.place.clone(),
                    place_en: release.place_en.clone(),
                    title_en: release.title_en.clone(),
                    publishers,
                    publishers_en: release.publishers_en.clone(),
                    status: release.status,
                    source: release.source.clone(),
                    footnotes: release.footnotes.iter().map(|f| f.id.clone()).collect(),
                    sections: release.sections.clone(),
                    sentences: release.sentences.clone(),
                    breakdowns: release.breakdowns.clone(),
                    ratios: release.ratios.clone(),
                    series: release.series.clone(),
                    tables: release.tables.clone(),
                },
                facts,
            },
        },
    })
}

/// The figures a fact states, as categories of `indicator`, labelled in the release's words.
fn fact_figures(release: &Release, fact: &Fact, time: usize) -> Vec<Figure> {
    let name = &fact.name;
    let figure = |suffix: &str, label: String, unit: Option<String>, decimals: u32, amount: Decimal| Figure {
        id: format!("{}{suffix}", fact.id),
        label,
        unit,
        decimals,
        amount,
        time,
        note: None,
    };
    let unit_label = |unit: &Unit| Some(unit.symbol().to_owned()).filter(|s| !s.is_empty());
    let name_of = |id: &str| release.fact(id).map_or_else(|| id.to_owned(), |f| f.name.clone());
    let mut figures = Vec::new();
    if let Some(value) = &fact.value {
        figures.push(figure("", name.clone(), unit_label(&value.unit), value.decimals.unwrap_or(value.amount.scale()), value.amount));
    }
    if let Some(growth) = &fact.growth {
        let unit = match growth.form {
            GrowthForm::Percent => Some("%".to_owned()),
            GrowthForm::Times => Some("倍".to_owned()),
            GrowthForm::Bare => None,
        };
        figures.push(figure(GROWTH, format!("{name}（{}增长）", growth.basis.label()), unit, growth.rate.scale(), growth.rate));
    }
    if let Some(increase) = &fact.increase {
        figures.push(figure(INCREASE, format!("{name}（增减额）"), unit_label(&increase.unit), increase.decimals.unwrap_or(increase.amount.scale()), increase.amount));
    }
    if let Some(share) = &fact.share {
        figures.push(figure(SHARE, format!("{name}（占{}的比重）", name_of(&share.of)), Some("%".to_owned()), share.percent.scale(), share.percent));
    }
    if let Some(contribution) = &fact.contribution {
        let label = format!("{name}（拉动{}增长）", name_of(&contribution.to));
        figures.push(figure(CONTRIBUTION, label, Some("个百分点".to_owned()), contribution.points.scale(), contribution.points));
    }
    figures
}

fn fact_ext(release: &Release, fact: &Fact) -> FactExt {
    FactExt {
        id: fact.id.clone(),
        name: fact.name.clone(),
        name_en: fact.name_en.clone(),
        sentence: fact.sentence.clone(),
        period_keyed: fact.period.as_ref() == Some(&release.period),
        value_decimals: fact.value.as_ref().and_then(|v| v.decimals),
        growth: fact.growth.as_ref().map(|g| GrowthExt { form: g.form, basis: g.basis, prices: g.prices }),
        increase_decimals: fact.increase.as_ref().and_then(|v| v.decimals),
        share_of: fact.share.as_ref().map(|s| s.of.clone()),
        contribution_to: fact.contribution.as_ref().map(|c| c.to.clone()),
        gaps: fact.gaps.clone(),
        ranks: fact.ranks.clone(),
        footnotes: fact.footnotes.clone(),
    }
}
