//! The Rust twin of `scripts/make_classification.py`: a seeded classification data set
//! in the manner of scikit-learn's `make_classification` (hypercube clusters stretched
//! with `np.dot`, redundant features, label noise, shift, scale, shuffle) and a summary
//! with `np.sum`, `mean`, `std`, `X @ w`, `np.percentile` and `np.median`, printing
//! exactly the same text as the Python original.
//!
//! ```text
//! python3 scripts/make_classification.py > py.txt
//! cargo run --example make_classification > rs.txt
//! diff py.txt rs.txt   # no output
//! ```

use nprand::array::NdArray;
use nprand::fmt::py_float_repr as repr;
use nprand::numpy as np;
use nprand::RandomState;
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run(&mut std::io::stdout().lock())
}

/// `2 * rs.uniform(size=n) - 1`.
fn signed_uniform(rs: &mut RandomState, n: usize) -> Vec<f64> {
    let mut v = vec![0.0; n];
    rs.random_sample_into(&mut v);
    v.iter().map(|u| 2.0 * u - 1.0).collect()
}

/// Columns `c0..c1` of the `rows × cols` matrix `x`, as a C-order copy.
fn columns(x: &[f64], cols: usize, c0: usize, c1: usize) -> Vec<f64> {
    x.chunks_exact(cols)
        .flat_map(|r| r[c0..c1].iter().copied())
        .collect()
}

