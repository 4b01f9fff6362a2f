//! NumPy's reading of a Generator call's arguments: `size`, `out=`, int and float
//! leaves, array literals, `dtype=` for the float methods and `integers`.

use super::*;

/// `out=` is not supported (nprand eval has no arrays to write into).
pub(crate) fn no_out(e: Option<&Expr>) -> Result<()> {
    match opt(e) {
        Some(_) => Err(not_impl("out= is not supported by nprand eval")),
        None => Ok(()),
    }
}

pub(crate) fn check_dims(dims: Vec<i128>) -> Result<Vec<usize>> {
    if dims.iter().any(|&d| d < 0) {
        return Err(Error::value("negative dimensions are not allowed"));
    }
    let mut nbytes: u128 = 8;
    for &d in dims.iter().filter(|&&d| d != 0) {
        nbytes = nbytes.saturating_mul(d as u128);
    }
    if nbytes > i64::MAX as u128 {
        return Err(Error::value(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        ));
    }
    let dims: Vec<usize> = dims.into_iter().map(|d| d as usize).collect();
    check_cap(&dims)?;
    Ok(dims)
}

/// The raw dimensions of `size=` (an int or a sequence of ints), unchecked.
pub(crate) fn size_dims(e: &Expr) -> Result<Vec<i128>> {
    match e {
        Expr::Int(_) => Ok(vec![dim_from(e)?]),
        Expr::Tuple(v) | Expr::List(v) => {
            crate::eval::pysem::check_size_len(v.len())?;
            v.iter().map(dim_from).collect()
        }
        // A string is a sequence of characters: '' is the shape ().
        Expr::Str(t) if t.is_empty() => Ok(Vec::new()),
        Expr::Str(_) => Err(Error::type_error(
            "'str' object cannot be interpreted as an integer",
        )),
        other => {
            let got = match other {
                Expr::Float(x) => py_float_repr(*x),
                other => py_repr(other),
            };
            Err(Error::type_error(format!(
                "expected a sequence of integers or a single integer, got '{got}'"
            )))
        }
    }
}

/// `np.empty(size)`'s reading of `size=`: `None` → `None`.
pub(crate) fn parse_size(e: Option<&Expr>) -> Result<Option<Vec<usize>>> {
    match opt(e) {
        None => Ok(None),
        Some(e) => Ok(Some(check_dims(size_dims(e)?)?)),
    }
}


/// The dtype `np.asarray` gives a literal's leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Inferred {
    Bool,
    I64,
    U64,
    F64,
    Other,
}

