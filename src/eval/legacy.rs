//! The evaluator behind `nprand eval`: one Python call such as
//! `randint(0, 10, size=(2, 3), dtype='int8')` evaluated on a [`RandomState`] with
//! NumPy's argument handling: binding of positional and keyword arguments, conversion
//! of scalars and (nested) lists, `size`, `dtype`, the order of NumPy's checks, its
//! error messages, and the Python type of the result ([`Kind`](super::value::Kind)).
//!
//! # Quick start
//! ```
//! use nprand::eval::legacy::{eval_call, make_state, Init};
//! use nprand::eval::value::{Data, Kind};
//! let mut rs = make_state(&Init::Seed(12345)).unwrap();
//! let v = eval_call(&mut rs, "normal([0, 10], 1, size=(3, 2))").unwrap();
//! assert_eq!((v.kind, v.shape.clone(), v.dtype_name()), (Kind::Array, vec![3, 2], "float64"));
//! let k = eval_call(&mut rs, "randint(5, dtype='uint8')").unwrap();
//! assert_eq!(k.kind, Kind::NpScalar);
//! let e = eval_call(&mut rs, "randint(10, 5)").unwrap_err();
//! assert_eq!(e.to_string(), "ValueError: low >= high");
//! ```
//!
//! Every distribution in [`crate::legacy::broadcast::specs`] is evaluated generically
//! (parameters bound by name, converted to float64 or int64 arrays, `size` checked
//! after the parameters, as NumPy does). The other methods (`rand`, `randn`,
//! `randint`, `random_integers`, `tomaxint`, `bytes`, `choice`, `shuffle`,
//! `permutation`, `seed`) have their own code below. `ranf` and `sample` (NumPy's
//! module-level aliases of `random_sample`) are accepted too.

use super::parser::{parse_call, Call, Expr};
use super::value::{Data, Value};
use crate::array::{broadcast_indices, broadcast_shapes, shape_repr, NdArray};
use crate::error::{Error, ErrorKind, Result};
use crate::fmt::py_float_repr;
use crate::legacy::broadcast::{self, DistSpec, Kernel, Num, Output};
use crate::{LegacyState, RandintDtype, RandomState};

/// The largest number of elements one call may produce. NumPy would try to allocate
/// (and raise `MemoryError` for really large requests); nprand refuses early with a
/// `NotImplementedError`.
///
/// ```
/// use nprand::eval::legacy::{eval_call, MAX_ELEMENTS};
/// let mut rs = nprand::RandomState::new(0);
/// let err = eval_call(&mut rs, &format!("rand({}, 2)", MAX_ELEMENTS)).unwrap_err();
/// assert_eq!(err.kind(), nprand::ErrorKind::NotImplementedError);
/// ```
pub const MAX_ELEMENTS: usize = 1 << 28;

/// Every method of NumPy's `RandomState` (plus the module-level aliases `ranf` and
/// `sample`): names outside this list are an `AttributeError`, names inside it that
/// nprand cannot evaluate yet a `NotImplementedError`.
///
/// ```
/// assert!(nprand::eval::legacy::METHODS.contains(&"hypergeometric"));
/// ```
pub const METHODS: &[&str] = &[
    "seed",
    "get_state",
    "set_state",
    "random_sample",
    "random",
    "ranf",
    "sample",
    "beta",
    "exponential",
    "standard_exponential",
    "tomaxint",
    "randint",
    "bytes",
    "choice",
    "uniform",
    "rand",
    "randn",
    "random_integers",
    "standard_normal",
    "normal",
    "standard_gamma",
    "gamma",
    "f",
    "noncentral_f",
    "chisquare",
    "noncentral_chisquare",
    "standard_cauchy",
    "standard_t",
    "vonmises",
    "pareto",
    "weibull",
    "power",
    "laplace",
    "gumbel",
    "logistic",
    "lognormal",
    "rayleigh",
    "wald",
    "triangular",
    "binomial",
    "negative_binomial",
    "poisson",
    "zipf",
    "geometric",
    "hypergeometric",
    "logseries",
    "multivariate_normal",
    "multinomial",
    "dirichlet",
    "shuffle",
    "permutation",
];

mod multi;
pub(crate) use multi::mvn_operands;

/// How the command line initialises the generator.
///
/// ```
/// use nprand::eval::legacy::{make_state, Init};
/// let rs = make_state(&Init::SeedArray(vec![1, 2, 3])).unwrap();
/// assert_eq!(rs, nprand::RandomState::from_key(&[1, 2, 3]).unwrap());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)] // built once per run; the API keeps the state inline
pub enum Init {
    /// `RandomState(n)`.
    Seed(i128),
    /// `RandomState([n0, n1, ...])`.
    SeedArray(Vec<i128>),
    /// `rs.set_state(state)` on a fresh generator.
    State(LegacyState),
    /// `RandomState(x)` for any Python literal `x`, with NumPy's `_legacy_seeding` rules
    /// (ints range-checked; otherwise `np.asarray(x)`: non-empty, safely castable to
    /// int64, 1-d, each element in range).
    Literal(Expr),
}

/// Build the generator, with NumPy's checks and messages
/// (`ValueError: Seed must be between 0 and 2**32 - 1`, `Seed must be non-empty`).
///
/// ```
/// use nprand::eval::legacy::{make_state, Init};
/// assert_eq!(make_state(&Init::Seed(-1)).unwrap_err().to_string(),
///            "ValueError: Seed must be between 0 and 2**32 - 1");
/// assert_eq!(make_state(&Init::SeedArray(vec![])).unwrap_err().message(), "Seed must be non-empty");
/// let st = nprand::RandomState::new(7).get_state();
/// assert_eq!(make_state(&Init::State(st)).unwrap(), nprand::RandomState::new(7));
/// ```
pub fn make_state(init: &Init) -> Result<RandomState> {
    match init {
        Init::Seed(s) => RandomState::from_seed_int(*s),
        Init::SeedArray(k) => RandomState::from_key_ints(k),
        Init::State(st) => {
            let mut rs = RandomState::new(0);
            rs.set_state(st)?;
            Ok(rs)
        }
        Init::Literal(e) => seed_from_literal(e),
    }
}

/// NumPy's `_legacy_seeding(seed)` for a Python literal.
///
/// ```
/// use nprand::eval::{legacy::seed_from_literal, parser::parse_expr};
/// let rs = seed_from_literal(&parse_expr("[1, 2, 3]").unwrap()).unwrap();
/// assert_eq!(rs, nprand::RandomState::from_key(&[1, 2, 3]).unwrap());
/// let e = seed_from_literal(&parse_expr("1.5").unwrap()).unwrap_err();
/// assert_eq!(e.to_string(), "TypeError: Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
/// ```
pub fn seed_from_literal(e: &Expr) -> Result<RandomState> {
    match e {
        Expr::Int(v) => return RandomState::from_seed_int(*v),
        Expr::Bool(b) => return RandomState::from_seed_int(*b as i128),
        Expr::None => {
            return Err(not_impl(
                "RandomState(None) seeds from OS entropy, which is not reproducible; give a seed",
            ))
        }
        _ => {}
    }
    let (shape, leaves) = nd_shape(e)?;
    if leaves.is_empty() || shape.contains(&0) {
        return Err(Error::value("Seed must be non-empty"));
    }
    let ty = infer(&leaves);
    if !matches!(ty, Inferred::Bool | Inferred::I64) {
        let what = if shape.is_empty() {
            "scalar"
        } else {
            "array data"
        };
        return Err(Error::type_error(format!(
            "Cannot cast {what} from dtype('{}') to dtype('int64') according to the rule 'safe'",
            ty.repr()
        )));
    }
    if shape.len() != 1 {
        return Err(Error::value("Seed array must be 1-d"));
    }
    let key: Vec<i128> = leaves.iter().map(|l| int_leaf(l)).collect::<Result<_>>()?;
    RandomState::from_key_ints(&key)
}

