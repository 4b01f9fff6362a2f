//! Array-valued parameters for `Generator`: NumPy's `cont`/`disc` machinery
//! (`_common.pyx`, the same code `RandomState` uses, in [`crate::common`]), driven by one
//! table entry ([`GenSpec`]) per distribution.
//!
//! # Quick start
//! ```
//! use nprand::array::NdArray;
//! use nprand::generator::broadcast::{find, Output};
//! use nprand::generator::default_rng;
//! use nprand::common::Num;
//! // np.random.default_rng(0).normal([0, 10], [[1], [2], [3]])  -> shape (3, 2)
//! let loc = NdArray::from_vec(vec![Num::F(0.0), Num::F(10.0)]);
//! let scale = NdArray::new(vec![3, 1], vec![Num::F(1.0), Num::F(2.0), Num::F(3.0)]).unwrap();
//! let out = default_rng(0).broadcast(find("normal").unwrap(), &[loc, scale], None).unwrap();
//! assert_eq!(out.shape(), &[3, 2]);
//! assert!(matches!(out, Output::F64(_)));
//! ```
//!
//! A [`GenSpec`] lists the parameters in Python signature order (name, default,
//! constraint, conversion to float64, float32 or int64), the order in which NumPy passes
//! them to `cont`/`disc` (which fixes the order of the checks and the argument numbers of
//! broadcast errors), an optional `prepare` step for the methods that check or transform
//! their parameters before `cont`/`disc` (uniform's `high - low`, triangular,
//! negative_binomial, hypergeometric), and the kernel: the per-element draw, which the
//! typed methods of [`Generator`] share. Unlike `RandomState`, `Generator` converts its
//! parameters first ([`convert`]).

use super::Generator;
use crate::array::NdArray;
use crate::bitgen::BitGenerator;
use crate::common::{Num, Param};
use crate::error::Result;
use crate::prelude::*;

pub use crate::common::{convert, output_shape, precheck, Output, PKind, Prepare, POISSON_LAM_MAX};

/// NumPy's constraint kinds: [`crate::common::Constraint`].
///
/// ```
/// use nprand::generator::broadcast::GCons;
/// // rng.zipf(1) -> ValueError: a <= 1 or a is NaN
/// assert_eq!(GCons::Gt1.check_scalar(1.0, "a").unwrap_err().message(), "a <= 1 or a is NaN");
/// ```
pub type GCons = crate::common::Constraint;

/// One parameter: [`crate::common::Param`].
pub type GParam = Param;

/// The per-element draw, on any bit generator.
///
/// ```
/// use nprand::generator::broadcast::{find, GKernel};
/// use nprand::common::Num;
/// use nprand::{BitGenerator, Pcg64};
/// // Generator(PCG64(1)).exponential(2.0)
/// let GKernel::F64(k) = find("exponential").unwrap().kernel else { unreachable!() };
/// let x = k(&mut Pcg64::new(1) as &mut dyn BitGenerator, &[Num::F(2.0)]);
/// assert_eq!(x, nprand::generator::default_rng(1).exponential(2.0).unwrap());
/// ```
pub type GKernel = crate::common::Kernel<dyn BitGenerator>;

/// The scalar path's whole-slice draw on a `Generator`'s bit generator:
/// [`crate::common::Bulk`].
///
/// ```
/// use nprand::generator::broadcast::{find, GBulk};
/// assert!(matches!(find("normal").unwrap().bulk, GBulk::F64(_)));
/// ```
pub type GBulk = crate::common::Bulk<dyn BitGenerator>;

/// A `Generator` distribution as NumPy's `cont`/`disc` see it.
pub type GenSpec = crate::common::Spec<dyn BitGenerator>;

