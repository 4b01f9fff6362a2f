//! Python's own semantics that every front-end's messages and conversions rest on:
//! `repr(str)`, `repr(literal)`, `int(str)` / `float(str)`, `type(x).__name__` and the
//! class names NumPy prints. One copy each, so the three evaluators (and the parser's
//! messages) cannot drift apart; `repr(float)` is [`crate::fmt::py_float_repr`].

use super::parser::Expr;
use crate::fmt::py_float_repr;

/// Python's `repr(str)`: single quotes unless the text contains one and no double
/// quote; `\\`, `\n`, `\r`, `\t` and the quote escaped; other non-printable characters
/// as `\xNN` / `\uNNNN` / `\UNNNNNNNN` (CPython's `unicode_repr`).
///
/// CPython asks the Unicode database which characters are printable; without it, this
/// escapes the C0/C1 controls, DEL, every non-space whitespace (Zs/Zl/Zp and the
/// controls Rust counts as whitespace), the format characters listed in [`is_format`]
/// and the private-use planes, and keeps every other character (so unassigned code
/// points print raw where CPython escapes them).
pub(crate) fn str_repr(s: &str) -> String {
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

/// Python's `repr` of `True` / `False`.
pub(crate) fn bool_repr(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// Python's `type(x).__name__` of a literal.
pub(crate) fn type_name(e: &Expr) -> &'static str {
    match e {
        Expr::Int(_) => "int",
        Expr::Float(_) => "float",
        Expr::Str(_) => "str",
        Expr::Bool(_) => "bool",
        Expr::None => "NoneType",
        Expr::Tuple(_) => "tuple",
        Expr::List(_) => "list",
        Expr::Name(_) => "type",
    }
}

/// The attribute of `numpy` a dotted name refers to (`np.int8` → `int8`).
pub(crate) fn np_attr(name: &str) -> Option<&str> {
    name.strip_prefix("np.")
        .or_else(|| name.strip_prefix("numpy."))
}

/// The class a name stands for, as Python prints it: `<class 'numpy.int8'>`.
pub(crate) fn class_repr(name: &str) -> String {
    match np_attr(name) {
        Some(attr) => {
            // NumPy 2's canonical names of its aliases.
            let canonical = match attr {
                "bool_" => "bool",
                "byte" => "int8",
                "ubyte" => "uint8",
                "short" => "int16",
                "ushort" => "uint16",
                "intc" => "int32",
                "uintc" => "uint32",
                "int_" | "intp" | "long" => "int64",
                "uint" | "uintp" | "ulong" => "uint64",
                "half" => "float16",
                "single" => "float32",
                "double" => "float64",
                "float128" => "longdouble",
                "csingle" => "complex64",
                "cdouble" => "complex128",
                "complex256" => "clongdouble",
                a => a,
            };
            format!("<class 'numpy.{canonical}'>")
        }
        None => format!("<class '{name}'>"),
    }
}

/// Python's `repr` of a literal.
pub(crate) fn py_repr(e: &Expr) -> String {
    let join = |v: &[Expr]| v.iter().map(py_repr).collect::<Vec<_>>().join(", ");
    match e {
        Expr::Int(i) => i.to_string(),
        Expr::Float(x) => py_float_repr(*x),
        Expr::Str(s) => str_repr(s),
        Expr::Bool(b) => bool_repr(*b).into(),
        Expr::None => "None".into(),
        Expr::List(v) => format!("[{}]", join(v)),
        Expr::Tuple(v) if v.len() == 1 => format!("({},)", py_repr(&v[0])),
        Expr::Tuple(v) => format!("({})", join(v)),
        Expr::Name(n) => class_repr(n),
    }
}

/// Python's `int(str)` (base 10): surrounding whitespace, one sign, digits with single
/// `_` separators between them. Values beyond i128 saturate to ±2**126 (out of every
/// bound the evaluator checks, so the caller's range error is the one NumPy gives).
pub(crate) fn parse_int(s: &str) -> Option<i128> {
    let t = strip_underscores(s.trim())?;
    let digits = t.trim_start_matches(['+', '-']);
    if digits.is_empty()
        || !digits.chars().all(|c| c.is_ascii_digit())
        || t.len() - digits.len() > 1
    {
        return None;
    }
    match t.parse::<i128>() {
        Ok(v) => Some(v),
        Err(_) if t.starts_with('-') => Some(i128::MIN / 2),
        Err(_) => Some(i128::MAX / 2),
    }
}

/// Python's `float(str)`.
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let cleaned = strip_underscores(t)?;
    let lower = cleaned.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if matches!(body, "inf" | "infinity" | "nan") {
        return cleaned.parse().ok();
    }
    if !body.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    cleaned.parse().ok()
}

/// Removes the `_` separators that sit between two digits (Python's rule for numeric
/// strings); `None` if any `_` does not.
fn strip_underscores(t: &str) -> Option<String> {
    let b = t.as_bytes();
    let mut out = String::with_capacity(t.len());
    for (i, c) in t.char_indices() {
        if c == '_' {
            let ok = i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(|x| x.is_ascii_digit());
            if !ok {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}
