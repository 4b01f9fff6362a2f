//! The Rust twin of `scripts/experiment.py`: a seeded NumPy experiment (synthetic data,
//! mini-batch SGD, bootstrap) that prints exactly the same text as the Python original.
//!
//! ```text
//! python3 scripts/experiment.py > py.txt
//! cargo run --release --example experiment > rs.txt
//! diff py.txt rs.txt   # no output
//! ```

use nprand::array::NdArray;
use nprand::fmt::py_float_repr as repr;
use nprand::numpy as np;
use nprand::RandomState;
use std::io::Write;

fn dot(row: &[f64], w: &[f64]) -> f64 {
    let mut acc = 0.0;
    for (x, wj) in row.iter().zip(w) {
        acc += x * wj;
    }
    acc
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run(&mut std::io::stdout().lock())
}

/// The experiment, writing its report to `out` (tests/experiment.rs compares it with
/// the Python original's output, stored in fixtures/legacy/experiment.txt).
pub fn run(out: &mut impl Write) -> Result<(), Box<dyn std::error::Error>> {
    // rs = np.random.RandomState(2024)
    let mut rs = RandomState::new(2024);
    let (n, d) = (256usize, 4usize);
    // X = rs.uniform(-1.0, 1.0, size=(n, d))
    let mut x = vec![0.0; n * d];
    rs.uniform_into(&mut x, -1.0, 1.0)?;
    // true_w = rs.normal(0.0, 2.0, size=d)
    let mut true_w = vec![0.0; d];
    rs.normal_into(&mut true_w, 0.0, 2.0)?;
    // noise = rs.standard_normal(n)
    let mut noise = vec![0.0; n];
    rs.standard_normal_into(&mut noise);
    let row = |i: usize| &x[i * d..(i + 1) * d];
    let y: Vec<f64> = (0..n)
        .map(|i| dot(row(i), &true_w) + 0.1 * noise[i])
        .collect();
    // w = rs.normal(0.0, 0.01, size=d)
    let mut w = vec![0.0; d];
    rs.normal_into(&mut w, 0.0, 0.01)?;
    let (lr, batch) = (0.1, 32usize);
    for epoch in 0..8 {
        // perm = rs.permutation(n)
        let perm = rs.permutation(n as i64).expect("a small permutation");
        for idx in perm.chunks(batch) {
            let mut grad = vec![0.0; d];
            for &i in idx {
                let i = i as usize;
                let err = dot(row(i), &w) - y[i];
                for (g, xj) in grad.iter_mut().zip(row(i)) {
                    *g += err * xj;
                }
            }
            for (wj, g) in w.iter_mut().zip(&grad) {
                *wj -= lr * g / idx.len() as f64;
            }
        }
        let mut loss = 0.0;
        for (i, yi) in y.iter().enumerate() {
            let r = dot(row(i), &w) - yi;
            loss += r * r;
        }
        writeln!(out, "epoch {epoch}: loss {}", repr(loss / n as f64))?;
    }
    let join = |v: &[f64]| v.iter().map(|&x| repr(x)).collect::<Vec<_>>().join(" ");
    writeln!(out, "weights {}", join(&w))?;
    writeln!(out, "true    {}", join(&true_w))?;

    let resid: Vec<f64> = (0..n).map(|i| (dot(row(i), &w) - y[i]).abs()).collect();
    let mut means = Vec::with_capacity(200);
    for _ in 0..200 {
        // idx = rs.choice(n, size=n)
        let idx = rs.choice_index(n as i64, Some(&[n]), true, None)?;
        let mut acc = 0.0;
        for &i in &idx {
            acc += resid[i as usize];
        }
        means.push(acc / n as f64);
    }
    means.sort_by(f64::total_cmp);
    writeln!(
        out,
        "bootstrap 95% interval of mean |residual|: [{}, {}]",
        repr(means[4]),
        repr(means[194])
    )?;

    // The same model summarised with NumPy's arithmetic (nprand::numpy).
    let xa = NdArray::new(vec![n, d], x.clone())?;
    // r = X @ np.array(w) - np.array(y)
    let xw = np::matmul(&xa, &NdArray::from_vec(w.clone()))?;
    let r: Vec<f64> = xw.data.iter().zip(&y).map(|(a, b)| a - b).collect();
    let r2: Vec<f64> = r.iter().map(|v| v * v).collect();
    writeln!(out, "np.sum(r**2)/n: {}", repr(np::sum(&r2) / n as f64))?;
    let abs_r: Vec<f64> = r.iter().map(|v| v.abs()).collect();
    writeln!(
        out,
        "mean |r|: {} std r: {} ddof=1: {}",
        repr(np::mean(&abs_r)),
        repr(np::std(&r, 0.0)),
        repr(np::std(&r, 1.0))
    )?;
    let grad = np::dot(&NdArray::from_vec(r.clone()), &xa)?;
    let grad: Vec<f64> = grad.data.iter().map(|g| g / n as f64).collect();
    writeln!(out, "gradient np.dot(r, X)/n: {}", join(&grad))?;
    writeln!(out, "column means: {}", join(&np::mean_axis(&xa, 0)?.data))?;
    writeln!(
        out,
        "column stds:  {}",
        join(&np::std_axis(&xa, 0, 0.0)?.data)
    )?;
    // np.dot(X, np.ascontiguousarray(X[:4].T))
    let top_t: Vec<f64> = (0..d)
        .flat_map(|j| (0..4).map(move |i| (i, j)))
        .map(|(i, j)| x[i * d + j])
        .collect();
    let gram = np::dot(&xa, &NdArray::new(vec![d, 4], top_t)?)?;
    writeln!(out, "sum(X @ X[:4].T): {}", repr(np::sum(&gram.data)))?;
    let mut boot = Vec::with_capacity(200);
    for _ in 0..200 {
        // np.mean(abs_r[rs.choice(n, size=n)])
        let idx = rs.choice_index(n as i64, Some(&[n]), true, None)?;
        boot.push(np::mean(&np::take(&abs_r, &idx.data)?));
    }
    writeln!(
        out,
        "np.percentile bootstrap 95% interval: {} {} median: {}",
        repr(np::percentile(&boot, 2.5)?),
        repr(np::percentile(&boot, 97.5)?),
        repr(np::median(&boot))
    )?;
    Ok(())
}
