//! Charts drawn natively: every chart at every width is well-formed SVG whose text stays inside
//! the picture and shows the printed figures; a few are compared with golden files.

mod common;

use common::labels;
use xixia_stats::chart::{self, Lang, Mode, Options, Rendered};
use xixia_stats::{bundled, Release};

fn releases() -> Vec<Release> {
    bundled::all().unwrap_or_else(|err| panic!("{err}"))
}

fn draw(releases: &[Release], id: &str, width: u32) -> Rendered {
    let info = common::info(id).unwrap();
    let home = releases.iter().find(|r| r.id == info.release).unwrap();
    let data = chart::build(id, home, releases).unwrap_or_else(|err| panic!("{id}: {err}"));
    chart::render(&data, width).unwrap_or_else(|err| panic!("{id}: {err}"))
}

fn texts(svg: &str) -> Vec<String> {
    labels(svg).into_iter().map(|l| l.text).collect()
}

/// Phones to wide screens, in every mode (care mode's text is 1.5× larger) and both languages:
/// the text stays inside the picture, no two labels overlap, and English charts have no Chinese.
#[test]
fn every_chart_at_every_width_mode_and_language_keeps_its_text_inside_and_apart() {
    let releases = releases();
    for (mode, lang) in Mode::ALL.into_iter().flat_map(|m| [(m, Lang::Zh), (m, Lang::En)]) {
        let options = Options { mode, ids: "t".into() };
        for info in common::catalogue() {
            let home = releases.iter().find(|r| r.id == info.release).unwrap();
            let data = chart::build_in(info.id, home, &releases, lang).unwrap();
            for width in [280, 320, 360, 414, 768, 1024, 1440, 1920] {
                let drawn = chart::render_with(&data, width, &options).unwrap_or_else(|err| panic!("{}: {err}", info.id));
                let expected_width = width.clamp(chart::MIN_WIDTH, chart::MAX_WIDTH);
                let at = format!("{} at {width}px, {mode:?}, {lang:?}", info.id);
                assert_eq!(drawn.width, expected_width);
                assert!(drawn.svg.contains(&format!("width=\"{expected_width}\"")));
                let all = labels(&drawn.svg);
                if lang == Lang::En {
                    let chinese = all.iter().find(|l| l.text.chars().any(|c| matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')));
                    assert!(chinese.is_none(), "{at}: Chinese in an English chart: {chinese:?}");
                }
                for l in &all {
                    let inside = l.left >= -0.5 && l.right <= f64::from(expected_width) + 0.5 && l.top >= 0.0 && l.bottom <= f64::from(drawn.height);
                    assert!(inside, "{at}: {:?} spans {:.0}..{:.0} × {:.0}..{:.0}", l.text, l.left, l.right, l.top, l.bottom);
                }
                for (i, a) in all.iter().enumerate() {
                    for b in &all[i + 1..] {
                        let overlap_x = a.right.min(b.right) - a.left.max(b.left);
                        let overlap_y = a.bottom.min(b.bottom) - a.top.max(b.top);
                        assert!(overlap_x <= 1.0 || overlap_y <= 1.0, "{at}: {:?} overlaps {:?} ({overlap_x:.1} × {overlap_y:.1} px)", a.text, b.text);
                    }
                }
                assert!(!drawn.marks.is_empty(), "{at} has marks");
                let patterned = mode != Mode::Standard;
                assert_eq!(drawn.svg.contains(r#"<pattern id="t-p1""#), patterned, "{at}: patterns defined outside the standard mode only");
                if data.series.len() > 1 || info.kind == chart::ChartKind::Donut {
                    assert_eq!(drawn.svg.contains("url(#t-p"), patterned, "{at}: series told apart by pattern");
                }
            }
        }
    }
}

#[test]
fn charts_show_the_printed_figures() {
    let releases = releases();
    let rows = [
        ("gdp-by-industry", &["340.85", "141.81", "7.25", "第二产业", "资料来源：西夏区统计局", "初步统计数"][..]),
        ("gdp-structure", &["69.6%", "489.91亿元", "第一产业 1.5%"][..]),
        ("industry-growth", &["44.4%", "仪器仪表制造业"][..]),
        ("product-growth", &["−14.6%", "119.3%", "水泥"][..]),
        ("services-by-sector", &["63.88", "12.10"][..]),
        ("indicators-vs-region", &["21.4%", "11.5%*", "15.1%*", "20.5%"][..]),
        ("structure-comparison", &["1.5 : 69.6 : 28.9", "0.3 : 71 : 28.7", "0.8 : 70.5 : 28.7"][..]),
        ("sanbao-cumulative", &["14976.67", "占全年10.87%", "资料来源：西夏区财政局"][..]),
        ("direct-funds-progress", &["20.3%", "64.7%", "3月底目标25%"][..]),
    ];
    for (id, figures) in rows {
        let drawn = draw(&releases, id, 720);
        let all: Vec<String> = texts(&drawn.svg);
        for figure in figures {
            assert!(all.iter().any(|t| t.contains(figure)), "{id}: {figure:?} not among {all:?}");
        }
    }
}

#[test]
fn negative_growth_reads_as_negative() {
    let releases = releases();
    let drawn = draw(&releases, "product-growth", 720);
    let cement = drawn.marks.iter().find(|m| m.category == "水泥").unwrap();
    let silicon = drawn.marks.iter().find(|m| m.category == "单晶硅").unwrap();
    assert_eq!(cement.label, "−14.6%");
    assert!(cement.x + cement.width <= silicon.x + 1, "the fall extends left of zero");
    assert!(drawn.svg.contains(&format!("fill=\"{}\"", xixia_stats::chart::palette::hex(xixia_stats::chart::palette::STANDARD.negative))));
}

#[test]
fn the_table_view_holds_every_drawn_value() {
    let releases = releases();
    for info in common::catalogue() {
        let home = releases.iter().find(|r| r.id == info.release).unwrap();
        let data = chart::build(info.id, home, &releases).unwrap();
        let table = data.table();
        assert_eq!(table.rows.len(), data.categories.len(), "{}", info.id);
        for series in &data.series {
            for label in &series.labels {
                assert!(table.rows.iter().flatten().any(|cell| cell == label), "{}: {label} not in the table", info.id);
            }
        }
    }
}

#[test]
fn unknown_charts_and_wrong_releases_are_clear_errors() {
    let releases = releases();
    let bulletin = releases.iter().find(|r| r.id == "2022-bulletin").unwrap();
    let err = chart::build("nope", bulletin, &releases).unwrap_err().to_string();
    assert!(err.contains("没有图表“nope”") && err.contains("gdp-structure"), "{err}");
    let err = chart::build("sanbao-cumulative", bulletin, &releases).unwrap_err().to_string();
    assert!(err.contains("2023-fiscal-reports-5-8"), "{err}");
    let mut draft = bulletin.clone();
    draft.facts.retain(|f| f.id != "gdp-secondary");
    draft.breakdowns.retain(|b| b.id != "gdp-by-industry");
    let err = chart::build("gdp-by-industry", &draft, &releases).unwrap_err().to_string();
    assert!(err.contains("gdp-by-industry"), "{err}");
}

/// Golden files: set UPDATE_GOLDEN=1 to rewrite them after a deliberate change, and look at them.
#[test]
fn golden_svgs() {
    let releases = releases();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for (id, width) in [("gdp-by-industry", 640), ("gdp-structure", 640), ("direct-funds-progress", 360), ("indicators-vs-region", 480)] {
        let svg = draw(&releases, id, width).svg;
        let path = dir.join(format!("{id}-{width}.svg"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &svg).unwrap();
            continue;
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
        assert!(golden == svg, "{id} at {width}px differs from {}; if the change is meant, rerun with UPDATE_GOLDEN=1 and look at the result", path.display());
    }
}

/// The page draws from the JSON `xixia-stats chart-data` writes: it must carry every chart exactly.
#[test]
fn chart_data_survives_the_json_the_page_loads() {
    let releases = releases();
    for info in common::catalogue() {
        let home = releases.iter().find(|r| r.id == info.release).unwrap();
        let data = chart::build(info.id, home, &releases).unwrap();
        let json = serde_json::to_string(&data).unwrap();
        let back: chart::ChartData = serde_json::from_str(&json).unwrap_or_else(|err| panic!("{}: {err}", info.id));
        assert_eq!(back, data, "{}", info.id);
        assert_eq!(chart::render(&back, 640).unwrap().svg, chart::render(&data, 640).unwrap().svg, "{}", info.id);
    }
}
