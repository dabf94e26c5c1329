//! Reading the exports' arguments: each check names the function (`f`, e.g.
//! `setDate`, `Timeline.fromJson`) and the parameter (`p`), and says what
//! was given, so an editor sees which call to fix:
//! `setDate: date must be a text like '1999-03-12', got the number 19990312`.
//! One copy of each check for all exports keeps the wasm small.
use crate::date::Date;
use crate::lang::{self, Language};
use crate::words::Digits;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsError, JsValue};

/// What a JS value is, for a message: `the text '#map'`, `the number 1.5`,
/// `null`, `nothing (undefined)`, `an object`, … Numbers are written by
/// JavaScript (`NaN`, `1e+308`): Rust's float formatting costs the wasm 20 KB.
pub(super) fn describe(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        let short: String = s.chars().take(40).collect();
        let more = if short.len() < s.len() { "…" } else { "" };
        return format!("the text '{short}{more}'");
    }
    if v.as_f64().is_some() {
        let n: String = v.unchecked_ref::<js_sys::Number>().to_string_with_radix(10).map(String::from).unwrap_or_default();
        return format!("the number {n}");
    }
    if let Some(b) = v.as_bool() {
        return format!("the value {b}");
    }
    if v.is_null() {
        return "null".into();
    }
    if v.is_undefined() {
        return "nothing (undefined)".into();
    }
    if js_sys::Array::is_array(v) {
        return "an array".into();
    }
    if v.is_function() {
        return "a function".into();
    }
    if v.is_object() {
        return "an object".into();
    }
    format!("a {}", v.js_typeof().as_string().unwrap_or_default())
}

/// An error of the function `f`: `{f}: {e}`.
pub(super) fn fail(f: &str, e: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("{f}: {e}"))
}

/// The error of an argument of the wrong type: `{f}: {p} must be {want}, got {what was given}`.
pub(super) fn wrong(f: &str, p: &str, want: &str, v: &JsValue) -> JsError {
    JsError::new(&format!("{f}: {p} must be {want}, got {}", describe(v)))
}

/// A text argument; `like` is an example of a good one (`'1999-03-12'`).
pub(super) fn text(v: &JsValue, f: &str, p: &str, like: &str) -> Result<String, JsError> {
    v.as_string().ok_or_else(|| wrong(f, p, &format!("a text like {like}"), v))
}

/// An optional text argument: `undefined` and `null` are `None`.
pub(super) fn optional_text(v: &JsValue, f: &str, p: &str, like: &str) -> Result<Option<String>, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    text(v, f, p, like).map(Some)
}

/// A `YYYY-MM-DD` date argument.
pub(super) fn date(v: &JsValue, f: &str, p: &str) -> Result<Date, JsError> {
    let t = text(v, f, p, "'1999-03-12'")?;
    Date::parse(&t).map_err(|e| fail(f, format_args!("{p}: {e}")))
}

/// A language code argument where any text will do (unknown codes give English).
pub(super) fn lang_or_english(v: &JsValue, f: &str) -> Result<Rc<Language>, JsError> {
    Ok(lang::get_or_english(&text(v, f, "lang", "'en'")?))
}

/// A language code argument that must name a known language.
pub(super) fn known_lang(v: &JsValue, f: &str, p: &str) -> Result<Rc<Language>, JsError> {
    lang::get(&text(v, f, p, "'en'")?).map_err(|e| fail(f, e))
}

/// A `digits` argument: `latn` or `arab`.
pub(super) fn digits(v: &JsValue, f: &str) -> Result<Digits, JsError> {
    Digits::parse(&text(v, f, "digits", "'latn' or 'arab'")?).map_err(|e| fail(f, e))
}

/// A whole number argument within `min..=max`; `range` says what the range
/// is (` (0001-01-01 to 9999-12-31)`). `NaN`, `1.5`, a text or `null` are
/// errors, not coerced as the glue of an `f64` or `i32` parameter would.
pub(super) fn whole(v: &JsValue, f: &str, p: &str, min: i32, max: i32, range: &str) -> Result<i32, JsError> {
    match v.as_f64() {
        Some(x) if x.fract() == 0.0 && x >= f64::from(min) && x <= f64::from(max) => Ok(x as i32),
        _ => Err(wrong(f, p, &format!("a whole number from {min} to {max}{range}"), v)),
    }
}
