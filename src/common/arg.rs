//! Array-valued parameters: one conversion for every form a NumPy argument takes in Rust.
//!
//! NumPy runs every distribution parameter through `np.asarray` (`PyArray_FROM_OTF` in
//! `_common.pyx`): a scalar becomes a 0-d array, a list a 1-d one, a nested list an n-d
//! one, and the driver broadcasts them. [`IntoParam`] is that step: scalars, slices,
//! `Vec`s, fixed arrays (nested one level, as `[[1.], [2.], [3.]]`), [`NdArray`]s and,
//! with feature `ndarray`, any `ndarray` array or view become the [`NdArray<Num>`] the
//! drivers ([`crate::common::draw`], `RandomState::broadcast`, `Generator::broadcast`)
//! take. Integer elements stay integers ([`Num::I`]), as `np.asarray([1, 10])` is an
//! int64 array; the front-end converts them as NumPy does.
//!
//! ```
//! use nprand::IntoParam;
//! // np.asarray([[1.0], [2.0], [3.0]]).shape == (3, 1)
//! assert_eq!([[1.0], [2.0], [3.0]].into_param().shape, [3, 1]);
//! // np.asarray(2.5).shape == ()
//! assert!(2.5f64.into_param().shape.is_empty());
//! ```

use crate::array::NdArray;
use crate::prelude::*;

use super::Num;

/// An element of an array parameter: `f64`, `i64`, `i32` (what an unsuffixed integer
/// literal becomes) or an already converted [`Num`].
///
/// ```
/// use nprand::common::{Num, ParamElem};
/// assert_eq!(3i32.to_num(), Num::I(3));
/// assert_eq!(0.5.to_num(), Num::F(0.5));
/// ```
pub trait ParamElem: Copy {
    /// The value as the drivers see it.
    fn to_num(self) -> Num;
}

impl ParamElem for f64 {
    #[inline]
    fn to_num(self) -> Num {
        Num::F(self)
    }
}
impl ParamElem for i64 {
    #[inline]
    fn to_num(self) -> Num {
        Num::I(self)
    }
}
impl ParamElem for i32 {
    #[inline]
    fn to_num(self) -> Num {
        Num::I(self as i64)
    }
}
impl ParamElem for Num {
    #[inline]
    fn to_num(self) -> Num {
        self
    }
}

/// A distribution parameter, as `np.asarray` would see it: a scalar, a sequence or an
/// n-d array (NumPy's `PyArray_FROM_OTF` step of `cont`/`disc`).
///
/// Implemented for `f64`, `i64`, `i32`, [`Num`]; `&[E]`, `Vec<E>`, `&Vec<E>`, `[E; N]`,
/// `&[E; N]`, `[[E; M]; N]`, `&[[E; M]; N]`, rows `&[[E; M]]` and `Vec<[E; M]>`, and
/// `NdArray<E>` / `&NdArray<E>` for any [`ParamElem`] `E`; with feature `ndarray`, every `ndarray::ArrayBase` of such elements
/// (owned arrays, views, `&Array`), of any dimension.
///
/// ```
/// use nprand::IntoParam;
/// let v = vec![1.0, 2.0];
/// // np.asarray(v), np.asarray([1, 10, 100]) (int64)
/// assert_eq!(v.as_slice().into_param().shape, [2]);
/// assert_eq!([1i64, 10, 100].into_param().data[2], nprand::common::Num::I(100));
/// ```
pub trait IntoParam {
    /// The parameter as a shaped array of [`Num`] (C order).
    fn into_param(self) -> NdArray<Num>;
}

macro_rules! into_param_elem {
    ($($t:ty),*) => {$(
        impl IntoParam for $t {
            #[inline]
            fn into_param(self) -> NdArray<Num> {
                NdArray::scalar(self.to_num())
            }
        }
    )*};
}
into_param_elem!(f64, i64, i32, Num);

fn from_iter<E: ParamElem>(shape: Vec<usize>, it: impl Iterator<Item = E>) -> NdArray<Num> {
    NdArray {
        shape,
        data: it.map(ParamElem::to_num).collect(),
    }
}

