//! `log2`, ported from ARM optimized-routines `math/log2.c` (MIT OR Apache-2.0 WITH
//! LLVM-exception, Copyright (c) 2018 Arm Limited), the code glibc 2.36 runs as
//! `__log2_fma` on x86-64 CPUs with FMA and AVX2.
//!
//! Method: as `log` (64 subintervals), with `r/ln2` carried in two parts; inputs within
//! [1 - 0x1.5b51p-5, 1 + 0x1.6ab2p-5) take a separate degree-11 polynomial. Every `mul_add`
//! is an FMA of glibc's `-mfma` build (read off its disassembly), including ARM's explicit
//! `HAVE_FAST_FMA` forms.

use super::log::{split, subnormal_or_special};
use super::log2_data::{INVLN2HI, INVLN2LO, POLY as A, POLY1 as B, TAB};
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreMulAdd;

/// Bits of `1 - 0x1.5b51p-5`, the start of the near-1 interval.
const LO: u64 = 0x3fee_a4af_0000_0000;
/// Bits of `1 + 0x1.6ab2p-5`, its end.
const HI: u64 = 0x3ff0_b559_0000_0000;
/// Bits of 0x1.6p-1: subtracted so the table index and `k` come from one shift each.
const OFF: u64 = 0x3fe6_0000_0000_0000;

fma_multiversion! {
    /// `log2(x)` bit for bit as glibc 2.36 computes it on x86-64 with FMA (`__log2_fma`), from
    /// ARM optimized-routines `math/log2.c`; see [`crate::math`].
    ///
    /// ```
    /// use nprand::math::log2;
    /// assert_eq!(log2(8.0), 3.0);
    /// assert_eq!(log2(0.5), -1.0);
    /// assert_eq!(log2(0.0), f64::NEG_INFINITY);
    /// assert!(log2(-2.0).is_nan());
    /// ```
    #[must_use]
    pub fn log2 / log2_portable(x: f64) -> f64 {
        let mut ix = x.to_bits();
        let top = (ix >> 48) as u32;
        if ix.wrapping_sub(LO) < HI - LO {
            return log2_near_one(x);
        }
        if top.wrapping_sub(0x0010) >= 0x7ff0 - 0x0010 {
            // x < 0x1p-1022 (zero and negative x included), inf or NaN.
            ix = match subnormal_or_special(x) {
                Ok(ix) => ix,
                Err(y) => return y,
            };
        }
        let (i, kd, z) = split(ix, OFF, 6);
        let invc = f64::from_bits(TAB[i][0]);
        let logc = f64::from_bits(TAB[i][1]);

        // r ~= z/c - 1, |r| < 1/128; t1 + t2 = r/ln2 with the product's error recovered.
        let r = z.mul_add(invc, -1.0);
        let t1 = INVLN2HI * r;
        let t2 = r.mul_add(INVLN2LO, INVLN2HI.mul_add(r, -t1));
        // hi + lo = r/ln2 + log2(c) + k.
        let t3 = kd + logc;
        let hi = t3 + t1;
        let lo = t3 - hi + t1 + t2;
        // p = A0 + r*A1 + r2*(A2 + r*A3) + r4*(A4 + r*A5); y = lo + r2 * p + hi.
        let r2 = r * r;
        let r4 = r2 * r2;
        let a01 = r.mul_add(A[1], A[0]);
        let a23 = r.mul_add(A[3], A[2]);
        let a45 = r.mul_add(A[5], A[4]);
        let p = a45.mul_add(r4, a23.mul_add(r2, a01));
        p.mul_add(r2, lo) + hi
    }
}

/// ARM's near-1 branch (`LOG2_POLY1_ORDER == 11`, FMA form): `log2(1 + r)`, `r = x - 1`.
#[inline(always)]
fn log2_near_one(x: f64) -> f64 {
    if x == 1.0 {
        // +0, also in downward rounding.
        return 0.0;
    }
    let r = x - 1.0;
    // hi + lo = r/ln2.
    let hi = r * INVLN2HI;
    let lo = r.mul_add(INVLN2LO, INVLN2HI.mul_add(r, -hi));
    let r2 = r * r;
    let r4 = r2 * r2;
    // p = r2 * (B0 + r*B1); y = hi + p; lo += hi - y + p (each `+ p` fused).
    let b01 = r.mul_add(B[1], B[0]);
    let y = b01.mul_add(r2, hi);
    let lo = b01.mul_add(r2, hi - y) + lo;
    // lo += r4 * (B2 + r*B3 + r2*(B4 + r*B5) + r4*(B6 + r*B7 + r2*(B8 + r*B9))).
    let q1 = r.mul_add(B[5], B[4]).mul_add(r2, r.mul_add(B[3], B[2]));
    let q2 = r.mul_add(B[9], B[8]).mul_add(r2, r.mul_add(B[7], B[6]));
    let lo = q2.mul_add(r4, q1).mul_add(r4, lo);
    y + lo
}
