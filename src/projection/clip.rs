//! Clipping on the rotated sphere (radians), before the raw projection.
//!
//! - Antimeridian (cylindrical and pseudo-cylindrical views): rings and lines are cut where they
//!   cross λ = ±π; a cut ring's pieces are rejoined along the map edge on each side.
//! - Small circle (azimuthal views): points beyond the clip angle are pushed radially onto the
//!   circle, so a polygon's outside part becomes a stretch of the circle; lines are cut there.
//!
//! Polygons enclosing a pole are not rejoined across the pole (we ship no such unit: Antarctica
//! is left out of the built-in data); their pieces are closed on themselves instead.
use std::f64::consts::PI;

/// A point on the rotated sphere: (λ, φ) in radians.
pub type Pt = (f64, f64);

const STEP: f64 = 2.0 * PI / 180.0;

/// Cuts a line where it crosses the antimeridian; the cut points lie on λ = ±π.
pub fn line_antimeridian(pts: &[Pt]) -> Vec<Vec<Pt>> {
    let mut out = vec![];
    let mut cur: Vec<Pt> = vec![];
    for (i, &p) in pts.iter().enumerate() {
        if i > 0 {
            let a = pts[i - 1];
            if let Some((s, phi)) = crossing(a, p) {
                cur.push((s, phi));
                out.push(std::mem::take(&mut cur));
                cur.push((-s, phi));
            }
        }
        cur.push(p);
    }
    if cur.len() > 1 {
        out.push(cur);
    }
    out.retain(|l| l.len() > 1);
    out
}

/// Where segment a→b crosses the antimeridian, if it does: (side of `a` as ±π, latitude).
fn crossing(a: Pt, b: Pt) -> Option<(f64, f64)> {
    let d = b.0 - a.0;
    if d.abs() <= PI {
        return None;
    }
    let s = if a.0 > 0.0 { PI } else { -PI };
    let b0 = if d > 0.0 {
        b.0 - 2.0 * PI
    } else {
        b.0 + 2.0 * PI
    };
    let t = if b0 == a.0 {
        0.5
    } else {
        unit_interval((s - a.0) / (b0 - a.0))
    };
    Some((s, a.1 + t * (b.1 - a.1)))
}

fn unit_interval(t: f64) -> f64 {
    if t > 1.0 {
        1.0
    } else if t > 0.0 {
        t
    } else {
        0.0
    }
}

/// Cuts a closed ring at the antimeridian and rejoins the pieces along the edge of each side.
pub fn ring_antimeridian(ring: &[Pt]) -> Vec<Vec<Pt>> {
    let pts = open(ring);
    let n = pts.len();
    let first = (0..n).find(|&i| crossing(pts[i], pts[(i + 1) % n]).is_some());
    let Some(first) = first else {
        return vec![pts.to_vec()];
    };
    // Fragments, each lying on one side: starts just after a crossing, ends at the next one.
    struct Frag {
        pts: Vec<Pt>,
        side: f64,
    }
    let mut frags: Vec<Frag> = vec![];
    let mut cur: Vec<Pt> = vec![];
    for k in 1..=n {
        let i = (first + k) % n;
        let a = pts[(first + k - 1) % n];
        let p = pts[i];
        if let Some((s, phi)) = crossing(a, p) {
            if !cur.is_empty() {
                cur.push((s, phi));
                frags.push(Frag {
                    pts: std::mem::take(&mut cur),
                    side: s,
                });
            }
            cur.push((-s, phi));
        }
        cur.push(p);
        if k == n {
            // Back at pts[first]; close with the first crossing.
            let (s, phi) = crossing(p, pts[(first + 1) % n]).unwrap();
            cur.push((s, phi));
            frags.push(Frag {
                pts: std::mem::take(&mut cur),
                side: s,
            });
        }
    }
    // Per side: sort the fragment ends and starts by latitude and pair them up.
    let mut next: Vec<Option<usize>> = vec![None; frags.len()];
    for side in [-PI, PI] {
        let mut marks: Vec<(f64, bool, usize)> = vec![];
        for (i, f) in frags.iter().enumerate() {
            if f.side == side {
                marks.push((f.pts[0].1, true, i));
                marks.push((f.pts[f.pts.len() - 1].1, false, i));
            }
        }
        crate::sort::sort_by(&mut marks, |a, b| a.0.total_cmp(&b.0));
        for pair in marks.chunks(2) {
            if let [a, b] = pair {
                match (a.1, b.1) {
                    (false, true) => next[a.2] = Some(b.2),
                    (true, false) => next[b.2] = Some(a.2),
                    _ => {}
                }
            }
        }
    }
    let mut done = vec![false; frags.len()];
    let mut rings = vec![];
    for start in 0..frags.len() {
        if done[start] {
            continue;
        }
        let mut ring: Vec<Pt> = vec![];
        let mut i = start;
        loop {
            done[i] = true;
            ring.extend_from_slice(&frags[i].pts);
            let j = match next[i] {
                Some(j) if !done[j] || j == start => j,
                _ => start, // unpaired (pole-enclosing ring): close on itself
            };
            let from = frags[i].pts[frags[i].pts.len() - 1];
            let to = frags[j].pts[0];
            edge(&mut ring, from, to);
            if j == start {
                break;
            }
            i = j;
        }
        rings.push(ring);
    }
    rings
}

