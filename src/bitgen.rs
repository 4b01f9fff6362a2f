//! NumPy's modern bit generators (`MT19937`, `PCG64`, `PCG64DXSM`, `Philox`, `SFC64`)
//! behind one trait, [`BitGenerator`], that mirrors NumPy's C struct `bitgen_t`.
//!
//! # Quick start
//! ```
//! use nprand::{BitGenerator, Pcg64};
//! // bg = np.random.PCG64(12345); bg.random_raw(3)
//! let mut bg = Pcg64::new(12345);
//! let raw = bg.random_raw(3).unwrap();
//! assert_eq!(raw.len(), 3);
//! // bg.ctypes.next_double(bg.ctypes.state): (next_uint64 >> 11) * 2**-53
//! let x = bg.next_double();
//! assert!((0.0..1.0).contains(&x));
//! // bg.state, as JSON in NumPy's layout
//! assert!(bg.state().to_json().starts_with("{\"bit_generator\": \"PCG64\""));
//! ```
//!
//! Every generator takes its initial state from a [`SeedSequence`] exactly as NumPy
//! does, exposes NumPy's `.state` dictionary ([`BitGenState`], JSON in and out),
//! and implements `rand_core` 0.10's `TryRng` (with `Error = Infallible`, hence
//! `Rng`) and `SeedableRng`.
//!
//! NumPy's per-generator rules, which the trait's methods follow:
//!
//! | generator | `next_u64` | `next_u32` | `next_double` | `random_raw` |
//! |---|---|---|---|---|
//! | MT19937 | two words, high first | one word | res53 (two words) | `next_u32` widened |
//! | PCG64, PCG64DXSM, Philox, SFC64 | one output | low half of a `next_u64`, then its buffered high half | `(next_u64 >> 11) * 2^-53` | `next_u64` (buffer untouched) |
//!
//! `rand_core`'s seeding on each generator, as NumPy spells it:
//!
//! | Rust | NumPy |
//! |---|---|
//! | `Mt19937::seed_from_u64(s)` | `MT19937(s)` (not `RandomState(s)`: that is `Mt19937::new(s)`, `Mt19937::from_seed(s.to_le_bytes())`) |
//! | `Pcg64::seed_from_u64(s)`, `Pcg64Dxsm::…`, `Philox::…`, `Sfc64::…` | `PCG64(s)`, `PCG64DXSM(s)`, `Philox(s)`, `SFC64(s)` (= `::new(s)`) |
//! | `Pcg64::from_seed(bytes)` (and the other three) | `PCG64(int.from_bytes(bytes, 'little'))` |
//!
//! `rand`'s own methods on these generators (`random::<f64>()`, `random_range`,
//! `SliceRandom::shuffle`) are `rand`'s algorithms on NumPy's raw stream: they do not
//! give NumPy's values; use [`RandomState`](crate::RandomState) and
//! [`Generator`](crate::Generator) for those.

use crate::error::Result;
use crate::prelude::*;
use crate::seed_sequence::SeedSequence;

#[cfg(target_arch = "x86_64")]
mod avx2;
mod boxed;
pub mod mt19937_new;
pub mod pcg64;
pub mod pcg64dxsm;
pub mod philox;
pub mod sfc64;
pub mod state;

pub use pcg64::Pcg64;
pub use pcg64dxsm::Pcg64Dxsm;
pub use philox::Philox;
pub use sfc64::Sfc64;
pub use state::BitGenState;

