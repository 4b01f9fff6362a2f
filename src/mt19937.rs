//! The MT19937 bit generator exactly as NumPy's `RandomState` and `MT19937` run it.
//!
//! # Quick start
//! ```
//! use nprand::Mt19937;
//! // np.random.RandomState(12345)._bit_generator.random_raw(3)
//! let mut mt = Mt19937::new(12345);
//! let words = [mt.next_u32(), mt.next_u32(), mt.next_u32()];
//! assert_eq!(words.len(), 3);
//! // np.random.RandomState(12345).random_sample() uses two words (53-bit double)
//! let x = Mt19937::new(12345).next_f64();
//! assert!((0.0..1.0).contains(&x));
//! ```
//!
//! The algorithm is Matsumoto and Nishimura's MT19937 (reference `mt19937ar.c`, BSD
//! licence), seeded with `init_genrand` for an integer and `init_by_array` for a key,
//! as NumPy's `_legacy_seeding` does.

#![deny(unsafe_code)]

use crate::error::{Error, Result};
use crate::prelude::*;

mod charpoly;
mod fill;
mod jump;
#[cfg(feature = "parallel")]
mod par;
mod rand;
mod reader;
pub mod simd;

pub(crate) use reader::F64Reader;

use simd::to_f64;
pub use simd::Backend;

/// Up to this many whole blocks, [`Mt19937::advance`] regenerates them one by one;
/// beyond, it jumps by polynomial arithmetic (cheaper from about this point on).
const DIRECT_TWISTS: u128 = 8192;

/// Number of 32-bit words in the state.
pub const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The Mersenne Twister MT19937 with NumPy's state layout (624 words and a position).
///
/// `pos` is the index of the next word to output; `pos == 624` means the block is
/// regenerated before the next draw (the state of a freshly seeded generator).
///
/// ```
/// use nprand::Mt19937;
/// let mut a = Mt19937::new(5);
/// let mut b = a.clone();
/// assert_eq!(a.next_u64(), b.next_u64());
/// ```
#[must_use = "a generator that is dropped unused draws nothing"]
#[derive(Clone)]
// Both blocks on cache line boundaries (`key` first, `tempered` 39 lines later): the
// vector kernels then load and store whole lines (on Zen 4 the AVX-512 regeneration
// took 0.072 ns a word with `key` aligned, 0.075-0.081 without).
#[repr(C, align(64))]
pub struct Mt19937 {
    key: [u32; N],
    /// The scalar calls' read-ahead, kept at all times (the invariant every method
    /// keeps): `tempered[i] == temper(key[i])` for `pos <= i < N`. So a scalar call is a
    /// load and an index step, and the only test on its path is the block end. The state
    /// NumPy sees is `key` and `pos` alone; this is derived data (`==` ignores it, and
    /// words before `pos` are left as they were). Scalar refills regenerate and temper
    /// in one pass; the bulk paths regenerate `key` alone and temper the rest of the
    /// block when they stop inside one ([`Mt19937::sync_tempered`]).
    tempered: [u32; N],
    pos: usize,
    /// Bumped whenever `key` changes (every regeneration, jump and state replacement),
    /// never reset: with `pos` it names the words ahead, so a read-ahead built on top of
    /// them (the legacy gaussian's, [`crate::legacy`]) can tell whether it still holds.
    /// Derived data like `tempered`: `==` ignores it.
    generation: u64,
}

const _: () = assert!(core::mem::offset_of!(Mt19937, tempered).is_multiple_of(64));

/// The state is `key` and `pos` (NumPy's `get_state()`); the tempered read-ahead is a
/// cache of them.
impl PartialEq for Mt19937 {
    fn eq(&self, other: &Self) -> bool {
        self.pos == other.pos && self.key == other.key
    }
}

impl Eq for Mt19937 {}

impl core::fmt::Debug for Mt19937 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Mt19937")
            .field("key[0..4]", &&self.key[..4])
            .field("pos", &self.pos)
            .finish()
    }
}

impl Mt19937 {
    /// NumPy's integer seeding (`np.random.seed(seed)`, `RandomState(seed)`): `init_genrand`.
    ///
    /// ```
    /// // np.random.RandomState(0).get_state()[1][:2] == [0, 1]
    /// let mt = nprand::Mt19937::new(0);
    /// assert_eq!(&mt.key()[..2], &[0, 1]);
    /// assert_eq!(mt.pos(), 624);
    /// ```
    pub fn new(seed: u32) -> Self {
        let mut key = [0u32; N];
        init_genrand(&mut key, seed);
        Mt19937::with_key(key, N)
    }

