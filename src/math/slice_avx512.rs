//! The AVX-512 kernels of [`super::log_slice`], [`super::exp_slice`] and
//! [`super::pow_slice`]: their AVX2 kernels eight lanes wide, with the same IEEE
//! operations in the same order (each FMA where the scalar port has `mul_add`), so the
//! same bits as the scalar [`log`], [`exp`] and [`pow`]. Chosen at run time before AVX2
//! where the CPU has AVX-512F.
//!
//! What AVX-512 changes besides the width: the lane tests give mask registers, so the
//! lanes a kernel leaves to the scalar port or to a second loop are bits to test rather
//! than `movemask`s; and the near-1 lanes of `log` are finished with a masked store. The
//! `log` and `exp` table rows are fetched as in the AVX2 kernels, one 128-bit load per
//! lane ([`rows2`]); `pow`'s three-word rows with `vgatherqpd`.
//!
//! Tested against the scalar functions by the tests of `log_slice.rs`, `exp_slice.rs`
//! and `pow_slice.rs` on every machine with AVX-512F (a Zen 4 EPYC since 2026-12-07;
//! before, Bochs's emulated Skylake-X of `scripts/avx512_emulated.sh`). Timed on that
//! Zen 4 (10^6 values, ns a value, this kernel against the AVX2 one): `log_slice` 1.61
//! / 1.59-1.66, `exp_slice` 1.06-1.19 / 1.21, `weibull` (a `pow` per value) 5.1 / 6.2,
//! `power` 6.2 / 7.4; with gathers for `log` and `exp` too, `log_slice` took 1.77 and
//! `exp_slice` 1.3-1.8.

use super::exp::exp;
use super::exp_data::{INVLN2N, NEGLN2HIN, NEGLN2LON, POLY as E, SHIFT, TAB as EXP_TAB};
use super::log::log;
use super::log_data::{LN2HI, LN2LO, POLY as A, POLY1 as B, TAB as LOG_TAB};
use super::log_slice::{neg_log, NEAR1, OFF, PASS, TWO27};
use super::pow::pow;
use super::pow_log_data::{LN2HI as P_LN2HI, LN2LO as P_LN2LO, POLY as P, TAB as POW_TAB};
use super::pow_slice::OFF as POW_OFF;
use super::slice_common::{pad_rest, store_lanes};
use core::arch::x86_64::*;
use core::mem::MaybeUninit;

/// Lanes of a vector.
const W: usize = 8;

/// [`super::log_slice`] (`NEG = false`) or its negation (`NEG = true`), eight lanes at a
/// time.
///
/// # Safety
/// The CPU must support AVX-512F, AVX2 and FMA.
#[target_feature(enable = "avx512f,avx2,fma")]
pub(super) unsafe fn log_slice_avx512<const NEG: bool>(x: &mut [f64]) {
    let mut passes = x.chunks_exact_mut(W * PASS);
    for pass in &mut passes {
        // SAFETY: the caller's guarantee is the kernel's.
        unsafe { log_pass::<NEG>(pass) };
    }
    let rest = passes.into_remainder();
    let (whole, tail) = rest.split_at_mut(rest.len() / W * W);
    // SAFETY: as above; the rest's whole vectors make one short pass.
    unsafe { log_pass::<NEG>(whole) };
    // SAFETY: as above.
    unsafe { pad_rest::<W>(tail, 2.0, log_slice_avx512::<NEG>) };
}

