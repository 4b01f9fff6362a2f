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

/// The 64-bit "cheap multiplier" of the LCG step and of the DXSM output.
const CHEAP_MULTIPLIER: u64 = 0xda94_2042_e4dd_58b5;

pcg64_struct! {
    /// NumPy's `PCG64DXSM` bit generator.
    ///
    /// ```
    /// use nprand::{Pcg64Dxsm, SeedSequence};
    /// // np.random.PCG64DXSM(5) and np.random.PCG64DXSM(np.random.SeedSequence(5)) agree
    /// assert_eq!(Pcg64Dxsm::new(5), Pcg64Dxsm::from_seed_sequence(SeedSequence::new(5)));
    /// ```
    Pcg64Dxsm, "PCG64DXSM", CHEAP_MULTIPLIER as u128
}

impl Pcg64Dxsm {
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
    /// assert_eq!(bg.next_u64(), nprand::Pcg64Dxsm::new(1).random_raw(1).unwrap()[0]);
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
