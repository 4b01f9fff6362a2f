//! [`log_slice`]: [`log`] over a slice, eight lanes at a time with AVX-512F or four with
//! AVX2 and FMA where the CPU has them (detected at run time, AVX-512 first; the AVX-512
//! kernel is in `slice_avx512.rs`), bit-identical to the scalar [`log`].
//!
//! The AVX2 kernel runs ARM's `log` main path on every lane, then, for the lanes near 1
//! (listed as it goes), the near-1 polynomial, in vector form too (the same IEEE
//! operations in the same order, each FMA where the scalar port has `mul_add`); lanes
//! that need a special case (zero, negative, subnormal, inf, NaN) are recomputed by the
//! scalar [`log`]. The safe twin is the plain loop; the tests compare it with every kernel the CPU has.

use super::log::log;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::log_data::{LN2HI, LN2LO, POLY as A, POLY1 as B, TAB};
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::slice_avx512::log_slice_avx512;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::slice_common::{
    has_avx2_fma, has_avx512, not_normal_avx2, pad_rest, split_avx2, store_avx2,
};

/// Replaces every element `v` of `x` by `log(v)`, with exactly the bits of [`log`].
///
/// ```
/// let mut x = [1.0, 0.5, std::f64::consts::E, 0.0, -1.0, 1e-310];
/// let want: Vec<f64> = x.iter().map(|&v| nprand::math::log(v)).collect();
/// nprand::math::log_slice(&mut x);
/// assert_eq!(x.map(f64::to_bits).to_vec(), want.iter().map(|v| v.to_bits()).collect::<Vec<_>>());
/// ```
pub fn log_slice(x: &mut [f64]) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if has_avx512() {
        // SAFETY: the kernel is compiled for AVX-512F, AVX2 and FMA, detected just now.
        unsafe { log_slice_avx512::<false>(x) };
        return;
    }
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if has_avx2_fma() {
        // SAFETY: the kernel is compiled for AVX2 and FMA, both detected just now.
        unsafe { log_slice_avx2::<false>(x) };
        return;
    }
    log_slice_scalar(x);
}

/// `x[i] = -log(x[i])`: [`log_slice`] with the negation done as the kernel stores
/// (a sign flip, exactly what `-` does), for the exponential's `-log(1 - U)` without a
/// second pass over the values.
pub(crate) fn neg_log_slice(x: &mut [f64]) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if has_avx512() {
        // SAFETY: the kernel is compiled for AVX-512F, AVX2 and FMA, detected just now.
        unsafe { log_slice_avx512::<true>(x) };
        return;
    }
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if has_avx2_fma() {
        // SAFETY: the kernel is compiled for AVX2 and FMA, both detected just now.
        unsafe { log_slice_avx2::<true>(x) };
        return;
    }
    for v in x {
        *v = neg_log(*v);
    }
}

/// The safe twin: [`log`] element by element.
fn log_slice_scalar(x: &mut [f64]) {
    for v in x {
        *v = log(*v);
    }
}

/// `-log(v)`: [`neg_log_slice`] without the kernel, and the lanes the kernel leaves to
/// the scalar port.
pub(super) fn neg_log(v: f64) -> f64 {
    -log(v)
}

/// Bits of `1 - 2^-4` and `1 + 0x1.09p-4`, the near-1 interval of [`log`].
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
pub(super) const NEAR1: (i64, i64) = (0x3fee_0000_0000_0000, 0x3ff1_0900_0000_0000);
/// `2^27`, as in [`log`]'s near-1 branch.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
pub(super) const TWO27: f64 = 134_217_728.0;
/// Bits of 0x1.6p-1, as in [`log`].
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
pub(super) const OFF: i64 = 0x3fe6_0000_0000_0000;

