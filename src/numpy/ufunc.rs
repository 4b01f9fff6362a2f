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
//! **`tanh` is the exception**: NumPy 2.4.6 runs its own float64 `tanh`
//! (`loops_hyperbolic.dispatch.cpp.src`, Intel SVML's table-driven polynomial converted
//! to Highway) wherever the CPU has native FMA SIMD: x86-64-v3 (AVX2 + FMA) and up, and
//! AArch64. It differs from glibc's `tanh` in 39,107 of the same 200,000 inputs.
//! [`tanh`] follows the same dispatch: [`tanh_simd`], a port of that algorithm (it works
//! lane by lane, so every vector width gives the same bits), on such CPUs, the libm
//! `tanh` otherwise (NumPy's `npy_tanh`).
//!
//! **AVX-512 CPUs** run NumPy's AVX-512 algorithms for the other six (`exp`, `log`,
//! `expm1`, `log1p`, `tan`, `arctan`), which differ from glibc's in 144 (`log`) to
//! 11,817 (`expm1`) of 200,000 inputs (the figures of issue 16); they were not
//! measurable on this AVX2 machine and are not reproduced.

use crate::prelude::*;

#[path = "tanh_data.rs"]
mod tanh_data;

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

/// `np.tanh(x)` (float64) as NumPy computes it on the running CPU: [`tanh_simd`] where
/// NumPy dispatches to its SIMD loop (x86-64 with AVX2, FMA and the rest of
/// x86-64-v3, or AArch64), the libm `tanh` elsewhere.
///
/// ```
/// assert_eq!(nprand::numpy::ufunc::tanh(0.0), 0.0);
/// assert_eq!(nprand::numpy::ufunc::tanh(f64::INFINITY), 1.0);
/// ```
#[must_use]
pub fn tanh(x: f64) -> f64 {
    if numpy_simd_tanh() {
        tanh_simd(x)
    } else {
        tanh_baseline(x)
    }
}

/// `np.tanh(x)` on a CPU without FMA SIMD (or with `NPY_DISABLE_CPU_FEATURES` naming
/// `X86_V3`): NumPy's `npy_tanh`, the libm `tanh` (glibc's on Linux).
///
/// ```
/// assert_eq!(nprand::numpy::ufunc::tanh_baseline(0.5), 0.5f64.tanh());
/// ```
#[must_use]
pub fn tanh_baseline(x: f64) -> f64 {
    x.tanh()
}

/// Whether NumPy 2.4.6 runs its SIMD `tanh` on this CPU: its `X86_V3` target (AVX,
/// AVX2, FMA3, F16C, BMI1/2, LZCNT, MOVBE) on x86-64; always on AArch64.
fn numpy_simd_tanh() -> bool {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // Asked once: `tanh` calls this per element.
        static V3: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *V3.get_or_init(|| cpu_has!("avx2", "fma", "f16c", "bmi1", "bmi2", "lzcnt", "movbe"))
    }
    #[cfg(target_arch = "aarch64")]
    {
        true
    }
    #[cfg(not(any(
        all(target_arch = "x86_64", target_feature = "sse2"),
        target_arch = "aarch64"
    )))]
    {
        false
    }
}

/// NumPy 2.4.6's SIMD float64 `tanh` (`simd_tanh_f64` of
/// `loops_hyperbolic.dispatch.cpp.src`), one lane: the interval index from the
/// exponent and top mantissa bit of `|x|` (16 intervals), `y = |x| - b`, a degree-16
/// polynomial in `y` by fused multiply-adds, the sign of `x` ORed back in; 1 for
/// `|x| >= 2^1023` and infinities, NumPy's quiet NaN for a NaN.
///
/// ```
/// use nprand::numpy::ufunc::tanh_simd;
/// // np.tanh(np.float64(0.00044295626086393586)) on an AVX2 CPU
/// assert_eq!(tanh_simd(0.00044295626086393586).to_bits(), 0x3f3d0792878ff236);
/// assert_eq!(tanh_simd(-0.0).to_bits(), (-0.0f64).to_bits());
/// ```
#[must_use]
pub fn tanh_simd(x: f64) -> f64 {
    use tanh_data::LUT16X18 as T;
    if x.is_nan() {
        return f64::from_bits(0x7ff8_0000_0000_0000);
    }
    let bits = x.to_bits();
    let ndnan = bits & 0x7ff8_0000_0000_0000;
    let sign = bits & 0x8000_0000_0000_0000;
    if ndnan > 0x7fe0_0000_0000_0000 {
        return f64::from_bits(1.0f64.to_bits() | sign);
    }
    // The high 32 bits of `ndnan - 0x3fc0...`, clamped to [0, 0x780000] as i32, >> 19.
    let hi = ((ndnan >> 32) as i64 - 0x3fc0_0000).clamp(0, 0x78_0000);
    let idx = (hi >> 19) as usize;
    let c = |k: usize| f64::from_bits(T[k + 1][idx]);
    let y = x.abs() - f64::from_bits(T[0][idx]);
    let mut r = c(16).mul_add(y, c(15));
    for k in (0..15).rev() {
        r = r.mul_add(y, c(k));
    }
    f64::from_bits(r.to_bits() | sign)
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
