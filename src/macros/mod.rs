//! Crate-private macros: boilerplate written once and invoked in one line per type, as
//! `rand_pcg`'s `impl_state_stream` and `rand_xoshiro`'s `common.rs` do.
//!
//! Declared first in `lib.rs` (`#[macro_use]`), so every module can invoke them.
//! One file per layer; keep them separate. Order matters only for `#[macro_use]`: a
//! macro is visible in the files declared after its own.

#[macro_use]
mod cpu;
#[macro_use]
mod options;
#[macro_use]
mod bitgen;
#[macro_use]
mod methods;
#[cfg(feature = "std")]
#[macro_use]
mod global;
