//! # nprand: NumPy's random numbers, bit for bit, in Rust
//!
//! Same seed, same numbers: `nprand` reproduces `numpy.random.RandomState` (MT19937 and
//! NumPy's frozen legacy algorithms) exactly, down to the last bit, the number of draws
//! each call consumes, and the error each invalid parameter raises.
//!
//! ```
//! // np.random.seed(12345); x = np.random.rand(10, 10)
//! let mut rs = nprand::RandomState::new(12345);
//! let x = rs.rand(&[10, 10]);
//! assert_eq!(x.len(), 100);
//! ```
//!
//! Layout, following NumPy's own split:
//! - [`mt19937`]: the bit generator ([`Mt19937`]), with `rand_core` glue.
//! - [`legacy`]: [`RandomState`], one file per family of methods.
//! - [`state`]: NumPy's `get_state()` layout and the JSON hand-off with Python.
//! - [`global`]: the process-wide generator behind `np.random.*`.
//! - [`seed_sequence`]: [`SeedSequence`], NumPy's seeding for the modern API.
//! - [`bitgen`]: the [`BitGenerator`] trait and NumPy's modern bit generators
//!   ([`Pcg64`], [`Pcg64Dxsm`], [`Philox`], [`Sfc64`], and [`Mt19937`] seeded new-style).
//! - [`generator`]: NumPy's modern [`Generator`] (ziggurat, Lemire, the current
//!   distributions) and [`default_rng`], on any of the bit generators.
//! - `distr` (crate-private): the distribution kernels both layers share, as NumPy's
//!   `distributions.c` does (binomial, Poisson, `loggam`).
//! - `eval` (feature `eval`): the call parser and evaluator behind `nprand eval`, on top
//!   of everything else; nothing below imports it.
//! - `nd` (feature `ndarray`): shaped `ArrayD` outputs for every method.
//!
//! Algorithms are NumPy's (BSD-3-Clause) and the MT19937 reference implementation
//! (Matsumoto & Nishimura, BSD); see LICENSE-THIRD-PARTY.md.

// NumPy's parameter checks are negated comparisons (`!(v >= 0.0)`) precisely so that
// NaN fails them; the port keeps that form on purpose.
#![allow(clippy::neg_cmp_op_on_partial_ord)]

#[macro_use]
mod macros;

pub mod array;
pub mod bitgen;
mod distr;
pub mod error;
#[cfg(feature = "eval")]
pub mod eval;
pub mod fmt;
pub mod generator;
pub mod global;
pub mod legacy;
mod linalg;
pub mod mt19937;
#[cfg(feature = "ndarray")]
pub mod nd;
#[cfg(feature = "python")]
pub mod python;
pub mod seed_sequence;
pub mod state;

pub use bitgen::{
    BitGenState, BitGenerator, Pcg64, Pcg64Dxsm, Philox, SeedableBitGenerator, Sfc64,
};
pub use error::{Error, ErrorKind, Result};
pub use generator::{default_rng, AnyGenerator, Generator};
pub use legacy::{RandintDtype, RandomState};
pub use mt19937::Mt19937;
pub use seed_sequence::SeedSequence;
pub use state::LegacyState;
