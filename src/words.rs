//! Dates, numbers and the day's summary in words, in any language of a pack
//! ([`crate::lang`]), with Western (0-9) or Eastern Arabic (٠-٩) digits. Pure
//! Rust above the timeline: the host page asks for these sentences and never
//! assembles them.
//!
//! Names: the data's column for the language, else the pack's name map, else
//! English.

use crate::date::Date;
use crate::lang::{caption_key, Language};
use crate::timeline::{Alliance, AllianceKind, Event, Status, Timeline};

/// Which digits numerals are written with.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Digits {
    /// 0123456789
    Latin,
    /// ٠١٢٣٤٥٦٧٨٩ (Eastern Arabic)
    Arabic,
}

impl Digits {
    /// `latn` (Western digits) or `arab` (Eastern Arabic digits); anything
    /// else is an error naming the known ones.
    pub fn parse(text: &str) -> Result<Digits, String> {
        match text {
            "latn" => Ok(Digits::Latin),
            "arab" => Ok(Digits::Arabic),
            _ => Err(format!("unknown digits '{text}'; known: latn, arab")),
        }
    }

    /// `arab` or `latn`, what [`Digits::parse`] reads.
    pub fn as_str(self) -> &'static str {
        match self {
            Digits::Arabic => "arab",
            Digits::Latin => "latn",
        }
    }
}

/// Rewrites the ASCII digits of `text` with `digits`.
pub fn numerals(text: &str, digits: Digits) -> String {
    match digits {
        Digits::Latin => text.to_string(),
        Digits::Arabic => text
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(0x0660 + d).unwrap_or(c),
                _ => c,
            })
            .collect(),
    }
}

/// The name of a month (1-12).
pub fn month_name(month: u32, lang: &Language) -> &str {
    lang.month(month)
}

/// A date in words: `12 March 1999`, `١٢ مارس ١٩٩٩`.
pub fn date_words(date: Date, lang: &Language, digits: Digits) -> String {
    let (y, m, d) = date.ymd();
    numerals(&lang.date(d, m, y), digits)
}

/// A year as a numeral.
pub fn year(date: Date, digits: Digits) -> String {
    numerals(&date.year().to_string(), digits)
}

/// `n members` in the form the number takes (عضو واحد، عضوان، ٣ أعضاء، ١١ عضوًا; 21 член, 32 члена).
pub fn members(n: usize, lang: &Language, digits: Digits) -> String {
    numerals(&lang.members(n), digits)
}

/// `n signatories`.
fn signatories(n: usize, lang: &Language, digits: Digits) -> String {
    numerals(&lang.signatories(n), digits)
}

/// A list in the language's punctuation: `A, B, C` or `A، B، C`.
pub fn list(items: &[&str], lang: &Language) -> String {
    items.join(&lang.list_separator)
}

/// The short name of an alliance: the acronym in the last parentheses if it
/// is one word (`NATO`, `الناتو`), else the name before them (`Warsaw Pact`).
pub fn short_name(name: &str) -> &str {
    let name = name.trim();
    if let (Some(open), true) = (name.rfind('('), name.ends_with(')')) {
        let inner = name[open + 1..name.len() - 1].trim();
        if !inner.is_empty() && !inner.contains(' ') {
            return inner;
        }
        return name[..open].trim();
    }
    name
}

/// An alliance's name in a language: the data's `name_<code>`, the pack's
/// `alliances` map, English.
pub fn alliance_name<'a>(a: &'a Alliance, lang: &'a Language) -> &'a str {
    a.names.get(&lang.code).or_else(|| lang.alliance_name(&a.id)).unwrap_or(a.names.en())
}

/// The name of an alliance id (full or short); the id if it is unknown.
fn alliance_name_of(t: &Timeline, id: &str, lang: &Language, short: bool) -> String {
    let Some(a) = t.alliances().iter().find(|a| a.id == id) else { return id.to_string() };
    let name = alliance_name(a, lang);
    if short {
        short_name(name).to_string()
    } else {
        name.to_string()
    }
}