/// Parse and evaluate one call on `rs`. A syntax error is an
/// [`ErrorKind::SyntaxError`].
///
/// ```
/// use nprand::eval::legacy::eval_call;
/// use nprand::eval::value::{Data, Kind};
/// let mut rs = nprand::RandomState::new(12345);
/// let v = eval_call(&mut rs, "rand()").unwrap();
/// assert_eq!(v.kind, Kind::PyScalar);
/// assert_eq!(v.data, Data::F64(vec![nprand::RandomState::new(12345).random_sample()]));
/// assert_eq!(eval_call(&mut rs, "rand(").unwrap_err().kind(), nprand::ErrorKind::SyntaxError);
/// ```
pub fn eval_call(rs: &mut RandomState, call: &str) -> Result<Value> {
    let parsed = parse_call(call).map_err(|e| {
        Error::new(
            ErrorKind::SyntaxError,
            format!("{} (column {} of {:?})", e.message, e.offset + 1, call),
        )
    })?;
    eval_parsed(rs, &parsed)
}

/// Evaluate an already parsed call on `rs`.
///
/// ```
/// use nprand::eval::legacy::eval_parsed;
/// use nprand::eval::parser::parse_call;
/// let mut rs = nprand::RandomState::new(0);
/// let err = eval_parsed(&mut rs, &parse_call("foo(3)").unwrap()).unwrap_err();
/// assert_eq!(err.to_string(),
///            "AttributeError: 'numpy.random.mtrand.RandomState' object has no attribute 'foo'");
/// ```
pub fn eval_parsed(rs: &mut RandomState, call: &Call) -> Result<Value> {
    for e in call.args.iter().chain(call.kwargs.iter().map(|(_, e)| e)) {
        check_names(e)?;
    }
    let name = call.method.as_str();
    match name {
        "rand" => eval_rand(rs, call, false),
        "randn" => eval_rand(rs, call, true),
        "randint" => eval_randint(rs, call),
        "random_integers" => eval_random_integers(rs, call),
        "tomaxint" => eval_tomaxint(rs, call),
        "bytes" => eval_bytes(rs, call),
        "choice" => eval_choice(rs, call),
        "shuffle" => eval_shuffle(rs, call),
        "permutation" => eval_permutation(rs, call),
        "seed" => eval_seed(rs, call),
        "get_state" => Err(not_impl(
            "get_state() is not supported by nprand eval; use --save-state FILE.json",
        )),
        "set_state" => Err(not_impl(
            "set_state() is not supported by nprand eval; use --state FILE.json",
        )),
        // Hooks: these three do not go through cont()/disc(); they are being written
        // separately and will be wired here.
        // Outputs of shape size + (k,): NumPy's own argument handling (multi.rs).
        "dirichlet" => multi::eval_dirichlet(rs, call),
        "multinomial" => multi::eval_multinomial(rs, call),
        "multivariate_normal" => multi::eval_multivariate_normal(rs, call),
        "random" | "ranf" | "sample" => match broadcast::find("random_sample") {
            Some(spec) => eval_dist(rs, spec, name, call),
            None => Err(not_impl(format!("{name} is not available yet"))),
        },
        _ => match broadcast::find(name) {
            Some(spec) => eval_dist(rs, spec, name, call),
            None if METHODS.contains(&name) => {
                Err(not_impl(format!("{name} is not available yet")))
            }
            None => Err(Error::new(
                ErrorKind::AttributeError,
                format!("'numpy.random.mtrand.RandomState' object has no attribute '{name}'"),
            )),
        },
    }
}

// ---------------------------------------------------------------------------------
// Errors and small Python helpers
// ---------------------------------------------------------------------------------

pub(crate) fn not_impl(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::NotImplementedError, msg)
}

pub(crate) fn overflow(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::OverflowError, msg)
}

