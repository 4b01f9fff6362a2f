//! Checks a method runs before `cont` (NumPy's Python code around the `cont` call, the
//! same in `mtrand.pyx` and `_generator.pyx`).

use crate::array::NdArray;
use crate::error::{Error, Result};

use super::{any2, Num};

/// triangular's scalar checks, in NumPy's order (NaN passes all three).
pub(crate) fn triangular_check(left: f64, mode: f64, right: f64) -> Result<()> {
    if left > mode {
        return Err(Error::value("left > mode"));
    }
    if mode > right {
        return Err(Error::value("mode > right"));
    }
    if left == right {
        return Err(Error::value("left == right"));
    }
    Ok(())
}

/// triangular's checks as both methods run them before `cont`: on the scalars, or
/// with `np.greater` / `np.equal` over the arrays (broadcasting pairwise).
pub(crate) fn prepare_triangular(p: &mut [NdArray<Num>], scalar: bool) -> Result<()> {
    let (left, mode, right) = (&p[0], &p[1], &p[2]);
    if scalar {
        return triangular_check(left.data[0].f(), mode.data[0].f(), right.data[0].f());
    }
    if any2(left, mode, |a, b| a > b)? {
        return Err(Error::value("left > mode"));
    }
    if any2(mode, right, |a, b| a > b)? {
        return Err(Error::value("mode > right"));
    }
    if any2(left, right, |a, b| a == b)? {
        return Err(Error::value("left == right"));
    }
    Ok(())
}
