//! AVX-512 (AVX-512F) kernels: the AVX2 kernels of `avx2.rs` sixteen lanes wide, with
//! `vpternlogd` doing two of their and/or/xor operations in one. Every function here is
//! `unsafe` only because it is compiled with `#[target_feature(enable = "avx512f")]`:
//! callers must have checked that the CPU has AVX-512F. All loads and stores are
//! unaligned (on the generator's 64-byte aligned block most are whole lines), and each
//! one's index range is shown to be in bounds next to it.
//!
//! Vector operations (the kernels are bound by their count): a step is five for sixteen
//! slots (select, shift, `vpermilps`, three-way xor, and one `valignd` for the third
//! operand) where AVX2 takes seven for eight, and the tempering eight for sixteen where
//! AVX2 takes ten for eight. The bulk fills temper (and convert) each vector of new
//! slots while it is in registers. The byte loops of the jump (`xor_*`) stay AVX2.
//!
//! Tested against the portable twins by the same tests as every backend (they run where
//! the CPU has AVX-512F: on a Zen 4 EPYC since 2026-12-07, before that in Bochs's
//! emulated Skylake-X, see `scripts/avx512_emulated.sh`). Timed on that Zen 4 (one
//! thread, 10^7 values, the range over the VM's phases): `fill_u32` 0.148-0.19 ns a
//! word (0.19-0.21 with the AVX2 kernels), `fill_f64` 0.40 (a 64-byte aligned output)
//! to 0.48 ns a double (0.54-0.57 with AVX2).

use super::{pairs_to_f64_portable, temper, LOWER_MASK, M, MATRIX_A, N};
use core::arch::x86_64::*;

const W: usize = 16; // u32 lanes per vector

// `vpternlogd` truth tables: bit `4a + 2b + c` of the immediate is the result for
// operand bits a, b, c.
/// `c ? b : a`.
const SELECT: i32 = 0xd8;
/// `a ^ b ^ c`.
const XOR3: i32 = 0x96;
/// `a ^ (b & c)`.
const XOR_AND: i32 = 0x78;
/// `(a & b) | c`.
const AND_OR: i32 = 0xea;

#[inline(always)]
unsafe fn vstep(a: __m512i, b: __m512i, c: __m512i) -> __m512i {
    // y = (a & UPPER_MASK) | (b & LOWER_MASK): b where the mask bit is set, else a.
    let y = _mm512_ternarylogic_epi32::<SELECT>(a, b, _mm512_set1_epi32(LOWER_MASK as i32));
    // MATRIX_A where y (so b) is odd, as in AVX2: lane element `b & 3` of
    // [0, MATRIX_A, 0, MATRIX_A] within each 128-bit lane.
    let table = _mm512_castsi512_ps(_mm512_set4_epi32(MATRIX_A as i32, 0, MATRIX_A as i32, 0));
    let mag = _mm512_castps_si512(_mm512_permutevar_ps(table, b));
    _mm512_ternarylogic_epi32::<XOR3>(c, _mm512_srli_epi32::<1>(y), mag)
}

#[inline(always)]
unsafe fn vtemper(y: __m512i) -> __m512i {
    let y = _mm512_xor_si512(y, _mm512_srli_epi32::<11>(y));
    let y = _mm512_ternarylogic_epi32::<XOR_AND>(
        y,
        _mm512_slli_epi32::<7>(y),
        _mm512_set1_epi32(0x9d2c_5680u32 as i32),
    );
    let y = _mm512_ternarylogic_epi32::<XOR_AND>(
        y,
        _mm512_slli_epi32::<15>(y),
        _mm512_set1_epi32(0xefc6_0000u32 as i32),
    );
    _mm512_xor_si512(y, _mm512_srli_epi32::<18>(y))
}

