//! Dates, numbers and the day's summary in words, in any language of a pack
//! ([`crate::lang`]), with Western (0-9) or Eastern Arabic (٠-٩) digits. Pure
//! Rust above the timeline: the host page asks for these sentences and never
//! assembles them.
//!
//! Names: the data's column for the language, else the pack's name map, else
//! English.

use crate::date::{Date, Precision};
use crate::lang::{caption_key, Language};
use crate::timeline::{Alliance, AllianceKind, Event, Standing, Status, Timeline};

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

/// A date in words as exactly as it is known: `12 March 1999` for a day,
/// `July 1966` (`يوليو ١٩٦٦`, `июль 1966 г.`) when only the month is known,
/// `1966` when only the year is.
pub fn precise_date_words(date: Date, precision: Precision, lang: &Language, digits: Digits) -> String {
    let (y, m, d) = date.ymd();
    numerals(&lang.date_to(precision, d, m, y), digits)
}

/// An event's date in words, at the precision its sources give (France's
/// exit from NATO's integrated command: `July 1966`, not `1 July 1966`).
pub fn event_date_words(e: &Event, lang: &Language, digits: Digits) -> String {
    precise_date_words(e.date, e.date_precision(), lang, digits)
}

/// When a standing began, in words, for the "since …" beside its status
/// ([`Standing::status_since`]): a member since the start of its membership
/// (Greece in 1985: `18 February 1952`, not its 1980 return to the integrated
/// command), any other standing since its own start (France in 1970, outside
/// the integrated command: `July 1966`), as exactly as the sources give it.
pub fn since_words(st: &Standing, lang: &Language, digits: Digits) -> String {
    let (date, e) = st.status_since();
    precise_date_words(date, e.date_precision(), lang, digits)
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

/// An alliance's name today in a language: the data's `name_<code>`, the
/// pack's `alliances` map, English. See [`alliance_name_at`] for the name of a day.
pub fn alliance_name<'a>(a: &'a Alliance, lang: &'a Language) -> &'a str {
    a.names.get(&lang.code).or_else(|| lang.alliance_name(&a.id)).unwrap_or(a.names.en())
}

/// An alliance's name as it was on `date` (the Collective Security Treaty
/// before its Charter made it the CSTO on 2002-10-07): the data's
/// `name_<code>` / `former_name_<code>`, the pack's `alliances` /
/// `formerAllianceNames`, English.
pub fn alliance_name_at<'a>(a: &'a Alliance, date: Date, lang: &'a Language) -> &'a str {
    let (names, former) = a.names_at(date);
    let pack = if former { lang.former_alliance_name(&a.id) } else { lang.alliance_name(&a.id) };
    names.get(&lang.code).or(pack).unwrap_or(names.en())
}

/// The name of an alliance id on `date` (full or short); the id if it is unknown.
fn alliance_name_of(t: &Timeline, id: &str, date: Date, lang: &Language, short: bool) -> String {
    let Some(a) = t.alliances().iter().find(|a| a.id == id) else { return id.to_string() };
    let name = alliance_name_at(a, date, lang);
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

/// A letter as it is ordered: lower case, Latin letters without their
/// accents (Å as A, Ş as S), Cyrillic ё as е, Arabic alif with or without
/// hamza or madda as one letter (آ أ إ ٱ as ا), ى as ي; Arabic vowel marks
/// and tatweel are skipped. Written out rather than with `char::to_lowercase`,
/// whose tables would cost the wasm more than the lists need.
fn fold(c: char) -> Option<char> {
    let n = c as u32;
    let lower = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => n + 0x20,
        0x400..=0x40F => n + 0x50,
        // Latin Extended-A and Ș/Ț: capitals at even code points (odd in two stretches).
        0x100..=0x137 | 0x14A..=0x177 | 0x218..=0x21B if n % 2 == 0 => n + 1,
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        _ => n,
    };
    let c = char::from_u32(lower).unwrap_or(c);
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì'..='ï' | 'ī' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ț' => 't',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ё' => 'е',
        'آ' | 'أ' | 'إ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        '\u{064B}'..='\u{0652}' | '\u{0640}' => return None,
        c => c,
    })
}

