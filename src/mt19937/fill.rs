//! MT19937's bulk fills: words, doubles and bytes a whole block at a time with the CPU's
//! best kernel ([`Backend`]), the same values as word-by-word calls.

use super::simd::{self, temper, to_f64};
use super::{Backend, Mt19937, N};

impl Mt19937 {
    /// Fill `out` with consecutive [`next_u32`](Self::next_u32) outputs (NumPy's
    /// `MT19937.random_raw(n)`), a whole block at a time with the CPU's best kernel.
    ///
    /// ```
    /// let mut a = nprand::Mt19937::new(9);
    /// let mut b = a.clone();
    /// let mut buf = [0u32; 1000];
    /// a.fill_u32(&mut buf);
    /// assert!(buf.iter().all(|&w| w == b.next_u32()));
    /// ```
    #[inline]
    pub fn fill_u32(&mut self, out: &mut [u32]) {
        self.fill_u32_with(out, Backend::detected());
    }

    /// [`fill_u32`](Self::fill_u32) with a chosen kernel backend (for tests and
    /// benchmarks; every backend gives the same words).
    ///
    /// # Panics
    /// If `backend` is not available on this CPU ([`Backend::is_available`]).
    ///
    /// ```
    /// use nprand::{mt19937::Backend, Mt19937};
    /// let mut a = Mt19937::new(3);
    /// let mut b = a.clone();
    /// let (mut x, mut y) = ([0u32; 700], [0u32; 700]);
    /// a.fill_u32_with(&mut x, Backend::Portable);
    /// b.fill_u32_with(&mut y, Backend::detected());
    /// assert_eq!((x, &a), (y, &b));
    /// ```
    pub fn fill_u32_with(&mut self, out: &mut [u32], backend: Backend) {
        assert!(
            backend.is_available(),
            "{backend:?} is not available on this CPU"
        );
        // The rest of the current block is tempered already (the read-ahead).
        let p = self.pos;
        let take = (N - p).min(out.len());
        let (head, mut out) = out.split_at_mut(take);
        head.copy_from_slice(&self.tempered[p..p + take]);
        self.pos += take;
        if out.is_empty() {
            return;
        }
        // Whole blocks: regenerated and tempered into the output in one pass.
        let blocks = out.len() / N * N;
        if blocks > 0 {
            let (whole, tail) = out.split_at_mut(blocks);
            simd::fill_blocks_u32(&mut self.key, whole, backend);
            self.generation += 1;
            self.pos = N;
            out = tail;
        }
        // Less than a block left: regenerate, temper what is taken.
        if !out.is_empty() {
            self.twist_key(backend);
            simd::temper_into(&self.key[..out.len()], out, backend);
            self.pos = out.len();
        }
        self.sync_tempered(backend);
    }

    /// Fill `out` with consecutive [`next_f64`](Self::next_f64) outputs
    /// (NumPy's `random_sample(n)`), tempering and converting in bulk.
    ///
    /// ```
    /// let mut a = nprand::Mt19937::new(9);
    /// let mut b = a.clone();
    /// let mut buf = [0f64; 777];
    /// a.fill_f64(&mut buf);
    /// assert!(buf.iter().all(|&x| x.to_bits() == b.next_f64().to_bits()));
    /// ```
    #[inline]
    pub fn fill_f64(&mut self, out: &mut [f64]) {
        self.fill_f64_with(out, Backend::detected());
    }

    /// [`fill_f64`](Self::fill_f64) with a chosen kernel backend.
    ///
    /// # Panics
    /// If `backend` is not available on this CPU.
    ///
    /// ```
    /// use nprand::{mt19937::Backend, Mt19937};
    /// let mut a = Mt19937::new(3);
    /// let mut b = a.clone();
    /// let (mut x, mut y) = ([0f64; 333], [0f64; 333]);
    /// a.fill_f64_with(&mut x, Backend::Portable);
    /// b.fill_f64_with(&mut y, Backend::detected());
    /// assert_eq!(x.map(f64::to_bits), y.map(f64::to_bits));
    /// assert_eq!(a, b);
    /// ```
    pub fn fill_f64_with(&mut self, out: &mut [f64], backend: Backend) {
        assert!(
            backend.is_available(),
            "{backend:?} is not available on this CPU"
        );
        let mut i = 0;
        // Whether `key` was regenerated without its read-ahead (restored at the end).
        let mut twisted = false;
        while i < out.len() {
            // Whole blocks at a time, regenerated and converted in one pass, from a
            // block end (pos 624) or one word before it (an odd position: each block
            // then starts with a double straddling the regeneration).
            if out.len() - i >= N / 2 && self.pos >= N - 1 {
                let odd = self.pos == N - 1;
                let n = (out.len() - i) / (N / 2) * (N / 2);
                simd::fill_blocks_f64(&mut self.key, odd, &mut out[i..i + n], backend);
                self.generation += 1;
                self.pos = if odd { N - 1 } else { N };
                twisted = true;
                i += n;
                continue;
            }
            if self.pos >= N {
                self.twist_key(backend);
                twisted = true;
            }
            // Whole pairs available in this block; a double straddling the block end
            // (pos 623) takes the last word, then the first of the next block.
            let pairs = ((N - self.pos) / 2).min(out.len() - i);
            if pairs == 0 {
                let a = temper(self.key[N - 1]) >> 5;
                self.twist_key(backend);
                twisted = true;
                let b = temper(self.key[0]) >> 6;
                self.pos = 1;
                out[i] = to_f64(a, b);
                i += 1;
                continue;
            }
            let words = &self.key[self.pos..self.pos + 2 * pairs];
            simd::pairs_to_f64::<true>(words, &mut out[i..i + pairs], backend);
            self.pos += 2 * pairs;
            i += pairs;
        }
        if twisted {
            self.sync_tempered(backend);
        }
    }

