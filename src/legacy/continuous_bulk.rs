//! The bulk (`_into`) forms of the legacy transforms of an exponential or a gaussian
//! (pareto, weibull, power, lognormal, standard_cauchy; gumbel, laplace and logistic, shared with
//! `Generator`, are in `distr::continuous`): the draws in bulk first (the same
//! draws, in the same order, as the scalar kernels), then NumPy's expression in passes
//! over the whole slice, with `exp`, `log` and `pow` vectorised by [`np_exp_slice`],
//! [`np_log_slice`] and [`np_pow_slice`] (the bits of the scalar `np_exp` / `np_log` /
//! `np_pow`, element for element).
//! Each pass keeps the operation order of the scalar kernel in `continuous.rs`.

use super::RandomState;
use crate::error::Result;
use crate::math::np::{np_exp_slice, np_pow_slice};

/// Values per run of [`RandomState::fill_standard_cauchy`] (its gaussians stay in L1).
const CAUCHY_RUN: usize = 256;

impl RandomState {
    /// [`RandomState::standard_cauchy_into`]: `gauss / gauss`, numerator first, the
    /// gaussians of a run from [`RandomState::standard_normal_into`] (cache included).
    pub(super) fn fill_standard_cauchy(&mut self, out: &mut [f64]) {
        let mut z = [0.0; 2 * CAUCHY_RUN];
        for run in out.chunks_mut(CAUCHY_RUN) {
            let z = &mut z[..2 * run.len()];
            self.standard_normal_into(z);
            for (o, pair) in run.iter_mut().zip(z.chunks_exact(2)) {
                *o = pair[0] / pair[1];
            }
        }
    }

    /// [`RandomState::pareto_into`] after its checks: `exp(E / a) - 1`.
    pub(super) fn fill_pareto(&mut self, out: &mut [f64], a: f64) -> Result<()> {
        self.standard_exponential_into(out);
        for o in out.iter_mut() {
            *o /= a;
        }
        np_exp_slice(out);
        for o in out {
            *o -= 1.0;
        }
        Ok(())
    }

    /// [`RandomState::weibull_into`] after its checks: 0.0 without draws for `a == 0`,
    /// else `pow(E, 1 / a)` (the exponentials' logarithms and the powers vectorised).
    pub(super) fn fill_weibull(&mut self, out: &mut [f64], a: f64) -> Result<()> {
        if a == 0.0 {
            out.fill(0.0);
            return Ok(());
        }
        self.standard_exponential_into(out);
        np_pow_slice(out, 1.0 / a);
        Ok(())
    }

    /// [`RandomState::power_into`] after its checks: `pow(1 - exp(-E), 1 / a)`.
    pub(super) fn fill_power(&mut self, out: &mut [f64], a: f64) -> Result<()> {
        self.standard_exponential_into(out);
        for o in out.iter_mut() {
            *o = -*o;
        }
        np_exp_slice(out);
        for o in out.iter_mut() {
            *o = 1.0 - *o;
        }
        np_pow_slice(out, 1.0 / a);
        Ok(())
    }

    /// [`RandomState::lognormal_into`] after its checks: `exp(mean + sigma * G)`, the
    /// gaussians from [`RandomState::standard_normal_into`] (cache included).
    pub(super) fn fill_lognormal(&mut self, out: &mut [f64], mean: f64, sigma: f64) -> Result<()> {
        self.standard_normal_into(out);
        for o in out.iter_mut() {
            *o = mean + sigma * *o;
        }
        np_exp_slice(out);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! Each bulk form against its scalar method, bit for bit, from many starts (block
    //! boundaries, cached gaussian or not) and sizes, the state after included.

    use super::super::test_util::{assert_bits, assert_same_state, start, starts, SIZES};
    use super::*;
    use crate::prelude::*;
    use proptest::prelude::*;

    type Scalar = fn(&mut RandomState, f64, f64) -> f64;
    type Into = fn(&mut RandomState, &mut [f64], f64, f64);

    /// (name, scalar method, `_into` method, parameters).
    const CASES: &[(&str, Scalar, Into, [f64; 2])] = &[
        (
            "pareto",
            |r, a, _| r.pareto(a).unwrap(),
            |r, o, a, _| r.pareto_into(o, a).unwrap(),
            [3.0, 0.0],
        ),
        (
            "pareto",
            |r, a, _| r.pareto(a).unwrap(),
            |r, o, a, _| r.pareto_into(o, a).unwrap(),
            [1e-3, 0.0],
        ),
        (
            "weibull",
            |r, a, _| r.weibull(a).unwrap(),
            |r, o, a, _| r.weibull_into(o, a).unwrap(),
            [1.5, 0.0],
        ),
        (
            "weibull",
            |r, a, _| r.weibull(a).unwrap(),
            |r, o, a, _| r.weibull_into(o, a).unwrap(),
            [0.0, 0.0],
        ),
        (
            "power",
            |r, a, _| r.power(a).unwrap(),
            |r, o, a, _| r.power_into(o, a).unwrap(),
            [0.5, 0.0],
        ),
        (
            "power",
            |r, a, _| r.power(a).unwrap(),
            |r, o, a, _| r.power_into(o, a).unwrap(),
            [5.0, 0.0],
        ),
        (
            "lognormal",
            |r, m, s| r.lognormal(m, s).unwrap(),
            |r, o, m, s| r.lognormal_into(o, m, s).unwrap(),
            [0.0, 1.0],
        ),
        (
            "lognormal",
            |r, m, s| r.lognormal(m, s).unwrap(),
            |r, o, m, s| r.lognormal_into(o, m, s).unwrap(),
            [700.0, 30.0],
        ),
        (
            "gumbel",
            |r, l, s| r.gumbel(l, s).unwrap(),
            |r, o, l, s| r.gumbel_into(o, l, s).unwrap(),
            [0.5, 2.0],
        ),
        (
            "standard_cauchy",
            |r, _, _| r.standard_cauchy(),
            |r, o, _, _| r.standard_cauchy_into(o),
            [0.0, 0.0],
        ),
        (
            "laplace",
            |r, l, s| r.laplace(l, s).unwrap(),
            |r, o, l, s| r.laplace_into(o, l, s).unwrap(),
            [0.5, 2.0],
        ),
        (
            "logistic",
            |r, l, s| r.logistic(l, s).unwrap(),
            |r, o, l, s| r.logistic_into(o, l, s).unwrap(),
            [0.5, 2.0],
        ),
        (
            "exponential",
            |r, s, _| r.exponential(s).unwrap(),
            |r, o, s, _| r.exponential_into(o, s).unwrap(),
            [2.0, 0.0],
        ),
    ];

    fn check(s: &RandomState, n: usize) {
        for &(name, scalar, into, [p, q]) in CASES {
            let what = format!(
                "{name}({p}, {q}) n {n} from pos {} {:?}",
                s.bitgen.pos(),
                s.has_gauss
            );
            let mut a = s.clone();
            let mut b = s.clone();
            let mut out = vec![f64::NAN; n];
            into(&mut a, &mut out, p, q);
            let expect: Vec<f64> = (0..n).map(|_| scalar(&mut b, p, q)).collect();
            assert_bits(&out, &expect, &what);
            assert_same_state(&a, &b, &what);
        }
    }

    #[test]
    fn bulk_forms_match_scalar_calls() {
        for s in starts() {
            for &n in SIZES {
                check(&s, n);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn bulk_forms_any_start(
            seed: u32,
            skip in 0usize..1300,
            cached in proptest::option::of(-4.0f64..4.0),
            n in 0usize..1500,
        ) {
            check(&start(seed, skip, cached), n);
        }
    }
}
