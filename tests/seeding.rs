//! NumPy's seeding forms (`fixtures/seeding/`, from real NumPy 2.4.6), through the library
//! and through the binary:
//!
//! - `cases.json`: a seed written as a Python expression, read by
//!   `nprand::eval::generator::parse_seed` into a [`Seed`], then given to `Gen::try_new` /
//!   `SeedableBitGenerator::try_seeded` / `try_default_rng` / `RandomState::try_new`; the
//!   same text given to `nprand eval --seed`. Values or NumPy's exception must match.
//! - `numpy-testsets/*.csv`: NumPy's own test data (`test_direct.py`'s `test_raw`):
//!   `Gen(seed).random_raw(1000)` for seeds `0xdeadbeaf` and `0`, per bit generator.
#![cfg(feature = "cli")]

mod common;
use common::{load_json, nprand, read_text};

use nprand::eval::generator::parse_seed;
use nprand::seed_sequence::SeedInt;
use nprand::{
    try_default_rng, BitGenerator, Mt19937, Pcg64, Pcg64Dxsm, Philox, RandomState, Result, Seed,
    SeedableBitGenerator, Sfc64,
};

/// `KIND(seed).random_raw(n)` through the library.
fn raw_words(kind: &str, seed: Seed, n: usize) -> Result<Vec<u64>> {
    fn words<B: BitGenerator>(bg: Result<B>, n: usize) -> Result<Vec<u64>> {
        bg?.random_raw(n)
    }
    match kind {
        "mt19937" => words(Mt19937::try_seeded(seed), n),
        "pcg64" => words(Pcg64::try_new(seed), n),
        "pcg64dxsm" => words(Pcg64Dxsm::try_new(seed), n),
        "philox" => words(Philox::try_new(seed), n),
        "sfc64" => words(Sfc64::try_seeded(seed), n),
        "default" => words(try_default_rng(seed).map(|g| g.into_bit_generator()), n),
        other => panic!("unknown kind {other}"),
    }
}

/// The library's answer for one case: the values as NumPy's text, or `Type: message`.
fn library(front: &str, seed_text: &str) -> String {
    let out = (|| -> Result<String> {
        if front == "python" {
            let mut r = nprand::eval::python::make_random(seed_text)?;
            return Ok(nprand::fmt::py_float_repr(r.random()));
        }
        let seed = parse_seed(seed_text)?;
        let words: Vec<u64> = match front.strip_prefix("generator:") {
            Some(kind) => raw_words(kind, seed, 3)?,
            None => {
                // randint(0, 2**32, dtype=np.uint32) is next_uint32 itself.
                let mut rs = RandomState::try_new(seed)?;
                (0..4)
                    .map(|_| rs.bit_generator_mut().next_u32() as u64)
                    .collect()
            }
        };
        Ok(words
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(" "))
    })();
    out.unwrap_or_else(|e| e.to_string())
}

