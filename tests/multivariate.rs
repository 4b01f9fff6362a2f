//! `RandomState::multivariate_normal` (the typed API) against real NumPy 2.4.6.
//!
//! The cases live in `fixtures/mvn/legacy.json`, written by `scripts/fixgen/mvn_legacy.py`
//! from NumPy (numpy==2.4.6, OpenBLAS 0.3.31)::
//!
//!     rs = np.random.RandomState(seed); rs.standard_normal(pre_normals)
//!     x = rs.multivariate_normal_raw(mean, cov, size=rows, check_valid=check_valid, tol=tol)
//!     # expected = x.ravel(), warning = the RuntimeWarning text, pos/has_gauss/gauss = get_state()
//!
//! multivariate_normal goes through NumPy's LAPACK SVD, so values are compared with
//! `common::mvn`: relative 1e-10 of the result's largest value, plus, only for a
//! (near-)singular covariance or a repeated eigenvalue, what another CPU's LAPACK may
//! legitimately change (see that module's docs); the generator state after the call is
//! compared exactly.

mod common;

use nprand::legacy::{CheckValid, MvnOutput};
use nprand::{ErrorKind, RandomState};

struct Case {
    id: String,
    seed: u32,
    pre_normals: usize,
    mean: Vec<f64>,
    cov: Vec<f64>,
    n: usize,
    rows: usize,
    check_valid: String,
    tol: f64,
    expected: Vec<f64>,
    warning: Option<String>,
    pos: usize,
    has_gauss: bool,
    gauss: f64,
}

/// The fixture's cases (floats are the hex of their bits).
fn cases() -> Vec<Case> {
    use serde_json::Value as J;
    let doc: J = common::load_json("mvn/legacy.json");
    let f = |v: &J| f64::from_bits(u64::from_str_radix(&v.as_str().unwrap()[2..], 16).unwrap());
    let fs = |v: &J| v.as_array().unwrap().iter().map(f).collect::<Vec<f64>>();
    let u = |v: &J| v.as_u64().unwrap() as usize;
    doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Case {
            id: c["id"].as_str().unwrap().to_string(),
            seed: c["seed"].as_u64().unwrap() as u32,
            pre_normals: u(&c["pre_normals"]),
            mean: fs(&c["mean"]),
            cov: fs(&c["cov"]),
            n: u(&c["n"]),
            rows: u(&c["rows"]),
            check_valid: c["check_valid"].as_str().unwrap().to_string(),
            tol: f(&c["tol"]),
            expected: fs(&c["expected"]),
            warning: c["warning"].as_str().map(str::to_string),
            pos: u(&c["pos"]),
            has_gauss: c["has_gauss"].as_bool().unwrap(),
            gauss: f(&c["gauss"]),
        })
        .collect()
}

/// `common::mvn::mvn_close` relative to the largest value of the result (so that components that
/// NumPy itself computes as a cancellation near 0 do not demand more digits than the SVD has),
/// with the normals the case draws.
fn assert_close(c: &Case, got: &[f64]) {
    let mut rs = RandomState::new(c.seed);
    rs.randn(&[c.pre_normals]).unwrap();
    let z = rs.randn(&[got.len()]).unwrap();
    let inputs = common::mvn::MvnInputs {
        mean: c.mean.clone(),
        cov: c.cov.clone(),
        n: c.n,
    };
    if let Err(e) = common::mvn::mvn_close(got, &c.expected, &inputs, &z, 1e-10, false) {
        panic!("{}: {e}", c.id);
    }
}

fn run(c: &Case) -> (RandomState, nprand::Result<MvnOutput>) {
    let mut rs = RandomState::new(c.seed);
    rs.randn(&[c.pre_normals]).unwrap();
    let out =
        rs.multivariate_normal_str(&c.mean, &c.cov, (c.n, c.n), c.rows, &c.check_valid, c.tol);
    (rs, out)
}

