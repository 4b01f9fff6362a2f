//! Argument reduction of CORE-MATH's `cr_sin` and `cr_cos` (src/binary64/sin/sin.c,
//! Copyright (c) 2022-2023 Paul Zimmermann and Tom Hubrecht, MIT licence; see
//! LICENSE-THIRD-PARTY.md): x/(2 pi) mod 1, split as i/2^11 + r, with 1/(2 pi) to
//! 1280 bits (Payne-Hanek) so huge arguments reduce as accurately as small ones.

use super::dd::a_mul;
use super::dint::Dint;
use super::sin_cos_data::T;
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::{CoreFloat, CoreMulAdd};

/// The high and low 64-bit words of a 128-bit product.
#[inline]
fn mul_words(a: u64, b: u64) -> (u64, u64) {
    let u = u128::from(a) * u128::from(b);
    ((u >> 64) as u64, u as u64)
}

/// For 0x1.7137449123ef6p-27 < x < inf (CORE-MATH's `reduce_fast`): `(i, h, l, err1)`
/// with i/2^11 + h + l ~ frac(x/(2 pi)), 0 <= i < 2^11, |h| < 2^-11 (up to rounding of the
/// last step), |l| < 2^-52.36, and `err1` a bound on the absolute error.
#[inline(always)]
pub(super) fn reduce_fast(x: f64) -> (usize, f64, f64, f64) {
    let (h, l, err1);
    if x <= f64::from_bits(0x4019_21fb_5444_2d17) {
        // x < 2 pi: multiply by CH + CL ~ 1/(2 pi) (error < 2^-110.5).
        const CH: f64 = f64::from_bits(0x3fc4_5f30_6dc9_c883);
        const CL: f64 = f64::from_bits(0xbc66_b01e_c541_7056);
        let (ph, pl) = a_mul(CH, x);
        h = ph;
        l = CL.mul_add(x, pl);
        // Relative error < 2^-104.116.
        err1 = f64::from_bits(0x396d_9000_0000_0000) * h;
    } else {
        let bits = x.to_bits();
        let mut e = ((bits >> 52) & 0x7ff) as i64; // 1025 <= e <= 2046
        let m = (1 << 52) | (bits & 0x000f_ffff_ffff_ffff);
        // x = m/2^53 * 2^(e-1022); only the words of m/(2 pi) with a fractional part
        // matter, the ones before are integers and those after below 2^-76.
        let (mut c0, mut c1, c2);
        if e <= 1074 {
            // 2^2 <= x < 2^52: m (T[0]/2^64 + T[1]/2^128).
            let (u1, u0) = mul_words(m, T[1]);
            c0 = u0;
            let (v1, v0) = mul_words(m, T[0]);
            c1 = u1.wrapping_add(v0);
            c2 = v1 + u64::from(c1 < v0);
            e = 1075 - e; // 1 <= e <= 50 low bits of c2 are fractional
        } else {
            // 2^52 <= x < 2^1024: start at the first T word with a fractional part.
            let i = ((e - 1138 + 63) / 64) as usize; // 0 <= i <= 15
            let (u1, u0) = mul_words(m, T[i + 2]);
            c0 = u0;
            let (v1, v0) = mul_words(m, T[i + 1]);
            c1 = u1.wrapping_add(v0);
            let carry = v1 + u64::from(c1 < v0);
            c2 = carry.wrapping_add(m.wrapping_mul(T[i]));
            e = 1139 + ((i as i64) << 6) - e; // 1 <= e <= 64
        }
        if e == 64 {
            c0 = c1;
            c1 = c2;
        } else {
            c0 = (c1 << (64 - e)) | (c0 >> e);
            c1 = (c2 << (64 - e)) | (c1 >> e);
        }
        (h, l) = set_dd(c1, c0);
        err1 = f64::from_bits(0x3b30_1000_0000_0000); // 0x1.01p-76
    }
    let i = (h * 2048.0).floor();
    (i as usize, i.mul_add(-1.0 / 2048.0, h), l, err1)
}

