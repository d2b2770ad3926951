//! A release as one JSON-stat 2.0 dataset: `time` × `geo` × `indicator`, each figure a category
//! with its unit and printed decimals, numbers written from their exact decimal text.

use std::collections::HashSet;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use super::{period_code, Extension, FactExt, GrowthExt, ReleaseExt, CONTRIBUTION, GEO, GROWTH, INCREASE, SHARE};
use crate::chart::Lang;
use crate::error::{Error, ErrorKind};
use crate::fact::{Fact, GrowthBasis, GrowthForm};
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
    from_release_in(release, Lang::Zh)
}

/// Writes a release as a JSON-stat 2.0 dataset labelled in `lang`. JSON-stat carries one
/// language per dataset, so the English file is a dataset of its own: its title, dimensions,
/// periods, place, indicators and units in English wherever the release has English names (an
/// indicator without one keeps its Chinese name). The figures, the category ids and the
/// extension are those of the Chinese file, so it reads back as the same release.
///
/// ```
/// use xixia_stats::{bundled, chart::Lang, export::jsonstat};
/// let bulletin = bundled::release("2022-bulletin").unwrap();
/// let json = jsonstat::from_release_in(&bulletin, Lang::En).unwrap();
/// assert!(json.contains(r#""gdp": "Gross regional product""#));
/// assert_eq!(jsonstat::to_release(&json).unwrap(), bulletin);
/// ```
pub fn from_release_in(release: &Release, lang: Lang) -> Result<String, Error> {
    let failed = |message: String| Error::from(ErrorKind::Export { what: format!("{} (JSON-stat)", release.id), message });
    let dataset = dataset_out(release, lang).map_err(failed)?;
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
    /// The unit as printed, where the label is its English name ("亿元" for "100 million yuan"):
    /// what a reader takes the unit from.
    #[serde(skip_serializing_if = "Option::is_none")]
    symbol: Option<String>,
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
    unit: Option<Unit>,
    decimals: u32,
    amount: Decimal,
    time: usize,
    note: Option<String>,
}

