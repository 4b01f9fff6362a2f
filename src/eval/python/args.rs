//! Arguments as CPython binds and converts them: `Random.<method>()`'s signature
//! errors, `operator.index`, float parameters, sequences, int arithmetic for weights.

use crate::error::{Error, ErrorKind, Result};
use crate::eval::py_value::PyValue;
use crate::python::PyVersion;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};

/// A call's positional arguments.
pub(super) type Args = Vec<PyValue>;
/// A call's keyword arguments, in the order given.
pub(super) type Kwargs = Vec<(String, PyValue)>;

/// `bind_args!(args, kwargs; "name", &["a", "b"], required[, &["kwonly"]])`: bind a call's
/// arguments to the method's signature, CPython's `TypeError` on a mismatch.
macro_rules! bind_args {
    ($args:ident, $kwargs:ident; $name:expr, $params:expr, $req:expr) => {
        bind(&sig($name, $params, $req, &[]), $args, $kwargs)?
    };
    ($args:ident, $kwargs:ident; $name:expr, $params:expr, $req:expr, $kwonly:expr) => {
        bind(&sig($name, $params, $req, $kwonly), $args, $kwargs)?
    };
}

/// `f!(slot)` / `f!(slot, default)`: a bound float parameter.
macro_rules! f {
    ($slot:expr, $default:expr) => {
        match &$slot {
            Some(v) => float_arg(v)?,
            None => $default,
        }
    };
    ($slot:expr) => {
        float_arg($slot.as_ref().expect("bound"))?
    };
}

pub(super) use {bind_args, f};

/// `AttributeError` for a method `Random` does not have.
pub(super) fn no_attribute(name: &str) -> Error {
    Error::new(
        ErrorKind::AttributeError,
        format!("'Random' object has no attribute '{name}'"),
    )
}

/// A Python function signature: positional-or-keyword parameters (the first
/// `required` of them without default) and keyword-only parameters.
pub(super) struct Sig {
    name: &'static str,
    params: &'static [&'static str],
    required: usize,
    kwonly: &'static [&'static str],
}

pub(super) fn quote_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// Bind like CPython's `initialize_locals`: keywords first (unknown / duplicate), then
/// too many positionals, then missing required ones.
pub(super) fn bind(
    sig: &Sig,
    args: Vec<PyValue>,
    kwargs: Vec<(String, PyValue)>,
) -> Result<Vec<Option<PyValue>>> {
    let np = sig.params.len();
    let mut slots: Vec<Option<PyValue>> = vec![None; np + sig.kwonly.len()];
    let nargs = args.len();
    for (i, a) in args.into_iter().enumerate() {
        if i < np {
            slots[i] = Some(a);
        }
    }
    let mut kwonly_given = 0;
    for (k, v) in kwargs {
        let pos = sig
            .params
            .iter()
            .chain(sig.kwonly.iter())
            .position(|p| *p == k);
        match pos {
            None => {
                return Err(Error::type_error(format!(
                    "Random.{}() got an unexpected keyword argument '{k}'",
                    sig.name
                )))
            }
            Some(i) => {
                if slots[i].is_some() {
                    return Err(Error::type_error(format!(
                        "Random.{}() got multiple values for argument '{k}'",
                        sig.name
                    )));
                }
                if i >= np {
                    kwonly_given += 1;
                }
                slots[i] = Some(v);
            }
        }
    }
    if nargs > np {
        let takes = if sig.required == np {
            format!(
                "{} positional argument{}",
                np + 1,
                if np == 0 { "" } else { "s" }
            )
        } else {
            format!(
                "from {} to {} positional arguments",
                sig.required + 1,
                np + 1
            )
        };
        let given = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                nargs + 1,
                if nargs == 0 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{} were given", nargs + 1)
        };
        return Err(Error::type_error(format!(
            "Random.{}() takes {takes} but {given}",
            sig.name
        )));
    }
    let missing: Vec<&str> = (0..sig.required)
        .filter(|&i| slots[i].is_none())
        .map(|i| sig.params[i])
        .collect();
    if !missing.is_empty() {
        return Err(Error::type_error(format!(
            "Random.{}() missing {} required positional argument{}: {}",
            sig.name,
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            quote_list(&missing)
        )));
    }
    Ok(slots)
}

pub(super) fn sig(
    name: &'static str,
    params: &'static [&'static str],
    required: usize,
    kwonly: &'static [&'static str],
) -> Sig {
    Sig {
        name,
        params,
        required,
        kwonly,
    }
}

