//! The `nprand` binary at its input and output edges (issue #12): state files as Python
//! writes them and the files `--state` must refuse, a closed or broken stdout, and large
//! text/JSON outputs that must stream under a memory limit.
//!
//! Expected exceptions and values come from `fixtures/cli/state_cases.json`
//! (`scripts/fixgen/cli.py`, NumPy 2.4.6 / CPython 3.11); large outputs are checked
//! against the `.npy` path's values and the reference `repr` formatter.
#![cfg(feature = "cli")]

use nprand::eval::npy::read_npy;
use nprand::eval::value::Data;
use nprand::fmt::{json_float, py_float_repr};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_nprand");

fn temp_path(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    std::env::temp_dir().join(format!("nprand-cli-io-{}-{n}-{name}", std::process::id()))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `nprand eval ARGS` run by `sh` with `prelude` first (a `ulimit`, a redirection).
fn nprand_sh(prelude: &str, args: &[&str]) -> Output {
    let mut script = format!("{prelude}\nexec \"$0\"");
    for i in 1..=args.len() {
        script.push_str(&format!(" \"${i}\""));
    }
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .args(args)
        .output()
        .expect("run sh")
}

fn fixture_cases() -> Vec<serde_json::Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cli/state_cases.json");
    let text = std::fs::read_to_string(path).expect("fixtures/cli/state_cases.json");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["cases"].as_array().unwrap().clone()
}

/// Every fixture case: the state file as `json.dumps` wrote it, through `--state`, gives
/// NumPy's / CPython's exception, or its results and the state `--save-state` writes.
#[test]
fn state_files_as_numpy_and_cpython_read_them() {
    let cases = fixture_cases();
    assert!(cases.len() >= 20);
    for case in cases {
        let state = temp_path("state.json");
        let saved = temp_path("saved.json");
        std::fs::write(&state, case["state"].as_str().unwrap()).unwrap();
        let front = case["front"].as_str().unwrap();
        let mut args = vec!["eval".to_string()];
        match front {
            "legacy" => {}
            "python" => args.push("--python".into()),
            g => args.extend(["--generator".into(), g["generator:".len()..].to_string()]),
        }
        args.extend(["--state".into(), state.display().to_string()]);
        args.extend(["--save-state".into(), saved.display().to_string()]);
        for c in case["calls"].as_array().unwrap() {
            args.push(c.as_str().unwrap().into());
        }
        let o = Command::new(BIN).args(&args).output().unwrap();
        if let Some(e) = case.get("error") {
            let line = format!(
                "error: {}: {}\n",
                e["type"].as_str().unwrap(),
                e["message"].as_str().unwrap()
            );
            assert_eq!((o.status.code(), stderr(&o)), (Some(1), line), "{case}");
        } else {
            assert!(o.status.success(), "{case}: {}", stderr(&o));
            let want: Vec<&str> = case["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            assert_eq!(
                String::from_utf8(o.stdout).unwrap(),
                want.join("\n") + "\n",
                "{case}"
            );
            let after = std::fs::read_to_string(&saved).unwrap();
            assert_eq!(
                after,
                case["state_after"].as_str().unwrap().to_string() + "\n",
                "{case}"
            );
            std::fs::remove_file(&saved).unwrap();
        }
        std::fs::remove_file(&state).unwrap();
    }
}

