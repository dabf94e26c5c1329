//! Every pack in data/lang is complete: a pack that lacks a page string, a
//! month, a plural form or a name fails here, not in a reader's browser.
use super::*;
use crate::timeline::Timeline;
use crate::words;

fn packs() -> Vec<(&'static str, Language)> {
    BUILTIN_PACKS.iter().map(|(code, text)| (*code, Language::parse(text).unwrap_or_else(|e| panic!("{code}.json: {e}")))).collect()
}

#[test]
fn the_menu_facts_read_by_build_rs_match_the_packs() {
    for (code, l) in packs() {
        let meta = metas().into_iter().find(|m| m.code == code).unwrap();
        assert_eq!(meta, Meta::of(&l), "{code}");
    }
}

/// `page.a.b` paths of every string in a page object.
fn paths(v: &Json, prefix: &str, out: &mut Vec<String>) {
    for (k, v) in v.entries() {
        let p = format!("{prefix}{k}");
        match v {
            Json::Obj(_) => paths(v, &format!("{p}."), out),
            _ => out.push(p),
        }
    }
}

fn page_paths(l: &Language) -> Vec<String> {
    let mut v = vec![];
    paths(&l.page, "", &mut v);
    v
}

#[test]
fn every_file_is_a_pack_named_by_its_code() {
    let packs = packs();
    assert!(packs.len() >= 3, "en, ar, ru at least");
    for (file, l) in &packs {
        assert_eq!(*file, l.code, "data/lang/{file}.json holds language.code '{}'", l.code);
        assert!(!l.name.is_empty());
    }
    assert_eq!(codes(), packs.iter().map(|(c, _)| c.to_string()).collect::<Vec<_>>());
}

#[test]
fn every_pack_has_every_page_string_of_english() {
    let en = english();
    let want = page_paths(&en);
    assert!(want.len() > 60, "{want:?}");
    for (code, l) in packs() {
        let have = page_paths(&l);
        let missing: Vec<&String> = want.iter().filter(|p| !have.contains(p)).collect();
        assert!(missing.is_empty(), "{code}.json lacks page strings {missing:?}");
        let extra: Vec<&String> = have.iter().filter(|p| !want.contains(p)).collect();
        assert!(extra.is_empty(), "{code}.json has page strings English lacks (typos?) {extra:?}");
        for p in &have {
            let mut v = &l.page;
            for k in p.split('.') {
                v = v.get(k).unwrap();
            }
            assert!(v.as_str().is_some_and(|s| !s.trim().is_empty()), "{code}.json page.{p} must be a non-empty string");
        }
        assert!(l.card_title.is_some() && l.card_source.is_some(), "{code}.json lacks the card's title or source");
    }
}

/// `newBorders` is filled in by the crate (a mark's caption), not by the
/// page: every pack has it, with its `{states}`, and a pack's pattern
/// without `{states}` is refused.
#[test]
fn every_pack_has_the_new_borders_pattern() {
    for (code, l) in packs() {
        let p = l.page.get("newBorders").and_then(Json::as_str);
        assert!(p.is_some_and(|p| p.contains("{states}")), "{code}.json: page.newBorders must hold {{states}}: {p:?}");
        assert!(l.new_borders("X, Y").contains("X, Y"), "{code}");
    }
    assert_eq!(english().new_borders("Estonia, Latvia"), "New borders: Estonia, Latvia");
    let e = Language::parse(&MINIMAL.replace("{\"play\": \"Ludi\"}", "{\"newBorders\": \"Novaj limoj\"}")).unwrap_err();
    assert_eq!(e, "'page.newBorders' must be a text with {states} (e.g. \"New borders: {states}\")");
    let eo = Language::parse(&MINIMAL.replace("{\"play\": \"Ludi\"}", "{\"newBorders\": \"Novaj limoj: {states}\"}")).unwrap();
    assert_eq!(eo.new_borders("Estonio"), "Novaj limoj: Estonio");
    assert_eq!(Language::parse(MINIMAL).unwrap().new_borders("Estonio"), "Estonio", "a pack parsed alone, without English's page strings");
}

