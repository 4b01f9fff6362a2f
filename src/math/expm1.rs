//! `expm1`, bit-identical to glibc 2.36's x86-64 `expm1` on FMA hardware.
//!
//! Ported from fdlibm's `s_expm1.c` (FreeBSD msun), whose notice follows:
//!
//! Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//!
//! Developed at SunPro, a Sun Microsystems, Inc. business.
//! Permission to use, copy, modify, and distribute this
//! software is freely granted, provided that this notice
//! is preserved.
//!
//! glibc's `expm1` is the same algorithm with the same constants; what makes its x86-64
//! results differ from a plain port, found from its machine code and confirmed by
//! `examples/libm_verify2.rs` (0 mismatches in 10^9 inputs):
//! - the polynomial in x^2/2 is evaluated in pairs of powers, not by Horner's rule;
//! - its `expm1` is an ifunc that, on CPUs with FMA and AVX2 (the machines NumPy's
//!   fixtures come from), runs a copy built with `-mfma -mavx2`, where GCC contracts
//!   `a*b + c` into fused multiply-adds: the `mul_add` calls below are exactly those
//!   fused operations; the rounding of `k` (`x/ln2 ± 0.5`) is *not* fused there;
//! - 2^k scaling adds k to the exponent field (equal to msun's multiply for the normal
//!   results reached).

use super::words::{from_high_word, high_word};
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreMulAdd;

const O_THRESHOLD: f64 = f64::from_bits(0x4086_2e42_fefa_39ef);
/// ln(2) split so that `k * LN2_HI` is exact for the k reached here.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
const INV_LN2: f64 = f64::from_bits(0x3ff7_1547_652b_82fe);
/// fdlibm's `tiny`: `TINY - 1` is -1 with the inexact flag raised.
const TINY: f64 = 1.0e-300;
/// Scaled Remez coefficients of R1(2z), z = x*x/2 (fdlibm's Q1..Q5).
const Q1: f64 = f64::from_bits(0xbfa1_1111_1111_10f4);
const Q2: f64 = f64::from_bits(0x3f5a_01a0_19fe_5585);
const Q3: f64 = f64::from_bits(0xbf14_ce19_9eaa_dbb7);
const Q4: f64 = f64::from_bits(0x3ed0_cfca_86e6_5239);
const Q5: f64 = f64::from_bits(0xbe8a_fdb7_6e09_c32d);

/// `y * 2^k` for the normal results reached here, done as glibc's build does it: by
/// adding `k` to the exponent field of `y`'s high word.
#[inline(always)]
fn add_exponent(y: f64, k: i32) -> f64 {
    let hi = ((y.to_bits() >> 32) as u32).wrapping_add((k as u32) << 20);
    f64::from_bits((u64::from(hi) << 32) | (y.to_bits() & 0xffff_ffff))
}

fma_multiversion! {
    /// `e^x - 1`, accurate for small `x`, with glibc's exact results.
    ///
    /// Port of fdlibm/FreeBSD msun `s_expm1.c` (Copyright (C) 1993 Sun Microsystems,
    /// permissive licence, see LICENSE-THIRD-PARTY.md), with the fused multiply-adds,
    /// evaluation order and scaling of glibc's x86-64 FMA build, so the result equals
    /// `f64::exp_m1` on Linux/glibc (x86-64 with FMA) bit for bit, on any platform.
    /// Special values: `expm1(±0) = ±0`, `expm1(+inf) = +inf`, `expm1(-inf) = -1`,
    /// `expm1(NaN) = NaN`, and `+inf` above 709.78 (overflow).
    ///
    /// ```
    /// use nprand::math::expm1;
    /// assert_eq!(expm1(0.0), 0.0);
    /// assert_eq!(expm1(f64::NEG_INFINITY), -1.0);
    /// assert_eq!(expm1(1000.0), f64::INFINITY);
    /// assert_eq!(expm1(1e-300), 1e-300);
    /// assert!((expm1(1.0) - (std::f64::consts::E - 1.0)).abs() < 1e-15);
    /// ```
    #[must_use]
    pub fn expm1 / expm1_portable(x: f64) -> f64 {
        let hx_signed = high_word(x);
        let negative = hx_signed < 0;
        let hx = hx_signed & 0x7fff_ffff;

        // Huge and non-finite arguments.
        if hx >= 0x4043_687a {
            // |x| >= 56 ln2
            if hx >= 0x4086_2e42 {
                // |x| >= 709.78...
                if hx >= 0x7ff0_0000 {
                    if x.is_nan() {
                        return x + x;
                    }
                    return if negative { -1.0 } else { x };
                }
                if x > O_THRESHOLD {
                    return f64::INFINITY;
                }
            }
            if negative {
                // x < -56 ln2: e^x is below half an ulp of 1.
                return TINY - 1.0;
            }
        }

        // Argument reduction: x = k ln2 + r, |r| <= ln2/2, with c correcting r's rounding.
        let (r, c, k);
        if hx > 0x3fd6_2e42 {
            // |x| > ln2/2
            let (hi, lo);
            if hx < 0x3ff0_a2b2 {
                // and |x| < 1.5 ln2
                if negative {
                    (hi, lo, k) = (x + LN2_HI, -LN2_LO, -1);
                } else {
                    (hi, lo, k) = (x - LN2_HI, LN2_LO, 1);
                }
            } else {
                // Rounded to nearest by truncating x/ln2 ± 0.5 (multiply and add not fused).
                k = (INV_LN2 * x + if negative { -0.5 } else { 0.5 }) as i32;
                let t = f64::from(k);
                hi = t.mul_add(-LN2_HI, x);
                lo = t * LN2_LO;
            }
            r = hi - lo;
            c = (hi - r) - lo;
        } else if hx < 0x3c90_0000 {
            // |x| < 2^-54: expm1(x) rounds to x.
            return x;
        } else {
            (r, c, k) = (x, 0.0, 0);
        }

        // r is now in the primary range.
        let hfx = r * 0.5;
        let hxs = r * hfx;
        let h2 = hxs * hxs;
        let h4 = h2 * h2;
        // glibc's build: (1 + hxs Q1 + hxs^2 (Q2 + hxs Q3)) + hxs^4 (Q4 + hxs Q5).
        let r1 = h4.mul_add(
            hxs.mul_add(Q5, Q4),
            h2.mul_add(hxs.mul_add(Q3, Q2), hxs.mul_add(Q1, 1.0)),
        );
        let t = r1.mul_add(-hfx, 3.0);
        let e = hxs * ((r1 - t) / r.mul_add(-t, 6.0));
        if k == 0 {
            return r - e.mul_add(r, -hxs);
        }
        let e = (e - c).mul_add(r, -c) - hxs;
        if k == -1 {
            return (r - e).mul_add(0.5, -0.5);
        }
        if k == 1 {
            if r < -0.25 {
                return -2.0 * (e - (r + 0.5));
            }
            return (r - e).mul_add(2.0, 1.0);
        }
        if k <= -2 || k > 56 {
            // 2^k (1 + expm1(r)) - 1 loses nothing here.
            let y = 1.0 - (e - r);
            return add_exponent(y, k) - 1.0;
        }
        let y = if k < 20 {
            // 2^k ((1 - 2^-k) + expm1(r))
            from_high_word(0x3ff0_0000 - (0x0020_0000 >> k)) - (e - r)
        } else {
            // 2^k (1 + (expm1(r) - 2^-k))
            (r - (e + from_high_word((0x3ff - k) << 20))) + 1.0
        };
        add_exponent(y, k)
    }
}
