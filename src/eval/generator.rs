//! The evaluator behind `nprand eval --generator KIND`: one Python call such as
//! `integers(0, 10, size=(2, 3), dtype=np.uint8)` evaluated on a [`Generator`] with
//! NumPy's argument handling (binding, conversion of scalars and nested lists, `size`,
//! `dtype`, the order of NumPy's checks, its messages) and the Python type of the result.
//!
//! # Quick start
//! ```
//! use nprand::eval::generator::{eval_generator_call, make_generator};
//! use nprand::generator::BitGenKind;
//! use nprand::eval::value::Kind;
//! // rng = np.random.Generator(np.random.PCG64(12345))
//! let mut g = make_generator(BitGenKind::Pcg64, "12345").unwrap();
//! // rng.normal([0, 10], 1, size=(3, 2))
//! let v = eval_generator_call(&mut g, "normal([0, 10], 1, size=(3, 2))").unwrap();
//! assert_eq!((v.kind, v.shape.clone(), v.dtype_name()), (Kind::Array, vec![3, 2], "float64"));
//! // rng.integers(5) is an np.int64
//! assert_eq!(eval_generator_call(&mut g, "integers(5)").unwrap().kind, Kind::NpScalar);
//! let e = eval_generator_call(&mut g, "uniform(1, 0)").unwrap_err();
//! assert_eq!(e.to_string(), "ValueError: high - low < 0");
//! ```
//!
//! **float32 results.** float32 arrays come back as `Data::F32`;
//! [`eval_generator_value`] also returns a `float32` flag. (Scalar float32 results are Python floats in NumPy,
//! so only arrays are concerned.)

use crate::array::{broadcast_indices, broadcast_shapes, shape_repr, NdArray};
use crate::bitgen::{BitGenState, BitGenerator};
use crate::error::{Error, ErrorKind, Result};
use crate::eval::legacy::{
    bind, bind_kw, c_intp_arg, check_cap, dim_from, float_leaf, float_to_int, mvn_operands,
    nd_shape, not_impl, opt, overflow, to_c_long, truthy, type_name,
};
use crate::eval::parser::{parse_call, Call, Expr};
use crate::eval::value::{Data, Value};
use crate::fmt::py_float_repr;
use crate::generator::broadcast::{self, find, GKernel, GenSpec, Output, PKind};
use crate::generator::integers::{IntBound, IntegerDtype};
use crate::generator::{AnyBitGenerator, AnyGenerator, BitGenKind, ChoiceP, Generator, MvhgMethod};
use crate::legacy::broadcast::Num;
use crate::seed_sequence::SeedSequence;

/// Every public method of NumPy's `Generator`: names outside this list are an
/// `AttributeError`, names inside it that nprand cannot evaluate a `NotImplementedError`.
///
/// ```
/// assert!(nprand::eval::generator::GENERATOR_METHODS.contains(&"multivariate_hypergeometric"));
/// ```
pub const GENERATOR_METHODS: &[&str] = &[
    "beta",
    "binomial",
    "bytes",
    "chisquare",
    "choice",
    "dirichlet",
    "exponential",
    "f",
    "gamma",
    "geometric",
    "gumbel",
    "hypergeometric",
    "integers",
    "laplace",
    "logistic",
    "lognormal",
    "logseries",
    "multinomial",
    "multivariate_hypergeometric",
    "multivariate_normal",
    "negative_binomial",
    "noncentral_chisquare",
    "noncentral_f",
    "normal",
    "pareto",
    "permutation",
    "permuted",
    "poisson",
    "power",
    "random",
    "rayleigh",
    "shuffle",
    "spawn",
    "standard_cauchy",
    "standard_exponential",
    "standard_gamma",
    "standard_normal",
    "standard_t",
    "triangular",
    "uniform",
    "vonmises",
    "wald",
    "weibull",
    "zipf",
];

/// `np.random.Generator(Gen(seed))` for the command line's `--generator KIND --seed N`:
/// `seed` is a decimal integer of any size (`SeedSequence`'s errors for a negative one).
///
/// ```
/// use nprand::eval::generator::make_generator;
/// use nprand::generator::{default_rng, BitGenKind};
/// // np.random.default_rng(5)
/// let g = make_generator(BitGenKind::Pcg64, "5").unwrap();
/// assert_eq!(g.bit_generator().state(), default_rng(5).bit_generator().state());
/// # use nprand::BitGenerator;
/// assert!(make_generator(BitGenKind::Sfc64, "-1").is_err());
/// ```
pub fn make_generator(kind: BitGenKind, seed: &str) -> Result<AnyGenerator> {
    let ss = SeedSequence::from_decimal(seed.trim())?;
    Ok(AnyGenerator::from_kind_seed_sequence(kind, ss))
}

/// A generator whose bit generator has `state` (`rng.bit_generator.state = state`), for
/// `--state FILE.json`.
///
/// ```
/// use nprand::eval::generator::generator_from_state;
/// use nprand::{BitGenerator, Philox};
/// let st = Philox::new(3).state();
/// let g = generator_from_state(&st).unwrap();
/// assert_eq!(g.bit_generator().state(), st);
/// ```
pub fn generator_from_state(state: &BitGenState) -> Result<AnyGenerator> {
    let kind: BitGenKind = state.bit_generator().parse()?;
    let mut bg = AnyBitGenerator::new(kind, 0);
    bg.set_state(state)?;
    Ok(Generator::new(bg))
}

/// A result and whether NumPy's dtype is float32 (then `value.data` is `Data::F32`).
///
/// ```
/// use nprand::eval::generator::eval_generator_value;
/// // np.random.default_rng(0).random(2, dtype=np.float32).dtype == float32
/// let v = eval_generator_value(&mut nprand::generator::default_rng(0), "random(2, dtype=np.float32)").unwrap();
/// assert!(v.float32 && v.value.dtype_name() == "float32");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct GenValue {
    /// The value.
    pub value: Value,
    /// NumPy's result is a float32 array.
    pub float32: bool,
}

