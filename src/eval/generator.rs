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

use crate::array::{broadcast_shapes, NdArray};
use crate::bitgen::{BitGenState, BitGenerator};
use crate::common::alloc::Dtype;
use crate::error::{Error, ErrorKind, Result};
use crate::eval::dtype::*;
use crate::eval::legacy::{
    bind, bind_kw, c_intp_arg, check_cap, check_dims, float_leaf, float_to_int, mvn_operands,
    nd_shape, not_impl, opt, overflow, permutation_of_int, prod_intp, size_is_zero, truthy,
    type_name,
};
use crate::eval::parser::{parse_access, parse_call, parse_expr, Call, Expr};
use crate::eval::pysem::{self, str_repr};
use crate::eval::spec_call::spec_output;
use crate::eval::value::{Data, Value};
use crate::generator::broadcast::{self, find, GenSpec, Output, PKind};
use crate::generator::integers::{IntBound, IntegerDtype};
use crate::generator::{AnyBitGenerator, AnyGenerator, BitGenKind, ChoiceP, Generator, MvhgMethod};
use crate::legacy::broadcast::Num;

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

/// `np.random.Generator(Gen(seed))` for the command line's `--generator KIND --seed TEXT`:
/// `TEXT` is NumPy's `seed` argument as a Python expression (see [`parse_seed`]), with
/// NumPy's errors (`SeedSequence`'s for a negative int or a float).
///
/// ```
/// use nprand::eval::generator::make_generator;
/// use nprand::generator::{default_rng, BitGenKind};
/// # use nprand::BitGenerator;
/// // np.random.default_rng(5)
/// let g = make_generator(BitGenKind::Pcg64, "5").unwrap();
/// assert_eq!(g.bit_generator().state(), default_rng(5).bit_generator().state());
/// // np.random.default_rng([3, 0xdeadbeaf]), default_rng(2**64 + 1)
/// let g = make_generator(BitGenKind::Pcg64, "[3, 0xdeadbeaf]").unwrap();
/// assert_eq!(g.bit_generator().state(), default_rng([3, 0xdeadbeaf]).bit_generator().state());
/// let g = make_generator(BitGenKind::Pcg64, "2**64 + 1").unwrap();
/// assert_eq!(g.bit_generator().state(), default_rng((1 << 64) + 1).bit_generator().state());
/// assert_eq!(make_generator(BitGenKind::Sfc64, "-1").unwrap_err().to_string(),
///            "ValueError: expected non-negative integer");
/// ```
pub fn make_generator(kind: BitGenKind, seed: &str) -> Result<AnyGenerator> {
    Ok(Generator::new(AnyBitGenerator::try_new(
        kind,
        parse_seed(seed)?,
    )?))
}

/// NumPy's `seed` argument written as a Python expression: an int of any size in decimal
/// or hex (`0xdeadbeaf`), an int expression (`2**64 + 1`), a list or tuple of them
/// (`[worker_id, root_seed]`, nested lists flattened as NumPy does), or the float / str
/// that NumPy rejects with its own error. `None` (OS entropy) is refused so that every
/// run is reproducible; anything unparsable is a `SyntaxError`.
///
/// ```
/// use nprand::eval::generator::parse_seed;
/// use nprand::{Seed, SeedSequence};
/// let s = parse_seed("[1, 2**40]").unwrap();
/// assert_eq!(s.into_seed_sequence().unwrap(), SeedSequence::new([1, 1 << 40]));
/// // 2**200 written out: any size in decimal, also inside a flat list
/// assert!(parse_seed("1606938044258990275541962092341162602522202993782792835301376").is_ok());
/// let s = parse_seed("[3, 0xffffffffffffffffffffffffffffffff]").unwrap();
/// assert_eq!(s.into_seed_sequence().unwrap(), SeedSequence::new([3, u128::MAX]));
/// assert_eq!(parse_seed("None").unwrap_err().kind(), nprand::ErrorKind::NotImplementedError);
/// ```
pub fn parse_seed(text: &str) -> Result<crate::Seed> {
    use crate::seed_sequence::{Entropy, SeedInt};
    let t = text.trim();
    let e = parse_expr(t).map_err(|err| {
        Error::new(
            ErrorKind::SyntaxError,
            format!("invalid --seed {t:?}: {err}"),
        )
    })?;
    fn entropy(e: &Expr, top: bool) -> Result<Option<Entropy>> {
        Ok(Some(match e {
            Expr::Int(i) => SeedInt::from(*i).into(),
            Expr::BigInt(i) => SeedInt::from(i.clone()).into(),
            Expr::Bool(b) => SeedInt::from(*b).into(),
            Expr::Float(x) => Entropy::Float(*x),
            Expr::Str(s) => Entropy::Str(s.clone()),
            Expr::List(v) | Expr::Tuple(v) => Entropy::Seq(
                v.iter()
                    .map(|x| entropy(x, false).map(|o| o.expect("not top level")))
                    .collect::<Result<_>>()?,
            ),
            Expr::None if top => return Ok(None),
            // _coerce_to_uint32_array takes len(None) of an element it cannot read.
            Expr::None => return Err(Error::type_error("object of type 'NoneType' has no len()")),
            Expr::Name(n) => {
                return Err(Error::new(
                    ErrorKind::SyntaxError,
                    format!("--seed: the name {n:?} is not a seed (give ints, lists of ints)"),
                ))
            }
        }))
    }
    match entropy(&e, true)? {
        Some(ent) => Ok(ent.into()),
        None => Err(not_impl(
            "seed=None seeds from OS entropy, which is not reproducible; give a seed",
        )),
    }
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
    // `bit_generator.random_raw(3)`, `rng.bit_generator.state`: the bit generator's own
    // members. Everything else keeps the call grammar (and its syntax errors).
    if let Ok(access) = parse_access(call) {
        if bitgen::is_bit_generator_access(&access) {
            return bitgen::eval_bit_generator(g, &access);
        }
    }
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
    if let Some(saturated) = saturate_big_ints(call) {
        let saturated = saturated?;
        let before = g.bit_generator().state();
        eval_generator_parsed(g, &saturated.call).map_err(|e| saturated.error(e))?;
        g.bit_generator_mut().set_state(&before)?;
        return Err(big_int_refusal());
    }
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

mod args;
mod bitgen;
pub(crate) use bitgen::state_object;
mod choice;
mod dist;
mod multi;
mod seed_seq;
pub(crate) use seed_seq::{jumped_state, split_jumped};
#[cfg(test)]
mod tests;

use args::*;
use choice::*;
use dist::*;
use multi::*;
