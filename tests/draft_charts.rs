//! A draft's charts: every bundled release taken as a draft shows its charts — the catalogue's
//! under the same ids, charts made up for its structures when the ids are new — each drawn at
//! every width, mode and language with its labels inside and apart, and each marked 征求意见稿
//! in its picture and its exports; published charts carry no mark.

mod common;

use std::collections::{BTreeSet, HashSet};
use std::time::Instant;

use common::{labels, layout_faults};
use xixia_stats::chart::{self, ChartData, ChartKind, Lang, Mode, Options, DRAFT_MARK, MAX_DRAFT_CHARTS};
use xixia_stats::{bundled, export, Breakdown, BreakdownKind, Release};

fn releases() -> Vec<Release> {
    bundled::all().unwrap_or_else(|err| panic!("{err}"))
}

/// The release as a draft: the same data under another id.
fn as_draft(release: &Release) -> Release {
    let mut draft = release.clone();
    draft.id = "draft-x".into();
    draft
}

/// The release as a draft whose every fact, breakdown, ratio, series and table has a new id
/// (and every reference follows), so no catalogue chart finds its data.
fn renamed(release: &Release) -> Release {
    let new = |id: &str| format!("r-{id}");
    let mut draft = as_draft(release);
    for fact in &mut draft.facts {
        fact.id = new(&fact.id);
        if let Some(c) = &mut fact.contribution {
            c.to = new(&c.to);
        }
        if let Some(s) = &mut fact.share {
            s.of = new(&s.of);
        }
    }
    for b in &mut draft.breakdowns {
        b.id = new(&b.id);
        b.total = new(&b.total);
        b.parts = b.parts.iter().map(|p| new(p)).collect();
    }
    for r in &mut draft.ratios {
        r.id = new(&r.id);
        r.breakdown = r.breakdown.as_deref().map(new);
    }
    for s in &mut draft.series {
        s.id = new(&s.id);
        s.points = s.points.iter().map(|p| new(p)).collect();
        s.target = s.target.as_deref().map(new);
    }
    for t in &mut draft.tables {
        t.id = new(&t.id);
        if let Some(target) = &mut t.target {
            target.fact = new(&target.fact);
        }
    }
    draft
}

/// Both draft variants of every bundled release, named.
fn drafts(releases: &[Release]) -> Vec<(String, Release)> {
    releases.iter().flat_map(|r| [(format!("{} as draft-x", r.id), as_draft(r)), (format!("{} renamed", r.id), renamed(r))]).collect()
}

/// The numbers a chart draws, as printed, whatever their order.
fn drawn_labels(data: &ChartData) -> BTreeSet<String> {
    data.series.iter().flat_map(|s| s.labels.iter().cloned()).collect()
}

#[test]
fn every_bundled_release_as_a_draft_shows_its_catalogue_charts_marked() {
    let releases = releases();
    for release in &releases {
        let draft = as_draft(release);
        let charts = chart::draft_charts(&draft, &releases, Lang::Zh);
        let home: Vec<&str> = common::catalogue().iter().filter(|c| c.release == release.id).map(|c| c.id).collect();
        for id in &home {
            let drafted = charts.iter().find(|c| c.id == *id).unwrap_or_else(|| panic!("{}: catalogue chart {id} missing from the draft's charts", release.id));
            let mut published = chart::build(id, release, &releases).unwrap();
            assert!(!published.draft);
            published.draft = true;
            published.release = "draft-x".into();
            assert_eq!(*drafted, published, "{id}: the draft's chart is the published one, marked");
        }
        assert!(charts.len() > home.len(), "{}: automatic charts besides the catalogue's: {:?}", release.id, charts.iter().map(|c| &c.id).collect::<Vec<_>>());
        let ids: HashSet<&str> = charts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), charts.len(), "{}: chart ids are unique", release.id);
        for c in &charts {
            assert!(c.draft && c.release == "draft-x", "{}: {} is marked and belongs to the draft", release.id, c.id);
            assert!(!c.title.is_empty() && !c.description.is_empty() && !c.categories.is_empty(), "{}: {} has a title, a description and data", release.id, c.id);
        }
        // The same chart list, in the same order, every time.
        let again: Vec<String> = chart::draft_charts(&draft, &releases, Lang::Zh).into_iter().map(|c| c.id).collect();
        assert_eq!(again, charts.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    }
}

