//! PCG64's bulk fill with AVX-512 (F and DQ) on twenty interleaved streams: sixteen in
//! two 512-bit registers, four in general-purpose ones. The AVX2 kernel of `lanes.rs`
//! (whose docs explain the lanes and rounds) twice as wide, with what AVX-512 adds:
//! `vpmullq` for the two cross terms' low 64 bits, an unsigned compare into a mask for
//! the carry, `vprorvq` for XSL-RR's rotation, and `vcvtuqq2pd` for the doubles.
//!
//! Lane `j` holds the state of word `20 t + j` of the fill; each round writes the
//! twenty words in order and advances every lane by twenty steps.
//!
//! Measured on a Zen 4 EPYC (2026-12-07, `PCG64.random_raw`, 10^7 words, ns a word):
//! the AVX2 kernel's twelve lanes 0.74; here sixteen vector lanes alone 0.63, sixteen
//! and four scalar 0.50, sixteen and eight 0.70, twenty-four vector lanes and four
//! scalar 0.50-0.60, and eight more scalar 0.58-0.61.

use super::lanes::Word;
use core::arch::x86_64::*;

/// Streams side by side: vector lanes `0..8 V`, scalar lanes `8 V..20`.
pub(super) const LANES: usize = 20;
/// Vector registers of eight lanes.
const V: usize = 2;

/// 2^-53.
const TWO_M53: f64 = 1.0 / 9_007_199_254_740_992.0;

/// What the kernel writes, eight words at a time.
pub(super) trait Word8: Word {
    /// Stores the outputs of eight words at `p`.
    ///
    /// # Safety
    /// AVX-512F and DQ, and `p..p + 8` in bounds of one slice.
    unsafe fn store8(p: *mut Self, w: __m512i);
}

impl Word8 for u64 {
    #[inline(always)]
    unsafe fn store8(p: *mut u64, w: __m512i) {
        // SAFETY: the caller's guarantee.
        unsafe { _mm512_storeu_si512(p.cast(), w) }
    }
}

impl Word8 for f64 {
    /// NumPy's `(w >> 11) * 2^-53`: the conversion of a 53-bit integer is exact, and so
    /// is the product by a power of two.
    #[inline(always)]
    unsafe fn store8(p: *mut f64, w: __m512i) {
        let x = _mm512_cvtepu64_pd(_mm512_srli_epi64::<11>(w));
        // SAFETY: the caller's guarantee.
        unsafe { _mm512_storeu_pd(p, _mm512_mul_pd(x, _mm512_set1_pd(TWO_M53))) }
    }
}

/// `lanes::fill_avx2` on this file's [`LANES`]: the outputs of `out.len() / LANES`
/// rounds (lane `j` of round `t` at `out[LANES * t + j]`), the lanes left that many
/// rounds on.
///
/// # Safety
/// AVX-512F and AVX-512DQ. Each store is unaligned and inside its round's chunk.
#[target_feature(enable = "avx512f,avx512dq")]
pub(super) unsafe fn fill_avx512<T: Word8>(
    lanes: &mut [u128; LANES],
    a: u128,
    c: u128,
    out: &mut [T],
) {
    debug_assert_eq!(out.len() % LANES, 0);
    let k = Consts::new(a, c);
    let mut v: [(__m512i, __m512i); V] = core::array::from_fn(|r| load(&lanes[8 * r..8 * r + 8]));
    let mut s: [u128; LANES - 8 * V] = core::array::from_fn(|i| lanes[8 * V + i]);
    for chunk in out.chunks_exact_mut(LANES) {
        let p = chunk.as_mut_ptr();
        for (r, &(lo, hi)) in v.iter().enumerate() {
            // SAFETY: `chunk` holds LANES outputs, 8 V of them for the vectors: this
            // store covers 8 r..8 r + 8.
            unsafe { T::store8(p.add(8 * r), xsl_rr(lo, hi)) };
        }
        for (o, l) in chunk[8 * V..].iter_mut().zip(s.iter_mut()) {
            *o = T::from_word(super::xsl_rr(*l));
            *l = l.wrapping_mul(a).wrapping_add(c);
        }
        for x in v.iter_mut() {
            *x = step(x.0, x.1, &k);
        }
    }
    for (r, &(lo, hi)) in v.iter().enumerate() {
        store(lo, hi, &mut lanes[8 * r..8 * r + 8]);
    }
    lanes[8 * V..].copy_from_slice(&s);
}

/// A round's multiplier and increment, broadcast; the multiplier's low half also in
/// its two 32-bit pieces (`vpmuludq` reads the low 32 bits of each lane).
struct Consts {
    a_lo: __m512i,
    a_hi: __m512i,
    a_lo0: __m512i,
    a_lo1: __m512i,
    c_lo: __m512i,
    c_hi: __m512i,
}