impl From<Value> for GenValue {
    fn from(value: Value) -> Self {
        GenValue {
            value,
            float32: false,
        }
    }
}

/// Parse and evaluate one call on `g` (see the module docs). A syntax error is an
/// [`ErrorKind::SyntaxError`].
///
/// ```
/// use nprand::eval::generator::eval_generator_call;
/// use nprand::generator::{AnyGenerator, BitGenKind};
/// use nprand::eval::value::{Data, Kind};
/// // np.random.Generator(np.random.MT19937(1)).random()
/// let mut g = AnyGenerator::from_kind(BitGenKind::Mt19937, 1);
/// let v = eval_generator_call(&mut g, "random()").unwrap();
/// assert_eq!(v.kind, Kind::PyScalar);
/// let mut h = AnyGenerator::from_kind(BitGenKind::Mt19937, 1);
/// assert_eq!(v.data, Data::F64(vec![h.random()]));
/// assert_eq!(eval_generator_call(&mut g, "random(").unwrap_err().kind(), nprand::ErrorKind::SyntaxError);
/// ```
pub fn eval_generator_call(g: &mut AnyGenerator, call: &str) -> Result<Value> {
    eval_generator_value(g, call).map(|v| v.value)
}

/// [`eval_generator_call`] for any `Generator<B>`, with the float32 flag.
///
/// ```
/// use nprand::generator::default_rng;
/// use nprand::eval::generator::eval_generator_value;
/// // np.random.default_rng(0).standard_normal(3, dtype=np.float32)
/// let v = eval_generator_value(&mut default_rng(0), "standard_normal(3, dtype=np.float32)").unwrap();
/// assert!(v.float32);
/// assert_eq!(v.value.shape, vec![3]);
/// ```
pub fn eval_generator_value<B: BitGenerator>(g: &mut Generator<B>, call: &str) -> Result<GenValue> {
    let parsed = parse_call(call).map_err(|e| {
        Error::new(
            ErrorKind::SyntaxError,
            format!("{} (column {} of {:?})", e.message, e.offset + 1, call),
        )
    })?;
    eval_generator_parsed(g, &parsed)
}

/// Evaluate an already parsed call.
///
/// ```
/// use nprand::eval::parser::parse_call;
/// use nprand::generator::default_rng;
/// use nprand::eval::generator::eval_generator_parsed;
/// let e = eval_generator_parsed(&mut default_rng(0), &parse_call("randint(3)").unwrap()).unwrap_err();
/// assert_eq!(e.to_string(),
///            "AttributeError: 'numpy.random._generator.Generator' object has no attribute 'randint'");
/// ```
pub fn eval_generator_parsed<B: BitGenerator>(
    g: &mut Generator<B>,
    call: &Call,
) -> Result<GenValue> {
    let name = call.method.as_str();
    match name {
        "random" => eval_fill(g, call, Fill::Random),
        "standard_normal" => eval_fill(g, call, Fill::Normal),
        "standard_exponential" => eval_fill(g, call, Fill::Exponential),
        "standard_gamma" => eval_standard_gamma(g, call),
        "integers" => eval_integers(g, call).map(GenValue::from),
        "bytes" => eval_bytes(g, call).map(GenValue::from),
        "choice" => eval_choice(g, call).map(GenValue::from),
        "shuffle" => eval_shuffle(g, call).map(GenValue::from),
        "permutation" => eval_permutation(g, call).map(GenValue::from),
        "permuted" => eval_permuted(g, call).map(GenValue::from),
        "multinomial" => eval_multinomial(g, call).map(GenValue::from),
        "multivariate_hypergeometric" => eval_mvhg(g, call).map(GenValue::from),
        "dirichlet" => eval_dirichlet(g, call).map(GenValue::from),
        "multivariate_normal" => eval_multivariate_normal(g, call).map(GenValue::from),
        "spawn" => Err(not_impl(
            "spawn() returns generators, which nprand eval cannot print",
        )),
        _ => match find(name) {
            Some(spec) if name != "standard_gamma_f32" => eval_dist(g, spec, name, call),
            _ => Err(Error::new(
                ErrorKind::AttributeError,
                format!("'numpy.random._generator.Generator' object has no attribute '{name}'"),
            )),
        },
    }
}

// ---------------------------------------------------------------------------------
// Small Python helpers
// ---------------------------------------------------------------------------------

fn str_repr(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\'', "\\'"))
    }
}

