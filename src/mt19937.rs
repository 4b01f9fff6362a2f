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

use crate::error::{Error, Result};

mod rand;

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
#[derive(Clone, PartialEq, Eq)]
pub struct Mt19937 {
    key: [u32; N],
    pos: usize,
}

impl std::fmt::Debug for Mt19937 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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
        Mt19937 { key, pos: N }
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
        Ok(Mt19937 { key, pos: N })
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
        Ok(Mt19937 { key, pos })
    }

    /// The 624 state words (NumPy's `get_state()[1]`).
    ///
    /// ```
    /// assert_eq!(nprand::Mt19937::new(1).key().len(), 624);
    /// ```
    #[inline]
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
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Replace the state (see [`Mt19937::from_state`] for the rules).
    ///
    /// ```
    /// let mut mt = nprand::Mt19937::new(1);
    /// mt.set_state([5; 624], 3).unwrap();
    /// assert_eq!(mt.pos(), 3);
    /// ```
    pub fn set_state(&mut self, key: [u32; N], pos: usize) -> Result<()> {
        *self = Mt19937::from_state(key, pos)?;
        Ok(())
    }

    /// Regenerate the whole 624-word block (the reference `genrand` loop, split at the
    /// points where `i + 397` wraps so that each part is a straight, vectorisable loop).
    #[inline]
    fn twist(&mut self) {
        let k = &mut self.key;
        #[inline(always)]
        fn step(a: u32, b: u32, c: u32) -> u32 {
            let y = (a & UPPER_MASK) | (b & LOWER_MASK);
            c ^ (y >> 1) ^ ((y & 1).wrapping_neg() & MATRIX_A)
        }
        for i in 0..N - M {
            k[i] = step(k[i], k[i + 1], k[i + M]);
        }
        for i in N - M..N - 1 {
            k[i] = step(k[i], k[i + 1], k[i + M - N]);
        }
        k[N - 1] = step(k[N - 1], k[0], k[M - 1]);
        self.pos = 0;
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
            self.twist();
        }
        let y = self.key[self.pos];
        self.pos += 1;
        temper(y)
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
        let hi = self.next_u32() as u64;
        (hi << 32) | self.next_u32() as u64
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
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        to_f64(a, b)
    }

    /// Fill `out` with consecutive [`next_u32`](Self::next_u32) outputs.
    ///
    /// ```
    /// let mut a = nprand::Mt19937::new(9);
    /// let mut b = a.clone();
    /// let mut buf = [0u32; 1000];
    /// a.fill_u32(&mut buf);
    /// assert!(buf.iter().all(|&w| w == b.next_u32()));
    /// ```
    pub fn fill_u32(&mut self, out: &mut [u32]) {
        let mut out = out;
        while !out.is_empty() {
            if self.pos >= N {
                self.twist();
            }
            let take = (N - self.pos).min(out.len());
            let (head, tail) = out.split_at_mut(take);
            for (o, &k) in head.iter_mut().zip(&self.key[self.pos..self.pos + take]) {
                *o = temper(k);
            }
            self.pos += take;
            out = tail;
        }
    }

    /// Fill `out` with consecutive [`next_f64`](Self::next_f64) outputs
    /// (NumPy's `random_sample(n)`).
    ///
    /// ```
    /// let mut a = nprand::Mt19937::new(9);
    /// let mut b = a.clone();
    /// let mut buf = [0f64; 777];
    /// a.fill_f64(&mut buf);
    /// assert!(buf.iter().all(|&x| x.to_bits() == b.next_f64().to_bits()));
    /// ```
    pub fn fill_f64(&mut self, out: &mut [f64]) {
        let mut i = 0;
        while i < out.len() {
            if self.pos >= N {
                self.twist();
            }
            // Whole pairs available in this block; a pair straddling the block end
            // goes through next_f64.
            let pairs = ((N - self.pos) / 2).min(out.len() - i);
            if pairs == 0 {
                out[i] = self.next_f64();
                i += 1;
                continue;
            }
            let words = &self.key[self.pos..self.pos + 2 * pairs];
            for (o, w) in out[i..i + pairs].iter_mut().zip(words.chunks_exact(2)) {
                *o = to_f64(temper(w[0]) >> 5, temper(w[1]) >> 6);
            }
            self.pos += 2 * pairs;
            i += pairs;
        }
    }
}

#[inline(always)]
fn temper(mut y: u32) -> u32 {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^ (y >> 18)
}

#[inline(always)]
fn to_f64(a: u32, b: u32) -> f64 {
    (a as f64 * 67_108_864.0 + b as f64) / 9_007_199_254_740_992.0
}

fn init_genrand(key: &mut [u32; N], seed: u32) {
    key[0] = seed;
    for i in 1..N {
        key[i] = 1_812_433_253u32
            .wrapping_mul(key[i - 1] ^ (key[i - 1] >> 30))
            .wrapping_add(i as u32);
    }
}
