//! Replays fixtures/python/manifest.json (written by scripts/gen_fixtures.py, family `python`,
//! from real CPython 3.11 / 3.12) through `nprand::eval::python::eval_python_call` and compares every
//! result exactly: values by their `json.dumps` and `repr` text (floats round-trip, so
//! equal text means equal bits), errors by exception type and message, and the state
//! after the calls by its SHA-256.
#![cfg(feature = "eval")]

use nprand::eval::python::{eval_python_call, make_random};
use nprand::python::{lgamma, PyState, PyVersion, Random};
use serde_json::Value;

mod common;

fn manifest() -> Value {
    common::load_json("python/manifest.json")
}

fn sha256_hex(text: &str) -> String {
    common::sha256_hex(text.as_bytes())
}

#[test]
fn python_fixtures_match_cpython() {
    let m = manifest();
    let cases = m["cases"].as_array().expect("cases");
    let mut failures: Vec<String> = Vec::new();
    let (mut n_calls, mut n_errors, mut n_cases) = (0usize, 0usize, 0usize);
    for (ci, case) in cases.iter().enumerate() {
        let calls = case["calls"].as_array().expect("calls");
        n_cases += 1;
        let seed = case["seed"].as_str().expect("seed");
        let mut r = make_random(seed).unwrap_or_else(|e| panic!("case {ci}: seed {seed}: {e}"));
        if case["version"] == "3.12" {
            r.set_version(PyVersion::V3_12);
        }
        for entry in calls {
            let call = entry["call"].as_str().expect("call");
            let want = entry.get("result").unwrap_or(entry);
            n_calls += 1;
            let got = eval_python_call(&mut r, call);
            let where_ = format!("case {ci} (seed {seed}, {}): {call}", case["version"]);
            match (want.get("error"), got) {
                (Some(err), Ok(v)) => failures.push(format!(
                    "{where_}: expected {}: {}, got {}",
                    err["type"],
                    err["message"],
                    v.repr()
                )),
                (Some(err), Err(e)) => {
                    n_errors += 1;
                    if e.kind().name() != err["type"] || e.message() != err["message"] {
                        failures.push(format!(
                            "{where_}: expected {}: {}, got {e}",
                            err["type"], err["message"]
                        ));
                    }
                }
                (None, Err(e)) => {
                    failures.push(format!("{where_}: expected {}, got {e}", want["json"]))
                }
                (None, Ok(v)) => {
                    let json = want["json"].as_str().expect("json");
                    let repr = want.get("repr").and_then(Value::as_str).unwrap_or(json);
                    if v.to_json() != json || v.repr() != repr {
                        failures.push(format!(
                            "{where_}: expected {json} / {repr}, got {} / {}",
                            v.to_json(),
                            v.repr()
                        ));
                    }
                }
            }
        }
        let st = r.getstate();
        let text = st.to_json();
        if sha256_hex(&text) != case["state_sha256"].as_str().expect("sha") {
            failures.push(format!(
                "case {ci} (seed {seed}): state differs after the calls (pos {} vs {}, gauss_next {:?} vs {})",
                st.pos, case["pos"], st.gauss_next, case["gauss_next"]
            ));
        }
        if let Some(full) = case.get("state").and_then(Value::as_str) {
            if text != full {
                failures.push(format!("case {ci}: full state text differs"));
            }
            // And the JSON hand-off reads CPython's text back to the same generator.
            let back = Random::from_state(&PyState::from_json(full).expect("state")).expect("ok");
            if back.getstate() != st {
                failures.push(format!("case {ci}: state JSON does not round-trip"));
            }
        }
    }
    for f in failures.iter().take(60) {
        eprintln!("{f}");
    }
    eprintln!(
        "python fixtures: {n_cases} cases, {n_calls} calls ({n_errors} CPython errors), {} failures",
        failures.len()
    );
    assert!(n_calls > 5000, "too few fixture calls: {n_calls}");
    assert!(
        failures.is_empty(),
        "{} mismatches with CPython",
        failures.len()
    );
}

