//! `rand_core` 0.10 glue: [`Mt19937`] as a `TryRng`/`Rng` and `SeedableRng`.
//!
//! ```
//! use rand_core::{Rng, SeedableRng};
//! let mut mt = nprand::Mt19937::from_seed(12345u32.to_le_bytes());
//! assert_eq!(mt.next_u32(), nprand::Mt19937::new(12345).next_u32());
//! ```

use super::Mt19937;
use core::convert::Infallible;
use rand_core::{SeedableRng, TryRng};

impl TryRng for Mt19937 {
    type Error = Infallible;

    #[inline]
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(Mt19937::next_u32(self))
    }

    /// NumPy's `next_uint64`: the first word is the high half.
    #[inline]
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(Mt19937::next_u64(self))
    }

    /// Little-endian bytes of consecutive words; a partial last word uses its low
    /// bytes, as NumPy's `RandomState.bytes` does.
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(4) {
            let w = Mt19937::next_u32(self).to_le_bytes();
            chunk.copy_from_slice(&w[..chunk.len()]);
        }
        Ok(())
    }
}

impl SeedableRng for Mt19937 {
    /// The little-endian bytes of NumPy's 32-bit integer seed.
    type Seed = [u8; 4];

    fn from_seed(seed: [u8; 4]) -> Self {
        Mt19937::new(u32::from_le_bytes(seed))
    }
}
