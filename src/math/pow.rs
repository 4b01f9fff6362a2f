//! `pow`, ported from ARM optimized-routines `math/pow.c` (MIT OR Apache-2.0 WITH
//! LLVM-exception, Copyright (c) 2018 Arm Limited), the code glibc 2.36 runs as
//! `__ieee754_pow_fma` on x86-64 CPUs with FMA and AVX2.
//!
//! Method: `x^y = exp(y log(x))`, with `log(x)` computed to about 68 bits as `hi + lo`
//! (128-entry table, degree-8 polynomial), `y log(x)` as `ehi + elo` by an exact product,
//! and the exp step of [`super::exp`] taking the tail. Every `mul_add` is an FMA of glibc's
//! `-mfma` build (read off its disassembly), including ARM's explicit `HAVE_FAST_FMA` forms.

use super::exp::{exp_reduce, special_case};
use super::log::split;
use super::math_err::{add, divzero, invalid, oflow, quiet, uflow};
use super::pow_log_data::{LN2HI, LN2LO, POLY as A, TAB};
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreMulAdd;

/// Bits of 0x1.6955p-1: subtracted so the table index and `k` come from one shift each.
const OFF: u64 = 0x3fe6_9555_0000_0000;
/// Bits of `1.0`.
const ONE: u64 = 0x3ff0_0000_0000_0000;
/// Bits of `+inf`.
const INF: u64 = 0x7ff0_0000_0000_0000;
/// Added to `k` before it becomes the scale's exponent: sets the sign bit of the result.
const SIGN_BIAS: u64 = 0x800 << 7;

fma_multiversion! {
    /// `x^y` bit for bit as glibc 2.36 computes it on x86-64 with FMA (`__pow_fma`), from ARM
    /// optimized-routines `math/pow.c`; see [`crate::math`]. The C99 special cases hold:
    /// `pow(x, ±0) = 1` and `pow(1, y) = 1` even for NaN, `pow(-8, 1/3)` is NaN, a negative base
    /// with an odd integer exponent keeps its sign.
    ///
    /// ```
    /// use nprand::math::pow;
    /// assert_eq!(pow(2.0, 10.0), 1024.0);
    /// assert_eq!(pow(-2.0, 3.0), -8.0);
    /// assert_eq!(pow(f64::NAN, 0.0), 1.0);
    /// assert!(pow(-8.0, 1.0 / 3.0).is_nan());
    /// assert_eq!(pow(0.0, -1.0), f64::INFINITY);
    /// ```
    #[must_use]
    pub fn pow / pow_portable(x: f64, y: f64) -> f64 {
        let mut sign_bias = 0;
        let mut ix = x.to_bits();
        let iy = y.to_bits();
        let mut topx = (ix >> 52) as u32;
        let topy = (iy >> 52) as u32;
        if topx.wrapping_sub(0x001) >= 0x7ff - 0x001 || (topy & 0x7ff).wrapping_sub(0x3be) >= 0x80 {
            // Special cases: x < 0x1p-1022 (negative x included), inf or NaN; or |y| < 2^-65,
            // |y| >= 2^63, or y NaN.
            if zero_inf_nan(iy) {
                return pow_y_zero_inf_nan(x, y);
            }
            if zero_inf_nan(ix) {
                // x is ±0, ±inf or NaN (a NaN's sign counts as its sign, as in glibc).
                // x * x; for NaN x, x86 returns x made quiet.
                let mut x2 = if x.is_nan() { quiet(x) } else { x * x };
                let mut negative = false;
                if ix >> 63 != 0 && check_int(iy) == 1 {
                    x2 = -x2;
                    negative = true;
                }
                if ix << 1 == 0 && iy >> 63 != 0 {
                    return divzero(negative);
                }
                return if iy >> 63 != 0 { 1.0 / x2 } else { x2 };
            }
            // x and y are finite and non-zero.
            if ix >> 63 != 0 {
                // x < 0: only integer y has a real result, odd y a negative one.
                match check_int(iy) {
                    0 => return invalid(x),
                    1 => sign_bias = SIGN_BIAS,
                    _ => {}
                }
                ix &= 0x7fff_ffff_ffff_ffff;
                topx &= 0x7ff;
            }
            if (topy & 0x7ff).wrapping_sub(0x3be) >= 0x80 {
                // |y| < 2^-65 or |y| >= 2^63 (y is even then, so sign_bias is 0).
                if ix == ONE {
                    return 1.0;
                }
                if topy & 0x7ff < 0x3be {
                    // x^y ~= 1 + y log(x), rounded the right way.
                    return if ix > ONE { 1.0 + y } else { 1.0 - y };
                }
                return if (ix > ONE) == (topy < 0x800) {
                    oflow(false)
                } else {
                    uflow(false)
                };
            }
            if topx == 0 {
                // Subnormal x: normalise, leaving a negative exponent in the bits.
                ix = ((x * f64::from_bits(0x4330_0000_0000_0000)).to_bits() & 0x7fff_ffff_ffff_ffff)
                    .wrapping_sub(52 << 52);
            }
        }
        let (hi, lo) = log_inline(ix);
        // ehi + elo = y * (hi + lo), the product's error recovered by an FMA.
        let ehi = y * hi;
        let elo = y.mul_add(lo, hi.mul_add(y, -ehi));
        exp_inline(ehi, elo, sign_bias)
    }
}

