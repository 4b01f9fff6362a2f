//! Inside a PyO3 extension (feature `pyo3`): continue the exact stream of the
//! `numpy.random.RandomState`, `numpy.random.Generator` or `random.Random` the Python
//! code passed in, and hand the generator back where NumPy or CPython would have left it.
//!
//! ```no_run
//! use pyo3::prelude::*;
//! use numpy::{PyArray1, IntoPyArray};
//!
//! /// Python: `walk(np.random.RandomState(1), 1000)` draws what
//! /// `rs.normal(0, 1, 1000).cumsum()` would, and leaves `rs` where NumPy would.
//! #[pyfunction]
//! fn walk<'py>(rs: &Bound<'py, PyAny>, n: usize) -> PyResult<Bound<'py, PyArray1<f64>>> {
//!     let py = rs.py();
//!     nprand::py::with_random_state(rs, |rs| {
//!         let mut x = 0.0;
//!         let mut out = Vec::with_capacity(n);
//!         for _ in 0..n {
//!             x += rs.normal(0.0, 1.0)?;
//!             out.push(x);
//!         }
//!         Ok(out.into_pyarray(py))
//!     })
//! }
//! ```
//!
//! | Python object | its state API | Rust | scoped form |
//! |---|---|---|---|
//! | `np.random.RandomState` | `get_state(legacy=False)` / `set_state` (+ `has_gauss`, `gauss`) | [`RandomState`] | [`with_random_state`] |
//! | `np.random.Generator`, or its bit generator (`MT19937`, `PCG64`, `PCG64DXSM`, `Philox`, `SFC64`) | `bit_generator.state` (+ `has_uint32`, `uinteger`) | [`AnyGenerator`] | [`with_generator`] |
//! | `random.Random` (and `random._inst`) | `getstate()` / `setstate()` (+ `gauss_next`) | [`Random`] | [`with_random`] |
//!
//! The scoped forms copy the state in, run the closure, and write the state back
//! whatever the closure returns, an error or a panic included: the Python code sees
//! every draw Rust made, as if NumPy had made it. nprand's [`Error`](crate::Error)
//! converts to the Python exception NumPy raises (`?` works in the closure).
//!
//! Not covered (a `TypeError` says so): bit generators that are not NumPy's own five
//! classes (third-party `BitGenerator` subclasses), `RandomState` over a bit generator
//! other than MT19937, `random.Random` subclasses that override how they draw
//! (`SystemRandom`). A borrowed generator's `SeedSequence` stays in Python: `spawn` on
//! the Rust side is an error (spawn in Python first).
//!
//! Results go to Python as NumPy arrays through `numpy` (rust-numpy, re-exported as
//! [`numpy`]): `Vec::into_pyarray` hands the buffer over without a copy.

mod bitgen;
mod error;
mod legacy;
mod random;

pub use bitgen::{bitgen_state_from_py, bitgen_state_to_py, generator_from_py, store_generator};
pub use legacy::{
    legacy_state_from_py, legacy_state_to_py, random_state_from_py, store_random_state,
};
/// The rust-numpy crate this one is built against: build result arrays with it.
pub use numpy;
/// The PyO3 crate this one is built against.
pub use pyo3;
pub use random::{py_state_from_py, py_state_to_py, random_from_py, store_random};

use crate::generator::AnyGenerator;
use crate::python::Random;
use crate::RandomState;
use numpy::{PyArray1, PyArrayMethods};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

/// `TypeError` for an object of the wrong kind.
fn wrong_type(obj: &Bound<'_, PyAny>, wanted: &str) -> PyErr {
    let got = obj
        .get_type()
        .qualname()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    PyTypeError::new_err(format!("nprand.py: expected {wanted}, got {got}"))
}

/// `TypeError` for a generator nprand cannot continue exactly.
fn not_supported(what: &str) -> PyErr {
    PyTypeError::new_err(format!(
        "nprand.py: {what} is not supported; nprand continues NumPy's RandomState (MT19937), \
         Generator over MT19937, PCG64, PCG64DXSM, Philox or SFC64, and random.Random"
    ))
}

