//! Every case of `fixtures/generator/cases.json` (written by
//! `scripts/gen_generator_fixtures.py` from real NumPy 2.4.6) replayed through
//! `nprand::generator::eval` and compared exactly: the Python type of each result, its dtype,
//! shape and values (bit for bit; large arrays by SHA-256 of their bytes), each error's
//! exception type and message, and the bit generator's state JSON after the calls.

use nprand::cli::value::{Data, Kind};
use nprand::generator::eval::{eval_generator_value, make_generator, GenValue};
use nprand::generator::BitGenKind;
use nprand::BitGenerator;
use serde_json::Value as J;
use sha2::{Digest, Sha256};
use std::path::Path;

fn cases() -> J {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/generator/cases.json");
    let text = std::fs::read_to_string(&path)
        .expect("fixtures/generator/cases.json (run scripts/gen_generator_fixtures.py)");
    serde_json::from_str(&text).expect("cases.json is JSON")
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::PyScalar => "py",
        Kind::NpScalar => "np",
        Kind::Array => "array",
        Kind::Bytes => "bytes",
    }
}

/// The C-order little-endian bytes of the result in its NumPy dtype.
fn le_bytes(v: &GenValue) -> Vec<u8> {
    let mut out = Vec::new();
    match &v.value.data {
        Data::Bool(x) => out.extend(x.iter().map(|&b| b as u8)),
        Data::I8(x) => out.extend(x.iter().map(|&b| b as u8)),
        Data::U8(x) | Data::Bytes(x) => out.extend_from_slice(x),
        Data::I16(x) => x.iter().for_each(|e| out.extend(e.to_le_bytes())),
        Data::U16(x) => x.iter().for_each(|e| out.extend(e.to_le_bytes())),
        Data::I32(x) => x.iter().for_each(|e| out.extend(e.to_le_bytes())),
        Data::U32(x) => x.iter().for_each(|e| out.extend(e.to_le_bytes())),
        Data::I64(x) => x.iter().for_each(|e| out.extend(e.to_le_bytes())),
        Data::U64(x) => x.iter().for_each(|e| out.extend(e.to_le_bytes())),
        Data::F64(x) if v.float32 => x.iter().for_each(|e| out.extend((*e as f32).to_le_bytes())),
        Data::F64(x) => x.iter().for_each(|e| out.extend(e.to_le_bytes())),
    }
    out
}

/// Compare one expected token with element `i`.
fn token_matches(data: &Data, i: usize, tok: &str) -> bool {
    let int = |v: i128| tok.parse::<i128>().ok() == Some(v);
    match data {
        Data::F64(x) => match tok.parse::<f64>() {
            Ok(e) => (e.is_nan() && x[i].is_nan()) || e.to_bits() == x[i].to_bits(),
            Err(_) => false,
        },
        Data::Bool(x) => tok == if x[i] { "1" } else { "0" },
        Data::I8(x) => int(x[i] as i128),
        Data::U8(x) => int(x[i] as i128),
        Data::I16(x) => int(x[i] as i128),
        Data::U16(x) => int(x[i] as i128),
        Data::I32(x) => int(x[i] as i128),
        Data::U32(x) => int(x[i] as i128),
        Data::I64(x) => int(x[i] as i128),
        Data::U64(x) => int(x[i] as i128),
        Data::Bytes(_) => false,
    }
}

fn compare(expected: &J, got: &GenValue) -> Result<(), String> {
    let v = &got.value;
    let kind = kind_name(v.kind);
    let dtype = if got.float32 {
        "float32"
    } else {
        v.dtype_name()
    };
    let ekind = expected["kind"].as_str().unwrap();
    let edtype = expected["dtype"].as_str().unwrap();
    if kind != ekind || dtype != edtype {
        return Err(format!("type {kind}/{dtype}, NumPy {ekind}/{edtype}"));
    }
    let eshape: Vec<usize> = expected["shape"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_u64().unwrap() as usize)
        .collect();
    if v.shape != eshape && ekind != "bytes" {
        return Err(format!("shape {:?}, NumPy {:?}", v.shape, eshape));
    }
    if let Some(h) = expected.get("sha256") {
        let digest = Sha256::digest(le_bytes(got));
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        if hex != h.as_str().unwrap() {
            let head = expected["head"].as_str().unwrap();
            let first: Vec<bool> = head
                .split(' ')
                .enumerate()
                .map(|(i, t)| token_matches(&v.data, i, t))
                .collect();
            return Err(format!(
                "sha256 differs (head {head}; first tokens match: {first:?})"
            ));
        }
        return Ok(());
    }
    let data = expected["data"].as_str().unwrap();
    if let Data::Bytes(b) = &v.data {
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        return if hex == data {
            Ok(())
        } else {
            Err(format!("bytes {hex}, NumPy {data}"))
        };
    }
    let toks: Vec<&str> = if data.is_empty() {
        vec![]
    } else {
        data.split(' ').collect()
    };
    if toks.len() != v.data.len() {
        return Err(format!("{} values, NumPy {}", v.data.len(), toks.len()));
    }
    for (i, t) in toks.iter().enumerate() {
        if !token_matches(&v.data, i, t) {
            return Err(format!(
                "element {i}: {:?} vs NumPy {t}",
                v.data.gather(&[i])
            ));
        }
    }
    Ok(())
}

#[test]
fn generator_fixtures_replay_exactly() {
    let doc = cases();
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
                    let etype = match e["type"].as_str().unwrap() {
                        "AxisError" => "ValueError",
                        t => t,
                    };
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
                (None, Ok(v)) => compare(&c["result"], &v),
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
