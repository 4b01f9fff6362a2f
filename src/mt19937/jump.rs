//! Jump-ahead for MT19937 by polynomial arithmetic over GF(2).
//!
//! MT19937's state transition `F` (one word generated) is linear over GF(2). On the
//! 19937-bit "live" part of the state its characteristic polynomial `p(x)` has degree
//! 19937, so `F^n = r(F)` with `r(x) = x^n mod p(x)`, and `r(F)·S` is evaluated with
//! Horner's scheme over 7-coefficient windows: about 19937 single-word steps plus one
//! state XOR per window (Haramoto, Matsumoto, Nishimura, L'Ecuyer, Panneton: "Efficient
//! jump ahead for F2-linear random number generators", 2008).
//!
//! Nothing here is copied from NumPy: `p(x)` is computed by Berlekamp–Massey on 2·19937
//! output bits (carried as a constant in `charpoly.rs`, which a test recomputes), and every
//! jump polynomial is computed from it by square-and-multiply. The field tables and
//! NumPy's jump polynomial are kept in `OnceLock`s, the last eight `advance`
//! polynomials in a small cache (with the `std` feature; without it every jump computes
//! what it needs afresh, paying the "first use" cost below each time):
//!
//! | first use of | work | cost (release build, AMD EPYC, AVX2) |
//! |---|---|---|
//! | any polynomial jump | a 640 KB reduction table, and for [`Mt19937::jumped`](super::Mt19937::jumped) `x^(2^128) mod p` (114 squarings) | ~2 ms for a first `advance` (it was ~20-45 ms with Berlekamp–Massey at run time); ~12 ms for a first `jumped` (the 114 squarings) |
//! | each `jumped` | Horner: 19933 single-word steps, ~2850 state XORs (7-bit windows) | ~0.2 ms |
//! | each [`advance`](super::Mt19937::advance) by more than 8192 blocks | `log2(n)` squarings (skipped when one of the last 8 jump lengths repeats) + Horner | ~1.2-1.5 ms (10^7-10^8 words), ~0.2 ms repeated |
//!
//! Polynomials are little-endian bit strings in bytes (bit `i` of the polynomial is bit
//! `i % 8` of byte `i / 8`). Reduction modulo `p` removes eight bits at a time with a
//! 256-entry table of multiples of `p`, eight such bytes per sweep over the operand.
//!
//! ```
//! // advance(n) is exactly n calls to next_u32, also far beyond one block.
//! let mut a = nprand::Mt19937::new(42);
//! let mut b = a.clone();
//! a.advance(100_000);
//! for _ in 0..100_000 { b.next_u32(); }
//! assert_eq!(a, b);
//! ```

use super::{LOWER_MASK, M, MATRIX_A, N, UPPER_MASK};
use crate::prelude::*;
#[cfg(feature = "std")]
use std::sync::{Arc, Mutex, OnceLock};

/// Mersenne exponent: the degree of the characteristic polynomial.
const MEXP: usize = 19937;
/// Bytes of a reduced polynomial (degree < 19937 needs bits 0..=19936).
const PB: usize = MEXP / 8 + 1; // 2493
/// Byte holding the leading term of `p(x)·x^7` (bit 19944 = byte 2493, bit 0).
const LEAD: usize = PB;
/// Length of a table row: `q(x)·p(x)·x^7` for deg q < 8 spans bytes 0..=LEAD.
const ROW: usize = LEAD + 1;
/// Bytes [`Field::reduce`] clears per pass (one table row each, XORed in together).
const GROUP: usize = 8;
/// Zero bytes on each side of a stored table row, so that the `GROUP` rows of a pass,
/// each shifted by one byte, are equally long slices.
const PAD: usize = GROUP - 1;
/// Stride of the stored table rows.
const ROW_STRIDE: usize = ROW + 2 * PAD;

/// The field data: `p(x)` and its reduction tables.
struct Field {
    /// `p(x)·x^s` for s in 0..7, each `PB` bytes (degree 19937 + s <= 19943).
    p_shift: Vec<Vec<u8>>,
    /// Row `v`: the multiple `q(x)·p(x)·x^7` (deg q < 8) whose byte `LEAD` equals `v`,
    /// stored with `PAD` zero bytes on each side (see [`Field::row`]).
    table: Vec<u8>,
}

