//! The data step: npm geometry packages → `data/generated/` (being written).
pub fn run(_root: &std::path::Path) -> Result<(), String> {
    Err("data step not written yet".into())
}
