//! Every float method of `RandomState` with scalar parameters, held to two rules: the
//! `_into` form equals repeated scalar calls, which equal the broadcast engine with 0-d
//! parameters (values bitwise, same final state, same error); and any f64 parameters
//! (NaN, inf, subnormal, huge) give a value or an error, never a panic or a hang.

use super::broadcast::{find, Num, Output};
use super::RandomState;
use crate::array::NdArray;
use crate::error::Result;
use crate::prelude::*;
use proptest::prelude::*;

type Scalar = fn(&mut RandomState, &[f64]) -> Result<f64>;
type Into = fn(&mut RandomState, &mut [f64], &[f64]) -> Result<()>;

const METHODS: &[(&str, Scalar, Into)] = &[
    (
        "standard_cauchy",
        |r, _| Ok(r.standard_cauchy()),
        |r, o, _| {
            r.standard_cauchy_into(o);
            Ok(())
        },
    ),
    (
        "pareto",
        |r, p| r.pareto(p[0]),
        |r, o, p| r.pareto_into(o, p[0]),
    ),
    (
        "weibull",
        |r, p| r.weibull(p[0]),
        |r, o, p| r.weibull_into(o, p[0]),
    ),
    (
        "power",
        |r, p| r.power(p[0]),
        |r, o, p| r.power_into(o, p[0]),
    ),
    (
        "lognormal",
        |r, p| r.lognormal(p[0], p[1]),
        |r, o, p| r.lognormal_into(o, p[0], p[1]),
    ),
    (
        "rayleigh",
        |r, p| r.rayleigh(p[0]),
        |r, o, p| r.rayleigh_into(o, p[0]),
    ),
    (
        "wald",
        |r, p| r.wald(p[0], p[1]),
        |r, o, p| r.wald_into(o, p[0], p[1]),
    ),
    (
        "vonmises",
        |r, p| r.vonmises(p[0], p[1]),
        |r, o, p| r.vonmises_into(o, p[0], p[1]),
    ),
    (
        "laplace",
        |r, p| r.laplace(p[0], p[1]),
        |r, o, p| r.laplace_into(o, p[0], p[1]),
    ),
    (
        "gumbel",
        |r, p| r.gumbel(p[0], p[1]),
        |r, o, p| r.gumbel_into(o, p[0], p[1]),
    ),
    (
        "logistic",
        |r, p| r.logistic(p[0], p[1]),
        |r, o, p| r.logistic_into(o, p[0], p[1]),
    ),
    (
        "triangular",
        |r, p| r.triangular(p[0], p[1], p[2]),
        |r, o, p| r.triangular_into(o, p[0], p[1], p[2]),
    ),
    (
        "standard_gamma",
        |r, p| r.standard_gamma(p[0]),
        |r, o, p| r.standard_gamma_into(o, p[0]),
    ),
    (
        "gamma",
        |r, p| r.gamma(p[0], p[1]),
        |r, o, p| r.gamma_into(o, p[0], p[1]),
    ),
    (
        "chisquare",
        |r, p| r.chisquare(p[0]),
        |r, o, p| r.chisquare_into(o, p[0]),
    ),
    (
        "f",
        |r, p| r.f(p[0], p[1]),
        |r, o, p| r.f_into(o, p[0], p[1]),
    ),
    (
        "beta",
        |r, p| r.beta(p[0], p[1]),
        |r, o, p| r.beta_into(o, p[0], p[1]),
    ),
    (
        "noncentral_chisquare",
        |r, p| r.noncentral_chisquare(p[0], p[1]),
        |r, o, p| r.noncentral_chisquare_into(o, p[0], p[1]),
    ),
    (
        "noncentral_f",
        |r, p| r.noncentral_f(p[0], p[1], p[2]),
        |r, o, p| r.noncentral_f_into(o, p[0], p[1], p[2]),
    ),
    (
        "standard_t",
        |r, p| r.standard_t(p[0]),
        |r, o, p| r.standard_t_into(o, p[0]),
    ),
];

const PARAMS: &[[f64; 3]] = &[
    [0.5, 2.0, 3.0],
    [-1.0, 0.7, 4.0],
    [1.0, 1.0, 1.0],
    [0.0, 1e-9, 25.0],
    [f64::NAN, 1.0, 1.0],
    [1e-300, 1e300, f64::INFINITY],
    [0.0, 1e17, 1.0],
    [0.5, 2.0, 0.3],
    [2.5, 0.7, 4.0],
    [1.0, 1.0, 0.0],
    [0.2, 0.3, 25.0],
];

fn nparams(name: &str) -> usize {
    find(name).unwrap().params.len()
}

#[test]
fn into_equals_scalar_and_broadcast() {
    for &(name, scalar, into) in METHODS {
        for p in PARAMS {
            let p = &p[..nparams(name)];
            let mut a = RandomState::new(7);
            a.standard_normal(); // leave a cached gaussian
            let mut b = a.clone();
            let mut c = a.clone();
            let mut out = [0.0; 9];
            let ra = into(&mut a, &mut out, p);
            let rb: Result<Vec<f64>> = (0..9).map(|_| scalar(&mut b, p)).collect();
            let params: Vec<NdArray<Num>> = p.iter().map(|&x| NdArray::scalar(Num::F(x))).collect();
            let rc = c.broadcast(find(name).unwrap(), &params, Some(&[3, 3]));
            match (ra, rb, rc) {
                (Ok(()), Ok(vb), Ok(Output::F64(vc))) => {
                    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(&out), bits(&vb), "{name} {p:?}");
                    assert_eq!(bits(&out), bits(&vc.data), "{name} {p:?}");
                    assert_eq!(a, b);
                    assert_eq!(a, c);
                }
                (Err(ea), Err(eb), Err(ec)) => {
                    assert_eq!(ea, eb);
                    assert_eq!(ea, ec);
                }
                other => panic!("{name} {p:?}: {other:?}"),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn never_panics(seed: u32, x in any::<f64>(), y in any::<f64>(), z in any::<f64>()) {
        let mut rs = RandomState::new(seed);
        for &(name, scalar, into) in METHODS {
            let p = &[x, y, z][..nparams(name)];
            let _ = scalar(&mut rs, p);
            let _ = into(&mut rs, &mut [0.0; 3], p);
        }
        let _ = rs.dirichlet(&[x, y, z], None);
    }
}
