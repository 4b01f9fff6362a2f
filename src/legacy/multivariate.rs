//! `multivariate_normal`: standard normals times the square root of the covariance, taken
//! from NumPy's SVD of it.
//!
//! NumPy computes `(u, s, v) = numpy.linalg.svd(cov)` with LAPACK's `dgesdd` and uses
//! `sqrt(s)[:, None] * v` as the square root of `cov`. Singular vectors are only defined up to
//! sign (and, for repeated singular values, up to a rotation), so the samples depend on the
//! exact choices `dgesdd` makes. The private [`lapack`] module below is a line-by-line port of
//! the code path `dgesdd` takes for a square matrix of order n <= 25 (Reference LAPACK 3.12,
//! as bundled in the OpenBLAS inside the numpy 2.4.6 wheels): scaling, `dgebd2`
//! bidiagonalisation, `dbdsdc` -> `dlasdq` -> `dbdsqr` implicit-shift QR, the three sorts
//! (`dbdsqr` descending, `dlasdq` ascending, `dbdsdc` descending), and `dormbr` back
//! transformation. Every branch, sign convention (`dlartg` from LAPACK 3.10+, `dlarfg`,
//! `dlasv2`) and tie-break is NumPy's, so signs and ordering match; only the rounding of
//! OpenBLAS's optimised BLAS kernels (dot products, `drot`, `dnrm2`) is not reproduced, which
//! is why results agree to a relative 1e-10 instead of bit for bit.
//!
//! For n > 25, `dbdsdc` switches to divide and conquer (`dlasd0`), which is not ported:
//! those covariances give a `NotImplementedError`.

use super::RandomState;
use crate::error::{Error, ErrorKind, Result};
use std::fmt;
use std::str::FromStr;

/// The largest covariance order whose SVD nprand reproduces (`dbdsdc`'s `SMLSIZ`).
pub(crate) const MAX_DIM: usize = 25;

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

impl CheckValid {
    /// The string NumPy takes for this value.
    ///
    /// ```
    /// assert_eq!(nprand::legacy::CheckValid::Raise.as_str(), "raise");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            CheckValid::Warn => "warn",
            CheckValid::Raise => "raise",
            CheckValid::Ignore => "ignore",
        }
    }
}

impl FromStr for CheckValid {
    type Err = Error;

    /// Exactly `"warn"`, `"raise"` or `"ignore"` (case-sensitive, as NumPy compares).
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "warn" => Ok(CheckValid::Warn),
            "raise" => Ok(CheckValid::Raise),
            "ignore" => Ok(CheckValid::Ignore),
            _ => Err(Error::value(CHECK_VALID_MESSAGE)),
        }
    }
}

impl fmt::Display for CheckValid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The result of [`RandomState::multivariate_normal`].
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

impl RandomState {
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
    /// singular values: `cov = diag(1, 4)` maps `x` to `[2*x1, x0]`). For a singular `cov`
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
    ///     .multivariate_normal(&[0.0, 10.0], &[1.0, 0.0, 0.0, 4.0], (2, 2), 2, CheckValid::Warn, 1e-8)
    ///     .unwrap();
    /// // NumPy: [[ 0.40015721, 13.52810469], [ 2.2408932 , 11.95747597]]
    /// let numpy = [0.4001572083672233, 13.528104691935328, 2.240893199201458, 11.957475968211478];
    /// for (a, b) in out.values.iter().zip(numpy) {
    ///     assert!((a - b).abs() <= 1e-10 * b.abs());
    /// }
    /// assert_eq!(out.warning, None);
    /// // The state matches NumPy's exactly: 4 normals were drawn.
    /// let mut other = RandomState::new(0);
    /// other.randn(&[4]);
    /// assert_eq!(rs, other);
    ///
    /// // A covariance that is not positive-semidefinite.
    /// let cov = [1.0, 2.0, 2.0, 1.0];
    /// let out = rs.multivariate_normal(&[0.0, 0.0], &cov, (2, 2), 3, CheckValid::Warn, 1e-8).unwrap();
    /// assert_eq!(out.warning.as_deref(), Some("covariance is not symmetric positive-semidefinite."));
    /// let err = rs.multivariate_normal(&[0.0, 0.0], &cov, (2, 2), 3, CheckValid::Raise, 1e-8);
    /// assert_eq!(err.unwrap_err().message(), "covariance is not symmetric positive-semidefinite.");
    /// ```
    pub fn multivariate_normal(
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

    /// [`multivariate_normal`](Self::multivariate_normal) with `check_valid` as NumPy's
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
        if n > MAX_DIM {
            return Err(Error::new(
                ErrorKind::NotImplementedError,
                format!(
                    "multivariate_normal with a {n}x{n} covariance: NumPy's SVD (LAPACK dgesdd) \
                     uses divide and conquer above {MAX_DIM}x{MAX_DIM}, which nprand does not \
                     reproduce"
                ),
            ));
        }
        let total = rows.checked_mul(n).ok_or_else(too_big)?;
        if total.checked_mul(8).is_none_or(|b| b > isize::MAX as usize) {
            return Err(too_big());
        }
        // x = self.standard_normal(final_shape).reshape(-1, n)
        let mut x = vec![0.0; total];
        self.standard_normal_into(&mut x);
        if n == 0 {
            return Err(Error::value(
                "cannot reshape array of size 0 into shape (0)",
            ));
        }
        // (_u, s, v) = svd(cov)
        let svd = lapack::gesdd(n, cov)
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
        // x = np.dot(x, np.sqrt(s)[:, None] * v); x += mean
        let a: Vec<f64> = (0..n * n).map(|kj| s[kj / n].sqrt() * v[kj]).collect();
        let mut values = vec![0.0; total];
        for (row_out, row_x) in values.chunks_exact_mut(n).zip(x.chunks_exact(n)) {
            for (j, out) in row_out.iter_mut().enumerate() {
                let mut acc = 0.0;
                for (k, xk) in row_x.iter().enumerate() {
                    acc += xk * a[k * n + j];
                }
                *out = acc + mean[j];
            }
        }
        Ok(MvnOutput { values, warning })
    }
}

