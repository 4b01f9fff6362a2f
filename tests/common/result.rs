//! The call -> result encoding of `fixtures/README.md`, compared bit for bit with the
//! evaluator's values (needs the `eval` feature).

use nprand::eval::value::{Data, Kind, Value};
use serde_json::Value as J;
use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

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
