//! Territory units as a topology: shared borders are stored once, as arcs (topojson's model).
//!
//! A [`Unit`] is a piece of land that always changes hands as a whole (a country today, or a
//! part such as the territory of the former GDR). Its polygons are rings of arc references;
//! reference `i >= 0` walks arc `i` forwards and `!i` (= `-i - 1`) walks arc `i` backwards.
//! Consecutive arcs of a ring meet: the last point of one is the first point of the next.
//! [`Topology::mesh`] strokes each arc once and keeps only the arcs whose two sides differ,
//! which is how a map by date dissolves the inner borders of a union.
//!
//! # Binary format (`data/generated/world.bin`, [`Topology::encode`])
//!
//! All integers are unsigned LEB128 varints; signed ones are zigzag-encoded first
//! (`0, -1, 1, -2…` → `0, 1, 2, 3…`). Strings are a varint byte length and UTF-8.
//!
//! ```text
//! "BMT" 0x01                        magic and format version
//! f64 LE × 4                        scale x, scale y, translate x, translate y:
//!                                   lon = qx · scale x + translate x, lat = qy · scale y + translate y
//! varint arc_count
//!   per arc: varint n (≥ 2), then n × (zigzag dx, zigzag dy): quantized points, each relative
//!            to the previous point; the first relative to the previous arc's last point
//!            (to (0, 0) for the first arc)
//! varint unit_count
//!   per unit: string id, string name, varint polygon_count,
//!             per polygon: varint ring_count (the first ring is the exterior),
//!             per ring: varint ref_count, ref_count × zigzag arc reference
//! ```
//!
//! Decoding checks everything (references in range, rings that close, every arc used by one
//! or two rings) and never panics on bad input.
use std::collections::HashMap;
use std::fmt;

/// A territory unit: id (ISO 3166-1 alpha-3 such as `UKR`, or a part such as `DEU-E`), name, shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// Polygon → rings (the first is the exterior, the others holes) → arc references.
    pub polygons: Vec<Vec<Vec<i32>>>,
}

/// Why bytes or GeoJSON could not become a topology.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopologyError(pub String);

impl fmt::Display for TopologyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TopologyError {}

fn err<T>(msg: impl Into<String>) -> Result<T, TopologyError> {
    Err(TopologyError(msg.into()))
}

/// Units and the arcs they share. Arcs are kept quantized (for exact re-encoding and ring
/// checks) and decoded to longitude/latitude degrees.
#[derive(Clone, Debug, PartialEq)]
pub struct Topology {
    scale: [f64; 2],
    translate: [f64; 2],
    quantized: Vec<Vec<[i32; 2]>>,
    arcs: Vec<Vec<[f64; 2]>>,
    units: Vec<Unit>,
    sides: Vec<(usize, Option<usize>)>,
    /// Unit indices sorted by id, for [`Topology::unit_index`].
    index: Vec<usize>,
}

const MAGIC: &[u8; 4] = b"BMT\x01";

/// Where a reference points: (arc index, reversed).
fn deref(r: i32) -> (usize, bool) {
    if r < 0 {
        ((!r) as usize, true)
    } else {
        (r as usize, false)
    }
}

impl Topology {
    /// The built-in world: `data/generated/world.bin`, made by `cargo xtask data`.
    pub fn builtin() -> Topology {
        Topology::decode(include_bytes!("../data/generated/world.bin"))
            .expect("data/generated/world.bin is valid")
    }

