//! Alliances, states, events and succession: who owns each map unit and who belongs to which
//! alliance on any day. Pure Rust; knows dates, nothing about shapes or the DOM.
//!
//! Intervals are half-open, `[from, to)`: a status or an owner that begins on a date holds on
//! that date. The data lives in `data/*.csv` (see `data/README.md`); [`Timeline::builtin`]
//! embeds it, [`Timeline::from_doc`] validates any other document.
//!
//! ```
//! use blocmap::{timeline::Timeline, Date};
//! let t = Timeline::builtin();
//! let d = Date::parse("1999-03-12").unwrap();
//! assert!(t.members_at("NATO", d).unwrap().contains(&"POL"));
//! assert_eq!(t.state_of("UKR", Date::parse("1985-01-01").unwrap()).unwrap(), "SUN");
//! ```
#![warn(missing_docs)]

mod builtin;
mod csv;
mod doc;
mod error;
mod json_doc;
mod load;
mod status;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use builtin::BUILTIN_CSV;
pub use doc::{AllianceDoc, CsvFiles, EventDoc, StateDoc, TerritoryDoc, Texts, TimelineDoc, DOC_VERSION};
pub use error::TimelineError;
pub use status::{AllianceKind, Status};

use crate::date::{Date, Precision};
use std::collections::HashMap;

/// The first day of the map: signature of the North Atlantic Treaty, 1949-04-04.
pub const FIRST_DATE: Date = Date::from_days(-7577);

/// Index of an alliance in [`Timeline::alliances`].
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct AllianceIdx(pub u8);

/// Index of a state (see [`Timeline::state_code`]).
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct StateIdx(pub u16);

/// A map territory unit, resolved once by [`Timeline::unit_key`] for fast [`Timeline::unit_view`].
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct UnitKey(pub u16);

/// One text in the languages the data has it in: `(language code, text)`,
/// none empty, English always there for names (checked).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Names(pub Vec<(String, String)>);

impl Names {
    /// The `<prefix><code>` entries of `texts` (`name_en` → `en`).
    fn from_texts(texts: &Texts, prefix: &str) -> Names {
        Names(
            texts
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix(prefix)?.to_string(), v.clone())))
                .filter(|(_, v)| !v.trim().is_empty())
                .collect(),
        )
    }

    /// Back to `<prefix><code>` entries.
    fn to_texts(&self, prefix: &str, out: &mut Texts) {
        out.extend(self.0.iter().map(|(k, v)| (format!("{prefix}{k}"), v.clone())));
    }

    /// The text in `lang`, if the data has it.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == lang).map(|(_, v)| v.as_str())
    }

    /// The English text (empty if none).
    pub fn en(&self) -> &str {
        self.get("en").unwrap_or("")
    }
}

/// An alliance (or context organisation such as the SCO).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Alliance {
    /// Id, e.g. `NATO`.
    pub id: String,
    /// Names by language (the `name_<code>` columns).
    pub names: Names,
    /// Fill colour `#rrggbb`.
    pub color: String,
    /// Colours the map or only context.
    pub kind: AllianceKind,
    /// `(renamed, the names before)`, for an alliance renamed during the
    /// map's span: the Collective Security Treaty (CST) became the
    /// Collective Security Treaty Organization (CSTO) with its Charter.
    pub former: Option<(Date, Names)>,
}

impl Alliance {
    /// The alliance's names on `date` in the data's languages, and whether
    /// they are its former names (the CST before 2002-10-07).
    pub fn names_at(&self, date: Date) -> (&Names, bool) {
        match &self.former {
            Some((renamed, names)) if date < *renamed => (names, true),
            _ => (&self.names, false),
        }
    }
}

/// A state's standing in one alliance on a day.
///
/// Two starts: [`since`](Standing::since) is what a reader calls "member
/// since" — the first day of the state's continuous formal membership —,
/// [`standing_since`](Standing::standing_since) the first day of the current
/// status. They differ when a member's standing changed without its
/// membership ending: Greece in 1985 is a member since 1952-02-18 whose
/// current status (back in the integrated command) began on 1980-10-20;
/// France in 1970 is a member since 1949-08-24, outside the integrated
/// command since 1966-07-01; Armenia in 2024 a member since 1994-04-20,
/// frozen since 2024-02-22. For a state that is no formal member (signatory,
/// applicant, suspended) the two are the same day.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Standing<'a> {
    /// Alliance id.
    pub alliance: &'a str,
    /// Current status.
    pub status: Status,
    /// For a formal member (member, outside the integrated command, frozen,
    /// inactive), the first day of its continuous formal membership: a
    /// status change within the membership does not move it, a withdrawal
    /// or a suspension does (Uzbekistan in the CSTO: since 2006-06-23, its
    /// return). Otherwise the day the current status began.
    pub since: Date,
    /// The event that began [`since`](Standing::since) (its precision and sources).
    pub since_event: &'a Event,
    /// The day the current status began.
    pub standing_since: Date,
    /// The event that began the current status.
    pub standing_event: &'a Event,
    /// Note of the event that began the current status.
    pub note: &'a str,
    /// Source of the event that began the current status.
    pub source: &'a str,
}

