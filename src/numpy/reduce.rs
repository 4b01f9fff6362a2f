//! `np.sum`, `mean`, `var`, `std`, `prod`, `min`, `max`, `argmin`, `argmax`: NumPy's
//! reduction loops, in NumPy's order.
//!
//! **Which loop NumPy runs.** `np.add.reduce` starts from the identity `0.0` and, when the
//! reduced axis is the innermost one the iterator sees (the whole array, or the last
//! axis of a C-order array, size-1 axes ignored), hands each lane to
//! `pairwise_sum` (`numpy/_core/src/umath/loops_utils.h.src`): fewer than 8 elements
//! are added left to right; up to 128 go to eight accumulators (element `i` into
//! accumulator `i mod 8`) combined as `((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))`, then the
//! remainder left to right; longer lanes split at half rounded down to a multiple of 8
//! and recurse. Any other axis (axis 0 of a C-order matrix) is a row-by-row `out += a[i]`.
//! Measured against NumPy 2.4.6: every length 0 to 300 and up to 100,000, and every axis
//! of 2-d and 3-d shapes around the block boundaries (fixtures/numpy_ops).
//!
//! **Signed zeros in `min`/`max`.** NumPy's SIMD `maximum.reduce` returns the later of two
//! equal values, so `np.max([0.0, -0.0])` is `-0.0`; these functions do the same.
//! A NaN anywhere gives NaN (the first one's bits).

use super::{axis_lanes, drop_axis, Float, Lanes};
use crate::array::NdArray;
use crate::error::{Error, Result};
use crate::prelude::*;

