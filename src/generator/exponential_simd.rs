//! The vector paths of `Generator.standard_exponential`'s ziggurat (and `exponential`):
//! with AVX-512 (F and DQ) a whole-block fill ([`fill_blocks`]); with AVX2 the first
//! attempts four words at a time for [`read_ahead::fill_with_run`](super::read_ahead)
//! ([`accepted_run`]).
//!
//! NumPy's attempt on a word `r` ([`exponential_attempt`](super::ziggurat), the safe
//! twin): `ri = r >> 3`, box `idx = ri & 0xff`, `ri >>= 8`, the candidate
//! `ri * we[idx]`, accepted if `ri < ke[idx]` (about 97.8 % of attempts). The AVX2
//! kernel stores a vector of four candidates and stops at the first rejected one, which
//! the scalar loop then hands to NumPy's rejection path; it never consumes a word past
//! it. The AVX-512 fill computes every word's candidate and rejection bit first and
//! then follows NumPy's loop on the bits (see [`fill_blocks`]).
//!
//! Why the arithmetic is the scalar's bit for bit: `ri < 2^53`, so its conversion to
//! double is exact, and AVX2 (which has no 64-bit integer conversion) builds it exactly
//! from its two 32-bit halves (`hi * 2^32 + lo`, every step exact); AVX-512DQ's
//! `vcvtuqq2pd` is exact below 2^53; the product is one IEEE multiplication, as in C;
//! `ri` and `ke[idx]` are below 2^63, so the signed 64-bit comparison orders them as
//! the unsigned one does. Both kernels fetch the `ke`/`we` rows with one 128-bit load
//! per lane from a table that holds them side by side.
//!
//! Measured on Zen 3 (n = 10^6, fresh draws): the scalar loop took 16 instructions and
//! about 1.15 ns a value; the AVX2 kernel takes 30 instructions per four, and the whole
//! fill went from 2.77 to 2.63 ns a value (the README's #15 section has the rest). On a
//! Zen 4 EPYC (2026-12-07, PCG64, ns a value at 10^6 / 10^7): the block fill 1.69 /
//! 1.91; an AVX-512 form of the stopping kernel 2.24 / 2.14 (3.4 at 10^6 when it
//! fetched `ke` and `we` with two `vgatherqpd`); the AVX2 kernel 2.9 at 10^6. Storing
//! all eight lanes of each packed vector instead of a masked store gained under 1 %.

#![allow(unsafe_code)] // the documented AVX2 and AVX-512 kernels below; `exponential_attempt` is their safe twin

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::ziggurat::{exponential_attempt, exponential_rejection, standard_exponential_rejected};
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::ziggurat_tables::{KE_DOUBLE, WE_DOUBLE};
use crate::bitgen::BitGenerator;

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
    if cpu_has!("avx2") {
        // SAFETY: the CPU has AVX2.
        return unsafe { run_avx2(words, out, scale) };
    }
    let _ = (words, out, scale);
    0
}

/// `scale * standard_exponential` for the whole of `out` with AVX-512 (F and DQ), the
/// same values and final state as the word-by-word loop; `false` (nothing drawn) on a
/// CPU without them.
///
/// Why not [`accepted_run`]'s stop at each rejected attempt: with eight words a vector,
/// one vector in six holds one, and the exit (a branch that resolves only at the end of
/// the vector's chain of loads, with the following vectors' work already under way)
/// cost more than the kernel itself. Here a block of words is drawn, every word's
/// candidate and rejection bit computed with no branch ([`candidates`]), then the
/// block's 64-word groups are walked by their rejection bits alone: NumPy's rejection
/// path draws exactly one more word (the uniform of the tail or wedge test) and then
/// either returns or starts a fresh attempt on the next word, so a word is an attempt
/// unless the word before it was a rejected attempt, and each rejected attempt either
/// gives its value or none. The kept values are packed into `out` eight at a time
/// (`vcompresspd`). A rejected attempt on the block's last word finishes from the
/// generator (NumPy's loop on the next words), so every block starts on an attempt.
pub(super) fn fill_blocks<B: BitGenerator + ?Sized>(
    bg: &mut B,
    out: &mut [f64],
    scale: f64,
) -> bool {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if cpu_has!("avx512f", "avx512dq") {
        // SAFETY: the CPU has AVX-512F and AVX-512DQ.
        unsafe { fill_blocks_avx512(bg, out, scale) };
        return true;
    }
    let _ = (bg, out, scale);
    false
}

