//! `numpy.linalg.svd` of a square matrix of order 1..=25: LAPACK `dgesdd` with `JOBZ='A'`
//! (paths 4 and 5a), `dgebd2` bidiagonalisation, `dbdsdc` -> `dlasdq` -> `dbdsqr` implicit-shift
//! QR, and `dormbr` back transformation.

use super::lapack::{
    dlange_max, dlarf1f_left, dlarf1f_right, dlarfg, dlartg, dlascl, dlasr_left, dlasr_right, sign,
    swap_cols, swap_rows, NotConverged, EPS, PREC, SFMIN,
};
use crate::math::np::NpMath;
use crate::prelude::*;

// The 2×2 kernels `dlas2` and `dlasv2`.
#[path = "svd2x2.rs"]
mod svd2x2;
use svd2x2::{dlas2, dlasv2};

/// `numpy.linalg.svd(a)` for a square `a`: `u`, `s` (descending) and `vt`, all row-major.
pub(crate) struct Svd {
    /// Left singular vectors (columns), row-major: `Generator.multivariate_normal` uses them.
    pub u: Vec<f64>,
    pub s: Vec<f64>,
    pub vt: Vec<f64>,
}

/// `dgesdd('A', n, n, A)` (paths 4 for n = 1 and 5a for n >= 2, `n <= 25`), then
/// NumPy's conversion to row-major `u, s, vh`. `a_rows` is row-major.
pub(crate) fn gesdd(n: usize, a_rows: &[f64]) -> Result<Svd, NotConverged> {
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
    let tolmul = 10.0_f64.max(100.0_f64.min(eps.np_pow(-0.125)));
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
