//! A chart's SVG as a file of its own: what Illustrator, Inkscape and a browser need when the
//! picture is opened by itself rather than inlined in the page.

use std::fmt::Write as _;

use crate::chart::svg::escape;
use crate::chart::{ChartData, FONT};

/// Makes a drawn chart's SVG stand alone: an XML declaration; on the root a language and, if the
/// drawing did not set one, the CJK font stack ending in `sans-serif`; then, as the first
/// children, a `<title>` (the chart's title), a `<desc>` (its description, source and status)
/// and a Dublin Core `<metadata>` block (title, publishers, source, period, language, release and
/// chart ids). All text is escaped. Input without an `<svg` element is returned after the
/// declaration, unchanged.
///
/// ```
/// use xixia_stats::{bundled, chart, export};
/// let bulletin = bundled::release("2022-bulletin").unwrap();
/// let data = chart::build("gdp-by-industry", &bulletin, &[]).unwrap();
/// let svg = chart::render(&data, 640).unwrap().svg;
/// let file = export::standalone_svg(&svg, &data);
/// assert!(file.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
/// assert!(file.contains("><title>2022年西夏区三次产业增加值</title><desc>"));
/// assert!(file.contains("<dc:coverage>2022年</dc:coverage>"));
/// ```
pub fn standalone_svg(svg: &str, data: &ChartData) -> String {
    const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    let body = svg.trim_start_matches('\u{feff}').trim_start();
    let body = match body.strip_prefix("<?xml") {
        Some(rest) => rest.find("?>").map_or(body, |end| rest[end + 2..].trim_start()),
        None => body,
    };
    let Some((start, end)) = body.find("<svg").and_then(|start| tag_end(body, start).map(|end| (start, end))) else {
        return format!("{DECLARATION}{body}");
    };
    let tag = &body[start..end];
    let (open, self_closing) = match tag.strip_suffix("/>") {
        Some(open) => (open.trim_end(), true),
        None => (tag.strip_suffix('>').unwrap_or(tag), false),
    };
    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str(DECLARATION);
    out.push_str(&body[..start]);
    out.push_str(open);
    if !has_attribute(open, "font-family") {
        let _ = write!(out, r#" font-family="{}""#, escape(FONT));
    }
    if !has_attribute(open, "xml:lang") && !has_attribute(open, "lang") {
        let _ = write!(out, r#" xml:lang="{}""#, data.lang.code());
    }
    out.push('>');
    head(&mut out, data);
    if self_closing {
        out.push_str("</svg>");
        out.push_str(&body[end..]);
    } else {
        out.push_str(&body[end..]);
    }
    out
}

/// `<title>`, `<desc>` and `<metadata>`.
fn head(out: &mut String, data: &ChartData) {
    let title = data.marked_title();
    let _ = write!(out, "<title>{}</title>", escape(&title));
    let status = data.status_line();
    let desc: Vec<&str> = [data.description.as_str(), data.source.as_str(), status.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
    let _ = write!(out, "<desc>{}</desc>", escape(&desc.join("\n")));
    out.push_str(concat!(
        r#"<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#""#,
        r#" xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">"#,
        r#"<cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>"#
    ));
    let _ = write!(out, "<dc:title>{}</dc:title>", escape(&title));
    let publishers = super::publishers(data);
    if !publishers.is_empty() {
        let _ = write!(out, "<dc:publisher><cc:Agent><dc:title>{}</dc:title></cc:Agent></dc:publisher>", escape(publishers));
    }
    let _ = write!(
        out,
        "<dc:source>{}</dc:source><dc:coverage>{}</dc:coverage><dc:language>{}</dc:language><dc:identifier>{}/{}</dc:identifier>",
        escape(&data.source),
        escape(&data.period),
        data.lang.code(),
        escape(&data.release),
        escape(&data.id)
    );
    if let Some(mark) = data.draft_mark() {
        let _ = write!(out, "<dc:type>{}</dc:type>", escape(mark));
    }
    out.push_str("</cc:Work></rdf:RDF></metadata>");
}

/// The end (one past `>`) of the tag starting at `start`, skipping `>` inside quoted values.
fn tag_end(text: &str, start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in text[start..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(start + i + 1),
            _ => {}
        }
    }
    None
}

/// Whether a start tag has an attribute (` name=`).
fn has_attribute(tag: &str, name: &str) -> bool {
    tag.split(|c: char| c.is_whitespace()).any(|part| part.strip_prefix(name).is_some_and(|rest| rest.starts_with('=')))
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_end_outside_quotes() {
        assert_eq!(tag_end(r#"<svg a="x>y">"#, 0), Some(13));
        assert_eq!(tag_end("<svg", 0), None);
        assert!(has_attribute(r#"<svg width="1" font-family="x""#, "font-family"));
        assert!(!has_attribute(r#"<svg data-font-family="x""#, "font-family"));
    }

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(escape("a<b>&\"c\"'\u{1}\n"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;\n");
    }
}
