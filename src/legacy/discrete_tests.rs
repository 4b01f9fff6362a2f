//! Tests of `legacy/discrete.rs`.

use super::*;
use crate::array::NdArray;
use crate::distr::loggam;
use crate::legacy::broadcast::find;
use proptest::prelude::*;

fn scalar_params(vals: &[Num]) -> Vec<NdArray<Num>> {
    vals.iter().map(|&v| NdArray::scalar(v)).collect()
}

/// The DistSpec kernel through `broadcast` (scalar path, `size=k`) must equal `k`
/// scalar method calls, and so must the `_into` method.
fn check_three_ways(
    name: &str,
    vals: &[Num],
    scalar: fn(&mut RandomState, &[Num]) -> Result<i64>,
    into: fn(&mut RandomState, &mut [i64], &[Num]) -> Result<()>,
) {
    for seed in [0u32, 1, 12345, 4_000_000_000] {
        let k = 25;
        let mut a = RandomState::new(seed);
        let mut b = a.clone();
        let mut c = a.clone();
        let want: Vec<i64> = (0..k).map(|_| scalar(&mut a, vals).unwrap()).collect();
        let mut got = vec![0i64; k];
        into(&mut b, &mut got, vals).unwrap();
        assert_eq!(want, got, "{name} {vals:?} _into");
        let out = c
            .broadcast(find(name).unwrap(), &scalar_params(vals), Some(&[k]))
            .unwrap();
        assert_eq!(
            out,
            super::super::broadcast::Output::I64(NdArray::from_vec(want))
        );
        assert_eq!(a, b);
        assert_eq!(a, c);
    }
}

/// A generator `skip` words into the stream of `seed`.
fn started(seed: u32, skip: usize) -> RandomState {
    let mut rs = RandomState::new(seed);
    for _ in 0..skip {
        rs.bitgen.next_u32();
    }
    rs
}

const BULK_SEEDS: [u32; 3] = [0, 12345, 0xffff_fffe];
const BULK_SKIPS: [usize; 5] = [0, 1, 311, 623, 624];
const BULK_SIZES: [usize; 6] = [0, 1, 2, 17, 623, 10_000];

/// `into` on a clone against `len` per-value `scalar` calls: values and the final
/// state (key, pos) equal.
fn check_bulk(
    what: &str,
    scalar: impl Fn(&mut RandomState) -> i64,
    into: impl Fn(&mut RandomState, &mut [i64]),
) {
    for seed in BULK_SEEDS {
        for skip in BULK_SKIPS {
            for len in BULK_SIZES {
                let start = started(seed ^ skip as u32, skip);
                let mut r = start.clone();
                let want: Vec<i64> = (0..len).map(|_| scalar(&mut r)).collect();
                let mut a = start.clone();
                let mut got = vec![-7i64; len];
                into(&mut a, &mut got);
                let ctx = format!("{what} seed {seed} skip {skip} len {len}");
                assert_eq!(got, want, "{ctx}");
                assert_eq!(a.bitgen.key(), r.bitgen.key(), "key: {ctx}");
                assert_eq!(a.bitgen.pos(), r.bitgen.pos(), "pos: {ctx}");
                assert_eq!(a, r, "{ctx}");
            }
        }
    }
}

#[test]
fn binomial_into_matches_per_value_kernel() {
    for n in [0i64, 1, 5, 20, 100, 1000, 1_000_000] {
        for p in [0.0, 0.01, 0.3, 0.5, 0.7, 1.0] {
            check_bulk(
                &format!("binomial({n}, {p})"),
                |rs| rs.legacy_binomial(n, p),
                |rs, out| rs.binomial_into(out, n, p).unwrap(),
            );
        }
    }
}

