//! `nprand::math` against glibc: live (on x86-64 Linux with glibc, where std's `exp`, `ln`,
//! `log2` and `powf` are glibc's) and through `fixtures/libm/cases.txt` (glibc's bits,
//! written by scripts/fixgen/libm.py; checked on every platform), and against results
//! IEEE 754 / C99 Annex F define. examples/libm_verify.rs is the large-scale live check.

use nprand::math::{cos, exp, log, log2, pow, sin};

mod common;

#[allow(dead_code)]
#[path = "../examples/libm_verify.rs"]
mod verify;

/// Every special input and 10^5 random ones per function, bit for bit against glibc.
/// glibc runs the code ported here only on CPUs with FMA and AVX2 (otherwise its SSE2
/// copy, which differs in last bits), so the comparison needs those.
#[cfg(all(target_os = "linux", target_env = "gnu", target_arch = "x86_64"))]
#[test]
fn matches_glibc_bit_for_bit() {
    if !(is_x86_feature_detected!("fma") && is_x86_feature_detected!("avx2")) {
        eprintln!("no FMA/AVX2: glibc runs its SSE2 variant here, nothing to compare");
        return;
    }
    for f in verify::Func::ALL {
        let t = verify::run(f, 100_000, 2, 7);
        assert!(t.tried > 100_000);
        assert_eq!(t.mismatched, 0, "{}: {:#x?}", f.name(), t.first);
    }
}

/// Every case of `fixtures/libm/cases.txt` (glibc 2.36 on x86-64 with FMA), on any platform.
#[test]
fn matches_glibc_fixture() {
    let text = common::read_text("libm/cases.txt");
    let hex = |t: &str| u64::from_str_radix(t, 16).expect("hex bits");
    let mut n = 0;
    for line in text.lines() {
        let t: Vec<&str> = line.split_whitespace().collect();
        let (x, y, want) = (
            f64::from_bits(hex(t[1])),
            f64::from_bits(hex(t[2])),
            hex(t[3]),
        );
        let got = match t[0] {
            "exp" => exp(x),
            "log" => log(x),
            "log2" => log2(x),
            "pow" => pow(x, y),
            other => panic!("unknown function {other}"),
        };
        assert_eq!(got.to_bits(), want, "{line}");
        n += 1;
    }
    assert!(n > 1000);
}

/// `sin` and `cos` (CORE-MATH ports) equal MPFR's correctly rounded results on every
/// case of `fixtures/trig/cases.txt` (scripts/trig_fixture.sh: specials, thresholds,
/// CORE-MATH's worst cases and its listed exceptions, random ranges, and arguments where
/// glibc is not correctly rounded), on any platform.
#[test]
fn sin_cos_match_mpfr_fixture() {
    let text = common::read_text("trig/cases.txt");
    let hex = |t: &str| f64::from_bits(u64::from_str_radix(t, 16).expect("hex bits"));
    // MPFR's NaN has no sign or payload, so a NaN result is checked as a NaN here; its
    // bits are glibc's, checked live on glibc (`sin_cos_nans_are_glibc_bits`).
    let same = |a: f64, b: f64| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan());
    let mut n = 0;
    for line in text.lines() {
        let t: Vec<f64> = line.split_whitespace().map(hex).collect();
        let x = t[0];
        assert!(
            same(sin(x), t[1]),
            "sin: {line} got {:016x}",
            sin(x).to_bits()
        );
        assert!(
            same(cos(x), t[2]),
            "cos: {line} got {:016x}",
            cos(x).to_bits()
        );
        n += 1;
    }
    assert!(n > 2000);
}

/// Bits, so that +0 and -0 and NaN payloads are told apart.
fn b(x: f64) -> u64 {
    x.to_bits()
}

#[test]
fn exp_ieee_cases() {
    assert_eq!(b(exp(0.0)), b(1.0));
    assert_eq!(b(exp(-0.0)), b(1.0));
    assert_eq!(b(exp(f64::INFINITY)), b(f64::INFINITY));
    assert_eq!(b(exp(f64::NEG_INFINITY)), b(0.0));
    assert_eq!(b(exp(710.0)), b(f64::INFINITY));
    assert_eq!(b(exp(f64::MAX)), b(f64::INFINITY));
    assert_eq!(b(exp(-746.0)), b(0.0));
    assert_eq!(b(exp(-f64::MAX)), b(0.0));
    assert_eq!(b(exp(f64::MIN_POSITIVE)), b(1.0));
    // The smallest subnormal and the largest finite result are reached.
    assert_eq!(b(exp(-745.0)), 1);
    assert!(exp(709.78).is_finite() && exp(709.79).is_infinite());
    // exp(k ln2) for integer k is 2^k up to rounding of the argument: monotone and exact
    // at 0, and exp is increasing over a sweep.
    let mut prev = 0.0;
    for i in -7450..7100 {
        let y = exp(f64::from(i) * 0.1);
        assert!(y >= prev, "exp not monotone at {}", f64::from(i) * 0.1);
        prev = y;
    }
}

#[test]
fn log_ieee_cases() {
    assert_eq!(b(log(1.0)), b(0.0));
    assert_eq!(b(log(0.0)), b(f64::NEG_INFINITY));
    assert_eq!(b(log(-0.0)), b(f64::NEG_INFINITY));
    assert_eq!(b(log(f64::INFINITY)), b(f64::INFINITY));
    assert!(log(-1.0).is_nan());
    assert!(log(f64::NEG_INFINITY).is_nan());
    assert!(log(-f64::MIN_POSITIVE).is_nan());
    // log of the smallest subnormal, through the normalisation path, is -1074 ln 2.
    assert!((log(f64::from_bits(1)) + 1074.0 * std::f64::consts::LN_2).abs() < 1e-12);
    let mut prev = f64::NEG_INFINITY;
    for i in 1..100_000 {
        let y = log(f64::from(i) * 0.01);
        assert!(y > prev);
        prev = y;
    }
}

