//! `np.dot`, `np.matmul` (`@`) and the vector dot product of float64 1-d and 2-d C-order
//! arrays, rounded as NumPy 2.4.6's bundled OpenBLAS 0.3.31 rounds them with its
//! Haswell kernels (the ones it runs on x86-64 CPUs with AVX2 and no AVX-512, Zen
//! included).
//!
//! NumPy picks the BLAS routine by shape (`cblasfuncs.c` for `np.dot`, `matmul.c.src`
//! for `@`), and each routine sums in its own order with its own fused multiply-adds:
//!
//! | shapes | routine | here |
//! |---|---|---|
//! | `(k,) · (k,)`, `(1, k) @ (k, 1)` | `ddot` | four 4-lane fused accumulators over blocks of 16, then the tail |
//! | `(k,) @ (k, n)`, `(1, k) @ (k, n)` | `dgemv` (`RowMajor, Trans`: OpenBLAS `dgemv_n`) | `crate::linalg::blas` |
//! | `(m, k) @ (k,)`, `(m, k) @ (k, 1)` | `dgemv` (`NoTrans`: OpenBLAS `dgemv_t`) | `crate::linalg::blas` |
//! | `(m, k) @ (k, n)`, `m, n >= 2` | `dgemm` (`dgemm_kernel_4x8_haswell`) | `crate::linalg::blas` |
//! | `k == 1`, or a `(1, 1)` operand | no BLAS (or `daxpy` from 0) | one product per output |
//!
//! The same code computes `multivariate_normal`'s last step (`x @ factor`).
//!
//! **Where it matches.** Measured against NumPy 2.4.6 on an AVX2 machine (OpenBLAS
//! reports `Haswell`): the 513 products of fixtures/numpy_ops/cases.json (random shapes
//! up to 30 × 300 × 30, vectors up to 5,000 terms), and in a one-off run every one of
//! 1,848 random shapes up to 63 × 599 × 63 with `m·n·k <= 262,144` and of 600 random
//! vector × matrix and matrix × vector products up to 400 × 400. Above that OpenBLAS
//! splits `dgemm` between threads (as many as the CPU has cores), which changes which
//! kernel tail some outputs go through: 496 of 1,152 such random shapes differed in the
//! last bits. Also not reproduced: NumPy's `dsyrk` shortcut for `a @ a.T` with `a` the
//! *same* array (a Rust caller passes two slices, so this module cannot see that case),
//! and multithreaded `ddot` (over 10,000 terms). On an AVX-512 CPU OpenBLAS runs its
//! SkylakeX kernels, which sum in another order: results there differ in the last bits.

use super::check_shape;
use crate::array::NdArray;
use crate::common::alloc::{filled, Dtype};
use crate::error::{Error, ErrorKind, Result};
use crate::linalg::blas::{row_times, OneRow};
use crate::prelude::*;

/// OpenBLAS's Haswell `ddot` (`kernel/x86_64/ddot.c` with `ddot_microk_haswell-2.c`).
fn ddot(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    let n1 = n & !15;
    let mut dot = 0.0;
    if n1 > 0 {
        // Four ymm accumulators, element i into accumulator (i / 4) % 4, lane i % 4.
        let mut acc = [[0.0f64; 4]; 4];
        for i in 0..n1 {
            let (a, l) = ((i / 4) % 4, i % 4);
            acc[a][l] = x[i].mul_add(y[i], acc[a][l]);
        }
        // vextractf128 + vaddpd per accumulator, then (4+5) + (6+7), then vhaddpd.
        let h: Vec<[f64; 2]> = acc.iter().map(|a| [a[0] + a[2], a[1] + a[3]]).collect();
        let s45 = [h[0][0] + h[1][0], h[0][1] + h[1][1]];
        let s67 = [h[2][0] + h[3][0], h[2][1] + h[3][1]];
        let s = [s45[0] + s67[0], s45[1] + s67[1]];
        dot = s[0] + s[1];
    }
    for i in n1..n {
        dot += y[i] * x[i];
    }
    dot
}

/// `np.dot(x, y)` of two 1-d arrays (`ddot`); lengths that differ are NumPy's
/// `ValueError`.
///
/// ```
/// assert_eq!(nprand::numpy::vdot(&[1.0, 2.0], &[3.0, 4.0]).unwrap(), 11.0);
/// assert!(nprand::numpy::vdot(&[1.0], &[3.0, 4.0]).is_err());
/// ```
pub fn vdot(x: &[f64], y: &[f64]) -> Result<f64> {
    if x.len() != y.len() {
        return Err(not_aligned(&[x.len()], &[y.len()], 0, 0));
    }
    Ok(0.0 + ddot(x, y))
}

/// `np.dot`'s `ValueError: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)`.
fn not_aligned(a: &[usize], b: &[usize], da: usize, db: usize) -> Error {
    let sh = |s: &[usize]| crate::array::shape_repr(s).replace(' ', "");
    Error::value(format!(
        "shapes {} and {} not aligned: {} (dim {da}) != {} (dim {db})",
        sh(a),
        sh(b),
        a[da],
        b[db]
    ))
}

