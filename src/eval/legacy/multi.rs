//! The methods whose output gains a trailing dimension, `size + (k,)`: `dirichlet`,
//! `multinomial` and `multivariate_normal` (NumPy's own argument handling for each).

use super::{bind, float_leaf, nd_shape, opt, type_name, Call, Dtype, Expr};
use crate::error::{Error, ErrorKind, Result};
use crate::eval::value::{Data, Value};
use crate::legacy::RandomState;

/// `size + (k,)` as NumPy builds it: `(k,)` for None, `(size, k)` for an int, else
/// `tuple(size) + (k,)` (`list(size[:])` for multivariate_normal: `sliced`), whose
/// TypeError a float size gets; then `np.zeros(shape)`'s checks of the whole shape
/// (its dimension count first: a `size` of 64 entries is 65 dimensions).
pub(crate) fn shape_with(
    size: Option<&Expr>,
    k: usize,
    dtype: Dtype,
    sliced: bool,
) -> Result<Vec<usize>> {
    let mut dims = index_or_tuple(size, sliced, 1)?.unwrap_or_default();
    dims.push(k as i128);
    super::check_dims(dims, dtype)
}

/// `(operator.index(size),)` if that works, else `tuple(size)` (`list(size[:])` when
/// `sliced`), as dimensions, for a shape of `extra` more; `None` stays `None`.
fn index_or_tuple(size: Option<&Expr>, sliced: bool, extra: usize) -> Result<Option<Vec<i128>>> {
    match size {
        // operator.index(True) is 1.
        Some(Expr::Bool(v)) => Ok(Some(vec![*v as i128])),
        Some(e @ (Expr::Float(_) | Expr::Name(_))) => {
            let t = if matches!(e, Expr::Float(_)) {
                "float"
            } else {
                "type"
            };
            Err(Error::type_error(if sliced {
                format!("'{t}' object is unsliceable")
            } else {
                format!("'{t}' object is not iterable")
            }))
        }
        _ => super::parse_dims_with(size, extra),
    }
}

/// `PyArray_FROMANY(x, NPY_DOUBLE, 1, 1)`: a 1-d float64 array, NumPy's errors otherwise.
pub(crate) fn one_d_floats(e: &Expr) -> Result<Vec<f64>> {
    match e {
        // The discovery stops at the first nested sequence, ragged or not.
        Expr::List(items) | Expr::Tuple(items)
            if items.iter().any(|x| matches!(x, Expr::List(_) | Expr::Tuple(_))) =>
        {
            Err(Error::value(
                "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.",
            ))
        }
        Expr::List(items) | Expr::Tuple(items) => items.iter().map(float_leaf).collect(),
        _ => Err(Error::value("object of too small depth for desired array")),
    }
}

/// `rs.dirichlet(alpha, size=None)`.
pub(super) fn eval_dirichlet(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "dirichlet", &["alpha", "size"], 1)?;
    let alpha_e = b[0].expect("required");
    // k = len(alpha) comes first.
    if !matches!(alpha_e, Expr::List(_) | Expr::Tuple(_) | Expr::Str(_)) {
        return Err(Error::type_error(format!(
            "object of type '{}' has no len()",
            type_name(alpha_e)
        )));
    }
    let alpha = one_d_floats(alpha_e)?;
    if alpha.iter().any(|&a| a <= 0.0) {
        return Err(Error::value("alpha <= 0"));
    }
    let shape = shape_with(opt(b[1]), alpha.len(), Dtype::F64, false)?;
    let mut out = vec![0.0; shape.iter().product()];
    rs.dirichlet_into(&mut out, &alpha)?;
    Ok(Value::array(Data::F64(out), shape))
}

