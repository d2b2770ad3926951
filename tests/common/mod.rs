//! What the chart tests share: every `<text>` of a drawn SVG with the box it covers, estimated
//! as the renderer estimates it.

#![allow(dead_code)] // each test crate uses some of it
use xixia_stats::chart::text;

/// A drawn `<text>`: its string and the box it covers, estimated as the renderer does.
#[derive(Debug)]
pub struct Label {
    pub text: String,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

/// Every `<text>` of an SVG with its box, from x, y, anchor, baseline shift and font size; a
/// draft's watermark (turned, over everything, translucent) is not a label and is left out.
pub fn labels(svg: &str) -> Vec<Label> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|err| panic!("not well-formed SVG: {err}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("class") != Some("xs-watermark"))
        .map(|n| {
            let number = |name: &str| n.attribute(name).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
            let string = n.text().unwrap_or("").trim().to_owned();
            let (x, y, size) = (number("x"), number("y"), number("font-size"));
            let w = text::width(&string, size);
            let (left, right) = match n.attribute("text-anchor").unwrap_or("start") {
                "middle" => (x - w / 2.0, x + w / 2.0),
                "end" => (x - w, x),
                _ => (x, x + w),
            };
            // The renderer's anchors: dy 0.76em hangs the text below y, 0.35em centres it on y.
            let (top, bottom) = match n.attribute("dy") {
                Some("0.76em") => (y, y + size),
                Some("0.35em") => (y - size / 2.0, y + size / 2.0),
                _ => (y - size, y),
            };
            Label { text: string, left, right, top, bottom }
        })
        .collect()
}

/// Where a picture `width` × `height` breaks the layout rules: a label outside it, or two
/// labels overlapping. Empty when it keeps them.
pub fn layout_faults(svg: &str, width: u32, height: u32) -> Vec<String> {
    let all = labels(svg);
    let mut faults = Vec::new();
    for l in &all {
        let inside = l.left >= -0.5 && l.right <= f64::from(width) + 0.5 && l.top >= 0.0 && l.bottom <= f64::from(height);
        if !inside {
            faults.push(format!("{:?} spans {:.0}..{:.0} × {:.0}..{:.0}", l.text, l.left, l.right, l.top, l.bottom));
        }
    }
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            let overlap_x = a.right.min(b.right) - a.left.max(b.left);
            let overlap_y = a.bottom.min(b.bottom) - a.top.max(b.top);
            if overlap_x > 1.0 && overlap_y > 1.0 {
                faults.push(format!("{:?} overlaps {:?} ({overlap_x:.1} × {overlap_y:.1} px)", a.text, b.text));
            }
        }
    }
    faults
}

/// A chart of the bundled chart specification, with the release it charts: what the chart tests
/// go through, one row per chart and release.
#[derive(Debug, Clone, Copy)]
pub struct Info {
    pub id: &'static str,
    pub release: &'static str,
    pub kind: xixia_stats::chart::ChartKind,
}

/// Every chart of the bundled specification with each bundled release it charts.
pub fn catalogue() -> &'static [Info] {
    use std::sync::OnceLock;
    static ALL: OnceLock<Vec<Info>> = OnceLock::new();
    ALL.get_or_init(|| {
        let site = xixia_stats::site::Site::bundled().expect("the bundled site loads");
        let mut all = Vec::new();
        for entry in &site.spec.charts {
            for release in site.releases.iter().filter(|r| entry.selector().selects(r, &site.releases)) {
                let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
                all.push(Info { id: leak(&entry.id), release: leak(&release.id), kind: entry.kind });
            }
        }
        all
    })
}

/// The bundled specification's chart `id`.
pub fn info(id: &str) -> Option<&'static Info> {
    catalogue().iter().find(|i| i.id == id)
}
