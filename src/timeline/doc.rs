//! The timeline document: the serde form (JSON, and JavaScript objects in wasm) of the four
//! data tables, and its reading from the CSV files in `data/` (from JSON text: `json_doc`).
//!
//! Field names are snake_case, exactly the CSV column names; dates are `YYYY-MM-DD` text; an
//! absent date (`from`/`to`) is `null` in JSON and an empty cell in CSV. The JSON Schema is
//! `data/timeline.schema.json`. A document is only *shaped* here; every rule (known codes,
//! no gaps, …) is checked by [`Timeline::from_doc`](super::Timeline::from_doc).

use super::csv::Table;
use super::error::TimelineError;
use crate::date::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// Texts in several languages, by column name: `name_en`, `name_ar`, `name_ru`,
/// `former_name_de`, `caption_fr` … (any `<prefix>_<language code>`; see
/// [`crate::lang::is_code`]). Empty texts are left out.
pub type Texts = BTreeMap<String, String>;

/// The version this code reads and writes.
pub const DOC_VERSION: u32 = 1;

/// A whole timeline: alliances, states, events and territory ownership.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    pub from: Option<Date>,
    /// First day it no longer exists; `None` = still exists.
    pub to: Option<Date>,
    /// Free text.
    pub note: String,
    /// The day the state took its current name, if it had another one
    /// during the map's span (West Germany → Germany, Macedonia → North
    /// Macedonia); `former_name_<code>` hold the names before that day.
    pub renamed: Option<Date>,
}

/// One row of `events.csv`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventDoc {
    /// Alliance id.
    pub alliance: String,
    /// State code; `None` for alliance-level events.
    pub state: Option<String>,
    /// Event kind (see `data/README.md`), e.g. `joined`.
    pub event: String,
    /// The day (always day-exact; see `precision`).
    pub date: Date,
    /// How exact the sources are: `day`, `month` or `year`.
    pub precision: String,
    /// Free text: conflicts, alternatives, the day chosen.
    pub note: String,
    /// Source URLs separated by ` | `.
    pub source: String,
    /// Short captions for the play mode: `caption_<code>`.
    #[serde(flatten)]
    pub texts: Texts,
}

/// One row of `territories.csv`: `unit` belongs to `state` on the days `[from, to)`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TerritoryDoc {
    /// Map unit id, e.g. `DEU-E`.
    pub unit: String,
    /// Owning state code.
    pub state: String,
    /// First day; `None` = since before the map starts.
    pub from: Option<Date>,
    /// First day no longer owned; `None` = still owned.
    pub to: Option<Date>,
    /// Free text.
    pub note: String,
    /// Source URLs separated by ` | `.
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
