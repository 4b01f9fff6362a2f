//! State import/export in NumPy's `get_state()` layout, as JSON files shared with Python.
//!
//! # Quick start
//! ```
//! use nprand::{RandomState, LegacyState};
//! let mut rs = RandomState::new(12345);
//! rs.standard_normal(); // leaves a cached gaussian
//! let json = rs.get_state().to_json();
//! // ... python3 scripts/np_state.py can load this into NumPy, and dump NumPy's back ...
//! let st = LegacyState::from_json(&json).unwrap();
//! let mut again = RandomState::new(0);
//! again.set_state(&st).unwrap();
//! assert_eq!(again.standard_normal().to_bits(), rs.standard_normal().to_bits());
//! ```
//!
//! The JSON is NumPy's `rs.get_state(legacy=False)` dictionary with the key as a list:
//! `{"bit_generator": "MT19937", "state": {"key": [624 ints], "pos": 624},
//! "has_gauss": 0, "gauss": 0.0}`. The legacy tuple form
//! `["MT19937", [624 ints], pos, has_gauss, gauss]` (what `json.dump` makes of
//! `rs.get_state()` with `key.tolist()`) is read too, with NumPy's rules for its length.

#[cfg(feature = "json")]
use crate::error::{Error, ErrorKind, Result};
use crate::mt19937::N;
use crate::prelude::*;
#[cfg(feature = "json")]
use serde_json::{json, Value};

/// The state of a [`RandomState`](crate::RandomState): NumPy's
/// `('MT19937', key, pos, has_gauss, cached_gaussian)`.
///
/// ```
/// let st = nprand::RandomState::new(0).get_state();
/// assert_eq!((st.pos, st.has_gauss, st.gauss), (624, false, 0.0));
/// ```
#[must_use = "a state does nothing unless it is stored or restored"]
#[derive(Debug, Clone, PartialEq)]
pub struct LegacyState {
    /// The 624 MT19937 words.
    pub key: [u32; N],
    /// Index of the next word (624: regenerate first).
    pub pos: usize,
    /// Whether a second gaussian of the polar method is cached.
    pub has_gauss: bool,
    /// The cached gaussian (0.0 when none is cached, as NumPy shows it).
    pub gauss: f64,
}

impl LegacyState {
    /// The JSON text (one line) of NumPy's `get_state(legacy=False)` dictionary.
    ///
    /// ```
    /// let j = nprand::RandomState::new(0).get_state().to_json();
    /// assert!(j.starts_with("{\"bit_generator\": \"MT19937\""));
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        // Written by hand to keep Python's `json.dumps` spacing and key order, so the
        // files Rust and Python write for the same state are byte-identical.
        let key: Vec<String> = self.key.iter().map(|k| k.to_string()).collect();
        format!(
            "{{\"bit_generator\": \"MT19937\", \"state\": {{\"key\": [{}], \"pos\": {}}}, \"has_gauss\": {}, \"gauss\": {}}}",
            key.join(", "),
            self.pos,
            self.has_gauss as u8,
            // json.dumps spells a NaN or infinite cached gaussian NaN / Infinity.
            crate::fmt::json_float(self.gauss)
        )
    }

    /// Parse a state JSON (dict or legacy tuple form) with NumPy's `set_state` checks.
    ///
    /// ```
    /// let st = nprand::RandomState::new(1).get_state();
    /// assert_eq!(nprand::LegacyState::from_json(&st.to_json()).unwrap(), st);
    /// assert!(nprand::LegacyState::from_json("{\"bit_generator\": \"PCG64\", \"state\": {}}").is_err());
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Self> {
        LegacyState::from_value(&parse_py_json(text)?)
    }

    /// As [`from_json`](Self::from_json), from a parsed `serde_json::Value`.
    ///
    /// ```
    /// let v = serde_json::json!(["MT19937", vec![1u32; 624], 624]);
    /// let st = nprand::LegacyState::from_value(&v).unwrap();
    /// assert!(!st.has_gauss);
    /// ```
    #[cfg(feature = "json")]
    pub fn from_value(v: &Value) -> Result<Self> {
        match v {
            Value::Object(map) => {
                let (Some(bg), Some(state)) = (map.get("bit_generator"), map.get("state")) else {
                    return Err(Error::value("state dictionary is not valid."));
                };
                if bg.as_str() != Some("MT19937") {
                    return Err(Error::value("state must be for a MT19937 PRNG"));
                }
                let key = state
                    .get("key")
                    .ok_or_else(|| Error::new(ErrorKind::KeyError, "'key'"))?;
                let pos = state
                    .get("pos")
                    .ok_or_else(|| Error::new(ErrorKind::KeyError, "'pos'"))?;
                let has_gauss = map.get("has_gauss").cloned().unwrap_or(json!(0));
                let gauss = map.get("gauss").cloned().unwrap_or(json!(0.0));
                build(key, pos, &has_gauss, &gauss)
            }
            Value::Array(items) => {
                if items.first().and_then(Value::as_str) != Some("MT19937") {
                    if items.is_empty() {
                        return Err(Error::new(
                            ErrorKind::IndexError,
                            "tuple index out of range",
                        ));
                    }
                    return Err(Error::value(
                        "set_state can only be used with legacy MT19937 state instances.",
                    ));
                }
                match items.len() {
                    3 => build(&items[1], &items[2], &json!(0), &json!(0.0)),
                    n if n >= 5 => build(&items[1], &items[2], &items[3], &items[4]),
                    _ => Err(Error::new(
                        ErrorKind::IndexError,
                        "tuple index out of range",
                    )),
                }
            }
            _ => Err(Error::type_error("state must be a dict or a tuple.")),
        }
    }
}

