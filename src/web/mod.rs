//! The web layer (wasm32 only): binds the core to the DOM and exports the JS
//! API. Every export returns `Result<_, JsError>`, so bad input throws a JS
//! `Error` with a message and leaves existing objects as they were.
//!
//! Exports take their arguments as `JsValue` and read them through the
//! helpers of [`args`]: wasm-bindgen's release glue passes any JS value to a
//! `&str` or `f64` parameter unchecked (a number becomes a raw memory access,
//! `null` a TypeError), while these name the function, the parameter and
//! what was given. The TypeScript types stay precise through
//! `unchecked_param_type` (see [`types`]).
mod api;
mod args;
mod dom;
#[cfg(feature = "library-api")]
mod geojson_js;
mod reader;
#[cfg(feature = "library-api")]
mod timeline_api;
mod types;
mod widget;

pub use api::{add_language, date_of_day, day_number, language_strings, languages, version};
#[cfg(feature = "library-api")]
pub use timeline_api::JsTimeline;
pub use reader::{add_years, date_words, numerals};
pub use widget::BlocMap;

use wasm_bindgen::JsError;

fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Serializes to plain JS objects and arrays (not Maps).
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<wasm_bindgen::JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(err)
}
