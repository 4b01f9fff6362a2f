//! `Generator`'s discrete distributions: `binomial` (inversion and BTPE), `poisson`
//! (multiplication and PTRS), `negative_binomial`, `geometric`, `zipf`, `logseries`,
//! and `multinomial` (`hypergeometric` and `multivariate_hypergeometric` are in
//! `hypergeometric.rs`).
//!
//! Binomial and Poisson run the kernels shared with the legacy `RandomState`
//! ([`crate::distr::discrete`]).

use super::broadcast::{GBulk, GCons, GKernel, GenSpec, POISSON_LAM_MAX};
use super::ziggurat::standard_exponential;
use super::ziggurat_tables::LOGFACT;
use super::Generator;
use crate::array::NdArray;
use crate::bitgen::BitGenerator;
use crate::common::ufunc2;
use crate::common::{c_long, Num, Param};
use crate::distr::discrete::{
    fill_binomial, fill_poisson, random_binomial, random_poisson, BinomialPlan,
};
use crate::error::{Error, Result};
use crate::math::np::{NpMath, NpMathF64};
use crate::prelude::*;

// ---------------------------------------------------------------------------------------
// Kernels
// ---------------------------------------------------------------------------------------

/// NumPy's `logfactorial`: the table below 126, Stirling's series above.
pub(crate) fn logfactorial(k: i64) -> f64 {
    if (0..126).contains(&k) {
        return LOGFACT[k as usize];
    }
    let kf = k as f64;
    let halfln2pi = 0.9189385332046728;
    (kf + 0.5) * kf.np_log() - kf
        + (halfln2pi + (1.0 / kf) * (1.0 / 12.0 - 1.0 / (360.0 * kf * kf)))
}

/// `random_poisson`: PTRS for `lam >= 10`, 0 without a draw for `lam == 0`, else
/// multiplication of uniforms (the shared kernel, [`crate::distr::discrete`]).
#[inline]
pub(crate) fn poisson<B: BitGenerator + ?Sized>(bg: &mut B, lam: f64) -> i64 {
    random_poisson(bg, lam)
}

/// `random_binomial(p, n)`: 0 without a draw for `n == 0` or `p == 0`; inversion when
/// `min(p, 1-p) * n <= 30`, else BTPE; `p > 0.5` draws for `1 - p` and returns `n - x`
/// (the shared kernel, [`crate::distr::discrete`]).
#[inline]
pub(crate) fn binomial<B: BitGenerator + ?Sized>(bg: &mut B, p: f64, n: i64) -> i64 {
    random_binomial(bg, p, n)
}

/// `random_negative_binomial`: `poisson(gamma(n, (1 - p) / p))`.
pub(crate) fn negative_binomial<B: BitGenerator + ?Sized>(bg: &mut B, n: f64, p: f64) -> i64 {
    let y = super::gamma::gamma(bg, n, (1.0 - p) / p);
    poisson(bg, y)
}

/// `random_geometric`: search for `p >= 1/3`, else `ceil(-E / log1p(-p))` with a
/// ziggurat exponential (capped at int64 max).
pub(crate) fn geometric<B: BitGenerator + ?Sized>(bg: &mut B, p: f64) -> i64 {
    if p >= 0.333_333_333_333_333_3 {
        let mut x = 1i64;
        let mut sum = p;
        let mut prod = p;
        let q = 1.0 - p;
        let u = bg.next_double();
        while u > sum {
            prod *= q;
            sum += prod;
            x += 1;
        }
        return x;
    }
    let z = (-standard_exponential(bg) / (-p).np_log1p()).ceil();
    if z >= 9.223372036854776e+18 {
        return i64::MAX;
    }
    c_long(z)
}

/// `random_zipf`: 1 without a draw for `a >= 1025`; rejection with `U` in `(Umin, 1]`.
pub(crate) fn zipf<B: BitGenerator + ?Sized>(bg: &mut B, a: f64) -> i64 {
    if a >= 1025.0 {
        return 1;
    }
    let am1 = a - 1.0;
    let b = 2f64.np_pow(am1);
    let umin = (i64::MAX as f64).np_pow(-am1);
    loop {
        let u01 = bg.next_double();
        let u = u01 * umin + (1.0 - u01);
        let v = bg.next_double();
        let x = u.np_pow(-1.0 / am1).floor();
        if x > i64::MAX as f64 || x < 1.0 {
            continue;
        }
        let t = (1.0 + 1.0 / x).np_pow(am1);
        if v * x * (t - 1.0) / (b - 1.0) <= t / b {
            return c_long(x);
        }
    }
}

/// `random_logseries`.
pub(crate) fn logseries<B: BitGenerator + ?Sized>(bg: &mut B, p: f64) -> i64 {
    let r = (-p).np_log1p();
    loop {
        let v = bg.next_double();
        if v >= p {
            return 1;
        }
        let u = bg.next_double();
        let q = -(r * u).np_expm1();
        if v <= q * q {
            let result = c_long((1.0 + v.np_log() / q.np_log()).floor());
            if result < 1 || v == 0.0 {
                continue;
            }
            return result;
        }
        if v >= q {
            return 1;
        }
        return 2;
    }
}

