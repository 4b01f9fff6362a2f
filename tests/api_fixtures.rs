//! The library's NumPy-shaped calls (issue 13) against `fixtures/api/cases.json` (family
//! `api`, real NumPy 2.4.6): array parameters broadcast, `choice`/`permutation` of arrays,
//! shuffles of rows, `multinomial`/`dirichlet`/`multivariate_hypergeometric` with `size`
//! tuples, int64 `randint`/`integers`, on `RandomState(12345)` and `default_rng(12345)`.
//! Each fixture call maps to one Rust line below; values compare bit for bit, shapes exactly.

mod common;

use nprand::array::NdArray;
use nprand::generator::MvhgMethod;
use nprand::{default_rng, RandomState};

/// A result: its shape and its values (floats by bits).
#[derive(Debug, PartialEq)]
enum Out {
    F(Vec<usize>, Vec<u64>),
    I(Vec<usize>, Vec<i64>),
}

fn f(a: NdArray<f64>) -> Out {
    Out::F(a.shape.clone(), a.iter().map(|x| x.to_bits()).collect())
}

fn i(a: NdArray<i64>) -> Out {
    Out::I(a.shape, a.data)
}

/// `x` with `shape`, as a float or int result.
fn fs(shape: &[usize], x: Vec<f64>) -> Out {
    f(NdArray::new(shape.to_vec(), x).unwrap())
}
fn is(shape: &[usize], x: Vec<i64>) -> Out {
    i(NdArray::new(shape.to_vec(), x).unwrap())
}

const P10: [f64; 10] = [0.04, 0.04, 0.04, 0.04, 0.04, 0.16, 0.16, 0.16, 0.16, 0.16];