/// # Safety
/// The CPU must support AVX2 and FMA.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2,fma")]
unsafe fn log_slice_avx2<const NEG: bool>(x: &mut [f64]) {
    let mut passes = x.chunks_exact_mut(4 * PASS);
    for pass in &mut passes {
        // SAFETY: the caller's guarantee (AVX2 and FMA) is the kernel's.
        unsafe { log_pass_avx2::<NEG>(pass) };
    }
    let rest = passes.into_remainder();
    let (whole, tail) = rest.split_at_mut(rest.len() / 4 * 4);
    // SAFETY: as above; the rest's whole vectors make one short pass.
    unsafe { log_pass_avx2::<NEG>(whole) };
    // SAFETY: as above.
    unsafe { pad_rest::<4>(tail, 2.0, log_slice_avx2::<NEG>) };
}

/// Vectors of four that one [`log_pass_avx2`] takes before it goes back for the lanes
/// near 1 (their list is on the stack: 4 bytes a vector).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
pub(super) const PASS: usize = 128;

/// One pass over whole vectors (`x.len()` a multiple of 4, at most `4 * PASS`).
///
/// About one uniform in 16 lies near 1, so a quarter of the vectors of uniforms have
/// such a lane, at random. Branching to the near-1 polynomial inside the main loop
/// mispredicted on those; computing both polynomials for every vector was slower still.
/// So the main loop leaves a near-1 lane's input in place and lists the vector, and a
/// second loop over the list finishes those lanes. Measured on Zen 3 on fresh random
/// inputs (`standard_exponential_into`, n = 10^6): 3.15 against 2.7 ns a value for the
/// branch in the main loop. (On one input timed over and over, the predictor learns
/// the branch pattern and the branching loop looked faster: measure on fresh draws.)
///
/// # Safety
/// The CPU must support AVX2 and FMA.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2,fma")]
unsafe fn log_pass_avx2<const NEG: bool>(x: &mut [f64]) {
    use core::arch::x86_64::*;
    debug_assert!(x.len().is_multiple_of(4) && x.len() <= 4 * PASS);
    // Uninitialised: zeroing 512 bytes would be paid by every call, and the gamma
    // batches call with a few dozen values at a time. Entry `i < listed` is written before it is
    // read: `j << 4 | mask` (vector index, lanes near 1).
    let mut near = [const { core::mem::MaybeUninit::<u32>::uninit() }; PASS];
    let mut listed = 0usize;
    for (j, c) in x.chunks_exact_mut(4).enumerate() {
        // SAFETY (whole block): `c` has exactly 4 elements, so the unaligned 256-bit load
        // and store stay in bounds; the row loads read TAB[i] (16 bytes) with
        // i = (tmp >> 45) & 127 < 128.
        unsafe {
            let xv = _mm256_loadu_pd(c.as_ptr());
            let ix = _mm256_castpd_si256(xv);
            // Lanes the main path does not cover: near 1, or x < 0x1p-1022 / inf / NaN /
            // negative (as signed integers: outside [0x1p-1022, inf)).
            let near1 = _mm256_and_si256(
                _mm256_cmpgt_epi64(ix, _mm256_set1_epi64x(NEAR1.0 - 1)),
                _mm256_cmpgt_epi64(_mm256_set1_epi64x(NEAR1.1), ix),
            );
            let special = not_normal_avx2(ix);
            let fallback = _mm256_movemask_pd(_mm256_castsi256_pd(special));
            let near1_mask = _mm256_movemask_pd(_mm256_castsi256_pd(near1));
            let (_, kd, z) = split_avx2(ix, OFF);
            // The table rows, one 128-bit load per lane ([invc, logc]) and two shuffles.
            // The row index is computed again from the input in a general register: the
            // integer units are idle here, while taking lanes out of a vector (or a
            // 256-bit store and four reloads, as this once did) costs the vector load and
            // move ports the kernel is bound by. The load is volatile because otherwise
            // LLVM sees the input's lane and extracts it from the vector after all.
            // Not `vgatherqpd`: slower on Zen than these loads.
            let row = |k: usize| {
                // SAFETY: k < 4 = c.len(); an aligned, initialised f64 read as u64.
                let b = core::ptr::read_volatile(c.as_ptr().add(k).cast::<u64>());
                let i = (b.wrapping_sub(OFF as u64) >> 45) & 127;
                _mm_loadu_pd(TAB[i as usize].as_ptr().cast())
            };
            let r02 = _mm256_insertf128_pd(_mm256_castpd128_pd256(row(0)), row(2), 1);
            let r13 = _mm256_insertf128_pd(_mm256_castpd128_pd256(row(1)), row(3), 1);
            let invc = _mm256_unpacklo_pd(r02, r13);
            let logc = _mm256_unpackhi_pd(r02, r13);

            // The scalar main path, operation for operation.
            let r = _mm256_fmadd_pd(z, invc, _mm256_set1_pd(-1.0));
            let w = _mm256_fmadd_pd(kd, _mm256_set1_pd(LN2HI), logc);
            let hi = _mm256_add_pd(w, r);
            let lo = _mm256_fmadd_pd(
                kd,
                _mm256_set1_pd(LN2LO),
                _mm256_add_pd(_mm256_sub_pd(w, hi), r),
            );
            let r2 = _mm256_mul_pd(r, r);
            let a12 = _mm256_fmadd_pd(r, _mm256_set1_pd(A[2]), _mm256_set1_pd(A[1]));
            let a34 = _mm256_fmadd_pd(r, _mm256_set1_pd(A[4]), _mm256_set1_pd(A[3]));
            let lo = _mm256_fmadd_pd(r2, _mm256_set1_pd(A[0]), lo);
            let q = _mm256_fmadd_pd(a34, r2, a12);
            let y = _mm256_add_pd(_mm256_fmadd_pd(_mm256_mul_pd(r, r2), q, lo), hi);
            // Lanes near 1 keep their input and the vector is listed: the second loop
            // gives them the near-1 polynomial (see the function's docs).
            let y = if NEG {
                _mm256_xor_pd(y, _mm256_set1_pd(-0.0))
            } else {
                y
            };
            let y = _mm256_blendv_pd(y, xv, _mm256_castsi256_pd(near1));
            near[listed % PASS].write((j as u32) << 4 | near1_mask as u32);
            listed += usize::from(near1_mask != 0);
            store_avx2(c, y, fallback, if NEG { neg_log } else { log });
        }
    }
    for entry in &near[..listed] {
        // SAFETY: entries below `listed` were written in the loop above.
        let e = unsafe { entry.assume_init() };
        let (j, mask) = ((e >> 4) as usize, i64::from(e & 15));
        let c = &mut x[4 * j..][..4];
        // SAFETY: `c` has 4 elements.
        unsafe {
            let xv = _mm256_loadu_pd(c.as_ptr());
            let bits = _mm256_set_epi64x(8, 4, 2, 1);
            let lanes = _mm256_cmpeq_epi64(_mm256_and_si256(_mm256_set1_epi64x(mask), bits), bits);
            let y = log_near_one_avx2(xv);
            let y = if NEG {
                _mm256_xor_pd(y, _mm256_set1_pd(-0.0))
            } else {
                y
            };
            _mm256_storeu_pd(
                c.as_mut_ptr(),
                _mm256_blendv_pd(xv, y, _mm256_castsi256_pd(lanes)),
            );
        }
    }
}

