//! The pieces both `multivariate_normal`s share (NumPy's `mtrand.pyx` and
//! `_generator.pyx` run the same Python around their different factorisations): the
//! `check_valid` option, the output, the shape and size checks, the PSD test and
//! `mean + x @ F.T`.

use super::alloc;
use crate::error::{Error, Result};
use crate::linalg::blas::row_times;
pub(crate) use crate::linalg::blas::OneRow;

/// NumPy's `check_valid` argument of `multivariate_normal`.
///
/// ```
/// use nprand::legacy::CheckValid;
/// assert_eq!("raise".parse::<CheckValid>().unwrap(), CheckValid::Raise);
/// let err = "Warn".parse::<CheckValid>().unwrap_err();
/// assert_eq!(err.message(), "check_valid must equal 'warn', 'raise', or 'ignore'");
/// assert_eq!(CheckValid::default(), CheckValid::Warn);
/// assert_eq!(CheckValid::Ignore.to_string(), "ignore");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CheckValid {
    /// `'warn'` (NumPy's default): a RuntimeWarning when `cov` is not PSD.
    #[default]
    Warn,
    /// `'raise'`: `ValueError("covariance is not symmetric positive-semidefinite.")`.
    Raise,
    /// `'ignore'`: no check at all.
    Ignore,
}

/// NumPy's message for a `check_valid` other than the three accepted strings.
pub(crate) const CHECK_VALID_MESSAGE: &str = "check_valid must equal 'warn', 'raise', or 'ignore'";

/// NumPy's message (warning text or ValueError) for a covariance that fails the PSD test.
pub(crate) const NOT_PSD_MESSAGE: &str = "covariance is not symmetric positive-semidefinite.";

numpy_str_enum! {
    /// The string NumPy takes for this value.
    ///
    /// ```
    /// assert_eq!(nprand::legacy::CheckValid::Raise.as_str(), "raise");
    /// ```
    CheckValid, CHECK_VALID_MESSAGE, { Warn => "warn", Raise => "raise", Ignore => "ignore" }
}

/// The result of `multivariate_normal` (`RandomState`'s and `Generator`'s).
#[derive(Debug, Clone, PartialEq)]
pub struct MvnOutput {
    /// `rows × n` values in C order (NumPy's `x.reshape(-1, n)`); the caller reshapes to
    /// `size + (n,)`.
    pub values: Vec<f64>,
    /// NumPy's `RuntimeWarning` text, `"covariance is not symmetric positive-semidefinite."`,
    /// when `check_valid` is `Warn` and
    /// `cov` fails the PSD test; `None` otherwise.
    pub warning: Option<String>,
}

/// The checks both `multivariate_normal`s make before drawing, in NumPy's order: the
/// shapes, then `over_limit(n)` (the orders a port does not cover), then the output
/// (`standard_normal(size + (n,))`, whose shape checks and allocation are NumPy's).
/// Returns `n` and room for the `rows * n` normals to draw, zero-filled.
pub(crate) fn mvn_dims(
    mean: &[f64],
    cov: &[f64],
    cov_shape: (usize, usize),
    rows: usize,
    over_limit: impl FnOnce(usize) -> Option<Error>,
) -> Result<(usize, Vec<f64>)> {
    let (cr, cc) = cov_shape;
    if cr.checked_mul(cc) != Some(cov.len()) {
        return Err(Error::value(format!(
            "cov has {} elements, not {cr}*{cc} (a caller bug, not a NumPy error)",
            cov.len()
        )));
    }
    if cr != cc {
        return Err(Error::value("cov must be 2 dimensional and square"));
    }
    if mean.len() != cr {
        return Err(Error::value("mean and cov must have same length"));
    }
    let n = cr;
    if let Some(e) = over_limit(n) {
        return Err(e);
    }
    let x = alloc::filled(&[rows, n], alloc::Dtype::F64, 0.0)?;
    Ok((n, x))
}

/// NumPy's `.reshape(-1, 0)` of the (empty) normals when `n == 0`, after the draws.
pub(crate) fn empty_reshape() -> Error {
    Error::value("cannot reshape array of size 0 into shape (0)")
}

/// `mean + x @ F.T` for the rows of `x`, in place (`F` is `n × n` row-major,
/// `n = mean.len()`), the product rounded as NumPy's OpenBLAS rounds it (FMA included; see
/// `linalg::blas`): RandomState computes it as `np.dot(x, M)` with `M = F.T` C-ordered
/// ([`OneRow::DotC`]), Generator as `x @ _factor.T` ([`OneRow::MatmulT`]); the two differ
/// only for a single row, where NumPy calls `dgemv` instead of `dgemm`. One row is
/// buffered, so no second array of the result's size is needed.
pub(crate) fn mean_plus_x_ft(x: &mut [f64], f: &[f64], mean: &[f64], one_row: OneRow) {
    let n = mean.len();
    if n == 0 {
        return;
    }
    let rows = x.len() / n;
    let mut row_x = vec![0.0; n];
    for (i, row) in x.chunks_exact_mut(n).enumerate() {
        row_x.copy_from_slice(row);
        row_times(&row_x, rows, i, one_row, &|k, j| f[j * n + k], row);
        for (out, m) in row.iter_mut().zip(mean) {
            *out += m;
        }
    }
}

/// NumPy's `np.allclose(np.dot(v.T * s, v), cov, rtol=tol, atol=tol)`, with `isclose`'s
/// `(|a - b| <= atol + rtol*|b|) & isfinite(b) | (a == b)`.
pub(crate) fn is_psd(n: usize, s: &[f64], v: &[f64], cov: &[f64], tol: f64) -> bool {
    (0..n).all(|i| {
        (0..n).all(|j| {
            let mut r = 0.0;
            for k in 0..n {
                r += v[k * n + i] * s[k] * v[k * n + j];
            }
            let c = cov[i * n + j];
            ((r - c).abs() <= tol + tol * c.abs() && c.is_finite()) || r == c
        })
    })
}
