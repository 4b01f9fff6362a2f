//! Pure-Rust elementary functions that give glibc's x86-64 results on every platform.
//!
//! NumPy's fixtures were produced on Linux with glibc's libm; other platforms' libms
//! (musl, macOS, Windows, wasm) differ in the last bit, so kernels that must match NumPy
//! everywhere can call these instead of `f64` methods. See LICENSE-THIRD-PARTY.md.
//!
//! - [`exp`], [`log`], [`log2`], [`pow`]: ports of ARM optimized-routines' `math/exp.c`,
//!   `log.c`, `log2.c`, `pow.c` and their data tables (MIT), the code glibc (since 2.28)
//!   runs for them, equal to glibc 2.36 x86-64 (FMA build) bit for bit (0 differences in
//!   10^9 inputs each, `examples/libm_verify.rs`). [`exp_slice`], [`log_slice`] and
//!   [`pow_slice`] map a slice in place with the same bits, eight lanes at a time with
//!   AVX-512F or four with AVX2 and FMA when the CPU has them (detected at run time).
//! - [`log1p`], [`expm1`]: fdlibm ports equal to glibc 2.36 x86-64 (FMA build) bit for
//!   bit (0 differences in 10^9 random inputs each, `examples/libm_verify2.rs`).
//! - [`acos`], [`sin`], [`cos`]: correctly rounded (ports of CORE-MATH). glibc's are
//!   IBM's LGPL code and not correctly rounded, so no permissive port can equal them:
//!   these differ from glibc by 1 ulp on about 7 in 10^4 arguments of [-1, 1] (`acos`)
//!   and 1.4 in 10^3 of [0, 2pi) (`sin`, `cos`; `scripts/libm_cr_rate.c`,
//!   `examples/trig_verify.rs`), and equal MPFR's correctly rounded results
//!   (`scripts/trig_mpfr.c`).
//!
//! **FMA.** On x86-64 glibc picks, by ifunc, a copy compiled with `-mfma -mavx2` when the
//! CPU has FMA and AVX2 (every x86-64 CPU since Haswell and Zen 1), and there GCC fuses
//! `a * b + c` into one FMA wherever the C allows it. Those fused roundings are part of the
//! result, so every place the `-mfma` build fuses is a `mul_add` here, and every product it
//! left unfused is a plain `*` (the ports say where, read off the disassembly of glibc
//! 2.36's `libm`). `f64::mul_add` is a correctly rounded fused multiply-add on every
//! target (hardware FMA, or a software `fma`), so the bits are the same everywhere; where
//! the CPU lacks FMA it is slower, not different. glibc's SSE2 (non-FMA) copies of `exp`,
//! `log`, `log2` and `pow` differ from the FMA copies in the last bit on about 1 in 2,000
//! to 1 in 20,000 inputs; nprand follows the FMA copies, the ones modern Linux machines run.
//!
//! Special cases of `exp`, `log`, `log2` and `pow` return glibc's results, NaN bits included
//! (x86's rules: a NaN operand comes back quiet; an invalid operation gives
//! `0xfff8000000000000`). glibc's `errno` setting is not reproduced.

mod acos;
mod acos_table;
mod dd;
mod dint;
mod exp;
mod exp_data;
mod exp_slice;
mod expm1;
mod log;
mod log1p;
mod log2;
mod log2_data;
mod log_data;
mod log_slice;
mod math_err;
pub(crate) mod np;
// `std`'s float methods and libm functions for the `no_std` build (tested against `std`).
#[cfg(any(not(feature = "std"), test))]
pub(crate) mod core_float;
mod pow;
mod pow_log_data;
mod pow_slice;
mod sin_cos;
mod sin_cos_data;
mod sin_cos_reduce;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
pub(crate) mod slice_avx512;
mod slice_common;
mod soft;
mod words;

pub use acos::acos;
pub use exp::exp;
pub use exp_slice::exp_slice;
pub use expm1::expm1;
pub use log::log;
pub use log1p::log1p;
pub use log2::log2;
pub use log_slice::log_slice;
pub use pow::pow;
pub use pow_slice::pow_slice;
pub use sin_cos::{cos, sin};

#[cfg(test)]
#[allow(dead_code)] // some helpers serve only the examples that include this file
mod inputs;
#[cfg(test)]
mod tests;
