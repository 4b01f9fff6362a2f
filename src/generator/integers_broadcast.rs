//! `integers` with array-valued bounds: NumPy's `_bounded_integers` broadcast path
//! (`np.asarray` of the bounds, the casting and range checks over the broadcast, then
//! one bounded draw per element in C order). The public path is
//! `nprand::generator::integers::IntBound`.

use super::super::Generator;
use super::{bounds_error, draw, Bounded, IntegerDtype, Width};
use crate::array::{broadcast_indices, broadcast_shapes, ufunc_broadcast, BroadcastWalk, NdArray};
use crate::bitgen::BitGenerator;
use crate::common::alloc::{check_shape, reserve, Dtype};
use crate::error::{Error, Result};

/// A bound of `integers` with array arguments: an element of `np.asarray(low)`.
///
/// ```
/// use nprand::generator::integers::IntBound;
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
    fn as_f64(self) -> f64 {
        match self {
            IntBound::Int(i) => i as f64,
            IntBound::Float(x) => x,
        }
    }

    /// NumPy's comparison of two elements (ints exactly, otherwise as float64; NaN is
    /// unordered).
    fn cmp(self, o: IntBound) -> Option<std::cmp::Ordering> {
        match (self, o) {
            (IntBound::Int(a), IntBound::Int(b)) => Some(a.cmp(&b)),
            (a, b) => a.as_f64().partial_cmp(&b.as_f64()),
        }
    }

    fn lt(self, y: i128) -> bool {
        self.cmp(IntBound::Int(y)) == Some(std::cmp::Ordering::Less)
    }

    fn gt(self, y: i128) -> bool {
        self.cmp(IntBound::Int(y)) == Some(std::cmp::Ordering::Greater)
    }

    fn ge(self, y: i128) -> bool {
        matches!(
            self.cmp(IntBound::Int(y)),
            Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
        )
    }

    fn is_zero(self) -> bool {
        self.as_f64() == 0.0
    }

    /// Python's `int(x)` (truncation); NaN and infinities are Python's errors.
    fn to_int(self) -> Result<i128> {
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
    fn forcecast(self) -> i128 {
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
fn can_cast<T: IntegerDtype>(a: &NdArray<IntBound>, is_bool: bool) -> bool {
    if is_bool {
        return true;
    }
    match int_array_kind(a) {
        Some(false) => T::NAME == "int64",
        Some(true) => T::NAME == "uint64",
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

impl<B: BitGenerator> Generator<B> {
    /// `rng.integers(low, high, size, dtype=T, endpoint)` with array bounds: NumPy's
    /// `_rand_{dtype}_broadcast`, with its checks in its order and its messages, and one
    /// 32-bit buffer for the whole call. `low_is_bool`/`high_is_bool` say the bound arrays
    /// are boolean (NumPy then skips the range checks). The output has shape `size`, or the
    /// broadcast shape of the bounds.
    ///
    /// ```
    /// use nprand::array::NdArray;
    /// use nprand::generator::{default_rng, integers::IntBound};
    /// // np.random.default_rng(1).integers([0, 10], [5, 20], dtype=np.int16)
    /// let low = NdArray::from_vec(vec![IntBound::Int(0), IntBound::Int(10)]);
    /// let high = NdArray::from_vec(vec![IntBound::Int(5), IntBound::Int(20)]);
    /// let out = default_rng(1)
    ///     .integers_broadcast::<i16>(&low, &high, None, false, (false, false))
    ///     .unwrap();
    /// assert_eq!(out.shape, vec![2]);
    /// assert!((0..5).contains(&out.data[0]) && (10..20).contains(&out.data[1]));
    /// ```
    pub fn integers_broadcast<T: IntegerDtype>(
        &mut self,
        low: &NdArray<IntBound>,
        high: &NdArray<IntBound>,
        size: Option<&[usize]>,
        endpoint: bool,
        is_bool: (bool, bool),
    ) -> Result<NdArray<T>> {
        let bounds = BroadcastBounds::new::<T>(low, high, endpoint, is_bool)?;
        self.integers_from_bounds(&bounds, size)
    }

    /// The draws of [`integers_broadcast`](Self::integers_broadcast) once the bounds are
    /// checked (NumPy allocates the output, and checks `size`, in between).
    pub(crate) fn integers_from_bounds<T: IntegerDtype>(
        &mut self,
        bounds: &BroadcastBounds,
        size: Option<&[usize]>,
    ) -> Result<NdArray<T>> {
        let BroadcastBounds {
            lows,
            highs,
            is_open,
            low_shape,
            high_shape,
        } = bounds;
        let (low_shape, high_shape, is_open) =
            (low_shape.as_slice(), high_shape.as_slice(), *is_open);
        let out_shape = match size {
            Some(s) => s.to_vec(),
            None => broadcast_shapes(&[low_shape, high_shape])?,
        };
        // NumPy's `np.empty(size, dtype)`: its size errors, or MemoryError, come first.
        let dtype = Dtype::new(T::NAME, std::mem::size_of::<T>());
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
                    "integers with bounds of shapes {} and {} (empty) and size {} reads uninitialised memory in NumPy; nprand refuses",
                    crate::array::shape_repr(low_shape),
                    crate::array::shape_repr(high_shape),
                    crate::array::shape_repr(&out_shape)
                ),
            ));
        }
        // The first n positions of the broadcast, walked (no index arrays of n items).
        let mut li = BroadcastWalk::new(&it_shape, low_shape);
        let mut hi = BroadcastWalk::new(&it_shape, high_shape);
        let mut b = Bounded::new(&mut self.bg);
        for _ in 0..n {
            let (l, h) = (lows[li.next_index()], highs[hi.next_index()]);
            let rng = h.wrapping_sub(is_open as u64).wrapping_sub(l);
            data.push(draw::<T, B>(&mut b, l, rng));
        }
        Ok(NdArray {
            shape: out_shape,
            data,
        })
    }
}

