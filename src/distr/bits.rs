//! The bits of a word as one byte each: NumPy's buffered `bool` draws, bulk.
//!
//! NumPy's `buffered_bounded_bool` (both `RandomState.randint(2, dtype=bool)` and
//! `Generator.integers(2, dtype=bool)`) takes one `next_uint32` per 32 values and hands
//! out its bits least significant first. A loop over the 32 shifts runs about one value
//! a cycle; spreading a byte's eight bits over eight bytes with one multiplication does a
//! whole byte in five integer operations, with no table.

/// The eight bits of `b` as the bytes of a `u64` (least significant bit in the lowest
/// byte), each 0 or 1.
///
/// Multiplying by `0x0101_0101_0101_0101` copies `b` into every byte; the mask keeps bit
/// `k` of byte `k`. Adding `0x7f` to a byte that is 0 or `2^k` (`k < 8`) sets its top bit
/// exactly when it is not zero and never carries into the next byte.
#[inline(always)]
fn byte_bits(b: u8) -> u64 {
    let t = (b as u64).wrapping_mul(0x0101_0101_0101_0101) & 0x8040_2010_0804_0201;
    ((t + 0x7f7f_7f7f_7f7f_7f7f) >> 7) & 0x0101_0101_0101_0101
}

/// The 32 bits of `w`, least significant first, as bytes 0 or 1: `(w >> s) & 1` for
/// `s` in `0..32`.
#[inline(always)]
fn word_bits(w: u32, out: &mut [u8]) {
    for (k, o) in out.chunks_exact_mut(8).enumerate() {
        o.copy_from_slice(&byte_bits((w >> (8 * k)) as u8).to_le_bytes());
    }
}

/// Words spread a few at a time: a whole number of words that keeps the staging bytes in
/// a cache line's reach of the output.
const STAGE_WORDS: usize = 8;

/// `out[32 * j + s] = value(bit s of words[j])`, for `out.len() == 32 * words.len()`.
///
/// The bytes go through a small staging buffer instead of straight into `out`: spread
/// into the output, each byte became its own shift, mask and one-byte store (LLVM
/// distributes the last shift and mask into the byte extractions, so the eight stores no
/// longer merge). From the buffer, `value` runs as one vectorised loop.
#[inline(always)]
pub(crate) fn spread_bits<T>(words: &[u32], out: &mut [T], value: impl Fn(u8) -> T) {
    debug_assert_eq!(out.len(), 32 * words.len());
    let mut stage = [0u8; 32 * STAGE_WORDS];
    for (ws, os) in words
        .chunks(STAGE_WORDS)
        .zip(out.chunks_mut(32 * STAGE_WORDS))
    {
        for (&w, st) in ws.iter().zip(stage.chunks_exact_mut(32)) {
            word_bits(w, st);
        }
        for (o, &b) in os.iter_mut().zip(&stage) {
            *o = value(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn bits_spread_as_the_shifts() {
        for b in 0..=255u8 {
            let v = byte_bits(b).to_le_bytes();
            for (k, &x) in v.iter().enumerate() {
                assert_eq!(x as u32, (b as u32 >> k) & 1, "byte {b:#x} bit {k}");
            }
        }
        let mut w = 0x9e37_79b9u32;
        let mut words = Vec::new();
        for _ in 0..1000 {
            w = w.wrapping_mul(0x2c1b_3c6d).wrapping_add(0x297a_2d39);
            words.push(w);
        }
        words.extend([0, u32::MAX, 1, 1 << 31]);
        // Lengths around the staging size, whole words each.
        for n in [0, 1, 7, 8, 9, 17, 1004] {
            let ws = &words[..n];
            let mut out = vec![9u32; 32 * n];
            spread_bits(ws, &mut out, |b| b as u32);
            for (i, &x) in out.iter().enumerate() {
                assert_eq!(x, (ws[i / 32] >> (i % 32)) & 1, "n {n}, value {i}");
            }
        }
    }
}
