//! The machinery around a raw projection: rotate → clip → raw → scale and translate (y down).
use super::clip::{self, Circle, Pt};
use super::rotation::Rotation;
use super::Raw;

/// How a projector clips the sphere before projecting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Clip {
    /// Cut at the rotated antimeridian (cylindrical and pseudo-cylindrical projections).
    Antimeridian,
    /// Keep what lies within this many degrees of the rotated centre (azimuthal projections).
    Circle(f64),
}

/// A longitude/latitude box in degrees; `east` may exceed 180 to cross the antimeridian.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLatBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

/// A raw projection with rotation, clipping, scale and translation. Screen y points down.
pub struct Projector {
    raw: Box<dyn Raw>,
    rotation: Rotation,
    clip: Clip,
    circle: Circle,
    k: f64,
    tx: f64,
    ty: f64,
}

impl std::fmt::Debug for Projector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Projector")
            .field("clip", &self.clip)
            .field("k", &self.k)
            .field("tx", &self.tx)
            .field("ty", &self.ty)
            .finish()
    }
}

impl Projector {
    /// A projector at unit scale, centred on (0, 0), with no rotation.
    pub fn new(raw: impl Raw + 'static, clip: Clip) -> Projector {
        let r = match clip {
            Clip::Circle(deg) => deg.to_radians(),
            Clip::Antimeridian => std::f64::consts::PI,
        };
        Projector {
            raw: Box::new(raw),
            rotation: Rotation::new([0.0; 3]),
            clip,
            circle: Circle::new(r),
            k: 1.0,
            tx: 0.0,
            ty: 0.0,
        }
    }

    /// Sets the rotation `[λ, φ, γ]` in degrees (d3's `projection.rotate`).
    pub fn rotate(mut self, angles: [f64; 3]) -> Projector {
        self.rotation = Rotation::new(angles);
        self
    }

    /// Sets the scale (pixels per unit of the raw projection).
    pub fn scale(mut self, k: f64) -> Projector {
        self.k = k;
        self
    }

    /// Sets the pixel position of the raw projection's origin.
    pub fn translate(mut self, x: f64, y: f64) -> Projector {
        self.tx = x;
        self.ty = y;
        self
    }

    /// The current scale.
    pub fn get_scale(&self) -> f64 {
        self.k
    }

    /// Sets scale and translation so that `region` (sampled on a grid, clipped) fills the pixel box
    /// `[[x0, y0], [x1, y1]]` as much as it can, centred.
    pub fn fit_extent(self, extent: [[f64; 2]; 2], region: LonLatBox) -> Projector {
        let mut p = self.scale(1.0).translate(0.0, 0.0);
        let (mut x0, mut y0, mut x1, mut y1) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        let n = 72;
        for i in 0..=n {
            for j in 0..=n {
                let lon = region.west + (region.east - region.west) * i as f64 / n as f64;
                let lat = region.south + (region.north - region.south) * j as f64 / n as f64;
                // Nudge the box's own edges inwards so that a box edge on the cut stays on its side.
                let lon = lon.max(region.west + 1e-6).min(region.east - 1e-6);
                if let Some((x, y)) = p.project(lon, lat) {
                    x0 = x0.min(x);
                    x1 = x1.max(x);
                    y0 = y0.min(y);
                    y1 = y1.max(y);
                }
            }
        }
        if !(x1 > x0 && y1 > y0) {
            return p;
        }
        let (w, h) = (extent[1][0] - extent[0][0], extent[1][1] - extent[0][1]);
        let k = (w / (x1 - x0)).min(h / (y1 - y0));
        let tx = extent[0][0] + (w - k * (x1 - x0)) / 2.0 - k * x0;
        let ty = extent[0][1] + (h - k * (y1 - y0)) / 2.0 - k * y0;
        p.k = k;
        p.tx = tx;
        p.ty = ty;
        p
    }

    /// Rotates a point given in degrees onto the clipping sphere (radians).
    pub fn rotated(&self, lon: f64, lat: f64) -> Pt {
        self.rotation.forward(lon.to_radians(), lat.to_radians())
    }

    /// Projects a rotated point (radians) to pixels, without clipping.
    pub fn raw_to_screen(&self, p: Pt) -> (f64, f64) {
        let (x, y) = self.raw.forward(p.0, p.1);
        (self.tx + self.k * x, self.ty - self.k * y)
    }

    /// Projects a point in degrees to pixels; `None` if clipping removes it.
    pub fn project(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        let p = self.rotated(lon, lat);
        if let Clip::Circle(_) = self.clip {
            if !self.circle.inside(p) {
                return None;
            }
        }
        Some(self.raw_to_screen(p))
    }

    /// Pixels back to degrees; `None` off the map.
    pub fn invert(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let (l, p) = self
            .raw
            .inverse((x - self.tx) / self.k, (self.ty - y) / self.k)?;
        if let Clip::Circle(_) = self.clip {
            if !self.circle.inside((l, p)) {
                return None;
            }
        }
        let (l, p) = self.rotation.inverse(l, p);
        Some((l.to_degrees(), p.to_degrees()))
    }

    /// The outline of the visible sphere in pixels (a closed ring): the map's edge, for an ocean fill.
    pub fn outline(&self) -> Vec<(f64, f64)> {
        use std::f64::consts::{FRAC_PI_2, PI};
        let n = 90;
        let pts: Vec<Pt> = match self.clip {
            Clip::Antimeridian => (0..=n)
                .map(|k| (PI, -FRAC_PI_2 + PI * k as f64 / n as f64))
                .chain((0..=n).map(|k| (-PI, FRAC_PI_2 - PI * k as f64 / n as f64)))
                .collect(),
            Clip::Circle(_) => (0..2 * n)
                .map(|k| self.circle.at(PI * k as f64 / n as f64))
                .collect(),
        };
        pts.into_iter().map(|p| self.raw_to_screen(p)).collect()
    }