    /// Block access for the bulk distribution kernels: tempered copies of up to
    /// `out.len()` of the words left in the current block, **without consuming them**
    /// (regenerating the block first when it is used up). Returns how many were written
    /// (at least 1 when `out` is non-empty). Consume what was used with
    /// [`consume`](Self::consume).
    ///
    /// Call it only when at least one word will then be consumed: from `pos == 624`
    /// it regenerates the block (pos 0), which is the same stream but not the same
    /// `get_state()` until a word is taken.
    #[inline]
    pub(crate) fn peek_u32(&mut self, out: &mut [u32]) -> usize {
        if self.pos >= N {
            self.twist();
        }
        // The read-ahead holds these words tempered already.
        let take = (N - self.pos).min(out.len());
        out[..take].copy_from_slice(&self.tempered[self.pos..self.pos + take]);
        take
    }

    /// As [`peek_u32`](Self::peek_u32), for doubles: up to `out.len()` of the next
    /// [`next_f64`](Self::next_f64) values whose two words both lie in the current block,
    /// not consumed (each one is 2 words for [`consume`](Self::consume)). Returns 0 when
    /// exactly one word is left in the block: the next double straddles a regeneration,
    /// take it with `next_f64`. Same rule as `peek_u32`: call it only when at least one
    /// double will be consumed.
    #[inline]
    pub(crate) fn peek_f64(&mut self, out: &mut [f64]) -> usize {
        if self.pos >= N {
            self.twist();
        }
        let pairs = ((N - self.pos) / 2).min(out.len());
        // From the read-ahead: its words are tempered already.
        simd::pairs_to_f64::<false>(
            &self.tempered[self.pos..self.pos + 2 * pairs],
            &mut out[..pairs],
            Backend::detected(),
        );
        pairs
    }

    /// Consume `words` words of the current block, as that many
    /// [`next_u32`](Self::next_u32) calls would (after a [`peek_u32`](Self::peek_u32) /
    /// [`peek_f64`](Self::peek_f64) showed them).
    ///
    /// # Panics
    /// If fewer than `words` words are left in the block.
    #[inline]
    pub(crate) fn consume(&mut self, words: usize) {
        assert!(words <= N - self.pos, "consume past the end of the block");
        self.pos += words;
    }

    /// Fill `out` with the little-endian bytes of consecutive words; a partial last word
    /// gives its low bytes (NumPy's `RandomState.bytes(n)` for `n >= 1`, and the same
    /// as `rand_core`'s `fill_bytes` for this generator). No heap allocation.
    ///
    /// ```
    /// let mut a = nprand::Mt19937::new(1);
    /// let mut b = a.clone();
    /// let mut buf = [0u8; 6];
    /// a.fill_bytes(&mut buf);
    /// let (w0, w1) = (b.next_u32().to_le_bytes(), b.next_u32().to_le_bytes());
    /// assert_eq!(buf, [w0[0], w0[1], w0[2], w0[3], w1[0], w1[1]]);
    /// assert_eq!(a, b);
    /// ```
    pub fn fill_bytes(&mut self, out: &mut [u8]) {
        let mut buf = [0u32; N];
        let mut chunks = out.chunks_exact_mut(4 * N);
        for chunk in &mut chunks {
            self.fill_u32(&mut buf);
            for (b, w) in chunk.chunks_exact_mut(4).zip(&buf) {
                b.copy_from_slice(&w.to_le_bytes());
            }
        }
        let rest = chunks.into_remainder();
        let words = rest.len().div_ceil(4);
        self.fill_u32(&mut buf[..words]);
        for (b, w) in rest.chunks_mut(4).zip(&buf) {
            b.copy_from_slice(&w.to_le_bytes()[..b.len()]);
        }
    }
}
