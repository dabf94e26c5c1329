//! The timeline document: the serde form (JSON, and JavaScript objects in wasm) of the four
//! data tables, and its reading from the CSV files in `data/`.
//!
//! Field names are snake_case, exactly the CSV column names; dates are `YYYY-MM-DD` text; an
//! absent date (`from`/`to`) is `null` in JSON and an empty cell in CSV. The JSON Schema is
//! `data/timeline.schema.json`. A document is only *shaped* here; every rule (known codes,
//! no gaps, …) is checked by [`Timeline::from_doc`](super::Timeline::from_doc).

use super::csv::Table;
use super::error::TimelineError;
use crate::date::Date;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Texts in several languages, by column name: `name_en`, `name_ar`, `name_ru`,
/// `former_name_de`, `caption_fr` … (any `<prefix>_<language code>`; see
/// [`crate::lang::is_code`]). Empty texts are left out.
pub type Texts = BTreeMap<String, String>;

/// The version this code reads and writes.
pub const DOC_VERSION: u32 = 1;

/// A whole timeline: alliances, states, events and territory ownership.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineDoc {
    /// Format version, currently 1.
    pub version: u32,
    /// `alliances.csv`.
    pub alliances: Vec<AllianceDoc>,
    /// `states.csv`.
    pub states: Vec<StateDoc>,
    /// `events.csv`.
    pub events: Vec<EventDoc>,
    /// `territories.csv`.
    pub territories: Vec<TerritoryDoc>,
}

/// One row of `alliances.csv`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AllianceDoc {
    /// Id used by events, e.g. `NATO`.
    pub id: String,
    /// Names: `name_<code>` (`name_en` is required) and, for an alliance
    /// renamed during the map's span, `former_name_<code>` (the names before
    /// `renamed`). Other keys are rejected by
    /// [`Timeline::from_doc`](super::Timeline::from_doc).
    #[serde(flatten)]
    pub texts: Texts,
    /// Fill colour `#rrggbb`.
    pub color: String,
    /// `alliance` (colours the map) or `context` (never colours the map).
    pub kind: String,
    /// The day the alliance took its current name, if it had another one
    /// during the map's span (the Collective Security Treaty became the
    /// CSTO on 2002-10-07); `former_name_<code>` hold the names before.
    #[serde(default)]
    pub renamed: Option<Date>,
}

/// One row of `states.csv`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StateDoc {
    /// Code, e.g. `FRA`, `SUN`, `BER`.
    pub code: String,
    /// Names: `name_<code>` (`name_en` is required) and, for a state renamed during
    /// the map's span, `former_name_<code>` (the names before `renamed`).
    #[serde(flatten)]
    pub texts: Texts,
    /// First day of existence; `None` = before the map starts.
    #[serde(default)]
    pub from: Option<Date>,
    /// First day it no longer exists; `None` = still exists.
    #[serde(default)]
    pub to: Option<Date>,
    /// Free text.
    #[serde(default)]
    pub note: String,
    /// The day the state took its current name, if it had another one
    /// during the map's span (West Germany → Germany, Macedonia → North
    /// Macedonia); `former_name_<code>` hold the names before that day.
    #[serde(default)]
    pub renamed: Option<Date>,
}

/// One row of `events.csv`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventDoc {
    /// Alliance id.
    pub alliance: String,
    /// State code; `None` for alliance-level events.
    #[serde(default)]
    pub state: Option<String>,
    /// Event kind (see `data/README.md`), e.g. `joined`.
    pub event: String,
    /// The day (always day-exact; see `precision`).
    pub date: Date,
    /// How exact the sources are: `day`, `month` or `year`.
    pub precision: String,
    /// Free text: conflicts, alternatives, the day chosen.
    #[serde(default)]
    pub note: String,
    /// Source URLs separated by ` | `.
    #[serde(default)]
    pub source: String,
    /// Short captions for the play mode: `caption_<code>`.
    #[serde(flatten)]
    pub texts: Texts,
}

