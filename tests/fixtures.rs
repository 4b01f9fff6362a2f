//! Every case in `fixtures/legacy/manifest.json` (written by `scripts/gen_fixtures.py` from
//! real NumPy 2.4.6) replayed through `nprand eval`'s evaluator and compared exactly: dtype,
//! shape, kind of result, every value bit for bit, every error's type and message, and
//! the generator state after the calls.
//!
//! The one documented exception is `multivariate_normal`, which goes through LAPACK's
//! SVD in NumPy: its values are compared by `common::mvn` (relative 1e-10, plus what another
//! CPU's LAPACK may legitimately change for a (near-)singular covariance or a repeated
//! eigenvalue; its draws and the state after it still exactly).
#![cfg(feature = "eval")]

mod common;

use common::mvn::{mvn_close, MvnInputs};
use common::{check_result, check_type, json_int, json_ints, load_json, read_text, Npy};
use nprand::eval::legacy::{eval_call, make_state, Init};
use nprand::eval::parser::Expr;
use nprand::eval::value::Data;
use nprand::{LegacyState, Mt19937, RandomState};
use serde_json::Value as J;

const MANIFEST: &str = "legacy/manifest.json";

fn init_of(init: &J) -> Init {
    if let Some(s) = init.get("seed") {
        Init::Seed(json_int(s))
    } else if let Some(a) = init.get("seed_array") {
        Init::SeedArray(json_ints(a))
    } else if let Some(f) = init.get("state_file") {
        let text = read_text(&format!("legacy/{}", f.as_str().unwrap()));
        Init::State(LegacyState::from_json(&text).expect("state file parses"))
    } else if let Some(st) = init.get("state") {
        Init::State(LegacyState::from_value(st).expect("state parses"))
    } else {
        panic!("unknown init {init}")
    }
}

/// A `multivariate_normal` result: type exactly, values by `common::mvn::mvn_close` with the
/// normals the call drew (`before` is the generator just before the call).
fn check_mvn(
    before: &RandomState,
    call: &str,
    got: &nprand::eval::value::Value,
    want: &J,
) -> Result<(), String> {
    check_type(got, false, want)?;
    let Data::F64(x) = &got.data else {
        return Err("multivariate_normal must return float64".into());
    };
    let inputs = MvnInputs::parse(call).ok_or("mean and cov are not literals")?;
    let z = before.clone().randn(&[x.len()]).unwrap();
    mvn_close(x, &common::result_f64s(want), &inputs, &z, 1e-10, true)
}

fn check_state(rs: &RandomState, file: &str) -> Result<(), String> {
    let text = read_text(&format!("legacy/{file}"));
    let want = LegacyState::from_json(&text).map_err(|e| e.to_string())?;
    let got = rs.get_state();
    if got.key != want.key {
        return Err("state key differs".into());
    }
    if (got.pos, got.has_gauss, got.gauss.to_bits())
        != (want.pos, want.has_gauss, want.gauss.to_bits())
    {
        return Err(format!(
            "state (pos, has_gauss, gauss) = ({}, {}, {:e}), NumPy ({}, {}, {:e})",
            got.pos, got.has_gauss, got.gauss, want.pos, want.has_gauss, want.gauss
        ));
    }
    Ok(())
}

