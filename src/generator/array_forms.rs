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

array_methods! {
    impl[B: BitGenerator] Generator<B>, find crate::generator::broadcast::find,
        rust "nprand::default_rng(0)", numpy "np.random.default_rng(0)";
    random, random_array, random_nd => random_into -> f64;
    standard_normal, standard_normal_array, standard_normal_nd => standard_normal_into -> f64;
    standard_exponential, standard_exponential_array, standard_exponential_nd
        => standard_exponential_into -> f64;
    standard_cauchy, standard_cauchy_array, standard_cauchy_nd => standard_cauchy_into -> f64;
    beta, beta_array, beta_nd (a = 0.5, b = 0.5) -> f64;
    exponential, exponential_array, exponential_nd (scale = 2.0) -> f64;
    uniform, uniform_array, uniform_nd (low = 0.0, high = 2.0) -> f64;
    normal, normal_array, normal_nd (loc = 0.0, scale = 2.0) -> f64;
    standard_gamma, standard_gamma_array, standard_gamma_nd (shape = 2.5) -> f64;
    gamma, gamma_array, gamma_nd (shape = 2.5, scale = 2.0) -> f64;
    f, f_array, f_nd (dfnum = 3.0, dfden = 4.0) -> f64;
    noncentral_f, noncentral_f_array, noncentral_f_nd
        (dfnum = 3.0, dfden = 4.0, nonc = 1.0) -> f64;
    chisquare, chisquare_array, chisquare_nd (df = 3.0) -> f64;
    noncentral_chisquare, noncentral_chisquare_array, noncentral_chisquare_nd
        (df = 3.0, nonc = 1.0) -> f64;
    standard_t, standard_t_array, standard_t_nd (df = 3.0) -> f64;
    vonmises, vonmises_array, vonmises_nd (mu = 0.0, kappa = 1.0) -> f64;
    pareto, pareto_array, pareto_nd (a = 3.0) -> f64;
    weibull, weibull_array, weibull_nd (a = 3.0) -> f64;
    power, power_array, power_nd (a = 3.0) -> f64;
    laplace, laplace_array, laplace_nd (loc = 0.0, scale = 1.0) -> f64;
    gumbel, gumbel_array, gumbel_nd (loc = 0.0, scale = 1.0) -> f64;
    logistic, logistic_array, logistic_nd (loc = 0.0, scale = 1.0) -> f64;
    lognormal, lognormal_array, lognormal_nd (mean = 0.0, sigma = 1.0) -> f64;
    rayleigh, rayleigh_array, rayleigh_nd (scale = 1.0) -> f64;
    wald, wald_array, wald_nd (mean = 1.0, scale = 1.0) -> f64;
    triangular, triangular_array, triangular_nd (left = 0.0, mode = 0.5, right = 1.0) -> f64;
    binomial, binomial_array, binomial_nd (n = 10, p = 0.5) -> i64;
    negative_binomial, negative_binomial_array, negative_binomial_nd (n = 10.0, p = 0.5) -> i64;
    poisson, poisson_array, poisson_nd (lam = 30.0) -> i64;
    zipf, zipf_array, zipf_nd (a = 2.0) -> i64;
    geometric, geometric_array, geometric_nd (p = 0.2) -> i64;
    hypergeometric, hypergeometric_array, hypergeometric_nd
        (ngood = 10, nbad = 5, nsample = 3) -> i64;
    logseries, logseries_array, logseries_nd (p = 0.5) -> i64;
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

/// The methods above, for the test that every row of the broadcast table has its form.
#[cfg(test)]
const ARRAY_FORMS: &[&str] = &[
    "standard_cauchy",
    "beta",
    "exponential",
    "uniform",
    "normal",
    "standard_gamma",
    "gamma",
    "f",
    "noncentral_f",
    "chisquare",
    "noncentral_chisquare",
    "standard_t",
    "vonmises",
    "pareto",
    "weibull",
    "power",
    "laplace",
    "gumbel",
    "logistic",
    "lognormal",
    "rayleigh",
    "wald",
    "triangular",
    "binomial",
    "negative_binomial",
    "poisson",
    "zipf",
    "geometric",
    "hypergeometric",
    "logseries",
    "standard_gamma_f32",
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_table_row_has_an_array_form() {
        let mut table: Vec<&str> = super::super::broadcast::specs().map(|s| s.name).collect();
        let mut forms = super::ARRAY_FORMS.to_vec();
        table.sort_unstable();
        forms.sort_unstable();
        assert_eq!(table, forms);
    }
}
