//! The gamma family: exponential (gamma with shape 1), standard_gamma, gamma,
//! chisquare, f, beta, noncentral_chisquare, noncentral_f, standard_t and dirichlet,
//! with NumPy's legacy algorithms (`legacy-distributions.c`).

use super::broadcast::{DistSpec, Kernel};
use super::gamma_bulk::standard_gamma_mt_fill;
use super::normal::{Draws, SMALL};
use super::RandomState;
use crate::error::{Error, Result};
use crate::math::np::{np_neg_log_slice, NpMath};
use crate::prelude::*;

/// Values per run of [`RandomState::standard_exponential_into`] (uniforms filled, then
/// transformed while still in L1).
const EXP_RUN: usize = 512;

impl RandomState {
    /// NumPy's `legacy_standard_exponential`: `-log(1 - U)`.
    #[inline]
    pub(crate) fn legacy_standard_exponential(&mut self) -> f64 {
        -(1.0 - self.next_double()).np_log()
    }

    /// `rs.standard_exponential()`.
    ///
    /// ```
    /// let e = nprand::RandomState::new(0).standard_exponential();
    /// assert!(e >= 0.0);
    /// ```
    #[inline]
    pub fn standard_exponential(&mut self) -> f64 {
        self.legacy_standard_exponential()
    }

    /// `rs.standard_exponential(size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 3];
    /// nprand::RandomState::new(0).standard_exponential_into(&mut x);
    /// assert!(x.iter().all(|&v| v >= 0.0));
    /// ```
    pub fn standard_exponential_into(&mut self, out: &mut [f64]) {
        // One double per value and no rejection: fill a cache-sized run with the
        // uniforms in bulk, then `-log(1 - U)` in two passes over it, the logarithm
        // vectorised and negated as it is stored (the same bits as the scalar
        // `-np_log`).
        for run in out.chunks_mut(EXP_RUN) {
            self.bitgen.fill_f64(run);
            one_minus(run);
            np_neg_log_slice(run);
        }
    }
}

multiversion! {
    "avx";
    /// `x[i] = 1 - x[i]`, four lanes at a time on AVX (two in the crate's SSE2 baseline).
    fn one_minus / one_minus_portable(x: &mut [f64]) -> () {
        for v in x {
            *v = 1.0 - *v;
        }
    }
}

/// The kernels: NumPy's `legacy_*` routines, without parameter checks, consuming exactly
/// NumPy's draws in NumPy's order.
impl RandomState {
    /// NumPy's `legacy_standard_gamma`: exponential for shape 1, 0.0 without a draw for
    /// shape 0, Ahrens–Dieter (U then E per attempt) below 1, Marsaglia–Tsang on the
    /// cached gaussian above 1 (and for NaN, which yields NaN after the draws).
    #[inline]
    pub(crate) fn legacy_standard_gamma(&mut self, shape: f64) -> f64 {
        standard_gamma_kernel(self, GammaShape::new(shape))
    }

    /// `out[i] = map(legacy_standard_gamma(shape))` in bulk: the same draws in the same
    /// order as repeated scalar calls, with the uniforms read from the MT block in
    /// chunks and the shape's constants computed once.
    fn standard_gamma_fill(&mut self, out: &mut [f64], shape: f64, map: impl Fn(f64) -> f64) {
        if shape == 1.0 {
            self.standard_exponential_into(out);
            for o in out {
                *o = map(*o);
            }
            return;
        }
        let g = GammaShape::new(shape);
        if out.len() <= SMALL {
            for o in out {
                *o = map(standard_gamma_kernel(self, g));
            }
            return;
        }
        let mut d = self.bulk();
        if shape > 1.0 && shape.is_finite() {
            // Marsaglia–Tsang: the polar logarithms vectorised (gamma_bulk.rs).
            standard_gamma_mt_fill(&mut d, out, g, map);
            return;
        }
        for o in out {
            *o = map(standard_gamma_kernel(&mut d, g));
        }
    }

    /// NumPy's `legacy_gamma`: `scale * standard_gamma(shape)`.
    #[inline]
    pub(crate) fn legacy_gamma(&mut self, shape: f64, scale: f64) -> f64 {
        scale * self.legacy_standard_gamma(shape)
    }

    /// NumPy's `legacy_chisquare`: `2 * standard_gamma(df / 2)`.
    #[inline]
    pub(crate) fn legacy_chisquare(&mut self, df: f64) -> f64 {
        2.0 * self.legacy_standard_gamma(df / 2.0)
    }