    /// Builds a topology from quantized arcs (absolute integer points) and units, checking that
    /// references are in range, that every ring closes, and that every arc is used by one or two rings.
    pub fn from_quantized(
        scale: [f64; 2],
        translate: [f64; 2],
        quantized: Vec<Vec<[i32; 2]>>,
        units: Vec<Unit>,
    ) -> Result<Topology, TopologyError> {
        if !(scale.iter().chain(&translate).all(|v| v.is_finite())) {
            return err("the quantization transform is not finite");
        }
        let mut uses: Vec<u8> = vec![0; quantized.len()];
        let mut sides: Vec<(usize, Option<usize>)> = vec![(usize::MAX, None); quantized.len()];
        for (i, arc) in quantized.iter().enumerate() {
            if arc.len() < 2 {
                return err(format!("arc {i} has fewer than two points"));
            }
        }
        let mut index: Vec<usize> = (0..units.len()).collect();
        crate::sort::sort_by(&mut index, |&a, &b| units[a].id.cmp(&units[b].id));
        if let Some(w) = index.windows(2).find(|w| units[w[0]].id == units[w[1]].id) {
            return err(format!("duplicate unit id {:?}", units[w[0]].id));
        }
        for (u, unit) in units.iter().enumerate() {
            for polygon in &unit.polygons {
                if polygon.is_empty() {
                    return err(format!("unit {:?} has a polygon without rings", unit.id));
                }
                for ring in polygon {
                    if ring.is_empty() {
                        return err(format!("unit {:?} has an empty ring", unit.id));
                    }
                    let mut prev_end: Option<[i32; 2]> = None;
                    let mut first: Option<[i32; 2]> = None;
                    for &r in ring {
                        let (a, rev) = deref(r);
                        let Some(arc) = quantized.get(a) else {
                            return err(format!(
                                "unit {:?} refers to arc {a}, but there are {} arcs",
                                unit.id,
                                quantized.len()
                            ));
                        };
                        let (s, e) = if rev {
                            (arc[arc.len() - 1], arc[0])
                        } else {
                            (arc[0], arc[arc.len() - 1])
                        };
                        if let Some(p) = prev_end {
                            if p != s {
                                return err(format!(
                                    "unit {:?}: a ring's arcs do not meet (arc {a})",
                                    unit.id
                                ));
                            }
                        }
                        first.get_or_insert(s);
                        prev_end = Some(e);
                        uses[a] = uses[a].saturating_add(1);
                        match sides[a] {
                            (usize::MAX, _) => sides[a] = (u, None),
                            (x, None) => sides[a] = (x, Some(u)),
                            _ => {}
                        }
                    }
                    if prev_end != first {
                        return err(format!("unit {:?}: a ring does not close", unit.id));
                    }
                }
            }
        }
        if let Some(i) = uses.iter().position(|&n| n == 0) {
            return err(format!("arc {i} is not used by any unit"));
        }
        if let Some(i) = uses.iter().position(|&n| n > 2) {
            return err(format!("arc {i} is used by more than two rings"));
        }
        let arcs = quantized
            .iter()
            .map(|arc| {
                arc.iter()
                    .map(|p| {
                        [
                            p[0] as f64 * scale[0] + translate[0],
                            p[1] as f64 * scale[1] + translate[1],
                        ]
                    })
                    .collect()
            })
            .collect();
        Ok(Topology {
            scale,
            translate,
            quantized,
            arcs,
            units,
            sides,
            index,
        })
    }

    /// Decodes the binary form (see the module documentation). Never panics.
    pub fn decode(bytes: &[u8]) -> Result<Topology, TopologyError> {
        let mut r = Reader { b: bytes, pos: 0 };
        if r.take(4)? != MAGIC {
            return err("not a BlocMap topology (bad magic or version)");
        }
        let mut t = [0f64; 4];
        for v in &mut t {
            *v = f64::from_le_bytes(r.take(8)?.try_into().unwrap_or([0; 8]));
        }
        let n_arcs = r.count()?;
        let mut arcs = Vec::with_capacity(n_arcs);
        let (mut x, mut y) = (0i64, 0i64);
        for _ in 0..n_arcs {
            let n = r.count()?;
            let mut arc = Vec::with_capacity(n);
            for _ in 0..n {
                x += r.signed()?;
                y += r.signed()?;
                let (Ok(qx), Ok(qy)) = (i32::try_from(x), i32::try_from(y)) else {
                    return err("a point is out of range");
                };
                arc.push([qx, qy]);
            }
            arcs.push(arc);
        }
        let n_units = r.count()?;
        let mut units = Vec::with_capacity(n_units);
        for _ in 0..n_units {
            let id = r.string()?;
            let name = r.string()?;
            let n_polys = r.count()?;
            let mut polygons = Vec::with_capacity(n_polys);
            for _ in 0..n_polys {
                let n_rings = r.count()?;
                let mut rings = Vec::with_capacity(n_rings);
                for _ in 0..n_rings {
                    let n_refs = r.count()?;
                    let mut refs = Vec::with_capacity(n_refs);
                    for _ in 0..n_refs {
                        let Ok(v) = i32::try_from(r.signed()?) else {
                            return err("an arc reference is out of range");
                        };
                        refs.push(v);
                    }
                    rings.push(refs);
                }
                polygons.push(rings);
            }
            units.push(Unit { id, name, polygons });
        }
        if r.pos != bytes.len() {
            return err("trailing bytes after the topology");
        }
        Topology::from_quantized([t[0], t[1]], [t[2], t[3]], arcs, units)
    }

