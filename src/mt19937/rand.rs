//! `rand_core` 0.10 glue: [`Mt19937`] as a `TryRng`/`Rng` and `SeedableRng`.
//!
//! ```
//! use rand_core::{Rng, SeedableRng};
//! let mut mt = nprand::Mt19937::from_seed(12345u32.to_le_bytes());
//! assert_eq!(mt.next_u32(), nprand::Mt19937::new(12345).next_u32());
//! ```

use super::Mt19937;
use rand_core::SeedableRng;

impl_try_rng!(Mt19937);

/// `rand_core` seeding: `from_seed(bytes)` is `RandomState(int.from_bytes(bytes,
/// 'little'))`'s generator, as [`Mt19937::new`] is; `seed_from_u64(s)` is NumPy's
/// `MT19937(s)` (seeded through `SeedSequence`), as `seed_from_u64` is the NumPy class
/// called with the seed on every bit generator (`Pcg64::seed_from_u64(s)` is
/// `PCG64(s)`). It is not `RandomState(s)`, and not `rand_core`'s default (a PCG32
/// expansion of `s`, which matches no NumPy seeding).
///
/// ```
/// use nprand::{Mt19937, SeedSequence};
/// use rand_core::SeedableRng;
/// // np.random.MT19937(12345)
/// let want = Mt19937::from_seed_sequence(SeedSequence::new(12345));
/// assert_eq!(Mt19937::seed_from_u64(12345), want);
/// // np.random.RandomState(12345) is another generator: Mt19937::new / from_seed
/// assert_ne!(Mt19937::seed_from_u64(12345), Mt19937::new(12345));
/// assert_eq!(Mt19937::from_seed(12345u32.to_le_bytes()), Mt19937::new(12345));
/// // np.random.MT19937(2**64 - 1): the whole u64 range, no truncation
/// let top = Mt19937::from_seed_sequence(SeedSequence::new(u64::MAX as u128));
/// assert_eq!(Mt19937::seed_from_u64(u64::MAX), top);
/// ```
impl SeedableRng for Mt19937 {
    /// The little-endian bytes of NumPy's 32-bit integer seed.
    type Seed = [u8; 4];

    fn from_seed(seed: [u8; 4]) -> Self {
        Mt19937::new(u32::from_le_bytes(seed))
    }

    /// NumPy's `MT19937(state)` (not `RandomState(state)`, not rand_core's PCG32
    /// expansion): see the impl's docs.
    fn seed_from_u64(state: u64) -> Self {
        Mt19937::from_seed_sequence(crate::seed_sequence::SeedSequence::new(state as u128))
    }
}
