//! The NumPy arithmetic experiments apply to their draws, computed in NumPy's order so
//! the results are the same bits as NumPy 2.4.6's on x86-64.
//!
//! A port of a seeded NumPy program draws the same numbers with [`RandomState`] or
//! [`Generator`], but `xs.iter().sum()` is not `np.sum(xs)`: NumPy sums pairwise in
//! blocks of 128 with eight accumulators, `np.dot` goes to OpenBLAS's fused kernels,
//! `np.percentile` interpolates with a two-sided lerp, and so on. Each function here
//! names the NumPy call it equals and performs the same floating-point operations in the
//! same order.
//!
//! | NumPy | here | bit for bit |
//! |---|---|---|
//! | `np.sum`, `mean`, `var`, `std`, `prod` (whole array, `axis=`) | [`reduce`] | yes: NumPy's own loops, on every CPU |
//! | `np.min`/`max`/`argmin`/`argmax` | [`reduce`] | yes (NaN propagates; see the signed-zero note) |
//! | `np.cumsum`, `cumprod`, `diff` | [`cumulative`] | yes |
//! | `np.linspace`, `np.arange` (float steps) | [`ranges`] | yes |
//! | `np.percentile`, `quantile`, `median` (`method='linear'`) | [`quantile`](mod@quantile) | yes |
//! | `np.sort`, `argsort(kind='stable')`, `take` | [`sort`](mod@sort) | yes (see the `-0.0`/`0.0` note in [`sort`](mod@sort)) |
//! | `np.dot`, `@` (float64) | [`dot`](mod@dot) | OpenBLAS's Haswell kernels (AVX2 CPUs); AVX-512 CPUs differ |
//! | `np.exp`, `log`, `expm1`, `log1p`, `tanh`, `tan`, `arctan` | `ufunc` (feature `std`) | AVX2 CPUs (NumPy calls libm); AVX-512 CPUs differ |
//! | `math.fsum`, `statistics.fmean`, `mean`, `quantiles` | `py` (feature `python`) | yes (CPython 3.11) |
//!
//! Arrays are [`NdArray`]s (shape plus C-order data) or plain slices for 1-d input.
//! Where NumPy raises, the functions return an [`Error`] with NumPy's exception and
//! message; nothing here panics.
//!
//! [`RandomState`]: crate::RandomState
//! [`Generator`]: crate::Generator

use crate::array::NdArray;
use crate::error::{Error, ErrorKind, Result};
use crate::prelude::*;

pub mod cumulative;
pub mod dot;
#[cfg(feature = "python")]
pub mod py;
pub mod quantile;
pub mod ranges;
pub mod reduce;
pub mod sort;
// tan, arctan and tanh call the platform libm, which only `std` provides.
#[cfg(feature = "std")]
pub mod ufunc;

pub use cumulative::{cumprod, cumprod_axis, cumsum, cumsum_axis, diff, diff_axis};
pub use dot::{dot, matmul, vdot};
pub use quantile::{median, median_axis, percentile, percentile_axis, quantile, quantile_axis};
pub use ranges::{arange, linspace, linspace_opts};
pub use reduce::{
    argmax, argmax_axis, argmin, argmin_axis, max, max_axis, mean, mean_axis, min, min_axis, prod,
    prod_axis, std, std_axis, sum, sum_axis, var, var_axis,
};
pub use sort::{argsort, argsort_axis, sort, sort_axis, take};

/// The float dtypes the reductions take: `float64` and `float32` (NumPy computes a
/// float32 array's sum, mean and so on in float32). Sealed.
///
/// ```
/// // np.sum(np.full(10, 0.1, dtype=np.float32)) is a float32 sum
/// let x = [0.1f32; 10];
/// assert_eq!(nprand::numpy::sum(&x), 1.0f32);
/// assert_eq!(nprand::numpy::cumsum(&x)[9], 1.0000001f32); // left to right
/// ```
pub trait Float:
    Copy
    + PartialOrd
    + core::fmt::Debug
    + core::ops::Add<Output = Self>
    + core::ops::Sub<Output = Self>
    + core::ops::Mul<Output = Self>
    + core::ops::Div<Output = Self>
    + private::Sealed
{
    /// `0.0`.
    const ZERO: Self;
    /// `1.0`.
    const ONE: Self;
    /// The count `n` in this dtype (`true_divide(sum, n)` converts `n` so).
    fn from_usize(n: usize) -> Self;
    /// `n - ddof` floored at 0, as `um.maximum(rcount - ddof, 0)` then the division's cast.
    fn from_f64(v: f64) -> Self;
    /// `np.sqrt`: correctly rounded.
    fn sqrt(self) -> Self;
    /// `np.isnan`.
    fn is_nan(self) -> bool;
    /// `true_divide(x, n)` for NumPy's `intp` count `n`: NEP 50 promotes a float32 `x`
    /// with an `intp` to float64, divides there and casts the quotient back.
    fn div_count(self, n: f64) -> Self;
}