/// The order of two names in a list a reader scans: alphabetical in their
/// script, ignoring case, Latin accents, the seat of an Arabic hamza and
/// Arabic vowel marks (Latvia before Lithuania, whatever their codes; إستونيا
/// before ألبانيا); names equal that way fall back to their code points.
pub fn name_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.chars().filter_map(fold).cmp(b.chars().filter_map(fold)).then_with(|| a.cmp(b))
}

/// Sorts names with [`name_order`].
pub fn sort_names<S: AsRef<str>>(names: &mut Vec<S>) {
    crate::sort::sort_by(names, |a, b| name_order(a.as_ref(), b.as_ref()));
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

/// Whether `id` is an alliance that colours the map (kind `alliance`, not a
/// context layer such as the SCO).
fn is_map_alliance(t: &Timeline, id: &str) -> bool {
    t.alliances().iter().any(|a| a.id == id && a.kind == AllianceKind::Alliance)
}

/// The events of map alliances on `date`, in the data's order.
fn map_events(t: &Timeline, date: Date) -> Vec<&Event> {
    t.changes_between(date, date).into_iter().filter(|e| is_map_alliance(t, &e.alliance)).collect()
}

/// How exactly a day of `events` is known: as its most exact event (a day
/// with a day-exact event is a day), a day if it has none.
fn day_precision(events: &[&Event]) -> Precision {
    events.iter().map(|e| e.date_precision()).min().unwrap_or(Precision::Day)
}

/// `events` with the alliance-level ones first (in the data's order), then
/// those of states by the states' names in `lang`.
fn by_state_name<'a>(t: &Timeline, mut events: Vec<&'a Event>, lang: &Language) -> Vec<&'a Event> {
    crate::sort::sort_by(&mut events, |a, b| match (a.state.as_deref(), b.state.as_deref()) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => name_order(state_name(t, x, a.date, lang), state_name(t, y, b.date, lang)),
    });
    events
}

/// The captions of `events`, in that order, three at most and then ` …`;
/// an event known less exactly than the day it is told on (`lead`) gets its
/// own date: `France leaves NATO's integrated command (July 1966)`.
fn captions(events: &[&Event], lead: Precision, lang: &Language, digits: Digits) -> String {
    let mut list: Vec<String> = vec![];
    for e in events {
        let c = caption(e, lang);
        if c.is_empty() {
            continue;
        }
        let c = if e.date_precision() > lead { format!("{c} ({})", event_date_words(e, lang, digits)) } else { c.to_string() };
        if list.last() != Some(&c) {
            list.push(c);
        }
    }
    let more = list.len() > 3;
    list.truncate(3);
    let mut out = list.join(&lang.clause_separator);
    if more {
        out.push_str(" …");
    }
    out
}

/// The day in one sentence for a screen reader, e.g.
/// `text` with its first letter in capitals, for Latin and Cyrillic letters
/// (the month names that begin a sentence); by hand, as `char::to_uppercase`
/// brings Unicode's case tables into the wasm (12 KB gzipped).
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    let Some(c) = chars.next() else { return String::new() };
    let upper = match c {
        'a'..='z' => c.to_ascii_uppercase(),
        'а'..='я' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
        'ё' => 'Ё',
        _ => c,
    };
    std::iter::once(upper).chain(chars).collect()
}

