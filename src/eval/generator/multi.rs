//! `multinomial`, `multivariate_hypergeometric`, `dirichlet` and
//! `multivariate_normal`.

use super::*;
use crate::generator::multinomial;

/// `size=` for the methods that append a dimension: `(size, k)` or `tuple(size) + (k,)`.
pub(crate) fn rows_shape(size: Option<&Expr>, k: usize, dtype: Dtype) -> Result<Vec<usize>> {
    crate::eval::legacy::shape_with(size, k, dtype, false)
}

pub(crate) fn eval_multinomial<B: BitGenerator>(
    g: &mut Generator<B>,
    call: &Call,
) -> Result<Value> {
    let b = bind(call, "multinomial", &["n", "pvals", "size"], 2)?;
    let (n_arr, _) = convert_param(b[0].unwrap_or(&Expr::None), PKind::I64)?;
    let (p_arr, _) = convert_param(b[1].unwrap_or(&Expr::None), PKind::F64)?;
    let ndim = p_arr.ndim();
    let pvals: Vec<f64> = p_arr.data.iter().map(|x| x.f()).collect();
    let d = multinomial::multinomial_checks(&pvals, &p_arr.shape)?;
    let size = opt(b[2]);
    if n_arr.ndim() != 0 || ndim > 1 {
        let n: Vec<i64> = n_arr.data.iter().map(|x| x.i()).collect();
        let nv: Vec<f64> = n.iter().map(|&x| x as f64).collect();
        broadcast::GCons::NonNegative.check_array(&nv, "n")?;
        // `np.empty(size, dtype=np.int8)`, broadcast against the parameters.
        let size = crate::eval::legacy::parse_dims(size)?
            .map(|d| check_dims(d, Dtype::new("int8", 1)))
            .transpose()?;
        let out: &[usize] = size.as_deref().unwrap_or(&[]);
        let off_shape = &p_arr.shape[..ndim - 1];
        crate::eval::pysem::check_iter_dims(&[&n_arr.shape, off_shape, out])?;
        let it_shape = multinomial::multinomial_broadcast_shape(
            &n,
            &n_arr.shape,
            &p_arr.shape,
            size.as_deref(),
        )?;
        let mut shape = it_shape.clone();
        shape.push(d);
        check_cap(&shape)?;
        let out = g.multinomial_broadcast(&n, &n_arr.shape, &pvals, &p_arr.shape, &it_shape)?;
        return Ok(Value::array(Data::I64(out.data), shape));
    }
    let shape = rows_shape(size, d, Dtype::I64)?;
    let n = n_arr.data[0].i();
    let out = g.multinomial(n, &pvals, Some(&shape[..shape.len() - 1]))?;
    Ok(Value::array(Data::I64(out.data), shape))
}

