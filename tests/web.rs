//! Browser tests: run with `wasm-pack test --headless --chrome --firefox`.
//! They drive the exported API as JavaScript would, in a real DOM.
#![cfg(target_arch = "wasm32")]
use blocmap::web::{version, BlocMap, JsTimeline};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A JS text.
fn js(s: &str) -> JsValue {
    JsValue::from_str(s)
}

/// A map in `root`, as `new BlocMap(root, options)` makes it.
fn new_map(root: &Element, options: JsValue) -> Result<BlocMap, wasm_bindgen::JsError> {
    BlocMap::new(root.as_ref(), &options)
}

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
    let m = t.members_at(&js("NATO"), &js("1999-03-12")).unwrap();
    assert_eq!(m.len(), 19);
    assert!(m.windows(2).all(|w| w[0] < w[1]));
    assert!(m.contains(&"POL".to_string()));
    assert!(!t.members_at(&js("NATO"), &js("1999-03-11")).unwrap().contains(&"POL".to_string()));
    assert_eq!(t.members_at(&js("CSTO"), &js("2024-01-01")).unwrap().len(), 6);
}

#[wasm_bindgen_test]
fn bad_input_throws_errors_that_name_the_problem() {
    let t = JsTimeline::builtin();
    assert!(message(t.members_at(&js("NATO"), &js("1999-02-30")).unwrap_err()).contains("no such day"));
    assert!(message(t.members_at(&js("NATO"), &js("yesterday")).unwrap_err()).contains("'yesterday' is not a date"));
    assert!(message(t.members_at(&js("NAT0"), &js("1999-03-12")).unwrap_err()).contains("NAT0"));
    assert!(message(t.state_of(&js("ZZZ"), &js("1999-03-12")).unwrap_err()).contains("ZZZ"));
    assert_eq!(message(JsTimeline::from_json(&js("{")).err().unwrap()), "Timeline.fromJson: timeline JSON: line 1, column 2: expected a key in double quotes");
    assert_eq!(message(JsTimeline::from_json(&js("{\"version\":1}")).err().unwrap()), "Timeline.fromJson: timeline JSON: missing field 'alliances'");
    // The timeline is still usable after errors.
    assert_eq!(t.state_of(&js("DEU-E"), &js("1960-01-01")).unwrap(), "DDR");
}

#[wasm_bindgen_test]
fn timeline_round_trips_through_json() {
    let t = JsTimeline::builtin();
    let again = JsTimeline::from_json(&js(&t.to_json().unwrap())).unwrap();
    for d in ["1955-06-05", "1991-12-26", "2024-02-22"] {
        for a in ["NATO", "CSTO", "WARSAW_PACT", "SCO"] {
            assert_eq!(t.members_at(&js(a), &js(d)).unwrap(), again.members_at(&js(a), &js(d)).unwrap(), "{a} {d}");
        }
    }
}

#[wasm_bindgen_test]
fn map_paints_by_date_and_keeps_state_on_bad_input() {
    let root = container();
    let mut map = new_map(&root, options(&[("date", "1999-03-11")])).unwrap();
    assert!(root.class_list().contains("blocmap"));
    assert_eq!(attr(&root, "POL", "data-alliance"), "");
    assert_eq!(attr(&root, "POL", "data-status"), "signatory");
    map.set_date(&js("1999-03-12")).unwrap();
    assert_eq!(attr(&root, "POL", "data-alliance"), "NATO");
    assert_eq!(attr(&root, "POL", "data-state"), "POL");
    assert!(map.set_date(&js("1999-02-30")).is_err());
    assert_eq!(map.date(), "1999-03-12");
    assert_eq!(attr(&root, "POL", "data-alliance"), "NATO");
    map.set_date(&js("1960-01-01")).unwrap();
    assert_eq!(attr(&root, "DEU-E", "data-state"), "DDR");
    assert_eq!(attr(&root, "DEU-E", "data-alliance"), "WARSAW_PACT");
    assert_eq!(attr(&root, "DEU", "data-alliance"), "NATO");
    assert!(map.set_view(&js("mercator")).is_err());
    map.set_view(&js("europe")).unwrap();
    assert_eq!(attr(&root, "DEU-E", "data-state"), "DDR", "a view change keeps the date");
    map.destroy();
    assert!(root.query_selector("svg").unwrap().is_none());
}

#[wasm_bindgen_test]
fn bad_options_throw() {
    let root = container();
    assert!(message(new_map(&root, options(&[("date", "1999-13-01")])).err().unwrap()).contains("date"));
    assert!(message(new_map(&root, options(&[("view", "globe")])).err().unwrap()).contains("view"));
    let geo = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}}]}"#;
    assert!(new_map(&root, options(&[("geojson", geo)])).is_err());
    assert!(root.query_selector("svg").unwrap().is_none(), "nothing drawn on failure");
}

