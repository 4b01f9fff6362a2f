//! `random.getstate()` / `random.setstate()` and their JSON form.

#[cfg(feature = "json")]
use crate::error::ErrorKind;
use crate::error::{Error, Result};
use crate::mt19937::N;
#[cfg(feature = "json")]
use serde_json::Value;

/// CPython's `random.getstate()`: `(version, (624 words..., index), gauss_next)`.
///
/// The JSON form shared with `scripts/py_state.py` is one line:
/// `{"version": 3, "internalstate": [624 words..., index], "gauss_next": null}`.
/// [`PyState::from_json`] also reads `json.dumps(random.getstate())` as is
/// (`[3, [625 ints], null]`).
///
/// ```
/// use nprand::python::{PyState, Random};
/// // json.dumps(random.getstate()) after random.seed(5); random.gauss()
/// let mut r = Random::new(5);
/// r.gauss(0.0, 1.0);
/// let text = r.getstate().to_json();
/// let back = PyState::from_json(&text).unwrap();
/// assert_eq!(back, r.getstate());
/// assert!(back.gauss_next.is_some());
/// ```
#[must_use = "a state does nothing unless it is stored or restored"]
#[derive(Debug, Clone, PartialEq)]
pub struct PyState {
    /// The state version: 3 (`Random.VERSION`); 2 is accepted by `setstate`.
    pub version: i64,
    /// The 624 MT19937 words.
    pub key: Vec<u32>,
    /// Index of the next word, 0..=624 (624: regenerate first).
    pub pos: usize,
    /// The cached second value of `gauss`, if any.
    pub gauss_next: Option<f64>,
}

fn version_error(v: &str) -> Error {
    Error::value(format!(
        "state with version {v} passed to Random.setstate() of version 3"
    ))
}

impl PyState {
    /// CPython's `setstate` checks: the version must be 3 or 2, the vector must hold
    /// 624 words plus the index, and the index must be in 0..=624.
    ///
    /// ```
    /// use nprand::python::Random;
    /// let mut st = Random::new(0).getstate();
    /// st.pos = 625;
    /// // random.setstate((3, tuple([0]*624 + [625]), None)) -> ValueError: invalid state
    /// assert_eq!(st.validate().unwrap_err().to_string(), "ValueError: invalid state");
    /// ```
    pub fn validate(&self) -> Result<([u32; N], usize)> {
        if self.version != 3 && self.version != 2 {
            return Err(version_error(&self.version.to_string()));
        }
        let key: [u32; N] = self
            .key
            .as_slice()
            .try_into()
            .map_err(|_| Error::value("state vector is the wrong size"))?;
        if self.pos > N {
            return Err(Error::value("invalid state"));
        }
        Ok((key, self.pos))
    }

    /// One line of JSON: `{"version": 3, "internalstate": [...], "gauss_next": null}`,
    /// spaced as Python's `json.dumps` spaces it.
    ///
    /// ```
    /// let j = nprand::python::Random::new(0).getstate().to_json();
    /// assert!(j.starts_with("{\"version\": 3, \"internalstate\": [2147483648, "));
    /// assert!(j.ends_with(", 624], \"gauss_next\": null}"));
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut words: Vec<String> = self.key.iter().map(|k| k.to_string()).collect();
        words.push(self.pos.to_string());
        let gauss = match self.gauss_next {
            None => "null".to_string(),
            Some(g) => crate::fmt::json_float(g),
        };
        format!(
            "{{\"version\": {}, \"internalstate\": [{}], \"gauss_next\": {}}}",
            self.version,
            words.join(", "),
            gauss
        )
    }

    /// Parse the JSON of a state (the dict form or `json.dumps(getstate())`), applying
    /// what CPython's `setstate` does to each element: version 2 words are taken
    /// mod 2**32, version 3 words must be non-negative and are truncated to 32 bits.
    ///
    /// ```
    /// use nprand::python::PyState;
    /// let bad = "[4, [], null]";
    /// // random.setstate((4, (), None))
    /// assert_eq!(
    ///     PyState::from_json(bad).unwrap_err().message(),
    ///     "state with version 4 passed to Random.setstate() of version 3"
    /// );
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<PyState> {
        let v = crate::state::parse_py_json(text)?;
        let (version, internal, gauss) = match &v {
            Value::Object(m) => (
                m.get("version").cloned().unwrap_or(Value::Null),
                m.get("internalstate").cloned().unwrap_or(Value::Null),
                m.get("gauss_next").cloned().unwrap_or(Value::Null),
            ),
            Value::Array(a) if a.len() == 3 => (a[0].clone(), a[1].clone(), a[2].clone()),
            _ => {
                return Err(Error::new(
                    ErrorKind::ValueError,
                    "a Python random state is {\"version\", \"internalstate\", \"gauss_next\"} or [version, [625 ints], gauss_next]",
                ))
            }
        };
        let version = match version.as_i64() {
            Some(x) if x == 2 || x == 3 => x,
            _ => return Err(version_error(&py_json_repr(&version))),
        };
        let gauss_next = match gauss {
            Value::Null => None,
            Value::Number(n) => n.as_f64(),
            // json.dumps's NaN / Infinity / -Infinity
            ref other if crate::state::py_json_f64(other).is_some() => {
                crate::state::py_json_f64(other)
            }
            other => {
                return Err(Error::type_error(format!(
                    "gauss_next must be a float or null, not {}",
                    py_json_repr(&other)
                )))
            }
        };
        let items = match internal {
            Value::Array(a) => a,
            _ => return Err(Error::type_error("state vector must be a tuple")),
        };
        if items.len() != N + 1 {
            return Err(Error::value("state vector is the wrong size"));
        }
        let mut key = Vec::with_capacity(N);
        for item in &items[..N] {
            key.push(word(item, version)?);
        }
        let pos = match items[N].as_i64() {
            Some(p) if (0..=N as i64).contains(&p) => p as usize,
            Some(_) => return Err(Error::value("invalid state")),
            None if items[N].is_u64() => return Err(Error::value("invalid state")),
            None => {
                return Err(Error::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    json_type_name(&items[N])
                )))
            }
        };
        Ok(PyState {
            version,
            key,
            pos,
            gauss_next,
        })
    }
}

#[cfg(feature = "json")]
fn word(item: &Value, version: i64) -> Result<u32> {
    if let Some(u) = item.as_u64() {
        return Ok(u as u32);
    }
    if let Some(i) = item.as_i64() {
        // Negative here.
        if version == 2 {
            return Ok(i.rem_euclid(1i64 << 32) as u32);
        }
        return Err(Error::new(
            ErrorKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    Err(Error::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        json_type_name(item)
    )))
}

#[cfg(feature = "json")]
fn json_type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

#[cfg(feature = "json")]
fn py_json_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
