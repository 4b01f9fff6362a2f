//! The generator's own methods: `random`, `getrandbits`, `randbytes`, `seed`,
//! `getstate`, `setstate`.

use super::args::*;
use crate::error::{Error, ErrorKind, Result};
use crate::eval::py_value::PyValue;
use crate::python::{PyState, Random, Seed};
use num_bigint::BigInt;
use num_traits::One;

/// CPython's `TypeError` for a seed of another type (a list, a tuple).
pub(super) const BAD_SEED_TYPE: &str =
    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.";

/// Calls one of this family's methods (`method` is one of them).
pub(super) fn call(r: &mut Random, method: &str, args: Args, kwargs: Kwargs) -> Result<PyValue> {
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
            let s = bind_args!(args, kwargs; "randbytes", &["n"], 1);
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
            Ok(PyValue::Bytes(r.randbytes((bits / 8) as usize)?))
        }
        "seed" => {
            let s = bind_args!(args, kwargs; "seed", &["a", "version"], 0);
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
                Some(_) => return Err(Error::type_error(BAD_SEED_TYPE)),
            };
            r.seed(seed);
            Ok(PyValue::None)
        }
        "getstate" => {
            bind_args!(args, kwargs; "getstate", &[], 0);
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
            let s = bind_args!(args, kwargs; "setstate", &["state"], 1);
            let state = s[0].as_ref().expect("bound");
            let json = state_value_to_json(state)?;
            let st = PyState::from_json(&json)?;
            r.setstate(&st)?;
            Ok(PyValue::None)
        }
        other => Err(no_attribute(other)),
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