impl<E: ParamElem> IntoParam for &[E] {
    fn into_param(self) -> NdArray<Num> {
        from_iter(vec![self.len()], self.iter().copied())
    }
}
impl<E: ParamElem> IntoParam for Vec<E> {
    fn into_param(self) -> NdArray<Num> {
        self.as_slice().into_param()
    }
}
impl<E: ParamElem> IntoParam for &Vec<E> {
    fn into_param(self) -> NdArray<Num> {
        self.as_slice().into_param()
    }
}
impl<E: ParamElem, const N: usize> IntoParam for [E; N] {
    fn into_param(self) -> NdArray<Num> {
        self.as_slice().into_param()
    }
}
impl<E: ParamElem, const N: usize> IntoParam for &[E; N] {
    fn into_param(self) -> NdArray<Num> {
        self.as_slice().into_param()
    }
}
impl<E: ParamElem, const M: usize, const N: usize> IntoParam for [[E; M]; N] {
    fn into_param(self) -> NdArray<Num> {
        (&self).into_param()
    }
}
impl<E: ParamElem, const M: usize, const N: usize> IntoParam for &[[E; M]; N] {
    fn into_param(self) -> NdArray<Num> {
        from_iter(vec![N, M], self.iter().flatten().copied())
    }
}
/// Rows of a fixed width (`&rows[..]`, a `Vec` of rows): a 2-d `(len, M)` array.
impl<E: ParamElem, const M: usize> IntoParam for &[[E; M]] {
    fn into_param(self) -> NdArray<Num> {
        from_iter(vec![self.len(), M], self.iter().flatten().copied())
    }
}
impl<E: ParamElem, const M: usize> IntoParam for Vec<[E; M]> {
    fn into_param(self) -> NdArray<Num> {
        self.as_slice().into_param()
    }
}
impl<E: ParamElem, const M: usize> IntoParam for &Vec<[E; M]> {
    fn into_param(self) -> NdArray<Num> {
        self.as_slice().into_param()
    }
}
impl<E: ParamElem> IntoParam for &NdArray<E> {
    fn into_param(self) -> NdArray<Num> {
        from_iter(self.shape.clone(), self.data.iter().copied())
    }
}
impl<E: ParamElem> IntoParam for NdArray<E> {
    fn into_param(self) -> NdArray<Num> {
        from_iter(self.shape, self.data.into_iter())
    }
}

/// Any `ndarray` array, view or shared array, of any dimension (C order, whatever its
/// memory layout, as `np.asarray` reads a view).
#[cfg(feature = "ndarray")]
impl<E, S, D> IntoParam for ndarray::ArrayBase<S, D>
where
    E: ParamElem,
    S: ndarray::Data<Elem = E>,
    D: ndarray::Dimension,
{
    fn into_param(self) -> NdArray<Num> {
        (&self).into_param()
    }
}

/// A borrowed `ndarray` array (`&Array`, `&ArrayView`, ...).
#[cfg(feature = "ndarray")]
impl<E, S, D> IntoParam for &ndarray::ArrayBase<S, D>
where
    E: ParamElem,
    S: ndarray::Data<Elem = E>,
    D: ndarray::Dimension,
{
    fn into_param(self) -> NdArray<Num> {
        from_iter(self.shape().to_vec(), self.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_kinds() {
        assert_eq!(vec![1i64, 2].into_param().data, [Num::I(1), Num::I(2)]);
        assert_eq!((&[0.5, 1.5]).into_param().shape, [2]);
        let nested = [[1, 2, 3], [4, 5, 6]].into_param();
        assert_eq!(nested.shape, [2, 3]);
        assert_eq!(nested.data[3], Num::I(4));
        let rows: Vec<[f64; 2]> = vec![[0.5, 0.5]; 3];
        assert_eq!(rows.as_slice().into_param().shape, [3, 2]);
        assert_eq!(rows.into_param().data.len(), 6);
        let nd = NdArray::new(vec![1, 2], vec![1.0, 2.0]).unwrap();
        assert_eq!((&nd).into_param().shape, [1, 2]);
        assert_eq!(nd.into_param().data[1], Num::F(2.0));
    }

    #[cfg(feature = "ndarray")]
    #[test]
    fn ndarray_views_read_in_c_order() {
        let a = ndarray::array![[1.0, 2.0], [3.0, 4.0]];
        let t = a.t(); // a transposed view: C order of the view, not of the memory
        let p = t.into_param();
        assert_eq!(p.shape, [2, 2]);
        assert_eq!(p.data, [Num::F(1.0), Num::F(3.0), Num::F(2.0), Num::F(4.0)]);
        assert_eq!((&a).into_param().data[1], Num::F(2.0));
        assert_eq!(a.into_dyn().into_param().shape, [2, 2]);
    }
}