#[wasm_bindgen_test]
fn embedder_geojson_is_drawn_with_the_timeline() {
    let root = container();
    let geo = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","id":"POL","properties":{},"geometry":{"type":"Polygon","coordinates":[[[14,49],[24,49],[24,55],[14,55],[14,49]]]}},
      {"type":"Feature","id":"UKR","properties":{},"geometry":{"type":"Polygon","coordinates":[[[24,49],[40,49],[40,52],[24,52],[24,49]]]}}]}"#;
    let map = new_map(&root, options(&[("geojson", geo), ("date", "1985-01-01"), ("view", "europe")])).unwrap();
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
    let msg = message(JsTimeline::from_json(&js(&bad)).err().unwrap());
    assert_eq!(msg, "Timeline.fromJson: timeline event 14: unknown state code 'XYZ'");
    let bad_date = edited_doc(&|doc| {
        let event = table(doc, "events").get(0);
        js_sys::Reflect::set(&event, &"date".into(), &"1999-02-30".into()).unwrap();
    });
    assert!(message(JsTimeline::from_json(&js(&bad_date)).err().unwrap()).contains("1999-02-30"));
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
    let _map = new_map(&root, options(&[("timelineJson", &doc), ("date", "1998-06-01")])).unwrap();
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
        // An id the timeline does not know: the error names the option that brought it.
        (fc(&poly("\"XYZ\"", square)), "the timeline does not know: XYZ"),
    ];
    let root = container();
    for (text, needle) in cases {
        let e = message(new_map(&root, options(&[("geojson", &text)])).err().expect(&text));
        assert!(e.starts_with("BlocMap option 'geojson'"), "{e}");
        assert!(e.contains(needle), "{text}: {e}");
    }
    assert!(root.query_selector("svg").unwrap().is_none());
    // An id in properties.id is accepted too.
    let ok = fc(&format!(r#"{},{{"type":"Feature","properties":{{"id":"UKR"}},"geometry":{{"type":"Polygon","coordinates":[[[24,49],[40,49],[40,52],[24,52],[24,49]]]}}}}"#, poly("\"POL\"", square)));
    let _map = new_map(&root, options(&[("geojson", &ok), ("date", "1995-01-01")])).unwrap();
    assert_eq!(attr(&root, "UKR", "data-state"), "UKR");
}

#[wasm_bindgen_test]
fn successions_restroke_only_the_contested_borders() {
    let root = container();
    let mut map = new_map(&root, options(&[("date", "1985-01-01"), ("view", "europe")])).unwrap();
    let count = |sel: &str| root.query_selector_all(sel).unwrap().length();
    // Between units of one state no border is drawn.
    // The contested arcs are drawn in groups that are borders on the same days.
    let hidden = ".bm-contested path[visibility=hidden]";
    let hidden_1985 = count(hidden);
    let total = count(".bm-contested path");
    assert!(hidden_1985 >= 5, "no borders inside the USSR, Yugoslavia, Czechoslovakia: {hidden_1985} of {total}");
    map.set_date(&js("1995-01-01")).unwrap();
    let hidden_1995 = count(hidden);
    assert!(hidden_1995 < hidden_1985, "fewer hidden groups in 1995: {hidden_1995} of {total}");
    assert_eq!(count(".bm-contested path"), total, "no node is created or removed");
    map.set_date(&js("1985-01-01")).unwrap();
    assert_eq!(count(hidden), hidden_1985);
}

#[wasm_bindgen_test]
fn berlin_keeps_its_marker_only_while_it_is_a_state_of_its_own() {
    let root = container();
    let mut map = new_map(&root, options(&[("date", "1990-10-02"), ("view", "world")])).unwrap();
    let berlin = root.query_selector("circle.bm-marker[data-unit=\"DEU-BE\"]").unwrap().expect("Berlin has a marker in the world view");
    let lux = root.query_selector("circle.bm-marker[data-unit=\"LUX\"]").unwrap().expect("Luxembourg has a marker");
    assert_eq!(berlin.get_attribute("visibility"), None, "four-power Berlin is shown");
    map.set_date(&js("1990-10-03")).unwrap();
    assert_eq!(berlin.get_attribute("visibility").as_deref(), Some("hidden"), "Berlin is part of Germany");
    assert_eq!(berlin.get_attribute("data-state").as_deref(), Some("DEU"));
    assert_eq!(lux.get_attribute("visibility"), None, "Luxembourg keeps its ring");
    map.set_date(&js("1985-01-01")).unwrap();
    assert_eq!(berlin.get_attribute("visibility"), None);
}

fn js_get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn reader_exports_answer_in_both_languages() {
    use blocmap::web::{add_years, date_words, numerals};
    assert_eq!(date_words(&js("1999-03-12"), &js("en"), &js("latn")).unwrap(), "12 March 1999");
    assert_eq!(date_words(&js("1999-03-12"), &js("ar"), &js("arab")).unwrap(), "١٢ مارس ١٩٩٩");
    assert!(date_words(&js("1999-02-30"), &js("en"), &js("latn")).is_err());
    assert_eq!(numerals(&js("NATO 32"), &js("arab")).unwrap(), "NATO ٣٢");
    assert_eq!(add_years(&js("2024-02-29"), &JsValue::from(1)).unwrap(), "2025-02-28");

    let root = container();
    let map = new_map(&root, options(&[("date", "1999-03-12")])).unwrap();
    let summary = map.summary(&js("en"), &js("latn")).unwrap();
    assert!(summary.starts_with("12 March 1999: NATO 19 members"), "{summary}");
    assert!(summary.contains("Poland"), "{summary}");
    assert!(map.summary(&js("ar"), &js("arab")).unwrap().contains("١٩"), "Arabic summary counts in Eastern Arabic digits");

    let details = map.details(&js("DEU-E"), &js("en"), &js("latn")).unwrap();
    assert!(js_sys::JSON::stringify(&details).unwrap().as_string().unwrap().contains("NATO"));
    assert!(map.details(&js("ZZZ"), &js("en"), &js("latn")).is_err(), "unknown unit throws");

    let members: js_sys::Array = map.members(&js("en"), &js("latn")).unwrap().dyn_into().unwrap();
    let nato = members.iter().filter(|m| js_get(m, "alliance").as_string().as_deref() == Some("NATO")).count();
    assert_eq!(nato, 19);

    let marks: js_sys::Array = map.marks(&js("en"), &js("latn")).unwrap().dyn_into().unwrap();
    assert!(marks.iter().any(|m| js_get(&m, "date").as_string().as_deref() == Some("1999-03-12")));

    let diff: js_sys::Array = map.compare(&js("1997-01-01"), &js("en"), &js("latn")).unwrap().dyn_into().unwrap();
    assert!(js_sys::JSON::stringify(&diff).unwrap().as_string().unwrap().contains("Poland"));
    assert!(map.compare(&js("someday"), &js("en"), &js("latn")).is_err());
    assert!(map.status_styles(&js("NAT0")).is_err());

    let csv = map.events_csv().unwrap();
    assert!(csv.lines().count() > 100 && csv.contains("1999-03-12"));

    let svg = map.export_svg(&js("ar"), &js("arab"), &js("عنوان <b>"), &js("١٢ مارس ١٩٩٩"), &js("المصدر")).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("عنوان &lt;b&gt;"), "text is escaped, never markup");
    assert!(map.export_svg(&js("fr"), &js("latn"), &js("t"), &js("d"), &js("s")).is_err());
}

