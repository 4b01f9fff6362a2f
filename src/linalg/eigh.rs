//! `numpy.linalg.eigh(a)` (`UPLO='L'`) of a matrix of order 1..=25: LAPACK `dsyevd` with
//! `JOBZ='V'`, which for these orders runs `dsytrd` -> `dsytd2` (unblocked: `ilaenv`'s block
//! size 32 exceeds n), `dstedc` -> `dsteqr` (n <= `SMLSIZ` = 25: implicit QL/QR, no divide
//! and conquer) and `dormtr` -> `dormqr` -> `dorm2r` (unblocked: k = n-1 < 32).
//!
//! NumPy's `_umath_linalg` copies the C-ordered matrix into Fortran order (A(i, j) = a[i][j])
//! before calling `dsyevd('V', 'L', ...)`, so only the **lower** triangle of the matrix as the
//! caller wrote it is read: `eigh([[1, 5], [0, 1]])` is the identity's decomposition.

use super::lapack::{
    dlapy2, dlarf1f_left, dlarfg, dlartg, dlascl, dlasr_right, sign, NotConverged, EPS, PREC, SFMIN,
};
use super::MAX_DIM;
use crate::prelude::*;

/// `numpy.linalg.eigh(a)`: eigenvalues `w` in ascending order and the eigenvectors as the
/// columns of the row-major `v`.
pub(crate) struct Eigh {
    pub w: Vec<f64>,
    pub v: Vec<f64>,
}

/// `dsyevd('V', 'L', n, A)` on the row-major `a_rows`, with NumPy's conversion of the result.
/// `Err` is LAPACK's `INFO > 0` (`dsteqr` ran out of iterations), which NumPy reports as
/// `LinAlgError("Eigenvalues did not converge")`.
pub(crate) fn syevd(n: usize, a_rows: &[f64]) -> Result<Eigh, NotConverged> {
    assert!((1..=MAX_DIM).contains(&n) && a_rows.len() == n * n);
    // Column-major A(i, j) = a[i][j], as NumPy's linearize_matrix leaves it.
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            a[i + j * n] = a_rows[i * n + j];
        }
    }
    if n == 1 {
        // dsyevd's quick return: W(1) = A(1,1) (even a NaN), A(1,1) = 1.
        return Ok(Eigh {
            w: vec![a[0]],
            v: vec![1.0],
        });
    }
    // Scale the matrix to the allowable range, if necessary (dlamch('Precision') = 2^-52).
    let smlnum = SFMIN / PREC;
    let bignum = 1.0 / smlnum;
    let rmin = smlnum.sqrt();
    let rmax = bignum.sqrt();
    let anrm = dlansy_max_lower(n, &a);
    let mut sigma = 1.0;
    let iscale = if anrm > 0.0 && anrm < rmin {
        sigma = rmin / anrm;
        true
    } else if anrm > rmax {
        sigma = rmax / anrm;
        true
    } else {
        false
    };
    if iscale {
        // dlascl('L', ...) scales the lower triangle only; the strict upper triangle is
        // never read again, so scaling all of A gives the same lower triangle.
        dlascl(1.0, sigma, &mut a);
    }
    let mut d = vec![0.0; n];
    let mut e = vec![0.0; n];
    let mut tau = vec![0.0; n];
    dsytd2_lower(n, &mut a, &mut d, &mut e, &mut tau);
    // dstedc('I') for n <= SMLSIZ is dsteqr('I'), which starts Z at the identity.
    let mut z = vec![0.0; n * n];
    dsteqr(n, &mut d, &mut e, &mut z)?;
    // dormtr('L', 'L', 'N'): Z = Q Z with Q = H(1) ... H(n-1) from dsytd2, applied by
    // dorm2r on Z(2:n, 1:n) in the order H(n-1) first. Reflector i lives in A(i+2:n, i)
    // (0-based: rows i+2.., column i) with an implicit leading 1 at A(i+1, i).
    for i in (0..n - 1).rev() {
        let vtail: Vec<f64> = a[i + 2 + i * n..n + i * n].to_vec();
        dlarf1f_left(&vtail, tau[i], &mut z, n, i + 1, 0, n - 1 - i, n);
    }
    if iscale {
        // DSCAL(N, ONE / SIGMA, W, 1): a multiplication by the reciprocal, not a division.
        let r = 1.0 / sigma;
        for w in d.iter_mut() {
            *w *= r;
        }
    }
    let mut v = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            v[i * n + j] = z[i + j * n];
        }
    }
    Ok(Eigh { w: d, v })
}