/// Words drawn at a time by [`fill_blocks`]: a multiple of 8 (whole vectors) and of
/// PCG64's AVX-512 round of 20 words.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
const BLOCK: usize = 480;

/// [`fill_blocks`] on a CPU with AVX-512F and DQ.
///
/// # Safety
/// The CPU must support AVX-512F and AVX-512DQ.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx512f,avx512dq")]
unsafe fn fill_blocks_avx512<B: BitGenerator + ?Sized>(bg: &mut B, out: &mut [f64], scale: f64) {
    use core::arch::x86_64::*;
    let mut words = [0u64; BLOCK];
    let mut xs = [0f64; BLOCK];
    let mut rej = [0u64; BLOCK / 64 + 1];
    let n = out.len();
    let mut i = 0;
    while i < n {
        // Each value takes at least one word: k words give at most n - i values.
        let k = (n - i).min(BLOCK);
        bg.fill_u64(&mut words[..k]);
        // SAFETY: the CPU has the kernel's features (this function's requirement).
        unsafe { candidates(&words[..k], &mut xs[..k], &mut rej, scale) };
        // Whether the next group's first word is the uniform of a rejected attempt.
        let mut carry = false;
        for (g, &r) in rej[..k.div_ceil(64)].iter().enumerate() {
            let base = 64 * g;
            let len = (k - base).min(64);
            // Uniform words (bit j: word base + j), and the values kept.
            let mut u = u64::from(carry);
            carry = false;
            let mut keep = !r & (u64::MAX >> (64 - len));
            let mut bits = r;
            while bits != 0 {
                let j = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if u >> j & 1 != 0 {
                    continue; // a uniform, not an attempt
                }
                let w = base + j;
                let (idx, x) = match exponential_attempt(words[w]) {
                    Ok(_) => continue, // never: its rejection bit is set
                    Err(e) => e,
                };
                // The next word is this attempt's uniform.
                if j < 63 {
                    u |= 1 << (j + 1);
                } else {
                    carry = true;
                }
                let v = if w + 1 < k {
                    // NumPy's test with the uniform from the block; on `None` the word
                    // after the uniform is a fresh attempt.
                    exponential_rejection(idx, x, bg.double_from_u64(words[w + 1]))
                } else {
                    Some(standard_exponential_rejected(bg, (idx, x)))
                };
                if let Some(v) = v {
                    xs[w] = scale * v;
                    keep |= 1 << j;
                }
            }
            keep &= !u;
            for q in 0..len.div_ceil(8) {
                let m = (keep >> (8 * q)) as u8;
                let cnt = m.count_ones() as usize;
                // SAFETY: xs[base + 8q..base + 8q + 8] lies in its BLOCK words (BLOCK
                // and base are multiples of 8; lanes past k are not kept); the store
                // writes out[i..i + cnt], and i + cnt <= n since the block's k words
                // give at most k <= n - i_block values.
                unsafe {
                    let v = _mm512_loadu_pd(xs.as_ptr().add(base + 8 * q));
                    let packed = _mm512_maskz_compress_pd(m, v);
                    _mm512_mask_storeu_pd(
                        out.as_mut_ptr().add(i),
                        ((1u16 << cnt) - 1) as u8,
                        packed,
                    );
                }
                i += cnt;
            }
        }
    }
}

/// Eight attempts at once: `scale * ri * we[idx]` for the words at `p..p + 8`, and the
/// mask of those inside their box.
///
/// # Safety
/// AVX-512F and DQ, and `p..p + 8` readable.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
unsafe fn attempts8(
    p: *const u64,
    scale: core::arch::x86_64::__m512d,
) -> (core::arch::x86_64::__m512d, u8) {
    use core::arch::x86_64::*;
    // SAFETY (whole block): the caller's guarantee; a box index is below 256, the
    // table's length.
    unsafe {
        // The rows as in the AVX2 kernel, one load per lane (gathers took 0.5 ns a value
        // more on Zen 4), the box index from each word's own load.
        let (ke, we) = crate::math::slice_avx512::unpack_rows(|k| {
            let idx = ((core::ptr::read_volatile(p.add(k)) >> 3) & 0xff) as usize;
            _mm_loadu_si128(KE_WE.as_ptr().add(idx).cast())
        });
        let we = _mm512_castsi512_pd(we);
        let ri = _mm512_srli_epi64::<11>(_mm512_loadu_si512(p.cast()));
        let x = _mm512_mul_pd(_mm512_mul_pd(_mm512_cvtepu64_pd(ri), we), scale);
        (x, _mm512_cmplt_epu64_mask(ri, ke))
    }
}