/// NumPy's `bitgen_t`: the four functions every bit generator provides, plus its
/// name, its `.state` and its seed sequence.
///
/// The trait is object safe, so `Box<dyn BitGenerator>` can hold any of them.
/// Each generator also has these methods as inherent methods, so calls on a concrete
/// type are unambiguous even with `rand_core::Rng` (whose `next_u32`/`next_u64` give
/// the same values) in scope; in generic code bounded by both traits, write
/// `BitGenerator::next_u64(&mut g)`.
///
/// ```
/// use nprand::{BitGenerator, Mt19937, Pcg64, Philox, Sfc64, Pcg64Dxsm, SeedSequence};
/// // [np.random.MT19937(5), np.random.PCG64(5), ...]
/// let mut gens: Vec<Box<dyn BitGenerator>> = vec![
///     Box::new(Mt19937::from_seed_sequence(SeedSequence::new(5))),
///     Box::new(Pcg64::new(5)),
///     Box::new(Pcg64Dxsm::new(5)),
///     Box::new(Philox::new(5)),
///     Box::new(Sfc64::new(5)),
/// ];
/// for g in gens.iter_mut() {
///     assert!((0.0..1.0).contains(&g.next_double()));
///     assert_eq!(g.state().bit_generator(), g.name());
/// }
/// ```
pub trait BitGenerator {
    /// NumPy's `next_uint64`.
    ///
    /// ```
    /// use nprand::{BitGenerator, Sfc64};
    /// // bg = np.random.SFC64(1); bg.ctypes.next_uint64(bg.ctypes.state)
    /// let mut a = Sfc64::new(1);
    /// let mut b = a.clone();
    /// assert_eq!(BitGenerator::next_u64(&mut a), b.random_raw(1).unwrap()[0]);
    /// ```
    fn next_u64(&mut self) -> u64;

    /// NumPy's `next_uint32` (for the 64-bit generators: the low half of a fresh
    /// `next_u64`, then its high half from the buffer).
    ///
    /// ```
    /// use nprand::{BitGenerator, Philox};
    /// // bg = np.random.Philox(1); [bg.ctypes.next_uint32(bg.ctypes.state) for _ in range(2)]
    /// let mut a = Philox::new(1);
    /// let w = Philox::new(1).next_u64();
    /// assert_eq!(BitGenerator::next_u32(&mut a), w as u32);
    /// assert_eq!(BitGenerator::next_u32(&mut a), (w >> 32) as u32);
    /// ```
    fn next_u32(&mut self) -> u32;

    /// NumPy's `next_double`, a float in `[0, 1)`.
    ///
    /// ```
    /// use nprand::{BitGenerator, Pcg64};
    /// // bg = np.random.PCG64(1); bg.ctypes.next_double(bg.ctypes.state)
    /// let x = BitGenerator::next_double(&mut Pcg64::new(1));
    /// assert_eq!(x, (Pcg64::new(1).next_u64() >> 11) as f64 / 9007199254740992.0);
    /// ```
    fn next_double(&mut self) -> f64;

    /// NumPy's `next_raw`: what `bg.random_raw()` returns.
    ///
    /// ```
    /// use nprand::{BitGenerator, Mt19937, SeedSequence};
    /// // np.random.MT19937(3).random_raw() is one 32-bit word
    /// let mut mt = Mt19937::from_seed_sequence(SeedSequence::new(3));
    /// assert!(BitGenerator::next_raw(&mut mt) <= u32::MAX as u64);
    /// ```
    fn next_raw(&mut self) -> u64;

    /// `bg.random_raw(n)`: `n` raw outputs.
    ///
    /// ```
    /// use nprand::{BitGenerator, Pcg64};
    /// // np.random.PCG64(0).random_raw(5)
    /// let mut a = Pcg64::new(0);
    /// let mut b = a.clone();
    /// let v = BitGenerator::random_raw(&mut a, 5).unwrap();
    /// assert_eq!(v[4], { for _ in 0..4 { b.next_raw(); } b.next_raw() });
    /// // random_raw(2**62): ValueError: array is too big; ...
    /// assert!(BitGenerator::random_raw(&mut a, 1 << 62).is_err());
    /// ```
    fn random_raw(&mut self, n: usize) -> Result<Vec<u64>> {
        let mut out = crate::common::alloc::filled(&[n], crate::common::alloc::Dtype::U64, 0)?;
        self.random_raw_into(&mut out);
        Ok(out)
    }

    /// `bg.random_raw(n)` into a caller's buffer (no allocation): the same words in the
    /// same order, and the same state afterwards.
    ///
    /// ```
    /// use nprand::{BitGenerator, Pcg64};
    /// // np.random.PCG64(0).random_raw(1000)
    /// let mut a = Pcg64::new(0);
    /// let mut b = a.clone();
    /// let mut v = vec![0u64; 1000];
    /// a.random_raw_into(&mut v);
    /// assert!(v.iter().all(|&w| w == b.next_raw()));
    /// assert_eq!(a, b);
    /// ```
    fn random_raw_into(&mut self, out: &mut [u64]) {
        for o in out {
            *o = self.next_raw();
        }
    }

