//! Rendering a [`Value`] as text (for people) or JSON (for programs).
//!
//! - **text**: Python's `repr` for Python scalars (`0.5488135039273248`, `3`, `True`),
//!   NumPy 2's `repr` for NumPy scalars (`np.int8(3)`, `np.True_`), Python's `repr` for
//!   bytes (`b'\x8f2'`), and NumPy's `str` layout for arrays (nested brackets,
//!   space-separated, right-aligned) but with every float in full round-trip precision
//!   (Python's shortest `repr`). A 0-d array prints as its element, an empty array as
//!   `[]`, `None` as nothing.
//! - **json**: `{"dtype": "float64", "shape": [2, 3], "data": [flat C order]}`, floats
//!   as Python's `json.dumps` writes them (`NaN`, `Infinity`), bytes as a hex string,
//!   `None` as `null`.
//!
//! ```
//! use nprand::eval::format::{to_json, to_text};
//! use nprand::eval::value::{Data, Value};
//! let v = Value::array(Data::F64(vec![0.5, 1.25, -3.0, f64::NAN]), vec![2, 2]);
//! assert_eq!(to_text(&v), "[[ 0.5 1.25]\n [-3.0  nan]]");
//! assert_eq!(to_json(&v), r#"{"dtype": "float64", "shape": [2, 2], "data": [0.5, 1.25, -3.0, NaN]}"#);
//! ```

use super::value::{Data, Kind, Value};
use crate::fmt::FloatRepr;
use std::io::{self, Write};

/// The text form of `v` (no trailing newline; empty for `None`): [`write_text`] into a
/// `String`.
///
/// ```
/// use nprand::eval::format::to_text;
/// use nprand::eval::value::{Data, Value};
/// assert_eq!(to_text(&Value::py_scalar(Data::F64(vec![0.1]))), "0.1");
/// assert_eq!(to_text(&Value::np_scalar(Data::U8(vec![7]))), "np.uint8(7)");
/// assert_eq!(to_text(&Value::np_scalar(Data::Bool(vec![true]))), "np.True_");
/// assert_eq!(to_text(&Value::array(Data::Bool(vec![true, false]), vec![2])), "[ True False]");
/// assert_eq!(to_text(&Value::bytes(vec![0x41, 0x00, 0x27])), r#"b"A\x00'""#);
/// ```
#[must_use]
pub fn to_text(v: &Value) -> String {
    collect(|w| write_text(w, v))
}

/// The JSON line of `v` (no trailing newline): [`write_json`] into a `String`.
///
/// ```
/// use nprand::eval::format::to_json;
/// use nprand::eval::value::{Data, Value};
/// assert_eq!(to_json(&Value::py_scalar(Data::I64(vec![-3]))),
///            r#"{"dtype": "int64", "shape": [], "data": [-3]}"#);
/// assert_eq!(to_json(&Value::bytes(vec![0xab, 0x01])),
///            r#"{"dtype": "bytes", "shape": [2], "data": "ab01"}"#);
/// assert_eq!(to_json(&Value::none()), "null");
/// ```
#[must_use]
pub fn to_json(v: &Value) -> String {
    collect(|w| write_json(w, v))
}