/// Every word's candidate `scale * x` into `xs` (also for the words that turn out to
/// be uniforms, which are not read) and its rejection bit into `rej` (bit `j % 64` of
/// `rej[j / 64]`; the bits past `words.len()` are 0).
///
/// # Safety
/// AVX-512F and DQ; `xs.len() == words.len()` and `rej` has `words.len() / 64 + 1`
/// words at least.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx512f,avx512dq")]
unsafe fn candidates(words: &[u64], xs: &mut [f64], rej: &mut [u64], scale: f64) {
    use core::arch::x86_64::*;
    assert!(xs.len() == words.len() && rej.len() > words.len() / 64);
    rej.fill(0);
    let s = _mm512_set1_pd(scale);
    let mut i = 0;
    while i + 8 <= words.len() {
        // SAFETY: words[i..i + 8] and xs[i..i + 8] are in bounds.
        unsafe {
            let (x, ok) = attempts8(words.as_ptr().add(i), s);
            _mm512_storeu_pd(xs.as_mut_ptr().add(i), x);
            // i is a multiple of 8: the eight bits stay inside one word.
            rej[i / 64] |= u64::from(!ok) << (i % 64);
        }
        i += 8;
    }
    for j in i..words.len() {
        match exponential_attempt(words[j]) {
            Ok(x) => xs[j] = scale * x,
            Err(_) => rej[j / 64] |= 1 << (j % 64),
        }
    }
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
        }
    }

    /// The block fill against NumPy's loop word by word (the scalar attempt, then the
    /// rejection path on the generator), on every bit generator kind (MT19937's
    /// uniforms convert differently), lengths around groups and blocks, and scales:
    /// the same values bit for bit and the same state after. With 2.2 % of attempts
    /// rejected, the runs meet rejected attempts on a group's and a block's last word,
    /// rejected attempts whose uniform word is itself out of its box, and the tail box.
    #[test]
    fn block_fill_matches_numpys_loop() {
        use crate::bitgen::BitGenerator;
        use crate::generator::ziggurat::standard_exponential_rejected;
        use crate::generator::{AnyBitGenerator, BitGenKind};
        let kinds = [
            BitGenKind::Pcg64,
            BitGenKind::Mt19937,
            BitGenKind::Philox,
            BitGenKind::Sfc64,
        ];
        let (mut tail_box, mut runs) = (0, 0);
        for kind in kinds {
            for seed in 0..24u128 {
                for n in [0usize, 1, 7, 8, 63, 64, 65, 479, 480, 481, 2000, 9601] {
                    let scale = [1.0, 2.5, 1e-300][(seed % 3) as usize];
                    let mut a = AnyBitGenerator::new(kind, seed * 1000 + n as u128);
                    let mut b = a.clone();
                    let mut out = vec![f64::NAN; n];
                    if !super::fill_blocks(&mut a, &mut out, scale) {
                        return; // no AVX-512 on this CPU
                    }
                    for (i, x) in out.iter().enumerate() {
                        let w = BitGenerator::next_u64(&mut b);
                        let want = match exponential_attempt(w) {
                            Ok(x) => scale * x,
                            Err(e) => {
                                tail_box += usize::from(e.0 == 0);
                                scale * standard_exponential_rejected(&mut b, e)
                            }
                        };
                        assert_eq!(x.to_bits(), want.to_bits(), "{kind:?} {seed} n={n} i={i}");
                    }
                    assert_eq!(a.state(), b.state(), "{kind:?} {seed} n={n}");
                    runs += 1;
                }
            }
        }
        assert!(runs > 0 && tail_box > 0, "{runs} {tail_box}");
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
