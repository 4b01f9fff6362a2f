//! Block kernels of MT19937: regenerate the 624-word block, temper words in bulk, and turn
//! word pairs into NumPy's 53-bit doubles in bulk.
//!
//! Every kernel has a portable implementation and one or two x86-64 ones, all giving
//! identical results (the tests in `tests/mt19937_perf.rs` and `simd/tests.rs` compare
//! every backend the CPU has with the portable one on many states, positions and
//! lengths):
//!
//! - [`Backend::Portable`]: plain safe Rust, written as straight loops that LLVM
//!   auto-vectorises for the target's baseline (SSE2 on x86-64, NEON on aarch64, where
//!   NEON is always present, so aarch64 needs no separate kernel).
//! - [`Backend::Avx2`] (x86-64 only): explicit `std::arch` AVX2 intrinsics, chosen at run
//!   time with `is_x86_feature_detected!("avx2")`, in `simd/avx2.rs`. This is the only
//!   `unsafe` code in the bit generator; every block documents why its memory accesses
//!   are in bounds. This file holds the dispatch and the portable twins.
//!
//! - [`Backend::Avx512`] (x86-64 only): the AVX2 kernels sixteen lanes wide with
//!   AVX-512F, `vpternlogd` merging the step's and the tempering's and/or/xor chains, in
//!   `simd/avx512.rs`; chosen at run time before AVX2 where the CPU has AVX-512F. The
//!   jump's byte loops stay AVX2 on such CPUs. Tested and timed on a Zen 4 EPYC (and
//!   earlier in Bochs's emulated Skylake-X, `scripts/avx512_emulated.sh`).
//!
//! # Why the block regeneration vectorises
//! Slot `i` of a new block depends on slots `i`, `i + 1` and `i + 397` (mod 624), and the
//! in-place update means that for `i >= 227` the third operand is the *new* slot
//! `i - 227`. So the block splits into runs of 227 slots (0..227, 227..454, 454..624)
//! whose slots depend only on older runs: each run is data-parallel.
//!
//! ```
//! use nprand::mt19937::Backend;
//! // The best kernel on this CPU is always available; the portable one too.
//! assert!(Backend::detected().is_available());
//! assert!(Backend::Portable.is_available());
//! ```

use super::{LOWER_MASK, M, MATRIX_A, N, UPPER_MASK};
use crate::prelude::*;

/// A kernel implementation of the bulk MT19937 paths.
///
/// [`Backend::detected`] is what [`Mt19937`](super::Mt19937) uses; the others exist so
/// that tests and benchmarks can compare paths (see
/// [`Mt19937::fill_u32_with`](super::Mt19937::fill_u32_with)).
///
/// ```
/// use nprand::mt19937::Backend;
/// let all = Backend::available();
/// assert_eq!(all[0], Backend::Portable);
/// assert!(all.contains(&Backend::detected()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Backend {
    /// Safe Rust, auto-vectorised for the compile target's baseline.
    Portable,
    /// x86-64 AVX2 intrinsics (run-time detected).
    Avx2,
    /// x86-64 AVX-512F intrinsics (run-time detected); the jump's byte loops use AVX2.
    Avx512,
}

impl Backend {
    /// The fastest backend this CPU supports (run-time detection; cheap to call, the
    /// standard library caches the CPUID result).
    ///
    /// ```
    /// let b = nprand::mt19937::Backend::detected();
    /// println!("MT19937 kernels: {b:?}");
    /// ```
    #[inline]
    #[must_use]
    pub fn detected() -> Backend {
        if Backend::Avx512.is_available() {
            Backend::Avx512
        } else if Backend::Avx2.is_available() {
            Backend::Avx2
        } else {
            Backend::Portable
        }
    }

    /// Whether this CPU can run the backend (asked at run time with `std`; without it,
    /// whether the build targets the backend's features, e.g. `-C target-feature=+avx2`).
    ///
    /// ```
    /// assert!(nprand::mt19937::Backend::Portable.is_available());
    /// ```
    #[inline]
    #[must_use]
    pub fn is_available(self) -> bool {
        match self {
            Backend::Portable => true,
            #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
            Backend::Avx2 => cpu_has!("avx2"),
            #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
            Backend::Avx512 => cpu_has!("avx512f", "avx2"),
            #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
            Backend::Avx2 | Backend::Avx512 => false,
        }
    }

