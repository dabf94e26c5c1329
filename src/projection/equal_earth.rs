//! Equal Earth raw projection (Šavrič, Patterson & Jenny 2018), as d3-geo's `geoEqualEarthRaw`.
use super::Raw;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Equal-area pseudo-cylindrical projection; unit scale (the equator is ~5.4 wide).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EqualEarth;

fn m() -> f64 {
    3f64.sqrt() / 2.0
}

impl Raw for EqualEarth {
    fn forward(&self, lambda: f64, phi: f64) -> (f64, f64) {
        let l = super::asin(m() * phi.sin());
        let l2 = l * l;
        let l6 = l2 * l2 * l2;
        (
            lambda * l.cos() / (m() * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2))),
            l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)),
        )
    }

    fn inverse(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        // Newton's method on the polynomial in l, as d3 does.
        let mut l = y;
        for _ in 0..12 {
            let l2 = l * l;
            let l6 = l2 * l2 * l2;
            let fy = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)) - y;
            let fpy = A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2);
            let delta = fy / fpy;
            l -= delta;
            if delta.abs() < 1e-12 {
                break;
            }
        }
        let l2 = l * l;
        let l6 = l2 * l2 * l2;
        let s = l.sin() / m();
        if !s.is_finite() || s.abs() > 1.0 + 1e-12 {
            return None;
        }
        let lambda = m() * x * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2)) / l.cos();
        if !lambda.is_finite() || lambda.abs() > std::f64::consts::PI + 1e-9 {
            return None;
        }
        Some((lambda, super::asin(s)))
    }
}
