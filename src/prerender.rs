//! Pages that read right without JavaScript. The www build fills every `<xixia-stat chart release>`
//! of a page with what the component would show: the chart's SVG (drawn natively at a fixed width
//! and scaled by CSS), its summary in the bulletin's words, its data table and its download links.
//! When the wasm module loads, the component takes over: at the width the chart was drawn at it
//! keeps the SVG as it is, at any other width it draws the chart again.
//!
//! What a page sends before its first paint is kept small: the first [`INLINE_CHARTS`] charts of a
//! page carry their SVG in the HTML; every later one carries a sized placeholder and, for readers
//! without JavaScript, the same SVG as an image file inside `<noscript>` (loaded lazily), which
//! [`site_page_with_images`] returns beside the page. With JavaScript the component draws those
//! charts when they come near the screen, and the image is never fetched.

use std::cell::RefCell;
use std::fmt::Write as _;

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use crate::chart::{self, svg::escape, ChartData, Lang};
use crate::release::Release;

/// The width the pre-rendered charts are drawn at (CSS px); the stylesheet scales them to fit.
/// It is the width of a chart in a card of the demo site's two columns on a screen of 1280 px or
/// more (`www/index.css`: 80rem, less 2rem either side, a 1.25rem gap, 1.25rem padding and a 1 px
/// border each side of a card), so there the component takes the chart over as it is.
pub const WIDTH: u32 = 556;

/// How many charts of a page, in document order, carry their SVG in the HTML: those a reader sees
/// first. The others are drawn when they come near the screen (or shown as images without
/// JavaScript).
pub const INLINE_CHARTS: usize = 2;

/// Where the build writes the image of each chart that is not inline, relative to the pages:
/// `data/static/<lang>/<release>/<chart>.svg`.
pub const STATIC_IMAGES: &str = "data/static";

/// Where the build writes the downloads, relative to the pages:
/// `data/export/<lang>/<release>/<chart>.<ext>`.
pub const EXPORTS: &str = "data/export";

/// Why a page cannot be pre-rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrerenderError {
    #[error("页面中的 <xixia-stat chart=\"{chart}\" release=\"{release}\"> 没有对应的图表数据")]
    UnknownChart { chart: String, release: String },
    #[error("图表“{chart}”无法绘制：{message}")]
    Chart { chart: String, message: String },
    #[error("页面中的 <xixia-release release=\"{0}\"> 没有对应的发布")]
    UnknownRelease(String),
    #[error("页面无法解析：{0}")]
    Html(String),
}

