//! The public Rust API never panics, aborts or hangs on extreme sizes and parameters
//! (issue #12): every call returns `Ok` or `Err`, and an `Err` raised before drawing
//! leaves the generator as it was.
//!
//! - `numpy_limits`: the calls of `fixtures/limits/cases.json` (written by
//!   `scripts/fixgen/limits.py` from NumPy 2.4.6 / CPython 3.11 under a 4 GB
//!   address-space limit), each id mapped to one Rust call here: the same exception type
//!   and message, and the state unchanged.
//! - `proptest` cases: random extreme sizes and parameters over the sized methods of
//!   `RandomState`, `Generator` (PCG64 and MT19937), `python::Random`, `SeedSequence` and
//!   the bit generators; only "no panic" and "an `Err` leaves the state" are asserted.
#![cfg(feature = "python")]

use nprand::generator::{default_rng, Generator, MvhgMethod};
use nprand::legacy::CheckValid;
use nprand::python::Random;
use nprand::{BitGenerator, Mt19937, Pcg64, RandomState, Result, SeedSequence};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// A call on fresh generators (seed 0, as the script's), its result reduced to `()`.
fn call(id: &str) -> Result<()> {
    let mut rs = RandomState::new(0);
    let mut g = default_rng(0);
    let mut r = Random::new(0u32);
    let mut ss = SeedSequence::new(0);
    let before = (rs.clone(), g.clone(), r.getstate(), ss.clone());
    let eye = [1.0, 0.0, 0.0, 1.0];
    let p3 = [0.2, 0.3, 0.5];
    let res: Result<()> = match id {
        "rs_rand_2p40_2p40" => rs.rand(&[1 << 40, 1 << 40]).map(drop),
        "rs_rand_max_max" => rs.rand(&[usize::MAX, usize::MAX]).map(drop),
        "rs_rand_2p59" => rs.rand(&[1 << 59]).map(drop),
        "rs_rand_65_dims" => rs.rand(&[1; 65]).map(drop),
        "rs_rand_zero_then_huge" => rs.rand(&[0, 1 << 62, 1 << 62]).map(drop),
        "rs_randn_2p40_2p40" => rs.randn(&[1 << 40, 1 << 40]).map(drop),
        "rs_bytes_2p62" => rs.bytes(1 << 62).map(drop),
        "rs_bytes_2p63m1" => rs.bytes((1 << 63) - 1).map(drop),
        "rs_bytes_2p63" => rs.bytes(1 << 63).map(drop),
        "rs_permutation_2p59" => rs.permutation(1 << 59).map(drop),
        "rs_permutation_2p62" => rs.permutation(1 << 62).map(drop),
        "rs_choice_1e18_0_noreplace" => rs
            .choice_index(10i64.pow(18), Some(&[0]), false, None)
            .map(drop),
        "rs_choice_3_2p59" => rs.choice_index(3, Some(&[1 << 59]), true, None).map(drop),
        "rs_choice_3_2p59_p" => rs
            .choice_index(3, Some(&[1 << 59]), true, Some(&p3))
            .map(drop),
        "rs_choice_3_2p63" => rs.choice_index(3, Some(&[1 << 63]), true, None).map(drop),
        "rs_mvn_2p59" => rs
            .multivariate_normal(&[0.0, 0.0], &eye, (2, 2), 1 << 59, CheckValid::Warn, 1e-8)
            .map(drop),
        "rs_mvn_2p62" => rs
            .multivariate_normal(&[0.0, 0.0], &eye, (2, 2), 1 << 62, CheckValid::Warn, 1e-8)
            .map(drop),
        "rs_normal_65_dims" => {
            let spec = nprand::legacy::broadcast::find("standard_normal").unwrap();
            rs.broadcast(spec, &[], Some(&[1; 65])).map(drop)
        }
        "g_bytes_2p62" => g.bytes(1 << 62).map(drop),
        "g_bytes_2p63" => g.bytes(1 << 63).map(drop),
        "g_choice_1_2p32_2p32" => g
            .choice_index(1, Some(&[1 << 32, 1 << 32]), true, None, true)
            .map(drop),
        "g_choice_3_2p59" => g
            .choice_index(3, Some(&[1 << 59]), true, None, true)
            .map(drop),
        "g_choice_3_2p59_p" => g
            .choice_index(3, Some(&[1 << 59]), true, Some(&p3), true)
            .map(drop),
        "g_choice_1e18_1e17_noreplace" => g
            .choice_index(10i64.pow(18), Some(&[10usize.pow(17)]), false, None, true)
            .map(drop),
        "g_dirichlet_2p59" => g.dirichlet(&[1.0, 1.0], Some(&[1 << 59])).map(drop),
        "g_dirichlet_2p62" => g.dirichlet(&[1.0, 1.0], Some(&[1 << 62])).map(drop),
        "g_multinomial_2p59" => g.multinomial(10, &[0.5, 0.5], Some(&[1 << 59])).map(drop),
        "g_mvhg_2p62" => g
            .multivariate_hypergeometric(&[1, 1], 1, Some(&[1 << 62]), MvhgMethod::Marginals)
            .map(drop),
        "g_mvhg_count_2p58" => g
            .multivariate_hypergeometric(&[1 << 58, 1 << 58], 1, Some(&[1]), MvhgMethod::Count)
            .map(drop),
        "g_permutation_2p59" => g.permutation(1 << 59).map(drop),
        "g_spawn_2p31" => g.spawn(1 << 31).map(drop),
        "g_normal_65_dims" => {
            // standard_normal(size) is normal(0, 1, size) in Generator's table.
            let spec = nprand::generator::broadcast::find("normal").unwrap();
            let p = |x| nprand::array::NdArray::scalar(nprand::common::Num::F(x));
            g.broadcast(spec, &[p(0.0), p(1.0)], Some(&[1; 65]))
                .map(drop)
        }
        "bg_random_raw_2p62" => g.bit_generator_mut().random_raw(1 << 62).map(drop),
        "bg_random_raw_2p59" => g.bit_generator_mut().random_raw(1 << 59).map(drop),
        "ss_generate_state_2p59" => ss.generate_state(1 << 59).map(drop),
        "ss_generate_state_2p62" => ss.generate_state(1 << 62).map(drop),
        "ss_generate_state_u64_2p62" => ss.generate_state_u64(1 << 62).map(drop),
        "ss_spawn_2p63" => ss.spawn(1 << 63).map(drop),
        "ss_pool_size_2p59" => {
            SeedSequence::with_options(0u32, Vec::<u32>::new(), 1 << 59, 0).map(drop)
        }
        "ss_pool_size_2p62" => {
            SeedSequence::with_options(0u32, Vec::<u32>::new(), 1 << 62, 0).map(drop)
        }
        "ss_pool_size_2p63" => {
            SeedSequence::with_options(0u32, Vec::<u32>::new(), 1 << 63, 0).map(drop)
        }
        "py_randbytes_2p28" => r.randbytes(1 << 28).map(drop),
        "py_choices_2p63" => r.choices(&[1], None, None, 1 << 63).map(drop),
        "py_choices_cum_2p63" => r
            .choices(&[1, 2], None, Some(&[1.0, 2.0]), 1 << 63)
            .map(drop),
        "py_sample_range_2p63" => r.sample_indices(1 << 63, 3).map(drop),
        "py_sample_counts_2p62" => r.sample_counts(&[1, 2], &[1 << 62, 1 << 62], 5).map(drop),
        other => panic!("no Rust call for fixture id {other}"),
    };
    if res.is_err() {
        assert!(rs == before.0, "{id}: RandomState moved");
        assert!(g == before.1, "{id}: Generator moved");
        assert!(r.getstate() == before.2, "{id}: Random moved");
        assert!(ss == before.3, "{id}: SeedSequence changed");
    }
    res
}

