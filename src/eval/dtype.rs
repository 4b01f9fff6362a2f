//! NumPy's dtype discovery and the integer dtypes, shared by the RandomState and
//! Generator evaluators: what `np.asarray` makes of a literal's leaves, and the names
//! `np.dtype` accepts for the nine integer types of `randint` / `integers`.
//!
//! The two front-ends resolve `dtype=` differently (NumPy's `mtrand.randint` and
//! `Generator.integers` check byte order and report unsupported types in their own
//! words), but they read the same names and infer literals the same way, so those
//! tables live here once.

use super::legacy::{nd_shape, not_impl};
use super::parser::{Call, Expr};
use super::pysem::py_repr;
use super::value::Data;
use crate::error::{Error, Result};

/// The element types `np.asarray` can infer from a literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Inferred {
    Bool,
    I64,
    U64,
    F64,
    /// `<U{n}`
    Str(usize),
    Object,
}

impl Inferred {
    pub(crate) fn repr(self) -> String {
        match self {
            Inferred::Bool => "bool".into(),
            Inferred::I64 => "int64".into(),
            Inferred::U64 => "uint64".into(),
            Inferred::F64 => "float64".into(),
            Inferred::Str(n) => format!("<U{n}"),
            Inferred::Object => "O".into(),
        }
    }
}

/// NumPy 2's dtype discovery for Python scalars in a list: bools → bool; ints → int64,
/// or uint64 if some need it (both → float64; beyond uint64 → object); any float →
/// float64; strings → `<U`; None or types → object.
pub(crate) fn infer(leaves: &[&Expr]) -> Inferred {
    let (mut b, mut i, mut u, mut big, mut f, mut obj) = (false, false, false, false, false, false);
    let mut strlen: Option<usize> = None;
    let mut other_len = 0usize;
    for l in leaves {
        match l {
            Expr::Bool(_) => {
                b = true;
                other_len = other_len.max(5);
            }
            Expr::Int(v) => {
                if i64::try_from(*v).is_ok() {
                    i = true
                } else if u64::try_from(*v).is_ok() {
                    u = true
                } else {
                    big = true
                }
                other_len = other_len.max(21);
            }
            Expr::Float(_) => {
                f = true;
                other_len = other_len.max(32);
            }
            Expr::Str(s) => strlen = Some(strlen.unwrap_or(0).max(s.chars().count())),
            _ => obj = true,
        }
    }
    if obj {
        Inferred::Object
    } else if let Some(n) = strlen {
        Inferred::Str(n.max(other_len).max(1))
    } else if big {
        Inferred::Object
    } else if f || (i && u) {
        Inferred::F64
    } else if u {
        Inferred::U64
    } else if i {
        Inferred::I64
    } else if b {
        Inferred::Bool
    } else {
        Inferred::F64
    }
}

/// `choice`'s population as NumPy's array, or, for an array nprand has no values for
/// (strings, Python objects), the refusal, kept to be raised where the values are first
/// needed (see [`refuse_population`]): NumPy's checks of the other arguments, and the
/// errors it raises before it draws, come first, exactly as NumPy gives them.
pub(crate) fn population_data(leaves: &[&Expr]) -> Result<Result<Data>> {
    match leaves_data(leaves, infer(leaves)) {
        Err(e) if e.kind() == crate::ErrorKind::NotImplementedError => Ok(Err(e)),
        r => r.map(Ok),
    }
}

/// The refusal [`population_data`] kept, raised just before the first draw, so a
/// refused call leaves the generator where it was.
pub(crate) fn refuse_population(arr: &Option<Result<Data>>) -> Result<()> {
    match arr {
        Some(Err(e)) => Err(e.clone()),
        _ => Ok(()),
    }
}

/// `np.asarray(x)` of a literal as typed data (string and object arrays are not
/// supported).
pub(crate) fn literal_array(e: &Expr) -> Result<(Data, Vec<usize>)> {
    let (shape, leaves) = nd_shape(e)?;
    let data = leaves_data(&leaves, infer(&leaves))?;
    Ok((data, shape))
}