    /// Encodes to the binary form (see the module documentation); `decode(encode(t)) == t`.
    pub fn encode(&self) -> Vec<u8> {
        let mut out =
            Vec::with_capacity(self.quantized.iter().map(|a| a.len() * 3).sum::<usize>() + 1024);
        out.extend_from_slice(MAGIC);
        for v in [
            self.scale[0],
            self.scale[1],
            self.translate[0],
            self.translate[1],
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        put_var(&mut out, self.quantized.len() as u64);
        let (mut x, mut y) = (0i64, 0i64);
        for arc in &self.quantized {
            put_var(&mut out, arc.len() as u64);
            for p in arc {
                put_signed(&mut out, p[0] as i64 - x);
                put_signed(&mut out, p[1] as i64 - y);
                x = p[0] as i64;
                y = p[1] as i64;
            }
        }
        put_var(&mut out, self.units.len() as u64);
        for u in &self.units {
            for s in [&u.id, &u.name] {
                put_var(&mut out, s.len() as u64);
                out.extend_from_slice(s.as_bytes());
            }
            put_var(&mut out, u.polygons.len() as u64);
            for poly in &u.polygons {
                put_var(&mut out, poly.len() as u64);
                for ring in poly {
                    put_var(&mut out, ring.len() as u64);
                    for &r in ring {
                        put_signed(&mut out, r as i64);
                    }
                }
            }
        }
        out
    }

    /// Builds a topology from a GeoJSON FeatureCollection of Polygons and MultiPolygons.
    ///
    /// Each feature becomes a unit; its id is `feature.id` or `properties.id` (string or number),
    /// its name `properties.name` (else the id). Coordinates are snapped to a 10⁻⁶° grid; borders
    /// whose points are equal on that grid are stored once, as shared arcs.
    pub fn from_geojson(text: &str) -> Result<Topology, TopologyError> {
        let gj: geojson::GeoJson = text
            .parse()
            .map_err(|e| TopologyError(format!("not valid GeoJSON: {e}")))?;
        Topology::from_geojson_value(gj)
    }

    /// Like [`Topology::from_geojson`], from GeoJSON already parsed (in the
    /// browser: `JSON.parse` then serde-wasm-bindgen, which keeps serde_json's
    /// text parser out of the wasm).
    pub fn from_geojson_value(gj: geojson::GeoJson) -> Result<Topology, TopologyError> {
        use geojson::{GeoJson, GeometryValue};
        let GeoJson::FeatureCollection(fc) = gj else {
            return err("expected a GeoJSON FeatureCollection");
        };
        let mut b = Builder::default();
        let mut units = Vec::with_capacity(fc.features.len());
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, f) in fc.features.iter().enumerate() {
            let prop = |k: &str| f.properties.as_ref().and_then(|p| p.get(k));
            let json_id = |v: &geojson::JsonValue| match v {
                geojson::JsonValue::String(s) => Some(s.clone()),
                geojson::JsonValue::Number(x) => Some(x.to_string()),
                _ => None,
            };
            let id = match &f.id {
                Some(geojson::feature::Id::String(s)) => Some(s.clone()),
                Some(geojson::feature::Id::Number(x)) => Some(x.to_string()),
                None => prop("id").and_then(json_id),
            };
            let Some(id) = id.filter(|s| !s.is_empty()) else {
                return err(format!(
                    "feature #{n} has no id (set feature.id or properties.id)"
                ));
            };
            if let Some(first) = seen.insert(id.clone(), n) {
                return err(format!(
                    "feature #{n}: duplicate id {id:?} (also feature #{first})"
                ));
            }
            let name = match prop("name") {
                Some(geojson::JsonValue::String(s)) => s.clone(),
                _ => id.clone(),
            };
            let Some(geometry) = &f.geometry else {
                return err(format!(
                    "feature {id:?} has no geometry; expected Polygon or MultiPolygon"
                ));
            };
            let polys: Vec<&Vec<Vec<geojson::Position>>> = match &geometry.value {
                GeometryValue::Polygon { coordinates } => vec![coordinates],
                GeometryValue::MultiPolygon { coordinates } => coordinates.iter().collect(),
                other => {
                    return err(format!(
                        "feature {id:?} is a {}; expected Polygon or MultiPolygon",
                        other.type_name()
                    ))
                }
            };
            let mut polygons = Vec::with_capacity(polys.len());
            for poly in polys {
                let mut rings = Vec::with_capacity(poly.len());
                for ring in poly {
                    rings.push(b.ring(&id, ring)?);
                }
                if !rings.is_empty() {
                    polygons.push(rings);
                }
            }
            units.push((id, name, polygons));
        }
        b.build(units)
    }

