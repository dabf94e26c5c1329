//! Languages: everything language-specific lives in one pack per language,
//! `data/lang/<code>.json` — plural rules, month names, date pattern,
//! separators, the sentences' grammar, the page's strings and names the data
//! has no column for. A third language is a file, not a code change.
//!
//! - [`json`]: a small JSON reader (no serde_json in the wasm).
//! - [`plural`]: CLDR plural rules for integers.
//! - [`Language`]: one parsed pack; [`get`], [`all`], [`add`]: the registry
//!   (every file of `data/lang/`, found by `build.rs`, plus packs added at
//!   run time by embedders).
#![warn(missing_docs)]

pub mod json;
pub mod plural;

use crate::words::Digits;
use json::Json;
use plural::Plural;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

// `BUILTIN_PACKS: &[(&str, &str)]`: (code, JSON text) of each file in data/lang, sorted;
// `BUILTIN_META`: (code, name, dir, digits, listSeparator) of each, read by build.rs.
include!(concat!(env!("OUT_DIR"), "/lang_packs.rs"));

/// Count words for each plural category (`other` always present).
#[derive(Clone, Debug)]
struct Forms(Vec<(String, String)>);

impl Forms {
    fn get(&self, category: &str) -> &str {
        let find = |c: &str| self.0.iter().find(|(k, _)| k == c).map(|(_, v)| v.as_str());
        find(category).or_else(|| find("other")).unwrap_or("")
    }
}

/// One language pack, parsed and checked.
#[derive(Clone, Debug)]
pub struct Language {
    /// Code, e.g. `en`, `ar`, `ru` (lowercase: it names the data columns `name_<code>`).
    pub code: String,
    /// The language's name in itself (`English`, `العربية`, `Русский`).
    pub name: String,
    /// Right to left (`dir: rtl`).
    pub rtl: bool,
    /// Digits by default.
    pub digits: Digits,
    plural: Plural,
    months: Vec<String>,
    months_standalone: Option<Vec<String>>,
    date: String,
    date_month: String,
    date_year: String,
    /// Between the items of a list (`, `, `، `).
    pub list_separator: String,
    /// Between clauses of a sentence (`; `, `؛ `).
    pub clause_separator: String,
    members: Forms,
    signatories: Forms,
    no_members: String,
    /// The title of a standalone SVG card, if the pack gives one.
    pub card_title: Option<String>,
    /// The source line of a standalone SVG card, if the pack gives one.
    pub card_source: Option<String>,
    /// The page's strings (any JSON object; the host page knows the keys);
    /// from the registry, with English's for every key the pack lacks.
    pub page: Json,
    alliances: HashMap<String, String>,
    former_alliances: HashMap<String, String>,
    states: HashMap<String, String>,
    former_names: HashMap<String, String>,
    captions: HashMap<String, String>,
}

/// Whether `code` can name a language: `a-z` first, then `a-z`, `0-9` or `-`; 2 to 12 long.
pub fn is_code(code: &str) -> bool {
    let b = code.as_bytes();
    (2..=12).contains(&b.len())
        && b[0].is_ascii_lowercase()
        && b.iter().all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
}

/// Whether a data column or key is a language text: `<prefix><code>` for one
/// of `prefixes` (`name_ru` for `name_`).
pub fn is_text_key(key: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| key.strip_prefix(p).is_some_and(is_code))
}

fn text<'a>(v: Option<&'a Json>, what: &str) -> Result<&'a str, String> {
    match v {
        Some(Json::Str(s)) if !s.trim().is_empty() => Ok(s),
        Some(_) => Err(format!("'{what}' must be a non-empty string")),
        None => Err(format!("'{what}' is missing")),
    }
}