// ---------------------------------------------------------------------------------------
// Typed methods
// ---------------------------------------------------------------------------------------

numpy_methods! {
    impl[B: BitGenerator] Generator<B>, kernels on dyn BitGenerator, table DECLARED_SPECS;
    /// `rng.poisson(lam)`; NumPy's `lam < 0 or lam is NaN`, `lam value too large`.
    ///
    /// ```
    /// // np.random.default_rng(0).poisson(3.5)
    /// assert!(nprand::generator::default_rng(0).poisson(3.5).unwrap() >= 0);
    /// assert_eq!(nprand::generator::default_rng(0).poisson(-1.0).unwrap_err().message(),
    ///            "lam < 0 or lam is NaN");
    /// ```
    fn poisson;
    /// `rng.poisson(lam, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0i64; 3];
    /// nprand::generator::default_rng(0).poisson_into(&mut x, 100.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).poisson(100.0).unwrap());
    /// ```
    fn poisson_into;
    (lam: Poisson = 1.0) -> i64 => poisson, bulk poisson_fill;

    /// `rng.geometric(p)`, `p` in (0, 1].
    ///
    /// ```
    /// // np.random.default_rng(0).geometric(0.2)
    /// assert!(nprand::generator::default_rng(0).geometric(0.2).unwrap() >= 0);
    /// ```
    fn geometric;
    /// `rng.geometric(p, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0i64; 3];
    /// nprand::generator::default_rng(0).geometric_into(&mut x, 0.5).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).geometric(0.5).unwrap());
    /// ```
    fn geometric_into;
    (p: BoundedGt01) -> i64 => geometric;

    /// `rng.zipf(a)`, `a > 1`.
    ///
    /// ```
    /// // np.random.default_rng(0).zipf(2)
    /// assert!(nprand::generator::default_rng(0).zipf(2.0).unwrap() >= 1);
    /// ```
    fn zipf;
    /// `rng.zipf(a, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0i64; 3];
    /// nprand::generator::default_rng(0).zipf_into(&mut x, 2.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).zipf(2.0).unwrap());
    /// ```
    fn zipf_into;
    (a: Gt1) -> i64 => zipf;

    /// `rng.logseries(p)`, `p` in [0, 1).
    ///
    /// ```
    /// // np.random.default_rng(0).logseries(0.9)
    /// assert!(nprand::generator::default_rng(0).logseries(0.9).unwrap() >= 1);
    /// ```
    fn logseries;
    /// `rng.logseries(p, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0i64; 3];
    /// nprand::generator::default_rng(0).logseries_into(&mut x, 0.9).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).logseries(0.9).unwrap());
    /// ```
    fn logseries_into;
    (p: BoundedLt01) -> i64 => logseries;
}

fn nb_check(n: f64, p: f64) -> Result<()> {
    GCons::PositiveNotNan.check_scalar(n, "n")?;
    GCons::BoundedGt01.check_scalar(p, "p")?;
    if (1.0 - p) / p * (n + 10.0 * n.sqrt()) > POISSON_LAM_MAX {
        return Err(Error::value(
            "n too large or p too small, see Generator.negative_binomial Notes",
        ));
    }
    Ok(())
}

fn binomial_check(n: i64, p: f64) -> Result<()> {
    GCons::Bounded01.check_scalar(p, "p")?;
    GCons::NonNegative.check_scalar(n as f64, "n")
}

impl<B: BitGenerator> Generator<B> {
    /// `rng.binomial(n, p)`; NumPy checks `p` first, then `n < 0`.
    ///
    /// ```
    /// // np.random.default_rng(0).binomial(10, 0.3), rng.binomial(1000, 0.4) (BTPE)
    /// let mut rng = nprand::generator::default_rng(0);
    /// assert!((0..=10).contains(&rng.binomial(10, 0.3).unwrap()));
    /// assert!((0..=1000).contains(&rng.binomial(1000, 0.4).unwrap()));
    /// assert_eq!(rng.binomial(-1, 0.5).unwrap_err().message(), "n < 0");
    /// ```
    pub fn binomial(&mut self, n: i64, p: f64) -> Result<i64> {
        binomial_check(n, p)?;
        Ok(binomial(&mut self.bg, p, n))
    }

    /// `rng.binomial(n, p, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0i64; 4];
    /// nprand::generator::default_rng(0).binomial_into(&mut x, 10, 0.3).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).binomial(10, 0.3).unwrap());
    /// ```
    pub fn binomial_into(&mut self, out: &mut [i64], n: i64, p: f64) -> Result<()> {
        binomial_check(n, p)?;
        binomial_fill(&mut self.bg, out, n, p)
    }

