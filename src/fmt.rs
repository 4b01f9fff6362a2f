//! Number formatting that matches Python's, so Rust and Python write identical text.

use crate::prelude::*;
use core::cmp::Ordering;

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
#[must_use]
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

/// [`py_float_repr`] and [`json_float`] without an allocation, for streaming millions of
/// elements: the shortest round-trip digits come from `zmij` (Schubfach: the shortest
/// digits, nearest the value, ties to even, as Gay's mode 0), laid out as Python does.
/// The unit tests compare it with [`py_float_repr`] on random bit patterns.
///
/// ```
/// let mut f = nprand::fmt::FloatRepr::new();
/// assert_eq!(f.repr(1e-5), "1e-05");
/// assert_eq!(f.repr(-2.5e16), "-2.5e+16");
/// assert_eq!(f.json(f64::NAN), "NaN");
/// ```
#[cfg(feature = "eval")]
pub struct FloatRepr {
    digits: zmij::Buffer,
    out: [u8; 32],
}

#[cfg(feature = "eval")]
impl core::fmt::Debug for FloatRepr {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("FloatRepr")
    }
}

#[cfg(feature = "eval")]
impl Default for FloatRepr {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(feature = "eval")]
impl FloatRepr {
    /// A reusable formatter.
    ///
    /// ```
    /// assert_eq!(nprand::fmt::FloatRepr::new().repr(0.1), "0.1");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        FloatRepr {
            digits: zmij::Buffer::new(),
            out: [0; 32],
        }
    }

    /// Python's `repr(x)`, as [`py_float_repr`].
    ///
    /// ```
    /// let mut f = nprand::fmt::FloatRepr::new();
    /// assert_eq!(f.repr(f64::NEG_INFINITY), "-inf");
    /// assert_eq!(f.repr(1234567890123456.0), "1234567890123456.0");
    /// ```
    pub fn repr(&mut self, x: f64) -> &str {
        if x.is_nan() {
            return "nan";
        }
        if x.is_infinite() {
            return if x > 0.0 { "inf" } else { "-inf" };
        }
        self.finite(x)
    }

    /// Python's `json.dumps(x)`, as [`json_float`].
    ///
    /// ```
    /// assert_eq!(nprand::fmt::FloatRepr::new().json(f64::INFINITY), "Infinity");
    /// ```
    pub fn json(&mut self, x: f64) -> &str {
        if x.is_nan() {
            return "NaN";
        }
        if x.is_infinite() {
            return if x > 0.0 { "Infinity" } else { "-Infinity" };
        }
        self.finite(x)
    }

    fn finite(&mut self, x: f64) -> &str {
        // zmij writes "-1.25", "0.00001", "1.5e+16" or "1e-7": read its digits and
        // decimal exponent back, then lay them out by Python's rules.
        let text = self.digits.format_finite(x);
        // Fast path: zmij's fixed notation (decimal exponents -5..=15) is Python's for
        // -4..=15, i.e. unless the value is below 1e-4 ("0.0000d...").
        let b = text.as_bytes();
        let body = if b[0] == b'-' { &b[1..] } else { b };
        if !body.contains(&b'e') && !body.starts_with(b"0.0000") {
            return text;
        }
        let (digits, nd, e10) = shortest_digits(b);
        let negative = x.is_sign_negative();
        let mut w = Out {
            buf: &mut self.out,
            len: 0,
        };
        if negative {
            w.push(b'-');
        }
        if nd == 0 {
            w.extend(b"0.0");
            return w.into_str();
        }
        let digits = &digits[..nd];
        let nd = nd as i32;
        if (-4..16).contains(&e10) {
            let point = e10 + 1;
            if point <= 0 {
                w.extend(b"0.");
                w.repeat(b'0', (-point) as usize);
                w.extend(digits);
            } else if point >= nd {
                w.extend(digits);
                w.repeat(b'0', (point - nd) as usize);
                w.extend(b".0");
            } else {
                w.extend(&digits[..point as usize]);
                w.push(b'.');
                w.extend(&digits[point as usize..]);
            }
        } else {
            w.push(digits[0]);
            if nd > 1 {
                w.push(b'.');
                w.extend(&digits[1..]);
            }
            w.push(b'e');
            w.push(if e10 < 0 { b'-' } else { b'+' });
            let a = e10.unsigned_abs();
            if a >= 100 {
                w.push(b'0' + (a / 100) as u8);
            }
            w.push(b'0' + (a / 10 % 10) as u8);
            w.push(b'0' + (a % 10) as u8);
        }
        w.into_str()
    }
}