/// The Rust line of each `RandomState` call of the fixture.
fn legacy(call: &str) -> Out {
    let mut rs = RandomState::new(12345);
    let arange = |n: i64| (0..n).collect::<Vec<i64>>();
    let r = match call {
        "poisson([1, 10, 100])" => i(rs.poisson_array([1, 10, 100], None).unwrap()),
        "normal([0., 10.], [[1.], [2.], [3.]])" => {
            f(rs.normal_array([0., 10.], [[1.], [2.], [3.]], None).unwrap())
        }
        "binomial(10, [[0.1], [0.9]], size=(2, 3))" => {
            i(rs.binomial_array(10, [[0.1], [0.9]], Some(&[2, 3])).unwrap())
        }
        "exponential([1., 2.], size=(4, 2))" => {
            f(rs.exponential_array([1., 2.], Some(&[4, 2])).unwrap())
        }
        "uniform(0., [1., 2., 3.])" => f(rs.uniform_array(0., [1., 2., 3.], None).unwrap()),
        "gamma([[0.5], [2.5]], [1., 3.])" => {
            f(rs.gamma_array([[0.5], [2.5]], [1., 3.], None).unwrap())
        }
        "hypergeometric([10, 20], 5, 3)" => {
            i(rs.hypergeometric_array([10, 20], 5, 3, None).unwrap())
        }
        "standard_normal(size=(2, 2))" => f(rs.standard_normal_array(Some(&[2, 2])).unwrap()),
        "choice([1.5, 2.5, 3.5, 4.5], size=(2, 3))" => {
            f(rs.choice(&[1.5, 2.5, 3.5, 4.5], Some(&[2, 3]), true, None).unwrap())
        }
        "choice([10, 20, 30], size=5, p=[0.5, 0.25, 0.25])" => i(rs
            .choice(&[10, 20, 30], Some(&[5]), true, Some(&[0.5, 0.25, 0.25]))
            .unwrap()),
        "choice([1.5, 2.5, 3.5, 4.5, 5.5], size=3, replace=False)" => {
            f(rs.choice(&[1.5, 2.5, 3.5, 4.5, 5.5], Some(&[3]), false, None).unwrap())
        }
        "choice([1.5, 2.5, 3.5, 4.5, 5.5], size=(2, 1), replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])" => {
            let p = [0.1, 0.2, 0.3, 0.2, 0.2];
            f(rs.choice(&[1.5, 2.5, 3.5, 4.5, 5.5], Some(&[2, 1]), false, Some(&p)).unwrap())
        }
        "choice([1.5, 2.5, 3.5])" => f(rs.choice(&[1.5, 2.5, 3.5], None, true, None).unwrap()),
        "choice(10, size=(2, 2))" => i(rs.choice_index(10, Some(&[2, 2]), true, None).unwrap()),
        "choice(10, size=4, replace=False, p=[0.04, 0.04, 0.04, 0.04, 0.04, 0.16, 0.16, 0.16, 0.16, 0.16])" => {
            i(rs.choice_index(10, Some(&[4]), false, Some(&P10)).unwrap())
        }
        "permutation([1.5, 2.5, 3.5, 4.5, 5.5])" => {
            fs(&[5], rs.permutation_of(&[1.5, 2.5, 3.5, 4.5, 5.5]))
        }
        "permutation([3, 1, 4, 1, 5, 9])" => is(&[6], rs.permutation_of(&[3, 1, 4, 1, 5, 9])),
        "permutation(np.arange(12).reshape(4, 3))" => {
            is(&[4, 3], rs.permutation_rows(&arange(12), 3))
        }
        "shuffle(np.arange(12).reshape(4, 3))" => {
            let mut x = arange(12);
            rs.shuffle_rows(&mut x, 3);
            is(&[4, 3], x)
        }
        "shuffle(np.arange(80).reshape(40, 2))" => {
            let mut x = arange(80);
            rs.shuffle_rows(&mut x, 2);
            is(&[40, 2], x)
        }
        "shuffle([2.5, 3.5, 4.5, 5.5])" => {
            let mut x = [2.5, 3.5, 4.5, 5.5];
            rs.shuffle(&mut x);
            fs(&[4], x.to_vec())
        }
        "multinomial(20, [0.2, 0.3, 0.5], size=(2, 3))" => {
            i(rs.multinomial(20, &[0.2, 0.3, 0.5], Some(&[2, 3])).unwrap())
        }
        "multinomial(20, [0.2, 0.3, 0.5])" => {
            i(rs.multinomial(20, &[0.2, 0.3, 0.5], None).unwrap())
        }
        "dirichlet([1., 2., 3.], size=(2, 2))" => {
            f(rs.dirichlet(&[1., 2., 3.], Some(&[2, 2])).unwrap())
        }
        "dirichlet([0.05, 0.02], size=2)" => f(rs.dirichlet(&[0.05, 0.02], Some(&[2])).unwrap()),
        "randint(0, 10, size=(2, 3))" => i(rs.randint_array(0, 10, Some(&[2, 3])).unwrap()),
        "randint(0, 10)" => is(&[], vec![rs.randint(0, 10).unwrap()]),
        "random_sample(size=(2, 2))" => f(rs.random_sample_array(Some(&[2, 2])).unwrap()),
        "randint([0, 5], 10, size=(3, 2))" => {
            i(rs.randint_array([0, 5], 10, Some(&[3, 2])).unwrap())
        }
        "randint([[0], [5]], [10, 200, 3000])" => {
            i(rs.randint_array([[0], [5]], [10, 200, 3000], None).unwrap())
        }
        "randint(0, [10, 2**40])" => i(rs.randint_array(0, [10, 1i64 << 40], None).unwrap()),
        "randint(2.5, 10, size=3)" => i(rs.randint_array(2.5, 10, Some(&[3])).unwrap()),
        _ => panic!("no Rust line for RandomState.{call}"),
    };
    r
}

