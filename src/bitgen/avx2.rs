//! AVX2 arithmetic the bit generators' vector kernels share (`pcg64/lanes.rs`,
//! `philox/lanes.rs`). AVX2 has no 64-bit multiplication; `vpmuludq` multiplies the low
//! 32 bits of each 64-bit lane to a 64-bit product, so wider products are built from
//! 32-bit pieces here.
//!
//! Every function is `unsafe` only because it uses AVX2 intrinsics: callers are
//! `#[target_feature(enable = "avx2")]` kernels that inline them.

use core::arch::x86_64::*;

/// A 64-bit constant in 32-bit pieces, each broadcast to every lane (`vpmuludq` reads
/// the low half of each 64-bit lane).
#[inline(always)]
pub(super) unsafe fn pieces(m: u64) -> [__m256i; 2] {
    [
        _mm256_set1_epi64x(m as u32 as i64),
        _mm256_set1_epi64x((m >> 32) as i64),
    ]
}

/// `(hi, lo)` of the 128-bit products `x * m` of four words by a constant in
/// [`pieces`]: the four 32-bit partial products, with `mid` collecting the terms at 2^32
/// and their carries.
#[inline(always)]
pub(super) unsafe fn mulhilo(x: __m256i, m: &[__m256i; 2]) -> (__m256i, __m256i) {
    let m32 = _mm256_set1_epi64x(0xffff_ffff);
    let x1 = _mm256_srli_epi64(x, 32);
    let p00 = _mm256_mul_epu32(x, m[0]);
    let p01 = _mm256_mul_epu32(x, m[1]);
    let p10 = _mm256_mul_epu32(x1, m[0]);
    let p11 = _mm256_mul_epu32(x1, m[1]);
    let mid = _mm256_add_epi64(
        _mm256_add_epi64(_mm256_srli_epi64(p00, 32), _mm256_and_si256(p01, m32)),
        _mm256_and_si256(p10, m32),
    );
    // The low half: p00's low 32 bits under mid's.
    let lo = _mm256_blend_epi32::<0b1010_1010>(p00, _mm256_slli_epi64(mid, 32));
    let hi = _mm256_add_epi64(
        _mm256_add_epi64(p11, _mm256_srli_epi64(p01, 32)),
        _mm256_add_epi64(_mm256_srli_epi64(p10, 32), _mm256_srli_epi64(mid, 32)),
    );
    (hi, lo)
}

/// A 64-bit constant with its 32-bit halves swapped, broadcast to every lane: `vpmulld`
/// then pairs each half of a word with the other half of the constant.
#[inline(always)]
pub(super) unsafe fn swapped(m: u64) -> __m256i {
    _mm256_set1_epi64x(m.rotate_left(32) as i64)
}

/// The low 64 bits of `x * m + y * n` for four pairs of words, the constants `m`, `n` in
/// [`pieces`] and [`swapped`] form: `x0 m0 + y0 n0 + (x0 m1 + x1 m0 + y0 n1 + y1 n0) 2^32`.
/// The terms at 2^32 need only their low 32 bits, which `vpmulld` gives two to a lane:
/// two `vpmuludq` and two `vpmulld` where two separate low products took six `vpmuludq`.
#[inline(always)]
pub(super) unsafe fn mullo_sum(
    x: __m256i,
    m: &[__m256i; 2],
    m_swapped: __m256i,
    y: __m256i,
    n: &[__m256i; 2],
    n_swapped: __m256i,
) -> __m256i {
    let low = _mm256_add_epi64(_mm256_mul_epu32(x, m[0]), _mm256_mul_epu32(y, n[0]));
    // Per lane, dword 0: x0 m1 + y0 n1, dword 1: x1 m0 + y1 n0 (mod 2^32).
    let q = _mm256_add_epi32(
        _mm256_mullo_epi32(x, m_swapped),
        _mm256_mullo_epi32(y, n_swapped),
    );
    // The two dwords' sum, in the high dword.
    let mid = _mm256_slli_epi64(_mm256_add_epi64(q, _mm256_srli_epi64(q, 32)), 32);
    _mm256_add_epi64(low, mid)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both products against `u128` arithmetic on edge and pseudo-random operands.
    #[test]
    fn products_match_u128_arithmetic() {
        if !cpu_has!("avx2") {
            return;
        }
        let mut xs = [
            0u64,
            1,
            u64::MAX,
            0xffff_ffff,
            1 << 32,
            1 << 63,
            0x8000_0000,
            3,
        ];
        let mut s = 0x2545_f491_4f6c_dd1du64;
        for round in 0..2000 {
            let m = if round == 0 { u64::MAX } else { s };
            // SAFETY: AVX2 checked above (every intrinsic below needs only AVX2).
            unsafe {
                let mp = pieces(m);
                for quad in xs.chunks_exact(4) {
                    let v = _mm256_setr_epi64x(
                        quad[0] as i64,
                        quad[1] as i64,
                        quad[2] as i64,
                        quad[3] as i64,
                    );
                    let (hi, lo) = mulhilo(v, &mp);
                    // x * m + rev(x) * n, rev(x) the lanes in reverse order.
                    let n = s.rotate_left(17) ^ round as u64;
                    let rev = _mm256_permute4x64_epi64::<0b00_01_10_11>(v);
                    let low = mullo_sum(v, &mp, swapped(m), rev, &pieces(n), swapped(n));
                    let (mut h, mut l, mut w) = ([0i64; 4], [0i64; 4], [0i64; 4]);
                    _mm256_storeu_si256(h.as_mut_ptr() as *mut __m256i, hi);
                    _mm256_storeu_si256(l.as_mut_ptr() as *mut __m256i, lo);
                    _mm256_storeu_si256(w.as_mut_ptr() as *mut __m256i, low);
                    for i in 0..4 {
                        let p = quad[i] as u128 * m as u128;
                        assert_eq!((h[i] as u64, l[i] as u64), ((p >> 64) as u64, p as u64));
                        let q = quad[3 - i] as u128 * n as u128;
                        assert_eq!(w[i] as u64, (p as u64).wrapping_add(q as u64));
                    }
                }
            }
            for x in xs.iter_mut() {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                *x = if s & 3 == 0 { s >> (s % 64) } else { s };
            }
        }
    }
}
