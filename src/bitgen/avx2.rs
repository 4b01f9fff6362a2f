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

/// The low 64 bits of the products `x * m` (three partial products:
/// `x0 m0 + (x0 m1 + x1 m0) 2^32`).
#[inline(always)]
pub(super) unsafe fn mullo(x: __m256i, m: &[__m256i; 2]) -> __m256i {
    let x1 = _mm256_srli_epi64(x, 32);
    let t = _mm256_add_epi64(_mm256_mul_epu32(x, m[1]), _mm256_mul_epu32(x1, m[0]));
    _mm256_add_epi64(_mm256_mul_epu32(x, m[0]), _mm256_slli_epi64(t, 32))
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
                    let low = mullo(v, &mp);
                    let (mut h, mut l, mut w) = ([0i64; 4], [0i64; 4], [0i64; 4]);
                    _mm256_storeu_si256(h.as_mut_ptr() as *mut __m256i, hi);
                    _mm256_storeu_si256(l.as_mut_ptr() as *mut __m256i, lo);
                    _mm256_storeu_si256(w.as_mut_ptr() as *mut __m256i, low);
                    for i in 0..4 {
                        let p = quad[i] as u128 * m as u128;
                        assert_eq!((h[i] as u64, l[i] as u64), ((p >> 64) as u64, p as u64));
                        assert_eq!(w[i] as u64, p as u64);
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
