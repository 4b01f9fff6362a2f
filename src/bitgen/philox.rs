//! NumPy's `Philox`: the Philox4x64-10 counter-based generator (Salmon et al.,
//! Random123), four 64-bit outputs per counter value.
//!
//! ```
//! use nprand::Philox;
//! // bg = np.random.Philox(12345); bg.random_raw(5); bg.advance(2**70); bg.jumped()
//! let mut bg = Philox::new(12345);
//! assert_eq!(bg.random_raw(5).unwrap().len(), 5);
//! bg.advance(1 << 70);
//! assert_ne!(bg.jumped(1), bg);
//! ```
//!
//! Algorithm: Random123's Philox (D. E. Shaw Research, BSD) as NumPy 2.4.6 runs it
//! (`src/philox/philox.h`, BSD-3-Clause).

use super::state::PhiloxState;
use super::U32Buffer;
#[cfg(target_arch = "x86_64")]
use crate::mt19937::Backend;
use crate::seed_sequence::SeedSequence;

const BUFFER_SIZE: usize = 4;
const ROUNDS: usize = 10;
const M0: u64 = 0xD2E7_470E_E14C_6C93;
const M1: u64 = 0xCA5A_8263_9512_1157;
const W0: u64 = 0x9E37_79B9_7F4A_7C15;
const W1: u64 = 0xBB67_AE85_84CA_A73B;

#[inline(always)]
fn mulhilo(a: u64, b: u64) -> (u64, u64) {
    let p = a as u128 * b as u128;
    ((p >> 64) as u64, p as u64)
}

#[inline(always)]
fn round(ctr: [u64; 4], key: [u64; 2]) -> [u64; 4] {
    let (hi0, lo0) = mulhilo(M0, ctr[0]);
    let (hi1, lo1) = mulhilo(M1, ctr[2]);
    [hi1 ^ ctr[1] ^ key[0], lo1, hi0 ^ ctr[3] ^ key[1], lo0]
}

/// Philox4x64 with 10 rounds: the block for `ctr` under `key`.
fn philox4x64_10(mut ctr: [u64; 4], mut key: [u64; 2]) -> [u64; 4] {
    ctr = round(ctr, key);
    for _ in 1..ROUNDS {
        key = [key[0].wrapping_add(W0), key[1].wrapping_add(W1)];
        ctr = round(ctr, key);
    }
    ctr
}

/// Blocks computed side by side by [`Philox::random_raw_into`] without AVX2.
const LANES: usize = 4;

#[cfg(target_arch = "x86_64")]
mod lanes;

/// [`philox4x64_10`] on `LANES` counters at once: the rounds of one block are a chain of
/// dependent 64x64 -> 128-bit multiplications, so one block is bound by their latency;
/// independent blocks interleaved keep the multiplier busy. Same arithmetic per block.
#[inline(always)]
fn philox4x64_10_lanes(mut ctr: [[u64; 4]; LANES], mut key: [u64; 2]) -> [[u64; 4]; LANES] {
    for c in ctr.iter_mut() {
        *c = round(*c, key);
    }
    for _ in 1..ROUNDS {
        key = [key[0].wrapping_add(W0), key[1].wrapping_add(W1)];
        for c in ctr.iter_mut() {
            *c = round(*c, key);
        }
    }
    ctr
}

/// The 256-bit counter plus one (NumPy's increment, least significant word first).
#[inline(always)]
fn increment(ctr: &mut [u64; 4]) {
    for c in ctr.iter_mut() {
        *c = c.wrapping_add(1);
        if *c != 0 {
            break;
        }
    }
}

/// NumPy's `Philox` bit generator.
///
/// ```
/// use nprand::{Philox, SeedSequence};
/// // np.random.Philox(5) == np.random.Philox(np.random.SeedSequence(5))
/// assert_eq!(Philox::new(5), Philox::from_seed_sequence(SeedSequence::new(5)));
/// ```
#[must_use = "a generator that is dropped unused draws nothing"]
#[derive(Clone, Debug)]
pub struct Philox {
    ctr: [u64; 4],
    key: [u64; 2],
    buffer: [u64; BUFFER_SIZE],
    buffer_pos: usize,
    buf: U32Buffer,
    seed_seq: Option<SeedSequence>,
}

