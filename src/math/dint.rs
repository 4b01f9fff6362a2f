//! CORE-MATH's `dint64_t` (the copy in src/binary64/sin/sin.c of its dint.h and pow.c;
//! MIT, see LICENSE-THIRD-PARTY.md): a 128-bit binary floating-point number, the
//! working precision of the accurate paths of `sin` and `cos`. Each operation is
//! written as CORE-MATH's C (the same truncations), so its error bounds hold.

use core::cmp::Ordering;

/// `(-1)^neg * r/2^128 * 2^ex`, with `r`'s top bit set when normalized (r = 0: zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Dint {
    pub(super) r: u128,
    pub(super) ex: i64,
    pub(super) neg: bool,
}

impl Dint {
    /// The table form of CORE-MATH: `(hi/2^64 + lo/2^128) * 2^ex`, negated if `neg`.
    pub(super) const fn new(hi: u64, lo: u64, ex: i64, neg: bool) -> Dint {
        Dint {
            r: ((hi as u128) << 64) | lo as u128,
            ex,
            neg,
        }
    }

    /// Zero, in the form that `to_f64` turns into 0.
    pub(super) const ZERO: Dint = Dint::new(0, 0, -1076, false);
    /// 2^-11.
    pub(super) const MAGIC: Dint = Dint::new(1 << 63, 0, -10, false);

    #[inline]
    pub(super) fn hi(&self) -> u64 {
        (self.r >> 64) as u64
    }

    #[inline]
    pub(super) fn lo(&self) -> u64 {
        self.r as u64
    }

    /// The value of a non-zero finite double, exactly (CORE-MATH's `dint_fromd`).
    pub(super) fn from_f64(b: f64) -> Dint {
        let bits = b.to_bits();
        let e = ((bits >> 52) & 0x7ff) as i64;
        let m = (bits & 0x000f_ffff_ffff_ffff) + if e != 0 { 1 << 52 } else { 0 };
        let t = i64::from(m.leading_zeros());
        Dint {
            r: u128::from(m << t) << 64,
            ex: e - 0x3fe - if t > 11 { t - 12 } else { 0 },
            neg: b < 0.0,
        }
    }

    /// Shifts `r` left until its top bit is set (zero stays zero).
    #[inline]
    pub(super) fn normalize(&mut self) {
        if self.r != 0 {
            let cnt = self.r.leading_zeros();
            self.r <<= cnt;
            self.ex -= i64::from(cnt);
        }
    }

    /// Compares |self| and |b| (zero below everything).
    fn cmp_abs(&self, b: &Dint) -> Ordering {
        match (self.hi() == 0, b.hi() == 0) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => self.ex.cmp(&b.ex).then(self.r.cmp(&b.r)),
        }
    }

    /// `a + b`, error at most 2 ulps (exact in the Sterbenz case).
    pub(super) fn add(a: &Dint, b: &Dint) -> Dint {
        if a.r == 0 {
            return *b;
        }
        let (a, b) = match a.cmp_abs(b) {
            Ordering::Equal => {
                if a.neg != b.neg {
                    return Dint::ZERO;
                }
                return Dint { ex: a.ex + 1, ..*a };
            }
            Ordering::Less => (b, a),
            Ordering::Greater => (a, b),
        };
        // Now |a| > |b|, so a.ex >= b.ex.
        let big = a.r;
        let k = (a.ex - b.ex) as u64;
        let small = if k < 128 { b.r >> k } else { 0 };
        let mut ex = a.ex;
        let mut c;
        if a.neg != b.neg {
            c = big.wrapping_sub(small);
            // c != 0 since |a| != |b|. (CORE-MATH counts the low word's zeros alone when
            // the high word is zero, which is the same count.)
            let mut shift = c.leading_zeros();
            if shift > 0 {
                // Recompute with the bits of b a plain shift would have lost.
                c = if k == 1 {
                    (big << shift).wrapping_sub(b.r << (shift - 1))
                } else {
                    (big << shift).wrapping_sub(small << shift)
                };
                ex -= i64::from(shift);
                shift = ((c >> 64) as u64).leading_zeros();
            }
            c <<= shift;
            ex -= i64::from(shift);
        } else {
            c = big.wrapping_add(small);
            if c < big {
                c = (1 << 127) | (c >> 1);
                ex += 1;
            }
        }
        Dint {
            r: c,
            ex,
            neg: a.neg,
        }
    }

    /// `a * b`, error at most 6 ulps (the low words' product is dropped).
    pub(super) fn mul(a: &Dint, b: &Dint) -> Dint {
        let (bh, bl) = (u128::from(b.hi()), u128::from(b.lo()));
        let m1 = u128::from(a.hi()) * bl;
        let m2 = u128::from(a.lo()) * bh;
        // No overflow: (2^64-1)^2 + 2 (2^64-1) = 2^128 - 1.
        let r = u128::from(a.hi()) * bh + (m1 >> 64) + (m2 >> 64);
        Dint::normalized_product(r, a, b)
    }

    /// `a * b` where b's low word is zero, error at most 2 ulps.
    pub(super) fn mul_21(a: &Dint, b: &Dint) -> Dint {
        let bh = u128::from(b.hi());
        let r = u128::from(a.hi()) * bh + ((u128::from(a.lo()) * bh) >> 64);
        Dint::normalized_product(r, a, b)
    }

    /// The product's mantissa `r` of two normalized numbers (top bit at 127 or 126),
    /// shifted so that bit 127 is set, with its exponent and sign.
    #[inline]
    fn normalized_product(r: u128, a: &Dint, b: &Dint) -> Dint {
        let top = (r >> 127) as i64;
        Dint {
            r: r << (1 - top),
            ex: a.ex + b.ex + top - 1,
            neg: a.neg != b.neg,
        }
    }

    /// The nearest double (ties as the 128 bits say), for a normalized value in the normal
    /// range of doubles: CORE-MATH's `dint_tod` in round-to-nearest. Its subnormal and
    /// overflow branches are left out: every caller here has 2^-64 < |value| <= 1 (sin
    /// and cos of a double never come closer to 0 than about 2^-62).
    pub(super) fn to_f64(self) -> f64 {
        debug_assert!(self.ex > -1022 && self.ex <= 1024);
        let hi = self.hi();
        let sign = u64::from(self.neg) << 63;
        // The top 53 bits as a double in [1, 2), plus the round and sticky bits as
        // 2^-53 and 2^-54: the addition then rounds as the full 128 bits would.
        let mut r = f64::from_bits((hi >> 11) | (0x3ff << 52) | sign);
        let mut rd = 0.0;
        if (hi >> 10) & 1 != 0 {
            rd += f64::from_bits(0x3ca0_0000_0000_0000); // 2^-53
        }
        if hi & 0x3ff != 0 || self.lo() != 0 {
            rd += f64::from_bits(0x3c90_0000_0000_0000); // 2^-54
        }
        if self.neg {
            rd = -rd;
        }
        r += rd;
        r * f64::from_bits((((self.ex + 1022) & 0x7ff) as u64) << 52)
    }
}
