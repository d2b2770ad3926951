//! Replays the kept fuzz corpora (`fuzz/corpus/<target>/`) on stable Rust, without cargo-fuzz:
//! every file goes through the same function its fuzz target calls (`fuzz/src/lib.rs`, included
//! here), so `cargo test` — and `make test` — fail when a change brings back a crash the fuzzers
//! once found. `make fuzz-replay` does the same with cargo-fuzz's own builds.

#[path = "../fuzz/src/lib.rs"]
mod targets;

use std::path::Path;
use std::time::Instant;

/// Feeds every file of the target's corpus (and its hand-written seeds) to `check`, and reports
/// every file that panics, not only the first.
fn replay(target: &str, seeds: Option<&str>, check: fn(&[u8])) {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for dir in std::iter::once(format!("corpus/{target}")).chain(seeds.map(|s| format!("seeds/{s}"))) {
        let dir = fuzz.join(dir);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
        files.extend(entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()));
    }
    files.sort();
    assert!(!files.is_empty(), "fuzz/corpus/{target} is empty");
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
    replay("release_json", Some("foreign"), targets::release_json);
}

#[test]
fn jsonstat_corpus() {
    replay("jsonstat", Some("foreign"), targets::jsonstat);
}

#[test]
fn csv_export_corpus() {
    replay("csv_export", Some("csv_export"), targets::csv_export);
}

#[test]
fn chart_data_corpus() {
    replay("chart_data", None, targets::chart_data);
}
