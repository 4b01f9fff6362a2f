//! The legacy polar method's rejection loop, eight attempts at a time with AVX-512F or
//! four with AVX2: the accepted attempts' `(x1, x2, r2)` are packed to the front of the
//! batch, by `vcompresspd` (AVX-512) or by a permutation looked up from the acceptance
//! mask (AVX2, which has no compress). Where the CPU has AVX-512, its kernel runs while
//! eight more pairs are wanted and the AVX2 one while four are.
//!
//! The scalar loop ([`super::normal::PolarBatch`]'s `attempts`) is the safe twin: this
//! kernel does its arithmetic with the same IEEE operations (`2u - 1` as a product and a
//! difference, `x1² + x2²` as two products and a sum, no FMA) and consumes whole
//! attempts only while at least four more accepted pairs are wanted, so it can never run
//! past the attempt that fills the batch; the scalar loop finishes. The test below
//! compares the two on real streams, every start and every batch size.
//!
//! Measured on Zen 3 (n = 10^6): the scalar loop took about 1.6 ns of each normal value
//! (a `perf` profile of `standard_normal_into`), and the AVX2 kernel brought the whole
//! call from 4.5 to 3.9 ns a value. The AVX-512 kernel is tested the same way (here on
//! every CPU that has AVX-512, and in the emulated Skylake-X of
//! `scripts/avx512_emulated.sh`) but untimed: no machine here has AVX-512. It compresses
//! into a register and stores the whole vector, not `vcompresspd` to memory, which is
//! microcoded and slow on AMD's Zen 4.

#![allow(unsafe_code)] // the documented AVX2 and AVX-512 kernels below; `attempts` is their safe twin

/// For each 4-bit acceptance mask, the `vpermd` indices that move the accepted 64-bit
/// lanes to the front in attempt order (the rest are don't-cares). The vectors hold the
/// attempts in the order 0, 2, 1, 3 (what `unpacklo`/`unpackhi` of two loads give), so
/// the lanes are visited in the order 0, 2, 1, 3: the table's permutation restores the
/// attempt order for free, where a `vpermpd` per vector would cost a cross-lane shuffle.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
const PACK: [[i32; 8]; 16] = pack_table();

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
const fn pack_table() -> [[i32; 8]; 16] {
    let mut t = [[0i32; 8]; 16];
    let mut m = 0;
    while m < 16 {
        let mut slot = 0;
        let mut attempt = 0;
        while attempt < 4 {
            let lane = [0, 2, 1, 3][attempt];
            attempt += 1;
            if m & (1 << lane) != 0 {
                t[m][2 * slot] = 2 * lane;
                t[m][2 * slot + 1] = 2 * lane + 1;
                slot += 1;
            }
        }
        m += 1;
    }
    t
}

/// The polar kernels a CPU can run, widest last.
// Outside x86-64 only `Scalar` is ever made: there are no vector kernels there.
#[cfg_attr(
    not(all(target_arch = "x86_64", target_feature = "sse2")),
    allow(dead_code)
)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Lanes {
    /// No vector kernel: the scalar loop takes every attempt.
    Scalar,
    /// [`accept_avx2`].
    Avx2,
    /// [`accept_avx512`], then [`accept_avx2`].
    Avx512,
}

impl Lanes {
    /// The widest this CPU runs.
    #[inline]
    pub(super) fn detected() -> Lanes {
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        {
            if cpu_has!("avx512f", "avx2") {
                return Lanes::Avx512;
            }
            if cpu_has!("avx2") {
                return Lanes::Avx2;
            }
        }
        Lanes::Scalar
    }

    /// Every kind this CPU runs, scalar first (for the tests).
    #[cfg(test)]
    fn available() -> crate::prelude::Vec<Lanes> {
        let top = Lanes::detected();
        [Lanes::Scalar, Lanes::Avx2, Lanes::Avx512]
            .into_iter()
            .filter(|&l| l as u8 <= top as u8)
            .collect()
    }
}

