//! `cargo xtask build`: the npm package (`dist/pkg`: the whole library) and
//! the demo site (`dist/site`, with its own wasm built with the site's
//! features only): wasm-pack, then npm's wasm-opt; a size table; fails over
//! either budget.
use crate::config::Config;
use crate::util::{run, Step};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn run_build(root: &Path, config: &Config) -> Result<PathBuf, String> {
    let b = &config.build;
    let npm = root.join(&b.out_dir);
    let site = root.join(&b.site_dir);
    let site_pkg = site.join("pkg");
    let npm_wasm = wasm_pack(root, config, &npm, None, "npm package")?;
    let site_wasm = wasm_pack(root, config, &site_pkg, Some(&b.site_features), "site")?;
    // Every pack as a file the page can fetch (those not in the site's wasm).
    copy_dir(&root.join("data/lang"), &site.join("lang"))?;
    // Every event with its notes and sources, for the page's download (the
    // site's wasm is built without the `notes` feature).
    let events = blocmap::export::events_csv(&blocmap::timeline::Timeline::builtin());
    std::fs::write(site.join("events.csv"), events).map_err(|e| format!("{}: {e}", site.display()))?;
    // The site's pkg/ is only what the page loads.
    for junk in [".gitignore", "README.md", "package.json", "LICENSE"] {
        let _ = std::fs::remove_file(site_pkg.join(junk));
    }
    for entry in std::fs::read_dir(&site_pkg).map_err(|e| format!("{}: {e}", site_pkg.display()))?.flatten() {
        if entry.file_name().to_string_lossy().ends_with(".d.ts") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    for junk in [".gitignore", "README.md"] {
        let _ = std::fs::remove_file(npm.join(junk));
    }
    copy_dir(&root.join("www"), &site)?;
    minify(root, &site, &site_pkg.join(format!("{}.js", b.out_name)))?;
    // The whole library beside the page, for an editor's own page on the
    // same host (their GeoJSON, their timeline); the demo page never loads it.
    let lib = site.join("lib");
    let _ = std::fs::remove_dir_all(&lib);
    copy_dir(&npm, &lib)?;
    report_sizes(&site)?;
    within_budget("npm package", &npm_wasm, b.wasm_budget_kb, b.wasm_budget_gzip_kb)?;
    within_budget("site", &site_wasm, b.site_wasm_budget_kb, b.site_wasm_budget_gzip_kb)?;
    Ok(site)
}

/// `wasm-pack build` into `out` (the default features, or only `features`),
/// then npm's wasm-opt; returns the .wasm's path.
fn wasm_pack(root: &Path, config: &Config, out: &Path, features: Option<&[String]>, what: &str) -> Result<PathBuf, String> {
    let b = &config.build;
    {
        let _s = Step::new(format!("wasm-pack build (release, {what})"));
        let mut cmd = Command::new("wasm-pack");
        cmd.args(["build", "--release", "--mode", "no-install", "--no-opt"])
            .args(["--target", &b.target, "--out-name", &b.out_name, "--out-dir"])
            .arg(out)
            .arg(root);
        if let Some(features) = features {
            cmd.args(["--", "--no-default-features"]);
            if !features.is_empty() {
                cmd.args(["--features", &features.join(",")]);
            }
            cmd.env("BLOCMAP_EMBED_LANGUAGES", b.site_languages.join(","));
        } else {
            cmd.env_remove("BLOCMAP_EMBED_LANGUAGES");
        }
        run(&mut cmd)?;
    }
    let wasm = out.join(format!("{}_bg.wasm", b.out_name));
    if let Some(flags) = b.wasm_opt.flags() {
        let _s = Step::new(format!("wasm-opt ({what})"));
        let tmp = wasm.with_extension("opt.wasm");
        run(Command::new(crate::npm::bin(root, "wasm-opt")?).args(flags).arg(&wasm).arg("-o").arg(&tmp))?;
        std::fs::rename(&tmp, &wasm).map_err(|e| e.to_string())?;
    }
    Ok(wasm)
}

/// The site as served: the page's modules bundled into one minified
/// `app.js` (one request instead of a waterfall of imports), the wasm-bindgen
/// glue and the stylesheet minified. The modules now inside the bundle are
/// removed from the site; `embed.js` stays as it is (embedders link it). The
/// stylesheet goes inline into `index.html`.
/// The npm package keeps the same glue, minified; its types are unchanged.
fn minify(root: &Path, site: &Path, glue: &Path) -> Result<(), String> {
    let _s = Step::new("bundle and minify the page (esbuild)");
    let esbuild = crate::npm::bin(root, "esbuild")?;
    let meta = site.join("app.meta.json");
    run(Command::new(&esbuild)
        .arg("www/app.js")
        .args(["--bundle", "--minify", "--format=esm", "--target=es2020", "--log-level=warning", "--external:./pkg/*"])
        .arg(format!("--metafile={}", meta.display()))
        .arg(format!("--outfile={}", site.join("app.js").display()))
        .current_dir(root))?;
    let text = std::fs::read_to_string(&meta).map_err(|e| format!("{}: {e}", meta.display()))?;
    let _ = std::fs::remove_file(&meta);
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("esbuild metafile: {e}"))?;
    for input in json["inputs"].as_object().into_iter().flat_map(|o| o.keys()) {
        if let Some(rel) = input.strip_prefix("www/").filter(|r| *r != "app.js") {
            let _ = std::fs::remove_file(site.join(rel));
        }
    }
    let _ = std::fs::remove_dir(site.join("lang"));
    for file in [glue.to_path_buf(), site.join("style.css")] {
        let tmp = file.with_extension("min.tmp");
        run(Command::new(&esbuild)
            .arg(&file)
            .args(["--minify", "--log-level=warning"])
            .arg(format!("--outfile={}", tmp.display())))?;
        std::fs::rename(&tmp, &file).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    inline_css(site)
}

/// Puts the (minified) stylesheet into `index.html`: the page's inline
/// script, and so its parsing, no longer waits for a second request before
/// the map's modules can run. `style.css` stays in the site for embedders'
/// own pages.
fn inline_css(site: &Path) -> Result<(), String> {
    const LINK: &str = r#"<link rel="stylesheet" href="style.css">"#;
    let html_path = site.join("index.html");
    let html = std::fs::read_to_string(&html_path).map_err(|e| format!("{}: {e}", html_path.display()))?;
    let css = std::fs::read_to_string(site.join("style.css")).map_err(|e| format!("style.css: {e}"))?;
    if !html.contains(LINK) {
        return Err(format!("www/index.html no longer has `{LINK}`: update xtask/src/build.rs"));
    }
    if css.contains("</style") {
        return Err("style.css contains `</style`, which cannot be inlined".into());
    }
    std::fs::write(&html_path, html.replacen(LINK, &format!("<style>{}</style>", css.trim_end()), 1))
        .map_err(|e| format!("{}: {e}", html_path.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst).map_err(|e| format!("copy {}: {e}", src.display()))?;
        }
    }
    Ok(())
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("in-memory write");
    enc.finish().expect("in-memory gzip").len()
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() { files(&p, out) } else { out.push(p) }
        }
    }
}

