//! What the integration tests share: where the fixtures are, one manifest loader, one `.npy`
//! reader, one bitwise comparer for the call -> result encoding of `fixtures/README.md`, one
//! relative comparer, and the `multivariate_normal` rule (relative 1e-10, plus an allowance
//! for the square roots of rounding-noise eigenvalues of a (near-)singular covariance).
//!
//! Each test binary uses a different subset, hence the `dead_code` allowance.
#![allow(dead_code)]

use nprand::cli::value::{Data, Kind, Value};
use serde_json::Value as J;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

pub mod mvn;

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

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
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
// The call -> result encoding, compared bit for bit
// =============================================================================================

/// The manifest's name for a result's Python type.
pub fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::PyScalar => "py",
        Kind::NpScalar => "np",
        Kind::Array => "array",
        Kind::Bytes => "bytes",
    }
}

/// Element `i` of `data` against one token: floats by bits (a `0x` token is a NaN's bits in
/// the dtype's width, any other token a float64 `repr`, float32 widened exactly), integers in
/// decimal, bools `0`/`1`.
fn token_matches(data: &Data, float32: bool, i: usize, tok: &str) -> bool {
    let int = |v: i128| tok.parse::<i128>().ok() == Some(v);
    let hex = tok
        .strip_prefix("0x")
        .map(|h| u64::from_str_radix(h, 16).expect("hex token"));
    match data {
        Data::F64(x) if float32 => match hex {
            Some(b) => (x[i] as f32).to_bits() as u64 == b && x[i].is_nan(),
            None => tok.parse::<f64>().map(f64::to_bits) == Ok(x[i].to_bits()),
        },
        Data::F64(x) => match hex {
            Some(b) => x[i].to_bits() == b,
            None => tok.parse::<f64>().map(f64::to_bits) == Ok(x[i].to_bits()),
        },
        Data::F32(x) => match hex {
            Some(b) => x[i].to_bits() as u64 == b,
            None => tok.parse::<f64>().map(f64::to_bits) == Ok(f64::from(x[i]).to_bits()),
        },
        Data::Bool(x) => tok == if x[i] { "1" } else { "0" },
        Data::I8(x) => int(x[i].into()),
        Data::U8(x) => int(x[i].into()),
        Data::I16(x) => int(x[i].into()),
        Data::U16(x) => int(x[i].into()),
        Data::I32(x) => int(x[i].into()),
        Data::U32(x) => int(x[i].into()),
        Data::I64(x) => int(x[i].into()),
        Data::U64(x) => int(x[i].into()),
        Data::Bytes(_) => false,
    }
}

/// The C-order little-endian bytes of `data` in NumPy's dtype (`float32` narrows).
fn le_bytes(data: &Data, float32: bool) -> Vec<u8> {
    match data {
        Data::F64(x) if float32 => x.iter().flat_map(|&v| (v as f32).to_le_bytes()).collect(),
        d => d.le_bytes(),
    }
}

/// The tokens of `want["data"]` (none for an empty string).
pub fn data_tokens(want: &J) -> Vec<&str> {
    match want["data"].as_str().expect("data") {
        "" => vec![],
        s => s.split(' ').collect(),
    }
}

/// Kind, dtype and shape of `got` against a result object.
pub fn check_type(got: &Value, float32: bool, want: &J) -> Result<(), String> {
    let dtype = if float32 { "float32" } else { got.dtype_name() };
    let kind = kind_name(got.kind);
    let (wkind, wdtype) = (
        want["kind"].as_str().unwrap(),
        want["dtype"].as_str().unwrap(),
    );
    if (kind, dtype) != (wkind, wdtype) {
        return Err(format!("type {kind}/{dtype}, NumPy {wkind}/{wdtype}"));
    }
    let shape: Vec<usize> = want["shape"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_u64().unwrap() as usize)
        .collect();
    if got.shape != shape && wkind != "bytes" {
        return Err(format!("shape {:?}, NumPy {shape:?}", got.shape));
    }
    Ok(())
}

/// `got` against a result object, exactly: kind, dtype, shape and every value's bits (or the
/// SHA-256 of the bytes above the manifest's inline limit). `float32`: the evaluator holds
/// NumPy's float32 result widened in `Data::F64`.
pub fn check_result(got: &Value, float32: bool, want: &J) -> Result<(), String> {
    check_type(got, float32, want)?;
    if let Some(h) = want.get("sha256") {
        if sha256_hex(&le_bytes(&got.data, float32)) == h.as_str().unwrap() {
            return Ok(());
        }
        let head = want["head"].as_str().unwrap();
        let first: Vec<bool> = head
            .split(' ')
            .enumerate()
            .map(|(i, t)| token_matches(&got.data, float32, i, t))
            .collect();
        return Err(format!(
            "sha256 differs (head {head}; first tokens match: {first:?})"
        ));
    }
    if let Data::Bytes(b) = &got.data {
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        let data = want["data"].as_str().unwrap();
        return if hex == data {
            Ok(())
        } else {
            Err(format!("bytes {hex}, NumPy {data}"))
        };
    }
    let toks = data_tokens(want);
    if toks.len() != got.data.len() {
        return Err(format!("{} values, NumPy {}", got.data.len(), toks.len()));
    }
    for (i, t) in toks.iter().enumerate() {
        if !token_matches(&got.data, float32, i, t) {
            return Err(format!(
                "element {i}: {:?} vs NumPy {t}",
                got.data.gather(&[i])
            ));
        }
    }
    Ok(())
}

/// A result object's float64 values (decoded from its tokens).
pub fn result_f64s(want: &J) -> Vec<f64> {
    data_tokens(want)
        .iter()
        .map(|t| match t.strip_prefix("0x") {
            Some(h) => f64::from_bits(u64::from_str_radix(h, 16).unwrap()),
            None => t.parse().unwrap(),
        })
        .collect()
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
        if !((x - y).abs() <= a) {
            return Err(format!(
                "element {i}: got {x:e}, NumPy {y:e} (|diff| {:e} > allowed {a:e})",
                (x - y).abs()
            ));
        }
    }
    Ok(())
}
