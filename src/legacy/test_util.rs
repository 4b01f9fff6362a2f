//! Test helpers shared by the legacy family files (as rand_distr's `mod test`): starting
//! states around MT19937's block boundaries, bitwise state and value comparisons, and
//! NumPy's one-draw-at-a-time `legacy_gauss` as the reference the bulk paths are held to.

use super::RandomState;
use crate::math::np::NpMath;
use crate::mt19937::Mt19937;
use crate::prelude::*;

/// Output sizes around the block (624 words, 312 doubles) boundaries.
pub(crate) const SIZES: &[usize] = &[0, 1, 2, 3, 16, 17, 18, 311, 312, 313, 623, 624, 625, 10_000];

/// A generator `skip` words into the stream of `seed`, optionally with a cached
/// gaussian.
pub(crate) fn start(seed: u32, skip: usize, cached: Option<f64>) -> RandomState {
    let mut rs = RandomState::new(seed);
    for _ in 0..skip {
        rs.bitgen.next_u32();
    }
    if let Some(g) = cached {
        rs.has_gauss = true;
        rs.gauss = g;
    }
    rs
}

/// Starting states: fresh seeds (pos 624), odd and even positions next to the
/// block ends, a regenerated block at pos 0, with and without a cached gaussian.
pub(crate) fn starts() -> Vec<RandomState> {
    let mut v = Vec::new();
    for seed in [0u32, 1, 12345, 0xffff_ffff] {
        for skip in [0usize, 1, 2, 311, 312, 622, 623, 624, 625, 1247] {
            let seed = seed ^ skip as u32;
            v.push(start(seed, skip, None));
            v.push(start(seed, skip, Some(-1.25 - seed as f64)));
        }
    }
    let mt = Mt19937::new(77);
    let mut rs = RandomState::from_bit_generator(Mt19937::from_state(*mt.key(), 0).unwrap());
    rs.bitgen.next_u32();
    v.push(RandomState::from_bit_generator(
        Mt19937::from_state(*rs.bitgen.key(), 0).unwrap(),
    ));
    v
}

/// Same key, pos, has_gauss and gauss (bitwise).
#[track_caller]
pub(crate) fn assert_same_state(a: &RandomState, b: &RandomState, what: &str) {
    assert_eq!(a.bitgen.key(), b.bitgen.key(), "key: {what}");
    assert_eq!(a.bitgen.pos(), b.bitgen.pos(), "pos: {what}");
    assert_eq!(a.has_gauss, b.has_gauss, "has_gauss: {what}");
    assert_eq!(a.gauss.to_bits(), b.gauss.to_bits(), "gauss: {what}");
}

/// Bitwise equality of two f64 slices.
#[track_caller]
pub(crate) fn assert_bits(a: &[f64], b: &[f64], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}");
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert_eq!(x.to_bits(), y.to_bits(), "element {i}: {x} vs {y}: {what}");
    }
}

/// NumPy's `legacy_gauss`, one draw at a time (the reference).
pub(crate) fn ref_gauss(rs: &mut RandomState) -> f64 {
    if rs.has_gauss {
        let tmp = rs.gauss;
        rs.gauss = 0.0;
        rs.has_gauss = false;
        return tmp;
    }
    loop {
        let x1 = 2.0 * rs.bitgen.next_f64() - 1.0;
        let x2 = 2.0 * rs.bitgen.next_f64() - 1.0;
        let r2 = x1 * x1 + x2 * x2;
        if r2 < 1.0 && r2 != 0.0 {
            let f = (-2.0 * r2.np_log() / r2).sqrt();
            rs.gauss = f * x1;
            rs.has_gauss = true;
            return f * x2;
        }
    }
}