/// `rs.multinomial(n, pvals, size=None)`.
pub(super) fn eval_multinomial(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(call, "multinomial", &["n", "pvals", "size"], 2)?;
    // Cython's `long n`: ints (and floats, truncated) must fit a C long.
    let n: i64 = match b[0].expect("required") {
        Expr::Int(i) => i64::try_from(*i).map_err(|_| {
            Error::new(
                ErrorKind::OverflowError,
                "Python int too large to convert to C long",
            )
        })?,
        Expr::Bool(v) => *v as i64,
        Expr::Float(x) => {
            let t = super::float_to_int(*x)?;
            i64::try_from(t).map_err(|_| {
                Error::new(
                    ErrorKind::OverflowError,
                    "Python int too large to convert to C long",
                )
            })?
        }
        // `long n` takes only numbers; Cython's message for anything else (a numeric
        // string included: no `int(str)` parse here).
        _ => return Err(Error::type_error("an integer is required")),
    };
    let pvals_e = b[1].expect("required");
    if !matches!(pvals_e, Expr::List(_) | Expr::Tuple(_)) {
        // PyArray_FROMANY converts (and may fail to) before it checks the depth.
        float_leaf(pvals_e)?;
        return Err(Error::type_error("pvals must be a 1-d sequence"));
    }
    let pvals = one_d_floats(pvals_e)?;
    // NumPy checks `pvals` before it reads `size` (and `n` after it).
    RandomState::check_multinomial_pvals(&pvals)?;
    let shape = shape_with(opt(b[2]), pvals.len(), Dtype::I64, false)?;
    let mut out = vec![0i64; shape.iter().product()];
    rs.multinomial_into(&mut out, n, &pvals)?;
    Ok(Value::array(Data::I64(out), shape))
}

/// The shape checks both `multivariate_normal`s (legacy and `Generator`) make on the
/// literal `mean` and `cov`, in NumPy's order and words; returns the order `n` and the
/// leaves of `mean` and `cov` (C order).
pub(crate) fn mvn_operands<'a>(
    mean: &'a Expr,
    cov: &'a Expr,
) -> Result<(usize, Vec<&'a Expr>, Vec<&'a Expr>)> {
    let (mshape, mleaves) = nd_shape(mean)?;
    let (cshape, cleaves) = nd_shape(cov)?;
    if mshape.len() != 1 {
        return Err(Error::value("mean must be 1 dimensional"));
    }
    if cshape.len() != 2 || cshape[0] != cshape[1] {
        return Err(Error::value("cov must be 2 dimensional and square"));
    }
    if mshape[0] != cshape[0] {
        return Err(Error::value("mean and cov must have same length"));
    }
    Ok((mshape[0], mleaves, cleaves))
}

/// `rs.multivariate_normal(mean, cov, size=None, check_valid='warn', tol=1e-8)`.
pub(super) fn eval_multivariate_normal(rs: &mut RandomState, call: &Call) -> Result<Value> {
    let b = bind(
        call,
        "multivariate_normal",
        &["mean", "cov", "size", "check_valid", "tol"],
        2,
    )?;
    let (n, mleaves, cleaves) = mvn_operands(b[0].expect("required"), b[1].expect("required"))?;
    let mean: Vec<f64> = mleaves
        .iter()
        .map(|l| float_leaf(l))
        .collect::<Result<_>>()?;
    let cov: Vec<f64> = cleaves
        .iter()
        .map(|l| float_leaf(l))
        .collect::<Result<_>>()?;
    let shape = shape_with(opt(b[2]), mean.len(), Dtype::F64, true)?;
    let rows: usize = shape[..shape.len() - 1].iter().product();
    let check_valid = match b[3] {
        None => "warn".to_string(),
        Some(Expr::Str(s)) => s.clone(),
        // Any other object simply fails NumPy's string comparisons.
        Some(other) => super::py_repr(other),
    };
    let tol = match b[4] {
        None => 1e-8,
        Some(e) => float_leaf(e)?,
    };
    let out = rs.multivariate_normal_str(&mean, &cov, (n, n), rows, &check_valid, tol)?;
    if let Some(w) = out.warning {
        // NumPy's RuntimeWarning goes to stderr; the values are still returned.
        eprintln!("RuntimeWarning: {w}");
    }
    Ok(Value::array(Data::F64(out.values), shape))
}