#[test]
fn a_draft_of_another_period_gets_no_catalogue_chart_with_a_wrong_year() {
    let releases = releases();
    let mut draft = as_draft(releases.iter().find(|r| r.id == "2022-bulletin").unwrap());
    draft.period = xixia_stats::Period::Year { year: 2023 };
    let charts = chart::draft_charts(&draft, &releases, Lang::Zh);
    // The specification's bulletin charts chart a bulletin of any year, titled with its year.
    let gdp = charts.iter().find(|c| c.id == "gdp-by-industry").expect("a bulletin draft gets the bulletin's charts");
    assert_eq!(gdp.title, "2023年西夏区三次产业增加值");
    assert!(charts.iter().all(|c| !c.title.contains("2022年")), "no title names 2022");
    // Titles the charts make name the draft's year; a table's own title is the draft's words.
    let made: Vec<&str> = charts.iter().filter(|c| !c.id.starts_with("draft-table-")).map(|c| c.title.as_str()).collect();
    // A chart over time names its span, which ends in the draft's year: 2021—2023年.
    assert!(made.iter().all(|t| t.starts_with("2023年") || t.contains("—2023年")), "{made:?}");
    assert!(!charts.iter().any(|c| c.id == "draft-gdp-by-industry"), "a structure the specification charts gets no second chart");
}

/// With new ids no catalogue chart finds its data; made-up charts show the same structures with
/// the same figures.
#[test]
fn renamed_drafts_get_automatic_charts_for_what_the_catalogue_showed() {
    let releases = releases();
    // (release, catalogue chart, the automatic chart that replaces it, its kind)
    let rows = [
        ("2022-bulletin", "gdp-by-industry", "draft-r-gdp-by-industry", ChartKind::Column),
        ("2022-bulletin", "gdp-structure", "draft-ratio-r-gdp-structure", ChartKind::Donut),
        ("2022-bulletin", "industry-growth", "draft-r-industry-sub-industries", ChartKind::Bar),
        ("2022-bulletin", "product-growth", "draft-table-r-industrial-products", ChartKind::Bar),
        ("2022-bulletin", "services-by-sector", "draft-r-services-by-sector", ChartKind::Bar),
        ("2023-1-11-indicators", "indicators-vs-region", "draft-gaps", ChartKind::Grouped),
        ("2023-fiscal-reports-5-8", "sanbao-cumulative", "draft-series-r-sanbao-actual", ChartKind::Cumulative),
        ("2023-fiscal-reports-5-8", "direct-funds-progress", "draft-table-r-direct-funds-by-fund", ChartKind::Progress),
    ];
    for (release_id, catalogue, automatic, kind) in rows {
        let release = releases.iter().find(|r| r.id == release_id).unwrap();
        let charts = chart::draft_charts(&renamed(release), &releases, Lang::Zh);
        assert!(charts.iter().all(|c| c.id.starts_with("draft-")), "{release_id}: no catalogue chart finds renamed data");
        let auto = charts.iter().find(|c| c.id == automatic).unwrap_or_else(|| panic!("{release_id}: {automatic} missing among {:?}", charts.iter().map(|c| &c.id).collect::<Vec<_>>()));
        assert_eq!(auto.kind, kind, "{automatic}");
        let published = chart::build(catalogue, release, &releases).unwrap();
        let (ours, theirs) = (drawn_labels(auto), drawn_labels(&published));
        let total_row: BTreeSet<String> = published.categories.iter().filter(|c| c.contains("合计")).cloned().collect();
        assert!(total_row.is_empty() || kind == ChartKind::Progress);
        if kind == ChartKind::Cumulative {
            assert_eq!(auto.extra_columns[0].labels, published.extra_columns[0].labels, "{automatic}: the same totals as {catalogue}");
        } else {
            assert_eq!(ours, theirs, "{automatic} draws the figures {catalogue} draws");
        }
        // The description names the largest figure, as the catalogue chart's does.
        let values = published.series.iter().flat_map(|s| s.values.iter().zip(&s.labels)).filter_map(|(v, l)| v.map(|v| (v, l)));
        let (_, largest) = values.max_by_key(|(v, _)| *v).unwrap();
        let largest = largest.trim_end_matches(['%', '*']);
        if kind != ChartKind::Cumulative {
            assert!(published.description.contains(largest), "{catalogue}: {largest}: {}", published.description);
            assert!(auto.description.contains(largest), "{automatic}: {largest}: {}", auto.description);
        }
    }
    // Every breakdown a catalogue chart showed is shown again, in both languages where names allow.
    for release in &releases {
        let (plain, new) = (chart::draft_charts(&as_draft(release), &releases, Lang::Zh), chart::draft_charts(&renamed(release), &releases, Lang::Zh));
        let shown = |charts: &[ChartData]| charts.iter().filter(|c| c.id.starts_with("draft-")).count();
        // Charts over time follow an indicator's id from release to release: renamed, there is
        // nothing to follow, and no automatic chart takes their place.
        let over_time = plain.iter().filter(|c| matches!(c.kind, ChartKind::Line | ChartKind::Combo)).count();
        assert!(new.len() + over_time >= plain.len(), "{}: {} charts renamed, {} not", release.id, new.len(), plain.len());
        assert!(shown(&new) > shown(&plain) || plain.iter().all(|c| c.id.starts_with("draft-")), "{}", release.id);
        for b in &release.breakdowns {
            let id = format!("draft-r-{}", b.id);
            let drawable = b.parts.len() > 1;
            assert_eq!(new.iter().any(|c| c.id == id), drawable, "{}: breakdown {} has a chart exactly when it has parts to draw", release.id, b.id);
        }
    }
}

