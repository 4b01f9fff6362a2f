//! `sin` and `cos`, correctly rounded: ports of CORE-MATH's `cr_sin` and `cr_cos`
//! (src/binary64/sin/sin.c and src/binary64/cos/cos.c, Copyright (c) 2022-2023 Paul
//! Zimmermann and Tom Hubrecht, MIT licence; see LICENSE-THIRD-PARTY.md).
//!
//! Correctly rounded means the result is the double nearest the exact sine or cosine, the
//! same on every platform. glibc 2.36's `sin`/`cos` (IBM Accurate Mathematical Library,
//! LGPL) are not correctly rounded: they differ from these on about 1.4 in 10^3
//! arguments of [0, 2 pi), always by 1 ulp; fdlibm's (musl, FreeBSD, the `libm` crate)
//! differ from glibc on about 3% of them. So these are the closest a permissive
//! implementation comes to the numbers of NumPy on Linux.
//!
//! Method (CORE-MATH's): reduce x/(2 pi) mod 1 to i/2^11 + r (0 <= i < 256 after the
//! octant symmetries, 0 <= r < 2^-11), then sin(2 pi (i/2^11 + r)) from a table of
//! sin/cos(2 pi i/2^11) and short polynomials in r, in double-double arithmetic with an
//! error bound (the fast path). When the bound cannot decide the rounding (about 2 in
//! 10^5 arguments) the accurate path redoes everything in 128-bit floating point
//! (`dint`), with a 1280-bit 1/(2 pi) for huge arguments; two arguments of `sin` and
//! five of `cos` that even 128 bits cannot decide are listed with their results.
//!
//! CORE-MATH also handles the directed rounding modes (`fegetround`); Rust runs in
//! round-to-nearest only, so those branches are left out.

use super::dd::{a_mul, d_mul, fast_two_sum, s_mul};
use super::dint::Dint;
use super::math_err::invalid;
use super::sin_cos_data::{C, PC, PC_FAST, PS, PS_FAST, S, SC};
use super::sin_cos_reduce::{reduce, reduce2, reduce_fast};
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::CoreMulAdd;

fma_multiversion! {
    /// Sine, correctly rounded (round to nearest), of an angle in radians.
    ///
    /// Port of CORE-MATH's `cr_sin` (Copyright (c) 2022-2023 Paul Zimmermann and Tom
    /// Hubrecht, MIT licence, see LICENSE-THIRD-PARTY.md). The same on every platform;
    /// equal to glibc's `sin` except on about 1.4 in 10^3 arguments of [0, 2 pi), where
    /// glibc is 1 ulp off (see the module documentation). `sin(±0) = ±0`,
    /// `sin(±inf) = NaN`, `sin(NaN) = NaN`.
    ///
    /// ```
    /// use nprand::math::sin;
    /// assert_eq!(sin(0.0), 0.0);
    /// assert_eq!(sin(std::f64::consts::FRAC_PI_2), 1.0);
    /// // The values below are MPFR's (scripts/trig_mpfr.c).
    /// assert_eq!(sin(std::f64::consts::FRAC_PI_6), 0.5);
    /// assert_eq!(sin(-1e300), 0.8178819121159085); // huge arguments reduce exactly
    /// assert!(sin(f64::INFINITY).is_nan());
    /// ```
    #[must_use]
    pub fn sin / sin_portable(x: f64) -> f64 {
        let bits = x.to_bits();
        if (bits >> 52) & 0x7ff == 0x7ff {
            // glibc's result bits (x86's default NaN for ±inf, a NaN made quiet), the same
            // on every platform. (CORE-MATH returns the all-ones NaN.)
            return invalid(x);
        }
        let ax = f64::from_bits(bits & 0x7fff_ffff_ffff_ffff);
        if ax.to_bits() <= 0x3e57_1374_4912_3ef6 {
            // |x| <= 0x1.7137449123ef6p-26: sin(x) rounds to x (x^3/6 < ulp(x)/2).
            if x == 0.0 {
                return x;
            }
            return x.mul_add(-f64::from_bits(0x3c90_0000_0000_0000), x); // x - x 2^-54
        }
        let (h, l, err, neg) = fast(ax, false);
        let neg = neg != (x < 0.0);
        let left = h + (l - err);
        if left == h + (l + err) {
            return if neg { -left } else { left };
        }
        match accurate(ax, false, x < 0.0) {
            Ok(y) => y,
            Err(y) => {
                // Arguments whose sine is so close to a rounding boundary that 128 bits
                // cannot decide: (|x|, correctly rounded high part, tail), from CORE-MATH.
                const CASES: [[u64; 3]; 2] = [
                    [
                        0x3ebe_0000_0000_01c2,
                        0x3ebd_ffff_ffff_f02e,
                        0x36dd_cba6_9249_2527,
                    ],
                    [
                        0x7506_ac5b_262c_a1ff,
                        0x3ff0_0000_0000_0000,
                        0xb842_b089_ea1e_692b,
                    ],
                ];
                listed(&CASES, ax).map_or(y, |r| if x > 0.0 { r } else { -r })
            }
        }
    }
}

