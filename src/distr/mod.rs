//! Distribution kernels: NumPy's `distributions.c` and `legacy-distributions.c`, and which
//! of them nprand writes once.
//!
//! NumPy keeps one set of `random_*` kernels for `Generator` and, in
//! `legacy-distributions.c`, frozen `legacy_*` kernels for `RandomState`. Its policy, in
//! `distributions.h`: *"if changing a distribution that is used by RandomState, the
//! original unmodified copy must be retained for use in RandomState"* (`RandomState`'s
//! streams are promised never to change). nprand follows the same split:
//!
//! - **Shared** (here, written once against a [`Doubles`] source, so a `RandomState` call,
//!   its bulk `_into` form and every `Generator` run the same code): binomial (inversion
//!   and BTPE) and Poisson (multiplication and PTRS) in [`discrete`], `loggam`, and
//!   laplace, gumbel, logistic and triangular in [`continuous`] — the routines
//!   `mtrand.pyx` itself calls unchanged. Their checks and drivers are shared too
//!   ([`crate::common`]).
//! - **Frozen legacy copies** (in `legacy/`, as `RandomState::legacy_*`): everything built
//!   on the polar-method gaussian (`legacy_gauss`) or `-log(1 - U)` exponentials, where
//!   `Generator` moved to ziggurat — normal, standard_cauchy, lognormal, wald,
//!   standard_t, the gamma family (standard_gamma, gamma, beta, chisquare, f,
//!   noncentral_chisquare, noncentral_f, dirichlet), exponential, pareto, weibull, power,
//!   rayleigh, negative_binomial — and the routines NumPy later changed in place
//!   (`exp(x) - 1` → `expm1`, `log1p` forms, the `kappa > 1e6` branch of vonmises,
//!   Johnk's tiny-parameter shortcut in beta) or rewrote for `Generator` (geometric,
//!   zipf, logseries, hypergeometric). Where these look like near-copies of
//!   `generator/`'s kernels they are so on purpose: they must not be merged.
//! - **Generator only** (in `generator/`): ziggurat normals/exponentials, Lemire
//!   integers, the float32 kernels, multivariate_hypergeometric.
//!
//! ```
//! // RandomState(3).poisson(40) and its bulk form draw through one kernel.
//! let mut a = nprand::RandomState::new(3);
//! let mut b = a.clone();
//! let mut x = [0i64; 40];
//! b.poisson_into(&mut x, 40.0).unwrap();
//! assert_eq!(a.poisson(40.0).unwrap(), x[0]);
//! ```

pub(crate) mod bits;
pub(crate) mod continuous;
pub(crate) mod discrete;
pub(crate) mod skips;

use crate::bitgen::BitGenerator;
use crate::common::c_long;
use crate::math::np::NpMath;

/// A source of NumPy's 53-bit doubles in `[0, 1)`.
pub(crate) trait Doubles {
    /// The next double (NumPy's `next_double`).
    fn double(&mut self) -> f64;
    /// `out.len()` doubles, as that many [`double`](Self::double) calls (sources with a
    /// bulk fill use it).
    fn fill_doubles(&mut self, out: &mut [f64]) {
        for o in out {
            *o = self.double();
        }
    }
}

impl<B: BitGenerator + ?Sized> Doubles for B {
    #[inline(always)]
    fn double(&mut self) -> f64 {
        self.next_double()
    }
    #[inline]
    fn fill_doubles(&mut self, out: &mut [f64]) {
        self.fill_double(out);
    }
}

/// Coefficients of NumPy's `random_loggam` (a[0] .. a[9]), as NumPy spells them.
#[allow(clippy::excessive_precision)]
const LOGGAM_A: [f64; 10] = [
    8.333333333333333e-02,
    -2.777777777777778e-03,
    7.936507936507937e-04,
    -5.952380952380952e-04,
    8.417508417508418e-04,
    -1.917526917526918e-03,
    6.410256410256410e-03,
    -2.955065359477124e-02,
    1.796443723688307e-01,
    -1.39243221690590e+00,
];

/// NumPy's `random_loggam(x)`: log|Γ(x)| by the Zhang–Jin series (not libm's lgamma),
/// bit for bit. Only `ln` comes from libm.
///
/// For `x < 0` NumPy's downward recurrence passes through `log` of a negative number
/// and returns NaN; for `x <= -58` nprand returns that NaN directly instead of running
/// the (up to 2^63 steps long) recurrence.
pub(crate) fn loggam(x: f64) -> f64 {
    if x == 1.0 || x == 2.0 {
        return 0.0;
    }
    let n: i64 = if x < 7.0 { c_long(7.0 - x) } else { 0 };
    if n > 64 {
        // x <= -58: the recurrence below reaches log(negative) = NaN (and NaN sticks).
        return f64::NAN;
    }
    let mut x0 = x + n as f64;
    let x2 = (1.0 / x0) * (1.0 / x0);
    let mut gl0 = LOGGAM_A[9];
    for k in (0..=8).rev() {
        gl0 *= x2;
        gl0 += LOGGAM_A[k];
    }
    let mut gl = gl0 / x0 + 0.5 * 1.8378770664093453e+00 + (x0 - 0.5) * x0.np_log() - x0;
    if x < 7.0 {
        for _ in 0..n {
            gl -= (x0 - 1.0).np_log();
            x0 -= 1.0;
        }
    }
    gl
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loggam_shortcut_for_very_negative_x() {
        // The shortcut returns what the full recurrence gives (NaN) just past it.
        for x in [-57.5, -58.0, -60.25, -64.0, -1e6, -1e300, f64::NEG_INFINITY] {
            assert!(loggam(x).is_nan(), "{x}");
        }
        assert_eq!(loggam(1.0), 0.0);
        assert_eq!(loggam(2.0), 0.0);
        assert_eq!(loggam(0.0), f64::INFINITY);
    }
}
