//! NumPy's `SFC64`: Chris Doty-Humphrey's Small Fast Chaotic generator, 64-bit.
//!
//! ```
//! use nprand::Sfc64;
//! // bg = np.random.SFC64(12345); bg.random_raw(3)
//! let mut bg = Sfc64::new(12345);
//! assert_eq!(bg.random_raw(3).len(), 3);
//! ```
//!
//! Algorithm: SFC64 from PractRand (public domain) as NumPy 2.4.6 runs it
//! (`src/sfc64/sfc64.h`, BSD-3-Clause). NumPy 2.4.6's `SFC64` has no `advance` or
//! `jumped`.

use super::state::{wrong_generator, BitGenState, Sfc64State};
use super::{rand_core_glue, u64_to_double, BitGenerator, SeedableBitGenerator, U32Buffer};
use crate::error::Result;
use crate::seed_sequence::SeedSequence;

/// NumPy's `SFC64` bit generator.
///
/// ```
/// use nprand::{Sfc64, SeedSequence};
/// // np.random.SFC64(5) == np.random.SFC64(np.random.SeedSequence(5))
/// assert_eq!(Sfc64::new(5), Sfc64::from_seed_sequence(SeedSequence::new(5)));
/// ```
#[derive(Clone, Debug)]
pub struct Sfc64 {
    s: [u64; 4],
    buf: U32Buffer,
    seed_seq: Option<SeedSequence>,
}

impl PartialEq for Sfc64 {
    /// Equal states (the seed sequences are not compared).
    fn eq(&self, other: &Self) -> bool {
        self.s == other.s && self.buf == other.buf
    }
}

impl Eq for Sfc64 {}

impl Sfc64 {
    /// `SFC64(seed)` for an integer seed up to 128 bits.
    ///
    /// ```
    /// // np.random.SFC64(0).random_raw()
    /// let _ = nprand::Sfc64::new(0).next_u64();
    /// ```
    pub fn new(seed: u128) -> Self {
        Sfc64::from_seed_sequence(SeedSequence::new(seed))
    }

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
        let v = seed_seq.generate_state_u64(3);
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

    /// `bg.state`.
    ///
    /// ```
    /// // np.random.SFC64(3).state['bit_generator']
    /// assert_eq!(nprand::Sfc64::new(3).state().bit_generator(), "SFC64");
    /// ```
    pub fn state(&self) -> BitGenState {
        BitGenState::Sfc64(self.raw_state())
    }

    /// `bg.state = state`. For another generator's state NumPy's message has a
    /// literal `{self.__class__.__name__}` (its SFC64 setter lacks the `f` of an
    /// f-string); nprand keeps it.
    ///
    /// ```
    /// use nprand::{Pcg64, Sfc64};
    /// let mut bg = Sfc64::new(0);
    /// bg.set_state(&Sfc64::new(1).state()).unwrap();
    /// assert_eq!(bg, Sfc64::new(1));
    /// let e = bg.set_state(&Pcg64::new(1).state()).unwrap_err();
    /// assert_eq!(e.message(), "state must be for a {self.__class__.__name__} RNG");
    /// ```
    pub fn set_state(&mut self, state: &BitGenState) -> Result<()> {
        match state {
            BitGenState::Sfc64(s) => {
                let seed_seq = self.seed_seq.take();
                *self = Sfc64::from_raw_state(*s);
                self.seed_seq = seed_seq;
                Ok(())
            }
            _ => Err(wrong_generator("SFC64")),
        }
    }

    /// `bg.seed_seq`.
    ///
    /// ```
    /// assert!(nprand::Sfc64::new(1).seed_seq().is_some());
    /// ```
    pub fn seed_seq(&self) -> Option<&SeedSequence> {
        self.seed_seq.as_ref()
    }

    /// NumPy's `next_uint64` (also `random_raw()`).
    ///
    /// ```
    /// // bg = np.random.SFC64(1); bg.random_raw()
    /// let mut bg = nprand::Sfc64::new(1);
    /// assert_eq!(bg.next_u64(), nprand::Sfc64::new(1).random_raw(1)[0]);
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

    /// NumPy's `next_uint32`: the low half of a new `next_u64`, then the high half.
    ///
    /// ```
    /// // bg = np.random.SFC64(1); bg.ctypes.next_uint32(bg.ctypes.state)
    /// let mut bg = nprand::Sfc64::new(1);
    /// let w = nprand::Sfc64::new(1).next_u64();
    /// assert_eq!((bg.next_u32(), bg.next_u32()), (w as u32, (w >> 32) as u32));
    /// ```
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        let mut buf = self.buf;
        let out = buf.next(|| self.next_u64());
        self.buf = buf;
        out
    }

    /// NumPy's `next_double`: `(next_u64 >> 11) * 2^-53`.
    ///
    /// ```
    /// // np.random.Generator(np.random.SFC64(1)).random() draws this
    /// assert!((0.0..1.0).contains(&nprand::Sfc64::new(1).next_double()));
    /// ```
    #[inline]
    pub fn next_double(&mut self) -> f64 {
        u64_to_double(self.next_u64())
    }

    /// `random_raw()` (the same as [`next_u64`](Self::next_u64)).
    ///
    /// ```
    /// let mut bg = nprand::Sfc64::new(2);
    /// assert_eq!(bg.next_raw(), nprand::Sfc64::new(2).next_u64());
    /// ```
    #[inline]
    pub fn next_raw(&mut self) -> u64 {
        self.next_u64()
    }

    /// `bg.random_raw(n)`.
    ///
    /// ```
    /// // np.random.SFC64(2).random_raw(10)
    /// assert_eq!(nprand::Sfc64::new(2).random_raw(10).len(), 10);
    /// ```
    pub fn random_raw(&mut self, n: usize) -> Vec<u64> {
        (0..n).map(|_| self.next_u64()).collect()
    }
}

impl BitGenerator for Sfc64 {
    fn next_u64(&mut self) -> u64 {
        Sfc64::next_u64(self)
    }
    fn next_u32(&mut self) -> u32 {
        Sfc64::next_u32(self)
    }
    fn next_double(&mut self) -> f64 {
        Sfc64::next_double(self)
    }
    fn next_raw(&mut self) -> u64 {
        Sfc64::next_u64(self)
    }
    fn name(&self) -> &'static str {
        "SFC64"
    }
    fn state(&self) -> BitGenState {
        Sfc64::state(self)
    }
    fn set_state(&mut self, state: &BitGenState) -> Result<()> {
        Sfc64::set_state(self, state)
    }
    fn seed_seq(&self) -> Option<&SeedSequence> {
        self.seed_seq.as_ref()
    }
}

impl SeedableBitGenerator for Sfc64 {
    fn from_seed_sequence(seed_seq: SeedSequence) -> Self {
        Sfc64::from_seed_sequence(seed_seq)
    }
    fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence> {
        self.seed_seq.as_mut()
    }
}

rand_core_glue!(Sfc64);