    /// Every backend this CPU can run, portable first.
    ///
    /// ```
    /// assert!(!nprand::mt19937::Backend::available().is_empty());
    /// ```
    #[must_use]
    pub fn available() -> Vec<Backend> {
        [Backend::Portable, Backend::Avx2, Backend::Avx512]
            .into_iter()
            .filter(|b| b.is_available())
            .collect()
    }
}

#[inline(always)]
pub(super) fn temper(mut y: u32) -> u32 {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^ (y >> 18)
}

/// NumPy's `(a * 2^26 + b) / 2^53` with `a = w1 >> 5`, `b = w2 >> 6`.
///
/// Computed as one 53-bit integer, converted once: `a * 2^26 + b < 2^53` is exact in
/// NumPy's double arithmetic too, and the division by a power of two is exact, so the
/// result is NumPy's bit for bit, with one integer conversion instead of two (the
/// scalar `random_sample` loop is bound by its count of conversions).
#[inline(always)]
pub(super) fn to_f64(a: u32, b: u32) -> f64 {
    ((u64::from(a) << 26) | u64::from(b)) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

#[inline(always)]
fn step(a: u32, b: u32, c: u32) -> u32 {
    let y = (a & UPPER_MASK) | (b & LOWER_MASK);
    c ^ (y >> 1) ^ ((y & 1).wrapping_neg() & MATRIX_A)
}

/// Slots `from..to` of a regeneration one at a time, in order (the vector kernels'
/// remainders at the end of a run), each new slot also tempered into `out` if given.
/// Slot `i` takes slots `i + 1` and `i + M` modulo `N`: old slots, or below `i` (from
/// slot `N - M` on) the new ones, as in the reference loop.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn step_slots(k: &mut [u32; N], mut out: Option<&mut [u32; N]>, from: usize, to: usize) {
    for i in from..to {
        let b = k[if i + 1 < N { i + 1 } else { 0 }];
        let c = k[if i < N - M { i + M } else { i + M - N }];
        k[i] = step(k[i], b, c);
        if let Some(o) = out.as_mut() {
            o[i] = temper(k[i]);
        }
    }
}

/// Regenerate the block in place (the reference loop, in three data-parallel runs).
#[allow(unsafe_code)] // dispatch to the documented AVX2 and AVX-512 kernels
pub(super) fn twist(k: &mut [u32; N], backend: Backend) {
    by_backend!(backend, |kernels| kernels::twist(k), twist_portable(k))
}

/// Regenerate the block in place and write its tempered words to `out` (the scalar
/// read-ahead: `out[i] = temper(k[i])` for the new block). The AVX2 kernel tempers each
/// vector of new slots while it is still in registers.
#[allow(unsafe_code)] // dispatch to the documented AVX2 and AVX-512 kernels
pub(super) fn twist_tempered(k: &mut [u32; N], out: &mut [u32; N], backend: Backend) {
    by_backend!(
        backend,
        |kernels| kernels::twist_tempered(k, out),
        twist_tempered_portable(k, out)
    )
}

/// The safe twin of the fused kernel: the reference regeneration, then the tempering.
pub(super) fn twist_tempered_portable(k: &mut [u32; N], out: &mut [u32; N]) {
    twist_portable(k);
    temper_into_portable(k, out);
}

/// `out[i] = temper(words[i])`; `out.len() == words.len()`.
#[allow(unsafe_code)] // dispatch to the documented AVX2 and AVX-512 kernels
pub(super) fn temper_into(words: &[u32], out: &mut [u32], backend: Backend) {
    assert_eq!(words.len(), out.len());
    by_backend!(
        backend,
        |kernels| kernels::temper_into(words, out),
        temper_into_portable(words, out)
    )
}

