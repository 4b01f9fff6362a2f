//! Pure-Rust versions of the libm functions `std` provides, for the `no_std` build (and
//! its tests): a correctly rounded `fma` and fdlibm's `cos`/`sin`. Each file names the
//! code it comes from; see LICENSE-THIRD-PARTY.md.

mod fma;
mod rem_pio2_large;
mod trig;

pub(crate) use fma::fma;
#[cfg(not(feature = "std"))]
pub(crate) use trig::{cos, sin};
