//! `nprand eval --batch`: many runs in one process, for programs (the cross-check
//! scripts). JSON lines in, JSON lines out, one output line per input line, in order.
//!
//! An input line holds the flags of one `nprand eval` run: `"calls"` (a list of call
//! strings), one of `"seed"` (a string as `--seed` takes it, or a JSON integer of any
//! size), `"seed_array"` (a string as `--seed-array` takes it) or `"state"` (the state
//! JSON, as an object or a string), and the front-end: `"generator": "pcg64"`, or
//! `"python": true` with an optional `"python_version": "3.12"`; neither is the legacy
//! RandomState.
//!
//! The output line is `{"results": [...], "state": "<state JSON>"}`: one result per
//! call, `{"json": "<the --format json line>", "text": "<the --format text line>",
//! "kind": "py"|"np"|"array"|"bytes"|"none"|"dict"}` (`kind` for NumPy front-ends only) or
//! `{"error": {"type": "ValueError", "message": "..."}}`; an error does not stop the
//! run (later calls see the state the failed call left, as in a Python session).
//! `state` is what `--save-state` would write. When the front-end cannot be built
//! (a bad seed, a malformed line) the output line is just `{"error": {...}}`, the type
//! `UsageError` for a command-line mistake.
//!
//! ```
//! use nprand::eval::batch::run_batch;
//! let input = r#"{"generator": "pcg64", "seed": 1, "calls": ["random()", "uniform(1, 0)"]}"#;
//! let mut out = Vec::new();
//! run_batch(input.as_bytes(), &mut out).unwrap();
//! let line = String::from_utf8(out).unwrap();
//! assert!(line.starts_with(r#"{"results":[{"json":"{\"dtype\": \"float64\", \"shape\": [], "#));
//! assert!(line.contains(r#"{"error":{"message":"high - low < 0","type":"ValueError"}}"#));
//! ```

use super::frontend::{Setup, SetupError, StateSource};
use crate::error::Error;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Value as J};
use std::io::{self, BufRead, Write};

/// One input line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    #[serde(default)]
    generator: Option<String>,
    #[serde(default)]
    python: bool,
    #[serde(default)]
    python_version: Option<String>,
    #[serde(default)]
    seed: Option<Box<RawValue>>,
    #[serde(default)]
    seed_array: Option<String>,
    #[serde(default)]
    state: Option<Box<RawValue>>,
    calls: Vec<String>,
}

/// A raw JSON value as text: a string's contents, anything else as written (so a
/// 128-bit integer or a state object keeps every digit).
fn raw_text(v: &RawValue) -> io::Result<String> {
    let raw = v.get();
    if raw.starts_with('"') {
        serde_json::from_str::<String>(raw).map_err(io::Error::other)
    } else {
        Ok(raw.to_string())
    }
}

fn error_json(kind: &str, message: &str) -> J {
    json!({"error": {"type": kind, "message": message}})
}

fn exception(e: &Error) -> J {
    error_json(e.kind().name(), e.message())
}

/// One output line for one input line.
fn run_line(line: &str) -> J {
    let req: Request = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => return error_json("UsageError", &format!("bad --batch line: {e}")),
    };
    let text = |v: &Option<Box<RawValue>>| v.as_deref().map(raw_text).transpose();
    let (seed, state) = match (text(&req.seed), text(&req.state)) {
        (Ok(seed), Ok(state)) => (seed, state),
        (Err(e), _) | (_, Err(e)) => {
            return error_json("UsageError", &format!("bad --batch line: {e}"))
        }
    };
    let given = [seed.is_some(), req.seed_array.is_some(), state.is_some()];
    if given.iter().filter(|&&g| g).count() > 1 {
        return error_json(
            "UsageError",
            "give only one of \"seed\", \"seed_array\" and \"state\"",
        );
    }
    let setup = Setup {
        generator: req.generator,
        python: req.python,
        python_version: req.python_version,
        seed,
        seed_array: req.seed_array,
        state: state.map(StateSource::Json),
    };
    let mut fe = match setup.build() {
        Ok(fe) => fe,
        Err(SetupError::Eval(e)) => return exception(&e),
        Err(SetupError::Usage(m)) => return error_json("UsageError", &m),
    };
    let results: Vec<J> = req
        .calls
        .iter()
        .map(|call| match fe.eval(call) {
            Ok(v) => {
                let mut r = json!({"json": v.json(), "text": v.text().unwrap_or_default()});
                if let Some(kind) = v.numpy_kind() {
                    r["kind"] = json!(kind);
                }
                r
            }
            Err(e) => exception(&e),
        })
        .collect();
    json!({"results": results, "state": fe.state_json()})
}

/// Runs every line of `input` (blank lines skipped) and writes one JSON line each to
/// `out`, flushed line by line (so a driver may interleave requests and replies).
pub fn run_batch(input: impl BufRead, mut out: impl Write) -> io::Result<()> {
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        writeln!(out, "{}", run_line(&line))?;
        out.flush()?;
    }
    Ok(())
}
