//! NumPy lines and their one-line Rust ports (issue 13's list): data in, values out, the same
//! method shape on `RandomState` and `Generator`, array parameters without a lookup table.
//!
//! ```text
//! cargo run --example numpy_port
//! ```
//!
//! Each Rust line sits under its NumPy line. Where `fixtures/api/cases.json` (real NumPy
//! 2.4.6 output, `scripts/fixgen/api.py`) has the same call, the value is checked against it
//! bit for bit; `tests/api_fixtures.rs` checks every call of that file.

use nprand::array::NdArray;
use nprand::{default_rng, Generator, MvnOptions, Pcg64, RandomState, SeedSequence};

fn main() -> nprand::Result<()> {
    let fixtures = Fixtures::load();
    let data = [1.5, 2.5, 3.5, 4.5];

    // rng = np.random.default_rng(12345); rng.choice(data, size=(2, 3))
    let rng = || default_rng(12345);
    let x = rng().choice(&data, Some(&[2, 3]), true, None, true)?;
    fixtures.check("generator", "choice([1.5, 2.5, 3.5, 4.5], size=(2, 3))", &x);

    // rng.choice([10, 20, 30], size=5, p=[0.5, 0.25, 0.25])
    let x = rng().choice(
        &[10, 20, 30],
        Some(&[5]),
        true,
        Some(&[0.5, 0.25, 0.25]),
        true,
    )?;
    fixtures.check(
        "generator",
        "choice([10, 20, 30], size=5, p=[0.5, 0.25, 0.25])",
        &x,
    );

    // rng.permutation([1.5, 2.5, 3.5, 4.5, 5.5])
    let x = rng().permutation_of(&[1.5, 2.5, 3.5, 4.5, 5.5]);
    fixtures.check(
        "generator",
        "permutation([1.5, 2.5, 3.5, 4.5, 5.5])",
        &NdArray::from_vec(x),
    );

    // rng.poisson([1, 10, 100])
    let x = rng().poisson_array([1, 10, 100], None)?;
    fixtures.check("generator", "poisson([1, 10, 100])", &x);

    // rng.normal([0., 10.], [[1.], [2.], [3.]])
    let x = rng().normal_array([0., 10.], [[1.], [2.], [3.]], None)?;
    fixtures.check("generator", "normal([0., 10.], [[1.], [2.], [3.]])", &x);

    // The same calls on RandomState, with the same method shapes.
    let rs = || RandomState::new(12345);
    // rs = np.random.RandomState(12345); rs.choice([1.5, 2.5, 3.5, 4.5], size=(2, 3))
    let x = rs().choice(&data, Some(&[2, 3]), true, None)?;
    fixtures.check("legacy", "choice([1.5, 2.5, 3.5, 4.5], size=(2, 3))", &x);
    // rs.poisson([1, 10, 100])
    let x = rs().poisson_array([1, 10, 100], None)?;
    fixtures.check("legacy", "poisson([1, 10, 100])", &x);
    // rs.normal([0., 10.], [[1.], [2.], [3.]])
    let x = rs().normal_array([0., 10.], [[1.], [2.], [3.]], None)?;
    fixtures.check("legacy", "normal([0., 10.], [[1.], [2.], [3.]])", &x);

    // x = np.arange(12).reshape(4, 3); rs.shuffle(x)      (rows, as rng.shuffle(x) does)
    let mut x: Vec<i64> = (0..12).collect();
    rs().shuffle_rows(&mut x, 3);
    fixtures.check(
        "legacy",
        "shuffle(np.arange(12).reshape(4, 3))",
        &NdArray::new(vec![4, 3], x)?,
    );

    // rs.multinomial(20, [0.2, 0.3, 0.5], size=(2, 3)); rng.multinomial(...) alike
    let x = rs().multinomial(20, &[0.2, 0.3, 0.5], Some(&[2, 3]))?;
    fixtures.check(
        "legacy",
        "multinomial(20, [0.2, 0.3, 0.5], size=(2, 3))",
        &x,
    );
    let x = rng().multinomial(20, &[0.2, 0.3, 0.5], Some(&[2, 3]))?;
    fixtures.check(
        "generator",
        "multinomial(20, [0.2, 0.3, 0.5], size=(2, 3))",
        &x,
    );

    // rng.dirichlet([1., 2., 3.], size=(2, 2))
    let x = rng().dirichlet(&[1., 2., 3.], Some(&[2, 2]))?;
    fixtures.check("generator", "dirichlet([1., 2., 3.], size=(2, 2))", &x);

    // rs.randint(0, 10); rng.integers(0, 10)       (int64, no type annotation)
    let k = rs().randint(0, 10)?;
    fixtures.check("legacy", "randint(0, 10)", &NdArray::scalar(k));
    let k = rng().integers(0, 10, false)?;
    fixtures.check("generator", "integers(0, 10)", &NdArray::scalar(k));

    // Results index and iterate like slices: x[0], x.sum() (no .as_slice().unwrap())
    let x = rng().exponential_array([1., 2.], Some(&[4, 2]))?;
    println!("x[0] = {}, sum = {}", x[0], x.iter().sum::<f64>());

    // Array parameters from slices and Vecs: rng.normal(loc, 1.0) with loc a list
    let loc: Vec<f64> = vec![0.0, 5.0];
    let y = rng().normal_array(&loc[..], 1.0, None)?;
    println!("normal(loc, 1.0) = {:?}", &y[..]);

    // rs.randint([0, 5], 10, size=(3, 2)); rng.integers([0, 5], [[10], [20]])
    let x = rs().randint_array([0, 5], 10, Some(&[3, 2]))?;
    fixtures.check("legacy", "randint([0, 5], 10, size=(3, 2))", &x);
    let x = rng().integers_array([0, 5], [[10], [20]], None, false)?;
    fixtures.check("generator", "integers([0, 5], [[10], [20]])", &x);

    // rng.multinomial([10, 20], [[0.2, 0.8], [0.5, 0.5]])
    let x = rng().multinomial_array([10, 20], [[0.2, 0.8], [0.5, 0.5]], None)?;
    fixtures.check(
        "generator",
        "multinomial([10, 20], [[0.2, 0.8], [0.5, 0.5]])",
        &x,
    );

    // X = np.arange(12.).reshape(4, 3); rng.choice(X, 2)        (two rows)
    let big_x = NdArray::new(vec![4, 3], (0..12).map(f64::from).collect())?;
    let x = rng().choice_axis(&big_x, Some(&[2]), true, None, 0, true)?;
    fixtures.check("generator", "choice(np.arange(12.).reshape(4, 3), 2)", &x);

    // rs.multivariate_normal([0., 1.], [[2., .3], [.3, .5]], 6)   (NumPy's defaults)
    let mvn = rs().multivariate_normal(
        &[0.0, 1.0],
        [[2.0, 0.3], [0.3, 0.5]],
        &MvnOptions::new().size([6]),
    )?;
    println!(
        "multivariate_normal -> {:?} {:?}",
        mvn.shape,
        &mvn.values[..2]
    );

    // rng = np.random.default_rng([worker_id, root_seed])   (NumPy's docs' pattern)
    let (worker_id, root_seed) = (3, 0x8c3c010cb4754c905776bdac5ee7501);
    let worker = default_rng([worker_id, root_seed]);
    // Generator(PCG64(SeedSequence([worker_id, root_seed]))): the same generator
    assert_eq!(
        worker,
        Generator::new(Pcg64::new(SeedSequence::new([worker_id, root_seed])))
    );

    // seed = rs.randint(np.iinfo(np.int32).max); RandomState(seed)   (scikit-learn)
    let seed: i64 = rs().randint(0, i32::MAX as i128)?;
    let _child = RandomState::try_new(seed)?;

    // np.random.seed(0); np.random.normal(0, 1, size=3)   (the module-level functions, `std`)
    #[cfg(feature = "std")]
    {
        nprand::global::seed(0);
        let mut z = [0.0; 3];
        nprand::global::normal_into(&mut z, 0.0, 1.0)?;
        assert_eq!(z[0], RandomState::new(0).normal(0.0, 1.0)?);
    }

    // rng.normal(np.zeros((2, 2)), 1.0) with an ndarray view (nprand re-exports ndarray)
    #[cfg(feature = "ndarray")]
    {
        let zeros = nprand::ndarray::Array2::<f64>::zeros((2, 2));
        let y = rng().normal_array(zeros.view(), 1.0, None)?;
        println!("normal(zeros((2, 2)), 1.0) -> {:?}", y.shape);
    }

    fixtures.report();
    Ok(())
}

