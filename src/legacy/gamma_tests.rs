//! Tests of `legacy/gamma.rs`.

use super::*;
use crate::math::np::NpMath;
use proptest::prelude::*;

#[test]
fn zero_shape_draws_nothing() {
    let mut rs = RandomState::new(3);
    assert_eq!(rs.standard_gamma(0.0).unwrap(), 0.0);
    assert_eq!(rs.gamma(0.0, 5.0).unwrap(), 0.0);
    assert_eq!(rs, RandomState::new(3));
}

#[test]
fn dirichlet_rows_are_independent_draws_in_order() {
    let alpha = [0.3, 1.0, 4.0];
    let mut a = RandomState::new(11);
    let mut b = a.clone();
    let mut out = [0.0; 12];
    a.dirichlet_into(&mut out, &alpha).unwrap();
    let rows: Vec<f64> = (0..4)
        .flat_map(|_| b.dirichlet(&alpha, None).unwrap())
        .collect();
    assert_eq!(out.to_vec(), rows);
    assert_eq!(a, b);
    assert!(a.dirichlet_into(&mut [0.0; 2], &[]).is_err());
    assert!(a.dirichlet_into(&mut [], &[]).is_ok());
    assert_eq!(a.dirichlet(&[f64::NAN, 1.0], None).unwrap().len(), 2);
}

use super::super::test_util::{assert_bits, assert_same_state, ref_gauss, start, starts, SIZES};

/// NumPy's `legacy_standard_exponential`, one draw at a time (the reference).
fn ref_exponential(rs: &mut RandomState) -> f64 {
    -(1.0 - rs.bitgen.next_f64()).np_log()
}

/// NumPy's `legacy_standard_gamma` as it was written before the bulk kernels (the
/// reference; per-call constants, scalar draws).
fn ref_standard_gamma(rs: &mut RandomState, shape: f64) -> f64 {
    if shape == 1.0 {
        return ref_exponential(rs);
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = rs.bitgen.next_f64();
            let v = ref_exponential(rs);
            if u <= 1.0 - shape {
                let x = u.np_pow(1.0 / shape);
                if x <= v {
                    return x;
                }
            } else {
                let y = -((1.0 - u) / shape).np_log();
                let x = (1.0 - shape + shape * y).np_pow(1.0 / shape);
                if x <= v + y {
                    return x;
                }
            }
        }
    }
    let b = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * b).sqrt();
    loop {
        let (x, v) = loop {
            let x = ref_gauss(rs);
            let v = 1.0 + c * x;
            if !(v <= 0.0) {
                break (x, v);
            }
        };
        let v = v * v * v;
        let u = rs.bitgen.next_f64();
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return b * v;
        }
        if u.np_log() < 0.5 * x * x + b * (1.0 - v + v.np_log()) {
            return b * v;
        }
    }
}

/// Every bulk and scalar form of the exponential and gamma family from `start`,
/// against the reference: values bitwise and the final state.
fn check_gamma_family(start: &RandomState, n: usize, shape: f64) {
    let what = format!(
        "n {n} shape {shape} from pos {} cached {}",
        start.bitgen.pos(),
        start.has_gauss
    );
    let reference = |f: &dyn Fn(&mut RandomState) -> f64| {
        let mut r = start.clone();
        let v: Vec<f64> = (0..n).map(|_| f(&mut r)).collect();
        (v, r)
    };
    let check = |bulk: &dyn Fn(&mut RandomState, &mut [f64]),
                 scalar: &dyn Fn(&mut RandomState) -> f64,
                 expect: &(Vec<f64>, RandomState),
                 name: &str| {
        check_one(start, n, &format!("{name}, {what}"), bulk, scalar, expect)
    };
    let sg = reference(&|r| ref_standard_gamma(r, shape));
    check(
        &|r, o| r.standard_gamma_into(o, shape).unwrap(),
        &|r| r.standard_gamma(shape).unwrap(),
        &sg,
        "standard_gamma",
    );
    let g = reference(&|r| 0.75 * ref_standard_gamma(r, shape));
    check(
        &|r, o| r.gamma_into(o, shape, 0.75).unwrap(),
        &|r| r.gamma(shape, 0.75).unwrap(),
        &g,
        "gamma",
    );
    let df = 2.0 * shape + 0.5;
    if df > 0.0 || df.is_nan() {
        let c = reference(&|r| 2.0 * ref_standard_gamma(r, df / 2.0));
        check(
            &|r, o| r.chisquare_into(o, df).unwrap(),
            &|r| r.chisquare(df).unwrap(),
            &c,
            "chisquare",
        );
    }
}

