//! The float64 ufuncs `np.exp`, `log`, `expm1`, `log1p`, `tan`, `arctan`, `tanh` on
//! x86-64 CPUs with AVX2 and no AVX-512.
//!
//! NumPy 2.4.6 dispatches these to its own SIMD code only on AVX-512 CPUs
//! (`AVX512F`/`AVX512_SKX`); on an AVX2 CPU `exp`, `log`, `expm1`, `log1p`, `tan` and
//! `arctan` call glibc's libm one element at a time. nprand's [`crate::math`] ports equal
//! glibc's `exp`, `log`, `expm1`, `log1p` bit for bit on every platform; `tan` and
//! `arctan` are `f64::tan`/`f64::atan`, which are glibc's on Linux (and the platform's
//! libm elsewhere). Measured on this AVX2 machine (200,000 inputs in [-20, 20]): 0
//! differences for those six.
//!
//! **`tanh` is the exception**: NumPy 2.4.6 runs its own float64 `tanh` on AVX2 too
//! (`loops_hyperbolic.dispatch.c.src`), which differs from glibc's in 39,107 of the same
//! 200,000 inputs. It is not ported yet: [`tanh`] is glibc's (`f64::tanh`) and says so.
//!
//! **AVX-512 CPUs** run NumPy's AVX-512 algorithms for all seven, which differ from
//! glibc's in 144 (`log`) to 39,486 (`tanh`) of 200,000 inputs; they were not measurable
//! on this machine and are not reproduced.

/// `np.exp(x)` (float64) on AVX2 CPUs: glibc's `exp`.
///
/// ```
/// assert_eq!(nprand::numpy::ufunc::exp(1.0), std::f64::consts::E);
/// ```
#[must_use]
pub fn exp(x: f64) -> f64 {
    crate::math::exp(x)
}

/// `np.log(x)` (float64) on AVX2 CPUs: glibc's `log`, except that NumPy's NaN for a
/// negative `x` (or `-inf`) is the positive quiet NaN `0x7ff8000000000000` where glibc
/// returns x86's default NaN `0xfff8000000000000` (measured: every other result of
/// 300,000 inputs is glibc's bit for bit).
///
/// ```
/// assert_eq!(nprand::numpy::ufunc::log(1.0), 0.0);
/// assert_eq!(nprand::numpy::ufunc::log(-1.0).to_bits(), 0x7ff8_0000_0000_0000);
/// ```
#[must_use]
pub fn log(x: f64) -> f64 {
    if x < 0.0 {
        return f64::from_bits(0x7ff8_0000_0000_0000);
    }
    crate::math::log(x)
}

/// `np.expm1(x)` (float64) on AVX2 CPUs: glibc's `expm1`.
///
/// ```
/// assert_eq!(nprand::numpy::ufunc::expm1(0.0), 0.0);
/// ```
#[must_use]
pub fn expm1(x: f64) -> f64 {
    crate::math::expm1(x)
}

/// `np.log1p(x)` (float64) on AVX2 CPUs: glibc's `log1p`.
///
/// ```
/// assert_eq!(nprand::numpy::ufunc::log1p(0.0), 0.0);
/// ```
#[must_use]
pub fn log1p(x: f64) -> f64 {
    crate::math::log1p(x)
}

/// `np.tan(x)` (float64) on AVX2 CPUs: the libm `tan` (glibc's on Linux).
///
/// ```
/// assert_eq!(nprand::numpy::ufunc::tan(0.0), 0.0);
/// ```
#[must_use]
pub fn tan(x: f64) -> f64 {
    x.tan()
}

/// `np.arctan(x)` (float64) on AVX2 CPUs: the libm `atan` (glibc's on Linux).
///
/// ```
/// assert_eq!(nprand::numpy::ufunc::arctan(1.0), std::f64::consts::FRAC_PI_4);
/// ```
#[must_use]
pub fn arctan(x: f64) -> f64 {
    x.atan()
}

/// `np.tanh(x)`, **approximately**: glibc's `tanh`. NumPy 2.4.6 runs its own SIMD
/// `tanh` on AVX2 CPUs as well, which differs from this in the last bit for about one
/// input in five (see the module docs).
///
/// ```
/// assert_eq!(nprand::numpy::ufunc::tanh(0.0), 0.0);
/// ```
#[must_use]
pub fn tanh(x: f64) -> f64 {
    x.tanh()
}

/// Applies one of these functions to every element, as the ufunc does to an array.
///
/// ```
/// use nprand::numpy::ufunc;
/// assert_eq!(ufunc::map(&[0.0, 1.0], ufunc::log1p), vec![0.0, std::f64::consts::LN_2]);
/// ```
pub fn map(x: &[f64], f: fn(f64) -> f64) -> Vec<f64> {
    x.iter().map(|&v| f(v)).collect()
}
