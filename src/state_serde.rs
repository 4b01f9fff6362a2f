//! `serde` for the state types (feature `serde`): the serialized form is NumPy's (or
//! CPython's) state dictionary, so `serde_json::to_string(&bg.state())` is
//! `json.dumps(bg.state)` with the arrays as lists, up to whitespace.
//!
//! | type | serialized as (NumPy / CPython) |
//! |---|---|
//! | [`BitGenState`] | `bit_generator.state`: `{"bit_generator": "PCG64", "state": {...}, ...}` |
//! | [`Mt19937State`], [`Pcg64State`], [`PhiloxState`], [`Sfc64State`] | the same dict without `"bit_generator"` (`Pcg64State` serves PCG64 and PCG64DXSM) |
//! | [`LegacyState`] | `RandomState.get_state(legacy=False)`: `{"bit_generator": "MT19937", "state": {"key": [...], "pos": 624}, "has_gauss": 0, "gauss": 0.0}` |
//! | [`PyState`](crate::python::PyState) | `{"version": 3, "internalstate": [625 ints], "gauss_next": null}` (what `nprand eval --python` writes); `json.dumps(random.getstate())`'s `[3, [625 ints], null]` is read too |
//!
//! Differences from `json.dumps`: `has_gauss`/`has_uint32` are written as the ints 0/1
//! NumPy shows (and read as ints or booleans); a non-finite cached gaussian, which
//! `json.dumps` spells `NaN`, is whatever the serializer does with a non-finite `f64`
//! (`serde_json` writes `null`, which does not read back: use
//! [`LegacyState::to_json`] for such states). [`BitGenState`] is read without buffering
//! so that the 128-bit PCG64 words stay exact, which needs `"bit_generator"` before the
//! other keys, as NumPy's dict and every serializer here write it.
//!
//! The forms are dicts whose flags read as ints or booleans, so they need a
//! self-describing format (JSON, YAML, TOML, CBOR, MessagePack, ...); `bincode`-like
//! formats are not supported.
//!
//! Reading checks the shape and the ranges NumPy's setters check (624 key words, `pos`
//! in 0..=624, `buffer_pos` in 0..=4, 4-word arrays); the error messages are serde's.
//! The CLI keeps its own reader (`from_json`), which raises NumPy's exceptions.
//!
//! ```
//! use nprand::{BitGenState, Pcg64};
//! // json.dumps(np.random.PCG64(5).state) (up to whitespace)
//! let st = Pcg64::new(5).state();
//! let text = serde_json::to_string(&st).unwrap();
//! assert_eq!(text, st.to_json().replace(", ", ",").replace(": ", ":"));
//! assert_eq!(serde_json::from_str::<BitGenState>(&text).unwrap(), st);
//! ```

use crate::bitgen::state::{Mt19937State, Pcg64State, PhiloxState, Sfc64State};
use crate::bitgen::BitGenState;
use crate::error::Error;
use crate::mt19937::N;
use crate::state::LegacyState;
use serde::de::{self, value::MapAccessDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// `has_gauss` / `has_uint32`: a C `int` in NumPy (non-zero is true); booleans read too.
#[derive(Deserialize)]
#[serde(untagged)]
enum Flag {
    Int(i64),
    Bool(bool),
}

impl Flag {
    fn truthy(&self) -> bool {
        match *self {
            Flag::Int(i) => i != 0,
            Flag::Bool(b) => b,
        }
    }
}

/// The 624 words NumPy keeps (it ignores any past 624) and a `pos` in 0..=624.
fn mt_words(key: &[u32], pos: i64) -> Result<([u32; N], usize), Error> {
    if key.len() < N {
        return Err(Error::value(format!(
            "state key has {} elements, 624 are needed",
            key.len()
        )));
    }
    if !(0..=N as i64).contains(&pos) {
        return Err(Error::value(format!(
            "state pos must be between 0 and 624 (got {pos})"
        )));
    }
    let mut words = [0u32; N];
    words.copy_from_slice(&key[..N]);
    Ok((words, pos as usize))
}

// ---- MT19937 ----

#[derive(Serialize)]
struct MtOut<'a> {
    key: &'a [u32],
    pos: usize,
}

#[derive(Deserialize)]
struct MtIn {
    key: Vec<u32>,
    pos: i64,
}

#[derive(Serialize)]
struct MtDictOut<'a> {
    state: MtOut<'a>,
}

