//! `x @ B` for a few rows `x` and a small square `B`, rounded as NumPy's matrix products
//! round it: through OpenBLAS 0.3.31's Haswell kernels (the ones the numpy 2.4.6 wheels run
//! on x86-64 CPUs with AVX2 and no AVX-512, Zen included), FMA included.
//!
//! A product of rows is a sum over `k` whose order — and which steps are fused — is the
//! kernel's, so a plain `Σ x[k]·B[k][j]` differs from NumPy in the last bit for a quarter to
//! a half of the entries. NumPy reaches three kernels:
//!
//! * **`dgemm`** (two rows or more; `np.dot` and `@` alike): `dgemm_kernel_4x8_haswell.S`
//!   keeps one accumulator per output and adds `x[k]·B[k][j]` with `vfmadd231pd`, `k` in
//!   order. The one exception is the last row when the row count is odd: the kernel's
//!   one-column tail (`KERNEL4x1`, output columns in blocks of four) spreads the first
//!   `8·⌊K/8⌋` terms over four accumulators by `k mod 4`, fuses the rest into the first,
//!   and returns `(a0 + a1) + (a2 + a3)`; the `n mod 4` last outputs of that row use the
//!   plain fused chain.
//! * **`dgemv_n`** (one row, `np.dot(x, B)` with `B` C-ordered: NumPy's `cblasfuncs` asks
//!   for `dgemv(RowMajor, Trans)`, OpenBLAS's column-major no-transpose kernel): `k` in
//!   blocks of four, `y += fma(a2, x2, a0·x0) + fma(a3, x3, a1·x1)` (the Haswell micro-
//!   kernel), then `y += a0·x0 + a1·x1` and `y += a·x` for the last two and one `k`, all
//!   unfused; the `n mod 4` last outputs are the C tail, an unfused running sum.
//! * **`dgemv_t`** (one row, `x @ F.T`, as `Generator.multivariate_normal` writes it):
//!   the first `4·⌊K/4⌋` terms of each output in four lanes by `k mod 4` (fused for output
//!   blocks of four, unfused for the two- and one-output tails, which pair the lanes
//!   differently), summed `(l0 + l2) + (l1 + l3)` (or `l0 + l1`), then the last `K mod 4`
//!   terms as the C tail, which GCC contracts: `fma(a2, x2, fma(a0, x0, a1·x1))`.
//!
//! Every path was derived from the kernels' sources and then checked against NumPy 2.4.6
//! on this kind of machine (random `x` and `B`, orders 1 to 25, 1 to 49 rows): all entries
//! equal. On a CPU with AVX-512, OpenBLAS runs its SkylakeX kernels instead, whose order
//! differs; NumPy's result there is within a few ulp of this one.
//!
//! `f64::mul_add` is the fused multiply-add here (an `fma` instruction where the target
//! has it, libm's correctly rounded `fma` otherwise: the same value either way).

use crate::prelude::*;

/// Which kernel a one-row product goes through (two rows or more always use `dgemm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OneRow {
    /// `np.dot(x, B)`, `B` C-ordered: OpenBLAS `dgemv_n`.
    DotC,
    /// `x @ F.T`, `F` C-ordered: OpenBLAS `dgemv_t`.
    MatmulT,
}

/// `x @ B` for the `rows = x.len() / n` rows of `x` (row-major), with `b(k, j) = B[k][j]`
/// (`n × n`), rounded as OpenBLAS's Haswell kernels round it (see the module docs).
#[cfg(test)]
pub(crate) fn rows_times(
    x: &[f64],
    n: usize,
    one_row: OneRow,
    b: impl Fn(usize, usize) -> f64,
) -> Vec<f64> {
    let mut out = vec![0.0; x.len()];
    if n == 0 {
        return out;
    }
    let rows = x.len() / n;
    for (i, (xr, o)) in x.chunks_exact(n).zip(out.chunks_exact_mut(n)).enumerate() {
        row_times(xr, rows, i, one_row, &b, o);
    }
    out
}

