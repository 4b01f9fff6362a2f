//! `Generator.multinomial`: one row per output position, each drawn with `Generator`'s
//! binomial (`random_multinomial`), with scalar or array-valued `n` and `pvals`.

use super::broadcast::GCons;
use super::discrete::binomial;
use super::Generator;
use crate::array::{broadcast_indices, broadcast_shapes, shape_repr, NdArray};
use crate::bitgen::BitGenerator;
use crate::common::alloc::{self, Dtype};
use crate::common::{kahan_sum, IntoParam};
use crate::error::{Error, Result};
use crate::prelude::*;

/// `random_multinomial` for one row.
pub(crate) fn multinomial_row<B: BitGenerator + ?Sized>(
    bg: &mut B,
    n: i64,
    pix: &[f64],
    out: &mut [i64],
) {
    let d = pix.len();
    let mut remaining_p = 1.0;
    let mut dn = n;
    for j in 0..d.saturating_sub(1) {
        out[j] = binomial(bg, pix[j] / remaining_p, dn);
        dn -= out[j];
        if dn <= 0 {
            break;
        }
        remaining_p -= pix[j];
    }
    if dn > 0 {
        out[d - 1] = dn;
    }
}

impl<B: BitGenerator> Generator<B> {
    /// `rng.multinomial(n, pvals, size)`: an array of shape `size + (len(pvals),)` (`(d,)`
    /// for `size=None`), each row drawn with `Generator`'s binomial. Checks, in NumPy's
    /// order: a non-empty `pvals`, each in [0, 1], `sum(pvals[:-1]) <= 1 + 1e-12` (Kahan
    /// sum; the last probability is never used), `n >= 0`. Array-valued `n` and
    /// `pvals`: [`multinomial_array`](Self::multinomial_array).
    ///
    /// ```
    /// // np.random.default_rng(0).multinomial(20, [0.2, 0.3, 0.5], size=2)
    /// let x = nprand::default_rng(0).multinomial(20, &[0.2, 0.3, 0.5], Some(&[2])).unwrap();
    /// assert_eq!(x.shape, [2, 3]);
    /// assert_eq!(x[..3].iter().sum::<i64>(), 20);
    /// ```
    pub fn multinomial(
        &mut self,
        n: i64,
        pvals: &[f64],
        size: Option<&[usize]>,
    ) -> Result<NdArray<i64>> {
        multinomial_check_pvals(pvals, 1)?;
        let d = pvals.len();
        multinomial_check_sums(pvals, d, 1)?;
        GCons::NonNegative.check_scalar(n as f64, "n")?;
        // multin = np.zeros(size + (d,), dtype=np.int64)
        let mut out = crate::common::alloc::zeros_rows(size, d, crate::common::alloc::Dtype::I64)?;
        for row in out.data.chunks_exact_mut(d) {
            multinomial_row(&mut self.bg, n, pvals, row);
        }
        Ok(out)
    }

    /// `rng.multinomial(n, pvals, size)` with array-valued `n` (any shape) and `pvals`
    /// (its last axis the categories, the others broadcast with `n`): NumPy's broadcast
    /// path, an array of shape `size + (d,)`, or the broadcast shape of `n` and
    /// `pvals[..., 0]` plus `(d,)`. `n` converts as NumPy's int64 array (floats
    /// truncate). Scalar `n` with 1-d `pvals` is [`multinomial`](Self::multinomial).
    ///
    /// ```
    /// // np.random.default_rng(0).multinomial([10, 20], [[0.2, 0.8], [0.5, 0.5]])
    /// let x = nprand::default_rng(0)
    ///     .multinomial_array([10, 20], [[0.2, 0.8], [0.5, 0.5]], None)
    ///     .unwrap();
    /// assert_eq!(x.shape, [2, 2]);
    /// assert_eq!(x[2] + x[3], 20);
    /// ```
    pub fn multinomial_array(
        &mut self,
        n: impl IntoParam,
        pvals: impl IntoParam,
        size: Option<&[usize]>,
    ) -> Result<NdArray<i64>> {
        let n_arr = n.into_param();
        let p_arr = pvals.into_param();
        let ndim = p_arr.shape.len();
        let pvals: Vec<f64> = p_arr.data.iter().map(|x| x.f()).collect();
        multinomial_checks(&pvals, &p_arr.shape)?;
        if n_arr.shape.is_empty() && ndim == 1 {
            return self.multinomial(n_arr.data[0].i(), &pvals, size);
        }
        let n: Vec<i64> = n_arr.data.iter().map(|x| x.i()).collect();
        let it_shape = multinomial_broadcast_shape(&n, &n_arr.shape, &p_arr.shape, size)?;
        self.multinomial_broadcast(&n, &n_arr.shape, &pvals, &p_arr.shape, &it_shape)
    }

