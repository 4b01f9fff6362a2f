//! The continuous kernels NumPy's `RandomState` and `Generator` share unchanged
//! (`random_laplace`, `random_gumbel`, `random_logistic`, `random_triangular` of
//! `distributions.c`: `mtrand.pyx` calls them with the legacy bit generator): one uniform
//! per attempt, no normals or exponentials, so the legacy stream is the modern one.

use super::Doubles;
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreFloat;
use crate::math::np::NpMath;

/// `random_laplace`; `U == 0` is redrawn.
pub(crate) fn random_laplace<D: Doubles + ?Sized>(d: &mut D, loc: f64, scale: f64) -> f64 {
    loop {
        let u = d.double();
        if u >= 0.5 {
            return loc - scale * (2.0 - u - u).np_log();
        }
        if u > 0.0 {
            return loc + scale * (u + u).np_log();
        }
    }
}

/// `random_gumbel`; `U == 0` is redrawn.
pub(crate) fn random_gumbel<D: Doubles + ?Sized>(d: &mut D, loc: f64, scale: f64) -> f64 {
    loop {
        let u = 1.0 - d.double();
        if u < 1.0 {
            return loc - scale * (-u.np_log()).np_log();
        }
    }
}

/// `random_logistic`; `U == 0` is redrawn.
pub(crate) fn random_logistic<D: Doubles + ?Sized>(d: &mut D, loc: f64, scale: f64) -> f64 {
    loop {
        let u = d.double();
        if u > 0.0 {
            return loc + scale * (u / (1.0 - u)).np_log();
        }
    }
}

/// `random_triangular`: one uniform, inverse CDF.
pub(crate) fn random_triangular<D: Doubles + ?Sized>(
    d: &mut D,
    left: f64,
    mode: f64,
    right: f64,
) -> f64 {
    let base = right - left;
    let leftbase = mode - left;
    let ratio = leftbase / base;
    let leftprod = leftbase * base;
    let rightprod = (right - mode) * base;
    let u = d.double();
    if u <= ratio {
        left + (u * leftprod).sqrt()
    } else {
        right - ((1.0 - u) * rightprod).sqrt()
    }
}
