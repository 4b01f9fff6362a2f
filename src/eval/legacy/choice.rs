//! `choice`, `shuffle`, `permutation` and `seed`.

use super::*;
use crate::common::IntBound;

/// Whether `np.asarray` of these leaves is a string array (every element a `np.str_`).
pub(crate) fn is_str_array(leaves: &[&Expr]) -> bool {
    matches!(infer(leaves), Inferred::Str(_))
}

/// Python's `str()` of a scalar literal.
pub(crate) fn py_str(e: &Expr) -> String {
    match e {
        Expr::Str(s) => s.clone(),
        other => py_repr(other),
    }
}

/// `int(x)` of an array element; in a string array every element is a `np.str_`, and
/// in a float64 array (`np.asarray` of ints below and above 2**63 together) every int
/// was first rounded to a double (2**63 + 1 becomes 2.0**63).
pub(crate) fn array_int(e: &Expr, str_array: bool, float_array: bool) -> Result<i128> {
    if float_array {
        if let Expr::Int(v) = e {
            return float_to_int(*v as f64);
        }
    }
    if !str_array {
        return int_leaf(e);
    }
    let s = py_str(e);
    parse_int(&s).ok_or_else(|| {
        Error::value(format!(
            "invalid literal for int() with base 10: np.str_({})",
            str_repr(&s)
        ))
    })
}

/// `np.prod(size, dtype=np.intp)`: elements cast to C long, product wrapping.
pub(crate) fn prod_intp(size: &Expr) -> Result<i128> {
    let (_, leaves) = nd_shape(size)?;
    // The elements are cast to intp one by one from `np.asarray(shape)`'s dtype: a uint64
    // array (non-negative ints, one past int64) wraps, a float64 one (floats, or ints on
    // both sides of int64's top) goes through C's cast, as [2, 2**63] does (to 0).
    let ty = infer(&leaves);
    let str_array = matches!(ty, Inferred::Str(_));
    let mut acc: i64 = 1;
    for l in leaves {
        let v = match l {
            Expr::Int(i) if ty == Inferred::U64 => *i as u64 as i64,
            Expr::Int(i) if ty == Inferred::F64 => crate::legacy::broadcast::c_long(*i as f64),
            Expr::Float(x) if !str_array => crate::legacy::broadcast::c_long(*x),
            other => to_c_long(array_int(other, str_array, false)?)?,
        };
        acc = acc.wrapping_mul(v);
    }
    Ok(acc as i128)
}