fma_multiversion! {
    /// Cosine, correctly rounded (round to nearest), of an angle in radians.
    ///
    /// Port of CORE-MATH's `cr_cos` (Copyright (c) 2022-2023 Paul Zimmermann and Tom
    /// Hubrecht, MIT licence, see LICENSE-THIRD-PARTY.md). The same on every platform;
    /// equal to glibc's `cos` except on about 1.4 in 10^3 arguments of [0, 2 pi), where
    /// glibc is 1 ulp off (see the module documentation). `cos(±0) = 1`,
    /// `cos(±inf) = NaN`, `cos(NaN) = NaN`.
    ///
    /// ```
    /// use nprand::math::cos;
    /// assert_eq!(cos(0.0), 1.0);
    /// assert_eq!(cos(std::f64::consts::PI), -1.0);
    /// // The values below are MPFR's (scripts/trig_mpfr.c).
    /// assert_eq!(cos(std::f64::consts::FRAC_PI_3), 0.4999999999999999);
    /// assert_eq!(cos(1e22), 0.523214785395139); // huge arguments reduce exactly
    /// assert!(cos(f64::NAN).is_nan());
    /// ```
    #[must_use]
    pub fn cos / cos_portable(x: f64) -> f64 {
        let bits = x.to_bits();
        if (bits >> 52) & 0x7ff == 0x7ff {
            return invalid(x); // as in `sin`
        }
        let ax = f64::from_bits(bits & 0x7fff_ffff_ffff_ffff);
        if ax.to_bits() <= 0x3e46_a09e_667f_3bcc {
            // |x| <= 0x1.6a09e667f3bccp-27: cos(x) rounds to 1 (x^2/2 < ulp(1)/4).
            return ax.mul_add(-f64::from_bits(0x3e30_0000_0000_0000), 1.0); // 1 - x 2^-28
        }
        let (h, l, err, neg) = fast(ax, true);
        let left = h + (l - err);
        if left == h + (l + err) {
            return if neg { -left } else { left };
        }
        match accurate(ax, true, false) {
            Ok(y) => y,
            Err(y) => {
                // As in `sin`: the arguments 128 bits cannot decide, from CORE-MATH.
                const CASES: [[u64; 3]; 5] = [
                    [
                        0x3e88_0000_0000_0009,
                        0x3fef_ffff_ffff_ff70,
                        0x370b_5666_6666_666c,
                    ],
                    [
                        0x3e98_0000_0000_0024,
                        0x3fef_ffff_ffff_fdc0,
                        0x376b_5666_6666_667e,
                    ],
                    [
                        0x3ea8_0000_0000_0090,
                        0x3fef_ffff_ffff_f700,
                        0x37cb_5666_6666_66c4,
                    ],
                    [
                        0x3eb2_0000_0000_00f3,
                        0x3fef_ffff_ffff_ebc0,
                        0x3803_7642_6666_66fd,
                    ],
                    [
                        0x3eb8_0000_0000_0240,
                        0x3fef_ffff_ffff_dc00,
                        0x382b_5666_6666_67dd,
                    ],
                ];
                listed(&CASES, ax).unwrap_or(y)
            }
        }
    }
}

/// The listed result (high + tail, as CORE-MATH adds them) for `ax`, if listed.
fn listed(cases: &[[u64; 3]], ax: f64) -> Option<f64> {
    cases
        .iter()
        .find(|c| c[0] == ax.to_bits())
        .map(|c| f64::from_bits(c[1]) + f64::from_bits(c[2]))
}

