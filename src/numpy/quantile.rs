//! `np.percentile`, `np.quantile`, `np.median` (float64, NumPy's default
//! `method='linear'`), from `numpy/lib/_function_base_impl.py`.
//!
//! `_quantile`: the virtual index `(n - 1) * q` (for `percentile`, `q / 100` first), its
//! floor and the next index (both clamped to the last element when the index reaches
//! `n - 1`, and `gamma = index - previous` computed after that clamp), the partitioned
//! (here: sorted) values there, then `_lerp`, NumPy's two-sided interpolation:
//! `a + (b - a) * t`, or `b - (b - a) * (1 - t)` where `t >= 0.5`. A lane holding a NaN
//! gives that NaN. `_median`: the mean (`np.mean`, so `0.0 + ...`) of the middle one or
//! two sorted values.

use super::{axis_lanes, drop_axis, sort::sort};
use crate::array::NdArray;
use crate::error::{Error, ErrorKind, Result};
use crate::prelude::*;

/// `_lerp(a, b, t)`.
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    let diff = b - a;
    if t >= 0.5 {
        b - diff * (1.0 - t)
    } else {
        a + diff * t
    }
}

/// The linear-method quantile `q` (in [0, 1], checked) of one lane.
fn lane_quantile(lane: &[f64], q: f64) -> Result<f64> {
    let n = lane.len();
    if n == 0 {
        return Err(Error::new(
            ErrorKind::IndexError,
            "index -1 is out of bounds for axis 0 with size 0",
        ));
    }
    let s = sort(lane);
    if s[n - 1].is_nan() {
        return Ok(s[n - 1]);
    }
    let virt = (n - 1) as f64 * q;
    let (prev, next, prev_val) = if virt >= (n - 1) as f64 {
        // NumPy sets both indexes to -1, and gamma is then `virt - (-1)`.
        (n - 1, n - 1, -1.0)
    } else if virt < 0.0 {
        (0, 0, 0.0)
    } else {
        let p = virt.floor();
        (p as usize, p as usize + 1, p)
    };
    Ok(lerp(s[prev], s[next], virt - prev_val))
}

/// `_quantile_is_valid`: `0 <= q <= 1` (NaN fails).
fn check_q(q: f64, msg: &str) -> Result<()> {
    if !(0.0..=1.0).contains(&q) {
        return Err(Error::value(msg));
    }
    Ok(())
}

const QUANTILE_MSG: &str = "Quantiles must be in the range [0, 1]";
const PERCENTILE_MSG: &str = "Percentiles must be in the range [0, 100]";

/// `np.quantile(a, q)` of a 1-d array (`a` is flattened by NumPy for `axis=None`).
///
/// ```
/// assert_eq!(nprand::numpy::quantile(&[1.0, 2.0, 3.0, 4.0], 0.5).unwrap(), 2.5);
/// let e = nprand::numpy::quantile(&[1.0], 1.5).unwrap_err();
/// assert_eq!(e.message(), "Quantiles must be in the range [0, 1]");
/// ```
pub fn quantile(a: &[f64], q: f64) -> Result<f64> {
    check_q(q, QUANTILE_MSG)?;
    lane_quantile(a, q)
}

/// `np.percentile(a, q)`: `np.quantile(a, q / 100)` with its own message.
///
/// ```
/// // np.percentile([1., 2., 3., 4.], 10) == 1.3
/// assert_eq!(nprand::numpy::percentile(&[1.0, 2.0, 3.0, 4.0], 10.0).unwrap(), 1.3);
/// assert!(nprand::numpy::percentile(&[1.0], 101.0).is_err());
/// ```
pub fn percentile(a: &[f64], q: f64) -> Result<f64> {
    let q = q / 100.0;
    check_q(q, PERCENTILE_MSG)?;
    lane_quantile(a, q)
}

/// `np.quantile(a, q, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 2.0, 3.0, 5.0]).unwrap();
/// assert_eq!(nprand::numpy::quantile_axis(&a, 0.5, 1).unwrap().data, vec![1.5, 4.0]);
/// ```
pub fn quantile_axis(a: &NdArray<f64>, q: f64, axis: isize) -> Result<NdArray<f64>> {
    check_q(q, QUANTILE_MSG)?;
    map_lanes(a, axis, |lane| lane_quantile(lane, q))
}

/// `np.percentile(a, q, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1.0, 2.0, 3.0, 5.0]).unwrap();
/// let p = nprand::numpy::quantile::percentile_axis(&a, 50.0, 0).unwrap();
/// assert_eq!(p.data, vec![2.0, 3.5]);
/// ```
pub fn percentile_axis(a: &NdArray<f64>, q: f64, axis: isize) -> Result<NdArray<f64>> {
    let q = q / 100.0;
    check_q(q, PERCENTILE_MSG)?;
    map_lanes(a, axis, |lane| lane_quantile(lane, q))
}

/// Applies `f` to every lane along `axis`.
fn map_lanes(
    a: &NdArray<f64>,
    axis: isize,
    f: impl Fn(&[f64]) -> Result<f64>,
) -> Result<NdArray<f64>> {
    let (ax, l) = axis_lanes(a, axis)?;
    let mut data = Vec::with_capacity(l.outer * l.inner);
    for o in 0..l.outer {
        for k in 0..l.inner {
            let lane: Vec<f64> = (0..l.len).map(|i| a.data[l.at(o, i, k)]).collect();
            data.push(f(&lane)?);
        }
    }
    Ok(NdArray {
        shape: drop_axis(&a.shape, ax),
        data,
    })
}

/// `_median` of one lane: NaN for an empty lane (NumPy warns "Mean of empty slice").
fn lane_median(lane: &[f64]) -> f64 {
    let n = lane.len();
    if n == 0 {
        // `np.mean` of the empty middle: 0.0 / 0, x86's default NaN (see `div_count`).
        return super::reduce::mean(lane);
    }
    let s = sort(lane);
    if s[n - 1].is_nan() {
        return s[n - 1];
    }
    let mid = if n % 2 == 1 {
        &s[n / 2..n / 2 + 1]
    } else {
        &s[n / 2 - 1..n / 2 + 1]
    };
    super::reduce::mean(mid)
}

/// `np.median(a)`.
///
/// ```
/// assert_eq!(nprand::numpy::median(&[3.0, 1.0, 2.0, 10.0]), 2.5);
/// assert!(nprand::numpy::median(&[]).is_nan());
/// ```
pub fn median(a: &[f64]) -> f64 {
    lane_median(a)
}

/// `np.median(a, axis=axis)`.
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 3], vec![1.0, 9.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
/// assert_eq!(nprand::numpy::median_axis(&a, 1).unwrap().data, vec![2.0, 4.0]);
/// ```
pub fn median_axis(a: &NdArray<f64>, axis: isize) -> Result<NdArray<f64>> {
    map_lanes(a, axis, |lane| Ok(lane_median(lane)))
}