#[test]
fn matches_numpy_values_and_state() {
    let cases = cases();
    assert!(!cases.is_empty());
    for c in &cases {
        let (rs, out) = run(c);
        let out = out.unwrap_or_else(|e| panic!("{}: {e}", c.id));
        assert_close(c, &out.values);
        assert_eq!(out.warning, c.warning, "{}: warning", c.id);
        let st = rs.get_state();
        assert_eq!(st.pos, c.pos, "{}: pos", c.id);
        assert_eq!(st.has_gauss, c.has_gauss, "{}: has_gauss", c.id);
        assert_eq!(st.gauss.to_bits(), c.gauss.to_bits(), "{}: gauss", c.id);
        // The draws are exactly rows * n legacy normals.
        let mut other = RandomState::new(c.seed);
        other.randn(&[c.pre_normals + c.rows * c.n]).unwrap();
        assert_eq!(rs, other, "{}: state", c.id);
    }
}

#[test]
fn typed_check_valid_gives_the_same_values() {
    for c in &cases() {
        let (_, by_str) = run(c);
        let mut rs = RandomState::new(c.seed);
        rs.randn(&[c.pre_normals]).unwrap();
        let cv: CheckValid = c.check_valid.parse().unwrap();
        let typed = rs.multivariate_normal_raw(&c.mean, &c.cov, (c.n, c.n), c.rows, cv, c.tol);
        let (a, b) = (by_str.unwrap(), typed.unwrap());
        assert_eq!(a.warning, b.warning, "{}", c.id);
        let same = a
            .values
            .iter()
            .zip(&b.values)
            .all(|(x, y)| x.to_bits() == y.to_bits());
        assert!(same, "{}", c.id);
    }
}

#[test]
fn options_form_gives_the_flat_forms_bits_and_numpys_shape() {
    for c in &cases() {
        // (n = 0 has no rows to give as a Vec of rows.)
        let Ok(cv) = c.check_valid.parse::<CheckValid>() else {
            continue;
        };
        if c.n == 0 {
            continue;
        }
        let fresh = || {
            let mut rs = RandomState::new(c.seed);
            rs.randn(&[c.pre_normals]).unwrap();
            rs
        };
        let flat = fresh().multivariate_normal_raw(&c.mean, &c.cov, (c.n, c.n), c.rows, cv, c.tol);
        let rows: Vec<Vec<f64>> = c.cov.chunks(c.n.max(1)).map(<[f64]>::to_vec).collect();
        let opts = nprand::MvnOptions::new()
            .size([c.rows])
            .check_valid(cv)
            .tol(c.tol);
        let mut rs = fresh();
        let new = rs.multivariate_normal(&c.mean, &rows, &opts);
        match (flat, new) {
            (Ok(a), Ok(b)) => {
                assert_eq!(b.shape, [c.rows, c.n], "{}", c.id);
                assert_eq!(a.warning, b.warning, "{}", c.id);
                let same = a
                    .values
                    .iter()
                    .zip(&b.values)
                    .all(|(x, y)| x.to_bits() == y.to_bits());
                assert!(same, "{}", c.id);
            }
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{}", c.id),
            (a, b) => panic!("{}: flat {a:?}, options {b:?}", c.id),
        }
    }
}

/// `rs` must have drawn exactly `k` normals from `RandomState::new(seed)`.
fn assert_drew(rs: &RandomState, seed: u32, k: usize) {
    let mut other = RandomState::new(seed);
    other.randn(&[k]).unwrap();
    assert_eq!(rs, &other);
}

#[test]
fn shape_errors_come_before_any_draw() {
    let mut rs = RandomState::new(1);
    let e = rs
        .multivariate_normal_raw(&[0.0, 0.0], &[1.0; 6], (2, 3), 4, CheckValid::Warn, 1e-8)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "ValueError: cov must be 2 dimensional and square"
    );
    let e = rs
        .multivariate_normal_raw(
            &[0.0],
            &[1.0, 0.0, 0.0, 1.0],
            (2, 2),
            4,
            CheckValid::Warn,
            1e-8,
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "ValueError: mean and cov must have same length"
    );
    // A cov slice whose length disagrees with its shape is a caller bug, reported as an error.
    assert!(rs
        .multivariate_normal_raw(&[0.0], &[1.0, 2.0], (1, 1), 1, CheckValid::Warn, 1e-8)
        .is_err());
    assert_eq!(rs, RandomState::new(1));
}

