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
//! - [`cli`]: the call parser and evaluator behind `nprand eval`.
//!
//! Algorithms are NumPy's (BSD-3-Clause) and the MT19937 reference implementation
//! (Matsumoto & Nishimura, BSD); see LICENSE-THIRD-PARTY.md.

// NumPy's parameter checks are negated comparisons (`!(v >= 0.0)`) precisely so that
// NaN fails them; the port keeps that form on purpose.
#![allow(clippy::neg_cmp_op_on_partial_ord)]

pub mod array;
pub mod cli;
pub mod error;
pub mod fmt;
pub mod global;
pub mod legacy;
pub mod mt19937;
pub mod state;

pub use error::{Error, ErrorKind, Result};
pub use legacy::{RandintDtype, RandomState};
pub use mt19937::Mt19937;
pub use state::LegacyState;
