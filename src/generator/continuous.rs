//! `Generator`'s other continuous distributions: `uniform`, `normal`, `exponential`,
//! `standard_cauchy`, `vonmises`, `pareto`, `weibull`, `power`, `laplace`, `gumbel`,
//! `logistic`, `lognormal`, `rayleigh`, `wald`, `triangular` (the gamma family is in
//! `gamma.rs`): NumPy's shared `random_*` routines of `distributions.c` (2.4.6), which
//! differ from the legacy ones (ziggurat normals and exponentials, `expm1`, the
//! `kappa > 1e6` branch of vonmises …).
use crate::math::np::{NpMath, NpMathF64};
use crate::prelude::*;
use core::f64::consts::PI;

use super::broadcast::{GBulk, GCons, GKernel, GenSpec};
use super::continuous_bulk::{
    fill_lognormal, fill_pareto, fill_power, fill_rayleigh, fill_weibull,
};
use super::ziggurat::{fill_exponential, fill_normal, standard_exponential, standard_normal};
use super::Generator;
use crate::array::NdArray;
use crate::bitgen::BitGenerator;
use crate::common::{prepare_triangular, triangular_check, ufunc2};
use crate::common::{Num, Param};
use crate::distr::continuous::{
    fill_gumbel, fill_laplace, fill_logistic, fill_uniform, random_gumbel, random_laplace,
    random_logistic, random_triangular,
};
use crate::error::{Error, ErrorKind, Result};

// ---------------------------------------------------------------------------------------
// Kernels: NumPy's routines, without parameter checks, drawing what NumPy draws
// ---------------------------------------------------------------------------------------

/// `random_uniform(low, range)`.
#[inline]
pub(crate) fn uniform<B: BitGenerator + ?Sized>(bg: &mut B, low: f64, range: f64) -> f64 {
    low + range * bg.next_double()
}

/// `random_standard_cauchy`: normal / normal, numerator first.
pub(crate) fn standard_cauchy<B: BitGenerator + ?Sized>(bg: &mut B) -> f64 {
    let n = standard_normal(bg);
    n / standard_normal(bg)
}

