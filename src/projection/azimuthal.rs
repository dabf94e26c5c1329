//! Lambert azimuthal equal-area raw projection, as d3-geo's `geoAzimuthalEqualAreaRaw`.
use super::Raw;

/// Equal-area azimuthal projection centred on (0, 0); unit scale (the whole sphere fits in radius 2).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AzimuthalEqualArea;

impl Raw for AzimuthalEqualArea {
    fn forward(&self, lambda: f64, phi: f64) -> (f64, f64) {
        let (cx, cy) = (lambda.cos(), phi.cos());
        let k = (2.0 / (1.0 + cx * cy)).sqrt();
        // The antipode (cx * cy = -1) has no image; send it far away rather than to NaN.
        let k = if k.is_finite() { k } else { 1e6 };
        (k * cy * lambda.sin(), k * phi.sin())
    }

    fn inverse(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let z = (x * x + y * y).sqrt();
        if !z.is_finite() || z > 2.0 + 1e-12 {
            return None;
        }
        let c = 2.0 * (z / 2.0).min(1.0).asin();
        let (sc, cc) = c.sin_cos();
        let lambda = (x * sc).atan2(z * cc);
        let phi = if z == 0.0 {
            0.0
        } else {
            super::asin(y * sc / z)
        };
        Some((lambda, phi))
    }
}