/// `pairwise_sum` of `loops_utils.h.src` (`PW_BLOCKSIZE` 128, unrolled by 8).
fn pairwise<T: Float>(a: &[T]) -> T {
    let n = a.len();
    if n < 8 {
        // NumPy starts this short loop from -0.0 (so a sum of -0.0s stays -0.0 here; the
        // reduction's `0.0 +` turns it positive).
        let mut res = T::from_f64(-0.0);
        for &x in a {
            res = res + x;
        }
        res
    } else if n <= 128 {
        let mut r = [T::ZERO; 8];
        r.copy_from_slice(&a[..8]);
        let whole = n - n % 8;
        let mut i = 8;
        while i < whole {
            for (j, rj) in r.iter_mut().enumerate() {
                *rj = *rj + a[i + j];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &x in &a[whole..] {
            res = res + x;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise(&a[..n2]) + pairwise(&a[n2..])
    }
}

/// `np.sum(a)` of a 1-d (or flattened C-order) array: `0.0 + pairwise_sum(a)`.
///
/// ```
/// // np.sum(np.arange(16) * 0.1) == 12.0
/// let a: Vec<f64> = (0..16).map(|i| i as f64 * 0.1).collect();
/// assert_eq!(nprand::numpy::sum(&a), 12.0);
/// assert_eq!(a.iter().sum::<f64>(), 12.000000000000002); // left to right
/// ```
pub fn sum<T: Float>(a: &[T]) -> T {
    T::ZERO + pairwise(a)
}

/// Lane `(o, k)` of `l` collected (the lanes of a non-last axis are strided).
fn lane<T: Copy>(data: &[T], l: &Lanes, o: usize, k: usize) -> Vec<T> {
    (0..l.len).map(|i| data[l.at(o, i, k)]).collect()
}

/// Applies `f` to every lane of `a` along `axis`; the result has `a`'s shape without
/// `axis`. `f` also learns whether the lane is the iterator's inner loop (last axis).
fn per_lane<T: Copy, U>(
    a: &NdArray<T>,
    axis: isize,
    mut f: impl FnMut(&[T], bool) -> Result<U>,
) -> Result<NdArray<U>> {
    let (ax, l) = axis_lanes(a, axis)?;
    let mut out = Vec::with_capacity(l.outer * l.inner);
    for o in 0..l.outer {
        for k in 0..l.inner {
            if l.inner == 1 {
                out.push(f(&a.data[o * l.len..(o + 1) * l.len], true)?);
            } else {
                out.push(f(&lane(&a.data, &l, o, k), false)?);
            }
        }
    }
    Ok(NdArray {
        shape: drop_axis(&a.shape, ax),
        data: out,
    })
}

/// A lane's sum as NumPy's iterator computes it: pairwise when the lane is the inner
/// loop, else `out += a[i]` from `0.0`.
fn lane_sum<T: Float>(x: &[T], inner: bool) -> T {
    if inner {
        sum(x)
    } else {
        x.iter().fold(T::ZERO, |acc, &v| acc + v)
    }
}

/// `np.sum(a, axis=axis)` of a C-order array.
///
/// ```
/// use nprand::array::NdArray;
/// // np.sum(np.arange(6.0).reshape(2, 3), axis=0) -> [3., 5., 7.]
/// let a = NdArray::new(vec![2, 3], vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
/// assert_eq!(nprand::numpy::sum_axis(&a, 0).unwrap().data, vec![3.0, 5.0, 7.0]);
/// assert!(nprand::numpy::sum_axis(&a, 2).is_err()); // AxisError
/// ```
pub fn sum_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<T>> {
    per_lane(a, axis, |x, inner| Ok(lane_sum(x, inner)))
}

/// `np.mean(a)`: `np.sum(a) / n` (NaN for an empty array, where NumPy warns).
///
/// ```
/// assert_eq!(nprand::numpy::mean(&[1.0, 2.0, 4.0]), 7.0 / 3.0);
/// assert!(nprand::numpy::mean::<f64>(&[]).is_nan());
/// ```
pub fn mean<T: Float>(a: &[T]) -> T {
    sum(a).div_count(a.len() as f64)
}

/// `np.mean(a, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(nprand::numpy::mean_axis(&a, -1).unwrap().data, vec![1.5, 3.5]);
/// ```
pub fn mean_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<T>> {
    per_lane(a, axis, |x, inner| {
        Ok(lane_sum(x, inner).div_count(x.len() as f64))
    })
}

/// `_var` of `numpy/_core/_methods.py` for one lane: the mean (`sum / n`), the squared
/// deviations `(x - mean)**2`, their sum, divided by `max(n - ddof, 0)`.
fn lane_var<T: Float>(x: &[T], inner: bool, ddof: f64) -> T {
    let n = x.len() as f64;
    let m = lane_sum(x, inner).div_count(n);
    let sq: Vec<T> = x
        .iter()
        .map(|&v| {
            let d = v - m;
            d * d
        })
        .collect();
    lane_sum(&sq, inner).div_count((n - ddof).max(0.0))
}

/// `np.var(a, ddof=ddof)` (NaN or inf where NumPy warns, as NumPy).
///
/// ```
/// // np.var([1.0, 2.0, 3.0, 4.0], ddof=1) == 1.6666666666666667
/// assert_eq!(nprand::numpy::var(&[1.0, 2.0, 3.0, 4.0], 1.0), 5.0 / 3.0);
/// ```
pub fn var<T: Float>(a: &[T], ddof: f64) -> T {
    lane_var(a, true, ddof)
}

/// `np.var(a, axis=axis, ddof=ddof)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 2.0, 3.0, 5.0]).unwrap();
/// assert_eq!(nprand::numpy::var_axis(&a, 0, 0.0).unwrap().data, vec![1.0, 2.25]);
/// ```
pub fn var_axis<T: Float>(a: &NdArray<T>, axis: isize, ddof: f64) -> Result<NdArray<T>> {
    per_lane(a, axis, |x, inner| Ok(lane_var(x, inner, ddof)))
}

/// `np.std(a, ddof=ddof)`: `np.sqrt(np.var(a, ddof=ddof))`.
///
/// ```
/// assert_eq!(nprand::numpy::std(&[1.0, 3.0], 0.0), 1.0);
/// ```
pub fn std<T: Float>(a: &[T], ddof: f64) -> T {
    var(a, ddof).sqrt()
}

/// `np.std(a, axis=axis, ddof=ddof)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![1, 2], vec![1.0, 3.0]).unwrap();
/// assert_eq!(nprand::numpy::std_axis(&a, 1, 0.0).unwrap().data, vec![1.0]);
/// ```
pub fn std_axis<T: Float>(a: &NdArray<T>, axis: isize, ddof: f64) -> Result<NdArray<T>> {
    per_lane(a, axis, |x, inner| Ok(lane_var(x, inner, ddof).sqrt()))
}

/// `np.prod(a)`: `multiply.reduce`, left to right from `1.0`.
///
/// ```
/// assert_eq!(nprand::numpy::prod(&[2.0, 3.0, 0.5]), 3.0);
/// assert_eq!(nprand::numpy::prod::<f64>(&[]), 1.0);
/// ```
pub fn prod<T: Float>(a: &[T]) -> T {
    a.iter().fold(T::ONE, |acc, &v| acc * v)
}

/// `np.prod(a, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(nprand::numpy::prod_axis(&a, 0).unwrap().data, vec![3.0, 8.0]);
/// ```
pub fn prod_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<T>> {
    per_lane(a, axis, |x, _| Ok(prod(x)))
}

/// `ValueError: zero-size array to reduction operation maximum which has no identity`.
fn no_identity(op: &str) -> Error {
    Error::value(format!(
        "zero-size array to reduction operation {op} which has no identity"
    ))
}

/// The extreme of `a` by `keep(acc, x)` (true: keep `acc`), NaN-propagating.
fn extreme<T: Float>(a: &[T], op: &str, keep: impl Fn(T, T) -> bool) -> Result<T> {
    let (&first, rest) = a.split_first().ok_or_else(|| no_identity(op))?;
    let mut acc = first;
    for &x in rest {
        if acc.is_nan() {
            break;
        }
        if x.is_nan() || !keep(acc, x) {
            acc = x;
        }
    }
    Ok(acc)
}

/// `np.max(a)`; an empty array is NumPy's `ValueError`.
///
/// ```
/// assert_eq!(nprand::numpy::max(&[1.0, 3.0, 2.0]).unwrap(), 3.0);
/// assert!(nprand::numpy::max(&[1.0, f64::NAN]).unwrap().is_nan());
/// assert!(nprand::numpy::max::<f64>(&[]).is_err());
/// ```
pub fn max<T: Float>(a: &[T]) -> Result<T> {
    extreme(a, "maximum", |acc, x| acc > x)
}

/// `np.min(a)`.
///
/// ```
/// assert_eq!(nprand::numpy::min(&[1.0, -3.0, 2.0]).unwrap(), -3.0);
/// ```
pub fn min<T: Float>(a: &[T]) -> Result<T> {
    extreme(a, "minimum", |acc, x| acc < x)
}

/// `np.max(a, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 4.0, 3.0, 2.0]).unwrap();
/// assert_eq!(nprand::numpy::max_axis(&a, 1).unwrap().data, vec![4.0, 3.0]);
/// ```
pub fn max_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<T>> {
    per_lane(a, axis, |x, _| max(x))
}

/// `np.min(a, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 4.0, 3.0, 2.0]).unwrap();
/// assert_eq!(nprand::numpy::min_axis(&a, 0).unwrap().data, vec![1.0, 2.0]);
/// ```
pub fn min_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<T>> {
    per_lane(a, axis, |x, _| min(x))
}

/// The index of the first extreme (`better(x, best)`: `x` beats `best`), or of the
/// first NaN.
fn arg_extreme<T: Float>(a: &[T], op: &str, better: impl Fn(T, T) -> bool) -> Result<usize> {
    if a.is_empty() {
        return Err(Error::value(format!(
            "attempt to get {op} of an empty sequence"
        )));
    }
    let mut best = 0;
    for (i, &x) in a.iter().enumerate() {
        if x.is_nan() {
            return Ok(i);
        }
        if better(x, a[best]) {
            best = i;
        }
    }
    Ok(best)
}

/// `np.argmax(a)`: the first maximum, or the first NaN.
///
/// ```
/// assert_eq!(nprand::numpy::argmax(&[1.0, 3.0, 3.0]).unwrap(), 1);
/// assert_eq!(nprand::numpy::argmax(&[1.0, f64::NAN, 3.0]).unwrap(), 1);
/// assert!(nprand::numpy::argmax::<f64>(&[]).is_err());
/// ```
pub fn argmax<T: Float>(a: &[T]) -> Result<usize> {
    arg_extreme(a, "argmax", |x, best| x > best)
}

/// `np.argmin(a)`: the first minimum, or the first NaN.
///
/// ```
/// assert_eq!(nprand::numpy::argmin(&[1.0, -3.0, -3.0]).unwrap(), 1);
/// ```
pub fn argmin<T: Float>(a: &[T]) -> Result<usize> {
    arg_extreme(a, "argmin", |x, best| x < best)
}

/// `np.argmax(a, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 4.0, 3.0, 2.0]).unwrap();
/// assert_eq!(nprand::numpy::argmax_axis(&a, 0).unwrap().data, vec![1, 0]);
/// ```
pub fn argmax_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<usize>> {
    per_lane(a, axis, |x, _| argmax(x))
}

/// `np.argmin(a, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 4.0, 3.0, 2.0]).unwrap();
/// assert_eq!(nprand::numpy::argmin_axis(&a, 1).unwrap().data, vec![0, 1]);
/// ```
pub fn argmin_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<usize>> {
    per_lane(a, axis, |x, _| argmin(x))
}