/// The regeneration in 39 vectors of sixteen slots and no scalar step, each new
/// vector also passed to `sink(i, y)` (slots `i..i+16`).
///
/// Slot `s` reads slots `s + 1` and `(s + 397) % 624`, old or already new exactly as in
/// the reference loop: with the slots updated in order, `(s + 397) % 624` is new from
/// `s = 227` on (it is then `s - 227`) and `s + 1` only for `s = 623` (slot 0). So one
/// vector per sixteen slots in order, every operand taken from the current contents of
/// `k`, gives the reference result, including the two vectors that straddle those
/// points (slots 224..240: three old third operands, then thirteen new; 608..624: the
/// last `b` is the new slot 0).
///
/// `c` is built from whole aligned vectors (`valignd`) instead of unaligned loads:
/// `N = 39 * 16`, so the vector indices `(i + 384) % N` and `(i + 400) % N` are
/// multiples of 16, and each vector is loaded once and carried to the next step
/// (`c_lo` is the previous `c_hi`), which also takes the wrap at slot 624 in its
/// stride. `b` is one unaligned load, except in the last vector (from `a` and `next`,
/// the new slots 0..16). A carried vector still holds the slots' current contents
/// when used: `next` (slots `i + 16..i + 32`) is not written before step `i + 16`,
/// and `c_hi` (slots `(i + 400) % N..`) either lies after every written slot (`i <=
/// 208`) or was written before it was loaded (`i >= 224`: slots from `i - 224`, or
/// from 0). Measured on Zen 4 (2026-12-07, the fused `random_sample` fill, 10^5
/// doubles): 0.39 ns a double against 0.42 with `b` from `valignd` too and 0.43 with
/// `c` from unaligned loads. The regeneration alone (`advance`) takes 0.08 ns a word,
/// against 0.09 for the earlier kernel (unaligned loads, 16 slots in scalar steps);
/// with `b` from `valignd` it takes 0.072, but the fused fills are what count.
///
/// Safety: the CPU has AVX-512F; `sink` may write anything but `k`.
#[inline(always)]
unsafe fn twist_vectors(k: &mut [u32; N], mut sink: impl FnMut(usize, __m512i)) {
    const _: () = assert!(N.is_multiple_of(W) && M % W == 13);
    let p = k.as_mut_ptr();
    // The whole-vector loads and the store are at multiples of 16 up to N - 16, so
    // each covers slots inside the block; `b`'s unaligned load (slots i+1..i+17) is
    // made only while i + 16 < N, so it ends at slot N - 1 at most.
    let mut a = _mm512_loadu_si512(p.cast());
    let mut c_lo = _mm512_loadu_si512(p.add(M - 13).cast());
    let mut i = 0;
    while i < N {
        let next = _mm512_loadu_si512(p.add((i + W) % N).cast());
        let c_hi = _mm512_loadu_si512(p.add((i + M + 3) % N).cast());
        // c = slots (i+397..i+413) % N.
        // b: one unaligned load (slots i+1..i+17 < N) but in the last vector, whose
        // last slot is the new slot 0.
        let b = if i + W < N {
            _mm512_loadu_si512(p.add(i + 1).cast())
        } else {
            _mm512_alignr_epi32::<1>(next, a)
        };
        let c = _mm512_alignr_epi32::<13>(c_hi, c_lo);
        let y = vstep(a, b, c);
        _mm512_storeu_si512(p.add(i).cast(), y);
        sink(i, y);
        a = next;
        c_lo = c_hi;
        i += W;
    }
}

/// Safety: the CPU has AVX-512F.
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn twist(k: &mut [u32; N]) {
    twist_vectors(k, |_, _| ())
}

/// [`twist`] fused with the tempering of the new block into `out`.
///
/// Safety: the CPU has AVX-512F.
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn twist_tempered(k: &mut [u32; N], out: &mut [u32; N]) {
    let t = out.as_mut_ptr();
    // Slots i..i+16 of out, i + 16 <= N.
    twist_vectors(k, |i, y| _mm512_storeu_si512(t.add(i).cast(), vtemper(y)));
}

/// Safety: the CPU has AVX-512F and `words.len() == out.len()`.
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn temper_into(words: &[u32], out: &mut [u32]) {
    let n = words.len();
    let (src, dst) = (words.as_ptr(), out.as_mut_ptr());
    let mut i = 0;
    // Vectors while i + 16 <= n: reads and writes i..i+16 of two slices of length n.
    while i + W <= n {
        let x = _mm512_loadu_si512(src.add(i).cast());
        _mm512_storeu_si512(dst.add(i).cast(), vtemper(x));
        i += W;
    }
    for j in i..n {
        out[j] = temper(words[j]);
    }
}

