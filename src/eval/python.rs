//! `nprand eval --python`: run calls such as `randrange(0, 10, 2)` on a [`Random`]
//! exactly as CPython would, and print the results as Python would.

use super::py_value::PyValue;
use crate::error::{Error, ErrorKind, Result};
use crate::eval::legacy::BUILTIN_TYPES;
use crate::eval::parser::{parse_call, parse_expr, Expr};
use crate::python::{PyState, PyVersion, Random, Seed};
use num_bigint::BigInt;

/// Run one call (`"randint(1, 6)"`, `"random.gauss(0, 1)"`, …) on `r`, exactly as
/// CPython 3.11's `r.<call>` would (or 3.12's, see [`PyVersion`]).
///
/// Arguments are literals as `nprand eval` parses them (ints up to 128 bits, floats,
/// strings, `True`/`False`/`None`, lists and tuples); argument binding, defaults,
/// keyword-only parameters and the resulting `TypeError`s follow CPython. Differences
/// from a Python session, all deliberate:
/// - `shuffle(x)` returns the shuffled list (Python returns `None` and changes `x`; for
///   a tuple or str of length < 2, which Python leaves alone, the result is `None`);
/// - populations are lists, tuples or strings (no `range(...)`: use
///   `sample([...], k)` or `randrange`);
/// - `seed(a)` takes an int, float, str (`version=2`); `seed()` / `seed(None)` (OS
///   entropy) and `version=1` are refused;
/// - a call string that does not parse is a `SyntaxError` with the parser's message, and
///   a name other than the builtin classes (`int`, `float`, `bool`, `complex`, `str`,
///   `bytes`, `object`) is a `SyntaxError` (Python: a `NameError`), as in the NumPy
///   modes; integer literals are limited to 128 bits (use `--seed` for bigger seeds);
/// - a result list of more than [`MAX_ELEMENTS`](crate::eval::legacy::MAX_ELEMENTS)
///   items (`choices(..., k=...)`, `sample(..., counts=..., k=...)`) is a `MemoryError`,
///   raised before anything is drawn: CPython builds such a list until memory runs out
///   (its `MemoryError` depends on the machine; this limit does not); a `k` beyond a C
///   `ssize_t` stays CPython's `OverflowError`;
/// - an int result of more than 4300 decimal digits is CPython's `ValueError` from
///   `repr`/`json.dumps` (`sys.get_int_max_str_digits()`), raised after the draws;
/// - `binomialvariate` needs [`PyVersion::V3_12`] and an `n` below 2**63;
/// - a call that CPython would never finish (e.g. `vonmisesvariate(0, float('nan'))`)
///   stops with `NotImplementedError`.
///
/// ```
/// use nprand::eval::python::eval_python_call;
/// use nprand::eval::py_value::PyValue;
/// use nprand::python::Random;
/// // random.seed(42); random.randrange(0, 10, 2)
/// let mut r = Random::new(42);
/// let v = eval_python_call(&mut r, "randrange(0, 10, 2)").unwrap();
/// assert!(matches!(v, PyValue::Int(_)));
/// // random.choice([]) -> IndexError: Cannot choose from an empty sequence
/// let e = eval_python_call(&mut r, "choice([])").unwrap_err();
/// assert_eq!(e.to_string(), "IndexError: Cannot choose from an empty sequence");
/// // random.uniform(1) -> TypeError
/// let e = eval_python_call(&mut r, "uniform(1)").unwrap_err();
/// assert_eq!(e.message(), "Random.uniform() missing 1 required positional argument: 'b'");
/// // a call that does not parse, an unknown name: SyntaxError, as in the NumPy modes
/// use nprand::ErrorKind;
/// assert_eq!(eval_python_call(&mut r, "random(").unwrap_err().kind(), ErrorKind::SyntaxError);
/// assert_eq!(eval_python_call(&mut r, "uniform(foo, 1)").unwrap_err().kind(), ErrorKind::SyntaxError);
/// // random.choices([1], k=2**40): a list CPython cannot build
/// assert_eq!(eval_python_call(&mut r, "choices([1], k=2**40)").unwrap_err().kind(), ErrorKind::MemoryError);
/// ```
pub fn eval_python_call(r: &mut Random, call: &str) -> Result<PyValue> {
    let parsed = parse_call(call).map_err(|e| {
        Error::new(
            ErrorKind::SyntaxError,
            format!("{} (column {} of {:?})", e.message, e.offset + 1, call),
        )
    })?;
    let args = parsed
        .args
        .iter()
        .map(to_value)
        .collect::<Result<Vec<_>>>()?;
    let kwargs = parsed
        .kwargs
        .iter()
        .map(|(k, v)| Ok((k.clone(), to_value(v)?)))
        .collect::<Result<Vec<_>>>()?;
    let v = dispatch(r, &parsed.method, args, kwargs)?;
    // Python computes the value, then fails to print it (the draws have happened).
    v.check_printable()?;
    Ok(v)
}

