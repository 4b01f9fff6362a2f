//! [`GaussAhead`]: accepted polar pairs read ahead from the current MT19937 block, so
//! that a loop of scalar `standard_normal()` calls (and of everything built on the legacy
//! gaussian: `normal`, `lognormal`, `standard_t`, …) runs at nearly the bulk kernel's
//! speed.
//!
//! Why this is exact: a polar pair is a pure function of the block's words from the
//! position where its attempts start. The read-ahead converts the doubles ahead without
//! consuming them ([`Mt19937::peek_f64`]), runs the rejection loop over them and the
//! logarithms as one vector pass ([`PolarBatch`]), and records for each accepted pair the
//! position after its last word. A scalar call that finds the generator exactly where the
//! next pair starts, in the same block (the generator's
//! [`generation`](Mt19937::generation)), takes that pair and moves `pos` to its end: the
//! state NumPy sees is what the scalar loop leaves. Anything else that moved the
//! generator (a uniform, a bulk call, a new block, `set_state`) makes the positions
//! disagree, and the call takes the plain scalar path.
//!
//! Batches start at the third pair in a row and grow (4, 16, 64 pairs) while the calls
//! follow one another, so code that interleaves gaussians with other draws, or takes
//! only a pair or two, pays for no batch it does not use.

use super::normal::{polar_pair, PolarBatch};
use crate::mt19937::{Mt19937, N};
use crate::prelude::*;

/// Largest batch of pairs read ahead.
const AHEAD: usize = 64;

/// Doubles converted for a batch of `pairs`: the expected attempts are `4/π` a pair
/// (about 1.27), so 1.25 pairs of doubles a pair, plus two; a batch that accepts fewer
/// is simply shorter.
const fn doubles_for(pairs: usize) -> usize {
    2 * pairs + pairs / 2 + 2
}

/// The gaussian read-ahead of one [`RandomState`](super::RandomState). Derived data,
/// not state: `==` ignores it, `get_state()` does not show it, and a clone starts
/// without the pairs held (it reads its own when its calls follow one another).
///
/// The batch buffers (about 4.6 KB) live on the heap, allocated at the first batch:
/// a `RandomState` that never draws gaussians in a row stays as small, and as cheap to
/// create, as without the read-ahead. If that allocation fails, the plain path serves.
pub(crate) struct GaussAhead {
    /// Next pair to serve, and pairs held.
    next: usize,
    len: usize,
    /// Where the next pair starts (the previous pair's end), in block `generation`.
    start: usize,
    generation: u64,
    /// Size of the last batch (1 and 2: the plain scalar path).
    size: usize,
    /// The batch buffers: none yet, or one (a `Vec` so that the allocation can fail
    /// without aborting: `try_reserve_exact`).
    bufs: Vec<Buffers>,
}

/// The pairs held and the scratch a batch is computed in (kept, to save clearing it on
/// every batch).
struct Buffers {
    /// Pair `i` is `(vals[2i], vals[2i + 1])`: the value returned, the value cached.
    vals: [f64; 2 * AHEAD],
    /// `ends[i]`: the block position after pair `i`.
    ends: [u16; AHEAD],
    doubles: [f64; doubles_for(AHEAD)],
    batch: PolarBatch<AHEAD>,
}

impl GaussAhead {
    /// An empty read-ahead (for a new or replaced generator). Allocates nothing.
    pub(crate) fn new() -> Self {
        GaussAhead {
            next: 0,
            len: 0,
            // No generator is at this position, so the first call never matches.
            start: usize::MAX,
            generation: 0,
            size: 1,
            bufs: Vec::new(),
        }
    }

    /// Forget the pairs held and the position (the generator may have been replaced by
    /// one whose generation count happens to agree); the buffers are kept for reuse.
    pub(crate) fn forget(&mut self) {
        (self.next, self.len, self.start, self.size) = (0, 0, usize::MAX, 1);
    }

    /// The next polar pair `(returned, cached)` from `mt`, exactly as
    /// [`polar_pair`] over `mt.next_f64()` gives it, leaving `mt` where that leaves it.
    #[inline]
    pub(crate) fn pair(&mut self, mt: &mut Mt19937) -> (f64, f64) {
        let follows = self.start == mt.pos() && self.generation == mt.generation();
        if follows && self.next < self.len {
            if let Some(b) = self.bufs.first() {
                let i = self.next;
                let end = b.ends[i] as usize;
                mt.consume(end - self.start);
                self.next = i + 1;
                self.start = end;
                return (b.vals[2 * i], b.vals[2 * i + 1]);
            }
        }
        self.refill(mt, follows)
    }