impl<'a> Standing<'a> {
    /// The start that goes with the status as a reader reads it: for a plain
    /// `member` the start of its membership ([`since`](Standing::since);
    /// Greece in 1985: 1952-02-18), for any other status its own start
    /// ([`standing_since`](Standing::standing_since); France in 1970,
    /// outside the integrated command: 1966-07-01), with the event that
    /// began it (its precision: France's is known to the month).
    pub fn status_since(&self) -> (Date, &'a Event) {
        if self.status == Status::Member {
            (self.since, self.since_event)
        } else {
            (self.standing_since, self.standing_event)
        }
    }
}

/// One event, as in `events.csv`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Event {
    /// The day.
    pub date: Date,
    /// Alliance id.
    pub alliance: String,
    /// State code, `None` for alliance-level events.
    pub state: Option<String>,
    /// Event kind (`joined`, `withdrew`, …; column `event` in the data).
    pub kind: String,
    /// `day`, `month` or `year`: how exact the sources are.
    pub precision: String,
    /// Free text.
    pub note: String,
    /// Source URLs separated by ` | `.
    pub source: String,
    /// Short captions by language (the `caption_<code>` columns).
    pub captions: Names,
}

impl Event {
    /// How exact [`date`](Event::date) is (the `precision` column, checked
    /// when the timeline is built).
    pub fn date_precision(&self) -> Precision {
        Precision::parse(&self.precision).unwrap_or_default()
    }
}

/// What the map shows for a unit on a day.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct UnitView {
    /// The owning state.
    pub state: StateIdx,
    /// The alliance (kind `alliance` only, never a context layer) of which the owner is a
    /// formal member, if any.
    pub alliance: Option<AllianceIdx>,
    /// The owner's strongest standing across kind-`alliance` alliances, if any.
    pub status: Option<Status>,
    /// The alliance of that strongest standing (e.g. the one a signatory signed).
    pub standing: Option<AllianceIdx>,
}

/// A state as loaded.
#[derive(Clone, Debug)]
struct StateRec {
    code: String,
    names: Names,
    from: Option<Date>,
    to: Option<Date>,
    note: String,
    /// `(renamed, the names before)`.
    former: Option<(Date, Names)>,
}

/// From `date` on, the status is `status` (none if `None`), begun by event `event`.
#[derive(Copy, Clone, Debug)]
struct Change {
    date: Date,
    status: Option<Status>,
    event: u32,
}

/// A map unit: its owners as a step function of time.
#[derive(Clone, Debug)]
struct Unit {
    id: String,
    /// `(first day, owner)`, sorted; the first entry also covers all earlier days.
    owners: Vec<(Date, StateIdx)>,
}

/// The validated, indexed timeline. Build with [`Timeline::builtin`], [`Timeline::from_doc`]
/// or [`Timeline::from_json`].
#[derive(Clone, Debug)]
pub struct Timeline {
    alliances: Vec<Alliance>,
    states: Vec<StateRec>,
    state_index: HashMap<String, StateIdx>,
    /// Sorted by date (stable: document order within a day).
    events: Vec<Event>,
    territories: Vec<TerritoryDoc>,
    units: Vec<Unit>,
    unit_index: HashMap<String, UnitKey>,
    /// `changes[state * alliances.len() + alliance]`, sorted by date.
    changes: Vec<Vec<Change>>,
    /// Indices of kind-`alliance` alliances.
    map_alliances: Vec<AllianceIdx>,
    event_dates: Vec<Date>,
}

impl Timeline {
    /// The first day of the map, 1949-04-04.
    pub fn first_date(&self) -> Date {
        FIRST_DATE
    }

    /// All alliances, in document order ([`AllianceIdx`] indexes this slice).
    pub fn alliances(&self) -> &[Alliance] {
        &self.alliances
    }

