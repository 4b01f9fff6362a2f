//! Which positions of a stream are attempts, for samplers where some attempts are
//! followed by one extra draw of the same size, found without a branch per attempt.
//!
//! Legacy gamma's batches read a stream of two-double units where unit `m` is a polar
//! attempt unless unit `m - 1` was an accepted one (whose two uniforms it then holds).
//! Given the outcome each position *would* have as an attempt, the marked (here:
//! accepted) attempts are, in each run of marked positions, those at even distance from
//! the run's start. (`Generator`'s exponential ziggurat has the same shape, a rejected
//! attempt being followed by its uniform's word; a block fill built on it measured no
//! faster than the simpler kernel, see the README's #15 section.)
//!
//! ```text
//! marks     1 1 1 0 1 1 0 0
//! attempts  A x A x A x A A   (x: the extra draw of the attempt before it)
//! marked    1 0 1 0 1 0 0 0
//! ```

/// Bits at even positions.
const EVEN: u64 = 0x5555_5555_5555_5555;

/// Of the marks `bits` (bit `m`: position `m` would be a marked attempt), the positions
/// that are marked attempts, when position 0 is an attempt; the extra draws are this
/// shifted left by one. Adding each run's start bit to `bits` carries through the whole
/// run, which separates the runs starting at even positions from the others (the carry
/// trick simdjson uses for runs of backslashes).
#[inline]
pub(crate) fn marked_attempts(bits: u64) -> u64 {
    let starts = bits & !(bits << 1);
    let from_even = bits & !bits.wrapping_add(starts & EVEN);
    (from_even & EVEN) | (bits & !from_even & !EVEN)
}

#[cfg(test)]
mod tests {
    use super::{marked_attempts, EVEN};
    use crate::prelude::*;

    /// The carry trick against the position-by-position parse, on edge masks and on
    /// random ones with long and short runs.
    #[test]
    fn marked_attempts_is_the_sequential_parse() {
        let mut masks = vec![0, u64::MAX, 1, 1 << 63, EVEN, !EVEN, 0b0111, 0b0110];
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            masks.extend([x, x & (x >> 1), x | (x >> 1) | (x >> 2)]);
        }
        for bits in masks {
            let (mut want, mut extra_draw) = (0, false);
            for m in 0..64 {
                if extra_draw {
                    extra_draw = false;
                } else if bits >> m & 1 == 1 {
                    want |= 1 << m;
                    extra_draw = true;
                }
            }
            assert_eq!(marked_attempts(bits), want, "{bits:#x}");
        }
    }
}
