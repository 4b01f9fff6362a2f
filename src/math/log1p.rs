//! `log1p`, bit-identical to glibc 2.36's x86-64 `log1p` on FMA hardware.
//!
//! Ported from fdlibm's `s_log1p.c` (FreeBSD msun), whose notice follows:
//!
//! Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//!
//! Developed at SunPro, a Sun Microsystems, Inc. business.
//! Permission to use, copy, modify, and distribute this
//! software is freely granted, provided that this notice
//! is preserved.
//!
//! glibc's `log1p` is the same algorithm with the same constants; three things make its
//! x86-64 results differ from a plain port, all found from its machine code and
//! confirmed by `examples/libm_verify2.rs` (0 mismatches in 10^9 inputs):
//! - the polynomial is evaluated in pairs of powers of z, not by Horner's rule;
//! - its `log1p` is an ifunc that, on CPUs with FMA and AVX2 (the machines NumPy's
//!   fixtures come from), runs a copy built with `-mfma -mavx2`, where GCC contracts
//!   `a*b + c` into fused multiply-adds: the `mul_add` calls below are exactly those
//!   fused operations (an unfused evaluation differs in the last bit);
//! - the reduction is taken for the high word 0xbfd2bec4 itself (msun: from the next).

use super::words::{high_word, with_high_word};
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreMulAdd;

/// ln(2) split so that `k * LN2_HI` is exact for |k| < 2000.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
/// 2^54: `-TWO54 / 0` is fdlibm's way of producing -inf for log1p(-1).
const TWO54: f64 = f64::from_bits(0x4350_0000_0000_0000);
/// Remez coefficients of R(z) ~ log(1+s) - log(1-s) - 2s in z = s^2 (fdlibm's Lp1..Lp7).
const LP1: f64 = f64::from_bits(0x3fe5_5555_5555_5593);
const LP2: f64 = f64::from_bits(0x3fd9_9999_9997_fa04);
const LP3: f64 = f64::from_bits(0x3fd2_4924_9422_9359);
const LP4: f64 = f64::from_bits(0x3fcc_71c5_1d8e_78af);
const LP5: f64 = f64::from_bits(0x3fc7_4664_96cb_03de);
const LP6: f64 = f64::from_bits(0x3fc3_9a09_d078_c69f);
const LP7: f64 = f64::from_bits(0x3fc2_f112_df3e_5244);
/// The double nearest 2/3, as the C literal `0.66666666666666666` rounds.
const TWO_THIRDS: f64 = f64::from_bits(0x3fe5_5555_5555_5555);