#[wasm_bindgen_test]
fn a_highlighted_state_is_outlined_whole_and_follows_the_date() {
    let root = container();
    let mut map = new_map(&root, options(&[("date", "1985-01-01"), ("view", "europe")])).unwrap();
    let d = |root: &Element| root.query_selector(".bm-highlight").unwrap().unwrap().get_attribute("d").unwrap_or_default();
    assert_eq!(d(&root), "");
    map.highlight_state(&js("SUN")).unwrap();
    let sun = d(&root);
    assert!(sun.len() > 100);
    assert!(map.highlight_state(&js("XYZ")).is_err());
    assert_eq!(d(&root), sun, "a bad code keeps the outline");
    map.set_date(&js("1995-01-01")).unwrap();
    assert_eq!(d(&root), "", "the Soviet Union no longer exists: nothing to outline");
    map.highlight_state(&js("UKR")).unwrap();
    assert!(!d(&root).is_empty());
    map.highlight_state(&js("")).unwrap();
    assert_eq!(d(&root), "");
}

#[wasm_bindgen_test]
fn states_have_the_name_of_the_day() {
    let t = JsTimeline::builtin();
    assert_eq!(t.state_name(&js("DEU"), &js("en"), &js("1970-01-01")).unwrap(), "West Germany (FRG)");
    assert_eq!(t.state_name(&js("DEU"), &js("en"), &JsValue::UNDEFINED).unwrap(), "Germany");
    assert_eq!(t.state_name(&js("MKD"), &js("ar"), &js("2010-01-01")).unwrap(), "مقدونيا");
    assert!(t.state_name(&js("DEU"), &js("en"), &js("1970-02-30")).is_err());
    let root = container();
    let map = new_map(&root, options(&[("date", "1960-01-01")])).unwrap();
    let name = js_get(&map.details(&js("DEU"), &js("en"), &js("latn")).unwrap(), "name").as_string().unwrap();
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
    let ru = language_strings(&js("ru")).unwrap();
    assert_eq!(js_get(&ru, "play").as_string().as_deref(), Some("Воспроизвести"));
    assert_eq!(js_get(&js_get(&ru, "views"), "europe").as_string().as_deref(), Some("Европа"));
    let root = container();
    let map = new_map(&root, options(&[("date", "2024-03-07")])).unwrap();
    let s = map.summary(&js("ru"), &js("latn")).unwrap();
    assert!(s.starts_with("7 марта 2024 г.: НАТО 32 члена, +Швеция"), "{s}");
}

#[wasm_bindgen_test]
fn unknown_languages_throw_naming_the_known_ones() {
    use blocmap::web::language_strings;
    let e = message(language_strings(&js("xx")).err().unwrap());
    assert!(e.starts_with("languageStrings: unknown language 'xx'; known: ar, en"), "{e}");
    let t = JsTimeline::builtin();
    assert!(message(t.state_name(&js("DEU"), &js("xx"), &JsValue::UNDEFINED).unwrap_err()).contains("unknown language 'xx'"));
    let root = container();
    let map = new_map(&root, options(&[("date", "1999-03-12")])).unwrap();
    assert!(message(map.export_svg(&js("xx"), &js("latn"), &js("t"), &js("d"), &js("s")).unwrap_err()).contains("unknown language 'xx'; known:"));
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
    assert_eq!(add_language(&js(pack)).unwrap(), "eo");
    assert_eq!(date_words(&js("1999-03-12"), &js("eo"), &js("latn")).unwrap(), "12-a de marto 1999");
    assert_eq!(js_get(&language_strings(&js("eo")).unwrap(), "play").as_string().as_deref(), Some("Ludi"));
    assert_eq!(JsTimeline::builtin().state_name(&js("POL"), &js("eo"), &JsValue::UNDEFINED).unwrap(), "Pollando");
    assert_eq!(JsTimeline::builtin().state_name(&js("HUN"), &js("eo"), &JsValue::UNDEFINED).unwrap(), "Hungary", "English where the pack has no name");
    let e = message(add_language(&js(&pack.replace("\"ltr\"", "\"sideways\""))).unwrap_err());
    assert_eq!(e, "addLanguage: language pack: language.dir 'sideways' is not ltr or rtl");
    let e = message(add_language(&js("{")).unwrap_err());
    assert!(e.starts_with("addLanguage: language pack: line 1, column 2"), "{e}");
}