impl Consts {
    #[target_feature(enable = "avx512f,avx512dq")]
    #[inline]
    fn new(a: u128, c: u128) -> Consts {
        let q = |v: u64| _mm512_set1_epi64(v as i64);
        Consts {
            a_lo: q(a as u64),
            a_hi: q((a >> 64) as u64),
            a_lo0: q(a as u32 as u64),
            a_lo1: q((a as u64) >> 32),
            c_lo: q(c as u64),
            c_hi: q((c >> 64) as u64),
        }
    }
}

/// Eight states as their low and high halves.
#[target_feature(enable = "avx512f,avx512dq")]
#[inline]
fn load(s: &[u128]) -> (__m512i, __m512i) {
    let lo: [u64; 8] = core::array::from_fn(|i| s[i] as u64);
    let hi: [u64; 8] = core::array::from_fn(|i| (s[i] >> 64) as u64);
    // SAFETY: each array holds eight words.
    unsafe {
        (
            _mm512_loadu_si512(lo.as_ptr().cast()),
            _mm512_loadu_si512(hi.as_ptr().cast()),
        )
    }
}

/// The inverse of [`load`].
#[target_feature(enable = "avx512f,avx512dq")]
#[inline]
fn store(lo: __m512i, hi: __m512i, s: &mut [u128]) {
    let (mut l, mut h) = ([0u64; 8], [0u64; 8]);
    // SAFETY: each array holds eight words.
    unsafe {
        _mm512_storeu_si512(l.as_mut_ptr().cast(), lo);
        _mm512_storeu_si512(h.as_mut_ptr().cast(), hi);
    }
    for (i, x) in s.iter_mut().enumerate() {
        *x = (h[i] as u128) << 64 | l[i] as u128;
    }
}

/// XSL-RR of eight states: `hi ^ lo` rotated right by `hi >> 58`.
#[target_feature(enable = "avx512f,avx512dq")]
#[inline]
fn xsl_rr(lo: __m512i, hi: __m512i) -> __m512i {
    _mm512_rorv_epi64(_mm512_xor_si512(hi, lo), _mm512_srli_epi64::<58>(hi))
}

/// `s -> A s + C` (mod 2^128) on eight states: `lo * A_lo` to 128 bits from four
/// 32 x 32-bit products, `hi * A_lo + lo * A_hi` to 64 by `vpmullq`, and `C` added with
/// the carry out of the low half.
#[target_feature(enable = "avx512f,avx512dq")]
#[inline]
fn step(lo: __m512i, hi: __m512i, k: &Consts) -> (__m512i, __m512i) {
    let m32 = _mm512_set1_epi64(0xffff_ffff);
    let x1 = _mm512_srli_epi64::<32>(lo);
    let p00 = _mm512_mul_epu32(lo, k.a_lo0);
    let p01 = _mm512_mul_epu32(lo, k.a_lo1);
    let p10 = _mm512_mul_epu32(x1, k.a_lo0);
    let p11 = _mm512_mul_epu32(x1, k.a_lo1);
    // The terms at 2^32 and the carry out of p00's low half.
    let mid = _mm512_add_epi64(
        _mm512_add_epi64(_mm512_srli_epi64::<32>(p00), _mm512_and_si512(p01, m32)),
        _mm512_and_si512(p10, m32),
    );
    let prod_lo = _mm512_mask_blend_epi32(0xaaaa, p00, _mm512_slli_epi64::<32>(mid));
    let prod_hi = _mm512_add_epi64(
        _mm512_add_epi64(p11, _mm512_srli_epi64::<32>(p01)),
        _mm512_add_epi64(_mm512_srli_epi64::<32>(p10), _mm512_srli_epi64::<32>(mid)),
    );
    let cross = _mm512_add_epi64(
        _mm512_mullo_epi64(hi, k.a_lo),
        _mm512_mullo_epi64(lo, k.a_hi),
    );
    let new_lo = _mm512_add_epi64(prod_lo, k.c_lo);
    // The addition wrapped where the sum is below an addend.
    let carry = _mm512_cmplt_epu64_mask(new_lo, k.c_lo);
    let new_hi = _mm512_add_epi64(_mm512_add_epi64(prod_hi, k.c_hi), cross);
    let new_hi = _mm512_mask_sub_epi64(new_hi, carry, new_hi, _mm512_set1_epi64(-1));
    (new_lo, new_hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kernel against its twin (`lanes::check_against_twin`).
    #[test]
    fn avx512_matches_the_portable_twin() {
        if !cpu_has!("avx512f", "avx512dq") {
            return;
        }
        // SAFETY (both): AVX-512F and DQ checked above.
        super::super::lanes::check_against_twin::<LANES>(
            8 * V,
            |l, a, c, o| unsafe { fill_avx512(l, a, c, o) },
            |l, a, c, o| unsafe { fill_avx512(l, a, c, o) },
        );
    }
}