    /// The index of an alliance id, in any case (`nato` is `NATO`, as in a
    /// link's `alliances=`).
    pub fn alliance(&self, id: &str) -> Result<AllianceIdx, TimelineError> {
        match self.alliances.iter().position(|a| a.id.eq_ignore_ascii_case(id)) {
            Some(i) => Ok(AllianceIdx(i as u8)),
            None => Err(TimelineError::new(format!(
                "unknown alliance '{id}' (known: {})",
                self.alliances
                    .iter()
                    .map(|a| a.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// The index of a state code, in any case (`pol` is `POL`).
    pub fn state(&self, code: &str) -> Result<StateIdx, TimelineError> {
        self.state_index
            .get(code)
            .or_else(|| self.state_index.get(&code.to_ascii_uppercase()))
            .copied()
            .ok_or_else(|| TimelineError::new(format!("unknown state code '{code}'")))
    }

    /// The code of a state, e.g. `FRA`.
    pub fn state_code(&self, s: StateIdx) -> &str {
        &self.states[usize::from(s.0)].code
    }

    /// The name of a state in a language the data has a column for (English
    /// otherwise; `crate::words::state_name` also asks the language packs).
    pub fn state_name(&self, s: StateIdx, lang: &str) -> &str {
        let st = &self.states[usize::from(s.0)];
        st.names.get(lang).unwrap_or(st.names.en())
    }

    /// A state's name on `date`: the former name before a renaming (West
    /// Germany before 1990-10-03, Macedonia before 2019-02-12). English if
    /// the data has no column for `lang`.
    pub fn state_name_at(&self, s: StateIdx, date: Date, lang: &str) -> &str {
        let (names, _) = self.state_names_at(s, date);
        names.get(lang).unwrap_or(names.en())
    }

    /// A state's names on `date` in the data's languages, and whether they
    /// are its former names (before a renaming).
    pub fn state_names_at(&self, s: StateIdx, date: Date) -> (&Names, bool) {
        let st = &self.states[usize::from(s.0)];
        match &st.former {
            Some((renamed, names)) if date < *renamed => (names, true),
            _ => (&st.names, false),
        }
    }

    /// Whether the state exists on `date`.
    fn exists(&self, s: StateIdx, date: Date) -> bool {
        let st = &self.states[usize::from(s.0)];
        st.from.map_or(true, |f| f <= date) && st.to.map_or(true, |t| date < t)
    }

    /// The change in force for `(state, alliance)` on `date`, if any status holds.
    fn change_at(&self, s: StateIdx, a: usize, date: Date) -> Option<&Change> {
        let list = &self.changes[usize::from(s.0) * self.alliances.len() + a];
        let i = list.partition_point(|c| c.date <= date);
        let c = list.get(i.checked_sub(1)?)?;
        c.status.is_some().then_some(c)
    }

    /// The sorted codes of the formal members (member, frozen, inactive,
    /// outside_integrated_command) of `alliance` on `date`.
    pub fn members_at(&self, alliance: &str, date: Date) -> Result<Vec<&str>, TimelineError> {
        let a = usize::from(self.alliance(alliance)?.0);
        let mut out: Vec<&str> = (0..self.states.len())
            .map(|i| StateIdx(i as u16))
            .filter(|&s| {
                self.change_at(s, a, date)
                    .and_then(|c| c.status)
                    .is_some_and(Status::is_formal_member)
            })
            .map(|s| self.state_code(s))
            .collect();
        crate::sort::sort(&mut out);
        Ok(out)
    }

    /// The sorted codes of the states whose status in `alliance` on `date` is exactly `status`
    /// (e.g. the 12 signatories of NATO on 1949-08-23).
    pub fn states_with_status(
        &self,
        alliance: &str,
        status: Status,
        date: Date,
    ) -> Result<Vec<&str>, TimelineError> {
        let a = usize::from(self.alliance(alliance)?.0);
        let mut out: Vec<&str> = (0..self.states.len())
            .map(|i| StateIdx(i as u16))
            .filter(|&s| self.change_at(s, a, date).and_then(|c| c.status) == Some(status))
            .map(|s| self.state_code(s))
            .collect();
        crate::sort::sort(&mut out);
        Ok(out)
    }

    /// One entry per alliance (in [`alliances`](Self::alliances) order, context layers
    /// included) in which `state` has any standing on `date`. A state that does not exist on
    /// `date` has none.
    pub fn status_at(&self, state: &str, date: Date) -> Result<Vec<Standing<'_>>, TimelineError> {
        let s = self.state(state)?;
        if !self.exists(s, date) {
            return Ok(Vec::new());
        }
        Ok((0..self.alliances.len())
            .filter_map(|a| {
                let list = &self.changes[usize::from(s.0) * self.alliances.len() + a];
                let i = list.partition_point(|c| c.date <= date).checked_sub(1)?;
                let c = &list[i];
                let status = c.status?;
                let e = &self.events[c.event as usize];
                // Back through the changes while the state stays a formal member.
                let mut first = i;
                if status.is_formal_member() {
                    while first > 0 && list[first - 1].status.is_some_and(Status::is_formal_member) {
                        first -= 1;
                    }
                }
                let f = &list[first];
                Some(Standing {
                    alliance: &self.alliances[a].id,
                    status,
                    since: f.date,
                    since_event: &self.events[f.event as usize],
                    standing_since: c.date,
                    standing_event: e,
                    note: &e.note,
                    source: &e.source,
                })
            })
            .collect())
    }

    /// A state's history, in chronological order (for tooltips): the events
    /// naming it, and the alliance-level events (no state: signature,
    /// entry into force, charter, dissolution …) of an alliance on a day the
    /// state was in it as a signatory or a formal member — Poland's history
    /// has the Warsaw Pact's dissolution on 1991-07-01, the day that ended its
    /// membership, but not NATO's founding. Events of one day keep the data's
    /// order.
    pub fn history(&self, state: &str) -> Result<Vec<&Event>, TimelineError> {
        let s = self.state(state)?;
        let na = self.alliances.len();
        let in_alliance = |n: usize, e: &Event| {
            let Some(a) = self.alliances.iter().position(|a| a.id == e.alliance) else { return false };
            let list = &self.changes[usize::from(s.0) * na + a];
            let holds = |st: Option<Status>| st.is_some_and(|st| st == Status::Signatory || st.is_formal_member());
            // In it that day (after the day's events), or this event ended its standing.
            let i = list.partition_point(|c| c.date <= e.date);
            let on_the_day = i.checked_sub(1).is_some_and(|i| holds(list[i].status));
            let ended_by_it = list.iter().enumerate().any(|(j, c)| {
                c.event as usize == n && c.status.is_none() && j > 0 && holds(list[j - 1].status)
            });
            on_the_day || ended_by_it
        };
        Ok(self
            .events
            .iter()
            .enumerate()
            .filter(|(n, e)| match e.state.as_deref() {
                Some(code) => code == state,
                None => in_alliance(*n, e),
            })
            .map(|(_, e)| e)
            .collect())
    }

    /// Whether `alliance` exists on `date`, as its events tell: from its
    /// first event (NATO's signature on 1949-04-04, the Collective Security
    /// Treaty's on 1992-05-15) until its dissolution, an event whose kind
    /// ends every standing (`dissolved`: the Warsaw Pact on 1991-07-01,
    /// the day its members' membership ended, on which it no longer
    /// exists). An alliance without events, or an unknown id, never exists.
    pub fn is_active(&self, alliance: &str, date: Date) -> bool {
        let mut seen = false;
        for e in self.events.iter().take_while(|e| e.date <= date).filter(|e| e.alliance == alliance) {
            if status::effect_of(&e.kind) == Some(status::Effect::DissolveAll) {
                return false;
            }
            seen = true;
        }
        seen
    }

    /// The states that gain map units on `date`: each unit's owner that
    /// day where it differs from the day before (Estonia, Latvia and
    /// Lithuania on 1991-09-06), once each, in the order of the units.
    pub fn gains_on(&self, date: Date) -> Vec<&str> {
        let mut out: Vec<&str> = vec![];
        for k in (0..self.units.len()).map(|i| UnitKey(i as u16)) {
            let owner = self.owner(k, date);
            let code = self.state_code(owner);
            if owner != self.owner(k, date.pred()) && !out.contains(&code) {
                out.push(code);
            }
        }
        out
    }

    /// The code of the state owning map unit `unit` on `date`.
    pub fn state_of(&self, unit: &str, date: Date) -> Result<&str, TimelineError> {
        let k = self
            .unit_key(unit)
            .ok_or_else(|| TimelineError::new(format!("unknown territory unit '{unit}'")))?;
        Ok(self.state_code(self.owner(k, date)))
    }

    /// The key of a map unit: one listed in the territories, or an implicit one (a state
    /// that exists today and has no territory rows is the unit with its own code).
    /// `None` if the unit is unknown.
    pub fn unit_key(&self, unit: &str) -> Option<UnitKey> {
        self.unit_index.get(unit).or_else(|| self.unit_index.get(&unit.to_ascii_uppercase())).copied()
    }

    /// All unit ids, listed and implicit, sorted.
    pub fn unit_ids(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.units.iter().map(|u| u.id.as_str()).collect();
        crate::sort::sort(&mut v);
        v
    }

    /// The state owning map unit `unit` on `date` (what [`unit_view`](Self::unit_view)
    /// gives as `state`, without the alliance lookups).
    pub fn owner_of(&self, unit: UnitKey, date: Date) -> StateIdx {
        self.owner(unit, date)
    }

    /// The days on which some map unit changes owner, sorted: the only days on
    /// which a border between two units can appear or vanish.
    pub fn owner_dates(&self) -> Vec<Date> {
        let mut v: Vec<Date> = self.units.iter().flat_map(|u| u.owners.iter().map(|o| o.0)).collect();
        crate::sort::sort(&mut v);
        v.dedup();
        v
    }

    fn owner(&self, unit: UnitKey, date: Date) -> StateIdx {
        let owners = &self.units[usize::from(unit.0)].owners;
        let i = owners.partition_point(|o| o.0 <= date);
        owners[i.saturating_sub(1)].1
    }

    /// What the map shows for `unit` on `date`. Fast and allocation-free: two binary searches
    /// per kind-`alliance` alliance. Dates before the map start give the first owner.
    ///
    /// # Panics
    /// If `unit` was not made by this timeline's [`unit_key`](Self::unit_key).
    pub fn unit_view(&self, unit: UnitKey, date: Date) -> UnitView {
        let state = self.owner(unit, date);
        let mut view = UnitView {
            state,
            alliance: None,
            status: None,
            standing: None,
        };
        for &a in &self.map_alliances {
            let Some(status) = self
                .change_at(state, usize::from(a.0), date)
                .and_then(|c| c.status)
            else {
                continue;
            };
            if status.is_formal_member() && view.alliance.is_none() {
                view.alliance = Some(a);
            }
            if view
                .status
                .map_or(true, |s| status.strength() > s.strength())
            {
                view.status = Some(status);
                view.standing = Some(a);
            }
        }
        view
    }

    /// The events with `from <= date <= to` (both ends included), in chronological order.
    /// Empty if `from > to`. Territory changes are not events; see [`event_dates`](Self::event_dates).
    pub fn changes_between(&self, from: Date, to: Date) -> Vec<&Event> {
        let lo = self.events.partition_point(|e| e.date < from);
        let hi = self.events.partition_point(|e| e.date <= to);
        self.events
            .get(lo..hi.max(lo))
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }

    /// Sorted, deduplicated days from the map start on which anything happens: any event
    /// (status change or informational), a territory changing owner, a state beginning or ending.
    pub fn event_dates(&self) -> Vec<Date> {
        self.event_dates.clone()
    }

    /// All events in chronological order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The document this timeline was built from (events in chronological order).
    pub fn to_doc(&self) -> TimelineDoc {
        TimelineDoc {
            version: DOC_VERSION,
            alliances: self
                .alliances
                .iter()
                .map(|a| AllianceDoc {
                    id: a.id.clone(),
                    texts: {
                        let mut t = Texts::new();
                        a.names.to_texts("name_", &mut t);
                        if let Some((_, former)) = &a.former {
                            former.to_texts("former_name_", &mut t);
                        }
                        t
                    },
                    color: a.color.clone(),
                    kind: a.kind.as_str().to_owned(),
                    renamed: a.former.as_ref().map(|f| f.0),
                })
                .collect(),
            states: self
                .states
                .iter()
                .map(|s| StateDoc {
                    code: s.code.clone(),
                    texts: {
                        let mut t = Texts::new();
                        s.names.to_texts("name_", &mut t);
                        if let Some((_, former)) = &s.former {
                            former.to_texts("former_name_", &mut t);
                        }
                        t
                    },
                    from: s.from,
                    to: s.to,
                    note: s.note.clone(),
                    renamed: s.former.as_ref().map(|f| f.0),
                })
                .collect(),
            events: self
                .events
                .iter()
                .map(|e| EventDoc {
                    alliance: e.alliance.clone(),
                    state: e.state.clone(),
                    event: e.kind.clone(),
                    date: e.date,
                    precision: e.precision.clone(),
                    note: e.note.clone(),
                    source: e.source.clone(),
                    texts: {
                        let mut t = Texts::new();
                        e.captions.to_texts("caption_", &mut t);
                        t
                    },
                })
                .collect(),
            territories: self.territories.clone(),
        }
    }

    /// Reads and validates a JSON document (`data/timeline.schema.json`).
    /// Errors name the place: `timeline JSON: events[5] (event 6): date: …`
    /// for its shape (see `json_doc`), `timeline event 6: …` for its rules.
    pub fn from_json(text: &str) -> Result<Timeline, TimelineError> {
        Timeline::from_doc(json_doc::read(text)?)
    }

    /// The document as pretty-printed JSON (native only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_doc()).expect("a TimelineDoc always serialises")
    }
}
