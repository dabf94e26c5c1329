//! `BlocMap`: the map widget. It projects the units once (and again only on a
//! view change); a date change asks the core which units changed and touches
//! only those paths, plus the border mesh when a state was born or ended.
use super::dom::{append, document, set, svg};
use super::args::{self, fail};
use super::{err, to_js};
use crate::atlas::{changed, owners_changed, shown_day, ArcKinds, Atlas};
use crate::date::Date;
use crate::paint;
use crate::projection::View;
use crate::render::Scene;
use crate::timeline::{StateIdx, Timeline, UnitView};
use crate::topology::Topology;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::Element;


/// A map of alliances at a date, drawn into a container element.
#[wasm_bindgen]
pub struct BlocMap {
    root: Element,
    svg: Element,
    paths: Vec<Option<Element>>,
    markers: Vec<Option<Element>>,
    /// Coasts and borders that never change, one path.
    borders: Element,
    /// The arcs that a date can turn from border to no border and back (two
    /// units of one state have no border between them), one path per group
    /// of arcs that are borders on the same days (`ArcKinds::groups`), so a
    /// succession touches only a few paths.
    contested: Vec<(usize, Element)>,
    /// The outline of the state the reader points at (`highlightState`).
    highlight: Element,
    highlighted: Option<StateIdx>,
    /// How each arc's stroke can change over time: depends on the data
    /// only, so it is sorted once, not on every view change.
    kinds: ArcKinds,
    atlas: Atlas,
    view: View,
    date: Date,
    views: Vec<UnitView>,
    scene: Option<Scene>,
    /// `destroy()` was called: every method but the getters throws.
    destroyed: bool,
}

struct Options {
    date: Option<Date>,
    view: View,
    geojson: Option<String>,
    timeline_json: Option<String>,
}

/// The options the constructor reads (`BlocMapOptions` in the TypeScript types).
const OPTION_KEYS: [&str; 4] = ["date", "view", "geojson", "timelineJson"];

/// The constructor's element: a DOM element, not a selector or `null`.
fn element(v: &JsValue) -> Result<Element, JsError> {
    v.dyn_ref::<Element>().cloned().ok_or_else(|| {
        let hint = match v.as_string() {
            Some(s) => format!(" (use document.querySelector('{s}'))"),
            None => String::new(),
        };
        JsError::new(&format!("BlocMap: the first argument must be a DOM element, got {}{hint}", args::describe(v)))
    })
}

/// Reads the options object; `undefined` or `null` is no options. An
/// unknown key (a misspelled `dat`) is an error naming the known ones.
fn options(value: &JsValue) -> Result<Options, JsError> {
    const F: &str = "BlocMap";
    let given = !(value.is_undefined() || value.is_null());
    if given {
        if !value.is_object() || js_sys::Array::is_array(value) || value.is_function() {
            return Err(args::wrong(F, "options", "an object like {date: '1999-03-12', view: 'europe'}", value));
        }
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !OPTION_KEYS.contains(&key.as_str()) {
                return Err(fail(F, format_args!("unknown option '{key}' (known: {})", OPTION_KEYS.join(", "))));
            }
        }
    }
    let get = |name: &str, like: &str| -> Result<Option<String>, JsError> {
        let v = if given { js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED) } else { JsValue::UNDEFINED };
        args::optional_text(&v, F, &format!("option '{name}'"), like)
    };
    let view = match get("view", "'europe'")? {
        Some(v) => View::parse(&v).map_err(|e| option_error("view", e))?,
        None => View::World,
    };
    Ok(Options {
        date: get("date", "'1999-03-12'")?.map(|d| Date::parse(&d).map_err(|e| option_error("date", e))).transpose()?,
        view,
        geojson: get("geojson", "'{\"type\": \"FeatureCollection\", …}' (JSON.stringify it first)")?,
        timeline_json: get("timelineJson", "'{\"version\": 1, …}' (JSON.stringify it first)")?,
    })
}

/// What is wrong with the value of an option: `BlocMap option 'view': unknown view …`.
fn option_error(name: &str, e: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("BlocMap option '{name}': {e}"))
}

