//! Pure-Rust elementary functions that give glibc's x86-64 results on every platform.
//!
//! NumPy's fixtures were produced on Linux with glibc's libm; other platforms' libms
//! (musl, macOS, Windows, wasm) differ in the last bit, so kernels that must match NumPy
//! everywhere can call these instead of `f64` methods. See LICENSE-THIRD-PARTY.md.
//!
//! - [`log1p`], [`expm1`]: fdlibm ports equal to glibc 2.36 x86-64 (FMA build) bit for
//!   bit (0 differences in 10^9 random inputs each, `examples/libm_verify2.rs`).
//! - [`acos`]: correctly rounded (CORE-MATH). glibc's `acos`, like its `sin` and `cos`,
//!   is IBM's LGPL code and not correctly rounded, so no permissive port can equal it:
//!   this one differs from glibc by 1 ulp on about 7 in 10^4 arguments of [-1, 1]
//!   (glibc's `sin`/`cos` differ from the correctly rounded result on about 1.4 in 10^3
//!   of [0, 2pi); `scripts/libm_cr_rate.c`).

mod acos;
mod acos_table;
mod dd;
mod expm1;
mod log1p;
mod words;

pub use acos::acos;
pub use expm1::expm1;
pub use log1p::log1p;

#[cfg(test)]
mod inputs;
#[cfg(test)]
mod tests;