mod private {
    pub trait Sealed {}
    impl Sealed for f64 {}
    impl Sealed for f32 {}
}

macro_rules! impl_float {
    ($t:ty, $default_nan:expr) => {
        impl Float for $t {
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            fn from_usize(n: usize) -> Self {
                n as $t
            }
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            fn sqrt(self) -> Self {
                #[cfg(feature = "std")]
                return <$t>::sqrt(self);
                #[cfg(not(feature = "std"))]
                return crate::math::core_float::CoreFloat::sqrt(self);
            }
            fn is_nan(self) -> bool {
                <$t>::is_nan(self)
            }
            fn div_count(self, n: f64) -> Self {
                let q = self as f64 / n;
                if q.is_nan() && !(self.is_nan() || n.is_nan()) {
                    // An invalid division (`0 / 0`, the mean of an empty slice): x86's
                    // default NaN, sign bit set, as NumPy's Linux result has it. Written
                    // out, because the compiler may fold a `0.0 / 0.0` it can see into
                    // +NaN, and other CPUs' default NaN is positive.
                    return $default_nan;
                }
                q as $t
            }
        }
    };
}
impl_float!(f64, f64::from_bits(0xfff8_0000_0000_0000));
impl_float!(f32, f32::from_bits(0xffc0_0000));

/// `normalize_axis_index(axis, ndim)`: a negative axis counts from the end; outside the
/// dimensions NumPy raises `AxisError: axis 2 is out of bounds for array of dimension 2`.
pub(crate) fn normalize_axis(axis: isize, ndim: usize) -> Result<usize> {
    let n = ndim as isize;
    if axis < -n || axis >= n {
        return Err(Error::new(
            ErrorKind::AxisError,
            format!("axis {axis} is out of bounds for array of dimension {ndim}"),
        ));
    }
    Ok(if axis < 0 { axis + n } else { axis } as usize)
}

/// An array viewed around one axis: `outer` blocks of `len` steps of `inner` contiguous
/// elements (C order), element `(o, i, k)` at `(o * len + i) * inner + k`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lanes {
    pub outer: usize,
    pub len: usize,
    pub inner: usize,
}

impl Lanes {
    /// The lanes of `shape` along `axis` (already normalized).
    pub(crate) fn new(shape: &[usize], axis: usize) -> Lanes {
        Lanes {
            outer: shape[..axis].iter().product(),
            len: shape[axis],
            inner: shape[axis + 1..].iter().product(),
        }
    }

    /// The flat index of element `i` of lane `(o, k)`.
    #[inline]
    pub(crate) fn at(&self, o: usize, i: usize, k: usize) -> usize {
        (o * self.len + i) * self.inner + k
    }
}

/// Checks `a.data.len()` against its shape (the fields are public, so a caller can break
/// the invariant; NumPy's arrays cannot) and normalizes `axis`.
pub(crate) fn axis_lanes<T>(a: &NdArray<T>, axis: isize) -> Result<(usize, Lanes)> {
    check_shape(a)?;
    let ax = normalize_axis(axis, a.shape.len())?;
    Ok((ax, Lanes::new(&a.shape, ax)))
}

/// An [`NdArray`] whose data length does not match its shape is a `ValueError`.
pub(crate) fn check_shape<T>(a: &NdArray<T>) -> Result<()> {
    let n = a.shape.iter().try_fold(1usize, |p, &d| p.checked_mul(d));
    if n != Some(a.data.len()) {
        return Err(Error::value(format!(
            "cannot reshape array of size {} into shape {}",
            a.data.len(),
            crate::array::shape_repr(&a.shape).replace(' ', "")
        )));
    }
    Ok(())
}

/// The shape without `axis`.
pub(crate) fn drop_axis(shape: &[usize], axis: usize) -> Vec<usize> {
    let mut s = shape.to_vec();
    s.remove(axis);
    s
}