#[cfg(feature = "std")]
static FIELD: OnceLock<Field> = OnceLock::new();
#[cfg(feature = "std")]
static JUMP_2_128: OnceLock<Vec<u8>> = OnceLock::new();

/// The field data, built on first use and kept.
#[cfg(feature = "std")]
fn field() -> &'static Field {
    FIELD.get_or_init(Field::new)
}

/// The field data, built afresh (no `std`: nothing to keep it in safely across threads).
#[cfg(not(feature = "std"))]
fn field() -> Field {
    Field::new()
}

/// `x^(2^128) mod p(x)`: NumPy's `MT19937.jumped()` polynomial, computed once.
#[cfg(feature = "std")]
fn jump_poly() -> &'static [u8] {
    JUMP_2_128.get_or_init(|| field().x_pow(1u128 << 127, 2, 0))
}

/// `x^(2^128) mod p(x)`: NumPy's `MT19937.jumped()` polynomial, computed afresh.
#[cfg(not(feature = "std"))]
fn jump_poly() -> Vec<u8> {
    field().x_pow(1u128 << 127, 2, 0)
}

/// The characteristic polynomial `p(x)` (bytes, little-endian bits).
#[cfg(test)]
fn characteristic_polynomial() -> Vec<u8> {
    let f = field();
    let mut p = f.p_shift[0].clone();
    p.truncate(MEXP / 8 + 1);
    p
}

#[inline]
fn bit(a: &[u8], i: usize) -> bool {
    (a[i / 8] >> (i % 8)) & 1 == 1
}

#[inline]
fn xor_into(dst: &mut [u8], src: &[u8]) {
    super::simd::xor_bytes(dst, src, super::Backend::detected());
}

fn degree(a: &[u8]) -> Option<usize> {
    let top = a.iter().rposition(|&b| b != 0)?;
    Some(top * 8 + 7 - a[top].leading_zeros() as usize)
}

/// `a(x)·x^k` as a byte string (not reduced).
fn shl(a: &[u8], k: usize) -> Vec<u8> {
    let (bytes, bits) = (k / 8, k % 8);
    let mut r = vec![0u8; a.len() + bytes + 1];
    for (i, &v) in a.iter().enumerate() {
        let w = (v as u16) << bits;
        r[i + bytes] ^= w as u8;
        r[i + bytes + 1] ^= (w >> 8) as u8;
    }
    r
}

/// Bit `i` of a byte spread to bit `2i` of a u16 (squaring over GF(2)).
const SPREAD: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut v = 0;
    while v < 256 {
        let mut s = 0u16;
        let mut b = 0;
        while b < 8 {
            s |= (((v >> b) & 1) as u16) << (2 * b);
            b += 1;
        }
        t[v] = s;
        v += 1;
    }
    t
};

/// `p(x)` as bytes from the embedded constant.
fn characteristic_poly_embedded() -> Vec<u8> {
    let mut p: Vec<u8> = super::charpoly::CHAR_POLY_WORDS
        .iter()
        .flat_map(|w| w.to_le_bytes())
        .collect();
    p.truncate(PB);
    p
}

impl Field {
    fn new() -> Field {
        let p = characteristic_poly_embedded();
        let p_shift: Vec<Vec<u8>> = (0..7)
            .map(|s| {
                let mut v = shl(&p, s);
                v.truncate(PB);
                v
            })
            .collect();
        // Rows q·p·x^7 for every q of degree < 8, filed under their byte LEAD (the map
        // q -> byte LEAD is triangular with ones on the diagonal, hence a bijection).
        let p7: Vec<Vec<u8>> = (0..8)
            .map(|k| {
                let mut v = shl(&p, 7 + k);
                v.truncate(ROW);
                v
            })
            .collect();
        let mut table = vec![0u8; 256 * ROW_STRIDE];
        let mut seen = [false; 256];
        for q in 0..256usize {
            let mut row = vec![0u8; ROW];
            for (k, pk) in p7.iter().enumerate() {
                if (q >> k) & 1 == 1 {
                    xor_into(&mut row, pk);
                }
            }
            let v = row[LEAD] as usize;
            assert!(!seen[v], "reduction table is not a bijection");
            seen[v] = true;
            // What lets `reduce` pick a pass's rows up front (see there).
            assert!(row[LEAD + 1 - GROUP..LEAD].iter().all(|&x| x == 0));
            let at = v * ROW_STRIDE + PAD;
            table[at..at + ROW].copy_from_slice(&row);
        }
        Field { p_shift, table }
    }

