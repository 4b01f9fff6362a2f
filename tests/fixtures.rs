//! Every case in `fixtures/manifest.json` (written by `scripts/gen_fixtures.py` from real
//! NumPy 2.4.6) replayed through `nprand eval`'s evaluator and compared exactly: dtype,
//! shape, kind of result, every value bit for bit, every error's type and message, and
//! the generator state after the calls.
//!
//! The one documented exception is `multivariate_normal`, which goes through LAPACK's
//! SVD in NumPy: its values are compared to a relative 1e-10 (its draws and the state
//! after it still exactly).
#![cfg(feature = "eval")]

use nprand::eval::legacy::{eval_call, make_state, Init};
use nprand::eval::npy::read_npy;
use nprand::eval::parser::Expr;
use nprand::eval::value::{Data, Kind, Value};
use nprand::{LegacyState, Mt19937, RandomState};
use serde_json::Value as J;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn manifest() -> J {
    let text = std::fs::read_to_string(fixtures().join("manifest.json"))
        .expect("fixtures/manifest.json (run scripts/gen_fixtures.py)");
    serde_json::from_str(&text).expect("manifest is JSON")
}

fn ints(v: &J) -> Vec<i128> {
    v.as_array()
        .expect("list of ints")
        .iter()
        .map(|x| {
            x.as_i64()
                .map(i128::from)
                .or_else(|| x.as_u64().map(i128::from))
                .expect("int")
        })
        .collect()
}

fn int(v: &J) -> i128 {
    v.as_i64()
        .map(i128::from)
        .or_else(|| v.as_u64().map(i128::from))
        .unwrap_or_else(|| {
            // Seeds beyond 64 bits are written as strings of digits.
            v.as_str().and_then(|s| s.parse().ok()).expect("int seed")
        })
}

fn init_of(init: &J) -> Init {
    if let Some(s) = init.get("seed") {
        Init::Seed(int(s))
    } else if let Some(a) = init.get("seed_array") {
        Init::SeedArray(ints(a))
    } else if let Some(f) = init.get("state_file") {
        let text = std::fs::read_to_string(fixtures().join(f.as_str().unwrap())).unwrap();
        Init::State(LegacyState::from_json(&text).expect("state file parses"))
    } else if let Some(st) = init.get("state") {
        Init::State(LegacyState::from_value(st).expect("state parses"))
    } else {
        panic!("unknown init {init}")
    }
}

fn kind_name(k: &Kind) -> &'static str {
    match k {
        Kind::PyScalar => "pyscalar",
        Kind::NpScalar => "npscalar",
        Kind::Array => "array",
        Kind::Bytes => "bytes",
    }
}

/// Exact comparison of data (floats by bits); `rel_tol` only for multivariate_normal.
fn same_data(got: &Data, want: &Data, rel_tol: Option<f64>) -> Result<(), String> {
    macro_rules! cmp {
        ($a:expr, $b:expr) => {{
            if $a.len() != $b.len() {
                return Err(format!("length {} != {}", $a.len(), $b.len()));
            }
            for (i, (x, y)) in $a.iter().zip($b.iter()).enumerate() {
                if x != y {
                    return Err(format!("element {i}: got {x:?}, NumPy {y:?}"));
                }
            }
            Ok(())
        }};
    }
    match (got, want) {
        (Data::F64(a), Data::F64(b)) => {
            if a.len() != b.len() {
                return Err(format!("length {} != {}", a.len(), b.len()));
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                let ok = match rel_tol {
                    None => x.to_bits() == y.to_bits(),
                    Some(t) => (x - y).abs() <= t * y.abs().max(1.0) || x.to_bits() == y.to_bits(),
                };
                if !ok {
                    return Err(format!(
                        "element {i}: got {x:e} ({:#x}), NumPy {y:e} ({:#x})",
                        x.to_bits(),
                        y.to_bits()
                    ));
                }
            }
            Ok(())
        }
        (Data::F32(a), Data::F32(b)) => {
            let (a, b): (Vec<u32>, Vec<u32>) = (
                a.iter().map(|x| x.to_bits()).collect(),
                b.iter().map(|x| x.to_bits()).collect(),
            );
            cmp!(a, b)
        }
        (Data::I64(a), Data::I64(b)) => cmp!(a, b),
        (Data::U64(a), Data::U64(b)) => cmp!(a, b),
        (Data::I32(a), Data::I32(b)) => cmp!(a, b),
        (Data::U32(a), Data::U32(b)) => cmp!(a, b),
        (Data::I16(a), Data::I16(b)) => cmp!(a, b),
        (Data::U16(a), Data::U16(b)) => cmp!(a, b),
        (Data::I8(a), Data::I8(b)) => cmp!(a, b),
        (Data::U8(a), Data::U8(b)) => cmp!(a, b),
        (Data::Bytes(a), Data::U8(b)) => cmp!(a, b),
        (Data::Bool(a), Data::Bool(b)) => cmp!(a, b),
        _ => Err("data types differ".into()),
    }
}

fn check_value(got: &Value, want: &J, rel_tol: Option<f64>) -> Result<(), String> {
    let dtype = want["dtype"].as_str().unwrap();
    if got.dtype_name() != dtype {
        return Err(format!("dtype {} != NumPy {dtype}", got.dtype_name()));
    }
    let shape: Vec<usize> = want["shape"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_u64().unwrap() as usize)
        .collect();
    if got.shape != shape {
        return Err(format!("shape {:?} != NumPy {shape:?}", got.shape));
    }
    let kind = want["kind"].as_str().unwrap();
    if kind_name(&got.kind) != kind {
        return Err(format!("kind {} != NumPy {kind}", kind_name(&got.kind)));
    }
    let bytes = std::fs::read(fixtures().join(want["file"].as_str().unwrap())).unwrap();
    let (data, npy_shape) = read_npy(&bytes).map_err(|e| e.to_string())?;
    if npy_shape != shape {
        return Err(format!("fixture shape {npy_shape:?} != manifest {shape:?}"));
    }
    same_data(&got.data, &data, rel_tol)
}

fn check_state(rs: &RandomState, file: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(fixtures().join(file)).unwrap();
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
    let m = manifest();
    let cases = m["cases"].as_array().expect("cases");
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    let mut n_calls = 0;
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
            let got = eval_call(&mut rs, text);
            let outcome = match (got, call.get("result"), call.get("error")) {
                (Ok(v), Some(want), _) => {
                    let tol = text
                        .trim_start()
                        .starts_with("multivariate_normal")
                        .then_some(1e-10);
                    check_value(&v, want, tol)
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
    eprintln!("{} cases, {n_calls} calls: all match NumPy", cases.len());
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
    let m = manifest();
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
}

#[test]
fn raw_streams_match_numpy() {
    let m = manifest();
    for raw in m["raw"].as_array().expect("raw") {
        let bytes = std::fs::read(fixtures().join(raw["file"].as_str().unwrap())).unwrap();
        let (data, _) = read_npy(&bytes).unwrap();
        let Data::U32(want) = data else {
            panic!("raw stream must be uint32")
        };
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
}