#[derive(Deserialize)]
struct MtDictIn {
    state: MtIn,
}

impl Serialize for Mt19937State {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        MtDictOut {
            state: MtOut {
                key: &self.key[..],
                pos: self.pos,
            },
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Mt19937State {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = MtDictIn::deserialize(d)?;
        let (key, pos) = mt_words(&raw.state.key, raw.state.pos).map_err(de::Error::custom)?;
        Ok(Mt19937State {
            key: Box::new(key),
            pos,
        })
    }
}

// ---- PCG64 / PCG64DXSM ----

#[derive(Serialize, Deserialize)]
struct PcgInner {
    state: u128,
    inc: u128,
}

#[derive(Serialize)]
struct PcgOut {
    state: PcgInner,
    has_uint32: u8,
    uinteger: u32,
}

#[derive(Deserialize)]
struct PcgIn {
    state: PcgInner,
    has_uint32: Flag,
    uinteger: u32,
}

impl Serialize for Pcg64State {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        PcgOut {
            state: PcgInner {
                state: self.state,
                inc: self.inc,
            },
            has_uint32: self.has_uint32 as u8,
            uinteger: self.uinteger,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Pcg64State {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = PcgIn::deserialize(d)?;
        Ok(Pcg64State {
            state: raw.state.state,
            inc: raw.state.inc,
            has_uint32: raw.has_uint32.truthy(),
            uinteger: raw.uinteger,
        })
    }
}

// ---- Philox ----

#[derive(Serialize, Deserialize)]
struct PhiloxInner {
    counter: [u64; 4],
    key: [u64; 2],
}

#[derive(Serialize)]
struct PhiloxOut {
    state: PhiloxInner,
    buffer: [u64; 4],
    buffer_pos: usize,
    has_uint32: u8,
    uinteger: u32,
}

#[derive(Deserialize)]
struct PhiloxIn {
    state: PhiloxInner,
    buffer: [u64; 4],
    buffer_pos: i64,
    has_uint32: Flag,
    uinteger: u32,
}

impl Serialize for PhiloxState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        PhiloxOut {
            state: PhiloxInner {
                counter: self.counter,
                key: self.key,
            },
            buffer: self.buffer,
            buffer_pos: self.buffer_pos,
            has_uint32: self.has_uint32 as u8,
            uinteger: self.uinteger,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for PhiloxState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = PhiloxIn::deserialize(d)?;
        if !(0..=4).contains(&raw.buffer_pos) {
            return Err(de::Error::custom(format!(
                "state buffer_pos must be between 0 and 4 (got {})",
                raw.buffer_pos
            )));
        }
        Ok(PhiloxState {
            counter: raw.state.counter,
            key: raw.state.key,
            buffer: raw.buffer,
            buffer_pos: raw.buffer_pos as usize,
            has_uint32: raw.has_uint32.truthy(),
            uinteger: raw.uinteger,
        })
    }
}

// ---- SFC64 ----

#[derive(Serialize, Deserialize)]
struct Sfc64Inner {
    state: [u64; 4],
}

#[derive(Serialize)]
struct Sfc64Out {
    state: Sfc64Inner,
    has_uint32: u8,
    uinteger: u32,
}

#[derive(Deserialize)]
struct Sfc64In {
    state: Sfc64Inner,
    has_uint32: Flag,
    uinteger: u32,
}

impl Serialize for Sfc64State {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Sfc64Out {
            state: Sfc64Inner { state: self.state },
            has_uint32: self.has_uint32 as u8,
            uinteger: self.uinteger,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Sfc64State {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Sfc64In::deserialize(d)?;
        Ok(Sfc64State {
            state: raw.state.state,
            has_uint32: raw.has_uint32.truthy(),
            uinteger: raw.uinteger,
        })
    }
}

// ---- BitGenState: the raw state's dict behind a leading "bit_generator" ----

#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    bit_generator: &'static str,
    #[serde(flatten)]
    raw: &'a T,
}

impl Serialize for BitGenState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let bit_generator = self.bit_generator();
        match self {
            BitGenState::Mt19937(r) => Tagged {
                bit_generator,
                raw: r,
            }
            .serialize(s),
            BitGenState::Pcg64(r) | BitGenState::Pcg64Dxsm(r) => Tagged {
                bit_generator,
                raw: r,
            }
            .serialize(s),
            BitGenState::Philox(r) => Tagged {
                bit_generator,
                raw: r,
            }
            .serialize(s),
            BitGenState::Sfc64(r) => Tagged {
                bit_generator,
                raw: r,
            }
            .serialize(s),
        }
    }
}

