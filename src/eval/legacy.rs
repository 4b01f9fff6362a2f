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

pub(crate) use super::dtype::*;
use super::parser::{parse_call, Call, Expr};
pub(crate) use super::pysem::type_name;
use super::pysem::{bool_repr, np_attr, parse_float, parse_int, py_repr, str_repr};
use super::spec_call::spec_output;
use super::value::{Data, Value};
use crate::array::{broadcast_indices, broadcast_shapes, shape_repr, NdArray};
pub(crate) use crate::common::alloc::Dtype;
use crate::error::{Error, ErrorKind, Result};
use crate::fmt::py_float_repr;
use crate::legacy::broadcast::{self, DistSpec, Num, Output};
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

mod args;
mod choice;
mod dist;
mod multi;
mod randint;
#[cfg(test)]
mod tests;

pub(crate) use args::*;
pub(crate) use choice::*;
pub(crate) use dist::convert_param;
pub(crate) use dist::*;
pub(crate) use multi::mvn_operands;
pub(crate) use multi::{one_d_floats, shape_with};
pub(crate) use randint::*;

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
        // Out of range like any int past 2**32 - 1.
        Expr::BigInt(_) => return RandomState::from_seed_int(i128::MAX),
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
    if let Some(saturated) = saturate_big_ints(call) {
        let saturated = saturated?;
        let before = rs.clone();
        eval_parsed(rs, &saturated.call).map_err(|e| saturated.error(e))?;
        *rs = before;
        return Err(big_int_refusal());
    }
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
