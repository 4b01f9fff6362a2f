//! `geneval`: evaluate `Generator` calls for `scripts/crosscheck_generator.py` (until the
//! `nprand eval --generator` command line exists).
//!
//! Reads JSON lines `{"gen": "pcg64", "seed": "12345", "calls": ["random(3)", ...]}` on stdin
//! and writes one JSON line per input: `{"results": [...], "state": "<state JSON>"}`, each
//! result `{"result": {...}}` or `{"error": {"type": ..., "message": ...}}` in the encoding of
//! `scripts/fixgen/common.py` (`encode`, as `crosscheck_generator.py` calls it: a SHA-256 above
//! 64 elements, NaN as `nan`).
//!
//! ```text
//! echo '{"gen": "pcg64", "seed": "1", "calls": ["random(2)"]}' | cargo run --example geneval
//! ```

use nprand::eval::generator::{eval_generator_value, make_generator, GenValue};
use nprand::eval::value::{Data, Kind};
use nprand::fmt::py_float_repr;
use nprand::generator::BitGenKind;
use nprand::BitGenerator;
use serde_json::{json, Value as J};
use sha2::{Digest, Sha256};
use std::io::{BufRead, Write};

const INLINE_MAX: usize = 64;

fn tokens(v: &GenValue) -> Vec<String> {
    fn t<T: ToString>(x: &[T]) -> Vec<String> {
        x.iter().map(ToString::to_string).collect()
    }
    match &v.value.data {
        Data::F64(x) => x.iter().map(|f| py_float_repr(*f)).collect(),
        Data::F32(x) => x.iter().map(|f| py_float_repr(f64::from(*f))).collect(),
        Data::Bool(x) => x
            .iter()
            .map(|b| if *b { "1" } else { "0" }.to_string())
            .collect(),
        Data::I8(x) => t(x),
        Data::U8(x) => t(x),
        Data::I16(x) => t(x),
        Data::U16(x) => t(x),
        Data::I32(x) => t(x),
        Data::U32(x) => t(x),
        Data::I64(x) => t(x),
        Data::U64(x) => t(x),
        Data::Bytes(x) => vec![x.iter().map(|b| format!("{b:02x}")).collect()],
    }
}

fn le_bytes(v: &GenValue) -> Vec<u8> {
    v.value.data.le_bytes()
}

fn encode(v: &GenValue) -> J {
    let kind = match v.value.kind {
        Kind::PyScalar => "py",
        Kind::NpScalar => "np",
        Kind::Array => "array",
        Kind::Bytes => "bytes",
    };
    let dtype = if v.float32 {
        "float32"
    } else {
        v.value.dtype_name()
    };
    let mut o = json!({"kind": kind, "dtype": dtype, "shape": v.value.shape});
    let toks = tokens(v);
    if kind != "bytes" && v.value.data.len() > INLINE_MAX {
        let hex: String = Sha256::digest(le_bytes(v))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        o["sha256"] = json!(hex);
        o["head"] = json!(toks[..4].join(" "));
    } else {
        o["data"] = json!(toks.join(" "));
    }
    o
}

fn run(line: &str) -> J {
    let req: J = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return json!({"fatal": format!("bad request: {e}")}),
    };
    let kind: BitGenKind = match req["gen"].as_str().unwrap_or("").parse() {
        Ok(k) => k,
        Err(e) => return json!({"fatal": e.to_string()}),
    };
    let mut g = match make_generator(kind, req["seed"].as_str().unwrap_or("")) {
        Ok(g) => g,
        Err(e) => return json!({"fatal": e.to_string()}),
    };
    let calls = req["calls"].as_array().cloned().unwrap_or_default();
    let results: Vec<J> = calls
        .iter()
        .map(
            |c| match eval_generator_value(&mut g, c.as_str().unwrap_or("")) {
                Ok(v) => json!({"result": encode(&v)}),
                Err(e) => json!({"error": {"type": e.kind().name(), "message": e.message()}}),
            },
        )
        .collect();
    json!({"results": results, "state": g.bit_generator().state().to_json()})
}

fn main() {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        if line.trim().is_empty() {
            continue;
        }
        writeln!(out, "{}", run(&line)).expect("stdout");
        out.flush().expect("stdout");
    }
}