/// Row `i` (of `rows`) of `x @ B` into `out` (`K = xr.len()` terms, `N = out.len()`
/// outputs, `b(k, j) = B[k][j]`): which kernel path NumPy's product takes for that row
/// depends on the row count and the row's place.
pub(crate) fn row_times(
    xr: &[f64],
    rows: usize,
    i: usize,
    one_row: OneRow,
    b: &impl Fn(usize, usize) -> f64,
    out: &mut [f64],
) {
    let n = out.len();
    if rows == 1 {
        match one_row {
            OneRow::DotC => gemv_n(xr, b, out),
            OneRow::MatmulT => gemv_t(xr, b, out),
        }
        return;
    }
    let odd_tail = rows % 2 == 1 && i == rows - 1;
    for (j, o) in out.iter_mut().enumerate() {
        // OpenBLAS's level-3 driver feeds the kernel `k` in blocks (`GEMM_Q`), each
        // block's sum added to C (`vfmadd213pd` with alpha = 1, C zeroed first).
        let mut c = 0.0;
        for (lo, hi) in k_blocks(xr.len()) {
            let xs = &xr[lo..hi];
            c += if odd_tail && j < n / 4 * 4 {
                gemm_one_column_tail(xs, |k| b(lo + k, j))
            } else {
                fused_chain(xs, |k| b(lo + k, j))
            };
        }
        *o = c;
    }
}

/// `GEMM_Q` and `GEMM_UNROLL_M` of OpenBLAS's Haswell `dgemm` (param.h).
const GEMM_Q: usize = 256;
const GEMM_UNROLL_M: usize = 4;

/// The `k` ranges `driver/level3/level3.c` hands the kernel: `GEMM_Q` at a time while
/// at least `2·GEMM_Q` remain, then about half of the rest (rounded up to
/// `GEMM_UNROLL_M`) when more than `GEMM_Q` remain, then the rest.
fn k_blocks(k: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut ls = 0;
    while ls < k {
        let mut min_l = k - ls;
        if min_l >= GEMM_Q * 2 {
            min_l = GEMM_Q;
        } else if min_l > GEMM_Q {
            min_l = (min_l / 2).div_ceil(GEMM_UNROLL_M) * GEMM_UNROLL_M;
        }
        out.push((ls, ls + min_l));
        ls += min_l;
    }
    out
}

/// `Σ x[k]·a(k)` as one fused chain from 0, `k` in order.
fn fused_chain(x: &[f64], a: impl Fn(usize) -> f64) -> f64 {
    x.iter()
        .enumerate()
        .fold(0.0, |acc, (k, &xk)| xk.mul_add(a(k), acc))
}

/// `KERNEL4x1` + `KERNEL4x1_SUB` + `SAVE4x1` of `dgemm_kernel_4x8_haswell.S` for one output.
fn gemm_one_column_tail(x: &[f64], a: impl Fn(usize) -> f64) -> f64 {
    let main = x.len() / 8 * 8;
    let mut acc = [0.0f64; 4];
    for (k, &xk) in x.iter().enumerate() {
        let lane = if k < main { k % 4 } else { 0 };
        acc[lane] = xk.mul_add(a(k), acc[lane]);
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3])
}