    /// NumPy's `legacy_f`: `(chisq(dfnum) * dfden) / (chisq(dfden) * dfnum)`, numerator
    /// drawn first.
    pub(crate) fn legacy_f(&mut self, dfnum: f64, dfden: f64) -> f64 {
        let num = self.legacy_chisquare(dfnum) * dfden;
        num / (self.legacy_chisquare(dfden) * dfnum)
    }

    /// NumPy's `legacy_beta`: Johnk's algorithm (with its log-space fallback when both
    /// powers underflow) if `a <= 1 && b <= 1`, else the ratio of two gammas.
    pub(crate) fn legacy_beta(&mut self, a: f64, b: f64) -> f64 {
        if a <= 1.0 && b <= 1.0 {
            loop {
                let u = self.next_double();
                let v = self.next_double();
                let x = u.np_pow(1.0 / a);
                let y = v.np_pow(1.0 / b);
                if x + y <= 1.0 {
                    if x + y > 0.0 {
                        return x / (x + y);
                    }
                    let mut log_x = u.np_log() / a;
                    let mut log_y = v.np_log() / b;
                    // C's `logX > logY ? logX : logY` (not f64::max: NaN matters).
                    let log_m = if log_x > log_y { log_x } else { log_y };
                    log_x -= log_m;
                    log_y -= log_m;
                    return (log_x - (log_x.np_exp() + log_y.np_exp()).np_log()).np_exp();
                }
            }
        }
        let ga = self.legacy_standard_gamma(a);
        let gb = self.legacy_standard_gamma(b);
        ga / (ga + gb)
    }

    /// NumPy's `legacy_noncentral_chisquare`: chisquare for `nonc == 0`;
    /// `chisq(df - 1) + (G + sqrt(nonc))²` for `df > 1`; otherwise a Poisson mixture
    /// `chisq(df + 2 * poisson(nonc / 2))`, with the NaN guard applied after the draws.
    pub(crate) fn legacy_noncentral_chisquare(&mut self, df: f64, nonc: f64) -> f64 {
        if nonc == 0.0 {
            return self.legacy_chisquare(df);
        }
        if 1.0 < df {
            let chi2 = self.legacy_chisquare(df - 1.0);
            let n = self.gauss() + nonc.sqrt();
            return chi2 + n * n;
        }
        let i = self.random_poisson(nonc / 2.0);
        // C's `2 * i` on a long wraps (i == LONG_MIN for an infinite lambda gives 0).
        let out = self.legacy_chisquare(df + i.wrapping_mul(2) as f64);
        if nonc.is_nan() {
            f64::NAN
        } else {
            out
        }
    }

    /// NumPy's `legacy_noncentral_f`:
    /// `ncchisq(dfnum, nonc) * dfden / (chisq(dfden) * dfnum)`.
    pub(crate) fn legacy_noncentral_f(&mut self, dfnum: f64, dfden: f64, nonc: f64) -> f64 {
        let t = self.legacy_noncentral_chisquare(dfnum, nonc) * dfden;
        t / (self.legacy_chisquare(dfden) * dfnum)
    }

    /// NumPy's `legacy_standard_t`: gaussian first, then `standard_gamma(df / 2)`.
    pub(crate) fn legacy_standard_t(&mut self, df: f64) -> f64 {
        let num = self.gauss();
        let denom = self.legacy_standard_gamma(df / 2.0);
        (df / 2.0).sqrt() * num / denom.sqrt()
    }
}

/// The constants of `legacy_standard_gamma` for one shape (`b = shape - 1/3`,
/// `c = 1/sqrt(9b)`, used above 1), computed with NumPy's expressions: computing them
/// once per bulk call instead of once per value changes no bit.
#[derive(Clone, Copy)]
pub(crate) struct GammaShape {
    shape: f64,
    pub(super) b: f64,
    pub(super) c: f64,
}

impl GammaShape {
    #[inline(always)]
    pub(crate) fn new(shape: f64) -> Self {
        let b = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * b).sqrt();
        GammaShape { shape, b, c }
    }
}

