//! The other continuous distributions: standard_cauchy, pareto, weibull, power,
//! lognormal, rayleigh, wald, vonmises (NumPy's `legacy_*` routines) and laplace,
//! gumbel, logistic, triangular (the shared `random_*` routines RandomState calls).

// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreFloat;
use crate::math::np::{NpMath, NpMathF64};
use core::f64::consts::PI;

use super::broadcast::{Bulk, Cons, DistSpec, Kernel, Num, ParamSpec};
use super::RandomState;
use crate::array::NdArray;
use crate::common::{prepare_triangular, triangular_check};
use crate::distr::continuous::{
    fill_gumbel, fill_laplace, fill_logistic, random_gumbel, random_laplace, random_logistic,
    random_triangular,
};
use crate::error::{Error, Result};

/// The kernels: NumPy's routines without parameter checks, consuming exactly NumPy's
/// draws in NumPy's order.
impl RandomState {
    /// NumPy's `legacy_standard_cauchy`: `gauss / gauss`, numerator drawn first.
    #[inline]
    pub(crate) fn legacy_standard_cauchy(&mut self) -> f64 {
        let num = self.gauss();
        num / self.gauss()
    }

    /// NumPy's `legacy_pareto`: `exp(E / a) - 1` (not expm1).
    #[inline]
    pub(crate) fn legacy_pareto(&mut self, a: f64) -> f64 {
        (self.legacy_standard_exponential() / a).np_exp() - 1.0
    }

    /// NumPy's `legacy_weibull`: 0.0 without a draw for `a == 0`, else `pow(E, 1 / a)`.
    #[inline]
    pub(crate) fn legacy_weibull(&mut self, a: f64) -> f64 {
        if a == 0.0 {
            return 0.0;
        }
        self.legacy_standard_exponential().np_pow(1.0 / a)
    }

    /// NumPy's `legacy_power`: `pow(1 - exp(-E), 1 / a)` (not expm1).
    #[inline]
    pub(crate) fn legacy_power(&mut self, a: f64) -> f64 {
        (1.0 - (-self.legacy_standard_exponential()).np_exp()).np_pow(1.0 / a)
    }

    /// NumPy's `legacy_lognormal`: `exp(mean + sigma * gauss)`.
    #[inline]
    pub(crate) fn legacy_lognormal(&mut self, mean: f64, sigma: f64) -> f64 {
        (mean + sigma * self.gauss()).np_exp()
    }

    /// NumPy's `legacy_rayleigh`: `scale * sqrt(-2 * log1p(-U))`.
    #[inline]
    pub(crate) fn legacy_rayleigh(&mut self, scale: f64) -> f64 {
        scale * (-2.0 * (-self.next_double()).np_log1p()).sqrt()
    }

    /// NumPy's `legacy_wald`: one gaussian, then one uniform.
    pub(crate) fn legacy_wald(&mut self, mean: f64, scale: f64) -> f64 {
        let mu_2l = mean / (2.0 * scale);
        let y = self.gauss();
        let y = mean * y * y;
        let x = mean + mu_2l * (y - (4.0 * scale * y + y * y).sqrt());
        let u = self.next_double();
        if u <= mean / (mean + x) {
            x
        } else {
            mean * mean / x
        }
    }

    /// NumPy's `legacy_vonmises`: NaN without a draw for a NaN `kappa`; `π(2U - 1)`
    /// (ignoring `mu`) for `kappa < 1e-8`; otherwise Best–Fisher rejection and a C
    /// `fmod` wrap into [-π, π].
    ///
    /// Where NumPy loops forever (see [`vonmises_never_terminates`]) this returns NaN
    /// without a draw; the public methods reject such a `kappa` beforehand.
    pub(crate) fn legacy_vonmises(&mut self, mu: f64, kappa: f64) -> f64 {
        if kappa.is_nan() {
            return f64::NAN;
        }
        if kappa < 1e-8 {
            return PI * (2.0 * self.next_double() - 1.0);
        }
        let s = vonmises_s(kappa);
        if !(s > 1.0) {
            return f64::NAN;
        }
        let w = loop {
            let u = self.next_double();
            let z = (PI * u).np_cos();
            let w = (1.0 + s * z) / (s + z);
            let y = kappa * (s - w);
            let v = self.next_double();
            if y * (2.0 - y) - v >= 0.0 || (y / v).np_log() + 1.0 - y >= 0.0 {
                break w;
            }
        };
        let u = self.next_double();
        let mut result = w.np_acos();
        if u < 0.5 {
            result = -result;
        }
        result += mu;
        let neg = result < 0.0;
        let mut m = (result.abs() + PI) % (2.0 * PI) - PI;
        if neg {
            m *= -1.0;
        }
        m
    }
}

