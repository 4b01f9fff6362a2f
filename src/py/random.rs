//! `random.Random` ⇄ [`Random`], through `getstate()` / `setstate()`:
//! `(3, (624 words..., index), gauss_next)`, the cached gaussian included.

use crate::python::{PyState, Random};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyTuple, PyType};

static RANDOM: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Reads the tuple `random.Random.getstate()` returns into a [`PyState`].
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let r = py.import("random")?.getattr("Random")?.call1((5,))?;
/// let st = nprand::py::py_state_from_py(&r.call_method0("getstate")?)?;
/// assert_eq!(st, nprand::python::Random::new(5).getstate());
/// # Ok(()) }
/// ```
pub fn py_state_from_py(state: &Bound<'_, PyAny>) -> PyResult<PyState> {
    let (version, internal, gauss_next): (i64, Vec<u32>, Option<f64>) = state.extract()?;
    let Some((&pos, key)) = internal.split_last() else {
        return Err(crate::Error::value("state vector is the wrong size").into());
    };
    let st = PyState {
        version,
        key: key.to_vec(),
        pos: pos as usize,
        gauss_next,
    };
    st.validate()?;
    Ok(st)
}

/// The tuple `getstate()` returns for `st`, which `setstate` takes back.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let t = nprand::py::py_state_to_py(py, &nprand::python::Random::new(5).getstate())?;
/// py.import("random")?.getattr("Random")?.call0()?.call_method1("setstate", (t,))?;
/// # Ok(()) }
/// ```
pub fn py_state_to_py<'py>(py: Python<'py>, st: &PyState) -> PyResult<Bound<'py, PyTuple>> {
    let mut words = st.key.clone();
    words.push(st.pos as u32);
    let internal = PyTuple::new(py, words)?;
    PyTuple::new(
        py,
        [
            st.version.into_pyobject(py)?.into_any(),
            internal.into_any(),
            st.gauss_next.into_pyobject(py)?.into_any(),
        ],
    )
}

/// A [`Random`] in the state of `obj`, a `random.Random` (the module's hidden instance
/// `random._inst` included). A subclass that draws differently (`SystemRandom`, or one
/// overriding `random` or `getrandbits`) is a `TypeError`.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let obj = py.import("random")?.getattr("Random")?.call1((7,))?;
/// let mut r = nprand::py::random_from_py(&obj)?;
/// assert_eq!(r.random(), nprand::python::Random::new(7).random());
/// # Ok(()) }
/// ```
pub fn random_from_py(obj: &Bound<'_, PyAny>) -> PyResult<Random> {
    let py = obj.py();
    let cls = RANDOM.import(py, "random", "Random")?;
    if !obj.is_instance(cls)? {
        return Err(super::wrong_type(obj, "random.Random"));
    }
    let ty = obj.get_type();
    for method in ["random", "getrandbits", "getstate", "setstate"] {
        if !ty.getattr(method)?.is(&cls.getattr(method)?) {
            let name = ty.qualname()?;
            return Err(super::not_supported(&format!(
                "{name}, a random.Random subclass overriding {method}()"
            )));
        }
    }
    Ok(Random::from_state(&py_state_from_py(
        &obj.call_method0("getstate")?,
    )?)?)
}

/// `obj.setstate(...)` with the state of `r`.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let obj = py.import("random")?.getattr("Random")?.call0()?;
/// nprand::py::store_random(&obj, &nprand::python::Random::new(3))?;
/// # Ok(()) }
/// ```
pub fn store_random(obj: &Bound<'_, PyAny>, r: &Random) -> PyResult<()> {
    obj.call_method1("setstate", (py_state_to_py(obj.py(), &r.getstate())?,))?;
    Ok(())
}
