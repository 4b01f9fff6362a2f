//! Tests of `nprand::math`: IEEE special values everywhere, and on Linux/glibc a
//! comparison with the platform libm (which the functions are built to equal).

// `inputs` itself serves the glibc comparisons only.
#[cfg_attr(
    not(all(target_os = "linux", target_env = "gnu")),
    allow(unused_imports)
)]
use super::inputs::{self, SplitMix};
use super::np::NpMathF64;
use super::{acos, cos, expm1, log1p, sin};
#[allow(unused_imports)]
use crate::prelude::*;

/// Asserts `ours(x)` and `reference(x)` have the same bits (NaNs: both NaN) for every x.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn assert_same(name: &str, ours: fn(f64) -> f64, reference: fn(f64) -> f64, xs: &[f64]) {
    for &x in xs {
        let (a, b) = (ours(x), reference(x));
        assert!(
            a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            "{name}({x:e} = {:#018x}): ours {a:e} ({:#018x}), glibc {b:e} ({:#018x})",
            x.to_bits(),
            a.to_bits(),
            b.to_bits()
        );
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn draws(seed: u64, input: fn(&mut SplitMix) -> f64, thresholds: &[f64]) -> Vec<f64> {
    let mut rng = SplitMix(seed);
    let mut xs = inputs::special_values(thresholds);
    xs.extend((0..100_000).map(|_| input(&mut rng)));
    xs
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn log1p_equals_glibc() {
    let xs = draws(1, inputs::log1p_input, &inputs::LOG1P_THRESHOLDS);
    assert_same("log1p", log1p, f64::ln_1p, &xs);
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn expm1_equals_glibc() {
    let xs = draws(2, inputs::expm1_input, &inputs::EXPM1_THRESHOLDS);
    assert_same("expm1", expm1, f64::exp_m1, &xs);
}

#[test]
fn log1p_special_values() {
    assert_eq!(log1p(0.0).to_bits(), 0.0f64.to_bits());
    assert_eq!(log1p(-0.0).to_bits(), (-0.0f64).to_bits());
    assert_eq!(log1p(-1.0), f64::NEG_INFINITY);
    assert_eq!(log1p(f64::INFINITY), f64::INFINITY);
    assert!(log1p(f64::NEG_INFINITY).is_nan());
    assert!(log1p(-1.5).is_nan());
    assert!(log1p(f64::NAN).is_nan());
    assert!(log1p(-f64::NAN).is_nan());
    let tiny = f64::from_bits(1);
    assert_eq!(log1p(tiny), tiny);
    assert_eq!(log1p(-tiny), -tiny);
    assert_eq!(log1p(f64::MAX), 709.782_712_893_384);
}

#[test]
fn expm1_special_values() {
    assert_eq!(expm1(0.0).to_bits(), 0.0f64.to_bits());
    assert_eq!(expm1(-0.0).to_bits(), (-0.0f64).to_bits());
    assert_eq!(expm1(f64::INFINITY), f64::INFINITY);
    assert_eq!(expm1(f64::NEG_INFINITY), -1.0);
    assert_eq!(expm1(-50.0), -1.0);
    assert_eq!(expm1(710.0), f64::INFINITY);
    assert!(expm1(f64::NAN).is_nan());
    let tiny = f64::from_bits(1);
    assert_eq!(expm1(tiny), tiny);
    assert_eq!(expm1(-tiny), -tiny);
    assert!(expm1(709.78).is_finite());
}

#[test]
fn log1p_inverts_expm1() {
    // A glibc-free accuracy check: both are within 1 ulp and the round trip is well
    // conditioned on [-1, 5], so it returns x to a few ulps.
    let mut rng = SplitMix(3);
    for _ in 0..10_000 {
        let x = rng.range(-1.0, 5.0);
        let y = log1p(expm1(x));
        assert!(
            (y - x).abs() <= 4.0 * f64::EPSILON * x.abs().max(1e-300),
            "{x}"
        );
    }
}

#[test]
fn acos_special_values() {
    assert_eq!(acos(1.0).to_bits(), 0.0f64.to_bits());
    assert_eq!(acos(-1.0), core::f64::consts::PI);
    assert_eq!(acos(0.0), core::f64::consts::FRAC_PI_2);
    assert_eq!(acos(-0.0), core::f64::consts::FRAC_PI_2);
    assert_eq!(acos(f64::from_bits(1)), core::f64::consts::FRAC_PI_2);
    for x in [1.0 + f64::EPSILON, -1.0 - f64::EPSILON, 2.0, f64::INFINITY] {
        assert!(acos(x).is_nan() && acos(-x).is_nan(), "{x}");
    }
    assert!(acos(f64::NAN).is_nan());
    // Results stay in [0, pi] and decrease with x.
    let mut rng = SplitMix(4);
    for _ in 0..10_000 {
        let (a, b) = (rng.range(-1.0, 1.0), rng.range(-1.0, 1.0));
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        assert!((0.0..=core::f64::consts::PI).contains(&acos(lo)));
        assert!(acos(lo) >= acos(hi), "{lo} {hi}");
    }
}

/// CORE-MATH's listed hard cases of acos, where the triple-double path needs its table
/// of exceptions; the expected bits are MPFR's correctly rounded acos (mpfr_acos at 53
/// bits, round to nearest).
#[test]
fn acos_hard_cases() {
    let cases = [
        (0xbfc7_7116_4bfd_1f84_u64, 0x3ffc_1460_1daa_f657_u64),
        (0xbfe4_510e_e8eb_4e67, 0x4002_11c0_e2c2_559e),
        (0xbfd0_11c5_43f2_3a17, 0x3ffd_318c_90d9_e8b7),
        (0x3fef_ffff_ffff_fdc0, 0x3e98_0000_0000_0024),
        (0x3fb5_3ea6_c725_5e88, 0x3ff7_cdac_b6bb_e707),
        (0x3f4f_d737_be91_4578, 0x3ff9_1e00_6d41_d8d9),
        (0x3fef_ffff_ffff_ff70, 0x3e88_0000_0000_0009),
    ];
    for (x, want) in cases {
        let x = f64::from_bits(x);
        assert_eq!(acos(x).to_bits(), want, "acos({x:e})");
    }
}

/// glibc's acos is not correctly rounded, so ours differs from it at times; it must
/// never differ by more than 1 ulp, and rarely (about 7 in 10^4 on [-1, 1]).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn acos_within_one_ulp_of_glibc() {
    let xs = draws(5, inputs::acos_input, &inputs::ACOS_THRESHOLDS);
    let mut differ = 0;
    for &x in &xs {
        let (a, b) = (acos(x), x.acos());
        if a.to_bits() != b.to_bits() && !(a.is_nan() && b.is_nan()) {
            differ += 1;
            assert_eq!(
                a.to_bits().abs_diff(b.to_bits()),
                1,
                "acos({x:e}): {a:e} vs {b:e}"
            );
        }
    }
    assert!(differ < xs.len() / 500, "{differ} of {} differ", xs.len());
}

#[test]
fn sin_cos_special_values() {
    assert_eq!(sin(0.0).to_bits(), 0.0f64.to_bits());
    assert_eq!(sin(-0.0).to_bits(), (-0.0f64).to_bits());
    assert_eq!(cos(0.0), 1.0);
    assert_eq!(cos(-0.0), 1.0);
    let tiny = f64::from_bits(1);
    assert_eq!(sin(tiny), tiny);
    assert_eq!(sin(-tiny), -tiny);
    assert_eq!(cos(tiny), 1.0);
    for x in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        assert!(sin(x).is_nan() && cos(x).is_nan(), "{x}");
    }
    // Odd and even, bounded by 1, on every scale of argument.
    let mut rng = SplitMix(6);
    for k in 0..20_000 {
        let x = if k % 2 == 0 {
            rng.range(-10.0, 10.0)
        } else {
            rng.scaled(-30, 1023)
        };
        assert_eq!(sin(-x).to_bits(), (-sin(x)).to_bits(), "{x:e}");
        assert_eq!(cos(-x).to_bits(), cos(x).to_bits(), "{x:e}");
        assert!(sin(x).abs() <= 1.0 && cos(x).abs() <= 1.0, "{x:e}");
    }
}

/// Where `std`'s functions are glibc's (NumPy's own libm), `np_sin`/`np_cos` stay
/// glibc's, whatever the CORE-MATH ports would give.
#[cfg(all(feature = "std", target_os = "linux", target_env = "gnu"))]
#[test]
fn np_sin_cos_are_glibc_on_glibc() {
    let mut rng = SplitMix(7);
    for _ in 0..100_000 {
        let x = 2.0 * core::f64::consts::PI * rng.next_double();
        assert_eq!(x.np_sin().to_bits(), x.sin().to_bits(), "{x:e}");
        assert_eq!(x.np_cos().to_bits(), x.cos().to_bits(), "{x:e}");
    }
}

/// The ports' NaNs are glibc's on x86-64: the default NaN for an infinite argument, the
/// argument itself (quietened, sign and payload kept) for a NaN (the MPFR fixture of
/// tests/libm.rs can only say "NaN").
#[cfg(all(
    feature = "std",
    target_os = "linux",
    target_env = "gnu",
    target_arch = "x86_64"
))]
#[test]
fn sin_cos_nans_are_glibc_bits() {
    for bits in [
        0x7ff0_0000_0000_0000u64,
        0xfff0_0000_0000_0000,
        0x7ff0_0000_0000_0001,
        0xfff0_0000_0000_0001,
        0x7ff8_0000_0000_0000,
        0xfff8_0000_0000_0000,
        0x7ff8_0000_0000_0123,
        0x7ff4_0000_0000_0000,
    ] {
        let x = f64::from_bits(bits);
        assert_eq!(sin(x).to_bits(), x.sin().to_bits(), "sin {bits:#x}");
        assert_eq!(cos(x).to_bits(), x.cos().to_bits(), "cos {bits:#x}");
    }
}

