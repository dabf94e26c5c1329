//! The web layer (wasm32 only): binds the core to the DOM and exports the JS API.
use wasm_bindgen::prelude::*;

/// The BlocMap version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