/// The `s` of legacy vonmises' setup for `kappa >= 1e-8`.
fn vonmises_s(kappa: f64) -> f64 {
    if kappa < 1e-5 {
        1.0 / kappa + kappa
    } else {
        let r = 1.0 + (1.0 + 4.0 * kappa * kappa).sqrt();
        let rho = (r - (2.0 * r).sqrt()) / (2.0 * kappa);
        (1.0 + rho * rho) / (2.0 * rho)
    }
}

/// Whether NumPy's legacy vonmises never returns for this `kappa`: from about 1e16
/// the setup rounds to `s == 1` (or NaN once `4κ²` overflows, e.g. for `inf`), so every
/// attempt has `Y == 0` (or NaN) and is rejected (NumPy's loop then only accepts on an
/// exact `V == 0`, probability 2⁻⁵³ per attempt). Below that, whenever `s > 1` the
/// acceptance rate stays above 5 %.
pub(crate) fn vonmises_never_terminates(kappa: f64) -> bool {
    kappa >= 1e-8 && !(vonmises_s(kappa) > 1.0)
}

/// NumPy's checks for vonmises' `kappa` (`kappa < 0`), then nprand's own refusal of a
/// `kappa` for which NumPy would hang.
fn check_kappa(kappa: f64) -> Result<()> {
    Cons::NonNegative.check_scalar(kappa, "kappa")?;
    if vonmises_never_terminates(kappa) {
        return Err(kappa_too_large());
    }
    Ok(())
}

fn kappa_too_large() -> Error {
    Error::value(
        "kappa too large: NumPy's legacy vonmises loops forever for this kappa \
         (about kappa >= 1e16); nprand refuses it",
    )
}

/// vonmises: refuse, before any draw, a `kappa` for which NumPy would hang. A negative
/// `kappa` is left to the constraint check that follows (NumPy's `kappa < 0`).
fn validate_vonmises(p: &mut [NdArray<Num>], _scalar: bool) -> Result<()> {
    let kappa = || p[1].data.iter().map(|k| k.f());
    if kappa().any(|k| !k.is_nan() && k.is_sign_negative()) {
        return Ok(());
    }
    if kappa().any(vonmises_never_terminates) {
        return Err(kappa_too_large());
    }
    Ok(())
}

/// Fill `out` with `f`, after the checks passed.
#[inline]
fn fill(rs: &mut RandomState, out: &mut [f64], mut f: impl FnMut(&mut RandomState) -> f64) {
    for o in out {
        *o = f(rs);
    }
}

/// The public methods: NumPy's parameter checks, then the kernels.
impl RandomState {
    /// `rs.standard_cauchy()`: the ratio of two gaussians.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.standard_cauchy(); // rs.standard_cauchy()
    /// assert!(!x.is_nan());
    /// ```
    #[inline]
    pub fn standard_cauchy(&mut self) -> f64 {
        self.legacy_standard_cauchy()
    }

    /// `rs.standard_cauchy(size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 5];
    /// nprand::RandomState::new(0).standard_cauchy_into(&mut x); // rs.standard_cauchy(5)
    /// assert!(x.iter().all(|v| !v.is_nan()));
    /// ```
    pub fn standard_cauchy_into(&mut self, out: &mut [f64]) {
        self.fill_standard_cauchy(out);
    }

    /// `rs.vonmises(mu, kappa)`: an angle in [-π, π]; `kappa < 0` is an error. NumPy
    /// loops forever for `kappa` from about 1e16 (and for inf: the setup rounds to a
    /// degenerate envelope); nprand returns a `ValueError` there instead, before any draw.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.vonmises(0.5, 4.0).unwrap(); // rs.vonmises(0.5, 4)
    /// assert!(x.abs() <= std::f64::consts::PI);
    /// assert_eq!(rs.vonmises(0.0, -1.0).unwrap_err().message(), "kappa < 0");
    /// assert!(rs.vonmises(0.0, f64::INFINITY).is_err()); // NumPy hangs
    /// ```
    pub fn vonmises(&mut self, mu: f64, kappa: f64) -> Result<f64> {
        check_kappa(kappa)?;
        Ok(self.legacy_vonmises(mu, kappa))
    }

    /// `rs.vonmises(mu, kappa, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).vonmises_into(&mut x, 0.0, 1e-9).unwrap(); // rs.vonmises(0, 1e-9, 4)
    /// assert!(x.iter().all(|v| v.abs() <= std::f64::consts::PI));
    /// ```
    pub fn vonmises_into(&mut self, out: &mut [f64], mu: f64, kappa: f64) -> Result<()> {
        check_kappa(kappa)?;
        fill(self, out, |rs| rs.legacy_vonmises(mu, kappa));
        Ok(())
    }