    /// Table row `v` (`ROW` bytes).
    #[inline]
    fn row(&self, v: u8) -> &[u8] {
        let at = v as usize * ROW_STRIDE + PAD;
        &self.table[at..at + ROW]
    }

    /// Reduce `a` modulo `p` in place and return it cut to `PB` bytes.
    ///
    /// Byte `b >= LEAD` is cleared by XORing row `a[b]` into `a[b - LEAD..=b]`. A pass
    /// clears `GROUP` bytes at once, all `GROUP` rows going into `a` in one sweep (which
    /// reads and writes `a` once instead of `GROUP` times). The rows can be chosen up
    /// front because `p(x)` has no terms of degree 19737..19936, so a row changes no
    /// byte just below its leading one.
    fn reduce(&self, mut a: Vec<u8>) -> Vec<u8> {
        let backend = super::Backend::detected();
        let mut top = a.len();
        while top >= LEAD + GROUP {
            let b = top - 1;
            // The rows of bytes above b - k do not change byte b - k: their bytes
            // LEAD - GROUP + 1..LEAD are zero (`Field::new` checks it).
            let v: [u8; GROUP] = core::array::from_fn(|k| a[b - k]);
            if v != [0; GROUP] {
                // The pass covers a[b + 1 - GROUP - LEAD..=b]; row k starts k bytes
                // into its padded copy (it belongs GROUP - 1 - k bytes into the window).
                let rows: [&[u8]; GROUP] = core::array::from_fn(|k| {
                    let at = v[k] as usize * ROW_STRIDE + k;
                    &self.table[at..at + ROW + PAD]
                });
                super::simd::xor_rows(&mut a[b + 1 - GROUP - LEAD..=b], &rows, backend);
            }
            top -= GROUP;
        }
        while top > LEAD {
            let b = top - 1;
            let v = a[b];
            if v != 0 {
                xor_into(&mut a[b - LEAD..=b], self.row(v));
            }
            top -= 1;
        }
        a.resize(PB, 0);
        for i in (MEXP..8 * PB).rev() {
            if bit(&a, i) {
                xor_into(&mut a, &self.p_shift[i - MEXP]);
            }
        }
        a
    }

    fn square(&self, a: &[u8]) -> Vec<u8> {
        let mut r = vec![0u8; 2 * a.len()];
        for (i, &v) in a.iter().enumerate() {
            let s = SPREAD[v as usize];
            r[2 * i] = s as u8;
            r[2 * i + 1] = (s >> 8) as u8;
        }
        self.reduce(r)
    }

    fn mul_xk(&self, a: &[u8], k: usize) -> Vec<u8> {
        self.reduce(shl(a, k))
    }

    /// `x^(k·t + extra) mod p` by left-to-right square-and-multiply over the bits of `t`
    /// (multiplying by `x^k` is a shift), so exponents beyond `u128` are fine.
    fn x_pow(&self, t: u128, k: usize, extra: usize) -> Vec<u8> {
        let mut r = vec![0u8; PB];
        r[0] = 1;
        for i in (0..128 - t.leading_zeros()).rev() {
            r = self.square(&r);
            if (t >> i) & 1 == 1 {
                r = self.mul_xk(&r, k);
            }
        }
        self.mul_xk(&r, extra)
    }
}

