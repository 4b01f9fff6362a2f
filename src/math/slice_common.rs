//! What [`super::exp_slice`], [`super::log_slice`], [`super::pow_slice`] and their AVX2
//! and AVX-512 kernels share: the CPU checks, the lane arithmetic two kernels do alike,
//! the scalar recomputation of the lanes a kernel's main path does not cover, and (in
//! tests) the comparison of every path with the scalar one.

/// Whether the AVX2 + FMA kernels of [`super::exp_slice`], [`super::log_slice`] and
/// [`super::pow_slice`] run on this CPU (detected at run time with `std`, else the
/// build's target features: [`cpu_has!`]).
#[inline]
pub(super) fn has_avx2_fma() -> bool {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        cpu_has!("avx2", "fma")
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        false
    }
}

/// Whether the AVX-512 kernels of [`super::slice_avx512`] run on this CPU: AVX-512F,
/// with AVX2 and FMA for their remainders (every AVX-512 CPU has both).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
pub(super) fn has_avx512() -> bool {
    cpu_has!("avx512f", "avx2", "fma")
}

/// Stores the kernel's results `y` (one per element of `c`) into `c`, except the lanes
/// whose bit is set in `mask` (the lanes outside the kernel's main path), which `f`
/// recomputes from the inputs `c` still holds.
///
/// The kernels call this only when `mask != 0` (rare) and store `y` themselves
/// otherwise. It is out of line so that the hot loop does not load the four inputs ahead
/// of its store on the chance that it needs them: those loads went through the same
/// vector load ports as the kernel's constants, its busiest resource (measured on Zen 3:
/// [`super::log_slice`] went from 2.2 to 1.6 ns a value with this and the table change).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[cold]
#[inline(never)]
pub(super) fn store_lanes(c: &mut [f64], y: &[f64], mask: u32, f: impl Fn(f64) -> f64) {
    for (lane, (v, y)) in c.iter_mut().zip(y).enumerate() {
        *v = if mask & (1 << lane) != 0 { f(*v) } else { *y };
    }
}

/// The lanes outside `[0x1p-1022, inf)` of the bits `ix` as signed integers (zero,
/// subnormal, negative, inf, NaN): the special cases of `log` and of `pow`'s base.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2")]
#[inline]
pub(super) fn not_normal_avx2(ix: core::arch::x86_64::__m256i) -> core::arch::x86_64::__m256i {
    use core::arch::x86_64::*;
    _mm256_or_si256(
        _mm256_cmpgt_epi64(_mm256_set1_epi64x(0x0010_0000_0000_0000), ix),
        _mm256_cmpgt_epi64(ix, _mm256_set1_epi64x(0x7fef_ffff_ffff_ffff)),
    )
}

/// The scalar `log::split` on four lanes without the table index: `tmp = ix - off`,
/// `k = tmp >> 52` (arithmetic) as a double and `z`, the input scaled into the table's
/// interval. `k` is built exactly without a 64-bit conversion (AVX2 has none): the 12
/// top bits with the sign bit flipped, placed in the mantissa of 0x1.8p52, minus
/// 0x1.8p52 + 2048.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2")]
#[inline]
pub(super) fn split_avx2(
    ix: core::arch::x86_64::__m256i,
    off: i64,
) -> (
    core::arch::x86_64::__m256i,
    core::arch::x86_64::__m256d,
    core::arch::x86_64::__m256d,
) {
    use core::arch::x86_64::*;
    let tmp = _mm256_sub_epi64(ix, _mm256_set1_epi64x(off));
    let top = _mm256_xor_si256(_mm256_srli_epi64::<52>(tmp), _mm256_set1_epi64x(0x800));
    let kd = _mm256_sub_pd(
        _mm256_castsi256_pd(_mm256_or_si256(
            top,
            _mm256_set1_epi64x(0x4338_0000_0000_0000),
        )),
        _mm256_set1_pd(f64::from_bits(0x4338_0000_0000_0800)),
    );
    let high = _mm256_and_si256(tmp, _mm256_set1_epi64x(0xfff0_0000_0000_0000u64 as i64));
    let z = _mm256_castsi256_pd(_mm256_sub_epi64(ix, high));
    (tmp, kd, z)
}

/// Runs the `N`-lane `kernel` on the last 1 to `N - 1` values of a slice, `rest`, padded
/// with `pad` (an input on the kernel's main path, so no lane is patched): cheaper than
/// the scalar port, whose `mul_add`s are software `fma` calls where the crate is not
/// compiled for FMA.
///
/// # Safety
/// The CPU must have what `kernel` is compiled for.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
pub(super) unsafe fn pad_rest<const N: usize>(
    rest: &mut [f64],
    pad: f64,
    kernel: unsafe fn(&mut [f64]),
) {
    if rest.is_empty() {
        return;
    }
    let mut lanes = [pad; N];
    lanes[..rest.len()].copy_from_slice(rest);
    // SAFETY: the caller's guarantee.
    unsafe { kernel(&mut lanes) };
    rest.copy_from_slice(&lanes[..rest.len()]);
}