/// The words of a state array (NumPy's `uint32`/`uint64` ndarray, or any sequence of
/// ints, converted as `np.ascontiguousarray(x, dtype)` converts it).
fn words<T: numpy::Element + Copy>(obj: &Bound<'_, PyAny>, dtype: &str) -> PyResult<Vec<T>> {
    let arr = match obj.cast::<PyArray1<T>>() {
        Ok(a) => a.clone(),
        Err(_) => obj
            .py()
            .import("numpy")?
            .call_method1("ascontiguousarray", (obj, dtype))?
            .cast_into::<PyArray1<T>>()?,
    };
    let ro = arr.readonly();
    match ro.as_slice() {
        Ok(s) => Ok(s.to_vec()),
        Err(_) => Ok(ro.as_array().iter().copied().collect()),
    }
}

/// Runs `f` with the state of a Python object, and always writes it back.
///
/// `take` reads the state, `put` writes it; a guard writes it back during a panic too.
fn scoped<'py, G, T>(
    obj: &Bound<'py, PyAny>,
    take: fn(&Bound<'py, PyAny>) -> PyResult<G>,
    put: fn(&Bound<'py, PyAny>, &G) -> PyResult<()>,
    f: impl FnOnce(&mut G) -> PyResult<T>,
) -> PyResult<T> {
    struct Guard<'a, 'py, G> {
        obj: &'a Bound<'py, PyAny>,
        gen: G,
        put: fn(&Bound<'py, PyAny>, &G) -> PyResult<()>,
        done: bool,
    }
    impl<G> Drop for Guard<'_, '_, G> {
        fn drop(&mut self) {
            // Only reached unwinding out of `f`: the state still goes back. An error
            // writing it cannot be raised from here; the panic is what Python sees.
            if !self.done {
                let _ = (self.put)(self.obj, &self.gen);
            }
        }
    }
    let mut guard = Guard {
        obj,
        gen: take(obj)?,
        put,
        done: false,
    };
    let out = f(&mut guard.gen);
    guard.done = true;
    let stored = put(obj, &guard.gen);
    // The closure's error wins over one writing the state back.
    let value = out?;
    stored?;
    Ok(value)
}

/// Lends the state of a `numpy.random.RandomState` to `f` as a [`RandomState`], then
/// writes the state back (`set_state`), also when `f` returns an error or panics.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// // rs = np.random.RandomState(1); x = rs.standard_normal(); rs.random_sample()
/// let rs = py.import("numpy.random")?.getattr("RandomState")?.call1((1,))?;
/// let x = nprand::py::with_random_state(&rs, |r| Ok(r.standard_normal()))?;
/// let next: f64 = rs.call_method0("random_sample")?.extract()?; // NumPy's next value
/// # Ok(()) }
/// ```
pub fn with_random_state<'py, T>(
    obj: &Bound<'py, PyAny>,
    f: impl FnOnce(&mut RandomState) -> PyResult<T>,
) -> PyResult<T> {
    scoped(obj, random_state_from_py, store_random_state, f)
}

/// Lends the state of a `numpy.random.Generator` (or of one of NumPy's five bit
/// generators) to `f` as an [`AnyGenerator`], then writes the state back
/// (`bit_generator.state = ...`), also when `f` returns an error or panics.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let rng = py.import("numpy.random")?.getattr("default_rng")?.call1((1,))?;
/// let k = nprand::py::with_generator(&rng, |g| Ok(g.integers(0, 10, false)?))?;
/// # Ok(()) }
/// ```
pub fn with_generator<'py, T>(
    obj: &Bound<'py, PyAny>,
    f: impl FnOnce(&mut AnyGenerator) -> PyResult<T>,
) -> PyResult<T> {
    scoped(obj, generator_from_py, store_generator, f)
}

/// Lends the state of a `random.Random` to `f` as a [`Random`], then writes the state
/// back (`setstate`), also when `f` returns an error or panics.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) -> PyResult<()> {
/// let r = py.import("random")?.getattr("Random")?.call1((1,))?;
/// let x = nprand::py::with_random(&r, |r| Ok(r.gauss(0.0, 1.0)))?;
/// # Ok(()) }
/// ```
pub fn with_random<'py, T>(
    obj: &Bound<'py, PyAny>,
    f: impl FnOnce(&mut Random) -> PyResult<T>,
) -> PyResult<T> {
    scoped(obj, random_from_py, store_random, f)
}