/// The checked bounds of a broadcast `integers` call: closed-interval offsets and ends as
/// bit patterns of the dtype's width.
#[derive(Debug, Clone)]
pub(crate) struct BroadcastBounds {
    lows: Vec<u64>,
    highs: Vec<u64>,
    is_open: bool,
    low_shape: Vec<usize>,
    high_shape: Vec<usize>,
}

impl BroadcastBounds {
    /// NumPy's checks of `_rand_{dtype}_broadcast`, in its order.
    pub(crate) fn new<T: IntegerDtype>(
        low: &NdArray<IntBound>,
        high: &NdArray<IntBound>,
        endpoint: bool,
        is_bool: (bool, bool),
    ) -> Result<Self> {
        let closed = endpoint;
        // (low, high) as int64/uint64 bit patterns, closed or open.
        let (lows, highs, is_open): (Vec<u64>, Vec<u64>, bool);
        if T::WIDTH != Width::W64 {
            if !can_cast::<T>(low, is_bool.0) && low.data.iter().any(|l| l.lt(T::MIN)) {
                return Err(Error::value(format!(
                    "low is out of bounds for {}",
                    T::NAME
                )));
            }
            let ub = T::MAX + 1;
            if !can_cast::<T>(high, is_bool.1)
                && high
                    .data
                    .iter()
                    .any(|h| if closed { h.ge(ub) } else { h.gt(ub) })
            {
                return Err(Error::value(format!(
                    "high is out of bounds for {}",
                    T::NAME
                )));
            }
            let bad = any_pair(low, high, |l, h| match l.cmp(h) {
                Some(std::cmp::Ordering::Greater) => true,
                Some(std::cmp::Ordering::Equal) => !closed,
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
            let (lb, ub) = (T::MIN, T::MAX);
            let mut lo = Vec::with_capacity(low.len());
            if can_cast::<T>(low, is_bool.0) {
                lo.extend(low.data.iter().map(|l| l.forcecast()));
            } else {
                for l in &low.data {
                    let v = l.to_int()?;
                    if v < lb || v > ub {
                        return Err(Error::value(format!(
                            "low is out of bounds for {}",
                            T::NAME
                        )));
                    }
                    lo.push(v);
                }
            }
            let low_zero = lo.iter().all(|&v| v == 0);
            let mut hi = Vec::with_capacity(high.len());
            let mut open = !closed;
            if can_cast::<T>(high, is_bool.1) {
                hi.extend(high.data.iter().map(|h| h.forcecast()));
            } else {
                for h in &high.data {
                    let v = h.to_int()?.saturating_sub((!closed) as i128);
                    if v > ub {
                        return Err(Error::value(format!(
                            "high is out of bounds for {}",
                            T::NAME
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
                Some(std::cmp::Ordering::Greater) => true,
                Some(std::cmp::Ordering::Equal) => open,
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
