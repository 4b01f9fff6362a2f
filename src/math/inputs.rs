//! Inputs for comparing `nprand::math` with the platform libm (glibc on Linux): shared by
//! the unit tests (10^5 draws), `examples/libm_verify.rs` and `examples/libm_verify2.rs`
//! (10^9 draws), which include this file by path so the generators stay in one place.

// `std::` paths: the unit tests link std even without the `std` feature, and the
// examples that include this file are std programs.
use std::{vec, vec::Vec};

/// SplitMix64: a small, seedable source of test inputs (no dependency needed).
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1), 53 random bits as NumPy's `random()`.
    pub fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// NumPy's `next_double`: 53 random bits in [0, 1).
    pub fn next_double(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `x`'s bit pattern moved by a random signed offset below `2^bits` (clamped to the
    /// same sign).
    pub fn near(&mut self, x: f64, bits: u32) -> f64 {
        let off = self.next_u64() & ((1u64 << bits) - 1);
        let b = x.to_bits();
        let moved = if self.next_u64() & 1 == 0 {
            b.saturating_add(off)
        } else {
            b.saturating_sub(off)
        };
        f64::from_bits(moved)
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// A random double with a random sign and exponent in [lo_exp, hi_exp] (within -1022..=1023): covers
    /// small arguments at every scale.
    pub fn scaled(&mut self, lo_exp: i32, hi_exp: i32) -> f64 {
        let bits = self.next_u64();
        let span = (hi_exp - lo_exp + 1) as u64;
        let e = lo_exp + ((bits >> 53) % span) as i32;
        let v = f64::from_bits(((e + 1023) as u64) << 52 | (bits & 0x000f_ffff_ffff_ffff));
        if bits & (1 << 52) != 0 {
            -v
        } else {
            v
        }
    }

    /// Any bit pattern: every exponent, subnormals, infinities and NaNs.
    pub fn any_bits(&mut self) -> f64 {
        f64::from_bits(self.next_u64())
    }

    /// A double whose high word is within 2 of one of `words` and whose low word is
    /// random: hits fdlibm's high-word thresholds from both sides.
    pub fn near_high_word(&mut self, words: &[u32]) -> f64 {
        let r = self.next_u64();
        let hi = words[(r % words.len() as u64) as usize];
        let hi = (hi + ((r >> 32) % 5) as u32).wrapping_sub(2);
        f64::from_bits((u64::from(hi) << 32) | (self.next_u64() & 0xffff_ffff))
    }
}

/// The IEEE special values, each followed by its neighbours, plus `thresholds` and the
/// three doubles either side of each.
pub fn special_values(thresholds: &[f64]) -> Vec<f64> {
    let mut base = vec![
        0.0,
        f64::from_bits(1),
        f64::from_bits(0x000f_ffff_ffff_ffff),
        f64::MIN_POSITIVE,
        1.0,
        2.0,
        f64::MAX,
        f64::INFINITY,
        f64::NAN,
    ];
    base.extend_from_slice(thresholds);
    let mut out = Vec::new();
    for &t in &base {
        for v in [t, -t] {
            let b = v.to_bits();
            for d in 0..=3u64 {
                out.push(f64::from_bits(b.wrapping_add(d)));
                out.push(f64::from_bits(b.wrapping_sub(d)));
            }
        }
    }
    out
}

/// Thresholds of `log1p` (sqrt(2)-1, 1-sqrt(2)/2, 2^-29, 2^-54, 2^53, -1) for
/// [`special_values`].
pub const LOG1P_THRESHOLDS: [f64; 6] = [
    0.414_213_562_373_095_1,
    0.292_893_218_813_452_4,
    1.862_645_149_230_957e-9,
    5.551_115_123_125_783e-17,
    9_007_199_254_740_992.0,
    1.0,
];

/// Thresholds of `expm1` (ln2/2, 1.5 ln2, 56 ln2, the overflow bound, 2^-54, ln2).
pub const EXPM1_THRESHOLDS: [f64; 6] = [
    0.346_573_590_279_972_6,
    1.039_720_770_839_917_9,
    38.816_242_111_356_935,
    709.782_712_893_384,
    5.551_115_123_125_783e-17,
    core::f64::consts::LN_2,
];

/// Thresholds of `acos` (1/2, 1, and the tiny bound 0x1.cb3b399d747f2p-55).
pub const ACOS_THRESHOLDS: [f64; 3] = [0.5, 1.0, 4.979_680_656_009_903e-17];

/// One `acos` input: [-1, 1] as vonmises uses it, near ±1 and ±1/2, small, any bits.
pub fn acos_input(rng: &mut SplitMix) -> f64 {
    match rng.next_u64() % 8 {
        0..=2 => rng.range(-1.0, 1.0),
        3 => {
            let d = rng.scaled(-60, -1).abs();
            if rng.next_u64() & 1 == 0 {
                1.0 - d
            } else {
                d - 1.0
            }
        }
        4 => rng.scaled(-60, -1),
        5 => rng.near_high_word(&[0x3fe0_0000, 0xbfe0_0000, 0x3fef_ffff, 0xbfef_ffff]),
        6 => f64::from_bits(rng.next_u64() & 0xbfef_ffff_ffff_ffff),
        _ => rng.any_bits(),
    }
}

/// High words `log1p` branches on (fdlibm's thresholds).
const LOG1P_WORDS: [u32; 6] = [
    0x3fda_827a,
    0xbfd2_bec4,
    0x3e20_0000,
    0xbe20_0000,
    0x3c90_0000,
    0x4340_0000,
];

/// High words `expm1` branches on, both signs.
const EXPM1_WORDS: [u32; 8] = [
    0x3fd6_2e42,
    0x3ff0_a2b2,
    0x4043_687a,
    0x4086_2e42,
    0x3c90_0000,
    0xbfd6_2e42,
    0xbff0_a2b2,
    0xc043_687a,
];

/// One `log1p` input, drawn from the shapes NumPy's kernels use (`log1p(-u)`,
/// `log1p(-p)`), small arguments, the reduction thresholds, and any bit pattern.
pub fn log1p_input(rng: &mut SplitMix) -> f64 {
    match rng.next_u64() % 8 {
        0 | 1 => -rng.unit(),
        2 => rng.unit(),
        3 => rng.scaled(-70, 0),
        4 => rng.range(-1.0, 10.0),
        5 => rng.near_high_word(&LOG1P_WORDS),
        _ => rng.any_bits(),
    }
}

/// One `expm1` input: [-40, 710], [-1, 1], small arguments, the thresholds, any bits.
pub fn expm1_input(rng: &mut SplitMix) -> f64 {
    match rng.next_u64() % 8 {
        0 | 1 => rng.range(-40.0, 710.0),
        2 => rng.range(-1.0, 1.0),
        3 => rng.scaled(-60, 3),
        4 => rng.range(-800.0, 800.0),
        5 => rng.near_high_word(&EXPM1_WORDS),
        _ => rng.any_bits(),
    }
}
