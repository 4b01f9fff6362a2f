//! Every public method of `RandomState` (and its `nd` forms with feature `ndarray`).

use super::*;
use nprand::array::NdArray;
use nprand::common::Num;
use nprand::legacy::{broadcast, CheckValid};
use nprand::{LegacyState, Mt19937, RandomState};

/// `(name(a..), name_into(out, a..))` for NumPy's scalar-parameter methods, each with the
/// parameters at the given indices of `$p`, into an empty and a 3-element `out`.
macro_rules! scalar_methods {
    ($rs:ident, $p:ident; $($name:ident, $into:ident ($($i:literal),*);)*) => {$(
        chk!($rs, $rs.$name($($p[$i]),*));
        chk!($rs, $rs.$into(&mut [Default::default(); 3], $($p[$i]),*));
        chk!($rs, $rs.$into(&mut [], $($p[$i]),*));
    )*};
}

/// `randint`, `randint_into` and `randint_broadcast_into` for one dtype.
macro_rules! randint_dtypes {
    ($rs:ident, $lo:expr, $hi:expr, $los:expr, $his:expr; $($t:ty),*) => {$(
        chk!($rs, $rs.randint_dtype::<$t>($lo, $hi));
        chk!($rs, $rs.randint_into::<$t>(&mut [Default::default(); 3], $lo, $hi));
        chk!($rs, $rs.randint_into::<$t>(&mut [], $lo, $hi));
        chk!($rs, $rs.randint_broadcast_into::<$t>(&mut [Default::default(); 3], $los, $his));
        chk!($rs, $rs.randint_broadcast_into::<$t>(&mut [Default::default(); 1], $los, $his));
    )*};
}

