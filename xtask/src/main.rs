//! Project tasks, run as `cargo xtask <task>`:
//!
//! - `serve [--port N]`: install what is missing, build, serve `dist/site` on 127.0.0.1.
//! - `build`: the npm package in `dist/pkg` and the demo site in `dist/site`, with sizes.
//! - `test`: install what is missing and run every test.
//! - `data [--check]`: regenerate the embedded geometry from the npm packages
//!   (`--check`: fail if the committed file is stale).
//! - `bench [--rounds N]`: BlocMap against a d3-geo reference page in Chromium; prints a table.
mod bench;
mod build;
mod config;
mod data;
mod install;
mod npm;
mod serve;
mod test;
mod util;

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default();
    if let Err(e) = dispatch(&root, &args) {
        eprintln!("xtask: error: {e}");
        std::process::exit(1);
    }
}

fn dispatch(root: &Path, args: &[String]) -> Result<(), String> {
    let config = config::load(root)?;
    match args.first().map(String::as_str) {
        Some("serve") => {
            let port = match args.iter().position(|a| a == "--port") {
                Some(i) => args.get(i + 1).and_then(|p| p.parse().ok()).ok_or("--port needs a number")?,
                None => std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(config.serve.port),
            };
            install::for_build(root)?;
            let site = build::run_build(root, &config)?;
            let url = serve::start(&site, &config.serve.host, port)?;
            println!("BlocMap is served at {url}  (Ctrl-C stops)");
            loop {
                std::thread::park();
            }
        }
        Some("build") => {
            install::for_build(root)?;
            build::run_build(root, &config).map(|_| ())
        }
        Some("test") => test::run_all(root, &config),
        Some("data") => data::run(root, args.iter().any(|a| a == "--check")),
        Some("bench") => bench::run_bench(root, &config, &args[1..]),
        _ => Err("usage: cargo xtask serve [--port N] | build | test | data [--check] | bench [--rounds N]".into()),
    }
}