/// The data set and its summary, written to `out` (tests/make_classification.rs
/// compares it with fixtures/numpy_ops/make_classification.txt).
pub fn run(out: &mut impl Write) -> Result<(), Box<dyn std::error::Error>> {
    let mut rs = RandomState::new(7);
    let (n_samples, n_features) = (300usize, 8usize);
    let (n_informative, n_redundant) = (3usize, 2usize);
    let (n_classes, n_clusters_per_class) = (3usize, 2usize);
    let (class_sep, flip_y) = (1.5, 0.03);
    let n_useless = n_features - n_informative - n_redundant;
    let n_clusters = n_classes * n_clusters_per_class;
    let nf = n_features;

    let mut sizes = vec![n_samples / n_clusters; n_clusters];
    for i in 0..n_samples - sizes.iter().sum::<usize>() {
        sizes[i % n_clusters] += 1;
    }

    // centroids = rs.randint(2, size=(n_clusters, n_informative)).astype(float) ...
    let mut vertices = vec![0i64; n_clusters * n_informative];
    rs.randint_into(&mut vertices, 0, 2)?;
    let centroids: Vec<f64> = vertices
        .iter()
        .map(|&v| v as f64 * (2.0 * class_sep) - class_sep)
        .collect();

    let mut x = vec![0.0; n_samples * nf];
    let mut y = vec![0i64; n_samples];
    let mut informative = vec![0.0; n_samples * n_informative];
    rs.standard_normal_into(&mut informative);
    for (row, inf) in x
        .chunks_exact_mut(nf)
        .zip(informative.chunks_exact(n_informative))
    {
        row[..n_informative].copy_from_slice(inf);
    }

    let mut stop = 0;
    for (k, centroid) in centroids.chunks_exact(n_informative).enumerate() {
        let start = stop;
        stop += sizes[k];
        y[start..stop].fill((k % n_classes) as i64);
        let a = signed_uniform(&mut rs, n_informative * n_informative);
        let block = columns(&x[start * nf..stop * nf], nf, 0, n_informative);
        // X[start:stop, :n_informative] = np.dot(X[start:stop, :n_informative], A)
        let prod = np::dot(
            &NdArray::new(vec![stop - start, n_informative], block)?,
            &NdArray::new(vec![n_informative, n_informative], a)?,
        )?;
        for (row, p) in x[start * nf..stop * nf]
            .chunks_exact_mut(nf)
            .zip(prod.data.chunks_exact(n_informative))
        {
            for ((v, &pv), &c) in row.iter_mut().zip(p).zip(centroid) {
                *v = pv + c;
            }
        }
    }

    let b = signed_uniform(&mut rs, n_informative * n_redundant);
    let red = np::dot(
        &NdArray::new(
            vec![n_samples, n_informative],
            columns(&x, nf, 0, n_informative),
        )?,
        &NdArray::new(vec![n_informative, n_redundant], b)?,
    )?;
    let mut useless = vec![0.0; n_samples * n_useless];
    rs.standard_normal_into(&mut useless);
    for ((row, r), u) in x
        .chunks_exact_mut(nf)
        .zip(red.data.chunks_exact(n_redundant))
        .zip(useless.chunks_exact(n_useless))
    {
        row[n_informative..n_informative + n_redundant].copy_from_slice(r);
        row[n_informative + n_redundant..].copy_from_slice(u);
    }

    // flip = rs.uniform(size=n_samples) < flip_y; y[flip] = rs.randint(...)
    let mut u = vec![0.0; n_samples];
    rs.random_sample_into(&mut u);
    let flipped: Vec<usize> = (0..n_samples).filter(|&i| u[i] < flip_y).collect();
    let mut new_labels = vec![0i64; flipped.len()];
    rs.randint_into(&mut new_labels, 0, n_classes as i128)?;
    for (&i, &l) in flipped.iter().zip(&new_labels) {
        y[i] = l;
    }

    let shift: Vec<f64> = signed_uniform(&mut rs, nf)
        .iter()
        .map(|s| s * class_sep)
        .collect();
    let mut scale = vec![0.0; nf];
    rs.random_sample_into(&mut scale);
    for row in x.chunks_exact_mut(nf) {
        for ((v, s), c) in row.iter_mut().zip(&shift).zip(&scale) {
            *v = (*v + s) * (1.0 + 100.0 * c);
        }
    }

    let mut order: Vec<i64> = (0..n_samples as i64).collect();
    rs.shuffle(&mut order);
    let x: Vec<f64> = order
        .iter()
        .flat_map(|&i| x[i as usize * nf..(i as usize + 1) * nf].iter().copied())
        .collect();
    let y: Vec<i64> = order.iter().map(|&i| y[i as usize]).collect();

    let row = |v: &[f64]| v.iter().map(|&t| repr(t)).collect::<Vec<_>>().join(" ");
    let xa = NdArray::new(vec![n_samples, nf], x.clone())?;
    let labels: Vec<String> = y[..20].iter().map(|t| t.to_string()).collect();
    writeln!(out, "first labels: {}", labels.join(" "))?;
    let counts: Vec<String> = (0..n_classes as i64)
        .map(|c| y.iter().filter(|&&t| t == c).count().to_string())
        .collect();
    writeln!(out, "class counts: {}", counts.join(" "))?;
    writeln!(
        out,
        "np.sum(X, axis=0): {}",
        row(&np::sum_axis(&xa, 0)?.data)
    )?;
    writeln!(out, "X.mean(axis=0): {}", row(&np::mean_axis(&xa, 0)?.data))?;
    writeln!(
        out,
        "X.std(axis=0): {}",
        row(&np::std_axis(&xa, 0, 0.0)?.data)
    )?;
    writeln!(
        out,
        "np.sum(X): {} X.var(): {}",
        repr(np::sum(&x)),
        repr(np::var(&x, 0.0))
    )?;
    for c in 0..n_classes as i64 {
        // X[y == c].mean(axis=0)
        let sel: Vec<f64> = x
            .chunks_exact(nf)
            .zip(&y)
            .filter(|(_, &t)| t == c)
            .flat_map(|(r, _)| r.iter().copied())
            .collect();
        let rows = sel.len() / nf;
        let m = np::mean_axis(&NdArray::new(vec![rows, nf], sel)?, 0)?;
        writeln!(out, "class {c} mean: {}", row(&m.data))?;
    }
    let w = np::linspace(-1.0, 1.0, nf as i64)?;
    let scores = np::matmul(&xa, &NdArray::from_vec(w))?.data;
    writeln!(out, "np.sum(X @ w): {}", repr(np::sum(&scores)))?;
    writeln!(
        out,
        "percentiles 5/50/95: {} {} {}",
        repr(np::percentile(&scores, 5.0)?),
        repr(np::percentile(&scores, 50.0)?),
        repr(np::percentile(&scores, 95.0)?)
    )?;
    writeln!(
        out,
        "median row sum: {}",
        repr(np::median(&np::sum_axis(&xa, 1)?.data))
    )?;
    // np.dot(X[:5], np.ascontiguousarray(X[:5].T))
    let top = x[..5 * nf].to_vec();
    let top_t: Vec<f64> = (0..nf)
        .flat_map(|j| (0..5).map(move |i| (i, j)))
        .map(|(i, j)| x[i * nf + j])
        .collect();
    let g = np::dot(
        &NdArray::new(vec![5, nf], top)?,
        &NdArray::new(vec![nf, 5], top_t)?,
    )?;
    let diag: Vec<f64> = (0..5).map(|i| g.data[i * 5 + i]).collect();
    writeln!(out, "np.dot(X[:5], X[:5].T) diagonal: {}", row(&diag))?;
    Ok(())
}
