//! The typed broadcasting forms of `Generator`'s distributions: `rng.normal_array(loc,
//! scale, size)` is `rng.normal(loc, scale, size)` with array parameters, returning an
//! [`NdArray`](crate::array::NdArray) (and `normal_nd` an `ndarray::ArrayD`, feature
//! `ndarray`), exactly as on [`RandomState`](crate::RandomState). One row per method, in
//! the order of NumPy's `_generator.pyx`; the crate-private `array_methods!` macro writes
//! the methods.
//!
//! ```
//! let mut rng = nprand::default_rng(0);
//! // rng.normal([0, 10], [[1], [2], [3]])  -> shape (3, 2)
//! let x = rng.normal_array([0., 10.], [[1.], [2.], [3.]], None).unwrap();
//! assert_eq!(x.shape, [3, 2]);
//! // rng.poisson([1, 10, 100])
//! let k = rng.poisson_array([1, 10, 100], None).unwrap();
//! assert_eq!(k.len(), 3);
//! ```

use super::Generator;
use crate::bitgen::BitGenerator;

shared_array_methods! {
    impl[B: BitGenerator] Generator<B>, find crate::generator::broadcast::find,
        specs crate::generator::broadcast::specs, except ["standard_gamma_f32"],
        rust "nprand::default_rng(0)", numpy "np.random.default_rng(0)";
    random, random_array, random_nd => random_into -> f64;
}

impl<B: BitGenerator> Generator<B> {
    /// `rng.standard_gamma(shape, size, dtype=np.float32)` with array parameters: the
    /// float32 row of the broadcast table (`shape` is rounded to float32 first).
    ///
    /// ```
    /// // np.random.default_rng(0).standard_gamma([1., 2.], dtype=np.float32)
    /// let a = nprand::default_rng(0).standard_gamma_f32_array([1., 2.], None).unwrap();
    /// assert_eq!(a.shape, [2]);
    /// ```
    pub fn standard_gamma_f32_array(
        &mut self,
        shape: impl crate::common::IntoParam,
        size: Option<&[usize]>,
    ) -> crate::error::Result<crate::array::NdArray<f32>> {
        let spec = super::broadcast::find("standard_gamma_f32")
            .expect("standard_gamma_f32 has a row in the broadcast table");
        let out = self.broadcast(spec, &[crate::common::IntoParam::into_param(shape)], size)?;
        Ok(<f32 as crate::common::FromOutput>::from_output(out))
    }
}
