//! Python's arithmetic on the arguments of the real-valued methods, as `random.py`
//! writes it: `uniform` is `a + (b - a) * random()`, so two ints are subtracted exactly
//! before the difference meets a float, and a `str` argument fails at the operator that
//! first touches it (with that operator's message, after the draws made before it).

use super::args::Num;
use crate::error::{Error, ErrorKind, Result};
use crate::eval::py_value::PyValue;
use crate::eval::pysem;
use crate::python::Random;
use num_bigint::BigInt;
use num_traits::Zero;

/// A Python number, or CPython's TypeError for the operator `op` between `a` and `b`
/// (`a` is the left operand).
fn operand(v: &PyValue, op: &str, a: &str, b: &str) -> Result<Num> {
    Num::of(v).ok_or_else(|| unsupported(op, a, b))
}

fn unsupported(op: &str, a: &str, b: &str) -> Error {
    Error::type_error(format!(
        "unsupported operand type(s) for {op}: '{a}' and '{b}'"
    ))
}

/// `a - b` (ints exact).
pub(super) fn sub(a: &PyValue, b: &PyValue) -> Result<Num> {
    let (ta, tb) = (a.type_name(), b.type_name());
    let (x, y) = (operand(a, "-", ta, tb)?, operand(b, "-", ta, tb)?);
    Ok(match (x, y) {
        (Num::Int(x), Num::Int(y)) => Num::Int(x - y),
        (x, y) => Num::Float(x.to_f64()? - y.to_f64()?),
    })
}

/// `v + x` for a float `x` (CPython's messages for sequences on the left).
pub(super) fn add_float(v: &PyValue, x: f64) -> Result<f64> {
    match v {
        PyValue::Str(_) | PyValue::List(_) | PyValue::Tuple(_) => Err(Error::type_error(format!(
            "can only concatenate {} (not \"float\") to {}",
            v.type_name(),
            v.type_name()
        ))),
        PyValue::Bytes(_) => Err(Error::type_error("can't concat float to bytes")),
        other => Ok(operand(other, "+", other.type_name(), "float")?.to_f64()? + x),
    }
}

/// `v * x` (`left`: `v` is the left operand) for a float `x`.
pub(super) fn mul_float(v: &PyValue, x: f64, left: bool) -> Result<f64> {
    match v {
        PyValue::Str(_) | PyValue::List(_) | PyValue::Tuple(_) | PyValue::Bytes(_) => Err(
            Error::type_error("can't multiply sequence by non-int of type 'float'"),
        ),
        other => {
            let (a, b) = if left {
                (other.type_name(), "float")
            } else {
                ("float", other.type_name())
            };
            Ok(operand(other, "*", a, b)?.to_f64()? * x)
        }
    }
}

/// `x / v` for a float `x`.
pub(super) fn float_div(x: f64, v: &PyValue) -> Result<f64> {
    let d = operand(v, "/", "float", v.type_name())?.to_f64()?;
    if d == 0.0 {
        return Err(Error::new(
            ErrorKind::ZeroDivisionError,
            "float division by zero",
        ));
    }
    Ok(x / d)
}

/// `v <= x` / `v > x`'s TypeError for a value that is not a number.
pub(super) fn comparable(v: &PyValue, op: &str) -> Result<Num> {
    Num::of(v).ok_or_else(|| {
        Error::type_error(format!(
            "'{op}' not supported between instances of '{}' and 'float'",
            v.type_name()
        ))
    })
}

/// `a / b` (CPython's true division: two ints give the correctly rounded quotient).
pub(super) fn div(a: &Num, b: &Num) -> Result<f64> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => int_true_div(x, y),
        (x, y) => {
            let d = y.to_f64()?;
            if d == 0.0 {
                return Err(Error::new(
                    ErrorKind::ZeroDivisionError,
                    "float division by zero",
                ));
            }
            Ok(x.to_f64()? / d)
        }
    }
}

