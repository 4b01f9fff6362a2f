//! The auxiliary LAPACK routines (and the few BLAS level-1/2 operations) shared by the
//! ports in [`svd`](super::svd), [`eigh`](super::eigh) and [`cholesky`](super::cholesky):
//! machine constants, scaling, Householder reflectors, Givens rotations.
//!
//! Matrices are column-major with leading dimension `n`, like Fortran's; comments name the
//! LAPACK routine and keep its 1-based variable names where that helps checking the port.

use crate::prelude::*;

/// `dlamch('E')`: relative machine epsilon (rounding mode) = 2^-53.
pub(crate) const EPS: f64 = f64::EPSILON * 0.5;

/// `dlamch('S')`: safe minimum = 2^-1022.
pub(crate) const SFMIN: f64 = f64::MIN_POSITIVE;

/// `dlamch('P')` = eps * base = 2^-52.
pub(crate) const PREC: f64 = f64::EPSILON;

/// LAPACK reported `INFO != 0` (or, for `dpotrf`, a non-positive pivot): NumPy raises its
/// `LinAlgError` ("SVD did not converge", "Eigenvalues did not converge", "Matrix is not
/// positive definite").
#[derive(Debug)]
pub(crate) struct NotConverged;

/// Fortran's `SIGN(a, b)`: `|a|` with the sign bit of `b` (gfortran honours -0.0).
pub(crate) fn sign(a: f64, b: f64) -> f64 {
    a.abs().copysign(b)
}

/// `dlange('M')`: the largest |a_ij|, NaN if any element is NaN.
pub(crate) fn dlange_max(a: &[f64]) -> f64 {
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
pub(crate) fn dlascl(cfrom: f64, cto: f64, a: &mut [f64]) {
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
pub(crate) fn dlapy2(x: f64, y: f64) -> f64 {
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
pub(crate) fn dnrm2(a: &[f64], start: usize, inc: usize, count: usize) -> f64 {
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
pub(crate) fn dlarfg(count: usize, a: &mut [f64], ia: usize, ix: usize, inc: usize) -> f64 {
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
pub(crate) fn dlarf1f_left(
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
pub(crate) fn dlarf1f_right(
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

pub(crate) fn swap_rows(m: &mut [f64], n: usize, r1: usize, r2: usize) {
    for j in 0..n {
        m.swap(r1 + j * n, r2 + j * n);
    }
}

pub(crate) fn swap_cols(m: &mut [f64], n: usize, c1: usize, c2: usize) {
    for i in 0..n {
        m.swap(i + c1 * n, i + c2 * n);
    }
}

/// `dlartg(f, g)` (LAPACK 3.10+): returns (c, s, r) with c >= 0 and r of the sign of f.
pub(crate) fn dlartg(f: f64, g: f64) -> (f64, f64, f64) {
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

/// `dlasr('L', 'V', direct, mm, n, c, s, VT(ll, 1))`: plane rotations between rows
/// ll+j and ll+j+1 of VT, j = 0..mm-1, forward or backward.
pub(crate) fn dlasr_left(
    vt: &mut [f64],
    n: usize,
    ll: usize,
    mm: usize,
    c: &[f64],
    s: &[f64],
    fwd: bool,
) {
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
pub(crate) fn dlasr_right(
    u: &mut [f64],
    n: usize,
    ll: usize,
    mm: usize,
    c: &[f64],
    s: &[f64],
    fwd: bool,
) {
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
