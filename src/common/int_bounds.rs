//! NumPy's `_bounded_integers` checks of array-valued bounds, shared by
//! `Generator.integers` and `RandomState.randint` (both call the same
//! `_rand_{dtype}_broadcast`; only the draw differs: Lemire's method or masked rejection).
//!
//! [`IntoBounds`] is the conversion of a bound argument (`np.asarray(low)`): everything
//! [`IntoParam`] takes, plus `i128`/`u64` scalars for bounds beyond int64 (`2**63`,
//! `2**64` for uint64).
//!
//! ```
//! use nprand::common::{IntBound, IntoBounds};
//! // np.asarray([0, 5]), np.asarray(2**63)
//! assert_eq!([0, 5].into_bounds().data[1], IntBound::Int(5));
//! assert_eq!((1i128 << 63).into_bounds().shape, Vec::<usize>::new());
//! ```

use super::{IntoParam, Num};
use crate::array::{broadcast_indices, broadcast_shapes, ufunc_broadcast, BroadcastWalk, NdArray};
use crate::common::alloc::{check_shape, reserve, Dtype};
use crate::error::{Error, Result};
use crate::prelude::*;

/// A bound argument as `np.asarray` sees it: an array of [`IntBound`].
///
/// Implemented for every [`IntoParam`] type (int elements stay exact, float elements
/// are float64 arrays, as in NumPy) and for `i128` and `u64` scalars.
///
/// ```
/// use nprand::common::{IntBound, IntoBounds};
/// assert_eq!(2.5.into_bounds().data, [IntBound::Float(2.5)]);
/// assert_eq!(u64::MAX.into_bounds().data, [IntBound::Int(u64::MAX as i128)]);
/// ```
pub trait IntoBounds {
    /// The bounds as a shaped array (C order).
    fn into_bounds(self) -> NdArray<IntBound>;
}

impl<P: IntoParam> IntoBounds for P {
    fn into_bounds(self) -> NdArray<IntBound> {
        let p = self.into_param();
        NdArray {
            shape: p.shape,
            data: p
                .data
                .into_iter()
                .map(|n| match n {
                    Num::I(i) => IntBound::Int(i as i128),
                    Num::F(x) => IntBound::Float(x),
                })
                .collect(),
        }
    }
}

impl IntoBounds for i128 {
    fn into_bounds(self) -> NdArray<IntBound> {
        NdArray {
            shape: Vec::new(),
            data: vec![IntBound::Int(self)],
        }
    }
}

impl IntoBounds for u64 {
    fn into_bounds(self) -> NdArray<IntBound> {
        (self as i128).into_bounds()
    }
}

/// What the checks need of the result's dtype.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BoundsType {
    /// NumPy's dtype name, as in the messages.
    pub(crate) name: &'static str,
    /// The smallest and largest value.
    pub(crate) min: i128,
    pub(crate) max: i128,
    /// A 64-bit dtype (NumPy's checks differ for those: Python ints, not array compares).
    pub(crate) wide: bool,
}

/// NumPy's error for empty intervals: it names `high <= 0` when every low is 0.
pub(crate) fn bounds_error(closed: bool, low_is_zero: bool) -> Error {
    Error::value(match (low_is_zero, closed) {
        (true, false) => "high <= 0",
        (true, true) => "high < 0",
        (false, false) => "low >= high",
        (false, true) => "low > high",
    })
}

/// A bound of `integers`/`randint` with array arguments: an element of `np.asarray(low)`.
///
/// ```
/// use nprand::common::IntBound;
/// // np.asarray([1.5, 2]) is a float array: its elements are IntBound::Float
/// let b = [IntBound::Float(1.5), IntBound::Float(2.0)];
/// assert_ne!(b[0], IntBound::Int(1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IntBound {
    /// An integer element (Python int or bool), possibly beyond 64 bits.
    Int(i128),
    /// A float element (the array is float64).
    Float(f64),
}

impl IntBound {
    pub(crate) fn as_f64(self) -> f64 {
        match self {
            IntBound::Int(i) => i as f64,
            IntBound::Float(x) => x,
        }
    }

    /// NumPy's comparison of two elements (ints exactly, otherwise as float64; NaN is
    /// unordered).
    pub(crate) fn cmp(self, o: IntBound) -> Option<core::cmp::Ordering> {
        match (self, o) {
            (IntBound::Int(a), IntBound::Int(b)) => Some(a.cmp(&b)),
            (a, b) => a.as_f64().partial_cmp(&b.as_f64()),
        }
    }

    pub(crate) fn lt(self, y: i128) -> bool {
        self.cmp(IntBound::Int(y)) == Some(core::cmp::Ordering::Less)
    }

    pub(crate) fn gt(self, y: i128) -> bool {
        self.cmp(IntBound::Int(y)) == Some(core::cmp::Ordering::Greater)
    }