/// Evaluate `method(*args, **kwargs)` on `r` with the arguments already as Python
/// values (the Python package's `Random` class calls CPython's methods this way, with no
/// text in between).
///
/// ```
/// use nprand::eval::python::eval_python_values;
/// use nprand::eval::py_value::PyValue;
/// use nprand::python::Random;
/// // random.seed(42); random.uniform(1.0, 2.0)
/// let v = eval_python_values(&mut Random::new(42), "uniform", vec![PyValue::Float(1.0), PyValue::Float(2.0)], vec![]).unwrap();
/// assert_eq!(v, PyValue::Float(Random::new(42).uniform(1.0, 2.0)));
/// ```
pub fn eval_python_values(
    r: &mut Random,
    method: &str,
    args: Vec<PyValue>,
    kwargs: Vec<(String, PyValue)>,
) -> Result<PyValue> {
    dispatch(r, method, args, kwargs)
}

fn to_value(e: &Expr) -> Result<PyValue> {
    Ok(match e {
        Expr::Int(i) => PyValue::Int(BigInt::from(*i)),
        Expr::BigInt(i) => PyValue::Int(i.clone()),
        Expr::Float(x) => PyValue::Float(*x),
        Expr::Str(s) => PyValue::Str(s.clone()),
        Expr::Bool(b) => PyValue::Bool(*b),
        Expr::None => PyValue::None,
        Expr::Tuple(items) => PyValue::Tuple(items.iter().map(to_value).collect::<Result<_>>()?),
        Expr::List(items) => PyValue::List(items.iter().map(to_value).collect::<Result<_>>()?),
        Expr::Name(n) if BUILTIN_TYPES.contains(&n.as_str()) => PyValue::Type(n.clone()),
        // `np` is not defined in CPython's namespace either.
        Expr::Name(n) => {
            let first = n.split('.').next().unwrap_or(n);
            return Err(Error::new(
                ErrorKind::SyntaxError,
                format!("name '{first}' is not defined"),
            ));
        }
    })
}

mod args;
mod arith;
mod distributions;
mod sequences;
mod state;

use args::{no_attribute, Args, Kwargs};

/// Sends a call to its family of methods.
fn dispatch(r: &mut Random, method: &str, args: Args, kwargs: Kwargs) -> Result<PyValue> {
    match method {
        "random" | "getrandbits" | "randbytes" | "seed" | "getstate" | "setstate" => {
            state::call(r, method, args, kwargs)
        }
        "randrange" | "randint" | "choice" | "shuffle" | "sample" | "choices" => {
            sequences::call(r, method, args, kwargs)
        }
        "binomialvariate" if r.version() != PyVersion::V3_12 => Err(no_attribute(method)),
        "uniform" | "triangular" | "normalvariate" | "gauss" | "lognormvariate" | "expovariate"
        | "vonmisesvariate" | "gammavariate" | "betavariate" | "paretovariate"
        | "weibullvariate" | "binomialvariate" => distributions::call(r, method, args, kwargs),
        other => Err(no_attribute(other)),
    }
}

/// The generator `nprand eval --python --seed TEXT` starts from.
///
/// `TEXT` is read as a Python literal:
/// - an int of any size and sign, in decimal (or `0x…`, `0o…`, `0b…`), `_` allowed:
///   `random.seed(N)`;
/// - a float (`1.5`, `-2.0`, `1e300`, `inf`): `random.seed(x)` (its hash);
/// - a quoted string, `'hello'` or `"hello"`: `random.seed('hello')`;
/// - a bytes literal `b'...'` (or `bytearray(b'...')`): `random.seed(b'...')`;
/// - `True` / `False`.
///
/// A bare word such as `hello` is refused (quote it: `--seed "'hello'"`), so that
/// `--seed 10` and `--seed '10'` cannot be confused.
///
/// ```
/// use nprand::eval::python::make_random;
/// use nprand::python::Random;
/// // random.seed(2**100)
/// let a = make_random("1267650600228229401496703205376").unwrap();
/// assert_eq!(a, Random::new(num_bigint::BigInt::from(1u128 << 100)));
/// // random.seed('hello') and random.seed(b'hello') are the same
/// assert_eq!(make_random("'hello'").unwrap(), make_random("b'hello'").unwrap());
/// // random.seed(-2.0)
/// assert_eq!(make_random("-2.0").unwrap(), Random::new(-2.0));
/// assert!(make_random("hello").is_err());
/// ```
pub fn make_random(seed: &str) -> Result<Random> {
    Ok(Random::new(parse_seed(seed)?))
}

