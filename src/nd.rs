//! Shaped outputs with `ndarray` (feature `ndarray`): every distribution method of
//! [`RandomState`] and [`Generator`](crate::Generator) has a `<name>_nd` form returning an
//! `ArrayD` of NumPy's shape, beside its `<name>_array` form returning an
//! [`NdArray`](crate::array::NdArray) (which converts with `into_ndarray()` or `.into()`).
//! Array parameters are anything [`IntoParam`](crate::IntoParam) takes, including
//! `ndarray` arrays and views of any dimension.
//!
//! # Quick start
//! ```
//! use ndarray::{array, IxDyn};
//! use nprand::RandomState;
//! let mut rs = RandomState::new(12345);
//! // x = rs.rand(10, 10)
//! let x = rs.rand_nd(&[10, 10]).unwrap();
//! assert_eq!(x.shape(), &[10, 10]);
//! // w = rs.normal([0.0, 1.0, 2.0], 1.0)         (broadcast, shape (3,))
//! let w = rs.normal_nd(array![0.0, 1.0, 2.0].view(), 1.0, None).unwrap();
//! assert_eq!(w.shape(), &[3]);
//! // k = rs.binomial(10, [[0.1], [0.9]], size=(2, 3))
//! let k = rs.binomial_nd(10, &array![[0.1], [0.9]], Some(&[2, 3])).unwrap();
//! assert_eq!(k.dim(), IxDyn(&[2, 3]));
//! // the same on a Generator: rng.exponential([1., 2.], size=(4, 2))
//! let e = nprand::default_rng(0).exponential_nd([1., 2.], Some(&[4, 2])).unwrap();
//! assert_eq!(e.shape(), &[4, 2]);
//! ```
//!
//! Each `<method>_nd` takes NumPy's parameters in NumPy's order (no defaults: pass
//! them all) and `size: Option<&[usize]>`; the result is bit-identical to NumPy's array
//! (float64 as `f64`, int64 as `i64`).
//!
//! Before nprand 0.2 these `ArrayD` forms of `RandomState` were called `<name>_array`;
//! `_array` now means the [`NdArray`](crate::array::NdArray) form on both layers.

use crate::error::Result;
use crate::legacy::RandomState;
use ndarray::ArrayD;

impl RandomState {
    /// `rs.rand(d0, d1, ...)` as an array of that shape.
    ///
    /// ```
    /// // np.random.RandomState(12345).rand(10, 10)
    /// let x = nprand::RandomState::new(12345).rand_nd(&[10, 10]).unwrap();
    /// assert_eq!(x.len(), 100);
    /// ```
    pub fn rand_nd(&mut self, shape: &[usize]) -> Result<ArrayD<f64>> {
        self.rand_array(shape).map(Into::into)
    }

    /// `rs.randn(d0, d1, ...)` as an array of that shape.
    ///
    /// ```
    /// // np.random.RandomState(12345).randn(2, 3)
    /// let z = nprand::RandomState::new(12345).randn_nd(&[2, 3]).unwrap();
    /// assert_eq!(z.shape(), &[2, 3]);
    /// ```
    pub fn randn_nd(&mut self, shape: &[usize]) -> Result<ArrayD<f64>> {
        self.randn_array(shape).map(Into::into)
    }

    /// `rs.randint(low, high, size=shape)` (int64) as an array.
    ///
    /// ```
    /// // np.random.RandomState(1).randint(0, 10, size=(2, 2))
    /// let k = nprand::RandomState::new(1).randint_nd(0, 10, Some(&[2, 2])).unwrap();
    /// assert!(k.iter().all(|v| (0..10).contains(v)));
    /// ```
    pub fn randint_nd(
        &mut self,
        low: impl crate::common::IntoBounds,
        high: impl crate::common::IntoBounds,
        size: Option<&[usize]>,
    ) -> Result<ArrayD<i64>> {
        self.randint_array(low, high, size).map(Into::into)
    }
}
