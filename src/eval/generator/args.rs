//! NumPy's reading of a Generator call's arguments: `size`, `out=`, int and float
//! leaves, array literals, `dtype=` for the float methods and `integers`.

use super::*;

/// `out=` of the float fillers: nprand eval has no arrays, so anything given is not
/// one, and `check_output` refuses it (`C-contiguous` where `cont` requires a C array:
/// `standard_gamma`).
pub(crate) fn no_out(e: Option<&Expr>, c_array: bool) -> Result<()> {
    match opt(e) {
        Some(_) => Err(Error::value(format!(
            "Supplied output array must be {}contiguous, writable, aligned, and in machine byte-order.",
            if c_array { "C-" } else { "" }
        ))),
        None => Ok(()),
    }
}

/// `np.empty(size)`'s reading of `size=` (float64's itemsize; `None` → `None`): the same
/// reading as RandomState's, since both go through `np.empty`.
pub(crate) fn parse_size(e: Option<&Expr>) -> Result<Option<Vec<usize>>> {
    crate::eval::legacy::parse_size(e, Dtype::F64)
}

/// [`parse_size`] for a result of another dtype (named in NumPy's `MemoryError`).
pub(crate) fn parse_size_as(e: Option<&Expr>, dtype: Dtype) -> Result<Option<Vec<usize>>> {
    crate::eval::legacy::parse_size(e, dtype)
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
    let unsupported =
        |repr: &str| Error::type_error(format!("Unsupported dtype {repr} for {method}"));
    let Some(e) = e else { return Ok(false) };
    let name: String = match e {
        Expr::None => return Ok(false),
        Expr::Name(n) => np_attr(n).to_string(),
        Expr::Str(s) => s.clone(),
        other => return Err(dtype_object_error(other, unsupported)),
    };
    match name.trim_start_matches(['<', '=', '|']) {
        "float" | "float64" | "double" | "f8" | "d" | "float_" => Ok(false),
        "float32" | "single" | "f4" | "f" => Ok(true),
        other => match int_ty(other).map(IntTy::name) {
            Some(t) => Err(unsupported(&format!("dtype('{t}')"))),
            // A big-endian name keeps its prefix in NumPy's repr.
            None if name.starts_with('>') => Err(unsupported(&format!("dtype('{name}')"))),
            None => Err(named_dtype_error(&name, other, unsupported)),
        },
    }
}

/// `np.dtype(name)` for a name that is not one of the method's types: NumPy's
/// `Unsupported dtype` for a valid dtype (`code` is `name` without its byte-order
/// prefix), `data type '…' not understood` otherwise.
fn named_dtype_error(name: &str, code: &str, unsupported: impl Fn(&str) -> Error) -> Error {
    match unsupported_dtype_repr(code) {
        Some(r) => unsupported(&r),
        None => Error::type_error(format!("data type {} not understood", str_repr(name))),
    }
}

/// `integers`' `dtype=`: the type and whether a scalar result is a Python scalar
/// (`dtype is int` / `dtype is bool`).
pub(crate) fn resolve_int_dtype(e: Option<&Expr>) -> Result<(IntTy, bool)> {
    let Some(e) = e else {
        return Ok((IntTy::I64, false));
    };
    let unsupported =
        |repr: &str| Error::type_error(format!("Unsupported dtype {repr} for integers"));
    let name = match e {
        Expr::Name(n) if n == "int" => return Ok((IntTy::I64, true)),
        Expr::Name(n) if n == "bool" => return Ok((IntTy::Bool, true)),
        Expr::Name(n) => np_attr(n).to_string(),
        Expr::Str(s) => s.clone(),
        Expr::None => return Err(unsupported("dtype('float64')")),
        other => return Err(dtype_object_error(other, unsupported)),
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
    Err(named_dtype_error(&name, code, unsupported))
}