    pub(crate) fn ge(self, y: i128) -> bool {
        self.at_least(IntBound::Int(y))
    }

    /// `self >= o` as NumPy compares the two elements (false when either is NaN).
    pub(crate) fn at_least(self, o: IntBound) -> bool {
        matches!(
            self.cmp(o),
            Some(core::cmp::Ordering::Greater | core::cmp::Ordering::Equal)
        )
    }

    pub(crate) fn is_zero(self) -> bool {
        self.as_f64() == 0.0
    }

    /// Python's `int(x)` (truncation); NaN and infinities are Python's errors.
    pub(crate) fn to_int(self) -> Result<i128> {
        match self {
            IntBound::Int(i) => Ok(i),
            IntBound::Float(x) if x.is_nan() => {
                Err(Error::value("cannot convert float NaN to integer"))
            }
            IntBound::Float(x) if x.is_infinite() => Err(Error::new(
                crate::ErrorKind::OverflowError,
                "cannot convert float infinity to integer",
            )),
            IntBound::Float(x) => Ok(if x.abs() >= 1e36 {
                if x > 0.0 {
                    1 << 120
                } else {
                    -(1 << 120)
                }
            } else {
                x.trunc() as i128
            }),
        }
    }

    /// A C cast to int64 of a float (what FORCECAST does), ints as they are.
    pub(crate) fn forcecast(self) -> i128 {
        match self {
            IntBound::Int(i) => i,
            IntBound::Float(x) => crate::common::c_long(x) as i128,
        }
    }
}

/// The dtype NumPy gives `np.asarray` of these bounds: `Some(bits)` for an int array
/// (`bits` = 64 signed, or unsigned 64 when some value needs it), `None` for float or object.
fn int_array_kind(a: &NdArray<IntBound>) -> Option<bool> {
    if a.data.iter().any(|b| matches!(b, IntBound::Float(_))) {
        return None;
    }
    let ints = a.data.iter().map(|b| match b {
        IntBound::Int(i) => *i,
        IntBound::Float(_) => 0,
    });
    let mut unsigned = false;
    for i in ints {
        if i64::try_from(i).is_ok() {
            continue;
        }
        if u64::try_from(i).is_ok() {
            unsigned = true;
            continue;
        }
        return None; // object array
    }
    Some(unsigned)
}

/// Whether `np.can_cast(arr, T)` holds for an array of these bounds (array dtypes from
/// Python literals: bool, int64, uint64, float64 or object).
fn can_cast(t: &BoundsType, a: &NdArray<IntBound>, is_bool: bool) -> bool {
    if is_bool {
        return true;
    }
    match int_array_kind(a) {
        Some(false) => t.name == "int64",
        Some(true) => t.name == "uint64",
        None => false,
    }
}

/// `any(f(low, high))` over the broadcast of two arrays.
fn any_pair(
    low: &NdArray<IntBound>,
    high: &NdArray<IntBound>,
    f: impl Fn(IntBound, IntBound) -> bool,
) -> Result<bool> {
    let shape = ufunc_broadcast(&low.shape, &high.shape)?;
    let li = broadcast_indices(&shape, &low.shape);
    let hi = broadcast_indices(&shape, &high.shape);
    Ok(li
        .iter()
        .zip(&hi)
        .any(|(&l, &h)| f(low.data[l], high.data[h])))
}

/// The checked bounds of a broadcast `integers`/`randint` call: closed-interval offsets and ends as
/// bit patterns of the dtype's width.
#[derive(Debug, Clone)]
pub(crate) struct BroadcastBounds {
    pub(crate) lows: Vec<u64>,
    pub(crate) highs: Vec<u64>,
    pub(crate) is_open: bool,
    pub(crate) low_shape: Vec<usize>,
    pub(crate) high_shape: Vec<usize>,
}

