//! [`F64Reader`]: consecutive [`Mt19937::next_f64`] values, converted in chunks from the
//! current block, for the bulk distribution kernels.

use super::Mt19937;

/// Largest chunk of doubles an [`F64Reader`] converts at once: a whole block's 312.
/// Kernels whose draws can straddle a chunk's end (legacy gamma's attempts) take that
/// draw the slow way once per chunk: at 128, that cost gamma(2.5) about 10 % (n = 10^6,
/// Zen 3); the normal, binomial and Poisson fills measured the same at both sizes.
const READ_CHUNK: usize = 312;

/// A reader of consecutive [`Mt19937::next_f64`] values for the bulk distribution
/// kernels: it converts them in chunks from the current block (AVX2 where available)
/// but consumes only the doubles actually taken, so the generator ends exactly where
/// the same number of `next_f64` calls would leave it (the position is committed at
/// each refill and when the reader is dropped). No heap allocation.
///
/// Create one only when at least one double will be taken (see
/// [`Mt19937::peek_f64`]).
pub(crate) struct F64Reader<'a> {
    mt: &'a mut Mt19937,
    buf: [f64; READ_CHUNK],
    /// Doubles of `buf` already taken.
    idx: usize,
    /// Doubles in `buf` (all lying in the current block, not yet consumed).
    len: usize,
    /// Size of the next chunk: starts small so that short calls convert little.
    cap: usize,
}

impl<'a> F64Reader<'a> {
    #[inline]
    pub(crate) fn new(mt: &'a mut Mt19937) -> Self {
        F64Reader {
            mt,
            buf: [0.0; READ_CHUNK],
            idx: 0,
            len: 0,
            cap: 8,
        }
    }

    /// The next double, as `next_f64` would return it.
    #[inline(always)]
    pub(crate) fn next(&mut self) -> f64 {
        if self.idx < self.len {
            let x = self.buf[self.idx];
            self.idx += 1;
            x
        } else {
            self.refill_next()
        }
    }

    /// The doubles converted and not yet taken; refills when none are left. Empty when
    /// the next double straddles a block regeneration (take it with [`next`](Self::next)).
    /// Call it only when at least one double will be taken; mark what was used with
    /// [`take`](Self::take).
    #[inline]
    pub(crate) fn chunk(&mut self) -> &[f64] {
        if self.idx == self.len {
            self.refill();
        }
        &self.buf[self.idx..self.len]
    }

    /// Mark `k` doubles of [`chunk`](Self::chunk) as taken.
    #[inline]
    pub(crate) fn take(&mut self, k: usize) {
        debug_assert!(self.idx + k <= self.len);
        self.idx += k;
    }

    /// Commit the buffer (all taken) and convert the next chunk of the block.
    #[inline]
    fn refill(&mut self) {
        self.mt.consume(2 * self.len);
        self.idx = 0;
        let cap = self.cap;
        self.cap = (cap * 4).min(READ_CHUNK);
        self.len = self.mt.peek_f64(&mut self.buf[..cap]);
    }

    #[inline(never)]
    fn refill_next(&mut self) -> f64 {
        self.refill();
        if self.len == 0 {
            // One word left in the block: this double straddles the regeneration.
            return self.mt.next_f64();
        }
        self.idx = 1;
        self.buf[0]
    }
}

impl Drop for F64Reader<'_> {
    #[inline]
    fn drop(&mut self) {
        self.mt.consume(2 * self.idx);
    }
}
