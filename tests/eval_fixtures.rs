//! Replays `fixtures/eval/cases.json` (scripts/fixgen/eval.py: NumPy 2.4.6 and
//! CPython 3.11 as the oracle): calls whose error text rests on the evaluator's Python
//! helpers (`repr(str)`, `int(str)`) and the limits and argument semantics of issue #12,
//! each through the front-end `nprand eval` builds; CPython calls that return are
//! compared by value (`json.dumps`).
#![cfg(feature = "eval")]

use nprand::eval::frontend::Setup;

#[test]
fn errors_match_numpy_and_cpython() {
    let text = include_str!("../fixtures/eval/cases.json");
    let doc: serde_json::Value = serde_json::from_str(text).expect("fixtures/eval/cases.json");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in cases {
        let front = case["front"].as_str().expect("front");
        let call = case["call"].as_str().expect("call");
        let mut setup = Setup {
            seed: Some(case["seed"].to_string()),
            ..Setup::default()
        };
        match front {
            "legacy" => {}
            "python" => setup.python = true,
            g => setup.generator = Some(g.strip_prefix("generator:").expect("front").into()),
        }
        let mut fe = match setup.build() {
            Ok(fe) => fe,
            Err(e) => panic!("{front} seed {}: {e:?}", case["seed"]),
        };
        if let Some(value) = case["value"].as_str() {
            // A CPython call that returns: json.dumps of the value.
            match fe.eval(call) {
                Ok(v) if v.json() == value => {}
                Ok(v) => failures.push(format!("{front} {call}: {}, CPython {value}", v.json())),
                Err(e) => failures.push(format!("{front} {call}: {e}, CPython {value}")),
            }
            continue;
        }
        let want = (
            case["error"]["type"].as_str().expect("type"),
            case["error"]["message"].as_str().expect("message"),
        );
        match fe.eval(call) {
            Err(e) if (e.kind().name(), e.message()) == want => {}
            Err(e) => failures.push(format!("{front} {call}: {e}, NumPy/CPython {want:?}")),
            Ok(v) => failures.push(format!("{front} {call}: returned {}", v.json())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
