//! `cargo xtask test`: installs what is missing, then runs every test —
//! native `cargo test`, `wasm-pack test --headless` in each configured browser,
//! and the end-to-end tests that drive the release site in Chromium.
use crate::config::Config;
use crate::util::{run, Step};
use std::path::Path;
use std::process::Command;

pub fn run_all(root: &Path, config: &Config) -> Result<(), String> {
    crate::install::for_test(root, &config.test.browsers)?;
    {
        let _s = Step::new("embedded geometry is reproducible from its sources");
        crate::data::run(root, true)?;
    }
    {
        let _s = Step::new("native tests (cargo test --workspace)");
        run(Command::new("cargo").args(["test", "--workspace", "--quiet"]).current_dir(root))?;
    }
    {
        let _s = Step::new("browser tests (wasm-pack test --headless)");
        let mut cmd = Command::new("wasm-pack");
        cmd.args(["test", "--headless", "--mode", "no-install"]);
        for b in &config.test.browsers {
            cmd.arg(format!("--{b}"));
        }
        // Only tests/web.rs: the unit tests beside the code run natively.
        cmd.arg(root).args(["--test", "web"]).env("WASM_BINDGEN_TEST_TIMEOUT", "120");
        run(&mut cmd)?;
    }
    let site = crate::build::run_build(root, config)?;
    end_to_end(root, &site)
}

/// Serves the release site on a free loopback port and runs `node --test`
/// over `tests/e2e/` against it.
pub fn end_to_end(root: &Path, site: &Path) -> Result<(), String> {
    let _s = Step::new("end-to-end tests (playwright-core + Chromium)");
    let modules = crate::npm::modules(root)?;
    let url = crate::serve::start(site, "127.0.0.1", 0)?;
    let mut tests: Vec<_> = std::fs::read_dir(root.join("tests/e2e"))
        .map_err(|e| format!("tests/e2e: {e}"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".test.cjs"))
        .collect();
    tests.sort();
    run(Command::new("node")
        .arg("--test")
        .arg("--test-concurrency=1")
        .args(&tests)
        .env("BLOCMAP_URL", &url)
        .env("NODE_PATH", &modules)
        .current_dir(root))
}