/// The scalar `log_near_one` on four lanes, operation for operation (each FMA where it
/// has `mul_add`). `x == 1` needs no special case: every term is +0 and so is the sum.
///
/// # Safety
/// The CPU must support AVX2 and FMA.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2,fma")]
#[inline]
unsafe fn log_near_one_avx2(x: core::arch::x86_64::__m256d) -> core::arch::x86_64::__m256d {
    use core::arch::x86_64::*;
    let c = |v: f64| _mm256_set1_pd(v);
    let r = _mm256_sub_pd(x, c(1.0));
    let r2 = _mm256_mul_pd(r, r);
    let r3 = _mm256_mul_pd(r, r2);
    let p1 = _mm256_fmadd_pd(r2, c(B[3]), _mm256_fmadd_pd(r, c(B[2]), c(B[1])));
    let p4 = _mm256_fmadd_pd(r2, c(B[6]), _mm256_fmadd_pd(r, c(B[5]), c(B[4])));
    let p7 = _mm256_fmadd_pd(
        r3,
        c(B[10]),
        _mm256_fmadd_pd(r2, c(B[9]), _mm256_fmadd_pd(r, c(B[8]), c(B[7]))),
    );
    let p = _mm256_fmadd_pd(_mm256_fmadd_pd(p7, r3, p4), r3, p1);
    let rhi = _mm256_fmadd_pd(c(-TWO27), r, _mm256_fmadd_pd(r, c(TWO27), r));
    let rlo = _mm256_sub_pd(r, rhi);
    let rhi2 = _mm256_mul_pd(rhi, rhi);
    let hi = _mm256_fmadd_pd(rhi2, c(B[0]), r);
    let lo = _mm256_fmadd_pd(rhi2, c(B[0]), _mm256_sub_pd(r, hi));
    let lo = _mm256_fmadd_pd(_mm256_mul_pd(c(B[0]), rlo), _mm256_add_pd(rhi, r), lo);
    _mm256_add_pd(hi, _mm256_fmadd_pd(r3, p, lo))
}