#[test]
fn breakdowns_get_the_chart_their_figures_allow() {
    let releases = releases();
    let bulletin = releases.iter().find(|r| r.id == "2022-bulletin").unwrap();
    let charts = chart::draft_charts(&as_draft(bulletin), &releases, Lang::Zh);
    let find = |id: &str| charts.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("{id}"));
    // Values in one unit, many parts: bars, largest first, growth in the table.
    let agriculture = find("draft-agriculture-by-sector");
    assert_eq!((agriculture.kind, agriculture.title.as_str()), (ChartKind::Bar, "2022年农林牧渔业总产值主要构成"));
    let values: Vec<_> = agriculture.series[0].values.iter().flatten().collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "largest first: {values:?}");
    assert_eq!(agriculture.extra_columns.len(), 1, "growth beside each value");
    assert!(agriculture.notes.iter().any(|n| n.contains("其中项")), "{:?}", agriculture.notes);
    // Few parts with short names: columns in printed order, growth as notes under them.
    let revenue = find("draft-revenue-by-type");
    assert_eq!(revenue.kind, ChartKind::Column);
    assert!(revenue.category_notes.iter().all(|n| n.starts_with("增长") || n.starts_with("下降")), "{:?}", revenue.category_notes);
    // Growth only: bars of growth, fastest first.
    let retail = find("draft-retail-by-economic-type");
    assert_eq!((retail.kind, retail.unit.as_str()), (ChartKind::Bar, "%"));
    assert!(retail.title.ends_with("各部分增速（按经济类型分）"), "{}", retail.title);
    let growth: Vec<_> = retail.series[0].values.iter().flatten().collect();
    assert!(growth.windows(2).all(|w| w[0] >= w[1]));
    // Two splits of one total are told apart.
    let sexes = find("draft-population-by-sex");
    assert_eq!(sexes.title, "2022年常住人口构成（按性别分）");
    // A stated ratio: a ring, with the total it splits.
    let investment = find("draft-ratio-investment-structure");
    assert_eq!((investment.kind, investment.series[0].labels.join(":")), (ChartKind::Donut, "0.3:71:28.7".to_owned()));
    assert!(investment.description.contains("三次产业投资结构比为0.3:71:28.7"), "{}", investment.description);
    // Breakdowns of a single part draw nothing: one bar says nothing a sentence does not.
    assert!(!charts.iter().any(|c| c.id == "draft-grain-area-wheat"));
    // Comparable prices are noted where growth is real growth.
    let services = chart::draft_charts(&renamed(bulletin), &releases, Lang::Zh);
    let gdp = services.iter().find(|c| c.id == "draft-r-gdp-by-industry").unwrap();
    assert!(gdp.notes.iter().any(|n| n.contains("按可比价格计算")), "{:?}", gdp.notes);
    assert!(gdp.description.starts_with("2022年西夏区地区生产总值489.91亿元，比上年增长8.3%。其中，第一产业增加值7.25亿元"), "{}", gdp.description);
}