#[test]
fn every_pack_words_dates_known_to_the_month_or_the_year() {
    let july = crate::Date::parse("1966-07-01").unwrap();
    for (code, text) in BUILTIN_PACKS {
        assert!(Language::has_coarse_dates(text), "{code}.json lacks dateMonth or dateYear");
        let l = Language::parse(text).unwrap();
        let month = words::precise_date_words(july, crate::date::Precision::Month, &l, Digits::Latin);
        let year = words::precise_date_words(july, crate::date::Precision::Year, &l, Digits::Latin);
        assert!(month.contains("1966") && !month.contains(" 1 ") && !month.starts_with("1 "), "{code}: {month}");
        assert!(year.contains("1966") && !year.contains(l.month(7)) && !year.contains(l.month_alone(7)), "{code}: {year}");
    }
    let ru = get("ru").unwrap();
    assert_eq!(ru.month_alone(7), "июль");
    assert_eq!(ru.month(7), "июля");
}

#[test]
fn every_pack_has_12_months_and_a_form_for_each_plural_category() {
    for (code, l) in packs() {
        for m in 1..=12 {
            assert!(!l.month(m).is_empty(), "{code} month {m}");
        }
        for n in [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 111] {
            assert!(l.members(n).contains(&n.to_string()) || n <= 2, "{code}: members({n}) = {}", l.members(n));
            assert!(!l.signatories(n).is_empty());
        }
        // A form for a category the rules never give is dead text: a typo.
        for forms in [&l.members, &l.signatories] {
            for (cat, _) in &forms.0 {
                assert!(l.plural_categories().contains(&cat.as_str()), "{code}: form '{cat}' but no plural rule gives it");
            }
        }
    }
}

/// A pack names every alliance and state (in its own maps or through the
/// data's columns), or leaves them all to English: a new language can start
/// with its page, months and grammar only. Naming some but not all is an
/// omission and fails.
#[test]
fn every_pack_names_every_alliance_and_state() {
    let t = Timeline::builtin();
    let doc = t.to_doc();
    for (code, l) in packs() {
        let has_column = |key: &str| doc.states.iter().any(|s| s.texts.contains_key(key));
        if l.states.is_empty() && l.alliances.is_empty() && !has_column(&format!("name_{code}")) {
            continue;
        }
        let mut missing = vec![];
        for a in t.alliances() {
            if a.names.get(code).is_none() && l.alliance_name(&a.id).is_none() {
                missing.push(a.id.clone());
            }
        }
        for a in &doc.alliances {
            if a.renamed.is_some() && !a.texts.contains_key(&format!("former_name_{code}")) && l.former_alliance_name(&a.id).is_none() {
                missing.push(format!("{} (former name)", a.id));
            }
        }
        for s in &doc.states {
            if !s.texts.contains_key(&format!("name_{code}")) && l.state_name(&s.code, false).is_none() {
                missing.push(s.code.clone());
            }
            if s.renamed.is_some() && !s.texts.contains_key(&format!("former_name_{code}")) && l.state_name(&s.code, true).is_none() {
                missing.push(format!("{} (former name)", s.code));
            }
        }
        assert!(missing.is_empty(), "{code}.json: no name (column name_{code} or the pack's map) for {missing:?}");
        // Names for nothing are typos.
        for k in l.states.keys().chain(l.former_names.keys()) {
            assert!(t.state(k).is_ok(), "{code}.json names unknown state {k}");
        }
        for k in l.alliances.keys() {
            assert!(t.alliance(k).is_ok(), "{code}.json names unknown alliance {k}");
        }
        for k in l.former_alliances.keys() {
            let renamed = doc.alliances.iter().any(|a| &a.id == k && a.renamed.is_some());
            assert!(renamed, "{code}.json has a former name for {k}, which the data never renames");
        }
        let keys: Vec<String> =
            t.events().iter().map(|e| caption_key(&e.alliance, e.state.as_deref(), &e.kind, e.date)).collect();
        for k in l.captions.keys() {
            assert!(keys.contains(k), "{code}.json has a caption for no event: {k}");
        }
    }
}

