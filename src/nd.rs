//! Shaped outputs with `ndarray` (feature `ndarray`): every RandomState method returns an
//! `ArrayD` of NumPy's shape, and array parameters broadcast as in NumPy.
//!
//! # Quick start
//! ```
//! use ndarray::{array, IxDyn};
//! use nprand::RandomState;
//! let mut rs = RandomState::new(12345);
//! // x = rs.rand(10, 10)
//! let x = rs.rand_array(&[10, 10]);
//! assert_eq!(x.shape(), &[10, 10]);
//! // w = rs.normal([0.0, 1.0, 2.0], 1.0)         (broadcast, shape (3,))
//! let w = rs.normal_array(array![0.0, 1.0, 2.0].into_dyn(), 1.0, None).unwrap();
//! assert_eq!(w.shape(), &[3]);
//! // k = rs.binomial(10, [[0.1], [0.9]], size=(2, 3))
//! let k = rs.binomial_array(10i64, array![[0.1], [0.9]].into_dyn(), Some(&[2, 3])).unwrap();
//! assert_eq!(k.dim(), IxDyn(&[2, 3]));
//! ```
//!
//! Each `<method>_array` takes NumPy's parameters in NumPy's order (no defaults: pass
//! them all), each a scalar or an `ArrayD`, and `size: Option<&[usize]>`; the result is
//! bit-identical to NumPy's array (float64 as `f64`, int64 as `i64`).

use crate::array::NdArray;
use crate::error::{Error, Result};
use crate::legacy::broadcast::{find, Num, Output};
use crate::legacy::RandomState;
use ndarray::{ArrayD, IxDyn};

/// A parameter: a scalar or an n-d array (broadcast against the others).
#[derive(Debug, Clone)]
pub enum Param {
    /// A float64 scalar.
    F(f64),
    /// An int64 scalar (binomial's `n`, hypergeometric's counts).
    I(i64),
    /// A float64 array.
    FArray(ArrayD<f64>),
    /// An int64 array.
    IArray(ArrayD<i64>),
}

impl From<f64> for Param {
    fn from(v: f64) -> Self {
        Param::F(v)
    }
}
impl From<i64> for Param {
    fn from(v: i64) -> Self {
        Param::I(v)
    }
}
impl From<ArrayD<f64>> for Param {
    fn from(v: ArrayD<f64>) -> Self {
        Param::FArray(v)
    }
}
impl From<ArrayD<i64>> for Param {
    fn from(v: ArrayD<i64>) -> Self {
        Param::IArray(v)
    }
}
impl From<Vec<f64>> for Param {
    fn from(v: Vec<f64>) -> Self {
        Param::FArray(ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).expect("1-d"))
    }
}

impl Param {
    fn to_nd(&self) -> NdArray<Num> {
        fn conv<T: Copy>(a: &ArrayD<T>, f: impl Fn(T) -> Num) -> NdArray<Num> {
            NdArray {
                shape: a.shape().to_vec(),
                data: a.iter().map(|&x| f(x)).collect(),
            }
        }
        match self {
            Param::F(v) => NdArray::scalar(Num::F(*v)),
            Param::I(v) => NdArray::scalar(Num::I(*v)),
            Param::FArray(a) => conv(a, Num::F),
            Param::IArray(a) => conv(a, Num::I),
        }
    }
}

fn to_array<T>(a: NdArray<T>) -> ArrayD<T> {
    ArrayD::from_shape_vec(IxDyn(&a.shape), a.data).expect("shape matches data")
}

impl RandomState {
    /// Any broadcastable method by NumPy's name, with NumPy's result type.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// // rs.exponential(2.0, size=(2, 2))
    /// let out = rs.method_array("exponential", &[2.0.into()], Some(&[2, 2])).unwrap();
    /// assert!(matches!(out, nprand::nd::ArrayOut::F64(ref a) if a.shape() == [2, 2]));
    /// ```
    pub fn method_array(
        &mut self,
        name: &str,
        params: &[Param],
        size: Option<&[usize]>,
    ) -> Result<ArrayOut> {
        let spec = find(name).ok_or_else(|| {
            Error::new(
                crate::ErrorKind::AttributeError,
                format!("'RandomState' object has no attribute '{name}'"),
            )
        })?;
        let nd: Vec<NdArray<Num>> = params.iter().map(Param::to_nd).collect();
        Ok(match self.broadcast(spec, &nd, size)? {
            Output::F64(a) => ArrayOut::F64(to_array(a)),
            Output::I64(a) => ArrayOut::I64(to_array(a)),
            Output::F32(_) => unreachable!("RandomState has no float32 kernel"),
        })
    }