/// The octant bookkeeping of both functions for i (the reduced argument in units of
/// 2^-11 turn, 0 <= i < 2^11): whether the result is negated, whether sin(2 pi R)
/// rather than cos(2 pi R) is evaluated, and whether R is reflected (R = 2^-11 - r
/// with i' = 0x1ff - i), for R = i'/2^11 + r in the first octant.
#[inline]
fn octant(i: usize, is_cos: bool) -> (bool, bool, bool) {
    // sin(x + pi) = -sin(x), cos(x + pi) = -cos(x);
    // sin(x + pi/2) = cos(x), cos(x + pi/2) = -sin(x);
    // sin(pi/2 - x) = cos(x), cos(pi/2 - x) = sin(x).
    let half = i & 0x400 != 0;
    let quarter = i & 0x200 != 0;
    let reflect = i & 0x100 != 0;
    let neg = half != (is_cos && quarter);
    let use_sin = (!is_cos ^ quarter) ^ reflect;
    (neg, use_sin, reflect)
}

/// The fast path for |x| = ax above the small-argument thresholds (CORE-MATH's
/// `sin_fast`/`cos_fast`): `(h, l, err, neg)` with |h + l - |f(ax)|| < err, where the
/// result is -(h + l) if `neg`. The sign is applied by the caller: every step is exact
/// or rounds symmetrically, so this equals CORE-MATH's order, which applies it earlier.
#[inline(always)]
fn fast(ax: f64, is_cos: bool) -> (f64, f64, f64, bool) {
    let (i, mut h, mut l, err1) = reduce_fast(ax);
    let (neg, use_sin, reflect) = octant(i, is_cos);
    let mut i = i & 0x1ff;
    if reflect {
        // Exact: h is a multiple of 2^-55 below 2^-11 here (see CORE-MATH).
        i = 0x1ff - i;
        h = f64::from_bits(0x3f40_0000_0000_0000) - h; // 2^-11 - h
        l = -l;
    }
    // The table holds sin/cos at i/2^11 + SC[i][0]: move h to that point (exact).
    let [off, sin_i, cos_i] = SC[i].map(f64::from_bits);
    h -= off;
    let (uh, ul) = a_mul(h, h);
    let ul = (h + h).mul_add(l, ul); // uh + ul ~ (h + l)^2
    let (sh, sl) = eval_ps_fast(h, l, uh, ul);
    let (ch, cl) = eval_pc_fast(uh, ul);
    if use_sin {
        // sin(2 pi (x_i + r)) = sin(2 pi x_i) cos(2 pi r) + cos(2 pi x_i) sin(2 pi r)
        let (sh, sl) = s_mul(cos_i, sh, sl);
        let (ch, cl) = s_mul(sin_i, ch, cl);
        let (h, l) = fast_two_sum(ch, sh);
        (
            h,
            l + (sl + cl),
            f64::from_bits(0x3ba5_5000_0000_0000) + err1, // 0x1.55p-69
            neg,
        )
    } else {
        // cos(2 pi (x_i + r)) = cos(2 pi x_i) cos(2 pi r) - sin(2 pi x_i) sin(2 pi r)
        let (ch, cl) = s_mul(cos_i, ch, cl);
        let (sh, sl) = s_mul(sin_i, sh, sl);
        let (h, l) = fast_two_sum(ch, -sh);
        (
            h,
            l + (cl - sl),
            f64::from_bits(0x3ba8_1000_0000_0000) + err1, // 0x1.81p-69
            neg,
        )
    }
}

/// sin(2 pi (xh + xl)) for -2^-24 < xh + xl < 2^-11 + 2^-24, uh + ul ~ (xh + xl)^2;
/// absolute error < 2^-77.09.
#[inline(always)]
fn eval_ps_fast(xh: f64, xl: f64, uh: f64, ul: f64) -> (f64, f64) {
    let p = PS_FAST[4].mul_add(uh, PS_FAST[3]).mul_add(uh, PS_FAST[2]);
    let (h, l) = s_mul(p, uh, ul);
    let (h, t) = fast_two_sum(PS_FAST[0], h);
    let l = l + (PS_FAST[1] + t);
    d_mul(h, l, xh, xl)
}

/// cos(2 pi x) for x as in [`eval_ps_fast`], uh + ul ~ x^2; relative error < 2^-69.96.
#[inline(always)]
fn eval_pc_fast(uh: f64, ul: f64) -> (f64, f64) {
    let p = PC_FAST[4].mul_add(uh, PC_FAST[3]).mul_add(uh, PC_FAST[2]);
    let (h, l) = s_mul(p, uh, ul);
    let (h, t) = fast_two_sum(PC_FAST[0], h);
    (h, l + (PC_FAST[1] + t))
}

