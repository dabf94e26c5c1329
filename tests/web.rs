//! Browser tests: run with `wasm-pack test --headless --chrome --firefox`.
//! They drive the exported API as JavaScript would, in a real DOM.
#![cfg(target_arch = "wasm32")]
use blocmap::web::{version, BlocMap, JsTimeline};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
    }
    o.into()
}

fn attr(root: &Element, unit: &str, name: &str) -> String {
    root.query_selector(&format!("path[data-unit=\"{unit}\"]")).unwrap().unwrap().get_attribute(name).unwrap()
}

/// The message of the JS Error that a failed call throws.
fn message(e: wasm_bindgen::JsError) -> String {
    let v: JsValue = e.into();
    v.dyn_into::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn members_at_returns_sorted_codes() {
    let t = JsTimeline::builtin();
    let m = t.members_at("NATO", "1999-03-12").unwrap();
    assert_eq!(m.len(), 19);
    assert!(m.windows(2).all(|w| w[0] < w[1]));
    assert!(m.contains(&"POL".to_string()));
    assert!(!t.members_at("NATO", "1999-03-11").unwrap().contains(&"POL".to_string()));
    assert_eq!(t.members_at("CSTO", "2024-01-01").unwrap().len(), 6);
}

#[wasm_bindgen_test]
fn bad_input_throws_errors_that_name_the_problem() {
    let t = JsTimeline::builtin();
    assert!(message(t.members_at("NATO", "1999-02-30").unwrap_err()).contains("no such day"));
    assert!(message(t.members_at("NATO", "yesterday").unwrap_err()).contains("'yesterday' is not a date"));
    assert!(message(t.members_at("NAT0", "1999-03-12").unwrap_err()).contains("NAT0"));
    assert!(message(t.state_of("ZZZ", "1999-03-12").unwrap_err()).contains("ZZZ"));
    assert!(message(JsTimeline::from_json("{").err().unwrap()).contains("not valid JSON"));
    assert!(message(JsTimeline::from_json("{\"version\":1}").err().unwrap()).contains("timeline document"));
    // The timeline is still usable after errors.
    assert_eq!(t.state_of("DEU-E", "1960-01-01").unwrap(), "DDR");
}

#[wasm_bindgen_test]
fn timeline_round_trips_through_json() {
    let t = JsTimeline::builtin();
    let again = JsTimeline::from_json(&t.to_json().unwrap()).unwrap();
    for d in ["1955-06-05", "1991-12-26", "2024-02-22"] {
        for a in ["NATO", "CSTO", "WARSAW_PACT", "SCO"] {
            assert_eq!(t.members_at(a, d).unwrap(), again.members_at(a, d).unwrap(), "{a} {d}");
        }
    }
}

#[wasm_bindgen_test]
fn map_paints_by_date_and_keeps_state_on_bad_input() {
    let root = container();
    let mut map = BlocMap::new(&root, options(&[("date", "1999-03-11")])).unwrap();
    assert!(root.class_list().contains("blocmap"));
    assert_eq!(attr(&root, "POL", "data-alliance"), "");
    assert_eq!(attr(&root, "POL", "data-status"), "signatory");
    map.set_date("1999-03-12").unwrap();
    assert_eq!(attr(&root, "POL", "data-alliance"), "NATO");
    assert_eq!(attr(&root, "POL", "data-state"), "POL");
    assert!(map.set_date("1999-02-30").is_err());
    assert_eq!(map.date(), "1999-03-12");
    assert_eq!(attr(&root, "POL", "data-alliance"), "NATO");
    map.set_date("1960-01-01").unwrap();
    assert_eq!(attr(&root, "DEU-E", "data-state"), "DDR");
    assert_eq!(attr(&root, "DEU-E", "data-alliance"), "WARSAW_PACT");
    assert_eq!(attr(&root, "DEU", "data-alliance"), "NATO");
    assert!(map.set_view("mercator").is_err());
    map.set_view("europe").unwrap();
    assert_eq!(attr(&root, "DEU-E", "data-state"), "DDR", "a view change keeps the date");
    map.destroy();
    assert!(root.query_selector("svg").unwrap().is_none());
}

#[wasm_bindgen_test]
fn bad_options_throw() {
    let root = container();
    assert!(message(BlocMap::new(&root, options(&[("date", "1999-13-01")])).err().unwrap()).contains("date"));
    assert!(message(BlocMap::new(&root, options(&[("view", "globe")])).err().unwrap()).contains("view"));
    let geo = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}}]}"#;
    assert!(BlocMap::new(&root, options(&[("geojson", geo)])).is_err());
    assert!(root.query_selector("svg").unwrap().is_none(), "nothing drawn on failure");
}

