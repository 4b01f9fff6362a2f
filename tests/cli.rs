//! Integration tests of the `nprand` binary: formats, errors, seeding, files.
//!
//! Expected random numbers come from the library itself (never typed by hand); the
//! library is checked against NumPy by the fixture tests.
#![cfg(feature = "cli")]

mod common;
use common::nprand;

use nprand::eval::npy::read_npy;
use nprand::eval::value::Data;
use nprand::fmt::py_float_repr;
use nprand::{LegacyState, RandomState};
use std::path::PathBuf;
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Exactly one stderr line, `error: ...`, and the exit code.
fn assert_one_error_line(o: &Output, code: i32, line: &str) {
    assert_eq!(o.status.code(), Some(code), "stderr: {}", stderr(o));
    assert_eq!(stderr(o), format!("{line}\n"));
}

fn temp_path(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    std::env::temp_dir().join(format!("nprand-cli-test-{}-{n}-{name}", std::process::id()))
}

fn json_line(line: &str) -> serde_json::Value {
    serde_json::from_str(line).unwrap_or_else(|e| panic!("bad JSON {line:?}: {e}"))
}

fn json_floats(v: &serde_json::Value) -> Vec<f64> {
    v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

#[test]
fn json_rand_matches_library_bitwise() {
    let o = nprand(&[
        "eval",
        "--seed",
        "12345",
        "--format",
        "json",
        "rand(10, 10)",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1);
    let v = json_line(out.trim_end());
    assert_eq!(v["dtype"], "float64");
    assert_eq!(v["shape"], serde_json::json!([10, 10]));
    let got = json_floats(&v);
    let want = RandomState::new(12345).rand(&[10, 10]).unwrap();
    assert_eq!(got.len(), 100);
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g.to_bits(), w.to_bits());
    }
    // The exact text is Python's json.dumps of the list.
    let data: Vec<String> = want.iter().map(|&x| py_float_repr(x)).collect();
    assert_eq!(
        out,
        format!(
            "{{\"dtype\": \"float64\", \"shape\": [10, 10], \"data\": [{}]}}\n",
            data.join(", ")
        )
    );
}

