//! PCG64's bulk fill on twelve interleaved streams: eight in AVX2 registers, four in
//! general-purpose ones.
//!
//! One 128-bit LCG step takes three 64-bit multiplications (`lo * A_lo` to 128 bits,
//! `lo * A_hi` and `hi * A_lo` to 64), and a core has one scalar multiplier: four scalar
//! lanes ran at about four cycles a word, all of it multiplier time. AVX2's `vpmuludq`
//! gives four 32 x 32 -> 64-bit products per instruction on the vector ports, so the same
//! step in 32-bit pieces (eight multiplications for four lanes: six `vpmuludq`, and two
//! `vpmulld` for the cross terms' low halves; plus the carries) runs beside the scalar
//! lanes instead of queueing for the one multiplier. Measured on a Zen 3 core (n = 10^5,
//! raw words): four scalar lanes 1.78 ns a word, eight vector lanes 1.07, the twelve here
//! 0.85, and 0.95 against 0.98 (another day) once the cross terms took `vpmulld` instead
//! of six `vpmuludq` (`llvm-mca -mcpu=znver3`: 38.8 → 37.9 cycles a round).
//!
//! Lane `j` holds the state of word `12 t + j` of the fill; each round writes the twelve
//! words in order and advances every lane by twelve steps (`s -> A s + C`, see
//! [`Pcg64::random_raw_into`](super::Pcg64::random_raw_into)), so the words and their
//! order are the stream's.

use crate::bitgen::avx2::{mulhilo, mullo_sum, pieces, swapped};
use core::arch::x86_64::*;

/// Streams side by side: vector lanes `0..8`, scalar lanes `8..12`.
pub(super) const LANES: usize = 12;

/// 2^-53.
const TWO_M53: f64 = 1.0 / 9_007_199_254_740_992.0;

/// What the kernel writes: the raw word (`random_raw`) or NumPy's `next_double` of it.
pub(super) trait Word: Copy {
    /// The output for word `w`.
    fn from_word(w: u64) -> Self;
    /// Stores the outputs of four words at `p`.
    ///
    /// # Safety
    /// AVX2, and `p..p + 4` in bounds of one slice.
    unsafe fn store4(p: *mut Self, w: __m256i);
}

impl Word for u64 {
    #[inline(always)]
    fn from_word(w: u64) -> u64 {
        w
    }
    #[inline(always)]
    unsafe fn store4(p: *mut u64, w: __m256i) {
        _mm256_storeu_si256(p as *mut __m256i, w)
    }
}

impl Word for f64 {
    #[inline(always)]
    fn from_word(w: u64) -> f64 {
        crate::bitgen::u64_to_double(w)
    }
    /// `(w >> 11) * 2^-53` without a 64-bit integer conversion (AVX2 has none): the top
    /// 52 bits as the mantissa of a double in [1, 2), minus 1, are `(w >> 12) 2^-52`
    /// exactly; bit 11 then adds `2^-53`. The sum has at most 53 significant bits, so it
    /// is exact and equal to NumPy's product.
    #[inline(always)]
    unsafe fn store4(p: *mut f64, w: __m256i) {
        let one = _mm256_set1_pd(1.0);
        let m = _mm256_or_si256(_mm256_srli_epi64(w, 12), _mm256_castpd_si256(one));
        let x = _mm256_sub_pd(_mm256_castsi256_pd(m), one);
        // Bit 11 moved to the sign bit picks 2^-53 or 0.
        let sign = _mm256_castsi256_pd(_mm256_slli_epi64(w, 52));
        let low = _mm256_blendv_pd(_mm256_setzero_pd(), _mm256_set1_pd(TWO_M53), sign);
        _mm256_storeu_pd(p, _mm256_add_pd(x, low))
    }
}

/// `out[LANES * t + j]` = the output for the XSL-RR word of lane `j` after `t` rounds,
/// for `out.len()` a multiple of [`LANES`]; `lanes` is left `out.len() / LANES` rounds
/// on. `a`, `c`: one round (`LANES` steps).
///
/// # Safety
/// The CPU must have AVX2. The stores are unaligned and each is in bounds of its chunk
/// of `LANES` outputs (shown next to it).
#[target_feature(enable = "avx2")]
pub(super) unsafe fn fill_avx2<T: Word>(
    lanes: &mut [u128; LANES],
    a: u128,
    c: u128,
    out: &mut [T],
) {
    debug_assert_eq!(out.len() % LANES, 0);
    let k = Consts::new(a, c);
    let (mut lo_a, mut hi_a) = load(&lanes[0..4]);
    let (mut lo_b, mut hi_b) = load(&lanes[4..8]);
    let mut s = [lanes[8], lanes[9], lanes[10], lanes[11]];
    for chunk in out.chunks_exact_mut(LANES) {
        let p = chunk.as_mut_ptr();
        // `chunk` holds LANES = 12 outputs: the two stores cover 0..4 and 4..8.
        T::store4(p, xsl_rr(lo_a, hi_a));
        T::store4(p.add(4), xsl_rr(lo_b, hi_b));
        for (o, l) in chunk[8..].iter_mut().zip(s.iter_mut()) {
            *o = T::from_word(super::xsl_rr(*l));
            *l = l.wrapping_mul(a).wrapping_add(c);
        }
        (lo_a, hi_a) = step(lo_a, hi_a, &k);
        (lo_b, hi_b) = step(lo_b, hi_b, &k);
    }
    store(lo_a, hi_a, &mut lanes[0..4]);
    store(lo_b, hi_b, &mut lanes[4..8]);
    lanes[8..].copy_from_slice(&s);
}

