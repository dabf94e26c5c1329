//! The npm tools (data sources, wasm-opt, playwright-core, axe-core, typescript), pinned in
//! `xtask/npm/package-lock.json` and installed into `.tools/npm` with `npm ci`.
use crate::util::{read, run, write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Installs the pinned npm tools if the lockfile changed since the last
/// install (idempotent) and returns their `node_modules` folder.
pub fn modules(root: &Path) -> Result<PathBuf, String> {
    let src = root.join("xtask/npm");
    let dst = root.join(".tools/npm");
    let lock = read(&src.join("package-lock.json"))?;
    let stamp = dst.join("node_modules/.blocmap-lock");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(lock.as_str()) {
        eprintln!("xtask: installing npm tools into {}", dst.display());
        write(&dst.join("package.json"), read(&src.join("package.json"))?)?;
        write(&dst.join("package-lock.json"), &lock)?;
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dst))?;
        write(&stamp, &lock)?;
    }
    Ok(dst.join("node_modules"))
}

/// Path of an executable that an npm package installs (e.g. `mapshaper`, `wasm-opt`).
pub fn bin(root: &Path, name: &str) -> Result<PathBuf, String> {
    Ok(modules(root)?.join(".bin").join(name))
}