/// A plain JS object `{}`.
fn object() -> JsValue {
    js_sys::Object::new().into()
}

/// The map's state as a reader sees it: its date, view and every painted
/// attribute (the whole markup of its element).
fn state(map: &BlocMap, root: &Element) -> (String, String, String) {
    (map.date(), map.view(), root.inner_html())
}

#[wasm_bindgen_test]
fn arguments_of_the_wrong_type_throw_errors_that_say_so_and_change_nothing() {
    let root = container();
    let mut map = new_map(&root, options(&[("date", "1999-03-12"), ("view", "europe")])).unwrap();
    map.highlight_state(&js("POL")).unwrap();
    let before = state(&map, &root);
    let n = |x: f64| JsValue::from_f64(x);
    let cases: Vec<(Result<(), wasm_bindgen::JsError>, &str)> = vec![
        (map.set_date(&n(19990312.0)), "setDate: date must be a text like '1999-03-12', got the number 19990312"),
        (map.set_date(&object()), "setDate: date must be a text like '1999-03-12', got an object"),
        (map.set_date(&JsValue::NULL), "setDate: date must be a text like '1999-03-12', got null"),
        (map.set_date(&JsValue::UNDEFINED), "setDate: date must be a text like '1999-03-12', got nothing (undefined)"),
        (map.set_date(&JsValue::TRUE), "setDate: date must be a text like '1999-03-12', got the value true"),
        (map.set_date(&js_sys::Array::new().into()), "setDate: date must be a text like '1999-03-12', got an array"),
        (map.set_date(&js("1999-02-30")), "setDate: date: '1999-02-30' is not a date: that month has no such day (expected YYYY-MM-DD, e.g. 1999-03-12)"),
        (map.set_view(&n(5.0)), "setView: view must be a text like 'europe', got the number 5"),
        (map.set_view(&JsValue::NULL), "setView: view must be a text like 'europe', got null"),
        (map.set_view(&js("globe")), "setView: unknown view 'globe': expected one of world, arctic, europe"),
        (map.highlight_state(&n(5.0)), "highlightState: code must be a text like 'POL' (or '' to clear), got the number 5"),
        (map.highlight_state(&js("XYZ")), "highlightState: unknown state code 'XYZ'"),
    ];
    for (result, want) in cases {
        assert_eq!(message(result.unwrap_err()), want);
    }
    let e = |r: Result<JsValue, wasm_bindgen::JsError>| message(r.unwrap_err());
    assert_eq!(e(map.legend(&n(5.0))), "legend: lang must be a text like 'en', got the number 5");
    assert_eq!(e(map.details(&JsValue::NULL, &js("en"), &js("latn"))), "details: unit must be a text like 'DEU-E', got null");
    assert_eq!(e(map.details(&js("ZZZ"), &js("en"), &js("latn"))), "details: unknown territory unit 'ZZZ'");
    assert_eq!(e(map.members(&js("en"), &n(1.5))), "members: digits must be a text like 'latn' or 'arab', got the number 1.5");
    assert_eq!(e(map.compare(&object(), &js("en"), &js("latn"))), "compare: other must be a text like '1999-03-12', got an object");
    assert_eq!(e(map.status_styles(&n(5.0))), "statusStyles: alliance must be a text like 'NATO', got the number 5");
    assert_eq!(message(map.summary(&JsValue::UNDEFINED, &js("latn")).unwrap_err()), "summary: lang must be a text like 'en', got nothing (undefined)");
    // exportSvg() with no arguments.
    let u = JsValue::UNDEFINED;
    assert_eq!(message(map.export_svg(&u, &u, &u, &u, &u).unwrap_err()), "exportSvg: lang must be a text like 'en', got nothing (undefined)");
    assert_eq!(
        message(map.export_svg(&js("en"), &js("latn"), &js("t"), &n(1999.0), &js("s")).unwrap_err()),
        "exportSvg: dateText must be a text like '12 March 1999', got the number 1999"
    );
    assert_eq!(state(&map, &root), before, "date, view, outline and every painted attribute are as they were");
    map.set_date(&js("1985-01-01")).unwrap();
    assert_eq!(map.date(), "1985-01-01", "the map still works");
}

