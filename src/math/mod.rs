//! Pure-Rust `exp`, `log`, `log2` and `pow` that return exactly the bits of glibc 2.36's
//! on x86-64, the platform NumPy's fixtures come from, so that nprand's numbers do not
//! depend on the platform's libm (musl, macOS, Windows and wasm differ in last bits).
//!
//! glibc (since 2.28) runs ARM optimized-routines' code for these functions; the ports here
//! follow ARM's `math/exp.c`, `log.c`, `log2.c` and `pow.c` with their data tables (MIT OR
//! Apache-2.0 WITH LLVM-exception), in the configuration glibc builds them.
//!
//! **FMA.** On x86-64 glibc picks, by ifunc, a copy compiled with `-mfma -mavx2` when the
//! CPU has FMA and AVX2 (every x86-64 CPU since Haswell and Zen 1), and there GCC fuses
//! `a * b + c` into one FMA wherever the C allows it. Those fused roundings are part of the
//! result, so every place the `-mfma` build fuses is a `mul_add` here, and every product it
//! left unfused is a plain `*` (the ports say where, read off the disassembly of glibc
//! 2.36's `libm`). `f64::mul_add` is a correctly rounded fused multiply-add on every
//! target (hardware FMA, or a software `fma`), so the bits are the same everywhere; where
//! the CPU lacks FMA it is slower, not different. The SSE2 (non-FMA) copy of glibc differs
//! from the FMA copy in the last bit for some inputs; nprand follows the FMA copy, the one
//! modern Linux machines run.
//!
//! [`exp_slice`] and [`log_slice`] map a slice in place with the same bits, four lanes at a
//! time with AVX2 and FMA when the CPU has them (detected at run time).
//!
//! Special cases return glibc's results, NaN bits included (x86's rules: a NaN operand
//! comes back quiet; an invalid operation gives `0xfff8000000000000`). glibc's `errno`
//! setting is not reproduced.

mod exp;
mod exp_data;
mod exp_slice;
mod log;
mod log2;
mod log2_data;
mod log_data;
mod log_slice;
mod math_err;
mod pow;
mod pow_log_data;
mod slice_common;

pub use exp::exp;
pub use exp_slice::exp_slice;
pub use log::log;
pub use log2::log2;
pub use log_slice::log_slice;
pub use pow::pow;
