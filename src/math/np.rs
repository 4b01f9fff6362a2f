//! The libm calls of NumPy's C kernels, routed so that every platform gives the numbers
//! of NumPy's Linux wheels (glibc 2.36 on x86-64, whose `-mfma` copies modern CPUs run).
//!
//! Kernels write `x.np_log()` where NumPy's C writes `log(x)`; [`NpMath`] decides which
//! implementation that is:
//! - on Linux with glibc, the `f64` methods of `std` *are* glibc's functions, so they are
//!   used as they are: the same bits as the ports below (0 differences in 10^9 inputs per
//!   function) at glibc's speed, and on a CPU without FMA the same bits as the NumPy
//!   running beside nprand on that machine;
//! - everywhere else (musl, macOS, Windows, wasm, and without `std`), the pure-Rust ports
//!   of this module for `exp`, `log`, `log2`, `pow`, `log1p`, `expm1`, and the correctly
//!   rounded `acos`, `sin` and `cos` (CORE-MATH);
//! - with the feature `system-libm`, the platform's libm everywhere (to match a NumPy built
//!   against that libm, e.g. on macOS or Windows).
//!
//! glibc's `sin`, `cos` and `acos` are IBM's LGPL code with no permissive equal. They are
//! within 1 ulp but not correctly rounded, so the correctly rounded ports are the nearest
//! permissive match: they differ from glibc on about 1.4 in 10^3 arguments of [0, 2 pi)
//! (`sin`/`cos`) and 7 in 10^4 of [-1, 1] (`acos`), where fdlibm's (musl's) `sin`/`cos`
//! differ on about 3%. `vonmises` and CPython's `gauss` therefore match NumPy/CPython
//! exactly on glibc, and elsewhere in all but those rare last bits (see the README's
//! platform note).
//!
//! The bulk paths call [`np_log_slice`] and [`np_exp_slice`]: element for element the bits
//! of `np_log` / `np_exp`, four lanes at a time where the CPU has AVX2 and FMA.
//!
//! f32 kernels (NumPy's `logf`, `expf`, `powf`, `log1pf`) call the platform's float
//! functions with `std`; without it, ports of glibc 2.36's x86-64 ones (`super::soft`,
//! equal to them bit for bit in the tests).

/// NumPy's libm calls as methods, so kernels keep NumPy's expression order: the ones
/// with a float32 form in NumPy's kernels (`logf`, `expf`, `powf`, `log1pf`).
pub(crate) trait NpMath: Copy {
    /// C `log(x)`.
    fn np_log(self) -> Self;
    /// C `exp(x)`.
    fn np_exp(self) -> Self;
    /// C `pow(x, y)`.
    fn np_pow(self, y: Self) -> Self;
    /// C `log1p(x)`.
    fn np_log1p(self) -> Self;
}

/// The libm calls only double-precision kernels make.
// `np_sin` and `np_log2` are CPython's (`gauss`, `getrandbits` sizing): unused without
// the `python` feature.
#[cfg_attr(not(feature = "python"), allow(dead_code))]
pub(crate) trait NpMathF64: NpMath {
    /// C `log2(x)`.
    fn np_log2(self) -> Self;
    /// C `expm1(x)`.
    fn np_expm1(self) -> Self;
    /// C `cos(x)`.
    fn np_cos(self) -> Self;
    /// C `sin(x)`.
    fn np_sin(self) -> Self;
    /// C `acos(x)`.
    fn np_acos(self) -> Self;
}

/// True where `std`'s float functions are glibc's, or where the user asked for the
/// platform's libm.
/// Without `std` there are no float methods to call: always the ports.
const SYSTEM: bool = cfg!(all(
    feature = "std",
    any(
        feature = "system-libm",
        all(target_os = "linux", target_env = "gnu")
    )
));

/// Whether the slice forms take the vector kernels of [`super::log_slice`],
/// [`super::exp_slice`] and [`super::pow_slice`]. Not with `system-libm` (they are glibc's bits, not the
/// platform's), and not on glibc without AVX2 + FMA: there glibc runs its SSE2 copies,
/// whose last bits differ (the NumPy beside nprand on that machine gets those), and the
/// ports would only compute FMA bits slowly in software.
#[inline]
fn vector_slices() -> bool {
    !cfg!(feature = "system-libm") && (!SYSTEM || super::slice_common::has_avx2_fma())
}

/// `x[i] = x[i].np_log()` for every element, vectorised where that gives the same bits.
#[inline]
pub(crate) fn np_log_slice(x: &mut [f64]) {
    if vector_slices() {
        super::log_slice(x);
    } else {
        for v in x {
            *v = v.np_log();
        }
    }
}

/// `x[i] = -x[i].np_log()` for every element, vectorised where that gives the same bits.
#[inline]
pub(crate) fn np_neg_log_slice(x: &mut [f64]) {
    if vector_slices() {
        super::log_slice::neg_log_slice(x);
    } else {
        for v in x {
            *v = -v.np_log();
        }
    }
}

/// `x[i] = x[i].np_exp()` for every element, vectorised where that gives the same bits.
#[inline]
pub(crate) fn np_exp_slice(x: &mut [f64]) {
    if vector_slices() {
        super::exp_slice(x);
    } else {
        for v in x {
            *v = v.np_exp();
        }
    }
}

/// `x[i] = x[i].np_pow(y)` for every element, vectorised where that gives the same bits.
#[inline]
pub(crate) fn np_pow_slice(x: &mut [f64], y: f64) {
    if vector_slices() {
        super::pow_slice(x, y);
    } else {
        for v in x {
            *v = v.np_pow(y);
        }
    }
}

impl NpMath for f64 {
    #[inline]
    fn np_log(self) -> f64 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.ln();
        }
        super::log(self)
    }
    #[inline]
    fn np_exp(self) -> f64 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.exp();
        }
        super::exp(self)
    }
    #[inline]
    fn np_pow(self, y: f64) -> f64 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.powf(y);
        }
        super::pow(self, y)
    }
    #[inline]
    fn np_log1p(self) -> f64 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.ln_1p();
        }
        super::log1p(self)
    }
}

impl NpMathF64 for f64 {
    #[inline]
    fn np_log2(self) -> f64 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.log2();
        }
        super::log2(self)
    }
    #[inline]
    fn np_expm1(self) -> f64 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.exp_m1();
        }
        super::expm1(self)
    }
    #[inline]
    fn np_cos(self) -> f64 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.cos();
        }
        super::cos(self)
    }
    #[inline]
    fn np_sin(self) -> f64 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.sin();
        }
        super::sin(self)
    }
    #[inline]
    fn np_acos(self) -> f64 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.acos();
        }
        super::acos(self)
    }
}

/// glibc's functions where `std`'s are glibc's (or the user asked for the platform's),
/// else nprand's ports of glibc 2.36's x86-64 functions (`super::soft`): Linux NumPy's
/// float32 bits on musl, wasm, macOS, Windows and without `std`.
impl NpMath for f32 {
    #[inline]
    fn np_log(self) -> f32 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.ln();
        }
        super::soft::logf(self)
    }
    #[inline]
    fn np_exp(self) -> f32 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.exp();
        }
        super::soft::expf(self)
    }
    #[inline]
    fn np_pow(self, y: f32) -> f32 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.powf(y);
        }
        super::soft::powf(self, y)
    }
    #[inline]
    fn np_log1p(self) -> f32 {
        #[cfg(feature = "std")]
        if SYSTEM {
            return self.ln_1p();
        }
        super::soft::log1pf(self)
    }
}