/// The fixture values, if the repository's `fixtures/api/cases.json` is there.
struct Fixtures {
    cases: Option<serde_json::Value>,
    checked: std::cell::Cell<usize>,
}

impl Fixtures {
    fn load() -> Self {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/api/cases.json");
        let cases = std::fs::read_to_string(path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok());
        Fixtures {
            cases,
            checked: std::cell::Cell::new(0),
        }
    }

    /// Print `call` with its value; assert it equals NumPy's (bits, shape).
    fn check<T: Copy + std::fmt::Debug + Tok>(&self, layer: &str, call: &str, got: &NdArray<T>) {
        println!("{layer}: {call} -> {:?} {:?}", got.shape, &got[..]);
        let Some(doc) = &self.cases else { return };
        let case = doc["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["layer"] == layer && c["call"] == call)
            .unwrap_or_else(|| panic!("{layer}.{call} is not in fixtures/api/cases.json"));
        let want = case["result"]["data"].as_str().unwrap();
        let got_toks: Vec<String> = got.iter().map(|v| v.tok()).collect();
        let want_toks: Vec<String> = want.split_whitespace().map(|t| T::norm(t)).collect();
        assert_eq!(got_toks, want_toks, "{layer}.{call}");
        let shape: Vec<usize> = case["result"]["shape"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(got.shape, shape, "{layer}.{call}");
        self.checked.set(self.checked.get() + 1);
    }

    fn report(&self) {
        match &self.cases {
            Some(_) => println!(
                "{} values equal NumPy 2.4.6's bit for bit",
                self.checked.get()
            ),
            None => println!("(fixtures/api/cases.json not found: values not checked)"),
        }
    }
}

/// A value as a comparable token (floats by their bits).
trait Tok {
    fn tok(&self) -> String;
    fn norm(t: &str) -> String;
}
impl Tok for f64 {
    fn tok(&self) -> String {
        format!("{:016x}", self.to_bits())
    }
    fn norm(t: &str) -> String {
        format!("{:016x}", t.parse::<f64>().unwrap().to_bits())
    }
}
impl Tok for i64 {
    fn tok(&self) -> String {
        self.to_string()
    }
    fn norm(t: &str) -> String {
        t.to_string()
    }
}