#[test]
fn numpy_raises_after_drawing() {
    // NumPy draws standard_normal(final_shape) before the SVD and the check_valid tests.
    let cov = [1.0, 2.0, 2.0, 1.0];
    let mut rs = RandomState::new(20);
    let e = rs
        .multivariate_normal_raw(&[0.0, 0.0], &cov, (2, 2), 3, CheckValid::Raise, 1e-8)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ValueError);
    assert_eq!(
        e.message(),
        "covariance is not symmetric positive-semidefinite."
    );
    assert_drew(&rs, 20, 6);

    let mut rs = RandomState::new(21);
    let e = rs
        .multivariate_normal_str(&[0.0, 0.0], &cov, (2, 2), 3, "Warn", 1e-8)
        .unwrap_err();
    assert_eq!(
        e.message(),
        "check_valid must equal 'warn', 'raise', or 'ignore'"
    );
    assert_drew(&rs, 21, 6);

    // numpy.linalg.LinAlgError (a ValueError subclass): the SVD error wins over check_valid.
    let nan_cov = [f64::NAN, 0.0, 0.0, 1.0];
    let mut rs = RandomState::new(22);
    let e = rs
        .multivariate_normal_str(&[0.0, 0.0], &nan_cov, (2, 2), 2, "bogus", 1e-8)
        .unwrap_err();
    assert_eq!(e.to_string(), "LinAlgError: SVD did not converge");
    assert_drew(&rs, 22, 4);

    // 'ignore' is never validated further and skips the PSD test.
    let mut rs = RandomState::new(23);
    let out = rs
        .multivariate_normal_str(&[0.0, 0.0], &cov, (2, 2), 1, "ignore", 1e-8)
        .unwrap();
    assert_eq!(out.warning, None);
}

#[test]
fn size_zero_draws_nothing_but_still_checks() {
    // rows = 0 (size=0): nothing is drawn, the SVD and the PSD test still run.
    let mut rs = RandomState::new(30);
    let e = rs
        .multivariate_normal_raw(
            &[0.0, 0.0],
            &[1.0, 2.0, 2.0, 1.0],
            (2, 2),
            0,
            CheckValid::Raise,
            1e-8,
        )
        .unwrap_err();
    assert_eq!(
        e.message(),
        "covariance is not symmetric positive-semidefinite."
    );
    let out = rs
        .multivariate_normal_raw(
            &[0.0, 0.0],
            &[1.0, 2.0, 2.0, 1.0],
            (2, 2),
            0,
            CheckValid::Warn,
            1e-8,
        )
        .unwrap();
    assert!(out.values.is_empty());
    assert!(out.warning.is_some());
    assert_eq!(rs, RandomState::new(30));
}

#[test]
fn empty_mean_fails_like_numpys_reshape() {
    let mut rs = RandomState::new(31);
    let e = rs
        .multivariate_normal_raw(&[], &[], (0, 0), 3, CheckValid::Warn, 1e-8)
        .unwrap_err();
    assert_eq!(e.message(), "cannot reshape array of size 0 into shape (0)");
    assert_eq!(rs, RandomState::new(31));
}

#[test]
fn order_25_works_and_26_is_not_implemented() {
    let n = 25;
    let mut cov = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            cov[i * n + j] = if i == j {
                2.0
            } else {
                0.5 / (1.0 + (i as f64 - j as f64).abs())
            };
        }
    }
    let mean = vec![0.0; n];
    let out = RandomState::new(40)
        .multivariate_normal_raw(&mean, &cov, (n, n), 2, CheckValid::Raise, 1e-8)
        .unwrap();
    assert_eq!(out.values.len(), 2 * n);
    assert!(out.values.iter().all(|v| v.is_finite()));

    let n = 26;
    let mut rs = RandomState::new(41);
    let e = rs
        .multivariate_normal_raw(
            &vec![0.0; n],
            &vec![0.0; n * n],
            (n, n),
            2,
            CheckValid::Warn,
            1e-8,
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotImplementedError);
    assert_eq!(rs, RandomState::new(41));
}

#[test]
fn check_valid_parsing() {
    assert_eq!("warn".parse::<CheckValid>().unwrap(), CheckValid::Warn);
    assert_eq!("raise".parse::<CheckValid>().unwrap(), CheckValid::Raise);
    assert_eq!("ignore".parse::<CheckValid>().unwrap(), CheckValid::Ignore);
    for bad in ["", "WARN", "warn ", "none"] {
        let e = bad.parse::<CheckValid>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "ValueError: check_valid must equal 'warn', 'raise', or 'ignore'"
        );
    }
}
