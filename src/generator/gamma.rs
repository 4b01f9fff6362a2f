//! `Generator`'s gamma family: `standard_gamma` (float64 and float32), `gamma`, `beta`,
//! `chisquare`, `f`, `noncentral_chisquare`, `noncentral_f`, `standard_t`, `dirichlet`
//! (NumPy's shared `random_*` routines, on ziggurat normals and exponentials; the
//! legacy twins are `legacy/gamma.rs`'s frozen copies).

use super::broadcast::{GCons, GKernel, GenSpec};
use super::next_float;
use super::ziggurat::standard_normal_f32;
use super::ziggurat::{standard_exponential, standard_exponential_f32, standard_normal};
use super::Generator;
use crate::bitgen::BitGenerator;
use crate::common::{Num, Param};
use crate::error::{Error, Result};
use crate::math::np::NpMath;
use crate::prelude::*;

// ---------------------------------------------------------------------------------------
// Kernels: NumPy's routines, without parameter checks, drawing what NumPy draws
// ---------------------------------------------------------------------------------------

/// `random_standard_gamma`: exponential for shape 1, 0 without a draw for shape 0,
/// Ahrens–Dieter/Johnk-style rejection (uniform, then ziggurat exponential) below 1,
/// Marsaglia–Tsang with ziggurat normals above 1 (also NaN).
pub(crate) fn standard_gamma<B: BitGenerator + ?Sized>(bg: &mut B, shape: f64) -> f64 {
    if shape == 1.0 {
        return standard_exponential(bg);
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = bg.next_double();
            let v = standard_exponential(bg);
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
    let b = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * b).sqrt();
    loop {
        let (mut x, mut v);
        loop {
            x = standard_normal(bg);
            v = 1.0 + c * x;
            if !(v <= 0.0) {
                break;
            }
        }
        v = v * v * v;
        let u = bg.next_double();
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return b * v;
        }
        if u.np_log() < 0.5 * x * x + b * (1.0 - v + v.np_log()) {
            return b * v;
        }
    }
}

/// `random_standard_gamma_f`: the same algorithm in float arithmetic.
pub(crate) fn standard_gamma_f32<B: BitGenerator + ?Sized>(bg: &mut B, shape: f32) -> f32 {
    if shape == 1.0 {
        return standard_exponential_f32(bg);
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = next_float(bg);
            let v = standard_exponential_f32(bg);
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
    let b = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * b).sqrt();
    loop {
        let (mut x, mut v);
        loop {
            x = standard_normal_f32(bg);
            v = 1.0 + c * x;
            if !(v <= 0.0) {
                break;
            }
        }
        v = v * v * v;
        let u = next_float(bg);
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return b * v;
        }
        if u.np_log() < 0.5 * x * x + b * (1.0 - v + v.np_log()) {
            return b * v;
        }
    }
}

/// `random_gamma`: `scale * standard_gamma(shape)`.
#[inline]
pub(crate) fn gamma<B: BitGenerator + ?Sized>(bg: &mut B, shape: f64, scale: f64) -> f64 {
    scale * standard_gamma(bg, shape)
}

/// `random_beta`: for `a, b <= 1` Johnk's algorithm (with NumPy's shortcut when both are
/// below 3e-103 and its log-space fallback when a power underflows), otherwise a ratio of
/// gammas.
pub(crate) fn beta<B: BitGenerator + ?Sized>(bg: &mut B, a: f64, b: f64) -> f64 {
    if a <= 1.0 && b <= 1.0 {
        if a < 3e-103 && b < 3e-103 {
            let u = bg.next_double();
            return if (a + b) * u < a { 1.0 } else { 0.0 };
        }
        loop {
            let u = bg.next_double();
            let v = bg.next_double();
            let x = u.np_pow(1.0 / a);
            let y = v.np_pow(1.0 / b);
            let xpy = x + y;
            if xpy <= 1.0 && u + v > 0.0 {
                if x > 0.0 && y > 0.0 {
                    return x / xpy;
                }
                let log_x = u.np_log() / a;
                let log_y = v.np_log() / b;
                let delta = log_x - log_y;
                return if delta > 0.0 {
                    (-(-delta).np_exp().np_log1p()).np_exp()
                } else {
                    (delta - delta.np_exp().np_log1p()).np_exp()
                };
            }
        }
    }
    let ga = standard_gamma(bg, a);
    let gb = standard_gamma(bg, b);
    ga / (ga + gb)
}