/// Before an alliance took its name (the CSTO, 2002-10-07), no caption in
/// any language calls it by that name: the events of 1994 and 1999 are the
/// Collective Security Treaty's.
#[test]
fn captions_name_an_alliance_as_it_was_named_that_day() {
    let t = Timeline::builtin();
    for (code, l) in packs() {
        for a in t.alliances() {
            let Some((renamed, _)) = &a.former else { continue };
            let later = words::alliance_name(a, &l);
            let later_short = words::short_name(later);
            let earlier = words::alliance_name_at(a, renamed.pred(), &l);
            assert_ne!(later, earlier, "{code}: {} has one name before and after {renamed}", a.id);
            for e in t.events().iter().filter(|e| e.alliance == a.id && e.date < *renamed) {
                let c = words::caption(e, &l);
                assert!(!c.contains(later) && !c.contains(later_short), "{code}: '{c}' ({}) names the {later_short} before {renamed}", e.date);
            }
        }
    }
}

/// A word's stem for a loose match: inflected (Russian `Боснии и Герцеговине`,
/// `Германии`) or adjectival (`East German army`, `الجيش الألماني الشرقي`) forms of a
/// name keep it; another name for the state (`Советский Союз` for `СССР`,
/// `ФРГ` for `Западная Германия`) does not.
fn stem(word: &str) -> String {
    let n = word.chars().count();
    let cut = match n {
        0..=3 => 0,
        4 => 1,
        _ => 2,
    };
    word.chars().take(n - cut).collect()
}

/// Each language names a state the same way in its tooltip title (the name
/// of the day) and in the captions of its history: every word of the name
/// (before any parenthesis) is in the caption, at least as a stem; before a
/// renaming, the later name appears only beside the name of the day, and
/// after it, the former name not at all.
#[test]
fn captions_name_a_state_as_the_language_names_it_that_day() {
    let t = Timeline::builtin();
    let today = crate::Date::parse("9999-12-31").unwrap();
    for (code, l) in packs() {
        for e in t.events() {
            let (Some(state), Some(c)) = (e.state.as_deref(), words::caption_in(e, &l)) else { continue };
            let name = words::state_name(&t, state, e.date, &l);
            let latest = words::state_name(&t, state, today, &l);
            let core = |n: &str| n.split(" (").next().unwrap_or(n).trim().to_string();
            let (name_core, latest_core) = (core(name), core(latest));
            let mut rest = c.to_string();
            if !name_core.contains(&latest_core) {
                rest = rest.replace(&latest_core, "");
            }
            for w in name_core.split(' ') {
                assert!(rest.contains(&stem(w)), "{code}: '{c}' ({} {}) does not name {state} as '{name}'", e.date, e.kind);
            }
            if name == latest {
                let s = t.state(state).unwrap();
                if let (names, true) = t.state_names_at(s, crate::Date::parse("1949-04-04").unwrap()) {
                    let former = core(names.get(&l.code).or(l.state_name(state, true)).unwrap_or(names.en()));
                    assert!(name_core.contains(&former) || !c.contains(&former), "{code}: '{c}' ({}) uses {state}'s former name", e.date);
                }
            }
        }
    }
}

#[test]
fn caption_keys_are_unique() {
    let t = Timeline::builtin();
    let mut keys: Vec<String> =
        t.events().iter().map(|e| caption_key(&e.alliance, e.state.as_deref(), &e.kind, e.date)).collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n);
}

