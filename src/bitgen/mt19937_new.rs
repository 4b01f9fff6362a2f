//! NumPy's `MT19937` bit generator class: new-style seeding through [`SeedSequence`]
//! and the `.state` dictionary, on the same [`Mt19937`] core that `RandomState` uses.
//!
//! ```
//! use nprand::{BitGenerator, Mt19937, SeedSequence};
//! // bg = np.random.MT19937(12345); bg.random_raw(2)
//! let mut bg = Mt19937::from_seed_sequence(SeedSequence::new(12345));
//! assert_eq!(bg.pos(), 623);
//! assert_eq!(BitGenerator::random_raw(&mut bg, 2).unwrap().len(), 2);
//! ```
//!
//! `MT19937(seed)` is not `RandomState(seed)`: the 624 key words come from
//! `SeedSequence(seed).generate_state(624)`, the first of them replaced by
//! `0x80000000`, and the position is left at 623 (the leftover loop variable of
//! NumPy's Cython), so the first output is the last key word, tempered, and the
//! second regenerates the block.

use super::state::{wrong_generator, BitGenState, Mt19937State};
use super::{BitGenerator, SeedableBitGenerator};
use crate::error::Result;
use crate::mt19937::{Mt19937, N};
use crate::prelude::*;
use crate::seed_sequence::SeedSequence;

impl Mt19937 {
    /// `MT19937(seed_seq)`: NumPy's new-style seeding (see the module docs).
    ///
    /// The seed sequence is not kept (the core type has no room for it), so
    /// `spawn` is not available; spawn the `SeedSequence` instead.
    ///
    /// ```
    /// use nprand::{Mt19937, SeedSequence};
    /// // np.random.MT19937(5).state['state']
    /// let ss = SeedSequence::new(5);
    /// let words = ss.generate_state(624).unwrap();
    /// let bg = Mt19937::from_seed_sequence(ss);
    /// assert_eq!((bg.key()[0], bg.key()[1], bg.pos()), (0x8000_0000, words[1], 623));
    /// ```
    pub fn from_seed_sequence(seed_seq: SeedSequence) -> Mt19937 {
        let mut key = [0u32; N];
        seed_seq.fill_state(&mut key);
        key[0] = 0x8000_0000;
        Mt19937::from_state(key, N - 1).expect("pos 623 is valid")
    }

    /// `bg.state` of NumPy's `MT19937` class:
    /// `{"bit_generator": "MT19937", "state": {"key": [...], "pos": ...}}`.
    ///
    /// ```
    /// use nprand::{Mt19937, SeedSequence};
    /// // np.random.MT19937(5).state
    /// let st = Mt19937::from_seed_sequence(SeedSequence::new(5)).bitgen_state();
    /// assert_eq!(st.bit_generator(), "MT19937");
    /// ```
    pub fn bitgen_state(&self) -> BitGenState {
        BitGenState::Mt19937(Mt19937State {
            key: Box::new(*self.key()),
            pos: self.pos(),
        })
    }

    /// `bg.state = state` for NumPy's `MT19937` class (dict form; NumPy's
    /// `ValueError` for another generator's state).
    ///
    /// ```
    /// use nprand::{Mt19937, Pcg64, SeedSequence};
    /// let mut bg = Mt19937::new(0);
    /// let other = Mt19937::from_seed_sequence(SeedSequence::new(5));
    /// bg.set_bitgen_state(&other.bitgen_state()).unwrap();
    /// assert_eq!(bg, other);
    /// let e = bg.set_bitgen_state(&Pcg64::new(0).state()).unwrap_err();
    /// assert_eq!(e.message(), "state must be for a MT19937 PRNG");
    /// ```
    pub fn set_bitgen_state(&mut self, state: &BitGenState) -> Result<()> {
        match state {
            BitGenState::Mt19937(s) => {
                *self = Mt19937::from_state(*s.key, s.pos)?;
                Ok(())
            }
            _ => Err(wrong_generator("MT19937")),
        }
    }
}

// NumPy's `MT19937.jumped(jumps)` is `Mt19937::jumped` (src/mt19937/jump.rs); the
// `mt19937` cases of fixtures/modern check it.

impl BitGenerator for Mt19937 {
    /// Two words, the first drawn as the high half.
    fn next_u64(&mut self) -> u64 {
        Mt19937::next_u64(self)
    }
    fn next_u32(&mut self) -> u32 {
        Mt19937::next_u32(self)
    }
    /// res53: `((w1 >> 5) * 2^26 + (w2 >> 6)) / 2^53`.
    fn next_double(&mut self) -> f64 {
        Mt19937::next_f64(self)
    }
    /// One 32-bit word, widened.
    fn next_raw(&mut self) -> u64 {
        Mt19937::next_u32(self) as u64
    }
    fn fill_double(&mut self, out: &mut [f64]) {
        self.fill_f64(out)
    }
    fn fill_u32(&mut self, out: &mut [u32]) {
        Mt19937::fill_u32(self, out)
    }
    /// res53 of the two halves: `w1 = w >> 32` was drawn first.
    #[inline]
    fn double_from_u64(&self, w: u64) -> f64 {
        (((w >> 37) << 26) | u64::from((w as u32) >> 6)) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
    fn name(&self) -> &'static str {
        "MT19937"
    }
    fn state(&self) -> BitGenState {
        self.bitgen_state()
    }
    fn set_state(&mut self, state: &BitGenState) -> Result<()> {
        self.set_bitgen_state(state)
    }
}

impl SeedableBitGenerator for Mt19937 {
    fn from_seed_sequence(seed_seq: SeedSequence) -> Self {
        Mt19937::from_seed_sequence(seed_seq)
    }
    /// Always `None`: [`Mt19937`] does not keep its seed sequence, so `spawn` is
    /// NumPy's `TypeError` here (spawn the `SeedSequence` itself instead).
    fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence> {
        None
    }
}