#[wasm_bindgen_test]
fn the_free_functions_and_the_timeline_check_their_arguments() {
    use blocmap::web::{add_language, add_years, date_of_day, date_words, day_number, language_strings, numerals};
    let n = |x: f64| JsValue::from_f64(x);
    assert_eq!(message(day_number(&n(19990312.0)).unwrap_err()), "dayNumber: date must be a text like '1999-03-12', got the number 19990312");
    assert_eq!(message(date_words(&js("1999-03-12"), &JsValue::NULL, &js("latn")).unwrap_err()), "dateWords: lang must be a text like 'en', got null");
    assert_eq!(message(numerals(&n(32.0), &js("arab")).unwrap_err()), "numerals: text must be a text like 'NATO 32', got the number 32");
    assert_eq!(message(language_strings(&JsValue::NULL).unwrap_err()), "languageStrings: code must be a text like 'en', got null");
    let pack_hint = "addLanguage: packJson must be the JSON text of a language pack (as read by fetch(…).then(r => r.text()), not an object), got";
    assert_eq!(message(add_language(&object()).unwrap_err()), format!("{pack_hint} an object"));
    assert_eq!(message(add_language(&JsValue::NULL).unwrap_err()), format!("{pack_hint} null"));
    let json_hint = "Timeline.fromJson: json must be the JSON text of a timeline document (JSON.stringify an object first), got";
    assert_eq!(message(JsTimeline::from_json(&n(42.0)).err().unwrap()), format!("{json_hint} the number 42"));
    assert_eq!(message(JsTimeline::from_json(&object()).err().unwrap()), format!("{json_hint} an object"));
    assert_eq!(message(JsTimeline::from_json(&JsValue::NULL).err().unwrap()), format!("{json_hint} null"));
    let t = JsTimeline::builtin();
    assert_eq!(message(t.members_at(&n(5.0), &js("1999-03-12")).unwrap_err()), "membersAt: alliance must be a text like 'NATO', got the number 5");
    assert_eq!(message(t.status_at(&js("POL"), &JsValue::NULL).unwrap_err()), "statusAt: date must be a text like '1999-03-12', got null");
    assert_eq!(message(t.state_of(&object(), &js("1999-03-12")).unwrap_err()), "stateOf: unit must be a text like 'DEU-E', got an object");
    assert_eq!(message(t.history(&n(1.0)).unwrap_err()), "history: state must be a text like 'POL', got the number 1");
    assert_eq!(message(t.changes_between(&js("1999-03-12"), &n(1.0)).unwrap_err()), "changesBetween: to must be a text like '1999-03-12', got the number 1");
    assert_eq!(message(t.changes_between(&js("2000-01-01"), &js("1999-01-01")).unwrap_err()), "changesBetween: from 2000-01-01 is after to 1999-01-01");
    // stateName's date is optional: undefined and null are "today".
    assert_eq!(t.state_name(&js("DEU"), &js("en"), &JsValue::NULL).unwrap(), "Germany");
    assert_eq!(message(t.state_name(&js("DEU"), &js("en"), &n(1970.0)).unwrap_err()), "stateName: date must be a text like '1999-03-12', got the number 1970");
    // Whole numbers only, in range; NaN, 1.5 and 1e12 no longer give a day.
    assert_eq!(date_of_day(&n(0.0)).unwrap(), "1970-01-01");
    assert_eq!(date_of_day(&n(-719_162.0)).unwrap(), "0001-01-01");
    assert_eq!(date_of_day(&n(2_932_896.0)).unwrap(), "9999-12-31");
    let range = "dateOfDay: day must be a whole number from -719162 to 2932896 (the days of 0001-01-01 to 9999-12-31), got";
    for (bad, given) in [
        (n(f64::NAN), "the number NaN"),
        (n(1.5), "the number 1.5"),
        (n(1e12), "the number 1000000000000"),
        (n(2_932_897.0), "the number 2932897"),
        (n(f64::INFINITY), "the number Infinity"),
        (js("5"), "the text '5'"),
        (JsValue::NULL, "null"),
    ] {
        assert_eq!(message(date_of_day(&bad).unwrap_err()), format!("{range} {given}"));
    }
    assert_eq!(message(add_years(&js("2000-01-01"), &n(f64::NAN)).unwrap_err()), "addYears: years must be a whole number from -9999 to 9999, got the number NaN");
    assert_eq!(message(add_years(&js("2000-01-01"), &n(0.5)).unwrap_err()), "addYears: years must be a whole number from -9999 to 9999, got the number 0.5");
    assert_eq!(message(add_years(&js("2000-01-01"), &n(8000.0)).unwrap_err()), "addYears: year 10000 is outside 0001-9999");
    assert_eq!(add_years(&js("2000-01-01"), &n(-10.0)).unwrap(), "1990-01-01");
}

#[wasm_bindgen_test]
fn the_constructor_wants_an_element_and_known_options() {
    let root = container();
    let e = |element: &JsValue, options: JsValue| message(BlocMap::new(element, &options).err().unwrap());
    assert_eq!(
        e(&js("#map"), object()),
        "BlocMap: the first argument must be a DOM element, got the text '#map' (use document.querySelector('#map'))"
    );
    assert_eq!(e(&JsValue::NULL, object()), "BlocMap: the first argument must be a DOM element, got null");
    assert_eq!(e(&object(), object()), "BlocMap: the first argument must be a DOM element, got an object");
    let at = root.as_ref();
    assert_eq!(
        e(at, options(&[("dat", "1999-03-12")])),
        "BlocMap: unknown option 'dat' (known: date, view, geojson, timelineJson)"
    );
    assert_eq!(
        e(at, js("europe")),
        "BlocMap: options must be an object like {date: '1999-03-12', view: 'europe'}, got the text 'europe'"
    );
    let numeric = js_sys::Object::new();
    js_sys::Reflect::set(&numeric, &"date".into(), &JsValue::from_f64(19990312.0)).unwrap();
    assert_eq!(e(at, numeric.into()), "BlocMap: option 'date' must be a text like '1999-03-12', got the number 19990312");
    assert_eq!(
        e(at, options(&[("date", "1999-13-01")])),
        "BlocMap option 'date': '1999-13-01' is not a date: the month must be 01 to 12 (expected YYYY-MM-DD, e.g. 1999-03-12)"
    );
    assert!(root.query_selector("svg").unwrap().is_none(), "nothing drawn");
    assert!(!root.class_list().contains("blocmap"), "nothing changed on the element");
    // No options, null options or an undefined option are all fine.
    new_map(&root, JsValue::NULL).unwrap().destroy();
    new_map(&root, JsValue::UNDEFINED).unwrap().destroy();
    let undefined_date = js_sys::Object::new();
    js_sys::Reflect::set(&undefined_date, &"date".into(), &JsValue::UNDEFINED).unwrap();
    new_map(&root, undefined_date.into()).unwrap().destroy();
}