impl Philox {
    /// `Philox(seed_seq)`: key from `seed_seq.generate_state(2, np.uint64)`, counter 0.
    ///
    /// ```
    /// use nprand::{Philox, SeedSequence};
    /// // np.random.Philox(SeedSequence(5)).state['state']['key']
    /// let ss = SeedSequence::new(5);
    /// let key = ss.generate_state_u64(2).unwrap();
    /// assert_eq!(Philox::from_seed_sequence(ss).raw_state().key, [key[0], key[1]]);
    /// ```
    pub fn from_seed_sequence(seed_seq: SeedSequence) -> Self {
        Philox::from_seed_sequence_and_counter(seed_seq, [0; 4])
    }

    /// `Philox(seed_seq, counter=counter)`; the counter's words are least significant
    /// first (`counter = c` for an integer `c` is `[c mod 2^64, (c >> 64) mod 2^64, ...]`).
    ///
    /// ```
    /// use nprand::{Philox, SeedSequence};
    /// // np.random.Philox(5, counter=7)
    /// let bg = Philox::from_seed_sequence_and_counter(SeedSequence::new(5), [7, 0, 0, 0]);
    /// assert_eq!(bg.raw_state().counter, [7, 0, 0, 0]);
    /// ```
    pub fn from_seed_sequence_and_counter(seed_seq: SeedSequence, counter: [u64; 4]) -> Self {
        let k = seed_seq.state_u64::<2>();
        let mut bg = Philox::from_key([k[0], k[1]], counter);
        bg.seed_seq = Some(seed_seq);
        bg
    }

    /// `Philox(key=key, counter=counter)`: a given key (least significant word first:
    /// `key = k` for an integer `k` is `[k mod 2^64, k >> 64]`) and no seed sequence.
    ///
    /// ```
    /// use nprand::Philox;
    /// // np.random.Philox(key=2**64 + 3, counter=0)
    /// let bg = Philox::from_key([3, 1], [0; 4]);
    /// assert_eq!(bg.raw_state().key, [3, 1]);
    /// assert!(bg.seed_seq().is_none());
    /// ```
    pub fn from_key(key: [u64; 2], counter: [u64; 4]) -> Self {
        Philox {
            ctr: counter,
            key,
            buffer: [0; BUFFER_SIZE],
            buffer_pos: BUFFER_SIZE,
            buf: U32Buffer::default(),
            seed_seq: None,
        }
    }

    /// A generator in the given state (no seed sequence). `buffer_pos` above 4 is
    /// clamped to 4 (NumPy would read past its buffer).
    ///
    /// ```
    /// let a = nprand::Philox::new(3);
    /// assert_eq!(nprand::Philox::from_raw_state(a.raw_state()), a);
    /// ```
    pub fn from_raw_state(st: PhiloxState) -> Self {
        Philox {
            ctr: st.counter,
            key: st.key,
            buffer: st.buffer,
            buffer_pos: st.buffer_pos.min(BUFFER_SIZE),
            buf: U32Buffer::from_state(st.has_uint32, st.uinteger),
            seed_seq: None,
        }
    }

    /// The state as plain numbers.
    ///
    /// ```
    /// // np.random.Philox(3).state['buffer_pos'] == 4
    /// assert_eq!(nprand::Philox::new(3).raw_state().buffer_pos, 4);
    /// ```
    pub fn raw_state(&self) -> PhiloxState {
        PhiloxState {
            counter: self.ctr,
            key: self.key,
            buffer: self.buffer,
            buffer_pos: self.buffer_pos,
            has_uint32: self.buf.has_uint32,
            uinteger: self.buf.uinteger,
        }
    }