fn map(v: Option<&Json>, what: &str) -> Result<HashMap<String, String>, String> {
    let mut out = HashMap::new();
    match v {
        None => {}
        Some(Json::Obj(kv)) => {
            for (k, v) in kv {
                out.insert(k.clone(), text(Some(v), &format!("{what}.{k}"))?.to_string());
            }
        }
        Some(_) => return Err(format!("'{what}' must be an object of strings")),
    }
    Ok(out)
}

fn only_keys(v: &Json, what: &str, known: &[&str]) -> Result<(), String> {
    match v {
        Json::Obj(kv) => match kv.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            Some((k, _)) => Err(format!("unknown key '{what}{k}' (known: {})", known.join(", "))),
            None => Ok(()),
        },
        _ => Err(format!("'{}' must be an object", what.trim_end_matches('.'))),
    }
}

impl Language {
    /// Parses and checks a pack. Errors name the key (`'months' must hold 12 names`).
    pub fn parse(text_: &str) -> Result<Language, String> {
        let root = Json::parse(text_)?;
        only_keys(
            &root,
            "",
            &["language", "plural", "months", "monthsStandalone", "date", "dateMonth", "dateYear", "listSeparator", "clauseSeparator", "grammar", "page", "alliances", "formerAllianceNames", "states", "formerNames", "captions"],
        )?;
        let lang = root.get("language").ok_or("'language' is missing")?;
        only_keys(lang, "language.", &["code", "name", "dir", "digits"])?;
        let code = text(lang.get("code"), "language.code")?;
        if !is_code(code) {
            return Err(format!("language.code '{code}' must be 2-12 of a-z, 0-9 or -, starting with a letter (e.g. en, ru)"));
        }
        let rtl = match text(lang.get("dir"), "language.dir")? {
            "ltr" => false,
            "rtl" => true,
            d => return Err(format!("language.dir '{d}' is not ltr or rtl")),
        };
        let digits = Digits::parse(text(lang.get("digits"), "language.digits")?).map_err(|e| format!("language.digits: {e}"))?;
        let rules = root.get("plural").ok_or("'plural' is missing (an empty object if the language has one form)")?;
        only_keys(rules, "plural.", &plural::CATEGORIES[..5])?;
        let mut pairs = vec![];
        for (k, v) in rules.entries() {
            pairs.push((k.as_str(), text(Some(v), &format!("plural.{k}"))?));
        }
        let plural = Plural::new(pairs)?;
        let month_names = |key: &str| match root.get(key) {
            Some(Json::Arr(items)) if items.len() == 12 => {
                items.iter().enumerate().map(|(i, m)| text(Some(m), &format!("{key}[{i}]")).map(String::from)).collect::<Result<Vec<_>, _>>()
            }
            _ => Err(format!("'{key}' must hold 12 names, January first")),
        };
        let months = month_names("months")?;
        let months_standalone = root.get("monthsStandalone").map(|_| month_names("monthsStandalone")).transpose()?;
        let date = text(root.get("date"), "date")?;
        if !(date.contains("{day}") && date.contains("{month}") && date.contains("{year}")) {
            return Err(format!("date pattern '{date}' needs {{day}}, {{month}} and {{year}}"));
        }
        // A date known only to the month or the year; packs without them
        // (embedders' older packs) get the bare month and year.
        let pattern = |key: &str, default: &str, needs: &[&str], never: &[&str]| -> Result<String, String> {
            let p = match root.get(key) {
                None => return Ok(default.to_string()),
                v => text(v, key)?,
            };
            if needs.iter().any(|n| !p.contains(n)) || never.iter().any(|n| p.contains(n)) {
                return Err(format!("'{key}' pattern '{p}' needs {} and no {}", needs.join(" and "), never.join(" or ")));
            }
            Ok(p.to_string())
        };
        let date_month = pattern("dateMonth", "{month} {year}", &["{month}", "{year}"], &["{day}"])?;
        let date_year = pattern("dateYear", "{year}", &["{year}"], &["{day}", "{month}"])?;
        let grammar = root.get("grammar").ok_or("'grammar' is missing")?;
        only_keys(grammar, "grammar.", &["members", "signatories", "noMembers", "cardTitle", "cardSource"])?;
        let forms = |key: &str| -> Result<Forms, String> {
            let v = grammar.get(key).ok_or(format!("'grammar.{key}' is missing"))?;
            only_keys(v, &format!("grammar.{key}."), &plural::CATEGORIES)?;
            let mut out = vec![];
            for (k, t) in v.entries() {
                out.push((k.clone(), text(Some(t), &format!("grammar.{key}.{k}"))?.to_string()));
            }
            if !out.iter().any(|(k, _)| k == "other") {
                return Err(format!("'grammar.{key}.other' is missing (the form for any number no rule matches)"));
            }
            Ok(Forms(out))
        };
        let optional = |key: &str| -> Result<Option<String>, String> {
            grammar.get(key).map(|v| text(Some(v), &format!("grammar.{key}")).map(String::from)).transpose()
        };
        let page = match root.get("page") {
            Some(p @ Json::Obj(_)) => p.clone(),
            _ => return Err("'page' must be an object of the page's strings".into()),
        };
        // The one page string the crate itself fills in (a mark's caption).
        if page.get("newBorders").is_some_and(|v| !v.as_str().is_some_and(|p| p.contains("{states}"))) {
            return Err("'page.newBorders' must be a text with {states} (e.g. \"New borders: {states}\")".into());
        }
        Ok(Language {
            code: code.to_string(),
            name: text(lang.get("name"), "language.name")?.to_string(),
            rtl,
            digits,
            plural,
            months,
            months_standalone,
            date: date.to_string(),
            date_month,
            date_year,
            list_separator: text(root.get("listSeparator"), "listSeparator")?.to_string(),
            clause_separator: text(root.get("clauseSeparator"), "clauseSeparator")?.to_string(),
            members: forms("members")?,
            signatories: forms("signatories")?,
            no_members: text(grammar.get("noMembers"), "grammar.noMembers")?.to_string(),
            card_title: optional("cardTitle")?,
            card_source: optional("cardSource")?,
            page,
            alliances: map(root.get("alliances"), "alliances")?,
            former_alliances: map(root.get("formerAllianceNames"), "formerAllianceNames")?,
            states: map(root.get("states"), "states")?,
            former_names: map(root.get("formerNames"), "formerNames")?,
            captions: map(root.get("captions"), "captions")?,
        })
    }

