//! A Python value as `nprand eval --python` returns it, printed as Python would.

use crate::fmt::{json_float, py_float_repr};
use num_bigint::BigInt;

/// A Python value: what a `random.Random` method returns (or an argument passed to it).
///
/// ```
/// use nprand::python::PyValue;
/// // json.dumps([1, 2.5, None, 'a']) and repr([1, 2.5, None, 'a'])
/// let v = PyValue::List(vec![
///     PyValue::Int(1.into()),
///     PyValue::Float(2.5),
///     PyValue::None,
///     PyValue::Str("a".into()),
/// ]);
/// assert_eq!(v.to_json(), "[1, 2.5, null, \"a\"]");
/// assert_eq!(v.repr(), "[1, 2.5, None, 'a']");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum PyValue {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An `int` of any size.
    Int(BigInt),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(String),
    /// `bytes` (from `randbytes`).
    Bytes(Vec<u8>),
    /// A `list`.
    List(Vec<PyValue>),
    /// A `tuple` (e.g. an element of a population given as a list of tuples).
    Tuple(Vec<PyValue>),
}

impl PyValue {
    /// The text Python's `json.dumps(value)` writes: ints exact, floats as `repr`
    /// (`NaN`, `Infinity`), strings ASCII-escaped, tuples as lists.
    ///
    /// `json.dumps` refuses `bytes`; nprand writes them as a hex string
    /// (`value.hex()`), as it does for NumPy's `bytes()`.
    ///
    /// ```
    /// use nprand::python::PyValue;
    /// // json.dumps(2**70) and json.dumps(float('nan')) and json.dumps('é')
    /// let big = num_bigint::BigInt::from(1u128 << 70);
    /// assert_eq!(PyValue::Int(big).to_json(), "1180591620717411303424");
    /// assert_eq!(PyValue::Float(f64::NAN).to_json(), "NaN");
    /// assert_eq!(PyValue::Str("é".into()).to_json(), "\"\\u00e9\"");
    /// // random.randbytes(2) -> b'\x01\xff', printed as "01ff"
    /// assert_eq!(PyValue::Bytes(vec![1, 255]).to_json(), "\"01ff\"");
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            PyValue::None => out.push_str("null"),
            PyValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            PyValue::Int(n) => out.push_str(&n.to_string()),
            PyValue::Float(x) => out.push_str(&py_json_float(*x)),
            PyValue::Str(s) => json_string(s, out),
            PyValue::Bytes(b) => {
                out.push('"');
                for byte in b {
                    out.push_str(&format!("{byte:02x}"));
                }
                out.push('"');
            }
            PyValue::List(items) | PyValue::Tuple(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
        }
    }

    /// Python's `repr(value)`.
    ///
    /// ```
    /// use nprand::python::PyValue;
    /// // repr(b'a\x00'), repr(("x", 1)), repr(1e-05), repr("it's")
    /// assert_eq!(PyValue::Bytes(vec![b'a', 0]).repr(), "b'a\\x00'");
    /// assert_eq!(PyValue::Tuple(vec![PyValue::Str("x".into()), PyValue::Int(1.into())]).repr(), "('x', 1)");
    /// assert_eq!(PyValue::Tuple(vec![PyValue::Int(1.into())]).repr(), "(1,)");
    /// assert_eq!(PyValue::Float(1e-5).repr(), "1e-05");
    /// assert_eq!(PyValue::Str("it's".into()).repr(), "\"it's\"");
    /// ```
    pub fn repr(&self) -> String {
        match self {
            PyValue::None => "None".into(),
            PyValue::Bool(b) => if *b { "True" } else { "False" }.into(),
            PyValue::Int(n) => n.to_string(),
            PyValue::Float(x) => py_repr_float(*x),
            PyValue::Str(s) => str_repr(s),
            PyValue::Bytes(b) => bytes_repr(b),
            PyValue::List(items) => {
                let parts: Vec<String> = items.iter().map(|v| v.repr()).collect();
                format!("[{}]", parts.join(", "))
            }
            PyValue::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(|v| v.repr()).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
        }
    }

    /// Python's type name (`type(value).__name__`), used in error messages.
    ///
    /// ```
    /// assert_eq!(nprand::python::PyValue::Float(1.0).type_name(), "float");
    /// ```
    pub fn type_name(&self) -> &'static str {
        match self {
            PyValue::None => "NoneType",
            PyValue::Bool(_) => "bool",
            PyValue::Int(_) => "int",
            PyValue::Float(_) => "float",
            PyValue::Str(_) => "str",
            PyValue::Bytes(_) => "bytes",
            PyValue::List(_) => "list",
            PyValue::Tuple(_) => "tuple",
        }
    }
}

fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (' '..='~').contains(&c) => out.push(c),
            c => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
}

/// Python's `repr(str)`. Non-ASCII characters are kept when printable; this follows
/// Python for ASCII and Latin-1 controls, and treats every other non-ASCII
/// character as printable (Python consults the Unicode database).
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
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
            c if (c as u32) < 0x20 || (0x7f..0xa1).contains(&(c as u32)) || c == '\u{ad}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(bytes)`.
fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            q if q == quote => {
                out.push('\\');
                out.push(q as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// Python's `repr(float)`, exactly: the shortest string that round-trips and, among
/// strings of that length, the one nearest to the value, ties to an even last digit
/// (David Gay's `dtoa`, mode 0).
///
/// Rust's shortest formatting rounds such a tie up, so `nprand::fmt::py_float_repr`
/// prints `11669462770443.313` where Python prints `11669462770443.312` (the value is
/// exactly …443.3125). This corrects the last digit and then lays the digits out as
/// Python does.
///
/// ```
/// use nprand::python::py_repr_float;
/// // repr(math.exp(30.087996526072533)) == '11669462770443.312'
/// assert_eq!(py_repr_float(f64::from_bits(0x42a53a045dc616a0)), "11669462770443.312");
/// assert_eq!(py_repr_float(0.1), "0.1");
/// assert_eq!(py_repr_float(1e-5), "1e-05");
/// assert_eq!(py_repr_float(f64::NAN), "nan");
/// ```
pub fn py_repr_float(x: f64) -> String {
    if !x.is_finite() || x == 0.0 {
        return py_float_repr(x);
    }
    let e = format!("{:e}", x.abs());
    let (mant, exp) = e.split_once('e').expect("LowerExp has an exponent");
    let exp: i32 = exp.parse().expect("integer exponent");
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let n = digits.len() as i32;
    let exp10 = exp - (n - 1); // value = digits * 10**exp10
    let d: u64 = digits.parse().expect("at most 17 digits");
    let mut best = d;
    for alt in [d.wrapping_sub(1), d + 1] {
        if alt == 0 || alt.to_string().len() != digits.len() {
            continue;
        }
        if format!("{alt}e{exp10}").parse::<f64>() != Ok(x.abs()) {
            continue;
        }
        match closer(alt, best, exp10, x.abs()) {
            std::cmp::Ordering::Less => best = alt,
            std::cmp::Ordering::Equal if alt % 2 == 0 => best = alt,
            _ => {}
        }
    }
    if best == d {
        return py_float_repr(x);
    }
    let best = best.to_string();
    // Re-parse "d.ddde±x" through the same layout: the corrected digits give a float
    // whose shortest digits may differ again, so lay them out here.
    layout(x < 0.0, &best, exp10 + best.len() as i32 - 1)
}

/// Compare `|a*10^p - v|` with `|b*10^p - v|` exactly.
fn closer(a: u64, b: u64, p: i32, v: f64) -> std::cmp::Ordering {
    use num_bigint::BigInt;
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, q) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    // Scale everything by 10^max(0,-p) * 2^max(0,-q) to get integers.
    let ten = BigInt::from(10u8);
    let two = BigInt::from(2u8);
    let s10 = (-p).max(0) as u32;
    let s2 = (-q).max(0) as u32;
    let scaled =
        |c: u64| -> BigInt { BigInt::from(c) * ten.pow((p + s10 as i32) as u32) * two.pow(s2) };
    let vv = BigInt::from(m) * two.pow((q + s2 as i32) as u32) * ten.pow(s10);
    let da = (scaled(a) - &vv).magnitude().clone();
    let db = (scaled(b) - &vv).magnitude().clone();
    da.cmp(&db)
}

/// Python's float layout for digits `d.ddd × 10^exp`: fixed notation for exponents
/// -4..16, else `1e-05` / `1.5e+16`.
fn layout(negative: bool, digits: &str, exp: i32) -> String {
    let sign = if negative { "-" } else { "" };
    let nd = digits.len() as i32;
    if (-4..16).contains(&exp) {
        let point = exp + 1;
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

/// `json.dumps(float)`: [`py_repr_float`], with `NaN`, `Infinity`, `-Infinity`.
///
/// ```
/// use nprand::python::py_json_float;
/// assert_eq!(py_json_float(f64::INFINITY), "Infinity");
/// assert_eq!(py_json_float(2.5), "2.5");
/// ```
pub fn py_json_float(x: f64) -> String {
    if x.is_finite() {
        py_repr_float(x)
    } else {
        json_float(x)
    }
}