    /// NumPy's `next_uint64` (also `random_raw()`): the next output of the block;
    /// after the fourth, the counter is incremented and a new block computed.
    ///
    /// ```
    /// // bg = np.random.Philox(1); bg.random_raw()
    /// let mut bg = nprand::Philox::new(1);
    /// assert_eq!(bg.next_u64(), nprand::Philox::new(1).random_raw(1).unwrap()[0]);
    /// ```
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        if self.buffer_pos < BUFFER_SIZE {
            let out = self.buffer[self.buffer_pos];
            self.buffer_pos += 1;
            return out;
        }
        increment(&mut self.ctr);
        self.buffer = philox4x64_10(self.ctr, self.key);
        self.buffer_pos = 1;
        self.buffer[0]
    }

    /// `bg.random_raw(size=out.len())` into `out`: the words of [`next_u64`](Self::next_u64)
    /// calls, with whole blocks computed `LANES` at a time straight into `out`. The
    /// state afterwards is the calls': counter of the last block, that block buffered.
    ///
    /// ```
    /// use nprand::BitGenerator;
    /// // np.random.Philox(7).random_raw(1003)
    /// let mut a = nprand::Philox::new(7);
    /// let mut b = a.clone();
    /// a.next_u64();
    /// b.next_u64();
    /// let mut v = vec![0u64; 1003];
    /// BitGenerator::random_raw_into(&mut a, &mut v);
    /// assert!(v.iter().all(|&w| w == b.next_u64()));
    /// assert_eq!(a, b);
    /// ```
    pub fn random_raw_into(&mut self, out: &mut [u64]) {
        // The rest of the buffered block first.
        let head = (BUFFER_SIZE - self.buffer_pos).min(out.len());
        let (first, out) = out.split_at_mut(head);
        for o in first {
            *o = self.next_u64();
        }
        #[cfg(target_arch = "x86_64")]
        let out = if out.len() >= 2 * lanes::WORDS && Backend::Avx2.is_available() {
            let whole = out.len() / lanes::WORDS * lanes::WORDS;
            let (blocks, rest) = out.split_at_mut(whole);
            // SAFETY: AVX2 checked above.
            unsafe { lanes::fill_avx2(&mut self.ctr, self.key, blocks) };
            self.buffer.copy_from_slice(&blocks[whole - BUFFER_SIZE..]);
            self.buffer_pos = BUFFER_SIZE;
            rest
        } else {
            out
        };
        let mut chunks = out.chunks_exact_mut(BUFFER_SIZE * LANES);
        for chunk in &mut chunks {
            let mut ctrs = [[0u64; 4]; LANES];
            for c in ctrs.iter_mut() {
                increment(&mut self.ctr);
                *c = self.ctr;
            }
            let blocks = philox4x64_10_lanes(ctrs, self.key);
            for (o, b) in chunk.chunks_exact_mut(BUFFER_SIZE).zip(&blocks) {
                o.copy_from_slice(b);
            }
            self.buffer = blocks[LANES - 1];
            self.buffer_pos = BUFFER_SIZE;
        }
        for o in chunks.into_remainder() {
            *o = self.next_u64();
        }
    }

    /// `bg.advance(delta)` for `delta < 2^128`: the counter plus `delta`; the output
    /// buffer and the 32-bit buffer are reset (so this is "as if `delta` blocks of
    /// four were drawn", counted from the last block computed).
    ///
    /// ```
    /// // bg = np.random.Philox(4); bg.advance(3)
    /// let mut bg = nprand::Philox::new(4);
    /// bg.advance(3);
    /// assert_eq!(bg.raw_state().counter, [3, 0, 0, 0]);
    /// ```
    pub fn advance(&mut self, delta: u128) -> &mut Self {
        self.advance_words([delta as u64, (delta >> 64) as u64, 0, 0])
    }

    /// `bg.advance(delta)` for any `delta`, as its value mod 2^256 in four 64-bit
    /// words, least significant first (a negative Python delta is its two's
    /// complement: `-1` is `[u64::MAX; 4]`).
    ///
    /// ```
    /// // bg = np.random.Philox(4); bg.advance(-1)  (counter wraps to 2**256 - 1)
    /// let mut bg = nprand::Philox::new(4);
    /// bg.advance_words([u64::MAX; 4]);
    /// assert_eq!(bg.raw_state().counter, [u64::MAX; 4]);
    /// ```
    pub fn advance_words(&mut self, step: [u64; 4]) -> &mut Self {
        // NumPy's philox_advance: a 256-bit addition with carries.
        let mut carry = false;
        for (c, &s) in self.ctr.iter_mut().zip(step.iter()) {
            if carry {
                *c = c.wrapping_add(1);
                carry = *c == 0;
            }
            let (v, overflow) = c.overflowing_add(s);
            *c = v;
            carry |= overflow;
        }
        self.buffer = [0; BUFFER_SIZE];
        self.buffer_pos = BUFFER_SIZE;
        self.buf = U32Buffer::default();
        self
    }

    /// `bg.jumped(jumps)`: a copy advanced by `jumps * 2^128` (mod 2^256, so negative
    /// jumps wrap as in NumPy). The copy has no seed sequence.
    ///
    /// ```
    /// // np.random.Philox(4).jumped(1).state['state']['counter'] == [0, 0, 1, 0]
    /// let bg = nprand::Philox::new(4);
    /// assert_eq!(bg.jumped(1).raw_state().counter, [0, 0, 1, 0]);
    /// assert_eq!(bg.jumped(2), bg.jumped(1).jumped(1));
    /// ```
    pub fn jumped(&self, jumps: i128) -> Philox {
        let j = jumps as u128;
        let mut out = Philox::from_raw_state(self.raw_state());
        out.advance_words([0, 0, j as u64, (j >> 64) as u64]);
        out
    }
}

