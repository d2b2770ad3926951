//! Bundles the demo site's content folder (`data/`) into the library: every release file in
//! `data/releases/` and the chart specification `data/charts.json`, listed here from the folder so
//! that adding a release is adding a file. The command line takes them as its default content.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("data/releases");
    println!("cargo:rerun-if-changed=data/releases");
    println!("cargo:rerun-if-changed=data/charts.json");
    println!("cargo:rerun-if-changed=data/indicators.json");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".json")).collect())
        .unwrap_or_default();
    files.sort();
    let mut code = String::from("/// `(file name, JSON)` of each release file of `data/releases/`, in name order.\npub(crate) const RELEASE_FILES: &[(&str, &str)] = &[\n");
    for name in &files {
        println!("cargo:rerun-if-changed=data/releases/{name}");
        let _ = writeln!(code, "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/releases/\", {name:?}))),");
    }
    code.push_str("];\n\n/// The chart specification, `data/charts.json`.\npub(crate) const SPEC: &str = include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/charts.json\"));\n");
    // The indicator registry is optional: a folder without one follows no indicator by name.
    code.push_str(if Path::new("data/indicators.json").is_file() {
        "\n/// The indicator registry, `data/indicators.json`.\npub(crate) const INDICATORS: Option<&str> = Some(include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/indicators.json\")));\n"
    } else {
        "\n/// The folder has no indicator registry.\npub(crate) const INDICATORS: Option<&str> = None;\n"
    });
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("bundled_files.rs"), code).expect("OUT_DIR is writable");
}