/// One pass over whole vectors (`x.len()` a multiple of 8, at most `8 * PASS`): the
/// main path on every lane, the vectors with lanes near 1 listed, then those lanes
/// finished, as in the AVX2 kernel (whose docs give the measurements behind the second
/// loop; with eight lanes, two vectors of uniforms in five have such a lane).
///
/// # Safety
/// The CPU must support AVX-512F, AVX2 and FMA.
#[target_feature(enable = "avx512f,avx2,fma")]
unsafe fn log_pass<const NEG: bool>(x: &mut [f64]) {
    debug_assert!(x.len().is_multiple_of(W) && x.len() <= W * PASS);
    // Entry `i < listed` is written before it is read: `j << 8 | mask` (vector index,
    // lanes near 1). Uninitialised for the reason the AVX2 kernel gives.
    let mut near = [const { MaybeUninit::<u32>::uninit() }; PASS];
    let mut listed = 0usize;
    let i64s = |v: i64| _mm512_set1_epi64(v);
    let f64s = |v: f64| _mm512_set1_pd(v);
    for (j, c) in x.chunks_exact_mut(W).enumerate() {
        // SAFETY (whole block): `c` has exactly 8 elements, so the unaligned 512-bit load
        // and store stay in bounds; `rows2` reads the 16-byte row at byte offset 16 i of
        // LOG_TAB, with i = (tmp >> 45) & 127 < 128 rows.
        unsafe {
            let xv = _mm512_loadu_pd(c.as_ptr());
            let ix = _mm512_castpd_si512(xv);
            // Lanes near 1, and lanes outside [0x1p-1022, inf) as signed integers (the
            // scalar port's special cases), as in the AVX2 kernel.
            let near1 = _mm512_cmpgt_epi64_mask(ix, i64s(NEAR1.0 - 1))
                & _mm512_cmplt_epi64_mask(ix, i64s(NEAR1.1));
            let special = not_normal(ix);
            let (tmp, kd, z) = split(ix, OFF);
            let row = _mm512_and_si512(_mm512_srli_epi64::<41>(tmp), i64s(127 << 4));
            let (invc, logc) = rows2(LOG_TAB.as_ptr().cast(), row);

            // The scalar main path, operation for operation.
            let r = _mm512_fmadd_pd(z, invc, f64s(-1.0));
            let w = _mm512_fmadd_pd(kd, f64s(LN2HI), logc);
            let hi = _mm512_add_pd(w, r);
            let lo = _mm512_fmadd_pd(kd, f64s(LN2LO), _mm512_add_pd(_mm512_sub_pd(w, hi), r));
            let r2 = _mm512_mul_pd(r, r);
            let a12 = _mm512_fmadd_pd(r, f64s(A[2]), f64s(A[1]));
            let a34 = _mm512_fmadd_pd(r, f64s(A[4]), f64s(A[3]));
            let lo = _mm512_fmadd_pd(r2, f64s(A[0]), lo);
            let q = _mm512_fmadd_pd(a34, r2, a12);
            let y = _mm512_add_pd(_mm512_fmadd_pd(_mm512_mul_pd(r, r2), q, lo), hi);
            let y = if NEG { negate(y) } else { y };
            // Lanes near 1 keep their input; the second loop finishes them.
            let y = _mm512_mask_blend_pd(near1, y, xv);
            near[listed % PASS].write((j as u32) << 8 | u32::from(near1));
            listed += usize::from(near1 != 0);
            store(c, y, special, if NEG { neg_log } else { log });
        }
    }
    for entry in &near[..listed] {
        // SAFETY: entries below `listed` were written in the loop above.
        let e = unsafe { entry.assume_init() };
        let (j, mask) = ((e >> 8) as usize, (e & 0xff) as __mmask8);
        let c = &mut x[W * j..][..W];
        // SAFETY: `c` has 8 elements; the masked store writes only the near-1 lanes.
        unsafe {
            let y = log_near_one(_mm512_loadu_pd(c.as_ptr()));
            let y = if NEG { negate(y) } else { y };
            _mm512_mask_storeu_pd(c.as_mut_ptr(), mask, y);
        }
    }
}

/// The two doubles of each lane's 16-byte table row, the rows at the byte offsets
/// `offsets` from `base` ([`unpack_rows`]).
///
/// # Safety
/// Every `base + offsets[lane] .. + 16` is inside one table.
#[target_feature(enable = "avx512f")]
#[inline]
unsafe fn rows2(base: *const u8, offsets: __m512i) -> (__m512d, __m512d) {
    let mut o = [0u64; W];
    // SAFETY: `o` holds eight words; each row is in its table (the caller's guarantee).
    unsafe {
        _mm512_storeu_si512(o.as_mut_ptr().cast(), offsets);
        let (a, b) = unpack_rows(|k| _mm_loadu_si128(base.add(o[k] as usize).cast()));
        (_mm512_castsi512_pd(a), _mm512_castsi512_pd(b))
    }
}

/// Eight 128-bit table rows, `row(lane)`, as two vectors: their first 64-bit halves and
/// their second ones. The rows go into the 128-bit quarters of two registers (lanes 0,
/// 2, 4, 6 and 1, 3, 5, 7; `vinserti32x4`, as the `f64x2` form needs DQ), which are then
/// unpacked: one load per lane, where two `vgatherqpd` were slower on Zen 4
/// (2026-12-07, 10^6 values: `log_slice` 1.77 ns a value with gathers, 1.56 with the
/// AVX2 kernel's per-lane loads; the exponential ziggurat's whole fill 3.4 against 2.2).
/// Also the Generator's exponential kernel's table fetch.
///
/// # Safety
/// AVX-512F, and whatever `row` needs.
#[inline(always)]
pub(crate) unsafe fn unpack_rows(row: impl Fn(usize) -> __m128i) -> (__m512i, __m512i) {
    // SAFETY: the caller's guarantee.
    unsafe {
        let quad = |k: usize| {
            let x = _mm512_castsi128_si512(row(k));
            let x = _mm512_inserti32x4::<1>(x, row(k + 2));
            let x = _mm512_inserti32x4::<2>(x, row(k + 4));
            _mm512_inserti32x4::<3>(x, row(k + 6))
        };
        let (a, b) = (quad(0), quad(1));
        (_mm512_unpacklo_epi64(a, b), _mm512_unpackhi_epi64(a, b))
    }
}

