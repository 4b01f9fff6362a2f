//! NumPy's `PCG64DXSM`: PCG with a 64-bit "cheap multiplier" LCG step and the DXSM
//! output function applied to the state *before* the step.
//!
//! ```
//! use nprand::Pcg64Dxsm;
//! // bg = np.random.PCG64DXSM(12345); bg.random_raw(); bg.advance(10); bg.jumped()
//! let mut bg = Pcg64Dxsm::new(12345);
//! let first = bg.next_u64();
//! bg.advance(10);
//! assert_ne!(bg.jumped(1), bg);
//! assert_ne!(first, bg.next_u64());
//! ```
//!
//! Algorithm: M. E. O'Neill's PCG (Apache-2.0/MIT) as NumPy 2.4.6 runs it
//! (`src/pcg64/pcg64.h`, BSD-3-Clause).

use super::pcg64::{advance_lcg_128, JUMP_STEP, PCG_DEFAULT_MULTIPLIER};
use super::state::Pcg64State;
use super::U32Buffer;
use crate::seed_sequence::SeedSequence;

/// The 64-bit "cheap multiplier" of the LCG step and of the DXSM output.
const CHEAP_MULTIPLIER: u64 = 0xda94_2042_e4dd_58b5;

/// NumPy's `PCG64DXSM` bit generator.
///
/// ```
/// use nprand::{Pcg64Dxsm, SeedSequence};
/// // np.random.PCG64DXSM(5) and np.random.PCG64DXSM(np.random.SeedSequence(5)) agree
/// assert_eq!(Pcg64Dxsm::new(5), Pcg64Dxsm::from_seed_sequence(SeedSequence::new(5)));
/// ```
#[derive(Clone, Debug)]
pub struct Pcg64Dxsm {
    state: u128,
    inc: u128,
    buf: U32Buffer,
    seed_seq: Option<SeedSequence>,
}

impl Pcg64Dxsm {
    /// `PCG64DXSM(seed_seq)`: `state`/`inc` from `seed_seq.generate_state(4, np.uint64)`
    /// exactly as for `PCG64`: NumPy seeds both through `pcg64_set_seed`, whose
    /// `srandom` steps use PCG's default 128-bit multiplier, not the cheap one.
    ///
    /// ```
    /// use nprand::{Pcg64, Pcg64Dxsm, SeedSequence};
    /// // np.random.PCG64DXSM(7).state['state']['inc'] == np.random.PCG64(7).state['state']['inc']
    /// let a = Pcg64Dxsm::from_seed_sequence(SeedSequence::new(7));
    /// assert_eq!(a.raw_state().inc, Pcg64::new(7).raw_state().inc);
    /// ```
    pub fn from_seed_sequence(seed_seq: SeedSequence) -> Self {
        let v = seed_seq.generate_state_u64(4);
        let initstate = (v[0] as u128) << 64 | v[1] as u128;
        let initseq = (v[2] as u128) << 64 | v[3] as u128;
        let mut bg = Pcg64Dxsm {
            state: 0,
            inc: (initseq << 1) | 1,
            buf: U32Buffer::default(),
            seed_seq: Some(seed_seq),
        };
        let default_step =
            |s: u128, inc: u128| s.wrapping_mul(PCG_DEFAULT_MULTIPLIER).wrapping_add(inc);
        bg.state = default_step(bg.state, bg.inc);
        bg.state = bg.state.wrapping_add(initstate);
        bg.state = default_step(bg.state, bg.inc);
        bg
    }

    /// A generator in the given state (no seed sequence).
    ///
    /// ```
    /// let a = nprand::Pcg64Dxsm::new(3);
    /// assert_eq!(nprand::Pcg64Dxsm::from_raw_state(a.raw_state()), a);
    /// ```
    pub fn from_raw_state(st: Pcg64State) -> Self {
        Pcg64Dxsm {
            state: st.state,
            inc: st.inc,
            buf: U32Buffer {
                has_uint32: st.has_uint32,
                uinteger: st.uinteger,
            },
            seed_seq: None,
        }
    }

    /// The state as plain numbers.
    ///
    /// ```
    /// // np.random.PCG64DXSM(3).state['has_uint32'] == 0
    /// assert!(!nprand::Pcg64Dxsm::new(3).raw_state().has_uint32);
    /// ```
    pub fn raw_state(&self) -> Pcg64State {
        Pcg64State {
            state: self.state,
            inc: self.inc,
            has_uint32: self.buf.has_uint32,
            uinteger: self.buf.uinteger,
        }
    }

    #[inline(always)]
    fn step(&mut self) {
        self.state = self
            .state
            .wrapping_mul(CHEAP_MULTIPLIER as u128)
            .wrapping_add(self.inc);
    }

    /// NumPy's `next_uint64` (also `random_raw()`): DXSM output of the current state,
    /// then the step.
    ///
    /// ```
    /// // bg = np.random.PCG64DXSM(1); bg.random_raw()
    /// let mut bg = nprand::Pcg64Dxsm::new(1);
    /// assert_eq!(bg.next_u64(), nprand::Pcg64Dxsm::new(1).random_raw(1)[0]);
    /// ```
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let mut hi = (self.state >> 64) as u64;
        let lo = self.state as u64 | 1;
        hi ^= hi >> 32;
        hi = hi.wrapping_mul(CHEAP_MULTIPLIER);
        hi ^= hi >> 48;
        hi = hi.wrapping_mul(lo);
        self.step();
        hi
    }

    /// `bg.advance(delta)`: the state as if `delta` outputs were drawn (mod 2^128;
    /// a negative Python delta is `delta as u128`). The 32-bit buffer is reset.
    ///
    /// ```
    /// // bg = np.random.PCG64DXSM(4); bg.advance(3)
    /// let mut a = nprand::Pcg64Dxsm::new(4);
    /// let mut b = a.clone();
    /// a.advance(3);
    /// b.random_raw(3);
    /// assert_eq!(a.next_u64(), b.next_u64());
    /// ```
    pub fn advance(&mut self, delta: u128) -> &mut Self {
        self.state = advance_lcg_128(self.state, delta, CHEAP_MULTIPLIER as u128, self.inc);
        self.buf = U32Buffer::default();
        self
    }

    /// `bg.jumped(jumps)`: a copy advanced by `jumps * 0x9e3779b97f4a7c15f39cc0605cedc835`
    /// (mod 2^128). The copy has no seed sequence.
    ///
    /// ```
    /// // np.random.PCG64DXSM(4).jumped(2)
    /// let bg = nprand::Pcg64Dxsm::new(4);
    /// assert_eq!(bg.jumped(2), bg.jumped(1).jumped(1));
    /// ```
    pub fn jumped(&self, jumps: i128) -> Pcg64Dxsm {
        let mut out = Pcg64Dxsm::from_raw_state(self.raw_state());
        out.advance(JUMP_STEP.wrapping_mul(jumps as u128));
        out
    }
}

impl_bitgen_u64!(
    Pcg64Dxsm,
    "PCG64DXSM",
    "state must be for a PCG64DXSM RNG",
    Pcg64
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advance_matches_stepping() {
        let mut a = Pcg64Dxsm::new(99);
        let mut b = a.clone();
        a.advance(777);
        for _ in 0..777 {
            b.next_u64();
        }
        assert_eq!(a, b);
    }
}
