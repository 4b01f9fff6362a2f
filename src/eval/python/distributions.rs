//! The real-valued distributions, `uniform` to `binomialvariate` (3.12).

use super::args::*;
use super::arith;
use crate::error::{Error, ErrorKind, Result};
use crate::eval::py_value::PyValue;
use crate::python::{PyVersion, Random};
use num_traits::ToPrimitive;

/// Calls one of this family's methods (`method` is one of them).
pub(super) fn call(r: &mut Random, method: &str, args: Args, kwargs: Kwargs) -> Result<PyValue> {
    let v312 = r.version() == PyVersion::V3_12;
    let float = |x: f64| Ok(PyValue::Float(x));
    match method {
        "uniform" => {
            let s = bind_args!(args, kwargs; "uniform", &["a", "b"], 2);
            float(arith::uniform(r, arg(&s[0]), arg(&s[1]))?)
        }
        "triangular" => {
            let s = bind_args!(args, kwargs; "triangular", &["low", "high", "mode"], 0);
            let (zero, one) = (PyValue::Float(0.0), PyValue::Float(1.0));
            let low = s[0].as_ref().unwrap_or(&zero);
            let high = s[1].as_ref().unwrap_or(&one);
            let mode = s[2].as_ref().filter(|v| !matches!(v, PyValue::None));
            match arith::triangular(r, low, high, mode)? {
                Some(x) => float(x),
                None => Ok(low.clone()),
            }
        }
        "normalvariate" | "gauss" | "lognormvariate" => {
            let req = if method == "lognormvariate" { 2 } else { 0 };
            let s = bind(&sig(name(method), &["mu", "sigma"], req, &[]), args, kwargs)?;
            let (zero, one) = (PyValue::Float(0.0), PyValue::Float(1.0));
            let mu = s[0].as_ref().unwrap_or(&zero);
            let sigma = s[1].as_ref().unwrap_or(&one);
            let (Some(m), Some(sd)) = (num(mu), num(sigma)) else {
                // `mu + z * sigma` after the draws: sigma's operator fails first.
                let z = match method {
                    "gauss" => r.gauss(0.0, 1.0),
                    _ => r.normalvariate(0.0, 1.0),
                };
                let zs = arith::mul_float(sigma, z, false)?;
                return Err(arith::add_float(mu, zs).expect_err("mu is not a number"));
            };
            match method {
                "gauss" => float(r.gauss(m, sd)),
                "normalvariate" => float(r.normalvariate(m, sd)),
                _ => float(r.lognormvariate(m, sd)?),
            }
        }
        "expovariate" | "paretovariate" => {
            let (pname, req, default) = match method {
                "expovariate" => ("lambd", usize::from(!v312), 1.0),
                _ => ("alpha", 1, 1.0),
            };
            let params: &'static [&'static str] = if pname == "lambd" {
                &["lambd"]
            } else {
                &["alpha"]
            };
            let s = bind(&sig(name(method), params, req, &[]), args, kwargs)?;
            let p = s[0].clone().unwrap_or(PyValue::Float(default));
            let Some(x) = num(&p) else {
                // `-log(1.0 - random()) / lambd`, `u ** (-1.0 / alpha)`: one draw first.
                r.random();
                return Err(arith::float_div(1.0, &p).expect_err("not a number"));
            };
            match method {
                "expovariate" => float(r.expovariate(x)?),
                _ => float(r.paretovariate(x)?),
            }
        }
        "vonmisesvariate" => {
            let s = bind_args!(args, kwargs; "vonmisesvariate", &["mu", "kappa"], 2);
            let (mu, kappa) = (arg(&s[0]), arg(&s[1]));
            let k = arith::comparable(kappa, "<=")?.to_f64()?;
            match num(mu) {
                Some(m) => float(r.vonmisesvariate(m, k)?),
                None if k <= 1e-6 => float(r.vonmisesvariate(0.0, k)?),
                None => {
                    // `(mu + acos(f)) % TWOPI` when the last draw u3 > 0.5, else
                    // `(mu - acos(f)) % TWOPI`: the operator whose TypeError CPython
                    // raises is the draws' (not readable from a result: with a large
                    // kappa, acos(f) is 0 and both give 0.0).
                    let (acos_f, plus) = r.vonmises_turn(k)?;
                    if plus {
                        Err(arith::add_float(mu, acos_f).expect_err("not a number"))
                    } else {
                        Err(arith::sub(mu, &PyValue::Float(acos_f)).expect_err("not a number"))
                    }
                }
            }
        }
        "gammavariate" => {
            let s = bind_args!(args, kwargs; "gammavariate", &["alpha", "beta"], 2);
            let alpha = arith::comparable(arg(&s[0]), "<=")?.to_f64()?;
            if alpha <= 0.0 {
                return Err(Error::value("gammavariate: alpha and beta must be > 0.0"));
            }
            let beta = arith::comparable(arg(&s[1]), "<=")?.to_f64()?;
            float(r.gammavariate(alpha, beta)?)
        }
        "betavariate" => {
            let s = bind_args!(args, kwargs; "betavariate", &["alpha", "beta"], 2);
            let alpha = arith::comparable(arg(&s[0]), "<=")?.to_f64()?;
            match num(arg(&s[1])) {
                Some(beta) => float(r.betavariate(alpha, beta)?),
                None => {
                    // gammavariate(beta, 1.0) runs only when the first draw is nonzero.
                    if r.gammavariate(alpha, 1.0)? == 0.0 {
                        return float(0.0);
                    }
                    Err(arith::comparable(arg(&s[1]), "<=").expect_err("not a number"))
                }
            }
        }
        "weibullvariate" => {
            let s = bind_args!(args, kwargs; "weibullvariate", &["alpha", "beta"], 2);
            let (alpha, beta) = (arg(&s[0]), arg(&s[1]));
            // `alpha * (-log(u)) ** (1.0 / beta)`: the draw, beta, then alpha.
            let Some(b) = num(beta) else {
                r.random();
                return Err(arith::float_div(1.0, beta).expect_err("not a number"));
            };
            match num(alpha) {
                Some(a) => float(r.weibullvariate(a, b)?),
                None => {
                    let w = r.weibullvariate(1.0, b)?;
                    Err(arith::mul_float(alpha, w, true).expect_err("not a number"))
                }
            }
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

/// A bound required argument.
fn arg(slot: &Option<PyValue>) -> &PyValue {
    slot.as_ref().expect("bound")
}

/// A number argument as the float Python's operators convert it to; `None` for a value
/// that is not a number (its operator raises later, at the point CPython reaches it).
fn num(v: &PyValue) -> Option<f64> {
    float_arg(v).ok()
}

/// The method's name with a static lifetime for its signature.
fn name(method: &str) -> &'static str {
    match method {
        "normalvariate" => "normalvariate",
        "gauss" => "gauss",
        "lognormvariate" => "lognormvariate",
        "expovariate" => "expovariate",
        _ => "paretovariate",
    }
}
