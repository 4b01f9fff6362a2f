//! The typed broadcasting forms of `RandomState`'s distributions: `rs.normal_array(loc,
//! scale, size)` is `rs.normal(loc, scale, size)` with array parameters, returning an
//! [`NdArray`](crate::array::NdArray) (and `normal_nd` an `ndarray::ArrayD`, feature
//! `ndarray`). The rows both layers share are in the crate-private
//! `shared_array_methods!` macro (`src/macros/methods.rs`), which writes the methods.
//!
//! ```
//! let mut rs = nprand::RandomState::new(0);
//! // rs.normal([0, 10], [[1], [2], [3]])  -> shape (3, 2)
//! let x = rs.normal_array([0., 10.], [[1.], [2.], [3.]], None).unwrap();
//! assert_eq!(x.shape, [3, 2]);
//! // rs.poisson([1, 10, 100])
//! let k = rs.poisson_array([1, 10, 100], None).unwrap();
//! assert_eq!(k.len(), 3);
//! ```

use super::RandomState;

shared_array_methods! {
    impl[] RandomState, find crate::legacy::broadcast::find,
        specs crate::legacy::broadcast::specs, except [],
        rust "nprand::RandomState::new(0)", numpy "np.random.RandomState(0)";
    random_sample, random_sample_array, random_sample_nd => random_sample_into -> f64;
}

impl RandomState {
    /// `rs.rand(d0, d1, ...)` as an array of that shape (0-d for no dimensions).
    ///
    /// ```
    /// // np.random.RandomState(12345).rand(10, 10)
    /// let x = nprand::RandomState::new(12345).rand_array(&[10, 10]).unwrap();
    /// assert_eq!(x.shape, [10, 10]);
    /// ```
    pub fn rand_array(
        &mut self,
        dims: &[usize],
    ) -> crate::error::Result<crate::array::NdArray<f64>> {
        let data = self.rand(dims)?;
        Ok(crate::array::NdArray {
            shape: dims.to_vec(),
            data,
        })
    }

    /// `rs.randn(d0, d1, ...)` as an array of that shape (0-d for no dimensions).
    ///
    /// ```
    /// // np.random.RandomState(12345).randn(2, 3)
    /// let z = nprand::RandomState::new(12345).randn_array(&[2, 3]).unwrap();
    /// assert_eq!(z.shape, [2, 3]);
    /// ```
    pub fn randn_array(
        &mut self,
        dims: &[usize],
    ) -> crate::error::Result<crate::array::NdArray<f64>> {
        let data = self.randn(dims)?;
        Ok(crate::array::NdArray {
            shape: dims.to_vec(),
            data,
        })
    }
}
