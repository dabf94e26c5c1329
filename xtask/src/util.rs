//! Small helpers shared by the tasks: running commands, reading files, timing.
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Runs a command, streaming its output; an error names the command.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let status = cmd.status().map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Runs a command and returns its standard output, or None if it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Prints how long a step took when dropped.
pub struct Step(String, Instant);

impl Step {
    pub fn new(name: impl Into<String>) -> Step {
        let name = name.into();
        eprintln!("xtask: {name}…");
        Step(name, Instant::now())
    }
}

impl Drop for Step {
    fn drop(&mut self) {
        eprintln!("xtask: {} took {:.1} s", self.0, self.1.elapsed().as_secs_f64());
    }
}
