//! Pure-Rust versions of the libm functions `std` provides, for the `no_std` build (and
//! its tests): a correctly rounded `fma`, fdlibm's `cos`/`sin`, and glibc's float32
//! `expf`/`logf`/`powf`/`log1pf` (ARM optimized-routines and fdlibm ports). Each file names the
//! code it comes from; see LICENSE-THIRD-PARTY.md.

mod expf;
mod fma;
mod logf;
mod rem_pio2_large;
mod trig;

#[cfg(not(feature = "std"))]
pub(crate) use expf::{expf, powf};
pub(crate) use fma::fma;
#[cfg(not(feature = "std"))]
pub(crate) use logf::{log1pf, logf};
#[cfg(not(feature = "std"))]
pub(crate) use trig::{cos, sin};