#[wasm_bindgen_test]
fn without_a_date_the_map_shows_today() {
    let root = container();
    let map = new_map(&root, JsValue::UNDEFINED).unwrap();
    let today: String = js_sys::Date::new_0().to_iso_string().into();
    assert_eq!(map.date(), today[..10]);
}

#[wasm_bindgen_test]
fn digits_other_than_latn_and_arab_throw() {
    use blocmap::web::{date_words, numerals};
    let root = container();
    let map = new_map(&root, options(&[("date", "1999-03-12")])).unwrap();
    let before = state(&map, &root);
    let x = js("x");
    let want = |f: &str| format!("{f}: unknown digits 'x'; known: latn, arab");
    assert_eq!(message(map.summary(&js("en"), &x).unwrap_err()), want("summary"));
    assert_eq!(message(date_words(&js("1999-03-12"), &js("en"), &x).unwrap_err()), want("dateWords"));
    assert_eq!(message(numerals(&js("32"), &x).unwrap_err()), want("numerals"));
    assert_eq!(message(map.export_svg(&js("en"), &x, &js("t"), &js("d"), &js("s")).unwrap_err()), want("exportSvg"));
    assert_eq!(message(map.marks(&js("en"), &x).unwrap_err()), want("marks"));
    assert_eq!(message(map.details(&js("POL"), &js("en"), &x).unwrap_err()), want("details"));
    assert_eq!(message(map.members(&js("en"), &x).unwrap_err()), want("members"));
    assert_eq!(message(map.compare(&js("1990-01-01"), &js("en"), &x).unwrap_err()), want("compare"));
    assert_eq!(state(&map, &root), before);
}

#[wasm_bindgen_test]
fn a_pack_without_some_page_strings_gets_englishs() {
    use blocmap::web::{add_language, language_strings};
    let pack = r#"{
      "language": {"code": "io", "name": "Ido", "dir": "ltr", "digits": "latn"},
      "plural": {"one": "n = 1"},
      "months": ["januaro","februaro","marto","aprilo","mayo","junio","julio","agosto","septembro","oktobro","novembro","decembro"],
      "date": "{day} {month} {year}",
      "listSeparator": ", ", "clauseSeparator": "; ",
      "grammar": {"members": {"one": "{n} membro", "other": "{n} membri"}, "signatories": {"other": "{n} signanti"}, "noMembers": "nula"},
      "page": {"play": "Ludar", "views": {"europe": "Europa"}}
    }"#;
    add_language(&js(pack)).unwrap();
    let (io, en) = (language_strings(&js("io")).unwrap(), language_strings(&js("en")).unwrap());
    assert_eq!(js_get(&io, "play").as_string().as_deref(), Some("Ludar"));
    let title = js_get(&io, "title").as_string();
    assert!(title.is_some() && title == js_get(&en, "title").as_string(), "{title:?}");
    let views = js_get(&io, "views");
    assert_eq!(js_get(&views, "europe").as_string().as_deref(), Some("Europa"));
    assert_eq!(js_get(&views, "world").as_string(), js_get(&js_get(&en, "views"), "world").as_string());
}