fma_multiversion! {
    /// `ln(1 + x)`, accurate for small `x`, with glibc's exact results.
    ///
    /// Port of fdlibm/FreeBSD msun `s_log1p.c` (Copyright (C) 1993 Sun Microsystems,
    /// permissive licence, see LICENSE-THIRD-PARTY.md), with the fused multiply-adds and
    /// evaluation order of glibc's x86-64 FMA build, so the result equals
    /// `f64::ln_1p` on Linux/glibc (x86-64 with FMA) bit for bit, on any platform.
    /// Special values follow IEEE: `log1p(-1) = -inf`, `log1p(x < -1) = NaN`,
    /// `log1p(+inf) = +inf`, `log1p(±0) = ±0`.
    ///
    /// ```
    /// use nprand::math::log1p;
    /// assert_eq!(log1p(0.0), 0.0);
    /// assert_eq!(log1p(-1.0), f64::NEG_INFINITY);
    /// assert!(log1p(-2.0).is_nan());
    /// assert_eq!(log1p(1e-300), 1e-300);
    /// assert!((log1p(1.0) - std::f64::consts::LN_2).abs() < 1e-16);
    /// ```
    #[must_use]
    pub fn log1p / log1p_portable(x: f64) -> f64 {
        let hx = high_word(x);
        let ax = hx & 0x7fff_ffff;

        // k = 0 means 1+x is already in [sqrt(2)/2, sqrt(2)) and f = x exactly; otherwise
        // 1+x is reduced to 2^k (1+f) below, with a correction c for the rounding of 1+x.
        let mut k = 1;
        let mut f = x;
        let mut hu = 1;
        let mut c = 0.0;
        if hx < 0x3fda_827a {
            // 1+x < sqrt(2)+
            if ax >= 0x3ff0_0000 {
                // x <= -1 (or a NaN with the sign bit set)
                if x == -1.0 {
                    return -TWO54 / 0.0;
                }
                // fdlibm's invalid-operation NaN, with the hardware's default NaN bits as
                // glibc gets them (a NaN argument comes back quieted).
                #[allow(clippy::eq_op)]
                return (x - x) / (x - x);
            }
            if ax < 0x3e20_0000 {
                // |x| < 2^-29: two terms of the series suffice.
                if ax < 0x3c90_0000 {
                    return x;
                }
                // glibc's FMA build: x - (x*x)*0.5 as one fnmadd.
                return (x * x).mul_add(-0.5, x);
            }
            // sqrt(2)/2- <= 1+x < sqrt(2)+. glibc's build takes the reduction for
            // hx == 0xbfd2bec4 itself, one word beyond msun's bound (seen in its machine code):
            // there 1+x is rounded and, k ending at 0, the correction c is dropped.
            if hx > 0 || hx < 0xbfd2_bec4_u32 as i32 {
                k = 0;
            }
        }
        if hx >= 0x7ff0_0000 {
            // +inf or a NaN with the sign bit clear.
            return x + x;
        }
        if k != 0 {
            let u;
            if hx < 0x4340_0000 {
                u = 1.0 + x;
                hu = high_word(u);
                k = (hu >> 20) - 1023;
                c = if k > 0 { 1.0 - (u - x) } else { x - (u - 1.0) };
                c /= u;
            } else {
                // x >= 2^53: 1+x == x and the correction is zero.
                u = x;
                hu = hx;
                k = (hu >> 20) - 1023;
            }
            hu &= 0x000f_ffff;
            let u_norm = if hu < 0x6a09e {
                // u ~< sqrt(2): normalise u to [1, sqrt(2)).
                with_high_word(u, hu | 0x3ff0_0000)
            } else {
                // normalise u/2 to [sqrt(2)/2, 1).
                k += 1;
                let v = with_high_word(u, hu | 0x3fe0_0000);
                hu = (0x0010_0000 - hu) >> 2;
                v
            };
            f = u_norm - 1.0;
        }
        let hfsq = 0.5 * f * f;
        let dk = f64::from(k);
        if hu == 0 {
            // |f| < 2^-20
            if f == 0.0 {
                if k == 0 {
                    return 0.0;
                }
                return dk.mul_add(LN2_HI, dk.mul_add(LN2_LO, c));
            }
            let r = hfsq * f.mul_add(-TWO_THIRDS, 1.0);
            if k == 0 {
                return f - r;
            }
            return dk.mul_add(LN2_HI, -((r - dk.mul_add(LN2_LO, c)) - f));
        }
        let s = f / (2.0 + f);
        let z = s * s;
        // glibc's build evaluates Lp1 z + ... + Lp7 z^7 in pairs of powers:
        // ((z Lp1 + z^2 (Lp2 + z Lp3)) + z^4 (Lp4 + z Lp5)) + z^6 (Lp6 + z Lp7).
        let z2 = z * z;
        let z4 = z2 * z2;
        let z6 = z2 * z4;
        let r = z6.mul_add(
            z.mul_add(LP7, LP6),
            z4.mul_add(
                z.mul_add(LP5, LP4),
                z.mul_add(LP1, z2 * z.mul_add(LP3, LP2)),
            ),
        );
        let sr = s * (hfsq + r);
        if k == 0 {
            return f - (hfsq - sr);
        }
        dk.mul_add(LN2_HI, -((hfsq - (dk.mul_add(LN2_LO, c) + sr)) - f))
    }
}
