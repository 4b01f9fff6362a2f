//! The `.state` dictionaries of NumPy's bit generators, and their JSON form.
//!
//! # Quick start
//! ```
//! use nprand::{BitGenState, Pcg64};
//! // json.dumps(np.random.PCG64(5).state)  (arrays as lists)
//! let json = Pcg64::new(5).state().to_json();
//! let st = BitGenState::from_json(&json).unwrap();
//! let mut bg = Pcg64::new(0);
//! bg.set_state(&st).unwrap();
//! assert_eq!(bg, Pcg64::new(5));
//! ```
//!
//! The JSON text is what Python's `json.dumps(state)` prints once NumPy arrays are
//! turned into lists (`.tolist()`), key order and spacing included, so files written
//! by Rust and by Python for the same state are byte-identical. Integers are exact
//! JSON integers, 128-bit ones included (`PCG64`'s `state` and `inc`):
//!
//! | generator | layout |
//! |---|---|
//! | MT19937 | `{"bit_generator": "MT19937", "state": {"key": [624 ints], "pos": int}}` |
//! | PCG64, PCG64DXSM | `{"bit_generator": "PCG64", "state": {"state": int, "inc": int}, "has_uint32": int, "uinteger": int}` |
//! | Philox | `{"bit_generator": "Philox", "state": {"counter": [4 ints], "key": [2 ints]}, "buffer": [4 ints], "buffer_pos": int, "has_uint32": int, "uinteger": int}` |
//! | SFC64 | `{"bit_generator": "SFC64", "state": {"state": [4 ints]}, "has_uint32": int, "uinteger": int}` |
//!
//! Reading checks what NumPy's setters check (the name, the keys) and also what NumPy
//! leaves unchecked and then reads out of bounds with (`pos`, `buffer_pos`).

use crate::error::Error;
#[cfg(feature = "json")]
use crate::error::{ErrorKind, Result};
use crate::mt19937::N;
use crate::prelude::*;
#[cfg(feature = "json")]
use serde::Deserialize;
#[cfg(feature = "json")]
use serde_json::Value;

/// `MT19937(...).state["state"]`: the 624 key words and the position.
///
/// ```
/// use nprand::{BitGenState, Mt19937, SeedSequence};
/// // np.random.MT19937(5).state['state']['pos'] == 623
/// match Mt19937::from_seed_sequence(SeedSequence::new(5)).bitgen_state() {
///     BitGenState::Mt19937(st) => assert_eq!((st.key[0], st.pos), (0x8000_0000, 623)),
///     _ => unreachable!(),
/// }
/// ```
#[must_use = "a state does nothing unless it is stored or restored"]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mt19937State {
    /// The 624 words.
    pub key: Box<[u32; N]>,
    /// Index of the next word (624: regenerate first).
    pub pos: usize,
}

/// The state of `PCG64` and `PCG64DXSM`: the 128-bit LCG state and increment and the
/// buffered half of a 64-bit output.
///
/// ```
/// use nprand::Pcg64;
/// // np.random.PCG64(5).state['state']['inc'] is odd
/// let st = Pcg64::new(5).raw_state();
/// assert_eq!(st.inc & 1, 1);
/// assert!(!st.has_uint32);
/// ```
#[must_use = "a state does nothing unless it is stored or restored"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pcg64State {
    /// The LCG state (`state["state"]["state"]`).
    pub state: u128,
    /// The LCG increment (`state["state"]["inc"]`), always odd when seeded.
    pub inc: u128,
    /// Whether `uinteger` holds the next `next_u32` output.
    pub has_uint32: bool,
    /// The buffered upper half (kept, as in NumPy, after it is used).
    pub uinteger: u32,
}

/// `Philox(...).state`: counter, key, the block of four outputs and its position,
/// and the buffered 32-bit half.
///
/// ```
/// use nprand::Philox;
/// // np.random.Philox(5).state['buffer_pos'] == 4
/// let st = Philox::new(5).raw_state();
/// assert_eq!((st.counter, st.buffer_pos), ([0; 4], 4));
/// ```
#[must_use = "a state does nothing unless it is stored or restored"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhiloxState {
    /// The 256-bit counter, least significant word first.
    pub counter: [u64; 4],
    /// The 128-bit key, least significant word first.
    pub key: [u64; 2],
    /// The last block of four outputs.
    pub buffer: [u64; 4],
    /// Index of the next output in `buffer` (4: compute a new block first).
    pub buffer_pos: usize,
    /// Whether `uinteger` holds the next `next_u32` output.
    pub has_uint32: bool,
    /// The buffered upper half.
    pub uinteger: u32,
}