/// `12 March 1999: NATO 19 members, +Czech Republic, Hungary, Poland; CST 9 members.`
/// Names each map alliance with members that day (or signatories, or
/// states that left that day) by its name of the day (the CST before
/// 2002-10-07), the states that joined (+) and left (−) that day in the
/// order of their names, then the captions of the day's other events (the
/// alliances' own, then signatures, freezes … not already told, by state
/// name; three at most). A day whose events are known only to the month or
/// the year is told that way (`July 1966: NATO 15 members — France leaves
/// NATO's integrated command.`).
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
        let mut joined: Vec<&str> = now.iter().filter(|s| !was.contains(s)).map(|s| state_name(t, s, date, lang)).collect();
        let mut left: Vec<&str> = was.iter().filter(|s| !now.contains(s)).map(|s| state_name(t, s, before, lang)).collect();
        sort_names(&mut joined);
        sort_names(&mut left);
        if now.is_empty() && left.is_empty() && signed.is_empty() {
            continue;
        }
        let mut part = format!("{} {}", alliance_name_of(t, &a.id, date, lang, true), members(now.len(), lang, digits));
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
    let events = map_events(t, date);
    let lead = day_precision(&events);
    // A sentence begins with a capital: Russian names a month alone in lower case ("июль 1966 г.").
    let mut out = capitalized(&precise_date_words(date, lead, lang, digits));
    out.push_str(": ");
    if parts.is_empty() {
        out.push_str(lang.no_members());
    } else {
        out.push_str(&parts.join(&lang.clause_separator));
    }
    // The day's other events of map alliances: the alliances' own, then
    // states' (signatures, freezes …) not already told as + or −.
    let untold: Vec<&Event> = events
        .iter()
        .copied()
        .filter(|e| e.state.as_deref().map_or(true, |s| !counted.contains(&(e.alliance.as_str(), s))))
        .collect();
    let notes = captions(&by_state_name(t, untold, lang), lead, lang, digits);
    if !notes.is_empty() {
        out.push_str(" — ");
        out.push_str(&notes);
    }
    // A sentence that ends in an ellipsis takes no full stop after it.
    if !out.ends_with(['.', '…', '!', '?']) {
        out.push('.');
    }
    out
}

/// A day on the time axis where something happens.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The day.
    pub date: Date,
    /// The date in words, as exactly as the day's events are known (`July 1966`).
    pub words: String,
    /// The year as a numeral (tick label).
    pub year: String,
    /// What happens, for the play caption: the day's alliance-level captions,
    /// or else its state captions by state name (three at most, then `…`);
    /// an event known only to the month or the year gives that date, since
    /// the caption stands beside the slider's whole date
    /// (`France leaves NATO's integrated command (July 1966)`). A day that
    /// only moves borders names the states that gain territory
    /// ([`new_borders`]: `New borders: Estonia, Latvia, Lithuania`), so
    /// every mark has a caption and play stops on it.
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

/// One mark per day that changes the map, in order: each day with an event
/// of a map alliance (kind `alliance`), and each day a map unit changes owner
/// (new borders: the Baltic states in 1991; the Saar joining West Germany, and
/// NATO, on 1957-01-01). Days whose only events are of a context layer (the
/// SCO) have none: the map is the same as the day before.
pub fn marks(t: &Timeline, lang: &Language, digits: Digits) -> Vec<Mark> {
    let first = t.first_date();
    let mut days: Vec<Date> = t.events().iter().filter(|e| is_map_alliance(t, &e.alliance)).map(|e| e.date).collect();
    days.extend(t.owner_dates());
    days.retain(|&d| d >= first);
    crate::sort::sort(&mut days);
    days.dedup();
    days.into_iter()
        .map(|date| {
            let events = map_events(t, date);
            let general: Vec<&Event> = events.iter().copied().filter(|e| e.state.is_none()).collect();
            let chosen: Vec<&Event> = if general.is_empty() { by_state_name(t, events.clone(), lang) } else { general.clone() };
            let lead = day_precision(&events);
            // The page shows the caption beside the slider's day, always a
            // whole date: an event known less exactly says so itself.
            let mut caption = captions(&chosen, Precision::Day, lang, digits);
            if caption.is_empty() {
                caption = new_borders(t, date, lang);
            }
            let members_change = t.alliances().iter().filter(|a| a.kind == AllianceKind::Alliance).any(|a| {
                t.members_at(&a.id, date).unwrap_or_default() != t.members_at(&a.id, date.pred()).unwrap_or_default()
            });
            // A member's standing changing (frozen, suspended, out of the integrated command).
            let standing_of = |state: &str, alliance: &str, day: Date| {
                t.status_at(state, day).unwrap_or_default().into_iter().find(|s| s.alliance == alliance).map(|s| s.status)
            };
            let member_status_change = events.iter().any(|e| {
                let Some(state) = e.state.as_deref() else { return false };
                let (now, was) = (standing_of(state, &e.alliance, date), standing_of(state, &e.alliance, date.pred()));
                now != was && [now, was].into_iter().flatten().any(Status::is_formal_member)
            });
            let states = events.iter().filter(|e| e.state.is_some()).count();
            let rank = if !general.is_empty() {
                3
            } else if members_change {
                2
            } else if member_status_change || states >= 2 {
                1
            } else {
                0
            };
            Mark { date, words: precise_date_words(date, lead, lang, digits), year: year(date, digits), caption, major: rank > 0, rank }
        })
        .collect()
}