/// The lanes outside `[0x1p-1022, inf)` of the bits `ix` as signed integers (zero,
/// subnormal, negative, inf, NaN): the special cases of `log` and of `pow`'s base.
#[target_feature(enable = "avx512f")]
#[inline]
fn not_normal(ix: __m512i) -> __mmask8 {
    _mm512_cmplt_epi64_mask(ix, _mm512_set1_epi64(0x0010_0000_0000_0000))
        | _mm512_cmpgt_epi64_mask(ix, _mm512_set1_epi64(0x7fef_ffff_ffff_ffff))
}

/// `slice_common::store_avx2` on eight lanes: the vector `y` into `c` (eight elements)
/// when no lane is in `mask`, else its other lanes, with `f` of each masked lane's input.
///
/// # Safety
/// `c` must have eight elements.
#[target_feature(enable = "avx512f")]
#[inline]
unsafe fn store(c: &mut [f64], y: __m512d, mask: __mmask8, f: impl Fn(f64) -> f64) {
    if mask == 0 {
        // SAFETY: `c` has eight elements (the caller's guarantee).
        unsafe { _mm512_storeu_pd(c.as_mut_ptr(), y) };
    } else {
        let mut ys = [0.0; W];
        // SAFETY: `ys` has eight elements.
        unsafe { _mm512_storeu_pd(ys.as_mut_ptr(), y) };
        store_lanes(c, &ys, u32::from(mask), f);
    }
}

/// `slice_common::exp_outside_avx2` on eight lanes: the lanes off `exp`'s main path
/// (`|x| < 2^-54` or `|x| >= 512`, inf and NaN included) from the bits `ix` of `x`, by
/// the top 12 bits without the sign.
#[target_feature(enable = "avx512f")]
#[inline]
fn exp_outside(ix: __m512i) -> __mmask8 {
    let abstop = _mm512_and_si512(_mm512_srli_epi64::<52>(ix), _mm512_set1_epi64(0x7ff));
    _mm512_cmplt_epi64_mask(abstop, _mm512_set1_epi64(0x3c9))
        | _mm512_cmpgt_epi64_mask(abstop, _mm512_set1_epi64(0x407))
}

/// `slice_common::split_avx2` on eight lanes: `tmp = ix - off`, `k = tmp >> 52`
/// (arithmetic) as a double, built exactly the same way (AVX-512F alone has no 64-bit
/// integer conversion), and `z`.
#[target_feature(enable = "avx512f")]
#[inline]
fn split(ix: __m512i, off: i64) -> (__m512i, __m512d, __m512d) {
    let tmp = _mm512_sub_epi64(ix, _mm512_set1_epi64(off));
    let top = _mm512_xor_si512(_mm512_srli_epi64::<52>(tmp), _mm512_set1_epi64(0x800));
    let kd = _mm512_sub_pd(
        _mm512_castsi512_pd(_mm512_or_si512(
            top,
            _mm512_set1_epi64(0x4338_0000_0000_0000),
        )),
        _mm512_set1_pd(f64::from_bits(0x4338_0000_0000_0800)),
    );
    let high = _mm512_and_si512(tmp, _mm512_set1_epi64(0xfff0_0000_0000_0000u64 as i64));
    (tmp, kd, _mm512_castsi512_pd(_mm512_sub_epi64(ix, high)))
}

/// `-y` as the scalar `-` does it: the sign bit flipped (an integer xor, since the
/// floating-point `vxorpd` on 512 bits needs AVX-512DQ).
#[target_feature(enable = "avx512f")]
#[inline]
fn negate(y: __m512d) -> __m512d {
    _mm512_castsi512_pd(_mm512_xor_si512(
        _mm512_castpd_si512(y),
        _mm512_set1_epi64(i64::MIN),
    ))
}

