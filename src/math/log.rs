//! `log`, ported from ARM optimized-routines `math/log.c` (MIT OR Apache-2.0 WITH
//! LLVM-exception, Copyright (c) 2018 Arm Limited), the code glibc 2.36 runs as
//! `__ieee754_log_fma` on x86-64 CPUs with FMA and AVX2.
//!
//! Method: `x = 2^k z` with `z` in [0x1.6p-1, 0x1.6p0) split into 128 subintervals; with
//! `c` near the centre of z's subinterval, `log(x) = k ln2 + log(c) + log1p(z/c - 1)`, the
//! last from a degree-6 polynomial. Inputs within [1 - 2^-4, 1 + 0x1.09p-4) take a separate
//! degree-12 polynomial of `x - 1`. Every `mul_add` is an FMA of glibc's `-mfma` build (read
//! off its disassembly); with FMA, ARM's `HAVE_FAST_FMA` form `r = fma(z, 1/c, -1)` is used.

use super::log_data::{LN2HI, LN2LO, POLY as A, POLY1 as B, TAB};
use super::math_err::{divzero, invalid};
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreMulAdd;

/// Bits of `1 - 2^-4`, the start of the near-1 interval.
const LO: u64 = 0x3fee_0000_0000_0000;
/// Bits of `1 + 0x1.09p-4`, its end.
const HI: u64 = 0x3ff1_0900_0000_0000;
/// Bits of 0x1.6p-1: subtracted so the table index and `k` come from one shift each.
const OFF: u64 = 0x3fe6_0000_0000_0000;
/// `2^27`, to split `r` into halves whose products are exact.
const TWO27: f64 = 134_217_728.0;

fma_multiversion! {
    /// `log(x)` (natural logarithm) bit for bit as glibc 2.36 computes it on x86-64 with FMA
    /// (`__log_fma`), from ARM optimized-routines `math/log.c`; see [`crate::math`].
    ///
    /// ```
    /// use nprand::math::log;
    /// assert_eq!(log(1.0).to_bits(), 0.0f64.to_bits());
    /// assert_eq!(log(std::f64::consts::E), 1.0);
    /// assert_eq!(log(0.0), f64::NEG_INFINITY);
    /// assert!(log(-1.0).is_nan());
    /// ```
    #[must_use]
    pub fn log / log_portable(x: f64) -> f64 {
        let mut ix = x.to_bits();
        let top = (ix >> 48) as u32;
        if ix.wrapping_sub(LO) < HI - LO {
            return log_near_one(x);
        }
        if top.wrapping_sub(0x0010) >= 0x7ff0 - 0x0010 {
            // x < 0x1p-1022 (zero and negative x included), inf or NaN.
            ix = match subnormal_or_special(x) {
                Ok(ix) => ix,
                Err(y) => return y,
            };
        }
        let (i, kd, z) = split(ix, OFF, 7);
        let invc = f64::from_bits(TAB[i][0]);
        let logc = f64::from_bits(TAB[i][1]);

        // r ~= z/c - 1, |r| < 1/256, one rounding.
        let r = z.mul_add(invc, -1.0);
        // hi + lo = r + log(c) + k ln2.
        let w = kd.mul_add(LN2HI, logc);
        let hi = w + r;
        let lo = kd.mul_add(LN2LO, w - hi + r);
        // y = lo + r2 * A0 + r * r2 * (A1 + r * A2 + r2 * (A3 + r * A4)) + hi, fused as GCC did.
        let r2 = r * r;
        let a12 = r.mul_add(A[2], A[1]);
        let a34 = r.mul_add(A[4], A[3]);
        let lo = r2.mul_add(A[0], lo);
        let q = a34.mul_add(r2, a12);
        (r * r2).mul_add(q, lo) + hi
    }
}

/// The inputs below 0x1p-1022, inf and NaN, shared by `log` and `log2`: `Err` with the
/// result for ±0 (`-inf`), `+inf` (itself), negative or NaN inputs (`__math_invalid`),
/// `Ok` with the bits of a subnormal `x` normalised exactly, 52 taken off its exponent.
pub(super) fn subnormal_or_special(x: f64) -> Result<u64, f64> {
    let ix = x.to_bits();
    let top = (ix >> 48) as u32;
    if ix << 1 == 0 {
        return Err(divzero(true));
    }
    if ix == f64::INFINITY.to_bits() {
        return Err(x);
    }
    if top & 0x8000 != 0 || top & 0x7ff0 == 0x7ff0 {
        return Err(invalid(x));
    }
    Ok((x * f64::from_bits(0x4330_0000_0000_0000))
        .to_bits()
        .wrapping_sub(52 << 52))
}

/// `x = 2^k z` with `z` in [off, 2 off) for the bits `ix` of a positive normal `x` (or a
/// normalised subnormal): the index of z's subinterval among `2^table_bits`, `k` as a
/// double, and `z`. Subtracting `off` first makes the index and `k` one shift each.
pub(super) fn split(ix: u64, off: u64, table_bits: u32) -> (usize, f64, f64) {
    let tmp = ix.wrapping_sub(off);
    let i = ((tmp >> (52 - table_bits)) % (1 << table_bits)) as usize;
    let k = ((tmp as i64) >> 52) as i32;
    let iz = ix.wrapping_sub(tmp & (0xfff << 52));
    (i, f64::from(k), f64::from_bits(iz))
}

/// ARM's near-1 branch (`LOG_POLY1_ORDER == 12`, `N > 64`): `log1p(r)` for `r = x - 1`,
/// `-2^-4 <= r < 0x1.09p-4`, with `r^2/2` carried in two parts.
#[inline(always)]
fn log_near_one(x: f64) -> f64 {
    if x == 1.0 {
        // +0, also in downward rounding.
        return 0.0;
    }
    let r = x - 1.0;
    let r2 = r * r;
    let r3 = r * r2;
    // B1 + r*B2 + r2*B3 + r3*(B4 + r*B5 + r2*B6 + r3*(B7 + r*B8 + r2*B9 + r3*B10)).
    let p1 = r2.mul_add(B[3], r.mul_add(B[2], B[1]));
    let p4 = r2.mul_add(B[6], r.mul_add(B[5], B[4]));
    let p7 = r3.mul_add(B[10], r2.mul_add(B[9], r.mul_add(B[8], B[7])));
    let p = p7.mul_add(r3, p4).mul_add(r3, p1);
    // rhi = r + w - w with w = r * 2^27 (both steps fused by GCC; r * 2^27 is exact, so
    // this is the plain split), rlo = r - rhi: rhi * rhi is exact.
    let rhi = (-TWO27).mul_add(r, r.mul_add(TWO27, r));
    let rlo = r - rhi;
    let rhi2 = rhi * rhi;
    // hi + lo = r - r^2/2 (B0 = -0.5).
    let hi = rhi2.mul_add(B[0], r);
    let lo = rhi2.mul_add(B[0], r - hi);
    let lo = (B[0] * rlo).mul_add(rhi + r, lo);
    // y = r3 * p; y += lo (fused); y += hi.
    hi + r3.mul_add(p, lo)
}