/// `out[i] = to_f64(t(words[2i]) >> 5, t(words[2i+1]) >> 6)`, where `t` is
/// [`temper`] if `TEMPER`, else the identity (words read from the tempered read-ahead);
/// `words.len() == 2 * out.len()`.
#[allow(unsafe_code)] // dispatch to the documented AVX2 and AVX-512 kernels
pub(super) fn pairs_to_f64<const TEMPER: bool>(words: &[u32], out: &mut [f64], backend: Backend) {
    assert_eq!(words.len(), 2 * out.len());
    by_backend!(
        backend,
        |kernels| kernels::pairs_to_f64::<TEMPER>(words, out),
        pairs_to_f64_portable::<TEMPER>(words, out)
    )
}

/// [`temper`] if `TEMPER`, else `w`.
#[inline(always)]
fn temper_if<const TEMPER: bool>(w: u32) -> u32 {
    if TEMPER {
        temper(w)
    } else {
        w
    }
}

/// The bulk `random_sample` loop over whole blocks: `out.len() / (N / 2)` times,
/// regenerate the block and turn it into the next `N / 2` doubles, each block converted
/// right after its regeneration while it is in L1.
///
/// With `odd == false` the generator is at `pos == N` on entry and exit; with `odd ==
/// true` it is at `pos == N - 1` (word `N - 1` unconsumed), so each block's first double
/// straddles the regeneration (old word `N - 1`, new word 0) and the rest pair words
/// `1..N - 1`. Ordinary stores: non-temporal ones were slower on both Zen 3 (AVX2) and
/// Zen 4 (AVX-512), even at 10^7 doubles.
///
/// # Panics
/// If `out.len()` is not a multiple of `N / 2`.
#[allow(unsafe_code)] // dispatch to the documented AVX2 and AVX-512 kernels
pub(super) fn fill_blocks_f64(k: &mut [u32; N], odd: bool, out: &mut [f64], backend: Backend) {
    assert_eq!(out.len() % (N / 2), 0);
    by_backend!(
        backend,
        |kernels| kernels::fill_blocks_f64(k, odd, out),
        fill_blocks_f64_portable(k, odd, out)
    )
}

fn fill_blocks_f64_portable(k: &mut [u32; N], odd: bool, out: &mut [f64]) {
    for chunk in out.chunks_exact_mut(N / 2) {
        start_block(k, odd, chunk, twist_portable);
        if odd {
            pairs_to_f64_portable::<true>(&k[1..N - 1], &mut chunk[1..]);
        } else {
            pairs_to_f64_portable::<true>(&k[..], chunk);
        }
    }
}

/// The bulk `fill_u32` loop over whole blocks: `out.len() / N` times, regenerate the
/// block and write its tempered words to the next `N` words of `out`, each vector of
/// new slots tempered while it is still in registers. The generator is at `pos == N`
/// on entry and exit.
///
/// # Panics
/// If `out.len()` is not a multiple of `N`.
#[allow(unsafe_code)] // dispatch to the documented AVX2 and AVX-512 kernels
pub(super) fn fill_blocks_u32(k: &mut [u32; N], out: &mut [u32], backend: Backend) {
    assert_eq!(out.len() % N, 0);
    by_backend!(
        backend,
        |kernels| kernels::fill_blocks_u32(k, out),
        fill_blocks_u32_portable(k, out)
    )
}

fn fill_blocks_u32_portable(k: &mut [u32; N], out: &mut [u32]) {
    for block in out.chunks_exact_mut(N) {
        twist_portable(k);
        temper_into_portable(&k[..], block);
    }
}

/// `dst[i] ^= src[i]` (the jump polynomials' arithmetic); `dst.len() <= src.len()`.
#[allow(unsafe_code)] // dispatch to the documented AVX2 and AVX-512 kernels
pub(super) fn xor_bytes(dst: &mut [u8], src: &[u8], backend: Backend) {
    assert!(dst.len() <= src.len());
    match backend {
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        Backend::Avx2 | Backend::Avx512 if Backend::Avx2.is_available() => {
            // SAFETY: AVX2 is present.
            unsafe { avx2::xor_bytes(dst, src) }
        }
        _ => xor_portable(dst, src),
    }
}

