//! `RandomState::multivariate_normal` against values recorded from numpy 2.4.6.
//!
//! The expected values below were produced by real NumPy (numpy==2.4.6, OpenBLAS 0.3.31)::
//!
//!     rs = np.random.RandomState(seed); rs.standard_normal(pre_normals)
//!     x = rs.multivariate_normal(mean, cov, size=rows, check_valid=check_valid, tol=tol)
//!     # expected = x.ravel(), warning = the RuntimeWarning text, pos/has_gauss/gauss = get_state()
//!
//! The same calls are listed for the fixture pipeline in `scripts/cases_mvn.py`.
//! multivariate_normal goes through NumPy's LAPACK SVD, so values are compared with a relative
//! tolerance of 1e-10 (see the method's documentation); the generator state after the call is
//! compared exactly.

use nprand::legacy::{CheckValid, MvnOutput};
use nprand::{ErrorKind, RandomState};

struct Case {
    id: &'static str,
    seed: u32,
    pre_normals: usize,
    mean: &'static [f64],
    cov: &'static [f64],
    n: usize,
    rows: usize,
    check_valid: &'static str,
    tol: f64,
    expected: &'static [f64],
    warning: Option<&'static str>,
    pos: usize,
    has_gauss: bool,
    gauss: f64,
}

/// `|a - b| <= 1e-10 * max|expected|` (NaN matches NaN). Relative to the largest value of the
/// result so that components that NumPy itself computes as a cancellation near 0 do not
/// demand more digits than the SVD has.
fn assert_close(id: &str, got: &[f64], expected: &[f64]) {
    assert_eq!(got.len(), expected.len(), "{id}: length");
    let scale = expected
        .iter()
        .filter(|x| x.is_finite())
        .fold(0.0_f64, |m, x| m.max(x.abs()));
    for (i, (a, b)) in got.iter().zip(expected).enumerate() {
        let ok = (a.is_nan() && b.is_nan()) || a == b || (a - b).abs() <= 1e-10 * scale;
        assert!(ok, "{id}[{i}]: got {a:e}, NumPy {b:e}");
    }
}

fn run(c: &Case) -> (RandomState, nprand::Result<MvnOutput>) {
    let mut rs = RandomState::new(c.seed);
    rs.randn(&[c.pre_normals]);
    let out = rs.multivariate_normal_str(c.mean, c.cov, (c.n, c.n), c.rows, c.check_valid, c.tol);
    (rs, out)
}

#[test]
fn matches_numpy_values_and_state() {
    for c in CASES {
        let (rs, out) = run(c);
        let out = out.unwrap_or_else(|e| panic!("{}: {e}", c.id));
        assert_close(c.id, &out.values, c.expected);
        assert_eq!(out.warning.as_deref(), c.warning, "{}: warning", c.id);
        let st = rs.get_state();
        assert_eq!(st.pos, c.pos, "{}: pos", c.id);
        assert_eq!(st.has_gauss, c.has_gauss, "{}: has_gauss", c.id);
        assert_eq!(st.gauss.to_bits(), c.gauss.to_bits(), "{}: gauss", c.id);
        // The draws are exactly rows * n legacy normals.
        let mut other = RandomState::new(c.seed);
        other.randn(&[c.pre_normals + c.rows * c.n]);
        assert_eq!(rs, other, "{}: state", c.id);
    }
}