/// The download links of a chart, relative to the page: PNG, SVG, CSV and the release's JSON-stat.
pub fn downloads(chart: &str, release: &str, lang: Lang) -> [(&'static str, String); 4] {
    let dir = format!("{EXPORTS}/{}/{release}", lang.code());
    [
        ("PNG", format!("{dir}/{chart}.png")),
        ("SVG", format!("{dir}/{chart}.svg")),
        ("CSV", format!("{dir}/{chart}.csv")),
        ("JSON-stat", format!("{dir}/{release}.jsonstat.json")),
    ]
}

/// Fills every `<xixia-stat>` of `template` with its chart, from `charts` (in the language of the
/// element's own `lang`, Chinese without one).
///
/// ```
/// use xixia_stats::{bundled, chart, prerender};
/// let releases = bundled::all().unwrap();
/// let data = chart::build("gdp-structure", &releases[0], &releases).unwrap();
/// let page = prerender::page(r#"<p><xixia-stat chart="gdp-structure" release="2022-bulletin"></xixia-stat></p>"#, &[data]).unwrap();
/// assert!(page.contains("<svg") && page.contains("<table") && page.contains("69.6"));
/// ```
pub fn page(template: &str, charts: &[ChartData]) -> Result<String, PrerenderError> {
    site_page(template, &[], charts)
}

/// [`page`], after replacing every `<xixia-release release="…">` (a release id, or
/// `latest-bulletin`, `latest-indicators`, `latest-fiscal`) with that release made into HTML
/// ([`crate::page::release_html`]): its sections, a chart card for each of its charts and a table
/// of each section's figures.
pub fn site_page(template: &str, releases: &[Release], charts: &[ChartData]) -> Result<String, PrerenderError> {
    site_page_with_images(template, releases, charts).map(|(html, _)| html)
}

/// [`site_page`], with the image files its later charts show without JavaScript: (path relative
/// to the page, SVG), one per chart and language, each once.
///
/// The English figure tables of each release the page shows are among those files too
/// ([`crate::page::figures_en_path`]): the page fetches them only when a reader switches to English.
pub fn site_page_with_images(template: &str, releases: &[Release], charts: &[ChartData]) -> Result<(String, Vec<(String, String)>), PrerenderError> {
    let expanded = expand(template, releases, charts)?;
    let (page, mut files) = fill_charts(&expanded, charts)?;
    for release in releases {
        let path = crate::page::figures_en_path(&release.id);
        if page.contains(&format!(r#"data-figures="{}""#, escape(&path))) {
            if let Some(tables) = crate::page::figures_en(release) {
                files.push((path, tables));
            }
        }
    }
    Ok((page, files))
}

/// The page with every `<xixia-release>`, `<xixia-release-link>` and `<xixia-chart-list>` made
/// from the data, and every `<xixia-stat>` left as it is.
pub fn expand(template: &str, releases: &[Release], charts: &[ChartData]) -> Result<String, PrerenderError> {
    let failure: RefCell<Option<PrerenderError>> = RefCell::new(None);
    let handler = element!("xixia-release", |el| {
        let name = el.get_attribute("release").unwrap_or_default();
        match crate::chart::spec::resolve(releases, &name) {
            Some(release) => el.replace(&crate::page::release_html(release, charts), ContentType::Html),
            None => {
                failure.borrow_mut().get_or_insert(PrerenderError::UnknownRelease(name));
            }
        }
        Ok(())
    });
    let link = element!("xixia-release-link", |el| {
        let name = el.get_attribute("release").unwrap_or_default();
        match crate::chart::spec::resolve(releases, &name) {
            Some(release) => el.replace(&crate::page::release_link(release), ContentType::Html),
            None => {
                failure.borrow_mut().get_or_insert(PrerenderError::UnknownRelease(name));
            }
        }
        Ok(())
    });
    let list = element!("xixia-chart-list", |el| {
        el.replace(&crate::page::chart_list(charts), ContentType::Html);
        Ok(())
    });
    let expanded = rewrite_str(template, RewriteStrSettings::new().append_element_content_handler(handler).append_element_content_handler(link).append_element_content_handler(list)).map_err(|err| PrerenderError::Html(err.to_string()))?;
    match failure.into_inner() {
        Some(err) => Err(err),
        None => Ok(expanded),
    }
}

fn fill_charts(template: &str, charts: &[ChartData]) -> Result<(String, Vec<(String, String)>), PrerenderError> {
    let failure: RefCell<Option<PrerenderError>> = RefCell::new(None);
    let images: RefCell<Vec<(String, String)>> = RefCell::new(Vec::new());
    // Ids unique on the page, even when one chart is shown twice.
    let count = RefCell::new(0);
    let used: RefCell<Vec<String>> = RefCell::new(Vec::new());
    let handler = element!("xixia-stat", |el| {
        let chart = el.get_attribute("chart").unwrap_or_default();
        let release = el.get_attribute("release").unwrap_or_default();
        // The element's own lang picks the language; the page's is Chinese.
        let lang = if el.get_attribute("lang").is_some_and(|l| l.to_ascii_lowercase().starts_with("en")) { Lang::En } else { Lang::Zh };
        // Without a release, the newest that has the chart (the charts come in publication order).
        let found = charts.iter().rev().find(|c| c.id == chart && c.lang == lang && (release.is_empty() || c.release == release || c.aliases.contains(&release)));
        let html = match found {
            None => Err(PrerenderError::UnknownChart { chart, release }),
            Some(data) => {
                if !used.borrow().contains(&data.release) {
                    used.borrow_mut().push(data.release.clone());
                }
                *count.borrow_mut() += 1;
                let n = *count.borrow();
                if n <= INLINE_CHARTS {
                    figure(data, &format!("pre{n}"))
                } else {
                    let (html, image) = deferred_figure(data, &format!("pre{n}"))?;
                    let mut images = images.borrow_mut();
                    if !images.iter().any(|(path, _)| *path == image.0) {
                        images.push(image);
                    }
                    Ok(html)
                }
            }
        };
        match html {
            Ok(html) => el.set_inner_content(&html, ContentType::Html),
            Err(err) => {
                failure.borrow_mut().get_or_insert(err);
            }
        }
        Ok(())
    });
    let out = rewrite_str(template, RewriteStrSettings::new().append_element_content_handler(handler))
        .map_err(|err| PrerenderError::Html(err.to_string()))?;
    if let Some(err) = failure.into_inner() {
        return Err(err);
    }
    // The page preloads the data of the releases it shows, after the index it always needs.
    let used = used.into_inner();
    let preload = element!(r#"link[rel="preload"][href$="data/charts/index.json"]"#, |el| {
        let base = el.get_attribute("href").unwrap_or_default();
        let base = base.trim_end_matches("index.json");
        let links: String = used
            .iter()
            .map(|release| format!(r#"<link rel="preload" href="{}{}" as="fetch" crossorigin>"#, escape(base), escape(&chart::wire::file_name(release, Lang::Zh))))
            .collect();
        el.after(&links, ContentType::Html);
        Ok(())
    });
    let page = rewrite_str(&out, RewriteStrSettings::new().append_element_content_handler(preload)).map_err(|err| PrerenderError::Html(err.to_string()))?;
    Ok((page, images.into_inner()))
}

/// One chart as static HTML, with the component's class names so its stylesheet applies; `id`
/// prefixes the ids inside. The chart's SVG is in the HTML, drawn at [`WIDTH`] (the figure's
/// `data-width`), which the component keeps when it takes over at that width.
pub fn figure(data: &ChartData, id: &str) -> Result<String, PrerenderError> {
    let drawn = draw(data)?;
    Ok(figure_around(data, id, &drawn.svg))
}

/// A chart drawn later: the figure holds a placeholder of the chart's size (the page does not move
/// when the component draws it in) and, for readers without JavaScript, the chart as a lazily
/// loaded image; returned with that image's (path, SVG).
fn deferred_figure(data: &ChartData, id: &str) -> Result<(String, (String, String)), PrerenderError> {
    let drawn = draw(data)?;
    let path = format!("{STATIC_IMAGES}/{}/{}/{}.svg", data.lang.code(), data.release, data.id);
    let (w, h) = (drawn.width, drawn.height);
    let loading = if data.lang == Lang::Zh { "图表加载中…" } else { "Loading chart…" };
    let inner = format!(
        r#"<svg class="xixia-stat__placeholder" xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" aria-hidden="true"><text x="{x}" y="{y}" text-anchor="middle">{loading}</text></svg><noscript><img class="xixia-stat__image" src="{src}" width="{w}" height="{h}" alt="" loading="lazy" decoding="async"></noscript>"#,
        x = w / 2,
        y = h / 2,
        src = escape(&path),
    );
    Ok((figure_around(data, id, &inner), (path, drawn.svg)))
}

fn draw(data: &ChartData) -> Result<chart::Rendered, PrerenderError> {
    chart::render(data, WIDTH).map_err(|err| PrerenderError::Chart { chart: data.id.clone(), message: err.to_string() })
}

/// The static figure around a chart (its SVG, or a placeholder and image): title, summary, table,
/// downloads.
fn figure_around(data: &ChartData, id: &str, chart: &str) -> String {
    let (zh, id) = (data.lang == Lang::Zh, escape(id));
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<figure class="xixia-stat__figure xixia-stat__static" data-width="{width}" data-lang="{lang}"><div class="xixia-stat__chart" role="img" aria-label="{title}" aria-describedby="{id}-description">{chart}</div><p class="xixia-stat__description" id="{id}-description">{description}</p>{dates}"#,
        width = WIDTH,
        lang = data.lang.code(),
        title = escape(&data.title),
        description = escape(&data.description),
        dates = escape_dates(data),
    );
    let _ = write!(html, r#"<details class="xixia-stat__details"><summary class="xixia-stat__toggle">{}</summary>"#, if zh { "查看数据表" } else { "Show data table" });
    let _ = write!(html, r#"<div class="xixia-stat__table-wrap" tabindex="0" role="region" aria-label="{}">"#, escape(&format!("{}{}", data.title, if zh { "：数据表" } else { ": data table" })));
    html.push_str(&table(data));
    html.push_str("</div></details>");
    let _ = write!(html, r#"<p class="xixia-stat__downloads">{}"#, if zh { "下载：" } else { "Download: " });
    for (i, (label, href)) in downloads(&data.id, &data.release, data.lang).iter().enumerate() {
        let _ = write!(html, r#"{}<a href="{}" download>{label}</a>"#, if i == 0 { "" } else { " · " }, escape(href));
    }
    html.push_str("</p></figure>");
    html
}

/// When the chart's release was published and which period its data reach, as the component
/// says it: "2023年12月29日发布 · 数据时期：2023年1-11月".
fn escape_dates(data: &ChartData) -> String {
    match &data.published {
        Some(date) => format!(r#"<p class="xixia-stat__dates">{}</p>"#, escape(&dates_line(data, date))),
        None => String::new(),
    }
}

/// "2023年12月29日发布 · 数据时期：2023年1-11月", "Published 29 December 2023 · Data for Jan–Nov 2023".
pub fn dates_line(data: &ChartData, date: &str) -> String {
    let day = chart::format::date(date, data.lang);
    match data.lang {
        Lang::Zh => format!("{day}发布 · 数据时期：{}", data.period),
        Lang::En => format!("Published {day} · Data for {}", data.period),
    }
}

/// The data table, as the component builds it: a caption, column headers, a header cell per row,
/// figures right-aligned.
fn table(data: &ChartData) -> String {
    let view = data.table();
    let numeric: Vec<bool> = (0..view.columns.len()).map(|i| i > 0 && !view.rows.is_empty() && view.rows.iter().all(|r| r.get(i).is_some_and(|c| is_figure(c)))).collect();
    let mut html = format!(r#"<table class="xixia-stat__table"><caption>{}</caption><thead><tr>"#, escape(&view.caption));
    for (i, column) in view.columns.iter().enumerate() {
        let class = if numeric[i] { r#" class="xixia-stat__num""# } else { "" };
        let _ = write!(html, r#"<th scope="col"{class}>{}</th>"#, escape(column));
    }
    html.push_str("</tr></thead><tbody>");
    for row in &view.rows {
        html.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(html, r#"<th scope="row">{}</th>"#, escape(cell));
            } else {
                let class = if is_figure(cell) { r#" class="xixia-stat__num""# } else { "" };
                let _ = write!(html, "<td{class}>{}</td>", escape(cell));
            }
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// A figure as the table prints it: digits with an optional sign, separators, decimals, % or ‰,
/// and the * that marks a derived value (the component's `NUMERIC`).
fn is_figure(cell: &str) -> bool {
    let body = cell.trim().trim_end_matches('*');
    let body = body.strip_suffix('%').or_else(|| body.strip_suffix('‰')).unwrap_or(body).trim_end();
    let body = body.strip_prefix(['+', '-', '−']).unwrap_or(body);
    body.chars().any(|c| c.is_ascii_digit()) && body.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') && body.matches('.').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped_everywhere_in_the_page() {
        let releases = crate::bundled::all().unwrap();
        let mut data = chart::build("gdp-by-industry", &releases[0], &releases).unwrap();
        let payload = r#"</svg><script>alert(1)</script><img src=x onerror="alert(2)">"#;
        data.title.push_str(payload);
        data.description.push_str(payload);
        data.categories[0].push_str(payload);
        data.series[0].labels[0].push_str(payload);
        data.notes.push(payload.to_owned());
        let page = page(r#"<main><xixia-stat chart="gdp-by-industry" release="2022-bulletin"></xixia-stat></main>"#, &[data]).unwrap();
        assert!(!page.contains("<script") && !page.contains("<img"), "{page}");
        assert!(page.matches("&lt;script&gt;alert(1)&lt;/script&gt;").count() >= 5, "title, summary, category, label, note");
        assert_eq!(page.matches("</svg>").count(), 1);
    }

    #[test]
    fn figures_are_recognised_as_the_component_does() {
        for yes in ["12.50", "-3.4%", "−14.6%", "11.5%*", "1,234", "0"] {
            assert!(is_figure(yes), "{yes}");
        }
        for no in ["", "第一产业", "7026.8万千克", "1.2.3", "%"] {
            assert!(!is_figure(no), "{no}");
        }
    }
}