fn report_sizes(site: &Path) -> Result<(), String> {
    let mut list = vec![];
    files(site, &mut list);
    list.retain(|p| !p.starts_with(site.join("lib")));
    list.sort();
    println!("{:<36} {:>10} {:>10}", "site file (without lib/)", "raw B", "gzip B");
    let (mut raw_t, mut gz_t) = (0, 0);
    for p in &list {
        let bytes = std::fs::read(p).map_err(|e| e.to_string())?;
        let gz = gzip_len(&bytes);
        raw_t += bytes.len();
        gz_t += gz;
        println!("{:<36} {:>10} {:>10}", p.strip_prefix(site).unwrap_or(p).display(), bytes.len(), gz);
    }
    println!("{:<36} {:>10} {:>10}", "total", raw_t, gz_t);
    Ok(())
}

/// Fails if `wasm` is over its budget in wasm-pack.toml; prints its size.
fn within_budget(what: &str, wasm: &Path, budget_kb: u64, budget_gz_kb: u64) -> Result<(), String> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let (raw, gz) = (bytes.len() as u64, gzip_len(&bytes) as u64);
    if raw > budget_kb * 1024 || gz > budget_gz_kb * 1024 {
        return Err(format!(
            "{} ({what}) is {raw} B ({gz} B gzipped), over its budget in wasm-pack.toml ({budget_kb} KB, {budget_gz_kb} KB gzipped)",
            wasm.display()
        ));
    }
    println!("{what} wasm within budget: {:.1} of {budget_kb} KB raw, {:.1} of {budget_gz_kb} KB gzipped", raw as f64 / 1024.0, gz as f64 / 1024.0);
    Ok(())
}
