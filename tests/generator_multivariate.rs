//! `Generator.multivariate_normal` (methods `svd`, `eigh`, `cholesky`) against
//! `fixtures/mvn/generator.json`, written from real NumPy 2.4.6 by
//! `scripts/fixgen/mvn_generator.py` (see its docstring for the format).
//!
//! Every call runs through the evaluator (`nprand eval --generator`'s path) and, where the
//! fixture gives typed arguments, through `Generator::multivariate_normal_str` as well.
//! Values are compared by `common::mvn`: a **relative 1e-10** of the result's largest value
//! (NumPy's factor comes from LAPACK on OpenBLAS, whose kernels round differently from
//! nprand's port), plus, only for a (near-)singular covariance or a repeated eigenvalue, what
//! another CPU's LAPACK may legitimately change (see that module's docs); dtype, shape,
//! errors (type and message), warnings and the bit generator state after the calls are
//! compared exactly.
//!
//! `NPRAND_MVN_FIXTURE=/tmp/mvn_cross.json cargo test --release --test generator_multivariate
//! -- --ignored --nocapture` replays a (large, uncommitted) cross-check file written by
//! `python3 -m fixgen.mvn_generator --crosscheck N` (from `scripts/`) with the same rules.
#![cfg(feature = "eval")]

mod common;

use common::mvn::{mvn_close, MvnInputs};
use common::{float_tokens as floats, result_f64s};
use nprand::eval::generator::{eval_generator_value, make_generator};
use nprand::generator::{default_rng, AnyGenerator, BitGenKind, CheckValid, MvnMethod};
use nprand::{BitGenerator, ErrorKind};
use serde_json::Value as J;
use std::collections::BTreeMap;
use std::path::Path;

fn load(path: &Path) -> J {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{} ({e}); run scripts/gen_fixtures.py", path.display()));
    serde_json::from_str(&text).expect("JSON")
}

/// NumPy's values against ours by `common::mvn::mvn_close` (relative to the largest value),
/// with the call's inputs (typed arguments, else the call's literals) and the normals it draws
/// first (`before` is the generator just before the call).
fn close(before: &AnyGenerator, c: &J, got: &[f64]) -> Result<(), String> {
    let inputs = match c.get("typed") {
        Some(t) => MvnInputs {
            mean: floats(t["mean"].as_str().unwrap()),
            cov: floats(t["cov"].as_str().unwrap()),
            n: t["n"].as_u64().unwrap() as usize,
        },
        None => MvnInputs::parse(c["call"].as_str().unwrap()).unwrap_or_default(),
    };
    let mut z = vec![0.0; got.len()];
    before.clone().standard_normal_into(&mut z);
    mvn_close(got, &result_f64s(&c["result"]), &inputs, &z, 1e-10, false)
}

fn check_error(err: &nprand::Error, e: &J) -> Result<(), String> {
    let (t, m) = (e["type"].as_str().unwrap(), e["message"].as_str().unwrap());
    if err.kind().name() == t && err.message() == m {
        Ok(())
    } else {
        Err(format!("error {err}, NumPy {t}: {m}"))
    }
}

/// The evaluator on one call: values (with the tolerance), dtype, shape or the error.
fn eval_call(g: &mut AnyGenerator, c: &J) -> Result<(), String> {
    let call = c["call"].as_str().unwrap();
    let before = g.clone();
    match (eval_generator_value(g, call), c.get("error")) {
        (Err(err), Some(e)) => check_error(&err, e),
        (Ok(v), Some(e)) => Err(format!("no error ({:?}), NumPy {e}", v.value.shape)),
        (Err(err), None) => Err(format!("error {err}, NumPy returned a value")),
        (Ok(v), None) => {
            common::check_type(&v.value, v.float32, &c["result"])?;
            match &v.value.data {
                nprand::eval::value::Data::F64(x) => close(&before, c, x),
                other => Err(format!("data {other:?}")),
            }
        }
    }
}