/// Runs a writer into memory. Writing to a `Vec` cannot fail and every writer here
/// writes ASCII or the UTF-8 of a `str`, so the conversion is lossless.
pub(crate) fn collect(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
    let mut buf = Vec::new();
    // A Vec<u8> writer never returns an error.
    let _ = f(&mut buf);
    String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes the text form of `v` (see the module docs; nothing for `None`, no newline)
/// element by element: memory stays bounded whatever the array's size (floats are
/// formatted twice, once to find the column width, instead of being stored).
///
/// ```
/// use nprand::eval::format::write_text;
/// use nprand::eval::value::{Data, Value};
/// let mut out = Vec::new();
/// write_text(&mut out, &Value::array(Data::I16(vec![1, -20, 3, 4]), vec![2, 2])).unwrap();
/// assert_eq!(out, b"[[  1 -20]\n [  3   4]]");
/// ```
pub fn write_text(w: &mut dyn Write, v: &Value) -> io::Result<()> {
    if v.is_none() {
        return Ok(());
    }
    match (v.kind, &v.data) {
        (Kind::Bytes, Data::Bytes(b)) => w.write_all(bytes_repr(b).as_bytes()),
        (Kind::PyScalar, d) => each(d, Mode::Text, &mut |s: &str| w.write_all(s.as_bytes())),
        (Kind::NpScalar, d) => np_scalar_repr(w, d),
        (_, d) => array_text(w, d, &v.shape),
    }
}

/// Writes the JSON line of `v` (no newline): `{"dtype": …, "shape": […], "data": …}`
/// with `data` a flat C-order list (a hex string for bytes), or `null` for `None`,
/// element by element.
///
/// ```
/// use nprand::eval::format::write_json;
/// use nprand::eval::value::{Data, Value};
/// let mut out = Vec::new();
/// write_json(&mut out, &Value::array(Data::F32(vec![0.5, f32::NAN]), vec![2])).unwrap();
/// assert_eq!(out, br#"{"dtype": "float32", "shape": [2], "data": [0.5, NaN]}"#);
/// ```
pub fn write_json(w: &mut dyn Write, v: &Value) -> io::Result<()> {
    if v.is_none() {
        return w.write_all(b"null");
    }
    write!(w, "{{\"dtype\": \"{}\", \"shape\": [", v.dtype_name())?;
    for (i, d) in v.shape.iter().enumerate() {
        if i > 0 {
            w.write_all(b", ")?;
        }
        write!(w, "{d}")?;
    }
    w.write_all(b"], \"data\": ")?;
    if let Data::Bytes(b) = &v.data {
        w.write_all(b"\"")?;
        for chunk in b.chunks(4096) {
            w.write_all(hex(chunk).as_bytes())?;
        }
        return w.write_all(b"\"}");
    }
    w.write_all(b"[")?;
    let mut first = true;
    each(&v.data, Mode::Json, &mut |s: &str| {
        if !first {
            w.write_all(b", ")?;
        }
        first = false;
        w.write_all(s.as_bytes())
    })?;
    w.write_all(b"]}")
}

/// Lower-case hex of `b`.
///
/// ```
/// assert_eq!(nprand::eval::format::hex(&[0, 255, 16]), "00ff10");
/// ```
#[must_use]
pub fn hex(b: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(2 * b.len());
    for &x in b {
        s.push(DIGITS[usize::from(x >> 4)] as char);
        s.push(DIGITS[usize::from(x & 15)] as char);
    }
    s
}

/// Python's `repr` of a bytes object.
///
/// ```
/// assert_eq!(nprand::eval::format::bytes_repr(b"a'\n\xff"), r#"b"a'\n\xff""#);
/// assert_eq!(nprand::eval::format::bytes_repr(b"a\\"), r"b'a\\'");
/// ```
#[must_use]
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::from("b");
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            c if c == quote as u8 => {
                s.push('\\');
                s.push(c as char);
            }
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}

/// Which spelling of an element: Python's `repr` (`True`, `nan`) or `json.dumps`'s
/// (`true`, `NaN`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Text,
    Json,
}

/// One element's text, written into reusable buffers (no allocation per element).
struct Scratch {
    float: FloatRepr,
    int: itoa::Buffer,
}

impl Scratch {
    fn new() -> Self {
        Scratch {
            float: FloatRepr::new(),
            int: itoa::Buffer::new(),
        }
    }
}

/// An element type of [`Data`]: how Python / `json.dumps` spell one element.
trait Elem: Copy {
    fn spell(self, s: &mut Scratch, mode: Mode) -> &str;
}

macro_rules! int_elem {
    ($($t:ty),*) => {$(
        impl Elem for $t {
            fn spell(self, s: &mut Scratch, _: Mode) -> &str {
                s.int.format(self)
            }
        }
    )*};
}
int_elem!(i8, u8, i16, u16, i32, u32, i64, u64);

impl Elem for bool {
    fn spell(self, _: &mut Scratch, mode: Mode) -> &str {
        match (mode, self) {
            (Mode::Text, true) => "True",
            (Mode::Text, false) => "False",
            (Mode::Json, true) => "true",
            (Mode::Json, false) => "false",
        }
    }
}

impl Elem for f64 {
    fn spell(self, s: &mut Scratch, mode: Mode) -> &str {
        match mode {
            Mode::Text => s.float.repr(self),
            Mode::Json => s.float.json(self),
        }
    }
}

impl Elem for f32 {
    // Exact: the float32 value as Python sees it after `.tolist()`.
    fn spell(self, s: &mut Scratch, mode: Mode) -> &str {
        f64::from(self).spell(s, mode)
    }
}

/// Calls `f` with each element's spelling in C order, stopping at the first error.
fn each(d: &Data, mode: Mode, f: &mut dyn FnMut(&str) -> io::Result<()>) -> io::Result<()> {
    fn go<T: Elem>(
        v: &[T],
        mode: Mode,
        f: &mut dyn FnMut(&str) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut s = Scratch::new();
        v.iter().try_for_each(|&x| f(x.spell(&mut s, mode)))
    }
    match d {
        Data::Bool(v) => go(v, mode, f),
        Data::I8(v) => go(v, mode, f),
        Data::U8(v) | Data::Bytes(v) => go(v, mode, f),
        Data::I16(v) => go(v, mode, f),
        Data::U16(v) => go(v, mode, f),
        Data::I32(v) => go(v, mode, f),
        Data::U32(v) => go(v, mode, f),
        Data::I64(v) => go(v, mode, f),
        Data::U64(v) => go(v, mode, f),
        Data::F64(v) => go(v, mode, f),
        Data::F32(v) => go(v, mode, f),
    }
}