pub(crate) fn leaves_data(leaves: &[&Expr], ty: Inferred) -> Result<Data> {
    let int = |e: &Expr| match e {
        Expr::Int(v) => *v,
        Expr::Bool(b) => *b as i128,
        _ => 0,
    };
    Ok(match ty {
        Inferred::Bool => Data::Bool(
            leaves
                .iter()
                .map(|e| matches!(e, Expr::Bool(true)))
                .collect(),
        ),
        Inferred::I64 => Data::I64(leaves.iter().map(|e| int(e) as i64).collect()),
        Inferred::U64 => Data::U64(leaves.iter().map(|e| int(e) as u64).collect()),
        Inferred::F64 => Data::F64(
            leaves
                .iter()
                .map(|e| match e {
                    Expr::Float(x) => *x,
                    e => int(e) as f64,
                })
                .collect(),
        ),
        Inferred::Str(_) | Inferred::Object => {
            return Err(not_impl(format!(
                "arrays of dtype {} (strings or Python objects) are not supported by nprand eval",
                ty.repr()
            )))
        }
    })
}

/// The integer dtypes of `randint` and `integers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IntTy {
    Bool,
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
}

/// The integer dtypes: `np.dtype` names (first the one NumPy prints; no byte-order
/// prefix allowed) and type codes (which may carry a byte-order prefix `<>=|`).
const INT_DTYPES: [(IntTy, &[&str], &[&str]); 9] = [
    (IntTy::Bool, &["bool", "bool_"], &["?", "b1"]),
    (IntTy::I8, &["int8", "byte"], &["b", "i1"]),
    (IntTy::U8, &["uint8", "ubyte"], &["B", "u1"]),
    (IntTy::I16, &["int16", "short"], &["h", "i2"]),
    (IntTy::U16, &["uint16", "ushort"], &["H", "u2"]),
    (IntTy::I32, &["int32", "intc"], &["i", "i4"]),
    (IntTy::U32, &["uint32", "uintc"], &["I", "u4"]),
    (
        IntTy::I64,
        &["int64", "int", "int_", "intp", "long", "longlong"],
        &["l", "q", "n", "p", "i8"],
    ),
    (
        IntTy::U64,
        &["uint64", "uint", "uintp", "ulong", "ulonglong"],
        &["L", "Q", "N", "P", "u8"],
    ),
];

impl IntTy {
    /// The dtype's name as NumPy prints it (`dtype('int8')` shows `int8`).
    pub(crate) fn name(self) -> &'static str {
        INT_DTYPES
            .iter()
            .find(|t| t.0 == self)
            .map_or("", |t| t.1[0])
    }
}

/// `np.dtype(x)` names (no byte-order prefix allowed) of the integer types.
pub(crate) fn int_long_name(s: &str) -> Option<IntTy> {
    INT_DTYPES.iter().find(|t| t.1.contains(&s)).map(|t| t.0)
}

/// Type codes of the integer types (which may carry a byte-order prefix `<>=|`).
pub(crate) fn int_code(s: &str) -> Option<IntTy> {
    INT_DTYPES.iter().find(|t| t.2.contains(&s)).map(|t| t.0)
}

/// A name or a code of an integer type.
pub(crate) fn int_ty(s: &str) -> Option<IntTy> {
    int_long_name(s).or_else(|| int_code(s))
}