pub(super) fn no_args(name: &str, args: &[PyValue], kwargs: &[(String, PyValue)]) -> Result<()> {
    if !kwargs.is_empty() {
        return Err(Error::type_error(format!(
            "Random.{name}() takes no keyword arguments"
        )));
    }
    if !args.is_empty() {
        return Err(Error::type_error(format!(
            "Random.{name}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

pub(super) fn cannot_interpret(v: &PyValue) -> Error {
    Error::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        v.type_name()
    ))
}

/// `operator.index(v)`.
pub(super) fn index(v: &PyValue) -> Result<BigInt> {
    match v {
        PyValue::Int(n) => Ok(n.clone()),
        PyValue::Bool(b) => Ok(BigInt::from(*b as u8)),
        other => Err(cannot_interpret(other)),
    }
}

/// A Python number for arithmetic: int (exact) or float.
#[derive(Clone, Debug)]
pub(super) enum Num {
    Int(BigInt),
    Float(f64),
}

/// Python's `float(int)`: correctly rounded, `OverflowError` past the largest double.
pub(super) fn int_to_f64(n: &BigInt) -> Result<f64> {
    crate::eval::pysem::int_to_f64(n)
        .ok_or_else(|| Error::new(ErrorKind::OverflowError, crate::eval::pysem::INT_TO_FLOAT))
}

impl Num {
    pub(super) fn of(v: &PyValue) -> Option<Num> {
        match v {
            PyValue::Int(n) => Some(Num::Int(n.clone())),
            PyValue::Bool(b) => Some(Num::Int(BigInt::from(*b as u8))),
            PyValue::Float(x) => Some(Num::Float(*x)),
            _ => None,
        }
    }

    pub(super) fn add(&self, other: &Num) -> Result<Num> {
        Ok(match (self, other) {
            (Num::Int(a), Num::Int(b)) => Num::Int(a + b),
            (Num::Int(a), Num::Float(b)) => Num::Float(int_to_f64(a)? + b),
            (Num::Float(a), Num::Int(b)) => Num::Float(a + int_to_f64(b)?),
            (Num::Float(a), Num::Float(b)) => Num::Float(a + b),
        })
    }

    pub(super) fn to_f64(&self) -> Result<f64> {
        match self {
            Num::Int(n) => int_to_f64(n),
            Num::Float(x) => Ok(*x),
        }
    }

    /// Python's `x < self` for a float x (exact for ints).
    pub(super) fn float_lt(&self, x: f64) -> bool {
        match self {
            Num::Float(y) => x < *y,
            Num::Int(n) => {
                if x.is_nan() {
                    false
                } else if x.is_infinite() {
                    x < 0.0
                } else {
                    BigInt::from_f64(x.floor()).expect("finite") < *n
                }
            }
        }
    }
}

/// A float parameter: int, bool or float (ints converted as Python converts them).
pub(super) fn float_arg(v: &PyValue) -> Result<f64> {
    match v {
        PyValue::Float(x) => Ok(*x),
        PyValue::Int(n) => int_to_f64(n),
        PyValue::Bool(b) => Ok(*b as u8 as f64),
        other => Err(Error::type_error(format!(
            "must be real number, not {}",
            other.type_name()
        ))),
    }
}

/// The elements of a sequence argument (`len(seq)` / indexing).
pub(super) fn seq_items(v: &PyValue) -> Result<Vec<PyValue>> {
    match v {
        PyValue::List(items) | PyValue::Tuple(items) => Ok(items.clone()),
        PyValue::Str(s) => Ok(s.chars().map(|c| PyValue::Str(c.to_string())).collect()),
        PyValue::Bytes(b) => Ok(b.iter().map(|&x| PyValue::Int(x.into())).collect()),
        other => Err(Error::type_error(format!(
            "object of type '{}' has no len()",
            other.type_name()
        ))),
    }
}

/// randrange's argument conversion: `operator.index`, else (3.11) `int(x)` with its
/// "non-integer" ValueError; 3.12 raises TypeError.
pub(super) fn randrange_int(v: &PyValue, which: &str, version: PyVersion) -> Result<BigInt> {
    if let Ok(n) = index(v) {
        return Ok(n);
    }
    if version == PyVersion::V3_12 {
        return Err(cannot_interpret(v));
    }
    let non_integer = || Error::value(format!("non-integer {which} for randrange()"));
    match v {
        PyValue::Float(x) => {
            crate::python::pymath::int_convertible(*x)?;
            if x.fract() != 0.0 {
                return Err(non_integer());
            }
            Ok(BigInt::from_f64(*x).expect("finite"))
        }
        PyValue::Str(s) => {
            // int("12") succeeds but "12" != 12; int("x") fails.
            if crate::eval::pysem::parse_int(s).is_some() {
                Err(non_integer())
            } else {
                Err(Error::value(format!(
                    "invalid literal for int() with base 10: {}",
                    PyValue::Str(s.clone()).repr()
                )))
            }
        }
        other => Err(Error::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

/// `range(k)` length as Python's `_repeat(None, k)` takes it: a C `ssize_t` (either
/// sign), negative for none.
pub(super) fn repeat_count(v: &PyValue) -> Result<usize> {
    let k = index(v)?
        .to_i64()
        .ok_or_else(crate::python::sequences::ssize_overflow)?;
    if k < 0 {
        return Ok(0);
    }
    list_len(k.unsigned_abs())
}

/// A result list of `k` items: more than nprand's limit is the `MemoryError` CPython
/// raises once the list no longer fits (decided here, before any draw, so it does not
/// depend on the machine's memory).
pub(super) fn list_len(k: u64) -> Result<usize> {
    match usize::try_from(k) {
        Ok(k) if k <= crate::eval::legacy::MAX_ELEMENTS => Ok(k),
        _ => Err(Error::new(ErrorKind::MemoryError, "")),
    }
}

pub(super) fn bits_arg(k: &BigInt) -> Result<i64> {
    k.to_i32().map(|k| k as i64).ok_or_else(|| {
        Error::new(
            ErrorKind::OverflowError,
            "Python int too large to convert to C int",
        )
    })
}
