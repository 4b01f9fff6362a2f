//! Pure-Rust elementary functions that give glibc's x86-64 results on every platform.
//!
//! NumPy's fixtures were produced on Linux with glibc's libm; other platforms' libms
//! (musl, macOS, Windows, wasm) differ in the last bit, so kernels that must match NumPy
//! everywhere can call these instead of `f64` methods. See LICENSE-THIRD-PARTY.md.

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
