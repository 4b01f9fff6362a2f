//! The real-valued distributions, `uniform` to `binomialvariate` (3.12).

use super::args::*;
use crate::error::{Error, ErrorKind, Result};
use crate::eval::py_value::PyValue;
use crate::python::{PyVersion, Random};
use num_traits::ToPrimitive;

/// Calls one of this family's methods (`method` is one of them).
pub(super) fn call(
    r: &mut Random,
    method: &str,
    args: Vec<PyValue>,
    kwargs: Vec<(String, PyValue)>,
) -> Result<PyValue> {
    let v312 = r.version() == PyVersion::V3_12;
    let float = |x: f64| Ok(PyValue::Float(x));
    match method {
        "uniform" => {
            let s = bind_args!(args, kwargs; "uniform", &["a", "b"], 2);
            float(r.uniform(f!(s[0]), f!(s[1])))
        }
        "triangular" => {
            let s = bind_args!(args, kwargs; "triangular", &["low", "high", "mode"], 0);
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
            let s = bind_args!(args, kwargs; "normalvariate", &["mu", "sigma"], 0);
            float(r.normalvariate(f!(s[0], 0.0), f!(s[1], 1.0)))
        }
        "gauss" => {
            let s = bind_args!(args, kwargs; "gauss", &["mu", "sigma"], 0);
            float(r.gauss(f!(s[0], 0.0), f!(s[1], 1.0)))
        }
        "lognormvariate" => {
            let s = bind_args!(args, kwargs; "lognormvariate", &["mu", "sigma"], 2);
            float(r.lognormvariate(f!(s[0]), f!(s[1]))?)
        }
        "expovariate" => {
            let s = if v312 {
                bind_args!(args, kwargs; "expovariate", &["lambd"], 0)
            } else {
                bind_args!(args, kwargs; "expovariate", &["lambd"], 1)
            };
            float(r.expovariate(f!(s[0], 1.0))?)
        }
        "vonmisesvariate" => {
            let s = bind_args!(args, kwargs; "vonmisesvariate", &["mu", "kappa"], 2);
            float(r.vonmisesvariate(f!(s[0]), f!(s[1]))?)
        }
        "gammavariate" => {
            let s = bind_args!(args, kwargs; "gammavariate", &["alpha", "beta"], 2);
            float(r.gammavariate(f!(s[0]), f!(s[1]))?)
        }
        "betavariate" => {
            let s = bind_args!(args, kwargs; "betavariate", &["alpha", "beta"], 2);
            float(r.betavariate(f!(s[0]), f!(s[1]))?)
        }
        "paretovariate" => {
            let s = bind_args!(args, kwargs; "paretovariate", &["alpha"], 1);
            float(r.paretovariate(f!(s[0]))?)
        }
        "weibullvariate" => {
            let s = bind_args!(args, kwargs; "weibullvariate", &["alpha", "beta"], 2);
            float(r.weibullvariate(f!(s[0]), f!(s[1]))?)
        }
        "binomialvariate" => {
            let s = bind_args!(args, kwargs; "binomialvariate", &["n", "p"], 0);
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
        other => Err(no_attribute(other)),
    }
}
