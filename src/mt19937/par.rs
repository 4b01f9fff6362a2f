//! Multi-core bulk fills (feature `parallel`, rayon).
//!
//! The output is cut into one chunk per rayon thread. The chunk starting `k` words into
//! the stream is filled by a copy of the generator moved on with
//! [`Mt19937::advance`]`(k)`, so the result is bit for bit the serial stream, and the
//! generator ends in exactly the state the serial fill leaves (the state of the copy that
//! filled the last chunk). Splitting is recursive (`rayon::join`), so each copy needs at
//! most `log2(threads)` polynomial jumps of about 1.5 ms each (0.2 ms when the same
//! split was made recently, as for repeated fills of one size); outputs below
//! [`PAR_MIN_WORDS`] words are filled serially, where that cost would not pay off.

use super::Mt19937;

/// Below this many 32-bit words the `par_fill_*` methods fill serially.
pub const PAR_MIN_WORDS: usize = 1 << 22;

/// Fill `out` starting from generator `g`, split into `parts` chunks whose sizes are
/// multiples of `unit` elements (`words_per_unit` words each); returns the generator
/// state after the last element.
fn split_fill<T: Send>(
    g: Mt19937,
    out: &mut [T],
    parts: usize,
    unit: usize,
    words_per_unit: usize,
    fill: &(impl Fn(&mut Mt19937, &mut [T]) + Sync),
) -> Mt19937 {
    let units = out.len() / unit;
    if parts <= 1 || units < 2 {
        let mut g = g;
        fill(&mut g, out);
        return g;
    }
    let left_parts = parts / 2;
    let mid_units = units * left_parts / parts;
    let (left, right) = out.split_at_mut(mid_units * unit);
    let skip = (mid_units * words_per_unit) as u128;
    let right_start = g.clone();
    let (_, end) = rayon::join(
        move || split_fill(g, left, left_parts, unit, words_per_unit, fill),
        move || {
            let mut r = right_start;
            r.advance(skip);
            split_fill(r, right, parts - left_parts, unit, words_per_unit, fill)
        },
    );
    end
}

fn parts_for(words: usize) -> usize {
    if words < PAR_MIN_WORDS {
        1
    } else {
        rayon::current_num_threads()
    }
}

impl Mt19937 {
    /// The `par_fill_*` driver: below the threshold (one part) `fill` runs on `self`
    /// directly, so small outputs cost no generator copies.
    fn par_fill<T: Send>(
        &mut self,
        out: &mut [T],
        words: usize,
        unit: usize,
        words_per_unit: usize,
        fill: &(impl Fn(&mut Mt19937, &mut [T]) + Sync),
    ) {
        match parts_for(words) {
            1 => fill(self, out),
            parts => {
                let generation = self.generation + 1;
                *self = split_fill(self.clone(), out, parts, unit, words_per_unit, fill);
                self.generation = self.generation.max(generation);
            }
        }
    }

    /// [`fill_u32`](Self::fill_u32) on all rayon threads; the words and the final state
    /// are identical to the serial fill's.
    ///
    /// ```
    /// let mut a = nprand::Mt19937::new(1);
    /// let mut b = a.clone();
    /// let (mut x, mut y) = (vec![0u32; 5_000_001], vec![0u32; 5_000_001]);
    /// a.par_fill_u32(&mut x);
    /// b.fill_u32(&mut y);
    /// assert!(x == y && a == b);
    /// ```
    pub fn par_fill_u32(&mut self, out: &mut [u32]) {
        let words = out.len();
        self.par_fill(out, words, 1, 1, &|g, c| g.fill_u32(c));
    }

    /// [`fill_f64`](Self::fill_f64) (NumPy's `random_sample(n)`) on all rayon threads;
    /// the doubles and the final state are identical to the serial fill's.
    ///
    /// ```
    /// let mut a = nprand::Mt19937::new(2);
    /// let mut b = a.clone();
    /// let (mut x, mut y) = (vec![0f64; 3_000_001], vec![0f64; 3_000_001]);
    /// a.par_fill_f64(&mut x);
    /// b.fill_f64(&mut y);
    /// assert!(x.iter().zip(&y).all(|(p, q)| p.to_bits() == q.to_bits()) && a == b);
    /// ```
    pub fn par_fill_f64(&mut self, out: &mut [f64]) {
        let words = 2 * out.len();
        self.par_fill(out, words, 1, 2, &|g, c| g.fill_f64(c));
    }

    /// [`fill_bytes`](Self::fill_bytes) on all rayon threads (chunks hold whole words;
    /// only the last may end in a partial word); bytes and final state equal the serial
    /// fill's.
    ///
    /// ```
    /// let mut a = nprand::Mt19937::new(3);
    /// let mut b = a.clone();
    /// let (mut x, mut y) = (vec![0u8; 20_000_003], vec![0u8; 20_000_003]);
    /// a.par_fill_bytes(&mut x);
    /// b.fill_bytes(&mut y);
    /// assert!(x == y && a == b);
    /// ```
    pub fn par_fill_bytes(&mut self, out: &mut [u8]) {
        let words = out.len() / 4;
        self.par_fill(out, words, 4, 1, &|g, c| g.fill_bytes(c));
    }
}
