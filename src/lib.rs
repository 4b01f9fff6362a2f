//! # nprand: NumPy's random numbers, bit for bit, in Rust
//!
//! Same seed, same numbers: `nprand` reproduces `numpy.random.RandomState` (MT19937 and
//! NumPy's frozen legacy algorithms) exactly, down to the last bit, the number of draws
//! each call consumes, and the error each invalid parameter raises.
//!
//! ```
//! // np.random.seed(12345); x = np.random.rand(10, 10)
//! let mut rs = nprand::RandomState::new(12345);
//! let x = rs.rand(&[10, 10]).unwrap();
//! assert_eq!(x.len(), 100);
//! ```
//!
//! ## Where NumPy's objects live
//!
//! The layers follow NumPy's: bit generators, then the shared distribution kernels
//! (`distr`, crate-private, like NumPy's `distributions.c`), then the front-ends, then the
//! evaluator behind `nprand eval` on top (nothing below imports it).
//!
//! | NumPy / CPython | Rust |
//! |---|---|
//! | `np.random.RandomState` and its methods | [`RandomState`] ([`legacy`], one file per family: `uniform`, `normal`, `gamma`, `continuous`, `discrete`, `integers`, `sequences`, `multivariate`) |
//! | `np.random.seed`, `np.random.rand`, ... (the module-level functions) | `global` (feature `std`) |
//! | `RandomState.get_state()` / `set_state()` | [`LegacyState`] ([`state`]) |
//! | `np.random.Generator`, `np.random.default_rng` | [`Generator`], [`default_rng`] ([`generator`], files as in [`legacy`]) |
//! | `MT19937`, `PCG64`, `PCG64DXSM`, `Philox`, `SFC64` | [`Mt19937`] ([`mt19937`]), [`Pcg64`], [`Pcg64Dxsm`], [`Philox`], [`Sfc64`] ([`bitgen`], trait [`BitGenerator`] = `bitgen_t`) |
//! | `bit_generator.state` | [`BitGenState`] |
//! | `np.random.SeedSequence` | [`SeedSequence`] ([`seed_sequence`]) |
//! | the `seed` argument (`None`, an int of any size, a list, a `SeedSequence`) | [`Seed`] ([`seed`]), [`try_default_rng`], `Pcg64::try_new`, `RandomState::try_new` |
//! | `random.Random` (CPython 3.11) | `python::Random` (feature `python`) |
//! | the Python objects themselves, in a PyO3 extension | `py` (feature `pyo3`): `py::with_random_state`, `py::with_generator`, `py::with_random` |
//! | Python exceptions | [`Error`], [`ErrorKind`] ([`error`]) |
//! | glibc's libm (`exp`, `log`, `log2`, `pow`, `log1p`, `expm1`, `acos`, ... as NumPy's C calls them) | [`math`] |
//! | `nprand eval CALL...` | `eval` (feature `eval`): `eval::legacy`, `eval::generator`, `eval::python` evaluate calls on the three front-ends, `eval::parser` reads them |
//!
//! ## Features
//!
//! - `std` (default; every feature below implies it): the standard library. Without it
//!   the crate is `#![no_std]` + `alloc` (see below).
//! - `cli` (default): the `nprand` binary; `eval` plus `clap`.
//! - `eval`: `nprand::eval`, the call parser and evaluator; `json`, `python` and
//!   `byteorder` (`.npy` output).
//! - `json`: JSON state files shared with Python (`serde`, `serde_json`).
//! - `serde`: `Serialize`/`Deserialize` on every state type, in the shape of NumPy's
//!   `state` dicts (`nprand::state_serde`; `serde` alone, no `serde_json`).
//! - `python`: `nprand::python`, CPython's `random` (`num-bigint` for its ints, `sha2`
//!   for its str/bytes seeding).
//! - `ndarray`: `nd`, shaped `ndarray::ArrayD` outputs (`<name>_nd`) for every method of
//!   `RandomState` and `Generator`, and `ndarray` arrays and views as array parameters
//!   ([`IntoParam`]).
//! - `getrandom` (default): OS entropy for NumPy's `seed=None` ([`Seed::OsEntropy`],
//!   [`SeedSequence::from_os_entropy`]) through the `getrandom` crate.
//! - `pyo3`: `nprand::py`, NumPy's and CPython's generator objects inside a PyO3
//!   extension (state in and out, scoped borrows, NumPy arrays through rust-numpy).
//! - `parallel`: multi-core bulk fills of [`Mt19937`] (`rayon`), bit-identical to the
//!   serial stream.
//!
//! With `default-features = false` the crate is [`Mt19937`], the bit generators,
//! [`SeedSequence`], [`RandomState`] and [`Generator`] (all their distributions) on
//! `rand_core` alone, and `no_std` (with `alloc`): it builds for targets without an OS
//! (`x86_64-unknown-none`, `thumbv7em-none-eabihf`). `std` adds `global`, `numpy::ufunc`,
//! `Error::io`, the MT19937 jump-polynomial cache, and run-time CPU detection: without
//! it the SIMD kernels run only where the build's target features include them (e.g.
//! `-C target-feature=+avx2,+fma`), else the portable kernels, with the same bits. The
//! float methods and libm calls `core` lacks are nprand's exact ports (`math`).
//!
//! Algorithms are NumPy's (BSD-3-Clause) and the MT19937 reference implementation
//! (Matsumoto & Nishimura, BSD); see LICENSE-THIRD-PARTY.md.

// NumPy's parameter checks are negated comparisons (`!(v >= 0.0)`) precisely so that
// NaN fails them; the port keeps that form on purpose.
#![allow(clippy::neg_cmp_op_on_partial_ord)]
#![warn(missing_docs, missing_debug_implementations)]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;
// The tests use std (threads, I/O helpers) whatever the features.
#[cfg(all(test, not(feature = "std")))]
extern crate std;

#[macro_use]
mod macros;

pub mod array;
pub mod bitgen;
pub mod common;
mod distr;
pub mod error;
#[cfg(feature = "eval")]
pub mod eval;
pub mod fmt;
pub mod generator;
#[cfg(feature = "std")]
pub mod global;
pub mod legacy;
mod linalg;
pub mod math;
pub mod mt19937;
#[cfg(feature = "ndarray")]
pub mod nd;
pub mod numpy;
mod prelude;
#[cfg(feature = "pyo3")]
pub mod py;
#[cfg(feature = "python")]
pub mod python;
pub mod seed;
pub mod seed_sequence;
pub mod state;
#[cfg(feature = "serde")]
pub mod state_serde;

pub use bitgen::{
    BitGenState, BitGenerator, Pcg64, Pcg64Dxsm, Philox, SeedableBitGenerator, Sfc64,
};
pub use common::matrix::Matrix;
pub use common::mvn::{CheckValid, MvnMethod, MvnOptions, MvnOutput};
pub use common::IntoParam;
pub use error::{Error, ErrorKind, Result};
pub use generator::{default_rng, try_default_rng, AnyGenerator, Generator};
pub use legacy::{RandintDtype, RandomState};
pub use mt19937::Mt19937;
pub use seed::Seed;
pub use seed_sequence::SeedSequence;
pub use state::LegacyState;

/// The `ndarray` crate this one is built against (feature `ndarray`): the arrays of
/// [`nd`] are its `ArrayD`, so use this re-export rather than pinning a matching version.
#[cfg(feature = "ndarray")]
pub use ndarray;
/// The `num-bigint` crate this one is built against (feature `python`): CPython's
/// arbitrary-size ints in [`python`] are its `BigInt`.
#[cfg(feature = "python")]
pub use num_bigint;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "python"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
