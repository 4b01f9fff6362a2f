//! NumPy's `str(x)` / `repr(x)` (`nprand eval --format numpy` / `--format repr`) against
//! `fixtures/print/cases.json` (`scripts/gen_print_fixtures.py`, NumPy 2.4.6 with its
//! default print options), exactly.
#![cfg(feature = "eval")]

use nprand::eval::arrayprint::{numpy_repr, numpy_str};
use nprand::eval::frontend::{Evaluated, Setup};
use std::path::Path;

#[test]
fn numpy_print_layout_matches_numpy() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/print/cases.json");
    let text = std::fs::read_to_string(path).expect("fixtures/print/cases.json");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 100);
    let mut failures = Vec::new();
    for case in cases {
        let front = case["front"].as_str().unwrap();
        let setup = Setup {
            generator: front.strip_prefix("generator:").map(String::from),
            seed: Some(case["seed"].to_string()),
            ..Setup::default()
        };
        let Ok(mut fe) = setup.build() else {
            panic!("setup {case}")
        };
        let call = case["call"].as_str().unwrap();
        let Ok(Evaluated::Numpy(value)) = fe.eval(call) else {
            panic!("eval {call}")
        };
        for (got, key) in [(numpy_str(&value), "str"), (numpy_repr(&value), "repr")] {
            let want = case[key].as_str().unwrap();
            if got != want {
                failures.push(format!("{front} {call} {key}:\n{got}\n--- NumPy:\n{want}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {}:\n{}",
        failures.len(),
        2 * cases.len(),
        failures.join("\n\n")
    );
}