    /// `rs.rand(d0, d1, ...)` as an array of that shape.
    ///
    /// ```
    /// let x = nprand::RandomState::new(12345).rand_array(&[10, 10]).unwrap();
    /// assert_eq!(x.len(), 100);
    /// ```
    pub fn rand_array(&mut self, shape: &[usize]) -> Result<ArrayD<f64>> {
        let v = self.rand(shape)?;
        Ok(ArrayD::from_shape_vec(IxDyn(shape), v).expect("rand returns prod(shape) values"))
    }

    /// `rs.randn(d0, d1, ...)` as an array of that shape.
    ///
    /// ```
    /// let z = nprand::RandomState::new(12345).randn_array(&[2, 3]).unwrap();
    /// assert_eq!(z.shape(), &[2, 3]);
    /// ```
    pub fn randn_array(&mut self, shape: &[usize]) -> Result<ArrayD<f64>> {
        let v = self.randn(shape)?;
        Ok(ArrayD::from_shape_vec(IxDyn(shape), v).expect("randn returns prod(shape) values"))
    }

    /// `rs.randint(low, high, size=shape)` (int64) as an array.
    ///
    /// ```
    /// let k = nprand::RandomState::new(1).randint_array(0, 10, &[2, 2]).unwrap();
    /// assert!(k.iter().all(|v| (0..10).contains(v)));
    /// ```
    pub fn randint_array(&mut self, low: i128, high: i128, shape: &[usize]) -> Result<ArrayD<i64>> {
        let mut out = crate::common::alloc::filled(shape, crate::common::alloc::Dtype::I64, 0)?;
        self.randint_into(&mut out, low, high)?;
        Ok(ArrayD::from_shape_vec(IxDyn(shape), out).expect("shape matches data"))
    }
}

/// The result of [`RandomState::method_array`].
#[derive(Debug, Clone, PartialEq)]
pub enum ArrayOut {
    /// float64 values.
    F64(ArrayD<f64>),
    /// int64 values.
    I64(ArrayD<i64>),
}