    /// Projects a closed ring (degrees): the clipped, closed rings in pixels (none if all is clipped).
    pub fn ring(&self, ring: &[[f64; 2]]) -> Vec<Vec<(f64, f64)>> {
        let pts: Vec<Pt> = ring.iter().map(|p| self.rotated(p[0], p[1])).collect();
        let rings = match self.clip {
            Clip::Antimeridian => clip::ring_antimeridian(&pts),
            Clip::Circle(_) => self.circle.ring(&pts).into_iter().collect(),
        };
        rings
            .into_iter()
            .map(|r| r.into_iter().map(|p| self.raw_to_screen(p)).collect())
            .collect()
    }

    /// Projects a line (degrees): its clipped pieces in pixels.
    pub fn line(&self, line: &[[f64; 2]]) -> Vec<Vec<(f64, f64)>> {
        let pts: Vec<Pt> = line.iter().map(|p| self.rotated(p[0], p[1])).collect();
        let parts = match self.clip {
            Clip::Antimeridian => clip::line_antimeridian(&pts),
            Clip::Circle(_) => self.circle.line(&pts),
        };
        parts
            .into_iter()
            .map(|r| r.into_iter().map(|p| self.raw_to_screen(p)).collect())
            .collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::*;

    /// d3-geo 3.1.1: `geoEqualEarthRaw(λ, φ)` for these radian inputs.
    #[allow(clippy::approx_constant)]
    const D3_EQUAL_EARTH: [[f64; 4]; 5] = [
        [0.0, 0.0, 0.0, 0.0],
        [1.0, 0.5, 0.8107116912821046, 0.567481419934245],
        [-2.5, -1.2, -1.481094141641518, -1.194479348643208],
        [3.14159, 1.5, 1.6150243655572454, 1.3124726483437903],
        [0.3, -0.7, 0.2289248105267557, -0.7764946462831419],
    ];

    fn grid() -> impl Iterator<Item = (f64, f64)> {
        (-17..=17).flat_map(|i| {
            (-8..=8).map(move |j| {
                (
                    (i as f64 * 10.0).to_radians(),
                    (j as f64 * 10.0).to_radians(),
                )
            })
        })
    }

    fn round_trip(raw: &dyn Raw) {
        for (l, p) in grid() {
            let (x, y) = raw.forward(l, p);
            let (l2, p2) = raw
                .inverse(x, y)
                .unwrap_or_else(|| panic!("no inverse at {l} {p}"));
            assert!(
                (l - l2).abs() < 1e-9 && (p - p2).abs() < 1e-9,
                "{l},{p} -> {l2},{p2}"
            );
        }
    }

    #[test]
    fn equal_earth_round_trips() {
        round_trip(&EqualEarth);
    }

    #[test]
    fn azimuthal_round_trips() {
        round_trip(&AzimuthalEqualArea);
    }

    #[test]
    fn equal_earth_matches_d3() {
        for [l, p, x, y] in D3_EQUAL_EARTH {
            let (a, b) = EqualEarth.forward(l, p);
            assert!(
                (a - x).abs() < 1e-12 && (b - y).abs() < 1e-12,
                "{l},{p}: {a},{b} vs {x},{y}"
            );
        }
    }

    #[test]
    fn azimuthal_known_points() {
        let (x, y) = AzimuthalEqualArea.forward(0.0, std::f64::consts::FRAC_PI_2);
        assert!(x.abs() < 1e-12 && (y - 2f64.sqrt()).abs() < 1e-12);
        let (x, y) = AzimuthalEqualArea.forward(0.0, 0.0);
        assert!(x == 0.0 && y == 0.0);
        assert!(AzimuthalEqualArea.inverse(3.0, 0.0).is_none());
    }

    #[test]
    fn rotation_round_trips() {
        let r = Rotation::new([-10.0, -52.0, 7.0]);
        for (l, p) in grid() {
            let (a, b) = r.forward(l, p);
            let (l2, p2) = r.inverse(a, b);
            assert!((l - l2).abs() < 1e-9 && (p - p2).abs() < 1e-9);
        }
        // The centre of rotation goes to (0, 0).
        let (a, b) = r.forward(10f64.to_radians(), 52f64.to_radians());
        assert!(a.abs() < 1e-12 && b.abs() < 1e-12);
    }

    #[test]
    fn projector_round_trips_and_flips_y() {
        for view in View::ALL {
            let p = view.projector(1000.0, 600.0);
            let (bx, by) = p.project(13.4, 52.5).unwrap();
            let (ox, oy) = p.project(13.4, 62.5).unwrap();
            assert!(oy < by, "{view}: north must be up");
            assert!(
                (0.0..1000.0).contains(&bx) && (0.0..600.0).contains(&by),
                "{view}: Berlin at {bx},{by}"
            );
            let (lon, lat) = p.invert(ox, oy).unwrap();
            assert!((lon - 13.4).abs() < 1e-6 && (lat - 62.5).abs() < 1e-6);
        }
    }

    #[test]
    fn views_parse() {
        for v in View::ALL {
            assert_eq!(View::parse(v.as_str()), Ok(v));
        }
        // Single quotes, as in every other message.
        assert_eq!(View::parse("asia"), Err("unknown view 'asia': expected one of world, arctic, europe".into()));
    }
}
