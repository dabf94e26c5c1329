//! Map projections: raw math in one small file each, the machinery around them written once.
//!
//! - [`equal_earth`]: Equal Earth raw projection (forward and inverse).
//! - [`azimuthal`]: Lambert azimuthal equal-area raw projection (forward and inverse).
//! - [`rotation`]: three-axis rotation of the sphere (d3-geo's `geoRotation`).
//! - [`clip`]: cutting rings and lines at the antimeridian or at a small circle.
//! - [`projector`]: rotate → clip → raw → scale/translate (y down), and `fit_extent`.
//! - [`View`]: the three built-in views (world, arctic, europe).
//!
//! Angles given to raw projections are radians, like d3; everything else takes degrees.

pub mod azimuthal;
pub mod clip;
pub mod equal_earth;
pub mod projector;
pub mod rotation;

pub use azimuthal::AzimuthalEqualArea;
pub use equal_earth::EqualEarth;
pub use projector::{Clip, LonLatBox, Projector};
pub use rotation::Rotation;

/// A raw projection: sphere (radians) → plane (unit scale, y up) and back.
pub trait Raw {
    /// Projects longitude `lambda` and latitude `phi` (radians).
    fn forward(&self, lambda: f64, phi: f64) -> (f64, f64);
    /// The inverse; `None` where the plane point has no preimage.
    fn inverse(&self, x: f64, y: f64) -> Option<(f64, f64)>;
}

/// The built-in map views.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// Equal Earth centred on 10.6°E, so that the cut falls in the Bering Strait:
    /// North America on the left, Europe in the middle, Russia to Chukotka on the right.
    World,
    /// Lambert azimuthal equal-area centred on the North Pole, down to 28°N.
    Arctic,
    /// Lambert azimuthal equal-area centred on 52°N 10°E, Iceland and Portugal to the Urals.
    Europe,
}

impl View {
    /// All views, in menu order.
    pub const ALL: [View; 3] = [View::World, View::Arctic, View::Europe];

    /// Parses a view name: `world`, `arctic` or `europe`.
    pub fn parse(name: &str) -> Result<View, String> {
        match name.trim().to_ascii_lowercase().as_str() {
            "world" => Ok(View::World),
            "arctic" => Ok(View::Arctic),
            "europe" => Ok(View::Europe),
            _ => Err(format!(
                "unknown view '{name}': expected one of world, arctic, europe"
            )),
        }
    }

    /// The view's name, as [`View::parse`] accepts it.
    pub fn as_str(self) -> &'static str {
        match self {
            View::World => "world",
            View::Arctic => "arctic",
            View::Europe => "europe",
        }
    }

    /// The view's drawing box in SVG units, `(width, height)`: the shape of its
    /// fitted region, so no band of empty sea surrounds the map. Integers, so
    /// the box is written without float formatting.
    pub fn size(self) -> (u32, u32) {
        match self {
            View::World => (1000, 440),
            View::Arctic => (1000, 900),
            View::Europe => (1000, 620),
        }
    }

    /// A projector for this view fitted into a `width` × `height` pixel box.
    pub fn projector(self, width: f64, height: f64) -> Projector {
        let pad = 0.01 * width.min(height);
        let extent = [[pad, pad], [width - pad, height - pad]];
        match self {
            View::World => Projector::new(EqualEarth, Clip::Antimeridian)
                .rotate([-10.6, 0.0, 0.0])
                .fit_extent(
                    extent,
                    LonLatBox {
                        west: -169.4,
                        south: -56.0,
                        east: 190.6,
                        north: 84.0,
                    },
                ),
            View::Arctic => Projector::new(AzimuthalEqualArea, Clip::Circle(62.0))
                .rotate([-10.0, -90.0, 0.0])
                .fit_extent(
                    extent,
                    LonLatBox {
                        west: -180.0,
                        south: 28.0,
                        east: 180.0,
                        north: 90.0,
                    },
                ),
            View::Europe => Projector::new(AzimuthalEqualArea, Clip::Circle(50.0))
                .rotate([-12.0, -52.0, 0.0])
                .fit_extent(
                    extent,
                    LonLatBox {
                        west: -24.0,
                        south: 34.5,
                        east: 56.0,
                        north: 71.0,
                    },
                ),
        }
    }
}

impl std::fmt::Display for View {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `asin` with its argument clamped to [-1, 1] (rounding can step just outside). Written without
/// `f64::clamp`, whose panic message would pull float formatting into the wasm.
pub(crate) fn asin(x: f64) -> f64 {
    if x >= 1.0 {
        std::f64::consts::FRAC_PI_2
    } else if x <= -1.0 {
        -std::f64::consts::FRAC_PI_2
    } else {
        x.asin()
    }
}