/// `dst[i] ^= src[i]` on words (Horner's state additions); `dst.len() <= src.len()`.
#[allow(unsafe_code)] // dispatch to the documented AVX2 and AVX-512 kernels
pub(super) fn xor_words(dst: &mut [u32], src: &[u32], backend: Backend) {
    assert!(dst.len() <= src.len());
    match backend {
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        Backend::Avx2 | Backend::Avx512 if Backend::Avx2.is_available() => {
            // SAFETY: AVX2 is present.
            unsafe { avx2::xor_words(dst, src) }
        }
        _ => xor_portable(dst, src),
    }
}

/// `dst[i] ^= rows[0][i] ^ rows[1][i] ^ ...` (the jump polynomials' reduction, several
/// table rows per sweep); every row is at least as long as `dst`.
#[allow(unsafe_code)] // dispatch to the documented AVX2 and AVX-512 kernels
pub(super) fn xor_rows<const G: usize>(dst: &mut [u8], rows: &[&[u8]; G], backend: Backend) {
    assert!(rows.iter().all(|r| r.len() >= dst.len()));
    match backend {
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        Backend::Avx2 | Backend::Avx512 if Backend::Avx2.is_available() => {
            // SAFETY: AVX2 is present.
            unsafe { avx2::xor_rows(dst, rows) }
        }
        _ => xor_rows_portable(dst, rows),
    }
}

#[inline(always)]
fn xor_rows_portable<const G: usize>(dst: &mut [u8], rows: &[&[u8]; G]) {
    let n = dst.len();
    let rows = rows.map(|r| &r[..n]);
    for (i, d) in dst.iter_mut().enumerate() {
        let mut x = *d;
        for r in &rows {
            x ^= r[i];
        }
        *d = x;
    }
}

#[inline(always)]
fn xor_portable<T: Copy + core::ops::BitXorAssign>(dst: &mut [T], src: &[T]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d ^= *s;
    }
}

pub(super) fn twist_portable(k: &mut [u32; N]) {
    // Run 1: slots 0..227 read old slots i+1 and i+397 (a forward read, vectorisable).
    for i in 0..N - M {
        k[i] = step(k[i], k[i + 1], k[i + M]);
    }
    // Runs 2 and 3: slot i reads the new slot i-227 (dependence distance 227).
    for i in N - M..N - 1 {
        k[i] = step(k[i], k[i + 1], k[i + M - N]);
    }
    k[N - 1] = step(k[N - 1], k[0], k[M - 1]);
}

fn temper_into_portable(words: &[u32], out: &mut [u32]) {
    for (o, &w) in out.iter_mut().zip(words) {
        *o = temper(w);
    }
}

/// The start of a block in `random_sample`'s bulk loop: `k` regenerated by `twist` and,
/// when `odd`, the double that straddles the regeneration (old word `N - 1`, new word 0)
/// in `chunk[0]`.
#[inline(always)]
fn start_block(k: &mut [u32; N], odd: bool, chunk: &mut [f64], twist: impl FnOnce(&mut [u32; N])) {
    let a = temper(k[N - 1]) >> 5;
    twist(k);
    if odd {
        chunk[0] = to_f64(a, temper(k[0]) >> 6);
    }
}

/// Double `j` of a freshly regenerated block in `random_sample`'s bulk loop: words
/// `2j - s` and `2j - s + 1`, tempered (`s = 1` when the block's first double straddles
/// the regeneration; `j >= s`). The vector kernels' scalar ends.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn block_double(k: &[u32; N], j: usize, s: usize) -> f64 {
    to_f64(temper(k[2 * j - s]) >> 5, temper(k[2 * j - s + 1]) >> 6)
}

fn pairs_to_f64_portable<const TEMPER: bool>(words: &[u32], out: &mut [f64]) {
    for (o, w) in out.iter_mut().zip(words.chunks_exact(2)) {
        *o = to_f64(
            temper_if::<TEMPER>(w[0]) >> 5,
            temper_if::<TEMPER>(w[1]) >> 6,
        );
    }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[allow(unsafe_code)]
mod avx2;

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[allow(unsafe_code)]
mod avx512;

#[cfg(test)]
mod tests;
