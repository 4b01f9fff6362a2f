//! `out=`: the four `Generator` methods that take a caller's output array (`random`,
//! `standard_normal`, `standard_exponential`, `standard_gamma`), as NumPy's
//! `_common.pyx` runs them: the dtype first (`Unsupported dtype ...`), then
//! `check_output` (contiguous, writeable, aligned, native byte order; C order for
//! `standard_gamma`; the dtype; `size` equal to `out.shape`), then `out.size` values
//! written in the array's memory order, and `out` itself returned.
//!
//! The values are those of the same call with `size=out.shape` and no `out` (NumPy
//! fills `out` with the same kernel loop it fills a fresh array with), so they come from
//! the ordinary paths and are copied into `out`'s buffer.

use numpy::{PyArrayDyn, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use nprand::eval::value::{Data, Value};

/// The parameter names of the methods with `out=`, in NumPy's order.
fn signature(method: &str) -> Option<&'static [&'static str]> {
    Some(match method {
        "random" | "standard_normal" => &["size", "dtype", "out"],
        "standard_exponential" => &["size", "dtype", "method", "out"],
        "standard_gamma" => &["shape", "size", "dtype", "out"],
        _ => return None,
    })
}

/// A call with `out=` (not `None`): `out` after NumPy's checks, filled by `draw` (the
/// ordinary path, called with `size=out.shape` and without `out`). `None` for every
/// other call, and for one whose dtype NumPy rejects before looking at `out` (the
/// ordinary path raises that error).
pub fn call_with_out<'py>(
    py: Python<'py>,
    method: &str,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
    draw: impl FnOnce(&Bound<'py, PyTuple>, &Bound<'py, PyDict>) -> PyResult<Value>,
) -> PyResult<Option<Py<PyAny>>> {
    let Some(names) = signature(method) else {
        return Ok(None);
    };
    // `out` is the last parameter, positional or keyword. Too many positional arguments
    // are the ordinary path's TypeError.
    let out_at = names.len() - 1;
    if args.len() > names.len() {
        return Ok(None);
    }
    let out = match args.get_item(out_at) {
        Ok(o) => o,
        Err(_) => match kwargs.and_then(|k| k.get_item("out").ok().flatten()) {
            Some(o) => o,
            None => return Ok(None),
        },
    };
    if out.is_none() {
        return Ok(None);
    }
    // An unknown keyword, or one that repeats a positional argument: Python's TypeError,
    // raised by the ordinary path before anything else (as Python raises it before NumPy
    // looks at `out`).
    if let Some(k) = kwargs {
        for key in k.keys() {
            let key: String = key.extract()?;
            match names.iter().position(|n| *n == key) {
                Some(i) if i >= args.len() => {}
                _ => return Ok(None),
            }
        }
    }
    let np = py.import("numpy")?;
    let dtype = match kwargs.and_then(|k| k.get_item("dtype").ok().flatten()) {
        Some(d) => np.call_method1("dtype", (d,))?,
        None => match args.get_item(names.iter().position(|n| *n == "dtype").unwrap_or(99)) {
            Ok(d) => np.call_method1("dtype", (d,))?,
            Err(_) => np.call_method1("dtype", ("float64",))?,
        },
    };
    let name: String = dtype.getattr("name")?.extract()?;
    if name != "float64" && name != "float32" {
        return Ok(None);
    }
    let size = match kwargs.and_then(|k| k.get_item("size").ok().flatten()) {
        Some(s) => Some(s),
        None => {
            let i = names.iter().position(|n| *n == "size").unwrap_or(99);
            args.get_item(i).ok()
        }
    };
    check_output(py, &out, &dtype, size.as_ref(), method == "standard_gamma")?;

    // Every argument as a keyword (the names are NumPy's), `size` as `out.shape`.
    let call_kwargs = PyDict::new(py);
    for (i, a) in args.iter().enumerate().take(out_at) {
        call_kwargs.set_item(names[i], a)?;
    }
    if let Some(k) = kwargs {
        for (key, v) in k.iter() {
            if key.extract::<String>()? != "out" {
                call_kwargs.set_item(key, v)?;
            }
        }
    }
    call_kwargs.set_item("size", out.getattr("shape")?)?;
    let values = draw(&PyTuple::empty(py), &call_kwargs)?;
    match values.data {
        Data::F64(v) => copy_into::<f64>(&out, &v)?,
        Data::F32(v) => copy_into::<f32>(&out, &v)?,
        _ => return Err(PyTypeError::new_err("nprand: out= got a non-float result")),
    }
    Ok(Some(out.unbind()))
}

/// NumPy's `check_output(out, dtype, size, require_c_array)`.
fn check_output(
    py: Python<'_>,
    out: &Bound<'_, PyAny>,
    dtype: &Bound<'_, PyAny>,
    size: Option<&Bound<'_, PyAny>>,
    require_c: bool,
) -> PyResult<()> {
    let Ok(arr) = out.cast::<PyUntypedArray>() else {
        // NumPy casts without checking (undefined behaviour); refuse clearly instead.
        return Err(PyTypeError::new_err("out must be a numpy.ndarray"));
    };
    let flags = out.getattr("flags")?;
    let flag = |f: &str| -> PyResult<bool> { flags.getattr(f)?.extract() };
    let native = arr.dtype().getattr("isnative")?.extract::<bool>()?;
    let fine = flag("aligned")? && flag("writeable")? && native;
    let c = fine && flag("c_contiguous")?;
    let f = fine && flag("f_contiguous")?;
    if !(c || (f && !require_c)) {
        let req = if require_c { "C-" } else { "" };
        return Err(PyValueError::new_err(format!(
            "Supplied output array must be {req}contiguous, writable, aligned, and in machine byte-order."
        )));
    }
    if !arr.dtype().eq(dtype)? {
        return Err(PyTypeError::new_err(format!(
            "Supplied output array has the wrong type. Expected {}, got {}",
            dtype.str()?,
            arr.dtype().str()?
        )));
    }
    if let Some(size) = size.filter(|s| !s.is_none()) {
        let builtins = py.import("builtins")?;
        let tup = match builtins.call_method1("tuple", (size,)) {
            Ok(t) => t,
            Err(e) if e.is_instance_of::<PyTypeError>(py) => {
                builtins.call_method1("tuple", (vec![size.clone()],))?
            }
            Err(e) => return Err(e),
        };
        if !tup.eq(out.getattr("shape")?)? {
            return Err(PyValueError::new_err(
                "size must match out.shape when used together",
            ));
        }
    }
    Ok(())
}

/// `values` (C order) into `out`'s buffer in memory order, as NumPy's fill loops write
/// `out.size` values through its data pointer.
fn copy_into<T: numpy::Element + Copy>(out: &Bound<'_, PyAny>, values: &[T]) -> PyResult<()> {
    let arr = out.cast::<PyArrayDyn<T>>()?;
    let mut rw = arr.try_readwrite()?;
    let slice = rw
        .as_slice_mut()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    if slice.len() != values.len() {
        return Err(PyValueError::new_err("nprand: out= size mismatch"));
    }
    slice.copy_from_slice(values);
    Ok(())
}