pub(crate) fn eval_mvhg<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(
        call,
        "multivariate_hypergeometric",
        &["colors", "nsample", "size", "method"],
        2,
    )?;
    let method = match b[3] {
        None => MvhgMethod::Marginals,
        Some(Expr::Str(s)) => s.parse()?,
        Some(_) => return Err(Error::value("method must be \"count\" or \"marginals\".")),
    };
    let nsample = match b[1] {
        Some(Expr::Int(i)) => *i,
        Some(Expr::Bool(v)) => *v as i128,
        _ => return Err(Error::value("nsample must be an integer")),
    };
    if nsample < 0 {
        return Err(Error::value("nsample must be nonnegative."));
    }
    if nsample > i64::MAX as i128 {
        return Err(Error::value("nsample must not exceed 9223372036854775807"));
    }
    let bad_colors = || {
        Error::value(
            "colors must be a one-dimensional sequence of nonnegative integers not exceeding 9223372036854775807.",
        )
    };
    let colors_e = b[0].unwrap_or(&Expr::None);
    let (cshape, leaves) = nd_shape(colors_e).map_err(|_| bad_colors())?;
    if cshape.len() != 1 {
        return Err(bad_colors());
    }
    let mut colors = Vec::with_capacity(leaves.len());
    for l in &leaves {
        match l {
            Expr::Int(i) if (0..=i64::MAX as i128).contains(i) => colors.push(*i as i64),
            Expr::Bool(v) => colors.push(*v as i64),
            _ => return Err(bad_colors()),
        }
    }
    // NumPy checks everything before it reads `size` (no draws for zero rows).
    g.multivariate_hypergeometric(&colors, nsample as i64, Some(&[0]), method)?;
    // `(size, k)` when np.isscalar(size) (so np.zeros reads a bool or a float as a
    // dimension and refuses it), else `tuple(size) + (k,)`.
    let k = colors.len();
    let shape = match opt(b[2]) {
        Some(e @ (Expr::Int(_) | Expr::Float(_) | Expr::Bool(_) | Expr::Str(_))) => {
            let dims = Expr::Tuple(vec![e.clone(), Expr::Int(k as i128)]);
            parse_size_as(Some(&dims), Dtype::I64)?.expect("a tuple")
        }
        size => rows_shape(size, k, Dtype::I64)?,
    };
    let size = Some(&shape[..shape.len() - 1]);
    let out = g.multivariate_hypergeometric(&colors, nsample as i64, size, method)?;
    Ok(Value::array(Data::I64(out.data), shape))
}

pub(crate) fn eval_dirichlet<B: BitGenerator>(g: &mut Generator<B>, call: &Call) -> Result<Value> {
    let b = bind(call, "dirichlet", &["alpha", "size"], 1)?;
    let alpha_e = b[0].unwrap_or(&Expr::None);
    // k = len(alpha), then PyArray_FROMANY(alpha, NPY_DOUBLE, 1, 1).
    if !matches!(alpha_e, Expr::List(_) | Expr::Tuple(_) | Expr::Str(_)) {
        return Err(Error::type_error(format!(
            "object of type '{}' has no len()",
            type_name(alpha_e)
        )));
    }
    let alpha = crate::eval::legacy::one_d_floats(alpha_e)?;
    g.dirichlet(&alpha, Some(&[0]))?; // `alpha < 0` comes before `size`
    let shape = rows_shape(opt(b[1]), alpha.len(), Dtype::F64)?;
    let out = g.dirichlet(&alpha, Some(&shape[..shape.len() - 1]))?;
    Ok(Value::array(Data::F64(out.data), shape))
}

