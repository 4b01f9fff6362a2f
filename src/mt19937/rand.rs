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

impl SeedableRng for Mt19937 {
    /// The little-endian bytes of NumPy's 32-bit integer seed.
    type Seed = [u8; 4];

    fn from_seed(seed: [u8; 4]) -> Self {
        Mt19937::new(u32::from_le_bytes(seed))
    }
}