/// Today in the browser (UTC, as `new Date().toISOString()` gives it): the
/// day the map shows when no `date` option is given.
pub(super) fn today() -> Date {
    let days = (js_sys::Date::now() / 86_400_000.0).floor();
    Date::from_days(days.clamp(-719_162.0, 2_932_896.0) as i32)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LegendEntry<'a> {
    id: &'a str,
    name: &'a str,
    color: &'a str,
    kind: &'a str,
    count: usize,
    active: bool,
}

#[wasm_bindgen]
impl BlocMap {
    /// Draws the map into `element` (a DOM element, not a selector).
    /// Options (all optional): `date` (`YYYY-MM-DD` from the timeline's first
    /// day, 1949-04-04, to today; default today in the browser, UTC), `view`
    /// (`world`, `arctic`, `europe`), `geojson` (your own
    /// territories as GeoJSON text), `timelineJson` (your own timeline
    /// document as JSON text). An unknown option key throws.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Element")] element: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "BlocMapOptions")] options: &JsValue,
    ) -> Result<BlocMap, JsError> {
        let element = &self::element(element)?;
        let o = self::options(options)?;
        let timeline = match &o.timeline_json {
            Some(text) => embedder_timeline(text)?,
            None => Timeline::builtin(),
        };
        let topology = match &o.geojson {
            Some(text) => geojson_topology(text)?,
            None => Topology::builtin(),
        };
        // The map and the timeline disagree: name the option that brought
        // the embedder's side of it (their GeoJSON first: its ids are the usual cause).
        let atlas = Atlas::new(timeline, topology).map_err(|e| match (&o.geojson, &o.timeline_json) {
            (Some(_), _) => option_error("geojson", e),
            (None, Some(_)) => option_error("timelineJson", e),
            (None, None) => fail("BlocMap", e),
        })?;
        let date = match o.date {
            Some(d) => shown_day(atlas.timeline(), d, today()).map_err(|e| option_error("date", e))?,
            None => today(),
        };
        let doc = document()?;
        let svg_el = svg(&doc, "svg", &[("class", "bm-svg"), ("role", "img")])?;
        let mut map = BlocMap {
            root: element.clone(),
            paths: vec![],
            markers: vec![],
            borders: svg(&doc, "path", &[("class", "bm-borders")])?,
            contested: vec![],
            highlight: svg(&doc, "path", &[("class", "bm-highlight")])?,
            highlighted: None,
            kinds: atlas.arc_kinds(),
            svg: svg_el,
            atlas,
            view: o.view,
            date,
            views: vec![],
            scene: None,
            destroyed: false,
        };
        map.build()?;
        let _ = element.class_list().add_1("blocmap");
        append(element, &map.svg);
        Ok(map)
    }

    /// Creates every node: patterns and styles, one path per unit, markers for
    /// tiny units, the border meshes; then paints the current date.
    fn build(&mut self) -> Result<(), JsError> {
        let doc = document()?;
        self.svg.set_text_content(None);
        let alliances = self.atlas.timeline().alliances();
        let defs = svg(&doc, "defs", &[])?;
        for p in paint::patterns(alliances, "var(--bm-neutral,#e4e4e0)") {
            let size = p.size.to_string();
            let pat = svg(&doc, "pattern", &[("id", &p.id), ("width", &size), ("height", &size), ("patternUnits", "userSpaceOnUse"), ("patternTransform", &format!("rotate({})", p.rotate))])?;
            append(&pat, &svg(&doc, "rect", &[("width", &size), ("height", &size), ("style", &format!("fill:{}", p.background))])?);
            for (tag, attrs) in &p.marks {
                let pairs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
                append(&pat, &svg(&doc, tag, &pairs)?);
            }
            append(&defs, &pat);
        }
        append(&self.svg, &defs);
        let style = svg(&doc, "style", &[])?;
        style.set_text_content(Some(&paint::css(alliances)));
        append(&self.svg, &style);

        // Each view has the shape of its region; the SVG scales to its
        // container, whose CSS can follow `--bm-aspect`.
        let (w, h) = self.view.size();
        let view_box = format!("0 0 {w} {h}");
        set(&self.svg, "viewBox", &view_box);
        if let Some(el) = self.root.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.style().set_property("--bm-aspect", &format!("{w} / {h}"));
        }
        let scene = Scene::new(self.atlas.topology(), self.view, f64::from(w), f64::from(h));
        let units_g = svg(&doc, "g", &[("class", "bm-units")])?;
        let markers_g = svg(&doc, "g", &[("class", "bm-markers")])?;
        self.paths.clear();
        self.markers.clear();
        for (i, unit) in self.atlas.topology().units().iter().enumerate() {
            let d = &scene.unit_paths[i];
            self.paths.push(if d.is_empty() {
                None
            } else {
                let p = svg(&doc, "path", &[("class", "bm-u"), ("d", d), ("data-unit", &unit.id)])?;
                append(&units_g, &p);
                Some(p)
            });
            self.markers.push(match scene.markers.get(i).copied().flatten() {
                Some((cx, cy, r)) => {
                    let c = svg(&doc, "circle", &[("class", "bm-u bm-marker"), ("cx", &fixed1(cx)), ("cy", &fixed1(cy)), ("r", &fixed1(r)), ("data-unit", &unit.id)])?;
                    append(&markers_g, &c);
                    Some(c)
                }
                None => None,
            });
        }
        append(&self.svg, &units_g);
        self.views = self.atlas.views_at(self.date);
        for i in 0..self.views.len() {
            self.paint_unit(i, None);
        }
        set(&self.borders, "d", &scene.mesh_path(&self.kinds.borders));
        append(&self.svg, &self.borders);
        let lines = svg(&doc, "g", &[("class", "bm-contested")])?;
        self.contested.clear();
        for group in &self.kinds.groups {
            let d = scene.mesh_path(group);
            if d.is_empty() {
                continue;
            }
            let el = svg(&doc, "path", &[("class", "bm-borders"), ("d", &d)])?;
            show(&el, self.atlas.is_border(group[0], &self.views));
            append(&lines, &el);
            self.contested.push((group[0], el));
        }
        append(&self.svg, &lines);
        append(&self.svg, &markers_g);
        append(&self.svg, &self.highlight);
        self.scene = Some(scene);
        self.paint_markers(None);
        self.paint_highlight();
        Ok(())
    }

    /// Writes a unit's attributes; given its previous view, only those that
    /// differ (each write restyles the path).
    fn paint_unit(&self, i: usize, before: Option<&UnitView>) {
        let t = self.atlas.timeline();
        let a = paint::attrs(t, &self.views[i]);
        let b = before.map(|v| paint::attrs(t, v));
        for el in [&self.paths[i], &self.markers[i]].into_iter().flatten() {
            for (name, new, old) in [
                ("data-state", a.state, b.map(|b| b.state)),
                ("data-alliance", a.alliance, b.map(|b| b.alliance)),
                ("data-standing", a.standing, b.map(|b| b.standing)),
                ("data-status", a.status, b.map(|b| b.status)),
            ] {
                if old != Some(new) {
                    set(el, name, new);
                }
            }
        }
    }

    /// Shows the markers of the small units that stand for a state of their
    /// own that day ([`Atlas::markers_shown`]); given the previous views,
    /// touches only the markers that changed.
    fn paint_markers(&self, before: Option<&[UnitView]>) {
        let Some(scene) = &self.scene else { return };
        let now = Atlas::markers_shown(&self.views, scene);
        let was = before.map(|b| Atlas::markers_shown(b, scene));
        for (i, el) in self.markers.iter().enumerate() {
            if let Some(el) = el {
                if was.as_ref().map_or(true, |was| was[i] != now[i]) {
                    show(el, now[i]);
                }
            }
        }
    }

    /// Restrokes the groups of contested arcs whose sides changed relation
    /// (one arc stands for its group).
    fn paint_contested(&self, before: &[UnitView]) {
        for (arc, el) in &self.contested {
            let now = self.atlas.is_border(*arc, &self.views);
            if now != self.atlas.is_border(*arc, before) {
                show(el, now);
            }
        }
    }

    /// Shows the map on a day (`YYYY-MM-DD`, from the timeline's first day,
    /// 1949-04-04, to today in the browser, UTC: the map shows what has
    /// happened). Only units whose state or standing changed are touched. A
    /// bad date, or one out of that range, throws and changes nothing.
    #[wasm_bindgen(js_name = setDate)]
    pub fn set_date(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue) -> Result<(), JsError> {
        const F: &str = "setDate";
        self.alive(F)?;
        let date = shown_day(self.atlas.timeline(), args::date(date, F, "date")?, today()).map_err(|e| fail(F, e))?;
        let views = self.atlas.views_at(date);
        let redo_borders = owners_changed(&self.views, &views);
        let touched = changed(&self.views, &views);
        let before = std::mem::replace(&mut self.views, views);
        self.date = date;
        for i in touched {
            self.paint_unit(i, Some(&before[i]));
        }
        if redo_borders {
            self.paint_contested(&before);
            self.paint_markers(Some(&before));
            self.paint_highlight();
        }
        Ok(())
    }

    /// Outlines one state (all its territories, without the lines between
    /// them), e.g. the whole Soviet Union when the reader points at Ukraine in
    /// 1985; `""` clears it. The outline follows date changes. Throws for an
    /// unknown state code and keeps the previous outline.
    #[wasm_bindgen(js_name = highlightState)]
    pub fn highlight_state(&mut self, #[wasm_bindgen(unchecked_param_type = "string")] code: &JsValue) -> Result<(), JsError> {
        self.alive("highlightState")?;
        let code = args::text(code, "highlightState", "code", "'POL' (or '' to clear)")?;
        self.highlighted = if code.is_empty() { None } else { Some(self.atlas.timeline().state(&code).map_err(|e| fail("highlightState", e))?) };
        self.paint_highlight();
        Ok(())
    }

    fn paint_highlight(&self) {
        let d = match (self.highlighted, &self.scene) {
            (Some(s), Some(scene)) => scene.mesh_path(&self.atlas.outline(s, &self.views)),
            _ => String::new(),
        };
        set(&self.highlight, "d", &d);
    }

    /// The day shown, `YYYY-MM-DD`; after `destroy()`, the last day shown.
    pub fn date(&self) -> String {
        self.date.to_string()
    }

    /// Switches the projection (`world`, `arctic`, `europe`); reprojects once.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, #[wasm_bindgen(unchecked_param_type = "ViewName")] view: &JsValue) -> Result<(), JsError> {
        self.alive("setView")?;
        let view = View::parse(&args::text(view, "setView", "view", "'europe'")?).map_err(|e| fail("setView", e))?;
        if view != self.view {
            self.view = view;
            self.build()?;
        }
        Ok(())
    }

    /// The current view's name; after `destroy()`, the last view shown.
    #[wasm_bindgen(unchecked_return_type = "ViewName")]
    pub fn view(&self) -> String {
        self.view.as_str().to_string()
    }

    /// Legend at the current date: `[{id, name, color, kind, count, active}]`
    /// with the number of formal members, names of that day (the CST before
    /// 2002-10-07) in `lang` (a code of `languages()`; English if unknown).
    /// Every alliance of the data is listed, in the order of `counts()`;
    /// `active` says whether it exists that day, from its first event (a
    /// signature) until its dissolution (the Warsaw Pact from 1991-07-01 on,
    /// the CST before 1992-05-15 are not), for a page to dim the others.
    #[wasm_bindgen(unchecked_return_type = "LegendEntry[]")]
    pub fn legend(&self, #[wasm_bindgen(unchecked_param_type = "string")] lang: &JsValue) -> Result<JsValue, JsError> {
        let (t, date) = self.core("legend")?;
        let lang = args::lang_or_english(lang, "legend")?;
        let mut out = vec![];
        for a in t.alliances() {
            let count = t.members_at(&a.id, date).map_err(err)?.len();
            let name = crate::words::alliance_name_at(a, date, &lang);
            out.push(LegendEntry { id: &a.id, name, color: &a.color, kind: a.kind.as_str(), count, active: t.is_active(&a.id, date) });
        }
        to_js(&out)
    }

    /// The number of formal members of each alliance on the current day, in
    /// the order of `legend()`: the cheap call for a date change.
    pub fn counts(&self) -> Result<Vec<u32>, JsError> {
        let (t, date) = self.core("counts")?;
        t.alliances().iter().map(|a| Ok(t.members_at(&a.id, date).map_err(err)?.len() as u32)).collect()
    }

    /// The map of the current day and view as a standalone SVG document
    /// (title, date, legend with member counts, source line), for download
    /// or a PNG. The words are the page's, in `lang` (a code of `languages()`), counts in
    /// `digits` (`latn` or `arab`); all text is escaped, never read as markup.
    /// Part of `library-api` (the demo page composes its own from the drawn map).
    #[cfg(feature = "library-api")]
    #[wasm_bindgen(js_name = exportSvg)]
    pub fn export_svg(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] lang: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Digits")] digits: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] title: &JsValue,
        #[wasm_bindgen(js_name = dateText, unchecked_param_type = "string")] date_text: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] source: &JsValue,
    ) -> Result<String, JsError> {
        const F: &str = "exportSvg";
        self.alive(F)?;
        let lang = args::known_lang(lang, F, "lang")?;
        let digits = args::digits(digits, F)?;
        let title = args::text(title, F, "title", "'NATO and the CSTO'")?;
        let date = args::text(date_text, F, "dateText", "'12 March 1999'")?;
        let source = args::text(source, F, "source", "'Source: NATO'")?;
        let text = crate::card::CardText { lang: &lang, digits, title: &title, date: &date, source: &source };
        Ok(crate::card::render(&self.atlas, self.view, self.date, &text))
    }

    /// Removes everything the map added to its element. After it, every
    /// method throws (`setDate: this map was destroyed …`) but `date()` and
    /// `view()`, which give the last day and view shown, and `destroy()`,
    /// which does nothing again.
    pub fn destroy(&mut self) {
        if self.destroyed {
            return;
        }
        self.destroyed = true;
        self.svg.remove();
        let _ = self.root.class_list().remove_1("blocmap");
        self.paths.clear();
        self.markers.clear();
        self.contested.clear();
        self.views.clear();
        self.highlighted = None;
        self.scene = None;
    }
}