/// NumPy's `legacy_standard_gamma` on any source of legacy draws (scalar calls or a
/// bulk reader); see [`RandomState::legacy_standard_gamma`].
#[inline(always)]
pub(crate) fn standard_gamma_kernel<D: Draws>(d: &mut D, g: GammaShape) -> f64 {
    let shape = g.shape;
    if shape == 1.0 {
        return -(1.0 - d.double()).np_log();
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = d.double();
            let v = -(1.0 - d.double()).np_log();
            if u <= 1.0 - shape {
                let x = u.np_pow(1.0 / shape);
                if x <= v {
                    return x;
                }
            } else {
                let y = -((1.0 - u) / shape).np_log();
                let x = (1.0 - shape + shape * y).np_pow(1.0 / shape);
                if x <= v + y {
                    return x;
                }
            }
        }
    }
    let (b, c) = (g.b, g.c);
    loop {
        let (x, v) = loop {
            let x = d.gauss();
            let v = 1.0 + c * x;
            if !(v <= 0.0) {
                break (x, v);
            }
        };
        let v = v * v * v;
        let u = d.double();
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return b * v;
        }
        if u.np_log() < 0.5 * x * x + b * (1.0 - v + v.np_log()) {
            return b * v;
        }
    }
}

/// The public methods: NumPy's parameter checks, then the kernels.
impl RandomState {
    /// `rs.dirichlet(alpha, size)`: an array of shape `size + (len(alpha),)` (`(k,)` for
    /// `size=None`), each row summing to about 1. Any `alpha <= 0` is an error
    /// (`alpha <= 0`, before the output is allocated); NaN passes and gives a NaN row.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.dirichlet(&[10.0, 5.0, 3.0], None).unwrap(); // rs.dirichlet([10, 5, 3])
    /// assert_eq!(x.shape, [3]);
    /// assert!((x.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    /// // rs.dirichlet([1, 2], size=(2, 2))
    /// assert_eq!(rs.dirichlet(&[1.0, 2.0], Some(&[2, 2])).unwrap().shape, [2, 2, 2]);
    /// assert_eq!(rs.dirichlet(&[1.0, 0.0], None).unwrap_err().message(), "alpha <= 0");
    /// ```
    pub fn dirichlet(
        &mut self,
        alpha: &[f64],
        size: Option<&[usize]>,
    ) -> Result<crate::array::NdArray<f64>> {
        if alpha.iter().any(|&a| a <= 0.0) {
            return Err(Error::value("alpha <= 0"));
        }
        let mut out =
            crate::common::alloc::zeros_rows(size, alpha.len(), crate::common::alloc::Dtype::F64)?;
        self.dirichlet_into(&mut out, alpha)?;
        Ok(out)
    }

    /// `rs.dirichlet(alpha, size)`: `out.len() / alpha.len()` rows of `alpha.len()`
    /// values, drawn row by row (NumPy's output shape is `size + (k,)`). Per row: the
    /// `k` gammas in order, their sum left to right, then each value times `1 / sum`.
    /// `out.len()` must be a multiple of `alpha.len()` (0 for an empty `alpha`).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let mut x = [0.0; 6];
    /// rs.dirichlet_into(&mut x, &[0.5, 2.0]).unwrap(); // rs.dirichlet([0.5, 2], size=3)
    /// assert!(x.chunks(2).all(|r| (r[0] + r[1] - 1.0).abs() < 1e-12));
    /// assert!(rs.dirichlet_into(&mut x[..5], &[0.5, 2.0]).is_err());
    /// ```
    pub fn dirichlet_into(&mut self, out: &mut [f64], alpha: &[f64]) -> Result<()> {
        if alpha.iter().any(|&a| a <= 0.0) {
            return Err(Error::value("alpha <= 0"));
        }
        let k = alpha.len();
        if (k == 0 && !out.is_empty()) || (k != 0 && !out.len().is_multiple_of(k)) {
            return Err(Error::value(format!(
                "dirichlet: output length {} is not a multiple of len(alpha) = {k}",
                out.len()
            )));
        }
        if k == 0 {
            return Ok(());
        }
        for row in out.chunks_exact_mut(k) {
            let mut acc = 0.0;
            for (v, &a) in row.iter_mut().zip(alpha) {
                *v = self.legacy_standard_gamma(a);
                acc += *v;
            }
            let invacc = 1.0 / acc;
            for v in row.iter_mut() {
                *v *= invacc;
            }
        }
        Ok(())
    }
}

