//! `Generator.multivariate_normal` (NumPy's modern API), with its three factorisations of the
//! covariance: `svd` (the default), `eigh` and `cholesky`.
//!
//! NumPy draws `x = standard_normal(size + (n,))` (ziggurat normals) first, then factors `cov`
//! with `numpy.linalg` and returns `mean + x @ factor.T`:
//!
//! | method     | `numpy.linalg` call (LAPACK)   | factor                | PSD test                  |
//! |------------|--------------------------------|-----------------------|---------------------------|
//! | `svd`      | `u, s, vh = svd(cov)` (dgesdd) | `u * sqrt(s)`         | `allclose(vh.T*s @ vh, cov)` |
//! | `eigh`     | `s, u = eigh(cov)` (dsyevd)    | `u * sqrt(abs(s))`    | `not any(s < -tol)`       |
//! | `cholesky` | `l = cholesky(cov)` (dpotrf)   | `l`                   | none (`check_valid` unused) |
//!
//! The factorisations are the ports in `crate::linalg` (see there for the LAPACK paths and
//! why values agree with NumPy to a relative 1e-10 rather than bit for bit).

use super::Generator;
use crate::bitgen::BitGenerator;
use crate::common::mvn::{
    empty_reshape, is_psd, mean_plus_x_ft, mvn_dims, CheckValid, MvnOutput, OneRow, NOT_PSD_MESSAGE,
};
pub use crate::common::mvn::{MvnMethod, MvnOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::linalg::{self, MAX_DIM};
use crate::prelude::*;

impl<B: BitGenerator> Generator<B> {
    /// `rng.multivariate_normal(mean, cov, size=…, check_valid=…, tol=…, method=…)`, with
    /// NumPy's defaults in [`MvnOptions`]; `cov` is any [`Matrix`](crate::Matrix) and the
    /// result has NumPy's shape `size + (n,)`.
    ///
    /// The product `x @ factor.T` is rounded as OpenBLAS's `dgemm`/`dgemv` round it
    /// (`crate::linalg::blas`), so a value is bitwise NumPy's wherever the factor is; the
    /// factor itself comes from nprand's LAPACK ports, which agree with OpenBLAS's to a
    /// relative ~1e-15 (see the README for the measured share of bitwise results).
    ///
    /// ```
    /// use nprand::{default_rng, MvnMethod, MvnOptions};
    /// // rng = np.random.default_rng(7)
    /// // rng.multivariate_normal([0., 1.], [[2., .3], [.3, .5]], 6, method='cholesky')
    /// let mut rng = default_rng(7);
    /// let cov = [[2.0, 0.3], [0.3, 0.5]];
    /// let opts = MvnOptions::new().size([6]).method(MvnMethod::Cholesky);
    /// let out = rng.multivariate_normal(&[0.0, 1.0], &cov, &opts).unwrap();
    /// assert_eq!(out.shape, vec![6, 2]);
    /// // rng.multivariate_normal([0., 1.], [[2., .3], [.3, .5]])  (size=None: shape (2,))
    /// let one = rng.multivariate_normal(&[0.0, 1.0], &cov, &MvnOptions::new()).unwrap();
    /// assert_eq!(one.shape, vec![2]);
    /// // cov must be square
    /// let err = rng.multivariate_normal(&[0.0], &[[1.0, 2.0]], &MvnOptions::new()).unwrap_err();
    /// assert_eq!(err.message(), "cov must be 2 dimensional and square");
    /// ```
    pub fn multivariate_normal(
        &mut self,
        mean: &[f64],
        cov: impl crate::Matrix,
        opts: &MvnOptions,
    ) -> Result<MvnOutput> {
        let (cov, n, rows, shape) = crate::common::mvn::mvn_args(mean, &cov, opts)?;
        let out = self.mvn_impl(
            mean,
            &cov,
            (n, n),
            rows,
            Ok(opts.check_valid),
            Ok(opts.tol),
            opts.method,
        )?;
        Ok(MvnOutput { shape, ..out })
    }

    /// The flat form of [`multivariate_normal`](Self::multivariate_normal):
    /// `rng.multivariate_normal(mean, cov, size, check_valid, tol, method=method)`.
    ///
    /// `cov` is `cov_shape.0 × cov_shape.1`, row-major; `rows` is the number of samples
    /// (NumPy's `size=None` is `rows = 1` with output shape `(n,)`, `size=k` is `rows = k`,
    /// `size=(a, b)` is `rows = a*b`); [`MvnOutput::values`] is `rows × n` in C order. NumPy's
    /// defaults are `CheckValid::Warn`, `1e-8` and `MvnMethod::Svd`.
    ///
    /// **Tolerance.** The draws are NumPy's bit for bit: `rows * n` ziggurat normals, so the
    /// bit generator's state after the call equals NumPy's exactly. The values equal NumPy's to
    /// a **relative 1e-10** (in practice ~1e-15), not bitwise: the factor comes from the
    /// LAPACK ports in nprand, which round differently from OpenBLAS's BLAS kernels. Signs and
    /// order of singular vectors / eigenvectors are LAPACK's (`svd`: descending singular
    /// values; `eigh`: ascending eigenvalues), so e.g. `cov = diag(1, 4)` maps `x` to
    /// `[x1, 2*x0]` with `svd` and `[x0, 2*x1]` with `eigh`.
    ///
    /// As in NumPy, the normals are drawn *before* the factorisation and the PSD test, so
    /// `LinAlgError`s ("SVD did not converge", "Eigenvalues did not converge", "Matrix is not
    /// positive definite") and `check_valid` errors still consume the draws. Only the lower
    /// triangle of `cov` is read by `eigh` and `cholesky` (NumPy's LAPACK calls use
    /// `UPLO='L'`). `check_valid` and `tol` are ignored by `cholesky`. Orders above 25 are a
    /// `NotImplementedError` for `svd` and `eigh` (LAPACK switches to divide and conquer
    /// there), checked before drawing; `cholesky` has no limit.
    ///
    /// ```
    /// use nprand::generator::{default_rng, MvnMethod};
    /// use nprand::legacy::CheckValid;
    /// // rng = np.random.default_rng(0)
    /// // rng.multivariate_normal([0, 10], [[1, 0], [0, 4]], size=2, method='eigh')
    /// let mut rng = default_rng(0);
    /// let cov = [1.0, 0.0, 0.0, 4.0];
    /// let out = rng
    ///     .multivariate_normal_raw(&[0.0, 10.0], &cov, (2, 2), 2, CheckValid::Warn, 1e-8, MvnMethod::Eigh)
    ///     .unwrap();
    /// // eigh orders diag(1, 4) as (1, 4): NumPy returns each row of normals x as
    /// // [x0, 10 + 2*x1] (the fixtures check this against NumPy).
    /// let mut other = default_rng(0);
    /// let mut x = [0.0; 4];
    /// other.standard_normal_into(&mut x);
    /// let want = [x[0], 10.0 + 2.0 * x[1], x[2], 10.0 + 2.0 * x[3]];
    /// for (a, b) in out.values.iter().zip(want) {
    ///     assert!((a - b).abs() <= 1e-10 * b.abs());
    /// }
    /// assert_eq!(out.warning, None);
    /// // Exactly 4 standard normals were drawn, as in NumPy.
    /// assert_eq!(rng, other);
    ///
    /// // method='cholesky' raises where the covariance is not positive definite.
    /// let err = rng
    ///     .multivariate_normal_raw(&[0.0, 0.0], &[1.0, 2.0, 2.0, 1.0], (2, 2), 1, CheckValid::Warn, 1e-8, MvnMethod::Cholesky)
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "LinAlgError: Matrix is not positive definite");
    /// ```
    #[allow(clippy::too_many_arguments)]
    pub fn multivariate_normal_raw(
        &mut self,
        mean: &[f64],
        cov: &[f64],
        cov_shape: (usize, usize),
        rows: usize,
        check_valid: CheckValid,
        tol: f64,
        method: MvnMethod,
    ) -> Result<MvnOutput> {
        self.mvn_impl(mean, cov, cov_shape, rows, Ok(check_valid), Ok(tol), method)
    }

    /// [`multivariate_normal_raw`](Self::multivariate_normal_raw) with `check_valid` as NumPy's
    /// string, validated where NumPy validates it: after drawing and factoring, only when it
    /// is not `"ignore"`, and never for `MvnMethod::Cholesky`.
    ///
    /// ```
    /// use nprand::generator::{default_rng, MvnMethod};
    /// let mut rng = default_rng(1);
    /// let err = rng
    ///     .multivariate_normal_str(&[0.0], &[1.0], (1, 1), 2, "bogus", 1e-8, MvnMethod::Svd)
    ///     .unwrap_err();
    /// assert_eq!(err.message(), "check_valid must equal 'warn', 'raise', or 'ignore'");
    /// // NumPy does not look at check_valid with method='cholesky'.
    /// let ok = rng.multivariate_normal_str(&[0.0], &[1.0], (1, 1), 2, "bogus", 1e-8, MvnMethod::Cholesky);
    /// assert!(ok.is_ok());
    /// ```
    #[allow(clippy::too_many_arguments)]
    pub fn multivariate_normal_str(
        &mut self,
        mean: &[f64],
        cov: &[f64],
        cov_shape: (usize, usize),
        rows: usize,
        check_valid: &str,
        tol: f64,
        method: MvnMethod,
    ) -> Result<MvnOutput> {
        self.mvn_impl(
            mean,
            cov,
            cov_shape,
            rows,
            check_valid.parse(),
            Ok(tol),
            method,
        )
    }

    /// The shared body; `check_valid` and `tol` may carry the error NumPy raises when (and
    /// only when) it uses them, which the evaluator needs for arguments of the wrong type.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn mvn_impl(
        &mut self,
        mean: &[f64],
        cov: &[f64],
        cov_shape: (usize, usize),
        rows: usize,
        check_valid: Result<CheckValid>,
        tol: Result<f64>,
        method: MvnMethod,
    ) -> Result<MvnOutput> {
        let (n, mut x) = mvn_dims(mean, cov, cov_shape, rows, |n| {
            let what = match method {
                MvnMethod::Cholesky => return None,
                MvnMethod::Svd => "SVD (LAPACK dgesdd)",
                MvnMethod::Eigh => "eigendecomposition (LAPACK dsyevd)",
            };
            (n > MAX_DIM).then(|| {
                Error::new(
                    ErrorKind::NotImplementedError,
                    format!(
                        "multivariate_normal(method='{method}') with a {n}x{n} covariance: \
                         NumPy's {what} uses divide and conquer above {MAX_DIM}x{MAX_DIM}, \
                         which nprand does not reproduce (method='cholesky' has no such limit)"
                    ),
                )
            })
        })?;
        // x = self.standard_normal(final_shape).reshape(-1, n)
        self.standard_normal_into(&mut x);
        if n == 0 {
            return Err(empty_reshape());
        }
        // The factor F (row-major n×n) with x -> mean + x @ F.T, and the PSD verdict.
        let not_converged = |msg: &str| Error::new(ErrorKind::LinAlgError, msg);
        let (factor, psd): (Vec<f64>, Box<dyn Fn(f64) -> bool>) = match method {
            MvnMethod::Svd => {
                let svd = linalg::svd::gesdd(n, cov)
                    .map_err(|_| not_converged("SVD did not converge"))?;
                // _factor = u * np.sqrt(s): column j of u times sqrt(s[j]).
                let f = (0..n * n)
                    .map(|ij| svd.u[ij] * svd.s[ij % n].sqrt())
                    .collect();
                let (s, vt) = (svd.s, svd.vt);
                (f, Box::new(move |tol| is_psd(n, &s, &vt, cov, tol)))
            }
            MvnMethod::Eigh => {
                let eig = linalg::eigh::syevd(n, cov)
                    .map_err(|_| not_converged("Eigenvalues did not converge"))?;
                // _factor = u * np.sqrt(abs(s)): abs so that tiny negative eigenvalues (and
                // check_valid='ignore' with a non-PSD cov) give no NaN.
                let f = (0..n * n)
                    .map(|ij| eig.v[ij] * eig.w[ij % n].abs().sqrt())
                    .collect();
                let w = eig.w;
                // psd = not np.any(s < -tol): a NaN eigenvalue (or tol) counts as PSD.
                (f, Box::new(move |tol| !w.iter().any(|&s| s < -tol)))
            }
            MvnMethod::Cholesky => {
                let l = linalg::cholesky::potrf_lower(n, cov)
                    .map_err(|_| not_converged("Matrix is not positive definite"))?;
                (l, Box::new(|_| true))
            }
        };
        let mut warning = None;
        // NumPy: `if check_valid != 'ignore' and method != 'cholesky'`, then the string
        // check, then the PSD test (the only place `tol` is used).
        if method != MvnMethod::Cholesky && !matches!(check_valid, Ok(CheckValid::Ignore)) {
            let check_valid = check_valid?;
            if !psd(tol?) {
                if check_valid == CheckValid::Raise {
                    return Err(Error::value(NOT_PSD_MESSAGE));
                }
                warning = Some(NOT_PSD_MESSAGE.to_string());
            }
        }
        // x = mean + x @ _factor.T
        mean_plus_x_ft(&mut x, &factor, mean, OneRow::MatmulT);
        let values = x;
        let shape = vec![values.len() / n, n];
        Ok(MvnOutput {
            values,
            shape,
            warning,
        })
    }
}
