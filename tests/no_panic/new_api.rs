//! The API shapes merged after the first no-panic pass: `multivariate_normal` with
//! `MvnOptions` and any `Matrix` covariance (ragged ones included), `choice`/`choice_index`
//! returning `NdArray`, the `_array` forms, `integers_array`/`_dtype`, and the `Seed` forms
//! (`try_new`, `try_seed`, `try_default_rng`) with extreme seeds.

use super::*;
use nprand::array::NdArray;
use nprand::generator::{
    default_rng, try_default_rng, AnyBitGenerator, BitGenKind, CheckValid, MvnMethod,
};
use nprand::{ErrorKind, MvnOptions, Pcg64, RandomState, Seed, SeedSequence};

/// `Vec<Vec<f64>>` rows of `v` cut at `cuts` (lengths may differ: a ragged matrix).
fn rows_of(v: &[f64], cuts: &[usize]) -> Vec<Vec<f64>> {
    let mut out = Vec::new();
    let mut at = 0;
    for &c in cuts {
        let end = (at + c % 4).min(v.len());
        out.push(v[at..end].to_vec());
        at = end;
    }
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mvn_with_options(v in floats(), dims in shape(), tol in float(), pick in 0usize..4,
                        cuts in proptest::collection::vec(0usize..4, 0..4)) {
        let mut g = default_rng(5);
        let mut rs = RandomState::new(5);
        let cv = [CheckValid::Warn, CheckValid::Raise, CheckValid::Ignore, CheckValid::Warn][pick];
        let mm = [MvnMethod::Svd, MvnMethod::Eigh, MvnMethod::Cholesky, MvnMethod::Svd][pick];
        let opts = MvnOptions::new().size(&dims).check_valid(cv).tol(tol).method(mm);
        let legacy = MvnOptions::new().size(&dims).check_valid(cv).tol(tol);
        let mean: Vec<f64> = v.iter().take(2).copied().collect();
        let get = |i: usize| v.get(i).copied().unwrap_or(1.0);
        let fixed = [[get(0), get(1)], [get(2), get(3)]];
        let nested = rows_of(&v, &cuts);
        chk_mvn!(g, g.multivariate_normal(&mean, fixed, &opts));
        chk_mvn!(g, g.multivariate_normal(&mean, &nested, &opts));
        chk_mvn!(g, g.multivariate_normal(&mean, &nested, &MvnOptions::new()));
        chk_mvn!(rs, rs.multivariate_normal(&mean, fixed, &legacy));
        chk_mvn!(rs, rs.multivariate_normal(&mean, &nested, &legacy));
        // RandomState has no `method`: anything but the default is NumPy's TypeError.
        chk_mvn!(rs, rs.multivariate_normal(&mean, fixed, &opts));
        if let Ok(out) = g.multivariate_normal(&mean, fixed, &MvnOptions::new()) {
            prop_assert_eq!(out.values.len(), out.shape.iter().product::<usize>());
        }
    }

    #[test]
    fn choice_returns_arrays(v in floats(), dims in shape(), pop in int(), flags in any::<[bool; 3]>()) {
        let mut g = default_rng(6);
        let mut rs = RandomState::new(6);
        let size = flags[0].then_some(&dims[..]);
        let (replace, shuffle) = (flags[1], flags[2]);
        // Without replacement RandomState shuffles arange(pop) first, as NumPy does: a
        // real allocation, so huge populations are drawn with replacement only.
        let pop = if replace { pop } else { pop.clamp(-5, 100_000) };
        for p in [None, Some(&v[..])] {
            chk_choice!(g, replace, p.is_none(), g.choice_index(pop, size, replace, p, shuffle));
            chk_choice!(g, replace, p.is_none(), g.choice(&v, size, replace, p, shuffle));
            chk_choice!(rs, replace, p.is_none(), rs.choice_index(pop, size, replace, p));
            chk_choice!(rs, replace, p.is_none(), rs.choice(&v, size, replace, p));
        }
        if let Ok(a) = g.choice_index(pop, size, replace, None, shuffle) {
            // NdArray derefs to its C-order data.
            let data: &[i64] = &a;
            prop_assert_eq!(data.len(), a.shape.iter().product::<usize>());
            prop_assert!(data.iter().all(|&i| (0..pop.max(1)).contains(&i)));
        }
        if let Ok(a) = rs.choice(&v, size, replace, None) {
            prop_assert_eq!(a.len(), a.shape.iter().product::<usize>());
        }
    }

    #[test]
    fn array_forms(a in float(), b in float(), v in floats(), dims in shape(),
                   lo in int128(), hi in int128(), flags in any::<[bool; 2]>()) {
        let mut g = default_rng(7);
        let mut rs = RandomState::new(7);
        let size = flags[0].then_some(&dims[..]);
        chk!(g, g.normal_array(a, b, size));
        chk!(g, g.normal_array(&v[..], b, size));
        chk!(g, g.gamma_array(a, v.clone(), size));
        chk!(g, g.standard_gamma_f32_array(a, size));
        chk!(g, g.standard_gamma_f32_array(&v[..], size));
        chk!(g, g.standard_normal_array(size));
        chk!(g, g.uniform_array([a, b], [[b], [a]], size));
        chk!(g, g.integers_array(lo, hi, size, flags[1]));
        chk!(g, g.integers_dtype::<u8>(lo, hi, flags[1]));
        chk!(g, g.integers_dtype::<i64>(lo, hi, flags[1]));
        chk!(rs, rs.normal_array(a, &v, size));
        chk!(rs, rs.beta_array(a, b, size));
        chk!(rs, rs.standard_cauchy_array(size));
        chk!(rs, rs.randint_dtype::<i16>(lo, hi));
        chk!(rs, rs.randint_dtype::<u64>(lo, hi));
        #[cfg(feature = "ndarray")]
        {
            chk!(g, g.normal_nd(a, b, size));
            chk!(g, g.integers_nd(lo, hi, size, flags[1]));
            chk!(rs, rs.rand_nd(&dims));
            chk!(rs, rs.randn_nd(&dims));
            chk!(rs, rs.randint_nd(lo, hi, size));
            if let Ok(x) = g.normal_array(a, b, size) {
                let _ = x.into_ndarray();
            }
        }
    }

    #[test]
    fn array_bounds_and_axes(v in floats(), w in ints(), dims in shape(), lo in int128(),
                             axis in size(), flags in any::<[bool; 4]>()) {
        let mut g = default_rng(9);
        let mut rs = RandomState::new(9);
        let size = flags[0].then_some(&dims[..]);
        let (replace, shuffle, endpoint) = (flags[1], flags[2], flags[3]);
        // Bounds as arrays of ints and of floats (NaN, infinities), broadcast or not.
        chk!(g, g.integers_array(&w[..], lo, size, endpoint));
        chk!(g, g.integers_array(lo, &v[..], size, endpoint));
        chk!(g, g.integers_array(&v[..], [[1i64], [u32::MAX as i64]], size, endpoint));
        chk!(rs, rs.randint_array(&w[..], lo, size));
        chk!(rs, rs.randint_array(&v[..], &w[..], size));
        chk!(rs, rs.randint_array(lo, u64::MAX, size));
        // multinomial with array n and n-d pvals.
        let rows: Vec<[f64; 2]> = v.chunks_exact(2).map(|c| [c[0], c[1]]).collect();
        chk!(g, g.multinomial_array(&w[..], &v[..], size));
        chk!(g, g.multinomial_array(&w[..], &rows[..], size));
        chk!(g, g.multinomial_array(lo.clamp(-9, 9) as i64, NdArray::new(vec![rows.len(), 2], rows.concat()).unwrap(), size));
        // choice along an axis of an n-d array.
        let n = v.len();
        if let Ok(a) = NdArray::new(vec![1, n, 1], v.clone()) {
            for p in [None, Some(&v[..])] {
                chk_choice!(g, replace, p.is_none(), g.choice_axis(&a, size, replace, p, axis, shuffle));
            }
            if let Ok(t) = a.take(&[0], &[1], 0) {
                prop_assert_eq!(t.shape, vec![1, n, 1]);
            }
        }
    }

    #[test]
    fn seeds(i in int(), w in word(), words in proptest::collection::vec(any::<u32>(), 0..3),
             signed in proptest::collection::vec(int(), 0..3), f in float(), pick in 0usize..4) {
        let seeds: Vec<Seed> = vec![
            i.into(), w.into(), u128::MAX.into(), i128::MIN.into(), words.clone().into(),
            signed.clone().into(), Vec::<u32>::new().into(), vec![words.clone()].into(), f.into(),
            SeedSequence::new(w as u128).into(),
        ];
        let kind = [BitGenKind::Pcg64, BitGenKind::Philox, BitGenKind::Sfc64, BitGenKind::Mt19937][pick];
        for s in seeds {
            let _ = RandomState::try_new(s.clone());
            let mut rs = RandomState::new(1);
            chk!(rs, rs.try_seed(s.clone()));
            let _ = try_default_rng(s.clone());
            let _ = Pcg64::try_new(s.clone());
            let _ = AnyBitGenerator::try_new(kind, s.clone());
            let _ = s.into_seed_sequence();
        }
        let mut rs = RandomState::new(1);
        chk!(rs, rs.try_seed(-1i64));
        prop_assert!(RandomState::try_new(Vec::<u32>::new()).is_err());
    }

    #[test]
    fn shuffle_rows_any_row_length(mut x in ints(), row in size()) {
        let mut g = default_rng(8);
        let mut rs = RandomState::new(8);
        g.shuffle_rows(&mut x, row);
        rs.shuffle_rows(&mut x, row);
        g.shuffle_rows(&mut x, 0);
        rs.shuffle_rows(&mut [0u8; 0], row);
    }
}

#[test]
fn ragged_and_non_square_cov_are_errors() {
    let mut g = default_rng(0);
    let mut rs = RandomState::new(0);
    let ragged = vec![vec![1.0, 0.0], vec![1.0]];
    let opts = MvnOptions::new();
    assert!(g.multivariate_normal(&[0.0, 0.0], &ragged, &opts).is_err());
    assert!(rs.multivariate_normal(&[0.0, 0.0], &ragged, &opts).is_err());
    let empty: Vec<Vec<f64>> = Vec::new();
    let _ = g.multivariate_normal(&[], &empty, &opts); // no panic either way
    assert!(g.multivariate_normal(&[0.0], [[1.0, 2.0]], &opts).is_err());
    assert!(rs
        .multivariate_normal(&[0.0, 0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], &opts)
        .is_err());
}

#[test]
fn os_entropy_and_error_kinds() {
    #[cfg(feature = "getrandom")]
    assert!(SeedSequence::from_os_entropy().is_ok());
    #[cfg(feature = "getrandom")]
    assert!(Seed::OsEntropy.into_seed_sequence().is_ok());
    assert!(ErrorKind::IoError.is_os_error());
    assert!(!ErrorKind::ValueError.is_os_error());
}
