//! `np.sort(kind='stable')`, `np.argsort(kind='stable')`, `np.take` for float arrays.
//!
//! NumPy orders floats ascending with every NaN last. A stable sort keeps equal elements
//! in their original order; these functions are stable, so they are NumPy's
//! `kind='stable'` exactly. `np.sort`'s default `quicksort` (x86-simd-sort on AVX2 CPUs)
//! is not stable: it gives the same values, and the same bits, except that it may order
//! `-0.0` and `0.0` (which compare equal) differently, and NaNs with different payloads
//! (5 of the 8 fixture arrays holding both zeros came out in another order).

use super::{axis_lanes, Float};
use crate::array::NdArray;
use crate::error::{Error, ErrorKind, Result};
use crate::prelude::*;
use core::cmp::Ordering;

/// NumPy's float order: ascending, NaN last, NaNs equal.
fn np_cmp<T: Float>(a: &T, b: &T) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => a.partial_cmp(b).unwrap_or(Ordering::Equal),
    }
}

/// `np.sort(a)` of a 1-d array (NaN last).
///
/// ```
/// let s = nprand::numpy::sort(&[3.0, f64::NAN, 1.0]);
/// assert_eq!(s[..2], [1.0, 3.0]);
/// assert!(s[2].is_nan());
/// ```
pub fn sort<T: Float>(a: &[T]) -> Vec<T> {
    let mut v = a.to_vec();
    v.sort_by(np_cmp);
    v
}

/// `np.sort(a, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![2.0, 1.0, 0.0, 3.0]).unwrap();
/// assert_eq!(nprand::numpy::sort_axis(&a, 0).unwrap().data, vec![0.0, 1.0, 2.0, 3.0]);
/// ```
pub fn sort_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<T>> {
    let idx = argsort_axis(a, axis)?;
    let (_, l) = axis_lanes(a, axis)?;
    let mut out = a.clone();
    for o in 0..l.outer {
        for k in 0..l.inner {
            for i in 0..l.len {
                out.data[l.at(o, i, k)] = a.data[l.at(o, idx.data[l.at(o, i, k)], k)];
            }
        }
    }
    Ok(out)
}

/// `np.argsort(a, kind='stable')` of a 1-d array.
///
/// ```
/// assert_eq!(nprand::numpy::argsort(&[2.0, 1.0, 2.0, f64::NAN, 0.5]), vec![4, 1, 0, 2, 3]);
/// ```
pub fn argsort<T: Float>(a: &[T]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..a.len()).collect();
    idx.sort_by(|&i, &j| np_cmp(&a[i], &a[j]));
    idx
}

/// `np.argsort(a, axis=axis, kind='stable')`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![2.0, 1.0, 0.0, 3.0]).unwrap();
/// assert_eq!(nprand::numpy::argsort_axis(&a, -1).unwrap().data, vec![1, 0, 0, 1]);
/// ```
pub fn argsort_axis<T: Float>(a: &NdArray<T>, axis: isize) -> Result<NdArray<usize>> {
    let (_, l) = axis_lanes(a, axis)?;
    let mut out = vec![0usize; a.data.len()];
    for o in 0..l.outer {
        for k in 0..l.inner {
            let lane: Vec<T> = (0..l.len).map(|i| a.data[l.at(o, i, k)]).collect();
            for (i, j) in argsort(&lane).into_iter().enumerate() {
                out[l.at(o, i, k)] = j;
            }
        }
    }
    Ok(NdArray {
        shape: a.shape.clone(),
        data: out,
    })
}

/// `np.take(a, indices)` of a 1-d array: negative indices count from the end; one out
/// of range is NumPy's `IndexError`.
///
/// ```
/// assert_eq!(nprand::numpy::take(&[1.0, 2.0, 3.0], &[2, -3]).unwrap(), vec![3.0, 1.0]);
/// let e = nprand::numpy::take(&[1.0, 2.0], &[5]).unwrap_err();
/// assert_eq!(e.message(), "index 5 is out of bounds for axis 0 with size 2");
/// ```
pub fn take<T: Copy>(a: &[T], indices: &[i64]) -> Result<Vec<T>> {
    let n = a.len() as i64;
    indices
        .iter()
        .map(|&i| {
            let j = if i < 0 { i.wrapping_add(n) } else { i };
            if j < 0 || j >= n {
                return Err(Error::new(
                    ErrorKind::IndexError,
                    format!("index {i} is out of bounds for axis 0 with size {n}"),
                ));
            }
            Ok(a[j as usize])
        })
        .collect()
}
