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

/// A function twice: `$portable`, the body as the crate is built, and `$name`, which on
/// an x86-64 CPU with `$feature` runs the same body compiled for it. The body is plain
/// Rust, so both copies give the same bits (LLVM never fuses or reorders floating-point
/// operations on its own); the wider instructions are the only difference. Without
/// `std` the choice is the build's target features (see [`cpu_has!`]).
macro_rules! multiversion {
    (
        $feature:tt;
        $(#[$attr:meta])*
        $vis:vis fn $name:ident / $portable:ident ($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty
        $body:block
    ) => {
        /// The portable twin: the body as the crate is built.
        #[inline(always)]
        pub(crate) fn $portable($($arg: $ty),*) -> $ret $body

        $(#[$attr])*
        #[inline]
        $vis fn $name($($arg: $ty),*) -> $ret {
            #[cfg(all(
                target_arch = "x86_64",
                target_feature = "sse2",
                not(target_feature = $feature)
            ))]
            {
                #[target_feature(enable = $feature)]
                fn fast($($arg: $ty),*) -> $ret {
                    $portable($($arg),*)
                }
                if cpu_has!($feature) {
                    // SAFETY: `fast` is compiled for the feature, which the CPU has.
                    return unsafe { fast($($arg),*) };
                }
            }
            $portable($($arg),*)
        }
    };
}

/// A scalar libm port twice ([`multiversion!`] on FMA): `$portable`, the body as the
/// crate is built, and `$name`, which on an x86-64 CPU with FMA runs the same body
/// compiled for FMA.
///
/// The ports follow glibc's FMA builds, so they are full of `mul_add`. Where the crate is
/// not built for FMA (the default x86-64 target: musl, macOS, Windows) each `mul_add` is a
/// call to the C library's `fma`, which musl computes in software: `exp` took 134 ns a
/// call there and `sin` 390, against 7-11 for musl's own. Compiled for FMA, a `mul_add` is
/// one instruction. It is correctly rounded either way, so both copies give the same bits;
/// the `math` tests compare them on random and special inputs.
macro_rules! fma_multiversion {
    ($($item:tt)*) => {
        multiversion!("fma"; $($item)*);
    };
}

/// The MT19937 kernels' dispatch: `$call` with `$k` naming the `avx512` kernel module
/// where `$backend` is `Avx512` and the CPU has it, the `avx2` module where it is
/// `Avx2` and the CPU has that, else `$portable`. Used inside `mt19937::simd`, whose
/// kernel modules these are.
///
/// Each kernel is `unsafe` only for its target features, which the match guards check;
/// the dispatching functions assert the slice lengths the kernels also rely on before
/// they dispatch.
macro_rules! by_backend {
    ($backend:expr, |$k:ident| $call:expr, $portable:expr $(,)?) => {
        match $backend {
            #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
            Backend::Avx512 if Backend::Avx512.is_available() => {
                use avx512 as $k;
                // SAFETY: AVX-512F and AVX2 are present (the guard); the caller has
                // asserted the lengths.
                unsafe { $call }
            }
            #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
            Backend::Avx2 if Backend::Avx2.is_available() => {
                use avx2 as $k;
                // SAFETY: AVX2 is present (the guard); the caller has asserted the
                // lengths.
                unsafe { $call }
            }
            _ => $portable,
        }
    };
}