/// `dlansy('M', 'L')`: the largest |A(i, j)|, i >= j; a NaN wins (`DISNAN`).
fn dlansy_max_lower(n: usize, a: &[f64]) -> f64 {
    let mut value: f64 = 0.0;
    for j in 0..n {
        for i in j..n {
            let sum = a[i + j * n].abs();
            if value < sum || sum.is_nan() {
                value = sum;
            }
        }
    }
    value
}

/// `dsytd2('L')`: reduce the lower triangle of A to tridiagonal form T = Q^T A Q
/// (diagonal `d`, off-diagonal `e`); the reflectors stay below the subdiagonal of A.
/// The BLAS calls (`dsymv`, `ddot`, `daxpy`, `dsyr2`) follow the reference loops.
fn dsytd2_lower(n: usize, a: &mut [f64], d: &mut [f64], e: &mut [f64], tau: &mut [f64]) {
    for i in 0..n - 1 {
        // H(i) annihilates A(i+2:n, i): DLARFG(N-I, A(I+1,I), A(MIN(I+2,N),I), 1, TAUI).
        let taui = dlarfg(n - i - 1, a, i + 1 + i * n, (i + 2).min(n - 1) + i * n, 1);
        e[i] = a[i + 1 + i * n];
        if taui != 0.0 {
            a[i + 1 + i * n] = 1.0;
            let k = n - i - 1;
            let off = (i + 1) + (i + 1) * n; // A22 = A(i+1:n, i+1:n)
            let at = |r: usize, c: usize| off + r + c * n;
            let v: Vec<f64> = a[i + 1 + i * n..n + i * n].to_vec();
            // dsymv('L', k, taui, A22, v, 0, w): reference order, lower triangle only.
            let mut w = vec![0.0; k];
            for jj in 0..k {
                let temp1 = taui * v[jj];
                let mut temp2 = 0.0;
                w[jj] += temp1 * a[at(jj, jj)];
                for ii in jj + 1..k {
                    w[ii] += temp1 * a[at(ii, jj)];
                    temp2 += a[at(ii, jj)] * v[ii];
                }
                w[jj] += taui * temp2;
            }
            // alpha = -1/2 taui w^T v; w += alpha v.
            let mut dot = 0.0;
            for (wk, vk) in w.iter().zip(&v) {
                dot += wk * vk;
            }
            let alpha = -0.5 * taui * dot;
            for (wk, vk) in w.iter_mut().zip(&v) {
                *wk += alpha * vk;
            }
            // dsyr2('L', k, -1, v, w, A22): A22 -= v w^T + w v^T (lower triangle).
            for jj in 0..k {
                if v[jj] != 0.0 || w[jj] != 0.0 {
                    let temp1 = -w[jj];
                    let temp2 = -v[jj];
                    for ii in jj..k {
                        a[at(ii, jj)] += v[ii] * temp1 + w[ii] * temp2;
                    }
                }
            }
            a[i + 1 + i * n] = e[i];
        }
        d[i] = a[i + i * n];
        tau[i] = taui;
    }
    d[n - 1] = a[(n - 1) + (n - 1) * n];
}

/// `dlaev2(a, b, c)`: eigen-decomposition of [[a, b], [b, c]]: (rt1, rt2, cs1, sn1) with
/// |rt1| >= |rt2| and (cs1, sn1) the unit eigenvector of rt1.
fn dlaev2(a: f64, b: f64, c: f64) -> (f64, f64, f64, f64) {
    let sm = a + c;
    let df = a - c;
    let adf = df.abs();
    let tb = b + b;
    let ab = tb.abs();
    let (acmx, acmn) = if a.abs() > c.abs() { (a, c) } else { (c, a) };
    let rt = if adf > ab {
        {
            let q = ab / adf;
            adf * (1.0 + q * q).sqrt()
        }
    } else if adf < ab {
        {
            let q = adf / ab;
            ab * (1.0 + q * q).sqrt()
        }
    } else {
        // Includes ab = adf = 0 (and NaNs, which fail both comparisons).
        ab * 2.0_f64.sqrt()
    };
    let (rt1, rt2, sgn1) = if sm < 0.0 {
        let rt1 = 0.5 * (sm - rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, -1)
    } else if sm > 0.0 {
        let rt1 = 0.5 * (sm + rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, 1)
    } else {
        (0.5 * rt, -0.5 * rt, 1)
    };
    let (cs, sgn2) = if df >= 0.0 {
        (df + rt, 1)
    } else {
        (df - rt, -1)
    };
    let acs = cs.abs();
    let (mut cs1, mut sn1);
    if acs > ab {
        let ct = -tb / cs;
        sn1 = 1.0 / (1.0 + ct * ct).sqrt();
        cs1 = ct * sn1;
    } else if ab == 0.0 {
        cs1 = 1.0;
        sn1 = 0.0;
    } else {
        let tn = -cs / tb;
        cs1 = 1.0 / (1.0 + tn * tn).sqrt();
        sn1 = tn * cs1;
    }
    if sgn1 == sgn2 {
        let tn = cs1;
        cs1 = -sn1;
        sn1 = tn;
    }
    (rt1, rt2, cs1, sn1)
}

