//! The first attempts of `Generator.standard_exponential`'s ziggurat, eight words at a
//! time with AVX-512 (F and DQ) or four with AVX2, for the bulk fill
//! ([`read_ahead::fill_with_run`](super::read_ahead)).
//!
//! NumPy's attempt on a word `r` ([`exponential_attempt`](super::ziggurat), the safe
//! twin): `ri = r >> 3`, box `idx = ri & 0xff`, `ri >>= 8`, the candidate
//! `ri * we[idx]`, accepted if `ri < ke[idx]` (about 97.8 % of attempts). A kernel
//! stores a vector of candidates (four or eight) and stops at the first rejected one, which the scalar loop
//! then hands to NumPy's rejection path; it never consumes a word past it.
//!
//! Why the arithmetic is the scalar's bit for bit: `ri < 2^53`, so its conversion to
//! double is exact, and AVX2 (which has no 64-bit integer conversion) builds it exactly
//! from its two 32-bit halves (`hi * 2^32 + lo`, every step exact); the product is one
//! IEEE multiplication, as in C; `ri` and `ke[idx]` are below 2^63, so the signed 64-bit
//! comparison orders them as the unsigned one does.
//!
//! The AVX-512 kernel converts `ri` with AVX-512DQ's `vcvtuqq2pd` (exact below 2^53),
//! fetches the `ke`/`we` rows as the AVX2 kernel does (eight 128-bit loads into the
//! quarters of two registers, then unpacked), and compares unsigned into a mask.
//!
//! Measured on Zen 3 (n = 10^6, fresh draws): the scalar loop took 16 instructions and
//! about 1.15 ns a value; the AVX2 kernel takes 30 instructions per four, and the whole
//! fill went from 2.77 to 2.63 ns a value (the README's #15 section has the rest). On a
//! Zen 4 EPYC (2026-12-07, n = 10^6) the whole fill took 2.24 ns a value with this
//! AVX-512 kernel, 2.9 with the AVX2 one and 3.4 with an AVX-512 kernel that fetched
//! `ke` and `we` with two `vgatherqpd` (the gathers were half of its time).

#![allow(unsafe_code)] // the documented AVX2 and AVX-512 kernels below; `exponential_attempt` is their safe twin

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::ziggurat_tables::{KE_DOUBLE, WE_DOUBLE};

/// NumPy's `ke[i]` and the bits of `we[i]` side by side: one 128-bit load per lane
/// brings both (two gathers cost more on the cores measured, see `math::log_slice`).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
static KE_WE: [[u64; 2]; 256] = interleave();

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
const fn interleave() -> [[u64; 2]; 256] {
    let mut t = [[0u64; 2]; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = [KE_DOUBLE[i], WE_DOUBLE[i].to_bits()];
        i += 1;
    }
    t
}

/// Writes `scale * x` for the leading accepted attempts of `words` into `out` and
/// returns how many it wrote: all of them up to the first rejected word, or fewer (the
/// caller's scalar loop goes on from there; 0 where the CPU lacks AVX2). `out` must be
/// at least as long as `words`; candidates after the returned count may be overwritten.
#[inline]
pub(super) fn accepted_run(words: &[u64], out: &mut [f64], scale: f64) -> usize {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if cpu_has!("avx512f", "avx512dq", "avx2") {
        // SAFETY: the CPU has AVX-512F, AVX-512DQ and AVX2.
        let n = unsafe { run_avx512(words, out, scale) };
        if n < words.len() / 8 * 8 {
            return n; // stopped at a rejected word
        }
        // The last whole vector of four, if any.
        // SAFETY: as above; `out[n..]` is as long as `words[n..]` at least.
        return n + unsafe { run_avx2(&words[n..], &mut out[n..], scale) };
    }
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if cpu_has!("avx2") {
        // SAFETY: the CPU has AVX2.
        return unsafe { run_avx2(words, out, scale) };
    }
    let _ = (words, out, scale);
    0
}

/// [`accepted_run`] eight words at a time with AVX-512: the candidates of whole vectors
/// up to the first with a rejected word, and the count accepted (a multiple of 8 where
/// no word of the whole vectors was rejected).
///
/// # Safety
/// The CPU must support AVX-512F and AVX-512DQ.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx512f,avx512dq")]
unsafe fn run_avx512(words: &[u64], out: &mut [f64], scale: f64) -> usize {
    use core::arch::x86_64::*;
    assert!(out.len() >= words.len());
    let scale = _mm512_set1_pd(scale);
    let mut i = 0;
    while i + 8 <= words.len() {
        // SAFETY (whole block): words[i..i + 8] and out[i..i + 8] are in bounds
        // (i + 8 <= words.len() <= out.len()); a box index is below 256, the table's
        // length.
        unsafe {
            let p = words.as_ptr().add(i);
            // The rows as in the AVX2 kernel (gathers took 0.5 ns a value more on
            // Zen 4): lanes 0, 2, 4, 6 and 1, 3, 5, 7 in the four 128-bit quarters of
            // `a` and `b`, then unpacked.
            let row = |k: usize| {
                let idx = ((core::ptr::read_volatile(p.add(k)) >> 3) & 0xff) as usize;
                _mm_loadu_si128(KE_WE.as_ptr().add(idx).cast())
            };
            let quad = |k: usize| {
                let x = _mm512_castsi128_si512(row(k));
                let x = _mm512_inserti32x4::<1>(x, row(k + 2));
                let x = _mm512_inserti32x4::<2>(x, row(k + 4));
                _mm512_inserti32x4::<3>(x, row(k + 6))
            };
            let (a, b) = (quad(0), quad(1));
            let ke = _mm512_unpacklo_epi64(a, b);
            let we = _mm512_castsi512_pd(_mm512_unpackhi_epi64(a, b));
            let w = _mm512_loadu_si512(p.cast());
            let ri = _mm512_srli_epi64::<11>(w);
            let x = _mm512_mul_pd(_mm512_mul_pd(_mm512_cvtepu64_pd(ri), we), scale);
            _mm512_storeu_pd(out.as_mut_ptr().add(i), x);
            let ok = _mm512_cmplt_epu64_mask(ri, ke);
            if ok != 0xff {
                return i + ok.trailing_ones() as usize;
            }
        }
        i += 8;
    }
    i
}