fn dataset_out(release: &Release, lang: Lang) -> Result<DatasetOut, String> {
    let en = lang == Lang::En;
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
        figures.extend(fact_figures(release, fact, time, lang));
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

    let (mut source, mut publishers) = match release.publishers.as_slice() {
        [] => (None, None),
        all => {
            let joined = all.join("、");
            let splits_back = joined.split('、').eq(all.iter().map(String::as_str));
            (Some(joined), (!splits_back).then(|| all.to_vec()))
        }
    };
    if en && !release.publishers_en.is_empty() {
        // The source in English; the Chinese names stay in the extension, to read back.
        source = Some(release.publishers_en.join(", "));
        publishers = Some(release.publishers.clone());
    }
    let period_label = |p: &Period| if en { p.english() } else { p.to_string() };
    let time = DimensionOut {
        label: if en { "Period" } else { "时期" },
        category: CategoryOut {
            index: periods.iter().map(|p| period_code(p)).collect(),
            label: Ordered(periods.iter().map(|p| (period_code(p), period_label(p))).collect()),
            unit: Ordered(Vec::new()),
            note: Ordered(Vec::new()),
        },
    };
    // The place the release is about: its name as keyed, its code from the English name
    // ("Xixia District" → "xixia"), or "place" when it has none.
    let (place, place_en) = release.place();
    let geo_code = place_en.split_whitespace().next().filter(|_| release.place_en.is_some()).map(|w| w.to_ascii_lowercase()).filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric())).unwrap_or_else(|| GEO.to_owned());
    let geo = DimensionOut {
        label: if en { "Area" } else { "地区" },
        category: CategoryOut {
            index: vec![geo_code.clone()],
            label: Ordered(vec![(geo_code.clone(), if en { place_en } else { place })]),
            unit: Ordered(Vec::new()),
            note: Ordered(Vec::new()),
        },
    };
    let unit_out = |unit: &Option<Unit>, decimals: u32| {
        let symbol = unit.as_ref().map(|u| u.symbol().to_owned()).filter(|s| !s.is_empty());
        match (en, unit) {
            (true, Some(u)) if !u.name_en().is_empty() && symbol.as_deref() != Some(u.name_en()) => UnitOut { label: Some(u.name_en().to_owned()), symbol, decimals, position: "end" },
            _ => UnitOut { label: symbol, symbol: None, decimals, position: "end" },
        }
    };
    let indicator = DimensionOut {
        label: if en { "Indicator" } else { "指标" },
        category: CategoryOut {
            index: figures.iter().map(|f| f.id.clone()).collect(),
            label: Ordered(figures.iter().map(|f| (f.id.clone(), f.label.clone())).collect()),
            unit: Ordered(figures.iter().map(|f| (f.id.clone(), unit_out(&f.unit, f.decimals))).collect()),
            note: Ordered(figures.iter().filter_map(|f| f.note.clone().map(|note| (f.id.clone(), vec![note]))).collect()),
        },
    };
    let facts = release.facts.iter().map(|fact| fact_ext(release, fact)).collect();
    Ok(DatasetOut {
        version: "2.0",
        class: "dataset",
        label: if en { release.title_en.clone().unwrap_or_else(|| release.title.clone()) } else { release.title.clone() },
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
                    title: (en && release.title_en.is_some()).then(|| release.title.clone()),
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

/// The figures a fact states, as categories of `indicator`, labelled in the release's words (in
/// English, with the fact's English name where it has one).
fn fact_figures(release: &Release, fact: &Fact, time: usize, lang: Lang) -> Vec<Figure> {
    let en = lang == Lang::En;
    let name_in = |fact: &Fact| if en { fact.name_en.clone().unwrap_or_else(|| fact.name.clone()) } else { fact.name.clone() };
    let name = &name_in(fact);
    let figure = |suffix: &str, label: String, unit: Option<Unit>, decimals: u32, amount: Decimal| Figure {
        id: format!("{}{suffix}", fact.id),
        label,
        unit,
        decimals,
        amount,
        time,
        note: None,
    };
    let unit_of = |unit: &Unit| Some(unit.clone()).filter(|u| !u.symbol().is_empty());
    let name_of = |id: &str| release.fact(id).map_or_else(|| id.to_owned(), name_in);
    let mut figures = Vec::new();
    if let Some(value) = &fact.value {
        figures.push(figure("", name.clone(), unit_of(&value.unit), value.decimals.unwrap_or(value.amount.scale()), value.amount));
    }
    if let Some(growth) = &fact.growth {
        let unit = match growth.form {
            GrowthForm::Percent => Some(Unit::from("%")),
            GrowthForm::Times => Some(Unit::from("倍")),
            GrowthForm::Bare => None,
        };
        let label = if en { format!("{name} (growth, {})", basis_en(growth.basis)) } else { format!("{name}（{}增长）", growth.basis.label()) };
        figures.push(figure(GROWTH, label, unit, growth.rate.scale(), growth.rate));
    }
    if let Some(increase) = &fact.increase {
        let label = if en { format!("{name} (change)") } else { format!("{name}（增减额）") };
        figures.push(figure(INCREASE, label, unit_of(&increase.unit), increase.decimals.unwrap_or(increase.amount.scale()), increase.amount));
    }
    if let Some(share) = &fact.share {
        let label = if en { format!("{name} (share of {})", name_of(&share.of)) } else { format!("{name}（占{}的比重）", name_of(&share.of)) };
        figures.push(figure(SHARE, label, Some(Unit::from("%")), share.percent.scale(), share.percent));
    }
    if let Some(contribution) = &fact.contribution {
        let label = if en { format!("{name} (contribution to the growth of {})", name_of(&contribution.to)) } else { format!("{name}（拉动{}增长）", name_of(&contribution.to)) };
        figures.push(figure(CONTRIBUTION, label, Some(Unit::from("个百分点")), contribution.points.scale(), contribution.points));
    }
    figures
}

/// A growth basis in English, for an indicator's label.
fn basis_en(basis: GrowthBasis) -> &'static str {
    match basis {
        GrowthBasis::PreviousYear => "on the previous year",
        GrowthBasis::PreviousYearEnd => "on the end of the previous year",
        GrowthBasis::YearOnYear => "year on year",
        GrowthBasis::CumulativeYearOnYear => "cumulative, year on year",
    }
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
