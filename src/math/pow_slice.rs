//! [`pow_slice`]: [`pow`] of every element of a slice to one exponent, eight lanes at a
//! time with AVX-512F or four with AVX2 and FMA where the CPU has them (detected at run
//! time, AVX-512 first; that kernel is in `slice_avx512.rs`), bit-identical to the scalar
//! [`pow`].
//!
//! The AVX2 kernel runs only the main path of ARM's `pow`: a positive normal base, an
//! exponent with `2^-65 <= |y| < 2^63` (checked once for the slice), and `y log(x)`
//! with `2^-54 <= |y log(x)| < 512`. It does the scalar port's IEEE operations in the
//! same order (its `log_inline`, the exact product, its `exp_inline`; each FMA where the
//! port has `mul_add`); every other lane is recomputed by the scalar [`pow`]. The table
//! rows are fetched with `vgatherqpd` (pow's arithmetic, about 60 operations a lane,
//! hides them). The safe twin is the plain loop; the tests compare it with every kernel
//! the CPU has.
//!
//! Measured on Zen 3 (2026-12-07, n = 10^7, `bench_vs_numpy.py`): legacy `weibull(1.5)`,
//! a vector `log` and then a scalar `pow` per value, took 17.2 ns a value against NumPy's
//! 39.5; the README's #14 section has the figures with this kernel.

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::exp_data::TAB as EXP_TAB;
use super::pow::pow;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::pow_log_data::{LN2HI, LN2LO, POLY as A, TAB as LOG_TAB};
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::slice_avx512::pow_slice_avx512;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::slice_common::{
    exp_finish_avx2, exp_outside_avx2, exp_reduce_avx2, has_avx2_fma, has_avx512, not_normal_avx2,
    split_avx2, store_avx2,
};

/// Replaces every element `v` of `x` by `pow(v, y)`, with exactly the bits of [`pow`].
///
/// ```
/// let mut x = [2.0, 0.5, 1e-300, 0.0, -8.0, f64::NAN, 3.0];
/// let want: Vec<u64> = x.iter().map(|&v| nprand::math::pow(v, 1.5).to_bits()).collect();
/// nprand::math::pow_slice(&mut x, 1.5);
/// assert_eq!(x.map(f64::to_bits).to_vec(), want);
/// ```
pub fn pow_slice(x: &mut [f64], y: f64) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if has_avx512() && main_exponent(y) {
        // SAFETY: the kernel is compiled for AVX-512F, AVX2 and FMA, detected just now;
        // `y` is on the main path.
        unsafe { pow_slice_avx512(x, y) };
        return;
    }
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if has_avx2_fma() && main_exponent(y) {
        // SAFETY: the kernel is compiled for AVX2 and FMA, both detected just now.
        unsafe { pow_slice_avx2(x, y) };
        return;
    }
    pow_slice_scalar(x, y);
}

/// The safe twin: [`pow`] element by element.
fn pow_slice_scalar(x: &mut [f64], y: f64) {
    for v in x {
        *v = pow(*v, y);
    }
}

/// Whether `y` is an exponent of `pow`'s main path: `2^-65 <= |y| < 2^63` (so neither
/// zero, inf nor NaN), the scalar port's test on `topy`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
fn main_exponent(y: f64) -> bool {
    let topy = (y.to_bits() >> 52) as u32 & 0x7ff;
    topy.wrapping_sub(0x3be) < 0x80
}

/// Bits of 0x1.6955p-1, as in [`pow`]'s `log_inline`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
pub(super) const OFF: i64 = 0x3fe6_9555_0000_0000;

