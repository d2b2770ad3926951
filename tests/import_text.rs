//! The bulletin-text import on the three sample texts (data/samples/): each imports, validates,
//! keeps its sentences' spans, and the checker finds on the imported 2022 bulletin what it finds
//! on the hand-keyed release. Garbage gets a clear error.

use xixia_stats::import::{self, text, Format};
use xixia_stats::{bundled, check, load, Release};

const SAMPLES: [&str; 3] = ["2022-bulletin", "2023-1-11-indicators", "fiscal-report-7"];

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!("{}/data/samples/{name}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn import_sample(name: &str) -> (Release, import::Report) {
    let imported = import::import(&sample(name), Some(Format::Text), name).unwrap_or_else(|e| panic!("{name}: {e}"));
    (imported.release, imported.report)
}

#[test]
#[ignore]
fn dump() {
    for name in SAMPLES {
        let (release, report) = import_sample(name);
        println!("== {name} {} {:?} {:?}", release.title, release.period, release.publishers);
        for f in &release.facts {
            let mut j = serde_json::to_value(f).unwrap();
            j.as_object_mut().unwrap().remove("name_en");
            j.as_object_mut().unwrap().remove("sentence");
            println!("{j}");
        }
        for b in &release.breakdowns {
            println!("B {}", serde_json::to_string(b).unwrap());
        }
        for r in &release.ratios {
            println!("R {}", serde_json::to_string(r).unwrap());
        }
        for t in &release.tables {
            println!("T {}", serde_json::to_string(t).unwrap());
        }
        for u in &report.unparsed {
            println!("U {:?} {} {}", u.span, u.text, u.reason);
        }
        for n in &report.notes {
            println!("N {n}");
        }
    }
}
