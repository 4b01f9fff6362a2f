//! Every case of `fixtures/generator/cases.json` (written by `scripts/gen_fixtures.py`,
//! family `generator`, from real NumPy 2.4.6) replayed through `nprand::eval::generator` and
//! compared exactly: the Python type of each result, its dtype, shape and values (bit for bit;
//! the few 100,000-element arrays by SHA-256 of their bytes), each error's exception type and
//! message, and the bit generator's state JSON after the calls.
#![cfg(feature = "eval")]

mod common;

use nprand::eval::generator::{eval_generator_value, make_generator};
use nprand::eval::value::Data;
use nprand::generator::BitGenKind;
use nprand::BitGenerator;

#[test]
fn generator_fixtures_replay_exactly() {
    let doc = common::load_json("generator/cases.json");
    assert_eq!(doc["numpy_version"], "2.4.6");
    let mut failures = Vec::new();
    let (mut n_calls, mut n_cases) = (0, 0);
    for case in doc["cases"].as_array().unwrap() {
        n_cases += 1;
        let id = case["id"].as_str().unwrap();
        let kind: BitGenKind = case["gen"].as_str().unwrap().parse().unwrap();
        let mut g = make_generator(kind, case["seed"].as_str().unwrap()).unwrap();
        for c in case["calls"].as_array().unwrap() {
            n_calls += 1;
            let call = c["call"].as_str().unwrap();
            let got = eval_generator_value(&mut g, call);
            let res = match (c.get("error"), got) {
                (Some(e), Err(err)) => {
                    // NumPy's exact exception type (AxisError included, issue #12).
                    let etype = e["type"].as_str().unwrap();
                    if err.kind().name() == etype && err.message() == e["message"].as_str().unwrap()
                    {
                        Ok(())
                    } else {
                        Err(format!(
                            "error {err}, NumPy {}: {}",
                            e["type"], e["message"]
                        ))
                    }
                }
                (Some(e), Ok(v)) => Err(format!("no error ({:?}), NumPy {}", v.value.shape, e)),
                (None, Err(err)) => Err(format!("error {err}, NumPy returned a value")),
                (None, Ok(v)) => common::check_result(&v.value, v.float32, &c["result"]),
            };
            if let Err(msg) = res {
                failures.push(format!("{id}: {call}: {msg}"));
            }
        }
        let state = g.bit_generator().state().to_json();
        if state != case["state"].as_str().unwrap() {
            failures.push(format!("{id}: final state differs"));
        }
    }
    for f in failures.iter().take(60) {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {n_calls} calls / {n_cases} cases differ from NumPy",
        failures.len()
    );
    eprintln!("{n_cases} cases, {n_calls} calls: all equal to NumPy 2.4.6");
}

/// The typed API (`rng.normal_into(...)`, `rng.integers_into::<u8>(...)` …) draws exactly
/// what the evaluator (checked against NumPy above) draws for the same call.
/// A typed-API draw: the data and the state after it.
type Check<'a> = Box<dyn Fn() -> (Data, String) + 'a>;

