//! Double-double helpers of CORE-MATH (MIT, see LICENSE-THIRD-PARTY.md): exact sums and
//! products of doubles as (high, low) pairs, used by the correctly rounded functions.
//! Each is written exactly as CORE-MATH's C (no extra fused operations), so the error
//! bounds its proofs rely on hold.

// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreMulAdd;
/// `x + y` as (s, e) with s + e exact, for |x| >= |y| (Dekker's Fast2Sum).
#[inline(always)]
pub(super) fn fast_two_sum(x: f64, y: f64) -> (f64, f64) {
    let s = x + y;
    let z = s - x;
    (s, y - z)
}

/// `x + y` as (s, e) with s + e exact, any order of magnitude (Knuth's 2Sum).
#[inline(always)]
pub(super) fn two_sum(x: f64, y: f64) -> (f64, f64) {
    let s = x + y;
    let d = s - x;
    (s, (y - d) + (x + (d - s)))
}

/// `x - y` as (s, e) with s + e exact, for |x| >= |y|.
#[inline(always)]
pub(super) fn fast_two_sub(x: f64, y: f64) -> (f64, f64) {
    let s = x - y;
    (s, (x - s) - y)
}

/// (xh + xl) + (yh + yl) as a double-double, |xh| >= |yh|.
#[inline(always)]
pub(super) fn fast_sum(xh: f64, xl: f64, yh: f64, yl: f64) -> (f64, f64) {
    let (sh, sl) = fast_two_sum(xh, yh);
    (sh, (xl + yl) + sl)
}

/// (xh + xl) + (ch + cl) as a double-double, any order of magnitude.
#[inline(always)]
pub(super) fn sum(xh: f64, xl: f64, ch: f64, cl: f64) -> (f64, f64) {
    let (sh, sl) = two_sum(xh, ch);
    (sh, (xl + cl) + sl)
}

/// (xh + xl) * (ch + cl) as a double-double.
#[inline(always)]
pub(super) fn mul_dd(xh: f64, xl: f64, ch: f64, cl: f64) -> (f64, f64) {
    let hi = ch * xh;
    (hi, (cl * xh + ch * xl) + ch.mul_add(xh, -hi))
}

/// `a * b` as (hi, lo) with hi + lo exact (CORE-MATH's `a_mul`).
#[inline(always)]
pub(super) fn a_mul(a: f64, b: f64) -> (f64, f64) {
    let hi = a * b;
    (hi, a.mul_add(b, -hi))
}

/// `a * (bh + bl)` as a double-double, error at most ulp(lo) (CORE-MATH's `s_mul`).
#[inline(always)]
pub(super) fn s_mul(a: f64, bh: f64, bl: f64) -> (f64, f64) {
    let (hi, lo) = a_mul(a, bh);
    (hi, a.mul_add(bl, lo))
}

/// `(ah + al) * (bh + bl)` without the `al * bl` term (CORE-MATH's `d_mul`).
#[inline(always)]
pub(super) fn d_mul(ah: f64, al: f64, bh: f64, bl: f64) -> (f64, f64) {
    let (hi, s) = a_mul(ah, bh);
    let t = al.mul_add(bh, s);
    (hi, ah.mul_add(bl, t))
}

/// Round to the nearest integer, ties to even, for |v| < 2^51 (all callers' range):
/// adding and removing 1.5 * 2^52 leaves the integer part as the round-to-nearest
/// addition rounds it, with no libm call.
#[inline]
pub(super) fn round_ties_even_small(v: f64) -> f64 {
    const SHIFT: f64 = 6_755_399_441_055_744.0; // 1.5 * 2^52
    (v + SHIFT) - SHIFT
}
