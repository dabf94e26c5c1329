//! Projected SVG paths for a topology in a view (pure: no DOM, no dates).
//!
//! Paths are projected once per view and size; moving the time slider only changes fills and
//! which mesh arcs are stroked ([`Scene::mesh_path`]).
use crate::projection::View;
use crate::topology::Topology;

/// Units whose projected area is below this many square pixels get a circle marker.
pub const MARKER_AREA: f64 = 40.0;
/// Radius of a marker, in pixels.
pub const MARKER_RADIUS: f64 = 4.0;

/// A topology projected into a view of `width` × `height` pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub view: View,
    pub width: f64,
    pub height: f64,
    /// SVG path `d` per unit (same order as [`Topology::units`]); "" if fully outside the view.
    pub unit_paths: Vec<String>,
    /// Projected pieces of each arc, as an SVG path `d` ("" if outside the view).
    arc_paths: Vec<String>,
    /// `(cx, cy, r)` per unit whose projected area is below [`MARKER_AREA`] (too small to see or
    /// click) and whose largest part is centred inside the view; else None.
    pub markers: Vec<Option<(f64, f64, f64)>>,
    /// The edge of the map (the projected sphere) as a closed path `d`, e.g. for the ocean.
    pub outline: String,
}

impl Scene {
    /// Projects every unit and arc of `topo` for `view` at this size.
    pub fn new(topo: &Topology, view: View, width: f64, height: f64) -> Scene {
        let p = view.projector(width, height);
        let mut unit_paths = Vec::with_capacity(topo.units().len());
        let mut markers = Vec::with_capacity(topo.units().len());
        for unit in topo.units() {
            let mut d = String::new();
            let mut bbox = Bbox::default();
            let mut area = 0.0;
            let mut best: Option<(f64, (f64, f64))> = None; // largest exterior: (area, centroid)
            for polygon in &unit.polygons {
                for (k, ring) in polygon.iter().enumerate() {
                    for r in p.ring(&topo.ring_points(ring)) {
                        let (a, c) = area_centroid(&r);
                        if k == 0 {
                            area += a.abs();
                            if best.map_or(true, |b| a.abs() > b.0) {
                                best = Some((a.abs(), c));
                            }
                        } else {
                            area -= a.abs();
                        }
                        r.iter().for_each(|&q| bbox.add(q));
                        ring_path(&mut d, &r, true);
                    }
                }
            }
            let visible = bbox.meets(width, height);
            if !visible {
                d.clear();
            }
            markers.push(match best {
                Some((_, (cx, cy)))
                    if area < MARKER_AREA
                        && (0.0..=width).contains(&cx)
                        && (0.0..=height).contains(&cy) =>
                {
                    Some((round1(cx), round1(cy), MARKER_RADIUS))
                }
                _ => None,
            });
            unit_paths.push(d);
        }
        let arc_paths = (0..topo.arc_count())
            .map(|i| {
                let mut d = String::new();
                let mut bbox = Bbox::default();
                for piece in p.line(topo.arc(i)) {
                    piece.iter().for_each(|&q| bbox.add(q));
                    ring_path(&mut d, &piece, false);
                }
                if !bbox.meets(width, height) {
                    d.clear();
                }
                d
            })
            .collect();
        let mut outline = String::new();
        ring_path(&mut outline, &p.outline(), true);
        Scene {
            view,
            width,
            height,
            unit_paths,
            arc_paths,
            markers,
            outline,
        }
    }

    /// The projected pieces of arc `i` as a path `d` ("" if outside the view).
    pub fn arc_path(&self, i: usize) -> &str {
        &self.arc_paths[i]
    }

