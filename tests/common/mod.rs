//! What the integration tests share: where the fixtures are, one manifest loader, one `.npy`
//! reader, one bitwise comparer for the call -> result encoding of `fixtures/README.md`, one
//! relative comparer, and the `multivariate_normal` rule (relative 1e-10, plus an allowance
//! for the square roots of rounding-noise eigenvalues of a (near-)singular covariance).
//!
//! Each test binary uses a different subset, hence the `dead_code` allowance. The comparers
//! of evaluator values (`result.rs`) need the `eval` feature; the rest only `serde_json`.
#![allow(dead_code)]

use serde_json::Value as J;
use std::path::PathBuf;

pub mod mvn;

/// `nprand ARGS` (the binary of this build), its output collected.
#[cfg(feature = "cli")]
pub fn nprand(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_nprand"))
        .args(args)
        .output()
        .expect("run nprand")
}
#[cfg(feature = "eval")]
mod result;
#[cfg(feature = "eval")]
#[allow(unused_imports)] // each test binary uses a different subset
pub use result::*;

// =============================================================================================
// Where the fixtures are, and loading them
// =============================================================================================

/// `fixtures/`, or `$NPRAND_FIXTURES_DIR` (a set regenerated elsewhere, e.g. under another
/// OpenBLAS kernel: `scripts/gen_fixtures.py --out DIR --family mvn`).
pub fn fixtures_dir() -> PathBuf {
    match std::env::var_os("NPRAND_FIXTURES_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
    }
}

/// A fixture file's path, relative to the fixtures directory (e.g. `legacy/manifest.json`).
pub fn fixture_path(rel: &str) -> PathBuf {
    fixtures_dir().join(rel)
}

/// A fixture file's text (panics with the way to regenerate it).
pub fn read_text(rel: &str) -> String {
    let p = fixture_path(rel);
    std::fs::read_to_string(&p)
        .unwrap_or_else(|e| panic!("{}: {e} (run python3 scripts/gen_fixtures.py)", p.display()))
}

/// A JSON fixture (a manifest), parsed.
pub fn load_json(rel: &str) -> J {
    serde_json::from_str(&read_text(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A JSON integer of any width (integers beyond 64 bits are written as digit strings).
pub fn json_int(v: &J) -> i128 {
    v.as_i64()
        .map(i128::from)
        .or_else(|| v.as_u64().map(i128::from))
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        .unwrap_or_else(|| panic!("not an integer: {v}"))
}

/// A JSON list of integers.
pub fn json_ints(v: &J) -> Vec<i128> {
    v.as_array().expect("list").iter().map(json_int).collect()
}

/// Space-separated float tokens (Python `repr`s), e.g. Generator mvn's typed `mean`/`cov`.
pub fn float_tokens(s: &str) -> Vec<f64> {
    s.split_whitespace()
        .map(|t| t.parse().unwrap_or_else(|_| panic!("float token {t}")))
        .collect()
}

// =============================================================================================
// The one .npy reader
// =============================================================================================

/// A version 1.0 `.npy` file as `np.save` writes it (little-endian, C order).
#[derive(Debug)]
pub struct Npy {
    /// The dtype descriptor, e.g. `<u4`, `<f8`.
    pub descr: String,
    /// The shape.
    pub shape: Vec<usize>,
    /// The raw element bytes.
    pub data: Vec<u8>,
}

impl Npy {
    /// Read `rel` (relative to the fixtures directory).
    pub fn read(rel: &str) -> Npy {
        let p = fixture_path(rel);
        let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        Npy::parse(&bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    /// Parse the bytes of a `.npy` file.
    pub fn parse(bytes: &[u8]) -> Result<Npy, String> {
        if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
            return Err("not a .npy file".into());
        }
        let (hlen, start) = match bytes[6] {
            1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
            2 | 3 => (
                u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize,
                12,
            ),
            v => return Err(format!("npy version {v}")),
        };
        let header = std::str::from_utf8(&bytes[start..start + hlen]).map_err(|e| e.to_string())?;
        let field = |key: &str| -> Result<&str, String> {
            let at = header
                .find(&format!("'{key}':"))
                .ok_or(format!("no {key} in {header}"))?;
            Ok(header[at + key.len() + 3..].trim_start())
        };
        let descr = field("descr")?;
        let descr = descr[1..descr[1..].find('\'').ok_or("descr")? + 1].to_string();
        if !field("fortran_order")?.starts_with("False") {
            return Err("Fortran order".into());
        }
        let shape = field("shape")?;
        let shape: Vec<usize> = shape[1..shape.find(')').ok_or("shape")?]
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().map_err(|_| format!("shape {s}")))
            .collect::<Result<_, _>>()?;
        Ok(Npy {
            descr,
            shape,
            data: bytes[start + hlen..].to_vec(),
        })
    }

    fn words<const N: usize>(&self, descr: &str) -> impl Iterator<Item = [u8; N]> + '_ {
        assert_eq!(self.descr, descr, "dtype of the .npy file");
        assert_eq!(self.data.len() % N, 0);
        self.data.chunks_exact(N).map(|c| c.try_into().unwrap())
    }

    /// The elements of a `<u4` file.
    pub fn u32s(&self) -> Vec<u32> {
        self.words::<4>("<u4").map(u32::from_le_bytes).collect()
    }

    /// The elements of a `<u8` file.
    pub fn u64s(&self) -> Vec<u64> {
        self.words::<8>("<u8").map(u64::from_le_bytes).collect()
    }

    /// The elements of a `<f8` file.
    pub fn f64s(&self) -> Vec<f64> {
        self.words::<8>("<f8").map(f64::from_le_bytes).collect()
    }
}

// =============================================================================================
// Relative comparison (multivariate_normal's rule is in `mvn`)
// =============================================================================================

/// `|got_i - want_i| <= allow(i, want_i)` element by element; identical bits, and NaN
/// against NaN, always pass.
pub fn close_by(
    got: &[f64],
    want: &[f64],
    allow: impl Fn(usize, f64) -> f64,
) -> Result<(), String> {
    if got.len() != want.len() {
        return Err(format!("{} values, NumPy {}", got.len(), want.len()));
    }
    for (i, (&x, &y)) in got.iter().zip(want).enumerate() {
        if x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()) {
            continue;
        }
        let a = allow(i, y);
        let within = (x - y).abs() <= a; // false for NaN too
        if !within {
            return Err(format!(
                "element {i}: got {x:e}, NumPy {y:e} (|diff| {:e} > allowed {a:e})",
                (x - y).abs()
            ));
        }
    }
    Ok(())
}
