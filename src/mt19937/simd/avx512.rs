//! AVX-512 (AVX-512F) kernels: the AVX2 kernels of `avx2.rs` sixteen lanes wide, with
//! `vpternlogd` doing two of their and/or/xor operations in one. Every function here is
//! `unsafe` only because it is compiled with `#[target_feature(enable = "avx512f")]`:
//! callers must have checked that the CPU has AVX-512F. All loads and stores are
//! unaligned except the streaming stores (aligned as shown), and each one's index range
//! is shown to be in bounds next to it.
//!
//! Vector operations (the kernels are bound by their count): a step is four for sixteen
//! slots (select, shift, `vpermilps`, three-way xor) where AVX2 takes seven for eight,
//! and the tempering eight for sixteen where AVX2 takes ten for eight. The byte loops of
//! the jump (`xor_*`) stay AVX2.
//!
//! Tested against the portable twins by the same tests as every backend (they run where
//! the CPU has AVX-512F, and were run in Bochs's emulated Skylake-X, see
//! `scripts/avx512_emulated.sh`; a wrong `vpternlogd` table there fails 8 of them); not
//! timed on AVX-512 hardware yet.

use super::{
    block_double, pairs_to_f64_portable, start_block, step_slots, temper, LOWER_MASK, M, MATRIX_A,
    N,
};
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

/// One vector of slots `i..i+16` with the third operand at `i + off` (wrapping
/// arithmetic: `off` is `M` or `M - N`), the new slots also tempered into `t` if given.
///
/// Safety: `i + 17 <= N`, `i + off .. i + off + 16` lies inside `0..N`, and `t` (if not
/// null) points to `N` writable words.
#[inline(always)]
unsafe fn vslot(p: *mut u32, t: *mut u32, i: usize, off: usize) {
    let a = _mm512_loadu_si512(p.add(i).cast());
    let b = _mm512_loadu_si512(p.add(i + 1).cast());
    let c = _mm512_loadu_si512(p.add(i.wrapping_add(off)).cast());
    let y = vstep(a, b, c);
    _mm512_storeu_si512(p.add(i).cast(), y);
    if !t.is_null() {
        _mm512_storeu_si512(t.add(i).cast(), vtemper(y));
    }
}

/// The regeneration, tempering the new block into `out` when given: the slot order of
/// `avx2::twist` (see its comments), sixteen slots a vector.
///
/// Safety: the CPU has AVX-512F.
#[inline(always)]
unsafe fn twist_into(k: &mut [u32; N], mut out: Option<&mut [u32; N]>) {
    let p = k.as_mut_ptr();
    let t = out
        .as_mut()
        .map_or(core::ptr::null_mut(), |o| o.as_mut_ptr());
    // Run 1, slots 0..227 with c = old slot i+397: vectors at i = 0, 16, .., 208 read
    // a/b up to i+17 <= 225 and c up to i+413 <= 621, all < N. Each vector reads its
    // `b` (slots up to i+16) before the next one overwrites slot i+16: the reference
    // order.
    let mut i = 0;
    while i + W <= N - M {
        vslot(p, t, i, M);
        i += W;
    }
    step_slots(k, out.as_deref_mut(), i, N - M);
    i = N - M;
    // Pointers anew after the writes through the references.
    let t = out
        .as_mut()
        .map_or(core::ptr::null_mut(), |o| o.as_mut_ptr());
    // Runs 2 and 3, slots 227..623 with c = new slot i-227 (the vector reads
    // i-227..i-211, all below i, so already new). Vectors while i + 16 < N, so b's read
    // i+1..i+17 stays inside the block.
    let p = k.as_mut_ptr();
    while i + W < N {
        vslot(p, t, i, M.wrapping_sub(N));
        i += W;
    }
    step_slots(k, out, i, N);
}

/// Safety: the CPU has AVX-512F.
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn twist(k: &mut [u32; N]) {
    twist_into(k, None)
}

/// [`twist`] fused with the tempering of the new block into `out`.
///
/// Safety: the CPU has AVX-512F.
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn twist_tempered(k: &mut [u32; N], out: &mut [u32; N]) {
    twist_into(k, Some(out))
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

/// Safety: the CPU has AVX-512F and `out.len()` is a multiple of `N / 2`.
#[target_feature(enable = "avx512f")]
pub(super) unsafe fn fill_blocks_f64_stream(k: &mut [u32; N], odd: bool, out: &mut [f64]) {
    const H: usize = N / 2;
    // Double j of a block (j >= s) pairs words 2j - s and 2j - s + 1.
    let s = odd as usize;
    for chunk in out.chunks_exact_mut(H) {
        // SAFETY: this function's own requirement (the CPU has the kernel's features).
        start_block(k, odd, chunk, |k| unsafe { twist_into(k, None) });
        let (src, dst) = (k.as_ptr(), chunk.as_mut_ptr());
        let mut j = s;
        // Scalar doubles up to the first 64-byte aligned one (at most 7 of them).
        while j < H && !(dst.add(j) as usize).is_multiple_of(64) {
            chunk[j] = block_double(k, j, s);
            j += 1;
        }
        // Vectors while j + 8 <= H: writes chunk[j..j + 8] (in bounds, and 64-byte
        // aligned as `_mm512_stream_pd` requires: aligned on entry, and j moves by 8
        // doubles = 64 bytes); reads words 2j - s .. 2j - s + 16, whose end is at most
        // 2(H - 8) + 16 = N.
        while j + 8 <= H {
            let x = _mm512_loadu_si512(src.add(2 * j - s).cast());
            _mm512_stream_pd(dst.add(j), vconvert(vtemper(x)));
            j += 8;
        }
        while j < H {
            chunk[j] = block_double(k, j, s);
            j += 1;
        }
    }
    _mm_sfence();
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
