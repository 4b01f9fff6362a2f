//! `multivariate_normal`: standard normals times the square root of the covariance, taken
//! from NumPy's SVD of it.
//!
//! NumPy computes `(u, s, v) = numpy.linalg.svd(cov)` with LAPACK's `dgesdd` and uses
//! `sqrt(s)[:, None] * v` as the square root of `cov`. Singular vectors are only defined up to
//! sign (and, for repeated singular values, up to a rotation), so the samples depend on the
//! exact choices `dgesdd` makes. [`crate::linalg`] holds a line-by-line port of the code path
//! `dgesdd` takes for a square matrix of order n <= 25 (Reference LAPACK 3.12, as bundled in
//! the OpenBLAS inside the numpy 2.4.6 wheels): scaling, `dgebd2` bidiagonalisation, `dbdsdc`
//! -> `dlasdq` -> `dbdsqr` implicit-shift QR, the three sorts (`dbdsqr` descending, `dlasdq`
//! ascending, `dbdsdc` descending), and `dormbr` back transformation. Every branch, sign
//! convention (`dlartg` from LAPACK 3.10+, `dlarfg`, `dlasv2`) and tie-break is NumPy's, so
//! signs and ordering match; only the rounding of OpenBLAS's optimised BLAS kernels (dot
//! products, `drot`, `dnrm2`) is not reproduced, which is why results agree to a relative
//! 1e-10 instead of bit for bit.
//!
//! For n > 25, `dbdsdc` switches to divide and conquer (`dlasd0`), which is not ported:
//! those covariances give a `NotImplementedError`.

use super::RandomState;
use crate::common::mvn::{
    empty_reshape, is_psd, mean_plus_x_ft, mvn_dims, OneRow, NOT_PSD_MESSAGE,
};
use crate::error::{Error, ErrorKind, Result};
use crate::prelude::*;

pub use crate::common::mvn::{CheckValid, MvnMethod, MvnOptions, MvnOutput};
pub(crate) use crate::linalg::MAX_DIM;

impl RandomState {
    /// `rs.multivariate_normal(mean, cov, size=…, check_valid=…, tol=…)`, with NumPy's
    /// defaults in [`MvnOptions`]; `cov` is any [`Matrix`](crate::Matrix) and the result
    /// has NumPy's shape `size + (n,)`. `RandomState` has no `method` keyword: an
    /// `opts.method` other than the default is NumPy's TypeError for it.
    ///
    /// The product `np.dot(x, sqrt(s)[:, None] * v)` is rounded as OpenBLAS's
    /// `dgemm`/`dgemv` round it (`crate::linalg::blas`), so a value is bitwise NumPy's
    /// wherever the SVD is; the SVD comes from nprand's LAPACK port, which agrees with
    /// OpenBLAS's to a relative ~1e-15 (see the README for the measured share).
    ///
    /// ```
    /// use nprand::{MvnMethod, MvnOptions, RandomState};
    /// // rs = np.random.RandomState(7)
    /// // rs.multivariate_normal([0., 1.], [[2., .3], [.3, .5]], 6)
    /// let mut rs = RandomState::new(7);
    /// let cov = [[2.0, 0.3], [0.3, 0.5]];
    /// let out = rs.multivariate_normal(&[0.0, 1.0], &cov, &MvnOptions::new().size([6])).unwrap();
    /// assert_eq!(out.shape, vec![6, 2]);
    /// // rs.multivariate_normal([0.], [[1.]], method='svd') is a TypeError
    /// let opts = MvnOptions::new().method(MvnMethod::Eigh);
    /// let err = rs.multivariate_normal(&[0.0], &[[1.0]], &opts).unwrap_err();
    /// assert_eq!(err.message(), "multivariate_normal() got an unexpected keyword argument 'method'");
    /// ```
    pub fn multivariate_normal(
        &mut self,
        mean: &[f64],
        cov: impl crate::Matrix,
        opts: &MvnOptions,
    ) -> Result<MvnOutput> {
        if opts.method != MvnMethod::default() {
            return Err(Error::type_error(
                "multivariate_normal() got an unexpected keyword argument 'method'",
            ));
        }
        let (cov, n, rows, shape) = crate::common::mvn::mvn_args(mean, &cov, opts)?;
        let out = self.mvn_impl(mean, &cov, (n, n), rows, Ok(opts.check_valid), opts.tol)?;
        Ok(MvnOutput { shape, ..out })
    }