    /// `rng.negative_binomial(n, p)`: `n` positive and not NaN, `p` in (0, 1], and
    /// NumPy's guard against a Poisson mean beyond int64.
    ///
    /// ```
    /// // np.random.default_rng(0).negative_binomial(5, 0.5)
    /// assert!(nprand::generator::default_rng(0).negative_binomial(5.0, 0.5).unwrap() >= 0);
    /// let e = nprand::generator::default_rng(0).negative_binomial(1e300, 0.001).unwrap_err();
    /// assert_eq!(e.message(), "n too large or p too small, see Generator.negative_binomial Notes");
    /// ```
    pub fn negative_binomial(&mut self, n: f64, p: f64) -> Result<i64> {
        nb_check(n, p)?;
        Ok(negative_binomial(&mut self.bg, n, p))
    }

    /// `rng.negative_binomial(n, p, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0i64; 2];
    /// nprand::generator::default_rng(0).negative_binomial_into(&mut x, 5.0, 0.5).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).negative_binomial(5.0, 0.5).unwrap());
    /// ```
    pub fn negative_binomial_into(&mut self, out: &mut [i64], n: f64, p: f64) -> Result<()> {
        nb_check(n, p)?;
        for o in out {
            *o = negative_binomial(&mut self.bg, n, p);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// The broadcast table
// ---------------------------------------------------------------------------------------

/// negative_binomial: `n` (PositiveNotNan), `p` (BoundedGt01), then the Poisson-mean guard
/// (over the ufunc broadcast of `p` and `n`).
fn prepare_negative_binomial(p: &mut [NdArray<Num>], scalar: bool) -> Result<()> {
    if scalar {
        return nb_check(p[0].data[0].f(), p[1].data[0].f());
    }
    let nv: Vec<f64> = p[0].data.iter().map(|x| x.f()).collect();
    let pv: Vec<f64> = p[1].data.iter().map(|x| x.f()).collect();
    GCons::PositiveNotNan.check_array(&nv, "n")?;
    GCons::BoundedGt01.check_array(&pv, "p")?;
    let lam = ufunc2(&p[1], &p[0], |pp, nn| {
        let (pp, nn) = (pp.f(), nn.f());
        Num::F((1.0 - pp) / pp * (nn + 10.0 * nn.sqrt()))
    })?;
    if lam.data.iter().any(|l| l.f() > POISSON_LAM_MAX) {
        return Err(Error::value(
            "n too large or p too small, see Generator.negative_binomial Notes",
        ));
    }
    Ok(())
}

macro_rules! ki {
    (|$bg:ident, $p:ident| $e:expr) => {
        GKernel::I64(|$bg: &mut dyn BitGenerator, $p: &[Num]| $e)
    };
}

/// `poisson_into` after its checks: the per-`lam` work once for the whole fill.
fn poisson_fill<B: BitGenerator + ?Sized>(bg: &mut B, out: &mut [i64], lam: f64) -> Result<()> {
    fill_poisson(bg, out, lam);
    Ok(())
}

/// `binomial_into` after its checks.
fn binomial_fill<B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [i64],
    n: i64,
    p: f64,
) -> Result<()> {
    if n == 0 || p == 0.0 {
        out.fill(0);
        return Ok(());
    }
    // NumPy keeps the setup (`binomial_t`) while `n` and `p` repeat; it depends on them
    // alone, so one plan serves the whole fill with the same bits.
    fill_binomial(bg, out, &BinomialPlan::new(n, p, false));
    Ok(())
}

pub(crate) const SPECS: &[GenSpec] = &[
    GenSpec {
        name: "binomial",
        params: &[
            Param::i("n", GCons::NonNegative),
            Param::f("p", GCons::Bounded01),
        ],
        internal_order: &[1, 0],
        prepare: None,
        kernel: ki!(|bg, p| binomial(bg, p[1].f(), p[0].i())),
        bulk: GBulk::I64(|bg, out, p| binomial_fill(bg, out, p[0].i(), p[1].f())),
    },
    GenSpec {
        name: "negative_binomial",
        params: &[Param::f("n", GCons::None), Param::f("p", GCons::None)],
        internal_order: &[],
        prepare: Some(prepare_negative_binomial),
        kernel: ki!(|bg, p| negative_binomial(bg, p[0].f(), p[1].f())),
        bulk: GBulk::None,
    },
];

#[cfg(test)]
mod tests {
    use crate::generator::default_rng;

    /// `binomial_into` (one plan for the fill) draws what the scalar calls draw, on the
    /// inversion and BTPE paths and their complements, and leaves the same state.
    #[test]
    fn binomial_fill_equals_scalar_calls() {
        for &(n, p) in &[
            (0, 0.5),
            (10, 0.0),
            (5, 0.3),
            (40, 0.7),
            (1000, 0.2),
            (1000, 0.9),
            (1 << 40, 0.4),
            (7, 1.0),
        ] {
            for seed in 0..3u128 {
                let mut a = default_rng(seed);
                let mut b = default_rng(seed);
                let mut out = [0i64; 37];
                a.binomial_into(&mut out, n, p).unwrap();
                for (i, &x) in out.iter().enumerate() {
                    assert_eq!(
                        x,
                        b.binomial(n, p).unwrap(),
                        "n={n} p={p} seed={seed} i={i}"
                    );
                }
                assert_eq!(a, b);
            }
        }
    }
}
