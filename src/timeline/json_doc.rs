//! A timeline document from JSON text (`Timeline.fromJson`, the `timelineJson`
//! option, [`Timeline::from_json`](super::Timeline::from_json)), read with the
//! crate's own JSON reader ([`crate::lang::json`]) natively and in wasm alike:
//! no serde deserializer in the wasm, and every error names its place in the
//! style of the other timeline errors —
//! `timeline JSON: line 3, column 7: expected ':' after the key`,
//! `timeline JSON: alliances[0] (row 1): name_en: expected text, got the number 5`,
//! `timeline JSON: events[5] (event 6): date: '1999-02-30' is not a date: …`,
//! `timeline JSON: alliances[0] (row 1): unknown field 'foo' (known: …)`.
//! Only the shape is checked here; [`Timeline::from_doc`](super::Timeline::from_doc)
//! checks the rules.

use super::{AllianceDoc, EventDoc, StateDoc, TerritoryDoc, Texts, TimelineDoc, TimelineError};
use crate::date::Date;
use crate::lang::json::Json;

type Result<T> = std::result::Result<T, TimelineError>;

/// Reads and shapes a document; see the module's documentation for the errors.
pub fn read(text: &str) -> Result<TimelineDoc> {
    let root = Json::parse(text).map_err(|e| error("", e))?;
    let mut doc = Fields::of(&root, String::new())?;
    let version = match doc.take("version") {
        Some(Json::Num(n)) if n.parse::<u32>().is_ok() => n.parse().unwrap_or(0),
        Some(v) => return Err(doc.error(format_args!("version: expected a whole number like 1, got {}", describe(v)))),
        None => return Err(doc.error("missing field 'version'")),
    };
    let alliances = rows(&mut doc, "alliances", "row", alliance)?;
    let states = rows(&mut doc, "states", "row", state)?;
    let events = rows(&mut doc, "events", "event", event)?;
    let territories = rows(&mut doc, "territories", "row", territory)?;
    doc.done(&["version", "alliances", "states", "events", "territories"])?;
    Ok(TimelineDoc { version, alliances, states, events, territories })
}

fn alliance(mut r: Fields) -> Result<AllianceDoc> {
    Ok(AllianceDoc {
        id: r.required("id")?,
        color: r.required("color")?,
        kind: r.required("kind")?,
        renamed: r.date("renamed")?,
        texts: r.texts(&["name_", "former_name_"], "id, color, kind, renamed, name_<language code>, former_name_<language code>")?,
    })
}

fn state(mut r: Fields) -> Result<StateDoc> {
    Ok(StateDoc {
        code: r.required("code")?,
        from: r.date("from")?,
        to: r.date("to")?,
        note: r.text("note")?.unwrap_or_default(),
        renamed: r.date("renamed")?,
        texts: r.texts(&["name_", "former_name_"], "code, from, to, note, renamed, name_<language code>, former_name_<language code>")?,
    })
}

fn event(mut r: Fields) -> Result<EventDoc> {
    Ok(EventDoc {
        alliance: r.required("alliance")?,
        state: r.text("state")?,
        event: r.required("event")?,
        date: r.date("date")?.ok_or_else(|| r.error("missing field 'date' (every event needs a day, YYYY-MM-DD)"))?,
        precision: r.text("precision")?.unwrap_or_else(|| "day".to_owned()),
        note: r.text("note")?.unwrap_or_default(),
        source: r.text("source")?.unwrap_or_default(),
        texts: r.texts(&["caption_"], "alliance, state, event, date, precision, note, source, caption_<language code>")?,
    })
}

fn territory(mut r: Fields) -> Result<TerritoryDoc> {
    let t = TerritoryDoc {
        unit: r.required("unit")?,
        state: r.required("state")?,
        from: r.date("from")?,
        to: r.date("to")?,
        note: r.text("note")?.unwrap_or_default(),
        source: r.text("source")?.unwrap_or_default(),
    };
    r.done(&["unit", "state", "from", "to", "note", "source"])?;
    Ok(t)
}