/// `Generator`'s kernels draw from its bit generator, whatever its type and lifetime.
impl crate::common::Receiver for dyn BitGenerator {
    type Fn<T> = fn(&mut dyn BitGenerator, &[Num]) -> T;
    type Target<'a> = dyn BitGenerator + 'a;
    #[inline]
    fn call<T>(f: Self::Fn<T>, target: &mut (dyn BitGenerator + '_), args: &[Num]) -> T {
        f(target, args)
    }
    type Fill<T> = fn(&mut dyn BitGenerator, &mut [T], &[Num]) -> Result<()>;
    #[inline]
    fn fill<T>(
        f: Self::Fill<T>,
        target: &mut (dyn BitGenerator + '_),
        out: &mut [T],
        args: &[Num],
    ) -> Result<()> {
        f(target, out, args)
    }
}

/// `Generator`'s typed methods call their kernels on the bit generator.
impl<B: BitGenerator> crate::common::KernelTarget for Generator<B> {
    type Target = B;
    #[inline]
    fn target(&mut self) -> &mut B {
        &mut self.bg
    }
}

/// Every broadcastable distribution of `Generator`.
///
/// ```
/// assert!(nprand::generator::broadcast::specs().any(|s| s.name == "zipf"));
/// ```
pub fn specs() -> impl Iterator<Item = &'static GenSpec> {
    super::SPEC_TABLES.iter().flat_map(|t| t.iter())
}

/// Look up a distribution by method name.
///
/// ```
/// assert!(nprand::generator::broadcast::find("vonmises").is_some());
/// assert!(nprand::generator::broadcast::find("randint").is_none());
/// ```
pub fn find(name: &str) -> Option<&'static GenSpec> {
    specs().find(|s| s.name == name)
}

impl<B: BitGenerator> Generator<B> {
    /// Draw from `spec` with array parameters (signature order, 0-d arrays for scalars) and
    /// an optional `size`, as NumPy's method does: conversion and checks first (none of
    /// them draws), then the output of shape `size` or the broadcast shape, filled in C
    /// order. Every parameter 0-d and `size == None` gives a 0-d result (NumPy returns a
    /// Python scalar).
    ///
    /// ```
    /// use nprand::array::NdArray;
    /// use nprand::generator::broadcast::{find, Output};
    /// use nprand::common::Num;
    /// // np.random.default_rng(1).poisson([1.0, 100.0], size=(3, 2))
    /// let lam = NdArray::from_vec(vec![Num::F(1.0), Num::F(100.0)]);
    /// let out = nprand::generator::default_rng(1)
    ///     .broadcast(find("poisson").unwrap(), &[lam], Some(&[3, 2]))
    ///     .unwrap();
    /// assert!(matches!(out, Output::I64(ref a) if a.shape == vec![3, 2]));
    /// ```
    pub fn broadcast(
        &mut self,
        spec: &GenSpec,
        params: &[NdArray<Num>],
        size: Option<&[usize]>,
    ) -> Result<Output> {
        // A wrong arity is left to `draw`'s error, before any conversion.
        let params: Vec<NdArray<Num>> = if params.len() == spec.params.len() {
            params
                .iter()
                .zip(spec.params)
                .map(|(p, ps)| convert(p, ps.kind))
                .collect()
        } else {
            params.to_vec()
        };
        crate::common::draw::<dyn BitGenerator>(&mut self.bg, spec, params, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generator::{AnyBitGenerator, BitGenKind};

    /// Every row with a bulk form draws on the scalar path what its per-element kernel
    /// draws, on every bit generator.
    #[test]
    fn bulk_rows_match_the_kernels() {
        // The rows only this front-end has a bulk form for (the others: bulk_check).
        let cases: &[(&str, &[f64])] = &[("rayleigh", &[2.0])];
        let starts: Vec<Generator<AnyBitGenerator>> = BitGenKind::ALL
            .into_iter()
            .map(|kind| Generator::new(AnyBitGenerator::new(kind, 20261207u128)))
            .collect();
        crate::common::bulk_check::check_bulk_rows(specs(), cases, &starts, |g, spec, p, size| {
            g.broadcast(spec, p, size)
        });
    }
}
