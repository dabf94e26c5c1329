//! Installs what the build and the tests need, idempotently: a second run
//! installs nothing. Nothing here downloads a prebuilt binary from outside the
//! package registries (wasm-pack is always run with `--mode no-install`).
use crate::util::{output, run};
use std::path::Path;
use std::process::Command;

/// Everything for building the site (`serve`, `build`).
pub fn for_build(root: &Path) -> Result<(), String> {
    wasm_target()?;
    cargo_tool("wasm-pack", "wasm-pack", None)?;
    cargo_tool("wasm-bindgen", "wasm-bindgen-cli", Some(&wasm_bindgen_version(root)?))?;
    crate::npm::modules(root)?;
    Ok(())
}

/// Everything for `cargo xtask test` (browsers and drivers too).
pub fn for_test(root: &Path, browsers: &[String]) -> Result<(), String> {
    for_build(root)?;
    // The end-to-end tests always use Chromium, whatever wasm-pack.toml lists.
    let mut debs = vec![];
    if !Path::new("/usr/bin/chromium").exists() {
        debs.push("chromium");
    }
    if !Path::new("/usr/bin/chromedriver").exists() {
        debs.push("chromium-driver");
    }
    if browsers.iter().any(|b| b == "firefox") && !Path::new("/usr/bin/firefox-esr").exists() {
        debs.push("firefox-esr");
    }
    apt(&debs)?;
    if browsers.iter().any(|b| b == "firefox") {
        cargo_tool("geckodriver", "geckodriver", None)?;
    }
    Ok(())
}

fn wasm_target() -> Result<(), String> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        eprintln!("xtask: installing the wasm32-unknown-unknown target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// The `wasm-bindgen` version in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock = crate::util::read(&root.join("Cargo.lock"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry (run `cargo generate-lockfile`)".into())
}

/// `cargo install`s `krate` unless `bin --version` already prints `version`
/// (or any version when none is required).
fn cargo_tool(bin: &str, krate: &str, version: Option<&str>) -> Result<(), String> {
    let have = output(Command::new(bin).arg("--version"));
    let ok = match (&have, version) {
        (Some(v), Some(want)) => v.split_whitespace().any(|w| w == want),
        (Some(_), None) => true,
        (None, _) => false,
    };
    if ok {
        return Ok(());
    }
    eprintln!("xtask: installing {krate}{} with cargo (a few minutes, once)", version.map(|v| format!(" {v}")).unwrap_or_default());
    let mut args = vec!["install", krate, "--locked"];
    if let Some(v) = version {
        args.extend(["--version", v, "--force"]);
    }
    if run(Command::new("cargo").args(&args)).is_ok() {
        return Ok(());
    }
    // wasm-bindgen-cli's lockfile pins crates the registry mirror may not serve.
    eprintln!("xtask: `cargo install --locked {krate}` failed; retrying without --locked");
    args.retain(|a| *a != "--locked");
    run(Command::new("cargo").args(&args))
}

fn apt(packages: &[&str]) -> Result<(), String> {
    if packages.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian packages: {}", packages.join(" "));
    run(Command::new("apt-get").arg("update").arg("-qq"))?;
    run(Command::new("apt-get").args(["install", "-y", "-qq"]).args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}
