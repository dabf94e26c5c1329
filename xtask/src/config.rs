//! `wasm-pack.toml`: the project's build and test settings.
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub build: Build,
    pub test: Test,
    pub serve: Serve,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Build {
    pub target: String,
    /// The npm package (default features).
    pub out_dir: String,
    pub out_name: String,
    /// The demo site; its `pkg/` is built with `site_features` only.
    pub site_dir: String,
    pub site_features: Vec<String>,
    /// Language packs built into the site's wasm; the page fetches the others.
    pub site_languages: Vec<String>,
    pub wasm_opt: WasmOpt,
    pub wasm_budget_kb: u64,
    pub wasm_budget_gzip_kb: u64,
    pub site_wasm_budget_kb: u64,
    pub site_wasm_budget_gzip_kb: u64,
}

/// `wasm-opt = false` or a list of flags.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum WasmOpt {
    Off(bool),
    Flags(Vec<String>),
}

impl WasmOpt {
    pub fn flags(&self) -> Option<&[String]> {
        match self {
            WasmOpt::Flags(f) => Some(f),
            WasmOpt::Off(_) => None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Test {
    pub browsers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Serve {
    pub host: String,
    pub port: u16,
}

pub fn load(root: &Path) -> Result<Config, String> {
    let path = root.join("wasm-pack.toml");
    let text = crate::util::read(&path)?;
    let config: Config = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if let WasmOpt::Off(true) = config.build.wasm_opt {
        return Err("wasm-pack.toml: wasm-opt must be false or a list of flags".into());
    }
    for b in &config.test.browsers {
        if b != "chrome" && b != "firefox" {
            return Err(format!("wasm-pack.toml: unknown browser '{b}' (chrome, firefox)"));
        }
    }
    Ok(config)
}
