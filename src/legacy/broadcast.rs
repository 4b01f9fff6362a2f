//! Array-valued parameters: NumPy's `cont`/`disc` machinery (`_common.pyx`, shared with
//! `Generator` in [`crate::common`]) for every distribution described by a [`DistSpec`].
//!
//! # Quick start
//! ```
//! use nprand::array::NdArray;
//! use nprand::legacy::broadcast::{find, Num};
//! let mut rs = nprand::RandomState::new(0);
//! // rs.normal([0, 10], [[1], [2], [3]])  -> shape (3, 2), drawn in C order
//! let loc = NdArray::from_vec(vec![Num::F(0.0), Num::F(10.0)]);
//! let scale = NdArray::new(vec![3, 1], vec![Num::F(1.0), Num::F(2.0), Num::F(3.0)]).unwrap();
//! let out = rs.broadcast(find("normal").unwrap(), &[loc, scale], None).unwrap();
//! assert_eq!(out.shape(), &[3, 2]);
//! ```
//!
//! Semantics reproduced: the scalar path (every parameter 0-d: scalar constraint
//! messages, one value or `size` values), the array path (array constraint messages,
//! e.g. `p contains NaNs`; all checks before any draw; output shape = `size` or the
//! broadcast shape; elements drawn in C order over the output), and NumPy's broadcast
//! error messages. Unlike `Generator`, `RandomState` passes parameters unconverted.

use super::RandomState;
use crate::array::NdArray;
use crate::error::Result;

pub use crate::common::{c_long, Num, Output, POISSON_LAM_MAX};

/// NumPy's parameter constraint kinds: [`crate::common::Constraint`].
///
/// ```
/// use nprand::legacy::broadcast::Cons;
/// assert_eq!(Cons::Bounded01.check_scalar(1.5, "p").unwrap_err().message(),
///            "p < 0, p > 1 or p is NaN");
/// ```
pub type Cons = crate::common::Constraint;

/// One parameter of a distribution: [`crate::common::Param`].
pub type ParamSpec = crate::common::Param;

/// The per-element draw on a `RandomState`.
pub type Kernel = crate::common::Kernel<RandomState>;

/// The scalar path's whole-slice draw on a `RandomState`: [`crate::common::Bulk`].
///
/// ```
/// use nprand::legacy::broadcast::{find, Bulk};
/// assert!(matches!(find("weibull").unwrap().bulk, Bulk::F64(_)));
/// ```
pub type Bulk = crate::common::Bulk<RandomState>;

/// Custom validation NumPy runs before the constraint checks (e.g. triangular's
/// `left > mode`): [`crate::common::Prepare`].
pub type Validator = crate::common::Prepare;

/// A `RandomState` distribution as NumPy's `cont`/`disc` see it.
pub type DistSpec = crate::common::Spec<RandomState>;

/// `RandomState`'s kernels draw from the `RandomState` (its legacy gaussian cache).
impl crate::common::Receiver for RandomState {
    type Fn<T> = fn(&mut RandomState, &[Num]) -> T;
    type Target<'a> = RandomState;
    #[inline]
    fn call<T>(f: Self::Fn<T>, target: &mut RandomState, args: &[Num]) -> T {
        f(target, args)
    }
    type Fill<T> = fn(&mut RandomState, &mut [T], &[Num]) -> Result<()>;
    #[inline]
    fn fill<T>(
        f: Self::Fill<T>,
        target: &mut RandomState,
        out: &mut [T],
        args: &[Num],
    ) -> Result<()> {
        f(target, out, args)
    }
}

/// `RandomState`'s typed methods call their kernels on the `RandomState`.
impl crate::common::KernelTarget for RandomState {
    type Target = RandomState;
    #[inline]
    fn target(&mut self) -> &mut RandomState {
        self
    }
}

/// Every distribution of `RandomState` that goes through `cont`/`disc`.
///
/// ```
/// assert!(nprand::legacy::broadcast::specs().any(|s| s.name == "exponential"));
/// ```
pub fn specs() -> impl Iterator<Item = &'static DistSpec> {
    super::SPEC_TABLES.iter().flat_map(|t| t.iter())
}

/// Look up a distribution by NumPy's method name.
///
/// ```
/// assert!(nprand::legacy::broadcast::find("normal").is_some());
/// assert!(nprand::legacy::broadcast::find("nope").is_none());
/// ```
pub fn find(name: &str) -> Option<&'static DistSpec> {
    specs().find(|s| s.name == name)
}

impl RandomState {
    /// Draw from `spec` with array-valued parameters and an optional `size`, exactly as
    /// NumPy's method does: the documented broadcasting helper of the library.
    ///
    /// `params` are in the Python signature order; pass 0-d arrays
    /// ([`NdArray::scalar`]) for scalar arguments. With every parameter 0-d and
    /// `size == None` the result is 0-d (NumPy returns a Python scalar).
    ///
    /// ```
    /// use nprand::array::NdArray;
    /// use nprand::legacy::broadcast::{find, Num, Output};
    /// let mut rs = nprand::RandomState::new(0);
    /// let lam = NdArray::from_vec(vec![Num::F(1.0), Num::F(100.0)]);
    /// // rs.exponential([1.0, 100.0], size=(3, 2))
    /// let out = rs.broadcast(find("exponential").unwrap(), &[lam], Some(&[3, 2])).unwrap();
    /// assert!(matches!(out, Output::F64(ref a) if a.shape == vec![3, 2]));
    /// ```
    pub fn broadcast(
        &mut self,
        spec: &DistSpec,
        params: &[NdArray<Num>],
        size: Option<&[usize]>,
    ) -> Result<Output> {
        crate::common::draw(self, spec, params.to_vec(), size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row with a bulk form draws on the scalar path what its per-element kernel
    /// draws, from a fresh state, mid-block and with a cached gaussian.
    #[test]
    fn bulk_rows_match_the_kernels() {
        // The rows only this front-end has a bulk form for (the others: bulk_check).
        let cases: &[(&str, &[f64])] = &[
            ("random_sample", &[]),
            ("standard_cauchy", &[]),
            ("standard_normal", &[]),
            ("standard_exponential", &[]),
            ("standard_gamma", &[0.5]),
            ("standard_gamma", &[1.0]),
            ("standard_gamma", &[2.5]),
            ("gamma", &[2.5, 1.5]),
            ("gamma", &[0.0, 1.0]),
            ("chisquare", &[3.0]),
        ];
        let fresh = RandomState::new(20261207);
        let mut mid = fresh.clone();
        mid.random_sample();
        let mut cached = fresh.clone();
        cached.standard_normal();
        crate::common::bulk_check::check_bulk_rows(
            specs(),
            cases,
            &[fresh, mid, cached],
            |rs, spec, p, size| rs.broadcast(spec, p, size),
        );
    }
}