/// `p(x)` by Berlekamp–Massey over GF(2) on bit 0 of 2·19937 consecutive outputs (the
/// check on the embedded constant).
///
/// Any non-zero output sequence of MT19937 has the minimal polynomial `p(x)` (it is
/// irreducible), so the linear complexity found must be exactly 19937.
#[cfg(test)]
fn characteristic_poly_bm() -> Vec<u8> {
    let total = 2 * MEXP;
    let mut mt = super::Mt19937::new(5489);
    let seq: Vec<u64> = (0..total).map(|_| (mt.next_u32() & 1) as u64).collect();
    let words = total / 64 + 2;
    let mut c = vec![0u64; words];
    let mut b = vec![0u64; words];
    let mut tmp = vec![0u64; words];
    // win: bit i = s[n - i] for the current n.
    let mut win = vec![0u64; words];
    c[0] = 1;
    b[0] = 1;
    let (mut l, mut m, mut lb) = (0usize, 1usize, 0usize);
    for (n, &s) in seq.iter().enumerate() {
        let used = n / 64 + 1;
        let mut carry = s;
        for w in win[..used].iter_mut() {
            let next = *w >> 63;
            *w = (*w << 1) | carry;
            carry = next;
        }
        let mut acc = 0u64;
        for (cw, ww) in c[..l / 64 + 1].iter().zip(&win) {
            acc ^= cw & ww;
        }
        if acc.count_ones() & 1 == 0 {
            m += 1;
            continue;
        }
        let lengthen = 2 * l <= n;
        if lengthen {
            tmp.copy_from_slice(&c);
        }
        // c ^= b << m
        let (ws, bs) = (m / 64, m % 64);
        for i in 0..=lb / 64 {
            let v = b[i];
            c[i + ws] ^= v << bs;
            if bs != 0 {
                c[i + ws + 1] ^= v >> (64 - bs);
            }
        }
        if lengthen {
            lb = l;
            l = n + 1 - l;
            core::mem::swap(&mut b, &mut tmp);
            m = 1;
        } else {
            m += 1;
        }
    }
    assert_eq!(l, MEXP, "MT19937 linear complexity");
    // p(x) = x^L · C(1/x): coefficient i of p is coefficient L - i of C.
    let mut p = vec![0u8; PB];
    for i in 0..=MEXP {
        let j = MEXP - i;
        if (c[j / 64] >> (j % 64)) & 1 == 1 {
            p[i / 8] |= 1 << (i % 8);
        }
    }
    assert!(bit(&p, 0) && bit(&p, MEXP));
    p
}

/// One step of the circular ("incremental") generator: regenerate slot `*ptr` from
/// slots `ptr`, `ptr + 1` and `ptr + 397` (mod 624), then move the pointer on.
#[inline]
fn gen_next(k: &mut [u32; N], ptr: &mut usize) {
    let i = *ptr;
    let i1 = if i + 1 == N { 0 } else { i + 1 };
    let im = if i + M >= N { i + M - N } else { i + M };
    let y = (k[i] & UPPER_MASK) | (k[i1] & LOWER_MASK);
    k[i] = k[im] ^ (y >> 1) ^ ((y & 1).wrapping_neg() & MATRIX_A);
    *ptr = i1;
}

/// Coefficients of the jump polynomial taken together in [`horner`]: one state XOR per
/// `WINDOW` coefficients instead of one per set coefficient (about `WINDOW / 2` of them),
/// for a table of `2^WINDOW` states (320 KB, which fits in L2).
const WINDOW: usize = 7;

/// `r(F)·S` by Horner's scheme on the circular state `(s, ps)`; the result's pointer is
/// `ps + deg r` (mod 624).
///
/// States are added aligned at their pointers (slot `ptr + i` with slot `ptr' + i`): in
/// those pointer-relative coordinates `F` is one fixed linear map. The scheme runs over
/// `WINDOW`-bit chunks of `r` (the sliding-window variant in Haramoto et al.):
/// `r(x) = sum_k x^(WINDOW k) c_k(x)` with `deg c_k < WINDOW`, so
/// `acc <- F^WINDOW acc + c_k(F) S`, with every `c(F) S` tabulated first.
fn horner(r: &[u8], s: &[u32; N], ps: usize) -> ([u32; N], usize) {
    let Some(deg) = degree(r) else {
        return ([0; N], ps);
    };
    let backend = super::Backend::detected();
    // table[c] = c(F)·S in pointer-relative order (element i is slot ptr + i).
    let mut table = vec![0u32; N << WINDOW];
    {
        let mut f = *s;
        let mut pf = ps;
        for j in 0..WINDOW {
            let b = &mut table[N * (1 << j)..N * ((1 << j) + 1)];
            b[..N - pf].copy_from_slice(&f[pf..]);
            b[N - pf..].copy_from_slice(&f[..pf]);
            gen_next(&mut f, &mut pf);
        }
        for c in 1usize..1 << WINDOW {
            let low = c & c.wrapping_neg();
            if low != c {
                let (lo, hi) = table.split_at_mut(N * c);
                let dst = &mut hi[..N];
                let rest = c ^ low;
                dst.copy_from_slice(&lo[N * rest..N * (rest + 1)]);
                super::simd::xor_words(dst, &lo[N * low..N * (low + 1)], backend);
            }
        }
    }
    let chunk = |k: usize| -> usize {
        (0..WINDOW)
            .filter(|&j| k * WINDOW + j <= deg && bit(r, k * WINDOW + j))
            .map(|j| 1 << j)
            .sum()
    };
    // t[(pt + i) % N] ^= table[c][i]
    let add = |t: &mut [u32; N], pt: usize, c: usize| {
        let v = &table[N * c..N * (c + 1)];
        super::simd::xor_words(&mut t[pt..], &v[..N - pt], backend);
        super::simd::xor_words(&mut t[..pt], &v[N - pt..], backend);
    };
    let top = deg / WINDOW;
    // The top chunk's state stands at pointer ps + deg % WINDOW, so that the WINDOW
    // steps per lower chunk end at ps + deg.
    let mut pt = (ps + deg % WINDOW) % N;
    let mut t = [0u32; N];
    add(&mut t, pt, chunk(top));
    for k in (0..top).rev() {
        for _ in 0..WINDOW {
            gen_next(&mut t, &mut pt);
        }
        let c = chunk(k);
        if c != 0 {
            add(&mut t, pt, c);
        }
    }
    (t, pt)
}