/// NumPy 2's `repr` of a scalar: `np.float64(0.5)`, `np.int8(-3)`, `np.True_`.
fn np_scalar_repr(w: &mut dyn Write, d: &Data) -> io::Result<()> {
    if let Data::Bool(v) = d {
        return write!(w, "np.{}_", if v[0] { "True" } else { "False" });
    }
    write!(w, "np.{}(", d.dtype_name())?;
    let mut once = true;
    each(d, Mode::Text, &mut |s: &str| {
        if once {
            once = false;
            w.write_all(s.as_bytes())?;
        }
        Ok(())
    })?;
    w.write_all(b")")
}

/// NumPy's `str` layout: nested brackets, elements right-aligned to a common width,
/// rows separated by newlines (and blank lines between higher-dimensional blocks).
fn array_text(w: &mut dyn Write, d: &Data, shape: &[usize]) -> io::Result<()> {
    if shape.is_empty() {
        return each(d, Mode::Text, &mut |s: &str| w.write_all(s.as_bytes()));
    }
    if d.is_empty() {
        return w.write_all(b"[]");
    }
    // First pass: the column width. Second pass: the layout. Element i opens as many
    // brackets as trailing axes it starts, and closes as many as it ends.
    let mut width = 0;
    each(d, Mode::Text, &mut |s: &str| {
        width = width.max(s.len());
        Ok(())
    })?;
    let ndim = shape.len();
    // strides[k]: elements in one block of axes k.. (strides[0] = all, strides[ndim] = 1).
    let mut strides = vec![1usize; ndim + 1];
    for k in (0..ndim).rev() {
        strides[k] = strides[k + 1] * shape[k];
    }
    // The outermost axis whose block starts at flat index i (ndim: none, i.e. i is just
    // the next element of a row).
    let starts = |i: usize| {
        (0..=ndim)
            .find(|&k| i.is_multiple_of(strides[k]))
            .unwrap_or(ndim)
    };
    let mut i = 0usize;
    each(d, Mode::Text, &mut |s: &str| {
        let e = starts(i);
        if i > 0 {
            if e == ndim {
                w.write_all(b" ")?;
            } else {
                // A new block of axis e-1's children: one newline per inner axis, and
                // an indent of e columns (NumPy's blank lines between 2-d blocks).
                repeat(w, b'\n', ndim - e)?;
                repeat(w, b' ', e)?;
            }
        }
        repeat(w, b'[', ndim - e)?;
        repeat(w, b' ', width - s.len())?;
        w.write_all(s.as_bytes())?;
        i += 1;
        repeat(w, b']', ndim - starts(i))
    })
}

/// Writes `c` `n` times.
fn repeat(w: &mut dyn Write, c: u8, n: usize) -> io::Result<()> {
    let chunk = [c; 64];
    let mut left = n;
    while left > 0 {
        let k = left.min(chunk.len());
        w.write_all(&chunk[..k])?;
        left -= k;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_d_layout_matches_numpy() {
        let v = Value::array(Data::I64((0..8).collect()), vec![2, 2, 2]);
        assert_eq!(to_text(&v), "[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]");
    }

    #[test]
    fn zero_d_and_empty() {
        assert_eq!(to_text(&Value::array(Data::F64(vec![0.5]), vec![])), "0.5");
        assert_eq!(to_text(&Value::array(Data::F64(vec![]), vec![3, 0])), "[]");
        assert_eq!(
            to_json(&Value::array(Data::F64(vec![]), vec![3, 0])),
            r#"{"dtype": "float64", "shape": [3, 0], "data": []}"#
        );
    }

    #[test]
    fn json_specials() {
        let v = Value::array(
            Data::F64(vec![f64::INFINITY, f64::NEG_INFINITY, 1e-7]),
            vec![3],
        );
        assert_eq!(
            to_json(&v),
            r#"{"dtype": "float64", "shape": [3], "data": [Infinity, -Infinity, 1e-07]}"#
        );
        let b = Value::np_scalar(Data::Bool(vec![false]));
        assert_eq!(
            to_json(&b),
            r#"{"dtype": "bool", "shape": [], "data": [false]}"#
        );
    }
}
