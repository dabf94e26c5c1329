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
        let keys: Vec<String> =
            t.events().iter().map(|e| caption_key(&e.alliance, e.state.as_deref(), &e.kind, e.date)).collect();
        for k in l.captions.keys() {
            assert!(keys.contains(k), "{code}.json has a caption for no event: {k}");
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
    assert!(s.starts_with("12 марта 1999 г.: НАТО 19 членов, +Чехия, Венгрия, Польша"), "{s}");
    assert!(s.contains("ОДКБ 9 членов"), "{s}");
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
    assert!(s.starts_with("la 12-a de marto 1999: NATO 19 membroj, +Czech Republic"), "names fall back to English: {s}");
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
    assert_eq!(e("\"page\"", "\"pages\""), "unknown key 'pages' (known: language, plural, months, date, listSeparator, clauseSeparator, grammar, page, alliances, states, formerNames, captions)");
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