/// `random_vonmises`: NaN (no draw) for NaN `kappa`, `π(2U - 1)` below 1e-8 (ignoring
/// `mu`), a wrapped normal above 1e6, otherwise Best–Fisher and a C `fmod` wrap.
pub(crate) fn vonmises<B: BitGenerator + ?Sized>(bg: &mut B, mu: f64, kappa: f64) -> f64 {
    if kappa.is_nan() {
        return f64::NAN;
    }
    if kappa < 1e-8 {
        return PI * (2.0 * bg.next_double() - 1.0);
    }
    let s = if kappa < 1e-5 {
        1.0 / kappa + kappa
    } else if kappa <= 1e6 {
        let r = 1.0 + (1.0 + 4.0 * kappa * kappa).sqrt();
        let rho = (r - (2.0 * r).sqrt()) / (2.0 * kappa);
        (1.0 + rho * rho) / (2.0 * rho)
    } else {
        let mut result = mu + (1.0 / kappa).sqrt() * standard_normal(bg);
        if result < -PI {
            result += 2.0 * PI;
        }
        if result > PI {
            result -= 2.0 * PI;
        }
        return result;
    };
    let w = loop {
        let u = bg.next_double();
        let z = (PI * u).np_cos();
        let w = (1.0 + s * z) / (s + z);
        let y = kappa * (s - w);
        let v = bg.next_double();
        if y * (2.0 - y) - v >= 0.0 || (y / v).np_log() + 1.0 - y >= 0.0 {
            break w;
        }
    };
    let u = bg.next_double();
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

/// `random_pareto`: `expm1(E / a)`.
#[inline]
pub(crate) fn pareto<B: BitGenerator + ?Sized>(bg: &mut B, a: f64) -> f64 {
    (standard_exponential(bg) / a).np_expm1()
}

/// `random_weibull`: 0 without a draw for `a == 0`, else `E^(1/a)`.
#[inline]
pub(crate) fn weibull<B: BitGenerator + ?Sized>(bg: &mut B, a: f64) -> f64 {
    if a == 0.0 {
        return 0.0;
    }
    standard_exponential(bg).np_pow(1.0 / a)
}

/// `random_power`: `(-expm1(-E))^(1/a)`.
#[inline]
pub(crate) fn power<B: BitGenerator + ?Sized>(bg: &mut B, a: f64) -> f64 {
    (-(-standard_exponential(bg)).np_expm1()).np_pow(1.0 / a)
}

/// `random_lognormal`: `exp(mean + sigma * normal)`.
#[inline]
pub(crate) fn lognormal<B: BitGenerator + ?Sized>(bg: &mut B, mean: f64, sigma: f64) -> f64 {
    (mean + sigma * standard_normal(bg)).np_exp()
}

/// `random_rayleigh`: `scale * sqrt(2 E)`.
#[inline]
pub(crate) fn rayleigh<B: BitGenerator + ?Sized>(bg: &mut B, scale: f64) -> f64 {
    scale * (2.0 * standard_exponential(bg)).sqrt()
}

/// `random_wald`: a normal, then a uniform.
pub(crate) fn wald<B: BitGenerator + ?Sized>(bg: &mut B, mean: f64, scale: f64) -> f64 {
    let y = standard_normal(bg);
    let y = mean * y * y;
    let d = 1.0 + (1.0 + 4.0 * scale / y).sqrt();
    let x = mean * (1.0 - 2.0 / d);
    let u = bg.next_double();
    if u <= mean / (mean + x) {
        x
    } else {
        mean * mean / x
    }
}

// ---------------------------------------------------------------------------------------
// Typed methods
// ---------------------------------------------------------------------------------------

numpy_methods! {
    impl[B: BitGenerator] Generator<B>, kernels on dyn BitGenerator, table DECLARED_SPECS;
    /// `rng.vonmises(mu, kappa)`: in [-π, π].
    ///
    /// ```
    /// // np.random.default_rng(0).vonmises(0.5, 4.0)
    /// let x = nprand::generator::default_rng(0).vonmises(0.5, 4.0).unwrap();
    /// assert!(x.abs() <= std::f64::consts::PI);
    /// ```
    fn vonmises;
    /// `rng.vonmises(mu, kappa, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).vonmises_into(&mut x, 0.5, 4.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).vonmises(0.5, 4.0).unwrap());
    /// ```
    fn vonmises_into;
    (mu: None, kappa: NonNegative) -> f64 => vonmises;

    /// `rng.pareto(a)`: `expm1(E / a)`.
    ///
    /// ```
    /// // np.random.default_rng(0).pareto(3)
    /// let x = nprand::generator::default_rng(0).pareto(3.0).unwrap();
    /// assert_eq!(x, nprand::math::expm1(nprand::generator::default_rng(0).standard_exponential() / 3.0));
    /// ```
    fn pareto;
    /// `rng.pareto(a, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).pareto_into(&mut x, 3.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).pareto(3.0).unwrap());
    /// ```
    fn pareto_into;
    (a: Positive) -> f64 => pareto, bulk fill_pareto;

    /// `rng.weibull(a)`.
    ///
    /// ```
    /// // np.random.default_rng(0).weibull(1.5)
    /// assert!(nprand::generator::default_rng(0).weibull(1.5).unwrap() >= 0.0);
    /// ```
    fn weibull;
    /// `rng.weibull(a, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).weibull_into(&mut x, 1.5).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).weibull(1.5).unwrap());
    /// ```
    fn weibull_into;
    (a: NonNegative) -> f64 => weibull, bulk fill_weibull;

    /// `rng.power(a)`.
    ///
    /// ```
    /// // np.random.default_rng(0).power(2)
    /// assert!((0.0..=1.0).contains(&nprand::generator::default_rng(0).power(2.0).unwrap()));
    /// ```
    fn power;
    /// `rng.power(a, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).power_into(&mut x, 2.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).power(2.0).unwrap());
    /// ```
    fn power_into;
    (a: Positive) -> f64 => power, bulk fill_power;

    /// `rng.laplace(loc, scale)`.
    ///
    /// ```
    /// // np.random.default_rng(0).laplace(1, 2)
    /// assert!(nprand::generator::default_rng(0).laplace(1.0, 2.0).unwrap().is_finite());
    /// ```
    fn laplace;
    /// `rng.laplace(loc, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).laplace_into(&mut x, 1.0, 2.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).laplace(1.0, 2.0).unwrap());
    /// ```
    fn laplace_into;
    (loc: None = 0.0, scale: NonNegative = 1.0) -> f64 => random_laplace, bulk fill_laplace;

    /// `rng.gumbel(loc, scale)`.
    ///
    /// ```
    /// // np.random.default_rng(0).gumbel(1, 2)
    /// assert!(nprand::generator::default_rng(0).gumbel(1.0, 2.0).unwrap().is_finite());
    /// ```
    fn gumbel;
    /// `rng.gumbel(loc, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).gumbel_into(&mut x, 1.0, 2.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).gumbel(1.0, 2.0).unwrap());
    /// ```
    fn gumbel_into;
    (loc: None = 0.0, scale: NonNegative = 1.0) -> f64 => random_gumbel, bulk fill_gumbel;

    /// `rng.logistic(loc, scale)`.
    ///
    /// ```
    /// // np.random.default_rng(0).logistic(1, 2)
    /// assert!(nprand::generator::default_rng(0).logistic(1.0, 2.0).unwrap().is_finite());
    /// ```
    fn logistic;
    /// `rng.logistic(loc, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).logistic_into(&mut x, 1.0, 2.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).logistic(1.0, 2.0).unwrap());
    /// ```
    fn logistic_into;
    (loc: None = 0.0, scale: NonNegative = 1.0) -> f64 => random_logistic, bulk fill_logistic;

    /// `rng.lognormal(mean, sigma)`.
    ///
    /// ```
    /// // np.random.default_rng(0).lognormal(0, 1)
    /// let x = nprand::generator::default_rng(0).lognormal(0.0, 1.0).unwrap();
    /// assert_eq!(x, nprand::math::exp(nprand::generator::default_rng(0).standard_normal()));
    /// ```
    fn lognormal;
    /// `rng.lognormal(mean, sigma, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).lognormal_into(&mut x, 0.0, 1.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).lognormal(0.0, 1.0).unwrap());
    /// ```
    fn lognormal_into;
    (mean: None = 0.0, sigma: NonNegative = 1.0) -> f64 => lognormal, bulk fill_lognormal;

    /// `rng.rayleigh(scale)`: `scale * sqrt(2 E)`.
    ///
    /// ```
    /// // np.random.default_rng(0).rayleigh(2)
    /// let x = nprand::generator::default_rng(0).rayleigh(2.0).unwrap();
    /// assert_eq!(x, 2.0 * (2.0 * nprand::generator::default_rng(0).standard_exponential()).sqrt());
    /// ```
    fn rayleigh;
    /// `rng.rayleigh(scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).rayleigh_into(&mut x, 2.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).rayleigh(2.0).unwrap());
    /// ```
    fn rayleigh_into;
    (scale: NonNegative = 1.0) -> f64 => rayleigh, bulk fill_rayleigh;

    /// `rng.wald(mean, scale)`.
    ///
    /// ```
    /// // np.random.default_rng(0).wald(1, 2)
    /// assert!(nprand::generator::default_rng(0).wald(1.0, 2.0).unwrap() > 0.0);
    /// assert_eq!(nprand::generator::default_rng(0).wald(0.0, 1.0).unwrap_err().message(), "mean <= 0");
    /// ```
    fn wald;
    /// `rng.wald(mean, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).wald_into(&mut x, 1.0, 2.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).wald(1.0, 2.0).unwrap());
    /// ```
    fn wald_into;
    (mean: Positive, scale: Positive) -> f64 => wald;
}

/// uniform's scalar checks: a finite `high - low` (OverflowError), then
/// `high - low < 0`.
fn uniform_range(low: f64, high: f64) -> Result<f64> {
    let range = high - low;
    if !range.is_finite() {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "high - low range exceeds valid bounds",
        ));
    }
    GCons::NonNegative.check_scalar(range, "high - low")?;
    Ok(range)
}