#[test]
fn log2_ieee_cases() {
    assert_eq!(b(log2(1.0)), b(0.0));
    assert_eq!(b(log2(0.0)), b(f64::NEG_INFINITY));
    assert_eq!(b(log2(-0.0)), b(f64::NEG_INFINITY));
    assert_eq!(b(log2(f64::INFINITY)), b(f64::INFINITY));
    assert!(log2(-2.0).is_nan());
    // Powers of two, subnormal ones included, give their exponent exactly.
    for e in -1074i32..=1023 {
        let bits = if e >= -1022 {
            ((e + 1023) as u64) << 52
        } else {
            1u64 << (e + 1074)
        };
        assert_eq!(log2(f64::from_bits(bits)), f64::from(e));
    }
}

#[test]
fn pow_ieee_cases() {
    let nan = f64::NAN;
    let inf = f64::INFINITY;
    for x in [0.0, -0.0, 1.0, -1.0, 2.5, -3.0, inf, -inf, nan] {
        assert_eq!(b(pow(x, 0.0)), b(1.0), "pow({x}, 0)");
        assert_eq!(b(pow(x, -0.0)), b(1.0), "pow({x}, -0)");
    }
    for y in [0.0, 0.5, -2.0, 3.0, inf, -inf, nan] {
        assert_eq!(b(pow(1.0, y)), b(1.0), "pow(1, {y})");
    }
    assert_eq!(b(pow(-1.0, inf)), b(1.0));
    assert_eq!(b(pow(-1.0, -inf)), b(1.0));
    assert!(pow(-8.0, 1.0 / 3.0).is_nan());
    assert!(pow(nan, 1.0).is_nan());
    assert!(pow(2.0, nan).is_nan());
    assert_eq!(pow(-2.0, 3.0), -8.0);
    assert_eq!(pow(-2.0, 2.0), 4.0);
    assert_eq!(pow(2.0, -1074.0), f64::from_bits(1));
    assert_eq!(pow(2.0, 1023.0), 2f64.powi(1023));
    // Signed zeros and infinities (C99 F.9.4.4).
    assert_eq!(b(pow(0.0, -1.0)), b(inf));
    assert_eq!(b(pow(-0.0, -1.0)), b(-inf));
    assert_eq!(b(pow(-0.0, -2.0)), b(inf));
    assert_eq!(b(pow(-0.0, 3.0)), b(-0.0));
    assert_eq!(b(pow(-0.0, 2.0)), b(0.0));
    assert_eq!(b(pow(0.0, 0.5)), b(0.0));
    assert_eq!(b(pow(-0.0, -inf)), b(inf));
    assert_eq!(b(pow(-inf, 3.0)), b(-inf));
    assert_eq!(b(pow(-inf, -3.0)), b(-0.0));
    assert_eq!(b(pow(-inf, 2.0)), b(inf));
    assert_eq!(b(pow(inf, -0.5)), b(0.0));
    assert_eq!(b(pow(0.5, inf)), b(0.0));
    assert_eq!(b(pow(0.5, -inf)), b(inf));
    assert_eq!(b(pow(2.0, inf)), b(inf));
    assert_eq!(b(pow(2.0, -inf)), b(0.0));
    // Overflow and underflow keep the sign of odd powers of negative bases.
    assert_eq!(b(pow(10.0, 309.0)), b(inf));
    assert_eq!(b(pow(-10.0, 309.0)), b(-inf));
    assert_eq!(b(pow(10.0, -400.0)), b(0.0));
    assert_eq!(b(pow(-10.0, -401.0)), b(-0.0));
    // Integer powers of two are exact across the whole range.
    for k in -1074..=1023 {
        assert_eq!(pow(2.0, f64::from(k)), pow(0.5, f64::from(-k)));
    }
}

/// NaN bits follow x86: a NaN argument comes back quiet with its payload and sign, an
/// invalid operation gives the negative default NaN, on every platform.
#[test]
fn nan_bits_follow_x86() {
    let payload = f64::from_bits(0x7ff8_0000_0000_1234);
    let signalling = f64::from_bits(0x7ff4_0000_0000_00ab);
    let negative = f64::from_bits(0xfff0_0000_0000_0001);
    for f in [exp, log, log2] {
        assert_eq!(b(f(payload)), 0x7ff8_0000_0000_1234);
        assert_eq!(b(f(signalling)), 0x7ffc_0000_0000_00ab);
        assert_eq!(b(f(negative)), 0xfff8_0000_0000_0001);
    }
    assert_eq!(b(log(-1.0)), 0xfff8_0000_0000_0000);
    assert_eq!(b(log2(f64::NEG_INFINITY)), 0xfff8_0000_0000_0000);
    assert_eq!(b(pow(-8.0, 1.0 / 3.0)), 0xfff8_0000_0000_0000);
    assert_eq!(b(pow(payload, 2.0)), 0x7ff8_0000_0000_1234);
    assert_eq!(b(pow(2.0, signalling)), 0x7ffc_0000_0000_00ab);
    // pow(sNaN, 0) is quiet NaN (C99 allows 1 only for quiet NaN); pow(qNaN, 0) is 1.
    assert_eq!(b(pow(signalling, 0.0)), 0x7ffc_0000_0000_00ab);
    assert_eq!(b(pow(payload, 0.0)), b(1.0));
    // A negative NaN base with an odd exponent has its sign flipped, as glibc's -x*x does.
    assert_eq!(
        b(pow(f64::from_bits(0xfff8_0000_0000_0007), 3.0)),
        0x7ff8_0000_0000_0007
    );
}
