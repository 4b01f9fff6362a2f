//! The calls of `fixtures/limits/cases.json` (NumPy 2.4.6 / CPython 3.11 under a 4 GB
//! address-space limit), each id mapped to one Rust call: the same exception type and
//! message, and the state unchanged.

use nprand::generator::{default_rng, MvhgMethod};
use nprand::legacy::CheckValid;
use nprand::python::Random;
use nprand::{RandomState, Result, SeedSequence};
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
            .multivariate_normal_raw(&[0.0, 0.0], &eye, (2, 2), 1 << 59, CheckValid::Warn, 1e-8)
            .map(drop),
        "rs_mvn_2p62" => rs
            .multivariate_normal_raw(&[0.0, 0.0], &eye, (2, 2), 1 << 62, CheckValid::Warn, 1e-8)
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
