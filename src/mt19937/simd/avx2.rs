//! AVX2 kernels. Every function here is `unsafe` only because it is compiled with
//! `#[target_feature(enable = "avx2")]`: callers must have checked that the CPU has
//! AVX2. All loads and stores are unaligned (`loadu`/`storeu`) and each one's index
//! range is shown to be in bounds next to it.

use super::{
    block_double, pairs_to_f64_portable, start_block, step_slots, temper, xor_portable,
    xor_rows_portable, LOWER_MASK, M, MATRIX_A, N, UPPER_MASK,
};
use core::arch::x86_64::*;

const W: usize = 8; // u32 lanes per vector

#[inline(always)]
unsafe fn vstep(a: __m256i, b: __m256i, c: __m256i) -> __m256i {
    let y = _mm256_or_si256(
        _mm256_and_si256(a, _mm256_set1_epi32(UPPER_MASK as i32)),
        _mm256_and_si256(b, _mm256_set1_epi32(LOWER_MASK as i32)),
    );
    // MATRIX_A where y is odd, in one operation: y's bit 0 is b's, and `vpermilps`
    // picks lane element `b & 3` of [0, MATRIX_A, 0, MATRIX_A], which is MATRIX_A
    // exactly when b is odd. The kernel is bound by its count of vector operations,
    // and this replaces shift, shift, and.
    let table = _mm256_castsi256_ps(_mm256_setr_epi32(
        0,
        MATRIX_A as i32,
        0,
        MATRIX_A as i32,
        0,
        MATRIX_A as i32,
        0,
        MATRIX_A as i32,
    ));
    let mag = _mm256_castps_si256(_mm256_permutevar_ps(table, b));
    _mm256_xor_si256(_mm256_xor_si256(c, _mm256_srli_epi32(y, 1)), mag)
}

#[inline(always)]
unsafe fn vtemper(mut y: __m256i) -> __m256i {
    y = _mm256_xor_si256(y, _mm256_srli_epi32(y, 11));
    y = _mm256_xor_si256(
        y,
        _mm256_and_si256(
            _mm256_slli_epi32(y, 7),
            _mm256_set1_epi32(0x9d2c_5680u32 as i32),
        ),
    );
    y = _mm256_xor_si256(
        y,
        _mm256_and_si256(
            _mm256_slli_epi32(y, 15),
            _mm256_set1_epi32(0xefc6_0000u32 as i32),
        ),
    );
    _mm256_xor_si256(y, _mm256_srli_epi32(y, 18))
}

/// One vector of slots `i..i+8` with the third operand at `i + off` (wrapping
/// arithmetic: `off` is `M` or `M - N`).
///
/// Safety: `i + 9 <= N` and `i + off .. i + off + 8` lies inside `0..N`.
#[inline(always)]
unsafe fn vslot(p: *mut u32, i: usize, off: usize) {
    let a = _mm256_loadu_si256(p.add(i) as *const __m256i);
    let b = _mm256_loadu_si256(p.add(i + 1) as *const __m256i);
    let c = _mm256_loadu_si256(p.add(i.wrapping_add(off)) as *const __m256i);
    _mm256_storeu_si256(p.add(i) as *mut __m256i, vstep(a, b, c));
}

/// Safety: the CPU has AVX2.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn twist(k: &mut [u32; N]) {
    let p = k.as_mut_ptr();
    // Run 1, slots 0..227 with c = old slot i+397. Vectors at i = 0, 8, .., 216:
    // a/b read i..i+9 <= 225 and c reads i+397..i+405 <= 621, all < N. The vector
    // at i reads slot i+8 as `b` before the next vector overwrites it, which is the
    // reference order (slot i+8 is still old when slot i+7 is computed).
    let mut i = 0;
    while i + W <= N - M {
        vslot(p, i, M);
        i += W;
    }
    step_slots(k, None, i, N - M);
    i = N - M;
    // Runs 2 and 3, slots 227..623 with c = new slot i-227 (already written: the
    // vector reads i-227..i-219, all below i). Vectors while i + 9 <= N, so b's read
    // i+1..i+9 stays inside the block; c's read starts at i-227 >= 0.
    let p = k.as_mut_ptr();
    while i + W < N {
        vslot(p, i, M.wrapping_sub(N));
        i += W;
    }
    step_slots(k, None, i, N);
}

