//! The `Timeline` class of the JS API: queries by date on the built-in
//! timeline or an embedder's own (`fromJson`/`toJson`). Part of the
//! `library-api` feature: the npm package has it, the demo site's wasm not.
use super::args::{self, fail};
use super::to_js;
use crate::date::Date;
use crate::timeline::{Event, Names, Timeline};
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Alliances, states, events and succession; answers questions by date.
#[wasm_bindgen(js_name = Timeline)]
pub struct JsTimeline {
    pub(crate) inner: Rc<Timeline>,
}

/// `{en: …, ar: …}`: the texts the data has, by language code.
fn by_code(names: &Names) -> std::collections::BTreeMap<&str, &str> {
    let mut out = std::collections::BTreeMap::new();
    for (k, v) in &names.0 {
        out.insert(k.as_str(), v.as_str());
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AllianceOut<'a> {
    id: &'a str,
    name_en: &'a str,
    name_ar: &'a str,
    names: std::collections::BTreeMap<&'a str, &'a str>,
    color: &'a str,
    kind: &'a str,
    /// The day the alliance took the names of `names`, if it was renamed
    /// (the CST became the CSTO on 2002-10-07); `formerNames` are those before.
    renamed: Option<String>,
    former_names: std::collections::BTreeMap<&'a str, &'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StandingOut<'a> {
    alliance: &'a str,
    status: &'a str,
    since: String,
    standing_since: String,
    note: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct EventOut<'a> {
    date: String,
    alliance: &'a str,
    state: Option<&'a str>,
    kind: &'a str,
    precision: &'a str,
    note: &'a str,
    source: &'a str,
    caption_en: &'a str,
    caption_ar: &'a str,
    captions: std::collections::BTreeMap<&'a str, &'a str>,
}

impl<'a> From<&'a Event> for EventOut<'a> {
    fn from(e: &'a Event) -> Self {
        EventOut {
            date: e.date.to_string(),
            alliance: &e.alliance,
            state: e.state.as_deref(),
            kind: &e.kind,
            precision: &e.precision,
            note: &e.note,
            source: &e.source,
            caption_en: e.captions.en(),
            caption_ar: e.captions.get("ar").unwrap_or(""),
            captions: by_code(&e.captions),
        }
    }
}

fn events_out(events: Vec<&Event>) -> Result<JsValue, JsError> {
    to_js(&events.into_iter().map(EventOut::from).collect::<Vec<_>>())
}

#[wasm_bindgen(js_class = Timeline)]
impl JsTimeline {
    /// The embedded default data (NATO, CSTO, Warsaw Pact, SCO since 1949).
    pub fn builtin() -> JsTimeline {
        JsTimeline { inner: Rc::new(Timeline::builtin()) }
    }

