//! Small DOM helpers: SVG elements and attributes.
use wasm_bindgen::JsError;
use web_sys::{Document, Element};

pub const SVG_NS: &str = "http://www.w3.org/2000/svg";

pub fn document() -> Result<Document, JsError> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsError::new("BlocMap needs a browser document"))
}

/// An SVG element with attributes.
pub fn svg(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsError> {
    let el = doc.create_element_ns(Some(SVG_NS), tag).map_err(|_| JsError::new("cannot create an SVG element"))?;
    for (k, v) in attrs {
        set(&el, k, v);
    }
    Ok(el)
}

pub fn set(el: &Element, name: &str, value: &str) {
    // set_attribute only fails for invalid attribute names, which are ours.
    let _ = el.set_attribute(name, value);
}

pub fn append(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}