fn too_big() -> Error {
    Error::value(
        "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible \
         size.",
    )
}

/// NumPy's `np.allclose(np.dot(v.T * s, v), cov, rtol=tol, atol=tol)`, with `isclose`'s
/// `(|a - b| <= atol + rtol*|b|) & isfinite(b) | (a == b)`.
fn is_psd(n: usize, s: &[f64], v: &[f64], cov: &[f64], tol: f64) -> bool {
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

/// A port of the part of Reference LAPACK (3.12, as in OpenBLAS 0.3.31) that
/// `numpy.linalg.svd` runs for a square matrix of order 1..=25: `dgesdd` with `JOBZ='A'`.
///
/// Matrices are column-major with leading dimension `n`, like Fortran's; comments name the
/// LAPACK routine and keep its 1-based variable names where that helps checking the port.
mod lapack {
    /// `dlamch('E')`: relative machine epsilon (rounding mode) = 2^-53.
    const EPS: f64 = f64::EPSILON * 0.5;
    /// `dlamch('S')`: safe minimum = 2^-1022.
    const SFMIN: f64 = f64::MIN_POSITIVE;
    /// `dlamch('P')` = eps * base = 2^-52.
    const PREC: f64 = f64::EPSILON;

    /// `numpy.linalg.svd(a)` for a square `a`: `u`, `s` (descending) and `vt`, all row-major.
    pub(super) struct Svd {
        #[allow(dead_code)] // u is part of NumPy's result; multivariate_normal ignores it
        pub u: Vec<f64>,
        pub s: Vec<f64>,
        pub vt: Vec<f64>,
    }

    /// LAPACK reported `INFO != 0`: NumPy raises `LinAlgError("SVD did not converge")`.
    #[derive(Debug)]
    pub(super) struct NotConverged;

    /// Fortran's `SIGN(a, b)`: `|a|` with the sign bit of `b` (gfortran honours -0.0).
    fn sign(a: f64, b: f64) -> f64 {
        a.abs().copysign(b)
    }

    /// `dgesdd('A', n, n, A)` (paths 4 for n = 1 and 5a for n >= 2, `n <= 25`), then
    /// NumPy's conversion to row-major `u, s, vh`. `a_rows` is row-major.
    pub(super) fn gesdd(n: usize, a_rows: &[f64]) -> Result<Svd, NotConverged> {
        assert!((1..=super::MAX_DIM).contains(&n) && a_rows.len() == n * n);
        // NumPy copies the matrix into Fortran order: A(i, j) = a[i][j].
        let mut a = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..n {
                a[i + j * n] = a_rows[i * n + j];
            }
        }
        // Scale A if max element outside range [SMLNUM, BIGNUM].
        let smlnum = SFMIN.sqrt() / PREC;
        let bignum = 1.0 / smlnum;
        let anrm = dlange_max(&a);
        if anrm.is_nan() {
            return Err(NotConverged); // INFO = -4
        }
        let mut iscl = false;
        if anrm > 0.0 && anrm < smlnum {
            iscl = true;
            dlascl(anrm, smlnum, &mut a);
        } else if anrm > bignum {
            iscl = true;
            dlascl(anrm, bignum, &mut a);
        }
        // Path 5a (and path 4 for n = 1, where the QR step is the identity): bidiagonalise,
        // SVD of the bidiagonal, back-transform.
        let mut d = vec![0.0; n];
        let mut e = vec![0.0; n];
        let mut tauq = vec![0.0; n];
        let mut taup = vec![0.0; n];
        dgebd2(n, &mut a, &mut d, &mut e, &mut tauq, &mut taup);
        let mut u = vec![0.0; n * n];
        let mut vt = vec![0.0; n * n];
        dbdsdc(n, &mut d, &mut e, &mut u, &mut vt)?;
        // dormbr('Q', 'L', 'N', n, n, n, A, tauq, U) -> dorm2r: U = H(1) ... H(n) U.
        for i in (0..n).rev() {
            let v: Vec<f64> = a[i + 1 + i * n..(i + 1) * n].to_vec();
            dlarf1f_left(&v, tauq[i], &mut u, n, i, 0, n - i, n);
        }
        // dormbr('P', 'R', 'T', n, n, n, A, taup, VT) -> dorml2('R', 'N', n, n-1, n-1,
        // A(1,2), taup, VT(1,2)): VT(:, 2:n) = VT(:, 2:n) G(n-1) ... G(1).
        if n > 1 {
            for i in (0..n - 1).rev() {
                // v = A(i, i+1 : n) along the row, v(1) = 1 implicit.
                let v: Vec<f64> = (i + 2..n).map(|j| a[i + j * n]).collect();
                dlarf1f_right(&v, taup[i], &mut vt, n, 0, i + 1, n, n - 1 - i);
            }
        }
        // Undo scaling.
        if iscl {
            if anrm > bignum {
                dlascl(bignum, anrm, &mut d);
            }
            if anrm < smlnum {
                dlascl(smlnum, anrm, &mut d);
            }
        }
        let to_rows = |m: &[f64]| -> Vec<f64> {
            let mut r = vec![0.0; n * n];
            for i in 0..n {
                for j in 0..n {
                    r[i * n + j] = m[i + j * n];
                }
            }
            r
        };
        Ok(Svd {
            u: to_rows(&u),
            s: d,
            vt: to_rows(&vt),
        })
    }

    /// `dlange('M')`: the largest |a_ij|, NaN if any element is NaN.
    fn dlange_max(a: &[f64]) -> f64 {
        let mut value: f64 = 0.0;
        for &x in a {
            let t = x.abs();
            if value < t || t.is_nan() {
                value = t;
            }
        }
        value
    }

    /// `dlascl('G', 0, 0, cfrom, cto, ...)`: multiply by cto/cfrom without over/underflow.
    fn dlascl(cfrom: f64, cto: f64, a: &mut [f64]) {
        let smlnum = SFMIN;
        let bignum = 1.0 / smlnum;
        let mut cfromc = cfrom;
        let mut ctoc = cto;
        loop {
            let cfrom1 = cfromc * smlnum;
            let mul;
            let done;
            if cfrom1 == cfromc {
                // cfromc is an inf.
                mul = ctoc / cfromc;
                done = true;
            } else {
                let cto1 = ctoc / bignum;
                if cto1 == ctoc {
                    mul = ctoc;
                    done = true;
                    cfromc = 1.0;
                } else if cfrom1.abs() > ctoc.abs() && ctoc != 0.0 {
                    mul = smlnum;
                    done = false;
                    cfromc = cfrom1;
                } else if cto1.abs() > cfromc.abs() {
                    mul = bignum;
                    done = false;
                    ctoc = cto1;
                } else {
                    mul = ctoc / cfromc;
                    done = true;
                    if mul == 1.0 {
                        return;
                    }
                }
            }
            for x in a.iter_mut() {
                *x *= mul;
            }
            if done {
                return;
            }
        }
    }

    /// `dlapy2(x, y)` = sqrt(x^2 + y^2) avoiding overflow.
    fn dlapy2(x: f64, y: f64) -> f64 {
        if x.is_nan() || y.is_nan() {
            return if y.is_nan() { y } else { x };
        }
        let (xa, ya) = (x.abs(), y.abs());
        let w = xa.max(ya);
        let z = xa.min(ya);
        if z == 0.0 || w > f64::MAX {
            w
        } else {
            let q = z / w;
            w * (1.0 + q * q).sqrt()
        }
    }

    /// `dnrm2`: the Euclidean norm of `count` elements of `a` from `start` with stride `inc`,
    /// by the classic scaled sum of squares.
    fn dnrm2(a: &[f64], start: usize, inc: usize, count: usize) -> f64 {
        let mut scale = 0.0_f64;
        let mut ssq = 1.0_f64;
        for k in 0..count {
            let x = a[start + k * inc];
            if x != 0.0 {
                let ax = x.abs();
                if scale < ax {
                    let r = scale / ax;
                    ssq = 1.0 + ssq * r * r;
                    scale = ax;
                } else {
                    let r = ax / scale;
                    ssq += r * r;
                }
            }
        }
        scale * ssq.sqrt()
    }

    /// `dlarfg(count, alpha = a[ia], x = a[ix + k*inc])`: returns tau; overwrites alpha
    /// with beta and x with v(2:count).
    fn dlarfg(count: usize, a: &mut [f64], ia: usize, ix: usize, inc: usize) -> f64 {
        if count <= 1 {
            return 0.0;
        }
        let mut xnorm = dnrm2(a, ix, inc, count - 1);
        if xnorm == 0.0 {
            return 0.0;
        }
        let mut alpha = a[ia];
        let mut beta = -sign(dlapy2(alpha, xnorm), alpha);
        let safmin = SFMIN / EPS;
        let mut knt = 0;
        if beta.abs() < safmin {
            let rsafmn = 1.0 / safmin;
            loop {
                knt += 1;
                for k in 0..count - 1 {
                    a[ix + k * inc] *= rsafmn;
                }
                beta *= rsafmn;
                alpha *= rsafmn;
                if !(beta.abs() < safmin && knt < 20) {
                    break;
                }
            }
            xnorm = dnrm2(a, ix, inc, count - 1);
            beta = -sign(dlapy2(alpha, xnorm), alpha);
        }
        let tau = (beta - alpha) / beta;
        let scal = 1.0 / (alpha - beta);
        for k in 0..count - 1 {
            a[ix + k * inc] *= scal;
        }
        for _ in 0..knt {
            beta *= safmin;
        }
        a[ia] = beta;
        tau
    }

    /// `dlarf1f('Left', m, nc, v, tau, C)`: C = (I - tau v v^T) C with v(1) = 1 implicit and
    /// `vtail` = v(2:m); C is the m×nc block of `c` (leading dimension `ldc`) at (ic, jc).
    #[allow(clippy::too_many_arguments)]
    fn dlarf1f_left(
        vtail: &[f64],
        tau: f64,
        c: &mut [f64],
        ldc: usize,
        ic: usize,
        jc: usize,
        m: usize,
        nc: usize,
    ) {
        if tau == 0.0 || m == 0 || nc == 0 {
            return;
        }
        let at = |i: usize, j: usize| ic + i + (jc + j) * ldc;
        // Last non-zero element of v (v(1) = 1 is never looked at).
        let mut lastv = m;
        while lastv > 1 && vtail[lastv - 2] == 0.0 {
            lastv -= 1;
        }
        // iladlc: last column of C(1:lastv, :) with a non-zero.
        let lastc = (0..nc)
            .rev()
            .find(|&j| (0..lastv).any(|i| c[at(i, j)] != 0.0))
            .map_or(0, |j| j + 1);
        if lastc == 0 {
            return;
        }
        if lastv == 1 {
            for j in 0..lastc {
                c[at(0, j)] *= 1.0 - tau;
            }
            return;
        }
        // w = C(2:lastv, 1:lastc)^T v(2:lastv) + C(1, 1:lastc)^T
        let mut w = vec![0.0; lastc];
        for (j, wj) in w.iter_mut().enumerate() {
            let mut t = 0.0;
            for i in 1..lastv {
                t += c[at(i, j)] * vtail[i - 1];
            }
            *wj = t + c[at(0, j)];
        }
        for (j, wj) in w.iter().enumerate() {
            c[at(0, j)] += -tau * wj;
        }
        // dger: C(2:lastv, :) += v(2:lastv) * (-tau * w)^T
        for (j, wj) in w.iter().enumerate() {
            let temp = -tau * wj;
            for i in 1..lastv {
                c[at(i, j)] += vtail[i - 1] * temp;
            }
        }
    }

    /// `dlarf1f('Right', mr, n, v, tau, C)`: C = C (I - tau v v^T), v(1) = 1 implicit,
    /// `vtail` = v(2:n); C is the mr×n block at (ic, jc).
    #[allow(clippy::too_many_arguments)]
    fn dlarf1f_right(
        vtail: &[f64],
        tau: f64,
        c: &mut [f64],
        ldc: usize,
        ic: usize,
        jc: usize,
        mr: usize,
        n: usize,
    ) {
        if tau == 0.0 || mr == 0 || n == 0 {
            return;
        }
        let at = |i: usize, j: usize| ic + i + (jc + j) * ldc;
        let mut lastv = n;
        while lastv > 1 && vtail[lastv - 2] == 0.0 {
            lastv -= 1;
        }
        // iladlr: last row of C(:, 1:lastv) with a non-zero.
        let lastc = (0..mr)
            .rev()
            .find(|&i| (0..lastv).any(|j| c[at(i, j)] != 0.0))
            .map_or(0, |i| i + 1);
        if lastc == 0 {
            return;
        }
        if lastv == 1 {
            for i in 0..lastc {
                c[at(i, 0)] *= 1.0 - tau;
            }
            return;
        }
        // w = C(1:lastc, 2:lastv) v(2:lastv) + C(1:lastc, 1)
        let mut w = vec![0.0; lastc];
        for j in 1..lastv {
            let vj = vtail[j - 1];
            for (i, wi) in w.iter_mut().enumerate() {
                *wi += c[at(i, j)] * vj;
            }
        }
        for (i, wi) in w.iter_mut().enumerate() {
            *wi += c[at(i, 0)];
        }
        for (i, wi) in w.iter().enumerate() {
            c[at(i, 0)] += -tau * wi;
        }
        // dger: C(:, 2:lastv) += w * (-tau * v(2:lastv))^T
        for j in 1..lastv {
            let temp = -tau * vtail[j - 1];
            for (i, wi) in w.iter().enumerate() {
                c[at(i, j)] += wi * temp;
            }
        }
    }

    /// `dgebd2` for m = n: A = Q B P^T with B upper bidiagonal (d, e); Householder vectors
    /// stay in A.
    fn dgebd2(
        n: usize,
        a: &mut [f64],
        d: &mut [f64],
        e: &mut [f64],
        tauq: &mut [f64],
        taup: &mut [f64],
    ) {
        let lda = n;
        for i in 0..n {
            // H(i) annihilates A(i+1:n, i).
            tauq[i] = dlarfg(n - i, a, i + i * lda, (i + 1).min(n - 1) + i * lda, 1);
            d[i] = a[i + i * lda];
            if i + 1 < n {
                let v: Vec<f64> = a[i + 1 + i * lda..(i + 1) * lda].to_vec();
                dlarf1f_left(&v, tauq[i], a, lda, i, i + 1, n - i, n - i - 1);
                // G(i) annihilates A(i, i+2:n).
                taup[i] = dlarfg(
                    n - i - 1,
                    a,
                    i + (i + 1) * lda,
                    i + (i + 2).min(n - 1) * lda,
                    lda,
                );
                e[i] = a[i + (i + 1) * lda];
                let v: Vec<f64> = (i + 2..n).map(|j| a[i + j * lda]).collect();
                dlarf1f_right(&v, taup[i], a, lda, i + 1, i + 1, n - i - 1, n - i - 1);
            } else {
                taup[i] = 0.0;
            }
        }
    }

    /// `dbdsdc('U', 'I', n, d, e, U, VT)` for n <= SMLSIZ = 25: `dlasdq` (which calls
    /// `dbdsqr` and sorts ascending), then `dbdsdc`'s own descending selection sort.
    fn dbdsdc(
        n: usize,
        d: &mut [f64],
        e: &mut [f64],
        u: &mut [f64],
        vt: &mut [f64],
    ) -> Result<(), NotConverged> {
        if n == 1 {
            u[0] = sign(1.0, d[0]);
            vt[0] = 1.0;
            d[0] = d[0].abs();
            return Ok(());
        }
        for i in 0..n {
            u[i + i * n] = 1.0;
            vt[i + i * n] = 1.0;
        }
        // dlasdq('U', sqre = 0, ...): an upper bidiagonal goes straight to dbdsqr.
        dbdsqr(n, d, e, vt, u)?;
        // dlasdq: sort into ascending order (selection, strict <).
        for i in 0..n {
            let mut isub = i;
            let mut smin = d[i];
            for (j, &dj) in d.iter().enumerate().skip(i + 1) {
                if dj < smin {
                    isub = j;
                    smin = dj;
                }
            }
            if isub != i {
                d[isub] = d[i];
                d[i] = smin;
                swap_rows(vt, n, isub, i);
                swap_cols(u, n, isub, i);
            }
        }
        // dbdsdc: selection sort into descending order (strict >).
        for i in 0..n - 1 {
            let mut kk = i;
            let mut p = d[i];
            for (j, &dj) in d.iter().enumerate().skip(i + 1) {
                if dj > p {
                    kk = j;
                    p = dj;
                }
            }
            if kk != i {
                d[kk] = d[i];
                d[i] = p;
                swap_cols(u, n, i, kk);
                swap_rows(vt, n, i, kk);
            }
        }
        Ok(())
    }

    fn swap_rows(m: &mut [f64], n: usize, r1: usize, r2: usize) {
        for j in 0..n {
            m.swap(r1 + j * n, r2 + j * n);
        }
    }

    fn swap_cols(m: &mut [f64], n: usize, c1: usize, c2: usize) {
        for i in 0..n {
            m.swap(i + c1 * n, i + c2 * n);
        }
    }

    /// `dlartg(f, g)` (LAPACK 3.10+): returns (c, s, r) with c >= 0 and r of the sign of f.
    fn dlartg(f: f64, g: f64) -> (f64, f64, f64) {
        let safmin = SFMIN;
        let safmax = 1.0 / safmin;
        let rtmin = safmin.sqrt();
        let rtmax = (safmax / 2.0).sqrt();
        let f1 = f.abs();
        let g1 = g.abs();
        if g == 0.0 {
            (1.0, 0.0, f)
        } else if f == 0.0 {
            (0.0, sign(1.0, g), g1)
        } else if f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax {
            let d = (f * f + g * g).sqrt();
            let c = f1 / d;
            let r = sign(d, f);
            (c, g / r, r)
        } else {
            let u = safmax.min(safmin.max(f1).max(g1));
            let fs = f / u;
            let gs = g / u;
            let d = (fs * fs + gs * gs).sqrt();
            let c = fs.abs() / d;
            let r = sign(d, f);
            let s = gs / r;
            (c, s, r * u)
        }
    }

    /// `dlas2(f, g, h)`: singular values (ssmin, ssmax) of [[f, g], [0, h]].
    fn dlas2(f: f64, g: f64, h: f64) -> (f64, f64) {
        let fa = f.abs();
        let ga = g.abs();
        let ha = h.abs();
        let fhmn = fa.min(ha);
        let fhmx = fa.max(ha);
        if fhmn == 0.0 {
            let ssmax = if fhmx == 0.0 {
                ga
            } else {
                let q = fhmx.min(ga) / fhmx.max(ga);
                fhmx.max(ga) * (1.0 + q * q).sqrt()
            };
            (0.0, ssmax)
        } else if ga < fhmx {
            let as_ = 1.0 + fhmn / fhmx;
            let at = (fhmx - fhmn) / fhmx;
            let au = {
                let q = ga / fhmx;
                q * q
            };
            let c = 2.0 / ((as_ * as_ + au).sqrt() + (at * at + au).sqrt());
            (fhmn * c, fhmx / c)
        } else {
            let au = fhmx / ga;
            if au == 0.0 {
                ((fhmn * fhmx) / ga, ga)
            } else {
                let as_ = 1.0 + fhmn / fhmx;
                let at = (fhmx - fhmn) / fhmx;
                let p = as_ * au;
                let q = at * au;
                let c = 1.0 / ((1.0 + p * p).sqrt() + (1.0 + q * q).sqrt());
                let ssmin = (fhmn * c) * au;
                (ssmin + ssmin, ga / (c + c))
            }
        }
    }

    /// `dlasv2(f, g, h)`: SVD of [[f, g], [0, h]]; returns
    /// (ssmin, ssmax, snr, csr, snl, csl).
    fn dlasv2(f: f64, g: f64, h: f64) -> (f64, f64, f64, f64, f64, f64) {
        let mut ft = f;
        let mut fa = ft.abs();
        let mut ht = h;
        let mut ha = h.abs();
        let mut pmax = 1;
        let swap = ha > fa;
        if swap {
            pmax = 3;
            std::mem::swap(&mut ft, &mut ht);
            std::mem::swap(&mut fa, &mut ha);
        }
        let gt = g;
        let ga = gt.abs();
        let (mut ssmin, mut ssmax, clt, crt, slt, srt);
        if ga == 0.0 {
            ssmin = ha;
            ssmax = fa;
            clt = 1.0;
            crt = 1.0;
            slt = 0.0;
            srt = 0.0;
        } else {
            let mut gasmal = true;
            let mut vals = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
            if ga > fa {
                pmax = 2;
                if fa / ga < EPS {
                    gasmal = false;
                    let smax = ga;
                    let smin = if ha > 1.0 {
                        fa / (ga / ha)
                    } else {
                        (fa / ga) * ha
                    };
                    vals = (smin, smax, 1.0, ft / gt, ht / gt, 1.0);
                }
            }
            if gasmal {
                let d = fa - ha;
                let mut l = if d == fa { 1.0 } else { d / fa };
                let m = gt / ft;
                let mut t = 2.0 - l;
                let mm = m * m;
                let tt = t * t;
                let s = (tt + mm).sqrt();
                let r = if l == 0.0 {
                    m.abs()
                } else {
                    (l * l + mm).sqrt()
                };
                let a = 0.5 * (s + r);
                let smin = ha / a;
                let smax = fa * a;
                if mm == 0.0 {
                    if l == 0.0 {
                        t = sign(2.0, ft) * sign(1.0, gt);
                    } else {
                        t = gt / sign(d, ft) + m / t;
                    }
                } else {
                    t = (m / (s + t) + m / (r + l)) * (1.0 + a);
                }
                l = (t * t + 4.0).sqrt();
                let crt = 2.0 / l;
                let srt = t / l;
                let clt = (crt + srt * m) / a;
                let slt = (ht / ft) * srt / a;
                vals = (smin, smax, clt, crt, slt, srt);
            }
            (ssmin, ssmax, clt, crt, slt, srt) = vals;
        }
        let (csl, snl, csr, snr) = if swap {
            (srt, crt, slt, clt)
        } else {
            (clt, slt, crt, srt)
        };
        let tsign = match pmax {
            1 => sign(1.0, csr) * sign(1.0, csl) * sign(1.0, f),
            2 => sign(1.0, snr) * sign(1.0, csl) * sign(1.0, g),
            _ => sign(1.0, snr) * sign(1.0, snl) * sign(1.0, h),
        };
        ssmax = sign(ssmax, tsign);
        ssmin = sign(ssmin, tsign * sign(1.0, f) * sign(1.0, h));
        (ssmin, ssmax, snr, csr, snl, csl)
    }

    /// `drot` on two rows of VT (`rows = true`) or two columns of U.
    fn drot(m: &mut [f64], n: usize, rows: bool, p: usize, q: usize, c: f64, s: f64) {
        for k in 0..n {
            let (ip, iq) = if rows {
                (p + k * n, q + k * n)
            } else {
                (k + p * n, k + q * n)
            };
            let x = m[ip];
            let y = m[iq];
            m[ip] = c * x + s * y;
            m[iq] = c * y - s * x;
        }
    }

    /// `dlasr('L', 'V', direct, mm, n, c, s, VT(ll, 1))`: plane rotations between rows
    /// ll+j and ll+j+1 of VT, j = 0..mm-1, forward or backward.
    fn dlasr_left(vt: &mut [f64], n: usize, ll: usize, mm: usize, c: &[f64], s: &[f64], fwd: bool) {
        let mut apply = |j: usize| {
            let (ct, st) = (c[j], s[j]);
            if ct != 1.0 || st != 0.0 {
                for i in 0..n {
                    let r0 = ll + j + i * n;
                    let temp = vt[r0 + 1];
                    vt[r0 + 1] = ct * temp - st * vt[r0];
                    vt[r0] = st * temp + ct * vt[r0];
                }
            }
        };
        if fwd {
            (0..mm - 1).for_each(&mut apply);
        } else {
            (0..mm - 1).rev().for_each(&mut apply);
        }
    }

    /// `dlasr('R', 'V', direct, n, mm, c, s, U(1, ll))`: rotations between columns of U.
    fn dlasr_right(u: &mut [f64], n: usize, ll: usize, mm: usize, c: &[f64], s: &[f64], fwd: bool) {
        let mut apply = |j: usize| {
            let (ct, st) = (c[j], s[j]);
            if ct != 1.0 || st != 0.0 {
                for i in 0..n {
                    let c0 = i + (ll + j) * n;
                    let c1 = c0 + n;
                    let temp = u[c1];
                    u[c1] = ct * temp - st * u[c0];
                    u[c0] = st * temp + ct * u[c0];
                }
            }
        };
        if fwd {
            (0..mm - 1).for_each(&mut apply);
        } else {
            (0..mm - 1).rev().for_each(&mut apply);
        }
    }

    /// `dbdsqr('U', n, ncvt = n, nru = n, ncc = 0, d, e, VT, U)` for n >= 2: implicit
    /// zero-shift / shifted QR on the upper bidiagonal (d, e), rotations accumulated into
    /// VT (rows) and U (columns); then make d >= 0 and sort it into decreasing order.
    ///
    /// Written with LAPACK's 1-based indices: `d(i)` is `d[i - 1]`.
    fn dbdsqr(
        n: usize,
        d0: &mut [f64],
        e0: &mut [f64],
        vt: &mut [f64],
        u: &mut [f64],
    ) -> Result<(), NotConverged> {
        const MAXITR: usize = 6;
        let eps = EPS;
        let unfl = SFMIN;
        // 1-based copies.
        let mut d = vec![0.0; n + 1];
        let mut e = vec![0.0; n + 1];
        d[1..=n].copy_from_slice(&d0[..n]);
        e[1..n].copy_from_slice(&e0[..n - 1]);
        let nf = n as f64;
        let tolmul = 10.0_f64.max(100.0_f64.min(eps.powf(-0.125)));
        let tol = tolmul * eps;
        // (tol >= 0: relative accuracy)
        let mut sminoa = d[1].abs();
        if sminoa != 0.0 {
            let mut mu = sminoa;
            for i in 2..=n {
                mu = d[i].abs() * (mu / (mu + e[i - 1].abs()));
                sminoa = sminoa.min(mu);
                if sminoa == 0.0 {
                    break;
                }
            }
        }
        sminoa /= nf.sqrt();
        let thresh = (tol * sminoa).max(MAXITR as f64 * (nf * (nf * unfl)));
        let maxitdivn = MAXITR * n;
        let mut iterdivn = 0;
        let mut iter: i64 = -1;
        let mut oldll: i64 = -1;
        let mut oldm: i64 = -1;
        let mut idir = 0;
        let mut m = n;
        let mut wc = vec![0.0; n];
        let mut ws = vec![0.0; n];
        let mut woc = vec![0.0; n];
        let mut wos = vec![0.0; n];
        // Label 60: main loop.
        'main: loop {
            if m <= 1 {
                break;
            }
            if iter >= n as i64 {
                iter -= n as i64;
                iterdivn += 1;
                if iterdivn >= maxitdivn {
                    return Err(NotConverged);
                }
            }
            // Find diagonal block of matrix to work on.
            let mut smax = d[m].abs();
            let mut ll = 0;
            let mut split = false;
            for lll in 1..m {
                ll = m - lll;
                let abss = d[ll].abs();
                let abse = e[ll].abs();
                if abse <= thresh {
                    split = true;
                    break;
                }
                smax = smax.max(abss).max(abse);
            }
            if split {
                e[ll] = 0.0;
                if ll == m - 1 {
                    m -= 1;
                    continue 'main;
                }
            } else {
                ll = 0;
            }
            // Label 90.
            ll += 1;
            if ll == m - 1 {
                // 2 by 2 block.
                let (sigmn, sigmx, sinr, cosr, sinl, cosl) = dlasv2(d[m - 1], e[m - 1], d[m]);
                d[m - 1] = sigmx;
                e[m - 1] = 0.0;
                d[m] = sigmn;
                drot(vt, n, true, m - 2, m - 1, cosr, sinr);
                drot(u, n, false, m - 2, m - 1, cosl, sinl);
                m -= 2;
                continue 'main;
            }
            // Working on a new submatrix: choose the shift direction.
            if ll as i64 > oldm || (m as i64) < oldll {
                idir = if d[ll].abs() >= d[m].abs() { 1 } else { 2 };
            }
            // Convergence tests.
            let mut smin;
            if idir == 1 {
                if e[m - 1].abs() <= tol.abs() * d[m].abs() {
                    e[m - 1] = 0.0;
                    continue 'main;
                }
                let mut mu = d[ll].abs();
                smin = mu;
                for lll in ll..m {
                    if e[lll].abs() <= tol * mu {
                        e[lll] = 0.0;
                        continue 'main;
                    }
                    mu = d[lll + 1].abs() * (mu / (mu + e[lll].abs()));
                    smin = smin.min(mu);
                }
            } else {
                if e[ll].abs() <= tol.abs() * d[ll].abs() {
                    e[ll] = 0.0;
                    continue 'main;
                }
                let mut mu = d[m].abs();
                smin = mu;
                for lll in (ll..m).rev() {
                    if e[lll].abs() <= tol * mu {
                        e[lll] = 0.0;
                        continue 'main;
                    }
                    mu = d[lll].abs() * (mu / (mu + e[lll].abs()));
                    smin = smin.min(mu);
                }
            }
            oldll = ll as i64;
            oldm = m as i64;
            // Compute the shift.
            let mut shift;
            if nf * tol * (smin / smax) <= eps.max(0.01 * tol) {
                shift = 0.0;
            } else {
                let sll;
                if idir == 1 {
                    sll = d[ll].abs();
                    shift = dlas2(d[m - 1], e[m - 1], d[m]).0;
                } else {
                    sll = d[m].abs();
                    shift = dlas2(d[ll], e[ll], d[ll + 1]).0;
                }
                if sll > 0.0 {
                    let q = shift / sll;
                    if q * q < eps {
                        shift = 0.0;
                    }
                }
            }
            iter += (m - ll) as i64;
            let mm = m - ll + 1;
            if shift == 0.0 {
                if idir == 1 {
                    // Chase bulge from top to bottom.
                    let mut cs = 1.0;
                    let mut oldcs = 1.0;
                    let mut oldsn = 0.0;
                    for i in ll..m {
                        let (c1, s1, r) = dlartg(d[i] * cs, e[i]);
                        cs = c1;
                        let sn = s1;
                        if i > ll {
                            e[i - 1] = oldsn * r;
                        }
                        let (c2, s2, r2) = dlartg(oldcs * r, d[i + 1] * sn);
                        oldcs = c2;
                        oldsn = s2;
                        d[i] = r2;
                        wc[i - ll] = cs;
                        ws[i - ll] = sn;
                        woc[i - ll] = oldcs;
                        wos[i - ll] = oldsn;
                    }
                    let h = d[m] * cs;
                    d[m] = h * oldcs;
                    e[m - 1] = h * oldsn;
                    dlasr_left(vt, n, ll - 1, mm, &wc, &ws, true);
                    dlasr_right(u, n, ll - 1, mm, &woc, &wos, true);
                    if e[m - 1].abs() <= thresh {
                        e[m - 1] = 0.0;
                    }
                } else {
                    // Chase bulge from bottom to top.
                    let mut cs = 1.0;
                    let mut oldcs = 1.0;
                    let mut oldsn = 0.0;
                    for i in (ll + 1..=m).rev() {
                        let (c1, s1, r) = dlartg(d[i] * cs, e[i - 1]);
                        cs = c1;
                        let sn = s1;
                        if i < m {
                            e[i] = oldsn * r;
                        }
                        let (c2, s2, r2) = dlartg(oldcs * r, d[i - 1] * sn);
                        oldcs = c2;
                        oldsn = s2;
                        d[i] = r2;
                        wc[i - ll - 1] = cs;
                        ws[i - ll - 1] = -sn;
                        woc[i - ll - 1] = oldcs;
                        wos[i - ll - 1] = -oldsn;
                    }
                    let h = d[ll] * cs;
                    d[ll] = h * oldcs;
                    e[ll] = h * oldsn;
                    dlasr_left(vt, n, ll - 1, mm, &woc, &wos, false);
                    dlasr_right(u, n, ll - 1, mm, &wc, &ws, false);
                    if e[ll].abs() <= thresh {
                        e[ll] = 0.0;
                    }
                }
            } else if idir == 1 {
                // Chase bulge from top to bottom, with shift.
                let mut f = (d[ll].abs() - shift) * (sign(1.0, d[ll]) + shift / d[ll]);
                let mut g = e[ll];
                for i in ll..m {
                    let (cosr, sinr, r) = dlartg(f, g);
                    if i > ll {
                        e[i - 1] = r;
                    }
                    f = cosr * d[i] + sinr * e[i];
                    e[i] = cosr * e[i] - sinr * d[i];
                    g = sinr * d[i + 1];
                    d[i + 1] *= cosr;
                    let (cosl, sinl, r) = dlartg(f, g);
                    d[i] = r;
                    f = cosl * e[i] + sinl * d[i + 1];
                    d[i + 1] = cosl * d[i + 1] - sinl * e[i];
                    if i < m - 1 {
                        g = sinl * e[i + 1];
                        e[i + 1] *= cosl;
                    }
                    wc[i - ll] = cosr;
                    ws[i - ll] = sinr;
                    woc[i - ll] = cosl;
                    wos[i - ll] = sinl;
                }
                e[m - 1] = f;
                dlasr_left(vt, n, ll - 1, mm, &wc, &ws, true);
                dlasr_right(u, n, ll - 1, mm, &woc, &wos, true);
                if e[m - 1].abs() <= thresh {
                    e[m - 1] = 0.0;
                }
            } else {
                // Chase bulge from bottom to top, with shift.
                let mut f = (d[m].abs() - shift) * (sign(1.0, d[m]) + shift / d[m]);
                let mut g = e[m - 1];
                for i in (ll + 1..=m).rev() {
                    let (cosr, sinr, r) = dlartg(f, g);
                    if i < m {
                        e[i] = r;
                    }
                    f = cosr * d[i] + sinr * e[i - 1];
                    e[i - 1] = cosr * e[i - 1] - sinr * d[i];
                    g = sinr * d[i - 1];
                    d[i - 1] *= cosr;
                    let (cosl, sinl, r) = dlartg(f, g);
                    d[i] = r;
                    f = cosl * e[i - 1] + sinl * d[i - 1];
                    d[i - 1] = cosl * d[i - 1] - sinl * e[i - 1];
                    if i > ll + 1 {
                        g = sinl * e[i - 2];
                        e[i - 2] *= cosl;
                    }
                    wc[i - ll - 1] = cosr;
                    ws[i - ll - 1] = -sinr;
                    woc[i - ll - 1] = cosl;
                    wos[i - ll - 1] = -sinl;
                }
                e[ll] = f;
                if e[ll].abs() <= thresh {
                    e[ll] = 0.0;
                }
                dlasr_left(vt, n, ll - 1, mm, &woc, &wos, false);
                dlasr_right(u, n, ll - 1, mm, &wc, &ws, false);
            }
        }
        // Label 160: make singular values non-negative.
        for i in 1..=n {
            if d[i] == 0.0 {
                d[i] = 0.0;
            }
            if d[i] < 0.0 {
                d[i] = -d[i];
                for k in 0..n {
                    vt[(i - 1) + k * n] = -vt[(i - 1) + k * n];
                }
            }
        }
        // Sort into decreasing order (selection, smallest to the end, ties: the last one).
        for i in 1..n {
            let mut isub = 1;
            let mut smin = d[1];
            for (j, &dj) in d.iter().enumerate().take(n + 2 - i).skip(2) {
                if dj <= smin {
                    isub = j;
                    smin = dj;
                }
            }
            let last = n + 1 - i;
            if isub != last {
                d[isub] = d[last];
                d[last] = smin;
                swap_rows(vt, n, isub - 1, last - 1);
                swap_cols(u, n, isub - 1, last - 1);
            }
        }
        d0[..n].copy_from_slice(&d[1..=n]);
        Ok(())
    }
}