/// `repr(np.dtype(s))` of valid but unsupported dtype strings.
pub(crate) fn unsupported_dtype_repr(s: &str) -> Option<String> {
    let fixed = match s {
        "d" | "f8" | "float" | "float64" | "double" => "float64",
        "f" | "f4" | "float32" | "single" => "float32",
        "e" | "f2" | "float16" | "half" => "float16",
        "g" | "f16" | "float128" | "longdouble" => "float128",
        "D" | "c16" | "complex" | "complex128" | "cdouble" => "complex128",
        "F" | "c8" | "complex64" | "csingle" => "complex64",
        "G" | "c32" | "complex256" | "clongdouble" => "complex256",
        "O" | "O4" | "O8" | "object" | "object_" => "O",
        "M" | "M8" | "datetime64" => "<M8",
        "m" | "m8" | "timedelta64" => "<m8",
        "c" => "S1",
        "str" | "str_" | "unicode" | "U" | "U0" => "<U",
        "bytes" | "bytes_" | "S" | "S0" | "a" | "a0" => "S",
        "void" | "V" | "V0" => "V",
        "T" => return Some("StringDType()".into()),
        _ => {
            let (kind, num) = s.split_at(s.chars().next().map_or(0, char::len_utf8));
            let n: usize = num.parse().ok().filter(|_| !num.starts_with('+'))?;
            return match kind {
                "S" | "a" => Some(format!("dtype('S{n}')")),
                "U" => Some(format!("dtype('<U{n}')")),
                "V" => Some(format!("dtype('V{n}')")),
                _ => None,
            };
        }
    };
    Some(format!("dtype('{fixed}')"))
}

/// `np.dtype(x)`'s error for an `x` that is neither a name nor `None`: NumPy reads a
/// list as a structured dtype (`[]` is the valid, empty `dtype([])`, which the method
/// then refuses through `unsupported`) and a tuple as `(base, shape)`; anything else
/// cannot be interpreted. Valid structured and sub-array dtypes (lists of 2- or
/// 3-tuples, `('f8', 2)`) are refused as unsupported by nprand eval.
pub(crate) fn dtype_object_error(e: &Expr, unsupported: impl Fn(&str) -> Error) -> Error {
    match e {
        Expr::List(items) if items.is_empty() => unsupported("dtype([])"),
        Expr::List(items) => {
            for item in items {
                if !matches!(item, Expr::Tuple(t) if t.len() == 2 || t.len() == 3) {
                    return Error::type_error(format!(
                        "Field elements must be 2- or 3-tuples, got '{}'",
                        py_repr(item)
                    ));
                }
            }
            not_impl("structured dtypes are not supported by nprand eval")
        }
        Expr::Tuple(items) if items.len() != 2 => Error::type_error(format!(
            "Tuple must have size 2, but has size {}",
            items.len()
        )),
        Expr::Tuple(items) => match &items[0] {
            Expr::Str(_) | Expr::Name(_) => {
                not_impl("sub-array dtypes are not supported by nprand eval")
            }
            first => dtype_object_error(first, unsupported),
        },
        other => Error::type_error(format!(
            "Cannot interpret '{}' as a data type",
            py_repr(other)
        )),
    }
}

/// A NumPy call whose ints beyond `i128` (`10**40`, `2**200`) are replaced by ints
/// between 2**126 and 2**127 in magnitude, distinct (as doubles too) and in the same
/// order as the ints they replace.
///
/// Where NumPy reads such an int as an integer, every value past 2**64 is equally out
/// of range (an object array, an int64 or uint64 bound exceeded), so the replaced call
/// raises the error NumPy raises ([`Saturated::error`] puts the int's own digits back
/// into a message that shows them). Where NumPy converts it to a double, the replaced
/// value compares as the int does with every other number of the call (a call with
/// another number past 2**126 is refused), so NumPy's checks (`left > mode`,
/// `scale < 0`, `lam value too large`) still fail or pass alike; but it would draw
/// different numbers: a NumPy front-end runs the replaced call, keeps its error, and
/// refuses the call with [`big_int_refusal`] if it succeeds, putting the generator back
/// as it was.
pub(crate) struct Saturated {
    /// The call with the replaced ints.
    pub(crate) call: Call,
    /// (replacement's digits, the int's own digits) for each distinct int.
    digits: Vec<(String, String)>,
}

impl Saturated {
    /// `e`, raised by the replaced call, with the ints' own digits in its message.
    pub(crate) fn error(&self, e: Error) -> Error {
        let mut message = e.message().to_string();
        for (replacement, own) in &self.digits {
            message = message.replace(replacement.as_str(), own);
        }
        Error::new(e.kind(), message)
    }
}