#[wasm_bindgen_test]
fn embedder_geojson_is_drawn_with_the_timeline() {
    let root = container();
    let geo = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","id":"POL","properties":{},"geometry":{"type":"Polygon","coordinates":[[[14,49],[24,49],[24,55],[14,55],[14,49]]]}},
      {"type":"Feature","id":"UKR","properties":{},"geometry":{"type":"Polygon","coordinates":[[[24,49],[40,49],[40,52],[24,52],[24,49]]]}}]}"#;
    let map = BlocMap::new(&root, options(&[("geojson", geo), ("date", "1985-01-01"), ("view", "europe")])).unwrap();
    assert_eq!(attr(&root, "UKR", "data-state"), "SUN");
    assert_eq!(attr(&root, "POL", "data-alliance"), "WARSAW_PACT");
    assert_eq!(root.query_selector_all("path.bm-u").unwrap().length(), 2);
    drop(map);
}

/// The builtin document with one change made through JavaScript objects.
fn edited_doc(edit: &dyn Fn(&js_sys::Object)) -> String {
    let text = JsTimeline::builtin().to_json().unwrap();
    let doc: js_sys::Object = js_sys::JSON::parse(&text).unwrap().dyn_into().unwrap();
    edit(&doc);
    js_sys::JSON::stringify(&doc).unwrap().into()
}

fn table(doc: &js_sys::Object, name: &str) -> js_sys::Array {
    js_sys::Reflect::get(doc, &name.into()).unwrap().dyn_into().unwrap()
}

#[wasm_bindgen_test]
fn an_embedders_timeline_errors_name_the_row() {
    let bad = edited_doc(&|doc| {
        let event = table(doc, "events").get(13);
        js_sys::Reflect::set(&event, &"state".into(), &"XYZ".into()).unwrap();
    });
    let msg = message(JsTimeline::from_json(&bad).err().unwrap());
    assert_eq!(msg, "timeline event 14: unknown state code 'XYZ'");
    let bad_date = edited_doc(&|doc| {
        let event = table(doc, "events").get(0);
        js_sys::Reflect::set(&event, &"date".into(), &"1999-02-30".into()).unwrap();
    });
    assert!(message(JsTimeline::from_json(&bad_date).err().unwrap()).contains("1999-02-30"));
}

#[wasm_bindgen_test]
fn an_embedders_timeline_colors_the_map() {
    // An embedder's own data: Poland joins NATO a year early.
    let doc = edited_doc(&|doc| {
        let events = table(doc, "events");
        for i in 0..events.length() {
            let e = events.get(i);
            let get = |k: &str| js_sys::Reflect::get(&e, &k.into()).unwrap().as_string().unwrap_or_default();
            if get("state") == "POL" && get("event") == "joined" && get("alliance") == "NATO" {
                js_sys::Reflect::set(&e, &"date".into(), &"1998-03-12".into()).unwrap();
            }
        }
    });
    let root = container();
    let _map = BlocMap::new(&root, options(&[("timelineJson", &doc), ("date", "1998-06-01")])).unwrap();
    assert_eq!(attr(&root, "POL", "data-alliance"), "NATO");
    assert_eq!(attr(&root, "CZE", "data-alliance"), "");
}

