//! The free functions of the JS API: days, languages, version.
use super::args;
use super::to_js;
use crate::date::Date;
use crate::lang::{self, json::Json};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The BlocMap version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (the slider's unit).
#[wasm_bindgen(js_name = dayNumber)]
pub fn day_number(#[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue) -> Result<i32, JsError> {
    Ok(args::date(date, "dayNumber", "date")?.days())
}

/// The `YYYY-MM-DD` date of a day number: a whole number from -719162
/// (0001-01-01) to 2932896 (9999-12-31); anything else throws.
#[wasm_bindgen(js_name = dateOfDay)]
pub fn date_of_day(#[wasm_bindgen(unchecked_param_type = "number")] day: &JsValue) -> Result<String, JsError> {
    let day = args::whole(day, "dateOfDay", "day", -719_162, 2_932_896, " (the days of 0001-01-01 to 9999-12-31)")?;
    Ok(Date::from_days(day).to_string())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LanguageOut<'a> {
    code: &'a str,
    name: &'a str,
    dir: &'a str,
    digits: &'a str,
    list_separator: &'a str,
    loaded: bool,
}

/// The known languages, sorted by code: `[{code, name, dir, digits,
/// listSeparator, loaded}]` (`name` in the language itself, `dir` `ltr` or `rtl`,
/// `digits` the default `latn` or `arab`; `loaded` false for a pack this
/// build does not embed: give it to `addLanguage` before using it). Every file of `data/lang/` is one,
/// and so is each pack given to `addLanguage`.
#[wasm_bindgen(unchecked_return_type = "LanguageInfo[]")]
pub fn languages() -> Result<JsValue, JsError> {
    let all = lang::metas();
    let out: Vec<LanguageOut> = all
        .iter()
        .map(|l| LanguageOut {
            code: &l.code,
            name: &l.name,
            dir: l.dir(),
            digits: l.digits.as_str(),
            list_separator: &l.list_separator,
            loaded: lang::loaded(&l.code),
        })
        .collect();
    to_js(&out)
}

/// The host page's strings in a language: the pack's `page` object (same keys
/// as `data/lang/en.json`; English for any key the pack lacks). Throws for an
/// unknown language, naming the known ones.
#[wasm_bindgen(js_name = languageStrings, unchecked_return_type = "PageStrings")]
pub fn language_strings(#[wasm_bindgen(unchecked_param_type = "string")] code: &JsValue) -> Result<JsValue, JsError> {
    Ok(json_to_js(&args::known_lang(code, "languageStrings", "code")?.page))
}

/// Adds a language from a pack's JSON text (the format of `data/lang/*.json`),
/// or replaces the one with its code; returns the code. Throws with what is
/// wrong (`language pack: 'months' must hold 12 names, January first`), and
/// then changes nothing.
#[wasm_bindgen(js_name = addLanguage)]
pub fn add_language(#[wasm_bindgen(js_name = packJson, unchecked_param_type = "string")] pack_json: &JsValue) -> Result<String, JsError> {
    let want = "the JSON text of a language pack (as read by fetch(…).then(r => r.text()), not an object)";
    let json = pack_json.as_string().ok_or_else(|| args::wrong("addLanguage", "packJson", want, pack_json))?;
    Ok(lang::add(&json).map_err(|e| JsError::new(&format!("addLanguage: {e}")))?.code.clone())
}

/// A parsed JSON value as a plain JS value.
fn json_to_js(v: &Json) -> JsValue {
    match v {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Num(n) => JsValue::from_f64(js_sys::parse_float(n)),
        Json::Str(s) => JsValue::from_str(s),
        Json::Arr(items) => items.iter().map(json_to_js).collect::<js_sys::Array>().into(),
        Json::Obj(kv) => {
            let o = js_sys::Object::new();
            for (k, v) in kv {
                let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &json_to_js(v));
            }
            o.into()
        }
    }
}