/// The call's ints beyond `i128` replaced (see [`Saturated`]), `None` when it has none,
/// or the refusal when one of them is past the largest double (NumPy raises
/// `OverflowError` where it converts such an int to a float and other errors where it
/// reads it as an int, which the replaced call cannot tell apart), or when another
/// number of the call is past 2**126 (the replacement would not keep its order with it).
pub(crate) fn saturate_big_ints(call: &Call) -> Option<Result<Saturated>> {
    use num_bigint::BigInt;
    fn walk<'a>(e: &'a Expr, big: &mut Vec<&'a BigInt>, large_other: &mut bool) {
        match e {
            Expr::BigInt(i) => big.push(i),
            Expr::Int(i) => *large_other |= i.unsigned_abs() > 1 << 126,
            Expr::Float(x) => *large_other |= x.is_finite() && x.abs() >= (1u128 << 126) as f64,
            Expr::List(v) | Expr::Tuple(v) => v.iter().for_each(|x| walk(x, big, large_other)),
            _ => {}
        }
    }
    let (mut big, mut large_other) = (Vec::new(), false);
    for e in call.args.iter().chain(call.kwargs.iter().map(|(_, e)| e)) {
        walk(e, &mut big, &mut large_other);
    }
    if big.is_empty() {
        return None;
    }
    if large_other || big.iter().any(|i| super::pysem::int_to_f64(i).is_none()) {
        return Some(Err(big_int_refusal()));
    }
    // Distinct values in order: the positive ones up to 2**127 - 2**75, the negative
    // ones down to -(2**127 - 2**75), 2**75 apart, so that they stay distinct (and
    // exact) as doubles too.
    big.sort();
    big.dedup();
    let positive = big
        .iter()
        .filter(|i| i.sign() != num_bigint::Sign::Minus)
        .count() as i128;
    let mut negative_rank = 0i128;
    let mut positive_rank = 0i128;
    let mut map: Vec<(&BigInt, i128)> = Vec::new();
    for i in &big {
        const STEP: i128 = 1 << 75;
        let top = i128::MAX - STEP + 1; // 2**127 - 2**75
        let v = if i.sign() == num_bigint::Sign::Minus {
            negative_rank += 1;
            -top + (negative_rank - 1) * STEP
        } else {
            positive_rank += 1;
            top - (positive - positive_rank) * STEP
        };
        map.push((i, v));
    }
    fn replace(e: &Expr, map: &[(&num_bigint::BigInt, i128)]) -> Expr {
        match e {
            Expr::BigInt(i) => {
                let v = map.iter().find(|(b, _)| *b == i).map_or(i128::MAX, |m| m.1);
                Expr::Int(v)
            }
            Expr::List(v) => Expr::List(v.iter().map(|x| replace(x, map)).collect()),
            Expr::Tuple(v) => Expr::Tuple(v.iter().map(|x| replace(x, map)).collect()),
            other => other.clone(),
        }
    }
    Some(Ok(Saturated {
        call: Call {
            method: call.method.clone(),
            args: call.args.iter().map(|e| replace(e, &map)).collect(),
            kwargs: call
                .kwargs
                .iter()
                .map(|(k, e)| (k.clone(), replace(e, &map)))
                .collect(),
        },
        digits: map
            .iter()
            .map(|(i, v)| (v.to_string(), i.to_string()))
            .collect(),
    }))
}

/// The refusal of a NumPy call that would convert an int beyond `i128` to a double and
/// draw with it (see [`saturate_big_ints`]).
pub(crate) fn big_int_refusal() -> Error {
    not_impl(
        "nprand eval passes ints beyond 2**127 in magnitude to NumPy calls only where \
         NumPy rejects them (none past the largest double, nor beside another number past \
         2**126); where NumPy would convert one to a float and draw, write the float (1e40 \
         for 10**40 is the same double)",
    )
}