impl_bitgen_u64!(
    Philox,
    "Philox",
    "state must be for a Philox PRNG",
    Sfc64,
    {
        fn random_raw_into(&mut self, out: &mut [u64]) {
            Philox::random_raw_into(self, out)
        }
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    /// Random123's known-answer test for philox4x64_10 (counter and key all ones is
    /// in its kat_vectors; here the "pi" vector).
    #[test]
    fn known_answer_pi() {
        let ctr = [
            0x243f6a8885a308d3,
            0x13198a2e03707344,
            0xa4093822299f31d0,
            0x082efa98ec4e6c89,
        ];
        let key = [0x452821e638d01377, 0xbe5466cf34e90c6c];
        assert_eq!(
            philox4x64_10(ctr, key),
            [
                0xa528f45403e61d95,
                0x38c72dbd566e9788,
                0xa5a1610e72fd18b5,
                0x57bd43b5e52b7fe6
            ]
        );
    }

    /// The interleaved bulk path against single `next_u64` calls, from every buffer
    /// position, across a counter carry, for lengths around the lane block.
    #[test]
    fn random_raw_into_is_next_u64() {
        for ctr in [[0, 0, 0, 0], [u64::MAX - 5, u64::MAX, 7, 0]] {
            for skip in 0..5 {
                // 48 and up take the AVX2 kernel where the CPU has it.
                for len in [
                    0usize, 1, 3, 4, 15, 16, 17, 33, 47, 48, 49, 71, 72, 100, 203,
                ] {
                    let mut a = Philox::from_key([3, 4], ctr);
                    for _ in 0..skip {
                        a.next_u64();
                    }
                    let mut b = a.clone();
                    let mut v = vec![0u64; len];
                    a.random_raw_into(&mut v);
                    assert!(v.iter().all(|&w| w == b.next_u64()), "{skip} {len}");
                    assert_eq!(a.raw_state(), b.raw_state(), "{skip} {len}");
                    assert_eq!(a.next_u64(), b.next_u64());
                }
            }
        }
    }

    #[test]
    fn advance_carries() {
        let mut bg = Philox::from_key([1, 2], [u64::MAX, u64::MAX, 5, 0]);
        bg.advance(1);
        assert_eq!(bg.raw_state().counter, [0, 0, 6, 0]);
    }
}