    /// `out.len()` calls of [`next_double`](Self::next_double) (what
    /// `Generator.random(n)` draws), in bulk where a generator has a faster path.
    ///
    /// ```
    /// use nprand::{BitGenerator, Pcg64};
    /// // np.random.Generator(np.random.PCG64(0)).random(1000)
    /// let mut a = Pcg64::new(0);
    /// let mut b = a.clone();
    /// let mut v = vec![0.0; 1000];
    /// a.fill_double(&mut v);
    /// assert!(v.iter().all(|&x| x.to_bits() == b.next_double().to_bits()));
    /// assert_eq!(a, b);
    /// ```
    fn fill_double(&mut self, out: &mut [f64]) {
        for o in out {
            *o = self.next_double();
        }
    }

    /// `out.len()` calls of [`next_u64`](Self::next_u64), in bulk where a generator has a
    /// faster path (`Generator`'s ziggurat fills read the stream ahead with it).
    ///
    /// ```
    /// use nprand::{BitGenerator, Pcg64};
    /// // bg = np.random.PCG64(0); [bg.ctypes.next_uint64(bg.ctypes.state) for _ in range(9)]
    /// let mut a = Pcg64::new(0);
    /// let mut b = a.clone();
    /// let mut v = [0u64; 9];
    /// a.fill_u64(&mut v);
    /// assert!(v.iter().all(|&w| w == BitGenerator::next_u64(&mut b)));
    /// assert_eq!(a, b);
    /// ```
    fn fill_u64(&mut self, out: &mut [u64]) {
        for o in out {
            *o = self.next_u64();
        }
    }

    /// `out.len()` calls of [`next_u32`](Self::next_u32), in bulk where a generator has a
    /// faster path: for the 64-bit generators a buffered half first, then whole words (low
    /// half, then high half), and for an odd count the last word's high half left in the
    /// buffer, as NumPy's `next_uint32` leaves it.
    ///
    /// ```
    /// use nprand::{BitGenerator, Pcg64};
    /// // bg = np.random.PCG64(0); [bg.ctypes.next_uint32(bg.ctypes.state) for _ in range(7)]
    /// let mut a = Pcg64::new(0);
    /// let mut b = a.clone();
    /// let mut v = [0u32; 7];
    /// a.fill_u32(&mut v);
    /// assert!(v.iter().all(|&w| w == BitGenerator::next_u32(&mut b)));
    /// assert_eq!(a.state(), b.state()); // the 8th half is in both buffers
    /// ```
    fn fill_u32(&mut self, out: &mut [u32]) {
        for o in out {
            *o = self.next_u32();
        }
    }

    /// The double [`next_double`](Self::next_double) returns when the
    /// [`next_u64`](Self::next_u64) it replaces would have returned `w`: NumPy builds both
    /// from the same 64 bits (`(w >> 11) / 2^53`; MT19937 from the same two 32-bit words,
    /// the high one first).
    ///
    /// ```
    /// use nprand::{BitGenerator, Mt19937, SeedSequence};
    /// // bg = np.random.MT19937(1); bg.random_raw(2) vs. the next_double of a fresh copy
    /// let mut a = Mt19937::from_seed_sequence(SeedSequence::new(1));
    /// let mut b = a.clone();
    /// let w = BitGenerator::next_u64(&mut a);
    /// assert_eq!(a.double_from_u64(w), BitGenerator::next_double(&mut b));
    /// ```
    #[inline]
    fn double_from_u64(&self, w: u64) -> f64 {
        u64_to_double(w)
    }

    /// NumPy's class name, as in `state["bit_generator"]` (`"PCG64"`, ...).
    ///
    /// ```
    /// use nprand::{BitGenerator, Pcg64Dxsm};
    /// // type(np.random.PCG64DXSM(0)).__name__
    /// assert_eq!(Pcg64Dxsm::new(0).name(), "PCG64DXSM");
    /// ```
    fn name(&self) -> &'static str;

    /// `bg.state`.
    ///
    /// ```
    /// use nprand::{BitGenerator, Sfc64};
    /// // np.random.SFC64(0).state['bit_generator']
    /// assert_eq!(BitGenerator::state(&Sfc64::new(0)).bit_generator(), "SFC64");
    /// ```
    fn state(&self) -> BitGenState;

