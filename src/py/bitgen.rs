//! `numpy.random.Generator` and its bit generators ⇄ [`AnyGenerator`], through
//! `bit_generator.state`: all five of NumPy's (MT19937, PCG64, PCG64DXSM, Philox, SFC64),
//! with the buffered half-word (`has_uint32`, `uinteger`) and Philox's output block.

use super::{not_supported, words};
use crate::bitgen::state::{Mt19937State, Pcg64State, PhiloxState, Sfc64State};
use crate::generator::{AnyBitGenerator, AnyGenerator, BitGenKind, Generator};
use crate::{BitGenState, BitGenerator, Mt19937, Pcg64, Pcg64Dxsm, Philox, Sfc64};
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

static GENERATOR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static BIT_GENERATOR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CLASSES: [PyOnceLock<Py<PyType>>; 5] = [const { PyOnceLock::new() }; 5];

fn flag(d: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(d.get_item("has_uint32")?.extract::<i64>()? != 0)
}

fn fixed<const K: usize>(v: Vec<u64>, what: &str) -> PyResult<[u64; K]> {
    v.as_slice()
        .try_into()
        .map_err(|_| crate::Error::value(format!("state {what} must hold {K} words")).into())
}

/// Reads a bit generator's `.state` dictionary, in NumPy's layout for each of the five
/// (see [`BitGenState::to_json`] for the keys); any other `bit_generator` name is a
/// `TypeError`.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let bg = py.import("numpy.random")?.getattr("SFC64")?.call1((5,))?;
/// let st = nprand::py::bitgen_state_from_py(&bg.getattr("state")?)?;
/// assert_eq!(st, nprand::Sfc64::new(5).state());
/// # Ok(()) }
/// ```
pub fn bitgen_state_from_py(state: &Bound<'_, PyAny>) -> PyResult<BitGenState> {
    let name: String = state.get_item("bit_generator")?.extract()?;
    let inner = state.get_item("state")?;
    Ok(match name.as_str() {
        "MT19937" => {
            let key: Box<[u32; crate::mt19937::N]> =
                words::<u32>(&inner.get_item("key")?, "uint32")?
                    .into_boxed_slice()
                    .try_into()
                    .map_err(|_| crate::Error::value("state key must hold 624 words"))?;
            let pos: i64 = inner.get_item("pos")?.extract()?;
            let pos = usize::try_from(pos)
                .map_err(|_| crate::Error::value("state pos must be between 0 and 624"))?;
            BitGenState::Mt19937(Mt19937State { key, pos })
        }
        "PCG64" | "PCG64DXSM" => {
            let s = Pcg64State {
                state: inner.get_item("state")?.extract()?,
                inc: inner.get_item("inc")?.extract()?,
                has_uint32: flag(state)?,
                uinteger: state.get_item("uinteger")?.extract()?,
            };
            if name == "PCG64" {
                BitGenState::Pcg64(s)
            } else {
                BitGenState::Pcg64Dxsm(s)
            }
        }
        "Philox" => {
            let buffer_pos: i64 = state.get_item("buffer_pos")?.extract()?;
            BitGenState::Philox(PhiloxState {
                counter: fixed(words(&inner.get_item("counter")?, "uint64")?, "counter")?,
                key: fixed(words(&inner.get_item("key")?, "uint64")?, "key")?,
                buffer: fixed(words(&state.get_item("buffer")?, "uint64")?, "buffer")?,
                buffer_pos: usize::try_from(buffer_pos)
                    .map_err(|_| crate::Error::value("state buffer_pos must be between 0 and 4"))?,
                has_uint32: flag(state)?,
                uinteger: state.get_item("uinteger")?.extract()?,
            })
        }
        "SFC64" => BitGenState::Sfc64(Sfc64State {
            state: fixed(words(&inner.get_item("state")?, "uint64")?, "state")?,
            has_uint32: flag(state)?,
            uinteger: state.get_item("uinteger")?.extract()?,
        }),
        other => return Err(not_supported(&format!("the bit generator {other:?}"))),
    })
}

/// The `.state` dictionary NumPy's bit generator shows for `st` (arrays as `uint32` /
/// `uint64` ndarrays, 128-bit integers as Python ints), which its setter takes back.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let d = nprand::py::bitgen_state_to_py(py, &nprand::Pcg64::new(5).state())?;
/// py.import("numpy.random")?.getattr("PCG64")?.call0()?.setattr("state", d)?;
/// # Ok(()) }
/// ```
pub fn bitgen_state_to_py<'py>(py: Python<'py>, st: &BitGenState) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let inner = PyDict::new(py);
    d.set_item("bit_generator", st.bit_generator())?;
    let (has_uint32, uinteger) = match st {
        BitGenState::Mt19937(s) => {
            inner.set_item("key", PyArray1::from_slice(py, &s.key[..]))?;
            inner.set_item("pos", s.pos)?;
            d.set_item("state", inner)?;
            return Ok(d);
        }
        BitGenState::Pcg64(s) | BitGenState::Pcg64Dxsm(s) => {
            inner.set_item("state", s.state)?;
            inner.set_item("inc", s.inc)?;
            (s.has_uint32, s.uinteger)
        }
        BitGenState::Philox(s) => {
            inner.set_item("counter", PyArray1::from_slice(py, &s.counter))?;
            inner.set_item("key", PyArray1::from_slice(py, &s.key))?;
            (s.has_uint32, s.uinteger)
        }
        BitGenState::Sfc64(s) => {
            inner.set_item("state", PyArray1::from_slice(py, &s.state))?;
            (s.has_uint32, s.uinteger)
        }
    };
    d.set_item("state", inner)?;
    if let BitGenState::Philox(s) = st {
        d.set_item("buffer", PyArray1::from_slice(py, &s.buffer))?;
        d.set_item("buffer_pos", s.buffer_pos)?;
    }
    d.set_item("has_uint32", has_uint32 as i64)?;
    d.set_item("uinteger", uinteger)?;
    Ok(d)
}