fn check_one(
    start: &RandomState,
    n: usize,
    what: &str,
    bulk: &dyn Fn(&mut RandomState, &mut [f64]),
    scalar: &dyn Fn(&mut RandomState) -> f64,
    expect: &(Vec<f64>, RandomState),
) {
    let mut a = start.clone();
    let mut out = vec![f64::NAN; n];
    bulk(&mut a, &mut out);
    assert_bits(&out, &expect.0, &format!("bulk {what}"));
    assert_same_state(&a, &expect.1, &format!("bulk {what}"));
    let mut b = start.clone();
    let v: Vec<f64> = (0..n).map(|_| scalar(&mut b)).collect();
    assert_bits(&v, &expect.0, &format!("scalar {what}"));
    assert_same_state(&b, &expect.1, &format!("scalar {what}"));
}

fn check_exponential(start: &RandomState, n: usize) {
    let what = format!("n {n} from pos {}", start.bitgen.pos());
    let mut r = start.clone();
    let expect: Vec<f64> = (0..n).map(|_| ref_exponential(&mut r)).collect();
    let mut a = start.clone();
    let mut out = vec![f64::NAN; n];
    a.standard_exponential_into(&mut out);
    assert_bits(&out, &expect, &what);
    assert_same_state(&a, &r, &what);
    let mut b = start.clone();
    b.exponential_into(&mut out, 3.5).unwrap();
    let scaled: Vec<f64> = expect.iter().map(|&e| 3.5 * e).collect();
    assert_bits(&out, &scaled, &what);
    assert_same_state(&b, &r, &what);
    let mut c = start.clone();
    let v: Vec<f64> = (0..n).map(|_| c.standard_exponential()).collect();
    assert_bits(&v, &expect, &what);
    assert_same_state(&c, &r, &what);
}

#[test]
fn standard_exponential_into_matches_scalar_reference() {
    for s in starts() {
        for &n in SIZES {
            check_exponential(&s, n);
        }
    }
}

/// Shapes just above 1 reject often (`v <= 0` and failed acceptance tests).
#[test]
fn gamma_rejections_match_reference() {
    for s in starts() {
        for shape in [1.0001, 1.01, 1.2, 1.0 + f64::EPSILON] {
            check_gamma_family(&s, 3000, shape);
        }
    }
}

#[test]
fn standard_gamma_into_matches_scalar_reference() {
    for (i, s) in starts().iter().enumerate() {
        for &n in SIZES {
            // the main shapes everywhere, the rarer ones on every fourth start
            let shapes: &[f64] = if i % 4 == 0 {
                &[
                    0.0,
                    1e-300,
                    0.05,
                    0.5,
                    0.999,
                    1.0,
                    1.0 + 1e-12,
                    1.5,
                    2.5,
                    30.0,
                    1e6,
                    f64::NAN,
                    f64::INFINITY,
                ]
            } else {
                &[0.5, 1.0, 2.5]
            };
            for &shape in shapes {
                check_gamma_family(s, n, shape);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn gamma_family_any_start(
        seed: u32,
        skip in 0usize..1300,
        cached in proptest::option::of(-4.0f64..4.0),
        n in 0usize..700,
        shape in prop_oneof![0.0f64..1.0, 1.0f64..50.0, Just(1.0), Just(0.0)],
    ) {
        let s = start(seed, skip, cached);
        check_gamma_family(&s, n, shape);
        check_exponential(&s, n);
    }
}