/// The array `key` of the document, each item read by `read` as
/// `key[i] (noun i+1)`: `events[5] (event 6)`, `alliances[0] (row 1)`.
fn rows<T>(doc: &mut Fields, key: &str, noun: &str, read: fn(Fields) -> Result<T>) -> Result<Vec<T>> {
    let items = match doc.take(key) {
        Some(Json::Arr(items)) => items,
        Some(v) => return Err(doc.error(format_args!("{key}: expected an array of rows, got {}", describe(v)))),
        None => return Err(doc.error(format_args!("missing field '{key}'"))),
    };
    items.iter().enumerate().map(|(i, v)| read(Fields::of(v, format!("{key}[{i}] ({noun} {})", i + 1))?)).collect()
}

/// What a JSON value is, for a message: `the number 5`, `true`, `an object`.
fn describe(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Num(n) => format!("the number {n}"),
        Json::Str(s) => format!("the text '{s}'"),
        Json::Arr(_) => "an array".into(),
        Json::Obj(_) => "an object".into(),
    }
}

/// `timeline JSON: {place}: {what}` (no place for the document itself).
fn error(place: &str, what: impl std::fmt::Display) -> TimelineError {
    let sep = if place.is_empty() { "" } else { ": " };
    TimelineError::new(format!("timeline JSON: {place}{sep}{what}"))
}

/// The fields of one object of the document, taken one by one; what is left
/// at the end is an unknown field.
struct Fields<'a> {
    place: String,
    left: Vec<&'a (String, Json)>,
}

impl<'a> Fields<'a> {
    fn of(v: &'a Json, place: String) -> Result<Fields<'a>> {
        match v {
            Json::Obj(kv) => Ok(Fields { place, left: kv.iter().collect() }),
            _ => Err(error(&place, format_args!("expected an object, got {}", describe(v)))),
        }
    }

    fn error(&self, what: impl std::fmt::Display) -> TimelineError {
        error(&self.place, what)
    }

    /// The value of `key` (`null` is no value), taken out of what is left.
    fn take(&mut self, key: &str) -> Option<&'a Json> {
        let i = self.left.iter().position(|(k, _)| k == key)?;
        Some(&self.left.remove(i).1).filter(|v| **v != Json::Null)
    }

    /// An optional text field.
    fn text(&mut self, key: &str) -> Result<Option<String>> {
        match self.take(key) {
            None => Ok(None),
            Some(Json::Str(s)) => Ok(Some(s.clone())),
            Some(v) => Err(self.error(format_args!("{key}: expected text, got {}", describe(v)))),
        }
    }

    fn required(&mut self, key: &str) -> Result<String> {
        self.text(key)?.ok_or_else(|| self.error(format_args!("missing field '{key}'")))
    }

    /// An optional `YYYY-MM-DD` field.
    fn date(&mut self, key: &str) -> Result<Option<Date>> {
        self.text(key)?.map(|s| Date::parse(&s).map_err(|e| self.error(format_args!("{key}: {e}")))).transpose()
    }

    /// The `<prefix><language code>` texts among the fields left (empty ones
    /// dropped); any other field is unknown, and `known` lists them all.
    fn texts(mut self, prefixes: &[&str], known: &str) -> Result<Texts> {
        let mut texts = Texts::new();
        while let Some((k, _)) = self.left.first() {
            if !crate::lang::is_text_key(k, prefixes) {
                return Err(self.error(format_args!("unknown field '{k}' (known: {known})")));
            }
            let k = k.clone();
            if let Some(v) = self.text(&k)?.filter(|v| !v.is_empty()) {
                texts.insert(k, v);
            }
        }
        Ok(texts)
    }

