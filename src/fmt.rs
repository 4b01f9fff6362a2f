//! Number formatting that matches Python's, so Rust and Python write identical text.

use num_bigint::BigInt;
use std::cmp::Ordering;

/// Python's `repr(float)`: the shortest string that round-trips and, among those of that
/// length, the one nearest to the value with ties to an even last digit (David Gay's
/// `dtoa` mode 0), laid out as Python does (fixed notation for decimal exponents -4..16,
/// else `1e-05` / `1.5e+16`); `nan`, `inf`, `-inf`.
///
/// ```
/// use nprand::fmt::py_float_repr;
/// assert_eq!(py_float_repr(0.1), "0.1");
/// assert_eq!(py_float_repr(1.0), "1.0");
/// assert_eq!(py_float_repr(1e-5), "1e-05");
/// assert_eq!(py_float_repr(1.5e16), "1.5e+16");
/// assert_eq!(py_float_repr(-0.0), "-0.0");
/// assert_eq!(py_float_repr(123456789012345.6), "123456789012345.6");
/// // repr(math.exp(30.087996526072533)) == '11669462770443.312' (a tie: ...443.3125)
/// assert_eq!(py_float_repr(f64::from_bits(0x42a53a045dc616a0)), "11669462770443.312");
/// ```
pub fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let v = x.abs();
    // Rust's `{:e}` gives the shortest round-trip digits ("d.dddde-7"), but breaks a tie
    // between two equally near digit strings upwards where Python rounds to even.
    let e = format!("{:e}", v);
    let (mant, exp) = e.split_once('e').expect("LowerExp always has an exponent");
    let exp: i32 = exp.parse().expect("exponent is an integer");
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let nd = digits.len();
    let exp10 = exp - (nd as i32 - 1); // v ≈ digits × 10^exp10
    let d: u64 = digits.parse().expect("at most 17 digits");
    let mut best = d;
    for alt in [d - 1, d + 1] {
        if alt == 0 || alt.to_string().len() != nd {
            continue;
        }
        if format!("{alt}e{exp10}").parse::<f64>() != Ok(v) {
            continue;
        }
        match distance_cmp(alt, best, exp10, v) {
            Ordering::Less => best = alt,
            Ordering::Equal if alt % 2 == 0 => best = alt,
            _ => {}
        }
    }
    let best = best.to_string();
    layout(x < 0.0, &best, exp10 + best.len() as i32 - 1)
}

/// Compare `|a·10^p − v|` with `|b·10^p − v|` exactly.
fn distance_cmp(a: u64, b: u64, p: i32, v: f64) -> Ordering {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, q) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    // Scale by 10^max(0,-p) · 2^max(0,-q) so that everything is an integer.
    let s10 = (-p).max(0) as u32;
    let s2 = (-q).max(0) as u32;
    let ten = BigInt::from(10u8);
    let two = BigInt::from(2u8);
    let scaled = |c: u64| BigInt::from(c) * ten.pow((p + s10 as i32) as u32) * two.pow(s2);
    let vv = BigInt::from(m) * two.pow((q + s2 as i32) as u32) * ten.pow(s10);
    (scaled(a) - &vv)
        .magnitude()
        .cmp((scaled(b) - &vv).magnitude())
}

/// Python's layout of digits `d.ddd × 10^exp`.
fn layout(negative: bool, digits: &str, exp: i32) -> String {
    let sign = if negative { "-" } else { "" };
    let nd = digits.len() as i32;
    if (-4..16).contains(&exp) {
        let point = exp + 1; // digits before the decimal point
        if point <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        } else if point >= nd {
            format!("{sign}{digits}{}.0", "0".repeat((point - nd) as usize))
        } else {
            let (a, b) = digits.split_at(point as usize);
            format!("{sign}{a}.{b}")
        }
    } else {
        let m = if nd == 1 {
            digits.to_string()
        } else {
            format!("{}.{}", &digits[..1], &digits[1..])
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{m}e{esign}{:02}", exp.abs())
    }
}

/// A float as Python's `json.dumps` writes it: `repr`, with `NaN`, `Infinity`, `-Infinity`.
///
/// ```
/// assert_eq!(nprand::fmt::json_float(f64::NAN), "NaN");
/// assert_eq!(nprand::fmt::json_float(f64::NEG_INFINITY), "-Infinity");
/// assert_eq!(nprand::fmt::json_float(2.5), "2.5");
/// ```
pub fn json_float(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        py_float_repr(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn repr_round_trips(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let s = py_float_repr(x);
            prop_assert_eq!(s.parse::<f64>().unwrap().to_bits(), x.to_bits());
        }
    }
}