    /// The flat form of [`multivariate_normal`](Self::multivariate_normal):
    /// `rs.multivariate_normal(mean, cov, size, check_valid, tol)`.
    ///
    /// `cov` is `cov_shape.0 × cov_shape.1`, row-major. `rows` is the number of samples:
    /// NumPy's `size=None` is `rows = 1` (output shape `(n,)`), `size=k` is `rows = k`
    /// (`(k, n)`), `size=(a, b)` is `rows = a*b` (`(a, b, n)`); the caller reshapes
    /// [`MvnOutput::values`]. The caller also checks that `mean` is 1-d ("mean must be 1
    /// dimensional") and `cov` 2-d ("cov must be 2 dimensional and square"). NumPy's default
    /// `check_valid` and `tol` are `CheckValid::Warn` and `1e-8`.
    ///
    /// **Tolerance.** The generator stream is NumPy's bit for bit: `rows * n` standard normals
    /// from the legacy polar method in C order, so the state after the call equals NumPy's
    /// exactly. The values equal NumPy's to a **relative 1e-10** (in practice ~1e-15), not
    /// bitwise: NumPy takes `sqrt(s)[:, None] * v` from LAPACK's `dgesdd` running on
    /// OpenBLAS, whose optimised BLAS kernels round differently from nprand's port of the
    /// same LAPACK code. Signs and order of the singular vectors are LAPACK's (descending
    /// singular values: `cov = diag(1, 4)` maps `x` to `[x1, 2*x0]`). For a singular `cov`
    /// whose zero singular values come out as rounding noise (~1e-16, square root ~1e-8),
    /// NumPy's own output carries that noise, and agreement is only to ~1e-8 absolute.
    ///
    /// As in NumPy, the normals are drawn *before* the SVD and the PSD test: a `cov` with a NaN
    /// (`LinAlgError: SVD did not converge`, [`ErrorKind::LinAlgError`](crate::ErrorKind))
    /// or one that fails the test with `CheckValid::Raise` still consumes the draws.
    /// `n == 0` draws nothing and fails like NumPy's reshape. Orders above 25
    /// (where LAPACK switches to divide and conquer) are a `NotImplementedError`, checked
    /// before drawing.
    ///
    /// ```
    /// use nprand::legacy::CheckValid;
    /// use nprand::RandomState;
    /// // rs = np.random.RandomState(0)
    /// // rs.multivariate_normal([0, 10], [[1, 0], [0, 4]], size=2)
    /// let mut rs = RandomState::new(0);
    /// let out = rs
    ///     .multivariate_normal_raw(&[0.0, 10.0], &[1.0, 0.0, 0.0, 4.0], (2, 2), 2, CheckValid::Warn, 1e-8)
    ///     .unwrap();
    /// // LAPACK's SVD orders diag(1, 4) as (4, 1), so NumPy returns each row of normals
    /// // x as [x1, 10 + 2*x0] (the fixtures check this against NumPy).
    /// let mut other = RandomState::new(0);
    /// let mut x = [0.0; 4];
    /// other.standard_normal_into(&mut x);
    /// let want = [x[1], 10.0 + 2.0 * x[0], x[3], 10.0 + 2.0 * x[2]];
    /// for (a, b) in out.values.iter().zip(want) {
    ///     assert!((a - b).abs() <= 1e-10 * b.abs());
    /// }
    /// assert_eq!(out.warning, None);
    /// // The state matches NumPy's exactly: 4 normals were drawn.
    /// assert_eq!(rs, other);
    ///
    /// // A covariance that is not positive-semidefinite.
    /// let cov = [1.0, 2.0, 2.0, 1.0];
    /// let out = rs.multivariate_normal_raw(&[0.0, 0.0], &cov, (2, 2), 3, CheckValid::Warn, 1e-8).unwrap();
    /// assert_eq!(out.warning.as_deref(), Some("covariance is not symmetric positive-semidefinite."));
    /// let err = rs.multivariate_normal_raw(&[0.0, 0.0], &cov, (2, 2), 3, CheckValid::Raise, 1e-8);
    /// assert_eq!(err.unwrap_err().message(), "covariance is not symmetric positive-semidefinite.");
    /// ```
    pub fn multivariate_normal_raw(
        &mut self,
        mean: &[f64],
        cov: &[f64],
        cov_shape: (usize, usize),
        rows: usize,
        check_valid: CheckValid,
        tol: f64,
    ) -> Result<MvnOutput> {
        self.mvn_impl(mean, cov, cov_shape, rows, Ok(check_valid), tol)
    }

