//! The pieces both `multivariate_normal`s share (NumPy's `mtrand.pyx` and
//! `_generator.pyx` run the same Python around their different factorisations): the
//! `check_valid` option, the output, the shape and size checks, the PSD test and
//! `mean + x @ F.T`.

use super::alloc;
use super::matrix::Matrix;
use crate::error::{Error, Result};
use crate::linalg::blas::row_times;
pub(crate) use crate::linalg::blas::OneRow;
use crate::prelude::*;

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
    /// `rows × n` values in C order (NumPy's `x.reshape(-1, n)`).
    pub values: Vec<f64>,
    /// NumPy's shape of the result: `size + (n,)` from `multivariate_normal`, `(rows, n)`
    /// from the `_raw` forms (whose caller knows the `size`).
    pub shape: Vec<usize>,
    /// NumPy's `RuntimeWarning` text, `"covariance is not symmetric positive-semidefinite."`,
    /// when `check_valid` is `Warn` and
    /// `cov` fails the PSD test; `None` otherwise.
    pub warning: Option<String>,
}

/// NumPy's message for a `method` other than the three accepted strings.
const METHOD_MESSAGE: &str = "method must be one of {'eigh', 'svd', 'cholesky'}";

/// The `method` argument of `Generator.multivariate_normal`: how `cov` is factored.
///
/// ```
/// use nprand::generator::MvnMethod;
/// assert_eq!("eigh".parse::<MvnMethod>().unwrap(), MvnMethod::Eigh);
/// let err = "SVD".parse::<MvnMethod>().unwrap_err();
/// assert_eq!(err.message(), "method must be one of {'eigh', 'svd', 'cholesky'}");
/// assert_eq!(MvnMethod::default(), MvnMethod::Svd);
/// assert_eq!(MvnMethod::Cholesky.to_string(), "cholesky");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MvnMethod {
    /// `'svd'` (NumPy's default): `numpy.linalg.svd`, factor `u * sqrt(s)`.
    #[default]
    Svd,
    /// `'eigh'`: `numpy.linalg.eigh`, factor `u * sqrt(abs(s))`.
    Eigh,
    /// `'cholesky'`: `numpy.linalg.cholesky`; `check_valid` and `tol` are not used.
    Cholesky,
}

numpy_str_enum! {
    /// The string NumPy takes for this value.
    ///
    /// ```
    /// assert_eq!(nprand::generator::MvnMethod::Eigh.as_str(), "eigh");
    /// ```
    MvnMethod, METHOD_MESSAGE, { Svd => "svd", Eigh => "eigh", Cholesky => "cholesky" }
}

/// NumPy's keyword arguments of `multivariate_normal`, with NumPy's defaults:
/// `size=None, check_valid='warn', tol=1e-8` (and `method='svd'`, a `Generator` keyword).
///
/// ```
/// use nprand::{CheckValid, MvnMethod, MvnOptions};
/// // size=(2, 3), check_valid='raise', method='cholesky'
/// let o = MvnOptions::new().size([2, 3]).check_valid(CheckValid::Raise).method(MvnMethod::Cholesky);
/// assert_eq!(o.size.as_deref(), Some(&[2, 3][..]));
/// assert_eq!(MvnOptions::default().tol, 1e-8);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MvnOptions {
    /// `size`: the shape of the samples (`None`: one sample, result shape `(n,)`).
    pub size: Option<Vec<usize>>,
    /// `check_valid`: what a covariance that is not positive-semidefinite does.
    pub check_valid: CheckValid,
    /// `tol`: the tolerance of that test.
    pub tol: f64,
    /// `method` (`Generator` only: `RandomState.multivariate_normal` has no such keyword,
    /// and anything but the default is NumPy's TypeError there).
    pub method: MvnMethod,
}

impl Default for MvnOptions {
    fn default() -> Self {
        MvnOptions {
            size: None,
            check_valid: CheckValid::Warn,
            tol: 1e-8,
            method: MvnMethod::Svd,
        }
    }
}

impl MvnOptions {
    /// NumPy's defaults.
    ///
    /// ```
    /// assert_eq!(nprand::MvnOptions::new(), nprand::MvnOptions::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// `size=size`.
    ///
    /// ```
    /// assert_eq!(nprand::MvnOptions::new().size([6]).size, Some(vec![6]));
    /// ```
    #[must_use]
    pub fn size(mut self, size: impl AsRef<[usize]>) -> Self {
        self.size = Some(size.as_ref().to_vec());
        self
    }

    /// `check_valid=check_valid`.
    ///
    /// ```
    /// use nprand::{CheckValid, MvnOptions};
    /// assert_eq!(MvnOptions::new().check_valid(CheckValid::Ignore).check_valid, CheckValid::Ignore);
    /// ```
    #[must_use]
    pub fn check_valid(mut self, check_valid: CheckValid) -> Self {
        self.check_valid = check_valid;
        self
    }

    /// `tol=tol`.
    ///
    /// ```
    /// assert_eq!(nprand::MvnOptions::new().tol(1e-6).tol, 1e-6);
    /// ```
    #[must_use]
    pub fn tol(mut self, tol: f64) -> Self {
        self.tol = tol;
        self
    }

    /// `method=method` (`Generator` only).
    ///
    /// ```
    /// use nprand::{MvnMethod, MvnOptions};
    /// assert_eq!(MvnOptions::new().method(MvnMethod::Eigh).method, MvnMethod::Eigh);
    /// ```
    #[must_use]
    pub fn method(mut self, method: MvnMethod) -> Self {
        self.method = method;
        self
    }
}

/// `multivariate_normal(mean, cov, **opts)` before drawing, in NumPy's order: `cov` as
/// `np.array(cov)`, the shape checks, then `size + (n,)` (NumPy's size checks). Returns
/// the flat `cov`, `n`, the number of rows and the result's shape.
pub(crate) fn mvn_args(
    mean: &[f64],
    cov: &dyn Matrix,
    opts: &MvnOptions,
) -> Result<(Vec<f64>, usize, usize, Vec<usize>)> {
    let (cov, shape) = cov.to_matrix()?;
    let &[cr, cc] = shape.as_slice() else {
        return Err(Error::value("cov must be 2 dimensional and square"));
    };
    check_shapes(mean.len(), (cr, cc))?;
    let mut out_shape = opts.size.clone().unwrap_or_default();
    out_shape.push(cr);
    alloc::check_shape(&out_shape, alloc::Dtype::F64)?;
    let rows = out_shape[..out_shape.len() - 1].iter().product();
    Ok((cov, cr, rows, out_shape))
}

/// NumPy's shape checks of `mean` (1-d, the caller's) and `cov`.
fn check_shapes(mean_len: usize, (cr, cc): (usize, usize)) -> Result<()> {
    if cr != cc {
        return Err(Error::value("cov must be 2 dimensional and square"));
    }
    if mean_len != cr {
        return Err(Error::value("mean and cov must have same length"));
    }
    Ok(())
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
    check_shapes(mean.len(), (cr, cc))?;
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