/// The Rust line of each `Generator` call of the fixture.
fn generator(call: &str) -> Out {
    let mut rng = default_rng(12345);
    let arange = |n: i64| (0..n).collect::<Vec<i64>>();
    let r = match call {
        "poisson([1, 10, 100])" => i(rng.poisson_array([1, 10, 100], None).unwrap()),
        "normal([0., 10.], [[1.], [2.], [3.]])" => {
            f(rng.normal_array([0., 10.], [[1.], [2.], [3.]], None).unwrap())
        }
        "binomial(10, [[0.1], [0.9]], size=(2, 3))" => {
            i(rng.binomial_array(10, [[0.1], [0.9]], Some(&[2, 3])).unwrap())
        }
        "exponential([1., 2.], size=(4, 2))" => {
            f(rng.exponential_array([1., 2.], Some(&[4, 2])).unwrap())
        }
        "uniform(0., [1., 2., 3.])" => f(rng.uniform_array(0., [1., 2., 3.], None).unwrap()),
        "gamma([[0.5], [2.5]], [1., 3.])" => {
            f(rng.gamma_array([[0.5], [2.5]], [1., 3.], None).unwrap())
        }
        "hypergeometric([10, 20], 5, 3)" => {
            i(rng.hypergeometric_array([10, 20], 5, 3, None).unwrap())
        }
        "standard_normal(size=(2, 2))" => f(rng.standard_normal_array(Some(&[2, 2])).unwrap()),
        "choice([1.5, 2.5, 3.5, 4.5], size=(2, 3))" => {
            f(rng.choice(&[1.5, 2.5, 3.5, 4.5], Some(&[2, 3]), true, None, true).unwrap())
        }
        "choice([10, 20, 30], size=5, p=[0.5, 0.25, 0.25])" => i(rng
            .choice(&[10, 20, 30], Some(&[5]), true, Some(&[0.5, 0.25, 0.25]), true)
            .unwrap()),
        "choice([1.5, 2.5, 3.5, 4.5, 5.5], size=3, replace=False)" => {
            f(rng.choice(&[1.5, 2.5, 3.5, 4.5, 5.5], Some(&[3]), false, None, true).unwrap())
        }
        "choice([1.5, 2.5, 3.5, 4.5, 5.5], size=(2, 1), replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])" => {
            let p = [0.1, 0.2, 0.3, 0.2, 0.2];
            f(rng.choice(&[1.5, 2.5, 3.5, 4.5, 5.5], Some(&[2, 1]), false, Some(&p), true).unwrap())
        }
        "choice([1.5, 2.5, 3.5])" => {
            f(rng.choice(&[1.5, 2.5, 3.5], None, true, None, true).unwrap())
        }
        "choice(10, size=(2, 2))" => {
            i(rng.choice_index(10, Some(&[2, 2]), true, None, true).unwrap())
        }
        "choice(10, size=4, replace=False, p=[0.04, 0.04, 0.04, 0.04, 0.04, 0.16, 0.16, 0.16, 0.16, 0.16])" => {
            i(rng.choice_index(10, Some(&[4]), false, Some(&P10), true).unwrap())
        }
        "choice([1.5, 2.5, 3.5, 4.5, 5.5], size=3, replace=False, shuffle=False)" => {
            f(rng.choice(&[1.5, 2.5, 3.5, 4.5, 5.5], Some(&[3]), false, None, false).unwrap())
        }
        "choice(20000, size=600, replace=False)" => {
            i(rng.choice_index(20000, Some(&[600]), false, None, true).unwrap())
        }
        "permutation([1.5, 2.5, 3.5, 4.5, 5.5])" => {
            fs(&[5], rng.permutation_of(&[1.5, 2.5, 3.5, 4.5, 5.5]))
        }
        "permutation([3, 1, 4, 1, 5, 9])" => is(&[6], rng.permutation_of(&[3, 1, 4, 1, 5, 9])),
        "permutation(np.arange(12).reshape(4, 3))" => {
            is(&[4, 3], rng.permutation_rows(&arange(12), 3))
        }
        "shuffle(np.arange(12).reshape(4, 3))" => {
            let mut x = arange(12);
            rng.shuffle_rows(&mut x, 3);
            is(&[4, 3], x)
        }
        "shuffle(np.arange(80).reshape(40, 2))" => {
            let mut x = arange(80);
            rng.shuffle_rows(&mut x, 2);
            is(&[40, 2], x)
        }
        "shuffle([2.5, 3.5, 4.5, 5.5])" => {
            let mut x = [2.5, 3.5, 4.5, 5.5];
            rng.shuffle(&mut x);
            fs(&[4], x.to_vec())
        }
        "multinomial(20, [0.2, 0.3, 0.5], size=(2, 3))" => {
            i(rng.multinomial(20, &[0.2, 0.3, 0.5], Some(&[2, 3])).unwrap())
        }
        "multinomial(20, [0.2, 0.3, 0.5])" => {
            i(rng.multinomial(20, &[0.2, 0.3, 0.5], None).unwrap())
        }
        "dirichlet([1., 2., 3.], size=(2, 2))" => {
            f(rng.dirichlet(&[1., 2., 3.], Some(&[2, 2])).unwrap())
        }
        "dirichlet([0.05, 0.02], size=2)" => {
            f(rng.dirichlet(&[0.05, 0.02], Some(&[2])).unwrap())
        }
        "multivariate_hypergeometric([7, 9, 4], 12, size=(2, 2))" => i(rng
            .multivariate_hypergeometric(&[7, 9, 4], 12, Some(&[2, 2]), MvhgMethod::Marginals)
            .unwrap()),
        "multivariate_hypergeometric([7, 9, 4], 12, size=3, method='count')" => i(rng
            .multivariate_hypergeometric(&[7, 9, 4], 12, Some(&[3]), MvhgMethod::Count)
            .unwrap()),
        "integers(0, 10, size=(2, 3))" => {
            i(rng.integers_array(0, 10, Some(&[2, 3]), false).unwrap())
        }
        "integers(0, 10)" => is(&[], vec![rng.integers(0, 10, false).unwrap()]),
        "integers(0, 10, size=3, endpoint=True)" => {
            i(rng.integers_array(0, 10, Some(&[3]), true).unwrap())
        }
        "random(size=(2, 2))" => f(rng.random_array(Some(&[2, 2])).unwrap()),
        "integers([0, 5], [[10], [20]])" => {
            i(rng.integers_array([0, 5], [[10], [20]], None, false).unwrap())
        }
        "integers([0, 5], 10, size=(3, 2), endpoint=True)" => {
            i(rng.integers_array([0, 5], 10, Some(&[3, 2]), true).unwrap())
        }
        "integers(-3, [2**62, 5])" => {
            i(rng.integers_array(-3, [1i64 << 62, 5], None, false).unwrap())
        }
        "integers(2.5, 10, size=3)" => i(rng.integers_array(2.5, 10, Some(&[3]), false).unwrap()),
        "multinomial([10, 20], [[0.2, 0.8], [0.5, 0.5]])" => {
            i(rng.multinomial_array([10, 20], [[0.2, 0.8], [0.5, 0.5]], None).unwrap())
        }
        "multinomial(20, [[0.2, 0.8], [0.5, 0.5]], size=(3, 2))" => i(rng
            .multinomial_array(20, [[0.2, 0.8], [0.5, 0.5]], Some(&[3, 2]))
            .unwrap()),
        "multinomial([[5], [50]], [0.1, 0.2, 0.7])" => {
            i(rng.multinomial_array([[5], [50]], [0.1, 0.2, 0.7], None).unwrap())
        }
        "choice(np.arange(12.).reshape(4, 3), 2)" => {
            let x = NdArray::new(vec![4, 3], (0..12).map(f64::from).collect()).unwrap();
            f(rng.choice_axis(&x, Some(&[2]), true, None, 0, true).unwrap())
        }
        "choice(np.arange(12.).reshape(3, 4), size=(2, 2), replace=False, axis=1)" => {
            let x = NdArray::new(vec![3, 4], (0..12).map(f64::from).collect()).unwrap();
            f(rng.choice_axis(&x, Some(&[2, 2]), false, None, 1, true).unwrap())
        }
        "choice(np.arange(24.).reshape(2, 3, 4), p=[0.2, 0.3, 0.5], axis=1)" => {
            let x = NdArray::new(vec![2, 3, 4], (0..24).map(f64::from).collect()).unwrap();
            f(rng.choice_axis(&x, None, true, Some(&[0.2, 0.3, 0.5]), 1, true).unwrap())
        }
        _ => panic!("no Rust line for Generator.{call}"),
    };
    r
}

/// The fixture's result as an [`Out`].
fn expected(result: &serde_json::Value) -> Out {
    let shape: Vec<usize> = common::json_ints(&result["shape"])
        .into_iter()
        .map(|d| d as usize)
        .collect();
    let data = result["data"].as_str().expect("inline data");
    match result["dtype"].as_str() {
        Some("float64") => Out::F(
            shape,
            common::float_tokens(data)
                .iter()
                .map(|x| x.to_bits())
                .collect(),
        ),
        Some("int64") => Out::I(
            shape,
            data.split_whitespace()
                .map(|t| t.parse().unwrap())
                .collect(),
        ),
        d => panic!("dtype {d:?}"),
    }
}

#[test]
fn numpy_shaped_calls_match_numpy() {
    let doc = common::load_json("api/cases.json");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for case in cases {
        let call = case["call"].as_str().unwrap();
        let got = match case["layer"].as_str().unwrap() {
            "legacy" => legacy(call),
            "generator" => generator(call),
            l => panic!("layer {l}"),
        };
        assert_eq!(got, expected(&case["result"]), "{}.{call}", case["layer"]);
    }
}