/// The significant digits of zmij's text for a finite float ("-1.25", "0.00001",
/// "1.5e+16", "1e-7"): `(digits, count, e10)` with the value `d1.d2d3... x 10^e10`,
/// leading and trailing zeros dropped (count 0 for zero).
#[cfg(feature = "eval")]
pub(crate) fn shortest_digits(s: &[u8]) -> ([u8; 24], usize, i32) {
    let (mant, exp) = match s.iter().position(|&c| c == b'e') {
        Some(i) => (&s[..i], parse_exp(&s[i + 1..])),
        None => (s, 0),
    };
    // The value is 0.d1d2... x 10^(int_len - lead_zeros + exp).
    let mut digits = [0u8; 24];
    let mut nd = 0;
    let mut int_len = 0i32;
    let mut lead_zeros = 0i32;
    let mut seen_point = false;
    for &c in mant {
        match c {
            b'.' => seen_point = true,
            b'0'..=b'9' => {
                if !seen_point {
                    int_len += 1;
                }
                if nd == 0 && c == b'0' {
                    lead_zeros += 1;
                } else if nd < digits.len() {
                    digits[nd] = c;
                    nd += 1;
                }
            }
            _ => {}
        }
    }
    while nd > 0 && digits[nd - 1] == b'0' {
        nd -= 1;
    }
    (digits, nd, int_len - lead_zeros + exp - 1)
}

/// The exponent after zmij's `e`: an optional sign and decimal digits.
#[cfg(feature = "eval")]
fn parse_exp(s: &[u8]) -> i32 {
    let (neg, d) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let v = d.iter().fold(0i32, |a, &c| a * 10 + i32::from(c - b'0'));
    if neg {
        -v
    } else {
        v
    }
}

/// A tiny bounded writer into [`FloatRepr`]'s buffer (at most 25 bytes are written).
#[cfg(feature = "eval")]
struct Out<'a> {
    buf: &'a mut [u8; 32],
    len: usize,
}

#[cfg(feature = "eval")]
impl<'a> Out<'a> {
    fn push(&mut self, c: u8) {
        self.buf[self.len] = c;
        self.len += 1;
    }
    fn extend(&mut self, s: &[u8]) {
        self.buf[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }
    fn repeat(&mut self, c: u8, n: usize) {
        self.buf[self.len..self.len + n].fill(c);
        self.len += n;
    }
    fn into_str(self) -> &'a str {
        // Only ASCII digits, signs, '.', 'e' were written.
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// A float as Python's `json.dumps` writes it: `repr`, with `NaN`, `Infinity`, `-Infinity`.
///
/// ```
/// assert_eq!(nprand::fmt::json_float(f64::NAN), "NaN");
/// assert_eq!(nprand::fmt::json_float(f64::NEG_INFINITY), "-Infinity");
/// assert_eq!(nprand::fmt::json_float(2.5), "2.5");
/// ```
#[must_use]
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
#[must_use]
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

    /// The streaming formatter equals the reference one on random bit patterns, on
    /// widened float32s, on integers and halves near 2**53 (where ties live), on powers of
    /// ten at the fixed/scientific borders, and on subnormals.
    #[cfg(feature = "eval")]
    #[test]
    fn float_repr_equals_py_float_repr() {
        let mut f = FloatRepr::new();
        let mut check = |x: f64| {
            assert_eq!(f.repr(x), py_float_repr(x), "bits {:#x}", x.to_bits());
            assert_eq!(f.json(x), json_float(x), "bits {:#x}", x.to_bits());
        };
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        for _ in 0..20_000 {
            let b = next();
            check(f64::from_bits(b));
            check(f64::from(f32::from_bits(b as u32)));
            check((b >> 11) as f64 * (1.0 / (1u64 << 53) as f64));
            check(((b >> 11) as f64 + 0.5) * 1024.0);
        }
        for e in -330..310 {
            let p = format!("1e{e}").parse::<f64>().unwrap_or(0.0);
            for x in [
                p,
                -p,
                p * 1.5,
                p * 0.999_999_999_999_999_9,
                f64::from_bits(p.to_bits() + 1),
            ] {
                check(x);
            }
        }
        for k in 0..2000u64 {
            check(((1u64 << 53) + k) as f64);
            check(k as f64 / 8.0 + 11_669_462_770_443.0);
            check(f64::from_bits(k));
        }
        for x in [
            0.0,
            -0.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
        ] {
            check(x);
        }
    }
}
