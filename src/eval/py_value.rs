//! A Python value as `nprand eval --python` returns it, printed as Python would.

use super::pysem::str_repr;
use crate::fmt::{json_float as py_json_float, py_float_repr as py_repr_float};
use num_bigint::BigInt;

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
            PyValue::Type(name) => json_string(&format!("<class '{name}'>"), out),
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
    /// use nprand::eval::py_value::PyValue;
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
            PyValue::Type(name) => format!("<class '{name}'>"),
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
    /// assert_eq!(nprand::eval::py_value::PyValue::Float(1.0).type_name(), "float");
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
                    || (bits == 14285 && n.magnitude() >= &BigInt::from(10u8).pow(4300).into_parts().1);
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