/// The attempts the vector kernels of `lanes` take over `doubles` from slot `k`, packed
/// into `x1`, `x2`, `r2`: the new `k` and the doubles used, where the caller's scalar
/// loop goes on (`(k, 0)` for [`Lanes::Scalar`]).
///
/// # Panics
/// Unless `want <= x1.len()` and `x2`, `r2` are as long as `x1`.
#[inline(always)]
pub(super) fn accept(
    lanes: Lanes,
    doubles: &[f64],
    k: usize,
    want: usize,
    x1: &mut [f64],
    x2: &mut [f64],
    r2: &mut [f64],
) -> (usize, usize) {
    assert!(want <= x1.len() && x1.len() == x2.len() && x1.len() == r2.len());
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        let (mut k, mut used) = (k, 0);
        if lanes == Lanes::Avx512 {
            // SAFETY: `Lanes::Avx512` is detected only on CPUs with AVX-512F and AVX2;
            // the lengths are asserted above.
            (k, used) = unsafe { accept_avx512(doubles, k, want, x1, x2, r2) };
        }
        if lanes != Lanes::Scalar {
            // SAFETY: as above (both vector kinds have AVX2).
            let (k2, more) = unsafe { accept_avx2(&doubles[used..], k, want, x1, x2, r2) };
            (k, used) = (k2, used + more);
        }
        (k, used)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        let _ = (lanes, doubles, want, x1, x2, r2);
        (k, 0)
    }
}

/// Runs polar attempts over `doubles` (two per attempt) eight at a time, packing the
/// accepted ones into `x1`, `x2`, `r2` from slot `k` on, while at least eight more are
/// wanted (`want - k >= 8`) and sixteen doubles remain. Returns the new `k` and the
/// doubles used (a multiple of 16); [`accept_avx2`] and then the scalar loop go on from
/// there. The arithmetic is [`accept_avx2`]'s, eight lanes wide.
///
/// # Safety
/// The CPU must support AVX-512F. `want <= x1.len()`, and `x2`, `r2` are as long as `x1`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx512f")]
unsafe fn accept_avx512(
    doubles: &[f64],
    mut k: usize,
    want: usize,
    x1: &mut [f64],
    x2: &mut [f64],
    r2: &mut [f64],
) -> (usize, usize) {
    use core::arch::x86_64::*;
    assert!(want <= x1.len() && x1.len() == x2.len() && x1.len() == r2.len());
    let mut used = 0;
    let (two, one, zero) = (
        _mm512_set1_pd(2.0),
        _mm512_set1_pd(1.0),
        _mm512_setzero_pd(),
    );
    // `vpermt2pd` indices: the attempts' first and second doubles from two vectors of
    // four attempts each, in attempt order (index 8 and up is the second vector).
    let firsts = _mm512_set_epi64(14, 12, 10, 8, 6, 4, 2, 0);
    let seconds = _mm512_set_epi64(15, 13, 11, 9, 7, 5, 3, 1);
    for d in doubles.chunks_exact(16) {
        if want - k < 8 {
            break;
        }
        // SAFETY (whole block): `d` has 16 elements (two 8-lane loads); the three 8-lane
        // stores at `k` end at k + 8 <= want <= the arrays' length.
        unsafe {
            let a = _mm512_loadu_pd(d.as_ptr());
            let b = _mm512_loadu_pd(d.as_ptr().add(8));
            let u1 = _mm512_permutex2var_pd(a, firsts, b);
            let u2 = _mm512_permutex2var_pd(a, seconds, b);
            let v1 = _mm512_sub_pd(_mm512_mul_pd(two, u1), one);
            let v2 = _mm512_sub_pd(_mm512_mul_pd(two, u2), one);
            let s = _mm512_add_pd(_mm512_mul_pd(v1, v1), _mm512_mul_pd(v2, v2));
            // r2 < 1.0 && r2 != 0.0, as the scalar comparisons (ordered <, unordered !=).
            let ok = _mm512_cmp_pd_mask::<_CMP_LT_OQ>(s, one)
                & _mm512_cmp_pd_mask::<_CMP_NEQ_UQ>(s, zero);
            // Accepted lanes to the front, in attempt order; the lanes past them are
            // zeros that later attempts overwrite (or past `want`, never read).
            _mm512_storeu_pd(x1.as_mut_ptr().add(k), _mm512_maskz_compress_pd(ok, v1));
            _mm512_storeu_pd(x2.as_mut_ptr().add(k), _mm512_maskz_compress_pd(ok, v2));
            _mm512_storeu_pd(r2.as_mut_ptr().add(k), _mm512_maskz_compress_pd(ok, s));
            k += ok.count_ones() as usize;
        }
        used += 16;
    }
    (k, used)
}