/// `random_chisquare`: `2 * standard_gamma(df / 2)`.
#[inline]
pub(crate) fn chisquare<B: BitGenerator + ?Sized>(bg: &mut B, df: f64) -> f64 {
    2.0 * standard_gamma(bg, df / 2.0)
}

/// `random_f`: numerator chi-square first.
pub(crate) fn f_dist<B: BitGenerator + ?Sized>(bg: &mut B, dfnum: f64, dfden: f64) -> f64 {
    let s1 = chisquare(bg, dfnum) * dfden;
    let s2 = chisquare(bg, dfden) * dfnum;
    s1 / s2
}

/// `random_noncentral_chisquare`: NaN without a draw for a NaN `nonc`.
pub(crate) fn noncentral_chisquare<B: BitGenerator + ?Sized>(
    bg: &mut B,
    df: f64,
    nonc: f64,
) -> f64 {
    if nonc.is_nan() {
        return f64::NAN;
    }
    if nonc == 0.0 {
        return chisquare(bg, df);
    }
    if 1.0 < df {
        let chi2 = chisquare(bg, df - 1.0);
        let n = standard_normal(bg) + nonc.sqrt();
        chi2 + n * n
    } else {
        let i = super::discrete::poisson(bg, nonc / 2.0);
        // C's `2 * i` on an int64 wraps (a huge `nonc` gives i == INT64_MIN, so 0).
        chisquare(bg, df + i.wrapping_mul(2) as f64)
    }
}

/// `random_noncentral_f`.
pub(crate) fn noncentral_f<B: BitGenerator + ?Sized>(
    bg: &mut B,
    dfnum: f64,
    dfden: f64,
    nonc: f64,
) -> f64 {
    let t = noncentral_chisquare(bg, dfnum, nonc) * dfden;
    t / (chisquare(bg, dfden) * dfnum)
}

/// `random_standard_t`: a normal, then a gamma.
pub(crate) fn standard_t<B: BitGenerator + ?Sized>(bg: &mut B, df: f64) -> f64 {
    let num = standard_normal(bg);
    let denom = standard_gamma(bg, df / 2.0);
    (df / 2.0).sqrt() * num / denom.sqrt()
}

// ---------------------------------------------------------------------------------------
// Typed methods
// ---------------------------------------------------------------------------------------

