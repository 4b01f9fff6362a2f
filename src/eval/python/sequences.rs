//! Integers and sequences: `randrange`, `randint`, `choice`, `shuffle`, `sample`,
//! `choices`.

use super::args::*;
use super::arith;
use crate::error::{Error, ErrorKind, Result};
use crate::eval::py_value::PyValue;
use crate::python::sequences::{both_weights, last_cum_weight};
use crate::python::Random;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

/// Calls one of this family's methods (`method` is one of them).
pub(super) fn call(r: &mut Random, method: &str, args: Args, kwargs: Kwargs) -> Result<PyValue> {
    match method {
        "randrange" => {
            let s = bind_args!(args, kwargs; "randrange", &["start", "stop", "step"], 1);
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
            let s = bind_args!(args, kwargs; "randint", &["a", "b"], 2);
            let a = s[0].as_ref().expect("bound");
            let b = s[1].as_ref().expect("bound");
            // b + 1 first (a float b stays a float), then randrange(a, b + 1).
            let b1 = match b {
                PyValue::Int(n) => PyValue::Int(n + 1),
                PyValue::Bool(x) => PyValue::Int(BigInt::from(*x as u8 + 1)),
                PyValue::Float(x) => PyValue::Float(x + 1.0),
                other => {
                    return Err(arith::py_add(other, &PyValue::Int(BigInt::one()))
                        .expect_err("not a number"))
                }
            };
            let version = r.version();
            let start = randrange_int(a, "arg 1", version)?;
            let stop = randrange_int(&b1, "stop", version)?;
            Ok(PyValue::Int(r.randrange_big(&start, Some(&stop), None)?))
        }
        "choice" => {
            let s = bind_args!(args, kwargs; "choice", &["seq"], 1);
            let items = seq_items(s[0].as_ref().expect("bound"))?;
            Ok(r.choice(&items)?.clone())
        }
        "shuffle" => {
            let s = bind_args!(args, kwargs; "shuffle", &["x"], 1);
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
            let s = bind_args!(args, kwargs; "sample", &["population", "k"], 2, &["counts"]);
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
            let s = bind_args!(args, kwargs;
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
        other => Err(no_attribute(other)),
    }
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
        other => list_len(index(other)?.to_u64().expect("0 <= k <= n fits")),
    }
}

fn sample_counts(
    r: &mut Random,
    items: &[PyValue],
    counts: &PyValue,
    kv: &PyValue,
) -> Result<PyValue> {
    let mut cum = arith::accumulate(counts)?;
    if cum.len() != items.len() {
        return Err(Error::value(
            "The number of counts does not match the population",
        ));
    }
    let total = match cum.pop() {
        Some(PyValue::Int(t)) => t,
        Some(PyValue::Bool(b)) => BigInt::from(b as u8),
        Some(_) => return Err(Error::type_error("Counts must be integers")),
        None => return Err(Error::new(ErrorKind::IndexError, "pop from empty list")),
    };
    if !total.is_positive() {
        return Err(Error::value("Total of counts must be greater than zero"));
    }
    if total > BigInt::from(i64::MAX) {
        // len(range(total)) is a C ssize_t.
        return Err(crate::python::sequences::ssize_overflow());
    }
    let counts = super::args::seq_items(counts)?;
    let ints: Vec<BigInt> = counts
        .iter()
        .map(|c| match Num::of(c) {
            Some(Num::Int(n)) => n,
            _ => BigInt::zero(),
        })
        .collect();
    let k = sample_k(kv, &total)?;
    // sample(range(total), k) copies the range into a list when it is no larger than a
    // k-item set (`n <= setsize`): that list counts against the limit too.
    let pool = crate::python::sequences::sample_setsize(k).is_none_or(|s| total <= BigInt::from(s));
    if pool {
        list_len(total.to_u64().unwrap_or(u64::MAX))?;
    }
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
    let cum: Vec<PyValue> =
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
            (Some(w), None) => match arith::accumulate(w) {
                Err(_) if matches!(w, PyValue::Int(_) | PyValue::Bool(_)) => {
                    return Err(Error::type_error(format!(
                        "The number of choices must be a keyword argument: k={}",
                        w.repr()
                    )));
                }
                other => other?,
            },
            // len(cum_weights) first: any sized value passes.
            (None, Some(c)) => super::args::seq_items(c)?,
            (Some(_), Some(_)) => return Err(both_weights()),
        };
    let last = last_cum_weight(&cum, n)?;
    let total = arith::add_float(last, 0.0)?;
    if total <= 0.0 {
        return Err(Error::value("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(Error::value("Total of weights must be finite"));
    }
    let cum: Vec<Num> = cum
        .iter()
        .map(|v| {
            Num::of(v).ok_or_else(|| {
                Error::type_error(format!(
                    "'<' not supported between instances of 'float' and '{}'",
                    v.type_name()
                ))
            })
        })
        .collect::<Result<_>>()?;
    let k = repeat_count(kv)?;
    let idx = r.choices_cum(n, total, k, |mid, x| cum[mid].float_lt(x))?;
    Ok(PyValue::List(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}
