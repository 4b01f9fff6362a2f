//! Every public method of `Generator<B>` (run on PCG64, MT19937 and `AnyGenerator`),
//! `ChoiceP` and the broadcast table.

use super::*;
use nprand::array::NdArray;
use nprand::common::Num;
use nprand::generator::broadcast;
use nprand::generator::integers::IntBound;
use nprand::generator::{
    default_rng, BitGenKind, CheckValid, ChoiceP, Generator, IntegerDtype, MvhgMethod, MvnMethod,
};
use nprand::{AnyGenerator, BitGenerator, Mt19937, Pcg64, SeedSequence};

/// One case's inputs, shared by the generic body.
#[derive(Debug, Clone)]
pub struct Input {
    dims: Vec<usize>,
    n: usize,
    k: usize,
    p: [f64; 3],
    i: [i64; 3],
    wide: [i128; 2],
    v: Vec<f64>,
    iv: Vec<i64>,
    flags: [bool; 3],
    pick: usize,
}

fn input() -> impl Strategy<Value = Input> {
    (
        (shape(), size(), size()),
        (
            [float(), float(), float()],
            [int(), int(), int()],
            [int128(), int128()],
        ),
        (floats(), ints(), any::<[bool; 3]>(), 0usize..4),
    )
        .prop_map(|((dims, n, k), (p, i, wide), (v, iv, flags, pick))| Input {
            dims,
            n,
            k,
            p,
            i,
            wide,
            v,
            iv,
            flags,
            pick,
        })
}

/// `(name(a..), name_into(out, a..))` as in `legacy.rs`.
macro_rules! scalar_methods {
    ($g:ident, $p:expr; $($name:ident, $into:ident ($($i:literal),*);)*) => {$(
        chk!(*$g, $g.$name($($p[$i]),*));
        chk!(*$g, $g.$into(&mut [Default::default(); 3], $($p[$i]),*));
        chk!(*$g, $g.$into(&mut [], $($p[$i]),*));
    )*};
}

/// The infallible draws and their `_into` forms.
macro_rules! plain_methods {
    ($g:ident; $($name:ident, $into:ident;)*) => {$(
        let _ = $g.$name();
        $g.$into(&mut [Default::default(); 3]);
        $g.$into(&mut []);
    )*};
}

/// `integers`, `integers_into` and `integers_broadcast` for each dtype.
macro_rules! integer_dtypes {
    ($g:ident, $x:ident; $($t:ty),*) => {$(
        integers_of::<$t, _>($g, $x);
    )*};
}

fn integers_of<T: IntegerDtype, B: BitGenerator + Clone + PartialEq>(
    g: &mut Generator<B>,
    x: &Input,
) {
    let [lo, hi] = x.wide;
    let endpoint = x.flags[0];
    chk!(*g, g.integers_dtype::<T>(lo, hi, endpoint));
    chk!(
        *g,
        g.integers_into::<T>(&mut [T::default(); 3], lo, hi, endpoint)
    );
    chk!(*g, g.integers_into::<T>(&mut [], lo, hi, endpoint));
    let bound = |j: usize| match (x.pick + j) % 3 {
        0 => NdArray::scalar(IntBound::Int(x.wide[j])),
        1 => NdArray::from_vec(vec![IntBound::Int(x.wide[j]), IntBound::Float(x.p[j])]),
        _ => NdArray::new(vec![3, 1], vec![IntBound::Float(x.p[j]); 3]).unwrap(),
    };
    let size = x.flags[1].then_some(&x.dims[..]);
    let is_bool = (x.flags[2], x.pick == 3);
    chk!(
        *g,
        g.integers_broadcast::<T>(&bound(0), &bound(1), size, endpoint, is_bool)
    );
}

