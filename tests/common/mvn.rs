//! How a `multivariate_normal` sample is compared with NumPy's, given that NumPy factors the
//! covariance with LAPACK on OpenBLAS, whose kernel (chosen per CPU) rounds differently.
//!
//! NumPy's sample row is `mean + z @ F`, with `z` the standard normals it draws first and `F`
//! `sqrt(s)[:, None] * v` (svd), `u * sqrt(s)` (eigh) or the Cholesky factor. Three things
//! can move between machines, and the rule allows each the way the math does:
//!
//! 1. **Rounding of a well-conditioned factor**: last bits. Relative 1e-10, as before.
//! 2. **A (near-)singular covariance**: a zero eigenvalue comes out of LAPACK as rounding noise
//!    `|δ| <= c·n·eps·‖cov‖`, and the sample carries `sqrt(δ)` (~1e-8) times a normal. Only
//!    when some singular value is below `1e-10·‖cov‖` (where `sqrt` amplifies the noise past
//!    1e-10), each row may move by `2·m·sqrt(δ)·‖z_row‖` more (`m` such directions).
//! 3. **A repeated eigenvalue**: its eigenspace has no preferred basis, so another kernel may
//!    hand back a rotated one and the sample's component in that eigenspace rotates with it.
//!    Only for such covariances, and only if the elementwise rule fails, the row is compared by
//!    what every valid factor shares: per eigenspace, the length of the sample's projection
//!    (`sqrt(s)·‖z_K‖`), and elementwise outside the repeated eigenspaces.

/// A `multivariate_normal` call's inputs: `mean` (length `n`) and `cov` (`n`x`n`, row-major).
#[derive(Debug, Clone, Default)]
pub struct MvnInputs {
    /// The mean.
    pub mean: Vec<f64>,
    /// The covariance, row-major.
    pub cov: Vec<f64>,
    /// The order.
    pub n: usize,
}

impl MvnInputs {
    /// The literal `mean` and `cov` of a `multivariate_normal(mean, cov, ...)` call string.
    #[cfg(feature = "eval")]
    pub fn parse(call: &str) -> Option<MvnInputs> {
        use nprand::eval::parser::{parse_call, Expr};
        fn num(e: &Expr) -> Option<f64> {
            match e {
                Expr::Int(i) => Some(*i as f64),
                Expr::Float(f) => Some(*f),
                Expr::Bool(b) => Some(f64::from(u8::from(*b))),
                _ => None,
            }
        }
        fn list(e: &Expr) -> Option<&[Expr]> {
            match e {
                Expr::List(v) | Expr::Tuple(v) => Some(v),
                _ => None,
            }
        }
        let c = parse_call(call).ok()?;
        let arg = |i: usize, name: &str| {
            c.args
                .get(i)
                .or_else(|| c.kwargs.iter().find(|(k, _)| k == name).map(|(_, v)| v))
        };
        let mean: Vec<f64> = list(arg(0, "mean")?)?
            .iter()
            .map(num)
            .collect::<Option<_>>()?;
        let rows = list(arg(1, "cov")?)?;
        let n = rows.len();
        let mut cov = Vec::with_capacity(n * n);
        for r in rows {
            let r = list(r)?;
            if r.len() != n {
                return None;
            }
            cov.extend(r.iter().map(num).collect::<Option<Vec<f64>>>()?);
        }
        (mean.len() == n).then_some(MvnInputs { mean, cov, n })
    }
}

/// The singular values of the `n`x`n` row-major `a` and the right singular vectors (as
/// columns of `v`, row-major `n`x`n`), by one-sided Jacobi: accurate to about `eps·‖a‖`
/// absolutely, all the rule needs. For a symmetric `a` these are `|λ|` and its eigenvectors.
pub fn svd_jacobi(a: &[f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    // Columns of A are orthogonalised by plane rotations, accumulated in V.
    let mut u: Vec<Vec<f64>> = (0..n)
        .map(|j| (0..n).map(|i| a[i * n + j]).collect())
        .collect();
    let mut v: Vec<Vec<f64>> = (0..n)
        .map(|j| (0..n).map(|i| f64::from(u8::from(i == j))).collect())
        .collect();
    let dot = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(a, b)| a * b).sum::<f64>();
    for _sweep in 0..60 {
        let mut rotated = false;
        for p in 0..n {
            for q in p + 1..n {
                let (alpha, beta, gamma) =
                    (dot(&u[p], &u[p]), dot(&u[q], &u[q]), dot(&u[p], &u[q]));
                if gamma == 0.0 || gamma.abs() <= 1e-15 * (alpha * beta).sqrt() {
                    continue;
                }
                rotated = true;
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = if zeta == 0.0 {
                    1.0
                } else {
                    zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt())
                };
                let c = 1.0 / (1.0 + t * t).sqrt();
                let s = c * t;
                for m in [&mut u, &mut v] {
                    let (lo, hi) = m.split_at_mut(q);
                    for (x, y) in lo[p].iter_mut().zip(hi[0].iter_mut()) {
                        (*x, *y) = (c * *x - s * *y, s * *x + c * *y);
                    }
                }
            }
        }
        if !rotated {
            break;
        }
    }
    let sigma = u.iter().map(|c| dot(c, c).sqrt()).collect();
    let vm = (0..n * n).map(|k| v[k % n][k / n]).collect();
    (sigma, vm)
}