/// As [`vslot`], also storing the tempered new slots at `t + i`.
///
/// Safety: as [`vslot`], and `t` points to `N` writable words.
#[inline(always)]
unsafe fn vslot_tempered(p: *mut u32, t: *mut u32, i: usize, off: usize) {
    let a = _mm256_loadu_si256(p.add(i) as *const __m256i);
    let b = _mm256_loadu_si256(p.add(i + 1) as *const __m256i);
    let c = _mm256_loadu_si256(p.add(i.wrapping_add(off)) as *const __m256i);
    let y = vstep(a, b, c);
    _mm256_storeu_si256(p.add(i) as *mut __m256i, y);
    _mm256_storeu_si256(t.add(i) as *mut __m256i, vtemper(y));
}

/// [`twist`] fused with the tempering of the new block into `out`: the same slot
/// order and bounds as `twist` (see its comments), each new vector tempered and
/// stored at the same index of `out` (an `N`-word array, so in bounds too).
///
/// Safety: the CPU has AVX2.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn twist_tempered(k: &mut [u32; N], out: &mut [u32; N]) {
    let p = k.as_mut_ptr();
    let t = out.as_mut_ptr();
    let mut i = 0;
    while i + W <= N - M {
        vslot_tempered(p, t, i, M);
        i += W;
    }
    step_slots(k, Some(&mut *out), i, N - M);
    i = N - M;
    // Pointers anew after the writes through the references.
    let (p, t) = (k.as_mut_ptr(), out.as_mut_ptr());
    while i + W < N {
        vslot_tempered(p, t, i, M.wrapping_sub(N));
        i += W;
    }
    step_slots(k, Some(out), i, N);
}

/// The safe loop, compiled with AVX2 enabled so that LLVM vectorises it 32 bytes wide.
///
/// Safety: the CPU has AVX2.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn xor_bytes(dst: &mut [u8], src: &[u8]) {
    xor_portable(dst, src)
}

/// The safe many-row loop, compiled with AVX2. Safety: the CPU has AVX2.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn xor_rows<const G: usize>(dst: &mut [u8], rows: &[&[u8]; G]) {
    xor_rows_portable(dst, rows)
}

/// As [`xor_bytes`], on words. Safety: the CPU has AVX2.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn xor_words(dst: &mut [u32], src: &[u32]) {
    xor_portable(dst, src)
}

/// Safety: the CPU has AVX2 and `words.len() == out.len()`.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn temper_into(words: &[u32], out: &mut [u32]) {
    let n = words.len();
    let (src, dst) = (words.as_ptr(), out.as_mut_ptr());
    let mut i = 0;
    // Vectors while i + 8 <= n: reads and writes i..i+8 of two slices of length n.
    while i + 2 * W <= n {
        let x0 = _mm256_loadu_si256(src.add(i) as *const __m256i);
        let x1 = _mm256_loadu_si256(src.add(i + W) as *const __m256i);
        _mm256_storeu_si256(dst.add(i) as *mut __m256i, vtemper(x0));
        _mm256_storeu_si256(dst.add(i + W) as *mut __m256i, vtemper(x1));
        i += 2 * W;
    }
    while i + W <= n {
        let x = _mm256_loadu_si256(src.add(i) as *const __m256i);
        _mm256_storeu_si256(dst.add(i) as *mut __m256i, vtemper(x));
        i += W;
    }
    for j in i..n {
        out[j] = temper(words[j]);
    }
}

/// Four doubles from four (first, second) word pairs held in the 64-bit lanes of `x`
/// (little-endian: the first word is the low half of each lane).
#[inline(always)]
unsafe fn vdoubles(x: __m256i) -> __m256d {
    vconvert(vtemper(x))
}

