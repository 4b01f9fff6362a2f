//! Python's own semantics that every front-end's messages and conversions rest on:
//! `repr(str)`, `repr(literal)`, `int(str)` / `float(str)`, `type(x).__name__` and the
//! class names NumPy prints. One copy each, so the three evaluators (and the parser's
//! messages) cannot drift apart; `repr(float)` is [`crate::fmt::py_float_repr`]. Ints of any
//! size convert to double and divide correctly rounded here, for the parser and `--python`.

use super::parser::Expr;
use crate::error::{Error, Result};
use crate::fmt::py_float_repr;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

pub(crate) use crate::fmt::py_str_repr as str_repr;

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
        Expr::Int(_) | Expr::BigInt(_) => "int",
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
        Expr::BigInt(i) => i.to_string(),
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

/// NumPy's `NPY_MAXDIMS`: the most dimensions an array (or a `size=`) may have.
pub(crate) const MAX_DIMS: usize = 64;

/// `np.empty(size)`'s first check: a `size` of more than [`MAX_DIMS`] entries, before
/// any entry is converted.
pub(crate) fn check_size_len(n: usize) -> Result<()> {
    if n > MAX_DIMS {
        return Err(Error::value(format!(
            "maximum supported dimension for an ndarray is currently {MAX_DIMS}, found {n}"
        )));
    }
    Ok(())
}

/// `np.asarray(x)` of a list nested deeper than [`MAX_DIMS`].
pub(crate) fn too_deep() -> Error {
    Error::value(format!(
        "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of {MAX_DIMS}."
    ))
}

/// NumPy's legacy iterators (`np.broadcast`, `PyArray_MultiIterNew`, which the
/// distributions' array paths use) take at most 32 dimensions: the first array (in the
/// iterator's argument order) with more is a `RuntimeError`.
pub(crate) fn check_iter_dims(shapes: &[&[usize]]) -> Result<()> {
    match shapes.iter().find(|s| s.len() > 32) {
        Some(s) => Err(Error::new(
            crate::error::ErrorKind::RuntimeError,
            format!(
                "this function only supports up to 32 dimensions but the array has {}.",
                s.len()
            ),
        )),
        None => Ok(()),
    }
}

/// CPython's `OverflowError` for `float(int)` past the largest double.
pub(crate) const INT_TO_FLOAT: &str = "int too large to convert to float";
/// CPython's `OverflowError` for `int / int` past the largest double.
pub(crate) const INT_DIV_TOO_LARGE: &str = "integer division result too large for a float";

/// Python's `float(int)` (`PyLong_AsDouble`): correctly rounded, ties to even; `None`
/// past the largest double ([`INT_TO_FLOAT`]).
pub(crate) fn int_to_f64(i: &BigInt) -> Option<f64> {
    if let Some(v) = i.to_i64().filter(|v| v.unsigned_abs() <= 1 << 53) {
        return Some(v as f64);
    }
    let m = round_to_f64(i.magnitude(), false, 0)?;
    Some(if i.is_negative() { -m } else { m })
}

/// `x / y` for ints, correctly rounded like Python's `int.__truediv__` (converting
/// both operands to float first would round twice, or overflow), subnormals included;
/// `None` past the largest double ([`INT_DIV_TOO_LARGE`]). `y` is not zero.
pub(crate) fn int_true_div(x: &BigInt, y: &BigInt) -> Option<f64> {
    const EXACT: u64 = 1 << 53;
    let negative = (x.sign() == Sign::Minus) != (y.sign() == Sign::Minus);
    let (a, b) = (x.magnitude(), y.magnitude());
    let magnitude = match (a.to_u64(), b.to_u64()) {
        // Both operands are exact doubles: one IEEE division, one rounding.
        (Some(p), Some(q)) if p <= EXACT && q <= EXACT => p as f64 / q as f64,
        _ => {
            // Scale a so that the quotient has at least 55 significant bits, then
            // round once, with a sticky bit for the remainder.
            let shift = (55 + b.bits()).saturating_sub(a.bits());
            let (q, r) = (a << shift).div_rem(b);
            round_to_f64(&q, !r.is_zero(), -(shift as i64))?
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Rounds `(m + sticky * epsilon) * 2**exp` to the nearest double, ties to even,
/// subnormals included; `None` when it overflows. When `sticky` is set, `m` must have
/// at least 55 significant bits.
fn round_to_f64(m: &BigUint, sticky: bool, exp: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let bits = m.bits() as i64;
    let top = bits - 1 + exp; // the exponent of m's leading bit
    if top > 1023 {
        return None;
    }
    // Bits kept: 53, fewer for a subnormal result (whose last bit weighs 2**-1074).
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let drop = bits - keep;
    let (kept, scale) = if drop <= 0 {
        (m.clone(), exp)
    } else {
        let d = drop as u64;
        let kept = m >> d;
        let low = m - (&kept << d);
        let half = BigUint::from(1u8) << (d - 1);
        let round_up = low > half || (low == half && (sticky || kept.bit(0)));
        (if round_up { kept + 1u8 } else { kept }, exp + drop)
    };
    if kept.is_zero() {
        return Some(0.0);
    }
    // kept <= 2**53 is exact; `scale` is at least -1074 here.
    let k = kept.to_u64()? as f64;
    let v = k * pow2(scale)?;
    v.is_finite().then_some(v)
}

/// `2**e` as a double, for e in [-1074, 1023].
fn pow2(e: i64) -> Option<f64> {
    match e {
        -1022..=1023 => Some(f64::from_bits(((e + 1023) as u64) << 52)),
        -1074..=-1023 => Some(f64::from_bits(1u64 << (e + 1074))),
        _ => None,
    }
}