/// Reads `"bit_generator"` first, then hands the rest of the map to the raw state's
/// reader (no buffering, so `u128` words stay exact).
struct BitGenVisitor;

impl<'de> Visitor<'de> for BitGenVisitor {
    type Value = BitGenState;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a bit generator's state dict starting with \"bit_generator\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BitGenState, A::Error> {
        match map.next_key::<String>()?.as_deref() {
            Some("bit_generator") => {}
            _ => return Err(de::Error::missing_field("bit_generator")),
        }
        let name: String = map.next_value()?;
        let rest = MapAccessDeserializer::new(map);
        Ok(match name.as_str() {
            "MT19937" => BitGenState::Mt19937(Mt19937State::deserialize(rest)?),
            "PCG64" => BitGenState::Pcg64(Pcg64State::deserialize(rest)?),
            "PCG64DXSM" => BitGenState::Pcg64Dxsm(Pcg64State::deserialize(rest)?),
            "Philox" => BitGenState::Philox(PhiloxState::deserialize(rest)?),
            "SFC64" => BitGenState::Sfc64(Sfc64State::deserialize(rest)?),
            other => {
                return Err(de::Error::unknown_variant(
                    other,
                    &["MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64"],
                ))
            }
        })
    }
}

impl<'de> Deserialize<'de> for BitGenState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(BitGenVisitor)
    }
}

// ---- LegacyState ----

#[derive(Serialize)]
struct LegacyOut<'a> {
    bit_generator: &'static str,
    state: MtOut<'a>,
    has_gauss: u8,
    gauss: f64,
}

#[derive(Deserialize)]
struct LegacyIn {
    bit_generator: String,
    state: MtIn,
    has_gauss: Flag,
    gauss: f64,
}

impl Serialize for LegacyState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        LegacyOut {
            bit_generator: "MT19937",
            state: MtOut {
                key: &self.key,
                pos: self.pos,
            },
            has_gauss: self.has_gauss as u8,
            gauss: self.gauss,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for LegacyState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = LegacyIn::deserialize(d)?;
        if raw.bit_generator != "MT19937" {
            return Err(de::Error::custom("state must be for a MT19937 PRNG"));
        }
        let (key, pos) = mt_words(&raw.state.key, raw.state.pos).map_err(de::Error::custom)?;
        Ok(LegacyState {
            key,
            pos,
            has_gauss: raw.has_gauss.truthy(),
            gauss: raw.gauss,
        })
    }
}

// ---- CPython's random state ----

#[cfg(feature = "python")]
mod python {
    use crate::python::PyState;
    use serde::de;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize)]
    struct PyOut<'a> {
        version: i64,
        internalstate: Internal<'a>,
        gauss_next: Option<f64>,
    }

    /// The 624 words and the index, one list (CPython's `internalstate` tuple).
    struct Internal<'a>(&'a [u32], usize);

    impl Serialize for Internal<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            let mut seq = s.serialize_seq(Some(self.0.len() + 1))?;
            for w in self.0 {
                seq.serialize_element(&(*w as u64))?;
            }
            seq.serialize_element(&(self.1 as u64))?;
            seq.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum PyIn {
        Dict {
            version: i64,
            internalstate: Vec<u64>,
            gauss_next: Option<f64>,
        },
        Tuple(i64, Vec<u64>, Option<f64>),
    }

    impl Serialize for PyState {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            PyOut {
                version: self.version,
                internalstate: Internal(&self.key, self.pos),
                gauss_next: self.gauss_next,
            }
            .serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for PyState {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let (version, mut words, gauss_next) = match PyIn::deserialize(d)? {
                PyIn::Dict {
                    version,
                    internalstate,
                    gauss_next,
                } => (version, internalstate, gauss_next),
                PyIn::Tuple(v, w, g) => (v, w, g),
            };
            let pos = words.pop().unwrap_or(u64::MAX);
            let st = PyState {
                version,
                // CPython keeps the low 32 bits of each word.
                key: words.iter().map(|&w| w as u32).collect(),
                pos: usize::try_from(pos).unwrap_or(usize::MAX),
                gauss_next,
            };
            // setstate's checks: version 2 or 3, 624 words, index in 0..=624.
            st.validate().map_err(de::Error::custom)?;
            Ok(st)
        }
    }
}