/// `rng.multivariate_normal(mean, cov, size=None, check_valid='warn', tol=1e-8, *,
/// method='svd')`, with NumPy's order of checks: `method`; `np.array(mean)`, `np.array(cov)`;
/// the dimensions; `size` (`list(size[:]) + [n]`, so a float size is "unsliceable"); the
/// draws; `cov.astype(double)`; the factorisation; `check_valid` and `tol`.
pub(crate) fn eval_multivariate_normal<B: BitGenerator>(
    g: &mut Generator<B>,
    call: &Call,
) -> Result<Value> {
    use crate::generator::{CheckValid, MvnMethod};
    const NAMES: &[&str] = &["mean", "cov", "size", "check_valid", "tol", "method"];
    // `method` is keyword-only.
    let b = bind_kw(call, "multivariate_normal", NAMES, 2, 5)?;
    let method: MvnMethod = match b[5] {
        None => MvnMethod::Svd,
        Some(Expr::Str(s)) => s.parse()?,
        // Cython compiles `method not in {...}` to equality tests: any other object fails.
        Some(_) => {
            return Err(Error::value(
                "method must be one of {'eigh', 'svd', 'cholesky'}",
            ))
        }
    };
    let (n, mleaves, cleaves) =
        mvn_operands(b[0].unwrap_or(&Expr::None), b[1].unwrap_or(&Expr::None))?;
    let mean = mleaves
        .iter()
        .map(|l| match l {
            Expr::Int(_) | Expr::Float(_) | Expr::Bool(_) => float_leaf(l),
            // A str or object `mean` fails only at `mean + x @ _factor.T`, after the draws.
            _ => Err(not_impl(
                "multivariate_normal: nprand eval takes only numbers in `mean`",
            )),
        })
        .collect::<Result<Vec<f64>>>()?;
    // final_shape = list(shape[:]) + [n], with `shape = [size]` for an int (or bool).
    let mut dims: Vec<Expr> = match opt(b[2]) {
        None => Vec::new(),
        Some(e @ (Expr::Int(_) | Expr::Bool(_))) => vec![e.clone()],
        Some(Expr::Tuple(v) | Expr::List(v)) => v.clone(),
        Some(Expr::Str(t)) => t.chars().map(|c| Expr::Str(c.to_string())).collect(),
        Some(Expr::Float(_)) => return Err(Error::type_error("'float' object is unsliceable")),
        Some(_) => return Err(not_impl("multivariate_normal: unsupported size")),
    };
    dims.push(Expr::Int(n as i128));
    let shape = parse_size(Some(&Expr::List(dims)))?.expect("a shape");
    let rows: usize = shape[..shape.len() - 1].iter().product();
    // cov.astype(np.double) runs after the draws: a string that is not a float (or an
    // object such as None) raises there.
    let cov: Result<Vec<f64>> = cleaves
        .iter()
        .map(|l| match l {
            Expr::Int(_) | Expr::Float(_) | Expr::Bool(_) => float_leaf(l),
            Expr::Str(t) if !cleaves.iter().any(|x| matches!(x, Expr::Bool(_))) => float_leaf(l)
                .map_err(|_| {
                    Error::value(format!(
                        "could not convert string to float: np.str_({})",
                        str_repr(t)
                    ))
                }),
            // An object array: astype(np.double) turns None into NaN.
            Expr::None => Ok(f64::NAN),
            _ => Err(not_impl(
                "multivariate_normal: nprand eval takes only numbers in `cov`",
            )),
        })
        .collect();
    let cov = match cov {
        Ok(c) => c,
        Err(e) if e.kind() == ErrorKind::NotImplementedError => return Err(e),
        Err(e) => {
            let mut x = vec![0.0; rows * n];
            g.standard_normal_into(&mut x);
            return Err(e);
        }
    };
    // Anything but the three strings fails NumPy's `!= 'warn' and != 'raise'` test.
    let check_valid: Result<CheckValid> = match b[3] {
        None => Ok(CheckValid::Warn),
        Some(Expr::Str(s)) => s.parse(),
        Some(_) => Err(Error::value(
            "check_valid must equal 'warn', 'raise', or 'ignore'",
        )),
    };
    // tol is used only by the PSD test, where a non-number fails in NumPy's own way.
    let tol: Result<f64> = match b[4] {
        None => Ok(1e-8),
        Some(e @ (Expr::Int(_) | Expr::Float(_) | Expr::Bool(_))) => float_leaf(e),
        Some(e @ (Expr::None | Expr::Str(_))) => Err(if method == MvnMethod::Eigh {
            // `s < -tol`
            Error::type_error(format!("bad operand type for unary -: '{}'", type_name(e)))
        } else {
            // np.allclose(..., rtol=tol, atol=tol)
            Error::type_error(
                "ufunc 'isfinite' not supported for the input types, and the inputs could not \
                 be safely coerced to any supported types according to the casting rule ''safe''",
            )
        }),
        Some(_) => return Err(not_impl("multivariate_normal: tol must be a number")),
    };
    let out = g.mvn_impl(&mean, &cov, (n, n), rows, check_valid, tol, method)?;
    if let Some(w) = out.warning {
        // NumPy's RuntimeWarning goes to stderr; the values are still returned.
        eprintln!("RuntimeWarning: {w}");
    }
    Ok(Value::array(Data::F64(out.values), shape))
}