    /// The units, in data order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The index of the unit with this id.
    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.index
            .binary_search_by(|&u| self.units[u].id.as_str().cmp(id))
            .ok()
            .map(|k| self.index[k])
    }

    /// Number of arcs.
    pub fn arc_count(&self) -> usize {
        self.arcs.len()
    }

    /// Arc `i` as longitude/latitude points in degrees. Panics if `i` is out of range.
    pub fn arc(&self, i: usize) -> &[[f64; 2]] {
        &self.arcs[i]
    }

    /// Arc `i` as quantized integer points. Panics if `i` is out of range.
    pub fn quantized_arc(&self, i: usize) -> &[[i32; 2]] {
        &self.quantized[i]
    }

    /// The one or two units using each arc (a unit using an arc twice appears twice).
    pub fn arc_sides(&self) -> &[(usize, Option<usize>)] {
        &self.sides
    }

    /// Arcs to stroke: each arc once; an arc between two units is kept iff `differ(a, Some(b))`;
    /// a coast arc (one side only) iff `differ(a, None)`.
    pub fn mesh(&self, mut differ: impl FnMut(usize, Option<usize>) -> bool) -> Vec<usize> {
        (0..self.sides.len())
            .filter(|&i| differ(self.sides[i].0, self.sides[i].1))
            .collect()
    }

    /// The points of a ring (lon/lat degrees) in order, closed (the first point repeated last).
    pub fn ring_points(&self, ring: &[i32]) -> Vec<[f64; 2]> {
        let mut out: Vec<[f64; 2]> = Vec::new();
        for &r in ring {
            let (a, rev) = deref(r);
            let arc = &self.arcs[a];
            let skip = usize::from(!out.is_empty());
            if rev {
                out.extend(arc.iter().rev().skip(skip));
            } else {
                out.extend(arc.iter().skip(skip));
            }
        }
        out
    }
}