/// Eight doubles from the (first, second) word pairs in the 64-bit lanes of `t`
/// (already tempered; the first word is the low half), as `avx2::vconvert`: the
/// exponent trick, exact, so NumPy's `(a * 2^26 + b) / 2^53` bit for bit.
#[inline(always)]
unsafe fn vconvert(t: __m512i) -> __m512d {
    // First word with its low 5 bits cleared into 2^20's mantissa: 2^20 + a * 2^-27.
    let ad = _mm512_castsi512_pd(_mm512_ternarylogic_epi64::<AND_OR>(
        t,
        _mm512_set1_epi64(0xffff_ffe0),
        _mm512_set1_epi64(0x4130_0000_0000_0000),
    ));
    // Second word >> 6 into 0.5's mantissa: 0.5 + b * 2^-53.
    let bd = _mm512_castsi512_pd(_mm512_or_si512(
        _mm512_srli_epi64::<38>(t),
        _mm512_set1_epi64(0x3fe0_0000_0000_0000),
    ));
    _mm512_add_pd(_mm512_sub_pd(ad, _mm512_set1_pd(1_048_576.5)), bd)
}

/// The bulk `fill_u32` over whole blocks (see `simd::fill_blocks_u32`): each vector of
/// new slots tempered while in registers.
///
/// Safety: the CPU has AVX-512F and `out.len()` is a multiple of `N`.
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn fill_blocks_u32(k: &mut [u32; N], out: &mut [u32]) {
    for block in out.chunks_exact_mut(N) {
        let dst = block.as_mut_ptr();
        // Words i..i+16 of the block, i + 16 <= N.
        twist_vectors(k, |i, y| _mm512_storeu_si512(dst.add(i).cast(), vtemper(y)));
    }
}

/// The bulk `random_sample` loop over whole blocks (see `simd::fill_blocks_f64`), each
/// vector of new slots tempered and converted while it is in registers: sixteen words
/// make eight doubles. With `odd`, double `j` of a block pairs words `2j - 1` and `2j`
/// (word -1 being the old block's last), so the doubles of step `i` come from words
/// `i - 1..i + 15`: the previous step's last word and this step's first fifteen
/// (`valignd`). Before the first step that previous word is the old slot 623,
/// untempered as the new words are.
///
/// Stores are unaligned: combining two vectors into each aligned line (`vpermt2d`,
/// masked stores at the ends) was measured slower on Zen 4 (0.43 against 0.41 ns a
/// double with the output 8 or 16 bytes past a line, 10^7 doubles), and streaming
/// stores much slower (0.85 against 0.60 with the previous kernel).
///
/// Safety: the CPU has AVX-512F and `out.len()` is a multiple of `N / 2`.
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn fill_blocks_f64(k: &mut [u32; N], odd: bool, out: &mut [f64]) {
    for chunk in out.chunks_exact_mut(N / 2) {
        let dst = chunk.as_mut_ptr();
        // Doubles i/2..i/2+8 of the chunk, i + 16 <= N: in bounds.
        if odd {
            let mut prev = _mm512_set1_epi32(k[N - 1] as i32);
            twist_vectors(k, |i, y| {
                let words = _mm512_alignr_epi32::<15>(y, prev);
                _mm512_storeu_pd(dst.add(i / 2), vconvert(vtemper(words)));
                prev = y;
            });
        } else {
            twist_vectors(k, |i, y| {
                _mm512_storeu_pd(dst.add(i / 2), vconvert(vtemper(y)));
            });
        }
    }
}

/// Safety: the CPU has AVX-512F and `words.len() == 2 * out.len()`.
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn pairs_to_f64<const TEMPER: bool>(words: &[u32], out: &mut [f64]) {
    let n = out.len();
    let (src, dst) = (words.as_ptr(), out.as_mut_ptr());
    let mut i = 0;
    // Vectors while i + 8 <= n: doubles i..i+8 read words 2i..2i+16 <= 2n.
    while i + 8 <= n {
        let x = _mm512_loadu_si512(src.add(2 * i).cast());
        let t = if TEMPER { vtemper(x) } else { x };
        _mm512_storeu_pd(dst.add(i), vconvert(t));
        i += 8;
    }
    pairs_to_f64_portable::<TEMPER>(&words[2 * i..], &mut out[i..]);
}
