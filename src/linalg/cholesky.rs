//! `numpy.linalg.cholesky(a)` (lower factor): LAPACK `dpotrf('L')` as OpenBLAS implements it.
//!
//! The Cholesky factor is unique, so any correct algorithm agrees with NumPy's up to
//! rounding; what must match is *when* it fails. OpenBLAS replaces LAPACK's `dpotrf` with its
//! own (`lapack/potf2/potf2_L.c` for small orders, a blocked recursion on top of it for
//! larger ones), whose pivot test is `ajj <= 0`, **not** reference LAPACK's
//! `ajj <= 0 .or. disnan(ajj)`: a NaN pivot passes, its square root is NaN and the NaN spreads
//! through the rest of the factor without an error. numpy 2.4.6 shows exactly that:
//! `np.linalg.cholesky([[nan]])` returns `[[nan]]`.
//!
//! Like `eigh`, NumPy hands LAPACK the matrix in Fortran order with `UPLO='L'`, so only the
//! lower triangle is read (`cholesky([[1, 5], [0, 1]])` is the identity), and NumPy zeroes the
//! strict upper triangle of the result.

use crate::prelude::*;

/// A pivot `ajj <= 0`: NumPy raises `LinAlgError("Matrix is not positive definite")`.
#[derive(Debug)]
pub(crate) struct NotPositiveDefinite;

/// The lower Cholesky factor of the row-major `a_rows` (order `n`, any `n`), row-major, with
/// zeros above the diagonal.
pub(crate) fn potrf_lower(n: usize, a_rows: &[f64]) -> Result<Vec<f64>, NotPositiveDefinite> {
    assert_eq!(a_rows.len(), n * n);
    // Row-major L(i, j) = l[i*n + j]; only i >= j is read and written.
    let mut l: Vec<f64> = a_rows.to_vec();
    for j in 0..n {
        // ajj = A(j,j) - dot(L(j, 0:j), L(j, 0:j))
        let ajj = l[j * n + j] - dot(&l[j * n..j * n + j], &l[j * n..j * n + j]);
        // OpenBLAS's test: NaN is not <= 0 and carries on.
        if ajj <= 0.0 {
            return Err(NotPositiveDefinite);
        }
        let ajj = ajj.sqrt();
        l[j * n + j] = ajj;
        // L(j+1:n, j) = (A(j+1:n, j) - L(j+1:n, 0:j) L(j, 0:j)^T) * (1 / ajj): OpenBLAS's
        // GEMV_N then SCAL_K by the reciprocal.
        let r = 1.0 / ajj;
        for i in j + 1..n {
            let t = dot(&l[i * n..i * n + j], &l[j * n..j * n + j]);
            l[i * n + j] = (l[i * n + j] - t) * r;
        }
    }
    for i in 0..n {
        for j in i + 1..n {
            l[i * n + j] = 0.0;
        }
    }
    Ok(l)
}

/// A dot product in the order of OpenBLAS's strided `ddot` kernel (pairs of products
/// accumulated into two partial sums, four at a time, then the tail), which is what
/// `potf2_L` runs on the rows of the column-major matrix.
fn dot(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len();
    let n1 = n & !3;
    let (mut t1, mut t2) = (0.0, 0.0);
    let mut i = 0;
    while i < n1 {
        let m1 = y[i] * x[i];
        let m2 = y[i + 1] * x[i + 1];
        let m3 = y[i + 2] * x[i + 2];
        let m4 = y[i + 3] * x[i + 3];
        t1 += m1 + m3;
        t2 += m2 + m4;
        i += 4;
    }
    while i < n {
        t1 += y[i] * x[i];
        i += 1;
    }
    t1 + t2
}