/// The safe twin of [`fill_avx2`] (and of `lanes512::fill_avx512`): the same lanes,
/// rounds and outputs in plain `u128` arithmetic (what the tests compare the kernels
/// with).
#[cfg(test)]
fn fill_portable<T: Word, const L: usize>(lanes: &mut [u128; L], a: u128, c: u128, out: &mut [T]) {
    for chunk in out.chunks_exact_mut(L) {
        for (o, l) in chunk.iter_mut().zip(lanes.iter_mut()) {
            *o = T::from_word(super::xsl_rr(*l));
            *l = l.wrapping_mul(a).wrapping_add(c);
        }
    }
}

/// A lane kernel (`raw` and `dbl`: its forms for words and doubles) against
/// [`fill_portable`] on `L` lanes, the first `vector` of them in vector registers: states
/// that exercise the carries (zero, all ones, halves at the 32-bit boundaries, words
/// whose bits 11 and 12 vary) in the vector lanes, then in the scalar ones too, three
/// increments, every round count up to 20, raw words and doubles, and the lanes after.
#[cfg(test)]
pub(super) fn check_against_twin<const L: usize>(
    vector: usize,
    raw: impl Fn(&mut [u128; L], u128, u128, &mut [u64]),
    dbl: impl Fn(&mut [u128; L], u128, u128, &mut [f64]),
) {
    use crate::prelude::*;
    let m = super::PCG_DEFAULT_MULTIPLIER;
    let specials = [
        0u128,
        u128::MAX,
        1,
        u64::MAX as u128,
        (u64::MAX as u128) << 64,
        0xffff_ffff,
        0xffff_ffff_0000_0000_ffff_ffff_0000_0000,
        0x8000_0000_8000_0000_8000_0000_8000_0000,
        1 << 11,
        3 << 11,
        !(1u128 << 11),
        (1 << 64) - (1 << 12),
    ];
    let incs = [1u128, u128::MAX, 0xda3e_39cb_94b9_5bdb_9e37_79b9_7f4a_7c15];
    for (i, inc) in incs.into_iter().enumerate() {
        let (a, sum) = super::lcg_round(L);
        let c = sum.wrapping_mul(inc);
        let mut lanes = [0u128; L];
        let mut x = 0x1234_5678_9abc_def0_0fed_cba9_8765_4321u128 + i as u128;
        for (j, l) in lanes.iter_mut().enumerate() {
            x = x.wrapping_mul(m).wrapping_add(inc);
            // The specials in the vector lanes of the first case, in the scalar lanes
            // too of the others.
            let special = specials[j % specials.len()];
            *l = match i {
                0 if j < vector => special,
                1.. if (j + i) % 3 != 0 => special,
                _ => x,
            };
        }
        for rounds in 0..=20 {
            let (mut p, mut v) = (lanes, lanes);
            let mut want = vec![0u64; rounds * L];
            let mut got = vec![0u64; rounds * L];
            fill_portable(&mut p, a, c, &mut want);
            raw(&mut v, a, c, &mut got);
            assert_eq!(got, want, "inc {inc:#x}, {rounds} rounds");
            assert_eq!(v, p, "lanes after {rounds} rounds");

            let (mut p, mut v) = (lanes, lanes);
            let mut want = vec![0f64; rounds * L];
            let mut got = vec![0f64; rounds * L];
            fill_portable(&mut p, a, c, &mut want);
            dbl(&mut v, a, c, &mut got);
            let bits = |x: &[f64]| x.iter().map(|d| d.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&want), "doubles, inc {inc:#x}, {rounds}");
            assert_eq!(v, p, "lanes after {rounds} rounds of doubles");
        }
    }
}

/// A round's multiplier in 32-bit pieces and its increment in halves.
struct Consts {
    a_lo: [__m256i; 2],
    a_hi: [__m256i; 2],
    a_lo_swapped: __m256i,
    a_hi_swapped: __m256i,
    c_lo: __m256i,
    c_hi: __m256i,
}