    /// The draws of the broadcast path, once [`multinomial_broadcast_shape`] has given
    /// the iteration shape: row `i` uses `n` and the `pvals` row the broadcast puts there.
    pub(crate) fn multinomial_broadcast(
        &mut self,
        n: &[i64],
        n_shape: &[usize],
        pvals: &[f64],
        p_shape: &[usize],
        it_shape: &[usize],
    ) -> Result<NdArray<i64>> {
        let d = p_shape[p_shape.len() - 1];
        let off_shape = &p_shape[..p_shape.len() - 1];
        let mut out = alloc::zeros_rows(Some(it_shape), d, Dtype::I64)?;
        let ni = broadcast_indices(it_shape, n_shape);
        let pi = broadcast_indices(it_shape, off_shape);
        for (i, row) in out.data.chunks_exact_mut(d).enumerate() {
            let p = &pvals[pi[i] * d..(pi[i] + 1) * d];
            multinomial_row(&mut self.bg, n[ni[i]], p, row);
        }
        Ok(out)
    }
}

/// The `pvals` checks of `multinomial` in NumPy's order, for `pvals` of any shape;
/// returns the number of categories `d`.
pub(crate) fn multinomial_checks(pvals: &[f64], p_shape: &[usize]) -> Result<usize> {
    let ndim = p_shape.len();
    let d = if ndim >= 1 { p_shape[ndim - 1] } else { 0 };
    if d == 0 {
        multinomial_check_pvals(&[], 0)?;
    }
    multinomial_check_pvals(pvals, ndim)?;
    multinomial_check_sums(pvals, d, ndim)?;
    Ok(d)
}

/// The broadcast path's iteration shape (the output is it plus `(d,)`): `n >= 0` checked
/// over the whole array, then `n` broadcast with `pvals[..., 0]` and, when given, `size`,
/// which must be that broadcast (NumPy's "Output size … is not compatible").
pub(crate) fn multinomial_broadcast_shape(
    n: &[i64],
    n_shape: &[usize],
    p_shape: &[usize],
    size: Option<&[usize]>,
) -> Result<Vec<usize>> {
    let nv: Vec<f64> = n.iter().map(|&x| x as f64).collect();
    GCons::NonNegative.check_array(&nv, "n")?;
    let off_shape = &p_shape[..p_shape.len() - 1];
    match size {
        None => broadcast_shapes(&[n_shape, off_shape]),
        Some(s) => {
            let it = broadcast_shapes(&[n_shape, off_shape, s])?;
            if it != s {
                return Err(Error::value(format!(
                    "Output size {} is not compatible with broadcast dimensions of inputs {}.",
                    shape_repr(s),
                    shape_repr(&it)
                )));
            }
            Ok(it)
        }
    }
}

/// multinomial's `pvals` checks for `pvals` of `ndim` dimensions (its last axis is `d`).
pub(crate) fn multinomial_check_pvals(pvals: &[f64], ndim: usize) -> Result<()> {
    if pvals.is_empty() || ndim == 0 {
        return Err(Error::value(
            "pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0.",
        ));
    }
    GCons::Bounded01.check_array(pvals, "pvals")?;
    Ok(())
}

/// `sum(pvals[:-1]) > 1.0` for each row of `d` probabilities.
pub(crate) fn multinomial_check_sums(pvals: &[f64], d: usize, ndim: usize) -> Result<()> {
    for row in pvals.chunks(d) {
        if kahan_sum(&row[..d - 1]) > 1.0 + 1e-12 {
            let slice = if ndim == 1 { "[:-1]" } else { "[...,:-1]" };
            return Err(Error::value(format!("sum(pvals{slice}) > 1.0")));
        }
    }
    Ok(())
}
