//! The gamma family: exponential (gamma with shape 1), standard_gamma, gamma,
//! chisquare, f, beta, noncentral_chisquare, noncentral_f, standard_t and dirichlet,
//! with NumPy's legacy algorithms (`legacy-distributions.c`).

use super::broadcast::{DistSpec, Kernel};
use super::normal::{Draws, SMALL};
use super::RandomState;
use crate::error::{Error, Result};

/// Values per run of [`RandomState::standard_exponential_into`] (uniforms filled, then
/// transformed while still in L1).
const EXP_RUN: usize = 512;

impl RandomState {
    /// NumPy's `legacy_standard_exponential`: `-log(1 - U)`.
    #[inline]
    pub(crate) fn legacy_standard_exponential(&mut self) -> f64 {
        -(1.0 - self.next_double()).ln()
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
        // uniforms in bulk, then take the logarithms in place.
        for run in out.chunks_mut(EXP_RUN) {
            self.bitgen.fill_f64(run);
            for o in run {
                *o = -(1.0 - *o).ln();
            }
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
                let x = u.powf(1.0 / a);
                let y = v.powf(1.0 / b);
                if x + y <= 1.0 {
                    if x + y > 0.0 {
                        return x / (x + y);
                    }
                    let mut log_x = u.ln() / a;
                    let mut log_y = v.ln() / b;
                    // C's `logX > logY ? logX : logY` (not f64::max: NaN matters).
                    let log_m = if log_x > log_y { log_x } else { log_y };
                    log_x -= log_m;
                    log_y -= log_m;
                    return (log_x - (log_x.exp() + log_y.exp()).ln()).exp();
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
    b: f64,
    c: f64,
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
        return -(1.0 - d.double()).ln();
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = d.double();
            let v = -(1.0 - d.double()).ln();
            if u <= 1.0 - shape {
                let x = u.powf(1.0 / shape);
                if x <= v {
                    return x;
                }
            } else {
                let y = -((1.0 - u) / shape).ln();
                let x = (1.0 - shape + shape * y).powf(1.0 / shape);
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
        if u.ln() < 0.5 * x * x + b * (1.0 - v + v.ln()) {
            return b * v;
        }
    }
}

/// The public methods: NumPy's parameter checks, then the kernels.
impl RandomState {
    /// `rs.dirichlet(alpha)`: one row of `alpha.len()` values summing to about 1.
    /// Any `alpha <= 0` is an error (`alpha <= 0`); NaN passes and gives a NaN row.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.dirichlet(&[10.0, 5.0, 3.0]).unwrap(); // rs.dirichlet([10, 5, 3])
    /// assert_eq!(x.len(), 3);
    /// assert!((x.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    /// assert_eq!(rs.dirichlet(&[1.0, 0.0]).unwrap_err().message(), "alpha <= 0");
    /// ```
    pub fn dirichlet(&mut self, alpha: &[f64]) -> Result<Vec<f64>> {
        let mut out = vec![0.0; alpha.len()];
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
        if (k == 0 && !out.is_empty()) || (k != 0 && out.len() % k != 0) {
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
}];

#[cfg(test)]
mod tests {
    use super::super::broadcast::{find, Num, Output};
    use super::*;
    use crate::array::NdArray;
    use proptest::prelude::*;

    type Scalar = fn(&mut RandomState, &[f64]) -> Result<f64>;
    type Into = fn(&mut RandomState, &mut [f64], &[f64]) -> Result<()>;

    const METHODS: &[(&str, Scalar, Into)] = &[
        (
            "standard_gamma",
            |r, p| r.standard_gamma(p[0]),
            |r, o, p| r.standard_gamma_into(o, p[0]),
        ),
        (
            "gamma",
            |r, p| r.gamma(p[0], p[1]),
            |r, o, p| r.gamma_into(o, p[0], p[1]),
        ),
        (
            "chisquare",
            |r, p| r.chisquare(p[0]),
            |r, o, p| r.chisquare_into(o, p[0]),
        ),
        (
            "f",
            |r, p| r.f(p[0], p[1]),
            |r, o, p| r.f_into(o, p[0], p[1]),
        ),
        (
            "beta",
            |r, p| r.beta(p[0], p[1]),
            |r, o, p| r.beta_into(o, p[0], p[1]),
        ),
        (
            "noncentral_chisquare",
            |r, p| r.noncentral_chisquare(p[0], p[1]),
            |r, o, p| r.noncentral_chisquare_into(o, p[0], p[1]),
        ),
        (
            "noncentral_f",
            |r, p| r.noncentral_f(p[0], p[1], p[2]),
            |r, o, p| r.noncentral_f_into(o, p[0], p[1], p[2]),
        ),
        (
            "standard_t",
            |r, p| r.standard_t(p[0]),
            |r, o, p| r.standard_t_into(o, p[0]),
        ),
    ];

    const PARAMS: &[[f64; 3]] = &[
        [0.5, 2.0, 0.3],
        [2.5, 0.7, 4.0],
        [1.0, 1.0, 0.0],
        [0.2, 0.3, 25.0],
        [f64::NAN, 1.0, 1.0],
        [1e-300, 1e300, f64::INFINITY],
    ];

    fn nparams(name: &str) -> usize {
        find(name).unwrap().params.len()
    }

    /// `_into` = repeated scalar calls = the broadcast engine with 0-d parameters.
    #[test]
    fn into_equals_scalar_and_broadcast() {
        for &(name, scalar, into) in METHODS {
            for p in PARAMS {
                let p = &p[..nparams(name)];
                let mut a = RandomState::new(7);
                let mut b = a.clone();
                let mut c = a.clone();
                a.standard_normal(); // leave a cached gaussian
                b.standard_normal();
                c.standard_normal();
                let mut out = [0.0; 9];
                let ra = into(&mut a, &mut out, p);
                let rb: Result<Vec<f64>> = (0..9).map(|_| scalar(&mut b, p)).collect();
                let params: Vec<NdArray<Num>> =
                    p.iter().map(|&x| NdArray::scalar(Num::F(x))).collect();
                let rc = c.broadcast(find(name).unwrap(), &params, Some(&[3, 3]));
                match (ra, rb, rc) {
                    (Ok(()), Ok(vb), Ok(Output::F64(vc))) => {
                        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                        assert_eq!(bits(&out), bits(&vb), "{name} {p:?}");
                        assert_eq!(bits(&out), bits(&vc.data), "{name} {p:?}");
                        assert_eq!(a, b);
                        assert_eq!(a, c);
                    }
                    (Err(ea), Err(eb), Err(ec)) => {
                        assert_eq!(ea, eb);
                        assert_eq!(ea, ec);
                    }
                    other => panic!("{name} {p:?}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn zero_shape_draws_nothing() {
        let mut rs = RandomState::new(3);
        assert_eq!(rs.standard_gamma(0.0).unwrap(), 0.0);
        assert_eq!(rs.gamma(0.0, 5.0).unwrap(), 0.0);
        assert_eq!(rs, RandomState::new(3));
    }

    #[test]
    fn dirichlet_rows_are_independent_draws_in_order() {
        let alpha = [0.3, 1.0, 4.0];
        let mut a = RandomState::new(11);
        let mut b = a.clone();
        let mut out = [0.0; 12];
        a.dirichlet_into(&mut out, &alpha).unwrap();
        let rows: Vec<f64> = (0..4).flat_map(|_| b.dirichlet(&alpha).unwrap()).collect();
        assert_eq!(out.to_vec(), rows);
        assert_eq!(a, b);
        assert!(a.dirichlet_into(&mut [0.0; 2], &[]).is_err());
        assert!(a.dirichlet_into(&mut [], &[]).is_ok());
        assert_eq!(a.dirichlet(&[f64::NAN, 1.0]).unwrap().len(), 2);
    }

    use super::super::test_util::{
        assert_bits, assert_same_state, ref_gauss, start, starts, SIZES,
    };

    /// NumPy's `legacy_standard_exponential`, one draw at a time (the reference).
    fn ref_exponential(rs: &mut RandomState) -> f64 {
        -(1.0 - rs.bitgen.next_f64()).ln()
    }

    /// NumPy's `legacy_standard_gamma` as it was written before the bulk kernels (the
    /// reference; per-call constants, scalar draws).
    fn ref_standard_gamma(rs: &mut RandomState, shape: f64) -> f64 {
        if shape == 1.0 {
            return ref_exponential(rs);
        }
        if shape == 0.0 {
            return 0.0;
        }
        if shape < 1.0 {
            loop {
                let u = rs.bitgen.next_f64();
                let v = ref_exponential(rs);
                if u <= 1.0 - shape {
                    let x = u.powf(1.0 / shape);
                    if x <= v {
                        return x;
                    }
                } else {
                    let y = -((1.0 - u) / shape).ln();
                    let x = (1.0 - shape + shape * y).powf(1.0 / shape);
                    if x <= v + y {
                        return x;
                    }
                }
            }
        }
        let b = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * b).sqrt();
        loop {
            let (x, v) = loop {
                let x = ref_gauss(rs);
                let v = 1.0 + c * x;
                if !(v <= 0.0) {
                    break (x, v);
                }
            };
            let v = v * v * v;
            let u = rs.bitgen.next_f64();
            if u < 1.0 - 0.0331 * (x * x) * (x * x) {
                return b * v;
            }
            if u.ln() < 0.5 * x * x + b * (1.0 - v + v.ln()) {
                return b * v;
            }
        }
    }

    /// Every bulk and scalar form of the exponential and gamma family from `start`,
    /// against the reference: values bitwise and the final state.
    fn check_gamma_family(start: &RandomState, n: usize, shape: f64) {
        let what = format!(
            "n {n} shape {shape} from pos {} cached {}",
            start.bitgen.pos(),
            start.has_gauss
        );
        let reference = |f: &dyn Fn(&mut RandomState) -> f64| {
            let mut r = start.clone();
            let v: Vec<f64> = (0..n).map(|_| f(&mut r)).collect();
            (v, r)
        };
        let check = |bulk: &dyn Fn(&mut RandomState, &mut [f64]),
                     scalar: &dyn Fn(&mut RandomState) -> f64,
                     expect: &(Vec<f64>, RandomState),
                     name: &str| {
            check_one(start, n, &format!("{name}, {what}"), bulk, scalar, expect)
        };
        let sg = reference(&|r| ref_standard_gamma(r, shape));
        check(
            &|r, o| r.standard_gamma_into(o, shape).unwrap(),
            &|r| r.standard_gamma(shape).unwrap(),
            &sg,
            "standard_gamma",
        );
        let g = reference(&|r| 0.75 * ref_standard_gamma(r, shape));
        check(
            &|r, o| r.gamma_into(o, shape, 0.75).unwrap(),
            &|r| r.gamma(shape, 0.75).unwrap(),
            &g,
            "gamma",
        );
        let df = 2.0 * shape + 0.5;
        if df > 0.0 || df.is_nan() {
            let c = reference(&|r| 2.0 * ref_standard_gamma(r, df / 2.0));
            check(
                &|r, o| r.chisquare_into(o, df).unwrap(),
                &|r| r.chisquare(df).unwrap(),
                &c,
                "chisquare",
            );
        }
    }

    fn check_one(
        start: &RandomState,
        n: usize,
        what: &str,
        bulk: &dyn Fn(&mut RandomState, &mut [f64]),
        scalar: &dyn Fn(&mut RandomState) -> f64,
        expect: &(Vec<f64>, RandomState),
    ) {
        let mut a = start.clone();
        let mut out = vec![f64::NAN; n];
        bulk(&mut a, &mut out);
        assert_bits(&out, &expect.0, &format!("bulk {what}"));
        assert_same_state(&a, &expect.1, &format!("bulk {what}"));
        let mut b = start.clone();
        let v: Vec<f64> = (0..n).map(|_| scalar(&mut b)).collect();
        assert_bits(&v, &expect.0, &format!("scalar {what}"));
        assert_same_state(&b, &expect.1, &format!("scalar {what}"));
    }

    fn check_exponential(start: &RandomState, n: usize) {
        let what = format!("n {n} from pos {}", start.bitgen.pos());
        let mut r = start.clone();
        let expect: Vec<f64> = (0..n).map(|_| ref_exponential(&mut r)).collect();
        let mut a = start.clone();
        let mut out = vec![f64::NAN; n];
        a.standard_exponential_into(&mut out);
        assert_bits(&out, &expect, &what);
        assert_same_state(&a, &r, &what);
        let mut b = start.clone();
        b.exponential_into(&mut out, 3.5).unwrap();
        let scaled: Vec<f64> = expect.iter().map(|&e| 3.5 * e).collect();
        assert_bits(&out, &scaled, &what);
        assert_same_state(&b, &r, &what);
        let mut c = start.clone();
        let v: Vec<f64> = (0..n).map(|_| c.standard_exponential()).collect();
        assert_bits(&v, &expect, &what);
        assert_same_state(&c, &r, &what);
    }

    #[test]
    fn standard_exponential_into_matches_scalar_reference() {
        for s in starts() {
            for &n in SIZES {
                check_exponential(&s, n);
            }
        }
    }

    /// Shapes just above 1 reject often (`v <= 0` and failed acceptance tests).
    #[test]
    fn gamma_rejections_match_reference() {
        for s in starts() {
            for shape in [1.0001, 1.01, 1.2, 1.0 + f64::EPSILON] {
                check_gamma_family(&s, 3000, shape);
            }
        }
    }

    #[test]
    fn standard_gamma_into_matches_scalar_reference() {
        for (i, s) in starts().iter().enumerate() {
            for &n in SIZES {
                // the main shapes everywhere, the rarer ones on every fourth start
                let shapes: &[f64] = if i % 4 == 0 {
                    &[
                        0.0,
                        1e-300,
                        0.05,
                        0.5,
                        0.999,
                        1.0,
                        1.0 + 1e-12,
                        1.5,
                        2.5,
                        30.0,
                        1e6,
                        f64::NAN,
                        f64::INFINITY,
                    ]
                } else {
                    &[0.5, 1.0, 2.5]
                };
                for &shape in shapes {
                    check_gamma_family(s, n, shape);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Any f64 parameters (NaN, inf, subnormal, huge): an error or a value, never a
        /// panic or a hang.
        #[test]
        fn never_panics(seed: u32, x in any::<f64>(), y in any::<f64>(), z in any::<f64>()) {
            let mut rs = RandomState::new(seed);
            for &(name, scalar, into) in METHODS {
                let p = &[x, y, z][..nparams(name)];
                let _ = scalar(&mut rs, p);
                let _ = into(&mut rs, &mut [0.0; 3], p);
            }
            let _ = rs.dirichlet(&[x, y, z]);
        }

        #[test]
        fn gamma_family_any_start(
            seed: u32,
            skip in 0usize..1300,
            cached in proptest::option::of(-4.0f64..4.0),
            n in 0usize..700,
            shape in prop_oneof![0.0f64..1.0, 1.0f64..50.0, Just(1.0), Just(0.0)],
        ) {
            let s = start(seed, skip, cached);
            check_gamma_family(&s, n, shape);
            check_exponential(&s, n);
        }
    }
}