/// The typed API on one call: values, warning or the error.
fn typed_call(g: &mut AnyGenerator, c: &J) -> Result<(), String> {
    let t = &c["typed"];
    let mean = floats(t["mean"].as_str().unwrap());
    let cov = floats(t["cov"].as_str().unwrap());
    let n = t["n"].as_u64().unwrap() as usize;
    let rows = t["rows"].as_u64().unwrap() as usize;
    let tol: f64 = t["tol"].as_str().unwrap().parse().unwrap();
    let method: MvnMethod = t["method"].as_str().unwrap().parse().unwrap();
    let cv = t["check_valid"].as_str().unwrap();
    let before = g.clone();
    let got = g.multivariate_normal_str(&mean, &cov, (n, n), rows, cv, tol, method);
    // The options form (cov as rows, size=(rows,)) gives the same bits and NumPy's shape.
    if let (Ok(out), Ok(check_valid), true) = (&got, cv.parse::<nprand::CheckValid>(), n > 0) {
        let rows_of_cov: Vec<Vec<f64>> = cov.chunks(n.max(1)).map(<[f64]>::to_vec).collect();
        let opts = nprand::MvnOptions::new()
            .size([rows])
            .check_valid(check_valid)
            .tol(tol)
            .method(method);
        let mut g2 = before.clone();
        let o = g2
            .multivariate_normal(&mean, &rows_of_cov, &opts)
            .map_err(|e| format!("options form: {e}"))?;
        let same = o
            .values
            .iter()
            .zip(&out.values)
            .all(|(a, b)| a.to_bits() == b.to_bits());
        if !same || o.shape != [rows, n] || o.warning != out.warning {
            return Err("the options form differs from the flat form".into());
        }
    }
    match (got, c.get("error")) {
        (Err(err), Some(e)) => check_error(&err, e),
        (Ok(_), Some(e)) => Err(format!("no error, NumPy {e}")),
        (Err(err), None) => Err(format!("error {err}, NumPy returned a value")),
        (Ok(out), None) => {
            close(&before, c, &out.values)?;
            let w = c["warning"].as_str();
            if out.warning.as_deref() == w {
                Ok(())
            } else {
                Err(format!("warning {:?}, NumPy {w:?}", out.warning))
            }
        }
    }
}

#[derive(Default)]
struct Stats {
    calls: usize,
    typed: usize,
    errors: usize,
    warnings: usize,
    failures: Vec<String>,
    bad_states: usize,
    /// per category (cross-check files): (calls, failures)
    by_category: BTreeMap<String, (usize, usize)>,
}

fn replay(doc: &J) -> Stats {
    let mut st = Stats::default();
    for case in doc["cases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let kind: BitGenKind = case["gen"].as_str().unwrap().parse().unwrap();
        let seed = case["seed"].as_str().unwrap();
        let mut g = make_generator(kind, seed).unwrap();
        let mut h = make_generator(kind, seed).unwrap();
        for c in case["calls"].as_array().unwrap() {
            st.calls += 1;
            st.errors += c.get("error").is_some() as usize;
            st.warnings += c["warning"].is_string() as usize;
            let mut res = eval_call(&mut g, c).map_err(|e| format!("eval: {e}"));
            if c.get("typed").is_some() {
                st.typed += 1;
                let r = typed_call(&mut h, c).map_err(|e| format!("typed: {e}"));
                res = res.and(r);
            } else {
                // Keep the second generator in step through the evaluator.
                let _ = eval_generator_value(&mut h, c["call"].as_str().unwrap());
            }
            if res.is_ok() && g.bit_generator().state() != h.bit_generator().state() {
                res = Err("typed API and evaluator drew differently".into());
            }
            let cat = c["category"].as_str().unwrap_or("fixture").to_string();
            let e = st.by_category.entry(cat.clone()).or_default();
            e.0 += 1;
            if let Err(msg) = res {
                e.1 += 1;
                let call = c["call"].as_str().unwrap();
                st.failures.push(format!("{id} [{cat}]: {call}: {msg}"));
            }
        }
        if g.bit_generator().state().to_json() != case["state"].as_str().unwrap() {
            st.bad_states += 1;
            st.failures.push(format!("{id}: final state differs"));
        }
    }
    st
}

#[test]
fn fixtures_match_numpy() {
    let doc = load(&common::fixture_path("mvn/generator.json"));
    assert_eq!(doc["numpy_version"], "2.4.6");
    let st = replay(&doc);
    for f in st.failures.iter().take(40) {
        eprintln!("{f}");
    }
    assert!(
        st.failures.is_empty(),
        "{} of {} calls differ from NumPy",
        st.failures.len(),
        st.calls
    );
    // The fixture set covers what it claims to.
    assert!(st.calls >= 250 && st.typed >= 150 && st.errors >= 60 && st.warnings >= 10);
    eprintln!(
        "{} calls ({} also typed, {} NumPy errors, {} warnings): all equal to NumPy 2.4.6",
        st.calls, st.typed, st.errors, st.warnings
    );
}