    /// `bg.state = state`; a state of another generator is NumPy's `ValueError`.
    ///
    /// ```
    /// use nprand::{BitGenerator, Pcg64, Sfc64};
    /// // bg = np.random.PCG64(0); bg.state = np.random.PCG64(1).state
    /// let mut a = Pcg64::new(0);
    /// BitGenerator::set_state(&mut a, &BitGenerator::state(&Pcg64::new(1))).unwrap();
    /// assert_eq!(a, Pcg64::new(1));
    /// let e = BitGenerator::set_state(&mut a, &BitGenerator::state(&Sfc64::new(1))).unwrap_err();
    /// assert_eq!(e.message(), "state must be for a PCG64 RNG");
    /// ```
    fn set_state(&mut self, state: &BitGenState) -> Result<()>;

    /// `bg.seed_seq`: the seed sequence the generator was made from, if any (`None`
    /// for NumPy's `Philox(key=...)`, a generator built from a state, and nprand's
    /// [`Mt19937`](crate::Mt19937), which does not keep it).
    ///
    /// ```
    /// use nprand::{BitGenerator, Pcg64};
    /// // np.random.PCG64(9).seed_seq.entropy
    /// let bg = Pcg64::new(9);
    /// assert_eq!(BitGenerator::seed_seq(&bg).unwrap().entropy().to_string(), "9");
    /// ```
    fn seed_seq(&self) -> Option<&SeedSequence> {
        None
    }
}

/// A bit generator that NumPy builds from a [`SeedSequence`] (`PCG64(seed_seq)`), and
/// so can `spawn` children.
///
/// ```
/// use nprand::{SeedableBitGenerator, Sfc64, SeedSequence};
/// // np.random.SFC64(SeedSequence(5))
/// let a = Sfc64::from_seed_sequence(SeedSequence::new(5));
/// assert_eq!(a, Sfc64::new(5));
/// ```
pub trait SeedableBitGenerator: BitGenerator + Sized {
    /// `Generator(seed_seq)`: the initial state drawn from the seed sequence.
    ///
    /// ```
    /// use nprand::{SeedableBitGenerator, Philox, SeedSequence};
    /// // np.random.Philox(SeedSequence(5))
    /// assert_eq!(<Philox as SeedableBitGenerator>::from_seed_sequence(SeedSequence::new(5)),
    ///            Philox::new(5));
    /// ```
    fn from_seed_sequence(seed_seq: SeedSequence) -> Self;

    /// NumPy's class constructor `Gen(seed)` for a seed NumPy cannot reject (an integer up
    /// to 128 bits, a list of them, a `SeedSequence`). For [`Mt19937`](crate::Mt19937)
    /// this is `MT19937(seed)`, not `RandomState(seed)` (`Mt19937::new`).
    ///
    /// ```
    /// use nprand::{Mt19937, SeedSequence, SeedableBitGenerator};
    /// // np.random.Generator(np.random.MT19937([worker_id, root_seed]))
    /// let rng = nprand::Generator::new(Mt19937::seeded([3, 12345]));
    /// assert_eq!(rng.bit_generator(), &Mt19937::from_seed_sequence(SeedSequence::new([3, 12345])));
    /// ```
    fn seeded(seed: impl Into<SeedSequence>) -> Self {
        Self::from_seed_sequence(seed.into())
    }

    /// `Gen(seed)` for any of NumPy's seeds ([`Seed`](crate::Seed)), with NumPy's errors.
    ///
    /// ```
    /// use nprand::{Mt19937, SeedableBitGenerator};
    /// // np.random.MT19937(2**200)
    /// # #[cfg(feature = "python")] {
    /// let big = num_bigint::BigUint::from(1u8) << 200;
    /// assert!(Mt19937::try_seeded(big).is_ok());
    /// # }
    /// // np.random.MT19937(-1) -> ValueError: expected non-negative integer
    /// assert_eq!(Mt19937::try_seeded(-1).unwrap_err().message(), "expected non-negative integer");
    /// ```
    fn try_seeded(seed: impl Into<crate::Seed>) -> Result<Self> {
        Ok(Self::from_seed_sequence(seed.into().into_seed_sequence()?))
    }

    /// The seed sequence, mutably (spawning counts its children).
    ///
    /// ```
    /// use nprand::{SeedableBitGenerator, Pcg64};
    /// let mut bg = Pcg64::new(1);
    /// assert!(bg.seed_seq_mut().is_some());
    /// ```
    fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence>;