/// The caption of a day on which units change owner: the pack's
/// `newBorders` with the states that gain territory that day (owners that
/// did not own those units the day before), by their names of the day in
/// [`name_order`]; empty if no unit changes owner.
pub fn new_borders(t: &Timeline, date: Date, lang: &Language) -> String {
    let mut names: Vec<&str> = t.gains_on(date).into_iter().map(|s| state_name(t, s, date, lang)).collect();
    if names.is_empty() {
        return String::new();
    }
    sort_names(&mut names);
    lang.new_borders(&list(&names, lang))
}

/// How one alliance's formal members differ between two days.
#[derive(Clone, Debug, PartialEq)]
pub struct Diff {
    /// Alliance id.
    pub alliance: String,
    /// Its short name in the language, as it was on the second day.
    pub name: String,
    /// `n members` on the first day, in words.
    pub before: String,
    /// `n members` on the second day, in words.
    pub after: String,
    /// Names of the states that are members on the second day only, in
    /// [`name_order`].
    pub joined: Vec<String>,
    /// Names of the states that are members on the first day only, in
    /// [`name_order`].
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
            sort_names(&mut v);
            v
        };
        out.push(Diff {
            alliance: a.id.clone(),
            name: alliance_name_of(t, &a.id, to, lang, true),
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
        assert_eq!(members(0, &ar(), Digits::Arabic), "لا أعضاء", "no members, not ٠ عضو");
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

    fn ru() -> std::rc::Rc<Language> {
        crate::lang::get("ru").unwrap()
    }

    #[test]
    fn dates_known_to_the_month_or_the_year_say_only_that() {
        let july = d("1966-07-01");
        assert_eq!(precise_date_words(july, Precision::Day, &en(), Digits::Latin), "1 July 1966");
        assert_eq!(precise_date_words(july, Precision::Month, &en(), Digits::Latin), "July 1966");
        assert_eq!(precise_date_words(july, Precision::Year, &en(), Digits::Latin), "1966");
        assert_eq!(precise_date_words(july, Precision::Month, &ar(), Digits::Arabic), "يوليو ١٩٦٦");
        assert_eq!(precise_date_words(july, Precision::Year, &ar(), Digits::Arabic), "١٩٦٦");
        // Russian: genitive in a full date, nominative for a month alone.
        assert_eq!(precise_date_words(july, Precision::Day, &ru(), Digits::Latin), "1 июля 1966 г.");
        assert_eq!(precise_date_words(july, Precision::Month, &ru(), Digits::Latin), "июль 1966 г.");
        assert_eq!(precise_date_words(july, Precision::Year, &ru(), Digits::Latin), "1966 г.");
        let t = Timeline::builtin();
        let history = t.history("FRA").unwrap();
        let exit = history.iter().find(|e| e.kind == "left_integrated_command").unwrap();
        assert_eq!(exit.date_precision(), Precision::Month);
        assert_eq!(event_date_words(exit, &en(), Digits::Latin), "July 1966");
        assert_eq!(event_date_words(exit, &ru(), Digits::Latin), "июль 1966 г.");
        let joined = history.iter().find(|e| e.kind == "joined").unwrap();
        assert_eq!(event_date_words(joined, &en(), Digits::Latin), "24 August 1949");
    }

    #[test]
    fn since_is_the_membership_for_a_member_and_its_own_start_for_another_standing() {
        let t = Timeline::builtin();
        let nato = |state: &str, day: &str| t.status_at(state, d(day)).unwrap().into_iter().find(|s| s.alliance == "NATO").unwrap();
        // Greece in 1985: back in the integrated command since 1980, a member since 1952.
        let grc = nato("GRC", "1985-06-01");
        assert_eq!(since_words(&grc, &en(), Digits::Latin), "18 February 1952");
        // France in 1970: outside the integrated command since July 1966 (known to the month).
        let fra = nato("FRA", "1970-01-01");
        assert_eq!(since_words(&fra, &en(), Digits::Latin), "July 1966");
        assert_eq!(since_words(&fra, &ar(), Digits::Arabic), "يوليو ١٩٦٦");
        assert_eq!(since_words(&nato("FRA", "2010-01-01"), &en(), Digits::Latin), "24 August 1949");
        let arm = t.status_at("ARM", d("2024-03-01")).unwrap().into_iter().find(|s| s.alliance == "CSTO").unwrap();
        assert_eq!(since_words(&arm, &ru(), Digits::Latin), "22 февраля 2024 г.");
    }

    #[test]
    fn names_are_listed_in_the_order_of_their_script() {
        let mut v = vec!["Lithuania", "Latvia", "Åland Islands", "Austria", "Albania", "bravo", "Charlie"];
        sort_names(&mut v);
        assert_eq!(v, ["Åland Islands", "Albania", "Austria", "bravo", "Charlie", "Latvia", "Lithuania"]);
        let mut v = vec!["Литва", "Латвия", "Ёлкино", "Болгария", "Есино"];
        sort_names(&mut v);
        assert_eq!(v, ["Болгария", "Ёлкино", "Есино", "Латвия", "Литва"]);
        // Alif with or without hamza or madda is one letter.
        let mut v = vec!["آيسلندا", "البرتغال", "إستونيا", "ألبانيا"];
        sort_names(&mut v);
        assert_eq!(v, ["إستونيا", "ألبانيا", "البرتغال", "آيسلندا"]);
        assert_eq!(name_order("Şam", "Sam"), std::cmp::Ordering::Greater, "equal letters fall back to code points");
        assert_eq!(name_order("Türkiye", "Turkmenistan"), std::cmp::Ordering::Less);
    }

    #[test]
    fn alliances_have_the_name_of_the_day() {
        let t = Timeline::builtin();
        let csto = t.alliances().iter().find(|a| a.id == "CSTO").unwrap();
        let (before, on) = (d("2002-10-06"), d("2002-10-07"));
        assert_eq!(alliance_name_at(csto, before, &en()), "Collective Security Treaty (CST)");
        assert_eq!(alliance_name_at(csto, on, &en()), "Collective Security Treaty Organization (CSTO)");
        assert_eq!(alliance_name_at(csto, before, &ar()), "معاهدة الأمن الجماعي");
        assert_eq!(alliance_name_at(csto, on, &ar()), "منظمة معاهدة الأمن الجماعي");
        assert_eq!(short_name(alliance_name_at(csto, before, &ru())), "ДКБ");
        assert_eq!(short_name(alliance_name_at(csto, on, &ru())), "ОДКБ");
        assert_eq!(alliance_name(csto, &en()), "Collective Security Treaty Organization (CSTO)", "today's name");
        let nato = t.alliances().iter().find(|a| a.id == "NATO").unwrap();
        assert_eq!(alliance_name_at(nato, before, &en()), alliance_name(nato, &en()));
    }

    #[test]
    fn summary_of_the_1999_enlargement() {
        let t = Timeline::builtin();
        let s = summary(&t, d("1999-03-12"), &en(), Digits::Latin);
        assert!(s.starts_with("12 March 1999: NATO 19 members, +Czech Republic, Hungary, Poland; "), "{s}");
        assert!(s.contains("CST 9 members"), "the CST until its Charter of 2002: {s}");
        assert!(!s.contains("CSTO") && !s.contains("Warsaw"), "{s}");
        let ar = summary(&t, d("1999-03-12"), &ar(), Digits::Arabic);
        assert!(ar.starts_with("١٢ مارس ١٩٩٩: الناتو ١٩ عضوًا"), "{ar}");
        assert!(ar.contains("بولندا"), "{ar}");
        assert!(ar.contains("معاهدة الأمن الجماعي ٩ أعضاء") && !ar.contains("منظمة"), "{ar}");
        assert!(!ar.chars().any(|c| c.is_ascii_digit()), "{ar}");
    }

    #[test]
    fn summary_names_exits_and_alliance_events() {
        let t = Timeline::builtin();
        let s = summary(&t, d("1999-04-20"), &en(), Digits::Latin);
        assert!(s.contains("CST 6 members, −Azerbaijan, Georgia, Uzbekistan"), "{s}");
        let s = summary(&t, d("1991-07-01"), &en(), Digits::Latin);
        assert!(s.contains("Warsaw Pact dissolved"), "{s}");
        let s = summary(&t, d("1949-04-04"), &en(), Digits::Latin);
        assert!(s.contains("NATO 0 members, 12 signatories"), "{s}");
        assert!(s.contains("North Atlantic Treaty signed in Washington"), "{s}");
        assert!(s.ends_with(" …") && !s.ends_with("…."), "at most three captions, and no full stop after the ellipsis: {s}");
        let s = summary(&t, d("1992-05-15"), &en(), Digits::Latin);
        assert!(s.contains("CST 0 members, 6 signatories") && !s.contains("CSTO"), "{s}");
        let s = summary(&t, d("2002-10-07"), &en(), Digits::Latin);
        assert!(s.contains("CSTO 6 members — CSTO Charter signed in Chisinau."), "{s}");
        let s = summary(&t, d("2024-02-22"), &en(), Digits::Latin);
        assert!(s.ends_with("CSTO 6 members — Armenia freezes its participation in the CSTO."), "{s}");
        let s = summary(&t, d("1999-03-12"), &en(), Digits::Latin);
        assert!(!s.contains("joins"), "joins are told as +: {s}");
    }

    #[test]
    fn summary_lists_states_by_name_and_days_as_exactly_as_known() {
        let t = Timeline::builtin();
        let s = summary(&t, d("2004-03-29"), &en(), Digits::Latin);
        assert!(s.contains("+Bulgaria, Estonia, Latvia, Lithuania, Romania, Slovakia, Slovenia;"), "by name, not by code: {s}");
        let s = summary(&t, d("2004-03-29"), &ar(), Digits::Latin);
        assert!(s.contains("+إستونيا، بلغاريا، رومانيا، سلوفاكيا، سلوفينيا، لاتفيا، ليتوانيا"), "{s}");
        let s = summary(&t, d("2004-03-29"), &ru(), Digits::Latin);
        assert!(s.contains("+Болгария, Латвия, Литва, Румыния, Словакия, Словения, Эстония"), "{s}");
        let s = summary(&t, d("2003-03-26"), &en(), Digits::Latin);
        assert!(s.contains("Bulgaria signs its NATO accession protocol; Estonia signs its NATO accession protocol; Latvia signs"), "{s}");
        // France's exit is known to the month: the day is told that way.
        let s = summary(&t, d("1966-07-01"), &en(), Digits::Latin);
        assert_eq!(s, "July 1966: NATO 15 members; Warsaw Pact 8 members — France leaves NATO's integrated command.");
        let s = summary(&t, d("1966-07-01"), &ru(), Digits::Latin);
        assert!(s.starts_with("Июль 1966 г.: НАТО 15 членов"), "{s}");
        let s = summary(&t, d("1966-07-02"), &en(), Digits::Latin);
        assert!(s.starts_with("2 July 1966: "), "{s}");
    }

    #[test]
    fn marks_are_the_days_that_change_the_map_and_label_the_big_ones() {
        let t = Timeline::builtin();
        let m = marks(&t, &en(), Digits::Latin);
        let get = |s: &str| m.iter().find(|k| k.date == d(s));
        let mark = |s: &str| get(s).unwrap_or_else(|| panic!("no mark on {s}"));
        // Every day with an event of a map alliance, and every change of owner, has a mark …
        for e in t.events().iter().filter(|e| e.alliance != "SCO") {
            assert!(get(&e.date.to_string()).is_some(), "{} {}", e.date, e.kind);
        }
        // A border change without an event names the states that gain territory.
        assert_eq!(mark("1957-01-01").caption, "New borders: West Germany (FRG)", "the Saar");
        assert_eq!(mark("1991-09-06").caption, "New borders: Estonia, Latvia, Lithuania");
        assert_eq!(mark("1991-06-25").caption, "New borders: Croatia, Slovenia");
        assert_eq!(mark("2006-06-03").caption, "New borders: Montenegro");
        assert_eq!(mark("2006-06-05").caption, "Serbia and Montenegro ceases to exist", "the day Serbia takes its last units");
        assert_eq!(mark("2008-02-17").caption, "New borders: Kosovo");
        assert!(m.iter().all(|k| !k.caption.is_empty()), "play stops on every mark");
        assert!(!mark("1991-09-06").major, "still a minor mark");
        // … and nothing else: the SCO's own days change nothing on the map.
        for sco in ["2001-06-15", "2017-06-09", "2023-07-04", "2024-07-04"] {
            assert!(get(sco).is_none(), "{sco} is the SCO's only");
        }
        assert_eq!(m.len(), t.event_dates().len() - 4);
        assert!(m.windows(2).all(|w| w[0].date < w[1].date));
        for major in [
            "1955-05-14", "1991-07-01", "1992-05-15", "1994-04-20", "1999-03-12", "1999-04-20", "2002-10-07",
            "2004-03-29", "2009-04-01", "2009-06-14", "2022-01-06", "2022-01-19", "2022-05-18", "2023-04-04", "2024-03-07",
            "2024-02-22",
        ] {
            assert!(mark(major).major, "{major} is a major event");
        }
        assert!(!mark("2016-05-19").major, "one state's signature");
        assert_eq!(mark("1991-07-01").rank, 3);
        assert_eq!(mark("1999-03-12").rank, 2);
        assert_eq!(mark("1997-12-16").rank, 1);
        assert_eq!(mark("1991-07-01").caption, "Warsaw Pact dissolved");
        assert_eq!(mark("2004-03-29").caption, "Bulgaria joins NATO; Estonia joins NATO; Latvia joins NATO …");
        assert_eq!(mark("1999-04-20").caption, "Azerbaijan leaves the CST; Georgia leaves the CST; Uzbekistan leaves the CST");
        assert_eq!(mark("1966-07-01").words, "July 1966");
        assert_eq!(mark("1966-07-01").caption, "France leaves NATO's integrated command (July 1966)");
        assert_eq!(mark("1999-03-12").words, "12 March 1999");
        let ar = marks(&t, &ar(), Digits::Arabic);
        assert_eq!(ar[0].year, "١٩٤٩");
        assert!(!ar[0].caption.is_empty());
        let france = ar.iter().find(|k| k.date == d("1966-07-01")).unwrap();
        assert_eq!(france.words, "يوليو ١٩٦٦");
        assert!(france.caption.ends_with(" (يوليو ١٩٦٦)"), "{}", france.caption);
        let caption = |l: &Language, day: &str| marks(&t, l, Digits::Latin).into_iter().find(|k| k.date == d(day)).unwrap().caption;
        assert_eq!(caption(&self::ar(), "1991-09-06"), "حدود جديدة: إستونيا، لاتفيا، ليتوانيا", "by name, the pack's separator");
        assert_eq!(caption(&ru(), "1991-09-06"), "Новые границы: Латвия, Литва, Эстония");
        assert_eq!(caption(&ru(), "2006-06-03"), "Новые границы: Черногория");
        assert_eq!(caption(&self::ar(), "2006-06-03"), "حدود جديدة: الجبل الأسود");
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
        assert_eq!(csto.name, "CST", "named as on the second day");
        assert_eq!(csto.before, "0 members");
        assert_eq!(csto.joined, ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]);
        let diff = compare(&t, d("2000-01-01"), d("2005-01-01"), &en(), Digits::Latin);
        let nato = diff.iter().find(|x| x.alliance == "NATO").unwrap();
        assert_eq!(nato.joined, ["Bulgaria", "Estonia", "Latvia", "Lithuania", "Romania", "Slovakia", "Slovenia"]);
        assert_eq!(diff.iter().find(|x| x.alliance == "CSTO").unwrap().name, "CSTO");
    }
}
