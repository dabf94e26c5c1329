//! Project tasks: `cargo xtask serve | build | test | data | bench`.
mod data;
mod npm;
mod util;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let result = match args.first().map(String::as_str) {
        Some("data") => data::run(&root),
        _ => Err("usage: cargo xtask serve|build|test|data|bench".to_string()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}