/// The accurate path (CORE-MATH's `sin_accurate`/`cos_accurate`) in 128-bit floating
/// point, relative error < 2^-122.65, negated once more if `neg_arg` (sin of x < 0):
/// `Ok` with the correctly rounded result, or `Err`
/// with the nearest double to the 128-bit value when the error bound straddles a
/// rounding boundary (only for the arguments the callers list; CORE-MATH stops the
/// program on any other, and none is known).
#[cold]
#[inline(never)]
fn accurate(ax: f64, is_cos: bool, neg_arg: bool) -> Result<f64, f64> {
    let mut x = Dint::from_f64(ax);
    reduce(&mut x); // 0 <= x < 1, x ~ ax/(2 pi) mod 1
    let i = reduce2(&mut x); // x = i/2^11 + x', exactly
    let (neg, use_sin, reflect) = octant(i, is_cos);
    let mut i = i & 0x1ff;
    if reflect {
        x.neg = true;
        x = Dint::add(&Dint::MAGIC, &x); // 2^-11 - x
        i = 0x1ff - i;
    }
    let x2 = Dint::mul(&x, &x);
    let cos_r = eval_pc(&x2); // 0.999 < cos(2 pi x) <= 1
    let sin_r = eval_ps(&x, &x2); // 0 <= sin(2 pi x) < 0.0005
    let (u, v) = if use_sin {
        (Dint::mul(&S[i], &cos_r), Dint::mul(&C[i], &sin_r))
    } else {
        let v = Dint::mul(&S[i], &sin_r);
        (Dint::mul(&C[i], &cos_r), Dint { neg: !v.neg, ..v })
    };
    let mut u = Dint::add(&u, &v);
    // The error is below 41 units of the low word: the result is decided if both ends
    // agree in their upper 54 bits.
    const ERR: u64 = 41;
    let lo0 = u.lo().wrapping_sub(ERR);
    let hi0 = u.hi().wrapping_sub(u64::from(lo0 > u.lo()));
    let lo1 = u.lo().wrapping_add(ERR);
    let hi1 = u.hi().wrapping_add(u64::from(lo1 < u.lo()));
    if neg != neg_arg {
        u.neg = !u.neg;
    }
    let y = u.to_f64();
    if hi0 >> 10 != hi1 >> 10 {
        Err(y)
    } else {
        Ok(y)
    }
}

/// sin(2 pi x) for 0 <= x < 2^-11, with x2 ~ x^2 (relative error < 2^-124.6).
fn eval_ps(x: &Dint, x2: &Dint) -> Dint {
    Dint::mul(&even_poly(x2, &PS), x)
}

/// cos(2 pi x) for 0 <= x < 2^-11, with x2 ~ x^2 (error < 2^-125.99).
fn eval_pc(x2: &Dint) -> Dint {
    even_poly(x2, &PC)
}

/// c0 + c1 x2 + ... + c5 x2^5 by Horner's rule, in CORE-MATH's order (the top
/// coefficient's low word is dropped, as its `mul_dint_21` does).
fn even_poly(x2: &Dint, c: &[Dint; 6]) -> Dint {
    let mut y = Dint::mul_21(x2, &c[5]);
    for ck in c[1..5].iter().rev() {
        y = Dint::add(&y, ck);
        y = Dint::mul(&y, x2);
    }
    Dint::add(&y, &c[0])
}

#[cfg(test)]
mod tests {
    use super::accurate;

    /// CORE-MATH's listed arguments are ones its 128-bit path cannot decide (so the lists
    /// are what gives their results), and its worst cases of the fast path are decided.
    #[test]
    fn listed_arguments_need_the_lists() {
        for x in [0x3ebe_0000_0000_01c2_u64, 0x7506_ac5b_262c_a1ff] {
            assert!(
                accurate(f64::from_bits(x), false, false).is_err(),
                "sin {x:#x}"
            );
        }
        for x in [
            0x3e88_0000_0000_0009_u64,
            0x3e98_0000_0000_0024,
            0x3ea8_0000_0000_0090,
            0x3eb2_0000_0000_00f3,
            0x3eb8_0000_0000_0240,
        ] {
            assert!(
                accurate(f64::from_bits(x), true, false).is_err(),
                "cos {x:#x}"
            );
        }
        // A worst case for sin of CORE-MATH's sin.wc is decided by the 128-bit path.
        assert!(accurate(f64::from_bits(0x4000_0502_3d32_fee5), false, false).is_ok());
    }
}