fn state_strategy() -> impl Strategy<Value = LegacyState> {
    (
        any::<u32>(),
        prop_oneof![
            Just(0usize),
            Just(623),
            Just(624),
            Just(625),
            Just(usize::MAX)
        ],
        any::<bool>(),
        float(),
    )
        .prop_map(|(seed, pos, has_gauss, gauss)| {
            let mut st = RandomState::new(seed).get_state();
            st.pos = pos;
            st.has_gauss = has_gauss;
            st.gauss = gauss;
            st
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn constructors_and_state(
        seed in any::<u32>(), wide in int128(), key in prop::collection::vec(any::<u32>(), 0..700),
        keyi in prop::collection::vec(int128(), 0..4), st in state_strategy(),
    ) {
        let _ = RandomState::new(seed);
        let _ = RandomState::from_seed_int(wide);
        let _ = RandomState::from_key(&key);
        let _ = RandomState::from_key_ints(&keyi);
        let _ = RandomState::from_bit_generator(Mt19937::new(seed));
        let _ = RandomState::from(Mt19937::new(seed));
        let mut rs = RandomState::new(seed);
        rs.seed(seed);
        chk!(rs, rs.seed_array(&key));
        chk!(rs, rs.seed_array(&[]));
        let _ = rs.bit_generator().pos();
        let _ = rs.bit_generator_mut().next_u32();
        let _ = rs.get_state();
        chk!(rs, rs.set_state(&st));
        let _ = rs.random_sample();
    }

    #[test]
    fn scalar_distributions(p in [float(), float(), float()], i in [int(), int(), int()], seed in 0u32..4) {
        let mut rs = RandomState::new(seed);
        let _ = rs.random_sample();
        rs.random_sample_into(&mut [0.0; 3]);
        let _ = (rs.random(), rs.ranf(), rs.sample());
        let _ = rs.standard_normal();
        rs.standard_normal_into(&mut [0.0; 3]);
        let _ = rs.standard_exponential();
        rs.standard_exponential_into(&mut [0.0; 3]);
        let _ = rs.standard_cauchy();
        rs.standard_cauchy_into(&mut [0.0; 3]);
        let _ = rs.tomaxint();
        rs.tomaxint_into(&mut [0; 3]);
        scalar_methods! { rs, p;
            uniform, uniform_into(0, 1);
            normal, normal_into(0, 1);
            exponential, exponential_into(0);
            standard_gamma, standard_gamma_into(0);
            gamma, gamma_into(0, 1);
            beta, beta_into(0, 1);
            chisquare, chisquare_into(0);
            f, f_into(0, 1);
            noncentral_chisquare, noncentral_chisquare_into(0, 1);
            noncentral_f, noncentral_f_into(0, 1, 2);
            standard_t, standard_t_into(0);
            pareto, pareto_into(0);
            weibull, weibull_into(0);
            power, power_into(0);
            lognormal, lognormal_into(0, 1);
            rayleigh, rayleigh_into(0);
            wald, wald_into(0, 1);
            vonmises, vonmises_into(0, 1);
            laplace, laplace_into(0, 1);
            gumbel, gumbel_into(0, 1);
            logistic, logistic_into(0, 1);
            triangular, triangular_into(0, 1, 2);
            poisson, poisson_into(0);
            geometric, geometric_into(0);
            logseries, logseries_into(0);
            zipf, zipf_into(0);
            negative_binomial, negative_binomial_into(0, 1);
        }
        chk!(rs, rs.binomial(i[0], p[0]));
        chk!(rs, rs.binomial_into(&mut [0; 3], i[0], p[0]));
        chk!(rs, rs.hypergeometric(i[0], i[1], i[2]));
        chk!(rs, rs.hypergeometric_into(&mut [0; 3], i[0], i[1], i[2]));
    }

    #[test]
    fn integers(lo in int128(), hi in int128(), los in prop::collection::vec(int128(), 0..4),
                his in prop::collection::vec(int128(), 0..4)) {
        let mut rs = RandomState::new(2);
        randint_dtypes!(rs, lo, hi, &los, &his; i8, u8, i16, u16, i32, u32, i64, u64, bool);
        chk!(rs, rs.random_integers(lo, hi));
        chk!(rs, rs.random_integers_into(&mut [0; 3], lo, hi));
    }

    #[test]
    fn sized_and_sequences(dims in shape(), n in size(), k in size(), i in int(), v in floats(),
                           replace in any::<bool>(), mut x in prop::collection::vec(0u8..9, 0..6)) {
        let mut rs = RandomState::new(1);
        chk!(rs, rs.rand(&dims));
        chk!(rs, rs.randn(&dims));
        chk!(rs, rs.bytes(n));
        chk!(rs, rs.permutation(n as i64));
        chk!(rs, rs.permutation(count(i)));
        let _ = rs.permutation_of(&x);
        rs.shuffle(&mut x);
        for pop in [n as i64, count(i)] {
            chk!(rs, rs.choice_index(pop, Some(&[k.min(3)]), replace, None));
            chk!(rs, rs.choice_index(pop, Some(&[k.min(3)]), replace, Some(&v)));
        }
        chk_choice!(rs, replace, true, rs.choice_index(3, Some(&[k]), replace, None));
        chk_choice!(rs, replace, false, rs.choice_index(3, Some(&[k]), replace, Some(&v)));
        chk_choice!(rs, replace, true, rs.choice(&x, Some(&[k]), replace, None));
        chk!(rs, rs.choice(&x, Some(&[k.min(5)]), replace, Some(&v)));
    }

    #[test]
    fn vector_parameters(n in int(), v in floats(), rows in size(), cols in size(), k in size(),
                         tol in float(), check in 0usize..4) {
        let mut rs = RandomState::new(3);
        chk!(rs, rs.multinomial(n, &v, None));
        chk!(rs, rs.multinomial(n, &v, Some(&[k, 2])));
        chk!(rs, rs.multinomial_into(&mut [0; 4], n, &v));
        chk!(rs, rs.multinomial_into(&mut [], n, &v));
        chk!(rs, rs.dirichlet(&v, None));
        chk!(rs, rs.dirichlet(&v, Some(&[2, k])));
        chk!(rs, rs.dirichlet_into(&mut [0.0; 4], &v));
        chk!(rs, rs.dirichlet_into(&mut [0.0; 3], &v));
        let mean: Vec<f64> = v.iter().take(2).copied().collect();
        let cv = [CheckValid::Warn, CheckValid::Raise, CheckValid::Ignore, CheckValid::Ignore][check];
        for shape in [(rows, cols), (mean.len(), mean.len()), (2, 2)] {
            let cov = if shape == (2, 2) { vec![1.0, 0.5, 0.5, 1.0] } else { v.clone() };
            chk_mvn!(rs, rs.multivariate_normal_raw(&mean, &cov, shape, k, cv, tol));
            chk_mvn!(rs, rs.multivariate_normal_str(&mean, &cov, shape, k.min(2), ["warn", "raise", "ignore", "bogus"][check], tol));
        }
    }

    #[test]
    fn broadcast_table(dims in shape(), p in [float(), float(), float()], i in int(),
                       sized in any::<bool>(), array in 0usize..3) {
        let mut rs = RandomState::new(4);
        let size = sized.then_some(&dims[..]);
        for spec in broadcast::specs() {
            let _ = broadcast::find(spec.name);
            let args: Vec<NdArray<Num>> = p.iter().take(spec.params.len()).enumerate().map(|(j, &x)| match (array, j) {
                (0, _) => NdArray::scalar(if j == 0 { Num::I(i) } else { Num::F(x) }),
                (1, 0) => NdArray::from_vec(vec![Num::F(x), Num::I(i)]),
                (1, _) => NdArray::new(vec![3, 1], vec![Num::F(x); 3]).unwrap(),
                _ => NdArray::new(vec![0], vec![]).unwrap(),
            }).collect();
            chk!(rs, rs.broadcast(spec, &args, size));
            chk!(rs, rs.broadcast(spec, &args[..args.len().saturating_sub(1)], size));
        }
        let _ = broadcast::find("no_such_method");
    }
}

/// Every `_array` form (the typed broadcast front-ends `array_methods!` writes) with
/// scalar, (n,) and (2, 1) parameters of either element type and an edge `size`.
mod array_forms {
    use super::*;
    use nprand::generator::default_rng;

    /// `name(params.., size)` for each listed `_array` form.
    macro_rules! shaped {
        ($rs:ident, $p:ident, $size:ident; $($name:ident($($i:literal),*);)*) => {$(
            chk!($rs, $rs.$name($($p[$i].clone(),)* $size));
        )*};
    }

    /// The forms `RandomState` and `Generator` share.
    macro_rules! shared_forms {
        ($rs:ident, $p:ident, $size:ident) => {
            shaped! { $rs, $p, $size;
                standard_normal_array(); normal_array(0, 1);
                uniform_array(0, 1); standard_exponential_array(); exponential_array(0);
                standard_gamma_array(0); gamma_array(0, 1); beta_array(0, 1); chisquare_array(0);
                f_array(0, 1); noncentral_chisquare_array(0, 1); noncentral_f_array(0, 1, 2);
                standard_t_array(0); standard_cauchy_array(); pareto_array(0); weibull_array(0);
                power_array(0); lognormal_array(0, 1); rayleigh_array(0); wald_array(0, 1);
                vonmises_array(0, 1); laplace_array(0, 1); gumbel_array(0, 1);
                logistic_array(0, 1); triangular_array(0, 1, 2); binomial_array(0, 1);
                negative_binomial_array(0, 1); poisson_array(0); geometric_array(0);
                hypergeometric_array(0, 1, 2); logseries_array(0); zipf_array(0);
            }
        };
    }

    fn param() -> impl Strategy<Value = NdArray<Num>> {
        prop_oneof![
            float().prop_map(|x| NdArray::scalar(Num::F(x))),
            int().prop_map(|x| NdArray::scalar(Num::I(x))),
            floats().prop_map(|v| NdArray::from_vec(v.into_iter().map(Num::F).collect())),
            (float(), float()).prop_map(|(a, b)| NdArray::new(
                vec![2, 1],
                vec![Num::F(a), Num::F(b)]
            )
            .unwrap()),
            ints().prop_map(|v| NdArray::from_vec(v.into_iter().map(Num::I).collect())),
        ]
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn shaped_methods(p in [param(), param(), param()], dims in proptest::collection::vec(0usize..4, 0..3), sized in any::<bool>(),
                          lo in int128(), hi in int128()) {
            let mut rs = RandomState::new(5);
            let mut g = default_rng(5);
            let size = sized.then_some(&dims[..]);
            chk!(rs, rs.rand_array(&dims));
            chk!(rs, rs.randn_array(&dims));
            chk!(rs, rs.randint_array(lo, hi, size));
            chk!(rs, rs.random_sample_array(size));
            shared_forms!(rs, p, size);
            shared_forms!(g, p, size);
            #[cfg(feature = "ndarray")]
            {
                chk!(rs, rs.normal_nd(p[0].clone(), p[1].clone(), size));
                chk!(rs, rs.random_sample_nd(size));
                chk!(g, g.zipf_nd(p[0].clone(), size));
            }
        }
    }
}