#[test]
fn typed_check_valid_gives_the_same_values() {
    for c in CASES {
        let (_, by_str) = run(c);
        let mut rs = RandomState::new(c.seed);
        rs.randn(&[c.pre_normals]);
        let cv: CheckValid = c.check_valid.parse().unwrap();
        let typed = rs.multivariate_normal(c.mean, c.cov, (c.n, c.n), c.rows, cv, c.tol);
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

/// `rs` must have drawn exactly `k` normals from `RandomState::new(seed)`.
fn assert_drew(rs: &RandomState, seed: u32, k: usize) {
    let mut other = RandomState::new(seed);
    other.randn(&[k]);
    assert_eq!(rs, &other);
}

#[test]
fn shape_errors_come_before_any_draw() {
    let mut rs = RandomState::new(1);
    let e = rs
        .multivariate_normal(&[0.0, 0.0], &[1.0; 6], (2, 3), 4, CheckValid::Warn, 1e-8)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "ValueError: cov must be 2 dimensional and square"
    );
    let e = rs
        .multivariate_normal(
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
        .multivariate_normal(&[0.0], &[1.0, 2.0], (1, 1), 1, CheckValid::Warn, 1e-8)
        .is_err());
    assert_eq!(rs, RandomState::new(1));
}

#[test]
fn numpy_raises_after_drawing() {
    // NumPy draws standard_normal(final_shape) before the SVD and the check_valid tests.
    let cov = [1.0, 2.0, 2.0, 1.0];
    let mut rs = RandomState::new(20);
    let e = rs
        .multivariate_normal(&[0.0, 0.0], &cov, (2, 2), 3, CheckValid::Raise, 1e-8)
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
        .multivariate_normal(
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
        .multivariate_normal(
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
        .multivariate_normal(&[], &[], (0, 0), 3, CheckValid::Warn, 1e-8)
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
        .multivariate_normal(&mean, &cov, (n, n), 2, CheckValid::Raise, 1e-8)
        .unwrap();
    assert_eq!(out.values.len(), 2 * n);
    assert!(out.values.iter().all(|v| v.is_finite()));

    let n = 26;
    let mut rs = RandomState::new(41);
    let e = rs
        .multivariate_normal(
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

// Generated by numpy 2.4.6 (see the comment at the top of this file).
const CASES: &[Case] = &[
    Case {
        id: "diag_swap",
        seed: 0,
        pre_normals: 0,
        mean: &[0.0, 10.0],
        cov: &[1.0, 0.0, 0.0, 4.0],
        n: 2,
        rows: 2,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            0.4001572083672233,
            13.528104691935328,
            2.240893199201458,
            11.957475968211478,
        ],
        warning: None,
        pos: 8,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "corr_2x2",
        seed: 0,
        pre_normals: 0,
        mean: &[0.0, 0.0],
        cov: &[1.0, 0.5, 0.5, 2.0],
        n: 2,
        rows: 5,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            1.3321070237398174,
            2.284886535700439,
            2.3999423077520747,
            0.5797592871436927,
            0.2577860155322936,
            2.896325884045755,
            0.415635029221652,
            1.3556166800495224,
            0.2791020289368561,
            -0.28158768899535463,
        ],
        warning: None,
        pos: 20,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "corr_2x2_negative",
        seed: 123,
        pre_normals: 1,
        mean: &[1.0, -1.0],
        cov: &[6.0, -3.0, -3.0, 3.5],
        n: 2,
        rows: 4,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            -1.1549003798790674,
            0.8531333241040135,
            4.151822905719763,
            -3.952891780910367,
            -4.535084118895371,
            -0.8819190502245905,
            2.869434576452707,
            -0.38288199948496704,
        ],
        warning: None,
        pos: 24,
        has_gauss: true,
        gauss: -0.8667404022651017,
    },
    Case {
        id: "psd_3x3",
        seed: 1,
        pre_normals: 0,
        mean: &[1.0, 2.0, 3.0],
        cov: &[2.0, 0.3, -0.4, 0.3, 1.5, 0.2, -0.4, 0.2, 1.0],
        n: 3,
        rows: 4,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            -1.511297996279164,
            2.0709494943974383,
            3.5579059181845896,
            1.9343238399175418,
            2.298957528984195,
            0.4144416961173838,
            -1.4441859111808957,
            1.9060764926928462,
            4.312499989262964,
            1.019449955062789,
            1.1879763019099223,
            0.5634979344486459,
        ],
        warning: None,
        pos: 36,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "psd_4x4",
        seed: 7,
        pre_normals: 0,
        mean: &[0.0, 0.0, 0.0, 0.0],
        cov: &[
            4.0, 1.2, -0.6, 0.3, 1.2, 3.0, 0.5, -0.2, -0.6, 0.5, 2.0, 0.7, 0.3, -0.2, 0.7, 1.0,
        ],
        n: 4,
        rows: 3,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            -3.4673118793734026,
            -1.3893962015054817,
            0.6915403802308004,
            0.1921622756180485,
            1.7210852323479313,
            0.6274631463017704,
            0.4157194856781749,
            -0.8097577696165552,
            -1.2179042309081614,
            -2.2904045276358884,
            -0.0422845978928877,
            0.24616062503517222,
        ],
        warning: None,
        pos: 28,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "psd_6x6",
        seed: 42,
        pre_normals: 0,
        mean: &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        cov: &[
            8.793, -0.121, -1.163, -3.812, 0.272, 0.958, -0.121, 2.785, -1.866, 2.218, -1.179,
            -0.304, -1.163, -1.866, 8.53, 1.375, 0.035, -0.182, -3.812, 2.218, 1.375, 5.334,
            -0.751, -1.573, 0.272, -1.179, 0.035, -0.751, 1.647, 0.35, 0.958, -0.304, -0.182,
            -1.573, 0.35, 1.103,
        ],
        n: 6,
        rows: 3,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            0.2218013057267243,
            3.200950032303931,
            4.6078974621357265,
            4.719900332854781,
            3.115392952907796,
            6.222806896089541,
            -4.365899589149011,
            3.116558359846955,
            3.0757200326048015,
            6.664140884451717,
            4.329660163340096,
            5.667157571545008,
            -0.43616222912934655,
            -1.7264004357106262,
            7.29085907929132,
            1.7471474138114123,
            7.508455156539601,
            7.440321741346947,
        ],
        warning: None,
        pos: 44,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "diag_repeated",
        seed: 3,
        pre_normals: 0,
        mean: &[0.0, 0.0, 0.0],
        cov: &[2.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 2.0],
        n: 3,
        rows: 3,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            0.6173181507035078,
            0.09649746807200862,
            2.5295026451718416,
            -0.3922861580381578,
            -0.35475897926898675,
            -2.635376654481366,
            -0.8867128607813949,
            -0.04381816897592824,
            -0.11701412528333692,
        ],
        warning: None,
        pos: 24,
        has_gauss: true,
        gauss: -0.47721803035950267,
    },
    Case {
        id: "identity_3",
        seed: 4,
        pre_normals: 0,
        mean: &[5.0, 6.0, 7.0],
        cov: &[1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0],
        n: 3,
        rows: 2,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            5.05056170714294,
            6.499951333237829,
            6.004091068893135,
            5.693598508291312,
            5.58169847997309,
            5.415422764887876,
        ],
        warning: None,
        pos: 20,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "singular_exact",
        seed: 5,
        pre_normals: 0,
        mean: &[0.0, 0.0],
        cov: &[1.0, 1.0, 1.0, 1.0],
        n: 2,
        rows: 3,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            -0.44122748688504154,
            -0.44122748688504143,
            -2.4307711870077804,
            -2.43077118700778,
            -0.1096098415781828,
            -0.10960984157818278,
        ],
        warning: None,
        pos: 16,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "singular_diag",
        seed: 5,
        pre_normals: 0,
        mean: &[0.0, 0.0, 0.0],
        cov: &[0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 1.0],
        n: 3,
        rows: 3,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            0.0,
            0.7642284249808222,
            -0.33087015189408764,
            0.0,
            -0.43663637666076743,
            0.10960984157818278,
            0.0,
            -1.5748367210990462,
            -0.5916366579302884,
        ],
        warning: None,
        pos: 24,
        has_gauss: true,
        gauss: -0.32986995777935924,
    },
    Case {
        id: "nonpsd_warn",
        seed: 6,
        pre_normals: 0,
        mean: &[0.0, 0.0],
        cov: &[1.0, 2.0, 2.0, 1.0],
        n: 2,
        rows: 3,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            0.8973390729854672,
            -0.1336281628105359,
            -0.9025287993262352,
            0.3689790131691202,
            3.6914381929518885,
            2.399905505762234,
        ],
        warning: Some("covariance is not symmetric positive-semidefinite."),
        pos: 16,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "nonpsd_ignore",
        seed: 6,
        pre_normals: 0,
        mean: &[0.0, 0.0],
        cov: &[1.0, 2.0, 2.0, 1.0],
        n: 2,
        rows: 3,
        check_valid: "ignore",
        tol: 1e-08,
        expected: &[
            0.8973390729854672,
            -0.1336281628105359,
            -0.9025287993262352,
            0.3689790131691202,
            3.6914381929518885,
            2.399905505762234,
        ],
        warning: None,
        pos: 16,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "nonsym_ignore",
        seed: 8,
        pre_normals: 0,
        mean: &[0.0, 0.0],
        cov: &[1.0, 2.0, 3.0, 4.0],
        n: 2,
        rows: 3,
        check_valid: "ignore",
        tol: 1e-08,
        expected: &[
            0.4168152054994927,
            -0.5545745060828556,
            1.936334967716514,
            4.203577793442664,
            4.284216777360964,
            3.5485780424431894,
        ],
        warning: None,
        pos: 20,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "negative_1x1_ignore",
        seed: 9,
        pre_normals: 0,
        mean: &[1.0],
        cov: &[-2.0],
        n: 1,
        rows: 3,
        check_valid: "ignore",
        tol: 1e-08,
        expected: &[1.0015677331086414, 0.5905228503616742, -0.5783561023012957],
        warning: None,
        pos: 8,
        has_gauss: true,
        gauss: -0.012882756745794295,
    },
    Case {
        id: "one_by_one",
        seed: 10,
        pre_normals: 0,
        mean: &[3.0],
        cov: &[4.0],
        n: 1,
        rows: 1,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[5.663173008259037],
        warning: None,
        pos: 8,
        has_gauss: true,
        gauss: 0.7152789743984055,
    },
    Case {
        id: "tol_loose",
        seed: 11,
        pre_normals: 0,
        mean: &[0.0, 0.0],
        cov: &[1.0, 1.0001, 1.0001, 1.0],
        n: 2,
        rows: 2,
        check_valid: "warn",
        tol: 0.001,
        expected: &[
            -1.7515213186866532,
            -1.747475635567389,
            0.4658154507390008,
            0.5033390416570532,
        ],
        warning: None,
        pos: 12,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "gauss_cache_odd",
        seed: 12,
        pre_normals: 1,
        mean: &[0.0, 0.0, 0.0],
        cov: &[1.0, 0.2, 0.0, 0.2, 1.0, 0.1, 0.0, 0.1, 1.0],
        n: 3,
        rows: 3,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            1.3160848340495748,
            -0.5266538122579727,
            0.9290980145401594,
            0.156590943536802,
            -0.585897777236603,
            -1.6375751498439832,
            -1.1553931683990428,
            1.8833387989963084,
            -1.4799297527493216,
        ],
        warning: None,
        pos: 36,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "zero_rows",
        seed: 13,
        pre_normals: 0,
        mean: &[0.0, 0.0],
        cov: &[1.0, 0.0, 0.0, 1.0],
        n: 2,
        rows: 0,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[],
        warning: None,
        pos: 624,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "huge_scale",
        seed: 14,
        pre_normals: 0,
        mean: &[0.0, 0.0],
        cov: &[1e+300, 1e+299, 1e+299, 1e+300],
        n: 2,
        rows: 2,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            -1.2036234771527183e+150,
            -1.0973842768167414e+150,
            -8.049960295073541e+148,
            -1.7754929047462503e+149,
        ],
        warning: None,
        pos: 12,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "tiny_scale",
        seed: 15,
        pre_normals: 0,
        mean: &[0.0, 0.0],
        cov: &[1e-300, 0.0, 0.0, 2e-300],
        n: 2,
        rows: 2,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[
            3.3928470604618434e-151,
            -4.416991745142754e-151,
            -5.017896732977484e-151,
            -2.2048796310663843e-151,
        ],
        warning: None,
        pos: 8,
        has_gauss: false,
        gauss: 0.0,
    },
    Case {
        id: "inf_warn",
        seed: 16,
        pre_normals: 0,
        mean: &[0.0, 0.0],
        cov: &[f64::INFINITY, 0.0, 0.0, 1.0],
        n: 2,
        rows: 2,
        check_valid: "warn",
        tol: 1e-08,
        expected: &[f64::NAN, f64::NAN, f64::NAN, f64::NAN],
        warning: Some("covariance is not symmetric positive-semidefinite."),
        pos: 8,
        has_gauss: false,
        gauss: 0.0,
    },
];