/// Every method on one generator.
fn all_methods<B: BitGenerator + Clone + PartialEq>(g: &mut Generator<B>, x: &Input) {
    let (p, i, n, k) = (x.p, x.i, x.n, x.k);
    let _ = g.bit_generator();
    let _ = g.bit_generator_mut().next_u32();
    plain_methods! { g;
        random, random_into;
        random_f32, random_f32_into;
        standard_normal, standard_normal_into;
        standard_normal_f32, standard_normal_f32_into;
        standard_exponential, standard_exponential_into;
        standard_exponential_f32, standard_exponential_f32_into;
        standard_exponential_inv, standard_exponential_inv_into;
        standard_exponential_inv_f32, standard_exponential_inv_f32_into;
        standard_cauchy, standard_cauchy_into;
    }
    scalar_methods! { g, p;
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
        vonmises, vonmises_into(0, 1);
        pareto, pareto_into(0);
        weibull, weibull_into(0);
        power, power_into(0);
        laplace, laplace_into(0, 1);
        gumbel, gumbel_into(0, 1);
        logistic, logistic_into(0, 1);
        lognormal, lognormal_into(0, 1);
        rayleigh, rayleigh_into(0);
        wald, wald_into(0, 1);
        triangular, triangular_into(0, 1, 2);
        poisson, poisson_into(0);
        geometric, geometric_into(0);
        zipf, zipf_into(0);
        logseries, logseries_into(0);
        negative_binomial, negative_binomial_into(0, 1);
    }
    let p32 = p.map(|v| v as f32);
    scalar_methods! { g, p32; standard_gamma_f32, standard_gamma_f32_into(0); }
    chk!(*g, g.binomial(i[0], p[0]));
    chk!(*g, g.binomial_into(&mut [0; 3], i[0], p[0]));
    chk!(*g, g.hypergeometric(i[0], i[1], i[2]));
    chk!(*g, g.hypergeometric_into(&mut [0; 3], i[0], i[1], i[2]));
    integer_dtypes!(g, x; i8, u8, i16, u16, i32, u32, i64, u64, bool);

    // Sizes and sequences.
    chk!(*g, g.bytes(n));
    chk!(*g, g.permutation(n as i64));
    chk!(*g, g.permutation(count(i[0])));
    let mut data: Vec<i64> = x.iv.clone();
    g.shuffle(&mut data);
    g.shuffle_rows(&mut data, k.min(3));
    g.shuffle_rows(&mut data, k);
    let axis = [None, Some(0), Some(-1), Some(i[1])][x.pick];
    chk!(*g, g.permuted(&data, &x.dims, axis));
    chk!(*g, g.permuted(&data, &[data.len()], axis));
    chk!(*g, g.permuted(&[1, 2, 3, 4], &[2, 2], axis));
    let size = x.flags[0].then_some(&x.dims[..]);
    let (replace, shuffle) = (x.flags[1], x.flags[2]);
    for pop in [n as i64, count(i[0]), 3] {
        chk_choice!(
            *g,
            replace,
            true,
            g.choice_index(pop, size, replace, None, shuffle)
        );
        chk!(
            *g,
            g.choice_index(pop, Some(&[k.min(3)]), replace, None, shuffle)
        );
        chk_choice!(
            *g,
            replace,
            false,
            g.choice_index(pop, size, replace, Some(&x.v), shuffle)
        );
        chk_choice!(
            *g,
            replace,
            false,
            g.choice_index(pop, Some(&[k]), replace, Some(&x.v), shuffle)
        );
        if let Ok(cp) = ChoiceP::new(&x.v, pop.max(0) as usize) {
            let _ = cp.values();
        }
    }

    // Vector parameters.
    chk_choice!(
        *g,
        replace,
        true,
        g.choice(&x.v, size, replace, None, shuffle)
    );
    chk!(
        *g,
        g.choice(&x.v, Some(&[k.min(5)]), replace, Some(&x.v), shuffle)
    );
    chk!(*g, g.dirichlet(&x.v, Some(&[k])));
    chk!(*g, g.dirichlet(&x.v, size));
    chk!(*g, g.multinomial(i[0], &x.v, Some(&[k])));
    chk!(*g, g.multinomial(i[0], &x.v, size));
    let method = [MvhgMethod::Marginals, MvhgMethod::Count][x.pick % 2];
    chk!(
        *g,
        g.multivariate_hypergeometric(&x.iv, i[1], Some(&[k]), method)
    );
    chk!(
        *g,
        g.multivariate_hypergeometric(&x.iv, i[1].rem_euclid(8), size, method)
    );
    let mean: Vec<f64> = x.v.iter().take(2).copied().collect();
    let cv = [
        CheckValid::Warn,
        CheckValid::Raise,
        CheckValid::Ignore,
        CheckValid::Warn,
    ][x.pick];
    let mm = [
        MvnMethod::Svd,
        MvnMethod::Eigh,
        MvnMethod::Cholesky,
        MvnMethod::Svd,
    ][x.pick];
    let cvs = ["warn", "raise", "ignore", "bogus"][x.pick];
    for shape in [(n, k), (mean.len(), mean.len()), (2, 2)] {
        let cov = if shape == (2, 2) {
            vec![1.0, 0.5, 0.5, 1.0]
        } else {
            x.v.clone()
        };
        chk_mvn!(
            *g,
            g.multivariate_normal_raw(&mean, &cov, shape, k, cv, p[2], mm)
        );
        chk_mvn!(
            *g,
            g.multivariate_normal_str(&mean, &cov, shape, k.min(2), cvs, p[2], mm)
        );
    }

    // The broadcast table, every row.
    for spec in broadcast::specs() {
        let _ = broadcast::find(spec.name);
        let args: Vec<NdArray<Num>> = (0..spec.params.len())
            .map(|j| match (x.pick, j) {
                (0 | 3, 0) => NdArray::scalar(Num::I(i[0])),
                (0 | 3, _) => NdArray::scalar(Num::F(p[j % 3])),
                (1, _) => NdArray::from_vec(vec![Num::F(p[j % 3]), Num::I(i[j % 3])]),
                _ => NdArray::new(vec![0, 1], vec![]).unwrap(),
            })
            .collect();
        chk!(*g, g.broadcast(spec, &args, size));
        chk!(
            *g,
            g.broadcast(spec, &args[..args.len().saturating_sub(1)], size)
        );
    }
    let _ = broadcast::find("no_such_method");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn pcg64(x in input()) {
        all_methods(&mut default_rng(1), &x);
    }

    #[test]
    fn mt19937(x in input()) {
        all_methods(&mut Generator::new(Mt19937::new(1)), &x);
    }

    #[test]
    fn any_generator(x in input(), seed in any::<u128>(), kind in 0usize..5) {
        let kind = [BitGenKind::Mt19937, BitGenKind::Pcg64, BitGenKind::Pcg64Dxsm,
                    BitGenKind::Philox, BitGenKind::Sfc64][kind];
        let mut g = AnyGenerator::from_kind(kind, seed);
        let _ = AnyGenerator::from_kind_seed_sequence(kind, SeedSequence::new(seed));
        let mut kids = Generator::<Pcg64>::from_seed_sequence(SeedSequence::new(seed));
        chk!(kids, kids.spawn(x.n));
        chk!(kids, kids.spawn(x.k.min(3)));
        let _ = Generator::new(Pcg64::new(seed)).into_bit_generator();
        if x.pick == 0 {
            all_methods(&mut g, &x);
        }
    }
}