/// A state's name as it was on `date` (West Germany before 1990): the
/// data's column, the pack's `states`/`formerNames`, English. The code if unknown.
pub fn state_name<'a>(t: &'a Timeline, code: &'a str, date: Date, lang: &'a Language) -> &'a str {
    let Ok(s) = t.state(code) else { return code };
    let (names, former) = t.state_names_at(s, date);
    names.get(&lang.code).or_else(|| lang.state_name(code, former)).unwrap_or(names.en())
}

/// An event's caption in a language: the data's `caption_<code>`, the pack's
/// `captions` (key `ALLIANCE|STATE|event|date`), English.
pub fn caption<'a>(e: &'a Event, lang: &'a Language) -> &'a str {
    caption_in(e, lang).unwrap_or(e.captions.en())
}

/// An event's caption in a language, if the data or the pack has one.
pub fn caption_in<'a>(e: &'a Event, lang: &'a Language) -> Option<&'a str> {
    e.captions.get(&lang.code).or_else(|| lang.caption(&caption_key(&e.alliance, e.state.as_deref(), &e.kind, e.date)))
}

/// The day in one sentence for a screen reader, e.g.
/// `12 March 1999: NATO 19 members, +Czech Republic, Hungary, Poland; Warsaw Pact …`.
/// Names each map alliance with members that day (or signatories, or
/// states that left that day), the states that joined (+) and left (−) that
/// day, then the captions of the day's other events (the alliances' own,
/// then signatures, freezes … not already told; three at most).
pub fn summary(t: &Timeline, date: Date, lang: &Language, digits: Digits) -> String {
    let mut parts = vec![];
    // (alliance, state) pairs already told as + or −.
    let mut counted: Vec<(&str, &str)> = vec![];
    let before = date.pred();
    for a in t.alliances().iter().filter(|a| a.kind == AllianceKind::Alliance) {
        let now = t.members_at(&a.id, date).unwrap_or_default();
        let was = t.members_at(&a.id, before).unwrap_or_default();
        let signed = t.states_with_status(&a.id, Status::Signatory, date).unwrap_or_default();
        for s in now.iter().filter(|s| !was.contains(s)).chain(was.iter().filter(|s| !now.contains(s))) {
            counted.push((a.id.as_str(), s));
        }
        let joined: Vec<&str> = now.iter().filter(|s| !was.contains(s)).map(|s| state_name(t, s, date, lang)).collect();
        let left: Vec<&str> = was.iter().filter(|s| !now.contains(s)).map(|s| state_name(t, s, before, lang)).collect();
        if now.is_empty() && left.is_empty() && signed.is_empty() {
            continue;
        }
        let mut part = format!("{} {}", alliance_name_of(t, &a.id, lang, true), members(now.len(), lang, digits));
        let sep = &lang.list_separator;
        if now.is_empty() && !signed.is_empty() {
            part = format!("{part}{sep}{}", signatories(signed.len(), lang, digits));
        }
        if !joined.is_empty() {
            part.push_str(&format!("{sep}+{}", list(&joined, lang)));
        }
        if !left.is_empty() {
            part.push_str(&format!("{sep}−{}", list(&left, lang)));
        }
        parts.push(part);
    }
    let mut out = format!("{}: ", date_words(date, lang, digits));
    if parts.is_empty() {
        out.push_str(lang.no_members());
    } else {
        out.push_str(&parts.join(&lang.clause_separator));
    }
    // The day's other events of map alliances: the alliances' own, then
    // states' (signatures, freezes …) not already told as + or −.
    let map_alliance = |id: &str| t.alliances().iter().any(|a| a.id == id && a.kind == AllianceKind::Alliance);
    let events = t.changes_between(date, date);
    let general = events.iter().filter(|e| e.state.is_none() && map_alliance(&e.alliance));
    let states = events.iter().filter(|e| {
        e.state.as_deref().is_some_and(|s| map_alliance(&e.alliance) && !counted.contains(&(e.alliance.as_str(), s)))
    });
    let mut notes: Vec<&str> = general.chain(states).map(|e| caption(e, lang)).filter(|c| !c.is_empty()).collect();
    notes.dedup();
    let more = notes.len() > 3;
    notes.truncate(3);
    if !notes.is_empty() {
        out.push_str(" — ");
        out.push_str(&notes.join(&lang.clause_separator));
        if more {
            out.push_str(" …");
        }
    }
    out.push('.');
    out
}