impl BlocMap {
    /// The error of a call (`f`, e.g. `setDate`) on a map whose `destroy()`
    /// was called; nothing while the map is drawn.
    fn alive(&self, f: &str) -> Result<(), JsError> {
        if self.destroyed {
            return Err(fail(f, "this map was destroyed (destroy() was called); create a new BlocMap"));
        }
        Ok(())
    }

    /// The timeline and the day shown, for the function `f` (the reader
    /// exports in `reader.rs`); throws once the map is destroyed.
    pub(super) fn core(&self, f: &str) -> Result<(&Timeline, Date), JsError> {
        self.alive(f)?;
        Ok((self.atlas.timeline(), self.date))
    }
}

/// Shows or hides an element (a group of contested arcs, a marker).
/// `visibility`, not `display`: the element keeps its layout object, so a
/// toggle costs a restyle, no relayout.
fn show(el: &Element, shown: bool) {
    if shown {
        let _ = el.remove_attribute("visibility");
    } else {
        set(el, "visibility", "hidden");
    }
}

/// An embedder's GeoJSON text as a topology (see `geojson_js`).
#[cfg(feature = "library-api")]
fn geojson_topology(text: &str) -> Result<Topology, JsError> {
    let gj = super::geojson_js::parse(text).map_err(|e| option_error("geojson", e))?;
    Topology::from_geojson_value(gj).map_err(|e| option_error("geojson", e))
}

/// An embedder's timeline document (JSON text).
#[cfg(feature = "library-api")]
fn embedder_timeline(text: &str) -> Result<Timeline, JsError> {
    Timeline::from_json(text).map_err(|e| option_error("timelineJson", e))
}

#[cfg(not(feature = "library-api"))]
fn geojson_topology(_: &str) -> Result<Topology, JsError> {
    Err(without_embedder_data("geojson"))
}

#[cfg(not(feature = "library-api"))]
fn embedder_timeline(_: &str) -> Result<Timeline, JsError> {
    Err(without_embedder_data("timelineJson"))
}

/// The error of a build without the `library-api` feature (the demo site's).
#[cfg(not(feature = "library-api"))]
fn without_embedder_data(option: &str) -> JsError {
    option_error(
        option,
        "this is the demo page's own build of BlocMap, which reads no embedder data; load the whole library instead (lib/blocmap.js beside the site's pkg/, or the npm package)",
    )
}

/// `v` with one decimal, without the float formatting machinery (20 KB of wasm).
fn fixed1(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}
