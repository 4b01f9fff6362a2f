//! The results of ARM optimized-routines' `math/math_err.c` helpers (`__math_oflow`,
//! `__math_uflow`, `__math_divzero`, `__math_invalid`) as glibc 2.36 returns them on x86-64,
//! and x86's NaN rules, so the special cases give glibc's bits on every platform.
//!
//! glibc also sets `errno` in those helpers; nprand has no use for `errno` and does not.
//!
//! NaN bits are where platforms differ: an x86 SSE operation returns its first NaN operand
//! made quiet (its payload and sign kept), and an invalid operation without NaN operands
//! (`0/0`, `inf - inf`) returns the "real indefinite" `0xfff8000000000000` (a *negative*
//! quiet NaN), while AArch64 returns `+NaN` for the latter and wasm leaves both open. Rust
//! may also swap the operands of a commutative `+`. The helpers below spell the x86
//! results out, so only the special-case branches pay for them.

/// The quiet bit of a double NaN.
const QUIET: u64 = 0x0008_0000_0000_0000;

/// x86's default NaN, the result of `0/0` or `inf - inf` (sign bit set).
pub(super) const DEFAULT_NAN: f64 = f64::from_bits(0xfff8_0000_0000_0000);

/// `x` with its quiet bit set, as x86 returns a NaN operand.
pub(super) fn quiet(x: f64) -> f64 {
    f64::from_bits(x.to_bits() | QUIET)
}

/// `a + b` with x86's NaN rule: the first NaN operand, made quiet.
pub(super) fn add(a: f64, b: f64) -> f64 {
    if a.is_nan() {
        quiet(a)
    } else if b.is_nan() {
        quiet(b)
    } else {
        a + b
    }
}

/// `xflow(sign, y) = (sign ? -y : y) * y`, glibc's way of raising the flag and returning
/// the signed overflow or underflow result.
fn xflow(negative: bool, y: f64) -> f64 {
    (if negative { -y } else { y }) * y
}

/// `__math_oflow(sign)`: `±inf` (computed as `±0x1p769 * 0x1p769`).
pub(super) fn oflow(negative: bool) -> f64 {
    xflow(negative, f64::from_bits(0x7000_0000_0000_0000))
}

/// `__math_uflow(sign)`: `±0` (computed as `±0x1p-767 * 0x1p-767`).
pub(super) fn uflow(negative: bool) -> f64 {
    xflow(negative, f64::from_bits(0x1000_0000_0000_0000))
}

/// `__math_divzero(sign)`: `(sign ? -1.0 : 1.0) / 0.0`, i.e. `-inf` or `+inf`.
pub(super) fn divzero(negative: bool) -> f64 {
    (if negative { -1.0 } else { 1.0 }) / 0.0
}

/// `__math_invalid(x) = (x - x) / (x - x)`: `x` made quiet for a NaN `x`, otherwise x86's
/// default NaN (the C expression's result on x86; other platforms differ, hence the
/// explicit form).
pub(super) fn invalid(x: f64) -> f64 {
    if x.is_nan() {
        quiet(x)
    } else {
        DEFAULT_NAN
    }
}