/// NumPy's `MT19937.jumped()` step on a block state: the state is read as a circular
/// state with pointer `pos % 624`, the `2^128` polynomial is applied, and the result
/// pointer becomes the new `pos` (it is `pos + 19933 mod 624` for NumPy's polynomial).
// `&jump_poly()`: a `&'static [u8]` with `std`, a fresh `Vec` without.
#[allow(clippy::needless_borrow)]
pub(super) fn numpy_jump(key: &[u32; N], pos: usize) -> ([u32; N], usize) {
    let p = if pos >= N { 0 } else { pos };
    horner(&jump_poly(), key, p)
}

/// How many `x^(624 t - 1) mod p` polynomials [`twist_poly`] keeps.
#[cfg(feature = "std")]
const TWIST_POLY_CACHE: usize = 8;

/// The most recently used jump polynomials, newest last.
#[cfg(feature = "std")]
static TWIST_POLYS: Mutex<Vec<(u128, Arc<Vec<u8>>)>> = Mutex::new(Vec::new());

/// `x^(624 t - 1) mod p(x)`, from a small cache of recent `t`.
///
/// Computing it takes `log2 t` squarings modulo `p` (about 1.5 ms for `t` near 10^4),
/// while applying it (Horner) takes about 0.2 ms. Programs that jump by the same
/// amount again and again (a parallel fill of same-sized outputs splits them at the
/// same points every time) then pay only for Horner after the first jump.
#[cfg(feature = "std")]
fn twist_poly(t: u128) -> Arc<Vec<u8>> {
    let lock = || TWIST_POLYS.lock().unwrap_or_else(|e| e.into_inner());
    {
        let mut cache = lock();
        if let Some(i) = cache.iter().position(|(k, _)| *k == t) {
            let hit = cache.remove(i);
            let r = Arc::clone(&hit.1);
            cache.push(hit);
            return r;
        }
    }
    // n - 1 = 624 (t - 1) + 623; computed outside the lock so jumps on other threads
    // are not held up.
    let r = Arc::new(field().x_pow(t - 1, N, N - 1));
    let mut cache = lock();
    if !cache.iter().any(|(k, _)| *k == t) {
        if cache.len() == TWIST_POLY_CACHE {
            cache.remove(0);
        }
        cache.push((t, Arc::clone(&r)));
    }
    r
}

/// `x^(624 t - 1) mod p(x)`, computed afresh (no `std`, no cache).
#[cfg(not(feature = "std"))]
fn twist_poly(t: u128) -> Vec<u8> {
    field().x_pow(t - 1, N, N - 1)
}

/// The block `t >= 1` regenerations after `key` (what `t` calls of the block twist
/// produce), computed as `F^(624 t)` on the circular state with pointer 0.
///
/// `F^n` with `n >= 1` does not depend on the low 31 bits of the oldest slot, but a
/// remainder polynomial with a constant term would add them back in; so the polynomial
/// used is `x^(n-1) mod p` followed by one plain step.
pub(super) fn twist_many(key: &[u32; N], t: u128) -> [u32; N] {
    debug_assert!(t >= 1);
    let r = twist_poly(t);
    let (mut k, mut ptr) = horner(&r, key, 0);
    gen_next(&mut k, &mut ptr);
    k.rotate_left(ptr);
    k
}

#[cfg(test)]
mod tests;