#[test]
fn russian_counts_agree_with_the_number() {
    let ru = get("ru").unwrap();
    let forms: Vec<String> = [1, 2, 5, 11, 21, 22, 25, 31, 32, 111].iter().map(|&n| ru.members(n)).collect();
    assert_eq!(forms, ["1 член", "2 члена", "5 членов", "11 членов", "21 член", "22 члена", "25 членов", "31 член", "32 члена", "111 членов"]);
    assert_eq!(ru.signatories(12), "12 подписантов");
    assert_eq!(words::date_words(crate::Date::parse("1999-03-12").unwrap(), &ru, Digits::Latin), "12 марта 1999 г.");
}

#[test]
fn russian_names_come_from_the_pack_and_the_day() {
    let t = Timeline::builtin();
    let ru = get("ru").unwrap();
    let d = |s: &str| crate::Date::parse(s).unwrap();
    assert_eq!(words::state_name(&t, "POL", d("1999-03-12"), &ru), "Польша");
    assert_eq!(words::state_name(&t, "DEU", d("1970-01-01"), &ru), "Западная Германия (ФРГ)");
    assert_eq!(words::state_name(&t, "DEU", d("1991-01-01"), &ru), "Германия");
    assert_eq!(words::state_name(&t, "MKD", d("2010-01-01"), &ru), "Македония");
    let s = words::summary(&t, d("1999-03-12"), &ru, Digits::Latin);
    assert!(s.starts_with("12 марта 1999 г.: НАТО 19 членов, +Венгрия, Польша, Чехия"), "in the order of the names: {s}");
    assert!(s.contains("; ДКБ 9 членов"), "the CST until 2002: {s}");
    assert!(words::summary(&t, d("2010-01-01"), &ru, Digits::Latin).contains("; ОДКБ 7 членов"));
    let s = words::summary(&t, d("2024-03-07"), &ru, Digits::Latin);
    assert!(s.contains("НАТО 32 члена, +Швеция"), "{s}");
}

#[test]
fn unknown_languages_are_named_with_the_known_ones() {
    assert_eq!(get("xx").unwrap_err(), format!("unknown language 'xx'; known: {}", codes().join(", ")));
    assert!(get("xx").unwrap_err().contains("ar, en"), "the built-in languages are listed");
    assert_eq!(get_or_english("xx").code, "en");
}

const MINIMAL: &str = r#"{
  "language": {"code": "eo", "name": "Esperanto", "dir": "ltr", "digits": "latn"},
  "plural": {"one": "n = 1"},
  "months": ["januaro","februaro","marto","aprilo","majo","junio","julio","aŭgusto","septembro","oktobro","novembro","decembro"],
  "date": "la {day}-a de {month} {year}",
  "listSeparator": ", ",
  "clauseSeparator": "; ",
  "grammar": {"members": {"one": "{n} membro", "other": "{n} membroj"}, "signatories": {"other": "{n} subskribintoj"}, "noMembers": "neniu alianco havas membrojn"},
  "page": {"play": "Ludi"},
  "alliances": {"NATO": "NATO-Organizo (NATO)"}
}"#;

#[test]
fn a_pack_added_at_run_time_is_a_language() {
    let eo = add(MINIMAL).unwrap();
    assert_eq!(eo.code, "eo");
    assert!(codes().contains(&"eo".to_string()));
    let t = Timeline::builtin();
    let s = words::summary(&t, crate::Date::parse("1999-03-12").unwrap(), &get("eo").unwrap(), Digits::Latin);
    assert!(s.starts_with("La 12-a de marto 1999: NATO 19 membroj, +Czech Republic"), "names fall back to English: {s}");
    // Replacing by code; a broken pack is an error naming the key, and changes nothing.
    add(&MINIMAL.replace("Ludi", "Ludu")).unwrap();
    assert_eq!(get("eo").unwrap().page.get("play").and_then(Json::as_str), Some("Ludu"));
    // Page strings the pack lacks are English's, key by key, nested ones too.
    let en = english();
    let eo = get("eo").unwrap();
    for key in ["title", "docTitle"] {
        assert_eq!(eo.page.get(key), en.page.get(key), "{key}");
        assert!(eo.page.get(key).and_then(Json::as_str).is_some_and(|s| !s.is_empty()), "{key}");
    }
    assert_eq!(eo.page.get("views"), en.page.get("views"));
    add(&MINIMAL.replace("{\"play\": \"Ludi\"}", "{\"play\": \"Ludu\", \"views\": {\"europe\": \"Eŭropo\"}}")).unwrap();
    let views = get("eo").unwrap().page.get("views").cloned().unwrap();
    assert_eq!(views.get("europe").and_then(Json::as_str), Some("Eŭropo"));
    assert_eq!(views.get("world"), en.page.get("views").and_then(|v| v.get("world")));
    let e = add(&MINIMAL.replace("\"januaro\",", "")).unwrap_err();
    assert_eq!(e, "language pack: 'months' must hold 12 names, January first");
    assert_eq!(get("eo").unwrap().page.get("play").and_then(Json::as_str), Some("Ludu"));
}