/// `dlanst('M')` of the tridiagonal block d(l..=lend), e(l..lend) (1-based slices).
fn dlanst_max(d: &[f64], e: &[f64]) -> f64 {
    let n = d.len();
    let mut anorm = d[n - 1].abs();
    for i in 0..n - 1 {
        for sum in [d[i].abs(), e[i].abs()] {
            if anorm < sum || sum.is_nan() {
                anorm = sum;
            }
        }
    }
    anorm
}

/// `dsteqr('I', n, d, e, Z)` for n >= 2: eigenvalues and eigenvectors of the symmetric
/// tridiagonal (d, e) by the implicit QL or QR method (chosen per block by which end has the
/// smaller diagonal entry), then a selection sort into increasing order.
///
/// Written with LAPACK's 1-based indices: `d[i]` is D(I); `z` is 0-based column-major.
fn dsteqr(n: usize, d0: &mut [f64], e0: &mut [f64], z: &mut [f64]) -> Result<(), NotConverged> {
    const MAXIT: usize = 30;
    let mut d = vec![0.0; n + 1];
    let mut e = vec![0.0; n + 1];
    d[1..=n].copy_from_slice(&d0[..n]);
    e[1..n].copy_from_slice(&e0[..n - 1]);
    // WORK(1..n-1) holds cosines and WORK(n..2n-2) sines; indexed here by I directly.
    let mut wc = vec![0.0; n + 1];
    let mut ws = vec![0.0; n + 1];
    let eps = EPS;
    let eps2 = eps * eps;
    let safmin = SFMIN;
    let safmax = 1.0 / safmin;
    let ssfmax = safmax.sqrt() / 3.0;
    let ssfmin = safmin.sqrt() / eps2;
    // dlaset('Full', n, n, 0, 1, Z).
    z.fill(0.0);
    for i in 0..n {
        z[i + i * n] = 1.0;
    }
    let nmaxit = n * MAXIT;
    let mut jtot = 0;
    let mut l1 = 1;
    let nm1 = n - 1;
    // Label 10: look for a small subdiagonal element to split the matrix.
    loop {
        if l1 > n {
            break; // to label 160: sort
        }
        if l1 > 1 {
            e[l1 - 1] = 0.0;
        }
        let mut m = n;
        if l1 <= nm1 {
            for mm in l1..=nm1 {
                let tst = e[mm].abs();
                if tst == 0.0 {
                    m = mm;
                    break;
                }
                if tst <= (d[mm].abs().sqrt() * d[mm + 1].abs().sqrt()) * eps {
                    e[mm] = 0.0;
                    m = mm;
                    break;
                }
            }
        }
        let mut l = l1;
        let lsv = l;
        let mut lend = m;
        let lendsv = lend;
        l1 = m + 1;
        if lend == l {
            continue;
        }
        // Scale the submatrix in rows and columns l to lend.
        let anorm = dlanst_max(&d[l..=lend], &e[l..lend]);
        let mut iscale = 0;
        if anorm == 0.0 {
            continue;
        }
        if anorm > ssfmax {
            iscale = 1;
            dlascl(anorm, ssfmax, &mut d[l..=lend]);
            dlascl(anorm, ssfmax, &mut e[l..lend]);
        } else if anorm < ssfmin {
            iscale = 2;
            dlascl(anorm, ssfmin, &mut d[l..=lend]);
            dlascl(anorm, ssfmin, &mut e[l..lend]);
        }
        // Choose between QL and QR iteration.
        if d[lend].abs() < d[l].abs() {
            lend = lsv;
            l = lendsv;
        }
        if lend > l {
            // QL iteration. Label 40: look for a small subdiagonal element.
            loop {
                let mut m = lend;
                if l != lend {
                    for mm in l..lend {
                        let tst = e[mm].abs() * e[mm].abs(); // ABS(E(M))**2
                        if tst <= (eps2 * d[mm].abs()) * d[mm + 1].abs() + safmin {
                            m = mm;
                            break;
                        }
                    }
                }
                if m < lend {
                    e[m] = 0.0;
                }
                let mut p = d[l];
                if m == l {
                    // Label 80: eigenvalue found.
                    d[l] = p;
                    l += 1;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if m == l + 1 {
                    // A 2×2 block: dlaev2 and one rotation.
                    let (rt1, rt2, c, s) = dlaev2(d[l], e[l], d[l + 1]);
                    wc[l] = c;
                    ws[l] = s;
                    dlasr_right(z, n, l - 1, 2, &wc[l..], &ws[l..], false);
                    d[l] = rt1;
                    d[l + 1] = rt2;
                    e[l] = 0.0;
                    l += 2;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                // Form the shift.
                let mut g = (d[l + 1] - p) / (2.0 * e[l]);
                let mut r = dlapy2(g, 1.0);
                g = d[m] - p + (e[l] / (g + sign(r, g)));
                let mut s = 1.0;
                let mut c = 1.0;
                p = 0.0;
                // Inner loop.
                for i in (l..m).rev() {
                    let f = s * e[i];
                    let b = c * e[i];
                    (c, s, r) = dlartg(g, f);
                    if i != m - 1 {
                        e[i + 1] = r;
                    }
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    wc[i] = c;
                    ws[i] = -s;
                }
                let mm = m - l + 1;
                dlasr_right(z, n, l - 1, mm, &wc[l..], &ws[l..], false);
                d[l] -= p;
                e[l] = g;
            }
        } else {
            // QR iteration. Label 90: look for a small superdiagonal element.
            loop {
                let mut m = lend;
                if l != lend {
                    for mm in (lend + 1..=l).rev() {
                        let tst = e[mm - 1].abs() * e[mm - 1].abs();
                        if tst <= (eps2 * d[mm].abs()) * d[mm - 1].abs() + safmin {
                            m = mm;
                            break;
                        }
                    }
                }
                if m > lend {
                    e[m - 1] = 0.0;
                }
                let mut p = d[l];
                if m == l {
                    // Label 130: eigenvalue found.
                    d[l] = p;
                    l -= 1;
                    if l >= lend {
                        continue;
                    }
                    break;
                }
                if m == l - 1 {
                    let (rt1, rt2, c, s) = dlaev2(d[l - 1], e[l - 1], d[l]);
                    wc[m] = c;
                    ws[m] = s;
                    dlasr_right(z, n, l - 2, 2, &wc[m..], &ws[m..], true);
                    d[l - 1] = rt1;
                    d[l] = rt2;
                    e[l - 1] = 0.0;
                    l -= 2;
                    if l >= lend {
                        continue;
                    }
                    break;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                // Form the shift.
                let mut g = (d[l - 1] - p) / (2.0 * e[l - 1]);
                let mut r = dlapy2(g, 1.0);
                g = d[m] - p + (e[l - 1] / (g + sign(r, g)));
                let mut s = 1.0;
                let mut c = 1.0;
                p = 0.0;
                // Inner loop.
                for i in m..l {
                    let f = s * e[i];
                    let b = c * e[i];
                    (c, s, r) = dlartg(g, f);
                    if i != m {
                        e[i - 1] = r;
                    }
                    g = d[i] - p;
                    r = (d[i + 1] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i] = g + p;
                    g = c * r - b;
                    wc[i] = c;
                    ws[i] = s;
                }
                let mm = l - m + 1;
                dlasr_right(z, n, m - 1, mm, &wc[m..], &ws[m..], true);
                d[l] -= p;
                e[l - 1] = g;
            }
        }
        // Label 140: undo scaling if necessary.
        if iscale == 1 {
            dlascl(ssfmax, anorm, &mut d[lsv..=lendsv]);
            dlascl(ssfmax, anorm, &mut e[lsv..lendsv]);
        } else if iscale == 2 {
            dlascl(ssfmin, anorm, &mut d[lsv..=lendsv]);
            dlascl(ssfmin, anorm, &mut e[lsv..lendsv]);
        }
        // Check for no convergence to an eigenvalue after a total of n*MAXIT iterations.
        if jtot < nmaxit {
            continue;
        }
        if e[1..n].iter().any(|&x| x != 0.0) {
            return Err(NotConverged);
        }
        // INFO = 0 but LAPACK returns here (label 190) without sorting.
        d0[..n].copy_from_slice(&d[1..=n]);
        return Ok(());
    }
    // Label 160: selection sort of the eigenvalues (strict <) and eigenvectors.
    for ii in 2..=n {
        let i = ii - 1;
        let mut k = i;
        let mut p = d[i];
        for (j, &dj) in d.iter().enumerate().take(n + 1).skip(ii) {
            if dj < p {
                k = j;
                p = dj;
            }
        }
        if k != i {
            d[k] = d[i];
            d[i] = p;
            for r in 0..n {
                z.swap(r + (i - 1) * n, r + (k - 1) * n);
            }
        }
    }
    d0[..n].copy_from_slice(&d[1..=n]);
    Ok(())
}