/// Points along the meridian λ = from.0 between two latitudes (exclusive).
fn edge(out: &mut Vec<Pt>, from: Pt, to: Pt) {
    let steps = ((to.1 - from.1).abs() / STEP).ceil() as usize;
    for k in 1..steps {
        let t = k as f64 / steps as f64;
        out.push((from.0, from.1 + t * (to.1 - from.1)));
    }
}

fn open(ring: &[Pt]) -> &[Pt] {
    if ring.len() > 1 && ring[0] == ring[ring.len() - 1] {
        &ring[..ring.len() - 1]
    } else {
        ring
    }
}

/// The small circle of angular radius `r` around (0, 0) on the rotated sphere.
#[derive(Clone, Copy, Debug)]
pub struct Circle {
    r: f64,
    cr: f64,
}

type V3 = [f64; 3];

fn v3(p: Pt) -> V3 {
    let c = p.1.cos();
    [p.0.cos() * c, p.0.sin() * c, p.1.sin()]
}

fn pt(v: V3) -> Pt {
    let n = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
    (v[1].atan2(v[0]), super::asin(v[2] / n))
}

impl Circle {
    /// A circle of `radius` radians.
    pub fn new(radius: f64) -> Circle {
        Circle {
            r: radius,
            cr: radius.cos(),
        }
    }

    /// Whether a point lies within the circle.
    pub fn inside(&self, p: Pt) -> bool {
        p.1.cos() * p.0.cos() >= self.cr
    }

    /// The azimuth of a point seen from the centre (radians, from east towards north).
    fn azimuth(p: Pt) -> f64 {
        let v = v3(p);
        v[2].atan2(v[1])
    }

    /// The point of the circle at azimuth `theta` (radians, from east towards north).
    pub fn at(&self, theta: f64) -> Pt {
        let (s, c) = self.r.sin_cos();
        pt([c, s * theta.cos(), s * theta.sin()])
    }

    /// The point where the great-circle segment a→b crosses the circle (bisection).
    fn cross(&self, a: Pt, b: Pt) -> Pt {
        let (va, vb) = (v3(a), v3(b));
        let a_in = self.inside(a);
        let (mut lo, mut hi) = (0.0, 1.0);
        for _ in 0..40 {
            let t = 0.5 * (lo + hi);
            let p = pt(lerp(va, vb, t));
            if self.inside(p) == a_in {
                lo = t;
            } else {
                hi = t;
            }
        }
        self.at(Self::azimuth(pt(lerp(va, vb, 0.5 * (lo + hi)))))
    }

    /// Cuts a line at the circle, keeping the inside pieces.
    pub fn line(&self, pts: &[Pt]) -> Vec<Vec<Pt>> {
        let mut out = vec![];
        let mut cur: Vec<Pt> = vec![];
        for (i, &p) in pts.iter().enumerate() {
            let pin = self.inside(p);
            if i > 0 {
                let a = pts[i - 1];
                let ain = self.inside(a);
                if ain != pin {
                    let x = self.cross(a, p);
                    cur.push(x);
                    if ain {
                        out.push(std::mem::take(&mut cur));
                    }
                }
            }
            if pin {
                cur.push(p);
            }
        }
        out.push(cur);
        out.retain(|l| l.len() > 1);
        out
    }