/// `SFC64(...).state`: the four 64-bit words (`a`, `b`, `c`, counter) and the
/// buffered 32-bit half.
///
/// ```
/// use nprand::Sfc64;
/// // np.random.SFC64(5).state['state']['state'][3] == 13  (1 + 12 warm-up steps)
/// assert_eq!(Sfc64::new(5).raw_state().state[3], 13);
/// ```
#[must_use = "a state does nothing unless it is stored or restored"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sfc64State {
    /// `s[0..4]`.
    pub state: [u64; 4],
    /// Whether `uinteger` holds the next `next_u32` output.
    pub has_uint32: bool,
    /// The buffered upper half.
    pub uinteger: u32,
}

/// The `.state` of any of NumPy's bit generators.
///
/// ```
/// use nprand::{BitGenState, Sfc64};
/// let st = Sfc64::new(1).state();
/// assert_eq!(st.bit_generator(), "SFC64");
/// assert_eq!(BitGenState::from_json(&st.to_json()).unwrap(), st);
/// ```
#[must_use = "a state does nothing unless it is stored or restored"]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BitGenState {
    /// `MT19937`.
    Mt19937(Mt19937State),
    /// `PCG64`.
    Pcg64(Pcg64State),
    /// `PCG64DXSM`.
    Pcg64Dxsm(Pcg64State),
    /// `Philox`.
    Philox(PhiloxState),
    /// `SFC64`.
    Sfc64(Sfc64State),
}

impl From<Mt19937State> for BitGenState {
    fn from(s: Mt19937State) -> Self {
        BitGenState::Mt19937(s)
    }
}
impl From<PhiloxState> for BitGenState {
    fn from(s: PhiloxState) -> Self {
        BitGenState::Philox(s)
    }
}
impl From<Sfc64State> for BitGenState {
    fn from(s: Sfc64State) -> Self {
        BitGenState::Sfc64(s)
    }
}

fn list<T: ToString>(xs: &[T]) -> String {
    let v: Vec<String> = xs.iter().map(ToString::to_string).collect();
    format!("[{}]", v.join(", "))
}

/// The error NumPy's setter raises for a state of another generator.
pub(crate) fn wrong_generator(target: &str) -> Error {
    match target {
        // NumPy's SFC64 setter forgot the `f` of its f-string.
        "SFC64" => Error::value("state must be for a {self.__class__.__name__} RNG"),
        "PCG64" | "PCG64DXSM" => Error::value(format!("state must be for a {target} RNG")),
        _ => Error::value(format!("state must be for a {target} PRNG")),
    }
}