/// # Safety
/// The CPU must support AVX2 and FMA; `y` must pass [`main_exponent`].
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2,fma")]
unsafe fn pow_slice_avx2(x: &mut [f64], y: f64) {
    use core::arch::x86_64::*;
    let i64s = |v: i64| _mm256_set1_epi64x(v);
    let f64s = |v: f64| _mm256_set1_pd(v);
    let yv = f64s(y);
    let scalar = |v: f64| pow(v, y);
    let mut chunks = x.chunks_exact_mut(4);
    for c in &mut chunks {
        // SAFETY (whole block): `c` has exactly 4 elements, so the unaligned 256-bit load
        // and store stay in bounds. The log gathers read words 3i, 3i + 1, 3i + 2 of
        // LOG_TAB (128 rows of 3) with i = (tmp >> 45) & 127; the exp gathers words 2j and
        // 2j + 1 of EXP_TAB (256 words) with j = ki & 127.
        unsafe {
            let xv = _mm256_loadu_pd(c.as_ptr());
            let ix = _mm256_castpd_si256(xv);
            // Lanes outside [0x1p-1022, inf) as signed integers: zero, subnormal,
            // negative, inf, NaN (the scalar port's special cases for x).
            let special = not_normal_avx2(ix);
            // log_inline: k, z and the row as in `split`.
            let (tmp, kd, z) = split_avx2(ix, OFF);
            let i = _mm256_and_si256(_mm256_srli_epi64::<45>(tmp), i64s(127));
            let row = _mm256_add_epi64(_mm256_slli_epi64::<1>(i), i);
            let base = LOG_TAB.as_ptr().cast::<f64>();
            let invc = _mm256_i64gather_pd::<8>(base, row);
            let logc = _mm256_i64gather_pd::<8>(base.add(1), row);
            let logctail = _mm256_i64gather_pd::<8>(base.add(2), row);

            let r = _mm256_fmadd_pd(z, invc, f64s(-1.0));
            let t1 = _mm256_fmadd_pd(kd, f64s(LN2HI), logc);
            let t2 = _mm256_add_pd(t1, r);
            let lo1 = _mm256_fmadd_pd(kd, f64s(LN2LO), logctail);
            let lo2 = _mm256_add_pd(_mm256_sub_pd(t1, t2), r);
            let ar = _mm256_mul_pd(f64s(A[0]), r);
            let ar2 = _mm256_mul_pd(r, ar);
            let ar3 = _mm256_mul_pd(r, ar2);
            let hi = _mm256_add_pd(t2, ar2);
            let lo3 = _mm256_fmsub_pd(ar, r, ar2);
            let lo4 = _mm256_add_pd(_mm256_sub_pd(t2, hi), ar2);
            let q = _mm256_fmadd_pd(
                ar2,
                _mm256_fmadd_pd(
                    ar2,
                    _mm256_fmadd_pd(r, f64s(A[6]), f64s(A[5])),
                    _mm256_fmadd_pd(r, f64s(A[4]), f64s(A[3])),
                ),
                _mm256_fmadd_pd(r, f64s(A[2]), f64s(A[1])),
            );
            let lo = _mm256_fmadd_pd(
                ar3,
                q,
                _mm256_add_pd(_mm256_add_pd(_mm256_add_pd(lo1, lo2), lo3), lo4),
            );
            let lhi = _mm256_add_pd(hi, lo);
            let llo = _mm256_add_pd(_mm256_sub_pd(hi, lhi), lo);

            // ehi + elo = y * (lhi + llo).
            let ehi = _mm256_mul_pd(yv, lhi);
            let elo = _mm256_fmadd_pd(yv, llo, _mm256_fmsub_pd(lhi, yv, ehi));

            // exp_inline's main path: 2^-54 <= |ehi| < 512, else the scalar port.
            let outside = exp_outside_avx2(_mm256_castpd_si256(ehi));
            let fallback =
                _mm256_movemask_pd(_mm256_castsi256_pd(_mm256_or_si256(special, outside)));

            // exp_reduce(ehi, elo, 0).
            let (ki, r) = exp_reduce_avx2(ehi, elo);
            let j2 = _mm256_slli_epi64::<1>(_mm256_and_si256(ki, i64s(127)));
            let ebase = EXP_TAB.as_ptr().cast::<f64>();
            let tail = _mm256_i64gather_pd::<8>(ebase, j2);
            let sbits = _mm256_add_epi64(
                _mm256_castpd_si256(_mm256_i64gather_pd::<8>(ebase.add(1), j2)),
                _mm256_slli_epi64::<45>(ki),
            );
            store_avx2(c, exp_finish_avx2(r, tail, sbits), fallback, scalar);
        }
    }
    for v in chunks.into_remainder() {
        *v = pow(*v, y);
    }
}

#[cfg(test)]
mod tests {
    use super::super::slice_common::{special_values, xorshift};
    use super::*;
    use crate::prelude::*;

    /// A slice form under test: the dispatch or one kernel.
    type Kernel = fn(&mut [f64], f64);

    /// Random bit patterns, the samplers' ranges, every special kind of base, and
    /// exponents on both sides of the main path's bounds, through the dispatch and the
    /// scalar loop (cut at every remainder length): the bits must agree.
    #[test]
    fn simd_matches_scalar() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1du64);
        let mut input = special_values();
        input.push(2.0);
        // 30,000: every kernel runs each exponent at eight cuts, and the emulated AVX-512
        // run (`scripts/avx512_emulated.sh`) interprets every instruction.
        for k in 0..30_000 {
            let r = next();
            let u = (r >> 11) as f64 / 9_007_199_254_740_992.0;
            input.push(match k % 4 {
                0 => f64::from_bits(r),
                1 => u,
                2 => -u.ln() * 8.0,
                _ => f64::from_bits(r >> 1),
            });
        }
        let ys = [
            1.5,
            1.0 / 1.5,
            0.5,
            2.0,
            3.0,
            -1.0,
            -2.5,
            1.0 / 3.0,
            1e-3,
            1e3,
            300.0,
            -0.7,
            f64::from_bits(0x3be0_0000_0000_0000),
            f64::from_bits(0x3bdf_ffff_ffff_ffff),
            f64::from_bits(0x43df_ffff_ffff_ffff),
            f64::from_bits(0x43e0_0000_0000_0000),
            0.0,
            f64::NAN,
            f64::INFINITY,
        ];
        let mut kernels: Vec<(&str, Kernel)> = vec![("dispatch", pow_slice)];
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        {
            // The kernels take only exponents on the main path (the dispatch checks).
            if has_avx2_fma() {
                kernels.push(("avx2", |x, y| {
                    if main_exponent(y) {
                        // SAFETY: AVX2 and FMA were detected; `y` is on the main path.
                        unsafe { pow_slice_avx2(x, y) }
                    } else {
                        pow_slice_scalar(x, y)
                    }
                }));
            }
            if has_avx512() {
                kernels.push(("avx512", |x, y| {
                    if main_exponent(y) {
                        // SAFETY: AVX-512F, AVX2 and FMA were detected; `y` is on the
                        // main path.
                        unsafe { pow_slice_avx512(x, y) }
                    } else {
                        pow_slice_scalar(x, y)
                    }
                }));
            }
        }
        for (name, kernel) in kernels {
            for y in ys {
                for cut in 0..8 {
                    let mut a = input[cut..].to_vec();
                    let mut b = a.clone();
                    kernel(&mut a, y);
                    pow_slice_scalar(&mut b, y);
                    for (j, (p, q)) in a.iter().zip(&b).enumerate() {
                        let x = input[cut + j];
                        assert_eq!(p.to_bits(), q.to_bits(), "{name}: pow({x:e}, {y:e})");
                    }
                }
            }
        }
    }
}