    /// NumPy's array seeding (`RandomState([1, 2, 3])`): reference `init_by_array`.
    ///
    /// An empty key is an error, as NumPy raises `ValueError: Seed must be non-empty`.
    ///
    /// ```
    /// // np.random.RandomState([1, 2, 3])
    /// let mt = nprand::Mt19937::from_key(&[1, 2, 3]).unwrap();
    /// assert_eq!(mt.key()[0], 0x8000_0000);
    /// assert!(nprand::Mt19937::from_key(&[]).is_err());
    /// ```
    pub fn from_key(init_key: &[u32]) -> Result<Self> {
        if init_key.is_empty() {
            return Err(Error::value("Seed must be non-empty"));
        }
        let mut key = [0u32; N];
        init_genrand(&mut key, 19_650_218);
        let len = init_key.len();
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(len) {
            let prev = key[i - 1] ^ (key[i - 1] >> 30);
            key[i] = (key[i] ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(init_key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                key[0] = key[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = key[i - 1] ^ (key[i - 1] >> 30);
            key[i] = (key[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                key[0] = key[N - 1];
                i = 1;
            }
        }
        // The reference code guarantees a non-zero state by setting the top bit.
        key[0] = 0x8000_0000;
        Ok(Mt19937::with_key(key, N))
    }

    /// A generator with the given state: 624 words and the position (0..=624).
    ///
    /// NumPy never checks `pos`, and an out-of-range value makes it read out of
    /// bounds; nprand rejects it instead.
    ///
    /// ```
    /// let a = nprand::Mt19937::new(7);
    /// let b = nprand::Mt19937::from_state(*a.key(), a.pos()).unwrap();
    /// assert_eq!(a, b);
    /// assert!(nprand::Mt19937::from_state([0; 624], 625).is_err());
    /// ```
    pub fn from_state(key: [u32; N], pos: usize) -> Result<Self> {
        if pos > N {
            return Err(Error::value(format!(
                "state pos must be between 0 and 624 (got {pos})"
            )));
        }
        Ok(Mt19937::with_key(key, pos))
    }

    /// A generator at `(key, pos)` (`pos <= N`), its read-ahead filled.
    #[inline]
    fn with_key(key: [u32; N], pos: usize) -> Self {
        let mut mt = Mt19937 {
            key,
            pos,
            tempered: [0; N],
            generation: 0,
        };
        mt.sync_tempered(Backend::detected());
        mt
    }

    /// Restore the read-ahead invariant after `key` was regenerated (or replaced)
    /// without it: temper the words from `pos` to the block end.
    #[inline]
    fn sync_tempered(&mut self, backend: Backend) {
        let p = self.pos;
        if p < N {
            simd::temper_into(&self.key[p..], &mut self.tempered[p..], backend);
        }
    }

    /// Whether every output from the next regeneration on is 0: words 1..624 are zero and
    /// so is the top bit of word 0 (its low 31 bits never enter the recurrence). Such a
    /// state is MT19937's fixed point, which seeding never produces and no other state
    /// reaches; only a state set by hand is like this. NumPy accepts it (nprand too, with
    /// NumPy's zeros), and its rejection loops (the legacy polar gauss behind
    /// `standard_normal`, `logseries`, Lemire's `integers`, …) then never end: a caller
    /// can test this before such a call.
    ///
    /// ```
    /// assert!(nprand::Mt19937::from_state([0; 624], 624).unwrap().is_degenerate());
    /// assert!(!nprand::Mt19937::new(0).is_degenerate());
    /// ```
    #[must_use]
    pub fn is_degenerate(&self) -> bool {
        self.key[0] & 0x8000_0000 == 0 && self.key[1..].iter().all(|&w| w == 0)
    }

    /// The 624 state words (NumPy's `get_state()[1]`).
    ///
    /// ```
    /// assert_eq!(nprand::Mt19937::new(1).key().len(), 624);
    /// ```
    #[inline]
    #[must_use]
    pub fn key(&self) -> &[u32; N] {
        &self.key
    }

    /// The position of the next word (NumPy's `get_state()[2]`).
    ///
    /// ```
    /// let mut mt = nprand::Mt19937::new(1);
    /// mt.next_u32();
    /// assert_eq!(mt.pos(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// How many times `key` has changed in this value's life (see the field): equal
    /// generations and equal `pos` mean the same words ahead.
    #[inline]
    pub(crate) fn generation(&self) -> u64 {
        self.generation
    }

    /// Replace the state (see [`Mt19937::from_state`] for the rules).
    ///
    /// ```
    /// let mut mt = nprand::Mt19937::new(1);
    /// mt.set_state([5; 624], 3).unwrap();
    /// assert_eq!(mt.pos(), 3);
    /// ```
    pub fn set_state(&mut self, key: [u32; N], pos: usize) -> Result<()> {
        let generation = self.generation + 1;
        *self = Mt19937::from_state(key, pos)?;
        self.generation = generation;
        Ok(())
    }

    /// Regenerate the block (pos 0) and its read-ahead, in one pass with the CPU's best
    /// kernel (see [`simd`]).
    #[inline]
    fn twist(&mut self) {
        simd::twist_tempered(&mut self.key, &mut self.tempered, Backend::detected());
        self.pos = 0;
        self.generation += 1;
    }

    /// Regenerate `key` alone (pos 0), for the bulk paths that read it directly: the
    /// caller restores the read-ahead with [`sync_tempered`](Self::sync_tempered)
    /// before it returns.
    #[inline]
    fn twist_key(&mut self, backend: Backend) {
        simd::twist(&mut self.key, backend);
        self.pos = 0;
        self.generation += 1;
    }

    /// The scalar calls' slow path, once per block. The out-of-line part sees only the
    /// two arrays, and `pos = 0` is set here in the inlined code, so the compiler knows
    /// `pos` after the call without reloading it from memory.
    #[inline(always)]
    fn refill(&mut self) {
        refill_block(&mut self.key, &mut self.tempered);
        self.pos = 0;
        self.generation += 1;
    }

    /// The next tempered 32-bit output (NumPy's `next_uint32`, `random_raw`).
    ///
    /// ```
    /// // np.random.RandomState(0)._bit_generator.random_raw() is the first word
    /// let mut mt = nprand::Mt19937::new(0);
    /// let w = mt.next_u32();
    /// assert_eq!(w, nprand::Mt19937::new(0).next_u32());
    /// ```
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        if self.pos >= N {
            self.refill();
        }
        let y = self.tempered[self.pos];
        self.pos += 1;
        y
    }

    /// Two words, the first drawn as the high half (NumPy's `next_uint64`).
    ///
    /// ```
    /// let mut a = nprand::Mt19937::new(3);
    /// let mut b = a.clone();
    /// let hi = b.next_u32() as u64;
    /// let lo = b.next_u32() as u64;
    /// assert_eq!(a.next_u64(), (hi << 32) | lo);
    /// ```
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let (hi, lo) = self.next_pair();
        ((hi as u64) << 32) | lo as u64
    }

    /// Two consecutive words: in one step from the read-ahead when both are in the
    /// block (all but one pair in 312), otherwise word by word.
    #[inline(always)]
    fn next_pair(&mut self) -> (u32, u32) {
        let p = self.pos;
        // `p < N - 1` (not `p + 1 < N`, which could wrap) lets the compiler drop the
        // index checks.
        if p < N - 1 {
            self.pos = p + 2;
            return (self.tempered[p], self.tempered[p + 1]);
        }
        let a = self.next_u32();
        (a, self.next_u32())
    }

    /// NumPy's 53-bit double in [0, 1) from two words (`random_sample`):
    /// `((w1 >> 5) * 2^26 + (w2 >> 6)) / 2^53`.
    ///
    /// ```
    /// // np.random.RandomState(12345).random_sample()
    /// let x = nprand::Mt19937::new(12345).next_f64();
    /// assert!((0.0..1.0).contains(&x));
    /// ```
    #[inline]
    pub fn next_f64(&mut self) -> f64 {
        let (a, b) = self.next_pair();
        to_f64(a >> 5, b >> 6)
    }

    /// Skip `n` 32-bit outputs: afterwards the state (key and pos) is exactly what `n`
    /// calls of [`next_u32`](Self::next_u32) would leave. A `next_f64` is two outputs.
    ///
    /// Up to 8192 blocks (5.1 M words) are regenerated directly; beyond that the block is
    /// computed by polynomial arithmetic over GF(2) (`x^n mod p(x)` and Horner's
    /// scheme), which costs about 1.5 ms whatever `n` is, and about 0.2 ms when the
    /// same jump length was among the last eight (the polynomial is kept), as in
    /// parallel fills of same-sized outputs; see the `jump` module docs.
    ///
    /// ```
    /// let mut a = nprand::Mt19937::new(5);
    /// let mut b = a.clone();
    /// a.advance(1_000);
    /// for _ in 0..1_000 { b.next_u32(); }
    /// assert_eq!(a, b);
    /// // A huge jump is just as cheap, and jumps compose.
    /// let (mut x, mut y) = (a.clone(), a.clone());
    /// x.advance(1 << 100);
    /// y.advance(1 << 99);
    /// y.advance(1 << 99);
    /// assert_eq!(x, y);
    /// ```
    pub fn advance(&mut self, n: u128) {
        if n == 0 {
            return;
        }
        // Outputs left to skip, as n = 624 q + r, counted from the start of the current
        // block: s = pos + r in 0..=1247.
        let (q, r) = (n / N as u128, (n % N as u128) as usize);
        let s = self.pos + r;
        // t: blocks to regenerate, new_pos in 1..=624.
        let (t, new_pos) = if s == 0 {
            (q - 1, N)
        } else if s > N {
            (q + 1, s - N)
        } else {
            (q, s)
        };
        if t > 0 {
            if t <= DIRECT_TWISTS {
                for _ in 0..t {
                    self.twist_key(Backend::detected());
                }
            } else {
                self.key = jump::twist_many(&self.key, t);
                self.generation += 1;
            }
            self.pos = new_pos;
            self.sync_tempered(Backend::detected());
        } else {
            // Inside the current block: the read-ahead from the new pos on is kept.
            self.pos = new_pos;
        }
    }

    /// NumPy's `MT19937.jumped(jumps)`: a copy of the generator moved on by `jumps`
    /// applications of NumPy's `2^128`-step jump polynomial; `self` is unchanged and
    /// `jumps == 0` gives a plain copy.
    ///
    /// This reproduces NumPy bit for bit, including its convention: NumPy reads `(key,
    /// pos)` as a *circular* state whose pointer is `pos` (624 counts as 0), applies the
    /// jump, and stores the moved pointer (`pos + 19933 mod 624`) back as `pos`. For a
    /// block state that is not the same as skipping `2^128` outputs: from `pos == 624`,
    /// the first `624 - new pos` (= 35) words agree with the stream `2^128 - 624` words on
    /// (apart from the low 31 bits of the very first word, where NumPy keeps bits that
    /// the generator never uses), and the stream after that is another, equally valid
    /// MT19937 stream. Use [`advance`](Self::advance) for an exact skip.
    ///
    /// The first call in a process computes the polynomials (~65 ms); each jump then
    /// costs about 0.5 ms.
    ///
    /// ```
    /// // bg = np.random.MT19937(); bg.state = <RandomState(5)'s state>; bg.jumped()
    /// let mt = nprand::Mt19937::new(5);
    /// let j = mt.jumped(1);
    /// assert_eq!(j.pos(), 589);
    /// assert_eq!(mt.jumped(2), j.jumped(1));
    /// assert_eq!(mt.jumped(0), mt);
    /// ```
    ///
    /// The jumped copy is the result (`Mt19937` is `#[must_use]`): a call whose result
    /// is dropped does nothing, so it warns.
    ///
    /// ```compile_fail
    /// #![deny(unused_must_use)]
    /// let mt = nprand::Mt19937::new(5);
    /// mt.jumped(1); // warning: unused `Mt19937` that must be used
    /// ```
    pub fn jumped(&self, jumps: u32) -> Mt19937 {
        let mut out = self.clone();
        for _ in 0..jumps {
            let (key, pos) = jump::numpy_jump(&out.key, out.pos);
            out = Mt19937::with_key(key, pos);
        }
        out
    }
}

/// [`Mt19937::refill`]'s out-of-line part: regenerate and temper the block.
#[cold]
#[inline(never)]
fn refill_block(key: &mut [u32; N], tempered: &mut [u32; N]) {
    simd::twist_tempered(key, tempered, Backend::detected());
}

fn init_genrand(key: &mut [u32; N], seed: u32) {
    key[0] = seed;
    for i in 1..N {
        key[i] = 1_812_433_253u32
            .wrapping_mul(key[i - 1] ^ (key[i - 1] >> 30))
            .wrapping_add(i as u32);
    }
}

#[cfg(test)]
mod tests;
