//! Browser tests: run with `wasm-pack test --headless --chrome --firefox`.
#![cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(blocmap::web::version(), env!("CARGO_PKG_VERSION"));
}