/// The binary's answer for one case, in the same form.
fn binary(front: &str, seed_text: &str) -> String {
    let (mut args, call) = match front.strip_prefix("generator:") {
        Some(kind) => (
            vec!["eval", "--generator", kind],
            "bit_generator.random_raw(3)",
        ),
        None if front == "python" => (vec!["eval", "--python"], "random()"),
        None => (vec!["eval"], "randint(0, 2**32, size=4, dtype=np.uint32)"),
    };
    args.extend(["--seed", seed_text, "--format", "json", call]);
    let o = nprand(&args);
    let stderr = String::from_utf8(o.stderr).unwrap();
    if !o.status.success() {
        assert_eq!(
            o.status.code(),
            Some(1),
            "{front} --seed {seed_text}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "one error line: {stderr}");
        // A line break inside the message is written as \n, keeping one line.
        return stderr
            .trim_end()
            .strip_prefix("error: ")
            .expect("error: prefix")
            .replace("\\n", "\n");
    }
    let out = String::from_utf8(o.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
    match v.get("data") {
        Some(data) => data
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        None => nprand::fmt::py_float_repr(v.as_f64().unwrap()),
    }
}

fn expected(case: &serde_json::Value) -> String {
    match case.get("values") {
        Some(v) => v.as_str().unwrap().to_string(),
        None => format!(
            "{}: {}",
            case["error"]["type"].as_str().unwrap(),
            case["error"]["message"].as_str().unwrap()
        ),
    }
}

#[test]
fn seeding_forms_match_numpy_through_the_library_and_the_binary() {
    let cases = load_json("seeding/cases.json");
    let cases = cases["cases"].as_array().unwrap();
    assert!(cases.len() >= 200, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let front = case["front"].as_str().unwrap();
        let seed = case["seed"].as_str().unwrap();
        let want = expected(case);
        for (how, got) in [
            ("library", library(front, seed)),
            ("binary", binary(front, seed)),
        ] {
            if got != want {
                failures.push(format!(
                    "{how} {front} seed={seed}:\n  got  {got}\n  want {want}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `(kind, seed, words)` of one of NumPy's `*-testset-*.csv` files: a `seed, 0x...` line,
/// then `index, 0x...` lines (`test_direct.py`'s `_read_csv`).
fn read_testset(name: &str) -> (String, SeedInt, Vec<u64>) {
    let text = read_text(&format!("seeding/numpy-testsets/{name}"));
    let mut lines = text.lines();
    let seed = lines.next().unwrap().split(',').nth(1).unwrap().trim();
    let seed = SeedInt::parse_radix(seed, 16).unwrap();
    let words = lines
        .map(|l| {
            let v = l.split(',').next_back().unwrap().trim();
            u64::from_str_radix(v.strip_prefix("0x").unwrap(), 16).unwrap()
        })
        .collect();
    (name.split('-').next().unwrap().to_string(), seed, words)
}

const TESTSETS: [&str; 10] = [
    "mt19937-testset-1.csv",
    "mt19937-testset-2.csv",
    "pcg64-testset-1.csv",
    "pcg64-testset-2.csv",
    "pcg64dxsm-testset-1.csv",
    "pcg64dxsm-testset-2.csv",
    "philox-testset-1.csv",
    "philox-testset-2.csv",
    "sfc64-testset-1.csv",
    "sfc64-testset-2.csv",
];

#[test]
fn numpy_testsets_through_the_library() {
    for name in TESTSETS {
        let (kind, seed, want) = read_testset(name);
        assert_eq!(want.len(), 1000, "{name}");
        let got = raw_words(&kind, seed.clone().into(), 1000).unwrap();
        assert_eq!(got, want, "{name}: random_raw(1000)");
        let first = raw_words(&kind, seed.into(), 1).unwrap();
        assert_eq!(first[0], want[0], "{name}: random_raw()");
    }
}

#[test]
fn numpy_testsets_through_the_binary() {
    for name in TESTSETS {
        let (kind, seed, want) = read_testset(name);
        // The seed as the file writes it (0xdeadbeaf, 0x0).
        let seed = format!("{:#x}", seed.to_u128().unwrap());
        let run = |format: &str, call: &str| {
            nprand(&[
                "eval",
                "--generator",
                &kind,
                "--seed",
                &seed,
                "--format",
                format,
                call,
            ])
        };
        let o = run("json", "bit_generator.random_raw(1000)");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: serde_json::Value =
            serde_json::from_str(String::from_utf8(o.stdout).unwrap().trim_end()).unwrap();
        let got: Vec<u64> = v["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        assert_eq!(got, want, "{name}");
        // bit_generator.random_raw() in text: a Python int, the first word.
        let o = run("text", "bit_generator.random_raw()");
        assert_eq!(
            String::from_utf8(o.stdout).unwrap(),
            format!("{}\n", want[0])
        );
    }
}

/// `bit_generator.*` calls through `nprand eval --format repr`: each result's `repr`
/// (nothing for `None` and for `advance`, whose bit generator NumPy returns), then the
/// exception as one `error:` line.
#[test]
fn bit_generator_calls_through_the_binary() {
    let cases = load_json("seeding/cases.json");
    let runs = cases["bit_generator_runs"].as_array().unwrap();
    assert!(runs.len() >= 20, "{} runs", runs.len());
    for run in runs {
        let kind = run["front"]
            .as_str()
            .unwrap()
            .strip_prefix("generator:")
            .unwrap();
        let seed = run["seed"].as_str().unwrap();
        let calls: Vec<&str> = run["calls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        let mut args = vec![
            "eval",
            "--generator",
            kind,
            "--seed",
            seed,
            "--format",
            "repr",
        ];
        args.extend(&calls);
        let o = nprand(&args);
        let want: String = run["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r.as_str().map(|s| format!("{s}\n")))
            .collect();
        assert_eq!(
            String::from_utf8(o.stdout).unwrap(),
            want,
            "{kind} {calls:?}"
        );
        let stderr = String::from_utf8(o.stderr).unwrap();
        match run.get("error") {
            Some(e) => assert_eq!(
                stderr,
                format!(
                    "error: {}: {}\n",
                    e["type"].as_str().unwrap(),
                    e["message"].as_str().unwrap()
                ),
                "{kind} {calls:?}"
            ),
            None => assert!(o.status.success(), "{kind} {calls:?}: {stderr}"),
        }
    }
}