    /// The slow path: a new batch if the calls follow one another, else one pair drawn
    /// the plain way. Out of line to keep [`pair`](Self::pair) small where it is inlined.
    #[inline(never)]
    fn refill(&mut self, mt: &mut Mt19937, follows: bool) -> (f64, f64) {
        // 1, 2: the plain path (a pair or two in a row are common and would pay for
        // the buffers), then batches of 4, 16, 64 while the calls keep following.
        self.size = match (follows, self.size) {
            (false, _) => 1,
            (true, s @ (1 | 2)) => 2 * s,
            (true, s) => (4 * s).min(AHEAD),
        };
        self.len = 0;
        self.next = 0;
        if self.size > 2 && self.fill(mt) > 0 {
            return self.pair(mt);
        }
        let p = polar_pair(|| mt.next_f64());
        self.start = mt.pos();
        self.generation = mt.generation();
        p
    }

    /// Read up to `self.size` pairs ahead from the current block; returns how many.
    /// Zero when no whole attempt fits in what is left of the block (the plain path
    /// then takes the pair across the regeneration), or when the buffers cannot be
    /// allocated.
    fn fill(&mut self, mt: &mut Mt19937) -> usize {
        const { assert!(N < u16::MAX as usize) };
        if self.bufs.is_empty() {
            if self.bufs.try_reserve_exact(1).is_err() {
                return 0;
            }
            self.bufs.push(Buffers {
                vals: [0.0; 2 * AHEAD],
                ends: [0; AHEAD],
                doubles: [0.0; doubles_for(AHEAD)],
                batch: PolarBatch::new(),
            });
        }
        let b = &mut self.bufs[0];
        // From pos 624 this regenerates the block (the same stream); a pair is then
        // taken, by the batch or by the plain path, so the state moves on as NumPy's.
        let got = mt.peek_f64(&mut b.doubles[..doubles_for(self.size)]);
        let pos0 = mt.pos();
        let n = b
            .batch
            .scan(&b.doubles[..got], self.size, pos0, &mut b.ends);
        b.batch.write(&mut b.vals[..2 * n]);
        self.len = n;
        self.start = pos0;
        self.generation = mt.generation();
        n
    }
}

impl Clone for GaussAhead {
    /// The tracking without the pairs held: a clone never allocates (nor can it fail
    /// to), and its next call takes the plain path or starts a batch of its own.
    fn clone(&self) -> Self {
        GaussAhead {
            next: 0,
            len: 0,
            bufs: Vec::new(),
            ..*self
        }
    }
}

impl PartialEq for GaussAhead {
    /// Always equal: the read-ahead is a cache of the generator's words, not state.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    //! The read-ahead against NumPy's one-draw-at-a-time `legacy_gauss`, through every
    //! way the generator can move between two gaussians.

    use super::super::test_util::{assert_same_state, ref_gauss, starts};
    use super::super::RandomState;
    use crate::mt19937::N;
    use crate::prelude::*;
    use proptest::prelude::*;

    /// Something done to a RandomState between gaussians.
    #[derive(Debug, Clone)]
    enum Op {
        /// `k` scalar gaussians.
        Gauss(usize),
        /// `k` scalar uniforms (`next_f64`).
        Doubles(usize),
        /// `k` raw words (`next_u32`, the scalar refill path).
        Words(usize),
        /// `standard_normal(size=k)` (the bulk path: `F64Reader`).
        BulkNormal(usize),
        /// `bytes(k)` (`fill_u32`: regenerates the key without its read-ahead).
        Bytes(usize),
        /// `random_sample(size=k)` (`fill_f64`).
        BulkDoubles(usize),
        /// `set_state` to another seed's state at the same position.
        SetState(u32),
        /// Go on with a clone (which holds no pairs).
        Clone,
        /// `seed(s)` (which keeps the read-ahead's buffers).
        Seed(u32),
    }