/// Replays `$NPRAND_MVN_FIXTURE` (a cross-check file, see the module docs).
#[test]
#[ignore]
fn crosscheck_file() {
    let Ok(path) = std::env::var("NPRAND_MVN_FIXTURE") else {
        eprintln!("NPRAND_MVN_FIXTURE is not set; nothing to do");
        return;
    };
    let st = replay(&load(Path::new(&path)));
    // Calls are long (a whole matrix): the case id, category and the comparison suffice.
    for f in st
        .failures
        .iter()
        .filter(|f| !f.contains("[noisy]"))
        .take(30)
    {
        let head: String = f.chars().take(40).collect();
        let tail: String = f
            .chars()
            .skip(f.chars().count().saturating_sub(300))
            .collect();
        eprintln!("{head} ... {tail}");
    }
    eprintln!(
        "{} calls ({} NumPy errors, {} warnings), {} differ, {} final states differ",
        st.calls,
        st.errors,
        st.warnings,
        st.failures.len() - st.bad_states,
        st.bad_states
    );
    for (cat, (n, bad)) in &st.by_category {
        eprintln!("  {cat:16} {n:6} calls, {bad} differ");
    }
    assert!(st.failures.is_empty());
}

#[test]
fn draws_come_before_factoring_errors() {
    // NumPy draws standard_normal(size + (n,)) first, so every error after the shape checks
    // still advances the generator by rows * n normals.
    let drew = |rng: &nprand::Generator<nprand::Pcg64>, seed: u128, k: usize| {
        let mut other = default_rng(seed);
        other.standard_normal_into(&mut vec![0.0; k]);
        assert_eq!(rng, &other);
    };
    let not_psd = [1.0, 2.0, 2.0, 1.0];
    for (method, msg) in [
        (
            MvnMethod::Svd,
            "covariance is not symmetric positive-semidefinite.",
        ),
        (
            MvnMethod::Eigh,
            "covariance is not symmetric positive-semidefinite.",
        ),
        (MvnMethod::Cholesky, "Matrix is not positive definite"),
    ] {
        let mut rng = default_rng(3);
        let e = rng
            .multivariate_normal_raw(
                &[0.0, 0.0],
                &not_psd,
                (2, 2),
                3,
                CheckValid::Raise,
                1e-8,
                method,
            )
            .unwrap_err();
        assert_eq!(e.message(), msg);
        drew(&rng, 3, 6);
    }
    let mut rng = default_rng(4);
    let e = rng
        .multivariate_normal_raw(
            &[0.0],
            &[f64::NAN],
            (1, 1),
            2,
            CheckValid::Warn,
            1e-8,
            MvnMethod::Svd,
        )
        .unwrap_err();
    assert_eq!(e.to_string(), "LinAlgError: SVD did not converge");
    drew(&rng, 4, 2);
    // Shape errors and the unported orders come first and draw nothing.
    let mut rng = default_rng(5);
    let e = rng
        .multivariate_normal_raw(
            &[0.0],
            &[1.0, 0.0, 0.0, 1.0],
            (2, 2),
            2,
            CheckValid::Warn,
            1e-8,
            MvnMethod::Eigh,
        )
        .unwrap_err();
    assert_eq!(e.message(), "mean and cov must have same length");
    let eye26: Vec<f64> = (0..26 * 26).map(|k| (k % 27 == 0) as u8 as f64).collect();
    for method in [MvnMethod::Svd, MvnMethod::Eigh] {
        let e = rng
            .multivariate_normal_raw(
                &[0.0; 26],
                &eye26,
                (26, 26),
                2,
                CheckValid::Warn,
                1e-8,
                method,
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotImplementedError);
    }
    assert_eq!(rng, default_rng(5));
    // Cholesky has no order limit.
    let out = rng
        .multivariate_normal_raw(
            &[0.0; 26],
            &eye26,
            (26, 26),
            2,
            CheckValid::Warn,
            1e-8,
            MvnMethod::Cholesky,
        )
        .unwrap();
    let mut z = vec![0.0; 52];
    default_rng(5).standard_normal_into(&mut z);
    assert_eq!(out.values, z, "identity covariance: the normals themselves");
}

#[test]
fn typed_check_valid_matches_string_form() {
    let cov = [2.0, 0.3, -0.4, 0.3, 1.5, 0.2, -0.4, 0.2, 1.0];
    for method in [MvnMethod::Svd, MvnMethod::Eigh, MvnMethod::Cholesky] {
        for cv in [CheckValid::Warn, CheckValid::Raise, CheckValid::Ignore] {
            let a = default_rng(9)
                .multivariate_normal_raw(&[1.0, 2.0, 3.0], &cov, (3, 3), 4, cv, 1e-8, method)
                .unwrap();
            let b = default_rng(9)
                .multivariate_normal_str(
                    &[1.0, 2.0, 3.0],
                    &cov,
                    (3, 3),
                    4,
                    cv.as_str(),
                    1e-8,
                    method,
                )
                .unwrap();
            assert_eq!(a, b);
        }
    }
}