#[test]
fn poisson_into_matches_per_value_kernel() {
    for lam in [0.0, 0.5, 5.0, 9.99, 10.0, 30.0, 1000.0, 1e6] {
        check_bulk(
            &format!("poisson({lam})"),
            |rs| rs.random_poisson(lam),
            |rs, out| rs.poisson_into(out, lam).unwrap(),
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn bulk_binomial_poisson_any_start(
        seed: u32,
        skip in 0usize..1300,
        len in 0usize..1500,
        n in 0i64..200,
        p in 0.0f64..=1.0,
        lam in 0.0f64..100.0,
    ) {
        let start = started(seed, skip);
        let mut r = start.clone();
        let want: Vec<i64> = (0..len).map(|_| r.legacy_binomial(n, p)).collect();
        let mut a = start.clone();
        let mut got = vec![0i64; len];
        a.binomial_into(&mut got, n, p).unwrap();
        prop_assert_eq!(&got, &want);
        prop_assert_eq!(&a, &r);
        let want: Vec<i64> = (0..len).map(|_| r.random_poisson(lam)).collect();
        a.poisson_into(&mut got, lam).unwrap();
        prop_assert_eq!(&got, &want);
        prop_assert_eq!(&a, &r);
    }
}

#[test]
fn into_and_broadcast_equal_scalar_calls() {
    for &(n, p) in &[
        (0, 0.5),
        (10, 0.3),
        (100, 0.4),
        (100, 0.9),
        (1000, 0.7),
        (1 << 62, 0.5),
    ] {
        check_three_ways(
            "binomial",
            &[Num::I(n), Num::F(p)],
            |rs, v| rs.binomial(v[0].i(), v[1].f()),
            |rs, o, v| rs.binomial_into(o, v[0].i(), v[1].f()),
        );
    }
    for &lam in &[0.0, 0.5, 9.9, 10.0, 1e6, 1e18] {
        check_three_ways(
            "poisson",
            &[Num::F(lam)],
            |rs, v| rs.poisson(v[0].f()),
            |rs, o, v| rs.poisson_into(o, v[0].f()),
        );
    }
    for &(n, p) in &[
        (0.5, 0.5),
        (1.0, 0.3),
        (7.5, 0.01),
        (3.0, 0.0),
        (f64::NAN, 0.5),
    ] {
        check_three_ways(
            "negative_binomial",
            &[Num::F(n), Num::F(p)],
            |rs, v| rs.negative_binomial(v[0].f(), v[1].f()),
            |rs, o, v| rs.negative_binomial_into(o, v[0].f(), v[1].f()),
        );
    }
    for &p in &[1e-300, 0.01, 0.3, 1.0 / 3.0, 0.5, 1.0] {
        check_three_ways(
            "geometric",
            &[Num::F(p)],
            |rs, v| rs.geometric(v[0].f()),
            |rs, o, v| rs.geometric_into(o, v[0].f()),
        );
    }
    for &(g, b, s) in &[
        (10, 5, 7),
        (5, 10, 7),
        (0, 15, 12),
        (100, 200, 250),
        (1 << 61, 1 << 61, 1 << 60),
    ] {
        check_three_ways(
            "hypergeometric",
            &[Num::I(g), Num::I(b), Num::I(s)],
            |rs, v| rs.hypergeometric(v[0].i(), v[1].i(), v[2].i()),
            |rs, o, v| rs.hypergeometric_into(o, v[0].i(), v[1].i(), v[2].i()),
        );
    }
    for &p in &[0.0, 0.5, 0.99, 0.999999] {
        check_three_ways(
            "logseries",
            &[Num::F(p)],
            |rs, v| rs.logseries(v[0].f()),
            |rs, o, v| rs.logseries_into(o, v[0].f()),
        );
    }
    for &a in &[1.01, 1.5, 2.0, 100.0, 1024.99999] {
        check_three_ways(
            "zipf",
            &[Num::F(a)],
            |rs, v| rs.zipf(v[0].f()),
            |rs, o, v| rs.zipf_into(o, v[0].f()),
        );
    }
}

#[test]
fn multinomial_rows() {
    let pv = [0.1, 0.2, 0.0, 0.3, 0.4];
    let mut a = RandomState::new(9);
    let mut b = a.clone();
    let mut out = vec![0i64; 6 * pv.len()];
    a.multinomial_into(&mut out, 1000, &pv).unwrap();
    for row in out.chunks(pv.len()) {
        assert_eq!(row.iter().sum::<i64>(), 1000);
        assert_eq!(row[2], 0);
        assert_eq!(row, &b.multinomial(1000, &pv, None).unwrap()[..]);
    }
    assert_eq!(a, b);
    // n == 0 and empty pvals draw nothing.
    let before = a.clone();
    assert_eq!(
        a.multinomial(0, &[0.5, 0.5], None).unwrap().data,
        vec![0, 0]
    );
    assert!(a.multinomial(5, &[], None).unwrap().is_empty());
    assert_eq!(a, before);
    assert!(a.multinomial_into(&mut [0; 3], 5, &[0.5, 0.5]).is_err());
}

/// NumPy's order of `multinomial`'s checks: `pvals`, then the output's allocation
/// (`size`), then `n` (the fixtures hold the evaluator's side).
#[test]
fn multinomial_checks_in_numpys_order() {
    let mut rs = RandomState::new(0);
    let before = rs.clone();
    let huge = [1usize << 62];
    let pvals_err = rs.multinomial(-1, &[0.5, 1.5], None).unwrap_err();
    assert_eq!(
        rs.multinomial(-1, &[0.5, 1.5], Some(&huge)).unwrap_err(),
        pvals_err
    );
    let size_err = rs.multinomial(5, &[0.5, 0.5], Some(&huge)).unwrap_err();
    assert_eq!(
        rs.multinomial(-1, &[0.5, 0.5], Some(&huge)).unwrap_err(),
        size_err
    );
    assert_ne!(size_err, rs.multinomial(-1, &[0.5, 0.5], None).unwrap_err());
    assert_eq!(rs, before);
}

/// Errors where NumPy never returns, raised before any draw when they depend on the
/// parameters only.
#[test]
fn never_returning_parameters_are_errors() {
    let mut rs = RandomState::new(3);
    let before = rs.clone();
    assert!(rs.zipf(1025.0).is_err());
    assert!(rs.zipf(f64::INFINITY).is_err());
    assert!(rs.zipf(1.0 + 1e-13).is_err());
    assert!(rs.hypergeometric((1 << 62) + 1, (1 << 62) - 2, 11).is_err());
    assert!(rs.hypergeometric(1 << 62, (1 << 62) - 1, 1 << 61).is_err());
    // d9 == -1 but `maxgb - m + 1` overflows already at Z = 0.
    assert!(rs.hypergeometric(0, i64::MAX, i64::MAX).is_err());
    assert!(rs.hypergeometric(i64::MAX, 0, i64::MAX).is_err());
    assert!(rs
        .broadcast(
            find("zipf").unwrap(),
            &[NdArray::from_vec(vec![Num::F(2000.0)])],
            None
        )
        .is_err());
    assert_eq!(rs, before);
    // Where NumPy's HRUA still returns on these populations (d9 == -1).
    assert!(rs.hypergeometric(i64::MAX, 0, 1 << 62).is_ok());
    assert!(rs.zipf(1024.99999).is_ok());
}

/// MT19937's tempering, inverted: a word `w` placed in the key at `pos` is output
/// as `y` when `w = untemper(y)`.
fn untemper(y: u32) -> u32 {
    let y = y ^ (y >> 18);
    let y = y ^ ((y << 15) & 0xefc6_0000);
    let mut a = y;
    for _ in 0..5 {
        a = y ^ ((a << 7) & 0x9d2c_5680);
    }
    let mut b = a;
    for _ in 0..3 {
        b = a ^ (b >> 11);
    }
    b
}

/// A state whose next double is the largest one, 1 - 2^-53.
fn state_next_double_max() -> RandomState {
    let mut rs = RandomState::new(0);
    let mut st = rs.get_state();
    st.key[0] = untemper(u32::MAX);
    st.key[1] = untemper(u32::MAX);
    st.pos = 0;
    rs.set_state(&st).unwrap();
    let mut probe = rs.clone();
    assert_eq!(probe.next_double(), 1.0 - 2f64.powi(-53));
    rs
}

#[test]
fn geometric_search_stall_is_an_error() {
    // The float partial sums for this p stop below 1 - 2^-53: NumPy loops forever.
    let mut rs = state_next_double_max();
    assert!(rs.geometric(0.33363333333333334).is_err());
    let mut rs = state_next_double_max();
    let spec = find("geometric").unwrap();
    let p = [NdArray::scalar(Num::F(0.33363333333333334))];
    assert!(rs.broadcast(spec, &p, Some(&[3])).is_err());
    // p = 0.5's sums reach the uniform: a (large) value.
    let mut rs = state_next_double_max();
    assert!(rs.geometric(0.5).unwrap() > 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// No panic (debug overflow checks included) and no hang on extreme parameters.
    #[test]
    fn extreme_parameters_do_not_panic(
        seed: u32,
        n in prop_oneof![0i64..100, 0i64..=i64::MAX, Just(i64::MAX)],
        g in prop_oneof![0i64..50, 0i64..=i64::MAX, Just(i64::MAX)],
        b in prop_oneof![0i64..50, 0i64..=i64::MAX],
        s in prop_oneof![1i64..20, 1i64..=i64::MAX],
        p in prop_oneof![0.0f64..=1.0, Just(0.0), Just(1.0), Just(5e-324), Just(1.0 - 1e-16)],
        lam in prop_oneof![0.0f64..20.0, 0.0f64..=POISSON_LAM_MAX_F, Just(POISSON_LAM_MAX_F)],
        x in prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(1e300)],
        a in prop_oneof![1.0f64..3.0, 1.001f64..1100.0, Just(1.0 + 1e-13)],
    ) {
        let mut rs = RandomState::new(seed);
        let mut out = [0i64; 4];
        let _ = rs.binomial_into(&mut out, n, p);
        let _ = rs.poisson_into(&mut out, lam);
        let _ = rs.negative_binomial_into(&mut out, x, p);
        let _ = rs.negative_binomial_into(&mut out, lam + 1e-300, p);
        let _ = rs.geometric_into(&mut out, p);
        let _ = rs.geometric_into(&mut out, x);
        let _ = rs.logseries_into(&mut out, p);
        let _ = rs.logseries_into(&mut out, x);
        let _ = rs.zipf_into(&mut out, a);
        let _ = rs.zipf_into(&mut out, x);
        let _ = rs.hypergeometric_into(&mut out, g, b, s);
        let _ = rs.hypergeometric_into(&mut out, g, b, s.min(10));
        let _ = rs.hypergeometric_into(&mut out, n, g, b);
        let _ = rs.multinomial(n, &[p, 1.0 - p, 0.5], None);
        let _ = rs.multinomial(g, &[p / 3.0, p / 3.0, p / 3.0, 1.0], None);
        prop_assert!(loggam(x).is_nan() || x.is_nan() || loggam(x) == loggam(x));
    }
}

const POISSON_LAM_MAX_F: f64 = super::super::broadcast::POISSON_LAM_MAX;