    /// The plural category of `n` (`one`, `few`, …, `other`).
    pub fn plural(&self, n: u64) -> &'static str {
        self.plural.category(n)
    }

    /// The categories the pack's rules know, plus `other`.
    pub fn plural_categories(&self) -> Vec<&'static str> {
        self.plural.categories()
    }

    /// The name of month 1-12 (as it stands in a date).
    pub fn month(&self, month: u32) -> &str {
        &self.months[(month.clamp(1, 12) - 1) as usize]
    }

    /// The name of month 1-12 standing alone, as in "July 1966" (Russian
    /// nominative `июль`, where a full date has the genitive `июля`).
    pub fn month_alone(&self, month: u32) -> &str {
        match &self.months_standalone {
            Some(m) => &m[(month.clamp(1, 12) - 1) as usize],
            None => self.month(month),
        }
    }

    /// A date from its parts with the pack's pattern (ASCII digits).
    pub fn date(&self, day: u32, month: u32, year: i32) -> String {
        self.date.replace("{day}", &day.to_string()).replace("{month}", self.month(month)).replace("{year}", &year.to_string())
    }

    /// A date known only to `precision`: the whole date (`date`), the month
    /// and year (`dateMonth`: "July 1966", "июль 1966 г.") or the year
    /// (`dateYear`). ASCII digits.
    pub fn date_to(&self, precision: crate::date::Precision, day: u32, month: u32, year: i32) -> String {
        use crate::date::Precision;
        match precision {
            Precision::Day => self.date(day, month, year),
            Precision::Month => self.date_month.replace("{month}", self.month_alone(month)).replace("{year}", &year.to_string()),
            Precision::Year => self.date_year.replace("{year}", &year.to_string()),
        }
    }

    /// Whether the pack gives its own patterns for a date known only to the
    /// month or the year (`dateMonth`, `dateYear`), for the completeness test.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    fn has_coarse_dates(text: &str) -> bool {
        Json::parse(text).is_ok_and(|root| root.get("dateMonth").is_some() && root.get("dateYear").is_some())
    }

    /// `n members` in the form its number takes (ASCII digits).
    pub fn members(&self, n: usize) -> String {
        self.members.get(self.plural(n as u64)).replace("{n}", &n.to_string())
    }

    /// `n signatories` in the form its number takes (ASCII digits).
    pub fn signatories(&self, n: usize) -> String {
        self.signatories.get(self.plural(n as u64)).replace("{n}", &n.to_string())
    }

    /// The summary's words for a day when no alliance has members.
    pub fn no_members(&self) -> &str {
        &self.no_members
    }

    /// The pack's name for an alliance id (for data without a `name_<code>` column).
    pub fn alliance_name(&self, id: &str) -> Option<&str> {
        self.alliances.get(id).map(String::as_str)
    }

    /// The pack's name for an alliance id before its renaming (`formerAllianceNames`;
    /// for data without a `former_name_<code>` column).
    pub fn former_alliance_name(&self, id: &str) -> Option<&str> {
        self.former_alliances.get(id).map(String::as_str)
    }

    /// The pack's name for a state code; `former` for its name before a renaming.
    pub fn state_name(&self, code: &str, former: bool) -> Option<&str> {
        if former { &self.former_names } else { &self.states }.get(code).map(String::as_str)
    }

    /// The caption of a day on which borders move and no event is told:
    /// the page's `newBorders` pattern with `states` for `{states}`
    /// (`New borders: Estonia, Latvia, Lithuania`); just `states` if the
    /// pack has no pattern (one parsed alone, without English's strings).
    pub fn new_borders(&self, states: &str) -> String {
        self.page.get("newBorders").and_then(Json::as_str).unwrap_or("{states}").replace("{states}", states)
    }

    /// The pack's caption for an event key (see [`caption_key`]).
    pub fn caption(&self, key: &str) -> Option<&str> {
        self.captions.get(key).map(String::as_str)
    }
}