// The rows with texts in any language are read by hand, not with serde's
// `flatten`: that buffers every value as serde's `Content`, which drags float
// formatting and 30 KB into the wasm.

/// A cell of a row in the JSON form: text or null.
struct Cell(Option<String>);

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cell;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text or null")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
                Ok(Cell(Some(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Cell, E> {
                Ok(Cell(Some(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
                Ok(Cell(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
                Ok(Cell(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Cell, D::Error> {
                Cell::deserialize(d)
            }
            // Without a float in the message: formatting one costs the wasm 20 KB.
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Cell, E> {
                Err(E::custom("a number where text was expected"))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Cell, E> {
                Err(E::custom("a number where text was expected"))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Cell, E> {
                Err(E::custom("a number where text was expected"))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Cell, E> {
                Err(E::custom("true or false where text was expected"))
            }
        }
        d.deserialize_any(V)
    }
}

/// One row of a table in the JSON form, taken apart key by key.
struct JsonRow(Vec<(String, Option<String>)>);

impl<'de> Deserialize<'de> for JsonRow {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<JsonRow, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JsonRow;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<JsonRow, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = m.next_key::<String>()? {
                    let v: Cell = m.next_value()?;
                    out.push((k, v.0));
                }
                Ok(JsonRow(out))
            }
        }
        d.deserialize_map(V)
    }
}

impl JsonRow {
    fn take(&mut self, key: &str) -> Option<String> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        self.0.remove(i).1
    }
    fn text<E: de::Error>(&mut self, key: &str) -> Result<String, E> {
        self.take(key).ok_or_else(|| E::custom(format_args!("missing field `{key}`")))
    }
    fn date<E: de::Error>(&mut self, key: &str) -> Result<Option<Date>, E> {
        self.take(key).map(|s| Date::parse(&s).map_err(E::custom)).transpose()
    }
    /// The `<prefix><code>` texts, then an error for any key left.
    fn texts<E: de::Error>(mut self, prefixes: &[&str]) -> Result<Texts, E> {
        let mut texts = Texts::new();
        for (k, v) in std::mem::take(&mut self.0) {
            if !crate::lang::is_text_key(&k, prefixes) {
                return Err(E::custom(format_args!("unknown field `{k}`")));
            }
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                texts.insert(k, v);
            }
        }
        Ok(texts)
    }
}

impl<'de> Deserialize<'de> for AllianceDoc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AllianceDoc, D::Error> {
        let mut r = JsonRow::deserialize(d)?;
        Ok(AllianceDoc {
            id: r.text("id")?,
            color: r.text("color")?,
            kind: r.text("kind")?,
            renamed: r.date("renamed")?,
            texts: r.texts(&["name_", "former_name_"])?,
        })
    }
}

impl<'de> Deserialize<'de> for StateDoc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<StateDoc, D::Error> {
        let mut r = JsonRow::deserialize(d)?;
        Ok(StateDoc {
            code: r.text("code")?,
            from: r.date("from")?,
            to: r.date("to")?,
            note: r.take("note").unwrap_or_default(),
            renamed: r.date("renamed")?,
            texts: r.texts(&["name_", "former_name_"])?,
        })
    }
}

impl<'de> Deserialize<'de> for EventDoc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EventDoc, D::Error> {
        let mut r = JsonRow::deserialize(d)?;
        Ok(EventDoc {
            alliance: r.text("alliance")?,
            state: r.take("state"),
            event: r.text("event")?,
            date: r.date("date")?.ok_or_else(|| de::Error::custom("missing field `date`"))?,
            precision: r.take("precision").unwrap_or_else(|| "day".to_owned()),
            note: r.take("note").unwrap_or_default(),
            source: r.take("source").unwrap_or_default(),
            texts: r.texts(&["caption_"])?,
        })
    }
}

/// One row of `territories.csv`: `unit` belongs to `state` on the days `[from, to)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerritoryDoc {
    /// Map unit id, e.g. `DEU-E`.
    pub unit: String,
    /// Owning state code.
    pub state: String,
    /// First day; `None` = since before the map starts.
    #[serde(default)]
    pub from: Option<Date>,
    /// First day no longer owned; `None` = still owned.
    #[serde(default)]
    pub to: Option<Date>,
    /// Free text.
    #[serde(default)]
    pub note: String,
    /// Source URLs separated by ` | `.
    #[serde(default)]
    pub source: String,
}

/// The text of the four CSV files.
pub struct CsvFiles<'a> {
    /// `alliances.csv`
    pub alliances: &'a str,
    /// `states.csv`
    pub states: &'a str,
    /// `events.csv`
    pub events: &'a str,
    /// `territories.csv`
    pub territories: &'a str,
}

impl TimelineDoc {
    /// Reads the four CSV files. Errors name the file and line (`events.csv line 15: …`).
    pub fn from_csv(files: &CsvFiles<'_>) -> Result<TimelineDoc, TimelineError> {
        let t = Table::parse(
            "alliances.csv",
            files.alliances,
            &["id", "name_en", "color", "kind"],
            &["renamed"],
            &["name_", "former_name_"],
        )?;
        let mut alliances = Vec::new();
        for r in t.rows() {
            alliances.push(AllianceDoc {
                id: t.get(r, "id").to_owned(),
                texts: t.texts(r),
                color: t.get(r, "color").to_owned(),
                kind: t.get(r, "kind").to_owned(),
                renamed: opt_date(&t, r, "renamed")?,
            });
        }

        let t = Table::parse(
            "states.csv",
            files.states,
            &["code", "name_en", "from", "to"],
            &["note", "renamed"],
            &["name_", "former_name_"],
        )?;
        let mut states = Vec::new();
        for r in t.rows() {
            states.push(StateDoc {
                code: t.get(r, "code").to_owned(),
                texts: t.texts(r),
                from: opt_date(&t, r, "from")?,
                to: opt_date(&t, r, "to")?,
                note: t.get(r, "note").to_owned(),
                renamed: opt_date(&t, r, "renamed")?,
            });
        }

        let t = Table::parse(
            "events.csv",
            files.events,
            &["alliance", "state", "event", "date", "precision"],
            &["note", "source"],
            &["caption_"],
        )?;
        let mut events = Vec::new();
        for r in t.rows() {
            let Some(date) = opt_date(&t, r, "date")? else {
                return Err(t.error(r, "date is empty (every event needs a day, YYYY-MM-DD)"));
            };
            let state = t.get(r, "state");
            events.push(EventDoc {
                alliance: t.get(r, "alliance").to_owned(),
                state: (!state.is_empty()).then(|| state.to_owned()),
                event: t.get(r, "event").to_owned(),
                date,
                precision: t.get(r, "precision").to_owned(),
                note: t.get(r, "note").to_owned(),
                source: t.get(r, "source").to_owned(),
                texts: t.texts(r),
            });
        }

        let t = Table::parse(
            "territories.csv",
            files.territories,
            &["unit", "state", "from", "to"],
            &["note", "source"],
            &[],
        )?;
        let mut territories = Vec::new();
        for r in t.rows() {
            territories.push(TerritoryDoc {
                unit: t.get(r, "unit").to_owned(),
                state: t.get(r, "state").to_owned(),
                from: opt_date(&t, r, "from")?,
                to: opt_date(&t, r, "to")?,
                note: t.get(r, "note").to_owned(),
                source: t.get(r, "source").to_owned(),
            });
        }
        Ok(TimelineDoc {
            version: DOC_VERSION,
            alliances,
            states,
            events,
            territories,
        })
    }
}

/// An optional date cell: empty is `None`, anything else must be `YYYY-MM-DD`.
fn opt_date(t: &Table<'_>, r: &super::csv::Row, col: &str) -> Result<Option<Date>, TimelineError> {
    match t.get(r, col) {
        "" => Ok(None),
        s => Date::parse(s)
            .map(Some)
            .map_err(|e| t.error(r, format_args!("{col}: {e}"))),
    }
}