#[cfg(feature = "json")]
fn build(key: &Value, pos: &Value, has_gauss: &Value, gauss: &Value) -> Result<LegacyState> {
    let items = key
        .as_array()
        .ok_or_else(|| Error::type_error("state key must be a list of 624 integers"))?;
    if items.len() < N {
        return Err(Error::new(
            ErrorKind::IndexError,
            format!("state key has {} elements, 624 are needed", items.len()),
        ));
    }
    let mut words = [0u32; N];
    // NumPy ignores elements past 624.
    for (w, item) in words.iter_mut().zip(items) {
        *w = key_word(item)?;
    }
    let pos = as_int(pos, "pos")?;
    if !(0..=N as i128).contains(&pos) {
        return Err(Error::value(format!(
            "state pos must be between 0 and 624 (got {pos})"
        )));
    }
    // NumPy stores has_gauss in a C int: Cython's conversion goes through C long.
    let has_gauss = match as_int(has_gauss, "has_gauss")? {
        h if i64::try_from(h).is_err() => {
            return Err(Error::new(
                ErrorKind::OverflowError,
                "Python int too large to convert to C long",
            ))
        }
        h if i32::try_from(h).is_err() => {
            return Err(Error::new(
                ErrorKind::OverflowError,
                "value too large to convert to int",
            ))
        }
        h => h != 0,
    };
    let gauss = py_json_f64(gauss).ok_or_else(|| {
        Error::type_error(format!("must be real number, not {}", type_name(gauss)))
    })?;
    Ok(LegacyState {
        key: words,
        pos: pos as usize,
        has_gauss,
        gauss,
    })
}

#[cfg(feature = "json")]
fn key_word(item: &Value) -> Result<u32> {
    let v = as_int(item, "key")?;
    if v < 0 {
        return Err(Error::new(
            ErrorKind::OverflowError,
            "can't convert negative value to uint32_t",
        ));
    }
    u32::try_from(v).map_err(|_| {
        Error::new(
            ErrorKind::OverflowError,
            "value too large to convert to uint32_t",
        )
    })
}

/// What stands for `NaN`, `Infinity` and `-Infinity` after [`parse_py_json`]: strings
/// no state file holds (JSON has no such numbers, `serde_json::Value` no place for them).
#[cfg(feature = "json")]
const SPECIAL_FLOATS: [(&str, f64); 3] = [
    ("-Infinity", f64::NEG_INFINITY),
    ("Infinity", f64::INFINITY),
    ("NaN", f64::NAN),
];
#[cfg(feature = "json")]
const SPECIAL_MARK: char = '\u{0}';

/// Parses JSON as Python's `json.loads` does, which also takes the `NaN`, `Infinity` and
/// `-Infinity` that `json.dumps` writes for non-finite floats (a cached gaussian can be
/// one): outside strings they become marked strings that [`py_json_f64`] reads back.
/// Invalid JSON is a `ValueError` ("state is not valid JSON: ..."), as Python's
/// `json.JSONDecodeError` is one.
///
/// ```ignore
/// let v = parse_py_json(r#"{"gauss": NaN, "s": "NaN"}"#).unwrap();
/// assert!(py_json_f64(&v["gauss"]).unwrap().is_nan());
/// assert_eq!(py_json_f64(&v["s"]), None);
/// ```
#[cfg(feature = "json")]
pub(crate) fn parse_py_json(text: &str) -> Result<Value> {
    let invalid = |e: serde_json::Error| Error::value(format!("state is not valid JSON: {e}"));
    if !text.contains("NaN") && !text.contains("Infinity") {
        return serde_json::from_str(text).map_err(invalid);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let (mut in_string, mut escaped) = (false, false);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if let Some((tok, _)) = SPECIAL_FLOATS.iter().find(|(t, _)| rest.starts_with(t)) {
            // The mark, escaped: JSON strings hold no raw control characters.
            out.push_str("\"\\u0000");
            out.push_str(tok);
            out.push('"');
            rest = &rest[tok.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    serde_json::from_str(&out).map_err(invalid)
}

/// A JSON number as `f64`, or one of the `NaN` / `Infinity` / `-Infinity` tokens
/// [`parse_py_json`] kept.
#[cfg(feature = "json")]
pub(crate) fn py_json_f64(v: &Value) -> Option<f64> {
    match v {
        Value::String(s) => {
            let tok = s.strip_prefix(SPECIAL_MARK)?;
            SPECIAL_FLOATS
                .iter()
                .find(|(t, _)| *t == tok)
                .map(|&(_, x)| x)
        }
        _ => v.as_f64(),
    }
}

/// An integer, or a float truncated toward zero as NumPy's C conversion does.
#[cfg(feature = "json")]
fn as_int(v: &Value, what: &str) -> Result<i128> {
    if let Some(i) = v.as_i64() {
        return Ok(i as i128);
    }
    if let Some(u) = v.as_u64() {
        return Ok(u as i128);
    }
    if let Some(f) = v.as_f64() {
        // Saturating: a float beyond i128 fails every range check all the same.
        return Ok(f.trunc() as i128);
    }
    if let Some(b) = v.as_bool() {
        return Ok(b as i128);
    }
    Err(Error::type_error(format!(
        "state {what} must be an integer, not {}",
        type_name(v)
    )))
}

#[cfg(feature = "json")]
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(_) => "float",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}