numpy_methods! {
    impl[] RandomState, kernels on RandomState, table DECLARED_SPECS;
    /// `rs.exponential(scale)`; `scale < 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// assert!(rs.exponential(2.0).unwrap() >= 0.0);
    /// assert_eq!(rs.exponential(-1.0).unwrap_err().message(), "scale < 0");
    /// ```
    fn exponential;
    /// `rs.exponential(scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 3];
    /// nprand::RandomState::new(0).exponential_into(&mut x, 2.0).unwrap();
    /// ```
    fn exponential_into;
    (scale: NonNegative = 1.0) -> f64 => RandomState::exponential_kernel, bulk RandomState::fill_exponential;

    /// `rs.standard_gamma(shape)`; `shape < 0` is an error (NaN passes and gives NaN).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.standard_gamma(0.5).unwrap(); // rs.standard_gamma(0.5)
    /// assert!(x >= 0.0);
    /// assert_eq!(rs.standard_gamma(0.0).unwrap(), 0.0); // no draw, as in NumPy
    /// assert_eq!(rs.standard_gamma(-1.0).unwrap_err().message(), "shape < 0");
    /// ```
    fn standard_gamma;
    /// `rs.standard_gamma(shape, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).standard_gamma_into(&mut x, 2.5).unwrap(); // rs.standard_gamma(2.5, size=4)
    /// assert!(x.iter().all(|&v| v > 0.0));
    /// ```
    fn standard_gamma_into;
    (shape: NonNegative) -> f64 => RandomState::legacy_standard_gamma, bulk RandomState::fill_standard_gamma;

    /// `rs.gamma(shape, scale)` (NumPy's default scale is 1.0); `shape < 0` and
    /// `scale < 0` are errors, checked in that order.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.gamma(2.5, 2.0).unwrap(); // rs.gamma(2.5, 2.0)
    /// assert!(x > 0.0);
    /// assert_eq!(rs.gamma(1.0, -2.0).unwrap_err().message(), "scale < 0");
    /// ```
    fn gamma;
    /// `rs.gamma(shape, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 20];
    /// nprand::RandomState::new(1).gamma_into(&mut x, 0.5, 2.0).unwrap(); // rs.gamma(0.5, 2.0, size=20)
    /// assert!(x.iter().all(|&v| v >= 0.0));
    /// ```
    fn gamma_into;
    (shape: NonNegative, scale: NonNegative = 1.0) -> f64 => RandomState::legacy_gamma, bulk RandomState::fill_gamma;

    /// `rs.chisquare(df)` = `2 * standard_gamma(df / 2)`; `df <= 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.chisquare(3.0).unwrap(); // rs.chisquare(3)
    /// assert!(x > 0.0);
    /// assert_eq!(rs.chisquare(0.0).unwrap_err().message(), "df <= 0");
    /// ```
    fn chisquare;
    /// `rs.chisquare(df, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).chisquare_into(&mut x, 2.0).unwrap(); // rs.chisquare(2, 4)
    /// assert!(x.iter().all(|&v| v > 0.0));
    /// ```
    fn chisquare_into;
    (df: Positive) -> f64 => RandomState::legacy_chisquare, bulk RandomState::fill_chisquare;

    /// `rs.f(dfnum, dfden)`: the F distribution; `dfnum <= 0` / `dfden <= 0` are errors.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.f(5.0, 10.0).unwrap(); // rs.f(5, 10)
    /// assert!(x > 0.0);
    /// assert_eq!(rs.f(5.0, -1.0).unwrap_err().message(), "dfden <= 0");
    /// ```
    fn f;
    /// `rs.f(dfnum, dfden, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 3];
    /// nprand::RandomState::new(0).f_into(&mut x, 1.0, 48.0).unwrap(); // rs.f(1, 48, 3)
    /// assert!(x.iter().all(|&v| v >= 0.0));
    /// ```
    fn f_into;
    (dfnum: Positive, dfden: Positive) -> f64 => RandomState::legacy_f;

    /// `rs.beta(a, b)`; `a <= 0` / `b <= 0` are errors.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.beta(0.5, 0.5).unwrap(); // rs.beta(0.5, 0.5) (Johnk's algorithm)
    /// let y = rs.beta(2.0, 5.0).unwrap(); // rs.beta(2, 5) (two gammas)
    /// assert!((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y));
    /// assert_eq!(rs.beta(0.0, 1.0).unwrap_err().message(), "a <= 0");
    /// ```
    fn beta;
    /// `rs.beta(a, b, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 5];
    /// nprand::RandomState::new(0).beta_into(&mut x, 0.3, 0.7).unwrap(); // rs.beta(0.3, 0.7, 5)
    /// assert!(x.iter().all(|v| (0.0..=1.0).contains(v)));
    /// ```
    fn beta_into;
    (a: Positive, b: Positive) -> f64 => RandomState::legacy_beta;

    /// `rs.noncentral_chisquare(df, nonc)`; `df <= 0` and `nonc < 0` are errors.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.noncentral_chisquare(3.0, 20.0).unwrap(); // rs.noncentral_chisquare(3, 20)
    /// let y = rs.noncentral_chisquare(0.5, 2.0).unwrap(); // rs.noncentral_chisquare(0.5, 2) (Poisson mixture)
    /// assert!(x > 0.0 && y >= 0.0);
    /// assert_eq!(rs.noncentral_chisquare(1.0, -1.0).unwrap_err().message(), "nonc < 0");
    /// ```
    fn noncentral_chisquare;
    /// `rs.noncentral_chisquare(df, nonc, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 4];
    /// nprand::RandomState::new(0).noncentral_chisquare_into(&mut x, 3.0, 0.0).unwrap(); // rs.noncentral_chisquare(3, 0, 4)
    /// assert!(x.iter().all(|&v| v > 0.0));
    /// ```
    fn noncentral_chisquare_into;
    (df: Positive, nonc: NonNegative) -> f64 => RandomState::legacy_noncentral_chisquare;

    /// `rs.noncentral_f(dfnum, dfden, nonc)`; `dfnum <= 0`, `dfden <= 0` and `nonc < 0`
    /// are errors, checked in that order.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.noncentral_f(3.0, 20.0, 3.0).unwrap(); // rs.noncentral_f(3, 20, 3)
    /// assert!(x > 0.0);
    /// assert_eq!(rs.noncentral_f(3.0, 20.0, -3.0).unwrap_err().message(), "nonc < 0");
    /// ```
    fn noncentral_f;
    /// `rs.noncentral_f(dfnum, dfden, nonc, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 3];
    /// nprand::RandomState::new(0).noncentral_f_into(&mut x, 0.5, 20.0, 1.5).unwrap(); // rs.noncentral_f(0.5, 20, 1.5, 3)
    /// assert!(x.iter().all(|&v| v >= 0.0));
    /// ```
    fn noncentral_f_into;
    (dfnum: Positive, dfden: Positive, nonc: NonNegative) -> f64 => RandomState::legacy_noncentral_f;

    /// `rs.standard_t(df)`: Student's t; `df <= 0` is an error.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.standard_t(10.0).unwrap(); // rs.standard_t(10)
    /// assert!(x.is_finite());
    /// assert_eq!(rs.standard_t(0.0).unwrap_err().message(), "df <= 0");
    /// ```
    fn standard_t;
    /// `rs.standard_t(df, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 10];
    /// nprand::RandomState::new(0).standard_t_into(&mut x, 10.0).unwrap(); // rs.standard_t(10, size=10)
    /// assert!(x.iter().all(|v| v.is_finite()));
    /// ```
    fn standard_t_into;
    (df: Positive) -> f64 => RandomState::legacy_standard_t;
}