macro_rules! shaped {
    ($( $(#[$doc:meta])* $fname:ident = $name:literal ( $($p:ident),* ) -> $variant:ident $t:ty; )*) => {
        impl RandomState {
            $(
                $(#[$doc])*
                pub fn $fname(&mut self, $($p: impl Into<Param>,)* size: Option<&[usize]>) -> Result<ArrayD<$t>> {
                    match self.method_array($name, &[$($p.into()),*], size)? {
                        ArrayOut::$variant(a) => Ok(a),
                        _ => unreachable!(concat!($name, " has a fixed output type")),
                    }
                }
            )*
        }
    };
}

shaped! {
    /// `rs.random_sample(size)`.
    ///
    /// ```
    /// let x = nprand::RandomState::new(0).random_sample_array(Some(&[2, 2])).unwrap();
    /// assert_eq!(x.shape(), &[2, 2]);
    /// ```
    random_sample_array = "random_sample"() -> F64 f64;
    /// `rs.standard_normal(size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).standard_normal_array(Some(&[3])).unwrap().len(), 3);
    /// ```
    standard_normal_array = "standard_normal"() -> F64 f64;
    /// `rs.normal(loc, scale, size)`.
    ///
    /// ```
    /// assert!(nprand::RandomState::new(0).normal_array(0.0, -1.0, None).is_err());
    /// ```
    normal_array = "normal"(loc, scale) -> F64 f64;
    /// `rs.uniform(low, high, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).uniform_array(0.0, 1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    uniform_array = "uniform"(low, high) -> F64 f64;
    /// `rs.standard_exponential(size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).standard_exponential_array(Some(&[4])).unwrap().len(), 4);
    /// ```
    standard_exponential_array = "standard_exponential"() -> F64 f64;
    /// `rs.exponential(scale, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).exponential_array(2.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    exponential_array = "exponential"(scale) -> F64 f64;
    /// `rs.standard_gamma(shape, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).standard_gamma_array(2.5, Some(&[4])).unwrap().len(), 4);
    /// ```
    standard_gamma_array = "standard_gamma"(shape) -> F64 f64;
    /// `rs.gamma(shape, scale, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).gamma_array(2.5, 2.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    gamma_array = "gamma"(shape, scale) -> F64 f64;
    /// `rs.beta(a, b, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).beta_array(0.5, 0.5, Some(&[4])).unwrap().len(), 4);
    /// ```
    beta_array = "beta"(a, b) -> F64 f64;
    /// `rs.chisquare(df, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).chisquare_array(3.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    chisquare_array = "chisquare"(df) -> F64 f64;
    /// `rs.f(dfnum, dfden, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).f_array(3.0, 4.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    f_array = "f"(dfnum, dfden) -> F64 f64;
    /// `rs.noncentral_chisquare(df, nonc, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).noncentral_chisquare_array(3.0, 1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    noncentral_chisquare_array = "noncentral_chisquare"(df, nonc) -> F64 f64;
    /// `rs.noncentral_f(dfnum, dfden, nonc, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).noncentral_f_array(3.0, 4.0, 1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    noncentral_f_array = "noncentral_f"(dfnum, dfden, nonc) -> F64 f64;
    /// `rs.standard_t(df, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).standard_t_array(3.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    standard_t_array = "standard_t"(df) -> F64 f64;
    /// `rs.standard_cauchy(size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).standard_cauchy_array(Some(&[4])).unwrap().len(), 4);
    /// ```
    standard_cauchy_array = "standard_cauchy"() -> F64 f64;
    /// `rs.pareto(a, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).pareto_array(3.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    pareto_array = "pareto"(a) -> F64 f64;
    /// `rs.weibull(a, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).weibull_array(3.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    weibull_array = "weibull"(a) -> F64 f64;
    /// `rs.power(a, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).power_array(3.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    power_array = "power"(a) -> F64 f64;
    /// `rs.lognormal(mean, sigma, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).lognormal_array(0.0, 1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    lognormal_array = "lognormal"(mean, sigma) -> F64 f64;
    /// `rs.rayleigh(scale, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).rayleigh_array(1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    rayleigh_array = "rayleigh"(scale) -> F64 f64;
    /// `rs.wald(mean, scale, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).wald_array(1.0, 1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    wald_array = "wald"(mean, scale) -> F64 f64;
    /// `rs.vonmises(mu, kappa, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).vonmises_array(0.0, 1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    vonmises_array = "vonmises"(mu, kappa) -> F64 f64;
    /// `rs.laplace(loc, scale, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).laplace_array(0.0, 1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    laplace_array = "laplace"(loc, scale) -> F64 f64;
    /// `rs.gumbel(loc, scale, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).gumbel_array(0.0, 1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    gumbel_array = "gumbel"(loc, scale) -> F64 f64;
    /// `rs.logistic(loc, scale, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).logistic_array(0.0, 1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    logistic_array = "logistic"(loc, scale) -> F64 f64;
    /// `rs.triangular(left, mode, right, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).triangular_array(0.0, 0.5, 1.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    triangular_array = "triangular"(left, mode, right) -> F64 f64;
    /// `rs.binomial(n, p, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).binomial_array(10i64, 0.5, Some(&[4])).unwrap().len(), 4);
    /// ```
    binomial_array = "binomial"(n, p) -> I64 i64;
    /// `rs.negative_binomial(n, p, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).negative_binomial_array(10.0, 0.5, Some(&[4])).unwrap().len(), 4);
    /// ```
    negative_binomial_array = "negative_binomial"(n, p) -> I64 i64;
    /// `rs.poisson(lam, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).poisson_array(30.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    poisson_array = "poisson"(lam) -> I64 i64;
    /// `rs.geometric(p, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).geometric_array(0.2, Some(&[4])).unwrap().len(), 4);
    /// ```
    geometric_array = "geometric"(p) -> I64 i64;
    /// `rs.hypergeometric(ngood, nbad, nsample, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).hypergeometric_array(10i64, 5i64, 3i64, Some(&[4])).unwrap().len(), 4);
    /// ```
    hypergeometric_array = "hypergeometric"(ngood, nbad, nsample) -> I64 i64;
    /// `rs.logseries(p, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).logseries_array(0.5, Some(&[4])).unwrap().len(), 4);
    /// ```
    logseries_array = "logseries"(p) -> I64 i64;
    /// `rs.zipf(a, size)`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(0).zipf_array(2.0, Some(&[4])).unwrap().len(), 4);
    /// ```
    zipf_array = "zipf"(a) -> I64 i64;
}