/// A day on the time axis where something happens.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The day.
    pub date: Date,
    /// The date in words.
    pub words: String,
    /// The year as a numeral (tick label).
    pub year: String,
    /// What happens, for the play caption: the day's alliance-level captions,
    /// or else its state captions (three at most, then `…`).
    pub caption: String,
    /// Whether the axis labels it: an alliance-level event of a map
    /// alliance, a change in the members of a map alliance or in a member's
    /// standing, or several
    /// states acting together (the 2022 Finnish and Swedish applications).
    pub major: bool,
    /// Which label wins when two would overlap: 3 an alliance-level event
    /// of a map alliance, 2 a change of members, 1 another major day, 0 minor.
    pub rank: u8,
}

/// One mark per event day of the timeline, in order.
pub fn marks(t: &Timeline, lang: &Language, digits: Digits) -> Vec<Mark> {
    let map_alliance = |id: &str| t.alliances().iter().any(|a| a.id == id && a.kind == AllianceKind::Alliance);
    t.event_dates()
        .into_iter()
        .map(|date| {
            let events = t.changes_between(date, date);
            let general: Vec<&Event> = events.iter().copied().filter(|e| e.state.is_none()).collect();
            let chosen: Vec<&Event> = if general.is_empty() { events.clone() } else { general.clone() };
            let mut captions: Vec<&str> = chosen.iter().map(|e| caption(e, lang)).filter(|c| !c.is_empty()).collect();
            captions.dedup();
            let more = captions.len() > 3;
            captions.truncate(3);
            let mut caption = captions.join(&lang.clause_separator);
            if more {
                caption.push_str(" …");
            }
            let members_change = t.alliances().iter().filter(|a| a.kind == AllianceKind::Alliance).any(|a| {
                t.members_at(&a.id, date).unwrap_or_default() != t.members_at(&a.id, date.pred()).unwrap_or_default()
            });
            // A member's standing changing (frozen, suspended, out of the integrated command).
            let standing_of = |state: &str, alliance: &str, day: Date| {
                t.status_at(state, day).unwrap_or_default().into_iter().find(|s| s.alliance == alliance).map(|s| s.status)
            };
            let member_status_change = events.iter().filter(|e| map_alliance(&e.alliance)).any(|e| {
                let Some(state) = e.state.as_deref() else { return false };
                let (now, was) = (standing_of(state, &e.alliance, date), standing_of(state, &e.alliance, date.pred()));
                now != was && [now, was].into_iter().flatten().any(Status::is_formal_member)
            });
            let states = events.iter().filter(|e| e.state.is_some() && map_alliance(&e.alliance)).count();
            let founding = general.iter().any(|e| map_alliance(&e.alliance));
            let rank = if founding {
                3
            } else if members_change {
                2
            } else if member_status_change || states >= 2 {
                1
            } else {
                0
            };
            Mark { date, words: date_words(date, lang, digits), year: year(date, digits), caption, major: rank > 0, rank }
        })
        .collect()
}

/// How one alliance's formal members differ between two days.
#[derive(Clone, Debug, PartialEq)]
pub struct Diff {
    /// Alliance id.
    pub alliance: String,
    /// Its short name in the language.
    pub name: String,
    /// `n members` on the first day, in words.
    pub before: String,
    /// `n members` on the second day, in words.
    pub after: String,
    /// Names of the states that are members on the second day only, sorted.
    pub joined: Vec<String>,
    /// Names of the states that are members on the first day only, sorted.
    pub left: Vec<String>,
}