/// Bound elements of the 8/16/32-bit and bool array path, compared as numbers by
/// NumPy's `np.less(low, lb)` (`high`: `np.greater(high, ub)`, `np.greater_equal`
/// when `closed`) for the dtype named `dtype`. Elements that are not numbers fail
/// there: a string array has no loop for the ufunc (`UFuncTypeError`, naming the
/// bound's dtype: the target dtype for `lb`, the next wider unsigned one for `ub`), an
/// object array compares element by element (Python's `TypeError`, with `lb` a Python
/// `bool` for the bool dtype).
pub(crate) fn small_bounds(
    leaves: &[&Expr],
    high: bool,
    closed: bool,
    dtype: &str,
) -> Result<Vec<IntBound>> {
    let (op, ufunc) = match (high, closed) {
        (false, _) => ("<", "less"),
        (true, false) => (">", "greater"),
        (true, true) => (">=", "greater_equal"),
    };
    if is_str_array(leaves) {
        let bound = match (high, dtype) {
            (false, "bool") => "BoolDType",
            (false, "int8") => "Int8DType",
            (false, "int16") => "Int16DType",
            (false, "int32") => "Int32DType",
            (false, "uint8") | (true, "bool") => "UInt8DType",
            (false, "uint16") | (true, "int8" | "uint8") => "UInt16DType",
            (false, "uint32") | (true, "int16" | "uint16") => "UInt32DType",
            _ => "UInt64DType",
        };
        return Err(Error::new(
            ErrorKind::UFuncTypeError,
            format!(
                "ufunc '{ufunc}' did not contain a loop with signature matching types \
                 (<class 'numpy.dtypes.StrDType'>, <class 'numpy.dtypes.{bound}'>) -> None"
            ),
        ));
    }
    let scalar = if !high && dtype == "bool" {
        "bool"
    } else {
        "int"
    };
    leaves
        .iter()
        .map(|l| match l {
            Expr::Int(i) => Ok(IntBound::Int(*i)),
            Expr::Bool(b) => Ok(IntBound::Int(*b as i128)),
            Expr::Float(x) => Ok(IntBound::Float(*x)),
            other => Err(Error::type_error(format!(
                "'{op}' not supported between instances of '{}' and '{scalar}'",
                type_name(other)
            ))),
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// choice, shuffle, permutation
// ---------------------------------------------------------------------------------

/// `choice`'s handling of `p`, in NumPy's order.
pub(crate) fn choice_p(p: &Expr, pop: i128) -> Result<Vec<f64>> {
    let (shape, leaves) = match p {
        Expr::List(_) | Expr::Tuple(_) => nd_shape(p)?,
        Expr::Str(s) => {
            return Err(match parse_float(s) {
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
    crate::legacy::check_p(&p, pop)?;
    Ok(p)
}

/// `choice(a, size=None, replace=True, p=None)`.
pub(crate) fn eval_choice(rs: &mut RandomState, call: &Call) -> Result<Value> {
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
        Ok(!size_is_zero(size)?)
    };
    let (ashape, leaves) = nd_shape(a)?;
    let (pop, arr): (i128, Option<Result<Data>>) = if ashape.is_empty() {
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
        (ashape[0] as i128, Some(population_data(&leaves)?))
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
    // randint(0, pop, size=shape) first asks np.prod(size) == 0 (a string size has no
    // `multiply` loop there), then checks its bounds, then np.empty(size).
    if replace && p.is_none() && !size_is_zero(size)? && pop - 1 > i64::MAX as i128 {
        return Err(Error::value("high is out of bounds for int64"));
    }
    let shape = match parse_size(size, Dtype::I64) {
        Ok(s) => s.unwrap_or_default(),
        Err(e) => {
            // Without p, NumPy shuffles the whole population (`permutation(pop)`, an
            // `np.arange`) before it reshapes.
            if !replace && p.is_none() {
                if let Some(pop) = arange_len(pop)? {
                    rs.permutation(pop)?;
                }
            }
            return Err(e);
        }
    };
    let n: usize = shape.iter().product();
    let idx = if replace && p.is_none() {
        // randint(0, pop, size=shape): pop may be 2**63 here.
        refuse_population(&arr)?;
        let mut out = vec![0i64; n];
        rs.randint_into(&mut out, 0, pop)?;
        out
    } else {
        let len = if replace {
            i64::try_from(pop).ok()
        } else {
            arange_len(pop)?
        };
        let Some(pop) = len else {
            // self.permutation(pop_size)[:size]: np.arange refuses 2**64 and more, and is
            // empty from 2**63 (in doubles) on: the reshape to `shape` then takes only a
            // shape of no elements.
            if replace {
                return Err(Error::value("Maximum allowed size exceeded"));
            }
            if n == 0 {
                return Ok(Value::array(Data::I64(Vec::new()), shape));
            }
            return Err(Error::value(format!(
                "cannot reshape array of size 0 into shape {}",
                shape_repr(&shape)
            )));
        };
        refuse_population(&arr)?;
        rs.choice_index_flat(pop, n, replace, p.as_deref())?
    };
    Ok(match arr {
        None if size.is_none() => Value::py_scalar(Data::I64(idx)),
        None => Value::array(Data::I64(idx), shape),
        Some(d) => {
            let d = d?;
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
pub(crate) fn eval_shuffle(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "shuffle", &["x"], 1)?;
    let x = b[0].unwrap_or(&Expr::None);
    match x {
        Expr::List(items) => {
            let mut rows = items.clone();
            rs.shuffle(&mut rows);
            // A ragged list is shuffled as a list of objects; it has no array to show,
            // so the result is NumPy's own `None`.
            if nd_shape(x).is_err() {
                return Ok(Value::none());
            }
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
            if let Expr::Str(_) = x {
                // Nothing to shuffle, and no array to show: NumPy's `None`.
                return Ok(Value::none());
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

/// `np.arange(n)`'s allocation, int64 (its length is computed in doubles, so 2**53 + 1
/// asks for 2**53 elements).
pub(crate) fn check_arange(n: i128) -> Result<()> {
    let len = if n > 0 { n as f64 as i128 } else { 0 };
    check_dims(vec![len], Dtype::I64).map(|_| ())
}

/// `np.arange(n)` of an int, as far as its length goes: NumPy computes the length as
/// `ceil(n)` in doubles and casts it to `npy_intp`. From 2**64 on the length is refused
/// (`Maximum allowed size exceeded`, an error here); from 2**63 the cast overflows (on
/// x86-64 to `INT64_MIN`, a negative length: an empty array, `None`). Below that the
/// array is `n` long (`Some(n)`), its allocation checked as [`check_arange`] does.
pub(crate) fn arange_len(n: i128) -> Result<Option<i64>> {
    let len = n as f64;
    if len.abs() >= 18446744073709551616.0 {
        return Err(Error::value("Maximum allowed size exceeded"));
    }
    if len >= 9223372036854775808.0 {
        return Ok(None);
    }
    check_arange(n)?;
    // Below 2**63 in doubles, so within int64.
    Ok(Some(n as i64))
}

/// `permutation(x)` of an int (or bool) `x`, for both front-ends: `perm(x)` is the
/// shuffled `arange(x)` (int64); `None` when `x` is not an int.
pub(crate) fn permutation_of_int(
    x: &Expr,
    generator: bool,
    perm: impl FnOnce(i64) -> Result<Vec<i64>>,
) -> Option<Result<Value>> {
    let n = match x {
        Expr::Int(i) => *i,
        Expr::Bool(v) => *v as i128,
        _ => return None,
    };
    Some((|| {
        if i64::try_from(n).is_err() {
            // np.arange(x) beyond int64: its length, computed in doubles, is refused
            // from 2**64 on and is otherwise negative, so the array is empty (float64
            // above, object below for Generator; int64 for RandomState).
            if (n as f64).abs() >= 18446744073709551616.0 {
                return Err(Error::value("Maximum allowed size exceeded"));
            }
            return match (generator, n > 0) {
                (false, _) => Ok(Value::array(Data::I64(vec![]), vec![0])),
                (true, true) => Ok(Value::array(Data::F64(vec![]), vec![0])),
                (true, false) => Err(not_impl(
                    "arrays of dtype O (strings or Python objects) are not supported by nprand eval",
                )),
            };
        }
        let Some(n) = arange_len(n)? else {
            // Within int64 but 2**63 as a double: arange's length overflows, so the
            // (int64) array is empty.
            return Ok(Value::array(Data::I64(vec![]), vec![0]));
        };
        let p = perm(n)?;
        let len = p.len();
        Ok(Value::array(Data::I64(p), vec![len]))
    })())
}

/// `permutation(x)`: an int gives a shuffled `arange(x)` (int64); an array-like a
/// shuffled copy (rows for n-d), dtype kept.
pub(crate) fn eval_permutation(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "permutation", &["x"], 1)?;
    let x = b[0].unwrap_or(&Expr::None);
    if let Some(v) = permutation_of_int(x, false, |n| rs.permutation(n)) {
        return v;
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
pub(crate) fn eval_seed(rs: &mut RandomState, call: &Call) -> Result<Value> {
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