/// The scalar `log_near_one` on eight lanes, operation for operation, as the AVX2
/// kernel's `log_near_one_avx2`.
#[target_feature(enable = "avx512f")]
#[inline]
fn log_near_one(x: __m512d) -> __m512d {
    let c = |v: f64| _mm512_set1_pd(v);
    let r = _mm512_sub_pd(x, c(1.0));
    let r2 = _mm512_mul_pd(r, r);
    let r3 = _mm512_mul_pd(r, r2);
    let p1 = _mm512_fmadd_pd(r2, c(B[3]), _mm512_fmadd_pd(r, c(B[2]), c(B[1])));
    let p4 = _mm512_fmadd_pd(r2, c(B[6]), _mm512_fmadd_pd(r, c(B[5]), c(B[4])));
    let p7 = _mm512_fmadd_pd(
        r3,
        c(B[10]),
        _mm512_fmadd_pd(r2, c(B[9]), _mm512_fmadd_pd(r, c(B[8]), c(B[7]))),
    );
    let p = _mm512_fmadd_pd(_mm512_fmadd_pd(p7, r3, p4), r3, p1);
    let rhi = _mm512_fmadd_pd(c(-TWO27), r, _mm512_fmadd_pd(r, c(TWO27), r));
    let rlo = _mm512_sub_pd(r, rhi);
    let rhi2 = _mm512_mul_pd(rhi, rhi);
    let hi = _mm512_fmadd_pd(rhi2, c(B[0]), r);
    let lo = _mm512_fmadd_pd(rhi2, c(B[0]), _mm512_sub_pd(r, hi));
    let lo = _mm512_fmadd_pd(_mm512_mul_pd(c(B[0]), rlo), _mm512_add_pd(rhi, r), lo);
    _mm512_add_pd(hi, _mm512_fmadd_pd(r3, p, lo))
}

/// `exp(x + xtail)` on eight lanes of `exp`'s main path (`2^-54 <= |x| < 512`, sign
/// bias 0): the scalar `exp_reduce` and the final `scale + scale * tmp`, operation for
/// operation, as in the AVX2 kernels. `exp` passes `xtail = 0` (as its scalar port does
/// in effect), `pow` the tail of `y log(x)`. `rows2` reads `EXP_TAB[2j]` and
/// `EXP_TAB[2j + 1]` with `j = ki & 127 < 128`, inside the table's 256 words.
#[target_feature(enable = "avx512f,fma")]
#[inline]
fn exp_main(x: __m512d, xtail: __m512d) -> __m512d {
    let f64s = |v: f64| _mm512_set1_pd(v);
    let kd = _mm512_fmadd_pd(x, f64s(INVLN2N), f64s(SHIFT));
    let ki = _mm512_castpd_si512(kd);
    let kd = _mm512_sub_pd(kd, f64s(SHIFT));
    let r = _mm512_fmadd_pd(kd, f64s(NEGLN2HIN), x);
    let r = _mm512_fmadd_pd(kd, f64s(NEGLN2LON), r);
    let r = _mm512_add_pd(r, xtail);
    let row = _mm512_slli_epi64::<4>(_mm512_and_si512(ki, _mm512_set1_epi64(127)));
    // SAFETY: the rows are at byte offsets 16 j, j < 128, inside the table's 2048 bytes.
    let (tail, sbits) = unsafe { rows2(EXP_TAB.as_ptr().cast(), row) };
    let sbits = _mm512_castpd_si512(sbits);
    let sbits = _mm512_add_epi64(sbits, _mm512_slli_epi64::<45>(ki));
    let r2 = _mm512_mul_pd(r, r);
    let c23 = _mm512_fmadd_pd(r, f64s(E[1]), f64s(E[0]));
    let c45 = _mm512_fmadd_pd(r, f64s(E[3]), f64s(E[2]));
    let tmp = _mm512_fmadd_pd(c23, r2, _mm512_add_pd(tail, r));
    let tmp = _mm512_fmadd_pd(_mm512_mul_pd(r2, r2), c45, tmp);
    let scale = _mm512_castsi512_pd(sbits);
    _mm512_fmadd_pd(scale, tmp, scale)
}

