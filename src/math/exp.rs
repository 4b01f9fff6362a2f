//! `exp`, ported from ARM optimized-routines `math/exp.c` (MIT OR Apache-2.0 WITH
//! LLVM-exception, Copyright (c) 2018 Arm Limited), the code glibc 2.36 runs as
//! `__ieee754_exp_fma` on x86-64 CPUs with FMA and AVX2.
//!
//! Method: `x = k ln2/N + r` with `N = 128`, `|r| <= ln2/2N`; then
//! `exp(x) = 2^(k/N) * exp(r)` with `2^(k/N)` from a table (scale plus tail) and `exp(r)`
//! from a degree-5 polynomial. Every `mul_add` below is an FMA that GCC contracted in the
//! `-mfma` build (read off its disassembly); every plain `a * b + c` was left unfused there.
//! Changing either changes last bits.

use super::exp_data::{INVLN2N, NEGLN2HIN, NEGLN2LON, POLY, SHIFT, TAB, TABLE_BITS};
use super::math_err::{add, oflow, uflow};
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreMulAdd;

/// Top 12 bits of `0x1p-54`: below, `exp(x)` rounds to `1 + x`.
const TOP12_0X1P_54: u32 = 0x3c9;
/// Top 12 bits of `512.0`: from there on the result may overflow the scale's exponent.
const TOP12_512: u32 = 0x408;
/// Top 12 bits of `1024.0`: beyond, `exp` over- or underflows outright.
const TOP12_1024: u32 = 0x409;

/// The table-and-polynomial core shared by [`exp`] and `pow`: for `x + xtail` it returns
/// `tmp`, `sbits` and `ki` with `exp(x + xtail) ~= scale * (1 + tmp)`, `scale` the double
/// whose bits are `sbits` (valid only for `-1023 N < k < 1024 N`), and `ki` the raw bits
/// holding `k`. `sign_bias` (0 or `0x800 << 7`) flips the sign of the scale for `pow`.
pub(super) fn exp_reduce(x: f64, xtail: f64, sign_bias: u64) -> (f64, u64, u64) {
    // z = InvLn2N * x; kd = z + Shift; GCC fused the two into one FMA.
    let kd = x.mul_add(INVLN2N, SHIFT);
    let ki = kd.to_bits();
    let kd = kd - SHIFT;
    // r = x + kd * NegLn2hiN + kd * NegLn2loN: two FMAs, left to right.
    let r = kd.mul_add(NEGLN2HIN, x);
    let r = kd.mul_add(NEGLN2LON, r);
    // `r += xtail`. For exp xtail is 0 and ARM skips the add; adding +0.0 changes no bit
    // of the result: it only turns r = -0 into +0, which the later `tail + r` does anyway.
    let r = r + xtail;
    let n = 1u64 << TABLE_BITS;
    let idx = 2 * (ki % n) as usize;
    let top = ki.wrapping_add(sign_bias) << (52 - TABLE_BITS);
    let tail = f64::from_bits(TAB[idx]);
    let sbits = TAB[idx + 1].wrapping_add(top);
    // tmp = tail + r + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5), with the three
    // inner products and the two outer ones fused.
    let r2 = r * r;
    let c23 = r.mul_add(POLY[1], POLY[0]);
    let c45 = r.mul_add(POLY[3], POLY[2]);
    let tmp = c23.mul_add(r2, tail + r);
    let tmp = (r2 * r2).mul_add(c45, tmp);
    (tmp, sbits, ki)
}

fma_multiversion! {
    /// `exp(x)` bit for bit as glibc 2.36 computes it on x86-64 with FMA (`__exp_fma`), from
    /// ARM optimized-routines `math/exp.c`; see the module documentation of [`crate::math`].
    ///
    /// ```
    /// use nprand::math::exp;
    /// assert_eq!(exp(0.0), 1.0);
    /// assert_eq!(exp(1.0), std::f64::consts::E);
    /// assert_eq!(exp(-1000.0), 0.0);
    /// assert_eq!(exp(710.0), f64::INFINITY);
    /// ```
    #[must_use]
    pub fn exp / exp_portable(x: f64) -> f64 {
        let ix = x.to_bits();
        let mut abstop = ((ix >> 52) & 0x7ff) as u32;
        if abstop.wrapping_sub(TOP12_0X1P_54) >= TOP12_512 - TOP12_0X1P_54 {
            if abstop < TOP12_0X1P_54 {
                // |x| < 2^-54 (zero included): 1 + x rounds to the right answer.
                return 1.0 + x;
            }
            if abstop >= TOP12_1024 {
                if ix == f64::NEG_INFINITY.to_bits() {
                    return 0.0;
                }
                if abstop >= 0x7ff {
                    // +inf stays, NaN comes back quiet (glibc: `1.0 + x`).
                    return add(x, 1.0);
                }
                return if ix >> 63 != 0 {
                    uflow(false)
                } else {
                    oflow(false)
                };
            }
            // 512 <= |x| < 1024: the scale's exponent may wrap, handled in special_case.
            abstop = 0;
        }
        let (tmp, sbits, ki) = exp_reduce(x, 0.0, 0);
        if abstop == 0 {
            return special_case(tmp, sbits, ki);
        }
        let scale = f64::from_bits(sbits);
        // scale + scale * tmp, fused.
        scale.mul_add(tmp, scale)
    }
}

/// `specialcase` of ARM's `pow.c`: `scale * (1 + tmp)` when the exponent of `scale` may have
/// overflowed (`k > 0`) or the result may be subnormal (`k < 0`); `scale` carries the sign
/// of `pow`'s result. It is also `exp`'s: with a positive scale (`exp`'s always is), the
/// `exp.c` version's `y < 1`, `one = 1` and `+0` are exactly what this one does.
pub(super) fn special_case(tmp: f64, sbits: u64, ki: u64) -> f64 {
    if ki & 0x8000_0000 == 0 {
        // k > 0: scale by 2^-1009 first, then back by 2^1009 (may overflow to inf).
        let scale = f64::from_bits(sbits.wrapping_sub(1009 << 52));
        return scale.mul_add(tmp, scale) * f64::from_bits(0x7f00_0000_0000_0000);
    }
    // k < 0: scale by 2^1022, round once in the normal range, then scale down.
    let sbits = sbits.wrapping_add(1022 << 52);
    let scale = f64::from_bits(sbits);
    // GCC computed `scale * tmp` once for its two uses: not fused here.
    let st = scale * tmp;
    let mut y = scale + st;
    if y.abs() < 1.0 {
        // Round y to the subnormal result's precision before scaling (no double rounding).
        let one = if y < 0.0 { -1.0 } else { 1.0 };
        let lo = scale - y + st;
        let hi = one + y;
        let lo = one - hi + y + lo;
        y = (hi + lo) - one;
        if y == 0.0 {
            // The sign of zero is the sign of the scale.
            y = f64::from_bits(sbits & 0x8000_0000_0000_0000);
        }
    }
    y * f64::from_bits(0x0010_0000_0000_0000)
}