#[cfg(test)]
mod tests {
    use super::super::slice_common::{assert_paths_agree, special_values, xorshift};
    use super::*;

    /// Random bit patterns, (0, 1) doubles, values near 1 and every special kind, through
    /// both paths: the bits must agree.
    #[test]
    fn simd_matches_scalar() {
        let mut next = xorshift(0x1234_5678_9abc_def0u64);
        let mut input = special_values();
        input.extend([
            f64::from_bits(0x3fee_0000_0000_0000),
            f64::from_bits(0x3fed_ffff_ffff_ffff),
            f64::from_bits(0x3ff1_0900_0000_0000),
            f64::from_bits(0x3ff1_08ff_ffff_ffff),
        ]);
        for k in 0..200_000 {
            let r = next();
            input.push(match k % 4 {
                0 => f64::from_bits(r),
                1 => (r >> 11) as f64 / 9_007_199_254_740_992.0,
                2 => f64::from_bits(0x3ff0_0000_0000_0000 + (r >> 14) - (1 << 49)),
                _ => f64::from_bits(r >> 1),
            });
        }
        let neg_scalar: fn(&mut [f64]) = |x| {
            for v in x {
                *v = neg_log(*v);
            }
        };
        assert_paths_agree(&input, log_slice, log_slice_scalar);
        assert_paths_agree(&input, neg_log_slice, neg_scalar);
        // Each kernel the CPU has, not only the one the dispatch picks.
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        {
            if has_avx2_fma() {
                // SAFETY: AVX2 and FMA were detected just now.
                assert_paths_agree(
                    &input,
                    |x| unsafe { log_slice_avx2::<false>(x) },
                    log_slice_scalar,
                );
                // SAFETY: as above.
                assert_paths_agree(&input, |x| unsafe { log_slice_avx2::<true>(x) }, neg_scalar);
            }
            if has_avx512() {
                // SAFETY: AVX-512F, AVX2 and FMA were detected just now.
                assert_paths_agree(
                    &input,
                    |x| unsafe { log_slice_avx512::<false>(x) },
                    log_slice_scalar,
                );
                // SAFETY: as above.
                assert_paths_agree(
                    &input,
                    |x| unsafe { log_slice_avx512::<true>(x) },
                    neg_scalar,
                );
            }
        }
    }
}
