//! nprand's [`Error`] as the Python exception NumPy or CPython raises.

use crate::error::{Error, ErrorKind};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

/// Where the exception class of a kind lives: `builtins` for Python's own, NumPy's
/// modules for NumPy's (`LinAlgError`, `AxisError`, `UFuncTypeError`).
fn home(kind: ErrorKind) -> (&'static str, &'static str) {
    match kind {
        ErrorKind::LinAlgError => ("numpy.linalg", "LinAlgError"),
        ErrorKind::AxisError => ("numpy.exceptions", "AxisError"),
        ErrorKind::UFuncTypeError => ("numpy._core._exceptions", "UFuncTypeError"),
        other => ("builtins", other.name()),
    }
}

/// `raise <Kind>(message)`: the exception NumPy / CPython raises, with its message.
///
/// A `KeyError` carries the key, not its repr (nprand's message is `'inc'`, as
/// `str(KeyError('inc'))` prints it). Should the class not be importable (an older
/// NumPy moved `UFuncTypeError`), the nearest built-in base is raised instead.
///
/// ```no_run
/// use pyo3::prelude::*;
/// # fn f(py: Python<'_>) {
/// let e: PyErr = nprand::Error::value("scale < 0").into();
/// assert!(e.is_instance_of::<pyo3::exceptions::PyValueError>(py));
/// # }
/// ```
impl From<Error> for PyErr {
    fn from(err: Error) -> PyErr {
        Python::attach(|py| {
            let msg = err.message();
            let arg = match err.kind() {
                ErrorKind::KeyError => msg
                    .strip_prefix('\'')
                    .and_then(|m| m.strip_suffix('\''))
                    .unwrap_or(msg),
                _ => msg,
            };
            let (module, name) = home(err.kind());
            let made = py
                .import(module)
                .and_then(|m| m.getattr(name))
                .and_then(|cls| cls.call1((arg,)));
            match made {
                Ok(exc) => PyErr::from_value(exc),
                Err(_) if err.kind() == ErrorKind::UFuncTypeError => {
                    PyTypeError::new_err(arg.to_string())
                }
                Err(_) => PyValueError::new_err(arg.to_string()),
            }
        })
    }
}