numpy_methods! {
    impl[B: BitGenerator] Generator<B>, kernels on dyn BitGenerator, table DECLARED_SPECS;
    /// `rng.standard_gamma(shape)`; NumPy's `ValueError: shape < 0`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_gamma(2.5)
    /// let x = nprand::generator::default_rng(0).standard_gamma(2.5).unwrap();
    /// assert!(x > 0.0);
    /// // standard_gamma(0) is 0 without a draw
    /// let mut rng = nprand::generator::default_rng(0);
    /// assert_eq!(rng.standard_gamma(0.0).unwrap(), 0.0);
    /// assert_eq!(rng, nprand::generator::default_rng(0));
    /// ```
    fn standard_gamma;
    /// `rng.standard_gamma(shape, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 3];
    /// nprand::generator::default_rng(0).standard_gamma_into(&mut x, 0.5).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).standard_gamma(0.5).unwrap());
    /// ```
    fn standard_gamma_into;
    (shape: NonNegative) -> f64 => standard_gamma;

    /// `rng.gamma(shape, scale)`.
    ///
    /// ```
    /// // np.random.default_rng(0).gamma(2.0, 3.0)
    /// let x = nprand::generator::default_rng(0).gamma(2.0, 3.0).unwrap();
    /// assert_eq!(x, 3.0 * nprand::generator::default_rng(0).standard_gamma(2.0).unwrap());
    /// ```
    fn gamma;
    /// `rng.gamma(shape, scale, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).gamma_into(&mut x, 2.0, 3.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).gamma(2.0, 3.0).unwrap());
    /// ```
    fn gamma_into;
    (shape: NonNegative, scale: NonNegative = 1.0) -> f64 => gamma;

    /// `rng.beta(a, b)`; `a <= 0` / `b <= 0` are NumPy's errors.
    ///
    /// ```
    /// // np.random.default_rng(0).beta(0.5, 0.5)
    /// let x = nprand::generator::default_rng(0).beta(0.5, 0.5).unwrap();
    /// assert!((0.0..=1.0).contains(&x));
    /// assert_eq!(nprand::generator::default_rng(0).beta(0.0, 1.0).unwrap_err().message(), "a <= 0");
    /// ```
    fn beta;
    /// `rng.beta(a, b, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).beta_into(&mut x, 2.0, 3.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).beta(2.0, 3.0).unwrap());
    /// ```
    fn beta_into;
    (a: Positive, b: Positive) -> f64 => beta;

    /// `rng.chisquare(df)`.
    ///
    /// ```
    /// // np.random.default_rng(0).chisquare(3)
    /// let x = nprand::generator::default_rng(0).chisquare(3.0).unwrap();
    /// assert_eq!(x, 2.0 * nprand::generator::default_rng(0).standard_gamma(1.5).unwrap());
    /// ```
    fn chisquare;
    /// `rng.chisquare(df, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).chisquare_into(&mut x, 3.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).chisquare(3.0).unwrap());
    /// ```
    fn chisquare_into;
    (df: Positive) -> f64 => chisquare;

    /// `rng.f(dfnum, dfden)`.
    ///
    /// ```
    /// // np.random.default_rng(0).f(3, 7)
    /// assert!(nprand::generator::default_rng(0).f(3.0, 7.0).unwrap() > 0.0);
    /// ```
    fn f;
    /// `rng.f(dfnum, dfden, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).f_into(&mut x, 3.0, 7.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).f(3.0, 7.0).unwrap());
    /// ```
    fn f_into;
    (dfnum: Positive, dfden: Positive) -> f64 => f_dist;

    /// `rng.noncentral_chisquare(df, nonc)`.
    ///
    /// ```
    /// // np.random.default_rng(0).noncentral_chisquare(3, 2)
    /// assert!(nprand::generator::default_rng(0).noncentral_chisquare(3.0, 2.0).unwrap() > 0.0);
    /// ```
    fn noncentral_chisquare;
    /// `rng.noncentral_chisquare(df, nonc, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).noncentral_chisquare_into(&mut x, 0.5, 2.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).noncentral_chisquare(0.5, 2.0).unwrap());
    /// ```
    fn noncentral_chisquare_into;
    (df: Positive, nonc: NonNegative) -> f64 => noncentral_chisquare;

    /// `rng.noncentral_f(dfnum, dfden, nonc)`.
    ///
    /// ```
    /// // np.random.default_rng(0).noncentral_f(3, 7, 1.5)
    /// assert!(nprand::generator::default_rng(0).noncentral_f(3.0, 7.0, 1.5).unwrap() > 0.0);
    /// ```
    fn noncentral_f;
    /// `rng.noncentral_f(dfnum, dfden, nonc, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).noncentral_f_into(&mut x, 3.0, 7.0, 1.5).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).noncentral_f(3.0, 7.0, 1.5).unwrap());
    /// ```
    fn noncentral_f_into;
    (dfnum: Positive, dfden: Positive, nonc: NonNegative) -> f64 => noncentral_f;

    /// `rng.standard_t(df)`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_t(5)
    /// assert!(nprand::generator::default_rng(0).standard_t(5.0).unwrap().is_finite());
    /// ```
    fn standard_t;
    /// `rng.standard_t(df, size=out.len())`.
    ///
    /// ```
    /// let mut x = [0.0; 2];
    /// nprand::generator::default_rng(0).standard_t_into(&mut x, 5.0).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).standard_t(5.0).unwrap());
    /// ```
    fn standard_t_into;
    (df: Positive) -> f64 => standard_t;
}

impl<B: BitGenerator> Generator<B> {
    /// `rng.standard_gamma(shape, dtype=np.float32)`.
    ///
    /// ```
    /// // np.random.default_rng(0).standard_gamma(2.5, dtype=np.float32)
    /// let x: f32 = nprand::generator::default_rng(0).standard_gamma_f32(2.5).unwrap();
    /// assert!(x > 0.0);
    /// ```
    pub fn standard_gamma_f32(&mut self, shape: f32) -> Result<f32> {
        GCons::NonNegative.check_scalar(shape as f64, "shape")?;
        Ok(standard_gamma_f32(&mut self.bg, shape))
    }

