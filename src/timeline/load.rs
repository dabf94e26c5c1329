//! Validation of a [`TimelineDoc`] and the indexes behind the fast queries.

use super::status::{effect_of, known_kinds, AllianceKind, Effect, Status};
use super::Timeline;
use super::{
    Alliance, AllianceIdx, Change, Event, Names, StateIdx, StateRec, Texts, TimelineDoc,
    TimelineError, Unit, UnitKey, DOC_VERSION, FIRST_DATE,
};
use crate::date::Date;
use std::collections::HashMap;

fn err(msg: String) -> TimelineError {
    TimelineError::new(msg)
}

/// `A-Z` first, then `A-Z`, `0-9`, `_` (alliances) or `-` (states, units).
fn is_code(s: &str, extra: u8) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 16
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == extra)
}

fn is_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|c| c.is_ascii_hexdigit())
}

/// Checks that every key of `texts` is `<prefix><language code>` for one of `prefixes`.
fn check_texts(texts: &Texts, prefixes: &[&str]) -> Result<(), String> {
    for k in texts.keys() {
        if !crate::lang::is_text_key(k, prefixes) {
            let known: Vec<String> = prefixes.iter().map(|p| format!("{p}<language code>")).collect();
            return Err(format!("unknown field '{k}' (texts are {})", known.join(", ")));
        }
    }
    Ok(())
}

/// A renaming (of a state or an alliance): the day and the names before it,
/// none if neither is given; an error if one comes without the other or the
/// former names lack English.
fn renaming(renamed: Option<Date>, former: Names) -> Result<Option<(Date, Names)>, ()> {
    match (renamed, former.0.is_empty(), former.get("en").is_some()) {
        (None, true, _) => Ok(None),
        (Some(day), false, true) => Ok(Some((day, former))),
        _ => Err(()),
    }
}

/// `from..to` for messages, with open ends written as `…`.
fn span(from: Option<Date>, to: Option<Date>) -> String {
    let f = from.map_or("…".to_owned(), |d| d.to_string());
    let t = to.map_or("…".to_owned(), |d| d.to_string());
    format!("{f}..{t}")
}