/// The branch of ARM's `pow` for `y` = ±0, ±inf or NaN.
fn pow_y_zero_inf_nan(x: f64, y: f64) -> f64 {
    let (ix, iy) = (x.to_bits(), y.to_bits());
    if iy << 1 == 0 {
        return if is_signaling(x) { add(x, y) } else { 1.0 };
    }
    if ix == ONE {
        return if is_signaling(y) { add(x, y) } else { 1.0 };
    }
    if ix << 1 > INF << 1 || iy << 1 > INF << 1 {
        return add(x, y);
    }
    if ix << 1 == ONE << 1 {
        return 1.0;
    }
    if ((ix << 1) < (ONE << 1)) == (iy >> 63 == 0) {
        // |x| < 1 and y = +inf, or |x| > 1 and y = -inf.
        return 0.0;
    }
    y * y
}

/// ARM's `zeroinfnan`: `i` is the bit pattern of ±0, ±inf or NaN.
#[inline(always)]
fn zero_inf_nan(i: u64) -> bool {
    (i << 1).wrapping_sub(1) >= (INF << 1) - 1
}

/// ARM's `issignaling_inline`: `x` is a signalling NaN.
fn is_signaling(x: f64) -> bool {
    (x.to_bits() ^ 0x0008_0000_0000_0000) << 1 > 0x7ff8_0000_0000_0000 << 1
}

/// ARM's `checkint`: 0 if `iy` is not an integer, 1 if odd, 2 if even.
#[inline(always)]
fn check_int(iy: u64) -> u32 {
    let e = ((iy >> 52) & 0x7ff) as u32;
    if e < 0x3ff {
        return 0;
    }
    if e > 0x3ff + 52 {
        return 2;
    }
    let unit = 1u64 << (0x3ff + 52 - e);
    if iy & (unit - 1) != 0 {
        0
    } else if iy & unit != 0 {
        1
    } else {
        2
    }
}

/// ARM's `log_inline`: `log(x)` as `hi + lo` (about 15 extra bits), for the bits `ix` of a
/// positive normal `x` (or a normalised subnormal, its exponent borrowed from the sign bit).
#[inline(always)]
fn log_inline(ix: u64) -> (f64, f64) {
    let (i, kd, z) = split(ix, OFF, 7);
    let [invc, logc, logctail] = TAB[i].map(f64::from_bits);

    // 1/c is j/N or j/N/2 with |z/c - 1| < 1/N, so the FMA gives r = z/c - 1 exactly.
    let r = z.mul_add(invc, -1.0);
    // k ln2 + log(c) + r, and the rounding errors of those sums.
    let t1 = kd.mul_add(LN2HI, logc);
    let t2 = t1 + r;
    let lo1 = kd.mul_add(LN2LO, logctail);
    let lo2 = t1 - t2 + r;
    // ... + A0 r^2 (A0 = -0.5), its error lo3 recovered by an FMA.
    let ar = A[0] * r;
    let ar2 = r * ar;
    let ar3 = r * ar2;
    let hi = t2 + ar2;
    let lo3 = ar.mul_add(r, -ar2);
    let lo4 = t2 - hi + ar2;
    // p = ar3 * (A1 + r*A2 + ar2*(A3 + r*A4 + ar2*(A5 + r*A6))), added to lo by an FMA.
    let q = ar2.mul_add(
        ar2.mul_add(r.mul_add(A[6], A[5]), r.mul_add(A[4], A[3])),
        r.mul_add(A[2], A[1]),
    );
    let lo = ar3.mul_add(q, lo1 + lo2 + lo3 + lo4);
    let y = hi + lo;
    (y, hi - y + lo)
}

/// ARM's `exp_inline` of `pow.c`: `sign * exp(x + xtail)`, the sign from `sign_bias`.
#[inline(always)]
fn exp_inline(x: f64, xtail: f64, sign_bias: u64) -> f64 {
    let mut abstop = ((x.to_bits() >> 52) & 0x7ff) as u32;
    if abstop.wrapping_sub(0x3c9) >= 0x408 - 0x3c9 {
        if abstop < 0x3c9 {
            // |x| < 2^-54: 1 + x rounds right (x is finite here).
            let one = 1.0 + x;
            return if sign_bias != 0 { -one } else { one };
        }
        if abstop >= 0x409 {
            // |x| >= 1024 (inf and NaN were handled): overflow or underflow.
            return if x.to_bits() >> 63 != 0 {
                uflow(sign_bias != 0)
            } else {
                oflow(sign_bias != 0)
            };
        }
        // 512 <= |x| < 1024: the scale's exponent may wrap, handled in special_case.
        abstop = 0;
    }
    let (tmp, sbits, ki) = exp_reduce(x, xtail, sign_bias);
    if abstop == 0 {
        return special_case(tmp, sbits, ki);
    }
    let scale = f64::from_bits(sbits);
    scale.mul_add(tmp, scale)
}