impl BitGenState {
    /// NumPy's class name (`state["bit_generator"]`).
    ///
    /// ```
    /// use nprand::{BitGenState, Pcg64Dxsm};
    /// assert_eq!(BitGenState::Pcg64Dxsm(Pcg64Dxsm::new(0).raw_state()).bit_generator(), "PCG64DXSM");
    /// ```
    #[must_use]
    pub fn bit_generator(&self) -> &'static str {
        match self {
            BitGenState::Mt19937(_) => "MT19937",
            BitGenState::Pcg64(_) => "PCG64",
            BitGenState::Pcg64Dxsm(_) => "PCG64DXSM",
            BitGenState::Philox(_) => "Philox",
            BitGenState::Sfc64(_) => "SFC64",
        }
    }

    /// The JSON text (one line) of Python's `json.dumps(bg.state)` with arrays as lists.
    ///
    /// ```
    /// use nprand::{BitGenState, Sfc64};
    /// let j = BitGenState::from(Sfc64::new(0).raw_state()).to_json();
    /// assert!(j.starts_with("{\"bit_generator\": \"SFC64\", \"state\": {\"state\": ["));
    /// assert!(j.ends_with("\"has_uint32\": 0, \"uinteger\": 0}"));
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        let name = self.bit_generator();
        match self {
            BitGenState::Mt19937(s) => format!(
                "{{\"bit_generator\": \"{name}\", \"state\": {{\"key\": {}, \"pos\": {}}}}}",
                list(&s.key[..]),
                s.pos
            ),
            BitGenState::Pcg64(s) | BitGenState::Pcg64Dxsm(s) => format!(
                "{{\"bit_generator\": \"{name}\", \"state\": {{\"state\": {}, \"inc\": {}}}, \"has_uint32\": {}, \"uinteger\": {}}}",
                s.state, s.inc, s.has_uint32 as u8, s.uinteger
            ),
            BitGenState::Philox(s) => format!(
                "{{\"bit_generator\": \"{name}\", \"state\": {{\"counter\": {}, \"key\": {}}}, \"buffer\": {}, \"buffer_pos\": {}, \"has_uint32\": {}, \"uinteger\": {}}}",
                list(&s.counter),
                list(&s.key),
                list(&s.buffer),
                s.buffer_pos,
                s.has_uint32 as u8,
                s.uinteger
            ),
            BitGenState::Sfc64(s) => format!(
                "{{\"bit_generator\": \"{name}\", \"state\": {{\"state\": {}}}, \"has_uint32\": {}, \"uinteger\": {}}}",
                list(&s.state),
                s.has_uint32 as u8,
                s.uinteger
            ),
        }
    }

    /// Parse a state JSON written by [`to_json`](Self::to_json) or by Python's
    /// `json.dumps` (any spacing and key order), with the checks of NumPy's setters:
    /// not an object → `TypeError: state must be a dict`, a missing key → `KeyError`.
    ///
    /// ```
    /// use nprand::{BitGenState, Pcg64};
    /// let j = r#"{"bit_generator": "PCG64", "state": {"state": 340282366920938463463374607431768211455,
    ///            "inc": 1}, "has_uint32": 0, "uinteger": 0}"#;
    /// match BitGenState::from_json(j).unwrap() {
    ///     BitGenState::Pcg64(s) => assert_eq!(s.state, u128::MAX),
    ///     _ => unreachable!(),
    /// }
    /// assert_eq!(BitGenState::from_json("[1]").unwrap_err().message(), "state must be a dict");
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Self> {
        let v: Value = serde_json::from_str(text)
            .map_err(|e| Error::value(format!("state is not valid JSON: {e}")))?;
        let obj = v
            .as_object()
            .ok_or_else(|| Error::type_error("state must be a dict"))?;
        let name = obj
            .get("bit_generator")
            .and_then(Value::as_str)
            .unwrap_or("");
        // Parse again into typed structs: serde_json reads integers up to 128 bits
        // exactly only when the target type asks for them.
        let typed = |e: serde_json::Error| Error::value(format!("invalid {name} state: {e}"));
        match name {
            "MT19937" => {
                let raw: MtJson = serde_json::from_str(text).map_err(typed)?;
                let inner = need(raw.state, "state")?;
                let key = need(inner.key, "key")?;
                let pos = need(inner.pos, "pos")?;
                if key.len() < N {
                    return Err(Error::new(ErrorKind::IndexError, "list index out of range"));
                }
                let mut k = Box::new([0u32; N]);
                k.copy_from_slice(&key[..N]);
                if !(0..=N as i64).contains(&pos) {
                    return Err(Error::value(format!(
                        "state pos must be between 0 and 624 (got {pos})"
                    )));
                }
                Ok(BitGenState::Mt19937(Mt19937State {
                    key: k,
                    pos: pos as usize,
                }))
            }
            "PCG64" | "PCG64DXSM" => {
                let raw: PcgJson = serde_json::from_str(text).map_err(typed)?;
                let inner = need(raw.state, "state")?;
                let s = Pcg64State {
                    state: need(inner.state, "state")?,
                    inc: need(inner.inc, "inc")?,
                    has_uint32: need(raw.has_uint32, "has_uint32")?.truthy(),
                    uinteger: need(raw.uinteger, "uinteger")?,
                };
                Ok(if name == "PCG64" {
                    BitGenState::Pcg64(s)
                } else {
                    BitGenState::Pcg64Dxsm(s)
                })
            }
            "Philox" => {
                let raw: PhiloxJson = serde_json::from_str(text).map_err(typed)?;
                let inner = need(raw.state, "state")?;
                let counter = need(inner.counter, "counter")?;
                let key = need(inner.key, "key")?;
                let buffer = need(raw.buffer, "buffer")?;
                if counter.len() < 4 || key.len() < 2 || buffer.len() < 4 {
                    return Err(Error::new(ErrorKind::IndexError, "list index out of range"));
                }
                let has_uint32 = need(raw.has_uint32, "has_uint32")?.truthy();
                let uinteger = need(raw.uinteger, "uinteger")?;
                let buffer_pos = need(raw.buffer_pos, "buffer_pos")?;
                if !(0..=4).contains(&buffer_pos) {
                    return Err(Error::value(format!(
                        "state buffer_pos must be between 0 and 4 (got {buffer_pos})"
                    )));
                }
                Ok(BitGenState::Philox(PhiloxState {
                    counter: [counter[0], counter[1], counter[2], counter[3]],
                    key: [key[0], key[1]],
                    buffer: [buffer[0], buffer[1], buffer[2], buffer[3]],
                    buffer_pos: buffer_pos as usize,
                    has_uint32,
                    uinteger,
                }))
            }
            "SFC64" => {
                let raw: Sfc64Json = serde_json::from_str(text).map_err(typed)?;
                let inner = need(raw.state, "state")?;
                let s = need(inner.state, "state")?;
                if s.len() != 4 {
                    return Err(Error::value(format!(
                        "could not broadcast input array from shape ({},) into shape (4,)",
                        s.len()
                    )));
                }
                Ok(BitGenState::Sfc64(Sfc64State {
                    state: [s[0], s[1], s[2], s[3]],
                    has_uint32: need(raw.has_uint32, "has_uint32")?.truthy(),
                    uinteger: need(raw.uinteger, "uinteger")?,
                }))
            }
            other => Err(Error::value(format!(
                "unknown bit generator {other:?} (expected MT19937, PCG64, PCG64DXSM, Philox or SFC64)"
            ))),
        }
    }
}