impl RandomState {
    /// The per-element draw of [`RandomState::exponential`].
    #[inline]
    fn exponential_kernel(&mut self, scale: f64) -> f64 {
        scale * self.legacy_standard_exponential()
    }

    /// [`RandomState::exponential_into`] after its checks.
    fn fill_exponential(&mut self, out: &mut [f64], scale: f64) -> Result<()> {
        self.standard_exponential_into(out);
        // NumPy's operand order `scale * E`, kept on purpose.
        #[allow(clippy::assign_op_pattern)]
        for o in out {
            *o = scale * *o;
        }
        Ok(())
    }

    /// [`RandomState::standard_gamma_into`] after its checks.
    fn fill_standard_gamma(&mut self, out: &mut [f64], shape: f64) -> Result<()> {
        self.standard_gamma_fill(out, shape, |x| x);
        Ok(())
    }

    /// [`RandomState::gamma_into`] after its checks.
    fn fill_gamma(&mut self, out: &mut [f64], shape: f64, scale: f64) -> Result<()> {
        self.standard_gamma_fill(out, shape, |x| scale * x);
        Ok(())
    }

    /// [`RandomState::chisquare_into`] after its checks.
    fn fill_chisquare(&mut self, out: &mut [f64], df: f64) -> Result<()> {
        self.standard_gamma_fill(out, df / 2.0, |x| 2.0 * x);
        Ok(())
    }
}

pub(crate) const SPECS: &[DistSpec] = &[DistSpec {
    name: "standard_exponential",
    params: &[],
    internal_order: &[],
    prepare: None,
    kernel: Kernel::F64(|rs, _| rs.legacy_standard_exponential()),
    bulk: super::broadcast::Bulk::F64(|rs, out, _| {
        rs.standard_exponential_into(out);
        Ok(())
    }),
}];

#[cfg(test)]
#[path = "gamma_tests.rs"]
mod tests;