    /// `bg.spawn(n_children)`: generators from `bg.seed_seq.spawn(n_children)`.
    /// Without a seed sequence this is NumPy's `TypeError`.
    ///
    /// ```
    /// use nprand::{SeedableBitGenerator, Pcg64, SeedSequence};
    /// // np.random.PCG64(7).spawn(2)
    /// let mut bg = Pcg64::new(7);
    /// let kids = bg.spawn(2).unwrap();
    /// let mut ss = SeedSequence::new(7);
    /// assert_eq!(kids[1], Pcg64::from_seed_sequence(ss.spawn(2).unwrap().remove(1)));
    /// ```
    fn spawn(&mut self, n_children: usize) -> Result<Vec<Self>> {
        // NumPy's `spawn(self, int n_children)`: a C int.
        if n_children > i32::MAX as usize {
            return Err(crate::Error::new(
                crate::ErrorKind::OverflowError,
                "value too large to convert to int",
            ));
        }
        match self.seed_seq_mut() {
            Some(ss) => Ok(ss
                .spawn(n_children)?
                .into_iter()
                .map(Self::from_seed_sequence)
                .collect()),
            None => Err(crate::Error::type_error(
                "The underlying SeedSequence does not implement spawning.",
            )),
        }
    }
}

/// `(x >> 11) * 2^-53`: NumPy's `uint64_to_double`.
#[inline(always)]
pub(crate) fn u64_to_double(x: u64) -> f64 {
    // NumPy's `(x >> 11) * (1.0 / 9007199254740992.0)`. The integer -> double conversion is
    // done with exponent tricks instead of `as f64`, because x86-64 without AVX-512 has no
    // vector instruction for it and the scalar one limits bulk fills. Both halves go into
    // the mantissas of 2^52 and 2^84, and (2^84 + hi * 2^32 - (2^84 + 2^52)) + (2^52 + lo)
    // is hi * 2^32 + lo exactly (every step is exact below 2^53), so the value is the
    // same bit for bit.
    let v = x >> 11;
    let lo = f64::from_bits((v & 0xffff_ffff) | 0x4330_0000_0000_0000); // 2^52 + lo
    let hi = f64::from_bits((v >> 32) | 0x4530_0000_0000_0000); // 2^84 + hi * 2^32
    ((hi - 19_342_813_118_337_666_422_669_312.0) + lo) * (1.0 / 9_007_199_254_740_992.0)
}

/// The buffered `next_uint32` of NumPy's 64-bit generators: the low half of a new
/// 64-bit output now, its high half next time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct U32Buffer {
    pub(crate) has_uint32: bool,
    pub(crate) uinteger: u32,
}

impl U32Buffer {
    /// The buffer of a `.state` dictionary (`has_uint32`, `uinteger`).
    #[inline]
    pub(crate) fn from_state(has_uint32: bool, uinteger: u32) -> Self {
        U32Buffer {
            has_uint32,
            uinteger,
        }
    }

    #[inline(always)]
    pub(crate) fn next(&mut self, next_u64: impl FnOnce() -> u64) -> u32 {
        if self.has_uint32 {
            self.has_uint32 = false;
            return self.uinteger;
        }
        let v = next_u64();
        self.has_uint32 = true;
        self.uinteger = (v >> 32) as u32;
        v as u32
    }
}

#[cfg(test)]
mod tests {
    use super::u64_to_double;
    use crate::prelude::*;

    /// NumPy's formula, with the plain conversion.
    fn reference(x: u64) -> f64 {
        (x >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }

    #[test]
    fn exponent_trick_conversion_is_numpys_formula() {
        let mut edges = vec![0u64, 1, 2047, 2048, u64::MAX, u64::MAX - 2047, 1 << 63];
        edges.extend((0..64).map(|k| 1u64 << k));
        edges.extend((0..64).map(|k| (1u64 << k).wrapping_sub(1)));
        edges.extend((0..64).map(|k| u64::MAX << k));
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..1_000_000 {
            // splitmix64
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            edges.push(z ^ (z >> 31));
        }
        for w in edges {
            assert_eq!(u64_to_double(w).to_bits(), reference(w).to_bits(), "{w:#x}");
        }
    }
}