/// [`accepted_run`] on AVX2.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2")]
unsafe fn run_avx2(words: &[u64], out: &mut [f64], scale: f64) -> usize {
    use core::arch::x86_64::*;
    assert!(out.len() >= words.len());
    let magic_lo = _mm256_set1_epi64x(0x4330_0000_0000_0000); // 2^52
    let magic_hi = _mm256_set1_epi64x(0x4530_0000_0000_0000); // 2^84
    let magic_both = _mm256_set1_pd(f64::from_bits(0x4530_0000_0010_0000)); // 2^84 + 2^52
    let scale = _mm256_set1_pd(scale);
    let mut i = 0;
    while i + 4 <= words.len() {
        // SAFETY (whole block): words[i..i + 4] and out[i..i + 4] are in bounds
        // (i + 4 <= words.len() <= out.len()); a box index is below 256, the table's length.
        unsafe {
            let p = words.as_ptr().add(i);
            // The box indices in general registers, from their own loads: extracting
            // them from the vector costs a shuffle each on the vector ports.
            let row = |k: usize| {
                let idx = ((core::ptr::read_volatile(p.add(k)) >> 3) & 0xff) as usize;
                _mm_loadu_si128(KE_WE.as_ptr().add(idx).cast())
            };
            let a = _mm256_inserti128_si256::<1>(_mm256_castsi128_si256(row(0)), row(2));
            let b = _mm256_inserti128_si256::<1>(_mm256_castsi128_si256(row(1)), row(3));
            // Lanes 0, 1, 2, 3: unpacking rows (0 | 2) with (1 | 3).
            let ke = _mm256_unpacklo_epi64(a, b);
            let we = _mm256_castsi256_pd(_mm256_unpackhi_epi64(a, b));
            let ri = _mm256_srli_epi64::<11>(_mm256_loadu_si256(p.cast()));
            // ri as f64, exactly: (2^84 + hi * 2^32) - (2^84 + 2^52) + (2^52 + lo).
            let hi = _mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64::<32>(ri), magic_hi));
            let lo = _mm256_castsi256_pd(_mm256_blend_epi32::<0b1010_1010>(ri, magic_lo));
            let rid = _mm256_add_pd(_mm256_sub_pd(hi, magic_both), lo);
            let x = _mm256_mul_pd(_mm256_mul_pd(rid, we), scale);
            _mm256_storeu_pd(out.as_mut_ptr().add(i), x);
            let ok = _mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpgt_epi64(ke, ri))) as u32;
            if ok != 0xf {
                return i + ok.trailing_ones() as usize;
            }
        }
        i += 4;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::accepted_run;
    use crate::generator::ziggurat::exponential_attempt;
    use crate::prelude::*;

    /// The dispatch and each kernel against the scalar attempt, on words from a real
    /// stream and on words built to hit every box, both sides of each `ke` bound, and
    /// the largest `ri`: the count is the scalar's accepted prefix (or short of it in the
    /// last partial vector), and every value written is the scalar's, bit for bit.
    #[test]
    fn run_matches_scalar_attempts() {
        check(accepted_run, 4);
        // Each kernel the CPU has, not only the one the dispatch picks.
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        {
            if cpu_has!("avx2") {
                // SAFETY: the CPU has AVX2.
                check(|w, o, s| unsafe { super::run_avx2(w, o, s) }, 4);
            }
            if cpu_has!("avx512f", "avx512dq") {
                // SAFETY: the CPU has AVX-512F and AVX-512DQ.
                check(|w, o, s| unsafe { super::run_avx512(w, o, s) }, 8);
            }
        }
    }

    /// `run` against the scalar attempts; it may stop short of them only in its last
    /// `width - 1` words (a partial vector), or at 0 (no vector kernel on this CPU).
    fn check(run: fn(&[u64], &mut [f64], f64) -> usize, width: usize) {
        let mut rng = crate::generator::default_rng(7);
        let mut words: Vec<u64> = (0..4000).map(|_| rng.bg.next_u64()).collect();
        for idx in 0..256u64 {
            let ke = super::super::ziggurat_tables::KE_DOUBLE[idx as usize];
            for ri in [ke.saturating_sub(1), ke, ke + 1, (1 << 53) - 1, 0, 1 << 52] {
                words.push((ri << 11) | (idx << 3) | (ri & 7));
            }
        }
        for scale in [1.0, 2.5, 1e-300] {
            for start in 0..words.len() {
                let w = &words[start..(start + 13).min(words.len())];
                let mut out = vec![f64::NAN; w.len()];
                let n = run(w, &mut out, scale);
                let accepted = w
                    .iter()
                    .take_while(|&&r| exponential_attempt(r).is_ok())
                    .count();
                // Short of the scalar only without AVX2 or in the last partial vector.
                assert!(n <= accepted, "start {start}");
                assert!(
                    n == accepted || n == 0 || w.len() - n < width,
                    "start {start}"
                );
                for (k, &r) in w[..n].iter().enumerate() {
                    let want = scale * exponential_attempt(r).unwrap();
                    assert_eq!(out[k].to_bits(), want.to_bits(), "start {start} k {k}");
                }
            }
        }
    }
}
