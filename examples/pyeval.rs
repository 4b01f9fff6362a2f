//! A tiny stand-in for `nprand eval --python`, used by scripts/crosscheck_py.py.
//!
//! ```text
//! cargo run --release --example pyeval -- --seed 42 "random()" "randint(1, 6)"
//! cargo run --release --example pyeval -- --seed "'hello'" --version 3.12 "binomialvariate(10, 0.5)"
//! cargo run --release --example pyeval -- --state a.json --print-state "gauss()"
//! cargo run --release --example pyeval -- --batch < cases.jsonl
//! ```
//!
//! Call mode prints one line per call: `json.dumps(result)` (bytes as hex), or
//! `{"error": {"type": ..., "message": ...}}` when CPython would raise; it goes on after
//! an error, as a Python session would. `--print-state` adds the final state JSON.
//!
//! Batch mode reads JSON lines `{"seed": "42", "version": "3.11", "calls": [...]}` and
//! writes one JSON line per case: `{"results": [...], "state": "<state json>"}`, each
//! result `{"json": ..., "repr": ...}` (repr omitted when equal to json) or
//! `{"error": {...}}`, the format of scripts/py_state.py's `outcome()`.

use nprand::eval::python::{eval_python_call, make_random};
use nprand::python::{PyState, PyVersion, Random};
use serde_json::{json, Value};
use std::io::{BufRead, Write};

fn outcome(r: &mut Random, call: &str) -> Value {
    match eval_python_call(r, call) {
        Ok(v) => {
            let (j, rep) = (v.to_json(), v.repr());
            if j == rep {
                json!({ "json": j })
            } else {
                json!({ "json": j, "repr": rep })
            }
        }
        Err(e) => json!({ "error": { "type": e.kind().name(), "message": e.message() } }),
    }
}

fn version(text: &str) -> PyVersion {
    if text.starts_with("3.12") || text.starts_with("3.13") {
        PyVersion::V3_12
    } else {
        PyVersion::V3_11
    }
}

fn batch() -> Result<(), String> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let case: Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        let seed = case["seed"].as_str().ok_or("case without a seed")?;
        let mut r = make_random(seed).map_err(|e| e.to_string())?;
        r.set_version(version(case["version"].as_str().unwrap_or("3.11")));
        let results: Vec<Value> = case["calls"]
            .as_array()
            .ok_or("case without calls")?
            .iter()
            .map(|c| outcome(&mut r, c.as_str().unwrap_or("")))
            .collect();
        let reply = json!({ "results": results, "state": r.getstate().to_json() });
        writeln!(out, "{reply}").map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut seed, mut state, mut ver, mut print_state) = (None, None, PyVersion::V3_11, false);
    let mut calls = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--batch" => return batch(),
            "--seed" => seed = Some(args.next().ok_or("--seed needs a value")?),
            "--state" => state = Some(args.next().ok_or("--state needs a file")?),
            "--version" => ver = version(&args.next().ok_or("--version needs a value")?),
            "--print-state" => print_state = true,
            _ => calls.push(a),
        }
    }
    let mut r = match (seed, state) {
        (_, Some(path)) => {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            let st = PyState::from_json(&text).map_err(|e| e.to_string())?;
            Random::from_state(&st).map_err(|e| e.to_string())?
        }
        (Some(s), None) => make_random(&s).map_err(|e| e.to_string())?,
        (None, None) => return Err("usage: pyeval --seed N CALL... | --batch".into()),
    };
    r.set_version(ver);
    for call in &calls {
        match eval_python_call(&mut r, call) {
            Ok(v) => println!("{}", v.to_json()),
            Err(e) => println!(
                "{}",
                json!({ "error": { "type": e.kind().name(), "message": e.message() } })
            ),
        }
    }
    if print_state {
        println!("{}", r.getstate().to_json());
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("pyeval: {e}");
        std::process::exit(2);
    }
}
