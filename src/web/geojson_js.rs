//! An embedder's GeoJSON in the browser: the text is parsed by the browser's
//! `JSON.parse`, and this walks the resulting JS objects into the `geojson`
//! crate's types, which `Topology::from_geojson_value` then validates exactly
//! as natively. Going through serde here would pull serde_json's `Value`
//! machinery and serde's buffered tagged-enum code into the wasm: measured,
//! 39 KB of a 221 KB gzipped module.
use geojson::{feature::Id, FeatureCollection, GeoJson, Geometry, GeometryValue, JsonObject, JsonValue, Position};
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

type Result<T> = std::result::Result<T, String>;

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn is_object(v: &JsValue) -> bool {
    v.is_object() && !Array::is_array(v)
}

/// A JSON number or string as a GeoJSON id / property value. A whole
/// number stays one (`250`, as serde_json reads it natively), not `250.0`.
fn scalar(v: &JsValue) -> Option<JsonValue> {
    if let Some(s) = v.as_string() {
        return Some(JsonValue::String(s));
    }
    v.as_f64().map(|x| if x.fract() == 0.0 && x.abs() < 9e15 { JsonValue::from(x as i64) } else { JsonValue::from(x) })
}

/// Parses GeoJSON text into the `geojson` crate's types.
pub fn parse(text: &str) -> Result<GeoJson> {
    // Where the text goes wrong: the browser's message does not always say
    // (V8: `Unexpected token '}', "{"type": }" is not valid JSON`), the
    // crate's own reader (as strict as JSON.parse, or stricter) gives the
    // line and column. Run only on this error path.
    let root = js_sys::JSON::parse(text).map_err(|e| {
        let why = crate::lang::json::Json::parse(text).err();
        let why = why.unwrap_or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default());
        format!("not valid JSON: {why}")
    })?;
    if !is_object(&root) {
        return Err("expected a GeoJSON FeatureCollection object".into());
    }
    if get(&root, "type").as_string().as_deref() != Some("FeatureCollection") {
        return Err("expected a GeoJSON FeatureCollection (its \"type\" must be \"FeatureCollection\")".into());
    }
    let features = get(&root, "features");
    let features: Array = features.dyn_into().map_err(|_| "the FeatureCollection has no \"features\" array".to_string())?;
    let mut out = Vec::with_capacity(features.length() as usize);
    for (n, f) in features.iter().enumerate() {
        out.push(feature(n, &f)?);
    }
    Ok(GeoJson::FeatureCollection(FeatureCollection { features: out, ..Default::default() }))
}

fn feature(n: usize, f: &JsValue) -> Result<geojson::Feature> {
    if !is_object(f) || get(f, "type").as_string().as_deref() != Some("Feature") {
        return Err(format!("feature #{n} is not a GeoJSON Feature object"));
    }
    let id = match scalar(&get(f, "id")) {
        Some(JsonValue::String(s)) => Some(Id::String(s)),
        Some(JsonValue::Number(x)) => Some(Id::Number(x)),
        _ => None,
    };
    let props = get(f, "properties");
    let properties = if is_object(&props) {
        let mut map = JsonObject::new();
        for key in ["id", "name"] {
            if let Some(v) = scalar(&get(&props, key)) {
                map.insert(key.to_string(), v);
            }
        }
        Some(map)
    } else {
        None
    };
    let g = get(f, "geometry");
    let geometry = if g.is_null() || g.is_undefined() { None } else { Some(geometry(n, &g)?) };
    Ok(geojson::Feature { id, properties, geometry, ..Default::default() })
}

fn geometry(n: usize, g: &JsValue) -> Result<Geometry> {
    let kind = get(g, "type").as_string().unwrap_or_default();
    let coords = get(g, "coordinates");
    let value = match kind.as_str() {
        "Polygon" => GeometryValue::Polygon { coordinates: rings(n, &coords)? },
        "MultiPolygon" => GeometryValue::MultiPolygon {
            coordinates: list(n, &coords, "a list of polygons")?.iter().map(|p| rings(n, &p)).collect::<Result<_>>()?,
        },
        // Other types are refused by the topology with their name; their
        // coordinates are not needed for that.
        "Point" => GeometryValue::new_point([0.0, 0.0]),
        "MultiPoint" => GeometryValue::MultiPoint { coordinates: vec![] },
        "LineString" => GeometryValue::LineString { coordinates: vec![] },
        "MultiLineString" => GeometryValue::MultiLineString { coordinates: vec![] },
        "GeometryCollection" => GeometryValue::GeometryCollection { geometries: vec![] },
        other => return Err(format!("feature #{n}: unknown geometry type {other:?}")),
    };
    Ok(Geometry::new(value))
}

fn list(n: usize, v: &JsValue, what: &str) -> Result<Array> {
    v.clone().dyn_into::<Array>().map_err(|_| format!("feature #{n}: coordinates must be {what}"))
}

fn rings(n: usize, v: &JsValue) -> Result<Vec<Vec<Position>>> {
    list(n, v, "a list of rings")?
        .iter()
        .map(|ring| {
            list(n, &ring, "a list of positions")?
                .iter()
                .map(|p| {
                    let p = list(n, &p, "[longitude, latitude] pairs")?;
                    let xy: Vec<f64> = p.iter().map(|c| c.as_f64().unwrap_or(f64::NAN)).collect();
                    if xy.len() < 2 {
                        return Err(format!("feature #{n}: a position needs a longitude and a latitude"));
                    }
                    Ok(Position::from(xy))
                })
                .collect()
        })
        .collect()
}