/// Python's type name of a value (`type(x).__name__`).
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

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// Python's `repr` of a string (single quotes unless the text contains one and no
/// double quote).
fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// The class a name stands for, as Python prints it: `<class 'numpy.int8'>`.
fn class_repr(name: &str) -> String {
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
fn py_repr(e: &Expr) -> String {
    match e {
        Expr::Int(i) => i.to_string(),
        Expr::Float(x) => py_float_repr(*x),
        Expr::Str(s) => str_repr(s),
        Expr::Bool(b) => py_bool(*b).into(),
        Expr::None => "None".into(),
        Expr::List(v) => format!("[{}]", v.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Expr::Tuple(v) if v.len() == 1 => format!("({},)", py_repr(&v[0])),
        Expr::Tuple(v) => format!("({})", v.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Expr::Name(n) => class_repr(n),
    }
}

/// Python's truth value.
pub(crate) fn truthy(e: &Expr) -> bool {
    match e {
        Expr::Int(i) => *i != 0,
        Expr::Float(x) => *x != 0.0,
        Expr::Str(s) => !s.is_empty(),
        Expr::Bool(b) => *b,
        Expr::None => false,
        Expr::Tuple(v) | Expr::List(v) => !v.is_empty(),
        Expr::Name(_) => true,
    }
}

/// The attribute of `numpy` a dotted name refers to (`np.int8` → `int8`).
fn np_attr(name: &str) -> Option<&str> {
    name.strip_prefix("np.")
        .or_else(|| name.strip_prefix("numpy."))
}

/// Scalar types of `numpy` that may be named in a call.
const NP_TYPES: &[&str] = &[
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
const BUILTIN_TYPES: &[&str] = &["int", "float", "bool", "complex", "str", "bytes", "object"];

/// Names must be Python builtin types or NumPy scalar types (Python would raise
/// `NameError` / `AttributeError` before calling anything).
fn check_names(e: &Expr) -> Result<()> {
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
fn no_kwargs(call: &Call, fname: &str) -> Result<()> {
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
fn check_dims(dims: Vec<i128>, itemsize: usize) -> Result<Vec<usize>> {
    if dims.iter().any(|&d| d < 0) {
        return Err(Error::value("negative dimensions are not allowed"));
    }
    let mut nbytes: u128 = itemsize as u128;
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
fn parse_size(e: Option<&Expr>, itemsize: usize) -> Result<Option<Vec<usize>>> {
    let Some(e) = opt(e) else {
        return Ok(None);
    };
    let dims = match e {
        Expr::Int(_) => vec![dim_from(e)?],
        Expr::Tuple(v) | Expr::List(v) => v.iter().map(dim_from).collect::<Result<Vec<_>>>()?,
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
                Expr::Bool(b) => py_bool(*b).into(),
                other => py_repr(other),
            };
            return Err(Error::type_error(format!(
                "expected a sequence of integers or a single integer, got '{got}'"
            )));
        }
    };
    Ok(Some(check_dims(dims, itemsize)?))
}

/// A numeric value of `np.prod(size)` (floats truncated, as with `dtype=intp`), or
/// `None` when NumPy could not compute it.
fn size_prod(e: &Expr) -> Option<f64> {
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

/// `size is not None and np.prod(size) == 0`.
fn size_is_zero(e: Option<&Expr>) -> bool {
    opt(e).and_then(size_prod) == Some(0.0)
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

/// Python's `float(str)`.
fn parse_py_float(s: &str) -> Option<f64> {
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

/// Python's `int(str)` (base 10).
fn parse_py_int(s: &str) -> Option<i128> {
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
        // Beyond i128: saturate (every such value is out of bounds anyway).
        Err(_) if t.starts_with('-') => Some(i128::MIN / 2),
        Err(_) => Some(i128::MAX / 2),
    }
}

/// Remove `_` separators that sit between two digits (Python's literal rule).
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

/// The error of `float(x)` for a leaf that is not a number (string or other object).
pub(crate) fn float_leaf(e: &Expr) -> Result<f64> {
    match e {
        Expr::Int(i) => Ok(*i as f64),
        Expr::Float(x) => Ok(*x),
        Expr::Bool(b) => Ok(*b as u8 as f64),
        Expr::Str(s) => parse_py_float(s).ok_or_else(|| {
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
fn int_leaf(e: &Expr) -> Result<i128> {
    match e {
        Expr::Int(i) => Ok((*i).clamp(-(1 << 125), 1 << 125)),
        Expr::Bool(b) => Ok(*b as i128),
        Expr::Float(x) => float_to_int(*x),
        Expr::Str(s) => parse_py_int(s).ok_or_else(|| {
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

/// The element types `np.asarray` can infer from a literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inferred {
    Bool,
    I64,
    U64,
    F64,
    /// `<U{n}`
    Str(usize),
    Object,
}

impl Inferred {
    fn repr(self) -> String {
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
fn infer(leaves: &[&Expr]) -> Inferred {
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

/// `np.asarray(x)` of a literal as typed data (string and object arrays are not
/// supported).
fn literal_array(e: &Expr) -> Result<(Data, Vec<usize>)> {
    let (shape, leaves) = nd_shape(e)?;
    let data = leaves_data(&leaves, infer(&leaves))?;
    Ok((data, shape))
}

fn leaves_data(leaves: &[&Expr], ty: Inferred) -> Result<Data> {
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

// ---------------------------------------------------------------------------------
// Distributions through cont()/disc()
// ---------------------------------------------------------------------------------

/// One parameter converted as `PyArray_FROM_OTF(x, NPY_DOUBLE / NPY_INT64)` does, plus
/// the error the scalar path would raise later (`PyFloat_AsDouble` / `<int64_t>`).
fn convert_param(e: &Expr, int: bool) -> Result<(NdArray<Num>, Option<Error>)> {
    let (shape, leaves) = nd_shape(e)?;
    let data: Vec<Num> = if int {
        leaves
            .iter()
            .map(|l| int_leaf(l).and_then(to_c_long).map(Num::I))
            .collect::<Result<_>>()?
    } else {
        leaves
            .iter()
            .map(|l| float_leaf(l).map(Num::F))
            .collect::<Result<_>>()?
    };
    let scalar_err = match (shape.is_empty(), e) {
        (true, Expr::Str(_)) if int => Some(Error::type_error("an integer is required")),
        (true, Expr::Str(_) | Expr::None) if !int => Some(Error::type_error(format!(
            "must be real number, not {}",
            type_name(e)
        ))),
        _ => None,
    };
    Ok((NdArray { shape, data }, scalar_err))
}

/// NumPy's checks before `np.empty(size)`: the spec's own validation, then the
/// constraints in NumPy's order (what [`RandomState::broadcast`] checks first).
fn precheck(spec: &DistSpec, params: &[NdArray<Num>], is_scalar: bool) -> Result<()> {
    if let Some(v) = spec.validate {
        v(params, is_scalar)?;
    }
    for k in internal_order(spec) {
        let ps = &spec.params[k];
        let vals: Vec<f64> = params[k].data.iter().map(|n| n.f()).collect();
        if is_scalar {
            ps.cons.check_scalar(vals[0], ps.name)?;
        } else {
            ps.cons.check_array(&vals, ps.name)?;
        }
    }
    Ok(())
}

/// The result of a distribution with an empty parameter array: the checks and the
/// output shape of NumPy's broadcast path, and no draws (the output is necessarily
/// empty).
fn empty_dist_output(
    spec: &DistSpec,
    params: &[NdArray<Num>],
    size: Option<&[usize]>,
) -> Result<Output> {
    precheck(spec, params, false)?;
    let shapes: Vec<&[usize]> = internal_order(spec)
        .into_iter()
        .map(|k| params[k].shape.as_slice())
        .collect();
    let shape = match size {
        Some(s) => s.to_vec(),
        None => broadcast_shapes(&shapes)?,
    };
    let mut with_out: Vec<&[usize]> = vec![&shape];
    with_out.extend(&shapes);
    let it = broadcast_shapes(&with_out)?;
    if it != shape {
        return Err(Error::value(format!(
            "Output size {} is not compatible with broadcast dimensions of inputs {}.",
            shape_repr(&shape),
            shape_repr(&it)
        )));
    }
    let n: usize = shape.iter().product();
    debug_assert_eq!(n, 0);
    Ok(match spec.kernel {
        Kernel::F64(_) => Output::F64(NdArray {
            shape,
            data: Vec::new(),
        }),
        Kernel::I64(_) | Kernel::I64Try(_) => Output::I64(NdArray {
            shape,
            data: Vec::new(),
        }),
    })
}

fn internal_order(spec: &DistSpec) -> Vec<usize> {
    if spec.internal_order.is_empty() {
        (0..spec.params.len()).collect()
    } else {
        spec.internal_order.to_vec()
    }
}

/// Any distribution of [`broadcast::specs`], called as `fname`.
fn eval_dist(rs: &mut RandomState, spec: &DistSpec, fname: &str, call: &Call) -> Result<Value> {
    let n = spec.params.len();
    let mut names: Vec<&str> = spec.params.iter().map(|p| p.name).collect();
    names.push("size");
    let required = spec
        .params
        .iter()
        .take_while(|p| p.default.is_none())
        .count();
    let bound = bind(call, fname, &names, required)?;
    let mut params: Vec<NdArray<Num>> = vec![NdArray::scalar(Num::F(0.0)); n];
    let mut scalar_errs: Vec<Option<Error>> = vec![None; n];
    for k in internal_order(spec) {
        let ps = &spec.params[k];
        match bound[k] {
            Some(e) => {
                let (arr, err) = convert_param(e, ps.int)?;
                params[k] = arr;
                scalar_errs[k] = err;
            }
            None => {
                // Only parameters with a default can be absent after binding.
                let d = ps.default.unwrap_or(f64::NAN);
                params[k] = NdArray::scalar(if ps.int { Num::I(d as i64) } else { Num::F(d) });
            }
        }
    }
    let is_scalar = params.iter().all(|p| p.ndim() == 0);
    if is_scalar {
        for k in internal_order(spec) {
            if let Some(e) = scalar_errs[k].take() {
                return Err(e);
            }
        }
    }
    let size = match parse_size(bound[n], 8) {
        Ok(s) => s,
        Err(e) => {
            precheck(spec, &params, is_scalar)?;
            return Err(e);
        }
    };
    if size.is_none() && !is_scalar {
        let shapes: Vec<&[usize]> = params.iter().map(|p| p.shape.as_slice()).collect();
        if let Ok(shape) = broadcast_shapes(&shapes) {
            check_cap(&shape)?;
        }
    }
    let out = if params.iter().any(|p| p.is_empty()) {
        empty_dist_output(spec, &params, size.as_deref())?
    } else {
        rs.broadcast(spec, &params, size.as_deref())?
    };
    let scalar = is_scalar && size.is_none();
    Ok(match out {
        Output::F64(a) if scalar => Value::py_scalar(Data::F64(a.data)),
        Output::I64(a) if scalar => Value::py_scalar(Data::I64(a.data)),
        Output::F64(a) => Value::array(Data::F64(a.data), a.shape),
        Output::I64(a) => Value::array(Data::I64(a.data), a.shape),
    })
}

// ---------------------------------------------------------------------------------
// rand, randn, tomaxint, bytes
// ---------------------------------------------------------------------------------

/// `rand(*dims)` / `randn(*dims)`.
fn eval_rand(rs: &mut RandomState, call: &Call, normal: bool) -> Result<Value> {
    let fname = if normal { "randn" } else { "rand" };
    no_kwargs(call, fname)?;
    if call.args.is_empty() {
        let x = if normal {
            rs.standard_normal()
        } else {
            rs.random_sample()
        };
        return Ok(Value::py_scalar(Data::F64(vec![x])));
    }
    let dims = call.args.iter().map(dim_from).collect::<Result<Vec<_>>>()?;
    let shape = check_dims(dims, 8)?;
    let data = if normal {
        rs.randn(&shape)
    } else {
        rs.rand(&shape)
    };
    Ok(Value::array(Data::F64(data), shape))
}

/// `tomaxint(size=None)`: a Python int, or an int64 array.
fn eval_tomaxint(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "tomaxint", &["size"], 0)?;
    match parse_size(b[0], 8)? {
        None => Ok(Value::py_scalar(Data::I64(vec![rs.tomaxint()]))),
        Some(shape) => {
            let mut out = vec![0i64; shape.iter().product()];
            rs.tomaxint_into(&mut out);
            Ok(Value::array(Data::I64(out), shape))
        }
    }
}

/// Cython's conversion of an argument typed `np.npy_intp`.
pub(crate) fn c_intp_arg(e: &Expr) -> Result<i64> {
    match e {
        Expr::Int(_) | Expr::Bool(_) | Expr::Float(_) => to_c_long(int_leaf(e)?),
        _ => Err(Error::type_error("an integer is required")),
    }
}

/// `bytes(length)`: `(length - 1) // 4 + 1` words (C division), little-endian, cut
/// to `[:length]` with Python's slice rules.
fn eval_bytes(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "bytes", &["length"], 1)?;
    let length = c_intp_arg(b[0].unwrap_or(&Expr::None))?;
    // npy_intp arithmetic: `length - 1` wraps for -2**63.
    let words = (length.wrapping_sub(1) / 4 + 1) as i128;
    let length = length as i128;
    let words = check_dims(vec![words], 4)?[0];
    let mut out = Vec::with_capacity(words * 4);
    for _ in 0..words {
        out.extend_from_slice(&rs.bit_generator_mut().next_u32().to_le_bytes());
    }
    let total = out.len() as i128;
    let keep = if length >= 0 {
        length.min(total)
    } else {
        (total + length).max(0)
    };
    out.truncate(keep as usize);
    Ok(Value::bytes(out))
}

// ---------------------------------------------------------------------------------
// randint, random_integers
// ---------------------------------------------------------------------------------

/// The integer dtypes of `randint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IntTy {
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

/// A resolved `dtype=`: the type, and whether a scalar result is a Python scalar
/// (`dtype is int` / `dtype is bool`).
#[derive(Debug, Clone, Copy)]
struct DtypeSel {
    ty: IntTy,
    py_scalar: bool,
}

/// `np.dtype(x)` names (no byte-order prefix allowed) of the supported types.
fn dtype_long_name(s: &str) -> Option<IntTy> {
    Some(match s {
        "bool" | "bool_" => IntTy::Bool,
        "int8" | "byte" => IntTy::I8,
        "uint8" | "ubyte" => IntTy::U8,
        "int16" | "short" => IntTy::I16,
        "uint16" | "ushort" => IntTy::U16,
        "int32" | "intc" => IntTy::I32,
        "uint32" | "uintc" => IntTy::U32,
        "int" | "int64" | "int_" | "intp" | "long" | "longlong" => IntTy::I64,
        "uint" | "uint64" | "uintp" | "ulong" | "ulonglong" => IntTy::U64,
        _ => return None,
    })
}

/// Type codes (which may carry a byte-order prefix `<>=|`).
fn dtype_code(s: &str) -> Option<IntTy> {
    Some(match s {
        "?" | "b1" => IntTy::Bool,
        "b" | "i1" => IntTy::I8,
        "B" | "u1" => IntTy::U8,
        "h" | "i2" => IntTy::I16,
        "H" | "u2" => IntTy::U16,
        "i" | "i4" => IntTy::I32,
        "I" | "u4" => IntTy::U32,
        "l" | "q" | "n" | "p" | "i8" => IntTy::I64,
        "L" | "Q" | "N" | "P" | "u8" => IntTy::U64,
        _ => return None,
    })
}

/// `repr(np.dtype(s))` of valid but unsupported dtype strings.
fn unsupported_dtype_repr(s: &str) -> Option<String> {
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
            let (kind, num) = s.split_at(1.min(s.len()));
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

fn unsupported(repr: &str) -> Error {
    Error::type_error(format!("Unsupported dtype {repr} for randint"))
}

/// Resolve `dtype=` as `np.dtype(dtype) if dtype is not int else np.dtype('long')`.
fn resolve_dtype(e: Option<&Expr>) -> Result<DtypeSel> {
    let np = |ty| {
        Ok(DtypeSel {
            ty,
            py_scalar: false,
        })
    };
    let Some(e) = e else {
        return Ok(DtypeSel {
            ty: IntTy::I64,
            py_scalar: true,
        });
    };
    match e {
        Expr::Name(n) if n == "int" => Ok(DtypeSel {
            ty: IntTy::I64,
            py_scalar: true,
        }),
        Expr::Name(n) if n == "bool" => Ok(DtypeSel {
            ty: IntTy::Bool,
            py_scalar: true,
        }),
        Expr::Name(n) => {
            let attr = np_attr(n).unwrap_or(n);
            if let Some(ty) = dtype_long_name(attr) {
                return np(ty);
            }
            let repr = match attr {
                "float" => "dtype('float64')".to_string(),
                "complex" => "dtype('complex128')".to_string(),
                "str" => "dtype('<U')".to_string(),
                "bytes" => "dtype('S')".to_string(),
                "object" => "dtype('O')".to_string(),
                a => unsupported_dtype_repr(a).unwrap_or_else(|| format!("dtype({a:?})")),
            };
            Err(unsupported(&repr))
        }
        Expr::Str(s) => {
            if let Some(ty) = dtype_long_name(s) {
                return np(ty);
            }
            let (prefix, code) = match s.chars().next() {
                Some(c @ ('<' | '>' | '=' | '|')) => (Some(c), &s[1..]),
                _ => (None, s.as_str()),
            };
            if let Some(ty) = dtype_code(code) {
                return np(ty);
            }
            let is_code = code.len() <= 3 && !code.contains('_');
            match unsupported_dtype_repr(code) {
                Some(r) if prefix.is_none() || is_code => {
                    // NumPy swaps a non-native byte order to native before the
                    // check, which shows in the repr of multi-byte numbers.
                    let swapped = match r.as_str() {
                        "dtype('float64')" => "dtype('<f8')",
                        "dtype('float32')" => "dtype('<f4')",
                        "dtype('float16')" => "dtype('<f2')",
                        "dtype('float128')" => "dtype('<f16')",
                        "dtype('complex128')" => "dtype('<c16')",
                        "dtype('complex64')" => "dtype('<c8')",
                        "dtype('complex256')" => "dtype('<c32')",
                        other => other,
                    };
                    Err(unsupported(if prefix == Some('>') { swapped } else { &r }))
                }
                _ => Err(Error::type_error(format!(
                    "data type {} not understood",
                    str_repr(s)
                ))),
            }
        }
        Expr::None => Err(unsupported("dtype('float64')")),
        other => Err(Error::type_error(format!(
            "Cannot interpret '{}' as a data type",
            py_repr(other)
        ))),
    }
}

/// A `randint` output type: a [`RandintDtype`] that can become [`Data`].
trait IntOut: RandintDtype + Default {
    const ITEMSIZE: usize;
    fn into_data(v: Vec<Self>) -> Data;
}

macro_rules! int_out {
    ($t:ty, $variant:ident, $size:expr) => {
        impl IntOut for $t {
            const ITEMSIZE: usize = $size;
            fn into_data(v: Vec<Self>) -> Data {
                Data::$variant(v)
            }
        }
    };
}
int_out!(bool, Bool, 1);
int_out!(i8, I8, 1);
int_out!(u8, U8, 1);
int_out!(i16, I16, 2);
int_out!(u16, U16, 2);
int_out!(i32, I32, 4);
int_out!(u32, U32, 4);
int_out!(i64, I64, 8);
int_out!(u64, U64, 8);

fn bounds_error(low_is_zero: bool) -> Error {
    Error::value(if low_is_zero {
        "high <= 0"
    } else {
        "low >= high"
    })
}

/// `randint(low, high=None, size=None, dtype=int)`.
fn eval_randint(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "randint", &["low", "high", "size", "dtype"], 1)?;
    let low = b[0].unwrap_or(&Expr::None);
    let zero = Expr::Int(0);
    let (low, high) = match opt(b[1]) {
        None => (&zero, low),
        Some(h) => (low, h),
    };
    let dt = resolve_dtype(b[3])?;
    randint_any(rs, low, high, b[2], dt)
}

/// `random_integers(low, high=None, size=None)` = `randint(low, int(high) + 1,
/// size, dtype='l')` (with `low = 1, high = low` when high is None).
fn eval_random_integers(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "random_integers", &["low", "high", "size"], 1)?;
    let low = b[0].unwrap_or(&Expr::None);
    let one = Expr::Int(1);
    let (low, high) = match opt(b[1]) {
        None => (&one, low),
        Some(h) => (low, h),
    };
    let high = match high {
        Expr::List(_) | Expr::Tuple(_) => {
            return Err(Error::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(high)
            )))
        }
        h => Expr::Int(int_leaf(h)? + 1),
    };
    let dt = DtypeSel {
        ty: IntTy::I64,
        py_scalar: false,
    };
    randint_any(rs, low, &high, b[2], dt)
}

fn randint_any(
    rs: &mut RandomState,
    low: &Expr,
    high: &Expr,
    size: Option<&Expr>,
    dt: DtypeSel,
) -> Result<Value> {
    match dt.ty {
        IntTy::Bool => randint_typed::<bool>(rs, low, high, size, dt),
        IntTy::I8 => randint_typed::<i8>(rs, low, high, size, dt),
        IntTy::U8 => randint_typed::<u8>(rs, low, high, size, dt),
        IntTy::I16 => randint_typed::<i16>(rs, low, high, size, dt),
        IntTy::U16 => randint_typed::<u16>(rs, low, high, size, dt),
        IntTy::I32 => randint_typed::<i32>(rs, low, high, size, dt),
        IntTy::U32 => randint_typed::<u32>(rs, low, high, size, dt),
        IntTy::I64 => randint_typed::<i64>(rs, low, high, size, dt),
        IntTy::U64 => randint_typed::<u64>(rs, low, high, size, dt),
    }
}

/// A bound element for the array path: ints exact, floats as given.
#[derive(Debug, Clone, Copy)]
enum Bnd {
    I(i128),
    F(f64),
}

impl Bnd {
    fn lt(self, v: i128) -> bool {
        match self {
            Bnd::I(i) => i < v,
            Bnd::F(x) => x < v as f64,
        }
    }
    fn gt(self, v: i128) -> bool {
        match self {
            Bnd::I(i) => i > v,
            Bnd::F(x) => x > v as f64,
        }
    }
    fn ge(self, o: Bnd) -> bool {
        match (self, o) {
            (Bnd::I(a), Bnd::I(b)) => a >= b,
            (a, b) => a.f() >= b.f(),
        }
    }
    fn f(self) -> f64 {
        match self {
            Bnd::I(i) => i as f64,
            Bnd::F(x) => x,
        }
    }
    fn is_zero(self) -> bool {
        self.f() == 0.0
    }
    /// NumPy's FORCECAST to an integer type: truncation.
    fn trunc(self) -> i128 {
        match self {
            Bnd::I(i) => i,
            Bnd::F(x) if x.is_finite() => x.trunc().clamp(-1e30, 1e30) as i128,
            Bnd::F(_) => 0,
        }
    }
}

fn randint_typed<T: IntOut>(
    rs: &mut RandomState,
    low: &Expr,
    high: &Expr,
    size: Option<&Expr>,
    dt: DtypeSel,
) -> Result<Value> {
    // Zero-size shortcut (np.prod(size) == 0), before any check of the bounds.
    if let Some(sz @ (Expr::List(_) | Expr::Tuple(_))) = opt(size) {
        nd_shape(sz)?;
    }
    if size_is_zero(size) {
        let shape = parse_size(size, T::ITEMSIZE)?.unwrap_or_default();
        return Ok(Value::array(T::into_data(Vec::new()), shape));
    }
    let (lshape, lleaves) = nd_shape(low)?;
    let (hshape, hleaves) = nd_shape(high)?;
    if lshape.is_empty() && hshape.is_empty() {
        let lo = int_leaf(lleaves[0])?;
        let hi = int_leaf(hleaves[0])?;
        let h = hi - 1;
        if lo < T::LB {
            return Err(Error::value(format!(
                "low is out of bounds for {}",
                T::NAME
            )));
        }
        if h > T::UB {
            return Err(Error::value(format!(
                "high is out of bounds for {}",
                T::NAME
            )));
        }
        if lo > h {
            return Err(bounds_error(lo == 0));
        }
        return match parse_size(size, T::ITEMSIZE)? {
            None => {
                let v = T::into_data(vec![rs.randint::<T>(lo, hi)?]);
                Ok(if dt.py_scalar {
                    Value::py_scalar(v)
                } else {
                    Value::np_scalar(v)
                })
            }
            Some(shape) => {
                let mut out = vec![T::default(); shape.iter().product()];
                rs.randint_into(&mut out, lo, hi)?;
                Ok(Value::array(T::into_data(out), shape))
            }
        };
    }
    // Array path (_rand_*_broadcast).
    let (lows, highs) = if T::BITS == 64 {
        // Arrays that cast safely to the target type are taken as they are; the
        // others go element by element through Python's int(), with checks.
        let safe = |leaves: &[&Expr]| {
            let ty = infer(leaves);
            ty == Inferred::Bool
                || ty
                    == if T::LB < 0 {
                        Inferred::I64
                    } else {
                        Inferred::U64
                    }
        };
        let (lsafe, hsafe) = (safe(&lleaves), safe(&hleaves));
        let (lstr, hstr) = (is_str_array(&lleaves), is_str_array(&hleaves));
        let (lflt, hflt) = (
            infer(&lleaves) == Inferred::F64,
            infer(&hleaves) == Inferred::F64,
        );
        let lows: Vec<Bnd> = lleaves
            .iter()
            .map(|l| {
                let v = array_int(l, lstr, lflt)?;
                if !lsafe && (v < T::LB || v > T::UB) {
                    return Err(Error::value(format!(
                        "low is out of bounds for {}",
                        T::NAME
                    )));
                }
                Ok(Bnd::I(v))
            })
            .collect::<Result<_>>()?;
        let low_all_zero = lows.iter().all(|b| b.is_zero());
        let highs: Vec<Bnd> = hleaves
            .iter()
            .map(|h| {
                let v = array_int(h, hstr, hflt)?;
                if !hsafe && v - 1 > T::UB {
                    return Err(Error::value(format!(
                        "high is out of bounds for {}",
                        T::NAME
                    )));
                }
                if !hsafe && v - 1 < T::LB {
                    return Err(bounds_error(low_all_zero));
                }
                Ok(Bnd::I(v))
            })
            .collect::<Result<_>>()?;
        (lows, highs)
    } else {
        let lows = small_bounds(&lleaves)?;
        let highs = small_bounds(&hleaves)?;
        if lows.iter().any(|b| b.lt(T::LB)) {
            return Err(Error::value(format!(
                "low is out of bounds for {}",
                T::NAME
            )));
        }
        if highs.iter().any(|b| b.gt(T::UB + 1)) {
            return Err(Error::value(format!(
                "high is out of bounds for {}",
                T::NAME
            )));
        }
        (lows, highs)
    };
    // np.any(low >= high): a ufunc, with the ufunc's broadcast error.
    let pair_shape = crate::array::ufunc_broadcast(&lshape, &hshape)?;
    let li = broadcast_indices(&pair_shape, &lshape);
    let hi = broadcast_indices(&pair_shape, &hshape);
    if li.iter().zip(&hi).any(|(&a, &b)| lows[a].ge(highs[b])) {
        return Err(bounds_error(lows.iter().all(|b| b.is_zero())));
    }
    if T::BITS < 64 {
        // The FORCECAST to the next larger type goes through C long for Python ints.
        let big = |b: &Bnd| matches!(b, Bnd::I(v) if i64::try_from(*v).is_err());
        if lows.iter().chain(&highs).any(big) {
            return Err(overflow("Python int too large to convert to C long"));
        }
    }
    let (out_shape, it_shape) = match parse_size(size, T::ITEMSIZE)? {
        Some(s) => {
            let it = broadcast_shapes(&[&lshape, &hshape, &s])?;
            (s, it)
        }
        None => (pair_shape.clone(), pair_shape),
    };
    check_cap(&it_shape)?;
    let cnt: usize = out_shape.iter().product();
    if cnt > it_shape.iter().product() {
        // An empty bound array broadcast against a non-empty `size`: NumPy's loop
        // then reads past the end of the (empty) bounds and returns garbage.
        return Err(not_impl(format!(
            "randint with bounds of shapes {} and {} (empty) and size {} reads uninitialised memory in NumPy; nprand refuses",
            shape_repr(&lshape),
            shape_repr(&hshape),
            shape_repr(&out_shape)
        )));
    }
    let li = broadcast_indices(&it_shape, &lshape);
    let hi = broadcast_indices(&it_shape, &hshape);
    let lo_v: Vec<i128> = li[..cnt].iter().map(|&i| lows[i].trunc()).collect();
    let hi_v: Vec<i128> = hi[..cnt].iter().map(|&i| highs[i].trunc()).collect();
    // NumPy's checks ran above, on the arrays as given. Small types compare float bounds
    // before casting them, so e.g. [0.3] and [0.7] pass and give an empty interval: the
    // draw then uses the bounds cast to the dtype's width, with NumPy's unsigned
    // `rng = high - 1 - low` wrapping as C's casts do.
    let mut out = vec![T::default(); cnt];
    rs.randint_broadcast_wrapping(&mut out, &lo_v, &hi_v);
    Ok(Value::array(T::into_data(out), out_shape))
}

/// Whether `np.asarray` of these leaves is a string array (every element a `np.str_`).
fn is_str_array(leaves: &[&Expr]) -> bool {
    matches!(infer(leaves), Inferred::Str(_))
}

/// Python's `str()` of a scalar literal.
fn py_str(e: &Expr) -> String {
    match e {
        Expr::Str(s) => s.clone(),
        other => py_repr(other),
    }
}

/// `int(x)` of an array element; in a string array every element is a `np.str_`, and
/// in a float64 array (`np.asarray` of ints below and above 2**63 together) every int
/// was first rounded to a double (2**63 + 1 becomes 2.0**63).
fn array_int(e: &Expr, str_array: bool, float_array: bool) -> Result<i128> {
    if float_array {
        if let Expr::Int(v) = e {
            return float_to_int(*v as f64);
        }
    }
    if !str_array {
        return int_leaf(e);
    }
    let s = py_str(e);
    parse_py_int(&s).ok_or_else(|| {
        Error::value(format!(
            "invalid literal for int() with base 10: np.str_({})",
            str_repr(&s)
        ))
    })
}

/// `np.prod(size, dtype=np.intp)`: elements cast to C long, product wrapping.
fn prod_intp(size: &Expr) -> Result<i128> {
    let (_, leaves) = nd_shape(size)?;
    let str_array = is_str_array(&leaves);
    let mut acc: i64 = 1;
    for l in leaves {
        let v = match l {
            Expr::Float(x) if !str_array => crate::legacy::broadcast::c_long(*x),
            other => to_c_long(array_int(other, str_array, false)?)?,
        };
        acc = acc.wrapping_mul(v);
    }
    Ok(acc as i128)
}

/// Bound elements of the 8/16/32-bit and bool array path, compared as numbers.
fn small_bounds(leaves: &[&Expr]) -> Result<Vec<Bnd>> {
    leaves
        .iter()
        .map(|l| match l {
            Expr::Int(i) => Ok(Bnd::I(*i)),
            Expr::Bool(b) => Ok(Bnd::I(*b as i128)),
            Expr::Float(x) => Ok(Bnd::F(*x)),
            other => Err(Error::type_error(format!(
                "'<' not supported between instances of '{}' and 'int'",
                type_name(other)
            ))),
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// choice, shuffle, permutation
// ---------------------------------------------------------------------------------

/// `choice`'s handling of `p`, in NumPy's order.
fn choice_p(p: &Expr, pop: i128) -> Result<Vec<f64>> {
    let (shape, leaves) = match p {
        Expr::List(_) | Expr::Tuple(_) => nd_shape(p)?,
        Expr::Str(s) => {
            return Err(match parse_py_float(s) {
                None => Error::value(format!(
                    "could not convert string to float: {}",
                    str_repr(s)
                )),
                Some(_) => Error::value("'p' must be 1-dimensional"),
            })
        }
        other => {
            return Err(Error::type_error(format!(
                "object of type '{}' has no len()",
                type_name(other)
            )))
        }
    };
    let p: Vec<f64> = leaves
        .iter()
        .map(|l| float_leaf(l))
        .collect::<Result<_>>()?;
    if shape.len() != 1 {
        return Err(Error::value("'p' must be 1-dimensional"));
    }
    if p.len() as i128 != pop {
        return Err(Error::value("'a' and 'p' must have same size"));
    }
    let sum = crate::legacy::kahan_sum(&p);
    if sum.is_nan() {
        return Err(Error::value("probabilities contain NaN"));
    }
    if p.iter().any(|&x| x < 0.0) {
        return Err(Error::value("probabilities are not non-negative"));
    }
    // atol = sqrt(finfo(float64).eps)
    if (sum - 1.0).abs() > 1.4901161193847656e-08 {
        return Err(Error::value("probabilities do not sum to 1"));
    }
    Ok(p)
}

/// `choice(a, size=None, replace=True, p=None)`.
fn eval_choice(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "choice", &["a", "size", "replace", "p"], 1)?;
    let a = b[0].unwrap_or(&Expr::None);
    let size = opt(b[1]);
    let replace = b[2].is_none_or(truthy);
    // np.prod(size) != 0 (np.prod(None) is None, which is != 0); evaluated only when
    // the population is empty, as in NumPy.
    let samples_taken = || -> Result<bool> {
        if let Some(sz @ (Expr::List(_) | Expr::Tuple(_))) = size {
            nd_shape(sz)?;
        }
        Ok(!size_is_zero(size))
    };
    let (ashape, leaves) = nd_shape(a)?;
    let (pop, arr): (i128, Option<Data>) = if ashape.is_empty() {
        let pop = match leaves[0] {
            Expr::Int(i) => *i,
            Expr::Bool(v) => *v as i128,
            _ => return Err(Error::value("a must be 1-dimensional or an integer")),
        };
        if pop <= 0 && samples_taken()? {
            return Err(Error::value(
                "a must be greater than 0 unless no samples are taken",
            ));
        }
        (pop, None)
    } else if ashape.len() != 1 {
        return Err(Error::value("a must be 1-dimensional"));
    } else {
        if ashape[0] == 0 && samples_taken()? {
            return Err(Error::value(
                "'a' cannot be empty unless no samples are taken",
            ));
        }
        (
            ashape[0] as i128,
            Some(leaves_data(&leaves, infer(&leaves))?),
        )
    };
    let p = opt(b[3]).map(|p| choice_p(p, pop)).transpose()?;
    let requested: i128 = match size {
        None => 1,
        Some(s) => prod_intp(s)?,
    };
    if !replace {
        if requested > pop {
            return Err(Error::value(
                "Cannot take a larger sample than population when 'replace=False'",
            ));
        }
        if requested < 0 {
            return Err(Error::value("Negative dimensions are not allowed"));
        }
    }
    if replace && p.is_none() && pop - 1 > i64::MAX as i128 && !size_is_zero(size) {
        // randint(0, pop, size) checks its bounds before np.empty(size).
        return Err(Error::value("high is out of bounds for int64"));
    }
    let shape = match parse_size(size, 8) {
        Ok(s) => s.unwrap_or_default(),
        Err(e) => {
            // Without p, NumPy shuffles the whole population before it reshapes.
            if !replace && p.is_none() {
                if let Ok(pop) = i64::try_from(pop) {
                    check_cap(&[pop.max(0) as usize])?;
                    rs.permutation(pop);
                }
            }
            return Err(e);
        }
    };
    let n: usize = shape.iter().product();
    let idx = if replace && p.is_none() {
        // randint(0, pop, size=shape): pop may be 2**63 here.
        let mut out = vec![0i64; n];
        rs.randint_into(&mut out, 0, pop)?;
        out
    } else {
        let pop = i64::try_from(pop).map_err(|_| Error::value("Maximum allowed size exceeded"))?;
        if !replace {
            check_cap(&[pop.max(0) as usize])?;
        }
        rs.choice_index(pop, n, replace, p.as_deref())?
    };
    Ok(match arr {
        None if size.is_none() => Value::py_scalar(Data::I64(idx)),
        None => Value::array(Data::I64(idx), shape),
        Some(d) => {
            let idx: Vec<usize> = idx.iter().map(|&i| i as usize).collect();
            if size.is_none() {
                Value::np_scalar(d.gather(&idx))
            } else {
                Value::array(d.gather(&idx), shape)
            }
        }
    })
}

/// `shuffle(x)`: the value printed is `np.array(x)` after the in-place shuffle.
fn eval_shuffle(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "shuffle", &["x"], 1)?;
    let x = b[0].unwrap_or(&Expr::None);
    match x {
        Expr::List(items) => {
            let mut rows = items.clone();
            rs.shuffle(&mut rows);
            let (data, shape) = literal_array(&Expr::List(rows))?;
            Ok(Value::array(data, shape))
        }
        Expr::Tuple(_) | Expr::Str(_) => {
            let n = match x {
                Expr::Tuple(v) => v.len(),
                Expr::Str(s) => s.chars().count(),
                _ => 0,
            };
            if n >= 2 {
                // NumPy draws j for i = n-1, then fails on the item assignment.
                rs.random_interval((n - 1) as u64);
                return Err(Error::type_error(format!(
                    "'{}' object does not support item assignment",
                    type_name(x)
                )));
            }
            let (data, shape) = literal_array(x)?;
            Ok(Value::array(data, shape))
        }
        other => Err(Error::type_error(format!(
            "object of type '{}' has no len()",
            type_name(other)
        ))),
    }
}

/// `permutation(x)`: an int gives a shuffled `arange(x)` (int64); an array-like a
/// shuffled copy (rows for n-d), dtype kept.
fn eval_permutation(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "permutation", &["x"], 1)?;
    let x = b[0].unwrap_or(&Expr::None);
    let n = match x {
        Expr::Int(i) => Some(*i),
        Expr::Bool(v) => Some(*v as i128),
        _ => None,
    };
    if let Some(n) = n {
        let n = i64::try_from(n).map_err(|_| Error::value("Maximum allowed size exceeded"))?;
        check_cap(&[n.max(0) as usize])?;
        let p = rs.permutation(n);
        let len = p.len();
        return Ok(Value::array(Data::I64(p), vec![len]));
    }
    let (shape, leaves) = nd_shape(x)?;
    if shape.is_empty() {
        return Err(Error::new(
            ErrorKind::IndexError,
            "x must be an integer or at least 1-dimensional",
        ));
    }
    let data = leaves_data(&leaves, infer(&leaves))?;
    let mut rows: Vec<usize> = (0..shape[0]).collect();
    rs.shuffle(&mut rows);
    let stride: usize = shape[1..].iter().product();
    let idx: Vec<usize> = rows
        .iter()
        .flat_map(|&r| r * stride..(r + 1) * stride)
        .collect();
    Ok(Value::array(data.gather(&idx), shape))
}

// ---------------------------------------------------------------------------------
// seed
// ---------------------------------------------------------------------------------

/// `seed(seed=None)`: NumPy's `_legacy_seeding` (the gauss cache is reset too).
fn eval_seed(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "seed", &["seed"], 0)?;
    let cast = |scalar: bool, from: String| {
        Error::type_error(format!(
            "Cannot cast {} from dtype('{from}') to dtype('int64') according to the rule 'safe'",
            if scalar { "scalar" } else { "array data" }
        ))
    };
    let new = match opt(b[0]) {
        None => {
            return Err(not_impl(
                "seed() without a seed draws OS entropy, which nprand eval does not support",
            ))
        }
        Some(Expr::Int(i)) => RandomState::from_seed_int(*i)?,
        Some(Expr::Bool(v)) => RandomState::from_seed_int(*v as i128)?,
        Some(Expr::Float(_)) => return Err(cast(true, "float64".into())),
        Some(Expr::Str(s)) => return Err(cast(true, format!("<U{}", s.chars().count().max(1)))),
        Some(Expr::Name(_)) => return Err(cast(true, "O".into())),
        Some(seq) => {
            let (shape, leaves) = nd_shape(seq)?;
            if leaves.is_empty() {
                return Err(Error::value("Seed must be non-empty"));
            }
            let ty = infer(&leaves);
            if !matches!(ty, Inferred::I64 | Inferred::Bool) {
                return Err(cast(false, ty.repr()));
            }
            if shape.len() != 1 {
                return Err(Error::value("Seed array must be 1-d"));
            }
            let key: Vec<i128> = leaves.iter().map(|l| int_leaf(l)).collect::<Result<_>>()?;
            RandomState::from_key_ints(&key)?
        }
    };
    *rs = new;
    Ok(Value::none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::value::Kind;

    fn ev(rs: &mut RandomState, s: &str) -> Result<Value> {
        eval_call(rs, s)
    }

    fn err(s: &str) -> String {
        ev(&mut RandomState::new(0), s).unwrap_err().to_string()
    }

    #[test]
    fn binding_messages() {
        assert_eq!(
            err("normal(1, 2, 3, 4)"),
            "TypeError: normal() takes at most 3 positional arguments (4 given)"
        );
        assert_eq!(
            err("normal(x=1)"),
            "TypeError: normal() got an unexpected keyword argument 'x'"
        );
        assert_eq!(
            err("normal(1, loc=2)"),
            "TypeError: normal() got multiple values for keyword argument 'loc'"
        );
        assert_eq!(
            err("bytes()"),
            "TypeError: bytes() takes exactly 1 positional argument (0 given)"
        );
        assert_eq!(
            err("randint(high=5)"),
            "TypeError: randint() takes at least 1 positional argument (0 given)"
        );
        assert_eq!(
            err("rand(size=3)"),
            "TypeError: rand() got an unexpected keyword argument 'size'"
        );
    }

    #[test]
    fn size_messages() {
        assert_eq!(
            err("normal(size=-1)"),
            "ValueError: negative dimensions are not allowed"
        );
        assert_eq!(
            err("normal(size=2.5)"),
            "TypeError: expected a sequence of integers or a single integer, got '2.5'"
        );
        assert_eq!(
            err("normal(size=(2, 2.0))"),
            "TypeError: 'float' object cannot be interpreted as an integer"
        );
        assert_eq!(
            err("rand(2.5)"),
            "TypeError: 'float' object cannot be interpreted as an integer"
        );
        // Parameters are checked before size.
        assert_eq!(err("normal(0, -1, size=-1)"), "ValueError: scale < 0");
        assert_eq!(
            err("normal(size=(3, 2**62))"),
            "ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."
        );
    }

    #[test]
    fn kinds_and_dtypes() {
        let mut rs = RandomState::new(0);
        let k = |rs: &mut RandomState, s: &str| {
            let v = ev(rs, s).unwrap();
            (v.kind, v.dtype_name(), v.shape)
        };
        assert_eq!(k(&mut rs, "randint(5)"), (Kind::PyScalar, "int64", vec![]));
        assert_eq!(
            k(&mut rs, "randint(2, dtype=bool)"),
            (Kind::PyScalar, "bool", vec![])
        );
        assert_eq!(
            k(&mut rs, "randint(2, dtype=np.bool_)"),
            (Kind::NpScalar, "bool", vec![])
        );
        assert_eq!(
            k(&mut rs, "randint(5, dtype='i8')"),
            (Kind::NpScalar, "int64", vec![])
        );
        assert_eq!(
            k(&mut rs, "randint(5, size=())"),
            (Kind::Array, "int64", vec![])
        );
        assert_eq!(k(&mut rs, "randint([5])"), (Kind::Array, "int64", vec![1]));
        assert_eq!(
            k(&mut rs, "random_integers(5)"),
            (Kind::NpScalar, "int64", vec![])
        );
        assert_eq!(k(&mut rs, "choice(5)"), (Kind::PyScalar, "int64", vec![]));
        assert_eq!(
            k(&mut rs, "choice([1.5, 2])"),
            (Kind::NpScalar, "float64", vec![])
        );
        assert_eq!(
            k(&mut rs, "choice([True, False], size=())"),
            (Kind::Array, "bool", vec![])
        );
        assert_eq!(k(&mut rs, "tomaxint()"), (Kind::PyScalar, "int64", vec![]));
        assert_eq!(
            k(&mut rs, "normal(0, [1, 2])"),
            (Kind::Array, "float64", vec![2])
        );
        assert_eq!(k(&mut rs, "bytes(5)"), (Kind::Bytes, "bytes", vec![5]));
        assert_eq!(
            k(&mut rs, "permutation([[1, 2], [3, 4.5]])"),
            (Kind::Array, "float64", vec![2, 2])
        );
        assert!(ev(&mut rs, "seed(3)").unwrap().is_none());
    }

    #[test]
    fn randint_messages() {
        assert_eq!(
            err("randint(5, dtype=bool)"),
            "ValueError: high is out of bounds for bool"
        );
        assert_eq!(
            err("randint(5, dtype='float64')"),
            "TypeError: Unsupported dtype dtype('float64') for randint"
        );
        assert_eq!(
            err("randint(5, dtype='foo')"),
            "TypeError: data type 'foo' not understood"
        );
        assert_eq!(
            err("randint(5, dtype=5)"),
            "TypeError: Cannot interpret '5' as a data type"
        );
        assert_eq!(
            err("randint(nan)"),
            "ValueError: cannot convert float NaN to integer"
        );
        assert_eq!(
            err("randint(-inf, 5)"),
            "OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(err("randint(10, 5, size=2.5)"), "ValueError: low >= high");
        assert_eq!(err("randint([0, 0], [0, 5])"), "ValueError: high <= 0");
        assert_eq!(
            err("randint([1, 2], [3, 4, 5])"),
            "ValueError: operands could not be broadcast together with shapes (2,) (3,) "
        );
        assert_eq!(
            err("randint([], [[10, 7]])"),
            "ValueError: operands could not be broadcast together with shapes (0,) (1,2) "
        );
        // An int64 array casts safely: no element check, and nothing to compare.
        let mut rs = RandomState::new(0);
        assert_eq!(ev(&mut rs, "randint([], -2**63)").unwrap().shape, vec![0]);
        assert_eq!(
            err("randint([0, -1], [-1, 2**64], dtype=np.uint64)"),
            "ValueError: low is out of bounds for uint64"
        );
        assert_eq!(
            err("randint(0, [-1, 2**64], dtype=np.uint64)"),
            "ValueError: high <= 0"
        );
        assert_eq!(
            err("randint(5, [[-2**63, 2**63]])"),
            "ValueError: low >= high"
        );
        assert_eq!(
            err("randint([1, 2], 5, size=3)"),
            "ValueError: shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg 2 with shape (3,)."
        );
        let mut rs = RandomState::new(0);
        let v = ev(&mut rs, "randint(10, 5, size=(2, 0))").unwrap();
        assert_eq!(v.shape, vec![2, 0]);
    }

    #[test]
    fn randint_matches_library_stream() {
        let mut rs = RandomState::new(3);
        let v = ev(&mut rs, "randint(-3, 300, size=7, dtype=np.int16)").unwrap();
        let mut lib = RandomState::new(3);
        let mut w = [0i16; 7];
        lib.randint_into(&mut w, -3, 300).unwrap();
        assert_eq!(v.data, Data::I16(w.to_vec()));
        assert_eq!(rs, lib);
    }

    #[test]
    fn numpy_quirks() {
        // size='' is an empty sequence: a 0-d array.
        let v = ev(&mut RandomState::new(0), "random_sample('')").unwrap();
        assert_eq!((v.kind, v.shape.len()), (Kind::Array, 0));
        assert_eq!(
            err("tomaxint(np.bool_)"),
            "TypeError: expected a sequence of integers or a single integer, got '<class 'numpy.bool'>'"
        );
        assert_eq!(
            err("randint([], ['u8'])"),
            "ValueError: invalid literal for int() with base 10: np.str_('u8')"
        );
        assert_eq!(
            err("choice(2**64, size=2.5)"),
            "ValueError: high is out of bounds for int64"
        );
        // choice(2**63) is randint(0, 2**63): valid.
        let v = ev(&mut RandomState::new(0), "choice(2**63)").unwrap();
        let want: i64 = RandomState::new(0).randint(0, 1 << 63).unwrap();
        assert_eq!(v.data, Data::I64(vec![want]));
        // Float bounds of small types are compared before truncation: [5.2, 5.9)
        // passes and wraps to the full uint8 range with offset 5.
        let v = ev(
            &mut RandomState::new(4),
            "randint([5.2], [5.9], dtype='u1')",
        )
        .unwrap();
        let mut w = [0u8; 1];
        RandomState::new(4).randint_into(&mut w, 0, 256).unwrap();
        assert_eq!(v.data, Data::U8(vec![w[0].wrapping_add(5)]));
        assert_eq!(
            err("randint(2**64, [], dtype='u2')"),
            "OverflowError: Python int too large to convert to C long"
        );
        assert!(err("randint([], 5, size=1)").starts_with("NotImplementedError: "));
    }

    #[test]
    fn shuffle_tuple_consumes_one_draw() {
        let mut rs = RandomState::new(0);
        assert_eq!(
            ev(&mut rs, "shuffle((1, 2, 3))").unwrap_err().to_string(),
            "TypeError: 'tuple' object does not support item assignment"
        );
        assert_eq!(rs.bit_generator().pos(), 1);
    }

    /// A stand-in for a disc() distribution with an int64 parameter (binomial's `n`).
    static FAKE: DistSpec = DistSpec {
        name: "fake",
        params: &[
            crate::legacy::broadcast::ParamSpec::i(
                "n",
                crate::legacy::broadcast::Cons::NonNegative,
            ),
            crate::legacy::broadcast::ParamSpec::f("p", crate::legacy::broadcast::Cons::Bounded01),
        ],
        internal_order: &[1, 0],
        validate: None,
        kernel: Kernel::I64(|_, p| p[0].i()),
    };

    fn fake(s: &str) -> Result<Value> {
        let call = parse_call(s).unwrap();
        eval_dist(&mut RandomState::new(0), &FAKE, "binomial", &call)
    }

    #[test]
    fn int_parameters_convert_like_numpy() {
        let v = fake("f(10.7, 0.5)").unwrap();
        assert_eq!((v.kind, v.data), (Kind::PyScalar, Data::I64(vec![10])));
        let v = fake("f([10.7, True], 0.5)").unwrap();
        assert_eq!((v.kind, v.data), (Kind::Array, Data::I64(vec![10, 1])));
        let v = fake("f(['5'], 0.5)").unwrap();
        assert_eq!(v.data, Data::I64(vec![5]));
        let e = |s: &str| fake(s).unwrap_err().to_string();
        assert_eq!(
            e("f(nan, 0.5)"),
            "ValueError: cannot convert float NaN to integer"
        );
        assert_eq!(
            e("f([inf], 0.5)"),
            "OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(
            e("f(2**63, 0.5)"),
            "OverflowError: Python int too large to convert to C long"
        );
        assert_eq!(
            e("f(1e30, 0.5)"),
            "OverflowError: Python int too large to convert to C long"
        );
        assert_eq!(e("f('5', 0.5)"), "TypeError: an integer is required");
        assert_eq!(
            e("f('a', 0.5)"),
            "ValueError: invalid literal for int() with base 10: 'a'"
        );
        assert_eq!(
            e("f(None, 0.5)"),
            "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"
        );
        // p is converted and checked first (internal order).
        assert_eq!(e("f(-1, 2)"), "ValueError: p < 0, p > 1 or p is NaN");
        assert_eq!(e("f(-1, 0.5)"), "ValueError: n < 0");
        assert_eq!(
            e("f(5)"),
            "TypeError: binomial() takes at least 2 positional arguments (1 given)"
        );
        assert_eq!(fake("f([], 0.5)").unwrap().shape, vec![0]);
    }

    #[test]
    fn seed_checks() {
        assert_eq!(
            err("seed(-1)"),
            "ValueError: Seed must be between 0 and 2**32 - 1"
        );
        assert_eq!(err("seed([])"), "ValueError: Seed must be non-empty");
        assert_eq!(err("seed([[1, 2]])"), "ValueError: Seed array must be 1-d");
        assert_eq!(
            err("seed(1.0)"),
            "TypeError: Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'"
        );
        assert_eq!(
            err("seed([2**64])"),
            "TypeError: Cannot cast array data from dtype('O') to dtype('int64') according to the rule 'safe'"
        );
        let mut rs = RandomState::new(0);
        ev(&mut rs, "seed([1, 2])").unwrap();
        assert_eq!(rs, RandomState::from_key(&[1, 2]).unwrap());
    }
}