#[test]
fn english_draft_charts_have_no_chinese_or_are_left_out() {
    let releases = releases();
    for (name, draft) in drafts(&releases) {
        let zh = chart::draft_charts(&draft, &releases, Lang::Zh);
        let en = chart::draft_charts(&draft, &releases, Lang::En);
        assert!(!en.is_empty(), "{name}: some English charts");
        let zh_ids: Vec<&str> = zh.iter().map(|c| c.id.as_str()).collect();
        for c in &en {
            assert!(zh_ids.contains(&c.id.as_str()), "{name}: {} in English only", c.id);
            let strings = [&c.title, &c.subtitle, &c.description, &c.source, &c.status].into_iter().chain(&c.categories).chain(&c.notes);
            for s in strings {
                assert!(!s.chars().any(|ch| matches!(ch, '\u{3000}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')), "{name}: {}: Chinese in English: {s}", c.id);
            }
        }
    }
}

/// Every draft chart, at a phone's width up to the widest, in every mode and both languages:
/// labels inside the picture and apart, the watermark there and the status line saying it.
#[test]
fn every_draft_chart_draws_cleanly_with_its_watermark() {
    let releases = releases();
    let mut drawn = 0;
    for (name, draft) in drafts(&releases) {
        for lang in [Lang::Zh, Lang::En] {
            let mark = match lang {
                Lang::Zh => DRAFT_MARK.0,
                Lang::En => DRAFT_MARK.1,
            };
            for data in chart::draft_charts(&draft, &releases, lang) {
                for mode in Mode::ALL {
                    let options = Options { mode, ids: "d".into() };
                    for width in [280, 360, 800, 1600] {
                        let at = format!("{name}: {} at {width}px, {mode:?}, {lang:?}", data.id);
                        let picture = chart::render_with(&data, width, &options).unwrap_or_else(|err| panic!("{at}: {err}"));
                        let faults = layout_faults(&picture.svg, picture.width, picture.height);
                        assert!(faults.is_empty(), "{at}: {faults:#?}");
                        let doc = roxmltree::Document::parse(&picture.svg).unwrap();
                        let watermarks: Vec<_> = doc.descendants().filter(|n| n.attribute("class") == Some("xs-watermark")).collect();
                        assert!(!watermarks.is_empty(), "{at}: no watermark");
                        for w in &watermarks {
                            assert_eq!(w.text(), Some(mark), "{at}");
                            assert_eq!(w.attribute("aria-hidden"), Some("true"));
                            assert_eq!(w.attribute("pointer-events"), Some("none"), "{at}: tooltips work through it");
                            // Its box, turned: inside the picture, below the title, above the
                            // source line.
                            let number = |name: &str| w.attribute(name).unwrap().parse::<f64>().unwrap();
                            let (x, y, size) = (number("x"), number("y"), number("font-size"));
                            let (half_w, half_h) = (chart::text::width(mark, size) * 1.08 / 2.0, size / 2.0);
                            let (sin, cos) = (24f64.to_radians().sin(), 24f64.to_radians().cos());
                            let (reach_x, reach_y) = (half_w * cos + half_h * sin, half_w * sin + half_h * cos);
                            let all = labels(&picture.svg);
                            let (title, source) = (all.first().unwrap(), all.last().unwrap());
                            assert!(x - reach_x >= 0.0 && x + reach_x <= f64::from(picture.width), "{at}: the watermark spans {:.0}..{:.0}", x - reach_x, x + reach_x);
                            assert!(y - reach_y >= title.bottom && y + reach_y <= source.top, "{at}: the watermark spans {:.0}..{:.0}, between the title ({:.0}) and the source ({:.0})", y - reach_y, y + reach_y, title.bottom, source.top);
                            assert_eq!(w.attribute("transform"), Some(format!("rotate(-24 {x} {y})").as_str()));
                        }
                        // The footer's last lines: the source, the mark and the status, wrapped
                        // between parts on a narrow chart.
                        // (spaces and separators dropped: lines break between parts, and inside the English mark).
                        let all = labels(&picture.svg);
                        let squeeze = |text: &str| text.chars().filter(|c| !c.is_whitespace() && *c != '·').collect::<String>();
                        let footer = squeeze(&all[all.len().saturating_sub(4)..].iter().map(|l| l.text.as_str()).collect::<String>());
                        assert!(footer.contains(&squeeze(&format!("{mark} · {}", data.status))), "{at}: the status line says {mark}: {footer}");
                        assert!(!picture.marks.is_empty(), "{at}: marks for tooltips");
                        drawn += 1;
                    }
                }
            }
        }
    }
    assert!(drawn > 1000, "{drawn} pictures");
}