/// `c1/2^64 + c0/2^128` as a double-double, truncated (CORE-MATH's `set_dd`).
fn set_dd(c1: u64, c0: u64) -> (f64, f64) {
    if c1 != 0 {
        let e = u64::from(c1.leading_zeros());
        let (c1, c0) = if e != 0 {
            ((c1 << e) | (c0 >> (64 - e)), c0 << e)
        } else {
            (c1, c0)
        };
        let f = 0x3fe - e;
        let h = f64::from_bits((f << 52) | ((c1 << 1) >> 12));
        let c0 = (c1 << 53) | (c0 >> 11);
        let l = if c0 != 0 {
            let g = u64::from(c0.leading_zeros());
            let c0 = c0 << g;
            f64::from_bits(((f - 53 - g) << 52) | ((c0 << 1) >> 12))
        } else {
            0.0
        };
        (h, l)
    } else if c0 != 0 {
        // Not reached for doubles (frac(x/(2 pi)) >= 2^-62 for every double x), kept as
        // CORE-MATH has it, with the shift of a lone leading bit out made explicit.
        let e = u64::from(c0.leading_zeros());
        let f = 0x3fe - 64 - e;
        let c0 = c0.checked_shl(e as u32 + 1).unwrap_or(0);
        let h = f64::from_bits((f << 52) | (c0 >> 12));
        let c0 = c0 << 52;
        let l = if c0 != 0 {
            let g = u64::from(c0.leading_zeros());
            let c0 = c0 << (g + 1);
            f64::from_bits(((f - 64 - g) << 52) | (c0 >> 12))
        } else {
            0.0
        };
        (h, l)
    } else {
        (0.0, 0.0)
    }
}

/// x/(2 pi) mod 1 for a normalized x (CORE-MATH's `reduce`), normalized, relative error
/// below 2^-126.67.
pub(super) fn reduce(x: &mut Dint) {
    let e = x.ex;
    let hi = x.hi();
    if e <= 1 {
        // |x| < 2: multiply by T[0]/2^64 + T[1]/2^128 (error < 2^-130.22).
        let (u1, tiny) = mul_words(hi, T[1]);
        let (v1, v0) = mul_words(hi, T[0]);
        let lo = u1.wrapping_add(v0);
        let hi = v1 + u64::from(lo < v0);
        x.r = (u128::from(hi) << 64) | u128::from(lo);
        // hi >= 2^60: the shift is at most 3 bits, filled from `tiny`.
        let e0 = x.ex;
        x.normalize();
        let d = e0 - x.ex;
        if d != 0 {
            x.r |= u128::from(tiny >> (64 - d));
        }
        return;
    }
    // 2 <= e <= 1024: hi * T[i] / 2^128 is scaled by 2^(e - 64 i); only the words with
    // -127 <= e - 64 i <= 127 contribute to the fraction.
    let i = if e < 127 {
        0
    } else {
        ((e - 127 + 64 - 1) / 64) as usize
    }; // 0 <= i <= 15
    let mut c = [0u64; 5];
    let (u1, u0) = mul_words(hi, T[i + 3]);
    c[0] = u0;
    c[1] = u1;
    for (k, &t) in [T[i + 2], T[i + 1], T[i]].iter().enumerate() {
        let (u1, u0) = mul_words(hi, t);
        c[k + 1] = c[k + 1].wrapping_add(u0);
        c[k + 2] = u1 + u64::from(c[k + 1] < u0);
    }
    let f = e - 64 * i as i64; // hi * T[i] / 2^128 is scaled by 2^f
    let (xh, xl, tiny);
    if f < 64 {
        // 2 <= f <= 63
        xh = (c[4] << f) | (c[3] >> (64 - f));
        xl = (c[3] << f) | (c[2] >> (64 - f));
        tiny = (c[2] << f) | (c[1] >> (64 - f));
    } else if f == 64 {
        xh = c[3];
        xl = c[2];
        tiny = c[1];
    } else {
        // 65 <= f <= 127: one more word of 1/(2 pi).
        let g = f - 64;
        let (u, _) = mul_words(hi, T[i + 4]);
        c[0] = c[0].wrapping_add(u);
        let carry = c[0] < u;
        c[1] = c[1].wrapping_add(u64::from(carry));
        c[2] = c[2].wrapping_add(u64::from(carry && c[1] == 0));
        c[3] = c[3].wrapping_add(u64::from(carry && c[1] == 0 && c[2] == 0));
        xh = (c[3] << g) | (c[2] >> (64 - g));
        xl = (c[2] << g) | (c[1] >> (64 - g));
        tiny = (c[1] << g) | (c[0] >> (64 - g));
    }
    x.r = (u128::from(xh) << 64) | u128::from(xl);
    x.ex = 0;
    x.normalize();
    // CORE-MATH's worst case is ex = -61 (|x| = 0x1.6ac5b262ca1ffp+851): fill the bits
    // the shift opened from `tiny`.
    if x.ex < 0 && x.ex > -64 {
        x.r |= u128::from(tiny >> (64 + x.ex));
    }
}

/// Splits x (0 <= x < 1) exactly into i/2^11 + x' with 0 <= x' < 2^-11, returning i
/// (CORE-MATH's `reduce2`).
pub(super) fn reduce2(x: &mut Dint) -> usize {
    if x.ex <= -11 {
        return 0;
    }
    let sh = 64 - 11 - x.ex; // 53 <= sh <= 63
    let i = (x.hi() >> sh) as usize;
    x.r &= (1u128 << (64 + sh)) - 1;
    x.normalize();
    i
}
