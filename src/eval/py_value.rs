//! A Python value as `nprand eval --python` returns it, printed as Python would.

use super::format::{bytes_repr, collect, hex};
use super::pysem::str_repr;
use crate::fmt::FloatRepr;
use num_bigint::BigInt;
use std::io::{self, Write};

/// A Python value: what a `random.Random` method returns (or an argument passed to it).
///
/// ```
/// use nprand::eval::py_value::PyValue;
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
    /// A builtin class named in a call (`int`, `float`, ...), e.g. `uniform(int, 1)`.
    Type(String),
}

/// CPython 3.11's default `sys.get_int_max_str_digits()`: `repr`, `str` and
/// `json.dumps` refuse an int with more decimal digits.
pub const INT_MAX_STR_DIGITS: u64 = 4300;

impl PyValue {
    /// The text Python's `json.dumps(value)` writes: ints exact, floats as `repr`
    /// (`NaN`, `Infinity`), strings ASCII-escaped, tuples as lists.
    ///
    /// `json.dumps` refuses `bytes`; nprand writes them as a hex string
    /// (`value.hex()`), as it does for NumPy's `bytes()`.
    ///
    /// ```
    /// use nprand::eval::py_value::PyValue;
    /// // json.dumps(2**70) and json.dumps(float('nan')) and json.dumps('é')
    /// let big = num_bigint::BigInt::from(1u128 << 70);
    /// assert_eq!(PyValue::Int(big).to_json(), "1180591620717411303424");
    /// assert_eq!(PyValue::Float(f64::NAN).to_json(), "NaN");
    /// assert_eq!(PyValue::Str("é".into()).to_json(), "\"\\u00e9\"");
    /// // random.randbytes(2) -> b'\x01\xff', printed as "01ff"
    /// assert_eq!(PyValue::Bytes(vec![1, 255]).to_json(), "\"01ff\"");
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        collect(|w| self.write_json(w))
    }

    /// Writes [`to_json`](Self::to_json)'s text item by item (a `choices(k=10**7)` list
    /// is never held as one string).
    ///
    /// ```
    /// use nprand::eval::py_value::PyValue;
    /// let mut out = Vec::new();
    /// PyValue::List(vec![PyValue::Bool(true), PyValue::Float(0.5)]).write_json(&mut out).unwrap();
    /// assert_eq!(out, b"[true, 0.5]");
    /// ```
    pub fn write_json(&self, w: &mut dyn Write) -> io::Result<()> {
        match self {
            PyValue::None => w.write_all(b"null"),
            PyValue::Bool(b) => w.write_all(if *b { b"true" } else { b"false" }),
            PyValue::Int(n) => write!(w, "{n}"),
            PyValue::Float(x) => w.write_all(FloatRepr::new().json(*x).as_bytes()),
            PyValue::Str(s) => {
                let mut out = String::new();
                json_string(s, &mut out);
                w.write_all(out.as_bytes())
            }
            PyValue::Bytes(b) => {
                w.write_all(b"\"")?;
                for chunk in b.chunks(4096) {
                    w.write_all(hex(chunk).as_bytes())?;
                }
                w.write_all(b"\"")
            }
            PyValue::Type(name) => {
                let mut out = String::new();
                json_string(&format!("<class '{name}'>"), &mut out);
                w.write_all(out.as_bytes())
            }
            PyValue::List(items) | PyValue::Tuple(items) => {
                w.write_all(b"[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        w.write_all(b", ")?;
                    }
                    item.write_json(w)?;
                }
                w.write_all(b"]")
            }
        }
    }

    /// Python's `repr(value)`.
    ///
    /// ```
    /// use nprand::eval::py_value::PyValue;
    /// // repr(b'a\x00'), repr(("x", 1)), repr(1e-05), repr("it's")
    /// assert_eq!(PyValue::Bytes(vec![b'a', 0]).repr(), "b'a\\x00'");
    /// assert_eq!(PyValue::Tuple(vec![PyValue::Str("x".into()), PyValue::Int(1.into())]).repr(), "('x', 1)");
    /// assert_eq!(PyValue::Tuple(vec![PyValue::Int(1.into())]).repr(), "(1,)");
    /// assert_eq!(PyValue::Float(1e-5).repr(), "1e-05");
    /// assert_eq!(PyValue::Str("it's".into()).repr(), "\"it's\"");
    /// ```
    #[must_use]
    pub fn repr(&self) -> String {
        collect(|w| self.write_repr(w))
    }

    /// Writes [`repr`](Self::repr)'s text item by item.
    ///
    /// ```
    /// use nprand::eval::py_value::PyValue;
    /// let mut out = Vec::new();
    /// PyValue::List(vec![PyValue::None, PyValue::Float(1e-5)]).write_repr(&mut out).unwrap();
    /// assert_eq!(out, b"[None, 1e-05]");
    /// ```
    pub fn write_repr(&self, w: &mut dyn Write) -> io::Result<()> {
        match self {
            PyValue::None => w.write_all(b"None"),
            PyValue::Bool(b) => w.write_all(if *b { b"True" } else { b"False" }),
            PyValue::Int(n) => write!(w, "{n}"),
            PyValue::Float(x) => w.write_all(FloatRepr::new().repr(*x).as_bytes()),
            PyValue::Str(s) => w.write_all(str_repr(s).as_bytes()),
            PyValue::Bytes(b) => w.write_all(bytes_repr(b).as_bytes()),
            PyValue::Type(name) => write!(w, "<class '{name}'>"),
            PyValue::List(items) | PyValue::Tuple(items) => {
                let tuple = matches!(self, PyValue::Tuple(_));
                w.write_all(if tuple { b"(" } else { b"[" })?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        w.write_all(b", ")?;
                    }
                    item.write_repr(w)?;
                }
                if tuple && items.len() == 1 {
                    w.write_all(b",")?;
                }
                w.write_all(if tuple { b")" } else { b"]" })
            }
        }
    }

    /// Python's type name (`type(value).__name__`), used in error messages.
    ///
    /// ```
    /// assert_eq!(nprand::eval::py_value::PyValue::Float(1.0).type_name(), "float");
    /// ```
    #[must_use]
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
            PyValue::Type(_) => "type",
        }
    }

    /// CPython's check before it prints an int (`repr`, `str`, `json.dumps`): more than
    /// [`INT_MAX_STR_DIGITS`] decimal digits is a `ValueError`. Decided from the bit length
    /// (and one comparison with `10**4300` near the limit), so no quadratic conversion runs.
    ///
    /// ```
    /// use nprand::eval::py_value::PyValue;
    /// // str(10**4300 - 1) works; str(10**4300) raises
    /// let limit = num_bigint::BigInt::from(10u8).pow(4300);
    /// assert!(PyValue::Int(&limit - 1).check_printable().is_ok());
    /// let e = PyValue::List(vec![PyValue::Int(limit)]).check_printable().unwrap_err();
    /// assert!(e.message().starts_with("Exceeds the limit (4300 digits)"));
    /// ```
    pub fn check_printable(&self) -> crate::Result<()> {
        match self {
            PyValue::Int(n) => {
                // 10**4300 needs 14285 bits: fewer bits fit, more do not.
                let bits = n.bits();
                let too_many = bits > 14285
                    || (bits == 14285
                        && n.magnitude() >= &BigInt::from(10u8).pow(4300).into_parts().1);
                if too_many {
                    return Err(crate::Error::value(format!(
                        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                    )));
                }
                Ok(())
            }
            PyValue::List(items) | PyValue::Tuple(items) => {
                items.iter().try_for_each(PyValue::check_printable)
            }
            _ => Ok(()),
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
