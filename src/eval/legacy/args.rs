//! Python and Cython conventions the RandomState calls share: errors, argument
//! binding with Cython's messages, `size` and array literals as `np.empty` and
//! `np.asarray` read them, `int()`/`float()` of literal leaves.

use super::*;

pub(crate) fn not_impl(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::NotImplementedError, msg)
}

pub(crate) fn overflow(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::OverflowError, msg)
}

/// Python's truth value.
pub(crate) fn truthy(e: &Expr) -> bool {
    match e {
        Expr::Int(i) => *i != 0,
        Expr::BigInt(_) => true,
        Expr::Float(x) => *x != 0.0,
        Expr::Str(s) => !s.is_empty(),
        Expr::Bool(b) => *b,
        Expr::None => false,
        Expr::Tuple(v) | Expr::List(v) => !v.is_empty(),
        Expr::Name(_) => true,
    }
}

/// Scalar types of `numpy` that may be named in a call.
pub(crate) const NP_TYPES: &[&str] = &[
    "bool",
    "bool_",
    "byte",
    "ubyte",
    "short",
    "ushort",
    "intc",
    "uintc",
    "int_",
    "uint",
    "intp",
    "uintp",
    "long",
    "ulong",
    "longlong",
    "ulonglong",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "half",
    "single",
    "double",
    "longdouble",
    "float16",
    "float32",
    "float64",
    "float128",
    "csingle",
    "cdouble",
    "clongdouble",
    "complex64",
    "complex128",
    "complex256",
    "object_",
    "str_",
    "bytes_",
    "void",
    "datetime64",
    "timedelta64",
    "generic",
    "number",
    "integer",
    "floating",
];

/// Python builtins that may be named in a call.
pub(crate) const BUILTIN_TYPES: &[&str] =
    &["int", "float", "bool", "complex", "str", "bytes", "object"];

/// Names must be Python builtin types or NumPy scalar types (Python would raise
/// `NameError` / `AttributeError` before calling anything).
pub(crate) fn check_names(e: &Expr) -> Result<()> {
    match e {
        Expr::Name(n) => {
            if BUILTIN_TYPES.contains(&n.as_str()) {
                return Ok(());
            }
            match np_attr(n) {
                Some(a) if NP_TYPES.contains(&a) => Ok(()),
                Some(a) if !a.contains('.') => Err(Error::new(
                    ErrorKind::AttributeError,
                    format!("module 'numpy' has no attribute '{a}'"),
                )),
                _ => Err(Error::new(
                    ErrorKind::SyntaxError,
                    format!("name '{n}' is not defined"),
                )),
            }
        }
        Expr::List(v) | Expr::Tuple(v) => v.iter().try_for_each(check_names),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------------
// Argument binding (Cython's messages)
// ---------------------------------------------------------------------------------

pub(crate) fn arg_count_error(fname: &str, required: usize, max: usize, given: usize) -> Error {
    let (how, n) = if given > max {
        ("at most", max)
    } else {
        ("at least", required)
    };
    let how = if required == max { "exactly" } else { how };
    let s = if n == 1 { "" } else { "s" };
    Error::type_error(format!(
        "{fname}() takes {how} {n} positional argument{s} ({given} given)"
    ))
}

/// Bind positional and keyword arguments to `names` (the first `required` of them
/// are mandatory), with Cython's error messages.
pub(crate) fn bind<'a>(
    call: &'a Call,
    fname: &str,
    names: &[&str],
    required: usize,
) -> Result<Vec<Option<&'a Expr>>> {
    bind_kw(call, fname, names, required, names.len())
}

/// Bind positional and keyword arguments (the first `npos` names may be positional, the
/// rest are keyword-only), with Cython's messages.
pub(crate) fn bind_kw<'a>(
    call: &'a Call,
    fname: &str,
    names: &[&str],
    required: usize,
    npos: usize,
) -> Result<Vec<Option<&'a Expr>>> {
    if call.args.len() > npos {
        return Err(arg_count_error(fname, required, npos, call.args.len()));
    }
    let mut out: Vec<Option<&Expr>> = vec![None; names.len()];
    for (slot, a) in out.iter_mut().zip(&call.args) {
        *slot = Some(a);
    }
    for (k, v) in &call.kwargs {
        match names.iter().position(|n| n == k) {
            None => {
                return Err(Error::type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )))
            }
            Some(i) if out[i].is_some() => {
                return Err(Error::type_error(format!(
                    "{fname}() got multiple values for keyword argument '{k}'"
                )))
            }
            Some(i) => out[i] = Some(v),
        }
    }
    if let Some(missing) = out[..required].iter().position(Option::is_none) {
        return Err(arg_count_error(fname, required, npos, missing));
    }
    Ok(out)
}