/// Stores the four results `y` into `c` (four elements): one vector store when `mask`
/// is 0, else through [`store_lanes`] (the lanes in `mask` recomputed by `f`).
///
/// # Safety
/// `c` has four elements and the CPU supports AVX2.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2")]
#[inline]
pub(super) unsafe fn store_avx2(
    c: &mut [f64],
    y: core::arch::x86_64::__m256d,
    mask: i32,
    f: impl Fn(f64) -> f64,
) {
    use core::arch::x86_64::*;
    if mask == 0 {
        // SAFETY: `c` has four elements (the caller's guarantee).
        unsafe { _mm256_storeu_pd(c.as_mut_ptr(), y) };
    } else {
        let mut ys = [0.0; 4];
        // SAFETY: `ys` has four elements.
        unsafe { _mm256_storeu_pd(ys.as_mut_ptr(), y) };
        store_lanes(c, &ys, mask as u32, f);
    }
}

/// The lanes off `exp`'s main path, from the bits `ix` of its argument: `|x| < 2^-54`
/// or `|x| >= 512` (inf and NaN included), by the top 12 bits without the sign.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2")]
#[inline]
pub(super) fn exp_outside_avx2(ix: core::arch::x86_64::__m256i) -> core::arch::x86_64::__m256i {
    use core::arch::x86_64::*;
    let abstop = _mm256_and_si256(_mm256_srli_epi64::<52>(ix), _mm256_set1_epi64x(0x7ff));
    _mm256_or_si256(
        _mm256_cmpgt_epi64(_mm256_set1_epi64x(0x3c9), abstop),
        _mm256_cmpgt_epi64(abstop, _mm256_set1_epi64x(0x407)),
    )
}

/// The scalar `exp_reduce(x, xtail)` (no sign bias) on four lanes, operation for
/// operation: `ki`, whose low 7 bits index the table and whose bits from 7 up are the
/// scale's exponent, and the reduced argument `r`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2,fma")]
#[inline]
pub(super) fn exp_reduce_avx2(
    x: core::arch::x86_64::__m256d,
    xtail: core::arch::x86_64::__m256d,
) -> (core::arch::x86_64::__m256i, core::arch::x86_64::__m256d) {
    use super::exp_data::{INVLN2N, NEGLN2HIN, NEGLN2LON, SHIFT};
    use core::arch::x86_64::*;
    let kd = _mm256_fmadd_pd(x, _mm256_set1_pd(INVLN2N), _mm256_set1_pd(SHIFT));
    let ki = _mm256_castpd_si256(kd);
    let kd = _mm256_sub_pd(kd, _mm256_set1_pd(SHIFT));
    let r = _mm256_fmadd_pd(kd, _mm256_set1_pd(NEGLN2HIN), x);
    let r = _mm256_fmadd_pd(kd, _mm256_set1_pd(NEGLN2LON), r);
    (ki, _mm256_add_pd(r, xtail))
}

/// The end of `exp`'s main path, operation for operation: from `r`, the table row's
/// `tail` and `sbits` (its other half plus `ki << 45`), `scale + scale * tmp` with
/// `tmp = tail + r + r^2 (C0 + C1 r) + r^4 (C2 + C3 r)`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2,fma")]
#[inline]
pub(super) fn exp_finish_avx2(
    r: core::arch::x86_64::__m256d,
    tail: core::arch::x86_64::__m256d,
    sbits: core::arch::x86_64::__m256i,
) -> core::arch::x86_64::__m256d {
    use super::exp_data::POLY;
    use core::arch::x86_64::*;
    let r2 = _mm256_mul_pd(r, r);
    let c23 = _mm256_fmadd_pd(r, _mm256_set1_pd(POLY[1]), _mm256_set1_pd(POLY[0]));
    let c45 = _mm256_fmadd_pd(r, _mm256_set1_pd(POLY[3]), _mm256_set1_pd(POLY[2]));
    let tmp = _mm256_fmadd_pd(c23, r2, _mm256_add_pd(tail, r));
    let tmp = _mm256_fmadd_pd(_mm256_mul_pd(r2, r2), c45, tmp);
    let scale = _mm256_castsi256_pd(sbits);
    _mm256_fmadd_pd(scale, tmp, scale)
}

/// Every special kind of input of `log` and of `pow`'s base: signed zeros, ±1, the
/// infinities, a quiet and a signalling NaN, the smallest and largest subnormals, the
/// smallest normal and the largest finite value.
#[cfg(test)]
pub(super) fn special_values() -> crate::prelude::Vec<f64> {
    crate::prelude::vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::from_bits(0x7ff4_0000_0000_0001),
        f64::from_bits(1),
        f64::from_bits(0x000f_ffff_ffff_ffff),
        f64::MIN_POSITIVE,
        f64::MAX,
    ]
}

/// xorshift64: the tests' random bit patterns.
#[cfg(test)]
pub(super) fn xorshift(mut s: u64) -> impl FnMut() -> u64 {
    move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    }
}

/// Runs `fast` (a kernel, or the dispatching slice function) and `slow` (its scalar twin)
/// on `input` cut at 0..8 (so every remainder length of 4 and 8 lanes is covered) and
/// asserts the same bits.
#[cfg(test)]
pub(super) fn assert_paths_agree(input: &[f64], fast: fn(&mut [f64]), slow: fn(&mut [f64])) {
    for cut in 0..8 {
        let mut a = input[cut..].to_vec();
        let mut b = a.clone();
        fast(&mut a);
        slow(&mut b);
        for (j, (p, q)) in a.iter().zip(&b).enumerate() {
            assert_eq!(p.to_bits(), q.to_bits(), "input {:e}", input[cut + j]);
        }
    }
}