    /// `rng.standard_gamma(shape, size=out.len(), dtype=np.float32)`.
    ///
    /// ```
    /// let mut x = [0.0f32; 2];
    /// nprand::generator::default_rng(0).standard_gamma_f32_into(&mut x, 0.5).unwrap();
    /// assert_eq!(x[0], nprand::generator::default_rng(0).standard_gamma_f32(0.5).unwrap());
    /// ```
    pub fn standard_gamma_f32_into(&mut self, out: &mut [f32], shape: f32) -> Result<()> {
        GCons::NonNegative.check_scalar(shape as f64, "shape")?;
        for o in out {
            *o = standard_gamma_f32(&mut self.bg, shape);
        }
        Ok(())
    }

    /// `rng.dirichlet(alpha, size)`: an array of shape `size + (len(alpha),)` (`(k,)` for
    /// `size=None`), one vector per row. `alpha < 0` is NumPy's
    /// error (zeros and NaN pass). When every alpha is below 0.1 NumPy breaks the stick with
    /// beta variates; otherwise it normalises gammas (multiplying by `1 / sum`).
    ///
    /// ```
    /// // np.random.default_rng(0).dirichlet([1, 2, 3], size=2)
    /// let x = nprand::default_rng(0).dirichlet(&[1.0, 2.0, 3.0], Some(&[2])).unwrap();
    /// assert_eq!(x.shape, [2, 3]);
    /// assert!((x[..3].iter().sum::<f64>() - 1.0).abs() < 1e-12);
    /// ```
    pub fn dirichlet(
        &mut self,
        alpha: &[f64],
        size: Option<&[usize]>,
    ) -> Result<crate::array::NdArray<f64>> {
        if alpha.iter().any(|&a| a < 0.0) {
            return Err(Error::value("alpha < 0"));
        }
        let k = alpha.len();
        // diric = np.zeros(size + (k,), np.float64)
        let mut nd = crate::common::alloc::zeros_rows(size, k, crate::common::alloc::Dtype::F64)?;
        if k == 0 {
            return Ok(nd);
        }
        let out = &mut nd.data;
        let max = alpha.iter().copied().fold(f64::NEG_INFINITY, |m, a| {
            if m.is_nan() || a.is_nan() {
                f64::NAN
            } else {
                m.max(a)
            }
        });
        if max < 0.1 {
            let mut csum_arr = vec![0.0; k];
            let mut csum = 0.0;
            for j in (0..k).rev() {
                csum += alpha[j];
                csum_arr[j] = csum;
            }
            if csum > 0.0 {
                for row in out.chunks_exact_mut(k) {
                    let mut acc = 1.0;
                    for j in 0..k - 1 {
                        let v = beta(&mut self.bg, alpha[j], csum_arr[j + 1]);
                        row[j] = acc * v;
                        acc *= 1.0 - v;
                        if csum_arr[j + 1] == 0.0 {
                            break;
                        }
                    }
                    row[k - 1] = acc;
                }
            }
        } else {
            for row in out.chunks_exact_mut(k) {
                let mut acc = 0.0;
                for (o, &a) in row.iter_mut().zip(alpha) {
                    *o = standard_gamma(&mut self.bg, a);
                    acc += *o;
                }
                let inv = 1.0 / acc;
                for o in row.iter_mut() {
                    *o *= inv;
                }
            }
        }
        Ok(nd)
    }
}

/// The float32 row of the broadcast table (the float64 ones are declared above).
pub(crate) const SPECS: &[GenSpec] = &[GenSpec {
    name: "standard_gamma_f32",
    params: &[Param::f32("shape", GCons::NonNegative)],
    internal_order: &[],
    prepare: None,
    kernel: GKernel::F32(|bg: &mut dyn BitGenerator, p: &[Num]| {
        standard_gamma_f32(bg, p[0].f() as f32)
    }),
    bulk: super::broadcast::GBulk::None,
}];