/// `dgemv_n_4.c` with the Haswell `dgemv_kernel_4x4`/`4x2` and the generic `4x1`, for
/// `y = x @ B` (`y[j] = Σ_k B[k][j]·x[k]`, `m = y.len()` outputs over `n = x.len()`
/// terms, `beta = 0`, `alpha = 1`).
fn gemv_n(x: &[f64], b: &impl Fn(usize, usize) -> f64, y: &mut [f64]) {
    let n = x.len();
    let m = y.len();
    let m3 = m & 3;
    y.fill(0.0);
    for (j, yj) in y.iter_mut().enumerate() {
        if j < m - m3 {
            let mut k = 0;
            while k + 4 <= n {
                let t4 = b(k + 2, j).mul_add(x[k + 2], b(k, j) * x[k]);
                let t5 = b(k + 3, j).mul_add(x[k + 3], b(k + 1, j) * x[k + 1]);
                *yj += t4 + t5;
                k += 4;
            }
            if (n - k) & 2 != 0 {
                *yj += b(k, j) * x[k] + b(k + 1, j) * x[k + 1];
                k += 2;
            }
            if (n - k) & 1 != 0 {
                *yj += b(k, j) * x[k];
            }
        } else {
            *yj += gemv_n_tail(x, |k| b(k, j), if m == m3 { m3 } else { 0 });
        }
    }
}

/// The C tail of `dgemv_n_4.c` for one of the last `m mod 4` outputs: an unfused
/// running sum, except when those are all the outputs (`lda == m3`), where the C
/// unrolls `k` by four: pairs `t += a0·x0 + a1·x1` for two or three outputs, a chain
/// `t += a0·x0 + a1·x1 + a2·x2 + a3·x3` for one.
/// `unrolled` is the output count when the unrolled form applies, else 0.
fn gemv_n_tail(x: &[f64], a: impl Fn(usize) -> f64, unrolled: usize) -> f64 {
    let n = x.len();
    let p = |k: usize| a(k) * x[k];
    let mut t = 0.0;
    let mut k = 0;
    if unrolled > 0 {
        while k + 4 <= n {
            if unrolled == 1 {
                t += p(k) + p(k + 1) + p(k + 2) + p(k + 3);
            } else {
                t += p(k) + p(k + 1);
                t += p(k + 2) + p(k + 3);
            }
            k += 4;
        }
    }
    for k in k..n {
        t += p(k);
    }
    t
}

/// `dgemv_t_4.c` with the Haswell `dgemv_kernel_4x4` and the generic `4x2`/`4x1`, for
/// `y = x @ B` read column by column (`y[j] = Σ_k B[k][j]·x[k]`, `beta = 0`, `alpha = 1`).
fn gemv_t(x: &[f64], b: &impl Fn(usize, usize) -> f64, y: &mut [f64]) {
    // OpenBLAS's `m` is the term count K here, its `n` the output count.
    let n = y.len();
    let m3 = x.len() & 3;
    let nb = x.len() - m3;
    let blocks4 = n / 4 * 4;
    y.fill(0.0);
    if nb > 0 {
        for (j, yj) in y.iter_mut().enumerate() {
            let t = if j < blocks4 {
                let mut l = [0.0f64; 4];
                for k in 0..nb {
                    l[k % 4] = b(k, j).mul_add(x[k], l[k % 4]);
                }
                (l[0] + l[2]) + (l[1] + l[3])
            } else if n & 2 != 0 && j < blocks4 + 2 {
                let mut l = [0.0f64; 2];
                for k in 0..nb {
                    l[k % 2] += b(k, j) * x[k];
                }
                l[0] + l[1]
            } else {
                let mut l = [0.0f64; 4];
                for k in 0..nb {
                    l[k % 4] += b(k, j) * x[k];
                }
                (l[0] + l[2]) + (l[1] + l[3])
            };
            *yj += t;
        }
    }
    // The C tail for the last `K mod 4` terms, as GCC contracts it.
    for (j, yj) in y.iter_mut().enumerate() {
        let a = |i: usize| b(nb + i, j);
        let xs = &x[nb..];
        match m3 {
            3 => *yj += a(2).mul_add(xs[2], a(0).mul_add(xs[0], a(1) * xs[1])),
            2 => *yj += a(0).mul_add(xs[0], a(1) * xs[1]),
            1 => *yj = a(0).mul_add(xs[0], *yj),
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "blas_tests.rs"]
mod tests;