fn parse_bytes_literal(t: &str) -> Result<Option<Vec<u8>>> {
    let inner = t
        .strip_prefix("bytearray(")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    let Some(rest) = inner.strip_prefix('b').or_else(|| inner.strip_prefix('B')) else {
        return Ok(None);
    };
    if !(rest.starts_with('\'') || rest.starts_with('"')) {
        return Ok(None);
    }
    match parse_expr(rest) {
        Ok(Expr::Str(s)) => {
            let mut out = Vec::with_capacity(s.len());
            for c in s.chars() {
                let code = c as u32;
                if code > 0xff {
                    return Err(Error::value(
                        "bytes can only contain ASCII literal characters",
                    ));
                }
                out.push(code as u8);
            }
            Ok(Some(out))
        }
        _ => Err(Error::value(format!(
            "invalid bytes literal for --seed: {t}"
        ))),
    }
}

fn parse_seed(text: &str) -> Result<Seed> {
    let t = text.trim();
    if let Some(b) = parse_bytes_literal(t)? {
        return Ok(Seed::Bytes(b));
    }
    let bad = || {
        Error::value(format!(
            "--seed must be an int, a float, or a quoted str or bytes literal ('hello', b'hello'), not {t}"
        ))
    };
    match parse_expr(t) {
        Ok(Expr::Int(i)) => Ok(Seed::Int(BigInt::from(i))),
        Ok(Expr::BigInt(i)) => Ok(Seed::Int(i)),
        Ok(Expr::Float(x)) => Ok(Seed::Float(x)),
        Ok(Expr::Str(s)) => Ok(Seed::Str(s)),
        Ok(Expr::Bool(b)) => Ok(Seed::Int(BigInt::from(b as u8))),
        Ok(Expr::List(_) | Expr::Tuple(_)) => Err(Error::type_error(state::BAD_SEED_TYPE)),
        _ => Err(bad()),
    }
}

/// What `nprand eval --python` does: build the generator from `--seed` (see
/// [`make_random`]) or from a state JSON (`--state`, see [`PyState`]), run each call
/// in order, and write one line per result to `out`: `json.dumps(result)` with
/// `json = true` (bytes as a hex string), else `repr(result)`.
///
/// Stops at the first call that raises and returns its error (lines already written
/// stay written). On success, returns the final state as JSON (for `--save-state`).
/// `version` picks 3.11 (default) or 3.12 behaviour.
///
/// ```
/// use nprand::eval::python::run_python_eval;
/// // random.seed(42); print(json.dumps(random.randint(1, 6))); print(json.dumps(random.choices('ab', k=3)))
/// let mut out = Vec::new();
/// let calls = ["randint(1, 6)".to_string(), "choices('ab', k=3)".to_string()];
/// let state = run_python_eval(Some("42"), None, &calls, true, None, &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert_eq!(text.lines().count(), 2);
/// assert!(state.starts_with("{\"version\": 3"));
/// ```
pub fn run_python_eval(
    seed: Option<&str>,
    state_json: Option<&str>,
    calls: &[String],
    json: bool,
    version: Option<PyVersion>,
    out: &mut dyn std::io::Write,
) -> Result<String> {
    let mut r =
        match (seed, state_json) {
            (_, Some(st)) => Random::from_state(&PyState::from_json(st)?)?,
            (Some(s), None) => make_random(s)?,
            (None, None) => return Err(Error::value(
                "--python needs --seed or --state (an unseeded random.Random cannot be reproduced)",
            )),
        };
    if let Some(v) = version {
        r.set_version(v);
    }
    for call in calls {
        let v = eval_python_call(&mut r, call)?;
        let line = if json { v.to_json() } else { v.repr() };
        writeln!(out, "{line}").map_err(|e| Error::io("cannot write output", e))?;
    }
    Ok(r.getstate().to_json())
}
