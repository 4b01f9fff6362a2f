//! `np.cumsum`, `np.cumprod` (`add.accumulate`, `multiply.accumulate`: left to right,
//! `out[0] = a[0]`, `out[i] = out[i-1] op a[i]`, along any axis) and `np.diff`.

use super::{axis_lanes, Float};
use crate::array::NdArray;
use crate::error::{Error, Result};
use crate::prelude::*;

/// Accumulates `op` along `axis` in place on a copy of `a`.
fn accumulate<T: Float>(a: &NdArray<T>, axis: isize, op: impl Fn(T, T) -> T) -> Result<NdArray<T>> {
    let (_, l) = axis_lanes(a, axis)?;
    let mut out = a.clone();
    for o in 0..l.outer {
        for i in 1..l.len {
            for k in 0..l.inner {
                let prev = out.data[l.at(o, i - 1, k)];
                let cur = &mut out.data[l.at(o, i, k)];
                *cur = op(prev, *cur);
            }
        }
    }
    Ok(out)
}

/// `np.cumsum(a)` of a 1-d array.
///
/// ```
/// assert_eq!(nprand::numpy::cumsum(&[0.1, 0.2, 0.3]), vec![0.1, 0.1 + 0.2, 0.1 + 0.2 + 0.3]);
/// ```
pub fn cumsum<T: Float>(a: &[T]) -> Vec<T> {
    let mut acc: Option<T> = None;
    a.iter()
        .map(|&x| {
            let v = acc.map_or(x, |p| p + x);
            acc = Some(v);
            v
        })
        .collect()
}

/// `np.cumsum(a, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(nprand::numpy::cumsum_axis(&a, 0).unwrap().data, vec![1.0, 2.0, 4.0, 6.0]);
/// assert_eq!(nprand::numpy::cumsum_axis(&a, 1).unwrap().data, vec![1.0, 3.0, 3.0, 7.0]);
/// ```
pub fn cumsum_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<T>> {
    accumulate(a, axis, |p, x| p + x)
}

/// `np.cumprod(a)` of a 1-d array.
///
/// ```
/// assert_eq!(nprand::numpy::cumprod(&[2.0, 3.0, 0.5]), vec![2.0, 6.0, 3.0]);
/// ```
pub fn cumprod<T: Float>(a: &[T]) -> Vec<T> {
    let mut acc: Option<T> = None;
    a.iter()
        .map(|&x| {
            let v = acc.map_or(x, |p| p * x);
            acc = Some(v);
            v
        })
        .collect()
}

/// `np.cumprod(a, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(nprand::numpy::cumprod_axis(&a, 0).unwrap().data, vec![1.0, 2.0, 3.0, 8.0]);
/// ```
pub fn cumprod_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<T>> {
    accumulate(a, axis, |p, x| p * x)
}

/// `np.diff(a, n)` of a 1-d array: `a[1:] - a[:-1]`, `n` times (a negative `n` is
/// NumPy's `ValueError`; more than `len(a)` gives an empty result, as NumPy).
///
/// ```
/// assert_eq!(nprand::numpy::diff(&[1.0, 4.0, 9.0], 1).unwrap(), vec![3.0, 5.0]);
/// assert_eq!(nprand::numpy::diff(&[1.0, 4.0, 9.0], 2).unwrap(), vec![2.0]);
/// assert!(nprand::numpy::diff(&[1.0], -1).is_err());
/// ```
pub fn diff<T: Float>(a: &[T], n: i64) -> Result<Vec<T>> {
    let out = diff_axis(&NdArray::from_vec(a.to_vec()), n, -1)?;
    Ok(out.data)
}

/// `np.diff(a, n, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 2.0, 4.0, 8.0]).unwrap();
/// let d = nprand::numpy::diff_axis(&a, 1, 0).unwrap();
/// assert_eq!((d.shape, d.data), (vec![1, 2], vec![3.0, 6.0]));
/// ```
pub fn diff_axis<T: Float>(a: &NdArray<T>, n: i64, axis: isize) -> Result<NdArray<T>> {
    if n == 0 {
        super::check_shape(a)?;
        return Ok(a.clone());
    }
    if n < 0 {
        return Err(Error::value(format!(
            "order must be non-negative but got {n}"
        )));
    }
    if a.shape.is_empty() {
        return Err(Error::value(
            "diff requires input that is at least one dimensional",
        ));
    }
    let (ax, _) = axis_lanes(a, axis)?;
    let mut cur = a.clone();
    for _ in 0..n {
        let l = super::Lanes::new(&cur.shape, ax);
        if l.len == 0 {
            break;
        }
        let mut shape = cur.shape.clone();
        shape[ax] = l.len - 1;
        let mut data = Vec::with_capacity(l.outer * (l.len - 1) * l.inner);
        for o in 0..l.outer {
            for i in 1..l.len {
                for k in 0..l.inner {
                    data.push(cur.data[l.at(o, i, k)] - cur.data[l.at(o, i - 1, k)]);
                }
            }
        }
        cur = NdArray { shape, data };
    }
    Ok(cur)
}
