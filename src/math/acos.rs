//! `acos`, correctly rounded: a port of CORE-MATH's `cr_acos`
//! (src/binary64/acos/acos.c, Copyright (c) 2024 Alexei Sibidanov, MIT licence; see
//! LICENSE-THIRD-PARTY.md).
//!
//! Correctly rounded means the result is the double nearest the exact arc cosine, the
//! same on every platform. It is *not* glibc's result everywhere: glibc 2.36's `acos`
//! (IBM Accurate Mathematical Library) is within 1 ulp but not correctly rounded, and
//! differs from this in about 7 of 10^4 arguments in [-1, 1] (measured with
//! `scripts/libm_cr_rate.c` and `examples/libm_verify2.rs`). fdlibm's `acos` (musl,
//! FreeBSD, openlibm) differs from glibc in about 7.6% of them.
//!
//! Method (CORE-MATH's): acos(x) = pi/2 - asin(x) for |x| <= 1/2 and
//! acos(x) = 2 asin(sqrt((1-|x|)/2)) (or pi minus it) above; asin on [0, 1/2] comes from
//! 33 polynomials in t = x^2 - j/128, evaluated as a double-double with an error bound.
//! When the bound cannot decide the rounding, `refine` recomputes with a rotation by
//! pi j/64 and a longer series in triple-double precision.

use super::acos_table::{ASIN_POLY, ASIN_TAYLOR, ASIN_TAYLOR_DD, SIN_PI_64};
use super::dd::{fast_sum, fast_two_sub, fast_two_sum, mul_dd, round_ties_even_small, sum};
// (With `std`, or in tests, which link it, `std`'s inherent methods are used.)
#[cfg(not(any(feature = "std", test)))]
use crate::math::core_float::{CoreFloat, CoreMulAdd};

/// pi/2 and pi as double-doubles (high, low).
const PI_2: (f64, f64) = (
    f64::from_bits(0x3ff9_21fb_5444_2d18),
    f64::from_bits(0x3c91_a626_3314_5c07),
);
const PI: (f64, f64) = (
    f64::from_bits(0x4009_21fb_5444_2d18),
    f64::from_bits(0x3ca1_a626_3314_5c07),
);

fma_multiversion! {
    /// Arc cosine, correctly rounded (round to nearest), in radians in [0, pi].
    ///
    /// Port of CORE-MATH's `cr_acos` (Copyright (c) 2024 Alexei Sibidanov, MIT licence,
    /// see LICENSE-THIRD-PARTY.md). The same on every platform; equal to glibc's `acos`
    /// except in about 7 of 10^4 arguments, where glibc is 1 ulp off (see the module
    /// documentation). Special values: `acos(1) = 0`, `acos(-1) = pi`,
    /// `acos(|x| > 1) = NaN`, `acos(NaN) = NaN`.
    ///
    /// ```
    /// use nprand::math::acos;
    /// assert_eq!(acos(1.0), 0.0);
    /// assert_eq!(acos(-1.0), std::f64::consts::PI);
    /// assert_eq!(acos(0.0), std::f64::consts::FRAC_PI_2);
    /// assert_eq!(acos(0.5), std::f64::consts::FRAC_PI_3); // pi/3, correctly rounded
    /// assert!(acos(1.5).is_nan());
    /// ```
    #[must_use]
    pub fn acos / acos_portable(x: f64) -> f64 {
        let bits = x.to_bits();
        let ax = bits << 1;
        let (mut t, z, zl, jd, f0h, f0l);
        if ax > 0x7fc0_0000_0000_0000 {
            // |x| > 0.5
            (f0h, f0l) = if bits >> 63 != 0 { PI } else { (0.0, 0.0) };
            if ax >= 0x7fe0_0000_0000_0000 {
                // |x| >= 1
                if ax == 0x7fe0_0000_0000_0000 {
                    return f0h + f0l; // |x| = 1
                }
                if ax > 0xffe0_0000_0000_0000 {
                    return x + x; // NaN
                }
                return f64::NAN; // |x| > 1
            }
            // acos(x) = 2 asin(sqrt((1-x)/2)) for x > 0.5, pi minus that for x < -0.5:
            // z + zl = ±sqrt(t) as a double-double, t = 2 - 2|x| (exact).
            t = 2.0 - 2.0 * x.abs();
            jd = round_ties_even_small(t * 32.0);
            z = t.sqrt().copysign(x);
            zl = z.mul_add(z, -t) * ((-0.5 / t) * z);
            t = 0.25 * t - jd * (1.0 / 128.0);
        } else {
            // |x| <= 0.5: acos(x) = pi/2 - asin(x), reusing the same asin tables.
            (f0h, f0l) = PI_2;
            if ax <= 0x7919_6767_33ae_8fe4 {
                // |x| <= 0x1.cb3b399d747f2p-55: acos(x) rounds to pi/2.
                return f0h + f0l;
            }
            t = x * x;
            jd = round_ties_even_small(t * 128.0);
            t = x.mul_add(x, -(1.0 / 128.0) * jd);
            z = -x;
            zl = 0.0;
        }
        // asin(z + zl) = (z + zl) (c0 + (c1 + t P(t))), t = z^2 - j/128, j = round(128 z^2).
        let c = &ASIN_POLY[jd as usize];
        let t2 = t * t;
        let d = t * ((c[2] + t * c[3]) + t2 * ((c[4] + t * c[5]) + t2 * (c[6] + t * c[7])));
        let (fh, fl) = mul_dd(z, zl, c[0], c[1] + d);
        let (fh, fl) = fast_sum(f0h, f0l, fh, fl);
        // CORE-MATH's error bound of the fast path: if both ends round alike, that is the
        // correctly rounded result.
        let eps = (z * t).abs() * f64::from_bits(0x3cb8_b000_0000_0000)
            + f64::from_bits(0x3960_0000_0000_0000);
        let lb = fh + (fl - eps);
        let ub = fh + (fl + eps);
        if lb != ub {
            return refine(x, lb);
        }
        lb
    }
}

