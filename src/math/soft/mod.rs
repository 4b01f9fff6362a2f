//! Pure-Rust versions of libm functions: glibc's float32 `expf`/`logf`/`powf`/`log1pf`
//! (ARM optimized-routines and fdlibm ports) for every build whose libm is not glibc,
//! and for the `no_std` build a correctly rounded `fma`. Each file names the code it comes
//! from; see LICENSE-THIRD-PARTY.md.

// The float32 ports serve every build whose `std` is not glibc's (and are tested against
// glibc where it is).
mod expf;
// The rest only without `std` (and in its tests against `std`).
#[cfg(any(not(feature = "std"), test))]
mod fma;
mod logf;

pub(crate) use expf::{expf, powf};
#[cfg(any(not(feature = "std"), test))]
pub(crate) use fma::fma;
pub(crate) use logf::{log1pf, logf};
#[cfg(test)]
pub(crate) use {
    expf::{expf_portable, powf_portable},
    logf::{log1pf_portable, logf_portable},
};

/// Calls `f` on every `step`-th float bit pattern (all exponents, a spread of mantissas),
/// or on every float when `NPRAND_EXHAUSTIVE` is set (a few minutes).
#[cfg(all(test, target_os = "linux", target_env = "gnu", target_arch = "x86_64"))]
fn for_each_f32(step: u32, mut f: impl FnMut(f32)) {
    extern crate std;
    let step = if std::env::var_os("NPRAND_EXHAUSTIVE").is_some() {
        1
    } else {
        step
    };
    let mut bits = 0u32;
    loop {
        f(f32::from_bits(bits));
        bits = match bits.checked_add(step) {
            Some(b) => b,
            None => break,
        };
    }
}

/// Asserts `ours` and glibc's result for `name(args)` are the same bits (NaNs: both NaN).
#[cfg(all(test, target_os = "linux", target_env = "gnu", target_arch = "x86_64"))]
#[track_caller]
fn assert_same_f32(name: &str, args: core::fmt::Arguments<'_>, ours: f32, glibc: f32) {
    assert!(
        ours.to_bits() == glibc.to_bits() || (ours.is_nan() && glibc.is_nan()),
        "{name}({args}) = {ours:e}, glibc {glibc:e}"
    );
}
