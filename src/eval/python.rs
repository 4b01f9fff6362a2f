//! `nprand eval --python`: run calls such as `randrange(0, 10, 2)` on a [`Random`]
//! exactly as CPython would, and print the results as Python would.

use super::py_value::PyValue;
use crate::error::{Error, ErrorKind, Result};
use crate::eval::parser::{parse_call, parse_expr, Expr};
use crate::python::{PyState, PyVersion, Random, Seed};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

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
/// - a call string that does not parse is a `ValueError` with the parser's message, and
///   a name other than the constants the parser knows is a `ValueError` (Python: a
///   `NameError`); integer literals are limited to 128 bits (use `--seed` for bigger seeds);
/// - int arguments of float parameters are converted to float first (Python computes
///   `b - a` on ints exactly; this only matters beyond 2**53);
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
/// ```
pub fn eval_python_call(r: &mut Random, call: &str) -> Result<PyValue> {
    let call = parse_call(call).map_err(|e| Error::value(e.to_string()))?;
    let args = call.args.iter().map(to_value).collect::<Result<Vec<_>>>()?;
    let kwargs = call
        .kwargs
        .iter()
        .map(|(k, v)| Ok((k.clone(), to_value(v)?)))
        .collect::<Result<Vec<_>>>()?;
    dispatch(r, &call.method, args, kwargs)
}

fn to_value(e: &Expr) -> Result<PyValue> {
    Ok(match e {
        Expr::Int(i) => PyValue::Int(BigInt::from(*i)),
        Expr::Float(x) => PyValue::Float(*x),
        Expr::Str(s) => PyValue::Str(s.clone()),
        Expr::Bool(b) => PyValue::Bool(*b),
        Expr::None => PyValue::None,
        Expr::Tuple(items) => PyValue::Tuple(items.iter().map(to_value).collect::<Result<_>>()?),
        Expr::List(items) => PyValue::List(items.iter().map(to_value).collect::<Result<_>>()?),
        Expr::Name(n) => return Err(Error::value(format!("name '{n}' is not defined"))),
    })
}

/// A Python function signature: positional-or-keyword parameters (the first
/// `required` of them without default) and keyword-only parameters.
struct Sig {
    name: &'static str,
    params: &'static [&'static str],
    required: usize,
    kwonly: &'static [&'static str],
}

