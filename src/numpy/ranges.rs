//! `np.linspace` and `np.arange` with float arguments, as NumPy computes their elements.

use crate::common::alloc::{check_shape, reserve, Dtype};
use crate::error::{Error, ErrorKind, Result};
use crate::prelude::*;

/// `np.linspace(start, stop, num)` (float64, `endpoint=True`).
///
/// ```
/// let x = nprand::numpy::linspace(0.0, 1.0, 11).unwrap();
/// assert_eq!(x[3], 0.30000000000000004); // 3 * 0.1 + 0.0, as NumPy
/// assert_eq!(x[10], 1.0);
/// ```
pub fn linspace(start: f64, stop: f64, num: i64) -> Result<Vec<f64>> {
    Ok(linspace_opts(start, stop, num, true)?.0)
}

/// `np.linspace(start, stop, num, endpoint=endpoint, retstep=True)`: the samples and
/// the step (NaN where NumPy's is, for `num - endpoint <= 0`).
///
/// `numpy/_core/function_base.py`: `y = arange(0, num)`, then `y *= step` (`step =
/// (stop - start) / div`, `div = num - 1` or `num`), or where `step == 0` (subnormal
/// deltas) `y /= div; y *= delta`, then `y += start`, and with `endpoint` the last
/// sample is set to `stop`. A negative `num` is NumPy's `ValueError`.
///
/// ```
/// let (x, step) = nprand::numpy::linspace_opts(0.0, 1.0, 4, false).unwrap();
/// assert_eq!((x, step), (vec![0.0, 0.25, 0.5, 0.75], 0.25));
/// assert!(nprand::numpy::linspace_opts(0.0, 1.0, -1, true).is_err());
/// ```
pub fn linspace_opts(start: f64, stop: f64, num: i64, endpoint: bool) -> Result<(Vec<f64>, f64)> {
    if num < 0 {
        return Err(Error::value(format!(
            "Number of samples, {num}, must be non-negative."
        )));
    }
    let n = usize::try_from(num).map_err(|_| crate::common::alloc::too_big())?;
    check_shape(&[n], Dtype::F64)?;
    let mut y: Vec<f64> = reserve(&[n], Dtype::F64, n)?;
    let div = if endpoint { num - 1 } else { num };
    let delta = stop - start;
    let step = if div > 0 {
        let d = div as f64;
        let step = delta / d;
        if step == 0.0 {
            y.extend((0..n).map(|i| i as f64 / d * delta));
        } else {
            y.extend((0..n).map(|i| i as f64 * step));
        }
        step
    } else {
        y.extend((0..n).map(|i| i as f64 * delta));
        f64::NAN
    };
    for v in &mut y {
        *v += start;
    }
    if endpoint && n > 1 {
        y[n - 1] = stop;
    }
    Ok((y, step))
}

/// `np.arange(start, stop, step)` with float arguments.
///
/// NumPy (`PyArray_ArangeObj`, `multiarray/ctors.c`) takes the length
/// `ceil((stop - start) / step)`, stores `start` and `start + step`, and fills the rest
/// with `DOUBLE_fill`: `start + i * delta` where `delta = (start + step) - start` (not
/// `step`). `step == 0` is CPython's `ZeroDivisionError`; a NaN length or one beyond
/// `npy_intp` are NumPy's `ValueError`s.
///
/// ```
/// let x = nprand::numpy::arange(0.0, 1.0, 0.1).unwrap();
/// assert_eq!(x.len(), 10);
/// assert_eq!(x[3], 0.30000000000000004);
/// assert!(nprand::numpy::arange(0.0, 1.0, 0.0).is_err());
/// ```
pub fn arange(start: f64, stop: f64, step: f64) -> Result<Vec<f64>> {
    if step == 0.0 {
        return Err(Error::new(
            ErrorKind::ZeroDivisionError,
            "float division by zero",
        ));
    }
    let len = ((stop - start) / step).ceil();
    if len.is_nan() {
        return Err(Error::value("arange: cannot compute length"));
    }
    if !(len < isize::MAX as f64) {
        return Err(Error::value("Maximum allowed size exceeded"));
    }
    let n = if len <= 0.0 { 0 } else { len as usize };
    check_shape(&[n], Dtype::F64)?;
    let mut out: Vec<f64> = reserve(&[n], Dtype::F64, n)?;
    if n == 0 {
        return Ok(out);
    }
    out.push(start);
    if n == 1 {
        return Ok(out);
    }
    let second = start + step;
    out.push(second);
    let delta = second - start;
    out.extend((2..n).map(|i| start + i as f64 * delta));
    Ok(out)
}