impl Timeline {
    /// Validates a document and builds the timeline. Checks: version; alliance ids, names,
    /// colours (`#rrggbb`) and kinds; state codes (unique), names and `from < to`; every
    /// event's alliance, state, kind, precision, and that status-changing events fall within
    /// the state's existence; every territory row's unit, state and dates, and that each unit
    /// has exactly one owner on every day from 1949-04-04 on (no gap, no overlap, owner
    /// existing); and that every state existing today without territory rows (an implicit
    /// unit) existed on 1949-04-04.
    pub fn from_doc(doc: TimelineDoc) -> Result<Timeline, TimelineError> {
        if doc.version != DOC_VERSION {
            return Err(err(format!(
                "unsupported timeline document version {} (expected {DOC_VERSION})",
                doc.version
            )));
        }
        // Alliances.
        if doc.alliances.len() > 255 {
            return Err(err("more than 255 alliances".into()));
        }
        let mut alliances: Vec<Alliance> = Vec::new();
        for (i, a) in doc.alliances.into_iter().enumerate() {
            let at = |m: String| err(format!("alliances row {}: {m}", i + 1));
            if !is_code(&a.id, b'_') {
                return Err(at(format!(
                    "id '{}' must be capital letters, digits or _ (e.g. NATO)",
                    a.id
                )));
            }
            if let Some(j) = alliances.iter().position(|o| o.id == a.id) {
                return Err(at(format!(
                    "duplicate alliance id '{}' (first in row {})",
                    a.id,
                    j + 1
                )));
            }
            check_texts(&a.texts, &["name_", "former_name_"]).map_err(at)?;
            let names = Names::from_texts(&a.texts, "name_");
            if names.get("en").is_none() {
                return Err(at(format!("alliance '{}' needs name_en (English is every language's fallback)", a.id)));
            }
            let former = renaming(a.renamed, Names::from_texts(&a.texts, "former_name_"))
                .map_err(|()| at(format!("alliance '{}': 'renamed' and 'former_name_en' go together (other former_name_<language> need them)", a.id)))?;
            if !is_color(&a.color) {
                return Err(at(format!(
                    "color '{}' is not #rrggbb (e.g. #1f5fbf)",
                    a.color
                )));
            }
            let Some(kind) = AllianceKind::parse(&a.kind) else {
                return Err(at(format!(
                    "kind '{}' is not 'alliance' or 'context'",
                    a.kind
                )));
            };
            alliances.push(Alliance {
                id: a.id,
                names,
                color: a.color,
                kind,
                former,
            });
        }
        let na = alliances.len();
        let known_alliances = || {
            alliances
                .iter()
                .map(|a| a.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };

        // States.
        if doc.states.len() > usize::from(u16::MAX) {
            return Err(err("more than 65535 states".into()));
        }
        let mut states: Vec<StateRec> = Vec::new();
        let mut state_index: HashMap<String, StateIdx> = HashMap::new();
        for (i, s) in doc.states.into_iter().enumerate() {
            let at = |m: String| err(format!("states row {}: {m}", i + 1));
            if !is_code(&s.code, b'-') {
                return Err(at(format!(
                    "code '{}' must be capital letters, digits or - (e.g. FRA, DEU-E)",
                    s.code
                )));
            }
            if let Some(j) = state_index.get(&s.code) {
                return Err(at(format!(
                    "duplicate state code '{}' (first in row {})",
                    s.code,
                    j.0 + 1
                )));
            }
            check_texts(&s.texts, &["name_", "former_name_"]).map_err(at)?;
            let names = Names::from_texts(&s.texts, "name_");
            if names.get("en").is_none() {
                return Err(at(format!("state '{}' needs name_en (English is every language's fallback)", s.code)));
            }
            if let (Some(f), Some(t)) = (s.from, s.to) {
                if f >= t {
                    return Err(at(format!("from {f} is not before to {t}")));
                }
            }
            state_index.insert(s.code.clone(), StateIdx(i as u16));
            let former = renaming(s.renamed, Names::from_texts(&s.texts, "former_name_")).map_err(|()| {
                at(format!(
                    "state '{}': 'renamed' and 'former_name_en' go together (other former_name_<language> need them)",
                    s.code
                ))
            })?;
            states.push(StateRec {
                code: s.code,
                names,
                from: s.from,
                to: s.to,
                note: s.note,
                former,
            });
        }
        let lookup = |code: &str| state_index.get(code).copied();
        let exists_during = |s: StateIdx, from: Option<Date>, to: Option<Date>| {
            let st = &states[usize::from(s.0)];
            let starts_ok = match (st.from, from) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(sf), Some(f)) => sf <= f,
            };
            let ends_ok = match (st.to, to) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(st_to), Some(t)) => t <= st_to,
            };
            starts_ok && ends_ok
        };

        // Events, in document order for messages, then sorted by date (stable).
        let mut events: Vec<(Event, usize, Option<StateIdx>, Effect)> = Vec::new();
        for (i, e) in doc.events.into_iter().enumerate() {
            let at = |m: String| err(format!("timeline event {}: {m}", i + 1));
            let Some(a) = alliances.iter().position(|x| x.id == e.alliance) else {
                return Err(at(format!(
                    "unknown alliance '{}' (known: {})",
                    e.alliance,
                    known_alliances()
                )));
            };
            let state = match e.state.as_deref() {
                None | Some("") => None,
                Some(code) => {
                    Some(lookup(code).ok_or_else(|| at(format!("unknown state code '{code}'")))?)
                }
            };
            let Some(effect) = effect_of(&e.event) else {
                return Err(at(format!(
                    "unknown event kind '{}' (known: {})",
                    e.event,
                    known_kinds()
                )));
            };
            if crate::date::Precision::parse(&e.precision).is_none() {
                return Err(at(format!(
                    "precision '{}' is not day, month or year",
                    e.precision
                )));
            }
            match (effect, state) {
                (Effect::Set(_) | Effect::Clear, None) => {
                    return Err(at(format!(
                        "event '{}' changes a state's status, so it needs a state",
                        e.event
                    )));
                }
                (Effect::DissolveAll, Some(_)) => {
                    return Err(at(
                        "event 'dissolved' is alliance-level: leave the state empty".into(),
                    ));
                }
                (Effect::Set(_) | Effect::Signed, Some(s))
                    if !exists_during(s, Some(e.date), Some(e.date.succ())) =>
                {
                    let st = &states[usize::from(s.0)];
                    return Err(at(format!(
                        "state '{}' does not exist on {} (exists {})",
                        st.code,
                        e.date,
                        span(st.from, st.to)
                    )));
                }
                _ => {}
            }
            check_texts(&e.texts, &["caption_"]).map_err(at)?;
            let ev = Event {
                date: e.date,
                alliance: e.alliance,
                state: e.state.filter(|s| !s.is_empty()),
                kind: e.event,
                precision: e.precision,
                note: e.note,
                captions: Names::from_texts(&e.texts, "caption_"),
                source: e.source,
            };
            events.push((ev, a, state, effect));
        }
        crate::sort::sort_by_key(&mut events, |(e, ..)| e.date);

        // Status changes per (state, alliance).
        let mut changes: Vec<Vec<Change>> = vec![Vec::new(); states.len() * na];
        let current = |list: &Vec<Change>| list.last().and_then(|c| c.status);
        for (n, (e, a, state, effect)) in events.iter().enumerate() {
            let new = match (effect, state) {
                (Effect::Set(s), Some(_)) => Some(*s),
                (Effect::Signed, Some(_)) => Some(Status::Signatory),
                (Effect::Clear, Some(_)) => None,
                (Effect::DissolveAll, _) => {
                    for s in 0..states.len() {
                        let list = &mut changes[s * na + a];
                        if current(list).is_some() {
                            list.push(Change {
                                date: e.date,
                                status: None,
                                event: n as u32,
                            });
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            let list = &mut changes[usize::from(state.expect("checked").0) * na + a];
            if current(list) != new {
                list.push(Change {
                    date: e.date,
                    status: new,
                    event: n as u32,
                });
            }
        }
        // A state that ceases to exist has no standing from then on.
        for (s, st) in states.iter().enumerate() {
            let Some(to) = st.to else { continue };
            for a in 0..na {
                let list = &mut changes[s * na + a];
                list.retain(|c| c.date < to);
                if let Some(last) = list.last() {
                    if last.status.is_some() {
                        let event = last.event;
                        list.push(Change {
                            date: to,
                            status: None,
                            event,
                        });
                    }
                }
            }
        }

        // Territories: rows per unit, checked for gaps and overlaps.
        let mut by_unit: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, t) in doc.territories.iter().enumerate() {
            let at = |m: String| err(format!("territories row {}: {m}", i + 1));
            if !is_code(&t.unit, b'-') {
                return Err(at(format!(
                    "unit id '{}' must be capital letters, digits or - (e.g. DEU-E)",
                    t.unit
                )));
            }
            let Some(s) = lookup(&t.state) else {
                return Err(at(format!("unknown state code '{}'", t.state)));
            };
            if let (Some(f), Some(to)) = (t.from, t.to) {
                if f >= to {
                    return Err(at(format!("from {f} is not before to {to}")));
                }
            }
            if !exists_during(s, t.from, t.to) {
                let st = &states[usize::from(s.0)];
                return Err(at(format!(
                    "state '{}' does not exist for all of {} (it exists {})",
                    t.state,
                    span(t.from, t.to),
                    span(st.from, st.to)
                )));
            }
            match by_unit.iter_mut().find(|(u, _)| *u == t.unit) {
                Some((_, rows)) => rows.push(i),
                None => by_unit.push((t.unit.clone(), vec![i])),
            }
        }
        let mut units: Vec<Unit> = Vec::new();
        for (unit, mut rows) in by_unit {
            let terr = &doc.territories;
            crate::sort::sort_by_key(&mut rows, |&r| terr[r].from); // None (open start) first
            let first = &terr[rows[0]];
            if let Some(f) = first.from.filter(|&f| f > FIRST_DATE) {
                return Err(err(format!(
                    "territories row {}: unit '{unit}' starts on {f}, after the map start {FIRST_DATE} (nobody owns it before; leave `from` empty or start earlier)",
                    rows[0] + 1
                )));
            }
            let mut owners = Vec::new();
            for w in rows.windows(2) {
                let (p, n) = (&terr[w[0]], &terr[w[1]]);
                match (p.to, n.from) {
                    (None, _) | (_, None) => {
                        let why = if p.to.is_none() {
                            format!("row {} has no end date", w[0] + 1)
                        } else {
                            format!("row {} has no start date", w[1] + 1)
                        };
                        return Err(err(format!(
                            "territories row {}: unit '{unit}' overlaps row {} ({why})",
                            w[1] + 1,
                            w[0] + 1
                        )));
                    }
                    (Some(end), Some(start)) if start < end => {
                        return Err(err(format!(
                            "territories row {}: unit '{unit}' overlaps row {} (row {} ends {end}, row {} starts {start})",
                            w[1] + 1,
                            w[0] + 1,
                            w[0] + 1,
                            w[1] + 1
                        )));
                    }
                    (Some(end), Some(start)) if start > end => {
                        return Err(err(format!(
                            "territories row {}: unit '{unit}' has no owner from {end} to {} (gap after row {})",
                            w[1] + 1,
                            start.pred(),
                            w[0] + 1
                        )));
                    }
                    _ => {}
                }
            }
            let last = *rows.last().expect("a unit has rows");
            if let Some(end) = terr[last].to {
                return Err(err(format!(
                    "territories row {}: unit '{unit}' has no owner from {end} on (leave `to` empty on its last row)",
                    last + 1
                )));
            }
            for &r in &rows {
                let s = lookup(&terr[r].state).expect("checked");
                owners.push((terr[r].from.unwrap_or(Date::from_days(i32::MIN)), s));
            }
            units.push(Unit { id: unit, owners });
        }
        // Implicit units: states existing today without rows of their own.
        for (i, st) in states.iter().enumerate() {
            if st.to.is_some() || units.iter().any(|u| u.id == st.code) {
                continue;
            }
            if let Some(f) = st.from.filter(|&f| f > FIRST_DATE) {
                return Err(err(format!(
                    "states row {}: state '{}' begins on {f}, so territories must say who owned unit '{}' before (or the unit has no owner then)",
                    i + 1,
                    st.code,
                    st.code
                )));
            }
            units.push(Unit {
                id: st.code.clone(),
                owners: vec![(Date::from_days(i32::MIN), StateIdx(i as u16))],
            });
        }
        if units.len() > usize::from(u16::MAX) {
            return Err(err("more than 65535 territory units".into()));
        }
        let unit_index = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), UnitKey(i as u16)))
            .collect();

        // Days on which anything happens.
        let mut event_dates: Vec<Date> = events.iter().map(|(e, ..)| e.date).collect();
        event_dates.extend(
            doc.territories
                .iter()
                .flat_map(|t| [t.from, t.to])
                .flatten(),
        );
        event_dates.extend(states.iter().flat_map(|s| [s.from, s.to]).flatten());
        event_dates.retain(|&d| d >= FIRST_DATE);
        crate::sort::sort(&mut event_dates);
        event_dates.dedup();

        let map_alliances = (0..na)
            .filter(|&a| alliances[a].kind == AllianceKind::Alliance)
            .map(|a| AllianceIdx(a as u8))
            .collect();
        Ok(Timeline {
            alliances,
            states,
            state_index,
            events: events.into_iter().map(|(e, ..)| e).collect(),
            territories: doc.territories,
            units,
            unit_index,
            changes,
            map_alliances,
            event_dates,
        })
    }
}
