//! For the browser build only: the bundled releases go into the wasm module minified and without
//! their `sentences` and `sections` (the provenance text the checker and the staff tools use,
//! which no chart needs). Native builds include the files as they are.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data/releases");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    for id in ["2022-bulletin", "2023-1-11-indicators", "2023-fiscal-reports-5-8"] {
        let source = format!("data/releases/{id}.json");
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(&source).unwrap_or_else(|err| panic!("{source}: {err}"));
        let written = if wasm {
            let mut json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{source}: {err}"));
            if let Some(release) = json.as_object_mut() {
                release.remove("sentences");
                release.remove("sections");
                if let Some(facts) = release.get_mut("facts").and_then(|f| f.as_array_mut()) {
                    for fact in facts.iter_mut().filter_map(|f| f.as_object_mut()) {
                        fact.remove("sentence");
                    }
                }
            }
            serde_json::to_string(&json).expect("JSON values serialize")
        } else {
            text
        };
        std::fs::write(Path::new(&out).join(format!("{id}.json")), written).unwrap_or_else(|err| panic!("{out}: {err}"));
    }
}