fn quote_list(names: &[&str]) -> String {
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
fn bind(
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

fn sig(
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

fn no_args(name: &str, args: &[PyValue], kwargs: &[(String, PyValue)]) -> Result<()> {
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

fn cannot_interpret(v: &PyValue) -> Error {
    Error::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        v.type_name()
    ))
}

/// `operator.index(v)`.
fn index(v: &PyValue) -> Result<BigInt> {
    match v {
        PyValue::Int(n) => Ok(n.clone()),
        PyValue::Bool(b) => Ok(BigInt::from(*b as u8)),
        other => Err(cannot_interpret(other)),
    }
}

/// A Python number for arithmetic: int (exact) or float.
#[derive(Clone, Debug)]
enum Num {
    Int(BigInt),
    Float(f64),
}

fn int_to_f64(n: &BigInt) -> Result<f64> {
    // BigInt -> f64 rounds to nearest like Python's int.__float__.
    match n.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(Error::new(
            ErrorKind::OverflowError,
            "int too large to convert to float",
        )),
    }
}

impl Num {
    fn of(v: &PyValue) -> Option<Num> {
        match v {
            PyValue::Int(n) => Some(Num::Int(n.clone())),
            PyValue::Bool(b) => Some(Num::Int(BigInt::from(*b as u8))),
            PyValue::Float(x) => Some(Num::Float(*x)),
            _ => None,
        }
    }

    fn add(&self, other: &Num) -> Result<Num> {
        Ok(match (self, other) {
            (Num::Int(a), Num::Int(b)) => Num::Int(a + b),
            (Num::Int(a), Num::Float(b)) => Num::Float(int_to_f64(a)? + b),
            (Num::Float(a), Num::Int(b)) => Num::Float(a + int_to_f64(b)?),
            (Num::Float(a), Num::Float(b)) => Num::Float(a + b),
        })
    }

    fn to_f64(&self) -> Result<f64> {
        match self {
            Num::Int(n) => int_to_f64(n),
            Num::Float(x) => Ok(*x),
        }
    }

    /// Python's `x < self` for a float x (exact for ints).
    fn float_lt(&self, x: f64) -> bool {
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
fn float_arg(v: &PyValue) -> Result<f64> {
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
fn seq_items(v: &PyValue) -> Result<Vec<PyValue>> {
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
fn randrange_int(v: &PyValue, which: &str, version: PyVersion) -> Result<BigInt> {
    if let Ok(n) = index(v) {
        return Ok(n);
    }
    if version == PyVersion::V3_12 {
        return Err(cannot_interpret(v));
    }
    let non_integer = || Error::value(format!("non-integer {which} for randrange()"));
    match v {
        PyValue::Float(x) => {
            if x.is_nan() {
                return Err(Error::value("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(Error::new(
                    ErrorKind::OverflowError,
                    "cannot convert float infinity to integer",
                ));
            }
            if x.fract() != 0.0 {
                return Err(non_integer());
            }
            Ok(BigInt::from_f64(*x).expect("finite"))
        }
        PyValue::Str(s) => {
            // int("12") succeeds but "12" != 12; int("x") fails.
            let t = s.trim().replace('_', "");
            if !t.is_empty() && t.parse::<BigInt>().is_ok() && !s.starts_with('_') {
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

fn accumulate(items: &[PyValue]) -> Result<Vec<Num>> {
    let mut out: Vec<Num> = Vec::with_capacity(items.len());
    for v in items {
        let x = Num::of(v).ok_or_else(|| {
            Error::type_error(format!(
                "unsupported operand type(s) for +: 'int' and '{}'",
                v.type_name()
            ))
        })?;
        let next = match out.last() {
            None => x,
            Some(prev) => prev.add(&x)?,
        };
        out.push(next);
    }
    Ok(out)
}

/// `range(k)` length as Python's `_repeat(None, k)` takes it (negative: none).
fn repeat_count(v: &PyValue) -> Result<usize> {
    let k = index(v)?;
    if k.is_negative() {
        return Ok(0);
    }
    k.to_usize().ok_or_else(|| {
        Error::new(
            ErrorKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })
}

fn bits_arg(k: &BigInt) -> Result<i64> {
    k.to_i32().map(|k| k as i64).ok_or_else(|| {
        Error::new(
            ErrorKind::OverflowError,
            "Python int too large to convert to C int",
        )
    })
}

fn dispatch(
    r: &mut Random,
    method: &str,
    args: Vec<PyValue>,
    kwargs: Vec<(String, PyValue)>,
) -> Result<PyValue> {
    let v312 = r.version() == PyVersion::V3_12;
    macro_rules! bind {
        ($name:expr, $params:expr, $req:expr) => {
            bind(&sig($name, $params, $req, &[]), args, kwargs)?
        };
        ($name:expr, $params:expr, $req:expr, $kwonly:expr) => {
            bind(&sig($name, $params, $req, $kwonly), args, kwargs)?
        };
    }
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
    let float = |x: f64| Ok(PyValue::Float(x));
    match method {
        "random" => {
            no_args("random", &args, &kwargs)?;
            float(r.random())
        }
        "getrandbits" => {
            if !kwargs.is_empty() {
                return Err(Error::type_error(
                    "Random.getrandbits() takes no keyword arguments",
                ));
            }
            if args.len() != 1 {
                return Err(Error::type_error(format!(
                    "Random.getrandbits() takes exactly one argument ({} given)",
                    args.len()
                )));
            }
            let k = bits_arg(&index(&args[0])?)?;
            Ok(PyValue::Int(BigInt::from(r.getrandbits(k)?)))
        }
        "randbytes" => {
            let s = bind!("randbytes", &["n"], 1);
            let n = s[0].as_ref().expect("bound");
            // getrandbits(n * 8): `n * 8` of a float, str or list is that type again.
            let n = match n {
                PyValue::None => {
                    return Err(Error::type_error(
                        "unsupported operand type(s) for *: 'NoneType' and 'int'",
                    ))
                }
                other => index(other)?,
            };
            let bits = bits_arg(&(&n * 8))?;
            if bits < 0 {
                return Err(Error::value("number of bits must be non-negative"));
            }
            Ok(PyValue::Bytes(r.randbytes((bits / 8) as usize)))
        }
        "seed" => {
            let s = bind!("seed", &["a", "version"], 0);
            if let Some(v) = &s[1] {
                let text: Option<Vec<u32>> = match &s[0] {
                    Some(PyValue::Str(t)) => Some(t.chars().map(|c| c as u32).collect()),
                    Some(PyValue::Bytes(b)) => Some(b.iter().map(|&c| c as u32).collect()),
                    _ => None,
                };
                let version = index(v).ok();
                if let Some(codes) = text {
                    if version == Some(BigInt::one()) {
                        r.seed(seed_v1(&codes));
                        return Ok(PyValue::None);
                    }
                    if version != Some(BigInt::from(2)) {
                        return Err(Error::new(
                            ErrorKind::NotImplementedError,
                            "seed(str, version) other than 1 or 2 uses Python's randomized str hash",
                        ));
                    }
                }
            }
            let seed = match &s[0] {
                None | Some(PyValue::None) => {
                    return Err(Error::new(
                        ErrorKind::NotImplementedError,
                        "seed(None) seeds from OS entropy, which cannot be reproduced",
                    ))
                }
                Some(PyValue::Int(n)) => Seed::Int(n.clone()),
                Some(PyValue::Bool(b)) => Seed::Int(BigInt::from(*b as u8)),
                Some(PyValue::Float(x)) => Seed::Float(*x),
                Some(PyValue::Str(t)) => Seed::Str(t.clone()),
                Some(PyValue::Bytes(b)) => Seed::Bytes(b.clone()),
                Some(_) => {
                    return Err(Error::type_error(
                        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
                    ))
                }
            };
            r.seed(seed);
            Ok(PyValue::None)
        }
        "getstate" => {
            bind!("getstate", &[], 0);
            let st = r.getstate();
            let mut internal: Vec<PyValue> =
                st.key.iter().map(|&w| PyValue::Int(w.into())).collect();
            internal.push(PyValue::Int(st.pos.into()));
            Ok(PyValue::Tuple(vec![
                PyValue::Int(st.version.into()),
                PyValue::Tuple(internal),
                st.gauss_next.map_or(PyValue::None, PyValue::Float),
            ]))
        }
        "setstate" => {
            let s = bind!("setstate", &["state"], 1);
            let state = s[0].as_ref().expect("bound");
            let json = state_value_to_json(state)?;
            let st = PyState::from_json(&json)?;
            r.setstate(&st)?;
            Ok(PyValue::None)
        }
        "randrange" => {
            let s = bind!("randrange", &["start", "stop", "step"], 1);
            let version = r.version();
            let start = randrange_int(s[0].as_ref().expect("bound"), "arg 1", version)?;
            let stop = match &s[1] {
                None | Some(PyValue::None) => {
                    // `step is not _ONE`: any explicit step other than the int 1.
                    if let Some(st) = &s[2] {
                        if !matches!(st, PyValue::Int(n) if n.is_one()) {
                            return Err(Error::type_error("Missing a non-None stop argument"));
                        }
                    }
                    return Ok(PyValue::Int(r.randrange_big(&start, None, None)?));
                }
                Some(v) => randrange_int(v, "stop", version)?,
            };
            let step = match &s[2] {
                None => BigInt::one(),
                Some(v) => randrange_int(v, "step", version)?,
            };
            Ok(PyValue::Int(r.randrange_big(
                &start,
                Some(&stop),
                Some(&step),
            )?))
        }
        "randint" => {
            let s = bind!("randint", &["a", "b"], 2);
            let a = s[0].as_ref().expect("bound");
            let b = s[1].as_ref().expect("bound");
            // b + 1 first (a float b stays a float), then randrange(a, b + 1).
            let b1 = match b {
                PyValue::Int(n) => PyValue::Int(n + 1),
                PyValue::Bool(x) => PyValue::Int(BigInt::from(*x as u8 + 1)),
                PyValue::Float(x) => PyValue::Float(x + 1.0),
                other => {
                    return Err(Error::type_error(format!(
                        "unsupported operand type(s) for +: '{}' and 'int'",
                        other.type_name()
                    )))
                }
            };
            let version = r.version();
            let start = randrange_int(a, "arg 1", version)?;
            let stop = randrange_int(&b1, "stop", version)?;
            Ok(PyValue::Int(r.randrange_big(&start, Some(&stop), None)?))
        }
        "choice" => {
            let s = bind!("choice", &["seq"], 1);
            let items = seq_items(s[0].as_ref().expect("bound"))?;
            Ok(r.choice(&items)?.clone())
        }
        "shuffle" => {
            let s = bind!("shuffle", &["x"], 1);
            let x = s[0].as_ref().expect("bound");
            match x {
                PyValue::List(items) => {
                    let mut items = items.clone();
                    r.shuffle(&mut items);
                    Ok(PyValue::List(items))
                }
                other => {
                    let n = seq_items(other)?.len();
                    if n >= 2 {
                        // The first j is drawn before the item assignment fails.
                        r.randbelow(n as u64);
                        return Err(Error::type_error(format!(
                            "'{}' object does not support item assignment",
                            other.type_name()
                        )));
                    }
                    Ok(PyValue::None)
                }
            }
        }
        "sample" => {
            let s = bind!("sample", &["population", "k"], 2, &["counts"]);
            let pop = s[0].as_ref().expect("bound");
            let items = match pop {
                PyValue::List(_) | PyValue::Tuple(_) | PyValue::Str(_) | PyValue::Bytes(_) => {
                    seq_items(pop)?
                }
                _ => {
                    return Err(Error::type_error(
                        "Population must be a sequence.  For dicts or sets, use sorted(d).",
                    ))
                }
            };
            let kv = s[1].as_ref().expect("bound");
            let n = items.len();
            if let Some(counts) = &s[2] {
                if !matches!(counts, PyValue::None) {
                    return sample_counts(r, &items, counts, kv);
                }
            }
            let k = sample_k(kv, &BigInt::from(n))?;
            let idx = r.sample_indices(n as u64, k)?;
            Ok(PyValue::List(
                idx.into_iter().map(|i| items[i as usize].clone()).collect(),
            ))
        }
        "choices" => {
            let s = bind!(
                "choices",
                &["population", "weights"],
                1,
                &["cum_weights", "k"]
            );
            let items = seq_items(s[0].as_ref().expect("bound"))?;
            let one = PyValue::Int(BigInt::one());
            let kv = s[3].as_ref().unwrap_or(&one);
            let weights = s[1].as_ref().filter(|v| !matches!(v, PyValue::None));
            let cum_weights = s[2].as_ref().filter(|v| !matches!(v, PyValue::None));
            choices(r, &items, weights, cum_weights, kv)
        }
        "uniform" => {
            let s = bind!("uniform", &["a", "b"], 2);
            float(r.uniform(f!(s[0]), f!(s[1])))
        }
        "triangular" => {
            let s = bind!("triangular", &["low", "high", "mode"], 0);
            let low = f!(s[0], 0.0);
            let high = f!(s[1], 1.0);
            let mode = match &s[2] {
                None | Some(PyValue::None) => None,
                Some(v) => Some(float_arg(v)?),
            };
            match r.triangular_checked(low, high, mode) {
                Some(x) => float(x),
                None => Ok(s[0].clone().unwrap_or(PyValue::Float(0.0))),
            }
        }
        "normalvariate" => {
            let s = bind!("normalvariate", &["mu", "sigma"], 0);
            float(r.normalvariate(f!(s[0], 0.0), f!(s[1], 1.0)))
        }
        "gauss" => {
            let s = bind!("gauss", &["mu", "sigma"], 0);
            float(r.gauss(f!(s[0], 0.0), f!(s[1], 1.0)))
        }
        "lognormvariate" => {
            let s = bind!("lognormvariate", &["mu", "sigma"], 2);
            float(r.lognormvariate(f!(s[0]), f!(s[1]))?)
        }
        "expovariate" => {
            let s = if v312 {
                bind!("expovariate", &["lambd"], 0)
            } else {
                bind!("expovariate", &["lambd"], 1)
            };
            float(r.expovariate(f!(s[0], 1.0))?)
        }
        "vonmisesvariate" => {
            let s = bind!("vonmisesvariate", &["mu", "kappa"], 2);
            float(r.vonmisesvariate(f!(s[0]), f!(s[1]))?)
        }
        "gammavariate" => {
            let s = bind!("gammavariate", &["alpha", "beta"], 2);
            float(r.gammavariate(f!(s[0]), f!(s[1]))?)
        }
        "betavariate" => {
            let s = bind!("betavariate", &["alpha", "beta"], 2);
            float(r.betavariate(f!(s[0]), f!(s[1]))?)
        }
        "paretovariate" => {
            let s = bind!("paretovariate", &["alpha"], 1);
            float(r.paretovariate(f!(s[0]))?)
        }
        "weibullvariate" => {
            let s = bind!("weibullvariate", &["alpha", "beta"], 2);
            float(r.weibullvariate(f!(s[0]), f!(s[1]))?)
        }
        "binomialvariate" if v312 => {
            let s = bind!("binomialvariate", &["n", "p"], 0);
            let n = match &s[0] {
                None => 1,
                Some(v) => index(v)?.to_i64().ok_or_else(|| {
                    Error::new(
                        ErrorKind::NotImplementedError,
                        "binomialvariate: nprand takes n below 2**63",
                    )
                })?,
            };
            let p = f!(s[1], 0.5);
            Ok(PyValue::Int(r.binomialvariate(n, p)?.into()))
        }
        other => Err(Error::new(
            ErrorKind::AttributeError,
            format!("'Random' object has no attribute '{other}'"),
        )),
    }
}

/// `random.seed(a, version=1)` for str/bytes: CPython's old 64-bit string hash.
fn seed_v1(codes: &[u32]) -> u64 {
    let mut x: u64 = codes.first().map_or(0, |&c| (c as u64) << 7);
    for &c in codes {
        x = 1_000_003u64.wrapping_mul(x) ^ c as u64;
    }
    x ^ codes.len() as u64
}

/// `sample`'s `k`: `not 0 <= k <= n` first, then `[None] * k` (a float k fails there).
fn sample_k(kv: &PyValue, n: &BigInt) -> Result<usize> {
    let in_range = match Num::of(kv) {
        Some(Num::Int(k)) => !k.is_negative() && &k <= n,
        Some(Num::Float(x)) => {
            // 0 <= x <= n, compared exactly (x <= n  <=>  ceil(x) <= n).
            x >= 0.0 && x.is_finite() && BigInt::from_f64(x.ceil()).is_some_and(|c| &c <= n)
        }
        None => {
            return Err(Error::type_error(format!(
                "'<=' not supported between instances of 'int' and '{}'",
                kv.type_name()
            )))
        }
    };
    if !in_range {
        return Err(Error::value("Sample larger than population or is negative"));
    }
    match kv {
        PyValue::Float(_) => Err(Error::type_error(
            "can't multiply sequence by non-int of type 'float'",
        )),
        other => Ok(index(other)?.to_usize().expect("k <= n fits")),
    }
}

fn sample_counts(
    r: &mut Random,
    items: &[PyValue],
    counts: &PyValue,
    kv: &PyValue,
) -> Result<PyValue> {
    let counts = match counts {
        PyValue::List(c) | PyValue::Tuple(c) => c.clone(),
        other => {
            return Err(Error::type_error(format!(
                "'{}' object is not iterable",
                other.type_name()
            )))
        }
    };
    let cum = accumulate(&counts)?;
    if cum.len() != items.len() {
        return Err(Error::value(
            "The number of counts does not match the population",
        ));
    }
    let total = match cum.last() {
        Some(Num::Int(t)) => t.clone(),
        Some(Num::Float(_)) => return Err(Error::type_error("Counts must be integers")),
        None => return Err(Error::new(ErrorKind::IndexError, "pop from empty list")),
    };
    if !total.is_positive() {
        return Err(Error::value("Total of counts must be greater than zero"));
    }
    if total > BigInt::from(i64::MAX) {
        // len(range(total)) is a C ssize_t.
        return Err(Error::new(
            ErrorKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        ));
    }
    let ints: Vec<BigInt> = counts
        .iter()
        .map(|c| match Num::of(c) {
            Some(Num::Int(n)) => n,
            _ => BigInt::zero(),
        })
        .collect();
    let k = sample_k(kv, &total)?;
    let idx = r.sample_counts_indices(items.len(), &ints, k)?;
    Ok(PyValue::List(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn choices(
    r: &mut Random,
    items: &[PyValue],
    weights: Option<&PyValue>,
    cum_weights: Option<&PyValue>,
    kv: &PyValue,
) -> Result<PyValue> {
    let n = items.len();
    let as_list = |v: &PyValue| -> Result<Vec<PyValue>> {
        match v {
            PyValue::List(c) | PyValue::Tuple(c) => Ok(c.clone()),
            other => Err(Error::type_error(format!(
                "'{}' object is not iterable",
                other.type_name()
            ))),
        }
    };
    let cum: Vec<Num> =
        match (weights, cum_weights) {
            (None, None) => {
                let nf = n as f64;
                let k = repeat_count(kv)?;
                let mut out = Vec::with_capacity(k);
                for _ in 0..k {
                    let i = (r.random() * nf).floor() as usize;
                    out.push(items.get(i).cloned().ok_or_else(|| {
                        Error::new(ErrorKind::IndexError, "list index out of range")
                    })?);
                }
                return Ok(PyValue::List(out));
            }
            (Some(w), None) => {
                if let PyValue::Int(k) = w {
                    return Err(Error::type_error(format!(
                        "The number of choices must be a keyword argument: k={k}"
                    )));
                }
                accumulate(&as_list(w)?)?
            }
            (None, Some(c)) => as_list(c)?
                .iter()
                .map(|v| {
                    Num::of(v).ok_or_else(|| {
                        Error::type_error(format!(
                            "unsupported operand type(s) for +: '{}' and 'float'",
                            v.type_name()
                        ))
                    })
                })
                .collect::<Result<_>>()?,
            (Some(_), Some(_)) => {
                return Err(Error::type_error(
                    "Cannot specify both weights and cumulative weights",
                ))
            }
        };
    if cum.len() != n {
        return Err(Error::value(
            "The number of weights does not match the population",
        ));
    }
    let Some(last) = cum.last() else {
        return Err(Error::new(ErrorKind::IndexError, "list index out of range"));
    };
    let total = last.to_f64()? + 0.0;
    if total <= 0.0 {
        return Err(Error::value("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(Error::value("Total of weights must be finite"));
    }
    let k = repeat_count(kv)?;
    let idx = r.choices_cum(n, total, k, |mid, x| cum[mid].float_lt(x))?;
    Ok(PyValue::List(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

/// A `setstate` argument as the JSON `PyState::from_json` reads.
fn state_value_to_json(v: &PyValue) -> Result<String> {
    match v {
        PyValue::Tuple(items) | PyValue::List(items) if items.len() == 3 => {
            let version = items[0].to_json();
            let internal = match &items[1] {
                PyValue::Tuple(_) => items[1].to_json(),
                _ => return Err(Error::type_error("state vector must be a tuple")),
            };
            Ok(format!("[{version}, {internal}, {}]", items[2].to_json()))
        }
        PyValue::Tuple(items) | PyValue::List(items) => Err(Error::value(format!(
            "not enough values to unpack (expected 3, got {})",
            items.len()
        ))),
        other => Err(Error::type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
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

fn parse_int_literal(t: &str) -> Option<BigInt> {
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else {
        (10, lower.as_str())
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), radix)?;
    Some(if neg { -n } else { n })
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
    if let Some(n) = parse_int_literal(t) {
        return Ok(Seed::Int(n));
    }
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
        Ok(Expr::Float(x)) => Ok(Seed::Float(x)),
        Ok(Expr::Str(s)) => Ok(Seed::Str(s)),
        Ok(Expr::Bool(b)) => Ok(Seed::Int(BigInt::from(b as u8))),
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
        writeln!(out, "{line}")
            .map_err(|e| Error::new(ErrorKind::IoError, format!("cannot write output: {e}")))?;
    }
    Ok(r.getstate().to_json())
}
