//! `nprand eval --batch` answers what the one-run command line prints for the same
//! flags and calls (json line, text line, final state), keeps going after an error, and
//! reports a run that cannot start on its own line.
#![cfg(feature = "cli")]

mod common;
use common::nprand;

use std::io::Write;
use std::process::{Command, Stdio};

fn batch(input: &str) -> Vec<serde_json::Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nprand"))
        .args(["eval", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run nprand --batch");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

/// The CLI's lines for `flags` + `calls` in `format`, and its saved state.
fn cli(flags: &[&str], calls: &[&str], format: &str) -> (Vec<String>, String) {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let state = std::env::temp_dir().join(format!("nprand-batch-{}-{n}.json", std::process::id()));
    let mut args = vec![
        "eval",
        "--format",
        format,
        "--save-state",
        state.to_str().unwrap(),
    ];
    args.extend_from_slice(flags);
    args.extend_from_slice(calls);
    let o = nprand(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let st = std::fs::read_to_string(&state).unwrap();
    let _ = std::fs::remove_file(&state);
    (lines, st.trim_end().to_string())
}

#[test]
fn batch_answers_what_the_command_line_prints() {
    let runs: &[(&[&str], &str)] = &[
        (&["--seed", "12345"], r#"{"seed": "12345", "calls": CALLS}"#),
        (
            &["--seed-array", "1,2,3"],
            r#"{"seed_array": "1,2,3", "calls": CALLS}"#,
        ),
        (
            &[
                "--generator",
                "philox",
                "--seed",
                "340282366920938463463374607431768211457",
            ],
            r#"{"generator": "philox", "seed": 340282366920938463463374607431768211457, "calls": CALLS}"#,
        ),
        (
            &["--python", "--python-version", "3.12", "--seed", "'hello'"],
            r#"{"python": true, "python_version": "3.12", "seed": "'hello'", "calls": CALLS}"#,
        ),
    ];
    let numpy_calls = [
        "random_sample()",
        "randint(0, 10, size=(2, 3), dtype='int8')",
        "bytes(5)",
    ];
    let gen_calls = [
        "random()",
        "integers(0, 10, size=(2, 3), dtype=np.int8)",
        "bytes(5)",
    ];
    let py_calls = ["random()", "choices('abc', k=3)", "randbytes(3)"];
    for (flags, line) in runs {
        let calls: &[&str] = if flags.contains(&"--python") {
            &py_calls
        } else if flags.contains(&"--generator") {
            &gen_calls
        } else {
            &numpy_calls
        };
        let input = line.replace("CALLS", &serde_json::to_string(calls).unwrap());
        let answer = &batch(&input)[0];
        let (json, state) = cli(flags, calls, "json");
        let (text, _) = cli(flags, calls, "text");
        let results = answer["results"].as_array().unwrap();
        assert_eq!(results.len(), calls.len());
        for (i, r) in results.iter().enumerate() {
            assert_eq!(
                r["json"].as_str().unwrap(),
                json[i],
                "{flags:?} {}",
                calls[i]
            );
        }
        // A text result may span lines (arrays), so compare the whole output.
        let texts: Vec<&str> = results
            .iter()
            .map(|r| r["text"].as_str().unwrap())
            .collect();
        assert_eq!(texts.join("\n"), text.join("\n"), "{flags:?}");
        assert_eq!(answer["state"].as_str().unwrap(), state, "{flags:?}");
    }
}

#[test]
fn errors_do_not_end_a_run_and_bad_runs_get_one_line() {
    let input = concat!(
        r#"{"generator": "pcg64", "seed": "1", "calls": ["uniform(1, 0)", "random()"]}"#,
        "\n",
        r#"{"seed": "-1", "calls": ["rand()"]}"#,
        "\n\n",
        r#"{"generator": "nope", "seed": "1", "calls": []}"#,
        "\n",
        "not json\n",
    );
    let answers = batch(input);
    assert_eq!(answers.len(), 4);
    let e = nprand(&[
        "eval",
        "--generator",
        "pcg64",
        "--seed",
        "1",
        "uniform(1, 0)",
    ]);
    let line = String::from_utf8(e.stderr).unwrap();
    let r = &answers[0]["results"];
    assert_eq!(
        format!(
            "error: {}: {}\n",
            r[0]["error"]["type"].as_str().unwrap(),
            r[0]["error"]["message"].as_str().unwrap()
        ),
        line
    );
    // The call after the error draws from the state the error left (none drawn).
    let (json, _) = cli(
        &["--generator", "pcg64", "--seed", "1"],
        &["random()"],
        "json",
    );
    assert_eq!(r[1]["json"].as_str().unwrap(), json[0]);
    for (answer, flags) in [
        (&answers[1], &["--seed", "-1"][..]),
        (&answers[2], &["--generator", "nope", "--seed", "1"][..]),
    ] {
        let o = nprand(&[&["eval"], flags, &["rand()"]].concat());
        let err = &answer["error"];
        assert_eq!(
            format!(
                "error: {}: {}\n",
                err["type"].as_str().unwrap(),
                err["message"].as_str().unwrap()
            ),
            String::from_utf8(o.stderr).unwrap()
        );
    }
    assert_eq!(answers[3]["error"]["type"], "UsageError");
}
