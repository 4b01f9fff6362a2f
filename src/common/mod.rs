//! NumPy's `_common.pyx`, once for both front-ends: the layer between the distribution
//! kernels (`crate::distr` and the front-ends' own frozen copies) and the methods of
//! [`RandomState`](crate::RandomState) and [`Generator`](crate::Generator).
//!
//! - [`IntoParam`]: `np.asarray` of a parameter (scalars, slices, `Vec`s, fixed and
//!   `ndarray` arrays) into the drivers' [`NdArray`](crate::array::NdArray) of [`Num`].
//! - [`IntoBounds`]: the same for `integers`/`randint` bounds ([`IntBound`]), with the
//!   checks NumPy's `_bounded_integers` runs on array bounds.
//! - [`Num`], [`c_long`], [`kahan_sum`]: parameter values and the C arithmetic both
//!   front-ends rely on.
//! - [`Constraint`]: NumPy's `constraint_type`, with the one place where a violated
//!   constraint becomes NumPy's message (`check_constraint` / `check_array_constraint`).
//! - [`Spec`], [`Param`], [`Kernel`], [`Bulk`], [`Output`]: a distribution as
//!   `cont`/`disc` see it, generic over the receiver the kernel draws from
//!   (`RandomState`, or the `dyn BitGenerator` inside a `Generator`), with the bulk form
//!   the scalar path fills with.
//! - [`draw`], [`precheck`], [`output_shape`], [`convert`]: the `cont`/`disc` driver.
//! - `mvn`: what both `multivariate_normal`s share.
//! - `alloc`: NumPy's shape limits and the one fallible allocation of a result.
//!
//! A method is one declaration (the crate-private `numpy_methods!` macro in
//! `src/macros/methods.rs`) that yields its scalar form, its `_into` form and its [`Spec`] row.
//!
//! ```
//! use nprand::array::NdArray;
//! use nprand::common::{Constraint, Num, Output};
//! // The same constraint and message for rs.pareto(0) and rng.pareto(0).
//! assert_eq!(Constraint::Positive.check_scalar(0.0, "a").unwrap_err().message(), "a <= 0");
//! let lam = NdArray::from_vec(vec![Num::F(1.0), Num::F(100.0)]);
//! let spec = nprand::legacy::broadcast::find("exponential").unwrap();
//! let out = nprand::RandomState::new(0).broadcast(spec, &[lam], None).unwrap();
//! assert!(matches!(out, Output::F64(ref a) if a.shape == [2]));
//! ```

pub(crate) mod alloc;
mod arg;
#[cfg(test)]
pub(crate) mod bulk_check;
mod checks;
mod constraint;
mod drive;
pub(crate) mod int_bounds;
pub(crate) mod matrix;
pub(crate) mod mvn;
mod num;
mod spec;

pub use arg::{IntoParam, ParamElem};
pub(crate) use checks::{prepare_triangular, triangular_check};
pub use constraint::{Constraint, POISSON_LAM_MAX};
pub(crate) use drive::{any2, ufunc2};
pub use drive::{convert, draw, output_shape, precheck};
pub use int_bounds::{IntBound, IntoBounds};
pub use num::{c_long, kahan_sum, Num};
pub use spec::{Bulk, Kernel, Output, PKind, Param, Prepare, Receiver, Spec};
pub(crate) use spec::{FromOutput, KernelTarget};