#[cfg(feature = "json")]
fn need<T>(v: Option<T>, key: &str) -> Result<T> {
    v.ok_or_else(|| Error::new(ErrorKind::KeyError, format!("'{key}'")))
}

/// `has_uint32` is a C `int` in NumPy: any integer (non-zero is true); JSON booleans
/// are accepted too.
#[cfg(feature = "json")]
#[derive(Deserialize)]
#[serde(untagged)]
enum Flag {
    Int(i64),
    Bool(bool),
}

#[cfg(feature = "json")]
impl Flag {
    fn truthy(&self) -> bool {
        match *self {
            Flag::Int(i) => i != 0,
            Flag::Bool(b) => b,
        }
    }
}

#[cfg(feature = "json")]
#[derive(Deserialize)]
struct MtJson {
    state: Option<MtInner>,
}
#[cfg(feature = "json")]
#[derive(Deserialize)]
struct MtInner {
    key: Option<Vec<u32>>,
    pos: Option<i64>,
}

#[cfg(feature = "json")]
#[derive(Deserialize)]
struct PcgJson {
    state: Option<PcgInner>,
    has_uint32: Option<Flag>,
    uinteger: Option<u32>,
}
#[cfg(feature = "json")]
#[derive(Deserialize)]
struct PcgInner {
    state: Option<u128>,
    inc: Option<u128>,
}

#[cfg(feature = "json")]
#[derive(Deserialize)]
struct PhiloxJson {
    state: Option<PhiloxInner>,
    buffer: Option<Vec<u64>>,
    buffer_pos: Option<i64>,
    has_uint32: Option<Flag>,
    uinteger: Option<u32>,
}
#[cfg(feature = "json")]
#[derive(Deserialize)]
struct PhiloxInner {
    counter: Option<Vec<u64>>,
    key: Option<Vec<u64>>,
}

#[cfg(feature = "json")]
#[derive(Deserialize)]
struct Sfc64Json {
    state: Option<Sfc64Inner>,
    has_uint32: Option<Flag>,
    uinteger: Option<u32>,
}
#[cfg(feature = "json")]
#[derive(Deserialize)]
struct Sfc64Inner {
    state: Option<Vec<u64>>,
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_are_key_errors() {
        let e = BitGenState::from_json(r#"{"bit_generator": "PCG64", "state": {"state": 1}}"#)
            .unwrap_err();
        assert_eq!((e.kind(), e.message()), (ErrorKind::KeyError, "'inc'"));
        let e = BitGenState::from_json(r#"{"state": {}}"#).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ValueError);
    }

    #[test]
    fn big_ints_exact() {
        let j = r#"{"bit_generator": "PCG64DXSM", "state": {"state": 340282366920938463463374607431768211455, "inc": 340282366920938463463374607431768211453}, "has_uint32": 1, "uinteger": 4294967295}"#;
        let st = BitGenState::from_json(j).unwrap();
        assert_eq!(st.to_json(), j);
        // 2**128 does not fit.
        let j = j.replace("211455", "211456");
        assert!(BitGenState::from_json(&j).is_err());
    }
}