/// An argument that is absent or Python's `None`.
pub(crate) fn opt(e: Option<&Expr>) -> Option<&Expr> {
    e.filter(|e| !matches!(e, Expr::None))
}

/// `*args` only: the first keyword is unexpected.
pub(crate) fn no_kwargs(call: &Call, fname: &str) -> Result<()> {
    match call.kwargs.first() {
        Some((k, _)) => Err(Error::type_error(format!(
            "{fname}() got an unexpected keyword argument '{k}'"
        ))),
        None => Ok(()),
    }
}

// ---------------------------------------------------------------------------------
// Shapes: `size` (np.empty) and array literals (np.asarray)
// ---------------------------------------------------------------------------------

/// One element of a `size` tuple (or a `rand` argument), as `PyArray_IntpConverter`
/// takes it.
pub(crate) fn dim_from(e: &Expr) -> Result<i128> {
    match e {
        Expr::Int(i) => {
            if *i > i64::MAX as i128 || *i < i64::MIN as i128 {
                Err(Error::value("Maximum allowed dimension exceeded"))
            } else {
                Ok(*i)
            }
        }
        Expr::Bool(_) => Err(Error::type_error("an integer is required")),
        other => Err(Error::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

/// `np.empty(size, dtype)`'s checks on a shape: element conversion, negative
/// dimensions, total byte size; then nprand's own [`MAX_ELEMENTS`] limit.
pub(crate) fn check_dims(dims: Vec<i128>, dtype: Dtype) -> Result<Vec<usize>> {
    if dims.iter().any(|&d| d < 0) {
        return Err(Error::value("negative dimensions are not allowed"));
    }
    let mut nbytes: u128 = dtype.itemsize() as u128;
    for &d in dims.iter().filter(|&&d| d != 0) {
        nbytes = nbytes.saturating_mul(d as u128);
    }
    if nbytes > i64::MAX as u128 {
        return Err(crate::common::alloc::too_big());
    }
    // What no x86-64 Linux process can map (a 47-bit user address space with 4-level
    // page tables, the common case) is NumPy's MemoryError there whatever the RAM;
    // below that, whether NumPy's allocation succeeds depends on the machine, and
    // nprand's own cap answers. (The dimensions stay 64-bit here: NumPy's shapes on a
    // 32-bit target too.)
    if nbytes > ADDRESS_SPACE && !dims.contains(&0) {
        let wide: Vec<u64> = dims.iter().map(|&d| d as u64).collect();
        return Err(crate::common::alloc::memory_error_u64(&wide, dtype));
    }
    // Past a 32-bit usize the cap refuses the shape anyway.
    let dims: Vec<usize> = dims
        .into_iter()
        .map(|d| usize::try_from(d).unwrap_or(usize::MAX))
        .collect();
    check_cap(&dims)?;
    Ok(dims)
}

/// The bytes an x86-64 Linux process can address at most (2**47, 4-level page tables).
const ADDRESS_SPACE: u128 = 1 << 47;

/// nprand's limit on the number of elements of a result.
pub(crate) fn check_cap(shape: &[usize]) -> Result<()> {
    let n = shape
        .iter()
        .try_fold(1usize, |a, &d| a.checked_mul(d))
        .unwrap_or(usize::MAX);
    if n > MAX_ELEMENTS {
        return Err(not_impl(format!(
            "nprand eval produces at most {MAX_ELEMENTS} elements per call (shape {} was requested)",
            shape_repr(shape)
        )));
    }
    Ok(())
}

/// `np.empty(size)` for a `size=` argument: `None` → `None`, an int or a sequence of
/// ints → the shape, anything else NumPy's TypeError.
pub(crate) fn parse_size(e: Option<&Expr>, dtype: Dtype) -> Result<Option<Vec<usize>>> {
    parse_dims(e)?
        .map(|dims| check_dims(dims, dtype))
        .transpose()
}

/// The dimensions of a `size=` argument, each read as `np.empty` reads it, before the
/// checks of the whole shape ([`check_dims`]).
pub(crate) fn parse_dims(e: Option<&Expr>) -> Result<Option<Vec<i128>>> {
    parse_dims_with(e, 0)
}

/// [`parse_dims`] for a shape that will have `extra` more dimensions (NumPy's
/// `tuple(size) + (k,)`): the count `np.empty` checks first is that of the whole shape.
pub(crate) fn parse_dims_with(e: Option<&Expr>, extra: usize) -> Result<Option<Vec<i128>>> {
    let Some(e) = opt(e) else {
        return Ok(None);
    };
    let dims = match e {
        Expr::Int(_) => vec![dim_from(e)?],
        Expr::Tuple(v) | Expr::List(v) => {
            crate::eval::pysem::check_size_len(v.len() + extra)?;
            v.iter().map(dim_from).collect::<Result<Vec<_>>>()?
        }
        // A string is a sequence of characters: '' is the shape ().
        Expr::Str(t) if t.is_empty() => Vec::new(),
        Expr::Str(_) => {
            return Err(Error::type_error(
                "'str' object cannot be interpreted as an integer",
            ))
        }
        other => {
            let got = match other {
                Expr::Float(x) => py_float_repr(*x),
                Expr::Bool(b) => bool_repr(*b).into(),
                other => py_repr(other),
            };
            return Err(Error::type_error(format!(
                "expected a sequence of integers or a single integer, got '{got}'"
            )));
        }
    };
    Ok(Some(dims))
}

/// A numeric value of `np.prod(size)` (floats truncated, as with `dtype=intp`), or
/// `None` when NumPy could not compute it.
pub(crate) fn size_prod(e: &Expr) -> Option<f64> {
    let num = |e: &Expr| match e {
        Expr::Int(i) => Some(*i as f64),
        Expr::Float(x) => Some(*x),
        Expr::Bool(b) => Some(*b as u8 as f64),
        _ => None,
    };
    match e {
        Expr::Tuple(v) | Expr::List(v) => v.iter().try_fold(1.0, |a, x| Some(a * num(x)?)),
        other => num(other),
    }
}

/// `size is not None and np.prod(size) == 0`, with `np.prod`'s errors: a ragged
/// `size` cannot become an array, and strings have no `multiply` loop. (An object leaf
/// such as `None` multiplies to itself, which is not 0.)
pub(crate) fn size_is_zero(e: Option<&Expr>) -> Result<bool> {
    let Some(e) = opt(e) else { return Ok(false) };
    let (_, leaves) = nd_shape(e)?;
    if leaves
        .iter()
        .any(|l| matches!(l, Expr::None | Expr::Name(_)))
    {
        return object_prod_is_zero(&leaves);
    }
    if leaves.iter().any(|l| matches!(l, Expr::Str(_))) {
        // np.asarray's string dtype: as wide as the longest leaf, numbers as their str.
        let width = leaves
            .iter()
            .map(|l| match l {
                Expr::Str(s) => s.chars().count().max(1),
                Expr::Int(_) => 21,
                Expr::Float(_) => 32,
                Expr::Bool(_) => 5,
                _ => 1,
            })
            .max()
            .unwrap_or(1);
        return Err(Error::new(
            ErrorKind::UFuncTypeError,
            format!(
                "ufunc 'multiply' did not contain a loop with signature matching types (dtype('<U{width}'), dtype('<U{width}')) -> None"
            ),
        ));
    }
    Ok(size_prod(e) == Some(0.0))
}

/// `np.prod(x) == 0` for an object array (a leaf that is `None` or a class): NumPy
/// multiplies the Python objects left to right, so the first product Python cannot form
/// raises Python's `TypeError`; one object alone is returned as it is (not 0).
fn object_prod_is_zero(leaves: &[&Expr]) -> Result<bool> {
    /// The running product, as far as its type and zeroness go.
    #[derive(Clone, Copy)]
    enum Acc {
        Num {
            zero: bool,
            float: bool,
            ty: &'static str,
        },
        Str,
        Other(&'static str),
    }
    let of = |e: &Expr| match e {
        Expr::Int(i) => Acc::Num {
            zero: *i == 0,
            float: false,
            ty: "int",
        },
        Expr::Bool(b) => Acc::Num {
            zero: !*b,
            float: false,
            ty: "bool",
        },
        Expr::Float(x) => Acc::Num {
            zero: *x == 0.0,
            float: true,
            ty: "float",
        },
        Expr::Str(_) => Acc::Str,
        other => Acc::Other(type_name(other)),
    };
    let name = |a: Acc| match a {
        Acc::Num { ty, .. } => ty,
        Acc::Str => "str",
        Acc::Other(t) => t,
    };
    let Some((first, rest)) = leaves.split_first() else {
        return Ok(false);
    };
    let mut acc = of(first);
    for l in rest {
        let x = of(l);
        acc = match (acc, x) {
            (
                Acc::Num {
                    zero: z1,
                    float: f1,
                    ..
                },
                Acc::Num {
                    zero: z2,
                    float: f2,
                    ..
                },
            ) => {
                let float = f1 || f2;
                let ty = if float { "float" } else { "int" };
                // Only the type matters: with an object among the leaves, a product
                // of two or more of them raises before the value could decide anything.
                Acc::Num {
                    zero: z1 || z2,
                    float,
                    ty,
                }
            }
            // A str repeated by an int (or bool) is a str.
            (Acc::Str, Acc::Num { float: false, .. })
            | (Acc::Num { float: false, .. }, Acc::Str) => Acc::Str,
            (Acc::Str, other) | (other, Acc::Str) => {
                return Err(Error::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    name(other)
                )))
            }
            (a, b) => {
                return Err(Error::type_error(format!(
                    "unsupported operand type(s) for *: '{}' and '{}'",
                    name(a),
                    name(b)
                )))
            }
        };
    }
    Ok(matches!(acc, Acc::Num { zero: true, .. }))
}

/// `np.asarray(x)`'s structure: the shape and the flat (C order) leaves, with NumPy's
/// error for ragged nesting.
pub(crate) fn nd_shape(e: &Expr) -> Result<(Vec<usize>, Vec<&Expr>)> {
    let mut shape = Vec::new();
    let mut level: Vec<&Expr> = vec![e];
    loop {
        let seqs: Vec<&Vec<Expr>> = level
            .iter()
            .filter_map(|x| match x {
                Expr::List(v) | Expr::Tuple(v) => Some(v),
                _ => None,
            })
            .collect();
        if seqs.is_empty() {
            return Ok((shape, level));
        }
        if shape.len() == crate::eval::pysem::MAX_DIMS {
            return Err(crate::eval::pysem::too_deep());
        }
        let n = seqs[0].len();
        if seqs.len() != level.len() || seqs.iter().any(|v| v.len() != n) {
            return Err(Error::value(format!(
                "setting an array element with a sequence. The requested array has an inhomogeneous shape after {} dimensions. The detected shape was {} + inhomogeneous part.",
                shape.len(),
                shape_repr(&shape)
            )));
        }
        shape.push(n);
        level = seqs.into_iter().flatten().collect();
        if n == 0 {
            return Ok((shape, level));
        }
    }
}

/// The error of `float(x)` for a leaf that is not a number (string or other object).
pub(crate) fn float_leaf(e: &Expr) -> Result<f64> {
    match e {
        Expr::Int(i) => Ok(*i as f64),
        Expr::Float(x) => Ok(*x),
        Expr::Bool(b) => Ok(*b as u8 as f64),
        Expr::Str(s) => parse_float(s).ok_or_else(|| {
            Error::value(format!(
                "could not convert string to float: {}",
                str_repr(s)
            ))
        }),
        Expr::None => Ok(f64::NAN),
        other => Err(Error::type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            type_name(other)
        ))),
    }
}