    /// `rs.triangular(left, mode, right)`; the errors are `left > mode`, `mode > right`
    /// and `left == right`, checked in that order (NaN passes all three).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.triangular(-3.0, 0.0, 8.0).unwrap(); // rs.triangular(-3, 0, 8)
    /// assert!((-3.0..=8.0).contains(&x));
    /// assert_eq!(rs.triangular(1.0, 0.0, 8.0).unwrap_err().message(), "left > mode");
    /// assert_eq!(rs.triangular(1.0, 1.0, 1.0).unwrap_err().message(), "left == right");
    /// ```
    pub fn triangular(&mut self, left: f64, mode: f64, right: f64) -> Result<f64> {
        triangular_check(left, mode, right)?;
        Ok(random_triangular(self, left, mode, right))
    }

    /// `rs.triangular(left, mode, right, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).triangular_into(&mut x, 0.0, 1.0, 1.0).unwrap(); // rs.triangular(0, 1, 1, 4)
    /// assert!(x.iter().all(|v| (0.0..=1.0).contains(v)));
    /// ```
    pub fn triangular_into(
        &mut self,
        out: &mut [f64],
        left: f64,
        mode: f64,
        right: f64,
    ) -> Result<()> {
        triangular_check(left, mode, right)?;
        fill(self, out, |rs| random_triangular(rs, left, mode, right));
        Ok(())
    }
}

numpy_methods! {
    impl[] RandomState, kernels on RandomState, table DECLARED_SPECS;
    /// `rs.pareto(a)` (Lomax): `exp(E / a) - 1`; `a <= 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.pareto(3.0).unwrap(); // rs.pareto(3)
    /// assert!(x >= 0.0);
    /// assert_eq!(rs.pareto(0.0).unwrap_err().message(), "a <= 0");
    /// ```
    fn pareto;
    /// `rs.pareto(a, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).pareto_into(&mut x, 3.0).unwrap(); // rs.pareto(3, 4)
    /// assert!(x.iter().all(|&v| v >= 0.0));
    /// ```
    fn pareto_into;
    (a: Positive) -> f64 => RandomState::legacy_pareto, bulk RandomState::fill_pareto;

    /// `rs.weibull(a)`: `pow(E, 1 / a)`; `a == 0` gives 0.0 without a draw; `a < 0` is
    /// an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.weibull(5.0).unwrap(); // rs.weibull(5)
    /// assert!(x >= 0.0);
    /// assert_eq!(rs.weibull(-1.0).unwrap_err().message(), "a < 0");
    /// ```
    fn weibull;
    /// `rs.weibull(a, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).weibull_into(&mut x, 1.5).unwrap(); // rs.weibull(1.5, 4)
    /// assert!(x.iter().all(|&v| v >= 0.0));
    /// ```
    fn weibull_into;
    (a: NonNegative) -> f64 => RandomState::legacy_weibull, bulk RandomState::fill_weibull;

    /// `rs.power(a)`: `pow(1 - exp(-E), 1 / a)` in [0, 1]; `a <= 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.power(5.0).unwrap(); // rs.power(5)
    /// assert!((0.0..=1.0).contains(&x));
    /// assert_eq!(rs.power(0.0).unwrap_err().message(), "a <= 0");
    /// ```
    fn power;
    /// `rs.power(a, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).power_into(&mut x, 0.5).unwrap(); // rs.power(0.5, 4)
    /// assert!(x.iter().all(|v| (0.0..=1.0).contains(v)));
    /// ```
    fn power_into;
    (a: Positive) -> f64 => RandomState::legacy_power, bulk RandomState::fill_power;

    /// `rs.lognormal(mean, sigma)` (NumPy's defaults 0.0 and 1.0): `exp(mean + sigma * G)`;
    /// `sigma < 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.lognormal(3.0, 1.0).unwrap(); // rs.lognormal(3, 1)
    /// assert!(x > 0.0);
    /// assert_eq!(rs.lognormal(0.0, -1.0).unwrap_err().message(), "sigma < 0");
    /// ```
    fn lognormal;
    /// `rs.lognormal(mean, sigma, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).lognormal_into(&mut x, 0.0, 1.0).unwrap(); // rs.lognormal(size=4)
    /// assert!(x.iter().all(|&v| v > 0.0));
    /// ```
    fn lognormal_into;
    (mean: None = 0.0, sigma: NonNegative = 1.0) -> f64 => RandomState::legacy_lognormal, bulk RandomState::fill_lognormal;

    /// `rs.rayleigh(scale)` (NumPy's default 1.0): `scale * sqrt(-2 log1p(-U))`;
    /// `scale < 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.rayleigh(3.0).unwrap(); // rs.rayleigh(3)
    /// assert!(x >= 0.0);
    /// assert_eq!(rs.rayleigh(-3.0).unwrap_err().message(), "scale < 0");
    /// ```
    fn rayleigh;
    /// `rs.rayleigh(scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).rayleigh_into(&mut x, 1.0).unwrap(); // rs.rayleigh(size=4)
    /// assert!(x.iter().all(|&v| v >= 0.0));
    /// ```
    fn rayleigh_into;
    (scale: NonNegative = 1.0) -> f64 => RandomState::legacy_rayleigh;

    /// `rs.wald(mean, scale)` (inverse Gaussian); `mean <= 0` / `scale <= 0` are errors.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.wald(3.0, 2.0).unwrap(); // rs.wald(3, 2)
    /// assert!(x > 0.0);
    /// assert_eq!(rs.wald(0.0, 2.0).unwrap_err().message(), "mean <= 0");
    /// ```
    fn wald;
    /// `rs.wald(mean, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).wald_into(&mut x, 1.0, 0.5).unwrap(); // rs.wald(1, 0.5, 4)
    /// assert!(x.iter().all(|&v| v > 0.0));
    /// ```
    fn wald_into;
    (mean: Positive, scale: Positive) -> f64 => RandomState::legacy_wald;

    /// `rs.laplace(loc, scale)` (NumPy's defaults 0.0 and 1.0); `scale < 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.laplace(0.0, 1.0).unwrap(); // rs.laplace()
    /// assert!(x.is_finite());
    /// assert_eq!(rs.laplace(0.0, -1.0).unwrap_err().message(), "scale < 0");
    /// ```
    fn laplace;
    /// `rs.laplace(loc, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).laplace_into(&mut x, 1.0, 2.0).unwrap(); // rs.laplace(1, 2, 4)
    /// assert!(x.iter().all(|v| v.is_finite()));
    /// ```
    fn laplace_into;
    (loc: None = 0.0, scale: NonNegative = 1.0) -> f64 => random_laplace, bulk fill_laplace;

    /// `rs.gumbel(loc, scale)` (NumPy's defaults 0.0 and 1.0); `scale < 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.gumbel(0.0, 1.0).unwrap(); // rs.gumbel()
    /// assert!(x.is_finite());
    /// assert_eq!(rs.gumbel(0.0, -1.0).unwrap_err().message(), "scale < 0");
    /// ```
    fn gumbel;
    /// `rs.gumbel(loc, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).gumbel_into(&mut x, 0.5, 0.1).unwrap(); // rs.gumbel(0.5, 0.1, 4)
    /// assert!(x.iter().all(|v| v.is_finite()));
    /// ```
    fn gumbel_into;
    (loc: None = 0.0, scale: NonNegative = 1.0) -> f64 => random_gumbel, bulk fill_gumbel;

    /// `rs.logistic(loc, scale)` (NumPy's defaults 0.0 and 1.0); `scale < 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.logistic(10.0, 1.0).unwrap(); // rs.logistic(10, 1)
    /// assert!(x.is_finite());
    /// assert_eq!(rs.logistic(0.0, -1.0).unwrap_err().message(), "scale < 0");
    /// ```
    fn logistic;
    /// `rs.logistic(loc, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).logistic_into(&mut x, 0.0, 1.0).unwrap(); // rs.logistic(size=4)
    /// assert!(x.iter().all(|v| v.is_finite()));
    /// ```
    fn logistic_into;
    (loc: None = 0.0, scale: NonNegative = 1.0) -> f64 => random_logistic, bulk fill_logistic;
}

