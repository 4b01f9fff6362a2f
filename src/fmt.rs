//! Number formatting that matches Python's, so Rust and Python write identical text.

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

/// Compare `|a·10^p − v|` with `|b·10^p − v|` exactly, by comparing `v` with the midpoint
/// `(a + b)·10^p / 2`. Every double has a finite decimal expansion of at most 767
/// significant digits, and Rust prints it exactly when asked for enough digits, so the
/// comparison needs no big-integer arithmetic (the library stays dependency-free).
fn distance_cmp(a: u64, b: u64, p: i32, v: f64) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    // v = exact × 10^(e - 800), exactly (801 significant digits ≥ 767).
    let e = format!("{:.800e}", v);
    let (mant, exp) = e.split_once('e').expect("LowerExp always has an exponent");
    let exact: String = mant.chars().filter(|c| *c != '.').collect();
    let exp: i32 = exp.parse().expect("exponent is an integer");
    // midpoint = 5(a + b) × 10^(p - 1); a, b < 10^17 so 5(a + b) fits in a u64.
    let mid = (5 * (a + b)).to_string();
    let v_vs_mid = decimal_cmp(&exact, exp - 800, &mid, p - 1);
    let (lo, hi) = if a < b {
        (Ordering::Less, Ordering::Greater)
    } else {
        (Ordering::Greater, Ordering::Less)
    };
    match v_vs_mid {
        Ordering::Less => lo,
        Ordering::Greater => hi,
        Ordering::Equal => Ordering::Equal,
    }
}

/// Compare the non-negative numbers `int(x)·10^ex` and `int(y)·10^ey` given as decimal
/// digit strings.
fn decimal_cmp(x: &str, ex: i32, y: &str, ey: i32) -> Ordering {
    fn norm(s: &str, e: i32) -> (&str, i32) {
        let s = s.trim_start_matches('0');
        let t = s.trim_end_matches('0');
        (t, e + (s.len() - t.len()) as i32)
    }
    let (x, ex) = norm(x, ex);
    let (y, ey) = norm(y, ey);
    match (x.is_empty(), y.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    // Position of the leading digit decides first, then the digits, left to right (a
    // missing digit counts as 0, so a prefix is the smaller number).
    let lead = |s: &str, e: i32| s.len() as i32 + e;
    lead(x, ex)
        .cmp(&lead(y, ey))
        .then_with(|| x.as_bytes().cmp(y.as_bytes()))
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

/// Python's `repr(str)`: single quotes unless the text contains one and no double
/// quote; `\\`, `\n`, `\r`, `\t` and the quote escaped; other non-printable characters
/// as `\xNN` / `\uNNNN` / `\UNNNNNNNN` (CPython's `unicode_repr`).
///
/// CPython asks the Unicode database which characters are printable; without it, this
/// escapes the C0/C1 controls, DEL, every non-space whitespace (Zs/Zl/Zp and the
/// controls Rust counts as whitespace), the format characters listed in `is_format`
/// and the private-use planes, and keeps every other character (so unassigned code
/// points print raw where CPython escapes them).
///
/// ```
/// use nprand::fmt::py_str_repr;
/// assert_eq!(py_str_repr("a\tb"), r"'a\tb'");   // repr('a\tb')
/// assert_eq!(py_str_repr("it's"), r#""it's""#);
/// ```
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !is_printable(c) => {
                let v = u32::from(c);
                if v < 0x100 {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v < 0x10000 {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable()` for one character, as far as it can be told without
/// the Unicode database (see [`str_repr`]).
fn is_printable(c: char) -> bool {
    let v = u32::from(c);
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || is_format(v)
        || (0xe000..=0xf8ff).contains(&v)
        || v >= 0xf0000)
}

/// The assigned format characters (category Cf) of the Basic Multilingual Plane and
/// the tag block, which CPython escapes.
fn is_format(v: u32) -> bool {
    matches!(v,
        0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2 | 0x180e
        | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2064 | 0x2066..=0x206f
        | 0xfeff | 0xfff9..=0xfffb | 0x110bd | 0x110cd | 0x13430..=0x1343f
        | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a | 0xe0001 | 0xe0020..=0xe007f)
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