/// The stable key of an event in a pack's `captions`: `ALLIANCE|STATE|event|date`
/// (`NATO|POL|joined|1999-03-12`, `WARSAW_PACT||dissolved|1991-07-01`).
pub fn caption_key(alliance: &str, state: Option<&str>, kind: &str, date: crate::date::Date) -> String {
    format!("{alliance}|{}|{kind}|{date}", state.unwrap_or(""))
}

/// What a language menu shows of a language, known without parsing its pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    /// Code (`en`, `ar`, `ru`).
    pub code: String,
    /// The language's name in itself.
    pub name: String,
    /// Right to left.
    pub rtl: bool,
    /// Digits by default.
    pub digits: Digits,
    /// Between the items of a list.
    pub list_separator: String,
}

impl Meta {
    fn of(l: &Language) -> Meta {
        Meta { code: l.code.clone(), name: l.name.clone(), rtl: l.rtl, digits: l.digits, list_separator: l.list_separator.clone() }
    }

    /// `ltr` or `rtl`.
    pub fn dir(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }
}

/// A known language: built in (its pack parsed on first use) or added.
struct Slot {
    meta: Meta,
    text: Option<&'static str>,
    lang: Option<Rc<Language>>,
}

thread_local! {
    /// Built-in packs and embedders' packs, sorted by code.
    static REGISTRY: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

fn with_registry<R>(f: impl FnOnce(&mut Vec<Slot>) -> R) -> R {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if r.is_empty() {
            for (&(code, name, dir, digits, sep), &(_, text)) in BUILTIN_META.iter().zip(BUILTIN_PACKS) {
                // The unit tests parse every pack, digits included.
                let digits = Digits::parse(digits).unwrap_or(Digits::Latin);
                let meta = Meta { code: code.into(), name: name.into(), rtl: dir == "rtl", digits, list_separator: sep.into() };
                r.push(Slot { meta, text: Some(text).filter(|t| !t.is_empty()), lang: None });
            }
        }
        f(&mut r)
    })
}