impl Consts {
    #[inline(always)]
    unsafe fn new(a: u128, c: u128) -> Consts {
        Consts {
            a_lo: pieces(a as u64),
            a_hi: pieces((a >> 64) as u64),
            a_lo_swapped: swapped(a as u64),
            a_hi_swapped: swapped((a >> 64) as u64),
            c_lo: _mm256_set1_epi64x(c as u64 as i64),
            c_hi: _mm256_set1_epi64x((c >> 64) as u64 as i64),
        }
    }
}

/// Four states as their low and high halves.
#[inline(always)]
unsafe fn load(s: &[u128]) -> (__m256i, __m256i) {
    let lo = |i: usize| s[i] as u64 as i64;
    let hi = |i: usize| (s[i] >> 64) as u64 as i64;
    (
        _mm256_setr_epi64x(lo(0), lo(1), lo(2), lo(3)),
        _mm256_setr_epi64x(hi(0), hi(1), hi(2), hi(3)),
    )
}

/// The inverse of [`load`].
#[inline(always)]
unsafe fn store(lo: __m256i, hi: __m256i, s: &mut [u128]) {
    let l = [
        _mm256_extract_epi64::<0>(lo),
        _mm256_extract_epi64::<1>(lo),
        _mm256_extract_epi64::<2>(lo),
        _mm256_extract_epi64::<3>(lo),
    ];
    let h = [
        _mm256_extract_epi64::<0>(hi),
        _mm256_extract_epi64::<1>(hi),
        _mm256_extract_epi64::<2>(hi),
        _mm256_extract_epi64::<3>(hi),
    ];
    for (i, x) in s.iter_mut().enumerate() {
        *x = (h[i] as u64 as u128) << 64 | l[i] as u64 as u128;
    }
}

/// XSL-RR of four states: `hi ^ lo` rotated right by `hi >> 58`. AVX2 shifts by 64 give
/// 0, so a rotation by 0 needs no special case.
#[inline(always)]
unsafe fn xsl_rr(lo: __m256i, hi: __m256i) -> __m256i {
    let x = _mm256_xor_si256(hi, lo);
    let r = _mm256_srli_epi64(hi, 58);
    let l = _mm256_sub_epi64(_mm256_set1_epi64x(64), r);
    _mm256_or_si256(_mm256_srlv_epi64(x, r), _mm256_sllv_epi64(x, l))
}

/// `s -> A s + C` (mod 2^128) on four states: `lo * A_lo` to 128 bits, `hi * A_lo` and
/// `lo * A_hi` to 64, and `C` added with the carry out of the low half (an unsigned
/// compare, made signed by flipping the sign bits).
#[inline(always)]
unsafe fn step(lo: __m256i, hi: __m256i, k: &Consts) -> (__m256i, __m256i) {
    let (prod_hi, prod_lo) = mulhilo(lo, &k.a_lo);
    let cross = mullo_sum(hi, &k.a_lo, k.a_lo_swapped, lo, &k.a_hi, k.a_hi_swapped);
    let new_lo = _mm256_add_epi64(prod_lo, k.c_lo);
    let sign = _mm256_set1_epi64x(i64::MIN);
    // All ones where the addition wrapped (prod_lo > new_lo, unsigned).
    let carry = _mm256_cmpgt_epi64(
        _mm256_xor_si256(prod_lo, sign),
        _mm256_xor_si256(new_lo, sign),
    );
    let new_hi = _mm256_sub_epi64(
        _mm256_add_epi64(cross, _mm256_add_epi64(prod_hi, k.c_hi)),
        carry,
    );
    (new_lo, new_hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    /// The vector conversion to doubles on words whose bits 11 and 12 and top bits take
    /// many combinations, against NumPy's `(w >> 11) * 2^-53`.
    #[test]
    fn doubles_convert_exactly() {
        if !cpu_has!("avx2") {
            return;
        }
        let mut words = vec![
            0u64,
            u64::MAX,
            1 << 11,
            1 << 12,
            3 << 11,
            1 << 63,
            !(1 << 11),
            7,
        ];
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..4000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            words.push(x);
            words.push(x >> (x % 64));
        }
        for w in words.chunks_exact(4) {
            let mut got = [0f64; 4];
            // SAFETY: AVX2 checked above; `got` holds four doubles, `w` four words.
            unsafe {
                let v = _mm256_loadu_si256(w.as_ptr() as *const __m256i);
                <f64 as Word>::store4(got.as_mut_ptr(), v);
            }
            for (g, &w) in got.iter().zip(w) {
                assert_eq!(
                    g.to_bits(),
                    ((w >> 11) as f64 * TWO_M53).to_bits(),
                    "{w:#x}"
                );
            }
        }
    }

    /// The kernel against its twin ([`check_against_twin`]).
    #[test]
    fn avx2_matches_the_portable_twin() {
        if !cpu_has!("avx2") {
            return;
        }
        // SAFETY (both): AVX2 checked above.
        check_against_twin::<LANES>(
            8,
            |l, a, c, o| unsafe { fill_avx2(l, a, c, o) },
            |l, a, c, o| unsafe { fill_avx2(l, a, c, o) },
        );
    }
}