#[test]
fn typed_api_matches_evaluator() {
    use nprand::generator::{AnyGenerator, MvhgMethod};
    fn ev(kind: BitGenKind, call: &str) -> (Data, String) {
        let mut g = AnyGenerator::from_kind(kind, 2024);
        let v = eval_generator_value(&mut g, call).unwrap();
        (v.value.data, g.bit_generator().state().to_json())
    }
    fn f(v: Vec<f64>) -> Data {
        Data::F64(v)
    }
    fn f32s(v: Vec<f32>) -> Data {
        Data::F32(v)
    }
    for kind in BitGenKind::ALL {
        let new = || AnyGenerator::from_kind(kind, 2024);
        let mut checks: Vec<(&str, Check<'_>)> = Vec::new();
        macro_rules! fl {
            ($call:expr, |$g:ident, $o:ident| $body:expr) => {
                checks.push((
                    $call,
                    Box::new(move || {
                        let mut $g = new();
                        let mut $o = vec![0.0f64; 7];
                        $body;
                        (f($o), $g.bit_generator().state().to_json())
                    }),
                ));
            };
        }
        macro_rules! it {
            ($call:expr, |$g:ident, $o:ident| $body:expr) => {
                checks.push((
                    $call,
                    Box::new(move || {
                        let mut $g = new();
                        let mut $o = vec![0i64; 7];
                        $body;
                        (Data::I64($o), $g.bit_generator().state().to_json())
                    }),
                ));
            };
        }
        fl!("random(7)", |g, o| g.random_into(&mut o));
        fl!("standard_normal(7)", |g, o| g.standard_normal_into(&mut o));
        fl!("normal(1, 2, size=7)", |g, o| g
            .normal_into(&mut o, 1.0, 2.0)
            .unwrap());
        fl!("standard_exponential(7)", |g, o| g
            .standard_exponential_into(&mut o));
        fl!("standard_exponential(7, method='inv')", |g, o| g
            .standard_exponential_inv_into(&mut o));
        fl!("exponential(3, size=7)", |g, o| g
            .exponential_into(&mut o, 3.0)
            .unwrap());
        fl!("uniform(-2, 5, size=7)", |g, o| g
            .uniform_into(&mut o, -2.0, 5.0)
            .unwrap());
        fl!("standard_gamma(0.4, size=7)", |g, o| g
            .standard_gamma_into(&mut o, 0.4)
            .unwrap());
        fl!("gamma(3, 2, size=7)", |g, o| g
            .gamma_into(&mut o, 3.0, 2.0)
            .unwrap());
        fl!("beta(0.3, 0.6, size=7)", |g, o| g
            .beta_into(&mut o, 0.3, 0.6)
            .unwrap());
        fl!("chisquare(4, size=7)", |g, o| g
            .chisquare_into(&mut o, 4.0)
            .unwrap());
        fl!("f(3, 9, size=7)", |g, o| g
            .f_into(&mut o, 3.0, 9.0)
            .unwrap());
        fl!("noncentral_chisquare(0.7, 3, size=7)", |g, o| g
            .noncentral_chisquare_into(&mut o, 0.7, 3.0)
            .unwrap());
        fl!("noncentral_f(3, 9, 2, size=7)", |g, o| g
            .noncentral_f_into(&mut o, 3.0, 9.0, 2.0)
            .unwrap());
        fl!("standard_t(3, size=7)", |g, o| g
            .standard_t_into(&mut o, 3.0)
            .unwrap());
        fl!("standard_cauchy(7)", |g, o| g.standard_cauchy_into(&mut o));
        fl!("vonmises(1, 3, size=7)", |g, o| g
            .vonmises_into(&mut o, 1.0, 3.0)
            .unwrap());
        fl!("pareto(2, size=7)", |g, o| g
            .pareto_into(&mut o, 2.0)
            .unwrap());
        fl!("weibull(2, size=7)", |g, o| g
            .weibull_into(&mut o, 2.0)
            .unwrap());
        fl!("power(2, size=7)", |g, o| g
            .power_into(&mut o, 2.0)
            .unwrap());
        fl!("laplace(1, 2, size=7)", |g, o| g
            .laplace_into(&mut o, 1.0, 2.0)
            .unwrap());
        fl!("gumbel(1, 2, size=7)", |g, o| g
            .gumbel_into(&mut o, 1.0, 2.0)
            .unwrap());
        fl!("logistic(1, 2, size=7)", |g, o| g
            .logistic_into(&mut o, 1.0, 2.0)
            .unwrap());
        fl!("lognormal(1, 2, size=7)", |g, o| g
            .lognormal_into(&mut o, 1.0, 2.0)
            .unwrap());
        fl!("rayleigh(2, size=7)", |g, o| g
            .rayleigh_into(&mut o, 2.0)
            .unwrap());
        fl!("wald(1, 2, size=7)", |g, o| g
            .wald_into(&mut o, 1.0, 2.0)
            .unwrap());
        fl!("triangular(0, 1, 3, size=7)", |g, o| g
            .triangular_into(&mut o, 0.0, 1.0, 3.0)
            .unwrap());
        it!("binomial(1000, 0.3, size=7)", |g, o| g
            .binomial_into(&mut o, 1000, 0.3)
            .unwrap());
        it!("poisson(30, size=7)", |g, o| g
            .poisson_into(&mut o, 30.0)
            .unwrap());
        it!("negative_binomial(3, 0.4, size=7)", |g, o| g
            .negative_binomial_into(&mut o, 3.0, 0.4)
            .unwrap());
        it!("geometric(0.1, size=7)", |g, o| g
            .geometric_into(&mut o, 0.1)
            .unwrap());
        it!("zipf(2.5, size=7)", |g, o| g
            .zipf_into(&mut o, 2.5)
            .unwrap());
        it!("logseries(0.8, size=7)", |g, o| g
            .logseries_into(&mut o, 0.8)
            .unwrap());
        it!("hypergeometric(50, 60, 30, size=7)", |g, o| g
            .hypergeometric_into(&mut o, 50, 60, 30)
            .unwrap());
        for (call, typed) in &checks {
            assert_eq!(typed(), ev(kind, call), "{kind:?}: {call}");
        }
        // Scalars, float32, integers, sequences and the multivariate methods.
        let mut g = new();
        let x = [g.normal(0.5, 2.0).unwrap(), g.beta(2.0, 3.0).unwrap()];
        let mut h = new();
        let e = [
            eval_generator_value(&mut h, "normal(0.5, 2.0)")
                .unwrap()
                .value
                .data,
            eval_generator_value(&mut h, "beta(2, 3)")
                .unwrap()
                .value
                .data,
        ];
        assert_eq!([f(vec![x[0]]), f(vec![x[1]])], e, "{kind:?}: scalars");
        let mut g = new();
        let mut o = vec![0f32; 9];
        g.standard_normal_f32_into(&mut o);
        assert_eq!(f32s(o), ev(kind, "standard_normal(9, dtype=np.float32)").0);
        let mut g = new();
        let mut o = vec![0f32; 9];
        g.standard_gamma_f32_into(&mut o, 0.7).unwrap();
        assert_eq!(
            f32s(o),
            ev(kind, "standard_gamma(0.7, size=9, dtype=np.float32)").0
        );
        let mut g = new();
        let mut o = vec![0u8; 11];
        g.integers_into(&mut o, 3, 200, false).unwrap();
        assert_eq!(
            Data::U8(o),
            ev(kind, "integers(3, 200, size=11, dtype=np.uint8)").0
        );
        let mut g = new();
        let mut o = vec![false; 40];
        g.integers_into(&mut o, 0, 1, true).unwrap();
        assert_eq!(
            Data::Bool(o),
            ev(kind, "integers(0, 1, size=40, dtype=bool, endpoint=True)").0
        );
        let mut g = new();
        let v: i16 = g.integers_dtype(-300, 300, false).unwrap();
        assert_eq!(
            Data::I16(vec![v]),
            ev(kind, "integers(-300, 300, dtype=np.int16)").0
        );
        let mut g = new();
        assert_eq!(Data::Bytes(g.bytes(10).unwrap()), ev(kind, "bytes(10)").0);
        let mut g = new();
        assert_eq!(
            Data::I64(g.permutation(12).unwrap()),
            ev(kind, "permutation(12)").0
        );
        let mut g = new();
        let c = g
            .choice_index(20000, Some(&[600]), false, None, true)
            .unwrap();
        assert_eq!(
            Data::I64(c.data),
            ev(kind, "choice(20000, size=600, replace=False)").0
        );
        let mut g = new();
        let c = g
            .choice_index(3, Some(&[8]), true, Some(&[0.2, 0.3, 0.5]), true)
            .unwrap();
        assert_eq!(
            Data::I64(c.data),
            ev(kind, "choice(3, size=8, p=[0.2, 0.3, 0.5])").0
        );
        let mut g = new();
        let m = g
            .multinomial(50, &[0.1, 0.6, 0.3], Some(&[3]))
            .unwrap()
            .data;
        assert_eq!(
            Data::I64(m),
            ev(kind, "multinomial(50, [0.1, 0.6, 0.3], size=3)").0
        );
        let mut g = new();
        let m = g
            .multivariate_hypergeometric(&[7, 9, 4], 12, Some(&[2]), MvhgMethod::Count)
            .unwrap()
            .data;
        assert_eq!(
            Data::I64(m),
            ev(
                kind,
                "multivariate_hypergeometric([7, 9, 4], 12, size=2, method='count')"
            )
            .0
        );
        let mut g = new();
        let d = g.dirichlet(&[0.02, 0.05], Some(&[3])).unwrap().data;
        assert_eq!(f(d), ev(kind, "dirichlet([0.02, 0.05], size=3)").0);
        let mut g = new();
        let p = g
            .permuted(&[1i64, 2, 3, 4, 5, 6], &[2, 3], Some(1))
            .unwrap();
        assert_eq!(
            Data::I64(p),
            ev(kind, "permuted([[1, 2, 3], [4, 5, 6]], axis=1)").0
        );
    }
}
