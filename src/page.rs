//! A release as a section of a web page, made from its data: its title, publisher and date, then
//! each of its sections with a chart card for every chart whose data comes from it and a table of
//! every figure the section states. The pages ask for it with one element,
//! `<xixia-release release="latest-bulletin"></xixia-release>`, which the build replaces
//! ([`crate::prerender::page`]), so next year's bulletin fills the page by itself.
//!
//! Text in both languages: English in `data-en` (plain text) and in blocks marked `data-lang`,
//! as the demo page's switch expects.

use std::fmt::Write as _;

use crate::chart::format::{self, Lang};
use crate::chart::svg::escape;
use crate::chart::ChartData;
use crate::fact::Fact;
use crate::release::{Release, Section};

/// The HTML of `release`: a `<section class="release">` with a `<xixia-stat>` for each of its
/// charts in `charts` (those of the release, in either language), grouped by the release's
/// sections, and a table of each section's figures.
pub fn release_html(release: &Release, charts: &[ChartData]) -> String {
    let own: Vec<&ChartData> = charts.iter().filter(|c| c.release == release.id && c.lang == Lang::Zh).collect();
    let anchor = slug(&release.id);
    let mut html = String::new();
    let _ = write!(html, r#"<section class="release" id="{anchor}" aria-labelledby="{anchor}-title">"#);
    let _ = write!(html, r#"<h2 id="{anchor}-title"{}>{}</h2>"#, data_en(release.title_en.as_deref()), escape(&release.title));
    let publishers = release.publishers.join("、");
    let publishers_en = publishers_en_list(release);
    let status = (release.status.label(), release.status.label_en());
    let (date_zh, date_en) = match &release.published {
        Some(date) => (format!(" · {date}发布"), format!(" · published {date}")),
        None => (String::new(), String::new()),
    };
    let meta_en = publishers_en.map(|p| format!("{p}{date_en} · {}", status.1));
    let _ = write!(html, r#"<p class="release__meta"{}>{}{date_zh} · {}</p>"#, data_en(meta_en.as_deref()), escape(&publishers), status.0);
    let _ = write!(html, r#"<p class="release__meta release__document"{}>{}</p>"#, data_en(release.source.document_en.as_deref()), escape(&release.source.document));
    // The office's release calendar: when the next of this kind is due.
    if let Some(next) = &release.next_release {
        let (zh, en) = (crate::chart::format::date(next, Lang::Zh), crate::chart::format::date(next, Lang::En));
        let _ = write!(html, r#"<p class="release__meta release__next"{}>{}</p>"#, data_en(Some(&format!("Next release: {en}"))), escape(&format!("下期预计发布：{zh}")));
    }
    if let (Some(version), Some(revised)) = (release.version.filter(|v| *v > 1), &release.revised) {
        let (zh, en) = (crate::chart::format::date(revised, Lang::Zh), crate::chart::format::date(revised, Lang::En));
        let _ = write!(html, r#"<p class="release__meta release__revised"{}>{}</p>"#, data_en(Some(&format!("Version {version}, revised {en}"))), escape(&format!("第{version}版，{zh}修订")));
    }

    // Sections in printed order; charts whose section is unknown go with the first.
    let first = release.sections.first().map(|s| s.id.clone());
    for section in &release.sections {
        let in_section: Vec<&&ChartData> = own.iter().filter(|c| c.section.as_ref().or(first.as_ref()) == Some(&section.id)).collect();
        let facts = section_facts(release, section);
        if in_section.is_empty() && facts.is_empty() {
            continue;
        }
        section_html(&mut html, release, section, &in_section, charts, &facts);
    }
    let source = match release.source.note.as_deref() {
        Some(note) => format!("资料来源：{publishers}。{note}"),
        None => format!("资料来源：{publishers}。"),
    };
    let source_en = publishers_en_list(release).map(|p| format!("Source: {p}."));
    let _ = write!(html, r#"<p class="source-note"{}>{}</p>"#, data_en(source_en.as_deref()), escape(&source));
    html.push_str("</section>");
    html
}

fn section_html(html: &mut String, release: &Release, section: &Section, charts: &[&&ChartData], all: &[ChartData], facts: &[&Fact]) {
    let id = format!("{}-{}", slug(&release.id), slug(&section.id));
    let _ = write!(html, r#"<section class="release-section" id="{id}" aria-labelledby="{id}-title">"#);
    let _ = write!(html, r#"<h3 id="{id}-title"{}>{}</h3>"#, data_en(section.title_en.as_deref()), escape(&section.title));
    if !charts.is_empty() {
        html.push_str(r#"<div class="chart-grid">"#);
        for chart in charts {
            let wide = if chart.categories.len() > 8 { " chart-card--wide" } else { "" };
            // A chart whose data has no English names stays Chinese on the English page, and says so.
            let english = all.iter().any(|c| c.lang == Lang::En && c.release == release.id && c.id == chart.id);
            let lang = if english { "" } else { r#" lang="zh-CN""# };
            // A heading per card, for readers who move by headings; the chart draws its title itself.
            let title_en = all.iter().find(|c| c.lang == Lang::En && c.release == release.id && c.id == chart.id).map(|c| c.title.as_str());
            let _ = write!(html, r#"<article class="chart-card{wide}"><h4 class="visually-hidden"{}>{}</h4><xixia-stat chart="{}" release="{}"{lang}></xixia-stat>"#, data_en(title_en), escape(&chart.title), escape(&chart.id), escape(&release.id));
            if !english {
                html.push_str(r#"<p class="release-section__note" data-lang="en" lang="en" hidden>This chart is in Chinese: the names of its data have no English yet.</p>"#);
            }
            html.push_str("</article>");
        }
        html.push_str("</div>");
    }
    if !facts.is_empty() {
        figures_table(html, release, section, facts);
    }
    html.push_str("</section>");
}

/// A link to a release's section of the page, named by its period and kind: "2022年统计公报",
/// "2023年1-11月主要经济指标", with the English in `data-en`.
pub fn release_link(release: &Release) -> String {
    use crate::release::ReleaseKind;
    let (zh, en) = match release.kind() {
        ReleaseKind::Bulletin => (format!("{}统计公报", release.period), format!("{} bulletin", release.period.english())),
        ReleaseKind::Indicators => (format!("{}主要经济指标", release.period), format!("Indicators, {}", release.period.english())),
        ReleaseKind::Fiscal => (format!("{}财政专报", release.period), format!("Fiscal reports, {}", release.period.english())),
    };
    format!(r##"<a href="#{}" data-en="{}">{}</a>"##, slug(&release.id), escape(&en), escape(&zh))
}

/// The `<tbody>` of a table of every published chart (the Chinese ones of `charts`): its id, its
/// release, its title and kind, and the other names of its release an embed may use.
pub fn chart_list(charts: &[ChartData]) -> String {
    let mut html = String::from("<tbody>");
    for chart in charts.iter().filter(|c| c.lang == Lang::Zh) {
        let kind = match chart.kind {
            crate::chart::ChartKind::Column => "柱形图",
            crate::chart::ChartKind::Donut => "环形图",
            crate::chart::ChartKind::StackedPercent => "百分比堆积条形图",
            crate::chart::ChartKind::Bar => "条形图",
            crate::chart::ChartKind::Grouped => "分组柱形图",
            crate::chart::ChartKind::Cumulative => "累计堆积柱形图",
            crate::chart::ChartKind::Progress => "进度条形图",
            crate::chart::ChartKind::Line => "折线图",
            crate::chart::ChartKind::Combo => "柱线组合图",
        };
        let aliases: Vec<String> = chart.aliases.iter().map(|a| format!("<code>{}</code>", escape(a))).collect();
        let _ = write!(
            html,
            r#"<tr><th scope="row"><code>{}</code></th><td><code>{}</code></td><td>{}（{kind}）</td><td>{}</td></tr>"#,
            escape(&chart.id),
            escape(&chart.release),
            escape(&chart.title),
            aliases.join("、")
        );
    }
    html.push_str("</tbody>");
    html
}

/// Every figure a section states, as printed: name, value, growth, in a table behind a toggle.
/// The Chinese table is in the page; the English one is in the release's file of English tables
/// ([`figures_en`], at [`figures_en_path`]), which the page's language switch fetches when a reader
/// switches to English: the page holds a link to it in its place, so the first bytes carry one
/// table per section, not two.
fn figures_table(html: &mut String, release: &Release, section: &Section, facts: &[&Fact]) {
    figures_details(html, release, section, facts, Lang::Zh);
    if !named_in_english(facts) {
        // The English page says so rather than show Chinese names in an English table.
        let _ = write!(html, r#"<p class="release-section__note" data-lang="en" lang="en" hidden>The figures of this section are in the Chinese table ({} figures); their English names are not yet keyed.</p>"#, facts.len());
        return;
    }
    let id = figures_en_id(release, section);
    let href = format!("{}#{id}", figures_en_path(&release.id));
    let _ = write!(
        html,
        r#"<div class="release-section__figures-en" data-lang="en" lang="en" hidden data-figures="{}" data-figures-id="{id}"><p class="release-section__note"><a href="{}">All figures of this section ({})</a></p></div>"#,
        escape(&figures_en_path(&release.id)),
        escape(&href),
        facts.len()
    );
}

/// Where the build writes a release's English figure tables, relative to the pages (under
/// `data/static/en/<release>/`, beside the images of its charts).
pub fn figures_en_path(release: &str) -> String {
    format!("{}/en/{release}/figures.html", crate::prerender::STATIC_IMAGES)
}

fn figures_en_id(release: &Release, section: &Section) -> String {
    format!("{}-{}-figures-en", slug(&release.id), slug(&section.id))
}

/// The English figure tables of `release`, one `<details>` per section whose figures all have
/// English names (id `<release>-<section>-figures-en`), as a page of its own: the demo page's
/// language switch takes each table from it into its section, and the page's link opens it.
/// `None` when no section has English names for all its figures.
pub fn figures_en(release: &Release) -> Option<String> {
    let mut body = String::new();
    for section in &release.sections {
        let facts = section_facts(release, section);
        if facts.is_empty() || !named_in_english(&facts) {
            continue;
        }
        figures_details(&mut body, release, section, &facts, Lang::En);
    }
    if body.is_empty() {
        return None;
    }
    let title = release.title_en.as_deref().unwrap_or(&release.title);
    Some(format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{}: all figures</title><link rel="stylesheet" href="../../../../index.css"></head><body><main class="release">{body}</main></body></html>"#,
        escape(title)
    ))
}

/// The facts a section states, in printed order; facts of no known section go with the first.
fn section_facts<'a>(release: &'a Release, section: &Section) -> Vec<&'a Fact> {
    let first = release.sections.first().map(|s| s.id.as_str());
    release.facts.iter().filter(|f| release.section_of(f).or(first) == Some(section.id.as_str())).collect()
}

/// Whether every fact has an English name: else the English page says the section's table is in
/// Chinese only, rather than show Chinese names in an English table.
fn named_in_english(facts: &[&Fact]) -> bool {
    facts.iter().all(|f| f.name_en.as_deref().is_some_and(|n| !n.trim().is_empty()))
}

/// One language's table of a section's figures, in a `<details>`.
fn figures_details(html: &mut String, release: &Release, section: &Section, facts: &[&Fact], lang: Lang) {
    let en = lang == Lang::En;
    let attributes = if en { format!(r#" id="{}""#, figures_en_id(release, section)) } else { r#" data-lang="zh-CN""#.to_string() };
    let (summary, caption_title) = match lang {
        Lang::Zh => (format!("本节全部数据（{}项）", facts.len()), format!("{}·{}", release.title, section.title)),
        Lang::En => (format!("All figures of this section ({})", facts.len()), format!("{}: {}", release.title_en.as_deref().unwrap_or(&release.title), section.title_en.as_deref().unwrap_or(&section.title))),
    };
    let compared = facts.iter().any(|f| !f.gaps.is_empty() || !f.ranks.is_empty());
    let mut headers: Vec<&str> = if en { vec!["Indicator", "Period", "Value", "Growth"] } else { vec!["指标", "时期", "数值", "增长"] };
    if compared {
        headers.push(if en { "Compared with other places" } else { "与其他地区比较、排名" });
    }
    let _ = write!(html, r#"<details class="release-section__figures"{attributes}><summary>{}</summary><div class="release-section__table" tabindex="0" role="region" aria-label="{}">"#, escape(&summary), escape(&caption_title));
    let _ = write!(html, r#"<table class="xixia-stat__table"><caption>{}</caption><thead><tr>"#, escape(&caption_title));
    for (i, header) in headers.iter().enumerate() {
        let class = if i == 2 || i == 3 { r#" class="xixia-stat__num""# } else { "" };
        let _ = write!(html, r#"<th scope="col"{class}>{header}</th>"#);
    }
    html.push_str("</tr></thead><tbody>");
    for fact in facts {
        let name = if en { fact.name_en.as_deref().unwrap_or(&fact.name) } else { &fact.name };
        let period = release.period_of(fact);
        let period = if en { period.english() } else { period.to_string() };
        let value = fact.value.as_ref().map(|v| format::amount(v.amount, &v.unit, lang)).unwrap_or_default();
        let growth = fact.growth.as_ref().map(|g| if en { format::printed_growth_en(g) } else { g.to_string() }).unwrap_or_default();
        let _ = write!(html, r#"<tr><th scope="row">{}</th><td>{}</td><td class="xixia-stat__num">{}</td><td class="xixia-stat__num">{}</td>"#, escape(name), escape(&period), escape(&value), escape(&growth));
        if compared {
            let _ = write!(html, "<td>{}</td>", escape(&comparisons(fact, lang)));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></div></details>");
}

/// A fact's stated gaps to other places and ranks, as a bulletin words them: "高于自治区9.9个百分点；
/// 全区第4位"; in English only where the places have English names.
fn comparisons(fact: &Fact, lang: Lang) -> String {
    let mut parts = Vec::new();
    for gap in &fact.gaps {
        let points = gap.points.abs();
        parts.push(match (lang, gap.points.cmp(&rust_decimal::Decimal::ZERO), gap.comparator_en.as_deref()) {
            (Lang::Zh, std::cmp::Ordering::Greater, _) => format!("高于{}{points}个百分点", gap.comparator),
            (Lang::Zh, std::cmp::Ordering::Less, _) => format!("低于{}{points}个百分点", gap.comparator),
            (Lang::Zh, std::cmp::Ordering::Equal, _) => format!("与{}持平", gap.comparator),
            (Lang::En, std::cmp::Ordering::Greater, Some(place)) => format!("{points} points above {place}"),
            (Lang::En, std::cmp::Ordering::Less, Some(place)) => format!("{points} points below {place}"),
            (Lang::En, std::cmp::Ordering::Equal, Some(place)) => format!("level with {place}"),
            (Lang::En, _, None) => continue,
        });
    }
    for rank in &fact.ranks {
        parts.push(match (lang, rank.scope_en.as_deref()) {
            (Lang::Zh, _) => format!("{}第{}位", rank.scope, rank.rank),
            (Lang::En, Some(scope)) => format!("{} {scope}", format::ordinal_en(rank.rank)),
            (Lang::En, None) => continue,
        });
    }
    parts.join(if lang == Lang::Zh { "；" } else { "; " })
}

/// The publishers in English, when every one has an English name.
fn publishers_en_list(release: &Release) -> Option<String> {
    (release.publishers_en.len() == release.publishers.len() && !release.publishers.is_empty()).then(|| format::join_en(&release.publishers_en))
}

/// ` data-en="…"` for an English text, or nothing.
fn data_en(english: Option<&str>) -> String {
    match english.map(str::trim).filter(|e| !e.is_empty()) {
        Some(en) => format!(r#" data-en="{}""#, escape(en)),
        None => String::new(),
    }
}

/// An id usable in HTML: letters, digits and - only.
fn slug(id: &str) -> String {
    let slug: String = id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    format!("r-{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_of_the_bulletin_has_its_figures_and_charts() {
        let site = crate::site::Site::bundled().unwrap();
        let charts = site.charts(Lang::Zh).unwrap();
        let bulletin = site.release("latest-bulletin").unwrap();
        let html = release_html(bulletin, &charts);
        for section in &bulletin.sections {
            assert!(html.contains(&format!(">{}</h3>", section.title)), "{}", section.title);
        }
        let cards = html.matches("<xixia-stat ").count();
        assert_eq!(cards, charts.iter().filter(|c| c.release == bulletin.id).count());
        assert!(html.contains("489.91亿元"), "the GDP row of the 综合 table");
        // The English tables are not in the page but in their own file, which every placeholder names.
        assert!(!html.contains(r#"<th scope="col">Indicator</th>"#), "no English table in the page");
        let english = figures_en(bulletin).expect("the bulletin's figures have English names");
        for id in html.match_indices(r#"data-figures-id=""#).map(|(i, m)| &html[i + m.len()..]).map(|rest| &rest[..rest.find('"').unwrap()]) {
            assert!(english.contains(&format!(r#"<details class="release-section__figures" id="{id}">"#)), "{id} in the English tables");
        }
        assert!(html.contains("data-figures-id="), "the bulletin has English tables");
    }
}