pub(crate) const SPECS: &[DistSpec] = &[
    DistSpec {
        name: "standard_cauchy",
        params: &[],
        internal_order: &[],
        prepare: None,
        kernel: Kernel::F64(|rs, _| rs.legacy_standard_cauchy()),
        bulk: Bulk::F64(|rs, out, _| {
            rs.fill_standard_cauchy(out);
            Ok(())
        }),
    },
    DistSpec {
        name: "vonmises",
        params: &[
            ParamSpec::f("mu", Cons::None),
            ParamSpec::f("kappa", Cons::NonNegative),
        ],
        internal_order: &[],
        prepare: Some(validate_vonmises),
        kernel: Kernel::F64(|rs, p: &[Num]| rs.legacy_vonmises(p[0].f(), p[1].f())),
        bulk: Bulk::None,
    },
    DistSpec {
        name: "triangular",
        params: &[
            ParamSpec::f("left", Cons::None),
            ParamSpec::f("mode", Cons::None),
            ParamSpec::f("right", Cons::None),
        ],
        internal_order: &[],
        prepare: Some(prepare_triangular),
        kernel: Kernel::F64(|rs, p: &[Num]| random_triangular(rs, p[0].f(), p[1].f(), p[2].f())),
        bulk: Bulk::None,
    },
];

#[cfg(test)]
#[path = "continuous_tests.rs"]
mod tests;
