//! `cargo xtask bench [--rounds N]`: BlocMap's release site against a reference
//! page built the way a skilled JS developer would (d3-geo + topojson-client +
//! world-atlas 50m, bundled with esbuild from the pinned npm tools; built into
//! the cargo target folder, never into `dist/` or `www/`), both served by
//! `serve::start` and measured alternately in one headless Chromium by
//! `tests/bench/run.cjs`. Prints a table and writes it into README.md between
//! the bench markers. A report, not a test: failed budgets are printed, the
//! exit code stays 0.
use crate::config::Config;
use crate::util::{read, run, write, Step};
use std::path::{Path, PathBuf};
use std::process::Command;

const START: &str = "<!-- bench:start -->";
const END: &str = "<!-- bench:end -->";

pub fn run_bench(root: &Path, config: &Config, args: &[String]) -> Result<(), String> {
    let rounds: u32 = match args.iter().position(|a| a == "--rounds") {
        Some(i) => args.get(i + 1).and_then(|n| n.parse().ok()).filter(|&n| n > 0).ok_or("--rounds needs a positive number")?,
        None => 5,
    };
    crate::install::for_build(root)?;
    if !Path::new("/usr/bin/chromium").exists() {
        return Err("the bench needs Debian's Chromium (/usr/bin/chromium): run `cargo xtask test` once or `apt-get install chromium`".into());
    }
    let site = crate::build::run_build(root, config)?;
    let modules = crate::npm::modules(root)?;
    let reference = build_reference(root, &modules)?;
    let blocmap_url = crate::serve::start(&site, "127.0.0.1", 0)?;
    let reference_url = crate::serve::start(&reference, "127.0.0.1", 0)?;
    let markdown = reference.parent().unwrap_or(&reference).join("table.md");
    let _ = std::fs::remove_file(&markdown);
    {
        let _s = Step::new("bench (playwright-core + Chromium)");
        run(Command::new("node")
            .arg(root.join("tests/bench/run.cjs"))
            .env("BLOCMAP_URL", &blocmap_url)
            .env("REFERENCE_URL", &reference_url)
            .env("BENCH_ROUNDS", rounds.to_string())
            .env("BENCH_MARKDOWN", &markdown)
            .env("NODE_PATH", &modules)
            .current_dir(root))?;
    }
    update_readme(&root.join("README.md"), &read(&markdown)?)
}

/// The reference site: `index.html`, `main.js` bundled and minified by esbuild,
/// world-atlas's `countries-50m.json` (fetched by the page, as a real page
/// would) and `members.json` derived from `data/events.csv`.
fn build_reference(root: &Path, modules: &Path) -> Result<PathBuf, String> {
    let _s = Step::new("reference page (esbuild: d3-geo + topojson-client)");
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let target = if target.is_absolute() { target } else { root.join(target) };
    let out = target.join("bench/reference");
    let src = root.join("tests/bench/reference");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    write(&out.join("index.html"), read(&src.join("index.html"))?)?;
    let atlas = modules.join("world-atlas/countries-50m.json");
    std::fs::copy(&atlas, out.join("countries-50m.json")).map_err(|e| format!("copy {}: {e}", atlas.display()))?;
    run(Command::new("node")
        .arg(src.join("members.cjs"))
        .arg(root.join("data/events.csv"))
        .arg(root.join("data/alliances.csv"))
        .arg(out.join("members.json"))
        .env("NODE_PATH", modules))?;
    run(Command::new(modules.join(".bin/esbuild"))
        .arg(src.join("main.js"))
        .args(["--bundle", "--minify", "--format=esm", "--target=es2020", "--log-level=warning"])
        .arg(format!("--outfile={}", out.join("main.js").display()))
        .env("NODE_PATH", modules))?;
    Ok(out)
}

/// Replaces what is between the bench markers in README.md.
fn update_readme(readme: &Path, table: &str) -> Result<(), String> {
    let text = read(readme)?;
    let (Some(a), Some(b)) = (text.find(START), text.find(END)) else {
        return Err(format!("{} has no {START} … {END} section", readme.display()));
    };
    if b < a {
        return Err(format!("{}: {END} comes before {START}", readme.display()));
    }
    let new = format!("{}{START}\n{}{}", &text[..a], table, &text[b..]);
    write(readme, new)?;
    eprintln!("xtask: README.md benchmark section updated");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_the_bench_section() {
        let path = std::env::temp_dir().join(format!("blocmap-bench-readme-{}.md", std::process::id()));
        std::fs::write(&path, format!("a\n{START}\nold\n{END}\nb\n")).unwrap();
        update_readme(&path, "| new |\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), format!("a\n{START}\n| new |\n{END}\nb\n"));
        std::fs::remove_file(&path).unwrap();
    }
}