/// A coordinate for a message: as written up to millions, in exponent form
/// above (`1e308`, not its 309 digits).
fn brief(x: f64) -> String {
    if x.abs() < 1e7 {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

fn put_var(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_signed(out: &mut Vec<u8>, v: i64) {
    put_var(out, ((v << 1) ^ (v >> 63)) as u64);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], TopologyError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.b.len());
        let Some(end) = end else {
            return err("truncated topology");
        };
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn var(&mut self) -> Result<u64, TopologyError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        err("a varint is too long")
    }

    fn signed(&mut self) -> Result<i64, TopologyError> {
        let v = self.var()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    /// A count of items that each take at least one byte: bounded by what is left.
    fn count(&mut self) -> Result<usize, TopologyError> {
        let n = self.var()?;
        if n > (self.b.len() - self.pos) as u64 {
            return err("a count exceeds the remaining bytes");
        }
        Ok(n as usize)
    }

    fn string(&mut self) -> Result<String, TopologyError> {
        let n = self.count()?;
        String::from_utf8(self.take(n)?.to_vec())
            .map_err(|_| TopologyError("a string is not UTF-8".into()))
    }
}

/// Quantized rings collected from GeoJSON, then cut at junctions into shared arcs.
#[derive(Default)]
struct Builder {
    rings: Vec<Vec<[i32; 2]>>, // open rings (last point not repeated), consecutive duplicates removed
}

/// The GeoJSON grid: 10⁻⁶ degrees.
const GRID: f64 = 1e-6;

impl Builder {
    /// Checks and quantizes a ring; returns its index among the builder's rings.
    fn ring(&mut self, id: &str, ring: &[geojson::Position]) -> Result<usize, TopologyError> {
        if ring.len() < 4 {
            return err(format!(
                "feature {id:?} has a ring with {} positions; a closed ring needs at least 4",
                ring.len()
            ));
        }
        let mut q: Vec<[i32; 2]> = Vec::with_capacity(ring.len());
        for p in ring {
            if p.len() < 2 {
                return err(format!(
                    "feature {id:?} has a position with fewer than two coordinates"
                ));
            }
            let (lon, lat) = (p[0], p[1]);
            if !lon.is_finite() || !lat.is_finite() {
                return err(format!(
                    "feature {id:?} has a coordinate that is not a number"
                ));
            }
            if lon.abs() > 180.0 || lat.abs() > 90.0 {
                return err(format!(
                    "feature {id:?} has a point ({}, {}) out of range: longitude must be within ±180 and latitude within ±90 (are the coordinates projected, or latitude first?)",
                    brief(lon),
                    brief(lat)
                ));
            }
            let qp = [(lon / GRID).round() as i32, (lat / GRID).round() as i32];
            if q.last() != Some(&qp) {
                q.push(qp);
            }
        }
        let (first, last) = (&ring[0], &ring[ring.len() - 1]);
        if first.as_slice()[..2] != last.as_slice()[..2] {
            return err(format!(
                "feature {id:?} has an open ring: its first and last positions differ"
            ));
        }
        q.pop(); // the closing point
        if q.len() < 3 {
            return err(format!(
                "feature {id:?} has a ring that collapses to fewer than three distinct points"
            ));
        }
        self.rings.push(q);
        Ok(self.rings.len() - 1)
    }

    fn build(
        self,
        units: Vec<(String, String, Vec<Vec<usize>>)>,
    ) -> Result<Topology, TopologyError> {
        // Junctions: points whose neighbours differ between visits.
        let mut neighbours: HashMap<[i32; 2], ([i32; 2], [i32; 2])> = HashMap::new();
        let mut junction: std::collections::HashSet<[i32; 2]> = std::collections::HashSet::new();
        for ring in &self.rings {
            let n = ring.len();
            for i in 0..n {
                let (p, a, b) = (ring[i], ring[(i + n - 1) % n], ring[(i + 1) % n]);
                match neighbours.get(&p) {
                    None => {
                        neighbours.insert(p, (a, b));
                    }
                    Some(&(x, y)) => {
                        if !((x == a && y == b) || (x == b && y == a)) {
                            junction.insert(p);
                        }
                    }
                }
            }
        }
        let mut arcs: Vec<Vec<[i32; 2]>> = Vec::new();
        let mut lookup: HashMap<Vec<[i32; 2]>, usize> = HashMap::new();
        let mut add = |arc: Vec<[i32; 2]>| -> i32 {
            if let Some(&i) = lookup.get(&arc) {
                return i as i32;
            }
            let rev: Vec<[i32; 2]> = arc.iter().rev().copied().collect();
            if let Some(&i) = lookup.get(&rev) {
                return !(i as i32);
            }
            arcs.push(arc.clone());
            lookup.insert(arc, arcs.len() - 1);
            (arcs.len() - 1) as i32
        };
        let mut ring_refs: Vec<Vec<i32>> = Vec::with_capacity(self.rings.len());
        for ring in &self.rings {
            let n = ring.len();
            let cuts: Vec<usize> = (0..n).filter(|&i| junction.contains(&ring[i])).collect();
            let mut refs = vec![];
            if cuts.is_empty() {
                // A ring sharing no junction: one closed arc starting at its smallest point.
                let m = (0..n).min_by_key(|&i| ring[i]).unwrap_or(0);
                let mut arc: Vec<[i32; 2]> = (0..=n).map(|k| ring[(m + k) % n]).collect();
                arc.dedup();
                refs.push(add(arc));
            } else {
                for (k, &c) in cuts.iter().enumerate() {
                    let end = if k + 1 < cuts.len() {
                        cuts[k + 1]
                    } else {
                        cuts[0] + n
                    };
                    let arc: Vec<[i32; 2]> = (c..=end).map(|i| ring[i % n]).collect();
                    refs.push(add(arc));
                }
            }
            ring_refs.push(refs);
        }
        let units = units
            .into_iter()
            .map(|(id, name, polys)| Unit {
                id,
                name,
                polygons: polys
                    .into_iter()
                    .map(|rings| rings.into_iter().map(|r| ring_refs[r].clone()).collect())
                    .collect(),
            })
            .collect();
        Topology::from_quantized([GRID, GRID], [0.0, 0.0], arcs, units)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn square(id: &str, x0: f64) -> String {
        format!(
            r#"{{"type":"Feature","id":"{id}","properties":{{"name":"Square {id}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x0},0],[{x1},0],[{x1},1],[{x0},1],[{x0},0]]]}}}}"#,
            x1 = x0 + 1.0
        )
    }

    fn fc(features: &[String]) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        )
    }

    fn check_invariants(t: &Topology) {
        // Every ring closes and chains end to start (from_quantized checks; re-check here).
        for u in t.units() {
            for poly in &u.polygons {
                for ring in poly {
                    let pts = t.ring_points(ring);
                    assert_eq!(pts.first(), pts.last(), "{}", u.id);
                    let ends: Vec<_> = ring
                        .iter()
                        .map(|&r| {
                            let (a, rev) = deref(r);
                            let q = t.quantized_arc(a);
                            if rev {
                                (q[q.len() - 1], q[0])
                            } else {
                                (q[0], q[q.len() - 1])
                            }
                        })
                        .collect();
                    for k in 0..ends.len() {
                        assert_eq!(ends[k].1, ends[(k + 1) % ends.len()].0, "{}", u.id);
                    }
                }
            }
        }
        // Every arc used by one or two rings.
        let mut uses = vec![0; t.arc_count()];
        for u in t.units() {
            for r in u.polygons.iter().flatten().flatten() {
                uses[deref(*r).0] += 1;
            }
        }
        assert!(uses.iter().all(|&n| n == 1 || n == 2), "{uses:?}");
        // The mesh with "always differ" covers every arc exactly once.
        assert_eq!(t.mesh(|_, _| true), (0..t.arc_count()).collect::<Vec<_>>());
        assert_eq!(Topology::decode(&t.encode()).as_ref(), Ok(t));
    }

    #[test]
    fn two_adjacent_squares_share_one_arc() {
        let t = Topology::from_geojson(&fc(&[square("A", 0.0), square("B", 1.0)])).unwrap();
        check_invariants(&t);
        let shared: Vec<_> = t.arc_sides().iter().filter(|s| s.1.is_some()).collect();
        assert_eq!(shared, vec![&(0, Some(1))]);
        assert_eq!(t.arc_count(), 3);
        assert_eq!(t.units()[1].name, "Square B");
        assert_eq!(t.unit_index("B"), Some(1));
        assert_eq!(t.mesh(|a, b| b.is_some() && Some(a) != b).len(), 1);
        assert_eq!(t.mesh(|_, b| b.is_none()).len(), 2);
    }

    #[test]
    fn geojson_errors_name_the_feature() {
        let cases = [
            (r#"{"type":"Feature","id":"L","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}"#.to_string(), "feature \"L\" is a LineString; expected Polygon or MultiPolygon"),
            (r#"{"type":"Feature","id":"O","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}"#.to_string(), "feature \"O\" has an open ring"),
            (r#"{"type":"Feature","id":"R","geometry":{"type":"Polygon","coordinates":[[[0,0],[200,0],[1,1],[0,0]]]}}"#.to_string(), "feature \"R\" has a point (200, 0) out of range"),
            (r#"{"type":"Feature","id":"E","geometry":{"type":"Polygon","coordinates":[[[0,0],[1e308,0],[1,-2.5e7],[0,0]]]}}"#.to_string(), "feature \"E\" has a point (1e308, 0) out of range"),
            (r#"{"type":"Feature","id":"F","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,-2.5e7],[1,1],[0,0]]]}}"#.to_string(), "feature \"F\" has a point (1, -2.5e7) out of range"),
            (r#"{"type":"Feature","id":"G","geometry":{"type":"Polygon","coordinates":[[[0,0],[-180.5,0],[1,1],[0,0]]]}}"#.to_string(), "feature \"G\" has a point (-180.5, 0) out of range"),
            (r#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#.to_string(), "feature #0 has no id"),
            (r#"{"type":"Feature","id":"N","geometry":null}"#.to_string(), "feature \"N\" has no geometry"),
        ];
        for (f, msg) in cases {
            let e = Topology::from_geojson(&fc(&[f])).unwrap_err().0;
            assert!(e.starts_with(msg), "{e:?} should start with {msg:?}");
        }
        let e = Topology::from_geojson(&fc(&[square("A", 0.0), square("A", 3.0)]))
            .unwrap_err()
            .0;
        assert_eq!(e, "feature #1: duplicate id \"A\" (also feature #0)");
        let e = Topology::from_geojson(r#"{"type":"Feature","id":"x","geometry":null}"#)
            .unwrap_err()
            .0;
        assert_eq!(e, "expected a GeoJSON FeatureCollection");
        // The id may be a number in properties.
        let t = Topology::from_geojson(&fc(&[r#"{"type":"Feature","properties":{"id":7},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#.to_string()])).unwrap();
        assert_eq!(t.units()[0].id, "7");
        // A hole and an island inside it (an enclave) share their one ring.
        let outer = r#"{"type":"Feature","id":"O","geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,2],[2,2],[2,1],[1,1]]]}}"#;
        let inner = r#"{"type":"Feature","id":"I","geometry":{"type":"Polygon","coordinates":[[[1,1],[2,1],[2,2],[1,2],[1,1]]]}}"#;
        let t = Topology::from_geojson(&fc(&[outer.into(), inner.into()])).unwrap();
        check_invariants(&t);
        assert_eq!(t.arc_count(), 2);
    }

    #[test]
    fn decode_rejects_garbage_without_panicking() {
        let t = Topology::from_geojson(&fc(&[square("A", 0.0), square("B", 1.0)])).unwrap();
        let bytes = t.encode();
        for n in 0..bytes.len() {
            assert!(Topology::decode(&bytes[..n]).is_err());
        }
        let mut seed = 0x2545F4914F6CDD1Du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20000 {
            let len = (next() % 96) as usize;
            let mut b: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            if next() % 2 == 0 {
                b.splice(0..0, MAGIC.iter().copied().chain([0; 32]));
            }
            let _ = Topology::decode(&b);
            // Flip one byte of a valid encoding.
            let mut c = bytes.clone();
            let i = (next() as usize) % c.len();
            c[i] ^= 1 << (next() % 8);
            let _ = Topology::decode(&c);
        }
    }

    #[test]
    fn builtin_has_the_expected_units_and_borders() {
        let t = Topology::builtin();
        check_invariants(&t);
        assert_eq!(
            t.encode(),
            include_bytes!("../data/generated/world.bin"),
            "encoding is exact"
        );
        for id in [
            "DEU", "DEU-E", "DEU-BE", "DEU-SL", "RUS", "UKR", "XKX", "USA", "CAN", "POL", "LUX",
            "MNE", "MKD", "EST", "ARM",
        ] {
            assert!(t.unit_index(id).is_some(), "{id} missing");
        }
        let shares = |a: &str, b: &str| {
            let (a, b) = (t.unit_index(a).unwrap(), t.unit_index(b).unwrap());
            t.arc_sides()
                .iter()
                .any(|&(x, y)| (x == a && y == Some(b)) || (x == b && y == Some(a)))
        };
        assert!(shares("DEU-E", "DEU"), "inner-German border");
        assert!(shares("DEU-E", "DEU-BE"));
        assert!(shares("DEU-SL", "DEU"));
        assert!(shares("DEU-E", "POL") && shares("DEU-E", "CZE"));
        assert!(shares("RUS", "UKR") && shares("SRB", "XKX"));
        assert!(!shares("DEU", "POL"));
    }
}
