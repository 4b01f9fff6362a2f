//! Uniform draws: `random_sample` (and its aliases), `rand`, `uniform`, `bytes`.

use super::broadcast::{Cons, DistSpec, Kernel, Num, ParamSpec};
use super::RandomState;
use crate::array::NdArray;
use crate::common::alloc;
use crate::distr::continuous::fill_uniform;
use crate::error::{Error, ErrorKind, Result};
use crate::prelude::*;

impl RandomState {
    /// `rs.random_sample()`: one double in [0, 1) (53 bits from two words).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(12345);
    /// let x = rs.random_sample(); // np.random.RandomState(12345).random_sample()
    /// assert!((0.0..1.0).contains(&x));
    /// ```
    #[inline]
    pub fn random_sample(&mut self) -> f64 {
        self.bitgen.next_f64()
    }

    /// `rs.random_sample(size=out.len())`, filled in C order.
    ///
    /// With the `parallel` feature, outputs of at least 2^21 doubles are filled on all
    /// rayon threads (`Mt19937::par_fill_f64`): the same doubles and the same final
    /// state, faster because one core cannot produce doubles as fast as the memory takes
    /// them (about 1.5 per ns on this project's machine, against 2-3 per ns of memory
    /// bandwidth). Without the feature, and below that size, one thread fills; a caller
    /// who wants one thread regardless uses `Mt19937::fill_f64` on
    /// [`bit_generator_mut`](Self::bit_generator_mut).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(12345);
    /// let mut x = vec![0.0; 100];
    /// rs.random_sample_into(&mut x); // rs.random_sample(100)
    /// assert_eq!(x[0].to_bits(), nprand::RandomState::new(12345).random_sample().to_bits());
    /// ```
    #[inline]
    pub fn random_sample_into(&mut self, out: &mut [f64]) {
        #[cfg(feature = "parallel")]
        self.bitgen.par_fill_f64(out);
        #[cfg(not(feature = "parallel"))]
        self.bitgen.fill_f64(out);
    }

    /// `rs.random()`: NumPy's alias of [`random_sample`](Self::random_sample).
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(1).random(), nprand::RandomState::new(1).random_sample());
    /// ```
    #[inline]
    pub fn random(&mut self) -> f64 {
        self.random_sample()
    }

    /// `np.random.ranf()`: module-level alias of `random_sample`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(1).ranf(), nprand::RandomState::new(1).random_sample());
    /// ```
    #[inline]
    pub fn ranf(&mut self) -> f64 {
        self.random_sample()
    }

    /// `np.random.sample()`: module-level alias of `random_sample`.
    ///
    /// ```
    /// assert_eq!(nprand::RandomState::new(1).sample(), nprand::RandomState::new(1).random_sample());
    /// ```
    #[inline]
    pub fn sample(&mut self) -> f64 {
        self.random_sample()
    }

    /// `rs.rand(d0, d1, ...)`: `prod(dims)` doubles in C order (one for `&[]`).
    ///
    /// ```
    /// // np.random.seed(12345); x = np.random.rand(10, 10)
    /// let mut rs = nprand::RandomState::new(12345);
    /// let x = rs.rand(&[10, 10]).unwrap();
    /// assert_eq!(x.len(), 100);
    /// // rand(2**40, 2**40): ValueError: array is too big; ...
    /// assert!(rs.rand(&[1 << 40, 1 << 40]).is_err());
    /// ```
    pub fn rand(&mut self, dims: &[usize]) -> Result<Vec<f64>> {
        let mut out = alloc::filled(dims, alloc::Dtype::F64, 0.0)?;
        self.random_sample_into(&mut out);
        Ok(out)
    }

    /// `rs.uniform(low, high)`: `low + (high - low) * U`. `low > high` is allowed; a
    /// non-finite range is NumPy's `OverflowError: Range exceeds valid bounds`.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let x = rs.uniform(-1.0, 1.0).unwrap();
    /// assert!((-1.0..1.0).contains(&x));
    /// ```
    pub fn uniform(&mut self, low: f64, high: f64) -> Result<f64> {
        let range = uniform_range(low, high)?;
        Ok(self.uniform_unchecked(low, range))
    }

    /// `rs.uniform(low, high, size=out.len())`.
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// let mut x = [0.0; 4];
    /// rs.uniform_into(&mut x, 2.0, 3.0).unwrap();
    /// assert!(x.iter().all(|v| (2.0..3.0).contains(v)));
    /// ```
    pub fn uniform_into(&mut self, out: &mut [f64], low: f64, high: f64) -> Result<()> {
        let range = uniform_range(low, high)?;
        fill_uniform(self, out, low, range)
    }

    /// NumPy's `random_uniform(lower, range)`.
    #[inline]
    pub(crate) fn uniform_unchecked(&mut self, low: f64, range: f64) -> f64 {
        low + range * self.next_double()
    }

    /// `rs.bytes(length)`: little-endian bytes of `(length - 1) / 4 + 1` words (C
    /// division, so `bytes(0)` still consumes one word, as in NumPy).
    ///
    /// ```
    /// let mut rs = nprand::RandomState::new(0);
    /// assert_eq!(rs.bytes(6).unwrap().len(), 6);
    /// assert_eq!(rs.bit_generator().pos(), 2);
    /// ```
    pub fn bytes(&mut self, length: usize) -> Result<Vec<u8>> {
        let mut out = alloc::bytes_words(length)?;
        for w in out.chunks_exact_mut(4) {
            w.copy_from_slice(&self.bitgen.next_u32().to_le_bytes());
        }
        out.truncate(length);
        Ok(out)
    }
}

