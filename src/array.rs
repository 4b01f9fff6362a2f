//! A minimal n-d array (shape + C-order data) for broadcast parameters and results.
//!
//! ```
//! use nprand::array::NdArray;
//! let a = NdArray::new(vec![2, 3], vec![0.0; 6]).unwrap();
//! assert_eq!(a.len(), 6);
//! let s = NdArray::scalar(1.5);
//! assert!(s.shape.is_empty());
//! ```

use crate::error::{Error, Result};
use crate::prelude::*;

/// Shape and flat C-order data, NumPy's model of an array.
#[derive(Debug, Clone, PartialEq)]
pub struct NdArray<T> {
    /// Dimensions; empty for a 0-d (scalar) array.
    pub shape: Vec<usize>,
    /// Elements in C (row-major) order; `data.len() == shape.iter().product()`.
    pub data: Vec<T>,
}

impl<T> NdArray<T> {
    /// An array of `shape` holding `data` (whose length must match).
    ///
    /// ```
    /// assert!(nprand::array::NdArray::new(vec![2], vec![1, 2, 3]).is_err());
    /// ```
    pub fn new(shape: Vec<usize>, data: Vec<T>) -> Result<Self> {
        // As `np.reshape`: a dimension past `isize::MAX` has its own error, and a product
        // that overflows matches no data.
        if shape.iter().any(|&d| d > isize::MAX as usize) {
            return Err(Error::value("Maximum allowed dimension exceeded"));
        }
        let n = shape.iter().try_fold(1usize, |a, &d| a.checked_mul(d));
        if n != Some(data.len()) {
            return Err(Error::value(format!(
                "cannot reshape array of size {} into shape {}",
                data.len(),
                // NumPy's reshape message prints the shape without spaces: (2,2).
                shape_repr(&shape).replace(' ', "")
            )));
        }
        Ok(NdArray { shape, data })
    }

    /// A 0-d array.
    ///
    /// ```
    /// assert_eq!(nprand::array::NdArray::scalar(3).data, vec![3]);
    /// ```
    pub fn scalar(v: T) -> Self {
        NdArray {
            shape: vec![],
            data: vec![v],
        }
    }

    /// A 1-d array.
    ///
    /// ```
    /// assert_eq!(nprand::array::NdArray::from_vec(vec![1, 2]).shape, vec![2]);
    /// ```
    #[must_use]
    pub fn from_vec(v: Vec<T>) -> Self {
        NdArray {
            shape: vec![v.len()],
            data: v,
        }
    }

    /// Number of elements.
    ///
    /// ```
    /// assert_eq!(nprand::array::NdArray::scalar(0.0).len(), 1);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// Whether there are no elements.
    ///
    /// ```
    /// assert!(nprand::array::NdArray::<f64>::from_vec(vec![]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// Number of dimensions.
    ///
    /// ```
    /// assert_eq!(nprand::array::NdArray::scalar(0.0).ndim(), 0);
    /// ```
    #[must_use]
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Apply `f` to every element.
    ///
    /// ```
    /// let a = nprand::array::NdArray::from_vec(vec![1, 2]).map(|x| x * 2);
    /// assert_eq!(a.data, vec![2, 4]);
    /// ```
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> NdArray<U> {
        NdArray {
            shape: self.shape,
            data: self.data.into_iter().map(f).collect(),
        }
    }
}