/// Runs polar attempts over `doubles` (two per attempt) four at a time, packing the
/// accepted ones into `x1`, `x2`, `r2` from slot `k` on, while at least four more are
/// wanted (`want - k >= 4`) and eight doubles remain. Returns the new `k` and the doubles
/// used (a multiple of 8); the caller's scalar loop takes over from there.
///
/// # Safety
/// The CPU must support AVX2. `want <= x1.len()`, and `x2`, `r2` are as long as `x1`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2")]
unsafe fn accept_avx2(
    doubles: &[f64],
    mut k: usize,
    want: usize,
    x1: &mut [f64],
    x2: &mut [f64],
    r2: &mut [f64],
) -> (usize, usize) {
    use core::arch::x86_64::*;
    assert!(want <= x1.len() && x1.len() == x2.len() && x1.len() == r2.len());
    let mut used = 0;
    let (two, one, zero) = (
        _mm256_set1_pd(2.0),
        _mm256_set1_pd(1.0),
        _mm256_setzero_pd(),
    );
    for d in doubles.chunks_exact(8) {
        if want - k < 4 {
            break;
        }
        // SAFETY (whole block): `d` has 8 elements (two 4-lane loads); the three 4-lane
        // stores at `k` end at k + 4 <= want <= the arrays' length; `PACK` has 16 rows.
        unsafe {
            // Attempts 0..4 are (d[0], d[1]), (d[2], d[3]), (d[4], d[5]), (d[6], d[7]).
            let a = _mm256_loadu_pd(d.as_ptr());
            let b = _mm256_loadu_pd(d.as_ptr().add(4));
            // The lanes are attempts 0, 2, 1, 3 (see `PACK`).
            let u1 = _mm256_unpacklo_pd(a, b);
            let u2 = _mm256_unpackhi_pd(a, b);
            let v1 = _mm256_sub_pd(_mm256_mul_pd(two, u1), one);
            let v2 = _mm256_sub_pd(_mm256_mul_pd(two, u2), one);
            let s = _mm256_add_pd(_mm256_mul_pd(v1, v1), _mm256_mul_pd(v2, v2));
            // r2 < 1.0 && r2 != 0.0, as the scalar comparisons (ordered <, unordered !=).
            let ok = _mm256_and_pd(
                _mm256_cmp_pd::<_CMP_LT_OQ>(s, one),
                _mm256_cmp_pd::<_CMP_NEQ_UQ>(s, zero),
            );
            let mask = _mm256_movemask_pd(ok) as usize;
            let idx = _mm256_loadu_si256(PACK[mask].as_ptr().cast());
            let pack =
                |v: __m256d| _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_castpd_ps(v), idx));
            _mm256_storeu_pd(x1.as_mut_ptr().add(k), pack(v1));
            _mm256_storeu_pd(x2.as_mut_ptr().add(k), pack(v2));
            _mm256_storeu_pd(r2.as_mut_ptr().add(k), pack(s));
            k += mask.count_ones() as usize;
        }
        used += 8;
    }
    (k, used)
}

#[cfg(test)]
mod tests {
    use crate::legacy::normal::accept_run_for_test;
    use crate::legacy::test_util::assert_bits;
    use crate::legacy::RandomState;
    use crate::prelude::*;

    /// Each kernel the CPU has plus the scalar finish against the scalar loop alone
    /// (`PolarBatch::attempts`), on doubles from real streams: every batch size up to 40
    /// and from several starting slots, the accepted values bit for bit and the doubles
    /// used.
    #[test]
    fn kernels_match_scalar_loop() {
        for lanes in super::Lanes::available() {
            kernel_matches_scalar_loop(lanes);
        }
    }

    fn kernel_matches_scalar_loop(lanes: super::Lanes) {
        for seed in 0..20u32 {
            let mut rs = RandomState::new(seed);
            let doubles: Vec<f64> = (0..200).map(|_| rs.next_double()).collect();
            for want in 0..=40 {
                for k0 in [0, 1, 3, want / 2] {
                    if k0 > want {
                        continue;
                    }
                    let fast = accept_run_for_test(&doubles, k0, want, lanes);
                    let slow = accept_run_for_test(&doubles, k0, want, super::Lanes::Scalar);
                    let what = format!("{lanes:?} seed {seed} want {want} k0 {k0}");
                    assert_eq!(fast.0, slow.0, "{what}");
                    assert_bits(&fast.1, &slow.1, &what);
                }
            }
        }
    }
}