/// `a @ b` for `a` as `m × k` and `b` as `k × n` (C order), routed as NumPy routes it;
/// `shape` is the result's (NumPy's `MemoryError` names it when it cannot be allocated).
fn product(
    a: &[f64],
    b: &[f64],
    (m, k, n): (usize, usize, usize),
    shape: &[usize],
) -> Result<Vec<f64>> {
    let mut out = filled(shape, Dtype::F64, 0.0)?;
    if m == 0 || n == 0 || k == 0 {
        return Ok(out);
    }
    if k == 1 {
        for i in 0..m {
            for j in 0..n {
                out[i * n + j] = 0.0 + a[i] * b[j];
            }
        }
        return Ok(out);
    }
    if m == 1 && n == 1 {
        let col: Vec<f64> = (0..k).map(|t| b[t * n]).collect();
        out[0] = 0.0 + ddot(&a[..k], &col);
        return Ok(out);
    }
    if m == 1 {
        row_times(a, 1, 0, OneRow::DotC, &|t, j| b[t * n + j], &mut out);
        return Ok(out);
    }
    if n == 1 {
        // y[i] = Σ_t A[i][t]·v[t] through `dgemv_t`: its "matrix" is A read by rows.
        row_times(
            &b[..k],
            1,
            0,
            OneRow::MatmulT,
            &|t, i| a[i * k + t],
            &mut out,
        );
        return Ok(out);
    }
    for (i, (xr, o)) in a.chunks_exact(k).zip(out.chunks_exact_mut(n)).enumerate() {
        row_times(xr, m, i, OneRow::DotC, &|t, j| b[t * n + j], o);
    }
    Ok(out)
}

/// The operands as `(m, k)` and `(k, n)` matrices, and the result's shape.
type Dims = (usize, usize, usize, Vec<usize>);

fn dims(a: &NdArray<f64>, b: &NdArray<f64>, matmul: bool) -> Result<Dims> {
    check_shape(a)?;
    check_shape(b)?;
    if a.shape.len() > 2 || b.shape.len() > 2 {
        return Err(Error::new(
            ErrorKind::NotImplementedError,
            "nprand::numpy products take 1-d and 2-d arrays",
        ));
    }
    if a.shape.is_empty() || b.shape.is_empty() {
        if matmul {
            let which = if a.shape.is_empty() { 0 } else { 1 };
            return Err(Error::value(format!(
                "matmul: Input operand {which} does not have enough dimensions (has 0, \
                 gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)"
            )));
        }
        return Err(Error::new(
            ErrorKind::NotImplementedError,
            "np.dot with a 0-d operand is a plain multiplication",
        ));
    }
    let (m, ka) = if a.shape.len() == 2 {
        (a.shape[0], a.shape[1])
    } else {
        (1, a.shape[0])
    };
    let (kb, n) = if b.shape.len() == 2 {
        (b.shape[0], b.shape[1])
    } else {
        (b.shape[0], 1)
    };
    if ka != kb {
        return Err(if matmul {
            Error::value(format!(
                "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc \
                 signature (n?,k),(k,m?)->(n?,m?) (size {kb} is different from {ka})"
            ))
        } else {
            not_aligned(&a.shape, &b.shape, a.shape.len() - 1, 0)
        });
    }
    let mut shape = Vec::new();
    if a.shape.len() == 2 {
        shape.push(m);
    }
    if b.shape.len() == 2 {
        shape.push(n);
    }
    Ok((m, ka, n, shape))
}

/// `np.dot(a, b)` for 1-d and 2-d float64 arrays (see the module docs for the kernels).
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// let v = NdArray::from_vec(vec![1.0, 1.0]);
/// assert_eq!(nprand::numpy::dot(&a, &v).unwrap().data, vec![3.0, 7.0]);
/// assert_eq!(nprand::numpy::dot(&v, &a).unwrap().data, vec![4.0, 6.0]);
/// let e = nprand::numpy::dot(&a, &NdArray::from_vec(vec![1.0; 3])).unwrap_err();
/// assert_eq!(e.message(), "shapes (2,2) and (3,) not aligned: 2 (dim 1) != 3 (dim 0)");
/// ```
pub fn dot(a: &NdArray<f64>, b: &NdArray<f64>) -> Result<NdArray<f64>> {
    let (m, k, n, shape) = dims(a, b, false)?;
    let data = product(&a.data, &b.data, (m, k, n), &shape)?;
    Ok(NdArray { shape, data })
}

/// `np.matmul(a, b)` (`a @ b`) for 1-d and 2-d float64 arrays.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![1, 3], vec![1.0, 2.0, 3.0]).unwrap();
/// let b = NdArray::new(vec![3, 1], vec![4.0, 5.0, 6.0]).unwrap();
/// let c = nprand::numpy::matmul(&a, &b).unwrap();
/// assert_eq!((c.shape, c.data), (vec![1, 1], vec![32.0]));
/// ```
pub fn matmul(a: &NdArray<f64>, b: &NdArray<f64>) -> Result<NdArray<f64>> {
    let (m, k, n, shape) = dims(a, b, true)?;
    let data = product(&a.data, &b.data, (m, k, n), &shape)?;
    Ok(NdArray { shape, data })
}