/// The elements in C order, as a slice: results index and iterate like NumPy's flat
/// view (`a.flat[i]`, `for x in a.flat`).
///
/// ```
/// use nprand::array::NdArray;
/// let a = NdArray::new(vec![2, 2], vec![1, 2, 3, 4]).unwrap();
/// assert_eq!(a[3], 4);
/// assert_eq!(a.iter().sum::<i32>(), 10);
/// assert_eq!(&a[..2], &[1, 2]);
/// ```
impl<T: Clone> NdArray<T> {
    /// `a.take(idx, axis=axis)`: the slices at positions `idx` (of shape `idx_shape`)
    /// along `axis`, in an array of shape `a.shape[:axis] + idx_shape +
    /// a.shape[axis+1:]`. NumPy's errors: an `axis` beyond the dimensions is an
    /// `AxisError`, an index outside `-len..len` an `IndexError` (negative ones count
    /// from the end); the allocation is checked.
    ///
    /// ```
    /// use nprand::array::NdArray;
    /// // np.arange(6).reshape(2, 3).take([2, 0], axis=1)
    /// let a = NdArray::new(vec![2, 3], (0..6).collect::<Vec<i64>>()).unwrap();
    /// let t = a.take(&[2, 0], &[2], 1).unwrap();
    /// assert_eq!((t.shape.as_slice(), t.data.as_slice()), (&[2, 2][..], &[2, 0, 5, 3][..]));
    /// ```
    pub fn take(&self, idx: &[i64], idx_shape: &[usize], axis: usize) -> Result<NdArray<T>> {
        let shape = &self.shape;
        if axis >= shape.len() {
            return Err(crate::Error::new(
                crate::ErrorKind::AxisError,
                format!(
                    "axis {axis} is out of bounds for array of dimension {}",
                    shape.len()
                ),
            ));
        }
        // The public fields may disagree with each other: refuse rather than misread.
        for (dims, n, what) in [
            (shape.as_slice(), self.data.len(), "a"),
            (idx_shape, idx.len(), "indices"),
        ] {
            if dims.iter().try_fold(1usize, |a, &d| a.checked_mul(d)) != Some(n) {
                return Err(crate::Error::value(format!(
                    "cannot reshape array of size {n} into shape {} ({what})",
                    shape_repr(dims)
                )));
            }
        }
        let len = shape[axis];
        let idx: Vec<usize> = idx
            .iter()
            .map(|&i| {
                let j = if i < 0 {
                    i.checked_add(len as i64)
                } else {
                    Some(i)
                };
                j.filter(|&j| j >= 0 && (j as usize) < len)
                    .map(|j| j as usize)
                    .ok_or_else(|| {
                        crate::Error::new(
                            crate::ErrorKind::IndexError,
                            format!("index {i} is out of bounds for axis {axis} with size {len}"),
                        )
                    })
            })
            .collect::<Result<_>>()?;
        let outer: usize = shape[..axis].iter().product();
        let inner: usize = shape[axis + 1..].iter().product();
        let mut out_shape = shape[..axis].to_vec();
        out_shape.extend_from_slice(idx_shape);
        out_shape.extend_from_slice(&shape[axis + 1..]);
        crate::common::alloc::check_take_ndim(out_shape.len())?;
        let n = crate::common::alloc::check_shape(&out_shape, crate::common::alloc::Dtype::I64)?;
        let mut data =
            crate::common::alloc::reserve(&out_shape, crate::common::alloc::Dtype::I64, n)?;
        for o in 0..outer {
            for &i in &idx {
                let base = (o * len + i) * inner;
                data.extend_from_slice(&self.data[base..base + inner]);
            }
        }
        Ok(NdArray {
            shape: out_shape,
            data,
        })
    }
}

impl<T> core::ops::Deref for NdArray<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.data
    }
}

/// The elements in C order, mutably (the shape stays).
///
/// ```
/// let mut a = nprand::array::NdArray::from_vec(vec![1, 2]);
/// a[0] = 5;
/// assert_eq!(a.data, [5, 2]);
/// ```
impl<T> core::ops::DerefMut for NdArray<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.data
    }
}

/// `for x in &a`: the elements in C order.
///
/// ```
/// let a = nprand::array::NdArray::from_vec(vec![1, 2]);
/// let mut n = 0;
/// for x in &a { n += x; }
/// assert_eq!(n, 3);
/// ```
impl<'a, T> IntoIterator for &'a NdArray<T> {
    type Item = &'a T;
    type IntoIter = core::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.data.iter()
    }
}

/// `for x in a`: the elements in C order, by value.
///
/// ```
/// let a = nprand::array::NdArray::from_vec(vec![1, 2]);
/// assert_eq!(a.into_iter().collect::<Vec<_>>(), [1, 2]);
/// ```
impl<T> IntoIterator for NdArray<T> {
    type Item = T;
    type IntoIter = alloc::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.data.into_iter()
    }
}

#[cfg(feature = "ndarray")]
impl<T> NdArray<T> {
    /// The array as an `ndarray::ArrayD` of the same shape (feature `ndarray`; no copy).
    ///
    /// ```
    /// let a = nprand::array::NdArray::new(vec![2, 1], vec![1.0, 2.0]).unwrap();
    /// assert_eq!(a.into_ndarray().shape(), &[2, 1]);
    /// ```
    pub fn into_ndarray(self) -> ndarray::ArrayD<T> {
        ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(&self.shape), self.data)
            .expect("an NdArray's data fills its shape")
    }
}

/// `ArrayD::from(a)`: [`NdArray::into_ndarray`] (feature `ndarray`).
///
/// ```
/// let a = nprand::array::NdArray::scalar(1.5);
/// let b: ndarray::ArrayD<f64> = a.into();
/// assert_eq!(b.ndim(), 0);
/// ```
#[cfg(feature = "ndarray")]
impl<T> From<NdArray<T>> for ndarray::ArrayD<T> {
    fn from(a: NdArray<T>) -> Self {
        a.into_ndarray()
    }
}

/// A shape as Python prints a tuple: `()`, `(3,)`, `(2, 3)`.
///
/// ```
/// assert_eq!(nprand::array::shape_repr(&[3]), "(3,)");
/// assert_eq!(nprand::array::shape_repr(&[2, 3]), "(2, 3)");
/// assert_eq!(nprand::array::shape_repr(&[]), "()");
/// ```
#[must_use]
pub fn shape_repr(shape: &[usize]) -> String {
    dims_repr(shape)
}