#[test]
fn numpy_limits() {
    let text = std::fs::read_to_string("fixtures/limits/cases.json").unwrap();
    let cases: BTreeMap<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert!(cases.len() >= 40);
    for (id, c) in &cases {
        let err = call(id).expect_err(id);
        assert_eq!(err.kind().name(), c["type"], "{id}: {}", c["call"]);
        assert_eq!(err.message(), c["message"], "{id}: {}", c["call"]);
    }
}

/// Sizes from the edges: 0, small, around the `isize`/`usize` limits, powers of two.
fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        0usize..4,
        Just(usize::MAX),
        Just(isize::MAX as usize),
        Just(1usize << 62),
        Just(1usize << 59),
        Just(1usize << 40),
        (0u32..64).prop_map(|k| 1usize << k),
    ]
}

/// Shapes: up to 66 dimensions of edge sizes (products overflow), kept small unless huge.
fn shape() -> impl Strategy<Value = Vec<usize>> {
    prop_oneof![
        prop::collection::vec(size(), 0..4),
        (60usize..67).prop_map(|n| vec![1; n]),
    ]
    .prop_filter("no real allocation", |s| {
        let n = s.iter().try_fold(1usize, |a, &d| a.checked_mul(d));
        !matches!(n, Some(n) if (1 << 16..1 << 40).contains(&n))
    })
}