impl<B: BitGenerator> Generator<B> {
    /// `rng.uniform(low, high)`: `low + (high - low) * random()`. Unlike `RandomState`,
    /// `low > high` is an error (`ValueError: high - low < 0`); a non-finite range is
    /// `OverflowError: high - low range exceeds valid bounds`.
    ///
    /// ```
    /// // np.random.default_rng(0).uniform(-1, 1)
    /// let x = nprand::generator::default_rng(0).uniform(-1.0, 1.0).unwrap();
    /// assert_eq!(x, -1.0 + 2.0 * nprand::generator::default_rng(0).random());
    /// let e = nprand::generator::default_rng(0).uniform(1.0, 0.0).unwrap_err();
    /// assert_eq!(e.message(), "high - low < 0");
    /// ```
    pub fn uniform(&mut self, low: f64, high: f64) -> Result<f64> {
        let range = uniform_range(low, high)?;
        Ok(uniform(&mut self.bg, low, range))
    }

    /// `rng.uniform(low, high, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 3];
    /// nprand::generator::default_rng(0).uniform_into(&mut x, 2.0, 3.0).unwrap();
    /// assert!(x.iter().all(|v| (2.0..3.0).contains(v)));
    /// ```
    pub fn uniform_into(&mut self, out: &mut [f64], low: f64, high: f64) -> Result<()> {
        let range = uniform_range(low, high)?;
        fill_uniform(&mut self.bg, out, low, range)
    }

    /// `rng.standard_cauchy()`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_cauchy()
    /// assert!(!nprand::generator::default_rng(0).standard_cauchy().is_nan());
    /// ```
    pub fn standard_cauchy(&mut self) -> f64 {
        standard_cauchy(&mut self.bg)
    }

    /// `rng.standard_cauchy(size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).standard_cauchy_into(&mut x);
    /// assert_eq!(x[0], nprand::generator::default_rng(0).standard_cauchy());
    /// ```
    pub fn standard_cauchy_into(&mut self, out: &mut [f64]) {
        for o in out {
            *o = standard_cauchy(&mut self.bg);
        }
    }