#[test]
fn broken_packs_say_what_is_wrong() {
    let e = |from: &str, to: &str| Language::parse(&MINIMAL.replace(from, to)).unwrap_err();
    assert_eq!(e("\"eo\"", "\"EO\""), "language.code 'EO' must be 2-12 of a-z, 0-9 or -, starting with a letter (e.g. en, ru)");
    assert_eq!(e("\"ltr\"", "\"up\""), "language.dir 'up' is not ltr or rtl");
    assert_eq!(e("\"latn\"", "\"roman\""), "language.digits: unknown digits 'roman'; known: latn, arab");
    assert_eq!(e("n = 1", "n = one"), "plural rule 'one': 'n = one': 'one' is not a whole number");
    assert_eq!(e("\"other\": \"{n} membroj\"", "\"few\": \"{n} membroj\""), "'grammar.members.other' is missing (the form for any number no rule matches)");
    assert_eq!(e("la {day}-a", "la"), "date pattern 'la de {month} {year}' needs {day}, {month} and {year}");
    assert_eq!(e("\"page\"", "\"pages\""), "unknown key 'pages' (known: language, plural, months, monthsStandalone, date, dateMonth, dateYear, listSeparator, clauseSeparator, grammar, page, alliances, formerAllianceNames, states, formerNames, captions)");
    let with = |key: &str, value: &str| Language::parse(&MINIMAL.replace("\"listSeparator\"", &format!("\"{key}\": {value}, \"listSeparator\""))).map(|l| l.date_to(crate::date::Precision::Month, 1, 7, 1966));
    assert_eq!(with("dateMonth", "\"{day} {month}\""), Err("'dateMonth' pattern '{day} {month}' needs {month} and {year} and no {day}".into()));
    assert_eq!(with("dateYear", "\"{month} {year}\"").unwrap_err(), "'dateYear' pattern '{month} {year}' needs {year} and no {day} or {month}");
    assert_eq!(with("monthsStandalone", "[\"a\"]").unwrap_err(), "'monthsStandalone' must hold 12 names, January first");
    assert_eq!(with("dateMonth", "\"{month} de {year}\""), Ok("julio de 1966".into()));
    assert_eq!(Language::parse(MINIMAL).unwrap().date_to(crate::date::Precision::Month, 1, 7, 1966), "julio 1966", "a pack without dateMonth: month and year");
    assert_eq!(e("\"NATO-Organizo (NATO)\"", "7"), "'alliances.NATO' must be a non-empty string");
    assert_eq!(Language::parse("{").unwrap_err(), "line 1, column 2: expected a key in double quotes");
}

#[test]
fn a_pack_this_build_does_not_embed_must_be_added_first() {
    let meta = Meta { code: "xx".into(), name: "X".into(), rtl: false, digits: Digits::Latin, list_separator: ", ".into() };
    let mut slots = [Slot { meta, text: None, lang: None }];
    let e = parsed(&mut slots, 0).err().unwrap();
    assert!(e.contains("language 'xx' is not built into this build") && e.contains("addLanguage"), "{e}");
    assert!(loaded("en") && !loaded("xx"));
}
