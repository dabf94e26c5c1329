//! The web layer (wasm32 only): binds the core to the DOM and exports the JS
//! API. Every export returns `Result<_, JsError>`, so bad input throws a JS
//! `Error` with a message and leaves existing objects as they were.
mod api;
mod dom;
#[cfg(feature = "library-api")]
mod geojson_js;
mod reader;
#[cfg(feature = "library-api")]
mod timeline_api;
mod widget;

pub use api::{add_language, date_of_day, day_number, language_strings, languages, version};
#[cfg(feature = "library-api")]
pub use timeline_api::JsTimeline;
pub use reader::{add_years, date_words, numerals};
pub use widget::BlocMap;

use crate::date::Date;
use wasm_bindgen::JsError;

/// Parses a date argument, naming it in the error.
fn date_arg(what: &str, text: &str) -> Result<Date, JsError> {
    Date::parse(text).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Serializes to plain JS objects and arrays (not Maps).
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<wasm_bindgen::JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(err)
}