/// The NumPy bit generator behind `obj` (a `Generator`, or a bit generator itself) and
/// which of the five it is. Only NumPy's own five classes pass, by exact type: a
/// subclass (a third party's `BitGenerator`, or one overriding `random_raw`) is a
/// `TypeError`, as is anything that is not a generator.
fn bit_generator_of<'py>(obj: &Bound<'py, PyAny>) -> PyResult<(Bound<'py, PyAny>, BitGenKind)> {
    let py = obj.py();
    let bg = if obj.is_instance(GENERATOR.import(py, "numpy.random", "Generator")?)? {
        obj.getattr("bit_generator")?
    } else if obj.is_instance(BIT_GENERATOR.import(py, "numpy.random", "BitGenerator")?)? {
        obj.clone()
    } else {
        return Err(super::wrong_type(
            obj,
            "numpy.random.Generator or one of NumPy's bit generators",
        ));
    };
    for (cell, kind) in CLASSES.iter().zip(BitGenKind::ALL) {
        if bg
            .get_type()
            .is(cell.import(py, "numpy.random", kind.numpy_name())?)
        {
            return Ok((bg, kind));
        }
    }
    let name = bg.get_type().qualname()?;
    Err(not_supported(&format!(
        "the bit generator {name} (NumPy's MT19937, PCG64, PCG64DXSM, Philox and SFC64 are)"
    )))
}

/// A bit generator in the state `st`, without a seed sequence (a borrowed generator's
/// `spawn` is not carried over).
fn from_state(st: &BitGenState) -> crate::Result<AnyBitGenerator> {
    Ok(match st {
        BitGenState::Mt19937(s) => AnyBitGenerator::Mt19937(Mt19937::from_state(*s.key, s.pos)?),
        BitGenState::Pcg64(s) => AnyBitGenerator::Pcg64(Pcg64::from_raw_state(*s)),
        BitGenState::Pcg64Dxsm(s) => AnyBitGenerator::Pcg64Dxsm(Pcg64Dxsm::from_raw_state(*s)),
        BitGenState::Philox(s) => {
            if s.buffer_pos > 4 {
                return Err(crate::Error::value(format!(
                    "state buffer_pos must be between 0 and 4 (got {})",
                    s.buffer_pos
                )));
            }
            AnyBitGenerator::Philox(Philox::from_raw_state(*s))
        }
        BitGenState::Sfc64(s) => AnyBitGenerator::Sfc64(Sfc64::from_raw_state(*s)),
    })
}

/// A [`Generator`] over the state of `obj`: a `numpy.random.Generator` or one of NumPy's
/// five bit generators. Third-party bit generators and other objects are a `TypeError`.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let obj = py.import("numpy.random")?.getattr("default_rng")?.call1((7,))?;
/// let mut g = nprand::py::generator_from_py(&obj)?;
/// assert_eq!(g.random(), nprand::default_rng(7).random());
/// # Ok(()) }
/// ```
pub fn generator_from_py(obj: &Bound<'_, PyAny>) -> PyResult<AnyGenerator> {
    let (bg, _) = bit_generator_of(obj)?;
    let st = bitgen_state_from_py(&bg.getattr("state")?)?;
    Ok(Generator::new(from_state(&st)?))
}

/// `obj.bit_generator.state = ...` (or `obj.state = ...` for a bit generator) with the
/// state of `g`, which must be of the same kind.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let obj = py.import("numpy.random")?.getattr("default_rng")?.call0()?;
/// nprand::py::store_generator(&obj, &nprand::generator::AnyGenerator::from_kind(
///     nprand::generator::BitGenKind::Pcg64, 3))?;
/// # Ok(()) }
/// ```
pub fn store_generator(obj: &Bound<'_, PyAny>, g: &AnyGenerator) -> PyResult<()> {
    let (bg, kind) = bit_generator_of(obj)?;
    let st = g.bit_generator().state();
    if st.bit_generator() != kind.numpy_name() {
        return Err(crate::bitgen::state::wrong_generator(kind.numpy_name()).into());
    }
    bg.setattr("state", bitgen_state_to_py(obj.py(), &st)?)
}