/// What the factorisation of `cov` leaves undetermined: the per-row noise allowance factor of
/// point 2 (multiply by `‖z_row‖`; 0.0 for a well-conditioned or non-finite `cov`) and the
/// eigenspaces of point 3 (each a list of orthonormal vectors).
struct Freedom {
    noise: f64,
    repeated: Vec<Vec<Vec<f64>>>,
}

fn freedom(cov: &[f64], n: usize) -> Freedom {
    let none = Freedom {
        noise: 0.0,
        repeated: vec![],
    };
    // Scaled by the largest entry first: covariances of 1e300 or 1e-300 are in the fixtures.
    let big = cov.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if n == 0 || cov.len() != n * n || !big.is_finite() || big == 0.0 {
        return none;
    }
    let unit: Vec<f64> = cov.iter().map(|x| x / big).collect();
    let unit_norm = unit.iter().map(|x| x * x).sum::<f64>().sqrt();
    let (sigma, v) = svd_jacobi(&unit, n);
    let noisy = |s: f64| s < 1e-10 * unit_norm;
    let m = sigma.iter().filter(|&&s| noisy(s)).count();
    // c = 8 is a generous constant for LAPACK's dsyevd/dgesdd backward error.
    let delta = 8.0 * n as f64 * f64::EPSILON * big * unit_norm;
    // Repeated (non-noise) singular values: a gap below 1e-6·‖cov‖ already lets rounding turn
    // the basis by more than 1e-10.
    let mut order: Vec<usize> = (0..n).filter(|&k| !noisy(sigma[k])).collect();
    order.sort_by(|&a, &b| sigma[b].total_cmp(&sigma[a]));
    let mut repeated = Vec::new();
    let mut start = 0;
    for end in 1..=order.len() {
        if end == order.len() || sigma[order[end - 1]] - sigma[order[end]] > 1e-6 * unit_norm {
            if end - start >= 2 {
                let cols = order[start..end]
                    .iter()
                    .map(|&k| (0..n).map(|i| v[i * n + k]).collect())
                    .collect();
                repeated.push(cols);
            }
            start = end;
        }
    }
    Freedom {
        noise: 2.0 * m as f64 * delta.sqrt(),
        repeated,
    }
}

/// The per-row allowance factor of point 2 (see the module docs).
pub fn noise_allowance(cov: &[f64], n: usize) -> f64 {
    freedom(cov, n).noise
}

/// A sample (`rows` x `n`, C order) against NumPy's, by the rule of the module docs. `z`: the
/// normals the call drew, in order. The relative part is `rel` times `max(|want_i|, 1)`
/// (`per_element`) or `max_i |want_i|` over the finite values. NaN matches NaN.
pub fn mvn_close(
    got: &[f64],
    want: &[f64],
    inputs: &MvnInputs,
    z: &[f64],
    rel: f64,
    per_element: bool,
) -> Result<(), String> {
    if got.len() != want.len() {
        return Err(format!("{} values, NumPy {}", got.len(), want.len()));
    }
    let n = inputs.n.max(1);
    let fr = freedom(&inputs.cov, inputs.n);
    let max_abs = want
        .iter()
        .filter(|x| x.is_finite())
        .fold(0.0f64, |m, x| m.max(x.abs()));
    let scale = |y: f64| {
        if per_element {
            y.abs().max(1.0)
        } else {
            max_abs
        }
    };
    for (r, (g, w)) in got.chunks(n).zip(want.chunks(n)).enumerate() {
        let zn = z
            .get(r * n..(r + 1) * n)
            .map_or(0.0, |row| row.iter().map(|v| v * v).sum::<f64>().sqrt());
        let slack = fr.noise * zn;
        let elementwise = super::close_by(g, w, |_, y| rel * scale(y) + slack);
        match elementwise {
            Err(e) if !fr.repeated.is_empty() => {
                let row_scale = w.iter().fold(0.0f64, |m, &y| m.max(scale(y)));
                invariant_close(g, w, inputs, &fr.repeated, rel * row_scale + slack)
                    .map_err(|why| format!("row {r}: {e}; and by eigenspace: {why}"))?
            }
            other => other.map_err(|e| format!("row {r}: {e}"))?,
        }
    }
    Ok(())
}

/// Point 3: per repeated eigenspace the projection lengths, elsewhere the elements.
fn invariant_close(
    got: &[f64],
    want: &[f64],
    inputs: &MvnInputs,
    spaces: &[Vec<Vec<f64>>],
    allow: f64,
) -> Result<(), String> {
    let center =
        |x: &[f64]| -> Vec<f64> { x.iter().zip(&inputs.mean).map(|(a, m)| a - m).collect() };
    let (mut g, mut w) = (center(got), center(want));
    for (j, basis) in spaces.iter().enumerate() {
        let (mut lg, mut lw) = (0.0, 0.0);
        for b in basis {
            let (pg, pw) = (dot(&g, b), dot(&w, b));
            lg += pg * pg;
            lw += pw * pw;
            // Remove the eigenspace, leaving the part that must match element by element.
            for i in 0..g.len() {
                g[i] -= pg * b[i];
                w[i] -= pw * b[i];
            }
        }
        let (lg, lw) = (lg.sqrt(), lw.sqrt());
        let within = (lg - lw).abs() <= allow; // false for NaN too
        if !within {
            return Err(format!("eigenspace {j}: length {lg:e}, NumPy {lw:e}"));
        }
    }
    super::close_by(&g, &w, |_, _| allow)
}

fn dot(x: &[f64], y: &[f64]) -> f64 {
    x.iter().zip(y).map(|(a, b)| a * b).sum()
}