/// The accurate path: with x = sin(phi), rotate by the nearest pi j/64 so the remaining
/// angle v is small, sum asin's series in v as a double-double, and add j pi/64 in
/// triple-double precision; a few exact midpoint cases are listed.
#[cold]
#[inline(never)]
fn refine(x: f64, phi: f64) -> f64 {
    // cos(phi) = ch + cl = sqrt(1 - x^2) as a double-double.
    let s2 = x * x;
    let dx2 = x.mul_add(x, -s2);
    let (c2h, c2l) = fast_two_sub(1.0, s2);
    let (_, c2l) = fast_two_sum(c2h, c2l - dx2);
    let c2f = x.mul_add(-x, 1.0);
    let ch = c2f.sqrt();
    let cl = (c2l - ch.mul_add(ch, -c2f)) * ((0.5 / c2f) * ch);

    // 0 <= jf <= 32: the nearest multiple of pi/64 to |phi - pi/2|.
    let jf = round_ties_even_small((phi - PI_2.0).abs() * f64::from_bits(0x4034_5f30_6dc9_c883))
        as usize;
    let [cos_l, cos_h] = SIN_PI_64[32 - jf];
    let [sin_l, sin_h] = SIN_PI_64[jf];

    let ax = x.abs();
    let dsh = ax - sin_h;
    let dsl = -sin_l;
    let dch = ch - cos_h;
    let dcl = cl - cos_l;

    // sin(asin|x| - pi jf/64) = |x| cos - cos(phi) sin, formed exactly in two parts.
    const BIAS: f64 = 0.093_75; // 0x1.8p-4: aligns the products' rounding
    let sc = sin_h.mul_add(dch, BIAS) - BIAS;
    let dsc = sin_h.mul_add(dch, -sc);
    let cs = cos_h.mul_add(dsh, BIAS) - BIAS;
    let dcs = cos_h.mul_add(dsh, -cs);
    let v = cs - sc;
    let dv = (cos_h * dsl + cos_l * dsh) - (sin_h * dcl + sin_l * dch) - (dsc - dcs);
    let (v, dv) = fast_two_sum(v, dv);
    let sgn = 1.0f64.copysign(x);
    let jt = 32.0 - jf as f64 * sgn; // 0 <= jt <= 64

    // asin(v) = v (c0 + c1 v^2 + ...), the first five terms as double-doubles.
    let (v2, dv2) = mul_dd(v, dv, v, dv);
    let v = v * -sgn;
    let dv = dv * -sgn;
    let fl = v2 * (ASIN_TAYLOR[0] + v2 * (ASIN_TAYLOR[1] + v2 * ASIN_TAYLOR[2]));
    let (fh, fl) = poly_dd(v2, dv2, &ASIN_TAYLOR_DD, fl);
    let (fh, fl) = mul_dd(v, dv, fh, fl);

    // + jt pi/64 as a triple-double (ph and pl exact for 0 <= jt <= 64).
    let ph = jt * f64::from_bits(0x3fa9_21fb_5444_2d00);
    let pl = f64::from_bits(0x3ca8_4698_98cc_5180) * jt;
    let ps = f64::from_bits(0xb99f_c8f8_cbb5_bf6c) * jt;
    let (pl, ps) = sum(fh, fl, pl, ps);
    let (ph, pl) = fast_two_sum(ph, pl);
    let (pl, ps) = fast_two_sum(pl, ps);
    let (ph, pl) = fast_two_sum(ph, pl);
    let (pl, ps) = fast_two_sum(pl, ps);

    // If pl sits exactly on a rounding boundary of ph, nudge it by ps's sign, except for
    // the arguments where that is not enough (listed by CORE-MATH).
    let mut tb = pl.to_bits();
    let e = ((tb >> 52) & 0x7ff) as i64 - 1023;
    let e = (52 - (107 + e)).clamp(0, 52);
    let m = (1u64 << 52) - (1u64 << e);
    // For e = 0, C's `1 << (e-1)` shifts by -1; x86-64 masks the count to 63, which
    // `wrapping_shl` reproduces.
    if tb.wrapping_add(1u64.wrapping_shl((e - 1) as u32)) & m == 0 {
        if let Some(r) = exceptional(x) {
            return r;
        }
        if (ps.to_bits() ^ tb) >> 63 != 0 {
            tb -= 1;
        } else {
            tb += 1;
        }
        return ph + f64::from_bits(tb);
    }
    ph + pl
}

