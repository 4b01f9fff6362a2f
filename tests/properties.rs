//! Property tests named by the foundation issue: state round trips, bulk calls with
//! NumPy's array semantics, `randint` within bounds for every dtype, `permutation` is a
//! permutation. (The call parser's "never panics" property lives in src/cli/parser.rs.)
#![cfg(feature = "json")]

use nprand::generator::{AnyGenerator, BitGenKind};
use nprand::{BitGenerator, LegacyState, Mt19937, RandintDtype, RandomState};
use proptest::prelude::*;

/// A generator somewhere in its stream, possibly with a cached gaussian.
fn state_strategy() -> impl Strategy<Value = RandomState> {
    (any::<u32>(), 0usize..1400, any::<bool>()).prop_map(|(seed, skip, gauss)| {
        let mut rs = RandomState::new(seed);
        let mut sink = vec![0u32; skip];
        rs.bit_generator_mut().fill_u32(&mut sink);
        if gauss {
            rs.standard_normal();
        }
        rs
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn state_round_trips_through_json(rs in state_strategy(), draws in 1usize..50) {
        let json = rs.get_state().to_json();
        let st = LegacyState::from_json(&json).unwrap();
        prop_assert_eq!(&st, &rs.get_state());
        let mut a = rs.clone();
        let mut b = RandomState::new(0);
        b.set_state(&st).unwrap();
        for _ in 0..draws {
            prop_assert_eq!(a.standard_normal().to_bits(), b.standard_normal().to_bits());
        }
        prop_assert_eq!(a, b);
    }

    #[test]
    fn legacy_tuple_json_round_trips(rs in state_strategy()) {
        let st = rs.get_state();
        let key: Vec<String> = st.key.iter().map(|k| k.to_string()).collect();
        let tuple = format!(
            "[\"MT19937\", [{}], {}, {}, {}]",
            key.join(", "),
            st.pos,
            st.has_gauss as u8,
            nprand::fmt::py_float_repr(st.gauss)
        );
        prop_assert_eq!(LegacyState::from_json(&tuple).unwrap(), st);
    }

    #[test]
    fn bulk_calls_equal_repeated_scalar_calls(rs in state_strategy(), n in 0usize..700,
                                              loc in -10.0f64..10.0, scale in 0.0f64..5.0) {
        // For these methods NumPy's size=n call is n scalar draws in a row.
        let (mut a, mut b) = (rs.clone(), rs.clone());
        let mut out = vec![0.0; n];
        a.random_sample_into(&mut out);
        prop_assert!(out.iter().all(|x| x.to_bits() == b.random_sample().to_bits()));
        a.standard_normal_into(&mut out);
        prop_assert!(out.iter().all(|x| x.to_bits() == b.standard_normal().to_bits()));
        a.normal_into(&mut out, loc, scale).unwrap();
        prop_assert!(out.iter().all(|x| x.to_bits() == b.normal(loc, scale).unwrap().to_bits()));
        a.exponential_into(&mut out, scale).unwrap();
        prop_assert!(out.iter().all(|x| x.to_bits() == b.exponential(scale).unwrap().to_bits()));
        a.uniform_into(&mut out, loc, loc + scale).unwrap();
        prop_assert!(out.iter().all(|x| x.to_bits() == b.uniform(loc, loc + scale).unwrap().to_bits()));
        let mut ints = vec![0i64; n];
        a.randint_into(&mut ints, -1000, 1000).unwrap();
        prop_assert!(ints.iter().all(|&x| x == b.randint(-1000, 1000).unwrap()));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn small_dtypes_share_one_word_buffer_per_call(rs in state_strategy(), n in 0usize..300) {
        // NumPy's array call of uint8 over the full range takes 4 values per word, low
        // byte first; n scalar calls would take n words.
        let mut a = rs.clone();
        let mut words = vec![0u32; n.div_ceil(4)];
        rs.clone().bit_generator_mut().fill_u32(&mut words);
        let mut out = vec![0u8; n];
        a.randint_into(&mut out, 0, 256).unwrap();
        for (i, v) in out.iter().enumerate() {
            prop_assert_eq!(*v, words[i / 4].to_le_bytes()[i % 4]);
        }
        let mut c = rs.clone();
        let mut expect: Mt19937 = rs.bit_generator().clone();
        let mut skip = vec![0u32; n.div_ceil(4)];
        expect.fill_u32(&mut skip);
        if n > 0 {
            prop_assert_eq!(a.bit_generator(), &expect);
        }
        for _ in 0..n.min(5) {
            c.randint_dtype::<u8>(0, 256).unwrap();
        }
        let mut one_word_each: Mt19937 = rs.bit_generator().clone();
        let mut skip = vec![0u32; n.min(5)];
        one_word_each.fill_u32(&mut skip);
        prop_assert_eq!(c.bit_generator(), &one_word_each);
    }

    #[test]
    fn randint_stays_within_bounds(rs in state_strategy(), a in any::<i128>(), b in any::<i128>(), n in 1usize..40) {
        fn check<T: RandintDtype + Into<i128> + Copy + Default>(rs: &RandomState, a: i128, b: i128, n: usize) -> Result<(), TestCaseError> {
            let span = T::UB - T::LB + 1;
            let low = T::LB + a.rem_euclid(span);
            let high = low + 1 + b.rem_euclid(T::UB - low + 1);
            let mut r = rs.clone();
            let mut out = vec![T::default(); n];
            r.randint_into(&mut out, low, high).unwrap();
            for v in out {
                let v: i128 = v.into();
                prop_assert!(low <= v && v < high, "{} not in [{}, {}) for {}", v, low, high, T::NAME);
            }
            let v: i128 = rs.clone().randint_dtype::<T>(low, high).unwrap().into();
            prop_assert!(low <= v && v < high);
            prop_assert!(rs.clone().randint_dtype::<T>(low, T::UB + 2).is_err());
            Ok(())
        }
        check::<i8>(&rs, a, b, n)?;
        check::<u8>(&rs, a, b, n)?;
        check::<i16>(&rs, a, b, n)?;
        check::<u16>(&rs, a, b, n)?;
        check::<i32>(&rs, a, b, n)?;
        check::<u32>(&rs, a, b, n)?;
        check::<i64>(&rs, a, b, n)?;
        check::<u64>(&rs, a, b, n)?;
        check::<bool>(&rs, a, b, n)?;
    }

    #[test]
    fn permutation_is_a_permutation(rs in state_strategy(), n in -5i64..3000) {
        let mut p = rs.clone().permutation(n).unwrap();
        p.sort_unstable();
        prop_assert_eq!(p, (0..n.max(0)).collect::<Vec<i64>>());
        let items: Vec<u16> = (0..n.max(0) as u16).rev().collect();
        let mut q = rs.clone().permutation_of(&items);
        q.sort_unstable();
        let mut sorted = items.clone();
        sorted.sort_unstable();
        prop_assert_eq!(q, sorted);
    }
}

/// A `Generator` over any of the five bit generators, somewhere in its stream, with the
/// 32-bit half-word buffer full or empty.
fn generator_strategy() -> impl Strategy<Value = AnyGenerator> {
    (0usize..5, any::<u128>(), 0usize..700, any::<bool>()).prop_map(|(k, seed, skip, half)| {
        let kinds = [
            BitGenKind::Mt19937,
            BitGenKind::Pcg64,
            BitGenKind::Pcg64Dxsm,
            BitGenKind::Philox,
            BitGenKind::Sfc64,
        ];
        let mut g = AnyGenerator::from_kind(kinds[k], seed);
        for _ in 0..skip {
            BitGenerator::next_u64(g.bit_generator_mut());
        }
        if half {
            BitGenerator::next_u32(g.bit_generator_mut());
        }
        g
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generator_ziggurat_fills_equal_repeated_scalar_calls(
        g in generator_strategy(), n in 0usize..1500, loc in -5.0f64..5.0, scale in 0.0f64..4.0,
    ) {
        // The fills read the stream ahead in blocks of 256 words (src/generator/
        // read_ahead.rs); NumPy's size=n call is n scalar draws in a row, and the
        // generator must end where NumPy's does.
        let (mut a, mut b) = (g.clone(), g.clone());
        let mut out = vec![0.0; n];
        a.standard_normal_into(&mut out);
        prop_assert!(out.iter().all(|x| x.to_bits() == b.standard_normal().to_bits()));
        a.standard_exponential_into(&mut out);
        prop_assert!(out.iter().all(|x| x.to_bits() == b.standard_exponential().to_bits()));
        a.normal_into(&mut out, loc, scale).unwrap();
        prop_assert!(out.iter().all(|x| x.to_bits() == b.normal(loc, scale).unwrap().to_bits()));
        a.exponential_into(&mut out, scale).unwrap();
        prop_assert!(out.iter().all(|x| x.to_bits() == b.exponential(scale).unwrap().to_bits()));
        prop_assert_eq!(a.bit_generator().state(), b.bit_generator().state());
    }

    #[test]
    fn generator_discrete_fills_equal_repeated_scalar_calls(
        g in generator_strategy(), n in 0usize..600, lam in prop_oneof![0.0f64..12.0, 10.0f64..5000.0],
        trials in 0i64..2000, p in 0.0f64..=1.0,
    ) {
        // The fills do the per-parameter work once (PTRS constants and loggam cache, the
        // inversion table, BTPE's constants) on the concrete bit generator.
        let (mut a, mut b) = (g.clone(), g.clone());
        let mut out = vec![0i64; n];
        a.poisson_into(&mut out, lam).unwrap();
        prop_assert!(out.iter().all(|&x| x == b.poisson(lam).unwrap()));
        a.binomial_into(&mut out, trials, p).unwrap();
        prop_assert!(out.iter().all(|&x| x == b.binomial(trials, p).unwrap()));
        prop_assert_eq!(a.bit_generator().state(), b.bit_generator().state());
    }

    #[test]
    fn generator_integer_fills_equal_repeated_scalar_calls(
        g in generator_strategy(), n in 0usize..1500, low in -3000i64..3000,
        span in prop_oneof![1u64..5, 1u64..5000, (1u64 << 31)..(1u64 << 32) + 2, 1u64..u64::MAX >> 2],
    ) {
        // The 32-bit Lemire fills read next_uint32 words ahead in blocks (the buffered
        // half first, an odd count leaving a half behind); NumPy's size=n call is n
        // scalar draws in a row. Spans near 2^31 reject about half of all words.
        let high = low as i128 + span as i128;
        let (mut a, mut b) = (g.clone(), g.clone());
        let mut out = vec![0i64; n];
        a.integers_into(&mut out, low as i128, high, false).unwrap();
        for x in &out {
            prop_assert_eq!(*x, b.integers(low as i128, high, false).unwrap());
        }
        let mut out = vec![0u32; n];
        let hi32 = (span as i128).min(u32::MAX as i128);
        a.integers_into(&mut out, 0, hi32, true).unwrap();
        for x in &out {
            prop_assert_eq!(*x, b.integers_dtype::<u32>(0, hi32, true).unwrap());
        }
        prop_assert_eq!(a.bit_generator().state(), b.bit_generator().state());
    }

    #[test]
    fn fill_u32_is_next_u32_in_a_row(g in generator_strategy(), n in 0usize..1000) {
        let (mut a, mut b) = (g.clone().into_bit_generator(), g.into_bit_generator());
        let mut out = vec![0u32; n];
        a.fill_u32(&mut out);
        for x in &out {
            prop_assert_eq!(*x, b.next_u32());
        }
        prop_assert_eq!(a.state(), b.state());
    }
}