/// `high - low`, which NumPy requires to be finite.
pub(crate) fn uniform_range(low: f64, high: f64) -> Result<f64> {
    let range = high - low;
    if !range.is_finite() {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "Range exceeds valid bounds",
        ));
    }
    Ok(range)
}

/// uniform's own step before `cont`: NumPy computes `arange = np.subtract(high, low)`
/// (with the ufunc's broadcast error), requires every range to be finite, and then
/// broadcasts `low` with `arange`, not with `high`: the second parameter becomes the
/// range array, so a `size` mismatch names `arange`'s shape as NumPy's message does.
fn validate_uniform(p: &mut [NdArray<Num>], _scalar: bool) -> Result<()> {
    let (low, high) = (&p[0], &p[1]);
    let shape = crate::array::ufunc_broadcast(&high.shape, &low.shape)?;
    let hi = crate::array::broadcast_indices(&shape, &high.shape);
    let lo = crate::array::broadcast_indices(&shape, &low.shape);
    let range = hi
        .iter()
        .zip(&lo)
        .map(|(h, l)| uniform_range(low.data[*l].f(), high.data[*h].f()).map(Num::F))
        .collect::<Result<Vec<Num>>>()?;
    p[1] = NdArray { shape, data: range };
    Ok(())
}

pub(crate) const SPECS: &[DistSpec] = &[
    DistSpec {
        name: "random_sample",
        params: &[],
        internal_order: &[],
        prepare: None,
        kernel: Kernel::F64(|rs, _| rs.next_double()),
        bulk: super::broadcast::Bulk::F64(|rs, out, _| {
            rs.random_sample_into(out);
            Ok(())
        }),
    },
    DistSpec {
        name: "uniform",
        params: &[
            ParamSpec::fd("low", 0.0, Cons::None),
            ParamSpec::fd("high", 1.0, Cons::None),
        ],
        internal_order: &[],
        prepare: Some(validate_uniform),
        // p[1] is the range `high - low` (see `validate_uniform`).
        kernel: Kernel::F64(|rs, p: &[Num]| rs.uniform_unchecked(p[0].f(), p[1].f())),
        bulk: super::broadcast::Bulk::F64(|rs, out, p: &[Num]| {
            fill_uniform(rs, out, p[0].f(), p[1].f())
        }),
    },
];