#[wasm_bindgen_test]
fn an_embedders_geojson_errors_say_what_is_wrong() {
    let square = r#"[[[14,49],[24,49],[24,55],[14,55],[14,49]]]"#;
    let fc = |features: &str| format!(r#"{{"type":"FeatureCollection","features":[{features}]}}"#);
    let poly = |id: &str, coords: &str| format!(r#"{{"type":"Feature","id":{id},"properties":{{}},"geometry":{{"type":"Polygon","coordinates":{coords}}}}}"#);
    let cases = [
        ("{".to_string(), "not valid JSON"),
        (r#"{"type":"Feature"}"#.to_string(), "FeatureCollection"),
        (fc(&poly("null", square)), "no id"),
        (fc(r#"{"type":"Feature","id":"POL","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}"#), "LineString"),
        (fc(&poly("\"POL\"", "[[[14,49],[24,49],[24,55],[14,55]]]")), "POL"),
        (fc(&poly("\"POL\"", r#"[[[14,49],[240,49],[24,55],[14,55],[14,49]]]"#)), "POL"),
        (fc(&poly("\"POL\"", r#"[[[14,49],["x",49],[24,55],[14,55],[14,49]]]"#)), "POL"),
        (fc(&format!("{},{}", poly("\"POL\"", square), poly("\"POL\"", square))), "duplicate"),
    ];
    let root = container();
    for (text, needle) in cases {
        let e = message(BlocMap::new(&root, options(&[("geojson", &text)])).err().expect(&text));
        assert!(e.starts_with("BlocMap option 'geojson'"), "{e}");
        assert!(e.contains(needle), "{text}: {e}");
    }
    assert!(root.query_selector("svg").unwrap().is_none());
    // An id in properties.id is accepted too.
    let ok = fc(&format!(r#"{},{{"type":"Feature","properties":{{"id":"UKR"}},"geometry":{{"type":"Polygon","coordinates":[[[24,49],[40,49],[40,52],[24,52],[24,49]]]}}}}"#, poly("\"POL\"", square)));
    let _map = BlocMap::new(&root, options(&[("geojson", &ok), ("date", "1995-01-01")])).unwrap();
    assert_eq!(attr(&root, "UKR", "data-state"), "UKR");
}

#[wasm_bindgen_test]
fn successions_restroke_only_the_contested_borders() {
    let root = container();
    let mut map = BlocMap::new(&root, options(&[("date", "1985-01-01"), ("view", "europe")])).unwrap();
    let count = |sel: &str| root.query_selector_all(sel).unwrap().length();
    // Between units of one state no border is drawn.
    // The contested arcs are drawn in groups that are borders on the same days.
    let hidden = ".bm-contested path[visibility=hidden]";
    let hidden_1985 = count(hidden);
    let total = count(".bm-contested path");
    assert!(hidden_1985 >= 5, "no borders inside the USSR, Yugoslavia, Czechoslovakia: {hidden_1985} of {total}");
    map.set_date("1995-01-01").unwrap();
    let hidden_1995 = count(hidden);
    assert!(hidden_1995 < hidden_1985, "fewer hidden groups in 1995: {hidden_1995} of {total}");
    assert_eq!(count(".bm-contested path"), total, "no node is created or removed");
    map.set_date("1985-01-01").unwrap();
    assert_eq!(count(hidden), hidden_1985);
}

fn js_get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn reader_exports_answer_in_both_languages() {
    use blocmap::web::{add_years, date_words, numerals};
    assert_eq!(date_words("1999-03-12", "en", "latn").unwrap(), "12 March 1999");
    assert_eq!(date_words("1999-03-12", "ar", "arab").unwrap(), "١٢ مارس ١٩٩٩");
    assert!(date_words("1999-02-30", "en", "latn").is_err());
    assert_eq!(numerals("NATO 32", "arab"), "NATO ٣٢");
    assert_eq!(add_years("2024-02-29", 1).unwrap(), "2025-02-28");

    let root = container();
    let map = BlocMap::new(&root, options(&[("date", "1999-03-12")])).unwrap();
    let summary = map.summary("en", "latn");
    assert!(summary.starts_with("12 March 1999: NATO 19 members"), "{summary}");
    assert!(summary.contains("Poland"), "{summary}");
    assert!(map.summary("ar", "arab").contains("١٩"), "Arabic summary counts in Eastern Arabic digits");

    let details = map.details("DEU-E", "en", "latn").unwrap();
    assert!(js_sys::JSON::stringify(&details).unwrap().as_string().unwrap().contains("NATO"));
    assert!(map.details("ZZZ", "en", "latn").is_err(), "unknown unit throws");

    let members: js_sys::Array = map.members("en", "latn").unwrap().dyn_into().unwrap();
    let nato = members.iter().filter(|m| js_get(m, "alliance").as_string().as_deref() == Some("NATO")).count();
    assert_eq!(nato, 19);

    let marks: js_sys::Array = map.marks("en", "latn").unwrap().dyn_into().unwrap();
    assert!(marks.iter().any(|m| js_get(&m, "date").as_string().as_deref() == Some("1999-03-12")));

    let diff: js_sys::Array = map.compare("1997-01-01", "en", "latn").unwrap().dyn_into().unwrap();
    assert!(js_sys::JSON::stringify(&diff).unwrap().as_string().unwrap().contains("Poland"));
    assert!(map.compare("someday", "en", "latn").is_err());
    assert!(map.status_styles("NAT0").is_err());

    let csv = map.events_csv();
    assert!(csv.lines().count() > 100 && csv.contains("1999-03-12"));

    let svg = map.export_svg("ar", "arab", "عنوان <b>", "١٢ مارس ١٩٩٩", "المصدر").unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("عنوان &lt;b&gt;"), "text is escaped, never markup");
    assert!(map.export_svg("fr", "latn", "t", "d", "s").is_err());
}

#[wasm_bindgen_test]
fn a_highlighted_state_is_outlined_whole_and_follows_the_date() {
    let root = container();
    let mut map = BlocMap::new(&root, options(&[("date", "1985-01-01"), ("view", "europe")])).unwrap();
    let d = |root: &Element| root.query_selector(".bm-highlight").unwrap().unwrap().get_attribute("d").unwrap_or_default();
    assert_eq!(d(&root), "");
    map.highlight_state("SUN").unwrap();
    let sun = d(&root);
    assert!(sun.len() > 100);
    assert!(map.highlight_state("XYZ").is_err());
    assert_eq!(d(&root), sun, "a bad code keeps the outline");
    map.set_date("1995-01-01").unwrap();
    assert_eq!(d(&root), "", "the Soviet Union no longer exists: nothing to outline");
    map.highlight_state("UKR").unwrap();
    assert!(!d(&root).is_empty());
    map.highlight_state("").unwrap();
    assert_eq!(d(&root), "");
}

#[wasm_bindgen_test]
fn states_have_the_name_of_the_day() {
    let t = JsTimeline::builtin();
    assert_eq!(t.state_name("DEU", "en", Some("1970-01-01".into())).unwrap(), "West Germany (FRG)");
    assert_eq!(t.state_name("DEU", "en", None).unwrap(), "Germany");
    assert_eq!(t.state_name("MKD", "ar", Some("2010-01-01".into())).unwrap(), "مقدونيا");
    assert!(t.state_name("DEU", "en", Some("1970-02-30".into())).is_err());
    let root = container();
    let map = BlocMap::new(&root, options(&[("date", "1960-01-01")])).unwrap();
    let name = js_get(&map.details("DEU", "en", "latn").unwrap(), "name").as_string().unwrap();
    assert_eq!(name, "West Germany (FRG)");
}

#[wasm_bindgen_test]
fn languages_come_from_the_packs() {
    use blocmap::web::{language_strings, languages};
    let langs: js_sys::Array = languages().unwrap().dyn_into().unwrap();
    let codes: Vec<String> = langs.iter().map(|l| js_get(&l, "code").as_string().unwrap()).collect();
    for c in ["ar", "en", "ru"] {
        assert!(codes.contains(&c.to_string()), "{codes:?}");
    }
    let ar = langs.iter().find(|l| js_get(l, "code").as_string().as_deref() == Some("ar")).unwrap();
    assert_eq!(js_get(&ar, "dir").as_string().as_deref(), Some("rtl"));
    assert_eq!(js_get(&ar, "digits").as_string().as_deref(), Some("arab"));
    let ru = language_strings("ru").unwrap();
    assert_eq!(js_get(&ru, "play").as_string().as_deref(), Some("Воспроизвести"));
    assert_eq!(js_get(&js_get(&ru, "views"), "europe").as_string().as_deref(), Some("Европа"));
    let root = container();
    let map = BlocMap::new(&root, options(&[("date", "2024-03-07")])).unwrap();
    let s = map.summary("ru", "latn");
    assert!(s.starts_with("7 марта 2024 г.: НАТО 32 члена, +Швеция"), "{s}");
}

#[wasm_bindgen_test]
fn unknown_languages_throw_naming_the_known_ones() {
    use blocmap::web::language_strings;
    let e = message(language_strings("xx").err().unwrap());
    assert!(e.starts_with("languageStrings: unknown language 'xx'; known: ar, en"), "{e}");
    let t = JsTimeline::builtin();
    assert!(message(t.state_name("DEU", "xx", None).unwrap_err()).contains("unknown language 'xx'"));
    let root = container();
    let map = BlocMap::new(&root, options(&[("date", "1999-03-12")])).unwrap();
    assert!(message(map.export_svg("xx", "latn", "t", "d", "s").unwrap_err()).contains("unknown language 'xx'; known:"));
}

#[wasm_bindgen_test]
fn an_embedder_adds_a_language_at_run_time() {
    use blocmap::web::{add_language, date_words, language_strings};
    let pack = r#"{
      "language": {"code": "eo", "name": "Esperanto", "dir": "ltr", "digits": "latn"},
      "plural": {"one": "n = 1"},
      "months": ["januaro","februaro","marto","aprilo","majo","junio","julio","aŭgusto","septembro","oktobro","novembro","decembro"],
      "date": "{day}-a de {month} {year}",
      "listSeparator": ", ", "clauseSeparator": "; ",
      "grammar": {"members": {"one": "{n} membro", "other": "{n} membroj"}, "signatories": {"other": "{n} subskribintoj"}, "noMembers": "neniu"},
      "page": {"play": "Ludi"},
      "states": {"POL": "Pollando"}
    }"#;
    assert_eq!(add_language(pack).unwrap(), "eo");
    assert_eq!(date_words("1999-03-12", "eo", "latn").unwrap(), "12-a de marto 1999");
    assert_eq!(js_get(&language_strings("eo").unwrap(), "play").as_string().as_deref(), Some("Ludi"));
    assert_eq!(JsTimeline::builtin().state_name("POL", "eo", None).unwrap(), "Pollando");
    assert_eq!(JsTimeline::builtin().state_name("HUN", "eo", None).unwrap(), "Hungary", "English where the pack has no name");
    let e = message(add_language(&pack.replace("\"ltr\"", "\"sideways\"")).unwrap_err());
    assert_eq!(e, "language pack: language.dir 'sideways' is not ltr or rtl");
    let e = message(add_language("{").unwrap_err());
    assert!(e.starts_with("language pack: line 1, column 2"), "{e}");
}

/// `{…}` as JSON text, for matching what a reader export gives the page.
fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn the_reader_gives_dates_as_exactly_as_known_and_since_as_a_reader_means_it() {
    let root = container();
    let mut map = BlocMap::new(&root, options(&[("date", "1970-01-01")])).unwrap();
    // France, outside the integrated command since July 1966 (known to the month).
    let fra = json(&map.details("FRA", "en", "latn").unwrap());
    assert!(fra.contains(r#""status":"outside_integrated_command","since":"1966-07-01","sinceWords":"July 1966""#), "{fra}");
    assert!(fra.contains(r#""words":"July 1966""#), "{fra}");
    assert!(fra.contains("North Atlantic Treaty enters into force"), "NATO's own events are in its members' history: {fra}");
    // The JS Timeline gives both starts.
    let t = JsTimeline::builtin();
    let st = json(&t.status_at("FRA", "1970-01-01").unwrap());
    assert!(st.contains(r#""since":"1949-08-24","standingSince":"1966-07-01""#), "{st}");
    // Greece in 1985: a member since 1952, not since its 1980 return to the integrated command.
    map.set_date("1985-06-01").unwrap();
    let grc = json(&map.details("GRC", "en", "latn").unwrap());
    assert!(grc.contains(r#""since":"1952-02-18","sinceWords":"18 February 1952""#), "{grc}");
    let rows = json(&map.members("en", "latn").unwrap());
    assert!(rows.contains(r#""state":"GRC","name":"Greece","status":"member","since":"1952-02-18""#), "{rows}");
    // Poland's history has the Warsaw Pact's dissolution; the CST is named so before 2002.
    map.set_date("1998-01-01").unwrap();
    assert!(json(&map.details("POL", "en", "latn").unwrap()).contains("Warsaw Pact dissolved"));
    let legend = json(&map.legend("en").unwrap());
    assert!(legend.contains("Collective Security Treaty (CST)") && !legend.contains("(CSTO)"), "{legend}");
    // The table lists states by name: Latvia before Lithuania.
    map.set_date("2004-03-29").unwrap();
    let rows = json(&map.members("en", "latn").unwrap());
    let (lv, lt) = (rows.find(r#""name":"Latvia""#), rows.find(r#""name":"Lithuania""#));
    assert!(lv.is_some() && lv < lt, "{rows}");
}
