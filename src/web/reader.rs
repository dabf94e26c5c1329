//! Reader exports: sentences and records for the host page (date words,
//! the day's summary, axis marks, a territory's details, tables and CSV).
//! Coarse calls: each returns everything one piece of the page needs.
use super::{args, err, to_js, BlocMap};
use crate::lang::Language;
use crate::timeline::{AllianceKind, Event, Timeline};
use crate::words;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A `YYYY-MM-DD` date in words: `dateWords('1999-03-12', 'ar', 'arab')` is `١٢ مارس ١٩٩٩`.
/// `lang` is a language code (`languages()`; English if unknown), `digits` is
/// `latn` (0-9) or `arab` (٠-٩); other digits throw.
#[wasm_bindgen(js_name = dateWords)]
pub fn date_words(
    #[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] lang: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Digits")] digits: &JsValue,
) -> Result<String, JsError> {
    const F: &str = "dateWords";
    let (date, lang, digits) = (args::date(date, F, "date")?, args::lang_or_english(lang, F)?, args::digits(digits, F)?);
    Ok(words::date_words(date, &lang, digits))
}

/// Rewrites the digits 0-9 of a text with `digits` (`latn` or `arab`; other digits throw).
#[wasm_bindgen]
pub fn numerals(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Digits")] digits: &JsValue,
) -> Result<String, JsError> {
    Ok(words::numerals(&args::text(text, "numerals", "text", "'NATO 32'")?, args::digits(digits, "numerals")?))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MarkOut {
    date: String,
    day: i32,
    words: String,
    year: String,
    caption: String,
    major: bool,
    rank: u8,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StandingOut {
    alliance: String,
    name: String,
    kind: &'static str,
    status: &'static str,
    since: String,
    since_words: String,
    sources: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HistoryOut {
    date: String,
    words: String,
    alliance: String,
    kind: String,
    caption: String,
    sources: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DetailsOut {
    unit: String,
    state: String,
    name: String,
    date_words: String,
    standings: Vec<StandingOut>,
    history: Vec<HistoryOut>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MemberRow {
    alliance: String,
    alliance_name: String,
    state: String,
    name: String,
    status: &'static str,
    since: String,
    since_words: String,
    sources: Vec<String>,
}

fn sources(text: &str) -> Vec<String> {
    text.split(" | ").map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

fn alliance_name(t: &Timeline, id: &str, date: crate::Date, lang: &Language) -> String {
    t.alliances().iter().find(|a| a.id == id).map_or_else(|| id.to_string(), |a| words::alliance_name_at(a, date, lang).to_string())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DiffOut {
    alliance: String,
    name: String,
    before: String,
    after: String,
    joined: Vec<String>,
    left: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StyleOut {
    status: &'static str,
    fill: String,
}

#[wasm_bindgen]
impl BlocMap {
    /// How each status of an alliance is painted, strongest first, for a
    /// legend of styles: `[{status, fill}]`, `fill` a CSS paint (the
    /// alliance's colour for `member`, else `url(#pattern)` of the map's own
    /// hatch patterns). Throws for an unknown alliance.
    #[wasm_bindgen(js_name = statusStyles, unchecked_return_type = "StatusStyle[]")]
    pub fn status_styles(&self, #[wasm_bindgen(unchecked_param_type = "string")] alliance: &JsValue) -> Result<JsValue, JsError> {
        let (t, _) = self.core("statusStyles")?;
        let alliance = args::text(alliance, "statusStyles", "alliance", "'NATO'")?;
        let a = t.alliances().iter().find(|a| a.id == alliance).ok_or_else(|| JsError::new(&format!("statusStyles: unknown alliance '{alliance}'")))?;
        let out: Vec<StyleOut> = crate::timeline::Status::ALL
            .iter()
            .map(|&st| StyleOut {
                status: st.as_str(),
                fill: if st == crate::timeline::Status::Member {
                    format!("var(--bm-{},{})", a.id, a.color)
                } else {
                    format!("url(#{})", crate::paint::pattern_id(&a.id, st))
                },
            })
            .collect();
        to_js(&out)
    }

    /// Each map alliance's members on `other` against the shown day:
    /// `[{alliance, name, before, after, joined, left}]`, `before` and
    /// `after` in words (`16 members`), `joined`/`left` state names. Both
    /// orders work: an earlier `other` lists who joined since. `other` is a
    /// day the map could show (from its first day to today), else it throws.
    #[wasm_bindgen(unchecked_return_type = "AllianceDiff[]")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] other: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Digits")] digits: &JsValue,
    ) -> Result<JsValue, JsError> {
        let (t, date) = self.core("compare")?;
        let other = args::date(other, "compare", "other")?;
        // Like the map's own day: from its first day to today, never a future stated as fact.
        let other = crate::atlas::shown_day(t, other, super::widget::today()).map_err(|e| args::fail("compare", e))?;
        let (lang, digits) = (args::lang_or_english(lang, "compare")?, args::digits(digits, "compare")?);
        let out: Vec<DiffOut> = words::compare(t, other, date, &lang, digits)
            .into_iter()
            .map(|d| DiffOut { alliance: d.alliance, name: d.name, before: d.before, after: d.after, joined: d.joined, left: d.left })
            .collect();
        to_js(&out)
    }

    /// The shown day in one sentence for a screen reader, e.g.
    /// `12 March 1999: NATO 19 members, +Czech Republic, Hungary, Poland; CST 9 members.`
    pub fn summary(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Digits")] digits: &JsValue,
    ) -> Result<String, JsError> {
        let (t, date) = self.core("summary")?;
        let (lang, digits) = (args::lang_or_english(lang, "summary")?, args::digits(digits, "summary")?);
        Ok(words::summary(t, date, &lang, digits))
    }

    /// One mark per event day for the time axis and for play:
    /// `[{date, day, words, year, caption, major, rank}]` (`day` as in `dayNumber`;
    /// `rank` 3-0 says which label to keep when two would overlap).
    #[wasm_bindgen(unchecked_return_type = "Mark[]")]
    pub fn marks(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Digits")] digits: &JsValue,
    ) -> Result<JsValue, JsError> {
        let (t, _) = self.core("marks")?;
        let (lang, digits) = (args::lang_or_english(lang, "marks")?, args::digits(digits, "marks")?);
        let out: Vec<MarkOut> = words::marks(t, &lang, digits)
            .into_iter()
            .map(|m| MarkOut { date: m.date.to_string(), day: m.date.days(), words: m.words, year: m.year, caption: m.caption, major: m.major, rank: m.rank })
            .collect();
        to_js(&out)
    }

    /// What a territory unit shows on the shown day: `{unit, state, name,
    /// dateWords, standings: [{alliance, name, kind, status, since,
    /// sinceWords, sources}], history: [{date, words, alliance, kind,
    /// caption, sources}]}` (the owning state's history up to the shown day,
    /// oldest first, with its alliances' own events; `since` as in `members`;
    /// `words` as exactly as the event's date is known: `July 1966`).
    #[wasm_bindgen(unchecked_return_type = "UnitDetails")]
    pub fn details(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] unit: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Digits")] digits: &JsValue,
    ) -> Result<JsValue, JsError> {
        let (t, date) = self.core("details")?;
        let unit = &args::text(unit, "details", "unit", "'DEU-E'")?;
        let lang = args::lang_or_english(lang, "details")?;
        let (lang, digits) = (&*lang, args::digits(digits, "details")?);
        let state = t.state_of(unit, date).map_err(|e| args::fail("details", e))?;
        let standings = t
            .status_at(state, date)
            .map_err(err)?
            .into_iter()
            .map(|st| StandingOut {
                alliance: st.alliance.to_string(),
                name: alliance_name(t, st.alliance, date, lang),
                kind: t.alliances().iter().find(|a| a.id == st.alliance).map_or("alliance", |a| a.kind.as_str()),
                status: st.status.as_str(),
                since: st.status_since().0.to_string(),
                since_words: words::since_words(&st, lang, digits),
                sources: sources(&st.status_since().1.source),
            })
            .collect();
        let history = t
            .history(state)
            .map_err(err)?
            .into_iter()
            .filter(|e| e.date <= date)
            .map(|e: &Event| HistoryOut {
                date: e.date.to_string(),
                words: words::event_date_words(e, lang, digits),
                alliance: e.alliance.clone(),
                kind: e.kind.clone(),
                caption: words::caption(e, lang).to_string(),
                sources: sources(&e.source),
            })
            .collect();
        to_js(&DetailsOut {
            unit: unit.to_string(),
            state: state.to_string(),
            name: words::state_name(t, state, date, lang).to_string(),
            date_words: words::date_words(date, lang, digits),
            standings,
            history,
        })
    }

    /// The formal members of each map alliance on the shown day, with the
    /// day their standing as shown began (a `member`'s membership, any other
    /// status its own: `words::since_words`) and its sources, sorted by
    /// alliance then name: `[{alliance, allianceName, state, name, status, since, sinceWords, sources}]`.
    #[wasm_bindgen(unchecked_return_type = "MemberRow[]")]
    pub fn members(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Digits")] digits: &JsValue,
    ) -> Result<JsValue, JsError> {
        let (t, date) = self.core("members")?;
        let lang = args::lang_or_english(lang, "members")?;
        let (lang, digits) = (&*lang, args::digits(digits, "members")?);
        let mut rows = vec![];
        for a in t.alliances().iter().filter(|a| a.kind == AllianceKind::Alliance) {
            let mut group = vec![];
            for code in t.members_at(&a.id, date).map_err(err)? {
                let Some(st) = t.status_at(code, date).map_err(err)?.into_iter().find(|st| st.alliance == a.id) else { continue };
                group.push(MemberRow {
                    alliance: a.id.clone(),
                    alliance_name: alliance_name(t, &a.id, date, lang),
                    state: code.to_string(),
                    name: words::state_name(t, code, date, lang).to_string(),
                    status: st.status.as_str(),
                    since: st.status_since().0.to_string(),
                    since_words: words::since_words(&st, lang, digits),
                    sources: sources(&st.status_since().1.source),
                });
            }
            crate::sort::sort_by(&mut group, |x, y| words::name_order(&x.name, &y.name));
            rows.extend(group);
        }
        to_js(&rows)
    }

    /// Every event of the map's timeline as CSV (date, alliance, state,
    /// event, precision, a caption per known language — empty where neither
    /// data nor pack has one —, note, sources), for a download. Builds
    /// without the `notes` feature (the demo site) give an empty note column.
    #[wasm_bindgen(js_name = eventsCsv)]
    pub fn events_csv(&self) -> Result<String, JsError> {
        Ok(crate::export::events_csv(self.core("eventsCsv")?.0))
    }
}

/// The same day `years` later (earlier if negative; a whole number from
/// -9999 to 9999); 29 February becomes 28 February.
#[wasm_bindgen(js_name = addYears)]
pub fn add_years(
    #[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] years: &JsValue,
) -> Result<String, JsError> {
    let d = args::date(date, "addYears", "date")?;
    let years = args::whole(years, "addYears", "years", -9999, 9999, "")?;
    let y = d.year() + years;
    if !(crate::date::MIN_YEAR..=crate::date::MAX_YEAR).contains(&y) {
        return Err(args::fail("addYears", format_args!("year {y} is outside 0001-9999")));
    }
    Ok(d.add_years(years).to_string())
}