/// [`shape_repr`] of dimensions of any integer type (a 64-bit NumPy shape on a target
/// whose `usize` is 32 bits).
pub(crate) fn dims_repr<T: core::fmt::Display>(shape: &[T]) -> String {
    match shape {
        [] => "()".into(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// The broadcast shape of `shapes`, as NumPy's multi-iterator computes it, with its
/// error: `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is
/// between arg i with shape … and arg j with shape …` (arg i is the one that set the
/// conflicting dimension).
///
/// ```
/// use nprand::array::broadcast_shapes;
/// assert_eq!(broadcast_shapes(&[&[2, 1], &[3]]).unwrap(), vec![2, 3]);
/// assert!(broadcast_shapes(&[&[2], &[3]]).is_err());
/// ```
pub fn broadcast_shapes(shapes: &[&[usize]]) -> Result<Vec<usize>> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut dims = vec![1usize; nd];
    let mut setter = vec![0usize; nd];
    for i in 0..nd {
        for (j, s) in shapes.iter().enumerate() {
            let Some(k) = (i + s.len()).checked_sub(nd) else {
                continue;
            };
            let d = s[k];
            if d == 1 {
                continue;
            }
            if dims[i] == 1 {
                dims[i] = d;
                setter[i] = j;
            } else if dims[i] != d {
                return Err(Error::value(format!(
                    "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg {} with shape {} and arg {} with shape {}.",
                    setter[i],
                    shape_repr(shapes[setter[i]]),
                    j,
                    shape_repr(s)
                )));
            }
        }
    }
    Ok(dims)
}

/// For each flat index of an array of shape `out`, the flat index of the element of an
/// array of shape `input` that broadcasting maps there (`input` must broadcast to `out`).
///
/// # Panics
/// If `input` does not broadcast to `out`, or the `out`-sized index vector cannot be
/// allocated (the drivers walk the indices instead of collecting them).
///
/// ```
/// let idx = nprand::array::broadcast_indices(&[2, 3], &[2, 1]);
/// assert_eq!(idx, vec![0, 0, 0, 1, 1, 1]);
/// ```
#[must_use]
pub fn broadcast_indices(out: &[usize], input: &[usize]) -> Vec<usize> {
    let n = out.iter().try_fold(1usize, |a, &d| a.checked_mul(d));
    let n = n.expect("broadcast_indices: the size of `out` overflows usize");
    let mut walk = BroadcastWalk::new(out, input);
    (0..n).map(|_| walk.next_index()).collect()
}

/// The flat indices of [`broadcast_indices`] one at a time, in C order of `out`, so a
/// caller need not hold an index array as large as the result.
pub(crate) struct BroadcastWalk {
    /// Stride of each output dimension in the input (0 where broadcast).
    strides: Vec<usize>,
    dims: Vec<usize>,
    counter: Vec<usize>,
    cur: usize,
}

impl BroadcastWalk {
    pub(crate) fn new(out: &[usize], input: &[usize]) -> Self {
        let off = out.len() - input.len();
        let mut strides = vec![0usize; out.len()];
        let mut acc = 1usize;
        for k in (0..input.len()).rev() {
            strides[off + k] = if input[k] == 1 { 0 } else { acc };
            acc *= input[k];
        }
        BroadcastWalk {
            strides,
            dims: out.to_vec(),
            counter: vec![0; out.len()],
            cur: 0,
        }
    }

    /// The input index of the current output element, then a step to the next one.
    pub(crate) fn next_index(&mut self) -> usize {
        let idx = self.cur;
        // Increment the multi-index in C order.
        for d in (0..self.dims.len()).rev() {
            self.counter[d] += 1;
            self.cur += self.strides[d];
            if self.counter[d] < self.dims[d] {
                break;
            }
            self.cur -= self.strides[d] * self.counter[d];
            self.counter[d] = 0;
        }
        idx
    }
}

/// The broadcast shape of the two operands of a binary ufunc (`np.subtract`,
/// `np.greater` …), with the ufunc's error, which prints shapes without spaces:
/// `operands could not be broadcast together with shapes (2,) (1,3) `.
///
/// ```
/// use nprand::array::ufunc_broadcast;
/// assert_eq!(ufunc_broadcast(&[2, 1], &[3]).unwrap(), vec![2, 3]);
/// assert_eq!(ufunc_broadcast(&[2], &[1, 3]).unwrap_err().message(),
///            "operands could not be broadcast together with shapes (2,) (1,3) ");
/// ```
pub fn ufunc_broadcast(a: &[usize], b: &[usize]) -> Result<Vec<usize>> {
    fn repr(shape: &[usize]) -> String {
        let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
        if shape.len() == 1 {
            format!("({},)", parts[0])
        } else {
            format!("({})", parts.join(","))
        }
    }
    broadcast_shapes(&[a, b]).map_err(|_| {
        Error::value(format!(
            "operands could not be broadcast together with shapes {} {} ",
            repr(a),
            repr(b)
        ))
    })
}