/// The members of each map alliance on `from` against `to` (either order):
/// who joined, who left. Alliances with members on neither day are left out.
pub fn compare(t: &Timeline, from: Date, to: Date, lang: &Language, digits: Digits) -> Vec<Diff> {
    let mut out = vec![];
    for a in t.alliances().iter().filter(|a| a.kind == AllianceKind::Alliance) {
        let was = t.members_at(&a.id, from).unwrap_or_default();
        let now = t.members_at(&a.id, to).unwrap_or_default();
        if was.is_empty() && now.is_empty() {
            continue;
        }
        let names = |xs: Vec<&str>, day: Date| {
            let mut v: Vec<String> = xs.into_iter().map(|s| state_name(t, s, day, lang).to_string()).collect();
            crate::sort::sort(&mut v);
            v
        };
        out.push(Diff {
            alliance: a.id.clone(),
            name: alliance_name_of(t, &a.id, lang, true),
            before: members(was.len(), lang, digits),
            after: members(now.len(), lang, digits),
            joined: names(now.iter().copied().filter(|s| !was.contains(s)).collect(), to),
            left: names(was.iter().copied().filter(|s| !now.contains(s)).collect(), from),
        });
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn en() -> std::rc::Rc<Language> {
        crate::lang::get("en").unwrap()
    }

    fn ar() -> std::rc::Rc<Language> {
        crate::lang::get("ar").unwrap()
    }

    #[test]
    fn dates_in_words_in_both_languages_and_digits() {
        assert_eq!(date_words(d("1999-03-12"), &en(), Digits::Latin), "12 March 1999");
        assert_eq!(date_words(d("1949-04-04"), &ar(), Digits::Latin), "4 أبريل 1949");
        assert_eq!(date_words(d("2024-02-22"), &ar(), Digits::Arabic), "٢٢ فبراير ٢٠٢٤");
        assert_eq!(date_words(d("1991-12-26"), &en(), Digits::Arabic), "٢٦ December ١٩٩١");
    }

    #[test]
    fn digits_are_latn_or_arab_and_nothing_else() {
        assert_eq!(Digits::parse("latn"), Ok(Digits::Latin));
        assert_eq!(Digits::parse("arab"), Ok(Digits::Arabic));
        for bad in ["x", "", "Arab", "latin", "arabic"] {
            assert_eq!(Digits::parse(bad), Err(format!("unknown digits '{bad}'; known: latn, arab")));
        }
        for d in [Digits::Latin, Digits::Arabic] {
            assert_eq!(Digits::parse(d.as_str()), Ok(d));
        }
    }

    #[test]
    fn every_month_has_a_name() {
        for m in 1..=12 {
            assert!(!month_name(m, &en()).is_empty());
            assert!(!month_name(m, &ar()).is_empty());
        }
        assert_eq!(month_name(9, &ar()), "سبتمبر");
    }

    #[test]
    fn numerals_touch_only_ascii_digits() {
        assert_eq!(numerals("1999-03-12 (x)", Digits::Arabic), "١٩٩٩-٠٣-١٢ (x)");
        assert_eq!(numerals("abc 42", Digits::Latin), "abc 42");
    }

    #[test]
    fn arabic_members_agree_with_the_number() {
        assert_eq!(members(1, &ar(), Digits::Latin), "عضو واحد");
        assert_eq!(members(2, &ar(), Digits::Latin), "عضوان");
        assert_eq!(members(9, &ar(), Digits::Arabic), "٩ أعضاء");
        assert_eq!(members(19, &ar(), Digits::Latin), "19 عضوًا");
        assert_eq!(members(1, &en(), Digits::Latin), "1 member");
        assert_eq!(members(32, &en(), Digits::Latin), "32 members");
    }

    #[test]
    fn short_names() {
        assert_eq!(short_name("North Atlantic Treaty Organization (NATO)"), "NATO");
        assert_eq!(short_name("Warsaw Pact (Warsaw Treaty Organization)"), "Warsaw Pact");
        assert_eq!(short_name("حلف شمال الأطلسي (الناتو)"), "الناتو");
        assert_eq!(short_name("حلف وارسو"), "حلف وارسو");
    }

    #[test]
    fn summary_of_the_1999_enlargement() {
        let t = Timeline::builtin();
        let s = summary(&t, d("1999-03-12"), &en(), Digits::Latin);
        assert!(s.starts_with("12 March 1999: NATO 19 members, +"), "{s}");
        assert!(s.contains("Hungary") && s.contains("Poland"), "{s}");
        assert!(s.contains("CSTO 9 members"), "{s}");
        assert!(!s.contains("Warsaw"), "the Pact is gone: {s}");
        let ar = summary(&t, d("1999-03-12"), &ar(), Digits::Arabic);
        assert!(ar.starts_with("١٢ مارس ١٩٩٩: الناتو ١٩ عضوًا"), "{ar}");
        assert!(ar.contains("بولندا"), "{ar}");
        assert!(!ar.chars().any(|c| c.is_ascii_digit()), "{ar}");
    }

    #[test]
    fn summary_names_exits_and_alliance_events() {
        let t = Timeline::builtin();
        let s = summary(&t, d("1999-04-20"), &en(), Digits::Latin);
        assert!(s.contains("CSTO 6 members, −"), "{s}");
        assert!(s.contains("Georgia"), "{s}");
        let s = summary(&t, d("1991-07-01"), &en(), Digits::Latin);
        assert!(s.contains("Warsaw Pact dissolved"), "{s}");
        let s = summary(&t, d("1949-04-04"), &en(), Digits::Latin);
        assert!(s.contains("NATO 0 members, 12 signatories"), "{s}");
        assert!(s.contains("North Atlantic Treaty signed in Washington"), "{s}");
        assert!(s.ends_with(" ….") , "at most three captions: {s}");
        let s = summary(&t, d("2024-02-22"), &en(), Digits::Latin);
        assert!(s.ends_with("CSTO 6 members — Armenia freezes its participation in the CSTO."), "{s}");
        let s = summary(&t, d("1999-03-12"), &en(), Digits::Latin);
        assert!(!s.contains("joins"), "joins are told as +: {s}");
    }

    #[test]
    fn marks_cover_the_event_days_and_label_the_big_ones() {
        let t = Timeline::builtin();
        let m = marks(&t, &en(), Digits::Latin);
        assert_eq!(m.len(), t.event_dates().len());
        let get = |s: &str| m.iter().find(|k| k.date == d(s)).unwrap_or_else(|| panic!("no mark on {s}"));
        for major in [
            "1955-05-14", "1991-07-01", "1992-05-15", "1994-04-20", "1999-03-12", "1999-04-20", "2002-10-07",
            "2004-03-29", "2009-04-01", "2009-06-14", "2022-01-06", "2022-01-19", "2022-05-18", "2023-04-04", "2024-03-07",
            "2024-02-22",
        ] {
            assert!(get(major).major, "{major} is a major event");
        }
        assert!(!get("2017-06-09").major, "the SCO is context only");
        assert_eq!(get("1991-07-01").rank, 3);
        assert_eq!(get("1999-03-12").rank, 2);
        assert_eq!(get("1997-12-16").rank, 1);
        assert_eq!(get("1991-07-01").caption, "Warsaw Pact dissolved");
        assert!(get("2004-03-29").caption.ends_with(" …"));
        let ar = marks(&t, &ar(), Digits::Arabic);
        assert_eq!(ar[0].year, "١٩٤٩");
        assert!(!ar[0].caption.is_empty());
    }

    #[test]
    fn compare_lists_who_joined_and_who_left() {
        let t = Timeline::builtin();
        let diff = compare(&t, d("1990-01-01"), d("2000-01-01"), &en(), Digits::Latin);
        let nato = diff.iter().find(|x| x.alliance == "NATO").unwrap();
        assert_eq!(nato.before, "16 members");
        assert_eq!(nato.after, "19 members");
        assert_eq!(nato.joined, ["Czech Republic", "Hungary", "Poland"]);
        assert!(nato.left.is_empty());
        let wp = diff.iter().find(|x| x.alliance == "WARSAW_PACT").unwrap();
        assert_eq!(wp.after, "0 members");
        assert!(wp.left.iter().any(|s| s == "Poland"));
        let csto = diff.iter().find(|x| x.alliance == "CSTO").unwrap();
        assert_eq!(csto.before, "0 members");
        assert_eq!(csto.joined.len(), 6);
    }
}