fn py_repr(e: &Expr) -> String {
    match e {
        Expr::Int(i) => i.to_string(),
        Expr::Float(x) => py_float_repr(*x),
        Expr::Str(s) => str_repr(s),
        Expr::Bool(b) => if *b { "True" } else { "False" }.into(),
        Expr::None => "None".into(),
        Expr::List(v) => format!("[{}]", v.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Expr::Tuple(v) if v.len() == 1 => format!("({},)", py_repr(&v[0])),
        Expr::Tuple(v) => format!("({})", v.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Expr::Name(n) => format!("<class '{n}'>"),
    }
}

/// `out=` is not supported (nprand eval has no arrays to write into).
fn no_out(e: Option<&Expr>) -> Result<()> {
    match opt(e) {
        Some(_) => Err(not_impl("out= is not supported by nprand eval")),
        None => Ok(()),
    }
}

fn check_dims(dims: Vec<i128>) -> Result<Vec<usize>> {
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
fn size_dims(e: &Expr) -> Result<Vec<i128>> {
    match e {
        Expr::Int(_) => Ok(vec![dim_from(e)?]),
        Expr::Tuple(v) | Expr::List(v) => v.iter().map(dim_from).collect(),
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
fn parse_size(e: Option<&Expr>) -> Result<Option<Vec<usize>>> {
    match opt(e) {
        None => Ok(None),
        Some(e) => Ok(Some(check_dims(size_dims(e)?)?)),
    }
}

/// `size is not None and np.prod(size) == 0`.
fn size_is_zero(e: Option<&Expr>) -> bool {
    match opt(e) {
        Some(e) => size_dims(e).is_ok_and(|d| d.contains(&0)),
        None => false,
    }
}

fn parse_py_int(s: &str) -> Option<i128> {
    let t = s.trim().replace('_', "");
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

fn int_leaf(e: &Expr) -> Result<i128> {
    match e {
        Expr::Int(i) => Ok(*i),
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

/// The dtype `np.asarray` gives a literal's leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inferred {
    Bool,
    I64,
    U64,
    F64,
    Other,
}

fn infer(leaves: &[&Expr]) -> Inferred {
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
fn literal_array(e: &Expr) -> Result<(Data, Vec<usize>)> {
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
fn convert_param(e: &Expr, kind: PKind) -> Result<(NdArray<Num>, Option<Error>)> {
    let (shape, leaves) = nd_shape(e)?;
    let int = kind == PKind::I64;
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

// ---------------------------------------------------------------------------------
// dtypes
// ---------------------------------------------------------------------------------

fn np_attr(name: &str) -> &str {
    name.strip_prefix("np.")
        .or_else(|| name.strip_prefix("numpy."))
        .unwrap_or(name)
}

/// `np.dtype(x)` for the float methods: `Some(false)` float64, `Some(true)` float32,
/// `Err` with NumPy's message otherwise.
fn float_dtype(e: Option<&Expr>, method: &str) -> Result<bool> {
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

fn int_ty(s: &str) -> Option<IntTy> {
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

fn int_dtype_name(s: &str) -> Option<&'static str> {
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
fn resolve_int_dtype(e: Option<&Expr>) -> Result<(IntTy, bool)> {
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

// ---------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------

/// A float32 array (`Data::F32`).
fn f32_array(v: Vec<f32>, shape: Vec<usize>) -> GenValue {
    GenValue {
        value: Value::array(Data::F32(v), shape),
        float32: true,
    }
}

fn output_value(out: Output, scalar: bool) -> GenValue {
    match out {
        Output::F64(a) if scalar => Value::py_scalar(Data::F64(a.data)).into(),
        Output::F32(a) if scalar => {
            Value::py_scalar(Data::F64(a.data.into_iter().map(f64::from).collect())).into()
        }
        Output::I64(a) if scalar => Value::py_scalar(Data::I64(a.data)).into(),
        Output::F64(a) => Value::array(Data::F64(a.data), a.shape).into(),
        Output::F32(a) => f32_array(a.data, a.shape),
        Output::I64(a) => Value::array(Data::I64(a.data), a.shape).into(),
    }
}

// ---------------------------------------------------------------------------------
// random / standard_normal / standard_exponential / standard_gamma
// ---------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fill {
    Random,
    Normal,
    Exponential,
}

fn eval_fill<B: BitGenerator>(g: &mut Generator<B>, call: &Call, which: Fill) -> Result<GenValue> {
    let (fname, names): (&str, &[&str]) = match which {
        Fill::Random => ("random", &["size", "dtype", "out"]),
        Fill::Normal => ("standard_normal", &["size", "dtype", "out"]),
        Fill::Exponential => ("standard_exponential", &["size", "dtype", "method", "out"]),
    };
    let b = bind(call, fname, names, 0)?;
    let f32 = float_dtype(b[1], fname)?;
    let inv = which == Fill::Exponential
        && b[2].is_some_and(|m| !matches!(m, Expr::Str(s) if s == "zig"));
    no_out(b[names.len() - 1])?;
    let size = parse_size(b[0])?;
    let n: usize = size.as_ref().map_or(1, |s| s.iter().product());
    if f32 {
        let mut v = vec![0f32; n];
        match which {
            Fill::Random => g.random_f32_into(&mut v),
            Fill::Normal => g.standard_normal_f32_into(&mut v),
            Fill::Exponential if inv => g.standard_exponential_inv_f32_into(&mut v),
            Fill::Exponential => g.standard_exponential_f32_into(&mut v),
        }
        return Ok(match size {
            None => Value::py_scalar(Data::F64(vec![v[0] as f64])).into(),
            Some(s) => f32_array(v, s),
        });
    }
    let mut v = vec![0f64; n];
    match which {
        Fill::Random => g.random_into(&mut v),
        Fill::Normal => g.standard_normal_into(&mut v),
        Fill::Exponential if inv => g.standard_exponential_inv_into(&mut v),
        Fill::Exponential => g.standard_exponential_into(&mut v),
    }
    Ok(match size {
        None => Value::py_scalar(Data::F64(v)).into(),
        Some(s) => Value::array(Data::F64(v), s).into(),
    })
}

fn eval_standard_gamma<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<GenValue> {
    let b = bind(
        call,
        "standard_gamma",
        &["shape", "size", "dtype", "out"],
        1,
    )?;
    let f32 = float_dtype(b[2], "standard_gamma")?;
    no_out(b[3])?;
    let name = if f32 {
        "standard_gamma_f32"
    } else {
        "standard_gamma"
    };
    let spec = find(name).expect("standard_gamma specs exist");
    dist_from_bound(g, spec, &b[..2])
}

// ---------------------------------------------------------------------------------
// Distributions through cont()/disc()
// ---------------------------------------------------------------------------------

fn eval_dist<B: BitGenerator>(
    g: &mut Generator<B>,
    spec: &GenSpec,
    fname: &str,
    call: &Call,
) -> Result<GenValue> {
    let mut names: Vec<&str> = spec.params.iter().map(|p| p.name).collect();
    names.push("size");
    let bound = bind(call, fname, &names, spec.required())?;
    dist_from_bound(g, spec, &bound)
}

/// `bound`: the parameters in signature order, then `size`.
fn dist_from_bound<B: BitGenerator>(
    g: &mut Generator<B>,
    spec: &GenSpec,
    bound: &[Option<&Expr>],
) -> Result<GenValue> {
    let n = spec.params.len();
    let mut params: Vec<NdArray<Num>> = vec![NdArray::scalar(Num::F(0.0)); n];
    let mut scalar_errs: Vec<Option<Error>> = vec![None; n];
    for k in spec.order() {
        let ps = &spec.params[k];
        match bound[k] {
            Some(e) => {
                let (arr, err) = convert_param(e, ps.kind)?;
                params[k] = arr;
                scalar_errs[k] = err;
            }
            None => {
                let d = ps.default.unwrap_or(f64::NAN);
                params[k] = NdArray::scalar(if ps.kind == PKind::I64 {
                    Num::I(d as i64)
                } else {
                    Num::F(d)
                });
            }
        }
    }
    let is_scalar = params.iter().all(|p| p.ndim() == 0);
    if is_scalar {
        for k in spec.order() {
            if let Some(e) = scalar_errs[k].take() {
                return Err(e);
            }
        }
    }
    let size = match parse_size(bound[n]) {
        Ok(s) => s,
        Err(e) => {
            let mut conv: Vec<NdArray<Num>> = params
                .iter()
                .zip(spec.params)
                .map(|(p, ps)| broadcast::convert(p, ps.kind))
                .collect();
            broadcast::precheck(spec, &mut conv, is_scalar)?;
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
        let mut conv: Vec<NdArray<Num>> = params
            .iter()
            .zip(spec.params)
            .map(|(p, ps)| broadcast::convert(p, ps.kind))
            .collect();
        broadcast::precheck(spec, &mut conv, false)?;
        let order = spec.order();
        let shapes: Vec<&[usize]> = order.iter().map(|&k| conv[k].shape.as_slice()).collect();
        let shape = broadcast::output_shape(&shapes, size.as_deref())?;
        match spec.kernel {
            GKernel::F64(_) => Output::F64(NdArray {
                shape,
                data: vec![],
            }),
            GKernel::F32(_) => Output::F32(NdArray {
                shape,
                data: vec![],
            }),
            GKernel::I64(_) => Output::I64(NdArray {
                shape,
                data: vec![],
            }),
        }
    } else {
        g.broadcast(spec, &params, size.as_deref())?
    };
    Ok(output_value(out, is_scalar && size.is_none()))
}

// ---------------------------------------------------------------------------------
// integers, bytes
// ---------------------------------------------------------------------------------

/// `np.asarray(bound)` for `integers`: ints stay exact (int64, uint64 or object arrays),
/// a float array (also what mixing int64 and uint64 values gives) holds floats; the flag
/// says the array is boolean.
fn bound_array(e: &Expr) -> Result<(NdArray<IntBound>, bool)> {
    let (shape, leaves) = nd_shape(e)?;
    let all_bool = !leaves.is_empty() && leaves.iter().all(|l| matches!(l, Expr::Bool(_)));
    let as_float = infer(&leaves) == Inferred::F64 && !shape.is_empty();
    let data = leaves
        .iter()
        .map(|l| match l {
            Expr::Int(i) if as_float => Ok(IntBound::Float(*i as f64)),
            Expr::Int(i) => Ok(IntBound::Int(*i)),
            Expr::Bool(b) if as_float => Ok(IntBound::Float(*b as u8 as f64)),
            Expr::Bool(b) => Ok(IntBound::Int(*b as i128)),
            Expr::Float(x) => Ok(IntBound::Float(*x)),
            other => Err(not_impl(format!(
                "integers() with a bound of type {}",
                type_name(other)
            ))),
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((NdArray { shape, data }, all_bool))
}

fn int_scalar_value<T: IntegerDtype>(v: T, py: bool) -> Value {
    let data = int_data(vec![v]);
    if py {
        Value::py_scalar(data)
    } else {
        Value::np_scalar(data)
    }
}

fn int_data<T: IntegerDtype>(v: Vec<T>) -> Data {
    match T::NAME {
        "bool" => Data::Bool(v.iter().map(|x| x.to_i128() != 0).collect()),
        "int8" => Data::I8(v.iter().map(|x| x.to_i128() as i8).collect()),
        "uint8" => Data::U8(v.iter().map(|x| x.to_i128() as u8).collect()),
        "int16" => Data::I16(v.iter().map(|x| x.to_i128() as i16).collect()),
        "uint16" => Data::U16(v.iter().map(|x| x.to_i128() as u16).collect()),
        "int32" => Data::I32(v.iter().map(|x| x.to_i128() as i32).collect()),
        "uint32" => Data::U32(v.iter().map(|x| x.to_i128() as u32).collect()),
        "int64" => Data::I64(v.iter().map(|x| x.to_i128() as i64).collect()),
        _ => Data::U64(v.iter().map(|x| x.to_i128() as u64).collect()),
    }
}

fn integers_typed<T: IntegerDtype, B: BitGenerator>(
    g: &mut Generator<B>,
    low: &Expr,
    high: &Expr,
    size: Option<&Expr>,
    endpoint: bool,
    py: bool,
) -> Result<Value> {
    if size_is_zero(size) {
        let shape = parse_size(size)?.unwrap_or_default();
        return Ok(Value::array(int_data::<T>(vec![]), shape));
    }
    let (lo, lo_bool) = bound_array(low)?;
    let (hi, hi_bool) = bound_array(high)?;
    if lo.ndim() == 0 && hi.ndim() == 0 {
        let l = int_bound_to_int(lo.data[0])?;
        let h = int_bound_to_int(hi.data[0])?;
        let (off, rng) = crate::generator::integers::scalar_interval::<T>(l, h, endpoint)?;
        let size = parse_size(size)?;
        let n: usize = size.as_ref().map_or(1, |s| s.iter().product());
        let mut b = crate::generator::integers::Bounded::new(&mut g.bg);
        let v: Vec<T> = (0..n)
            .map(|_| crate::generator::integers::draw::<T, B>(&mut b, off, rng))
            .collect();
        return Ok(match size {
            None => int_scalar_value(v[0], py),
            Some(s) => Value::array(int_data(v), s),
        });
    }
    let bounds = crate::generator::integers::BroadcastBounds::new::<T>(
        &lo,
        &hi,
        endpoint,
        (lo_bool, hi_bool),
    )?;
    let size = parse_size(size)?;
    if size.is_none() {
        if let Ok(s) = broadcast_shapes(&[&lo.shape, &hi.shape]) {
            check_cap(&s)?;
        }
    }
    let out = g.integers_from_bounds::<T>(&bounds, size.as_deref())?;
    Ok(Value::array(int_data(out.data), out.shape))
}

fn int_bound_to_int(b: IntBound) -> Result<i128> {
    match b {
        IntBound::Int(i) => Ok(i),
        IntBound::Float(x) => float_to_int(x),
    }
}

fn eval_integers<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(
        call,
        "integers",
        &["low", "high", "size", "dtype", "endpoint"],
        1,
    )?;
    let low = b[0].unwrap_or(&Expr::None);
    let zero = Expr::Int(0);
    let (low, high) = match opt(b[1]) {
        None => (&zero, low),
        Some(h) => (low, h),
    };
    let (ty, py) = resolve_int_dtype(b[3])?;
    let endpoint = b[4].is_some_and(truthy);
    let size = b[2];
    match ty {
        IntTy::Bool => integers_typed::<bool, B>(g, low, high, size, endpoint, py),
        IntTy::I8 => integers_typed::<i8, B>(g, low, high, size, endpoint, py),
        IntTy::U8 => integers_typed::<u8, B>(g, low, high, size, endpoint, py),
        IntTy::I16 => integers_typed::<i16, B>(g, low, high, size, endpoint, py),
        IntTy::U16 => integers_typed::<u16, B>(g, low, high, size, endpoint, py),
        IntTy::I32 => integers_typed::<i32, B>(g, low, high, size, endpoint, py),
        IntTy::U32 => integers_typed::<u32, B>(g, low, high, size, endpoint, py),
        IntTy::I64 => integers_typed::<i64, B>(g, low, high, size, endpoint, py),
        IntTy::U64 => integers_typed::<u64, B>(g, low, high, size, endpoint, py),
    }
}

fn eval_bytes<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(call, "bytes", &["length"], 1)?;
    let length = c_intp_arg(b[0].unwrap_or(&Expr::None))?;
    // (length - 1) // 4 + 1 with C division
    let words = (length - 1) / 4 + 1;
    if words < 0 {
        return Err(Error::value("negative dimensions are not allowed"));
    }
    check_cap(&[words as usize])?;
    let mut out = Vec::with_capacity(words as usize * 4);
    for _ in 0..words {
        out.extend_from_slice(&g.bg.next_u32().to_le_bytes());
    }
    // Python's bytes[:length]
    let keep = if length >= 0 {
        (length as usize).min(out.len())
    } else {
        out.len().saturating_sub(length.unsigned_abs() as usize)
    };
    out.truncate(keep);
    Ok(Value::bytes(out))
}

// ---------------------------------------------------------------------------------
// choice, shuffle, permutation, permuted
// ---------------------------------------------------------------------------------

fn axis_error(axis: i128, ndim: usize) -> Error {
    Error::value(format!(
        "axis {axis} is out of bounds for array of dimension {ndim}"
    ))
}

fn normalize_axis(e: Option<&Expr>, ndim: usize, default: i128) -> Result<usize> {
    let axis = match e {
        None => default,
        Some(Expr::Int(i)) => *i,
        Some(Expr::Bool(b)) => *b as i128,
        Some(other) => {
            return Err(Error::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    let nd = ndim as i128;
    if axis < -nd || axis >= nd {
        return Err(axis_error(axis, ndim));
    }
    Ok((if axis < 0 { axis + nd } else { axis }) as usize)
}

fn eval_choice<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(
        call,
        "choice",
        &["a", "size", "replace", "p", "axis", "shuffle"],
        1,
    )?;
    let a = b[0].unwrap_or(&Expr::None);
    let size_e = opt(b[1]);
    let replace = b[2].is_none_or(truthy);
    let shuffle = b[5].is_none_or(truthy);
    let samples_taken = !size_is_zero(size_e);
    let (ashape, leaves) = nd_shape(a)?;
    // The axis as NumPy uses it: `a.shape[axis]` (Python tuple indexing, so an axis out of
    // range is an IndexError and a bool indexes like 0/1), then `a.take(idx, axis=axis)`
    // after the draws (which rejects a bool). Unused when `a` is an integer.
    let mut axis = 0usize;
    let mut bool_axis = false;
    let (pop, arr): (i128, Option<Data>) = if ashape.is_empty() {
        let pop = match leaves[0] {
            Expr::Int(i) => *i,
            Expr::Bool(v) => *v as i128,
            other => {
                return Err(Error::value(format!(
                    "a must be a sequence or an integer, not <class '{}'>",
                    type_name(other)
                )))
            }
        };
        if pop <= 0 && samples_taken {
            return Err(Error::value(
                "a must be a positive integer unless no samples are taken",
            ));
        }
        (pop, None)
    } else {
        let nd = ashape.len() as i128;
        let ax = match b[4] {
            None => 0,
            Some(Expr::Int(i)) => *i,
            Some(Expr::Bool(v)) => {
                bool_axis = true;
                *v as i128
            }
            Some(other) => {
                return Err(Error::type_error(format!(
                    "tuple indices must be integers or slices, not {}",
                    type_name(other)
                )))
            }
        };
        if ax < -nd || ax >= nd {
            return Err(Error::new(
                ErrorKind::IndexError,
                "tuple index out of range",
            ));
        }
        axis = (if ax < 0 { ax + nd } else { ax }) as usize;
        if ashape[axis] == 0 && samples_taken {
            return Err(Error::value(
                "a cannot be empty unless no samples are taken",
            ));
        }
        (ashape[axis] as i128, Some(literal_array(a)?.0))
    };
    let pop =
        i64::try_from(pop).map_err(|_| overflow("Python int too large to convert to C long"))?;
    let p = match opt(b[3]) {
        None => None,
        Some(pe) => {
            let (pshape, pleaves) = nd_shape(pe)?;
            if pshape.is_empty() {
                return Err(Error::type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(pe)
                )));
            }
            let vals = pleaves
                .iter()
                .map(|l| float_leaf(l))
                .collect::<Result<Vec<f64>>>()?;
            if pshape.len() != 1 {
                return Err(Error::value("p must be 1-dimensional"));
            }
            Some(ChoiceP::new(&vals, pop.max(0) as usize)?)
        }
    };
    let size = parse_size(size_e)?;
    if !replace && p.is_none() {
        check_cap(&[pop.max(0) as usize])?;
    }
    let out = g.choice(pop, size.as_deref(), replace, p.as_ref(), shuffle)?;
    Ok(match arr {
        None if size.is_none() => Value::py_scalar(Data::I64(out.indices)),
        None => Value::array(Data::I64(out.indices), out.shape),
        Some(_) if bool_axis => {
            return Err(Error::type_error("an integer is required for the axis"))
        }
        Some(d) => {
            // a.take(idx, axis): a.shape[:axis] + idx.shape + a.shape[axis+1:]; a scalar
            // idx (size None) drops the axis, and a 1-d `a` then gives a NumPy scalar.
            let data = take_along(&d, &ashape, axis, &out.indices);
            if size.is_none() && ashape.len() == 1 {
                Value::np_scalar(data)
            } else {
                let mut shape = ashape[..axis].to_vec();
                shape.extend_from_slice(&out.shape);
                shape.extend_from_slice(&ashape[axis + 1..]);
                Value::array(data, shape)
            }
        }
    })
}

fn eval_shuffle<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(call, "shuffle", &["x", "axis"], 1)?;
    let x = b[0].unwrap_or(&Expr::None);
    match x {
        Expr::List(items) => {
            if b[1].is_some_and(|a| !matches!(a, Expr::Int(0))) {
                return Err(not_impl(
                    "Axis argument is only supported on ndarray objects",
                ));
            }
            let mut rows = items.clone();
            g.shuffle(&mut rows);
            let (data, shape) = literal_array(&Expr::List(rows))?;
            Ok(Value::array(data, shape))
        }
        Expr::Tuple(v) => {
            if v.len() >= 2 {
                crate::generator::integers::random_interval(&mut g.bg, (v.len() - 1) as u64);
                return Err(Error::type_error(
                    "'tuple' object does not support item assignment",
                ));
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

/// `arr` gathered along `axis` in the order `idx` (NumPy's `arr[..., idx, ...]`).
fn take_along(data: &Data, shape: &[usize], axis: usize, idx: &[i64]) -> Data {
    let outer: usize = shape[..axis].iter().product();
    let inner: usize = shape[axis + 1..].iter().product();
    let len = shape[axis];
    let mut flat = Vec::with_capacity(data.len());
    for o in 0..outer {
        for &i in idx {
            let base = (o * len + i as usize) * inner;
            flat.extend(base..base + inner);
        }
    }
    data.gather(&flat)
}

fn eval_permutation<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(call, "permutation", &["x", "axis"], 1)?;
    let x = b[0].unwrap_or(&Expr::None);
    let n = match x {
        Expr::Int(i) => Some(*i),
        Expr::Bool(v) => Some(*v as i128),
        _ => None,
    };
    if let Some(n) = n {
        let n = i64::try_from(n).map_err(|_| Error::value("Maximum allowed size exceeded"))?;
        check_cap(&[n.max(0) as usize])?;
        let p = g.permutation(n);
        let len = p.len();
        return Ok(Value::array(Data::I64(p), vec![len]));
    }
    let (data, shape) = literal_array(x)?;
    let axis = normalize_axis(opt(b[1]), shape.len(), 0)?;
    if shape.len() == 1 {
        let mut idx: Vec<i64> = (0..shape[0] as i64).collect();
        g.shuffle(&mut idx);
        return Ok(Value::array(take_along(&data, &shape, 0, &idx), shape));
    }
    let mut idx: Vec<i64> = (0..shape[axis] as i64).collect();
    g.shuffle(&mut idx);
    Ok(Value::array(take_along(&data, &shape, axis, &idx), shape))
}

fn eval_permuted<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind_kw(call, "permuted", &["x", "axis", "out"], 1, 1)?;
    let x = b[0].unwrap_or(&Expr::None);
    no_out(b[2])?;
    let (data, shape) = literal_array(x)?;
    let axis = match opt(b[1]) {
        None => None,
        Some(e) => Some(normalize_axis(Some(e), shape.len(), 0)? as i64),
    };
    if axis.is_none() && shape.is_empty() {
        return Err(Error::type_error("len() of unsized object"));
    }
    let n = data.len();
    let idx: Vec<usize> = (0..n).collect();
    let perm = g.permuted(&idx, &shape, axis)?;
    Ok(Value::array(data.gather(&perm), shape))
}

// ---------------------------------------------------------------------------------
// multinomial, multivariate_hypergeometric, dirichlet
// ---------------------------------------------------------------------------------

/// `size=` for the methods that append a dimension: `(size, k)` or `tuple(size) + (k,)`.
fn rows_shape(size: Option<&Expr>, k: usize) -> Result<(usize, Vec<usize>)> {
    let mut shape = parse_size(size)?.unwrap_or_default();
    shape.push(k);
    check_cap(&shape)?;
    let rows: usize = shape[..shape.len() - 1].iter().product();
    Ok((rows, shape))
}

fn eval_multinomial<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(call, "multinomial", &["n", "pvals", "size"], 2)?;
    let (n_arr, _) = convert_param(b[0].unwrap_or(&Expr::None), PKind::I64)?;
    let (p_arr, _) = convert_param(b[1].unwrap_or(&Expr::None), PKind::F64)?;
    let ndim = p_arr.ndim();
    let d = if ndim >= 1 { p_arr.shape[ndim - 1] } else { 0 };
    let pvals: Vec<f64> = p_arr.data.iter().map(|x| x.f()).collect();
    if d == 0 {
        crate::generator::discrete::multinomial_check_pvals(&[], 0)?;
    }
    crate::generator::discrete::multinomial_check_pvals(&pvals, ndim)?;
    crate::generator::discrete::multinomial_check_sums(&pvals, d, ndim)?;
    let size = opt(b[2]);
    if n_arr.ndim() != 0 || ndim > 1 {
        let nv: Vec<f64> = n_arr.data.iter().map(|x| x.f()).collect();
        broadcast::GCons::NonNegative.check_array(&nv, "n")?;
        let off_shape = p_arr.shape[..ndim - 1].to_vec();
        let it_shape = match parse_size(size)? {
            None => broadcast_shapes(&[&n_arr.shape, &off_shape])?,
            Some(s) => {
                let it = broadcast_shapes(&[&n_arr.shape, &off_shape, &s])?;
                if it != s {
                    return Err(Error::value(format!(
                        "Output size {} is not compatible with broadcast dimensions of inputs {}.",
                        shape_repr(&s),
                        shape_repr(&it)
                    )));
                }
                it
            }
        };
        let mut shape = it_shape.clone();
        shape.push(d);
        check_cap(&shape)?;
        let cnt: usize = it_shape.iter().product();
        let ni = broadcast_indices(&it_shape, &n_arr.shape);
        let pi = broadcast_indices(&it_shape, &off_shape);
        let mut out = vec![0i64; cnt * d];
        for (i, row) in out.chunks_exact_mut(d).enumerate() {
            let p = &pvals[pi[i] * d..(pi[i] + 1) * d];
            crate::generator::discrete::multinomial_row(&mut g.bg, n_arr.data[ni[i]].i(), p, row);
        }
        return Ok(Value::array(Data::I64(out), shape));
    }
    let (rows, shape) = rows_shape(size, d)?;
    let n = n_arr.data[0].i();
    let out = g.multinomial(n, &pvals, rows)?;
    Ok(Value::array(Data::I64(out), shape))
}

fn eval_mvhg<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(
        call,
        "multivariate_hypergeometric",
        &["colors", "nsample", "size", "method"],
        2,
    )?;
    let method = match b[3] {
        None => MvhgMethod::Marginals,
        Some(Expr::Str(s)) => s.parse()?,
        Some(_) => return Err(Error::value("method must be \"count\" or \"marginals\".")),
    };
    let nsample = match b[1] {
        Some(Expr::Int(i)) => *i,
        Some(Expr::Bool(v)) => *v as i128,
        _ => return Err(Error::value("nsample must be an integer")),
    };
    if nsample < 0 {
        return Err(Error::value("nsample must be nonnegative."));
    }
    if nsample > i64::MAX as i128 {
        return Err(Error::value("nsample must not exceed 9223372036854775807"));
    }
    let bad_colors = || {
        Error::value(
            "colors must be a one-dimensional sequence of nonnegative integers not exceeding 9223372036854775807.",
        )
    };
    let colors_e = b[0].unwrap_or(&Expr::None);
    let (cshape, leaves) = nd_shape(colors_e).map_err(|_| bad_colors())?;
    if cshape.len() != 1 {
        return Err(bad_colors());
    }
    let mut colors = Vec::with_capacity(leaves.len());
    for l in &leaves {
        match l {
            Expr::Int(i) if (0..=i64::MAX as i128).contains(i) => colors.push(*i as i64),
            Expr::Bool(v) => colors.push(*v as i64),
            _ => return Err(bad_colors()),
        }
    }
    // NumPy checks everything before it reads `size` (no draws for zero rows).
    g.multivariate_hypergeometric(&colors, nsample as i64, 0, method)?;
    let (rows, shape) = rows_shape(opt(b[2]), colors.len())?;
    let out = g.multivariate_hypergeometric(&colors, nsample as i64, rows, method)?;
    Ok(Value::array(Data::I64(out), shape))
}

fn eval_dirichlet<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(call, "dirichlet", &["alpha", "size"], 1)?;
    let alpha_e = b[0].unwrap_or(&Expr::None);
    if !matches!(alpha_e, Expr::List(_) | Expr::Tuple(_)) {
        return Err(Error::type_error(format!(
            "object of type '{}' has no len()",
            type_name(alpha_e)
        )));
    }
    let (shape, leaves) = nd_shape(alpha_e)?;
    if shape.len() != 1 {
        return Err(Error::value(
            "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.",
        ));
    }
    let alpha = leaves
        .iter()
        .map(|l| float_leaf(l))
        .collect::<Result<Vec<f64>>>()?;
    g.dirichlet(&alpha, 0)?; // `alpha < 0` comes before `size`
    let (rows, shape) = rows_shape(opt(b[1]), alpha.len())?;
    let out = g.dirichlet(&alpha, rows)?;
    Ok(Value::array(Data::F64(out), shape))
}

/// `rng.multivariate_normal(mean, cov, size=None, check_valid='warn', tol=1e-8, *,
/// method='svd')`, with NumPy's order of checks: `method`; `np.array(mean)`, `np.array(cov)`;
/// the dimensions; `size` (`list(size[:]) + [n]`, so a float size is "unsliceable"); the
/// draws; `cov.astype(double)`; the factorisation; `check_valid` and `tol`.
fn eval_multivariate_normal<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    use crate::generator::{CheckValid, MvnMethod};
    const NAMES: &[&str] = &["mean", "cov", "size", "check_valid", "tol", "method"];
    // `method` is keyword-only.
    let b = bind_kw(call, "multivariate_normal", NAMES, 2, 5)?;
    let method: MvnMethod = match b[5] {
        None => MvnMethod::Svd,
        Some(Expr::Str(s)) => s.parse()?,
        // Cython compiles `method not in {...}` to equality tests: any other object fails.
        Some(_) => {
            return Err(Error::value(
                "method must be one of {'eigh', 'svd', 'cholesky'}",
            ))
        }
    };
    let (n, mleaves, cleaves) =
        mvn_operands(b[0].unwrap_or(&Expr::None), b[1].unwrap_or(&Expr::None))?;
    let mean = mleaves
        .iter()
        .map(|l| match l {
            Expr::Int(_) | Expr::Float(_) | Expr::Bool(_) => float_leaf(l),
            // A str or object `mean` fails only at `mean + x @ _factor.T`, after the draws.
            _ => Err(not_impl(
                "multivariate_normal: nprand eval takes only numbers in `mean`",
            )),
        })
        .collect::<Result<Vec<f64>>>()?;
    // final_shape = list(shape[:]) + [n], with `shape = [size]` for an int (or bool).
    let mut dims: Vec<Expr> = match opt(b[2]) {
        None => Vec::new(),
        Some(e @ (Expr::Int(_) | Expr::Bool(_))) => vec![e.clone()],
        Some(Expr::Tuple(v) | Expr::List(v)) => v.clone(),
        Some(Expr::Str(t)) => t.chars().map(|c| Expr::Str(c.to_string())).collect(),
        Some(Expr::Float(_)) => return Err(Error::type_error("'float' object is unsliceable")),
        Some(_) => return Err(not_impl("multivariate_normal: unsupported size")),
    };
    dims.push(Expr::Int(n as i128));
    let shape = parse_size(Some(&Expr::List(dims)))?.expect("a shape");
    let rows: usize = shape[..shape.len() - 1].iter().product();
    // cov.astype(np.double) runs after the draws: a string that is not a float (or an
    // object such as None) raises there.
    let cov: Result<Vec<f64>> = cleaves
        .iter()
        .map(|l| match l {
            Expr::Int(_) | Expr::Float(_) | Expr::Bool(_) => float_leaf(l),
            Expr::Str(t) if !cleaves.iter().any(|x| matches!(x, Expr::Bool(_))) => float_leaf(l)
                .map_err(|_| {
                    Error::value(format!(
                        "could not convert string to float: np.str_({})",
                        str_repr(t)
                    ))
                }),
            // An object array: astype(np.double) turns None into NaN.
            Expr::None => Ok(f64::NAN),
            _ => Err(not_impl(
                "multivariate_normal: nprand eval takes only numbers in `cov`",
            )),
        })
        .collect();
    let cov = match cov {
        Ok(c) => c,
        Err(e) if e.kind() == ErrorKind::NotImplementedError => return Err(e),
        Err(e) => {
            let mut x = vec![0.0; rows * n];
            g.standard_normal_into(&mut x);
            return Err(e);
        }
    };
    // Anything but the three strings fails NumPy's `!= 'warn' and != 'raise'` test.
    let check_valid: Result<CheckValid> = match b[3] {
        None => Ok(CheckValid::Warn),
        Some(Expr::Str(s)) => s.parse(),
        Some(_) => Err(Error::value(
            "check_valid must equal 'warn', 'raise', or 'ignore'",
        )),
    };
    // tol is used only by the PSD test, where a non-number fails in NumPy's own way.
    let tol: Result<f64> = match b[4] {
        None => Ok(1e-8),
        Some(e @ (Expr::Int(_) | Expr::Float(_) | Expr::Bool(_))) => float_leaf(e),
        Some(e @ (Expr::None | Expr::Str(_))) => Err(if method == MvnMethod::Eigh {
            // `s < -tol`
            Error::type_error(format!("bad operand type for unary -: '{}'", type_name(e)))
        } else {
            // np.allclose(..., rtol=tol, atol=tol)
            Error::type_error(
                "ufunc 'isfinite' not supported for the input types, and the inputs could not \
                 be safely coerced to any supported types according to the casting rule ''safe''",
            )
        }),
        Some(_) => return Err(not_impl("multivariate_normal: tol must be a number")),
    };
    let out = g.mvn_impl(&mean, &cov, (n, n), rows, check_valid, tol, method)?;
    if let Some(w) = out.warning {
        // NumPy's RuntimeWarning goes to stderr; the values are still returned.
        eprintln!("RuntimeWarning: {w}");
    }
    Ok(Value::array(Data::F64(out.values), shape))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::value::Kind;

    #[test]
    fn kinds_and_dtypes() {
        let mut g = AnyGenerator::from_kind(BitGenKind::Pcg64, 1);
        let v = eval_generator_call(&mut g, "integers(5, dtype=int)").unwrap();
        assert_eq!(v.kind, Kind::PyScalar);
        let v = eval_generator_call(&mut g, "integers(2, dtype=np.bool_)").unwrap();
        assert_eq!((v.kind, v.dtype_name()), (Kind::NpScalar, "bool"));
        let v = eval_generator_call(&mut g, "choice([1.5, 2.5])").unwrap();
        assert_eq!((v.kind, v.dtype_name()), (Kind::NpScalar, "float64"));
        let e = eval_generator_call(&mut g, "integers(5, dtype=np.float64)").unwrap_err();
        assert_eq!(
            e.message(),
            "Unsupported dtype dtype('float64') for integers"
        );
        let e = eval_generator_call(&mut g, "random(dtype=np.int64)").unwrap_err();
        assert_eq!(e.message(), "Unsupported dtype dtype('int64') for random");
    }
}