pub(crate) fn infer(leaves: &[&Expr]) -> Inferred {
    let (mut b, mut i, mut u, mut big, mut f, mut other) =
        (false, false, false, false, false, false);
    for l in leaves {
        match l {
            Expr::Bool(_) => b = true,
            Expr::Int(v) => {
                if i64::try_from(*v).is_ok() {
                    i = true
                } else if u64::try_from(*v).is_ok() {
                    u = true
                } else {
                    big = true
                }
            }
            Expr::Float(_) => f = true,
            _ => other = true,
        }
    }
    if other || big {
        Inferred::Other
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

/// `np.asarray(x)` of a literal as typed data (numbers and bools only).
pub(crate) fn literal_array(e: &Expr) -> Result<(Data, Vec<usize>)> {
    let (shape, leaves) = nd_shape(e)?;
    let int = |e: &Expr| match e {
        Expr::Int(v) => *v,
        Expr::Bool(b) => *b as i128,
        _ => 0,
    };
    let data = match infer(&leaves) {
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
        Inferred::Other => {
            return Err(not_impl(
                "arrays of strings or Python objects are not supported by nprand eval",
            ))
        }
    };
    Ok((data, shape))
}

/// One parameter as `PyArray_FROM_OTF(x, NPY_DOUBLE / NPY_INT64)` converts it, plus the
/// error the scalar path would raise afterwards (`PyFloat_AsDouble` / `<int64_t>`).
///
/// The conversion is RandomState's: its int leaves saturate at ±2**125 where this
/// module's do not, but `to_c_long` refuses everything beyond int64 with the same
/// OverflowError either way.
pub(crate) fn convert_param(e: &Expr, kind: PKind) -> Result<(NdArray<Num>, Option<Error>)> {
    crate::eval::legacy::convert_param(e, kind == PKind::I64)
}

// ---------------------------------------------------------------------------------
// dtypes
// ---------------------------------------------------------------------------------

/// A dtype name as NumPy sees it: `np.float32` → `float32`, `float32` unchanged.
pub(crate) fn np_attr(name: &str) -> &str {
    pysem::np_attr(name).unwrap_or(name)
}

/// `np.dtype(x)` for the float methods: `Some(false)` float64, `Some(true)` float32,
/// `Err` with NumPy's message otherwise.
pub(crate) fn float_dtype(e: Option<&Expr>, method: &str) -> Result<bool> {
    let unsupported = |repr: &str| {
        Err(Error::type_error(format!(
            "Unsupported dtype dtype('{repr}') for {method}"
        )))
    };
    let Some(e) = e else { return Ok(false) };
    let name: String = match e {
        Expr::None => return Ok(false),
        Expr::Name(n) => np_attr(n).to_string(),
        Expr::Str(s) => s.clone(),
        other => {
            return Err(Error::type_error(format!(
                "Cannot interpret '{}' as a data type",
                py_repr(other)
            )))
        }
    };
    match name.trim_start_matches(['<', '=', '|']) {
        "float" | "float64" | "double" | "f8" | "d" | "float_" => Ok(false),
        "float32" | "single" | "f4" | "f" => Ok(true),
        other => match int_dtype_name(other) {
            Some(t) => unsupported(t),
            None => match other {
                "float16" | "half" | "f2" | "e" => unsupported("float16"),
                "longdouble" | "float128" | "g" | "f16" => unsupported("float128"),
                "complex" | "complex128" | "c16" | "D" => unsupported("complex128"),
                "complex64" | "c8" | "F" => unsupported("complex64"),
                _ if name.starts_with('>') => unsupported(&name),
                _ => Err(Error::type_error(format!(
                    "data type {} not understood",
                    str_repr(&name)
                ))),
            },
        },
    }
}

/// The integer dtypes of `integers`.
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

pub(crate) fn int_ty(s: &str) -> Option<IntTy> {
    Some(match s {
        "bool" | "bool_" | "?" | "b1" => IntTy::Bool,
        "int8" | "byte" | "b" | "i1" => IntTy::I8,
        "uint8" | "ubyte" | "B" | "u1" => IntTy::U8,
        "int16" | "short" | "h" | "i2" => IntTy::I16,
        "uint16" | "ushort" | "H" | "u2" => IntTy::U16,
        "int32" | "intc" | "i" | "i4" => IntTy::I32,
        "uint32" | "uintc" | "I" | "u4" => IntTy::U32,
        "int" | "int64" | "int_" | "intp" | "long" | "longlong" | "l" | "q" | "n" | "p" | "i8" => {
            IntTy::I64
        }
        "uint" | "uint64" | "uintp" | "ulong" | "ulonglong" | "L" | "Q" | "N" | "P" | "u8" => {
            IntTy::U64
        }
        _ => return None,
    })
}

pub(crate) fn int_dtype_name(s: &str) -> Option<&'static str> {
    int_ty(s).map(|t| match t {
        IntTy::Bool => "bool",
        IntTy::I8 => "int8",
        IntTy::U8 => "uint8",
        IntTy::I16 => "int16",
        IntTy::U16 => "uint16",
        IntTy::I32 => "int32",
        IntTy::U32 => "uint32",
        IntTy::I64 => "int64",
        IntTy::U64 => "uint64",
    })
}

/// `integers`' `dtype=`: the type and whether a scalar result is a Python scalar
/// (`dtype is int` / `dtype is bool`).
pub(crate) fn resolve_int_dtype(e: Option<&Expr>) -> Result<(IntTy, bool)> {
    let Some(e) = e else {
        return Ok((IntTy::I64, false));
    };
    let unsupported = |repr: &str| {
        Err(Error::type_error(format!(
            "Unsupported dtype dtype('{repr}') for integers"
        )))
    };
    let name = match e {
        Expr::Name(n) if n == "int" => return Ok((IntTy::I64, true)),
        Expr::Name(n) if n == "bool" => return Ok((IntTy::Bool, true)),
        Expr::Name(n) => np_attr(n).to_string(),
        Expr::Str(s) => s.clone(),
        Expr::None => return unsupported("float64"),
        other => {
            return Err(Error::type_error(format!(
                "Cannot interpret '{}' as a data type",
                py_repr(other)
            )))
        }
    };
    if let Some(t) = int_ty(&name) {
        return Ok((t, false));
    }
    let (prefix, code) = match name.chars().next() {
        Some(c @ ('<' | '>' | '=' | '|')) => (Some(c), &name[1..]),
        _ => (None, name.as_str()),
    };
    if let Some(t) = int_ty(code) {
        if prefix == Some('>') && !matches!(t, IntTy::Bool | IntTy::I8 | IntTy::U8) {
            return Err(Error::value(
                "Providing a dtype with a non-native byteorder is not supported. If you require platform-independent byteorder, call byteswap when required.",
            ));
        }
        return Ok((t, false));
    }
    match code {
        "float" | "float64" | "double" | "f8" | "d" => unsupported("float64"),
        "float32" | "single" | "f4" | "f" => unsupported("float32"),
        "float16" | "half" | "f2" | "e" => unsupported("float16"),
        "complex" | "complex128" | "c16" | "D" => unsupported("complex128"),
        _ => Err(Error::type_error(format!(
            "data type {} not understood",
            str_repr(&name)
        ))),
    }
}