#[test]
fn manifest_cases_match_numpy() {
    let m = load_json(MANIFEST);
    let cases = m["cases"].as_array().expect("cases");
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    let (mut n_calls, mut n_mvn) = (0, 0);
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let mut rs = match make_state(&init_of(&case["init"])) {
            Ok(rs) => rs,
            Err(e) => {
                failures.push(format!("{id}: init failed: {e}"));
                continue;
            }
        };
        for (i, call) in case["calls"].as_array().unwrap().iter().enumerate() {
            n_calls += 1;
            let text = call["call"].as_str().unwrap();
            let before = rs.clone();
            let got = eval_call(&mut rs, text);
            let outcome = match (got, call.get("result"), call.get("error")) {
                (Ok(v), Some(want), _) => {
                    if text.trim_start().starts_with("multivariate_normal") {
                        n_mvn += 1;
                        check_mvn(&before, text, &v, want)
                    } else {
                        check_result(&v, false, want)
                    }
                }
                (Err(e), _, Some(want)) => {
                    let (t, msg) = (
                        want["type"].as_str().unwrap(),
                        want["message"].as_str().unwrap(),
                    );
                    if e.kind().name() == t && e.message() == msg {
                        Ok(())
                    } else {
                        Err(format!("error {e} != NumPy {t}: {msg}"))
                    }
                }
                (Ok(_), None, Some(want)) => Err(format!("no error, NumPy raised {want}")),
                (Err(e), Some(_), _) => Err(format!("error {e}, NumPy returned a value")),
                _ => Err("manifest entry has neither result nor error".into()),
            };
            if let Err(why) = outcome {
                failures.push(format!("{id} call {i} `{text}`: {why}"));
            }
        }
        if let Some(f) = case.get("state_after").and_then(J::as_str) {
            if let Err(why) = check_state(&rs, f) {
                failures.push(format!("{id}: state after calls: {why}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n_calls} calls differ from NumPy:\n{}",
        failures.len(),
        failures
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    eprintln!(
        "{} cases, {n_calls} calls ({n_mvn} multivariate_normal values): all match NumPy",
        cases.len()
    );
}

/// A JSON seed as the Python literal NumPy was given (ints of any size are written as
/// digit strings by the generator).
fn literal(v: &J) -> Expr {
    match v {
        J::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Expr::Int(i.into()),
            (_, Some(u)) => Expr::Int(u.into()),
            _ => Expr::Float(n.as_f64().unwrap()),
        },
        J::String(s) => Expr::Int(s.parse().expect("digit string")),
        J::Bool(b) => Expr::Bool(*b),
        J::Array(items) => Expr::List(items.iter().map(literal).collect()),
        other => panic!("unexpected seed {other}"),
    }
}

#[test]
fn init_errors_match_numpy() {
    let m = load_json(MANIFEST);
    let cases = m["init_errors"].as_array().expect("init_errors");
    assert!(!cases.is_empty());
    for case in cases {
        let init = &case["init"];
        let want = &case["error"];
        let seed = match (init.get("seed"), init.get("seed_array")) {
            (Some(s), None) => literal(s),
            (None, Some(a)) => literal(a),
            _ => panic!("unknown init {init}"),
        };
        let e = make_state(&Init::Literal(seed)).expect_err(&format!("{init} must fail"));
        assert_eq!(e.kind().name(), want["type"].as_str().unwrap(), "{init}");
        assert_eq!(e.message(), want["message"].as_str().unwrap(), "{init}");
    }
    eprintln!("{} init errors match NumPy", cases.len());
}

#[test]
fn raw_streams_match_numpy() {
    let m = load_json(MANIFEST);
    let raws = m["raw"].as_array().expect("raw");
    for raw in raws {
        let want = Npy::read(&format!("legacy/{}", raw["file"].as_str().unwrap())).u32s();
        let rs = make_state(&init_of(&raw["init"])).unwrap();
        // One word at a time ...
        let mut mt: Mt19937 = rs.bit_generator().clone();
        for (i, &w) in want.iter().enumerate() {
            assert_eq!(mt.next_u32(), w, "{} word {i}", raw["id"]);
        }
        // ... and in bulk, in uneven chunks that start and end inside blocks.
        let mut mt: Mt19937 = rs.bit_generator().clone();
        let mut got = vec![0u32; want.len()];
        let mut at = 0;
        for chunk in [1usize, 622, 2, 625, 1247, 3].iter().cycle() {
            if at >= got.len() {
                break;
            }
            let end = (at + chunk).min(got.len());
            mt.fill_u32(&mut got[at..end]);
            at = end;
        }
        assert!(got == want, "{}: fill_u32 differs", raw["id"]);
    }
    eprintln!("{} raw streams match NumPy", raws.len());
}