    /// An error for a field left over.
    fn done(self, known: &[&str]) -> Result<()> {
        match self.left.first() {
            Some((k, _)) => Err(self.error(format_args!("unknown field '{k}' (known: {})", known.join(", ")))),
            None => Ok(()),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::timeline::Timeline;

    /// The built-in document as JSON, with `edit` applied to its text.
    fn builtin_with(edit: impl Fn(String) -> String) -> String {
        edit(serde_json::to_string(&Timeline::builtin().to_doc()).unwrap())
    }

    fn error_of(text: &str) -> String {
        read(text).err().map_or_else(|| "accepted".into(), |e| e.to_string())
    }

    #[test]
    fn reads_the_builtin_document_as_serde_writes_it() {
        let doc = Timeline::builtin().to_doc();
        assert_eq!(read(&serde_json::to_string(&doc).unwrap()).unwrap(), doc);
        assert_eq!(read(&serde_json::to_string_pretty(&doc).unwrap()).unwrap(), doc);
    }

    #[test]
    fn optional_fields_may_be_null_or_absent() {
        let text = r##"{"version": 1, "alliances": [{"id": "A", "name_en": "A", "name_fr": "", "color": "#000000", "kind": "alliance"}],
            "states": [{"code": "S", "name_en": "S", "from": null}, {"code": "T", "name_en": "T", "note": null, "renamed": null}],
            "events": [{"alliance": "A", "state": null, "event": "founded", "date": "1950-01-01"}],
            "territories": [{"unit": "U", "state": "S", "to": null}]}"##;
        let doc = read(text).unwrap();
        assert_eq!(doc.alliances[0].texts.len(), 1, "empty texts are dropped");
        assert_eq!((doc.states[0].from, doc.states[1].note.as_str()), (None, ""));
        assert_eq!((doc.events[0].state.as_deref(), doc.events[0].precision.as_str()), (None, "day"));
        assert_eq!(doc.territories[0].to, None);
    }

    #[test]
    fn errors_name_the_place() {
        let bad = |from: &str, to: &str| error_of(&builtin_with(|t| t.replacen(from, to, 1)));
        assert_eq!(
            bad("\"name_en\":\"North Atlantic Treaty Organization (NATO)\"", "\"name_en\":5"),
            "timeline JSON: alliances[0] (row 1): name_en: expected text, got the number 5"
        );
        assert_eq!(
            bad("\"id\":\"NATO\"", "\"id\":\"NATO\",\"foo\":5"),
            "timeline JSON: alliances[0] (row 1): unknown field 'foo' (known: id, color, kind, renamed, name_<language code>, former_name_<language code>)"
        );
        let text = builtin_with(|t| t);
        let sixth = text.match_indices("\"date\":\"").nth(5).unwrap().0;
        let e = error_of(&format!("{}\"date\":\"1999-02-30{}", &text[..sixth], &text[sixth + 18..]));
        assert_eq!(
            e,
            "timeline JSON: events[5] (event 6): date: '1999-02-30' is not a date: that month has no such day (expected YYYY-MM-DD, e.g. 1999-03-12)"
        );
        assert!(bad("\"unit\":", "\"unite\":").starts_with("timeline JSON: territories[0] (row 1): missing field 'unit'"));
        assert_eq!(
            bad("\"version\":1", "\"version\":1,\"extra\":0"),
            "timeline JSON: unknown field 'extra' (known: version, alliances, states, events, territories)"
        );
        assert_eq!(bad("\"version\":1", "\"version\":\"1\""), "timeline JSON: version: expected a whole number like 1, got the text '1'");
        assert!(bad("\"code\":", "\"code\":true,\"x\":").starts_with("timeline JSON: states[0] (row 1): code: expected text, got true"));
        assert!(bad("\"name_en\":", "\"name_RU\":\"x\",\"name_en\":").contains("unknown field 'name_RU'"));
    }

    #[test]
    fn shape_errors_of_the_document() {
        assert_eq!(error_of("{\"version\": 1,\n \"alliances\" []}"), "timeline JSON: line 2, column 14: expected ':' after the key");
        assert_eq!(error_of("[]"), "timeline JSON: expected an object, got an array");
        assert_eq!(error_of("{}"), "timeline JSON: missing field 'version'");
        assert_eq!(error_of("{\"version\": 1}"), "timeline JSON: missing field 'alliances'");
        assert_eq!(
            error_of("{\"version\": 1, \"alliances\": {}}"),
            "timeline JSON: alliances: expected an array of rows, got an object"
        );
        assert_eq!(
            error_of("{\"version\": 1, \"alliances\": [], \"states\": [], \"events\": [5], \"territories\": []}"),
            "timeline JSON: events[0] (event 1): expected an object, got the number 5"
        );
        assert_eq!(
            error_of("{\"version\": 1, \"alliances\": [], \"states\": [], \"events\": [{\"alliance\": \"A\", \"event\": \"x\"}], \"territories\": []}"),
            "timeline JSON: events[0] (event 1): missing field 'date' (every event needs a day, YYYY-MM-DD)"
        );
        assert_eq!(error_of("{\"version\": 1.5}"), "timeline JSON: version: expected a whole number like 1, got the number 1.5");
    }
}