/// Python's `int(x)` of a leaf, saturated to ±2**125 beyond i128 (such values are out
/// of every bound).
pub(crate) fn int_leaf(e: &Expr) -> Result<i128> {
    match e {
        Expr::Int(i) => Ok((*i).clamp(-(1 << 125), 1 << 125)),
        Expr::Bool(b) => Ok(*b as i128),
        Expr::Float(x) => float_to_int(*x),
        Expr::Str(s) => parse_int(s).ok_or_else(|| {
            Error::value(format!(
                "invalid literal for int() with base 10: {}",
                str_repr(s)
            ))
        }),
        other => Err(Error::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            type_name(other)
        ))),
    }
}

/// Python's `int(float)`: truncation toward zero, NaN and infinities rejected.
pub(crate) fn float_to_int(x: f64) -> Result<i128> {
    if x.is_nan() {
        return Err(Error::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(overflow("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    Ok(if t >= 2f64.powi(125) {
        1 << 125
    } else if t <= -(2f64.powi(125)) {
        -(1 << 125)
    } else {
        t as i128
    })
}

/// A C `long` from an int: Python's OverflowError beyond int64.
pub(crate) fn to_c_long(v: i128) -> Result<i64> {
    i64::try_from(v).map_err(|_| overflow("Python int too large to convert to C long"))
}