impl BroadcastBounds {
    /// NumPy's checks of `_rand_{dtype}_broadcast`, in its order.
    pub(crate) fn new(
        t: &BoundsType,
        low: &NdArray<IntBound>,
        high: &NdArray<IntBound>,
        endpoint: bool,
        is_bool: (bool, bool),
    ) -> Result<Self> {
        let closed = endpoint;
        // (low, high) as int64/uint64 bit patterns, closed or open.
        let (lows, highs, is_open): (Vec<u64>, Vec<u64>, bool);
        if !t.wide {
            if !can_cast(t, low, is_bool.0) && low.data.iter().any(|l| l.lt(t.min)) {
                return Err(Error::value(format!("low is out of bounds for {}", t.name)));
            }
            let ub = t.max + 1;
            if !can_cast(t, high, is_bool.1)
                && high
                    .data
                    .iter()
                    .any(|h| if closed { h.ge(ub) } else { h.gt(ub) })
            {
                return Err(Error::value(format!(
                    "high is out of bounds for {}",
                    t.name
                )));
            }
            let bad = any_pair(low, high, |l, h| match l.cmp(h) {
                Some(core::cmp::Ordering::Greater) => true,
                Some(core::cmp::Ordering::Equal) => !closed,
                _ => false,
            })?;
            if bad {
                let zero = low.data.iter().all(|l| l.is_zero());
                return Err(bounds_error(closed, zero));
            }
            lows = low.data.iter().map(|l| l.forcecast() as u64).collect();
            highs = high.data.iter().map(|h| h.forcecast() as u64).collect();
            is_open = !closed;
        } else {
            let (lb, ub) = (t.min, t.max);
            let mut lo = Vec::with_capacity(low.len());
            if can_cast(t, low, is_bool.0) {
                lo.extend(low.data.iter().map(|l| l.forcecast()));
            } else {
                for l in &low.data {
                    let v = l.to_int()?;
                    if v < lb || v > ub {
                        return Err(Error::value(format!("low is out of bounds for {}", t.name)));
                    }
                    lo.push(v);
                }
            }
            let low_zero = lo.iter().all(|&v| v == 0);
            let mut hi = Vec::with_capacity(high.len());
            let mut open = !closed;
            if can_cast(t, high, is_bool.1) {
                hi.extend(high.data.iter().map(|h| h.forcecast()));
            } else {
                for h in &high.data {
                    let v = h.to_int()?.saturating_sub((!closed) as i128);
                    if v > ub {
                        return Err(Error::value(format!(
                            "high is out of bounds for {}",
                            t.name
                        )));
                    }
                    if v < lb {
                        return Err(bounds_error(closed, low_zero));
                    }
                    hi.push(v);
                }
                open = false;
            }
            let lo_arr = NdArray {
                shape: low.shape.clone(),
                data: lo.iter().map(|&v| IntBound::Int(v)).collect(),
            };
            let hi_arr = NdArray {
                shape: high.shape.clone(),
                data: hi.iter().map(|&v| IntBound::Int(v)).collect(),
            };
            let bad = any_pair(&lo_arr, &hi_arr, |l, h| match l.cmp(h) {
                Some(core::cmp::Ordering::Greater) => true,
                Some(core::cmp::Ordering::Equal) => open,
                _ => false,
            })?;
            if bad {
                return Err(bounds_error(closed, low_zero));
            }
            lows = lo.iter().map(|&v| v as u64).collect();
            highs = hi.iter().map(|&v| v as u64).collect();
            is_open = open;
        }
        Ok(BroadcastBounds {
            lows,
            highs,
            is_open,
            low_shape: low.shape.clone(),
            high_shape: high.shape.clone(),
        })
    }
}

impl BroadcastBounds {
    /// The draws once the bounds are checked: NumPy's `np.empty(size, dtype)` (its size
    /// errors and MemoryError first), then one `draw(off, rng)` per element of the
    /// broadcast in C order, `rng` the closed interval's width. `what` names the NumPy
    /// function in nprand's refusal of NumPy's out-of-bounds read.
    pub(crate) fn draw_each<T>(
        &self,
        size: Option<&[usize]>,
        dtype: Dtype,
        what: &str,
        mut draw: impl FnMut(u64, u64) -> T,
    ) -> Result<NdArray<T>> {
        let (low_shape, high_shape) = (self.low_shape.as_slice(), self.high_shape.as_slice());
        let out_shape = match size {
            Some(s) => s.to_vec(),
            None => broadcast_shapes(&[low_shape, high_shape])?,
        };
        let n = check_shape(&out_shape, dtype)?;
        let mut data = reserve(&out_shape, dtype, n)?;
        let it_shape = broadcast_shapes(&[low_shape, high_shape, &out_shape])?;
        let it_n = it_shape.iter().try_fold(1usize, |a, &d| a.checked_mul(d));
        if it_n.is_some_and(|it_n| n > it_n) {
            // An empty bound array broadcast against a non-empty `size` (`size=()`):
            // NumPy's loop reads past the end of the bounds and returns garbage.
            return Err(Error::new(
                crate::ErrorKind::NotImplementedError,
                format!(
                    "{what} with bounds of shapes {} and {} (empty) and size {} reads uninitialised memory in NumPy; nprand refuses",
                    crate::array::shape_repr(low_shape),
                    crate::array::shape_repr(high_shape),
                    crate::array::shape_repr(&out_shape)
                ),
            ));
        }
        // The first n positions of the broadcast, walked (no index arrays of n items).
        let mut li = BroadcastWalk::new(&it_shape, low_shape);
        let mut hi = BroadcastWalk::new(&it_shape, high_shape);
        for _ in 0..n {
            let (l, h) = (self.lows[li.next_index()], self.highs[hi.next_index()]);
            data.push(draw(l, h.wrapping_sub(self.is_open as u64).wrapping_sub(l)));
        }
        Ok(NdArray {
            shape: out_shape,
            data,
        })
    }
}