fn param() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(-1.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(1e300),
        Just(5e-324),
        Just(0.5),
        Just(2.0),
    ]
}

/// A small allocation must really happen; a big one (>= 2**16 elements and < 2**40)
/// would only be slow, so the strategies avoid it.
fn small(n: usize) -> bool {
    n < 1 << 16
}

fn check<S: Clone + PartialEq + std::fmt::Debug, T>(
    state: &mut S,
    f: impl FnOnce(&mut S) -> Result<T>,
) {
    let before = state.clone();
    if f(state).is_err() {
        assert_eq!(*state, before, "an Err moved the state");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_state_sizes(dims in shape(), n in size(), k in size(), a in param(), b in param()) {
        let mut rs = RandomState::new(1);
        check(&mut rs, |rs| rs.rand(&dims));
        check(&mut rs, |rs| rs.randn(&dims));
        if small(n) || n > 1 << 58 {
            check(&mut rs, |rs| rs.bytes(n));
            check(&mut rs, |rs| rs.permutation(n as i64));
            check(&mut rs, |rs| rs.choice_index(n as i64, Some(&[k.min(3)]), false, None));
        }
        if small(k) || k > 1 << 58 {
            check(&mut rs, |rs| rs.choice_index(3, Some(&[k]), true, None));
            check(&mut rs, |rs| rs.choice_index(3, Some(&[k]), true, Some(&[0.2, 0.3, 0.5])));
            check(&mut rs, |rs| rs.choice(&[1, 2], Some(&[k]), false, None));
            check(&mut rs, |rs| rs.multivariate_normal(&[a, b], &[1.0, 0.0, 0.0, 1.0], (2, 2), k, CheckValid::Ignore, 1e-8));
        }
        for name in ["normal", "uniform", "gamma", "beta", "poisson", "zipf", "vonmises", "binomial", "logseries", "hypergeometric"] {
            let spec = nprand::legacy::broadcast::find(name).unwrap();
            let params: Vec<_> = [a, b, 3.0].iter().take(spec.params.len())
                .map(|&x| nprand::array::NdArray::scalar(nprand::common::Num::F(x))).collect();
            check(&mut rs, |rs| rs.broadcast(spec, &params, Some(&dims)));
        }
    }

    #[test]
    fn generator_sizes(dims in shape(), n in size(), k in size(), a in param(), b in param()) {
        let mut g = default_rng(1);
        let mut m = Generator::new(Mt19937::new(1));
        for g in [&mut g as &mut dyn GenLike, &mut m] {
            g.run(&dims, n, k, a, b);
        }
    }

    #[test]
    fn python_and_seed_sequence_sizes(n in size(), k in size(), c in size()) {
        let mut r = Random::new(3u32);
        let st = |r: &Random| r.getstate();
        let s0 = st(&r);
        if r.randbytes(n).is_err() { prop_assert_eq!(st(&r), s0.clone()); }
        if small(k) || k > 1 << 58 {
            let s = st(&r);
            if r.choices(&[1, 2], None, None, k).is_err() { prop_assert_eq!(st(&r), s); }
            let s = st(&r);
            if r.choices(&[1, 2], Some(&[1.0, 2.0]), None, k).is_err() { prop_assert_eq!(st(&r), s); }
            if small(n) || n > 1 << 58 {
                let s = st(&r);
                if r.sample_indices(n as u64, k).is_err() { prop_assert_eq!(st(&r), s); }
            }
            if small(c) || c > 1 << 58 {
                let s = st(&r);
                let cc = c.min(i64::MAX as usize) as i64;
                if r.sample_counts(&[1, 2], &[cc, cc], k).is_err() { prop_assert_eq!(st(&r), s); }
            }
        }
        let mut ss = SeedSequence::new(5);
        if small(n) || n > 1 << 58 {
            check(&mut ss, |ss| ss.generate_state(n));
            check(&mut ss, |ss| ss.generate_state_u64(n));
            check(&mut ss, |ss| ss.spawn(n));
            let mut bg = Pcg64::new(2);
            check(&mut bg, |bg| bg.random_raw(n));
            check(&mut bg, |bg| nprand::SeedableBitGenerator::spawn(bg, n));
        }
    }
}

/// Both Generators through one body.
trait GenLike {
    fn run(&mut self, dims: &[usize], n: usize, k: usize, a: f64, b: f64);
}

impl<B: BitGenerator + Clone + PartialEq + std::fmt::Debug> GenLike for Generator<B> {
    fn run(&mut self, dims: &[usize], n: usize, k: usize, a: f64, b: f64) {
        let g = self;
        if small(n) || n > 1 << 58 {
            check(g, |g| g.bytes(n));
            check(g, |g| g.permutation(n as i64));
            check(g, |g| {
                g.choice_index(n as i64, Some(&[k.min(3)]), false, None, true)
            });
        }
        check(g, |g| g.choice_index(3, Some(dims), true, None, true));
        check(g, |g| g.choice_index(1, Some(dims), false, None, false));
        if small(k) || k > 1 << 58 {
            check(g, |g| g.dirichlet(&[a.abs(), 1.0], Some(&[k])));
            check(g, |g| g.multinomial(5, &[0.5, 0.5], Some(&[k])));
            check(g, |g| {
                g.multivariate_hypergeometric(&[2, 3], 2, Some(&[k]), MvhgMethod::Count)
            });
            check(g, |g| {
                g.multivariate_hypergeometric(
                    &[1 << 58, 1],
                    1,
                    Some(&[k.min(1)]),
                    MvhgMethod::Count,
                )
            });
        }
        check(g, |g| g.permuted(&[1, 2, 3], dims, Some(0)));
        check(g, |g| g.permuted(&[1, 2, 3], &[2, 2], Some(0)));
        check(g, |g| g.permuted(&[1, 2, 3, 4], &[2, 2], Some(-3)));
        for name in [
            "normal",
            "uniform",
            "gamma",
            "beta",
            "poisson",
            "zipf",
            "vonmises",
            "binomial",
            "logseries",
            "hypergeometric",
            "standard_gamma_f32",
        ] {
            if let Some(spec) = nprand::generator::broadcast::find(name) {
                let params: Vec<_> = [a, b, 3.0]
                    .iter()
                    .take(spec.params.len())
                    .map(|&x| nprand::array::NdArray::scalar(nprand::common::Num::F(x)))
                    .collect();
                check(g, |g| g.broadcast(spec, &params, Some(dims)));
            }
        }
    }
}

#[test]
fn permuted_checks_the_data_length() {
    // No NumPy counterpart (a NumPy array carries its shape): nprand's own ValueError.
    let e = default_rng(0)
        .permuted(&[1, 2, 3], &[2, 2], Some(0))
        .unwrap_err();
    assert_eq!(e.kind(), nprand::ErrorKind::ValueError);
}

#[test]
fn an_all_zero_mt19937_state_is_detectable() {
    // NumPy accepts it (fixtures/legacy: state_all_zero_key draws zeros); its rejection
    // loops never end on it, so a caller can test for it first.
    let mut st = RandomState::new(0).get_state();
    st.key = [0; 624];
    let mut rs = RandomState::new(0);
    rs.set_state(&st).unwrap();
    assert!(rs.bit_generator().is_degenerate());
    st.key[0] = 0x7fff_ffff; // the unused low 31 bits of word 0 do not help
    rs.set_state(&st).unwrap();
    assert!(rs.bit_generator().is_degenerate());
    st.key[0] = 0x8000_0000;
    rs.set_state(&st).unwrap();
    assert!(!rs.bit_generator().is_degenerate());
}
