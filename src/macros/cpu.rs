//! CPU feature detection for the SIMD kernels (x86-64 only; callers sit behind
//! `#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]`: the kernels exist
//! only where the target has vector registers at all, so soft-float targets such as
//! `x86_64-unknown-none` get the portable code alone).

/// Whether the CPU has every x86 feature named (`cpu_has!("avx2", "fma")`).
///
/// With `std` the CPU is asked at run time (`is_x86_feature_detected!`, which caches the
/// answer), so one binary uses AVX2 where it exists. Without `std` there is nobody to ask:
/// the answer is the build's target features (`cfg!(target_feature = ...)`), so a `no_std`
/// build runs the portable kernels unless built with `-C target-feature=+avx2,+fma`. The
/// kernels are bit-identical either way; only the speed differs.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
macro_rules! cpu_has {
    ($($feature:tt),+ $(,)?) => {{
        #[cfg(feature = "std")]
        let has = true $(&& std::arch::is_x86_feature_detected!($feature))+;
        #[cfg(not(feature = "std"))]
        let has = true $(&& cfg!(target_feature = $feature))+;
        has
    }};
}