#[test]
fn lgamma_matches_cpython_math_lgamma() {
    let m = manifest();
    let mut bad = Vec::new();
    let pairs = m["lgamma"].as_array().expect("lgamma pairs");
    for pair in pairs {
        let x: f64 = pair[0].as_str().expect("x").parse().expect("float");
        let want = pair[1].as_str().expect("y");
        let got = match lgamma(x) {
            Ok(y) => nprand::python::py_repr_float(y),
            Err(e) => e.to_string(),
        };
        if got != want {
            bad.push(format!("lgamma({x:?}): want {want}, got {got}"));
        }
    }
    assert!(pairs.len() > 300);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn state_json_rejects_what_cpython_rejects() {
    let good = Random::new(0).getstate();
    let mut words: Vec<String> = good.key.iter().map(|w| w.to_string()).collect();
    words.push("624".into());
    let list = |v: &str, w: &[String], g: &str| format!("[{v}, [{}], {g}]", w.join(", "));
    // random.setstate((4, ..., None))
    let e = PyState::from_json(&list("4", &words, "null")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ValueError: state with version 4 passed to Random.setstate() of version 3"
    );
    // wrong size
    let e = PyState::from_json(&list("3", &words[1..], "null")).unwrap_err();
    assert_eq!(e.to_string(), "ValueError: state vector is the wrong size");
    // index 625
    let mut w = words.clone();
    w[624] = "625".into();
    let e = PyState::from_json(&list("3", &w, "null")).unwrap_err();
    assert_eq!(e.to_string(), "ValueError: invalid state");
    // a negative word: OverflowError in version 3, taken mod 2**32 in version 2
    let mut w = words.clone();
    w[5] = "-1".into();
    let e = PyState::from_json(&list("3", &w, "null")).unwrap_err();
    assert_eq!(e.kind(), nprand::ErrorKind::OverflowError);
    let st = PyState::from_json(&list("2", &w, "0.5")).unwrap();
    assert_eq!(st.key[5], u32::MAX);
    assert_eq!(st.gauss_next, Some(0.5));
    // words >= 2**32 are truncated (C unsigned long -> uint32_t)
    let mut w = words;
    w[7] = (1u64 << 32 | 9).to_string();
    assert_eq!(
        PyState::from_json(&list("3", &w, "null")).unwrap().key[7],
        9
    );
}

/// The typed API gives the same numbers as the evaluator (whose results the fixtures
/// check against CPython).
#[test]
fn typed_api_agrees_with_the_evaluator() {
    use nprand::eval::py_value::PyValue;
    let seeds = [
        "0",
        "-5",
        "18446744073709551617",
        "'hello'",
        "b'bytes'",
        "1.5",
    ];
    for seed in seeds {
        let mut a = make_random(seed).unwrap();
        let mut b = make_random(seed).unwrap();
        let mut ev = |call: &str| eval_python_call(&mut b, call).unwrap().to_json();
        let pop: Vec<i64> = (0..30).collect();
        let pop_text = format!("{pop:?}");
        let f = nprand::python::py_json_float;
        assert_eq!(f(a.random()), ev("random()"));
        assert_eq!(
            a.getrandbits(100).unwrap().to_string(),
            ev("getrandbits(100)")
        );
        assert_eq!(a.getrandbits_u64(64).to_string(), ev("getrandbits(64)"));
        assert_eq!(
            a.randrange(-7, 100, 3).unwrap().to_string(),
            ev("randrange(-7, 100, 3)")
        );
        assert_eq!(
            a.randrange(50, -50, -7).unwrap().to_string(),
            ev("randrange(50, -50, -7)")
        );
        assert_eq!(a.randint(1, 6).unwrap().to_string(), ev("randint(1, 6)"));
        assert_eq!(
            a.choice(&pop).unwrap().to_string(),
            ev(&format!("choice({pop_text})"))
        );
        let mut s = pop.clone();
        a.shuffle(&mut s);
        assert_eq!(format!("{s:?}"), ev(&format!("shuffle({pop_text})")));
        let sm = a.sample(&pop, 7).unwrap();
        assert_eq!(format!("{sm:?}"), ev(&format!("sample({pop_text}, 7)")));
        let sc = a.sample_counts(&[10, 20, 30], &[2, 0, 5], 4).unwrap();
        assert_eq!(
            format!("{sc:?}"),
            ev("sample([10, 20, 30], counts=[2, 0, 5], k=4)")
        );
        let ch = a
            .choices(&[1, 2, 3], Some(&[0.5, 1.5, 3.0]), None, 5)
            .unwrap();
        assert_eq!(
            format!("{ch:?}"),
            ev("choices([1, 2, 3], [0.5, 1.5, 3.0], k=5)")
        );
        let ch = a.choices(&[1, 2, 3], None, None, 4).unwrap();
        assert_eq!(format!("{ch:?}"), ev("choices([1, 2, 3], k=4)"));
        assert_eq!(
            PyValue::Bytes(a.randbytes(7).unwrap()).to_json(),
            ev("randbytes(7)")
        );
        assert_eq!(f(a.uniform(-2.0, 3.0)), ev("uniform(-2.0, 3.0)"));
        assert_eq!(
            f(a.triangular(0.0, 4.0, Some(1.0))),
            ev("triangular(0.0, 4.0, 1.0)")
        );
        assert_eq!(f(a.gauss(0.0, 1.0)), ev("gauss()"));
        assert_eq!(f(a.normalvariate(1.0, 2.0)), ev("normalvariate(1.0, 2.0)"));
        assert_eq!(f(a.gauss(3.0, 0.5)), ev("gauss(3.0, 0.5)"));
        assert_eq!(
            f(a.lognormvariate(0.0, 1.0).unwrap()),
            ev("lognormvariate(0.0, 1.0)")
        );
        assert_eq!(f(a.expovariate(2.0).unwrap()), ev("expovariate(2.0)"));
        assert_eq!(
            f(a.vonmisesvariate(1.0, 3.0).unwrap()),
            ev("vonmisesvariate(1.0, 3.0)")
        );
        for (al, be) in [(0.3, 1.0), (1.0, 2.0), (4.5, 0.5)] {
            assert_eq!(
                f(a.gammavariate(al, be).unwrap()),
                ev(&format!("gammavariate({al:?}, {be:?})"))
            );
        }
        assert_eq!(
            f(a.betavariate(2.0, 5.0).unwrap()),
            ev("betavariate(2.0, 5.0)")
        );
        assert_eq!(f(a.paretovariate(2.5).unwrap()), ev("paretovariate(2.5)"));
        assert_eq!(
            f(a.weibullvariate(1.0, 1.5).unwrap()),
            ev("weibullvariate(1.0, 1.5)")
        );
        assert_eq!(a.getstate(), b.getstate());
    }
}

#[test]
fn run_python_eval_stops_at_the_first_error() {
    use nprand::eval::python::run_python_eval;
    let calls: Vec<String> = ["random()", "choice([])", "random()"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut out = Vec::new();
    let e = run_python_eval(Some("0"), None, &calls, false, None, &mut out).unwrap_err();
    assert_eq!(
        e.to_string(),
        "IndexError: Cannot choose from an empty sequence"
    );
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
    // 3.11 has no binomialvariate; 3.12 does.
    let calls = vec!["binomialvariate(10, 0.5)".to_string()];
    let mut out = Vec::new();
    assert!(run_python_eval(Some("0"), None, &calls, true, None, &mut out).is_err());
    run_python_eval(
        Some("0"),
        None,
        &calls,
        true,
        Some(PyVersion::V3_12),
        &mut out,
    )
    .unwrap();
    // --state: continue from a JSON state
    let st = Random::new(5).getstate().to_json();
    let calls = vec!["random()".to_string()];
    let mut o1 = Vec::new();
    let mut o2 = Vec::new();
    run_python_eval(None, Some(&st), &calls, true, None, &mut o1).unwrap();
    run_python_eval(Some("5"), None, &calls, true, None, &mut o2).unwrap();
    assert_eq!(o1, o2);
    assert!(run_python_eval(None, None, &calls, true, None, &mut o1).is_err());
}

#[test]
fn float_repr_ties_round_half_even_like_cpython() {
    let m = manifest();
    let pairs = m["float_repr"].as_array().expect("float_repr pairs");
    let mut bad = Vec::new();
    for pair in pairs {
        let bits: u64 = pair[0].as_str().expect("bits").parse().expect("u64");
        let want = pair[1].as_str().expect("repr");
        let got = nprand::python::py_repr_float(f64::from_bits(bits));
        if got != want {
            bad.push(format!("{bits:#x}: want {want}, got {got}"));
        }
    }
    assert!(pairs.len() >= 1000);
    assert!(bad.is_empty(), "{bad:#?}");
}