/// Runs `cmd` for at most `limit`, killing it after.
fn output_within(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("nprand still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// `--state path` fails at once with `{kind}: cannot read state file 'path': why`.
fn assert_state_refused(path: &Path, kind: &str, why: &str) {
    let mut cmd = Command::new(BIN);
    cmd.args(["eval", "--state", path.to_str().unwrap(), "rand()"]);
    let o = output_within(cmd, Duration::from_secs(20));
    let line = format!(
        "error: {kind}: cannot read state file '{}': {why}\n",
        path.display()
    );
    assert_eq!((o.status.code(), stderr(&o)), (Some(1), line));
}

/// A FIFO would block `open` forever and a directory is no state: both are refused at
/// once: a FIFO as an OSError, a directory as CPython's `open(dir).read()` fails
/// (`IsADirectoryError: [Errno 21] Is a directory`).
#[test]
fn state_must_be_a_regular_file() {
    let fifo = temp_path("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    assert_state_refused(&fifo, "OSError", "not a regular file");
    assert_state_refused(
        &std::env::temp_dir(),
        "IsADirectoryError",
        "[Errno 21] Is a directory",
    );
    std::fs::remove_file(&fifo).unwrap();
}

/// A state file above the 1 MiB cap is refused before it is parsed.
#[test]
fn state_file_size_is_capped() {
    let big = temp_path("big.json");
    std::fs::write(&big, vec![b' '; (1 << 20) + 1]).unwrap();
    assert_state_refused(&big, "OSError", "larger than 1048576 bytes");
    std::fs::remove_file(&big).unwrap();
}

/// `nprand eval ... >&-`: nothing can be written, so the run fails with one line.
#[test]
fn closed_stdout_is_an_error() {
    for extra in [&["--format", "text"][..], &["--format", "json"], &[]] {
        let mut args = vec!["eval", "--seed", "0"];
        args.extend_from_slice(extra);
        args.push("rand(2)");
        let o = nprand_sh("exec >&-", &args);
        assert_eq!(
            (o.status.code(), stderr(&o).as_str()),
            (
                Some(1),
                "error: OSError: cannot write output: [Errno 9] Bad file descriptor\n"
            )
        );
    }
    let o = nprand_sh("exec >&-", &["eval", "--batch"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // `>/dev/null` is a working stdout.
    let o = nprand_sh("exec >/dev/null", &["eval", "--seed", "0", "rand(2)"]);
    assert_eq!((o.status.code(), stderr(&o).as_str()), (Some(0), ""));
}

/// `nprand eval ... | head -c 1`: the reader leaving is no error worth a message; the
/// exit status is 141, as for a process SIGPIPE ended.
#[test]
fn broken_pipe_exits_quietly() {
    let mut child = Command::new(BIN)
        .args(["eval", "--seed", "0", "rand(1000000)"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!((o.status.code(), stderr(&o).as_str()), (Some(141), ""));
}

/// The values of `call` through the `.npy` path.
fn npy_values(setup: &[&str], call: &str) -> Data {
    let dir = temp_path("npy");
    let mut args = vec!["eval"];
    args.extend_from_slice(setup);
    args.extend(["--format", "npy", "--out", dir.to_str().unwrap(), call]);
    let o = Command::new(BIN).args(&args).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let data = read_npy(&std::fs::read(dir.join("000.npy")).unwrap())
        .unwrap()
        .0;
    std::fs::remove_dir_all(&dir).unwrap();
    data
}

/// Address space for the process itself (binary, libc, stack): a trivial call runs in
/// 12 MiB.
const BASE_KIB: usize = 32 << 10;

/// `call`'s output in `format` under `ulimit -v` of the base plus twice the result's
/// size: the text is streamed, never held whole (the old `Vec<String>` needed ~6x).
fn streamed(setup: &[&str], format: &str, call: &str, result_bytes: usize) -> Vec<u8> {
    let mut args = vec!["eval"];
    args.extend_from_slice(setup);
    args.extend(["--format", format, call]);
    let limit = BASE_KIB + 2 * result_bytes / 1024;
    let o = nprand_sh(&format!("ulimit -v {limit}"), &args);
    assert!(
        o.status.success(),
        "{call} as {format} under {limit} KiB: {:?} {}",
        o.status,
        stderr(&o)
    );
    o.stdout
}

/// Floats: every token parses back to the `.npy` path's value, and the first and last
/// are the reference `repr` / `json.dumps` spelling.
#[test]
fn large_float_outputs_stream_under_a_memory_limit() {
    const N: usize = 1 << 20;
    let call = "random_sample(2**20)";
    let Data::F64(want) = npy_values(&["--seed", "0"], call) else {
        panic!("float64")
    };
    assert_eq!(want.len(), N);
    for format in ["text", "json"] {
        let out = String::from_utf8(streamed(&["--seed", "0"], format, call, 8 * N)).unwrap();
        let body = match format {
            "text" => out.strip_prefix('[').unwrap().strip_suffix("]\n").unwrap(),
            _ => {
                let head = "{\"dtype\": \"float64\", \"shape\": [1048576], \"data\": [";
                out.strip_prefix(head)
                    .unwrap()
                    .strip_suffix("]}\n")
                    .unwrap()
            }
        };
        let sep = if format == "text" { ' ' } else { ',' };
        let tokens: Vec<&str> = body
            .split(sep)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(tokens.len(), N);
        for (t, w) in tokens.iter().zip(&want) {
            assert_eq!(t.parse::<f64>().unwrap().to_bits(), w.to_bits());
        }
        let spell = if format == "text" {
            py_float_repr
        } else {
            json_float
        };
        for i in [0, 1, 2, N - 2, N - 1] {
            assert_eq!(tokens[i], spell(want[i]));
        }
    }
}

/// Bools, legacy `randint` and Generator `integers`: the JSON's `true`s are the ones of
/// the `.npy` path, in order.
#[test]
fn large_bool_outputs_stream_under_a_memory_limit() {
    const N: usize = 1 << 22;
    let runs: [(&[&str], &str); 2] = [
        (&["--seed", "0"], "randint(0, 2, size=2**22, dtype='bool')"),
        (
            &["--generator", "pcg64", "--seed", "0"],
            "integers(0, 2, size=2**22, dtype='bool')",
        ),
    ];
    for (setup, call) in runs {
        let Data::Bool(want) = npy_values(setup, call) else {
            panic!("bool")
        };
        let out = String::from_utf8(streamed(setup, "json", call, N)).unwrap();
        let head = "{\"dtype\": \"bool\", \"shape\": [4194304], \"data\": [";
        let body = out
            .strip_prefix(head)
            .unwrap()
            .strip_suffix("]}\n")
            .unwrap();
        let got: Vec<bool> = body.split(", ").map(|t| t == "true").collect();
        assert_eq!(got, want);
        assert_eq!(
            body.len(),
            want.iter().map(|&b| if b { 6 } else { 7 }).sum::<usize>() - 2
        );
    }
}

/// `--format numpy` / `--format repr` print NumPy's `str` / `repr` (fixture cases from
/// `scripts/fixgen/arrayprint.py`), one call after another on one generator; with
/// `--python` they are a usage error.
#[test]
fn numpy_and_repr_formats() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/print/cases.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases: Vec<&serde_json::Value> = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["front"] == "legacy")
        .take(12)
        .collect();
    for case in cases {
        let seed = case["seed"].to_string();
        for (format, key) in [("numpy", "str"), ("repr", "repr")] {
            let o = Command::new(BIN)
                .args([
                    "eval",
                    "--seed",
                    &seed,
                    "--format",
                    format,
                    case["call"].as_str().unwrap(),
                ])
                .output()
                .unwrap();
            assert!(o.status.success(), "{}", stderr(&o));
            let want = case[key].as_str().unwrap().to_string() + "\n";
            assert_eq!(String::from_utf8(o.stdout).unwrap(), want, "{case}");
        }
    }
    let o = Command::new(BIN)
        .args([
            "eval", "--python", "--seed", "0", "--format", "numpy", "random()",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: UsageError: --format numpy/repr"));
}

/// A hand-made all-zero MT19937 state (MT19937's fixed point): calls NumPy answers with its
/// zeros still run, calls on which NumPy loops forever end with a clear error after the
/// budget, leaving the state as it was.
#[test]
fn all_zero_state_never_hangs() {
    let run = |args: &[&str]| Command::new(BIN).args(args).output().expect("run nprand");
    let seeded = temp_path("seeded.json");
    let out = run(&[
        "eval",
        "--seed",
        "0",
        "--save-state",
        seeded.to_str().unwrap(),
        "random_sample()",
    ]);
    assert!(out.status.success());
    let mut state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&seeded).unwrap()).unwrap();
    state["state"]["key"] = serde_json::Value::Array(vec![0.into(); 624]);
    let zero = temp_path("zero.json");
    std::fs::write(&zero, state.to_string()).unwrap();
    let z = zero.to_str().unwrap();
    // Legacy: random_sample answers (NumPy's zeros), standard_normal would never return.
    let out = run(&[
        "eval",
        "--state",
        z,
        "--format",
        "json",
        "standard_normal()",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: ValueError: the MT19937 state is all zeros"),
        "{err}"
    );
    let ok = run(&["eval", "--state", z, "random_sample()"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let _ = std::fs::remove_file(&seeded);
    let _ = std::fs::remove_file(&zero);
}