    /// [`multivariate_normal_raw`](Self::multivariate_normal_raw) with `check_valid` as NumPy's
    /// string, validated where NumPy validates it: after drawing and after the SVD, and not
    /// at all when it is `"ignore"`. An invalid string therefore still consumes the draws
    /// (and a NaN `cov` reports "SVD did not converge" first), as in NumPy.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(1);
    /// let err = rs
    ///     .multivariate_normal_str(&[0.0], &[1.0], (1, 1), 2, "bogus", 1e-8)
    ///     .unwrap_err();
    /// assert_eq!(err.message(), "check_valid must equal 'warn', 'raise', or 'ignore'");
    /// let mut other = nprand::RandomState::new(1);
    /// other.randn(&[2]);
    /// assert_eq!(rs, other); // NumPy drew the normals before looking at check_valid
    /// ```
    pub fn multivariate_normal_str(
        &mut self,
        mean: &[f64],
        cov: &[f64],
        cov_shape: (usize, usize),
        rows: usize,
        check_valid: &str,
        tol: f64,
    ) -> Result<MvnOutput> {
        self.mvn_impl(mean, cov, cov_shape, rows, check_valid.parse(), tol)
    }

    fn mvn_impl(
        &mut self,
        mean: &[f64],
        cov: &[f64],
        cov_shape: (usize, usize),
        rows: usize,
        check_valid: Result<CheckValid>,
        tol: f64,
    ) -> Result<MvnOutput> {
        let (n, mut x) = mvn_dims(mean, cov, cov_shape, rows, |n| {
            (n > MAX_DIM).then(|| {
                Error::new(
                    ErrorKind::NotImplementedError,
                    format!(
                        "multivariate_normal with a {n}x{n} covariance: NumPy's SVD (LAPACK \
                         dgesdd) uses divide and conquer above {MAX_DIM}x{MAX_DIM}, which nprand \
                         does not reproduce"
                    ),
                )
            })
        })?;
        // x = self.standard_normal(final_shape).reshape(-1, n)
        self.standard_normal_into(&mut x);
        if n == 0 {
            return Err(empty_reshape());
        }
        // (_u, s, v) = svd(cov)
        let svd = crate::linalg::svd::gesdd(n, cov)
            .map_err(|_| Error::new(crate::ErrorKind::LinAlgError, "SVD did not converge"))?;
        let (s, v) = (&svd.s, &svd.vt);
        let mut warning = None;
        // NumPy: `if check_valid != 'ignore'`, then the string check, then the PSD test.
        let check_valid = check_valid?;
        if check_valid != CheckValid::Ignore && !is_psd(n, s, v, cov, tol) {
            if check_valid == CheckValid::Raise {
                return Err(Error::value(NOT_PSD_MESSAGE));
            }
            warning = Some(NOT_PSD_MESSAGE.to_string());
        }
        // x = np.dot(x, np.sqrt(s)[:, None] * v); x += mean, i.e. x @ F.T + mean with
        // F[j][k] = sqrt(s[k]) * v[k][j].
        let f: Vec<f64> = (0..n * n)
            .map(|jk| s[jk % n].sqrt() * v[(jk % n) * n + jk / n])
            .collect();
        mean_plus_x_ft(&mut x, &f, mean, OneRow::DotC);
        let values = x;
        let shape = vec![values.len() / n, n];
        Ok(MvnOutput {
            values,
            shape,
            warning,
        })
    }
}