#[test]
fn published_charts_carry_no_draft_mark() {
    let releases = releases();
    for info in common::catalogue() {
        let home = releases.iter().find(|r| r.id == info.release).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let data = chart::build_in(info.id, home, &releases, lang).unwrap();
            let svg = chart::render_with(&data, 640, &Options { mode: Mode::Care, ids: "p".into() }).unwrap().svg;
            assert!(!svg.contains("xs-watermark") && !svg.contains(DRAFT_MARK.0) && !svg.contains(DRAFT_MARK.1), "{}", info.id);
            let csv = String::from_utf8(export::csv::to_csv(&data).unwrap()).unwrap();
            assert!(!csv.contains(DRAFT_MARK.0) && !csv.contains(DRAFT_MARK.1), "{}", info.id);
            assert!(!export::standalone_svg(&svg, &data).contains(DRAFT_MARK.0));
            // Published data says so (and chart data written before drafts existed, without the
            // key, reads as published).
            let json = serde_json::to_string(&data).unwrap();
            assert!(json.contains("\"draft\":false"), "{}", info.id);
        }
    }
}

#[test]
fn exports_of_a_draft_say_so() {
    let releases = releases();
    let draft = as_draft(releases.iter().find(|r| r.id == "2022-bulletin").unwrap());
    let zh = chart::draft_charts(&draft, &releases, Lang::Zh);
    let gdp = zh.iter().find(|c| c.id == "gdp-by-industry").unwrap();
    let csv = String::from_utf8(export::csv::to_csv(gdp).unwrap()).unwrap();
    let csv = csv.trim_start_matches('\u{feff}');
    assert!(csv.starts_with("标题,【征求意见稿】2022年西夏区三次产业增加值\r\n"), "{csv}");
    assert!(csv.contains("\r\n数据状态,征求意见稿（初步统计数）\r\n"), "{csv}");
    assert!(csv.contains("\r\n第二产业,340.85,13.0\r\n"), "the table is unchanged: {csv}");
    let svg = chart::render(gdp, 640).unwrap().svg;
    let file = export::standalone_svg(&svg, gdp);
    assert!(file.contains("<title>【征求意见稿】2022年西夏区三次产业增加值</title>"), "{file}");
    assert!(file.contains("征求意见稿 · 初步统计数</desc>") && file.contains("<dc:type>征求意见稿</dc:type>"));
    assert!(file.contains(r#"class="xs-watermark""#));
    let json = serde_json::to_string(gdp).unwrap();
    assert!(json.contains("\"draft\":true"));
    assert_eq!(&serde_json::from_str::<ChartData>(&json).unwrap(), gdp);

    let en = chart::draft_charts(&draft, &releases, Lang::En);
    let gdp = en.iter().find(|c| c.id == "gdp-by-industry").unwrap();
    let csv = String::from_utf8(export::csv::to_csv(gdp).unwrap()).unwrap();
    assert!(csv.contains("Title,\"[DRAFT — for comment] Value added of the three industries, Xixia District, 2022\"\r\n") && csv.contains("\r\nStatus,DRAFT — for comment (Preliminary figures)\r\n"), "{csv}");
}

/// A draft with 500 breakdowns gives 60 charts at once, says how many there are, pages on, and
/// does it quickly.
#[test]
fn a_draft_with_hundreds_of_breakdowns_is_capped_and_fast() {
    let releases = releases();
    let mut draft = as_draft(releases.iter().find(|r| r.id == "2022-bulletin").unwrap());
    let population = draft.breakdowns.iter().find(|b| b.id == "population-by-ethnicity").unwrap().clone();
    for i in 0..500 {
        draft.breakdowns.push(Breakdown { id: format!("copy-{i}"), name: format!("民族{i}"), kind: BreakdownKind::Exhaustive, ..population.clone() });
    }
    let started = Instant::now();
    let charts = chart::draft_charts(&draft, &releases, Lang::Zh);
    let page = chart::draft_charts_page(&draft, &releases, Lang::Zh, MAX_DRAFT_CHARTS, MAX_DRAFT_CHARTS);
    let elapsed = started.elapsed();
    assert_eq!(charts.len(), MAX_DRAFT_CHARTS);
    assert!(page.total > 500, "{}", page.total);
    let last = charts.last().unwrap();
    assert!(last.notes.iter().any(|n| n == &format!("本稿共可生成{}张图表，这里显示第1至60张。", page.total)), "{:?}", last.notes);
    assert_eq!(page.charts.len(), MAX_DRAFT_CHARTS);
    assert!(page.charts.last().unwrap().notes.iter().any(|n| n.contains("第61至120张")));
    let ids: HashSet<&str> = charts.iter().chain(&page.charts).map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 2 * MAX_DRAFT_CHARTS, "pages do not repeat charts");
    let end = chart::draft_charts_page(&draft, &releases, Lang::Zh, page.total - 5, 100);
    assert_eq!(end.charts.len(), 5);
    assert!(end.charts.iter().all(|c| !c.notes.iter().any(|n| n.contains("本稿共可生成"))) || end.charts.len() < end.total);
    assert!(elapsed.as_secs_f64() < 3.0, "{elapsed:?}");
    let started = Instant::now();
    for data in &charts {
        chart::render(data, 800).unwrap();
    }
    assert!(started.elapsed().as_secs_f64() < 5.0, "drawing 60 charts took {:?}", started.elapsed());
}

/// PNGs of draft charts (the first few of each draft and one of every kind), written to
/// test-output/draft/ to look at: the watermark darkens
/// pixels the published chart leaves white.
#[cfg(feature = "png")]
#[test]
fn draft_pngs_carry_the_watermark() {
    let Ok(fonts) = chart::Fonts::noto() else {
        eprintln!("fonts-noto-cjk not installed: no PNGs drawn");
        return;
    };
    let releases = releases();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test-output/draft");
    std::fs::create_dir_all(&dir).unwrap();
    let mut written = 0;
    for (name, draft) in drafts(&releases).into_iter().filter(|(n, _)| n.ends_with("renamed") || n.starts_with("2022")) {
        for lang in [Lang::Zh, Lang::En] {
            // The first few, and one of every kind of chart.
            let mut kinds = HashSet::new();
            let charts = chart::draft_charts(&draft, &releases, lang).into_iter().enumerate().filter(|(i, c)| kinds.insert(format!("{:?}", c.kind)) || *i < 3);
            for (_, data) in charts {
                for (mode, width) in [(Mode::Standard, 800), (Mode::Care, 360), (Mode::Print, 640)] {
                    let options = Options { mode, ids: "d".into() };
                    let png = chart::render_png(&data, width, &options, &fonts, 1).unwrap();
                    let mut published = data.clone();
                    published.draft = false;
                    let plain = chart::render_png(&published, width, &options, &fonts, 1).unwrap();
                    assert_ne!(png.bytes, plain.bytes, "{name}: {}: the watermark changes the picture", data.id);
                    let file = dir.join(format!("{}-{}-{}-{}-{width}.png", name.replace(' ', "-"), data.id, lang.code(), mode.name()));
                    std::fs::write(&file, &png.bytes).unwrap();
                    written += 1;
                }
            }
        }
    }
    assert!(written > 20);
}

/// Ids made from a draft's own ids stay unique when two of them would read alike.
#[test]
fn clashing_ids_are_told_apart() {
    let releases = releases();
    let mut draft = as_draft(releases.iter().find(|r| r.id == "2022-bulletin").unwrap());
    // A breakdown named like the ratio's chart: draft-ratio-investment-structure twice.
    let mut twin = draft.breakdowns.iter().find(|b| b.id == "population-by-sex").unwrap().clone();
    twin.id = "ratio-investment-structure".into();
    draft.breakdowns.push(twin);
    let charts = chart::draft_charts(&draft, &releases, Lang::Zh);
    let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
    assert!(ids.contains(&"draft-ratio-investment-structure") && ids.contains(&"draft-ratio-investment-structure-2"), "{ids:?}");
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
    let ring = charts.iter().find(|c| c.id == "draft-ratio-investment-structure-2").unwrap();
    assert_eq!(ring.kind, ChartKind::Donut, "the breakdown came first and kept the plain id");
}