    /// `rng.triangular(left, mode, right)`; NumPy's `left > mode`, `mode > right`,
    /// `left == right`.
    ///
    /// ```
    /// // np.random.default_rng(0).triangular(0, 1, 3)
    /// let x = nprand::generator::default_rng(0).triangular(0.0, 1.0, 3.0).unwrap();
    /// assert!((0.0..=3.0).contains(&x));
    /// assert_eq!(nprand::generator::default_rng(0).triangular(1.0, 0.0, 2.0).unwrap_err().message(),
    ///            "left > mode");
    /// ```
    pub fn triangular(&mut self, left: f64, mode: f64, right: f64) -> Result<f64> {
        triangular_check(left, mode, right)?;
        Ok(random_triangular(&mut self.bg, left, mode, right))
    }

    /// `rng.triangular(left, mode, right, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).triangular_into(&mut x, 0.0, 1.0, 3.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).triangular(0.0, 1.0, 3.0).unwrap());
    /// ```
    pub fn triangular_into(
        &mut self,
        out: &mut [f64],
        left: f64,
        mode: f64,
        right: f64,
    ) -> Result<()> {
        triangular_check(left, mode, right)?;
        for o in out {
            *o = random_triangular(&mut self.bg, left, mode, right);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// The broadcast table
// ---------------------------------------------------------------------------------------

/// uniform: `np.subtract(high, low)` (ufunc broadcasting), finite check, then the range
/// replaces `high` and is checked as `high - low` (NON_NEGATIVE).
fn prepare_uniform(p: &mut [NdArray<Num>], scalar: bool) -> Result<()> {
    if scalar {
        let range = p[1].data[0].f() - p[0].data[0].f();
        if !range.is_finite() {
            return Err(Error::new(
                ErrorKind::OverflowError,
                "high - low range exceeds valid bounds",
            ));
        }
        GCons::NonNegative.check_scalar(range, "high - low")?;
        p[1] = NdArray::scalar(Num::F(range));
        return Ok(());
    }
    let range = ufunc2(&p[1], &p[0], |h, l| Num::F(h.f() - l.f()))?;
    if range.data.iter().any(|r| !r.f().is_finite()) {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "Range exceeds valid bounds",
        ));
    }
    let vals: Vec<f64> = range.data.iter().map(|r| r.f()).collect();
    GCons::NonNegative.check_array(&vals, "high - low")?;
    p[1] = range;
    Ok(())
}

macro_rules! k {
    (|$bg:ident, $p:ident| $e:expr) => {
        GKernel::F64(|$bg: &mut dyn BitGenerator, $p: &[Num]| $e)
    };
}

pub(crate) const SPECS: &[GenSpec] = &[
    GenSpec {
        name: "uniform",
        params: &[
            Param::fd("low", 0.0, GCons::None),
            Param::fd("high", 1.0, GCons::None),
        ],
        internal_order: &[],
        prepare: Some(prepare_uniform),
        kernel: k!(|bg, p| uniform(bg, p[0].f(), p[1].f())),
        // p[1] is the range `high - low` (see `prepare_uniform`).
        bulk: GBulk::F64(|bg, out, p| fill_uniform(bg, out, p[0].f(), p[1].f())),
    },
    GenSpec {
        name: "normal",
        params: &[
            Param::fd("loc", 0.0, GCons::None),
            Param::fd("scale", 1.0, GCons::NonNegative),
        ],
        internal_order: &[],
        prepare: None,
        kernel: k!(|bg, p| p[0].f() + p[1].f() * standard_normal(bg)),
        bulk: GBulk::F64(|bg, out, p| fill_normal(bg, out, p[0].f(), p[1].f())),
    },
    GenSpec {
        name: "exponential",
        params: &[Param::fd("scale", 1.0, GCons::NonNegative)],
        internal_order: &[],
        prepare: None,
        kernel: k!(|bg, p| p[0].f() * standard_exponential(bg)),
        bulk: GBulk::F64(|bg, out, p| fill_exponential(bg, out, p[0].f())),
    },
    GenSpec {
        name: "standard_cauchy",
        params: &[],
        internal_order: &[],
        prepare: None,
        kernel: k!(|bg, _p| standard_cauchy(bg)),
        // Two ziggurat normals and a division: the bulk normals gain nothing measurable.
        bulk: GBulk::None,
    },
    GenSpec {
        name: "triangular",
        params: &[
            Param::f("left", GCons::None),
            Param::f("mode", GCons::None),
            Param::f("right", GCons::None),
        ],
        internal_order: &[],
        prepare: Some(prepare_triangular),
        kernel: k!(|bg, p| random_triangular(bg, p[0].f(), p[1].f(), p[2].f())),
        bulk: GBulk::None,
    },
];
