//! Replays the kept fuzz corpora (`fuzz/corpus/<target>/`) on stable Rust, without cargo-fuzz:
//! every file (and every seed, `fuzz/seeds/<target>/`) goes through the same function its fuzz target calls (`fuzz/src/lib.rs`, included
//! here), so `cargo test` — and `make test` — fail when a change brings back a crash the fuzzers
//! once found. `make fuzz-replay` does the same with cargo-fuzz's own builds.

#[path = "../fuzz/src/lib.rs"]
mod targets;

use std::path::Path;
use std::time::Instant;

/// Feeds every file of the target's seeds and kept corpus to `check`, and reports every file
/// that panics, not only the first.
fn replay(target: &str, check: fn(&[u8])) {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut dirs = vec![format!("seeds/{target}"), format!("corpus/{target}")];
    if matches!(target, "release_json" | "jsonstat") {
        dirs.push("seeds/foreign".into());
    }
    let mut files = Vec::new();
    for dir in dirs.iter().map(|d| fuzz.join(d)).filter(|d| d.is_dir()) {
        files.extend(std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()));
    }
    files.sort();
    assert!(!files.is_empty(), "no inputs for {target} in fuzz/seeds or fuzz/corpus");
    let start = Instant::now();
    let failed: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let bytes = std::fs::read(path).unwrap();
            std::panic::catch_unwind(|| check(&bytes)).err().map(|_| path.display().to_string())
        })
        .collect();
    eprintln!("{target}: {} inputs in {:?}", files.len(), start.elapsed());
    assert!(failed.is_empty(), "{} of {} inputs of {target} fail:\n{}", failed.len(), files.len(), failed.join("\n"));
}

#[test]
fn release_json_corpus() {
    replay("release_json", targets::release_json);
}

#[test]
fn jsonstat_corpus() {
    replay("jsonstat", targets::jsonstat);
}

#[test]
fn csv_export_corpus() {
    replay("csv_export", targets::csv_export);
}

#[test]
fn chart_data_corpus() {
    replay("chart_data", targets::chart_data);
}

#[test]
fn text_import_corpus() {
    replay("text_import", targets::text_import);
}

#[test]
fn chart_spec_corpus() {
    replay("chart_spec", targets::chart_spec);
}

#[test]
fn site_folder_corpus() {
    replay("site_folder", targets::site_folder);
}