/// Σ c[i] x^i for a double-double x = xh + xl and double-double coefficients
/// (CORE-MATH's `polydd`), with `l` the low-order tail added to the top coefficient.
#[inline(always)]
fn poly_dd(xh: f64, xl: f64, c: &[[f64; 2]], l: f64) -> (f64, f64) {
    let n = c.len();
    let (mut ch, l) = fast_two_sum(c[n - 1][0], l);
    let mut cl = c[n - 1][1] + l;
    for ci in c[..n - 1].iter().rev() {
        (ch, cl) = mul_dd(xh, xl, ch, cl);
        (ch, cl) = fast_sum(ci[0], ci[1], ch, cl);
    }
    (ch, cl)
}

/// Arguments whose correctly rounded acos the triple-double path cannot decide, with
/// their results (high part + offset), as listed in CORE-MATH.
fn exceptional(x: f64) -> Option<f64> {
    const CASES: [(u64, u64, u64); 7] = [
        (
            0xbfc7_7116_4bfd_1f84,
            0x3ffc_1460_1daa_f657,
            0xbc90_0000_0000_0000,
        ),
        (
            0xbfe4_510e_e8eb_4e67,
            0x4002_11c0_e2c2_559e,
            0xbca0_0000_0000_0000,
        ),
        (
            0xbfd0_11c5_43f2_3a17,
            0x3ffd_318c_90d9_e8b7,
            0xbc90_0000_0000_0000,
        ),
        (
            0x3fef_ffff_ffff_fdc0,
            0x3e98_0000_0000_0024,
            0x3b30_0000_0000_0000,
        ),
        (
            0x3fb5_3ea6_c725_5e88,
            0x3ff7_cdac_b6bb_e707,
            0x3c90_0000_0000_0000,
        ),
        (
            0x3f4f_d737_be91_4578,
            0x3ff9_1e00_6d41_d8d8,
            0x3ca8_0000_0000_0000,
        ),
        (
            0x3fef_ffff_ffff_ff70,
            0x3e88_0000_0000_0009,
            0x3b20_0000_0000_0000,
        ),
    ];
    CASES
        .iter()
        .find(|&&(xb, _, _)| x.to_bits() == xb)
        .map(|&(_, h, l)| f64::from_bits(h) + f64::from_bits(l))
}
