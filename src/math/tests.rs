//! Tests of `nprand::math`: IEEE special values everywhere, and on Linux/glibc a
//! comparison with the platform libm (which the functions are built to equal).

use super::inputs::{self, SplitMix};
use super::{expm1, log1p};

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