/// Everywhere else (musl, macOS, Windows, wasm, no `std`) they are the ports.
#[cfg(not(all(
    feature = "std",
    any(feature = "system-libm", all(target_os = "linux", target_env = "gnu"))
)))]
#[test]
fn np_sin_cos_are_the_ports_elsewhere() {
    let mut rng = SplitMix(8);
    for _ in 0..10_000 {
        let x = 2.0 * core::f64::consts::PI * rng.next_double();
        assert_eq!(x.np_sin().to_bits(), sin(x).to_bits(), "{x:e}");
        assert_eq!(x.np_cos().to_bits(), cos(x).to_bits(), "{x:e}");
    }
}

/// Every port's two copies (`fma_multiversion!`): what `exp`, `sin`, … run (compiled for
/// FMA where the CPU has it) against the portable twin, bit for bit, on special values,
/// random bit patterns and the ranges the kernels use. On a CPU without FMA both are
/// the portable code and the test holds trivially.
#[test]
fn fma_copies_equal_their_portable_twins() {
    use super::soft;
    /// A function's name, the copy it runs and its portable twin.
    type Twins<T> = (&'static str, fn(T) -> T, fn(T) -> T);
    // Bit for bit, but a NaN result only as a NaN: Rust leaves the sign and payload of
    // a NaN that arithmetic returns to the compiler, and two compilations of one body do
    // differ there (`powf(NaN, y)` in release: the sign bit). The NaN bits against glibc
    // are checked where they are defined: the fixtures of tests/libm.rs and
    // `sin_cos_nans_are_glibc_bits`.
    fn same<F: Into<f64> + Copy>(a: F, b: F) -> bool {
        let (a, b) = (a.into(), b.into());
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }
    let mut rng = SplitMix(10);
    let mut xs: Vec<f64> = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, 5e-324, 1e300]
        .into_iter()
        .chain([
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MAX,
            f64::MIN_POSITIVE,
        ])
        .collect();
    for _ in 0..20_000 {
        xs.push(f64::from_bits(rng.next_u64()));
        xs.push(8.0 * rng.next_double() - 4.0);
        xs.push(1.0 + (rng.next_double() - 0.5) / 64.0);
        xs.push(700.0 * (2.0 * rng.next_double() - 1.0));
    }
    let pairs: [Twins<f64>; 8] = [
        ("exp", super::exp, super::exp::exp_portable),
        ("log", super::log, super::log::log_portable),
        ("log2", super::log2, super::log2::log2_portable),
        ("log1p", log1p, super::log1p::log1p_portable),
        ("expm1", expm1, super::expm1::expm1_portable),
        ("acos", acos, super::acos::acos_portable),
        ("sin", sin, super::sin_cos::sin_portable),
        ("cos", cos, super::sin_cos::cos_portable),
    ];
    for (name, f, twin) in pairs {
        for &x in &xs {
            assert!(same(f(x), twin(x)), "{name}({x:e})");
        }
    }
    for w in xs.windows(2) {
        let (x, y) = (w[0].abs(), w[1]);
        let (a, b) = (super::pow(x, y), super::pow::pow_portable(x, y));
        assert!(same(a, b), "pow({x:e}, {y:e})");
        let (xf, yf) = (x as f32, y as f32);
        let (a, b) = (soft::powf(xf, yf), soft::powf_portable(xf, yf));
        assert!(same(a, b), "powf({xf:e}, {yf:e})");
    }
    let f32s: [Twins<f32>; 3] = [
        ("expf", soft::expf, soft::expf_portable),
        ("logf", soft::logf, soft::logf_portable),
        ("log1pf", soft::log1pf, soft::log1pf_portable),
    ];
    for (name, f, twin) in f32s {
        for &x in &xs {
            let x = x as f32;
            assert!(same(f(x), twin(x)), "{name}({x:e})");
        }
    }
}
