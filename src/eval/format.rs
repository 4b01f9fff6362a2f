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
use crate::fmt::{json_float, py_float_repr};

/// The text form of `v` (no trailing newline; empty for `None`).
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
pub fn to_text(v: &Value) -> String {
    if v.is_none() {
        return String::new();
    }
    match v.kind {
        Kind::Bytes => match &v.data {
            Data::Bytes(b) => bytes_repr(b),
            d => array_text(&text_elems(d), &v.shape),
        },
        Kind::PyScalar => text_elems(&v.data).swap_remove(0),
        Kind::NpScalar => np_scalar_repr(&v.data),
        Kind::Array => array_text(&text_elems(&v.data), &v.shape),
    }
}

/// The JSON line of `v` (no trailing newline): `{"dtype": …, "shape": […], "data": …}`
/// with `data` a flat C-order list (a hex string for bytes), or `null` for `None`.
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
pub fn to_json(v: &Value) -> String {
    if v.is_none() {
        return "null".into();
    }
    let shape: Vec<String> = v.shape.iter().map(|d| d.to_string()).collect();
    let data = match &v.data {
        Data::Bytes(b) => format!("\"{}\"", hex(b)),
        d => format!("[{}]", json_elems(d).join(", ")),
    };
    format!(
        "{{\"dtype\": \"{}\", \"shape\": [{}], \"data\": {}}}",
        v.dtype_name(),
        shape.join(", "),
        data
    )
}

/// Lower-case hex of `b`.
///
/// ```
/// assert_eq!(nprand::eval::format::hex(&[0, 255, 16]), "00ff10");
/// ```
pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Python's `repr` of a bytes object.
///
/// ```
/// assert_eq!(nprand::eval::format::bytes_repr(b"a'\n\xff"), r#"b"a'\n\xff""#);
/// assert_eq!(nprand::eval::format::bytes_repr(b"a\\"), r"b'a\\'");
/// ```
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

fn py_bool(b: bool) -> String {
    if b { "True" } else { "False" }.into()
}

fn strings<T: ToString>(v: &[T]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// Elements as Python/NumPy print them.
fn text_elems(d: &Data) -> Vec<String> {
    match d {
        Data::Bool(v) => v.iter().map(|&b| py_bool(b)).collect(),
        Data::I8(v) => strings(v),
        Data::U8(v) | Data::Bytes(v) => strings(v),
        Data::I16(v) => strings(v),
        Data::U16(v) => strings(v),
        Data::I32(v) => strings(v),
        Data::U32(v) => strings(v),
        Data::I64(v) => strings(v),
        Data::U64(v) => strings(v),
        Data::F64(v) => v.iter().map(|&x| py_float_repr(x)).collect(),
        // Exact: the float32 value as Python sees it after `.tolist()`.
        Data::F32(v) => v.iter().map(|&x| py_float_repr(x.into())).collect(),
    }
}

/// Elements as JSON values.
fn json_elems(d: &Data) -> Vec<String> {
    match d {
        Data::Bool(v) => v.iter().map(|b| b.to_string()).collect(),
        Data::F64(v) => v.iter().map(|&x| json_float(x)).collect(),
        Data::F32(v) => v.iter().map(|&x| json_float(x.into())).collect(),
        other => text_elems(other),
    }
}

/// NumPy 2's `repr` of a scalar: `np.float64(0.5)`, `np.int8(-3)`, `np.True_`.
fn np_scalar_repr(d: &Data) -> String {
    match d {
        Data::Bool(v) => format!("np.{}_", py_bool(v[0])),
        other => format!("np.{}({})", other.dtype_name(), text_elems(other)[0]),
    }
}

/// NumPy's `str` layout: nested brackets, elements right-aligned to a common width,
/// rows separated by newlines (and blank lines between higher-dimensional blocks).
fn array_text(elems: &[String], shape: &[usize]) -> String {
    if shape.is_empty() {
        return elems.first().cloned().unwrap_or_default();
    }
    if elems.is_empty() {
        return "[]".into();
    }
    let width = elems.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    block(&mut out, elems, shape, 0, width);
    out
}

fn block(out: &mut String, elems: &[String], shape: &[usize], dim: usize, width: usize) {
    out.push('[');
    let n = shape[dim];
    if dim + 1 == shape.len() {
        for (i, e) in elems.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&" ".repeat(width - e.chars().count()));
            out.push_str(e);
        }
    } else {
        let stride: usize = shape[dim + 1..].iter().product();
        for i in 0..n {
            if i > 0 {
                out.push_str(&"\n".repeat(shape.len() - dim - 1));
                out.push_str(&" ".repeat(dim + 1));
            }
            block(
                out,
                &elems[i * stride..(i + 1) * stride],
                shape,
                dim + 1,
                width,
            );
        }
    }
    out.push(']');
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