    /// Joins the projected arcs (e.g. from [`Topology::mesh`]) into one path `d`.
    pub fn mesh_path(&self, arcs: &[usize]) -> String {
        let mut d = String::with_capacity(
            arcs.iter()
                .map(|&i| self.arc_paths.get(i).map_or(0, String::len))
                .sum(),
        );
        for &i in arcs {
            if let Some(s) = self.arc_paths.get(i) {
                d.push_str(s);
            }
        }
        d
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[derive(Clone, Copy)]
struct Bbox([f64; 4]);

impl Default for Bbox {
    fn default() -> Bbox {
        Bbox([
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ])
    }
}

impl Bbox {
    fn add(&mut self, (x, y): (f64, f64)) {
        let b = &mut self.0;
        b[0] = b[0].min(x);
        b[1] = b[1].min(y);
        b[2] = b[2].max(x);
        b[3] = b[3].max(y);
    }

    fn meets(&self, w: f64, h: f64) -> bool {
        let b = &self.0;
        b[0] <= w && b[2] >= 0.0 && b[1] <= h && b[3] >= 0.0
    }
}

/// Signed area (shoelace, pixels²) and centroid of a ring.
fn area_centroid(r: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    let n = r.len();
    for i in 0..n {
        let (p, q) = (r[i], r[(i + 1) % n]);
        let c = p.0 * q.1 - q.0 * p.1;
        a += c;
        cx += (p.0 + q.0) * c;
        cy += (p.1 + q.1) * c;
    }
    if a.abs() < 1e-12 {
        let (sx, sy) = r.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        let k = n.max(1) as f64;
        return (0.0, (sx / k, sy / k));
    }
    (a / 2.0, (cx / (3.0 * a), cy / (3.0 * a)))
}

/// Appends `M x y l dx dy …` (and `z` if closed), in tenths of a pixel, skipping repeated points.
/// A closed ring that collapses to fewer than three distinct points is left out.
fn ring_path(d: &mut String, pts: &[(f64, f64)], closed: bool) {
    let tenth = |v: f64| (v * 10.0).round() as i64;
    let mut q: Vec<(i64, i64)> = Vec::with_capacity(pts.len());
    for &(x, y) in pts {
        let p = (tenth(x), tenth(y));
        if q.last() != Some(&p) {
            q.push(p);
        }
    }
    if closed && q.len() > 1 && q[0] == q[q.len() - 1] {
        q.pop();
    }
    if q.len() < if closed { 3 } else { 2 } {
        return;
    }
    d.push('M');
    num(d, q[0].0);
    sep_num(d, q[0].1);
    d.push('l');
    let mut first = true;
    for w in q.windows(2) {
        let (dx, dy) = (w[1].0 - w[0].0, w[1].1 - w[0].1);
        if first {
            num(d, dx);
            first = false;
        } else {
            sep_num(d, dx);
        }
        sep_num(d, dy);
    }
    if closed {
        d.push('z');
    }
}

/// A number after another: a space unless the sign separates them.
fn sep_num(d: &mut String, v: i64) {
    if v >= 0 {
        d.push(' ');
    }
    num(d, v);
}

/// Writes `v / 10` with at most one decimal and no leading zero (`-0.5` → `-.5`).
fn num(d: &mut String, v: i64) {
    if v < 0 {
        d.push('-');
    }
    let a = v.unsigned_abs();
    let (int, frac) = (a / 10, a % 10);
    if int != 0 || frac == 0 {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut n = int;
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        d.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
    }
    if frac != 0 {
        d.push('.');
        d.push((b'0' + frac as u8) as char);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Absolute points of each subpath of a path made by `ring_path`.
    fn subpaths(d: &str) -> Vec<Vec<(f64, f64)>> {
        let mut out: Vec<Vec<(f64, f64)>> = vec![];
        let mut nums: Vec<f64> = vec![];
        let mut cmd = ' ';
        let flush = |cmd: char, nums: &mut Vec<f64>, out: &mut Vec<Vec<(f64, f64)>>| {
            for (k, c) in nums.chunks(2).enumerate() {
                if cmd == 'M' && k == 0 {
                    out.push(vec![(c[0], c[1])]);
                } else {
                    let last = *out.last().unwrap().last().unwrap();
                    out.last_mut().unwrap().push((last.0 + c[0], last.1 + c[1]));
                }
            }
            nums.clear();
        };
        let mut tok = String::new();
        for ch in d.chars().chain(std::iter::once(' ')) {
            if (ch == '-' || ch.is_ascii_alphabetic() || ch == ' ') && !tok.is_empty() {
                nums.push(tok.parse().unwrap());
                tok.clear();
            }
            if ch.is_ascii_alphabetic() {
                flush(cmd, &mut nums, &mut out);
                cmd = ch;
            } else if ch != ' ' {
                tok.push(ch);
            }
        }
        flush(cmd, &mut nums, &mut out);
        out
    }

    #[test]
    fn numbers_are_compact() {
        let mut d = String::new();
        ring_path(
            &mut d,
            &[(0.0, 0.0), (10.04, 0.0), (10.0, 5.55), (0.0, 0.0)],
            true,
        );
        assert_eq!(d, "M0 0l10 0 0 5.6z");
        let mut d = String::new();
        ring_path(&mut d, &[(1.25, -0.05), (1.0, 2.0)], false);
        assert_eq!(d, "M1.3-.1l-.3 2.1");
    }

    #[test]
    fn world_view_keeps_poland_in_the_box_and_draws_no_streaks() {
        let topo = Topology::builtin();
        let (w, h) = (1000.0, 500.0);
        let scene = Scene::new(&topo, View::World, w, h);
        let pol = &scene.unit_paths[topo.unit_index("POL").unwrap()];
        assert!(!pol.is_empty());
        for p in subpaths(pol).into_iter().flatten() {
            assert!(
                (0.0..=w).contains(&p.0) && (0.0..=h).contains(&p.1),
                "{p:?}"
            );
        }
        for id in ["RUS", "USA", "FJI", "KIR"] {
            let d = &scene.unit_paths[topo.unit_index(id).unwrap()];
            for sp in subpaths(d) {
                for s in sp.windows(2) {
                    let len = ((s[1].0 - s[0].0).powi(2) + (s[1].1 - s[0].1).powi(2)).sqrt();
                    assert!(len < w / 2.0, "{id}: segment {s:?}");
                }
            }
        }
        let all: Vec<usize> = topo.mesh(|_, _| true);
        for sp in subpaths(&scene.mesh_path(&all)) {
            for s in sp.windows(2) {
                assert!((s[1].0 - s[0].0).abs() < w / 2.0, "mesh segment {s:?}");
            }
        }
    }

    #[test]
    fn no_view_has_streaks() {
        let topo = Topology::builtin();
        for view in View::ALL {
            let (w, h) = (1000.0, 700.0);
            let scene = Scene::new(&topo, view, w, h);
            for (u, d) in scene.unit_paths.iter().enumerate() {
                for sp in subpaths(d) {
                    let closing = [sp[sp.len() - 1], sp[0]];
                    for s in sp.windows(2).chain(std::iter::once(&closing[..])) {
                        let len = ((s[1].0 - s[0].0).powi(2) + (s[1].1 - s[0].1).powi(2)).sqrt();
                        assert!(
                            len < w / 4.0,
                            "{view} {}: segment {s:?}",
                            topo.units()[u].id
                        );
                    }
                }
            }
            assert!(scene.outline.starts_with('M') && scene.outline.ends_with('z'));
        }
    }

    #[test]
    fn small_states_get_markers_and_far_units_are_empty() {
        let topo = Topology::builtin();
        let world = Scene::new(&topo, View::World, 1000.0, 500.0);
        for id in ["LUX", "MNE", "XKX", "ARM"] {
            assert!(
                world.markers[topo.unit_index(id).unwrap()].is_some(),
                "{id}"
            );
        }
        assert!(world.markers[topo.unit_index("RUS").unwrap()].is_none());
        let europe = Scene::new(&topo, View::Europe, 1000.0, 800.0);
        assert_eq!(europe.unit_paths[topo.unit_index("AUS").unwrap()], "");
        assert!(europe.markers[topo.unit_index("AUS").unwrap()].is_none());
        assert!(europe.markers[topo.unit_index("POL").unwrap()].is_none());
        assert!(!europe.unit_paths[topo.unit_index("DEU-BE").unwrap()].is_empty());
    }
}