    /// An embedder's own timeline document (see data/timeline.schema.json)
    /// as JSON text. Errors name the place: `timeline JSON: events[5]
    /// (event 6): date '1999-02-30' is not a date: …`, `timeline event 14:
    /// unknown state code 'XYZ'`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(#[wasm_bindgen(unchecked_param_type = "string")] json: &JsValue) -> Result<JsTimeline, JsError> {
        let json = json.as_string().ok_or_else(|| args::wrong("Timeline.fromJson", "json", "the JSON text of a timeline document (JSON.stringify an object first)", json))?;
        Ok(JsTimeline { inner: Rc::new(Timeline::from_json(&json).map_err(|e| fail("Timeline.fromJson", e))?) })
    }

    /// The document as JSON text; `Timeline.fromJson(t.toJson())` gives the same answers.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsError> {
        let value = to_js(&self.inner.to_doc())?;
        let text = js_sys::JSON::stringify(&value).map_err(|_| JsError::new("toJson: cannot stringify"))?;
        Ok(text.into())
    }

    /// `[{id, nameEn, nameAr, names, color, kind, renamed, formerNames}]`,
    /// kind `alliance` or `context`; `names` has the data's name in each of
    /// its languages (today's); a renamed alliance has the day of its
    /// renaming in `renamed` and the names before it in `formerNames` (the CST
    /// before the CSTO), else `renamed` is null and `formerNames` empty.
    #[wasm_bindgen(unchecked_return_type = "AllianceInfo[]")]
    pub fn alliances(&self) -> Result<JsValue, JsError> {
        let out: Vec<_> = self
            .inner
            .alliances()
            .iter()
            .map(|a| AllianceOut {
                id: &a.id,
                name_en: a.names.en(),
                name_ar: a.names.get("ar").unwrap_or(""),
                names: by_code(&a.names),
                color: &a.color,
                kind: a.kind.as_str(),
                renamed: a.former.as_ref().map(|(d, _)| d.to_string()),
                former_names: a.former.as_ref().map(|(_, n)| by_code(n)).unwrap_or_default(),
            })
            .collect();
        to_js(&out)
    }

    /// Sorted codes of the formal members of an alliance on a day.
    #[wasm_bindgen(js_name = membersAt)]
    pub fn members_at(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] alliance: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue,
    ) -> Result<Vec<String>, JsError> {
        const F: &str = "membersAt";
        let (alliance, date) = (args::text(alliance, F, "alliance", "'NATO'")?, args::date(date, F, "date")?);
        Ok(self.inner.members_at(&alliance, date).map_err(|e| fail(F, e))?.into_iter().map(String::from).collect())
    }

    /// A state's standing in each alliance on a day: `[{alliance, status,
    /// since, standingSince, note, source}]`: `since` the start of a formal
    /// member's continuous membership (else of its status), `standingSince`
    /// the start of its current status, whose event `note` and `source` are.
    #[wasm_bindgen(js_name = statusAt, unchecked_return_type = "Standing[]")]
    pub fn status_at(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] state: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue,
    ) -> Result<JsValue, JsError> {
        const F: &str = "statusAt";
        let (state, date) = (args::text(state, F, "state", "'POL'")?, args::date(date, F, "date")?);
        let out: Vec<_> = self
            .inner
            .status_at(&state, date)
            .map_err(|e| fail(F, e))?
            .into_iter()
            .map(|s| StandingOut { alliance: s.alliance, status: s.status.as_str(), since: s.since.to_string(), standing_since: s.standing_since.to_string(), note: s.note, source: s.source })
            .collect();
        to_js(&out)
    }

    /// The code of the state that owns a map territory unit on a day.
    #[wasm_bindgen(js_name = stateOf)]
    pub fn state_of(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] unit: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue,
    ) -> Result<String, JsError> {
        const F: &str = "stateOf";
        let (unit, date) = (args::text(unit, F, "unit", "'DEU-E'")?, args::date(date, F, "date")?);
        Ok(self.inner.state_of(&unit, date).map_err(|e| fail(F, e))?.to_string())
    }

    /// A state's name in a language (`languages()`); with a date, the name it
    /// had that day (`stateName('DEU', 'en', '1970-01-01')` is "West Germany (FRG)").
    /// The data's column for the language, else the pack's name, else English.
    #[wasm_bindgen(js_name = stateName)]
    pub fn state_name(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] date: &JsValue,
    ) -> Result<String, JsError> {
        const F: &str = "stateName";
        let code = args::text(code, F, "code", "'POL'")?;
        let lang = args::known_lang(lang, F, "lang")?;
        self.inner.state(&code).map_err(|e| fail(F, e))?;
        let date = if date.is_undefined() || date.is_null() {
            Date::from_days(2_932_896) // 9999-12-31: the name of today
        } else {
            args::date(date, F, "date")?
        };
        Ok(crate::words::state_name(&self.inner, &code, date, &lang).to_string())
    }

    /// The events between two days (both included), in order, with sources.
    #[wasm_bindgen(js_name = changesBetween, unchecked_return_type = "TimelineEvent[]")]
    pub fn changes_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] from: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] to: &JsValue,
    ) -> Result<JsValue, JsError> {
        const F: &str = "changesBetween";
        let (from, to) = (args::date(from, F, "from")?, args::date(to, F, "to")?);
        if from > to {
            return Err(fail(F, format_args!("from {from} is after to {to}")));
        }
        events_out(self.inner.changes_between(from, to))
    }

    /// A state's events in order (joined, left, suspended, frozen …).
    #[wasm_bindgen(unchecked_return_type = "TimelineEvent[]")]
    pub fn history(&self, #[wasm_bindgen(unchecked_param_type = "string")] state: &JsValue) -> Result<JsValue, JsError> {
        let state = args::text(state, "history", "state", "'POL'")?;
        events_out(self.inner.history(&state).map_err(|e| fail("history", e))?)
    }

    /// The days on which anything changes, `YYYY-MM-DD`, sorted.
    #[wasm_bindgen(js_name = eventDates)]
    pub fn event_dates(&self) -> Vec<String> {
        self.inner.event_dates().into_iter().map(|d| d.to_string()).collect()
    }
}
