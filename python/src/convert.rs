//! Python arguments into the evaluator's values, and its results back as NumPy arrays,
//! NumPy scalars and Python objects.

use nprand::eval::parser::{Call, Expr};
use nprand::eval::py_value::PyValue;
use nprand::eval::value::{Data, Kind, Value};
use num_bigint::BigInt;
use numpy::{IntoPyArray, PyArrayMethods, PyUntypedArray};
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType,
};

/// `numpy` scalar types and dtypes are named as the evaluator names them: `np.int8`.
fn np_name(ty: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(format!(
        "np.{}",
        ty.getattr("__name__")?.extract::<String>()?
    ))
}

/// A Python argument as the evaluator's expression (what NumPy would see).
pub fn to_expr(obj: &Bound<'_, PyAny>) -> PyResult<Expr> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Expr::None);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Expr::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        return obj
            .extract::<i128>()
            .map(Expr::Int)
            .map_err(|_| PyOverflowError::new_err("Python int too large to convert to C long"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(Expr::Float(f.value()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Expr::Str(s.to_str()?.to_string()));
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return t
            .iter()
            .map(|x| to_expr(&x))
            .collect::<PyResult<_>>()
            .map(Expr::Tuple);
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return l
            .iter()
            .map(|x| to_expr(&x))
            .collect::<PyResult<_>>()
            .map(Expr::List);
    }
    let np = py.import("numpy")?;
    if obj.is_instance_of::<PyUntypedArray>() || obj.is_instance(&np.getattr("generic")?)? {
        // An array as its nested list, a NumPy scalar as the Python scalar (`item()`).
        return to_expr(&obj.call_method0("tolist")?);
    }
    if let Ok(ty) = obj.cast::<PyType>() {
        let name = ty.name()?.to_string();
        if ty.is_subclass(&np.getattr("generic")?)? {
            return Ok(Expr::Name(np_name(ty)?));
        }
        if ["int", "float", "bool", "complex", "str", "bytes", "object"].contains(&name.as_str())
            && ty.getattr("__module__")?.extract::<String>()? == "builtins"
        {
            return Ok(Expr::Name(name));
        }
    }
    if obj.is_instance(&np.getattr("dtype")?)? {
        return Ok(Expr::Name(np_name(&obj.getattr("type")?)?));
    }
    if obj.hasattr("__index__")? {
        return to_expr(&obj.call_method0("__index__")?);
    }
    if obj.hasattr("__len__")? && obj.hasattr("__getitem__")? {
        // Any other sequence, as NumPy reads it: element by element.
        return to_expr(
            &PyList::new(py, obj.try_iter()?.collect::<PyResult<Vec<_>>>()?)?.into_any(),
        );
    }
    Err(PyTypeError::new_err(format!(
        "nprand: cannot pass a {} to NumPy's methods here",
        obj.get_type().qualname()?
    )))
}

/// `method(*args, **kwargs)` as the evaluator's parsed call.
pub fn to_call(
    method: &str,
    args: &Bound<'_, PyTuple>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Call> {
    let mut kw = Vec::new();
    if let Some(d) = kwargs {
        for (k, v) in d.iter() {
            kw.push((k.extract::<String>()?, to_expr(&v)?));
        }
    }
    Ok(Call {
        method: method.to_string(),
        args: args.iter().map(|a| to_expr(&a)).collect::<PyResult<_>>()?,
        kwargs: kw,
    })
}

macro_rules! by_data {
    ($data:expr, $v:ident => $e:expr) => {
        match $data {
            Data::Bool($v) => $e,
            Data::I8($v) => $e,
            Data::U8($v) => $e,
            Data::I16($v) => $e,
            Data::I32($v) => $e,
            Data::U16($v) => $e,
            Data::U32($v) => $e,
            Data::I64($v) => $e,
            Data::U64($v) => $e,
            Data::F64($v) => $e,
            Data::F32($v) => $e,
            Data::Bytes($v) => $e,
        }
    };
}

/// An evaluated result as NumPy returns it: an ndarray (the buffer handed over, not
/// copied), a NumPy scalar, a Python scalar, `bytes` or `None`.
pub fn from_value(py: Python<'_>, v: Value) -> PyResult<Py<PyAny>> {
    if v.is_none() {
        return Ok(py.None());
    }
    match v.kind {
        Kind::Bytes => {
            let Data::Bytes(b) = v.data else {
                unreachable!("bytes are Data::Bytes")
            };
            Ok(PyBytes::new(py, &b).into_any().unbind())
        }
        Kind::PyScalar => {
            by_data!(v.data, d => Ok(d[0].into_pyobject(py)?.to_owned().into_any().unbind()))
        }
        Kind::NpScalar => {
            by_data!(v.data, d => Ok(d.into_pyarray(py).get_item(0)?.unbind()))
        }
        Kind::Array => {
            by_data!(v.data, d => Ok(d.into_pyarray(py).reshape(v.shape)?.into_any().unbind()))
        }
    }
}

/// A Python argument as a CPython value for the `random` evaluator.
pub fn to_py_value(obj: &Bound<'_, PyAny>) -> PyResult<PyValue> {
    if obj.is_none() {
        return Ok(PyValue::None);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(PyValue::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(PyValue::Int(obj.extract::<BigInt>()?));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(PyValue::Float(f.value()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(PyValue::Str(s.to_str()?.to_string()));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(PyValue::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(PyValue::Bytes(b.to_vec()));
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return t
            .iter()
            .map(|x| to_py_value(&x))
            .collect::<PyResult<_>>()
            .map(PyValue::Tuple);
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return l
            .iter()
            .map(|x| to_py_value(&x))
            .collect::<PyResult<_>>()
            .map(PyValue::List);
    }
    if let Ok(ty) = obj.cast::<PyType>() {
        if ty.getattr("__module__")?.extract::<String>()? == "builtins" {
            return Ok(PyValue::Type(ty.name()?.to_string()));
        }
    }
    if obj.hasattr("__index__")? {
        return to_py_value(&obj.call_method0("__index__")?);
    }
    if obj.hasattr("__float__")? {
        return Ok(PyValue::Float(obj.extract::<f64>()?));
    }
    Err(PyTypeError::new_err(format!(
        "nprand: cannot pass a {} to random's methods here",
        obj.get_type().qualname()?
    )))
}

/// A CPython value as the Python object.
pub fn from_py_value(py: Python<'_>, v: PyValue) -> PyResult<Py<PyAny>> {
    Ok(match v {
        PyValue::None => py.None(),
        PyValue::Bool(b) => PyBool::new(py, b).to_owned().into_any().unbind(),
        PyValue::Int(i) => i.into_pyobject(py)?.into_any().unbind(),
        PyValue::Float(x) => x.into_pyobject(py)?.into_any().unbind(),
        PyValue::Str(s) => s.into_pyobject(py)?.into_any().unbind(),
        PyValue::Bytes(b) => PyBytes::new(py, &b).into_any().unbind(),
        PyValue::List(items) => PyList::new(
            py,
            items
                .into_iter()
                .map(|x| from_py_value(py, x))
                .collect::<PyResult<Vec<_>>>()?,
        )?
        .into_any()
        .unbind(),
        PyValue::Tuple(items) => PyTuple::new(
            py,
            items
                .into_iter()
                .map(|x| from_py_value(py, x))
                .collect::<PyResult<Vec<_>>>()?,
        )?
        .into_any()
        .unbind(),
        PyValue::Type(name) => py.import("builtins")?.getattr(name.as_str())?.unbind(),
    })
}