/// [`super::exp_slice`], eight lanes at a time: the main path of ARM's `exp`
/// (`2^-54 <= |x| < 512`) on every lane; the others recomputed by the scalar [`exp`].
///
/// # Safety
/// The CPU must support AVX-512F, AVX2 and FMA.
#[target_feature(enable = "avx512f,avx2,fma")]
pub(super) unsafe fn exp_slice_avx512(x: &mut [f64]) {
    let mut chunks = x.chunks_exact_mut(W);
    for c in &mut chunks {
        // SAFETY (whole block): `c` has exactly 8 elements, so the unaligned 512-bit load
        // and store stay in bounds.
        unsafe {
            let xv = _mm512_loadu_pd(c.as_ptr());
            let ix = _mm512_castpd_si512(xv);
            let y = exp_main(xv, _mm512_setzero_pd());
            store(c, y, exp_outside(ix), exp);
        }
    }
    // SAFETY: the caller's guarantee is the kernel's.
    unsafe { pad_rest::<W>(chunks.into_remainder(), 1.0, exp_slice_avx512) };
}

/// [`super::pow_slice`] eight lanes at a time: the AVX2 kernel's main path (a positive
/// normal base, `2^-54 <= |y log(x)| < 512`; `y` checked by the caller), every other
/// lane recomputed by the scalar [`pow`].
///
/// # Safety
/// The CPU must support AVX-512F, AVX2 and FMA; `y` must be on `pow`'s main path
/// (`2^-65 <= |y| < 2^63`).
#[target_feature(enable = "avx512f,avx2,fma")]
pub(super) unsafe fn pow_slice_avx512(x: &mut [f64], y: f64) {
    let i64s = |v: i64| _mm512_set1_epi64(v);
    let f64s = |v: f64| _mm512_set1_pd(v);
    let yv = f64s(y);
    let mut chunks = x.chunks_exact_mut(W);
    for c in &mut chunks {
        // SAFETY (whole block): `c` has exactly 8 elements, so the unaligned 512-bit load
        // and store stay in bounds. The log gathers read words 3i, 3i + 1, 3i + 2 of
        // POW_TAB (128 rows of 3) with i = (tmp >> 45) & 127.
        unsafe {
            let xv = _mm512_loadu_pd(c.as_ptr());
            let ix = _mm512_castpd_si512(xv);
            let special = not_normal(ix);
            // The scalar `log_inline`, operation for operation, as in the AVX2 kernel.
            let (tmp, kd, z) = split(ix, POW_OFF);
            let i = _mm512_and_si512(_mm512_srli_epi64::<45>(tmp), i64s(127));
            let row = _mm512_add_epi64(_mm512_slli_epi64::<1>(i), i);
            let base = POW_TAB.as_ptr().cast::<f64>();
            let invc = _mm512_i64gather_pd::<8>(row, base);
            let logc = _mm512_i64gather_pd::<8>(row, base.add(1));
            let logctail = _mm512_i64gather_pd::<8>(row, base.add(2));

            let r = _mm512_fmadd_pd(z, invc, f64s(-1.0));
            let t1 = _mm512_fmadd_pd(kd, f64s(P_LN2HI), logc);
            let t2 = _mm512_add_pd(t1, r);
            let lo1 = _mm512_fmadd_pd(kd, f64s(P_LN2LO), logctail);
            let lo2 = _mm512_add_pd(_mm512_sub_pd(t1, t2), r);
            let ar = _mm512_mul_pd(f64s(P[0]), r);
            let ar2 = _mm512_mul_pd(r, ar);
            let ar3 = _mm512_mul_pd(r, ar2);
            let hi = _mm512_add_pd(t2, ar2);
            let lo3 = _mm512_fmsub_pd(ar, r, ar2);
            let lo4 = _mm512_add_pd(_mm512_sub_pd(t2, hi), ar2);
            let q = _mm512_fmadd_pd(
                ar2,
                _mm512_fmadd_pd(
                    ar2,
                    _mm512_fmadd_pd(r, f64s(P[6]), f64s(P[5])),
                    _mm512_fmadd_pd(r, f64s(P[4]), f64s(P[3])),
                ),
                _mm512_fmadd_pd(r, f64s(P[2]), f64s(P[1])),
            );
            let lo = _mm512_fmadd_pd(
                ar3,
                q,
                _mm512_add_pd(_mm512_add_pd(_mm512_add_pd(lo1, lo2), lo3), lo4),
            );
            let lhi = _mm512_add_pd(hi, lo);
            let llo = _mm512_add_pd(_mm512_sub_pd(hi, lhi), lo);
            let ehi = _mm512_mul_pd(yv, lhi);
            let elo = _mm512_fmadd_pd(yv, llo, _mm512_fmsub_pd(lhi, yv, ehi));

            let fallback = special | exp_outside(_mm512_castpd_si512(ehi));
            let res = exp_main(ehi, elo);
            store(c, res, fallback, |v| pow(v, y));
        }
    }
    for v in chunks.into_remainder() {
        *v = pow(*v, y);
    }
}