/// `int / int` rounded once to the nearest double (CPython's `long_true_divide`).
fn int_true_div(a: &BigInt, b: &BigInt) -> Result<f64> {
    if b.is_zero() {
        return Err(Error::new(ErrorKind::ZeroDivisionError, "division by zero"));
    }
    pysem::int_true_div(a, b)
        .ok_or_else(|| Error::new(ErrorKind::OverflowError, pysem::INT_DIV_TOO_LARGE))
}

/// `random.uniform(a, b)`: `a + (b - a) * random()`.
pub(super) fn uniform(r: &mut Random, a: &PyValue, b: &PyValue) -> Result<f64> {
    let d = sub(b, a)?;
    let u = r.random();
    let x = d.to_f64()? * u;
    add_float(a, x)
}

/// `random.triangular(low, high, mode)`; `Ok(None)` is the `return low` of a zero
/// division.
pub(super) fn triangular(
    r: &mut Random,
    low: &PyValue,
    high: &PyValue,
    mode: Option<&PyValue>,
) -> Result<Option<f64>> {
    let mut u = r.random();
    let mut c = match mode {
        None => 0.5,
        Some(m) => {
            let num = sub(m, low)?;
            let den = sub(high, low)?;
            match div(&num, &den) {
                Err(e) if e.kind() == ErrorKind::ZeroDivisionError => return Ok(None),
                other => other?,
            }
        }
    };
    let (mut lo, mut hi) = (low, high);
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut lo, &mut hi);
    }
    let d = sub(hi, lo)?;
    let x = d.to_f64()? * (u * c).sqrt();
    add_float(lo, x).map(Some)
}

/// Python's `a + b` on any two values (numbers add, same-type sequences concatenate),
/// with CPython's TypeErrors: `itertools.accumulate` of weights and counts.
pub(super) fn py_add(a: &PyValue, b: &PyValue) -> Result<PyValue> {
    let (ta, tb) = (a.type_name(), b.type_name());
    Ok(match (a, b) {
        (PyValue::Str(x), PyValue::Str(y)) => PyValue::Str(format!("{x}{y}")),
        (PyValue::List(x), PyValue::List(y)) => PyValue::List([&x[..], &y[..]].concat()),
        (PyValue::Tuple(x), PyValue::Tuple(y)) => PyValue::Tuple([&x[..], &y[..]].concat()),
        (PyValue::Bytes(x), PyValue::Bytes(y)) => PyValue::Bytes([&x[..], &y[..]].concat()),
        (PyValue::Str(_) | PyValue::List(_) | PyValue::Tuple(_), _) => {
            return Err(Error::type_error(format!(
                "can only concatenate {ta} (not \"{tb}\") to {ta}"
            )))
        }
        (PyValue::Bytes(_), _) => {
            return Err(Error::type_error(format!("can't concat {tb} to bytes")))
        }
        _ => match (Num::of(a), Num::of(b)) {
            (Some(x), Some(y)) => match x.add(&y)? {
                Num::Int(n) => PyValue::Int(n),
                Num::Float(f) => PyValue::Float(f),
            },
            _ => return Err(unsupported("+", ta, tb)),
        },
    })
}

/// `list(itertools.accumulate(iterable))`.
pub(super) fn accumulate(iterable: &PyValue) -> Result<Vec<PyValue>> {
    let items = match iterable {
        PyValue::List(_) | PyValue::Tuple(_) | PyValue::Str(_) | PyValue::Bytes(_) => {
            super::args::seq_items(iterable)?
        }
        other => {
            return Err(Error::type_error(format!(
                "'{}' object is not iterable",
                other.type_name()
            )))
        }
    };
    let mut out: Vec<PyValue> = Vec::with_capacity(items.len());
    for v in items {
        let next = match out.last() {
            None => v,
            Some(prev) => py_add(prev, &v)?,
        };
        out.push(next);
    }
    Ok(out)
}