/// The language of slot `i`, parsing a built-in pack the first time. The
/// unit tests parse every pack, so an error here means a pack was changed
/// untested; it is reported (`get` fails, menus still list the language),
/// never a panic. A pack's missing page strings are English's.
fn parsed(r: &mut [Slot], i: usize) -> Result<Rc<Language>, String> {
    if let Some(l) = &r[i].lang {
        return Ok(l.clone());
    }
    let code = &r[i].meta.code;
    let text = r[i].text.ok_or_else(|| {
        format!("language '{code}' is not built into this build: give its pack (data/lang/{code}.json; the demo site serves it as lang/{code}.json) to addLanguage first")
    })?;
    let mut lang = Language::parse(text).map_err(|e| format!("data/lang/{code}.json: {e}"))?;
    if code != "en" {
        if let Some(en) = r.iter().position(|s| s.meta.code == "en") {
            lang.page.fill_from(&parsed(r, en)?.page);
        }
    }
    let lang = Rc::new(lang);
    r[i].lang = Some(lang.clone());
    Ok(lang)
}

/// Whether a language can be used without `addLanguage` (its pack is built in
/// or was added); `false` for unknown codes.
pub fn loaded(code: &str) -> bool {
    with_registry(|r| r.iter().any(|s| s.meta.code == code && (s.lang.is_some() || s.text.is_some())))
}

/// The codes of the known languages, sorted.
pub fn codes() -> Vec<String> {
    with_registry(|r| r.iter().map(|s| s.meta.code.clone()).collect())
}

/// What a menu needs of every known language, sorted by code (parses no pack).
pub fn metas() -> Vec<Meta> {
    with_registry(|r| r.iter().map(|s| s.meta.clone()).collect())
}

/// Every known language that parses, sorted by code (parses every pack).
pub fn all() -> Vec<Rc<Language>> {
    with_registry(|r| (0..r.len()).filter_map(|i| parsed(r, i).ok()).collect())
}

/// The language with `code`, or an error listing the known ones.
pub fn get(code: &str) -> Result<Rc<Language>, String> {
    with_registry(|r| r.iter().position(|s| s.meta.code == code).map(|i| parsed(r, i)))
        .unwrap_or_else(|| Err(format!("unknown language '{code}'; known: {}", codes().join(", "))))
}

/// English: the fallback where a language is not validated (and of names
/// no pack gives). Built in, so always there.
pub fn english() -> Rc<Language> {
    get("en").unwrap_or_else(|e| panic!("{e}: data/lang/en.json is the fallback"))
}

/// The language with `code`, English if there is none.
pub fn get_or_english(code: &str) -> Rc<Language> {
    get(code).unwrap_or_else(|_| english())
}

/// Adds (or replaces, by code) a language from a pack's JSON text. The page
/// strings it lacks are English's (those of the English it replaces, for `en`).
pub fn add(text: &str) -> Result<Rc<Language>, String> {
    let mut lang = Language::parse(text).map_err(|e| format!("language pack: {e}"))?;
    lang.page.fill_from(&english().page);
    let lang = Rc::new(lang);
    with_registry(|r| {
        r.retain(|s| s.meta.code != lang.code);
        let at = r.iter().position(|s| s.meta.code > lang.code).unwrap_or(r.len());
        r.insert(at, Slot { meta: Meta::of(&lang), text: None, lang: Some(lang.clone()) });
    });
    Ok(lang)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