/// [`vdoubles`] of words already tempered.
#[inline(always)]
unsafe fn vconvert(t: __m256i) -> __m256d {
    // Exact integer -> double by the exponent trick, scaled on the way: OR an integer
    // below 2^52 into the mantissa of 2^e and the double is 2^e + int * 2^(e - 52).
    // First word with its low 5 bits cleared (32 a, a = first >> 5) into 2^20's
    // mantissa: 2^20 + a * 2^-27. b = second >> 6 into 0.5's: 0.5 + b * 2^-53.
    let lo = _mm256_and_si256(t, _mm256_set1_epi64x(0xffff_ffe0));
    let hi = _mm256_srli_epi64(t, 38);
    let ad = _mm256_castsi256_pd(_mm256_or_si256(
        lo,
        _mm256_set1_epi64x(0x4130_0000_0000_0000), // 2^20
    ));
    let bd = _mm256_castsi256_pd(_mm256_or_si256(
        hi,
        _mm256_set1_epi64x(0x3fe0_0000_0000_0000), // 0.5
    ));
    // (ad - (2^20 + 0.5)) = a * 2^-27 - 0.5 is exact (a multiple of 2^-27 in
    // [-0.5, 0.5)), and adding bd = 0.5 + b * 2^-53 gives a * 2^-27 + b * 2^-53 =
    // (a * 2^26 + b) / 2^53, which is a double (53 bits), so the rounded sum is that
    // exact value: NumPy's result bit for bit (0 comes out as +0.0).
    let c = _mm256_sub_pd(ad, _mm256_set1_pd(1_048_576.5));
    _mm256_add_pd(c, bd)
}

/// [`super::fill_blocks_f64`]: each block regenerated, then converted while in L1.
///
/// Safety: the CPU has AVX2 and `out.len()` is a multiple of `N / 2`.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn fill_blocks_f64(k: &mut [u32; N], odd: bool, out: &mut [f64]) {
    const H: usize = N / 2;
    // Double j of a block (j >= s) pairs words 2j - s and 2j - s + 1.
    let s = odd as usize;
    for chunk in out.chunks_exact_mut(H) {
        // SAFETY: this function's own requirement (the CPU has the kernel's features).
        start_block(k, odd, chunk, |k| unsafe { twist(k) });
        let (src, dst) = (k.as_ptr(), chunk.as_mut_ptr());
        let mut j = s;
        // Vectors while j + 4 <= H: writes chunk[j..j + 4] (in bounds); reads words
        // 2j - s .. 2j - s + 8, whose end is at most 2(H - 4) + 8 = N.
        while j + 4 <= H {
            let x = _mm256_loadu_si256(src.add(2 * j - s) as *const __m256i);
            _mm256_storeu_pd(dst.add(j), vdoubles(x));
            j += 4;
        }
        while j < H {
            chunk[j] = block_double(k, j, s);
            j += 1;
        }
    }
}

/// [`super::fill_blocks_u32`]: each block regenerated and tempered into the output.
///
/// Safety: the CPU has AVX2 and `out.len()` is a multiple of `N`.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn fill_blocks_u32(k: &mut [u32; N], out: &mut [u32]) {
    for block in out.chunks_exact_mut(N) {
        twist_tempered(k, block.try_into().expect("a whole block"));
    }
}

/// Safety: the CPU has AVX2 and `words.len() == 2 * out.len()`.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn pairs_to_f64<const TEMPER: bool>(words: &[u32], out: &mut [f64]) {
    let conv = |x| if TEMPER { vdoubles(x) } else { vconvert(x) };
    let n = out.len();
    let (src, dst) = (words.as_ptr(), out.as_mut_ptr());
    let mut i = 0;
    // Vectors while i + 8 <= n: doubles i..i+8 read words 2i..2i+16 <= 2n.
    while i + 8 <= n {
        let x0 = _mm256_loadu_si256(src.add(2 * i) as *const __m256i);
        let x1 = _mm256_loadu_si256(src.add(2 * i + 8) as *const __m256i);
        _mm256_storeu_pd(dst.add(i), conv(x0));
        _mm256_storeu_pd(dst.add(i + 4), conv(x1));
        i += 8;
    }
    while i + 4 <= n {
        let x = _mm256_loadu_si256(src.add(2 * i) as *const __m256i);
        _mm256_storeu_pd(dst.add(i), conv(x));
        i += 4;
    }
    pairs_to_f64_portable::<TEMPER>(&words[2 * i..], &mut out[i..]);
}
