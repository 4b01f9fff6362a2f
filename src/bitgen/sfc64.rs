//! NumPy's `SFC64`: Chris Doty-Humphrey's Small Fast Chaotic generator, 64-bit.
//!
//! ```
//! use nprand::Sfc64;
//! // bg = np.random.SFC64(12345); bg.random_raw(3)
//! let mut bg = Sfc64::new(12345);
//! assert_eq!(bg.random_raw(3).unwrap().len(), 3);
//! ```
//!
//! Algorithm: SFC64 from PractRand (public domain) as NumPy 2.4.6 runs it
//! (`src/sfc64/sfc64.h`, BSD-3-Clause). NumPy 2.4.6's `SFC64` has no `advance` or
//! `jumped`. For another generator's state its setter's message has a literal
//! `{self.__class__.__name__}` (the `f` of its f-string is missing); nprand keeps it.

use super::state::Sfc64State;
use super::U32Buffer;
use crate::seed_sequence::SeedSequence;

/// NumPy's `SFC64` bit generator.
///
/// ```
/// use nprand::{Sfc64, SeedSequence};
/// // np.random.SFC64(5) == np.random.SFC64(np.random.SeedSequence(5))
/// assert_eq!(Sfc64::new(5), Sfc64::from_seed_sequence(SeedSequence::new(5)));
/// ```
#[must_use = "a generator that is dropped unused draws nothing"]
#[derive(Clone, Debug)]
pub struct Sfc64 {
    s: [u64; 4],
    buf: U32Buffer,
    seed_seq: Option<SeedSequence>,
}

impl Sfc64 {
    /// `SFC64(seed_seq)`: `a, b, c = seed_seq.generate_state(3, np.uint64)`, counter
    /// 1, then 12 outputs discarded.
    ///
    /// ```
    /// use nprand::{Sfc64, SeedSequence};
    /// // np.random.SFC64([1, 2, 3]).state['state']['state'][3] == 13
    /// let bg = Sfc64::from_seed_sequence(SeedSequence::from_entropy(vec![1u32, 2, 3]).unwrap());
    /// assert_eq!(bg.raw_state().state[3], 13);
    /// ```
    pub fn from_seed_sequence(seed_seq: SeedSequence) -> Self {
        let v = seed_seq.state_u64::<3>();
        let mut bg = Sfc64 {
            s: [v[0], v[1], v[2], 1],
            buf: U32Buffer::default(),
            seed_seq: Some(seed_seq),
        };
        for _ in 0..12 {
            bg.next_u64();
        }
        bg
    }

    /// A generator in the given state (no seed sequence).
    ///
    /// ```
    /// let a = nprand::Sfc64::new(3);
    /// assert_eq!(nprand::Sfc64::from_raw_state(a.raw_state()), a);
    /// ```
    pub fn from_raw_state(st: Sfc64State) -> Self {
        Sfc64 {
            s: st.state,
            buf: U32Buffer::from_state(st.has_uint32, st.uinteger),
            seed_seq: None,
        }
    }

    /// The state as plain numbers.
    ///
    /// ```
    /// // np.random.SFC64(3).state['state']['state'][3] == 13
    /// assert_eq!(nprand::Sfc64::new(3).raw_state().state[3], 13);
    /// ```
    pub fn raw_state(&self) -> Sfc64State {
        Sfc64State {
            state: self.s,
            has_uint32: self.buf.has_uint32,
            uinteger: self.buf.uinteger,
        }
    }

    /// NumPy's `next_uint64` (also `random_raw()`).
    ///
    /// ```
    /// // bg = np.random.SFC64(1); bg.random_raw()
    /// let mut bg = nprand::Sfc64::new(1);
    /// assert_eq!(bg.next_u64(), nprand::Sfc64::new(1).random_raw(1).unwrap()[0]);
    /// ```
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let tmp = s[0].wrapping_add(s[1]).wrapping_add(s[3]);
        s[3] = s[3].wrapping_add(1);
        s[0] = s[1] ^ (s[1] >> 11);
        s[1] = s[2].wrapping_add(s[2] << 3);
        s[2] = s[2].rotate_left(24).wrapping_add(tmp);
        tmp
    }
}

impl_bitgen_u64!(
    Sfc64,
    "SFC64",
    "state must be for a {self.__class__.__name__} RNG",
    Pcg64
);