#[test]
fn text_format_scalars_and_arrays() {
    let o = nprand(&[
        "eval",
        "--seed",
        "0",
        "random_sample()",
        "randint(5, dtype='uint8')",
        "rand(2, 2)",
        "seed(0)",
        "randint(0, 2, size=3, dtype=bool)",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut rs = RandomState::new(0);
    let x = rs.random_sample();
    let k: u8 = rs.randint_dtype(0, 5).unwrap();
    let a = rs.rand(&[2, 2]).unwrap();
    let mut rs = RandomState::new(0);
    let mut b = [false; 3];
    rs.randint_into(&mut b, 0, 2).unwrap();
    let r: Vec<String> = a.iter().map(|&v| py_float_repr(v)).collect();
    let w = r.iter().map(|s| s.len()).max().unwrap();
    let cell = |s: &String| format!("{s:>w$}");
    let bools: Vec<String> = b
        .iter()
        .map(|&v| format!("{:>5}", if v { "True" } else { "False" }))
        .collect();
    let expected = format!(
        "{}\nnp.uint8({k})\n[[{} {}]\n [{} {}]]\n[{}]\n",
        py_float_repr(x),
        cell(&r[0]),
        cell(&r[1]),
        cell(&r[2]),
        cell(&r[3]),
        bools.join(" ")
    );
    assert_eq!(stdout(&o), expected);
}

#[test]
fn json_scalars_bytes_and_none() {
    let o = nprand(&[
        "eval",
        "--seed",
        "7",
        "--format",
        "json",
        "tomaxint()",
        "bytes(6)",
        "seed(7)",
        "randint(-5, 5, size=(2, 0), dtype='i2')",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut rs = RandomState::new(7);
    let t = rs.tomaxint();
    let hex: String = rs
        .bytes(6)
        .unwrap()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        stdout(&o),
        format!(
            "{{\"dtype\": \"int64\", \"shape\": [], \"data\": [{t}]}}\n\
             {{\"dtype\": \"bytes\", \"shape\": [6], \"data\": \"{hex}\"}}\n\
             null\n\
             {{\"dtype\": \"int16\", \"shape\": [2, 0], \"data\": []}}\n"
        )
    );
}

#[test]
fn calls_share_one_generator() {
    // standard_normal(3) leaves a cached gaussian that normal(5, 2) uses.
    let o = nprand(&[
        "eval",
        "--seed",
        "3",
        "--format",
        "json",
        "standard_normal(3)",
        "normal(5, 2)",
    ]);
    assert!(o.status.success());
    let lines: Vec<String> = stdout(&o).lines().map(String::from).collect();
    let mut rs = RandomState::new(3);
    let mut z = [0.0; 3];
    rs.standard_normal_into(&mut z);
    let n = rs.normal(5.0, 2.0).unwrap();
    let first = json_floats(&json_line(&lines[0]));
    assert_eq!(
        first.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
        z.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
    );
    assert_eq!(json_floats(&json_line(&lines[1]))[0].to_bits(), n.to_bits());
}

#[test]
fn shuffle_prints_the_shuffled_argument() {
    let o = nprand(&[
        "eval",
        "--seed",
        "11",
        "--format",
        "json",
        "shuffle([1, 2, 3, 4, 5])",
        "shuffle([[1, 2], [3, 4], [5, 6]])",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut rs = RandomState::new(11);
    let mut x = [1i64, 2, 3, 4, 5];
    rs.shuffle(&mut x);
    let mut rows = [[1i64, 2], [3, 4], [5, 6]];
    rs.shuffle(&mut rows);
    let flat: Vec<String> = rows.iter().flatten().map(|v| v.to_string()).collect();
    let xs: Vec<String> = x.iter().map(|v| v.to_string()).collect();
    assert_eq!(
        stdout(&o),
        format!(
            "{{\"dtype\": \"int64\", \"shape\": [5], \"data\": [{}]}}\n\
             {{\"dtype\": \"int64\", \"shape\": [3, 2], \"data\": [{}]}}\n",
            xs.join(", "),
            flat.join(", ")
        )
    );
}

#[test]
fn evaluation_error_is_one_line_and_keeps_earlier_output() {
    let o = nprand(&["eval", "--seed", "1", "rand()", "randint(10, 5)", "rand()"]);
    assert_one_error_line(&o, 1, "error: ValueError: low >= high");
    let x = RandomState::new(1).random_sample();
    assert_eq!(stdout(&o), format!("{}\n", py_float_repr(x)));
}

#[test]
fn numpy_error_messages() {
    for (call, line) in [
        ("normal(0, -1)", "error: ValueError: scale < 0"),
        ("uniform(0, inf)", "error: OverflowError: Range exceeds valid bounds"),
        ("randint(5, dtype='float64')", "error: TypeError: Unsupported dtype dtype('float64') for randint"),
        ("randint(nan)", "error: ValueError: cannot convert float NaN to integer"),
        ("randint(inf)", "error: OverflowError: cannot convert float infinity to integer"),
        ("normal(size=-1)", "error: ValueError: negative dimensions are not allowed"),
        ("normal(size=2.5)", "error: TypeError: expected a sequence of integers or a single integer, got '2.5'"),
        ("rand(2.5)", "error: TypeError: 'float' object cannot be interpreted as an integer"),
        ("normal('a')", "error: ValueError: could not convert string to float: 'a'"),
        ("normal(1, 2, 3, 4)", "error: TypeError: normal() takes at most 3 positional arguments (4 given)"),
        ("normal(x=1)", "error: TypeError: normal() got an unexpected keyword argument 'x'"),
        ("permutation(2.5)", "error: IndexError: x must be an integer or at least 1-dimensional"),
        ("choice(5, 6, replace=False)", "error: ValueError: Cannot take a larger sample than population when 'replace=False'"),
        ("foo(3)", "error: AttributeError: 'numpy.random.mtrand.RandomState' object has no attribute 'foo'"),
        ("multinomial(-1, [0.5, 0.5])", "error: ValueError: n < 0"),
        ("dirichlet([1, 0])", "error: ValueError: alpha <= 0"),
        ("rand(2**62, 2**62)", "error: ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."),
        ("normal([1, 2], size=3)", "error: ValueError: shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (3,) and arg 1 with shape (2,)."),
    ] {
        let o = nprand(&["eval", "--seed", "0", call]);
        assert_one_error_line(&o, 1, line);
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn syntax_error_is_one_line() {
    let o = nprand(&["eval", "--seed", "0", "rand(3,, 2)"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1);
    assert!(err.starts_with("error: SyntaxError: "), "{err}");
}

#[test]
fn non_integer_seeds_get_numpys_errors() {
    for (args, line) in [
        (vec!["--seed", "1.5"], "error: TypeError: Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'"),
        (vec!["--seed-array", "1.5,2"], "error: TypeError: Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"),
        (vec!["--seed", "[[1, 2]]"], "error: ValueError: Seed array must be 1-d"),
        (vec!["--seed-array", ""], "error: ValueError: Seed must be non-empty"),
    ] {
        let mut full = vec!["eval"];
        full.extend(args);
        full.push("rand()");
        assert_one_error_line(&nprand(&full), 1, line);
    }
}

#[test]
fn seeds_reach_numpys_range_check() {
    let msg = "error: ValueError: Seed must be between 0 and 2**32 - 1";
    for seed in [
        "-1",
        "4294967296",
        "99999999999999999999999",
        "-99999999999999999999999999999999999999999999",
    ] {
        assert_one_error_line(&nprand(&["eval", "--seed", seed, "rand()"]), 1, msg);
        let eq = format!("--seed={seed}");
        assert_one_error_line(&nprand(&["eval", &eq, "rand()"]), 1, msg);
    }
    assert_one_error_line(&nprand(&["eval", "--seed-array", "1,-1", "rand()"]), 1, msg);
    assert_one_error_line(&nprand(&["eval", "--seed-array", "-1", "rand()"]), 1, msg);
    assert_one_error_line(
        &nprand(&["eval", "--seed-array", "1,4294967296", "rand()"]),
        1,
        msg,
    );
    assert_one_error_line(
        &nprand(&["eval", "--seed-array", "", "rand()"]),
        1,
        "error: ValueError: Seed must be non-empty",
    );
    let o = nprand(&["eval", "--seed", "4294967295", "--format", "json", "rand()"]);
    assert!(o.status.success());
    let o = nprand(&[
        "eval",
        "--seed-array",
        "1,2,3",
        "--format",
        "json",
        "rand()",
    ]);
    let x = json_floats(&json_line(stdout(&o).trim_end()))[0];
    assert_eq!(
        x.to_bits(),
        RandomState::from_key(&[1, 2, 3])
            .unwrap()
            .random_sample()
            .to_bits()
    );
}

#[test]
fn usage_errors_are_one_line_with_status_2() {
    for args in [
        vec!["eval", "rand()"],
        vec!["eval", "--seed", "1"],
        vec!["eval", "--seed", "1", "--seed-array", "1", "rand()"],
        vec!["eval", "--seed", "1 +", "rand()"],
        vec!["eval", "--seed", "1", "--format", "xml", "rand()"],
        vec!["eval", "--seed", "1", "--bogus", "rand()"],
        vec!["eval", "--seed", "1", "--format", "npy", "rand()"],
        vec!["frobnicate"],
        vec![],
    ] {
        let o = nprand(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("error: UsageError: "), "{args:?}: {err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn help_and_version_still_work() {
    let o = nprand(&["eval", "--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("--seed-array"));
    let o = nprand(&["--version"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        format!("nprand {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn npy_files_are_valid() {
    let dir = temp_path("npy");
    let d = dir.to_str().unwrap();
    let o = nprand(&[
        "eval",
        "--seed",
        "5",
        "--format",
        "npy",
        "--out",
        d,
        "rand(2, 3)",
        "seed(5)",
        "randint(0, 100, size=4, dtype='i1')",
        "normal()",
        "bytes(5)",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names = ["000.npy", "002.npy", "003.npy", "004.npy"];
    let expected: Vec<String> = names
        .iter()
        .map(|n| dir.join(n).display().to_string() + "\n")
        .collect();
    assert_eq!(stdout(&o), expected.concat());
    assert!(!dir.join("001.npy").exists());

    let mut rs = RandomState::new(5);
    let a = rs.rand(&[2, 3]).unwrap();
    let mut rs = RandomState::new(5);
    let mut k = [0i8; 4];
    rs.randint_into(&mut k, 0, 100).unwrap();
    let n = rs.normal(0.0, 1.0).unwrap();
    let b = rs.bytes(5).unwrap();
    let want = [
        (Data::F64(a), vec![2, 3], "<f8"),
        (Data::I8(k.to_vec()), vec![4], "|i1"),
        (Data::F64(vec![n]), vec![], "<f8"),
        (Data::U8(b), vec![5], "|u1"),
    ];
    for (name, (data, shape, descr)) in names.iter().zip(want) {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert_eq!(&bytes[..8], b"\x93NUMPY\x01\x00");
        let hlen = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
        assert_eq!((10 + hlen) % 64, 0);
        let header = std::str::from_utf8(&bytes[10..10 + hlen]).unwrap();
        assert!(header.ends_with('\n'));
        let shape_txt = match shape.len() {
            0 => "()".to_string(),
            1 => format!("({},)", shape[0]),
            _ => format!(
                "({})",
                shape
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        assert!(header.starts_with(&format!(
            "{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape_txt}, }}"
        )));
        assert_eq!(read_npy(&bytes).unwrap(), (data, shape));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn out_file_and_state_files() {
    let out = temp_path("out.json");
    let st = temp_path("state.json");
    let o = nprand(&[
        "eval",
        "--seed",
        "9",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
        "--save-state",
        st.to_str().unwrap(),
        "randn(3)",
        "randint(0, 7, size=5, dtype='u2')",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 2);
    let mut rs = RandomState::new(9);
    rs.randn(&[3]).unwrap();
    let mut k = [0u16; 5];
    rs.randint_into(&mut k, 0, 7).unwrap();
    let saved = LegacyState::from_json(&std::fs::read_to_string(&st).unwrap()).unwrap();
    assert_eq!(saved, rs.get_state());

    // --state continues where --save-state stopped.
    let o = nprand(&[
        "eval",
        "--state",
        st.to_str().unwrap(),
        "--format",
        "json",
        "normal()",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let x = json_floats(&json_line(stdout(&o).trim_end()))[0];
    assert_eq!(x.to_bits(), rs.normal(0.0, 1.0).unwrap().to_bits());

    // A failing run does not write the state.
    std::fs::remove_file(&st).unwrap();
    let o = nprand(&[
        "eval",
        "--seed",
        "9",
        "--save-state",
        st.to_str().unwrap(),
        "rand()",
        "randint(0)",
    ]);
    assert_one_error_line(&o, 1, "error: ValueError: high <= 0");
    assert!(!st.exists());
    std::fs::remove_file(&out).unwrap();
}

#[test]
fn bad_state_files_are_one_line() {
    let missing = temp_path("missing.json");
    let o = nprand(&["eval", "--state", missing.to_str().unwrap(), "rand()"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1);
    assert!(
        // open('missing.json'): FileNotFoundError: [Errno 2] No such file or directory
        err.starts_with("error: FileNotFoundError: cannot read state file")
            && err.ends_with(": [Errno 2] No such file or directory\n"),
        "{err}"
    );

    let bad = temp_path("bad.json");
    std::fs::write(&bad, "{not json").unwrap();
    let o = nprand(&["eval", "--state", bad.to_str().unwrap(), "rand()"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1);
    // json.loads('{not json') raises json.JSONDecodeError, a ValueError
    assert!(stderr(&o).starts_with("error: ValueError: state is not valid JSON"));

    std::fs::write(&bad, r#"{"bit_generator": "PCG64", "state": {}}"#).unwrap();
    let o = nprand(&["eval", "--state", bad.to_str().unwrap(), "rand()"]);
    assert_one_error_line(&o, 1, "error: ValueError: state must be for a MT19937 PRNG");
    std::fs::remove_file(&bad).unwrap();
}

#[test]
fn generator_mode_matches_the_library() {
    // np.random.default_rng(42).random(3)
    let o = nprand(&[
        "eval",
        "--generator",
        "default",
        "--seed",
        "42",
        "--format",
        "json",
        "random(3)",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut g = nprand::generator::default_rng(42);
    let want: Vec<String> = (0..3)
        .map(|_| nprand::fmt::json_float(g.random()))
        .collect();
    let line = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        line.trim(),
        format!(
            r#"{{"dtype": "float64", "shape": [3], "data": [{}]}}"#,
            want.join(", ")
        )
    );
    let bad = nprand(&["eval", "--generator", "xorshift", "--seed", "1", "random()"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(stderr(&bad).lines().count(), 1);
}

#[test]
fn python_mode_matches_the_library() {
    // random.seed(42); random.random()
    let o = nprand(&[
        "eval", "--python", "--seed", "42", "--format", "json", "random()",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let want = nprand::fmt::json_float(nprand::python::Random::new(42).random());
    assert_eq!(String::from_utf8(o.stdout).unwrap().trim(), want);
    let bad = nprand(&["eval", "--python", "--seed", "1", "choice([])"]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(
        stderr(&bad).trim(),
        "error: IndexError: Cannot choose from an empty sequence"
    );
}
