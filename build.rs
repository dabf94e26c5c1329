//! Finds the language packs: every `data/lang/<code>.json` is built in, so a
//! new language is a new file (no code names the languages).
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lang");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut packs: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let code = path.file_name()?.to_str()?.strip_suffix(".json")?.to_string();
            Some((code, path.to_str()?.to_string()))
        })
        .collect();
    packs.sort();
    let mut out = String::from("/// `(code, JSON text)` of each file in `data/lang/`, sorted by code.\npub const BUILTIN_PACKS: &[(&str, &str)] = &[\n");
    for (code, path) in &packs {
        out.push_str(&format!("    ({code:?}, include_str!({path:?})),\n"));
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lang_packs.rs");
    fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}
