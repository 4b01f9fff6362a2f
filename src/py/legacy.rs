//! `numpy.random.RandomState` ⇄ [`RandomState`], through `get_state(legacy=False)` and
//! `set_state`: the 624 key words, the position, and the cached gaussian of the polar
//! method (`has_gauss`, `gauss`), so a stream continues exactly where NumPy left it.

use super::{not_supported, words};
use crate::{LegacyState, RandomState};
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

static RANDOM_STATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Reads NumPy's `get_state(legacy=False)` dictionary
/// (`{'bit_generator': 'MT19937', 'state': {'key': ndarray, 'pos': int}, 'has_gauss': int,
/// 'gauss': float}`) into a [`LegacyState`]. A RandomState over another bit generator
/// (`RandomState(PCG64())`) is a `TypeError`: the legacy stream nprand ports is MT19937's.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let rs = py.import("numpy.random")?.getattr("RandomState")?.call1((5,))?;
/// let st = nprand::py::legacy_state_from_py(&rs.call_method1("get_state", (false,))?)?;
/// assert_eq!(st, nprand::RandomState::new(5).get_state());
/// # Ok(()) }
/// ```
pub fn legacy_state_from_py(state: &Bound<'_, PyAny>) -> PyResult<LegacyState> {
    let name: String = state.get_item("bit_generator")?.extract()?;
    if name != "MT19937" {
        return Err(not_supported(&format!(
            "a RandomState over {name} (nprand's legacy stream is MT19937's)"
        )));
    }
    let inner = state.get_item("state")?;
    let key_words: Vec<u32> = words(&inner.get_item("key")?, "uint32")?;
    let key: [u32; crate::mt19937::N] = key_words
        .as_slice()
        .try_into()
        .map_err(|_| crate::Error::value("state key must hold 624 words"))?;
    let pos: i64 = inner.get_item("pos")?.extract()?;
    let has_gauss: i64 = state.get_item("has_gauss")?.extract()?;
    let gauss: f64 = state.get_item("gauss")?.extract()?;
    if !(0..=crate::mt19937::N as i64).contains(&pos) {
        return Err(crate::Error::value(format!(
            "state pos must be between 0 and 624 (got {pos})"
        ))
        .into());
    }
    Ok(LegacyState {
        key,
        pos: pos as usize,
        has_gauss: has_gauss != 0,
        gauss,
    })
}

/// The dictionary NumPy's `get_state(legacy=False)` returns for `state` (the key as a
/// `uint32` array), which `RandomState.set_state` takes back.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let d = nprand::py::legacy_state_to_py(py, &nprand::RandomState::new(5).get_state())?;
/// py.import("numpy.random")?.getattr("RandomState")?.call0()?.call_method1("set_state", (d,))?;
/// # Ok(()) }
/// ```
pub fn legacy_state_to_py<'py>(py: Python<'py>, st: &LegacyState) -> PyResult<Bound<'py, PyDict>> {
    let inner = PyDict::new(py);
    inner.set_item("key", PyArray1::from_slice(py, &st.key))?;
    inner.set_item("pos", st.pos)?;
    let d = PyDict::new(py);
    d.set_item("bit_generator", "MT19937")?;
    d.set_item("state", inner)?;
    d.set_item("has_gauss", st.has_gauss as i64)?;
    d.set_item("gauss", st.gauss)?;
    Ok(d)
}

/// A [`RandomState`] in the state of the `numpy.random.RandomState` `obj` (any
/// subclass), cached gaussian included. Anything else is a `TypeError`.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let obj = py.import("numpy.random")?.getattr("RandomState")?.call1((7,))?;
/// let mut rs = nprand::py::random_state_from_py(&obj)?;
/// assert_eq!(rs.random_sample(), nprand::RandomState::new(7).random_sample());
/// # Ok(()) }
/// ```
pub fn random_state_from_py(obj: &Bound<'_, PyAny>) -> PyResult<RandomState> {
    let cls = RANDOM_STATE.import(obj.py(), "numpy.random", "RandomState")?;
    if !obj.is_instance(cls)? {
        return Err(super::wrong_type(obj, "numpy.random.RandomState"));
    }
    let st = legacy_state_from_py(&obj.call_method1("get_state", (false,))?)?;
    let mut rs = RandomState::new(0);
    rs.set_state(&st)?;
    Ok(rs)
}

/// `obj.set_state(...)` with the state of `rs`: the Python object continues the
/// stream where `rs` stopped.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let obj = py.import("numpy.random")?.getattr("RandomState")?.call0()?;
/// nprand::py::store_random_state(&obj, &nprand::RandomState::new(3))?;
/// # Ok(()) }
/// ```
pub fn store_random_state(obj: &Bound<'_, PyAny>, rs: &RandomState) -> PyResult<()> {
    obj.call_method1(
        "set_state",
        (legacy_state_to_py(obj.py(), &rs.get_state())?,),
    )?;
    Ok(())
}