    /// Runs `op` on `rs` (read-ahead in use) and NumPy's way on `reference`, comparing
    /// every value and then the state.
    fn apply(rs: &mut RandomState, reference: &mut RandomState, op: &Op) {
        let what = format!("{op:?}");
        match *op {
            Op::Gauss(k) => {
                for i in 0..k {
                    let (a, b) = (rs.standard_normal(), ref_gauss(reference));
                    assert_eq!(a.to_bits(), b.to_bits(), "gaussian {i} of {what}");
                }
            }
            Op::Doubles(k) => {
                for _ in 0..k {
                    let (a, b) = (rs.random_sample(), reference.bitgen.next_f64());
                    assert_eq!(a.to_bits(), b.to_bits(), "{what}");
                }
            }
            Op::Words(k) => {
                for _ in 0..k {
                    assert_eq!(rs.bitgen.next_u32(), reference.bitgen.next_u32(), "{what}");
                }
            }
            Op::BulkNormal(k) => {
                let mut out = vec![0.0; k];
                rs.standard_normal_into(&mut out);
                for (i, v) in out.iter().enumerate() {
                    let want = ref_gauss(reference);
                    assert_eq!(v.to_bits(), want.to_bits(), "element {i} of {what}");
                }
            }
            Op::Bytes(k) => {
                assert_eq!(rs.bytes(k).unwrap(), reference.bytes(k).unwrap(), "{what}");
            }
            Op::BulkDoubles(k) => {
                let mut out = vec![0.0; k];
                rs.random_sample_into(&mut out);
                for v in out {
                    assert_eq!(v.to_bits(), reference.bitgen.next_f64().to_bits(), "{what}");
                }
            }
            Op::SetState(seed) => {
                let mut st = RandomState::new(seed).get_state();
                st.pos = rs.bitgen.pos();
                rs.set_state(&st).unwrap();
                reference.set_state(&st).unwrap();
            }
            Op::Clone => *rs = rs.clone(),
            Op::Seed(seed) => {
                rs.seed(seed);
                reference.seed(seed);
            }
        }
        assert_same_state(rs, reference, &what);
    }

    /// A streak of gaussians fills the read-ahead; then the generator moves by exactly
    /// one block of words, each way it can, and comes back to the position where the
    /// next read-ahead pair starts, in a new block: that pair must not be served.
    #[test]
    fn a_new_block_at_the_same_position_is_not_served_stale() {
        let whole_block = [
            Op::Words(N),
            Op::Bytes(4 * N),
            Op::Doubles(N / 2),
            Op::BulkDoubles(N / 2),
            Op::SetState(99),
        ];
        for start in starts() {
            for op in &whole_block {
                let (mut rs, mut reference) = (start.clone(), start.clone());
                for step in [Op::Gauss(41), op.clone(), Op::Gauss(41)] {
                    apply(&mut rs, &mut reference, &step);
                }
            }
        }
    }

    /// The bit generator handed out by `bit_generator_mut` may be replaced outright by a
    /// fresh one (whose generation count starts again): the read-ahead is dropped.
    #[test]
    fn a_replaced_bit_generator_is_not_served_stale() {
        // Both generators are built by `from_state` and never regenerate here, so their
        // generation counts agree and only the replacement can tell them apart.
        let key = |seed| *crate::Mt19937::new(seed).key();
        let mut rs =
            RandomState::from_bit_generator(crate::Mt19937::from_state(key(3), 0).unwrap());
        let mut reference = rs.clone();
        apply(&mut rs, &mut reference, &Op::Gauss(41));
        let other = crate::Mt19937::from_state(key(4), rs.bitgen.pos()).unwrap();
        assert_eq!(other.generation(), rs.bitgen.generation());
        *rs.bit_generator_mut() = other.clone();
        *reference.bit_generator_mut() = other;
        apply(&mut rs, &mut reference, &Op::Gauss(41));
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (0usize..200).prop_map(Op::Gauss),
            1 => (0usize..400).prop_map(Op::Doubles),
            1 => (0usize..1300).prop_map(Op::Words),
            1 => (0usize..700).prop_map(Op::BulkNormal),
            1 => (0usize..6000).prop_map(Op::Bytes),
            1 => (0usize..700).prop_map(Op::BulkDoubles),
            1 => any::<u32>().prop_map(Op::SetState),
            1 => Just(Op::Clone),
            1 => (0u32..4).prop_map(Op::Seed),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any mix of scalar gaussians and other draws: NumPy's values and state.
        #[test]
        fn any_mix_matches_numpys_loop(
            which in 0usize..81,
            ops in proptest::collection::vec(op(), 1..24),
        ) {
            let start = starts().swap_remove(which);
            let (mut rs, mut reference) = (start.clone(), start);
            for op in &ops {
                apply(&mut rs, &mut reference, op);
            }
        }
    }
}
