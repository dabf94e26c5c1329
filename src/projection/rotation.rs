//! Rotation of the sphere about three axes, as d3-geo's `geoRotation` (angles in degrees).
use std::f64::consts::PI;

/// Rotates λ by `lambda`, then about the y axis by `phi` and the x axis by `gamma`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rotation {
    dl: f64,
    cp: f64,
    sp: f64,
    cg: f64,
    sg: f64,
    trivial: bool,
}

fn wrap(l: f64) -> f64 {
    if l > PI {
        l - 2.0 * PI
    } else if l < -PI {
        l + 2.0 * PI
    } else {
        l
    }
}

impl Rotation {
    /// A rotation by `[lambda, phi, gamma]` degrees (d3's `rotate([λ, φ, γ])`).
    pub fn new(angles: [f64; 3]) -> Rotation {
        let [l, p, g] = angles.map(f64::to_radians);
        Rotation {
            dl: l,
            cp: p.cos(),
            sp: p.sin(),
            cg: g.cos(),
            sg: g.sin(),
            trivial: p == 0.0 && g == 0.0,
        }
    }

    /// Rotates a point (radians).
    pub fn forward(&self, lambda: f64, phi: f64) -> (f64, f64) {
        let lambda = wrap(lambda + self.dl);
        if self.trivial {
            return (lambda, phi);
        }
        let cphi = phi.cos();
        let (x, y, z) = (lambda.cos() * cphi, lambda.sin() * cphi, phi.sin());
        let k = z * self.cp + x * self.sp;
        (
            (y * self.cg - k * self.sg).atan2(x * self.cp - z * self.sp),
            super::asin(k * self.cg + y * self.sg),
        )
    }

    /// Undoes [`Rotation::forward`].
    pub fn inverse(&self, lambda: f64, phi: f64) -> (f64, f64) {
        let (lambda, phi) = if self.trivial {
            (lambda, phi)
        } else {
            let cphi = phi.cos();
            let (x, y, z) = (lambda.cos() * cphi, lambda.sin() * cphi, phi.sin());
            let k = z * self.cg - y * self.sg;
            (
                (y * self.cg + z * self.sg).atan2(x * self.cp + k * self.sp),
                super::asin(k * self.cp - x * self.sp),
            )
        };
        (wrap(lambda - self.dl), phi)
    }
}