    /// Clips a closed ring: outside stretches are replaced by the matching stretch of the circle.
    /// A ring entirely outside gives `None`.
    pub fn ring(&self, ring: &[Pt]) -> Option<Vec<Pt>> {
        let pts = open(ring);
        let n = pts.len();
        if n == 0 || pts.iter().all(|&p| !self.inside(p)) {
            return None;
        }
        if pts.iter().all(|&p| self.inside(p)) {
            return Some(pts.to_vec());
        }
        let mut out: Vec<Pt> = Vec::with_capacity(n + 8);
        let mut last_theta: Option<f64> = None; // azimuth of the last point pushed on the circle
        let push_circle = |out: &mut Vec<Pt>, theta: f64, last: &mut Option<f64>| {
            if let Some(t0) = *last {
                let mut d = theta - t0;
                if d > PI {
                    d -= 2.0 * PI;
                } else if d < -PI {
                    d += 2.0 * PI;
                }
                let steps = (d.abs() / STEP).ceil() as usize;
                for k in 1..steps {
                    out.push(self.at(t0 + d * k as f64 / steps as f64));
                }
            }
            out.push(self.at(theta));
            *last = Some(theta);
        };
        for i in 0..n {
            let a = pts[i];
            let b = pts[(i + 1) % n];
            let (ain, bin) = (self.inside(a), self.inside(b));
            if ain {
                out.push(a);
                last_theta = None;
            } else {
                push_circle(&mut out, Self::azimuth(a), &mut last_theta);
            }
            if ain != bin {
                let x = self.cross(a, b);
                if ain {
                    out.push(x);
                    last_theta = Some(Self::azimuth(x));
                } else {
                    push_circle(&mut out, Self::azimuth(x), &mut last_theta);
                    last_theta = None;
                }
            }
        }
        Some(out)
    }
}

fn lerp(a: V3, b: V3, t: f64) -> V3 {
    [
        a[0] + t * (b[0] - a[0]),
        a[1] + t * (b[1] - a[1]),
        a[2] + t * (b[2] - a[2]),
    ]
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn ring_across_the_antimeridian_becomes_two_closed_rings() {
        let d = |l: f64, p: f64| (l.to_radians(), p.to_radians());
        let ring = [
            d(170.0, 0.0),
            d(-170.0, 0.0),
            d(-170.0, 10.0),
            d(170.0, 10.0),
            d(170.0, 0.0),
        ];
        let rings = ring_antimeridian(&ring);
        assert_eq!(rings.len(), 2);
        for r in &rings {
            let east = r.iter().all(|p| p.0 >= 0.0);
            let west = r.iter().all(|p| p.0 <= 0.0);
            assert!(east || west, "{r:?}");
        }
    }

    #[test]
    fn line_across_the_antimeridian_is_cut() {
        let d = |l: f64, p: f64| (l.to_radians(), p.to_radians());
        let parts = line_antimeridian(&[d(170.0, 0.0), d(-170.0, 10.0)]);
        assert_eq!(parts.len(), 2);
        assert!((parts[0][1].0 - PI).abs() < 1e-12 && (parts[1][0].0 + PI).abs() < 1e-12);
        assert!((parts[0][1].1 - 5f64.to_radians()).abs() < 1e-9);
    }

    #[test]
    fn circle_clamps_outside_points_onto_the_circle() {
        let c = Circle::new(0.5);
        let d = |l: f64, p: f64| (l.to_radians(), p.to_radians());
        let ring = [
            d(-10.0, -10.0),
            d(60.0, -10.0),
            d(60.0, 10.0),
            d(-10.0, 10.0),
        ];
        let out = c.ring(&ring).unwrap();
        for p in out {
            assert!(p.1.cos() * p.0.cos() >= 0.5f64.cos() - 1e-9);
        }
        assert!(c
            .ring(&[d(80.0, 0.0), d(90.0, 0.0), d(90.0, 5.0)])
            .is_none());
        assert_eq!(c.line(&[d(0.0, 0.0), d(60.0, 0.0), d(0.0, 1.0)]).len(), 2);
    }
}