#[wasm_bindgen_test]
fn geojson_errors_give_the_parsers_place_and_plain_numbers() {
    let root = container();
    let e = |text: &str| message(new_map(&root, options(&[("geojson", text)])).err().unwrap());
    assert_eq!(
        e("{\"type\":\n }"),
        "BlocMap option 'geojson': not valid JSON: line 2, column 2: expected a value (object, array, string, number, true, false or null)"
    );
    assert_eq!(e("{\"type\": \"FeatureCollection\""), "BlocMap option 'geojson': not valid JSON: line 1, column 29: expected ',' or '}'");
    let fc = |id: &str, ring: &str| {
        format!(r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","id":{id},"properties":{{}},"geometry":{{"type":"Polygon","coordinates":[{ring}]}}}}]}}"#)
    };
    let open = e(&fc("250", "[[14,49],[24,49],[24,55],[14,55]]"));
    assert!(open.contains("feature \"250\" has an open ring"), "a whole number, not 250.0: {open}");
    let far = e(&fc("\"POL\"", "[[14,49],[1e308,49],[24,55],[14,49]]"));
    assert!(far.contains("has a point (1e308, 49) out of range"), "{far}");
    assert!(root.query_selector("svg").unwrap().is_none());
}

#[wasm_bindgen_test]
fn timeline_json_errors_name_the_place() {
    let set = |table: &'static str, row: u32, key: &'static str, value: JsValue| {
        edited_doc(&move |doc| {
            js_sys::Reflect::set(&table_row(doc, table, row), &key.into(), &value).unwrap();
        })
    };
    let cases = [
        (set("alliances", 0, "name_en", JsValue::from_f64(5.0)), "timeline JSON: alliances[0] (row 1): name_en: expected text, got the number 5"),
        (
            set("alliances", 0, "foo", JsValue::from_f64(5.0)),
            "timeline JSON: alliances[0] (row 1): unknown field 'foo' (known: id, color, kind, renamed, name_<language code>, former_name_<language code>)",
        ),
        (
            set("events", 5, "date", js("1999-02-30")),
            "timeline JSON: events[5] (event 6): date: '1999-02-30' is not a date: that month has no such day (expected YYYY-MM-DD, e.g. 1999-03-12)",
        ),
    ];
    let root = container();
    for (doc, want) in cases {
        assert_eq!(message(JsTimeline::from_json(&js(&doc)).err().unwrap()), format!("Timeline.fromJson: {want}"));
        assert_eq!(message(new_map(&root, options(&[("timelineJson", &doc)])).err().unwrap()), format!("BlocMap option 'timelineJson': {want}"));
    }
    assert!(root.query_selector("svg").unwrap().is_none());
}

fn table_row(doc: &js_sys::Object, name: &str, row: u32) -> JsValue {
    table(doc, name).get(row)
}

/// `{…}` as JSON text, for matching what a reader export gives the page.
fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn the_reader_gives_dates_as_exactly_as_known_and_since_as_a_reader_means_it() {
    let root = container();
    let mut map = new_map(&root, options(&[("date", "1970-01-01")])).unwrap();
    // France, outside the integrated command since July 1966 (known to the month).
    let fra = json(&map.details(&js("FRA"), &js("en"), &js("latn")).unwrap());
    assert!(fra.contains(r#""status":"outside_integrated_command","since":"1966-07-01","sinceWords":"July 1966""#), "{fra}");
    assert!(fra.contains(r#""words":"July 1966""#), "{fra}");
    assert!(fra.contains("North Atlantic Treaty enters into force"), "NATO's own events are in its members' history: {fra}");
    // The JS Timeline gives both starts.
    let t = JsTimeline::builtin();
    let st = json(&t.status_at(&js("FRA"), &js("1970-01-01")).unwrap());
    assert!(st.contains(r#""since":"1949-08-24","standingSince":"1966-07-01""#), "{st}");
    // Greece in 1985: a member since 1952, not since its 1980 return to the integrated command.
    map.set_date(&js("1985-06-01")).unwrap();
    let grc = json(&map.details(&js("GRC"), &js("en"), &js("latn")).unwrap());
    assert!(grc.contains(r#""since":"1952-02-18","sinceWords":"18 February 1952""#), "{grc}");
    let rows = json(&map.members(&js("en"), &js("latn")).unwrap());
    assert!(rows.contains(r#""state":"GRC","name":"Greece","status":"member","since":"1952-02-18""#), "{rows}");
    // Poland's history has the Warsaw Pact's dissolution; the CST is named so before 2002.
    map.set_date(&js("1998-01-01")).unwrap();
    assert!(json(&map.details(&js("POL"), &js("en"), &js("latn")).unwrap()).contains("Warsaw Pact dissolved"));
    let legend = json(&map.legend(&js("en")).unwrap());
    assert!(legend.contains("Collective Security Treaty (CST)") && !legend.contains("(CSTO)"), "{legend}");
    // The table lists states by name: Latvia before Lithuania.
    map.set_date(&js("2004-03-29")).unwrap();
    let rows = json(&map.members(&js("en"), &js("latn")).unwrap());
    let (lv, lt) = (rows.find(r#""name":"Latvia""#), rows.find(r#""name":"Lithuania""#));
    assert!(lv.is_some() && lv < lt, "{rows}");
}

#[wasm_bindgen_test]
fn the_legend_says_which_alliances_exist_on_the_shown_day() {
    let root = container();
    let mut map = new_map(&root, options(&[("date", "1966-07-01")])).unwrap();
    let active = |map: &BlocMap| -> Vec<(String, bool)> {
        let legend: js_sys::Array = map.legend(&js("en")).unwrap().dyn_into().unwrap();
        legend.iter().map(|e| (js_get(&e, "id").as_string().unwrap(), js_get(&e, "active").as_bool().expect("active is a boolean"))).collect()
    };
    let want = |pairs: [(&str, bool); 4]| pairs.map(|(id, a)| (id.to_string(), a)).to_vec();
    assert_eq!(active(&map), want([("NATO", true), ("CSTO", false), ("WARSAW_PACT", true), ("SCO", false)]), "no CST in 1966");
    map.set_date(&js("1999-03-12")).unwrap();
    assert_eq!(active(&map), want([("NATO", true), ("CSTO", true), ("WARSAW_PACT", false), ("SCO", false)]), "no Warsaw Pact in 1999");
    map.set_date(&js("2024-03-07")).unwrap();
    assert_eq!(active(&map), want([("NATO", true), ("CSTO", true), ("WARSAW_PACT", false), ("SCO", true)]));
    let legend = json(&map.legend(&js("en")).unwrap());
    assert!(legend.contains(r##""id":"WARSAW_PACT","name":"Warsaw Pact (Warsaw Treaty Organization)","color":"#8b1a1a","kind":"alliance","count":0,"active":false"##), "{legend}");
}

#[wasm_bindgen_test]
fn a_destroyed_map_throws_a_clear_error_from_every_method() {
    let root = container();
    let mut map = new_map(&root, options(&[("date", "1999-03-12"), ("view", "europe")])).unwrap();
    map.highlight_state(&js("POL")).unwrap();
    map.destroy();
    assert!(root.query_selector("svg").unwrap().is_none() && !root.class_list().contains("blocmap"));
    map.destroy();
    let gone = |f: &str| format!("{f}: this map was destroyed (destroy() was called); create a new BlocMap");
    let (en, latn) = (js("en"), js("latn"));
    let unit: Vec<(Result<(), wasm_bindgen::JsError>, &str)> = vec![
        (map.set_date(&js("2000-01-01")), "setDate"),
        (map.set_date(&JsValue::NULL), "setDate"),
        (map.set_view(&js("world")), "setView"),
        (map.highlight_state(&js("DEU")), "highlightState"),
        (map.highlight_state(&js("")), "highlightState"),
    ];
    for (r, f) in unit {
        assert_eq!(message(r.unwrap_err()), gone(f));
    }
    let values: Vec<(Result<JsValue, wasm_bindgen::JsError>, &str)> = vec![
        (map.legend(&en), "legend"),
        (map.details(&js("POL"), &en, &latn), "details"),
        (map.members(&en, &latn), "members"),
        (map.marks(&en, &latn), "marks"),
        (map.compare(&js("1990-01-01"), &en, &latn), "compare"),
        (map.status_styles(&js("NATO")), "statusStyles"),
    ];
    for (r, f) in values {
        assert_eq!(message(r.unwrap_err()), gone(f));
    }
    assert_eq!(message(map.counts().unwrap_err()), gone("counts"));
    assert_eq!(message(map.summary(&en, &latn).unwrap_err()), gone("summary"));
    assert_eq!(message(map.events_csv().unwrap_err()), gone("eventsCsv"));
    assert_eq!(message(map.export_svg(&en, &latn, &js("t"), &js("d"), &js("s")).unwrap_err()), gone("exportSvg"));
    // The getters keep the last day and view; nothing was drawn again.
    assert_eq!((map.date(), map.view()), ("1999-03-12".to_string(), "europe".to_string()));
    assert!(root.query_selector("svg").unwrap().is_none() && root.inner_html().is_empty());
    map.destroy();
    assert_eq!(message(map.set_date(&js("2001-01-01")).unwrap_err()), gone("setDate"), "still a clear error, no trap");
    // The element takes a new map.
    let again = new_map(&root, options(&[("date", "2000-01-01")])).unwrap();
    assert_eq!(attr(&root, "POL", "data-alliance"), "NATO");
    assert_eq!(again.date(), "2000-01-01");
}

#[wasm_bindgen_test]
fn the_map_shows_days_from_the_first_to_today_only() {
    let today: String = js_sys::Date::new_0().to_iso_string().into();
    let today = &today[..10];
    let root = container();
    let mut map = new_map(&root, options(&[("date", "1999-03-12"), ("view", "europe")])).unwrap();
    map.highlight_state(&js("POL")).unwrap();
    let before = state(&map, &root);
    assert_eq!(
        message(map.set_date(&js("2100-01-01")).unwrap_err()),
        format!("setDate: 2100-01-01 is after today ({today}): the map shows what has happened")
    );
    assert_eq!(message(map.set_date(&js("1949-04-03")).unwrap_err()), "setDate: 1949-04-03 is before the map's first day (1949-04-04)");
    assert_eq!(message(map.set_date(&js("0001-01-01")).unwrap_err()), "setDate: 0001-01-01 is before the map's first day (1949-04-04)");
    assert_eq!(state(&map, &root), before, "the map is as it was");
    assert!(map.summary(&js("en"), &js("latn")).unwrap().starts_with("12 March 1999: "));
    map.set_date(&js(today)).unwrap();
    assert_eq!(map.date(), today);
    map.set_date(&js("1949-04-04")).unwrap();
    assert_eq!(map.date(), "1949-04-04");
    // The constructor's date option, likewise; nothing is drawn.
    let other = container();
    let e = |date: &str| message(new_map(&other, options(&[("date", date)])).err().unwrap());
    assert_eq!(e("2100-01-01"), format!("BlocMap option 'date': 2100-01-01 is after today ({today}): the map shows what has happened"));
    assert_eq!(e("1900-01-01"), "BlocMap option 'date': 1900-01-01 is before the map's first day (1949-04-04)");
    assert!(other.inner_html().is_empty() && !other.class_list().contains("blocmap"));
    assert_eq!(new_map(&other, options(&[("date", today)])).unwrap().date(), today);
    // The Timeline's queries take any day.
    let t = JsTimeline::builtin();
    assert_eq!(t.members_at(&js("NATO"), &js("2100-01-01")).unwrap(), t.members_at(&js("NATO"), &js(today)).unwrap());
}

#[wasm_bindgen_test]
fn the_timeline_lists_an_alliances_former_names() {
    let t = JsTimeline::builtin();
    let all = json(&t.alliances().unwrap());
    assert!(all.contains(r#""id":"CSTO""#) && all.contains(r#""renamed":"2002-10-07","formerNames":{"ar":"معاهدة الأمن الجماعي","en":"Collective Security Treaty (CST)"}"#), "{all}");
    assert!(all.contains(r#""id":"NATO""#) && all.contains(r#""renamed":null,"formerNames":{}"#), "{all}");
}

#[wasm_bindgen_test]
fn compare_takes_a_day_the_map_could_show_and_units_in_any_case() {
    let root = container();
    let map = new_map(&root, options(&[("date", "2004-03-29")])).unwrap();
    let e = message(map.compare(&js("2100-01-01"), &js("en"), &js("latn")).err().expect("a future day"));
    assert!(e.starts_with("compare: 2100-01-01 is after today"), "{e}");
    let e = message(map.compare(&js("1920-01-01"), &js("en"), &js("latn")).err().expect("before the map"));
    assert!(e.contains("before the map's first day"), "{e}");
    assert!(map.compare(&js("1999-03-12"), &js("en"), &js("latn")).is_ok());
    let pol = json(&map.details(&js("pol"), &js("en"), &js("latn")).unwrap());
    assert!(pol.contains(r#""state":"POL""#), "a unit id in any case: {pol}");
}
