//! Finds the language packs: every `data/lang/<code>.json` is built in, so a
//! new language is a new file (no code names the languages). The packs are
//! embedded without the whitespace between JSON tokens (a tenth of their size).
//!
//! `BLOCMAP_EMBED_LANGUAGES=en,ar` (set by `cargo xtask build` for the demo
//! site) embeds only those packs (English always): the others are still known
//! by name, and a page loads one with `addLanguage` when a reader picks it.
//!
//! It also writes the timeline's CSV files (`data/*.csv`) as they are
//! embedded: without the `note` column unless the `notes` feature is on (the
//! researchers' remarks are two fifths of the gzipped timeline, and only the
//! events download shows them; the demo site links to that file instead).
use std::{env, fs, path::Path};

// The crate's own JSON reader: a pack that does not parse fails the build
// with its line and column.
#[allow(dead_code)]
#[path = "src/lang/json.rs"]
mod json;

fn main() {
    timeline_csv();
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
    let out_dir = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lang");
    fs::create_dir_all(&out_dir).unwrap_or_else(|e| panic!("{}: {e}", out_dir.display()));
    for (code, path) in &mut packs {
        let text = fs::read_to_string(&*path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let min = out_dir.join(format!("{code}.json"));
        fs::write(&min, minify(&text)).unwrap_or_else(|e| panic!("{}: {e}", min.display()));
        *path = min.to_str().expect("a UTF-8 path").to_string();
    }
    println!("cargo:rerun-if-env-changed=BLOCMAP_EMBED_LANGUAGES");
    let only: Option<Vec<String>> = env::var("BLOCMAP_EMBED_LANGUAGES")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map(|v| v.split(',').map(|c| c.trim().to_string()).chain(["en".to_string()]).collect());
    let mut out = String::from("/// `(code, JSON text)` of each file in `data/lang/`, sorted by code; the text is\n/// empty for a pack this build does not embed (`BLOCMAP_EMBED_LANGUAGES`).\npub const BUILTIN_PACKS: &[(&str, &str)] = &[\n");
    for (code, path) in &packs {
        if only.as_ref().is_some_and(|only| !only.contains(code)) {
            out.push_str(&format!("    ({code:?}, \"\"),\n"));
        } else {
            out.push_str(&format!("    ({code:?}, include_str!({path:?})),\n"));
        }
    }
    out.push_str("];\n");
    // What the language menu needs, read here so that listing the languages
    // parses no pack: a pack is parsed when it is first used.
    out.push_str("/// `(code, name, dir, digits, listSeparator)` of each built-in pack, in the order of `BUILTIN_PACKS`.\npub const BUILTIN_META: &[(&str, &str, &str, &str, &str)] = &[\n");
    for (code, path) in &packs {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let root = json::Json::parse(&text).unwrap_or_else(|e| panic!("data/lang/{code}.json: {e}"));
        let lang = root.get("language");
        let field = |v: Option<&json::Json>, key: &str| match v {
            Some(json::Json::Str(s)) => s.clone(),
            _ => panic!("data/lang/{code}.json: {key} must be a string"),
        };
        let meta = [
            field(lang.and_then(|l| l.get("code")), "language.code"),
            field(lang.and_then(|l| l.get("name")), "language.name"),
            field(lang.and_then(|l| l.get("dir")), "language.dir"),
            field(lang.and_then(|l| l.get("digits")), "language.digits"),
            field(root.get("listSeparator"), "listSeparator"),
        ];
        if &meta[0] != code {
            panic!("data/lang/{code}.json: language.code is '{}', not the file's name", meta[0]);
        }
        out.push_str(&format!("    ({:?}, {:?}, {:?}, {:?}, {:?}),\n", meta[0], meta[1], meta[2], meta[3], meta[4]));
    }
    out.push_str("];\n");
    page_strings_ts(&dir.join("en.json"));
    let target = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lang_packs.rs");
    fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}

/// Writes `OUT_DIR/page_strings.d.ts`, the TypeScript interface of
/// `languageStrings()`: the keys of English's `page` (every pack has them
/// all, English filling in what a pack lacks).
fn page_strings_ts(en: &Path) {
    fn ts(v: &json::Json, indent: &str, out: &mut String) {
        match v {
            json::Json::Str(_) => out.push_str("string"),
            json::Json::Obj(kv) => {
                out.push_str("{\n");
                for (k, v) in kv {
                    out.push_str(&format!("{indent}  {k:?}: "));
                    ts(v, &format!("{indent}  "), out);
                    out.push_str(";\n");
                }
                out.push_str(indent);
                out.push('}');
            }
            _ => out.push_str("unknown"),
        }
    }
    let text = fs::read_to_string(en).unwrap_or_else(|e| panic!("{}: {e}", en.display()));
    let root = json::Json::parse(&text).unwrap_or_else(|e| panic!("data/lang/en.json: {e}"));
    let page = root.get("page").unwrap_or_else(|| panic!("data/lang/en.json: 'page' is missing"));
    let mut out = String::from("\n/** The page's strings in a language (`languageStrings(code)`): the keys of data/lang/en.json's `page`. */\nexport interface PageStrings ");
    ts(page, "", &mut out);
    out.push('\n');
    let target = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("page_strings.d.ts");
    fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}

/// Copies `data/{alliances,states,events,territories}.csv` to `OUT_DIR/data/`,
/// dropping the `note` column unless the `notes` feature is on. The fields are
/// copied as written (quotes included); the crate's strict CSV reader checks
/// them when the timeline is built, and the unit tests build it.
fn timeline_csv() {
    let notes = env::var_os("CARGO_FEATURE_NOTES").is_some();
    let out_dir = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    fs::create_dir_all(&out_dir).unwrap_or_else(|e| panic!("{}: {e}", out_dir.display()));
    for name in ["alliances", "states", "events", "territories"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/{name}.csv"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let records = csv_records(&text);
        let drop = if notes { None } else { records.first().and_then(|h| h.iter().position(|f| *f == "note")) };
        let mut out = String::with_capacity(text.len());
        for record in &records {
            let kept: Vec<&str> = record.iter().enumerate().filter(|&(i, _)| Some(i) != drop).map(|(_, f)| *f).collect();
            out.push_str(&kept.join(","));
            out.push('\n');
        }
        let target = out_dir.join(format!("{name}.csv"));
        fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    }
}

/// The records of a CSV text, each field as written (a quoted field keeps its
/// quotes); commas and line ends inside quotes belong to the field.
fn csv_records(text: &str) -> Vec<Vec<&str>> {
    let (mut records, mut fields, mut start, mut quoted) = (vec![], vec![], 0, false);
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                fields.push(&text[start..i]);
                start = i + 1;
            }
            '\n' if !quoted => {
                fields.push(text[start..i].trim_end_matches('\r'));
                start = i + 1;
                if fields.iter().any(|f| !f.is_empty()) {
                    records.push(std::mem::take(&mut fields));
                }
                fields.clear();
            }
            _ => {}
        }
    }
    if start < text.len() {
        fields.push(&text[start..]);
        records.push(fields);
    }
    records
}

/// JSON without whitespace outside strings (the reader checks the rest).
fn minify(text: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::with_capacity(text.len()), false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
